//! Writing the built site: all or nothing.
//!
//! Everything is written into a fresh staging folder next to the output folder, then swapped
//! in with two renames. A build that fails — or is interrupted — leaves the previous site
//! exactly as it was, which matters when `public/` is served straight from the build machine.

use crate::theme::FileSource;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Whether `rel` is a plain relative path that cannot leave the output folder.
pub fn is_safe_relative(rel: &str) -> bool {
    let path = Path::new(rel);
    !rel.is_empty()
        && !rel.contains('\\')
        && !rel.contains(':')
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Refuses output folders whose replacement would destroy sources: the site root itself, a
/// folder that contains it, or one of the source folders.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), String> {
    let abs = |p: &Path| {
        std::path::absolute(p)
            .map(|p| normalize(&p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (root, output) = (abs(root), abs(output));
    if root.starts_with(&output) {
        return Err(format!(
            "the output folder {} contains the site itself; building there would delete the sources",
            output.display()
        ));
    }
    for source in ["content", "locales", "themes", "templates", "static"] {
        if output.starts_with(root.join(source)) {
            return Err(format!(
                "the output folder {} is inside the source folder {source}/",
                output.display()
            ));
        }
    }
    Ok(())
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Where rendered outputs go, one file at a time, as they are produced.
///
/// Like ripgrep's `Sink`: one producer (the build), several consumers — a staging folder on
/// disk for `build`, memory for `check`, later a preview server. Rendering never holds every
/// output at once, so memory does not grow with the size of the site.
pub trait Sink: Sync {
    /// Stores one output at `rel` (relative to the output folder).
    fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;
}

/// A fresh folder next to the output folder that receives the new site file by file, then
/// replaces the output in one step ([`Staging::commit`]). Dropped without a commit (an error,
/// a panic), it removes itself; killed outright, it is left behind and removed by the next
/// build ([`remove_leftovers`]).
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    committed: bool,
}

fn sibling(output: &Path, tag: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    parent.join(format!(".{name}.{tag}-{}", std::process::id()))
}

/// Removes staging and backup folders that an interrupted build (`kill -9`, power loss) left
/// next to `output`. Call it only while holding the site's build lock: then no other build
/// is using them.
pub fn remove_leftovers(output: &Path) -> io::Result<()> {
    let Some(name) = output.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(());
    };
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&parent) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let leftover = [".staging-", ".previous-"]
            .iter()
            .any(|tag| file.starts_with(&format!(".{name}{tag}")));
        if leftover && entry.file_type().is_ok_and(|t| t.is_dir()) {
            std::fs::remove_dir_all(entry.path())?;
        }
    }
    Ok(())
}

impl Staging {
    /// Creates an empty staging folder for `output`.
    pub fn begin(output: &Path) -> io::Result<Staging> {
        let dir = sibling(output, "staging");
        if let Some(parent) = dir.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            committed: false,
        })
    }

    /// Copies a static file into the staging folder.
    pub fn copy(&self, rel: &str, source: &FileSource) -> io::Result<()> {
        let target = self.target(rel)?;
        match source {
            FileSource::Disk(path) => std::fs::copy(path, &target).map(|_| ()),
            FileSource::Embedded(bytes) => std::fs::write(&target, bytes),
        }
    }

    fn target(&self, rel: &str) -> io::Result<PathBuf> {
        if !is_safe_relative(rel) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write `{rel}` outside the output folder"),
            ));
        }
        let target = self.dir.join(rel);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        Ok(target)
    }

    /// Puts the staged site in place of the output folder. On Linux the two folders are
    /// exchanged in one atomic step (`renameat2(RENAME_EXCHANGE)`), so a web server reading
    /// `public/` sees either the whole old site or the whole new one, never nothing.
    pub fn commit(mut self) -> io::Result<()> {
        let output = self.output.clone();
        if output.exists() {
            if exchange(&self.dir, &output).is_ok() {
                self.committed = true;
                // The old site now sits in the staging folder: delete it.
                let _ = std::fs::remove_dir_all(&self.dir);
                return Ok(());
            }
            let backup = sibling(&output, "previous");
            if backup.exists() {
                std::fs::remove_dir_all(&backup)?;
            }
            std::fs::rename(&output, &backup)?;
            if let Err(e) = std::fs::rename(&self.dir, &output) {
                let _ = std::fs::rename(&backup, &output);
                return Err(e);
            }
            self.committed = true;
            // The new site is in place; failing to delete the old copy is not worth failing for.
            let _ = std::fs::remove_dir_all(&backup);
        } else {
            std::fs::rename(&self.dir, &output)?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        std::fs::write(self.target(rel)?, bytes)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
}

/// Writes `files` as the whole new content of `output`, atomically (used by tests and small
/// tools; builds stream into a [`Staging`] folder instead).
pub fn write_atomically(output: &Path, files: &[(&str, &[u8])]) -> io::Result<()> {
    let staging = Staging::begin(output)?;
    for (rel, bytes) in files {
        staging.put(rel, bytes)?;
    }
    staging.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_safe() {
        assert!(is_safe_relative("en/products/ex-300/index.html"));
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "",
            "C:\\x",
            "a\\..\\b",
            "./a",
        ] {
            assert!(!is_safe_relative(bad), "{bad}");
        }
    }

    #[test]
    fn refuses_to_replace_the_sources() {
        let root = Path::new("/srv/site");
        assert!(check_output_dir(root, Path::new("/srv/site")).is_err());
        assert!(check_output_dir(root, Path::new("/srv")).is_err());
        assert!(check_output_dir(root, Path::new("/srv/site/content/out")).is_err());
        assert!(check_output_dir(root, Path::new("/srv/site/public/../content")).is_err());
        assert!(check_output_dir(root, Path::new("/srv/site/public")).is_ok());
    }

    #[test]
    fn swaps_in_new_content_and_keeps_old_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &[("a/index.html", b"one")]).unwrap();
        write_atomically(&out, &[("b.txt", b"two")]).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert_eq!(std::fs::read(out.join("b.txt")).unwrap(), b"two");
        let err = write_atomically(&out, &[("../evil", b"x")]);
        assert!(err.is_err());
        assert_eq!(std::fs::read(out.join("b.txt")).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders are cleaned up");
    }
}
