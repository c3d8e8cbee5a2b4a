//! Help lines about the file at hand: the municipality's own number and
//! county (from the register, or the county from the number when there is
//! no register), and a date written the Norwegian way or past the end of
//! its month answered with the day the editor meant.

use serde_json::Value;

use crate::support::{Site, run, site_with};

/// The help of the one diagnostic with `code`, in `lang`.
#[track_caller]
fn help_in(site: &Site, lang: &str, code: &str) -> String {
    let out = run(site.cmd_in(lang, &["check", "--format", "json"]));
    let diags: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", out.stdout, out.stderr));
    let found: Vec<&Value> = diags
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == code)
        .collect();
    assert_eq!(found.len(), 1, "{diags:#}");
    found[0]["help"].as_str().unwrap_or("").to_owned()
}

const NORD_AURDAL: &str = "municipality: Nord-Aurdal\nmunicipality_number: \"3451\"\n";

#[test]
fn an_unknown_county_is_answered_with_the_county_of_the_number_without_a_register() {
    let site = site_with(
        "municipality: Molde\nmunicipality_number: \"1506\"\ncounty: Møre og Romsdal",
        "municipality: Gjøvik\nmunicipality_number: \"3401\"\ncounty: Oppland",
    );
    assert!(!site.path("content/municipalities.csv").exists());
    let en = help_in(&site, "en", "unknown-county");
    assert_eq!(
        en,
        "municipality number `3401` belongs to this county: write `county: Innlandet`"
    );
    let nb = help_in(&site, "nb", "unknown-county");
    assert_eq!(
        nb,
        "kommunenummer `3401` hører til dette fylket: skriv `county: Innlandet`"
    );
}

#[test]
fn a_county_of_the_wrong_type_is_shown_the_county_of_the_number() {
    let site = site_with(
        "municipality_number: \"1506\"\ncounty: Møre og Romsdal",
        "municipality_number: \"3401\"\ncounty: [Innlandet]",
    );
    let help = help_in(&site, "en", "wrong-type");
    assert!(help.contains("`county: Innlandet`"), "{help}");
    let help = help_in(&site, "nn", "wrong-type");
    assert!(help.contains("`county: Innlandet`"), "{help}");
}

#[test]
fn a_malformed_number_is_answered_with_the_registers_own_number() {
    let site = site_with(
        "municipality: Molde\nmunicipality_number: \"1506\"\n",
        "municipality: Nord-Aurdal\nmunicipality_number: \"345\"\n",
    );
    site.write(
        "content/municipalities.csv",
        "\"code\";\"name\"\n\"1506\";\"Molde\"\n\"3451\";\"Nord-Aurdal\"\n",
    );
    let help = help_in(&site, "en", "invalid-municipality-number");
    assert_eq!(
        help,
        "the register has Nord-Aurdal's number: write `municipality_number: \"3451\"`"
    );
    let help = help_in(&site, "nb", "invalid-municipality-number");
    assert!(help.contains("`municipality_number: \"3451\"`"), "{help}");
    assert!(!help.contains("1506"), "{help}");
}

#[test]
fn a_wrong_county_with_the_registers_number_is_answered_with_its_county() {
    let site = site_with(
        "municipality: Molde\nmunicipality_number: \"1506\"\ncounty: Møre og Romsdal",
        &format!("{NORD_AURDAL}county: Opland"),
    );
    site.write(
        "content/municipalities.csv",
        "\"code\";\"name\"\n\"1506\";\"Molde\"\n\"3451\";\"Nord-Aurdal\"\n",
    );
    let help = help_in(&site, "en", "unknown-county");
    assert!(help.contains("`county: Innlandet`"), "{help}");
}

#[test]
fn dates_are_answered_with_the_day_meant_in_every_language() {
    for (written, meant) in [("10.01.2023", "2023-01-10"), ("2015-02-30", "2015-02-28")] {
        let site = site_with("published: 2013-05-02", &format!("published: {written}"));
        let en = help_in(&site, "en", "invalid-date");
        assert_eq!(en, format!("write `published: {meant}` (year-month-day)"));
        let nb = help_in(&site, "nb", "invalid-date");
        assert_eq!(nb, format!("skriv `published: {meant}` (år-måned-dag)"));
        let nn = help_in(&site, "nn", "invalid-date");
        assert!(nn.contains(&format!("`published: {meant}`")), "{nn}");
    }
}
