//! What compound words cost the search step: the time to split the
//! catalogue's terms and add the part keys (`search::compound::add_parts`)
//! against the whole search step and a whole build, and what the part keys
//! add to the index.
//!
//! ```text
//! cargo run --release --example corpus -- --cases 10000 --seed 1 --out target/bench/10000/site
//! cargo run --release --example compound_cost -- --root target/bench/10000/site [--rounds 5]
//! ```
//!
//! The index before the parts is the built one without its part keys (the
//! keys ending in `-`), so the step is timed on exactly what it gets in a
//! build.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use casebook::catalogue::Catalogue;
use casebook::output;
use casebook::pipeline::{self, BuildOptions, Content};
use casebook::search::compound::{self, PART_MARK};
use casebook::search::index::Index;
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
    #[arg(long, default_value_t = 5)]
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
    let catalogue = Catalogue::new(&config, &checked.cases);
    let (mut builds, mut searches, mut parts) = (Vec::new(), Vec::new(), Vec::new());
    let mut last: Option<(Index, Index)> = None;
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

        let started = Instant::now();
        let built = casebook::search::build(&catalogue, &config);
        searches.push(started.elapsed().as_secs_f64());

        let mut before = built.index.clone();
        let keep: Vec<bool> = before
            .terms
            .iter()
            .map(|t| !t.ends_with(PART_MARK))
            .collect();
        let mut k = keep.iter();
        before.postings.retain(|_| *k.next().unwrap_or(&true));
        before.terms.retain(|t| !t.ends_with(PART_MARK));
        let mut after = before.clone();
        let started = Instant::now();
        compound::add_parts(&mut after);
        parts.push(started.elapsed().as_secs_f64());
        last = Some((before, after));
    }
    let (b, s, p) = (median(builds), median(searches), median(parts));
    println!("cases: {}", checked.cases.len());
    println!("build, median of {}: {:.3} s", args.rounds, b);
    println!("search step (indexing, no writes): {:.3} s", s);
    println!(
        "compound parts: {:.3} s = {:.1} % of the search step, {:.1} % of the build",
        p,
        100.0 * p / s,
        100.0 * p / b
    );
    if let Some((before, after)) = last {
        let postings = |i: &Index| i.postings.iter().map(|p| p.len()).sum::<usize>();
        println!(
            "keys: {} terms + {} part keys; postings: {} + {} ({:.1} %)",
            before.terms.len(),
            after.terms.len() - before.terms.len(),
            postings(&before),
            postings(&after) - postings(&before),
            100.0 * (postings(&after) - postings(&before)) as f64 / postings(&before) as f64
        );
        let mut top: Vec<(&String, usize)> = after
            .terms
            .iter()
            .zip(&after.postings)
            .filter(|(t, _)| t.ends_with(PART_MARK))
            .map(|(t, p)| (t, p.len()))
            .collect();
        top.sort_by_key(|t| std::cmp::Reverse(t.1));
        let shown: Vec<String> = top
            .iter()
            .take(12)
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        println!("largest part keys (cases): {}", shown.join(", "));
    }
    Ok(())
}
