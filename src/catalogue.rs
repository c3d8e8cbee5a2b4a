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
/// The collator is slow, and most comparisons are between different municipalities, of which a
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
/// Comparing every pair would be quadratic (10¹⁰ pairs at 100 000 cases).
/// Instead, cases are listed in catalogue order under a group (a theme set,
/// a single theme, or all cases) together with a county, a programme, both
/// or neither, and only the first `RELATED + 1` of each list are kept (one
/// may be the case itself). For a case it is enough to look at these lists,
/// with its own county and programme:
///
/// - each theme set sharing two or more themes with it;
/// - each of its themes alone, for the cases sharing one theme;
/// - all cases, for those sharing no theme but its county or programme.
///
/// The result is exactly what scoring every pair gives: a case left out of
/// the list that fits it has `RELATED` others before it there, and every
/// one of them shares at least as many themes and places and comes earlier.
fn related_cases(cases: &[&Case]) -> Vec<Vec<usize>> {
    use rayon::prelude::*;

    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    enum Group {
        Set(usize),
        Theme(usize),
        All,
    }
    /// A list's key: group, county, programme; `ANY` leaves one open.
    type Key = (Group, usize, usize);
    const ANY: usize = usize::MAX;
    const KEEP: usize = RELATED + 1;

    fn id<'s>(ids: &mut HashMap<&'s str, usize>, s: &'s str) -> usize {
        let next = ids.len();
        *ids.entry(s).or_insert(next)
    }
    struct Facts {
        set: usize,
        county: Option<usize>,
        programme: usize,
    }
    let mut theme_ids = HashMap::new();
    let mut county_ids = HashMap::new();
    let mut programme_ids = HashMap::new();
    let mut set_ids: HashMap<Vec<usize>, usize> = HashMap::new();
    // Each theme set's themes, sorted.
    let mut sets: Vec<Vec<usize>> = Vec::new();
    let facts: Vec<Facts> = cases
        .iter()
        .map(|case| {
            let mut themes: Vec<usize> =
                case.themes.iter().map(|t| id(&mut theme_ids, t)).collect();
            themes.sort_unstable();
            themes.dedup();
            let set = *set_ids.entry(themes.clone()).or_insert_with(|| {
                sets.push(themes);
                sets.len() - 1
            });
            Facts {
                set,
                county: case.county.map(|c| id(&mut county_ids, c.number)),
                programme: id(&mut programme_ids, &case.programme),
            }
        })
        .collect();
    // The group with each place: county and programme, county, programme, neither.
    let places = |group: Group, county: usize, programme: usize| {
        [
            (group, county, programme),
            (group, county, ANY),
            (group, ANY, programme),
            (group, ANY, ANY),
        ]
    };
    // The first `KEEP` cases of every list, in catalogue order.
    let mut lists: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        let county = f.county.unwrap_or(ANY);
        let groups = std::iter::once(Group::Set(f.set))
            .chain(sets[f.set].iter().map(|&t| Group::Theme(t)))
            .chain(std::iter::once(Group::All));
        for group in groups {
            for key in places(group, county, f.programme) {
                let list = lists.entry(key).or_default();
                if list.len() < KEEP && list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    let shared = |a: &[usize], b: &[usize]| a.iter().filter(|t| b.contains(t)).count();
    // For each theme set, the sets sharing two or more themes with it, most
    // shared first.
    let mut sets_with_theme: Vec<Vec<usize>> = vec![Vec::new(); theme_ids.len()];
    for (set, themes) in sets.iter().enumerate() {
        for &t in themes {
            sets_with_theme[t].push(set);
        }
    }
    let near: Vec<Vec<(usize, usize)>> = sets
        .iter()
        .map(|mine| {
            let mut near: Vec<(usize, usize)> = mine
                .iter()
                .flat_map(|&t| sets_with_theme[t].iter().copied())
                .map(|set| (shared(mine, &sets[set]), set))
                .filter(|&(themes, _)| themes >= 2)
                .collect();
            near.sort_unstable_by(|a, b| b.cmp(a));
            near.dedup();
            near
        })
        .collect();
    (0..cases.len())
        .into_par_iter()
        .map(|i| {
            let me = &facts[i];
            let county = me.county.unwrap_or(ANY);
            let score = |j: usize| {
                let other = &facts[j];
                let themes = shared(&sets[me.set], &sets[other.set]);
                let places = usize::from(me.county.is_some() && other.county == me.county)
                    + usize::from(other.programme == me.programme);
                (themes, places)
            };
            // Best first: higher score, then earlier in the catalogue.
            let mut best: Vec<((usize, usize), usize)> = Vec::with_capacity(KEEP);
            // Whether `best` is full of cases that rank above any case
            // scoring at most `ceiling`.
            let full_above = |best: &[((usize, usize), usize)], ceiling: (usize, usize)| {
                best.len() == RELATED && best[RELATED - 1].0 > ceiling
            };
            let groups = near[me.set]
                .iter()
                .map(|&(themes, set)| (themes, Group::Set(set)))
                .chain(sets[me.set].iter().map(|&t| (1, Group::Theme(t))))
                .chain(std::iter::once((0, Group::All)));
            for (themes, group) in groups {
                if full_above(&best, (themes, 2)) {
                    break;
                }
                for key in places(group, county, me.programme) {
                    for &j in lists.get(&key).map_or(&[][..], Vec::as_slice) {
                        if j == i || best.iter().any(|&(_, b)| b == j) {
                            continue;
                        }
                        let s = score(j);
                        if s == (0, 0) {
                            continue;
                        }
                        let place = best.partition_point(|&(bs, b)| bs > s || (bs == s && b < j));
                        best.insert(place, (s, j));
                        best.truncate(RELATED);
                    }
                }
            }
            best.iter().map(|&(_, j)| j).collect()
        })
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

    /// What [`related_cases`] must equal: every pair scored, sorted, cut.
    fn related_by_brute_force(cases: &[&Case]) -> Vec<Vec<usize>> {
        (0..cases.len())
            .map(|i| {
                let me = cases[i];
                let mut scored: Vec<((usize, usize), usize)> = (0..cases.len())
                    .filter(|&j| j != i)
                    .map(|j| {
                        let other = cases[j];
                        let themes = me
                            .themes
                            .iter()
                            .filter(|t| other.themes.contains(t))
                            .count();
                        let county = me.county.is_some()
                            && me.county.map(|c| c.number) == other.county.map(|c| c.number);
                        let places =
                            usize::from(county) + usize::from(me.programme == other.programme);
                        ((themes, places), j)
                    })
                    .filter(|&(score, _)| score != (0, 0))
                    .collect();
                scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                scored.into_iter().take(RELATED).map(|(_, j)| j).collect()
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn related_cases_are_the_best_of_every_pair(
            drawn in proptest::collection::vec(
                (proptest::sample::subsequence(vec!["a", "b", "c", "d", "e"], 1..=3), 0usize..4, 0usize..2),
                0..60,
            )
        ) {
            let cases: Vec<Case> = drawn
                .iter()
                .enumerate()
                .map(|(i, (themes, county, programme))| {
                    let slug = format!("c{i:02}");
                    let county = ["Oslo", "Troms", "Agder", "ingen"][*county];
                    let mut c = case(&slug, &slug, "x", themes, county);
                    c.programme = ["saman", "rusta"][*programme].into();
                    c
                })
                .collect();
            let refs: Vec<&Case> = cases.iter().collect();
            proptest::prop_assert_eq!(related_cases(&refs), related_by_brute_force(&refs));
        }
    }
}
