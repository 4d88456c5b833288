//! Errors and warnings as values, each pointing at a file, line and column.
//!
//! Marketing staff edit YAML, Markdown and Fluent by hand; every mistake has to come back as a
//! message naming the exact place, in plain language, with a hint where one helps. Stages never
//! stop at the first problem: they collect [`Diagnostic`]s so one build reports everything.

use std::fmt;
use std::path::Path;
use std::sync::Mutex;

/// How bad a [`Diagnostic`] is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Warning,
    Error,
}

/// A place in a source file. Lines and columns are 1-based and count characters.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Location {
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(file: impl Into<String>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line: line.max(1),
            column: column.max(1),
        }
    }

    /// A whole file, when no better place is known.
    pub fn file(file: impl Into<String>) -> Self {
        Location::new(file, 1, 1)
    }

    /// The location of byte `offset` in `text`, which is the content of `file`
    /// starting at line `first_line`.
    pub fn at_offset(
        file: impl Into<String>,
        text: &str,
        offset: usize,
        first_line: usize,
    ) -> Self {
        let (line, column) = line_col(text, offset);
        Location::new(file, line + first_line - 1, column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// 1-based line and character column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// One problem found in the sources.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            location,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            location,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_optional_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic the way compilers do: a headline, the place, the offending source
    /// line with a caret, and the hint. `source` is the site root, used to show the line.
    pub fn render(&self, root: Option<&Path>, color: bool) -> String {
        let (label, paint) = match self.severity {
            Severity::Error => ("error", "\x1b[1;31m"),
            Severity::Warning => ("warning", "\x1b[1;33m"),
        };
        let (bold, blue, reset) = if color {
            ("\x1b[1m", "\x1b[1;34m", "\x1b[0m")
        } else {
            ("", "", "")
        };
        let paint = if color { paint } else { "" };
        let mut out = format!(
            "{paint}{label}{reset}{bold}: {}{reset}\n",
            visible(&self.message)
        );
        // A mistake in the command itself has no file to point at.
        if self.location.file != COMMAND_LINE {
            out.push_str(&format!(
                "  {blue}-->{reset} {}\n",
                visible(&self.location.to_string())
            ));
        }
        if let Some(line_text) =
            root.and_then(|r| source_line(&r.join(&self.location.file), self.location.line))
        {
            let number = self.location.line.to_string();
            let pad = " ".repeat(number.len());
            let caret_pad: String = line_text
                .chars()
                .take(self.location.column - 1)
                .map(|c| match c {
                    '\t' => "\t".to_string(),
                    c if c.is_control() => " ".repeat(visible_char(c).len()),
                    _ => " ".to_string(),
                })
                .collect();
            let line_text = visible(&line_text);
            out.push_str(&format!(
                "{blue}{pad} |{reset}\n{blue}{number} |{reset} {line_text}\n{blue}{pad} |{reset} {caret_pad}{paint}^{reset}\n"
            ));
        }
        if let Some(hint) = &self.hint {
            // A hint may span lines (the lines to add to a file); each is shown indented.
            let hint = hint
                .lines()
                .map(visible)
                .collect::<Vec<_>>()
                .join("\n          ");
            out.push_str(&format!("  {blue}={reset} {bold}hint{reset}: {hint}\n"));
        }
        out
    }
}

/// The "file" of a diagnostic about the command line's arguments.
pub const COMMAND_LINE: &str = "(command line)";

/// A control character as visible text (`\u{1b}`): a source file must not be able to move
/// the cursor, retitle the terminal or clear the screen of whoever reads the error.
fn visible_char(c: char) -> String {
    if c.is_control() && c != '\t' {
        format!("\\u{{{:x}}}", c as u32)
    } else {
        c.to_string()
    }
}

/// `text` with every control character but the tab made visible (see [`visible_char`]).
pub fn visible(text: &str) -> String {
    if !text.chars().any(|c| c.is_control() && c != '\t') {
        return text.to_string();
    }
    text.chars().map(visible_char).collect()
}

impl fmt::Display for Diagnostic {
    /// One line: `file:line:col: error: message (hint: …)`, the form tests and CI logs grep.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {label}: {}", self.location, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

fn source_line(path: &Path, line: usize) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let l = text.lines().nth(line.checked_sub(1)?)?;
    // Very long lines (minified data) are not worth echoing in full.
    Some(l.chars().take(200).collect())
}

/// A thread-safe collection of diagnostics, filled by stages that run in parallel.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&self, d: Diagnostic) {
        self.lock().push(d);
    }

    pub fn extend(&self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.lock().extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.lock().iter().any(Diagnostic::is_error)
    }

    /// All diagnostics, sorted by file, line, column so output does not depend on thread timing.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().unwrap_or_else(|p| p.into_inner());
        sort(&mut items);
        items
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Diagnostic>> {
        self.items.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Sorts diagnostics into a stable order and drops exact duplicates.
pub fn sort(items: &mut Vec<Diagnostic>) {
    items.sort_by(|a, b| {
        (&a.location, b.severity, &a.message).cmp(&(&b.location, a.severity, &b.message))
    });
    items.dedup();
}

/// "did you mean `x`?" for a misspelt name, when a candidate is close enough.
pub fn did_you_mean<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let best = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(unknown, c), c))
        // Jaro-Winkler rewards shared prefixes, which paths and ids share a lot of
        // (`images/…`); the edit distance keeps suggestions to plausible typos.
        .filter(|(score, c)| {
            let close = strsim::levenshtein(unknown, c) <= (unknown.chars().count() / 3).max(2);
            // `bleed` for `bleed_mm`: a shortened name is a likely slip too.
            let shortened =
                unknown.len() >= 4 && (c.starts_with(unknown) || unknown.starts_with(*c));
            *score > 0.8 && (close || shortened) && same_numbers(unknown, c)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))?;
    Some(format!("did you mean `{}`?", best.1))
}

/// Whether two names carry nearly the same digits. Model numbers are what tells products and
/// their photos apart: `ex-700` is one slip away from `ex-7000`, but `ex-210` is another
/// machine, however short the edit.
fn same_numbers(a: &str, b: &str) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    strsim::levenshtein(&digits(a), &digits(b)) <= 1
}

/// Relative, `/`-separated display form of a path under `root`.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Serde's "unknown field `x`, expected one of `a`, `b`" messages name the field but do not
/// help a non-programmer fix it; this turns them into a did-you-mean hint.
pub fn hint_for_serde_message(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (unknown, rest) = rest.split_once('`')?;
    let expected = rest
        .split_once("expected one of ")
        .map(|(_, e)| e)
        .or_else(|| rest.split_once("expected ").map(|(_, e)| e))?;
    let candidates: Vec<&str> = expected
        .split(',')
        .map(|c| c.trim().trim_matches('`').trim())
        .filter(|c| !c.is_empty())
        .collect();
    did_you_mean(unknown, candidates.iter().copied())
        .or_else(|| Some(format!("allowed here: {}", candidates.join(", "))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a: 1\nназвание: x\n";
        let offset = text.find('x').unwrap_or(0);
        assert_eq!(line_col(text, offset), (2, 11));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("excavator", ["excavators", "wheel-loaders"]),
            Some("did you mean `excavators`?".into())
        );
        assert_eq!(did_you_mean("zzz", ["excavators"]), None);
        // Another model number is another machine, not a typo.
        assert_eq!(did_you_mean("ex-700", ["ex-210", "ex-360"]), None);
        assert_eq!(
            did_you_mean("images/photos/ex-700.jpg", ["images/photos/ex-210.jpg"]),
            None
        );
        assert_eq!(
            did_you_mean(
                "images/photos/ex-70.jpg",
                ["images/photos/ex-700.jpg", "images/photos/ex-210.jpg"]
            ),
            Some("did you mean `images/photos/ex-700.jpg`?".into())
        );
        assert_eq!(
            did_you_mean("images/photos/ex700.jpg", ["images/photos/ex-700.jpg"]),
            Some("did you mean `images/photos/ex-700.jpg`?".into())
        );
    }

    #[test]
    fn serde_unknown_field_becomes_hint() {
        let hint =
            hint_for_serde_message("unknown field `catgory`, expected one of category, name");
        assert_eq!(hint.as_deref(), Some("did you mean `category`?"));
        let hint =
            hint_for_serde_message("unknown field `qqq`, expected one of `base_url`, `theme`");
        assert_eq!(hint.as_deref(), Some("allowed here: base_url, theme"));
    }

    #[test]
    fn one_line_form_names_place_and_hint() {
        let d = Diagnostic::error(Location::new("content/a.yaml", 3, 5), "bad").with_hint("fix it");
        assert_eq!(
            d.to_string(),
            "content/a.yaml:3:5: error: bad (hint: fix it)"
        );
    }
}

#[cfg(test)]
mod escape_tests {
    use super::*;

    #[test]
    fn control_characters_from_sources_are_shown_not_obeyed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.yaml"), "a\x1b[2Jb: \x1b]0;PWNED\x07x\n").unwrap();
        let d = Diagnostic::error(Location::new("p.yaml", 1, 6), "bad \x1b]0;PWNED\x07 value")
            .with_hint("\x1b[2J");
        let out = d.render(Some(dir.path()), false);
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
        assert!(out.contains("bad \\u{1b}]0;PWNED\\u{7} value"), "{out}");
        // The caret still points at `b`, after the escape shown as six characters.
        let lines: Vec<&str> = out.lines().collect();
        let source = lines.iter().find(|l| l.starts_with("1 |")).unwrap();
        let caret = lines.iter().find(|l| l.ends_with('^')).unwrap();
        assert_eq!(source.find("b:"), caret.find('^'), "{out}");
    }
}
