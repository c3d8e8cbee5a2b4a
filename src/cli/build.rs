//! `casebook build`: validate, then write the site atomically into `--out`
//! (relative to the site's root) and print one summary line.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use casebook::output::{self, BuildOptions, Content};
use casebook::schema::read_and_validate;
use casebook::skin::Skin;
use casebook::timings;

use super::{Outcome, load_config, plural, print_human, today};

pub fn run(
    root: &Path,
    out: &Path,
    base_url: Option<&str>,
    drafts: bool,
) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let config = load_config(root)?;
    timings::stage("config", started);
    let out = if out.is_absolute() {
        out.to_path_buf()
    } else {
        root.join(out)
    };
    // The output's staging folder is made ready (the spare site surveyed:
    // thousands of folders read) while the content is read and validated.
    let preparing = {
        let out = out.clone();
        std::thread::spawn(move || output::prepare(&out))
    };
    let t = Instant::now();
    // Each file's text is let go as soon as its case is made: the cases own
    // their text, and the files' (50 MB at 10 000 cases) would otherwise sit
    // beside them.
    let (checked, media) = read_and_validate(root, &config, drafts, today());
    timings::stage("read + parse + validate", t);
    let t = Instant::now();
    print_human(&checked.diagnostics);
    timings::stage("print diagnostics", t);
    let t = Instant::now();
    let prepared = preparing
        .join()
        .map_err(|_| anyhow::anyhow!("preparing the output folder failed"));
    timings::stage("prepare output (waited)", t);
    let errors = checked.errors();
    if errors > 0 {
        if let Ok(Ok(prepared)) = prepared {
            prepared.abandon();
        }
        eprintln!(
            "error: {} in {} of {} case files; nothing was written",
            plural(errors, "problem", "problems"),
            checked.files_with_errors(),
            checked.case_files
        );
        return Ok(Outcome::InvalidContent);
    }
    let prepared = prepared??;
    let t = Instant::now();
    let skin = match Skin::load(root, config.site.skin.as_deref()) {
        Ok(skin) => skin,
        Err(e) => {
            prepared.abandon();
            return Err(e).context("cannot load the skin");
        }
    };
    timings::stage("skin", t);
    let options = BuildOptions {
        root,
        out: &out,
        base_url,
        progress: std::io::stderr().is_terminal(),
        exits_after: true,
    };
    let content = Content {
        config: &config,
        cases: &checked.cases,
        pages: &checked.pages,
        media: &media,
        skin: &skin,
    };
    let summary = output::build_prepared(content, &options, prepared)?;
    eprintln!(
        "built {}, {}, {} in {:.2} s → {}",
        plural(summary.cases, "case", "cases"),
        plural(summary.themes, "theme", "themes"),
        plural(summary.pages, "page", "pages"),
        // The whole command, reading and validating included.
        started.elapsed().as_secs_f64(),
        out.display()
    );
    if timings::enabled() {
        eprint!("{}", timings::report(started.elapsed()));
    }
    // The process ends now: freeing every case one by one is wasted work.
    std::mem::forget(checked);
    Ok(Outcome::Success)
}
