//! Search, facets, related cases and theme comparisons, on the
//! fixture site `tests/fixtures/sites/search`. The rankings asserted here
//! are the ones `tests/browser/search.mjs` asserts in chromium, so the Rust
//! reference and `search.js` are held to the same results.

use std::path::Path;

use casebook::catalogue::Catalogue;
use casebook::search::normalise::Normaliser;
use casebook::search::{self, Built};
use serde_json::{Value, json};

use crate::support::{Site, repo, run};

fn built_index() -> (Built, Vec<String>) {
    let root = repo().join("tests/fixtures/sites/search");
    let config = casebook::config::load(&root).expect("fixture config");
    let sources = casebook::content::load(&root);
    let checked =
        casebook::schema::validate_site(&config, &sources, false, jiff::civil::date(2026, 11, 22));
    assert_eq!(checked.errors(), 0, "{:?}", checked.diagnostics);
    let catalogue = Catalogue::new(&config, &checked.cases);
    let titles = catalogue.cases.iter().map(|c| c.title.clone()).collect();
    (search::build(&catalogue, &config), titles)
}

fn ranked(built: &Built, titles: &[String], query: &str) -> Vec<String> {
    built
        .index
        .query(&Normaliser::new(), query)
        .into_iter()
        .map(|i| titles[i].clone())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn norwegian_forms_find_the_same_cases() {
    let (built, titles) = built_index();
    let sick_leave = sorted(vec![
        "Nærvær i hjemmetjenesten".into(),
        "Nærværsarbeid i barnehagene".into(),
        "Sjukefråvær i heimetenesta".into(),
    ]);
    assert_eq!(sorted(ranked(&built, &titles, "sykefravær")), sick_leave);
    assert_eq!(sorted(ranked(&built, &titles, "sjukefråvær")), sick_leave);
    assert_eq!(
        sorted(ranked(&built, &titles, "SYKEFRAVÆRET")),
        sick_leave,
        "inflected, upper case"
    );
    assert_eq!(
        ranked(&built, &titles, "heltidskul"),
        ["Hele stillinger i omsorgen"],
        "a prefix finds the compound heltidskultur"
    );
    assert!(
        ranked(&built, &titles, "heltid").contains(&"Hele stillinger i omsorgen".to_owned()),
        "heltid finds heltidskultur"
    );
    assert_eq!(
        ranked(&built, &titles, "barum")[0],
        "Nærvær i hjemmetjenesten",
        "barum finds Bærum"
    );
}

#[test]
fn an_exact_title_ranks_first_and_otherwise_weight_decides() {
    let (built, titles) = built_index();
    assert_eq!(
        ranked(&built, &titles, "Turnus og heltid")[..2],
        [
            "Turnus og heltid",
            "Ny turnus gir mer heltid: turnus, heltid og langvakter"
        ]
    );
    assert_eq!(
        ranked(&built, &titles, "turnus")[0],
        "Ny turnus gir mer heltid: turnus, heltid og langvakter"
    );
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read json")).expect("valid json")
}

#[test]
fn build_writes_the_entry_file_its_shards_and_snippet_texts() {
    let site = Site::fixture("search");
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let public = site.path("public");
    // The filters' summary holds names and counts, no case.
    let facets = json(&public.join("search/facets.json"));
    assert_eq!(facets["cases"], 8);
    assert_eq!(facets["blocks"], 1);
    assert!(facets.get("docs").is_none());
    let theme_ids: Vec<&str> = facets["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .map(|t| t[0].as_str().unwrap_or(""))
        .collect();
    let sick = theme_ids
        .iter()
        .position(|&t| t == "sykefravaer")
        .expect("the sykefravaer theme");
    let block = json(&public.join("search/k/0.json"));
    let themes = block["t"].as_array().expect("themes column");
    assert_eq!(themes.len(), 8, "one row per case");
    let with_sick = themes
        .iter()
        .filter(|t| t.as_array().is_some_and(|t| t.contains(&json!(sick))))
        .count();
    assert_eq!(
        facets["totals"][sick].as_u64(),
        Some(with_sick as u64),
        "the totals are the blocks' counts (themes first)"
    );
    assert_eq!(
        facets["given"][sick][sick].as_u64(),
        Some(with_sick as u64),
        "with the theme chosen, all its cases have it"
    );
    // Catalogue order: Bodø, Bærum, Gjøvik, Hamar, Lillehammer, Volda,
    // Ørsta, Ålesund: the municipality column counts up.
    let municipalities: Vec<&str> = block["m"]
        .as_array()
        .expect("municipality column")
        .iter()
        .map(|m| {
            facets["municipalities"][m.as_u64().expect("position") as usize][1]
                .as_str()
                .unwrap_or("")
        })
        .collect();
    assert_eq!(
        municipalities,
        [
            "Bodø",
            "Bærum",
            "Gjøvik",
            "Hamar",
            "Lillehammer",
            "Volda",
            "Ørsta",
            "Ålesund"
        ]
    );
    // Hamar runs from 2023 with no end: it counts up to the latest year
    // the catalogue mentions (2026, Bodø's end), so year filters find it.
    assert_eq!(
        (block["from"][3].as_i64(), block["to"][3].as_i64()),
        (Some(2023), Some(2026))
    );
    assert!(
        block["end"][3].is_null(),
        "the period as written stays open"
    );
    assert_eq!(facets["years"][1], 2026);
    // The cards' titles come from the hits' files, in the same order.
    let hits = json(&public.join("search/d/0.json"));
    let slugs: Vec<&str> = hits
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h[0].as_str().unwrap_or(""))
        .collect();
    assert_eq!(slugs[3], "hamar-heltid");

    // The entry file holds no case: only shard counts and the word rules.
    let entry = json(&public.join("search/index.json"));
    assert_eq!(entry["cases"], 8);
    assert!(entry.get("docs").is_none());
    let shards = |kind: &str| entry["shards"][kind].as_u64().expect("count") as usize;
    let shard = |kind: &str, key: &str| {
        let n = search::layout::bucket(key, shards(kind));
        json(&public.join(format!("search/{kind}/{n}.json")))
    };
    let entries = shard("t", "sykefravar");
    let sick_term = entries
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e[0] == "sykefravar")
        .expect("sykefravar is in its shard");
    let mut doc = 0;
    let mut found = Vec::new();
    for pair in sick_term[1].as_array().expect("postings").chunks(2) {
        doc += pair[0].as_u64().expect("delta");
        found.push(slugs[doc as usize]);
    }
    assert_eq!(
        found,
        ["baerum-naervaer", "volda-sjukefravaer", "alesund-barnehage"]
    );
    let prefixes = shard("p", "hel");
    let hel: Vec<&str> = prefixes["hel"][1]
        .as_array()
        .expect("hel")
        .iter()
        .filter_map(|e| e[0].as_str())
        .collect();
    assert!(
        hel.contains(&"heltid") && hel.contains(&"heltidskultur"),
        "{hel:?}"
    );
    let titles = shard("e", "turnus og heltid");
    assert_eq!(titles["turnus og heltid"].as_array().map(Vec::len), Some(1));
    // Hits: Volda is case 5, the first file's sixth.
    let hits = json(&public.join("search/d/0.json"));
    assert_eq!(hits[5][0], "volda-sjukefravaer");
    assert_eq!(hits[5][2], "Volda");
    // Volda's text: the second text file, second entry.
    let texts = json(&public.join("search/x/1.json"));
    let text = texts[1].as_str().expect("text").to_owned();
    assert!(text.contains("Sjukefråværet i heimetenesta"), "{text}");
    assert!(!text.contains("**") && !text.contains("]("), "{text}");
}

#[test]
fn catalogue_facets_are_links_without_javascript_and_scripts_are_external() {
    let site = Site::fixture("search");
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let home = site.read("public/index.html");
    for link in [
        "<ul class=\"term-list\" data-facet=\"theme\">",
        "<a href=\"/themes/sykefravaer/\">Sykefravær og nærvær</a>",
        "<ul class=\"term-list\" data-facet=\"county\">",
        "<a href=\"/counties/innlandet/\">Innlandet</a>",
        "<ul class=\"term-list\" data-facet=\"programme\">",
        "<a href=\"/programmes/rusta/\">Rusta for framtida</a>",
        "data-search-index=\"/search/index.json\"",
        "data-facets-data=\"/search/facets.json\"",
        "role=\"status\" aria-live=\"polite\"",
    ] {
        assert!(home.contains(link), "missing {link} in\n{home}");
    }
    let scripts: Vec<&str> = home
        .match_indices("<script")
        .map(|(i, _)| &home[i..])
        .collect();
    assert_eq!(scripts.len(), 2, "search.js and facets.js");
    for s in scripts {
        let tag = &s[..s.find('>').expect("tag end")];
        assert!(
            tag.contains(" src=\"/static/") && tag.contains(" defer"),
            "{tag}"
        );
    }
    let search = site.read("public/search/index.html");
    assert!(search.contains("data-search-page"), "{search}");
    assert!(
        search.contains("<input id=\"q\" name=\"q\" type=\"search\""),
        "{search}"
    );
}

#[test]
fn related_cases_share_themes_first_then_county_or_programme() {
    let site = Site::fixture("search");
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = site.read("public/cases/hamar-heltid/index.html");
    let related = &page[page.find("id=\"relaterte\"").expect("related section")..];
    let titles: Vec<&str> = related
        .match_indices("class=\"card-title\"")
        .map(|(i, _)| {
            let s = &related[i..];
            let a = s.find("\">").map_or(0, |p| p + 2);
            let a = a + s[a..].find('>').map_or(0, |p| p + 1);
            &s[a..a + s[a..].find('<').unwrap_or(0)]
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Ny turnus gir mer heltid: turnus, heltid og langvakter",
            "Turnus og heltid",
            "Velferdsteknologi i Bodø"
        ],
        "same theme, county and programme first; then the same programme"
    );
}

#[test]
fn theme_pages_compare_a_shared_indicator_by_municipality() {
    let site = Site::fixture("search");
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = site.read("public/themes/sykefravaer/index.html");
    assert!(
        page.contains("<h2 id=\"sammenlign\">Sammenlign kommunene</h2>"),
        "{page}"
    );
    assert!(
        page.contains(
            "role=\"img\" aria-labelledby=\"sammenligning-1-tittel sammenligning-1-beskrivelse\""
        ),
        "{page}"
    );
    let rows: Vec<&str> = page
        .match_indices("<tr><th scope=\"row\"><a href=\"/cases/")
        .map(|(i, _)| &page[i..i + page[i..].find("</tr>").unwrap_or(0)])
        .collect();
    assert_eq!(rows.len(), 3, "Bærum, Volda, Ålesund: {rows:?}");
    assert!(
        rows[0].contains(">Bærum<") && rows[0].contains("10,4\u{a0}% (2012)"),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains("−2,5\u{a0}prosentpoeng"), "{}", rows[0]);
    assert!(
        rows[2].contains(">Ålesund<") && rows[2].contains("4.\u{a0}kvartal 2015"),
        "{}",
        rows[2]
    );
    let other = site.read("public/themes/heltid-deltid/index.html");
    assert!(
        !other.contains("sammenlign"),
        "no shared indicator, no comparison"
    );
}
