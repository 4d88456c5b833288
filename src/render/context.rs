//! The data each template sees, built from the site model for one route.
//!
//! The shape is documented for theme authors in `docs/themes.md`; keep the two in step.

use super::lang_html;
use crate::content::{Article, Category, Localized, Product, Spec, SpecValue};
use crate::depend::{self, Input};
use crate::plan::{NEWS_PER_PAGE, PRODUCTS_PER_PAGE, Route, page_count};
use crate::site::Site;
use serde_json::{Map, Value, json};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// A template value (Tera's own, whose lists and maps are shared, cheap to clone).
type TValue = tera::Value;

fn tv(value: &Value) -> TValue {
    TValue::from_serializable(value)
}

/// `base` (a map) with `extra` entries added.
fn extend(base: &TValue, extra: Vec<(&'static str, TValue)>) -> TValue {
    let mut map = base.clone().into_map().unwrap_or_default();
    for (k, v) in extra {
        map.insert(k.into(), v);
    }
    TValue::from(map)
}

/// Parts of contexts that many pages share — product, category and article cards, the
/// navigation — made once per language and build, then shared by every page that shows them.
/// A product card appears on its own page, its category pages, the product list and the home
/// page; making it once instead of four times, and never converting it again, is most of
/// what a page's context costs. Each entry is a pure function of the site and the language,
/// so memoizing it changes no output.
pub struct Memo {
    langs: Vec<(String, std::sync::RwLock<std::sync::Arc<LangMemo>>)>,
    site: OnceLock<TValue>,
    sizes: (usize, usize, usize, usize),
}

/// A shared part with what it read while it was made (see [`crate::depend`]): a page that
/// takes it from the memo has read the same things.
type Shared = OnceLock<(TValue, Box<[Input]>)>;

struct LangMemo {
    products: Vec<Shared>,
    categories: Vec<Shared>,
    news: Vec<Shared>,
    pages: Vec<Shared>,
    nav: Shared,
}

/// The part in `slot`, made by `make` the first time; the reads of making it count for every
/// page that uses it.
fn shared(slot: Option<&Shared>, make: impl FnOnce() -> TValue) -> TValue {
    match slot {
        Some(slot) => {
            let (value, inputs) = slot.get_or_init(|| {
                let (value, inputs) = depend::recording(false, make);
                (value, inputs.into())
            });
            depend::replay(inputs);
            value.clone()
        }
        None => make(),
    }
}

impl LangMemo {
    fn empty((products, categories, news, pages): (usize, usize, usize, usize)) -> LangMemo {
        let slots = |n: usize| (0..n).map(|_| OnceLock::new()).collect::<Vec<_>>();
        LangMemo {
            products: slots(products),
            categories: slots(categories),
            news: slots(news),
            pages: slots(pages),
            nav: OnceLock::new(),
        }
    }
}

impl Memo {
    pub fn new(site: &Site) -> Memo {
        let sizes = (
            site.products.len(),
            site.categories.len(),
            site.news.len(),
            site.pages.len(),
        );
        Memo {
            langs: site
                .config
                .languages
                .iter()
                .map(|l| {
                    let memo = std::sync::Arc::new(LangMemo::empty(sizes));
                    (l.code.clone(), std::sync::RwLock::new(memo))
                })
                .collect(),
            site: OnceLock::new(),
            sizes,
        }
    }

    fn lang(&self, code: &str) -> Option<std::sync::Arc<LangMemo>> {
        let (_, memo) = self.langs.iter().find(|(c, _)| c == code)?;
        memo.read().ok().map(|m| std::sync::Arc::clone(&m))
    }

    /// Forgets what was shared for `code` once its pages are rendered: memory then holds the
    /// cards of one language at a time, not of all.
    pub fn release(&self, code: &str) {
        if let Some((_, memo)) = self.langs.iter().find(|(c, _)| c == code)
            && let Ok(mut memo) = memo.write()
        {
            *memo = std::sync::Arc::new(LangMemo::empty(self.sizes));
        }
    }
}

/// The template that renders `route`: the default one, or a page's `template:` front matter.
pub fn template_for<'a>(site: &'a Site, route: &Route) -> &'a str {
    let chosen = match route {
        Route::Article { lang, slug } => site
            .article(slug)
            .and_then(|a| site.translation(a, lang).template.as_ref()),
        Route::Page { lang, slug } => site
            .page(slug)
            .and_then(|a| site.translation(a, lang).template.as_ref()),
        _ => None,
    };
    match chosen {
        Some((name, _)) => name.as_str(),
        None => route.default_template().unwrap_or("page.html"),
    }
}

/// Facts about other outputs that pages show, known once those outputs exist.
#[derive(Debug, Default, Clone)]
pub struct Extras {
    /// Size in bytes of each product datasheet, by (product id, language).
    pub datasheets: HashMap<(String, String), u64>,
    /// Size in bytes of each brochure, by output path (`brochures/catalog.ru.pdf`).
    pub brochures: HashMap<String, u64>,
}

/// A product as templates see it (the `product` of `product.html`).
pub fn product_value(site: &Site, product: &Product, lang: &str, extras: &Extras) -> Value {
    Value::Object(
        Cx {
            site,
            lang,
            extras,
            memo: None,
        }
        .product_full_json(product),
    )
}

/// A category card.
pub fn category_value(site: &Site, category: &Category, lang: &str) -> Value {
    let extras = Extras::default();
    Value::Object(
        Cx {
            site,
            lang,
            extras: &extras,
            memo: None,
        }
        .category_card(category),
    )
}

/// The variables every template sees regardless of the page — HTML and print alike:
/// `lang`, `locale`, `site`, `languages` and `build`.
pub fn common(site: &Site, route: &Route) -> Map<String, Value> {
    let default = site.config.default_language.as_str();
    let lang = route.lang().unwrap_or(default);
    let extras = Extras::default();
    let cx = Cx {
        site,
        lang,
        extras: &extras,
        memo: None,
    };
    let locale = site
        .config
        .language(lang)
        .map_or(lang, |l| l.locale.as_str());
    depend::read(|| Input::Config);
    depend::read(|| Input::NewsOrder);
    let mut map = Map::new();
    map.insert("lang".into(), Value::from(lang));
    map.insert("locale".into(), Value::from(locale));
    map.insert(
        "site".into(),
        json!({
            "base_url": site.config.base_url,
            "base_path": site.config.base_path,
            "default_language": default,
            "generator": concat!("brochure ", env!("CARGO_PKG_VERSION")),
            // Whether the build writes a search index (the theme shows its search box).
            "search": site.config.search.enabled,
            // Where the product page's quote form posts; `none`: no form.
            "quote_form": site.config.quote.form_action,
        }),
    );
    map.insert("languages".into(), cx.languages(route));
    // The desk that answers in this language: its `contact_email`, else the message.
    let contact = site
        .config
        .language(lang)
        .and_then(|l| l.contact_email.clone())
        .or_else(|| cx.message("company-email"))
        .filter(|e| !e.is_empty());
    map.insert("contact_email".into(), Value::from(contact));
    // Text, not a number: Fluent would format a number year as "2,026".
    map.insert(
        "build".into(),
        json!({
            "year": site.news.first().and_then(|a| site.translation(a, default).date).map(|d| d.year.to_string()),
        }),
    );
    map
}

/// Builds the whole context for `route`, sharing the parts many pages show through `memo`.
pub fn build(site: &Site, route: &Route, extras: &Extras, memo: &Memo) -> tera::Context {
    let default = site.config.default_language.as_str();
    let lang = route.lang().unwrap_or(default);
    let lang_memo = memo.lang(lang);
    let cx = Cx {
        site,
        lang,
        extras,
        memo: lang_memo.as_deref(),
    };
    let (title, description) = cx.title_and_description(route);
    let mut ctx = tera::Context::new();
    ctx.insert_value(
        "page",
        tv(&json!({
            "kind": route.kind(),
            "path": site.url(route),
            "permalink": site.permalink(route),
            "title": title,
            "description": description,
        })),
    );
    ctx.insert_value("alternates", tv(&cx.alternates(route)));
    let nav = shared(cx.memo.map(|m| &m.nav), || tv(&cx.nav()));
    ctx.insert_value("nav", nav);
    for (key, value) in common(site, route) {
        let value = if key == "site" {
            memo.site.get_or_init(|| tv(&value)).clone()
        } else {
            tv(&value)
        };
        ctx.insert_value(key, value);
    }
    for (key, value) in cx.page_data(route) {
        ctx.insert_value(key, value);
    }
    ctx
}

struct Cx<'a> {
    site: &'a Site,
    lang: &'a str,
    extras: &'a Extras,
    /// Shared parts for this language; `None` where nothing is shared (print).
    memo: Option<&'a LangMemo>,
}

/// Spec keys that can name an HTML attribute (`data-spec-operating-weight`) and a URL
/// parameter: lowercase letters, digits and hyphens.
fn filterable_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl<'a> Cx<'a> {
    fn default(&self) -> &str {
        &self.site.config.default_language
    }

    /// A localized text as `name`, `name_html`, `name_lang` entries of `map`.
    fn text(&self, map: &mut Map<String, Value>, key: &str, field: &Localized<String>) {
        match field.resolve(self.lang, self.default()) {
            Some(r) => {
                map.insert(key.into(), Value::from(r.value.as_str()));
                map.insert(
                    format!("{key}_html"),
                    Value::from(lang_html(r.value, r.lang, self.lang)),
                );
                map.insert(format!("{key}_lang"), lang_or_null(r.lang, self.lang));
            }
            None => {
                map.insert(key.into(), Value::from(""));
                map.insert(format!("{key}_html"), Value::from(""));
                map.insert(format!("{key}_lang"), Value::Null);
            }
        }
    }

    fn plain(&self, field: &Localized<String>) -> String {
        field
            .resolve(self.lang, self.default())
            .map(|r| r.value.clone())
            .unwrap_or_default()
    }

    fn message(&self, id: &str) -> Option<String> {
        depend::read(|| Input::Message(id.to_string()));
        self.site
            .catalog
            .format(self.lang, id, None)
            .ok()
            .map(|f| f.text)
    }

    fn title_and_description(&self, route: &Route) -> (String, String) {
        let site = self.site;
        match route {
            Route::Product { id, .. } => {
                depend::read(|| Input::Product(id.clone()));
                site.product(id)
                    .map(|p| (self.plain(&p.name), self.plain(&p.summary)))
                    .unwrap_or_default()
            }
            Route::Category { id, .. } => {
                depend::read(|| Input::Categories);
                site.category(id)
                    .map(|c| (self.plain(&c.name), self.plain(&c.summary)))
                    .unwrap_or_default()
            }
            Route::Article { slug, .. } | Route::Page { slug, .. } => {
                depend::read(|| match route {
                    Route::Article { .. } => Input::News(slug.clone()),
                    _ => Input::Page(slug.clone()),
                });
                match route {
                    Route::Article { .. } => site.article(slug),
                    _ => site.page(slug),
                }
                .map(|a| {
                    let t = site.translation(a, self.lang);
                    (t.title.clone(), t.summary.clone().unwrap_or_default())
                })
                .unwrap_or_default()
            }
            Route::Compare { .. } => (
                self.message("compare-title").unwrap_or_default(),
                self.message("compare-intro").unwrap_or_default(),
            ),
            // The product list says what it lists, not the company's tagline again.
            Route::Products { .. } => (
                String::new(),
                self.message("products-intro")
                    .or_else(|| self.message("company-tagline"))
                    .unwrap_or_default(),
            ),
            _ => (
                String::new(),
                self.message("company-tagline").unwrap_or_default(),
            ),
        }
    }

    fn languages(&self, route: &Route) -> Value {
        let site = self.site;
        site.config
            .languages
            .iter()
            .map(|l| {
                let target = match route.lang() {
                    Some(_) => route.with_lang(&l.code),
                    None => Route::Home {
                        lang: l.code.clone(),
                    },
                };
                json!({
                    "code": l.code,
                    "locale": l.locale,
                    "name": l.name,
                    "url": site.url(&target),
                    "current": route.lang() == Some(l.code.as_str()),
                })
            })
            .collect()
    }

    fn alternates(&self, route: &Route) -> Value {
        let site = self.site;
        let default = self.default();
        let per_lang: Vec<Route> = match route {
            Route::NotFound
            | Route::Sitemap
            | Route::Robots
            | Route::Alias { .. }
            | Route::Scan { .. } => {
                return json!([]);
            }
            Route::Chooser => site
                .config
                .languages
                .iter()
                .map(|l| Route::Home {
                    lang: l.code.clone(),
                })
                .collect(),
            _ => site
                .config
                .languages
                .iter()
                .map(|l| route.with_lang(&l.code))
                .collect(),
        };
        let x_default = route.x_default(default);
        let mut list: Vec<Value> = per_lang
            .iter()
            .map(|r| {
                let locale = r
                    .lang()
                    .and_then(|c| site.config.language(c))
                    .map_or("", |l| l.locale.as_str());
                json!({"hreflang": locale, "href": site.permalink(r)})
            })
            .collect();
        list.push(json!({"hreflang": "x-default", "href": site.permalink(&x_default)}));
        Value::Array(list)
    }

    fn nav(&self) -> Value {
        depend::read(|| Input::Categories);
        depend::read(|| Input::PageTitles);
        let site = self.site;
        let lang = self.lang.to_string();
        json!({
            "home": site.url(&Route::Home { lang: lang.clone() }),
            "products": site.url(&Route::Products { lang: lang.clone() }),
            "compare": site.url(&Route::Compare { lang: lang.clone() }),
            "news": site.url(&Route::NewsList { lang: lang.clone(), page: 1 }),
            "categories": site.categories.iter().map(|c| json!({
                "id": c.id,
                "name": self.plain(&c.name),
                "url": site.url(&Route::Category { lang: lang.clone(), id: c.id.clone(), page: 1 }),
            })).collect::<Vec<_>>(),
            "pages": site.pages.iter().map(|p| json!({
                "slug": p.slug,
                "title": site.translation(p, &lang).title,
                "url": site.url(&Route::Page { lang: lang.clone(), slug: p.slug.clone() }),
            })).collect::<Vec<_>>(),
        })
    }

    fn spec(&self, spec: &Spec) -> Value {
        depend::read(|| Input::Message(format!("spec-{}", spec.key)));
        if let Some(unit) = &spec.unit {
            depend::read(|| Input::Message(format!("unit-{unit}")));
        }
        let site = self.site;
        let label = site
            .catalog
            .format(self.lang, &format!("spec-{}", spec.key), None)
            .ok();
        let value = match &spec.value {
            SpecValue::Number(n) => site
                .formats(self.lang)
                .map_or_else(|| n.to_string(), |f| f.numbers.format(*n, None)),
            SpecValue::Text(t) => t.clone(),
        };
        let unit = spec
            .unit
            .as_ref()
            .and_then(|u| {
                site.catalog
                    .format(self.lang, &format!("unit-{u}"), None)
                    .ok()
            })
            .map(|f| f.text);
        // A no-break space keeps a number and its unit on one line in narrow table cells.
        let text = match &unit {
            Some(u) => format!("{value}\u{a0}{u}"),
            None => value.clone(),
        };
        json!({
            "key": spec.key,
            "label": label.as_ref().map_or(spec.key.as_str(), |l| l.text.as_str()),
            "label_lang": label.as_ref().and_then(|l| if l.fallback { Some(l.lang.as_str()) } else { None }),
            "number": match spec.value { SpecValue::Number(n) => Some(n), SpecValue::Text(_) => None },
            "value": value,
            "unit": unit,
            "text": text,
        })
    }

    fn category_ref(&self, id: &str) -> Value {
        depend::read(|| Input::Categories);
        let site = self.site;
        json!({
            "id": id,
            "name": site.category(id).map(|c| self.plain(&c.name)).unwrap_or_default(),
            "url": site.url(&Route::Category { lang: self.lang.to_string(), id: id.to_string(), page: 1 }),
        })
    }

    fn product_card(&self, p: &Product) -> Map<String, Value> {
        depend::read(|| Input::Product(p.id.clone()));
        let site = self.site;
        let mut m = Map::new();
        m.insert("id".into(), Value::from(p.id.as_str()));
        self.text(&mut m, "name", &p.name);
        self.text(&mut m, "summary", &p.summary);
        let route = Route::Product {
            lang: self.lang.to_string(),
            id: p.id.clone(),
        };
        m.insert("url".into(), Value::from(site.url(&route)));
        m.insert("permalink".into(), Value::from(site.permalink(&route)));
        let name = m
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let picture = p
            .images
            .first()
            .map_or(Value::Null, |i| self.picture(&i.src, Some(&i.alt), &name));
        self.insert_picture(&mut m, picture);
        m.insert("category".into(), self.category_ref(&p.category));
        m.insert(
            "key_specs".into(),
            p.specs.iter().take(3).map(|s| self.spec(s)).collect(),
        );
        // `{key, value}` of the numeric specs, in the product's order, for the list filters
        // (`data-spec-<key>` on each card). A list, not a map: attributes in a fixed order.
        let numbers: Vec<Value> = p
            .specs
            .iter()
            .filter(|s| filterable_key(&s.key))
            .filter_map(|s| match s.value {
                SpecValue::Number(n) if n.is_finite() => {
                    Some(json!({"key": s.key, "value": plain_number(n)}))
                }
                _ => None,
            })
            .collect();
        m.insert("spec_numbers".into(), Value::Array(numbers));
        m.insert("featured".into(), Value::from(p.featured));
        m
    }

    /// The spec ranges a list of products can be narrowed by: every numeric spec that at
    /// least two of them have with different values, in the order the products list their
    /// specs, with its localized label and unit and the range's ends.
    ///
    /// `across` is how many categories a spec must be found in to get a filter. The whole
    /// product list asks for half of them (two at least): a filter for every spec of every
    /// category was a wall of some twenty fields (and 20 KB of each page) where a visitor
    /// wants the few that compare machines of different kinds, operating weight or engine
    /// power; a category's own specs are on its page.
    fn spec_filters<'p>(
        &self,
        products: impl Iterator<Item = &'p Product>,
        across: usize,
    ) -> TValue {
        // One spec's values over the products: its ends, how many products have it, and in
        // which categories.
        struct Range<'p> {
            spec: &'p Spec,
            min: f64,
            max: f64,
            count: usize,
            categories: BTreeSet<&'p str>,
        }
        let mut ranges: Vec<Range<'p>> = Vec::new();
        for p in products {
            depend::read(|| Input::Product(p.id.clone()));
            for spec in &p.specs {
                let SpecValue::Number(n) = spec.value else {
                    continue;
                };
                if !n.is_finite() || !filterable_key(&spec.key) {
                    continue;
                }
                let i = match ranges.iter().position(|r| r.spec.key == spec.key) {
                    Some(i) => i,
                    None => {
                        ranges.push(Range {
                            spec,
                            min: n,
                            max: n,
                            count: 0,
                            categories: BTreeSet::new(),
                        });
                        ranges.len() - 1
                    }
                };
                let r = &mut ranges[i];
                r.min = r.min.min(n);
                r.max = r.max.max(n);
                r.count += 1;
                r.categories.insert(p.category.as_str());
            }
        }
        let formats = self.site.formats(self.lang);
        let show = |n: f64| formats.map_or_else(|| n.to_string(), |f| f.numbers.format(n, None));
        let list: Vec<Value> = ranges
            .into_iter()
            .filter(|r| r.count >= 2 && r.min < r.max && r.categories.len() >= across)
            .map(|Range { spec, min, max, .. }| {
                let described = self.spec(spec);
                json!({
                    "key": spec.key,
                    "label": described.get("label"),
                    "unit": described.get("unit"),
                    "min": plain_number(min),
                    "max": plain_number(max),
                    "min_text": show(min),
                    "max_text": show(max),
                })
            })
            .collect();
        tv(&Value::Array(list))
    }

    /// What a product page adds to the product's card.
    fn product_details(
        &self,
        p: &Product,
        card: &Map<String, Value>,
    ) -> Vec<(&'static str, Value)> {
        let site = self.site;
        let mut out = Vec::new();
        let description = site.description_html(&p.id, self.lang);
        out.push((
            "description_html",
            Value::from(description.map_or("", |h| &*h.html)),
        ));
        out.push((
            "description_lang",
            description.map_or(Value::Null, |h| lang_or_null(&h.lang, self.lang)),
        ));
        match p.features.resolve(self.lang, self.default()) {
            Some(r) => {
                out.push(("features", json!(r.value)));
                out.push(("features_lang", lang_or_null(r.lang, self.lang)));
            }
            None => {
                out.push(("features", json!([])));
                out.push(("features_lang", Value::Null));
            }
        }
        let name = card.get("name").and_then(Value::as_str).unwrap_or("");
        out.push((
            "pictures",
            p.images
                .iter()
                .map(|i| self.picture(&i.src, Some(&i.alt), name))
                .filter(|v| !v.is_null())
                .collect(),
        ));
        let specs: Vec<Value> = p.specs.iter().map(|s| self.spec(s)).collect();
        depend::read(|| Input::Datasheet(p.id.clone(), self.lang.to_string()));
        let datasheet = self
            .extras
            .datasheets
            .get(&(p.id.clone(), self.lang.to_string()))
            .map_or(Value::Null, |bytes| {
                let route = Route::Product {
                    lang: self.lang.to_string(),
                    id: p.id.clone(),
                };
                let mut v = self.file_size(*bytes);
                v["url"] = Value::from(format!("{}{}-{}.pdf", site.url(&route), p.id, self.lang));
                v
            });
        out.push(("datasheet", datasheet));
        out.push(("json_ld", Value::from(self.json_ld(p, card, &specs))));
        out.push(("specs", Value::Array(specs)));
        out
    }

    /// A product with everything its page shows, as one JSON map (for print templates).
    fn product_full_json(&self, p: &Product) -> Map<String, Value> {
        let mut m = self.product_card(p);
        for (k, v) in self.product_details(p, &m) {
            m.insert(k.into(), v);
        }
        depend::read(|| Input::NewsAbout(p.id.clone()));
        let news: Vec<Value> = self
            .site
            .news_about(&p.id)
            .map(|a| Value::Object(self.article_card(a)))
            .collect();
        m.insert("news".into(), Value::Array(news));
        m
    }

    /// The `product` of a product page: its shared card plus the details.
    fn product_full(&self, p: &Product) -> TValue {
        let card_json = self.product_card(p);
        let mut extra: Vec<(&'static str, TValue)> = self
            .product_details(p, &card_json)
            .iter()
            .map(|(k, v)| (*k, tv(v)))
            .collect();
        depend::read(|| Input::NewsAbout(p.id.clone()));
        let news: Vec<TValue> = self
            .site
            .news_about(&p.id)
            .map(|a| self.article_card_value(a))
            .collect();
        extra.push(("news", TValue::from(news)));
        extend(&self.product_card_value(p), extra)
    }

    fn slot<'m>(
        &self,
        pick: impl Fn(&'m LangMemo) -> &'m [Shared],
        index: Option<usize>,
    ) -> Option<&'m Shared>
    where
        'a: 'm,
    {
        self.memo.zip(index).and_then(|(m, i)| pick(m).get(i))
    }

    fn product_card_value(&self, p: &Product) -> TValue {
        let make = || tv(&Value::Object(self.product_card(p)));
        shared(
            self.slot(|m| &m.products, self.site.product_position(&p.id)),
            make,
        )
    }

    fn category_card_value(&self, c: &Category) -> TValue {
        let make = || tv(&Value::Object(self.category_card(c)));
        shared(
            self.slot(|m| &m.categories, self.site.category_position(&c.id)),
            make,
        )
    }

    fn article_card_value(&self, a: &Article) -> TValue {
        let make = || tv(&Value::Object(self.article_card(a)));
        let slot = match a.kind {
            crate::content::ArticleKind::News => {
                self.slot(|m| &m.news, self.site.article_position(&a.slug))
            }
            crate::content::ArticleKind::Page => {
                self.slot(|m| &m.pages, self.site.page_position(&a.slug))
            }
        };
        shared(slot, make)
    }

    fn json_ld(&self, p: &Product, card: &Map<String, Value>, specs: &[Value]) -> String {
        let site = self.site;
        let route = Route::Product {
            lang: self.lang.to_string(),
            id: p.id.clone(),
        };
        let mut ld = json!({
            "@context": "https://schema.org",
            "@type": "Product",
            "name": card.get("name"),
            "description": card.get("summary"),
            "sku": p.id,
            "url": site.permalink(&route),
            "category": card.get("category").and_then(|c| c.get("name")),
            "additionalProperty": specs.iter().map(|spec| {
                let mut prop = json!({
                    "@type": "PropertyValue",
                    "name": spec["label"],
                    // 5000, not 5000.0: what the data says, as JSON writes a whole number.
                    "value": spec
                        .get("number")
                        .and_then(Value::as_f64)
                        .map_or_else(|| spec["value"].clone(), plain_number),
                });
                if !spec["unit"].is_null() {
                    prop["unitText"] = spec["unit"].clone();
                }
                prop
            }).collect::<Vec<_>>(),
        });
        if let Some(company) = self.message("company-name") {
            ld["brand"] = json!({"@type": "Brand", "name": company});
        }
        if let Some(image) = card.get("image_permalink").filter(|v| !v.is_null()) {
            ld["image"] = image.clone();
        }
        // Inside <script>, `</script>` or `<!--` in a product name would change how the HTML
        // parser reads the block; JSON's \u escapes keep the data identical and inert.
        serde_json::to_string(&ld)
            .unwrap_or_default()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }

    fn category_card(&self, c: &Category) -> Map<String, Value> {
        depend::read(|| Input::Categories);
        depend::read(|| Input::CategoryMembers(c.id.clone()));
        let site = self.site;
        let mut m = Map::new();
        m.insert("id".into(), Value::from(c.id.as_str()));
        self.text(&mut m, "name", &c.name);
        self.text(&mut m, "summary", &c.summary);
        let route = Route::Category {
            lang: self.lang.to_string(),
            id: c.id.clone(),
            page: 1,
        };
        m.insert("url".into(), Value::from(site.url(&route)));
        m.insert("permalink".into(), Value::from(site.permalink(&route)));
        m.insert(
            "product_count".into(),
            Value::from(site.products_in(&c.id).count()),
        );
        let name = m
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let picture = match &c.image {
            Some(i) => self.picture(&i.src, Some(&i.alt), &name),
            None => site
                .products_in(&c.id)
                .find_map(|p| p.images.first())
                .map_or(Value::Null, |i| self.picture(&i.src, None, &name)),
        };
        self.insert_picture(&mut m, picture);
        m
    }

    fn article_card(&self, a: &Article) -> Map<String, Value> {
        read_article(a);
        let site = self.site;
        let t = site.translation(a, self.lang);
        let mut m = Map::new();
        m.insert("slug".into(), Value::from(a.slug.as_str()));
        m.insert("title".into(), Value::from(t.title.as_str()));
        m.insert(
            "title_html".into(),
            Value::from(lang_html(&t.title, &t.lang, self.lang)),
        );
        m.insert("title_lang".into(), lang_or_null(&t.lang, self.lang));
        let summary = t.summary.as_deref().unwrap_or("");
        m.insert("summary".into(), Value::from(summary));
        m.insert(
            "summary_html".into(),
            Value::from(lang_html(summary, &t.lang, self.lang)),
        );
        m.insert(
            "date".into(),
            t.date.map_or(Value::Null, |d| Value::from(d.iso())),
        );
        m.insert(
            "date_display".into(),
            t.date
                .and_then(|d| {
                    site.formats(self.lang)
                        .map(|f| f.dates.format(d.year, d.month, d.day))
                })
                .map_or(Value::Null, Value::from),
        );
        let route = match a.kind {
            crate::content::ArticleKind::News => Route::Article {
                lang: self.lang.to_string(),
                slug: a.slug.clone(),
            },
            crate::content::ArticleKind::Page => Route::Page {
                lang: self.lang.to_string(),
                slug: a.slug.clone(),
            },
        };
        m.insert("url".into(), Value::from(site.url(&route)));
        m.insert("permalink".into(), Value::from(site.permalink(&route)));
        let picture = t.image.as_ref().map_or(Value::Null, |(src, alt, _)| {
            let alt = alt.as_deref().unwrap_or(&t.title);
            self.picture(src, None, alt)
        });
        self.insert_picture(&mut m, picture);
        m
    }

    /// A picture for templates: [`crate::images::Responsive`] with its alt text (`alt` in
    /// this language, else `name`) and absolute URLs for social previews. Null when the file
    /// cannot be shown (the load reported it).
    fn picture(&self, src: &str, alt: Option<&Localized<String>>, name: &str) -> Value {
        depend::read(|| Input::AssetExists(src.to_string()));
        depend::read(|| Input::AssetBytes(src.to_string()));
        let site = self.site;
        let Some(r) = site.responsive(src) else {
            return Value::Null;
        };
        let mut v = serde_json::to_value(&r).unwrap_or(Value::Null);
        let (alt, alt_lang) = match alt.and_then(|a| a.resolve(self.lang, self.default())) {
            Some(a) => (a.value.clone(), lang_or_null(a.lang, self.lang)),
            None => (name.to_string(), Value::Null),
        };
        let absolute = |url: &str| {
            format!(
                "{}{}",
                site.config.base_url,
                url.strip_prefix(site.config.base_path.as_str())
                    .unwrap_or(url)
            )
        };
        if let Some(map) = v.as_object_mut() {
            map.insert("alt".into(), Value::from(alt));
            map.insert("alt_lang".into(), alt_lang);
            let social = r.social.as_deref().unwrap_or(&r.src);
            map.insert("social_permalink".into(), Value::from(absolute(social)));
            map.insert("permalink".into(), Value::from(absolute(&r.large)));
        }
        v
    }

    /// `picture` and, for templates written before pictures had data, `image` (a URL) and
    /// `image_permalink`.
    fn insert_picture(&self, m: &mut Map<String, Value>, picture: Value) {
        m.insert(
            "image".into(),
            picture.get("src").cloned().unwrap_or(Value::Null),
        );
        m.insert(
            "image_permalink".into(),
            picture
                .get("social_permalink")
                .cloned()
                .unwrap_or(Value::Null),
        );
        m.insert("picture".into(), picture);
    }

    fn article_full(&self, a: &Article) -> TValue {
        read_article(a);
        let site = self.site;
        let body = site.body_html(a, self.lang);
        let t = site.translation(a, self.lang);
        let products: Vec<TValue> = t
            .products
            .iter()
            .filter_map(|(id, _)| site.product(id))
            .map(|p| self.product_card_value(p))
            .collect();
        extend(
            &self.article_card_value(a),
            vec![
                ("content_html", TValue::from(body.map_or("", |h| &*h.html))),
                (
                    "content_lang",
                    tv(&body.map_or(Value::Null, |h| lang_or_null(&h.lang, self.lang))),
                ),
                ("products", TValue::from(products)),
            ],
        )
    }

    fn paginator(
        &self,
        current: usize,
        total: usize,
        items: usize,
        route_for: impl Fn(usize) -> Route,
    ) -> Value {
        let url = |n: usize| self.site.url(&route_for(n));
        json!({
            "current": current,
            "total": total,
            "items": items,
            "prev": if current > 1 { Some(url(current - 1)) } else { None },
            "next": if current < total { Some(url(current + 1)) } else { None },
            "pages": (1..=total).map(|n| json!({"number": n, "url": url(n), "current": n == current})).collect::<Vec<_>>(),
        })
    }

    /// A download's size as links show it: `bytes`, `kb` (rounded up) and `size` (the
    /// kilobytes in the locale's number format).
    fn file_size(&self, bytes: u64) -> Value {
        let kb = (bytes as f64 / 1024.0).ceil();
        let size = self
            .site
            .formats(self.lang)
            .map_or_else(|| kb.to_string(), |f| f.numbers.format(kb, Some(0)));
        json!({"bytes": bytes, "kb": kb, "size": size})
    }

    /// The printed catalogs of this language, each with its URL, title and size, for the
    /// download links of the home page and the product list. Empty without PDFs.
    fn catalogs(&self) -> TValue {
        let site = self.site;
        let list: Vec<Value> = site
            .config
            .brochures
            .iter()
            .enumerate()
            .filter_map(|(index, b)| {
                let job = crate::print::PrintJob::Brochure {
                    index,
                    lang: self.lang.to_string(),
                };
                let path = job.output_file(site);
                depend::read(|| Input::Brochure(path.clone()));
                let bytes = *self.extras.brochures.get(&path)?;
                let mut v = self.file_size(bytes);
                v["url"] = Value::from(format!("{}{path}", site.config.base_path));
                v["title"] = Value::from(self.message(&b.title).unwrap_or_default());
                Some(v)
            })
            .collect();
        TValue::from(tv(&Value::Array(list)))
    }

    /// The variables only this kind of page has.
    fn page_data(&self, route: &Route) -> Vec<(&'static str, TValue)> {
        let site = self.site;
        let lang = self.lang.to_string();
        let products = |list: &mut dyn Iterator<Item = &Product>| -> TValue {
            TValue::from(list.map(|p| self.product_card_value(p)).collect::<Vec<_>>())
        };
        match route {
            Route::Home { .. } => {
                depend::read(|| Input::Featured);
                depend::read(|| Input::Categories);
                depend::read(|| Input::NewsOrder);
                let mut featured: Vec<&Product> = site
                    .products
                    .iter()
                    .filter(|p| p.featured)
                    .map(|p| &**p)
                    .collect();
                if featured.is_empty() {
                    featured = site
                        .categories
                        .iter()
                        .filter_map(|c| site.products_in(&c.id).next())
                        .collect();
                }
                vec![
                    (
                        "categories",
                        TValue::from(
                            site.categories
                                .iter()
                                .map(|c| self.category_card_value(c))
                                .collect::<Vec<_>>(),
                        ),
                    ),
                    ("featured", products(&mut featured.into_iter())),
                    ("catalogs", self.catalogs()),
                    (
                        "latest_news",
                        TValue::from(
                            site.news
                                .iter()
                                .take(3)
                                .map(|a| self.article_card_value(a))
                                .collect::<Vec<_>>(),
                        ),
                    ),
                ]
            }
            Route::Products { .. } => vec![
                ("catalogs", self.catalogs()),
                (
                    "filters",
                    self.spec_filters(
                        site.products.iter().map(|p| &**p),
                        // Half the categories, and both when there are two.
                        site.categories
                            .len()
                            .div_ceil(2)
                            .max(site.categories.len().min(2)),
                    ),
                ),
                (
                    "categories",
                    TValue::from(
                        site.categories
                            .iter()
                            .map(|c| {
                                depend::read(|| Input::CategoryMembers(c.id.clone()));
                                let pages =
                                    page_count(site.products_in(&c.id).count(), PRODUCTS_PER_PAGE);
                                extend(
                                    &self.category_card_value(c),
                                    // The first page's worth: with thousands of products, the
                                    // whole catalog on one page was 4 MB; each category links to its
                                    // own paginated pages for the rest, which the list filters
                                    // fetch (`more_pages`) when a visitor narrows the list.
                                    vec![
                                        (
                                            "products",
                                            products(
                                                &mut site
                                                    .products_in(&c.id)
                                                    .take(PRODUCTS_PER_PAGE),
                                            ),
                                        ),
                                        (
                                            "more_pages",
                                            TValue::from(
                                                (2..=pages)
                                                    .map(|page| {
                                                        TValue::from(site.url(&Route::Category {
                                                            lang: lang.clone(),
                                                            id: c.id.clone(),
                                                            page,
                                                        }))
                                                    })
                                                    .collect::<Vec<_>>(),
                                            ),
                                        ),
                                    ],
                                )
                            })
                            .collect::<Vec<_>>(),
                    ),
                ),
            ],
            Route::Product { id, .. } => vec![(
                "product",
                site.product(id)
                    .map_or_else(TValue::none, |p| self.product_full(p)),
            )],
            Route::Category { id, page, .. } => {
                depend::read(|| Input::Categories);
                depend::read(|| Input::CategoryMembers(id.clone()));
                let count = site.products_in(id).count();
                let total = page_count(count, PRODUCTS_PER_PAGE);
                vec![
                    ("filters", self.spec_filters(site.products_in(id), 1)),
                    (
                        "category",
                        site.category(id)
                            .map_or_else(TValue::none, |c| self.category_card_value(c)),
                    ),
                    (
                        "products",
                        products(
                            &mut site
                                .products_in(id)
                                .skip((page - 1) * PRODUCTS_PER_PAGE)
                                .take(PRODUCTS_PER_PAGE),
                        ),
                    ),
                    (
                        "paginator",
                        tv(&self.paginator(*page, total, count, |n| Route::Category {
                            lang: lang.clone(),
                            id: id.clone(),
                            page: n,
                        })),
                    ),
                ]
            }
            Route::NewsList { page, .. } => {
                depend::read(|| Input::NewsOrder);
                let total = page_count(site.news.len(), NEWS_PER_PAGE);
                vec![
                    (
                        "articles",
                        TValue::from(
                            site.news
                                .iter()
                                .skip((page - 1) * NEWS_PER_PAGE)
                                .take(NEWS_PER_PAGE)
                                .map(|a| self.article_card_value(a))
                                .collect::<Vec<_>>(),
                        ),
                    ),
                    (
                        "paginator",
                        tv(
                            &self.paginator(*page, total, site.news.len(), |n| Route::NewsList {
                                lang: lang.clone(),
                                page: n,
                            }),
                        ),
                    ),
                ]
            }
            Route::Article { slug, .. } => vec![(
                "article",
                site.article(slug)
                    .map_or_else(TValue::none, |a| self.article_full(a)),
            )],
            Route::Page { slug, .. } => vec![(
                "content",
                site.page(slug)
                    .map_or_else(TValue::none, |a| self.article_full(a)),
            )],
            Route::Atom { .. } => {
                depend::read(|| Input::NewsOrder);
                let updated = site
                    .news
                    .iter()
                    .filter_map(|a| site.translation(a, self.lang).date)
                    .max()
                    .map_or_else(
                        || "1970-01-01T00:00:00Z".to_string(),
                        |d| format!("{}T00:00:00Z", d.iso()),
                    );
                vec![
                    (
                        "articles",
                        TValue::from(
                            site.news
                                .iter()
                                .map(|a| self.article_full(a))
                                .collect::<Vec<_>>(),
                        ),
                    ),
                    ("feed_url", TValue::from(site.permalink(route))),
                    ("updated", TValue::from(updated)),
                ]
            }
            Route::Chooser
            | Route::NotFound
            | Route::Compare { .. }
            | Route::Scan { .. }
            | Route::Sitemap
            | Route::Robots
            | Route::Alias { .. } => Vec::new(),
        }
    }
}

/// A number for an HTML attribute: `3050`, not `3050.0` (whole numbers are what specs mostly
/// are, and what a visitor types).
fn plain_number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)]
        Value::from(n as i64)
    } else {
        Value::from(n)
    }
}

/// A news article or page was read (cards and full views alike).
fn read_article(a: &Article) {
    depend::read(|| match a.kind {
        crate::content::ArticleKind::News => Input::News(a.slug.clone()),
        crate::content::ArticleKind::Page => Input::Page(a.slug.clone()),
    });
}

fn lang_or_null(text_lang: &str, page_lang: &str) -> Value {
    if text_lang == page_lang {
        Value::Null
    } else {
        Value::from(text_lang)
    }
}
