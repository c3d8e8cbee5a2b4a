//! How deeply a Markdown text nests block elements: quotes, lists and raw
//! HTML such as `<div>` inside each other.
//!
//! The HTML sanitiser (html5ever, inside ammonia) takes time quadratic in
//! that depth: every block start tag walks the stack of open elements. A
//! 64 KB body of `>` took two minutes to build, 16 000 `> - ` took 21 s in
//! the sanitiser alone, and a 4 MiB one would take days. Real reports nest a
//! handful of levels, so `check` refuses text nested deeper than
//! [`MAX_MARKDOWN_DEPTH`], and `build` never sees it.

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::checker::Checker;
use crate::diagnostics::Severity;

/// The deepest nesting of quotes, lists and HTML elements accepted.
pub const MAX_MARKDOWN_DEPTH: usize = 32;

/// Elements without content or whose end tag may be left out: they do not
/// nest when written again (`<li>…<li>`), so they are not counted.
const FLAT: [&str; 33] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rt", "rp", "rb", "rtc",
    "thead", "tbody", "tfoot", "colgroup", "caption", "html", "body",
];

/// Reports `markdown` (whose first byte is at `offset` in the file, or whose
/// field starts there) when it nests deeper than [`MAX_MARKDOWN_DEPTH`].
pub(crate) fn check_depth(c: &mut Checker<'_>, markdown: &str, offset: usize, exact: bool) {
    if let Some(at) = too_deep(markdown) {
        let offset = if exact { offset + at } else { offset };
        c.report_at(
            Severity::Error,
            offset,
            1,
            "markdown-too-deep",
            crate::words!("markdown-too-deep", max = MAX_MARKDOWN_DEPTH),
        )
        .help = Some(crate::words!("markdown-too-deep-help"));
    }
}

/// The byte offset in `markdown` where nesting first passes the limit.
pub fn too_deep(markdown: &str) -> Option<usize> {
    // Parsing is the costliest part of a check; a cheap upper bound rules
    // out nearly every real text first. Markdown opens a quote or list only
    // with a marker at the start of a line, and raw HTML only with `<`.
    if !may_be_too_deep(markdown) {
        return None;
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let (mut blocks, mut html) = (0usize, 0usize);
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(
                Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::FootnoteDefinition(_)
                | Tag::Table(_),
            ) => {
                blocks += 1;
            }
            Event::End(end) if is_block_end(end) => blocks = blocks.saturating_sub(1),
            Event::Html(text) | Event::InlineHtml(text) => html = html_depth(&text, html),
            _ => {}
        }
        if blocks + html > MAX_MARKDOWN_DEPTH {
            return Some(range.start);
        }
    }
    None
}

/// Whether `markdown` has more than [`MAX_MARKDOWN_DEPTH`] HTML start tags
/// or a line with more than half as many quote and list markers: only then
/// can it nest too deeply. Searching for `<` and stopping at the bound keeps
/// this to a fast scan of the text instead of a look at every byte pair.
fn may_be_too_deep(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    let many_tags = memchr::memchr_iter(b'<', bytes)
        .filter(|&at| bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic))
        .nth(MAX_MARKDOWN_DEPTH)
        .is_some();
    many_tags
        || markdown
            .lines()
            .any(|line| line_markers(line) > MAX_MARKDOWN_DEPTH / 2)
}

fn is_block_end(end: pulldown_cmark::TagEnd) -> bool {
    use pulldown_cmark::TagEnd;
    matches!(
        end,
        TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
    )
}

/// Quote and list markers at the start of one line (`> - 1. >` is 4).
fn line_markers(line: &str) -> usize {
    let mut rest = line.trim_start();
    let mut count = 0;
    loop {
        let bytes = rest.as_bytes();
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let marker_len = match bytes.first() {
            Some(b'>') => 1,
            Some(b'-' | b'+' | b'*') if bytes.get(1).is_none_or(|b| b.is_ascii_whitespace()) => 1,
            Some(b'0'..=b'9')
                if matches!(bytes.get(digits), Some(b'.' | b')'))
                    && bytes
                        .get(digits + 1)
                        .is_none_or(|b| b.is_ascii_whitespace()) =>
            {
                digits + 1
            }
            _ => return count,
        };
        count += 1;
        rest = rest[marker_len..].trim_start();
    }
}

/// The depth of open HTML elements after `html`, starting from `depth`.
fn html_depth(html: &str, mut depth: usize) -> usize {
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let closing = rest.starts_with('/');
        let tag = rest.trim_start_matches('/');
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        if name_len == 0 || !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name = tag[..name_len].to_ascii_lowercase();
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        // `<div/>` opens a `<div>` in HTML: the slash counts only on
        // elements without content, which are in FLAT.
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_texts_pass_without_parsing() {
        let text = "Vi gjorde tre ting:\n\n- kartla fraværet;\n  - per avdeling\n- fulgte opp\n\n> Sitat fra leder\n\n<div>rå HTML</div>";
        assert_eq!(too_deep(text), None);
    }

    #[test]
    fn deep_quotes_lists_and_html_are_found() {
        let depth = MAX_MARKDOWN_DEPTH + 1;
        for text in [
            ">".repeat(depth),
            "> - ".repeat(depth),
            "1. ".repeat(depth) + "x",
            "<div>".repeat(depth),
            "<ul><li>".repeat(depth),
            "<div/>".repeat(depth),
            format!(
                "{}\n\n{}",
                "> ".repeat(depth / 2),
                "<section>\n".repeat(depth)
            ),
        ] {
            assert!(too_deep(&text).is_some(), "{text}");
        }
    }

    #[test]
    fn bound_counts_start_tags_and_markers_at_the_limit() {
        let limit = MAX_MARKDOWN_DEPTH;
        assert!(!may_be_too_deep(&"<a".repeat(limit)));
        assert!(may_be_too_deep(&"<a".repeat(limit + 1)));
        assert!(!may_be_too_deep(&("< a</b <1".repeat(limit + 1) + "<")));
        assert!(!may_be_too_deep(&"> ".repeat(limit / 2)));
        assert!(may_be_too_deep(&format!(
            "text\n{}x",
            "> ".repeat(limit / 2 + 1)
        )));
        assert!(!may_be_too_deep(""));
    }

    #[test]
    fn closed_and_flat_html_does_not_add_up() {
        let text = "<div>x</div>".repeat(100)
            + &"<p>x<br>".repeat(100)
            + &"<span>x</span>".repeat(100)
            + &"<li>x".repeat(100);
        assert_eq!(too_deep(&text), None);
    }
}
