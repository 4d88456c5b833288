//! The build cache and the output folder under faults: what is typeset again after an edit
//! (read from the build's report, not from timings), damaged entries, `--no-cache`, the
//! build lock, `kill -9` in the middle of a build, and two builds at once.

mod common;

use brochure::build::{BuildReport, build};
use brochure::cache::BuildLock;
use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn ok(root: &Path) -> BuildReport {
    match build_site(root) {
        Ok(r) => r,
        Err(f) => panic!("build failed: {:#?}", f.diagnostics),
    }
}

fn pdfs(snapshot: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    snapshot
        .iter()
        .filter(|(p, _)| p.ends_with(".pdf"))
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect()
}

fn changed(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> BTreeSet<String> {
    a.keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

fn replace_in(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read source");
    assert!(text.contains(from), "{rel} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write source");
}

/// Appends `suffix` to the first English text of the fixture's ex-300 (its name).
fn edit_english_name_of_ex_300(root: &Path, suffix: &str) {
    let rel = "content/products/ex-300.yaml";
    let text = std::fs::read_to_string(root.join(rel)).expect("product");
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("en:"))
        .expect("an English text")
        .to_string();
    replace_in(root, rel, &line, &format!("{line}{suffix}"));
}

#[test]
fn a_second_build_takes_every_pdf_from_the_cache_byte_identical() {
    let site = fixture("basic");
    let first = ok(site.path());
    assert!(first.pdfs >= 10, "{}", first.summary());
    assert_eq!(first.pdfs_from_cache(), 0);
    assert_eq!(first.pdfs_typeset.len(), first.pdfs);
    let before = snapshot(&site.path().join("public"));

    let second = ok(site.path());
    assert_eq!(
        second.pdfs_from_cache(),
        second.pdfs,
        "{}",
        second.summary()
    );
    assert!(second.pdfs_typeset.is_empty());
    assert!(
        second
            .summary()
            .contains(&format!("(0 typeset, {} from cache)", second.pdfs)),
        "{}",
        second.summary()
    );
    assert_eq!(before, snapshot(&site.path().join("public")));
}

#[test]
fn a_changed_fluent_message_retypesets_exactly_the_pdfs_that_print_it() {
    let site = fixture("basic");
    ok(site.path());
    let before = pdfs(&snapshot(&site.path().join("public")));
    // The label of one spec, in Russian only: printed by the Russian PDFs of the products
    // that have that spec, and by nothing else.
    replace_in(
        site.path(),
        "locales/ru/site.ftl",
        "spec-operating-weight = Эксплуатационная масса",
        "spec-operating-weight = Рабочая масса машины",
    );
    let report = ok(site.path());
    let after = pdfs(&snapshot(&site.path().join("public")));
    let changed = changed(&before, &after);
    let typeset: BTreeSet<String> = report.pdfs_typeset.iter().cloned().collect();

    assert!(
        changed.contains("ru/products/ex-300/ex-300-ru.pdf"),
        "the Russian datasheet of a product with that spec changes: {changed:?}"
    );
    assert!(
        changed
            .iter()
            .all(|p| p.starts_with("ru/") || p.ends_with(".ru.pdf")),
        "only Russian PDFs change: {changed:?}"
    );
    // What was typeset again is exactly what changed: nothing else was redone.
    assert_eq!(typeset, changed);
    assert_eq!(report.pdfs_from_cache(), report.pdfs - changed.len());
}

#[test]
fn editing_one_product_leaves_other_pdfs_untouched_and_not_typeset() {
    let site = fixture("basic");
    ok(site.path());
    let before = pdfs(&snapshot(&site.path().join("public")));
    edit_english_name_of_ex_300(site.path(), " (2027)");
    let report = ok(site.path());
    let after = pdfs(&snapshot(&site.path().join("public")));
    let changed = changed(&before, &after);
    let typeset: BTreeSet<String> = report.pdfs_typeset.iter().cloned().collect();

    assert!(
        changed.contains("en/products/ex-300/ex-300-en.pdf"),
        "{changed:?}"
    );
    for path in &typeset {
        assert!(
            path.contains("ex-300") || path.starts_with("brochures/"),
            "{path} does not contain ex-300 but was typeset again"
        );
    }
    for (path, bytes) in &before {
        if !path.contains("ex-300") && !path.starts_with("brochures/") {
            assert_eq!(Some(bytes), after.get(path), "{path} changed");
            assert!(!typeset.contains(path), "{path} typeset again");
        }
    }
    assert_eq!(typeset, changed);
}

#[test]
fn a_damaged_cache_entry_is_detected_and_made_again() {
    let site = fixture("basic");
    ok(site.path());
    let before = snapshot(&site.path().join("public"));
    let mut damaged = 0;
    for entry in walkdir::WalkDir::new(site.path().join(".brochure-cache")) {
        let entry = entry.expect("walk cache");
        if entry.file_type().is_file() && entry.file_name().len() == 64 {
            let mut bytes = std::fs::read(entry.path()).expect("entry");
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x55;
            std::fs::write(entry.path(), &bytes).expect("damage");
            damaged += 1;
        }
    }
    assert!(damaged >= 10);
    let report = ok(site.path());
    assert_eq!(report.pdfs_from_cache(), 0, "{}", report.summary());
    assert_eq!(before, snapshot(&site.path().join("public")));
    // And the entries are whole again.
    assert_eq!(ok(site.path()).pdfs_from_cache(), report.pdfs);
}

#[test]
fn no_cache_typesets_everything_and_a_deleted_cache_is_a_cold_build() {
    let site = fixture("basic");
    ok(site.path());
    let before = snapshot(&site.path().join("public"));
    let mut options = options(site.path());
    options.no_cache = true;
    let report = build(&options).expect("build");
    assert_eq!(report.pdfs_from_cache(), 0);
    assert_eq!(before, snapshot(&site.path().join("public")));

    std::fs::remove_dir_all(site.path().join(".brochure-cache")).expect("rm cache");
    let report = ok(site.path());
    assert_eq!(report.pdfs_from_cache(), 0);
    assert_eq!(before, snapshot(&site.path().join("public")));
}

#[test]
fn stale_entries_are_pruned() {
    let site = fixture("basic");
    ok(site.path());
    let count = || {
        walkdir::WalkDir::new(site.path().join(".brochure-cache"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && e.file_name().len() == 64)
            .count()
    };
    let entries = count();
    edit_english_name_of_ex_300(site.path(), " II");
    ok(site.path());
    assert_eq!(count(), entries, "replaced entries are removed, not kept");
}

#[test]
fn one_build_of_a_site_at_a_time() {
    let site = fixture("basic");
    ok(site.path());
    let before = snapshot(&site.path().join("public"));
    let lock = BuildLock::acquire(site.path()).expect("lock");
    let failure = build_site(site.path()).expect_err("locked");
    let message = &failure.diagnostics[0].message;
    assert!(
        message.contains("another build of this site is running"),
        "{message}"
    );
    assert!(failure.diagnostics[0].hint.is_some());
    assert_eq!(before, snapshot(&site.path().join("public")));
    drop(lock);
    ok(site.path());
}

#[test]
fn an_unwritable_output_is_a_located_error_and_loses_nothing() {
    let site = fixture("basic");
    ok(site.path());
    let before = snapshot(&site.path().join("public"));
    // A file where the output's parent folder should be (outside the site: inside it, the
    // output check refuses the place before anything is written).
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let blocker = elsewhere.path().join("blocker");
    std::fs::write(&blocker, b"a file").expect("file");
    let mut options = options(site.path());
    options.output = Some(blocker.join("public"));
    let failure = build(&options).expect_err("cannot write under a file");
    let d = &failure.diagnostics[0];
    assert!(d.message.contains("could not write"), "{}", d.message);
    assert!(d.location.file.contains("blocker"), "{}", d.location);
    assert_eq!(before, snapshot(&site.path().join("public")));
    assert_eq!(std::fs::read(&blocker).expect("file"), b"a file");
}

fn brochure() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brochure"));
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    cmd
}

#[test]
fn kill_9_at_any_moment_leaves_the_previous_site_whole_and_the_cache_usable() {
    let site = fixture("basic");
    ok(site.path());
    let old = snapshot(&site.path().join("public"));
    replace_in(
        site.path(),
        "locales/en/site.ftl",
        "spec-operating-weight = Operating weight",
        "spec-operating-weight = Operating mass",
    );
    // Kill builds at several moments (some before, some during, some after the PDFs).
    let mut seen = Vec::new();
    let mut killed = 0;
    for delay_ms in [5, 40, 120, 300, 700] {
        let mut child = brochure()
            .args(["build", "--root"])
            .arg(site.path())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        // No exit code: the build was killed before it finished.
        killed += usize::from(status.code().is_none());
        seen.push(snapshot(&site.path().join("public")));
    }
    assert!(killed >= 2, "only {killed} builds were killed mid-way");
    // A build run to the end after all that gives what a fresh site would.
    let report = ok(site.path());
    let new = snapshot(&site.path().join("public"));
    assert_ne!(old, new);
    for (i, s) in seen.iter().enumerate() {
        assert!(
            *s == old || *s == new,
            "after kill {i} public/ is neither the old nor the new site"
        );
    }
    let fresh = fixture("basic");
    replace_in(
        fresh.path(),
        "locales/en/site.ftl",
        "spec-operating-weight = Operating weight",
        "spec-operating-weight = Operating mass",
    );
    ok(fresh.path());
    assert_eq!(new, snapshot(&fresh.path().join("public")));
    assert!(report.pdfs >= 10);
    // No staging or backup folders are left next to the output.
    let leftovers: Vec<String> = std::fs::read_dir(site.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn two_builds_at_once_never_mix_the_output_or_damage_the_cache() {
    let site = fixture("basic");
    let runs: Vec<_> = (0..2)
        .map(|_| {
            brochure()
                .args(["build", "--root"])
                .arg(site.path())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let mut succeeded = 0;
    for run in runs {
        let out = run.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            succeeded += 1;
        } else {
            assert!(
                stderr.contains("another build of this site is running"),
                "{stderr}"
            );
        }
    }
    assert!(succeeded >= 1);
    let fresh = fixture("basic");
    ok(fresh.path());
    let expected = snapshot(&fresh.path().join("public"));
    assert_eq!(expected, snapshot(&site.path().join("public")));
    // Every entry either build wrote is whole: the next build takes all PDFs from it.
    let report = ok(site.path());
    assert_eq!(
        report.pdfs_from_cache(),
        report.pdfs,
        "{}",
        report.summary()
    );
}

#[test]
fn clean_removes_the_cache() {
    let site = fixture("basic");
    ok(site.path());
    assert!(site.path().join(".brochure-cache").exists());
    let out = Command::new(env!("CARGO_BIN_EXE_brochure"))
        .args(["clean", "--root"])
        .arg(site.path())
        .output()
        .expect("run clean");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Removed"));
    let left: Vec<String> = std::fs::read_dir(site.path().join(".brochure-cache"))
        .expect("the folder stays, with its lock file")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["lock"]);
    assert!(site.path().join("public/index.html").exists());
    assert_eq!(ok(site.path()).pdfs_from_cache(), 0);
}
