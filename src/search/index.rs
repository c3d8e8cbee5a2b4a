//! The inverted index: every term with the cases it occurs in and a weight
//! per case, and the ranking the browser applies to it. [`Index::query`] is
//! the reference for `search.js`: the tests rank with it, the browser test
//! checks the browser ranks the same way.

use std::collections::HashMap;
use std::sync::Arc;

// FxHash: the index hashes every word of every case; std's SipHash, made to
// resist hostile keys, costs a third of the search step here, and these
// keys are our own words, not an attacker's choice of bucket.
use rustc_hash::FxHashMap;

use super::normalise::{Normaliser, fold, fold_accents, loose, words};

/// How much a word counts in each field. A title word is worth twelve
/// words of narrative; the municipality nearly as much, so `molde` finds
/// Molde's cases before cases that mention Molde.
pub mod weight {
    /// Title.
    pub const TITLE: f32 = 12.0;
    /// Municipality name.
    pub const MUNICIPALITY: f32 = 10.0;
    /// Theme names.
    pub const THEMES: f32 = 6.0;
    /// Summary.
    pub const SUMMARY: f32 = 5.0;
    /// County name.
    pub const COUNTY: f32 = 3.0;
    /// Need, goal, measures, result, anchoring, programme and indicator names.
    pub const SECTION: f32 = 2.0;
    /// The narrative.
    pub const BODY: f32 = 1.0;
}

/// A term occurring only as a prefix of the index term counts this much of
/// an exact match (`heltid` in `heltidskultur`).
pub const PREFIX_FACTOR: f64 = 0.5;

/// Added to a case whose title is the whole query, so it always ranks first.
pub const EXACT_TITLE_BONUS: f64 = 1.0e6;

/// A term's postings: `(case position, weight)` in case order.
pub type Postings = Vec<(u32, u8)>;

/// One case's terms with their weights, before merging.
pub type DocTerms = Vec<(Arc<str>, u8)>;

/// Word → term memo of one thread, shared by the cases it indexes: a
/// corpus repeats its words, so each distinct word is lower-cased, stemmed
/// and folded once, and a token costs one hash lookup.
#[derive(Default)]
pub struct Memo {
    /// Word as written → term id (`u32::MAX`: a stop word).
    words: FxHashMap<Box<str>, u32>,
    /// Term → term id: words that differ only in case or ending share one.
    ids: FxHashMap<Arc<str>, u32>,
    /// Term of each id.
    terms: Vec<Arc<str>>,
    /// Scratch counts per id for the field being added, and the ids touched.
    field: Vec<u32>,
    touched: Vec<u32>,
    /// Accumulated weight per id for the case being built, and its ids.
    weights: Vec<f32>,
    in_doc: Vec<u32>,
}

const STOP: u32 = u32::MAX;

/// Accumulates weighted term counts for one case.
pub struct DocBuilder<'n> {
    normaliser: &'n Normaliser,
    memo: &'n mut Memo,
}

impl<'n> DocBuilder<'n> {
    /// A builder for one case, using the thread's `memo`.
    pub fn new(normaliser: &'n Normaliser, memo: &'n mut Memo) -> DocBuilder<'n> {
        DocBuilder { normaliser, memo }
    }

    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.memo.words.get(word) {
            return id;
        }
        let m = &mut *self.memo;
        let id = match self.normaliser.term(&word.to_lowercase()) {
            None => STOP,
            Some(term) => match m.ids.get(term.as_str()) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(m.terms.len()).unwrap_or(STOP);
                    let term: Arc<str> = Arc::from(term);
                    m.terms.push(Arc::clone(&term));
                    m.ids.insert(term, id);
                    m.field.push(0);
                    m.weights.push(0.0);
                    id
                }
            },
        };
        m.words.insert(word.into(), id);
        id
    }

    /// Adds the words of one field with its weight.
    pub fn field(&mut self, text: &str, weight: f32) {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() {
                continue;
            }
            let id = self.id(word);
            if id == STOP {
                continue;
            }
            let m = &mut *self.memo;
            if m.field[id as usize] == 0 {
                m.touched.push(id);
            }
            m.field[id as usize] += 1;
        }
        // Repeats count less and less: a case that says "heltid" ten times
        // is not ten times as much about it.
        let m = &mut *self.memo;
        for &id in &m.touched {
            let n = std::mem::take(&mut m.field[id as usize]);
            if m.weights[id as usize] == 0.0 {
                m.in_doc.push(id);
            }
            m.weights[id as usize] += weight * (1.0 + (n as f32).ln());
        }
        m.touched.clear();
    }

    /// The case's terms and weights (1–255); resets the memo's scratch.
    pub fn finish(self) -> DocTerms {
        let m = self.memo;
        let mut out: DocTerms = Vec::with_capacity(m.in_doc.len());
        for &id in &m.in_doc {
            let w = std::mem::take(&mut m.weights[id as usize]);
            out.push((
                Arc::clone(&m.terms[id as usize]),
                w.round().clamp(1.0, 255.0) as u8,
            ));
        }
        m.in_doc.clear();
        out
    }
}

/// The index: terms in byte order, each with its postings `(case, weight)`
/// in case order.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Terms, sorted.
    pub terms: Vec<String>,
    /// Postings per term (same position), by case position.
    pub postings: Vec<Postings>,
    /// Each case's title reduced with [`loose`], for the exact-title rule.
    pub titles: Vec<String>,
}

impl Index {
    /// Merges the cases' terms (in catalogue order) into one index.
    pub fn from_docs(docs: Vec<DocTerms>, titles: Vec<String>) -> Index {
        let mut map: FxHashMap<Arc<str>, Postings> = FxHashMap::default();
        for (i, doc) in docs.into_iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            for (term, w) in doc {
                map.entry(term).or_default().push((id, w));
            }
        }
        let mut entries: Vec<_> = map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings) = entries.into_iter().map(|(t, p)| (t.to_string(), p)).unzip();
        Index {
            terms,
            postings,
            titles,
        }
    }

    /// Number of cases.
    pub fn len(&self) -> usize {
        self.titles.len()
    }

    /// Whether there are no cases.
    pub fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }

    /// Positions of the terms that start with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let end = start
            + self.terms[start..]
                .iter()
                .take_while(|t| t.starts_with(prefix))
                .count();
        start..end
    }

    /// The cases matching every word of `query`, best first, as positions
    /// in catalogue order. The same rules as `search.js`:
    /// - each query term matches index terms it is a prefix of: exactly
    ///   (factor 1) or as a prefix only ([`PREFIX_FACTOR`]);
    /// - a case scores, per query term, its best match: factor × weight ×
    ///   idf, idf = ln(1 + cases / cases with the term);
    /// - a case must match every query term;
    /// - a case whose title is the query ([`loose`]ly) gets
    ///   [`EXACT_TITLE_BONUS`]; ties keep catalogue order.
    ///
    /// The browser adds one rule of its own for speed: a word being typed
    /// that is still shorter than three letters is matched against the
    /// titles, municipalities and summaries it already holds instead of the
    /// full text, so the first keystroke needs no shard.
    pub fn query(&self, normaliser: &Normaliser, query: &str) -> Vec<usize> {
        let wanted = query_terms(normaliser, query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let n = self.len() as f64;
        let mut total: Option<HashMap<u32, f64>> = None;
        for q in &wanted {
            let mut scores: HashMap<u32, f64> = HashMap::new();
            for t in self.prefix_range(q) {
                let factor = if self.terms[t] == *q {
                    1.0
                } else {
                    PREFIX_FACTOR
                };
                let list = &self.postings[t];
                let idf = (1.0 + n / list.len() as f64).ln();
                for &(doc, w) in list {
                    let s = factor * f64::from(w) * idf;
                    let e = scores.entry(doc).or_insert(0.0);
                    if s > *e {
                        *e = s;
                    }
                }
            }
            total = Some(match total {
                None => scores,
                Some(mut acc) => {
                    acc.retain(|doc, _| scores.contains_key(doc));
                    for (doc, s) in acc.iter_mut() {
                        *s += scores.get(doc).copied().unwrap_or(0.0);
                    }
                    acc
                }
            });
        }
        let whole = loose(query);
        let mut ranked: Vec<(u32, f64)> = total
            .unwrap_or_default()
            .into_iter()
            .map(|(doc, s)| {
                let exact = self.titles.get(doc as usize) == Some(&whole);
                (doc, if exact { s + EXACT_TITLE_BONUS } else { s })
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().map(|(doc, _)| doc as usize).collect()
    }
}

/// The terms of a query: as in the index, except for the word being typed
/// (the last one, when the query does not end in a space or punctuation):
/// it stays even when it is a stop word or a single letter (folded,
/// unstemmed), so the first keystroke already finds the words that start
/// with it, and `i` on the way to `innovasjon` is not thrown away.
pub fn query_terms(normaliser: &Normaliser, query: &str) -> Vec<String> {
    let typing = query.chars().last().is_some_and(char::is_alphanumeric);
    let all: Vec<String> = words(query).collect();
    let mut out: Vec<String> = Vec::new();
    for (i, w) in all.iter().enumerate() {
        let last = typing && i + 1 == all.len();
        let term = match normaliser.term(w) {
            None if last => Some(fold(&fold_accents(w))),
            t => t,
        };
        if let Some(t) = term
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[(&str, &str)]) -> (Index, Normaliser) {
        let normaliser = Normaliser::new();
        let mut memo = Memo::default();
        let mut built = Vec::new();
        let mut titles = Vec::new();
        for (title, body) in docs {
            let mut b = DocBuilder::new(&normaliser, &mut memo);
            b.field(title, weight::TITLE);
            b.field(body, weight::BODY);
            built.push(b.finish());
            titles.push(loose(title));
        }
        (Index::from_docs(built, titles), normaliser)
    }

    fn titles<'a>(docs: &[(&'a str, &str)], hits: &[usize]) -> Vec<&'a str> {
        hits.iter().map(|&i| docs[i].0).collect()
    }

    #[test]
    fn inflected_and_nynorsk_forms_are_found() {
        let docs = [
            (
                "Nærvær i Molde",
                "Sykefraværet gikk ned fra 9 til 7 prosent.",
            ),
            ("Heiltid i Volda", "Sjukefråværet i heimetenesta gjekk ned."),
            ("Innovasjon i Bodø", "Nye velferdsteknologiske løsninger."),
        ];
        let (idx, n) = index(&docs);
        assert_eq!(
            titles(&docs, &idx.query(&n, "sykefravær")),
            ["Nærvær i Molde", "Heiltid i Volda"]
        );
        assert_eq!(
            titles(&docs, &idx.query(&n, "sjukefråvær")),
            ["Nærvær i Molde", "Heiltid i Volda"]
        );
        assert_eq!(titles(&docs, &idx.query(&n, "heltid")), ["Heiltid i Volda"]);
        assert_eq!(titles(&docs, &idx.query(&n, "bodo")), ["Innovasjon i Bodø"]);
    }

    #[test]
    fn a_prefix_finds_compounds() {
        let docs = [
            ("Kultur for hele stillinger", "Vi bygget en heltidskultur."),
            ("Turnus", "Ny turnus i hjemmetjenesten."),
        ];
        let (idx, n) = index(&docs);
        assert_eq!(
            titles(&docs, &idx.query(&n, "heltid")),
            ["Kultur for hele stillinger"]
        );
        assert_eq!(titles(&docs, &idx.query(&n, "hjemmetj")), ["Turnus"]);
        assert_eq!(idx.query(&n, "h").len(), 2, "one letter already searches");
    }

    #[test]
    fn every_word_must_match() {
        let docs = [
            ("Heltid i Molde", "Turnus og heltid."),
            ("Sykefravær i Molde", "Nærvær."),
        ];
        let (idx, n) = index(&docs);
        assert_eq!(
            titles(&docs, &idx.query(&n, "molde heltid")),
            ["Heltid i Molde"]
        );
        assert!(idx.query(&n, "molde finnes-ikke").is_empty());
        assert!(idx.query(&n, "og i").is_empty(), "stop words only");
    }

    #[test]
    fn an_exact_title_ranks_first() {
        let docs = [
            (
                "Heltid og deltid i hjemmetjenesten",
                "Heltid heltid heltid deltid deltid hjemmetjenesten hjemmetjenesten.",
            ),
            ("Heltid", "En kort tekst."),
            ("Deltid og heltid", "Heltid."),
        ];
        let (idx, n) = index(&docs);
        assert_eq!(idx.query(&n, "heltid")[0], 1);
        assert_eq!(idx.query(&n, "HELTID!")[0], 1, "case and punctuation");
        assert_eq!(idx.query(&n, "heltid og deltid i hjemmetjenesten")[0], 0);
    }

    #[test]
    fn title_words_outrank_body_words() {
        let docs = [
            (
                "Turnus",
                "Mye om rekruttering her, rekruttering og rekruttering.",
            ),
            ("Rekruttering av sykepleiere", "Om lønn."),
        ];
        let (idx, n) = index(&docs);
        assert_eq!(
            titles(&docs, &idx.query(&n, "rekruttering")),
            ["Rekruttering av sykepleiere", "Turnus"]
        );
    }
}
