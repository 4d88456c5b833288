//! Themes: templates, static assets and UI strings, from the site folder or built in.
//!
//! Like mdBook's default theme, `themes/default/` of the brochure repository is compiled into the
//! binary so any site folder builds without copying a theme. A site's own `themes/<name>/`
//! wins over the built-in copy; a site's `templates/` and `static/` override single files.

use crate::diagnostics::{Diagnostic, Location, display_path};
use crate::i18n::{CatalogSource, Origin};
use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Name of the built-in theme.
pub const DEFAULT_THEME_NAME: &str = "default";

/// Where a file's bytes come from.
#[derive(Debug, Clone)]
pub enum FileSource {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

impl FileSource {
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            FileSource::Embedded(bytes) => Ok(bytes.to_vec()),
            FileSource::Disk(path) => std::fs::read(path),
        }
    }
}

/// A template's text and the path to show in error messages.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub text: String,
    pub display: String,
}

/// The theme merged with the site's overrides.
#[derive(Debug, Default)]
pub struct Theme {
    pub name: String,
    /// Template name (`product.html`) → source.
    pub templates: BTreeMap<String, TemplateSource>,
    /// Output path relative to the site root (`css/site.css`) → source; site files win.
    pub static_files: BTreeMap<String, FileSource>,
    /// Fluent files of the theme and the site, for [`crate::i18n::Catalog`].
    pub locales: Vec<CatalogSource>,
    /// Print templates (Tera producing Typst): `brochure.typ` → source; site `print/` wins.
    pub print_templates: BTreeMap<String, TemplateSource>,
    /// Font files for print, theme's first, then the site's `fonts/`.
    pub fonts: BTreeMap<String, FileSource>,
}

impl Theme {
    pub fn load(
        root: &Path,
        name: &str,
        languages: &[String],
        diags: &mut Vec<Diagnostic>,
    ) -> Theme {
        let mut theme = Theme {
            name: name.to_string(),
            ..Theme::default()
        };
        let theme_dir = root.join("themes").join(name);
        if theme_dir.is_dir() && crate::source::inside_site(root, &theme_dir, diags) {
            theme.add_disk_dir(root, &theme_dir.join("templates"), Kind::Template, diags);
            theme.add_disk_dir(root, &theme_dir.join("static"), Kind::Static, diags);
            theme.add_disk_dir(root, &theme_dir.join("print"), Kind::Print, diags);
            theme.add_disk_dir(root, &theme_dir.join("fonts"), Kind::Font, diags);
            theme.add_disk_locales(
                root,
                &theme_dir.join("locales"),
                languages,
                Origin::Theme,
                diags,
            );
        } else if name == DEFAULT_THEME_NAME {
            theme.add_embedded(diags);
        } else {
            diags.push(
                Diagnostic::error(
                    Location::file(crate::config::CONFIG_FILE),
                    format!("theme `{name}` was not found in themes/{name}/"),
                )
                .with_hint(
                    "use theme = \"default\" for the built-in theme, or create the theme folder",
                ),
            );
        }
        theme.add_disk_dir(root, &root.join("templates"), Kind::Template, diags);
        theme.add_disk_dir(root, &root.join("static"), Kind::Static, diags);
        theme.add_disk_dir(root, &root.join("print"), Kind::Print, diags);
        theme.add_disk_dir(root, &root.join("fonts"), Kind::Font, diags);
        theme.add_disk_locales(root, &root.join("locales"), languages, Origin::Site, diags);
        theme
    }

    fn add_embedded(&mut self, diags: &mut Vec<Diagnostic>) {
        let mut stack = vec![&DEFAULT_THEME];
        while let Some(dir) = stack.pop() {
            stack.extend(dir.dirs());
            for file in dir.files() {
                let path = file.path().to_string_lossy().replace('\\', "/");
                let display = format!("(built-in theme)/{path}");
                let (prefix, rest) = path.split_once('/').unwrap_or(("", path.as_str()));
                if prefix == "templates" || prefix == "print" {
                    let rel = rest;
                    let target = if prefix == "templates" {
                        &mut self.templates
                    } else {
                        &mut self.print_templates
                    };
                    match std::str::from_utf8(file.contents()) {
                        Ok(text) => {
                            target.insert(
                                rel.to_string(),
                                TemplateSource {
                                    text: text.to_string(),
                                    display,
                                },
                            );
                        }
                        Err(_) => diags.push(Diagnostic::error(
                            Location::file(display),
                            "template is not UTF-8",
                        )),
                    }
                } else if let Some(rel) = path.strip_prefix("static/") {
                    self.static_files
                        .insert(rel.to_string(), FileSource::Embedded(file.contents()));
                } else if path.starts_with("fonts/") && is_font(&path) {
                    // The print fonts (Noto Sans CJK, DejaVu symbols) travel with the binary, so
                    // Chinese and Russian print on any site, not only in this repository.
                    self.fonts
                        .insert(display, FileSource::Embedded(file.contents()));
                } else if let Some(rel) = path.strip_prefix("locales/")
                    && let Some((lang, name)) = rel.split_once('/')
                    && name.ends_with(".ftl")
                {
                    self.locales.push(CatalogSource {
                        lang: lang.to_string(),
                        file: display,
                        text: String::from_utf8_lossy(file.contents()).into_owned(),
                        origin: Origin::Theme,
                    });
                }
            }
        }
        // Deterministic order regardless of how include_dir lists files.
        self.locales.sort_by(|a, b| a.file.cmp(&b.file));
    }

    fn add_disk_dir(&mut self, root: &Path, dir: &Path, kind: Kind, diags: &mut Vec<Diagnostic>) {
        if !dir.is_dir() || !crate::source::inside_site(root, dir, diags) {
            return;
        }
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        Location::file(display_path(root, dir)),
                        format!("cannot read folder: {e}"),
                    ));
                    continue;
                }
            };
            let path = entry.path();
            let display = display_path(root, path);
            if entry.path_is_symlink() {
                diags.push(
                    Diagnostic::warning(
                        Location::file(&display),
                        "symbolic links are not followed; the file is skipped",
                    )
                    .with_hint("copy the file into the folder instead"),
                );
                continue;
            }
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = display_path(dir, path);
            if rel.split('/').any(|part| part.starts_with('.')) {
                continue; // .DS_Store, .gitkeep, editor swap files
            }
            match kind {
                Kind::Template | Kind::Print => match crate::source::read_text(path, &display) {
                    Ok(text) => {
                        let target = if matches!(kind, Kind::Template) {
                            &mut self.templates
                        } else {
                            &mut self.print_templates
                        };
                        target.insert(rel, TemplateSource { text, display });
                    }
                    Err(d) => diags.push(d),
                },
                Kind::Font => {
                    if is_font(&rel) {
                        self.fonts
                            .insert(display, FileSource::Disk(path.to_path_buf()));
                    }
                }
                Kind::Static => {
                    self.static_files
                        .insert(rel, FileSource::Disk(path.to_path_buf()));
                }
            }
        }
    }

    fn add_disk_locales(
        &mut self,
        root: &Path,
        dir: &Path,
        languages: &[String],
        origin: Origin,
        diags: &mut Vec<Diagnostic>,
    ) {
        if !dir.is_dir() || !crate::source::inside_site(root, dir, diags) {
            return;
        }
        for lang in languages {
            let lang_dir = dir.join(lang);
            if !crate::source::inside_site(root, &lang_dir, diags) {
                continue;
            }
            for path in crate::content::files_with_suffix(&lang_dir, ".ftl") {
                let display = display_path(root, &path);
                match crate::source::read_text(&path, &display) {
                    Ok(text) => self.locales.push(CatalogSource {
                        lang: lang.clone(),
                        file: display,
                        text,
                        origin,
                    }),
                    Err(d) => diags.push(d),
                }
            }
        }
    }

    /// Display path of a template, for error messages.
    pub fn template_display(&self, name: &str) -> String {
        self.templates
            .get(name)
            .map_or_else(|| format!("templates/{name}"), |t| t.display.clone())
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Template,
    Static,
    Print,
    Font,
}

fn is_font(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".otf", ".ttf", ".ttc", ".otc"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// A short, stable content hash (FNV-1a, 64 bit) for cache-busting asset URLs. Stable across
/// Rust versions and machines, unlike `DefaultHasher`.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", hash >> 32)
}
