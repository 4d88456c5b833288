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
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Let raw HTML in Markdown through. Off by default: content is written by many hands.
    #[serde(default)]
    pub unsafe_html: bool,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    #[serde(default = "default_theme")]
    theme: String,
    default_language: Option<String>,
    languages: Vec<Language>,
    #[serde(default)]
    markdown: MarkdownConfig,
}

fn default_theme() -> String {
    "default".into()
}

/// The validated site configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
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

        let mut base_url = raw.base_url.trim().to_string();
        let base_path = match base_url
            .strip_prefix("https://")
            .or_else(|| base_url.strip_prefix("http://"))
        {
            Some(rest) if !rest.is_empty() && !rest.starts_with('/') => {
                if !base_url.ends_with('/') {
                    base_url.push('/');
                }
                let rest = &base_url[base_url.find("//").map_or(0, |i| i + 2)..];
                rest.find('/')
                    .map_or("/".to_string(), |i| rest[i..].to_string())
            }
            _ => {
                errors.push(
                    Diagnostic::error(
                        at("base_url"),
                        format!("base_url `{}` is not an absolute URL", raw.base_url),
                    )
                    .with_hint(
                        "write the full address, e.g. base_url = \"https://www.example.com/\"",
                    ),
                );
                "/".to_string()
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
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            base_url,
            base_path,
            theme: raw.theme,
            default_language,
            languages: raw.languages,
            markdown: raw.markdown,
        })
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
