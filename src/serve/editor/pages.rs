//! The editor's two pages: `/_casebook/edit/`, the list of cases (made
//! here, so it reads without script) with the "new case" form, and
//! `/_casebook/edit/<slug>/`, whose form `editor.js` builds from
//! `/_casebook/api/fields`. Both carry the token, the editor's words in its
//! language, and the script and style shipped beside this file.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

use super::Editor;
use crate::words::{Arg, Language, current, text_in};

const SCRIPT: &str = include_str!("static/editor.js");
const FORM: &str = include_str!("static/form.js");
const PARTS: &str = include_str!("static/parts.js");
const LISTS: &str = include_str!("static/lists.js");
const STYLE: &str = include_str!("static/editor.css");

/// The English messages: which ids the pages get, and which take values.
const MESSAGES: &str = include_str!("../../../locales/en/editor.ftl");

/// Stands for the count in a plural message given to the script, which
/// puts the real count in its place.
const COUNT_MARK: usize = 987_654;

/// The names of the values the editor's messages take.
const VALUE_NAMES: &[&str] = &[
    "count",
    "field",
    "max",
    "megabytes",
    "message",
    "n",
    "path",
    "slug",
    "title",
];

/// The page's policy: nothing from another host, no inline script.
const CSP: &str = "default-src 'self'; img-src 'self'; script-src 'self'; style-src 'self'; \
                   connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
                   frame-ancestors 'none'";

pub(super) async fn script() -> Response {
    file("text/javascript; charset=utf-8", SCRIPT)
}

pub(super) async fn form_script() -> Response {
    file("text/javascript; charset=utf-8", FORM)
}

pub(super) async fn lists_script() -> Response {
    file("text/javascript; charset=utf-8", LISTS)
}

pub(super) async fn parts_script() -> Response {
    file("text/javascript; charset=utf-8", PARTS)
}

pub(super) async fn style() -> Response {
    file("text/css; charset=utf-8", STYLE)
}

fn file(kind: &'static str, body: &'static str) -> Response {
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    response
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The message `id` with one text value.
fn say(id: &str, args: &[(&'static str, &str)]) -> String {
    text_in(
        current(),
        id,
        args.iter().map(|(k, v)| (*k, Arg::from(*v))).collect(),
    )
}

fn say_count(id: &str, count: usize) -> String {
    text_in(current(), id, vec![("count", Arg::Count(count))])
}

/// Every `editor-` message in the editor's language, for the script:
/// values stand as `{name}`, plural messages as `{one, other}` with the
/// count's place marked.
fn words_json(language: Language) -> Value {
    let mut words = Map::new();
    let mut messages: Vec<(&str, String)> = Vec::new();
    for line in MESSAGES.lines() {
        if let Some((id, rest)) = line.split_once(" =")
            && id.starts_with("editor-")
        {
            messages.push((id, rest.to_owned()));
        } else if line.starts_with([' ', '*', '[', '}'])
            && let Some((_, text)) = messages.last_mut()
        {
            text.push_str(line);
        }
    }
    for (id, text) in messages {
        let names: Vec<&str> = text
            .split("{ $")
            .skip(1)
            .filter_map(|s| s.split([' ', '}']).next())
            .collect();
        let plural = text.contains("$count ->");
        let args = |count: usize| {
            names
                .iter()
                .filter_map(|name| VALUE_NAMES.iter().find(|n| *n == name))
                .map(|&name| {
                    let arg = if name == "count" {
                        Arg::Count(count)
                    } else {
                        Arg::Text(format!("{{{name}}}").into())
                    };
                    (name, arg)
                })
                .collect::<Vec<_>>()
        };
        let value = if plural {
            serde_json::json!({
                "one": text_in(language, id, args(1)),
                "other": text_in(language, id, args(COUNT_MARK)),
            })
        } else {
            Value::String(text_in(language, id, args(COUNT_MARK)))
        };
        words.insert(id.to_owned(), value);
    }
    Value::Object(words)
}

/// The case form's scripts, after `editor.js`.
const FORM_SCRIPTS: &str = "<script src=\"/_casebook/lists.js\" defer></script>\n\
                            <script src=\"/_casebook/parts.js\" defer></script>\n\
                            <script src=\"/_casebook/form.js\" defer></script>\n";

/// A whole page around `main`.
fn page(editor: &Editor, title: &str, main: &str, data: &str, scripts: &str) -> Response {
    let language = current();
    let words = words_json(language).to_string().replace('<', "\\u003c");
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"casebook-token\" content=\"{token}\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/_casebook/editor.css\">\n\
         <script src=\"/_casebook/editor.js\" defer></script>\n{scripts}</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">{skip}</a>\n\
         <main id=\"main\" tabindex=\"-1\"{data}>\n{main}</main>\n\
         <script type=\"application/json\" id=\"casebook-words\">{words}</script>\n\
         </body>\n</html>\n",
        lang = language.code(),
        token = editor.token,
        title = escape(title),
        skip = escape(&say("editor-skip", &[])),
    );
    let mut response = html.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    response
}

/// `GET /_casebook/edit/`.
pub(super) async fn list(State(editor): State<Arc<Editor>>) -> Response {
    let cases = super::api::list(State(editor.clone())).await;
    if cases.status() != StatusCode::OK {
        return cases;
    }
    let Ok(bytes) = axum::body::to_bytes(cases.into_body(), usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let cases: Vec<Value> = serde_json::from_slice(&bytes).unwrap_or_default();
    let fields = super::api::fields(State(editor.clone())).await;
    let fields: Value = match axum::body::to_bytes(fields.into_body(), usize::MAX).await {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_default(),
        Err(_) => Value::Null,
    };
    let mut main = String::new();
    let _ = write!(
        main,
        "<h1 id=\"list-heading\">{}</h1>\n<p>{}</p>\n",
        escape(&say("editor-list-heading", &[])),
        escape(&say("editor-list-intro", &[]))
    );
    main.push_str(&cases_table(&cases));
    main.push_str(&new_form(&fields));
    page(
        &editor,
        &say("editor-list-title", &[]),
        &main,
        " data-page=\"list\"",
        "",
    )
}

fn cases_table(cases: &[Value]) -> String {
    if cases.is_empty() {
        return format!("<p>{}</p>\n", escape(&say("editor-no-cases", &[])));
    }
    let mut out = String::from(
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"list-heading\">\n<table class=\"cases\">\n",
    );
    let _ = writeln!(
        out,
        "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        escape(&say("editor-col-title", &[])),
        escape(&say("editor-col-municipality", &[])),
        escape(&say("editor-col-state", &[])),
        escape(&say("editor-col-problems", &[])),
        escape(&say("editor-col-actions", &[])),
    );
    for case in cases {
        let slug = case["slug"].as_str().unwrap_or("");
        let title = match case["title"].as_str() {
            Some(t) if !t.is_empty() => t.to_owned(),
            _ => say("editor-untitled", &[]),
        };
        let errors = case["errors"].as_u64().unwrap_or(0) as usize;
        let warnings = case["warnings"].as_u64().unwrap_or(0) as usize;
        let problems = match (errors, warnings) {
            (0, 0) => escape(&say("editor-no-problems", &[])),
            _ => {
                let mut parts = Vec::new();
                if errors > 0 {
                    parts.push(format!(
                        "<span class=\"errors\">{}</span>",
                        escape(&say_count("editor-errors", errors))
                    ));
                }
                if warnings > 0 {
                    parts.push(format!(
                        "<span class=\"warnings\">{}</span>",
                        escape(&say_count("editor-warnings", warnings))
                    ));
                }
                parts.join(", ")
            }
        };
        let state = if case["draft"].as_bool() == Some(true) {
            say("editor-draft", &[])
        } else {
            say("editor-published", &[])
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><a href=\"/_casebook/edit/{slug}/\">{title}</a></th><td>{municipality}</td><td>{state}</td><td>{problems}</td>\
             <td><a href=\"/_casebook/edit/{slug}/\" aria-label=\"{edit_named}\">{edit}</a> · <a href=\"/cases/{slug}/\" aria-label=\"{open_named}\">{open}</a></td></tr>",
            slug = escape(slug),
            title = escape(&title),
            municipality = escape(case["municipality"].as_str().unwrap_or("")),
            state = escape(&state),
            edit_named = escape(&say("editor-edit-named", &[("title", &title)])),
            edit = escape(&say("editor-edit", &[])),
            open_named = escape(&say("editor-open-page-named", &[("title", &title)])),
            open = escape(&say("editor-open-page", &[])),
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

fn new_form(fields: &Value) -> String {
    let mut out = format!(
        "<section aria-labelledby=\"new-heading\" class=\"new-case\">\n<h2 id=\"new-heading\">{}</h2>\n\
         <form id=\"new-case\" novalidate>\n",
        escape(&say("editor-new-heading", &[]))
    );
    // The register's names are offered where the site has a register.
    let register = fields["municipalities"].is_array();
    let (help, list, described) = if register {
        (
            format!(
                "<p class=\"help\" id=\"new-municipality-help\">{}</p>\n",
                escape(&say("editor-new-municipality-help", &[]))
            ),
            " list=\"municipalities\"",
            "new-municipality-help new-status",
        )
    } else {
        (String::new(), "", "new-status")
    };
    let _ = write!(
        out,
        "<div class=\"field\"><label for=\"new-municipality\">{label}</label>\n{help}\
         <input id=\"new-municipality\" name=\"municipality\" required autocomplete=\"off\" aria-describedby=\"{described}\"{list}></div>\n",
        label = escape(&say("editor-new-municipality", &[])),
    );
    if let Some(register) = fields["municipalities"].as_array() {
        out.push_str("<datalist id=\"municipalities\">");
        for m in register {
            let _ = write!(
                out,
                "<option value=\"{}\"></option>",
                escape(m["name"].as_str().unwrap_or(""))
            );
        }
        out.push_str("</datalist>\n");
    }
    let _ = write!(
        out,
        "<div class=\"field\"><label for=\"new-programme\">{}</label>\n<select id=\"new-programme\" name=\"programme\">",
        escape(&say("editor-new-programme", &[]))
    );
    for p in fields["programmes"].as_array().into_iter().flatten() {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            escape(p["id"].as_str().unwrap_or("")),
            escape(p["name"].as_str().unwrap_or(""))
        );
    }
    out.push_str("</select></div>\n");
    let (nb, nn) = if current() == Language::Nn {
        ("", " checked")
    } else {
        (" checked", "")
    };
    let _ = write!(
        out,
        "<fieldset class=\"field\"><legend>{legend}</legend>\n\
         <label><input type=\"radio\" name=\"language\" value=\"nb\"{nb}> {bokmal}</label>\n\
         <label><input type=\"radio\" name=\"language\" value=\"nn\"{nn}> {nynorsk}</label>\n</fieldset>\n\
         <button type=\"submit\" class=\"primary\">{submit}</button>\n\
         <p id=\"new-status\" class=\"status\" role=\"status\"></p>\n</form>\n</section>\n",
        legend = escape(&say("editor-new-language", &[])),
        bokmal = escape(&say("editor-lang-nb", &[])),
        nynorsk = escape(&say("editor-lang-nn", &[])),
        submit = escape(&say("editor-new-submit", &[])),
    );
    out
}

/// `GET /_casebook/edit/<slug>/`.
pub(super) async fn form(
    State(editor): State<Arc<Editor>>,
    UrlPath(slug): UrlPath<String>,
) -> Response {
    let case = super::api::get_case(State(editor.clone()), UrlPath(slug.clone())).await;
    if case.status() != StatusCode::OK {
        return case;
    }
    let Ok(bytes) = axum::body::to_bytes(case.into_body(), usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let case: Value = serde_json::from_slice(&bytes).unwrap_or_default();
    let title = case["front_matter"]["title"]
        .as_str()
        .filter(|t| !t.is_empty())
        .map_or_else(|| slug.clone(), str::to_owned);
    let main = format!(
        "<p><a href=\"/_casebook/edit/\">{back}</a></p>\n<h1 id=\"case-heading\">{title}</h1>\n\
         <p><a href=\"/cases/{slug}/\">{view}</a></p>\n\
         <div id=\"form-root\"></div>\n",
        back = escape(&say("editor-back", &[])),
        title = escape(&title),
        slug = escape(&slug),
        view = escape(&say("editor-view-page", &[])),
    );
    page(
        &editor,
        &say("editor-case-title", &[("title", &title)]),
        &main,
        &format!(" data-page=\"case\" data-slug=\"{}\"", escape(&slug)),
        FORM_SCRIPTS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_gets_every_editor_message_with_its_values_marked() {
        let words = words_json(Language::En);
        assert_eq!(
            words["editor-summary-count"],
            "{count} of {max} characters"
                .replace("{count}", &COUNT_MARK.to_string())
                .as_str()
        );
        assert_eq!(words["editor-problems"]["one"], "1 problem");
        assert_eq!(words["editor-problems"]["other"], "987654 problems");
        assert_eq!(words["editor-edit-named"], "Edit {title}");
        let count = MESSAGES
            .lines()
            .filter(|l| l.starts_with("editor-"))
            .count();
        assert_eq!(words.as_object().map(Map::len), Some(count));
    }
}
