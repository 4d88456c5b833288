//! The site's sources as typed values: categories, products, news articles and pages.
//!
//! Loading is strict (unknown fields are errors) and every value keeps the place it came from,
//! so later stages — a missing translation, an unknown category — can point at the exact line.

mod article;
mod category;
mod localized;
mod picture;
mod product;

pub use article::{Article, ArticleKind, Translation, load_articles};
pub use category::{Category, load_categories};
pub use localized::{Localized, Resolved};
pub use picture::Picture;
pub(crate) use picture::RawPicture;
pub use product::{Product, Spec, SpecValue, load_products};

use crate::diagnostics::{Diagnostic, display_path};
use std::path::{Path, PathBuf};

/// Folder under the site root that holds all content.
pub const CONTENT_DIR: &str = "content";

/// Files directly inside `dir` whose name ends with `suffix`, sorted by name so that loading
/// and therefore the output never depend on directory order.
pub(crate) fn files_with_suffix(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    files_with_suffixes(dir, &[suffix])
}

/// [`files_with_suffixes`], for a preview from the list the last load made when no file of
/// the folder appeared or went away since.
pub(crate) fn listed_files(
    dir: &Path,
    suffixes: &[&str],
    reuse: Option<&crate::reuse::Reuse>,
) -> Vec<PathBuf> {
    match reuse {
        Some(reuse) => reuse.listing(
            dir,
            |name| suffixes.iter().any(|s| name.ends_with(s)) && !name.starts_with('.'),
            || files_with_suffixes(dir, suffixes),
        ),
        None => files_with_suffixes(dir, suffixes),
    }
}

/// [`files_with_suffix`] for several suffixes, in one pass over the folder.
pub(crate) fn files_with_suffixes(dir: &Path, suffixes: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<(std::ffi::OsString, PathBuf)> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| suffixes.iter().any(|s| n.ends_with(s)) && !n.starts_with('.'))
        })
        .map(|e| (e.file_name().to_os_string(), e.into_path()))
        .collect();
    // All in one folder: ordering by name is ordering by path, and comparing the names' bytes
    // is much quicker than comparing paths component by component.
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    files.into_iter().map(|(_, path)| path).collect()
}

/// Product ids, category ids and slugs end up in URLs and file names: they must be plain.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && id.len() <= 100
}

/// Everything under `content/`, loaded and checked on its own (cross-references are checked
/// when the [`crate::site::Site`] is assembled).
#[derive(Debug, Default)]
pub struct Content {
    pub categories: Vec<Category>,
    /// Shared: a preview's next load reuses the products whose files did not change.
    pub products: Vec<std::sync::Arc<Product>>,
    pub news: Vec<Article>,
    pub pages: Vec<Article>,
}

impl Content {
    /// Loads all content in parallel; problems are collected, not fatal, so one run shows all.
    pub fn load(
        root: &Path,
        languages: &[String],
        reuse: Option<&crate::reuse::Reuse>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Content {
        // A folder or file that links out of the site is read as if it were absent.
        let usable = |path: PathBuf, diagnostics: &mut Vec<Diagnostic>| {
            if crate::source::inside_site(root, &path, diagnostics) {
                path
            } else {
                root.join(".brochure-skipped-link")
            }
        };
        let content = usable(root.join(CONTENT_DIR), diagnostics);
        let products_dir = usable(content.join("products"), diagnostics);
        let news_dir = usable(content.join("news"), diagnostics);
        let pages_dir = usable(content.join("pages"), diagnostics);
        unread_entries(root, &content, diagnostics);
        if let Some(reuse) = reuse
            && [&content, &products_dir, &news_dir, &pages_dir]
                .iter()
                .any(|d| {
                    d.symlink_metadata()
                        .is_ok_and(|m| m.file_type().is_symlink())
                })
        {
            reuse.distrust();
        }
        let categories_file = content.join("categories.yaml");
        let categories_usable = content.starts_with(root.join(CONTENT_DIR))
            && crate::source::inside_site(root, &categories_file, diagnostics);
        let ((categories, products), (news, pages)) = rayon::join(
            || {
                rayon::join(
                    || {
                        if categories_usable {
                            load_categories(root, &categories_file, languages)
                        } else {
                            (Vec::new(), Vec::new())
                        }
                    },
                    || {
                        let _s = crate::trace::span("load: products");
                        load_products(root, &products_dir, languages, reuse)
                    },
                )
            },
            || {
                rayon::join(
                    || {
                        let _s = crate::trace::span("load: news");
                        load_articles(root, &news_dir, ArticleKind::News, languages, reuse)
                    },
                    || load_articles(root, &pages_dir, ArticleKind::Page, languages, reuse),
                )
            },
        );
        diagnostics.extend(categories.1);
        diagnostics.extend(products.1);
        diagnostics.extend(news.1);
        diagnostics.extend(pages.1);
        Content {
            categories: categories.0,
            products: products.0,
            news: news.0,
            pages: pages.0,
        }
    }
}

/// Files and folders in `content/` that the build does not read: a `content/downloads/` or a
/// `content/product.yaml` would otherwise be ignored without a word.
fn unread_entries(root: &Path, content: &Path, diagnostics: &mut Vec<Diagnostic>) {
    const READ: &[&str] = &["categories.yaml", "products", "news", "pages"];
    let Ok(entries) = std::fs::read_dir(content) else {
        return;
    };
    let mut names: Vec<(String, bool)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, e.path().is_dir())
        })
        .filter(|(name, _)| !name.starts_with('.') && !READ.contains(&name.as_str()))
        .collect();
    names.sort();
    for (name, is_dir) in names {
        let hint = if is_dir {
            "brochure reads content/products/, content/news/ and content/pages/; files to publish as they are go in static/"
        } else {
            "brochure reads content/categories.yaml and the folders products/, news/ and pages/; files to publish as they are go in static/"
        };
        diagnostics.push(
            Diagnostic::warning(
                crate::diagnostics::Location::file(display_path(root, &content.join(&name))),
                format!(
                    "{} is not read by brochure",
                    if is_dir { "this folder" } else { "this file" }
                ),
            )
            .with_hint(hint),
        );
    }
}

pub(crate) fn rel(root: &Path, path: &Path) -> String {
    display_path(root, path)
}
