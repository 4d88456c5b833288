//! The translatable strings of a site, each with a stable id, for export and import alike.

use crate::content::Localized;
use crate::diagnostics::Location;
use crate::i18n::ftl;
use crate::site::Site;

/// Where a unit's translation is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Place {
    /// A Fluent message. `existing` is the file defining it in the target language today.
    Message {
        id: String,
        default_file: String,
        existing: Option<String>,
    },
    /// A localized field of a YAML file; `map` is where its `{en: …, ru: …}` mapping starts.
    Field {
        file: String,
        map: Location,
        field: &'static str,
        /// For `features`: the 1-based line number and how many lines the list has.
        item: Option<(usize, usize)>,
    },
}

/// One translatable string.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub id: String,
    pub source: String,
    pub target: Option<String>,
    /// The XLIFF `<file original>` the unit is grouped under.
    pub original: String,
    /// Where the source text is, for translators.
    pub note: String,
    pub place: Place,
}

/// Every unit of the site for `lang`, in file order.
pub(crate) fn collect(site: &Site, lang: &str) -> Vec<Unit> {
    let default = site.config.default_language.as_str();
    let mut units = Vec::new();
    // Fluent messages of the default language (theme and site, the winning definitions).
    let definitions = ftl::Definitions::new(site);
    let body = |lang: &str, id: &str| -> Option<(String, String, usize)> {
        let (location, m) = definitions.get(lang, id)?;
        Some((location.file.clone(), m.body.clone(), m.line))
    };
    for (id, _) in site.catalog.message_ids(default) {
        let Some((default_file, source, line)) = body(default, id) else {
            continue;
        };
        let target = body(lang, id);
        units.push(Unit {
            id: format!("ftl:{id}"),
            source,
            target: target.as_ref().map(|t| t.1.clone()),
            original: default_file.clone(),
            note: format!("Fluent message `{id}` ({default_file}:{line}); keep {{ … }} placeables"),
            place: Place::Message {
                id: id.to_string(),
                default_file,
                existing: target.map(|t| t.0),
            },
        });
    }
    for c in &site.categories {
        let file = c.location.file.clone();
        for (field, value) in [("name", &c.name), ("summary", &c.summary)] {
            text_unit(
                &mut units,
                &format!("category:{}", c.id),
                &file,
                field,
                value,
                default,
                lang,
            );
        }
    }
    for p in &site.products {
        for (field, value) in [
            ("name", &p.name),
            ("summary", &p.summary),
            ("description", &p.description),
        ] {
            text_unit(
                &mut units,
                &format!("product:{}", p.id),
                &p.file,
                field,
                value,
                default,
                lang,
            );
        }
        if let Some(items) = p.features.get(default) {
            let target = p.features.get(lang);
            for (i, item) in items.iter().enumerate() {
                units.push(Unit {
                    id: format!("product:{}:features:{}", p.id, i + 1),
                    source: item.clone(),
                    target: target.and_then(|t| t.get(i)).cloned(),
                    original: p.file.clone(),
                    note: format!(
                        "feature {} of {} of product `{}` ({})",
                        i + 1,
                        items.len(),
                        p.id,
                        p.features.location
                    ),
                    place: Place::Field {
                        file: p.file.clone(),
                        map: p.features.location.clone(),
                        field: "features",
                        item: Some((i + 1, items.len())),
                    },
                });
            }
        }
    }
    units
}

fn text_unit(
    units: &mut Vec<Unit>,
    item: &str,
    file: &str,
    field: &'static str,
    value: &Localized<String>,
    default: &str,
    lang: &str,
) {
    let Some(source) = value.get(default) else {
        return;
    };
    units.push(Unit {
        id: format!("{item}:{field}"),
        source: source.clone(),
        target: value.get(lang).cloned(),
        original: file.to_string(),
        note: format!(
            "`{field}` of {} ({})",
            item.replace(':', " "),
            value.location
        ),
        place: Place::Field {
            file: file.to_string(),
            map: value.location.clone(),
            field,
            item: None,
        },
    });
}
