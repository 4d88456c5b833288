//! Reading source files safely: size limits, UTF-8 checks, and YAML/TOML parsing that turns
//! every parser complaint into a located [`Diagnostic`].

use crate::diagnostics::{Diagnostic, Location, hint_for_serde_message};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Largest source file accepted. A catalog entry is a few KB; anything near this is a mistake
/// (a video dropped into `content/`) and would only slow the build down.
pub const MAX_SOURCE_BYTES: u64 = 4 * 1024 * 1024;

/// Whether the source folder or file `path` may be read: it must not exist, or lie inside the
/// site once every symbolic link is resolved. A `static/` that links to a home folder would
/// otherwise publish that folder; such a path gets a located warning and is skipped, like a
/// symbolic link met inside a folder.
pub fn inside_site(root: &Path, path: &Path, diags: &mut Vec<Diagnostic>) -> bool {
    if path.symlink_metadata().is_err() {
        return true; // absent: the loaders say what is missing, if anything
    }
    let (Ok(real_root), Ok(real)) = (root.canonicalize(), path.canonicalize()) else {
        diags.push(
            Diagnostic::warning(
                Location::file(crate::diagnostics::display_path(root, path)),
                "this is a symbolic link that leads nowhere; it is skipped",
            )
            .with_hint("remove the link, or put the real folder here"),
        );
        return false;
    };
    if real.starts_with(&real_root) {
        return true;
    }
    diags.push(
        Diagnostic::warning(
            Location::file(crate::diagnostics::display_path(root, path)),
            format!(
                "this is a symbolic link to {}, outside the site; it is skipped",
                real.display()
            ),
        )
        .with_hint("copy what the site needs into the site folder instead of linking to it"),
    );
    false
}

/// Reads a text source: refuses huge files and files that are not UTF-8, naming the place of
/// the first bad byte so the user can find it in an editor.
pub fn read_text(path: &Path, display: &str) -> Result<String, Diagnostic> {
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::error(
            Location::file(display),
            format!("cannot read the file: {e}"),
        )
    })?;
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(Diagnostic::error(
            Location::file(display),
            format!(
                "the file is {} bytes, more than the {} bytes a source file may have",
                meta.len(),
                MAX_SOURCE_BYTES
            ),
        )
        .with_hint("keep large media in static/ and refer to it by path"));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            Location::file(display),
            format!("cannot read the file: {e}"),
        )
    })?;
    decode_utf8(bytes, display)
}

/// UTF-8 text of `bytes`, or an error at the first byte that is not UTF-8.
pub fn decode_utf8(bytes: Vec<u8>, display: &str) -> Result<String, Diagnostic> {
    if utf16(&bytes) {
        return Err(Diagnostic::error(
            Location::file(display),
            "the file is saved as UTF-16 text; sources must be UTF-8",
        )
        .with_hint("save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8; in Notepad: Save as → Encoding: UTF-8)"));
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            // Editors on Windows like to start files with a byte-order mark.
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            Err(Diagnostic::error(
                Location::at_offset(display, &prefix, valid, 1),
                "the file is not valid UTF-8 text",
            )
            .with_hint("save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)"))
        }
    }
}

/// Whether `bytes` look like UTF-16 (what Windows tools call "Unicode"): a UTF-16 byte-order
/// mark, or text where every other byte of the first ones is zero.
fn utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    head.len() >= 4
        && (head.iter().step_by(2).all(|&b| b == 0)
            || head.iter().skip(1).step_by(2).all(|&b| b == 0))
}

/// Parses YAML into `T` with serde-saphyr's default budget, which bounds alias expansion,
/// nesting depth and node counts, so an alias bomb fails fast instead of eating memory.
pub fn parse_yaml<T: DeserializeOwned>(
    text: &str,
    display: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str(text).map_err(|e| yaml_error(&e, text, display, first_line))
}

fn yaml_error(e: &serde_saphyr::Error, text: &str, display: &str, first_line: usize) -> Diagnostic {
    let raw = e.without_snippet().to_string();
    let message = strip_position_suffix(&raw);
    // serde reports a missing field where the mapping ends; the top of the document is
    // where a person would add it.
    let (line, column) = match e.location() {
        _ if message.starts_with("missing field") => (1, 1),
        Some(l) => (l.line() as usize, l.column() as usize),
        None => (1, 1),
    };
    if let Some((line, column, message, hint)) = problem_in_text(text, &message, line) {
        return Diagnostic::error(
            Location::new(display, line + first_line - 1, column),
            message,
        )
        .with_hint(hint);
    }
    let (message, hint) = match plain_yaml_problem(e, &message) {
        Some((message, hint)) => (message, Some(hint.to_string())),
        None if message.starts_with("duplicate mapping key") => {
            duplicate_key(&message, text, line, first_line)
        }
        None => (
            friendly_yaml_message(&message),
            hint_for_serde_message(&message).or_else(|| yaml_hint(&message)),
        ),
    };
    Diagnostic::error(
        Location::new(display, line + first_line - 1, column),
        message,
    )
    .with_optional_hint(hint)
}

/// Mistakes the parser reports far from where a person made them, or in its own terms, found
/// by looking at the text: `(line, column, message, hint)`, the line counted in `text`.
fn problem_in_text(
    text: &str,
    message: &str,
    line: usize,
) -> Option<(usize, usize, String, String)> {
    if text.trim().is_empty() {
        return Some((
            1,
            1,
            "the file is empty".into(),
            "fill it in (see the source format in the README), or delete it".into(),
        ));
    }
    let lines: Vec<&str> = text.lines().collect();
    let column_of = |l: &str, byte: usize| l[..byte].chars().count() + 1;
    if message.contains("tab") {
        let (i, l) = lines
            .iter()
            .enumerate()
            .skip(line.saturating_sub(1))
            .chain(lines.iter().enumerate())
            .find(|(_, l)| l.contains('\t'))?;
        let at = l.find('\t')?;
        return Some((
            i + 1,
            column_of(l, at),
            "a tab is used for indentation".into(),
            format!(
                "indent with spaces; the tab is at column {}",
                column_of(l, at)
            ),
        ));
    }
    // A full-width colon (typed with a Chinese input method) makes `key： value` plain text.
    for (i, l) in lines.iter().enumerate() {
        let content = l.trim_start().trim_start_matches("- ");
        if let Some(at) = content.find('：') {
            let key = &content[..at];
            let field_like = key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !key.is_empty() && field_like && !content.contains(": ") {
                let byte =
                    l.len() - l.trim_start().len() + (l.trim_start().len() - content.len()) + at;
                return Some((
                    i + 1,
                    column_of(l, byte),
                    format!("`{key}：` has a full-width colon `：`"),
                    "use the ASCII colon `:` (switch the keyboard to English input for it)".into(),
                ));
            }
        }
    }
    if message.contains("expected mapping") || message.contains("could not find expected ':'") {
        // A field line without a colon: `category drilling-rigs`.
        let indent = |l: &str| l.len() - l.trim_start().len();
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim();
            if t.is_empty() || t.starts_with('#') || t.starts_with('-') || t.contains(':') {
                continue;
            }
            // Continuation lines of block texts are indented deeper than a field.
            let block = lines[..i]
                .iter()
                .rev()
                .find(|p| !p.trim().is_empty())
                .is_some_and(|p| {
                    (p.trim_end().ends_with('|') || p.trim_end().ends_with('>'))
                        || indent(p) < indent(l)
                });
            if block {
                continue;
            }
            let name = t.split_whitespace().next().unwrap_or(t);
            return Some((
                i + 1,
                indent(l) + 1 + name.chars().count(),
                format!("`{name}` has no `:` after it"),
                format!("a field is written `{name}: value`"),
            ));
        }
    }
    // `{value: 13800, unit: kg` without its `}`: the parser notices on the next line.
    for (open, close, flow, example) in [
        ('{', '}', "flow mapping", "{value: 13800, unit: kg}"),
        ('[', ']', "flow sequence", "[a, b]"),
    ] {
        if !(message.contains(flow) && message.contains("did not find expected")) {
            continue;
        }
        for i in (0..line.min(lines.len())).rev() {
            if let Some(byte) = unclosed(lines[i], open, close) {
                return Some((
                    i + 1,
                    column_of(lines[i], byte),
                    format!("this `{open}` is not closed with `{close}`"),
                    format!("end it on the same line, e.g. `{example}`"),
                ));
            }
        }
    }
    if message.contains("trailing content after double-quoted") {
        let l = lines.get(line.saturating_sub(1))?;
        return Some((
            line,
            1 + l.len() - l.trim_start().len(),
            "a `\"` inside double quotes ends the text early".into(),
            "put the text in single quotes ('a \"quoted\" word'), or write each inner quote as \\\"".into(),
        ));
    }
    if message.contains("trailing content after single-quoted") {
        let l = lines.get(line.saturating_sub(1))?;
        return Some((
            line,
            1 + l.len() - l.trim_start().len(),
            "a `'` inside single quotes ends the text early".into(),
            "write each inner `'` twice ('it''s'), or put the text in double quotes".into(),
        ));
    }
    None
}

/// The byte offset of the last `open` on `line` that no `close` after it matches, outside
/// quotes and comments.
fn unclosed(line: &str, open: char, close: char) -> Option<usize> {
    let mut opened: Vec<usize> = Vec::new();
    let mut quote: Option<char> = None;
    for (at, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if at == 0 || line[..at].ends_with(' ') => break,
            (None, c) if c == open => opened.push(at),
            (None, c) if c == close => {
                opened.pop();
            }
            _ => {}
        }
    }
    opened.last().copied()
}

/// The parser's own words for problems a person can make, which otherwise name library
/// internals (`ScalarBytes { total_scalar_bytes: … }`, "use from_str_multiple").
fn plain_yaml_problem(e: &serde_saphyr::Error, message: &str) -> Option<(String, &'static str)> {
    use serde_saphyr::budget::BudgetBreach;
    if let serde_saphyr::Error::Budget { breach, .. } = e.without_snippet() {
        return Some(match breach {
            BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => (
                "the file expands to far more data than a catalog entry can hold".into(),
                "remove the repeated `*alias` references",
            ),
            BudgetBreach::Depth { depth } => (
                format!("lists or mappings are nested {depth} levels deep"),
                "a catalog entry needs a few levels; look for a run of `[` or `{` here",
            ),
            BudgetBreach::Documents { .. } => multiple_documents(),
            _ => (
                "the file holds far more data than a catalog entry can".into(),
                "split it into smaller files, or move long texts out of it",
            ),
        });
    }
    if message.starts_with("multiple YAML documents") {
        return Some(multiple_documents());
    }
    if message.contains("recursion limit exceeded") {
        return Some((
            "lists or mappings are nested too deeply".into(),
            "a catalog entry needs a few levels; look for a run of `[` or `{` here",
        ));
    }
    if message.contains("unknown anchor") {
        return Some((
            "`*name` refers to an anchor `&name` that is not defined above it".into(),
            "define `&name` first, or write the value itself; to start a text with `*`, put it in quotes",
        ));
    }
    if let Some(rest) = message.strip_prefix("unexpected character") {
        let shown: String = rest
            .trim_start_matches(": ")
            .chars()
            .filter(|c| !matches!(c, '`' | '\''))
            .collect();
        return Some((
            format!("a character that YAML does not allow here: {shown}"),
            "invisible control characters often come from copying out of other programs; retype the text, or write it in double quotes with an escape such as \\t",
        ));
    }
    None
}

/// "`featured` appears twice, lines 3 and 9" instead of the parser's advice to change its
/// options.
fn duplicate_key(
    message: &str,
    text: &str,
    line: usize,
    first_line: usize,
) -> (String, Option<String>) {
    let key = message
        .trim_start_matches("duplicate mapping key")
        .trim_start_matches(':')
        .split(',')
        .next()
        .unwrap_or("")
        .trim();
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let here = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
    let earlier = (0..line.saturating_sub(1)).rev().find(|&i| {
        let l = lines[i];
        indent(l) == indent(here)
            && l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
    });
    let message = match earlier {
        Some(i) => format!(
            "`{key}` appears twice, lines {} and {}",
            i + first_line,
            line + first_line - 1
        ),
        None => format!("`{key}` appears twice in the same place"),
    };
    (
        message,
        Some("keep one of them; each field may be given once".into()),
    )
}

fn multiple_documents() -> (String, &'static str) {
    (
        "a `---` line starts a second YAML document; a catalog file holds one".into(),
        "remove the `---` line, or move what follows it into a file of its own",
    )
}

/// serde-saphyr appends " at line N, column M"; the location is reported separately.
fn strip_position_suffix(message: &str) -> String {
    if let Some(i) = message.rfind(" at line ")
        && let Some((line, column)) = message[i + 9..].split_once(", column ")
        && line.bytes().all(|b| b.is_ascii_digit())
        && column.bytes().all(|b| b.is_ascii_digit())
    {
        return message[..i].to_string();
    }
    message.to_string()
}

fn friendly_yaml_message(message: &str) -> String {
    if message.starts_with("unknown field") {
        return message
            .split(", expected")
            .next()
            .unwrap_or(message)
            .to_string();
    }
    format!("YAML: {message}")
}

fn yaml_hint(message: &str) -> Option<String> {
    let m = message.to_ascii_lowercase();
    if m.contains("budget") || m.contains("alias") || m.contains("limit") {
        Some("the file expands to far more data than a catalog entry needs; remove the repeated `*alias` references".into())
    } else if m.contains("missing field") {
        Some("add the field; see the source format in the README".into())
    } else if m.contains("expected string") {
        Some("write plain text here, e.g. `key: some text`".into())
    } else if m.contains("invalid") && (m.contains("i64") || m.contains("u32") || m.contains("f64"))
    {
        Some("write a plain number here, without units or quotes".into())
    } else if m.contains("mapping values") || m.contains("unclosed") || m.contains("indent") {
        Some("check the indentation and quotes; text containing `: ` must be in quotes".into())
    } else {
        None
    }
}

/// Splits a Markdown file into its YAML front matter (between `---` lines) and its body.
/// Returns `(front_matter, body, line where the body starts)`.
pub fn split_front_matter<'a>(
    text: &'a str,
    display: &str,
) -> Result<(&'a str, &'a str, usize), Diagnostic> {
    let missing = || {
        Diagnostic::error(Location::file(display), "the file has no front matter")
            .with_hint("start the file with a line `---`, the fields (title: …), and another `---`")
    };
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let fm = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + fm.matches('\n').count() + 1;
            return Ok((fm, body, body_line));
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(Location::file(display), "the front matter is not closed")
            .with_hint("add a line `---` after the last front matter field"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_brace_is_found_outside_quotes_and_comments() {
        assert_eq!(unclosed("a: {b: 1, c: 2", '{', '}'), Some(3));
        assert_eq!(unclosed("a: {b: 1, c: 2}", '{', '}'), None);
        assert_eq!(unclosed("a: {b: \"}\"", '{', '}'), Some(3));
        assert_eq!(unclosed("a: {b: '{'}", '{', '}'), None);
        assert_eq!(unclosed("a: 1 # {", '{', '}'), None);
        assert_eq!(unclosed("a: [1, [2, 3]", '[', ']'), Some(3));
    }

    #[test]
    fn not_utf8_is_located() {
        let err = decode_utf8(b"title: ok\nname: \xff\xfe".to_vec(), "x.md").unwrap_err();
        assert_eq!(err.location, Location::new("x.md", 2, 7));
        assert!(err.message.contains("UTF-8"));
    }

    #[test]
    fn utf16_is_named() {
        let text = "name: Экскаватор\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be_without_bom: Vec<u8> = "name: EX\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for bytes in [le, be_without_bom] {
            let err = decode_utf8(bytes, "x.yaml").unwrap_err();
            assert!(err.message.contains("UTF-16"), "{err}");
            assert_eq!(err.location, Location::file("x.yaml"));
        }
    }

    #[test]
    fn yaml_problems_in_plain_words() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Doc {
            a: serde_json::Value,
        }
        let cases = [
            (
                "a: 1\n---\na: 2\n",
                "second YAML document",
                "remove the `---` line",
            ),
            (
                &*format!("a: {}{}\n", "[".repeat(3000), "]".repeat(3000)),
                "nested",
                "run of `[`",
            ),
            (
                "a: *missing\n",
                "anchor `&name` that is not defined",
                "quotes",
            ),
            ("a: b\u{1}c\n", "does not allow here", "control characters"),
        ];
        for (yaml, message, hint) in cases {
            let e = parse_yaml::<Doc>(yaml, "x.yaml", 1).unwrap_err();
            assert!(e.message.contains(message), "{yaml:?}: {e}");
            assert!(
                e.hint.as_deref().is_some_and(|h| h.contains(hint)),
                "{yaml:?}: {e}"
            );
            for internal in ["from_str", "Budget", "ScalarBytes", "budget breached"] {
                assert!(!e.to_string().contains(internal), "{e}");
            }
        }
    }

    #[test]
    fn front_matter_split_reports_body_line() {
        let (fm, body, line) =
            split_front_matter("---\ntitle: a\ndate: b\n---\nHello\n", "a.md").unwrap();
        assert_eq!(fm, "title: a\ndate: b\n");
        assert_eq!(body, "Hello\n");
        assert_eq!(line, 5);
        assert!(split_front_matter("title: a\n", "a.md").is_err());
        assert!(split_front_matter("---\ntitle: a\n", "a.md").is_err());
    }

    #[test]
    fn alias_bombs_hit_the_budget() {
        let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..12 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            bomb.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let e = parse_yaml::<serde_json::Value>(&bomb, "bomb.yaml", 1).unwrap_err();
        assert_eq!(e.location.file, "bomb.yaml");
        assert!(e.hint.is_some(), "{e}");
    }

    #[test]
    fn yaml_errors_name_line_and_column() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            category: String,
        }
        let e = parse_yaml::<T>("catgory: x\n", "p.yaml", 1).unwrap_err();
        assert_eq!(e.location, Location::new("p.yaml", 1, 1));
        assert_eq!(e.message, "unknown field `catgory`");
        assert_eq!(e.hint.as_deref(), Some("did you mean `category`?"));
        let e = parse_yaml::<T>("category: [1]\n", "p.md", 2).unwrap_err();
        assert_eq!(e.location, Location::new("p.md", 2, 11));
    }
}
