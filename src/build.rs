//! The build driver: load → plan → render in parallel → write atomically.

use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::output::{Entry, check_output_dir, write_atomically};
use crate::plan::plan;
use crate::render::{Output, Renderer};
use crate::site::{LoadOptions, Site};
use rayon::prelude::*;
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
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub output: PathBuf,
    pub languages: usize,
    pub pages: usize,
    pub pdfs: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

impl BuildReport {
    /// The one-line summary printed at the end of a build.
    pub fn summary(&self) -> String {
        format!(
            "Built {} languages, {} pages, {} PDFs, {} files with {} warning{} in {} ms → {}",
            self.languages,
            self.pages,
            self.pdfs,
            self.files,
            self.warnings.len(),
            if self.warnings.len() == 1 { "" } else { "s" },
            self.elapsed.as_millis(),
            self.output.display()
        )
    }
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

/// A site rendered in memory.
pub struct Rendered {
    pub site: Arc<Site>,
    pub outputs: Vec<Output>,
    pub warnings: Vec<Diagnostic>,
}

/// Loads the site and renders every output in memory — PDFs first (pages link to them with
/// their sizes), then HTML — without writing anything.
pub fn render_all(root: &Path, options: LoadOptions, pdf: bool) -> Result<Rendered, BuildFailure> {
    let loaded = Site::load(root, options).map_err(fail)?;
    let mut warnings = loaded.warnings;
    let site = Arc::new(loaded.site);
    let with_warnings = |mut errors: Vec<Diagnostic>, warnings: &[Diagnostic]| {
        crate::diagnostics::sort(&mut errors);
        errors.extend(warnings.iter().cloned());
        fail(errors)
    };
    let mut outputs = Vec::new();
    let mut extras = crate::render::context::Extras::default();
    if pdf {
        let pdfs = render_pdfs(&site).map_err(|e| with_warnings(e, &warnings))?;
        for p in pdfs {
            if let crate::print::PrintJob::Datasheet { id, lang } = &p.job {
                extras
                    .datasheets
                    .insert((id.clone(), lang.clone()), p.bytes.len() as u64);
            }
            warnings.extend(p.warnings);
            outputs.push(Output {
                path: p.path,
                bytes: p.bytes,
            });
        }
        crate::diagnostics::sort(&mut warnings);
    }
    let mut renderer = Renderer::new(Arc::clone(&site)).map_err(|e| with_warnings(e, &warnings))?;
    renderer.set_extras(extras);
    let routes = plan(&site);
    let results: Vec<Result<Output, Diagnostic>> =
        routes.par_iter().map(|r| renderer.render(r)).collect();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(o) => outputs.push(o),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        // One template bug fails every page that uses it; sorting drops the repeats.
        return Err(with_warnings(errors, &warnings));
    }
    Ok(Rendered {
        site,
        outputs,
        warnings,
    })
}

/// Stack for the threads that run Typst (reserved address space, not memory used).
const PDF_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Typesets every brochure and datasheet in parallel, with a progress bar on a terminal.
fn render_pdfs(site: &Arc<Site>) -> Result<Vec<crate::print::Pdf>, Vec<Diagnostic>> {
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
    // Typst lays out deeply nested content recursively; a 200-product brochure needs more
    // stack than rayon's default 2 MiB per worker (the main thread has 8 MiB).
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(PDF_STACK_BYTES)
        .build()
        .map_err(|e| {
            vec![Diagnostic::error(
                Location::file("."),
                format!("cannot start PDF threads: {e}"),
            )]
        })?;
    let results: Vec<Result<crate::print::Pdf, Vec<Diagnostic>>> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let r = printer.print(job);
                bar.inc(1);
                r
            })
            .collect()
    });
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

/// Runs a whole build.
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
    let load = LoadOptions {
        drafts: options.drafts,
        base_url: options.base_url.clone(),
    };
    let Rendered {
        site,
        outputs,
        mut warnings,
    } = render_all(root, load, !options.no_pdf)?;
    if options.strict && !warnings.is_empty() {
        for w in &mut warnings {
            w.severity = Severity::Error;
            w.message = format!("{} (--strict)", w.message);
        }
        return Err(fail(warnings));
    }
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let rendered: std::collections::HashSet<&str> =
        outputs.iter().map(|o| o.path.as_str()).collect();
    for (path, source) in &site.theme.static_files {
        if rendered.contains(path.as_str()) {
            warnings.push(
                Diagnostic::warning(
                    Location::file(format!("static/{path}")),
                    format!("`{path}` is also a generated page; the static file is not copied"),
                )
                .with_hint("rename or remove the static file"),
            );
            continue;
        }
        entries.push(Entry::Copy(path, source));
    }
    entries.extend(outputs.iter().map(|o| Entry::Bytes(&o.path, &o.bytes)));
    write_atomically(&output, &entries).map_err(|e| {
        fail(vec![
            Diagnostic::error(
                Location::file(output.display().to_string()),
                format!("could not write the site: {e}"),
            )
            .with_hint("the previous output was left unchanged"),
        ])
    })?;
    let pages = outputs.iter().filter(|o| o.path.ends_with(".html")).count();
    let pdfs = outputs.iter().filter(|o| o.path.ends_with(".pdf")).count();
    Ok(BuildReport {
        output,
        languages: site.config.languages.len(),
        pages,
        pdfs,
        files: entries.len(),
        warnings,
        elapsed: started.elapsed(),
    })
}
