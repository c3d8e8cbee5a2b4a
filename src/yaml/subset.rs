//! A fast reader for the plain YAML that front matter almost always is.
//!
//! Parsing with serde-saphyr into a spanned tree was 85 % of `check`
//! (callgrind: about 660 000 instructions for a 3 KB front matter, half in
//! the scanner, half in the span-carrying deserialiser). No other crate
//! reads YAML with positions and the same limits (see DEPENDENCIES.md), so
//! this reader is written by hand, and it is deliberately narrow: block
//! mappings and sequences, one-line flow sequences and mappings, one-line
//! quoted and plain scalars, `|` and `|-` block scalars, comments. Anything
//! else — anchors, tags, multi-line plain or quoted scalars, folded scalars,
//! tabs, CR, unusual numbers, duplicate keys, deep nesting, any doubt —
//! returns `None`, and [`super::parse`] asks serde-saphyr instead, so every
//! error message and every odd case still comes from the real parser.
//!
//! Where it answers, it must answer exactly what serde-saphyr answers: the
//! same values and the same positions (line, column, byte offset, length).
//! The tests compare the two on the fixtures, the shipped content, the
//! benchmark corpus's shapes and generated documents.

use super::{Key, Node, Pos, Value};

/// Deeper than any case needs (5 levels); deeper documents go to serde-saphyr.
const MAX_DEPTH: usize = 8;
/// More nodes than a case has; larger documents go to serde-saphyr.
const MAX_NODES: usize = 20_000;

/// Parses `text` if it stays within the subset; `None` means "ask the real
/// parser", never "invalid".
pub fn parse(text: &str) -> Option<Node> {
    // Tabs, CR and other control characters: no early exit, so the loop
    // vectorises.
    let control = text.bytes().fold(false, |acc, b| {
        acc | ((b < 0x20) & (b != b'\n')) | (b == 0x7f)
    });
    if control {
        return None;
    }
    // Characters YAML does not allow or reads as line breaks: C1 controls
    // (NEL, U+0085, breaks a line), a BOM inside the text, U+FFFE/U+FFFF.
    // serde-saphyr refuses or treats them specially (found by the
    // `yaml_subset` fuzz target with U+0092 in a block scalar).
    if may_have_refused_chars(text)
        && text.chars().any(|c| {
            matches!(
                c,
                '\u{80}'..='\u{9f}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            )
        })
    {
        return None;
    }
    let mut lines = Vec::with_capacity(text.len() / 32);
    let mut start = 0;
    for at in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push((start, at));
        start = at + 1;
    }
    if start < text.len() {
        lines.push((start, text.len()));
    }
    let mut p = Reader {
        text,
        lines,
        nodes: 0,
    };
    let first = p.next_content(0)?;
    if p.indent(first) != 0 {
        return None;
    }
    let (node, next) = p.block_map(first, 0, 0, 0)?;
    // Everything must have been read.
    if p.next_content(next).is_some() {
        return None;
    }
    Some(node)
}

/// Whether `text` may hold one of the characters [`parse`] refuses beyond
/// ASCII controls. Those are the only ones encoded as `C2 80`–`C2 9F`,
/// `EF BB …` or `EF BF …` in UTF-8; one pass over byte pairs without an
/// early exit vectorises, so the exact character-by-character check runs
/// only for the rare text that has such a pair (« and » are `C2 AB`/`C2 BB`
/// and pass).
fn may_have_refused_chars(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .zip(&bytes[1.min(bytes.len())..])
        .fold(false, |acc, (&lead, &next)| {
            acc | ((lead == 0xc2) & (next.wrapping_sub(0x80) < 0x20))
                | ((lead == 0xef) & ((next == 0xbb) | (next == 0xbf)))
        })
}

/// The length of the key characters at the start of `text`. Keys are
/// nearly always ASCII, which a byte loop reads without decoding; a
/// non-ASCII character sends the rest to the character-by-character rule.
fn key_len(text: &str) -> usize {
    let ascii = text
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
        .unwrap_or(text.len());
    if text.as_bytes().get(ascii).is_some_and(|b| !b.is_ascii()) {
        ascii
            + text[ascii..]
                .find(|c: char| !is_key_char(c))
                .unwrap_or(text.len() - ascii)
    } else {
        ascii
    }
}

/// Where ` #` first occurs in `line`. Values rarely hold `#`, so looking
/// for it alone is a fast byte search, where searching for the two-byte
/// string set up a substring searcher for every plain scalar.
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    line.match_indices('#')
        .map(|(k, _)| k)
        .find(|&k| k > 0 && bytes[k - 1] == b' ')
        .map(|k| k - 1)
}

struct Reader<'t> {
    text: &'t str,
    /// (start, end) byte offsets of each line, without its `\n`.
    lines: Vec<(usize, usize)>,
    nodes: usize,
}

fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

impl<'t> Reader<'t> {
    fn line(&self, i: usize) -> &'t str {
        let (s, e) = self.lines[i];
        &self.text[s..e]
    }

    fn indent(&self, i: usize) -> usize {
        self.line(i).bytes().take_while(|&b| b == b' ').count()
    }

    fn is_blank(&self, i: usize) -> bool {
        self.line(i).bytes().all(|b| b == b' ')
    }

    fn is_comment(&self, i: usize) -> bool {
        self.line(i).trim_start_matches(' ').starts_with('#')
    }

    /// The first line at or after `i` that is neither blank nor a comment.
    fn next_content(&self, mut i: usize) -> Option<usize> {
        while i < self.lines.len() {
            if !self.is_blank(i) && !self.is_comment(i) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// The position of byte `offset`, which lies on line `i`.
    fn pos(&self, i: usize, offset: usize, len: usize) -> Pos {
        let start = self.lines[i].0;
        Pos {
            line: i + 1,
            column: self.text[start..offset].chars().count() + 1,
            offset,
            len,
        }
    }

    fn count(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= MAX_NODES).then_some(())
    }

    /// A plain key at byte `at` of line `i`, followed by `:` and a space or
    /// the end of the line. Returns the key and the offset after the colon.
    fn key(&mut self, i: usize, at: usize) -> Option<(Key, usize)> {
        let end = self.lines[i].1;
        let rest = &self.text[at..end];
        let first = rest.chars().next()?;
        // Keys that start with a digit or spell null or a boolean are read
        // as numbers, null or booleans, whose names the backend respells.
        if !(first.is_alphabetic() || first == '_') {
            return None;
        }
        let len = key_len(rest);
        if resolve(&rest[..len]).is_none_or(|v| !matches!(v, Value::Str(_))) {
            return None;
        }
        let after = &rest[len..];
        if !after.starts_with(':') || !(after.len() == 1 || after[1..].starts_with(' ')) {
            return None;
        }
        self.count()?;
        Some((
            Key {
                name: rest[..len].to_owned(),
                pos: self.pos(i, at, len),
            },
            at + len + 1,
        ))
    }

    /// A block mapping whose first key is at byte offset `first_at` (from
    /// the start of line `first`) and whose keys sit at column `indent`.
    /// Returns the map and the index of the first line after it.
    fn block_map(
        &mut self,
        first: usize,
        first_at: usize,
        indent: usize,
        depth: usize,
    ) -> Option<(Node, usize)> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.count()?;
        let map_pos = self.pos(first, self.lines[first].0 + first_at, 0);
        let mut entries: Vec<(Key, Node)> = Vec::new();
        let mut i = first;
        let mut at = first_at;
        loop {
            let line_start = self.lines[i].0;
            let (key, colon_end) = self.key(i, line_start + at)?;
            if entries.iter().any(|(k, _)| k.name == key.name) {
                return None;
            }
            let (value, next) = self.value(i, colon_end, indent, depth, true)?;
            entries.push((key, value));
            match next.and_then(|n| self.next_content(n)) {
                Some(n) if self.indent(n) == indent => {
                    i = n;
                    at = indent;
                }
                Some(n) if self.indent(n) > indent => return None,
                other => {
                    let end = other.unwrap_or(self.lines.len());
                    return Some((
                        Node {
                            value: Value::Map(entries),
                            pos: map_pos,
                        },
                        end,
                    ));
                }
            }
        }
    }

    /// The value after a key's colon (`after_colon`) or a sequence's dash,
    /// on line `i`, in a block at column `indent`. Returns the node and the
    /// first line after it (`None`: the end of the text).
    fn value(
        &mut self,
        i: usize,
        after_colon: usize,
        indent: usize,
        depth: usize,
        in_map: bool,
    ) -> Option<(Node, Option<usize>)> {
        let end = self.lines[i].1;
        let rest = &self.text[after_colon..end];
        let trimmed = rest.trim_start_matches(' ');
        let start = end - trimmed.len();
        if trimmed.is_empty() {
            if !rest.is_empty() || !in_map {
                return None;
            }
            return self.nested(i, after_colon - 1, indent, depth);
        }
        if start == after_colon && in_map {
            // `key:value` is not a key; let the real parser say so.
            return None;
        }
        let first = trimmed.as_bytes()[0];
        let (node, used) = match first {
            b'|' | b'>' => return self.block_scalar(i, start, indent),
            b'"' => self.double_quoted(i, start)?,
            b'\'' => self.single_quoted(i, start)?,
            b'[' => self.flow_seq(i, start, depth)?,
            b'{' => self.flow_map(i, start, depth)?,
            b'-' if trimmed.len() == 1 || trimmed.as_bytes()[1] == b' ' => return None,
            b'#' => return None,
            _ => self.plain(i, start, false)?,
        };
        // Only spaces and a comment may follow on the line.
        let tail = &self.text[start + used..end];
        let tail_trimmed = tail.trim_start_matches(' ');
        if !(tail_trimmed.is_empty() || (tail_trimmed.starts_with('#') && tail.starts_with(' '))) {
            return None;
        }
        Some((node, Some(i + 1)))
    }

    /// What follows `key:` at the end of a line: a nested block, or nothing.
    fn nested(
        &mut self,
        i: usize,
        colon: usize,
        indent: usize,
        depth: usize,
    ) -> Option<(Node, Option<usize>)> {
        let Some(n) = self.next_content(i + 1) else {
            self.count()?;
            return Some((
                Node {
                    value: Value::Null,
                    pos: self.pos(i, colon, 0),
                },
                None,
            ));
        };
        let ind = self.indent(n);
        let body = &self.line(n)[ind..];
        let dash = body == "-" || body.starts_with("- ");
        if ind > indent {
            if dash {
                let (node, next) = self.block_seq(n, ind, depth + 1, false)?;
                return Some((node, Some(next)));
            }
            let (node, next) = self.block_map(n, ind, ind, depth + 1)?;
            return Some((node, Some(next)));
        }
        if ind == indent && dash {
            let (node, next) = self.block_seq(n, ind, depth + 1, true)?;
            return Some((node, Some(next)));
        }
        self.count()?;
        Some((
            Node {
                value: Value::Null,
                pos: self.pos(i, colon, 0),
            },
            Some(n),
        ))
    }

    /// A block sequence whose dashes sit at column `indent`, from line `first`.
    fn block_seq(
        &mut self,
        first: usize,
        indent: usize,
        depth: usize,
        indentless: bool,
    ) -> Option<(Node, usize)> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.count()?;
        let mut items = Vec::new();
        let mut i = first;
        let seq_pos;
        {
            let line_start = self.lines[first].0;
            let after_dash = line_start + indent + 1;
            let body = &self.text[after_dash..self.lines[first].1];
            let item_start = after_dash + (body.len() - body.trim_start_matches(' ').len());
            seq_pos = if indentless {
                self.pos(first, item_start, 0)
            } else {
                self.pos(first, line_start + indent, 0)
            };
        }
        loop {
            let line_start = self.lines[i].0;
            let line = self.line(i);
            if !(line[indent..].starts_with("- ")) {
                return None;
            }
            let after_dash = line_start + indent + 1;
            let body = &self.text[after_dash..self.lines[i].1];
            let item_at = after_dash + (body.len() - body.trim_start_matches(' ').len());
            let item_col = item_at - line_start;
            // `- key: value` opens a mapping whose keys sit at the item's column.
            let (item, next) = if self.key(i, item_at).is_some() {
                self.nodes -= 1;
                let (node, next) = self.block_map(i, item_col, item_col, depth + 1)?;
                (node, Some(next))
            } else {
                self.value(i, after_dash, indent, depth + 1, false)?
            };
            items.push(item);
            match next.and_then(|n| self.next_content(n)) {
                Some(n) if self.indent(n) == indent && self.line(n)[indent..].starts_with("- ") => {
                    i = n;
                }
                Some(n) if self.indent(n) > indent => return None,
                Some(n) if self.indent(n) == indent && !indentless => {
                    // A key at the dashes' column ends a sequence only when
                    // it is indentless; otherwise the document is odd.
                    let _ = n;
                    return None;
                }
                other => {
                    let end = other.unwrap_or(self.lines.len());
                    return Some((
                        Node {
                            value: Value::Seq(items),
                            pos: seq_pos,
                        },
                        end,
                    ));
                }
            }
        }
    }

    /// `|`, `|-`, `>` or `>-` at byte `at` of line `i`, its content on the
    /// next lines, indented more than `parent`.
    fn block_scalar(
        &mut self,
        i: usize,
        at: usize,
        parent: usize,
    ) -> Option<(Node, Option<usize>)> {
        let header = &self.text[at..self.lines[i].1];
        let (fold, strip) = match header {
            "|" => (false, false),
            "|-" => (false, true),
            ">" => (true, false),
            ">-" => (true, true),
            _ => return None,
        };
        let first = i + 1;
        if first >= self.lines.len() || self.is_blank(first) {
            return None;
        }
        let n = self.indent(first);
        if n <= parent {
            return None;
        }
        let mut j = first;
        let mut last_content = first;
        while j < self.lines.len() {
            let line = self.line(j);
            if line.bytes().all(|b| b == b' ') {
                if line.len() > n {
                    return None;
                }
            } else if self.indent(j) >= n {
                last_content = j;
            } else {
                break;
            }
            j += 1;
        }
        let mut value = String::new();
        if fold {
            // Folding, for the plain case only: every text line exactly at
            // the block's indentation and without trailing spaces. A line
            // break between two text lines becomes a space; each empty line
            // between them, a line break.
            let mut empty_run = 0;
            let mut started = false;
            for k in first..=last_content {
                let line = self.line(k);
                if line.len() <= n {
                    empty_run += 1;
                    continue;
                }
                if self.indent(k) != n || line.ends_with(' ') {
                    return None;
                }
                if started {
                    if empty_run == 0 {
                        value.push(' ');
                    } else {
                        value.extend(std::iter::repeat_n('\n', empty_run));
                    }
                }
                empty_run = 0;
                started = true;
                value.push_str(&line[n..]);
            }
            if !strip {
                value.push('\n');
            }
        } else {
            for k in first..=last_content {
                let line = self.line(k);
                if line.len() > n {
                    value.push_str(&line[n..]);
                }
                if k < last_content || !strip {
                    value.push('\n');
                }
            }
        }
        let start = self.lines[first].0 + n;
        // The backend's span ends where the next token starts.
        let end = if j < self.lines.len() {
            self.lines[j].0 + self.indent(j)
        } else {
            self.text.len()
        };
        self.count()?;
        Some((
            Node {
                value: Value::Str(value),
                pos: self.pos(first, start, end - start),
            },
            (j < self.lines.len()).then_some(j),
        ))
    }

    /// A double-quoted scalar on one line; returns it and its length.
    fn double_quoted(&mut self, i: usize, at: usize) -> Option<(Node, usize)> {
        let line = &self.text[at..self.lines[i].1];
        let mut value = String::with_capacity(line.len());
        let mut k = 1;
        let close = loop {
            // Both are ASCII: a byte search finds them without decoding
            // the characters in between.
            let rel = line
                .get(k..)?
                .bytes()
                .position(|b| b == b'"' || b == b'\\')?;
            value.push_str(&line[k..k + rel]);
            k += rel;
            if line.as_bytes()[k] == b'"' {
                break k;
            }
            value.push(match line.as_bytes().get(k + 1)? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'n' => '\n',
                b't' => '\t',
                _ => return None,
            });
            k += 2;
        };
        self.count()?;
        let len = close + 1;
        Some((
            Node {
                value: Value::Str(value),
                pos: self.pos(i, at, len),
            },
            len,
        ))
    }

    /// A single-quoted scalar on one line; returns it and its length.
    fn single_quoted(&mut self, i: usize, at: usize) -> Option<(Node, usize)> {
        let line = &self.text[at..self.lines[i].1];
        let bytes = line.as_bytes();
        let mut value = String::new();
        let mut k = 1;
        let mut from = 1;
        loop {
            let rel = line.get(k..)?.find('\'')?;
            k += rel;
            if bytes.get(k + 1) == Some(&b'\'') {
                value.push_str(&line[from..=k]);
                k += 2;
                from = k;
                continue;
            }
            value.push_str(&line[from..k]);
            break;
        }
        self.count()?;
        let len = k + 1;
        Some((
            Node {
                value: Value::Str(value),
                pos: self.pos(i, at, len),
            },
            len,
        ))
    }

    /// A plain scalar at byte `at` of line `i`; in a flow collection it
    /// ends at `,`, `]` or `}`. Returns it and its length.
    fn plain(&mut self, i: usize, at: usize, flow: bool) -> Option<(Node, usize)> {
        let line = &self.text[at..self.lines[i].1];
        let first = line.chars().next()?;
        if "?:,[]{}#&*!|>'\"%@`".contains(first) {
            return None;
        }
        let mut end = line.len();
        if let Some(k) = comment_start(line) {
            end = k;
        }
        if flow && let Some(k) = line[..end].find([',', ']', '}', '[', '{']) {
            end = k;
        }
        let raw = line[..end].trim_end_matches(' ');
        if raw.is_empty() || raw.contains(": ") || raw.ends_with(':') || (flow && raw.contains('#'))
        {
            return None;
        }
        let value = resolve(raw)?;
        self.count()?;
        Some((
            Node {
                value,
                pos: self.pos(i, at, raw.len()),
            },
            raw.len(),
        ))
    }

    /// A flow item (plain or quoted scalar) at `at`; its node and length.
    fn flow_scalar(&mut self, i: usize, at: usize) -> Option<(Node, usize)> {
        // `at` is the end of the text when a flow collection is cut short
        // on the last line (`a: {b: `, found by the `yaml_subset` fuzz target).
        match *self.text.as_bytes().get(at)? {
            b'"' => self.double_quoted(i, at),
            b'\'' => self.single_quoted(i, at),
            _ => self.plain(i, at, true),
        }
    }

    fn skip_spaces(&self, at: usize, end: usize) -> usize {
        let rest = &self.text[at..end];
        at + (rest.len() - rest.trim_start_matches(' ').len())
    }

    /// `[a, b]` on one line; the node and its length.
    fn flow_seq(&mut self, i: usize, at: usize, depth: usize) -> Option<(Node, usize)> {
        if depth + 1 > MAX_DEPTH {
            return None;
        }
        self.count()?;
        let end = self.lines[i].1;
        let mut items = Vec::new();
        let mut k = self.skip_spaces(at + 1, end);
        if self.text.as_bytes().get(k) == Some(&b']') {
            return None;
        }
        loop {
            let (node, len) = self.flow_scalar(i, k)?;
            items.push(node);
            k = self.skip_spaces(k + len, end);
            match self.text.as_bytes().get(k) {
                Some(b',') => k = self.skip_spaces(k + 1, end),
                Some(b']') => break,
                _ => return None,
            }
        }
        let len = k + 1 - at;
        Some((
            Node {
                value: Value::Seq(items),
                pos: self.pos(i, at, 1),
            },
            len,
        ))
    }

    /// `{ a: 1, b: 2 }` on one line; the node and its length.
    fn flow_map(&mut self, i: usize, at: usize, depth: usize) -> Option<(Node, usize)> {
        if depth + 1 > MAX_DEPTH {
            return None;
        }
        self.count()?;
        let end = self.lines[i].1;
        let mut entries: Vec<(Key, Node)> = Vec::new();
        let mut k = self.skip_spaces(at + 1, end);
        if self.text.as_bytes().get(k) == Some(&b'}') {
            return None;
        }
        loop {
            let (key, after) = self.key(i, k)?;
            if entries.iter().any(|(e, _)| e.name == key.name) {
                return None;
            }
            let v = self.skip_spaces(after, end);
            if v == after {
                return None;
            }
            let (node, len) = self.flow_scalar(i, v)?;
            entries.push((key, node));
            k = self.skip_spaces(v + len, end);
            match self.text.as_bytes().get(k) {
                Some(b',') => k = self.skip_spaces(k + 1, end),
                Some(b'}') => break,
                _ => return None,
            }
        }
        let len = k + 1 - at;
        Some((
            Node {
                value: Value::Map(entries),
                pos: self.pos(i, at, 1),
            },
            len,
        ))
    }
}

/// The value of a plain scalar as serde-saphyr (strict booleans, YAML 1.2
/// core schema) reads it, for the spellings whose reading is certain;
/// `None` for the rest (`+5`, `0301`, `1e3`, `.5`, `0x1F`, …).
fn resolve(raw: &str) -> Option<Value> {
    match raw {
        "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let first = raw.chars().next()?;
    if first.is_alphabetic() {
        return Some(Value::Str(raw.to_owned()));
    }
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    let d0 = digits.bytes().next()?;
    if !d0.is_ascii_digit() {
        return None;
    }
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let no_leading_zero = |s: &str| s == "0" || !s.starts_with('0');
    if all_digits(digits) {
        if !no_leading_zero(digits) || digits == "0" && raw.starts_with('-') {
            return None;
        }
        return raw.parse::<i64>().ok().map(Value::Int);
    }
    if let Some((int, frac)) = digits.split_once('.')
        && all_digits(int)
        && all_digits(frac)
        && no_leading_zero(int)
    {
        return raw.parse::<f64>().ok().map(Value::Float);
    }
    // Dates and spans (`2014-04-22`, `2013-2014`) and periods with letters
    // (`2008-Q1`) are text to every YAML reader.
    if !raw.starts_with('-') && raw.split('-').count() > 1 && raw.split('-').all(all_digits) {
        return Some(Value::Str(raw.to_owned()));
    }
    if raw
        .chars()
        .any(|c| c.is_alphabetic() && !"eEoOxXbBaAcCdDfF".contains(c))
    {
        return Some(Value::Str(raw.to_owned()));
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::parse_with_backend;
    use super::*;

    /// Where the subset answers, it answers as serde-saphyr does.
    fn agrees(yaml: &str) -> bool {
        match parse(yaml) {
            None => false,
            Some(fast) => {
                let slow = parse_with_backend(yaml);
                if Ok(&fast) != slow.as_ref() {
                    let short = |s: String| s.chars().take(3000).collect::<String>();
                    panic!(
                        "subset and serde-saphyr differ for:\n{}\nsubset: {}\nserde-saphyr: {}",
                        short(yaml.to_owned()),
                        short(format!("{fast:?}")),
                        short(format!("{slow:?}"))
                    );
                }
                true
            }
        }
    }

    #[test]
    fn refused_characters_are_flagged_and_common_ones_are_not() {
        for c in [
            '\u{80}', '\u{85}', '\u{9f}', '\u{feff}', '\u{fffe}', '\u{ffff}',
        ] {
            let text = format!("title: a{c}b\n");
            assert!(may_have_refused_chars(&text), "U+{:04X}", u32::from(c));
            assert_eq!(parse(&text), None, "U+{:04X}", u32::from(c));
        }
        for text in [
            "",
            "a",
            "title: «Ævre» – på ½ § 3\n",
            "x: ø\u{a0}\u{7ff}\u{fdd0}\n",
        ] {
            assert!(!may_have_refused_chars(text), "{text}");
        }
        // A superset: neighbours of refused characters go on to the exact check.
        assert!(may_have_refused_chars("title: \u{fffd}\n"));
    }

    #[test]
    fn key_len_reads_ascii_and_other_letters_alike() {
        for text in [
            "",
            "a",
            "title: x",
            "kommune_nr-2: x",
            "bærum: x",
            "a-ø_1 b",
            "æ",
            "ab\u{2028}c",
            "x.y",
        ] {
            let slow = text.find(|c: char| !is_key_char(c)).unwrap_or(text.len());
            assert_eq!(key_len(text), slow, "{text:?}");
        }
    }

    #[test]
    fn comment_start_finds_the_first_space_hash() {
        for line in [
            "",
            "#",
            "a#b",
            "a # b",
            "#a # b #",
            "a  #",
            "ø #x # y",
            " #",
            "a#b c #d",
        ] {
            assert_eq!(comment_start(line), line.find(" #"), "{line:?}");
        }
    }

    fn markdown_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                markdown_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }

    #[test]
    fn agrees_with_serde_saphyr_on_every_front_matter_in_the_repository() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["content", "tests/fixtures", "fuzz/corpus"] {
            markdown_files(&root.join(dir), &mut files);
        }
        assert!(files.len() > 20, "found {} files", files.len());
        let mut answered = 0;
        for path in &files {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            if let Ok(split) = crate::content::split_front_matter(&text) {
                if agrees(split.yaml) {
                    answered += 1;
                } else if std::env::var_os("SUBSET_DEBUG").is_some() {
                    eprintln!("deferred: {}", path.display());
                }
            }
        }
        // Many fixtures are broken on purpose; most of the rest is in the subset.
        assert!(answered * 3 > files.len(), "{answered} of {}", files.len());
    }

    /// `SUBSET_CORPUS=target/bench/10000/site cargo test --lib -- --ignored
    /// subset`: the same comparison over a generated benchmark corpus.
    #[test]
    #[ignore = "needs a generated corpus"]
    fn agrees_on_a_generated_corpus() {
        let Some(dir) = std::env::var_os("SUBSET_CORPUS") else {
            return;
        };
        let mut files = Vec::new();
        markdown_files(std::path::Path::new(&dir), &mut files);
        let mut answered = 0;
        for path in &files {
            let text = std::fs::read_to_string(path).expect("read");
            let split = crate::content::split_front_matter(&text).expect("front matter");
            if agrees(split.yaml) {
                answered += 1;
            }
        }
        assert_eq!(
            answered,
            files.len(),
            "every generated case is in the subset"
        );
    }

    #[test]
    fn agrees_on_the_benchmark_corpus_shapes() {
        let yaml = "title: \"Ål: Heltid og deltid i legevakten\"\nmunicipality: \"Ål\"\nmunicipality_number: \"3328\"\ncounty: \"Buskerud\"\nprogramme: saman\nthemes: [heltid-deltid, arbeidsmiljo, kompetanse]\nstatus: completed\nperiod: { start: 2013, end: 2014 }\nlanguage: nb\npublished: 2014-04-22\nsummary: \"Slik arbeidet Ål kommune.\"\nneed: |\n  Befolkningsframskrivingene viste 7,4 prosent.\n\n  Tillitsvalgte og ledere var enige.\ngoal: |\n  Vi ønsket å prøve ut minst 9 nye løsninger.\nmeasures:\n  - \"Utarbeidet en plan.\"\n  - \"Gjennomførte risikovurderinger.\"\nresult: |\n  Bruken av vikarer ble redusert.\nanchoring: |\n  Rådmannens ledergruppe var styringsgruppe.\nindicators:\n  - name: \"Sykefravær\"\n    unit: percent\n    lower_is_better: true\n    series:\n      - { period: 2008-Q1, value: 9.3 }\n      - { period: 2008-Q2, value: 8 }\n    targets:\n      - { period: 2012, value: 6.0, label: \"Ønsket maks\" }\nfunding:\n  - { source: \"Kommunal- og regionaldepartementet\", amount_nok: 350000, per: year }\nlinks:\n  - { title: \"Reportasje\", url: \"https://ks.no/a?b=1#c\" }\ndraft: false\n";
        assert!(agrees(yaml), "the corpus shape is in the subset");
        for yaml in [
            "a: |\n  x\n\n  y\n\n\nb: |-\n  z\n  w\n# c\nc: |\n    deep\n  \nd:\n- p\n- q: 1\n  r: 2\ne:   spaced   # comment\nf: \"q\" # c\ng:\n  h: 1\n  i: [a, \"b\", c d]\nlast: |\n  end\n",
            "# leading comment\n\ntitle: x\n# between\nthemes:\n  # inside\n  - a\n  - 'it''s'\nempty:\nnext: ~\n",
            "a: \"esc \\\" \\\\ \\/ \\n \\t\"\nb: -5\nc: 0\nd: 12.50\ne: 2008-03\nf: 5-dagers\ng: Null\nh: TRUE\n",
            "a:\n  b:\n    c:\n      - x\n      - y: 1\n        z: [1, 2]\n",
            "s: >-\n  folded\n  lines\n\n  para\n\n\n  two\nt: >\n  one\n  two\n",
        ] {
            assert!(agrees(yaml), "in the subset:\n{yaml}");
        }
    }

    #[test]
    fn doubtful_documents_go_to_serde_saphyr() {
        for yaml in [
            "a: 1\na: 2\n",
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: b\n  c\n",
            "a: \"b\n  c\"\n",
            "a: >\n  folded\n    more indented\n",
            "a: |+\n  keep\n",
            "a: 0301\n",
            "a: +5\n",
            "a: 1e3\n",
            "a:\tb\n",
            "a: b\r\n",
            "null: 1\n",
            "True: 1\n",
            "7: x\n",
            "? a\n: b\n",
            "a: [b, [c]]\n",
            "a: {}\n",
            "- a\n",
            "a: b: c\n",
            "a:b\n",
            "",
            "# only a comment\n",
        ] {
            assert!(parse(yaml).is_none(), "should defer:\n{yaml}");
        }
    }

    const KEYS: [&str; 10] = [
        "title", "themes", "need", "measures", "period", "a", "mål", "x_y", "b-c", "draft",
    ];
    const SCALARS: [&str; 24] = [
        "plain text",
        "\"quoted: yes\"",
        "'single ''q'''",
        "12",
        "-3",
        "4.50",
        "0",
        "true",
        "False",
        "~",
        "null",
        "2014-04-22",
        "2008-Q1",
        "Ål og Å",
        "x # comment",
        "https://a.b/c#d",
        "1e5",
        "0012",
        "+1",
        "a: b",
        "\"\\u00e5\"",
        "[a, 'b', 3]",
        "{ start: 2012, end: 2014 }",
        "[]",
    ];

    proptest! {
        #[test]
        fn agrees_wherever_it_answers(
            entries in proptest::collection::vec((0usize..10, 0usize..24, 0usize..6, 0usize..3), 1..10)
        ) {
            let mut yaml = String::new();
            for (k, v, shape, pad) in entries {
                let key = KEYS[k];
                let value = SCALARS[v];
                let sp = " ".repeat(pad + 1);
                match shape {
                    0 => yaml.push_str(&format!("{key}:{sp}{value}\n")),
                    1 => yaml.push_str(&format!("{key}:\n  -{sp}{value}\n  - {value}\n")),
                    2 => yaml.push_str(&format!("{key}:\n- {value}\n")),
                    3 => yaml.push_str(&format!("{key}: |\n  {value}\n\n  {value}\n{}", "\n".repeat(pad))),
                    4 => yaml.push_str(&format!("{key}:\n  - k: {value}\n    l:{sp}{value}\n")),
                    _ => yaml.push_str(&format!("# c\n{key}:\n{}\n", " ".repeat(pad))),
                }
            }
            agrees(&yaml);
        }
    }
}
