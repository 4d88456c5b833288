//! Writing the built site: all or nothing.
//!
//! Everything is written into a fresh staging folder next to the output folder, then swapped
//! in with two renames. A build that fails — or is interrupted — leaves the previous site
//! exactly as it was, which matters when `public/` is served straight from the build machine.

use crate::theme::FileSource;
use rayon::prelude::*;
use std::io;
use std::path::{Component, Path, PathBuf};

/// One file to write, relative to the output folder.
pub enum Entry<'a> {
    Bytes(&'a str, &'a [u8]),
    Copy(&'a str, &'a FileSource),
}

impl Entry<'_> {
    fn path(&self) -> &str {
        match self {
            Entry::Bytes(p, _) | Entry::Copy(p, _) => p,
        }
    }
}

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

/// Writes `entries` into `output`, replacing its previous content atomically.
pub fn write_atomically(output: &Path, entries: &[Entry<'_>]) -> io::Result<()> {
    for e in entries {
        if !is_safe_relative(e.path()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write `{}` outside the output folder", e.path()),
            ));
        }
    }
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.staging-{pid}"));
    let backup = parent.join(format!(".{name}.previous-{pid}"));
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    std::fs::create_dir_all(&staging)?;
    let written = entries.par_iter().try_for_each(|e| -> io::Result<()> {
        let target = staging.join(e.path());
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        match e {
            Entry::Bytes(_, bytes) => std::fs::write(&target, bytes),
            Entry::Copy(_, FileSource::Disk(source)) => std::fs::copy(source, &target).map(|_| ()),
            Entry::Copy(_, FileSource::Embedded(bytes)) => std::fs::write(&target, bytes),
        }
    });
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    let had_previous = output.exists();
    if had_previous {
        if backup.exists() {
            std::fs::remove_dir_all(&backup)?;
        }
        std::fs::rename(output, &backup)?;
    }
    if let Err(e) = std::fs::rename(&staging, output) {
        if had_previous {
            let _ = std::fs::rename(&backup, output);
        }
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if had_previous {
        // The new site is in place; failing to delete the old copy is not worth failing for.
        let _ = std::fs::remove_dir_all(&backup);
    }
    Ok(())
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
        write_atomically(&out, &[Entry::Bytes("a/index.html", b"one")]).unwrap();
        write_atomically(&out, &[Entry::Bytes("b.txt", b"two")]).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert_eq!(std::fs::read(out.join("b.txt")).unwrap(), b"two");
        let err = write_atomically(&out, &[Entry::Bytes("../evil", b"x")]);
        assert!(err.is_err());
        assert_eq!(std::fs::read(out.join("b.txt")).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders are cleaned up");
    }
}
