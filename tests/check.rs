//! `brochure check` on fixture sites: each kind of gap and broken link, exactly where it is;
//! scores; the JSON document; exit codes; the HTML report.

mod common;
use brochure::check::{CheckOptions, Finding, Kind, Level, Report, check};
use common::*;
use std::path::Path;
use std::process::Command;

fn brochure() -> Command {
    Command::new(env!("CARGO_BIN_EXE_brochure"))
}

/// Checks without typesetting PDFs (the example-site test below includes them).
fn run_check(root: &Path) -> Report {
    check(&CheckOptions {
        root: root.to_path_buf(),
        no_pdf: true,
        ..CheckOptions::default()
    })
}

/// The one finding of `kind` in `lang` at `place` (`file:line:col` or `file`).
fn finding<'a>(report: &'a Report, kind: Kind, lang: Option<&str>, place: &str) -> &'a Finding {
    let found: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| {
            f.kind == kind && f.lang.as_deref() == lang && f.place().as_deref() == Some(place)
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {kind:?} for {lang:?} at {place}, found {found:#?}\nall: {:#?}",
        report.findings
    );
    found[0]
}

#[test]
fn content_gaps_are_located_where_they_are_fixed() {
    let report = run_check(&fixture_dir("check-gaps"));
    assert!(report.rendered);
    let f = finding(
        &report,
        Kind::MissingField,
        Some("ru"),
        "content/products/fe-25.yaml:3:3",
    );
    assert_eq!(
        f.message,
        "product `fe-25`: `name` has no Русский (ru) text; the en text is shown"
    );
    assert_eq!(
        (f.item.as_deref(), f.field.as_deref()),
        (Some("product:fe-25"), Some("name"))
    );
    assert_eq!(f.severity, Level::Warning);
    let f = finding(
        &report,
        Kind::MissingField,
        Some("ru"),
        "content/products/fe-25.yaml:10:3",
    );
    assert_eq!(f.field.as_deref(), Some("features"));
    finding(
        &report,
        Kind::MissingField,
        Some("ru"),
        "content/products/ex-300.yaml:10:3",
    );
    let f = finding(
        &report,
        Kind::MissingTranslation,
        Some("zh"),
        "content/news/expo.zh.md",
    );
    assert_eq!(
        f.message,
        "news article `expo` has no 中文 (zh) version; the en text is shown"
    );
    assert_eq!(
        f.hint.as_deref(),
        Some("translate content/news/expo.en.md into this file")
    );
    // Nothing else is missing in content: categories and the other articles are complete.
    let content: Vec<_> = report
        .findings
        .iter()
        .filter(|f| matches!(f.kind, Kind::MissingField | Kind::MissingTranslation))
        .map(|f| {
            format!(
                "{} {}",
                f.lang.as_deref().unwrap_or("-"),
                f.place().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        content,
        [
            "zh content/news/expo.zh.md",
            "zh content/news/old-news.zh.md",
            "ru content/news/expo.ru.md",
            "ru content/news/old-news.ru.md",
            "ru content/products/ex-300.yaml:10:3",
            "ru content/products/fe-25.yaml:3:3",
            "ru content/products/fe-25.yaml:10:3",
        ]
    );
}

#[test]
fn fluent_gaps_missing_messages_variables_and_unused() {
    let report = run_check(&fixture_dir("check-gaps"));
    let f = report
        .findings
        .iter()
        .find(|f| f.kind == Kind::MissingMessage && f.lang.as_deref() == Some("ru"))
        .expect("missing message");
    assert_eq!(
        f.message,
        "message `obsolete-banner` has no Русский (ru) translation"
    );
    assert_eq!(f.place().as_deref(), Some("locales/ru/site.ftl"));
    assert_eq!(
        f.hint.as_deref(),
        Some("add `obsolete-banner = …`; the en text is at locales/en/site.ftl:21:1")
    );
    let missing: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::MissingMessage)
        .map(|f| {
            format!(
                "{} {}",
                f.lang.as_deref().unwrap_or("-"),
                f.field.as_deref().unwrap_or("")
            )
        })
        .collect();
    // Theme messages are translated in the built-in theme; site overrides count once.
    assert_eq!(
        missing,
        [
            "zh obsolete-banner",
            "zh only-english",
            "ru obsolete-banner",
            "ru only-english"
        ]
    );
    let f = finding(
        &report,
        Kind::MessageVariables,
        Some("ru"),
        "locales/ru/site.ftl:20:1",
    );
    assert_eq!(
        f.message,
        "message `stock-count` in Русский (ru) does not use `$count`, which the en text uses"
    );
    // Variables used only in a selector or in variants count too: no false alarm for Russian
    // plurals, which select on `$count` with different variants.
    assert_eq!(
        report
            .findings
            .iter()
            .filter(|f| f.kind == Kind::MessageVariables)
            .count(),
        1
    );
    let f = finding(
        &report,
        Kind::UnusedMessage,
        None,
        "locales/en/site.ftl:21:1",
    );
    assert_eq!(
        f.message,
        "site message `obsolete-banner` is not used by any template or product"
    );
    assert_eq!(f.severity, Level::Info);
    finding(
        &report,
        Kind::UnusedMessage,
        None,
        "locales/en/site.ftl:3:1",
    );
    // Used by a template (`t(key=…)`), by a spec table (`spec-…`, `unit-…`), by the code.
    for id in [
        "stock-count",
        "machine-count",
        "spec-rated-load",
        "unit-kg",
        "company-name",
    ] {
        assert!(
            !report
                .findings
                .iter()
                .any(|f| f.kind == Kind::UnusedMessage && f.field.as_deref() == Some(id)),
            "{id} is used"
        );
    }
}

#[test]
fn broken_links_fragments_images_alt_text_and_unreachable_pages() {
    let report = run_check(&fixture_dir("check-gaps"));
    let f = finding(
        &report,
        Kind::BrokenLink,
        Some("en"),
        "content/pages/about.en.md:5:45",
    );
    assert_eq!(
        f.message,
        "broken link `../downloads/catalogue.pdf` (a href) on 1 page: no such file is built"
    );
    assert_eq!(f.pages, ["/catalog/en/about/"]);
    assert_eq!(f.severity, Level::Error);
    let f = finding(
        &report,
        Kind::MissingImage,
        Some("en"),
        "content/pages/about.en.md:7:5",
    );
    assert!(
        f.message
            .starts_with("missing image `../images/factory.svg` (img src)"),
        "{}",
        f.message
    );
    let f = finding(
        &report,
        Kind::BrokenFragment,
        Some("en"),
        "content/pages/about.en.md:9:26",
    );
    assert_eq!(
        f.message,
        "broken fragment `/catalog/en/products/ex-300/#specifications` (a href) on 1 page: the page has no element with id `specifications`"
    );
    // A template's mistake shows on every language's page, once per language.
    for lang in ["en", "zh", "ru"] {
        let f = finding(
            &report,
            Kind::BrokenLink,
            Some(lang),
            "templates/news-list.html:5:13",
        );
        assert_eq!(f.pages, [format!("/catalog/{lang}/news/")]);
        finding(
            &report,
            Kind::BrokenFragment,
            Some(lang),
            "templates/news-list.html:5:74",
        );
        let f = finding(
            &report,
            Kind::UnreachablePage,
            Some(lang),
            "content/news/old-news.en.md",
        );
        assert_eq!(
            f.message,
            format!(
                "page /catalog/{lang}/news/old-news/ cannot be reached from /catalog/{lang}/ by following links"
            )
        );
    }
    let f = finding(
        &report,
        Kind::ImageAlt,
        Some("zh"),
        "content/products/ex-300.yaml:18:5",
    );
    assert_eq!(f.message, "image `/images/machine.svg` has no alt text");
    finding(
        &report,
        Kind::ImageAlt,
        Some("en"),
        "content/pages/about.en.md:7:1",
    );
    // Everything the theme itself links to exists: no other link problem.
    let links = report
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                Kind::BrokenLink | Kind::BrokenFragment | Kind::MissingImage
            )
        })
        .count();
    assert_eq!(links, 9);
    assert!(
        report.totals.links > 1000 && report.totals.pages == 41,
        "{:?}",
        report.totals
    );
}

#[test]
fn scores_per_language_and_product() {
    let report = run_check(&fixture_dir("check-gaps"));
    let scores: Vec<(String, u32, usize, usize)> = report
        .languages
        .iter()
        .map(|l| (l.code.clone(), l.score, l.translated, l.total))
        .collect();
    let total = scores[0].3;
    assert_eq!(scores[0], ("en".into(), 100, total, total));
    assert_eq!(
        scores[1],
        (
            "zh".into(),
            ((total - 4) * 100 / total) as u32,
            total - 4,
            total
        )
    );
    assert_eq!(
        scores[2],
        (
            "ru".into(),
            ((total - 7) * 100 / total) as u32,
            total - 7,
            total
        )
    );
    let ru = &report.languages[2];
    assert_eq!(
        (
            ru.missing_fields,
            ru.missing_translations,
            ru.missing_messages,
            ru.variable_mismatches
        ),
        (3, 2, 2, 1)
    );
    let fe = report
        .products
        .iter()
        .find(|p| p.id == "fe-25")
        .expect("fe-25");
    assert_eq!(fe.name, "FE-25 Electric Forklift");
    let ru = &fe.languages[2];
    // name, summary, features + spec-rated-load + unit-kg.
    assert_eq!((ru.score, ru.translated, ru.total), (60, 3, 5));
    assert_eq!(ru.missing, ["name", "features"]);
    assert_eq!(report.totals.errors, 9);
    assert_eq!(report.totals.warnings, 17);
    assert_eq!(report.totals.infos, 2);
    assert!(!report.ok);
}

#[test]
fn build_errors_come_first_with_the_builds_messages() {
    let site = fixture("check-gaps");
    let path = site.path().join("content/products/fe-25.yaml");
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("category: forklifts", "category: forklift");
    std::fs::write(&path, text).expect("write");
    let ftl = site.path().join("locales/ru/site.ftl");
    let mut text = std::fs::read_to_string(&ftl).expect("read");
    text.push_str("broken = { $x\n");
    std::fs::write(&ftl, text).expect("write");
    let failure = build_site_no_pdf(site.path()).expect_err("the build fails");
    let report = run_check(site.path());
    assert!(!report.rendered && !report.ok);
    let build: Vec<String> = failure.errors().map(|d| d.to_string()).collect();
    let checked: Vec<String> = report
        .findings
        .iter()
        .filter_map(|f| f.diagnostic.as_ref())
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    assert_eq!(checked, build);
    // What loaded is still measured: translation gaps of the products that parsed.
    assert_eq!(report.languages.len(), 3);
    assert!(
        report.findings.iter().any(|f| f.diagnostic.is_none()
            && f.file.as_deref() == Some("content/products/ex-300.yaml")
            && f.lang.as_deref() == Some("ru")),
        "{:#?}",
        report.findings
    );
    assert!(
        checked.iter().any(|d| d.starts_with(
            "content/products/fe-25.yaml:1:11: error: product `fe-25` is in category `forklift`"
        )),
        "{checked:#?}"
    );
    assert!(
        checked
            .iter()
            .any(|d| d.starts_with("locales/ru/site.ftl:21:14:")
                && d.contains("Fluent syntax error")),
        "{checked:#?}"
    );
    let out = brochure()
        .args(["check", "--no-pdf", "--root"])
        .arg(site.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("--> content/products/fe-25.yaml:1:11"),
        "{stdout}"
    );
    assert!(stdout.contains("The site does not build"), "{stdout}");
    assert!(
        stdout.contains("translations were checked in what loaded"),
        "{stdout}"
    );
}

#[test]
fn lang_limits_the_report() {
    let report = check(&CheckOptions {
        root: fixture_dir("check-gaps"),
        languages: vec!["ru".into()],
        no_pdf: true,
        ..CheckOptions::default()
    });
    assert_eq!(
        report
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>(),
        ["ru"]
    );
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.lang.as_deref().is_none_or(|l| l == "ru"))
    );
    assert!(report.products.iter().all(|p| p.languages.len() == 1));
    let report = check(&CheckOptions {
        root: fixture_dir("check-gaps"),
        languages: vec!["rus".into()],
        no_pdf: true,
        ..CheckOptions::default()
    });
    let f = finding(&report, Kind::Source, None, "brochure.toml");
    assert_eq!(f.message, "--lang rus: not a language of this site");
    assert_eq!(f.hint.as_deref(), Some("did you mean `ru`?"));
}

#[test]
fn exit_codes_strict_and_plain_text_when_piped() {
    let basic = fixture_dir("basic");
    // Gaps are warnings: exit 0; --strict makes them errors: exit 1.
    let out = brochure()
        .args(["check", "--no-pdf", "--root"])
        .arg(&basic)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains('\u{1b}'), "no colour when piped");
    // The last line: `OK: 0 errors, N warnings, 1 note in … ms`.
    let last = stdout.lines().last().unwrap_or_default();
    let warnings: usize = last
        .strip_prefix("OK: 0 errors, ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("summary line: {last}"));
    assert!(warnings >= 9, "{stdout}");
    assert!(
        last.contains(&format!("{warnings} warnings, 1 note in ")),
        "{last}"
    );
    let out = brochure()
        .args(["check", "--strict", "--no-pdf", "--root"])
        .arg(&basic)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "FAILED: {warnings} errors, 0 warnings, 1 note (--strict)"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("    10:3: error: product `ex-300`: `summary` has no Русский (ru) text"),
        "{stdout}"
    );
    // Broken links are errors even without --strict.
    let out = brochure()
        .args(["check", "--no-pdf", "--root"])
        .arg(fixture_dir("check-gaps"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_example_site_checks_clean_with_strict() {
    // With brochures and datasheets, exactly as `build` renders the site: product pages link
    // to their datasheets, and those links must resolve too.
    let report = check(&CheckOptions {
        root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        strict: true,
        ..CheckOptions::default()
    });
    let problems: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity != Level::Info)
        .map(|f| format!("{:?} {:?}: {}", f.place(), f.lang, f.message))
        .collect();
    assert!(report.ok, "{problems:#?}");
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(report.languages.iter().all(|l| l.score == 100));
    assert!(report.totals.pages > 90);
}

#[test]
fn json_document_has_the_documented_shape_and_is_deterministic() {
    let run = || {
        brochure()
            .args(["check", "--no-pdf", "--format", "json", "--root"])
            .arg(fixture_dir("check-gaps"))
            .output()
            .expect("run")
    };
    let (a, b) = (run(), run());
    assert_eq!(a.status.code(), Some(1));
    assert_eq!(a.stdout, b.stdout, "two runs print the same bytes");
    let doc: serde_json::Value = serde_json::from_slice(&a.stdout).expect("one JSON document");
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&doc),
        [
            "default_language",
            "findings",
            "languages",
            "ok",
            "products",
            "rendered",
            "schema",
            "strict",
            "totals"
        ]
    );
    assert_eq!(doc["schema"], "brochure-check/1");
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["default_language"], "en");
    assert_eq!(
        keys(&doc["totals"]),
        ["errors", "infos", "links", "pages", "warnings"]
    );
    assert_eq!(
        keys(&doc["languages"][2]),
        [
            "code",
            "missing_fields",
            "missing_messages",
            "missing_translations",
            "name",
            "score",
            "total",
            "translated",
            "variable_mismatches"
        ]
    );
    assert_eq!(doc["languages"][2]["code"], "ru");
    assert_eq!(
        keys(&doc["products"][0]),
        ["file", "id", "languages", "name"]
    );
    assert_eq!(
        keys(&doc["products"][0]["languages"][0]),
        ["code", "missing", "score", "total", "translated"]
    );
    let findings = doc["findings"].as_array().expect("findings");
    let kinds = [
        "source",
        "missing-field",
        "missing-translation",
        "missing-message",
        "message-variables",
        "unused-message",
        "broken-link",
        "broken-fragment",
        "missing-image",
        "image-alt",
        "unreachable-page",
    ];
    for f in findings {
        let mut k = keys(f);
        k.retain(|k| k != "pages");
        assert_eq!(
            k,
            [
                "column", "field", "file", "hint", "item", "kind", "lang", "line", "message",
                "severity"
            ]
        );
        assert!(kinds.contains(&f["kind"].as_str().unwrap_or("")), "{f}");
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap_or("")));
    }
    let link = findings
        .iter()
        .find(|f| f["kind"] == "broken-link" && f["file"] == "content/pages/about.en.md")
        .expect("broken link");
    assert_eq!(link["line"], 5);
    assert_eq!(link["column"], 45);
    assert_eq!(link["lang"], "en");
    assert_eq!(link["pages"], serde_json::json!(["/catalog/en/about/"]));
    let missing = findings
        .iter()
        .find(|f| f["kind"] == "missing-translation")
        .expect("missing translation");
    assert_eq!(missing["line"], serde_json::Value::Null);
}

#[test]
fn html_report_is_self_contained() {
    let out_dir = tempfile::tempdir().expect("temp dir");
    let path = out_dir.path().join("report.html");
    let out = brochure()
        .args(["check", "--no-pdf", "--root"])
        .arg(fixture_dir("check-gaps"))
        .arg("--html")
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&path).expect("report written");
    for needle in ["<script", "src=\"http", "href=\"http", "<link"] {
        assert!(
            !text.contains(needle),
            "the report loads nothing ({needle})"
        );
    }
    let doc = scraper::Html::parse_document(&text);
    let rows = select(&doc, "tr");
    let fe = rows
        .iter()
        .find(|r| text_of(r).contains("FE-25 Electric Forklift"))
        .expect("product row");
    let cells: Vec<String> = fe
        .select(&scraper::Selector::parse("td.score").expect("css"))
        .map(|c| c.value().attr("class").unwrap_or("").to_string())
        .collect();
    assert_eq!(cells, ["score full", "score full", "score mid"]);
    assert!(text_of(fe).contains("name, features"));
    assert!(text.contains("message `only-english` has no Русский (ru) translation"));
    assert!(text.contains("broken link `/catalog/downloads/price-list.pdf`"));
}
