//! `casebook check`: validate everything, print every problem.

use std::path::Path;
use std::time::Instant;

use casebook::diagnostics::{render_github, render_json, render_sarif};
use casebook::{pipeline, timings};

use super::{
    Outcome, drafts_note, load_config, plural, print_human, say, to_stderr, to_stdout, today,
};
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
                "error: {} in {} of {} case files",
                plural(errors, "problem", "problems"),
                checked.files_with_errors(),
                checked.case_files
            );
        } else {
            say!(
                "checked {} and {}: no errors{}",
                plural(checked.case_files, "case", "cases"),
                plural(checked.pages.len(), "page", "pages"),
                if warnings > 0 {
                    format!(", {}", plural(warnings, "warning", "warnings"))
                } else {
                    String::new()
                }
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
