//! Fluent files as text: where each message stands, the text a translator edits, and the
//! variables and messages it refers to.
//!
//! The [`super::Catalog`] only formats messages. `brochure check` and the XLIFF export/import
//! need more: the variables a translation uses (a Russian text that drops `$count` is a bug the
//! build cannot see), which messages other messages refer to (so they are not reported as
//! unused), and the exact bytes of each message so a translation can be written back without
//! touching the rest of the file. fluent-syntax's AST has no positions, but with `&str` input
//! every name in it is a slice of the source, which gives the positions back.

use fluent_syntax::ast;
use std::collections::BTreeSet;
use std::ops::Range;

/// One message of a Fluent file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtlMessage {
    pub id: String,
    /// Bytes from the start of `id` to the end of the message's last line (without its line
    /// break). The comment above a message is not part of it.
    pub span: Range<usize>,
    /// 1-based line of `id`.
    pub line: usize,
    /// Everything after `=`, as a translator edits it: the first line as written, continuation
    /// lines without their common indentation (`{ $count ->\n    [one] …\n   *[other] …\n}`).
    pub body: String,
    /// `$variables` used anywhere in the value and the attributes, selectors included.
    pub variables: BTreeSet<String>,
    /// Ids of other messages it refers to (`{ company-name }`).
    pub references: BTreeSet<String>,
}

/// What [`parse`] found in a file.
#[derive(Debug, Clone, Default)]
pub struct FtlFile {
    pub messages: Vec<FtlMessage>,
    /// Number of unparsable entries (the build reports them as syntax errors).
    pub junk: usize,
}

impl FtlFile {
    pub fn message(&self, id: &str) -> Option<&FtlMessage> {
        self.messages.iter().find(|m| m.id == id)
    }
}

/// Byte offset of `slice` inside `text`, when it is a slice of it.
fn offset_in(text: &str, slice: &str) -> Option<usize> {
    let start = text.as_ptr() as usize;
    let at = slice.as_ptr() as usize;
    (at >= start && at <= start + text.len()).then(|| at - start)
}

/// Parses `text` (junk is skipped, not fatal).
pub fn parse(text: &str) -> FtlFile {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) | Err((r, _)) => r,
    };
    // Every entry's first known byte: the end of the entry before it is found from these.
    let mut anchors: Vec<usize> = Vec::new();
    let mut junk = 0;
    for entry in &resource.body {
        let slices: Vec<&str> = match entry {
            ast::Entry::Message(m) => {
                let mut s: Vec<&str> = m.comment.iter().flat_map(|c| c.content.clone()).collect();
                s.push(m.id.name);
                s
            }
            ast::Entry::Term(t) => {
                let mut s: Vec<&str> = t.comment.iter().flat_map(|c| c.content.clone()).collect();
                s.push(t.id.name);
                s
            }
            ast::Entry::Comment(c)
            | ast::Entry::GroupComment(c)
            | ast::Entry::ResourceComment(c) => c.content.clone(),
            ast::Entry::Junk { content } => {
                junk += 1;
                vec![*content]
            }
        };
        anchors.extend(
            slices
                .into_iter()
                .filter_map(|s| offset_in(text, s))
                .map(|o| line_start(text, o)),
        );
    }
    anchors.sort_unstable();
    let mut messages = Vec::new();
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let Some(start) = offset_in(text, m.id.name) else {
            continue;
        };
        let next = anchors
            .iter()
            .copied()
            .find(|a| *a > start)
            .unwrap_or(text.len());
        let end = start + trimmed_region_len(&text[start..next]);
        let region = &text[start..end];
        let body = region
            .split_once('=')
            .map(|(_, b)| dedent_body(b))
            .unwrap_or_default();
        let mut variables = BTreeSet::new();
        let mut references = BTreeSet::new();
        for pattern in m.value.iter().chain(m.attributes.iter().map(|a| &a.value)) {
            walk_pattern(pattern, &mut variables, &mut references);
        }
        messages.push(FtlMessage {
            id: m.id.name.to_string(),
            span: start..end,
            line: text[..start].matches('\n').count() + 1,
            body,
            variables,
            references,
        });
    }
    FtlFile { messages, junk }
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Length of `region` without the blank lines and `#` comment lines at its end (they belong to
/// what follows) and without the final line break.
fn trimmed_region_len(region: &str) -> usize {
    let mut end = region.len();
    loop {
        let body = region[..end].trim_end_matches(['\n', '\r']);
        let last_start = body.rfind('\n').map_or(0, |i| i + 1);
        let last = &body[last_start..];
        if last_start > 0 && (last.trim().is_empty() || last.starts_with('#')) {
            end = last_start;
            continue;
        }
        return body.trim_end().len();
    }
}

/// The text after `=`: its first line without leading blanks, the continuation lines without
/// their common indentation.
pub fn dedent_body(after_eq: &str) -> String {
    let mut lines = after_eq.split('\n').map(|l| l.trim_end_matches('\r'));
    let first = lines.next().unwrap_or("").trim();
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    if !first.is_empty() {
        out.push(first.to_string());
    }
    for l in rest {
        out.push(l.get(indent..).unwrap_or("").trim_end().to_string());
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// Fluent source for `id = body`, the inverse of [`dedent_body`]. A body of several lines is
/// written as a block (`id =` and every line indented by four spaces), which keeps the
/// relative indentation of its lines.
pub fn format_message(id: &str, body: &str) -> String {
    if !body.contains('\n') {
        return format!("{id} = {}", body.trim());
    }
    let mut out = format!("{id} =");
    for l in body.split('\n') {
        out.push('\n');
        if !l.trim().is_empty() {
            out.push_str("    ");
            out.push_str(l.trim_end());
        }
    }
    out
}

/// The file where a message of `default_file` (in the default language) goes in `lang`: the
/// same name in the language's folder (`locales/en/site.ftl` → `locales/ru/site.ftl`,
/// `themes/x/locales/en/theme.ftl` → `themes/x/locales/ru/theme.ftl`). A message of the
/// built-in theme goes to the site's own `locales/<lang>/`, where it overrides the theme.
pub fn translation_file(default_file: &str, default: &str, lang: &str) -> String {
    let folder = format!("locales/{default}/");
    if let Some(name) = default_file
        .strip_prefix("(built-in theme)/")
        .and_then(|rest| rest.strip_prefix(&folder))
    {
        return format!("locales/{lang}/{name}");
    }
    match default_file.find(&folder) {
        Some(i) if i == 0 || default_file[..i].ends_with('/') => format!(
            "{}locales/{lang}/{}",
            &default_file[..i],
            &default_file[i + folder.len()..]
        ),
        _ => format!("locales/{lang}/site.ftl"),
    }
}

fn walk_pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, vars, refs);
        }
    }
}

fn walk_expression(
    e: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, refs);
            for v in variants {
                walk_pattern(&v.value, vars, refs);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, vars, refs),
    }
}

fn walk_inline(
    i: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            walk_arguments(arguments, vars, refs);
        }
        ast::InlineExpression::TermReference { arguments, .. } => {
            if let Some(a) = arguments {
                walk_arguments(a, vars, refs);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, vars, refs),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

fn walk_arguments(
    a: &ast::CallArguments<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    for p in &a.positional {
        walk_inline(p, vars, refs);
    }
    for n in &a.named {
        walk_inline(&n.value, vars, refs);
    }
}

/// Whether `body` parses as the value of a Fluent message (a translation with an unclosed
/// `{` would otherwise be written into a file and break the build).
pub fn body_is_valid(body: &str) -> bool {
    let source = format!("{}\n", format_message("x", body));
    match fluent_syntax::parser::parse(source.as_str()) {
        Ok(r) => {
            r.body.len() == 1
                && matches!(&r.body[0], ast::Entry::Message(m) if m.value.is_some())
                && parse(&source)
                    .messages
                    .first()
                    .is_some_and(|m| m.body == body)
        }
        Err(_) => false,
    }
}

/// Every Fluent file of a site, parsed once, to look up the definition of a message that won
/// (site over theme) in a language: what `check` compares and what XLIFF export sends out.
pub struct Definitions<'a> {
    site: &'a crate::site::Site,
    parsed: std::collections::BTreeMap<&'a str, FtlFile>,
}

impl<'a> Definitions<'a> {
    pub fn new(site: &'a crate::site::Site) -> Self {
        let parsed = site
            .theme
            .locales
            .iter()
            .map(|s| (s.file.as_str(), parse(&s.text)))
            .collect();
        Definitions { site, parsed }
    }

    /// Every parsed file, by display path.
    pub fn files(&self) -> &std::collections::BTreeMap<&'a str, FtlFile> {
        &self.parsed
    }

    /// Where message `id` is defined in `lang` (no fallback), and its parsed form.
    pub fn get(
        &self,
        lang: &str,
        id: &str,
    ) -> Option<(&'a crate::diagnostics::Location, &FtlMessage)> {
        let (_, info) = self
            .site
            .catalog
            .message_ids(lang)
            .find(|(i, _)| *i == id)?;
        let message = self.parsed.get(info.location.file.as_str())?.message(id)?;
        Some((&info.location, message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FTL: &str = "# Comment\n## Group\n\nhello = Hello, { $name }!\n\n# About count\nmachines = { $count } { $count ->\n    [one] machine\n   *[other] machines\n}\n\nbrand = { company-name } Co.\n    .title = { $x }\nlast =\n    Line one\n      Line two\n";

    #[test]
    fn spans_bodies_and_variables() {
        let f = parse(FTL);
        let ids: Vec<&str> = f.messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["hello", "machines", "brand", "last"]);
        let hello = &f.messages[0];
        assert_eq!(&FTL[hello.span.clone()], "hello = Hello, { $name }!");
        assert_eq!(hello.line, 4);
        assert_eq!(hello.body, "Hello, { $name }!");
        let machines = &f.messages[1];
        assert_eq!(
            &FTL[machines.span.clone()],
            "machines = { $count } { $count ->\n    [one] machine\n   *[other] machines\n}"
        );
        assert_eq!(machines.variables.iter().collect::<Vec<_>>(), ["count"]);
        let brand = &f.messages[2];
        assert_eq!(brand.body, "{ company-name } Co.\n.title = { $x }");
        assert!(brand.references.contains("company-name"));
        assert!(brand.variables.contains("x"));
        assert_eq!(f.messages[3].body, "Line one\n  Line two");
        assert_eq!(f.junk, 0);
    }

    #[test]
    fn format_is_the_inverse_of_parse() {
        for body in [
            "Plain",
            "{ $count ->\n    [one] { $count } товар\n   *[many] { $count } товаров\n}",
            "Line one\n  Line two",
        ] {
            let text = format!("{}\n", format_message("m", body));
            assert_eq!(parse(&text).messages[0].body, body, "{text}");
            assert!(body_is_valid(body));
        }
        assert!(!body_is_valid("{ $count"));
        assert!(!body_is_valid(""));
    }

    #[test]
    fn translation_files_mirror_the_default_language() {
        assert_eq!(
            translation_file("locales/en/site.ftl", "en", "ru"),
            "locales/ru/site.ftl"
        );
        assert_eq!(
            translation_file("themes/x/locales/en/theme.ftl", "en", "zh"),
            "themes/x/locales/zh/theme.ftl"
        );
        assert_eq!(
            translation_file("(built-in theme)/locales/en/theme.ftl", "en", "ru"),
            "locales/ru/theme.ftl"
        );
    }
}
