//! Plain words for YAML mistakes: each says what is wrong and how to write
//! it right, at the line and column of the real mistake, with no parser
//! jargon; and help lines about the file at hand.

use serde_json::Value;

use crate::support::{CASE, Site, run, site_with};

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
