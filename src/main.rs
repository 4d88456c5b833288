//! The `brochure` command line: a thin layer over the library.

use brochure::build::{BuildOptions, build};
use brochure::check::{CheckOptions, check};
use brochure::diagnostics::Diagnostic;
use brochure::limits::GuardedAlloc;
use brochure::xliff::{ExportOptions, ImportOptions};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// mimalloc is off (`--no-default-features`) for heap profilers that hook malloc. Either way the
// allocator refuses runaway allocations inside template renders (see `brochure::limits`).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: GuardedAlloc<mimalloc::MiMalloc> = GuardedAlloc(mimalloc::MiMalloc);
#[cfg(not(feature = "mimalloc"))]
#[global_allocator]
static ALLOCATOR: GuardedAlloc<std::alloc::System> = GuardedAlloc(std::alloc::System);

#[derive(Parser)]
#[command(
    name = "brochure",
    version,
    about = "Trilingual catalog sites and print brochures from YAML, Markdown and Fluent"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start a new site: a small complete catalog that builds, to edit and grow.
    Init {
        /// The folder to create the site in; it must be new or empty.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The site's languages, the first being the default (the theme speaks en, zh, ru).
        #[arg(long, value_delimiter = ',', default_value = "en,zh,ru")]
        languages: Vec<String>,
    },
    /// Add a product, category, news article or page, with every field in every language.
    New {
        /// The site folder (where brochure.toml is).
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        #[command(subcommand)]
        item: NewCommand,
    },
    /// Build the site into the output folder (default: public/).
    Build {
        /// The site folder (where brochure.toml is).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: <root>/public).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Treat every warning as an error.
        #[arg(long)]
        strict: bool,
        /// Include items marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Override base_url from brochure.toml (e.g. for a staging server).
        #[arg(long)]
        base_url: Option<String>,
        /// Skip brochures and datasheets (PDF) for quick site work.
        #[arg(long)]
        no_pdf: bool,
        /// Typeset every PDF again instead of reusing unchanged ones from .brochure-cache/.
        #[arg(long)]
        no_cache: bool,
        /// Write no search index and show no search box.
        #[arg(long)]
        no_search: bool,
    },
    /// Preview the site at http://127.0.0.1:1111/, rebuilt and reloaded as sources change.
    Serve {
        /// The site folder (where brochure.toml is).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port; when taken, the next free one is used.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on. Anything but 127.0.0.1 shows the preview to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Include items marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Leave brochures and datasheets (PDF) out, for quicker previews.
        #[arg(long)]
        no_pdf: bool,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Delete the build cache (.brochure-cache/) and folders an interrupted build left behind.
    Clean {
        /// The site folder (where brochure.toml is).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Report what is not translated yet and what is broken, without writing anything.
    Check {
        /// The site folder (where brochure.toml is).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat every gap and warning as an error (exit code 1), e.g. to gate a release.
        #[arg(long)]
        strict: bool,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Report only this language (may be repeated).
        #[arg(long = "lang", value_name = "CODE")]
        languages: Vec<String>,
        /// Also write the report as a self-contained HTML page to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Skip brochures and datasheets (PDF), as `build --no-pdf` does.
        #[arg(long)]
        no_pdf: bool,
    },
    /// Exchange translations with translators as XLIFF 1.2 files.
    Translations {
        #[command(subcommand)]
        command: Translations,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// content/products/<ID>.yaml, as a draft.
    Product {
        /// The product's id: its file name and URL (e.g. ex-200).
        id: String,
        /// The category it belongs to (an id from content/categories.yaml).
        #[arg(long)]
        category: String,
    },
    /// A new entry at the end of content/categories.yaml.
    Category {
        /// The category's id: its URL (e.g. wheel-loaders).
        id: String,
    },
    /// content/news/<SLUG>.<lang>.md for every language, as drafts dated today.
    News {
        /// The article's slug: its file name and URL.
        slug: String,
    },
    /// content/pages/<SLUG>.<lang>.md for every language, as drafts.
    Page {
        /// The page's slug: its file name and URL.
        slug: String,
    },
}

#[derive(Subcommand)]
enum Translations {
    /// Write the texts of one language as an XLIFF 1.2 file for a translation tool.
    Export {
        /// The site folder (where brochure.toml is).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The language to translate into.
        #[arg(long, value_name = "CODE")]
        lang: String,
        /// Only the texts that are not translated yet.
        #[arg(long)]
        missing_only: bool,
        /// The XLIFF file to write.
        #[arg(long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Write the translations of an XLIFF file back into the .ftl and YAML files.
    Import {
        /// The site folder (where brochure.toml is).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The translated XLIFF file.
        file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn print_diagnostics(diagnostics: &[Diagnostic], root: &Path) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diagnostics {
        eprint!("{}", d.render(Some(root), color));
        eprintln!();
    }
}

fn run_check(options: CheckOptions, format: Format, html: Option<PathBuf>) -> ExitCode {
    let report = check(&options);
    match format {
        Format::Json => print!("{}", brochure::check::to_json(&report)),
        Format::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            print!("{}", brochure::check::to_text(&report, color));
        }
    }
    if let Some(path) = html
        && let Err(e) = std::fs::write(&path, brochure::check::to_html(&report))
    {
        eprintln!("error: could not write {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    ExitCode::from(report.exit_code())
}

fn run_translations(command: Translations) -> ExitCode {
    let (root, result) = match command {
        Translations::Export {
            root,
            lang,
            missing_only,
            output,
        } => {
            let options = ExportOptions {
                root: root.clone(),
                lang,
                missing_only,
                output,
            };
            (root, brochure::xliff::export(&options))
        }
        Translations::Import { root, file } => {
            let options = ImportOptions {
                root: root.clone(),
                file,
            };
            (root, brochure::xliff::import(&options))
        }
    };
    match result {
        Ok(done) => {
            print_diagnostics(&done.warnings, &root);
            println!("{}", done.summary);
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, &root);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "Failed with {errors} error{}; no file was changed.",
                if errors == 1 { "" } else { "s" }
            );
            ExitCode::FAILURE
        }
    }
}

fn run_clean(root: &Path) -> ExitCode {
    // Not while a build runs: it would lose the entries that build is writing.
    let lock = match brochure::cache::BuildLock::acquire(root) {
        Ok(lock) => lock,
        Err(message) => {
            eprintln!("error: {message}; try again when it has finished");
            return ExitCode::FAILURE;
        }
    };
    let _ = brochure::output::remove_leftovers(&root.join("public"));
    let cleaned = brochure::cache::clean(root);
    drop(lock);
    match cleaned {
        Ok(true) => {
            println!(
                "Removed {}; the next build typesets every PDF again.",
                root.join(brochure::cache::DIR).display()
            );
            ExitCode::SUCCESS
        }
        Ok(false) => {
            println!("Nothing to remove: there is no build cache.");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "error: could not remove {}: {e}",
                root.join(brochure::cache::DIR).display()
            );
            ExitCode::FAILURE
        }
    }
}

fn run_init(dir: &Path, languages: &[String]) -> ExitCode {
    match brochure::scaffold::init(dir, languages) {
        Ok(files) => {
            let shown = dir.display().to_string();
            println!("Created a new site in {shown} ({} files).", files.len());
            println!();
            println!("Next:");
            if dir != Path::new(".") {
                println!("  cd {shown}");
            }
            println!(
                "  brochure build        builds the site into public/ (open public/index.html)"
            );
            println!("  brochure check        lists what is missing or not translated yet");
            println!("  brochure new product ex-200 --category excavators");
            println!();
            println!(
                "Then put your company into locales/*/site.ftl and base_url into brochure.toml."
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, dir);
            ExitCode::FAILURE
        }
    }
}

fn run_new(root: &Path, command: NewCommand) -> ExitCode {
    use brochure::scaffold::NewItem;
    let item = match command {
        NewCommand::Product { id, category } => NewItem::Product { id, category },
        NewCommand::Category { id } => NewItem::Category { id },
        NewCommand::News { slug } => NewItem::News { slug },
        NewCommand::Page { slug } => NewItem::Page { slug },
    };
    match brochure::scaffold::new_item(root, &item) {
        Ok(files) => {
            for f in &files {
                println!("Wrote {}", f.display());
            }
            if !matches!(item, NewItem::Category { .. }) {
                println!(
                    "It is a draft: fill in every language, then remove `draft: true` (`brochure build --drafts` shows drafts)."
                );
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, root);
            ExitCode::FAILURE
        }
    }
}

fn run_serve(options: brochure::serve::ServeOptions, open: bool) -> ExitCode {
    let root = options.root.clone();
    // Before any thread starts: Ctrl-C then removes the preview's folder and exits cleanly.
    #[cfg(unix)]
    let stop = brochure::serve::stop_cleanly_on_signal()
        .map_err(|e| eprintln!("warning: {e}; Ctrl-C leaves the preview's files behind"))
        .ok();
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: anyone on the network can see the preview",
            options.bind
        );
    }
    let (running, first) = match brochure::serve::start(&options) {
        Ok(started) => started,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, &root);
            eprintln!("The site does not build; fix it and start the preview again.");
            return ExitCode::FAILURE;
        }
    };
    #[cfg(unix)]
    if let Some(stop) = stop {
        stop.on_stop(running.preview.own_folder().to_path_buf());
    }
    if options.port != 0 && running.port != options.port {
        println!(
            "Port {} is in use; using {} instead.",
            options.port, running.port
        );
    }
    print_diagnostics(&first.warnings, &root);
    let host = if options.bind.is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        options.bind.to_string()
    };
    let base = running.preview.snapshot().base_path.clone();
    let url = format!("http://{host}:{}{base}", running.port);
    println!(
        "Serving the site at {url} (built in {} ms). Edit any source to see it here; Ctrl-C stops.",
        first.elapsed.as_millis()
    );
    if open {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "explorer"
        } else {
            "xdg-open"
        };
        let _ = std::process::Command::new(opener).arg(&url).spawn();
    }
    // Warnings already shown are not repeated after every save; new ones are.
    let shown: std::sync::Mutex<std::collections::HashSet<String>> =
        std::sync::Mutex::new(first.warnings.iter().map(|w| w.to_string()).collect());
    // After a broken save, the first good one says so: the overlay in the browser goes away.
    let broken = std::sync::atomic::AtomicBool::new(false);
    let report = |update: &brochure::serve::Update| {
        if update.errors.is_empty() {
            if broken.swap(false, std::sync::atomic::Ordering::Relaxed) {
                println!("Fixed: the site builds again.");
            }
            let fresh: Vec<Diagnostic> = match shown.lock() {
                Ok(mut seen) => update
                    .warnings
                    .iter()
                    .filter(|w| seen.insert(w.to_string()))
                    .cloned()
                    .collect(),
                Err(_) => Vec::new(),
            };
            print_diagnostics(&fresh, &root);
            let because = match update.causes.as_slice() {
                [] => String::new(),
                [one] => format!(" for {one}"),
                [one, two] => format!(" for {one} and {two}"),
                [one, two, rest @ ..] => format!(" for {one}, {two} and {} more", rest.len()),
            };
            // Open pages shown before the rest were made: say when.
            let open_first = match update.first_shown {
                Some(at) => format!(", open pages in {} ms", at.as_millis()),
                None => String::new(),
            };
            println!(
                "Rebuilt in {} ms{open_first} ({} rendered{because}): {} changed{}{}",
                update.elapsed.as_millis(),
                match update.rendered {
                    1 => "1 page".to_string(),
                    n => format!("{n} pages"),
                },
                match update.changed.len() {
                    0 => "nothing".to_string(),
                    1 => "1 file".to_string(),
                    n => format!("{n} files"),
                },
                if update.restyled.is_empty() {
                    String::new()
                } else {
                    format!(", {} pages restyled", update.restyled.len())
                },
                match update.pdfs_queued {
                    0 => String::new(),
                    1 => "; 1 PDF to make".to_string(),
                    n => format!("; {n} PDFs to make"),
                }
            );
        } else {
            print_diagnostics(&update.errors, &root);
            broken.store(true, std::sync::atomic::Ordering::Relaxed);
            println!("The last good version stays in the browser until this is fixed.");
        }
    };
    match brochure::serve::watch_forever(&running.preview, report) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            print_diagnostics(&[d], &root);
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            no_pdf,
            open,
        } => run_serve(
            brochure::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
                no_pdf,
            },
            open,
        ),
        Command::Init { dir, languages } => run_init(&dir, &languages),
        Command::New { root, item } => run_new(&root, item),
        Command::Check {
            root,
            strict,
            format,
            languages,
            html,
            no_pdf,
        } => run_check(
            CheckOptions {
                root,
                strict,
                languages,
                no_pdf,
            },
            format,
            html,
        ),
        Command::Translations { command } => run_translations(command),
        Command::Clean { root } => run_clean(&root),
        Command::Build {
            root,
            output,
            strict,
            drafts,
            base_url,
            no_pdf,
            no_cache,
            no_search,
        } => {
            let options = BuildOptions {
                root: root.clone(),
                output,
                drafts,
                strict,
                base_url,
                no_pdf,
                no_cache,
                no_search,
            };
            match build(&options) {
                Ok(report) => {
                    print_diagnostics(&report.warnings, &root);
                    println!("{}", report.summary());
                    ExitCode::SUCCESS
                }
                Err(failure) => {
                    print_diagnostics(&failure.diagnostics, &root);
                    let errors = failure.errors().count();
                    eprintln!(
                        "Build failed with {errors} error{}; the previous output was left unchanged.",
                        if errors == 1 { "" } else { "s" }
                    );
                    ExitCode::FAILURE
                }
            }
        }
    }
}
