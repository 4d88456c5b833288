//! Benchmark: a 200-product brochure in three languages.
//!
//! `cargo bench --bench print` generates a catalog of 200 products from the example site's
//! products (same texts, new ids), then typesets the catalog brochure once per language and
//! prints the time and size of each PDF, and the time of a whole build of that site.
//! It is a measurement, not a test: nothing here fails on a slow machine.

use brochure::print::{PrintJob, Printer};
use brochure::site::{LoadOptions, Site};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

const PRODUCTS: usize = 200;

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let Ok(rel) = entry.path().strip_prefix(from) else {
            continue;
        };
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            let _ = std::fs::create_dir_all(&target);
        } else {
            let _ = std::fs::copy(entry.path(), &target);
        }
    }
}

/// A copy of the example site with its products repeated up to `PRODUCTS` and no news links
/// between them (descriptions keep their text).
fn generate(root: &Path, out: &Path) {
    for dir in ["locales", "static"] {
        copy_dir(&root.join(dir), &out.join(dir));
    }
    let _ = std::fs::create_dir_all(out.join("content/products"));
    let _ = std::fs::copy(
        root.join("content/categories.yaml"),
        out.join("content/categories.yaml"),
    );
    let _ = std::fs::copy(root.join("brochure.toml"), out.join("brochure.toml"));
    let mut sources: Vec<(String, String)> = std::fs::read_dir(root.join("content/products"))
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| {
                    let id = e.path().file_stem()?.to_str()?.to_string();
                    let text = std::fs::read_to_string(e.path()).ok()?;
                    // `@/` links point at news and products that this copy does not have.
                    let text = text.replace("@/", "https://example.com/");
                    Some((id, text))
                })
                .collect()
        })
        .unwrap_or_default();
    sources.sort();
    for i in 0..PRODUCTS {
        let (id, text) = &sources[i % sources.len()];
        let new_id = format!("{id}-{i:03}");
        let _ = std::fs::write(out.join(format!("content/products/{new_id}.yaml")), text);
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    generate(root, dir.path());
    let started = Instant::now();
    let loaded = match Site::load(dir.path(), LoadOptions::default()) {
        Ok(l) => l,
        Err(diags) => {
            for d in diags.iter().filter(|d| d.is_error()) {
                eprintln!("{d}");
            }
            std::process::exit(1);
        }
    };
    let site = Arc::new(loaded.site);
    println!(
        "loaded {} products in {:.0} ms",
        site.products.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    let started = Instant::now();
    let printer = match Printer::new(Arc::clone(&site)) {
        Ok(p) => p,
        Err(diags) => {
            for d in diags {
                eprintln!("{d}");
            }
            std::process::exit(1);
        }
    };
    println!(
        "printer ready (fonts, templates) in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    for lang in ["en", "zh", "ru"] {
        let job = PrintJob::Brochure {
            index: 0,
            lang: lang.to_string(),
        };
        let started = Instant::now();
        match printer.print(&job, &brochure::cache::Cache::disabled()) {
            Ok(pdf) => {
                let pages =
                    lopdf::Document::load_mem(&pdf.bytes).map_or(0, |d| d.get_pages().len());
                println!(
                    "brochure {lang}: {:.2} s, {:.1} MB, {pages} pages",
                    started.elapsed().as_secs_f64(),
                    pdf.bytes.len() as f64 / 1_048_576.0,
                );
            }
            Err(diags) => {
                for d in diags {
                    eprintln!("{d}");
                }
                std::process::exit(1);
            }
        }
    }
    let started = Instant::now();
    let options = brochure::build::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    };
    match brochure::build::build(&options) {
        Ok(report) => println!(
            "full build: {} ({:.2} s)",
            report.summary(),
            started.elapsed().as_secs_f64()
        ),
        Err(f) => {
            for d in f.errors() {
                eprintln!("{d}");
            }
            std::process::exit(1);
        }
    }
}
