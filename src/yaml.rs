//! The one module that talks to the YAML parser (serde-saphyr).
//!
//! Everything else sees either serde traits ([`from_str`]) or our own spanned
//! tree ([`Node`]) and our own error type ([`YamlError`]), so the backend can be
//! swapped without touching the validator. Positions are 1-based lines and
//! columns plus byte offsets, all relative to the text that was parsed; the
//! caller shifts them into the file the text came from.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

mod subset;

/// Limits that keep hostile YAML (alias bombs, absurd nesting, huge documents)
/// from costing more than a few milliseconds and megabytes.
///
/// Nesting: a case needs 5 levels (fields → `indicators` → an indicator →
/// `series` → a point). Each level costs the deserialiser about 33 KB of
/// stack in a debug build, so 64 levels overflowed the 2 MiB stack of a
/// worker thread and aborted the process; 16 keeps a wide margin.
pub const MAX_DEPTH: usize = 16;
/// Largest number of YAML nodes accepted in one document.
pub const MAX_NODES: usize = 250_000;
/// Largest number of alias references accepted in one document.
pub const MAX_ALIASES: usize = 1_000;

/// Where a YAML node sits in the parsed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the node's first character.
    pub offset: usize,
    /// Length in bytes of the node's text (0 when unknown).
    pub len: usize,
}

/// A parsed YAML value with the position of every node in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it was written.
    pub pos: Pos,
}

/// The value of a [`Node`].
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false` (strictly; `no` stays a string).
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in the order written, keys with their own positions.
    Map(Vec<(Key, Node)>),
}

/// A mapping key with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    /// The key as written (numbers and booleans are spelled as text).
    pub name: String,
    /// Where it was written.
    pub pos: Pos,
}

impl Value {
    /// A short English name of the value's kind, for "expected …, found …".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a yes/no value",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a decimal number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a set of `key: value` fields",
        }
    }
}

/// A YAML syntax error or resource-limit breach, with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// What went wrong, in one lower-case sentence.
    pub message: String,
    /// Where, when the parser knows.
    pub pos: Option<Pos>,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some(pos) => write!(
                f,
                "{} at line {}, column {}",
                self.message, pos.line, pos.column
            ),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for YamlError {}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_aliases: MAX_ALIASES,
            max_anchors: MAX_ALIASES,
        },
        with_snippet: false,
    }
}

fn convert_error(text: &str, err: &serde_saphyr::Error) -> YamlError {
    let inner = err.without_snippet();
    let pos = inner.location().and_then(|loc| location_pos(text, loc));
    if let Some(message) = budget_message(inner) {
        return YamlError { message, pos };
    }
    let mut message = inner.to_string();
    // The backend appends its own "at line X column Y"; we report positions
    // ourselves (shifted into the case file), so cut it off.
    if let Some(idx) = message.find(" at line ") {
        message.truncate(idx);
    }
    YamlError {
        message: tidy(&message),
        pos,
    }
}

/// The backend words a budget breach as its debug output
/// (`budget breached: Nodes { nodes: 250001 }`); say which limit, in words.
fn budget_message(mut err: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::budget::BudgetBreach;
    loop {
        match err {
            serde_saphyr::Error::WithSnippet { error, .. }
            | serde_saphyr::Error::AliasError { error, .. } => {
                err = error;
            }
            serde_saphyr::Error::Budget { breach, .. } => {
                return Some(match breach {
                    BudgetBreach::Nodes { .. } => {
                        format!(
                            "too much YAML: more than {MAX_NODES} values (fields, list items and texts)"
                        )
                    }
                    BudgetBreach::Depth { .. } => {
                        format!("too much YAML: nested more than {MAX_DEPTH} levels deep")
                    }
                    BudgetBreach::Aliases { .. } => {
                        format!("too much YAML: more than {MAX_ALIASES} aliases (`*name`)")
                    }
                    BudgetBreach::Anchors { .. } => {
                        format!("too much YAML: more than {MAX_ALIASES} anchors (`&name`)")
                    }
                    _ => {
                        "too much YAML: the text is too large or too repetitive to read".to_owned()
                    }
                });
            }
            _ => return None,
        }
    }
}

fn tidy(message: &str) -> String {
    let trimmed = message.trim().trim_end_matches('.');
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "the YAML could not be read".to_owned(),
    }
}

fn location_pos(text: &str, loc: serde_saphyr::Location) -> Option<Pos> {
    if loc.line() == 0 {
        return None;
    }
    let span = loc.span();
    let line = usize::try_from(loc.line()).ok()?;
    let column = usize::try_from(loc.column()).ok()?.max(1);
    let offset = match span.byte_offset() {
        Some(off) => usize::try_from(off).ok()?,
        None => line_col_to_offset(text, line, column),
    };
    let len = span
        .byte_len()
        .and_then(|l| usize::try_from(l).ok())
        .unwrap_or(0);
    Some(Pos {
        line,
        column,
        offset,
        len,
    })
}

fn line_col_to_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(column - 1)
                    .map_or(l.len(), |(idx, _)| idx);
        }
        offset += l.len();
    }
    text.len()
}

/// Parses YAML into any serde type (used for the site's configuration files).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| convert_error(text, &e))
}

/// Parses YAML into a spanned tree. An empty document is [`Value::Null`].
///
/// Plain front matter is read by [`subset`], which answers exactly as
/// serde-saphyr would, several times faster; anything it is not certain
/// about goes to serde-saphyr.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    if let Some(node) = subset::parse(text) {
        return Ok(node);
    }
    parse_with_backend(text)
}

/// The hand-written reader's answer (`None`: it declined) beside
/// serde-saphyr's, for the `yaml_subset` fuzz target: where the reader
/// answers, it must answer exactly what serde-saphyr answers.
#[doc(hidden)]
pub fn parse_both(text: &str) -> (Option<Node>, Result<Node, YamlError>) {
    (subset::parse(text), parse_with_backend(text))
}

/// [`parse`] by serde-saphyr alone.
fn parse_with_backend(text: &str) -> Result<Node, YamlError> {
    let spanned: Option<Spanned<Value>> = serde_saphyr::from_str_with_options(text, options())
        .map_err(|e| convert_error(text, &e))?;
    Ok(match spanned {
        Some(s) => to_node(text, s),
        None => Node {
            value: Value::Null,
            pos: Pos {
                line: 1,
                column: 1,
                offset: 0,
                len: 0,
            },
        },
    })
}

fn to_node(text: &str, spanned: Spanned<Value>) -> Node {
    let pos = location_pos(text, spanned.referenced).unwrap_or_default();
    let value = match spanned.value {
        Value::Seq(items) => Value::Seq(items.into_iter().map(|n| fix(text, n)).collect()),
        Value::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (fix_key(text, k), fix(text, v)))
                .collect(),
        ),
        other => other,
    };
    Node { value, pos }
}

// Children are built inside the visitor, which does not see the source text;
// their byte offsets arrive from the backend and only need the fallback here.
fn fix(text: &str, node: Node) -> Node {
    let Node { value, mut pos } = node;
    if pos.len == 0 && pos.line > 0 && pos.offset == usize::MAX {
        pos.offset = line_col_to_offset(text, pos.line, pos.column);
    }
    let value = match value {
        Value::Seq(items) => Value::Seq(items.into_iter().map(|n| fix(text, n)).collect()),
        Value::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (fix_key(text, k), fix(text, v)))
                .collect(),
        ),
        other => other,
    };
    Node { value, pos }
}

fn fix_key(text: &str, mut key: Key) -> Key {
    if key.pos.offset == usize::MAX {
        key.pos.offset = line_col_to_offset(text, key.pos.line, key.pos.column);
    }
    key
}

fn raw_pos(loc: serde_saphyr::Location) -> Pos {
    let span = loc.span();
    Pos {
        line: usize::try_from(loc.line()).unwrap_or(0),
        column: usize::try_from(loc.column()).unwrap_or(0).max(1),
        offset: span
            .byte_offset()
            .and_then(|o| usize::try_from(o).ok())
            .unwrap_or(usize::MAX),
        len: span
            .byte_len()
            .and_then(|l| usize::try_from(l).ok())
            .unwrap_or(0),
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Value>>()? {
            items.push(Node {
                pos: raw_pos(item.referenced),
                value: item.value,
            });
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Value>>()? {
            let value = map.next_value::<Spanned<Value>>()?;
            let name = match key.value {
                Value::Str(s) => s,
                Value::Int(i) => i.to_string(),
                Value::Float(f) => f.to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Null => String::new(),
                Value::Seq(_) | Value::Map(_) => {
                    return Err(de::Error::custom(
                        "a key must be a plain word, not a list or a mapping",
                    ));
                }
            };
            entries.push((
                Key {
                    name,
                    pos: raw_pos(key.referenced),
                },
                Node {
                    pos: raw_pos(value.referenced),
                    value: value.value,
                },
            ));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &[(Key, Node)] {
        match &node.value {
            Value::Map(m) => m,
            other => panic!("expected a map, got {other:?}"),
        }
    }

    #[test]
    fn values_carry_line_column_and_byte_span() {
        let text = "title: Molde\nthemes: [a, bb]\n";
        let node = parse(text).expect("valid yaml");
        let entries = map(&node);
        assert_eq!(entries[0].0.name, "title");
        assert_eq!((entries[0].1.pos.line, entries[0].1.pos.column), (1, 8));
        assert_eq!(&text[entries[0].1.pos.offset..][..5], "Molde");
        let Value::Seq(items) = &entries[1].1.value else {
            panic!("expected a list")
        };
        assert_eq!((items[1].pos.line, items[1].pos.column), (2, 13));
        assert_eq!(&text[items[1].pos.offset..][..items[1].pos.len], "bb");
    }

    #[test]
    fn no_stays_a_string() {
        let node = parse("a: no\n").expect("valid yaml");
        assert_eq!(map(&node)[0].1.value, Value::Str("no".into()));
    }

    #[test]
    fn duplicate_key_is_located_error() {
        let err = parse("a: 1\nb: 2\na: 3\n").expect_err("duplicate");
        assert!(err.message.contains("duplicate"), "{err:?}");
        assert_eq!(err.pos.map(|p| p.line), Some(3), "{err:?}");
    }

    #[test]
    fn syntax_error_is_located() {
        let err = parse("a: [1, 2\nb: 3\n").expect_err("unclosed");
        assert!(err.pos.is_some(), "{err:?}");
    }

    #[test]
    fn alias_bomb_is_refused_quickly() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        assert!(parse(&text).is_err());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&text).is_err());
    }

    /// Worker threads (rayon, tokio) have 2 MiB stacks; nesting up to the
    /// limit and just past it must fit in one, in a debug build too.
    #[test]
    fn nesting_at_and_past_the_limit_fits_a_worker_stack() {
        let texts = [
            format!(
                "a: {}{}\n",
                "[".repeat(MAX_DEPTH - 1),
                "]".repeat(MAX_DEPTH - 1)
            ),
            format!(
                "a: {}1{}\n",
                "{a: ".repeat(MAX_DEPTH - 1),
                "}".repeat(MAX_DEPTH - 1)
            ),
            format!(
                "a: {}{}\n",
                "[".repeat(MAX_DEPTH + 1),
                "]".repeat(MAX_DEPTH + 1)
            ),
            format!(
                "a: {}1{}\n",
                "{a: ".repeat(MAX_DEPTH + 1),
                "}".repeat(MAX_DEPTH + 1)
            ),
        ];
        let outcomes = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || texts.iter().map(|t| parse(t).is_ok()).collect::<Vec<_>>())
            .expect("spawn")
            .join()
            .expect("no stack overflow");
        assert_eq!(outcomes, [true, true, false, false]);
    }

    /// Found by the `yaml_subset` fuzz target: a flow collection cut short
    /// at the very end of the text made the hand-written reader index past
    /// the end (a panic, exit 101).
    #[test]
    fn flow_collections_cut_short_at_the_end_are_errors_not_panics() {
        for text in ["i: {u: ", "i: [a, ", "i: {u: 1, ", "i: [", "i: {u:"] {
            let (subset, backend) = parse_both(text);
            assert!(subset.is_none(), "{text:?}: {subset:?}");
            assert!(backend.is_err(), "{text:?}");
        }
    }

    /// Found by the `yaml_subset` fuzz target: the hand-written reader took
    /// a C1 control character (U+0092) in a block scalar that serde-saphyr
    /// refuses, so `check` passed what the real parser calls an error.
    #[test]
    fn characters_yaml_refuses_or_breaks_on_are_left_to_serde_saphyr() {
        for c in [
            '\u{80}', '\u{85}', '\u{92}', '\u{9f}', '\u{feff}', '\u{fffe}', '\u{ffff}',
        ] {
            for text in [
                format!("a: |\n  x{c}y\n"),
                format!("a: x{c}y\n"),
                format!("a: [x{c}]\n"),
            ] {
                let (subset, backend) = parse_both(&text);
                assert!(subset.is_none(), "{text:?}: the reader answered {subset:?}");
                assert_eq!(parse(&text), backend, "{text:?}");
            }
        }
    }

    #[test]
    fn budget_breaches_are_worded_not_debug_printed() {
        let deep = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        let mut wide = String::new();
        for i in 0..=MAX_NODES / 2 {
            wide.push_str(&format!("k{i}: 1\n"));
        }
        let mut aliases = String::from("a: &a x\nb: [");
        aliases.push_str(&"*a, ".repeat(MAX_ALIASES + 1));
        aliases.push_str("]\n");
        for (text, words) in [
            (deep, "nested more than 16 levels deep"),
            (wide, "more than 250000 values"),
            (aliases, "more than 1000 aliases"),
        ] {
            let err = parse(&text).expect_err("over budget");
            assert!(err.message.contains(words), "{err:?}");
            assert!(!err.message.contains('{'), "{err:?}");
            assert!(err.pos.is_some(), "{err:?}");
        }
    }
}
