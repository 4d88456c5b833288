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

/// The file every output folder carries, so a later build knows the folder is its own to
/// replace (and refuses to replace a folder that is not).
pub const MARKER: &str = ".brochure-output";
const MARKER_TEXT: &[u8] = b"This folder is written by brochure: each build replaces all of it.\n";

/// `path` made absolute with every symbolic link resolved — for the part that exists — so
/// that `lnk/site` and `site` compare equal.
fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path)
        .map(|p| normalize(&p))
        .unwrap_or_else(|_| path.to_path_buf());
    let mut existing = abs.clone();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return abs,
        }
    }
}

/// Whether `dir` is a folder an earlier build wrote: it has the [`MARKER`], or (sites built
/// before the marker existed) the files only a brochure site has together.
fn written_by_brochure(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
        || ["sitemap.xml", "robots.txt", "404.html", "index.html"]
            .iter()
            .all(|f| dir.join(f).is_file())
}

/// Refuses output folders whose replacement would destroy anything but an earlier build:
/// the site root or a folder containing it, a source file or folder (or a place inside one),
/// and any folder that is not empty and was not written by brochure. Paths are compared with
/// symbolic links resolved.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), String> {
    let (root, output) = (resolve(root), resolve(output));
    let shown = output.display();
    if root.starts_with(&output) {
        return Err(format!(
            "the output folder {shown} contains the site itself; building there would delete the sources"
        ));
    }
    if output.exists() && !output.is_dir() {
        return Err(format!(
            "the output {shown} is a file, not a folder; building there would replace it"
        ));
    }
    // Every existing folder from the site root down to the output must be the output of an
    // earlier build, or the output itself: `--output content/x`, `--output print` or
    // `--output .git` would otherwise delete sources.
    if let Ok(inside) = output.strip_prefix(&root) {
        let mut at = root.clone();
        for part in inside.components() {
            at.push(part);
            if !at.exists() || at == output {
                break;
            }
            if !written_by_brochure(&at) {
                return Err(format!(
                    "the output folder {shown} is inside {}, which is part of the site's sources",
                    at.display()
                ));
            }
        }
    }
    let non_empty = std::fs::read_dir(&output).is_ok_and(|mut d| d.next().is_some());
    if non_empty && !written_by_brochure(&output) {
        return Err(format!(
            "the output folder {shown} is not empty and was not written by brochure; building there would delete what it holds"
        ));
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

    /// An output stored earlier (the search index reads the pages back, in plan order).
    fn get(&self, rel: &str) -> io::Result<Vec<u8>> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            format!("`{rel}` cannot be read back from this output"),
        ))
    }
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
        std::fs::write(dir.join(MARKER), MARKER_TEXT)?;
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

    fn get(&self, rel: &str) -> io::Result<Vec<u8>> {
        std::fs::read(self.target(rel)?)
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
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        for d in ["content/products", "print", "fonts", ".git/objects"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        std::fs::write(root.join("brochure.toml"), "x").unwrap();
        std::fs::write(root.join("print/brochure.typ"), "x").unwrap();
        let refused = |out: &Path| check_output_dir(&root, out).is_err();
        assert!(refused(&root));
        assert!(refused(dir.path()));
        assert!(refused(&root.join("content/out")));
        assert!(refused(&root.join("public/../content")));
        assert!(refused(&root.join("print")));
        assert!(refused(&root.join(".git")));
        assert!(refused(&root.join("brochure.toml")));
        // Through a symbolic link to the site's parent.
        std::os::unix::fs::symlink(dir.path(), dir.path().join("lnk")).unwrap();
        assert!(refused(&dir.path().join("lnk/site")));
        // A folder of someone else's files next to the site.
        std::fs::create_dir_all(dir.path().join("photos")).unwrap();
        std::fs::write(dir.path().join("photos/a.jpg"), "x").unwrap();
        assert!(refused(&dir.path().join("photos")));

        assert!(check_output_dir(&root, &root.join("public")).is_ok());
        assert!(check_output_dir(&root, &dir.path().join("out/new")).is_ok());
        // An earlier build's output is replaced.
        std::fs::create_dir_all(root.join("dist")).unwrap();
        std::fs::write(root.join("dist/index.html"), "x").unwrap();
        assert!(refused(&root.join("dist")));
        std::fs::write(root.join("dist").join(MARKER), MARKER_TEXT).unwrap();
        assert!(check_output_dir(&root, &root.join("dist")).is_ok());
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
