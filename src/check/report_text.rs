//! The report for people at a terminal: the build's problems as the build prints them, the
//! scores, then every gap grouped by language and file, and one summary line.

use super::{Finding, Kind, Level, Report};
use std::collections::BTreeMap;
use std::fmt::Write as _;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, t: &str) -> String {
        self.wrap("1", t)
    }
    fn dim(&self, t: &str) -> String {
        self.wrap("2", t)
    }
    fn level(&self, l: Level) -> String {
        match l {
            Level::Error => self.wrap("1;31", "error"),
            Level::Warning => self.wrap("1;33", "warning"),
            Level::Info => self.wrap("1;36", "info"),
        }
    }
    fn score(&self, score: u32, width: usize) -> String {
        let text = format!("{:>width$}", format!("{score}%"));
        let code = match score {
            100 => "32",
            80..=99 => "33",
            _ => "31",
        };
        self.wrap(code, &text)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Renders the report as text; `color` adds ANSI colours.
pub fn to_text(report: &Report, color: bool) -> String {
    let p = Paint { on: color };
    let mut out = String::new();
    let languages = report.languages.len();
    if report.rendered {
        let _ = writeln!(
            out,
            "{} {}, {}, {} checked\n",
            p.bold("brochure check:"),
            plural(languages, "language", "languages"),
            plural(report.totals.pages, "page", "pages"),
            plural(report.totals.links, "link", "links"),
        );
    }

    // What the build itself reports, exactly as `build` prints it.
    let sources: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Source && f.diagnostic.is_some())
        .collect();
    for f in &sources {
        if let Some(d) = &f.diagnostic {
            out.push_str(&d.render(Some(&report.root), color));
            out.push('\n');
        }
    }
    if !report.rendered {
        let _ = writeln!(
            out,
            "The site does not build, so links were not checked{}.",
            if report.languages.is_empty() {
                " and neither were translations"
            } else {
                "; translations were checked in what loaded"
            }
        );
    }

    if !report.languages.is_empty() {
        let default = report.default_language.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "{}",
            p.bold(&format!("Completeness (against {default})"))
        );
        for l in &report.languages {
            let mut parts = Vec::new();
            if l.missing_fields > 0 {
                parts.push(plural(l.missing_fields, "field", "fields"));
            }
            if l.missing_translations > 0 {
                parts.push(plural(l.missing_translations, "news/page", "news/pages"));
            }
            if l.missing_messages > 0 {
                parts.push(plural(l.missing_messages, "message", "messages"));
            }
            let mut line = format!("  {:<5} {}", l.code, p.score(l.score, 4));
            if !parts.is_empty() {
                let _ = write!(line, " — {} missing", parts.join(", "));
            }
            if l.variable_mismatches > 0 {
                let _ = write!(
                    line,
                    "{}{} with other variables",
                    if parts.is_empty() { " — " } else { "; " },
                    plural(l.variable_mismatches, "message", "messages")
                );
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }

    if !report.products.is_empty() {
        let incomplete: Vec<_> = report
            .products
            .iter()
            .filter(|pr| pr.languages.iter().any(|l| l.score < 100))
            .collect();
        let width = report
            .products
            .iter()
            .map(|pr| pr.id.chars().count())
            .max()
            .unwrap_or(0)
            .max(8);
        if !incomplete.is_empty() {
            let mut head = format!("  {:<width$}", "product");
            for l in &report.languages {
                let _ = write!(head, " {:>5}", l.code);
            }
            let _ = writeln!(out, "{}", p.bold(&head));
            for pr in &incomplete {
                let mut row = format!("  {:<width$}", pr.id);
                let mut missing = Vec::new();
                for l in &pr.languages {
                    let _ = write!(row, " {}", p.score(l.score, 5));
                    if !l.missing.is_empty() {
                        missing.push(format!("{}: {}", l.code, l.missing.join(", ")));
                    }
                }
                let _ = writeln!(out, "{row}  {}", p.dim(&missing.join("; ")));
            }
        }
        let complete = report.products.len() - incomplete.len();
        if complete > 0 {
            let _ = writeln!(
                out,
                "  {} complete in every language",
                if incomplete.is_empty() {
                    format!("all {}", plural(complete, "product", "products"))
                } else {
                    plural(complete, "other product", "other products")
                }
            );
        }
        out.push('\n');
    }

    // Every other finding: by language (those for all languages first), then by file.
    type ByFile<'a> = BTreeMap<&'a str, Vec<&'a Finding>>;
    // Languages in the site's order (the default first), findings for all languages before.
    let rank = |lang: Option<&str>| {
        lang.map_or(0, |code| {
            1 + report
                .languages
                .iter()
                .position(|l| l.code == code)
                .unwrap_or(usize::MAX - 1)
        })
    };
    let mut groups: BTreeMap<(usize, Option<&str>), ByFile<'_>> = BTreeMap::new();
    for f in report
        .findings
        .iter()
        .filter(|f| !(f.kind == Kind::Source && f.diagnostic.is_some()))
    {
        groups
            .entry((rank(f.lang.as_deref()), f.lang.as_deref()))
            .or_default()
            .entry(f.file.as_deref().unwrap_or("(rendered pages)"))
            .or_default()
            .push(f);
    }
    for ((_, lang), files) in &groups {
        let title = match lang {
            Some(code) => report
                .languages
                .iter()
                .find(|l| l.code == *code)
                .map(|l| format!("{code} — {} ({}%)", l.name, l.score))
                .unwrap_or_else(|| code.to_string()),
            None => "All languages".to_string(),
        };
        let _ = writeln!(out, "{}", p.bold(&title));
        for (file, findings) in files {
            let _ = writeln!(out, "  {file}");
            for f in findings {
                let place = match (f.line, f.column) {
                    (Some(l), Some(c)) => format!("{l}:{c}"),
                    _ => String::new(),
                };
                let pad = if place.is_empty() {
                    String::new()
                } else {
                    format!("{place}: ")
                };
                let _ = writeln!(out, "    {pad}{}: {}", p.level(f.severity), f.message);
                if !f.pages.is_empty() {
                    let shown: Vec<&str> = f.pages.iter().take(3).map(String::as_str).collect();
                    let more = f.pages.len().saturating_sub(3);
                    let _ = writeln!(
                        out,
                        "      {} {}{}",
                        p.dim("on"),
                        shown.join(", "),
                        if more > 0 {
                            format!(" and {more} more")
                        } else {
                            String::new()
                        }
                    );
                }
                if let Some(h) = &f.hint {
                    let _ = writeln!(out, "      {} {h}", p.dim("hint:"));
                }
            }
        }
        out.push('\n');
    }

    let verdict = if report.ok {
        p.wrap("1;32", "OK")
    } else {
        p.wrap("1;31", "FAILED")
    };
    let _ = writeln!(
        out,
        "{verdict}: {}, {}{}{} in {} ms",
        plural(report.totals.errors, "error", "errors"),
        plural(report.totals.warnings, "warning", "warnings"),
        if report.totals.infos > 0 {
            format!(", {}", plural(report.totals.infos, "note", "notes"))
        } else {
            String::new()
        },
        if report.strict { " (--strict)" } else { "" },
        report.elapsed.as_millis()
    );
    out
}
