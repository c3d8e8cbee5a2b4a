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
use crate::words::{Arg, Language};

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
    /// The overlay for `diagnostics` (errors first, as given), in the
    /// language casebook speaks.
    pub fn new(diagnostics: Vec<Diagnostic>) -> Overlay {
        Overlay::in_language(diagnostics, crate::words::current())
    }

    /// The overlay for `diagnostics` in `language`.
    pub fn in_language(diagnostics: Vec<Diagnostic>, language: Language) -> Overlay {
        let say = |id, args| crate::words::text_in(language, id, args);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let problems = say("problems", vec![("count", Arg::Count(errors))]);
        let mut html = format!(
            "<link rel=\"stylesheet\" href=\"{PREFIX}/overlay.css\">\n\
             <details id=\"casebook-overlay\" open lang=\"{}\">\n\
             <summary>{}</summary>\n<ol>\n",
            language.code(),
            escape(&say(
                "overlay-title",
                vec![("problems", Arg::from(problems))]
            ))
        );
        for d in &diagnostics {
            let (level, word) = match d.severity {
                Severity::Error => ("error", say("level-error", Vec::new())),
                Severity::Warning => ("warning", say("level-warning", Vec::new())),
            };
            html.push_str(&format!(
                "<li class=\"casebook-{level}\">\n<p><code class=\"casebook-where\">{}</code> <strong>{}</strong>: {}</p>\n",
                escape(&location(d)),
                escape(&word),
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
                    "<p class=\"casebook-help\">{}: {}</p>\n",
                    escape(&say("level-help", Vec::new())),
                    escape(help)
                ));
            }
            html.push_str("</li>\n");
        }
        html.push_str(&format!(
            "</ol>\n<p>{}</p>\n</details>\n",
            escape(&say("overlay-fix", Vec::new()))
        ));
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
        let overlay = Overlay::in_language(vec![d], Language::En);
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

    #[test]
    fn the_overlay_speaks_the_language_it_is_given() {
        let d = Diagnostic::file(Severity::Warning, "x", "content/cases/a.md", "m".into())
            .with_help("h");
        let nb = Overlay::in_language(vec![d.clone()], Language::Nb).html;
        assert!(nb.contains("lang=\"nb\""), "{nb}");
        assert!(
            nb.contains("casebook: 0 feil — dette er siste fungerende versjon"),
            "{nb}"
        );
        assert!(nb.contains("<strong>advarsel</strong>"), "{nb}");
        assert!(nb.contains("hjelp: h"), "{nb}");
        let nn = Overlay::in_language(vec![d], Language::Nn).html;
        assert!(nn.contains("lang=\"nn\""), "{nn}");
        assert!(nn.contains("<strong>åtvaring</strong>"), "{nn}");
        assert!(nn.contains("Rett fila og lagre ho"), "{nn}");
    }
}
