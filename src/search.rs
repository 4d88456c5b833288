//! Full-text search: one Pagefind index per language, built in process from the pages the
//! build has just written.
//!
//! Visitors search a static site, so the index is files too (Pagefind's: a small script, a
//! WebAssembly search engine and index chunks the browser fetches as the query needs them).
//! Pagefind runs here as a library, not as a binary after the build: nothing to install, and
//! the index comes from the same pages the build wrote, in the same step.
//!
//! What is indexed is up to the theme: the parts of a page marked `data-pagefind-body`
//! (the default theme marks products, news articles and pages), with `data-pagefind-meta`
//! and `data-pagefind-filter` for what results show and can be narrowed by. Pagefind reads
//! the language from `<html lang>`, so each language gets its own index with its own stemming
//! (Russian `экскаваторы` finds `экскаватор`) and word segmentation (Chinese has no spaces),
//! and a page in one language never answers a query made in another.
//!
//! Pages are read back from the output in plan order, one at a time: the index is the same
//! bytes for the same pages however the parallel renderer ordered its writes, and memory holds
//! one page, not all of them. The finished index is kept in the build cache under a hash of
//! every indexed page, so a rebuild that changed no page reuses it.

use crate::cache::{Cache, KeyBuilder};
use crate::diagnostics::{Diagnostic, Location};
use crate::output::Sink;
use crate::plan::Route;
use crate::site::Site;

/// Where the index is written, below the output folder.
pub const BUNDLE_DIR: &str = "pagefind";

const CACHE_KIND: &str = "search";

/// Pagefind's own search interfaces (the theme draws its results itself).
const UNUSED: &[&str] = &[
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "pagefind-highlight.",
];

/// Pagefind's version, in cache keys: a new Pagefind writes a new index.
const PAGEFIND: &str = "pagefind 1.6 extended";

/// What [`index`] did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Indexed {
    /// Pages read for the index.
    pub pages: usize,
    /// Files of the index written.
    pub files: usize,
    /// Whether the index came from the build cache.
    pub from_cache: bool,
}

/// Whether `route`'s page can hold searchable content (the theme decides what of it counts).
pub fn searchable(route: &Route) -> bool {
    matches!(
        route,
        Route::Product { .. } | Route::Article { .. } | Route::Page { .. }
    )
}

/// Builds the index of the searchable pages among `routes` (already written to `sink`) and
/// writes it to `sink` under [`BUNDLE_DIR`].
pub fn index(
    site: &Site,
    routes: &[Route],
    sink: &dyn Sink,
    cache: &Cache,
) -> Result<Indexed, Diagnostic> {
    let _span = crate::trace::span("search index");
    let mut pages = Vec::new();
    let mut key = KeyBuilder::new(CACHE_KIND);
    key.str("pagefind", PAGEFIND);
    for route in routes.iter().filter(|r| searchable(r)) {
        let path = route.output_file();
        let bytes = sink
            .get(&path)
            .map_err(|e| failure(&path, &e.to_string()))?;
        key.str("url", &site.url(route)).bytes("page", &bytes);
        pages.push((site.url(route), path));
    }
    let key = key.finish();
    if let Some(packed) = cache.get(CACHE_KIND, &key)
        && let Some(files) = crate::cache::unpack_files(&packed)
    {
        for (name, bytes) in &files {
            sink.put(&format!("{BUNDLE_DIR}/{name}"), bytes)
                .map_err(|e| failure(name, &e.to_string()))?;
        }
        return Ok(Indexed {
            pages: pages.len(),
            files: files.len(),
            from_cache: true,
        });
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| failure("the search index", &e.to_string()))?;
    let options = pagefind::options::PagefindServiceConfig::builder()
        .keep_index_url(false)
        .build();
    let mut pagefind = pagefind::api::PagefindIndex::new(Some(options))
        .map_err(|e| failure("the search index", &e.to_string()))?;
    for (url, path) in &pages {
        let bytes = sink.get(path).map_err(|e| failure(path, &e.to_string()))?;
        let html = String::from_utf8_lossy(&bytes).into_owned();
        runtime
            .block_on(pagefind.add_html_file(None, Some(url.clone()), html))
            .map_err(|e| failure(path, &e.to_string()))?;
    }
    let files = runtime
        .block_on(pagefind.get_files())
        .map_err(|e| failure("the search index", &e.to_string()))?;
    // Pagefind's ready-made interfaces are left out: the theme has its own results list.
    let mut written: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
        .filter(|(name, _)| !UNUSED.iter().any(|prefix| name.starts_with(prefix)))
        .collect();
    written.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, bytes) in &written {
        sink.put(&format!("{BUNDLE_DIR}/{name}"), bytes)
            .map_err(|e| failure(name, &e.to_string()))?;
    }
    cache.put(CACHE_KIND, &key, &crate::cache::pack_files(&written));
    Ok(Indexed {
        pages: pages.len(),
        files: written.len(),
        from_cache: false,
    })
}

/// Pruning: the index entry this build used stays, older ones go.
pub fn prune(cache: &Cache) {
    let _ = cache.prune(CACHE_KIND);
}

fn failure(what: &str, message: &str) -> Diagnostic {
    Diagnostic::error(
        Location::file(what),
        format!("the search index could not be built: {message}"),
    )
    .with_hint("report this as a bug in brochure, with the page it names")
}
