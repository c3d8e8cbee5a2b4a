//! One file per command; each returns an [`Outcome`] or an error that
//! `main` maps to exit code 2.

mod build;
mod check;
mod init;
mod new;
mod schema;
mod serve;

use std::io::IsTerminal;
use std::path::Path;

use casebook::config::Config;
use casebook::diagnostics::{self, Diagnostic};

use crate::{Cli, Command};

/// How a command ended, when it did not fail outright.
pub enum Outcome {
    /// Exit 0 (warnings allowed).
    Success,
    /// Exit 1: the content is invalid; the diagnostics have been printed.
    InvalidContent,
}

/// The error's message has already been printed (as diagnostics): exit 2
/// without printing it again.
#[derive(Debug)]
pub struct AlreadyReported;

impl std::fmt::Display for AlreadyReported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("already reported")
    }
}

impl std::error::Error for AlreadyReported {}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let root = cli.root.as_path();
    match cli.command {
        Command::Init { dir } => init::run(dir.as_deref().unwrap_or(root)),
        Command::New {
            municipality,
            programme,
            language,
        } => new::run(root, &municipality, programme.as_deref(), language),
        Command::Check { format, drafts } => check::run(root, format, drafts),
        Command::Build {
            out,
            base_url,
            drafts,
        } => build::run(root, &out, base_url.as_deref(), drafts),
        Command::Serve { port, bind, drafts } => serve::run(root, port, &bind, drafts),
        Command::Schema => schema::run(root),
    }
}

/// Prints diagnostics to stderr in the human format (coloured on a terminal).
pub fn print_human(diagnostics: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!("{}", diagnostics::render_human(diagnostics, color));
}

/// Loads the site's configuration; its problems are printed and end the
/// command with exit code 2.
pub fn load_config(root: &Path) -> anyhow::Result<Config> {
    if !root.join("content").is_dir() {
        anyhow::bail!(
            "`{}` has no `content/` folder; run casebook in a site's folder, pass `--root DIR`, or create a site with `casebook init`",
            root.display()
        );
    }
    casebook::pipeline::load_config(root).map_err(|diagnostics| {
        print_human(&diagnostics);
        eprintln!(
            "error: the site's configuration has {} problem{}; nothing was checked",
            diagnostics.len(),
            if diagnostics.len() == 1 { "" } else { "s" }
        );
        anyhow::Error::new(AlreadyReported)
    })
}

/// Today's date in Norway (for "published in the future").
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Oslo").unwrap_or(jiff::tz::TimeZone::UTC))
        .date()
}

/// `1 problem` / `3 problems`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
