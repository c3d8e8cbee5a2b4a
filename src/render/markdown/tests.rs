//! The renderer's own tests: safety, ids, and the two ways (with and
//! without ammonia) agreeing.

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

/// An `<img>` without `src` is invalid HTML: one whose source was remote
/// or missing goes entirely.
#[test]
fn images_without_a_source_are_dropped() {
    for text in [
        "a <img alt=\"x\"> b",
        "a <img src=\"https://evil.example/a.png\" alt=\"x\"> b",
        "a <img src=\"data:image/png;base64,AAAA\"> b",
        "a ![x](https://evil.example/a.png) b",
    ] {
        let (fast, slow) = both_ways(text);
        for html in [&fast, &slow] {
            assert!(!html.contains("<img"), "{text:?}: {html}");
            assert!(html.starts_with("<p>a "), "{text:?}: {html}");
        }
    }
    assert!(md("<img src=\"/media/a.png\" alt=\"x\">").contains("<img src=\"/media/a.png\""));
}

/// A `\` in a link's path is percent-encoded as pulldown-cmark encodes it,
/// with raw HTML in the fragment or without.
#[test]
fn backslashes_in_link_paths_are_percent_encoded_both_ways() {
    for text in ["[link](foo\\bar)", "[link](foo\\bar) <b>x</b>"] {
        let (fast, slow) = both_ways(text);
        for html in [&fast, &slow] {
            assert!(
                html.contains("<a href=\"foo%5Cbar\">link</a>"),
                "{text:?}: {html}"
            );
        }
    }
    let (fast, _) = both_ways("[a](/x?q=«ø» \"t\") [b](/y?a=1&b='2')");
    assert!(
        fast.contains("href=\"/x?q=%C2%AB%C3%B8%C2%BB\" title=\"t\""),
        "{fast}"
    );
    assert!(
        fast.contains("href=\"/y?a=1&amp;b=&#x27;2&#x27;\""),
        "{fast}"
    );
}

/// A link whose only content was a dropped image keeps a name for screen
/// readers: the image's alt text, else its address; without an address it
/// is no link and goes.
#[test]
fn links_around_dropped_images_keep_a_text() {
    let cases = [
        (
            "[![KS-logo](https://evil.example/a.png)](https://ks.no/)",
            "<p><a href=\"https://ks.no/\">KS-logo</a></p>\n",
        ),
        (
            "[![](https://evil.example/a.png)](https://ks.no/)",
            "<p><a href=\"https://ks.no/\">https://ks.no/</a></p>\n",
        ),
        (
            "x [![](https://evil.example/a.png)](javascript:alert(1)) y",
            "<p>x  y</p>\n",
        ),
        (
            "<a href=\"https://ks.no/\"><img src=\"https://evil.example/a.png\" alt=\"KS-logo\"></a>",
            "<p><a href=\"https://ks.no/\">KS-logo</a></p>\n",
        ),
        (
            "<a href=\"https://ks.no/\"><img src=\"https://evil.example/a.png\"></a>",
            "<p><a href=\"https://ks.no/\">https://ks.no/</a></p>\n",
        ),
        (
            "x <a href=\"javascript:alert(1)\"> <img alt=\"\"> </a> y",
            "<p>x  y</p>\n",
        ),
    ];
    for (text, expected) in cases {
        let (fast, slow) = both_ways(text);
        assert_eq!(slow, expected, "through ammonia, for {text:?}");
        if !text.starts_with('<') && !text.contains(" <") {
            assert_eq!(fast, expected, "without ammonia, for {text:?}");
        }
    }
}
