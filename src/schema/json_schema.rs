//! The JSON Schema (draft-07) of a case's front matter, for YAML editor
//! plugins (yaml-language-server): completion, hover help and red squiggles
//! while typing. Made from the field description, so it requires exactly
//! what `check` requires; the site's theme and programme ids become enums.

use serde_json::{Map, Value, json};

use super::fields::{FIELDS, Field, Kind, Presence};
use crate::config::{Config, Language};
use crate::norwegian::COUNTIES;

/// The schema as JSON, with the site's ids as enums and the texts in the
/// site's language (bokmål for an English site: cases are nb or nn).
pub fn front_matter_schema(config: &Config) -> Value {
    let language = match config.site.language {
        Language::Nn => Language::Nn,
        _ => Language::Nb,
    };
    let mut schema = object(FIELDS, config, language);
    let conditions: Vec<Value> = FIELDS
        .iter()
        .filter_map(|f| match f.presence {
            Presence::RequiredWhen { key, value, .. } => Some(json!({
                "if": { "properties": { key: { "const": value } }, "required": [key] },
                "then": { "required": [f.key] },
            })),
            _ => None,
        })
        .collect();
    if !conditions.is_empty() {
        schema["allOf"] = Value::Array(conditions);
    }
    schema["$schema"] = json!("http://json-schema.org/draft-07/schema#");
    schema["title"] = json!("casebook case front matter");
    schema
}

/// A mapping of `fields`: no other key, the required ones required.
fn object(fields: &[Field], config: &Config, language: Language) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| (f.key.to_owned(), property(f, config, language)))
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.presence == Presence::Required)
        .map(|f| f.key)
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn property(field: &Field, config: &Config, language: Language) -> Value {
    let mut schema = match field.kind {
        Kind::Text | Kind::Markdown => json!({ "type": "string" }),
        Kind::MarkdownList => {
            json!({ "type": "array", "items": { "type": "string" }, "minItems": 1 })
        }
        Kind::Pattern { pattern } => json!({ "type": "string", "pattern": pattern }),
        Kind::Date => json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }),
        Kind::Year => json!({ "type": "integer", "minimum": 1990, "maximum": 2100 }),
        Kind::Choice { values } => json!({ "type": "string", "enum": values }),
        Kind::County => {
            json!({ "type": "string", "enum": COUNTIES.iter().map(|c| c.name).collect::<Vec<_>>() })
        }
        Kind::Programme => json!({
            "type": "string",
            "enum": config.programmes.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        }),
        Kind::Themes => json!({
            "type": "array",
            "items": {
                "type": "string",
                "enum": config.themes.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            },
            "minItems": 1,
            "uniqueItems": true,
        }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Integer { min } => json!({ "type": "integer", "minimum": min }),
        Kind::Number => json!({ "type": "number" }),
        Kind::PeriodKey => json!({
            "type": ["string", "integer"],
            "pattern": "^[0-9]{4}(-Q[1-4]|-[0-9]{2})?$",
        }),
        Kind::Url => json!({ "type": "string", "pattern": r"^https?://[^\s<>]+$" }),
        Kind::Email => {
            json!({ "type": "string", "format": "email", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$" })
        }
        Kind::Mapping { fields } => object(fields, config, language),
        Kind::List { fields } => json!({
            "type": "array",
            "items": object(fields, config, language),
        }),
    };
    schema["title"] = json!(field.label.get(language));
    let about = field.about.get(language);
    if !about.is_empty() {
        schema["description"] = json!(about);
    }
    schema
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn check(front_matter: &str) -> Vec<crate::diagnostics::Diagnostic> {
        crate::schema::tests::validate(&format!("---\n{front_matter}---\n"))
    }

    /// The field each `missing-field` diagnostic names, from its message.
    fn missing(diagnostics: &[crate::diagnostics::Diagnostic]) -> BTreeSet<String> {
        diagnostics
            .iter()
            .filter(|d| d.code == "missing-field" || d.code == "missing-result")
            .filter_map(|d| d.message.split('`').nth(1).map(str::to_owned))
            .collect()
    }

    fn strings(value: &Value) -> BTreeSet<String> {
        value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn schema_requires_exactly_the_fields_check_reports_missing() {
        let schema = front_matter_schema(&Config::for_tests(&["sykefravaer"]));
        let reported = missing(&check("draft: false\n"));
        assert_eq!(strings(&schema["required"]), reported);
        // Before the schema was made from the description it required these,
        // while `check` only warns when both are missing.
        assert!(!reported.contains("municipality_number") && !reported.contains("county"));
        let completed = missing(&check("status: completed\n"));
        let then: BTreeSet<String> = completed.difference(&reported).cloned().collect();
        assert_eq!(then, BTreeSet::from(["result".to_owned()]));
        assert_eq!(schema["allOf"][0]["then"]["required"], json!(["result"]));
        assert_eq!(
            schema["allOf"][0]["if"]["properties"]["status"]["const"],
            "completed"
        );
    }

    #[test]
    fn schema_lists_exactly_the_validator_fields() {
        let schema = front_matter_schema(&Config::for_tests(&["sykefravaer"]));
        let props: BTreeSet<String> = schema["properties"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        // Every listed key is known to `check`: it reports none as unknown.
        let every: String = props.iter().map(|k| format!("{k}: x\n")).collect();
        assert!(
            !check(&every).iter().any(|d| d.code == "unknown-field"),
            "{:?}",
            check(&every)
        );
        assert!(
            check("colour: x\n")
                .iter()
                .any(|d| d.code == "unknown-field")
        );
        assert_eq!(props.len(), FIELDS.len());
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
    }
}
