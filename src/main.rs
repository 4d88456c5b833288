//! The `brochure` command line: a thin layer over the library.

use brochure::build::{BuildOptions, build};
use brochure::check::{CheckOptions, check};
use brochure::diagnostics::Diagnostic;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
        Command::Build {
            root,
            output,
            strict,
            drafts,
            base_url,
            no_pdf,
        } => {
            let options = BuildOptions {
                root: root.clone(),
                output,
                drafts,
                strict,
                base_url,
                no_pdf,
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
