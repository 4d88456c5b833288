//! `brochure init` and `brochure new`: starting a site and adding to it.
//!
//! A new user's first build should succeed, and a new product should start with every field in
//! every language rather than with a guess at the format. Both write plain files that the user
//! then edits; nothing here is special to the build. Files are never overwritten: every target
//! is checked before the first one is written.

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Location, did_you_mean};
use std::path::{Path, PathBuf};

/// The languages the default theme speaks (its labels are translated into these).
pub const THEME_LANGUAGES: &[&str] = &["en", "zh", "ru"];

/// What a language needs in `brochure.toml`, and the sample texts of a new site.
struct Language {
    code: &'static str,
    locale: &'static str,
    name: &'static str,
    texts: Texts,
}

/// The sample site's texts in one language.
struct Texts {
    company: &'static str,
    tagline: &'static str,
    intro: &'static str,
    address: &'static str,
    category: &'static str,
    category_summary: &'static str,
    product: &'static str,
    product_summary: &'static str,
    product_description: &'static str,
    features: [&'static str; 2],
    spec_weight: &'static str,
    spec_power: &'static str,
    spec_engine: &'static str,
    unit_kg: &'static str,
    unit_kw: &'static str,
    news_title: &'static str,
    news_summary: &'static str,
    news_body: &'static str,
    about_title: &'static str,
    about_summary: &'static str,
    about_body: &'static str,
    placeholder_name: &'static str,
    placeholder_summary: &'static str,
    placeholder_text: &'static str,
    placeholder_category: &'static str,
    placeholder_category_summary: &'static str,
}

const LANGUAGES: &[Language] = &[
    Language {
        code: "en",
        locale: "en-US",
        name: "English",
        texts: Texts {
            company: "Example Machinery Co., Ltd.",
            tagline: "Machines built for your work",
            intro: "We design and build construction machinery. Replace this text with two sentences about your company.",
            address: "1 Factory Road, Xuzhou, Jiangsu, China",
            category: "Excavators",
            category_summary: "Crawler excavators for construction sites and quarries.",
            product: "EX-100 Excavator",
            product_summary: "A 10-tonne crawler excavator for construction sites.",
            product_description: "The EX-100 is a compact crawler excavator. Describe the machine here in a few paragraphs; see the [news](@/news/welcome).",
            features: ["Quiet cab", "Low fuel use"],
            spec_weight: "Operating weight",
            spec_power: "Engine power",
            spec_engine: "Engine model",
            unit_kg: "kg",
            unit_kw: "kW",
            news_title: "Our new website",
            news_summary: "The catalog is now online in several languages.",
            news_body: "Our catalog is now online. Have a look at the [EX-100](@/products/ex-100).",
            about_title: "About us",
            about_summary: "Who we are and what we build.",
            about_body: "Write about your company here: its history, its plant and its people.",
            placeholder_name: "New product",
            placeholder_summary: "One sentence about the product.",
            placeholder_text: "Describe it here.",
            placeholder_category: "New category",
            placeholder_category_summary: "One sentence about this product family.",
        },
    },
    Language {
        code: "zh",
        locale: "zh-CN",
        name: "中文",
        texts: Texts {
            company: "示例机械有限公司",
            tagline: "为您的工作而造",
            intro: "我们设计和制造工程机械。请用两句话介绍贵公司，替换这段文字。",
            address: "中国江苏省徐州市工厂路1号",
            category: "挖掘机",
            category_summary: "适用于建筑工地和采石场的履带式挖掘机。",
            product: "EX-100 挖掘机",
            product_summary: "适用于建筑工地的10吨级履带式挖掘机。",
            product_description: "EX-100 是一款紧凑型履带式挖掘机。请在此用几段文字介绍这台机器；另见[新闻](@/news/welcome)。",
            features: ["静音驾驶室", "低油耗"],
            spec_weight: "工作质量",
            spec_power: "发动机功率",
            spec_engine: "发动机型号",
            unit_kg: "千克",
            unit_kw: "千瓦",
            news_title: "我们的新网站",
            news_summary: "产品目录现已提供多种语言版本。",
            news_body: "我们的产品目录现已上线。欢迎了解 [EX-100](@/products/ex-100)。",
            about_title: "关于我们",
            about_summary: "我们是谁，我们制造什么。",
            about_body: "请在此介绍贵公司：历史、工厂和员工。",
            placeholder_name: "新产品",
            placeholder_summary: "用一句话介绍该产品。",
            placeholder_text: "请在此介绍。",
            placeholder_category: "新类别",
            placeholder_category_summary: "用一句话介绍这一产品系列。",
        },
    },
    Language {
        code: "ru",
        locale: "ru-RU",
        name: "Русский",
        texts: Texts {
            company: "ООО «Пример Машинери»",
            tagline: "Техника для вашей работы",
            intro: "Мы проектируем и производим строительную технику. Замените этот текст двумя предложениями о вашей компании.",
            address: "Китай, провинция Цзянсу, г. Сюйчжоу, Заводская ул., 1",
            category: "Экскаваторы",
            category_summary: "Гусеничные экскаваторы для стройплощадок и карьеров.",
            product: "Экскаватор EX-100",
            product_summary: "Гусеничный экскаватор массой 10 тонн для стройплощадок.",
            product_description: "EX-100 — компактный гусеничный экскаватор. Опишите машину здесь в нескольких абзацах; см. также [новости](@/news/welcome).",
            features: ["Тихая кабина", "Низкий расход топлива"],
            spec_weight: "Эксплуатационная масса",
            spec_power: "Мощность двигателя",
            spec_engine: "Модель двигателя",
            unit_kg: "кг",
            unit_kw: "кВт",
            news_title: "Наш новый сайт",
            news_summary: "Каталог теперь доступен на нескольких языках.",
            news_body: "Наш каталог теперь онлайн. Посмотрите [EX-100](@/products/ex-100).",
            about_title: "О компании",
            about_summary: "Кто мы и что мы производим.",
            about_body: "Расскажите здесь о компании: её истории, заводе и людях.",
            placeholder_name: "Новый продукт",
            placeholder_summary: "Одно предложение о продукте.",
            placeholder_text: "Опишите его здесь.",
            placeholder_category: "Новая категория",
            placeholder_category_summary: "Одно предложение об этой линейке продукции.",
        },
    },
];

fn language(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// A problem with the command itself, not with a source file.
fn usage(message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
    Diagnostic::error(Location::file(crate::diagnostics::COMMAND_LINE), message).with_hint(hint)
}

/// Writes every file or none: all targets are checked first.
fn write_all(root: &Path, files: &[(PathBuf, String)]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let taken: Vec<Diagnostic> = files
        .iter()
        .filter(|(rel, _)| root.join(rel).symlink_metadata().is_ok())
        .map(|(rel, _)| {
            Diagnostic::error(
                Location::file(rel.to_string_lossy().replace('\\', "/")),
                "the file exists already; it is left as it is",
            )
            .with_hint("choose another name, or delete the file first")
        })
        .collect();
    if !taken.is_empty() {
        return Err(taken);
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = root.join(rel);
        let result = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = result {
            return Err(vec![Diagnostic::error(
                Location::file(rel.to_string_lossy().replace('\\', "/")),
                format!("cannot write the file: {e}"),
            )]);
        }
        written.push(rel.clone());
    }
    Ok(written)
}

/// `brochure init`: a small complete site in `dir`, which must be empty or new. Returns the
/// files written, relative to `dir`.
pub fn init(dir: &Path, languages: &[String]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    if dir.is_file() {
        return Err(vec![usage(
            format!("{} is a file", dir.display()),
            "give the folder to create the site in",
        )]);
    }
    if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(vec![usage(
            format!("{} is not empty", dir.display()),
            "start the site in a new or empty folder, e.g. `brochure init my-catalog`",
        )]);
    }
    let mut chosen: Vec<&Language> = Vec::new();
    for code in languages {
        match language(code) {
            Some(l) if !chosen.iter().any(|c| c.code == l.code) => chosen.push(l),
            Some(_) => {}
            None => {
                return Err(vec![usage(
                    format!("the default theme has no texts in `{code}`"),
                    format!(
                        "choose from {}; more languages need a translation of the theme's messages{}",
                        THEME_LANGUAGES.join(", "),
                        did_you_mean(code, THEME_LANGUAGES.iter().copied())
                            .map(|m| format!(" ({m})"))
                            .unwrap_or_default()
                    ),
                )]);
            }
        }
    }
    if chosen.is_empty() {
        return Err(vec![usage(
            "no language was given",
            "e.g. --languages en,zh,ru",
        )]);
    }
    write_all(dir, &site_files(&chosen))
}

fn site_files(languages: &[&Language]) -> Vec<(PathBuf, String)> {
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut add = |rel: &str, text: String| files.push((PathBuf::from(rel), text));
    let mut config = String::from(
        "# Site settings. See the README (\"brochure.toml\") for every key.\n\
         # The address the site will have once it is online:\n\
         base_url = \"https://www.example.com/\"\n\
         theme = \"default\"\n",
    );
    config.push_str(&format!("default_language = \"{}\"\n", languages[0].code));
    for l in languages {
        config.push_str(&format!(
            "\n[[languages]]\ncode = \"{}\"\nlocale = \"{}\"\nname = \"{}\"\n",
            l.code, l.locale, l.name
        ));
    }
    add("brochure.toml", config);
    add(".gitignore", "/public/\n/.brochure-cache/\n".into());
    let per_lang = |indent: &str, f: &dyn Fn(&Texts) -> String| -> String {
        languages
            .iter()
            .map(|l| format!("{indent}{}: {}\n", l.code, f(&l.texts)))
            .collect()
    };
    add(
        "content/categories.yaml",
        format!(
            "# Product families, in display order.\n- id: excavators\n  order: 10\n  name:\n{}  summary:\n{}",
            per_lang("    ", &|t| yaml_str(t.category)),
            per_lang("    ", &|t| yaml_str(t.category_summary)),
        ),
    );
    add(
        "content/products/ex-100.yaml",
        format!(
            "category: excavators\norder: 10\nfeatured: true\nname:\n{}summary:\n{}description:\n{}features:\n{}specs:\n  operating-weight: {{value: 10200, unit: kg}}\n  engine-power: {{value: 73.5, unit: kw}}\n  engine-model: {{value: \"Yuchai YC4D\"}}\n",
            per_lang("  ", &|t| yaml_str(t.product)),
            per_lang("  ", &|t| yaml_str(t.product_summary)),
            languages
                .iter()
                .map(|l| format!("  {}: |\n    {}\n", l.code, l.texts.product_description))
                .collect::<String>(),
            per_lang("  ", &|t| format!(
                "[{}, {}]",
                yaml_str(t.features[0]),
                yaml_str(t.features[1])
            )),
        ),
    );
    for l in languages {
        let t = &l.texts;
        add(
            &format!("content/news/welcome.{}.md", l.code),
            format!(
                "---\ntitle: {}\ndate: {}\nsummary: {}\nproducts: [ex-100]\n---\n{}\n",
                yaml_str(t.news_title),
                today(),
                yaml_str(t.news_summary),
                t.news_body
            ),
        );
        add(
            &format!("content/pages/about.{}.md", l.code),
            format!(
                "---\ntitle: {}\nsummary: {}\n---\n{}\n",
                yaml_str(t.about_title),
                yaml_str(t.about_summary),
                t.about_body
            ),
        );
        add(
            &format!("locales/{}/site.ftl", l.code),
            format!(
                "# The site's own texts in {name}. The theme's labels come with the theme; any of\n\
                 # them can be overridden here with the same id.\n\
                 company-name = {}\n\
                 company-tagline = {}\n\
                 company-intro = {}\n\
                 company-address = {}\n\
                 company-phone = +86 516 0000 0000\n\
                 company-email = sales@example.com\n\n\
                 # Spec labels (spec-<key>) and unit names (unit-<id>) used by products.\n\
                 spec-operating-weight = {}\n\
                 spec-engine-power = {}\n\
                 spec-engine-model = {}\n\
                 unit-kg = {}\n\
                 unit-kw = {}\n",
                t.company,
                t.tagline,
                t.intro,
                t.address,
                t.spec_weight,
                t.spec_power,
                t.spec_engine,
                t.unit_kg,
                t.unit_kw,
                name = l.name,
            ),
        );
    }
    add(
        "static/images/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"180\" height=\"40\" viewBox=\"0 0 180 40\">\n  <title>Logo</title>\n  <rect width=\"40\" height=\"40\" rx=\"6\" fill=\"#c8102e\"/>\n  <path d=\"M9 29 L20 10 L31 29 Z\" fill=\"#fff\"/>\n  <text x=\"50\" y=\"27\" font-family=\"sans-serif\" font-size=\"18\" font-weight=\"700\" fill=\"#222\">LOGO</text>\n</svg>\n".into(),
    );
    files
}

/// A YAML scalar: plain when safe, else double-quoted.
fn yaml_str(text: &str) -> String {
    let plain = !text.is_empty()
        && !text.contains([
            ':', '#', '"', '\'', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`',
        ])
        && !text.starts_with(['-', '?', ' '])
        && !text.ends_with(' ');
    if plain {
        text.to_string()
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// Today's date (UTC) as YYYY-MM-DD, or `SOURCE_DATE_EPOCH`'s when set (reproducible tests).
fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    let (y, m, d) = crate::print::civil_from_days(seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// What `brochure new` adds.
#[derive(Debug, Clone)]
pub enum NewItem {
    Product { id: String, category: String },
    Category { id: String },
    News { slug: String },
    Page { slug: String },
}

/// `brochure new …`: skeleton files with every field in every configured language. New
/// products, news and pages are drafts (`draft: true`) until the user publishes them.
pub fn new_item(root: &Path, item: &NewItem) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let config = Config::load(root)?;
    let (id, kind) = match item {
        NewItem::Product { id, .. } => (id, "product id"),
        NewItem::Category { id } => (id, "category id"),
        NewItem::News { slug } | NewItem::Page { slug } => (slug, "slug"),
    };
    if !crate::content::is_valid_id(id) {
        return Err(vec![usage(
            format!("`{id}` cannot be a {kind}: it becomes a URL"),
            "use lowercase letters, digits and hyphens, e.g. ex-200",
        )]);
    }
    let codes: Vec<&str> = config.language_codes().collect();
    let text_for = |code: &str| {
        language(code)
            .unwrap_or(&LANGUAGES[0])
            .texts
            .placeholder_text
    };
    let per_lang = |indent: &str, f: &dyn Fn(&Texts) -> String| -> String {
        codes
            .iter()
            .map(|c| {
                format!(
                    "{indent}{c}: {}\n",
                    f(&language(c).unwrap_or(&LANGUAGES[0]).texts)
                )
            })
            .collect()
    };
    let categories_file = root.join("content/categories.yaml");
    let categories_text = std::fs::read_to_string(&categories_file).unwrap_or_default();
    let category_ids: Vec<String> = categories_text
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("- id:"))
        .map(|s| s.trim().trim_matches(['"', '\'']).to_string())
        .collect();
    let files: Vec<(PathBuf, String)> = match item {
        NewItem::Product { id, category } => {
            if !category_ids.iter().any(|c| c == category) {
                return Err(vec![usage(
                    format!("there is no category `{category}` in content/categories.yaml"),
                    did_you_mean(category, category_ids.iter().map(String::as_str)).unwrap_or_else(
                        || format!("add it first: brochure new category {category}"),
                    ),
                )]);
            }
            let name = id.to_uppercase();
            vec![(
                PathBuf::from(format!("content/products/{id}.yaml")),
                format!(
                    "# A new product: fill in every language, then remove `draft: true` to publish it.\ncategory: {category}\norder: 100\nfeatured: false\ndraft: true\n# image: images/{id}.jpg     # a picture under static/\nname:\n{}summary:\n{}description:\n{}features:\n{}specs:\n  # <key>: {{value: <number>, unit: <unit id>}}   # label: spec-<key>, unit name: unit-<id> in locales/\n  operating-weight: {{value: 0, unit: kg}}\n",
                    per_lang("  ", &|t| yaml_str(&format!(
                        "{name} {}",
                        t.placeholder_name
                    ))),
                    per_lang("  ", &|t| yaml_str(t.placeholder_summary)),
                    codes
                        .iter()
                        .map(|c| format!("  {c}: |\n    {}\n", text_for(c)))
                        .collect::<String>(),
                    per_lang("  ", &|t| format!("[{}]", yaml_str(t.placeholder_text))),
                ),
            )]
        }
        NewItem::Category { id } => {
            if category_ids.iter().any(|c| c == id) {
                return Err(vec![
                    Diagnostic::error(
                        Location::file("content/categories.yaml"),
                        format!("category `{id}` exists already"),
                    )
                    .with_hint("choose another id"),
                ]);
            }
            let mut text = categories_text.clone();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&format!(
                "\n- id: {id}\n  order: {}\n  name:\n{}  summary:\n{}",
                (category_ids.len() + 1) * 10,
                per_lang("    ", &|t| yaml_str(&format!(
                    "{} ({id})",
                    t.placeholder_category
                ))),
                per_lang("    ", &|t| yaml_str(t.placeholder_category_summary)),
            ));
            // Appending is the one change to an existing file: written whole, after the check.
            std::fs::create_dir_all(root.join("content")).map_err(|e| {
                vec![Diagnostic::error(
                    Location::file("content"),
                    format!("cannot create the folder: {e}"),
                )]
            })?;
            std::fs::write(&categories_file, text).map_err(|e| {
                vec![Diagnostic::error(
                    Location::file("content/categories.yaml"),
                    format!("cannot write the file: {e}"),
                )]
            })?;
            return Ok(vec![PathBuf::from("content/categories.yaml")]);
        }
        NewItem::News { slug } => codes
            .iter()
            .map(|c| {
                let t = &language(c).unwrap_or(&LANGUAGES[0]).texts;
                (
                    PathBuf::from(format!("content/news/{slug}.{c}.md")),
                    format!(
                        "---\ntitle: {}\ndate: {}\nsummary: {}\ndraft: true\n---\n{}\n",
                        yaml_str(t.placeholder_name),
                        today(),
                        yaml_str(t.placeholder_summary),
                        t.placeholder_text
                    ),
                )
            })
            .collect(),
        NewItem::Page { slug } => codes
            .iter()
            .map(|c| {
                let t = &language(c).unwrap_or(&LANGUAGES[0]).texts;
                (
                    PathBuf::from(format!("content/pages/{slug}.{c}.md")),
                    format!(
                        "---\ntitle: {}\nsummary: {}\ndraft: true\n---\n{}\n",
                        yaml_str(t.placeholder_name),
                        yaml_str(t.placeholder_summary),
                        t.placeholder_text
                    ),
                )
            })
            .collect(),
    };
    write_all(root, &files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_are_quoted_when_needed() {
        assert_eq!(yaml_str("Excavators"), "Excavators");
        assert_eq!(yaml_str("ООО «Пример»"), "ООО «Пример»");
        assert_eq!(yaml_str("a: b"), "\"a: b\"");
        assert_eq!(yaml_str("- x"), "\"- x\"");
        assert_eq!(yaml_str("say \"hi\""), "\"say \\\"hi\\\"\"");
    }
}
