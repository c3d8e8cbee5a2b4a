//! What counts as active HTML in sanitised output: the oracle that the
//! hostile-input tests and the `markdown` fuzz target share (the fuzz crate
//! includes this file by path, as it cannot import the test binary).

/// Every way sanitised HTML (as ammonia writes it: values in double quotes,
/// `&` and `"` escaped) could run script or load from elsewhere: elements
/// that can, `on*`/`style`/`srcdoc` attributes, `javascript:`/`vbscript:`/
/// `data:` URLs, images outside `{root}media/`, a `<` that opens no tag.
pub fn active_html(html: &str, root: &str) -> Vec<String> {
    const ELEMENTS: [&str; 22] = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
        "math", "form", "input", "button", "textarea", "select", "base", "meta", "link",
        "noscript", "template", "portal", "xmp",
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
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            problems.push(format!(
                "a bare `<` before {:?}",
                rest.chars().take(20).collect::<String>()
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
                value = unescape_attr(&v[..end]);
                attrs = v.get(end + 1..).unwrap_or("");
            } else if let Some(v) = attrs.strip_prefix('=') {
                problems.push(format!("unquoted value of `{attr}` on <{name}>"));
                attrs = v;
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
                    && !value.starts_with(&format!("{root}media/"))
                {
                    problems.push(format!(
                        "`{attr}=\"{value}\"` outside {root}media/ on <{name}>"
                    ));
                }
            }
        }
    }
    problems
}

/// An attribute value as written by the sanitiser, unescaped.
pub fn unescape_attr(v: &str) -> String {
    v.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// A URL as a browser's URL parser reads its scheme (WHATWG URL): C0
/// controls and spaces trimmed from both ends, tabs and newlines removed
/// everywhere, ASCII lower-cased. Other characters (U+2028, NBSP) stay and
/// make the scheme invalid, so the URL is relative and harmless.
pub fn browser_url(value: &str) -> String {
    value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

#[test]
fn the_oracle_sees_active_html() {
    let bad = "<p>a</p><script>x</script><a href=\" JavaScript:x\" onclick=\"y\">b</a><img src=\"https://e/x.png\"> 1 < 2";
    let found = active_html(bad, "/");
    assert_eq!(found.len(), 6, "{found:?}");
    let good = "<p>a &lt; b</p><a href=\"https://ks.no/?a=1&amp;b=2\">k</a><img src=\"/media/a.png\" alt=\"&quot;x&quot;\"><!-- <script> -->";
    assert_eq!(active_html(good, "/"), Vec::<String>::new());
}
