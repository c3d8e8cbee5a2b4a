//! Markdown to the plain text that search indexes and cuts snippets from.
//!
//! Written by hand rather than through pulldown-cmark: the search step must
//! stay under a fifth of the build (issue 5), and a full parse of every
//! field a second time (render already parses them into HTML) costs more
//! than the whole index. Search only needs the words in reading order
//! without markup, link targets or HTML tags, which a one-pass scan gives;
//! anything it leaves behind is punctuation the tokeniser skips anyway.

/// The paragraphs of a Markdown text as plain text, one per item.
pub fn paragraphs(markdown: &str, out: &mut Vec<String>) {
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let mut para = String::with_capacity(current.len());
        for word in current.split_whitespace() {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(word);
        }
        if !para.is_empty() {
            out.push(para);
        }
        current.clear();
    };
    for line in markdown.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut current, out);
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") || is_table_rule(line) {
            continue;
        }
        let (body, block) = strip_block_marker(line);
        if block {
            // Headings, list items and quotes stand on their own.
            flush(&mut current, out);
        }
        if !current.is_empty() {
            current.push(' ');
        }
        inline(body, &mut current);
        if block {
            flush(&mut current, out);
        }
    }
    flush(&mut current, out);
}

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

/// Appends `text` without inline markup: link targets, footnote references,
/// HTML tags, bare URLs and emphasis characters go; link texts stay.
fn inline(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut start = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'*' | b'_' | b'`' | b'~' | b'|' | b'\\' => {
                out.push_str(&text[start..i]);
                if bytes[i] == b'|' {
                    out.push(' ');
                }
                i += 1;
                start = i;
            }
            b'[' if bytes.get(i + 1) == Some(&b'^') => {
                out.push_str(&text[start..i]);
                i = text[i..].find(']').map_or(bytes.len(), |e| i + e + 1);
                start = i;
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                out.push_str(&text[start..i]);
                i = text[i..].find(')').map_or(bytes.len(), |e| i + e + 1);
                start = i;
            }
            b'[' | b'!' if bytes.get(i + 1) == Some(&b'[') || bytes[i] == b'[' => {
                out.push_str(&text[start..i]);
                i += if bytes[i] == b'!' { 2 } else { 1 };
                start = i;
            }
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!') =>
            {
                out.push_str(&text[start..i]);
                i = text[i..].find('>').map_or(bytes.len(), |e| i + e + 1);
                out.push(' ');
                start = i;
            }
            b'h' if text[i..].starts_with("http://") || text[i..].starts_with("https://") => {
                out.push_str(&text[start..i]);
                i = text[i..]
                    .find(char::is_whitespace)
                    .map_or(bytes.len(), |e| i + e);
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> Vec<String> {
        let mut out = Vec::new();
        paragraphs(md, &mut out);
        out
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
    fn lone_brackets_do_not_swallow_text() {
        assert_eq!(plain("a [b] c < d"), ["a b] c < d"]);
    }
}
