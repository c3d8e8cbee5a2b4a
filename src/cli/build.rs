//! `casebook build`: validate, then write the site atomically into `--out`
//! (relative to the site's root) and print one summary line.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use casebook::pipeline::{self, BuildError, BuildOptions};
use casebook::timings;

use super::{Outcome, drafts_note, load_config, plural, print_human, say, to_stderr, today};

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
        exits_after: true,
    };
    let built = match pipeline::build(config, &options) {
        Ok(built) => built,
        Err(BuildError::Invalid(checked)) => {
            print_human(&checked.diagnostics);
            say!(
                "error: {} in {} of {} case files; nothing was written",
                plural(checked.errors(), "problem", "problems"),
                checked.files_with_errors(),
                checked.case_files
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
        "built {}, {}, {} in {:.2} s → {}",
        plural(summary.cases, "case", "cases"),
        plural(summary.themes, "theme", "themes"),
        plural(summary.pages, "page", "pages"),
        // The whole command, reading and validating included.
        started.elapsed().as_secs_f64(),
        out.display()
    );
    if let Some(note) = drafts_note(built.drafts_skipped) {
        say!("{note}");
    }
    if timings::enabled() {
        to_stderr(&timings::report(started.elapsed()));
    }
    Ok(Outcome::Success)
}
