//! A JSON string, written fast: the search snippet texts are some 40 MB of
//! plain text at 10 000 cases, and `serde_json` looks at every byte through
//! a table (about ten instructions a byte under callgrind). Text rarely
//! needs escaping, so this skips eight bytes at a time to the next `"`, `\`
//! or control character and copies the run whole. The output is byte for
//! byte what `serde_json::to_writer` writes for a `&str` (a proptest holds
//! it to that).

/// Appends `text` to `out` as a JSON string, quotes included.
pub fn push_string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `bytes[start..i]` is waiting to be copied as it is.
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none of them needs escaping
        // (`chunks_exact`: no bounds check per word).
        for chunk in bytes[i..].chunks_exact(8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if needs_escape(u64::from_le_bytes(word)) {
                break;
            }
            i += 8;
        }
        // Then the next eight (or the last few) one at a time.
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0..=0x1f => &[],
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.extend_from_slice(&bytes[start..i]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            } else {
                out.extend_from_slice(escape);
            }
            i += 1;
            start = i;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Whether any of the eight bytes in `word` is `"`, `\` or below 0x20.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte's high bit in `zero(x)` is set where that byte of `x` is 0
    // (exactly, for the lowest such byte; higher ones may be flagged by a
    // borrow, which only makes the check stricter and still correct here
    // because any flagged byte is then re-examined one at a time).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let quote = zero(word ^ (ONES * u64::from(b'"')));
    let backslash = zero(word ^ (ONES * u64::from(b'\\')));
    // Bytes below 0x20: subtracting 0x20 borrows into the high bit.
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    (quote | backslash | control) != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(text: &str) -> String {
        let mut out = Vec::new();
        push_string(&mut out, text);
        String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
    }

    #[test]
    fn escapes_as_serde_json_does() {
        for text in [
            "",
            "plain",
            "«Sitat», sier en leder: \"ja\" \\ nei",
            "tab\there\nnew line\r\u{8}\u{c}\u{1}\u{1f}\u{7f} end",
            "0123456\"89abcdef\\",
            "ÆØÅ æøå 8,5\u{a0}%",
        ] {
            assert_eq!(
                ours(text),
                serde_json::to_string(text).expect("json"),
                "{text:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_text_escapes_as_serde_json_does(text in "\\PC*|[\\x00-\\x7f]{0,40}") {
            prop_assert_eq!(ours(&text), serde_json::to_string(&text).expect("json"));
        }
    }
}
