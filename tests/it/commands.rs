//! `init`, `new` and `schema`.

use serde_json::Value;

use crate::support::{Site, run};

#[test]
fn init_new_check_round_trip() {
    let dir = tempfile::TempDir::new().expect("temp");
    let root = dir.path().join("x");
    let mut cmd = assert_cmd::Command::cargo_bin("casebook").expect("binary");
    cmd.arg("init").arg(&root);
    let out = run(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ignored = std::fs::read_to_string(root.join(".gitignore")).expect(".gitignore written");
    assert!(ignored.contains("/public\n") && ignored.contains("/.public.casebook-*\n"));
    let site = Site { dir };
    let sub = |args: &[&str]| {
        let mut cmd = assert_cmd::Command::cargo_bin("casebook").expect("binary");
        cmd.arg("--root").arg(&root).args(args);
        run(cmd)
    };
    let out = sub(&["new", "Ålesund"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text =
        std::fs::read_to_string(root.join("content/cases/alesund.md")).expect("new case written");
    assert!(text.contains("draft: true"), "{text}");
    assert!(text.contains("municipality: \"Ålesund\""), "{text}");
    assert!(text.contains("# Behov"), "every field is commented: {text}");
    let out = sub(&["check", "--drafts"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = sub(&["new", "Ålesund"]);
    assert_eq!(out.code, 2, "refuses to overwrite");
    assert!(out.stderr.contains("finnes allerede"), "{}", out.stderr);
    drop(site);
}

#[test]
fn init_never_overwrites() {
    let site = Site::fixture("minimal");
    let before = site.read("content/site.yaml");
    let mut cmd = assert_cmd::Command::cargo_bin("casebook").expect("binary");
    cmd.arg("init").arg(site.root());
    let out = run(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(site.read("content/site.yaml"), before);
    assert!(out.stderr.contains("beholdt"), "{}", out.stderr);
}

#[test]
fn new_fills_number_and_county_from_the_register() {
    let site = Site::fixture("minimal");
    site.write(
        "content/municipalities.csv",
        "code;name\n1506;Molde\n1508;Ålesund\n3449;Sør-Aurdal\n",
    );
    let out = run(site.cmd(&[
        "new",
        "Sør-Aurdal",
        "--programme",
        "rusta",
        "--language",
        "nn",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = site.read("content/cases/sor-aurdal.md");
    assert!(text.contains("municipality_number: \"3449\""), "{text}");
    assert!(text.contains("county: Innlandet"), "{text}");
    assert!(text.contains("programme: rusta"), "{text}");
    assert!(text.contains("language: nn"), "{text}");
    assert!(text.contains("kvifor"), "nynorsk comments: {text}");
    let out = run(site.cmd(&["check", "--drafts"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(site.cmd(&["new", "Ålesnd"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("did you mean `Ålesund`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn schema_is_draft07_with_site_ids_as_enums() {
    let site = Site::fixture("minimal");
    let out = run(site.cmd(&["schema"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let schema: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(
        schema["properties"]["themes"]["items"]["enum"],
        serde_json::json!(["sykefravaer", "heltid-deltid", "kompetanse"])
    );
    assert_eq!(
        schema["properties"]["programme"]["enum"],
        serde_json::json!(["saman", "rusta"])
    );
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(
        required.contains(&"need") && required.contains(&"measures"),
        "{required:?}"
    );
}

#[test]
fn new_offers_the_contact_commented_out_and_it_checks_once_filled_in() {
    let site = Site::fixture("minimal");
    let out = run(site.cmd(&["new", "Hareid"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = site.read("content/cases/hareid.md");
    let line = "# contact: { name: Kari Nordmann, role: Prosjektleder, email: kari@kommune.no }\n";
    assert!(
        text.contains(&format!(
            "# Kontaktperson for prosjektet: navn, rolle og e-post (valgfritt)\n{line}"
        )),
        "{text}"
    );
    site.write(
        "content/cases/hareid.md",
        &text.replace(line, line.trim_start_matches("# ")),
    );
    let out = run(site.cmd(&["check", "--drafts", "--format", "json"]));
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(!out.stdout.contains("contact"), "{}", out.stdout);
}

#[test]
fn schema_requires_only_what_check_requires_and_describes_the_contact() {
    let site = Site::fixture("minimal");
    let out = run(site.cmd(&["schema"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let schema: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        schema["required"],
        serde_json::json!([
            "title",
            "municipality",
            "programme",
            "themes",
            "need",
            "goal",
            "measures"
        ]),
        "check only warns when `municipality_number` and `county` are both missing"
    );
    let contact = &schema["properties"]["contact"];
    assert_eq!(contact["type"], "object");
    assert_eq!(contact["required"], serde_json::json!(["name", "role"]));
    assert_eq!(contact["additionalProperties"], false);
    assert_eq!(contact["title"], "Kontaktperson");
    assert_eq!(contact["properties"]["email"]["format"], "email");
}
