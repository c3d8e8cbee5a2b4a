//! Small typed readers over the spanned YAML tree that turn every wrong type
//! into a located diagnostic instead of stopping at the first one.

use super::MAX_DIAGNOSTICS_PER_FILE;
use super::fields::Field;
use crate::diagnostics::{Diagnostic, Severity, did_you_mean};
use crate::words;
use crate::yaml::{Key, Node, Pos, Value};

/// Collects diagnostics for one file while reading its front matter.
pub(crate) struct Checker<'a> {
    pub file: &'a str,
    pub text: &'a str,
    /// Byte offset of the YAML text within the file.
    pub yaml_offset: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Field names suggested for unknown keys (so a misspelt required field
    /// is not also reported as missing).
    pub suggested: Vec<&'static str>,
    /// Errors and warnings past [`MAX_DIAGNOSTICS_PER_FILE`]: counted, not located.
    suppressed: (usize, usize),
    /// Where a suppressed problem is written (its help is set and dropped).
    overflow: Diagnostic,
}

impl<'a> Checker<'a> {
    pub fn new(file: &'a str, text: &'a str, yaml_offset: usize) -> Self {
        Checker {
            file,
            text,
            yaml_offset,
            diagnostics: Vec::new(),
            suggested: Vec::new(),
            suppressed: (0, 0),
            overflow: Diagnostic::file(Severity::Error, "too-many-problems", file, String::new()),
        }
    }

    /// Whether the per-file limit is reached: further problems are only counted.
    pub fn is_full(&self) -> bool {
        self.diagnostics.len() >= MAX_DIAGNOSTICS_PER_FILE
    }

    /// The diagnostics, plus one saying how many were left out.
    pub fn into_diagnostics(mut self) -> Vec<Diagnostic> {
        let (errors, warnings) = self.suppressed;
        if errors + warnings > 0 {
            let severity = if errors > 0 {
                Severity::Error
            } else {
                Severity::Warning
            };
            let mut d = Diagnostic::file(
                severity,
                "too-many-problems",
                self.file,
                words!(
                    "too-many-problems",
                    count = errors + warnings,
                    max = MAX_DIAGNOSTICS_PER_FILE
                ),
            )
            .with_help(words!("too-many-problems-help"));
            // After the file's other problems when sorted.
            d.line = self.text.lines().count().max(1);
            self.diagnostics.push(d);
        }
        self.diagnostics
    }

    /// Records a problem at a YAML position; returns it so help can be added.
    pub fn report(
        &mut self,
        severity: Severity,
        pos: Pos,
        code: &'static str,
        message: String,
    ) -> &mut Diagnostic {
        // Positions before the YAML block (the opening `---`) are stored as a
        // wrapped negative offset; wrapping addition brings them back.
        self.report_at(
            severity,
            self.yaml_offset.wrapping_add(pos.offset),
            pos.len,
            code,
            message,
        )
    }

    /// Records a problem at a byte offset of the file.
    pub fn report_at(
        &mut self,
        severity: Severity,
        offset: usize,
        len: usize,
        code: &'static str,
        message: String,
    ) -> &mut Diagnostic {
        // Locating a problem scans the file up to it; a hostile file with a
        // hundred thousand problems made that quadratic (minutes) and flooded
        // the terminal. Past the limit, problems are only counted.
        if self.is_full() {
            match severity {
                Severity::Error => self.suppressed.0 += 1,
                Severity::Warning => self.suppressed.1 += 1,
            }
            self.overflow.message = message;
            return &mut self.overflow;
        }
        let d = Diagnostic::at(severity, code, self.file, self.text, offset, len, message);
        self.diagnostics.push(d);
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    pub fn error(&mut self, pos: Pos, code: &'static str, message: String) -> &mut Diagnostic {
        self.report(Severity::Error, pos, code, message)
    }

    pub fn has_errors(&self) -> bool {
        self.suppressed.0 > 0 || self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn wrong_type(&mut self, node: &Node, field: &str, expected: &str, example: &str) {
        let message = if matches!(node.value, Value::Null) {
            words!("field-empty", field = field)
        } else {
            words!(
                "field-wrong-type",
                field = field,
                expected = words::text(expected, Vec::new()),
                found = node.value.kind()
            )
        };
        let d = self.error(node.pos, "wrong-type", message);
        if !example.is_empty() {
            d.help = Some(words!("write-like-this", example = example));
        }
    }

    /// Text (numbers are accepted and spelled as written). Empty text is an error.
    pub fn text(&mut self, node: &Node, field: &str, example: &str) -> Option<String> {
        let text = match &node.value {
            Value::Str(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            _ => {
                self.wrong_type(node, field, "kind-text", example);
                return None;
            }
        };
        if text.trim().is_empty() {
            self.error(
                node.pos,
                "empty-field",
                words!("field-empty", field = field),
            )
            .help = Some(words!("field-empty-help"));
            return None;
        }
        Some(text)
    }

    /// Exactly a string (no number), e.g. a municipality number with leading zeros.
    pub fn string(&mut self, node: &Node, field: &str, example: &str) -> Option<String> {
        match &node.value {
            Value::Str(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            _ => {
                self.wrong_type(node, field, "kind-quoted-text", example);
                None
            }
        }
    }

    pub fn boolean(&mut self, node: &Node, field: &str) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong_type(node, field, "kind-true-false", &format!("{field}: true"));
                None
            }
        }
    }

    pub fn integer(&mut self, node: &Node, field: &str, example: &str) -> Option<i64> {
        match node.value {
            Value::Int(i) => Some(i),
            _ => {
                self.wrong_type(node, field, "kind-whole-number", example);
                None
            }
        }
    }

    pub fn number(&mut self, node: &Node, field: &str, example: &str) -> Option<f64> {
        match node.value {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) if f.is_finite() => Some(f),
            _ => {
                self.wrong_type(node, field, "kind-number", example);
                None
            }
        }
    }

    pub fn list<'n>(&mut self, node: &'n Node, field: &str, example: &str) -> Option<&'n [Node]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            _ => {
                self.wrong_type(node, field, "kind-list", example);
                None
            }
        }
    }

    /// A mapping whose keys are checked against `known` (did-you-mean for the
    /// rest, and the field a Norwegian key is mistaken for).
    pub fn map<'n, K: Known>(
        &mut self,
        node: &'n Node,
        field: &str,
        known: &[K],
        example: &str,
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, field, "kind-fields", example);
            return None;
        };
        let mut fields = Fields {
            entries: Vec::new(),
        };
        for (i, (key, value)) in entries.iter().enumerate() {
            if known.iter().any(|k| k.key() == key.name) {
                fields.entries.push((key, value));
            } else if let Some((number_key, number)) = i.checked_sub(1).map(|j| &entries[j])
                && self.decimal_comma(number_key, number, key, value, known)
            {
                // Reported as the number's mistake, not as an unknown field.
            } else {
                self.unknown_key(key, field, known);
            }
        }
        Some(fields)
    }

    /// `{ period: 2023-Q1, value: 9,5 }`: in a `{ … }` the comma ends the
    /// field, so YAML reads `value: 9` and a field named `5`. Reports the
    /// comma as the number's mistake; returns whether it did. (The number's
    /// whole part stays in the field: the file has an error either way.)
    fn decimal_comma<K: Known>(
        &mut self,
        number_key: &Key,
        number: &Node,
        key: &Key,
        value: &Node,
        known: &[K],
    ) -> bool {
        if !matches!(number.value, Value::Int(_)) || value.value != Value::Null {
            return false;
        }
        let start = self.yaml_offset.wrapping_add(number.pos.offset);
        let Some(rest) = self.text.get(start..) else {
            return false;
        };
        let whole_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (whole, rest) = rest.split_at(whole_len);
        let Some(rest) = rest.strip_prefix(',') else {
            return false;
        };
        let fraction = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
        if whole.is_empty() || fraction.is_empty() || !key.name.bytes().all(|b| b.is_ascii_digit())
        {
            return false;
        }
        let Some(field) = known.iter().find(|k| k.key() == number_key.name) else {
            return false;
        };
        let (name, written) = (field.key(), format!("{whole},{fraction}"));
        let braces = "{ … }";
        let (message, help) = if field.whole_number() {
            (
                words!(
                    "number-comma",
                    field = name,
                    written = written.as_str(),
                    braces = braces
                ),
                words!(
                    "number-comma-help",
                    example = format!("{name}: {whole}{fraction}")
                ),
            )
        } else {
            (
                words!(
                    "decimal-comma",
                    field = name,
                    written = written.as_str(),
                    braces = braces
                ),
                words!(
                    "decimal-comma-help",
                    example = format!("{name}: {whole}.{fraction}")
                ),
            )
        };
        let pos = Pos {
            len: written.len(),
            ..number.pos
        };
        self.error(pos, "wrong-type", message).help = Some(help);
        true
    }

    fn unknown_key<K: Known>(&mut self, key: &Key, field: &str, known: &[K]) {
        let lower = key.name.to_lowercase();
        let suggestion = known
            .iter()
            .find(|k| k.mistaken_for().contains(&lower.as_str()))
            .map(Known::key)
            .or_else(|| did_you_mean(&key.name, known.iter().map(Known::key)));
        if let Some(s) = suggestion {
            self.suggested.push(s);
        }
        let mut pos = key.pos;
        pos.len = key.name.len();
        let message = if field.is_empty() {
            words!("field-unknown", key = key.name.as_str())
        } else {
            words!("field-unknown-in", key = key.name.as_str(), field = field)
        };
        let d = self.error(pos, "unknown-field", message);
        d.help = Some(match suggestion {
            Some(s) => words!("did-you-mean", suggestion = s),
            None => words!(
                "fields-here",
                fields = known.iter().map(Known::key).collect::<Vec<_>>().join(", ")
            ),
        });
    }
}

/// A key a mapping may have: a described field, or a bare key that takes
/// its Norwegian aliases from the case field of that name (free pages share
/// `title`, `summary`, `language` and `draft` with cases).
pub(crate) trait Known {
    fn key(&self) -> &'static str;
    fn mistaken_for(&self) -> &'static [&'static str];
    /// Whether the field holds a whole number (a comma in it is a
    /// thousands separator, not a decimal one).
    fn whole_number(&self) -> bool {
        false
    }
}

impl Known for Field {
    fn key(&self) -> &'static str {
        self.key
    }
    fn mistaken_for(&self) -> &'static [&'static str] {
        self.mistaken_for
    }
    fn whole_number(&self) -> bool {
        matches!(self.kind, super::fields::Kind::Integer { .. })
    }
}

impl Known for &'static str {
    fn key(&self) -> &'static str {
        self
    }
    fn mistaken_for(&self) -> &'static [&'static str] {
        super::fields::field(self).map_or(&[], |f| f.mistaken_for)
    }
}

/// The known fields of one mapping, in the order written.
pub(crate) struct Fields<'n> {
    entries: Vec<(&'n Key, &'n Node)>,
}

impl<'n> Fields<'n> {
    pub fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| *v)
            .filter(|v| !matches!(v.value, Value::Null))
    }

    pub fn key(&self, name: &str) -> Option<&'n Key> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(k, _)| *k)
    }
}
