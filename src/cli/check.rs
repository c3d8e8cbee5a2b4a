//! `casebook check`: validate everything, print every problem.

use std::path::Path;
use std::time::Instant;

use casebook::diagnostics::{render_github, render_json, render_sarif};
use casebook::words::count;
use casebook::{pipeline, timings, words};

use super::{Outcome, drafts_note, load_config, print_human, say, to_stderr, to_stdout, today};
use crate::Format;

pub fn run(root: &Path, format: Format, drafts: bool) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let config = load_config(root)?;
    let (checked, _media) = pipeline::check(root, &config, drafts, today());
    match format {
        Format::Json => to_stdout(&format!("{}\n", render_json(&checked.diagnostics)))?,
        Format::Github => to_stdout(&render_github(&checked.diagnostics))?,
        Format::Sarif => to_stdout(&format!("{}\n", render_sarif(&checked.diagnostics)))?,
        Format::Human => print_human(&checked.diagnostics),
    }
    let errors = checked.errors();
    let warnings = checked.warnings();
    if format == Format::Human {
        if errors > 0 {
            say!(
                "{}",
                words!(
                    "check-invalid",
                    problems = count("problems", errors),
                    files = checked.files_with_errors(),
                    cases = checked.case_files
                )
            );
        } else if warnings > 0 {
            say!(
                "{}",
                words!(
                    "check-ok-warnings",
                    cases = count("cases", checked.case_files),
                    pages = count("pages", checked.pages.len()),
                    warnings = count("warnings", warnings)
                )
            );
        } else {
            say!(
                "{}",
                words!(
                    "check-ok",
                    cases = count("cases", checked.case_files),
                    pages = count("pages", checked.pages.len())
                )
            );
        }
    }
    // Every format: the summary goes to stderr, and an editor who pipes
    // the JSON still learns that drafts were left out.
    if let Some(note) = drafts_note(checked.drafts_skipped) {
        say!("{note}");
    }
    if timings::enabled() {
        to_stderr(&timings::report(started.elapsed()));
    }
    // The process ends now: freeing every case one by one (about a tenth
    // of `check` at 10 000 cases) would be wasted work.
    std::mem::forget(checked);
    Ok(if errors > 0 {
        Outcome::InvalidContent
    } else {
        Outcome::Success
    })
}
