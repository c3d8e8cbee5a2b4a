//! `casebook build`: every page kind with the content that must be
//! on it, Norwegian order and numbers, `lang`, charts with their tables,
//! escaped hostile input, atomic and deterministic output, and the refusal
//! to replace a folder casebook did not write.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::support::{Run, Site, run};

const NBSP: char = '\u{a0}';

/// Builds `site` into `<site>/public` and asserts success.
fn build(site: &Site) -> Run {
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 0, "build failed:\n{}", out.stderr);
    out
}

/// Every file under `dir`, path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("read dir") {
            let entry = entry.expect("entry");
            let path = entry.path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .expect("under base")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&path).expect("read file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Byte offset of `needle` in `haystack`, with a readable failure.
fn pos(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is missing from:\n{haystack}"))
}

fn assert_in_order(haystack: &str, needles: &[&str]) {
    let positions: Vec<usize> = needles.iter().map(|n| pos(haystack, n)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "expected in this order: {needles:?}, found at {positions:?}"
    );
}

#[test]
fn catalogue_lists_every_case_in_norwegian_order_and_links_every_term() {
    let site = Site::fixture("norsk");
    let out = build(&site);
    assert!(
        out.stderr.contains("built 4 cases, 3 themes,") && out.stderr.contains(" s → "),
        "summary line:\n{}",
        out.stderr
    );
    let home = site.read("public/index.html");
    assert!(
        home.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"),
        "{home}"
    );
    assert_in_order(
        &home,
        &[
            "href=\"/cases/baerum/\"",
            "href=\"/cases/zeta/\"",
            "href=\"/cases/orsta/\"",
            "href=\"/cases/alesund/\"",
        ],
    );
    for link in [
        "/themes/sykefravaer/",
        "/themes/heltid/",
        "/themes/tomt/",
        "/programmes/saman/",
        "/counties/akershus/",
        "/counties/more-og-romsdal/",
        "/counties/oslo/",
        "/municipalities/baerum/",
        "/search/",
    ] {
        assert!(
            home.contains(&format!("href=\"{link}\"")),
            "front page lacks a link to {link}"
        );
    }
    // A card: municipality, county, programme, period, status, themes, summary.
    let card_start = pos(&home, "href=\"/cases/baerum/\"");
    let card = &home[card_start
        ..card_start
            + home[card_start..]
                .find("<li class=\"card\">")
                .expect("next card")];
    for part in [
        "Sykefravær i Bærum",
        ">Bærum</a>",
        ">Akershus</a>",
        ">Saman om ein betre kommune</a>",
        "2012–2015",
        "Avsluttet",
        ">Sykefravær og nærvær</a>",
        "Bærum fikk ned sykefraværet til 8,5 prosent.",
    ] {
        assert!(card.contains(part), "card lacks `{part}`:\n{card}");
    }
    // The nynorsk card's title is marked as nynorsk.
    assert!(home.contains("<h3 class=\"card-title\" lang=\"nn\"><a href=\"/cases/orsta/\">Heiltid i Ørsta</a></h3>"), "{home}");
    // Skip link first, main landmark with its id, one h1.
    let body = &home[pos(&home, "<body>")..];
    assert!(
        body.starts_with("<body>\n<a class=\"skip-link\" href=\"#main\">Hopp til hovedinnhold</a>"),
        "{body}"
    );
    assert!(home.contains("<main id=\"main\""), "{home}");
    assert_eq!(home.matches("<h1").count(), 1, "{home}");
    assert!(
        !home.contains("style=\""),
        "inline style attribute in {home}"
    );
    assert_eq!(
        without_skin_scripts(&home).matches("<script").count(),
        0,
        "only the skin's own external scripts may load: {home}"
    );
    assert!(home.contains("Content-Security-Policy"), "{home}");
}

#[test]
fn case_page_has_sections_in_order_chart_table_and_norwegian_numbers() {
    let site = Site::fixture("norsk");
    build(&site);
    let page = site.read("public/cases/baerum/index.html");
    assert_in_order(
        &page,
        &[
            "<h1>Sykefravær i Bærum</h1>",
            "<h2>Behov</h2>",
            "<h2>Mål</h2>",
            "<h2>Tiltak</h2>",
            "<h2>Resultat</h2>",
            "<h2>Forankring</h2>",
            "<h2>Tall</h2>",
            "<h2>Finansiering</h2>",
            "<h2>Lenker</h2>",
            "<h2>Reportasje</h2>",
            "<h2>Relaterte eksempler</h2>",
        ],
    );
    // Measures as a list.
    assert!(
        page.contains("<ul class=\"measures prose\">\n<li>Nærværssamtaler.</li>\n<li>Ny turnus med <strong>langvakter</strong>.</li>"),
        "{page}"
    );
    // Funding and dates the Norwegian way.
    assert!(
        page.contains(&format!("300{NBSP}000{NBSP}kr per år")),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "<time datetime=\"2013-05-02\">2.{NBSP}mai 2013</time>"
        )),
        "{page}"
    );
    // The chart: an accessible SVG, then a table of the same figures.
    let chart = &page[pos(&page, "<figure class=\"indicator\" id=\"indikator-1\">")..];
    assert!(
        chart.contains(
            "role=\"img\" aria-labelledby=\"indikator-1-tittel indikator-1-beskrivelse\""
        ),
        "{chart}"
    );
    assert!(
        chart.contains("<title id=\"indikator-1-tittel\">Sykefravær</title>"),
        "{chart}"
    );
    assert!(chart.contains(&format!("lavest 8,5{NBSP}%")), "{chart}");
    assert!(
        chart.contains("stroke-dasharray"),
        "targets are dashed: {chart}"
    );
    assert!(
        chart.contains(&format!(">10{NBSP}%</text>")),
        "axis in Norwegian format: {chart}"
    );
    assert_in_order(chart, &["</svg>", "<table class=\"figures\">"]);
    assert!(
        chart.contains(
            "<th scope=\"col\">Periode</th><th scope=\"col\">Målt</th><th scope=\"col\">Mål</th>"
        ),
        "{chart}"
    );
    assert!(
        chart.contains(&format!(
            "<tr><th scope=\"row\">1.{NBSP}kvartal 2014</th><td>8,5{NBSP}%</td><td>–</td></tr>"
        )),
        "{chart}"
    );
    assert!(
        chart.contains(&format!(
            "<tr><th scope=\"row\">2015</th><td>–</td><td>8,0{NBSP}%</td></tr>"
        )),
        "{chart}"
    );
    // Markdown: tables with scoped headers, unique heading ids, prefixed footnotes.
    assert!(page.contains("<th scope=\"col\">År</th>"), "{page}");
    assert!(
        page.contains("<h3 id=\"mal-for-fravaeret\">")
            && page.contains("<h3 id=\"mal-for-fravaeret-2\">"),
        "{page}"
    );
    assert!(
        page.contains("href=\"#behov-fn-1\"") && page.contains("id=\"behov-fn-1\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"#reportasje-fn-1\"") && page.contains("id=\"reportasje-fn-1\""),
        "{page}"
    );
    // Links keep their query, escaped in the attribute.
    assert!(
        page.contains("href=\"https://example.com/baerum?a=1&amp;b=2\""),
        "{page}"
    );
    // Related: Ørsta shares both themes, so it comes first.
    let related = &page[pos(&page, "<h2>Relaterte eksempler</h2>")..];
    assert_in_order(related, &["/cases/orsta/", "/cases/alesund/"]);
    assert!(
        page.contains("<link rel=\"canonical\" href=\"https://byggetest.example/cases/baerum/\">"),
        "{page}"
    );
}

#[test]
fn nynorsk_case_is_marked_nn_with_nynorsk_words() {
    let site = Site::fixture("norsk");
    build(&site);
    let page = site.read("public/cases/orsta/index.html");
    assert!(
        page.contains("<html lang=\"nb\">"),
        "the site is bokmål: {page}"
    );
    assert!(
        page.contains("<main id=\"main\" tabindex=\"-1\" lang=\"nn\">"),
        "{page}"
    );
    assert_in_order(
        &page,
        &[
            "<h2>Behov</h2>",
            "<h2>Mål</h2>",
            "<h2>Tiltak</h2>",
            "<h2>Resultat</h2>",
            "<h2>Forankring</h2>",
        ],
    );
    assert!(page.contains("<h2>Lenkjer</h2>"), "nynorsk UI word: {page}");
    assert!(page.contains("<h2>Relaterte døme</h2>"), "{page}");
    assert!(page.contains("Avslutta"), "nynorsk status: {page}");
    assert!(
        page.contains(">Sjukefråvær og nærvær</a>"),
        "nynorsk theme name: {page}"
    );
    // The site chrome stays bokmål.
    assert!(page.contains("Hopp til hovedinnhold"), "{page}");
}

#[test]
fn hostile_input_is_escaped_or_removed_everywhere() {
    let site = Site::fixture("norsk");
    build(&site);
    let page = site.read("public/cases/zeta/index.html");
    assert!(
        page.contains(
            "<h1>&lt;script&gt;alert(&quot;tittel&quot;)&lt;&#x2F;script&gt; Zeta &amp; co</h1>"
        ) || page.contains(
            "<h1>&lt;script&gt;alert(&quot;tittel&quot;)&lt;/script&gt; Zeta &amp; co</h1>"
        ),
        "title escaped: {page}"
    );
    assert!(
        page.contains("<title>&lt;script&gt;"),
        "escaped in <title>: {page}"
    );
    assert!(
        page.contains("Stjeler id"),
        "text of sanitised HTML survives: {page}"
    );
    assert!(
        page.contains("href=\"mailto:post@zeta.example\""),
        "mailto survives: {page}"
    );
    assert_eq!(
        page.matches("id=\"main\"").count(),
        1,
        "content must not take id=main: {page}"
    );
    assert!(
        !page.contains("<form") && !page.contains("name=\"x\""),
        "a form from content: {page}"
    );
    for (file, bytes) in tree(&site.path("public")) {
        if !(file.ends_with(".html") || file.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8(bytes).expect("utf-8");
        let lower = without_skin_scripts(&text).to_lowercase();
        for bad in [
            "<script",
            "javascript:",
            "onerror=\"",
            "onclick=\"",
            "onload=\"",
            "<iframe",
            "<style",
            "<object",
            "<math",
            "data:text",
            "evil.example",
        ] {
            assert!(!lower.contains(bad), "`{bad}` in {file}:\n{text}");
        }
        assert!(!text.contains("<svg onload"), "{file}");
    }
}

#[test]
fn theme_programme_county_municipality_and_free_pages_have_their_content() {
    let site = Site::fixture("norsk");
    build(&site);
    let themes = site.read("public/themes/index.html");
    assert_in_order(
        &themes,
        &[
            "Sykefravær og nærvær",
            "Heltid og deltid",
            "Tema uten eksempler",
        ],
    );
    assert!(
        themes.contains("<p class=\"count\">3 eksempler</p>"),
        "{themes}"
    );
    assert!(
        themes.contains("<p class=\"count\">0 eksempler</p>"),
        "{themes}"
    );

    let theme = site.read("public/themes/sykefravaer/index.html");
    assert!(theme.contains("<h1>Sykefravær og nærvær</h1>"), "{theme}");
    assert!(
        theme.contains("Tiltak mot <strong>sykefravær</strong> og for nærvær."),
        "description: {theme}"
    );
    assert_in_order(
        &theme,
        &["/cases/baerum/", "/cases/orsta/", "/cases/alesund/"],
    );
    assert!(!theme.contains("/cases/zeta/\""), "{theme}");

    let empty = site.read("public/themes/tomt/index.html");
    assert!(empty.contains("Ingen eksempler ennå."), "{empty}");

    let programme = site.read("public/programmes/saman/index.html");
    assert!(
        programme.contains("<dt>Ansvarlig</dt><dd>KS</dd>") && programme.contains("2012–2015"),
        "{programme}"
    );
    assert!(programme.contains("4 eksempler"), "{programme}");

    let county = site.read("public/counties/more-og-romsdal/index.html");
    assert!(county.contains("<h1>Møre og Romsdal</h1>"), "{county}");
    assert_in_order(&county, &["/cases/orsta/", "/cases/alesund/"]);

    let municipality = site.read("public/municipalities/alesund/index.html");
    assert!(
        municipality.contains("<h1>Ålesund</h1>") && municipality.contains("<dd>1508</dd>"),
        "{municipality}"
    );
    assert!(
        municipality
            .contains("<dd><a href=\"/counties/more-og-romsdal/\">Møre og Romsdal</a></dd>"),
        "a municipality links its county: {municipality}"
    );

    let page = site.read("public/pages/tilgjengelighet/index.html");
    assert!(
        page.contains("<h1>Tilgjengelighetserklæring</h1>")
            && page.contains("Vi følger WCAG 2.1 AA."),
        "{page}"
    );
    // The footer lists the accessibility statement once: the site's own
    // statement, not also the free page of the same name.
    let home = site.read("public/index.html");
    let footer = &home[home.find("<footer").expect("a footer")..];
    assert!(
        footer.contains("href=\"https://uustatus.no/nb/erklaringer/publisert/byggetest\""),
        "{footer}"
    );
    assert_eq!(
        footer.matches("Tilgjengelighetserklæring").count(),
        1,
        "{footer}"
    );
    assert!(
        !footer.contains("href=\"/pages/tilgjengelighet/\""),
        "{footer}"
    );

    let search = site.read("public/search/index.html");
    assert!(
        search.contains("<form class=\"search-form\" action=\"/search/\" method=\"get\""),
        "{search}"
    );
    assert!(search.contains("<label for=\"q\">"), "{search}");

    let not_found = site.read("public/404.html");
    assert!(
        not_found.contains("<h1>Fant ikke siden</h1>") && not_found.contains("href=\"/\""),
        "{not_found}"
    );
    assert!(
        site.path("public/media/pixel.svg").is_file(),
        "media copied"
    );
    assert!(
        site.read("public/robots.txt")
            .contains("Sitemap: https://byggetest.example/sitemap.xml")
    );
}

#[test]
fn static_assets_are_fingerprinted() {
    let site = Site::fixture("norsk");
    build(&site);
    let files = tree(&site.path("public"));
    let css: Vec<&String> = files
        .keys()
        .filter(|f| f.starts_with("static/style.") && f.ends_with(".css"))
        .collect();
    assert_eq!(css.len(), 1, "{:?}", files.keys());
    let home = site.read("public/index.html");
    assert!(home.contains(&format!("href=\"/{}\"", css[0])), "{home}");
}

#[test]
fn every_page_is_in_the_sitemap() {
    let site = Site::fixture("norsk");
    build(&site);
    let sitemap = site.read("public/sitemap.xml");
    let mut pages = 0;
    for file in tree(&site.path("public")).keys() {
        // The embedded cards stand in for the case pages and stay out.
        if file.ends_with("/embed/index.html") {
            continue;
        }
        if let Some(dir) = file.strip_suffix("index.html") {
            let url = format!("<loc>https://byggetest.example/{dir}</loc>");
            assert!(
                sitemap.contains(&url),
                "{url} missing from sitemap:\n{sitemap}"
            );
            pages += 1;
        }
    }
    assert!(pages >= 20, "only {pages} pages");
    assert!(!sitemap.contains("404.html"), "{sitemap}");
    quick_xml_wellformed(&sitemap);
}

fn quick_xml_wellformed(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed XML ({e}):\n{xml}"),
        }
    }
}

#[test]
fn feed_and_open_data_carry_every_case() {
    let site = Site::fixture("norsk");
    build(&site);
    let feed = site.read("public/feed.xml");
    quick_xml_wellformed(&feed);
    assert!(
        feed.contains("<updated>2015-06-30T00:00:00Z</updated>"),
        "feed updated from the newest case: {feed}"
    );
    assert_in_order(&feed, &["cases/baerum/", "cases/orsta/", "cases/alesund/"]);
    assert!(
        feed.contains("&lt;h2&gt;Behov&lt;/h2&gt;"),
        "sections as escaped HTML: {feed}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/cases.json")).expect("cases.json is JSON");
    assert_eq!(json["licence"], "CC BY 4.0");
    let cases = json["cases"].as_array().expect("cases array");
    assert_eq!(cases.len(), 4);
    let baerum = cases
        .iter()
        .find(|c| c["slug"] == "baerum")
        .expect("baerum");
    assert_eq!(baerum["url"], "https://byggetest.example/cases/baerum/");
    assert_eq!(baerum["county"], "Akershus");
    assert_eq!(baerum["funding"][0]["amount_nok"], 300000);
    assert_eq!(baerum["indicators"][0]["series"][2]["period"], "2014-Q1");
    assert_eq!(baerum["measures"][1], "Ny turnus med **langvakter**.\n");

    let csv = site.read("public/cases.csv");
    let header = csv.lines().next().expect("header");
    for column in [
        "slug",
        "url",
        "title",
        "municipality",
        "county",
        "programme",
        "themes",
        "need",
        "goal",
        "measures",
        "result",
        "anchoring",
        "indicators",
        "funding",
        "links",
        "body",
        "licence",
    ] {
        assert!(
            header.split(',').any(|h| h == column),
            "column `{column}` missing: {header}"
        );
    }
    assert_eq!(
        csv.lines()
            .filter(|l| l.starts_with("baerum,") || l.starts_with("zeta,"))
            .count(),
        2,
        "{csv}"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let site = Site::fixture("norsk");
    let first = run(site.cmd(&["build", "--out", "a"]));
    assert_eq!(first.code, 0, "{}", first.stderr);
    let second = run(site.cmd(&["build", "--out", "b"]));
    assert_eq!(second.code, 0, "{}", second.stderr);
    let (a, b) = (tree(&site.path("a")), tree(&site.path("b")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (file, bytes) in &a {
        assert!(bytes == &b[file], "{file} differs between two builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_byte_identical() {
    let site = Site::fixture("norsk");
    // Twice, so that a spare site stands beside the output too.
    build(&site);
    build(&site);
    let before = tree(&site.path("public"));
    site.write(
        "content/cases/alesund.md",
        "---\ntitle: Ødelagt\nthemes: [finnes-ikke]\n---\n",
    );
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("of 4 case files; nothing was written"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--> content/cases/alesund.md:"),
        "diagnostics printed like check:\n{}",
        out.stderr
    );
    let after = tree(&site.path("public"));
    assert!(
        before == after,
        "the previous site changed after a failed build"
    );
    let leftovers: Vec<String> = fs::read_dir(site.root())
        .expect("read root")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.contains("casebook-staging") || n.contains("casebook-old"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
    assert!(
        site.path(".public.casebook-previous/.casebook").is_file(),
        "the spare site, claimed while the content was validated, is given back"
    );
}

#[test]
fn a_foreign_folder_is_refused_and_untouched() {
    let site = Site::fixture("norsk");
    site.write("mine/notes.txt", "do not delete");
    let out = run(site.cmd(&["build", "--out", "mine"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("refusing to replace it"),
        "{}",
        out.stderr
    );
    let files = tree(&site.path("mine"));
    assert_eq!(files.len(), 1, "{:?}", files.keys());
    assert_eq!(files["notes.txt"], b"do not delete");
}

#[test]
fn a_previous_build_is_replaced_and_leftover_staging_folders_are_cleaned() {
    let site = Site::fixture("norsk");
    build(&site);
    site.write("public/stale.html", "old");
    // What a build killed mid-way leaves behind (pid that cannot be alive).
    site.write(".public.casebook-staging-4000000000/index.html", "half");
    build(&site);
    assert!(
        !site.path("public/stale.html").exists(),
        "the old site was not replaced"
    );
    assert!(
        !site.path(".public.casebook-staging-4000000000").exists(),
        "leftover staging folder kept"
    );
    assert!(site.path("public/.casebook").is_file(), "marker missing");
}

#[test]
fn base_url_flag_sets_canonical_links_and_the_root_path() {
    let site = Site::fixture("norsk");
    let out = run(site.cmd(&["build", "--base-url", "https://kommune.example/samling"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = site.read("public/cases/baerum/index.html");
    assert!(
        page.contains(
            "<link rel=\"canonical\" href=\"https://kommune.example/samling/cases/baerum/\">"
        ),
        "{page}"
    );
    assert!(
        page.contains("href=\"/samling/themes/sykefravaer/\""),
        "{page}"
    );
    assert!(page.contains("href=\"/samling/static/style."), "{page}");
    assert!(
        site.read("public/sitemap.xml")
            .contains("<loc>https://kommune.example/samling/</loc>")
    );
    let bad = run(site.cmd(&["build", "--base-url", "javascript:alert(1)"]));
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn a_site_skin_overrides_the_default_file_by_file() {
    let site = Site::fixture("norsk");
    let yaml = site.read("content/site.yaml");
    site.write("content/site.yaml", &format!("{yaml}skin: egen\n"));
    site.write("themes/egen/static/style.css", "body { color: black; }\n");
    site.write(
        "themes/egen/templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Borte</h1>{% endblock main %}",
    );
    site.write("themes/egen/strings/nb.yaml", "nav_search: Finn\n");
    build(&site);
    assert!(site.read("public/404.html").contains("<h1>Borte</h1>"));
    let home = site.read("public/index.html");
    assert!(home.contains(">Finn</a>"), "string override: {home}");
    assert!(
        home.contains("Hopp til hovedinnhold"),
        "other strings from the default: {home}"
    );
    let css: Vec<Vec<u8>> = tree(&site.path("public"))
        .into_iter()
        .filter(|(f, _)| f.starts_with("static/style."))
        .map(|(_, b)| b)
        .collect();
    assert_eq!(css, vec![b"body { color: black; }\n".to_vec()]);
}

#[test]
fn a_skins_card_partial_is_rendered_on_every_page_that_lists_the_case() {
    let site = Site::fixture("norsk");
    let yaml = site.read("content/site.yaml");
    site.write("content/site.yaml", &format!("{yaml}skin: egen\n"));
    // An override may use anything of the page, so casebook cannot render
    // it once per case as it does the default card.
    site.write(
        "themes/egen/templates/partials/card.html",
        "<li class=\"card\">{{ card.title }} on a {{ page.kind }} page</li>\n",
    );
    build(&site);
    let home = site.read("public/index.html");
    assert!(home.contains(" on a home page</li>"), "{home}");
    let theme = site.read("public/themes/sykefravaer/index.html");
    assert!(theme.contains(" on a theme page</li>"), "{theme}");
    assert!(!theme.contains("card-title"), "{theme}");
}

#[test]
fn cards_take_the_heading_level_a_listing_asks_for() {
    let site = Site::fixture("norsk");
    let yaml = site.read("content/site.yaml");
    site.write("content/site.yaml", &format!("{yaml}skin: egen\n"));
    let list = String::from_utf8(
        casebook::skin::Skin::default_file("templates/list.html")
            .expect("default list template")
            .to_vec(),
    )
    .expect("UTF-8");
    assert!(list.contains("{% set hl = 3 %}"), "{list}");
    site.write(
        "themes/egen/templates/list.html",
        &list.replace("{% set hl = 3 %}", "{% set hl = 2 %}"),
    );
    build(&site);
    let theme = site.read("public/themes/sykefravaer/index.html");
    assert!(theme.contains("<h2 class=\"card-title\""), "{theme}");
    assert!(!theme.contains("<h3 class=\"card-title\""), "{theme}");
    let home = site.read("public/index.html");
    assert!(home.contains("<h3 class=\"card-title\""), "{home}");
}

#[test]
fn the_shipped_catalogue_builds_with_porsgrunns_chart() {
    let site = Site::fixture("shipped");
    build(&site);
    let page = site.read("public/cases/porsgrunn/index.html");
    assert!(
        page.contains("<title id=\"indikator-1-tittel\">Sykefravær</title>"),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "<tr><th scope=\"row\">2008</th><td>–</td><td>8,5{NBSP}%</td></tr>"
        )),
        "{page}"
    );
    let sola = site.read("public/cases/sola/index.html");
    assert!(sola.contains("lang=\"nn\""), "{sola}");
}

/// The page without the skin's own deferred scripts (same origin, no inline
/// code) and without a JSON-LD data block that holds no `<` (so nothing in
/// it can close it), so a test can assert that nothing else loads or runs
/// script.
fn without_skin_scripts(page: &str) -> String {
    const DATA: &str = "<script type=\"application/ld+json\">";
    let mut kept = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find(DATA) {
        let block = &rest[start + DATA.len()..];
        match block.find("</script>") {
            Some(end) if !block[..end].contains('<') => {
                kept.push_str(&rest[..start]);
                rest = &block[end + "</script>".len()..];
            }
            _ => {
                kept.push_str(&rest[..start + DATA.len()]);
                rest = block;
            }
        }
    }
    kept.push_str(rest);
    let page = kept.as_str();
    const OPEN: &str = "<script src=\"/static/";
    const CLOSE: &str = "></script>";
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let own = tag.find(CLOSE).filter(|&end| {
            tag[OPEN.len()..end]
                .strip_suffix("\" defer")
                .is_some_and(|name| {
                    name.ends_with(".js")
                        && name
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
                })
        });
        match own {
            Some(end) => rest = &tag[end + CLOSE.len()..],
            None => {
                out.push_str(OPEN);
                rest = &tag[OPEN.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn skin_scripts_are_recognised_and_nothing_else() {
    let page = "<p>a</p><script src=\"/static/search.7ca1659cba.js\" defer></script><b>";
    assert_eq!(without_skin_scripts(page), "<p>a</p><b>");
    let data = "<p>a</p><script type=\"application/ld+json\">{\"a\":\"\\u003c\"}</script><b>";
    assert_eq!(without_skin_scripts(data), "<p>a</p><b>");
    for foreign in [
        "<script>alert(1)</script>",
        "<script src=\"/static/x.js\" defer>alert(1)</script>",
        "<script src=\"/static/x.js\" onload=\"alert(1)\" defer></script>",
        "<script src=\"https://cdn.example/x.js\" defer></script>",
        "<script type=\"application/ld+json\">{\"a\":\"<b>\"}</script>",
    ] {
        assert!(
            without_skin_scripts(foreign).contains("<script"),
            "{foreign}"
        );
    }
}

#[test]
fn a_build_that_rewrites_the_spare_site_equals_a_fresh_build_and_never_touches_the_live_one() {
    let site = Site::fixture("full");
    let spare = ".public.casebook-previous";
    build(&site);
    assert!(!site.path(spare).exists(), "no spare after the first build");
    build(&site);
    assert!(
        site.path(spare).join(".casebook").is_file(),
        "the replaced site is kept as the spare"
    );
    // Things the spare must not carry over: a stray file, a link out of
    // the site, a folder where a page will be.
    site.write(&format!("{spare}/stray.html"), "stray");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.path("content"),
        site.path(&format!("{spare}/cases/link")),
    )
    .expect("symlink");
    // Edit one case, remove one, add one and a media file, so the build
    // rewrites, links, creates and removes.
    let edited = "cases/alesund-sykefravaer/index.html";
    let live_before = fs::read(site.path("public").join(edited)).expect("read");
    let case = site.read("content/cases/alesund-sykefravaer.md");
    site.write(
        "content/cases/alesund-sykefravaer.md",
        &case.replacen("\n---\n", "\n---\nEin ny første setning.\n\n", 1),
    );
    fs::remove_file(site.path("content/cases/tromso-lange-tekster.md")).expect("remove");
    site.write(
        "content/cases/ny-kommune.md",
        &site
            .read("content/cases/aevre-minimal.md")
            .replace("aevre", "nykommune"),
    );
    site.write("content/media/extra.txt", "vedlegg");
    // A live page changed by hand, to the same length: the manifest's hash
    // of it no longer holds, so the build must not keep it.
    let catalogue = site.read("public/index.html");
    site.write("public/index.html", &"x".repeat(catalogue.len()));
    for round in 0..2 {
        build(&site);
        let fresh = run(site.cmd(&["build", "--out", "fresh"]));
        assert_eq!(fresh.code, 0, "{}", fresh.stderr);
        let (got, want) = (tree(&site.path("public")), tree(&site.path("fresh")));
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            want.keys().collect::<Vec<_>>(),
            "round {round}: the files differ from a fresh build"
        );
        for (file, bytes) in &want {
            assert!(
                bytes == &got[file],
                "round {round}: {file} differs from a fresh build"
            );
        }
        fs::remove_dir_all(site.path("fresh")).expect("remove fresh");
        if round == 0 {
            // The edited page was a hard link shared by the live site and
            // the spare; the build replaced it in the spare instead of
            // writing into it, so the replaced site (now the spare) still
            // has the old page.
            assert_eq!(
                fs::read(site.path(spare).join(edited)).expect("read"),
                live_before
            );
            assert_ne!(
                fs::read(site.path("public").join(edited)).expect("read"),
                live_before
            );
        }
    }
}

#[test]
fn contact_is_on_the_case_page_and_in_the_open_data() {
    let site = Site::fixture("contact");
    build(&site);
    let molde = site.read("public/cases/molde/index.html");
    assert!(
        molde.contains(
            "<div class=\"facts-contact\"><dt>Kontaktperson</dt><dd>Kari Nordmann, Prosjektleder<br><a href=\"mailto:kari.nordmann@molde.kommune.no\">kari.nordmann@molde.kommune.no</a></dd></div>"
        ),
        "{molde}"
    );
    let volda = site.read("public/cases/volda/index.html");
    assert!(
        volda.contains(
            "<div class=\"facts-contact\"><dt>Kontaktperson</dt><dd>Ola Nordmann, Einingsleiar</dd></div>"
        ),
        "nynorsk label, no e-mail: {volda}"
    );
    let aure = site.read("public/cases/aure-utan-kontakt/index.html");
    assert!(!aure.contains("facts-contact"), "{aure}");

    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/cases.json")).expect("cases.json is JSON");
    let case = |slug: &str| {
        json["cases"]
            .as_array()
            .and_then(|cases| cases.iter().find(|c| c["slug"] == slug))
            .cloned()
            .unwrap_or_else(|| panic!("{slug} in cases.json"))
    };
    let molde = case("molde");
    assert_eq!(molde["contact_name"], "Kari Nordmann");
    assert_eq!(molde["contact_role"], "Prosjektleder");
    assert_eq!(molde["contact_email"], "kari.nordmann@molde.kommune.no");
    assert_eq!(case("volda")["contact_email"], serde_json::Value::Null);
    assert_eq!(
        case("aure-utan-kontakt")["contact_name"],
        serde_json::Value::Null
    );

    let csv = site.read("public/cases.csv");
    // Consumers read the CSV by column name and by position: the columns
    // stay those of the first release, with the contact's added before `draft`.
    let header = csv.lines().next().expect("header");
    assert_eq!(
        header,
        "slug,url,title,municipality,municipality_number,county,county_number,\
         programme,programme_name,themes,status,period_start,period_end,language,\
         published,updated,summary,need,goal,measures,result,anchoring,indicators,\
         funding,links,contact_name,contact_role,contact_email,draft,body,licence"
    );
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let molde = rows
        .records()
        .map(|r| r.expect("a CSV row"))
        .find(|r| &r[0] == "molde")
        .expect("molde's row");
    let contact: Vec<&str> = molde.iter().skip(25).take(4).collect();
    assert_eq!(
        contact,
        [
            "Kari Nordmann",
            "Prosjektleder",
            "kari.nordmann@molde.kommune.no",
            "false"
        ]
    );
}

/// The `style.*.css` files under `public/static/`.
fn stylesheets(site: &Site) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(site.path("public/static"))
        .expect("static folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("style.") && n.ends_with(".css"))
        .collect();
    names.sort();
    names
}

#[test]
fn an_asset_keeps_its_name_until_its_bytes_change_and_keeps_its_extension() {
    let site = Site::fixture("minimal");
    let yaml = site.read("content/site.yaml");
    site.write("content/site.yaml", &format!("{yaml}skin: mine\n"));
    site.write("themes/mine/static/style.css", "body { color: black }\n");
    build(&site);
    let first = stylesheets(&site);
    assert_eq!(first.len(), 1, "{first:?}");
    let first = &first[0];
    let middle = first
        .strip_prefix("style.")
        .and_then(|n| n.strip_suffix(".css"))
        .expect("style.<fingerprint>.css");
    assert!(
        !middle.is_empty() && middle.bytes().all(|b| b.is_ascii_hexdigit()),
        "{first}"
    );
    assert!(
        site.read("public/index.html")
            .contains(&format!("/static/{first}"))
    );

    // The same bytes in the next build: the same name, so browsers keep it.
    build(&site);
    assert_eq!(stylesheets(&site), std::slice::from_ref(first));

    // Changed bytes: a new name, which every page now asks for.
    site.write("themes/mine/static/style.css", "body { color: navy }\n");
    build(&site);
    let second = stylesheets(&site);
    assert_eq!(second.len(), 1, "{second:?}");
    assert_ne!(&second[0], first);
    let home = site.read("public/index.html");
    assert!(home.contains(&format!("/static/{}", second[0])));
    assert!(!home.contains(first.as_str()));
    assert_eq!(
        site.read(&format!("public/static/{}", second[0])),
        "body { color: navy }\n"
    );
}
