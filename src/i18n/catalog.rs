//! The Fluent message catalog: theme strings overridden by site strings, per language.
//!
//! Built once per build (parsing Fluent is not free) and shared by all rendering threads,
//! which is why it uses fluent-bundle's concurrent bundle. Numbers passed to messages are
//! formatted by ICU4X through the bundle's formatter hook, so `{ $count }` reads `1 234` in
//! Russian, and `count` selects the CLDR plural category (`1 станок`, `2 станка`, `5 станков`).

use super::NumberFormat;
use crate::config::Language;
use crate::diagnostics::{Diagnostic, Location};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::Memoizable;
use std::collections::{BTreeMap, HashMap};
use unic_langid::LanguageIdentifier;

/// Who provides a Fluent file: the theme's defaults or the site's own (which win).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Theme,
    Site,
}

/// One `.ftl` file to load.
#[derive(Debug, Clone)]
pub struct CatalogSource {
    pub lang: String,
    /// Display path (relative to the site root, or `theme:default/locales/…` when embedded).
    pub file: String,
    pub text: String,
    pub origin: Origin,
}

/// Where a message is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageInfo {
    pub location: Location,
    pub origin: Origin,
}

/// The result of formatting a message in a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formatted {
    pub text: String,
    /// The language the text is really in (the default language on fallback).
    pub lang: String,
    pub fallback: bool,
}

pub struct Catalog {
    default: String,
    bundles: HashMap<String, FluentBundle<FluentResource>>,
    /// Per language, every message id with the place it is defined (the winning definition).
    messages: BTreeMap<String, BTreeMap<String, MessageInfo>>,
    /// Every message formatted without arguments, per language: pages ask for the same few
    /// hundred labels thousands of times, and a lookup is far cheaper than formatting.
    plain: HashMap<String, HashMap<String, Result<Formatted, String>>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("messages", &self.messages)
            .finish()
    }
}

/// ICU4X number formatting, memoized per bundle language by fluent's memoizer.
struct IcuNumbers(NumberFormat);

impl Memoizable for IcuNumbers {
    type Args = ();
    type Error = String;
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, String> {
        NumberFormat::new(&lang.to_string()).map(IcuNumbers)
    }
}

fn format_number(
    value: &FluentValue,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let min = n.options.minimum_fraction_digits.map(|d| d.min(20) as u8);
    let max = n.options.maximum_fraction_digits.map(|d| d.min(20) as u8);
    memoizer
        .with_try_get_threadsafe::<IcuNumbers, _, _>((), |f| f.0.format_range(n.value, min, max))
        .ok()
}

impl Catalog {
    /// Builds the catalog. Syntax errors are errors; messages missing in a language are
    /// warnings (the default language's text is shown, marked with its `lang`).
    pub fn load(
        sources: Vec<CatalogSource>,
        languages: &[Language],
        default: &str,
    ) -> (Catalog, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut bundles = HashMap::new();
        let mut messages: BTreeMap<String, BTreeMap<String, MessageInfo>> = BTreeMap::new();
        for language in languages {
            let langid: LanguageIdentifier = language
                .locale
                .parse()
                .or_else(|_| language.code.parse())
                .unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks (U+2068/U+2069) around arguments are invisible noise in HTML
            // and in PDFs; our texts are not mixed-direction.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format_number));
            let defined = messages.entry(language.code.clone()).or_default();
            // Theme first, then the site, so site messages override theme messages.
            for origin in [Origin::Theme, Origin::Site] {
                for source in sources
                    .iter()
                    .filter(|s| s.lang == language.code && s.origin == origin)
                {
                    let resource = match FluentResource::try_new(source.text.clone()) {
                        Ok(r) => r,
                        Err((r, errors)) => {
                            for e in errors {
                                diags.push(
                                    Diagnostic::error(
                                        // An error "at the end of the file" belongs to its last line.
                                        Location::at_offset(
                                            &source.file,
                                            source.text.trim_end(),
                                            e.pos.start.min(source.text.trim_end().len()),
                                            1,
                                        ),
                                        format!("Fluent syntax error: {}", e.kind),
                                    )
                                    .with_hint(fluent_hint(&e.kind.to_string())),
                                );
                            }
                            r
                        }
                    };
                    let mut seen_in_file: HashMap<&str, usize> = HashMap::new();
                    for entry in resource.entries() {
                        let fluent_syntax::ast::Entry::Message(m) = entry else {
                            continue;
                        };
                        let id = m.id.name;
                        // The n-th definition of an id in this file is at its n-th line.
                        let nth = seen_in_file.entry(id).or_insert(0);
                        *nth += 1;
                        let location = message_location(&source.file, &source.text, id, *nth);
                        if let Some(previous) = defined.get(id)
                            && previous.origin == origin
                        {
                            diags.push(
                                Diagnostic::error(
                                    location.clone(),
                                    format!("message `{id}` is defined twice"),
                                )
                                .with_hint(format!(
                                    "the other definition is at {}",
                                    previous.location
                                )),
                            );
                        }
                        defined.insert(id.to_string(), MessageInfo { location, origin });
                    }
                    bundle.add_resource_overriding(resource);
                }
            }
            bundles.insert(language.code.clone(), bundle);
        }
        let mut catalog = Catalog {
            default: default.to_string(),
            bundles,
            messages,
            plain: HashMap::new(),
        };
        let ids: std::collections::BTreeSet<String> = catalog
            .messages
            .values()
            .flat_map(|m| m.keys().cloned())
            .collect();
        let plain = languages
            .iter()
            .map(|l| {
                let formatted = ids
                    .iter()
                    .map(|id| (id.clone(), catalog.format_uncached(&l.code, id, None)))
                    .collect();
                (l.code.clone(), formatted)
            })
            .collect();
        catalog.plain = plain;
        diags.extend(catalog.formatting_problems());
        diags.extend(catalog.missing_translations(languages));
        (catalog, diags)
    }

    /// Formats every message once without arguments to find what would otherwise go wrong
    /// silently on a page: a message that refers to itself, to a message or term this language
    /// lacks, to an unknown function. A variable without a value is fine for messages that
    /// templates call with arguments, but spec labels and unit names never get any.
    fn formatting_problems(&self) -> Vec<Diagnostic> {
        use fluent_bundle::FluentError;
        use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
        let mut diags = Vec::new();
        for (lang, messages) in &self.messages {
            let Some(bundle) = self.bundles.get(lang) else {
                continue;
            };
            for (id, info) in messages {
                let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                    continue;
                };
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, None, &mut errors);
                let never_gets_arguments = id.starts_with("spec-") || id.starts_with("unit-");
                let problem = errors.iter().find_map(|e| match e {
                    FluentError::ResolverError(ResolverError::Reference(
                        ReferenceKind::Variable { id: var },
                    )) => never_gets_arguments.then(|| {
                        (
                            format!("`{{ ${var} }}` has no value here"),
                            "spec labels and unit names are shown without variables; write the text itself".to_string(),
                        )
                    }),
                    FluentError::ResolverError(ResolverError::Cyclic) => Some((
                        "the message refers to itself, directly or through other messages".into(),
                        "remove the `{ … }` reference that leads back to this message".into(),
                    )),
                    FluentError::ResolverError(ResolverError::Reference(kind)) => Some((
                        format!("{}", ResolverError::Reference(kind.clone())).to_lowercase(),
                        format!("define it in locales/{lang}/, or remove the reference"),
                    )),
                    FluentError::ResolverError(ResolverError::TooManyPlaceables) => Some((
                        "the message expands to too many placeables".into(),
                        "a message should not reference itself many times over".into(),
                    )),
                    FluentError::ResolverError(other) => {
                        Some((other.to_string().to_lowercase(), String::new()))
                    }
                    _ => None,
                });
                if let Some((what, hint)) = problem {
                    let d = Diagnostic::warning(
                        info.location.clone(),
                        format!("Fluent message `{id}` ({lang}) cannot be formatted: {what}"),
                    );
                    diags.push(if hint.is_empty() {
                        d
                    } else {
                        d.with_hint(hint)
                    });
                }
            }
        }
        diags
    }

    fn missing_translations(&self, languages: &[Language]) -> Vec<Diagnostic> {
        let Some(reference) = self.messages.get(&self.default) else {
            return Vec::new();
        };
        let mut diags = Vec::new();
        for language in languages.iter().filter(|l| l.code != self.default) {
            let have = self.messages.get(&language.code);
            for (id, info) in reference {
                if have.is_some_and(|h| h.contains_key(id)) {
                    continue;
                }
                let folder = match info.origin {
                    Origin::Site => format!("locales/{}/", language.code),
                    Origin::Theme => format!("locales/{}/ (or the theme's)", language.code),
                };
                diags.push(
                    Diagnostic::warning(
                        info.location.clone(),
                        format!(
                            "message `{id}` has no {} ({}) translation; the {} text is shown",
                            language.name, language.code, self.default
                        ),
                    )
                    .with_hint(format!("add `{id} = …` to a .ftl file in {folder}")),
                );
            }
        }
        diags
    }

    pub fn default_language(&self) -> &str {
        &self.default
    }

    /// Whether `id` exists in `lang` itself (no fallback).
    pub fn has(&self, lang: &str, id: &str) -> bool {
        self.messages.get(lang).is_some_and(|m| m.contains_key(id))
    }

    /// Whether `id` exists in any language.
    /// A fingerprint of which messages exist in which language (what [`Catalog::has_any`]
    /// answers from).
    pub fn ids_fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = crate::depend::hasher();
        for (lang, messages) in &self.messages {
            lang.hash(&mut h);
            messages.len().hash(&mut h);
            for id in messages.keys() {
                id.hash(&mut h);
            }
        }
        h.finish()
    }

    pub fn has_any(&self, id: &str) -> bool {
        self.messages.values().any(|m| m.contains_key(id))
    }

    pub fn message_ids(&self, lang: &str) -> impl Iterator<Item = (&str, &MessageInfo)> {
        self.messages
            .get(lang)
            .into_iter()
            .flat_map(|m| m.iter().map(|(k, v)| (k.as_str(), v)))
    }

    /// Formats `id` in `lang`, falling back to the default language.
    pub fn format(
        &self,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<Formatted, String> {
        if args.is_none()
            && let Some(found) = self.plain.get(lang).and_then(|m| m.get(id))
        {
            return found.clone();
        }
        self.format_uncached(lang, id, args)
    }

    fn format_uncached(
        &self,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<Formatted, String> {
        let (bundle_lang, fallback) = if self.has(lang, id) {
            (lang, false)
        } else if self.has(&self.default, id) {
            (self.default.as_str(), true)
        } else if let Some((code, _)) = self.messages.iter().find(|(_, m)| m.contains_key(id)) {
            (code.as_str(), true)
        } else {
            return Err(format!("there is no Fluent message `{id}`"));
        };
        let bundle = self
            .bundles
            .get(bundle_lang)
            .ok_or_else(|| format!("no catalog for language `{bundle_lang}`"))?;
        let message = bundle
            .get_message(id)
            .ok_or_else(|| format!("there is no Fluent message `{id}`"))?;
        let pattern = message
            .value()
            .ok_or_else(|| format!("Fluent message `{id}` has no value (only attributes)"))?;
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        if let Some(e) = errors.first() {
            let place = self
                .messages
                .get(bundle_lang)
                .and_then(|m| m.get(id))
                .map(|i| format!(" ({})", i.location))
                .unwrap_or_default();
            use fluent_bundle::FluentError;
            use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
            let why = match e {
                FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                    id: var,
                })) => format!("`{{ ${var} }}` has no value here"),
                FluentError::ResolverError(ResolverError::Cyclic) => {
                    "the message refers to itself".to_string()
                }
                other => other.to_string(),
            };
            return Err(format!(
                "Fluent message `{id}` in `{bundle_lang}`{place}: {why}"
            ));
        }
        Ok(Formatted {
            text,
            lang: bundle_lang.to_string(),
            fallback,
        })
    }
}

/// A hint for a Fluent syntax error, in the terms a translator knows.
fn fluent_hint(kind: &str) -> &'static str {
    let kind = kind.to_ascii_lowercase();
    if kind.contains("inline expression") || kind.contains("token") && kind.contains('}') {
        "`{` starts a placeholder such as { $count } and needs a closing `}`; to print a brace, write {\"{\"}"
    } else if kind.contains("default variant") {
        "a plural or select list needs one default variant marked with `*`, e.g. *[other] …"
    } else {
        "a message looks like `message-id = Text`; continuation lines are indented"
    }
}

/// The line where `id = …` is defined for the `nth` time (from 1) in a Fluent file.
fn message_location(file: &str, text: &str, id: &str, nth: usize) -> Location {
    let mut offset = 0;
    let mut found = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            found += 1;
            if found == nth {
                return Location::at_offset(file, text, offset, 1);
            }
        }
        offset += line.len();
    }
    Location::file(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str, locale: &str) -> Language {
        Language {
            code: code.into(),
            locale: locale.into(),
            name: code.into(),
            contact_email: None,
        }
    }

    fn src(lang: &str, text: &str, origin: Origin) -> CatalogSource {
        CatalogSource {
            lang: lang.into(),
            file: format!("locales/{lang}/x.ftl"),
            text: text.into(),
            origin,
        }
    }

    fn catalog(sources: Vec<CatalogSource>) -> (Catalog, Vec<Diagnostic>) {
        Catalog::load(sources, &[lang("en", "en-US"), lang("ru", "ru-RU")], "en")
    }

    #[test]
    fn russian_plurals_and_numbers() {
        let ru = "machines = { $count } { $count ->\n    [one] станок\n    [few] станка\n   *[many] станков\n}\n";
        let (c, diags) = catalog(vec![
            src(
                "en",
                "machines = { $count } { $count ->\n [one] machine\n *[other] machines\n}\n",
                Origin::Site,
            ),
            src("ru", ru, Origin::Site),
        ]);
        assert!(diags.is_empty(), "{diags:?}");
        let say = |lang: &str, n: f64| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            c.format(lang, "machines", Some(&args)).unwrap().text
        };
        assert_eq!(say("ru", 1.0), "1 станок");
        assert_eq!(say("ru", 2.0), "2 станка");
        assert_eq!(say("ru", 5.0), "5 станков");
        assert_eq!(say("ru", 21.0), "21 станок");
        assert_eq!(say("ru", 1234.0), "1\u{a0}234 станка");
        assert_eq!(say("en", 1234.0), "1,234 machines");
    }

    #[test]
    fn site_overrides_theme_and_missing_falls_back_with_warning() {
        let (c, diags) = catalog(vec![
            src("en", "hello = Hello from theme\nbye = Bye\n", Origin::Theme),
            src("en", "hello = Hello from site\n", Origin::Site),
            src("ru", "hello = Привет\n", Origin::Theme),
        ]);
        assert_eq!(
            c.format("en", "hello", None).unwrap().text,
            "Hello from site"
        );
        let bye = c.format("ru", "bye", None).unwrap();
        assert_eq!(
            (bye.text.as_str(), bye.lang.as_str(), bye.fallback),
            ("Bye", "en", true)
        );
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0]
                .message
                .contains("`bye` has no ru (ru) translation"),
            "{}",
            diags[0]
        );
        assert_eq!(diags[0].location, Location::new("locales/en/x.ftl", 2, 1));
        assert!(c.format("ru", "nothing", None).is_err());
    }

    #[test]
    fn formatting_errors_are_located_warnings() {
        let (c, diags) = catalog(vec![
            src(
                "en",
                "ok = fine { $count }\nloop = a { loop }\nspec-power = Power { $x }\nunit-kw = { -missing }\n",
                Origin::Site,
            ),
            src(
                "ru",
                "ok = { $count }\nloop = б\nspec-power = Мощность\nunit-kw = кВт\n",
                Origin::Site,
            ),
        ]);
        let found: Vec<(String, usize)> = diags
            .iter()
            .map(|d| (d.message.clone(), d.location.line))
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(diags.iter().all(|d| !d.is_error() && d.hint.is_some()));
        assert!(found[0].0.contains("`loop` (en)") && found[0].0.contains("refers to itself"));
        assert_eq!(found[0].1, 2);
        assert!(found[1].0.contains("`spec-power`") && found[1].0.contains("{ $x }"));
        assert_eq!(found[1].1, 3);
        assert!(found[2].0.contains("unknown term: -missing"), "{found:?}");
        assert_eq!(found[2].1, 4);
        assert_eq!(c.format("ru", "loop", None).unwrap().text, "б");
    }

    #[test]
    fn a_message_defined_twice_names_both_lines() {
        let (_, diags) = catalog(vec![
            src("en", "a = 1\nb = 2\na = 3\n", Origin::Site),
            src("ru", "a = 1\nb = 2\n", Origin::Site),
        ]);
        let twice = diags
            .iter()
            .find(|d| d.message.contains("defined twice"))
            .expect("an error");
        assert_eq!(twice.location, Location::new("locales/en/x.ftl", 3, 1));
        assert_eq!(
            twice.hint.as_deref(),
            Some("the other definition is at locales/en/x.ftl:1:1")
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let (_, diags) = catalog(vec![src("en", "ok = fine\nbroken = { $x\n", Origin::Site)]);
        let err = diags.iter().find(|d| d.is_error()).expect("a syntax error");
        assert_eq!(err.location.file, "locales/en/x.ftl");
        assert_eq!(err.location.line, 2);
    }
}
