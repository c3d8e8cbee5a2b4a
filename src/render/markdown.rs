//! Markdown from content → safe HTML.
//!
//! Content is untrusted. pulldown-cmark renders it (tables, footnotes,
//! strikethrough, task lists; no heading attributes, no smart punctuation),
//! our own pass gives headings ids made from their text and footnotes ids
//! prefixed per section, and ammonia then sanitises the whole fragment: no
//! script, style, form, frame, svg or math; only http(s), mailto and relative
//! URLs; images only from `/media/`; and only the ids this module generated.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::norwegian::slugify;

/// The ids already used on one page, so heading ids stay unique across all
/// the fragments of the page.
#[derive(Clone, Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// Starts with the ids the page's template uses itself.
    pub fn reserved(ids: &[&str]) -> Ids {
        Ids {
            used: ids.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// `base`, or `base-2`, `base-3`, … when taken; recorded as used.
    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "seksjon" } else { base };
        if self.used.insert(base.to_owned()) {
            return base.to_owned();
        }
        let mut n = 2;
        loop {
            let candidate = format!("{base}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
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
    Some(ROOT.with(|r| format!("{}media/{rest}", r.borrow())))
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

fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape_attr(&mut out, text);
    out
}

fn pulldown_cmark_escape_attr(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Renders one Markdown fragment to sanitised HTML, taking heading ids from
/// (and recording them in) `ids`.
pub fn render(markdown: &str, fragment: Fragment<'_>, ids: &mut Ids) -> String {
    if markdown.trim().is_empty() {
        return String::new();
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options).collect();
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
    let mut out_events: Vec<Event<'_>> = Vec::with_capacity(events.len());
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
                out_events.extend(events[i + 1..j].iter().cloned());
                out_events.push(Event::End(TagEnd::Heading(new_level)));
                i = j + 1;
                continue;
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
            Event::Start(Tag::Image { dest_url, .. }) if media_url(dest_url).is_none() => {
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
            other => out_events.push(other.clone()),
        }
        i += 1;
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out_events.into_iter());
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
        r.push_str(fragment.root);
    });
    // The filter borrows both cells again, so no borrow may be held here.
    let cleaned = SANITISER.clean(&html).to_string();
    // Our markup, added after sanitising: header cells get a scope, and wide
    // tables scroll inside a focusable region instead of the page.
    if cleaned.contains("<table") {
        cleaned
            .replace("<th>", "<th scope=\"col\">")
            .replace("<table>", "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell\"><table>")
            .replace("</table>", "</table></div>")
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn tables_get_scope_and_a_scroll_region() {
        let html = md("| a | b |\n|:-|-:|\n| 1 | 2 |");
        assert!(html.contains("<th scope=\"col\">a</th>"), "{html}");
        assert!(html.contains("class=\"table-scroll\""), "{html}");
        assert!(!html.contains("style="), "{html}");
    }
}
