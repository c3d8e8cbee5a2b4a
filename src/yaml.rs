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
    /// A short name of the value's kind, for "must be …, not …", in the
    /// language casebook speaks.
    pub fn kind(&self) -> String {
        crate::words::text(
            match self {
                Value::Null => "kind-nothing",
                Value::Bool(_) => "kind-yes-no",
                Value::Int(_) => "kind-whole-number",
                Value::Float(_) => "kind-decimal-number",
                Value::Str(_) => "kind-text",
                Value::Seq(_) => "kind-list",
                Value::Map(_) => "kind-fields",
            },
            Vec::new(),
        )
    }
}

/// A YAML syntax error or resource-limit breach, with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// What went wrong, in one lower-case sentence in the editor's words
    /// (never the parser's own terms).
    pub message: String,
    /// How to write it right, when we can say.
    pub help: Option<String>,
    /// Where the mistake is (the first tab, the opening quote, the unclosed
    /// bracket), which is not always where the parser stopped.
    pub pos: Option<Pos>,
    /// The other place the mistake involves: the line and column where a
    /// repeated field was first written.
    pub first: Option<(usize, usize)>,
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
        return YamlError {
            message,
            help: Some(crate::words!("yaml-too-much-help")),
            pos,
            first: None,
        };
    }
    let mut message = inner.to_string();
    // The backend appends its own "at line X column Y"; we report positions
    // ourselves (shifted into the case file), so cut it off.
    if let Some(idx) = message.find(" at line ") {
        message.truncate(idx);
    }
    plain_words(text, &message, pos)
}

/// The parser's message about `text`, stopped at `pos`, told as the
/// mistake an editor made: what is wrong, how to write it right, and the
/// place of the mistake itself. The parser's wording is matched only here.
fn plain_words(text: &str, parser_says: &str, pos: Option<Pos>) -> YamlError {
    use crate::words;
    let said = |words: &str| parser_says.contains(words);
    let at = pos.map_or(0, |p| p.offset.min(text.len()));
    let plain = |message: String, help: String, pos: Option<Pos>| YamlError {
        message,
        help: Some(help),
        pos,
        first: None,
    };
    if let Some(rest) = parser_says.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set ").next().unwrap_or(rest).trim();
        return YamlError {
            first: pos
                .and_then(|p| first_key_before(text, key, p))
                .map(|first| (first.line, first.column)),
            ..plain(
                words!("yaml-duplicate", key = key),
                words!("yaml-duplicate-help", key = key),
                pos,
            )
        };
    }
    if said("tab") {
        let tab = first_indenting_tab(text)
            .or_else(|| text[at..].find('\t').map(|i| at + i))
            .map(|offset| pos_at(text, offset, 1));
        return plain(words!("yaml-tab"), words!("yaml-tab-help"), tab.or(pos));
    }
    if said("quoted scalar") {
        let quote = opening_quote_before(text, at);
        let mark = quote.map_or('"', |(_, c)| c).to_string();
        return plain(
            words!("yaml-quote", mark = mark.as_str()),
            words!(
                "yaml-quote-help",
                mark = mark.as_str(),
                example = format!("title: {mark}Nærvær i Molde{mark}")
            ),
            quote.map(|(offset, _)| pos_at(text, offset, 1)).or(pos),
        );
    }
    if (said("bracket") || said("flow mapping") || said("flow sequence") || said("':' indicator"))
        && let Some((offset, open)) = unclosed_bracket_before(text, at)
    {
        let (close, example) = if open == '[' {
            ("]", "themes: [sykefravaer, kompetanse]")
        } else {
            ("}", "period: { start: 2012, end: 2015 }")
        };
        return plain(
            words!("yaml-bracket", open = open.to_string()),
            words!("yaml-bracket-help", close = close, example = example),
            Some(pos_at(text, offset, 1)),
        );
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    if said("mapping values are not allowed") {
        let before = &text[line_start..at];
        if let Some(first_colon) = before.find(": ") {
            let key = before[..first_colon].trim_start().trim_start_matches("- ");
            let value = line[first_colon + 2..].trim().replace('"', "\\\"");
            return plain(
                words!("yaml-colon"),
                words!("yaml-colon-help", example = format!("{key}: \"{value}\"")),
                pos,
            );
        }
    }
    if said("did not find expected key") && line.trim_start().starts_with("- ") {
        let indent = line.len() - line.trim_start().len();
        return plain(
            words!("yaml-list-item"),
            words!("yaml-list-item-help"),
            pos.map(|p| pos_at(text, line_start + indent, p.len.max(1))),
        );
    }
    if said("mapping values are not allowed")
        || said("did not find expected")
        || said("indentation")
        || said("block sequence entries are not allowed")
    {
        let indent = line.len() - line.trim_start().len();
        return plain(
            words!("yaml-indent"),
            words!("yaml-indent-help"),
            Some(pos_at(text, line_start + indent, 1)),
        );
    }
    // Whatever else the parser says is in its own terms: the editor is told
    // where, and what usually goes wrong there.
    plain(
        words!("yaml-unreadable"),
        words!("yaml-unreadable-help"),
        pos,
    )
}

/// The position of byte `offset` of `text`, marking `len` bytes.
fn pos_at(text: &str, offset: usize, len: usize) -> Pos {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line: text[..line_start].matches('\n').count() + 1,
        column: text[line_start..offset].chars().count() + 1,
        offset,
        len,
    }
}

/// Where `key` was first written as a key in the same column as the
/// repeated one at `repeated`, on an earlier line.
fn first_key_before(text: &str, key: &str, repeated: Pos) -> Option<Pos> {
    let mut offset = 0;
    for line in text
        .split_inclusive('\n')
        .take(repeated.line.saturating_sub(1))
    {
        let column = repeated.column.saturating_sub(1);
        if let Some(rest) = line.get(column..)
            && line[..column].chars().all(|c| c == ' ' || c == '-')
            && let Some(after) = rest.strip_prefix(key)
            && after.trim_start().starts_with(':')
        {
            return Some(pos_at(text, offset + column, key.len()));
        }
        offset += line.len();
    }
    None
}

/// The first tab in the indentation of a line.
fn first_indenting_tab(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t', '-']).len();
        if let Some(i) = line[..indent].find('\t') {
            return Some(offset + i);
        }
        offset += line.len();
    }
    None
}

/// The quote mark that opens a text and is not closed on its line, on the
/// last such line at or before byte `at`.
fn opening_quote_before(text: &str, at: usize) -> Option<(usize, char)> {
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let mut found = None;
    let mut offset = 0;
    for line in text[..end].split_inclusive('\n') {
        if let Some((i, c)) = unclosed_quote(line) {
            found = Some((offset + i, c));
        }
        offset += line.len();
    }
    found
}

/// A quote mark that starts a value (after `: `, `- `, `[`, `{` or `,`)
/// with no closing mark after it on the line.
fn unclosed_quote(line: &str) -> Option<(usize, char)> {
    let mut chars = line.char_indices().peekable();
    let mut value_may_start = true;
    while let Some((i, c)) = chars.next() {
        match c {
            '"' | '\'' if value_may_start => {
                let rest = &line[i + 1..];
                let closed = if c == '"' {
                    let mut escaped = false;
                    rest.chars().any(|r| {
                        let end = r == '"' && !escaped;
                        escaped = r == '\\' && !escaped;
                        end
                    })
                } else {
                    rest.contains('\'')
                };
                if !closed {
                    return Some((i, c));
                }
                // Skip past the closing mark.
                let close = rest.find(c).map_or(line.len(), |j| i + 1 + j);
                while chars.peek().is_some_and(|&(j, _)| j <= close) {
                    chars.next();
                }
                value_may_start = false;
            }
            ' ' | '\t' | '\r' | '\n' => {}
            ':' | '-' | '[' | '{' | ',' => value_may_start = true,
            _ => value_may_start = false,
        }
    }
    None
}

/// The last `[` or `{` before byte `at` that no `]` or `}` closes.
fn unclosed_bracket_before(text: &str, at: usize) -> Option<(usize, char)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut quote = None;
    for (i, c) in text[..at].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if text[..i].ends_with([' ', '[', '{', ',']) => quote = Some(c),
            (None, '[' | '{') => open.push((i, c)),
            (None, ']' | '}') => {
                open.pop();
            }
            (None, '\n') => quote = None,
            _ => {}
        }
    }
    open.pop()
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
                        crate::words!("yaml-too-many-values", max = MAX_NODES)
                    }
                    BudgetBreach::Depth { .. } => crate::words!("yaml-too-deep", max = MAX_DEPTH),
                    BudgetBreach::Aliases { .. } => {
                        crate::words!("yaml-too-many-aliases", max = MAX_ALIASES)
                    }
                    BudgetBreach::Anchors { .. } => {
                        crate::words!("yaml-too-many-anchors", max = MAX_ALIASES)
                    }
                    _ => crate::words!("yaml-too-large"),
                });
            }
            _ => return None,
        }
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
    fn duplicate_key_is_located_at_both_places() {
        let err = parse("a: 1\nb: 2\na: 3\n").expect_err("duplicate");
        assert_eq!(err.message, "the field `a` is written twice", "{err:?}");
        assert_eq!(err.pos.map(|p| p.line), Some(3), "{err:?}");
        assert_eq!(err.first, Some((1, 1)), "{err:?}");
    }

    #[test]
    fn the_opening_quote_of_an_unclosed_text_is_found_past_closed_ones() {
        assert_eq!(unclosed_quote("a: \"x\" b"), None);
        assert_eq!(unclosed_quote("a: \"x \\\" y"), Some((3, '"')));
        assert_eq!(
            unclosed_quote("a: Molde's"),
            None,
            "an apostrophe inside a word"
        );
        assert_eq!(unclosed_quote("- 'x"), Some((2, '\'')));
    }

    #[test]
    fn meant_brackets_ignore_those_inside_quotes() {
        let text = "a: \"[\"\nb: { c: [1, 2]\nd: 3\n";
        assert_eq!(unclosed_bracket_before(text, text.len()), Some((10, '{')));
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
