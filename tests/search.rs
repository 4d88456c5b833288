//! The search index the build writes: one Pagefind index per language, from the pages the
//! theme marks, made again only when an indexed page changed. What a visitor types is tested
//! in Chromium (tests/browser/search.mjs).

mod common;
use common::*;

fn entry(root: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&read(root, "pagefind/pagefind-entry.json")).expect("pagefind-entry.json")
}

#[test]
fn the_build_indexes_products_news_and_pages_once_per_language() {
    let site = fixture("basic");
    let root = site.path();
    let report = build_site(root).expect("build");
    let entry = entry(root);
    let languages = entry["languages"].as_object().expect("languages");
    let mut codes: Vec<&String> = languages.keys().collect();
    codes.sort();
    assert_eq!(
        codes,
        ["en-us", "ru-ru", "zh-cn"],
        "one index per <html lang>"
    );
    let products = std::fs::read_dir(root.join("content/products"))
        .expect("products")
        .filter(|e| {
            let text =
                std::fs::read_to_string(e.as_ref().expect("entry").path()).unwrap_or_default();
            !text.contains("draft: true")
        })
        .count();
    for (code, index) in languages {
        let pages = index["page_count"].as_u64().expect("page_count") as usize;
        assert!(
            pages > products,
            "{code}: {pages} pages for {products} products, news and pages"
        );
    }
    // Pages read for the index; a page whose template marks no body is read but not indexed.
    let indexed: usize = languages
        .values()
        .map(|l| l["page_count"].as_u64().unwrap_or(0) as usize)
        .sum();
    assert!(
        report.search_pages >= indexed,
        "{} read, {indexed} indexed",
        report.search_pages
    );
    assert!(root.join("public/pagefind/pagefind.js").is_file());
    assert!(!report.search_from_cache);
    // What the theme marks: product pages carry the body, the category and two key specs.
    let doc = html(root, "ru/products/fe-25/index.html");
    assert_eq!(select(&doc, "[data-pagefind-body]").len(), 1);
    assert_eq!(select(&doc, "[data-pagefind-meta=\"category\"]").len(), 1);
    assert_eq!(select(&doc, "[data-pagefind-meta=\"spec1\"]").len(), 1);
    // Lists and the home page are not results of their own.
    assert!(select(&html(root, "ru/index.html"), "[data-pagefind-body]").is_empty());
    // Nothing changed: the index comes from the cache, byte for byte.
    let before = snapshot(&root.join("public/pagefind"));
    let again = build_site(root).expect("rebuild");
    assert!(again.search_from_cache);
    assert_eq!(before, snapshot(&root.join("public/pagefind")));
    // A product's text changed: the index is made again and finds the new word.
    let path = root.join("content/products/fe-25.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace(
            "2.5 t lithium forklift.",
            "2.5 t lithium forklift, quokka-proof.",
        ),
    )
    .expect("write");
    let changed = build_site(root).expect("changed");
    assert!(!changed.search_from_cache);
    assert_ne!(before, snapshot(&root.join("public/pagefind")));
}

#[test]
fn search_can_be_turned_off() {
    let site = fixture("basic");
    let root = site.path();
    let config = root.join("brochure.toml");
    let text = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, format!("{text}\n[search]\nenabled = false\n")).expect("write");
    let report = build_site(root).expect("build");
    assert_eq!(report.search_pages, 0);
    assert!(!root.join("public/pagefind").exists());
    assert!(
        select(&html(root, "en/index.html"), "#site-search").is_empty(),
        "no box without an index"
    );
}
