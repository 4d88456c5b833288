//! The repository root is itself the example site: it must always build, cleanly.

mod common;
use common::*;
use std::path::Path;

#[test]
fn the_example_catalog_builds_in_three_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("temp dir");
    let mut options = options(root);
    options.output = Some(out.path().join("public"));
    let report = brochure::build::build(&options).unwrap_or_else(|f| {
        panic!(
            "example site failed:\n{}",
            f.diagnostics
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(report.languages, 3);
    let products = std::fs::read_dir(root.join("content/products"))
        .expect("products")
        .count();
    assert!(products >= 12, "at least 12 products, found {products}");
    // Every text is translated: `brochure check --strict` passes on the example site.
    assert!(
        report.warnings.is_empty(),
        "unexpected warnings:\n{}",
        report
            .warnings
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let files = snapshot(&out.path().join("public"));
    for lang in ["en", "zh", "ru"] {
        for page in ["", "products/", "news/", "about/", "contact/"] {
            let path = format!("{lang}/{page}index.html");
            assert!(files.contains_key(&path), "missing {path}");
        }
        assert!(files.contains_key(&format!("{lang}/atom.xml")));
    }
    let product_pages = files
        .keys()
        .filter(|k| {
            k.starts_with("ru/products/")
                && k.ends_with("/index.html")
                && k.matches('/').count() == 3
        })
        .count();
    assert_eq!(product_pages, products);
    // Nothing is loaded from another host.
    for (path, bytes) in &files {
        if path.ends_with(".html") || path.ends_with(".css") {
            let text = String::from_utf8_lossy(bytes);
            for needle in [
                "src=\"http",
                "src=\"//",
                "@import url(http",
                "fonts.googleapis",
                "cdn.",
            ] {
                assert!(
                    !text.contains(needle),
                    "{path} loads from a third-party host ({needle})"
                );
            }
        }
    }
}
