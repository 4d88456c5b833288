//! Translators' files: XLIFF 1.2 export and import (`brochure translations`).
//!
//! Translation agencies work in CAT tools (Trados, memoQ, Phrase…) that read XLIFF, not
//! Fluent or YAML. `export` writes, for one language, every localized string of the site — or
//! only the missing ones — as a trans-unit with the default language's text as `<source>`, the
//! current translation (if any) as `<target>`, and an id that points back to where it lives:
//!
//! - `ftl:<message-id>`: a Fluent message (theme or site); the text is the message's Fluent
//!   source after `=`, so placeables such as `{ $count }` and select expressions must be kept;
//! - `product:<id>:<field>` for `name`, `summary`, `description`, and
//!   `product:<id>:features:<n>` for the n-th feature line (1-based);
//! - `category:<id>:<field>` for `name` and `summary`.
//!
//! `import` writes the targets back: messages into the language's `.ftl` file, fields into the
//! YAML files, by editing the text in place ([`yaml_edit`]) so comments, order and formatting
//! of everything else stay byte-identical. The whole file is checked first — unknown ids, a
//! source text that changed since the export, a target that is not valid Fluent — and on any
//! error nothing is written. News articles and pages are whole documents and are translated
//! as Markdown files, not through XLIFF.

mod export;
mod import;
mod units;
mod yaml_edit;

pub use export::export;
pub use import::import;

use crate::diagnostics::Diagnostic;
use std::path::PathBuf;

/// XLIFF 1.2 namespace.
pub const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// What `brochure translations export` was asked to do.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub root: PathBuf,
    /// The language to translate into (a code from brochure.toml).
    pub lang: String,
    /// Only strings that have no translation yet.
    pub missing_only: bool,
    pub output: PathBuf,
}

/// What `brochure translations import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub root: PathBuf,
    pub file: PathBuf,
}

/// A successful export or import.
#[derive(Debug, Clone)]
pub struct Done {
    /// One line for the terminal.
    pub summary: String,
    /// Things skipped on the way (e.g. a list translated only in part).
    pub warnings: Vec<Diagnostic>,
    /// Files written, relative to the site root (import) or the XLIFF file (export).
    pub written: Vec<String>,
}
