//! The report as one self-contained HTML page (no scripts, no external files) that marketing
//! can open in a browser or mail to the translation agency: scores per language, a table of
//! products by language coloured by completeness, the missing messages per language, broken
//! links, and every other finding.

use super::{Finding, Kind, Level, Report};
use std::fmt::Write as _;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn class(score: u32) -> &'static str {
    match score {
        100 => "full",
        90..=99 => "high",
        60..=89 => "mid",
        _ => "low",
    }
}

const STYLE: &str = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:2px solid #c8102e;padding-bottom:.2rem}
.muted{color:#57606a}.ok{color:#1a7f37}.bad{color:#cf222e}
table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.score{text-align:center;font-weight:600;white-space:nowrap}
.full{background:#dafbe1}.high{background:#fff8c5}.mid{background:#ffe7c2}.low{background:#ffd8d3}
.bar{display:inline-block;height:.7rem;background:#c8102e;vertical-align:middle}.bartrack{display:inline-block;width:12rem;background:#eaeef2;margin:0 .6rem}
code{font-size:.9em;background:#f6f8fa;padding:0 .2em}small{color:#57606a}
.error{color:#cf222e;font-weight:600}.warning{color:#9a6700;font-weight:600}.info{color:#0969da;font-weight:600}";

/// Renders the report as a complete HTML document.
pub fn to_html(report: &Report) -> String {
    let mut h = String::new();
    let verdict = if report.ok {
        "<span class=\"ok\">OK</span>"
    } else {
        "<span class=\"bad\">FAILED</span>"
    };
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Translation and link report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>Translation and link report</h1>\n<p class=\"muted\">{verdict} — {} errors, {} warnings; {} pages and {} links checked{}. Made by <code>brochure check</code>.</p>\n",
        report.totals.errors,
        report.totals.warnings,
        report.totals.pages,
        report.totals.links,
        if report.strict { " (strict)" } else { "" }
    );

    if !report.languages.is_empty() {
        let default = report.default_language.as_deref().unwrap_or("");
        let _ = write!(
            h,
            "<h2>Languages</h2>\n<table>\n<tr><th>Language</th><th>Complete</th><th>Fields missing</th><th>News and pages missing</th><th>Messages missing</th><th>Messages with other variables</th></tr>\n"
        );
        for l in &report.languages {
            let _ = writeln!(
                h,
                "<tr><td>{} <small>{}{}</small></td><td class=\"score {}\">{}%<span class=\"bartrack\"><span class=\"bar\" style=\"width:{}%\"></span></span><small>{} of {}</small></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&l.name),
                esc(&l.code),
                if l.code == default { ", default" } else { "" },
                class(l.score),
                l.score,
                l.score,
                l.translated,
                l.total,
                l.missing_fields,
                l.missing_translations,
                l.missing_messages,
                l.variable_mismatches
            );
        }
        h.push_str("</table>\n");
    }

    if !report.products.is_empty() {
        h.push_str("<h2>Products</h2>\n<table>\n<tr><th>Product</th>");
        for l in &report.languages {
            let _ = write!(h, "<th>{}</th>", esc(&l.name));
        }
        h.push_str("</tr>\n");
        for p in &report.products {
            let _ = write!(
                h,
                "<tr><td>{}<br><small><code>{}</code></small></td>",
                esc(&p.name),
                esc(&p.file)
            );
            for l in &p.languages {
                let missing = if l.missing.is_empty() {
                    String::new()
                } else {
                    format!("<br><small>{}</small>", esc(&l.missing.join(", ")))
                };
                let _ = write!(
                    h,
                    "<td class=\"score {}\">{}%{missing}</td>",
                    class(l.score),
                    l.score
                );
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</table>\n");
    }

    section(&mut h, report, "Missing messages", |f| {
        matches!(f.kind, Kind::MissingMessage | Kind::MessageVariables)
    });
    section(&mut h, report, "Missing fields, news and pages", |f| {
        matches!(f.kind, Kind::MissingField | Kind::MissingTranslation)
    });
    section(&mut h, report, "Broken links and images", |f| {
        matches!(
            f.kind,
            Kind::BrokenLink | Kind::BrokenFragment | Kind::MissingImage
        )
    });
    section(&mut h, report, "Everything else", |f| {
        matches!(
            f.kind,
            Kind::Source | Kind::UnusedMessage | Kind::ImageAlt | Kind::UnreachablePage
        )
    });
    h.push_str("</body>\n</html>\n");
    h
}

fn section(h: &mut String, report: &Report, title: &str, pick: impl Fn(&Finding) -> bool) {
    let findings: Vec<&Finding> = report.findings.iter().filter(|f| pick(f)).collect();
    if findings.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table>\n<tr><th>Language</th><th>Where</th><th>What</th></tr>\n",
        esc(title)
    );
    for f in findings {
        let level = match f.severity {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        };
        let pages = if f.pages.is_empty() {
            String::new()
        } else {
            format!("<br><small>on {}</small>", esc(&f.pages.join(", ")))
        };
        let hint = f
            .hint
            .as_ref()
            .map(|x| format!("<br><small>{}</small>", esc(x)))
            .unwrap_or_default();
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td><code>{}</code></td><td><span class=\"{level}\">{level}</span> {}{pages}{hint}</td></tr>",
            esc(f.lang.as_deref().unwrap_or("all")),
            esc(&f.place().unwrap_or_default()),
            esc(&f.message)
        );
    }
    h.push_str("</table>\n");
}
