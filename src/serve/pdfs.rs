//! PDFs of the preview, made in the background after the pages are updated.
//!
//! A product edit must reach the browser in milliseconds, but its datasheets take tens of
//! milliseconds each and a brochure seconds. So an update only queues the documents that read
//! something that changed; a worker thread makes them through the build cache, a few at a
//! time, and serves each as soon as it is ready (until then the previous one is served). A
//! finished datasheet can change its product page (which shows the file's size), so those pages
//! are rendered again. The terminal shows the progress.
//!
//! The worker keeps one core free for the next edit, and gives up a batch that was made from a
//! model that has since changed (the next update queued it again; the cache makes the redo
//! cheap when nothing it reads changed).

use super::{Preview, Staged, Update};
use crate::depend::{Fingerprints, Input};
use crate::print::{PrintJob, Printer};
use std::collections::BTreeMap;
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

/// Documents waiting to be made, by output path.
#[derive(Default)]
pub(super) struct Queue {
    inner: Arc<QueueInner>,
}

#[derive(Default)]
struct QueueInner {
    state: Mutex<QueueState>,
    changed: Condvar,
    /// Documents whose last attempt failed, with why, until they are made.
    failures: Mutex<BTreeMap<String, Vec<crate::diagnostics::Diagnostic>>>,
}

#[derive(Default)]
struct QueueState {
    waiting: BTreeMap<String, PrintJob>,
    /// Documents taken by the worker and not yet served or given up.
    busy: usize,
    /// Made since the queue was last empty, and how many of those were typeset (not cached).
    made: usize,
    typeset: usize,
    started: Option<Instant>,
}

/// Documents the worker takes at a time: small, so an edit never waits for a long batch.
fn batch_size(threads: usize) -> usize {
    threads * 2
}

impl Queue {
    /// Replaces what is waiting by `jobs` (an update knows everything that is out of date).
    pub(super) fn replace(&self, jobs: Vec<(String, PrintJob)>) {
        if let Ok(mut q) = self.inner.state.lock() {
            q.waiting = jobs.into_iter().collect();
            if !q.waiting.is_empty() && q.started.is_none() {
                q.started = Some(Instant::now());
            }
        }
        self.inner.changed.notify_all();
    }

    /// Waits until no document is waiting or being made, or `timeout` passed; says which.
    pub(super) fn settle(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let Ok(mut q) = self.inner.state.lock() else {
            return false;
        };
        while !q.waiting.is_empty() || q.busy > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            q = match self.inner.changed.wait_timeout(q, left) {
                Ok((q, _)) => q,
                Err(_) => return false,
            };
        }
        true
    }

    /// (waiting, being made) right now.
    pub(super) fn counts(&self) -> (usize, usize) {
        self.inner
            .state
            .lock()
            .map_or((0, 0), |q| (q.waiting.len(), q.busy))
    }
}

/// Starts the thread that makes the queued documents for as long as `preview` lives.
pub(super) fn start_worker(preview: &Arc<Preview>) {
    let weak = Arc::downgrade(preview);
    let queue = Arc::clone(&preview.pdfs.inner);
    let _ = std::thread::Builder::new()
        .name("brochure-pdfs".into())
        .spawn(move || work(&weak, &queue));
}

fn work(preview: &Weak<Preview>, queue: &QueueInner) {
    let threads = std::thread::available_parallelism()
        .map_or(2, std::num::NonZeroUsize::get)
        .saturating_sub(1)
        .max(1);
    let mut printer: Option<Printer> = None;
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} PDFs {pos}/{len} {wide_bar} {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    loop {
        // Take a batch, or wait for one (checking now and then that the preview still runs).
        let batch: Vec<(String, PrintJob)> = {
            let Ok(mut q) = queue.state.lock() else {
                return;
            };
            while q.waiting.is_empty() {
                if q.busy == 0 && q.started.is_some() {
                    finish(&mut q, &bar);
                    queue.changed.notify_all();
                }
                q = match queue.changed.wait_timeout(q, Duration::from_millis(500)) {
                    Ok((q, _)) => q,
                    Err(_) => return,
                };
                if preview.strong_count() == 0 {
                    return;
                }
            }
            let take: Vec<String> = q
                .waiting
                .keys()
                .take(batch_size(threads))
                .cloned()
                .collect();
            let batch: Vec<(String, PrintJob)> = take
                .into_iter()
                .filter_map(|k| q.waiting.remove(&k).map(|j| (k, j)))
                .collect();
            q.busy += batch.len();
            bar.set_length((q.made + q.busy + q.waiting.len()) as u64);
            batch
        };
        let Some(preview) = preview.upgrade() else {
            return;
        };
        let made = make(&preview, &mut printer, &batch, threads);
        if let Ok(mut q) = queue.state.lock() {
            q.busy -= batch.len();
            q.made += made.0;
            q.typeset += made.1;
            bar.set_position(q.made as u64);
        }
        queue.changed.notify_all();
    }
}

/// The queue ran empty: the terminal says what was made.
fn finish(q: &mut QueueState, bar: &indicatif::ProgressBar) {
    bar.finish_and_clear();
    bar.reset();
    if q.made > 0 && bar.is_hidden() {
        // Without a terminal there was no bar; one line says what happened.
        eprintln!(
            "Made {} PDFs ({} typeset, {} from the cache) in {} ms",
            q.made,
            q.typeset,
            q.made - q.typeset,
            q.started.map_or(0, |s| s.elapsed().as_millis())
        );
    }
    q.made = 0;
    q.typeset = 0;
    q.started = None;
}

/// Makes `batch` from the current model and serves what was made, unless the model changed
/// meanwhile. Returns how many documents were served and how many of them were typeset.
fn make(
    preview: &Preview,
    printer: &mut Option<Printer>,
    batch: &[(String, PrintJob)],
    threads: usize,
) -> (usize, usize) {
    let Some(site) = preview.state.lock().ok().and_then(|s| s.site.clone()) else {
        return (0, 0);
    };
    if !printer
        .as_ref()
        .is_some_and(|p| Arc::ptr_eq(p.site_arc(), &site))
    {
        match Printer::new(Arc::clone(&site)) {
            Ok(p) => *printer = Some(p),
            Err(errors) => {
                preview.pdf_failed(batch, &errors);
                return (0, 0);
            }
        }
    }
    let Some(printer) = printer.as_ref() else {
        return (0, 0);
    };
    let results: Vec<_> = std::thread::scope(|scope| {
        let chunks: Vec<&[(String, PrintJob)]> =
            batch.chunks(batch.len().div_ceil(threads).max(1)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .filter_map(|chunk| {
                std::thread::Builder::new()
                    .stack_size(crate::build::PDF_STACK_BYTES)
                    .spawn_scoped(scope, move || {
                        chunk
                            .iter()
                            .map(|(path, job)| {
                                let (result, inputs) = crate::depend::recording(true, || {
                                    printer.print(job, &preview.cache)
                                });
                                (path.clone(), job.clone(), result, inputs)
                            })
                            .collect::<Vec<_>>()
                    })
                    .ok()
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|h| h.join().ok())
            .flatten()
            .collect()
    });
    preview.serve_pdfs(&site, results)
}

type Made = (
    String,
    PrintJob,
    Result<crate::print::Pdf, Vec<crate::diagnostics::Diagnostic>>,
    Vec<Input>,
);

impl Preview {
    /// Serves finished documents made from `site`, and renders again the pages that show
    /// their sizes.
    fn serve_pdfs(&self, site: &Arc<crate::site::Site>, results: Vec<Made>) -> (usize, usize) {
        let started = Instant::now();
        let mut update = Update::empty();
        let Ok(mut state) = self.state.lock() else {
            return (0, 0);
        };
        if !state.site.as_ref().is_some_and(|s| Arc::ptr_eq(s, site)) {
            // The model changed while these were made; the update that changed it queued
            // again whatever it affects.
            return (0, 0);
        }
        let mut staged = Staged::default();
        let mut made = Vec::new();
        let mut sizes = Vec::new();
        let mut failures = Vec::new();
        let mut typeset = 0;
        for (path, job, result, inputs) in results {
            match result {
                Ok(pdf) => {
                    let hash = super::FileHash::of(&path, &pdf.bytes);
                    if state.files.get(&path) != Some(&hash)
                        && self.stage(&mut staged, &path, &pdf.bytes, hash).is_err()
                    {
                        continue;
                    }
                    match &job {
                        PrintJob::Datasheet { id, lang } => {
                            state
                                .extras
                                .datasheets
                                .insert((id.clone(), lang.clone()), pdf.bytes.len() as u64);
                            sizes.push(Input::Datasheet(id.clone(), lang.clone()));
                        }
                        PrintJob::Brochure { .. } => {
                            state
                                .extras
                                .brochures
                                .insert(path.clone(), pdf.bytes.len() as u64);
                            sizes.push(Input::Brochure(path.clone()));
                        }
                    }
                    if !pdf.from_cache {
                        typeset += 1;
                    }
                    self.new_pdf_warnings(&pdf.warnings);
                    made.push((path, inputs));
                }
                Err(errors) => failures.push((path, errors)),
            }
        }
        // Pages that show a datasheet's size.
        let extras = state.extras.clone();
        let fingerprints = Fingerprints::new(site, &extras);
        let refresh = state.graph.changes_of(&sizes, &fingerprints);
        let stale = state.graph.stale(&refresh);
        let routes = Arc::clone(&state.routes);
        let rendered = match self.render_pages(&state, site, &routes, true, &stale, &mut staged) {
            Ok(r) => r,
            Err(errors) => {
                self.store.discard();
                drop(state);
                self.set_pdf_errors_text(&errors);
                return (0, 0);
            }
        };
        update.rendered = rendered.len();
        if self
            .commit(&mut state, staged, &mut update, Arc::default())
            .is_err()
        {
            return (0, 0);
        }
        state.graph.accept(refresh);
        let count = made.len();
        for (path, inputs) in made {
            state.graph.set(&path, inputs, &fingerprints);
            self.pdfs.forget_failure(&path);
        }
        for (path, inputs) in rendered {
            state.graph.set(&path, inputs, &fingerprints);
        }
        for (path, errors) in failures {
            self.pdfs.fail(&path, errors);
        }
        drop(state);
        self.refresh_pdf_errors();
        update.elapsed = started.elapsed();
        if !update.changed.is_empty() || !update.restyled.is_empty() {
            self.announce(&update);
        }
        (count, typeset)
    }

    /// Every document of `batch` failed before typesetting started (the print templates do
    /// not compile).
    fn pdf_failed(&self, batch: &[(String, PrintJob)], errors: &[crate::diagnostics::Diagnostic]) {
        for (path, _) in batch {
            self.pdfs.fail(path, errors.to_vec());
        }
        self.refresh_pdf_errors();
        self.announce(&Update::empty());
    }

    fn set_pdf_errors_text(&self, errors: &[crate::diagnostics::Diagnostic]) {
        let text = errors
            .iter()
            .map(|d| d.render(Some(&self.root), false))
            .collect::<Vec<_>>()
            .join("\n");
        eprintln!("{text}");
        if let Ok(mut e) = self.pdf_errors.write() {
            *e = Some(text);
        }
        self.announce(&Update::empty());
    }

    /// Shows the errors of the documents that failed (once each in the terminal), or clears
    /// the overlay when none is failing any more.
    fn refresh_pdf_errors(&self) {
        let mut errors = self.pdfs.failures();
        crate::diagnostics::sort(&mut errors);
        errors.dedup_by(|a, b| a.location == b.location && a.message == b.message);
        let text = if errors.is_empty() {
            None
        } else {
            Some(
                errors
                    .iter()
                    .map(|d| d.render(Some(&self.root), false))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        };
        let Ok(mut current) = self.pdf_errors.write() else {
            return;
        };
        if *current != text {
            if let Some(text) = &text {
                eprintln!("{text}");
                eprintln!("The previous PDFs are served until this is fixed.");
            }
            *current = text;
        }
    }

    fn new_pdf_warnings(&self, warnings: &[crate::diagnostics::Diagnostic]) {
        let Ok(mut seen) = self.pdf_warnings_seen.lock() else {
            return;
        };
        for w in warnings {
            if seen.insert(w.to_string()) {
                eprintln!("{}", w.render(Some(&self.root), false));
            }
        }
    }

    /// Waits until every queued PDF is made and served (tests, and `serve` before it prints
    /// that PDFs are ready). Returns false after `timeout`.
    pub fn wait_for_pdfs(&self, timeout: Duration) -> bool {
        self.pdfs.settle(timeout)
    }

    /// PDFs (waiting, being made) right now.
    pub fn pdfs_pending(&self) -> (usize, usize) {
        self.pdfs.counts()
    }
}

impl Queue {
    fn fail(&self, path: &str, errors: Vec<crate::diagnostics::Diagnostic>) {
        if let Ok(mut f) = self.failures_lock() {
            f.insert(path.to_string(), errors);
        }
    }

    fn forget_failure(&self, path: &str) {
        if let Ok(mut f) = self.failures_lock() {
            f.remove(path);
        }
    }

    fn failures(&self) -> Vec<crate::diagnostics::Diagnostic> {
        self.failures_lock()
            .map(|f| f.values().flatten().cloned().collect())
            .unwrap_or_default()
    }

    /// Forgets failures of documents the site no longer has.
    pub(super) fn keep_failures(&self, exists: impl Fn(&str) -> bool) {
        if let Ok(mut f) = self.failures_lock() {
            f.retain(|path, _| exists(path));
        }
    }

    fn failures_lock(
        &self,
    ) -> std::sync::LockResult<
        std::sync::MutexGuard<'_, BTreeMap<String, Vec<crate::diagnostics::Diagnostic>>>,
    > {
        self.inner.failures.lock()
    }
}
