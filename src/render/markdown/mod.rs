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
use std::collections::{HashMap, HashSet};

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};
use pulldown_cmark_escape::escape_href;

use crate::norwegian::slugify;

mod sanitise;

use sanitise::{link_allowed, media_url_in, sanitise};

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
    // The open links: where each starts in `out_events`, and the text it
    // shows if it ends up empty.
    let mut links: Vec<(usize, Option<String>)> = Vec::new();
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
                // A remote image is dropped. Inside a link its alt text
                // stays, so the link keeps a name a screen reader can say.
                let mut depth = 0usize;
                let mut alt = String::new();
                let mut j = i + 1;
                while j < events.len() {
                    match &events[j] {
                        Event::Start(Tag::Image { .. }) => depth += 1,
                        Event::End(TagEnd::Image) if depth == 0 => break,
                        Event::End(TagEnd::Image) => depth -= 1,
                        Event::Text(t) | Event::Code(t) => alt.push_str(t),
                        _ => {}
                    }
                    j += 1;
                }
                if !links.is_empty() && image_depth == 0 && !alt.is_empty() {
                    out_events.push(Event::Text(CowStr::from(alt)));
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
            Event::Start(Tag::Image { .. }) => {
                image_depth += 1;
                out_events.push(std::mem::replace(&mut events[i], Event::Rule));
            }
            Event::End(TagEnd::Image) => {
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
            }) if image_depth == 0 => {
                let href = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                let allowed = link_allowed(&href);
                links.push((out_events.len(), allowed.then(|| dest_url.to_string())));
                if trusted {
                    let mut a = String::from("<a");
                    if allowed {
                        // Percent-encoded as pulldown-cmark writes every
                        // href (a `\` as `%5C`), so a link reads the same
                        // whether or not its fragment has raw HTML.
                        a.push_str(" href=\"");
                        // Writing to a String cannot fail.
                        let _ = escape_href(&mut a, &href);
                        a.push('"');
                    }
                    if !title.is_empty() {
                        a.push_str(" title=\"");
                        escape_attr_into(&mut a, title);
                        a.push('"');
                    }
                    a.push('>');
                    out_events.push(Event::InlineHtml(CowStr::from(a)));
                } else {
                    out_events.push(std::mem::replace(&mut events[i], Event::Rule));
                }
            }
            Event::End(TagEnd::Link) if image_depth == 0 => {
                // A link left with no content (its only image dropped, with
                // no alt text) shows its address; one with no address either
                // is no link and goes.
                let (open, fallback) = links.pop().unwrap_or_default();
                let empty = out_events[open + 1..]
                    .iter()
                    .all(|e| matches!(e, Event::Text(t) if t.trim().is_empty()));
                if empty {
                    out_events.truncate(open + 1);
                    match fallback {
                        Some(text) => out_events.push(Event::Text(CowStr::from(text))),
                        None => {
                            out_events.truncate(open);
                            i += 1;
                            continue;
                        }
                    }
                }
                out_events.push(if trusted {
                    Event::InlineHtml(CowStr::from("</a>"))
                } else {
                    Event::End(TagEnd::Link)
                });
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

#[cfg(test)]
mod tests;

#[cfg(test)]
mod commonmark;
