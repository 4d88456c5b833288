//! `content/categories.yaml`: the product families, in menu order.

use super::localized::{RawLocalized, from_raw};
use super::{Localized, Picture, RawPicture, is_valid_id, rel};
use crate::diagnostics::{Diagnostic, Location};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub id: String,
    pub name: Localized<String>,
    pub summary: Localized<String>,
    pub order: i64,
    pub location: Location,
    /// The tile's picture (the first product's main picture when none is given).
    pub image: Option<Picture>,
    /// Old URLs (paths on the site) that redirect to the category, with their places.
    pub aliases: Vec<(String, Location)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    id: Spanned<String>,
    name: RawLocalized<String>,
    summary: Option<RawLocalized<String>>,
    order: Option<i64>,
    image: Option<Spanned<RawPicture>>,
    /// Old URLs that redirect here.
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

pub fn load_categories(
    root: &Path,
    path: &Path,
    languages: &[String],
) -> (Vec<Category>, Vec<Diagnostic>) {
    let file = rel(root, path);
    let mut diags = Vec::new();
    if !path.is_file() {
        diags.push(
            Diagnostic::error(Location::file(&file), "the category list is missing").with_hint(
                "create content/categories.yaml with a list of {id, name, summary, order}",
            ),
        );
        return (Vec::new(), diags);
    }
    let text = match crate::source::read_text(path, &file) {
        Ok(text) => text,
        Err(d) => return (Vec::new(), vec![d]),
    };
    let raw: Vec<RawCategory> = match crate::source::parse_yaml(&text, &file, 1) {
        Ok(raw) => raw,
        Err(d) => return (Vec::new(), vec![d]),
    };
    let mut categories: Vec<Category> = Vec::new();
    for (index, c) in raw.into_iter().enumerate() {
        let location = Location::new(
            &file,
            c.id.referenced.line() as usize,
            c.id.referenced.column() as usize,
        );
        let id = c.id.value;
        if !is_valid_id(&id) {
            diags.push(
                Diagnostic::error(
                    location.clone(),
                    format!("category id `{id}` cannot be used in a URL"),
                )
                .with_hint("use lowercase letters, digits and hyphens, e.g. wheel-loaders"),
            );
            continue;
        }
        if categories.iter().any(|other| other.id == id) {
            diags.push(Diagnostic::error(
                location,
                format!("category `{id}` is listed twice"),
            ));
            continue;
        }
        let name = from_raw(Some(c.name), "name", &file, &text, languages, &mut diags);
        let summary = from_raw(c.summary, "summary", &file, &text, languages, &mut diags);
        let image = c.image.map(|i| {
            let place = Location::new(
                &file,
                i.referenced.line() as usize,
                i.referenced.column() as usize,
            );
            i.value.resolve(place, &file, &text, languages, &mut diags)
        });
        categories.push(Category {
            id,
            name,
            summary,
            image,
            order: c.order.unwrap_or(index as i64),
            location,
            aliases: c
                .aliases
                .into_iter()
                .map(|a| {
                    let at = Location::new(
                        &file,
                        a.referenced.line() as usize,
                        a.referenced.column() as usize,
                    );
                    (a.value, at)
                })
                .collect(),
        });
    }
    categories.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    (categories, diags)
}
