//! The case file the editor writes: front matter (JSON from the form) as
//! YAML a person can still read and edit by hand, then the body; and the
//! way back, a case file read into JSON for the form.
//!
//! Written by hand rather than with serde-saphyr's serializer because the
//! file has one shape with rules of its own: the fields in the order of
//! `casebook new`'s template (the field description), Markdown as `|`
//! block scalars, indicator values as flow mappings
//! (`{ period: 2023-Q1, value: 9.5 }`), short lists and mappings in flow
//! style. Every scalar is written plain only when our YAML reader reads it
//! back as the same string, and the whole document is read back and
//! compared before it is used, so a value never changes on its way to disk.

use serde_json::{Map, Number, Value};

use super::scalar::{block_scalar, flow_scalar, inline_string, scalar, scalar_key};
use crate::content::split_front_matter;
use crate::schema::fields::{FIELDS, Field, Kind};
use crate::yaml::{self, Node};

/// The longest line a flow list or mapping is written on; longer ones are
/// written as blocks.
const FLOW_WIDTH: usize = 100;

/// The deepest nesting written (a case needs 5 levels).
const MAX_DEPTH: usize = 8;

/// A case file's text, with the front-matter path each of its lines writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The whole file: `---`, the YAML, `---`, the body.
    pub text: String,
    /// For the file's line `n` (1-based), `paths[n - 1]`: the field it
    /// writes (`need`, `measures.2`, `indicators.0.series.1`); the fences
    /// are `""` and the body's lines are `body`.
    pub paths: Vec<String>,
}

impl Written {
    /// The field a problem at the file's `line` (1-based) is about.
    pub fn path_at(&self, line: usize) -> &str {
        match line.checked_sub(1).and_then(|i| self.paths.get(i)) {
            Some(path) => path,
            None if line > self.paths.len() => "body",
            None => "",
        }
    }
}

/// Why front matter cannot be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// The front matter is not a JSON object.
    #[error("the front matter must be an object of fields")]
    NotAnObject,
    /// It nests deeper than any case does.
    #[error("the front matter nests deeper than {MAX_DEPTH} levels")]
    TooDeep,
    /// What was written does not read back as the same value (a value
    /// YAML cannot hold as it is).
    #[error("`{0}` cannot be written so that it reads back the same")]
    NotKept(String),
}

/// Writes `front` and `body` as a case file.
pub fn write(front: &Value, body: &str) -> Result<Written, WriteError> {
    let Value::Object(map) = front else {
        return Err(WriteError::NotAnObject);
    };
    let mut w = Writer::default();
    w.line("", "---".into());
    w.block_map(map, FIELDS, 0, "", None, 0)?;
    w.line("", "---".into());
    let yaml_end = w.out.len() - "---\n".len();
    let yaml = &w.out["---\n".len()..yaml_end];
    let read = yaml::parse(yaml).map_err(|e| WriteError::NotKept(e.message))?;
    let expected = without_nulls(front);
    if !same(&to_json(&read), &expected) {
        return Err(WriteError::NotKept(first_difference(
            &to_json(&read),
            &expected,
        )));
    }
    let mut text = w.out;
    text.push_str(body);
    let body_lines = body.split('\n').count();
    let mut paths = w.paths;
    paths.extend(std::iter::repeat_n("body".to_owned(), body_lines));
    Ok(Written { text, paths })
}

/// A case file read for the form.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    /// The front matter; `None` when the file has no readable front matter
    /// (its diagnostics say why).
    pub front_matter: Option<Value>,
    /// The text after the front matter (the whole file when there is none).
    pub body: String,
}

/// Reads a case file's front matter into JSON and keeps its body.
pub fn read(text: &str) -> Read {
    match split_front_matter(text) {
        Ok(split) => Read {
            front_matter: yaml::parse(split.yaml).ok().map(|n| to_json(&n)),
            body: split.body.to_owned(),
        },
        Err(_) => Read {
            front_matter: None,
            body: text.to_owned(),
        },
    }
}

/// A parsed YAML tree as JSON.
pub fn to_json(node: &Node) -> Value {
    match &node.value {
        yaml::Value::Null => Value::Null,
        yaml::Value::Bool(b) => Value::Bool(*b),
        yaml::Value::Int(i) => Value::Number((*i).into()),
        yaml::Value::Float(f) => {
            Number::from_f64(*f).map_or_else(|| Value::String(f.to_string()), Value::Number)
        }
        yaml::Value::Str(s) => Value::String(s.clone()),
        yaml::Value::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        yaml::Value::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.name.clone(), to_json(v)))
                .collect(),
        ),
    }
}

/// `value` with every mapping entry whose value is null left out: the
/// writer leaves them out (an empty field of the form is no field).
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Equal, numbers compared by value (`2` and `2.0` differ in kind only
/// where YAML keeps the kind, which the writer does).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x.is_f64() == y.is_f64() && x.as_f64() == y.as_f64()
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The key of the first top-level field that differs.
fn first_difference(read: &Value, expected: &Value) -> String {
    if let (Value::Object(r), Value::Object(e)) = (read, expected) {
        for (k, v) in e {
            if !r.get(k).is_some_and(|w| same(w, v)) {
                return k.clone();
            }
        }
    }
    "front matter".into()
}

#[derive(Default)]
struct Writer {
    out: String,
    paths: Vec<String>,
}

/// How a field's strings are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Text {
    /// Markdown: a `|` block whenever one reads back.
    Markdown,
    /// A block only when the text has several lines.
    Plain,
}

impl Writer {
    fn line(&mut self, path: &str, text: String) {
        self.out.push_str(&text);
        self.out.push('\n');
        self.paths.push(path.to_owned());
    }

    /// Writes the entries of `map` at `indent`, known fields first in the
    /// description's order, then the others. The first line starts with
    /// `first` (a list item's `- `) when given.
    fn block_map(
        &mut self,
        map: &Map<String, Value>,
        fields: &'static [Field],
        indent: usize,
        path: &str,
        mut first: Option<String>,
        depth: usize,
    ) -> Result<(), WriteError> {
        if depth > MAX_DEPTH {
            return Err(WriteError::TooDeep);
        }
        let known = fields
            .iter()
            .filter_map(|f| map.get(f.key).map(|v| (f.key, v, Some(f))));
        let others = map
            .iter()
            .filter(|(k, _)| !fields.iter().any(|f| f.key == k.as_str()))
            .map(|(k, v)| (k.as_str(), v, None));
        for (key, value, field) in known.chain(others) {
            if value.is_null() {
                continue;
            }
            let prefix = first.take().unwrap_or_else(|| " ".repeat(indent));
            let child = join(path, key);
            self.entry(&prefix, key, value, field, indent, &child, depth)?;
        }
        if let Some(prefix) = first {
            // An item whose fields are all empty.
            self.line(path, format!("{prefix}{{}}"));
        }
        Ok(())
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "the position (prefix, indent, path, depth) travels together"
    )]
    fn entry(
        &mut self,
        prefix: &str,
        key: &str,
        value: &Value,
        field: Option<&'static Field>,
        indent: usize,
        path: &str,
        depth: usize,
    ) -> Result<(), WriteError> {
        let key = scalar_key(key);
        let text = match field.map(|f| f.kind) {
            Some(Kind::Markdown) => Text::Markdown,
            _ => Text::Plain,
        };
        let fields = field.map_or(&[][..], Field::fields);
        let head = format!("{prefix}{key}:");
        match value {
            Value::String(s) => self.string(&head, s, text, indent, path),
            Value::Object(map) => match flow_map(map, fields, head.len() + 1) {
                Some(flow) => self.line(path, format!("{head} {flow}")),
                None => {
                    self.line(path, head);
                    self.block_map(map, fields, indent + 2, path, None, depth + 1)?;
                }
            },
            Value::Array(items) => match flow_list(items, head.len() + 1) {
                Some(flow) => self.line(path, format!("{head} {flow}")),
                None => {
                    self.line(path, head);
                    let text = match field.map(|f| f.kind) {
                        Some(Kind::MarkdownList) => Text::Plain,
                        _ => text,
                    };
                    for (i, item) in items.iter().enumerate() {
                        let child = join(path, &i.to_string());
                        self.item(item, fields, text, indent + 2, &child, depth + 1)?;
                    }
                }
            },
            other => self.line(path, format!("{head} {}", scalar(other))),
        }
        Ok(())
    }

    fn item(
        &mut self,
        value: &Value,
        fields: &'static [Field],
        text: Text,
        indent: usize,
        path: &str,
        depth: usize,
    ) -> Result<(), WriteError> {
        if depth > MAX_DEPTH {
            return Err(WriteError::TooDeep);
        }
        let dash = format!("{}- ", " ".repeat(indent));
        match value {
            Value::String(s) => self.string(dash.trim_end(), s, text, indent, path),
            Value::Object(map) => match flow_map(map, fields, dash.len()) {
                Some(flow) => self.line(path, format!("{dash}{flow}")),
                None => self.block_map(map, fields, indent + 2, path, Some(dash), depth + 1)?,
            },
            Value::Array(items) => match flow_list(items, dash.len()) {
                Some(flow) => self.line(path, format!("{dash}{flow}")),
                None => {
                    self.line(path, dash.trim_end().to_owned());
                    for (i, item) in items.iter().enumerate() {
                        let child = join(path, &i.to_string());
                        self.item(item, &[], text, indent + 2, &child, depth + 1)?;
                    }
                }
            },
            other => self.line(path, format!("{dash}{}", scalar(other))),
        }
        Ok(())
    }

    /// `head` (`key:` or `-`) and the string: on the same line when it has
    /// one line and is not Markdown, else as a block indented under it.
    fn string(&mut self, head: &str, s: &str, text: Text, indent: usize, path: &str) {
        let block = (text == Text::Markdown || s.contains('\n'))
            .then(|| block_scalar(s, indent + 2))
            .flatten();
        match block {
            Some((indicator, lines)) => {
                self.line(path, format!("{head} {indicator}"));
                for line in lines {
                    self.line(path, line);
                }
            }
            None => self.line(path, format!("{head} {}", inline_string(s, false))),
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `[a, b]` when every item is a one-line scalar and the line fits.
fn flow_list(items: &[Value], column: usize) -> Option<String> {
    if items.is_empty() {
        return Some("[]".into());
    }
    let mut parts = Vec::with_capacity(items.len());
    for item in items {
        parts.push(flow_scalar(item)?);
    }
    let flow = format!("[{}]", parts.join(", "));
    (column + flow.len() <= FLOW_WIDTH).then_some(flow)
}

/// `{ period: 2023-Q1, value: 9.5 }` when every value is a one-line
/// scalar and the line fits.
fn flow_map(map: &Map<String, Value>, fields: &'static [Field], column: usize) -> Option<String> {
    if map.values().all(Value::is_null) {
        return Some("{}".into());
    }
    let known = fields
        .iter()
        .filter_map(|f| map.get(f.key).map(|v| (f.key, v)));
    let others = map
        .iter()
        .filter(|(k, _)| !fields.iter().any(|f| f.key == k.as_str()))
        .map(|(k, v)| (k.as_str(), v));
    let mut parts = Vec::new();
    for (key, value) in known.chain(others) {
        if value.is_null() {
            continue;
        }
        if fields
            .iter()
            .any(|f| f.key == key && matches!(f.kind, Kind::Markdown))
        {
            return None;
        }
        parts.push(format!(
            "{}: {}",
            inline_string(key, true),
            flow_scalar(value)?
        ));
    }
    let flow = format!("{{ {} }}", parts.join(", "));
    (column + flow.len() <= FLOW_WIDTH).then_some(flow)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn yaml_of(front: &Value) -> String {
        write(front, "Body.\n").expect("writes").text
    }

    #[test]
    fn fields_follow_the_template_order_and_markdown_is_a_block() {
        let text = yaml_of(&json!({
            "draft": true,
            "need": "Første avsnitt.\n\nAndre avsnitt.\n",
            "title": "Heltid i Ålesund",
            "themes": ["sykefravaer", "heltid-deltid"],
            "municipality_number": "1508",
            "period": { "end": 2024, "start": 2023 },
        }));
        assert_eq!(
            text,
            "---\ntitle: Heltid i Ålesund\nmunicipality_number: \"1508\"\n\
             themes: [sykefravaer, heltid-deltid]\nperiod: { start: 2023, end: 2024 }\n\
             need: |\n  Første avsnitt.\n\n  Andre avsnitt.\ndraft: true\n---\nBody.\n"
        );
    }

    #[test]
    fn series_points_are_flow_mappings_under_their_indicator() {
        let text = yaml_of(&json!({
            "indicators": [{
                "series": [
                    { "value": 9.5, "period": "2023-Q1" },
                    { "period": "2023-Q2", "value": 8.0 },
                    { "period": "2024", "value": 7 }
                ],
                "name": "Sykefravær",
                "unit": "percent",
            }],
        }));
        assert_eq!(
            text,
            "---\nindicators:\n  - name: Sykefravær\n    unit: percent\n    series:\n\
             \x20     - { period: 2023-Q1, value: 9.5 }\n      - { period: 2023-Q2, value: 8.0 }\n\
             \x20     - { period: \"2024\", value: 7 }\n---\nBody.\n"
        );
    }

    #[test]
    fn strings_that_read_as_something_else_are_quoted() {
        for s in [
            "true",
            "no",
            "1506",
            "9.5",
            "null",
            "~",
            "- item",
            "a: b",
            "x #y",
            "[x]",
            "",
            " lead",
            "'",
            "\"",
            "tab\there",
            "bell\u{7}",
            "ends:",
        ] {
            let text = yaml_of(&json!({ "title": s, "themes": [s] }));
            let read = read(&text);
            assert_eq!(
                read.front_matter,
                Some(json!({ "title": s, "themes": [s] })),
                "{s:?} in\n{text}"
            );
        }
        assert!(yaml_of(&json!({ "language": "nn" })).contains("language: nn\n"));
    }

    #[test]
    fn block_texts_keep_their_trailing_lines_and_odd_ones_are_quoted() {
        for s in [
            "no newline",
            "one\n",
            "two\n\n",
            "\n\nleading",
            "  indented code\n",
            "spaces   \n  \nline",
            "tab\tinside\n",
        ] {
            let front = json!({ "need": s, "measures": [s, "kort"] });
            let text = yaml_of(&front);
            assert_eq!(read(&text).front_matter, Some(front), "{s:?} in\n{text}");
        }
    }

    #[test]
    fn lines_are_mapped_to_their_fields() {
        let written = write(
            &json!({
                "title": "T",
                "measures": ["a", "b\nc"],
                "indicators": [{ "name": "N", "series": [{ "period": "2020", "value": 1 }] }],
            }),
            "Body\nmore\n",
        )
        .expect("writes");
        let at = |needle: &str| {
            let line = written
                .text
                .lines()
                .position(|l| l.contains(needle))
                .expect("line")
                + 1;
            written.path_at(line).to_owned()
        };
        assert_eq!(at("title"), "title");
        assert_eq!(at("- a"), "measures.0");
        assert_eq!(at("    c"), "measures.1");
        assert_eq!(at("name: N"), "indicators.0.name");
        assert_eq!(at("value: 1"), "indicators.0.series.0");
        assert_eq!(at("more"), "body");
        assert_eq!(written.path_at(1), "");
    }

    /// Every case shipped in `content/cases/` and the fixture sites, read
    /// into the form's JSON and written back, validates to the same case
    /// with the same problems.
    #[test]
    fn shipped_cases_round_trip_through_the_writer() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut roots = vec![repo.to_path_buf()];
        for entry in std::fs::read_dir(repo.join("tests/fixtures/sites")).expect("fixtures") {
            roots.push(entry.expect("entry").path());
        }
        let mut checked = 0;
        for root in roots {
            let Ok(config) = crate::pipeline::load_config(&root) else {
                continue;
            };
            let found = crate::content::find(&root);
            let vocab = crate::schema::Vocabulary {
                config: &config,
                media: &found.media,
                today: jiff::civil::date(2026, 12, 3),
            };
            for path in &found.cases {
                let file = crate::content::read_source(&root, path).expect("readable");
                let before = crate::schema::validate_case(&file, &vocab);
                let read = read(&file.text);
                let Some(front) = read.front_matter else {
                    continue;
                };
                let written =
                    write(&front, &read.body).unwrap_or_else(|e| panic!("{}: {e}", file.rel));
                let again = crate::content::SourceFile {
                    text: written.text.clone(),
                    ..file.clone()
                };
                let after = crate::schema::validate_case(&again, &vocab);
                let json = |c: &Option<crate::schema::Case>| serde_json::to_value(c).expect("json");
                assert_eq!(
                    json(&after.case),
                    json(&before.case),
                    "{}:\n{}",
                    file.rel,
                    written.text
                );
                let codes = |d: &[crate::diagnostics::Diagnostic]| {
                    d.iter().map(|d| d.code).collect::<Vec<_>>()
                };
                assert_eq!(
                    codes(&after.diagnostics),
                    codes(&before.diagnostics),
                    "{}:\n{}",
                    file.rel,
                    written.text
                );
                assert_eq!(read.body, self::read(&written.text).body);
                checked += usize::from(before.case.is_some());
            }
        }
        assert!(checked >= 20, "only {checked} valid cases round-tripped");
    }

    #[test]
    fn nulls_are_left_out_and_a_non_object_is_refused() {
        assert_eq!(
            yaml_of(
                &json!({ "title": "T", "summary": null, "period": { "start": 2020, "end": null } })
            ),
            "---\ntitle: T\nperiod: { start: 2020 }\n---\nBody.\n"
        );
        assert_eq!(write(&json!([1]), ""), Err(WriteError::NotAnObject));
    }
}
