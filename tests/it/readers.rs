//! What readers outside the catalogue get: a figure compared
//! across municipalities whatever each case calls it (`indicators.yaml`),
//! Open Graph and JSON-LD on case pages, the card a municipality embeds on
//! its own site with its oEmbed answer, and no feed with an invented date.

use serde_json::Value;

use crate::support::{Run, Site, run};

const NBSP: char = '\u{a0}';

fn build(site: &Site) -> Run {
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 0, "build failed:\n{}", out.stderr);
    out
}

/// `check --format json` of `site`: its exit code and diagnostics.
fn check_json(site: &Site) -> (i32, Vec<Value>) {
    let out = run(site.cmd(&["check", "--format", "json"]));
    let list: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", out.stdout, out.stderr));
    (out.code, list.as_array().cloned().unwrap_or_default())
}

/// The rows (`<tr>…</tr>` inside `<tbody>`) of the comparison table whose
/// caption starts with `name`.
fn comparison_rows(page: &str, name: &str) -> Vec<String> {
    let caption = format!("<caption>{name} – ");
    let start = page
        .find(&caption)
        .unwrap_or_else(|| panic!("no comparison of {name} in:\n{page}"));
    let table = &page[start..];
    let table = &table[..table.find("</table>").expect("table ends")];
    table
        .split("<tr>")
        .skip(2)
        .map(|r| r.trim_end_matches("</tbody>").to_owned())
        .collect()
}

/// The text of the one `<script type="application/ld+json">` of a page.
fn json_ld(page: &str) -> &str {
    let open = "<script type=\"application/ld+json\">";
    let start = page.find(open).expect("a JSON-LD block") + open.len();
    let end = start + page[start..].find("</script>").expect("the block ends");
    &page[start..end]
}

/// `content` of `<meta property="og:…">`, unescaped for the few entities
/// the templates write.
fn og(page: &str, property: &str) -> Option<String> {
    let needle = format!("<meta property=\"og:{property}\" content=\"");
    let start = page.find(&needle)? + needle.len();
    let end = start + page[start..].find('"')?;
    Some(unescape(&page[start..end]))
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

#[test]
fn theme_pages_compare_one_figure_whether_a_case_names_it_by_id_in_bokmal_or_in_nynorsk() {
    let site = Site::fixture("indicators");
    build(&site);
    let theme = site.read("public/themes/sykefravaer/index.html");
    let rows = comparison_rows(&theme, "Sykefravær");
    assert_eq!(rows.len(), 3, "{rows:#?}");
    for (row, place) in rows.iter().zip(["Bærum", "Volda", "Ørsta"]) {
        assert!(row.contains(&format!(">{place}</a>")), "{row}");
    }
    // One decimal for every figure, as Volda's 8,9 needs: 9,0 beside 8,9.
    assert!(
        rows[0].contains(&format!("<td>9,0{NBSP}% (2012)</td>")),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains(&format!("<td>8,9{NBSP}% (2013)</td>")),
        "{}",
        rows[1]
    );
    assert!(
        rows[0].contains(&format!("<td>−1,5{NBSP}prosentpoeng</td>")),
        "{}",
        rows[0]
    );
    assert!(!theme.contains(&format!(">9{NBSP}% (")), "{theme}");
    // A figure outside indicators.yaml meets its namesake, case aside.
    assert_eq!(comparison_rows(&theme, "Turnover").len(), 2);
}

#[test]
fn without_indicators_yaml_figures_are_compared_by_name_only() {
    let site = Site::fixture("indicators");
    std::fs::remove_file(site.path("content/indicators.yaml")).expect("remove");
    for case in ["baerum", "orsta"] {
        let rel = format!("content/cases/{case}.md");
        let text = site.read(&rel).replace(
            "  - id: sykefravaer\n",
            "  - name: Sykefravær\n    unit: percent\n",
        );
        site.write(&rel, &text);
    }
    build(&site);
    let theme = site.read("public/themes/sykefravaer/index.html");
    let rows = comparison_rows(&theme, "Sykefravær");
    assert_eq!(
        rows.len(),
        2,
        "Bærum and Ørsta, not Volda's Sjukefråvær: {rows:#?}"
    );
    assert!(
        !theme.contains("<caption>Sjukefråvær"),
        "one case alone is no comparison"
    );
}

#[test]
fn an_indicator_with_an_id_takes_name_unit_and_direction_from_indicators_yaml() {
    let site = Site::fixture("indicators");
    build(&site);
    // Ørsta writes nynorsk and gives only the id: the nynorsk name.
    let orsta = site.read("public/cases/orsta/index.html");
    assert!(orsta.contains("<figcaption>Sjukefråvær"), "{orsta}");
    let data: Value = serde_json::from_str(&site.read("public/cases.json")).expect("JSON");
    let orsta = data["cases"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["slug"] == "orsta"))
        .expect("orsta in the open data");
    let figure = &orsta["indicators"][0];
    assert_eq!(figure["id"], "sykefravaer");
    assert_eq!(figure["name"], "Sjukefråvær");
    assert_eq!(figure["unit"], "percent");
    assert_eq!(figure["lower_is_better"], true);
}

#[test]
fn an_unknown_indicator_id_is_an_error_at_the_id_with_did_you_mean() {
    let site = Site::fixture("indicators");
    let rel = "content/cases/baerum.md";
    site.write(
        rel,
        &site.read(rel).replace("id: sykefravaer", "id: sykefravar"),
    );
    let (code, list) = check_json(&site);
    assert_eq!(code, 1);
    let d = list
        .iter()
        .find(|d| d["code"] == "unknown-indicator")
        .unwrap_or_else(|| panic!("{list:#?}"));
    assert_eq!(d["file"], rel);
    assert_eq!(d["line"], 14);
    assert_eq!(d["column"], 9);
    assert_eq!(d["help"], "did you mean `sykefravaer`?");
}

#[test]
fn a_unit_that_disagrees_with_indicators_yaml_is_an_error() {
    let site = Site::fixture("indicators");
    let rel = "content/cases/orsta.md";
    site.write(
        rel,
        &site.read(rel).replace(
            "  - id: sykefravaer\n",
            "  - id: sykefravaer\n    unit: count\n",
        ),
    );
    let (code, list) = check_json(&site);
    assert_eq!(code, 1);
    assert!(
        list.iter().any(|d| d["code"] == "invalid-value"
            && d["line"] == 15
            && d["message"]
                .as_str()
                .is_some_and(|m| m.contains("`percent`"))),
        "{list:#?}"
    );
}

#[test]
fn problems_in_indicators_yaml_are_located_and_stop_the_build() {
    let site = Site::fixture("indicators");
    site.write(
        "content/indicators.yaml",
        "- id: sykefravaer\n  name: Sykefravær\n  unit: procent\n",
    );
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("content/indicators.yaml:3:9"),
        "{}",
        out.stderr
    );
    site.write(
        "content/indicators.yaml",
        "- id: sykefravaer\n  name: A\n  unit: percent\n- id: sykefravaer\n  name: B\n  unit: percent\n",
    );
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("the id `sykefravaer` is used twice")
            && out.stderr.contains("content/indicators.yaml:4:7"),
        "{}",
        out.stderr
    );
}

#[test]
fn case_pages_carry_open_graph_and_a_json_ld_report_of_the_municipality() {
    let site = Site::fixture("indicators");
    build(&site);
    let page = site.read("public/cases/volda/index.html");
    assert_eq!(og(&page, "type").as_deref(), Some("article"));
    assert_eq!(og(&page, "title").as_deref(), Some("Nærvær i Volda"));
    assert_eq!(
        og(&page, "url").as_deref(),
        Some("https://tall.example/cases/volda/")
    );
    assert_eq!(og(&page, "locale").as_deref(), Some("nn_NO"));
    assert_eq!(og(&page, "site_name").as_deref(), Some("Tall på tvers"));
    // No summary: the first paragraph of the need describes the case.
    assert_eq!(
        og(&page, "description").as_deref(),
        Some("Fråværet var høgt.")
    );
    assert!(page.contains("<meta name=\"twitter:card\" content=\"summary\">"));

    let report: Value = serde_json::from_str(json_ld(&page)).expect("JSON-LD is JSON");
    assert_eq!(report["@context"], "https://schema.org");
    assert_eq!(report["@type"], "Report");
    assert_eq!(report["name"], "Nærvær i Volda");
    assert_eq!(report["inLanguage"], "nn");
    assert_eq!(report["url"], "https://tall.example/cases/volda/");
    assert_eq!(report["spatialCoverage"]["@type"], "AdministrativeArea");
    assert_eq!(report["spatialCoverage"]["name"], "Volda");
    assert_eq!(report["spatialCoverage"]["identifier"], "1577");
    assert_eq!(
        report["spatialCoverage"]["containedInPlace"]["name"],
        "Møre og Romsdal"
    );
    assert_eq!(report["about"][0]["name"], "Sjukefråvær og nærvær");
    assert_eq!(report["publisher"]["name"], "Tall på tvers");
    assert_eq!(report["publisher"]["url"], "https://tall.example/");
    // The case gives no date, and none is made up.
    assert!(report.get("datePublished").is_none(), "{report}");
}

#[test]
fn a_hostile_title_cannot_break_out_of_the_json_ld_block() {
    let site = Site::fixture("indicators");
    let title = "</script><script>alert(1)</script><!-- & \u{2028}x\u{2029}y";
    let rel = "content/cases/volda.md";
    site.write(
        rel,
        &site.read(rel).replace(
            "title: Nærvær i Volda",
            &format!(
                "title: \"{}\"",
                title.replace('\u{2028}', "\\L").replace('\u{2029}', "\\P")
            ),
        ),
    );
    build(&site);
    let page = site.read("public/cases/volda/index.html");
    let block = json_ld(&page);
    for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
        assert!(!block.contains(bad), "{bad:?} in {block}");
    }
    let report: Value = serde_json::from_str(block).expect("still JSON");
    assert_eq!(report["name"], title);
    assert_eq!(
        page.matches("<script").count(),
        1,
        "the JSON-LD block is the page's only script element"
    );
    assert_eq!(og(&page, "title").as_deref(), Some(title));
}

#[test]
fn the_embedded_card_has_no_script_or_navigation_and_stays_out_of_the_sitemap() {
    let site = Site::fixture("indicators");
    build(&site);
    let card = site.read("public/cases/volda/embed/index.html");
    assert!(
        card.starts_with("<!DOCTYPE html>\n<html lang=\"nn\">"),
        "{card}"
    );
    for absent in [
        "<script",
        "<nav",
        "<header",
        "<footer",
        "X-Frame-Options",
        "frame-ancestors",
    ] {
        assert!(!card.contains(absent), "{absent} in {card}");
    }
    // Links leave the frame for a new tab, and say so.
    assert!(
        card.contains("<h1><a href=\"https://tall.example/cases/volda/\" target=\"_blank\" rel=\"noopener\">Nærvær i Volda<span class=\"visually-hidden\"> (blir opna i ny fane)</span></a></h1>"),
        "{card}"
    );
    assert!(card.contains("<meta name=\"robots\" content=\"noindex\">"));
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://tall.example/cases/volda/</loc>"));
    assert!(
        !sitemap.contains("embed") && !sitemap.contains("oembed"),
        "{sitemap}"
    );
}

#[test]
fn the_case_page_gives_the_iframe_code_that_oembed_json_announces() {
    let site = Site::fixture("indicators");
    build(&site);
    let page = site.read("public/cases/volda/index.html");
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://tall.example/cases/volda/oembed.json\""
    ), "{page}");
    let open = "<textarea id=\"bygg-inn-kode\"";
    let start = page.find(open).expect("the code box") + open.len();
    let start = start + page[start..].find('>').expect("tag ends") + 1;
    let end = start + page[start..].find("</textarea>").expect("box ends");
    let code = unescape(&page[start..end]);
    assert!(
        page.contains("<a href=\"/cases/volda/embed/\">"),
        "a link to the card"
    );

    let answer: Value =
        serde_json::from_str(&site.read("public/cases/volda/oembed.json")).expect("JSON");
    assert_eq!(answer["version"], "1.0");
    assert_eq!(answer["type"], "rich");
    assert_eq!(answer["title"], "Nærvær i Volda");
    assert_eq!(answer["provider_name"], "Tall på tvers");
    assert_eq!(answer["provider_url"], "https://tall.example/");
    assert_eq!(answer["html"], code.as_str());
    assert!(answer["width"].as_u64().is_some_and(|w| w > 0));
    assert!(answer["height"].as_u64().is_some_and(|h| h > 0));
    assert!(
        code.starts_with("<iframe src=\"https://tall.example/cases/volda/embed/\" title=\"Volda: Nærvær i Volda\""),
        "{code}"
    );
}

#[test]
fn a_site_whose_cases_give_no_date_links_no_feed() {
    let undated = Site::fixture("indicators");
    build(&undated);
    for page in ["public/index.html", "public/cases/volda/index.html"] {
        let html = undated.read(page);
        assert!(!html.contains("feed.xml"), "{page}: {html}");
    }
    let dated = Site::fixture("indicators");
    let rel = "content/cases/volda.md";
    dated.write(
        rel,
        &dated
            .read(rel)
            .replace("language: nn\n", "language: nn\npublished: 2014-03-01\n"),
    );
    build(&dated);
    let html = dated.read("public/index.html");
    assert!(
        html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.xml\""),
        "{html}"
    );
    assert!(
        dated
            .read("public/feed.xml")
            .contains("<updated>2014-03-01T00:00:00Z</updated>")
    );
}

#[test]
fn the_front_page_names_the_site_once_and_its_heading_says_what_the_page_is_for() {
    for (fixture, heading) in [
        ("norsk", "<h1>Finn eksempler fra andre kommuner</h1>"),
        ("minimal", "<h1>"),
    ] {
        let site = Site::fixture(fixture);
        build(&site);
        let home = site.read("public/index.html");
        let title = home
            .split("class=\"site-title\" href=\"/\">")
            .nth(1)
            .and_then(|t| t.split('<').next())
            .expect("the header names the site")
            .to_owned();
        let body = &home[home.find("<body").expect("a body")..];
        assert_eq!(body.matches(title.as_str()).count(), 1, "{title}: {body}");
        assert!(home.contains(heading), "{home}");
    }
}
