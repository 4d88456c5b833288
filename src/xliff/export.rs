//! `brochure translations export`: one language's strings as an XLIFF 1.2 document.

use super::units::{self, Unit};
use super::{Done, ExportOptions, XLIFF_NS};
use crate::diagnostics::{Diagnostic, Location, did_you_mean};
use crate::site::{LoadOptions, Site};
use quick_xml::escape::escape;
use std::fmt::Write as _;

/// Checks that `lang` is a language of the site other than the default one.
pub(super) fn check_language(site: &Site, lang: &str) -> Result<(), Diagnostic> {
    let codes: Vec<&str> = site.config.language_codes().collect();
    if !site.config.is_language(lang) {
        return Err(Diagnostic::error(
            Location::file(crate::config::CONFIG_FILE),
            format!("`{lang}` is not a language of this site"),
        )
        .with_optional_hint(
            did_you_mean(lang, codes.iter().copied())
                .or_else(|| Some(format!("the languages are: {}", codes.join(", ")))),
        ));
    }
    if lang == site.config.default_language {
        return Err(Diagnostic::error(
            Location::file(crate::config::CONFIG_FILE),
            format!("`{lang}` is the default language: the texts are translated from it"),
        )
        .with_hint("export one of the other languages"));
    }
    Ok(())
}

/// Writes the XLIFF file and says how many strings it holds.
pub fn export(options: &ExportOptions) -> Result<Done, Vec<Diagnostic>> {
    let loaded = Site::load(&options.root, LoadOptions::default())?;
    let site = loaded.site;
    check_language(&site, &options.lang).map_err(|d| vec![d])?;
    let all = units::collect(&site, &options.lang);
    let missing = all.iter().filter(|u| u.target.is_none()).count();
    let chosen: Vec<&Unit> = all
        .iter()
        .filter(|u| !options.missing_only || u.target.is_none())
        .collect();
    let xml = to_xliff(&site, &options.lang, &chosen);
    std::fs::write(&options.output, xml).map_err(|e| {
        vec![Diagnostic::error(
            Location::file(options.output.display().to_string()),
            format!("could not write the XLIFF file: {e}"),
        )]
    })?;
    Ok(Done {
        summary: format!(
            "Exported {} string{} for {} ({missing} not translated yet) → {}",
            chosen.len(),
            if chosen.len() == 1 { "" } else { "s" },
            options.lang,
            options.output.display()
        ),
        // The load's warnings are the missing translations this file is for.
        warnings: Vec::new(),
        written: vec![options.output.display().to_string()],
    })
}

fn locale(site: &Site, code: &str) -> String {
    site.config
        .language(code)
        .map_or(code.to_string(), |l| l.locale.clone())
}

/// The XLIFF 1.2 document: one `<file>` per source file, in the order of the units.
pub(crate) fn to_xliff(site: &Site, lang: &str, units: &[&Unit]) -> String {
    let source_language = locale(site, &site.config.default_language);
    let target_language = locale(site, lang);
    let mut files: Vec<(&str, Vec<&Unit>)> = Vec::new();
    for u in units {
        match files.iter_mut().find(|(f, _)| *f == u.original) {
            Some((_, list)) => list.push(u),
            None => files.push((&u.original, vec![u])),
        }
    }
    let mut x = String::new();
    let _ = writeln!(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(x, "<xliff version=\"1.2\" xmlns=\"{XLIFF_NS}\">");
    for (original, list) in files {
        let _ = writeln!(
            x,
            "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\">",
            escape(original),
            escape(&source_language),
            escape(&target_language)
        );
        let _ = writeln!(
            x,
            "    <header><tool tool-id=\"brochure\" tool-name=\"brochure\" tool-version=\"{}\"/></header>",
            env!("CARGO_PKG_VERSION")
        );
        let _ = writeln!(x, "    <body>");
        for u in list {
            let _ = writeln!(
                x,
                "      <trans-unit id=\"{}\" xml:space=\"preserve\">",
                escape(&u.id)
            );
            let _ = writeln!(x, "        <source>{}</source>", escape(&u.source));
            if let Some(t) = &u.target {
                let _ = writeln!(
                    x,
                    "        <target state=\"translated\">{}</target>",
                    escape(t)
                );
            }
            let _ = writeln!(x, "        <note>{}</note>", escape(&u.note));
            let _ = writeln!(x, "      </trans-unit>");
        }
        let _ = writeln!(x, "    </body>");
        let _ = writeln!(x, "  </file>");
    }
    let _ = writeln!(x, "</xliff>");
    x
}
