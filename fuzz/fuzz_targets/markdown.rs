//! The Markdown renderer on any text: never panics, and its output holds no
//! active HTML — no script-capable element, no event handler or style
//! attribute, no `javascript:`/`vbscript:`/`data:` URL, no image from
//! outside `/media/`, no `<` that is not a tag.

#![no_main]

use casebook::render::markdown::{Fragment, Ids, render};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/oracle.rs"]
mod oracle;
use oracle::active_html;

const ROOT: &str = "/samling/";

fuzz_target!(|text: &str| {
    let mut ids = Ids::reserved(&["main", "innhold"]);
    let fragment = Fragment {
        prefix: "behov",
        min_heading: 2,
        root: ROOT,
    };
    let html = render(text, fragment, &mut ids);
    let problems = active_html(&html, ROOT);
    assert!(problems.is_empty(), "{problems:?} in {html}");
    // Rendering the same text again on the same page keeps ids unique.
    let again = render(text, fragment, &mut ids);
    assert!(active_html(&again, ROOT).is_empty());
});
