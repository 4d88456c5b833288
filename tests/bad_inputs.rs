//! Every kind of mistake a marketing person can make: the build must fail with a message that
//! names the file, line and column, and the previous `public/` must be left exactly as it was.

mod common;
use common::*;
use std::path::Path;

/// Builds the fixture once (the "last good site"), applies `mutate`, builds again and checks
/// the failure. Returns the diagnostics for further checks.
fn expect_failure(
    mutate: impl FnOnce(&Path),
    file: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Vec<brochure::diagnostics::Diagnostic> {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("the fixture builds");
    let before = snapshot(&root.join("public"));
    mutate(root);
    let failure = build_site(root).expect_err("the broken site must not build");
    let found = failure.errors().find(|d| d.message.contains(message));
    let Some(found) = found else {
        panic!(
            "no error containing {message:?}; got:\n{}",
            failure
                .diagnostics
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    };
    assert_eq!(
        (
            found.location.file.as_str(),
            found.location.line,
            found.location.column
        ),
        (file, line, column),
        "location of: {found}"
    );
    assert_eq!(
        snapshot(&root.join("public")),
        before,
        "the previous output changed"
    );
    let leftovers: Vec<String> = std::fs::read_dir(root)
        .expect("read root")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
    failure.diagnostics
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

fn replace(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{rel} does not contain {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

const PRODUCT: &str = "content/products/fe-25.yaml";

#[test]
fn yaml_syntax_error() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                PRODUCT,
                "  ru: Электропогрузчик FE-25\n",
                "  ru: [Электропогрузчик FE-25\n",
            )
        },
        PRODUCT,
        5,
        7,
        "YAML",
    );
    assert!(d.iter().any(|d| d.hint.is_some()));
}

#[test]
fn wrong_type() {
    expect_failure(
        |r| replace(r, PRODUCT, "category: forklifts", "category: [forklifts]"),
        PRODUCT,
        1,
        11,
        "expected string",
    );
}

#[test]
fn wrong_number() {
    expect_failure(
        |r| replace(r, PRODUCT, "value: 2500", "value: [2500]"),
        PRODUCT,
        11,
        16,
        "expected a number (21500, 1.25) or a text",
    );
}

#[test]
fn unknown_field_with_hint() {
    let d = expect_failure(
        |r| replace(r, PRODUCT, "summary:", "sumary:"),
        PRODUCT,
        6,
        1,
        "unknown field `sumary`",
    );
    let e = d
        .iter()
        .find(|d| d.message.contains("sumary"))
        .expect("error");
    assert_eq!(e.hint.as_deref(), Some("did you mean `summary`?"));
}

#[test]
fn missing_field() {
    expect_failure(
        |r| replace(r, PRODUCT, "category: forklifts\n", ""),
        PRODUCT,
        1,
        1,
        "missing field `category`",
    );
}

#[test]
fn unknown_category_with_hint() {
    let d = expect_failure(
        |r| replace(r, PRODUCT, "category: forklifts", "category: forklift"),
        PRODUCT,
        1,
        11,
        "category `forklift`, which is not in content/categories.yaml",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref() == Some("did you mean `forklifts`?"))
    );
}

#[test]
fn bad_product_file_name() {
    let d = expect_failure(
        |r| {
            std::fs::rename(r.join(PRODUCT), r.join("content/products/FE 25.yaml")).expect("rename")
        },
        "content/products/FE 25.yaml",
        1,
        1,
        "cannot be used as a product id",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref().is_some_and(|h| h.contains("fe-25.yaml")))
    );
}

#[test]
fn news_in_a_language_that_is_not_configured() {
    expect_failure(
        |r| {
            write(
                r,
                "content/news/visit.de.md",
                "---\ntitle: Besuch\ndate: 2026-09-15\n---\nHallo\n",
            )
        },
        "content/news/visit.de.md",
        1,
        1,
        "`de` in the file name is not a language of this site",
    );
}

#[test]
fn bad_date() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "content/news/visit.ru.md",
                "date: 2026-09-15",
                "date: 15.09.2026",
            )
        },
        "content/news/visit.ru.md",
        3,
        7,
        "`15.09.2026` is not a valid date",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref().is_some_and(|h| h.contains("YYYY-MM-DD")))
    );
}

#[test]
fn impossible_date() {
    expect_failure(
        |r| {
            replace(
                r,
                "content/news/visit.ru.md",
                "date: 2026-09-15",
                "date: 2026-02-30",
            )
        },
        "content/news/visit.ru.md",
        3,
        7,
        "not a valid date",
    );
}

#[test]
fn fluent_syntax_error() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "locales/ru/site.ftl",
                "unit-kg = кг\n",
                "unit-kg = { кг\n",
            )
        },
        "locales/ru/site.ftl",
        12,
        13,
        "Fluent syntax error",
    );
    let e = d
        .iter()
        .find(|d| d.message.contains("Fluent syntax error"))
        .expect("error");
    assert!(
        e.hint.as_deref().is_some_and(|h| h.contains("placeholder")),
        "{e}"
    );
}

#[test]
fn tera_syntax_error_names_template_and_line() {
    expect_failure(
        |r| replace(r, "templates/plurals.html", "{% endfor %}", "{% endfor"),
        "templates/plurals.html",
        3,
        10,
        "template syntax error in `plurals.html`",
    );
}

#[test]
fn tera_render_error_names_template_and_line() {
    expect_failure(
        |r| {
            replace(
                r,
                "templates/plurals.html",
                "{{ 1234567.5 | number }}",
                "{{ no_such_variable.field }}",
            )
        },
        "templates/plurals.html",
        3,
        34,
        "template error in `plurals.html`",
    );
}

#[test]
fn unknown_fluent_message_in_template() {
    expect_failure(
        |r| {
            replace(
                r,
                "templates/plurals.html",
                "only-english",
                "no-such-message",
            )
        },
        "templates/plurals.html",
        4,
        32,
        "no Fluent message `no-such-message`",
    );
}

/// A 74-byte PNG whose header claims 100,000 × 100,000 pixels (issue 8): the decoder asked
/// for 10 GB and aborted the build. Refused from the header, at the line that names it.
#[test]
fn image_claiming_too_many_pixels_is_refused_before_decoding() {
    let d = expect_failure(
        |r| {
            std::fs::write(r.join("static/images/huge.png"), huge_png()).expect("write png");
            replace(
                r,
                "content/products/ex-300.yaml",
                "images/machine.svg",
                "images/huge.png",
            )
        },
        "content/products/ex-300.yaml",
        4,
        8,
        "`images/huge.png`: the picture is 100000 × 100000 pixels",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref().is_some_and(|h| h.contains("scale")))
    );
}

fn huge_png() -> Vec<u8> {
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(b"IHDR");
    png.extend_from_slice(&100_000u32.to_be_bytes());
    png.extend_from_slice(&100_000u32.to_be_bytes());
    png.extend_from_slice(&[8, 6, 0, 0, 0]);
    png.extend_from_slice(&[0; 4]);
    png.resize(74, 0);
    png
}

/// The pixel limit holds for pictures in Markdown bodies too, at the line of the image.
#[test]
fn huge_image_in_a_description_is_refused_at_its_line() {
    expect_failure(
        |r| {
            std::fs::write(r.join("static/images/huge.png"), huge_png()).expect("write png");
            replace(
                r,
                "content/products/ex-300.yaml",
                "Built for quarries.",
                "Built for quarries. ![photo](/images/huge.png)",
            )
        },
        "content/products/ex-300.yaml",
        14,
        25,
        "`/images/huge.png`: the picture is 100000 × 100000 pixels",
    );
}

/// `image: x.svg#x` passed the file check and then failed inside the print engine.
#[test]
fn image_path_with_a_fragment_is_refused() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "images/machine.svg",
                "images/machine.svg#x",
            )
        },
        "content/products/ex-300.yaml",
        4,
        8,
        "an image is a file path; `#x` is not part of it",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref() == Some("write `images/machine.svg`"))
    );
}

/// A broken SVG is named at the product line that uses it, not as a failed PDF.
#[test]
fn broken_svg_is_reported_where_it_is_used() {
    expect_failure(
        |r| {
            std::fs::write(r.join("static/images/broken.svg"), "<svg><g></svg>").expect("write");
            replace(
                r,
                "content/products/ex-300.yaml",
                "images/machine.svg",
                "images/broken.svg",
            )
        },
        "content/products/ex-300.yaml",
        4,
        8,
        "`images/broken.svg`: the file is not a valid SVG picture",
    );
}

/// The logo is printed by the theme on every page: a broken one is reported at the file.
#[test]
fn broken_logo_is_reported_at_the_file() {
    expect_failure(
        |r| std::fs::write(r.join("static/images/logo.svg"), "not svg at all").expect("write"),
        "static/images/logo.svg",
        1,
        1,
        "the file is not a valid SVG picture",
    );
}

/// Numbers beyond what a double keeps exactly (issue 8) are refused at their line instead of
/// printing as 100,000,000,000,000,000,000 or 309 digits.
#[test]
fn spec_number_too_large_is_a_located_error() {
    for huge in ["99999999999999999999", "1e308"] {
        let site = fixture("basic");
        let text = std::fs::read_to_string(site.path().join("content/products/ex-300.yaml"))
            .expect("product");
        let line = text
            .lines()
            .position(|l| l.contains("operating-weight"))
            .expect("the fixture has an operating weight")
            + 1;
        replace(
            site.path(),
            "content/products/ex-300.yaml",
            "value: 1234567.5",
            &format!("value: {huge}"),
        );
        let failure = build_site(site.path()).expect_err(huge);
        let d = failure
            .errors()
            .find(|d| d.message.contains("too large to be a measurement"))
            .unwrap_or_else(|| panic!("{huge}: {:#?}", failure.diagnostics));
        assert_eq!(d.location.file, "content/products/ex-300.yaml");
        assert_eq!(d.location.line, line, "{huge}");
        assert!(d.hint.is_some());
        assert!(!site.path().join("public").exists());
    }
}

#[test]
fn missing_image() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "images/machine.svg",
                "images/machne.svg",
            )
        },
        "content/products/ex-300.yaml",
        4,
        8,
        "`images/machne.svg`: there is no such file in static/",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref() == Some("did you mean `images/machine.svg`?"))
    );
}

#[test]
fn image_path_cannot_escape_static() {
    expect_failure(
        |r| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "images/machine.svg",
                "../../etc/passwd",
            )
        },
        "content/products/ex-300.yaml",
        4,
        8,
        "must stay inside static/",
    );
}

#[test]
fn broken_internal_link() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "content/news/visit.ru.md",
                "@/products/ex-300",
                "@/products/ex-30",
            )
        },
        "content/news/visit.ru.md",
        7,
        15,
        "broken link `@/products/ex-30`",
    );
    assert!(
        d.iter()
            .any(|d| d.message.contains("did you mean `ex-300`?"))
    );
}

#[test]
fn broken_link_inside_a_yaml_description() {
    expect_failure(
        |r| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "(@/news/visit)",
                "(@/news/vist)",
            )
        },
        "content/products/ex-300.yaml",
        14,
        66,
        "broken link `@/news/vist`",
    );
}

#[test]
fn invalid_config() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "brochure.toml",
                "default_language = \"en\"",
                "default_lang = \"en\"",
            )
        },
        "brochure.toml",
        3,
        1,
        "unknown field `default_lang`",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref() == Some("did you mean `default_language`?"))
    );
}

#[test]
fn config_syntax_error() {
    expect_failure(
        |r| replace(r, "brochure.toml", "theme = \"default\"", "theme = default"),
        "brochure.toml",
        2,
        9,
        "",
    );
}

#[test]
fn not_utf8() {
    expect_failure(
        |r| {
            let mut bytes = std::fs::read(r.join(PRODUCT)).expect("read");
            bytes.extend_from_slice(b"\nfeatures: {en: [\"caf\xe9\"]}\n");
            std::fs::write(r.join(PRODUCT), bytes).expect("write");
        },
        PRODUCT,
        13,
        21,
        "not valid UTF-8",
    );
}

#[test]
fn yaml_alias_bomb_fails_fast() {
    let mut bomb = String::from(
        "category: forklifts\nname: {en: Bomb}\nfeatures:\n  en: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        bomb.push_str(&format!(
            "  x{i}: &a{i} [{}]\n",
            [prev.as_str(); 10].join(", ")
        ));
    }
    let started = std::time::Instant::now();
    let d = expect_failure(
        |r| write(r, "content/products/bomb.yaml", &bomb),
        "content/products/bomb.yaml",
        5,
        12,
        "YAML",
    );
    // Not a timing assertion on speed, only a guard against an effectively endless expansion.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    assert!(d.iter().any(|d| d.location.file.ends_with("bomb.yaml")));
}

#[test]
fn huge_file_is_refused() {
    expect_failure(
        |r| {
            let mut text = String::from("category: forklifts\nname: {en: Big}\nsummary:\n  en: \"");
            text.push_str(&"x".repeat(5 * 1024 * 1024));
            text.push_str("\"\n");
            write(r, "content/products/big.yaml", &text);
        },
        "content/products/big.yaml",
        1,
        1,
        "more than the 4194304 bytes",
    );
}

#[test]
fn unknown_language_key_in_a_field() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                PRODUCT,
                "  ru: Электропогрузчик FE-25",
                "  rus: Электропогрузчик FE-25",
            )
        },
        PRODUCT,
        5,
        8,
        "`rus` in `name` is not a language of this site",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref() == Some("did you mean `ru`?"))
    );
}

#[test]
fn missing_spec_label_is_an_error_at_the_product_line() {
    expect_failure(
        |r| replace(r, PRODUCT, "rated-load:", "max-speed:"),
        PRODUCT,
        11,
        14,
        "there is no Fluent message `spec-max-speed`",
    );
}

#[test]
fn missing_unit_name_is_an_error() {
    expect_failure(
        |r| replace(r, PRODUCT, "unit: kg", "unit: lbs"),
        PRODUCT,
        11,
        15,
        "there is no Fluent message `unit-lbs`",
    );
}

#[test]
fn unknown_template_in_front_matter() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "content/pages/plurals.ru.md",
                "template: plurals.html",
                "template: plural.html",
            )
        },
        "content/pages/plurals.ru.md",
        3,
        11,
        "there is no template `plural.html`",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref() == Some("did you mean `plurals.html`?"))
    );
}

#[test]
fn unknown_product_in_news() {
    expect_failure(
        |r| {
            replace(
                r,
                "content/news/visit.zh.md",
                "products: [ex-300]",
                "products: [ex-301]",
            )
        },
        "content/news/visit.zh.md",
        5,
        12,
        "there is no product `ex-301`",
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let site = fixture("basic");
    let mut o = options(site.path());
    o.strict = true;
    let failure = brochure::build::build(&o).expect_err("the fixture has warnings");
    assert!(failure.errors().any(|d| d.message.contains("(--strict)")));
    assert!(!site.path().join("public").exists(), "nothing written");
}

#[test]
fn output_folder_may_not_contain_the_sources() {
    let site = fixture("basic");
    let mut o = options(site.path());
    o.output = Some(site.path().to_path_buf());
    let failure = brochure::build::build(&o).expect_err("refused");
    assert!(
        failure
            .errors()
            .any(|d| d.message.contains("would delete the sources"))
    );
    assert!(site.path().join("content/products/ex-300.yaml").is_file());
}

/// `--output` pointed at sources, the repository, the config, a folder of other files or the
/// site through a symbolic link: refused with a message, and every file is still there.
#[test]
fn output_may_not_replace_anything_but_an_earlier_build() {
    let site = fixture("basic");
    let root = site.path();
    for (dir, file) in [
        ("print", "brochure.typ"),
        ("fonts", "LICENSE.txt"),
        (".git", "HEAD"),
    ] {
        std::fs::create_dir_all(root.join(dir)).expect("mkdir");
        std::fs::write(root.join(dir).join(file), "keep me").expect("write");
    }
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("holiday.jpg"), "keep me").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.parent().expect("parent"), outside.path().join("lnk"))
        .expect("symlink");
    let site_name = root.file_name().expect("name");
    let cases = [
        (root.join("print"), "not written by brochure"),
        (root.join("fonts"), "not written by brochure"),
        (root.join(".git"), "not written by brochure"),
        (root.join("content"), "not written by brochure"),
        (root.join("content/out"), "part of the site's sources"),
        (root.join("brochure.toml"), "is a file, not a folder"),
        (outside.path().to_path_buf(), "not written by brochure"),
        (
            outside.path().join("lnk").join(site_name),
            "contains the site itself",
        ),
    ];
    let before = snapshot(root);
    for (output, message) in cases {
        let mut o = options(root);
        o.output = Some(output.clone());
        let failure = brochure::build::build(&o).expect_err("refused");
        let d = failure.errors().next().expect("an error");
        assert!(
            d.message.contains(message),
            "{}: {}",
            output.display(),
            d.message
        );
        assert!(d.hint.is_some());
        assert_eq!(
            before,
            snapshot(root),
            "{} changed the site",
            output.display()
        );
    }
    assert!(outside.path().join("holiday.jpg").is_file());
    // The default output, and an earlier build's output elsewhere, are replaced as usual.
    build_site(root).expect("build");
    let mut o = options(root);
    o.output = Some(outside.path().join("dist"));
    brochure::build::build(&o).expect("first build there");
    brochure::build::build(&o).expect("and again: it carries the marker");
}

#[test]
fn all_errors_are_reported_at_once() {
    let site = fixture("basic");
    let root = site.path();
    replace(root, PRODUCT, "category: forklifts", "category: nope");
    replace(
        root,
        "content/news/visit.ru.md",
        "date: 2026-09-15",
        "date: soon",
    );
    replace(
        root,
        "content/products/ex-300.yaml",
        "images/machine.svg",
        "images/none.svg",
    );
    let failure = build_site(root).expect_err("broken");
    assert_eq!(failure.errors().count(), 3, "{:?}", failure.diagnostics);
}

/// A source folder that is a symbolic link out of the site must not be read: `static/` linking to
/// a home folder would publish it. Each is skipped with a warning at the folder.
#[cfg(unix)]
#[test]
fn source_folders_linking_out_of_the_site_are_skipped() {
    for folder in [
        "static",
        "templates",
        "content",
        "content/products",
        "locales",
        "locales/en",
    ] {
        let site = fixture("basic");
        let root = site.path();
        let outside = tempfile::tempdir().expect("temp dir");
        let moved = outside.path().join("moved");
        std::fs::rename(root.join(folder), &moved).expect("move the folder out");
        std::fs::write(moved.join("secret.txt"), "private").expect("write");
        std::os::unix::fs::symlink(&moved, root.join(folder)).expect("symlink");
        let diagnostics = match build_site_no_pdf(root) {
            Ok(report) => report.warnings,
            Err(failure) => failure.diagnostics,
        };
        let warning = diagnostics
            .iter()
            .find(|d| d.message.contains("outside the site"))
            .unwrap_or_else(|| panic!("{folder}: no warning in {diagnostics:?}"));
        assert_eq!(warning.location.file, folder, "{warning}");
        assert!(warning.hint.is_some());
        let published = root.join("public");
        if published.exists() {
            for (path, bytes) in snapshot(&published) {
                assert!(!path.ends_with("secret.txt"), "{folder}: published {path}");
                assert!(
                    !String::from_utf8_lossy(&bytes).contains("private"),
                    "{folder}: {path}"
                );
            }
        }
    }
}

/// `static/en` as a file where the site needs the folder `en/` failed with "File exists (os
/// error 17)" at `./public`; it is now named at the static file before anything is written.
#[test]
fn static_file_where_the_site_needs_a_folder() {
    expect_failure(
        |r| write(r, "static/en", "oops"),
        "static/en",
        1,
        1,
        "the site needs a folder `en/` here",
    );
    expect_failure(
        |r| write(r, "static/sitemap.xml/extra.txt", "oops"),
        "static/sitemap.xml/extra.txt",
        1,
        1,
        "`sitemap.xml` is a generated page, so nothing can be stored below it",
    );
}

/// A static file at a generated page's path is skipped with a warning: the page wins.
#[test]
fn static_file_at_a_page_path_is_skipped_with_a_warning() {
    let site = fixture("basic");
    write(
        site.path(),
        "static/robots.txt",
        "User-agent: *\nDisallow: /\n",
    );
    let report = build_site_no_pdf(site.path()).expect("builds");
    let w = report
        .warnings
        .iter()
        .find(|w| w.message.contains("`robots.txt` is also a generated page"))
        .expect("a warning");
    assert_eq!(w.location.file, "static/robots.txt");
    assert!(read(site.path(), "robots.txt").contains("Sitemap:"));
}

/// Circular includes read "template error in ``" at `templates/:1:1`; now the loop is spelled
/// out at the include that closes it.
#[test]
fn circular_include_is_named_at_the_include() {
    let site = fixture("basic");
    let root = site.path();
    write(
        root,
        "templates/loop-a.html",
        "A\n{% include \"loop-b.html\" %}\n",
    );
    write(
        root,
        "templates/loop-b.html",
        "B\n\n  {% include 'loop-a.html' %}\n",
    );
    let failure = build_site_no_pdf(root).expect_err("a loop");
    let d = failure.errors().next().expect("an error");
    assert!(
        d.message
            .contains("templates include each other in a loop: loop-"),
        "{d}"
    );
    let place = (d.location.file.as_str(), d.location.line, d.location.column);
    assert!(
        place == ("templates/loop-a.html", 2, 4) || place == ("templates/loop-b.html", 3, 6),
        "{d}"
    );
}

/// Root cause first: a product file that does not parse is the one error shown, first, with
/// the links to it that it broke counted instead of listed (issue 9).
#[test]
fn a_broken_product_file_is_reported_first_without_its_consequences() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "category: excavators",
                "category excavators",
            )
        },
        "content/products/ex-300.yaml",
        1,
        9,
        "`category` has no `:` after it",
    );
    let errors: Vec<_> = d.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(d[0].location.file, "content/products/ex-300.yaml");
    assert!(
        d[0].message
            .contains("(and 6 messages caused by it elsewhere)"),
        "{}",
        d[0].message
    );
    assert!(
        !d.iter()
            .any(|d| d.message.contains("there is no product `ex-300`"))
    );
    assert_eq!(
        d[0].hint.as_deref(),
        Some("a field is written `category: value`")
    );
}

/// A page whose English file is broken does not also get "has no English version".
#[test]
fn a_broken_page_file_does_not_warn_about_its_own_language() {
    let d = expect_failure(
        |r| {
            write(
                r,
                "content/pages/about.en.md",
                "---\ntitle: About\ntitle: Again\n---\nText\n",
            )
        },
        "content/pages/about.en.md",
        3,
        1,
        "`title` appears twice, lines 2 and 3",
    );
    assert!(
        !d.iter().any(|d| d.message.contains("has no English")),
        "{d:#?}"
    );
}

/// Mistakes of people typing YAML by hand, in plain words at the right column.
#[test]
fn yaml_typing_mistakes_in_plain_words() {
    expect_failure(
        |r| replace(r, "content/products/ex-300.yaml", "order: 1", "order： 1"),
        "content/products/ex-300.yaml",
        2,
        6,
        "`order：` has a full-width colon",
    );
    expect_failure(
        |r| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "  en: EX-300 Excavator",
                "\ten: EX-300 Excavator",
            )
        },
        "content/products/ex-300.yaml",
        6,
        1,
        "a tab is used for indentation",
    );
    expect_failure(
        |r| write(r, "content/products/ex-300.yaml", "\n"),
        "content/products/ex-300.yaml",
        1,
        1,
        "the file is empty",
    );
    let d = expect_failure(
        |r| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "  en: EX-300 Excavator",
                "  en: \"EX-300 \"Quarry\" Excavator\"",
            )
        },
        "content/products/ex-300.yaml",
        6,
        3,
        "a `\"` inside double quotes ends the text early",
    );
    assert!(
        d[0].hint
            .as_deref()
            .is_some_and(|h| h.contains("single quotes"))
    );
    // The parser notices a missing `}` on the next line; the message points at the `{`.
    let d = expect_failure(
        |r| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "operating-weight: {value: 1234567.5, unit: kg}",
                "operating-weight: {value: 1234567.5, unit: kg",
            )
        },
        "content/products/ex-300.yaml",
        24,
        21,
        "this `{` is not closed with `}`",
    );
    assert_eq!(
        d[0].hint.as_deref(),
        Some("end it on the same line, e.g. `{value: 13800, unit: kg}`")
    );
}

/// `{value: 8000 kg}` was shown as "8000 kg кг"; a value is a number, or text without a unit.
#[test]
fn spec_value_with_its_unit_as_text_is_refused() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "operating-weight: {value: 1234567.5, unit: kg}",
                "operating-weight: {value: 8000 kg, unit: kg}",
            )
        },
        "content/products/ex-300.yaml",
        24,
        21,
        "spec `operating-weight`: `8000 kg` mixes a number and a unit",
    );
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref() == Some("write `value: 8000`; the unit comes from `unit:`"))
    );
}

/// A link written as the site's own URL said "the path must stay inside static/"; it now says
/// how to link to a page.
#[test]
fn link_to_a_site_url_suggests_the_internal_link() {
    for (written, target) in [
        ("/en/products/fe-25/", "@/products/fe-25"),
        (
            "/catalog/ru/categories/forklifts/",
            "@/categories/forklifts",
        ),
        (
            "https://fixture.example/catalog/zh/products/fe-25/",
            "@/products/fe-25",
        ),
    ] {
        expect_failure(
            |r| {
                replace(
                    r,
                    "content/products/ex-300.yaml",
                    "(@/products/fe-25) and",
                    &format!("({written}) and"),
                )
            },
            "content/products/ex-300.yaml",
            14,
            33,
            &format!("this is a page of the site; link with `{target}`"),
        );
    }
}

/// One mistake at many places (a unit without a name, used by four products) is one error at
/// the first place, listing the others.
#[test]
fn a_mistake_repeated_per_product_is_reported_once_with_its_places() {
    let d = expect_failure(
        |r| {
            for lang in ["en", "zh", "ru"] {
                let path = r.join(format!("locales/{lang}/site.ftl"));
                let text = std::fs::read_to_string(&path).expect("read");
                let kept: String = text
                    .lines()
                    .filter(|l| !l.starts_with("unit-kg"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                std::fs::write(path, kept).expect("write");
            }
        },
        "content/products/ex-300.yaml",
        24,
        21,
        "there is no Fluent message `unit-kg` (also at content/products/fe-25.yaml:11:15, content/products/hostile.yaml:15:15, content/products/typst-hostile.yaml:12:15)",
    );
    assert_eq!(
        d.iter().filter(|d| d.message.contains("unit-kg")).count(),
        1
    );
}

/// A folder or file in `content/` that the build does not read gets a warning instead of
/// being ignored without a word.
#[test]
fn unread_content_folders_are_named() {
    let site = fixture("basic");
    write(site.path(), "content/downloads/catalog.pdf", "%PDF");
    write(site.path(), "content/product.yaml", "category: x\n");
    let report = build_site_no_pdf(site.path()).expect("builds");
    let unread: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message.contains("is not read by brochure"))
        .map(|w| (w.location.file.as_str(), w.hint.is_some()))
        .collect();
    assert_eq!(
        unread,
        [("content/downloads", true), ("content/product.yaml", true)]
    );
}

/// A TIFF failed inside the theme's print template; it is an error at the product line.
#[test]
fn unsupported_picture_format_is_an_error_at_the_product() {
    expect_failure(
        |r| {
            std::fs::write(r.join("static/images/photo.bmp"), b"BM\0\0\0\0").expect("write");
            replace(
                r,
                "content/products/ex-300.yaml",
                "images/machine.svg",
                "images/photo.bmp",
            )
        },
        "content/products/ex-300.yaml",
        4,
        8,
        "`images/photo.bmp`: BMP pictures cannot be read by brochure",
    );
}

/// Aliases are checked: a malformed path, a page's own address, or one used twice.
#[test]
fn bad_aliases_are_located_errors() {
    let with_aliases = |aliases: &'static str| {
        move |r: &Path| {
            replace(
                r,
                "content/products/ex-300.yaml",
                "order: 1",
                &format!("order: 1\naliases: {aliases}"),
            )
        }
    };
    expect_failure(
        with_aliases("[/old/ex300.php]"),
        "content/products/ex-300.yaml",
        3,
        11,
        "alias `/old/ex300.php`: a static site can redirect from folder paths",
    );
    expect_failure(
        with_aliases("[old/]"),
        "content/products/ex-300.yaml",
        3,
        11,
        "starts with `/`",
    );
    expect_failure(
        with_aliases("[/../../etc/]"),
        "content/products/ex-300.yaml",
        3,
        11,
        "may not contain `//`, `.` or `..` segments",
    );
    expect_failure(
        with_aliases("[/en/products/fe-25/]"),
        "content/products/ex-300.yaml",
        3,
        11,
        "alias `/en/products/fe-25/` is the address of a page of the site (/catalog/en/products/fe-25/)",
    );
    expect_failure(
        with_aliases("[/old/, /old]"),
        "content/products/ex-300.yaml",
        3,
        18,
        "alias `/old` is used twice",
    );
}

/// A site message the theme shows that cannot be formatted is an error at the message, not
/// at the theme's template (issue 9).
#[test]
fn site_message_the_theme_cannot_show_is_an_error_at_the_message() {
    let d = expect_failure(
        |r| {
            replace(
                r,
                "locales/en/site.ftl",
                "company-tagline = Machines for testing",
                "company-tagline = Machines for { $market }",
            )
        },
        "locales/en/site.ftl",
        3,
        1,
        "Fluent message `company-tagline` in `en` cannot be shown: `{ $market }` has no value here",
    );
    let errors: Vec<_> = d.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0]
            .hint
            .as_deref()
            .is_some_and(|h| h.contains("the theme shows it at (built-in theme)/")),
        "{:?}",
        errors[0].hint
    );
}
