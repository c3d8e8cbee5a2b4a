//! The rows of DESIGN.md §5's table: the list, one case, saving (200,
//! 409, 422, `version: null`), checking, a new case, the preview, and a
//! save while serve rebuilds.

use std::fs;

use serde_json::json;

use super::{Editor, MOLDE, Req, parse};
use crate::support::Site;

#[test]
fn the_list_gives_every_case_drafts_too_with_its_problems() {
    let site = Site::fixture("minimal");
    site.write(
        "content/cases/utkast.md",
        "---\ntitle: Utkast\nmunicipality: Volda\nthemes: [ukjent]\ndraft: true\n---\n",
    );
    let editor = Editor::start(&site);
    let list = editor.get_json("/_casebook/api/cases");
    let cases = list.as_array().expect("a list");
    let find = |slug: &str| {
        cases
            .iter()
            .find(|c| c["slug"] == slug)
            .unwrap_or_else(|| panic!("{slug} in {list}"))
    };
    let molde = find("molde");
    assert_eq!(molde["title"], "Sammen om en bedre kommune i Molde");
    assert_eq!(molde["municipality"], "Molde");
    assert_eq!(molde["draft"], false);
    assert_eq!(molde["errors"], 0);
    let draft = find("utkast");
    assert_eq!(draft["draft"], true);
    assert!(draft["errors"].as_u64() > Some(0), "{draft}");
    let page = editor.server.get("/_casebook/edit/");
    assert!(
        page.body.contains("href=\"/_casebook/edit/utkast/\""),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("href=\"/cases/molde/\""),
        "{}",
        page.body
    );
}

#[test]
fn a_case_comes_with_its_front_matter_body_and_version() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let case = editor.get_json("/_casebook/api/cases/molde");
    assert_eq!(case["slug"], "molde");
    assert_eq!(case["front_matter"]["municipality_number"], "1506");
    assert_eq!(
        case["front_matter"]["indicators"][0]["series"][1],
        json!({ "period": "2012-Q2", "value": 8.5 })
    );
    assert_eq!(case["body"], "Reportasjen.\n");
    assert_eq!(case["version"].as_str().map(str::len), Some(32));
    assert_eq!(
        editor.server.get("/_casebook/api/cases/nowhere").status,
        404
    );
    for bad in ["Molde", "molde_2", "%2e%2e", "..", "m%C3%B8re", "a.md"] {
        let target = format!("/_casebook/api/cases/{bad}");
        assert_eq!(editor.server.get(&target).status, 400, "{bad}");
    }
    assert_eq!(editor.server.get("/_casebook/edit/molde/").status, 200);
    assert_eq!(editor.server.get("/_casebook/edit/nowhere/").status, 404);
}

#[test]
fn a_save_writes_the_file_and_a_stale_version_is_refused() {
    let site = Site::fixture("minimal");
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(site.path(MOLDE), fs::Permissions::from_mode(0o640)).expect("chmod");
        || {
            fs::metadata(site.path(MOLDE))
                .expect("meta")
                .permissions()
                .mode()
                & 0o777
        }
    };
    let editor = Editor::start(&site);
    let case = editor.get_json("/_casebook/api/cases/molde");
    let mut front = case["front_matter"].clone();
    front["title"] = json!("Nærvær i Molde");
    front["indicators"][0]["series"][0]["value"] = json!(9.5);
    let saved = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "Ny tekst.\n", "version": case["version"] }),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    #[cfg(unix)]
    assert_eq!(mode(), 0o640, "the file keeps its permissions");
    let saved = parse(&saved);
    let text = site.read(MOLDE);
    assert!(
        text.starts_with("---\ntitle: Nærvær i Molde\nmunicipality: Molde\n"),
        "{text}"
    );
    assert!(
        text.contains("      - { period: 2012-Q1, value: 9.5 }\n"),
        "{text}"
    );
    assert!(text.ends_with("---\nNy tekst.\n"), "{text}");
    assert_eq!(
        editor.get_json("/_casebook/api/cases/molde")["version"],
        saved["version"]
    );
    assert!(saved["diagnostics"].is_array());
    let check = site.cmd(&["check"]).output().expect("check");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // The form was opened before that save: nothing is written, and the
    // file's own version comes back to be shown beside the form's.
    front["title"] = json!("En annen tittel");
    let stale = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "", "version": case["version"] }),
    );
    assert_eq!(stale.status, 409, "{}", stale.body);
    let stale = parse(&stale);
    assert_eq!(stale["current"]["front_matter"]["title"], "Nærvær i Molde");
    assert_eq!(stale["current"]["version"], saved["version"]);
    assert_eq!(site.read(MOLDE), text);
    // The case page shows the save (serve rebuilt it through its watcher).
    editor
        .server
        .wait_for("/cases/molde/", "the new title", |r| {
            r.body.contains("Nærvær i Molde")
        });
}

#[test]
fn a_case_with_errors_is_saved_only_as_a_draft() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let before = site.read(MOLDE);
    let case = editor.get_json("/_casebook/api/cases/molde");
    let mut front = case["front_matter"].clone();
    front["themes"] = json!(["sykefravar"]);
    let refused = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "x\n", "version": case["version"] }),
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    let refused = parse(&refused);
    let problem = &refused["diagnostics"][0];
    assert_eq!(problem["code"], "unknown-theme", "{refused}");
    assert_eq!(problem["field"], "themes", "{refused}");
    assert_eq!(site.read(MOLDE), before, "nothing written");

    front["draft"] = json!(true);
    let saved = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "x\n", "version": case["version"] }),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert!(site.read(MOLDE).contains("themes: [sykefravar]\n"));
    assert!(site.read(MOLDE).contains("\ndraft: true\n---\n"));
}

#[test]
fn version_null_creates_a_case_and_is_409_when_it_exists() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let front = json!({
        "title": "Heltid i Volda",
        "municipality": "Volda",
        "programme": "saman",
        "themes": ["heltid-deltid"],
        "need": "Mange deltidsstillinger.\n",
        "goal": "Flere hele stillinger.\n",
        "measures": ["Heltidsprosjekt."],
        "draft": true,
    });
    let created = editor.put_case(
        "volda",
        &json!({ "front_matter": front, "body": "", "version": null }),
    );
    assert_eq!(created.status, 200, "{}", created.body);
    assert!(
        site.read("content/cases/volda.md")
            .contains("title: Heltid i Volda\n")
    );
    let again = editor.put_case(
        "volda",
        &json!({ "front_matter": front, "body": "", "version": null }),
    );
    assert_eq!(again.status, 409, "{}", again.body);
    let existing = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "", "version": null }),
    );
    assert_eq!(existing.status, 409, "{}", existing.body);
    assert!(site.read(MOLDE).contains("Molde"));
}

#[test]
fn the_check_reports_every_problem_at_its_field() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let front = json!({
        "title": "T",
        "municipality": "Molde",
        "programme": "saman",
        "themes": ["sykefravaer"],
        "need": "N\n",
        "goal": "G\n",
        "measures": ["M"],
        "indicators": [{
            "name": "Sykefravær",
            "unit": "percent",
            "series": [{ "period": "2023-Q1", "value": 9.5 }, { "period": "2023-Q9", "value": 8.7 }],
        }],
        "summary": "x".repeat(301),
    });
    let checked = editor.send(editor.signed(Req::new("POST", "/_casebook/api/check").json(
        &json!({
            "front_matter": front, "body": "",
        }),
    )));
    assert_eq!(checked.status, 200, "{}", checked.body);
    let checked = parse(&checked);
    let fields: Vec<&str> = checked["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["field"].as_str())
        .collect();
    assert!(fields.contains(&"indicators.0.series.1"), "{checked}");
    assert!(fields.contains(&"summary"), "{checked}");
    assert!(
        !site.path("content/cases/case.md").exists(),
        "a check writes nothing"
    );
    let broken = editor
        .send(editor.signed(
            Req::new("POST", "/_casebook/api/check").json(&json!({ "front_matter": [1] })),
        ));
    assert_eq!(broken.status, 400, "{}", broken.body);
    let mut not_json = editor.signed(Req::new("POST", "/_casebook/api/check"));
    not_json.body = b"{not json".to_vec();
    assert_eq!(editor.send(not_json).status, 400);
}

#[test]
fn a_new_case_is_made_as_casebook_new_makes_it() {
    let site = Site::fixture("minimal");
    site.write(
        "content/municipalities.csv",
        "code;name\n1508;Ålesund\n1506;Molde\n",
    );
    let editor = Editor::start(&site);
    let fields = editor.get_json("/_casebook/api/fields");
    assert!(
        fields["fields"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["key"] == "need")),
        "{fields}"
    );
    assert_eq!(fields["municipalities"][0]["name"], "Ålesund");
    assert_eq!(fields["municipalities"][0]["county"], "Møre og Romsdal");
    let page = editor.server.get("/_casebook/edit/");
    assert!(
        page.body.contains("<option value=\"Ålesund\">"),
        "{}",
        page.body
    );

    let new = |municipality: &str| {
        editor.send(
            editor.signed(Req::new("POST", "/_casebook/api/cases").json(&json!({
                "municipality": municipality, "programme": "saman", "language": "nn",
            }))),
        )
    };
    let created = new("ålesund");
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(parse(&created)["slug"], "alesund");
    let text = site.read("content/cases/alesund.md");
    assert!(text.contains("municipality: \"Ålesund\"\n"), "{text}");
    assert!(text.contains("municipality_number: \"1508\"\n"), "{text}");
    assert!(text.contains("language: nn\n"), "{text}");
    assert_eq!(new("Ålesund").status, 409);
    let unknown = new("Ålesunn");
    assert_eq!(unknown.status, 400);
    assert!(
        unknown.body.contains("Ålesund"),
        "a suggestion: {}",
        unknown.body
    );
}

#[test]
fn the_preview_is_rendered_and_sanitised_as_the_site_is() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let response = editor.send(
        editor.signed(Req::new("POST", "/_casebook/api/preview").json(
            &json!({ "markdown": "**Sterk** tekst\n\n<script>alert(1)</script>\n\n# Overskrift" }),
        )),
    );
    assert_eq!(response.status, 200, "{}", response.body);
    let html = parse(&response)["html"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(html.contains("<strong>Sterk</strong>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(
        html.contains("<h3"),
        "headings start below the page's: {html}"
    );
}

#[test]
fn a_save_while_serve_rebuilds_is_kept_and_shown() {
    let site = Site::fixture("minimal");
    site.write(
        "content/cases/volda.md",
        &site
            .read(MOLDE)
            .replace("Molde", "Volda")
            .replace("\"1506\"", "\"1577\""),
    );
    let editor = Editor::start(&site);
    let case = editor.get_json("/_casebook/api/cases/volda");
    // Start a rebuild with an edit on disk (saved by rename, as many
    // editors save), and save while it runs.
    let text = site
        .read(MOLDE)
        .replace("Reportasjen.", "Endret på disken.");
    site.write("content/cases/.molde.md.tmp", &text);
    fs::rename(site.path("content/cases/.molde.md.tmp"), site.path(MOLDE)).expect("rename");
    let mut front = case["front_matter"].clone();
    front["title"] = json!("Lagret under ombygging");
    let saved = editor.put_case(
        "volda",
        &json!({ "front_matter": front, "body": "Lagret.\n", "version": case["version"] }),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    editor
        .server
        .wait_for("/cases/volda/", "the saved title", |r| {
            r.body.contains("Lagret under ombygging")
        });
    editor
        .server
        .wait_for("/cases/molde/", "the edit on disk", |r| {
            r.body.contains("Endret på disken.")
        });
    assert!(
        site.read("content/cases/volda.md")
            .contains("Lagret under ombygging")
    );
}
