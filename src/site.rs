//! The site model: every source loaded, cross-checked and pre-rendered, held in memory.
//!
//! Everything that can fail because of what a user wrote fails here, before a single output
//! is rendered: unknown categories, missing images, broken `@/` links, spec labels without a
//! Fluent message. What is left for rendering are template problems.

use crate::config::Config;
use crate::content::{Article, ArticleKind, Category, Content, Localized, Product, Translation};
use crate::diagnostics::{Diagnostic, Location, did_you_mean, sort};
use crate::i18n::{Catalog, DateFormat, NumberFormat};
use crate::markdown::{self, LinkResolver, MarkdownSource};
use crate::plan::{RESERVED_SLUGS, Route};
use crate::theme::Theme;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The key of a static file in [`Theme::static_files`]: `path` without its leading `/`,
/// query or fragment.
pub(crate) fn static_key(path: &str) -> &str {
    let rel = path.trim_start_matches('/');
    rel.split(['?', '#']).next().unwrap_or(rel)
}

/// One mistake reported at many places (a unit without a name, used by forty products) is
/// shown once, at its first place, with the others listed after it.
fn merge_repeats(diags: &mut Vec<Diagnostic>) {
    const LISTED: usize = 5;
    let mut first: HashMap<(crate::diagnostics::Severity, String), usize> = HashMap::new();
    let mut others: HashMap<usize, Vec<String>> = HashMap::new();
    let mut keep = vec![true; diags.len()];
    for (i, d) in diags.iter().enumerate() {
        match first.entry((d.severity, d.message.clone())) {
            std::collections::hash_map::Entry::Occupied(e) => {
                if diags[*e.get()].location != d.location {
                    others
                        .entry(*e.get())
                        .or_default()
                        .push(d.location.to_string());
                }
                keep[i] = false;
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
    }
    for (i, places) in others {
        let d = &mut diags[i];
        let listed: Vec<&str> = places.iter().take(LISTED).map(String::as_str).collect();
        let more = places.len().saturating_sub(LISTED);
        d.message.push_str(&format!(
            " (also at {}{})",
            listed.join(", "),
            if more > 0 {
                format!(" and {more} more places")
            } else {
                String::new()
            }
        ));
    }
    let mut i = 0;
    diags.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// Why an SVG is refused: it does not parse (the print engine would fail on it later, naming
/// only the PDF).
fn svg_problem(file: &crate::theme::FileSource) -> Option<String> {
    let bytes: std::borrow::Cow<'_, [u8]> = match file {
        crate::theme::FileSource::Disk(path) => match std::fs::read(path) {
            Ok(bytes) => bytes.into(),
            Err(e) => return Some(format!("cannot read the file: {e}")),
        },
        crate::theme::FileSource::Embedded(bytes) => (*bytes).into(),
    };
    match usvg::Tree::from_data(&bytes, &usvg::Options::default()) {
        Ok(_) => None,
        Err(e) => Some(format!("the file is not a valid SVG picture: {e}")),
    }
}

/// What to include in the model.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include items marked `draft: true`.
    pub drafts: bool,
    /// Override `base_url` from the config (e.g. for a staging server).
    pub base_url: Option<String>,
    /// Return the model even when there are errors (they are in [`Loaded::warnings`]): what
    /// loaded can still be checked. Never used to build.
    pub keep_going: bool,
    /// Parses and Markdown kept from the previous load of the same site (`serve`).
    pub reuse: Option<std::sync::Arc<crate::reuse::Reuse>>,
    /// No search index will be written (`serve` makes none): templates are told, so they
    /// show no search box that would find nothing.
    pub no_search: bool,
}

/// A text pre-rendered to HTML for one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Html {
    /// Shared: a preview's next load reuses it when the text did not change.
    pub html: std::sync::Arc<str>,
    /// The language the text is in: differs from the page's on fallback (shared, like the
    /// HTML: a preview copies thousands of these on every load).
    pub lang: std::sync::Arc<str>,
    /// A hash of the two, for change detection ([`crate::depend`]).
    pub hash: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum TextKey {
    Body {
        kind: u8,
        slug: String,
        lang: String,
    },
}

/// A Markdown text to render: a product's description (by the product's and the language's
/// position) or an article's body.
enum Text {
    Description { product: usize, lang: usize },
    Body(TextKey),
}

/// Whether a path below `static/` stays inside it.
fn inside_static(rel: &str) -> bool {
    !rel.split('/')
        .any(|part| part == ".." || part == "." || part.is_empty())
        && !rel.contains('\\')
}

/// Locale-specific formatters for one language.
#[derive(Debug)]
pub struct Formats {
    pub numbers: NumberFormat,
    pub dates: DateFormat,
}

#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub catalog: Catalog,
    pub theme: Theme,
    /// Sorted by category order, then product order, then id.
    pub categories: Vec<Category>,
    pub products: Vec<std::sync::Arc<Product>>,
    /// Newest first.
    pub news: Vec<Article>,
    pub pages: Vec<Article>,
    formats: BTreeMap<String, Formats>,
    html: HashMap<TextKey, Html, foldhash::fast::FixedState>,
    /// Product descriptions' HTML: `languages` slots per product, in product order (thousands
    /// of products: a flat list, not a map with a key per text).
    descriptions: Vec<Option<Html>>,
    /// Per product, in product order: a hash of its descriptions' HTML in every language (what
    /// a page that shows the product depends on).
    description_hashes: Vec<u64>,
    /// Languages per product in `descriptions`.
    languages: usize,
    index: Index,
    /// What is wrong with each static file checked so far (`None`: nothing); a file used by a
    /// thousand products is opened once.
    static_verdicts: std::sync::Mutex<HashMap<String, Option<String>>>,
    /// Work kept from the previous load (`serve`).
    reuse: Option<std::sync::Arc<crate::reuse::Reuse>>,
    /// The photos content shows, with their header facts (see [`crate::images`]).
    pub pictures: crate::images::Registry,
    /// Header facts of pictures looked at so far, by path under `static/`.
    probes: std::sync::Mutex<HashMap<String, Result<crate::images::Probe, crate::images::Problem>>>,
}

/// Ids are the site's own: a fixed-seed hasher is safe and quick.
type Fixed = foldhash::fast::FixedState;

/// Keyed lookups into the lists above, so a page's context costs the same at 100 products as
/// at 100,000 (a linear `find` per lookup made the site build quadratic).
#[derive(Debug, Default)]
struct Index {
    products: HashMap<String, usize, Fixed>,
    categories: HashMap<String, usize, Fixed>,
    /// Category id → indices of its products, in catalog order.
    by_category: HashMap<String, Vec<usize>, Fixed>,
    news: HashMap<String, usize, Fixed>,
    pages: HashMap<String, usize, Fixed>,
    /// Product id → indices of the news articles that name it (any translation).
    news_about: HashMap<String, Vec<usize>, Fixed>,
}

/// An old URL that redirects to a page of the site (`aliases:` in a source).
#[derive(Debug, Clone)]
pub struct SiteAlias {
    /// The redirect's route ([`Route::Alias`]).
    pub route: Route,
    /// Where the alias is written, for error messages.
    pub location: Location,
    /// What the source wrote.
    pub written: String,
}

/// The output path below the site's base for an alias as written (`/old/ex-300/` →
/// `old/ex-300/`), or why it cannot be one.
pub fn alias_path(written: &str) -> Result<String, String> {
    let t = written.trim();
    if t.contains("://") {
        return Err("write the path only, without the scheme and host (`/old/page/`)".into());
    }
    let Some(rest) = t.strip_prefix('/') else {
        return Err("an alias is a path on the site and starts with `/`".into());
    };
    if rest.is_empty() {
        return Err("`/` is the site's own start page".into());
    }
    if rest.contains(['?', '#', '\\', '%'])
        || rest.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return Err("an alias is a plain path: no `?`, `#`, `%`, `\\` or spaces".into());
    }
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    if segments
        .iter()
        .any(|s| s.is_empty() || *s == "." || *s == "..")
    {
        return Err("an alias may not contain `//`, `.` or `..` segments".into());
    }
    let last = segments.last().copied().unwrap_or("");
    if rest.ends_with('/') || !last.contains('.') {
        Ok(format!("{}/", segments.join("/")))
    } else if last.ends_with(".html") || last.ends_with(".htm") {
        Ok(segments.join("/"))
    } else {
        Err(
            "a static site can redirect from folder paths (`/old/page/`) and `.html` files only"
                .into(),
        )
    }
}

/// A loaded site and the warnings found on the way.
pub struct Loaded {
    pub site: Site,
    pub warnings: Vec<Diagnostic>,
}

impl Site {
    /// Loads and validates everything. On any error, returns every diagnostic found (errors and
    /// warnings, sorted by place).
    pub fn load(root: &Path, options: LoadOptions) -> Result<Loaded, Vec<Diagnostic>> {
        let _load = crate::trace::span("load");
        if let Some(reuse) = &options.reuse {
            reuse.begin_load();
        }
        let mut config = Config::load(root)?;
        if let Some(url) = &options.base_url {
            config.set_base_url(url).map_err(|d| vec![d])?;
        }
        if options.no_search {
            config.search.enabled = false;
        }
        let languages: Vec<String> = config.language_codes().map(str::to_string).collect();
        let mut diags = Vec::new();
        let read_span = crate::trace::span("load: read sources");
        let (content, (theme, theme_diags)) = rayon::join(
            || {
                let mut d = Vec::new();
                let c = Content::load(root, &languages, options.reuse.as_deref(), &mut d);
                (c, d)
            },
            || {
                let mut d = Vec::new();
                let _s = crate::trace::span("load: theme");
                let t = Theme::load(root, &config.theme, &languages, &mut d);
                (t, d)
            },
        );
        drop(read_span);
        let catalog_span = crate::trace::span("load: catalogs");
        let (content, content_diags) = content;
        diags.extend(content_diags);
        diags.extend(theme_diags);
        let (mut catalog, mut catalog_diags) = Catalog::load(
            theme.locales.clone(),
            &config.languages,
            &config.default_language,
        );
        // Messages the theme shows that no catalog defines get a fallback and one warning per
        // language, instead of failing page after page.
        let missing: std::collections::BTreeSet<String> = crate::i18n::fallback::referenced_keys(
            // Only the theme's own templates: a typo in the site's `templates/` stays an error
            // with a suggestion.
            theme
                .templates
                .values()
                .chain(theme.print_templates.values())
                .filter(|t| {
                    !t.display.starts_with("templates/") && !t.display.starts_with("print/")
                })
                .map(|t| t.text.as_str()),
        )
        .into_iter()
        .filter(|id| !catalog.has_any(id))
        .collect();
        let (fallbacks, fallback_warnings) =
            crate::i18n::fallback::fallbacks(&missing, &config, &theme.locales);
        if !fallbacks.is_empty() {
            let mut sources = fallbacks;
            sources.extend(theme.locales.iter().cloned());
            (catalog, catalog_diags) =
                Catalog::load(sources, &config.languages, &config.default_language);
            catalog_diags.extend(fallback_warnings);
        }
        diags.extend(catalog_diags);

        let mut formats = BTreeMap::new();
        for l in &config.languages {
            match (NumberFormat::new(&l.locale), DateFormat::new(&l.locale)) {
                (Ok(numbers), Ok(dates)) => {
                    formats.insert(l.code.clone(), Formats { numbers, dates });
                }
                (Err(e), _) | (_, Err(e)) => diags.push(Diagnostic::error(
                    Location::file(crate::config::CONFIG_FILE),
                    e,
                )),
            }
        }

        drop(catalog_span);
        let mut site = Site {
            root: root.to_path_buf(),
            config,
            catalog,
            theme,
            categories: content.categories,
            products: content.products,
            news: content.news,
            pages: content.pages,
            formats,
            html: HashMap::default(),
            descriptions: Vec::new(),
            description_hashes: Vec::new(),
            languages: 0,
            index: Index::default(),
            static_verdicts: Default::default(),
            reuse: options.reuse.clone(),
            pictures: Default::default(),
            probes: Default::default(),
        };
        {
            let _s = crate::trace::span("load: sort and index");
            site.drop_drafts(options.drafts);
            site.sort();
            site.reindex();
        }
        {
            let _s = crate::trace::span("load: validate");
            site.validate(&mut diags);
        }
        {
            let _s = crate::trace::span("load: markdown");
            site.render_markdown(&mut diags);
        }
        if let Some(reuse) = &site.reuse {
            reuse.end_load();
        }
        sort(&mut diags);
        site.fold_consequences(&mut diags);
        merge_repeats(&mut diags);
        if diags.iter().any(Diagnostic::is_error) && !options.keep_going {
            return Err(diags);
        }
        Ok(Loaded {
            site,
            warnings: diags,
        })
    }

    /// Root cause first. A product file that does not parse is missing from the model, so every
    /// link to it is "broken" and a page missing a language gets a translation warning; those
    /// follow-on messages are dropped and counted on the file's own error, which comes first.
    fn fold_consequences(&self, diags: &mut Vec<Diagnostic>) {
        let failed_files: std::collections::BTreeSet<String> = diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.location.file.clone())
            .collect();
        // (file that failed, text that marks a message caused by it)
        let mut marks: Vec<(String, String)> = Vec::new();
        for file in &failed_files {
            if let Some(id) = file
                .strip_prefix("content/products/")
                .and_then(|f| f.strip_suffix(".yaml"))
                && self.product(id).is_none()
            {
                marks.push((file.clone(), format!("there is no product `{id}`")));
            }
            for (folder, noun, missing) in [
                ("content/pages/", "page", "there is no page"),
                ("content/news/", "news article", "there is no news article"),
            ] {
                let Some((slug, lang)) = file
                    .strip_prefix(folder)
                    .and_then(|f| f.strip_suffix(".md"))
                    .and_then(|f| f.rsplit_once('.'))
                else {
                    continue;
                };
                let exists = if noun == "page" {
                    self.page(slug).is_some()
                } else {
                    self.article(slug).is_some()
                };
                if exists {
                    if let Some(language) = self.config.language(lang) {
                        marks.push((
                            file.clone(),
                            format!("{noun} `{slug}` has no {} ({lang}) version", language.name),
                        ));
                    }
                } else {
                    marks.push((file.clone(), format!("{missing} `{slug}`")));
                }
            }
            if file == "content/categories.yaml" && self.categories.is_empty() {
                marks.push((
                    file.clone(),
                    "which is not in content/categories.yaml".into(),
                ));
                marks.push((file.clone(), "there is no category `".into()));
            }
        }
        if marks.is_empty() {
            return;
        }
        let mut caused: BTreeMap<String, usize> = BTreeMap::new();
        diags.retain(|d| {
            let cause = marks
                .iter()
                .find(|(file, mark)| d.location.file != *file && d.message.contains(mark.as_str()))
                .or_else(|| {
                    // A translation warning sits at another language's file of the same item.
                    marks.iter().find(|(_, mark)| {
                        mark.contains(" version") && d.message.contains(mark.as_str())
                    })
                });
            match cause {
                Some((file, _)) => {
                    *caused.entry(file.clone()).or_default() += 1;
                    false
                }
                None => true,
            }
        });
        for (file, count) in &caused {
            if let Some(root) = diags
                .iter_mut()
                .find(|d| d.is_error() && d.location.file == *file)
            {
                root.message.push_str(&format!(
                    " (and {count} {} caused by it elsewhere)",
                    if *count == 1 { "message" } else { "messages" }
                ));
            }
        }
        // The files that failed to load come first: fixing them fixes the rest.
        let roots: std::collections::BTreeSet<&String> = marks.iter().map(|(f, _)| f).collect();
        let (mut first, rest): (Vec<Diagnostic>, Vec<Diagnostic>) = std::mem::take(diags)
            .into_iter()
            .partition(|d| roots.contains(&d.location.file));
        first.extend(rest);
        *diags = first;
    }

    fn reindex(&mut self) {
        let mut index = Index::default();
        index.products.reserve(self.products.len());
        for (i, p) in self.products.iter().enumerate() {
            index.products.entry(p.id.clone()).or_insert(i);
            // Looked up before inserting: the category's name is copied once, not per product.
            match index.by_category.get_mut(p.category.as_str()) {
                Some(members) => members.push(i),
                None => {
                    index.by_category.insert(p.category.clone(), vec![i]);
                }
            }
        }
        for (i, c) in self.categories.iter().enumerate() {
            index.categories.entry(c.id.clone()).or_insert(i);
        }
        for (i, a) in self.news.iter().enumerate() {
            index.news.entry(a.slug.clone()).or_insert(i);
            let mut named: Vec<&str> = a
                .translations
                .values()
                .flat_map(|t| t.products.iter().map(|(id, _)| id.as_str()))
                .collect();
            named.sort_unstable();
            named.dedup();
            for id in named {
                index.news_about.entry(id.to_string()).or_default().push(i);
            }
        }
        for (i, a) in self.pages.iter().enumerate() {
            index.pages.entry(a.slug.clone()).or_insert(i);
        }
        self.index = index;
    }

    fn drop_drafts(&mut self, keep: bool) {
        if keep {
            return;
        }
        self.products.retain(|p| !p.draft);
        for list in [&mut self.news, &mut self.pages] {
            for a in list.iter_mut() {
                a.translations.retain(|_, t| !t.draft);
            }
            list.retain(|a| !a.translations.is_empty());
        }
    }

    fn sort(&mut self) {
        let category_rank: HashMap<&str, usize> = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        // Each product's category rank is looked up once, not at every comparison.
        let mut ranked: Vec<(usize, std::sync::Arc<Product>)> = std::mem::take(&mut self.products)
            .into_iter()
            .map(|p| {
                let rank = category_rank
                    .get(p.category.as_str())
                    .copied()
                    .unwrap_or(usize::MAX);
                (rank, p)
            })
            .collect();
        ranked.sort_by(|(ra, a), (rb, b)| (ra, a.order, &a.id).cmp(&(rb, b.order, &b.id)));
        self.products = ranked.into_iter().map(|(_, p)| p).collect();
        let default = self.config.default_language.clone();
        self.news.sort_by(|a, b| {
            let da = representative(a, &default, &default).date;
            let db = representative(b, &default, &default).date;
            db.cmp(&da).then_with(|| a.slug.cmp(&b.slug))
        });
        self.pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    }

    /// Cross-checks references and reports missing translations.
    fn validate(&self, diags: &mut Vec<Diagnostic>) {
        self.check_theme_images(diags);
        self.check_aliases(diags);
        let category_ids: Vec<&str> = self.categories.iter().map(|c| c.id.as_str()).collect();
        for c in &self.categories {
            self.check_localized(
                &c.name,
                &format!("category `{}`", c.id),
                "name",
                true,
                diags,
            );
            self.check_localized(
                &c.summary,
                &format!("category `{}`", c.id),
                "summary",
                false,
                diags,
            );
        }
        let template_names: Vec<&str> = self.theme.templates.keys().map(String::as_str).collect();
        // Each product is checked on its own, in parallel; the results keep the products' order.
        // A preview keeps each product's result while the product and what its checks read
        // stay the same (its picture is looked at every time: static files change alone).
        let reuse = self.reuse.as_deref();
        let context = reuse.map(|_| self.product_check_context(&category_ids));
        let mut known = match (reuse, context) {
            (Some(reuse), Some(context)) => reuse.checked(&self.products, context),
            _ => Vec::new(),
        };
        known.resize_with(self.products.len(), || None);
        let per_product: Vec<(Vec<Diagnostic>, bool)> = self
            .products
            .par_iter()
            .zip(known)
            .map(|(p, known)| match known {
                Some(diags) => (diags, false),
                None => {
                    let mut diags = Vec::new();
                    self.check_product(p, &category_ids, &mut diags);
                    (diags, true)
                }
            })
            .collect();
        if let (Some(reuse), Some(context)) = (reuse, context) {
            reuse.keep_checked(
                self.products
                    .iter()
                    .zip(&per_product)
                    .filter(|(_, (_, new))| *new)
                    .map(|(p, (diags, _))| (p, diags.as_slice())),
                context,
            );
        }
        // Pictures are looked at every time (a static file changes on its own), each once:
        // thousands of products share a few dozen pictures.
        let mut fine: HashSet<&str> = HashSet::new();
        let per_product: Vec<Vec<Diagnostic>> = per_product
            .into_iter()
            .zip(&self.products)
            .map(|((mut diags, _), p)| {
                for picture in &p.images {
                    if !fine.contains(picture.src.as_str()) {
                        let before = diags.len();
                        self.check_static(&picture.src, &picture.location, &mut diags);
                        if diags.len() == before {
                            fine.insert(&picture.src);
                        }
                    }
                    self.check_alt(picture, &format!("product `{}`", p.id), &mut diags);
                }
                diags
            })
            .collect();
        diags.extend(per_product.into_iter().flatten());
        for c in &self.categories {
            if let Some(picture) = &c.image {
                self.check_static(&picture.src, &picture.location, diags);
                self.check_alt(picture, &format!("category `{}`", c.id), diags);
            }
        }
        for a in self.news.iter().chain(&self.pages) {
            for t in a.translations.values() {
                if let Some((src, _, location)) = &t.image {
                    self.check_static(src, location, diags);
                }
            }
        }
        self.validate_brochures(&category_ids, diags);
        self.check_articles(&template_names, diags);
    }

    /// A fingerprint of everything [`Site::check_product`] reads besides the product: the
    /// categories, the languages, and which messages exist.
    fn product_check_context(&self, category_ids: &[&str]) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = crate::depend::hasher();
        category_ids.hash(&mut h);
        format!("{:?}", self.config.languages).hash(&mut h);
        self.config.default_language.hash(&mut h);
        self.catalog.ids_fingerprint().hash(&mut h);
        h.finish()
    }

    /// The checks of one product that read only the product, the categories, the languages
    /// and which messages exist (see [`Site::product_check_context`]).
    fn check_product(&self, p: &Product, category_ids: &[&str], diags: &mut Vec<Diagnostic>) {
        let default = &self.config.default_language;
        {
            if !category_ids.contains(&p.category.as_str()) {
                diags.push(
                    Diagnostic::error(
                        p.category_location.clone(),
                        format!("product `{}` is in category `{}`, which is not in content/categories.yaml", p.id, p.category),
                    )
                    .with_optional_hint(
                        did_you_mean(&p.category, category_ids.iter().copied())
                            .or_else(|| Some(format!("the categories are: {}", category_ids.join(", ")))),
                    ),
                );
            }
            let what = format!("product `{}`", p.id);
            self.check_localized(&p.name, &what, "name", true, diags);
            self.check_localized(&p.summary, &what, "summary", false, diags);
            self.check_localized(&p.description, &what, "description", false, diags);
            self.check_localized(&p.features, &what, "features", false, diags);
            for spec in &p.specs {
                let label = format!("spec-{}", spec.key);
                if !self.catalog.has_any(&label) {
                    diags.push(
                        Diagnostic::error(
                            spec.location.clone(),
                            format!(
                                "spec `{}` has no label: there is no Fluent message `{label}`",
                                spec.key
                            ),
                        )
                        .with_hint(format!(
                            "add `{label} = …` to locales/{default}/*.ftl (and the other languages)"
                        )),
                    );
                }
                if let Some(unit) = &spec.unit {
                    let id = format!("unit-{unit}");
                    if !self.catalog.has_any(&id) {
                        diags.push(
                            Diagnostic::error(
                                spec.location.clone(),
                                format!("unit `{unit}` has no name: there is no Fluent message `{id}`"),
                            )
                            .with_hint(format!("add `{id} = …` to locales/{default}/*.ftl (and the other languages)")),
                        );
                    }
                }
            }
        }
    }

    fn check_articles(&self, template_names: &[&str], diags: &mut Vec<Diagnostic>) {
        let default = &self.config.default_language;
        let product_ids = || self.products.iter().map(|p| p.id.as_str());
        for article in self.news.iter().chain(&self.pages) {
            let noun = match article.kind {
                ArticleKind::News => "news article",
                ArticleKind::Page => "page",
            };
            if article.kind == ArticleKind::Page && RESERVED_SLUGS.contains(&article.slug.as_str())
            {
                let file = &representative(article, default, default).file;
                diags.push(
                    Diagnostic::error(
                        Location::file(file),
                        format!("a page cannot be called `{}`", article.slug),
                    )
                    .with_hint(format!(
                        "that URL belongs to the site itself; reserved: {}",
                        RESERVED_SLUGS.join(", ")
                    )),
                );
            }
            for t in article.translations.values() {
                for (id, location) in &t.products {
                    if self.product(id).is_none() {
                        diags.push(
                            Diagnostic::error(
                                location.clone(),
                                format!("there is no product `{id}`"),
                            )
                            .with_optional_hint(did_you_mean(id, product_ids())),
                        );
                    }
                }
                if let Some((name, location)) = &t.template
                    && !self.theme.templates.contains_key(name)
                {
                    diags.push(
                        Diagnostic::error(
                            location.clone(),
                            format!("there is no template `{name}`"),
                        )
                        .with_optional_hint(did_you_mean(name, template_names.iter().copied())),
                    );
                }
            }
            for lang in &self.config.languages {
                if !article.translations.contains_key(&lang.code) {
                    let shown = representative(article, &lang.code, default);
                    diags.push(
                        Diagnostic::warning(
                            Location::file(&shown.file),
                            format!(
                                "{noun} `{}` has no {} ({}) version; the {} text is shown",
                                article.slug, lang.name, lang.code, shown.lang
                            ),
                        )
                        .with_hint(format!(
                            "translate it as {}/{}.{}.md",
                            shown.file.rsplit_once('/').map_or("", |(d, _)| d),
                            article.slug,
                            lang.code
                        )),
                    );
                }
            }
        }
    }

    /// Brochure categories must exist; the error points into brochure.toml.
    fn validate_brochures(&self, category_ids: &[&str], diags: &mut Vec<Diagnostic>) {
        let config_text =
            std::fs::read_to_string(self.root.join(crate::config::CONFIG_FILE)).unwrap_or_default();
        for b in &self.config.brochures {
            for id in &b.categories {
                if !category_ids.contains(&id.as_str()) {
                    let at = config_text
                        .find(&format!("\"{id}\""))
                        .map_or(Location::file(crate::config::CONFIG_FILE), |i| {
                            Location::at_offset(crate::config::CONFIG_FILE, &config_text, i, 1)
                        });
                    diags.push(
                        Diagnostic::error(
                            at,
                            format!(
                                "brochure `{}` lists category `{id}`, which does not exist",
                                b.id
                            ),
                        )
                        .with_optional_hint(did_you_mean(id, category_ids.iter().copied())),
                    );
                }
            }
        }
    }

    fn check_localized<T>(
        &self,
        field: &Localized<T>,
        what: &str,
        name: &str,
        required: bool,
        diags: &mut Vec<Diagnostic>,
    ) {
        let default = &self.config.default_language;
        if field.is_empty() {
            if required {
                diags.push(Diagnostic::error(
                    field.location.clone(),
                    format!("{what} has no `{name}`"),
                ));
            }
            return;
        }
        if !field.has(default) {
            diags.push(
                Diagnostic::error(
                    field.location.clone(),
                    format!("{what}: `{name}` has no text in the default language `{default}`"),
                )
                .with_hint(format!(
                    "add `{default}: …` to `{name}`; other languages fall back to it"
                )),
            );
            return;
        }
        for lang in &self.config.languages {
            if !field.has(&lang.code) {
                diags.push(
                    Diagnostic::warning(
                        field.location.clone(),
                        format!(
                            "{what}: `{name}` has no {} ({}) text; the {default} text is shown",
                            lang.name, lang.code
                        ),
                    )
                    .with_hint(format!("add `{}: …` to `{name}`", lang.code)),
                );
            }
        }
    }

    /// A picture named by a content field (`images:`, `image:`), used on the site and in
    /// print: it must exist under `static/` and be a picture brochure can read. Photos are
    /// registered for the image stage.
    fn check_static(&self, path: &str, location: &Location, diags: &mut Vec<Diagnostic>) {
        if let Some(at) = path.find(['#', '?']) {
            diags.push(
                Diagnostic::error(
                    location.clone(),
                    format!(
                        "`{path}`: an image is a file path; `{}` is not part of it",
                        &path[at..]
                    ),
                )
                .with_hint(format!("write `{}`", &path[..at])),
            );
            return;
        }
        if let Err(message) = self.static_url(path) {
            let names: Vec<&str> = self.theme.static_files.keys().map(String::as_str).collect();
            diags.push(
                Diagnostic::error(location.clone(), format!("`{path}`: {message}"))
                    .with_optional_hint(did_you_mean(path.trim_start_matches('/'), names.iter().copied()).or_else(|| {
                        Some("put the file under static/ and give its path from there, e.g. images/ex-300.jpg".into())
                    })),
            );
            return;
        }
        let rel = static_key(path);
        match self.probe(rel) {
            Ok(probe) => {
                if probe.format == crate::images::Format::Svg
                    && let Some(problem) = self.static_problem(rel)
                {
                    diags.push(
                        Diagnostic::error(location.clone(), format!("`{path}`: {problem}"))
                            .with_hint("open it in a browser or an SVG editor and save it again"),
                    );
                    return;
                }
                self.pictures.register(rel, probe, location);
            }
            Err(problem) => diags.push(
                Diagnostic::error(location.clone(), format!("`{path}`: {}", problem.message))
                    .with_hint(problem.hint),
            ),
        }
    }

    /// A picture without alt text in a language gets the item's name there, which says less
    /// than a description of the picture: a warning, only when some language has one.
    fn check_alt(
        &self,
        picture: &crate::content::Picture,
        what: &str,
        diags: &mut Vec<Diagnostic>,
    ) {
        if picture.alt.languages().next().is_none() {
            return;
        }
        for lang in &self.config.languages {
            if !picture.alt.has(&lang.code) {
                diags.push(
                    Diagnostic::warning(
                        picture.alt.location.clone(),
                        format!(
                            "{what}: the picture `{}` has no {} ({}) alt text; the name is used",
                            picture.src, lang.name, lang.code
                        ),
                    )
                    .with_hint(format!(
                        "add `{}: …` to its `alt:`, describing what the picture shows",
                        lang.code
                    )),
                );
            }
        }
    }

    /// The header facts of a picture under `static/` (`rel` without a leading `/`), read once
    /// per load.
    pub fn probe(&self, rel: &str) -> Result<crate::images::Probe, crate::images::Problem> {
        if let Some(known) = self.probes.lock().ok().and_then(|p| p.get(rel).cloned()) {
            return known;
        }
        let svg = rel.to_ascii_lowercase().ends_with(".svg");
        let probe = match self.theme.static_files.get(rel) {
            Some(crate::theme::FileSource::Disk(path)) => {
                crate::images::probe::probe_file(path, svg)
            }
            Some(crate::theme::FileSource::Embedded(bytes)) => {
                crate::images::probe::probe_bytes(bytes, svg)
            }
            None => Err(crate::images::Problem::new(
                "there is no such file in static/",
                "put the file under static/",
            )),
        };
        let probe = probe.map(|mut p| {
            if p.format == crate::images::Format::Svg
                && let Some((w, h)) = self.svg_size(rel)
            {
                (p.width, p.height) = (w, h);
            }
            p
        });
        if let Ok(mut probes) = self.probes.lock() {
            probes.insert(rel.to_string(), probe.clone());
        }
        probe
    }

    /// An SVG's own size (its `width`/`height`, or its `viewBox`), for the page to reserve.
    fn svg_size(&self, rel: &str) -> Option<(u32, u32)> {
        let data = self.theme.static_files.get(rel)?.read().ok()?;
        let tree = usvg::Tree::from_data(&data, &usvg::Options::default()).ok()?;
        let size = tree.size();
        Some((size.width().round() as u32, size.height().round() as u32))
    }

    /// What templates get for a picture under `static/`: its URL and size, and for photos the
    /// resized copies (see [`crate::images::Responsive`]). `None` when it cannot be shown.
    pub fn responsive(&self, path: &str) -> Option<crate::images::Responsive> {
        let rel = static_key(path);
        let probe = self.probe(rel).ok()?;
        let settings = crate::images::Settings::new(&self.config.images);
        Some(crate::images::responsive(
            &self.config.base_path,
            rel,
            &probe,
            &settings,
        ))
    }

    /// The theme's own pictures (logo, cover) come from the site's `static/` and are checked
    /// like any other, at the file itself since no line names them.
    fn check_theme_images(&self, diags: &mut Vec<Diagnostic>) {
        for rel in ["images/logo.svg", "images/hero.svg"] {
            if let Some(problem) = self.static_problem(rel) {
                diags.push(
                    Diagnostic::error(Location::file(self.static_display(rel)), problem)
                        .with_hint("the theme prints this picture on every page and brochure cover; open it in an SVG editor and save it again"),
                );
            }
        }
    }

    /// Where a static file comes from, as diagnostics show it: its path in the site, or the
    /// built-in theme's.
    pub(crate) fn static_display(&self, rel: &str) -> String {
        match self.theme.static_files.get(rel) {
            Some(crate::theme::FileSource::Disk(path)) => {
                crate::diagnostics::display_path(&self.root, path)
            }
            _ => format!("(built-in theme)/static/{rel}"),
        }
    }

    /// What is wrong with a static file's content, if anything: a raster picture too large to
    /// open safely (from its header), or an SVG that does not parse.
    fn static_problem(&self, rel: &str) -> Option<String> {
        if let Some(known) = self
            .static_verdicts
            .lock()
            .ok()
            .and_then(|map| map.get(rel).cloned())
        {
            return known;
        }
        let file = self.theme.static_files.get(rel)?;
        let lower = rel.to_ascii_lowercase();
        let judge = || {
            if lower.ends_with(".svg") {
                svg_problem(file)
            } else if [
                ".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif", ".avif", ".heic", ".bmp",
            ]
            .iter()
            .any(|e| lower.ends_with(e))
            {
                self.probe(rel).err().map(|p| p.message)
            } else {
                None
            }
        };
        // A preview judges a file again only when it changed: parsing every SVG the products
        // show took a tenth of each reload.
        let verdict = match (&self.reuse, file) {
            (Some(reuse), crate::theme::FileSource::Disk(path)) => {
                reuse.static_verdict(path, judge)
            }
            _ => judge(),
        };
        if let Ok(mut map) = self.static_verdicts.lock() {
            map.insert(rel.to_string(), verdict.clone());
        }
        verdict
    }

    /// Whether [`Site::static_url`] finds the file (without making its URL).
    pub fn has_static(&self, path: &str) -> bool {
        let rel = static_key(path);
        inside_static(rel) && self.theme.static_files.contains_key(rel)
    }

    /// Root-relative URL of a file under `static/` (site or theme), checking that it exists and
    /// does not climb out of the folder.
    pub fn static_url(&self, path: &str) -> Result<String, String> {
        let rel = static_key(path);
        if !inside_static(rel) {
            return Err("the path must stay inside static/ (no `..`)".into());
        }
        if self.theme.static_files.contains_key(rel) {
            Ok(format!(
                "{}{}",
                self.config.base_path,
                path.trim_start_matches('/')
            ))
        } else {
            Err("there is no such file in static/".into())
        }
    }

    /// Pre-renders every Markdown text for every language, in parallel.
    fn render_markdown(&mut self, diags: &mut Vec<Diagnostic>) {
        let unsafe_html = self.config.markdown.unsafe_html;
        let default = self.config.default_language.clone();
        // Each job: the text's key, the text, its language, where it is, and (for a preview)
        // what identifies the text without reading it: a product's description is a pure
        // function of its file, whose hash the product carries.
        let jobs_span = crate::trace::span("markdown: jobs");
        let codes: Vec<&str> = self.config.language_codes().collect();
        let mut jobs: Vec<(Text, &str, &str, MarkdownSource<'_>, Option<u64>)> = Vec::with_capacity(
            codes.len() * (self.products.len() + self.news.len() + self.pages.len()),
        );
        for (l, lang) in codes.iter().enumerate() {
            for (i, p) in self.products.iter().enumerate() {
                if let Some(r) = p.description.resolve(lang, &default) {
                    let start = p.description.start(r.lang);
                    let source = MarkdownSource {
                        file: &p.file,
                        first_line: start.line,
                        indent: start.column,
                    };
                    jobs.push((
                        Text::Description {
                            product: i,
                            lang: l,
                        },
                        r.value.as_str(),
                        r.lang,
                        source,
                        Some(p.source_hash),
                    ));
                }
            }
            for (kind, list) in [(0u8, &self.news), (1u8, &self.pages)] {
                for a in list {
                    let t = representative(a, lang, &default);
                    jobs.push((
                        Text::Body(TextKey::Body {
                            kind,
                            slug: a.slug.clone(),
                            lang: lang.to_string(),
                        }),
                        t.body.as_str(),
                        t.lang.as_str(),
                        MarkdownSource {
                            file: &t.file,
                            first_line: t.body_line,
                            indent: 1,
                        },
                        None,
                    ));
                }
            }
        }
        drop(jobs_span);
        let page_lang = |text: &Text| -> String {
            match text {
                Text::Description { lang, .. } => codes[*lang].to_string(),
                Text::Body(TextKey::Body { lang, .. }) => lang.clone(),
            }
        };
        let no_extras = crate::render::context::Extras::default();
        let fingerprints = crate::depend::Fingerprints::new(self, &no_extras);
        let reuse = self.reuse.as_deref();
        let keys_span = crate::trace::span("markdown: keys");
        // A preview's memo keys, and the texts it can take from memory (looked up in one pass).
        let memo_keys: Vec<Option<u64>> = jobs
            .par_iter()
            .map(|(text_key, text, text_lang, source, identity)| {
                reuse.map(|_| {
                    use std::hash::{Hash, Hasher};
                    let page_lang = match text_key {
                        Text::Description { lang, .. } => codes[*lang],
                        Text::Body(TextKey::Body { lang, .. }) => lang.as_str(),
                    };
                    let mut h = crate::depend::hasher();
                    match identity {
                        Some(file) => (file, text.len()).hash(&mut h),
                        None => text.hash(&mut h),
                    }
                    (text_lang, page_lang, unsafe_html).hash(&mut h);
                    (source.file, source.first_line, source.indent).hash(&mut h);
                    h.finish()
                })
            })
            .collect();
        drop(keys_span);
        let known_span = crate::trace::span("markdown: known");
        let mut known = match reuse {
            Some(reuse) => reuse.known_markdown(&memo_keys, &fingerprints),
            None => Vec::new(),
        };
        known.resize_with(jobs.len(), || None);
        drop(known_span);
        let render_span = crate::trace::span("markdown: render");
        let results: Vec<(Text, Html, Vec<Diagnostic>, Option<u64>)> = jobs
            .into_par_iter()
            .zip(memo_keys)
            .zip(known)
            .map(|(((key, text, text_lang, source, _), memo_key), known)| {
                if let Some(html) = known {
                    return (key, html, Vec::new(), memo_key);
                }
                let page_lang = page_lang(&key);
                let links = SiteLinks {
                    site: self,
                    lang: &page_lang,
                };
                let (rendered, reads) = crate::depend::recording(reuse.is_some(), || {
                    markdown::render(text, source, unsafe_html, &links)
                });
                let html = Html {
                    hash: {
                        use std::hash::{Hash, Hasher};
                        let mut h = crate::depend::hasher();
                        (&rendered.html, text_lang).hash(&mut h);
                        h.finish()
                    },
                    html: rendered.html.into(),
                    lang: text_lang.into(),
                };
                if let (Some(reuse), Some(memo_key)) = (reuse, memo_key)
                    && rendered.errors.is_empty()
                {
                    reuse.keep_markdown(memo_key, &html, reads, &fingerprints);
                }
                (key, html, rendered.errors, memo_key)
            })
            .collect();
        drop(render_span);
        let _keep_span = crate::trace::span("markdown: keep");
        if let Some(reuse) = reuse {
            reuse.markdown_seen(results.iter().filter_map(|r| r.3));
        }
        let languages = codes.len();
        let mut descriptions: Vec<Option<Html>> = Vec::new();
        descriptions.resize_with(self.products.len() * languages, || None);
        for (key, html, errors, _) in results {
            // Fallback texts are rendered once per language; report their errors once.
            for e in errors {
                if !diags.contains(&e) {
                    diags.push(e);
                }
            }
            match key {
                Text::Description { product, lang } => {
                    if let Some(slot) = descriptions.get_mut(product * languages + lang) {
                        *slot = Some(html);
                    }
                }
                Text::Body(key) => {
                    self.html.insert(key, html);
                }
            }
        }
        self.description_hashes = descriptions
            .chunks(languages.max(1))
            .map(|texts| {
                use std::hash::{Hash, Hasher};
                let mut h = crate::depend::hasher();
                for html in texts {
                    html.as_ref().map(|h| h.hash).hash(&mut h);
                }
                h.finish()
            })
            .collect();
        self.descriptions = descriptions;
        self.languages = languages;
    }

    pub fn formats(&self, lang: &str) -> Option<&Formats> {
        self.formats.get(lang)
    }

    pub fn product(&self, id: &str) -> Option<&Product> {
        self.index
            .products
            .get(id)
            .and_then(|&i| self.products.get(i).map(|p| &**p))
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.index
            .categories
            .get(id)
            .and_then(|&i| self.categories.get(i))
    }

    /// Where a product stands in [`Site::products`].
    pub fn product_position(&self, id: &str) -> Option<usize> {
        self.index.products.get(id).copied()
    }

    /// Where a category stands in [`Site::categories`].
    pub fn category_position(&self, id: &str) -> Option<usize> {
        self.index.categories.get(id).copied()
    }

    /// Where a news article stands in [`Site::news`].
    pub fn article_position(&self, slug: &str) -> Option<usize> {
        self.index.news.get(slug).copied()
    }

    /// Where a page stands in [`Site::pages`].
    pub fn page_position(&self, slug: &str) -> Option<usize> {
        self.index.pages.get(slug).copied()
    }

    /// The news article with this slug.
    pub fn article(&self, slug: &str) -> Option<&Article> {
        self.index.news.get(slug).and_then(|&i| self.news.get(i))
    }

    /// The page with this slug.
    pub fn page(&self, slug: &str) -> Option<&Article> {
        self.index.pages.get(slug).and_then(|&i| self.pages.get(i))
    }

    /// The products of a category, in catalog order.
    pub fn products_in<'a>(&'a self, category: &str) -> impl Iterator<Item = &'a Product> + 'a {
        self.index
            .by_category
            .get(category)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.products.get(i).map(|p| &**p))
    }

    /// The news articles that name a product (newest first).
    pub fn news_about<'a>(&'a self, product: &str) -> impl Iterator<Item = &'a Article> + 'a {
        self.index
            .news_about
            .get(product)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.news.get(i))
    }

    /// A hash of the HTML of product `id`'s description in every language.
    pub fn description_hash(&self, id: &str) -> Option<u64> {
        self.description_hashes
            .get(self.product_position(id)?)
            .copied()
    }
    pub fn description_html(&self, id: &str, lang: &str) -> Option<&Html> {
        let product = self.product_position(id)?;
        let lang = self.config.language_codes().position(|l| l == lang)?;
        self.descriptions
            .get(product * self.languages + lang)?
            .as_ref()
    }

    pub fn body_html(&self, article: &Article, lang: &str) -> Option<&Html> {
        let kind = match article.kind {
            ArticleKind::News => 0,
            ArticleKind::Page => 1,
        };
        self.html.get(&TextKey::Body {
            kind,
            slug: article.slug.clone(),
            lang: lang.to_string(),
        })
    }

    /// The translation shown for `lang`: its own, else the default language's, else any.
    pub fn translation<'a>(&self, article: &'a Article, lang: &str) -> &'a Translation {
        representative(article, lang, &self.config.default_language)
    }

    /// Root-relative URL of a route.
    /// Where an `@/…` link leads, or why it cannot (see [`crate::depend::Input::Link`]).
    pub(crate) fn link_target(&self, target: &str) -> Result<String, String> {
        SiteLinks {
            site: self,
            lang: &self.config.default_language,
        }
        .resolve(target)
    }

    pub fn url(&self, route: &Route) -> String {
        route.path(&self.config.base_path)
    }

    /// Every valid alias of every product, category, news article and page, with the route
    /// it redirects to (products and categories go to the default language).
    pub fn aliases(&self) -> Vec<SiteAlias> {
        let default = &self.config.default_language;
        let mut out = Vec::new();
        let mut add = |written: &str, location: &Location, to: Route| {
            if let Ok(path) = alias_path(written) {
                out.push(SiteAlias {
                    route: Route::Alias {
                        path,
                        to: Box::new(to),
                    },
                    location: location.clone(),
                    written: written.to_string(),
                });
            }
        };
        for p in &self.products {
            for (a, at) in &p.aliases {
                add(
                    a,
                    at,
                    Route::Product {
                        lang: default.clone(),
                        id: p.id.clone(),
                    },
                );
            }
        }
        for c in &self.categories {
            for (a, at) in &c.aliases {
                add(
                    a,
                    at,
                    Route::Category {
                        lang: default.clone(),
                        id: c.id.clone(),
                        page: 1,
                    },
                );
            }
        }
        for (articles, news) in [(&self.news, true), (&self.pages, false)] {
            for article in articles {
                for t in article.translations.values() {
                    for (a, at) in &t.aliases {
                        let to = if news {
                            Route::Article {
                                lang: t.lang.clone(),
                                slug: article.slug.clone(),
                            }
                        } else {
                            Route::Page {
                                lang: t.lang.clone(),
                                slug: article.slug.clone(),
                            }
                        };
                        add(a, at, to);
                    }
                }
            }
        }
        out
    }

    /// Aliases that cannot be written: a malformed path, one used twice, or one at the place
    /// of a page or static file of the site.
    fn check_aliases(&self, diags: &mut Vec<Diagnostic>) {
        let mut written: Vec<(&str, &Location)> = Vec::new();
        for p in &self.products {
            written.extend(p.aliases.iter().map(|(a, l)| (a.as_str(), l)));
        }
        for c in &self.categories {
            written.extend(c.aliases.iter().map(|(a, l)| (a.as_str(), l)));
        }
        for article in self.news.iter().chain(&self.pages) {
            for t in article.translations.values() {
                written.extend(t.aliases.iter().map(|(a, l)| (a.as_str(), l)));
            }
        }
        for (a, at) in &written {
            if let Err(why) = alias_path(a) {
                diags.push(
                    Diagnostic::error((*at).clone(), format!("alias `{a}`: {why}"))
                        .with_hint("write the old address's path, e.g. `/old-site/excavator-300.html` or `/products/ex300/`"),
                );
            }
        }
        if written.is_empty() {
            // Planning the whole site to compare with no alias is a waste on every preview edit.
            return;
        }
        let pages: HashMap<String, Route> = crate::plan::plan(self)
            .into_iter()
            .filter(|r| !matches!(r, Route::Alias { .. }))
            .map(|r| (r.output_file(), r))
            .collect();
        let mut seen: HashMap<String, Location> = HashMap::new();
        for alias in self.aliases() {
            let file = alias.route.output_file();
            if let Some(page) = pages.get(&file) {
                diags.push(
                    Diagnostic::error(
                        alias.location.clone(),
                        format!(
                            "alias `{}` is the address of a page of the site ({})",
                            alias.written,
                            self.url(page)
                        ),
                    )
                    .with_hint("an alias is an old address that no longer has a page; remove it"),
                );
            } else if self.theme.static_files.contains_key(&file) {
                diags.push(Diagnostic::error(
                    alias.location.clone(),
                    format!(
                        "alias `{}` is the address of the static file `static/{file}`",
                        alias.written
                    ),
                ));
            } else if let Some(first) = seen.get(&file) {
                diags.push(
                    Diagnostic::error(
                        alias.location.clone(),
                        format!("alias `{}` is used twice", alias.written),
                    )
                    .with_hint(format!("the other one is at {first}")),
                );
            } else {
                seen.insert(file, alias.location.clone());
            }
        }
    }

    /// Absolute URL of a route.
    pub fn permalink(&self, route: &Route) -> String {
        format!("{}{}", self.config.base_url, route.relative_url())
    }
}

/// The translation of `article` shown for `lang`: its own, else the default language's, else
/// the first there is (an article always has at least one translation).
fn representative<'a>(article: &'a Article, lang: &str, default: &str) -> &'a Translation {
    article
        .translations
        .get(lang)
        .or_else(|| article.translations.get(default))
        .or_else(|| article.translations.values().next())
        .unwrap_or_else(|| empty_translation())
}

/// Never reached (see [`representative`]); exists so no code path can panic.
fn empty_translation() -> &'static Translation {
    static EMPTY: std::sync::OnceLock<Translation> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Translation {
        file: String::new(),
        lang: String::new(),
        title: String::new(),
        date: None,
        summary: None,
        products: Vec::new(),
        template: None,
        image: None,
        draft: false,
        aliases: Vec::new(),
        body: String::new(),
        body_line: 1,
        source_hash: 0,
    })
}

/// Resolves Markdown links for one page language.
struct SiteLinks<'a> {
    site: &'a Site,
    lang: &'a str,
}

impl LinkResolver for SiteLinks<'_> {
    fn resolve(&self, target: &str) -> Result<String, String> {
        crate::depend::read(|| crate::depend::Input::Config);
        crate::depend::read(|| crate::depend::Input::Link(target.to_string()));
        let (path, fragment) = match target.split_once('#') {
            Some((p, f)) => (p, format!("#{f}")),
            None => (target, String::new()),
        };
        let path = path.trim_end_matches('/');
        let lang = self.lang.to_string();
        let site = self.site;
        let route = match path.split_once('/') {
            None if path.is_empty() => Route::Home { lang },
            None if path == "products" => Route::Products { lang },
            None if path == "news" => Route::NewsList { lang, page: 1 },
            None => {
                if !site.pages.iter().any(|p| p.slug == path) {
                    let slugs = site.pages.iter().map(|p| p.slug.as_str());
                    return Err(format!(
                        "there is no page `{path}`{}",
                        suffix(did_you_mean(path, slugs))
                    ));
                }
                Route::Page {
                    lang,
                    slug: path.to_string(),
                }
            }
            Some(("products", id)) => {
                if site.product(id).is_none() {
                    let ids = site.products.iter().map(|p| p.id.as_str());
                    return Err(format!(
                        "there is no product `{id}`{}",
                        suffix(did_you_mean(id, ids))
                    ));
                }
                Route::Product {
                    lang,
                    id: id.to_string(),
                }
            }
            Some(("categories", id)) => {
                if site.category(id).is_none() {
                    let ids = site.categories.iter().map(|c| c.id.as_str());
                    return Err(format!(
                        "there is no category `{id}`{}",
                        suffix(did_you_mean(id, ids))
                    ));
                }
                Route::Category {
                    lang,
                    id: id.to_string(),
                    page: 1,
                }
            }
            Some(("news", slug)) => {
                if !site.news.iter().any(|a| a.slug == slug) {
                    let slugs = site.news.iter().map(|a| a.slug.as_str());
                    return Err(format!(
                        "there is no news article `{slug}`{}",
                        suffix(did_you_mean(slug, slugs))
                    ));
                }
                Route::Article {
                    lang,
                    slug: slug.to_string(),
                }
            }
            Some((section, _)) => return Err(format!("`{section}` is not a section of the site")),
        };
        Ok(format!("{}{fragment}", site.url(&route)))
    }

    fn own_page(&self, url: &str) -> Option<String> {
        crate::depend::read(|| crate::depend::Input::Config);
        self.absolute_page_target(url)
    }

    fn picture(&self, url: &str, location: &Location) -> Option<crate::images::Responsive> {
        let rel = static_key(url.strip_prefix(self.site.config.base_path.as_str())?);
        let probe = self.site.probe(rel).ok()?;
        if !probe.format.is_photo() {
            return None;
        }
        self.site.pictures.register(rel, probe, location);
        self.site.responsive(rel)
    }

    fn check_asset(&self, url: &str) -> Result<String, String> {
        crate::depend::read(|| crate::depend::Input::Config);
        crate::depend::read(|| crate::depend::Input::AssetExists(url.to_string()));
        crate::depend::read(|| crate::depend::Input::AssetBytes(url.to_string()));
        let found = match self.site.static_url(url) {
            Ok(found) => found,
            Err(message) => {
                return Err(match self.site_page_target(url) {
                    Some(target) => format!(
                        "this is a page of the site; link with `@/{target}` so the link follows the reader's language and is checked"
                    ),
                    None => message,
                });
            }
        };
        match self.site.static_problem(static_key(url)) {
            Some(problem) => Err(problem),
            None => Ok(found),
        }
    }
}

impl SiteLinks<'_> {
    /// The `@/…` target for an absolute URL of one of the site's pages.
    fn absolute_page_target(&self, url: &str) -> Option<String> {
        let base = &self.site.config.base_url;
        let rest = url.strip_prefix(base.as_str())?;
        let root = format!("{}{rest}", self.site.config.base_path);
        self.site_page_target(&root)
    }

    /// The `@/…` target for a root-relative URL of one of the site's pages
    /// (`/en/products/ex-300/` → `products/ex-300`), if it is one.
    fn site_page_target(&self, url: &str) -> Option<String> {
        let base = self.site.config.base_path.trim_end_matches('/');
        let path = url.strip_prefix(base).unwrap_or(url);
        let path = path.split(['#', '?']).next().unwrap_or(path);
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let (lang, rest) = parts.split_first()?;
        self.site.config.language(lang)?;
        let rest = rest.strip_suffix(&["index.html"]).unwrap_or(rest);
        Some(match rest {
            [] => String::new(),
            [section] => (*section).to_string(),
            [section @ ("products" | "categories" | "news"), id] => format!("{section}/{id}"),
            _ => return None,
        })
    }
}

fn suffix(hint: Option<String>) -> String {
    hint.map(|h| format!(" ({h})")).unwrap_or_default()
}
