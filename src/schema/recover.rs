//! Every problem at once, as far as the file can be read: after a YAML
//! mistake, the top-level entry that holds it (its key line and the
//! indented lines under it) is blanked, and the YAML is read again, so the
//! fields that can still be read are checked too.
//!
//! Where this is not possible (also in docs/content.md, "Every problem at
//! once"):
//! - the broken entry itself is not checked: problems inside it (an
//!   unknown theme in a `themes` list with an unclosed quote) show once
//!   the YAML mistake is fixed;
//! - a mistake the parser cannot place (no line) leaves nothing to blank,
//!   and nothing else is checked; nor is anything when the mistake is in
//!   an entry that spans the whole front matter (a `{ … }` around it all);
//! - after [`MAX_ROUNDS`] mistakes the rest of the file is not read.

use crate::yaml::{self, Node, YamlError};

/// The most YAML mistakes reported for one front matter block. Each costs
/// a parse; a real file has one or two.
pub const MAX_ROUNDS: usize = 10;

/// What reading the front matter gave: the YAML mistakes found (in the
/// order found), the tree of what could still be read, and the top-level
/// keys that were blanked.
pub struct Recovered {
    /// The YAML mistakes.
    pub errors: Vec<YamlError>,
    /// The tree, with every broken entry left out; `None` when nothing
    /// could be read.
    pub root: Option<Node>,
    /// The keys of the blanked entries, as written.
    pub blanked: Vec<String>,
}

/// Reads `text`, blanking one broken top-level entry after each mistake.
pub fn parse(text: &str) -> Recovered {
    let mut errors = Vec::new();
    let mut blanked = Vec::new();
    let mut current: Option<String> = None;
    for _ in 0..MAX_ROUNDS {
        let source = current.as_deref().unwrap_or(text);
        let err = match yaml::parse(source) {
            Ok(root) => {
                // Nothing left once the broken entries are blanked: there
                // is nothing more to check, and "`` is empty" would only
                // confuse.
                let nothing_left = !errors.is_empty() && root.value == crate::yaml::Value::Null;
                return Recovered {
                    errors,
                    root: (!nothing_left).then_some(root),
                    blanked,
                };
            }
            Err(err) => err,
        };
        let Some(pos) = err.pos else {
            errors.push(err);
            break;
        };
        errors.push(err);
        let Some((range, key)) = entry_at(source, pos.offset) else {
            break;
        };
        let mut bytes = source.as_bytes().to_vec();
        // Spaces keep every byte offset, line and column of the file; a
        // multi-byte letter becomes as many spaces as it had bytes.
        for b in &mut bytes[range] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
        let Ok(next) = String::from_utf8(bytes) else {
            break;
        };
        blanked.extend(key);
        current = Some(next);
    }
    Recovered {
        errors,
        root: None,
        blanked,
    }
}

/// Whether a line opens a top-level entry: it starts at the left margin
/// with something other than a comment.
fn opens_entry(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|ch| !matches!(ch, ' ' | '\t' | '#' | '\r'))
}

/// The byte range of the top-level entry holding byte `offset` (from its
/// opening line to the next line that opens one), and its key; `None`
/// when that range is already blank (no progress is possible).
fn entry_at(text: &str, offset: usize) -> Option<(std::ops::Range<usize>, Option<String>)> {
    let offset = offset.min(text.len());
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        starts.push((at, line));
        at += line.len();
    }
    let here = starts
        .iter()
        .rposition(|(start, _)| *start <= offset)
        .unwrap_or(0);
    let first = (0..=here)
        .rev()
        .find(|&i| opens_entry(starts[i].1))
        .unwrap_or(here);
    let end = (here + 1..starts.len())
        .find(|&i| opens_entry(starts[i].1))
        .map_or(text.len(), |i| starts[i].0);
    let start = starts.get(first).map_or(0, |(s, _)| *s);
    let range = start..end;
    if text[range.clone()].trim().is_empty() {
        return None;
    }
    let key = starts.get(first).and_then(|(_, line)| {
        let (key, _) = line.split_once(':')?;
        let key = key.trim().trim_matches(['"', '\'']);
        (!key.is_empty() && !key.starts_with('-')).then(|| key.to_owned())
    });
    Some((range, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_is_its_key_line_and_the_lines_under_it() {
        let text = "title: T\nneed: |\n  a\n\tb\n  c\ngoal: G\n";
        let tab = text.find('\t').expect("tab");
        let (range, key) = entry_at(text, tab).expect("entry");
        assert_eq!(&text[range], "need: |\n  a\n\tb\n  c\n");
        assert_eq!(key.as_deref(), Some("need"));
    }

    #[test]
    fn after_a_mistake_the_rest_is_read() {
        let text = "title: \"T\nmunicipality: Molde\nthemes: [a, b\nstatus: done\n";
        let r = parse(text);
        assert_eq!(r.errors.len(), 2, "{:?}", r.errors);
        assert_eq!(r.blanked, ["title", "themes"]);
        let root = r.root.expect("the rest is read");
        let crate::yaml::Value::Map(entries) = root.value else {
            panic!("a mapping");
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(keys, ["municipality", "status"]);
        assert_eq!(entries[1].1.pos.line, 4, "positions are the file's");
    }

    #[test]
    fn nothing_is_blanked_twice() {
        let r = parse("[unclosed\n");
        assert!(!r.errors.is_empty());
        assert!(r.errors.len() <= 2, "{:?}", r.errors);
    }
}
