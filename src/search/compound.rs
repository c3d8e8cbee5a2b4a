//! Compound words: `sykefravær` is `syke` + `fravær`, `nærværsarbeidet` is
//! `nærvær` + `s` + `arbeidet`, and readers search with the part.
//!
//! A term is split into terms the catalogue already has (of at least
//! [`MIN_PART`] letters) or that the skin lists in `search/parts.txt` (at
//! least [`MIN_LISTED`]), joined directly or by the Norwegian joints `s` and
//! `e`; never at a guessed position. The split is made on index terms
//! (stemmed, folded, bokmål), so `sjukefråværet` splits as `sykefravær` does.
//!
//! - **In the index** ([`add_parts`]): each part gets a key of its own,
//!   `<part>-`, with the cases of the compounds it is in, so `fravær` finds
//!   `sykefravær`; a query matches it as it matches a longer term, so a
//!   case saying `fravær` itself ranks above one that only has it inside a
//!   longer word.
//! - **In the query** ([`Index::query_parts`]): a query word is split the
//!   same way, and a case matching every part matches too, at
//!   [`PART_FACTOR`] (`heltidskultur` finds
//!   a case about `heltid` and `kultur`). `search.js` does the same with the
//!   shards it fetches.
//!
//! The split works on distinct terms, not on text, so it costs little: on
//! the 10 000 generated cases of `bench/`, 13 ms, 1.3 % of the search step
//! and 0.2 % of the build, for 8 % more postings
//! (`cargo run --release --example compound_cost -- --root DIR`).

use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::index::{Index, Postings};
use super::normalise::Normaliser;

/// The skin's list of parts, one word a line.
pub const PARTS: &str = include_str!("../../themes/default/search/parts.txt");

/// Letters a catalogue term needs to be split off as a part: shorter ones
/// (`tid`, `mot`) are too often the accidental start or end of a word.
pub const MIN_PART: usize = 4;

/// Letters a listed part needs.
pub const MIN_LISTED: usize = 3;

/// Terms longer than this (in bytes) are not split: no Norwegian word
/// needs it, and a split costs quadratic time in the length.
pub const MAX_COMPOUND: usize = 64;

/// What a case matching the parts of a query word counts of one matching
/// the word (the mean of its parts' scores times this).
pub const PART_FACTOR: f64 = 0.4;

/// The joints between parts: none, `s` (`nærværsarbeid`), `e`
/// (`sykefravær` from `syk`).
const JOINTS: [&str; 3] = ["", "s", "e"];

/// The terms of `search/parts.txt`, as the index spells them, sorted.
pub static LISTED: LazyLock<Vec<String>> = LazyLock::new(|| listed(PARTS));

/// The index terms of a parts list (comments and short words left out).
pub fn listed(text: &str) -> Vec<String> {
    let n = Normaliser::new();
    let mut out: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|w| n.term(&w.to_lowercase()))
        .filter(|t| t.chars().count() >= MIN_LISTED)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The listed parts shorter than [`MIN_PART`]: the only ones the browser
/// cannot tell from the index itself, so they travel in `index.json`.
pub fn short_listed() -> Vec<&'static str> {
    LISTED
        .iter()
        .filter(|t| t.chars().count() < MIN_PART)
        .map(String::as_str)
        .collect()
}

/// Whether `term` may be a part on its own length, before asking whether
/// it is known.
fn splittable(term: &str) -> bool {
    term.len() <= MAX_COMPOUND && term.chars().all(char::is_alphabetic)
}

/// The split of `term` into the fewest known parts (at least two), each
/// joined to the next directly or by a joint; `None` when there is none.
/// Among splits with as many parts, the longest first part wins.
pub fn split<'t>(term: &'t str, known: &dyn Fn(&str) -> bool) -> Option<Vec<&'t str>> {
    if !splittable(term) {
        return None;
    }
    // best[i]: the fewest parts covering term[i..] and where the first of
    // them ends and the next starts; filled from the start, on demand.
    let mut best: FxHashMap<usize, Option<(usize, usize, usize)>> = FxHashMap::default();
    fn cover(
        term: &str,
        at: usize,
        whole_allowed: bool,
        known: &dyn Fn(&str) -> bool,
        best: &mut FxHashMap<usize, Option<(usize, usize, usize)>>,
    ) -> Option<(usize, usize, usize)> {
        if whole_allowed && let Some(&b) = best.get(&at) {
            return b;
        }
        let mut found: Option<(usize, usize, usize)> = None;
        let ends: Vec<usize> = term[at..]
            .char_indices()
            .map(|(i, c)| at + i + c.len_utf8())
            .collect();
        for &end in ends.iter().rev() {
            if end == term.len() && !whole_allowed {
                continue;
            }
            if !known(&term[at..end]) {
                continue;
            }
            if end == term.len() {
                if found.is_none_or(|f| f.0 > 1) {
                    found = Some((1, end, end));
                }
                continue;
            }
            for joint in JOINTS {
                let next = end + joint.len();
                if next >= term.len() || !term[end..].starts_with(joint) {
                    continue;
                }
                if let Some((n, _, _)) = cover(term, next, true, known, best)
                    && found.is_none_or(|f| f.0 > n + 1)
                {
                    found = Some((n + 1, end, next));
                }
            }
        }
        if whole_allowed {
            best.insert(at, found);
        }
        found
    }
    cover(term, 0, false, known, &mut best)?;
    let mut parts = Vec::new();
    let mut at = 0;
    let mut whole_allowed = false;
    while at < term.len() {
        let (_, end, next) = cover(term, at, whole_allowed, known, &mut best)?;
        parts.push(&term[at..end]);
        at = next;
        whole_allowed = true;
    }
    Some(parts)
}

/// Every part of `term`, the parts of its parts too (`langtidssykefravær`:
/// `langtid`, `sykefravær`, `syk`, `fravær`), without repeats.
pub fn all_parts<'t>(term: &'t str, known: &dyn Fn(&str) -> bool) -> Vec<&'t str> {
    let mut out: Vec<&'t str> = Vec::new();
    let mut todo = vec![term];
    while let Some(t) = todo.pop() {
        for p in split(t, known).unwrap_or_default() {
            if !out.contains(&p) && p != term {
                out.push(p);
                todo.push(p);
            }
        }
    }
    out
}

/// Marks an index key as holding a part's compounds: `fravar-` lists the
/// cases of `sykefravar`, `langtidssykefravar` …. No term contains it
/// (terms are letters and digits), and it sorts right after the part, so
/// a query word finds the key as one more term it is a prefix of, and
/// ranks it as one ([`super::index::PREFIX_FACTOR`]): below the whole word.
pub const PART_MARK: char = '-';

/// Adds to the index, for every part of every compound term, the key
/// `<part>-` with the cases of its compounds (a case's highest weight
/// among them).
pub fn add_parts(index: &mut Index) {
    let vocabulary: FxHashSet<&str> = index
        .terms
        .iter()
        .map(String::as_str)
        .filter(|t| t.chars().count() >= MIN_PART && splittable(t))
        .chain(LISTED.iter().map(String::as_str))
        .collect();
    let known = |p: &str| vocabulary.contains(p);
    let found: Vec<(usize, Vec<&str>)> = index
        .terms
        .par_iter()
        .enumerate()
        .filter_map(|(t, term)| {
            let parts = all_parts(term, &known);
            (!parts.is_empty()).then_some((t, parts))
        })
        .collect();
    // part → the compounds it is in (positions in `index.terms`).
    let mut compounds_of: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (t, parts) in &found {
        for &p in parts {
            compounds_of.entry(p).or_default().push(*t);
        }
    }
    let mut added: Vec<(String, Postings)> = compounds_of
        .into_par_iter()
        .map(|(part, compounds)| {
            let mut postings = Postings::default();
            if let [only] = compounds[..] {
                postings = index.postings[only].clone();
            } else {
                let mut all: Vec<(u32, u8)> = compounds
                    .iter()
                    .flat_map(|&c| index.postings[c].iter())
                    .collect();
                // Case order, a case's highest weight first, the rest dropped.
                all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
                all.dedup_by_key(|p| p.0);
                for (doc, w) in all {
                    postings.push(doc, w);
                }
            }
            (format!("{part}{PART_MARK}"), postings)
        })
        .collect();
    drop(found);
    drop(vocabulary);
    if added.is_empty() {
        return;
    }
    added.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Both lists are sorted: merge them.
    let terms = std::mem::take(&mut index.terms);
    let postings = std::mem::take(&mut index.postings);
    let mut old = terms.into_iter().zip(postings).peekable();
    let mut new = added.into_iter().peekable();
    loop {
        let take_new = match (old.peek(), new.peek()) {
            (Some(o), Some(n)) => n.0 < o.0,
            (None, Some(_)) => true,
            (_, None) => false,
        };
        let next = if take_new { new.next() } else { old.next() };
        let Some((term, list)) = next else {
            break;
        };
        index.terms.push(term);
        index.postings.push(list);
    }
}

impl Index {
    /// Whether the index has the key.
    fn has(&self, key: &str) -> bool {
        self.terms.binary_search_by(|t| t.as_str().cmp(key)).is_ok()
    }

    /// Whether a piece of a query word may be a part: a word of
    /// [`MIN_PART`] letters or a listed one, that the index has as a term
    /// or as a part.
    fn is_part(&self, piece: &str) -> bool {
        let long = piece.chars().count() >= MIN_PART;
        (long || LISTED.binary_search_by(|t| t.as_str().cmp(piece)).is_ok())
            && (self.has(piece) || self.has(&format!("{piece}{PART_MARK}")))
    }

    /// The parts of a query term, when it splits (`heltidskultur` →
    /// `heltid`, `kultur`): split whether or not the index has the whole
    /// word, so a case about `heltid` and `kultur` is found beside the
    /// ones saying `heltidskultur`.
    pub fn query_parts<'q>(&self, q: &'q str) -> Option<Vec<&'q str>> {
        split(q, &|p| self.is_part(p))
    }

    /// The cases matching every part of the query term `q` (none when it
    /// does not split), each scoring [`PART_FACTOR`] × the mean of its
    /// parts' scores; `n` is the number of cases.
    pub fn part_scores(&self, q: &str, n: f64) -> std::collections::HashMap<u32, f64> {
        let Some(parts) = self.query_parts(q) else {
            return std::collections::HashMap::new();
        };
        let factor = PART_FACTOR / parts.len() as f64;
        let mut scores = self.all_of(&parts, n);
        for s in scores.values_mut() {
            *s *= factor;
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known<'a>(words: &'a [&'a str]) -> impl Fn(&str) -> bool + 'a {
        move |p: &str| words.contains(&p)
    }

    #[test]
    fn splits_at_known_parts_with_the_norwegian_joints() {
        let k = known(&[
            "syk", "fravar", "narvar", "arbeid", "heltid", "kultur", "langtid",
        ]);
        assert_eq!(split("sykefravar", &k), Some(vec!["syk", "fravar"]));
        assert_eq!(split("narvarsarbeid", &k), Some(vec!["narvar", "arbeid"]));
        assert_eq!(split("heltidskultur", &k), Some(vec!["heltid", "kultur"]));
        assert_eq!(split("heltidkultur", &k), Some(vec!["heltid", "kultur"]));
        assert_eq!(split("fravar", &k), None, "a known word alone is no split");
        assert_eq!(split("heltidsx", &k), None, "every part must be known");
        assert_eq!(split("heltids", &k), None, "a joint does not end a word");
        assert_eq!(split("kulturq1", &k), None, "digits are never split");
        let long = "heltid".repeat(40);
        assert_eq!(split(&long, &k), None, "too long to split");
    }

    #[test]
    fn the_fewest_parts_win_and_parts_of_parts_count() {
        let k = known(&["langtid", "sykefravar", "syk", "fravar", "lang", "tid"]);
        assert_eq!(
            split("langtidssykefravar", &k),
            Some(vec!["langtid", "sykefravar"])
        );
        let mut all = all_parts("langtidssykefravar", &k);
        all.sort_unstable();
        assert_eq!(
            all,
            ["fravar", "lang", "langtid", "syk", "sykefravar", "tid"]
        );
    }

    fn index(docs: &[&str]) -> (Index, Normaliser) {
        use crate::search::index::{DocBuilder, Memo, weight};
        let normaliser = Normaliser::new();
        let mut memo = Memo::default();
        for (i, text) in docs.iter().enumerate() {
            let mut b = DocBuilder::new(&normaliser, &mut memo);
            b.field(text, weight::BODY);
            b.finish(i as u32);
        }
        let mut index = Index::from_memos(vec![memo], vec![String::new(); docs.len()]);
        add_parts(&mut index);
        (index, normaliser)
    }

    #[test]
    fn parts_find_their_compounds_in_the_index_and_the_query() {
        let docs = [
            "Sykefraværet gikk ned.",
            "Sjukefråværet gjekk ned.",
            "Nærværsarbeidet i heimetenesta.",
            "Heltid er målet, og kulturen må endres.",
            "Turnus og arbeidstid.",
            "Fravær og nærvær.",
        ];
        let (idx, n) = index(&docs);
        assert_eq!(idx.query(&n, "fravær"), [5, 0, 1], "whole word first");
        assert_eq!(idx.query(&n, "fråvær"), [5, 0, 1]);
        assert_eq!(idx.query(&n, "nærvær"), [5, 2]);
        assert_eq!(idx.query(&n, "heltidskultur"), [3]);
        assert_eq!(idx.query(&n, "heiltidskultur"), [3]);
        assert!(idx.query(&n, "turnuskultur").is_empty(), "every part");
        assert!(
            idx.terms.windows(2).all(|w| w[0] < w[1]),
            "terms stay sorted"
        );
        assert!(idx.terms.iter().any(|t| t == "syk-"), "a listed part");
    }

    #[test]
    fn the_listed_parts_are_index_terms() {
        assert!(LISTED.contains(&"syk".to_owned()), "{:?}", *LISTED);
        assert!(LISTED.contains(&"fravar".to_owned()));
        assert!(!LISTED.iter().any(|t| t.starts_with('#')));
        assert!(short_listed().iter().all(|t| t.chars().count() < MIN_PART));
    }
}
