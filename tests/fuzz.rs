//! In-process mutation fuzzing of every path user text takes: YAML, Markdown to HTML, Markdown
//! to Typst, Fluent, and whole builds. Seeded, so a failure names its seed and reproduces; the
//! number of cases is bounded (`BROCHURE_FUZZ_ITERATIONS` raises it for a long local run).
//!
//! Each target checks more than "no panic": diagnostics point inside the file, HTML carries no
//! script, generated Typst parses and calls only the functions the converter writes, and a
//! failed build leaves the last good site as it was.

mod common;
use brochure::diagnostics::Diagnostic;
use brochure::i18n::{Catalog, CatalogSource, Origin};
use brochure::markdown::{LinkResolver, MarkdownSource};
use common::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A small, fast, seedable generator (xorshift64*): enough to drive mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces of syntax and awkward text that mutations splice in.
const TOKENS: &[&str] = &[
    "- ",
    "* ",
    "1. ",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "{ $count }",
    "{ -term }",
    "{ msg }",
    "&a ",
    "*a",
    "---\n",
    "...\n",
    "\t",
    "：",
    ": ",
    "\"",
    "'",
    "|\n",
    ">\n",
    "#",
    "##",
    "```",
    "`",
    "**",
    "_",
    "~~",
    "\\",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "@/products/",
    "@/products/ex-300",
    "![x](/images/logo.svg)",
    "[a](@/news/visit)",
    "| a | b |\n|---|---|\n",
    "#panic(\"x\")",
    "$x$",
    "= ",
    "\u{0}",
    "\u{1}",
    "\u{1b}[2J",
    "\u{feff}",
    "\u{202e}",
    "挖掘机",
    "Экскаватор",
    "1e308",
    "99999999999999999999",
    "-0",
    "NaN",
    "~",
    "null",
    "true",
    "\n",
    "\n\n",
    "    ",
    "  - x\n",
    "[[[[[[[[",
    "]]]]]]]]",
    "*[other] x\n",
    "\n    [one] y\n",
    "key = value\n",
];

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut text: Vec<char> = seed.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(text.len() + 1);
        match rng.below(6) {
            0 | 1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                let times = if rng.below(8) == 0 {
                    1 + rng.below(200)
                } else {
                    1
                };
                let insert: Vec<char> = token.repeat(times).chars().collect();
                text.splice(at..at, insert);
            }
            2 => {
                let end = (at + rng.below(16)).min(text.len());
                text.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(32)).min(text.len());
                let copy: Vec<char> = text[at..end].to_vec();
                text.splice(at..at, copy);
            }
            4 if !text.is_empty() => {
                let i = rng.below(text.len());
                text[i] = char::from_u32(rng.below(0x500) as u32).unwrap_or('x');
            }
            _ => {
                let c = char::from_u32(rng.below(128) as u32).unwrap_or(' ');
                text.insert(at, c);
            }
        }
    }
    text.into_iter().collect()
}

fn iterations(default: usize) -> usize {
    std::env::var("BROCHURE_FUZZ_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Runs `check` on `count` mutants of `seeds`, reporting the seed and input of a failure.
fn fuzz(name: &str, seeds: &[&str], count: usize, check: impl Fn(&str)) {
    for case in 0..count {
        let seed = 0x9E37_79B9_7F4A_7C15 ^ (case as u64 + 1) ^ name.len() as u64;
        let mut rng = Rng(seed);
        let pick = rng.below(seeds.len());
        let input = mutate(&mut rng, seeds[pick]);
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&input)));
        if let Err(panic) = outcome {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("{name}: case {case} (seed {seed:#x}) failed: {message}\ninput: {input:?}");
        }
    }
}

/// Every diagnostic about `file` points at a line of `text` (or just past its end).
fn located_inside(diags: &[Diagnostic], file: &str, text: &str) {
    let lines = text.lines().count() + 1;
    for d in diags.iter().filter(|d| d.location.file == file) {
        assert!(
            d.location.line >= 1 && d.location.line <= lines,
            "line {} of {lines}: {d}",
            d.location.line
        );
        assert!(d.location.column >= 1, "{d}");
        assert!(!d.message.is_empty());
    }
}

fn seed_file(rel: &str) -> String {
    std::fs::read_to_string(fixture_dir("basic").join(rel)).expect("seed file")
}

#[test]
fn yaml_sources() {
    let product = seed_file("content/products/ex-300.yaml");
    let categories = seed_file("content/categories.yaml");
    fuzz(
        "yaml",
        &[&product, &categories],
        iterations(3000),
        |input| {
            if let Err(d) = brochure::source::parse_yaml::<serde_json::Value>(input, "x.yaml", 1) {
                located_inside(std::slice::from_ref(&d), "x.yaml", input);
                for internal in ["from_str", "ScalarBytes", "budget breached", "Options"] {
                    assert!(!d.message.contains(internal), "{d}");
                }
            }
        },
    );
}

struct Links;

impl LinkResolver for Links {
    fn resolve(&self, target: &str) -> Result<String, String> {
        if target.starts_with("products/ex-300") || target == "news/visit" {
            Ok(format!("/en/{target}/"))
        } else {
            Err("there is no such page".into())
        }
    }
    fn check_asset(&self, url: &str) -> Result<String, String> {
        if url == "/images/logo.svg" {
            Ok(url.to_string())
        } else {
            Err("no such file in static/".into())
        }
    }
}

#[test]
fn markdown_to_html() {
    let article = seed_file("content/news/visit.en.md");
    let seeds = [
        article.as_str(),
        "Intro with **bold** and a [link](@/products/ex-300).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    ];
    fuzz("markdown-html", &seeds, iterations(3000), |input| {
        let source = MarkdownSource {
            file: "x.md",
            first_line: 1,
            indent: 1,
        };
        let rendered = brochure::markdown::render(input, source, false, &Links);
        located_inside(&rendered.errors, "x.md", input);
        let html = rendered.html.to_ascii_lowercase();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("href=\"javascript:"), "{html}");
        assert!(!html.contains("src=\"javascript:"), "{html}");
    });
}

/// The functions [`brochure::print::escape::markdown_to_typst`] writes; anything else in its
/// output would be text from the source running as code.
const TYPST_CALLS: &[&str] = &[
    "strong", "emph", "strike", "table", "line", "parbreak",
    // Model numbers kept whole: `#box[SQ\-EX210]`.
    "box",
];

fn typst_calls(node: &typst::syntax::SyntaxNode, calls: &mut Vec<String>) {
    use typst::syntax::SyntaxKind;
    if node.kind() == SyntaxKind::FuncCall
        && let Some(callee) = node.children().next()
    {
        calls.push(callee.full_text().to_string());
    }
    if node.kind() == SyntaxKind::Hash {
        calls.push("#".into());
    }
    for child in node.children() {
        typst_calls(child, calls);
    }
}

#[test]
fn markdown_to_typst() {
    let article = seed_file("content/news/visit.en.md");
    let seeds = [
        article.as_str(),
        "Intro with **bold**, *em* and ~~gone~~.\n\n- one\n  - two\n\n1. first\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n# Head\n\n---\n",
    ];
    fuzz("markdown-typst", &seeds, iterations(3000), |input| {
        let typst_source = brochure::print::escape::markdown_to_typst(input);
        assert!(
            typst_source.len() <= 64 * input.len() + 64,
            "output grows faster than the input: {} from {}",
            typst_source.len(),
            input.len()
        );
        let root = typst::syntax::parse(&typst_source);
        let (errors, _) = root.errors_and_warnings();
        assert!(
            errors.is_empty(),
            "Typst syntax errors {errors:?} in {typst_source:?}"
        );
        let mut calls = Vec::new();
        typst_calls(&root, &mut calls);
        for call in calls.iter().filter(|c| *c != "#") {
            assert!(TYPST_CALLS.contains(&call.as_str()), "calls `{call}`");
        }
        let hashes = calls.iter().filter(|c| *c == "#").count();
        let allowed = calls.iter().filter(|c| *c != "#").count();
        assert!(
            hashes <= allowed,
            "an embedded expression that is not a known call"
        );
    });
}

#[test]
fn fluent_messages() {
    let ftl = seed_file("locales/en/site.ftl");
    let extra = "machines = { $count ->\n    [one] one machine\n   *[other] { $count } machines\n}\n-brand = Fixture\ntitle = { -brand } { company-name }\n";
    let languages = [brochure::config::Language {
        code: "en".into(),
        locale: "en-US".into(),
        name: "English".into(),
        contact_email: None,
    }];
    fuzz("fluent", &[&ftl, extra], iterations(3000), |input| {
        let source = CatalogSource {
            lang: "en".into(),
            file: "locales/en/x.ftl".into(),
            text: input.to_string(),
            origin: Origin::Site,
        };
        let (catalog, diags) = Catalog::load(vec![source], &languages, "en");
        located_inside(&diags, "locales/en/x.ftl", input);
        let ids: Vec<String> = catalog
            .message_ids("en")
            .map(|(id, _)| id.to_string())
            .collect();
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", 3);
        for id in ids {
            let _ = catalog.format("en", &id, None);
            let _ = catalog.format("en", &id, Some(&args));
        }
    });
}

/// Whole builds of the fixture with one source file mutated: no panic, every error located
/// inside its file, and `public/` exactly as the last good build left it.
#[test]
fn whole_builds() {
    let site = fixture("basic");
    let root = site.path();
    build_site_no_pdf(root).expect("the fixture builds");
    let good = snapshot(&root.join("public"));
    let files = [
        "content/products/ex-300.yaml",
        "content/products/fe-25.yaml",
        "content/categories.yaml",
        "content/news/visit.en.md",
        "locales/en/site.ftl",
        "brochure.toml",
        "templates/plurals.html",
    ];
    let originals: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(root.join(f)).expect("read"))
        .collect();
    let count = iterations(3000) / 25;
    for case in 0..count {
        let seed = 0xD1B5_4A32_D192_ED03 ^ (case as u64 + 1);
        let mut rng = Rng(seed);
        let which = rng.below(files.len());
        let text = mutate(&mut rng, &originals[which]);
        std::fs::write(root.join(files[which]), &text).expect("write");
        let outcome = catch_unwind(AssertUnwindSafe(|| build_site_no_pdf(root)));
        let result = outcome.unwrap_or_else(|_| {
            panic!(
                "case {case} (seed {seed:#x}) panicked; {}: {text:?}",
                files[which]
            )
        });
        match result {
            Ok(_) => {}
            Err(failure) => {
                located_inside(&failure.diagnostics, files[which], &text);
                assert!(
                    failure
                        .diagnostics
                        .iter()
                        .all(|d| !d.location.file.is_empty()),
                    "an error without a file"
                );
                assert!(
                    failure.errors().next().is_some(),
                    "a failure without an error"
                );
                assert_eq!(
                    snapshot(&root.join("public")),
                    good,
                    "case {case} (seed {seed:#x}): a failed build changed public/"
                );
            }
        }
        std::fs::write(root.join(files[which]), &originals[which]).expect("restore");
        // A mutant that built replaced the site; rebuild the original so the next failed
        // build is compared with the right one.
        if snapshot(&root.join("public")) != good {
            build_site_no_pdf(root).expect("the fixture builds again");
        }
    }
}
