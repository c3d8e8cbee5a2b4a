//! The inverted index: every term with the cases it occurs in and a weight
//! per case, and the ranking the browser applies to it. [`Index::query`] is
//! the reference for `search.js`: the tests rank with it, the browser test
//! checks the browser ranks the same way.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

// FxHash, not SipHash: every word of every case is hashed here, and they are
// our words, not an attacker's.
use rustc_hash::FxHashMap;

use super::normalise::{Normaliser, fold, fold_accents, loose, words};

/// At most this many index terms stand for one query word: the term itself
/// and the commonest terms it is a prefix of. A single letter would
/// otherwise fetch the postings of a tenth of the vocabulary.
pub const MAX_EXPANSIONS: usize = 8;

/// At most this many words of a query are searched; the rest are ignored,
/// so a pasted page of text answers as quickly as a word.
pub const MAX_QUERY_TERMS: usize = 12;

/// The order in which the terms that start with `query` stand for it: the
/// term equal to it first, then by the number of cases, most first, then
/// alphabetically. The first [`MAX_EXPANSIONS`] are used.
pub fn expansion_order(query: &str, a: (&str, usize), b: (&str, usize)) -> Ordering {
    (b.0 == query)
        .cmp(&(a.0 == query))
        .then(b.1.cmp(&a.1))
        .then(a.0.cmp(b.0))
}

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

/// A term's postings: `(case position, weight)` in case order, packed as
/// the gap from the previous case (LEB128) and the weight, one byte. Most
/// gaps are small, so a posting takes two or three bytes instead of eight:
/// a 10 000-case catalogue has millions of them.
#[derive(Clone, Debug, Default)]
pub struct Postings {
    bytes: Vec<u8>,
    /// The last case pushed.
    last: u32,
    len: u32,
}

fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The number at the start of `bytes` and how many bytes it took.
fn read_varint(bytes: &[u8]) -> (u32, usize) {
    let mut n = 0u32;
    for (i, &b) in bytes.iter().enumerate() {
        n |= u32::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            return (n, i + 1);
        }
    }
    (n, bytes.len())
}

impl Postings {
    /// Adds `doc`, which must come after every case already added.
    pub fn push(&mut self, doc: u32, weight: u8) {
        let gap = if self.len == 0 { doc } else { doc - self.last };
        push_varint(&mut self.bytes, gap);
        self.bytes.push(weight);
        self.last = doc;
        self.len += 1;
    }

    /// Number of cases.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether no case has the term.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// `(gap from the previous case, or the case itself for the first;
    /// weight)`, in case order: what the shards store.
    pub fn gaps(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut at = 0;
        std::iter::from_fn(move || {
            let (gap, n) = read_varint(self.bytes.get(at..)?);
            let w = *self.bytes.get(at + n)?;
            at += n + 1;
            Some((gap, w))
        })
    }

    /// `(case, weight)` in case order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        self.gaps().scan(0u32, |doc, (gap, w)| {
            *doc += gap;
            Some((*doc, w))
        })
    }

    /// Adds `other`'s cases, which must all come after this one's.
    fn append(&mut self, other: Postings) {
        if self.len == 0 {
            *self = other;
            return;
        }
        if other.len == 0 {
            return;
        }
        let (first, n) = read_varint(&other.bytes);
        push_varint(&mut self.bytes, first - self.last);
        self.bytes.extend_from_slice(&other.bytes[n..]);
        self.last = other.last;
        self.len += other.len;
    }
}

/// Word → term memo of one thread, shared by the cases it indexes, and the
/// postings of those cases: a corpus repeats its words, so each distinct
/// word is lower-cased, stemmed and folded once, and a token costs one hash
/// lookup.
#[derive(Default)]
pub struct Memo {
    /// Word as written → term id (`u32::MAX`: a stop word).
    words: FxHashMap<Box<str>, u32>,
    /// Term → term id: words that differ only in case or ending share one.
    ids: FxHashMap<Arc<str>, u32>,
    /// Term of each id.
    terms: Vec<Arc<str>>,
    /// Postings of each id, for the cases this memo indexed.
    postings: Vec<Postings>,
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
                    m.postings.push(Postings::default());
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
        for word in alphanumeric_runs(text) {
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

    /// Adds the case's terms, weighted 1–255, to the memo's postings as
    /// case `doc` (after every case the memo has seen); resets the scratch.
    pub fn finish(self, doc: u32) {
        let m = self.memo;
        for &id in &m.in_doc {
            let w = std::mem::take(&mut m.weights[id as usize]);
            m.postings[id as usize].push(doc, w.round().clamp(1.0, 255.0) as u8);
        }
        m.in_doc.clear();
    }
}

/// The runs of letters and digits of `text` ([`char::is_alphanumeric`]),
/// as `text.split(|c: char| !c.is_alphanumeric())` without its empty
/// pieces, but a byte at a time through ASCII, which is most of the text.
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Whether the character at `at` is a letter or digit, and its width.
    let class = move |at: usize| -> (bool, usize) {
        let b = bytes[at];
        if b < 0x80 {
            return (ASCII_ALNUM[usize::from(b)], 1);
        }
        // U+00C0–U+00FF (æ, ø, å, é …), two bytes starting 0xC3: all
        // letters but × and ÷. Answered here, since the general table
        // lookup for non-ASCII letters is slow and they are frequent.
        if b == 0xC3
            && let Some(&next) = bytes.get(at + 1)
        {
            return (next != 0x97 && next != 0xB7, 2);
        }
        text[at..]
            .chars()
            .next()
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
    };
    std::iter::from_fn(move || {
        // Past the separators, then to the end of the run; ASCII letters
        // and digits, most of a run, are stepped over in a tight loop.
        loop {
            if i >= bytes.len() {
                return None;
            }
            let (alnum, width) = class(i);
            if alnum {
                break;
            }
            i += width;
        }
        let from = i;
        loop {
            while let Some(&b) = bytes.get(i)
                && ASCII_ALNUM[usize::from(b)]
            {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            let (alnum, width) = class(i);
            if !alnum {
                let run = &text[from..i];
                i += width;
                return Some(run);
            }
            i += width;
        }
        Some(&text[from..])
    })
}

/// Which bytes are ASCII letters and digits (no byte from 0x80 on is).
const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

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
    /// Merges the postings of the memos, each of which indexed a run of
    /// cases, given in catalogue order, into one index.
    pub fn from_memos(memos: Vec<Memo>, titles: Vec<String>) -> Index {
        let mut at: FxHashMap<Arc<str>, usize> = FxHashMap::default();
        let mut entries: Vec<(Arc<str>, Postings)> = Vec::new();
        for memo in memos {
            for (term, postings) in memo.terms.into_iter().zip(memo.postings) {
                if postings.is_empty() {
                    continue;
                }
                match at.get(&term) {
                    Some(&i) => entries[i].1.append(postings),
                    None => {
                        at.insert(Arc::clone(&term), entries.len());
                        entries.push((term, postings));
                    }
                }
            }
        }
        drop(at);
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

    /// The positions of the terms a query term stands for: those it is a
    /// prefix of, the first [`MAX_EXPANSIONS`] in [`expansion_order`].
    pub fn expansions(&self, q: &str) -> Vec<usize> {
        let mut found: Vec<usize> = self.prefix_range(q).collect();
        found.sort_by(|&a, &b| {
            expansion_order(
                q,
                (&self.terms[a], self.postings[a].len()),
                (&self.terms[b], self.postings[b].len()),
            )
        });
        found.truncate(MAX_EXPANSIONS);
        found
    }

    /// The cases matching every word of `query`, best first, as positions
    /// in catalogue order. The same rules as `search.js`:
    /// - each query term matches index terms it is a prefix of: exactly
    ///   (factor 1) or as a prefix only ([`PREFIX_FACTOR`]), at most
    ///   [`MAX_EXPANSIONS`] of them ([`Index::expansions`]);
    /// - a case scores, per query term, its best match: factor × weight ×
    ///   idf, idf = ln(1 + cases / cases with the term);
    /// - a case must match every query term;
    /// - a case whose title is the query ([`loose`]ly) gets
    ///   [`EXACT_TITLE_BONUS`]; ties keep catalogue order.
    pub fn query(&self, normaliser: &Normaliser, query: &str) -> Vec<usize> {
        let wanted = query_terms(normaliser, query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let n = self.len() as f64;
        let mut total: Option<HashMap<u32, f64>> = None;
        for q in &wanted {
            let mut scores: HashMap<u32, f64> = HashMap::new();
            for t in self.expansions(q) {
                let factor = if self.terms[t] == *q {
                    1.0
                } else {
                    PREFIX_FACTOR
                };
                let list = &self.postings[t];
                let idf = (1.0 + n / list.len() as f64).ln();
                for (doc, w) in list.iter() {
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
    out.truncate(MAX_QUERY_TERMS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[(&str, &str)]) -> (Index, Normaliser) {
        let normaliser = Normaliser::new();
        let mut memo = Memo::default();
        let mut titles = Vec::new();
        for (title, body) in docs {
            let mut b = DocBuilder::new(&normaliser, &mut memo);
            b.field(title, weight::TITLE);
            b.field(body, weight::BODY);
            b.finish(titles.len() as u32);
            titles.push(loose(title));
        }
        (Index::from_memos(vec![memo], titles), normaliser)
    }

    fn titles<'a>(docs: &[(&'a str, &str)], hits: &[usize]) -> Vec<&'a str> {
        hits.iter().map(|&i| docs[i].0).collect()
    }

    #[test]
    fn postings_pack_gaps_and_keep_every_case() {
        let cases = [
            (0, 1),
            (1, 255),
            (127, 3),
            (128, 4),
            (20_000, 5),
            (u32::MAX, 6),
        ];
        let mut p = Postings::default();
        for &(doc, w) in &cases {
            p.push(doc, w);
        }
        assert_eq!(p.len(), cases.len());
        assert_eq!(p.iter().collect::<Vec<_>>(), cases);
        assert_eq!(
            p.gaps().map(|(gap, _)| gap).collect::<Vec<_>>(),
            [0, 1, 126, 1, 19_872, u32::MAX - 20_000]
        );
        let mut front = Postings::default();
        front.push(3, 1);
        let mut back = Postings::default();
        back.push(200, 2);
        back.push(201, 3);
        front.append(back);
        front.append(Postings::default());
        assert_eq!(
            front.iter().collect::<Vec<_>>(),
            [(3, 1), (200, 2), (201, 3)]
        );
    }

    #[test]
    fn memos_of_runs_of_cases_merge_into_the_index_of_one() {
        let texts = [
            "heltid i Molde",
            "sykefravær og heltid",
            "turnus",
            "Molde turnus heltid",
            "sjukefråvær",
        ];
        let normaliser = Normaliser::new();
        let build = |runs: &[(usize, usize)]| {
            let memos = runs
                .iter()
                .map(|&(from, to)| {
                    let mut memo = Memo::default();
                    for (doc, text) in texts.iter().enumerate().take(to).skip(from) {
                        let mut b = DocBuilder::new(&normaliser, &mut memo);
                        b.field(text, weight::BODY);
                        b.finish(doc as u32);
                    }
                    memo
                })
                .collect();
            let index = Index::from_memos(memos, vec![String::new(); texts.len()]);
            let postings: Vec<Vec<(u32, u8)>> =
                index.postings.iter().map(|p| p.iter().collect()).collect();
            (index.terms, postings)
        };
        let whole = build(&[(0, 5)]);
        assert_eq!(build(&[(0, 2), (2, 3), (3, 5)]), whole);
        assert_eq!(build(&[(0, 1), (1, 5), (5, 5)]), whole);
        let heltid = whole.0.iter().position(|t| t == "heltid").expect("a term");
        assert_eq!(whole.1[heltid], [(0, 1), (1, 1), (3, 1)]);
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

    #[test]
    fn alphanumeric_runs_split_as_the_standard_library_does() {
        for text in [
            "",
            "heltid/deltid 8,5 % i Bærum – «sjukefråvær»",
            "  ÅÆØ  café\u{a0}naïve—x1²³ ",
            "a",
            "!",
            "ord.",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(
                alphanumeric_runs(text).collect::<Vec<_>>(),
                expected,
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        /// Any text, not just the examples above.
        #[test]
        fn alphanumeric_runs_split_any_text_as_the_standard_library_does(text in "\\PC*") {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(alphanumeric_runs(&text).collect::<Vec<_>>(), expected);
        }

        /// Latin-1 letters and signs (× and ÷ among them), which have a
        /// shortcut of their own.
        #[test]
        fn alphanumeric_runs_split_latin_text_as_the_standard_library_does(
            text in "[a-z0-9 ,.\u{a0}-\u{ff}\u{100}-\u{17f}]*"
        ) {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(alphanumeric_runs(&text).collect::<Vec<_>>(), expected);
        }
    }
}
