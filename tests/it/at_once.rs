//! Every problem at once, as far as the file can be read: after a YAML
//! mistake the broken entry is left out and the rest is checked, so fixing
//! the mistake brings no second round of problems. Where it is not
//! possible (the broken entry itself) is asserted too.

use serde_json::Value;

use crate::support::{Site, run};

const CASE: &str = "content/cases/molde.md";

fn diagnostics(site: &Site, lang: &str) -> Vec<Value> {
    let out = run(site.cmd_in(lang, &["check", "--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", out.stdout, out.stderr));
    value.as_array().cloned().unwrap_or_default()
}

/// `code@line:column` of each diagnostic, in order.
fn places(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            format!(
                "{}@{}:{}",
                d["code"].as_str().unwrap_or(""),
                d["line"],
                d["column"]
            )
        })
        .collect()
}

/// The minimal case with a repeated `summary` (a YAML mistake) and three
/// schema problems after it, before it and in another field.
fn broken() -> (Site, String) {
    let site = Site::fixture("minimal");
    let text = site
        .read(CASE)
        .replace("programme: saman", "programme: samen")
        .replace("summary: Molde", "summary: Kort.\nsummary: Molde")
        .replace("[sykefravaer, kompetanse]", "[sykefravar, kompetanse]")
        .replace(
            "period: { start: 2012, end: 2015 }",
            "period: { start: 2016, end: 2015 }",
        );
    site.write(CASE, &text);
    (site, text)
}

#[test]
fn a_yaml_mistake_does_not_hide_the_other_problems_of_the_file() {
    let (site, text) = broken();
    for lang in ["en", "nb"] {
        let diags = diagnostics(&site, lang);
        assert_eq!(
            places(&diags),
            [
                "unknown-programme@6:12",
                "unknown-theme@7:10",
                "invalid-period@9:29",
                "yaml-syntax@13:1",
            ],
            "{diags:#?}"
        );
    }
    // Fixing the YAML mistake brings no second round.
    site.write(CASE, &text.replace("summary: Kort.\n", ""));
    let after = diagnostics(&site, "en");
    assert_eq!(
        places(&after),
        [
            "unknown-programme@6:12",
            "unknown-theme@7:10",
            "invalid-period@9:29",
        ],
        "{after:#?}"
    );
}

#[test]
fn several_yaml_mistakes_are_each_reported_where_they_are() {
    let site = Site::fixture("minimal");
    let text = site
        .read(CASE)
        .replace("title: Sammen", "title: \"Sammen")
        .replace("  - Lean-navigatører.", "\t- Lean-navigatører.")
        .replace("programme: saman", "programme: samen");
    site.write(CASE, &text);
    let diags = diagnostics(&site, "en");
    assert_eq!(
        places(&diags),
        [
            "yaml-syntax@2:8",
            "unknown-programme@6:12",
            "yaml-syntax@19:1"
        ],
        "{diags:#?}"
    );
    // The blanked fields are there, only unreadable: not "missing" too.
    assert!(
        diags.iter().all(|d| d["code"] != "missing-field"),
        "{diags:#?}"
    );
}

/// The limit: the entry that holds the YAML mistake is not read, so a
/// problem inside it shows only once the mistake is fixed.
#[test]
fn a_problem_inside_the_broken_entry_waits_for_the_yaml_fix() {
    let site = Site::fixture("minimal");
    let text = site
        .read(CASE)
        .replace("[sykefravaer, kompetanse]", "[sykefravar, kompetanse")
        .replace("programme: saman", "programme: samen");
    site.write(CASE, &text);
    let diags = diagnostics(&site, "en");
    assert_eq!(
        places(&diags),
        ["unknown-programme@6:12", "yaml-syntax@7:9"],
        "{diags:#?}"
    );
    site.write(CASE, &text.replace("kompetanse\n", "kompetanse]\n"));
    let diags = diagnostics(&site, "en");
    assert_eq!(
        places(&diags),
        ["unknown-programme@6:12", "unknown-theme@7:10"],
        "{diags:#?}"
    );
}
