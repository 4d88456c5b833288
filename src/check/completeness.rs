//! Completeness per language, computed from the site model against the default language.
//!
//! A *unit* is one thing a translator translates: a localized field of a product or category
//! that has text in the default language, a news article or page, a Fluent message of the
//! default language (theme and site together; a site message that overrides a theme message
//! is one unit). A language's score is the share of units it has. Gaps are findings located
//! where a person acts on them: the field in the YAML file, the Markdown file to create, the
//! `.ftl` file the message belongs in.

use super::{Finding, Kind, LanguageScore, ProductLanguage, ProductScore, percent};
use crate::config::Language;
use crate::content::{Article, ArticleKind, Localized};
use crate::diagnostics::Location;
use crate::i18n::Origin;
use crate::i18n::ftl::{self, FtlFile};
use crate::site::Site;
use std::collections::{BTreeMap, BTreeSet};

/// Messages the Rust code formats itself (render/context.rs), not through a template.
const CODE_MESSAGES: &[&str] = &["company-name", "company-tagline"];

pub(super) struct Gaps {
    pub findings: Vec<Finding>,
    /// Places where the build warns about a gap reported here.
    pub covered: Vec<Location>,
    pub languages: Vec<LanguageScore>,
    pub products: Vec<ProductScore>,
}

#[derive(Default)]
struct Count {
    translated: usize,
    total: usize,
    fields: usize,
    translations: usize,
    messages: usize,
    variables: usize,
}

impl Count {
    fn unit(&mut self, present: bool) -> bool {
        self.total += 1;
        if present {
            self.translated += 1;
        }
        present
    }
}

/// The part of a localized field completeness needs, whatever its value type.
struct Field<'a> {
    name: &'static str,
    location: &'a Location,
    has: Box<dyn Fn(&str) -> bool + 'a>,
}

fn field<'a, T>(name: &'static str, f: &'a Localized<T>) -> Field<'a> {
    Field {
        name,
        location: &f.location,
        has: Box::new(move |lang| f.has(lang)),
    }
}

pub(super) fn collect(site: &Site) -> Gaps {
    let default = site.config.default_language.as_str();
    let languages = &site.config.languages;
    let mut gaps = Gaps {
        findings: Vec::new(),
        covered: Vec::new(),
        languages: Vec::new(),
        products: Vec::new(),
    };
    let mut counts: BTreeMap<&str, Count> = languages
        .iter()
        .map(|l| (l.code.as_str(), Count::default()))
        .collect();

    // Categories.
    for c in &site.categories {
        let fields = [field("name", &c.name), field("summary", &c.summary)];
        content_gaps(
            &fields,
            &format!("category:{}", c.id),
            &format!("category `{}`", c.id),
            languages,
            default,
            &mut counts,
            &mut gaps,
        );
    }

    // Products, with a row each.
    for p in &site.products {
        let fields = [
            field("name", &p.name),
            field("summary", &p.summary),
            field("description", &p.description),
            field("features", &p.features),
        ];
        content_gaps(
            &fields,
            &format!("product:{}", p.id),
            &format!("product `{}`", p.id),
            languages,
            default,
            &mut counts,
            &mut gaps,
        );
        let mut messages: BTreeSet<String> = BTreeSet::new();
        for s in &p.specs {
            messages.insert(format!("spec-{}", s.key));
            if let Some(u) = &s.unit {
                messages.insert(format!("unit-{u}"));
            }
        }
        messages.retain(|id| site.catalog.has(default, id));
        let row = languages
            .iter()
            .map(|l| {
                let mut missing: Vec<String> = fields
                    .iter()
                    .filter(|f| (f.has)(default) && !(f.has)(&l.code))
                    .map(|f| f.name.to_string())
                    .collect();
                let field_total = fields.iter().filter(|f| (f.has)(default)).count();
                missing.extend(
                    messages
                        .iter()
                        .filter(|id| !site.catalog.has(&l.code, id))
                        .cloned(),
                );
                let total = field_total + messages.len();
                let translated = total - missing.len();
                ProductLanguage {
                    code: l.code.clone(),
                    score: percent(translated, total),
                    translated,
                    total,
                    missing,
                }
            })
            .collect();
        gaps.products.push(ProductScore {
            id: p.id.clone(),
            file: p.file.clone(),
            name: p.name.get(default).cloned().unwrap_or_default(),
            languages: row,
        });
    }

    // News articles and pages: one unit per language version.
    for a in site.news.iter().chain(&site.pages) {
        article_gaps(site, a, &mut counts, &mut gaps);
    }

    // Fluent messages.
    let definitions = ftl::Definitions::new(site);
    let definition = |lang: &str, id: &str| definitions.get(lang, id);
    let reference: Vec<(&str, &Location)> = site
        .catalog
        .message_ids(default)
        .map(|(id, info)| (id, &info.location))
        .collect();
    for l in languages {
        let count = counts.entry(l.code.as_str()).or_default();
        for (id, default_location) in &reference {
            if !count.unit(site.catalog.has(&l.code, id)) {
                count.messages += 1;
                gaps.covered.push((*default_location).clone());
                let file = ftl::translation_file(&default_location.file, default, &l.code);
                gaps.findings.push(
                    Finding::warning(
                        Kind::MissingMessage,
                        format!("message `{id}` has no {} ({}) translation", l.name, l.code),
                    )
                    .lang(&l.code)
                    .in_file(file)
                    .item(format!("message:{id}"))
                    .field(*id)
                    .hint(format!(
                        "add `{id} = …`; the {default} text is at {default_location}"
                    )),
                );
                continue;
            }
            if l.code == default {
                continue;
            }
            let (Some((_, source)), Some((location, translation))) =
                (definition(default, id), definition(&l.code, id))
            else {
                continue;
            };
            if source.variables == translation.variables {
                continue;
            }
            count.variables += 1;
            let list = |vars: Vec<&String>| {
                vars.iter()
                    .map(|v| format!("`${v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let lacks = list(
                source
                    .variables
                    .difference(&translation.variables)
                    .collect(),
            );
            let extra = list(
                translation
                    .variables
                    .difference(&source.variables)
                    .collect(),
            );
            let what = match (lacks.is_empty(), extra.is_empty()) {
                (false, true) => format!("does not use {lacks}, which the {default} text uses"),
                (true, false) => format!("uses {extra}, which the {default} text does not"),
                _ => format!("does not use {lacks} and uses {extra}, unlike the {default} text"),
            };
            gaps.findings.push(
                Finding::warning(
                    Kind::MessageVariables,
                    format!("message `{id}` in {} ({}) {what}", l.name, l.code),
                )
                .lang(&l.code)
                .at(location)
                .item(format!("message:{id}"))
                .field(*id)
                .hint(format!(
                    "keep the placeholders of the {default} text at {}",
                    reference
                        .iter()
                        .find(|(i, _)| i == id)
                        .map_or(String::new(), |(_, l)| l.to_string())
                )),
            );
        }
    }
    unused_messages(site, definitions.files(), &mut gaps);

    gaps.languages = languages
        .iter()
        .map(|l| {
            let c = counts.remove(l.code.as_str()).unwrap_or_default();
            LanguageScore {
                code: l.code.clone(),
                name: l.name.clone(),
                score: percent(c.translated, c.total),
                translated: c.translated,
                total: c.total,
                missing_fields: c.fields,
                missing_translations: c.translations,
                missing_messages: c.messages,
                variable_mismatches: c.variables,
            }
        })
        .collect();
    gaps
}

fn content_gaps(
    fields: &[Field<'_>],
    item: &str,
    what: &str,
    languages: &[Language],
    default: &str,
    counts: &mut BTreeMap<&str, Count>,
    gaps: &mut Gaps,
) {
    for f in fields.iter().filter(|f| (f.has)(default)) {
        for l in languages {
            let Some(count) = counts.get_mut(l.code.as_str()) else {
                continue;
            };
            if count.unit((f.has)(&l.code)) {
                continue;
            }
            count.fields += 1;
            gaps.covered.push(f.location.clone());
            gaps.findings.push(
                Finding::warning(
                    Kind::MissingField,
                    format!(
                        "{what}: `{}` has no {} ({}) text; the {default} text is shown",
                        f.name, l.name, l.code
                    ),
                )
                .lang(&l.code)
                .at(f.location)
                .item(item)
                .field(f.name)
                .hint(format!("add `{}: …` to `{}`", l.code, f.name)),
            );
        }
    }
}

fn article_gaps(site: &Site, a: &Article, counts: &mut BTreeMap<&str, Count>, gaps: &mut Gaps) {
    let (noun, prefix) = match a.kind {
        ArticleKind::News => ("news article", "news"),
        ArticleKind::Page => ("page", "page"),
    };
    for l in &site.config.languages {
        let Some(count) = counts.get_mut(l.code.as_str()) else {
            continue;
        };
        if count.unit(a.translations.contains_key(&l.code)) {
            continue;
        }
        count.translations += 1;
        let shown = site.translation(a, &l.code);
        gaps.covered.push(Location::file(&shown.file));
        let folder = shown.file.rsplit_once('/').map_or("", |(d, _)| d);
        gaps.findings.push(
            Finding::warning(
                Kind::MissingTranslation,
                format!(
                    "{noun} `{}` has no {} ({}) version; the {} text is shown",
                    a.slug, l.name, l.code, shown.lang
                ),
            )
            .lang(&l.code)
            .in_file(format!("{folder}/{}.{}.md", a.slug, l.code))
            .item(format!("{prefix}:{}", a.slug))
            .hint(format!("translate {} into this file", shown.file)),
        );
    }
}

/// Site messages that no template (site or print), product or other message refers to.
fn unused_messages(site: &Site, parsed: &BTreeMap<&str, FtlFile>, gaps: &mut Gaps) {
    let mut used: BTreeSet<String> = CODE_MESSAGES.iter().map(|s| s.to_string()).collect();
    for t in site
        .theme
        .templates
        .values()
        .chain(site.theme.print_templates.values())
    {
        used.extend(template_keys(&t.text));
    }
    for p in &site.products {
        for s in &p.specs {
            used.insert(format!("spec-{}", s.key));
            if let Some(u) = &s.unit {
                used.insert(format!("unit-{u}"));
            }
        }
    }
    for f in parsed.values() {
        for m in &f.messages {
            used.extend(m.references.iter().cloned());
        }
    }
    let default = site.config.default_language.as_str();
    let mut seen = BTreeSet::new();
    let order =
        std::iter::once(default).chain(site.config.language_codes().filter(|c| *c != default));
    for lang in order {
        for (id, info) in site.catalog.message_ids(lang) {
            if info.origin != Origin::Site || used.contains(id) || !seen.insert(id.to_string()) {
                continue;
            }
            gaps.findings.push(
                Finding::info(
                    Kind::UnusedMessage,
                    format!("site message `{id}` is not used by any template or product"),
                )
                .at(&info.location)
                .item(format!("message:{id}"))
                .field(id)
                .hint("remove it in every language, or use it in a template (keys computed in a template, such as \"spec-\" ~ key, cannot be seen)"),
            );
        }
    }
}

/// Message ids written as string literals in a template: `key="…"` or `key='…'`, as in
/// `t(key="nav-products")` and `t_plain(key = 'company-name')`.
pub(crate) fn template_keys(text: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for (i, _) in text.match_indices("key") {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-') {
            continue;
        }
        let rest = text[i + 3..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(end) = rest[1..].find(quote) {
            keys.insert(rest[1..1 + end].to_string());
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::template_keys;

    #[test]
    fn finds_literal_keys_only() {
        let keys = template_keys(
            r#"{{ t(key="nav-news") }} {{ t_plain( key = 'company-name', n=1) }} {{ t(key="spec-" ~ s.key) }} {{ monkey="x" }}"#,
        );
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(keys, ["company-name", "nav-news", "spec-"]);
    }
}
