//! The build driver: load → plan → render in parallel → write atomically.

use crate::cache::{BuildLock, Cache};
use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::output::{Sink, Staging, check_output_dir, remove_leftovers};
use crate::plan::{Route, plan};
use crate::render::{Output, Renderer};
use crate::site::{LoadOptions, Site};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What `brochure build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `<root>/public`.
    pub output: Option<PathBuf>,
    pub drafts: bool,
    /// Treat warnings as errors.
    pub strict: bool,
    pub base_url: Option<String>,
    /// Skip brochures and datasheets (quick site work).
    pub no_pdf: bool,
    /// Neither read nor write the build cache: typeset every PDF.
    pub no_cache: bool,
    /// No search index and no search box (what `serve` shows).
    pub no_search: bool,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub output: PathBuf,
    pub languages: usize,
    pub pages: usize,
    pub pdfs: usize,
    /// The PDFs typeset by this build, by output path (the others came from the cache).
    pub pdfs_typeset: Vec<String>,
    /// Photos shown, and how many were encoded by this build (the rest: from the cache).
    pub photos: usize,
    pub photos_encoded: usize,
    /// Photos read to be hashed; the others were known unchanged by their size and time.
    pub photos_hashed: usize,
    /// Pages in the search index (0 when `[search] enabled = false`), and whether the index
    /// came from the build cache (no indexed page changed).
    pub search_pages: usize,
    pub search_from_cache: bool,
    /// Cache entries that could not be stored (the build itself is complete).
    pub cache_write_errors: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

impl BuildReport {
    /// PDFs taken from the build cache instead of typeset.
    pub fn pdfs_from_cache(&self) -> usize {
        self.pdfs - self.pdfs_typeset.len()
    }

    /// The one-line summary printed at the end of a build.
    pub fn summary(&self) -> String {
        let pdfs = if self.pdfs == 0 {
            "0 PDFs".to_string()
        } else {
            format!(
                "{} PDFs ({} typeset, {} from cache)",
                grouped(self.pdfs),
                grouped(self.pdfs_typeset.len()),
                grouped(self.pdfs_from_cache())
            )
        };
        let photos = if self.photos == 0 {
            String::new()
        } else {
            format!(
                "{} photos ({} encoded, {} from cache), ",
                grouped(self.photos),
                grouped(self.photos_encoded),
                grouped(self.photos - self.photos_encoded)
            )
        };
        format!(
            "Built {} languages, {} pages, {photos}{pdfs}, {} files with {} warning{} in {} ms → {}",
            self.languages,
            grouped(self.pages),
            grouped(self.files),
            self.warnings.len(),
            if self.warnings.len() == 1 { "" } else { "s" },
            self.elapsed.as_millis(),
            self.output.display()
        ) + &if self.cache_write_errors > 0 {
            format!(
                " ({} PDFs could not be stored in the build cache; they will be typeset again next time)",
                self.cache_write_errors
            )
        } else {
            String::new()
        }
    }
}

/// `3000` as `3,000`, for summaries people read.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Why a build failed: every problem found, errors and warnings, in source order.
#[derive(Debug)]
pub struct BuildFailure {
    pub diagnostics: Vec<Diagnostic>,
}

impl BuildFailure {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

fn fail(diagnostics: Vec<Diagnostic>) -> BuildFailure {
    BuildFailure { diagnostics }
}

/// What rendering produced, besides the files themselves (which went to a [`Sink`]).
#[derive(Debug, Default)]
pub struct RenderSummary {
    pub warnings: Vec<Diagnostic>,
    pub pages: usize,
    pub pdfs: usize,
    /// The PDFs typeset by this build (the others came from the cache), in plan order.
    pub pdfs_typeset: Vec<String>,
    /// Every output path written, in plan order (small: paths only).
    pub paths: Vec<String>,
    /// Photos shown, and how many of them were encoded (the others' copies came from the
    /// cache).
    pub photos: usize,
    pub photos_encoded: usize,
    pub photos_hashed: usize,
    /// Pages in the search index, and the index's files (none when search is off).
    pub search_pages: usize,
    pub search_files: usize,
    pub search_from_cache: bool,
}

/// Loads and validates the site model.
pub fn load(
    root: &Path,
    options: LoadOptions,
) -> Result<(Arc<Site>, Vec<Diagnostic>), BuildFailure> {
    let loaded = Site::load(root, options).map_err(fail)?;
    Ok((Arc::new(loaded.site), loaded.warnings))
}

/// A failed write of one output: located at the output file, the way users see it.
fn write_error(rel: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(Location::file(rel), format!("could not write `{rel}`: {e}"))
        .with_hint("nothing was replaced: the previous output is unchanged (is the disk full?)")
}

/// Renders every output of `site` into `sink`, each written as soon as it is made: PDFs first
/// (pages link to them with their sizes), then pages in parallel. Nothing is kept in memory
/// but the paths, so memory does not grow with the number of outputs. PDFs come from `cache`
/// when nothing they read changed.
pub fn render(
    site: &Arc<Site>,
    pdf: bool,
    cache: &Cache,
    sink: &dyn Sink,
) -> Result<RenderSummary, Vec<Diagnostic>> {
    let mut summary = RenderSummary::default();
    let mut extras = crate::render::context::Extras::default();
    // Photos first: their copies are files of the site, and the PDFs embed their print
    // copies from the cache.
    let processed = crate::images::process(site, cache, sink, pdf)?;
    summary.photos = processed.photos;
    summary.photos_encoded = processed.encoded;
    summary.photos_hashed = processed.hashed;
    summary.paths.extend(processed.paths);
    if pdf {
        let made = render_pdfs(site, cache, sink)?;
        for p in made {
            match &p.job {
                crate::print::PrintJob::Datasheet { id, lang } => {
                    extras.datasheets.insert((id.clone(), lang.clone()), p.size);
                }
                crate::print::PrintJob::Brochure { .. } => {
                    extras.brochures.insert(p.path.clone(), p.size);
                }
            }
            summary.warnings.extend(p.warnings);
            summary.pdfs += 1;
            if !p.from_cache {
                summary.pdfs_typeset.push(p.path.clone());
            }
            summary.paths.push(p.path);
        }
        crate::diagnostics::sort(&mut summary.warnings);
        // The same picture warned about by several documents (datasheets in three languages,
        // the brochures) is one warning, with the hint of its widest placement.
        summary.warnings.dedup_by(|later, kept| {
            let same = later.location == kept.location && later.message == kept.message;
            if same {
                let width = |h: &Option<String>| h.as_ref().map(|h| (h.len(), h.clone()));
                if width(&later.hint) > width(&kept.hint) {
                    std::mem::swap(&mut kept.hint, &mut later.hint);
                }
            }
            same
        });
    }
    let mut renderer = Renderer::new(Arc::clone(site))?;
    renderer.set_extras(extras);
    let routes = plan(site);
    let mut errors: Vec<Diagnostic> = Vec::new();
    // A language at a time (the plan lists routes by language), so the cards its pages share
    // are freed before the next language's are made.
    for group in routes.chunk_by(|a, b| a.lang() == b.lang()) {
        errors.extend(
            group
                .par_iter()
                .filter_map(|route| {
                    let output = match renderer.render(route) {
                        Ok(o) => o,
                        Err(e) => return Some(e),
                    };
                    sink.put(&output.path, &output.bytes)
                        .err()
                        .map(|e| write_error(&output.path, &e))
                })
                .collect::<Vec<_>>(),
        );
        if let Some(lang) = group.first().and_then(Route::lang) {
            renderer.release_language(lang);
        }
    }
    if !errors.is_empty() {
        // One template bug fails every page that uses it; sorting drops the repeats, and one
        // bad message shown by several templates is one error at the message.
        crate::diagnostics::sort(&mut errors);
        errors.dedup_by(|a, b| a.location == b.location && a.message == b.message);
        return Err(errors);
    }
    for route in &routes {
        let path = route.output_file();
        if path.ends_with(".html") && !route.is_redirect() {
            summary.pages += 1;
        }
        summary.paths.push(path);
    }
    if site.config.search.enabled {
        let indexed = crate::search::index(site, &routes, sink, cache).map_err(|d| vec![d])?;
        summary.search_pages = indexed.pages;
        summary.search_files = indexed.files;
        summary.search_from_cache = indexed.from_cache;
    }
    Ok(summary)
}

/// Static files that collide with generated outputs. A static file at a page's own path is
/// skipped with a warning (the page wins); one where the site needs a folder (`static/en` next
/// to `en/index.html`) or below a page's path cannot be written at all and is an error. Found
/// from the plan before anything is written, and named at the static file.
pub(crate) fn static_clashes(site: &Site, pdf: bool) -> (HashSet<String>, Vec<Diagnostic>) {
    let mut outputs: HashSet<String> = plan(site).iter().map(Route::output_file).collect();
    outputs.extend(crate::images::planned_outputs(site));
    if pdf {
        outputs.extend(
            crate::print::jobs(site)
                .iter()
                .map(|job| job.output_file(site)),
        );
    }
    static_clashes_among(site, &outputs.iter().map(String::as_str).collect())
}

/// [`static_clashes`] with the output paths already known.
pub(crate) fn static_clashes_among(
    site: &Site,
    outputs: &HashSet<&str>,
) -> (HashSet<String>, Vec<Diagnostic>) {
    let mut folders: HashMap<&str, &str> = HashMap::new();
    for path in outputs {
        let mut rest: &str = path;
        while let Some((folder, _)) = rest.rsplit_once('/') {
            folders.entry(folder).or_insert(path);
            rest = folder;
        }
    }
    let mut shadowed = HashSet::new();
    let mut clashes = Vec::new();
    for rel in site.theme.static_files.keys() {
        let display = site.static_display(rel);
        if outputs.contains(rel.as_str()) {
            clashes.push(
                Diagnostic::warning(
                    Location::file(display),
                    format!("`{rel}` is also a generated page; the static file is not copied"),
                )
                .with_hint("rename or remove the static file"),
            );
            shadowed.insert(rel.clone());
        } else if let Some(page) = folders.get(rel.as_str()) {
            clashes.push(
                Diagnostic::error(
                    Location::file(display),
                    format!("the site needs a folder `{rel}/` here (for `{page}`), but this static file has that name"),
                )
                .with_hint("rename or remove the static file"),
            );
        } else if let Some(page) = ancestors(rel).find(|a| outputs.contains(*a)) {
            clashes.push(
                Diagnostic::error(
                    Location::file(display),
                    format!("`{page}` is a generated page, so nothing can be stored below it"),
                )
                .with_hint("move the static file to another folder"),
            );
        }
    }
    (shadowed, clashes)
}

/// `a/b/c` → `a/b`, `a`.
fn ancestors(rel: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(rel.rsplit_once('/').map(|(f, _)| f), |f| {
        f.rsplit_once('/').map(|(f, _)| f)
    })
}

/// A site rendered in memory (for `brochure check`): pages with their bytes, PDFs by path.
pub struct Rendered {
    pub site: Arc<Site>,
    pub outputs: Vec<Output>,
    pub warnings: Vec<Diagnostic>,
}

/// Keeps what `check` reads: every page's bytes, and only the paths of PDFs.
#[derive(Default)]
struct Memory(std::sync::Mutex<Vec<Output>>);

impl Sink for Memory {
    fn get(&self, rel: &str) -> std::io::Result<Vec<u8>> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .iter()
            .find(|o| o.path == rel)
            .map(|o| o.bytes.clone())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, rel.to_string()))
    }

    fn put(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        let bytes = if rel.ends_with(".pdf") {
            Vec::new()
        } else {
            bytes.to_vec()
        };
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .push(Output {
                path: rel.to_string(),
                bytes,
            });
        Ok(())
    }
}

/// Loads the site and renders every output in memory, without writing the site. PDFs
/// (unless `pdf` is false) go through the site's build cache.
pub fn render_all(root: &Path, options: LoadOptions, pdf: bool) -> Result<Rendered, BuildFailure> {
    let (site, mut warnings) = load(root, options)?;
    let memory = Memory::default();
    let cache = Cache::open(root);
    let summary = render(&site, pdf, &cache, &memory).map_err(|e| with_warnings(e, &warnings))?;
    warnings.extend(summary.warnings);
    crate::diagnostics::sort(&mut warnings);
    let mut outputs = memory.0.into_inner().unwrap_or_default();
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Rendered {
        site,
        outputs,
        warnings,
    })
}

fn with_warnings(mut errors: Vec<Diagnostic>, warnings: &[Diagnostic]) -> BuildFailure {
    crate::diagnostics::sort(&mut errors);
    errors.extend(warnings.iter().cloned());
    fail(errors)
}

/// Stack for the threads that run Typst (reserved address space, not memory used).
pub(crate) const PDF_STACK_BYTES: usize = 256 * 1024 * 1024;

/// A PDF written to the sink.
struct MadePdf {
    job: crate::print::PrintJob,
    path: String,
    size: u64,
    warnings: Vec<Diagnostic>,
    from_cache: bool,
}

type PdfResult = Result<MadePdf, Vec<Diagnostic>>;

/// Typesets (or takes from the cache) every brochure and datasheet in parallel and writes
/// each as soon as it is ready, with a progress bar on a terminal.
fn render_pdfs(
    site: &Arc<Site>,
    cache: &Cache,
    sink: &dyn Sink,
) -> Result<Vec<MadePdf>, Vec<Diagnostic>> {
    let printer = crate::print::Printer::new(Arc::clone(site))?;
    let jobs = crate::print::jobs(site);
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(jobs.len() as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} PDF {pos}/{len} {wide_bar} {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    // Each document is typeset on a plain thread of ours, not a rayon worker: Typst uses
    // rayon inside a document, and a rayon worker that waits there steals other work from its
    // pool — another whole document — which starts on top of the half-done one. Measured on a
    // 300-product catalog, documents piled up that way until hundreds were open at once
    // (resident memory grew by ~0.5 MB per PDF, and 1,000 products needed gigabytes). Our
    // threads never steal, so at most one document per thread is open. Deep Typst layouts
    // also need more stack than rayon's 2 MiB.
    let threads = std::thread::available_parallelism()
        .map_or(2, std::num::NonZeroUsize::get)
        .min(jobs.len().max(1));
    // Brochures are long documents held whole in memory while typeset (a 1,000-product
    // brochure: ~1,000 pages): only one thread takes them, one at a time, first; the other
    // threads start on the datasheets, and all share the datasheets when brochures are done.
    let (brochures, datasheets): (Vec<usize>, Vec<usize>) =
        (0..jobs.len()).partition(|&i| matches!(jobs[i], crate::print::PrintJob::Brochure { .. }));
    let next_brochure = std::sync::atomic::AtomicUsize::new(0);
    let next_datasheet = std::sync::atomic::AtomicUsize::new(0);
    let take = |lane: &[usize], next: &std::sync::atomic::AtomicUsize| {
        lane.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
            .copied()
    };
    let slots: Vec<std::sync::Mutex<Option<PdfResult>>> =
        jobs.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let make = |job: &crate::print::PrintJob| {
        printer.print(job, cache).and_then(|pdf| {
            sink.put(&pdf.path, &pdf.bytes)
                .map_err(|e| vec![write_error(&pdf.path, &e)])?;
            Ok(MadePdf {
                job: pdf.job,
                size: pdf.bytes.len() as u64,
                path: pdf.path,
                warnings: pdf.warnings,
                from_cache: pdf.from_cache,
            })
        })
    };
    let spawned = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for worker in 0..threads {
            let (take, brochures, datasheets) = (&take, &brochures, &datasheets);
            let (next_brochure, next_datasheet) = (&next_brochure, &next_datasheet);
            let (jobs, slots, bar, make) = (&jobs, &slots, &bar, &make);
            let handle = std::thread::Builder::new()
                .stack_size(PDF_STACK_BYTES)
                .spawn_scoped(scope, move || {
                    loop {
                        let i = if worker == 0 {
                            take(brochures, next_brochure)
                                .or_else(|| take(datasheets, next_datasheet))
                        } else {
                            take(datasheets, next_datasheet)
                        };
                        let Some(i) = i else {
                            break;
                        };
                        let (Some(job), Some(slot)) = (jobs.get(i), slots.get(i)) else {
                            break;
                        };
                        let made = make(job);
                        if let Ok(mut slot) = slot.lock() {
                            *slot = Some(made);
                        }
                        bar.inc(1);
                    }
                });
            handles.push(handle);
        }
        handles.into_iter().all(|h| h.is_ok())
    });
    if !spawned {
        return Err(vec![Diagnostic::error(
            Location::file("."),
            "cannot start the threads that typeset PDFs",
        )]);
    }
    let results: Vec<PdfResult> = slots
        .into_iter()
        .map(|slot| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                Err(vec![Diagnostic::error(
                    Location::file("."),
                    "a PDF thread stopped unexpectedly",
                )])
            })
        })
        .collect();
    bar.finish_and_clear();
    let mut pdfs = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(p) => pdfs.push(p),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(pdfs)
    } else {
        Err(errors)
    }
}

/// Copies a static file; a raster picture loses its metadata on the way (EXIF, XMP).
fn copy_static(
    staging: &Staging,
    rel: &str,
    source: &crate::theme::FileSource,
) -> std::io::Result<()> {
    let lower = rel.to_ascii_lowercase();
    if [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|e| lower.ends_with(e))
        && let Ok(bytes) = source.read()
        && let Some(stripped) = crate::images::strip::metadata(&bytes)
    {
        return staging.put(rel, &stripped);
    }
    if crate::minify::applies(rel) {
        let bytes = source.read()?;
        return staging.put(rel, &crate::minify::published(rel, &bytes));
    }
    staging.copy(rel, source)
}

/// Runs a whole build: one build of a site at a time, the new site written into a staging
/// folder as it is rendered and swapped in only when everything succeeded.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let started = Instant::now();
    let root = &options.root;
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| root.join("public"));
    check_output_dir(root, &output).map_err(|m| {
        fail(vec![
            Diagnostic::error(Location::file(output.display().to_string()), m)
                .with_hint("choose another --output folder"),
        ])
    })?;
    let _lock = BuildLock::acquire(root).map_err(|m| {
        fail(vec![
            Diagnostic::error(Location::file(crate::cache::DIR), m).with_hint(
                "wait for the other build to finish (its output is written when it is done)",
            ),
        ])
    })?;
    let output_error = |e: std::io::Error| {
        fail(vec![
            Diagnostic::error(
                Location::file(output.display().to_string()),
                format!("could not write the site: {e}"),
            )
            .with_hint("the previous output was left unchanged"),
        ])
    };
    // Folders an interrupted build (kill -9) left behind; we hold the lock, so they are stale.
    remove_leftovers(&output).map_err(output_error)?;
    let load_options = LoadOptions {
        drafts: options.drafts,
        base_url: options.base_url.clone(),
        keep_going: false,
        reuse: None,
        no_search: options.no_search,
    };
    let (site, mut warnings) = load(root, load_options)?;
    let cache = if options.no_cache {
        Cache::disabled()
    } else {
        Cache::open(root)
    };
    let (shadowed, clashes) = static_clashes(&site, !options.no_pdf);
    for clash in clashes {
        if clash.is_error() {
            return Err(fail(vec![clash]));
        }
        warnings.push(clash);
    }
    let staging = Staging::begin(&output).map_err(output_error)?;
    let summary = render(&site, !options.no_pdf, &cache, &staging)
        .map_err(|e| with_warnings(e, &warnings))?;
    warnings.extend(summary.warnings);
    crate::diagnostics::sort(&mut warnings);
    if options.strict && !warnings.is_empty() {
        for w in &mut warnings {
            w.severity = Severity::Error;
            w.message = format!("{} (--strict)", w.message);
        }
        return Err(fail(warnings));
    }
    let mut files = summary.paths.len() + summary.search_files;
    let (photos, photos_encoded, photos_hashed) = (
        summary.photos,
        summary.photos_encoded,
        summary.photos_hashed,
    );
    for (path, source) in &site.theme.static_files {
        // A photo content shows is published as its resized copies only: the original is
        // large and carries its EXIF (GPS, camera serial).
        if shadowed.contains(path.as_str()) || site.pictures.is_processed(path) {
            continue;
        }
        copy_static(&staging, path, source).map_err(|e| fail(vec![write_error(path, &e)]))?;
        files += 1;
    }
    staging.commit().map_err(output_error)?;
    let stats = cache.stats();
    if !options.no_pdf {
        // Only a build that made every PDF knows which entries are still needed.
        let _ = cache.prune("pdf");
        let _ = cache.prune(crate::images::CACHE_KIND_PRINT);
    }
    let _ = cache.prune(crate::images::CACHE_KIND_WEB);
    let _ = cache.prune(crate::images::CACHE_KIND_STAMP);
    crate::search::prune(&cache);
    Ok(BuildReport {
        output,
        languages: site.config.languages.len(),
        pages: summary.pages,
        pdfs: summary.pdfs,
        pdfs_typeset: summary.pdfs_typeset,
        photos,
        photos_encoded,
        photos_hashed,
        search_pages: summary.search_pages,
        search_from_cache: summary.search_from_cache,
        cache_write_errors: stats.write_errors,
        files,
        warnings,
        elapsed: started.elapsed(),
    })
}
