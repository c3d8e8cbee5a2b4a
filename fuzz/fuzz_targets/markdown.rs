//! The Markdown renderer on any text: never panics, and its output holds no
//! active HTML — no script-capable element, no event handler or style
//! attribute, no `javascript:`/`vbscript:`/`data:` URL, no image from
//! outside `/media/`, no `<` that is not a tag.

#![no_main]

use casebook::render::markdown::{Fragment, Ids, render};
use libfuzzer_sys::fuzz_target;

const ROOT: &str = "/samling/";

fuzz_target!(|text: &str| {
    let mut ids = Ids::reserved(&["main", "innhold"]);
    let fragment = Fragment {
        prefix: "behov",
        min_heading: 2,
        root: ROOT,
    };
    let html = render(text, fragment, &mut ids);
    let problems = active_html(&html);
    assert!(problems.is_empty(), "{problems:?} in {html}");
    // Rendering the same text again on the same page keeps ids unique.
    let again = render(text, fragment, &mut ids);
    assert!(active_html(&again).is_empty());
});

const ELEMENTS: [&str; 22] = [
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "form", "input", "button", "textarea", "select", "base", "meta", "link", "noscript",
    "template", "portal", "xmp",
];
const URL_ATTRIBUTES: [&str; 9] = [
    "href",
    "src",
    "srcset",
    "cite",
    "action",
    "formaction",
    "poster",
    "background",
    "longdesc",
];

/// Every way `html` (as ammonia serialises it: attribute values in double
/// quotes, `&` and `"` escaped) could run script or load from elsewhere.
fn active_html(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let tag = rest.strip_prefix('/').unwrap_or(rest);
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = tag[..name_len].to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            problems.push(format!(
                "a bare `<` before {:?}",
                &rest[..rest.len().min(20)]
            ));
            continue;
        }
        if ELEMENTS.contains(&name.as_str()) {
            problems.push(format!("element <{name}>"));
        }
        let mut attrs = &tag[name_len..];
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() || attrs.starts_with('>') || attrs.starts_with("/>") {
                break;
            }
            let attr_len = attrs
                .find(|c: char| c.is_whitespace() || "=>/".contains(c))
                .unwrap_or(attrs.len())
                .max(1);
            let attr = attrs[..attr_len].to_ascii_lowercase();
            attrs = &attrs[attr_len..];
            let mut value = String::new();
            if let Some(v) = attrs.strip_prefix("=\"") {
                let end = v.find('"').unwrap_or(v.len());
                value = unescape(&v[..end]);
                attrs = v.get(end + 1..).unwrap_or("");
            } else if attrs.starts_with('=') {
                problems.push(format!("unquoted value of `{attr}` on <{name}>"));
                attrs = &attrs[1..];
            }
            if attr.starts_with("on")
                || ["style", "srcdoc", "http-equiv", "xmlns", "xlink:href"].contains(&attr.as_str())
            {
                problems.push(format!("attribute `{attr}` on <{name}>"));
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                let url = browser_url(&value);
                if ["javascript:", "vbscript:", "data:", "file:"]
                    .iter()
                    .any(|s| url.starts_with(s))
                {
                    problems.push(format!("`{attr}=\"{value}\"` on <{name}>"));
                }
                if (attr == "src" || attr == "srcset")
                    && !value.starts_with(&format!("{ROOT}media/"))
                {
                    problems.push(format!(
                        "`{attr}=\"{value}\"` outside {ROOT}media/ on <{name}>"
                    ));
                }
            }
        }
    }
    problems
}

fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// A URL as a browser's URL parser reads its scheme (WHATWG URL): C0
/// controls and spaces trimmed from both ends, tabs and newlines removed
/// everywhere, ASCII lower-cased. Other characters (U+2028, NBSP) stay and
/// make the scheme invalid, so the URL is relative and harmless.
fn browser_url(value: &str) -> String {
    value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}
