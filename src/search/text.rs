//! Markdown to the plain text that search indexes and cuts snippets from.
//!
//! A line-by-line scan, not pulldown-cmark: parsing every field a second
//! time costs a tenth of a build.

/// Plain text made of paragraphs, one per line, built up field by field in
/// one buffer that is reused from case to case.
///
/// Whitespace is collapsed as the text is added, in one pass: a paragraph
/// is its words (runs of non-whitespace) joined by single spaces, and one
/// with no words is left out.
#[derive(Debug, Default)]
pub struct Plain {
    /// The paragraphs, joined by `\n`.
    pub text: String,
    /// Paragraphs in `text`.
    count: usize,
    /// The paragraph being gathered has a word already.
    open: bool,
    /// Whitespace came after the last word of the open paragraph.
    space: bool,
}

impl Plain {
    /// Empties the text, keeping the buffer.
    pub fn clear(&mut self) {
        self.text.clear();
        self.count = 0;
        self.open = false;
        self.space = false;
    }

    /// Where the next paragraph will start in `text`.
    pub fn next_start(&self) -> usize {
        if self.count == 0 {
            0
        } else {
            self.text.len() + 1
        }
    }

    /// Adds `para` as it is, as one paragraph (even when empty).
    pub fn push(&mut self, para: &str) {
        self.flush();
        if self.count > 0 {
            self.text.push('\n');
        }
        self.text.push_str(para);
        self.count += 1;
    }

    /// Adds the paragraphs of a Markdown text.
    pub fn paragraphs(&mut self, markdown: &str) {
        for line in markdown.lines() {
            let line = line.trim();
            if line.is_empty() {
                self.flush();
                continue;
            }
            if line.starts_with("```") || line.starts_with("~~~") || is_table_rule(line) {
                continue;
            }
            let (body, block) = strip_block_marker(line);
            if block {
                // Headings, list items and quotes stand on their own.
                self.flush();
            }
            // Lines of one paragraph are joined by a space.
            self.space = true;
            self.inline(body);
            if block {
                self.flush();
            }
        }
        self.flush();
    }

    /// Ends the paragraph being gathered.
    fn flush(&mut self) {
        self.open = false;
        self.space = false;
    }

    /// Adds one word (a non-empty run without whitespace) to the paragraph
    /// being gathered, opening a new paragraph if it is the first.
    fn word(&mut self, word: &str) {
        if !self.open {
            if self.count > 0 {
                self.text.push('\n');
            }
            self.count += 1;
            self.open = true;
        } else if self.space {
            self.text.push(' ');
        }
        self.space = false;
        self.text.push_str(word);
    }

    /// Adds `text` to the paragraph being gathered, its whitespace (as
    /// [`char::is_whitespace`] knows it) collapsed into single spaces
    /// between words. `single` says that the only whitespace in `text` is
    /// single ASCII spaces (when false, it may be other).
    fn segment(&mut self, text: &str, single: bool) {
        if !single {
            return self.each_word(text);
        }
        // Words with single spaces between them are already their
        // collapsed form: added whole, not word by word.
        let inner = text.strip_prefix(' ').unwrap_or(text);
        if inner.len() < text.len() {
            self.space = true;
        }
        let inner_end = inner.strip_suffix(' ').unwrap_or(inner);
        if !inner_end.is_empty() {
            self.word(inner_end);
            if inner_end.len() < inner.len() {
                self.space = true;
            }
        }
    }

    /// [`Plain::segment`] a word at a time, for any whitespace.
    fn each_word(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut start = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let width = if b < 0x80 {
                if !matches!(b, b' ' | b'\t'..=b'\r') {
                    i += 1;
                    continue;
                }
                1
            } else {
                // Only a whole character can be whitespace (U+00A0 and
                // the like); any other is part of the word.
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                if !c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                c.len_utf8()
            };
            if start < i {
                self.word(&text[start..i]);
            }
            self.space = true;
            i += width;
            start = i;
        }
        if start < bytes.len() {
            self.word(&text[start..]);
        }
    }

    /// Adds `text` without inline markup: link targets, footnote
    /// references, HTML tags, bare URLs and emphasis characters go; link
    /// texts stay.
    ///
    /// One pass over the bytes finds both the markup and whether the text
    /// between is single-spaced; a byte of neither kind (most of them) is
    /// one look in [`CLASS`]. This pass is some 5 % of a build's work less
    /// than a scan per line with `char` tests.
    fn inline(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut start = 0;
        // No whitespace but single ASCII spaces in `text[start..i]`.
        let mut single = true;
        while i < bytes.len() {
            let b = bytes[i];
            match CLASS[usize::from(b)] {
                WORD => {
                    i += 1;
                    continue;
                }
                SPACE => {
                    single &= bytes.get(i + 1) != Some(&b' ');
                    i += 1;
                    continue;
                }
                BREAK => {
                    single = false;
                    i += 1;
                    continue;
                }
                MAYBE_SPACE => {
                    let c = text[i..].chars().next().unwrap_or_default();
                    single &= !c.is_whitespace();
                    i += c.len_utf8();
                    continue;
                }
                _ => {}
            }
            let before = &text[start..i];
            match b {
                b'*' | b'_' | b'`' | b'~' | b'|' | b'\\' => {
                    self.segment(before, single);
                    if b == b'|' {
                        self.space = true;
                    }
                    i += 1;
                }
                b'[' if bytes.get(i + 1) == Some(&b'^') => {
                    self.segment(before, single);
                    i = text[i..].find(']').map_or(bytes.len(), |e| i + e + 1);
                }
                b']' if bytes.get(i + 1) == Some(&b'(') => {
                    self.segment(before, single);
                    i = text[i..].find(')').map_or(bytes.len(), |e| i + e + 1);
                }
                b'[' => {
                    self.segment(before, single);
                    i += 1;
                }
                b'!' if bytes.get(i + 1) == Some(&b'[') => {
                    self.segment(before, single);
                    i += 2;
                }
                b'<' if bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!') =>
                {
                    self.segment(before, single);
                    i = text[i..].find('>').map_or(bytes.len(), |e| i + e + 1);
                    self.space = true;
                }
                b'h' if bytes[i..].starts_with(b"http://")
                    || bytes[i..].starts_with(b"https://") =>
                {
                    self.segment(before, single);
                    i = text[i..]
                        .find(char::is_whitespace)
                        .map_or(bytes.len(), |e| i + e);
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
            start = i;
            single = true;
        }
        self.segment(&text[start..], single);
    }
}

/// The kinds of byte [`Plain::inline`] tells apart.
const WORD: u8 = 0;
const SPACE: u8 = 1;
/// ASCII whitespace other than a space: `\t`, `\n`, VT, FF, `\r`.
const BREAK: u8 = 2;
/// The first byte of a character that may be whitespace (U+0085, U+00A0,
/// U+1680, U+2000–U+3000); it is decoded to see.
const MAYBE_SPACE: u8 = 3;
/// A byte that may start inline markup.
const MARKUP: u8 = 4;

/// The kind of each byte, for [`Plain::inline`].
const CLASS: [u8; 256] = {
    let mut class = [WORD; 256];
    class[b' ' as usize] = SPACE;
    let mut b = b'\t';
    while b <= b'\r' {
        class[b as usize] = BREAK;
        b += 1;
    }
    class[0xC2] = MAYBE_SPACE;
    class[0xE1] = MAYBE_SPACE;
    class[0xE2] = MAYBE_SPACE;
    class[0xE3] = MAYBE_SPACE;
    let markup = b"*_`~|\\[]!<h";
    let mut k = 0;
    while k < markup.len() {
        class[markup[k] as usize] = MARKUP;
        k += 1;
    }
    class
};

/// `|---|:--:|` and the like.
fn is_table_rule(line: &str) -> bool {
    line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Removes a heading, quote, list or footnote-definition marker; says
/// whether the line was such a block.
fn strip_block_marker(line: &str) -> (&str, bool) {
    let mut s = line;
    let mut block = false;
    loop {
        let before = s;
        if let Some(rest) = s.strip_prefix('>') {
            s = rest.trim_start();
            block = true;
        }
        let hashes = s.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && s[hashes..].starts_with(' ') {
            s = s[hashes..].trim_start();
            block = true;
        }
        for marker in ["- ", "* ", "+ ", "- [ ] ", "- [x] "] {
            if let Some(rest) = s.strip_prefix(marker) {
                s = rest.trim_start();
                block = true;
            }
        }
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && digits < 10
            && (s[digits..].starts_with(". ") || s[digits..].starts_with(") "))
        {
            s = s[digits + 1..].trim_start();
            block = true;
        }
        if s.starts_with("[^")
            && let Some(end) = s.find("]:")
        {
            s = s[end + 2..].trim_start();
            block = true;
        }
        if s == before {
            return (s, block);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> Vec<String> {
        let mut out = Plain::default();
        out.paragraphs(md);
        if out.text.is_empty() {
            return Vec::new();
        }
        out.text.split('\n').map(str::to_owned).collect()
    }

    #[test]
    fn markup_goes_words_stay() {
        let md = "## Slik jobbet vi\n\nAnsatte ble *invitert* til [idédugnader](https://x.no/a) \
                  på tvers.[^1]\n\n- Første punkt\n- Andre <b>punkt</b>\n\n| År | Fravær |\n|---|---:|\n| 2012 | 9,2 % |\n\n\
                  > «Sitat», sier en leder.\n\n[^1]: Kilde: SSB, se https://ssb.no/x.";
        assert_eq!(
            plain(md),
            [
                "Slik jobbet vi",
                "Ansatte ble invitert til idédugnader på tvers.",
                "Første punkt",
                "Andre punkt",
                "År Fravær 2012 9,2 %",
                "«Sitat», sier en leder.",
                "Kilde: SSB, se"
            ]
        );
    }

    #[test]
    fn images_keep_their_alt_text() {
        assert_eq!(
            plain("Se ![Kart over Molde](media/kart.png) her."),
            ["Se Kart over Molde her."]
        );
    }

    #[test]
    fn fields_join_into_one_text_with_their_starts() {
        let mut p = Plain::default();
        assert_eq!(p.next_start(), 0);
        p.push("");
        assert_eq!(p.next_start(), 1, "an empty first paragraph counts");
        p.paragraphs("## Mål\n\n\n");
        let body = p.next_start();
        p.paragraphs("*Ein*   tekst\nover to linjer.\n\n> sitat");
        p.paragraphs("");
        assert_eq!(p.text, "\nMål\nEin tekst over to linjer.\nsitat");
        assert_eq!(&p.text[body..], "Ein tekst over to linjer.\nsitat");
        p.clear();
        p.paragraphs("ny");
        assert_eq!((p.text.as_str(), p.next_start()), ("ny", 3));
    }

    #[test]
    fn lone_brackets_do_not_swallow_text() {
        assert_eq!(plain("a [b] c < d"), ["a b] c < d"]);
    }

    proptest::proptest! {
        /// Whatever the whitespace, a paragraph is its words joined by
        /// single spaces, as `split_whitespace` finds them.
        #[test]
        fn paragraphs_are_their_words_single_spaced(
            line in "[a-zæøå «»–\u{a0}\u{2003}\t]{0,40}"
        ) {
            let expected: Vec<&str> = line.split_whitespace().collect();
            let got = plain(&line);
            if expected.is_empty() {
                proptest::prop_assert!(got.is_empty());
            } else {
                proptest::prop_assert_eq!(got, vec![expected.join(" ")]);
            }
        }
    }

    /// The scanner as it was before it found markup and spacing in one
    /// pass (markup first, then a second look at each run between), kept
    /// to hold the new one to the same output on any text.
    mod reference {
        use super::super::Plain;

        pub fn words(p: &mut Plain, text: &str) {
            // Most text is words with single spaces between them, which is
            // already its collapsed form: added whole, not word by word.
            let inner = text.trim_start_matches(' ');
            if inner.len() < text.len() {
                p.space = true;
            }
            let inner_end = inner.trim_end_matches(' ');
            if !inner_end.is_empty() && single_spaced(inner_end) {
                p.word(inner_end);
                if inner_end.len() < inner.len() {
                    p.space = true;
                }
                return;
            }
            p.each_word(text);
        }

        pub fn inline(p: &mut Plain, text: &str) {
            let bytes = text.as_bytes();
            let mut i = 0;
            let mut start = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'*' | b'_' | b'`' | b'~' | b'|' | b'\\' => {
                        words(p, &text[start..i]);
                        if bytes[i] == b'|' {
                            p.space = true;
                        }
                        i += 1;
                        start = i;
                    }
                    b'[' if bytes.get(i + 1) == Some(&b'^') => {
                        words(p, &text[start..i]);
                        i = text[i..].find(']').map_or(bytes.len(), |e| i + e + 1);
                        start = i;
                    }
                    b']' if bytes.get(i + 1) == Some(&b'(') => {
                        words(p, &text[start..i]);
                        i = text[i..].find(')').map_or(bytes.len(), |e| i + e + 1);
                        start = i;
                    }
                    b'[' | b'!' if bytes.get(i + 1) == Some(&b'[') || bytes[i] == b'[' => {
                        words(p, &text[start..i]);
                        i += if bytes[i] == b'!' { 2 } else { 1 };
                        start = i;
                    }
                    b'<' if bytes
                        .get(i + 1)
                        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!') =>
                    {
                        words(p, &text[start..i]);
                        i = text[i..].find('>').map_or(bytes.len(), |e| i + e + 1);
                        p.space = true;
                        start = i;
                    }
                    b'h' if bytes[i..].starts_with(b"http://")
                        || bytes[i..].starts_with(b"https://") =>
                    {
                        words(p, &text[start..i]);
                        i = text[i..]
                            .find(char::is_whitespace)
                            .map_or(bytes.len(), |e| i + e);
                        start = i;
                    }
                    _ => i += 1,
                }
            }
            words(p, &text[start..]);
        }
        fn single_spaced(text: &str) -> bool {
            let mut previous_space = false;
            for &b in text.as_bytes() {
                match b {
                    b' ' if previous_space => return false,
                    b' ' => previous_space = true,
                    b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3 => return false,
                    _ => previous_space = false,
                }
            }
            true
        }
    }

    proptest::proptest! {
        /// Any mix of words, spacing and markup gives the text the
        /// two-pass scanner gave.
        #[test]
        fn inline_gives_what_the_two_pass_scanner_gave(
            text in "([a-zæøå]{1,6}|  ?|\t|\u{a0}|\u{2003}|[«»–]|[*_`~|!\\\\\\[\\]()<>^/]|http://x|https://y z|h)*"
        ) {
            let mut new = Plain::default();
            new.inline(&text);
            new.flush();
            let mut old = Plain::default();
            reference::inline(&mut old, &text);
            old.flush();
            proptest::prop_assert_eq!(new.text, old.text);
        }
    }
}
