//! Print-ready PDFs: brochures for the print shop and datasheets for visitors.
//!
//! The theme's `print/` templates are Tera templates that write Typst markup; Typst, embedded
//! in-process, typesets them with the theme's own fonts, so the same sources give the same
//! PDF on every machine. Every value a template inserts is escaped for Typst by the print Tera
//! environment's autoescape function ([`escape::escape_markup`]): content is shown, never run.

pub mod escape;
pub mod pdfx;
mod world;

use crate::cache::{Cache, Key, KeyBuilder};
use crate::config::{BrochureConfig, PdfStandard};
use crate::diagnostics::{Diagnostic, Location};
use crate::plan::Route;
use crate::render::context;
use crate::site::Site;
use crate::theme::TemplateSource;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use tera::{Kwargs, State, Tera};
use typst::foundations::{Bytes, Datetime};
use typst::layout::{Frame, FrameItem};
use typst::text::FontInfo;
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use world::{Files, PrintWorld, Shared};

/// One PDF to make.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PrintJob {
    /// `brochures/<id>.<lang>.pdf`; `index` into `config.brochures`.
    Brochure { index: usize, lang: String },
    /// `<lang>/products/<id>/<id>-<lang>.pdf`.
    Datasheet { id: String, lang: String },
}

impl PrintJob {
    pub fn output_file(&self, site: &Site) -> String {
        match self {
            PrintJob::Brochure { index, lang } => {
                let id = site
                    .config
                    .brochures
                    .get(*index)
                    .map_or("catalog", |b| b.id.as_str());
                format!("brochures/{id}.{lang}.pdf")
            }
            PrintJob::Datasheet { id, lang } => format!("{lang}/products/{id}/{id}-{lang}.pdf"),
        }
    }

    pub fn lang(&self) -> &str {
        match self {
            PrintJob::Brochure { lang, .. } | PrintJob::Datasheet { lang, .. } => lang,
        }
    }
}

/// Every PDF of the site: each brochure and each product datasheet, in every language.
pub fn jobs(site: &Site) -> Vec<PrintJob> {
    let mut jobs = Vec::new();
    for lang in site.config.language_codes() {
        for index in 0..site.config.brochures.len() {
            jobs.push(PrintJob::Brochure {
                index,
                lang: lang.to_string(),
            });
        }
        for p in &site.products {
            jobs.push(PrintJob::Datasheet {
                id: p.id.clone(),
                lang: lang.to_string(),
            });
        }
    }
    jobs
}

/// A finished PDF.
pub struct Pdf {
    pub job: PrintJob,
    pub path: String,
    pub bytes: Vec<u8>,
    pub warnings: Vec<Diagnostic>,
    /// Taken from the build cache rather than typeset.
    pub from_cache: bool,
}

/// The build-cache kind of PDF entries.
const CACHE_KIND: &str = "pdf";

/// How many later documents a memoized Typst result survives without being used.
const EVICT_AFTER_DOCUMENTS: usize = 4;

/// A document ready to typeset; see [`Printer::prepare`].
struct Prepared {
    template: &'static str,
    source: String,
    /// Virtual path → bytes and their content hash.
    files: BTreeMap<String, (Bytes, Key)>,
    /// Virtual path of a QR code's modules (JSON) → the URL it encodes.
    qr_codes: BTreeMap<String, String>,
    /// `None` for datasheets (plain PDF for download).
    pdf_standard: Option<PdfStandard>,
    /// The brochure's bleed, for the PDF/X BleedBox.
    bleed_mm: f64,
    /// Warnings found before typesetting (glyphs no font has): not part of the cached entry.
    warnings: Vec<Diagnostic>,
}

/// A cache entry: the typesetting warnings as JSON, then the PDF.
fn encode_entry(pdf: &[u8], warnings: &[Diagnostic]) -> Vec<u8> {
    let json = serde_json::to_vec(warnings).unwrap_or_else(|_| b"[]".to_vec());
    let mut out = Vec::with_capacity(8 + json.len() + pdf.len());
    out.extend_from_slice(&(json.len() as u64).to_le_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(pdf);
    out
}

fn decode_entry(payload: &[u8]) -> Option<(Vec<u8>, Vec<Diagnostic>)> {
    let (len, rest) = payload.split_at_checked(8)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    let (json, pdf) = rest.split_at_checked(len)?;
    let warnings = serde_json::from_slice(json).ok()?;
    Some((pdf.to_vec(), warnings))
}

/// Raster images printed below this resolution look soft on paper.
pub const MIN_DPI: f64 = 300.0;

/// Makes PDFs for one site; built once per build, used from many threads.
pub struct Printer {
    site: Arc<Site>,
    tera: Tera,
    shared: Shared,
    fonts: Vec<FontInfo>,
    static_cache: Mutex<HashMap<String, (Bytes, Key)>>,
    /// Content hash of every font the documents may use.
    fonts_key: Key,
    /// Characters already looked up in the fonts: whether one can print them.
    printable: std::sync::RwLock<HashMap<char, bool>>,
    today: Option<Datetime>,
    /// `[print.colors]`, parsed once: the vector colours PDF/X brochures print in CMYK.
    colors: Vec<([u8; 3], [f32; 4])>,
}

impl Printer {
    pub fn new(site: Arc<Site>) -> Result<Printer, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut tera = Tera::new();
        tera.autoescape_on([".typ"]);
        tera.set_escape_fn(escape::tera_escape);
        crate::render::register_functions(&mut tera, &site, false);
        tera.register_filter("typ_str", |value: String, _: Kwargs, _: &State| {
            tera::Value::safe_string(&escape::string_literal(&value))
        });
        for (name, source) in &site.theme.print_templates {
            let mut scratch = Tera::new();
            if let Err(e) = scratch.add_raw_template(name, &source.text)
                && matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
            {
                errors.push(crate::render::template_error(
                    &site.theme.print_templates,
                    &e,
                    name,
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Err(e) = tera.add_raw_templates(
            site.theme
                .print_templates
                .iter()
                .map(|(n, s)| (n.as_str(), s.text.as_str())),
        ) {
            return Err(vec![crate::render::template_error(
                &site.theme.print_templates,
                &e,
                "",
            )]);
        }
        for name in ["brochure.typ", "datasheet.typ"] {
            if !site.theme.print_templates.contains_key(name) {
                errors.push(
                    Diagnostic::error(
                        Location::file(format!("themes/{}/print/{name}", site.theme.name)),
                        format!("the theme has no print template `{name}`"),
                    )
                    .with_hint("add it to the theme's print/ folder or the site's print/ folder"),
                );
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut store = FontStore::new();
        let mut fonts = Vec::new();
        // Fonts built into the binary are covered by the tool's own id in every key; a site's
        // font files by their content.
        let mut fonts_key = KeyBuilder::new("fonts");
        for (name, source) in &site.theme.fonts {
            let data = match source {
                // Built into the binary: shared, not copied.
                crate::theme::FileSource::Embedded(bytes) => Ok(Bytes::new(*bytes)),
                crate::theme::FileSource::Disk(_) => source.read().map(Bytes::new),
            };
            let data = match data {
                Ok(d) => d,
                Err(e) => {
                    errors.push(Diagnostic::error(
                        Location::file(name),
                        format!("cannot read font: {e}"),
                    ));
                    continue;
                }
            };
            fonts_key.str("font", name);
            if let crate::theme::FileSource::Disk(_) = source {
                fonts_key.key("bytes", &crate::cache::hash_bytes(&data));
            }
            let mut any = false;
            for font in typst::text::Font::iter(data) {
                let info = font.info().clone();
                fonts.push(info.clone());
                store.push((font, info));
                any = true;
            }
            if !any {
                errors.push(Diagnostic::error(
                    Location::file(name),
                    "not a font file Typst can read",
                ));
            }
        }
        // No system fonts: a character the theme's and the site's fonts lack would otherwise
        // come from whatever the build machine has installed, and the same sources would
        // print differently on another machine. It is a warning instead (`glyph_warnings`).
        if !errors.is_empty() {
            return Err(errors);
        }
        let today = pdf_date(&site);
        let colors = site.config.print.color_map();
        Ok(Printer {
            site,
            tera,
            shared: Shared::new(store),
            fonts,
            static_cache: Mutex::new(HashMap::new()),
            fonts_key: fonts_key.finish(),
            printable: std::sync::RwLock::new(HashMap::new()),
            today,
            colors,
        })
    }

    /// The print template's path as messages show it: the site's own copy when it has one.
    fn template_display(&self, template: &str) -> String {
        self.site
            .theme
            .print_templates
            .get(template)
            .map_or_else(|| template.to_string(), |t| t.display.clone())
    }

    /// Low-resolution warnings at the place that names the picture (the product's `image:`
    /// line, or the static file for the theme's cover), one per picture and document with its
    /// worst placement. The message does not name the PDF, so the build shows each picture
    /// once however many documents print it.
    fn resolution_warnings(&self, mut low: Vec<LowResolution>) -> Vec<Diagnostic> {
        let site = &*self.site;
        low.sort_by(|a, b| a.path.cmp(&b.path).then(a.dpi.total_cmp(&b.dpi)));
        low.dedup_by(|later, first| later.path == first.path);
        low.into_iter()
            .map(|l| {
                let (rel, copy) = match crate::images::print_copy_source(&l.path) {
                    Some(rel) => (rel, true),
                    None => (l.path.trim_start_matches("/static/"), false),
                };
                let location = site
                    .products
                    .iter()
                    .flat_map(|p| p.images.iter())
                    .find(|i| crate::site::static_key(&i.src) == rel)
                    .map(|i| i.location.clone())
                    .unwrap_or_else(|| Location::file(format!("static/{rel}")));
                let needed = (l.mm / 25.4 * MIN_DPI).ceil();
                Diagnostic::warning(
                    location,
                    format!(
                        "`{rel}` ({}×{} px) is too small for print: below {MIN_DPI:.0} dpi where it is printed",
                        l.pixels.0, l.pixels.1
                    ),
                )
                .with_hint(match site.probe(rel) {
                    // The photo has the pixels; the print copy was made smaller than where
                    // the theme prints it.
                    Ok(p) if copy && p.width.max(p.height) > l.pixels.0.max(l.pixels.1) => format!(
                        "the theme prints it {:.0} mm wide, larger than `[images] print_size_mm` \
                         ({} mm) in brochure.toml: raise that setting",
                        l.mm, site.config.images.print_size_mm
                    ),
                    _ => format!(
                        "use a picture at least {needed:.0} px wide (it is printed up to {:.0} mm wide), or an SVG drawing",
                        l.mm
                    ),
                })
            })
            .collect()
    }

    /// The model this printer prints from.
    pub fn site_arc(&self) -> &Arc<Site> {
        &self.site
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    /// Makes one PDF, or takes it from `cache` when nothing it reads has changed. Pure:
    /// depends only on the site and the job.
    pub fn print(&self, job: &PrintJob, cache: &Cache) -> Result<Pdf, Vec<Diagnostic>> {
        let prepared = self.prepare(job, cache)?;
        let key = self.cache_key(job, &prepared);
        let path = job.output_file(&self.site);
        if let Some(payload) = cache.get(CACHE_KIND, &key)
            && let Some((bytes, typeset_warnings)) = decode_entry(&payload)
        {
            let mut warnings = prepared.warnings;
            warnings.extend(typeset_warnings);
            return Ok(Pdf {
                path,
                job: job.clone(),
                bytes,
                warnings,
                from_cache: true,
            });
        }
        // Typst has bugs that panic on some layouts (0.15.1: optimized line breaking of
        // certain Russian paragraphs); one document must not take the build down with a
        // crash: it fails with a message, and the last good site stays.
        let typeset = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.typeset(job, &prepared)
        }));
        let (bytes, typeset_warnings) = match typeset {
            Ok(result) => result?,
            Err(panic) => {
                let site = &*self.site;
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                return Err(vec![
                    Diagnostic::error(
                        Location::file(self.template_display(prepared.template)),
                        format!(
                            "Typst stopped with an internal error while typesetting {}: {what}",
                            job.output_file(site)
                        ),
                    )
                    .with_hint("a bug in Typst, not in your files; a different layout setting in the print template usually avoids it (e.g. `linebreaks: auto`)"),
                ]);
            }
        };
        cache.put(CACHE_KIND, &key, &encode_entry(&bytes, &typeset_warnings));
        let mut warnings = prepared.warnings;
        warnings.extend(typeset_warnings);
        Ok(Pdf {
            path,
            job: job.clone(),
            bytes,
            warnings,
            from_cache: false,
        })
    }

    /// Everything a document is made from: the Typst source the print template wrote (which
    /// holds every product text, message and setting it used) and the files it may read.
    fn prepare(&self, job: &PrintJob, cache: &Cache) -> Result<Prepared, Vec<Diagnostic>> {
        use crate::depend::{Input, read};
        read(|| Input::Config);
        read(|| Input::Print);
        // The date on covers and in the PDF's metadata comes from the news.
        read(|| Input::NewsOrder);
        let site = &*self.site;
        let lang = job.lang();
        let (template, ctx, config, products) = match job {
            PrintJob::Brochure { index, .. } => {
                let Some(config) = site.config.brochures.get(*index) else {
                    return Err(vec![Diagnostic::error(
                        Location::file(crate::config::CONFIG_FILE),
                        "no such brochure",
                    )]);
                };
                let (ctx, products) = self.brochure_context(config, lang);
                ("brochure.typ", ctx, Some(config), products)
            }
            PrintJob::Datasheet { id, .. } => {
                let (ctx, products) = self.datasheet_context(id, lang);
                ("datasheet.typ", ctx, None, products)
            }
        };
        let warnings = self.glyph_warnings(&products, lang);
        let tera_ctx = tera::Context::from_serialize(&ctx)
            .map_err(|e| vec![Diagnostic::error(Location::file(template), e.to_string())])?;
        let display = site
            .theme
            .print_templates
            .get(template)
            .map_or_else(|| format!("print/{template}"), |t| t.display.clone());
        let source = crate::render::render_bounded(
            &self.tera,
            template,
            &tera_ctx,
            &job.output_file(site),
            &display,
        )
        .map_err(|e| {
            vec![crate::render::template_error(
                &site.theme.print_templates,
                &e,
                template,
            )]
        })?;
        let mut files: BTreeMap<String, (Bytes, Key)> = BTreeMap::new();
        let mut qr_codes = BTreeMap::new();
        for id in &products {
            if let Some(p) = site.product(id) {
                // The QR code is a pure function of its URL: the key needs only the URL, and
                // the code is made only when the document is typeset, not on a cache hit.
                let url = qr_url(site, p.id.as_str(), lang, job, config);
                qr_codes.insert(format!("/qr/{}.json", p.id), url);
                if let Some(picture) = p.images.first() {
                    let rel = crate::site::static_key(&picture.src);
                    match site.probe(rel) {
                        // Photos: the print copy (at most 300 ppi where printed), made by the
                        // image stage and kept in the build cache.
                        Ok(probe) if probe.format.is_photo() => {
                            crate::depend::read(|| {
                                crate::depend::Input::AssetBytes(rel.to_string())
                            });
                            let (bytes, key) = crate::images::print_copy(
                                site,
                                rel,
                                &probe,
                                &picture.location,
                                cache,
                            )
                            .map_err(|d| vec![d])?;
                            files.insert(
                                crate::images::print_copy_path(rel),
                                (Bytes::new(bytes), key),
                            );
                        }
                        _ => {
                            if let Some(file) = self.static_file(rel) {
                                files.insert(format!("/static/{rel}"), file);
                            }
                        }
                    }
                }
            }
        }
        for extra in ["images/logo.svg", "images/hero.svg"] {
            if let Some(file) = self.static_file(extra) {
                files.insert(format!("/static/{extra}"), file);
            }
        }
        Ok(Prepared {
            template,
            source,
            files,
            qr_codes,
            pdf_standard: config.map(|c| c.pdf_standard),
            bleed_mm: config.map_or(0.0, |c| c.bleed_mm),
            warnings,
        })
    }

    /// The cache key of a document: everything [`Printer::typeset`] reads.
    fn cache_key(&self, job: &PrintJob, prepared: &Prepared) -> Key {
        let mut key = KeyBuilder::new(CACHE_KIND);
        key.str("ident", &job.output_file(&self.site))
            .str("template", prepared.template)
            .str("source", &prepared.source)
            .key("fonts", &self.fonts_key)
            .str("today", &format!("{:?}", self.today))
            .str("standard", &format!("{:?}", prepared.pdf_standard))
            .str("bleed", &prepared.bleed_mm.to_string())
            .str("colors", &format!("{:?}", self.colors));
        for (path, (_, digest)) in &prepared.files {
            key.str("file", path).key("bytes", digest);
        }
        for (path, url) in &prepared.qr_codes {
            key.str("qr", path).str("url", url);
        }
        key.finish()
    }

    /// Compiles and exports one document. The slow part of a build: seconds for a long
    /// brochure, tens of milliseconds for a datasheet.
    fn typeset(
        &self,
        job: &PrintJob,
        prepared: &Prepared,
    ) -> Result<(Vec<u8>, Vec<Diagnostic>), Vec<Diagnostic>> {
        let site = &*self.site;
        let template = prepared.template;
        let files: Files = prepared
            .files
            .iter()
            .map(|(path, (bytes, _))| (path.clone(), bytes.clone()))
            .chain(
                prepared
                    .qr_codes
                    .iter()
                    .map(|(path, url)| (path.clone(), qr_modules(url))),
            )
            .collect();
        let world = PrintWorld::new(
            &self.shared,
            prepared.source.clone(),
            Arc::new(files),
            self.today,
        )
        .ok_or_else(|| {
            vec![Diagnostic::error(
                Location::file(template),
                "internal: bad virtual path",
            )]
        })?;
        let warned = typst::compile::<PagedDocument>(&world);
        // Typst memoizes layout across documents; without eviction a build of thousands of
        // datasheets keeps every one's intermediate results alive (gigabytes). Entries unused
        // for a few documents go.
        typst::comemo::evict(EVICT_AFTER_DOCUMENTS);
        let template_display = self.template_display(template);
        let mut warnings = Vec::new();
        for w in &warned.warnings {
            let d = typst_diagnostic(
                &world,
                &site.theme.print_templates,
                template,
                &template_display,
                w,
            );
            // Font fallback chatter is covered by our own glyph check, which names the product.
            if !d.message.contains("unknown font family") {
                warnings.push(Diagnostic {
                    severity: crate::diagnostics::Severity::Warning,
                    ..d
                });
            }
        }
        let document = warned.output.map_err(|errors| {
            errors
                .iter()
                .map(|e| {
                    typst_diagnostic(
                        &world,
                        &site.theme.print_templates,
                        template,
                        &template_display,
                        e,
                    )
                })
                .collect::<Vec<_>>()
        })?;
        let mut low = Vec::new();
        for page in document.pages() {
            low_resolution_images(&page.frame, &prepared.files, &mut low);
        }
        warnings.extend(self.resolution_warnings(low));
        let standards = match prepared.pdf_standard {
            Some(PdfStandard::A2b) => typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_2b]),
            // PDF/X-4 is built on PDF 1.6: Typst keeps to it, pdfx adds the rest.
            Some(PdfStandard::X4) => typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::V_1_6]),
            Some(PdfStandard::Plain) | None => Ok(typst_pdf::PdfStandards::default()),
        }
        .map_err(|e| {
            vec![Diagnostic::error(
                Location::file(crate::config::CONFIG_FILE),
                format!("pdf_standard: {e:?}"),
            )]
        })?;
        let options = typst_pdf::PdfOptions {
            ident: typst::foundations::Smart::Custom(job.output_file(site)),
            timestamp: self.today.map(typst_pdf::Timestamp::new_utc),
            standards,
            ..typst_pdf::PdfOptions::default()
        };
        let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| {
            errors
                .iter()
                .map(|e| {
                    let mut d = typst_diagnostic(&world, &site.theme.print_templates, template, &template_display, e);
                    if prepared.pdf_standard == Some(PdfStandard::A2b) {
                        d.hint = Some(
                            "PDF/A-2b allows only RGB colours here: the print theme switches to RGB when `rgb_only` is true; check custom templates for cmyk(…)".into(),
                        );
                    }
                    d
                })
                .collect::<Vec<_>>()
        })?;
        let bytes = if prepared.pdf_standard == Some(PdfStandard::X4) {
            pdfx::make_x4(&bytes, prepared.bleed_mm * 72.0 / 25.4, &self.colors).map_err(|e| {
                vec![
                    Diagnostic::error(
                        Location::file(job.output_file(site)),
                        format!("cannot make the PDF a PDF/X-4 file: {e}"),
                    )
                    .with_hint("this is a bug in brochure; `pdf_standard = \"none\"` in the brochure's entry writes a plain PDF meanwhile"),
                ]
            })?
        } else {
            bytes
        };
        Ok((bytes, warnings))
    }

    /// A static file for the document's world, with its content hash (both computed once
    /// per build, however many documents place the file).
    fn static_file(&self, rel: &str) -> Option<(Bytes, Key)> {
        crate::depend::read(|| crate::depend::Input::AssetBytes(rel.to_string()));
        if let Ok(cache) = self.static_cache.lock()
            && let Some(b) = cache.get(rel)
        {
            return Some(b.clone());
        }
        let data = self.site.theme.static_files.get(rel)?.read().ok()?;
        let digest = crate::cache::hash_bytes(&data);
        let file = (Bytes::new(data), digest);
        if let Ok(mut cache) = self.static_cache.lock() {
            cache.insert(rel.to_string(), file.clone());
        }
        Some(file)
    }

    fn base_context(&self, lang: &str) -> Value {
        let site = &*self.site;
        let mut ctx = Value::Object(context::common(
            site,
            &Route::Home {
                lang: lang.to_string(),
            },
        ));
        if let Some(map) = ctx.as_object_mut() {
            // The fixed 2000-01-01 of a site without news keeps PDFs reproducible, but is not
            // a date to print on a cover.
            let date = self
                .today
                .filter(|_| date_is_known(site))
                .and_then(|t| Some((t.year()?, t.month()?, t.day()?)))
                .and_then(|(y, m, d)| site.formats(lang).map(|f| f.dates.format(y, m, d)))
                .unwrap_or_default();
            map.insert("date_display".into(), Value::from(date));
            let (text_lang, region) = typst_language(
                site.config
                    .language(lang)
                    .map_or(lang, |l| l.locale.as_str()),
            );
            map.insert("text_lang".into(), Value::from(text_lang));
            map.insert("region".into(), Value::from(region));
            // Optional site images the print theme may place: `none` when the site has none.
            for (key, rel) in [("logo", "images/logo.svg"), ("hero", "images/hero.svg")] {
                crate::depend::read(|| crate::depend::Input::AssetExists(rel.to_string()));
                let value = if site.theme.static_files.contains_key(rel) {
                    Value::from(format!("/static/{rel}"))
                } else {
                    Value::Null
                };
                map.insert(key.into(), value);
            }
        }
        ctx
    }

    fn print_product(&self, id: &str, lang: &str) -> Value {
        let site = &*self.site;
        let mut value = site
            .product(id)
            .map(|p| context::product_value(site, p, lang, &context::Extras::default()))
            .unwrap_or(Value::Null);
        if let (Some(map), Some(p)) = (value.as_object_mut(), site.product(id)) {
            map.insert("qr".into(), Value::from(format!("/qr/{id}.json")));
            // A photo's print copy is a JPEG on white paper (transparency flattened): the
            // theme frames photos on white, drawings on its grey.
            let (image, photo) = p.images.first().map_or((Value::Null, false), |i| {
                let rel = crate::site::static_key(&i.src);
                match site.probe(rel) {
                    Ok(probe) if probe.format.is_photo() => {
                        (Value::from(crate::images::print_copy_path(rel)), true)
                    }
                    _ => (Value::from(format!("/static/{rel}")), false),
                }
            });
            map.insert("print_image".into(), image);
            map.insert("print_image_is_photo".into(), Value::from(photo));
            let description = p
                .description
                .resolve(lang, &site.config.default_language)
                .map(|r| escape::markdown_to_typst(r.value))
                .unwrap_or_default();
            map.insert("description_typ".into(), Value::from(description));
        }
        value
    }

    fn brochure_context(&self, config: &BrochureConfig, lang: &str) -> (Value, Vec<String>) {
        let site = &*self.site;
        let mut ctx = self.base_context(lang);
        let selected: Vec<&crate::content::Category> = if config.categories.is_empty() {
            site.categories.iter().collect()
        } else {
            config
                .categories
                .iter()
                .filter_map(|id| site.category(id))
                .collect()
        };
        let mut product_ids = Vec::new();
        let categories: Vec<Value> = selected
            .iter()
            .map(|c| {
                let mut card = context::category_value(site, c, lang);
                let products: Vec<Value> = site
                    .products_in(&c.id)
                    .map(|p| {
                        product_ids.push(p.id.clone());
                        self.print_product(&p.id, lang)
                    })
                    .collect();
                if let Some(m) = card.as_object_mut() {
                    m.insert("products".into(), Value::Array(products));
                }
                card
            })
            .collect();
        crate::depend::read(|| crate::depend::Input::Message(config.title.clone()));
        let title = site
            .catalog
            .format(lang, &config.title, None)
            .map(|f| f.text)
            .unwrap_or_else(|_| config.title.clone());
        if let Some(map) = ctx.as_object_mut() {
            map.insert(
                "brochure".into(),
                json!({
                    "id": config.id,
                    "title": title,
                    "paper": config.paper.typst_name(),
                    "bleed_mm": config.bleed_mm,
                    "crop_marks": config.crop_marks,
                    "binding": config.binding.name(),
                    "openers_on_right": config.openers_on_right,
                    "rgb_only": config.pdf_standard == PdfStandard::A2b,
                }),
            );
            map.insert("categories".into(), Value::Array(categories));
        }
        (ctx, product_ids)
    }

    fn datasheet_context(&self, id: &str, lang: &str) -> (Value, Vec<String>) {
        let mut ctx = self.base_context(lang);
        if let Some(map) = ctx.as_object_mut() {
            map.insert("product".into(), self.print_product(id, lang));
            map.insert(
                "datasheet".into(),
                json!({
                    "paper": self.site.config.datasheets.paper.typst_name(),
                    "bleed_mm": 0,
                    "crop_marks": false,
                    "rgb_only": false,
                }),
            );
        }
        (ctx, vec![id.to_string()])
    }

    /// Whether some font has a glyph for `c`. Coverage lookups are linear in a font's ranges
    /// (thousands for a CJK font) and every document asks about the same few thousand
    /// characters: each is looked up once per build.
    fn printable(&self, c: char) -> bool {
        if let Ok(known) = self.printable.read()
            && let Some(&answer) = known.get(&c)
        {
            return answer;
        }
        let answer = self.fonts.iter().any(|f| f.coverage.contains(c as u32));
        if let Ok(mut known) = self.printable.write() {
            known.insert(c, answer);
        }
        answer
    }

    /// Characters of a product's texts that no font of the theme or the site can show: a
    /// warning at the first place that writes one (file, line and column of the text), naming
    /// the characters, instead of silent boxes ("tofu") on paper.
    fn glyph_warnings(&self, products: &[String], lang: &str) -> Vec<Diagnostic> {
        let site = &*self.site;
        let default = &site.config.default_language;
        // Each product's texts in this language, each with where it is written.
        let texts: Vec<(&crate::content::Product, Vec<(String, Location)>)> = products
            .iter()
            .filter_map(|id| site.product(id))
            .map(|p| {
                let mut parts = Vec::new();
                for field in [&p.name, &p.summary, &p.description] {
                    if let Some(r) = field.resolve(lang, default) {
                        parts.push((r.value.clone(), field.start(r.lang).clone()));
                    }
                }
                if let Some(r) = p.features.resolve(lang, default) {
                    parts.push((r.value.join("\n"), p.features.start(r.lang).clone()));
                }
                for s in &p.specs {
                    if let crate::content::SpecValue::Text(t) = &s.value {
                        parts.push((t.clone(), s.location.clone()));
                    }
                }
                (p, parts)
            })
            .collect();
        // Font coverage lookups are linear in the number of ranges (thousands for a CJK
        // font): ask once per distinct character, not once per occurrence.
        let distinct: BTreeSet<char> = texts
            .iter()
            .flat_map(|(_, parts)| parts.iter().flat_map(|(t, _)| t.chars()))
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        let unprintable: BTreeSet<char> = distinct
            .into_iter()
            .filter(|c| !self.printable(*c))
            .collect();
        if unprintable.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (p, parts) in &texts {
            let mut missing = BTreeSet::new();
            let mut first: Option<Location> = None;
            for (text, start) in parts {
                for (line_index, line) in text.split('\n').enumerate() {
                    for (column, c) in line.chars().enumerate() {
                        if unprintable.contains(&c) {
                            missing.insert(c);
                            // A block scalar's lines follow its first line; a one-line text
                            // starts at its column.
                            first.get_or_insert_with(|| {
                                let mut at = start.clone();
                                if line_index == 0 {
                                    at.column += column;
                                } else {
                                    at.line += line_index;
                                    at.column = column + 1;
                                }
                                at
                            });
                        }
                    }
                }
            }
            if let Some(at) = first {
                let chars: String = missing
                    .iter()
                    .map(|c| format!("{c} (U+{:04X}) ", *c as u32))
                    .collect();
                out.push(
                    Diagnostic::warning(
                        at,
                        format!(
                            "product `{}` ({lang}): no font of the theme or the site can print {}",
                            p.id,
                            chars.trim_end()
                        ),
                    )
                    .with_hint(
                        "put a font that has these characters into the site's fonts/ folder (system fonts are not used, so every machine prints the same)",
                    ),
                );
            }
        }
        out
    }
}

/// Whether [`pdf_date`] is a real date (from `SOURCE_DATE_EPOCH` or a news article) rather
/// than the fixed fallback.
fn date_is_known(site: &Site) -> bool {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .is_some_and(|s| s.trim().parse::<i64>().is_ok())
        || site.news.iter().any(|a| {
            site.translation(a, &site.config.default_language)
                .date
                .is_some()
        })
}

/// The date written into PDFs: `SOURCE_DATE_EPOCH` when set (reproducible-builds convention),
/// else the date of the newest news article — never the clock, so two builds are
/// byte-identical.
fn pdf_date(site: &Site) -> Option<Datetime> {
    if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
    {
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let rem = secs.rem_euclid(86_400);
        return Datetime::from_ymd_hms(
            y,
            m,
            d,
            (rem / 3600) as u8,
            ((rem % 3600) / 60) as u8,
            (rem % 60) as u8,
        );
    }
    let newest = site
        .news
        .iter()
        .filter_map(|a| site.translation(a, &site.config.default_language).date)
        .max();
    newest
        .and_then(|d| Datetime::from_ymd_hms(d.year, d.month, d.day, 0, 0, 0))
        .or_else(|| Datetime::from_ymd_hms(2000, 1, 1, 0, 0, 0))
}

/// Days since 1970-01-01 to a civil date (year, month, day), proleptic Gregorian (Howard
/// Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// The link a product's QR code opens: a short redirect (`/q/<tag>/<lang>/<id>/`) to its page
/// in the same language, which adds the campaign for analytics. Short, so the code is small
/// (version 4 or lower for a base URL of up to about 30 characters) and its modules large.
pub fn qr_url(
    site: &Site,
    id: &str,
    lang: &str,
    job: &PrintJob,
    config: Option<&BrochureConfig>,
) -> String {
    let tag = match (job, config) {
        (PrintJob::Brochure { .. }, Some(brochure)) => crate::plan::brochure_scan_tag(brochure),
        _ => crate::plan::DATASHEET_SCAN_TAG.to_string(),
    };
    site.permalink(&Route::Scan {
        lang: lang.to_string(),
        id: id.to_string(),
        tag,
    })
}

/// A QR code's dark modules for the print theme, as JSON: `{"version": v, "modules": n,
/// "runs": [[x, y, w], ...]}`, one run per horizontal stretch of dark modules (no quiet zone:
/// the theme leaves it). The theme draws the runs as one vector path in black ink alone; a
/// raster or an RGB black would be separated into four inks on the press.
fn qr_modules(url: &str) -> Bytes {
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M);
    let Ok(code) = code else {
        // Only an absurdly long URL fails; a blank square is better than no brochure.
        return Bytes::new(br#"{"version": 0, "modules": 21, "runs": []}"#.to_vec());
    };
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == qrcode::Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == qrcode::Color::Dark {
                    x += 1;
                }
                runs.push(format!("[{start},{y},{}]", x - start));
            } else {
                x += 1;
            }
        }
    }
    let version = match code.version() {
        qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => v,
    };
    Bytes::new(
        format!(
            "{{\"version\": {version}, \"modules\": {width}, \"runs\": [{}]}}",
            runs.join(",")
        )
        .into_bytes(),
    )
}

/// A raster picture printed below [`MIN_DPI`]: its virtual path, pixel size, printed width in
/// mm and resolution.
struct LowResolution {
    path: String,
    pixels: (u32, u32),
    mm: f64,
    dpi: f64,
}

/// Raster pictures of the site (product images, the cover) placed below [`MIN_DPI`], found by
/// matching the placed image's bytes with the files the document was given.
fn low_resolution_images(
    frame: &Frame,
    files: &BTreeMap<String, (Bytes, Key)>,
    found: &mut Vec<LowResolution>,
) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => low_resolution_images(&group.frame, files, found),
            FrameItem::Image(image, size, _) => {
                // Pixel art scaled without smoothing (the QR codes) is sharp at any size.
                let pixelated = image.scaling()
                    == typst::foundations::Smart::Custom(typst::visualize::ImageScaling::Pixelated);
                let typst::visualize::ImageKind::Raster(raster) = image.kind() else {
                    continue;
                };
                let inches = size.x.to_inches();
                if pixelated || inches <= 0.0 {
                    continue;
                }
                let dpi = image.width() / inches;
                if dpi >= MIN_DPI {
                    continue;
                }
                let Some(path) = files
                    .iter()
                    .find(|(_, (bytes, _))| bytes == raster.data())
                    .map(|(path, _)| path.clone())
                else {
                    continue;
                };
                found.push(LowResolution {
                    path,
                    pixels: (image.width() as u32, image.height() as u32),
                    mm: size.x.to_mm(),
                    dpi,
                });
            }
            _ => {}
        }
    }
}

/// Maps a Typst diagnostic in the generated source back to the print template line that
/// produced it (the template line whose literal parts match the generated line).
fn typst_diagnostic(
    world: &PrintWorld<'_>,
    templates: &BTreeMap<String, TemplateSource>,
    template: &str,
    display: &str,
    d: &typst::diag::SourceDiagnostic,
) -> Diagnostic {
    use typst::WorldExt as _;
    let source = world.main_source();
    let generated_line = world
        .range(d.span)
        .and_then(|range| source.lines().byte_to_line(range.start))
        .and_then(|line| source.text().lines().nth(line).map(str::to_string));
    let mut location = Location::file(display);
    if let Some(line_text) = &generated_line
        && let Some((name, line)) = find_template_line(templates, template, line_text)
    {
        location = Location::new(
            templates
                .get(&name)
                .map_or(name.clone(), |t| t.display.clone()),
            line,
            1,
        );
    }
    let mut message = format!("Typst error in print template `{template}`: {}", d.message);
    if let Some(line_text) = generated_line {
        let shown: String = line_text.trim().chars().take(120).collect();
        message.push_str(&format!(" (in the generated line `{shown}`)"));
    }
    let hint = d.hints.first().map(|h| h.v.to_string());
    Diagnostic::error(location, message).with_optional_hint(hint)
}

fn find_template_line(
    templates: &BTreeMap<String, TemplateSource>,
    main: &str,
    generated: &str,
) -> Option<(String, usize)> {
    let generated = generated.trim();
    let mut names: Vec<&String> = templates.keys().collect();
    names.sort_by_key(|n| n.as_str() != main);
    let mut best: Option<(usize, String, usize)> = None;
    for name in names {
        let Some(t) = templates.get(name) else {
            continue;
        };
        for (i, line) in t.text.lines().enumerate() {
            let parts: Vec<&str> = split_literals(line.trim());
            let literal: usize = parts.iter().map(|p| p.len()).sum();
            if literal == 0 {
                continue;
            }
            let mut rest = generated;
            let matched = parts.iter().all(|p| match rest.find(p) {
                Some(i) => {
                    rest = &rest[i + p.len()..];
                    true
                }
                None => false,
            });
            if matched && best.as_ref().is_none_or(|(score, _, _)| literal > *score) {
                best = Some((literal, name.clone(), i + 1));
            }
        }
    }
    best.map(|(_, n, l)| (n, l))
}

/// The literal parts of a template line, between `{{ … }}` and `{% … %}` tags.
fn split_literals(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find(['{']).filter(|&i| {
        rest[i..].starts_with("{{") || rest[i..].starts_with("{%") || rest[i..].starts_with("{#")
    }) {
        if start > 0 {
            parts.push(&rest[..start]);
        }
        let close = if rest[start..].starts_with("{{") {
            "}}"
        } else if rest[start..].starts_with("{%") {
            "%}"
        } else {
            "#}"
        };
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + 2..],
            None => return parts,
        }
    }
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// Typst's `lang` and `region` for a BCP 47 locale. Typst takes an ISO 639 language and a
/// two-letter region only, so `zh-Hans-CN` gives `zh`/`CN` (the script is dropped) and
/// `es-419` gives `es` with no region (UN M.49 numeric regions have no Typst equivalent).
pub fn typst_language(locale: &str) -> (String, String) {
    let Ok(locale) = locale.parse::<icu_locale_core::Locale>() else {
        let lang = locale
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        return (lang, String::new());
    };
    let lang = locale.id.language.as_str().to_string();
    let region = locale
        .id
        .region
        .map(|r| r.as_str().to_string())
        .filter(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()))
        .unwrap_or_default();
    (lang, region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_gets_a_language_and_a_two_letter_region() {
        let pair = |l: &str| typst_language(l);
        assert_eq!(pair("en-US"), ("en".into(), "US".into()));
        assert_eq!(pair("zh-Hans-CN"), ("zh".into(), "CN".into()));
        assert_eq!(pair("es-419"), ("es".into(), String::new()));
        assert_eq!(pair("ru"), ("ru".into(), String::new()));
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_000), (2024, 10, 4));
    }

    #[test]
    fn literal_parts_of_template_lines() {
        assert_eq!(
            split_literals("#text(fill: red)[{{ x }}] and {% if y %}z{% endif %}"),
            ["#text(fill: red)[", "] and ", "z"]
        );
    }
}
