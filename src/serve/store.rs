//! Where the preview keeps the site's files: a private folder, not memory and never `public/`.
//!
//! A 5,000-product catalog is 16,000 pages and 300 MB; holding them in memory made the server
//! use three times its model's size. The files live in a folder of the system's temporary
//! directory instead, and memory keeps only a hash per file. An update writes its files into a
//! staging folder first and moves them in only when the whole update succeeded, so a failed
//! update leaves what is served untouched.
//!
//! Files are stored flat, named by a hash of their output path: creating 16,000 folders for the
//! site's tree (twice, staging and live) was most of the time of a first preview.
//!
//! Each folder holds a lock file locked for the life of its server; a folder whose lock is free
//! belongs to a server that ended without cleaning up (killed) and is removed by the next one.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// The folder of one running preview.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    live: PathBuf,
    staging: PathBuf,
    _lock: File,
}

impl Store {
    /// Makes a fresh folder below the system's temporary directory, removing folders left by
    /// previews that no longer run.
    pub fn create() -> io::Result<Store> {
        let parent = std::env::temp_dir().join("brochure-serve");
        std::fs::create_dir_all(&parent)?;
        remove_abandoned(&parent);
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let root = parent.join(format!("{}-{stamp:x}", std::process::id()));
        std::fs::create_dir_all(root.join("live"))?;
        std::fs::create_dir_all(root.join("staging"))?;
        let lock = File::create(root.join("lock"))?;
        lock.try_lock()
            .map_err(|e| io::Error::other(e.to_string()))?;
        Ok(Store {
            live: root.join("live"),
            staging: root.join("staging"),
            root,
            _lock: lock,
        })
    }

    /// The file that holds output `rel` below `base`. Requests never reach here unchecked
    /// (see [`super::http::output_path`]); plain paths are required anyway.
    fn inside(base: &Path, rel: &str) -> io::Result<PathBuf> {
        if rel.is_empty()
            || rel.starts_with('/')
            || rel.contains('\\')
            || rel
                .split('/')
                .any(|s| s.is_empty() || s == "." || s == "..")
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("not a plain output path: {rel}"),
            ));
        }
        Ok(base.join(crate::cache::hash_bytes(rel.as_bytes()).hex()))
    }

    /// Writes a file of the next update; it is served only after [`Store::commit`].
    pub fn stage(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        std::fs::write(Self::inside(&self.staging, rel)?, bytes)
    }

    /// Serves the staged files of `rels` from now on, and stops serving `removed`.
    pub fn commit(&self, rels: &[String], removed: &[String]) -> io::Result<()> {
        for rel in rels {
            let from = Self::inside(&self.staging, rel)?;
            std::fs::rename(from, Self::inside(&self.live, rel)?)?;
        }
        for rel in removed {
            if let Ok(path) = Self::inside(&self.live, rel) {
                let _ = std::fs::remove_file(path);
            }
        }
        Ok(())
    }

    /// Throws away what a failed update staged.
    pub fn discard(&self) {
        let _ = std::fs::remove_dir_all(&self.staging);
        let _ = std::fs::create_dir_all(&self.staging);
    }

    /// The served bytes of `rel`.
    pub fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        std::fs::read(Self::inside(&self.live, rel)?)
    }

    /// The folder the files are served from (for tests and the terminal).
    pub fn folder(&self) -> &Path {
        &self.live
    }

    /// The preview's own folder (the served files, the staging area and the lock).
    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// Removes the folders of previews that ended without removing them (their lock is free).
fn remove_abandoned(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(lock) = File::options().write(true).open(path.join("lock")) else {
            // A folder without a lock file was never finished; nobody serves from it.
            if entry.file_type().is_ok_and(|t| t.is_dir())
                && std::fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age.as_secs() > 60)
            {
                let _ = std::fs::remove_dir_all(&path);
            }
            continue;
        };
        if lock.try_lock().is_ok() {
            drop(lock);
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staged_files_are_served_only_after_commit_and_folders_are_removed() {
        let store = Store::create().expect("store");
        store.stage("en/index.html", b"new").expect("stage");
        assert!(store.read("en/index.html").is_err());
        store
            .commit(&["en/index.html".to_string()], &[])
            .expect("commit");
        assert_eq!(store.read("en/index.html").expect("read"), b"new");
        store.stage("en/index.html", b"newer").expect("stage");
        store.discard();
        assert_eq!(store.read("en/index.html").expect("read"), b"new");
        assert!(store.stage("../escape", b"x").is_err());
        assert!(store.read("/etc/passwd").is_err());
        let root = store.root.clone();
        drop(store);
        assert!(!root.exists());
    }
}
