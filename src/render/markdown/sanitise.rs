//! What ammonia lets through of a fragment with raw HTML, and the URL rules
//! the renderer applies itself to a fragment without.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

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
pub(super) fn media_url_in(src: &str, root: &str) -> Option<String> {
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
pub(super) fn link_allowed(href: &str) -> bool {
    match url::Url::parse(href) {
        Ok(url) => matches!(url.scheme(), "http" | "https" | "mailto"),
        Err(e) => e == url::ParseError::RelativeUrlWithoutBase,
    }
}

/// Runs ammonia over `html`, letting exactly the `generated` ids through.
pub(super) fn sanitise(html: String, generated: Vec<String>, root: &str) -> String {
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
    let cleaned = SANITISER.clean(&html).to_string();
    if cleaned.contains("<img") || cleaned.contains("</a>") {
        images_and_links(&cleaned)
    } else {
        cleaned
    }
}

/// The last step ammonia cannot take, as it keeps or drops an element by its
/// name alone: an `<img>` left without `src` (it was remote) is invalid HTML
/// and goes, leaving its alt text when it stood in a link; a link left empty
/// shows its address, or goes when it has none.
///
/// `html` is ammonia's output, written by html5ever's serialiser, which
/// escapes `<` and `>` in text and attribute values alike, quotes every
/// attribute value with `"` and writes no comment: every `<` opens a tag
/// and the next `>` closes it.
fn images_and_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // The open link: where its tag starts in `out`, where its content
    // starts, and its href.
    let mut link: Option<(usize, usize, Option<String>)> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt..lt + gt + 1];
        rest = &rest[lt + gt + 1..];
        let name = tag[1..tag.len() - 1]
            .split([' ', '/'])
            .next()
            .unwrap_or_default();
        match name {
            "img" if attribute(tag, "src").is_none() => {
                if link.is_some() {
                    out.push_str(attribute(tag, "alt").unwrap_or_default());
                }
            }
            "a" => {
                let start = out.len();
                out.push_str(tag);
                link = Some((start, out.len(), attribute(tag, "href").map(str::to_owned)));
            }
            "" if tag == "</a>" => {
                if let Some((start, content, href)) = link.take()
                    && out[content..].trim().is_empty()
                {
                    out.truncate(content);
                    match href {
                        // An attribute value as html5ever escapes it is
                        // valid text as it stands.
                        Some(href) => out.push_str(&href),
                        None => {
                            out.truncate(start);
                            continue;
                        }
                    }
                }
                out.push_str(tag);
            }
            _ => out.push_str(tag),
        }
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in `tag` as html5ever writes a tag
/// (` name="value"`, no `"` inside a value).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(at) = rest.find(' ') {
        rest = &rest[at + 1..];
        let (key, after) = rest.split_once("=\"")?;
        let (value, after) = after.split_once('"')?;
        if key == name {
            return Some(value);
        }
        rest = after;
    }
    None
}
