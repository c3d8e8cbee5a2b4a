//! How one value is written in a case file: a number, a boolean, a string
//! on its line (plain when our YAML reader reads it back as the same
//! string, else double-quoted with escapes) or a `|` block. Each choice is
//! checked by reading the written text back, so the writer never has to
//! know every corner of YAML's plain scalars.

use serde_json::Value;

use crate::yaml;

/// A number, boolean or null as YAML writes it.
pub(super) fn scalar(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => {
            let text = n.to_string();
            // A whole float keeps its point, so it reads back as a float.
            if n.is_f64() && !text.contains(['.', 'e', 'E']) {
                format!("{text}.0")
            } else {
                text
            }
        }
        Value::String(s) => inline_string(s, false),
        Value::Array(_) | Value::Object(_) => String::new(),
    }
}

/// A mapping key as YAML writes it.
pub(super) fn scalar_key(key: &str) -> String {
    inline_string(key, false)
}

/// A scalar inside `[…]` or `{…}`; `None` for a text of several lines
/// or a collection, which cannot go there.
pub(super) fn flow_scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if s.contains('\n') => None,
        Value::String(s) => Some(inline_string(s, true)),
        Value::Array(_) | Value::Object(_) => None,
        other => Some(scalar(other)),
    }
}

/// Characters that YAML reads as a line break, or that a person cannot see
/// or type: such a text is written in double quotes with escapes.
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// The string on one line: plain when our reader reads it back as this
/// same string (in a flow collection when `flow`), else double-quoted.
pub(super) fn inline_string(s: &str, flow: bool) -> String {
    if plain_reads_back(s, flow) {
        s.to_owned()
    } else {
        double_quoted(s)
    }
}

fn plain_reads_back(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s
        || s.contains(['\n', '\r', '\t'])
        || s.chars().any(unprintable)
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || (flow && s.contains([',', '[', ']', '{', '}']))
    {
        return false;
    }
    let doc = if flow {
        format!("k: [{s}]\n")
    } else {
        format!("k: {s}\n")
    };
    let Ok(node) = yaml::parse(&doc) else {
        return false;
    };
    let value = match &node.value {
        yaml::Value::Map(entries) if entries.len() == 1 => &entries[0].1.value,
        _ => return false,
    };
    let value = match (flow, value) {
        (true, yaml::Value::Seq(items)) if items.len() == 1 => &items[0].value,
        (true, _) => return false,
        (false, v) => v,
    };
    matches!(value, yaml::Value::Str(read) if read == s)
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if unprintable(c) => {
                let n = u32::from(c);
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02X}"));
                } else {
                    out.push_str(&format!("\\u{n:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The block header (`|`, `|-` or `|+`) and the text's lines indented by
/// `indent`, when such a block reads back as the text.
pub(super) fn block_scalar(s: &str, indent: usize) -> Option<(&'static str, Vec<String>)> {
    if s.trim().is_empty() || s.contains('\r') || s.chars().any(unprintable) {
        return None;
    }
    let first = s.lines().find(|l| !l.trim().is_empty())?;
    if first.starts_with([' ', '\t']) {
        return None;
    }
    let trailing = s.len() - s.trim_end_matches('\n').len();
    let (indicator, content) = match trailing {
        0 => ("|-", s),
        1 => ("|", &s[..s.len() - 1]),
        _ => ("|+", &s[..s.len() - 1]),
    };
    let pad = " ".repeat(indent);
    let lines: Vec<String> = content
        .split('\n')
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect();
    // Read back in the same place: a line of spaces or an odd first line
    // must not change the text.
    let mut doc = format!("{}k: {indicator}\n", " ".repeat(indent.saturating_sub(2)));
    for l in &lines {
        doc.push_str(l);
        doc.push('\n');
    }
    let node = yaml::parse(&doc).ok()?;
    match &node.value {
        yaml::Value::Map(entries)
            if entries.len() == 1 && entries[0].1.value == yaml::Value::Str(s.to_owned()) =>
        {
            Some((indicator, lines))
        }
        _ => None,
    }
}
