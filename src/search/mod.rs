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
//! - **Sharded, with nothing the size of the catalogue on a search.**
//!   `search/index.json` (stable name) is a small entry file: the number of
//!   shards of each kind, the stop words and the spelling table, whatever
//!   the number of cases. Every lookup a query makes goes to a numbered
//!   shard found by hashing its key ([`layout`]): the terms' postings
//!   (`t/`), which terms a word being typed stands for (`p/`), the
//!   exact-title rule (`e/`). The hits' titles, places and summaries are
//!   in `search/d/<n>.json` ([`DOCS_PER_FILE`] cases a file) and their plain
//!   text for snippets in `search/x/<n>.json` ([`TEXTS_PER_FILE`]), fetched
//!   only for the hits shown. The catalogue page's filters count with
//!   [`facets`]: the counts of a common word's hits are precomputed
//!   (`c/`), and otherwise the page reads the facet values of its hits
//!   from their `d/` rows or from blocks of 1 024 cases (`k/`). A single
//!   monolithic index (Zola, mdBook, elasticlunr) would be the full postings
//!   and text on every first load: megabytes at 1 000 cases.
//! - **Norwegian-aware** ([`normalise`]): Snowball stemming, folding of
//!   æ/ø/å and accents (`barum` finds Bærum), a nynorsk → bokmål table
//!   kept as data in `nb-nn.txt` (`sjukefråvær` finds `sykefravær`,
//!   `uønskt` finds `uønsket`), compound words split into the catalogue's
//!   own words ([`compound`]: `fravær` finds `sykefravær`, `heltidskultur`
//!   finds a case about `heltid` and `kultur`), and every query word
//!   matched as a prefix of index terms (`heltid` finds `heltidskultur`;
//!   the first keystroke already finds something).
//!   `tests/fixtures/search/relevance.tsv` is the set of queries these
//!   rules must answer, each with the cases it must rank in its first three.
//! - **Ranked** by [`index::Index::query`], mirrored in `search.js`: a case
//!   must match every word; field weights × idf; exact-term matches above
//!   prefix matches; a case whose title is the query comes first.
//!   At most [`index::MAX_QUERY_TERMS`] words and
//!   [`index::MAX_EXPANSIONS`] terms a word, so any query text answers.
//!
//! Measured at 1 000 cases: the
//! first load with `gzip -9` of each file the catalogue page fetches, and
//! keystroke and facet timings in chromium, by
//! `node tests/browser/search.mjs --measure DIR`; the search step's share
//! of the build by `cargo run --release --example search_step -- --root DIR`.

pub mod compound;
pub mod facets;
pub mod index;
pub mod layout;
pub mod normalise;
pub mod text;

use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::config::Config;
use crate::schema::Case;
use facets::{Facts, Positions};
use index::{DocBuilder, Index, Memo, weight};
use normalise::{Normaliser, STOP_WORDS, VARIANTS, loose};
use text::Plain;

/// Cases per `search/d/<n>.json` file (cases 8n to 8n + 7): a page of
/// 20 hits fetches at most 20 of them, each a few hundred bytes compressed.
pub const DOCS_PER_FILE: usize = 8;

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
    /// `search/index.json`, `search/t/<n>.json`, `search/x/<n>.json`, ….
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

/// A hit as `search/d/<n>.json` stores it: what the results list shows.
#[derive(Serialize)]
struct HitRow<'a>(
    /// slug
    &'a str,
    /// title
    &'a str,
    /// municipality
    &'a str,
    /// county, or null
    Option<&'a str>,
    /// language
    &'static str,
    /// summary
    Option<&'a str>,
    /// the facet values, for the catalogue page's cards
    &'a Facts,
);

/// The number of shards of each kind.
#[derive(Serialize)]
struct ShardCounts {
    t: usize,
    p: usize,
    e: usize,
    c: usize,
}

/// `search/index.json`: the entry file, the same size at any number of
/// cases.
#[derive(Serialize)]
struct Entry {
    version: u32,
    cases: usize,
    shards: ShardCounts,
    docs_per_file: usize,
    texts_per_file: usize,
    prefix_len: usize,
    expansions: usize,
    max_terms: usize,
    top: usize,
    stop: &'static [&'static str],
    variants: Vec<(&'static str, &'static str, u8)>,
    parts: Vec<&'static str>,
    prefix_factor: f64,
    part_factor: f64,
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
    // One run of cases per thread, each with one word memo: a memo starts
    // cold, and stemming a word costs twenty times looking it up. Runs
    // start at a snippet file's first case.
    let positions = Positions::new(catalogue, config);
    let facts: Vec<Facts> = (catalogue.cases.par_iter().enumerate())
        .map(|(i, case)| positions.facts(i, case))
        .collect();
    let threads = rayon::current_num_threads().max(1);
    let run = catalogue
        .cases
        .len()
        .div_ceil(threads)
        .max(1)
        .next_multiple_of(DOCS_PER_FILE.max(TEXTS_PER_FILE));
    let memos: Vec<Memo> = catalogue
        .cases
        .par_chunks(run)
        .enumerate()
        .map(|(r, cases)| {
            let normaliser = Normaliser::new();
            let mut memo = Memo::default();
            let mut plain = Plain::default();
            let mut group: Vec<String> = Vec::with_capacity(TEXTS_PER_FILE);
            let mut hits: Vec<HitRow<'_>> = Vec::with_capacity(DOCS_PER_FILE);
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
                hits.push(HitRow(
                    &case.slug,
                    &case.title,
                    &case.municipality,
                    case.county.map(|c| c.name),
                    case.language.code(),
                    case.summary.as_deref(),
                    &facts[doc],
                ));
                if (doc + 1).is_multiple_of(DOCS_PER_FILE) || k + 1 == cases.len() {
                    // Strings serialise without error.
                    let json = serde_json::to_vec(&hits).unwrap_or_default();
                    put(&format!("{DIR}/d/{}.json", doc / DOCS_PER_FILE), &json)?;
                    hits.clear();
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
    let mut counts = ShardCounts {
        t: 0,
        p: 0,
        e: 0,
        c: 0,
    };
    for (count, make) in [
        (&mut counts.t, layout::term_shards as fn(&Index, &str) -> _),
        (&mut counts.p, layout::prefix_shards),
        (&mut counts.e, layout::title_shards),
    ] {
        let (n, files) = make(&index, DIR);
        *count = n;
        files
            .into_par_iter()
            .try_for_each(|(path, bytes)| put(&path, &bytes))?;
    }

    for (path, bytes) in facets::files(catalogue, config, &facts) {
        put(&format!("{DIR}/{path}"), &bytes)?;
    }
    let values = facets::Values::of(catalogue, config);
    let (n, files) = facets::count_shards(&index, &facts, values, DIR);
    counts.c = n;
    files
        .into_par_iter()
        .try_for_each(|(path, bytes)| put(&path, &bytes))?;
    let entry = Entry {
        version: 2,
        cases: catalogue.cases.len(),
        shards: counts,
        docs_per_file: DOCS_PER_FILE,
        texts_per_file: TEXTS_PER_FILE,
        prefix_len: layout::PREFIX_LEN,
        expansions: index::MAX_EXPANSIONS,
        max_terms: index::MAX_QUERY_TERMS,
        top: layout::TOP,
        stop: STOP_WORDS,
        variants: VARIANTS.listed().collect(),
        parts: compound::short_listed(),
        prefix_factor: index::PREFIX_FACTOR,
        part_factor: compound::PART_FACTOR,
    };
    let json = serde_json::to_vec(&entry).unwrap_or_default();
    put(&format!("{DIR}/index.json"), &json)?;
    Ok(index)
}
