//! What casebook says to the editor and to the tools around them: the
//! output formats for CI (GitHub annotations, SARIF), drafts named in the
//! summary, a closed pipe, the texts `init` writes, and plain words for
//! YAML mistakes.

use std::io::Read;
use std::process::Stdio;

use serde_json::Value;

use crate::support::{Site, run};

const CASE: &str = "content/cases/molde.md";

/// The minimal site with `molde.md` changed by replacing `from` with `to`.
fn site_with(from: &str, to: &str) -> Site {
    let site = Site::fixture("minimal");
    let text = site.read(CASE);
    assert!(text.contains(from), "fixture has no `{from}`");
    site.write(CASE, &text.replacen(from, to, 1));
    site
}

/// A site whose `check --format json` prints far more than a pipe holds
/// (64 KiB on Linux), so the writer is still writing when the reader goes.
fn site_with_many_problems() -> Site {
    let site = site_with("[sykefravaer, kompetanse]", "[sykefravar, kompetanse]");
    let text = site.read(CASE);
    for i in 0..400 {
        site.write(&format!("content/cases/molde-{i}.md"), &text);
    }
    site
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_check_quietly_with_its_exit_code() {
    let site = site_with_many_problems();
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("casebook"));
    cmd.arg("--root")
        .arg(site.root())
        .args(["check", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn casebook");
    let mut stdout = child.stdout.take().expect("stdout");
    // `| head -c 1`: read one byte, then close the pipe while casebook is
    // still writing (the output is larger than the pipe's buffer).
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).expect("one byte");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr text");
    let status = child.wait().expect("casebook ends");
    assert_eq!(&first, b"[");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert_eq!(status.code(), Some(1), "invalid content: exit 1; {stderr}");
}

#[test]
fn check_and_build_name_the_drafts_they_left_out() {
    let site = site_with("language: nb\n", "language: nb\ndraft: true\n");
    site.write(
        "content/cases/rauma.md",
        &site.read(CASE).replace("Molde", "Rauma"),
    );
    let out = run(site.cmd(&["check"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("2 drafts not checked (use --drafts)"),
        "{}",
        out.stderr
    );
    let out = run(site.cmd(&["build", "--out", "public"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("2 drafts not checked (use --drafts)"),
        "{}",
        out.stderr
    );
    let out = run(site.cmd(&["check", "--drafts"]));
    assert!(!out.stderr.contains("not checked"), "{}", out.stderr);
}

#[test]
fn github_format_prints_one_annotation_per_problem() {
    let site = site_with(
        "themes: [sykefravaer, kompetanse]",
        "themes: [sykefravar, kompetanse]",
    );
    let out = run(site.cmd(&["check", "--format", "github"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", out.stdout);
    assert!(
        lines[0].starts_with(
            "::error file=content/cases/molde.md,line=7,col=10,endLine=7,endColumn=20,title=unknown-theme::"
        ),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("sykefravar"), "{}", lines[0]);
    assert!(
        lines[0].contains("%0Ahelp: "),
        "help on its own line: {}",
        lines[0]
    );
}

fn sarif_of(site: &Site) -> Value {
    let out = run(site.cmd(&["check", "--format", "sarif"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", out.stdout))
}

/// A vendored SARIF schema. Both carry the published 2.1.0 text's
/// unbalanced `]` in the pattern of a `language` (of a run and of a tool
/// component), which a strict regex engine refuses; it is replaced by the
/// pattern the text means (`en`, `en-US`).
fn schema(name: &str) -> Value {
    const PUBLISHED: &str = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    const MEANT: &str = r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#;
    let path = crate::support::repo()
        .join("tests/fixtures/sarif")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("vendored schema");
    assert_eq!(text.matches(PUBLISHED).count(), 2, "{name}");
    serde_json::from_str(&text.replace(PUBLISHED, MEANT)).expect("schema is JSON")
}

#[test]
fn sarif_format_is_a_valid_sarif_2_1_0_log_with_one_rule_per_code() {
    let site = site_with(
        "themes: [sykefravaer, kompetanse]",
        "themes: [sykefravar, kompetanse]",
    );
    let text = site
        .read(CASE)
        .replace("status: completed", "status: ferdig");
    site.write(CASE, &text);
    let log = sarif_of(&site);
    for name in ["sarif-schema-2.1.0.json", "sarif-2.1.0-rtm.5.json"] {
        let validator = jsonschema::validator_for(&schema(name)).expect("schema compiles");
        let problems: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{name}: {problems:#?}\n{log:#}");
    }
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    let results = run["results"].as_array().expect("results");
    let mut codes: Vec<&str> = results
        .iter()
        .filter_map(|r| r["ruleId"].as_str())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(rules, codes, "one rule per code");
    assert!(rules.len() >= 2, "{rules:?}");
    let theme = results
        .iter()
        .find(|r| r["ruleId"] == "unknown-theme")
        .expect("unknown-theme result");
    let location = &theme["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], CASE);
    assert_eq!(location["region"]["startLine"], 7);
    assert_eq!(location["region"]["startColumn"], 10);
    assert_eq!(location["region"]["endColumn"], 20);
    assert_eq!(theme["level"], "error");
}

/// `check --format json` of `site`: the exit code and the diagnostics.
fn diagnostics(site: &Site) -> (i32, Vec<Value>) {
    let out = run(site.cmd(&["check", "--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", out.stdout, out.stderr));
    (out.code, value.as_array().cloned().unwrap_or_default())
}

/// The one diagnostic with `code` at `line:column` of the case file; its
/// message and help.
#[track_caller]
fn the_one(site: &Site, code: &str, line: u64, column: u64) -> (String, String) {
    let (_, diags) = diagnostics(site);
    let found: Vec<&Value> = diags.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(found.len(), 1, "{diags:#?}");
    let d = found[0];
    assert_eq!(d["file"], CASE, "{d}");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(line), Some(column)),
        "{d}"
    );
    let message = d["message"].as_str().unwrap_or("").to_owned();
    let help = d["help"].as_str().unwrap_or("").to_owned();
    for jargon in [
        "Options",
        "mapping",
        "scalar",
        "indicator",
        "DuplicateKey",
        "Some(",
        "{:?}",
    ] {
        assert!(!message.contains(jargon) && !help.contains(jargon), "{d}");
    }
    (message, help)
}

#[test]
fn a_repeated_field_is_shown_where_it_was_first_written_too() {
    let site = site_with("summary: Molde", "summary: Kort.\nsummary: Molde");
    let (message, help) = the_one(&site, "yaml-syntax", 13, 1);
    assert!(
        message.contains("`summary` is written twice: first on line 12, column 1"),
        "{message}"
    );
    assert!(help.contains("keep one `summary:`"), "{help}");
}

#[test]
fn a_tab_is_shown_at_the_first_tab() {
    let site = site_with("measures:\n  - Trekant", "measures:\n\t- Trekant");
    let text = site
        .read(CASE)
        .replace("    unit: percent", "\tunit: percent");
    site.write(CASE, &text);
    let (_, diags) = diagnostics(&site);
    let tabs: Vec<(u64, u64, &str)> = diags
        .iter()
        .filter(|d| d["code"] == "yaml-syntax")
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    // Each tab where it is: the first in `measures`, and, read on after
    // that entry, the one in `indicators`.
    assert_eq!(tabs.len(), 2, "{diags:#?}");
    assert_eq!((tabs[0].0, tabs[0].1), (18, 1), "{diags:#?}");
    assert!(tabs[0].2.contains("tab"), "{diags:#?}");
    assert!(tabs[1].0 > 18 && tabs[1].2.contains("tab"), "{diags:#?}");
    assert!(
        diags[0]["help"].as_str().unwrap_or("").contains("spaces"),
        "{diags:#?}"
    );
}

#[test]
fn an_unclosed_quote_is_shown_where_it_opens() {
    let site = site_with("title: Sammen", "title: \"Sammen");
    let (message, help) = the_one(&site, "yaml-syntax", 2, 8);
    assert!(message.contains("never closed"), "{message}");
    assert!(help.contains("on the same line"), "{help}");
}

#[test]
fn an_unclosed_bracket_is_shown_where_it_opens() {
    let site = site_with("kompetanse]", "kompetanse");
    let (message, help) = the_one(&site, "yaml-syntax", 7, 9);
    assert!(message.contains("`[` here is never closed"), "{message}");
    assert!(help.contains("`]`"), "{help}");
}

#[test]
fn a_colon_inside_a_value_is_answered_with_the_value_in_quotes() {
    let site = site_with("arbeidet med", "arbeidet: med");
    let (message, help) = the_one(&site, "yaml-syntax", 12, 24);
    assert!(message.contains("colon"), "{message}");
    assert!(
        help.contains("`summary: \"Molde arbeidet: med nærvær og kompetanse.\"`"),
        "{help}"
    );
}

#[test]
fn a_list_item_where_fields_were_expected_is_named_so() {
    let site = site_with("status: completed", "  - status: completed");
    let (message, help) = the_one(&site, "yaml-syntax", 8, 3);
    assert!(message.contains("list item"), "{message}");
    assert!(help.contains("remove the `- `"), "{help}");
}

#[test]
fn a_line_that_does_not_line_up_is_named_so() {
    let site = site_with("    unit: percent", "      unit: percent");
    let (message, help) = the_one(&site, "yaml-syntax", 26, 7);
    assert!(message.contains("does not line up"), "{message}");
    assert!(help.contains("same column"), "{help}");
}

#[test]
fn a_decimal_comma_in_braces_is_named_not_taken_for_a_field() {
    let site = site_with("value: 9.3 }", "value: 9,3 }");
    let (message, help) = the_one(&site, "wrong-type", 29, 35);
    assert!(message.contains("decimal comma, `9,3`"), "{message}");
    assert_eq!(help, "write the number with a decimal point: `value: 9.3`");
    let (_, diags) = diagnostics(&site);
    assert_eq!(diags.len(), 1, "no unknown field `3`: {diags:#?}");
}

#[test]
fn a_missing_number_is_answered_with_the_municipalitys_own_number_and_county() {
    let site = site_with(
        "municipality: Molde\nmunicipality_number: \"1506\"\ncounty: Møre og Romsdal\n",
        "municipality: Nord-Aurdal\n",
    );
    site.write(
        "content/municipalities.csv",
        "\"code\";\"name\"\n\"1506\";\"Molde\"\n\"3451\";\"Nord-Aurdal\"\n",
    );
    let (_, help) = the_one(&site, "missing-county", 1, 1);
    assert!(
        help.contains("`municipality_number: \"3451\"` and `county: Innlandet`"),
        "{help}"
    );
    assert!(!help.contains("1506") && !help.contains("Møre"), "{help}");
}

#[test]
fn a_norwegian_date_is_answered_with_the_same_day_written_right() {
    let site = site_with("published: 2013-05-02", "published: 10.01.2023");
    let (_, help) = the_one(&site, "invalid-date", 11, 12);
    assert!(help.contains("`published: 2023-01-10`"), "{help}");
}

#[test]
fn an_impossible_date_is_answered_with_the_months_last_day() {
    let site = site_with("published: 2013-05-02", "published: 2015-02-30");
    let (_, help) = the_one(&site, "invalid-date", 11, 12);
    assert!(help.contains("`published: 2015-02-28`"), "{help}");
}

/// `casebook --root <site> ARGS…` without `--lang`: the site's language.
fn in_site_language(site: &Site, args: &[&str]) -> crate::support::Run {
    let mut cmd = assert_cmd::Command::cargo_bin("casebook").expect("binary");
    cmd.arg("--root")
        .arg(site.root())
        .args(args)
        .env("NO_COLOR", "1")
        .timeout(crate::support::HANG_GUARD);
    run(cmd)
}

#[test]
fn check_speaks_the_sites_language_unless_told_otherwise() {
    let site = Site::fixture("minimal");
    let draft = site
        .read(CASE)
        .replace("Molde", "Rauma")
        .replace("language: nb\n", "language: nb\ndraft: true\n");
    site.write("content/cases/rauma.md", &draft);
    let nb = in_site_language(&site, &["check"]);
    assert_eq!(nb.code, 0, "{}", nb.stderr);
    assert!(
        nb.stderr
            .contains("sjekket 1 eksempel og 0 sider: ingen feil"),
        "{}",
        nb.stderr
    );
    assert!(
        nb.stderr
            .contains("1 utkast ble ikke sjekket (bruk --drafts)"),
        "{}",
        nb.stderr
    );

    let yaml = site
        .read("content/site.yaml")
        .replace("language: nb", "language: nn");
    site.write("content/site.yaml", &yaml);
    let nn = in_site_language(&site, &["check"]);
    assert!(
        nn.stderr
            .contains("sjekka 1 eksempel og 0 sider: ingen feil"),
        "{}",
        nn.stderr
    );
    assert!(
        nn.stderr
            .contains("1 utkast vart ikkje sjekka (bruk --drafts)"),
        "{}",
        nn.stderr
    );

    let en = in_site_language(&site, &["--lang", "en", "check"]);
    assert!(
        en.stderr.contains("checked 1 case and 0 pages: no errors"),
        "{}",
        en.stderr
    );
    assert!(
        en.stderr.contains("1 draft not checked (use --drafts)"),
        "{}",
        en.stderr
    );
}

#[test]
fn the_code_of_a_problem_is_the_same_in_every_language() {
    let site = site_with(
        "themes: [sykefravaer, kompetanse]",
        "themes: [sykefravar, kompetanse]",
    );
    let mut codes = Vec::new();
    for lang in ["nb", "nn", "en"] {
        let out = in_site_language(&site, &["--lang", lang, "check", "--format", "json"]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        let diags: Value = serde_json::from_str(&out.stdout).expect("JSON");
        codes.push(diags[0]["code"].clone());
    }
    assert_eq!(codes, ["unknown-theme", "unknown-theme", "unknown-theme"]);
    let out = in_site_language(&site, &["check"]);
    assert!(
        out.stderr.contains("feil: 1 feil i 1 av 1 eksempelfiler"),
        "{}",
        out.stderr
    );
}

#[test]
fn yaml_mistakes_are_told_in_the_editors_language() {
    let site = site_with("summary: Molde", "summary: Kort.\nsummary: Molde");
    let message_in = |args: &[&str]| {
        let out = in_site_language(&site, args);
        let diags: Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert_eq!(diags[0]["code"], "yaml-syntax", "{diags}");
        (
            diags[0]["message"].as_str().unwrap_or("").to_owned(),
            diags[0]["help"].as_str().unwrap_or("").to_owned(),
        )
    };
    let (nb, nb_help) = message_in(&["check", "--format", "json"]);
    assert_eq!(
        nb,
        "feltet `summary` er skrevet to ganger: først på linje 12, kolonne 1, og her igjen"
    );
    assert!(nb_help.contains("behold én `summary:`"), "{nb_help}");
    let (nn, _) = message_in(&["--lang", "nn", "check", "--format", "json"]);
    assert_eq!(
        nn,
        "feltet `summary` er skrive to gonger: først på linje 12, kolonne 1, og her igjen"
    );
}

/// The first diagnostic of `check --format json` run in `lang`.
fn first_in(site: &Site, lang: &str) -> (String, String, String) {
    let out = in_site_language(site, &["--lang", lang, "check", "--format", "json"]);
    let diags: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let d = &diags[0];
    let text = |key: &str| d[key].as_str().unwrap_or("").to_owned();
    (text("code"), text("message"), text("help"))
}

#[test]
fn field_problems_are_told_in_each_language_with_the_same_code() {
    let site = site_with("status: completed", "staus: completed");
    let en = first_in(&site, "en");
    let nb = first_in(&site, "nb");
    let nn = first_in(&site, "nn");
    assert_eq!(
        en,
        (
            "unknown-field".into(),
            "unknown field `staus`".into(),
            "did you mean `status`?".into()
        )
    );
    assert_eq!(
        nb,
        (
            "unknown-field".into(),
            "ukjent felt `staus`".into(),
            "mente du `status`?".into()
        )
    );
    assert_eq!(nn.2, "meinte du `status`?");

    let site = site_with("value: 9.3 }", "value: 9,3 }");
    let (code, message, help) = first_in(&site, "nn");
    assert_eq!(code, "wrong-type");
    assert_eq!(
        message,
        "`value` er skrive med desimalkomma, `9,3`: inni `{ … }` skil komma felta"
    );
    assert_eq!(help, "skriv talet med desimalpunktum: `value: 9.3`");

    let site = site_with("published: 2013-05-02", "published: 2015-02-30");
    let (code, message, help) = first_in(&site, "nb");
    assert_eq!(code, "invalid-date");
    assert_eq!(message, "`2015-02-30` er ikke en ekte dato");
    assert_eq!(help, "skriv `published: 2015-02-28` (år-måned-dag)");
}

#[test]
fn vocabulary_and_required_fields_are_told_in_bokmal_and_nynorsk() {
    let site = site_with(
        "themes: [sykefravaer, kompetanse]",
        "themes: [sykefravar, kompetanse]",
    );
    assert_eq!(
        first_in(&site, "nb"),
        (
            "unknown-theme".into(),
            "ukjent tema `sykefravar`".into(),
            "mente du `sykefravaer`?".into()
        )
    );
    assert_eq!(first_in(&site, "nn").1, "ukjent tema `sykefravar`");

    let site = site_with("need: |\n  Høyt sykefravær.\n", "");
    let (code, nb, nb_help) = first_in(&site, "nb");
    assert_eq!(code, "missing-field");
    assert_eq!(nb, "mangler det påkrevde feltet `need` (Behov)");
    assert!(
        nb_help.starts_with("legg det til i toppfeltene: `need: "),
        "{nb_help}"
    );
    let (_, nn, _) = first_in(&site, "nn");
    assert!(
        nn.starts_with("manglar det påkravde feltet `need` ("),
        "{nn}"
    );
}

#[test]
fn indicators_periods_and_the_register_are_told_in_bokmal_and_nynorsk() {
    let site = site_with("unit: percent", "unit: prosent");
    assert_eq!(first_in(&site, "nb").1, "ukjent enhet `prosent`");
    assert_eq!(first_in(&site, "nn").1, "ukjent eining `prosent`");

    let site = site_with(
        "period: { start: 2012, end: 2015 }",
        "period: { start: 2015, end: 2012 }",
    );
    assert_eq!(
        first_in(&site, "nb"),
        (
            "invalid-period".into(),
            "perioden slutter (2012) før den starter (2015)".into(),
            "bytt om `start` og `end`".into()
        )
    );

    let site = Site::fixture("minimal");
    site.write(
        "content/municipalities.csv",
        "\"code\";\"name\"\n\"1506\";\"Molde\"\n",
    );
    let text = site.read(CASE).replace("\"1506\"", "\"1505\"");
    site.write(CASE, &text);
    let (code, message, help) = first_in(&site, "nn");
    assert_eq!(code, "municipality-number-mismatch");
    assert_eq!(
        message,
        "registeret gir Molde nummeret `1506`, ikkje `1505`"
    );
    assert_eq!(help, "skriv `municipality_number: \"1506\"`");
}

#[test]
fn a_file_without_front_matter_is_told_so_in_nynorsk() {
    let site = Site::fixture("minimal");
    site.write(CASE, "Berre tekst.\n");
    let (code, message, help) = first_in(&site, "nn");
    assert_eq!(code, "no-front-matter");
    assert_eq!(message, "fila startar ikkje med toppfelt");
    assert!(help.starts_with("den første linja må vere `---`"), "{help}");
}

#[test]
fn the_human_format_names_errors_and_help_in_the_editors_language() {
    let site = site_with(
        "themes: [sykefravaer, kompetanse]",
        "themes: [sykefravar, kompetanse]",
    );
    let out = in_site_language(&site, &["check"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("feil: ukjent tema `sykefravar`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("= hjelp: mente du `sykefravaer`?"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--> content/cases/molde.md:7:10"),
        "{}",
        out.stderr
    );
    let out = in_site_language(&site, &["--lang", "en", "check"]);
    assert!(
        out.stderr.contains("error: unknown theme `sykefravar`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("= help: did you mean"),
        "{}",
        out.stderr
    );
}
