//! The JSON Schema (draft-07) of a case's front matter, for YAML editor
//! plugins (yaml-language-server): completion, hover help and red squiggles
//! while typing. The site's theme and programme ids become enums.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

use crate::config::Config;

// This struct exists only to describe the front matter to editors; the
// validator reads the spanned YAML tree itself (so it can report every
// problem with its position). A test keeps the two field lists equal.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
/// Forsidedata (front matter) for ein case i casebook.
struct FrontMatter {
    /// Tittel på caset.
    title: String,
    /// Kommunens namn, t.d. «Molde».
    municipality: String,
    /// Kommunenummer med fire siffer, i hermeteikn. Dei to første er fylkesnummeret.
    #[schemars(regex(pattern = r"^[0-9]{4}$"))]
    municipality_number: String,
    /// Fylket (inndelinga frå 2024).
    #[schemars(extend("enum" = ["Oslo", "Rogaland", "Møre og Romsdal", "Nordland", "Østfold", "Akershus", "Buskerud", "Innlandet", "Vestfold", "Telemark", "Agder", "Vestland", "Trøndelag", "Troms", "Finnmark"]))]
    county: String,
    /// Programmet caset høyrer til (id frå programmes.yaml).
    programme: String,
    /// Tema (id-ar frå themes.yaml), minst eitt.
    #[schemars(length(min = 1))]
    themes: Vec<String>,
    /// planned, ongoing eller completed (standard: ongoing).
    status: Option<StatusName>,
    /// Åra arbeidet gjekk føre seg.
    period: Option<Years>,
    /// nb (bokmål) eller nn (nynorsk).
    language: Option<LanguageName>,
    /// Publiseringsdato, ÅÅÅÅ-MM-DD.
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    published: Option<String>,
    /// Sist oppdatert, ÅÅÅÅ-MM-DD.
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    updated: Option<String>,
    /// Éi til to setningar til kort og søkjeresultat (maks 300 teikn).
    summary: Option<String>,
    /// Behov (Markdown).
    need: String,
    /// Mål (Markdown).
    goal: String,
    /// Tiltak: eitt punkt per tiltak (Markdown).
    #[schemars(length(min = 1))]
    measures: Vec<String>,
    /// Resultat (Markdown); påkravd når status er completed.
    result: Option<String>,
    /// Forankring (Markdown).
    anchoring: Option<String>,
    /// Tal som blir teikna som diagram.
    indicators: Option<Vec<IndicatorSchema>>,
    /// Finansiering.
    funding: Option<Vec<FundingSchema>>,
    /// Lenkjer (berre http/https).
    links: Option<Vec<LinkSchema>>,
    /// Utkast blir ikkje publiserte utan --drafts.
    draft: Option<bool>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code, reason = "only its schema is used")]
enum StatusName {
    Planned,
    Ongoing,
    Completed,
}

#[derive(Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code, reason = "only its schema is used")]
enum LanguageName {
    Nb,
    Nn,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
struct Years {
    #[schemars(range(min = 1990, max = 2100))]
    start: i32,
    #[schemars(range(min = 1990, max = 2100))]
    end: Option<i32>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code, reason = "only its schema is used")]
enum UnitName {
    Percent,
    Count,
    Nok,
    Ratio,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
struct IndicatorSchema {
    name: String,
    unit: UnitName,
    lower_is_better: Option<bool>,
    series: Vec<PointSchema>,
    targets: Option<Vec<PointSchema>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
struct PointSchema {
    /// ÅÅÅÅ, ÅÅÅÅ-Qn eller ÅÅÅÅ-MM.
    #[schemars(extend("type" = ["string", "integer"], "pattern" = r"^[0-9]{4}(-Q[1-4]|-[0-9]{2})?$"))]
    period: String,
    value: f64,
    label: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
struct FundingSchema {
    source: String,
    #[schemars(range(min = 0))]
    amount_nok: u64,
    #[schemars(extend("enum" = ["year", "month", "total"]))]
    per: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
struct LinkSchema {
    title: String,
    #[schemars(regex(pattern = r"^https?://[^\s<>]+$"))]
    url: String,
}

/// The schema as JSON, with the site's ids as enums.
pub fn front_matter_schema(config: &Config) -> Value {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<FrontMatter>();
    let mut value = schema.to_value();
    let themes: Vec<Value> = config
        .themes
        .iter()
        .map(|t| Value::from(t.id.clone()))
        .collect();
    let programmes: Vec<Value> = config
        .programmes
        .iter()
        .map(|p| Value::from(p.id.clone()))
        .collect();
    if let Some(items) = value.pointer_mut("/properties/themes/items") {
        items["enum"] = Value::Array(themes);
    }
    if let Some(programme) = value.pointer_mut("/properties/programme") {
        programme["enum"] = Value::Array(programmes);
    }
    value["title"] = Value::from("casebook case front matter");
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_lists_exactly_the_validator_fields() {
        let value = schemars::generate::SchemaSettings::draft07()
            .into_generator()
            .into_root_schema_for::<FrontMatter>()
            .to_value();
        let mut props: Vec<&str> = value["properties"]
            .as_object()
            .map(|m| m.keys().map(String::as_str).collect())
            .unwrap_or_default();
        props.sort_unstable();
        let mut fields = super::super::FIELDS.to_vec();
        fields.sort_unstable();
        assert_eq!(props, fields);
        assert_eq!(value["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(value["additionalProperties"], false);
    }
}
