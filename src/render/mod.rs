//! Rendering: one [`Route`] in, one file's bytes out.
//!
//! The Tera environment (templates, the `t`/`t_plain`/`asset` functions, the `number` filter)
//! is built once per build and shared by all threads; each render reads only the immutable
//! [`Site`], so the output of a route never depends on which other routes rendered before.

pub(crate) mod context;
mod feeds;

use crate::diagnostics::{Diagnostic, Location};
use crate::plan::Route;
use crate::site::Site;
use fluent_bundle::{FluentArgs, FluentValue};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tera::{Kwargs, State, Tera, Value};

/// Renders routes of one site.
pub struct Renderer {
    site: Arc<Site>,
    tera: Tera,
    extras: context::Extras,
    memo: context::Memo,
}

/// Templates compiled for one version of a theme's templates (see [`Renderer::reusing`]).
pub struct CompiledTemplates {
    key: u64,
    tera: Tera,
}

/// A rendered output.
pub struct Output {
    /// Path relative to the output folder.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Renderer {
    /// Compiles every template once. Syntax errors in all templates are reported together.
    pub fn new(site: Arc<Site>) -> Result<Renderer, Vec<Diagnostic>> {
        Renderer::reusing(site, &mut None)
    }

    /// Like [`Renderer::new`], taking the compiled templates from `compiled` when the site's
    /// templates are the ones compiled there (a preview's edits rarely touch a template), and
    /// leaving its own there for next time.
    pub fn reusing(
        site: Arc<Site>,
        compiled: &mut Option<CompiledTemplates>,
    ) -> Result<Renderer, Vec<Diagnostic>> {
        let key = {
            use std::hash::{Hash, Hasher};
            let mut h = crate::depend::hasher();
            for (name, source) in &site.theme.templates {
                (name, &source.text).hash(&mut h);
            }
            h.finish()
        };
        let tera = match compiled {
            Some(c) if c.key == key => {
                let mut tera = c.tera.clone();
                // The functions read the site: this site's replace the last one's.
                register_functions(&mut tera, &site, true);
                tera
            }
            _ => {
                let tera = Renderer::compile(&site)?;
                *compiled = Some(CompiledTemplates {
                    key,
                    tera: tera.clone(),
                });
                tera
            }
        };
        Renderer::with_tera(site, tera)
    }

    fn compile(site: &Arc<Site>) -> Result<Tera, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".htm"]);
        register_functions(&mut tera, site, true);
        if let Err(e) = tera.add_raw_templates(
            site.theme
                .templates
                .iter()
                .map(|(n, s)| (n.as_str(), s.text.as_str())),
        ) {
            // Tera stops at the first bad template; compiling each on its own finds them all.
            let mut errors = Vec::new();
            for (name, source) in &site.theme.templates {
                let mut scratch = Tera::new();
                if let Err(e) = scratch.add_raw_template(name, &source.text)
                    && matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
                {
                    errors.push(template_error(&site.theme.templates, &e, name));
                }
            }
            if errors.is_empty() {
                errors.push(template_error(&site.theme.templates, &e, ""));
            }
            return Err(errors);
        }
        Ok(tera)
    }

    fn with_tera(site: Arc<Site>, tera: Tera) -> Result<Renderer, Vec<Diagnostic>> {
        let mut missing = Vec::new();
        for route in [
            Route::Chooser,
            Route::NotFound,
            Route::Home {
                lang: String::new(),
            },
            Route::Products {
                lang: String::new(),
            },
            Route::Product {
                lang: String::new(),
                id: String::new(),
            },
            Route::Compare {
                lang: String::new(),
            },
            Route::Category {
                lang: String::new(),
                id: String::new(),
                page: 1,
            },
            Route::NewsList {
                lang: String::new(),
                page: 1,
            },
            Route::Article {
                lang: String::new(),
                slug: String::new(),
            },
            Route::Page {
                lang: String::new(),
                slug: String::new(),
            },
            Route::Atom {
                lang: String::new(),
            },
        ] {
            if let Some(name) = route.default_template()
                && !site.theme.templates.contains_key(name)
            {
                missing.push(
                    Diagnostic::error(
                        Location::file(format!("themes/{}/templates/{name}", site.theme.name)),
                        format!("the theme has no template `{name}`"),
                    )
                    .with_hint("add it to the theme or to the site's templates/ folder"),
                );
            }
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(Renderer {
            memo: context::Memo::new(&site),
            site,
            tera,
            extras: context::Extras::default(),
        })
    }

    /// Facts known only after other outputs were made (datasheet sizes), for the templates.
    pub fn set_extras(&mut self, extras: context::Extras) {
        self.extras = extras;
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    /// Frees what the pages of language `lang` shared, once they are all rendered.
    pub fn release_language(&self, lang: &str) {
        self.memo.release(lang);
    }

    /// Renders one route. A pure function of the site and the route.
    pub fn render(&self, route: &Route) -> Result<Output, Diagnostic> {
        self.render_recorded(route, false).0
    }

    /// Renders one route and, with `record`, lists what it read (see [`crate::depend`]).
    pub fn render_recorded(
        &self,
        route: &Route,
        record: bool,
    ) -> (Result<Output, Diagnostic>, Vec<crate::depend::Input>) {
        crate::depend::recording(record, || self.render_route(route))
    }

    fn render_route(&self, route: &Route) -> Result<Output, Diagnostic> {
        let site = &*self.site;
        crate::depend::record_route(route);
        let bytes = match route {
            Route::Sitemap => feeds::sitemap(site).into_bytes(),
            Route::Robots => feeds::robots(site).into_bytes(),
            Route::Alias { to, .. } => feeds::redirect(site, to).into_bytes(),
            Route::Scan { lang, id, tag } => feeds::scan_redirect(site, lang, id, tag).into_bytes(),
            _ => {
                let template = context::template_for(site, route);
                crate::depend::read(|| crate::depend::Input::Template(template.to_string()));
                let ctx = context::build(site, route, &self.extras, &self.memo);
                let text = render_bounded(
                    &self.tera,
                    template,
                    &ctx,
                    &route.output_file(),
                    &site.theme.template_display(template),
                )
                .map_err(|e| template_error(&site.theme.templates, &e, template))?;
                let text = without_control_characters(text);
                if route.output_file().ends_with(".html") {
                    crate::minify::html(&text).into_bytes()
                } else {
                    text.into_bytes()
                }
            }
        };
        Ok(Output {
            path: route.output_file(),
            bytes,
        })
    }
}

/// Renders `template` within the bounds of [`crate::limits`]: time, one allocation, and the
/// size of the page. `output` and `display` name the page and the template if a bound trips.
pub(crate) fn render_bounded(
    tera: &Tera,
    template: &str,
    ctx: &tera::Context,
    output: &str,
    display: &str,
) -> Result<String, tera::Error> {
    let _rendering = crate::limits::Rendering::start(output, display);
    let mut page = crate::limits::BoundedWriter { bytes: Vec::new() };
    tera.render_to(template, ctx, &mut page)?;
    // Tera writes only UTF-8; the lossy path is never taken.
    Ok(String::from_utf8(page.bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// HTML and XML forbid C0 control characters other than tab and line breaks; one `\x01` in a
/// product name would make `atom.xml` ill-formed and every feed reader reject it. They can come
/// from any source (raw in a Markdown file, or escaped as `"\x01"` in YAML) and are invisible,
/// so the rendered page is the one place that sees them all.
fn without_control_characters(text: String) -> String {
    let forbidden = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r') && (c as u32) < 0x80)
            || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if text.contains(forbidden) {
        text.replace(forbidden, "")
    } else {
        text
    }
}

/// Turns a Tera error into a diagnostic at the template's file, line and column.
pub(crate) fn template_error(
    templates: &std::collections::BTreeMap<String, crate::theme::TemplateSource>,
    error: &tera::Error,
    fallback_template: &str,
) -> Diagnostic {
    use std::error::Error as _;
    // Where `{% tag "target" %}` appears in template `name`: the place to fix a broken chain.
    let tag_in = |name: &str, tag: &str, target: &str| -> (usize, usize) {
        let Some(text) = templates.get(name).map(|t| t.text.as_str()) else {
            return (1, 1);
        };
        let quoted = [format!("\"{target}\""), format!("'{target}'")];
        let mut offset = 0;
        while let Some(found) = text[offset..].find(tag) {
            let at = offset + found;
            let rest = &text[at..];
            let end = rest.find("%}").unwrap_or(rest.len());
            if quoted.iter().any(|q| rest[..end].contains(q.as_str())) {
                let before = &text[..at];
                let line = before.matches('\n').count() + 1;
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                let column = text[line_start..at].chars().count() + 1;
                return (line, column);
            }
            offset = at + tag.len();
        }
        (1, 1)
    };
    let (name, line, column, mut message) = match error.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            (
                r.filename().to_string(),
                span.start_line,
                span.start_col + 1,
                r.message().to_string(),
            )
        }
        tera::ErrorKind::CircularInclude { tpl, include_chain } => {
            let next = include_chain
                .iter()
                .skip_while(|t| *t != tpl)
                .nth(1)
                .unwrap_or(tpl);
            let (line, column) = tag_in(tpl, "include", next);
            (
                tpl.clone(),
                line,
                column,
                format!(
                    "templates include each other in a loop: {}; remove one of these includes",
                    include_chain.join(" → ")
                ),
            )
        }
        tera::ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => {
            let next = inheritance_chain
                .iter()
                .skip_while(|t| *t != tpl)
                .nth(1)
                .unwrap_or(tpl);
            let (line, column) = tag_in(tpl, "extends", next);
            (
                tpl.clone(),
                line,
                column,
                format!(
                    "templates extend each other in a loop: {}",
                    inheritance_chain.join(" → ")
                ),
            )
        }
        tera::ErrorKind::MissingParent { current, parent } => {
            let (line, column) = tag_in(current, "extends", parent);
            (
                current.clone(),
                line,
                column,
                format!("`{current}` extends `{parent}`, which does not exist"),
            )
        }
        other => (fallback_template.to_string(), 1, 1, other.to_string()),
    };
    let mut source = error.source();
    while let Some(s) = source {
        message.push_str(&format!(": {s}"));
        source = s.source();
    }
    let kind = match error.kind() {
        tera::ErrorKind::SyntaxError(_) => "template syntax error",
        _ => "template error",
    };
    let name = if name.is_empty() {
        fallback_template.to_string()
    } else {
        name
    };
    let display = templates
        .get(&name)
        .map_or_else(|| format!("templates/{name}"), |t| t.display.clone());
    if let Some(d) = at_site_message(&message, &display, line) {
        return d;
    }
    Diagnostic::error(
        Location::new(display, line, column),
        format!("{kind} in `{name}`: {message}"),
    )
}

/// A template failed because a message the site wrote cannot be formatted (it uses a variable
/// the template does not pass, say): the mistake is in the site's `.ftl` file, so the error is
/// placed there, naming the template line that shows the message.
fn at_site_message(message: &str, template: &str, template_line: usize) -> Option<Diagnostic> {
    let start = message.find("Fluent message `")?;
    let rest = &message[start..];
    let open = rest.find(" (")?;
    let close = rest[open..].find("): ")? + open;
    let place = &rest[open + 2..close];
    let mut parts = place.rsplitn(3, ':');
    let column: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let file = parts.next()?;
    if !file.starts_with("locales/") {
        return None;
    }
    let what = &rest[..open];
    let why = &rest[close + 3..];
    Some(
        Diagnostic::error(
            Location::new(file, line, column),
            format!("{what} cannot be shown: {why}"),
        )
        .with_hint(format!(
            "the theme shows it at {template}:{template_line} without such a value; write the text without `{{ $… }}` placeholders"
        )),
    )
}

fn escape(text: &str) -> String {
    let mut buf = Vec::with_capacity(text.len() + 8);
    let _ = tera::escape_html(text, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

/// `text` as HTML, wrapped in an element carrying its language when it is not the page's.
pub(crate) fn lang_html(text: &str, text_lang: &str, page_lang: &str) -> String {
    let html = keep_model_numbers_whole(text);
    if text_lang == page_lang {
        html
    } else {
        format!("<span lang=\"{}\">{html}</span>", escape(text_lang))
    }
}

/// Escapes `text`, wrapping model numbers such as `SQ-MT60E` in `<span class="nobr">` so a
/// narrow heading or paragraph never breaks them at the hyphen ("SQ-" / "MT60E"). Punctuation
/// around a model number ("(SQ-MT60E),") stays outside the span.
pub(crate) fn keep_model_numbers_whole(text: &str) -> String {
    wrap_model_numbers(text, escape, "<span class=\"nobr\">", "</span>")
}

/// `text` escaped with `escape`, each model number (see [`is_model_number`]) between `open`
/// and `close`, the punctuation around it outside. HTML wraps it in a no-break span, print
/// in a Typst box.
pub(crate) fn wrap_model_numbers(
    text: &str,
    escape: impl Fn(&str) -> String,
    open: &str,
    close: &str,
) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        match word.find(core) {
            Some(start) if !core.is_empty() && is_model_number(core) => {
                out.push_str(&escape(&word[..start]));
                out.push_str(open);
                out.push_str(&escape(core));
                out.push_str(close);
                out.push_str(&escape(&word[start + core.len()..]));
            }
            _ => out.push_str(&escape(word)),
        }
    }
    out
}

/// Whether `word` (punctuation trimmed) is a model number such as `SQ-MT60E` or `EX-300`:
/// letters and digits joined by a hyphen, with a digit somewhere. The web and print keep
/// these whole instead of breaking them at the hyphen.
pub(crate) fn is_model_number(word: &str) -> bool {
    word.contains('-')
        && word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-./".contains(c))
}

/// The language to format in: an explicit `lang=` argument, else the page's `lang` variable.
/// Components do not see the page context; failing loudly there beats silently rendering a
/// Chinese page with English strings.
fn page_lang(site: &Site, kwargs: &Kwargs, state: &State) -> tera::TeraResult<String> {
    let lang = match kwargs.get::<&str>("lang")? {
        Some(l) => Some(l.to_string()),
        None => state.get::<String>("lang")?,
    };
    match lang {
        Some(l) if site.config.is_language(&l) => Ok(l),
        Some(l) => Err(tera::Error::message(format!(
            "`{l}` is not a language of this site"
        ))),
        None => Err(tera::Error::message(
            "no `lang` in scope (inside a component, declare `@lang` or pass lang=lang)",
        )),
    }
}

fn fluent_args(kwargs: &Kwargs) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for (key, value) in kwargs.iter() {
        let key = key.to_string();
        if key == "key" || key == "lang" {
            continue;
        }
        let v: FluentValue<'static> = if let Some(n) = value.as_f64() {
            FluentValue::from(n)
        } else if let Some(s) = value.as_str() {
            FluentValue::from(s.to_string())
        } else {
            FluentValue::from(value.to_string())
        };
        args.set(key, v);
    }
    args
}

/// Registers `t`, `t_plain`, `number` and `asset`. With `html`, `t` returns escaped HTML that
/// marks fallback text with its `lang`; without (print), both return plain text that the
/// environment's own escaping handles.
pub(crate) fn register_functions(tera: &mut Tera, site: &Arc<Site>, html_output: bool) {
    // Every message without arguments, ready to print, per language: a page asks for dozens
    // of labels, and a lookup beats formatting and escaping them again.
    let ids: std::collections::BTreeSet<&str> = site
        .config
        .language_codes()
        .flat_map(|l| site.catalog.message_ids(l).map(|(id, _)| id))
        .collect();
    for (name, html) in [("t", html_output), ("t_plain", false)] {
        let site = Arc::clone(site);
        let ready: HashMap<String, HashMap<String, Value>> = site
            .config
            .language_codes()
            .map(|lang| {
                let values = ids
                    .iter()
                    .filter_map(|id| {
                        let f = site.catalog.format(lang, id, None).ok()?;
                        let value = if html {
                            Value::safe_string(&lang_html(&f.text, &f.lang, lang))
                        } else {
                            Value::from(f.text)
                        };
                        Some((id.to_string(), value))
                    })
                    .collect();
                (lang.to_string(), values)
            })
            .collect();
        tera.register_function(
            name,
            move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
                let key: String = kwargs.must_get::<&str>("key")?.to_string();
                crate::depend::read(|| crate::depend::Input::Message(key.clone()));
                let lang = page_lang(&site, &kwargs, state)?;
                let args = fluent_args(&kwargs);
                let has_args = args.iter().next().is_some();
                if !has_args && let Some(value) = ready.get(&lang).and_then(|m| m.get(&key)) {
                    return Ok(value.clone());
                }
                let args = has_args.then_some(&args);
                let formatted = site
                    .catalog
                    .format(&lang, &key, args)
                    .map_err(tera::Error::message)?;
                Ok(if html {
                    Value::safe_string(&lang_html(&formatted.text, &formatted.lang, &lang))
                } else {
                    Value::from(formatted.text)
                })
            },
        );
    }
    {
        let site = Arc::clone(site);
        tera.register_filter(
            "number",
            move |value: f64, kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
                let decimals: Option<u8> = kwargs.get::<u8>("decimals")?;
                let lang = page_lang(&site, &kwargs, state)?;
                let formats = site.formats(&lang).ok_or_else(|| {
                    tera::Error::message(format!("no number format for `{lang}`"))
                })?;
                Ok(formats.numbers.format(value, decimals))
            },
        );
    }
    // `mailto(to=…, subject=…, body=…)`: a mailto URL with its subject and body encoded as
    // RFC 6068 asks (UTF-8, percent-encoded, line breaks as CRLF), so a Russian or Chinese
    // subject arrives intact in every mail program.
    tera.register_function(
        "mailto",
        |kwargs: Kwargs, _: &State| -> tera::TeraResult<Value> {
            let to: &str = kwargs.must_get::<&str>("to")?;
            let mut url = format!("mailto:{}", mailto_encode(to, true));
            let mut sep = '?';
            for field in ["subject", "body"] {
                if let Some(text) = kwargs.get::<&str>(field)? {
                    let text = text.replace("\r\n", "\n").replace('\n', "\r\n");
                    url.push(sep);
                    url.push_str(field);
                    url.push('=');
                    url.push_str(&mailto_encode(&text, false));
                    sep = '&';
                }
            }
            Ok(Value::from(url))
        },
    );
    {
        // `image_size(path=…)`: `{width, height}` of a picture in `static/` (an SVG's from its
        // viewBox), so `<img width height>` reserve its real proportions and nothing moves
        // when it arrives.
        let site = Arc::clone(site);
        tera.register_function(
            "image_size",
            move |kwargs: Kwargs, _: &State| -> tera::TeraResult<Value> {
                let path: &str = kwargs.must_get::<&str>("path")?;
                crate::depend::read(|| crate::depend::Input::AssetBytes(path.to_string()));
                let rel = path.trim_start_matches('/');
                let probe = site.probe(rel).map_err(|e| {
                    tera::Error::message(format!("image_size `{path}`: {}", e.message))
                })?;
                let mut map = tera::value::Map::new();
                map.insert("width".into(), Value::from(probe.width));
                map.insert("height".into(), Value::from(probe.height));
                Ok(Value::from(map))
            },
        );
    }
    {
        // Optional pictures (the logo): a theme can offer a text fallback.
        let site = Arc::clone(site);
        tera.register_function(
            "has_asset",
            move |kwargs: Kwargs, _: &State| -> tera::TeraResult<Value> {
                let path: &str = kwargs.must_get::<&str>("path")?;
                crate::depend::read(|| crate::depend::Input::AssetExists(path.to_string()));
                Ok(Value::from(site.static_url(path).is_ok()))
            },
        );
    }
    {
        let site = Arc::clone(site);
        let hashes: Mutex<HashMap<String, String>> = Mutex::new(HashMap::new());
        tera.register_function(
            "asset",
            move |kwargs: Kwargs, _: &State| -> tera::TeraResult<Value> {
                let path: String = kwargs.must_get::<&str>("path")?.to_string();
                crate::depend::read(|| crate::depend::Input::AssetBytes(path.clone()));
                let url = site
                    .static_url(&path)
                    .map_err(|e| tera::Error::message(format!("asset `{path}`: {e}")))?;
                let rel = path.trim_start_matches('/').to_string();
                let cached = hashes.lock().ok().and_then(|h| h.get(&rel).cloned());
                let hash = match cached {
                    Some(h) => h,
                    None => {
                        let bytes = site
                            .theme
                            .static_files
                            .get(&rel)
                            .map(|f| f.read())
                            .transpose()
                            .map_err(|e| tera::Error::message(format!("asset `{path}`: {e}")))?
                            .unwrap_or_default();
                        let h = crate::theme::content_hash(&bytes);
                        if let Ok(mut map) = hashes.lock() {
                            map.insert(rel, h.clone());
                        }
                        h
                    }
                };
                Ok(Value::from(format!("{url}?v={hash}")))
            },
        );
    }
}

/// Percent-encodes `text` for a mailto URL: every ASCII character but the unreserved ones
/// (and `@` in the address) is escaped, so `&`, `?`, `#` and `%` in a product name cannot end
/// a field. Letters and digits of other scripts stay as they are: HTML's URLs are IRIs (the
/// browser encodes them when the link is followed), and `%D0%A6` for each Cyrillic letter
/// made a Russian quote link 2.5 KB, a tenth of its page. Spaces and punctuation outside
/// ASCII (a no-break space, `：`) are still escaped: a mail program must not see them as
/// the end of the link.
fn mailto_encode(text: &str, address: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let keep = if c.is_ascii() {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~') || (address && c == '@')
        } else {
            c.is_alphanumeric()
        };
        if keep {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_fields_are_encoded_so_nothing_ends_them_early() {
        assert_eq!(
            mailto_encode("ru-desk@x.example", true),
            "ru-desk@x.example"
        );
        assert_eq!(
            mailto_encode("A&B?c=d #1 100%", false),
            "A%26B%3Fc%3Dd%20%231%20100%25"
        );
        assert_eq!(mailto_encode("Цена: 报价", false), "Цена%3A%20报价");
        assert_eq!(
            mailto_encode("a\u{a0}b\u{ff1a}c", false),
            "a%C2%A0b%EF%BC%9Ac"
        );
    }

    #[test]
    fn control_characters_never_reach_html_or_xml() {
        assert_eq!(
            without_control_characters("a\u{1}b\u{b}c\0d\te\r\nf\u{7f}\u{ffff}".into()),
            "abcd\te\r\nf"
        );
        assert_eq!(
            without_control_characters("Экскаватор".into()),
            "Экскаватор"
        );
    }

    #[test]
    fn model_numbers_stay_whole_and_text_is_escaped() {
        assert_eq!(
            lang_html("Самосвал SQ-MT60E <b>", "ru", "ru"),
            "Самосвал <span class=\"nobr\">SQ-MT60E</span> &lt;b&gt;"
        );
        assert_eq!(
            lang_html("well-known", "en", "ru"),
            "<span lang=\"en\">well-known</span>"
        );
    }
}
