//! From a word to an index term: lower case, Norwegian stemming (Snowball,
//! through rust-stemmers), diacritics folded (`bærum` and `barum` meet), and
//! nynorsk spellings mapped onto bokmål ones (`sjukefråvær` meets
//! `sykefravær`).
//!
//! The browser does the same to the query in `themes/default/static/search.js`,
//! so every rule here has a twin there. The stop words and the spelling table
//! travel to the browser inside `search/index.json`, so those two lists have one
//! source of truth; the stemmer is ported by hand (Snowball's Norwegian
//! algorithm is three short steps), and `tests/fixtures/search/stems.txt` pins
//! both ports to the same output.

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

/// Nynorsk spellings and their bokmål twins, on folded stems: `(from, to,
/// anywhere)`. With `anywhere` the part is replaced wherever it occurs (it
/// is a whole morpheme: `langtidssjukefråvær`); without, only at the start
/// of the term (`heil` would otherwise break words that merely contain it).
///
/// Kept short on purpose: each pair must be safe in every word that contains
/// it, and folding already joins most pairs (`fråvær`/`fravær`).
pub const VARIANTS: &[(&str, &str, bool)] = &[
    ("sjuk", "syk", true),
    ("heil", "hel", false),
    ("tenest", "tjenest", true),
    ("tilsett", "ansatt", false),
    ("verksemd", "virksom", true),
    ("mykj", "mye", false),
];

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
    let mut term = term;
    for &(from, to, anywhere) in VARIANTS {
        if anywhere {
            if term.contains(from) {
                term = term.replace(from, to);
            }
        } else if let Some(rest) = term.strip_prefix(from) {
            term = format!("{to}{rest}");
        }
    }
    term
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
