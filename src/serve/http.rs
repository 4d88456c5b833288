//! Answering one HTTP request from the preview's files: a pure function of the snapshot and
//! the request line, so every rule (traversal, content types, 404, redirects) is tested without
//! a socket.

use super::Snapshot;
use std::sync::Arc;

/// What to send back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Arc<[u8]>,
}

impl Reply {
    fn text(status: u16, text: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
            body: Arc::from(text.as_bytes()),
        }
    }
}

/// The URL path of the live-reload event stream.
pub const EVENTS_PATH: &str = "/__brochure/events";

/// The script injected into every HTML page of the preview (never into the built site).
pub const RELOAD_SCRIPT: &str = include_str!("reload.js");

/// `Content-Type` for an output path.
pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// The output path a request URL names, below the site's base path, or `None` when the URL
/// tries to leave the site or is not a plain path: `..` and `.` segments (also encoded as
/// `%2e`), encoded or literal backslashes, NUL, invalid percent escapes or UTF-8.
pub fn output_path(url: &str, base_path: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    if decoded.contains(['\\', '\0']) || !decoded.starts_with('/') {
        return None;
    }
    let below = decoded.strip_prefix(base_path).or_else(|| {
        // `/catalog` for the base path `/catalog/`.
        (decoded == base_path.trim_end_matches('/')).then_some("")
    })?;
    let mut segments = Vec::new();
    for segment in below.split('/') {
        match segment {
            "" => {}
            "." | ".." => return None,
            s => segments.push(s),
        }
    }
    let mut rel = segments.join("/");
    if below.ends_with('/') || rel.is_empty() {
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str("index.html");
    }
    Some(rel)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let value = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            out.push(value);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Adds the live-reload script before `</body>` (or at the end).
pub fn with_reload_script(html: &[u8]) -> Vec<u8> {
    let script = format!("<script>{RELOAD_SCRIPT}</script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

/// Answers `method url` from `snapshot`.
pub fn respond(snapshot: &Snapshot, method: &str, url: &str) -> Reply {
    if method != "GET" && method != "HEAD" {
        let mut reply = Reply::text(405, "Only GET and HEAD are served.\n");
        reply.headers.push(("Allow".into(), "GET, HEAD".into()));
        return reply;
    }
    let base = snapshot.base_path.as_str();
    let Some(rel) = output_path(url, base) else {
        return Reply::text(
            400,
            "Bad request: the path is not a plain path inside the site.\n",
        );
    };
    if let Some(body) = snapshot.read(&rel) {
        return page(&rel, &body, 200);
    }
    // `/en/products` → `/en/products/` when that is a folder with an index.
    let folder_index = format!("{rel}/index.html");
    if !rel.ends_with(".html") && snapshot.contains(&folder_index) {
        let path = url.split(['?', '#']).next().unwrap_or("");
        return Reply {
            status: 301,
            headers: vec![("Location".into(), format!("{path}/"))],
            body: Arc::from(&b""[..]),
        };
    }
    match snapshot.read("404.html") {
        Some(body) => page("404.html", &body, 404),
        None => Reply::text(404, "Not found.\n"),
    }
}

fn page(rel: &str, body: &Arc<[u8]>, status: u16) -> Reply {
    let kind = content_type(rel);
    let body = if kind.starts_with("text/html") {
        Arc::from(with_reload_script(body))
    } else {
        Arc::clone(body)
    };
    Reply {
        status,
        headers: vec![
            ("Content-Type".into(), kind.into()),
            // A preview must never show a stale page from the browser's cache.
            ("Cache-Control".into(), "no-store".into()),
            ("X-Content-Type-Options".into(), "nosniff".into()),
        ],
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn snapshot() -> Snapshot {
        let mut files: HashMap<String, Vec<u8>> = HashMap::new();
        for (path, body) in [
            ("index.html", "<html><body>chooser</body></html>"),
            ("en/index.html", "<html><body>home</body></html>"),
            ("en/products/index.html", "<html><body>list</body></html>"),
            ("css/site.css", "body{}"),
            ("404.html", "<html><body>missing</body></html>"),
            ("brochures/catalog.en.pdf", "%PDF"),
        ] {
            files.insert(path.into(), body.as_bytes().to_vec());
        }
        Snapshot::in_memory(files, "/")
    }

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(output_path("/", "/").as_deref(), Some("index.html"));
        assert_eq!(output_path("/en/", "/").as_deref(), Some("en/index.html"));
        assert_eq!(
            output_path("/en/x.css?v=1", "/").as_deref(),
            Some("en/x.css")
        );
        assert_eq!(
            output_path("/%D1%80%D1%83/", "/").as_deref(),
            Some("ру/index.html")
        );
        for bad in [
            "/../etc/passwd",
            "/en/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fetc/passwd",
            "/en%2f..%2f..%2fx",
            "/..%5c..%5cx",
            "/a\\b",
            "/%00",
            "/%zz",
            "/%ff",
            "relative",
            "/./x",
        ] {
            assert_eq!(output_path(bad, "/"), None, "{bad}");
        }
        assert_eq!(
            output_path("/catalog/en/", "/catalog/").as_deref(),
            Some("en/index.html")
        );
        assert_eq!(
            output_path("/catalog", "/catalog/").as_deref(),
            Some("index.html")
        );
        assert_eq!(output_path("/other/", "/catalog/"), None);
    }

    #[test]
    fn replies() {
        let s = snapshot();
        let home = respond(&s, "GET", "/en/");
        assert_eq!(home.status, 200);
        assert_eq!(home.headers[0].1, "text/html; charset=utf-8");
        let body = String::from_utf8_lossy(&home.body);
        assert!(
            body.contains("home") && body.contains(EVENTS_PATH),
            "{body}"
        );
        let css = respond(&s, "HEAD", "/css/site.css");
        assert_eq!(
            (css.status, css.headers[0].1.as_str()),
            (200, "text/css; charset=utf-8")
        );
        assert_eq!(&*css.body, b"body{}", "no script outside HTML");
        let pdf = respond(&s, "GET", "/brochures/catalog.en.pdf");
        assert_eq!(pdf.headers[0].1, "application/pdf");
        let missing = respond(&s, "GET", "/en/nothing/");
        assert_eq!(missing.status, 404);
        assert!(String::from_utf8_lossy(&missing.body).contains("missing"));
        let folder = respond(&s, "GET", "/en/products");
        assert_eq!(folder.status, 301);
        assert_eq!(
            folder.headers[0],
            ("Location".into(), "/en/products/".into())
        );
        assert_eq!(respond(&s, "POST", "/en/").status, 405);
        assert_eq!(respond(&s, "GET", "/%2e%2e/etc/passwd").status, 400);
        // No listing of folders that have no index.
        assert_eq!(respond(&s, "GET", "/css/").status, 404);
    }

    #[test]
    fn the_reload_script_is_small() {
        assert!(RELOAD_SCRIPT.len() < 1024, "{} bytes", RELOAD_SCRIPT.len());
    }
}
