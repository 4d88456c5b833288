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
    let out = brochure().args(["serve", "--help"]).output().expect("run");
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    for flag in [
        "--root", "--port", "--bind", "--drafts", "--no-pdf", "--open",
    ] {
        assert!(help.contains(flag), "serve --help lacks {flag}");
    }
    let out = brochure().args(["new", "--help"]).output().expect("run");
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    for command in ["product", "category", "news", "page"] {
        assert!(help.contains(command), "new --help lacks {command}");
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
    assert!(stdout.contains("Built 3 languages, 44 pages"), "{stdout}");
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

/// A new user's first minutes: `init` on an empty folder, `build`, `check --strict`, `new
/// product`, and the site still builds with the draft shown under `--drafts` (issue 9).
#[test]
fn init_build_check_and_new_product_on_an_empty_folder() {
    let parent = tempfile::tempdir().expect("temp dir");
    let root = parent.path().join("catalog");
    let run = |args: &[&str], dir: &std::path::Path| {
        let out = brochure()
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", "1796083200")
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stdout, stderr) = run(&["init", "catalog"], parent.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("Created a new site in catalog"), "{stdout}");
    assert!(
        stdout.contains("cd catalog") && stdout.contains("brochure build"),
        "{stdout}"
    );
    for file in [
        "brochure.toml",
        ".gitignore",
        "content/categories.yaml",
        "content/products/ex-100.yaml",
        "content/news/welcome.zh.md",
        "content/pages/about.ru.md",
        "locales/en/site.ftl",
        "static/images/logo.svg",
    ] {
        assert!(root.join(file).is_file(), "{file}");
    }
    let (code, stdout, stderr) = run(&["build"], &root);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("with 0 warnings"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
    let (code, stdout, stderr) = run(&["check", "--strict"], &root);
    assert_eq!(code, Some(0), "{stdout}{stderr}");

    let (code, stdout, stderr) = run(
        &["new", "product", "ex-200", "--category", "excavators"],
        &root,
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("content/products/ex-200.yaml"), "{stdout}");
    let product = std::fs::read_to_string(root.join("content/products/ex-200.yaml")).expect("read");
    for line in [
        "category: excavators",
        "draft: true",
        "  en: ",
        "  zh: ",
        "  ru: ",
        "specs:",
    ] {
        assert!(product.contains(line), "{line}: {product}");
    }
    // Never overwritten.
    std::fs::write(
        root.join("content/products/ex-200.yaml"),
        format!("{product}# mine\n"),
    )
    .expect("write");
    let (code, _, stderr) = run(
        &["new", "product", "ex-200", "--category", "excavators"],
        &root,
    );
    assert_eq!(code, Some(1));
    assert!(stderr.contains("the file exists already"), "{stderr}");
    assert!(
        std::fs::read_to_string(root.join("content/products/ex-200.yaml"))
            .expect("read")
            .ends_with("# mine\n")
    );
    let (code, _, stderr) = run(
        &["new", "product", "ex-300", "--category", "excavator"],
        &root,
    );
    assert_eq!(code, Some(1));
    assert!(stderr.contains("did you mean `excavators`?"), "{stderr}");
    assert!(
        !stderr.contains("-->"),
        "a command-line mistake has no file: {stderr}"
    );

    for args in [
        &["new", "category", "loaders"][..],
        &["new", "news", "expo-2027"],
        &["new", "page", "contact"],
    ] {
        let (code, _, stderr) = run(args, &root);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
    }
    assert!(root.join("content/news/expo-2027.ru.md").is_file());
    let (code, stdout, stderr) = run(&["build", "--drafts"], &root);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("with 0 warnings"), "{stdout}{stderr}");
    assert!(root.join("public/en/products/ex-200/index.html").is_file());
    assert!(root.join("public/ru/news/expo-2027/index.html").is_file());
    let (code, stdout, _) = run(&["build"], &root);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("with 0 warnings"), "{stdout}");
    assert!(
        !root.join("public/en/products/ex-200/index.html").exists(),
        "drafts stay out"
    );
}

/// `init` refuses a folder with files in it and languages the theme cannot speak.
#[test]
fn init_refuses_a_non_empty_folder_and_unknown_languages() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    let out = brochure()
        .args(["init"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not empty"));
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("read").count(),
        1,
        "nothing written"
    );
    let fresh = dir.path().join("new");
    let out = brochure()
        .args(["init", "--languages", "en,de"])
        .arg(&fresh)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no texts in `de`"));
    assert!(!fresh.exists());
    let out = brochure()
        .args(["init", "--languages", "ru,en"])
        .arg(&fresh)
        .output()
        .expect("run");
    assert!(out.status.success());
    let config = std::fs::read_to_string(fresh.join("brochure.toml")).expect("read");
    assert!(config.contains("default_language = \"ru\""), "{config}");
    assert!(!config.contains("zh-CN"), "{config}");
    assert!(!fresh.join("locales/zh").exists());
}
