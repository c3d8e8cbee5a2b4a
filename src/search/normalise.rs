//! From a word to an index term: lower case, Norwegian stemming (Snowball,
//! through rust-stemmers), diacritics folded (`bærum` and `barum` meet), and
//! nynorsk spellings mapped onto bokmål ones (`sjukefråvær` meets
//! `sykefravær`).
//!
//! The browser does the same to the query in `themes/default/static/search.js`,
//! so every rule here has a twin there. The stop words and the spelling table
//! (`nb-nn.txt`) travel to the browser inside `search/index.json`, so those
//! two lists have one source of truth; the stemmer is ported by hand (Snowball's Norwegian
//! algorithm is three short steps), and `tests/fixtures/search/stems.txt` pins
//! both ports to the same output.

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Words too common to help a search (bokmål and nynorsk), dropped from the
/// index and from queries. Lower case, before stemming.
pub const STOP_WORDS: &[&str] = &[
    "alle", "at", "av", "bare", "berre", "bi", "ble", "blei", "bli", "blir", "da", "deg", "dei",
    "dem", "den", "denne", "der", "dere", "det", "dette", "di", "disse", "du", "eg", "ein", "eit",
    "eller", "en", "enn", "er", "et", "ett", "etter", "for", "fra", "frå", "før", "ha", "hadde",
    "han", "hans", "har", "her", "hjå", "ho", "hos", "hun", "hva", "hvis", "hvor", "i", "ikke",
    "ikkje", "inn", "kan", "korleis", "kva", "man", "med", "meg", "men", "mot", "no", "noe",
    "noen", "når", "og", "også", "om", "opp", "oss", "over", "på", "seg", "sin", "sine", "sitt",
    "skal", "skulle", "som", "så", "til", "ut", "var", "vart", "ved", "vere", "vi", "vil", "ville",
    "vore", "være", "vært", "å", "òg",
];

/// Nynorsk spellings and their bokmål twins, as `nb-nn.txt` lists them
/// (the file's head explains the four kinds of rule).
const PAIRS: &str = include_str!("nb-nn.txt");

/// Where a rule of [`Variants`] applies to an index term. The numbers are
/// what `search.js` receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// At the start of the term.
    Start = 0,
    /// Wherever the part occurs.
    Anywhere = 1,
    /// The whole term.
    Whole = 2,
    /// At the end of the term, leaving at least [`END_KEEPS`] letters.
    End = 3,
}

/// Letters a term keeps when an end rule cuts it (`-ing`: `oppleving` →
/// `opplev`, but `ting` stays).
pub const END_KEEPS: usize = 4;

/// The spelling table, compiled from [`PAIRS`]: whole words as the terms
/// they stem to, parts folded as written.
#[derive(Debug, Default)]
pub struct Variants {
    /// Whole nynorsk term → bokmål term.
    whole: HashMap<String, String>,
    /// Part rules, in the file's order.
    parts: Vec<(String, String, Place)>,
    /// Every rule in the file's order, for the browser.
    listed: Vec<(String, String, Place)>,
}

/// The table every [`Normaliser`] applies.
pub static VARIANTS: LazyLock<Variants> = LazyLock::new(|| Variants::parse(PAIRS).0);

impl Variants {
    /// Compiles the table; also returns the lines it could not read (the
    /// unit test requires none).
    pub fn parse(text: &str) -> (Variants, Vec<String>) {
        let stemmer = Stemmer::create(Algorithm::Norwegian);
        let stem = |w: &str| fold(&stemmer.stem(&fold_accents(&w.to_lowercase())));
        let mut table = Variants::default();
        let mut problems = Vec::new();
        let mut wholes = Vec::new();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((from, to)) = line.split_once(" = ") else {
                problems.push(format!("no ` = ` in `{line}`"));
                continue;
            };
            let (from, to) = (from.trim(), to.trim());
            let place = |s: &str| match (s.starts_with('-'), s.ends_with('-') && s.len() > 1) {
                (true, true) => Place::Anywhere,
                (true, false) => Place::End,
                (false, true) => Place::Start,
                (false, false) => Place::Whole,
            };
            let kind = place(from);
            if kind != place(to) && !(kind == Place::End && to == "-") {
                problems.push(format!("both sides of `{line}` must be of one kind"));
                continue;
            }
            if kind == Place::Whole {
                wholes.push((from, to));
                continue;
            }
            let bare = |s: &str| fold(&fold_accents(&s.trim_matches('-').to_lowercase()));
            let (from, to) = (bare(from), bare(to));
            if from.is_empty() || from == to {
                problems.push(format!("`{line}` changes nothing"));
                continue;
            }
            table.parts.push((from.clone(), to.clone(), kind));
            table.listed.push((from, to, kind));
        }
        for (from, to) in wholes {
            let (from, to) = (stem(from), table.apply_parts(stem(to)));
            if from == to {
                // Stemming and folding already join them.
                continue;
            }
            if let Some(before) = table.whole.get(&from)
                && *before != to
            {
                problems.push(format!(
                    "`{from}` is already `{before}`, not `{to}` (inflections of one word stem apart)"
                ));
                continue;
            }
            table.whole.insert(from.clone(), to.clone());
            table.listed.push((from, to, Place::Whole));
        }
        (table, problems)
    }

    /// Maps a nynorsk term onto its bokmål twin.
    pub fn apply(&self, term: String) -> String {
        if let Some(to) = self.whole.get(&term) {
            return to.clone();
        }
        self.apply_parts(term)
    }

    fn apply_parts(&self, term: String) -> String {
        let mut term = term;
        for (from, to, place) in &self.parts {
            match place {
                Place::Anywhere => {
                    if term.contains(from.as_str()) {
                        term = term.replace(from.as_str(), to);
                    }
                }
                Place::Start => {
                    if let Some(rest) = term.strip_prefix(from.as_str()) {
                        term = format!("{to}{rest}");
                    }
                }
                Place::End => {
                    if let Some(rest) = term.strip_suffix(from.as_str())
                        && rest.chars().count() >= END_KEEPS
                    {
                        term = format!("{rest}{to}");
                    }
                }
                Place::Whole => {}
            }
        }
        term
    }

    /// Every rule as `(from, to, place)`, in the order the browser applies
    /// them: part rules first, then whole words (looked up before them).
    pub fn listed(&self) -> impl Iterator<Item = (&str, &str, u8)> {
        self.listed
            .iter()
            .map(|(f, t, p)| (f.as_str(), t.as_str(), *p as u8))
    }
}

/// Drops accents other than the Norwegian letters (`café` → `cafe`),
/// before stemming, so the stemmer sees `cafe` either way.
pub fn fold_accents(word: &str) -> String {
    if word.is_ascii() {
        return word.to_owned();
    }
    let mut out = String::with_capacity(word.len());
    for ch in word.chars() {
        match ch {
            'à' | 'á' | 'â' | 'ä' | 'ã' => out.push('a'),
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => out.push('o'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// Folds the Norwegian letters after stemming: `æ` → `a`, `ø` → `o`,
/// `å` → `a`, and the digraphs of transliteration (`ae`, `oe`, `aa`) with
/// them, so `barum`, `baerum` and `bærum` are one term. (Before stemming
/// it would be wrong: `fravær` would become `fravar`, whose `ar` the
/// stemmer strips.)
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for ch in word.chars() {
        match ch {
            'æ' | 'å' => out.push('a'),
            'ø' => out.push('o'),
            c => out.push(c),
        }
    }
    if out.contains("ae") || out.contains("oe") || out.contains("aa") {
        out = out.replace("ae", "a").replace("oe", "o").replace("aa", "a");
    }
    out
}

/// Maps nynorsk spellings onto bokmål ones ([`VARIANTS`]).
pub fn variants(term: String) -> String {
    VARIANTS.apply(term)
}

/// Turns words into index terms. Holds the stemmer, which is cheap to make
/// but not free; make one per thread.
pub struct Normaliser {
    stemmer: Stemmer,
}

impl Default for Normaliser {
    fn default() -> Self {
        Normaliser::new()
    }
}

impl Normaliser {
    /// A normaliser with the Norwegian (bokmål) Snowball stemmer. Nynorsk
    /// endings are close enough that it serves both; the spelling table does
    /// the rest.
    pub fn new() -> Normaliser {
        Normaliser {
            stemmer: Stemmer::create(Algorithm::Norwegian),
        }
    }

    /// The index term of one lower-case word, or `None` for a stop word or a
    /// word too short to search for.
    pub fn term(&self, lower: &str) -> Option<String> {
        if lower.chars().count() < 2 || STOP_WORDS.binary_search(&lower).is_ok() {
            return None;
        }
        let plain = fold_accents(lower);
        let stem = self.stemmer.stem(&plain);
        Some(variants(fold(&stem)))
    }

    /// The stem alone (for the fixture that pins the browser's port).
    pub fn stem(&self, lower: &str) -> String {
        self.stemmer.stem(lower).into_owned()
    }
}

/// A text's words in lower case: runs of letters and digits. Everything else
/// separates words (`heltid/deltid`, `8,5` → `8`, `5`).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The terms of a query or a text, in order (stop words left out).
pub fn terms(normaliser: &Normaliser, text: &str) -> Vec<String> {
    words(text).filter_map(|w| normaliser.term(&w)).collect()
}

/// A title or query reduced for comparison: folded words joined by single
/// spaces (`Ål: Heltid i legevakten` → `al heltid i legevakten`).
pub fn loose(text: &str) -> String {
    let parts: Vec<String> = words(text).map(|w| fold(&fold_accents(&w))).collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tests/fixtures/search/terms.tsv` pins the term of every word in
    /// `words.txt`; the browser test holds `search.js` to the same file.
    /// `CASEBOOK_UPDATE_FIXTURES=1 cargo test` rewrites it after a change.
    #[test]
    fn terms_match_the_fixture_the_browser_is_held_to() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search");
        let words = std::fs::read_to_string(dir.join("words.txt")).expect("words.txt");
        let n = Normaliser::new();
        let mut expected = String::new();
        for w in words.lines().filter(|l| !l.is_empty()) {
            let term = n.term(&w.to_lowercase()).unwrap_or_default();
            expected.push_str(&format!("{w}\t{term}\n"));
        }
        let path = dir.join("terms.tsv");
        if std::env::var_os("CASEBOOK_UPDATE_FIXTURES").is_some() {
            std::fs::write(&path, &expected).expect("write terms.tsv");
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            actual, expected,
            "run with CASEBOOK_UPDATE_FIXTURES=1 to accept"
        );
    }

    /// Every line of `nb-nn.txt` reads, and both sides of every whole-word
    /// pair end as one term, in the inflections too.
    #[test]
    fn the_pairs_file_reads_and_its_pairs_meet() {
        let (table, problems) = Variants::parse(PAIRS);
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(table.listed().count() >= 60, "{}", table.listed().count());
        let n = Normaliser::new();
        let mut apart = Vec::new();
        for line in PAIRS.lines().filter(|l| !l.starts_with('#')) {
            let Some((nn, nb)) = line.split_once(" = ") else {
                continue;
            };
            if nn.contains('-') {
                continue;
            }
            if n.term(nn) != n.term(nb) {
                apart.push(format!("{nn} {:?} / {nb} {:?}", n.term(nn), n.term(nb)));
            }
            // No chains: a bokmål term is never itself a nynorsk key.
            let stem = fold(&n.stem(&fold_accents(nb)));
            assert!(
                !table.whole.contains_key(&stem) || stem == fold(&n.stem(&fold_accents(nn))),
                "{nb} is also a nynorsk word"
            );
        }
        assert!(apart.is_empty(), "{apart:#?}");
    }

    #[test]
    fn nynorsk_and_bokmaal_pairs_meet_inflected() {
        let n = Normaliser::new();
        for (nn, nb) in [
            ("uønskt", "uønsket"),
            ("uønskte", "uønskede"),
            ("tilsette", "ansatte"),
            ("verksemda", "virksomheten"),
            ("verksemder", "virksomheter"),
            ("kommuna", "kommunen"),
            ("sjukefråværet", "sykefraværet"),
            ("leiinga", "ledelsen"),
            ("opplevinga", "opplevelsen"),
            ("tryggleiken", "tryggheten"),
            ("omsorgsbustader", "omsorgsboliger"),
            ("heimetenesta", "hjemmetjenesten"),
            ("sjukeheimen", "sykehjem"),
            ("moglegheiter", "muligheter"),
        ] {
            assert_eq!(n.term(nn), n.term(nb), "{nn} / {nb}");
        }
        // End rules keep a word's first four letters.
        assert_eq!(n.term("ting").as_deref(), Some("ting"));
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn inflections_share_a_term() {
        let n = Normaliser::new();
        assert_eq!(n.term("sykefraværet"), n.term("sykefravær"));
        assert_eq!(n.term("kommunene"), n.term("kommune"));
        assert_eq!(n.term("tiltakene"), n.term("tiltak"));
    }

    #[test]
    fn nynorsk_meets_bokmaal() {
        let n = Normaliser::new();
        assert_eq!(n.term("sjukefråvær"), n.term("sykefravær"));
        assert_eq!(n.term("sjukefråværet"), n.term("sykefraværet"));
        assert_eq!(n.term("heiltid"), n.term("heltid"));
        assert_eq!(n.term("tenesta"), n.term("tjenesta"));
        assert_eq!(n.term("langtidssjukefråvær"), n.term("langtidssykefravær"));
    }

    #[test]
    fn diacritics_and_transliteration_are_forgiven() {
        let n = Normaliser::new();
        let baerum = n.term("bærum");
        assert_eq!(baerum.as_deref(), Some("barum"));
        assert_eq!(n.term("barum"), baerum);
        assert_eq!(n.term("baerum"), baerum);
        assert_eq!(n.term("ålesund"), n.term("aalesund"));
        assert_eq!(n.term("ørsta"), n.term("orsta"));
        assert_eq!(n.term("café"), n.term("cafe"));
    }

    #[test]
    fn compounds_keep_their_first_part_as_a_prefix() {
        let n = Normaliser::new();
        let heltid = n.term("heltid").expect("term");
        let compound = n.term("heltidskulturen").expect("term");
        assert!(compound.starts_with(&heltid), "{compound} / {heltid}");
    }

    #[test]
    fn stop_words_and_single_letters_are_not_terms() {
        let n = Normaliser::new();
        assert_eq!(n.term("og"), None);
        assert_eq!(n.term("ikkje"), None);
        assert_eq!(n.term("x"), None);
        assert_eq!(
            terms(&n, "Heltid og deltid i Bærum"),
            ["heltid", "deltid", "barum"]
        );
    }

    #[test]
    fn loose_titles_compare_without_punctuation_or_accents() {
        assert_eq!(
            loose("Ål: Heltid og deltid i legevakten"),
            "al heltid og deltid i legevakten"
        );
        assert_eq!(
            loose("  ål heltid OG deltid, i legevakten!"),
            loose("Ål: Heltid og deltid i legevakten")
        );
    }
}
