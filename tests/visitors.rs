//! What a buyer uses to act on a page: the quote request, the catalog download. Fixture sites
//! are built and the HTML read as a mail program and a browser would read it.

mod common;
use common::*;
use std::path::Path;

/// Decodes a percent-encoded mailto field.
fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("hex");
            out.push(u8::from_str_radix(hex, 16).expect("hex"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}

/// The address, subject and body of a mailto URL.
fn mailto(href: &str) -> (String, String, String) {
    let rest = href.strip_prefix("mailto:").expect("a mailto link");
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut subject = String::new();
    let mut body = String::new();
    for field in query.split('&') {
        match field.split_once('=') {
            Some(("subject", v)) => subject = unescape(v),
            Some(("body", v)) => body = unescape(v),
            _ => {}
        }
    }
    (unescape(to), subject, body)
}

fn set_russian_desk(root: &Path, email: &str) {
    let path = root.join("brochure.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    let text = text.replace(
        "name = \"Русский\"",
        &format!("name = \"Русский\"\ncontact_email = \"{email}\""),
    );
    std::fs::write(path, text).expect("write");
}

#[test]
fn request_a_quote_writes_the_mail_in_the_page_language_to_its_desk() {
    let site = fixture("basic");
    let root = site.path();
    set_russian_desk(root, "ru-desk@fixture.example");
    build_site(root).expect("build");
    for (lang, to, subject, greeting) in [
        ("en", "sales@fixture.example", "Price request: ", "Hello,"),
        (
            "ru",
            "ru-desk@fixture.example",
            "Запрос цены: ",
            "Здравствуйте!",
        ),
        ("zh", "sales@fixture.example", "询价：", "您好！"),
    ] {
        let doc = html(root, &format!("{lang}/products/fe-25/index.html"));
        let name = text_of(&select(&doc, "h1")[0]);
        let link = select(&doc, "a.btn--quote");
        assert_eq!(link.len(), 1, "{lang}: one quote link");
        let href = link[0].attr("href").expect("href");
        assert!(
            !href.contains(' ') && !href.contains('\n'),
            "{lang}: {href}"
        );
        // Letters stay letters (an IRI; the browser encodes them when the link is followed):
        // six bytes for each Cyrillic letter made the Russian link 2.5 KB.
        if lang == "ru" {
            assert!(href.contains("subject=Запрос%20цены%3A%20"), "{href}");
        }
        let (address, subj, body) = mailto(href);
        assert_eq!(address, to, "{lang}");
        assert_eq!(subj, format!("{subject}{name}"), "{lang}");
        assert!(body.starts_with(greeting), "{lang}: {body}");
        assert!(body.contains(&name), "{lang}: names the model: {body}");
        let url = format!("https://fixture.example/catalog/{lang}/products/fe-25/");
        assert!(
            body.contains(&format!("\r\n{url}\r\n")),
            "{lang}: the page URL on its own line: {body:?}"
        );
        assert_eq!(
            body.matches('\n').count(),
            body.matches("\r\n").count(),
            "{lang}: line breaks are CRLF"
        );
        // Every page's e-mail link goes to the same desk.
        let footer: Vec<_> = select(&doc, "footer a[href^=\"mailto:\"]");
        assert_eq!(
            footer[0].attr("href"),
            Some(format!("mailto:{to}").as_str()),
            "{lang}"
        );
    }
}

#[test]
fn a_hostile_product_name_cannot_break_out_of_the_quote_mail() {
    let site = fixture("basic");
    let root = site.path();
    let path = root.join("content/products/fe-25.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace(
            "FE-25 Electric Forklift",
            "FE-25 &cc=evil@x.example?bcc=a#b 100%",
        ),
    )
    .expect("write");
    build_site(root).expect("build");
    let doc = html(root, "en/products/fe-25/index.html");
    let href = select(&doc, "a.btn--quote")[0]
        .attr("href")
        .expect("href")
        .to_string();
    let (to, subject, _) = mailto(&href);
    assert_eq!(to, "sales@fixture.example");
    assert_eq!(
        subject,
        "Price request: FE-25 &cc=evil@x.example?bcc=a#b 100%"
    );
    assert!(!href.contains("&cc=") && !href.contains('#'), "{href}");
}

#[test]
fn a_bad_contact_email_is_a_located_error_and_the_site_stays() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("first build");
    let before = snapshot(&root.join("public"));
    set_russian_desk(root, "ru desk@fixture.example?cc=x");
    let failure = build_site(root).expect_err("a bad address");
    let e = failure.errors().next().expect("error");
    assert_eq!(e.location.file, "brochure.toml");
    assert!(e.location.line > 1, "{e}");
    assert!(e.message.contains("is not an e-mail address"), "{e}");
    assert!(
        e.hint
            .as_deref()
            .unwrap_or("")
            .contains("ru-sales@example.com")
    );
    assert_eq!(before, snapshot(&root.join("public")), "nothing was lost");
}

#[test]
fn the_catalog_is_linked_from_the_home_page_and_the_product_list_with_its_size() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("build");
    for (lang, label) in [
        ("en", "Download the Product Catalog (PDF, "),
        ("ru", "Скачать: Каталог продукции (PDF, "),
        ("zh", "下载产品样本（PDF，"),
    ] {
        let pdf = format!("brochures/catalog.{lang}.pdf");
        let bytes = std::fs::metadata(root.join("public").join(&pdf))
            .expect("the catalog exists")
            .len();
        let kb = bytes.div_ceil(1024);
        for page in [
            format!("{lang}/index.html"),
            format!("{lang}/products/index.html"),
        ] {
            let doc = html(root, &page);
            let links: Vec<_> = select(&doc, "a[type=\"application/pdf\"]")
                .into_iter()
                .filter(|a| a.attr("href") == Some(format!("/catalog/{pdf}").as_str()))
                .collect();
            assert_eq!(links.len(), 1, "{page}: one link to {pdf}");
            let text = text_of(&links[0]);
            assert!(text.starts_with(label), "{page}: {text}");
            // The size as the locale writes numbers, e.g. "1,234" or "1 234".
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            assert_eq!(digits, kb.to_string(), "{page}: {text} for {bytes} bytes");
        }
    }
    // Without PDFs there is nothing to download, and no link.
    build_site_no_pdf(root).expect("build without PDFs");
    let doc = html(root, "en/index.html");
    assert!(select(&doc, "a[href$=\".pdf\"]").is_empty());
}

#[test]
fn phones_read_the_name_before_the_picture_and_dates_and_sizes_do_not_break() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("build");
    let page = read(root, "ru/products/fe-25/index.html");
    let h1 = page.find("<h1").expect("h1");
    let picture = page.find("product-hero__pictures").expect("pictures");
    assert!(h1 < picture, "the name comes first in reading order");
    // A date keeps its day, month, year and "г." on one line.
    let news = read(root, "ru/news/visit/index.html");
    let doc = scraper::Html::parse_document(&news);
    let time = text_of(&select(&doc, ".eyebrow time")[0]);
    assert!(!time.contains(' '), "only no-break spaces: {time:?}");
    // A count and its noun, a size and its unit: joined by a no-break space.
    let list = read(root, "ru/products/index.html");
    assert!(list.contains("\u{a0}КБ)"), "the catalog size and its unit");
    assert!(!list.contains(" КБ)"));
    // The list introduces the products, not the company tagline again.
    let doc = scraper::Html::parse_document(&list);
    let lead = text_of(&select(&doc, ".page-head .lead")[0]);
    assert!(lead.starts_with("Вся наша техника"), "{lead}");
}

#[test]
fn a_configured_quote_form_posts_the_model_page_and_language_and_is_off_by_default() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("build");
    let doc = html(root, "ru/products/fe-25/index.html");
    assert!(
        select(&doc, "form[method=post]").is_empty(),
        "off by default"
    );
    let config = root.join("brochure.toml");
    let text = std::fs::read_to_string(&config).expect("read");
    std::fs::write(
        &config,
        format!("{text}\n[quote]\nform_action = \"https://forms.example.com/f/abc\"\n"),
    )
    .expect("write");
    build_site(root).expect("build with a form");
    let doc = html(root, "ru/products/fe-25/index.html");
    let form = select(&doc, ".quote-form form");
    assert_eq!(form.len(), 1);
    assert_eq!(
        form[0].attr("action"),
        Some("https://forms.example.com/f/abc")
    );
    assert_eq!(form[0].attr("method"), Some("post"));
    let hidden = |name: &str| {
        select(
            &doc,
            &format!(".quote-form input[type=hidden][name={name}]"),
        )[0]
        .attr("value")
        .unwrap_or("")
        .to_string()
    };
    assert_eq!(hidden("model"), text_of(&select(&doc, "h1")[0]));
    assert_eq!(
        hidden("page"),
        "https://fixture.example/catalog/ru/products/fe-25/"
    );
    assert_eq!(hidden("language"), "ru");
    // Every field has its label, in the page's language.
    for field in select(&doc, ".quote-form :is(input:not([type=hidden]), textarea)") {
        let id = field.attr("id").expect("id");
        let label = select(&doc, &format!("label[for={id}]"));
        assert_eq!(label.len(), 1, "{id}");
    }
    assert_eq!(
        text_of(&select(&doc, "label[for=quote-email]")[0]),
        "Эл. почта"
    );
    // Buyers' details travel encrypted, or the build says where to fix it.
    std::fs::write(
        &config,
        format!("{text}\n[quote]\nform_action = \"http://forms.example.com/f/abc\"\n"),
    )
    .expect("write");
    let failure = build_site(root).expect_err("plain http");
    let e = failure.errors().next().expect("error");
    assert_eq!(e.location.file, "brochure.toml");
    assert!(e.message.contains("is not an https:// address"), "{e}");
}

#[test]
fn the_logo_reserves_its_own_proportions_so_the_menu_does_not_move() {
    let site = fixture("basic");
    let root = site.path();
    std::fs::write(
        root.join("static/images/logo.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40"/></svg>"#,
    )
    .expect("write");
    build_site(root).expect("build");
    for page in ["en/index.html", "index.html"] {
        let doc = html(root, page);
        let logo = select(&doc, "img.brand__logo");
        assert_eq!(
            (logo[0].attr("width"), logo[0].attr("height")),
            (Some("120"), Some("40")),
            "{page}"
        );
    }
}

#[test]
fn lists_offer_the_spec_ranges_their_products_have_and_cards_carry_the_numbers() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("build");
    // Forklifts: three products with a rated load of 1,000–2,500 kg.
    let doc = html(root, "ru/categories/forklifts/index.html");
    let form = select(&doc, "form[data-filters]");
    assert_eq!(form.len(), 1);
    // Hidden without JavaScript by the stylesheet, shown from the first paint with it (no
    // layout shift when the script runs): the page marks <html> before anything is drawn.
    assert!(form[0].attr("hidden").is_none());
    let head_script = select(&doc, "head script")
        .iter()
        .map(|s| s.inner_html())
        .collect::<String>();
    assert!(
        head_script.contains("classList.add(\"js\")"),
        "{head_script}"
    );
    assert!(
        read(root, "css/site.css")
            .contains("html:not(.js) :is(.compare-pick,[data-filters]){display:none")
    );
    let min = select(&doc, "input[name=rated-load-min]");
    let number = |v: Option<&str>| v.and_then(|v| v.parse::<f64>().ok());
    assert_eq!(number(min[0].attr("min")), Some(1000.0));
    let max = select(&doc, "input[name=rated-load-max]");
    assert_eq!(number(max[0].attr("max")), Some(2500.0));
    // The ends as Russian writes numbers.
    assert_eq!(min[0].attr("placeholder"), Some("1\u{a0}000"));
    let mut values: Vec<f64> = select(&doc, "li[data-product]")
        .iter()
        .filter_map(|li| number(li.attr("data-spec-rated-load")))
        .collect();
    values.sort_by(f64::total_cmp);
    assert_eq!(values, [1000.0, 1500.0, 2500.0]);
    // One product has nothing to narrow: no form there.
    let doc = html(root, "ru/categories/excavators/index.html");
    assert!(select(&doc, "form[data-filters]").is_empty());
    // The product list narrows by category too. Its spec filters are those found in two
    // categories or more: rated load is a forklift's spec, and filters the forklift page only.
    let doc = html(root, "en/products/index.html");
    assert_eq!(
        select(&doc, "form[data-filters] select[name=category]").len(),
        1
    );
    assert!(select(&doc, "input[name^=rated-load]").is_empty());
    assert!(select(&doc, "li[data-product][data-spec-rated-load]").is_empty());
    // The script is not in the page: the form names it, and loads it when first touched.
    for page in [
        "en/products/index.html",
        "ru/categories/forklifts/index.html",
    ] {
        let doc = html(root, page);
        assert!(select(&doc, "script[src*=\"js/filters.js\"]").is_empty());
        let script = select(&doc, "form[data-filters]")[0]
            .attr("data-script")
            .map(str::to_owned);
        assert!(
            script
                .as_deref()
                .is_some_and(|s| s.starts_with("/catalog/js/filters.js?v=")),
            "{page}: {script:?}"
        );
        let loader = select(&doc, "form[data-filters] + script")[0].inner_html();
        assert!(loader.contains("import(f.dataset.script)"), "{loader}");
    }
    assert!(!read(root, "en/index.html").contains("filters.js"));
}

#[test]
fn lists_and_product_pages_offer_comparison_and_each_language_has_a_compare_page() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("build");
    for (lang, title) in [
        ("en", "Compare products"),
        ("ru", "Сравнение техники"),
        ("zh", "产品对比"),
    ] {
        let doc = html(root, &format!("{lang}/compare/index.html"));
        assert_eq!(text_of(&select(&doc, "h1")[0]), title);
        // One page for every comparison: its canonical address has no `?ids=`. It is not in
        // the site search (nothing to find before the visitor picks).
        let canonical = format!("https://fixture.example/catalog/{lang}/compare/");
        assert_eq!(
            select(&doc, "link[rel=canonical]")[0].attr("href"),
            Some(canonical.as_str())
        );
        assert!(select(&doc, "[data-pagefind-body]").is_empty());
        let shell = select(&doc, "[data-compare]");
        let products = format!("/catalog/{lang}/products/");
        assert_eq!(shell[0].attr("data-products"), Some(products.as_str()));
        assert_eq!(
            select(&doc, "noscript").len(),
            1,
            "{lang}: says why without JS"
        );
        assert_eq!(
            select(&doc, "script[src*=\"js/compare-table.js\"]").len(),
            1
        );
        assert_eq!(select(&doc, "link[href*=\"css/compare.css\"]").len(), 1);
        // Every product on the list has a hidden "Compare" box named after it, and the tray
        // links to this language's comparison page.
        let list = html(root, &format!("{lang}/products/index.html"));
        let cards = select(&list, "li[data-product]");
        assert!(!cards.is_empty());
        for card in &cards {
            let pick = scraper::Selector::parse("label[data-compare-pick] input[type=checkbox]")
                .expect("selector");
            let href = scraper::Selector::parse(".card__link").expect("selector");
            let id = card
                .select(&pick)
                .next()
                .and_then(|i| i.value().attr("value"));
            let link = card
                .select(&href)
                .next()
                .and_then(|a| a.value().attr("href"));
            assert!(
                matches!((id, link), (Some(id), Some(link)) if link == format!("/catalog/{lang}/products/{id}/")),
                "{lang}: card {link:?} picks {id:?}"
            );
        }
        let compare = format!("/catalog/{lang}/compare/");
        assert_eq!(
            select(&list, "[data-compare-tray] [data-compare-go]")[0].attr("data-href"),
            Some(compare.as_str())
        );
        let product = html(root, &format!("{lang}/products/ex-300/index.html"));
        assert_eq!(
            select(&product, "[data-compare-pick] input")[0].attr("value"),
            Some("ex-300")
        );
        assert_eq!(select(&product, "script[src*=\"js/compare.js\"]").len(), 1);
    }
    // Pages without products to pick load no comparison script.
    for page in ["en/index.html", "en/news/index.html"] {
        assert!(
            select(&html(root, page), "script[src*=\"js/compare\"]").is_empty(),
            "{page}"
        );
    }
    let sitemap = read(root, "sitemap.xml");
    assert!(
        !sitemap.contains("/compare/"),
        "the shell is not in the sitemap"
    );
}

#[test]
fn each_page_kind_loads_only_its_own_stylesheets_and_they_are_minified() {
    let site = fixture("basic");
    let root = site.path();
    build_site(root).expect("build");
    let sheets = |rel: &str| -> Vec<String> {
        select(&html(root, rel), "link[rel=stylesheet]")
            .iter()
            .filter_map(|l| l.attr("href"))
            .map(|h| h.split('?').next().unwrap_or(h).to_string())
            .collect()
    };
    assert_eq!(
        sheets("en/products/ex-300/index.html"),
        ["/catalog/css/site.css", "/catalog/css/product.css"]
    );
    assert_eq!(
        sheets("en/products/index.html"),
        ["/catalog/css/site.css", "/catalog/css/lists.css"]
    );
    assert_eq!(
        sheets("en/categories/excavators/index.html"),
        ["/catalog/css/site.css", "/catalog/css/lists.css"]
    );
    assert_eq!(
        sheets("en/news/index.html"),
        ["/catalog/css/site.css", "/catalog/css/lists.css"]
    );
    assert_eq!(
        sheets("en/index.html"),
        ["/catalog/css/site.css", "/catalog/css/home.css"]
    );
    assert_eq!(
        sheets("en/news/visit/index.html"),
        ["/catalog/css/site.css"]
    );
    assert_eq!(
        sheets("index.html"),
        ["/catalog/css/site.css", "/catalog/css/chooser.css"]
    );
    assert_eq!(
        sheets("404.html"),
        ["/catalog/css/site.css", "/catalog/css/chooser.css"]
    );
    // Published without the theme's comments and indentation, and no rule lost: the product
    // page's own rules are in product.css and nowhere else.
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/css");
    for name in [
        "site.css",
        "product.css",
        "lists.css",
        "home.css",
        "chooser.css",
        "compare.css",
    ] {
        let published = read(root, &format!("css/{name}"));
        let source = std::fs::read_to_string(theme.join(name)).expect("theme css");
        assert!(
            !published.contains("/*") && !published.contains("\n  "),
            "{name}"
        );
        assert!(published.len() < source.len(), "{name}");
    }
    assert!(read(root, "css/product.css").contains(".spec-table"));
    assert!(!read(root, "css/site.css").contains(".spec-table{"));
    assert!(!read(root, "css/site.css").contains(".hero__title{"));
}

#[test]
fn a_category_longer_than_a_page_tells_the_list_filters_where_its_other_pages_are() {
    let site = fixture("basic");
    let root = site.path();
    // 30 more excavators: 31 in all, two pages of 24.
    for n in 0..30 {
        std::fs::write(
            root.join(format!("content/products/gen-{n:02}.yaml")),
            format!(
                "category: excavators\nname:\n  en: GEN-{n:02} Excavator\nspecs:\n  operating-weight: {{value: {}, unit: kg}}\n",
                10_000 + n * 1000
            ),
        )
        .expect("write");
    }
    build_site(root).expect("build");
    let grid = |rel: &str, css: &str| -> (Option<String>, Option<String>) {
        let doc = html(root, rel);
        let g = select(&doc, css);
        (
            g[0].attr("data-total").map(str::to_string),
            g[0].attr("data-more").map(str::to_string),
        )
    };
    let (total, more) = grid("ru/categories/excavators/index.html", "ul.grid--cards");
    assert_eq!(total.as_deref(), Some("31"));
    assert_eq!(
        more.as_deref().map(str::trim),
        Some("/catalog/ru/categories/excavators/page/2/")
    );
    let (_, more) = grid(
        "ru/categories/excavators/page/2/index.html",
        "ul.grid--cards",
    );
    assert_eq!(
        more.as_deref().map(str::trim),
        Some("/catalog/ru/categories/excavators/")
    );
    // The product list shows the first page of each category and names the rest.
    let (total, more) = grid(
        "en/products/index.html",
        "[data-category=excavators] ul.grid--cards",
    );
    assert_eq!(total.as_deref(), Some("31"));
    assert_eq!(
        more.as_deref(),
        Some("/catalog/en/categories/excavators/page/2/")
    );
    let (_, more) = grid(
        "en/products/index.html",
        "[data-category=forklifts] ul.grid--cards",
    );
    assert_eq!(more, None, "a one-page category has nothing more");
    // Those pages hold the cards the script merges, with the numbers it filters on.
    let doc = html(root, "en/categories/excavators/page/2/index.html");
    let cards = select(&doc, "li[data-product][data-spec-operating-weight]");
    assert_eq!(cards.len(), 7);
}
