//! The build cache: outputs that are expensive to make (PDFs today, processed photos next),
//! kept between builds and found again by a hash of everything they were made from.
//!
//! A cached output is only ever looked up by a [`Key`] that covers every input the output
//! read — for a PDF, the generated Typst source (which already contains the product data,
//! the Fluent messages and the template text it used), the files it embeds, the fonts, the
//! options and the tool's own build. A changed input is a different key, so the cache can be
//! wrong only if a key forgets an input; nothing is ever invalidated by file times.
//!
//! Entries live in `<site>/.brochure-cache/v1/<kind>/<2 hex>/<64 hex>`. Each is written to a
//! temporary file and renamed into place, so a reader sees a whole entry or none, even when
//! a build is killed or two builds run at once; each carries a checksum of its payload, so a
//! damaged entry (a full disk, a bad block) is detected, deleted and made again.
//!
//! The folder also holds the site's build lock ([`BuildLock`]): one build of a site at a time.

use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cache folder's name inside a site.
pub const DIR: &str = ".brochure-cache";
/// Bumped when the layout of entries changes; older layouts are removed by [`Cache::prune`].
const LAYOUT: &str = "v1";
const MAGIC: &[u8; 16] = b"brochure-cache1\n";

/// Identifies the brochure binary that made an entry: its version and a hash of its own
/// source (set by `build.rs`), so a rebuilt tool never reuses another build's output.
pub const TOOL_ID: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("BROCHURE_SOURCE_HASH"));

/// A content hash naming one cache entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key([u8; 32]);

impl Key {
    pub fn from_bytes(bytes: [u8; 32]) -> Key {
        Key(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Builds a [`Key`] from labelled parts. Every part is length-prefixed, so two different
/// lists of parts can never hash the same bytes.
pub struct KeyBuilder(Sha256);

impl KeyBuilder {
    /// A key for outputs of one `kind` (`"pdf"`, `"image"`), made by this very tool.
    pub fn new(kind: &str) -> Self {
        let mut b = KeyBuilder(Sha256::new());
        b.str("tool", TOOL_ID);
        b.str("kind", kind);
        b
    }

    /// A key for outputs whose maker is versioned by hand in `version`, not by this build
    /// of the tool: photo copies, which take minutes to make again for a large catalog and
    /// must survive an upgrade that changed only templates or other code. Whoever changes
    /// what such an output contains must change `version`.
    pub fn versioned(kind: &str, version: &str) -> Self {
        let mut b = KeyBuilder(Sha256::new());
        b.str("version", version);
        b.str("kind", kind);
        b
    }

    pub fn bytes(&mut self, label: &str, bytes: &[u8]) -> &mut Self {
        self.0.update((label.len() as u64).to_le_bytes());
        self.0.update(label.as_bytes());
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn str(&mut self, label: &str, text: &str) -> &mut Self {
        self.bytes(label, text.as_bytes())
    }

    pub fn key(&mut self, label: &str, key: &Key) -> &mut Self {
        self.bytes(label, &key.0)
    }

    pub fn finish(self) -> Key {
        Key(self.0.finalize().into())
    }
}

/// The hash of one input (a file's bytes), to be put into a [`KeyBuilder`].
pub fn hash_bytes(bytes: &[u8]) -> Key {
    Key(Sha256::digest(bytes).into())
}

/// What the cache did during one build.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Outputs found in the cache.
    pub hits: usize,
    /// Outputs that had to be made.
    pub misses: usize,
    /// Damaged entries found, deleted and made again.
    pub corrupt: usize,
    /// Entries that could not be stored (e.g. a full disk); the build goes on without them.
    pub write_errors: usize,
}

/// The cache of one site; shared by every thread of a build.
pub struct Cache {
    /// `None` when caching is off (`--no-cache`): every lookup misses, nothing is stored.
    dir: Option<PathBuf>,
    used: Mutex<HashSet<(String, Key)>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    corrupt: AtomicUsize,
    write_errors: AtomicUsize,
    temp_counter: AtomicUsize,
}

impl Cache {
    /// The cache in `<root>/.brochure-cache/` (created on first store).
    pub fn open(root: &Path) -> Cache {
        Cache::with_dir(Some(root.join(DIR).join(LAYOUT)))
    }

    /// A cache that remembers nothing (`--no-cache`).
    pub fn disabled() -> Cache {
        Cache::with_dir(None)
    }

    fn with_dir(dir: Option<PathBuf>) -> Cache {
        Cache {
            dir,
            used: Mutex::new(HashSet::new()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            corrupt: AtomicUsize::new(0),
            write_errors: AtomicUsize::new(0),
            temp_counter: AtomicUsize::new(0),
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.dir.is_some()
    }

    fn entry_path(&self, kind: &str, key: &Key) -> Option<PathBuf> {
        let hex = key.hex();
        Some(self.dir.as_ref()?.join(kind).join(&hex[..2]).join(hex))
    }

    fn mark_used(&self, kind: &str, key: &Key) {
        if let Ok(mut used) = self.used.lock() {
            used.insert((kind.to_string(), *key));
        }
    }

    /// The payload stored under `key`, if there is a sound one. Counts a hit or a miss.
    pub fn get(&self, kind: &str, key: &Key) -> Option<Vec<u8>> {
        self.mark_used(kind, key);
        let found = self.entry_path(kind, key).and_then(|path| {
            let bytes = std::fs::read(&path).ok()?;
            match decode(&bytes) {
                Some(payload) => Some(payload.to_vec()),
                None => {
                    self.corrupt.fetch_add(1, Ordering::Relaxed);
                    let _ = std::fs::remove_file(&path);
                    None
                }
            }
        });
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Stores `payload` under `key`, whole or not at all. A failure (full disk, read-only
    /// folder) is counted, not fatal: the output itself was made and is correct.
    pub fn put(&self, kind: &str, key: &Key, payload: &[u8]) {
        self.mark_used(kind, key);
        let Some(path) = self.entry_path(kind, key) else {
            return;
        };
        if self.write_entry(&path, payload).is_err() {
            self.write_errors.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn write_entry(&self, path: &Path, payload: &[u8]) -> io::Result<()> {
        let dir = path
            .parent()
            .ok_or_else(|| io::Error::other("cache entry without a folder"))?;
        std::fs::create_dir_all(dir)?;
        let n = self.temp_counter.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".tmp-{}-{n}", std::process::id()));
        let result = (|| {
            let mut file = File::create(&temp)?;
            file.write_all(MAGIC)?;
            file.write_all(&(payload.len() as u64).to_le_bytes())?;
            file.write_all(&hash_bytes(payload).0)?;
            file.write_all(payload)?;
            file.flush()?;
            drop(file);
            std::fs::rename(&temp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }

    pub fn stats(&self) -> Stats {
        Stats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            corrupt: self.corrupt.load(Ordering::Relaxed),
            write_errors: self.write_errors.load(Ordering::Relaxed),
        }
    }

    /// Deletes every entry of `kind` this build did not use (stale versions of outputs,
    /// outputs that no longer exist), leftover temporary files, and folders of older cache
    /// layouts. Call it only after a complete, successful build, holding the [`BuildLock`].
    /// Returns how many entries were removed.
    pub fn prune(&self, kind: &str) -> io::Result<usize> {
        let Some(dir) = &self.dir else {
            return Ok(0);
        };
        if let Some(top) = dir.parent()
            && let Ok(entries) = std::fs::read_dir(top)
        {
            for e in entries.flatten() {
                let name = e.file_name();
                if e.file_type().is_ok_and(|t| t.is_dir()) && name != LAYOUT {
                    std::fs::remove_dir_all(e.path())?;
                }
            }
        }
        let used = self.used.lock().map(|u| u.clone()).unwrap_or_default();
        let mut removed = 0;
        let root = dir.join(kind);
        let Ok(shards) = std::fs::read_dir(&root) else {
            return Ok(0);
        };
        for shard in shards.flatten() {
            let Ok(files) = std::fs::read_dir(shard.path()) else {
                continue;
            };
            for file in files.flatten() {
                let name = file.file_name().to_string_lossy().into_owned();
                let keep = parse_hex(&name).is_some_and(|k| used.contains(&(kind.to_string(), k)));
                if !keep {
                    std::fs::remove_file(file.path())?;
                    if !name.starts_with(".tmp-") {
                        removed += 1;
                    }
                }
            }
        }
        Ok(removed)
    }
}

/// Several named files as one cache entry (the web copies of a photo, the search index):
/// `[name length u32][name][length u64][bytes]…`.
pub fn pack_files(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, bytes) in files {
        out.extend_from_slice(&(name.len() as u32).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(bytes);
    }
    out
}

/// The files of a [`pack_files`] entry; `None` when it is not one.
pub fn unpack_files(mut data: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    while !data.is_empty() {
        let (len, rest) = data.split_at_checked(4)?;
        let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
        let (name, rest) = rest.split_at_checked(len)?;
        let (size, rest) = rest.split_at_checked(8)?;
        let size = usize::try_from(u64::from_le_bytes(size.try_into().ok()?)).ok()?;
        let (bytes, rest) = rest.split_at_checked(size)?;
        files.push((String::from_utf8(name.to_vec()).ok()?, bytes.to_vec()));
        data = rest;
    }
    Some(files)
}

fn parse_hex(name: &str) -> Option<Key> {
    if name.len() != 64 {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(name.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(Key(key))
}

/// The payload of an entry file, if its header, length and checksum are sound.
fn decode(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (len, rest) = rest.split_at_checked(8)?;
    let len = u64::from_le_bytes(len.try_into().ok()?);
    let (sum, payload) = rest.split_at_checked(32)?;
    if payload.len() as u64 != len || hash_bytes(payload).0 != *sum {
        return None;
    }
    Some(payload)
}

/// Empties the site's cache folder (`brochure clean`). Returns whether there was anything to
/// remove. Call it holding the [`BuildLock`]: the lock file itself stays, so a build that
/// starts meanwhile still finds it held.
pub fn clean(root: &Path) -> io::Result<bool> {
    let dir = root.join(DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(false);
    };
    let mut removed = false;
    for entry in entries.flatten() {
        if entry.file_name() == "lock" {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
        removed = true;
    }
    Ok(removed)
}

/// One build of a site at a time: an exclusive lock on `.brochure-cache/lock`, released when
/// dropped or when the process dies (the operating system releases it even after `kill -9`).
pub struct BuildLock {
    _file: File,
}

impl BuildLock {
    /// Takes the lock, or says why not in words for the user.
    pub fn acquire(root: &Path) -> Result<BuildLock, String> {
        let dir = root.join(DIR);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create the cache folder {}: {e}", dir.display()))?;
        let path = dir.join("lock");
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| format!("cannot open the build lock {}: {e}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {
                // Who holds it, for the message another build prints.
                let _ = file.set_len(0);
                let _ = file.write_all(std::process::id().to_string().as_bytes());
                Ok(BuildLock { _file: file })
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = std::fs::read_to_string(&path).unwrap_or_default();
                let holder = holder.trim();
                Err(if holder.is_empty() {
                    "another build of this site is running".to_string()
                } else {
                    format!("another build of this site is running (process {holder})")
                })
            }
            Err(std::fs::TryLockError::Error(e)) => {
                Err(format!("cannot lock {}: {e}", path.display()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_files_come_back_whole_and_a_cut_entry_is_refused() {
        let files = vec![
            ("pagefind.js".to_string(), b"x".to_vec()),
            ("index/ru_1.pf_index".to_string(), vec![0; 300]),
        ];
        let packed = pack_files(&files);
        assert_eq!(unpack_files(&packed), Some(files));
        assert_eq!(unpack_files(&packed[..packed.len() - 1]), None);
        assert_eq!(unpack_files(&[1, 0]), None);
    }

    fn key(text: &str) -> Key {
        let mut b = KeyBuilder::new("test");
        b.str("text", text);
        b.finish()
    }

    #[test]
    fn keys_separate_their_parts() {
        let mut a = KeyBuilder::new("pdf");
        a.str("x", "ab").str("y", "c");
        let mut b = KeyBuilder::new("pdf");
        b.str("x", "a").str("y", "bc");
        assert_ne!(a.finish(), b.finish());
        assert_eq!(key("same"), key("same"));
        assert_eq!(parse_hex(&key("k").hex()), Some(key("k")));
    }

    #[test]
    fn stores_finds_and_prunes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path());
        assert_eq!(cache.get("pdf", &key("a")), None);
        cache.put("pdf", &key("a"), b"one");
        cache.put("pdf", &key("b"), b"two");
        assert_eq!(cache.get("pdf", &key("a")).as_deref(), Some(&b"one"[..]));
        let stats = cache.stats();
        assert_eq!((stats.hits, stats.misses), (1, 1));

        // A later build that uses only `a` prunes `b`.
        let next = Cache::open(dir.path());
        assert!(next.get("pdf", &key("a")).is_some());
        assert_eq!(next.prune("pdf").unwrap(), 1);
        assert!(Cache::open(dir.path()).get("pdf", &key("b")).is_none());
        assert!(Cache::open(dir.path()).get("pdf", &key("a")).is_some());
    }

    #[test]
    fn damaged_entries_are_detected_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path());
        cache.put("pdf", &key("a"), b"a whole PDF");
        let path = cache.entry_path("pdf", &key("a")).unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(cache.get("pdf", &key("a")), None);
        assert_eq!(cache.stats().corrupt, 1);
        assert!(!path.exists());
        // Truncated (a write cut short) is damaged too.
        cache.put("pdf", &key("a"), b"a whole PDF");
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert_eq!(cache.get("pdf", &key("a")), None);
    }

    #[test]
    fn disabled_cache_stores_nothing() {
        let cache = Cache::disabled();
        cache.put("pdf", &key("a"), b"x");
        assert_eq!(cache.get("pdf", &key("a")), None);
        assert_eq!(cache.prune("pdf").unwrap(), 0);
    }

    #[test]
    fn one_build_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let lock = BuildLock::acquire(dir.path()).unwrap();
        let err = BuildLock::acquire(dir.path()).err().unwrap();
        assert!(
            err.contains("another build of this site is running"),
            "{err}"
        );
        drop(lock);
        assert!(BuildLock::acquire(dir.path()).is_ok());
    }
}
