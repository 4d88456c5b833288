//! `content/products/<id>.yaml`: one product per file, the heart of the catalog.

use super::localized::{RawLocalized, from_raw};
use super::picture::RawPicture;
use super::{Localized, Picture, is_valid_id, listed_files, rel};
use crate::diagnostics::{Diagnostic, Location};
use rayon::prelude::*;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// A hash of the source file and the languages it was read for: equal hashes, equal
    /// products (the preview's change detection uses it instead of comparing every field).
    pub source_hash: u64,
    /// The file stem; also the URL segment.
    pub id: String,
    /// Path of the source file relative to the site root.
    pub file: String,
    pub category: String,
    pub category_location: Location,
    pub order: i64,
    pub featured: bool,
    pub draft: bool,
    /// Pictures, the main one first.
    pub images: Vec<Picture>,
    pub name: Localized<String>,
    pub summary: Localized<String>,
    /// Markdown.
    pub description: Localized<String>,
    pub features: Localized<Vec<String>>,
    /// In the order of the file.
    pub specs: Vec<Spec>,
    /// Old URLs (paths on the site) that redirect to the product, with their places.
    pub aliases: Vec<(String, Location)>,
}

/// One row of the specification table. The label comes from the Fluent message `spec-<key>`,
/// the unit name from `unit-<unit>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub key: String,
    pub value: SpecValue,
    pub unit: Option<String>,
    pub location: Location,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SpecValue {
    Number(f64),
    Text(String),
}

impl<'de> Deserialize<'de> for SpecValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = SpecValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number (21500, 1.25) or a text")
            }
            fn visit_i64<E>(self, v: i64) -> Result<SpecValue, E> {
                Ok(SpecValue::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<SpecValue, E> {
                Ok(SpecValue::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<SpecValue, E> {
                Ok(SpecValue::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<SpecValue, E> {
                Ok(SpecValue::Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProduct {
    category: Spanned<String>,
    order: Option<i64>,
    #[serde(default)]
    featured: bool,
    #[serde(default)]
    draft: bool,
    /// One picture (the older form of `images:`).
    image: Option<Spanned<RawPicture>>,
    images: Option<Vec<Spanned<RawPicture>>>,
    name: RawLocalized<String>,
    summary: Option<RawLocalized<String>>,
    description: Option<RawLocalized<String>>,
    features: Option<RawLocalized<Vec<String>>>,
    #[serde(default)]
    specs: OrderedSpecs,
    /// Old URLs that redirect here.
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    value: SpecValue,
    unit: Option<String>,
}

/// A spec value read silently wrong: a number with its unit written as text ("8000 kg"), a
/// decimal comma ("1,45"), a text value given a unit, or `8.000`, which YAML reads as 8 but a
/// Russian or German writer means as eight thousand. `line` is the source line of the spec.
fn spec_value_problem(
    key: &str,
    value: &SpecValue,
    unit: Option<&str>,
    line: &str,
) -> Option<(String, String)> {
    let number_then = |t: &str| -> Option<(String, String)> {
        let t = t.trim();
        // Digits with the separators people type: `12 800`, `12 800` (no-break space),
        // `1,45`, `-3.5`. A space counts only when a digit follows it.
        let chars: Vec<(usize, char)> = t.char_indices().collect();
        let end = chars
            .iter()
            .enumerate()
            .find(|&(k, &(i, c))| {
                let grouping = matches!(c, ' ' | '\u{a0}' | '\u{202f}')
                    && chars.get(k + 1).is_some_and(|(_, n)| n.is_ascii_digit());
                !(c.is_ascii_digit() || (i == 0 && c == '-') || c == '.' || c == ',' || grouping)
            })
            .map_or(t.len(), |(_, &(i, _))| i);
        let (number, rest) = t.split_at(end);
        let number: String = number
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        number
            .chars()
            .any(|c| c.is_ascii_digit())
            .then(|| (number, rest.trim().to_string()))
    };
    match value {
        SpecValue::Text(t) => {
            let (number, rest) = number_then(t).unwrap_or_default();
            if !number.is_empty() && rest.is_empty() && number.contains(',') {
                let dotted = number.replace(',', ".");
                return Some((
                    format!("spec `{key}`: `{t}` has a decimal comma"),
                    format!(
                        "write `value: {dotted}` (or the whole number without separators) — the site formats it per language"
                    ),
                ));
            }
            if !number.is_empty() && is_unit_word(&rest) {
                let number = number.replace(',', ".");
                let fix = match unit {
                    Some(_) => format!("write `value: {number}`; the unit comes from `unit:`"),
                    None => format!(
                        "write `{{value: {number}, unit: {}}}` — the number is formatted per language and the unit translated",
                        rest.to_lowercase()
                    ),
                };
                return Some((
                    format!("spec `{key}`: `{t}` mixes a number and a unit"),
                    fix,
                ));
            }
            if unit.is_some() {
                return Some((
                    format!("spec `{key}`: the text `{t}` cannot have a unit"),
                    "give a number as the value, or remove `unit:` and write the whole text".into(),
                ));
            }
            None
        }
        SpecValue::Number(n) => {
            let written = line
                .split("value:")
                .nth(1)
                .map(|v| {
                    v.trim_start()
                        .split([',', '}', ' ', '#'])
                        .next()
                        .unwrap_or("")
                })
                .unwrap_or("");
            let looks_grouped = written.split_once('.').is_some_and(|(a, b)| {
                !a.is_empty() && b == "000" && a.bytes().all(|c| c.is_ascii_digit())
            });
            looks_grouped.then(|| {
                (
                    format!("spec `{key}`: `{written}` reads as {n}, not {}", written.replace('.', "")),
                    format!(
                        "write `value: {}` for {} thousand, or `value: {n}` — the site adds the separators per language",
                        written.replace('.', ""),
                        written.split('.').next().unwrap_or("")
                    ),
                )
            })
        }
    }
}

/// Whether `word` is a unit people type after a number ("8000 kg", "1.45 m³", "120 km/h").
/// Only known units count, so "4x4" or "2 speed" stay text.
fn is_unit_word(word: &str) -> bool {
    const UNITS: &[&str] = &[
        "kg",
        "t",
        "g",
        "mm",
        "cm",
        "m",
        "km",
        "m3",
        "m³",
        "l",
        "ml",
        "kw",
        "w",
        "hp",
        "ps",
        "v",
        "a",
        "ah",
        "kwh",
        "bar",
        "mpa",
        "kpa",
        "kn",
        "n",
        "nm",
        "rpm",
        "km/h",
        "kmh",
        "mph",
        "s",
        "h",
        "min",
        "°",
        "%",
        "m2",
        "m²",
        "mm2",
        "mm²",
        "db",
        "lb",
        "lbs",
        "ft",
        "in",
        "gal",
        "кг",
        "т",
        "мм",
        "см",
        "м",
        "км",
        "м3",
        "м³",
        "л",
        "квт",
        "л.с.",
        "в",
        "об/мин",
        "км/ч",
        "吨",
        "公斤",
        "千克",
        "米",
        "毫米",
        "千瓦",
        "升",
        "立方米",
    ];
    let w = word.trim().to_lowercase();
    UNITS.contains(&w.as_str())
}

/// Spec numbers must stay below this: the 15 significant digits a double keeps exactly.
pub const MAX_SPEC_NUMBER: f64 = 1e15;

/// `specs:` is a YAML mapping whose order is the table's order; serde maps lose it, so this
/// visitor keeps the entries as a list.
#[derive(Default)]
struct OrderedSpecs(Vec<(String, Spanned<RawSpec>)>);

impl<'de> Deserialize<'de> for OrderedSpecs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OrderedSpecs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of spec keys to {value, unit}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedSpecs, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Spanned<RawSpec>>()? {
                    out.push((k, v));
                }
                Ok(OrderedSpecs(out))
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// serde-saphyr places a flow mapping (`{value: …}`) at the blank before its brace; point at
/// the brace, where a person looks.
fn skip_blanks(text: &str, mut at: Location) -> Location {
    if let Some(line) = text.lines().nth(at.line.saturating_sub(1)) {
        at.column += line
            .chars()
            .skip(at.column - 1)
            .take_while(|c| *c == ' ')
            .count();
    }
    at
}

pub fn load_products(
    root: &Path,
    dir: &Path,
    languages: &[String],
    reuse: Option<&crate::reuse::Reuse>,
) -> (Vec<std::sync::Arc<Product>>, Vec<Diagnostic>) {
    if !dir.is_dir() {
        return (Vec::new(), Vec::new());
    }
    let mut diags = Vec::new();
    let (files, others): (Vec<PathBuf>, Vec<PathBuf>) =
        listed_files(dir, &[".yaml", ".yml"], reuse)
            .into_iter()
            .partition(|p| p.extension().is_some_and(|e| e == "yaml"));
    for other in others {
        diags.push(
            Diagnostic::error(
                Location::file(rel(root, &other)),
                "product files must end in .yaml",
            )
            .with_hint("rename the file to .yaml"),
        );
    }
    // A preview takes the files the watcher did not name from its memory, in one pass.
    let mut known = reuse
        .map(|r| r.known_products(&files, languages))
        .unwrap_or_default();
    known.resize_with(files.len(), || None);
    let results: Vec<Result<std::sync::Arc<Product>, Vec<Diagnostic>>> = files
        .par_iter()
        .zip(known)
        .map(|(path, known)| match (known, reuse) {
            (Some(known), _) => known,
            (None, Some(reuse)) => reuse.product(path, languages, || {
                load_product(root, path, languages).map(std::sync::Arc::new)
            }),
            (None, None) => load_product(root, path, languages).map(std::sync::Arc::new),
        })
        .collect();
    let mut products = Vec::new();
    for r in results {
        match r {
            Ok(p) => products.push(p),
            Err(d) => diags.extend(d),
        }
    }
    (products, diags)
}

fn load_product(
    root: &Path,
    path: &Path,
    languages: &[String],
) -> Result<Product, Vec<Diagnostic>> {
    let file = rel(root, path);
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let mut diags = Vec::new();
    if !is_valid_id(&id) {
        let suggestion: String = id
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        diags.push(
            Diagnostic::error(
                Location::file(&file),
                format!("the product file name `{id}` cannot be used as a product id"),
            )
            .with_hint(format!(
                "name it with lowercase letters, digits and hyphens, e.g. `{}.yaml`",
                suggestion.trim_matches('-')
            )),
        );
    }
    let text = crate::source::read_text(path, &file).map_err(|d| vec![d])?;
    let raw: RawProduct = crate::source::parse_yaml(&text, &file, 1).map_err(|d| {
        let mut all = std::mem::take(&mut diags);
        all.push(d);
        all
    })?;
    let at = |line: u64, column: u64| Location::new(&file, line as usize, column as usize);
    let name = from_raw(Some(raw.name), "name", &file, &text, languages, &mut diags);
    let summary = from_raw(raw.summary, "summary", &file, &text, languages, &mut diags);
    let description = from_raw(
        raw.description,
        "description",
        &file,
        &text,
        languages,
        &mut diags,
    );
    let features = from_raw(
        raw.features,
        "features",
        &file,
        &text,
        languages,
        &mut diags,
    );
    if name.is_empty() {
        diags.push(
            Diagnostic::error(
                name.location.clone(),
                "the product has no name in any language",
            )
            .with_hint("write name: {en: …, zh: …, ru: …}"),
        );
    }
    let mut specs: Vec<Spec> = Vec::new();
    for (key, spec) in raw.specs.0 {
        let location = skip_blanks(&text, at(spec.referenced.line(), spec.referenced.column()));
        if !is_valid_id(&key) {
            diags.push(
                Diagnostic::error(
                    location,
                    format!("spec key `{key}` is not a valid message id"),
                )
                .with_hint("use lowercase letters, digits and hyphens, e.g. operating-weight"),
            );
            continue;
        }
        if specs.iter().any(|s| s.key == key) {
            diags.push(Diagnostic::error(
                location,
                format!("spec `{key}` is given twice"),
            ));
            continue;
        }
        if let SpecValue::Number(n) = spec.value.value
            && !n.is_finite()
        {
            diags.push(Diagnostic::error(
                location,
                format!("spec `{key}` is not a finite number"),
            ));
            continue;
        }
        // A double holds 15 significant digits; beyond that `99999999999999999999` would be
        // shown as 100,000,000,000,000,000,000 and `1e308` as 309 digits.
        if let SpecValue::Number(n) = spec.value.value
            && n.abs() >= MAX_SPEC_NUMBER
        {
            diags.push(
                Diagnostic::error(
                    location,
                    format!("spec `{key}` = {n:e} is too large to be a measurement"),
                )
                .with_hint(
                    "a spec number has at most 15 digits; give it in a larger unit (t instead of kg, km instead of m)",
                ),
            );
            continue;
        }
        if let Some((message, hint)) = spec_value_problem(
            &key,
            &spec.value.value,
            spec.value.unit.as_deref(),
            text.lines()
                .nth(location.line.saturating_sub(1))
                .unwrap_or(""),
        ) {
            diags.push(Diagnostic::error(location, message).with_hint(hint));
            continue;
        }
        if let Some(unit) = &spec.value.unit
            && !is_valid_id(unit)
        {
            diags.push(
                Diagnostic::error(location, format!("unit `{unit}` is not a valid message id"))
                    .with_hint("use the unit's id, e.g. kg, m3, kw, km-h"),
            );
            continue;
        }
        specs.push(Spec {
            key,
            value: spec.value.value,
            unit: spec.value.unit,
            location,
        });
    }
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let mut images = Vec::new();
    if let (Some(one), Some(_)) = (&raw.image, &raw.images) {
        diags.push(
            Diagnostic::error(
                at(one.referenced.line(), one.referenced.column()),
                "a product has `image:` and `images:`; use only `images:`",
            )
            .with_hint(
                "move this picture into the `images:` list (the first one is the main picture)",
            ),
        );
        return Err(diags);
    }
    for item in raw
        .image
        .into_iter()
        .chain(raw.images.into_iter().flatten())
    {
        let place = at(item.referenced.line(), item.referenced.column());
        images.push(
            item.value
                .resolve(place, &file, &text, languages, &mut diags),
        );
    }
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    // Warnings (none today) would be lost here; from_raw only reports errors.
    let aliases = raw
        .aliases
        .into_iter()
        .map(|a| (a.value, at(a.referenced.line(), a.referenced.column())))
        .collect();
    Ok(Product {
        source_hash: crate::depend::source_hash(&text, languages),
        id,
        category_location: at(
            raw.category.referenced.line(),
            raw.category.referenced.column(),
        ),
        file,
        category: raw.category.value,
        order: raw.order.unwrap_or(0),
        featured: raw.featured,
        draft: raw.draft,
        images,
        name,
        summary,
        description,
        features,
        specs,
        aliases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_values_read_wrong_are_refused() {
        let text = |t: &str| SpecValue::Text(t.into());
        let problem = |v: &SpecValue, unit: Option<&str>, line: &str| {
            spec_value_problem("weight", v, unit, line).map(|(m, h)| format!("{m} | {h}"))
        };
        let p = problem(&text("8000 kg"), None, "").unwrap();
        assert!(
            p.contains("mixes a number and a unit") && p.contains("{value: 8000, unit: kg}"),
            "{p}"
        );
        let p = problem(&text("8000 kg"), Some("kg"), "").unwrap();
        assert!(
            p.contains("write `value: 8000`; the unit comes from `unit:`"),
            "{p}"
        );
        let p = problem(&text("1,45"), None, "").unwrap();
        assert!(
            p.contains("decimal comma") && p.contains("value: 1.45"),
            "{p}"
        );
        let p = problem(&text("heavy"), Some("kg"), "").unwrap();
        assert!(p.contains("cannot have a unit"), "{p}");
        let p = problem(
            &SpecValue::Number(8.0),
            Some("kg"),
            "  weight: {value: 8.000, unit: kg}",
        )
        .unwrap();
        assert!(p.contains("`8.000` reads as 8, not 8000"), "{p}");
        // Fine as they are.
        assert_eq!(problem(&text("QSB6.7"), None, ""), None);
        assert_eq!(problem(&text("Cummins QSB6.7"), None, ""), None);
        assert_eq!(problem(&text("4x4"), None, ""), None);
        let p = problem(&text("12 800 kg"), None, "").unwrap();
        assert!(p.contains("{value: 12800, unit: kg}"), "{p}");
        assert_eq!(problem(&text("2 speed"), None, ""), None);
        assert_eq!(
            problem(
                &SpecValue::Number(1.25),
                None,
                "  b: {value: 1.25, unit: m3}"
            ),
            None
        );
        assert_eq!(
            problem(&SpecValue::Number(8.0), None, "  b: {value: 8, unit: t}"),
            None
        );
    }
}
