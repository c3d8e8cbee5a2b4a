//! The files a case's Markdown makes the reader's browser fetch: images
//! (Markdown syntax and raw `<img>`), and raw `<video>`, `<audio>`,
//! `<iframe>` and `<embed>`. Each must be a file under `content/media/`:
//! the site makes no request to another host. A problem is named for the
//! element it is about, not called an image when it is a video or a frame.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::checker::Checker;
use crate::diagnostics::{Severity, did_you_mean};

fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// What kind of thing an address is fetched as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `![…](…)` or `<img src>`.
    Image,
    /// `<video>`, `<audio>`, `<source>`, `<track>`, a video's `poster`.
    Media,
    /// `<iframe>`, `<embed>`: another page inside this one. (`<object>`
    /// is left to the sanitiser, which drops it whole, as it drops scripts.)
    Embed,
}

/// One address in the Markdown, with the byte range of the Markdown
/// (image syntax or HTML) it was found in.
#[derive(Debug)]
struct Source {
    kind: Kind,
    address: String,
    range: std::ops::Range<usize>,
}

thread_local! {
    static FOUND: RefCell<Vec<(Kind, String)>> = const { RefCell::new(Vec::new()) };
}

/// Reads attributes the way a browser does (unquoted, single- or
/// double-quoted, spaces around `=`, any letter case): html5ever through
/// ammonia, whose attribute filter sees every address a browser would
/// fetch. A hand-written scan missed `src = "x"` and took `data-src` for
/// `src`.
static SOURCE_READER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.tags(HashSet::from([
        "img", "video", "audio", "source", "track", "iframe", "embed",
    ]))
    .generic_attributes(HashSet::from(["src", "poster"]))
    // Every scheme is kept, so that the filter sees `data:` and `ftp:` too.
    .url_relative(ammonia::UrlRelative::PassThrough)
    .url_schemes(HashSet::from([
        "http", "https", "data", "ftp", "ftps", "file", "blob", "ws", "wss",
    ]))
    .attribute_filter(|element, attribute, value| {
        let kind = match (element, attribute) {
            ("img", "src") => Some(Kind::Image),
            ("video" | "audio" | "source" | "track", "src") | ("video", "poster") => {
                Some(Kind::Media)
            }
            ("iframe" | "embed", "src") => Some(Kind::Embed),
            _ => None,
        };
        if let Some(kind) = kind {
            FOUND.with_borrow_mut(|found| found.push((kind, value.to_owned())));
        }
        Some(value.into())
    });
    b
});

/// The addresses in one piece of raw HTML, in document order.
fn html_sources(html: &str) -> Vec<(Kind, String)> {
    FOUND.with_borrow_mut(Vec::clear);
    let _ = SOURCE_READER.clean(html);
    FOUND.with_borrow_mut(std::mem::take)
}

/// Addresses in Markdown, from image syntax and raw HTML.
fn sources(markdown: &str) -> Vec<Source> {
    let mut out = Vec::new();
    // Parsing Markdown is the costliest part of a check; most texts have no
    // image at all, which this byte scan rules out.
    if !markdown.contains("![") && !markdown.contains('<') {
        return out;
    }
    // An HTML block arrives line by line; a tag may span lines, so the
    // block is read whole.
    let mut block: Option<(String, std::ops::Range<usize>)> = None;
    let add_html = |out: &mut Vec<Source>, html: &str, range: std::ops::Range<usize>| {
        let lower = html.to_ascii_lowercase();
        if ["src", "poster"].iter().any(|a| lower.contains(a)) {
            out.extend(
                html_sources(html)
                    .into_iter()
                    .map(|(kind, address)| Source {
                        kind,
                        address,
                        range: range.clone(),
                    }),
            );
        }
    };
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => out.push(Source {
                kind: Kind::Image,
                address: dest_url.into_string(),
                range,
            }),
            Event::Start(Tag::HtmlBlock) => block = Some((String::new(), range)),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((html, range)) = block.take() {
                    add_html(&mut out, &html, range);
                }
            }
            Event::Html(html) => match &mut block {
                Some((text, _)) => text.push_str(&html),
                None => add_html(&mut out, &html, range),
            },
            Event::InlineHtml(html) => add_html(&mut out, &html, range),
            _ => {}
        }
    }
    out
}

/// A problem with one address: code, message, help.
type Problem = (&'static str, String, String);

fn problem(kind: Kind, src: &str, media: &BTreeSet<String>) -> Option<Problem> {
    let lower = src.trim().to_lowercase();
    let remote = lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("//")
        || lower.contains("://")
        || lower.starts_with("data:");
    match kind {
        Kind::Embed if remote => Some((
            "remote-embed",
            crate::words!("remote-embed", src = src),
            crate::words!("remote-embed-help"),
        )),
        Kind::Media if remote => Some((
            "remote-media",
            crate::words!("remote-media", src = src),
            crate::words!("remote-media-help"),
        )),
        // A local video or frame: the sanitiser decides what is shown; the
        // site makes no request to another host either way.
        Kind::Embed | Kind::Media => None,
        Kind::Image if remote => Some((
            "remote-image",
            crate::words!("remote-image", src = src),
            crate::words!("remote-image-help"),
        )),
        Kind::Image => local_image(src, media),
    }
}

fn local_image(src: &str, media: &BTreeSet<String>) -> Option<Problem> {
    let path = src.trim().trim_start_matches("../").trim_start_matches('/');
    let in_media = path
        .strip_prefix("media/")
        .map(|p| p.split(['?', '#']).next().unwrap_or(p));
    match in_media {
        Some(rel) if media.contains(rel) => None,
        Some(rel) => Some((
            "missing-image",
            crate::words!("image-missing", src = src),
            match did_you_mean(rel, media.iter().map(String::as_str)) {
                Some(s) => crate::words!("did-you-mean", suggestion = format!("/media/{s}")),
                None => crate::words!("image-missing-help", path = format!("content/media/{rel}")),
            },
        )),
        None => Some((
            "missing-image",
            crate::words!("image-outside-media", src = src),
            crate::words!("image-outside-media-help"),
        )),
    }
}

/// Where `address` is written in `text`, from `from` on: an occurrence
/// right after `=`, a quote, `(` or a space, so that `y` is not found in
/// the `y` of `Høyt`; else the first one.
fn find_address(text: &str, from: usize, address: &str) -> Option<usize> {
    let rest = text.get(from..)?;
    let mut first = None;
    for (i, _) in rest.match_indices(address) {
        first.get_or_insert(i);
        let before = rest[..i].chars().next_back();
        if matches!(
            before,
            Some('=' | '"' | '\'' | '(' | '<' | ' ' | '\t' | '\n')
        ) {
            return Some(from + i);
        }
    }
    first.map(|i| from + i)
}

/// Checks the addresses in a Markdown text of the front matter that starts
/// at byte `node_offset` of the file. The text went through YAML unquoting,
/// so each address is looked for in the file itself.
pub(super) fn check_markdown_images(
    c: &mut Checker<'_>,
    markdown: &str,
    node_offset: usize,
    media: &BTreeSet<String>,
) {
    let mut from = node_offset;
    for source in sources(markdown) {
        if let Some((code, message, help)) = problem(source.kind, &source.address, media) {
            // Searching is skipped once the report is full: it would only be counted.
            let offset = if c.is_full() {
                node_offset
            } else {
                find_address(c.text, from, &source.address).unwrap_or(node_offset)
            };
            from = offset.max(from);
            c.report_at(Severity::Error, offset, source.address.len(), code, message)
                .help = Some(help);
        }
    }
}

/// Checks the addresses in the body, which starts at byte `body_offset`.
pub(super) fn check_images(
    c: &mut Checker<'_>,
    body: &str,
    body_offset: usize,
    media: &BTreeSet<String>,
) {
    for source in sources(body) {
        if let Some((code, message, help)) = problem(source.kind, &source.address, media) {
            let offset = if c.is_full() {
                source.range.start
            } else {
                find_address(body, source.range.start, &source.address)
                    .filter(|i| *i < source.range.end)
                    .unwrap_or(source.range.start)
            };
            c.report_at(
                Severity::Error,
                body_offset + offset,
                source.address.len(),
                code,
                message,
            )
            .help = Some(help);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(markdown: &str) -> Vec<(Kind, String)> {
        sources(markdown)
            .into_iter()
            .map(|s| (s.kind, s.address))
            .collect()
    }

    #[test]
    fn attributes_are_read_as_a_browser_reads_them() {
        let image = |s: &str| (Kind::Image, s.to_owned());
        assert_eq!(found("<img src=x>"), [image("x")]);
        assert_eq!(found("a <img src='x'> b"), [image("x")]);
        assert_eq!(found("a <IMG SRC = \"x\"> b"), [image("x")]);
        assert_eq!(found("<img data-src=x alt=y>"), []);
        assert_eq!(found("<p>\n<img\n  src=a.png>\n</p>"), [image("a.png")]);
        assert_eq!(found("![alt](b.png)"), [image("b.png")]);
    }

    #[test]
    fn frames_and_media_are_not_taken_for_images() {
        assert_eq!(
            found("<iframe src=\"https://example.org/v\"></iframe>"),
            [(Kind::Embed, "https://example.org/v".to_owned())]
        );
        assert_eq!(
            found("<video poster=p.jpg><source src=https://x.org/v.mp4></video>"),
            [
                (Kind::Media, "p.jpg".to_owned()),
                (Kind::Media, "https://x.org/v.mp4".to_owned())
            ]
        );
        assert_eq!(
            found("<audio src=//x.org/a.mp3></audio>"),
            [(Kind::Media, "//x.org/a.mp3".to_owned())]
        );
    }

    #[test]
    fn an_address_is_found_where_it_is_written_not_inside_a_word() {
        let text = "need: Høyt <img src=y>";
        assert_eq!(find_address(text, 0, "y"), text.rfind('y'));
    }
}
