//! `brochure serve`: a live preview of the site while its sources are edited.
//!
//! The preview is the build's stages run incrementally. Loading goes through
//! [`crate::reuse::Reuse`], so unchanged files are not parsed again; every page and PDF renders
//! with the build's own [`crate::render::Renderer`] and [`crate::print::Printer`] while
//! [`crate::depend`] records what it reads. After an edit only the outputs that read something
//! whose fingerprint changed are made again, so what is served is byte for byte what
//! `brochure build` writes (plus the live-reload script), and `public/` is never touched. The
//! files live in a private folder ([`Store`]); memory keeps a hash per file. PDFs follow in the
//! background ([`pdfs`]), through the build cache.
//!
//! A watcher ([`watch`]) reports changed sources. Browsers hear about each update over
//! Server-Sent Events with the list of URLs whose bytes changed, and reload only when their page
//! or something it uses changed (a stylesheet is swapped in place). A broken source keeps the last
//! good files and shows its diagnostics as an overlay on every open page.

pub mod http;
mod pdfs;
mod store;
mod watch;

pub use store::Store;

use crate::build::{load, static_clashes_among};
use crate::cache::Cache;
use crate::depend::{Fingerprints, Graph};
use crate::diagnostics::{Diagnostic, Location};
use crate::plan::{Route, plan};
use crate::render::Renderer;
use crate::render::context::Extras;
use crate::site::{LoadOptions, Site};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

/// Settings of `brochure serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub drafts: bool,
    /// Leave PDFs out (faster previews of the site alone).
    pub no_pdf: bool,
}

/// A served file's fingerprint: its bytes, and for HTML its bytes without asset versions
/// (`?v=…`), which tells a page that only uses a changed stylesheet from a changed page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileHash {
    pub bytes: u64,
    pub unversioned: u64,
}

impl FileHash {
    fn of(rel: &str, bytes: &[u8]) -> FileHash {
        let mut full = crate::depend::hasher();
        full.write(bytes);
        let full = full.finish();
        FileHash {
            bytes: full,
            unversioned: if rel.ends_with(".html") {
                let mut h = crate::depend::hasher();
                for part in without_versions(bytes) {
                    h.write(part);
                }
                h.finish()
            } else {
                full
            },
        }
    }
}

/// Every file of the site at one moment: which paths exist and their hashes. The bytes are in
/// the preview's [`Store`] (or, for tests of the HTTP rules, in memory).
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub files: HashMap<String, FileHash, foldhash::fast::FixedState>,
    /// The site's base path (`/` or `/catalog/`): URLs are served below it.
    pub base_path: String,
    /// Pages being made again after the open ones were shown: a request for one waits for
    /// it rather than get its old version.
    pub pending: Arc<HashSet<String>>,
    backing: Backing,
}

#[derive(Debug, Clone, Default)]
enum Backing {
    #[default]
    Empty,
    Memory(Arc<HashMap<String, Arc<[u8]>>>),
    Folder(Arc<Store>),
}

impl Snapshot {
    /// A snapshot of files held in memory.
    pub fn in_memory(files: HashMap<String, Vec<u8>>, base_path: &str) -> Snapshot {
        let hashes = files
            .iter()
            .map(|(k, v)| (k.clone(), FileHash::of(k, v)))
            .collect();
        Snapshot {
            files: hashes,
            base_path: base_path.to_string(),
            pending: Arc::default(),
            backing: Backing::Memory(Arc::new(
                files.into_iter().map(|(k, v)| (k, Arc::from(v))).collect(),
            )),
        }
    }

    pub fn contains(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
    }

    /// The bytes served at output path `rel`.
    pub fn read(&self, rel: &str) -> Option<Arc<[u8]>> {
        if !self.files.contains_key(rel) {
            return None;
        }
        match &self.backing {
            Backing::Empty => None,
            Backing::Memory(files) => files.get(rel).cloned(),
            Backing::Folder(store) => store.read(rel).ok().map(Arc::from),
        }
    }

    /// Every served file with its bytes, sorted by path (tests compare it with a build).
    pub fn contents(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        self.files
            .keys()
            .filter_map(|k| self.read(k).map(|b| (k.clone(), b.to_vec())))
            .collect()
    }
}

/// What the preview knows between updates: the last good model and, for every output, what it
/// read and what it was.
#[derive(Default)]
struct State {
    site: Option<Arc<Site>>,
    /// Datasheet sizes, from the PDFs made so far.
    extras: Extras,
    graph: Graph,
    /// Every page, in plan order, and by output path.
    plan: Vec<Route>,
    /// [`crate::plan::plan_key`] of `plan`.
    plan_key: u64,
    routes: Arc<HashMap<String, Route>>,
    /// Every served file.
    files: HashMap<String, FileHash, foldhash::fast::FixedState>,
    /// Static files when last read: size and modification time.
    statics: HashMap<String, (u64, Option<SystemTime>)>,
    /// Photos whose copies are served: what they were made from (the photo's stamp, its
    /// header facts and the settings), and the copies' output paths.
    photos: HashMap<String, (u64, Vec<String>)>,
    /// PDF output path → its job, for every PDF the current site has.
    jobs: Arc<HashMap<String, crate::print::PrintJob>>,
    /// Static files that clash with pages, as last found.
    clashes: Option<Clashes>,
}

/// Static files that clash with pages ([`crate::build::static_clashes`]), and what they were
/// found for: the plan, the documents and the static files' names.
struct Clashes {
    plan_key: u64,
    jobs: Arc<HashMap<String, crate::print::PrintJob>>,
    static_names: u64,
    shadowed: HashSet<String>,
    clashes: Vec<Diagnostic>,
}

/// What the preview currently shows, and who is listening.
pub struct Preview {
    root: PathBuf,
    options: LoadOptions,
    pdf: bool,
    cache: Cache,
    store: Arc<Store>,
    state: Mutex<State>,
    /// What requests are answered from.
    snapshot: RwLock<Arc<Snapshot>>,
    /// Diagnostics of the last failed build, rendered as text, until a build succeeds.
    errors: RwLock<Option<String>>,
    /// Diagnostics of the PDFs that failed, until they are made.
    pdf_errors: RwLock<Option<String>>,
    version: Mutex<u64>,
    /// Identifies this server process, so a browser can tell that it restarted.
    instance: String,
    listeners: Mutex<Vec<Listener>>,
    /// Pages requested lately (output paths, newest last): made first after an edit, with
    /// the pages open in a browser.
    recent: Mutex<std::collections::VecDeque<String>>,
    /// Signalled when an update has made all its pages.
    settled: (Mutex<()>, std::sync::Condvar),
    pdfs: pdfs::Queue,
    /// The templates as last compiled, while the theme's templates stay the same.
    templates: Mutex<Option<crate::render::CompiledTemplates>>,
    /// PDF warnings already printed (each is printed once).
    pdf_warnings_seen: Mutex<HashSet<String>>,
}

/// A browser listening for changes, and the page it shows (an output path).
struct Listener {
    tx: Sender<String>,
    page: Option<String>,
}

/// How many recently requested pages are made first after an edit.
const RECENT_PAGES: usize = 8;

/// Above this many pages to make again, the open pages are made and shown first.
const OPEN_PAGES_FIRST: usize = 64;

/// How long a request waits for a page being made before it gets the old version.
const PENDING_WAIT: Duration = Duration::from_secs(30);

/// The outcome of one rebuild, for the terminal and for tests.
#[derive(Debug, Clone)]
pub struct Update {
    /// URL paths whose bytes changed, appeared or disappeared.
    pub changed: Vec<String>,
    /// HTML pages whose only change is the version of a stylesheet or script they use.
    pub restyled: Vec<String>,
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// Pages rendered again (the others were known to be unchanged).
    pub rendered: usize,
    /// PDFs waiting to be made again in the background.
    pub pdfs_queued: usize,
    /// What changed in the model that pages had read (`product fe-25`, `message nav-products`).
    pub causes: Vec<String>,
    /// When many pages changed, the pages open in a browser are made and announced first:
    /// those pages (URL paths, already announced), and when they were shown.
    pub first: Vec<String>,
    pub first_shown: Option<Duration>,
}

impl Update {
    fn empty() -> Update {
        Update {
            changed: Vec::new(),
            restyled: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            elapsed: Duration::ZERO,
            rendered: 0,
            pdfs_queued: 0,
            causes: Vec::new(),
            first: Vec::new(),
            first_shown: None,
        }
    }
}

fn stamp(file: &crate::theme::FileSource) -> (u64, Option<SystemTime>) {
    match file {
        // Built into the binary: the same for the life of the process.
        crate::theme::FileSource::Embedded(bytes) => (bytes.len() as u64, None),
        crate::theme::FileSource::Disk(path) => std::fs::metadata(path)
            .map(|m| (m.len(), m.modified().ok()))
            .unwrap_or((u64::MAX, None)),
    }
}

/// Files staged by one update, to be served once all of it succeeded.
#[derive(Default)]
struct Staged {
    written: Vec<String>,
    hashes: Vec<(String, FileHash)>,
    removed: Vec<String>,
}

impl Preview {
    /// Builds the site once; fails like `build` when the first build fails (there is nothing
    /// good to show yet).
    pub fn start(
        root: &Path,
        drafts: bool,
        pdf: bool,
    ) -> Result<(Arc<Preview>, Update), Vec<Diagnostic>> {
        let store = Store::create().map_err(|e| {
            vec![Diagnostic::error(
                Location::file(std::env::temp_dir().display().to_string()),
                format!("cannot make the preview's folder: {e}"),
            )]
        })?;
        let preview = Arc::new(Preview {
            root: root.to_path_buf(),
            options: LoadOptions {
                drafts,
                reuse: Some(Arc::new(crate::reuse::Reuse::default())),
                no_search: true,
                ..LoadOptions::default()
            },
            pdf,
            cache: Cache::open(root),
            store: Arc::new(store),
            state: Mutex::new(State::default()),
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            errors: RwLock::new(None),
            pdf_errors: RwLock::new(None),
            version: Mutex::new(0),
            instance: format!(
                "{:x}",
                SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos())
            ),
            listeners: Mutex::new(Vec::new()),
            recent: Mutex::new(std::collections::VecDeque::new()),
            settled: (Mutex::new(()), std::sync::Condvar::new()),
            pdfs: pdfs::Queue::default(),
            pdf_warnings_seen: Mutex::new(HashSet::new()),
            templates: Mutex::new(None),
        });
        let update = preview.rebuild();
        if !update.errors.is_empty() {
            return Err(update.errors);
        }
        if pdf {
            pdfs::start_worker(&preview);
        }
        Ok((preview, update))
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .map(|s| Arc::clone(&s))
            .unwrap_or_default()
    }

    /// The folder the preview serves its files from.
    pub fn folder(&self) -> &Path {
        self.store.folder()
    }

    /// The preview's own folder, removed when it stops.
    pub fn own_folder(&self) -> &Path {
        self.store.root()
    }

    /// Tells the next rebuild which source files changed (as the watcher saw them), so it
    /// need not look at the others; `None` when that is not known.
    pub fn expect_changes(&self, paths: Option<&[PathBuf]>) {
        if let Some(reuse) = &self.options.reuse {
            reuse.expect_changes(paths);
        }
    }

    /// Loads the sources again and updates what changed; when that fails, keeps the last good
    /// version and shows the errors. Every source file is looked at.
    pub fn rebuild(&self) -> Update {
        self.expect_changes(None);
        self.rebuild_after_changes()
    }

    /// Like [`Preview::rebuild`], looking only at the files named by
    /// [`Preview::expect_changes`] since the last rebuild.
    pub fn rebuild_after_changes(&self) -> Update {
        let started = Instant::now();
        let mut update = Update::empty();
        let Ok(mut state) = self.state.lock() else {
            return update;
        };
        let result = self.update(&mut state, &mut update, started);
        self.settle();
        match result {
            Ok(()) => {
                if let Ok(mut e) = self.errors.write() {
                    *e = None;
                }
            }
            Err(errors) => {
                self.store.discard();
                let text: String = errors
                    .iter()
                    .map(|d| d.render(Some(&self.root), false))
                    .collect::<Vec<_>>()
                    .join("\n");
                if let Ok(mut e) = self.errors.write() {
                    *e = Some(text);
                }
                update.changed.clear();
                update.restyled.clear();
                update.errors = errors;
            }
        }
        drop(state);
        update.elapsed = started.elapsed();
        self.announce(&update);
        update
    }

    fn update(
        &self,
        state: &mut State,
        update: &mut Update,
        started: Instant,
    ) -> Result<(), Vec<Diagnostic>> {
        let _update_span = crate::trace::span("serve: update");
        let (site, mut warnings) =
            load(&self.root, self.options.clone()).map_err(|f| f.diagnostics)?;
        // Most edits keep the list of pages; then the old map serves.
        let plan_span = crate::trace::span("serve: plan");
        let key = crate::plan::plan_key(&site);
        let same_plan = key == state.plan_key && !state.plan.is_empty();
        let new_plan = if same_plan {
            std::mem::take(&mut state.plan)
        } else {
            plan(&site)
        };
        let routes: Arc<HashMap<String, Route>> = if same_plan {
            Arc::clone(&state.routes)
        } else {
            Arc::new(
                new_plan
                    .iter()
                    .map(|r| (r.output_file(), r.clone()))
                    .collect(),
            )
        };
        let jobs: Arc<HashMap<String, crate::print::PrintJob>> = if !self.pdf {
            // Always none.
            Arc::clone(&state.jobs)
        } else if same_plan
            && state
                .site
                .as_ref()
                .is_some_and(|old| old.config == site.config)
        {
            // The same products in the same languages and brochures: the same documents.
            Arc::clone(&state.jobs)
        } else {
            Arc::new(
                crate::print::jobs(&site)
                    .into_iter()
                    .map(|j| (j.output_file(&site), j))
                    .collect(),
            )
        };
        // Static files that clash with pages: known unless the pages, the documents or the
        // static files' names changed.
        let clash_span = crate::trace::span("serve: static clashes");
        let static_names = {
            use std::hash::{Hash, Hasher};
            let mut h = crate::depend::hasher();
            for rel in site.theme.static_files.keys() {
                rel.hash(&mut h);
                site.static_display(rel).hash(&mut h);
            }
            h.finish()
        };
        let (shadowed, clashes) = match &state.clashes {
            Some(known)
                if known.plan_key == key
                    && Arc::ptr_eq(&known.jobs, &jobs)
                    && known.static_names == static_names =>
            {
                (known.shadowed.clone(), known.clashes.clone())
            }
            _ => {
                let outputs: HashSet<&str> = routes
                    .keys()
                    .chain(jobs.keys())
                    .map(String::as_str)
                    .collect();
                static_clashes_among(&site, &outputs)
            }
        };
        drop(clash_span);
        if clashes.iter().any(Diagnostic::is_error) {
            return Err(clashes);
        }
        state.clashes = Some(Clashes {
            plan_key: key,
            jobs: Arc::clone(&jobs),
            static_names,
            shadowed: shadowed.clone(),
            clashes: clashes.clone(),
        });
        warnings.extend(clashes);
        update.warnings = warnings;
        // Sizes of datasheets that no longer exist are forgotten (a product added again gets
        // its size from its new PDF).
        state.extras.datasheets.retain(|(id, lang), _| {
            let job = crate::print::PrintJob::Datasheet {
                id: id.clone(),
                lang: lang.clone(),
            };
            jobs.contains_key(&job.output_file(&site))
        });
        state
            .extras
            .brochures
            .retain(|path, _| jobs.contains_key(path));
        drop(plan_span);
        let fingerprint_span = crate::trace::span("serve: fingerprints");
        let extras = state.extras.clone();
        let fingerprints = Fingerprints::new(&site, &extras);
        let refresh = state.graph.changes(&fingerprints);
        let stale = state.graph.stale(&refresh);
        drop(fingerprint_span);
        update.causes = state
            .graph
            .changed_inputs(&refresh)
            .iter()
            .map(ToString::to_string)
            .collect();
        let mut staged = Staged::default();
        // When many pages must be made again (a message or a template every page uses), the
        // pages open in a browser are made, served and announced first; a request for any
        // other waits until it is made.
        let first: HashSet<String> = if same_plan && stale.len() > OPEN_PAGES_FIRST {
            let open = self.open_pages();
            stale
                .iter()
                .filter(|p| open.contains(*p))
                .cloned()
                .collect()
        } else {
            HashSet::new()
        };
        let render_span = crate::trace::span("serve: render");
        let now = if first.is_empty() { &stale } else { &first };
        let mut rendered = self.render_pages(state, &site, &routes, same_plan, now, &mut staged)?;
        drop(render_span);
        let rest_span = crate::trace::span("serve: statics and commit");
        // Static files: read again only those whose size or time changed.
        let mut statics = HashMap::new();
        // Photos: copies made again only for a photo that changed (or the settings); they come
        // from the build cache when it has them.
        let mut photos = HashMap::new();
        for (rel, probe, location) in site.pictures.photos() {
            let made_from = {
                use std::hash::{Hash, Hasher};
                let mut h = crate::depend::hasher();
                site.theme.static_files.get(&rel).map(stamp).hash(&mut h);
                probe.hash(&mut h);
                site.config.images.hash(&mut h);
                h.finish()
            };
            if let Some((known, paths)) = state.photos.get(&rel)
                && *known == made_from
            {
                photos.insert(rel, (made_from, paths.clone()));
                continue;
            }
            let (files, _) = crate::images::web_copies(&site, &rel, &probe, &location, &self.cache)
                .map_err(|d| vec![d])?;
            let mut paths = Vec::with_capacity(files.len());
            for (path, bytes) in files {
                let hash = FileHash::of(&path, &bytes);
                if state.files.get(&path) != Some(&hash) {
                    self.stage(&mut staged, &path, &bytes, hash)?;
                }
                paths.push(path);
            }
            photos.insert(rel, (made_from, paths));
        }
        for (rel, source) in &site.theme.static_files {
            if shadowed.contains(rel) || photos.contains_key(rel) {
                continue;
            }
            let now = stamp(source);
            statics.insert(rel.clone(), now);
            if state.statics.get(rel) == Some(&now) && state.files.contains_key(rel) {
                continue;
            }
            let bytes = source.read().map_err(|e| {
                vec![Diagnostic::error(
                    Location::file(site.static_display(rel)),
                    format!("cannot read the file: {e}"),
                )]
            })?;
            let bytes = crate::minify::published(rel, &bytes);
            let hash = FileHash::of(rel, &bytes);
            if state.files.get(rel) != Some(&hash) {
                self.stage(&mut staged, rel, &bytes, hash)?;
            }
        }
        // Whatever the new site no longer has (nothing, when it has the same pages, documents
        // and static files as before).
        let same_outputs = same_plan
            && Arc::ptr_eq(&jobs, &state.jobs)
            && statics.len() == state.statics.len()
            && statics.keys().all(|k| state.statics.contains_key(k))
            && photos.len() == state.photos.len()
            && photos
                .iter()
                .all(|(k, (_, paths))| state.photos.get(k).is_some_and(|(_, p)| p == paths));
        if !same_outputs {
            let copies: HashSet<&str> = photos
                .values()
                .flat_map(|(_, paths)| paths.iter().map(String::as_str))
                .collect();
            for rel in state.files.keys() {
                if !routes.contains_key(rel)
                    && !statics.contains_key(rel)
                    && !jobs.contains_key(rel)
                    && !copies.contains(rel.as_str())
                {
                    staged.removed.push(rel.clone());
                }
            }
        }
        if let Some(old) = state.site.replace(Arc::clone(&site)) {
            // Freeing a model of thousands of products takes tens of milliseconds; the
            // browser should not wait for it.
            let _ = std::thread::Builder::new()
                .name("brochure-free".into())
                .spawn(move || drop(old));
        }
        if !first.is_empty() {
            let rest: HashSet<String> = stale.difference(&first).cloned().collect();
            self.commit(
                state,
                std::mem::take(&mut staged),
                update,
                Arc::new(rest.clone()),
            )?;
            self.announce(update);
            update.first = update
                .changed
                .iter()
                .chain(&update.restyled)
                .cloned()
                .collect();
            update.first_shown = Some(started.elapsed());
            let _s = crate::trace::span("serve: render the rest");
            rendered.extend(self.render_pages(state, &site, &routes, true, &rest, &mut staged)?);
        }
        update.rendered = rendered.len();
        self.commit(state, staged, update, Arc::default())?;
        drop(rest_span);
        let _graph_span = crate::trace::span("serve: graph");
        state.graph.accept(refresh);
        for (path, inputs) in rendered {
            state.graph.set(&path, inputs, &fingerprints);
        }
        if !same_plan {
            for old in state.routes.keys() {
                if !routes.contains_key(old) {
                    state.graph.remove(old);
                }
            }
        }
        state.routes = routes;
        state.plan = new_plan;
        state.plan_key = key;
        state.statics = statics;
        state.photos = photos;
        for old in state.jobs.keys() {
            if !jobs.contains_key(old) {
                state.graph.remove(old);
            }
        }
        state.jobs = jobs;
        if self.pdf {
            // New documents, and those that read something that changed; until each is made
            // again, the previous one is served.
            let mut waiting: Vec<(String, crate::print::PrintJob)> = state
                .jobs
                .iter()
                .filter(|(path, _)| !state.graph.knows(path) || stale.contains(*path))
                .map(|(p, j)| (p.clone(), j.clone()))
                .collect();
            waiting.sort_by(|a, b| a.0.cmp(&b.0));
            update.pdfs_queued = waiting.len();
            self.pdfs.replace(waiting);
            let jobs = &state.jobs;
            self.pdfs.keep_failures(|path| jobs.contains_key(path));
        }
        Ok(())
    }

    /// Renders the pages of `routes` that are new, differ from the route of the same path, or
    /// read something that changed (`stale`), staging those whose bytes differ. Returns what
    /// each rendered page read.
    fn render_pages(
        &self,
        state: &State,
        site: &Arc<Site>,
        routes: &HashMap<String, Route>,
        same_plan: bool,
        stale: &HashSet<String>,
        staged: &mut Staged,
    ) -> Result<Vec<(String, Vec<crate::depend::Input>)>, Vec<Diagnostic>> {
        let mut todo: Vec<&Route> = if same_plan {
            stale.iter().filter_map(|path| routes.get(path)).collect()
        } else {
            routes
                .iter()
                .filter(|(path, route)| {
                    stale.contains(*path) || state.routes.get(*path) != Some(route)
                })
                .map(|(_, r)| r)
                .collect()
        };
        // Language by language, as the build does, so shared cards are freed in between.
        todo.sort();
        let renderer_span = crate::trace::span("serve: renderer");
        let mut renderer = match self.templates.lock() {
            Ok(mut compiled) => Renderer::reusing(Arc::clone(site), &mut compiled)?,
            Err(_) => Renderer::new(Arc::clone(site))?,
        };
        renderer.set_extras(state.extras.clone());
        drop(renderer_span);
        let mut made = Vec::new();
        let mut errors = Vec::new();
        for group in todo.chunk_by(|a, b| a.lang() == b.lang()) {
            // Each page is written as soon as it is made (in parallel, and without holding a
            // language's pages in memory); only the paths and hashes are collected.
            let results: Vec<_> = group
                .par_iter()
                .map(|route| {
                    let (output, inputs) = renderer.render_recorded(route, true);
                    let output = output?;
                    let hash = FileHash::of(&output.path, &output.bytes);
                    let changed = state.files.get(&output.path) != Some(&hash);
                    if changed {
                        self.store
                            .stage(&output.path, &output.bytes)
                            .map_err(|e| self.write_error(&output.path, &e))?;
                    }
                    Ok((output.path, hash, changed, inputs))
                })
                .collect();
            if let Some(lang) = group.first().and_then(|r| r.lang()) {
                renderer.release_language(lang);
            }
            for r in results {
                match r {
                    Ok((path, hash, changed, inputs)) => {
                        if changed {
                            staged.written.push(path.clone());
                            staged.hashes.push((path.clone(), hash));
                        }
                        made.push((path, inputs));
                    }
                    Err(e) => errors.push(e),
                }
            }
        }
        if !errors.is_empty() {
            crate::diagnostics::sort(&mut errors);
            errors.dedup_by(|a, b| a.location == b.location && a.message == b.message);
            return Err(errors);
        }
        Ok(made)
    }

    fn write_error(&self, rel: &str, e: &std::io::Error) -> Diagnostic {
        Diagnostic::error(
            Location::file(self.store.folder().display().to_string()),
            format!("cannot write `{rel}` for the preview: {e}"),
        )
    }

    fn stage(
        &self,
        staged: &mut Staged,
        rel: &str,
        bytes: &[u8],
        hash: FileHash,
    ) -> Result<(), Vec<Diagnostic>> {
        self.store
            .stage(rel, bytes)
            .map_err(|e| vec![self.write_error(rel, &e)])?;
        staged.written.push(rel.to_string());
        staged.hashes.push((rel.to_string(), hash));
        Ok(())
    }

    /// Serves what `staged` holds from now on, and notes what changed in `update`.
    fn commit(
        &self,
        state: &mut State,
        staged: Staged,
        update: &mut Update,
        pending: Arc<HashSet<String>>,
    ) -> Result<(), Vec<Diagnostic>> {
        self.store
            .commit(&staged.written, &staged.removed)
            .map_err(|e| {
                vec![Diagnostic::error(
                    Location::file(self.store.folder().display().to_string()),
                    format!("cannot update the preview's files: {e}"),
                )]
            })?;
        let base_path = state
            .site
            .as_ref()
            .map(|s| s.config.base_path.clone())
            .unwrap_or_else(|| "/".into());
        for (rel, hash) in staged.hashes {
            let restyled = state
                .files
                .get(&rel)
                .is_some_and(|old| old.unversioned == hash.unversioned);
            if restyled {
                update.restyled.push(url_of(&rel, &base_path));
            } else {
                update.changed.push(url_of(&rel, &base_path));
            }
            state.files.insert(rel, hash);
        }
        for rel in staged.removed {
            state.files.remove(&rel);
            update.changed.push(url_of(&rel, &base_path));
        }
        update.changed.sort();
        update.restyled.sort();
        let snapshot = Snapshot {
            files: state.files.clone(),
            base_path,
            pending,
            backing: Backing::Folder(Arc::clone(&self.store)),
        };
        if let Ok(mut s) = self.snapshot.write() {
            *s = Arc::new(snapshot);
        }
        Ok(())
    }

    /// Tells browsers (and the terminal, through the caller) what changed.
    fn announce(&self, update: &Update) {
        if let Ok(mut v) = self.version.lock() {
            *v += 1;
        }
        self.broadcast(update);
    }

    /// The event a browser gets now: the current state with nothing changed.
    fn hello(&self) -> String {
        self.event(&[], &[])
    }

    fn event(&self, changed: &[String], restyled: &[String]) -> String {
        let errors: Vec<String> = [&self.errors, &self.pdf_errors]
            .iter()
            .filter_map(|e| e.read().ok().and_then(|e| e.clone()))
            .collect();
        let version = self.version.lock().map_or(0, |v| *v);
        serde_json::json!({
            "id": self.instance,
            "v": version,
            "changed": changed,
            "restyled": restyled,
            "errors": if errors.is_empty() { None } else { Some(errors.join("\n")) },
        })
        .to_string()
    }

    fn broadcast(&self, update: &Update) {
        // What was announced early is not announced again (the page would reload twice).
        let later = |list: &[String]| -> Vec<String> {
            list.iter()
                .filter(|p| update.first_shown.is_none() || !update.first.contains(p))
                .cloned()
                .collect()
        };
        let event = self.event(&later(&update.changed), &later(&update.restyled));
        if let Ok(mut listeners) = self.listeners.lock() {
            listeners.retain(|l| l.tx.send(event.clone()).is_ok());
        }
    }

    /// A new browser connection: its first event is the current state.
    /// A browser showing `page` (an output path) connects: its first event is the current
    /// state.
    fn subscribe(&self, page: Option<String>) -> Receiver<String> {
        let (tx, rx) = channel();
        let _ = tx.send(self.hello());
        if let Ok(mut listeners) = self.listeners.lock() {
            listeners.push(Listener { tx, page });
        }
        rx
    }

    /// Notes that a page was served, so it is among the first made after the next edit.
    fn note_request(&self, rel: &str) {
        if !rel.ends_with(".html") {
            return;
        }
        if let Ok(mut recent) = self.recent.lock() {
            recent.retain(|r| r != rel);
            recent.push_back(rel.to_string());
            while recent.len() > RECENT_PAGES {
                recent.pop_front();
            }
        }
    }

    /// Output paths of the pages open in a browser, and of those requested lately.
    fn open_pages(&self) -> HashSet<String> {
        let mut open: HashSet<String> = self
            .listeners
            .lock()
            .map(|l| l.iter().filter_map(|l| l.page.clone()).collect())
            .unwrap_or_default();
        if let Ok(recent) = self.recent.lock() {
            open.extend(recent.iter().cloned());
        }
        open
    }

    /// The snapshot to answer a request for `rel` from: once `rel` is made, if it is being
    /// made again right now.
    fn snapshot_for(&self, rel: Option<&str>) -> Arc<Snapshot> {
        let deadline = Instant::now() + PENDING_WAIT;
        loop {
            let snapshot = self.snapshot();
            let waiting = rel.is_some_and(|rel| snapshot.pending.contains(rel));
            if !waiting || Instant::now() >= deadline {
                return snapshot;
            }
            let Ok(guard) = self.settled.0.lock() else {
                return snapshot;
            };
            // Checked again under the lock: an update that settled in between notified no one.
            if !self.snapshot().pending.contains(rel.unwrap_or_default()) {
                continue;
            }
            let _ = self
                .settled
                .1
                .wait_timeout(guard, Duration::from_millis(100));
        }
    }

    /// Clears the pages being made (all made, or the update failed: the last good versions
    /// are served) and wakes the requests waiting for them.
    fn settle(&self) {
        let _guard = self.settled.0.lock();
        if let Ok(mut s) = self.snapshot.write()
            && !s.pending.is_empty()
        {
            let mut settled = Snapshot::clone(&s);
            settled.pending = Arc::default();
            *s = Arc::new(settled);
        }
        self.settled.1.notify_all();
    }
}

/// The parts of `bytes` between `?v=<hex>` asset versions.
fn without_versions(bytes: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(found) = bytes[i..].windows(3).position(|w| w == b"?v=") {
        let at = i + found;
        parts.push(&bytes[start..at]);
        i = at + 3;
        while i < bytes.len() && bytes[i].is_ascii_hexdigit() {
            i += 1;
        }
        start = i;
    }
    parts.push(&bytes[start..]);
    parts
}

/// The URL path a browser uses for an output file: `en/index.html` → `/en/`.
fn url_of(path: &str, base_path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_path}{path}")
}

/// Binds `bind:port`, or the next free port above it; says when it moved.
fn bind(options: &ServeOptions) -> Result<(tiny_http::Server, u16), Diagnostic> {
    let mut last = String::new();
    for offset in 0..20u16 {
        let Some(port) = options.port.checked_add(offset) else {
            break;
        };
        match tiny_http::Server::http(SocketAddr::new(options.bind, port)) {
            Ok(server) => {
                // Port 0 asks the system for a free one (tests).
                let bound = server.server_addr().to_ip().map_or(port, |a| a.port());
                return Ok((server, bound));
            }
            Err(e) => last = e.to_string(),
        }
    }
    Err(Diagnostic::error(
        Location::file(crate::diagnostics::COMMAND_LINE),
        format!("no free port from {} on: {last}", options.port),
    )
    .with_hint("choose another with --port"))
}

/// A running preview server: the address it listens on and the preview behind it.
pub struct Running {
    pub port: u16,
    pub preview: Arc<Preview>,
    server: Arc<tiny_http::Server>,
}

impl Running {
    /// Stops accepting requests (tests; Ctrl-C ends the process).
    pub fn stop(&self) {
        self.server.unblock();
    }
}

/// Builds the site, binds the port and answers requests on background threads. Rebuilds
/// are triggered by the caller ([`Preview::rebuild`]) or by [`watch_forever`].
pub fn start(options: &ServeOptions) -> Result<(Running, Update), Vec<Diagnostic>> {
    let (preview, update) = Preview::start(&options.root, options.drafts, !options.no_pdf)?;
    let (server, port) = bind(options).map_err(|d| vec![d])?;
    let server = Arc::new(server);
    {
        let server = Arc::clone(&server);
        let preview = Arc::clone(&preview);
        std::thread::Builder::new()
            .name("brochure-http".into())
            .spawn(move || accept(&server, &preview))
            .map_err(|e| {
                vec![Diagnostic::error(
                    Location::file(crate::diagnostics::COMMAND_LINE),
                    format!("cannot start the server: {e}"),
                )]
            })?;
    }
    Ok((
        Running {
            port,
            preview,
            server,
        },
        update,
    ))
}

fn accept(server: &tiny_http::Server, preview: &Arc<Preview>) {
    for request in server.incoming_requests() {
        let preview = Arc::clone(preview);
        // One thread per request: an event stream stays open as long as its page.
        let _ = std::thread::Builder::new()
            .name("brochure-request".into())
            .spawn(move || answer(request, &preview));
    }
}

fn answer(request: tiny_http::Request, preview: &Preview) {
    let method = request.method().as_str().to_string();
    let url = request.url().to_string();
    let base_path = preview.snapshot().base_path.clone();
    if let Some((path, query)) = url.split_once('?').or(Some((url.as_str(), "")))
        && path == http::EVENTS_PATH
        && method == "GET"
    {
        // The script sends the URL path of the page it runs in.
        let page = http::output_path(query, &base_path);
        stream_events(request.into_writer(), &preview.subscribe(page));
        return;
    }
    let rel = http::output_path(&url, &base_path);
    let reply = http::respond(&preview.snapshot_for(rel.as_deref()), &method, &url);
    if reply.status == 200
        && let Some(rel) = &rel
    {
        preview.note_request(rel);
    }
    write_reply(request.into_writer(), &reply, method == "HEAD");
}

/// Writes `reply` and closes the connection. tiny_http gives each open connection a thread
/// of its pool for as long as the browser keeps it alive, and a new connection can be queued
/// behind those: on a busy machine a page then waited 30 s for its logo, and a reload never
/// finished loading (the live-reload browser test caught it, one run in two under load).
/// Closing after each answer frees the thread at once; on the local preview a new connection
/// costs nothing. tiny_http does not let a response say `Connection: close`, so the answer is
/// written here, as the event stream is.
fn write_reply(mut out: Box<dyn std::io::Write + Send>, reply: &http::Reply, head_only: bool) {
    let status = tiny_http::StatusCode(reply.status);
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        status.default_reason_phrase(),
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        // A value made from the request (a redirect's Location) cannot add a header.
        if !name.contains(['\r', '\n']) && !value.contains(['\r', '\n']) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str("\r\n");
    let _ = out
        .write_all(head.as_bytes())
        .and_then(|()| {
            if head_only {
                Ok(())
            } else {
                out.write_all(&reply.body)
            }
        })
        .and_then(|()| out.flush());
}

/// Writes an event stream by hand: the server's chunked encoding buffers 8 KB before it
/// sends anything, and an event must reach the browser at once. The stream ends with the
/// connection (`Connection: close`); a comment every 15 s notices a closed tab.
fn stream_events(mut out: Box<dyn std::io::Write + Send>, events: &Receiver<String>) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    loop {
        let chunk = match events.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => format!("data: {event}\n\n"),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ":\n\n".to_string(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if out
            .write_all(chunk.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Watches the site's sources and rebuilds on every change, printing what happened. Returns
/// only when the watcher cannot run.
pub fn watch_forever(preview: &Preview, report: impl Fn(&Update)) -> Result<(), Diagnostic> {
    let root = preview
        .root
        .canonicalize()
        .unwrap_or_else(|_| preview.root.clone());
    let mut changes = watch::start(&root)?;
    // Saves between the first build and the watcher's start were not seen.
    preview.expect_changes(None);
    while let Some(mut batch) = changes.next() {
        // Changes that arrived while building are folded into the next build.
        while let Some(more) = changes.pending() {
            batch.extend(more);
        }
        // A source folder created after the start (a first `templates/`) must be watched too.
        let new_folder = batch.paths.iter().any(|p| {
            p.parent() == Some(root.as_path())
                && p.is_dir()
                && p.file_name()
                    .is_some_and(|n| watch::SOURCE_FOLDERS.iter().any(|f| n == *f))
        });
        // Events name paths under the resolved root; the loader reads them under the root as
        // given (`--root .`).
        let paths: Vec<PathBuf> = batch
            .paths
            .iter()
            .filter_map(|p| p.strip_prefix(&root).ok())
            .map(|rel| preview.root.join(rel))
            .collect();
        preview.expect_changes(batch.complete.then_some(paths.as_slice()));
        report(&preview.rebuild_after_changes());
        if new_folder {
            changes = watch::start(&root)?;
            preview.expect_changes(None);
        }
    }
    Ok(())
}

/// Ctrl-C (and `kill`) on Unix: the signals are taken from every thread and waited for by one,
/// which removes the preview's folder and ends the process with success. Must be called before
/// any other thread starts (threads inherit the blocked set).
#[cfg(unix)]
pub fn stop_cleanly_on_signal() -> Result<StopSignals, String> {
    // SAFETY: plain libc calls on a local, zero-initialised signal set.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::sigaddset(&mut set, libc::SIGTERM);
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return Err("cannot take Ctrl-C from the threads".into());
        }
        Ok(StopSignals(set))
    }
}

/// The signals that stop the preview, blocked and waiting for [`StopSignals::on_stop`].
#[cfg(unix)]
pub struct StopSignals(libc::sigset_t);

#[cfg(unix)]
impl StopSignals {
    /// Waits for a stop signal on a thread of its own; then removes `folder` (the preview's
    /// files), prints a last line and exits with success.
    pub fn on_stop(self, folder: PathBuf) {
        let set = self.0;
        let _ = std::thread::Builder::new()
            .name("brochure-stop".into())
            .spawn(move || {
                let mut signal = 0;
                // SAFETY: `set` is a valid signal set that every thread blocks.
                unsafe { libc::sigwait(&set, &mut signal) };
                let _ = std::fs::remove_dir_all(&folder);
                println!("Stopped.");
                std::process::exit(0);
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copy of a test fixture site in a temporary folder.
    fn fixture(name: &str) -> tempfile::TempDir {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let dir = tempfile::tempdir().expect("temp dir");
        for entry in walkdir::WalkDir::new(&from).into_iter().flatten() {
            let Ok(rel) = entry.path().strip_prefix(&from) else {
                continue;
            };
            let to = dir.path().join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("folder");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy");
            }
        }
        dir
    }

    #[test]
    fn a_request_for_a_page_being_made_waits_until_it_is_made() {
        let site = fixture("basic");
        let (preview, _) = Preview::start(site.path(), false, false).expect("starts");
        let rel = "en/products/fe-25/index.html";
        {
            let mut s = preview.snapshot.write().expect("lock");
            let mut pending = Snapshot::clone(&s);
            pending.pending = Arc::new(HashSet::from([rel.to_string()]));
            *s = Arc::new(pending);
        }
        let (tx, rx) = channel();
        let waiting = Arc::clone(&preview);
        let thread = std::thread::spawn(move || {
            let snapshot = waiting.snapshot_for(Some(rel));
            let _ = tx.send(snapshot.pending.len());
        });
        // Other pages are answered at once.
        assert_eq!(preview.snapshot_for(Some("en/index.html")).pending.len(), 1);
        std::thread::sleep(Duration::from_millis(300));
        assert!(rx.try_recv().is_err(), "answered before the page was made");
        preview.settle();
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok(0));
        thread.join().expect("thread");
    }
}
