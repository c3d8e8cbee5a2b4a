//! Lines of a text, found with the `memchr` crate.
//!
//! The case texts are read line by line in several places (front matter,
//! the YAML subset, the Markdown depth check, search's plain text); with
//! `str::lines` those searches for `\n` were 3 % of a build's cycles.

/// The lines of `text` exactly as [`str::lines`] gives them: split at
/// `\n`, a `\r` before it removed, no empty line after a final `\n`.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(i) = memchr::memchr(b'\n', rest.as_bytes()) else {
            // The last line, with no `\n`: kept whole, a `\r` too.
            return Some(std::mem::take(&mut rest));
        };
        let line = &rest[..i];
        rest = &rest[i + 1..];
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// Where the line starting at `from` ends, its `\n` included (the end of
/// `text` when there is none).
pub fn line_end(text: &str, from: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |i| from + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_the_standard_library() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "\r",
            "a\r",
            "\n\n",
            "a\n\r\n\rb",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
        assert_eq!(line_end("ab\ncd", 0), 3);
        assert_eq!(line_end("ab\ncd", 3), 5);
        assert_eq!(line_end("ab\n", 3), 3);
    }

    proptest::proptest! {
        #[test]
        fn lines_agree_with_the_standard_library_on_any_text(text in "(\\PC|\r|\n){0,40}") {
            proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>());
        }
    }
}
