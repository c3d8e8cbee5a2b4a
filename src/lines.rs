//! Lines of a text.

/// The lines of `text`, as [`str::lines`] gives them: split at `\n`, a
/// `\r` before it removed, no empty line after a final `\n`.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
}

/// Where the line starting at `from` ends, its `\n` included (the end of
/// `text` when there is none).
pub fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_ends_after_its_newline_or_at_the_end() {
        assert_eq!(line_end("ab\ncd", 0), 3);
        assert_eq!(line_end("ab\ncd", 3), 5);
        assert_eq!(line_end("ab\n", 3), 3);
        assert_eq!(line_end("", 0), 0);
    }
}
