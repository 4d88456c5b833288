//! News articles (`content/news/`) and pages (`content/pages/`): Markdown with YAML front matter,
//! one file per language named `<slug>.<lang>.md`. Files sharing a slug translate each other.

use super::{is_valid_id, listed_files, rel};
use crate::diagnostics::{Diagnostic, Location, did_you_mean};
use rayon::prelude::*;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleKind {
    News,
    Page,
}

/// All language versions of one article or page.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub slug: String,
    pub kind: ArticleKind,
    pub translations: BTreeMap<String, Translation>,
}

/// One language version.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub file: String,
    pub lang: String,
    pub title: String,
    /// `YYYY-MM-DD`, validated; news only.
    pub date: Option<Date>,
    pub summary: Option<String>,
    /// Ids of products the article is about, with their places for error messages.
    pub products: Vec<(String, Location)>,
    pub template: Option<(String, Location)>,
    /// The cover picture (also the social preview): a path under `static/`, its alt text
    /// (`image_alt:`; the title when none) and where it is written.
    pub image: Option<(String, Option<String>, Location)>,
    pub draft: bool,
    /// Old URLs (paths on the site) that redirect to this translation, with their places.
    pub aliases: Vec<(String, Location)>,
    /// Markdown body and the line it starts on in the file.
    pub body: String,
    pub body_line: usize,
    /// A hash of the source file and the languages it was read for (see
    /// [`crate::content::Product::source_hash`]).
    pub source_hash: u64,
}

/// A calendar date from front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        let day: u8 = d.parse().ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    date: Option<Spanned<String>>,
    summary: Option<String>,
    products: Option<Vec<Spanned<String>>>,
    template: Option<Spanned<String>>,
    image: Option<Spanned<String>>,
    image_alt: Option<String>,
    #[serde(default)]
    draft: bool,
    /// Old URLs that redirect to this language's version.
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

pub fn load_articles(
    root: &Path,
    dir: &Path,
    kind: ArticleKind,
    languages: &[String],
    reuse: Option<&crate::reuse::Reuse>,
) -> (Vec<Article>, Vec<Diagnostic>) {
    if !dir.is_dir() {
        return (Vec::new(), Vec::new());
    }
    let files = listed_files(dir, &[".md"], reuse);
    let mut known = reuse
        .map(|r| r.known_articles(&files, languages))
        .unwrap_or_default();
    known.resize_with(files.len(), || None);
    let results: Vec<Result<(String, Translation), Diagnostic>> = files
        .par_iter()
        .zip(known)
        .map(|(path, known)| match (known, reuse) {
            (Some(known), _) => known,
            (None, Some(reuse)) => reuse.article(path, languages, || {
                load_translation(root, path, kind, languages)
            }),
            (None, None) => load_translation(root, path, kind, languages),
        })
        .collect();
    let mut diags = Vec::new();
    let mut by_slug: BTreeMap<String, BTreeMap<String, Translation>> = BTreeMap::new();
    for r in results {
        match r {
            Ok((slug, t)) => {
                by_slug.entry(slug).or_default().insert(t.lang.clone(), t);
            }
            Err(d) => diags.push(d),
        }
    }
    let articles = by_slug
        .into_iter()
        .map(|(slug, translations)| Article {
            slug,
            kind,
            translations,
        })
        .collect();
    (articles, diags)
}

fn load_translation(
    root: &Path,
    path: &Path,
    kind: ArticleKind,
    languages: &[String],
) -> Result<(String, Translation), Diagnostic> {
    let file = rel(root, path);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let Some((slug, lang)) = stem.rsplit_once('.') else {
        return Err(Diagnostic::error(
            Location::file(&file),
            format!("`{name}` does not say which language it is in"),
        )
        .with_hint(format!(
            "name it `{stem}.<language>.md`, e.g. `{stem}.{}.md`",
            languages.first().map_or("en", |s| s)
        )));
    };
    if !languages.iter().any(|l| l == lang) {
        return Err(Diagnostic::error(
            Location::file(&file),
            format!("`{lang}` in the file name is not a language of this site"),
        )
        .with_optional_hint(
            did_you_mean(lang, languages.iter().map(String::as_str))
                .or_else(|| Some(format!("the languages are: {}", languages.join(", ")))),
        ));
    }
    if !is_valid_id(slug) {
        return Err(Diagnostic::error(
            Location::file(&file),
            format!("`{slug}` cannot be used in a URL"),
        )
        .with_hint(
            "use lowercase letters, digits and hyphens in file names, e.g. expo-2026.en.md",
        ));
    }
    let text = crate::source::read_text(path, &file)?;
    let (fm_text, body, body_line) = crate::source::split_front_matter(&text, &file)?;
    let fm: FrontMatter = crate::source::parse_yaml(fm_text, &file, 2)?;
    let at = |s: &serde_saphyr::Location| {
        Location::new(&file, s.line() as usize + 1, s.column() as usize)
    };
    if fm.title.value.trim().is_empty() {
        return Err(Diagnostic::error(
            at(&fm.title.referenced),
            "the title is empty",
        ));
    }
    let date = match (&fm.date, kind) {
        (Some(d), _) => Some(Date::parse(&d.value).ok_or_else(|| {
            Diagnostic::error(
                at(&d.referenced),
                format!("`{}` is not a valid date", d.value),
            )
            .with_hint("write the date as YYYY-MM-DD, e.g. 2026-09-15")
        })?),
        (None, ArticleKind::News) => {
            return Err(Diagnostic::error(
                Location::new(&file, 2, 1),
                "a news article needs a date",
            )
            .with_hint("add `date: YYYY-MM-DD` to the front matter"));
        }
        (None, ArticleKind::Page) => None,
    };
    let source_hash = crate::depend::source_hash(&text, languages);
    Ok((
        slug.to_string(),
        Translation {
            source_hash,
            lang: lang.to_string(),
            title: fm.title.value,
            date,
            summary: fm.summary.filter(|s| !s.trim().is_empty()),
            products: fm
                .products
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.value, at(&p.referenced)))
                .collect(),
            template: fm.template.map(|t| (t.value, at(&t.referenced))),
            image: fm.image.map(|i| {
                (
                    i.value,
                    fm.image_alt.filter(|a| !a.trim().is_empty()),
                    at(&i.referenced),
                )
            }),
            draft: fm.draft,
            aliases: fm
                .aliases
                .into_iter()
                .map(|a| (a.value, at(&a.referenced)))
                .collect(),
            body: body.to_string(),
            body_line,
            file,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn dates_are_checked_for_existence() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.iso()),
            Some("2024-02-29".into())
        );
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("15.09.2026").is_none());
    }
}
