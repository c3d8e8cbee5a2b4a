//! One file per command; each returns an [`Outcome`] or an error that
//! `main` maps to exit code 2.

mod build;
mod check;
mod init;
mod new;
mod schema;
mod serve;

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::Path;

use anyhow::Context;

use casebook::config::Config;
use casebook::diagnostics::{self, Diagnostic};
use casebook::words::Language;
use casebook::{words, words::count};

use crate::{Cli, Command, Lang};

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
    match cli.lang {
        Some(lang) => words::choose(match lang {
            Lang::Nb => Language::Nb,
            Lang::Nn => Language::Nn,
            Lang::En => Language::En,
        }),
        // Until the site's configuration says otherwise.
        None => words::site_default(Language::Nb),
    }
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
    to_stderr(&diagnostics::render_human(diagnostics, color));
}

/// Writes `text` to stdout. A reader that has gone away (`| head -1`) is
/// no failure: the command still ends with the code the content deserves,
/// as ripgrep does. Any other failure (a full disk) is an I/O error.
pub fn to_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        written => written.with_context(|| words!("cannot-write-stdout")),
    }
}

/// Writes `text` to stderr. If stderr is closed or full there is nowhere
/// left to tell of it, so a failure is let go rather than panicking as
/// `eprint!` would.
pub fn to_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// `eprintln!` that never panics: see [`to_stderr`].
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::to_stderr(&format!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use say;

/// Loads the site's configuration; its problems are printed and end the
/// command with exit code 2.
pub fn load_config(root: &Path) -> anyhow::Result<Config> {
    if !root.join("content").is_dir() {
        anyhow::bail!(casebook::words!(
            "no-site",
            root = root.display().to_string()
        ));
    }
    let config = casebook::pipeline::load_config(root).map_err(|diagnostics| {
        print_human(&diagnostics);
        say!(
            "{}",
            casebook::words!(
                "config-invalid",
                problems = count("problems", diagnostics.len())
            )
        );
        anyhow::Error::new(AlreadyReported)
    })?;
    words::site_default(config.site.language);
    Ok(config)
}

/// Today's date in Norway (for "published in the future").
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Oslo").unwrap_or(jiff::tz::TimeZone::UTC))
        .date()
}

/// "2 drafts not checked (use --drafts)", when drafts were left out.
pub fn drafts_note(skipped: usize) -> Option<String> {
    (skipped > 0).then(|| count("drafts-skipped", skipped))
}
