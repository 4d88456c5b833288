//! `brochure serve`: a live preview of the site while its sources are edited.
//!
//! The preview is the build, kept in memory: the same [`crate::build::render`] writes every page
//! and PDF into a [`Snapshot`] instead of a folder, so what is served is byte for byte what
//! `brochure build` writes (plus the live-reload script), and `public/` is never touched. PDFs go
//! through the build cache, so only documents whose sources changed are typeset again.
//!
//! A watcher ([`watch`]) reports changed sources; the site is then built again and the new
//! snapshot compared with the old one, file by file. Browsers hear about the change over
//! Server-Sent Events with the list of changed URLs, and reload only when their page or
//! something it uses changed (a stylesheet is swapped in place). A broken source keeps the last
//! good snapshot and shows its diagnostics as an overlay on every open page.

pub mod http;
mod watch;

use crate::build::{load, render, static_clashes};
use crate::cache::Cache;
use crate::diagnostics::{Diagnostic, Location};
use crate::output::Sink;
use crate::site::LoadOptions;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// Settings of `brochure serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub drafts: bool,
    /// Leave PDFs out (faster previews of the site alone).
    pub no_pdf: bool,
}

/// Every file of the site at one moment, by output path.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub files: HashMap<String, Arc<[u8]>>,
    /// The site's base path (`/` or `/catalog/`): URLs are served below it.
    pub base_path: String,
}

/// What the preview currently shows, and who is listening.
pub struct Preview {
    root: PathBuf,
    options: LoadOptions,
    pdf: bool,
    cache: Cache,
    /// The last good build.
    snapshot: RwLock<Arc<Snapshot>>,
    /// Diagnostics of the last failed build, rendered as text, until a build succeeds.
    errors: RwLock<Option<String>>,
    version: Mutex<u64>,
    /// Identifies this server process, so a browser can tell that it restarted.
    instance: String,
    listeners: Mutex<Vec<Sender<String>>>,
}

/// The outcome of one rebuild, for the terminal and for tests.
#[derive(Debug, Clone)]
pub struct Update {
    /// URL paths whose bytes changed, appeared or disappeared.
    pub changed: Vec<String>,
    /// HTML pages whose only change is the version of a stylesheet or script they use.
    pub restyled: Vec<String>,
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// An in-memory sink that keeps every output's bytes.
#[derive(Default)]
struct Memory(Mutex<HashMap<String, Arc<[u8]>>>);

impl Sink for Memory {
    fn put(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .insert(rel.to_string(), Arc::from(bytes));
        Ok(())
    }
}

impl Preview {
    /// Builds the site once; fails like `build` when the first build fails (there is nothing
    /// good to show yet).
    pub fn start(
        root: &Path,
        drafts: bool,
        pdf: bool,
    ) -> Result<(Preview, Update), Vec<Diagnostic>> {
        let preview = Preview {
            root: root.to_path_buf(),
            options: LoadOptions {
                drafts,
                ..LoadOptions::default()
            },
            pdf,
            cache: Cache::open(root),
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            errors: RwLock::new(None),
            version: Mutex::new(0),
            instance: format!(
                "{:x}",
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos())
            ),
            listeners: Mutex::new(Vec::new()),
        };
        let update = preview.rebuild();
        if !update.errors.is_empty() {
            return Err(update.errors);
        }
        Ok((preview, update))
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .map(|s| Arc::clone(&s))
            .unwrap_or_default()
    }

    /// Builds the site again and, when it succeeds, swaps the snapshot in and tells browsers
    /// what changed; when it fails, keeps the last good snapshot and shows the errors.
    pub fn rebuild(&self) -> Update {
        let started = Instant::now();
        let result = self.build_snapshot();
        let mut update = Update {
            changed: Vec::new(),
            restyled: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            elapsed: Duration::ZERO,
        };
        match result {
            Ok((snapshot, warnings)) => {
                let old = self.snapshot();
                (update.changed, update.restyled) = differences(&old, &snapshot);
                update.warnings = warnings;
                if let Ok(mut s) = self.snapshot.write() {
                    *s = Arc::new(snapshot);
                }
                if let Ok(mut e) = self.errors.write() {
                    *e = None;
                }
            }
            Err(errors) => {
                let text: String = errors
                    .iter()
                    .map(|d| d.render(Some(&self.root), false))
                    .collect::<Vec<_>>()
                    .join("\n");
                if let Ok(mut e) = self.errors.write() {
                    *e = Some(text);
                }
                update.errors = errors;
            }
        }
        if let Ok(mut v) = self.version.lock() {
            *v += 1;
        }
        update.elapsed = started.elapsed();
        self.broadcast(&update);
        update
    }

    fn build_snapshot(&self) -> Result<(Snapshot, Vec<Diagnostic>), Vec<Diagnostic>> {
        let (site, mut warnings) =
            load(&self.root, self.options.clone()).map_err(|f| f.diagnostics)?;
        let (shadowed, clashes) = static_clashes(&site, self.pdf);
        if clashes.iter().any(Diagnostic::is_error) {
            return Err(clashes);
        }
        warnings.extend(clashes);
        let memory = Memory::default();
        let summary = render(&site, self.pdf, &self.cache, &memory)?;
        warnings.extend(summary.warnings);
        let mut files = memory.0.into_inner().unwrap_or_default();
        for (rel, source) in &site.theme.static_files {
            if shadowed.contains(rel) {
                continue;
            }
            let bytes = source.read().map_err(|e| {
                vec![Diagnostic::error(
                    Location::file(format!("static/{rel}")),
                    format!("cannot read the file: {e}"),
                )]
            })?;
            files.insert(rel.clone(), Arc::from(bytes));
        }
        Ok((
            Snapshot {
                files,
                base_path: site.config.base_path.clone(),
            },
            warnings,
        ))
    }

    /// The event a browser gets now: the current state with nothing changed.
    fn hello(&self) -> String {
        self.event(&[], &[])
    }

    fn event(&self, changed: &[String], restyled: &[String]) -> String {
        let errors = self.errors.read().ok().and_then(|e| e.clone());
        let version = self.version.lock().map_or(0, |v| *v);
        serde_json::json!({
            "id": self.instance,
            "v": version,
            "changed": changed,
            "restyled": restyled,
            "errors": errors,
        })
        .to_string()
    }

    fn broadcast(&self, update: &Update) {
        let event = self.event(&update.changed, &update.restyled);
        if let Ok(mut listeners) = self.listeners.lock() {
            listeners.retain(|l| l.send(event.clone()).is_ok());
        }
    }

    /// A new browser connection: its first event is the current state.
    fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = channel();
        let _ = tx.send(self.hello());
        if let Ok(mut listeners) = self.listeners.lock() {
            listeners.push(tx);
        }
        rx
    }
}

/// URL paths (below the base path) that differ between two snapshots, and the HTML pages
/// whose only difference is an asset's `?v=` version.
fn differences(old: &Snapshot, new: &Snapshot) -> (Vec<String>, Vec<String>) {
    let mut changed = Vec::new();
    let mut restyled = Vec::new();
    for (path, bytes) in &new.files {
        match old.files.get(path) {
            Some(before) if before == bytes => {}
            Some(before)
                if path.ends_with(".html")
                    && without_versions(before) == without_versions(bytes) =>
            {
                restyled.push(url_of(path, &new.base_path));
            }
            _ => changed.push(url_of(path, &new.base_path)),
        }
    }
    for path in old.files.keys() {
        if !new.files.contains_key(path) {
            changed.push(url_of(path, &new.base_path));
        }
    }
    changed.sort();
    restyled.sort();
    (changed, restyled)
}

/// `text` without `?v=<hex>` asset versions.
fn without_versions(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"?v=") {
            i += 3;
            while i < bytes.len() && bytes[i].is_ascii_hexdigit() {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// The URL path a browser uses for an output file: `en/index.html` → `/en/`.
fn url_of(path: &str, base_path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_path}{path}")
}

/// Binds `bind:port`, or the next free port above it; says when it moved.
fn bind(options: &ServeOptions) -> Result<(tiny_http::Server, u16), Diagnostic> {
    let mut last = String::new();
    for offset in 0..20u16 {
        let Some(port) = options.port.checked_add(offset) else {
            break;
        };
        match tiny_http::Server::http(SocketAddr::new(options.bind, port)) {
            Ok(server) => {
                // Port 0 asks the system for a free one (tests).
                let bound = server.server_addr().to_ip().map_or(port, |a| a.port());
                return Ok((server, bound));
            }
            Err(e) => last = e.to_string(),
        }
    }
    Err(Diagnostic::error(
        Location::file(crate::diagnostics::COMMAND_LINE),
        format!("no free port from {} on: {last}", options.port),
    )
    .with_hint("choose another with --port"))
}

/// A running preview server: the address it listens on and the preview behind it.
pub struct Running {
    pub port: u16,
    pub preview: Arc<Preview>,
    server: Arc<tiny_http::Server>,
}

impl Running {
    /// Stops accepting requests (tests; Ctrl-C ends the process).
    pub fn stop(&self) {
        self.server.unblock();
    }
}

/// Builds the site, binds the port and answers requests on background threads. Rebuilds
/// are triggered by the caller ([`Preview::rebuild`]) or by [`watch_forever`].
pub fn start(options: &ServeOptions) -> Result<(Running, Update), Vec<Diagnostic>> {
    let (preview, update) = Preview::start(&options.root, options.drafts, !options.no_pdf)?;
    let preview = Arc::new(preview);
    let (server, port) = bind(options).map_err(|d| vec![d])?;
    let server = Arc::new(server);
    {
        let server = Arc::clone(&server);
        let preview = Arc::clone(&preview);
        std::thread::Builder::new()
            .name("brochure-http".into())
            .spawn(move || accept(&server, &preview))
            .map_err(|e| {
                vec![Diagnostic::error(
                    Location::file(crate::diagnostics::COMMAND_LINE),
                    format!("cannot start the server: {e}"),
                )]
            })?;
    }
    Ok((
        Running {
            port,
            preview,
            server,
        },
        update,
    ))
}

fn accept(server: &tiny_http::Server, preview: &Arc<Preview>) {
    for request in server.incoming_requests() {
        let preview = Arc::clone(preview);
        // One thread per request: an event stream stays open as long as its page.
        let _ = std::thread::Builder::new()
            .name("brochure-request".into())
            .spawn(move || answer(request, &preview));
    }
}

fn header(name: &str, value: &str) -> Option<tiny_http::Header> {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn answer(request: tiny_http::Request, preview: &Preview) {
    let method = request.method().as_str().to_string();
    let url = request.url().to_string();
    if url.split('?').next() == Some(http::EVENTS_PATH) && method == "GET" {
        stream_events(request.into_writer(), &preview.subscribe());
        return;
    }
    let reply = http::respond(&preview.snapshot(), &method, &url);
    let headers = reply
        .headers
        .iter()
        .filter_map(|(n, v)| header(n, v))
        .collect();
    let length = reply.body.len();
    let response = tiny_http::Response::new(
        reply.status.into(),
        headers,
        std::io::Cursor::new(reply.body),
        Some(length),
        None,
    );
    let _ = request.respond(response);
}

/// Writes an event stream by hand: the server's chunked encoding buffers 8 KB before it
/// sends anything, and an event must reach the browser at once. The stream ends with the
/// connection (`Connection: close`); a comment every 15 s notices a closed tab.
fn stream_events(mut out: Box<dyn std::io::Write + Send>, events: &Receiver<String>) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    loop {
        let chunk = match events.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => format!("data: {event}\n\n"),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ":\n\n".to_string(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if out
            .write_all(chunk.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Watches the site's sources and rebuilds on every change, printing what happened. Returns
/// only when the watcher cannot run.
pub fn watch_forever(preview: &Preview, report: impl Fn(&Update)) -> Result<(), Diagnostic> {
    let root = preview
        .root
        .canonicalize()
        .unwrap_or_else(|_| preview.root.clone());
    let mut changes = watch::start(&root)?;
    while let Some(mut batch) = changes.next() {
        // Changes that arrived while building are folded into the next build.
        while let Some(more) = changes.pending() {
            batch.extend(more);
        }
        // A source folder created after the start (a first `templates/`) must be watched too.
        let new_folder = batch.iter().any(|p| {
            p.parent() == Some(root.as_path())
                && p.is_dir()
                && p.file_name()
                    .is_some_and(|n| watch::SOURCE_FOLDERS.iter().any(|f| n == *f))
        });
        report(&preview.rebuild());
        if new_folder {
            changes = watch::start(&root)?;
        }
    }
    Ok(())
}
