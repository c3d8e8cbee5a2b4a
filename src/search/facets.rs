//! The catalogue page's filter data: `search/facets.json`, the count
//! shards `search/c/<n>.json` and the blocks `search/k/<n>.json`.
//!
//! The filters count, for every theme, county, programme and status, the
//! cases it would give, and nothing the size of the catalogue is fetched
//! for a search:
//!
//! - `facets.json` holds what does not grow with the cases: the names of
//!   the facet values and their counts over every case (what the page
//!   shows before anything is chosen).
//! - A one-word search with no filter, when the word is common (more hits
//!   than best postings rank), takes its counts from `c/` ([`count_shards`])
//!   and its first hits from best postings, like the search page.
//! - Any other search counts its hits itself, from each hit's facet values
//!   ([`Facts`]): in its row in `search/d/` (eight cases a file, which the
//!   cards need anyway) when the hits are few, else in the blocks, each the
//!   values of [`CASES_PER_BLOCK`] cases, one JSON array per facet.
//! - Only filters with no search fetch every block: "how many in Agder
//!   among the completed cases" needs each case's values.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::index::Index;
use super::layout::{self, File, TOP};
use crate::catalogue::{Catalogue, case_years};
use crate::config::Config;
use crate::schema::{Case, Status};

/// Cases per `search/k/<n>.json` block (cases 1024n to 1024n + 1023):
/// about 5 kB gzip-compressed, so 100 000 cases are about a hundred files.
pub const CASES_PER_BLOCK: usize = 1024;

/// `search/facets.json`: the same size at any number of cases (the names
/// grow with the counties, municipalities and themes, not the cases).
#[derive(Serialize)]
struct Summary {
    version: u32,
    cases: usize,
    block: usize,
    blocks: usize,
    /// `[id, name]` in the order of `themes.yaml`.
    themes: Vec<(String, String)>,
    /// `[id, name]` in the order of `programmes.yaml`.
    programmes: Vec<(String, String)>,
    /// `[slug, name]` of the counties with cases, in Norwegian order.
    counties: Vec<(String, String)>,
    /// `[slug, name]` of the municipalities with cases, in Norwegian order.
    municipalities: Vec<(String, String)>,
    /// The first and last year any case counts for, or null.
    years: Option<(i32, i32)>,
    /// How many cases have each value: the themes, counties and
    /// programmes in the order of the lists above, then the statuses
    /// planned, ongoing, completed (the order of [`Values`]).
    totals: Vec<usize>,
    /// For each value in that order, how many of the cases with it have
    /// each value: the counts when it is the one filter chosen.
    given: Vec<Vec<usize>>,
}

/// The facet values counted, each a position in one flat list: themes,
/// counties, programmes, then the three statuses.
#[derive(Clone, Copy)]
pub struct Values {
    themes: usize,
    counties: usize,
    programmes: usize,
}

impl Values {
    /// The lists of `config` and `catalogue`.
    pub fn of(catalogue: &Catalogue<'_>, config: &Config) -> Self {
        Values {
            themes: config.themes.len(),
            counties: catalogue.by_county.len(),
            programmes: config.programmes.len(),
        }
    }

    /// How many values there are.
    fn len(self) -> usize {
        self.themes + self.counties + self.programmes + 3
    }

    /// The values a case has, as positions in the flat list.
    fn of_case(self, f: &Facts) -> impl Iterator<Item = usize> + '_ {
        let county = usize::try_from(f.1).ok().map(|c| self.themes + c);
        let programme = usize::try_from(f.2)
            .ok()
            .map(|p| self.themes + self.counties + p);
        let status = self.themes + self.counties + self.programmes + usize::from(f.4);
        f.3.iter()
            .copied()
            .chain(county)
            .chain(programme)
            .chain([status])
    }
}

/// One case's facet values: `[municipality, county, programme, themes,
/// status, from, to, end]`, positions into the lists of `facets.json`
/// (-1 for no county or programme); status 0 planned, 1 ongoing,
/// 2 completed; the first and last year the case counts for, or 0; the
/// period's end year as written, or null while open (or with no period).
/// The hits' rows in `search/d/` carry them for the cards.
#[derive(Clone, Debug, Serialize)]
pub struct Facts(usize, i64, i64, Vec<usize>, u8, i32, i32, Option<i32>);

/// `search/k/<n>.json`: one block's facet values, a column per facet (the
/// fields of [`Facts`]), the case at catalogue position `i` at
/// `i % CASES_PER_BLOCK`.
#[derive(Default, Serialize)]
struct Block {
    m: Vec<usize>,
    c: Vec<i64>,
    p: Vec<i64>,
    t: Vec<Vec<usize>>,
    s: Vec<u8>,
    from: Vec<i32>,
    to: Vec<i32>,
    end: Vec<Option<i32>>,
}

impl Block {
    fn push(&mut self, f: &Facts) {
        self.m.push(f.0);
        self.c.push(f.1);
        self.p.push(f.2);
        self.t.push(f.3.clone());
        self.s.push(f.4);
        self.from.push(f.5);
        self.to.push(f.6);
        self.end.push(f.7);
    }
}

/// Where each case sits in the lists of `facets.json`.
pub struct Positions<'c> {
    municipality: Vec<usize>,
    county: HashMap<&'c str, usize>,
    theme: HashMap<&'c str, usize>,
    programme: HashMap<&'c str, usize>,
    /// The latest year the catalogue mentions: work still going on counts
    /// for every year up to it, so `year=2025` finds a project running
    /// since 2023. (The clock would make the output depend on the day it
    /// is built.)
    latest: i32,
}

impl<'c> Positions<'c> {
    /// The positions for `catalogue` under `config`.
    pub fn new(catalogue: &'c Catalogue<'_>, config: &'c Config) -> Self {
        let mut municipality = vec![0; catalogue.cases.len()];
        for (m, group) in catalogue.by_municipality.iter().enumerate() {
            for &i in &group.cases {
                municipality[i] = m;
            }
        }
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
        Positions {
            municipality,
            county: (catalogue.by_county.iter().enumerate())
                .map(|(i, g)| (g.name.as_str(), i))
                .collect(),
            theme: (config.themes.iter().enumerate())
                .map(|(i, t)| (t.id.as_str(), i))
                .collect(),
            programme: (config.programmes.iter().enumerate())
                .map(|(i, p)| (p.id.as_str(), i))
                .collect(),
            latest,
        }
    }

    /// The facet values of `case`, at catalogue position `i`.
    pub fn facts(&self, i: usize, case: &Case) -> Facts {
        let years = case_years(case);
        let from = years.first().copied().unwrap_or(0);
        let mut to = years.last().copied().unwrap_or(0);
        if let Some(p) = case.period
            && p.end.is_none()
        {
            to = to.max(self.latest);
        }
        let position = |found: Option<&usize>| found.map_or(-1, |&p| p as i64);
        Facts(
            self.municipality.get(i).copied().unwrap_or(0),
            position(case.county.and_then(|c| self.county.get(c.name))),
            position(self.programme.get(case.programme.as_str())),
            case.themes
                .iter()
                .filter_map(|t| self.theme.get(t.as_str()).copied())
                .collect(),
            status_code(case.status),
            from,
            to,
            case.period.and_then(|p| p.end),
        )
    }
}

fn status_code(status: Status) -> u8 {
    match status {
        Status::Planned => 0,
        Status::Ongoing => 1,
        Status::Completed => 2,
    }
}

/// `facets.json` and the blocks: `(path under search/, bytes)`, given
/// every case's [`Facts`] in catalogue order.
pub fn files(catalogue: &Catalogue<'_>, config: &Config, facts: &[Facts]) -> Vec<File> {
    let lang = config.site.language;
    let values = Values::of(catalogue, config);
    let mut totals = vec![0; values.len()];
    let mut given = vec![vec![0; values.len()]; values.len()];
    let mut years: Option<(i32, i32)> = None;
    for f in facts {
        for a in values.of_case(f) {
            totals[a] += 1;
            for b in values.of_case(f) {
                given[a][b] += 1;
            }
        }
        if f.5 > 0 {
            years = Some(years.map_or((f.5, f.6), |(a, z)| (a.min(f.5), z.max(f.6))));
        }
    }
    let blocks: Vec<Block> = facts
        .chunks(CASES_PER_BLOCK)
        .map(|chunk| {
            let mut block = Block::default();
            chunk.iter().for_each(|f| block.push(f));
            block
        })
        .collect();
    let summary = Summary {
        version: 1,
        cases: facts.len(),
        block: CASES_PER_BLOCK,
        blocks: blocks.len(),
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
        years,
        totals,
        given,
    };
    // Our own types serialise without error.
    let mut files = vec![(
        "facets.json".to_owned(),
        serde_json::to_vec(&summary).unwrap_or_default(),
    )];
    files.extend(blocks.iter().enumerate().map(|(b, block)| {
        (
            format!("k/{b}.json"),
            serde_json::to_vec(block).unwrap_or_default(),
        )
    }));
    files
}

/// The count shards `c/<n>.json`: for each word a one-word search answers
/// from best postings (more than [`TOP`] hits: a term, or a prefix key of
/// a word being typed), the facet counts of its hits, `{"word": [themes…,
/// counties…, programmes…, planned, ongoing, completed]}` in the order of
/// `facets.json`. With them the catalogue page counts a common word's hits
/// without its whole postings or any block. Returns the number of shards.
pub fn count_shards(
    index: &Index,
    facts: &[Facts],
    values: Values,
    dir: &str,
) -> (usize, Vec<File>) {
    let words = index.len().div_ceil(64);
    // A set of cases per facet value, a bit each.
    let mut sets = vec![vec![0u64; words]; values.len()];
    for (i, f) in facts.iter().enumerate() {
        for v in values.of_case(f) {
            sets[v][i / 64] |= 1u64 << (i % 64);
        }
    }
    let keyed: Vec<(&str, Vec<u32>)> = layout::one_word_queries(index)
        .into_par_iter()
        .filter_map(|word| {
            let hits = layout::one_word_hits(index, word);
            let n: u32 = hits.iter().map(|w| w.count_ones()).sum();
            (n as usize > TOP).then(|| {
                let counts = sets
                    .iter()
                    .map(|set| {
                        set.iter()
                            .zip(&hits)
                            .map(|(a, b)| (a & b).count_ones())
                            .sum()
                    })
                    .collect();
                (word, counts)
            })
        })
        .collect();
    let mut keyed = keyed;
    keyed.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let total: usize = keyed.iter().map(|(w, c)| w.len() + 6 + c.len() * 3).sum();
    let shards = layout::shard_count(total, layout::LOOKUP_SHARD_BYTES);
    let files = layout::json_buckets(shards, keyed, &format!("{dir}/c"));
    (shards, files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::{DocBuilder, Memo, weight};
    use crate::search::normalise::{Normaliser, loose};

    /// 300 cases: every one about turnus, every second about heltid, the
    /// others about heltidskultur, every tenth about velferd and kultur;
    /// themes, counties, programmes and statuses in turn.
    fn corpus() -> (Index, Vec<Facts>, Normaliser) {
        let normaliser = Normaliser::new();
        let mut memo = Memo::default();
        let mut titles = Vec::new();
        let mut facts = Vec::new();
        for i in 0..300u32 {
            let mut text = String::from("turnus");
            text.push_str(if i % 2 == 0 {
                " heltid"
            } else {
                " heltidskultur"
            });
            if i % 10 == 0 {
                text.push_str(" velferd kultur");
            }
            let mut b = DocBuilder::new(&normaliser, &mut memo);
            b.field(&text, weight::BODY);
            b.finish(i);
            titles.push(loose(&format!("Sak {i}")));
            let i = i as usize;
            facts.push(Facts(
                0,
                (i % 4) as i64,
                (i % 2) as i64,
                vec![i % 3],
                (i % 3) as u8,
                0,
                0,
                None,
            ));
        }
        (Index::from_memos(vec![memo], titles), facts, normaliser)
    }

    fn counted(index: &Index, facts: &[Facts]) -> serde_json::Map<String, serde_json::Value> {
        let values = Values {
            themes: 3,
            counties: 4,
            programmes: 2,
        };
        let (shards, files) = count_shards(index, facts, values, "search");
        assert_eq!(files.len(), shards);
        let mut all = serde_json::Map::new();
        for (path, bytes) in files {
            assert!(path.starts_with("search/c/"), "{path}");
            let shard: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
            all.extend(shard.as_object().expect("object").clone());
        }
        all
    }

    #[test]
    fn a_common_words_counts_are_those_of_its_hits() {
        let (index, facts, normaliser) = corpus();
        let all = counted(&index, &facts);
        // heltidskultur: 150 cases, and 30 with both heltid and kultur.
        assert_eq!(index.query(&normaliser, "heltidskultur").len(), 180);
        for word in ["turnus", "heltid", "heltidskultur"] {
            let hits = index.query(&normaliser, word);
            assert!(hits.len() > TOP, "{word}: {} hits", hits.len());
            let mut want = vec![0u64; 3 + 4 + 2 + 3];
            for &i in &hits {
                let f = &facts[i];
                want[f.3[0]] += 1;
                want[3 + f.1 as usize] += 1;
                want[3 + 4 + f.2 as usize] += 1;
                want[3 + 4 + 2 + usize::from(f.4)] += 1;
            }
            let got: Vec<u64> = all[word]
                .as_array()
                .expect("counts")
                .iter()
                .map(|n| n.as_u64().expect("count"))
                .collect();
            assert_eq!(got, want, "{word}");
        }
        // The term shard's count of a one-word query's hits is the same.
        let (_, shards) = layout::term_shards(&index, "search");
        let entry = shards
            .iter()
            .filter(|(path, _)| path.starts_with("search/t/"))
            .flat_map(|(_, bytes)| {
                serde_json::from_slice::<Vec<serde_json::Value>>(bytes).expect("json")
            })
            .find(|e| e[0] == "heltidskultur")
            .expect("heltidskultur's entry");
        assert_eq!(entry[2], 180);
        // A prefix key stands for the words it starts: `tu` for turnus.
        assert_eq!(all["tu"], all["turnus"]);
        // 30 cases: the browser counts them itself.
        assert!(!all.contains_key("velferd"));
    }
}
