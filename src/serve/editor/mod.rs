//! The editor in the browser (DESIGN.md §5): pages under `/_casebook/edit/`
//! for writing a case without a text editor, and the JSON API under
//! `/_casebook/api/` they use, mounted into serve's router.
//!
//! Safety comes first here, because this is the one part of casebook that
//! writes into the site from a network request:
//! - every request must come from this computer (also when `--bind` serves
//!   the site to the network) and name this server (`Host` a loopback address with
//!   our port), so a page on another site cannot reach it through DNS
//!   rebinding;
//! - every writing request needs the token, random per server start, that
//!   the editor's pages carry in `<meta name="casebook-token">`, and an
//!   `Origin` (when the browser sends one) that is this server's own;
//! - a slug is `[a-z0-9-]+` and nothing is written outside
//!   `content/cases/` and `content/media/`, never through a symbolic link;
//! - request bodies are capped.
//!
//! [`api`] answers the API, [`frontmatter`] writes and reads case files
//! ([`scalar`] writes one value), [`media`] takes uploads and [`pages`]
//! makes the two HTML pages.

mod api;
pub mod frontmatter;
mod media;
mod pages;
mod scalar;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

/// The largest JSON request body: a case file is at most 4 MB
/// (`content::MAX_FILE_BYTES`), and its JSON a little more.
const MAX_JSON: usize = 6 * 1024 * 1024;

/// The editor's state: where the site is, the token, and the locks that
/// make concurrent saves of one case take turns.
pub(crate) struct Editor {
    /// The site's root, canonical.
    root: PathBuf,
    /// The port the server listens on, for checking `Host` and `Origin`.
    port: u16,
    /// The token writing requests must carry.
    token: String,
    /// Today, for the rules about dates.
    today: jiff::civil::Date,
    /// One lock per slug being saved.
    locks: Mutex<HashMap<String, Arc<Mutex<()>>>>,
}

impl Editor {
    /// The editor of the site at `root` (canonical), served on `port`.
    pub(crate) fn new(
        root: PathBuf,
        port: u16,
        today: jiff::civil::Date,
    ) -> std::io::Result<Editor> {
        let mut bytes = [0u8; 24];
        getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
        let token = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Ok(Editor {
            root,
            port,
            token,
            today,
            locks: Mutex::new(HashMap::new()),
        })
    }

    /// The lock for saving `slug`.
    fn lock(&self, slug: &str) -> Arc<Mutex<()>> {
        self.locks
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(slug.to_owned())
            .or_default()
            .clone()
    }

    fn cases_dir(&self) -> PathBuf {
        self.root.join("content/cases")
    }

    /// Whether `host` (a `Host` header) names this server on a loopback
    /// address.
    fn is_own_host(&self, host: &str) -> bool {
        let Some((name, port)) = host.rsplit_once(':') else {
            return false;
        };
        port.parse::<u16>().is_ok_and(|p| p == self.port)
            && matches!(name, "127.0.0.1" | "localhost" | "[::1]")
    }
}

/// The editor's routes, to be merged into serve's router.
pub(crate) fn routes(editor: Arc<Editor>) -> Router {
    let api = Router::new()
        .route("/cases", get(api::list).post(api::create))
        .route("/cases/{slug}", get(api::get_case).put(api::save))
        .route("/check", post(api::check))
        .route("/preview", post(api::preview))
        .route("/fields", get(api::fields))
        .layer(DefaultBodyLimit::max(MAX_JSON))
        .route(
            "/media",
            post(media::upload).layer(DefaultBodyLimit::max(media::MAX_BODY)),
        );
    Router::new()
        .route("/_casebook/edit/", get(pages::list))
        .route("/_casebook/edit/{slug}/", get(pages::form))
        .route("/_casebook/editor.js", get(pages::script))
        .route("/_casebook/form.js", get(pages::form_script))
        .route("/_casebook/lists.js", get(pages::lists_script))
        .route("/_casebook/parts.js", get(pages::parts_script))
        .route("/_casebook/editor.css", get(pages::style))
        .nest("/_casebook/api", api)
        .layer(middleware::from_fn_with_state(editor.clone(), guard))
        .with_state(editor)
}

/// Refuses a request that does not name this server, and a writing request
/// without the token or from another origin.
async fn guard(State(editor): State<Arc<Editor>>, req: Request, next: Next) -> Response {
    let remote = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .is_none_or(|ConnectInfo(peer)| !peer.ip().is_loopback());
    if remote {
        return refuse(StatusCode::FORBIDDEN, &crate::words!("editor-wrong-host")).into_response();
    }
    let headers = req.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !editor.is_own_host(host) {
        return refuse(StatusCode::FORBIDDEN, &crate::words!("editor-wrong-host")).into_response();
    }
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD);
    if writes {
        if !token_matches(headers, &editor.token) {
            return refuse(StatusCode::FORBIDDEN, &crate::words!("editor-no-token"))
                .into_response();
        }
        if let Some(origin) = headers.get(header::ORIGIN)
            && origin.to_str().ok() != Some(format!("http://{host}").as_str())
        {
            return refuse(StatusCode::FORBIDDEN, &crate::words!("editor-wrong-origin"))
                .into_response();
        }
    }
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Compares the token in time that does not depend on where it differs.
fn token_matches(headers: &HeaderMap, token: &str) -> bool {
    let Some(given) = headers.get("x-casebook-token").map(HeaderValue::as_bytes) else {
        return false;
    };
    given.len() == token.len()
        && given
            .iter()
            .zip(token.as_bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// A request the editor does not carry out: its status and its JSON body
/// (`{error}`, and what else the form needs to show).
pub(super) struct Refusal(StatusCode, serde_json::Value);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.0, axum::Json(self.1)).into_response()
    }
}

/// A JSON error `{error}` with `status`.
fn refuse(status: StatusCode, message: &str) -> Refusal {
    Refusal(status, serde_json::json!({ "error": message }))
}

/// Whether `path` is a folder inside `root` (canonical), reached without
/// a symbolic link at its own name.
fn real_dir_inside(root: &Path, path: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    meta.is_dir()
        && std::fs::canonicalize(path).is_ok_and(|real| real.starts_with(root) && real == path)
}
