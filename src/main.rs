//! The `casebook` command: parses the command line, runs one command from
//! [`cli`], and turns its outcome into the exit code (0 ok, 1 invalid
//! content, 2 usage, configuration or I/O error). Nothing else exits.

mod cli;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Static site generator for programme case-study catalogues: Norwegian
/// municipalities' reports (Behov, Mål, Tiltak, Resultat, Forankring) as an
/// accessible, searchable catalogue.
#[derive(Parser, Debug)]
#[command(name = "casebook", version, about, long_about = None)]
pub struct Cli {
    /// The site's folder (holding `content/`).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// The language casebook speaks (default: the site's `language`, else nb).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Output format of diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style, with the source line and a caret, on stderr.
    Human,
    /// One JSON array of `{file, line, column, severity, code, message, help}` on stdout.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::message`) on stdout.
    Github,
    /// One SARIF 2.1.0 log on stdout, for code scanning.
    Sarif,
}

/// The language of everything casebook says to the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Bokmål.
    Nb,
    /// Nynorsk.
    Nn,
    /// English.
    En,
}

/// The language of a new case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CaseLanguage {
    /// Bokmål.
    Nb,
    /// Nynorsk.
    Nn,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Write a new site skeleton into DIR (default: the root); never overwrites a file.
    Init {
        /// Where to create the site.
        dir: Option<PathBuf>,
    },
    /// Write `content/cases/<slug>.md` for a municipality, prefilled and commented.
    New {
        /// The municipality's name, e.g. "Ålesund".
        municipality: String,
        /// Programme id from `content/programmes.yaml`.
        #[arg(long)]
        programme: Option<String>,
        /// Write the comments in bokmål or nynorsk.
        #[arg(long, value_enum)]
        language: Option<CaseLanguage>,
    },
    /// Validate every case and page; print every problem.
    Check {
        /// How to print problems.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Include cases marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Build the site into `--out` (atomically).
    Build {
        /// Output folder.
        #[arg(long, default_value = "public", value_name = "DIR")]
        out: PathBuf,
        /// Override `base_url` from `site.yaml`.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include cases marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Build, serve on localhost, rebuild on every save and reload the browser.
    Serve {
        /// Port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to bind (loopback by default).
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Include cases marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Print the JSON Schema (draft-07) of a case's front matter.
    Schema,
}

/// See `Cargo.toml` for why, and `.cargo/config.toml` for its settings.
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    cli::usage::early_language(&args);
    let matches = cli::usage::localised(Cli::command()).get_matches_from(args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    match cli::run(cli) {
        Ok(cli::Outcome::Success) => ExitCode::SUCCESS,
        Ok(cli::Outcome::InvalidContent) => ExitCode::from(1),
        Err(err) => {
            if !err.is::<cli::AlreadyReported>() {
                // Not `eprintln!`: it panics when stderr is closed.
                let _ = writeln!(std::io::stderr(), "{}: {err:#}", casebook::words!("error"));
            }
            ExitCode::from(2)
        }
    }
}
