//! What each output read while it was made, and whether any of it changed since.
//!
//! `brochure serve` must re-render exactly the outputs whose bytes can change after an edit —
//! a product's name shows on its page, its category pages, the product list, the home page and
//! every news article that names it, and a message used in the footer shows everywhere. Rules
//! per page kind ("a product edit changes its page and its category") go stale the first time a
//! theme shows something new. Instead, as Typst's `World` and Salsa do, every read of the site
//! model during a render is recorded as an [`Input`], and after an edit each recorded input is
//! fingerprinted again ([`Fingerprints`]): an output is made again only when one of the inputs
//! it actually read has a different fingerprint ([`Graph`]).
//!
//! Recording is per thread and costs nothing when no one records: `brochure build` renders
//! with the same code and records nothing.

use crate::plan::Route;
use crate::render::context::Extras;
use crate::site::Site;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// One thing an output can read. Each has a fingerprint computed from the site model alone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// `brochure.toml`, the languages and their number and date formats: every output reads it.
    Config,
    /// A page template, with every template it names (`extends`, `include`, `import`).
    Template(String),
    /// The print templates and fonts (every PDF reads them).
    Print,
    /// A Fluent message in every language, with the messages and terms it refers to.
    Message(String),
    /// One product: every field and its rendered description.
    Product(String),
    /// Every category with its names and summaries (the navigation shows them all).
    Categories,
    /// The products of a category, in order, with their pictures (cards show the count and the
    /// first picture; category pages are paginated by it).
    CategoryMembers(String),
    /// The products the home page features.
    Featured,
    /// One news article, every translation and its rendered body.
    News(String),
    /// One page, every translation and its rendered body.
    Page(String),
    /// The news in order, with their dates.
    NewsOrder,
    /// The pages in order, with their titles (the navigation shows them).
    PageTitles,
    /// The news articles that name a product.
    NewsAbout(String),
    /// Whether a file exists under `static/` (site or theme).
    AssetExists(String),
    /// The bytes of a file under `static/` (`asset()` versions its URL by them).
    AssetBytes(String),
    /// The size of a product's datasheet in a language (its page shows it).
    Datasheet(String, String),
    /// The size of a brochure (its output path), shown by the catalog download links.
    Brochure(String),
    /// The list of every output (the sitemap lists them).
    Plan,
    /// Where an `@/…` link in Markdown leads (whether its target exists).
    Link(String),
}

impl std::fmt::Display for Input {
    /// As the terminal names it after an edit: `product fe-25`, `message nav-products`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Input::Config => write!(f, "brochure.toml"),
            Input::Template(name) => write!(f, "template {name}"),
            Input::Print => write!(f, "print templates or fonts"),
            Input::Message(id) => write!(f, "message {id}"),
            Input::Product(id) => write!(f, "product {id}"),
            Input::Categories => write!(f, "categories"),
            Input::CategoryMembers(id) => write!(f, "products of category {id}"),
            Input::Featured => write!(f, "featured products"),
            Input::News(slug) => write!(f, "news {slug}"),
            Input::Page(slug) => write!(f, "page {slug}"),
            Input::NewsOrder => write!(f, "list of news"),
            Input::PageTitles => write!(f, "page titles"),
            Input::NewsAbout(id) => write!(f, "news about {id}"),
            Input::AssetExists(path) | Input::AssetBytes(path) => write!(f, "static/{path}"),
            Input::Datasheet(id, lang) => write!(f, "datasheet {id} ({lang})"),
            Input::Brochure(path) => write!(f, "brochure {path}"),
            Input::Plan => write!(f, "list of pages"),
            Input::Link(target) => write!(f, "link @/{target}"),
        }
    }
}

thread_local! {
    /// The reads of the renders running on this thread, innermost last.
    static RECORDING: RefCell<Vec<BTreeSet<Input>>> = const { RefCell::new(Vec::new()) };
}

/// Whether anything on this thread is recording.
pub fn is_recording() -> bool {
    RECORDING.with(|r| !r.borrow().is_empty())
}

/// Notes that the render running on this thread read `input`. `make` runs only while recording,
/// so builds pay nothing for the key.
pub fn read(make: impl FnOnce() -> Input) {
    RECORDING.with(|r| {
        if let Some(top) = r.borrow_mut().last_mut() {
            top.insert(make());
        }
    });
}

/// Notes several reads at once: those a shared part (a product card made once, used by many
/// pages) recorded when it was made.
pub fn replay(inputs: &[Input]) {
    RECORDING.with(|r| {
        if let Some(top) = r.borrow_mut().last_mut() {
            top.extend(inputs.iter().cloned());
        }
    });
}

/// Runs `f`, returning what it read. Nested calls also count toward the enclosing recording.
/// When `active` is false and nothing encloses the call, nothing is recorded.
pub fn recording<T>(active: bool, f: impl FnOnce() -> T) -> (T, Vec<Input>) {
    if !active && !is_recording() {
        return (f(), Vec::new());
    }
    let depth = RECORDING.with(|r| {
        let mut stack = r.borrow_mut();
        stack.push(BTreeSet::new());
        stack.len() - 1
    });
    // If `f` unwinds, the stack is cut back so a later render on this thread starts clean.
    struct Guard(usize);
    impl Drop for Guard {
        fn drop(&mut self) {
            RECORDING.with(|r| r.borrow_mut().truncate(self.0));
        }
    }
    let guard = Guard(depth);
    let value = f();
    let set = RECORDING.with(|r| {
        let mut stack = r.borrow_mut();
        let set = stack.pop().unwrap_or_default();
        if let Some(parent) = stack.last_mut() {
            parent.extend(set.iter().cloned());
        }
        set
    });
    std::mem::forget(guard);
    (value, set.into_iter().collect())
}

/// A stable 64-bit hash of anything printable with `Debug` (the model's types all are). Used
/// only to tell "changed" from "unchanged" between two versions of the same site.
fn debug_hash(value: &impl std::fmt::Debug, into: &mut impl Hasher) {
    struct Feed<'h, H: Hasher>(&'h mut H);
    impl<H: Hasher> std::fmt::Write for Feed<'_, H> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let _ = std::fmt::write(&mut Feed(into), format_args!("{value:?}"));
}

/// The hasher of fingerprints and file hashes: fast, and seeded the same in every run (only
/// equality within one process matters, but a fixed seed keeps runs comparable).
pub fn hasher() -> foldhash::quality::FoldHasher<'static> {
    use std::hash::BuildHasher;
    static SEED: std::sync::OnceLock<foldhash::quality::FixedState> = std::sync::OnceLock::new();
    SEED.get_or_init(|| foldhash::quality::FixedState::with_seed(0x62726f6368757265))
        .build_hasher()
}

/// Anything that fingerprints inputs: [`Fingerprints`] of a site, or a table in tests.
pub trait Fingerprint {
    fn of(&self, input: &Input) -> u64;
}

impl Fingerprint for Fingerprints<'_> {
    fn of(&self, input: &Input) -> u64 {
        Fingerprints::of(self, input)
    }
}

/// The hash a product or translation carries of the file it was read from (its text and the
/// site's languages): equal hashes, equal values.
pub fn source_hash(text: &str, languages: &[String]) -> u64 {
    let mut h = hasher();
    text.hash(&mut h);
    languages.hash(&mut h);
    h.finish()
}

/// Whether the `@/` link target exists, for the targets whose address is otherwise fixed
/// (the sections of [`Site::link_target`]); `None` for anything else.
fn link_exists(site: &Site, target: &str) -> Option<bool> {
    let path = target.split('#').next().unwrap_or_default();
    let path = path.trim_end_matches('/');
    match path.split_once('/') {
        None if path.is_empty() || path == "products" || path == "news" => Some(true),
        None => Some(site.page(path).is_some()),
        Some(("products", id)) => Some(site.product(id).is_some()),
        Some(("categories", id)) => Some(site.category(id).is_some()),
        Some(("news", slug)) => Some(site.article(slug).is_some()),
        Some(_) => None,
    }
}

/// Computes the fingerprint of any [`Input`] for one version of the site.
pub struct Fingerprints<'a> {
    site: &'a Site,
    extras: &'a Extras,
    /// Made on first use: most updates fingerprint no message at all.
    messages: std::sync::OnceLock<Messages>,
    /// Per template: the names of the templates its text mentions.
    template_names: std::sync::OnceLock<HashMap<String, Vec<String>>>,
    /// Fingerprints of the inputs that are one per site (the config, the lists), asked for by
    /// thousands of outputs: each is computed once.
    singletons: [std::sync::OnceLock<u64>; 7],
}

type MessageTexts = HashMap<String, Vec<(String, String, BTreeSet<String>)>>;

/// The Fluent sources, by message.
struct Messages {
    /// Per message id: per language, the winning definition's text, and what it refers to.
    texts: MessageTexts,
    /// Hash of every term of every language (messages that use a term depend on all of them).
    terms: u64,
}

impl<'a> Fingerprints<'a> {
    pub fn new(site: &'a Site, extras: &'a Extras) -> Fingerprints<'a> {
        Fingerprints {
            site,
            extras,
            messages: std::sync::OnceLock::new(),
            template_names: std::sync::OnceLock::new(),
            singletons: Default::default(),
        }
    }

    fn messages(&self) -> &Messages {
        self.messages.get_or_init(|| Messages::read(self.site))
    }

    fn template_names(&self) -> &HashMap<String, Vec<String>> {
        self.template_names.get_or_init(|| {
            let site = self.site;
            let names: Vec<&String> = site.theme.templates.keys().collect();
            site.theme
                .templates
                .iter()
                .map(|(name, source)| {
                    let mentioned = names
                        .iter()
                        .filter(|other| *other != &name && source.text.contains(other.as_str()))
                        .map(|s| s.to_string())
                        .collect();
                    (name.clone(), mentioned)
                })
                .collect()
        })
    }
}

impl Messages {
    fn read(site: &Site) -> Messages {
        let mut messages: MessageTexts = HashMap::new();
        let mut terms = hasher();
        for lang in site.config.language_codes() {
            // The catalog's own order: theme files, then the site's, later definitions winning.
            let mut winning: HashMap<String, (String, BTreeSet<String>)> = HashMap::new();
            for origin in [crate::i18n::Origin::Theme, crate::i18n::Origin::Site] {
                for source in site
                    .theme
                    .locales
                    .iter()
                    .filter(|s| s.lang == lang && s.origin == origin)
                {
                    for m in crate::i18n::ftl::parse(&source.text).messages {
                        let text = source.text.get(m.span.clone()).unwrap_or("").to_string();
                        winning.insert(m.id, (text, m.references));
                    }
                    if source.text.contains("\n-") || source.text.starts_with('-') {
                        lang.hash(&mut terms);
                        source.text.hash(&mut terms);
                    }
                }
            }
            for (id, (text, refs)) in winning {
                messages
                    .entry(id)
                    .or_default()
                    .push((lang.to_string(), text, refs));
            }
        }
        Messages {
            texts: messages,
            terms: terms.finish(),
        }
    }
}

impl Fingerprints<'_> {
    /// The fingerprint of `input` in this version of the site.
    pub fn of(&self, input: &Input) -> u64 {
        let slot = match input {
            Input::Config => Some(0),
            Input::Print => Some(1),
            Input::Categories => Some(2),
            Input::Featured => Some(3),
            Input::NewsOrder => Some(4),
            Input::PageTitles => Some(5),
            Input::Plan => Some(6),
            _ => None,
        };
        match slot.and_then(|i| self.singletons.get(i)) {
            Some(cell) => *cell.get_or_init(|| self.compute(input)),
            None => self.compute(input),
        }
    }

    fn compute(&self, input: &Input) -> u64 {
        let site = self.site;
        let mut h = hasher();
        std::mem::discriminant(input).hash(&mut h);
        match input {
            Input::Config => {
                debug_hash(&site.config, &mut h);
                debug_hash(&site.theme.name, &mut h);
            }
            Input::Template(name) => {
                let mut seen = BTreeSet::new();
                let mut todo = vec![name.clone()];
                while let Some(next) = todo.pop() {
                    if !seen.insert(next.clone()) {
                        continue;
                    }
                    match site.theme.templates.get(&next) {
                        Some(t) => {
                            next.hash(&mut h);
                            t.text.hash(&mut h);
                            t.display.hash(&mut h);
                        }
                        None => (next.as_str(), "missing").hash(&mut h),
                    }
                    if let Some(more) = self.template_names().get(&next) {
                        todo.extend(more.iter().cloned());
                    }
                }
            }
            Input::Print => {
                for (name, t) in &site.theme.print_templates {
                    (name, &t.text, &t.display).hash(&mut h);
                }
                for (name, font) in &site.theme.fonts {
                    name.hash(&mut h);
                    file_stamp(font).hash(&mut h);
                }
            }
            Input::Message(id) => {
                let mut seen = BTreeSet::new();
                let mut todo = vec![id.clone()];
                let mut uses_terms = false;
                while let Some(next) = todo.pop() {
                    if !seen.insert(next.clone()) {
                        continue;
                    }
                    next.hash(&mut h);
                    for lang in site.config.language_codes() {
                        // What pages show without arguments, fallbacks included.
                        match site.catalog.format(lang, &next, None) {
                            Ok(f) => (lang, f.text, f.lang).hash(&mut h),
                            Err(e) => (lang, e).hash(&mut h),
                        }
                    }
                    for (lang, text, refs) in self.messages().texts.get(&next).into_iter().flatten()
                    {
                        (lang, text).hash(&mut h);
                        uses_terms |= refers_to_a_term(text);
                        todo.extend(refs.iter().cloned());
                    }
                }
                if uses_terms {
                    self.messages().terms.hash(&mut h);
                }
            }
            Input::Product(id) => {
                if let Some(p) = site.product(id) {
                    // Every field comes from the file: its hash stands for them all.
                    (p.source_hash, p.draft, site.description_hash(id)).hash(&mut h);
                }
            }
            Input::Categories => debug_hash(&site.categories, &mut h),
            Input::CategoryMembers(id) => {
                for p in site.products_in(id) {
                    p.id.hash(&mut h);
                    for i in &p.images {
                        i.src.hash(&mut h);
                        site.has_static(&i.src).hash(&mut h);
                    }
                }
            }
            Input::Featured => {
                let featured: Vec<&str> = site
                    .products
                    .iter()
                    .filter(|p| p.featured)
                    .map(|p| p.id.as_str())
                    .collect();
                featured.hash(&mut h);
                if featured.is_empty() {
                    for c in &site.categories {
                        site.products_in(&c.id).next().map(|p| &p.id).hash(&mut h);
                    }
                }
            }
            Input::News(slug) | Input::Page(slug) => {
                let article = match input {
                    Input::News(_) => site.article(slug),
                    _ => site.page(slug),
                };
                if let Some(a) = article {
                    // Every field of a translation comes from its file.
                    for t in a.translations.values() {
                        (&t.lang, t.source_hash, t.draft).hash(&mut h);
                    }
                    for lang in site.config.language_codes() {
                        site.body_html(a, lang).map(|html| html.hash).hash(&mut h);
                    }
                }
            }
            Input::NewsOrder => {
                for a in &site.news {
                    a.slug.hash(&mut h);
                    for t in a.translations.values() {
                        t.date.hash(&mut h);
                    }
                }
            }
            Input::PageTitles => {
                for p in &site.pages {
                    p.slug.hash(&mut h);
                    for t in p.translations.values() {
                        (&t.lang, &t.title).hash(&mut h);
                    }
                }
            }
            Input::NewsAbout(id) => {
                for a in site.news_about(id) {
                    a.slug.hash(&mut h);
                }
            }
            Input::AssetExists(path) => site.static_url(path).is_ok().hash(&mut h),
            Input::AssetBytes(path) => {
                let rel = crate::site::static_key(path);
                site.theme
                    .static_files
                    .get(rel)
                    .map(file_stamp)
                    .hash(&mut h);
            }
            Input::Link(target) => match link_exists(site, target) {
                // Where an `@/` link points is a function of the target, the page's language
                // and the config (both read on their own), once the target is known to exist.
                Some(exists) => (target, exists).hash(&mut h),
                None => site.link_target(target).hash(&mut h),
            },
            Input::Datasheet(id, lang) => {
                // Without PDFs (or before the first is made) there is nothing to look up.
                if !self.extras.datasheets.is_empty() {
                    self.extras
                        .datasheets
                        .get(&(id.clone(), lang.clone()))
                        .hash(&mut h);
                }
            }
            Input::Brochure(path) => {
                if !self.extras.brochures.is_empty() {
                    self.extras.brochures.get(path).hash(&mut h);
                }
            }
            // Equal keys, equal plans (and the key costs a pass over the lists, not a plan).
            Input::Plan => crate::plan::plan_key(site).hash(&mut h),
        }
        h.finish()
    }
}

/// Whether a Fluent message's text uses a term (`{ -brand }`).
fn refers_to_a_term(text: &str) -> bool {
    text.split('{')
        .skip(1)
        .any(|after| after.trim_start().starts_with('-'))
}

/// Size and modification time of a static file or font: reading 5,000 product photos on every
/// edit to see whether they changed would cost more than the edit. Every save changes the
/// modification time (nanoseconds on the file systems people edit on).
fn file_stamp(file: &crate::theme::FileSource) -> (u64, Option<std::time::SystemTime>) {
    match file {
        crate::theme::FileSource::Embedded(bytes) => (bytes.len() as u64, None),
        crate::theme::FileSource::Disk(path) => std::fs::metadata(path)
            .map(|m| (m.len(), m.modified().ok()))
            .unwrap_or((0, None)),
    }
}

/// Which output read which inputs, and each input's fingerprint when it was last read.
/// Inputs are interned: thousands of pages read the same few hundred messages.
#[derive(Default)]
pub struct Graph {
    inputs: Vec<Input>,
    ids: HashMap<Input, u32, Fast>,
    fingerprints: Vec<u64>,
    /// Outputs, interned like the inputs.
    outputs: Vec<String>,
    output_ids: HashMap<String, u32, Fast>,
    /// Per output: what it read (`None` when unknown or removed).
    reads: Vec<Option<Box<[u32]>>>,
    /// Per input: the outputs that read it (the reverse of `reads`), so the outputs an edit
    /// affects are found without looking at the others.
    readers: Vec<HashSet<u32, Fast>>,
}

/// The hash maps of the graph hold hundreds of thousands of entries; a fast hasher matters.
type Fast = foldhash::fast::FixedState;

impl Graph {
    /// Remembers what the output at `path` read, fingerprinting inputs seen for the first time
    /// with `now` (the version of the site the output was made from).
    pub fn set(&mut self, path: &str, inputs: Vec<Input>, now: &impl Fingerprint) {
        let output = match self.output_ids.get(path) {
            Some(&id) => id,
            None => {
                let id = self.outputs.len() as u32;
                self.outputs.push(path.to_string());
                self.output_ids.insert(path.to_string(), id);
                self.reads.push(None);
                id
            }
        };
        let ids: Box<[u32]> = inputs
            .into_iter()
            .map(|input| match self.ids.get(&input) {
                Some(&id) => id,
                None => {
                    let id = self.inputs.len() as u32;
                    self.fingerprints.push(now.of(&input));
                    self.ids.insert(input.clone(), id);
                    self.inputs.push(input);
                    self.readers.push(HashSet::default());
                    id
                }
            })
            .collect();
        self.forget(output);
        for &id in &ids {
            if let Some(readers) = self.readers.get_mut(id as usize) {
                readers.insert(output);
            }
        }
        if let Some(slot) = self.reads.get_mut(output as usize) {
            *slot = Some(ids);
        }
    }

    fn forget(&mut self, output: u32) {
        let old = self.reads.get_mut(output as usize).and_then(Option::take);
        for id in old.iter().flat_map(|ids| ids.iter()) {
            if let Some(readers) = self.readers.get_mut(*id as usize) {
                readers.remove(&output);
            }
        }
    }

    /// Forgets an output that no longer exists.
    pub fn remove(&mut self, path: &str) {
        if let Some(&output) = self.output_ids.get(path) {
            self.forget(output);
        }
    }

    /// Whether the graph knows what `path` read.
    pub fn knows(&self, path: &str) -> bool {
        self.output_ids
            .get(path)
            .and_then(|&o| self.reads.get(o as usize))
            .is_some_and(Option::is_some)
    }

    /// Fingerprints every known input again in `now` and tells which changed. Nothing is
    /// kept until [`Graph::accept`]: an update that fails leaves the graph as it was.
    pub fn changes(&self, now: &(impl Fingerprint + Sync)) -> Refresh {
        use rayon::prelude::*;
        let fresh: Vec<u64> = self.inputs.par_iter().map(|i| now.of(i)).collect();
        let ids: HashSet<u32> = fresh
            .iter()
            .zip(&self.fingerprints)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, _)| i as u32)
            .collect();
        Refresh {
            fresh: Some(fresh),
            values: Vec::new(),
            ids,
        }
    }

    /// Fingerprints only `inputs` again (those an update is known to touch: the size of a
    /// datasheet just made).
    pub fn changes_of(&self, inputs: &[Input], now: &impl Fingerprint) -> Refresh {
        let mut fresh = Vec::new();
        let mut ids = HashSet::new();
        for input in inputs {
            if let Some(&id) = self.ids.get(input) {
                let value = now.of(input);
                if self.fingerprints.get(id as usize) != Some(&value) {
                    ids.insert(id);
                    fresh.push((id, value));
                }
            }
        }
        Refresh {
            fresh: None,
            values: fresh,
            ids,
        }
    }

    /// Keeps the fingerprints of a successful update.
    pub fn accept(&mut self, refresh: Refresh) {
        if let Some(fresh) = refresh.fresh {
            self.fingerprints = fresh;
        }
        for (id, value) in refresh.values {
            if let Some(slot) = self.fingerprints.get_mut(id as usize) {
                *slot = value;
            }
        }
    }

    /// The known outputs that read anything that changed.
    pub fn stale(&self, refresh: &Refresh) -> HashSet<String> {
        refresh
            .ids
            .iter()
            .filter_map(|&id| self.readers.get(id as usize))
            .flatten()
            .filter_map(|&o| self.outputs.get(o as usize).cloned())
            .collect()
    }

    /// The inputs that changed, for the terminal and for tests.
    pub fn changed_inputs(&self, refresh: &Refresh) -> Vec<Input> {
        let mut list: Vec<Input> = refresh
            .ids
            .iter()
            .filter_map(|&i| self.inputs.get(i as usize).cloned())
            .collect();
        list.sort();
        list
    }

    /// How many outputs and distinct inputs the graph holds.
    pub fn size(&self) -> (usize, usize) {
        (self.reads.iter().flatten().count(), self.inputs.len())
    }
}

/// What changed since the graph's fingerprints were taken ([`Graph::changes`]).
#[derive(Debug, Default)]
pub struct Refresh {
    /// Every input's new fingerprint, when all were taken again.
    fresh: Option<Vec<u64>>,
    /// New fingerprints of single inputs.
    values: Vec<(u32, u64)>,
    ids: HashSet<u32>,
}

impl Refresh {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The inputs every page reads, whatever its template shows.
pub fn record_route(route: &Route) {
    read(|| Input::Config);
    if matches!(route, Route::Sitemap) {
        read(|| Input::Plan);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fingerprints from a table: what a version of a site would say.
    struct Table(HashMap<Input, u64>);

    impl Fingerprint for Table {
        fn of(&self, input: &Input) -> u64 {
            self.0.get(input).copied().unwrap_or(0)
        }
    }

    fn product(id: &str) -> Input {
        Input::Product(id.into())
    }

    #[test]
    fn reads_are_recorded_only_while_recording_and_nest() {
        read(|| Input::Config);
        let ((), outer) = recording(true, || {
            read(|| product("a"));
            let ((), inner) = recording(false, || read(|| product("b")));
            assert_eq!(inner, vec![product("b")]);
            replay(&[Input::Categories]);
        });
        assert_eq!(outer, vec![product("a"), product("b"), Input::Categories]);
        // Not recording, not asked to: nothing, and the closure that names the input never runs.
        let ((), none) = recording(false, || {
            read(|| unreachable!("nobody records"));
        });
        assert!(none.is_empty());
        assert!(!is_recording());
    }

    #[test]
    fn an_output_is_stale_only_when_something_it_read_changed() {
        let mut before = Table(HashMap::new());
        before.0.insert(product("a"), 1);
        before.0.insert(product("b"), 2);
        before.0.insert(Input::Config, 3);
        let mut graph = Graph::default();
        graph.set(
            "en/products/a/index.html",
            vec![Input::Config, product("a")],
            &before,
        );
        graph.set(
            "en/products/b/index.html",
            vec![Input::Config, product("b")],
            &before,
        );
        graph.set(
            "en/products/index.html",
            vec![product("a"), product("b")],
            &before,
        );
        assert!(graph.changes(&before).is_empty());

        let mut after = Table(before.0.clone());
        after.0.insert(product("a"), 10);
        let refresh = graph.changes(&after);
        let mut stale: Vec<String> = graph.stale(&refresh).into_iter().collect();
        stale.sort();
        assert_eq!(
            stale,
            ["en/products/a/index.html", "en/products/index.html"]
        );
        assert_eq!(graph.changed_inputs(&refresh), vec![product("a")]);
        // Not accepted (the update failed): the same change is still pending next time.
        assert!(!graph.changes(&after).is_empty());
        graph.accept(refresh);
        assert!(graph.changes(&after).is_empty());

        // An output read again records its new reads; a removed one is never stale.
        graph.set("en/products/index.html", vec![product("b")], &after);
        graph.remove("en/products/b/index.html");
        assert!(!graph.knows("en/products/b/index.html"));
        let mut later = Table(after.0.clone());
        later.0.insert(product("a"), 11);
        later.0.insert(product("b"), 12);
        let mut stale: Vec<String> = graph.stale(&graph.changes(&later)).into_iter().collect();
        stale.sort();
        assert_eq!(
            stale,
            ["en/products/a/index.html", "en/products/index.html"]
        );
        assert_eq!(graph.size(), (2, 3));
    }

    #[test]
    fn single_inputs_can_be_fingerprinted_again_alone() {
        let before = Table(HashMap::from([(
            Input::Datasheet("a".into(), "en".into()),
            1,
        )]));
        let mut graph = Graph::default();
        graph.set(
            "en/products/a/index.html",
            vec![Input::Datasheet("a".into(), "en".into())],
            &before,
        );
        let after = Table(HashMap::from([(
            Input::Datasheet("a".into(), "en".into()),
            2,
        )]));
        let refresh = graph.changes_of(&[Input::Datasheet("a".into(), "en".into())], &after);
        assert_eq!(graph.stale(&refresh).len(), 1);
        graph.accept(refresh);
        assert!(graph.changes(&after).is_empty());
    }

    #[test]
    fn terms_are_found_in_message_texts() {
        assert!(refers_to_a_term("brand = { -company } machines"));
        assert!(refers_to_a_term("x = {-company}"));
        assert!(!refers_to_a_term("spec-rated-load = Rated load"));
    }
}
