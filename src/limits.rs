//! Bounds on what rendering one template may cost.
//!
//! Themes are code: `{% set_global s = s ~ s %}` forty times asks for a terabyte, and two
//! nested `range(end=100000)` loops run for hours. Tera has no fuel or memory limit of its own,
//! so the build wraps every template render in a [`Rendering`] guard and enforces three bounds:
//!
//! - **time**: a watchdog thread ends the build when one render has run longer than
//!   [`Limits::template_time`] (30 s by default; a real page takes milliseconds);
//! - **one allocation**: the binary's allocator ([`GuardedAlloc`]) ends the build when a
//!   render asks for more than [`MAX_RENDER_ALLOCATION`] bytes at once, which is how a value
//!   that keeps doubling shows itself, before the system refuses and the process aborts;
//! - **output**: [`BoundedWriter`] stops a page at [`MAX_PAGE_BYTES`].
//!
//! The first two cannot be returned as errors from inside Tera, so they print the located
//! diagnostic and exit with status 1. Nothing has been swapped into the output folder at that
//! point (it happens only after every page is rendered), so the last good site stays, and the
//! next build removes the abandoned staging folder.

use crate::diagnostics::{Diagnostic, Location};
use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

/// Largest single allocation a template render may make (1 GiB). A page's whole text is a few
/// hundred KB; even a 100,000-product list stays far below this.
pub const MAX_RENDER_ALLOCATION: usize = 1 << 30;

/// Largest page a template may write (256 MiB).
pub const MAX_PAGE_BYTES: usize = 256 << 20;

/// Environment variable that overrides the time limit, in seconds (tests use a short one).
pub const TIME_LIMIT_VAR: &str = "BROCHURE_TEMPLATE_TIME_LIMIT";

/// The time bound, read once.
pub struct Limits {
    pub template_time: Duration,
}

impl Limits {
    fn get() -> &'static Limits {
        static LIMITS: OnceLock<Limits> = OnceLock::new();
        LIMITS.get_or_init(|| {
            let seconds = std::env::var(TIME_LIMIT_VAR)
                .ok()
                .and_then(|s| s.parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s > 0.0)
                .unwrap_or(30.0);
            Limits {
                template_time: Duration::from_secs_f64(seconds),
            }
        })
    }
}

/// What a thread is rendering: the output and the template's display path.
#[derive(Clone)]
struct Current {
    output: String,
    template: String,
    started: Instant,
}

fn active() -> &'static Mutex<HashMap<ThreadId, Current>> {
    static ACTIVE: OnceLock<Mutex<HashMap<ThreadId, Current>>> = OnceLock::new();
    ACTIVE.get_or_init(|| {
        // The watchdog starts with the first render and lives as long as the process.
        let _ = std::thread::Builder::new()
            .name("brochure-watchdog".into())
            .spawn(watch);
        Mutex::new(HashMap::new())
    })
}

thread_local! {
    /// Whether this thread is inside a template render (read by the allocator, so no
    /// allocation and no lock).
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Marks the current thread as rendering `output` with `template` until dropped.
pub struct Rendering {
    _not_send: std::marker::PhantomData<*const ()>,
}

impl Rendering {
    pub fn start(output: &str, template: &str) -> Rendering {
        let current = Current {
            output: output.to_string(),
            template: template.to_string(),
            started: Instant::now(),
        };
        if let Ok(mut map) = active().lock() {
            map.insert(std::thread::current().id(), current);
        }
        GUARDED.with(|g| g.set(true));
        Rendering {
            _not_send: std::marker::PhantomData,
        }
    }
}

impl Drop for Rendering {
    fn drop(&mut self) {
        GUARDED.with(|g| g.set(false));
        if let Ok(mut map) = active().lock() {
            map.remove(&std::thread::current().id());
        }
    }
}

fn watch() {
    let limit = Limits::get().template_time;
    let tick = (limit / 10).clamp(Duration::from_millis(20), Duration::from_millis(500));
    loop {
        std::thread::sleep(tick);
        let late = active().lock().ok().and_then(|map| {
            map.values()
                .filter(|c| c.started.elapsed() > limit)
                .max_by_key(|c| c.started.elapsed())
                .cloned()
        });
        if let Some(current) = late {
            stop(
                &current,
                &format!(
                    "rendering `{}` took more than {} s; the template probably loops without end",
                    current.output,
                    limit.as_secs_f64()
                ),
                "look for nested `{% for %}` loops over `range(…)` or loops that never finish; a page renders in milliseconds",
            );
        }
    }
}

/// Reports a render that broke a bound and ends the process (see the module docs for why).
fn stop(current: &Current, message: &str, hint: &str) -> ! {
    let d = Diagnostic::error(Location::file(&current.template), message).with_hint(hint);
    eprintln!(
        "{}\nBuild failed with 1 error; the previous output was left unchanged.",
        d.render(None, false)
    );
    std::process::exit(1)
}

/// The binary's allocator: `A`, plus the single-allocation bound for template renders.
pub struct GuardedAlloc<A>(pub A);

impl<A> GuardedAlloc<A> {
    #[cold]
    fn too_large(&self, size: usize) -> ! {
        GUARDED.with(|g| g.set(false));
        let current = active()
            .lock()
            .ok()
            .and_then(|map| map.get(&std::thread::current().id()).cloned());
        let current = current.unwrap_or_else(|| Current {
            output: String::new(),
            template: "templates/".into(),
            started: Instant::now(),
        });
        stop(
            &current,
            &format!(
                "rendering `{}` asked for {} MB at once; a value in the template grows without bound",
                current.output,
                size >> 20
            ),
            "look for `set` or `set_global` that joins a variable to itself (`s ~ s`), or a `replace` that inserts the text into itself",
        )
    }
}

// SAFETY: every call is forwarded to `A` unchanged; the only addition is a check of the size
// that may end the process instead of allocating.
unsafe impl<A: GlobalAlloc> GlobalAlloc for GuardedAlloc<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() > MAX_RENDER_ALLOCATION && GUARDED.with(Cell::get) {
            self.too_large(layout.size());
        }
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { self.0.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() > MAX_RENDER_ALLOCATION && GUARDED.with(Cell::get) {
            self.too_large(layout.size());
        }
        unsafe { self.0.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > MAX_RENDER_ALLOCATION && GUARDED.with(Cell::get) {
            self.too_large(new_size);
        }
        unsafe { self.0.realloc(ptr, layout, new_size) }
    }
}

/// A writer that fails once more than [`MAX_PAGE_BYTES`] were written.
pub struct BoundedWriter {
    pub bytes: Vec<u8>,
}

impl std::io::Write for BoundedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_PAGE_BYTES {
            return Err(std::io::Error::other(format!(
                "the page would be larger than {} MB",
                MAX_PAGE_BYTES >> 20
            )));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn bounded_writer_stops_at_the_limit() {
        let mut w = BoundedWriter { bytes: Vec::new() };
        assert!(w.write_all(&vec![b'x'; 1024]).is_ok());
        let err = w.write_all(&vec![b'x'; MAX_PAGE_BYTES]).unwrap_err();
        assert!(err.to_string().contains("larger than 256 MB"), "{err}");
        assert_eq!(w.bytes.len(), 1024);
    }

    #[test]
    fn rendering_guard_marks_the_thread_until_dropped() {
        {
            let _g = Rendering::start("en/index.html", "templates/home.html");
            assert!(GUARDED.with(Cell::get));
            let map = active().lock().unwrap();
            assert_eq!(
                map.get(&std::thread::current().id())
                    .map(|c| c.output.as_str()),
                Some("en/index.html")
            );
        }
        assert!(!GUARDED.with(Cell::get));
        assert!(
            !active()
                .lock()
                .unwrap()
                .contains_key(&std::thread::current().id())
        );
    }
}
