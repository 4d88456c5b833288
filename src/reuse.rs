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
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// Parses and renders kept from earlier loads.
#[derive(Default)]
pub struct Reuse {
    products: Mutex<HashMap<PathBuf, (Stamp, ProductParse)>>,
    articles: Mutex<HashMap<PathBuf, (Stamp, ArticleParse)>>,
    markdown: std::sync::RwLock<HashMap<u64, Rendered>>,
    /// Files read by the load in progress: the others are forgotten when it ends.
    seen: Mutex<HashSet<PathBuf>>,
    markdown_seen: Mutex<HashSet<u64>>,
}

type ArticleParse = Result<(String, Translation), Diagnostic>;
type ProductParse = Result<Arc<Product>, Vec<Diagnostic>>;

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
    memo: &Mutex<HashMap<PathBuf, (Stamp, T)>>,
    path: &Path,
    languages: &[String],
) -> Result<T, Option<Stamp>> {
    let read_at = SystemTime::now();
    let Ok(meta) = std::fs::metadata(path) else {
        return Err(None);
    };
    let modified = meta.modified().ok();
    let languages_key = file_key(&[], languages);
    if let Ok(memo) = memo.lock()
        && let Some((stamp, value)) = memo.get(path)
        && stamp.len == meta.len()
        && stamp.modified.is_some()
        && stamp.modified == modified
        && modified.is_some_and(|m| m + SETTLED < stamp.read_at)
        && stamp.languages == languages_key
    {
        return Ok(value.clone());
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
        && let Some((old, value)) = memo.get_mut(path)
        && old.key == stamp.key
    {
        // Same bytes (a save without changes, a `touch`): the new time is remembered.
        *old = stamp;
        return Ok(value.clone());
    }
    Err(Some(stamp))
}

impl Reuse {
    fn seen(&self, path: &Path) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(path.to_path_buf());
        }
    }

    /// The parse of `path` kept in `memo` when the file did not change; otherwise `parse`'s,
    /// kept for next time.
    fn remembered<T: Clone>(
        &self,
        memo: &Mutex<HashMap<PathBuf, (Stamp, T)>>,
        path: &Path,
        languages: &[String],
        parse: impl FnOnce() -> T,
    ) -> T {
        self.seen(path);
        match unchanged(memo, path, languages) {
            Ok(parsed) => parsed,
            Err(None) => parse(),
            Err(Some(stamp)) => {
                let parsed = parse();
                if let Ok(mut memo) = memo.lock() {
                    memo.insert(path.to_path_buf(), (stamp, parsed.clone()));
                }
                parsed
            }
        }
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

    /// The HTML of a Markdown text rendered before under `key`, if everything that rendering
    /// read still has the same fingerprint (`now`).
    pub fn markdown(&self, key: u64, now: &crate::depend::Fingerprints<'_>) -> Option<Html> {
        let memo = self.markdown.read().ok()?;
        let rendered = memo.get(&key)?;
        rendered
            .reads
            .iter()
            .all(|(input, fingerprint)| now.of(input) == *fingerprint)
            .then(|| rendered.html.clone())
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
        if let Ok(mut seen) = self.seen.lock() {
            let seen = std::mem::take(&mut *seen);
            if let Ok(mut memo) = self.products.lock() {
                memo.retain(|path, _| seen.contains(path));
            }
            if let Ok(mut memo) = self.articles.lock() {
                memo.retain(|path, _| seen.contains(path));
            }
        }
        if let Ok(mut seen) = self.markdown_seen.lock() {
            let seen = std::mem::take(&mut *seen);
            if let Ok(mut memo) = self.markdown.write() {
                memo.retain(|key, _| seen.contains(key));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn parse_count(reuse: &Reuse, path: &Path, count: &Cell<usize>) -> String {
        reuse
            .article(path, &["en".to_string()], || {
                count.set(count.get() + 1);
                let text = std::fs::read_to_string(path).unwrap_or_default();
                Err(Diagnostic::error(
                    crate::diagnostics::Location::file("x"),
                    text,
                ))
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
}
