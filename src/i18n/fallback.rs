//! Messages a theme shows that the site has not written yet.
//!
//! The default theme prints the company's name, tagline, address, phone and e-mail, and those
//! come from the site's `locales/`. A new site has none of them, and failing the build on the
//! first missing one, then the next, is the worst way to learn the list. Instead every message
//! the theme's templates ask for by a literal key and no catalog defines gets a fallback (the
//! company name from the base URL's host, the others empty, which the default theme leaves out)
//! and one warning per language listing the lines to add.

use super::CatalogSource;
use super::Origin;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Location};
use std::collections::BTreeSet;

/// Display name of the generated fallback messages.
pub const FALLBACK_FILE: &str = "(fallback messages)";

/// Message ids that templates ask for by a literal key: `t(key="company-name")`.
pub fn referenced_keys<'a>(templates: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for text in templates {
        for quote in ['"', '\''] {
            let pattern = format!("key={quote}");
            let mut rest = text;
            while let Some(at) = rest.find(&pattern) {
                rest = &rest[at + pattern.len()..];
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                let after = &rest[id.len()..];
                let whole_key = after.strip_prefix(quote).is_some_and(|a| {
                    a.trim_start().starts_with(')') || a.trim_start().starts_with(',')
                });
                if !id.is_empty() && whole_key {
                    keys.insert(id);
                }
            }
        }
    }
    keys
}

/// An example value for the line a user should add.
fn example(id: &str, company: &str) -> String {
    match id {
        "company-name" => company.to_string(),
        "company-short-name" => company.split('.').next().unwrap_or(company).to_string(),
        "company-tagline" => "Machines built for your work".into(),
        "company-intro" => "One or two sentences about the company.".into(),
        "company-address" => "1 Factory Road, City, Country".into(),
        "company-phone" => "+86 000 0000 0000".into(),
        "company-email" => "sales@example.com".into(),
        _ => "…".into(),
    }
}

/// Fallback sources for `missing` ids in every language, and the warnings that say so.
pub fn fallbacks(
    missing: &BTreeSet<String>,
    config: &Config,
    site_files: &[CatalogSource],
) -> (Vec<CatalogSource>, Vec<Diagnostic>) {
    if missing.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let host = host_of(&config.base_url);
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    for language in &config.languages {
        let lang = &language.code;
        let text: String = missing
            .iter()
            .map(|id| {
                let value = if id == "company-name" {
                    fluent_literal(&host)
                } else {
                    "{ \"\" }".to_string()
                };
                format!("{id} = {value}\n")
            })
            .collect();
        sources.push(CatalogSource {
            lang: lang.clone(),
            file: FALLBACK_FILE.into(),
            text,
            origin: Origin::Theme,
        });
        // Point at the language's first site file, where the lines belong.
        let file = site_files
            .iter()
            .filter(|s| &s.lang == lang && s.origin == Origin::Site)
            .map(|s| s.file.clone())
            .min()
            .unwrap_or_else(|| format!("locales/{lang}/site.ftl"));
        let names: Vec<&str> = missing.iter().map(String::as_str).collect();
        let lines: Vec<String> = missing
            .iter()
            .map(|id| format!("{id} = {}", example(id, &host)))
            .collect();
        warnings.push(
            Diagnostic::warning(
                Location::file(&file),
                format!(
                    "the theme shows {} that {} ({lang}) does not define: {}; {}",
                    if names.len() == 1 {
                        "a message"
                    } else {
                        "messages"
                    },
                    language.name,
                    names.join(", "),
                    if missing.contains("company-name") {
                        format!(
                            "the site shows `{host}` as the company name and leaves the others out"
                        )
                    } else if names.len() == 1 {
                        "the site leaves it out".into()
                    } else {
                        "the site leaves them out".into()
                    }
                ),
            )
            .with_hint(format!("add to {file}:\n{}", lines.join("\n"))),
        );
    }
    (sources, warnings)
}

/// `www.example.com` from `https://www.example.com/catalog/`, without a leading `www.`.
fn host_of(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let host = rest.split(['/', ':']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// A Fluent string literal placeable: `{ "text" }`.
fn fluent_literal(text: &str) -> String {
    let escaped: String = text
        .chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            c => vec![c],
        })
        .collect();
    format!("{{ \"{escaped}\" }}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_keys_are_found_in_templates() {
        let keys = referenced_keys(
            [
                r#"{{ t(key="company-name") }} {{ t_plain(key='nav-news') }}"#,
                r#"{{ t(key=dynamic) }} {{ t(key="spec-" ~ k) }}"#,
            ]
            .into_iter(),
        );
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(keys, ["company-name", "nav-news"]);
    }

    #[test]
    fn host_without_www() {
        assert_eq!(
            host_of("https://www.shiqiao-heavy.example/catalog/"),
            "shiqiao-heavy.example"
        );
        assert_eq!(host_of("http://localhost:1111/"), "localhost");
    }
}
