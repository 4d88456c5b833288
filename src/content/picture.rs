//! A picture named by a content field: `images:` of a product, `image:` of a category or an
//! article. Written either as a path under `static/` or as `{src, alt: {en, zh, ru}}`.

use super::Localized;
use super::localized::{RawLocalized, from_raw};
use crate::diagnostics::{Diagnostic, Location};
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// Path under `static/`, as written.
    pub src: String,
    /// Alternative text per language; empty when the source gives none (the item's name is
    /// then used).
    pub alt: Localized<String>,
    /// Where the path is written.
    pub location: Location,
}

/// The YAML form: a path, or a map with `src` and `alt`.
pub(crate) enum RawPicture {
    /// Its place is the list item's (see [`RawPicture::resolve`]).
    Path(String),
    Full {
        src: Spanned<String>,
        alt: Option<RawLocalized<String>>,
    },
}

impl<'de> Deserialize<'de> for RawPicture {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawPicture;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a picture path under static/ (images/ex-300.jpg), or {src: …, alt: {en: …, zh: …, ru: …}}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawPicture, A::Error> {
                let mut src = None;
                let mut alt = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "src" => src = Some(map.next_value::<Spanned<String>>()?),
                        "alt" => alt = Some(map.next_value::<RawLocalized<String>>()?),
                        other => {
                            return Err(serde::de::Error::unknown_field(other, &["src", "alt"]));
                        }
                    }
                }
                let src = src.ok_or_else(|| serde::de::Error::missing_field("src"))?;
                Ok(RawPicture::Full { src, alt })
            }
        }
        // A plain string is the path; a map goes through the visitor (its `src` keeps its place).
        deserializer.deserialize_any(PathOrMap(V))
    }
}

/// Deserializes a string as the path and a map with `V`.
struct PathOrMap<V>(V);

impl<'de, V: Visitor<'de, Value = RawPicture>> Visitor<'de> for PathOrMap<V> {
    type Value = RawPicture;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawPicture, E> {
        Ok(RawPicture::Path(v.to_string()))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawPicture, A::Error> {
        self.0.visit_map(map)
    }
}

impl RawPicture {
    /// The typed picture; `item` is where the list item (or the field's value) stands: the
    /// place of a plain path.
    pub(crate) fn resolve(
        self,
        item: Location,
        file: &str,
        text: &str,
        languages: &[String],
        diags: &mut Vec<Diagnostic>,
    ) -> Picture {
        match self {
            RawPicture::Path(src) => Picture {
                location: item.clone(),
                src,
                alt: Localized::empty(item),
            },
            RawPicture::Full { src, alt } => Picture {
                location: Location::new(
                    file,
                    src.referenced.line() as usize,
                    src.referenced.column() as usize,
                ),
                src: src.value,
                alt: match alt {
                    Some(alt) => from_raw(Some(alt), "alt", file, text, languages, diags),
                    None => Localized::empty(item),
                },
            },
        }
    }
}
