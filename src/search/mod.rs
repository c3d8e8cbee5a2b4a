//! Full-text search and facet data, built at build time from the validated
//! cases and written under `search/` for the browser (`search.js`,
//! `facets.js`) to use offline, with no request to another host.
//!
//! # Design, and why
//!
//! Three budgets at 1 000 cases: the catalogue page's first
//! load (HTML + CSS + JS + initial index) under 150 KB compressed, results
//! under 50 ms after the first keystroke, and the search step under 20 % of
//! the build. They decide the design:
//!
//! - **Built from our structured cases, not from the HTML.** A post-processor
//!   over the output (pagefind) re-parses every page after the build and is
//!   a separate binary; with builds of about 1 s for 10 000 cases it alone
//!   would take more than the whole 20 %. We already hold every field as
//!   data, so the index is made from the fields, weighted by field (title
//!   above summary above narrative), in the same process, in parallel.
//! - **Sharded.** `search/index.json` (stable name, small) holds what the
//!   catalogue needs at once: for each case its slug, title, municipality,
//!   county, programme, themes, status, years and summary, so facets filter
//!   and count in the browser and cards can be drawn; plus the shard table,
//!   the stop words and the spelling table. The terms and their postings are
//!   split by term range into `search/t/<hash>.json` files of about
//!   [`SHARD_BYTES`]; a query fetches only the shards its words fall in, and
//!   keeps them. Each case's plain text for snippets is
//!   `search/x/<n>.json` (four cases a file), fetched only for the results
//!   shown. A single
//!   monolithic index (Zola, mdBook, elasticlunr) would be the full postings
//!   and text on every first load: megabytes at 1 000 cases.
//! - **Norwegian-aware** ([`normalise`]): Snowball stemming, folding of
//!   æ/ø/å and accents (`barum` finds Bærum), a small nynorsk → bokmål
//!   spelling table (`sjukefråvær` finds `sykefravær`), and every query word
//!   matched as a prefix of index terms (`heltid` finds `heltidskultur`;
//!   the first keystroke already finds something).
//! - **Ranked** by [`index::Index::query`], mirrored in `search.js`: a case
//!   must match every word; field weights × idf; exact-term matches above
//!   prefix matches; a case whose title is the query comes first.
//!
//! Measured at 1 000 cases: the
//! first load with `gzip -9` of each file the catalogue page fetches, and
//! keystroke and facet timings in chromium, by
//! `node tests/browser/search.mjs --measure DIR`; the search step's share
//! of the build by `cargo run --release --example search_step -- --root DIR`.

pub mod compound;
pub mod index;
pub mod normalise;
pub mod text;

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use serde::Serialize;

use crate::catalogue::{Catalogue, case_years};
use crate::config::Config;
use crate::schema::Case;
use index::{DocBuilder, Index, Memo, weight};
use normalise::{Normaliser, STOP_WORDS, VARIANTS, loose};
use text::Plain;

/// Aim for shards of about this many bytes of JSON (before compression,
/// which divides it by five or six): small enough that a word's shard
/// arrives and parses in a few milliseconds, large enough that a site of
/// 1 000 cases has some seventy files, not thousands.
pub const SHARD_BYTES: usize = 16 * 1024;

/// Snippet texts per file, in catalogue order (`search/x/<n>.json` holds
/// cases 4n to 4n + 3): creating files is most of the cost of writing
/// them, and a page of 20 hits still fetches well under 100 KB compressed
/// of text.
pub const TEXTS_PER_FILE: usize = 4;

/// The folder, under the output, that search files go to.
pub const DIR: &str = "search";

/// One file to write, relative to the output folder.
#[derive(Clone, Debug)]
pub struct SearchFile {
    /// `search/index.json`, `search/t/<hash>.json`, `search/x/<n>.json`.
    pub path: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// What a build of the search data gives.
#[derive(Debug)]
pub struct Built {
    /// The index (for tests and measurements).
    pub index: Index,
    /// The files to write.
    pub files: Vec<SearchFile>,
}

/// The facet and card data of one case, as `index.json` stores it: a
/// positional array keeps 1 000 cases small.
#[derive(Serialize)]
struct DocRow<'a>(
    /// slug
    &'a str,
    /// title
    &'a str,
    /// municipality (position in `municipalities`)
    usize,
    /// county (position in `counties`), or -1
    i64,
    /// programme (position in `programmes`), or -1
    i64,
    /// themes (positions in `themes`)
    Vec<usize>,
    /// status: 0 planned, 1 ongoing, 2 completed
    u8,
    /// first and last year the case counts for, or 0 and 0
    i32,
    i32,
    /// period as written: the end year, or null while open
    Option<i32>,
    /// language
    &'static str,
    /// summary
    Option<&'a str>,
);

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    docs: Vec<DocRow<'a>>,
    themes: Vec<(String, String)>,
    programmes: Vec<(String, String)>,
    counties: Vec<(String, String)>,
    municipalities: Vec<(String, String)>,
    shards: Vec<(String, String)>,
    stop: &'static [&'static str],
    variants: Vec<(&'static str, &'static str, u8)>,
    parts: Vec<&'static str>,
    prefix_factor: f64,
    part_factor: f64,
    texts_per_file: usize,
}

/// Indexes one case as case `doc` of the memo: every field with its
/// weight. Leaves in `plain` the case's text for snippets.
fn case_terms(
    case: &Case,
    doc: u32,
    config: &Config,
    normaliser: &Normaliser,
    memo: &mut Memo,
    plain: &mut Plain,
) {
    let mut b = DocBuilder::new(normaliser, memo);
    b.field(&case.title, weight::TITLE);
    b.field(&case.municipality, weight::MUNICIPALITY);
    let mut themes = String::new();
    for id in &case.themes {
        if let Some(t) = config.theme(id) {
            themes.push_str(&t.name);
            themes.push(' ');
            if let Some(nn) = &t.name_nn {
                themes.push_str(nn);
                themes.push(' ');
            }
        }
    }
    b.field(&themes, weight::THEMES);
    if let Some(county) = case.county {
        b.field(county.name, weight::COUNTY);
    }
    if let Some(p) = config.programme(&case.programme) {
        b.field(&p.name, weight::SECTION);
    }
    for ind in &case.indicators {
        b.field(&ind.name, weight::SECTION);
    }
    if let Some(s) = &case.summary {
        b.field(s, weight::SUMMARY);
    }
    // The sections and the narrative are indexed as plain text, the same
    // text the snippets are cut from.
    plain.clear();
    if let Some(s) = &case.summary {
        plain.push(s);
    }
    let sections_at = plain.next_start();
    plain.paragraphs(&case.need);
    plain.paragraphs(&case.goal);
    for m in &case.measures {
        plain.paragraphs(m);
    }
    if let Some(r) = &case.result {
        plain.paragraphs(r);
    }
    if let Some(a) = &case.anchoring {
        plain.paragraphs(a);
    }
    let body_at = plain.next_start();
    plain.paragraphs(&case.body);
    let text = &plain.text;
    let body_at = body_at.min(text.len());
    b.field(&text[sections_at.min(body_at)..body_at], weight::SECTION);
    b.field(&text[body_at..], weight::BODY);
    b.finish(doc);
}

/// Splits the index into shards of about `target` bytes, serialises each
/// as `[["term",[case,weight,Δcase,weight,…]],…]` with case positions
/// delta-coded, and hands it to `emit` as (first term, path, bytes) as
/// soon as it is made. Returns the first term and path of every shard.
fn shards<E>(
    index: &Index,
    target: usize,
    mut emit: impl FnMut(&str, &str, &[u8]) -> Result<(), E>,
) -> Result<Vec<(String, String)>, E> {
    let mut out = Vec::new();
    let mut current: Vec<u8> = Vec::with_capacity(target + target / 2);
    current.push(b'[');
    let mut first: Option<&str> = None;
    let mut finish = |current: &mut Vec<u8>, first: Option<&str>| {
        current.push(b']');
        // The first shard starts at the beginning of the alphabet, so a
        // query before the first term still finds its shard.
        let first = if out.is_empty() {
            ""
        } else {
            first.unwrap_or("")
        };
        let name = format!("{DIR}/t/{}.json", crate::fingerprint::fingerprint(current));
        emit(first, &name, current)?;
        out.push((first.to_owned(), name));
        current.clear();
        current.push(b'[');
        Ok(())
    };
    for (t, term) in index.terms.iter().enumerate() {
        if current.len() > 1 {
            current.push(b',');
        }
        if first.is_none() {
            first = Some(term);
        }
        let postings: Vec<u32> = index.postings[t]
            .gaps()
            .flat_map(|(gap, w)| [gap, u32::from(w)])
            .collect();
        // A string and numbers serialise without error.
        let _ = serde_json::to_writer(&mut current, &(term, postings));
        if current.len() >= target {
            finish(&mut current, first.take())?;
        }
    }
    if current.len() > 1 || index.terms.is_empty() {
        finish(&mut current, first)?;
    }
    Ok(out)
}

/// Builds the search index and its files for the catalogue, in memory
/// (for tests and measurements; `build` writes them with [`write`]).
pub fn build(catalogue: &Catalogue<'_>, config: &Config) -> Built {
    let files = Mutex::new(Vec::new());
    let put = |path: &str, bytes: &[u8]| {
        files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(SearchFile {
                path: path.to_owned(),
                bytes: bytes.to_vec(),
            });
        Ok::<(), std::convert::Infallible>(())
    };
    let index = match write(catalogue, config, &put) {
        Ok(index) => index,
        Err(never) => match never {},
    };
    let mut files = files.into_inner().unwrap_or_else(PoisonError::into_inner);
    files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
    Built { index, files }
}

/// Where [`write`] puts a file: (path, bytes).
pub type Put<'p, E> = dyn Fn(&str, &[u8]) -> Result<(), E> + Sync + 'p;

/// Builds the search index for the catalogue and hands each of its files to
/// `put` (path, bytes) as soon as it is made, so that no more than a few of
/// them are in memory at a time; returns the index. `put` is called from
/// several threads at once; its first error stops the work.
pub fn write<E: Send>(
    catalogue: &Catalogue<'_>,
    config: &Config,
    put: &Put<'_, E>,
) -> Result<Index, E> {
    let lang = config.site.language;
    // One run of cases per thread, each with one word memo: a memo starts
    // cold, and stemming a word costs twenty times looking it up. Runs
    // start at a snippet file's first case.
    let threads = rayon::current_num_threads().max(1);
    let run = catalogue
        .cases
        .len()
        .div_ceil(threads)
        .max(1)
        .next_multiple_of(TEXTS_PER_FILE);
    let memos: Vec<Memo> = catalogue
        .cases
        .par_chunks(run)
        .enumerate()
        .map(|(r, cases)| {
            let normaliser = Normaliser::new();
            let mut memo = Memo::default();
            let mut plain = Plain::default();
            let mut group: Vec<String> = Vec::with_capacity(TEXTS_PER_FILE);
            for (k, case) in cases.iter().enumerate() {
                let doc = r * run + k;
                case_terms(
                    case,
                    u32::try_from(doc).unwrap_or(u32::MAX),
                    config,
                    &normaliser,
                    &mut memo,
                    &mut plain,
                );
                // `search/x/<n>.json`: the texts of cases 4n to 4n + 3 as a
                // JSON array of strings.
                group.push(plain.text.clone());
                if (doc + 1).is_multiple_of(TEXTS_PER_FILE) || k + 1 == cases.len() {
                    // Strings serialise without error.
                    let json = serde_json::to_vec(&group).unwrap_or_default();
                    put(&format!("{DIR}/x/{}.json", doc / TEXTS_PER_FILE), &json)?;
                    group.clear();
                }
            }
            Ok(memo)
        })
        .collect::<Result<_, E>>()?;
    let titles: Vec<String> = catalogue
        .cases
        .par_iter()
        .map(|c| loose(&c.title))
        .collect();
    let mut index = Index::from_memos(memos, titles);
    compound::add_parts(&mut index);
    let shard_files = shards(&index, SHARD_BYTES, |_, name, bytes| put(name, bytes))?;

    let municipality_of: HashMap<&str, usize> = catalogue
        .by_municipality
        .iter()
        .enumerate()
        .flat_map(|(m, g)| g.cases.iter().map(move |&i| (i, m)))
        .map(|(i, m)| (catalogue.cases[i].slug.as_str(), m))
        .collect();
    let county_pos: HashMap<&str, usize> = catalogue
        .by_county
        .iter()
        .enumerate()
        .map(|(i, g)| (g.name.as_str(), i))
        .collect();
    let theme_pos: HashMap<&str, usize> = config
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    // Work still going on counts for every year up to the latest year the
    // catalogue mentions, so `year=2025` finds a project running since
    // 2023. (The clock would make the output depend on the day it is built.)
    let latest = catalogue
        .cases
        .iter()
        .flat_map(|c| {
            [
                c.period.map(|p| p.end.unwrap_or(p.start).max(p.start)),
                c.published.map(|d| i32::from(d.year())),
                c.updated.map(|d| i32::from(d.year())),
            ]
        })
        .flatten()
        .max()
        .unwrap_or(0);
    let doc_rows: Vec<DocRow<'_>> = catalogue
        .cases
        .iter()
        .map(|case| {
            let mut years = case_years(case);
            if let Some(p) = case.period
                && p.end.is_none()
                && latest > p.start
            {
                years.push(latest);
            }
            DocRow(
                &case.slug,
                &case.title,
                municipality_of
                    .get(case.slug.as_str())
                    .copied()
                    .unwrap_or(0),
                case.county
                    .and_then(|c| county_pos.get(c.name))
                    .map_or(-1, |&i| i as i64),
                config
                    .programmes
                    .iter()
                    .position(|p| p.id == case.programme)
                    .map_or(-1, |i| i as i64),
                case.themes
                    .iter()
                    .filter_map(|t| theme_pos.get(t.as_str()).copied())
                    .collect(),
                match case.status {
                    crate::schema::Status::Planned => 0,
                    crate::schema::Status::Ongoing => 1,
                    crate::schema::Status::Completed => 2,
                },
                years.first().copied().unwrap_or(0),
                years.last().copied().unwrap_or(0),
                case.period.and_then(|p| p.end),
                case.language.code(),
                case.summary.as_deref(),
            )
        })
        .collect();
    let manifest = Manifest {
        version: 1,
        docs: doc_rows,
        themes: config
            .themes
            .iter()
            .map(|t| (t.id.clone(), t.name_in(lang).to_owned()))
            .collect(),
        programmes: config
            .programmes
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
        counties: catalogue
            .by_county
            .iter()
            .map(|g| (g.slug.clone(), g.name.clone()))
            .collect(),
        municipalities: catalogue
            .by_municipality
            .iter()
            .map(|g| (g.slug.clone(), g.name.clone()))
            .collect(),
        shards: shard_files
            .iter()
            .map(|(first, name)| {
                (
                    first.clone(),
                    name.strip_prefix(&format!("{DIR}/"))
                        .unwrap_or(name)
                        .to_owned(),
                )
            })
            .collect(),
        stop: STOP_WORDS,
        variants: VARIANTS.listed().collect(),
        parts: compound::short_listed(),
        prefix_factor: index::PREFIX_FACTOR,
        part_factor: compound::PART_FACTOR,
        texts_per_file: TEXTS_PER_FILE,
    };
    // Our own types serialise without error.
    let json = serde_json::to_vec(&manifest).unwrap_or_default();
    put(&format!("{DIR}/index.json"), &json)?;
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_the_alphabet_in_order() {
        let normaliser = Normaliser::new();
        let mut memo = Memo::default();
        let mut titles = Vec::new();
        for i in 0..400 {
            let mut b = DocBuilder::new(&normaliser, &mut memo);
            b.field(
                &format!("ord{i} tekst{} turnus alfa{} beta", i % 7, i % 13),
                weight::BODY,
            );
            b.finish(i);
            titles.push(format!("t{i}"));
        }
        let index = Index::from_memos(vec![memo], titles);
        let mut made = Vec::new();
        let names = shards(&index, 2048, |first, name, bytes| {
            made.push((first.to_owned(), name.to_owned(), bytes.to_vec()));
            Ok::<(), ()>(())
        })
        .expect("made");
        let shards = made;
        assert_eq!(
            names,
            shards
                .iter()
                .map(|(first, name, _)| (first.clone(), name.clone()))
                .collect::<Vec<_>>()
        );
        assert!(shards.len() > 1, "{} shards", shards.len());
        assert_eq!(shards[0].0, "", "the first shard starts at the start");
        for pair in shards.windows(2) {
            assert!(pair[0].0 < pair[1].0);
        }
        let all: Vec<serde_json::Value> = shards
            .iter()
            .flat_map(|(_, _, bytes)| {
                serde_json::from_slice::<Vec<serde_json::Value>>(bytes).expect("shard is JSON")
            })
            .collect();
        assert_eq!(all.len(), index.terms.len());
        let turnus = all
            .iter()
            .find(|e| e[0] == "turnus")
            .expect("turnus is a term");
        let postings = turnus[1].as_array().expect("postings");
        assert_eq!(postings.len(), 800, "400 cases, delta and weight each");
        assert!(
            postings.iter().step_by(2).skip(1).all(|d| d == 1),
            "delta-coded"
        );
    }
}
