//! The `brochure` command line: a thin layer over the library.

use brochure::build::{BuildOptions, build};
use brochure::diagnostics::Diagnostic;
use clap::{Parser, Subcommand};
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
}

fn print_diagnostics(diagnostics: &[Diagnostic], root: &Path) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diagnostics {
        eprint!("{}", d.render(Some(root), color));
        eprintln!();
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
