//! The catalogue page's filter data: `search/facets.json` and the blocks
//! `search/k/<n>.json`.
//!
//! The filters count, for every theme, county, programme and status, the
//! cases it would give. `facets.json` holds what does not grow with the
//! catalogue: the names of the facet values and their counts over every
//! case (what the page shows before anything is chosen). Each block holds
//! the facet values of [`CASES_PER_BLOCK`] cases in catalogue order, one
//! JSON array per facet; a search on the catalogue page fetches only the
//! blocks its hits are in, and the cards' titles and summaries come from
//! `search/d/` like the search page's. Only a filter with no search in it
//! fetches every block: counting "how many in Agder among the cases about
//! turnus" needs each case's values.

use std::collections::HashMap;

use serde::Serialize;

use crate::catalogue::{Catalogue, case_years};
use crate::config::Config;
use crate::schema::{Case, Status};

/// Cases per `search/k/<n>.json` block (cases 1024n to 1024n + 1023):
/// gzip-compressed, a block is a few kB, so a search with a handful of hits
/// fetches a few blocks, and 100 000 cases are about a hundred files.
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
    /// How many cases have each value, in the order of the lists above
    /// (status: planned, ongoing, completed).
    totals: Totals,
}

#[derive(Serialize)]
struct Totals {
    theme: Vec<usize>,
    county: Vec<usize>,
    programme: Vec<usize>,
    status: [usize; 3],
}

/// `search/k/<n>.json`: one block's facet values, a column per facet, the
/// case at position `i` of the catalogue at `i % CASES_PER_BLOCK`.
#[derive(Default, Serialize)]
struct Block {
    /// Municipality (position in `municipalities`).
    m: Vec<usize>,
    /// County (position in `counties`), or -1.
    c: Vec<i64>,
    /// Programme (position in `programmes`), or -1.
    p: Vec<i64>,
    /// Themes (positions in `themes`).
    t: Vec<Vec<usize>>,
    /// Status: 0 planned, 1 ongoing, 2 completed.
    s: Vec<u8>,
    /// First and last year the case counts for, or 0.
    from: Vec<i32>,
    to: Vec<i32>,
    /// The period's end year as written, or null while it is open (or
    /// there is no period).
    end: Vec<Option<i32>>,
}

fn status_code(status: Status) -> u8 {
    match status {
        Status::Planned => 0,
        Status::Ongoing => 1,
        Status::Completed => 2,
    }
}

/// Every facet file: `(path under search/, bytes)`, `facets.json` first.
pub fn files(catalogue: &Catalogue<'_>, config: &Config) -> Vec<(String, Vec<u8>)> {
    let lang = config.site.language;
    let cases = &catalogue.cases;
    let mut municipality = vec![0; cases.len()];
    for (m, group) in catalogue.by_municipality.iter().enumerate() {
        for &i in &group.cases {
            municipality[i] = m;
        }
    }
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
    let latest = cases
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
    let years_of = |case: &Case| {
        let years = case_years(case);
        let first = years.first().copied().unwrap_or(0);
        let mut last = years.last().copied().unwrap_or(0);
        if let Some(p) = case.period
            && p.end.is_none()
        {
            last = last.max(latest);
        }
        (first, last)
    };

    let mut totals = Totals {
        theme: vec![0; config.themes.len()],
        county: vec![0; catalogue.by_county.len()],
        programme: vec![0; config.programmes.len()],
        status: [0; 3],
    };
    let mut years: Option<(i32, i32)> = None;
    let mut blocks = Vec::with_capacity(cases.len().div_ceil(CASES_PER_BLOCK));
    for (b, chunk) in cases.chunks(CASES_PER_BLOCK).enumerate() {
        let mut block = Block::default();
        for (k, case) in chunk.iter().enumerate() {
            let county = case.county.and_then(|c| county_pos.get(c.name).copied());
            let programme = config
                .programmes
                .iter()
                .position(|p| p.id == case.programme);
            let themes: Vec<usize> = case
                .themes
                .iter()
                .filter_map(|t| theme_pos.get(t.as_str()).copied())
                .collect();
            let status = status_code(case.status);
            let (from, to) = years_of(case);
            for &t in &themes {
                totals.theme[t] += 1;
            }
            if let Some(c) = county {
                totals.county[c] += 1;
            }
            if let Some(p) = programme {
                totals.programme[p] += 1;
            }
            totals.status[usize::from(status)] += 1;
            if from > 0 {
                years = Some(years.map_or((from, to), |(a, z)| (a.min(from), z.max(to))));
            }
            block.m.push(municipality[b * CASES_PER_BLOCK + k]);
            block.c.push(county.map_or(-1, |c| c as i64));
            block.p.push(programme.map_or(-1, |p| p as i64));
            block.t.push(themes);
            block.s.push(status);
            block.from.push(from);
            block.to.push(to);
            block.end.push(case.period.and_then(|p| p.end));
        }
        blocks.push(block);
    }
    let summary = Summary {
        version: 1,
        cases: cases.len(),
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
