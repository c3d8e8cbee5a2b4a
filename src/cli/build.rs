//! `casebook build`: validate, then write the site atomically into `--out`
//! (relative to the site's root) and print one summary line.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use casebook::pipeline::{self, BuildError, BuildOptions};
use casebook::words::count;
use casebook::{timings, words};

use super::{Outcome, drafts_note, load_config, print_human, say, to_stderr, today};

pub fn run(
    root: &Path,
    out: &Path,
    base_url: Option<&str>,
    drafts: bool,
) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let config = load_config(root)?;
    let out = if out.is_absolute() {
        out.to_path_buf()
    } else {
        root.join(out)
    };
    let options = BuildOptions {
        root,
        out: &out,
        base_url,
        drafts,
        today: today(),
        progress: std::io::stderr().is_terminal(),
    };
    let built = match pipeline::build(config, &options) {
        Ok(built) => built,
        Err(BuildError::Invalid(checked)) => {
            print_human(&checked.diagnostics);
            say!(
                "{}",
                words!(
                    "build-invalid",
                    problems = count("problems", checked.errors()),
                    files = checked.files_with_errors(),
                    cases = checked.case_files
                )
            );
            if let Some(note) = drafts_note(checked.drafts_skipped) {
                say!("{note}");
            }
            return Ok(Outcome::InvalidContent);
        }
        Err(e) => return Err(e.into()),
    };
    print_human(&built.warnings);
    let summary = built.summary;
    say!(
        "{}",
        words!(
            "build-done",
            cases = count("cases", summary.cases),
            themes = count("themes", summary.themes),
            pages = count("pages", summary.pages),
            // The whole command, reading and validating included.
            seconds = casebook::words::seconds(started.elapsed()),
            out = out.display().to_string()
        )
    );
    if let Some(note) = drafts_note(built.drafts_skipped) {
        say!("{note}");
    }
    if timings::enabled() {
        to_stderr(&timings::report(started.elapsed()));
    }
    Ok(Outcome::Success)
}
