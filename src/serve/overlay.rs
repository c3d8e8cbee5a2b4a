//! The overlay: a broken save's diagnostics shown in the browser, over the
//! last good page, the way Zola does it — where (file:line:col), what, and
//! how to fix it, with the source line underlined.
//!
//! It is added to every HTML page the server sends while the site is broken,
//! together with the reload script. Both are files served from the server's
//! own origin (`/_casebook/…`), so the page's Content-Security-Policy
//! (`default-src 'self'`) allows them as it is: `serve` needs no inline
//! script or style and does not loosen the policy.

use crate::diagnostics::{self, Diagnostic, Severity};

use super::PREFIX;

/// The reload script: listens to the Server-Sent Events of
/// tower-livereload and reloads the page on `reload`, or when the server
/// comes back after a restart. tower-livereload injects the same logic as
/// an inline script, which the skin's CSP (rightly) blocks.
pub const RELOAD_JS: &str = include_str!("reload.js");

/// The overlay's stylesheet.
pub const OVERLAY_CSS: &str = include_str!("overlay.css");

/// What [`super::http`] appends to every HTML page (before `</body>`).
pub fn reload_tag() -> String {
    format!(
        "<script src=\"{PREFIX}/reload.js\" data-event-stream=\"{PREFIX}/event-stream\"></script>\n"
    )
}

/// A broken site's diagnostics, ready to serve.
#[derive(Clone, Debug)]
pub struct Overlay {
    /// The HTML added to every page.
    pub html: String,
    /// The diagnostics as JSON (`/_casebook/diagnostics.json`).
    pub json: String,
    /// The diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

fn escape(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(text, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// `content/cases/molde.md:9:10`.
pub fn location(d: &Diagnostic) -> String {
    format!("{}:{}:{}", d.file, d.line, d.column)
}

impl Overlay {
    /// The overlay for `diagnostics` (errors first, as given).
    pub fn new(diagnostics: Vec<Diagnostic>) -> Overlay {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let mut html = format!(
            "<link rel=\"stylesheet\" href=\"{PREFIX}/overlay.css\">\n\
             <details id=\"casebook-overlay\" open lang=\"en\">\n\
             <summary>casebook: {} — this is the last good version of the site</summary>\n<ol>\n",
            if errors == 1 {
                "1 problem".to_owned()
            } else {
                format!("{errors} problems")
            }
        );
        for d in &diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            html.push_str(&format!(
                "<li class=\"casebook-{level}\">\n<p><code class=\"casebook-where\">{}</code> <strong>{level}</strong>: {}</p>\n",
                escape(&location(d)),
                escape(&d.message)
            ));
            if let Some(source) = &d.source {
                let start = source.start.min(source.text.len());
                let end = source.end.clamp(start, source.text.len());
                let width = |s: &str| s.chars().count();
                let gutter = d.line.to_string();
                let caret_at = source.text.get(..start).map_or(0, width);
                let carets = source.text.get(start..end).map_or(1, width).max(1);
                html.push_str(&format!(
                    "<pre>{gutter} | {}\n{} | {}{}</pre>\n",
                    escape(&source.text),
                    " ".repeat(gutter.len()),
                    " ".repeat(caret_at),
                    "^".repeat(carets)
                ));
            }
            if let Some(help) = &d.help {
                html.push_str(&format!(
                    "<p class=\"casebook-help\">help: {}</p>\n",
                    escape(help)
                ));
            }
            html.push_str("</li>\n");
        }
        html.push_str(
            "</ol>\n<p>Fix the file and save it: this page reloads by itself.</p>\n</details>\n",
        );
        Overlay {
            html,
            json: diagnostics::render_json(&diagnostics),
            diagnostics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overlay_says_where_what_and_how_and_escapes_it() {
        let text = "themes: [<sykefravar>]";
        let d = Diagnostic::at(
            Severity::Error,
            "unknown-theme",
            "content/cases/molde.md",
            text,
            9,
            12,
            "unknown theme `<sykefravar>`".into(),
        )
        .with_help("did you mean `sykefravaer`?");
        let overlay = Overlay::new(vec![d]);
        assert!(
            overlay.html.contains("content/cases/molde.md:1:10"),
            "{}",
            overlay.html
        );
        assert!(
            overlay.html.contains("unknown theme `&lt;sykefravar&gt;`"),
            "{}",
            overlay.html
        );
        assert!(
            overlay.html.contains("help: did you mean `sykefravaer`?"),
            "{}",
            overlay.html
        );
        assert!(
            overlay
                .html
                .contains("1 | themes: [&lt;sykefravar&gt;]\n  |          ^^^^^^^^^^^^"),
            "{}",
            overlay.html
        );
        assert!(!overlay.html.contains("<sykefravar>"));
        assert!(overlay.json.contains("\"line\": 1"), "{}", overlay.json);
    }
}
