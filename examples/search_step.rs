//! How much the search step adds to `build` (its budget: under 20 %).
//!
//! ```text
//! cargo run --release --example search_step -- --root target/bench/1000/site [--rounds 7]
//! ```
//!
//! Loads and validates the site once, then alternates, for each round, a full
//! `pipeline::write` (which includes the search step) and the search step alone
//! (`search::build` plus writing its files), and prints the medians, the
//! search step's share of the build and what it adds to a build without it.
//! Alternating rounds in one process share the machine's drift, so the ratio
//! holds even on a busy machine. Also prints the sizes of the search files.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use casebook::catalogue::Catalogue;
use casebook::output;
use casebook::pipeline::{self, BuildOptions, Content};
use clap::Parser;

#[path = "shared/site.rs"]
mod shared;
use shared::median;

/// Arguments.
#[derive(Parser, Debug)]
struct Args {
    /// The site's root folder.
    #[arg(long)]
    root: PathBuf,
    /// Rounds to time.
    #[arg(long, default_value_t = 7)]
    rounds: usize,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let shared::Site {
        config,
        sources,
        checked,
        skin,
    } = shared::load(&args.root)?;
    let tmp = tempfile::tempdir()?;
    let out = tmp.path().join("out");
    let search_out = tmp.path().join("search-only");
    let mut builds = Vec::new();
    let mut searches = Vec::new();
    let mut files = Vec::new();
    let mut indexing = Vec::new();
    for _ in 0..args.rounds {
        let started = Instant::now();
        let options = BuildOptions {
            root: &args.root,
            out: &out,
            base_url: None,
            drafts: false,
            today: jiff::civil::date(2026, 11, 22),
            progress: false,
        };
        let content = Content {
            config: &config,
            skin: &skin,
            cases: &checked.cases,
            pages: &checked.pages,
            media: &sources.media,
        };
        pipeline::write(content, &options, output::prepare(&out)?)?;
        builds.push(started.elapsed().as_secs_f64());

        let _ = std::fs::remove_dir_all(&search_out);
        let catalogue = Catalogue::new(&config, &checked.cases);
        let started = Instant::now();
        let built = casebook::search::build(&catalogue, &config);
        indexing.push(started.elapsed().as_secs_f64());
        use rayon::prelude::*;
        built.files.par_iter().try_for_each(|f| {
            let path = search_out.join(&f.path);
            if let Some(p) = path.parent() {
                std::fs::create_dir_all(p)?;
            }
            std::fs::write(path, &f.bytes)
        })?;
        searches.push(started.elapsed().as_secs_f64());
        files = built
            .files
            .iter()
            .map(|f| (f.path.clone(), f.bytes.len()))
            .collect();
    }
    let (b, s) = (median(builds), median(searches));
    println!("cases: {}", checked.cases.len());
    println!("build (with search), median of {}: {:.3} s", args.rounds, b);
    println!("search step alone, median:        {:.3} s", s);
    println!(
        "  of which indexing (no writes):  {:.3} s",
        median(indexing.clone())
    );
    println!(
        "search step: {:.1} % of the build; adds {:.1} % to a build without it",
        100.0 * s / b,
        100.0 * s / (b - s).max(f64::MIN_POSITIVE)
    );
    let sum = |pred: &dyn Fn(&str) -> bool| -> (usize, usize) {
        let sel: Vec<&(String, usize)> = files.iter().filter(|(p, _)| pred(p)).collect();
        (sel.len(), sel.iter().map(|(_, n)| n).sum())
    };
    let (n, bytes) = sum(&|p| p.ends_with("index.json"));
    println!("index.json: {n} file, {bytes} bytes");
    let (n, bytes) = sum(&|p| p.contains("/t/"));
    println!("term shards: {n} files, {bytes} bytes");
    let (n, bytes) = sum(&|p| p.contains("/x/"));
    println!("snippet texts: {n} files, {bytes} bytes");
    Ok(())
}
