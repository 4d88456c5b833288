//! Shared helpers for the integration tests: fixture sites copied to temporary folders.
#![allow(dead_code)]

use brochure::build::{BuildFailure, BuildOptions, BuildReport, build};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh copy of `tests/fixtures/<name>` that a test may change.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture_dir(name), dir.path());
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Appends `toml` to the site's `brochure.toml`; returns the file as it was.
pub fn add_config(root: &Path, toml: &str) -> String {
    let path = root.join("brochure.toml");
    let before = std::fs::read_to_string(&path).expect("read brochure.toml");
    std::fs::write(&path, format!("{before}\n{toml}\n")).expect("write brochure.toml");
    before
}

pub fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        ..BuildOptions::default()
    }
}

pub fn build_site(root: &Path) -> Result<BuildReport, BuildFailure> {
    build(&options(root))
}

/// Every file under `dir`, by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk output");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).expect("read"));
        }
    }
    files
}

pub fn read(root: &Path, rel: &str) -> String {
    let path = root.join("public").join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn html(root: &Path, rel: &str) -> scraper::Html {
    scraper::Html::parse_document(&read(root, rel))
}

pub fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector =
        scraper::Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    doc.select(&selector).collect()
}

pub fn text_of(e: &scraper::ElementRef<'_>) -> String {
    e.text().collect::<String>()
}

/// Builds without brochures and datasheets, for tests about the site alone (typesetting PDFs
/// takes seconds).
pub fn build_site_no_pdf(root: &Path) -> Result<BuildReport, BuildFailure> {
    let mut o = options(root);
    o.no_pdf = true;
    build(&o)
}
