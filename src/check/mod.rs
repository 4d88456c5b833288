//! `brochure check`: what is not translated yet and what is broken, before a release or a print
//! run.
//!
//! `build` stops at errors and warns about each missing translation as it goes; that is enough
//! for whoever runs the build, not for marketing, who must know how far each language is, nor
//! for translators, who need a list of exactly what to do. `check` loads and renders the site
//! exactly like `build` (through [`crate::build::render_all`], PDFs included unless `no_pdf`)
//! but writes nothing, and collects
//! a [`Report`]:
//!
//! - every problem the build reports, with the same message and place ([`Kind::Source`]);
//! - completeness per language against the default language, computed from the model
//!   ([`completeness`]): missing fields, news and page translations, Fluent messages, messages
//!   whose variables differ, site messages nothing uses, and a score per language and product;
//! - links and assets of the rendered pages ([`links`]): internal `href`/`src`, `#fragments`,
//!   images, images without alt text in content, pages that cannot be reached from their
//!   language's home page.
//!
//! The report is data; [`report_text`], [`report_json`] and [`report_html`] present it.

mod completeness;
mod links;
pub mod report_html;
pub use report_html::to_html;
pub use report_json::to_json;
pub use report_text::to_text;
pub mod report_json;
pub mod report_text;

use crate::build::{Rendered, render_all};
use crate::diagnostics::{Diagnostic, Location, Severity, did_you_mean};
use crate::site::LoadOptions;
use serde::Serialize;
use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Identifies the JSON document's shape; see `docs/check-json.md`.
pub const JSON_SCHEMA: &str = "brochure-check/1";

/// What `brochure check` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub root: PathBuf,
    /// Every gap and warning is an error.
    pub strict: bool,
    /// Report only these languages (all when empty). Findings that belong to no language
    /// (source errors, unused messages, links on `/` and `/404.html`) are always reported.
    pub languages: Vec<String>,
    /// Skip typesetting brochures and datasheets (PDF), as `build --no-pdf` does: quicker, but
    /// the pages then do not link to datasheets.
    pub no_pdf: bool,
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    /// Advice, never an error, not even with `--strict` (e.g. an unused message, which code
    /// brochure cannot see may still use).
    Info,
}

/// What kind of gap or problem a finding is. The JSON names are kebab-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A problem `brochure build` reports, with its message and place.
    Source,
    /// A localized field of a product or category has no text in a language.
    MissingField,
    /// A news article or page has no file for a language.
    MissingTranslation,
    /// A Fluent message of the default language is missing in a language.
    MissingMessage,
    /// A translation uses other `$variables` than the default language's message.
    MessageVariables,
    /// A site message that no template, product or other message uses.
    UnusedMessage,
    /// An internal link to a file the build does not write.
    BrokenLink,
    /// A link to `#id` where the page has no element with that id.
    BrokenFragment,
    /// An image (or icon, or `og:image`) the build does not write.
    MissingImage,
    /// An image in Markdown content without alt text.
    ImageAlt,
    /// A page that cannot be reached from its language's home page by following links.
    UnreachablePage,
}

impl Kind {
    /// Whether the finding is a translation gap (counted in the scores).
    pub fn is_gap(self) -> bool {
        matches!(
            self,
            Kind::MissingField
                | Kind::MissingTranslation
                | Kind::MissingMessage
                | Kind::MessageVariables
        )
    }
}

/// One gap or problem.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Level,
    pub kind: Kind,
    /// The language it concerns; `None` for what concerns all of them.
    pub lang: Option<String>,
    /// The file to look at or to change (relative to the site root, `/`-separated). For a
    /// missing translation, the file to create or to add the message to.
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// What it is about: `product:ex-300`, `category:excavators`, `news:expo`, `page:about`,
    /// `message:company-name`, `page-url:/en/about/`.
    pub item: Option<String>,
    /// The localized field or message id (`summary`, `features`, `company-name`).
    pub field: Option<String>,
    pub message: String,
    pub hint: Option<String>,
    /// For link problems: the URLs of the pages where it occurs (root-relative, sorted).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<String>,
    /// For source findings: the build's diagnostic, rendered with its source line.
    #[serde(skip)]
    pub diagnostic: Option<Diagnostic>,
}

impl Finding {
    pub(crate) fn new(severity: Level, kind: Kind, message: impl Into<String>) -> Finding {
        Finding {
            severity,
            kind,
            lang: None,
            file: None,
            line: None,
            column: None,
            item: None,
            field: None,
            message: message.into(),
            hint: None,
            pages: Vec::new(),
            diagnostic: None,
        }
    }

    pub(crate) fn warning(kind: Kind, message: impl Into<String>) -> Finding {
        Finding::new(Level::Warning, kind, message)
    }

    pub(crate) fn info(kind: Kind, message: impl Into<String>) -> Finding {
        Finding::new(Level::Info, kind, message)
    }

    pub(crate) fn error(kind: Kind, message: impl Into<String>) -> Finding {
        Finding::new(Level::Error, kind, message)
    }

    pub(crate) fn lang(mut self, lang: &str) -> Finding {
        self.lang = Some(lang.to_string());
        self
    }

    pub(crate) fn at(mut self, location: &Location) -> Finding {
        self.file = Some(location.file.clone());
        self.line = Some(location.line);
        self.column = Some(location.column);
        self
    }

    pub(crate) fn in_file(mut self, file: impl Into<String>) -> Finding {
        self.file = Some(file.into());
        self
    }

    pub(crate) fn item(mut self, item: impl Into<String>) -> Finding {
        self.item = Some(item.into());
        self
    }

    pub(crate) fn field(mut self, field: impl Into<String>) -> Finding {
        self.field = Some(field.into());
        self
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Finding {
        self.hint = Some(hint.into());
        self
    }

    fn from_diagnostic(d: &Diagnostic) -> Finding {
        let severity = if d.is_error() {
            Level::Error
        } else {
            Level::Warning
        };
        let mut f = Finding::new(severity, Kind::Source, d.message.clone()).at(&d.location);
        f.hint = d.hint.clone();
        f.diagnostic = Some(d.clone());
        f
    }

    /// `file:line:col`, `file`, or nothing.
    pub fn place(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.clone(),
        })
    }

    fn sort_key<'a>(&'a self, rank: &dyn Fn(Option<&str>) -> usize) -> impl Ord + 'a {
        (
            rank(self.lang.as_deref()),
            &self.lang,
            &self.file,
            self.line,
            self.column,
            self.kind,
            &self.message,
        )
    }
}

/// How complete one language is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageScore {
    pub code: String,
    pub name: String,
    /// `translated * 100 / total`, rounded down (100 only when nothing is missing).
    pub score: u32,
    /// Localized fields, news and page translations and Fluent messages present in this language…
    pub translated: usize,
    /// …out of those the default language has.
    pub total: usize,
    pub missing_fields: usize,
    pub missing_translations: usize,
    pub missing_messages: usize,
    /// Messages whose variables differ from the default language's.
    pub variable_mismatches: usize,
}

/// How complete one product is in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProductLanguage {
    pub code: String,
    pub score: u32,
    pub translated: usize,
    pub total: usize,
    /// Missing fields (`features`) and Fluent messages of its spec table (`spec-feed-force`).
    pub missing: Vec<String>,
}

/// A product's completeness in every checked language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProductScore {
    pub id: String,
    pub file: String,
    /// In the default language.
    pub name: String,
    pub languages: Vec<ProductLanguage>,
}

/// Counts for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// HTML pages checked.
    pub pages: usize,
    /// Internal links and image references checked.
    pub links: usize,
}

/// Everything `brochure check` found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    /// No errors (warnings allowed): the exit code is 0.
    pub ok: bool,
    pub strict: bool,
    /// Whether the site loaded and rendered; when not, only source findings are reported.
    pub rendered: bool,
    pub default_language: Option<String>,
    pub languages: Vec<LanguageScore>,
    pub products: Vec<ProductScore>,
    pub findings: Vec<Finding>,
    pub totals: Totals,
    #[serde(skip)]
    pub root: PathBuf,
    #[serde(skip)]
    pub elapsed: Duration,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.severity == Level::Error)
    }

    /// The process exit code: 0 without errors, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        if self.ok { 0 } else { 1 }
    }
}

/// Runs every check. Never fails: problems are findings.
pub fn check(options: &CheckOptions) -> Report {
    let started = Instant::now();
    let mut report = Report {
        schema: JSON_SCHEMA,
        ok: true,
        strict: options.strict,
        rendered: false,
        default_language: None,
        languages: Vec::new(),
        products: Vec::new(),
        findings: Vec::new(),
        totals: Totals::default(),
        root: options.root.clone(),
        elapsed: Duration::ZERO,
    };
    match render_all(&options.root, LoadOptions::default(), !options.no_pdf) {
        Err(failure) => {
            report.findings = failure
                .diagnostics
                .iter()
                .map(Finding::from_diagnostic)
                .collect();
            // The site does not build, but what loaded can still be measured: translation
            // gaps of every product, article and message that parsed.
            let partial = crate::site::Site::load(
                &options.root,
                LoadOptions {
                    keep_going: true,
                    ..LoadOptions::default()
                },
            );
            if let Ok(loaded) = partial {
                let gaps = completeness::collect(&loaded.site);
                let covered: HashSet<&Location> = gaps.covered.iter().collect();
                report.findings.retain(|f| {
                    f.diagnostic
                        .as_ref()
                        .is_none_or(|d| d.is_error() || !covered.contains(&d.location))
                });
                report.default_language = Some(loaded.site.config.default_language.clone());
                report.findings.extend(gaps.findings);
                report.languages = gaps.languages;
                report.products = gaps.products;
            }
        }
        Ok(rendered) => collect(&rendered, options, &mut report),
    }
    finish(&mut report, options);
    report.elapsed = started.elapsed();
    report
}

fn collect(rendered: &Rendered, options: &CheckOptions, report: &mut Report) {
    let site = &*rendered.site;
    report.rendered = true;
    report.default_language = Some(site.config.default_language.clone());
    let mut unknown = Vec::new();
    for code in &options.languages {
        if !site.config.is_language(code) {
            let codes: Vec<&str> = site.config.language_codes().collect();
            unknown.push(
                Finding::error(
                    Kind::Source,
                    format!("--lang {code}: not a language of this site"),
                )
                .in_file(crate::config::CONFIG_FILE)
                .hint(
                    did_you_mean(code, codes.iter().copied())
                        .unwrap_or_else(|| format!("the languages are: {}", codes.join(", "))),
                ),
            );
        }
    }
    let gaps = completeness::collect(site);
    // The build warns about each translation gap at the place of the gap; those warnings are
    // the same facts as the gaps and are not repeated. Other warnings are kept.
    let covered: HashSet<&Location> = gaps.covered.iter().collect();
    report.findings.extend(
        rendered
            .warnings
            .iter()
            .filter(|w| !covered.contains(&w.location))
            .map(Finding::from_diagnostic),
    );
    report.findings.extend(
        // What `build` says about static files that collide with generated outputs.
        crate::build::static_clashes(site, !options.no_pdf)
            .1
            .iter()
            .map(Finding::from_diagnostic),
    );
    report.findings.extend(unknown);
    report.findings.extend(gaps.findings);
    report.languages = gaps.languages;
    report.products = gaps.products;
    let stats = links::collect(site, &rendered.outputs, &mut report.findings);
    report.totals.pages = stats.pages;
    report.totals.links = stats.links;
}

/// Applies `--lang` and `--strict`, sorts, counts.
fn finish(report: &mut Report, options: &CheckOptions) {
    let order: Vec<String> = report.languages.iter().map(|l| l.code.clone()).collect();
    if !options.languages.is_empty() {
        let keep = |code: &str| options.languages.iter().any(|l| l == code);
        report
            .findings
            .retain(|f| f.lang.as_deref().is_none_or(keep));
        report.languages.retain(|l| keep(&l.code));
        for p in &mut report.products {
            p.languages.retain(|l| keep(&l.code));
        }
    }
    if options.strict {
        for f in &mut report.findings {
            if f.severity == Level::Warning {
                f.severity = Level::Error;
                if let Some(d) = &mut f.diagnostic {
                    d.severity = Severity::Error;
                }
            }
        }
    }
    // Findings for all languages first, then by the site's language order.
    let rank = |lang: Option<&str>| {
        lang.map_or(0, |l| {
            1 + order.iter().position(|o| o == l).unwrap_or(order.len())
        })
    };
    report
        .findings
        .sort_by(|a, b| a.sort_key(&rank).cmp(&b.sort_key(&rank)));
    report.findings.dedup();
    report.totals.errors = report.errors().count();
    report.totals.infos = report
        .findings
        .iter()
        .filter(|f| f.severity == Level::Info)
        .count();
    report.totals.warnings = report.findings.len() - report.totals.errors - report.totals.infos;
    report.ok = report.totals.errors == 0;
}

/// `translated * 100 / total`, rounded down; 100 for nothing to translate.
pub(crate) fn percent(translated: usize, total: usize) -> u32 {
    (translated * 100)
        .checked_div(total)
        .map_or(100, |p| p as u32)
}
