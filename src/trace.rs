//! Stage timings for whoever is tuning the pipeline: `BROCHURE_TRACE=1 brochure serve` prints how
//! long each stage of every load and update took, on standard error.
//!
//! Off by default and then free: one relaxed atomic load per stage. A span is a guard, so a stage
//! that returns early is still timed.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| {
        std::env::var_os("BROCHURE_TRACE").is_some_and(|v| !v.is_empty() && v != "0")
    })
}

/// Times a stage until dropped.
pub struct Span {
    name: &'static str,
    started: Option<Instant>,
}

/// Starts timing `name` (when tracing is on).
pub fn span(name: &'static str) -> Span {
    Span {
        name,
        started: enabled().then(Instant::now),
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        if let Some(started) = self.started {
            eprintln!(
                "[trace] {:<28} {:>8.2} ms",
                self.name,
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
