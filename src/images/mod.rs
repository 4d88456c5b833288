//! Product photos: from one picture under `static/` to the copies the site and the PDFs show.
//!
//! Marketing staff drop a 24-megapixel camera JPEG into `static/` and name it in a product
//! file. Visitors on a phone must not download 8 MB for a 390-pixel-wide card, print shops
//! must not get a 10 MB datasheet, and nobody should learn where the photo was taken from its
//! GPS tags. So every photo a content field or Markdown text shows becomes:
//!
//! - resized copies at the widths in `[images] widths` (never wider than the photo) as lossy
//!   WebP, and two as a JPEG fallback (PNG when the photo has transparency): the ~960 px copy
//!   a browser without WebP shows and the largest, which the zoom links to. All upright, in
//!   sRGB and without metadata, named `<stem>-<width>w.<ext>` next to where the photo would
//!   be published;
//! - a 1200 × 630 social preview (`<stem>-social.jpg`) for `og:image`;
//! - for PDFs, a JPEG of at most 300 pixels per inch at `[images] print_size_mm`; a CMYK
//!   JPEG stays CMYK.
//!
//! The stages: [`probe`] reads each file's header at load (size, orientation, transparency;
//! bad files are located errors at the line that names them, before anything is rendered);
//! [`process`] decodes, resizes and encodes in parallel, each photo's copies kept in the
//! build cache under a hash of its bytes and the settings, so a rebuild with unchanged photos
//! encodes nothing. Templates get [`Responsive`] data (`srcset`, `sizes`, width and height)
//! made from the probe alone: the names of the copies are a function of the photo's path,
//! its size and the settings.

mod make;
pub mod probe;
pub mod strip;

use crate::cache::{Cache, Key, KeyBuilder};
use crate::config::ImagesConfig;
use crate::diagnostics::{Diagnostic, Location};
pub use probe::{Format, Probe, Problem};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Build-cache kinds of the web copies and of the print copy of one photo.
pub const CACHE_KIND_WEB: &str = "image";
pub const CACHE_KIND_PRINT: &str = "print-image";
/// Cache entries that map a photo's file stamp to the hash of its bytes.
pub const CACHE_KIND_STAMP: &str = "photo-stamp";

/// The size of the social preview (`og:image`): what Facebook, LinkedIn and messengers show.
pub const SOCIAL: (u32, u32) = (1200, 630);
/// Quality of print copies: high, the printer's screen shows what a web copy hides.
const PRINT_QUALITY: u8 = 90;
/// Print resolution (pixels per inch) of print copies.
pub const PRINT_PPI: f64 = 300.0;

/// What copies to make, from `[images]` in `brochure.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    pub widths: Vec<u32>,
    pub quality: u8,
    pub social: (u32, u32),
    /// Longest side of print copies, in pixels.
    pub print_long_side: u32,
}

impl Settings {
    pub fn new(config: &ImagesConfig) -> Settings {
        Settings {
            widths: config.widths.clone(),
            quality: config.quality,
            social: SOCIAL,
            print_long_side: (config.print_size_mm as f64 / 25.4 * PRINT_PPI).ceil() as u32,
        }
    }

    /// The widths of the fallback copies (JPEG, or PNG for transparency) of one photo: the
    /// one a browser without WebP shows (the widest up to 960 px) and the largest, which the
    /// zoom links to. Every browser the default theme supports (Chrome and Edge 88, Firefox
    /// 91, Safari 15) reads the WebP `<source>`, so a fallback at every width would be
    /// encoded for nobody.
    pub fn fallback_widths_for(&self, probe: &Probe) -> Vec<u32> {
        let widths = self.widths_for(probe);
        let largest = widths.last().copied().unwrap_or(probe.width);
        let shown = widths
            .iter()
            .copied()
            .filter(|w| *w <= 960)
            .max()
            .unwrap_or(largest);
        if shown == largest {
            vec![largest]
        } else {
            vec![shown, largest]
        }
    }

    /// The widths made of one photo: those narrower than it, and its own width when the
    /// largest setting is wider (never enlarged).
    pub fn widths_for(&self, probe: &Probe) -> Vec<u32> {
        let mut widths: Vec<u32> = self
            .widths
            .iter()
            .copied()
            .filter(|w| *w < probe.width)
            .collect();
        if self.widths.iter().any(|w| *w >= probe.width) {
            widths.push(probe.width);
        }
        widths
    }
}

/// One web copy of a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Variant {
    Webp(u32),
    /// JPEG, or PNG for photos with transparency.
    Fallback(u32),
    Social,
}

/// Every web copy of a photo, in a fixed order.
pub fn web_variants(probe: &Probe, settings: &Settings) -> Vec<Variant> {
    let widths = settings.widths_for(probe);
    let mut out: Vec<Variant> = widths.iter().map(|w| Variant::Webp(*w)).collect();
    out.extend(
        settings
            .fallback_widths_for(probe)
            .into_iter()
            .map(Variant::Fallback),
    );
    out.push(Variant::Social);
    out
}

/// Where a copy is published: `images/ex-700.jpg` → `images/ex-700-640w.webp`.
pub fn output_path(rel: &str, probe: &Probe, variant: Variant) -> String {
    let stem = rel.rsplit_once('.').map_or(rel, |(stem, _)| stem);
    let fallback = if probe.alpha { "png" } else { "jpg" };
    match variant {
        Variant::Webp(w) => format!("{stem}-{w}w.webp"),
        Variant::Fallback(w) => format!("{stem}-{w}w.{fallback}"),
        Variant::Social => format!("{stem}-social.jpg"),
    }
}

/// What a template needs to show one picture: `<img src srcset sizes width height alt>` and
/// a WebP `<source>`. Photos get the resized copies; SVG drawings and GIFs are shown as they
/// are, with their own size.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Responsive {
    /// The fallback copy a browser without `srcset` shows (about 960 px wide).
    pub src: String,
    /// Width and height of the largest copy: the proportions the page reserves (no layout
    /// shift while it loads).
    pub width: u32,
    pub height: u32,
    /// `url 960w, url 1920w` of the fallback copies, the one `src` names and the largest
    /// (`None` for drawings): see [`Settings::fallback_widths_for`].
    pub srcset: Option<String>,
    /// `url 320w, url 640w, …` of the WebP copies, every width.
    pub webp_srcset: Option<String>,
    /// `webp_srcset` up to 640 px, for thumbnails (a gallery's 6rem squares): three times
    /// their size is still the smallest copy, and listing five widths for each thumbnail was
    /// a kilobyte of the page.
    pub small_webp_srcset: Option<String>,
    /// `webp_srcset` up to 960 px, for cards (at most 19rem wide; a full-width card on a
    /// phone at three device pixels per CSS pixel still gets a sharp copy).
    pub medium_webp_srcset: Option<String>,
    /// MIME type of the fallback copies.
    #[serde(rename = "type")]
    pub mime: &'static str,
    /// The largest copy (the zoom link).
    pub large: String,
    /// The smallest WebP copy (the drawing itself for drawings): search results and other
    /// thumbnails a script shows.
    pub thumb: String,
    /// The social preview (absolute URL made by the template from `site.base_url`).
    pub social: Option<String>,
    pub social_width: Option<u32>,
    pub social_height: Option<u32>,
    /// Whether it is a photo with resized copies.
    pub photo: bool,
}

/// The [`Responsive`] data of a picture at `rel` under `static/`, published below `base_path`.
pub fn responsive(base_path: &str, rel: &str, probe: &Probe, settings: &Settings) -> Responsive {
    let url = |path: &str| format!("{base_path}{path}");
    if !probe.format.is_photo() {
        return Responsive {
            src: url(rel),
            width: probe.width,
            height: probe.height,
            srcset: None,
            webp_srcset: None,
            small_webp_srcset: None,
            medium_webp_srcset: None,
            mime: if probe.format == Format::Svg {
                "image/svg+xml"
            } else {
                "image/gif"
            },
            large: url(rel),
            thumb: url(rel),
            social: None,
            social_width: None,
            social_height: None,
            photo: false,
        };
    }
    let widths = settings.widths_for(probe);
    let webp_upto = |upto: u32| {
        widths
            .iter()
            .enumerate()
            .filter(|(i, w)| *i == 0 || **w <= upto)
            .map(|(_, w)| format!("{} {w}w", url(&output_path(rel, probe, Variant::Webp(*w)))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let largest = widths.last().copied().unwrap_or(probe.width);
    let fallbacks = settings.fallback_widths_for(probe);
    let shown = fallbacks.first().copied().unwrap_or(largest);
    let (sw, sh) = social_size(probe, settings);
    Responsive {
        src: url(&output_path(rel, probe, Variant::Fallback(shown))),
        width: largest,
        height: make::scaled_height(probe.width, probe.height, largest),
        srcset: Some(
            fallbacks
                .iter()
                .map(|w| {
                    format!(
                        "{} {w}w",
                        url(&output_path(rel, probe, Variant::Fallback(*w)))
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        webp_srcset: Some(webp_upto(u32::MAX)),
        small_webp_srcset: Some(webp_upto(640)),
        medium_webp_srcset: Some(webp_upto(960)),
        mime: if probe.alpha {
            "image/png"
        } else {
            "image/jpeg"
        },
        large: url(&output_path(rel, probe, Variant::Fallback(largest))),
        thumb: url(&output_path(
            rel,
            probe,
            Variant::Webp(widths.first().copied().unwrap_or(largest)),
        )),
        social: Some(url(&output_path(rel, probe, Variant::Social))),
        social_width: Some(sw),
        social_height: Some(sh),
        photo: true,
    }
}

/// The social preview's size: 1200 × 630, or the largest crop of those proportions a
/// smaller photo has (never enlarged).
fn social_size(probe: &Probe, settings: &Settings) -> (u32, u32) {
    make::cover_box(probe.width, probe.height, settings.social).1
}

/// The photos a site shows, with where each is first named (for located errors) and its
/// probe. Filled while the site loads; read by the processing stage and the templates.
#[derive(Debug, Default)]
pub struct Registry {
    used: Mutex<BTreeMap<String, Use>>,
    /// Content hashes of photos, computed once per build.
    hashes: Mutex<BTreeMap<String, Key>>,
    /// Photos read to be hashed (the others were known by their file stamp).
    hashed: std::sync::atomic::AtomicUsize,
}

#[derive(Debug, Clone)]
struct Use {
    probe: Probe,
    location: Location,
}

impl Registry {
    /// Records that content at `location` shows the photo at `rel` (first place kept).
    pub fn register(&self, rel: &str, probe: Probe, location: &Location) {
        if let Ok(mut used) = self.used.lock() {
            let entry = used.entry(rel.to_string()).or_insert_with(|| Use {
                probe,
                location: location.clone(),
            });
            if location < &entry.location {
                entry.location = location.clone();
            }
        }
    }

    /// Photos shown, by path under `static/`, in path order.
    pub fn photos(&self) -> Vec<(String, Probe, Location)> {
        self.used
            .lock()
            .map(|used| {
                used.iter()
                    .filter(|(_, u)| u.probe.format.is_photo())
                    .map(|(rel, u)| (rel.clone(), u.probe, u.location.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether the photo at `rel` is shown through resized copies (its original is then not
    /// published).
    pub fn is_processed(&self, rel: &str) -> bool {
        self.used
            .lock()
            .map(|u| u.get(rel).is_some_and(|u| u.probe.format.is_photo()))
            .unwrap_or(false)
    }

    /// The content hash of the photo at `rel`: read and hashed once per build, however many
    /// documents print it (a cache hit then reads nothing of the photo). Between builds, a
    /// photo whose size and modification time are those recorded when it was last hashed is
    /// not read at all: hashing 600 photos of 24 MP (3 GB) cost 4 s per build.
    fn source_hash(
        &self,
        site: &crate::site::Site,
        rel: &str,
        location: &Location,
        cache: &Cache,
    ) -> Result<Key, Diagnostic> {
        if let Some(k) = self.hashes.lock().ok().and_then(|h| h.get(rel).copied()) {
            return Ok(k);
        }
        let disk = match site.theme.static_files.get(rel) {
            Some(crate::theme::FileSource::Disk(path)) => Some(path.as_path()),
            _ => None,
        };
        let stamp = disk.and_then(FileStamp::of);
        let k = match stamp.as_ref().and_then(|s| s.recorded_hash(cache)) {
            Some(k) => k,
            None => {
                let read_at = std::time::SystemTime::now();
                let k = crate::cache::hash_bytes(&read_source(site, rel, location)?);
                self.hashed
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if let Some(stamp) = &stamp {
                    stamp.record(cache, &k, read_at);
                }
                k
            }
        };
        if let Ok(mut h) = self.hashes.lock() {
            h.insert(rel.to_string(), k);
        }
        Ok(k)
    }
}

/// A photo file as the file system describes it: where it is, its size and modification time
/// (and on Unix its inode and change time, which a `touch -d` to an old date or a copy
/// that keeps times still moves). The build cache keeps, under this, the hash of the bytes.
///
/// Like git's "racily clean" rule, the record is trusted only when the file was last
/// modified well before it was read: two saves within one tick of the file system's clock,
/// of the same length, would otherwise look unchanged.
struct FileStamp {
    key: Key,
    modified: std::time::SystemTime,
}

/// How long before its hashing a photo must have been modified for its stamp to stand for
/// its bytes (FAT file systems store times in 2-second steps).
const SETTLED: std::time::Duration = std::time::Duration::from_secs(3);

impl FileStamp {
    fn of(path: &std::path::Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?;
        let mut k = KeyBuilder::versioned(CACHE_KIND_STAMP, ENCODERS);
        k.bytes("path", path.as_os_str().as_encoded_bytes())
            .str("len", &meta.len().to_string())
            .str("modified", &format!("{modified:?}"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            k.str(
                "inode",
                &format!(
                    "{} {} {}.{}",
                    meta.dev(),
                    meta.ino(),
                    meta.ctime(),
                    meta.ctime_nsec()
                ),
            );
        }
        Some(FileStamp {
            key: k.finish(),
            modified,
        })
    }

    /// The hash recorded for this stamp, if the record is sound and was made after the file
    /// had settled.
    fn recorded_hash(&self, cache: &Cache) -> Option<Key> {
        let record = cache.get(CACHE_KIND_STAMP, &self.key)?;
        let (hash, read_at) = record.split_at_checked(32)?;
        let secs = u64::from_le_bytes(read_at.get(..8)?.try_into().ok()?);
        let nanos = u32::from_le_bytes(read_at.get(8..12)?.try_into().ok()?);
        let read_at = std::time::UNIX_EPOCH + std::time::Duration::new(secs, nanos);
        if self.modified + SETTLED >= read_at {
            return None;
        }
        Some(Key::from_bytes(hash.try_into().ok()?))
    }

    fn record(&self, cache: &Cache, hash: &Key, read_at: std::time::SystemTime) {
        let Ok(since) = read_at.duration_since(std::time::UNIX_EPOCH) else {
            return;
        };
        let mut record = hash.as_bytes().to_vec();
        record.extend_from_slice(&since.as_secs().to_le_bytes());
        record.extend_from_slice(&since.subsec_nanos().to_le_bytes());
        cache.put(CACHE_KIND_STAMP, &self.key, &record);
    }
}

/// The cache key of a photo's web copies: its bytes, the settings, which copies are made (an
/// entry from a version that made other copies would publish those instead) and the encoders.
fn web_key(source: &Key, probe: &Probe, settings: &Settings) -> Key {
    let mut k = KeyBuilder::versioned(CACHE_KIND_WEB, ENCODERS);
    k.key("source", source)
        .str("settings", &format!("{settings:?} {probe:?}"))
        .str("variants", &format!("{:?}", web_variants(probe, settings)))
        .str("encoders", ENCODERS);
    k.finish()
}

fn print_key(source: &Key, probe: &Probe, settings: &Settings) -> Key {
    let mut k = KeyBuilder::versioned(CACHE_KIND_PRINT, ENCODERS);
    k.key("source", source)
        .str(
            "settings",
            &format!("{} {PRINT_QUALITY} {probe:?}", settings.print_long_side),
        )
        .str("encoders", ENCODERS);
    k.finish()
}

/// Versions of the code that makes the bytes: a new encoder makes new entries. The keys of
/// photo copies use this instead of the tool's build hash (see [`KeyBuilder::versioned`]), so
/// an upgrade of brochure does not re-encode every photo: **bump `images/N` whenever
/// `make.rs`, `strip.rs` or the settings change what a copy contains.**
const ENCODERS: &str = "brochure images/2 libwebp-sys 0.14 jpeg-encoder 0.7 fast_image_resize 6.1 moxcms 0.8 image 0.25 zune-jpeg 0.5 img-parts 0.4";

/// What [`process`] did.
#[derive(Debug, Default)]
pub struct Processed {
    /// Photos shown.
    pub photos: usize,
    /// Photos whose copies were made by this run (the others came from the cache).
    pub encoded: usize,
    /// Photos read to be hashed: the others had not changed since a build hashed them.
    pub hashed: usize,
    /// Web files written, by output path.
    pub paths: Vec<String>,
}

/// A photo's source bytes, or a located error.
fn read_source(
    site: &crate::site::Site,
    rel: &str,
    location: &Location,
) -> Result<Vec<u8>, Diagnostic> {
    site.theme
        .static_files
        .get(rel)
        .ok_or_else(|| "there is no such file in static/".to_string())
        .and_then(|f| f.read().map_err(|e| format!("cannot read the file: {e}")))
        .map_err(|m| Diagnostic::error(location.clone(), format!("`{rel}`: {m}")))
}

fn located(rel: &str, location: &Location, problem: Problem) -> Diagnostic {
    Diagnostic::error(location.clone(), format!("`{rel}`: {}", problem.message))
        .with_hint(problem.hint)
}

/// A web copy: its output path and bytes.
pub type WebCopy = (String, Vec<u8>);

/// The web copies of one photo, from the cache or made now (and stored); `true` when made.
pub fn web_copies(
    site: &crate::site::Site,
    rel: &str,
    probe: &Probe,
    location: &Location,
    cache: &Cache,
) -> Result<(Vec<WebCopy>, bool), Diagnostic> {
    let settings = Settings::new(&site.config.images);
    let hash = site.pictures.source_hash(site, rel, location, cache)?;
    let key = web_key(&hash, probe, &settings);
    if let Some(files) = cache
        .get(CACHE_KIND_WEB, &key)
        .and_then(|d| crate::cache::unpack_files(&d))
    {
        return Ok((files, false));
    }
    let source = read_source(site, rel, location)?;
    let made = make::web_files(&source, probe, &settings).map_err(|p| located(rel, location, p))?;
    let files: Vec<(String, Vec<u8>)> = made
        .into_iter()
        .map(|(variant, bytes)| (output_path(rel, probe, variant), bytes))
        .collect();
    cache.put(CACHE_KIND_WEB, &key, &crate::cache::pack_files(&files));
    Ok((files, true))
}

/// Where a print template finds the print copy of the photo `rel` (a path inside the
/// typesetting world, not on disk). It ends in `.jpg` because the copy always is one, whatever
/// the source format: Typst picks the decoder from the extension.
pub fn print_copy_path(rel: &str) -> String {
    format!("/print-copies/{rel}.jpg")
}

/// The photo a [`print_copy_path`] stands for.
pub fn print_copy_source(path: &str) -> Option<&str> {
    path.strip_prefix("/print-copies/")?.strip_suffix(".jpg")
}

/// The copy PDFs embed of one photo (from the cache, or made now and stored), with a key
/// that changes when it does.
pub fn print_copy(
    site: &crate::site::Site,
    rel: &str,
    probe: &Probe,
    location: &Location,
    cache: &Cache,
) -> Result<(Vec<u8>, Key), Diagnostic> {
    let settings = Settings::new(&site.config.images);
    let hash = site.pictures.source_hash(site, rel, location, cache)?;
    let key = print_key(&hash, probe, &settings);
    if let Some(bytes) = cache.get(CACHE_KIND_PRINT, &key) {
        return Ok((bytes, key));
    }
    let source = read_source(site, rel, location)?;
    let bytes = make::print_copy(&source, probe, settings.print_long_side, PRINT_QUALITY)
        .map_err(|p| located(rel, location, p))?;
    cache.put(CACHE_KIND_PRINT, &key, &bytes);
    Ok((bytes, key))
}

/// Makes (or takes from the cache) the web copies of every photo the site shows and writes
/// them to `sink`; with `print`, also the print copies, so the PDFs find them in the cache.
/// Photos are done in parallel, each written as soon as it is made: memory holds a few
/// photos at a time, not all of them.
pub fn process(
    site: &crate::site::Site,
    cache: &Cache,
    sink: &dyn crate::output::Sink,
    print: bool,
) -> Result<Processed, Vec<Diagnostic>> {
    let _span = crate::trace::span("images");
    let photos = site.pictures.photos();
    let results: Vec<Result<(Vec<String>, bool), Diagnostic>> = photos
        .par_iter()
        .map(|(rel, probe, location)| {
            let (files, made) = web_copies(site, rel, probe, location, cache)?;
            let mut paths = Vec::with_capacity(files.len());
            for (path, bytes) in files {
                sink.put(&path, &bytes).map_err(|e| {
                    Diagnostic::error(Location::file(&path), format!("could not write `{path}`: {e}"))
                        .with_hint("nothing was replaced: the previous output is unchanged (is the disk full?)")
                })?;
                paths.push(path);
            }
            if print {
                print_copy(site, rel, probe, location, cache)?;
            }
            Ok((paths, made))
        })
        .collect();
    let mut processed = Processed {
        photos: photos.len(),
        hashed: site
            .pictures
            .hashed
            .load(std::sync::atomic::Ordering::Relaxed),
        ..Processed::default()
    };
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok((paths, made)) => {
                processed.encoded += usize::from(made);
                processed.paths.extend(paths);
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(processed)
    } else {
        Err(errors)
    }
}

/// The output paths of every web copy (for clashes with static files), without making them.
pub fn planned_outputs(site: &crate::site::Site) -> Vec<String> {
    let settings = Settings::new(&site.config.images);
    site.pictures
        .photos()
        .iter()
        .flat_map(|(rel, probe, _)| {
            web_variants(probe, &settings)
                .into_iter()
                .map(|v| output_path(rel, probe, v))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(width: u32, height: u32, alpha: bool) -> Probe {
        Probe {
            format: Format::Jpeg,
            width,
            height,
            orientation: 1,
            alpha,
            cmyk: false,
            bytes: 1,
        }
    }

    #[test]
    fn widths_are_never_enlarged() {
        let s = Settings::new(&ImagesConfig::default());
        assert_eq!(
            s.widths_for(&probe(6000, 4000, false)),
            vec![320, 640, 960, 1280, 1920]
        );
        assert_eq!(s.widths_for(&probe(800, 600, false)), vec![320, 640, 800]);
        assert_eq!(s.widths_for(&probe(200, 100, false)), vec![200]);
        assert_eq!(
            s.fallback_widths_for(&probe(6000, 4000, false)),
            vec![960, 1920]
        );
        assert_eq!(s.fallback_widths_for(&probe(800, 600, false)), vec![800]);
        assert_eq!(s.fallback_widths_for(&probe(200, 100, false)), vec![200]);
    }

    #[test]
    fn responsive_data_names_every_copy() {
        let s = Settings::new(&ImagesConfig::default());
        let r = responsive("/", "images/a.jpg", &probe(1000, 500, false), &s);
        assert_eq!(r.src, "/images/a-960w.jpg");
        assert_eq!((r.width, r.height), (1000, 500));
        assert_eq!(
            r.webp_srcset.as_deref(),
            Some(
                "/images/a-320w.webp 320w, /images/a-640w.webp 640w, /images/a-960w.webp 960w, /images/a-1000w.webp 1000w"
            )
        );
        assert_eq!(
            r.medium_webp_srcset.as_deref(),
            Some("/images/a-320w.webp 320w, /images/a-640w.webp 640w, /images/a-960w.webp 960w")
        );
        assert_eq!(
            r.small_webp_srcset.as_deref(),
            Some("/images/a-320w.webp 320w, /images/a-640w.webp 640w")
        );
        assert_eq!(r.social.as_deref(), Some("/images/a-social.jpg"));
        assert_eq!((r.social_width, r.social_height), (Some(952), Some(500)));
        // Fallbacks: the shown copy and the largest (the zoom), nothing between.
        assert_eq!(
            r.srcset.as_deref(),
            Some("/images/a-960w.jpg 960w, /images/a-1000w.jpg 1000w")
        );
        assert_eq!(r.large, "/images/a-1000w.jpg");
        let r = responsive("/", "images/b.png", &probe(400, 400, true), &s);
        assert_eq!(r.mime, "image/png");
        assert_eq!(r.srcset.as_deref(), Some("/images/b-400w.png 400w"));
        assert_eq!(r.src, "/images/b-400w.png");
    }
}
