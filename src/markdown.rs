//! Markdown to HTML, made safe for content written by many hands.
//!
//! - `@/products/<id>`, `@/categories/<id>`, `@/news/<slug>` and `@/<page>` links resolve to
//!   the item in the page's language; a broken one is an error at its line.
//! - Raw HTML is left out unless the site opts in (`markdown.unsafe_html`).
//! - `javascript:`, `vbscript:` and `data:` URLs are dropped from links and images.

use crate::diagnostics::{Diagnostic, Location};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// What Markdown links may point at, answered by the site model.
pub trait LinkResolver {
    /// URL of an internal `@/…` target (without the `@/`), or a message saying why not.
    fn resolve(&self, target: &str) -> Result<String, String>;
    /// For a root-relative URL such as `/images/a.svg`: `Err` when no such file will exist.
    fn check_asset(&self, url: &str) -> Result<String, String>;
    /// For an absolute URL of the site's own pages (`https://site/en/products/x/`): the
    /// `@/…` link to write instead, so the link follows the reader's language and is checked.
    fn own_page(&self, _url: &str) -> Option<String> {
        None
    }
    /// For a picture under `static/` (a root-relative URL) that the site shows through
    /// resized copies: their data, so the text gets a responsive `<picture>`. `location` is
    /// where the Markdown names it.
    fn picture(&self, _url: &str, _location: &Location) -> Option<crate::images::Responsive> {
        None
    }
}

/// The HTML of a picture in a text: the WebP copies and one fallback copy (as the theme's
/// `picture` component writes them), the size reserved, loaded when scrolled to.
pub fn picture_html(p: &crate::images::Responsive, alt: &str, title: Option<&str>) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    // A text column is at most about 46rem wide.
    let sizes = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";
    let title = title
        .filter(|t| !t.is_empty())
        .map(|t| format!(" title=\"{}\"", esc(t)))
        .unwrap_or_default();
    format!(
        "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\"><img src=\"{}\" width=\"{}\" height=\"{}\" alt=\"{}\"{title} loading=\"lazy\" decoding=\"async\"></picture>",
        esc(p.webp_srcset.as_deref().unwrap_or("")),
        esc(&p.src),
        p.width,
        p.height,
        esc(alt),
    )
}

/// Where the Markdown came from, for error locations.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownSource<'a> {
    pub file: &'a str,
    /// Line of the file on which the Markdown text starts.
    pub first_line: usize,
    /// Column of the first line's text (1 for bodies; the indentation for YAML block scalars).
    pub indent: usize,
}

pub struct Rendered {
    pub html: String,
    pub errors: Vec<Diagnostic>,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Whether a URL uses a scheme that can run code or smuggle content.
pub fn is_dangerous_url(url: &str) -> bool {
    let normalized: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| normalized.starts_with(s))
}

/// Renders `text` to HTML. Problems are returned, not thrown, so all of them are reported.
pub fn render(
    text: &str,
    source: MarkdownSource<'_>,
    unsafe_html: bool,
    links: &dyn LinkResolver,
) -> Rendered {
    let mut errors = Vec::new();
    let locate = |offset: usize| {
        let mut loc = Location::at_offset(source.file, text, offset, source.first_line);
        if source.indent > 1 {
            loc.column += source.indent - 1;
        }
        loc
    };
    // Links whose start was dropped must have their end dropped too.
    let mut dropped_links: Vec<bool> = Vec::new();
    let mut in_dropped_image = 0usize;
    // A photo shown as `<picture>`: its data and title, and its alt text as it is read.
    let mut in_picture: Option<(crate::images::Responsive, String, String)> = None;
    // Text inside these is not body text: alt text of images, code.
    let mut in_image = 0usize;
    let mut in_code_block = false;
    let mut events = Vec::new();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let event = match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                if unsafe_html {
                    Event::Html(html)
                } else {
                    continue;
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = rewrite_url(&dest_url, links, &mut errors, || locate(range.start));
                dropped_links.push(dest.is_none());
                match dest {
                    Some(dest_url) => Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }),
                    None => continue,
                }
            }
            Event::End(TagEnd::Link) => {
                if dropped_links.pop().unwrap_or(false) {
                    continue;
                }
                Event::End(TagEnd::Link)
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => match rewrite_url(&dest_url, links, &mut errors, || locate(range.start)) {
                Some(url) if let Some(p) = links.picture(&url, &locate(range.start)) => {
                    in_picture = Some((p, title.to_string(), String::new()));
                    continue;
                }
                Some(dest_url) => {
                    in_image += 1;
                    Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    })
                }
                None => {
                    in_dropped_image += 1;
                    continue;
                }
            },
            Event::End(TagEnd::Image) if in_dropped_image > 0 => {
                in_dropped_image -= 1;
                continue;
            }
            _ if in_dropped_image > 0 => continue,
            Event::End(TagEnd::Image) if in_picture.is_some() => {
                let Some((p, title, alt)) = in_picture.take() else {
                    continue;
                };
                Event::Html(CowStr::from(picture_html(&p, &alt, Some(&title))))
            }
            Event::Text(t) | Event::Code(t) if in_picture.is_some() => {
                if let Some((_, _, alt)) = &mut in_picture {
                    alt.push_str(&t);
                }
                continue;
            }
            _ if in_picture.is_some() => continue,
            Event::End(TagEnd::Image) => {
                in_image = in_image.saturating_sub(1);
                Event::End(TagEnd::Image)
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code_block = true;
                Event::Start(Tag::CodeBlock(kind))
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                Event::End(TagEnd::CodeBlock)
            }
            // Model numbers in body text break at their hyphen ("SQ-" / "MT60"): kept whole.
            Event::Text(t) if in_image == 0 && !in_code_block && t.contains('-') => {
                Event::Html(CowStr::from(crate::render::keep_model_numbers_whole(&t)))
            }
            // Wide tables scroll inside their own box on phones instead of squeezing words.
            Event::Start(Tag::Table(alignments)) => {
                events.push(Event::Html(CowStr::from("<div class=\"table-scroll\">")));
                Event::Start(Tag::Table(alignments))
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                Event::Html(CowStr::from("</div>"))
            }
            other => other,
        };
        events.push(event);
    }
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html, errors }
}

/// The URL to write for a link or image destination; `None` drops it.
fn rewrite_url<'a>(
    dest: &CowStr<'a>,
    links: &dyn LinkResolver,
    errors: &mut Vec<Diagnostic>,
    locate: impl Fn() -> Location,
) -> Option<CowStr<'a>> {
    if is_dangerous_url(dest) {
        return None;
    }
    if let Some(target) = links.own_page(dest) {
        errors.push(
            Diagnostic::error(
                locate(),
                format!("`{dest}`: this is a page of the site; link with `@/{target}` so the link follows the reader's language and is checked"),
            )
            .with_hint(format!("write [text](@/{target})")),
        );
        return Some(dest.clone());
    }
    if let Some(target) = dest.strip_prefix("@/") {
        return match links.resolve(target) {
            Ok(url) => Some(CowStr::from(url)),
            Err(message) => {
                errors.push(
                    Diagnostic::error(locate(), format!("broken link `{dest}`: {message}"))
                        .with_hint("internal links look like @/products/<id>, @/categories/<id>, @/news/<slug> or @/<page>"),
                );
                Some(CowStr::from("#"))
            }
        };
    }
    if dest.starts_with('/') && !dest.starts_with("//") {
        return match links.check_asset(dest) {
            Ok(url) => Some(CowStr::from(url)),
            Err(message) => {
                errors.push(Diagnostic::error(locate(), format!("`{dest}`: {message}")));
                Some(dest.clone())
            }
        };
    }
    Some(dest.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Links;
    impl LinkResolver for Links {
        fn resolve(&self, target: &str) -> Result<String, String> {
            match target {
                "products/ex-300" => Ok("/ru/products/ex-300/".into()),
                _ => Err(format!("there is no `{target}`")),
            }
        }
        fn check_asset(&self, url: &str) -> Result<String, String> {
            if url == "/images/a.svg" {
                Ok(url.into())
            } else {
                Err("no such file in static/".into())
            }
        }
    }

    fn md(text: &str, unsafe_html: bool) -> Rendered {
        let src = MarkdownSource {
            file: "content/news/a.ru.md",
            first_line: 5,
            indent: 1,
        };
        render(text, src, unsafe_html, &Links)
    }

    #[test]
    fn internal_links_resolve_and_broken_ones_are_located() {
        let r = md(
            "See [EX](@/products/ex-300).\n\nAnd [gone](@/products/nope).\n",
            false,
        );
        assert!(
            r.html.contains(r#"<a href="/ru/products/ex-300/">EX</a>"#),
            "{}",
            r.html
        );
        assert_eq!(r.errors.len(), 1);
        assert_eq!(
            r.errors[0].location,
            Location::new("content/news/a.ru.md", 7, 5)
        );
        assert!(r.errors[0].message.contains("@/products/nope"));
    }

    #[test]
    fn raw_html_and_script_urls_are_removed() {
        let r = md(
            "<script>alert(1)</script>\n\nHi <b onclick=x>there</b> [x](javascript:alert(1)) [y]( JaVaScRiPt:alert(1)) ![i](data:image/png;base64,xx)\n",
            false,
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(!r.html.to_lowercase().contains("javascript:"), "{}", r.html);
        assert!(!r.html.contains("data:"), "{}", r.html);
        assert!(r.html.contains("there"));
        let r = md("<em>ok</em>\n", true);
        assert!(r.html.contains("<em>ok</em>"));
    }

    #[test]
    fn model_numbers_in_body_text_do_not_break_at_their_hyphen() {
        let r = md(
            "Гости осмотрели SQ-MT60 (и SQ-EX700), а не кто-то ещё & x.\n\n![SQ-MT60 photo](/images/a.svg)\n\n```\nSQ-MT60\n```\n",
            false,
        );
        assert!(
            r.html.contains(r#"осмотрели <span class="nobr">SQ-MT60</span> (и <span class="nobr">SQ-EX700</span>), а не кто-то ещё &amp; x."#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"alt="SQ-MT60 photo""#), "{}", r.html);
        assert!(r.html.contains("<code>SQ-MT60\n</code>"), "{}", r.html);
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let r = md(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ text[^1]\n\n[^1]: note\n",
            false,
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>old</del>"));
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn missing_static_image_is_an_error() {
        let r = md("![a](/images/a.svg) ![b](/images/b.svg)\n", false);
        assert_eq!(r.errors.len(), 1);
        assert!(r.errors[0].message.contains("/images/b.svg"));
    }
}
