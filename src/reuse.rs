//! Work kept between two loads of the same site, so an edit costs what it changed.
//!
//! `brochure serve` loads the site again after every save. Parsing 5,000 product files and
//! rendering their Markdown took two thirds of a second, for an edit of one file. A [`Reuse`]
//! remembers each source file's parse by its bytes (a file that did not change is not parsed
//! again) and each Markdown text's HTML with what the rendering read (the links and pictures
//! it checked): the HTML is reused while the text and everything it read are unchanged.
//!
//! A file whose size and modification time are those it had when it was read is not even read
//! again (as make, Cargo and git decide). Like git's "racily clean" rule, that shortcut is taken
//! only for files last modified well before they were read: two saves within one tick of the
//! file system's clock, of the same length, would otherwise look unchanged.
//!
//! Both are pure functions of what they are keyed by, so a model loaded with reuse is equal to
//! one loaded without; the preview's randomized test holds the two builds to the same bytes.

use crate::content::{Product, Translation};
use crate::depend::Input;
use crate::diagnostics::Diagnostic;
use crate::site::Html;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// Parses and renders kept from earlier loads.
#[derive(Default)]
pub struct Reuse {
    products: Mutex<Memo<ProductParse>>,
    articles: Mutex<Memo<ArticleParse>>,
    markdown: std::sync::RwLock<HashMap<u64, Rendered, Fixed>>,
    markdown_seen: Mutex<HashSet<u64, Fixed>>,
    /// Validation diagnostics of each product, by the product and what its checks read.
    checked: Mutex<HashMap<usize, Checked, Fixed>>,
    /// Each content folder's files, as the last load listed them.
    listings: Mutex<HashMap<OsString, Vec<PathBuf>, Fixed>>,
    /// What is wrong with each static picture (see `Site::static_problem`), by file.
    verdicts: Mutex<Memo<Option<String>>>,
    /// Counts loads; an entry not read by the load that just ended is forgotten.
    generation: AtomicU64,
    /// What the file watcher saw change since the last load began.
    changed: Mutex<Hint>,
    /// What the load in progress was told (taken from `changed` when it began); `None` once
    /// a load ended. A load that failed before its end leaves it for the next one.
    trusted: std::sync::RwLock<Option<Hint>>,
}

/// Which files may have changed since the last load.
#[derive(Default)]
enum Hint {
    /// Not known: every file is looked at (the first load, a watcher that lost events or was
    /// just started, a caller without a watcher).
    #[default]
    Unknown,
    /// Only these; every other file is as the last load read it.
    Only(HashSet<OsString, Fixed>),
}

/// A hasher with a fixed seed: these maps hold paths and keys from the site, not from the
/// network, and are looked up thousands of times per load.
type Fixed = foldhash::fast::FixedState;

/// Earlier parses by file path (its bytes: hashing and comparing them is a plain memory
/// operation, unlike a `Path`'s components).
type Memo<T> = HashMap<OsString, Entry<T>, Fixed>;

struct Entry<T> {
    stamp: Stamp,
    value: T,
    /// The last load that read it.
    generation: u64,
}

/// A product's validation diagnostics, for the product (kept alive, so its address is not
/// reused) and the fingerprint of everything else the checks read.
struct Checked {
    product: Arc<Product>,
    context: u64,
    diagnostics: Vec<Diagnostic>,
    generation: u64,
}

/// An article or page file's slug and translation, or why it could not be read.
pub type ArticleParse = Result<(String, Translation), Diagnostic>;
/// A product file's product, or why it could not be read.
pub type ProductParse = Result<Arc<Product>, Vec<Diagnostic>>;

impl std::fmt::Debug for Reuse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reuse").finish_non_exhaustive()
    }
}

/// A Markdown text's HTML, with what rendering it read and their fingerprints then.
struct Rendered {
    html: Html,
    reads: Vec<(Input, u64)>,
}

/// A file as it was read: its size and time, when it was read, and a hash of its bytes and of
/// the languages it was read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    read_at: SystemTime,
    /// The bytes and the languages.
    key: u64,
    /// The languages alone.
    languages: u64,
}

/// How long before its reading a file must have been modified for its size and time to stand
/// for its bytes (FAT file systems store times in 2-second steps).
const SETTLED: Duration = Duration::from_secs(3);

/// A hash of a file's bytes and the languages it is read for.
fn file_key(bytes: &[u8], languages: &[String]) -> u64 {
    let mut h = crate::depend::hasher();
    bytes.hash(&mut h);
    languages.hash(&mut h);
    h.finish()
}

/// The earlier result for `path` if the file did not change, and the new stamp otherwise.
fn unchanged<T: Clone>(
    memo: &Mutex<Memo<T>>,
    path: &Path,
    languages: &[String],
    generation: u64,
) -> Result<T, Option<Stamp>> {
    let key = path.as_os_str();
    let languages_key = file_key(&[], languages);
    let read_at = SystemTime::now();
    let Ok(meta) = std::fs::metadata(path) else {
        return Err(None);
    };
    let modified = meta.modified().ok();
    if let Ok(mut memo) = memo.lock()
        && let Some(entry) = memo.get_mut(key)
        && entry.stamp.len == meta.len()
        && entry.stamp.modified.is_some()
        && entry.stamp.modified == modified
        && modified.is_some_and(|m| m + SETTLED < entry.stamp.read_at)
        && entry.stamp.languages == languages_key
    {
        entry.generation = generation;
        return Ok(entry.value.clone());
    }
    let Ok(bytes) = std::fs::read(path) else {
        return Err(None);
    };
    let stamp = Stamp {
        len: bytes.len() as u64,
        modified,
        read_at,
        key: file_key(&bytes, languages),
        languages: languages_key,
    };
    if let Ok(mut memo) = memo.lock()
        && let Some(entry) = memo.get_mut(key)
        && entry.stamp.key == stamp.key
    {
        // Same bytes (a save without changes, a `touch`): the new time is remembered.
        entry.stamp = stamp;
        entry.generation = generation;
        return Ok(entry.value.clone());
    }
    Err(Some(stamp))
}

impl Reuse {
    /// Tells the next load which files changed, as a file watcher saw them: every other file
    /// is then taken as the last load read it, without being looked at. `None` when that is
    /// not known (a watcher just started or that lost events): every file is looked at.
    /// Calls before a load add up.
    pub fn expect_changes(&self, paths: Option<&[PathBuf]>) {
        if let Ok(mut hint) = self.changed.lock() {
            match (paths, &mut *hint) {
                (Some(paths), Hint::Only(known)) => {
                    known.extend(paths.iter().map(|p| p.as_os_str().to_os_string()));
                }
                (Some(_), Hint::Unknown) => {}
                (None, _) => *hint = Hint::Unknown,
            }
        }
    }

    /// A load begins: it trusts what it was told, and changes are counted afresh from now.
    pub fn begin_load(&self) {
        let told = self
            .changed
            .lock()
            .map(|mut hint| std::mem::replace(&mut *hint, Hint::Only(HashSet::default())))
            .unwrap_or_default();
        if let Ok(mut trusted) = self.trusted.write() {
            *trusted = Some(match (trusted.take(), told) {
                (None, told) => told,
                (Some(Hint::Only(mut left)), Hint::Only(told)) => {
                    left.extend(told);
                    Hint::Only(left)
                }
                (Some(_), _) => Hint::Unknown,
            });
        }
    }

    /// The load in progress reads a folder through a symbolic link: the watcher names the
    /// files at the link's target, so what it saw cannot be matched to the paths read.
    pub fn distrust(&self) {
        if let Ok(mut trusted) = self.trusted.write() {
            *trusted = Some(Hint::Unknown);
        }
    }

    /// The parse of `path` kept in `memo` when the file did not change; otherwise `parse`'s,
    /// kept for next time.
    fn remembered<T: Clone>(
        &self,
        memo: &Mutex<Memo<T>>,
        path: &Path,
        languages: &[String],
        parse: impl FnOnce() -> T,
    ) -> T {
        let generation = self.generation.load(Ordering::Relaxed);
        match unchanged(memo, path, languages, generation) {
            Ok(parsed) => parsed,
            Err(None) => parse(),
            Err(Some(stamp)) => {
                let parsed = parse();
                if let Ok(mut memo) = memo.lock() {
                    memo.insert(
                        path.as_os_str().to_os_string(),
                        Entry {
                            stamp,
                            value: parsed.clone(),
                            generation,
                        },
                    );
                }
                parsed
            }
        }
    }

    /// For each of `paths`: the earlier parse, if the load in progress may take the file as
    /// unchanged without looking at it (see [`Reuse::expect_changes`]). One pass under one
    /// lock: thousands of files looked up from parallel threads spent more time waiting for
    /// each other than looking.
    ///
    /// Trusted: the watcher saw no change to the file or to a folder above it (a folder
    /// renamed or replaced names only the folder).
    fn known<T: Clone>(
        &self,
        memo: &Mutex<Memo<T>>,
        paths: &[PathBuf],
        languages: &[String],
    ) -> Vec<Option<T>> {
        let none = || (0..paths.len()).map(|_| None).collect();
        let Ok(trusted) = self.trusted.read() else {
            return none();
        };
        let Some(Hint::Only(changed)) = &*trusted else {
            return none();
        };
        let Ok(mut memo) = memo.lock() else {
            return none();
        };
        let generation = self.generation.load(Ordering::Relaxed);
        let languages = file_key(&[], languages);
        paths
            .iter()
            .map(|path| {
                if path.ancestors().any(|a| changed.contains(a.as_os_str())) {
                    return None;
                }
                let entry = memo.get_mut(path.as_os_str())?;
                (entry.stamp.languages == languages).then(|| {
                    entry.generation = generation;
                    entry.value.clone()
                })
            })
            .collect()
    }

    /// The files of `dir` (sorted by name, as `list` returns them): the last load's list when
    /// the watcher's changes cannot have changed it. A changed file of the folder changes the
    /// list only if it appeared, went away or is no longer a plain file; `accepts` says which
    /// names `list` keeps (an editor's temporary file, created and gone, changes nothing).
    pub fn listing(
        &self,
        dir: &Path,
        accepts: impl Fn(&str) -> bool,
        list: impl FnOnce() -> Vec<PathBuf>,
    ) -> Vec<PathBuf> {
        if let Ok(trusted) = self.trusted.read()
            && let Some(Hint::Only(changed)) = &*trusted
            && let Ok(listings) = self.listings.lock()
            && let Some(known) = listings.get(dir.as_os_str())
        {
            let unchanged = changed.iter().map(Path::new).all(|path| {
                if dir.starts_with(path) {
                    return false;
                }
                if path.parent() != Some(dir) {
                    return true;
                }
                let listed = known
                    .binary_search_by(|p| p.file_name().cmp(&path.file_name()))
                    .is_ok();
                let belongs = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(&accepts)
                    && path
                        .symlink_metadata()
                        .is_ok_and(|m| m.file_type().is_file());
                listed == belongs
            });
            if unchanged {
                return known.clone();
            }
        }
        let fresh = list();
        if let Ok(mut listings) = self.listings.lock() {
            listings.insert(dir.as_os_str().to_os_string(), fresh.clone());
        }
        fresh
    }

    /// [`Reuse::known`] for product files.
    pub fn known_products(
        &self,
        paths: &[PathBuf],
        languages: &[String],
    ) -> Vec<Option<ProductParse>> {
        self.known(&self.products, paths, languages)
    }

    /// [`Reuse::known`] for article and page files.
    pub fn known_articles(
        &self,
        paths: &[PathBuf],
        languages: &[String],
    ) -> Vec<Option<ArticleParse>> {
        self.known(&self.articles, paths, languages)
    }

    /// The product in `path`: the earlier parse when the file did not change.
    pub fn product(
        &self,
        path: &Path,
        languages: &[String],
        parse: impl FnOnce() -> ProductParse,
    ) -> ProductParse {
        self.remembered(&self.products, path, languages, parse)
    }

    /// The translation of an article or page in `path`, likewise.
    pub fn article(
        &self,
        path: &Path,
        languages: &[String],
        parse: impl FnOnce() -> ArticleParse,
    ) -> ArticleParse {
        self.remembered(&self.articles, path, languages, parse)
    }

    /// For each key: the HTML of the Markdown text rendered before under it, if everything
    /// that rendering read still has the same fingerprint (`now`). One pass under one lock.
    pub fn known_markdown(
        &self,
        keys: &[Option<u64>],
        now: &crate::depend::Fingerprints<'_>,
    ) -> Vec<Option<Html>> {
        let Ok(memo) = self.markdown.read() else {
            return Vec::new();
        };
        let memo = &*memo;
        keys.par_iter()
            .map(|key| {
                let rendered = memo.get(key.as_ref()?)?;
                rendered
                    .reads
                    .iter()
                    .all(|(input, fingerprint)| now.of(input) == *fingerprint)
                    .then(|| rendered.html.clone())
            })
            .collect()
    }

    /// Keeps the HTML of a text rendered without errors, with what it read.
    pub fn keep_markdown(
        &self,
        key: u64,
        html: &Html,
        reads: Vec<Input>,
        now: &crate::depend::Fingerprints<'_>,
    ) {
        let reads = reads
            .into_iter()
            .map(|input| {
                let fingerprint = now.of(&input);
                (input, fingerprint)
            })
            .collect();
        if let Ok(mut memo) = self.markdown.write() {
            memo.insert(
                key,
                Rendered {
                    html: html.clone(),
                    reads,
                },
            );
        }
    }

    /// Notes the Markdown texts the load in progress has (once, after all were looked up).
    pub fn markdown_seen(&self, keys: impl IntoIterator<Item = u64>) {
        if let Ok(mut seen) = self.markdown_seen.lock() {
            seen.extend(keys);
        }
    }

    /// Forgets the files and texts the load that just ended did not read (deleted files, old
    /// versions of edited texts), so memory follows the site, not the session.
    pub fn end_load(&self) {
        let generation = self.generation.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut memo) = self.products.lock() {
            memo.retain(|_, e| e.generation == generation);
        }
        if let Ok(mut memo) = self.articles.lock() {
            memo.retain(|_, e| e.generation == generation);
        }
        if let Ok(mut memo) = self.checked.lock() {
            memo.retain(|_, c| c.generation == generation);
        }
        if let Ok(mut memo) = self.verdicts.lock() {
            memo.retain(|_, e| e.generation == generation);
        }
        if let Ok(mut trusted) = self.trusted.write() {
            *trusted = None;
        }
        if let Ok(mut seen) = self.markdown_seen.lock() {
            let seen = std::mem::take(&mut *seen);
            if let Ok(mut memo) = self.markdown.write() {
                memo.retain(|key, _| seen.contains(key));
            }
        }
    }

    /// The verdict on the static file at `path` (what is wrong with it, if anything): the
    /// earlier one while the file's size and time are unchanged and were settled when it was
    /// judged, else `judge`'s.
    pub fn static_verdict(
        &self,
        path: &Path,
        judge: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        let generation = self.generation.load(Ordering::Relaxed);
        let read_at = SystemTime::now();
        let meta = std::fs::metadata(path).ok();
        let (len, modified) = (
            meta.as_ref().map_or(u64::MAX, |m| m.len()),
            meta.and_then(|m| m.modified().ok()),
        );
        if let Ok(mut memo) = self.verdicts.lock()
            && let Some(entry) = memo.get_mut(path.as_os_str())
            && entry.stamp.len == len
            && entry.stamp.modified.is_some()
            && entry.stamp.modified == modified
            && modified.is_some_and(|m| m + SETTLED < entry.stamp.read_at)
        {
            entry.generation = generation;
            return entry.value.clone();
        }
        let verdict = judge();
        if let Ok(mut memo) = self.verdicts.lock() {
            memo.insert(
                path.as_os_str().to_os_string(),
                Entry {
                    stamp: Stamp {
                        len,
                        modified,
                        read_at,
                        key: 0,
                        languages: 0,
                    },
                    value: verdict.clone(),
                    generation,
                },
            );
        }
        verdict
    }

    /// For each of `products`: its validation diagnostics from an earlier load, if it is the
    /// same product (the same parse) and everything else its checks read has the fingerprint
    /// `context`. One pass under one lock.
    pub fn checked(&self, products: &[Arc<Product>], context: u64) -> Vec<Option<Vec<Diagnostic>>> {
        let generation = self.generation.load(Ordering::Relaxed);
        let Ok(mut memo) = self.checked.lock() else {
            return Vec::new();
        };
        products
            .iter()
            .map(|product| {
                let c = memo.get_mut(&(Arc::as_ptr(product) as usize))?;
                (Arc::ptr_eq(&c.product, product) && c.context == context).then(|| {
                    c.generation = generation;
                    c.diagnostics.clone()
                })
            })
            .collect()
    }

    /// Keeps the validation diagnostics of products just checked.
    pub fn keep_checked<'a>(
        &self,
        checked: impl Iterator<Item = (&'a Arc<Product>, &'a [Diagnostic])>,
        context: u64,
    ) {
        let generation = self.generation.load(Ordering::Relaxed);
        if let Ok(mut memo) = self.checked.lock() {
            for (product, diagnostics) in checked {
                memo.insert(
                    Arc::as_ptr(product) as usize,
                    Checked {
                        product: Arc::clone(product),
                        context,
                        diagnostics: diagnostics.to_vec(),
                        generation,
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Reads `path` as the loader does: from memory when trusted, else through `article`.
    fn parse_count(reuse: &Reuse, path: &Path, count: &Cell<usize>) -> String {
        let languages = ["en".to_string()];
        let known = reuse.known_articles(&[path.to_path_buf()], &languages);
        known
            .into_iter()
            .next()
            .flatten()
            .unwrap_or_else(|| {
                reuse.article(path, &languages, || {
                    count.set(count.get() + 1);
                    let text = std::fs::read_to_string(path).unwrap_or_default();
                    Err(Diagnostic::error(
                        crate::diagnostics::Location::file("x"),
                        text,
                    ))
                })
            })
            .err()
            .map(|d| d.message)
            .unwrap_or_default()
    }

    #[test]
    fn a_file_is_parsed_again_only_when_its_bytes_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.en.md");
        let count = Cell::new(0);
        let reuse = Reuse::default();
        std::fs::write(&path, "one").expect("write");
        assert_eq!(parse_count(&reuse, &path, &count), "one");
        assert_eq!(parse_count(&reuse, &path, &count), "one");
        assert_eq!(count.get(), 1, "same bytes, no second parse");
        // Same length, written at once (same clock tick): read again, and seen to differ.
        std::fs::write(&path, "two").expect("write");
        assert_eq!(parse_count(&reuse, &path, &count), "two");
        assert_eq!(count.get(), 2);
    }

    #[test]
    fn size_and_time_stand_for_the_bytes_only_once_settled() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.en.md");
        let old = SystemTime::now() - Duration::from_secs(60);
        let write = |text: &str| {
            std::fs::write(&path, text).expect("write");
            let file = std::fs::File::options()
                .write(true)
                .open(&path)
                .expect("open");
            file.set_modified(old).expect("set time");
        };
        let count = Cell::new(0);
        let reuse = Reuse::default();
        write("one");
        assert_eq!(parse_count(&reuse, &path, &count), "one");
        // A settled file with its size and time unchanged is taken as unchanged without being
        // read (a tool that forges the time can hide an edit: the trade-off make and git make).
        write("two");
        assert_eq!(parse_count(&reuse, &path, &count), "one");
        // Any save changes the time: read again.
        std::fs::write(&path, "two").expect("write");
        assert_eq!(parse_count(&reuse, &path, &count), "two");
        // Forgotten once a load no longer reads it.
        reuse.end_load();
        reuse.end_load();
        assert!(reuse.articles.lock().map(|m| m.is_empty()).unwrap_or(false));
    }

    #[test]
    fn a_watcher_s_hint_spares_looking_at_files_it_did_not_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("news");
        std::fs::create_dir(&folder).expect("folder");
        let a = folder.join("a.en.md");
        let b = folder.join("b.en.md");
        let count = Cell::new(0);
        let reuse = Reuse::default();
        let load = |reuse: &Reuse| {
            reuse.begin_load();
            let read = (
                parse_count(reuse, &a, &count),
                parse_count(reuse, &b, &count),
            );
            reuse.end_load();
            read
        };
        std::fs::write(&a, "a1").expect("write");
        std::fs::write(&b, "b1").expect("write");
        assert_eq!(load(&reuse), ("a1".into(), "b1".into()));
        // The watcher names `a` only: `b` is taken as it was, unread (a watcher that names
        // every save never lets this happen to a real edit).
        std::fs::write(&a, "a2").expect("write");
        std::fs::write(&b, "b2").expect("write");
        reuse.expect_changes(Some(std::slice::from_ref(&a)));
        assert_eq!(load(&reuse), ("a2".into(), "b1".into()));
        // A folder named (renamed, replaced): everything below it is looked at.
        reuse.expect_changes(Some(std::slice::from_ref(&folder)));
        assert_eq!(load(&reuse), ("a2".into(), "b2".into()));
        // Not known (events lost): everything is looked at.
        std::fs::write(&b, "b3").expect("write");
        reuse.expect_changes(None);
        assert_eq!(load(&reuse), ("a2".into(), "b3".into()));
        // A load that failed before it read the files leaves what it was told to the next.
        std::fs::write(&a, "a4").expect("write");
        reuse.expect_changes(Some(std::slice::from_ref(&a)));
        reuse.begin_load();
        assert_eq!(load(&reuse), ("a4".into(), "b3".into()));
    }

    #[test]
    fn a_folder_is_listed_again_only_when_a_file_appeared_or_went_away() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("news");
        std::fs::create_dir(&folder).expect("folder");
        let file = |name: &str| folder.join(name);
        std::fs::write(file("a.en.md"), "a").expect("write");
        std::fs::write(file("b.en.md"), "b").expect("write");
        let reuse = Reuse::default();
        let listed = Cell::new(0);
        let list = |reuse: &Reuse| {
            reuse.begin_load();
            let files = reuse.listing(
                &folder,
                |n| n.ends_with(".md"),
                || {
                    listed.set(listed.get() + 1);
                    crate::content::files_with_suffix(&folder, ".md")
                },
            );
            reuse.end_load();
            files
                .iter()
                .filter_map(|p| p.file_name()?.to_str().map(str::to_string))
                .collect::<Vec<_>>()
        };
        assert_eq!(list(&reuse), ["a.en.md", "b.en.md"]);
        // An edit, and an editor's temporary file that came and went: the same files.
        std::fs::write(file("a.en.md"), "a2").expect("write");
        reuse.expect_changes(Some(&[
            file("a.en.md"),
            file(".a.en.md.swp"),
            file("sed1x"),
        ]));
        assert_eq!(list(&reuse), ["a.en.md", "b.en.md"]);
        assert_eq!(listed.get(), 1, "not listed again");
        // A new file, then a deleted one: listed again.
        std::fs::write(file("c.en.md"), "c").expect("write");
        reuse.expect_changes(Some(&[file("c.en.md")]));
        assert_eq!(list(&reuse), ["a.en.md", "b.en.md", "c.en.md"]);
        std::fs::remove_file(file("b.en.md")).expect("delete");
        reuse.expect_changes(Some(&[file("b.en.md")]));
        assert_eq!(list(&reuse), ["a.en.md", "c.en.md"]);
        assert_eq!(listed.get(), 3);
        // The folder itself replaced: listed again.
        reuse.expect_changes(Some(std::slice::from_ref(&folder)));
        list(&reuse);
        assert_eq!(listed.get(), 4);
    }
}
