//! Markdown from content → safe HTML.
//!
//! Content is untrusted. pulldown-cmark renders it (tables, footnotes,
//! strikethrough, task lists; no heading attributes, no smart punctuation),
//! our own pass gives headings ids made from their text and footnotes ids
//! prefixed per section, and ammonia then sanitises the whole fragment: no
//! script, style, form, frame, svg or math; only http(s), mailto and relative
//! URLs; images only from `/media/`; and only the ids this module generated.
//!
//! Most fragments have no raw HTML at all, and sanitising them was a fifth
//! of a whole build. A fragment whose Markdown has no HTML (no `Html` or
//! `InlineHtml` event from the parser) is made safe by construction
//! instead: pulldown-cmark escapes all text and attribute values, so the
//! only markup left to decide is what this pass writes itself — link
//! `href`s filtered by the same URL rule as ammonia's (http, https, mailto
//! or relative, parsed the way browsers parse them), image sources through
//! [`media_url`], no `style` on table cells and no `class` on code blocks
//! (ammonia drops both) — and every id is one this module generated. A
//! fragment with raw HTML goes through ammonia as before.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::norwegian::slugify;

/// The ids already used on one page, so heading ids stay unique across all
/// the fragments of the page.
#[derive(Clone, Debug, Default)]
pub struct Ids {
    /// The template's own ids borrowed, the generated ones owned.
    used: HashSet<Cow<'static, str>>,
    /// The next suffix to try per base, so 20 000 equal headings cost
    /// linear, not quadratic, time.
    next: HashMap<String, u32>,
}

impl Ids {
    /// Starts with the ids the page's template uses itself.
    pub fn reserved(ids: &[&'static str]) -> Ids {
        let mut used = HashSet::with_capacity(ids.len() + 32);
        used.extend(ids.iter().map(|s| Cow::Borrowed(*s)));
        Ids {
            used,
            next: HashMap::new(),
        }
    }

    /// `base`, or `base-2`, `base-3`, … when taken; recorded as used.
    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "seksjon" } else { base };
        if !self.used.contains(base) {
            self.used.insert(Cow::Owned(base.to_owned()));
            return base.to_owned();
        }
        let n = self.next.entry(base.to_owned()).or_insert(2);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if !self.used.contains(candidate.as_str()) {
                self.used.insert(Cow::Owned(candidate.clone()));
                return candidate;
            }
        }
    }
}

/// How one fragment is rendered.
#[derive(Clone, Copy, Debug)]
pub struct Fragment<'a> {
    /// Prefix of footnote ids (`behov` → `behov-fn-1`).
    pub prefix: &'a str,
    /// The smallest heading level content may use here (headings are
    /// shifted down so the fragment's top level becomes this).
    pub min_heading: u8,
    /// The site's root path (`/` or `/samling/`), for `/media/` links.
    pub root: &'a str,
}

thread_local! {
    // The ids the current `render` call generated: the sanitiser lets
    // exactly these through (each once) and drops every id written in raw
    // HTML, so content cannot take `id="main"` from the skip link.
    static ALLOWED_IDS: RefCell<HashMap<String, usize>> = RefCell::new(HashMap::new());
    static ROOT: RefCell<String> = RefCell::new(String::from("/"));
}

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    // Obsolete elements (vnu errors), landmarks (they would nest inside
    // <main>) and h1 (the page has one, from the template) are unwrapped to
    // their text.
    b.rm_tags([
        "acronym", "center", "strike", "tt", "map", "area", "article", "aside", "footer", "header",
        "nav", "hgroup", "h1",
    ]);
    for tag in [
        "col", "colgroup", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "hr", "img",
    ] {
        b.rm_tag_attributes(
            tag,
            [
                "align", "char", "charoff", "summary", "size", "width", "height",
            ],
        );
    }
    b.add_tag_attributes("th", ["scope"]);
    for tag in [
        "h2", "h3", "h4", "h5", "h6", "div", "sup", "a", "li", "span",
    ] {
        b.add_tag_attributes(tag, ["id"]);
    }
    b.add_allowed_classes("sup", ["footnote-ref"]);
    b.add_allowed_classes("div", ["footnote", "table-scroll"]);
    b.add_allowed_classes("span", ["footnote-label", "task"]);
    b.add_tag_attributes("div", ["tabindex", "role", "aria-label"]);
    b.url_schemes(["http", "https", "mailto"].into_iter().collect());
    b.url_relative(ammonia::UrlRelative::PassThrough);
    // ammonia adds rel="noopener noreferrer" to every <a>, also to one whose
    // `javascript:` href it just dropped, and `rel` without `href` is invalid
    // HTML. `target` is never allowed, so `noopener` protects nothing here.
    b.link_rel(None);
    b.attribute_filter(|element, attribute, value| match (element, attribute) {
        (_, "id") => ALLOWED_IDS.with(|ids| {
            let mut ids = ids.borrow_mut();
            match ids.get_mut(value) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    Some(Cow::Borrowed(value))
                }
                _ => None,
            }
        }),
        ("div", "tabindex") => (value == "0").then_some(Cow::Borrowed(value)),
        ("div", "role") => (value == "region").then_some(Cow::Borrowed(value)),
        ("img", "src") => media_url(value).map(Cow::Owned),
        _ => Some(Cow::Borrowed(value)),
    });
    b
});

/// A local image source (`/media/x.png`, `media/x.png`, `../media/x.png`)
/// as a URL under the site root; `None` for anything else (another host, a
/// data: URL): the site makes no request to another host.
fn media_url(src: &str) -> Option<String> {
    ROOT.with(|r| media_url_in(src, &r.borrow()))
}

/// [`media_url`] with the site root given.
fn media_url_in(src: &str, root: &str) -> Option<String> {
    let src = src.trim();
    let lower = src.to_ascii_lowercase();
    if lower.contains(':') || lower.starts_with("//") || lower.contains('\\') {
        return None;
    }
    let path = src
        .trim_start_matches("../")
        .trim_start_matches("./")
        .trim_start_matches('/');
    let rest = path.strip_prefix("media/")?;
    if rest.split('/').any(|seg| seg == "..") {
        return None;
    }
    Some(format!("{root}media/{rest}"))
}

/// Whether a link may keep its `href`: the rule ammonia applies (schemes
/// http, https and mailto; relative URLs pass). The `url` crate parses as
/// browsers do (stripping tabs, newlines and outer spaces first), so the
/// scheme checked is the scheme a browser would follow.
fn link_allowed(href: &str) -> bool {
    match url::Url::parse(href) {
        Ok(url) => matches!(url.scheme(), "http" | "https" | "mailto"),
        Err(e) => e == url::ParseError::RelativeUrlWithoutBase,
    }
}

fn heading_level(n: u8) -> HeadingLevel {
    match n {
        0 | 1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// `text` escaped for HTML text and quoted attributes (`&<>"'`).
pub(crate) fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_attr_into(&mut out, text);
    out
}

fn escape_attr_into(out: &mut String, text: &str) {
    // Byte by byte, copying the runs between special characters whole: the
    // five are ASCII, so every cut falls between two characters.
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[run..i]);
        out.push_str(entity);
        run = i + 1;
    }
    out.push_str(&text[run..]);
}

/// Our markup around tables: header cells get a scope, and wide tables
/// scroll inside a focusable region instead of the page.
const TABLE_OPEN: &str =
    "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell\">";
/// What pulldown-cmark writes at a table's end, with the region closed.
const TABLE_CLOSE: &str = "</tbody></table></div>\n";
/// A header cell with its scope.
const HEADER_CELL_OPEN: &str = "<th scope=\"col\">";

/// Renders one Markdown fragment to sanitised HTML, taking heading ids from
/// (and recording them in) `ids`.
pub fn render(markdown: &str, fragment: Fragment<'_>, ids: &mut Ids) -> String {
    render_with(markdown, fragment, ids, false)
}

/// [`render`], with ammonia run on every fragment when `always_sanitise`
/// (for tests that compare the two ways).
fn render_with(
    markdown: &str,
    fragment: Fragment<'_>,
    ids: &mut Ids,
    always_sanitise: bool,
) -> String {
    if markdown.trim().is_empty() {
        return String::new();
    }
    if !always_sanitise && is_plain_line(markdown) {
        return plain_paragraph(markdown);
    }
    render_events(markdown, fragment, ids, always_sanitise)
}

/// Whether `markdown` is one line of plain words: text no Markdown rule
/// applies to, so its HTML is that text as one paragraph. Most measures
/// (Tiltak) are such a line, and the parser costs far more than they do.
///
/// Conservative: the line starts with a letter (no block can start so:
/// heading, list, quote, code, table, definition), does not end in
/// whitespace, and has no character with a meaning inline (escapes, code,
/// emphasis, strikethrough, links, images, footnotes, HTML, entities) or
/// that HTML escapes, and no control character (pulldown-cmark replaces
/// NUL; tabs and line breaks change the paragraph).
fn is_plain_line(markdown: &str) -> bool {
    markdown.chars().next().is_some_and(char::is_alphabetic)
        && !markdown.ends_with(char::is_whitespace)
        && !markdown.contains(|c: char| {
            c.is_control()
                || matches!(
                    c,
                    '\\' | '`'
                        | '*'
                        | '_'
                        | '~'
                        | '['
                        | ']'
                        | '!'
                        | '<'
                        | '>'
                        | '&'
                        | '|'
                        | '#'
                        | '$'
                        | '^'
                        | '{'
                        | '}'
                        | '='
                )
        })
}

/// The HTML pulldown-cmark writes for a line that [`is_plain_line`].
fn plain_paragraph(line: &str) -> String {
    let mut html = String::with_capacity(line.len() + 8);
    html.push_str("<p>");
    html.push_str(line);
    html.push_str("</p>\n");
    html
}

/// [`render_with`] through pulldown-cmark.
fn render_events(
    markdown: &str,
    fragment: Fragment<'_>,
    ids: &mut Ids,
    always_sanitise: bool,
) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    // Sized for the usual density of events (the parser gives no hint), so
    // the vector seldom moves while it fills.
    let mut events: Vec<Event<'_>> = Vec::with_capacity(markdown.len() / 12 + 16);
    events.extend(Parser::new_ext(markdown, options));
    // No HTML from the content: nothing for ammonia to do (see the module
    // documentation for what keeps such a fragment safe).
    let trusted = !always_sanitise
        && !events
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    let mut image_depth = 0usize;
    let mut heading: Option<HeadingLevel> = None;
    // Inside a table's header row.
    let mut table_head = false;
    // Whether pulldown-cmark will write a void element (`<br />`).
    let mut void_elements = false;
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let shift = i32::from(fragment.min_heading) - i32::from(top);
    let mut generated: Vec<String> = Vec::new();
    let mut footnotes: HashMap<String, usize> = HashMap::new();
    let footnote_number = |name: &str, footnotes: &mut HashMap<String, usize>| {
        let next = footnotes.len() + 1;
        *footnotes.entry(name.to_owned()).or_insert(next)
    };
    // A table adds an event (its scroll region).
    let mut out_events: Vec<Event<'_>> = Vec::with_capacity(events.len() + 16);
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                let mut text = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j] {
                        text.push_str(t);
                    }
                    j += 1;
                }
                let id = ids.unique(&slugify(&text));
                generated.push(id.clone());
                let new_level = heading_level(
                    u8::try_from((i32::from(*level as u8) + shift).clamp(2, 6)).unwrap_or(6),
                );
                out_events.push(Event::Start(Tag::Heading {
                    level: new_level,
                    id: Some(CowStr::from(id)),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
                // The heading's content goes through this loop like any
                // other (its links are filtered too); only its end changes.
                heading = Some(new_level);
            }
            Event::End(TagEnd::Heading(level)) => {
                out_events.push(Event::End(TagEnd::Heading(
                    heading.take().unwrap_or(*level),
                )));
            }
            Event::FootnoteReference(name) => {
                let n = footnote_number(name, &mut footnotes);
                let target = format!("{}-fn-{n}", fragment.prefix);
                let back = ids.unique(&format!("{}-fnref-{n}", fragment.prefix));
                generated.push(back.clone());
                out_events.push(Event::InlineHtml(CowStr::from(format!(
                    "<sup class=\"footnote-ref\"><a href=\"#{}\" id=\"{}\">{n}</a></sup>",
                    escape_attr(&target),
                    escape_attr(&back)
                ))));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let n = footnote_number(name, &mut footnotes);
                let id = ids.unique(&format!("{}-fn-{n}", fragment.prefix));
                generated.push(id.clone());
                out_events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"footnote\" id=\"{}\"><span class=\"footnote-label\">{n}</span>\n",
                    escape_attr(&id)
                ))));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                out_events.push(Event::Html(CowStr::from("</div>\n")))
            }
            Event::TaskListMarker(done) => {
                out_events.push(Event::InlineHtml(CowStr::from(if *done {
                    "<span class=\"task\">☑</span> "
                } else {
                    "<span class=\"task\">☐</span> "
                })));
            }
            Event::Start(Tag::Image { dest_url, .. })
                if media_url_in(dest_url, fragment.root).is_none() =>
            {
                // A remote image: drop it with its alt text.
                let mut depth = 0usize;
                let mut j = i + 1;
                while j < events.len() {
                    match events[j] {
                        Event::Start(Tag::Image { .. }) => depth += 1,
                        Event::End(TagEnd::Image) if depth == 0 => break,
                        Event::End(TagEnd::Image) => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if trusted => {
                image_depth += 1;
                out_events.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: CowStr::from(
                        media_url_in(dest_url, fragment.root).unwrap_or_default(),
                    ),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::End(TagEnd::Image) if trusted => {
                image_depth = image_depth.saturating_sub(1);
                void_elements = true;
                out_events.push(Event::End(TagEnd::Image));
            }
            // Inside an image only the alt text is written; leave its links
            // to pulldown-cmark, which writes their text alone.
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) if trusted && image_depth == 0 => {
                let href = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                let mut a = String::from("<a");
                if link_allowed(&href) {
                    a.push_str(" href=\"");
                    escape_attr_into(&mut a, &href);
                    a.push('"');
                }
                if !title.is_empty() {
                    a.push_str(" title=\"");
                    escape_attr_into(&mut a, title);
                    a.push('"');
                }
                a.push('>');
                out_events.push(Event::InlineHtml(CowStr::from(a)));
            }
            Event::End(TagEnd::Link) if trusted && image_depth == 0 => {
                out_events.push(Event::InlineHtml(CowStr::from("</a>")));
            }
            // Our table markup (see `TABLE_OPEN`), written here rather than
            // by a search over the finished HTML. Without alignments the
            // cells carry no `style`.
            Event::Start(Tag::Table(_)) if trusted => {
                out_events.push(Event::Html(CowStr::Borrowed(TABLE_OPEN)));
                out_events.push(Event::Start(Tag::Table(Vec::new())));
            }
            Event::End(TagEnd::Table) if trusted => {
                out_events.push(Event::Html(CowStr::Borrowed(TABLE_CLOSE)));
            }
            Event::Start(Tag::TableHead) if trusted => {
                table_head = true;
                out_events.push(Event::Start(Tag::TableHead));
            }
            Event::End(TagEnd::TableHead) if trusted => {
                table_head = false;
                out_events.push(Event::End(TagEnd::TableHead));
            }
            Event::Start(Tag::TableCell) if trusted && table_head => {
                out_events.push(Event::Html(CowStr::Borrowed(HEADER_CELL_OPEN)));
            }
            Event::HardBreak | Event::Rule if trusted => {
                void_elements = true;
                out_events.push(std::mem::replace(&mut events[i], Event::Rule));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if trusted => {
                out_events.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)));
            }
            // Moved, not copied: nothing reads an event behind the loop.
            _ => out_events.push(std::mem::replace(&mut events[i], Event::Rule)),
        }
        i += 1;
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out_events.into_iter());
    if trusted {
        // As ammonia writes void elements (`<br>`, not `<br />`). Text and
        // attribute values have `>` escaped, so ` />` only ends a tag.
        if void_elements {
            html.replace(" />", ">")
        } else {
            html
        }
    } else {
        let cleaned = sanitise(html, generated, fragment.root);
        // Our table markup, added after sanitising.
        if cleaned.contains("<table") {
            cleaned
                .replace("<th>", HEADER_CELL_OPEN)
                .replace("<table>", &format!("{TABLE_OPEN}<table>"))
                .replace("</table>", "</table></div>")
        } else {
            cleaned
        }
    }
}

/// Runs ammonia over `html`, letting exactly the `generated` ids through.
fn sanitise(html: String, generated: Vec<String>, root: &str) -> String {
    ALLOWED_IDS.with(|allowed| {
        let mut allowed = allowed.borrow_mut();
        allowed.clear();
        for id in generated {
            *allowed.entry(id).or_insert(0) += 1;
        }
    });
    ROOT.with(|r| {
        let mut r = r.borrow_mut();
        r.clear();
        r.push_str(root);
    });
    // The filter borrows both cells again, so no borrow may be held here.
    SANITISER.clean(&html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_escape_the_five_characters_and_keep_the_rest() {
        assert_eq!(
            escape_attr("Bærum & «Sør» <a href=\"x\">'y'</a> – ø"),
            "Bærum &amp; «Sør» &lt;a href=&quot;x&quot;&gt;&#39;y&#39;&lt;/a&gt; – ø"
        );
        assert_eq!(escape_attr(""), "");
        assert_eq!(escape_attr("&"), "&amp;");
        assert_eq!(escape_attr("æ"), "æ");
    }

    #[test]
    fn repeated_heading_ids_stay_unique_and_linear() {
        let mut ids = Ids::reserved(&["main", "behov-2"]);
        assert_eq!(ids.unique("behov"), "behov");
        assert_eq!(ids.unique("behov"), "behov-3", "behov-2 is reserved");
        assert_eq!(ids.unique("behov"), "behov-4");
        for _ in 0..20_000 {
            ids.unique("x");
        }
        assert_eq!(ids.unique("x"), "x-20001");
    }

    fn md(text: &str) -> String {
        render(
            text,
            Fragment {
                prefix: "behov",
                min_heading: 3,
                root: "/",
            },
            &mut Ids::reserved(&["main"]),
        )
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = md(
            "Hei <script>alert(1)</script> <img src=\"/media/a.png\" onerror=\"alert(2)\" alt=\"x\">",
        );
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(
            html.contains("<img src=\"/media/a.png\" alt=\"x\">"),
            "{html}"
        );
    }

    #[test]
    fn javascript_and_data_links_lose_their_href() {
        let html = md(
            "[a](javascript:alert(1)) [b](data:text/html,x) <a href=\"&#106;avascript:alert(6)\">c</a> [d](https://ks.no/) [e](mailto:a@b.no) [f](/themes/)",
        );
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("href=\"https://ks.no/\""), "{html}");
        assert!(html.contains("href=\"mailto:a@b.no\""), "{html}");
        assert!(html.contains("href=\"/themes/\""), "{html}");
    }

    #[test]
    fn raw_ids_are_dropped_and_heading_ids_kept() {
        let html = md("<p id=\"main\">x</p>\n\n# Main\n\n## Sub\n\n## Sub");
        assert!(!html.contains("id=\"main\""), "{html}");
        assert!(html.contains("<h3 id=\"main-2\">Main</h3>"), "{html}");
        assert!(html.contains("<h4 id=\"sub\">Sub</h4>"), "{html}");
        assert!(html.contains("<h4 id=\"sub-2\">Sub</h4>"), "{html}");
    }

    #[test]
    fn footnotes_are_prefixed() {
        let html = md("Tekst[^a].\n\n[^a]: Kilde.");
        assert!(html.contains("href=\"#behov-fn-1\""), "{html}");
        assert!(html.contains("id=\"behov-fn-1\""), "{html}");
        assert!(html.contains("id=\"behov-fnref-1\""), "{html}");
    }

    #[test]
    fn remote_images_svg_and_math_are_removed() {
        let html = md(
            "![x](https://evil.example/a.png) <svg onload=\"alert(1)\"><circle/></svg> <math><mi>x</mi></math>",
        );
        assert!(!html.contains("evil"), "{html}");
        assert!(!html.contains("<svg"), "{html}");
        assert!(!html.contains("<math"), "{html}");
    }

    /// Renders `text` both ways: safe by construction (no raw HTML) and
    /// through ammonia, as every fragment was before.
    fn both_ways(text: &str) -> (String, String) {
        let fragment = Fragment {
            prefix: "behov",
            min_heading: 3,
            root: "/samling/",
        };
        let fast = render_with(text, fragment, &mut Ids::reserved(&["main"]), false);
        let slow = render_with(text, fragment, &mut Ids::reserved(&["main"]), true);
        (fast, slow)
    }

    /// The same document once ammonia has parsed and written it again: what
    /// a browser would build from either.
    fn normalised(html: &str) -> String {
        ammonia::Builder::empty()
            .tags(
                [
                    "a",
                    "p",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "li",
                    "em",
                    "strong",
                    "del",
                    "code",
                    "pre",
                    "blockquote",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "img",
                    "br",
                    "hr",
                    "sup",
                    "div",
                    "span",
                ]
                .into_iter()
                .collect(),
            )
            .generic_attributes(
                [
                    "href",
                    "title",
                    "src",
                    "alt",
                    "id",
                    "class",
                    "start",
                    "scope",
                    "tabindex",
                    "role",
                    "aria-label",
                ]
                .into_iter()
                .collect(),
            )
            .link_rel(None)
            .url_relative(ammonia::UrlRelative::PassThrough)
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .clean(html)
            .to_string()
    }

    #[test]
    fn fragments_without_html_match_the_sanitised_rendering() {
        let samples = [
            "# Tittel\n\nTekst med *vekt*, **sterk**, ~~strek~~ og `kode`.\n\n## Under\n\n- a\n- b\n\n3. tre\n4. fire",
            "[ks](https://ks.no/a?b=1&c=2 \"Tittel\") [rel](/themes/) [mail](mailto:a@b.no) <post@ks.no> <https://ks.no>",
            "[js](javascript:alert(1)) [data](data:text/html,x) [vb](vbscript:x) [ent](&#106;avascript:alert(1)) [ftp](ftp://x.no/)",
            "![bilde](/media/a.png \"t\") ![rel](media/b%20c.png) ![opp](../media/c.png) ![ute](https://evil.example/x.png) ![*alt* [lenke](https://ks.no)](/media/d.png)",
            "| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |\n| x | *y* | [z](https://ks.no) |",
            "```rust\nfn main() { println!(\"<b>\"); }\n```\n\n    innrykket < > &\n",
            "Tekst[^1] og mer[^a].\n\n[^1]: Kilde *én*.\n[^a]: Kilde to.",
            "- [ ] gjøre\n- [x] gjort\n\n> sitat\n> med linje\n\n---\n\nlinje  \nskift\\\nigjen",
            "Æ & Ø < Å > \"sitat\" 'enkel' &amp; &lt;x&gt; &#65; \u{a0}hardt mellomrom",
            "## Sub\n\n## Sub\n\n### main\n\n#### `kode` i tittel",
        ];
        for text in samples {
            let (fast, slow) = both_ways(text);
            assert!(!fast.contains(" />"), "{fast}");
            assert_eq!(
                normalised(&fast),
                normalised(&slow),
                "for {text:?}\nfast: {fast}\nslow: {slow}"
            );
        }
    }

    /// Where the two ways differ, the one without ammonia is the stricter:
    /// ammonia checks the percent-encoded href (`%20javascript:x`, a
    /// harmless relative URL), this module the URL a browser would follow.
    #[test]
    fn unsafe_link_schemes_lose_their_href_without_ammonia() {
        let (fast, _) = both_ways(
            "[a](javascript:alert(1)) [b](<java\tscript:x>) [s](< javascript:x>) [c](https://ks.no/)",
        );
        assert!(!fast.to_lowercase().contains("script:"), "{fast}");
        assert!(fast.contains("<a>a</a>"), "{fast}");
        assert!(fast.contains("<a href=\"https://ks.no/\">c</a>"), "{fast}");
    }

    /// A heading's content was copied past the filters: a link in a setext
    /// heading kept its `javascript:` href (found by tests/it/hostile.rs).
    #[test]
    fn links_in_headings_are_filtered() {
        for text in [
            "[x](javascript:alert(1))\n- ",
            "# [x](javascript:alert(1))",
            "## ![a](https://evil.example/a.png) [y](JAVASCRIPT:x)",
        ] {
            let (fast, slow) = both_ways(text);
            for html in [&fast, &slow] {
                assert!(!html.to_lowercase().contains("javascript"), "{html}");
                assert!(!html.contains("evil"), "{html}");
            }
        }
    }

    /// The exact HTML, as the renderer wrote it when it added the table
    /// markup and dropped the ` />` by searching the finished HTML.
    #[test]
    fn tables_rules_breaks_and_images_render_exactly() {
        let text = "Før  \nlinje\n\n| a | *b* | c |\n|:-|:-:|-:|\n| 1 | 2 | [3](/x/) |\n\n---\n\n![bilde](/media/a.png \"t\") ![b](media/b.png)\n\n| x |\n|---|\n| y |\n";
        let expected = "<p>Før<br>\nlinje</p>\n<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell\"><table><thead><tr><th scope=\"col\">a</th><th scope=\"col\"><em>b</em></th><th scope=\"col\">c</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td><td><a href=\"/x/\">3</a></td></tr>\n</tbody></table></div>\n<hr>\n<p><img src=\"/samling/media/a.png\" alt=\"bilde\" title=\"t\"> <img src=\"/samling/media/b.png\" alt=\"b\"></p>\n<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell\"><table><thead><tr><th scope=\"col\">x</th></tr></thead><tbody>\n<tr><td>y</td></tr>\n</tbody></table></div>\n";
        let (fast, slow) = both_ways(text);
        assert_eq!(fast, expected, "without ammonia");
        assert_eq!(slow, expected, "through ammonia");
    }

    /// Renders `text` through pulldown-cmark, never as a plain line.
    fn parsed(text: &str) -> String {
        render_events(
            text,
            Fragment {
                prefix: "tiltak-1",
                min_heading: 3,
                root: "/",
            },
            &mut Ids::reserved(&["main"]),
            false,
        )
    }

    #[test]
    fn plain_lines_render_as_the_parser_renders_them() {
        let lines = [
            "Utarbeidet en plan for strategisk kompetanseledelse med mål for hvert år.",
            "Tok i bruk «heltid-deltid» - 50 % (KS) og 1. kvartal, se https://ks.no/a?b eller www.ks.no.",
            "Sa \"hei\" og 'hallo': 3 + 4 / 2 @ kl. 10; spørsmål?",
            "Æ\u{a0}Ø\u{2028}Å – slutt",
            "Én",
        ];
        for line in lines {
            assert!(is_plain_line(line), "{line:?} should count as plain");
            assert_eq!(plain_paragraph(line), parsed(line), "{line:?}");
        }
        for not_plain in [
            "- punkt",
            "1. punkt",
            "# Tittel",
            " innrykket",
            "slutt ",
            "to\nlinjer",
            "med *vekt*",
            "med <b>html</b>",
            "A & B",
            "fot[^1]",
            "tab\there",
            "a = b",
            "",
        ] {
            assert!(!is_plain_line(not_plain), "{not_plain:?} is not plain");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_plain_line_renders_as_the_parser_renders_it(
            line in "[a-zA-ZæøåÆØÅ][ a-zæ0-9.,;:()%«»–\"'/?+@\u{a0}-]{0,40}[a-z.)%»]"
        ) {
            if is_plain_line(&line) {
                proptest::prop_assert_eq!(plain_paragraph(&line), parsed(&line));
            }
        }

        #[test]
        fn lines_with_any_ascii_are_plain_only_when_the_parser_agrees(
            line in "[a-zA-Z][ -~]{0,30}"
        ) {
            if is_plain_line(&line) {
                proptest::prop_assert_eq!(plain_paragraph(&line), parsed(&line));
            }
        }
    }

    #[test]
    fn tables_get_scope_and_a_scroll_region() {
        let html = md("| a | b |\n|:-|-:|\n| 1 | 2 |");
        assert!(html.contains("<th scope=\"col\">a</th>"), "{html}");
        assert!(html.contains("class=\"table-scroll\""), "{html}");
        assert!(!html.contains("style="), "{html}");
    }
}
