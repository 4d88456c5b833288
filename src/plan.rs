//! The list of every output of a site, decided before anything is rendered.
//!
//! A [`Route`] names one output: its URL, its file, its language and its template follow from
//! it alone. Rendering is then a pure function of the site model and a route, which lets routes
//! render in parallel, in any order, with byte-identical results.

use crate::site::Site;

/// Products per page on a category page.
pub const PRODUCTS_PER_PAGE: usize = 24;
/// Articles per page on the news list.
pub const NEWS_PER_PAGE: usize = 10;

/// Page slugs that would collide with the site's own sections.
pub const RESERVED_SLUGS: &[&str] = &[
    "products",
    "categories",
    "news",
    "page",
    "atom.xml",
    "brochures",
    "static",
    "compare",
    "q",
];

/// The tag of the datasheets' QR codes in `/q/<tag>/<lang>/<id>/`; brochures use their
/// campaign.
pub const DATASHEET_SCAN_TAG: &str = "d";

/// One output of the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Route {
    /// `/`: the language chooser.
    Chooser,
    /// `/404.html`.
    NotFound,
    /// `/sitemap.xml`.
    Sitemap,
    /// `/robots.txt`.
    Robots,
    Home {
        lang: String,
    },
    Products {
        lang: String,
    },
    Product {
        lang: String,
        id: String,
    },
    /// `/<lang>/compare/`: 2–4 products side by side, chosen by the visitor (`?ids=a,b`).
    /// The page is a shell the theme's script fills from the product pages themselves, so
    /// it needs no data of its own and no page per combination.
    Compare {
        lang: String,
    },
    /// `page` is 1-based.
    Category {
        lang: String,
        id: String,
        page: usize,
    },
    NewsList {
        lang: String,
        page: usize,
    },
    Article {
        lang: String,
        slug: String,
    },
    Page {
        lang: String,
        slug: String,
    },
    Atom {
        lang: String,
    },
    /// `/q/<tag>/<lang>/<id>/`: where a printed QR code leads, a redirect to the product's
    /// page with the campaign in its query. A short address makes a small QR code (version
    /// 4 or lower): large modules that print and scan well. `tag` is a brochure's campaign,
    /// or [`DATASHEET_SCAN_TAG`].
    Scan {
        lang: String,
        id: String,
        tag: String,
    },
    /// An old URL (`aliases:` in a source) that redirects to `to`. `path` is relative to the
    /// site's base: `old/ex-300/` or `old/ex-300.html`.
    Alias {
        path: String,
        to: Box<Route>,
    },
}

impl Route {
    /// The language of a localized route.
    pub fn lang(&self) -> Option<&str> {
        match self {
            Route::Chooser
            | Route::NotFound
            | Route::Sitemap
            | Route::Robots
            | Route::Alias { .. } => None,
            Route::Home { lang }
            | Route::Products { lang }
            | Route::Product { lang, .. }
            | Route::Compare { lang }
            | Route::Scan { lang, .. }
            | Route::Category { lang, .. }
            | Route::NewsList { lang, .. }
            | Route::Article { lang, .. }
            | Route::Page { lang, .. }
            | Route::Atom { lang } => Some(lang),
        }
    }

    /// The same route in another language (every item exists in every language: missing
    /// translations fall back to the default language).
    pub fn with_lang(&self, other: &str) -> Route {
        let lang = other.to_string();
        match self.clone() {
            Route::Home { .. } => Route::Home { lang },
            Route::Products { .. } => Route::Products { lang },
            Route::Product { id, .. } => Route::Product { lang, id },
            Route::Compare { .. } => Route::Compare { lang },
            Route::Scan { id, tag, .. } => Route::Scan { lang, id, tag },
            Route::Category { id, page, .. } => Route::Category { lang, id, page },
            Route::NewsList { page, .. } => Route::NewsList { lang, page },
            Route::Article { slug, .. } => Route::Article { lang, slug },
            Route::Page { slug, .. } => Route::Page { lang, slug },
            Route::Atom { .. } => Route::Atom { lang },
            other => other,
        }
    }

    /// The page for visitors whose language the site does not have (`hreflang="x-default"`),
    /// the same on every page and in the sitemap: for the home pages the language chooser at
    /// `/` (the case search engines name for it), for every other page its version in the
    /// default language.
    pub fn x_default(&self, default_lang: &str) -> Route {
        match self {
            Route::Home { .. } | Route::Chooser => Route::Chooser,
            other => other.with_lang(default_lang),
        }
    }

    /// The URL path below the site's base, without the base: `ru/products/ex-300/`.
    pub fn relative_url(&self) -> String {
        let paged = |base: String, page: usize| {
            if page > 1 {
                format!("{base}page/{page}/")
            } else {
                base
            }
        };
        match self {
            Route::Chooser => String::new(),
            Route::NotFound => "404.html".into(),
            Route::Sitemap => "sitemap.xml".into(),
            Route::Robots => "robots.txt".into(),
            Route::Home { lang } => format!("{lang}/"),
            Route::Products { lang } => format!("{lang}/products/"),
            Route::Product { lang, id } => format!("{lang}/products/{id}/"),
            Route::Compare { lang } => format!("{lang}/compare/"),
            Route::Scan { lang, id, tag } => format!("q/{tag}/{lang}/{id}/"),
            Route::Category { lang, id, page } => paged(format!("{lang}/categories/{id}/"), *page),
            Route::NewsList { lang, page } => paged(format!("{lang}/news/"), *page),
            Route::Article { lang, slug } => format!("{lang}/news/{slug}/"),
            Route::Page { lang, slug } => format!("{lang}/{slug}/"),
            Route::Atom { lang } => format!("{lang}/atom.xml"),
            Route::Alias { path, .. } => path.clone(),
        }
    }

    /// Root-relative URL, including the site's base path: `/catalog/ru/products/ex-300/`.
    pub fn path(&self, base_path: &str) -> String {
        format!("{base_path}{}", self.relative_url())
    }

    /// The file this route is written to, relative to the output folder.
    pub fn output_file(&self) -> String {
        let url = self.relative_url();
        if url.is_empty() || url.ends_with('/') {
            format!("{url}index.html")
        } else {
            url
        }
    }

    /// The template that renders this route by default; `None` for outputs built in code.
    pub fn default_template(&self) -> Option<&'static str> {
        Some(match self {
            Route::Chooser => "chooser.html",
            Route::NotFound => "404.html",
            Route::Sitemap | Route::Robots | Route::Alias { .. } | Route::Scan { .. } => {
                return None;
            }
            Route::Home { .. } => "home.html",
            Route::Products { .. } => "products.html",
            Route::Product { .. } => "product.html",
            Route::Compare { .. } => "compare.html",
            Route::Category { .. } => "category.html",
            Route::NewsList { .. } => "news-list.html",
            Route::Article { .. } => "article.html",
            Route::Page { .. } => "page.html",
            Route::Atom { .. } => "atom.xml",
        })
    }

    /// The `page.kind` templates see.
    pub fn kind(&self) -> &'static str {
        match self {
            Route::Chooser => "chooser",
            Route::NotFound => "not_found",
            Route::Sitemap => "sitemap",
            Route::Robots => "robots",
            Route::Home { .. } => "home",
            Route::Products { .. } => "products",
            Route::Product { .. } => "product",
            Route::Compare { .. } => "compare",
            Route::Scan { .. } => "scan",
            Route::Category { .. } => "category",
            Route::NewsList { .. } => "news_list",
            Route::Article { .. } => "article",
            Route::Page { .. } => "page",
            Route::Atom { .. } => "atom",
            Route::Alias { .. } => "alias",
        }
    }

    /// Whether the route is a redirect page (an old address, a QR code's short one): written,
    /// checked, but not counted as one of the site's pages.
    pub fn is_redirect(&self) -> bool {
        matches!(self, Route::Alias { .. } | Route::Scan { .. })
    }

    /// Whether the route is an HTML page that belongs in the sitemap.
    pub fn in_sitemap(&self) -> bool {
        !matches!(
            self,
            Route::Chooser
                | Route::NotFound
                | Route::Sitemap
                | Route::Robots
                | Route::Atom { .. }
                | Route::Alias { .. }
                // An empty shell until the visitor picks products: nothing to index.
                | Route::Compare { .. }
                | Route::Scan { .. }
        )
    }
}

/// Number of pages needed for `items` at `per_page` (at least one, so empty lists still render).
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// A hash of everything [`plan`] depends on: equal keys, equal plans. The preview skips
/// planning 16,000 routes after an edit that adds, removes and moves nothing (most edits).
pub fn plan_key(site: &Site) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::depend::hasher();
    for lang in site.config.language_codes() {
        lang.hash(&mut h);
    }
    site.products.len().hash(&mut h);
    for p in &site.products {
        p.id.hash(&mut h);
    }
    site.categories.len().hash(&mut h);
    for c in &site.categories {
        (&c.id, site.products_in(&c.id).count()).hash(&mut h);
    }
    site.news.len().hash(&mut h);
    for a in &site.news {
        a.slug.hash(&mut h);
    }
    site.pages.len().hash(&mut h);
    for p in &site.pages {
        p.slug.hash(&mut h);
    }
    for alias in site.aliases() {
        alias.route.hash(&mut h);
    }
    for tag in scan_tags(site) {
        tag.hash(&mut h);
    }
    h.finish()
}

/// The QR tags of the printed documents, each with the categories it prints (empty: all):
/// every brochure's campaign (its id when it names none), then the datasheets'. A tag two
/// brochures share is listed once, with the categories of both.
pub fn scan_tags(site: &Site) -> Vec<(String, Vec<String>)> {
    let mut tags: Vec<(String, Vec<String>)> = Vec::new();
    for b in &site.config.brochures {
        let tag = brochure_scan_tag(b);
        match tags.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, categories)) if !categories.is_empty() && !b.categories.is_empty() => {
                categories.extend(b.categories.iter().cloned());
            }
            Some((_, categories)) => categories.clear(),
            None => tags.push((tag, b.categories.clone())),
        }
    }
    if !tags.iter().any(|(t, _)| t == DATASHEET_SCAN_TAG) {
        tags.push((DATASHEET_SCAN_TAG.to_string(), Vec::new()));
    }
    tags
}

/// The tag of a brochure's QR codes in `/q/<tag>/<lang>/<id>/`: its campaign, else its id,
/// made safe for a URL.
pub fn brochure_scan_tag(brochure: &crate::config::BrochureConfig) -> String {
    url_safe(brochure.campaign.as_deref().unwrap_or(&brochure.id))
}

/// `text` as a path segment: ASCII letters, digits, `-` and `_`; anything else becomes `-`.
pub fn url_safe(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() { "-".into() } else { s }
}

/// Every output of the site, in a stable order.
pub fn plan(site: &Site) -> Vec<Route> {
    let mut routes = vec![
        Route::Chooser,
        Route::NotFound,
        Route::Sitemap,
        Route::Robots,
    ];
    for lang in site.config.language_codes() {
        let lang = lang.to_string();
        routes.push(Route::Home { lang: lang.clone() });
        routes.push(Route::Products { lang: lang.clone() });
        for p in &site.products {
            routes.push(Route::Product {
                lang: lang.clone(),
                id: p.id.clone(),
            });
        }
        for c in &site.categories {
            let count = site.products_in(&c.id).count();
            for page in 1..=page_count(count, PRODUCTS_PER_PAGE) {
                routes.push(Route::Category {
                    lang: lang.clone(),
                    id: c.id.clone(),
                    page,
                });
            }
        }
        for page in 1..=page_count(site.news.len(), NEWS_PER_PAGE) {
            routes.push(Route::NewsList {
                lang: lang.clone(),
                page,
            });
        }
        for a in &site.news {
            routes.push(Route::Article {
                lang: lang.clone(),
                slug: a.slug.clone(),
            });
        }
        for p in &site.pages {
            routes.push(Route::Page {
                lang: lang.clone(),
                slug: p.slug.clone(),
            });
        }
        if !site.products.is_empty() {
            routes.push(Route::Compare { lang: lang.clone() });
        }
        for (tag, categories) in scan_tags(site) {
            for p in &site.products {
                if categories.is_empty() || categories.contains(&p.category) {
                    routes.push(Route::Scan {
                        lang: lang.clone(),
                        id: p.id.clone(),
                        tag: tag.clone(),
                    });
                }
            }
        }
        routes.push(Route::Atom { lang });
    }
    routes.extend(site.aliases().into_iter().map(|a| a.route));
    routes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_addresses_are_short_and_safe() {
        assert_eq!(url_safe("expo-2026"), "expo-2026");
        assert_eq!(url_safe("Expo 2026/Москва"), "Expo-2026-------");
        assert_eq!(url_safe(""), "-");
        let r = Route::Scan {
            lang: "ru".into(),
            id: "ex-210".into(),
            tag: "catalog".into(),
        };
        assert_eq!(r.output_file(), "q/catalog/ru/ex-210/index.html");
        assert!(!r.in_sitemap());
        assert_eq!(r.default_template(), None);
    }

    #[test]
    fn urls_and_files() {
        let r = Route::Category {
            lang: "ru".into(),
            id: "excavators".into(),
            page: 2,
        };
        assert_eq!(
            r.path("/catalog/"),
            "/catalog/ru/categories/excavators/page/2/"
        );
        assert_eq!(
            r.output_file(),
            "ru/categories/excavators/page/2/index.html"
        );
        assert_eq!(Route::Chooser.output_file(), "index.html");
        assert_eq!(
            Route::Atom { lang: "zh".into() }.output_file(),
            "zh/atom.xml"
        );
        let p = Route::Product {
            lang: "en".into(),
            id: "ex-300".into(),
        };
        assert_eq!(p.with_lang("zh").path("/"), "/zh/products/ex-300/");
    }

    #[test]
    fn page_counts() {
        assert_eq!(page_count(0, 24), 1);
        assert_eq!(page_count(24, 24), 1);
        assert_eq!(page_count(25, 24), 2);
    }
}
