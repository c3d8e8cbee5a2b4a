//! The search relevance set, `tests/fixtures/search/relevance.tsv`, on its
//! fixture site, with the Rust ranking (`Index::query`), which `search.js`
//! mirrors; `tests/browser/relevance.mjs` runs the same set in chromium.

use casebook::catalogue::Catalogue;
use casebook::search::{self, normalise::Normaliser};

use crate::support::repo;

/// One line of the set: query, the slugs that must be in the first three
/// results, and what kind of query it is.
struct Expectation {
    query: String,
    cases: Vec<String>,
    kind: String,
}

fn expectations() -> Vec<Expectation> {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/search/relevance.tsv"))
        .expect("relevance.tsv");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "query, cases, kind: {l:?}");
            Expectation {
                query: cols[0].to_owned(),
                cases: cols[1].split_whitespace().map(str::to_owned).collect(),
                kind: cols[2].to_owned(),
            }
        })
        .collect()
}

#[test]
fn every_query_of_the_relevance_set_has_its_cases_in_the_top_three() {
    let root = repo().join("tests/fixtures/search/site");
    let config = casebook::config::load(&root).expect("fixture config");
    let sources = casebook::content::load(&root);
    let checked =
        casebook::schema::validate_site(&config, &sources, false, jiff::civil::date(2026, 11, 22));
    assert_eq!(checked.errors(), 0, "{:?}", checked.diagnostics);
    let catalogue = Catalogue::new(&config, &checked.cases);
    let built = search::build(&catalogue, &config);
    let normaliser = Normaliser::new();
    let set = expectations();
    assert!(set.len() >= 40, "{} queries", set.len());
    for kind in [
        "bokmål",
        "nynorsk",
        "inflected",
        "compound",
        "no æøå",
        "county",
        "municipality",
        "two words",
    ] {
        assert!(
            set.iter().any(|e| e.kind == kind),
            "no query of kind {kind}"
        );
    }
    let mut misses = Vec::new();
    for e in &set {
        assert!(!e.cases.is_empty() && e.cases.len() <= 3, "{}", e.query);
        let top: Vec<&str> = built
            .index
            .query(&normaliser, &e.query)
            .into_iter()
            .take(3)
            .map(|i| catalogue.cases[i].slug.as_str())
            .collect();
        for want in &e.cases {
            assert!(
                catalogue.cases.iter().any(|c| &c.slug == want),
                "{want} is no case of the fixture"
            );
            if !top.contains(&want.as_str()) {
                misses.push(format!("{:?} ({}): {want} not in {top:?}", e.query, e.kind));
            }
        }
    }
    assert!(
        misses.is_empty(),
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
