//! What casebook says to the editor and to the tools around them: the
//! output formats for CI (GitHub annotations, SARIF), drafts named in the
//! summary, a closed pipe, and every message in the editor's language (the
//! site's, or `--lang`).

use std::io::Read;
use std::process::Stdio;

use serde_json::Value;

use crate::support::{CASE, Site, run, site_with};

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

#[test]
fn an_nb_site_an_nn_site_and_lang_en_each_get_their_own_language() {
    let site = site_with("status: completed", "staus: completed");
    let text = site
        .read(CASE)
        .replace("summary: Molde", "summary: Kort.\nsummary: Molde");
    site.write(CASE, &text);
    let told = |args: &[&str]| {
        let json = in_site_language(&site, &[args, &["check", "--format", "json"]].concat());
        let diags: Value = serde_json::from_str(&json.stdout).expect("JSON");
        let human = in_site_language(&site, &[args, &["check"]].concat());
        assert_eq!(human.code, 1, "{}", human.stderr);
        let pick = |code: &str| {
            diags
                .as_array()
                .into_iter()
                .flatten()
                .find(|d| d["code"] == code)
                .map(|d| {
                    format!(
                        "{} | {}",
                        d["message"].as_str().unwrap_or(""),
                        d["help"].as_str().unwrap_or("")
                    )
                })
                .unwrap_or_else(|| panic!("no `{code}` in {diags:#}"))
        };
        (pick("unknown-field"), pick("yaml-syntax"), human.stderr)
    };

    let (field, yaml, human) = told(&[]);
    assert_eq!(field, "ukjent felt `staus` | mente du `status`?");
    assert!(
        yaml.starts_with("feltet `summary` er skrevet to ganger"),
        "{yaml}"
    );
    assert!(
        human.contains("feil: 2 feil i 1 av 1 eksempelfiler"),
        "{human}"
    );
    assert!(human.contains("= hjelp: mente du `status`?"), "{human}");

    let nn = site
        .read("content/site.yaml")
        .replace("language: nb", "language: nn");
    site.write("content/site.yaml", &nn);
    let (field, yaml, human) = told(&[]);
    assert_eq!(field, "ukjent felt `staus` | meinte du `status`?");
    assert!(
        yaml.starts_with("feltet `summary` er skrive to gonger"),
        "{yaml}"
    );
    assert!(human.contains("= hjelp: meinte du `status`?"), "{human}");

    let (field, yaml, human) = told(&["--lang", "en"]);
    assert_eq!(field, "unknown field `staus` | did you mean `status`?");
    assert!(
        yaml.starts_with("the field `summary` is written twice"),
        "{yaml}"
    );
    assert!(
        human.contains("error: 2 problems in 1 of 1 case files"),
        "{human}"
    );
    assert!(human.contains("= help: did you mean `status`?"), "{human}");
}

#[test]
fn help_on_the_command_line_is_in_the_editors_language() {
    let help = |args: &[&str]| {
        let dir = tempfile::TempDir::new().expect("temp");
        let mut cmd = assert_cmd::Command::cargo_bin("casebook").expect("binary");
        cmd.current_dir(dir.path()).args(args);
        let out = run(cmd);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        out.stdout
    };
    // No site here: bokmål.
    let nb = help(&["--help"]);
    for words in [
        "Bruk: casebook",
        "Kommandoer:",
        "Valg:",
        "Vis denne hjelpen",
    ] {
        assert!(nb.contains(words), "{nb}");
    }
    let nn = help(&["--lang", "nn", "check", "--help"]);
    assert!(nn.contains("Sjekk alle eksempel og sider"), "{nn}");
    assert!(nn.contains("Val:") && nn.contains("Ta med utkast"), "{nn}");
    let en = help(&["--lang=en", "--help"]);
    assert!(
        en.contains("Usage: casebook") && en.contains("Commands:"),
        "{en}"
    );
    for lang in ["nb", "nn", "en"] {
        for command in ["init", "new", "check", "build", "serve", "schema"] {
            let text = help(&["--lang", lang, command, "--help"]);
            assert!(text.contains("--root"), "{lang} {command}: {text}");
        }
    }
    // A site's own language, when `--lang` is not given.
    let site = Site::fixture("minimal");
    let yaml = site
        .read("content/site.yaml")
        .replace("language: nb", "language: nn");
    site.write("content/site.yaml", &yaml);
    let out = in_site_language(&site, &["--help"]);
    assert!(out.stdout.contains("Kommandoar:"), "{}", out.stdout);
}
