//! Stylesheets, scripts and pages are published without what only their authors read.
//!
//! Themes are written to be read: comments say why a rule exists, rules sit one per line.
//! Visitors should not download that: on a phone in the field every kilobyte before the first
//! paint counts, and the site's budget is 30 KB of HTML, CSS and JavaScript per page. So the
//! build and the preview publish `.css` and `.js` files through [`published`], which drops
//! comments and whitespace (lightningcss for stylesheets, rustdoc's minifier for scripts). A
//! file it cannot read, or that would not shrink, is published unchanged: minifying is never
//! worth a broken page or a failed build.

use std::borrow::Cow;

/// What a file kind minifies with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Css,
    Js,
}

fn kind(rel: &str) -> Option<Kind> {
    let lower = rel.to_ascii_lowercase();
    if lower.ends_with(".min.css") || lower.ends_with(".min.js") {
        // Already minified by whoever made it.
        None
    } else if lower.ends_with(".css") {
        Some(Kind::Css)
    } else if lower.ends_with(".js") || lower.ends_with(".mjs") {
        Some(Kind::Js)
    } else {
        None
    }
}

/// Whether [`published`] may change the bytes of the file at `rel`.
pub fn applies(rel: &str) -> bool {
    kind(rel).is_some()
}

/// The bytes to publish for the static file at `rel` (`css/site.css`): minified stylesheets
/// and scripts, everything else as it is.
pub fn published<'a>(rel: &str, bytes: &'a [u8]) -> Cow<'a, [u8]> {
    let Some(kind) = kind(rel) else {
        return Cow::Borrowed(bytes);
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Cow::Borrowed(bytes);
    };
    let minified = match kind {
        Kind::Css => css(text),
        Kind::Js => minifier::js::minify(text)
            .map(|m| m.to_string())
            .map_err(|e| e.to_string()),
    };
    match minified {
        Ok(small) if small.len() < bytes.len() && !small.trim().is_empty() => {
            Cow::Owned(small.into_bytes())
        }
        _ => Cow::Borrowed(bytes),
    }
}

/// The oldest browsers the published CSS is written for. Without targets lightningcss
/// prints the newest syntax it knows (`@media (width>=60em)`, Safari 16.4+), and a phone
/// three years old would lose every media query; with them it also adds the prefixes those
/// browsers need (`-webkit-mask-image` before Chrome 120). These are the browsers of 2021:
/// iOS 15 (the theme's `aspect-ratio` needs it), and the Chromium of WeChat and Yandex
/// Browser.
fn targets() -> lightningcss::targets::Targets {
    use lightningcss::targets::{Browsers, Targets};
    let version = |major: u32| Some(major << 16);
    Targets::from(Browsers {
        chrome: version(88),
        edge: version(88),
        firefox: version(91),
        safari: version(15),
        ios_saf: version(15),
        samsung: version(15),
        opera: version(74),
        android: version(88),
        ..Browsers::default()
    })
}

/// A stylesheet minified by a real CSS parser. A rule it cannot parse is kept as written.
fn css(text: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(
        text,
        ParserOptions {
            error_recovery: true,
            ..ParserOptions::default()
        },
    )
    .map_err(|e| e.to_string())?;
    sheet
        .minify(MinifyOptions {
            targets: targets(),
            ..MinifyOptions::default()
        })
        .map_err(|e| e.to_string())?;
    sheet
        .to_css(PrinterOptions {
            minify: true,
            targets: targets(),
            ..PrinterOptions::default()
        })
        .map(|out| out.code)
        .map_err(|e| e.to_string())
}

/// A rendered HTML page without the templates' indentation and blank lines: leading spaces
/// and tabs of each line go (a line break stays, so inline text keeps its space), except
/// inside `<pre>`, `<textarea>` and `<script>`, where they mean something. About a tenth of
/// a page.
pub fn html(page: &str) -> String {
    const RAW: [&str; 3] = ["pre", "textarea", "script"];
    let mut out = String::with_capacity(page.len());
    let mut raw: Option<&str> = None;
    for line in page.split_inclusive('\n') {
        let kept = if raw.is_some() {
            line
        } else {
            line.trim_start_matches([' ', '\t'])
        };
        if raw.is_none() && kept.trim().is_empty() {
            continue;
        }
        out.push_str(kept);
        // Where this line leaves us: inside the last raw element it opens and does not close.
        let lower = line.to_ascii_lowercase();
        let mut at = 0;
        loop {
            match raw {
                Some(tag) => match lower[at..].find(&format!("</{tag}")) {
                    Some(i) => {
                        at += i + tag.len() + 2;
                        raw = None;
                    }
                    None => break,
                },
                None => {
                    let next = RAW
                        .iter()
                        .filter_map(|tag| {
                            let open = format!("<{tag}");
                            lower[at..]
                                .match_indices(&open)
                                .find(|(i, _)| {
                                    let after = lower[at + i + open.len()..].chars().next();
                                    matches!(after, Some('>' | ' ' | '\t' | '\n' | '/'))
                                })
                                .map(|(i, _)| (i, *tag))
                        })
                        .min();
                    match next {
                        Some((i, tag)) => {
                            at += i + tag.len() + 1;
                            raw = Some(tag);
                        }
                        None => break,
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_stylesheets_shrink_and_keep_every_rule() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/css");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            let out = published("css/x.css", source.as_bytes());
            let out = std::str::from_utf8(&out).unwrap();
            // Comments and indentation: at least a tenth of a hand-written stylesheet.
            assert!(
                out.len() * 10 < source.len() * 9,
                "{}: {} → {} bytes",
                path.display(),
                source.len(),
                out.len()
            );
            assert!(!out.contains("/*"), "comments are dropped");
            // What a browser is picky about stays: the spaces around `+` and `-` in math
            // functions (without them `clamp(1rem+2.5vw, …)` is invalid and dropped), media
            // queries in the syntax every target browser reads, the alternative text of
            // generated content, `:has()`.
            assert!(!out.contains("@media (width"), "{}", path.display());
            for operator in ["rem+", "vw+", "rem-", "%+"] {
                assert!(!out.contains(operator), "{}: `{operator}`", path.display());
            }
            for (needle, published) in [
                ("1rem + 2.5vw", "1rem + 2.5vw"),
                ("calc(100% + .25rem)", "calc(100% + .25rem)"),
                ("@media (min-width: 60em)", "@media (min-width:60em)"),
                ("content: \"/\" / \"\"", "content:\"/\" / \"\""),
                (":has(", ":has("),
            ] {
                if source.contains(needle) {
                    assert!(
                        out.contains(published),
                        "{}: lost `{needle}`",
                        path.display()
                    );
                }
            }
            // Every selector of the source is still in the output.
            for class in source
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
                .filter(|w| {
                    w.starts_with('.') && w.len() > 2 && w[1..2].chars().all(char::is_alphabetic)
                })
            {
                assert!(out.contains(class), "{}: lost {class}", path.display());
            }
        }
    }

    #[test]
    fn the_theme_scripts_shrink_and_keep_their_strings() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/js");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            let out = published("js/x.js", source.as_bytes());
            let out = std::str::from_utf8(&out).unwrap();
            assert!(out.len() < source.len(), "{}", path.display());
            for literal in ["\"brochure-compare\"", "\"[data-filters]\""] {
                if source.contains(literal) {
                    assert!(out.contains(literal), "{}: lost {literal}", path.display());
                }
            }
        }
    }

    #[test]
    fn html_loses_indentation_but_not_preformatted_text() {
        let page = "<ul>\n    <li>a</li>\n\n    <li>b <a>c</a></li>\n</ul>\n<pre>\n    code\n  more</pre>\n  <p>x\n   y</p>\n<textarea>\n  kept</textarea>\n<script>\n  let s = `\n    kept`;\n</script>\n    <p>z</p>\n";
        assert_eq!(
            html(page),
            "<ul>\n<li>a</li>\n<li>b <a>c</a></li>\n</ul>\n<pre>\n    code\n  more</pre>\n<p>x\ny</p>\n<textarea>\n  kept</textarea>\n<script>\n  let s = `\n    kept`;\n</script>\n<p>z</p>\n"
        );
        // `<pre` must be the element, not a prefix of another name.
        assert_eq!(
            html("<prelude>\n  x</prelude>\n"),
            "<prelude>\nx</prelude>\n"
        );
    }

    #[test]
    fn other_files_and_minified_ones_pass_unchanged() {
        let bytes = b"/* keep */ a { color: red; }";
        assert_eq!(&*published("css/vendor.min.css", bytes), bytes);
        assert_eq!(&*published("images/logo.svg", bytes), bytes);
        let not_utf8 = [0xff, 0xfe, b'a'];
        assert_eq!(&*published("css/odd.css", &not_utf8), &not_utf8);
    }
}
