//! The catalogue: the validated cases in Norwegian reading order (by
//! municipality, then title) and the indices readers browse by — theme,
//! county, programme, municipality and year — plus each case's related cases.
//!
//! Every index holds positions into [`Catalogue::cases`], so the cases are
//! never copied, and every list inherits the Norwegian order for free.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use crate::config::Config;
use crate::norwegian::{self, County};
use crate::schema::Case;

/// How many related cases a case page shows.
pub const RELATED: usize = 4;

/// Cases under one key (a county, a municipality), with the key's name.
#[derive(Clone, Debug)]
pub struct Group {
    /// URL slug of the group (`more-og-romsdal`, `baerum`).
    pub slug: String,
    /// Display name (`Møre og Romsdal`, `Bærum`).
    pub name: String,
    /// Positions in [`Catalogue::cases`], in catalogue order.
    pub cases: Vec<usize>,
}

/// The indexed catalogue.
#[derive(Debug)]
pub struct Catalogue<'a> {
    /// Every case, sorted by municipality (Norwegian order), then title, then slug.
    pub cases: Vec<&'a Case>,
    /// Theme id → cases, for every theme of the config (empty lists included).
    pub by_theme: BTreeMap<String, Vec<usize>>,
    /// Programme id → cases, for every programme of the config.
    pub by_programme: BTreeMap<String, Vec<usize>>,
    /// Counties that have cases, in Norwegian order.
    pub by_county: Vec<Group>,
    /// Municipalities that have cases, in Norwegian order.
    pub by_municipality: Vec<Group>,
    /// Year → cases whose period covers that year (or that were published
    /// that year when they have no period).
    pub by_year: BTreeMap<i32, Vec<usize>>,
    /// For each case (same position), its related cases, best first.
    pub related: Vec<Vec<usize>>,
    /// Case slug → position.
    pub position: HashMap<&'a str, usize>,
}

/// Compares two cases in catalogue order.
pub fn catalogue_order(a: &Case, b: &Case) -> Ordering {
    norwegian::compare(&a.municipality, &b.municipality)
        .then_with(|| norwegian::compare(&a.title, &b.title))
        .then_with(|| a.slug.cmp(&b.slug))
}

/// `cases` in catalogue order ([`catalogue_order`]).
///
/// The collator is slow (it was most of this stage: 0.4 s for 10 000 cases)
/// and most comparisons are between different municipalities, of which a
/// site has a few hundred. So the distinct names are ranked once, with
/// names the collator finds equal sharing a rank, and the collator then
/// only compares titles within one municipality.
fn sort_cases(cases: &[Case]) -> Vec<&Case> {
    let mut names: Vec<&str> = cases.iter().map(|c| c.municipality.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names.sort_by(|a, b| norwegian::compare(a, b));
    let mut rank: HashMap<&str, usize> = HashMap::with_capacity(names.len());
    let mut current = 0;
    for (i, name) in names.iter().enumerate() {
        if i > 0 && norwegian::compare(names[i - 1], name) != Ordering::Equal {
            current += 1;
        }
        rank.insert(name, current);
    }
    let mut ranked: Vec<(usize, &Case)> = cases
        .iter()
        .map(|c| (rank.get(c.municipality.as_str()).copied().unwrap_or(0), c))
        .collect();
    ranked.sort_by(|(ra, a), (rb, b)| {
        ra.cmp(rb)
            .then_with(|| norwegian::compare(&a.title, &b.title))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    ranked.into_iter().map(|(_, c)| c).collect()
}

/// The years a case belongs to in the year index.
pub fn case_years(case: &Case) -> Vec<i32> {
    match (case.period, case.published) {
        (Some(p), _) => {
            let end = p.end.unwrap_or(p.start).max(p.start);
            // A malformed span is refused by `check`; the cap keeps a
            // hand-built Case from making this loop long.
            (p.start..=end.min(p.start + 200)).collect()
        }
        (None, Some(d)) => vec![i32::from(d.year())],
        (None, None) => Vec::new(),
    }
}

/// Whether two versions of a case sit in the same place in every index —
/// same order keys, themes, programme, county and years — so a catalogue
/// built with one holds the other at the same positions with the same
/// related cases. `serve` re-indexes only when this is false; keep it in
/// step with what [`Catalogue::new`] and [`related_cases`] read.
pub fn same_place(a: &Case, b: &Case) -> bool {
    a.slug == b.slug
        && a.municipality == b.municipality
        && a.title == b.title
        && a.themes == b.themes
        && a.programme == b.programme
        && a.county.map(|c| c.number) == b.county.map(|c| c.number)
        && case_years(a) == case_years(b)
}

impl<'a> Catalogue<'a> {
    /// Indexes `cases` for the site described by `config`.
    pub fn new(config: &Config, cases: &'a [Case]) -> Catalogue<'a> {
        let sorted = sort_cases(cases);
        // The related cases take longest; the indices are made meanwhile.
        let (related, indices) =
            rayon::join(|| related_cases(&sorted), || Indices::new(config, &sorted));
        Catalogue {
            cases: sorted,
            by_theme: indices.by_theme,
            by_programme: indices.by_programme,
            by_county: indices.by_county,
            by_municipality: indices.by_municipality,
            by_year: indices.by_year,
            related,
            position: indices.position,
        }
    }

    /// The county group with this slug.
    pub fn county(&self, slug: &str) -> Option<&Group> {
        self.by_county.iter().find(|g| g.slug == slug)
    }
}

/// The indices of a catalogue, made from its sorted cases.
struct Indices<'a> {
    by_theme: BTreeMap<String, Vec<usize>>,
    by_programme: BTreeMap<String, Vec<usize>>,
    by_county: Vec<Group>,
    by_municipality: Vec<Group>,
    by_year: BTreeMap<i32, Vec<usize>>,
    position: HashMap<&'a str, usize>,
}

impl<'a> Indices<'a> {
    fn new(config: &Config, sorted: &[&'a Case]) -> Indices<'a> {
        let mut by_theme: BTreeMap<String, Vec<usize>> = config
            .themes
            .iter()
            .map(|t| (t.id.clone(), Vec::new()))
            .collect();
        let mut by_programme: BTreeMap<String, Vec<usize>> = config
            .programmes
            .iter()
            .map(|p| (p.id.clone(), Vec::new()))
            .collect();
        let mut counties: HashMap<&'static str, (County, Vec<usize>)> = HashMap::new();
        let mut municipalities: HashMap<String, Group> = HashMap::new();
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        let mut position = HashMap::with_capacity(sorted.len());
        let mut slugs: HashMap<&str, String> = HashMap::new();
        for (i, case) in sorted.iter().enumerate() {
            position.insert(case.slug.as_str(), i);
            for theme in &case.themes {
                push_at(&mut by_theme, theme, i);
            }
            push_at(&mut by_programme, &case.programme, i);
            if let Some(county) = case.county {
                counties
                    .entry(county.number)
                    .or_insert_with(|| (county, Vec::new()))
                    .1
                    .push(i);
            }
            // A site has a few hundred municipalities: each name is made a
            // slug once, not once per case.
            let slug = slugs
                .entry(case.municipality.as_str())
                .or_insert_with(|| case.municipality_slug());
            if let Some(group) = municipalities.get_mut(slug.as_str()) {
                group.cases.push(i);
            } else {
                let group = Group {
                    slug: slug.clone(),
                    name: case.municipality.clone(),
                    cases: vec![i],
                };
                municipalities.insert(slug.clone(), group);
            }
            for year in case_years(case) {
                by_year.entry(year).or_default().push(i);
            }
        }
        let mut by_county: Vec<Group> = counties
            .into_values()
            .map(|(county, cases)| Group {
                slug: county.slug(),
                name: county.name.to_owned(),
                cases,
            })
            .collect();
        by_county
            .sort_by(|a, b| norwegian::compare(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
        let mut by_municipality: Vec<Group> = municipalities.into_values().collect();
        by_municipality
            .sort_by(|a, b| norwegian::compare(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
        Indices {
            by_theme,
            by_programme,
            by_county,
            by_municipality,
            by_year,
            position,
        }
    }
}

/// Appends `i` to the list under `key`, making the list (and a `String`
/// key) only when there is none yet.
fn push_at(map: &mut BTreeMap<String, Vec<usize>>, key: &str, i: usize) {
    match map.get_mut(key) {
        Some(list) => list.push(i),
        None => {
            map.insert(key.to_owned(), vec![i]);
        }
    }
}

/// Related cases: most shared themes first; among equals, those sharing
/// both county and programme, then either; then catalogue order. When fewer
/// than [`RELATED`] cases share a theme, cases from the same county or
/// programme fill the list, so a case with a rare theme still points on.
///
/// Comparing every pair would be quadratic (10¹⁰ pairs at 100 000 cases), so
/// candidates come from windows around the case in a few group lists (its
/// exact theme set, alone and with its county and with its programme; each
/// theme with its county, with its programme, and alone; its county; its
/// programme): the best-scoring neighbours are always in one of them, and
/// the work stays linear in the number of cases.
fn related_cases(cases: &[&Case]) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    use rustc_hash::FxHashMap;

    const WINDOW: usize = 6;
    // Themes, counties, programmes and theme sets as small numbers, so
    // that keys are tuples and shared themes a bit count.
    fn intern<'s>(ids: &mut FxHashMap<&'s str, u32>, s: &'s str) -> u32 {
        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        *ids.entry(s).or_insert(next)
    }
    let (mut themes, mut counties, mut programmes) = (
        FxHashMap::default(),
        FxHashMap::default(),
        FxHashMap::default(),
    );
    let mut sets: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
    struct Facts {
        themes: Vec<u32>,
        set: u32,
        county: u32,
        programme: u32,
    }
    let facts: Vec<Facts> = cases
        .iter()
        .map(|case| {
            let ids: Vec<u32> = case.themes.iter().map(|t| intern(&mut themes, t)).collect();
            let mut sorted: Vec<&str> = case.themes.iter().map(String::as_str).collect();
            sorted.sort_unstable();
            let key: Vec<u32> = sorted.iter().map(|t| intern(&mut themes, t)).collect();
            let next = u32::try_from(sets.len()).unwrap_or(u32::MAX);
            Facts {
                themes: ids,
                set: *sets.entry(key).or_insert(next),
                county: intern(&mut counties, case.county.map_or("", |c| c.number)),
                programme: intern(&mut programmes, &case.programme),
            }
        })
        .collect();
    // Theme bit sets, `words` u64s per case.
    let words = themes.len().div_ceil(64).max(1);
    let mut masks = vec![0u64; words * cases.len()];
    for (i, f) in facts.iter().enumerate() {
        for &t in &f.themes {
            masks[i * words + t as usize / 64] |= 1 << (t % 64);
        }
    }
    let shared = |a: usize, b: usize| -> usize {
        (0..words)
            .map(|w| (masks[a * words + w] & masks[b * words + w]).count_ones() as usize)
            .sum()
    };
    // The group lists: (kind, a, b) → cases, in catalogue order.
    let keys = |f: &Facts| -> Vec<(u8, u32, u32)> {
        let mut keys = vec![
            (0, f.set, 0),
            (1, f.set, f.county),
            (2, f.set, f.programme),
            (3, f.county, 0),
            (4, f.programme, 0),
        ];
        for &t in &f.themes {
            keys.extend([(5, t, f.county), (6, t, f.programme), (7, t, 0)]);
        }
        keys
    };
    let case_keys: Vec<Vec<(u8, u32, u32)>> = facts.iter().map(keys).collect();
    let mut groups: FxHashMap<(u8, u32, u32), Vec<usize>> = FxHashMap::default();
    for (i, ks) in case_keys.iter().enumerate() {
        for k in ks {
            groups.entry(*k).or_default().push(i);
        }
    }
    // Each thread keeps, per case, the last case it was a candidate for,
    // so a candidate found under several keys is scored once; and only the
    // best few are kept as they come, not every candidate sorted.
    case_keys
        .par_iter()
        .enumerate()
        .map_init(
            || vec![usize::MAX; cases.len()],
            |seen, (i, ks)| {
                let me = &facts[i];
                let has_county = cases[i].county.is_some();
                let score = |j: usize| {
                    let other = &facts[j];
                    let county = usize::from(has_county && other.county == me.county);
                    let programme = usize::from(other.programme == me.programme);
                    (shared(i, j), county + programme)
                };
                // Best first: higher score, then earlier in the catalogue.
                let mut best: Vec<((usize, usize), usize)> = Vec::with_capacity(RELATED + 1);
                for k in ks {
                    let Some(list) = groups.get(k) else { continue };
                    let at = list.binary_search(&i).unwrap_or_else(|x| x);
                    let lo = at.saturating_sub(WINDOW);
                    let hi = (at + WINDOW + 1).min(list.len());
                    for &j in &list[lo..hi] {
                        if j == i || seen[j] == i {
                            continue;
                        }
                        seen[j] = i;
                        let s = score(j);
                        if s.0 == 0 && s.1 == 0 {
                            continue;
                        }
                        let place = best.partition_point(|&(bs, bj)| bs > s || (bs == s && bj < j));
                        if place < RELATED {
                            best.insert(place, (s, j));
                            best.truncate(RELATED);
                        }
                    }
                }
                best.iter().map(|&(_, j)| j).collect()
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Programme;
    use crate::schema::Status;

    fn case(slug: &str, municipality: &str, title: &str, themes: &[&str], county: &str) -> Case {
        Case {
            slug: slug.into(),
            file: format!("content/cases/{slug}.md"),
            title: title.into(),
            municipality: municipality.into(),
            municipality_number: None,
            county: norwegian::county_by_name(county).copied(),
            programme: "saman".into(),
            themes: themes.iter().map(|s| (*s).to_owned()).collect(),
            status: Status::Ongoing,
            period: Some(crate::schema::Period {
                start: 2012,
                end: Some(2014),
            }),
            ..Case::default()
        }
    }

    fn config() -> Config {
        Config::for_tests(&["a", "b", "c"])
    }

    #[test]
    fn cases_sort_by_municipality_the_norwegian_way_then_title() {
        let cases = vec![
            case("alesund", "Ålesund", "A", &["a"], "Møre og Romsdal"),
            case("orsta", "Ørsta", "A", &["a"], "Møre og Romsdal"),
            case("zeta", "Zeta", "A", &["a"], "Oslo"),
            case("baerum-2", "Bærum", "B", &["b"], "Akershus"),
            case("baerum-1", "Bærum", "A", &["b"], "Akershus"),
        ];
        let config = config();
        let cat = Catalogue::new(&config, &cases);
        let order: Vec<&str> = cat.cases.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(order, ["baerum-1", "baerum-2", "zeta", "orsta", "alesund"]);
        let counties: Vec<&str> = cat.by_county.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(counties, ["Akershus", "Møre og Romsdal", "Oslo"]);
        assert_eq!(cat.by_theme["a"], vec![2, 3, 4]);
        assert_eq!(cat.by_theme["c"], Vec::<usize>::new());
        assert_eq!(cat.by_year[&2013].len(), 5);
        assert_eq!(cat.by_municipality[0].slug, "baerum");
    }

    #[test]
    fn ranked_sort_is_catalogue_order() {
        let names = [
            "Ålesund", "Aal", "Ål", "Bærum", "baerum", "Zeta", "Ørsta", "Aa", "Å", "Øya",
        ];
        let mut cases = Vec::new();
        for (i, name) in names.iter().enumerate() {
            for title in ["B", "a", "Æ", "A"] {
                cases.push(case(&format!("c{i}-{title}"), name, title, &["a"], "Oslo"));
            }
        }
        let mut expected: Vec<&Case> = cases.iter().collect();
        expected.sort_by(|a, b| catalogue_order(a, b));
        let expected: Vec<&str> = expected.iter().map(|c| c.slug.as_str()).collect();
        let got: Vec<&str> = sort_cases(&cases).iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn related_prefers_shared_themes_then_county() {
        let cases = vec![
            case("one", "A", "x", &["a", "b"], "Oslo"),
            case("two", "B", "x", &["a"], "Oslo"),
            case("three", "C", "x", &["a", "b"], "Troms"),
            case("four", "D", "x", &["c"], "Oslo"),
            case("five", "E", "x", &["a"], "Troms"),
        ];
        let config = config();
        let cat = Catalogue::new(&config, &cases);
        let slugs = |i: usize| {
            cat.related[i]
                .iter()
                .map(|&j| cat.cases[j].slug.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(slugs(0), ["three", "two", "five", "four"]);
        assert_eq!(
            slugs(3),
            ["one", "two", "three", "five"],
            "no shared theme: same county and programme first, then programme"
        );
    }

    #[test]
    fn related_ranks_county_and_programme_alike_after_themes() {
        let mut cases = vec![
            case("me", "A", "x", &["a"], "Oslo"),
            case("county", "B", "x", &["a"], "Oslo"),
            case("programme", "C", "x", &["a"], "Troms"),
            case("both", "D", "x", &["a"], "Oslo"),
            case("none", "E", "x", &["b"], "Agder"),
        ];
        cases[1].programme = "rusta".into();
        cases[4].programme = "rusta".into();
        let mut config = config();
        config.programmes.push(Programme {
            id: "rusta".into(),
            name: "R".into(),
            owner: None,
            period: None,
            description: None,
        });
        let cat = Catalogue::new(&config, &cases);
        let me = cat.position["me"];
        let slugs: Vec<&str> = cat.related[me]
            .iter()
            .map(|&j| cat.cases[j].slug.as_str())
            .collect();
        assert_eq!(slugs, ["both", "county", "programme"]);
    }

    #[test]
    fn related_lists_keep_no_room_for_the_candidates() {
        let themes: [&[&str]; 3] = [&["a"], &["a", "b"], &["b"]];
        let cases: Vec<Case> = (0..60)
            .map(|i| {
                let slug = format!("c{i:02}");
                case(&slug, &slug, "x", themes[i % 3], ["Oslo", "Troms"][i % 2])
            })
            .collect();
        let config = config();
        let cat = Catalogue::new(&config, &cases);
        for list in &cat.related {
            assert_eq!(list.len(), RELATED);
            assert!(list.capacity() <= RELATED, "capacity {}", list.capacity());
        }
    }
}
