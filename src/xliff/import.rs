//! `brochure translations import`: translations from an XLIFF file back into the sources.
//!
//! Everything is checked and every file's new text computed in memory first; each new text is
//! parsed again and compared with what was intended (the YAML data with only the translated
//! entries changed, the Fluent file with only the translated messages changed). Only when all
//! of that succeeds are the files written, each through a temporary file and a rename.

use super::export::check_language;
use super::units::{self, Place, Unit};
use super::yaml_edit::{self, Value};
use super::{Done, ImportOptions};
use crate::diagnostics::{Diagnostic, Location, display_path};
use crate::i18n::ftl;
use crate::site::{LoadOptions, Site};
use quick_xml::events::{BytesStart, Event};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One `<trans-unit>` as read.
struct XUnit {
    id: String,
    source: Option<String>,
    target: Option<String>,
    location: Location,
}

struct Xliff {
    target_language: Option<String>,
    units: Vec<XUnit>,
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// Reads the trans-units of an XLIFF 1.2 document.
fn parse_xliff(text: &str, display: &str) -> Result<Xliff, Diagnostic> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Xliff {
        target_language: None,
        units: Vec::new(),
    };
    let at = |offset: u64| Location::at_offset(display, text, offset as usize, 1);
    // Inside <source> or <target>: which, and the text so far.
    let mut capture: Option<(bool, String)> = None;
    let mut current: Option<XUnit> = None;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            Diagnostic::error(
                at(reader.error_position()),
                format!("the XLIFF file is not valid XML: {e}"),
            )
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) if capture.is_some() => {
                let name = e.local_name().as_ref().to_string();
                return Err(Diagnostic::error(
                    at(position),
                    format!("<{name}> inside a translation: brochure reads plain text only"),
                )
                .with_hint(
                    "remove the inline tags in the translation tool and export the XLIFF again",
                ));
            }
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "file" => {
                    let lang = attr(&e, "target-language");
                    if out.target_language.is_some() && lang != out.target_language {
                        return Err(Diagnostic::error(
                            at(position),
                            "the <file> elements name different target languages",
                        )
                        .with_hint("import one language at a time"));
                    }
                    out.target_language = lang;
                }
                "trans-unit" => {
                    current = Some(XUnit {
                        id: attr(&e, "id").unwrap_or_default(),
                        source: None,
                        target: None,
                        location: at(position),
                    });
                }
                "source" | "target" if current.is_some() => {
                    let is_target = e.local_name().as_ref() == "target";
                    if matches!(reader_event_kind(&e, text, position), Kind::Empty) {
                        if let Some(u) = &mut current {
                            if is_target {
                                u.target = Some(String::new());
                            } else {
                                u.source = Some(String::new());
                            }
                        }
                    } else {
                        capture = Some((is_target, String::new()));
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, s)) = &mut capture {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some((_, s)) = &mut capture {
                    s.push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, s)) = &mut capture {
                    let c = r
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .or_else(|| entity(&r))
                        .ok_or_else(|| {
                            Diagnostic::error(at(position), format!("unknown entity `&{};`", &*r))
                        })?;
                    s.push(c);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "source" | "target" => {
                    if let (Some((is_target, s)), Some(u)) = (capture.take(), &mut current) {
                        let s = s.replace("\r\n", "\n");
                        if is_target {
                            u.target = Some(s);
                        } else {
                            u.source = Some(s);
                        }
                    }
                }
                "trans-unit" => out.units.extend(current.take()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

enum Kind {
    Empty,
    Open,
}

/// Whether the element starting at `position` is written `<x/>`.
fn reader_event_kind(_: &BytesStart<'_>, text: &str, position: u64) -> Kind {
    let rest = &text[(position as usize).min(text.len())..];
    match rest.find('>') {
        Some(i) if rest[..i].ends_with('/') => Kind::Empty,
        _ => Kind::Open,
    }
}

/// One accepted translation.
enum Change<'a> {
    Message { unit: &'a Unit, body: String },
    Field { unit: &'a Unit, value: Value },
}

/// Imports the file; on any error nothing is written.
pub fn import(options: &ImportOptions) -> Result<Done, Vec<Diagnostic>> {
    let display = options.file.display().to_string();
    let text = crate::source::read_text(&options.file, &display).map_err(|d| vec![d])?;
    let xliff = parse_xliff(&text, &display).map_err(|d| vec![d])?;
    let loaded = Site::load(&options.root, LoadOptions::default())?;
    let site = loaded.site;
    let Some(target_language) = xliff.target_language else {
        return Err(vec![Diagnostic::error(
            Location::file(&display),
            "the XLIFF file does not say which language it is in (no target-language)",
        )]);
    };
    let lang = site
        .config
        .languages
        .iter()
        .find(|l| {
            l.locale.eq_ignore_ascii_case(&target_language)
                || l.code.eq_ignore_ascii_case(&target_language)
        })
        .map_or(target_language.clone(), |l| l.code.clone());
    check_language(&site, &lang).map_err(|d| vec![d])?;
    let default = site.config.default_language.clone();
    let all = units::collect(&site, &lang);
    let by_id: HashMap<&str, &Unit> = all.iter().map(|u| (u.id.as_str(), u)).collect();

    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut seen = BTreeSet::new();
    let mut changes: Vec<Change<'_>> = Vec::new();
    let mut untranslated = 0;
    let mut unchanged = 0;
    let mut strings = 0;
    // Feature lines per product file: index → text.
    let mut features: BTreeMap<&str, (&Unit, BTreeMap<usize, String>)> = BTreeMap::new();
    for x in &xliff.units {
        if !seen.insert(x.id.as_str()) {
            errors.push(Diagnostic::error(
                x.location.clone(),
                format!("trans-unit `{}` appears twice", x.id),
            ));
            continue;
        }
        let Some(unit) = by_id.get(x.id.as_str()).copied() else {
            errors.push(
                Diagnostic::error(
                    x.location.clone(),
                    format!("unknown trans-unit `{}`: the site has no such text", x.id),
                )
                .with_hint(
                    "the item may have been renamed or removed since the export; export again",
                ),
            );
            continue;
        };
        if x.source.as_deref() != Some(unit.source.as_str()) {
            errors.push(
                Diagnostic::error(
                    x.location.clone(),
                    format!(
                        "the {default} text of `{}` changed since the export; the translation may no longer match",
                        x.id
                    ),
                )
                .with_hint(format!("the text is now: {}", unit.source)),
            );
            continue;
        }
        let Some(target) = x.target.as_ref().filter(|t| !t.trim().is_empty()) else {
            untranslated += 1;
            continue;
        };
        match &unit.place {
            Place::Message { .. } => {
                if !ftl::body_is_valid(target) {
                    errors.push(
                        Diagnostic::error(
                            x.location.clone(),
                            format!(
                                "the translation of `{}` is not a valid Fluent message",
                                x.id
                            ),
                        )
                        .with_hint(
                            "keep the { … } placeables and the [variant] lines as in the source",
                        ),
                    );
                    continue;
                }
                if unit.target.as_deref() == Some(target.as_str()) {
                    unchanged += 1;
                    continue;
                }
                strings += 1;
                changes.push(Change::Message {
                    unit,
                    body: target.clone(),
                });
            }
            Place::Field {
                file,
                item: Some((n, _)),
                ..
            } => {
                features
                    .entry(file.as_str())
                    .or_insert_with(|| (unit, BTreeMap::new()))
                    .1
                    .insert(*n, target.clone());
            }
            Place::Field { item: None, .. } => {
                if unit.target.as_deref() == Some(target.as_str()) {
                    unchanged += 1;
                    continue;
                }
                strings += 1;
                changes.push(Change::Field {
                    unit,
                    value: Value::Text(target.clone()),
                });
            }
        }
    }
    // A list is written whole: every line translated, in the XLIFF or already in the file.
    for (file, (unit, given)) in features {
        let Place::Field {
            item: Some((_, total)),
            ..
        } = &unit.place
        else {
            continue;
        };
        let product = site.products.iter().find(|p| p.file == file);
        let existing = product.and_then(|p| p.features.get(&lang));
        let list: Vec<Option<String>> = (1..=*total)
            .map(|i| {
                given
                    .get(&i)
                    .cloned()
                    .or_else(|| existing.and_then(|e| e.get(i - 1)).cloned())
            })
            .collect();
        if list.iter().any(Option::is_none) {
            let done = list.iter().filter(|l| l.is_some()).count();
            warnings.push(
                Diagnostic::warning(
                    Location::file(file),
                    format!("`features` not imported: {done} of {total} lines are translated"),
                )
                .with_hint("the list is written when every line has a translation"),
            );
            continue;
        }
        let list: Vec<String> = list.into_iter().flatten().collect();
        if existing == Some(&list) {
            unchanged += given.len();
            continue;
        }
        strings += given.len();
        changes.push(Change::Field {
            unit,
            value: Value::List(list),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let order: Vec<String> = site.config.language_codes().map(str::to_string).collect();
    let mut planned: BTreeMap<String, (String, String)> = BTreeMap::new(); // file → (old, new)
    plan_yaml(&site, &lang, &order, &changes, &mut planned, &mut errors);
    plan_fluent(&site, &default, &lang, &changes, &mut planned, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let written = write_all(&site, &planned)?;
    Ok(Done {
        summary: format!(
            "Imported {strings} translation{} into {} file{} ({untranslated} not translated yet, {unchanged} unchanged)",
            if strings == 1 { "" } else { "s" },
            written.len(),
            if written.len() == 1 { "" } else { "s" },
        ),
        warnings,
        written,
    })
}

fn plan_yaml(
    site: &Site,
    lang: &str,
    order: &[String],
    changes: &[Change<'_>],
    planned: &mut BTreeMap<String, (String, String)>,
    errors: &mut Vec<Diagnostic>,
) {
    let mut by_file: BTreeMap<&str, Vec<(&Unit, &Value)>> = BTreeMap::new();
    for c in changes {
        if let Change::Field { unit, value } = c
            && let Place::Field { file, .. } = &unit.place
        {
            by_file
                .entry(file.as_str())
                .or_default()
                .push((unit, value));
        }
    }
    for (file, mut edits) in by_file {
        let path = site.root.join(file);
        let old = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(Diagnostic::error(
                    Location::file(file),
                    format!("cannot read the file: {e}"),
                ));
                continue;
            }
        };
        // Bottom-up, so an edit never moves the place of one still to come.
        edits.sort_by_key(|(u, _)| match &u.place {
            Place::Field { map, .. } => std::cmp::Reverse((map.line, map.column)),
            Place::Message { .. } => std::cmp::Reverse((0, 0)),
        });
        let mut new = old.clone();
        let mut expected: serde_json::Value = match serde_saphyr::from_str(&old) {
            Ok(v) => v,
            Err(e) => {
                errors.push(Diagnostic::error(
                    Location::file(file),
                    format!("YAML: {e}"),
                ));
                continue;
            }
        };
        let mut failed = false;
        for (unit, value) in &edits {
            let Place::Field { map, field, .. } = &unit.place else {
                continue;
            };
            match yaml_edit::set_entry(&new, map.line, map.column, lang, order, value) {
                Ok(t) => new = t,
                Err(why) => {
                    errors.push(
                        Diagnostic::error(
                            map.clone(),
                            format!("cannot write `{field}` automatically: {why}"),
                        )
                        .with_hint(format!("add the {lang} text to this file by hand")),
                    );
                    failed = true;
                    continue;
                }
            }
            set_expected(&mut expected, &unit.id, field, lang, value);
        }
        if failed {
            continue;
        }
        let reread: Result<serde_json::Value, _> = serde_saphyr::from_str(&new);
        if reread.ok().as_ref() != Some(&expected) {
            errors.push(
                Diagnostic::error(
                    Location::file(file),
                    "the file could not be updated without changing other data",
                )
                .with_hint("nothing was written; add these translations by hand"),
            );
            continue;
        }
        planned.insert(file.to_string(), (old, new));
    }
}

/// Applies a change to the parsed data, for comparison with the edited file.
fn set_expected(data: &mut serde_json::Value, id: &str, field: &str, lang: &str, value: &Value) {
    let json = match value {
        Value::Text(t) => serde_json::Value::from(t.as_str()),
        Value::List(l) => serde_json::Value::from(l.clone()),
    };
    let target = if let Some(rest) = id.strip_prefix("category:") {
        let cat = rest.split(':').next().unwrap_or("");
        data.as_array_mut().and_then(|list| {
            list.iter_mut()
                .find(|c| c.get("id").and_then(|i| i.as_str()) == Some(cat))
        })
    } else {
        Some(data)
    };
    if let Some(map) = target
        .and_then(|t| t.get_mut(field))
        .and_then(|f| f.as_object_mut())
    {
        map.insert(lang.to_string(), json);
    }
}

fn plan_fluent(
    site: &Site,
    default: &str,
    lang: &str,
    changes: &[Change<'_>],
    planned: &mut BTreeMap<String, (String, String)>,
    errors: &mut Vec<Diagnostic>,
) {
    // file → (id, body) to write there.
    let mut by_file: BTreeMap<String, Vec<(&str, &str)>> = BTreeMap::new();
    for c in changes {
        if let Change::Message { unit, body } = c
            && let Place::Message {
                id,
                default_file,
                existing,
            } = &unit.place
        {
            let file = match existing {
                Some(f) if !f.starts_with("(built-in theme)") => f.clone(),
                _ => ftl::translation_file(default_file, default, lang),
            };
            by_file
                .entry(file)
                .or_default()
                .push((id.as_str(), body.as_str()));
        }
    }
    for (file, messages) in by_file {
        let path = site.root.join(&file);
        let old = if path.exists() {
            match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(Diagnostic::error(
                        Location::file(&file),
                        format!("cannot read the file: {e}"),
                    ));
                    continue;
                }
            }
        } else {
            String::new()
        };
        let parsed = ftl::parse(&old);
        let mut new = old.clone();
        let mut replaced: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        let mut appended = String::new();
        for (id, body) in &messages {
            let text = ftl::format_message(id, body);
            match parsed.message(id) {
                Some(m) => replaced.push((m.span.clone(), text)),
                None => {
                    appended.push_str(&text);
                    appended.push('\n');
                }
            }
        }
        replaced.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        for (range, text) in replaced {
            new.replace_range(range, &text);
        }
        if !appended.is_empty() {
            if new.is_empty() {
                new.push_str("# Translations written by `brochure translations import`.\n\n");
            } else if !new.ends_with('\n') {
                new.push('\n');
            }
            new.push_str(&appended);
        }
        // The result must hold exactly the old messages plus the new texts.
        let reread = ftl::parse(&new);
        let mut ok = reread.junk == parsed.junk;
        for m in &parsed.messages {
            let now = reread.message(&m.id).map(|r| r.body.as_str());
            let want = messages
                .iter()
                .find(|(id, _)| *id == m.id)
                .map_or(m.body.as_str(), |(_, b)| *b);
            ok &= now == Some(want);
        }
        for (id, body) in &messages {
            ok &= reread.message(id).map(|r| r.body.as_str()) == Some(*body);
        }
        if !ok {
            errors.push(
                Diagnostic::error(
                    Location::file(&file),
                    "the file could not be updated without changing other messages",
                )
                .with_hint("nothing was written; add these translations by hand"),
            );
            continue;
        }
        planned.insert(file, (old, new));
    }
}

/// Writes every planned file: all into temporary files first, then renamed into place.
fn write_all(
    site: &Site,
    planned: &BTreeMap<String, (String, String)>,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut temps = Vec::new();
    let fail = |file: &str, e: std::io::Error| {
        vec![Diagnostic::error(
            Location::file(file),
            format!("could not write: {e}"),
        )]
    };
    for (file, (old, new)) in planned {
        if old == new {
            continue;
        }
        let path = site.root.join(file);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail(file, e))?;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = path.with_file_name(format!(".{name}.brochure-import"));
        if let Err(e) = std::fs::write(&temp, new) {
            for (t, _) in &temps {
                let _ = std::fs::remove_file(t);
            }
            let _ = std::fs::remove_file(&temp);
            return Err(fail(file, e));
        }
        temps.push((temp, path));
    }
    let mut written = Vec::new();
    for (temp, path) in temps {
        std::fs::rename(&temp, &path).map_err(|e| fail(&path.display().to_string(), e))?;
        written.push(display_path(&site.root, &path));
    }
    Ok(written)
}
