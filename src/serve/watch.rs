//! Which source changes matter to the preview.
//!
//! Editors save in many ways: write in place, write a temp file and rename it over the
//! original, keep swap and backup files next to it. The debouncer folds the events of one save
//! into one batch; this module drops what is not a source (swap files, `~` backups, `.DS_Store`,
//! the output and the cache) so that saving a file triggers one rebuild, and opening it none.

use crate::diagnostics::{Diagnostic, Location};
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// The folders of a site that hold sources.
pub const SOURCE_FOLDERS: &[&str] = &[
    "content",
    "locales",
    "templates",
    "print",
    "themes",
    "static",
    "fonts",
];

/// How long the debouncer waits for more events of the same save. Editors' saves (a write, or
/// a temporary file renamed over the original) take well under a millisecond; a save split
/// across two batches only costs a second rebuild.
const DEBOUNCE: Duration = Duration::from_millis(3);

/// Whether a changed path is a source of the site: not the output, the cache, an editor's
/// swap or backup file, or a file a desktop leaves behind.
pub fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut components = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = components.next() else {
        return false;
    };
    if first == "public" || first == crate::cache::DIR || first.starts_with('.') {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let editor_file = name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with(".tmp")
        || name.starts_with(".#")
        || name.starts_with('#')
        || name == ".DS_Store"
        || name == "4913"; // vim's check whether it may write the folder
    !editor_file
}

/// Whether an event can change what a file holds. Reading a source (which the build itself
/// does) raises open and close events; counting those would rebuild forever.
fn changes_content(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime | MetadataKind::Any | MetadataKind::Other,
        )) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Source paths that changed, as one save (or several close together) left them.
#[derive(Debug, Default)]
pub struct Batch {
    pub paths: Vec<PathBuf>,
    /// False when the watcher may have missed events (its queue overflowed, it reported an
    /// error): then any file may have changed.
    pub complete: bool,
}

impl Batch {
    /// Adds a later batch to this one.
    pub fn extend(&mut self, more: Batch) {
        self.paths.extend(more.paths);
        self.complete &= more.complete;
    }
}

/// Batches of changed source paths. Keeps the watcher alive as long as it exists.
pub struct Changes {
    _debouncer: Box<dyn std::any::Any + Send>,
    rx: Receiver<Batch>,
}

impl Changes {
    /// The next batch; `None` when the watcher stopped.
    pub fn next(&self) -> Option<Batch> {
        self.rx.recv().ok()
    }

    /// A batch that is already waiting, if any.
    pub fn pending(&self) -> Option<Batch> {
        self.rx.try_recv().ok()
    }
}

/// Starts watching `root` recursively.
pub fn start(root: &Path) -> Result<Changes, Diagnostic> {
    let (tx, rx) = channel();
    // Events name absolute paths; `--root .` must be compared as one.
    let root = &root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let watched = root.to_path_buf();
    let fail = |e: notify::Error| {
        Diagnostic::error(
            Location::file(crate::diagnostics::COMMAND_LINE),
            format!("cannot watch the site's files: {e}"),
        )
        .with_hint("on Linux, raise fs.inotify.max_user_watches")
    };
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let Ok(events) = result else {
            // Events may have been lost: every file is looked at again.
            let _ = tx.send(Batch::default());
            return;
        };
        let complete = !events.iter().any(|e| e.need_rescan());
        let mut paths: Vec<PathBuf> = events
            .iter()
            .filter(|e| changes_content(&e.kind))
            .flat_map(|e| e.paths.iter())
            .filter(|p| is_source(&watched, p))
            .cloned()
            .collect();
        paths.sort();
        paths.dedup();
        if !paths.is_empty() || !complete {
            let _ = tx.send(Batch { paths, complete });
        }
    })
    .map_err(fail)?;
    // The root itself only for its own files (brochure.toml, a new folder), and the source
    // folders recursively: `public/` and the cache can hold tens of thousands of files that
    // would each cost a watch and a cache entry.
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(fail)?;
    for folder in SOURCE_FOLDERS {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(fail)?;
        }
    }
    Ok(Changes {
        _debouncer: Box::new(debouncer),
        rx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_noise() {
        let root = Path::new("/site");
        for source in [
            "/site/brochure.toml",
            "/site/content/products/ex-300.yaml",
            "/site/locales/ru/site.ftl",
            "/site/static/css/site.css",
            "/site/themes/default/templates/base.html",
        ] {
            assert!(is_source(root, Path::new(source)), "{source}");
        }
        for noise in [
            "/site/public/en/index.html",
            "/site/.brochure-cache/v1/pdf/ab/cd",
            "/site/.git/index",
            "/site/content/products/.ex-300.yaml.swp",
            "/site/content/products/ex-300.yaml~",
            "/site/content/.DS_Store",
            "/site/content/products/4913",
            "/site/content/products/.#ex-300.yaml",
            "/elsewhere/x.yaml",
        ] {
            assert!(!is_source(root, Path::new(noise)), "{noise}");
        }
    }
}
