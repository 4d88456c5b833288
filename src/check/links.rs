//! Links and assets of the rendered site, checked the way a visitor's browser would follow them.
//!
//! The build checks the links it writes itself (`@/…` in Markdown, `asset()`, images of
//! products); a template can still hard-code a URL, a Markdown text can use a relative link, a
//! `#fragment` can point at an id a template no longer has. Here every rendered HTML page is
//! parsed (html5ever, through scraper) and every internal `href`, `src`, `srcset` and
//! `og:image` must name a file the build writes, every `#fragment` an element id on the target
//! page. Images in Markdown content must have alt text, and every page must be reachable from
//! its language's home page by following links within that language.

use super::{Finding, Kind, Level};
use crate::diagnostics::Location;
use crate::plan::{Route, plan};
use crate::render::Output;
use crate::site::Site;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

pub(super) struct Stats {
    pub pages: usize,
    pub links: usize,
}

/// Language, kind, URL and element of a link problem.
type ProblemKey = (Option<String>, Kind, String, String);

/// One URL found in a page.
struct Link {
    /// `a href`, `img src`…
    element: String,
    url: String,
    /// Whether following it is navigation (for reachability).
    navigates: bool,
    image: bool,
}

struct Page {
    ids: HashSet<String>,
    links: Vec<Link>,
}

/// Where a URL points inside the site.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Another host, `mailto:`, `tel:`, `javascript:`…
    External,
    /// A path below the site's base, relative to the output folder, and a fragment.
    Internal {
        path: String,
        fragment: Option<String>,
    },
    /// A root-relative path that is not below the site's base path.
    Outside,
}

pub(super) fn collect(site: &Site, outputs: &[Output], findings: &mut Vec<Finding>) -> Stats {
    let base_url = site.config.base_url.as_str();
    let base_path = site.config.base_path.as_str();
    let files: HashSet<&str> = outputs
        .iter()
        .map(|o| o.path.as_str())
        .chain(site.theme.static_files.keys().map(String::as_str))
        .collect();
    let routes: HashMap<String, Route> = plan(site)
        .into_iter()
        .map(|r| (r.output_file(), r))
        .collect();
    let pages: BTreeMap<&str, Page> = outputs
        .par_iter()
        .filter(|o| o.path.ends_with(".html"))
        .map(|o| (o.path.as_str(), scan(&String::from_utf8_lossy(&o.bytes))))
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    let sources = Sources::new(site);
    // (lang, kind, url, element) → (why, pages), so a template's broken link is one finding.
    let mut problems: BTreeMap<ProblemKey, (String, BTreeSet<String>)> = BTreeMap::new();
    let mut edges: HashMap<&str, Vec<String>> = HashMap::new();
    let mut count = 0;
    for (path, page) in &pages {
        let lang = routes.get(*path).and_then(|r| r.lang()).map(str::to_string);
        let page_url = format!(
            "{base_path}{}",
            path.strip_suffix("index.html").unwrap_or(path)
        );
        for link in &page.links {
            let (target_path, fragment) = match resolve(&link.url, path, base_url, base_path) {
                Target::External => continue,
                Target::Outside => {
                    count += 1;
                    let key = (
                        lang.clone(),
                        Kind::BrokenLink,
                        link.url.clone(),
                        link.element.clone(),
                    );
                    problems
                        .entry(key)
                        .or_insert_with(|| ("points outside the site".into(), BTreeSet::new()))
                        .1
                        .insert(page_url.clone());
                    continue;
                }
                Target::Internal { path: p, fragment } => (p, fragment),
            };
            count += 1;
            let file = if target_path.is_empty() || target_path.ends_with('/') {
                format!("{target_path}index.html")
            } else if !files.contains(target_path.as_str())
                && files.contains(format!("{target_path}/index.html").as_str())
            {
                format!("{target_path}/index.html")
            } else {
                target_path.clone()
            };
            if !files.contains(file.as_str()) {
                let kind = if link.image {
                    Kind::MissingImage
                } else {
                    Kind::BrokenLink
                };
                let key = (lang.clone(), kind, link.url.clone(), link.element.clone());
                problems
                    .entry(key)
                    .or_insert_with(|| ("no such file is built".into(), BTreeSet::new()))
                    .1
                    .insert(page_url.clone());
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty())
                && let Some(target) = pages.get(file.as_str())
                && !target.ids.contains(&fragment)
            {
                let key = (
                    lang.clone(),
                    Kind::BrokenFragment,
                    link.url.clone(),
                    link.element.clone(),
                );
                problems
                    .entry(key)
                    .or_insert_with(|| {
                        (
                            format!("the page has no element with id `{fragment}`"),
                            BTreeSet::new(),
                        )
                    })
                    .1
                    .insert(page_url.clone());
            }
            if link.navigates {
                edges.entry(path).or_default().push(file);
            }
        }
    }
    for ((lang, kind, url, element), (why, on)) in problems {
        let noun = match kind {
            Kind::MissingImage => "missing image",
            Kind::BrokenFragment => "broken fragment",
            _ => "broken link",
        };
        let pages: Vec<String> = on.into_iter().collect();
        let n = pages.len();
        let mut f = Finding::new(
            Level::Error,
            kind,
            format!(
                "{noun} `{url}` ({element}) on {n} page{}: {why}",
                if n == 1 { "" } else { "s" }
            ),
        );
        f.lang = lang;
        f.pages = pages;
        f.item = Some(format!("url:{url}"));
        if let Some(location) = sources
            .locate(&url)
            .or_else(|| internal_link_form(&url, base_path).and_then(|u| sources.locate(&u)))
            .or_else(|| {
                internal_link_form(&url, base_path)
                    .and_then(|u| sources.locate(&u.replacen("/#", "#", 1)))
            })
        {
            f = f.at(&location);
        }
        findings.push(f.hint(if kind == Kind::BrokenFragment {
            "fix the URL where it is written, or give an element of the target page that id"
        } else {
            "fix the URL where it is written, or add the file it points to"
        }));
    }
    unreachable(site, &routes, &edges, findings);
    image_alt(site, findings);
    Stats {
        // Redirects (old addresses, QR codes' short ones) are checked, not counted as pages.
        pages: pages
            .keys()
            .filter(|file| !routes.get(**file).is_some_and(Route::is_redirect))
            .count(),
        links: count,
    }
}

/// The `@/…` form a Markdown author wrote for a URL of the site: `/catalog/en/products/x/#a` →
/// `@/products/x/#a` (the caller also tries it without the slash before `#`).
fn internal_link_form(url: &str, base_path: &str) -> Option<String> {
    let rest = url.strip_prefix(base_path)?;
    let (_, path) = rest.split_once('/')?;
    Some(format!("@/{path}"))
}

/// Every URL and id of one page.
fn scan(html: &str) -> Page {
    let doc = scraper::Html::parse_document(html);
    let mut ids = HashSet::new();
    let mut links = Vec::new();
    for node in doc.tree.nodes() {
        let Some(e) = node.value().as_element() else {
            continue;
        };
        if let Some(id) = e.id() {
            ids.insert(id.to_string());
        }
        let tag = e.name();
        if tag == "a"
            && let Some(name) = e.attr("name")
        {
            ids.insert(name.to_string());
        }
        let mut push = |attr: &str, url: &str, navigates: bool, image: bool| {
            links.push(Link {
                element: format!("{tag} {attr}"),
                url: url.trim().to_string(),
                navigates,
                image,
            });
        };
        match tag {
            "a" | "area" => {
                if let Some(u) = e.attr("href") {
                    push("href", u, true, false);
                }
            }
            "link" => {
                if let Some(u) = e.attr("href") {
                    let icon = e.attr("rel").is_some_and(|r| r.contains("icon"));
                    push("href", u, false, icon);
                }
            }
            "img" | "source" | "script" | "iframe" | "video" | "audio" | "track" | "embed" => {
                let image = tag == "img" || tag == "source";
                if let Some(u) = e.attr("src") {
                    push("src", u, false, image);
                }
                if let Some(set) = e.attr("srcset") {
                    for candidate in set.split(',') {
                        if let Some(u) = candidate.split_whitespace().next() {
                            push("srcset", u, false, true);
                        }
                    }
                }
                if let Some(u) = e.attr("poster") {
                    push("poster", u, false, true);
                }
            }
            "object" => {
                if let Some(u) = e.attr("data") {
                    push("data", u, false, false);
                }
            }
            "meta" => {
                if let (Some(p), Some(u)) = (e.attr("property"), e.attr("content"))
                    && (p == "og:image" || p == "og:url")
                {
                    push(&format!("property=\"{p}\""), u, false, p == "og:image");
                }
            }
            _ => {}
        }
    }
    Page { ids, links }
}

/// Where `url`, found on the page at output path `page`, points.
fn resolve(url: &str, page: &str, base_url: &str, base_path: &str) -> Target {
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(percent_decode(f))),
        None => (url, None),
    };
    let rest = rest.split('?').next().unwrap_or(rest);
    let absolute = if let Some(after) = url.strip_prefix(base_url) {
        let after = after.split(['?', '#']).next().unwrap_or(after);
        format!("{base_path}{after}")
    } else if url.starts_with("//") || has_scheme(url) {
        return Target::External;
    } else if url.starts_with('#') {
        format!("{base_path}{page}")
    } else if rest.starts_with('/') {
        rest.to_string()
    } else {
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        let joined = if dir.is_empty() {
            format!("{base_path}{rest}")
        } else {
            format!("{base_path}{dir}/{rest}")
        };
        normalize(&joined)
    };
    match absolute.strip_prefix(base_path) {
        Some(path) if !path.split('/').any(|p| p == "..") => Target::Internal {
            path: percent_decode(path),
            fragment,
        },
        _ => Target::Outside,
    }
}

fn has_scheme(url: &str) -> bool {
    let end = url.find([':', '/', '?', '#']);
    end.is_some_and(|i| {
        url[i..].starts_with(':')
            && i > 0
            && url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Resolves `.` and `..` segments of an absolute path.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let trailing = path.ends_with('/');
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if trailing && out.len() > 1 {
        out.push('/');
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Pages of a language that following links from its home page never reaches.
fn unreachable(
    site: &Site,
    routes: &HashMap<String, Route>,
    edges: &HashMap<&str, Vec<String>>,
    findings: &mut Vec<Finding>,
) {
    for lang in site.config.language_codes() {
        let home = Route::Home {
            lang: lang.to_string(),
        }
        .output_file();
        let mut seen: HashSet<String> = HashSet::from([home.clone()]);
        let mut queue = VecDeque::from([home]);
        while let Some(page) = queue.pop_front() {
            for next in edges.get(page.as_str()).into_iter().flatten() {
                let same_language = routes.get(next).and_then(|r| r.lang()) == Some(lang);
                if same_language && seen.insert(next.clone()) {
                    queue.push_back(next.clone());
                }
            }
        }
        let mut missed: Vec<&Route> = routes
            .iter()
            .filter(|(file, r)| {
                r.lang() == Some(lang)
                    && file.ends_with(".html")
                    && !seen.contains(*file)
                    // Printed QR codes lead here; nothing on the site links to them.
                    && !matches!(r, Route::Scan { .. })
            })
            .map(|(_, r)| r)
            .collect();
        missed.sort();
        for route in missed {
            let url = site.url(route);
            let mut f = Finding::warning(
                Kind::UnreachablePage,
                format!(
                    "page {url} cannot be reached from {} by following links",
                    site.url(&Route::Home {
                        lang: lang.to_string()
                    })
                ),
            )
            .lang(lang)
            .item(format!("page-url:{url}"))
            .hint("link to it from a menu, a list or another page");
            f = match route_source(site, route) {
                Some(Ok(location)) => f.at(&location),
                Some(Err(file)) => f.in_file(file),
                None => f,
            };
            findings.push(f);
        }
    }
}

/// The source behind a route, where there is one: a place, or a whole file.
fn route_source(site: &Site, route: &Route) -> Option<Result<Location, String>> {
    let file = |f: &str| Some(Err(f.to_string()));
    match route {
        Route::Product { id, .. } => site.product(id).and_then(|p| file(&p.file)),
        Route::Category { id, .. } => site.category(id).map(|c| Ok(c.location.clone())),
        Route::Article { lang, slug } => site
            .news
            .iter()
            .find(|a| &a.slug == slug)
            .and_then(|a| file(&site.translation(a, lang).file)),
        Route::Page { lang, slug } => site
            .pages
            .iter()
            .find(|a| &a.slug == slug)
            .and_then(|a| file(&site.translation(a, lang).file)),
        _ => None,
    }
}

/// Images in Markdown (product descriptions, news, pages) without alt text, in the language
/// they are written in.
fn image_alt(site: &Site, findings: &mut Vec<Finding>) {
    for p in &site.products {
        for (lang, text) in p.description.iter() {
            let start = p.description.start(lang);
            for (url, offset) in images_without_alt(text) {
                // The text of a YAML block scalar is indented by `start.column - 1` in the file.
                let mut at = Location::at_offset(&p.file, text, offset, start.line);
                at.column += start.column.saturating_sub(1);
                findings.push(alt_finding(&url, lang, &at, format!("product:{}", p.id)));
            }
        }
    }
    for a in site.news.iter().chain(&site.pages) {
        for (lang, t) in &a.translations {
            for (url, offset) in images_without_alt(&t.body) {
                let at = Location::at_offset(&t.file, &t.body, offset, t.body_line);
                let prefix = match a.kind {
                    crate::content::ArticleKind::News => "news",
                    crate::content::ArticleKind::Page => "page",
                };
                findings.push(alt_finding(&url, lang, &at, format!("{prefix}:{}", a.slug)));
            }
        }
    }
}

fn alt_finding(url: &str, lang: &str, at: &Location, item: String) -> Finding {
    Finding::warning(Kind::ImageAlt, format!("image `{url}` has no alt text"))
        .lang(lang)
        .at(at)
        .item(item)
        .hint(format!(
            "describe the picture between the brackets: ![What it shows]({url})"
        ))
}

/// `(url, byte offset)` of every Markdown image whose alt text is empty.
fn images_without_alt(markdown: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(String, usize, String)> = None;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                open = Some((dest_url.to_string(), range.start, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, alt)) = &mut open {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((url, offset, alt)) = open.take()
                    && alt.trim().is_empty()
                {
                    out.push((url, offset));
                }
            }
            _ => {}
        }
    }
    out
}

/// Source files a URL may be written in literally: templates and content.
struct Sources {
    files: Vec<(String, String)>,
}

impl Sources {
    fn new(site: &Site) -> Sources {
        let mut files: Vec<(String, String)> = site
            .theme
            .templates
            .values()
            .map(|t| (t.display.clone(), t.text.clone()))
            .collect();
        let mut content: Vec<&str> = site.products.iter().map(|p| p.file.as_str()).collect();
        for a in site.news.iter().chain(&site.pages) {
            content.extend(a.translations.values().map(|t| t.file.as_str()));
        }
        for file in content {
            if let Ok(text) = std::fs::read_to_string(site.root.join(file)) {
                files.push((file.to_string(), text));
            }
        }
        Sources { files }
    }

    /// The first place `url` is written, when it is written literally.
    fn locate(&self, url: &str) -> Option<Location> {
        if url.is_empty() {
            return None;
        }
        self.files.iter().find_map(|(file, text)| {
            let offset = text.match_indices(url).map(|(i, _)| i).find(|i| {
                // Whole URLs only: not the start of a longer one.
                !text[i + url.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '_' | '.'))
            })?;
            Some(Location::at_offset(file, text, offset, 1))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn internal(path: &str, fragment: Option<&str>) -> Target {
        Target::Internal {
            path: path.into(),
            fragment: fragment.map(String::from),
        }
    }

    #[test]
    fn resolves_like_a_browser() {
        let (base, bp) = ("https://x.example/cat/", "/cat/");
        let page = "en/products/a/index.html";
        assert_eq!(resolve("/cat/en/", page, base, bp), internal("en/", None));
        assert_eq!(
            resolve("#specs", page, base, bp),
            internal(page, Some("specs"))
        );
        assert_eq!(
            resolve("../b/#x", page, base, bp),
            internal("en/products/b/", Some("x"))
        );
        assert_eq!(
            resolve("https://x.example/cat/ru/?v=1", page, base, bp),
            internal("ru/", None)
        );
        assert_eq!(
            resolve("/cat/css/a.css?v=12", page, base, bp),
            internal("css/a.css", None)
        );
        assert_eq!(resolve("/other/", page, base, bp), Target::Outside);
        assert_eq!(resolve("../../../../x", page, base, bp), Target::Outside);
        for external in [
            "mailto:a@b.c",
            "tel:+1",
            "https://other.example/",
            "//cdn.example/x",
        ] {
            assert_eq!(
                resolve(external, page, base, bp),
                Target::External,
                "{external}"
            );
        }
        assert_eq!(
            resolve("/cat/%D0%B0.svg", page, base, bp),
            internal("а.svg", None)
        );
    }

    #[test]
    fn finds_images_without_alt() {
        let found = images_without_alt("Text ![ok](/a.svg)\n\n![](/b.svg) ![ ](/c.svg)\n");
        assert_eq!(
            found,
            [("/b.svg".to_string(), 20), ("/c.svg".to_string(), 32)]
        );
    }
}
