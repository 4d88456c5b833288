//! Builds the `basic` fixture site and checks what visitors get.

mod common;
use common::*;

#[test]
fn numbers_are_formatted_per_locale_in_spec_tables() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    let en = read(site.path(), "en/products/ex-300/index.html");
    let zh = read(site.path(), "zh/products/ex-300/index.html");
    let ru = read(site.path(), "ru/products/ex-300/index.html");
    let cells = |page: &str| -> Vec<String> {
        let doc = scraper::Html::parse_document(page);
        select(&doc, "td, dd")
            .iter()
            .map(|c| text_of(c).trim().to_string())
            .collect()
    };
    let (en, zh, ru) = (cells(&en), cells(&zh), cells(&ru));
    assert!(
        en.iter().any(|c| c.contains("1,234,567.5")),
        "en spec value: {en:?}"
    );
    assert!(
        zh.iter().any(|c| c.contains("1,234,567.5")),
        "zh spec value: {zh:?}"
    );
    assert!(
        ru.iter().any(|c| c.contains("1\u{a0}234\u{a0}567,5")),
        "ru spec value: {ru:?}"
    );
    assert!(ru.iter().any(|c| c.contains("кг")), "ru unit name");
    assert!(ru.iter().any(|c| c.contains("1,25")));
    assert!(
        !ru.iter().any(|c| c.contains("1.25")),
        "no English decimal point in Russian"
    );
    assert!(
        ru.iter().any(|c| c.contains("QSB6.7")),
        "text values pass through untouched"
    );
    let ru_page = read(site.path(), "ru/products/ex-300/index.html");
    assert!(
        ru_page.contains("Эксплуатационная масса"),
        "spec label from Fluent"
    );
}

#[test]
fn russian_plurals_and_number_filter() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    let ru = html(site.path(), "ru/plurals/index.html");
    let plurals: Vec<String> = select(&ru, "p.plural").iter().map(text_of).collect();
    assert_eq!(
        plurals,
        [
            "0 станков",
            "1 станок",
            "2 станка",
            "5 станков",
            "11 станков",
            "21 станок",
            "22 станка",
            "1\u{a0}234 станка"
        ]
    );
    assert_eq!(
        text_of(&select(&ru, "p.number")[0]),
        "1\u{a0}234\u{a0}567,5"
    );
    let en = html(site.path(), "en/plurals/index.html");
    let plurals: Vec<String> = select(&en, "p.plural").iter().map(text_of).collect();
    assert_eq!(plurals[1], "1 machine");
    assert_eq!(plurals[7], "1,234 machines");
    let zh = html(site.path(), "zh/plurals/index.html");
    assert_eq!(text_of(&select(&zh, "p.number")[0]), "1,234,567.5");
}

#[test]
fn missing_translations_fall_back_with_lang_and_a_located_warning() {
    let site = fixture("basic");
    let report = build_site(site.path()).expect("build");
    let ru = html(site.path(), "ru/products/ex-300/index.html");
    let spans: Vec<String> = select(&ru, r#"span[lang="en"]"#)
        .iter()
        .map(text_of)
        .collect();
    assert!(
        spans.iter().any(|s| s == "A 30-tonne crawler excavator."),
        "{spans:?}"
    );
    let warning = report
        .warnings
        .iter()
        .find(|w| w.message.contains("`summary` has no Русский (ru) text"))
        .expect("warning for the missing summary");
    assert_eq!(warning.location.file, "content/products/ex-300.yaml");
    assert_eq!(warning.location.line, 10);
    // A Fluent message missing in Russian falls back the same way.
    let plurals = html(site.path(), "ru/plurals/index.html");
    let fallback = select(&plurals, "p.fallback-message span[lang=en]");
    assert_eq!(text_of(&fallback[0]), "Only in English");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("`only-english` has no Русский"))
    );
    // A whole news article missing in a language is shown in the default language, marked.
    let expo = read(site.path(), "ru/news/expo/index.html");
    assert!(expo.contains("lang=\"en\""));
    assert!(report.warnings.iter().any(|w| {
        w.message
            .contains("news article `expo` has no Русский (ru) version")
    }));
}

#[test]
fn every_page_has_hreflang_alternates_and_a_switcher_to_the_same_page() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    for lang in ["en", "zh", "ru"] {
        let doc = html(site.path(), &format!("{lang}/products/fe-25/index.html"));
        let alternates: Vec<(String, String)> = select(&doc, r#"link[rel="alternate"][hreflang]"#)
            .iter()
            .map(|e| {
                (
                    e.attr("hreflang").unwrap_or("").to_string(),
                    e.attr("href").unwrap_or("").to_string(),
                )
            })
            .collect();
        assert_eq!(
            alternates,
            [
                (
                    "en-US".to_string(),
                    "https://fixture.example/catalog/en/products/fe-25/".to_string()
                ),
                (
                    "zh-CN".to_string(),
                    "https://fixture.example/catalog/zh/products/fe-25/".to_string()
                ),
                (
                    "ru-RU".to_string(),
                    "https://fixture.example/catalog/ru/products/fe-25/".to_string()
                ),
                (
                    "x-default".to_string(),
                    "https://fixture.example/catalog/en/products/fe-25/".to_string()
                ),
            ]
        );
        let canonical = select(&doc, r#"link[rel="canonical"]"#);
        assert_eq!(
            canonical[0].attr("href"),
            Some(format!("https://fixture.example/catalog/{lang}/products/fe-25/").as_str())
        );
        let html_lang = select(&doc, "html")[0].attr("lang").map(str::to_string);
        let expected = match lang {
            "en" => "en-US",
            "zh" => "zh-CN",
            _ => "ru-RU",
        };
        assert_eq!(html_lang.as_deref(), Some(expected));
        // `<html lang>` and hreflang say the language; the obsolete meta is gone.
        assert!(select(&doc, r#"meta[http-equiv="content-language"]"#).is_empty());
        let own = expected.replace('-', "_");
        let others: Vec<&str> = select(&doc, r#"meta[property="og:locale:alternate"]"#)
            .iter()
            .filter_map(|m| m.attr("content"))
            .collect();
        assert_eq!(others.len(), 2, "{others:?}");
        assert!(!others.contains(&own.as_str()), "{others:?}");
        // The switcher: one link per language, each to this same product.
        let links: Vec<String> = select(&doc, "a[hreflang]")
            .iter()
            .filter_map(|a| a.attr("href").map(str::to_string))
            .collect();
        for other in ["en", "zh", "ru"] {
            let target = format!("/catalog/{other}/products/fe-25/");
            assert!(
                links.contains(&target),
                "{lang}: switcher lacks {target}: {links:?}"
            );
        }
        assert!(!select(&doc, r#"meta[property="og:title"]"#).is_empty());
    }
}

#[test]
fn internal_markdown_links_resolve_in_the_page_language() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    let ru = read(site.path(), "ru/news/visit/index.html");
    // The model number is kept whole (no break at its hyphen).
    assert!(ru.contains(
        r#"<a href="/catalog/ru/products/ex-300/"><span class="nobr">EX-300</span></a>"#
    ));
    assert!(ru.contains(r#"<a href="/catalog/ru/categories/forklifts/">погрузчики</a>"#));
    let zh = read(site.path(), "zh/products/ex-300/index.html");
    assert!(zh.contains(r#"<a href="/catalog/zh/products/fe-25/">叉车</a>"#));
}

#[test]
fn hostile_names_and_markdown_are_escaped() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    for lang in ["en", "zh", "ru"] {
        let page = read(site.path(), &format!("{lang}/products/hostile/index.html"));
        assert!(
            !page.contains("<script>alert"),
            "{lang}: raw script from a product name or Markdown"
        );
        assert!(
            !page.contains("<img src=x"),
            "{lang}: raw img from a product name"
        );
        assert!(
            !page.contains("onclick"),
            "{lang}: event handler from Markdown"
        );
        assert!(
            !page.to_lowercase().contains("javascript:"),
            "{lang}: javascript: URL"
        );
        assert!(!page.contains("data:text/html"), "{lang}: data: URL");
        assert!(!page.contains("<b>жирный</b>"), "{lang}: HTML in a name");
        // The JSON-LD block stays one script element and still holds the name.
        let doc = scraper::Html::parse_document(&page);
        let scripts = select(&doc, r#"script[type="application/ld+json"]"#);
        assert_eq!(scripts.len(), 1);
        let json: serde_json::Value =
            serde_json::from_str(&text_of(&scripts[0])).expect("valid JSON-LD");
        assert_eq!(json["@type"], "Product");
        assert_eq!(json["sku"], "hostile");
    }
    let en = read(site.path(), "en/products/hostile/index.html");
    assert!(
        en.contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;&#x2F;script&gt;")
            || en.contains("&lt;script&gt;")
    );
    let doc = html(site.path(), "en/products/hostile/index.html");
    assert!(
        select(&doc, "h1")
            .iter()
            .any(|h| text_of(h).contains("<script>alert('name')</script> & \"Co\""))
    );
}

#[test]
fn product_pages_carry_schema_org_json_ld() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    let doc = html(site.path(), "ru/products/ex-300/index.html");
    let scripts = select(&doc, r#"script[type="application/ld+json"]"#);
    let json: serde_json::Value = serde_json::from_str(&text_of(&scripts[0])).expect("JSON-LD");
    assert_eq!(json["name"], "Экскаватор EX-300");
    assert_eq!(
        json["url"],
        "https://fixture.example/catalog/ru/products/ex-300/"
    );
    assert_eq!(json["brand"]["name"], "«Фикстура»");
    assert_eq!(
        json["image"],
        "https://fixture.example/catalog/images/machine.svg"
    );
    assert_eq!(json["additionalProperty"][0]["value"], 1234567.5);
    assert_eq!(json["additionalProperty"][0]["unitText"], "кг");
    assert_eq!(json["additionalProperty"][2]["value"], "QSB6.7");
    // A whole number is written as one: 2500, not 2500.0.
    let doc = html(site.path(), "en/products/fe-25/index.html");
    let ld = text_of(&select(&doc, r#"script[type="application/ld+json"]"#)[0]);
    assert!(ld.contains(r#""value":2500}"#), "{ld}");
}

#[test]
fn sitemap_robots_feeds_chooser_and_404() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    let sitemap = read(site.path(), "sitemap.xml");
    assert!(sitemap.contains("<loc>https://fixture.example/catalog/zh/products/ex-300/</loc>"));
    assert!(sitemap.contains(
        r#"<xhtml:link rel="alternate" hreflang="ru-RU" href="https://fixture.example/catalog/ru/products/ex-300/"/>"#
    ));
    assert!(sitemap.contains(
        r#"hreflang="x-default" href="https://fixture.example/catalog/en/products/ex-300/""#
    ));
    let urls = sitemap.matches("<url>").count();
    assert_eq!(urls, 3 * 13, "13 pages in each of 3 languages");
    let robots = read(site.path(), "robots.txt");
    assert!(robots.contains("Sitemap: https://fixture.example/catalog/sitemap.xml"));
    let atom = read(site.path(), "ru/atom.xml");
    assert!(atom.starts_with("<?xml"));
    assert!(atom.contains("Российские покупатели посетили завод"));
    let chooser = html(site.path(), "index.html");
    let homes: Vec<&str> = select(&chooser, "a[href]")
        .iter()
        .filter_map(|a| a.attr("href"))
        .collect();
    for lang in ["en", "zh", "ru"] {
        assert!(
            homes.contains(&format!("/catalog/{lang}/").as_str()),
            "chooser links to {lang}"
        );
    }
    assert!(site.path().join("public/404.html").is_file());
    // Kept out of indexes by its status and by nothing linking to it, not by a `noindex`.
    assert!(!sitemap.contains("404"), "the 404 page is in the sitemap");
    assert!(select(&html(site.path(), "404.html"), "meta[name=robots]").is_empty());
    // One x-default for the home pages, everywhere: the chooser at `/`.
    let chooser_default = r#"hreflang="x-default" href="https://fixture.example/catalog/""#;
    assert!(read(site.path(), "index.html").contains(chooser_default));
    assert!(read(site.path(), "ru/index.html").contains(chooser_default));
    assert!(sitemap.contains(&chooser_default.replace("hreflang", "rel=\"alternate\" hreflang")));
    assert_eq!(
        sitemap.matches(chooser_default).count(),
        3,
        "each home's entry"
    );
    // The chooser and the 404 page name no locale twice.
    for page in ["index.html", "404.html"] {
        let doc = html(site.path(), page);
        let own = select(&doc, r#"meta[property="og:locale"]"#)[0]
            .attr("content")
            .unwrap_or("")
            .to_string();
        let others: Vec<&str> = select(&doc, r#"meta[property="og:locale:alternate"]"#)
            .iter()
            .filter_map(|m| m.attr("content"))
            .collect();
        assert!(
            !others.contains(&own.as_str()),
            "{page}: {own} in {others:?}"
        );
    }
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = fixture("basic");
    build_site(site.path()).expect("build");
    assert!(!site.path().join("public/en/products/draft-one").exists());
    let mut options = options(site.path());
    options.drafts = true;
    brochure::build::build(&options).expect("build with drafts");
    assert!(
        site.path()
            .join("public/en/products/draft-one/index.html")
            .is_file()
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let site = fixture("basic");
    let mut a = options(site.path());
    a.output = Some(site.path().join("out-a"));
    let mut b = options(site.path());
    b.output = Some(site.path().join("out-b"));
    brochure::build::build(&a).expect("first build");
    brochure::build::build(&b).expect("second build");
    let (sa, sb) = (
        snapshot(&site.path().join("out-a")),
        snapshot(&site.path().join("out-b")),
    );
    assert!(sa.len() > 40);
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (path, bytes) in &sa {
        assert!(sb[path] == *bytes, "{path} differs between builds");
    }
}

#[test]
fn base_url_override_changes_every_link() {
    let site = fixture("basic");
    let mut o = options(site.path());
    o.base_url = Some("https://staging.example/".into());
    brochure::build::build(&o).expect("build");
    let page = read(site.path(), "en/products/ex-300/index.html");
    assert!(page.contains(r#"href="https://staging.example/en/products/ex-300/""#));
    assert!(!page.contains("/catalog/"));
}

/// Control characters are invisible in an editor and forbidden in HTML and XML: from a YAML
/// escape, raw in Markdown, or in a Fluent message, none may reach a page, and the Atom feed
/// must still parse.
#[test]
fn control_characters_never_reach_pages_or_feeds() {
    let site = fixture("basic");
    let root = site.path();
    let news = root.join("content/news/expo.en.md");
    std::fs::write(
        &news,
        "---\ntitle: \"Expo\\x01 2026\\x0b\"\ndate: 2026-11-02\nsummary: \"We exhibit\\x1b[2J at the fair.\"\n---\nCome\u{0} and see us.\n",
    )
    .expect("write");
    let ftl = root.join("locales/en/site.ftl");
    let text = std::fs::read_to_string(&ftl).expect("read");
    let text = text.replace(
        "company-name = Fixture Machinery",
        "company-name = Fixture\u{7} Machinery",
    );
    std::fs::write(&ftl, text).expect("write");
    build_site_no_pdf(root).expect("builds");
    for (path, bytes) in snapshot(&root.join("public")) {
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8(bytes).expect("UTF-8");
        let bad = text
            .chars()
            .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        assert_eq!(bad, None, "{path}");
        if path.ends_with(".xml") {
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
    let atom = read(root, "en/atom.xml");
    assert!(atom.contains("Expo 2026"), "{atom}");
    assert!(atom.contains("We exhibit[2J at the fair."), "{atom}");
    assert!(read(root, "en/index.html").contains("Fixture Machinery"));
}

/// A site of `brochure.toml` and `content/categories.yaml` alone builds with the default theme:
/// missing company messages are one warning per language, located where they belong and with
/// the lines to add; the company name falls back to the host; without a logo a wordmark shows.
#[test]
fn a_minimal_site_builds_with_the_default_theme() {
    let site = tempfile::tempdir().expect("temp dir");
    let root = site.path();
    std::fs::create_dir_all(root.join("content")).expect("mkdir");
    std::fs::write(
        root.join("brochure.toml"),
        "base_url = \"https://www.acme-machines.example/\"\n\n[[languages]]\ncode = \"en\"\nlocale = \"en-US\"\nname = \"English\"\n\n[[languages]]\ncode = \"ru\"\nlocale = \"ru-RU\"\nname = \"Русский\"\n",
    )
    .expect("write");
    std::fs::write(
        root.join("content/categories.yaml"),
        "- id: excavators\n  name: {en: Excavators, ru: Экскаваторы}\n",
    )
    .expect("write");
    let report = build_site(root).unwrap_or_else(|f| panic!("{:#?}", f.diagnostics));
    assert_eq!(report.warnings.len(), 2, "{:#?}", report.warnings);
    for (w, lang) in report.warnings.iter().zip(["en", "ru"]) {
        assert_eq!(w.location.file, format!("locales/{lang}/site.ftl"));
        assert!(w.message.contains("company-name, company-phone"), "{w}");
        let hint = w.hint.as_deref().unwrap_or("");
        assert!(
            hint.contains("company-name = acme-machines.example\n"),
            "{hint}"
        );
    }
    let home = html(root, "en/index.html");
    let wordmark = select(&home, ".brand__wordmark");
    assert_eq!(text_of(&wordmark[0]).trim(), "acme-machines.example");
    assert!(select(&home, "a[href^='tel:']").is_empty());
    assert!(select(&home, "a[href^='mailto:']").is_empty());
    let h1 = select(&home, "h1");
    assert_eq!(text_of(&h1[0]).trim(), "acme-machines.example");
    assert_eq!(report.pdfs, 2, "one catalog brochure per language");
}

/// `aliases:` write redirect pages at old addresses: to the default language for products and
/// categories, to the article's own language for news and pages; listed nowhere else.
#[test]
fn aliases_redirect_old_addresses() {
    let site = fixture("basic");
    let root = site.path();
    let product = root.join("content/products/ex-300.yaml");
    let text = std::fs::read_to_string(&product).expect("read");
    std::fs::write(
        &product,
        text.replacen(
            "category: excavators",
            "category: excavators\naliases: [/old/ex300.html, /products/ex-300/]",
            1,
        ),
    )
    .expect("write");
    let page = root.join("content/pages/about.ru.md");
    let text = std::fs::read_to_string(&page).expect("read");
    std::fs::write(
        &page,
        text.replacen("---\n", "---\naliases: [/o-nas/]\n", 1),
    )
    .expect("write");
    let report = build_site_no_pdf(root).unwrap_or_else(|f| panic!("{:#?}", f.diagnostics));
    for (file, target) in [
        ("old/ex300.html", "/catalog/en/products/ex-300/"),
        ("products/ex-300/index.html", "/catalog/en/products/ex-300/"),
        ("o-nas/index.html", "/catalog/ru/about/"),
    ] {
        let doc = html(root, file);
        let refresh = select(&doc, "meta[http-equiv='refresh']");
        assert_eq!(
            refresh[0].attr("content"),
            Some(format!("0; url={target}").as_str()),
            "{file}"
        );
        let canonical = select(&doc, "link[rel='canonical']");
        assert_eq!(
            canonical[0].attr("href"),
            Some(format!("https://fixture.example{target}").as_str())
        );
        assert_eq!(
            select(&doc, "meta[name='robots']")[0].attr("content"),
            Some("noindex")
        );
    }
    let sitemap = read(root, "sitemap.xml");
    assert!(!sitemap.contains("old/ex300") && !sitemap.contains("o-nas"));
    assert_eq!(report.pages, 44, "redirects are not counted as pages");
}
