//! `casebook build`: validate, then write the site atomically into `--out`
//! (relative to the site's root) and print one summary line.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use casebook::content;
use casebook::output::{self, BuildOptions, Content};
use casebook::schema::validate_site;
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
    let t = Instant::now();
    let mut sources = content::load(root);
    timings::stage("read", t);
    let t = Instant::now();
    let checked = validate_site(&config, &sources, drafts, today());
    timings::stage("parse + validate", t);
    // The cases own their text now; the files' text (50 MB at 10 000
    // cases) need not stay in memory while the site is rendered.
    let media = std::mem::take(&mut sources.media);
    drop(sources);
    let t = Instant::now();
    print_human(&checked.diagnostics);
    timings::stage("print diagnostics", t);
    let errors = checked.errors();
    if errors > 0 {
        eprintln!(
            "error: {} in {} of {} case files; nothing was written",
            plural(errors, "problem", "problems"),
            checked.files_with_errors(),
            checked.case_files
        );
        return Ok(Outcome::InvalidContent);
    }
    let t = Instant::now();
    let skin = Skin::load(root, config.site.skin.as_deref()).context("cannot load the skin")?;
    timings::stage("skin", t);
    let out = if out.is_absolute() {
        out.to_path_buf()
    } else {
        root.join(out)
    };
    let options = BuildOptions {
        root,
        out: &out,
        base_url,
        progress: std::io::stderr().is_terminal(),
    };
    let content = Content {
        config: &config,
        cases: &checked.cases,
        pages: &checked.pages,
        media: &media,
        skin: &skin,
    };
    let summary = output::build(content, &options)?;
    eprintln!(
        "built {}, {}, {} in {:.2} s → {}",
        plural(summary.cases, "case", "cases"),
        plural(summary.themes, "theme", "themes"),
        plural(summary.pages, "page", "pages"),
        summary.seconds,
        out.display()
    );
    if timings::enabled() {
        eprint!("{}", timings::report(started.elapsed()));
    }
    // The process ends now: freeing every case one by one is wasted work.
    std::mem::forget(checked);
    Ok(Outcome::Success)
}
