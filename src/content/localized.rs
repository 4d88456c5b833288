//! A text (or list) given once per language, as in `name: {en: …, zh: …, ru: …}`.

use crate::diagnostics::{Diagnostic, Location, did_you_mean};
use serde_saphyr::Spanned;
use std::collections::BTreeMap;

/// The YAML shape of a localized field.
pub(crate) type RawLocalized<T> = Spanned<BTreeMap<String, Spanned<T>>>;

/// A value per language code, with the place of the field for fallback warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Localized<T> {
    values: BTreeMap<String, T>,
    /// Where the field stands (its value) in the source file.
    pub location: Location,
    /// Per language, where the text itself starts (for a YAML block scalar `en: |`, the first
    /// content line and its indentation), so Markdown errors point into the right line.
    starts: BTreeMap<String, Location>,
}

/// A localized value picked for one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved<'a, T> {
    pub value: &'a T,
    /// The language the value is really in: differs from the requested one on fallback.
    pub lang: &'a str,
    pub fallback: bool,
}

impl<T> Localized<T> {
    pub fn empty(location: Location) -> Self {
        Localized {
            values: BTreeMap::new(),
            location,
            starts: BTreeMap::new(),
        }
    }

    /// Where the text in `lang` starts in the source file.
    pub fn start(&self, lang: &str) -> &Location {
        self.starts.get(lang).unwrap_or(&self.location)
    }

    pub fn get(&self, lang: &str) -> Option<&T> {
        self.values.get(lang)
    }

    pub fn has(&self, lang: &str) -> bool {
        self.values.contains_key(lang)
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The value in `lang`, else in `default`.
    pub fn resolve<'a>(&'a self, lang: &str, default: &str) -> Option<Resolved<'a, T>> {
        if let Some((code, value)) = self.values.get_key_value(lang) {
            return Some(Resolved {
                value,
                lang: code,
                fallback: false,
            });
        }
        self.values
            .get_key_value(default)
            .map(|(code, value)| Resolved {
                value,
                lang: code,
                fallback: true,
            })
    }

    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// Converts the YAML form, rejecting language keys that are not configured (a typo such as
/// `rus:` would otherwise silently leave the Russian text out).
pub(crate) fn from_raw<T: Clone + IsBlank>(
    raw: Option<RawLocalized<T>>,
    field: &str,
    file: &str,
    source: &str,
    languages: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Localized<T> {
    let Some(raw) = raw else {
        return Localized::empty(Location::file(file));
    };
    let location = Location::new(
        file,
        raw.referenced.line() as usize,
        raw.referenced.column() as usize,
    );
    let mut values = BTreeMap::new();
    let mut starts = BTreeMap::new();
    for (code, value) in raw.value {
        let at = Location::new(
            file,
            value.referenced.line() as usize,
            value.referenced.column() as usize,
        );
        if !languages.contains(&code) {
            diagnostics.push(
                Diagnostic::error(
                    at,
                    format!("`{code}` in `{field}` is not a language of this site"),
                )
                .with_optional_hint(
                    did_you_mean(&code, languages.iter().map(String::as_str))
                        .or_else(|| Some(format!("the languages are: {}", languages.join(", ")))),
                ),
            );
            continue;
        }
        // An empty translation is treated as missing so it falls back rather than showing a hole.
        if value.value.is_blank() {
            continue;
        }
        starts.insert(code.clone(), text_start(source, at));
        values.insert(code, value.value);
    }
    Localized {
        values,
        location,
        starts,
    }
}

/// Where a scalar's text begins: for a block scalar (`|` or `>`) the first content line at its
/// indentation, for a quoted one the character after the quote, else the value itself.
fn text_start(source: &str, at: Location) -> Location {
    let line_text = source.lines().nth(at.line.saturating_sub(1)).unwrap_or("");
    let rest: String = line_text
        .chars()
        .skip(at.column.saturating_sub(1))
        .collect();
    if rest.starts_with('|') || rest.starts_with('>') {
        let next = source
            .lines()
            .skip(at.line)
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let indent = next.len() - next.trim_start().len();
        let line = at.line
            + 1
            + source
                .lines()
                .skip(at.line)
                .take_while(|l| l.trim().is_empty())
                .count();
        return Location::new(at.file, line, indent + 1);
    }
    if rest.starts_with('"') || rest.starts_with('\'') {
        return Location::new(at.file, at.line, at.column + 1);
    }
    at
}

/// Whether a translation is effectively absent.
pub(crate) trait IsBlank {
    fn is_blank(&self) -> bool;
}

impl IsBlank for String {
    fn is_blank(&self) -> bool {
        self.trim().is_empty()
    }
}

impl IsBlank for Vec<String> {
    fn is_blank(&self) -> bool {
        self.iter().all(|s| s.trim().is_empty())
    }
}
