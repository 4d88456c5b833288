//! `brochure translations export/import`: XLIFF 1.2 out, translations back in, and every other
//! byte of the sources left as it was.

mod common;
use brochure::xliff::{ExportOptions, ImportOptions, export, import};
use common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn export_to(root: &Path, lang: &str, missing_only: bool) -> String {
    let out = root.join(format!("{lang}.xlf"));
    export(&ExportOptions {
        root: root.to_path_buf(),
        lang: lang.into(),
        missing_only,
        output: out.clone(),
    })
    .unwrap_or_else(|e| panic!("export: {e:#?}"));
    let text = std::fs::read_to_string(&out).expect("read xliff");
    std::fs::remove_file(&out).expect("remove xliff");
    text
}

fn import_text(
    root: &Path,
    xliff: &str,
) -> Result<brochure::xliff::Done, Vec<brochure::diagnostics::Diagnostic>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("in.xlf");
    std::fs::write(&file, xliff).expect("write xliff");
    import(&ImportOptions {
        root: root.to_path_buf(),
        file,
    })
}

/// The `(id, source, target)` of every trans-unit, read with quick-xml like a CAT tool would.
fn units(xliff: &str) -> Vec<(String, String, Option<String>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xliff);
    let mut out = Vec::new();
    let mut current: Option<(String, String, Option<String>)> = None;
    let mut field: Option<&str> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.local_name().as_ref() == "trans-unit" => {
                let id = e.try_get_attribute("id").expect("attr").expect("id");
                current = Some((id.value.to_string(), String::new(), None));
            }
            Event::Start(e) if e.local_name().as_ref() == "source" => field = Some("source"),
            Event::Start(e) if e.local_name().as_ref() == "target" => {
                field = Some("target");
                if let Some(c) = &mut current {
                    c.2 = Some(String::new());
                }
            }
            Event::Text(t) => {
                if let (Some(f), Some(c)) = (field, &mut current) {
                    let text = t.xml10_content();
                    if f == "source" {
                        c.1.push_str(&text)
                    } else if let Some(tg) = &mut c.2 {
                        tg.push_str(&text)
                    }
                }
            }
            Event::GeneralRef(r) => {
                if let (Some(f), Some(c)) = (field, &mut current) {
                    let ch = match &*r {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        _ => '?',
                    };
                    if f == "source" {
                        c.1.push(ch)
                    } else if let Some(tg) = &mut c.2 {
                        tg.push(ch)
                    }
                }
            }
            Event::End(e) if matches!(e.local_name().as_ref(), "source" | "target") => field = None,
            Event::End(e) if e.local_name().as_ref() == "trans-unit" => out.extend(current.take()),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Adds `<target>` after the `<source>` of trans-unit `id`.
fn translate(xliff: &str, id: &str, target: &str) -> String {
    let start = xliff
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no unit {id}"));
    let end = start + xliff[start..].find("</source>").expect("source") + "</source>".len();
    let escaped = target
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "{}\n        <target>{escaped}</target>{}",
        &xliff[..end],
        &xliff[end..]
    )
}

fn sources(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = snapshot(root);
    all.retain(|k, _| !k.starts_with("public/"));
    all
}

#[test]
fn export_missing_only_lists_exactly_the_gaps() {
    let site = fixture("check-gaps");
    let xliff = export_to(site.path(), "ru", true);
    assert!(xliff.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"));
    assert!(xliff.contains("<file original=\"content/products/fe-25.yaml\" source-language=\"en-US\" target-language=\"ru-RU\" datatype=\"plaintext\">"));
    let got = units(&xliff);
    let expected = [
        ("ftl:obsolete-banner", "Summer sale"),
        ("ftl:only-english", "Only in English"),
        ("product:ex-300:summary", "A 30-tonne crawler excavator."),
        ("product:fe-25:name", "FE-25 Electric Forklift"),
        ("product:fe-25:features:1", "Lithium battery"),
        ("product:fe-25:features:2", "Quiet drive"),
    ];
    assert_eq!(
        got.iter()
            .map(|(i, s, t)| (i.as_str(), s.as_str(), t.is_none()))
            .collect::<Vec<_>>(),
        expected
            .iter()
            .map(|(i, s)| (*i, *s, true))
            .collect::<Vec<_>>()
    );
    // A full export also carries what is translated, as targets.
    let all = units(&export_to(site.path(), "ru", false));
    let count = all
        .iter()
        .find(|u| u.0 == "ftl:machine-count")
        .expect("plural message");
    assert_eq!(
        count.1,
        "{ $count } { $count ->\n    [one] machine\n   *[other] machines\n}"
    );
    assert_eq!(
        count.2.as_deref(),
        Some("{ $count } { $count ->\n    [one] станок\n    [few] станка\n   *[many] станков\n}")
    );
    let nav = all
        .iter()
        .find(|u| u.0 == "ftl:nav-products")
        .expect("theme message");
    assert_eq!(
        (nav.1.as_str(), nav.2.as_deref()),
        ("Products", Some("Продукция"))
    );
    let cat = all
        .iter()
        .find(|u| u.0 == "category:forklifts:name")
        .expect("category");
    assert_eq!(cat.2.as_deref(), Some("Электропогрузчики"));
}

#[test]
fn round_trip_writes_only_the_translations() {
    let site = fixture("check-gaps");
    let root = site.path();
    let before = sources(root);
    // Importing an untouched full export changes nothing at all.
    let full = export_to(root, "ru", false);
    let done = import_text(root, &full).expect("import");
    assert!(done.written.is_empty(), "{:?}", done.written);
    assert_eq!(sources(root), before);

    let mut xliff = export_to(root, "ru", true);
    xliff = translate(&xliff, "ftl:only-english", "Только по-английски");
    xliff = translate(
        &xliff,
        "product:ex-300:summary",
        "Гусеничный экскаватор массой 30 т: «карьерный»",
    );
    xliff = translate(&xliff, "product:fe-25:name", "Электропогрузчик FE-25");
    xliff = translate(&xliff, "product:fe-25:features:1", "Литиевая батарея");
    xliff = translate(&xliff, "product:fe-25:features:2", "Тихий ход");
    let done = import_text(root, &xliff).expect("import");
    assert_eq!(
        done.summary,
        "Imported 5 translations into 3 files (1 not translated yet, 0 unchanged)"
    );
    assert_eq!(
        done.written,
        [
            "content/products/ex-300.yaml",
            "content/products/fe-25.yaml",
            "locales/ru/site.ftl"
        ]
    );
    let after = sources(root);
    let text =
        |k: &str, m: &BTreeMap<String, Vec<u8>>| String::from_utf8(m[k].clone()).expect("utf-8");
    for (k, v) in &before {
        if !done.written.contains(k) {
            assert_eq!(&after[k], v, "{k} is unchanged");
        }
    }
    assert_eq!(
        text("content/products/ex-300.yaml", &after),
        text("content/products/ex-300.yaml", &before).replace(
            "  zh: 30 吨级履带式挖掘机。\n",
            "  zh: 30 吨级履带式挖掘机。\n  ru: \"Гусеничный экскаватор массой 30 т: «карьерный»\"\n"
        )
    );
    assert_eq!(
        text("content/products/fe-25.yaml", &after),
        text("content/products/fe-25.yaml", &before)
            .replace(
                "  zh: FE-25 电动叉车\n",
                "  zh: FE-25 电动叉车\n  ru: Электропогрузчик FE-25\n"
            )
            .replace(
                "  zh: [锂电池, 静音驱动]\n",
                "  zh: [锂电池, 静音驱动]\n  ru: [Литиевая батарея, Тихий ход]\n"
            )
    );
    assert_eq!(
        text("locales/ru/site.ftl", &after),
        format!(
            "{}only-english = Только по-английски\n",
            text("locales/ru/site.ftl", &before)
        )
    );
    // The site builds and those gaps are closed.
    build_site_no_pdf(root).expect("builds");
    let left = units(&export_to(root, "ru", true));
    assert_eq!(
        left.iter().map(|u| u.0.as_str()).collect::<Vec<_>>(),
        ["ftl:obsolete-banner"]
    );

    // Changing existing translations: a plural message (replaced in place, keeping the comment
    // and the messages around it), a flow mapping, a Markdown block.
    let mut xliff = export_to(root, "ru", false);
    let before = sources(root);
    xliff = xliff.replace(
        "<target state=\"translated\">Есть в наличии</target>",
        "<target state=\"translated\">В наличии: { $count }</target>",
    );
    xliff = xliff.replace(
        "<target state=\"translated\">Электропогрузчики</target>",
        "<target state=\"translated\">Погрузчики, электрические</target>",
    );
    xliff = xliff.replace(
        "<target state=\"translated\">Создан для карьеров. См. [погрузчик](@/products/fe-25) и [новости](@/news/visit).\n</target>",
        "<target state=\"translated\">Создан для карьеров.\n\nСм. [погрузчик](@/products/fe-25).\n</target>",
    );
    let done = import_text(root, &xliff).expect("import");
    assert_eq!(
        done.written,
        [
            "content/categories.yaml",
            "content/products/ex-300.yaml",
            "locales/ru/site.ftl"
        ]
    );
    let after = sources(root);
    assert_eq!(
        text("content/categories.yaml", &after),
        text("content/categories.yaml", &before).replace(
            "ru: Электропогрузчики}",
            "ru: \"Погрузчики, электрические\"}"
        )
    );
    assert_eq!(
        text("content/products/ex-300.yaml", &after),
        text("content/products/ex-300.yaml", &before).replace(
            "  ru: |\n    Создан для карьеров. См. [погрузчик](@/products/fe-25) и [новости](@/news/visit).\n",
            "  ru: |\n    Создан для карьеров.\n\n    См. [погрузчик](@/products/fe-25).\n"
        )
    );
    assert_eq!(
        text("locales/ru/site.ftl", &after),
        text("locales/ru/site.ftl", &before).replace(
            "stock-count = Есть в наличии\n",
            "stock-count = В наличии: { $count }\n"
        )
    );
    build_site_no_pdf(root).expect("builds");
}

#[test]
fn bad_or_stale_xliff_is_refused_and_nothing_is_written() {
    let site = fixture("check-gaps");
    let root = site.path();
    let before = sources(root);
    let xliff = export_to(root, "ru", true);
    let good = translate(&xliff, "product:fe-25:name", "Электропогрузчик FE-25");
    // An unknown id, a source changed since the export, a translation that is not Fluent —
    // alongside a good unit: all are reported, nothing is written.
    let bad = translate(&good, "ftl:only-english", "Только { $x")
        .replace("product:ex-300:summary", "product:ex-301:summary")
        .replace(
            "<source>Summer sale</source>",
            "<source>Winter sale</source>\n        <target>Зимняя распродажа</target>",
        );
    let errors = import_text(root, &bad).expect_err("refused");
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(
        messages[0]
            .contains("error: the en text of `ftl:obsolete-banner` changed since the export"),
        "{messages:#?}"
    );
    assert!(
        messages[0].contains("hint: the text is now: Summer sale"),
        "{messages:#?}"
    );
    assert!(
        messages[1]
            .contains("error: the translation of `ftl:only-english` is not a valid Fluent message"),
        "{messages:#?}"
    );
    assert!(
        messages[2].contains("error: unknown trans-unit `product:ex-301:summary`"),
        "{messages:#?}"
    );
    assert!(
        errors
            .iter()
            .all(|e| e.location.file.ends_with("in.xlf") && e.location.line > 1)
    );
    assert_eq!(sources(root), before, "nothing was written");
    // Malformed XML and a wrong language are refused too.
    let errors = import_text(
        root,
        "<xliff><file target-language=\"ru-RU\"><body><trans-unit id=\"x\"></file>",
    )
    .expect_err("bad XML");
    assert!(
        errors[0]
            .message
            .starts_with("the XLIFF file is not valid XML"),
        "{errors:#?}"
    );
    let errors = import_text(
        root,
        &good.replace("target-language=\"ru-RU\"", "target-language=\"en-US\""),
    )
    .expect_err("default language");
    assert!(
        errors[0].message.contains("`en` is the default language"),
        "{errors:#?}"
    );
    assert_eq!(sources(root), before);
}

#[test]
fn a_list_is_written_only_when_every_line_is_translated() {
    let site = fixture("check-gaps");
    let root = site.path();
    let xliff = translate(
        &export_to(root, "ru", true),
        "product:fe-25:features:1",
        "Литиевая батарея",
    );
    let done = import_text(root, &xliff).expect("import");
    assert!(done.written.is_empty());
    assert_eq!(done.warnings.len(), 1);
    assert_eq!(
        done.warnings[0].to_string(),
        "content/products/fe-25.yaml:1:1: warning: `features` not imported: 1 of 2 lines are translated (hint: the list is written when every line has a translation)"
    );
}

#[test]
fn round_trip_on_the_example_site_files() {
    // The real catalog: block mappings, block scalars with Markdown, Chinese, theme messages.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = tempfile::tempdir().expect("temp dir");
    for part in ["brochure.toml", "content", "locales", "static", "themes"] {
        let from = repo.join(part);
        if from.is_dir() {
            copy_dir(&from, &site.path().join(part));
        } else {
            std::fs::copy(&from, site.path().join(part)).expect("copy");
        }
    }
    let root = site.path();
    let before = sources(root);
    for lang in ["zh", "ru"] {
        let done = import_text(root, &export_to(root, lang, false)).expect("import");
        assert!(done.written.is_empty(), "{lang}: {:?}", done.written);
    }
    assert_eq!(
        sources(root),
        before,
        "an unedited round trip is byte-identical"
    );
    let xliff = export_to(root, "zh", false);
    let all = units(&xliff);
    let summary = all
        .iter()
        .find(|u| u.0 == "product:ex-210:summary")
        .expect("unit");
    let old_target = summary.2.clone().expect("translated");
    let edited = xliff.replacen(
        &format!(
            "<target state=\"translated\">{}</target>",
            old_target.replace('&', "&amp;")
        ),
        "<target state=\"translated\">新的简介。</target>",
        1,
    );
    let done = import_text(root, &edited).expect("import");
    assert_eq!(done.written.len(), 1, "{:?}", done.written);
    let after = sources(root);
    let file = "content/products/ex-210.yaml";
    let old = String::from_utf8(before[file].clone()).expect("utf-8");
    let new = String::from_utf8(after[file].clone()).expect("utf-8");
    assert_eq!(new, old.replacen(&old_target, "新的简介。", 1));
    for (k, v) in &before {
        if k != file {
            assert_eq!(&after[k], v, "{k} unchanged");
        }
    }
}

#[test]
fn command_line_export_and_import() {
    let site = fixture("check-gaps");
    let xlf = site.path().join("ru.xlf");
    let out = Command::new(env!("CARGO_BIN_EXE_brochure"))
        .args([
            "translations",
            "export",
            "--lang",
            "ru",
            "--missing-only",
            "--root",
        ])
        .arg(site.path())
        .arg("--output")
        .arg(&xlf)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("Exported 6 strings for ru (6 not translated yet) → ")
    );
    let text = std::fs::read_to_string(&xlf).expect("xliff");
    std::fs::write(
        &xlf,
        translate(&text, "product:fe-25:name", "Электропогрузчик FE-25"),
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_brochure"))
        .args(["translations", "import", "--root"])
        .arg(site.path())
        .arg(&xlf)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Imported 1 translation into 1 file (5 not translated yet, 0 unchanged)\n"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_brochure"))
        .args([
            "translations",
            "export",
            "--lang",
            "fr",
            "--output",
            "x.xlf",
            "--root",
        ])
        .arg(site.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: `fr` is not a language of this site"),
        "{stderr}"
    );
    assert!(stderr.contains("no file was changed"), "{stderr}");
}
