//! Putting untrusted text into Typst source.
//!
//! Product names and descriptions are written by many people and end up inside a Typst
//! document, which is a programming language: `#panic("x")` in a product name must print as
//! those ten characters, never run. Everything inserted by the print templates goes through
//! [`escape_markup`] (the print Tera environment uses it as its autoescape function) or, inside
//! code, [`string_literal`].

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Escapes `text` for Typst markup: every ASCII punctuation character that could start syntax
/// gets a backslash (Typst's escape), line breaks become spaces.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\\' | '#' | '[' | ']' | '{' | '}' | '*' | '_' | '`' | '$' | '<' | '>' | '@' | '~'
            | '=' | '-' | '+' | '/' | '"' | '\'' | ':' | '.' | '%' | '&' | '!' | '^' | '|'
            | '(' | ')' | ';' | ',' | '?' => {
                out.push('\\');
                out.push(c);
            }
            // Typst would read a line break in markup as a space anyway, but a blank line would
            // start a new paragraph and a line starting with `=` or `-` a heading or a list.
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a text run from Markdown, escaped, keeping lines and paragraphs to a size Typst
/// lays out quickly. Typst's line layout takes time quadratic in a paragraph's length (a
/// 100,000-character description took 2 s per PDF, 20 s for the site), so:
/// - a "word" longer than [`MAX_UNBROKEN_CHARS`] (pasted garbage, a very long URL) gets an
///   invisible break opportunity (U+200B), and
/// - a paragraph longer than [`MAX_PARAGRAPH_CHARS`] is split at its next space (or within
///   the word, if it has none), far beyond any paragraph written by hand.
fn text_run(out: &mut String, text: &str, run: &mut RunLengths) {
    // Model numbers are written whole, in a box (see `escape_keeping_models`); they are short,
    // so the run limits below do not concern them.
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        if !core.is_empty()
            && crate::render::is_model_number(core)
            && let Some(start) = word.find(core)
        {
            plain_run(out, &word[..start], run);
            out.push_str("#box[");
            out.push_str(&escape_markup(core));
            out.push(']');
            run.word += core.chars().count();
            run.paragraph += core.chars().count();
            plain_run(out, &word[start + core.len()..], run);
        } else {
            plain_run(out, word, run);
        }
        let space_end = rest[end..]
            .find(|c: char| !c.is_whitespace())
            .map_or(rest.len(), |n| end + n);
        plain_run(out, &rest[end..space_end], run);
        rest = &rest[space_end..];
    }
}

fn plain_run(out: &mut String, text: &str, run: &mut RunLengths) {
    for c in text.chars() {
        if c.is_whitespace() {
            run.word = 0;
            if run.paragraph > MAX_PARAGRAPH_CHARS {
                out.push_str("#parbreak()");
                run.paragraph = 0;
            }
        } else {
            run.word += 1;
            if run.word > MAX_UNBROKEN_CHARS {
                out.push('\u{200b}');
                run.word = 1;
                if run.paragraph > MAX_PARAGRAPH_CHARS {
                    out.push_str("#parbreak()");
                    run.paragraph = 0;
                }
            }
        }
        run.paragraph += 1;
        let mut buf = [0; 4];
        out.push_str(&escape_markup(c.encode_utf8(&mut buf)));
    }
}

/// Characters written since the last space and since the last paragraph break.
#[derive(Default)]
struct RunLengths {
    word: usize,
    paragraph: usize,
}

/// Characters in a row without a space after which print may wrap a word.
const MAX_UNBROKEN_CHARS: usize = 120;
/// Characters after which a paragraph is split for print.
const MAX_PARAGRAPH_CHARS: usize = 6_000;

/// `text` as a Typst string literal, quotes included, for use in code (`#text(lang: …)`).
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The escape function for the print Tera environment: [`escape_markup`], with model numbers
/// kept whole.
pub fn tera_escape(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(escape_keeping_models(input).as_bytes())
}

/// [`escape_markup`], with every model number (`SQ-EX700`) in a `#box[…]`: a box is never
/// broken across lines, so a narrow column or heading cannot print "SQ-" and "EX700" on two
/// lines, and hyphenation cannot split it either.
pub fn escape_keeping_models(text: &str) -> String {
    crate::render::wrap_model_numbers(text, escape_markup, "#box[", "]")
}

/// Lists nested deeper than this print at this depth: paper has no room for more, and Typst
/// stops at a fixed depth of nested show rules (32 levels failed every PDF of the site).
pub const MAX_PRINT_LIST_DEPTH: usize = 6;
/// Bold, italic and strikethrough nested deeper than this print as plain text.
pub const MAX_PRINT_INLINE_DEPTH: usize = 8;

/// Converts Markdown (descriptions, articles) to Typst markup, escaping every text run.
/// Links keep their text only (a printed page cannot be clicked; the QR code leads online),
/// raw HTML and images are left out. Nesting is flattened beyond [`MAX_PRINT_LIST_DEPTH`] and
/// [`MAX_PRINT_INLINE_DEPTH`], so the output grows linearly with the input, whatever it holds.
pub fn markdown_to_typst(markdown: &str) -> String {
    let mut out = String::new();
    let mut list_depth: usize = 0;
    // For each open bold/italic/strike: whether its `#strong[` … `]` was written.
    let mut inline: Vec<bool> = Vec::new();
    let mut ordered: Vec<bool> = Vec::new();
    let mut in_table_cell = false;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut table_columns;
    let mut run = RunLengths::default();
    for event in Parser::new_ext(markdown, options) {
        if matches!(
            event,
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_))
        ) {
            run = RunLengths::default();
        }
        match event {
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) if list_depth == 0 && !in_table_cell => {
                out.push_str("\n\n")
            }
            Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Heading { .. }) => out.push_str("#strong["),
            Event::End(TagEnd::Heading(_)) => out.push_str("]\n\n"),
            Event::Start(tag @ (Tag::Strong | Tag::Emphasis | Tag::Strikethrough)) => {
                let written = inline.iter().filter(|w| **w).count() < MAX_PRINT_INLINE_DEPTH;
                if written {
                    out.push_str(match tag {
                        Tag::Strong => "#strong[",
                        Tag::Emphasis => "#emph[",
                        _ => "#strike[",
                    });
                }
                inline.push(written);
            }
            // The guard pops the wrapper either way; only a written one is closed.
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough)
                if inline.pop().unwrap_or(false) =>
            {
                out.push(']')
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough) => {}
            Event::Start(Tag::List(start)) => {
                list_depth += 1;
                ordered.push(start.is_some());
                if !out.ends_with('\n') && !out.is_empty() {
                    out.push('\n');
                }
            }
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                ordered.pop();
                out.push('\n');
            }
            Event::Start(Tag::Item) => {
                let indent = list_depth.clamp(1, MAX_PRINT_LIST_DEPTH) - 1;
                out.push_str(&"  ".repeat(indent));
                out.push_str(if ordered.last().copied().unwrap_or(false) {
                    "+ "
                } else {
                    "- "
                });
            }
            Event::End(TagEnd::Item) => out.push('\n'),
            Event::Start(Tag::Table(alignments)) => {
                table_columns = alignments.len().max(1);
                out.push_str(&format!("#table(columns: {table_columns},\n"));
            }
            Event::End(TagEnd::Table) => out.push_str(")\n\n"),
            Event::Start(Tag::TableHead | Tag::TableRow)
            | Event::End(TagEnd::TableHead | TagEnd::TableRow) => {}
            Event::Start(Tag::TableCell) => {
                in_table_cell = true;
                out.push('[');
            }
            Event::End(TagEnd::TableCell) => {
                in_table_cell = false;
                out.push_str("],\n");
            }
            Event::Text(t) | Event::Code(t) => text_run(&mut out, &t, &mut run),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("\\\n"),
            Event::Rule => out.push_str("\n#line(length: 100%)\n\n"),
            // Links: text only. Images, HTML, footnotes: left out of print.
            _ => {}
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_and_paragraphs_are_split_for_print() {
        let typst = markdown_to_typst(&"[a".repeat(50_000));
        let longest_word = typst
            .replace("#parbreak()", " ")
            .split(|c: char| c.is_whitespace() || c == '\u{200b}')
            .map(|w| w.replace('\\', "").chars().count())
            .max()
            .unwrap_or(0);
        assert!(longest_word <= MAX_UNBROKEN_CHARS, "{longest_word}");
        let paragraphs: Vec<&str> = typst.split("#parbreak()").collect();
        assert!(
            paragraphs.len() >= 100_000 / MAX_PARAGRAPH_CHARS,
            "{}",
            paragraphs.len()
        );
        let visible: String = typst
            .replace("#parbreak()", "")
            .replace(['\u{200b}', '\\'], "");
        assert_eq!(visible, "[a".repeat(50_000));
        // Ordinary text is untouched.
        assert_eq!(
            markdown_to_typst("Built for quarries."),
            "Built for quarries\\."
        );
    }

    #[test]
    fn model_numbers_are_boxed_whole_and_punctuation_stays_outside() {
        assert_eq!(
            escape_keeping_models("Экскаватор SQ-EX210, (EX-300)."),
            "Экскаватор #box[SQ\\-EX210]\\, \\(#box[EX\\-300]\\)\\."
        );
        // Not model numbers: words with a hyphen but no digit, numbers alone.
        assert_eq!(
            escape_keeping_models("well-known 2026"),
            "well\\-known 2026"
        );
        // Markup is never a model number, and stays escaped.
        assert_eq!(escape_keeping_models("A-1#x"), "A\\-1\\#x");
        assert_eq!(escape_keeping_models("#box[EX-1]"), "\\#box\\[EX\\-1\\]");
        let typ = markdown_to_typst("The **SQ-FE35** and SQ-FE25 lift 3 t.");
        assert!(typ.contains("#strong[#box[SQ\\-FE35]]"), "{typ}");
        assert!(typ.contains("and #box[SQ\\-FE25] lift"), "{typ}");
    }

    #[test]
    fn hostile_text_is_inert() {
        for hostile in [
            "#panic(\"x\")",
            "]",
            "$x$",
            "*b*",
            "_i_",
            "@ref",
            "<label>",
            "`code`",
            "\\",
            "= Heading",
            "- item",
            "// comment",
            "/* c */",
        ] {
            let escaped = escape_markup(hostile);
            // Every syntax character is preceded by a backslash that is not itself escaped.
            assert!(
                !escaped.contains("#p") || escaped.contains("\\#p"),
                "{escaped}"
            );
            assert!(
                escaped.len() > hostile.len() || hostile.chars().all(char::is_alphanumeric),
                "{hostile} → {escaped}"
            );
        }
        assert_eq!(escape_markup("#panic(\"x\")"), "\\#panic\\(\\\"x\\\"\\)");
        assert_eq!(escape_markup("a\n\n= b"), "a  \\= b");
        assert_eq!(string_literal("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
    }

    #[test]
    fn deep_nesting_is_flattened_and_output_stays_linear() {
        // 100,000 nested list markers: the indentation used to grow with the depth (8 GB).
        let hostile = format!("{}x", "- ".repeat(100_000));
        let out = markdown_to_typst(&hostile);
        assert!(out.len() < 20 * hostile.len(), "{} bytes", out.len());
        let deepest = out
            .lines()
            .map(|l| l.len() - l.trim_start().len())
            .max()
            .unwrap_or(0);
        assert_eq!(deepest, 2 * (MAX_PRINT_LIST_DEPTH - 1));
        // Inline nesting: at most MAX_PRINT_INLINE_DEPTH wrappers, brackets balanced.
        let mut text = String::from("deep");
        for level in 0..40 {
            text = if level % 2 == 0 {
                format!("*a {text} a*")
            } else {
                format!("**b {text} b**")
            };
        }
        let out = markdown_to_typst(&text);
        assert!(out.contains("deep"));
        assert_eq!(out.matches('[').count(), MAX_PRINT_INLINE_DEPTH, "{out}");
        assert_eq!(out.matches('[').count(), out.matches(']').count());
    }

    #[test]
    fn markdown_becomes_escaped_markup() {
        let t =
            markdown_to_typst("Hello **bold** and *it* [link](https://x) #tag\n\n- one\n- two\n");
        assert!(t.contains("#strong[bold]"));
        assert!(t.contains("#emph[it]"));
        assert!(t.contains("link"));
        assert!(!t.contains("https"));
        assert!(t.contains("\\#tag"));
        assert!(t.contains("- one\n- two"));
    }
}
