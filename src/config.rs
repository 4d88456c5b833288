//! `brochure.toml`: the site's settings, validated strictly.
//!
//! Unknown keys are errors (with a did-you-mean hint) because a misspelt key silently ignored is
//! the worst kind of bug for a non-programmer: the build "works" and the setting does nothing.

use crate::diagnostics::{Diagnostic, Location, did_you_mean, hint_for_serde_message};
use serde::Deserialize;
use std::path::Path;

/// File name of the site configuration, at the site root.
pub const CONFIG_FILE: &str = "brochure.toml";

/// One language the site is published in.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// URL prefix and folder name (`en`, `zh`, `ru`).
    pub code: String,
    /// BCP 47 locale used for formatting and `<html lang>` (`en-US`, `zh-CN`, `ru-RU`).
    pub locale: String,
    /// The language's own name, shown in the language switcher (`Русский`).
    pub name: String,
    /// The sales desk that answers in this language (quote requests, the e-mail link of
    /// every page); without it, the `company-email` message.
    #[serde(default)]
    pub contact_email: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Let raw HTML in Markdown through. Off by default: content is written by many hands.
    #[serde(default)]
    pub unsafe_html: bool,
}

/// Paper sizes for print output.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    A5,
    Letter,
}

impl Paper {
    /// The name Typst uses for the size.
    pub fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::A5 => "a5",
            Paper::Letter => "us-letter",
        }
    }
}

/// The standard a brochure's PDF is made to.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
pub enum PdfStandard {
    /// PDF/X-4, for the press: a CMYK OutputIntent (FOGRA39), BleedBox, `/Trapped`, PDF 1.6.
    #[default]
    #[serde(rename = "x-4")]
    X4,
    /// PDF/A-2b: archival; Typst allows only RGB colours with it.
    #[serde(rename = "a-2b")]
    A2b,
    /// Plain PDF 1.7, as Typst writes it.
    #[serde(rename = "none")]
    Plain,
}

/// How a brochure is bound, which decides its page count.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
pub enum Binding {
    /// Folded sheets stapled in the fold: the page count is a multiple of 4, padded with
    /// notes pages before the back cover.
    #[default]
    #[serde(rename = "saddle")]
    Saddle,
    /// Glued spine: any even page count; no padding.
    #[serde(rename = "perfect")]
    Perfect,
}

impl Binding {
    pub fn name(self) -> &'static str {
        match self {
            Binding::Saddle => "saddle",
            Binding::Perfect => "perfect",
        }
    }
}

/// One `[[brochures]]` entry: a printed catalog made in every language.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BrochureConfig {
    /// File name: `brochures/<id>.<lang>.pdf`.
    pub id: String,
    /// Fluent message id of the title.
    #[serde(default = "default_brochure_title")]
    pub title: String,
    /// Categories to include, in this order; empty for all.
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default = "default_paper")]
    pub paper: Paper,
    /// Bleed in millimetres on every side; 0 for none.
    #[serde(default = "default_bleed")]
    pub bleed_mm: f64,
    #[serde(default = "default_true")]
    pub crop_marks: bool,
    #[serde(default)]
    pub binding: Binding,
    /// Start every category on a right-hand (odd) page, leaving a left page blank if need be.
    #[serde(default)]
    pub openers_on_right: bool,
    /// Appended to the QR links as `utm_campaign`.
    pub campaign: Option<String>,
    #[serde(default)]
    pub pdf_standard: PdfStandard,
}

fn default_brochure_title() -> String {
    "brochure-catalog-title".into()
}

fn default_paper() -> Paper {
    Paper::A4
}

fn default_bleed() -> f64 {
    3.0
}

fn default_true() -> bool {
    true
}

impl BrochureConfig {
    /// The brochure made when the config lists none: every product, A4, 3 mm bleed.
    pub fn default_catalog() -> Self {
        BrochureConfig {
            id: "catalog".into(),
            title: default_brochure_title(),
            categories: Vec::new(),
            paper: Paper::A4,
            bleed_mm: 3.0,
            crop_marks: true,
            binding: Binding::Saddle,
            openers_on_right: false,
            campaign: None,
            pdf_standard: PdfStandard::X4,
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    #[serde(default = "default_theme")]
    theme: String,
    default_language: Option<String>,
    languages: Vec<Language>,
    #[serde(default)]
    markdown: MarkdownConfig,
    #[serde(default)]
    brochures: Vec<BrochureConfig>,
    #[serde(default)]
    images: ImagesConfig,
    #[serde(default)]
    search: SearchConfig,
    #[serde(default)]
    quote: QuoteConfig,
    #[serde(default)]
    datasheets: DatasheetConfig,
    #[serde(default)]
    print: PrintConfig,
}

/// `[print]`: how the site's drawings (logo, illustrations; SVG, so RGB) are printed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PrintConfig {
    /// `"#c8102e" = [0, 92, 77, 22]`: an RGB colour of the drawings and the CMYK percentages
    /// the press prints it in (the brand's own values, not a default conversion). Greys are
    /// always printed in black ink alone.
    pub colors: std::collections::BTreeMap<String, [f64; 4]>,
}

impl PrintConfig {
    /// The colours as `(rgb, cmyk 0–1)`, for [`crate::print::pdfx::make_x4`]. Entries that
    /// do not parse are left out (`Config::load` reports them).
    pub fn color_map(&self) -> Vec<([u8; 3], [f32; 4])> {
        self.colors
            .iter()
            .filter_map(|(hex, cmyk)| Some((parse_hex_rgb(hex)?, cmyk.map(|v| (v / 100.0) as f32))))
            .collect()
    }
}

/// `#rrggbb` as three bytes.
fn parse_hex_rgb(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 || !digits.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// `[datasheets]`: the one-page product PDFs visitors download.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct DatasheetConfig {
    /// A4 or US Letter (for buyers who print at home or in the office).
    pub paper: Paper,
}

impl Default for DatasheetConfig {
    fn default() -> Self {
        DatasheetConfig { paper: Paper::A4 }
    }
}

/// `[quote]`: how buyers ask for a price besides e-mail.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields, default)]
pub struct QuoteConfig {
    /// Where a plain HTML quote form on product pages posts (a form service or the company's
    /// own endpoint). No form when unset: the mailto link alone.
    pub form_action: Option<String>,
}

/// `[search]`: the full-text search index (see `crate::search`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Build the index and show the search box (on by default).
    pub enabled: bool,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig { enabled: true }
    }
}

/// `[images]`: the copies made of product photos (see `crate::images`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields, default)]
pub struct ImagesConfig {
    /// Widths of the resized copies, in pixels (never wider than the photo itself).
    pub widths: Vec<u32>,
    /// WebP and JPEG quality, 1–100.
    pub quality: u8,
    /// The longest side a photo is printed at, in millimetres: PDFs get copies of at most
    /// 300 pixels per inch of it.
    pub print_size_mm: u32,
}

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            widths: vec![320, 640, 960, 1280, 1920],
            quality: 80,
            print_size_mm: 120,
        }
    }
}

fn default_theme() -> String {
    "default".into()
}

/// The validated site configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Absolute URL of the site, always ending in `/`.
    pub base_url: String,
    /// Path part of `base_url` (`/` or `/catalog/`): root-relative links start with it.
    pub base_path: String,
    pub theme: String,
    pub default_language: String,
    /// In switcher order.
    pub languages: Vec<Language>,
    pub markdown: MarkdownConfig,
    /// Printed brochures; never empty (a default `catalog` when the file lists none).
    pub brochures: Vec<BrochureConfig>,
    pub images: ImagesConfig,
    pub search: SearchConfig,
    pub quote: QuoteConfig,
    pub datasheets: DatasheetConfig,
    pub print: PrintConfig,
}

impl Config {
    /// Loads `brochure.toml` from the site root.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            return Err(vec![
                Diagnostic::error(
                    Location::file(CONFIG_FILE),
                    format!("no {CONFIG_FILE} in {}", root.display()),
                )
                .with_hint("run brochure in the site folder, or pass --root DIR"),
            ]);
        }
        let text = crate::source::read_text(&path, CONFIG_FILE).map_err(|d| vec![d])?;
        Config::parse(&text)
    }

    /// Parses and validates the text of `brochure.toml`.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let location = e.span().map_or(Location::file(CONFIG_FILE), |s| {
                Location::at_offset(CONFIG_FILE, text, s.start, 1)
            });
            let message = e.message().trim().to_string();
            let hint = hint_for_serde_message(&message);
            let message = message
                .split(", expected")
                .next()
                .unwrap_or(&message)
                .to_string();
            vec![Diagnostic::error(location, message).with_optional_hint(hint)]
        })?;
        let mut errors = Vec::new();
        let at = |key: &str| key_location(text, key);

        let (base_url, base_path) = match absolute_base_url(&raw.base_url) {
            Some(pair) => pair,
            None => {
                errors.push(
                    Diagnostic::error(
                        at("base_url"),
                        format!("base_url `{}` is not an absolute URL", raw.base_url),
                    )
                    .with_hint(
                        "write the full address, e.g. base_url = \"https://www.example.com/\"",
                    ),
                );
                (raw.base_url.clone(), "/".to_string())
            }
        };

        if raw.languages.is_empty() {
            errors.push(
                Diagnostic::error(at("languages"), "no [[languages]] are configured")
                    .with_hint("add a [[languages]] table with code, locale and name"),
            );
        }
        let mut seen = Vec::new();
        for lang in &raw.languages {
            let valid_code = !lang.code.is_empty()
                && lang.code.len() <= 12
                && lang
                    .code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid_code {
                errors.push(
                    Diagnostic::error(
                        value_location(text, &lang.code),
                        format!("language code `{}` cannot be used in URLs", lang.code),
                    )
                    .with_hint("use a short lowercase code such as en, zh or ru"),
                );
            }
            if seen.contains(&lang.code) {
                errors.push(Diagnostic::error(
                    value_location(text, &lang.code),
                    format!("language `{}` is configured twice", lang.code),
                ));
            }
            seen.push(lang.code.clone());
            if let Some(email) = &lang.contact_email
                && !is_email_address(email)
            {
                errors.push(
                    Diagnostic::error(
                        value_location(text, email),
                        format!("contact_email `{email}` is not an e-mail address"),
                    )
                    .with_hint("write one address, like ru-sales@example.com"),
                );
            }
            if lang
                .locale
                .parse::<unic_langid::LanguageIdentifier>()
                .is_err()
                || lang.locale.parse::<icu_locale_core::Locale>().is_err()
            {
                errors.push(
                    Diagnostic::error(
                        value_location(text, &lang.locale),
                        format!("`{}` is not a BCP 47 locale", lang.locale),
                    )
                    .with_hint("write it like en-US, zh-CN or ru-RU"),
                );
            }
        }
        let bad_action = raw.quote.form_action.as_deref().is_some_and(|a| {
            !(a.starts_with("https://") || a.starts_with("http://localhost"))
                || a.contains(['"', '<', '>', ' '])
        });
        if bad_action {
            errors.push(
                Diagnostic::error(
                    key_location(text, "form_action"),
                    format!(
                        "form_action `{}` is not an https:// address",
                        raw.quote.form_action.as_deref().unwrap_or_default()
                    ),
                )
                .with_hint("buyers' names and addresses must travel encrypted: use the https:// address your form service gives you"),
            );
        }
        let default_language = match raw.default_language {
            Some(code) if seen.contains(&code) => code,
            Some(code) => {
                errors.push(
                    Diagnostic::error(
                        at("default_language"),
                        format!("default_language `{code}` is not one of the configured languages"),
                    )
                    .with_optional_hint(did_you_mean(&code, seen.iter().map(String::as_str))),
                );
                code
            }
            None => seen.first().cloned().unwrap_or_default(),
        };
        // A theme is a folder name under themes/: `"/srv/x"` or `"../../x"` would load a theme
        // from anywhere on the machine.
        if !crate::content::is_valid_id(&raw.theme) {
            errors.push(
                Diagnostic::error(
                    key_location(text, "theme"),
                    format!("theme `{}` is not a theme name", raw.theme),
                )
                .with_hint(
                    "name a folder in themes/ with lowercase letters, digits and hyphens, or use \"default\"",
                ),
            );
        }
        let mut brochure_ids: Vec<&str> = Vec::new();
        for b in &raw.brochures {
            let at = value_location(text, &b.id);
            if !crate::content::is_valid_id(&b.id) {
                errors.push(
                    Diagnostic::error(
                        at.clone(),
                        format!("brochure id `{}` cannot be used as a file name", b.id),
                    )
                    .with_hint(
                        "use lowercase letters, digits and hyphens, e.g. catalog or expo-2026",
                    ),
                );
            }
            if brochure_ids.contains(&b.id.as_str()) {
                errors.push(Diagnostic::error(
                    at.clone(),
                    format!("brochure `{}` is configured twice", b.id),
                ));
            }
            brochure_ids.push(&b.id);
            if !(0.0..=20.0).contains(&b.bleed_mm) || !b.bleed_mm.is_finite() {
                errors.push(
                    Diagnostic::error(
                        key_location(text, "bleed_mm"),
                        format!("bleed_mm = {} is out of range", b.bleed_mm),
                    )
                    .with_hint("print shops usually ask for 3 mm; use 0 for none"),
                );
            }
            if let Some(c) = &b.campaign
                && !c
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || "-_.".contains(ch))
            {
                errors.push(
                    Diagnostic::error(
                        value_location(text, c),
                        format!("campaign `{c}` must be plain ASCII for a URL"),
                    )
                    .with_hint("use letters, digits, - _ and ., e.g. expo-2026"),
                );
            }
        }
        let images = &raw.images;
        if images.widths.is_empty() || images.widths.iter().any(|w| !(16..=8192).contains(w)) {
            errors.push(
                Diagnostic::error(
                    key_location(text, "widths"),
                    "image widths must be between 16 and 8192 pixels, and at least one",
                )
                .with_hint("e.g. widths = [320, 640, 960, 1280, 1920]"),
            );
        }
        if !(1..=100).contains(&images.quality) {
            errors.push(
                Diagnostic::error(
                    key_location(text, "quality"),
                    format!("quality = {} is out of range", images.quality),
                )
                .with_hint("use 1–100; 75–85 suits photos"),
            );
        }
        for (hex, cmyk) in &raw.print.colors {
            let at = key_location(text, &format!("\"{hex}\""));
            if parse_hex_rgb(hex).is_none() {
                errors.push(
                    Diagnostic::error(at.clone(), format!("`{hex}` is not an RGB colour"))
                        .with_hint("write it as in the SVG file: \"#c8102e\" = [0, 92, 77, 22]"),
                );
            }
            if cmyk.iter().any(|v| !(0.0..=100.0).contains(v)) {
                errors.push(
                    Diagnostic::error(at, format!("the CMYK values of `{hex}` must be 0–100"))
                        .with_hint(
                            "percentages of cyan, magenta, yellow and black: [0, 92, 77, 22]",
                        ),
                );
            }
        }
        if !(10..=2000).contains(&images.print_size_mm) {
            errors.push(
                Diagnostic::error(
                    key_location(text, "print_size_mm"),
                    format!("print_size_mm = {} is out of range", images.print_size_mm),
                )
                .with_hint("the longest side a photo is printed at, in mm: 10–2000"),
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut images = raw.images;
        images.widths.sort_unstable();
        images.widths.dedup();
        let brochures = if raw.brochures.is_empty() {
            vec![BrochureConfig::default_catalog()]
        } else {
            raw.brochures
        };
        Ok(Config {
            base_url,
            base_path,
            theme: raw.theme,
            default_language,
            languages: raw.languages,
            markdown: raw.markdown,
            images,
            search: raw.search,
            quote: raw.quote,
            datasheets: raw.datasheets,
            print: raw.print,
            brochures,
        })
    }

    /// Replaces `base_url` (the `--base-url` option), validated like the file's.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Diagnostic> {
        let (base_url, base_path) = absolute_base_url(url).ok_or_else(|| {
            Diagnostic::error(
                Location::file("--base-url"),
                format!("--base-url `{url}` is not an absolute URL"),
            )
            .with_hint("write the full address, e.g. --base-url https://staging.example.com/")
        })?;
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(())
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    /// Languages with the default one first: the order in which fallbacks are tried.
    pub fn is_language(&self, code: &str) -> bool {
        self.language(code).is_some()
    }
}

/// `url` normalised to end in `/`, and its path part (`/` or `/catalog/`); `None` unless it is
/// an absolute http(s) URL with a host.
fn absolute_base_url(url: &str) -> Option<(String, String)> {
    let mut base_url = url.trim().to_string();
    let rest = base_url
        .strip_prefix("https://")
        .or_else(|| base_url.strip_prefix("http://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return None;
    }
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    let rest = &base_url[base_url.find("//").map_or(0, |i| i + 2)..];
    let base_path = rest
        .find('/')
        .map_or("/".to_string(), |i| rest[i..].to_string());
    Some((base_url, base_path))
}

/// One plain address (`desk@example.com`): a mailto link is built from it, so anything
/// that would end the address or start its query (`?`, `&`, `,`, spaces) is refused.
fn is_email_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let fine = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
    };
    fine(local) && fine(domain) && domain.contains('.') && !domain.ends_with('.')
}

/// Where `key = …` stands in the file, for errors about a key's value.
fn key_location(text: &str, key: &str) -> Location {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            let indent = line.len() - trimmed.len();
            return Location::at_offset(CONFIG_FILE, text, offset + indent, 1);
        }
        if trimmed.starts_with(&format!("[[{key}]]")) || trimmed.starts_with(&format!("[{key}]")) {
            return Location::at_offset(CONFIG_FILE, text, offset, 1);
        }
        offset += line.len();
    }
    Location::file(CONFIG_FILE)
}

/// Where the quoted value `"value"` first stands in the file.
fn value_location(text: &str, value: &str) -> Location {
    text.find(&format!("\"{value}\""))
        .map_or(Location::file(CONFIG_FILE), |i| {
            Location::at_offset(CONFIG_FILE, text, i, 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
base_url = "https://example.com/catalog"
default_language = "en"
[[languages]]
code = "en"
locale = "en-US"
name = "English"
[[languages]]
code = "ru"
locale = "ru-RU"
name = "Русский"
"#;

    #[test]
    fn parses_and_normalises() {
        let c = Config::parse(GOOD).unwrap();
        assert_eq!(c.base_url, "https://example.com/catalog/");
        assert_eq!(c.base_path, "/catalog/");
        assert_eq!(c.theme, "default");
        assert_eq!(c.language_codes().collect::<Vec<_>>(), ["en", "ru"]);
    }

    #[test]
    fn theme_names_cannot_leave_themes() {
        for bad in ["/srv/x", "../../x", "a/b", "My Theme"] {
            let text = format!("theme = \"{bad}\"\n{GOOD}");
            let errors = Config::parse(&text).expect_err(bad);
            assert!(errors[0].message.contains("is not a theme name"), "{bad}");
            assert_eq!(errors[0].location.line, 1, "{bad}");
        }
    }

    #[test]
    fn brochures_default_and_validate() {
        let c = Config::parse(GOOD).unwrap();
        assert_eq!(c.brochures, vec![BrochureConfig::default_catalog()]);
        let text = format!(
            "{GOOD}\n[[brochures]]\nid = \"expo\"\npaper = \"a5\"\nbleed_mm = 0\ncrop_marks = false\npdf_standard = \"a-2b\"\n"
        );
        let c = Config::parse(&text).unwrap();
        assert_eq!(c.brochures[0].paper, Paper::A5);
        assert_eq!(c.brochures[0].pdf_standard, PdfStandard::A2b);
        let bad = format!("{GOOD}\n[[brochures]]\nid = \"expo\"\npaper = \"a3\"\n");
        let errs = Config::parse(&bad).unwrap_err();
        assert_eq!(errs[0].location.line, 15, "{}", errs[0]);
        assert!(errs[0].message.contains("a3"), "{}", errs[0]);
        let bad = format!("{GOOD}\n[[brochures]]\nid = \"expo\"\nbleed = 3\n");
        let errs = Config::parse(&bad).unwrap_err();
        assert_eq!(errs[0].hint.as_deref(), Some("did you mean `bleed_mm`?"));
    }

    #[test]
    fn base_url_override_is_validated_like_the_file() {
        let mut c = Config::parse(GOOD).unwrap();
        c.set_base_url("https://staging.example/shop").unwrap();
        assert_eq!(
            (c.base_url.as_str(), c.base_path.as_str()),
            ("https://staging.example/shop/", "/shop/")
        );
        let e = c.set_base_url("staging.example").unwrap_err();
        assert!(e.message.contains("not an absolute URL"), "{e}");
        assert_eq!(
            c.base_url, "https://staging.example/shop/",
            "unchanged after a bad value"
        );
    }

    #[test]
    fn unknown_key_has_location_and_hint() {
        let text = GOOD.replace("default_language", "default_langauge");
        let errs = Config::parse(&text).unwrap_err();
        assert_eq!(errs[0].location, Location::new(CONFIG_FILE, 3, 1));
        assert!(errs[0].message.contains("default_langauge"), "{}", errs[0]);
        assert_eq!(
            errs[0].hint.as_deref(),
            Some("did you mean `default_language`?")
        );
    }

    #[test]
    fn relative_base_url_and_bad_default_language() {
        let text = GOOD
            .replace("https://example.com/catalog", "/catalog")
            .replace("\"en\"\n[[", "\"eng\"\n[[");
        let errs = Config::parse(&text).unwrap_err();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].message.contains("not an absolute URL"));
        assert_eq!(errs[0].location.line, 2);
        assert!(errs[1].message.contains("`eng`"));
        assert_eq!(errs[1].hint.as_deref(), Some("did you mean `en`?"));
    }
}
