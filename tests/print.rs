//! PDF brochures and datasheets, read back with a PDF library.

mod common;
use common::*;
use lopdf::{Document, Object};
use std::path::Path;

fn pdf(root: &Path, rel: &str) -> Document {
    let bytes =
        std::fs::read(root.join("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    Document::load_mem(&bytes).unwrap_or_else(|e| panic!("{rel} is not a readable PDF: {e}"))
}

/// The document's text with every run of white space (line breaks, no-break spaces) made one
/// space: extraction breaks lines where the layout did.
fn text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let raw = doc.extract_text(&pages).expect("text");
    raw.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn rect(doc: &Document, page: lopdf::ObjectId, key: &[u8]) -> [f32; 4] {
    let dict = doc.get_dictionary(page).expect("page dict");
    let Ok(Object::Array(values)) = dict.get(key) else {
        panic!("page has no {}", String::from_utf8_lossy(key));
    };
    let n: Vec<f32> = values
        .iter()
        .map(|v| v.as_float().expect("number"))
        .collect();
    [n[0], n[1], n[2], n[3]]
}

const MM: f32 = 72.0 / 25.4;

#[test]
fn brochures_and_datasheets_in_every_language() {
    let site = fixture("basic");
    let report = build_site(site.path()).expect("build");
    assert_eq!(
        report.pdfs,
        3 + 3 * 4,
        "one catalog and four datasheets per language"
    );
    for lang in ["en", "zh", "ru"] {
        assert!(
            site.path()
                .join(format!("public/brochures/catalog.{lang}.pdf"))
                .is_file()
        );
        let page = html(site.path(), &format!("{lang}/products/ex-300/index.html"));
        let link = select(&page, "a[href$=\".pdf\"]");
        assert_eq!(link.len(), 1, "{lang}: one datasheet link");
        let href = link[0].attr("href").unwrap_or_default();
        assert_eq!(
            href,
            format!("/catalog/{lang}/products/ex-300/ex-300-{lang}.pdf")
        );
        let label = text_of(&link[0]);
        let size = std::fs::metadata(
            site.path()
                .join(format!("public/{lang}/products/ex-300/ex-300-{lang}.pdf")),
        )
        .expect("datasheet")
        .len();
        let kb = size.div_ceil(1024).to_string();
        assert!(
            label.contains("PDF") && label.contains(&kb),
            "{lang}: {label:?} should name {kb} KB"
        );
    }
    let ru = html(site.path(), "ru/products/ex-300/index.html");
    assert!(text_of(&select(&ru, "a[href$=\".pdf\"]")[0]).contains("КБ"));
}

#[test]
fn brochure_pages_have_bleed_trim_and_embedded_fonts() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    let doc = pdf(site.path(), "brochures/catalog.ru.pdf");
    let pages = doc.get_pages();
    assert!(
        pages.len() >= 6,
        "cover, contents, openers, products, back: {}",
        pages.len()
    );
    // bleed 3 mm + 10 mm slug for the crop marks on every side.
    let expected = 13.0 * MM;
    for (&n, &id) in &pages {
        let media = rect(&doc, id, b"MediaBox");
        let trim = rect(&doc, id, b"TrimBox");
        for (i, (m, t)) in media.iter().zip(trim.iter()).enumerate() {
            let inset = if i < 2 { t - m } else { m - t };
            assert!(
                (inset - expected).abs() < 0.1,
                "page {n}: TrimBox inset {inset} pt, want {expected}"
            );
        }
        // A4 trim size.
        assert!(((trim[2] - trim[0]) - 210.0 * MM).abs() < 0.2);
        assert!(((trim[3] - trim[1]) - 297.0 * MM).abs() < 0.2);
    }
    let mut fonts = 0;
    for (_, object) in doc.objects.iter() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(Object::as_name).ok()
                == Some(b"FontDescriptor".as_slice())
        {
            fonts += 1;
            assert!(
                dict.has(b"FontFile") || dict.has(b"FontFile2") || dict.has(b"FontFile3"),
                "font descriptor without embedded font: {dict:?}"
            );
        }
    }
    assert!(fonts >= 2, "regular and bold are embedded, found {fonts}");
}

#[test]
fn pdf_text_has_names_and_locale_numbers_in_each_language() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    let ru = text(&pdf(site.path(), "brochures/catalog.ru.pdf"));
    assert!(ru.contains("Экскаватор EX-300"), "Russian name");
    assert!(ru.contains("Эксплуатационная масса"));
    assert!(ru.contains("1 234 567,5"), "Russian number");
    assert!(!ru.contains("1,234,567.5"), "no English number in Russian");
    let zh = text(&pdf(site.path(), "brochures/catalog.zh.pdf"));
    assert!(zh.contains("EX-300 挖掘机"), "Chinese name");
    assert!(zh.contains("1,234,567.5"));
    let en = text(&pdf(site.path(), "en/products/ex-300/ex-300-en.pdf"));
    assert!(en.contains("EX-300 Excavator"));
    assert!(en.contains("1,234,567.5"));
    assert!(en.contains("Quiet cab"));
    let doc = pdf(site.path(), "ru/products/ex-300/ex-300-ru.pdf");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("Info");
    let info = doc.get_dictionary(info).expect("info dict");
    assert!(info.has(b"Title") && info.has(b"Author") && info.has(b"CreationDate"));
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(
        catalog.get(b"Lang").and_then(Object::as_str).ok(),
        Some(b"ru-RU".as_slice()),
        "document language"
    );
}

#[test]
fn hostile_text_prints_literally_and_runs_nothing() {
    let site = fixture("basic");
    build_site(site.path()).expect("hostile names must not break the build");
    let en = text(&pdf(
        site.path(),
        "en/products/typst-hostile/typst-hostile-en.pdf",
    ));
    let flat = en;
    for literal in [
        "#panic(\"x\")",
        "$math$",
        "*bold*",
        "_it_",
        "@ref",
        "<label>",
        "`raw`",
        "back\\slash",
        "= not a heading // not a comment /* nor this */ #let x = 1",
        "#set page(width: 1cm)",
        "- not a list",
    ] {
        assert!(
            flat.contains(literal),
            "{literal:?} not printed literally in:\n{flat}"
        );
    }
    // `#set page(width: 1cm)` did not run: the page is still A4.
    let doc = pdf(
        site.path(),
        "en/products/typst-hostile/typst-hostile-en.pdf",
    );
    let (_, &first) = doc.get_pages().iter().next().expect("a page");
    let media = rect(&doc, first, b"MediaBox");
    assert!(((media[2] - media[0]) - 210.0 * MM).abs() < 0.2);
}

#[test]
fn broken_print_template_gives_a_located_error() {
    let site = fixture("basic");
    let root = site.path();
    std::fs::create_dir_all(root.join("print")).expect("mkdir");
    // A Typst error (unknown variable) on line 3 of a site override.
    std::fs::write(
        root.join("print/datasheet.typ"),
        "#set text(lang: {{ lang | typ_str }})\n= {{ product.name }}\n#undefined-function(1)\n",
    )
    .expect("write");
    let failure = build_site(root).expect_err("broken template");
    let e = failure.errors().next().expect("an error");
    assert_eq!(
        (e.location.file.as_str(), e.location.line),
        ("print/datasheet.typ", 3),
        "{e}"
    );
    assert!(
        e.message
            .contains("Typst error in print template `datasheet.typ`"),
        "{e}"
    );
    assert!(e.message.contains("undefined-function"), "{e}");
    // A Tera syntax error in a print template is located too.
    std::fs::write(root.join("print/datasheet.typ"), "ok\n{% if x %}\n").expect("write");
    let failure = build_site(root).expect_err("broken template");
    let e = failure.errors().next().expect("an error");
    assert_eq!(e.location.file, "print/datasheet.typ", "{e}");
    assert!(e.message.contains("template syntax error"), "{e}");
}

#[test]
fn no_pdf_skips_pdfs_and_their_links() {
    let site = fixture("basic");
    let mut o = options(site.path());
    o.no_pdf = true;
    let report = brochure::build::build(&o).expect("build");
    assert_eq!(report.pdfs, 0);
    assert!(!site.path().join("public/brochures").exists());
    let page = html(site.path(), "en/products/ex-300/index.html");
    assert!(select(&page, "a[href$=\".pdf\"]").is_empty());
}

#[test]
fn configured_brochures_pdf_a_and_campaign() {
    let site = fixture("basic");
    let root = site.path();
    let mut config = std::fs::read_to_string(root.join("brochure.toml")).expect("config");
    config.push_str(
        "\n[[brochures]]\nid = \"forklifts\"\ncategories = [\"forklifts\"]\npaper = \"a5\"\nbleed_mm = 0\ncrop_marks = false\ncampaign = \"expo-2026\"\npdf_standard = \"a-2b\"\n",
    );
    std::fs::write(root.join("brochure.toml"), &config).expect("write");
    build_site(root).expect("build");
    assert!(
        !root.join("public/brochures/catalog.en.pdf").exists(),
        "configured brochures replace the default"
    );
    let doc = pdf(root, "brochures/forklifts.en.pdf");
    let t = text(&doc);
    assert!(t.contains("FE-25 Electric Forklift"));
    assert!(!t.contains("EX-300 Excavator"), "only the chosen category");
    let (_, &first) = doc.get_pages().iter().next().expect("page");
    let media = rect(&doc, first, b"MediaBox");
    assert!(
        ((media[2] - media[0]) - 148.0 * MM).abs() < 0.3,
        "A5 without bleed"
    );
    let bytes = std::fs::read(root.join("public/brochures/forklifts.en.pdf")).expect("read");
    assert!(
        String::from_utf8_lossy(&bytes).contains("pdfaid:part"),
        "PDF/A identification in XMP"
    );
    // An unknown category in a brochure is an error in brochure.toml.
    std::fs::write(
        root.join("brochure.toml"),
        config.replace("[\"forklifts\"]", "[\"forklift\"]"),
    )
    .expect("write");
    let failure = build_site(root).expect_err("unknown category");
    let e = failure.errors().next().expect("error");
    assert_eq!(e.location.file, "brochure.toml");
    assert!(e.message.contains("`forklift`"), "{e}");
    assert_eq!(e.hint.as_deref(), Some("did you mean `forklifts`?"));
}

#[test]
fn unprintable_characters_and_low_resolution_images_warn() {
    let site = fixture("basic");
    let root = site.path();
    let path = root.join("content/products/fe-25.yaml");
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace(
            "2.5 t lithium forklift.",
            "2.5 t lithium forklift \u{10FFFD}.",
        )
        .replace(
            "category: forklifts",
            "category: forklifts\nimage: images/low-res.png",
        );
    std::fs::write(&path, text).expect("write");
    let report = build_site(root).expect("warnings only");
    let glyph = report
        .warnings
        .iter()
        .find(|w| {
            w.message
                .contains("no font of the theme or the site can print")
        })
        .expect("glyph warning");
    assert!(
        glyph.message.contains("product `fe-25`") && glyph.message.contains("U+10FFFD"),
        "{glyph}"
    );
    // At the character itself: its line, and the column after "2.5 t lithium forklift ".
    let written = std::fs::read_to_string(&path).expect("read");
    let (line, column) = written
        .lines()
        .enumerate()
        .find_map(|(n, l)| {
            l.chars()
                .position(|c| c == '\u{10FFFD}')
                .map(|c| (n + 1, c + 1))
        })
        .expect("the character is in the file");
    assert_eq!(
        (
            glyph.location.file.as_str(),
            glyph.location.line,
            glyph.location.column
        ),
        ("content/products/fe-25.yaml", line, column),
        "{glyph}"
    );
    // A CJK character the bundled Noto Sans CJK SC lacks is not taken from a system font:
    // the same sources print the same everywhere, and the build says so.
    std::fs::write(
        &path,
        written.replace("2.5 t lithium forklift", "2.5 t lithium forklift 龘"),
    )
    .expect("write");
    let report = build_site(root).expect("warnings only");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("product `fe-25`") && w.message.contains("龘 (U+9F98)")),
        "{:#?}",
        report.warnings
    );
    // One warning for the picture, at the product line that names it, though the datasheets
    // in three languages and the brochures all print it.
    let low: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message.contains("too small for print"))
        .collect();
    assert_eq!(low.len(), 1, "{low:#?}");
    assert_eq!(
        low[0].message,
        "`images/low-res.png` (60×40 px) is too small for print: below 300 dpi where it is printed"
    );
    assert_eq!(
        (low[0].location.file.as_str(), low[0].location.line),
        ("content/products/fe-25.yaml", 2)
    );
    let hint = low[0].hint.as_deref().unwrap_or("");
    assert!(hint.starts_with("use a picture at least "), "{hint}");
}

#[test]
fn pdf_a_with_cmyk_is_a_clear_error_not_a_crash() {
    let site = fixture("basic");
    let root = site.path();
    std::fs::create_dir_all(root.join("print")).expect("mkdir");
    std::fs::write(
        root.join("print/brochure.typ"),
        "#set text(fill: cmyk(0%, 0%, 0%, 100%))\nHello {{ brochure.title }}\n",
    )
    .expect("write");
    let mut config = std::fs::read_to_string(root.join("brochure.toml")).expect("config");
    config.push_str("\n[[brochures]]\nid = \"archive\"\npdf_standard = \"a-2b\"\n");
    std::fs::write(root.join("brochure.toml"), config).expect("write");
    let failure = build_site(root).expect_err("CMYK in PDF/A-2b");
    let e = failure.errors().next().expect("error");
    assert!(e.message.contains("PDF/A-2b"), "{e}");
    assert_eq!(e.location.file, "print/brochure.typ");
    assert!(e.hint.as_deref().is_some_and(|h| h.contains("RGB")), "{e}");
}

/// Deep Markdown nesting in a description (issue 8): 32 list levels failed every PDF with
/// "maximum show rule depth exceeded", and 100,000 levels asked for 8 GB. Both now print,
/// flattened, and the text is still there.
#[test]
fn deeply_nested_markdown_prints_flattened() {
    let site = fixture("basic");
    let nested: String = (0..32)
        .map(|level| format!("    {}- level {level}\n", "  ".repeat(level)))
        .collect();
    let runaway = format!("{}x", "- ".repeat(100_000));
    std::fs::write(
        site.path().join("content/products/nested.yaml"),
        format!(
            "category: forklifts\nname:\n  en: Nested Truck\nsummary:\n  en: Deep lists.\ndescription:\n  en: |\n{nested}  ru: \"{runaway}\"\nspecs:\n  rated-load: {{value: 2500, unit: kg}}\n"
        ),
    )
    .expect("write product");
    let report = build_site(site.path()).unwrap_or_else(|f| panic!("{:#?}", f.diagnostics));
    assert!(report.pdfs > 0);
    let doc = pdf(site.path(), "en/products/nested/nested-en.pdf");
    let printed = text(&doc);
    assert!(printed.contains("level 0"), "{printed}");
    assert!(printed.contains("level 31"), "{printed}");
    assert!(
        site.path()
            .join("public/ru/products/nested/nested-ru.pdf")
            .is_file()
    );
}

/// Valid BCP 47 locales that Typst cannot take whole (a script subtag, a numeric region) still
/// print: Typst gets the language and a two-letter region only.
#[test]
fn locales_with_scripts_and_numeric_regions_print() {
    let site = fixture("basic");
    let config = site.path().join("brochure.toml");
    let text = std::fs::read_to_string(&config).expect("read");
    let text = text
        .replace("locale = \"zh-CN\"", "locale = \"zh-Hans-CN\"")
        .replace("locale = \"en-US\"", "locale = \"es-419\"");
    std::fs::write(&config, text).expect("write");
    let report = build_site(site.path()).unwrap_or_else(|f| panic!("{:#?}", f.diagnostics));
    assert!(report.pdfs > 0);
    let zh = text_of_pdf(site.path(), "zh/products/ex-300/ex-300-zh.pdf");
    assert!(zh.contains("EX-300"), "{zh}");
    let en = text_of_pdf(site.path(), "en/products/ex-300/ex-300-en.pdf");
    assert!(en.contains("EX-300 Excavator"), "{en}");
}

fn text_of_pdf(root: &Path, rel: &str) -> String {
    text(&pdf(root, rel))
}

/// The stream an entry of `dict` refers to.
fn referenced_stream<'a>(
    doc: &'a Document,
    dict: &lopdf::Dictionary,
    key: &[u8],
) -> &'a lopdf::Stream {
    let id = dict
        .get(key)
        .and_then(Object::as_reference)
        .unwrap_or_else(|_| panic!("no {}", String::from_utf8_lossy(key)));
    doc.get_object(id)
        .and_then(Object::as_stream)
        .unwrap_or_else(|_| panic!("{} is not a stream", String::from_utf8_lossy(key)))
}

/// A text value of a PDF dictionary.
fn pdf_text(dict: &lopdf::Dictionary, key: &[u8]) -> String {
    match dict.get(key) {
        Ok(Object::String(bytes, _)) => String::from_utf8_lossy(bytes).into_owned(),
        Ok(Object::Name(name)) => String::from_utf8_lossy(name).into_owned(),
        other => panic!("{}: {other:?}", String::from_utf8_lossy(key)),
    }
}

#[test]
fn brochures_are_pdf_x4_with_a_cmyk_output_intent_and_declared_bleed() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("build");
    for lang in ["en", "ru", "zh"] {
        let rel = format!("brochures/catalog.{lang}.pdf");
        let doc = pdf(root, &rel);
        // PDF/X-4 is built on PDF 1.6.
        assert_eq!(doc.version, "1.6", "{rel}");
        // One OutputIntent: GTS_PDFX, FOGRA39, with a CMYK output profile embedded.
        let catalog = doc.catalog().expect("catalog");
        let intents = catalog
            .get(b"OutputIntents")
            .and_then(Object::as_array)
            .expect("OutputIntents");
        assert_eq!(intents.len(), 1, "{rel}");
        let intent = doc
            .get_dictionary(intents[0].as_reference().expect("ref"))
            .expect("intent");
        assert_eq!(pdf_text(intent, b"S"), "GTS_PDFX");
        assert_eq!(pdf_text(intent, b"OutputConditionIdentifier"), "FOGRA39");
        assert_eq!(pdf_text(intent, b"RegistryName"), "http://www.color.org");
        let profile = referenced_stream(&doc, intent, b"DestOutputProfile");
        assert_eq!(
            profile.dict.get(b"N").and_then(Object::as_i64).ok(),
            Some(4)
        );
        let icc = profile.decompressed_content().expect("icc");
        assert_eq!(&icc[12..20], b"prtrCMYK", "an output profile for CMYK");
        // Info: the PDF/X version, trapping stated, a title and both dates.
        let info = doc
            .get_dictionary(
                doc.trailer
                    .get(b"Info")
                    .and_then(Object::as_reference)
                    .expect("Info"),
            )
            .expect("info");
        assert_eq!(pdf_text(info, b"GTS_PDFXVersion"), "PDF/X-4");
        assert_eq!(pdf_text(info, b"Trapped"), "False");
        for key in [b"Title".as_slice(), b"CreationDate", b"ModDate"] {
            assert!(
                info.has(key),
                "{rel}: Info has no {}",
                String::from_utf8_lossy(key)
            );
        }
        assert!(doc.trailer.has(b"ID"), "{rel}: a file identifier");
        // XMP says the same, once.
        let xmp = referenced_stream(&doc, catalog, b"Metadata");
        let xmp = String::from_utf8(
            xmp.decompressed_content()
                .unwrap_or_else(|_| xmp.content.clone()),
        )
        .expect("utf-8 XMP");
        let parsed = roxmltree::Document::parse(
            xmp.trim_start_matches(|c| c != '<')
                .split("<?xpacket end")
                .next()
                .unwrap_or("")
                .split_once("?>")
                .map_or("", |(_, rest)| rest),
        )
        .expect("well-formed XMP");
        let values = |local: &str| -> Vec<String> {
            parsed
                .descendants()
                .filter(|n| n.tag_name().name() == local)
                .filter_map(|n| n.text().map(str::to_string))
                .collect()
        };
        assert_eq!(
            values("GTS_PDFXVersion").first().map(String::as_str),
            Some("PDF/X-4")
        );
        assert_eq!(values("Trapped"), ["False"]);
        assert_eq!(values("RenditionClass"), ["default"]);
        assert_eq!(values("VersionID"), ["1"]);
        assert_eq!(values("DocumentID").len(), 1);
        // Every page: BleedBox 3 mm outside the TrimBox, inside the MediaBox.
        for (&n, &id) in &doc.get_pages() {
            let media = rect(&doc, id, b"MediaBox");
            let trim = rect(&doc, id, b"TrimBox");
            let bleed = rect(&doc, id, b"BleedBox");
            for i in 0..4 {
                let outward = if i < 2 {
                    trim[i] - bleed[i]
                } else {
                    bleed[i] - trim[i]
                };
                assert!(
                    (outward - 3.0 * MM).abs() < 0.05,
                    "{rel} page {n}: bleed {outward} pt"
                );
                let inside = if i < 2 {
                    bleed[i] >= media[i]
                } else {
                    bleed[i] <= media[i]
                };
                assert!(inside, "{rel} page {n}: BleedBox outside the MediaBox");
            }
        }
    }
    // Datasheets are for download: plain PDF, no OutputIntent.
    let sheet = pdf(root, "en/products/ex-300/ex-300-en.pdf");
    assert!(
        sheet
            .catalog()
            .expect("catalog")
            .get(b"OutputIntents")
            .is_err()
    );
    // And `pdf_standard = "none"` opts a brochure out.
    let mut config = std::fs::read_to_string(root.join("brochure.toml")).expect("config");
    config.push_str("\n[[brochures]]\nid = \"plain\"\npdf_standard = \"none\"\n");
    std::fs::write(root.join("brochure.toml"), &config).expect("write");
    build_site(root).expect("build");
    let plain = pdf(root, "brochures/plain.en.pdf");
    assert!(
        plain
            .catalog()
            .expect("catalog")
            .get(b"OutputIntents")
            .is_err()
    );
    assert_eq!(plain.version, "1.7");
}

/// What a page draws, read from its content stream: the text runs with their size and fill
/// colour, and the filled paths with their fill colour, number of subpaths and extent.
#[derive(Debug, Default)]
struct Drawn {
    /// (font size in pt, fill colour as CMYK, or `None` when not set with `k`).
    text: Vec<(f32, Option<[f32; 4]>)>,
    paths: Vec<FilledPath>,
}

/// (fill colour, subpaths, [min x, min y, max x, max y], first subpath's height).
type FilledPath = (Option<[f32; 4]>, usize, [f32; 4], f32);

fn drawn(doc: &Document, page: lopdf::ObjectId) -> Drawn {
    let content = doc.get_page_content(page);
    let ops = lopdf::content::Content::decode(&content)
        .expect("decode")
        .operations;
    let num = |o: &Object| o.as_float().unwrap_or(0.0);
    let mut out = Drawn::default();
    let mut fill: Option<[f32; 4]> = None;
    let mut stack = Vec::new();
    let mut size = 0.0;
    let (mut subpaths, mut bbox, mut first_h, mut points) =
        (0, [f32::MAX, f32::MAX, f32::MIN, f32::MIN], 0.0, Vec::new());
    for op in ops {
        let a = &op.operands;
        match op.operator.as_str() {
            "q" => stack.push(fill),
            "Q" => fill = stack.pop().flatten(),
            "k" => fill = Some([num(&a[0]), num(&a[1]), num(&a[2]), num(&a[3])]),
            "g" | "rg" | "sc" | "scn" | "cs" => fill = None,
            "Tf" => size = a.get(1).map_or(0.0, num),
            "Tj" | "TJ" | "'" | "\"" => out.text.push((size, fill)),
            "m" => {
                subpaths += 1;
                points.clear();
                points.push((num(&a[0]), num(&a[1])));
            }
            "l" => {
                let p = (num(&a[0]), num(&a[1]));
                points.push(p);
                if subpaths == 1 && points.len() == 3 {
                    first_h = (points[2].1 - points[0].1).abs();
                }
            }
            "re" => subpaths += 1,
            "f" | "f*" | "F" | "B" | "b" => {
                out.paths.push((fill, subpaths, bbox, first_h));
                (subpaths, first_h) = (0, 0.0);
                bbox = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
            }
            "n" | "S" | "s" => {
                (subpaths, first_h) = (0, 0.0);
                bbox = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
            }
            _ => {}
        }
        if matches!(op.operator.as_str(), "m" | "l") {
            let (x, y) = (num(&a[0]), num(&a[1]));
            bbox = [
                bbox[0].min(x),
                bbox[1].min(y),
                bbox[2].max(x),
                bbox[3].max(y),
            ];
        }
    }
    out
}

#[test]
fn qr_codes_are_one_black_path_of_large_modules_leading_through_a_short_redirect() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("build");
    for rel in [
        "brochures/catalog.ru.pdf",
        "en/products/ex-300/ex-300-en.pdf",
    ] {
        let doc = pdf(root, rel);
        let mut codes = 0;
        for (&n, &id) in &doc.get_pages() {
            for (fill, subpaths, bbox, module) in drawn(&doc, id).paths {
                // A QR code: dozens of subpaths in one path.
                if subpaths < 40 {
                    continue;
                }
                codes += 1;
                assert_eq!(
                    fill,
                    Some([0.0, 0.0, 0.0, 1.0]),
                    "{rel} page {n}: 100 % K only"
                );
                let width = bbox[2] - bbox[0];
                let modules = (width / module).round();
                assert!(
                    width >= 20.0 * MM - 0.1,
                    "{rel} page {n}: symbol {} mm",
                    width / MM
                );
                assert!(
                    module >= 0.5 * MM,
                    "{rel} page {n}: module {} mm",
                    module / MM
                );
                assert!(
                    modules <= 33.0,
                    "{rel} page {n}: {modules} modules, above version 4"
                );
            }
        }
        assert!(codes >= 1, "{rel}: no vector QR code");
        // No raster stands in for it.
        for object in doc.objects.values() {
            if let Ok(stream) = object.as_stream() {
                let width = stream
                    .dict
                    .get(b"Width")
                    .and_then(Object::as_i64)
                    .unwrap_or(1000);
                assert!(width > 60, "{rel}: a tiny raster image (an old QR code?)");
            }
        }
    }
    // The short addresses redirect to the product page with the campaign.
    for (file, query) in [
        (
            "q/catalog/ru/ex-300/index.html",
            "utm_source=brochure&amp;utm_medium=print&amp;utm_campaign=catalog",
        ),
        (
            "q/d/en/ex-300/index.html",
            "utm_source=datasheet&amp;utm_medium=pdf&amp;utm_campaign=datasheet",
        ),
    ] {
        let page = read(root, file);
        let lang = if file.contains("/ru/") { "ru" } else { "en" };
        assert!(
            page.contains(&format!("url=/catalog/{lang}/products/ex-300/?{query}\"")),
            "{file}: {page}"
        );
        assert!(page.contains("noindex"));
    }
    assert!(!read(root, "sitemap.xml").contains("/q/"));
}

#[test]
fn text_under_12_pt_is_printed_in_one_ink() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("build");
    for rel in [
        "brochures/catalog.ru.pdf",
        "brochures/catalog.zh.pdf",
        "ru/products/ex-300/ex-300-ru.pdf",
    ] {
        let doc = pdf(root, rel);
        let mut small = 0;
        for (&n, &id) in &doc.get_pages() {
            for (size, fill) in drawn(&doc, id).text {
                let Some(cmyk) = fill else {
                    panic!("{rel} page {n}: text in a colour that is not CMYK");
                };
                if size < 12.0 {
                    small += 1;
                    let inks = cmyk.iter().filter(|v| **v > 0.0).count();
                    assert!(inks <= 1, "{rel} page {n}: {size} pt text in {cmyk:?}");
                }
            }
        }
        assert!(small > 20, "{rel}: {small} small text runs");
    }
}

#[test]
fn saddle_stitched_brochures_have_a_multiple_of_4_pages_and_openers_can_start_on_the_right() {
    let site = fixture("basic");
    let root = site.path();
    let config = std::fs::read_to_string(root.join("brochure.toml")).expect("config");
    let brochures = "\n[[brochures]]\nid = \"saddle\"\n\
        \n[[brochures]]\nid = \"perfect\"\nbinding = \"perfect\"\n\
        \n[[brochures]]\nid = \"right\"\nbinding = \"perfect\"\nopeners_on_right = true\n";
    std::fs::write(root.join("brochure.toml"), format!("{config}{brochures}")).expect("write");
    // Three more excavators: the first category then takes two pages, and the next opener
    // falls on an even page unless moved.
    for n in 1..=3 {
        std::fs::write(
            root.join(format!("content/products/ex-90{n}.yaml")),
            format!(
                "category: excavators\nname:\n  en: EX-90{n} Excavator\n  zh: EX-90{n} 挖掘机\n  ru: Экскаватор EX-90{n}\nspecs:\n  operating-weight: {{value: {n}0000, unit: kg}}\n"
            ),
        )
        .expect("write");
    }
    build_site(root).expect("build");
    for lang in ["en", "ru", "zh"] {
        let saddle = pdf(root, &format!("brochures/saddle.{lang}.pdf"));
        let perfect = pdf(root, &format!("brochures/perfect.{lang}.pdf"));
        let (s, p) = (saddle.get_pages().len(), perfect.get_pages().len());
        assert_eq!(s % 4, 0, "{lang}: saddle-stitched copy of {s} pages");
        assert!(
            s >= p && s - p < 4,
            "{lang}: {s} saddle vs {p} perfect pages"
        );
        // The padding is notes pages, before the back cover.
        if s > p {
            let pages: Vec<u32> = saddle.get_pages().keys().copied().collect();
            let notes = saddle
                .extract_text(&pages[pages.len() - 2..pages.len() - 1])
                .expect("text");
            let expected = match lang {
                "ru" => "Для заметок",
                "zh" => "笔记",
                _ => "Notes",
            };
            assert!(notes.contains(expected), "{lang}: {notes:?}");
        }
        // Category openers on odd (right-hand) pages when asked.
        let right = pdf(root, &format!("brochures/right.{lang}.pdf"));
        let toc = right.get_toc().expect("outline");
        let openers: Vec<usize> = toc
            .toc
            .iter()
            .filter(|e| e.level == 1)
            .map(|e| e.page)
            .collect();
        assert!(openers.len() >= 2, "{lang}: {openers:?}");
        assert!(
            openers.iter().all(|p| p % 2 == 1),
            "{lang}: openers on pages {openers:?}"
        );
        // Without the option an opener follows the previous page, even or odd (in this
        // fixture one lands on an even page: the option moved it).
        let toc = perfect.get_toc().expect("outline");
        let plain: Vec<usize> = toc
            .toc
            .iter()
            .filter(|e| e.level == 1)
            .map(|e| e.page)
            .collect();
        assert!(plain.iter().any(|p| p % 2 == 0), "{lang}: {plain:?}");
    }
}

/// A PDF matrix `[a b c d e f]`.
type Matrix = [f32; 6];

/// `first` then `second` (PDF's row-vector convention: `cm` makes `m × CTM`).
fn then(first: Matrix, second: Matrix) -> Matrix {
    let [a, b, c, d, e, f] = first;
    let [a2, b2, c2, d2, e2, f2] = second;
    [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]
}

fn apply(m: Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

/// Glyph widths (per 1000 units of the font size) of a page's fonts, by resource name.
fn font_widths(
    doc: &Document,
    page: lopdf::ObjectId,
) -> std::collections::HashMap<Vec<u8>, (bool, std::collections::HashMap<u32, f32>, f32)> {
    let mut out = std::collections::HashMap::new();
    for (name, font) in doc.get_page_fonts(page).expect("fonts") {
        let composite =
            font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0".as_slice());
        let mut widths = std::collections::HashMap::new();
        let mut default = 1000.0;
        if composite {
            let descendant = font
                .get(b"DescendantFonts")
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            if let Some(d) = descendant {
                default = d.get(b"DW").and_then(Object::as_float).unwrap_or(1000.0);
                if let Ok(w) = d.get_deref(b"W", doc).and_then(Object::as_array) {
                    let mut i = 0;
                    while i + 1 < w.len() {
                        let first = w[i].as_i64().unwrap_or(0) as u32;
                        match &w[i + 1] {
                            Object::Array(list) => {
                                for (k, v) in list.iter().enumerate() {
                                    widths
                                        .insert(first + k as u32, v.as_float().unwrap_or(default));
                                }
                                i += 2;
                            }
                            _ => {
                                let last = w[i + 1].as_i64().unwrap_or(0) as u32;
                                let v = w
                                    .get(i + 2)
                                    .and_then(|o| o.as_float().ok())
                                    .unwrap_or(default);
                                for cid in first..=last {
                                    widths.insert(cid, v);
                                }
                                i += 3;
                            }
                        }
                    }
                }
            }
        } else {
            let first = font.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0) as u32;
            if let Ok(w) = font.get_deref(b"Widths", doc).and_then(Object::as_array) {
                for (k, v) in w.iter().enumerate() {
                    widths.insert(first + k as u32, v.as_float().unwrap_or(0.0));
                }
            }
        }
        out.insert(name, (composite, widths, default));
    }
    out
}

/// The page's external objects (pictures: raster images and forms) by resource name, each
/// with its box in its own space and its matrix.
fn xobjects(
    doc: &Document,
    page: lopdf::ObjectId,
) -> std::collections::HashMap<Vec<u8>, ([f32; 4], Matrix)> {
    let mut out = std::collections::HashMap::new();
    let (direct, ids) = doc.get_page_resources(page).expect("resources");
    let mut dicts: Vec<&lopdf::Dictionary> = direct.into_iter().collect();
    dicts.extend(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
    let identity = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    for resources in dicts {
        let Ok(list) = resources
            .get_deref(b"XObject", doc)
            .and_then(Object::as_dict)
        else {
            continue;
        };
        for (name, object) in list.iter() {
            let Ok((_, Object::Stream(stream))) = doc.dereference(object) else {
                continue;
            };
            let d = &stream.dict;
            let numbers = |key: &[u8]| -> Option<Vec<f32>> {
                d.get(key)
                    .and_then(Object::as_array)
                    .ok()
                    .map(|a| a.iter().map(|v| v.as_float().unwrap_or(0.0)).collect())
            };
            let entry = match d.get(b"Subtype").and_then(Object::as_name) {
                Ok(b"Image") => ([0.0, 0.0, 1.0, 1.0], identity),
                Ok(b"Form") => {
                    let b = numbers(b"BBox")
                        .filter(|b| b.len() == 4)
                        .unwrap_or_else(|| vec![0.0; 4]);
                    let m = numbers(b"Matrix").filter(|m| m.len() == 6);
                    (
                        [b[0], b[1], b[2], b[3]],
                        m.map_or(identity, |m| [m[0], m[1], m[2], m[3], m[4], m[5]]),
                    )
                }
                _ => continue,
            };
            out.insert(name.clone(), entry);
        }
    }
    out
}

/// The boxes of a page's text runs and of its pictures in page space, `[x0, y0, x1, y1]`.
fn page_boxes(doc: &Document, page: lopdf::ObjectId) -> (Vec<[f32; 4]>, Vec<[f32; 4]>) {
    let pictures = xobjects(doc, page);
    let mut placed = Vec::new();
    let fonts = font_widths(doc, page);
    let content = doc.get_page_content(page);
    let ops = lopdf::content::Content::decode(&content)
        .expect("decode")
        .operations;
    let num = |o: &Object| o.as_float().unwrap_or(0.0);
    let mut ctm: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut stack = Vec::new();
    let (mut tm, mut line): (Matrix, Matrix) = (ctm, ctm);
    let mut font: Option<&(bool, std::collections::HashMap<u32, f32>, f32)> = None;
    let mut size = 0.0;
    let mut boxes = Vec::new();
    // The current path in page space: its subpaths and extent. A path of dozens of subpaths is
    // a QR code: a picture too.
    let mut path = (0, [f32::MAX, f32::MAX, f32::MIN, f32::MIN]);
    for op in ops {
        let a = &op.operands;
        match op.operator.as_str() {
            "m" | "l" if a.len() == 2 => {
                if op.operator == "m" {
                    path.0 += 1;
                }
                let (x, y) = apply(ctm, num(&a[0]), num(&a[1]));
                let b = &mut path.1;
                *b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
            }
            "f" | "f*" | "F" | "B" | "b" | "n" | "S" | "s" => {
                if path.0 >= 40 && op.operator != "n" {
                    placed.push(path.1);
                }
                path = (0, [f32::MAX, f32::MAX, f32::MIN, f32::MIN]);
            }
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(ctm),
            "cm" if a.len() == 6 => {
                ctm = then(
                    [
                        num(&a[0]),
                        num(&a[1]),
                        num(&a[2]),
                        num(&a[3]),
                        num(&a[4]),
                        num(&a[5]),
                    ],
                    ctm,
                )
            }
            "BT" => {
                tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
                line = tm;
            }
            "Tm" if a.len() == 6 => {
                tm = [
                    num(&a[0]),
                    num(&a[1]),
                    num(&a[2]),
                    num(&a[3]),
                    num(&a[4]),
                    num(&a[5]),
                ];
                line = tm;
            }
            "Td" | "TD" if a.len() == 2 => {
                line = then([1.0, 0.0, 0.0, 1.0, num(&a[0]), num(&a[1])], line);
                tm = line;
            }
            "Tf" if a.len() == 2 => {
                font = a[0].as_name().ok().and_then(|n| fonts.get(n));
                size = num(&a[1]);
            }
            "Tj" | "TJ" => {
                let Some((composite, widths, default)) = font else {
                    continue;
                };
                let items: Vec<Object> = match &a[0] {
                    Object::Array(items) => items.clone(),
                    other => vec![other.clone()],
                };
                let mut advance = 0.0;
                for item in &items {
                    match item {
                        Object::String(bytes, _) => {
                            let codes: Vec<u32> = if *composite {
                                bytes
                                    .chunks(2)
                                    .map(|c| {
                                        u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0))
                                    })
                                    .collect()
                            } else {
                                bytes.iter().map(|b| u32::from(*b)).collect()
                            };
                            for code in codes {
                                advance +=
                                    widths.get(&code).copied().unwrap_or(*default) / 1000.0 * size;
                            }
                        }
                        other => advance -= num(other) / 1000.0 * size,
                    }
                }
                // Ascent and descent of the line of text, trimmed a little: lines set solid
                // touch without overlapping.
                let m = then(tm, ctm);
                let corners = [
                    (0.0, -0.15 * size),
                    (advance, -0.15 * size),
                    (0.0, 0.7 * size),
                    (advance, 0.7 * size),
                ];
                let points: Vec<(f32, f32)> =
                    corners.iter().map(|(x, y)| apply(m, *x, *y)).collect();
                let xs = points.iter().map(|p| p.0);
                let ys = points.iter().map(|p| p.1);
                boxes.push([
                    xs.clone().fold(f32::MAX, f32::min),
                    ys.clone().fold(f32::MAX, f32::min),
                    xs.fold(f32::MIN, f32::max),
                    ys.fold(f32::MIN, f32::max),
                ]);
                tm = then([1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
            }
            "Do" => {
                let Some((b, m)) = a
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| pictures.get(n))
                else {
                    continue;
                };
                let full = then(*m, ctm);
                let points: Vec<(f32, f32)> =
                    [(b[0], b[1]), (b[2], b[1]), (b[0], b[3]), (b[2], b[3])]
                        .iter()
                        .map(|(x, y)| apply(full, *x, *y))
                        .collect();
                let xs = points.iter().map(|p| p.0);
                let ys = points.iter().map(|p| p.1);
                placed.push([
                    xs.clone().fold(f32::MAX, f32::min),
                    ys.clone().fold(f32::MAX, f32::min),
                    xs.fold(f32::MIN, f32::max),
                    ys.fold(f32::MIN, f32::max),
                ]);
            }
            _ => {}
        }
    }
    (boxes, placed)
}

/// Pairs of text boxes on a page that overlap by more than a hair in both directions.
fn overlapping(boxes: &[[f32; 4]]) -> Vec<([f32; 4], [f32; 4])> {
    let mut out = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let w = a[2].min(b[2]) - a[0].max(b[0]);
            let h = a[3].min(b[3]) - a[1].max(b[1]);
            // Runs side by side on one baseline touch where kerning pulls them together:
            // only a real part of the narrower one counts there.
            let same_line = (a[1] - b[1]).abs() < 0.5 && (a[3] - b[3]).abs() < 0.5;
            let narrower = (a[2] - a[0]).min(b[2] - b[0]);
            let wide_enough = if same_line {
                w > 2.0_f32.max(0.3 * narrower)
            } else {
                w > 1.0
            };
            if wide_enough && h > 1.0 {
                out.push((*a, *b));
            }
        }
    }
    out
}

#[test]
fn every_paper_size_and_language_prints_without_overlapping_text() {
    let site = fixture("basic");
    let root = site.path();
    let mut config = std::fs::read_to_string(root.join("brochure.toml")).expect("config");
    for paper in ["a4", "a5", "letter"] {
        config.push_str(&format!(
            "\n[[brochures]]\nid = \"{paper}\"\npaper = \"{paper}\"\n"
        ));
    }
    std::fs::write(root.join("brochure.toml"), config).expect("write");
    // A product as long as the example's: a dozen specs and eight long features, taller than
    // half an A5 page in Russian (an unbreakable block of it ran over the footer).
    let mut yaml = String::from(
        "category: excavators\nimage: images/low-res.png\nname:\n  en: SQ-EX210 Hydraulic Excavator\n  ru: Гидравлический экскаватор SQ-EX210\n  zh: SQ-EX210 液压挖掘机\nsummary:\n  en: The best-selling crawler excavator of our range, for general construction, road building and loading dump trucks in quarries.\n  ru: Самый востребованный гусеничный экскаватор нашей линейки — надёжная универсальная машина для общестроительных работ, дорожного строительства и погрузки самосвалов в карьерах.\n  zh: 我们最畅销的履带式挖掘机，适用于一般建筑、道路施工以及在采石场为自卸车装车。\nfeatures:\n",
    );
    for lang in ["en", "ru", "zh"] {
        yaml.push_str(&format!("  {lang}:\n"));
        for n in 1..=8 {
            let item = match lang {
                "ru" => format!(
                    "Гидросистема с электронным управлением номер {n} — высокое усилие копания при низком расходе топлива"
                ),
                "zh" => format!("第{n}代电控液压系统，挖掘力大，油耗低，适合长时间连续作业"),
                _ => format!(
                    "Electronically controlled hydraulics, generation {n}: high digging force at low fuel consumption"
                ),
            };
            yaml.push_str(&format!("    - \"{item}\"\n"));
        }
    }
    yaml.push_str("specs:\n");
    for n in 1..=12 {
        yaml.push_str(&format!(
            "  long-{n}: {{value: {}, unit: kg}}\n",
            20_000 + n * 500
        ));
    }
    for (lang, label) in [
        ("en", "Maximum digging force at the bucket, position"),
        ("ru", "Максимальное усилие копания на ковше, положение"),
        ("zh", "铲斗最大挖掘力，位置"),
    ] {
        let ftl = root.join(format!("locales/{lang}/site.ftl"));
        let mut text = std::fs::read_to_string(&ftl).expect("ftl");
        for n in 1..=12 {
            text.push_str(&format!("\nspec-long-{n} = {label} {n}"));
        }
        text.push('\n');
        std::fs::write(ftl, text).expect("write");
    }
    std::fs::write(root.join("content/products/ex-210.yaml"), yaml).expect("write");
    build_site(root).expect("build");
    let (mut checked, mut pictured) = (0, 0);
    for paper in ["a4", "a5", "letter"] {
        for lang in ["en", "ru", "zh"] {
            let rel = format!("brochures/{paper}.{lang}.pdf");
            let doc = pdf(root, &rel);
            for (&n, &id) in &doc.get_pages() {
                let (boxes, pictures) = page_boxes(&doc, id);
                checked += boxes.len();
                let clashes = overlapping(&boxes);
                assert!(
                    clashes.is_empty(),
                    "{rel} page {n}: text over text at {clashes:?}"
                );
                // No picture over text either (the cover's picture hid the title on A5).
                for picture in &pictures {
                    for text in &boxes {
                        let w = picture[2].min(text[2]) - picture[0].max(text[0]);
                        let h = picture[3].min(text[3]) - picture[1].max(text[1]);
                        assert!(
                            w <= 1.0 || h <= 1.0,
                            "{rel} page {n}: picture {picture:?} over text {text:?}"
                        );
                    }
                }
                pictured += pictures.len();
            }
        }
    }
    assert!(checked > 500, "{checked} text runs checked");
    // Rasters (a photo on each of the 9 brochures) and QR codes; SVG drawings are paths, not
    // checked here.
    assert!(pictured >= 9 * 5, "{pictured} pictures checked");
}

#[test]
fn datasheets_fit_one_page_when_their_content_does_on_the_configured_paper() {
    let site = fixture("basic");
    let root = site.path();
    add_config(root, "[datasheets]\npaper = \"letter\"");
    // A description of a dozen paragraphs, as long as the example's longest: one page. And
    // one ten times longer: several pages, every word of it printed.
    let paragraph = "The SQ-EX210 is the best-selling crawler excavator of the range, built for general construction, road building and loading dump trucks in quarries, with an electronically controlled hydraulic system. ";
    let mut yaml = String::from(
        "category: excavators\nname:\n  en: SQ-EX210 Excavator\ndescription:\n  en: |\n",
    );
    for _ in 0..3 {
        yaml.push_str(&format!("    {paragraph}\n\n"));
    }
    let long = yaml.replace("SQ-EX210 Excavator", "SQ-EX900 Excavator");
    std::fs::write(root.join("content/products/ex-210.yaml"), yaml).expect("write");
    let mut long = long;
    for n in 0..40 {
        long.push_str(&format!("    {paragraph}Paragraph {n}.\n\n"));
    }
    long.push_str("    The last words of the description.\n");
    std::fs::write(root.join("content/products/ex-900.yaml"), long).expect("write");
    build_site(root).expect("build");
    for id in ["ex-300", "fe-25", "ex-210"] {
        let doc = pdf(root, &format!("en/products/{id}/{id}-en.pdf"));
        let pages = doc.get_pages();
        assert_eq!(pages.len(), 1, "{id}: {} pages", pages.len());
        let media = rect(&doc, *pages.values().next().expect("page"), b"MediaBox");
        assert_eq!(
            (media[2].round(), media[3].round()),
            (612.0, 792.0),
            "US Letter"
        );
    }
    let doc = pdf(root, "en/products/ex-900/ex-900-en.pdf");
    assert!(doc.get_pages().len() >= 2);
    let t = text(&doc);
    assert!(
        t.contains("Paragraph 39.") && t.contains("The last words of the description."),
        "{t}"
    );
}

#[test]
fn the_example_catalog_puts_two_products_to_a_page_and_breaks_lines_well() {
    // The example catalog itself: its Russian texts (long names, summaries and features)
    // used to take more than half a page each, one product per page.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = tempfile::tempdir().expect("tempdir");
    let root = site.path();
    for part in ["content", "locales", "static"] {
        copy_dir(&repo.join(part), &root.join(part));
    }
    std::fs::copy(repo.join("brochure.toml"), root.join("brochure.toml")).expect("config");
    build_site(root).expect("build");
    // Products per category, from the sources: each category's products fill pages two by
    // two, an odd one alone on the category's last page.
    let mut per_category: std::collections::BTreeMap<String, usize> = Default::default();
    for entry in std::fs::read_dir(root.join("content/products")).expect("products") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        if let Some(line) = text.lines().find(|l| l.starts_with("category:")) {
            *per_category
                .entry(line["category:".len()..].trim().to_string())
                .or_default() += 1;
        }
    }
    let pages_needed: usize = per_category.values().map(|n| n.div_ceil(2)).sum();
    let products: usize = per_category.values().sum();
    for lang in ["en", "ru", "zh"] {
        let doc = pdf(root, &format!("brochures/catalog.{lang}.pdf"));
        // Products per page, counted by their QR codes.
        let per_page: Vec<usize> = doc
            .get_pages()
            .values()
            .map(|&id| drawn(&doc, id).paths.iter().filter(|p| p.1 >= 40).count())
            .filter(|n| *n > 0)
            .collect();
        assert_eq!(
            per_page.iter().sum::<usize>(),
            products,
            "{lang}: {per_page:?}"
        );
        // Lines: a hyphenated line end is extracted as a line "-" of its own. At most two
        // in a row (a "ladder" of three reads badly); model numbers and URLs never end a
        // line at their hyphen ("SQ-" / "EX700", "…/ex-" / "360/").
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let text = doc.extract_text(&pages).expect("text");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let mut ladder = 0;
        let mut worst = 0;
        for (i, line) in lines.iter().enumerate() {
            if *line == "-" {
                ladder = if i >= 2 && lines[i - 2] == "-" {
                    ladder + 1
                } else {
                    1
                };
                worst = worst.max(ladder);
            }
            assert!(
                !line.ends_with("SQ-"),
                "{lang}: a model number broken: {line:?}"
            );
            if i + 1 < lines.len() && lines[i + 1] == "-" {
                assert!(
                    !line.contains("http") && !line.contains("/products/"),
                    "{lang}: a URL hyphenated: {line:?}"
                );
            }
        }
        assert!(worst <= 2, "{lang}: {worst} hyphenated lines in a row");
        assert_eq!(
            per_page.len(),
            pages_needed,
            "{lang}: products per page {per_page:?}"
        );
    }
}

#[test]
fn the_logo_prints_in_the_brands_cmyk_and_greys_in_black_alone() {
    let site = fixture("basic");
    let root = site.path();
    let config = add_config(root, "[print.colors]\n\"#c8102e\" = [0, 92, 77, 22]");
    // A grey in the logo as well.
    std::fs::write(
        root.join("static/images/logo.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="10" height="10" fill="#c8102e"/><rect x="10" width="10" height="10" fill="#333333"/></svg>"##,
    )
    .expect("write");
    build_site(root).expect("build");
    let doc = pdf(root, "brochures/catalog.en.pdf");
    // Every colour set in a content stream (pages and forms), as (operator, values).
    let mut colours = Vec::new();
    let mut streams: Vec<Vec<u8>> = doc
        .get_pages()
        .values()
        .map(|&id| doc.get_page_content(id))
        .collect();
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form".as_slice()) {
            streams.push(
                stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone()),
            );
        }
    }
    for data in streams {
        let Ok(content) = lopdf::content::Content::decode(&data) else {
            continue;
        };
        for op in content.operations {
            if ["k", "K", "scn", "sc", "SCN", "SC", "rg", "RG", "g", "G"]
                .contains(&op.operator.as_str())
            {
                let values: Vec<f32> = op
                    .operands
                    .iter()
                    .filter_map(|o| o.as_float().ok())
                    .collect();
                colours.push((op.operator, values));
            }
        }
    }
    let close = |a: &[f32], b: &[f32]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01)
    };
    assert!(
        colours
            .iter()
            .any(|(op, v)| op == "k" && close(v, &[0.0, 0.92, 0.77, 0.22])),
        "the logo's red is not the brand's CMYK: {colours:?}"
    );
    assert!(
        colours
            .iter()
            .any(|(op, v)| op == "k" && close(v, &[0.0, 0.0, 0.0, 0.8])),
        "the grey is not black ink alone: {colours:?}"
    );
    let red = [200.0 / 255.0, 16.0 / 255.0, 46.0 / 255.0];
    assert!(
        !colours.iter().any(|(_, v)| close(v, &red)),
        "the RGB red is still there: {colours:?}"
    );
    // A colour that is not one is an error at its line in brochure.toml.
    std::fs::write(
        root.join("brochure.toml"),
        format!(
            "{config}\n[print.colors]\n\"#c8102\" = [0, 92, 77, 22]\n\"#ffffff\" = [0, 0, 0, 120]\n"
        ),
    )
    .expect("write");
    let failure = build_site(root).expect_err("bad colours");
    let errors: Vec<_> = failure.errors().collect();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("`#c8102` is not an RGB colour")
                && e.location.file == "brochure.toml"
                && e.location.line > 1),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.message.contains("must be 0–100")),
        "{errors:?}"
    );
    // The last good site is still there.
    assert!(root.join("public/brochures/catalog.en.pdf").is_file());
}
