//! `casebook init`: a skeleton site in the language asked for, with only
//! text an editor can use, and a GitHub Actions workflow that checks with
//! annotations and publishes to GitHub Pages.

use std::path::Path;

use crate::support::run;

/// `casebook [--lang LANG] init DIR`.
fn init(dir: &Path, lang: Option<&str>) {
    let mut cmd = assert_cmd::Command::cargo_bin("casebook").expect("binary");
    if let Some(lang) = lang {
        cmd.args(["--lang", lang]);
    }
    cmd.arg("init").arg(dir);
    let out = run(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

const WORKFLOW: &str = ".github/workflows/casebook.yml";

#[test]
fn init_writes_a_github_workflow_that_checks_with_annotations_and_publishes_pages() {
    let dir = tempfile::TempDir::new().expect("temp");
    init(dir.path(), None);
    let text = std::fs::read_to_string(dir.path().join(WORKFLOW)).expect("workflow written");
    let yaml: serde_json::Value = serde_saphyr::from_str(&text).expect("the workflow is YAML");
    let steps = |job: &str| -> Vec<serde_json::Value> {
        yaml["jobs"][job]["steps"]
            .as_array()
            .unwrap_or_else(|| panic!("job `{job}` has steps: {yaml:#}"))
            .clone()
    };
    let uses = |job| -> Vec<String> {
        steps(job)
            .iter()
            .filter_map(|s| s["uses"].as_str().map(str::to_owned))
            .collect()
    };
    let build_steps = steps("check-and-build");
    let runs: Vec<&str> = build_steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect();
    assert!(runs.contains(&"casebook check --format github"), "{runs:?}");
    assert!(
        runs.iter()
            .any(|r| r.starts_with("casebook build --base-url")),
        "{runs:?}"
    );
    let build_uses = uses("check-and-build");
    assert!(
        build_uses
            .iter()
            .any(|u| u.starts_with("actions/upload-pages-artifact@")),
        "{build_uses:?}"
    );
    let publish_uses = uses("publish");
    assert!(
        publish_uses
            .iter()
            .any(|u| u.starts_with("actions/deploy-pages@")),
        "{publish_uses:?}"
    );
    assert_eq!(yaml["jobs"]["publish"]["permissions"]["pages"], "write");
    assert!(
        text.contains("Sjekker eksemplene"),
        "bokmål comments: {text}"
    );
    for nynorsk in ["Sjekkar", "eksempla", "nettstaden", "éin gong"] {
        assert!(
            !text.contains(nynorsk),
            "nynorsk `{nynorsk}` in a bokmål site"
        );
    }
}

#[test]
fn init_in_nynorsk_writes_the_workflow_with_nynorsk_comments() {
    let dir = tempfile::TempDir::new().expect("temp");
    init(dir.path(), Some("nn"));
    let text = std::fs::read_to_string(dir.path().join(WORKFLOW)).expect("workflow written");
    assert!(text.contains("Sjekkar eksempla"), "{text}");
    for bokmal in ["Sjekker", "eksemplene", "nettstedet", "én gang"] {
        assert!(
            !text.contains(bokmal),
            "bokmål `{bokmal}` in a nynorsk site"
        );
    }
    let nb = tempfile::TempDir::new().expect("temp");
    init(nb.path(), None);
    let strip = |t: &str| -> String {
        t.lines()
            .map(|l| l.split(" #").next().unwrap_or(l))
            .filter(|l| !l.trim_start().starts_with('#') && !l.contains("name:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let nb_text = std::fs::read_to_string(nb.path().join(WORKFLOW)).expect("workflow written");
    assert_eq!(strip(&text), strip(&nb_text), "only the words differ");
}

#[test]
fn init_writes_bokmal_and_no_pointer_to_a_file_the_editor_lacks() {
    let dir = tempfile::TempDir::new().expect("temp");
    init(dir.path(), None);
    let mut written = String::new();
    for rel in [
        "content/site.yaml",
        "content/themes.yaml",
        "content/programmes.yaml",
        "content/pages/om.md",
        "content/cases/README.txt",
        WORKFLOW,
    ] {
        written += &std::fs::read_to_string(dir.path().join(rel)).expect("written");
    }
    assert!(written.contains("language: nb"), "{written}");
    for nynorsk in [
        "lågare",
        "Erfaringar",
        "høyrer",
        "samlar",
        "eitt eksempel",
        "eksempla",
        "Innstillingar",
    ] {
        assert!(
            !written.contains(nynorsk),
            "nynorsk `{nynorsk}` in a bokmål site"
        );
    }
    assert!(!written.contains("README.md i casebook"), "{written}");
}

#[test]
fn init_in_nynorsk_writes_a_nynorsk_site_that_checks() {
    let dir = tempfile::TempDir::new().expect("temp");
    let mut cmd = assert_cmd::Command::cargo_bin("casebook").expect("binary");
    cmd.args(["--lang", "nn", "init"]).arg(dir.path());
    let out = run(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("laga "), "{}", out.stderr);
    let site = std::fs::read_to_string(dir.path().join("content/site.yaml")).expect("site.yaml");
    assert!(site.contains("language: nn"), "{site}");
    assert!(site.contains("Innstillingar for nettstaden"), "{site}");
    let mut cmd = assert_cmd::Command::cargo_bin("casebook").expect("binary");
    cmd.arg("--root").arg(dir.path()).arg("check");
    let out = run(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("sjekka 0 eksempel og 1 side: ingen feil"),
        "{}",
        out.stderr
    );
}
