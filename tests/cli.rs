//! The command line as a user runs it: exit codes, summary line, messages on stderr.

mod common;
use common::*;
use std::process::Command;

fn brochure() -> Command {
    Command::new(env!("CARGO_BIN_EXE_brochure"))
}

#[test]
fn help_and_version() {
    let out = brochure().arg("--help").output().expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("build"));
    let out = brochure().arg("--version").output().expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("brochure "));
    let out = brochure().args(["build", "--help"]).output().expect("run");
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    for flag in ["--root", "--output", "--strict", "--drafts", "--base-url"] {
        assert!(help.contains(flag), "build --help lacks {flag}");
    }
}

#[test]
fn build_prints_a_summary_and_exits_zero() {
    let site = fixture("basic");
    let out = brochure()
        .args(["build", "--root"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Built 3 languages, 41 pages"), "{stdout}");
    assert!(stdout.contains("warnings in"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: product `ex-300`: `summary` has no Русский (ru) text"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> content/products/ex-300.yaml:10:3"),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{1b}'), "no colour codes when piped");
}

#[test]
fn strict_and_errors_exit_one_with_located_messages() {
    let site = fixture("basic");
    let out = brochure()
        .args(["build", "--strict", "--root"])
        .arg(site.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let path = site.path().join("content/products/fe-25.yaml");
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("category: forklifts", "category: forklift");
    std::fs::write(&path, text).expect("write");
    let out = brochure()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--> content/products/fe-25.yaml:1:11"),
        "{stderr}"
    );
    assert!(stderr.contains("1 | category: forklift"), "{stderr}");
    assert!(
        stderr.contains("hint: did you mean `forklifts`?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the previous output was left unchanged"),
        "{stderr}"
    );
}

/// A theme is code: a value that doubles forty times, or two nested `range(end=100000)` loops,
/// must end the build with a message at the template, not abort the process or run for hours,
/// and the last good site must stay.
#[test]
fn runaway_templates_are_stopped_with_a_located_error() {
    let site = fixture("basic");
    let root = site.path();
    let built = brochure()
        .args(["build", "--no-pdf", "--root"])
        .arg(root)
        .output()
        .expect("run");
    assert!(built.status.success());
    let before = snapshot(&root.join("public"));
    let template = root.join("templates/plurals.html");
    let runaway = [
        (
            format!(
                "{{% set_global s = \"ab\" %}}{}{{{{ s | length }}}}",
                "{% set_global s = s ~ s %}".repeat(40)
            ),
            "asked for 1024 MB at once",
            "60",
        ),
        (
            "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}"
                .to_string(),
            "took more than 1 s",
            "1",
        ),
    ];
    for (text, message, seconds) in runaway {
        std::fs::write(&template, text).expect("write");
        let out = brochure()
            .args(["build", "--no-pdf", "--root"])
            .arg(root)
            .env("BROCHURE_TEMPLATE_TIME_LIMIT", seconds)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
        assert!(stderr.contains("templates/plurals.html"), "{stderr}");
        assert!(stderr.contains("hint:"), "{stderr}");
        assert_eq!(snapshot(&root.join("public")), before);
    }
}
