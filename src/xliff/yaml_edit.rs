//! Setting one language of a localized YAML field by editing the text in place.
//!
//! Re-serializing a YAML file would lose its comments, key order, quoting and line breaks —
//! everything people rely on to read a product file. Instead the field's mapping
//! (`name: {en: …, zh: …}` or a block `name:` with one line per language) is found from the
//! location serde-saphyr reports, and only the one entry is replaced or inserted. The caller
//! re-parses the result and compares it with the intended data before writing anything.

/// A value to write.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    List(Vec<String>),
}

/// Sets `lang` to `value` in the localized mapping that starts at 1-based `line`/`column`
/// (a flow mapping's `{`, or a block mapping's first key). `order` is the site's language
/// order, used to place a new entry among the others.
pub(crate) fn set_entry(
    text: &str,
    line: usize,
    column: usize,
    lang: &str,
    order: &[String],
    value: &Value,
) -> Result<String, String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let line_text = lines
        .get(line.wrapping_sub(1))
        .ok_or("the field is not where it was loaded from")?;
    let line_start: usize = lines[..line - 1].iter().map(|l| l.len()).sum();
    let col_byte = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    if line_text[col_byte..].starts_with('{') {
        flow_mapping(text, line_start + col_byte, lang, order, value)
    } else {
        block_mapping(text, &lines, line - 1, col_byte, lang, order, value)
    }
}

fn rank(order: &[String], lang: &str) -> usize {
    order.iter().position(|l| l == lang).unwrap_or(usize::MAX)
}

/// `{en: A, zh: B}` on one line.
fn flow_mapping(
    text: &str,
    open: usize,
    lang: &str,
    order: &[String],
    value: &Value,
) -> Result<String, String> {
    // Entries as byte ranges, split at top-level commas outside quotes.
    let mut entries: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut start = open + 1;
    let mut close = None;
    let mut chars = text[open..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = open + i;
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => {
                if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            }
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => {
                depth -= 1;
                if depth == 0 {
                    entries.push((start, at));
                    close = Some(at);
                    break;
                }
            }
            (None, ',') if depth == 1 => {
                entries.push((start, at));
                start = at + 1;
            }
            (None, '\n') => return Err("the mapping spans several lines".into()),
            _ => {}
        }
    }
    let close = close.ok_or("the mapping is not closed")?;
    let rendered = match value {
        Value::Text(t) => scalar(t, true),
        Value::List(items) => flow_list(items),
    };
    let keyed: Vec<(String, usize, usize)> = entries
        .iter()
        .filter(|(s, e)| !text[*s..*e].trim().is_empty())
        .filter_map(|(s, e)| {
            let entry = &text[*s..*e];
            let (key, _) = entry.split_once(':')?;
            Some((key.trim().to_string(), *s, *e))
        })
        .collect();
    let mut out = text.to_string();
    if let Some((_, s, e)) = keyed.iter().find(|(k, _, _)| k == lang) {
        let entry = &text[*s..*e];
        let colon = entry.find(':').unwrap_or(0) + 1;
        let value_start = s + colon + (entry[colon..].len() - entry[colon..].trim_start().len());
        let value_end = s + entry.trim_end().len();
        out.replace_range(value_start..value_end.max(value_start), &rendered);
        return Ok(out);
    }
    match keyed
        .iter()
        .find(|(k, _, _)| rank(order, k) > rank(order, lang))
    {
        Some((_, s, _)) => {
            let at = s + (text[*s..].len() - text[*s..].trim_start().len());
            out.insert_str(at, &format!("{lang}: {rendered}, "));
        }
        None => {
            let before = text[..close].trim_end().len();
            let sep = if keyed.is_empty() { "" } else { ", " };
            out.insert_str(before, &format!("{sep}{lang}: {rendered}"));
        }
    }
    Ok(out)
}

struct Entry {
    key: String,
    /// Line index of `key:`.
    first: usize,
    /// Line index of its last line of content.
    last: usize,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn key_of(line: &str, indent: usize) -> Option<String> {
    if indent_of(line) != indent {
        return None;
    }
    let rest = &line[indent..];
    let (key, after) = rest.split_once(':')?;
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (ok && (after.is_empty() || after.starts_with([' ', '\n', '\r']))).then(|| key.to_string())
}

/// A block mapping: one `lang: …` entry per line group, all at the same indentation.
fn block_mapping(
    text: &str,
    lines: &[&str],
    first: usize,
    indent: usize,
    lang: &str,
    order: &[String],
    value: &Value,
) -> Result<String, String> {
    let mut entries: Vec<Entry> = Vec::new();
    for (i, l) in lines.iter().enumerate().skip(first) {
        let trimmed = l.trim();
        if trimmed.is_empty() || (trimmed.starts_with('#') && indent_of(l) <= indent) {
            continue;
        }
        let ind = indent_of(l);
        if let Some(key) = key_of(l, indent) {
            entries.push(Entry {
                key,
                first: i,
                last: i,
            });
        } else if ind > indent || (ind == indent && trimmed.starts_with("- ")) {
            match entries.last_mut() {
                Some(e) => e.last = i,
                None => return Err("unexpected layout".into()),
            }
        } else {
            break;
        }
    }
    if entries.is_empty() {
        return Err("no language entries found".into());
    }
    let offset = |line: usize| -> usize { lines[..line].iter().map(|l| l.len()).sum() };
    let end_of =
        |line: usize| -> usize { offset(line) + lines[line].trim_end_matches(['\n', '\r']).len() };
    // The style of the value: that of the entry being replaced, else of the first entry.
    let like = entries
        .iter()
        .find(|e| e.key == lang)
        .unwrap_or(&entries[0]);
    let after_key = |e: &Entry| -> &str {
        let l = lines[e.first];
        l[indent + e.key.len() + 1..].trim()
    };
    let style_flow = after_key(like).starts_with('[');
    let child_indent = if like.last > like.first {
        lines[like.first + 1..=like.last]
            .iter()
            .find(|l| !l.trim().is_empty())
            .map_or(indent + 2, |l| indent_of(l))
    } else {
        indent + 2
    };
    let rendered = render_block(value, style_flow, child_indent)?;
    let mut out = text.to_string();
    if let Some(e) = entries.iter().find(|e| e.key == lang) {
        let start = offset(e.first) + indent + e.key.len() + 1;
        let end = if e.last == e.first {
            // Keep a comment after a one-line value.
            let l = lines[e.first].trim_end_matches(['\n', '\r']);
            offset(e.first) + comment_start(l).unwrap_or(l.len())
        } else {
            end_of(e.last)
        };
        let end = start + text[start..end].trim_end().len();
        out.replace_range(start..end.max(start), &rendered);
        return Ok(out);
    }
    let pad = " ".repeat(indent);
    let new_entry = format!("{pad}{lang}:{rendered}");
    match entries
        .iter()
        .find(|e| rank(order, &e.key) > rank(order, lang))
    {
        Some(e) => out.insert_str(offset(e.first), &format!("{new_entry}\n")),
        None => {
            let last = entries.last().map_or(first, |e| e.last);
            let at = end_of(last);
            out.insert_str(at, &format!("\n{new_entry}"));
        }
    }
    Ok(out)
}

/// Byte offset of a `#` comment on a line, outside quotes.
fn comment_start(line: &str) -> Option<usize> {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if prev == ' ' || prev == '\t' => {
                return Some(line[..i].trim_end().len());
            }
            _ => {}
        }
        prev = c;
    }
    None
}

/// The text after `key:` for a value in a block mapping (starting with a space or a newline).
fn render_block(value: &Value, flow: bool, child: usize) -> Result<String, String> {
    let pad = " ".repeat(child);
    Ok(match value {
        Value::Text(t) if t.contains('\n') => {
            if t.starts_with([' ', '\t']) || t.contains('\r') {
                format!(" {}", quoted(t))
            } else {
                let body = t.trim_end_matches('\n');
                let trailing = t.len() - body.len();
                let chomp = match trailing {
                    0 => "-",
                    1 => "",
                    _ => "+",
                };
                let mut s = format!(" |{chomp}");
                for l in body.split('\n') {
                    s.push('\n');
                    if !l.is_empty() {
                        s.push_str(&pad);
                        s.push_str(l);
                    }
                }
                for _ in 1..trailing {
                    s.push('\n');
                }
                s
            }
        }
        Value::Text(t) => format!(" {}", scalar(t, false)),
        Value::List(items) if flow => format!(" {}", flow_list(items)),
        Value::List(items) => {
            let mut s = String::new();
            for item in items {
                s.push('\n');
                s.push_str(&pad);
                s.push_str("- ");
                s.push_str(&scalar(item, false));
            }
            s
        }
    })
}

fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| scalar(i, true)).collect();
    format!("[{}]", items.join(", "))
}

/// A one-line scalar: plain where that reads back as the same string, else double-quoted.
pub(crate) fn scalar(s: &str, flow: bool) -> String {
    if plain_ok(s, flow) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn plain_ok(s: &str, flow: bool) -> bool {
    const SPECIAL_START: &[char] = &[
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`', '.', '+', '~',
    ];
    const WORDS: &[&str] = &[
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    ];
    let Some(first) = s.chars().next() else {
        return false;
    };
    !(s.trim() != s
        || SPECIAL_START.contains(&first)
        || first.is_ascii_digit()
        || s.chars().any(|c| c.is_control())
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || (flow && s.contains([',', '[', ']', '{', '}']))
        || WORDS.contains(&s.to_ascii_lowercase().as_str()))
}

fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order() -> Vec<String> {
        vec!["en".into(), "zh".into(), "ru".into()]
    }

    #[test]
    fn flow_mappings_get_an_entry_or_a_new_value() {
        let text = "- id: a\n  name: {en: Excavators, zh: 挖掘机}  # note\n";
        let out = set_entry(
            text,
            2,
            9,
            "ru",
            &order(),
            &Value::Text("Экскаваторы".into()),
        )
        .unwrap();
        assert_eq!(
            out,
            "- id: a\n  name: {en: Excavators, zh: 挖掘机, ru: Экскаваторы}  # note\n"
        );
        let out = set_entry(&out, 2, 9, "zh", &order(), &Value::Text("a, b".into())).unwrap();
        assert_eq!(
            out,
            "- id: a\n  name: {en: Excavators, zh: \"a, b\", ru: Экскаваторы}  # note\n"
        );
        let text = "name: {en: A, ru: B}\n";
        let out = set_entry(text, 1, 7, "zh", &order(), &Value::Text("丙".into())).unwrap();
        assert_eq!(out, "name: {en: A, zh: 丙, ru: B}\n");
    }

    #[test]
    fn block_mappings_keep_everything_else() {
        let text = "summary:\n  en: One.   # c\n  zh: 二。\n# next\nfeatures:\n  en:\n    - a\n    - b\n  zh: [甲, 乙]\nspecs: {}\n";
        let out = set_entry(text, 2, 3, "ru", &order(), &Value::Text("Один.".into())).unwrap();
        assert_eq!(
            out,
            text.replace("  zh: 二。\n", "  zh: 二。\n  ru: Один.\n")
        );
        let out = set_entry(text, 2, 3, "en", &order(), &Value::Text("1: x".into())).unwrap();
        assert_eq!(out, text.replace("One.   # c", "\"1: x\"   # c"));
        let out = set_entry(
            text,
            6,
            3,
            "ru",
            &order(),
            &Value::List(vec!["а".into(), "б".into()]),
        )
        .unwrap();
        assert_eq!(
            out,
            text.replace(
                "  zh: [甲, 乙]\n",
                "  zh: [甲, 乙]\n  ru:\n    - а\n    - б\n"
            )
        );
        let out = set_entry(text, 6, 3, "zh", &order(), &Value::List(vec!["丙".into()])).unwrap();
        assert_eq!(out, text.replace("[甲, 乙]", "[丙]"));
    }

    #[test]
    fn block_scalars() {
        let text = "description:\n  en: |\n    Para one.\n\n    Para two.\n  zh: |\n    段落。\nfeatures: {}\n";
        let out = set_entry(
            text,
            2,
            3,
            "ru",
            &order(),
            &Value::Text("Абзац.\n\nЕщё.\n".into()),
        )
        .unwrap();
        assert_eq!(
            out,
            text.replace(
                "    段落。\n",
                "    段落。\n  ru: |\n    Абзац.\n\n    Ещё.\n"
            )
        );
        let out = set_entry(text, 2, 3, "zh", &order(), &Value::Text("新".into())).unwrap();
        assert_eq!(out, text.replace("zh: |\n    段落。", "zh: 新"));
    }

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        assert_eq!(scalar("Тихая кабина", false), "Тихая кабина");
        assert_eq!(scalar("2.5 t", false), "\"2.5 t\"");
        assert_eq!(scalar("yes", false), "\"yes\"");
        assert_eq!(scalar("a, b", true), "\"a, b\"");
        assert_eq!(scalar("say \"hi\"", false), "say \"hi\"");
        assert_eq!(scalar("\"hi\"", false), "\"\\\"hi\\\"\"");
    }
}
