//! `casebook check`: every rule of DESIGN.md §2 has a broken fixture whose
//! diagnostic (file, line, column, code, message) is asserted, in English
//! and in bokmål, and broken YAML of every kind is a located error, never a
//! panic or a hang.

use serde_json::Value;

use crate::support::{CASE, Site, run, site_with};

fn diagnostics(site: &Site) -> (i32, Vec<Value>) {
    diagnostics_in(site, "en")
}

fn diagnostics_in(site: &Site, lang: &str) -> (i32, Vec<Value>) {
    let out = run(site.cmd_in(lang, &["check", "--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            out.stdout, out.stderr
        )
    });
    (out.code, value.as_array().cloned().unwrap_or_default())
}

/// Asserts that one diagnostic has this code, position and message.
#[track_caller]
fn expect(site: &Site, file: &str, code: &str, line: u64, column: u64, message: &str) -> Value {
    let (exit, diags) = diagnostics(site);
    let found = diags.iter().find(|d| d["code"] == code).unwrap_or_else(|| {
        panic!(
            "no `{code}` diagnostic; got {}",
            serde_json::to_string_pretty(&diags).unwrap_or_default()
        )
    });
    assert_eq!(found["file"], file, "{found}");
    assert_eq!(
        (found["line"].as_u64(), found["column"].as_u64()),
        (Some(line), Some(column)),
        "{found}"
    );
    let text = found["message"].as_str().unwrap_or("");
    assert!(text.contains(message), "message `{text}` lacks `{message}`");
    let expected_exit = if found["severity"] == "error" { 1 } else { 0 };
    assert_eq!(exit, expected_exit, "exit code for {found}");
    expect_in_bokmal(site, found);
    found.clone()
}

/// The same problem told in bokmål: same file, place, severity and code,
/// and a message and help in Norwegian words, not the English ones.
#[track_caller]
fn expect_in_bokmal(site: &Site, english: &Value) {
    let (exit, diags) = diagnostics_in(site, "nb");
    let same_place = |d: &&Value| {
        ["file", "line", "column", "severity", "code"]
            .iter()
            .all(|key| d[key] == english[key])
    };
    let found = diags.iter().find(same_place).unwrap_or_else(|| {
        panic!(
            "no bokmål twin of {english}; got {}",
            serde_json::to_string_pretty(&diags).unwrap_or_default()
        )
    });
    let expected_exit = if found["severity"] == "error" { 1 } else { 0 };
    assert_eq!(exit, expected_exit, "exit code for {found}");
    for key in ["message", "help"] {
        let (en, nb) = (
            english[key].as_str().unwrap_or(""),
            found[key].as_str().unwrap_or(""),
        );
        assert_eq!(en.is_empty(), nb.is_empty(), "{key}: {english} / {found}");
        if !en.is_empty() {
            assert_ne!(en, nb, "{key} not translated: {found}");
            assert!(!english_words(nb), "{key} in English: {found}");
        }
    }
}

/// Whether `text`, outside its `code`, has words only English has.
fn english_words(text: &str) -> bool {
    let words: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    words.split(|c: char| !c.is_alphabetic()).any(|w| {
        [
            "the", "is", "not", "must", "cannot", "unknown", "missing", "write", "with", "field",
            "file", "should",
        ]
        .contains(&w)
    })
}

#[track_caller]
fn expect_help(found: &Value, help: &str) {
    let text = found["help"].as_str().unwrap_or("");
    assert!(text.contains(help), "help `{text}` lacks `{help}`");
}

#[test]
fn valid_fixture_passes() {
    let (exit, diags) = diagnostics(&Site::fixture("minimal"));
    assert_eq!(exit, 0, "{diags:?}");
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn shipped_catalogue_passes() {
    let site = Site::fixture("shipped");
    let out = run(site.cmd(&["check"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("no errors"), "{}", out.stderr);
}

#[test]
fn missing_front_matter_is_reported_at_line_one() {
    let site = site_with("---\ntitle", "title");
    expect(
        &site,
        CASE,
        "no-front-matter",
        1,
        1,
        "does not start with front matter",
    );
}

#[test]
fn unclosed_front_matter_is_reported() {
    let site = site_with("---\nReportasjen", "Reportasjen");
    expect(&site, CASE, "unclosed-front-matter", 1, 1, "never closed");
}

#[test]
fn empty_file_is_invalid_content() {
    let site = Site::fixture("minimal");
    site.write(CASE, "");
    expect(&site, CASE, "empty-file", 1, 1, "empty");
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let site = Site::fixture("minimal");
    let mut bytes = site.read(CASE).into_bytes();
    let at = bytes
        .windows(5)
        .position(|w| w == b"Molde")
        .expect("present");
    bytes[at] = 0xff;
    std::fs::write(site.path(CASE), bytes).expect("write");
    expect(&site, CASE, "invalid-utf8", 2, 37, "not UTF-8");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = Site::fixture("minimal");
    let text = format!("\u{feff}{}", site.read(CASE).replace('\n', "\r\n"));
    site.write(CASE, &text);
    let (exit, diags) = diagnostics(&site);
    assert_eq!((exit, diags.len()), (0, 0), "{diags:?}");
}

#[test]
fn missing_required_field_is_named_with_its_section() {
    let site = site_with("need: |\n  Høyt sykefravær.\n", "");
    expect(
        &site,
        CASE,
        "missing-field",
        1,
        1,
        "missing required field `need` (Behov)",
    );
}

#[test]
fn wrong_type_says_what_was_expected() {
    let site = site_with("themes: [sykefravaer, kompetanse]", "themes: sykefravaer");
    expect(&site, CASE, "wrong-type", 7, 9, "`themes` must be a list");
}

#[test]
fn unknown_field_suggests_nearest() {
    let site = site_with("measures:", "measure:");
    let d = expect(
        &site,
        CASE,
        "unknown-field",
        17,
        1,
        "unknown field `measure`",
    );
    expect_help(&d, "did you mean `measures`?");
}

#[test]
fn norwegian_section_names_suggest_the_english_field() {
    for (from, norwegian, line, english) in [
        ("need: |", "behov: |", 13, "need"),
        ("goal: |", "mål: |", 15, "goal"),
        ("measures:", "tiltak:", 17, "measures"),
        ("result: |", "resultat: |", 20, "result"),
        ("anchoring: |", "forankring: |", 22, "anchoring"),
        ("themes: [", "tema: [", 7, "themes"),
    ] {
        let site = site_with(from, norwegian);
        let key = norwegian.split(':').next().unwrap_or_default();
        let d = expect(
            &site,
            CASE,
            "unknown-field",
            line,
            1,
            &format!("unknown field `{key}`"),
        );
        expect_help(&d, &format!("did you mean `{english}`?"));
        let (_, diags) = diagnostics(&site);
        assert!(
            !diags.iter().any(|d| d["code"] == "missing-field"),
            "`{key}` should not also be reported as a missing `{english}`: {diags:?}"
        );
    }
}

#[test]
fn empty_themes_are_an_error() {
    let site = site_with("themes: [sykefravaer, kompetanse]", "themes: []");
    expect(&site, CASE, "empty-themes", 7, 9, "`themes` is empty");
}

#[test]
fn unknown_theme_suggests_nearest() {
    let site = site_with("[sykefravaer, kompetanse]", "[sykefravar, kompetanse]");
    let d = expect(
        &site,
        CASE,
        "unknown-theme",
        7,
        10,
        "unknown theme `sykefravar`",
    );
    expect_help(&d, "did you mean `sykefravaer`?");
}

#[test]
fn duplicate_theme_points_at_the_repeat() {
    let site = site_with("[sykefravaer, kompetanse]", "[sykefravaer, sykefravaer]");
    expect(&site, CASE, "duplicate-theme", 7, 23, "listed twice");
}

#[test]
fn unknown_programme_suggests_nearest() {
    let site = site_with("programme: saman", "programme: samen");
    let d = expect(
        &site,
        CASE,
        "unknown-programme",
        6,
        12,
        "unknown programme `samen`",
    );
    expect_help(&d, "did you mean `saman`?");
}

#[test]
fn municipality_number_needs_four_digits() {
    let site = site_with("\"1506\"", "\"156\"");
    expect(
        &site,
        CASE,
        "invalid-municipality-number",
        4,
        22,
        "not a four-digit",
    );
}

#[test]
fn unquoted_municipality_number_asks_for_quotes() {
    let site = site_with("\"1506\"", "0301");
    let d = expect(
        &site,
        CASE,
        "wrong-type",
        4,
        22,
        "must be written in quotes",
    );
    expect_help(&d, "\"0301\"");
}

#[test]
fn municipality_number_of_a_former_county_is_refused() {
    let site = site_with("\"1506\"", "\"3806\"");
    expect(
        &site,
        CASE,
        "invalid-municipality-number",
        4,
        22,
        "county of 2024",
    );
}

#[test]
fn county_must_match_the_number() {
    let site = site_with("county: Møre og Romsdal", "county: Rogaland");
    let d = expect(
        &site,
        CASE,
        "county-mismatch",
        5,
        9,
        "belongs to Møre og Romsdal (15)",
    );
    expect_help(&d, "county: Møre og Romsdal");
}

#[test]
fn unknown_county_suggests_nearest() {
    let site = site_with("county: Møre og Romsdal", "county: More og Romsdal");
    let d = expect(
        &site,
        CASE,
        "unknown-county",
        5,
        9,
        "not one of the 15 counties",
    );
    expect_help(&d, "did you mean `Møre og Romsdal`?");
}

#[test]
fn period_must_not_end_before_it_starts() {
    let site = site_with("{ start: 2012, end: 2015 }", "{ start: 2016, end: 2015 }");
    expect(
        &site,
        CASE,
        "invalid-period",
        9,
        29,
        "ends (2015) before it starts (2016)",
    );
}

#[test]
fn years_outside_1990_2100_are_refused() {
    let site = site_with("{ start: 2012, end: 2015 }", "{ start: 1980, end: 2015 }");
    expect(&site, CASE, "invalid-year", 9, 18, "between 1990 and 2100");
}

#[test]
fn dates_must_exist() {
    let site = site_with("published: 2013-05-02", "published: 2013-02-30");
    expect(
        &site,
        CASE,
        "invalid-date",
        11,
        12,
        "`2013-02-30` is not a real date",
    );
}

#[test]
fn completed_case_needs_result_reported_at_status() {
    let site = site_with("result: |\n  Fraværet gikk ned.\n", "");
    expect(
        &site,
        CASE,
        "missing-result",
        8,
        9,
        "a completed case needs a `result`",
    );
}

#[test]
fn links_must_be_absolute_http() {
    let site = site_with("https://www.ks.no/molde", "www.ks.no/molde");
    expect(&site, CASE, "invalid-link", 36, 31, "`www.ks.no/molde`");
    let site = site_with("https://www.ks.no/molde", "javascript:alert(1)");
    expect(
        &site,
        CASE,
        "invalid-link",
        36,
        31,
        "not an http(s) address",
    );
}

#[test]
fn links_with_spaces_are_refused() {
    let site = site_with("https://www.ks.no/molde", "https://www.ks.no/mol de");
    expect(&site, CASE, "invalid-link", 36, 31, "spaces");
}

#[test]
fn images_on_another_host_are_refused() {
    let site = site_with("Reportasjen.", "Tekst ![Bilde](https://cdn.example/x.png)");
    expect(&site, CASE, "remote-image", 38, 16, "on another host");
}

#[test]
fn raw_html_images_on_another_host_are_refused() {
    let site = site_with(
        "Reportasjen.",
        "<img src=\"https://cdn.example/x.png\" alt=\"\">",
    );
    expect(&site, CASE, "remote-image", 38, 11, "on another host");
}

#[test]
fn frames_video_and_audio_on_another_host_are_named_for_what_they_are() {
    let site = site_with(
        "Reportasjen.",
        "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n\n\
         <video src=https://cdn.example/v.mp4></video> og <audio src='//cdn.example/a.mp3'></audio>",
    );
    let d = expect(&site, CASE, "remote-embed", 38, 14, "embedded page");
    assert!(
        !d["message"].as_str().unwrap_or("").contains("image"),
        "{d}"
    );
    expect_help(&d, "link to the page instead");
    let d = expect(
        &site,
        CASE,
        "remote-media",
        40,
        12,
        "video file `https://cdn.example/v.mp4`",
    );
    expect_help(&d, "content/media/");
    let (_, diags) = diagnostics(&site);
    let audio = diags
        .iter()
        .find(|d| {
            d["message"] == "the audio or video file `//cdn.example/a.mp3` is on another host"
        })
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(
        (&audio["code"], &audio["line"], &audio["column"]),
        (&"remote-media".into(), &40.into(), &62.into())
    );
    assert!(
        diags.iter().all(|d| d["code"] != "remote-image"),
        "{diags:#?}"
    );
}

#[test]
fn an_unquoted_image_address_is_judged_like_a_quoted_one() {
    for written in [
        "<img src=graf.png>",
        "<img src=\"graf.png\">",
        "<IMG SRC = 'graf.png'>",
    ] {
        let site = site_with("Reportasjen.", &format!("Tekst {written} her."));
        let column = 7 + written.find("graf").expect("address") as u64;
        let d = expect(
            &site,
            CASE,
            "missing-image",
            38,
            column,
            "the image `graf.png`",
        );
        expect_help(&d, "/media/file.jpg");
    }
    let site = site_with("Reportasjen.", "<img data-src=graf.png alt=\"\">");
    let (exit, diags) = diagnostics(&site);
    assert_eq!(exit, 0, "`data-src` is not fetched: {diags:#?}");
}

#[test]
fn local_images_must_exist_in_media() {
    let site = site_with("Reportasjen.", "![Bilde](/media/graf.png)");
    let d = expect(
        &site,
        CASE,
        "missing-image",
        38,
        10,
        "not in `content/media/`",
    );
    expect_help(&d, "content/media/graf.png");
    site.write("content/media/graf.png", "png");
    let (exit, diags) = diagnostics(&site);
    assert_eq!(exit, 0, "{diags:?}");
}

#[test]
fn images_in_front_matter_fields_are_checked_too() {
    let site = site_with(
        "  Høyt sykefravær.",
        "  Se ![graf](https://cdn.example/g.png).",
    );
    expect(&site, CASE, "remote-image", 14, 14, "on another host");
}

#[test]
fn indicator_periods_must_parse() {
    let site = site_with("period: 2012-Q1", "period: 2012-Q5");
    expect(
        &site,
        CASE,
        "invalid-period",
        29,
        19,
        "`2012-Q5` is not a period",
    );
}

#[test]
fn indicator_periods_must_not_repeat() {
    let site = site_with("period: 2012-Q2", "period: 2012-Q1");
    expect(
        &site,
        CASE,
        "duplicate-period",
        30,
        19,
        "appears twice in `series`",
    );
}

#[test]
fn unknown_unit_suggests_nearest() {
    let site = site_with("unit: percent", "unit: prosent");
    let d = expect(
        &site,
        CASE,
        "invalid-value",
        26,
        11,
        "unknown unit `prosent`",
    );
    expect_help(&d, "percent");
}

#[test]
fn file_names_must_make_a_slug() {
    let site = Site::fixture("minimal");
    let text = site.read(CASE);
    std::fs::remove_file(site.path(CASE)).expect("remove");
    site.write("content/cases/Molde Kommune.md", &text);
    let d = expect(
        &site,
        "content/cases/Molde Kommune.md",
        "invalid-slug",
        1,
        1,
        "cannot be used in an address",
    );
    expect_help(&d, "molde-kommune.md");
}

#[test]
fn slugs_must_be_unique_across_folders() {
    let site = Site::fixture("minimal");
    let text = site.read(CASE);
    site.write("content/cases/2014/molde.md", &text);
    expect(
        &site,
        "content/cases/molde.md",
        "duplicate-slug",
        1,
        1,
        "already used by `content/cases/2014/molde.md`",
    );
}

#[test]
fn missing_anchoring_is_a_warning() {
    let site = site_with("anchoring: |\n  Forankret i kommunestyret.\n", "");
    expect(&site, CASE, "missing-anchoring", 1, 1, "no `anchoring`");
}

#[test]
fn long_summary_is_a_warning() {
    let long = "Lang tekst. ".repeat(30);
    let site = site_with("Molde arbeidet med nærvær og kompetanse.", long.trim());
    expect(&site, CASE, "long-summary", 12, 10, "at most 300");
}

#[test]
fn future_published_date_is_a_warning() {
    let site = site_with("published: 2013-05-02", "published: 2099-01-01");
    expect(&site, CASE, "future-date", 11, 12, "lies in the future");
}

#[test]
fn every_problem_of_every_file_is_reported() {
    let site = site_with("programme: saman", "programme: samen");
    let text = site
        .read(CASE)
        .replacen("[sykefravaer, kompetanse]", "[sykefravar, kompetanse]", 1);
    site.write("content/cases/oppdal.md", &text);
    let (exit, diags) = diagnostics(&site);
    assert_eq!(exit, 1);
    let codes: Vec<(&str, &str)> = diags
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or(""),
                d["code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("content/cases/molde.md", "unknown-programme"),
            ("content/cases/oppdal.md", "unknown-programme"),
            ("content/cases/oppdal.md", "unknown-theme"),
        ]
    );
}

#[test]
fn human_format_shows_line_caret_help_and_summary() {
    let site = site_with("[sykefravaer, kompetanse]", "[sykefravar, kompetanse]");
    let out = run(site.cmd(&["check"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let expected = "\
error: unknown theme `sykefravar`
 --> content/cases/molde.md:7:10
  |
7 | themes: [sykefravar, kompetanse]
  |          ^^^^^^^^^^
  |
  = help: did you mean `sykefravaer`?
";
    assert!(out.stderr.contains(expected), "{}", out.stderr);
    assert!(
        out.stderr.contains("error: 1 problem in 1 of 1 case files"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.is_empty(),
        "human output goes to stderr: {}",
        out.stdout
    );
}

#[test]
fn drafts_are_skipped_unless_asked_for() {
    let site = site_with("programme: saman", "programme: samen\ndraft: true");
    let (exit, diags) = diagnostics(&site);
    assert_eq!((exit, diags.len()), (0, 0), "{diags:?}");
    let out = run(site.cmd(&["check", "--drafts"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn register_checks_names_and_numbers() {
    let site = Site::fixture("minimal");
    site.write(
        "content/municipalities.csv",
        "\u{feff}\"code\";\"name\"\n\"1506\";\"Molde\"\n\"1508\";\"Ålesund\"\n",
    );
    let (exit, diags) = diagnostics(&site);
    assert_eq!((exit, diags.len()), (0, 0), "{diags:?}");
    let text = site.read(CASE);
    site.write(
        CASE,
        &text.replacen("municipality: Molde", "municipality: Mold", 1),
    );
    let d = expect(
        &site,
        CASE,
        "unknown-municipality",
        3,
        15,
        "`Mold` is not in the municipality register",
    );
    expect_help(&d, "did you mean `Molde`?");
    site.write(CASE, &text.replacen("\"1506\"", "\"1508\"", 1));
    let d = expect(
        &site,
        CASE,
        "municipality-number-mismatch",
        4,
        22,
        "gives Molde the number `1506`",
    );
    expect_help(&d, "\"1506\"");
}

#[test]
fn broken_config_is_exit_two_with_position() {
    let site = Site::fixture("minimal");
    site.write(
        "content/site.yaml",
        "title: X\nbase_url: https://x.example/\nlanguag: nb\n",
    );
    let out = run(site.cmd(&["check"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("content/site.yaml:3:1"),
        "{}",
        out.stderr
    );
}

#[test]
fn not_a_site_is_exit_two() {
    let dir = tempfile::TempDir::new().expect("temp");
    let mut cmd = assert_cmd::Command::cargo_bin("casebook").expect("binary");
    cmd.arg("--root")
        .arg(dir.path())
        .args(["--lang", "en", "check"]);
    let out = run(cmd);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no `content/` folder"),
        "{}",
        out.stderr
    );
}

/// Broken YAML of every kind: exit 1, a located error, no panic, no hang.
#[test]
fn broken_yaml_of_every_kind_is_a_located_error() {
    let mut bomb = String::from("title: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..14 {
        let p = i - 1;
        bomb.push_str(&format!(
            "k{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let deep = format!("title: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let cases: [(&str, String, u64); 5] = [
        (
            "syntax",
            "title: [unclosed\nmunicipality: Molde\n".into(),
            2,
        ),
        ("tab", "title: X\n\tmunicipality: Molde\n".into(), 3),
        ("duplicate", "title: X\ntitle: Y\n".into(), 3),
        ("alias bomb", bomb, 0),
        ("deep nesting", deep, 2),
    ];
    for (what, yaml, line) in cases {
        let site = Site::fixture("minimal");
        site.write(CASE, &format!("---\n{yaml}---\nBody\n"));
        let (exit, diags) = diagnostics(&site);
        assert_eq!(exit, 1, "{what}: {diags:?}");
        let d = diags
            .iter()
            .find(|d| d["code"] == "yaml-syntax")
            .unwrap_or_else(|| panic!("{what}: {diags:?}"));
        assert_eq!(d["file"], CASE, "{what}");
        if line > 0 {
            assert_eq!(d["line"].as_u64(), Some(line), "{what}: {d}");
        } else {
            assert!(d["line"].as_u64().is_some_and(|l| l >= 2), "{what}: {d}");
        }
        expect_in_bokmal(&site, d);
    }
}

/// The fixture site `contact` with one of its case files changed by
/// replacing `from` with `to`.
fn contact_site_with(file: &str, from: &str, to: &str) -> Site {
    let site = Site::fixture("contact");
    let text = site.read(file);
    assert!(text.contains(from), "fixture has no `{from}`");
    site.write(file, &text.replacen(from, to, 1));
    site
}

const MOLDE: &str = "content/cases/molde.md";
const VOLDA: &str = "content/cases/volda.md";

#[test]
fn contact_fixture_passes() {
    let (exit, diags) = diagnostics(&Site::fixture("contact"));
    assert_eq!(exit, 0, "{diags:?}");
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn misspelt_contact_key_suggests_the_field() {
    let site = contact_site_with(MOLDE, "email:", "emial:");
    let found = expect(
        &site,
        MOLDE,
        "unknown-field",
        18,
        54,
        "unknown field `emial` in `contact`",
    );
    expect_help(&found, "did you mean `email`?");
}

#[test]
fn norwegian_contact_key_suggests_the_english_one_and_is_not_also_missing() {
    let site = contact_site_with(MOLDE, "name:", "navn:");
    let found = expect(
        &site,
        MOLDE,
        "unknown-field",
        18,
        12,
        "unknown field `navn` in `contact`",
    );
    expect_help(&found, "did you mean `name`?");
    let (_, diags) = diagnostics(&site);
    assert!(
        !diags.iter().any(|d| d["code"] == "missing-field"),
        "{diags:?}"
    );
}

#[test]
fn norwegian_key_for_the_contact_suggests_contact() {
    let site = contact_site_with(MOLDE, "contact:", "kontaktperson:");
    let found = expect(
        &site,
        MOLDE,
        "unknown-field",
        18,
        1,
        "unknown field `kontaktperson`",
    );
    expect_help(&found, "did you mean `contact`?");
}

#[test]
fn contact_email_must_be_an_address() {
    let site = contact_site_with(MOLDE, "kari.nordmann@molde.kommune.no", "kari(at)molde");
    let found = expect(
        &site,
        MOLDE,
        "invalid-email",
        18,
        61,
        "`kari(at)molde` is not an e-mail address",
    );
    expect_help(&found, "kari.nordmann@kommune.no");
}

#[test]
fn contact_needs_a_role() {
    let site = contact_site_with(VOLDA, "  role: Einingsleiar\n", "");
    let found = expect(
        &site,
        VOLDA,
        "missing-field",
        17,
        3,
        "`contact` needs `role`",
    );
    expect_help(
        &found,
        "contact: { name: Kari Nordmann, role: Prosjektleder",
    );
}

#[test]
fn contact_written_as_text_is_a_type_error() {
    let site = contact_site_with(
        MOLDE,
        "{ name: Kari Nordmann, role: Prosjektleder, email: kari.nordmann@molde.kommune.no }",
        "Kari Nordmann",
    );
    expect(
        &site,
        MOLDE,
        "wrong-type",
        18,
        10,
        "`contact` must be a set of `key: value` fields, not text",
    );
}
