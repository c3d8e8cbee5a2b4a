//! How the index is cut into the files a search fetches: every kind of
//! lookup goes to a numbered shard chosen by a hash of its key, so the entry
//! file `search/index.json` only needs the number of shards of each kind,
//! not a table that grows with the catalogue.
//!
//! - `search/t/<n>.json`: terms and their postings, `[[term, [case, weight,
//!   Δcase, weight, …], …], …]`; a term is in shard `hash(term) % t`. A
//!   common term has only its best postings there and the rest in
//!   `search/f/<n>-<j>.json` ([`term_shards`]).
//! - `search/p/<n>.json`: which terms a query word may stand for,
//!   `{"key": [hits, [[term, cases], …]]}`, hits being those of a query
//!   word that is the key. The key of a word of three letters or
//!   more is its first three letters, and its list holds every term that
//!   starts with them; a key of one or two letters holds only the terms a
//!   one- or two-letter word expands to ([`expansion_order`]).
//! - `search/e/<n>.json`: the exact-title rule, `{"loose title": [case, …]}`.
//!
//! The hash is 32-bit FNV-1a over the key's UTF-8 bytes, a few lines in
//! `search.js` too.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::index::{Index, MAX_EXPANSIONS, expansion_order};

/// The first letters of a term that key its `p/` list.
pub const PREFIX_LEN: usize = 3;

/// Aim for term shards of about this many bytes of JSON: large enough that
/// the number of files stays well under the number of cases, small enough
/// that a rare word's shard costs a few kB compressed.
pub const TERM_SHARD_BYTES: usize = 24 * 1024;

/// Aim for `p/` and `e/` shards of about this many bytes.
pub const LOOKUP_SHARD_BYTES: usize = 12 * 1024;

/// 32-bit FNV-1a of `key`'s UTF-8 bytes.
pub fn hash(key: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in key.as_bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The shard of `key` among `shards`.
pub fn bucket(key: &str, shards: usize) -> usize {
    hash(key) as usize % shards.max(1)
}

/// The number of shards for about `total` bytes at `target` a shard.
pub fn shard_count(total: usize, target: usize) -> usize {
    total.div_ceil(target.max(1)).max(1)
}

/// One file to emit: path under the output folder and its bytes.
pub type File = (String, Vec<u8>);

/// A term in more cases than this has only its best postings (by weight)
/// in its term shard, and the whole list in a file of its own, fetched only
/// when a query needs it: a word in every case would otherwise cost its
/// whole list, 10 times more at 100 000 cases than at 10 000, where five
/// pages of hits need no more than these.
pub const TOP: usize = 128;

/// `[gap, weight, …]` of `(case, weight)` pairs in case order.
fn delta(pairs: impl Iterator<Item = (u32, u8)>) -> Vec<u32> {
    let mut last = 0;
    pairs
        .flat_map(|(doc, w)| {
            let gap = doc - last;
            last = doc;
            [gap, u32::from(w)]
        })
        .collect()
}

/// For each term, the number of cases a one-word query for it finds
/// ([`one_word_hits`]): the browser reads it where it ranks from best
/// postings and cannot add the hits up.
fn prefix_counts(index: &Index) -> Vec<usize> {
    (0..index.terms.len())
        .into_par_iter()
        .map(|t| one_word_count(index, &index.terms[t]))
        .collect()
}

/// The number of cases in [`one_word_hits`], without making the set when
/// the word's lists are short.
fn one_word_count(index: &Index, word: &str) -> usize {
    let expansions = index.expansions(word);
    let listed: usize = expansions.iter().map(|&t| index.postings[t].len()).sum();
    if listed <= TOP {
        return union_count(index, &expansions);
    }
    one_word_hits(index, word)
        .iter()
        .map(|w| w.count_ones() as usize)
        .sum()
}

/// The cases a one-word query for `word` (a term, or a prefix key of a
/// word being typed) finds, a bit each, as [`Index::query`] finds them:
/// those with any of the terms it stands for ([`Index::expansions`]) and,
/// when it splits into known parts, those with every part. The parts are
/// left out for a word in no more than [`TOP`] cases by its expansions:
/// the browser never ranks such a word from best postings, and counts its
/// hits itself.
pub fn one_word_hits(index: &Index, word: &str) -> Vec<u64> {
    let expansions = index.expansions(word);
    let mut found = union_set(index, &expansions);
    let count: usize = found.iter().map(|w| w.count_ones() as usize).sum();
    let Some(parts) = (count > TOP).then(|| index.query_parts(word)).flatten() else {
        return found;
    };
    let mut every: Option<Vec<u64>> = None;
    for part in parts {
        let cases = union_set(index, &index.expansions(part));
        every = Some(match every {
            None => cases,
            Some(mut acc) => {
                acc.iter_mut().zip(&cases).for_each(|(a, c)| *a &= c);
                acc
            }
        });
    }
    if let Some(every) = every {
        found.iter_mut().zip(&every).for_each(|(a, c)| *a |= c);
    }
    found
}

/// Every word a one-word query can be looked up by: each term, and each
/// prefix key (see the module's documentation) that is no term; those
/// whose lists hold more than [`TOP`] cases.
pub fn one_word_queries(index: &Index) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    for t in &index.terms {
        words.push(t);
        words.extend(prefix_keys(t));
    }
    words.sort_unstable();
    words.dedup();
    words.retain(|w| {
        let listed: usize = index
            .expansions(w)
            .iter()
            .map(|&t| index.postings[t].len())
            .sum();
        listed > TOP
    });
    words
}

/// The number of cases that have any of the terms at `terms`.
fn union_count(index: &Index, terms: &[usize]) -> usize {
    match terms {
        [] => 0,
        [t] => index.postings[*t].len(),
        _ => union_set(index, terms)
            .iter()
            .map(|w| w.count_ones() as usize)
            .sum(),
    }
}

/// The cases that have any of the terms at `terms`, a bit each.
fn union_set(index: &Index, terms: &[usize]) -> Vec<u64> {
    let mut seen = vec![0u64; index.len().div_ceil(64)];
    for &t in terms {
        for (doc, _) in index.postings[t].iter() {
            seen[doc as usize / 64] |= 1 << (doc % 64);
        }
    }
    seen
}

/// The term shards: each term hashed to one, as
/// `[term, postings, hits]` or, for a term in more than [`TOP`] cases,
/// `[term, best postings, hits, cases, j]` with the whole list in
/// `f/<shard>-<j>.json`; postings `[Δcase, weight, …]`, hits as
/// [`prefix_counts`].
pub fn term_shards(index: &Index, dir: &str) -> (usize, Vec<File>) {
    // JSON size of a term's entry, near enough: the digits of a posting
    // are about four characters with their commas.
    let total: usize = index
        .terms
        .iter()
        .zip(&index.postings)
        .map(|(t, p)| t.len() + 16 + p.len().min(TOP) * 7)
        .sum();
    let shards = shard_count(total, TERM_SHARD_BYTES);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); shards];
    for (i, t) in index.terms.iter().enumerate() {
        members[bucket(t, shards)].push(i);
    }
    let hits = prefix_counts(index);
    let files = members
        .into_par_iter()
        .enumerate()
        .flat_map_iter(|(n, terms)| {
            let mut files = Vec::new();
            let mut out = Vec::with_capacity(TERM_SHARD_BYTES + TERM_SHARD_BYTES / 2);
            out.push(b'[');
            for (k, &t) in terms.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                let list = &index.postings[t];
                let term = &index.terms[t];
                // Strings and numbers serialise without error.
                if list.len() <= TOP {
                    let _ = serde_json::to_writer(&mut out, &(term, delta(list.iter()), hits[t]));
                    continue;
                }
                let mut best: Vec<(u32, u8)> = list.iter().collect();
                best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                best.truncate(TOP);
                best.sort_unstable();
                let j = files.len();
                let entry = (term, delta(best.into_iter()), hits[t], list.len(), j);
                let _ = serde_json::to_writer(&mut out, &entry);
                let whole = serde_json::to_vec(&delta(list.iter())).unwrap_or_default();
                files.push((format!("{dir}/f/{n}-{j}.json"), whole));
            }
            out.push(b']');
            files.push((format!("{dir}/t/{n}.json"), out));
            files
        })
        .collect();
    (shards, files)
}

/// The keys a term is listed under in the prefix shards: its prefixes of
/// one to [`PREFIX_LEN`] letters.
fn prefix_keys(term: &str) -> impl Iterator<Item = &str> {
    (term.char_indices().take(PREFIX_LEN)).map(|(at, c)| &term[..at + c.len_utf8()])
}

/// The prefix shards (see the module's documentation).
pub fn prefix_shards(index: &Index, dir: &str) -> (usize, Vec<File>) {
    let mut keys: FxHashMap<&str, Vec<(&str, usize)>> = FxHashMap::default();
    for (t, p) in index.terms.iter().zip(&index.postings) {
        let entry = (t.as_str(), p.len());
        for key in prefix_keys(t) {
            keys.entry(key).or_default().push(entry);
        }
    }
    // With each key, the hits of a query word that is the key: a word
    // being typed is often no term, and its count would otherwise need the
    // whole postings of its commonest terms.
    type Keyed<'a> = (&'a str, (usize, Vec<(&'a str, usize)>));
    let mut keyed: Vec<Keyed<'_>> = keys
        .into_par_iter()
        .map(|(key, mut list)| {
            if key.chars().count() < PREFIX_LEN {
                list.sort_by(|&a, &b| expansion_order(key, a, b));
                list.truncate(MAX_EXPANSIONS);
            }
            list.sort_unstable();
            (key, (one_word_count(index, key), list))
        })
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let total: usize = keyed
        .iter()
        .map(|(k, (_, l))| k.len() + 16 + l.iter().map(|(t, _)| t.len() + 10).sum::<usize>())
        .sum();
    let shards = shard_count(total, LOOKUP_SHARD_BYTES);
    let files = json_buckets(shards, keyed, &format!("{dir}/p"));
    (shards, files)
}

/// The exact-title shards: each case's title reduced with `loose`.
pub fn title_shards(index: &Index, dir: &str) -> (usize, Vec<File>) {
    let mut titles: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (doc, t) in index.titles.iter().enumerate() {
        if !t.is_empty() {
            titles.entry(t.as_str()).or_default().push(doc);
        }
    }
    let mut keyed: Vec<(&str, Vec<usize>)> = titles.into_iter().collect();
    keyed.sort_unstable();
    let total: usize = keyed.iter().map(|(t, d)| t.len() + 6 + d.len() * 7).sum();
    let shards = shard_count(total, LOOKUP_SHARD_BYTES);
    let files = json_buckets(shards, keyed, &format!("{dir}/e"));
    (shards, files)
}

/// Serialises `(key, value)` pairs, sorted by key, into `shards` JSON
/// objects by the hash of the key: `<folder>/<n>.json`.
pub fn json_buckets<V: serde::Serialize + Sync>(
    shards: usize,
    keyed: Vec<(&str, V)>,
    folder: &str,
) -> Vec<File> {
    let mut members: Vec<Vec<&(&str, V)>> = (0..shards).map(|_| Vec::new()).collect();
    for entry in &keyed {
        members[bucket(entry.0, shards)].push(entry);
    }
    members
        .into_par_iter()
        .enumerate()
        .map(|(n, entries)| {
            let map: serde_json::Map<String, serde_json::Value> = entries
                .into_iter()
                .map(|(k, v)| {
                    (
                        (*k).to_owned(),
                        serde_json::to_value(v).unwrap_or(serde_json::Value::Null),
                    )
                })
                .collect();
            // A map of strings to values serialises without error.
            let bytes = serde_json::to_vec(&map).unwrap_or_default();
            (format!("{folder}/{n}.json"), bytes)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::search::index::{DocBuilder, Memo, weight};
    use crate::search::normalise::Normaliser;

    #[test]
    fn a_common_term_keeps_its_best_postings_and_the_whole_list_apart() {
        let normaliser = Normaliser::new();
        let mut memo = Memo::default();
        let n = 3 * TOP;
        for doc in 0..n {
            let mut b = DocBuilder::new(&normaliser, &mut memo);
            // Every third case has turnus in its title, the rest in the text.
            let w = if doc % 3 == 0 {
                weight::TITLE
            } else {
                weight::BODY
            };
            b.field("turnus", w);
            if doc == 7 {
                b.field("turnusordning sjelden", weight::BODY);
            }
            b.finish(doc as u32);
        }
        let index = Index::from_memos(vec![memo], vec![String::new(); n]);
        let (shards, files) = term_shards(&index, "search");
        let at = bucket("turnus", shards);
        let shard = files
            .iter()
            .find(|(p, _)| *p == format!("search/t/{at}.json"))
            .expect("its shard");
        let entries: Vec<serde_json::Value> = serde_json::from_slice(&shard.1).expect("JSON");
        let e = entries.iter().find(|e| e[0] == "turnus").expect("turnus");
        let undelta = |list: &serde_json::Value| -> Vec<(u64, u64)> {
            let mut doc = 0;
            list.as_array()
                .expect("list")
                .chunks(2)
                .map(|p| {
                    doc += p[0].as_u64().expect("gap");
                    (doc, p[1].as_u64().expect("weight"))
                })
                .collect()
        };
        let best = undelta(&e[1]);
        assert_eq!(best.len(), TOP);
        assert!(
            best.iter().all(|&(doc, w)| doc % 3 == 0 && w == 12),
            "{best:?}"
        );
        assert_eq!(e[2], n, "hits: turnus and turnusordning");
        assert_eq!(e[3], n, "cases with turnus");
        let j = e[4].as_u64().expect("file");
        let whole = files
            .iter()
            .find(|(p, _)| *p == format!("search/f/{at}-{j}.json"))
            .expect("the whole list");
        let whole: serde_json::Value = serde_json::from_slice(&whole.1).expect("JSON");
        assert_eq!(undelta(&whole).len(), n);
        let all: Vec<serde_json::Value> = files
            .iter()
            .filter(|(p, _)| p.contains("/t/"))
            .flat_map(|(_, b)| serde_json::from_slice::<Vec<serde_json::Value>>(b).expect("JSON"))
            .collect();
        let sjelden = all
            .iter()
            .find(|e| e[0].as_str().is_some_and(|t| t.starts_with("sjeld")))
            .map(|e| e.as_array().map(Vec::len));
        assert_eq!(
            sjelden,
            Some(Some(3)),
            "a rare term: its whole list, no file"
        );
    }

    #[test]
    fn fnv1a_matches_its_published_values() {
        assert_eq!(hash(""), 0x811c_9dc5);
        assert_eq!(hash("a"), 0xe40c_292c);
        assert_eq!(hash("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn prefix_keys_count_letters_not_bytes() {
        let longest = |w| prefix_keys(w).last();
        assert_eq!(
            prefix_keys("heltid").collect::<Vec<_>>(),
            ["h", "he", "hel"]
        );
        assert_eq!(longest("hé"), Some("hé"));
        assert_eq!(longest("øyå"), Some("øyå"));
        assert_eq!(longest("øyåx"), Some("øyå"));
    }
}
