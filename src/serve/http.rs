//! HTTP: axum serving the current site folder with tower-http's `ServeDir`
//! (MIME types, ranges, directory `index.html`, `..` refused), with the
//! server's own files under `/_casebook/`, tower-livereload's event stream
//! for reloading, and the reload script and overlay added to HTML pages.
//!
//! Requests outside the site get the site's 404 page: `ServeDir` refuses
//! `..` (also percent-encoded), and [`inside_site`] checks it again and
//! refuses a file that resolves outside the folder through a symbolic link.

use std::io;
use std::path::{Component, Path};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};
use tower_livereload::{LiveReloadLayer, Reloader};

use super::overlay::{OVERLAY_CSS, RELOAD_JS, reload_tag};
use super::{PREFIX, Served, Shared};

/// The largest HTML page the reload script is added to; a larger one is
/// sent as it is (no page of a catalogue comes near it).
const MAX_INJECTED: usize = 32 * 1024 * 1024;

/// Ctrl-C and, on Unix, SIGTERM; installed when created.
pub struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    /// Installs the handlers (inside a Tokio runtime).
    pub fn new() -> io::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Signals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        {
            Ok(Signals {})
        }
    }

    /// Waits for the first of them.
    pub async fn recv(mut self) {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => {}
                _ = self.terminate.recv() => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = &mut self;
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

fn never(_: &Request<Body>) -> bool {
    false
}

/// The application (with the editor's routes), and the handle that tells
/// browsers to reload.
pub fn router(shared: Arc<Shared>, editor: Router) -> (Router, Reloader) {
    // tower-livereload's own injection is off: its inline script would be
    // blocked by the page's CSP. `inject` adds a script file instead.
    let livereload = LiveReloadLayer::new()
        .custom_prefix(PREFIX)
        .request_predicate(never as fn(&Request<Body>) -> bool);
    let reloader = livereload.reloader();
    let site = Router::new().fallback(handle).with_state(shared);
    let router = editor.merge(site).layer(livereload);
    (router, reloader)
}

/// Serves until `stop` turns true, then gives ordinary requests a moment
/// to finish; event streams never end by themselves, so they are cut.
pub async fn serve(
    listener: std::net::TcpListener,
    router: Router,
    mut stop: tokio::sync::watch::Receiver<bool>,
) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let mut graceful = stop.clone();
    // The peer's address reaches the handlers: the editor answers only
    // this computer, even when the site is served to the network.
    let app = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        let _ = graceful.wait_for(|stop| *stop).await;
    });
    let mut server = tokio::spawn(server.into_future());
    tokio::select! {
        done = &mut server => return done.unwrap_or(Ok(())),
        _ = stop.wait_for(|stop| *stop) => {}
    }
    if let Ok(done) = tokio::time::timeout(Duration::from_millis(300), &mut server).await {
        return done.unwrap_or(Ok(()));
    }
    server.abort();
    Ok(())
}

/// Whether the decoded request path names something inside the site: no
/// `..`, and, when it exists, a real path inside the served folder.
pub fn inside_site(served: &Served, raw_path: &str) -> bool {
    let Ok(decoded) = percent_decode_str(raw_path).decode_utf8() else {
        return false;
    };
    let mut file = served.dir.clone();
    for segment in decoded.split('/') {
        if segment.contains('\\') || segment.contains('\0') {
            return false;
        }
        match Path::new(segment).components().next() {
            None | Some(Component::CurDir) => {}
            Some(Component::Normal(_)) if Path::new(segment).components().count() == 1 => {
                file.push(segment);
            }
            _ => return false,
        }
    }
    let stays_inside = |path: &Path| match std::fs::canonicalize(path) {
        Ok(real) => real.starts_with(&served.canonical),
        // Missing: ServeDir answers 404 by itself.
        Err(_) => true,
    };
    stays_inside(&file) && (!file.is_dir() || stays_inside(&file.join("index.html")))
}

async fn handle(State(shared): State<Arc<Shared>>, mut req: Request) -> Response {
    if let Some(name) = req.uri().path().strip_prefix(PREFIX) {
        return own_file(name, &shared);
    }
    let served = shared.current();
    // Always answer in full: a page the browser revalidates would
    // otherwise keep (or lose) the overlay of an earlier state.
    for h in [
        header::IF_MODIFIED_SINCE,
        header::IF_NONE_MATCH,
        header::IF_UNMODIFIED_SINCE,
        header::IF_MATCH,
        header::IF_RANGE,
    ] {
        req.headers_mut().remove(h);
    }
    let get = req.method() == Method::GET;
    let not_found = ServeFile::new(served.dir.join("404.html"));
    let response = if inside_site(&served, req.uri().path()) {
        let dir = ServeDir::new(&served.dir)
            .append_index_html_on_directories(true)
            .not_found_service(not_found);
        match dir.oneshot(req).await {
            Ok(r) => r.map(Body::new),
            Err(never) => match never {},
        }
    } else {
        match not_found.oneshot(req).await {
            Ok(r) => {
                let mut r = r.map(Body::new);
                *r.status_mut() = StatusCode::NOT_FOUND;
                r
            }
            Err(never) => match never {},
        }
    };
    finish(response, get, &shared).await
}

/// The server's own files: the reload script, the overlay's style and the
/// current diagnostics as JSON.
fn own_file(name: &str, shared: &Shared) -> Response {
    match name {
        "/reload.js" => sized(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            RELOAD_JS.into(),
        ),
        "/overlay.css" => sized(
            StatusCode::OK,
            "text/css; charset=utf-8",
            OVERLAY_CSS.into(),
        ),
        "/diagnostics.json" => sized(
            StatusCode::OK,
            "application/json",
            shared
                .overlay()
                .map_or_else(|| "[]".to_owned(), |o| o.json.clone()),
        ),
        _ => sized(
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            "not found".into(),
        ),
    }
}

/// A response with its length set: tower-livereload's wrapper hides the
/// body's size from hyper, which would otherwise send it chunked.
fn sized(status: StatusCode, kind: &'static str, body: String) -> Response {
    let length = body.len();
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CONTENT_LENGTH, length.into());
    response
}

/// Adds the reload script (and the overlay, while the site is broken) to
/// whole HTML pages, and forbids caching everything.
async fn finish(response: Response, get: bool, shared: &Shared) -> Response {
    let html = get
        && matches!(response.status(), StatusCode::OK | StatusCode::NOT_FOUND)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"))
        && !response.headers().contains_key(header::CONTENT_ENCODING);
    let (mut parts, body) = response.into_parts();
    parts.headers.remove(header::LAST_MODIFIED);
    parts.headers.remove(header::ETAG);
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if !html {
        return Response::from_parts(parts, body);
    }
    let bytes = match axum::body::to_bytes(body, MAX_INJECTED).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return sized(
                StatusCode::INTERNAL_SERVER_ERROR,
                "text/plain; charset=utf-8",
                "cannot read the page".into(),
            );
        }
    };
    let mut added = String::new();
    if let Some(overlay) = shared.overlay() {
        added.push_str(&overlay.html);
    }
    added.push_str(&reload_tag());
    let at = find_body_end(&bytes).unwrap_or(bytes.len());
    let mut page = Vec::with_capacity(bytes.len() + added.len());
    page.extend_from_slice(&bytes[..at]);
    page.extend_from_slice(added.as_bytes());
    page.extend_from_slice(&bytes[at..]);
    parts
        .headers
        .insert(header::CONTENT_LENGTH, page.len().into());
    Response::from_parts(parts, Body::from(page))
}

/// Where the last `</body>` starts (any case).
fn find_body_end(page: &[u8]) -> Option<usize> {
    const END: &[u8] = b"</body";
    page.windows(END.len())
        .rposition(|w| w.eq_ignore_ascii_case(END))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn served() -> (tempfile::TempDir, Served) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("site/cases/molde")).expect("mkdir");
        std::fs::write(dir.path().join("site/cases/molde/index.html"), "page").expect("write");
        std::fs::write(dir.path().join("secret.txt"), "secret").expect("write");
        let served = Served::new(dir.path().join("site"));
        (dir, served)
    }

    #[test]
    fn paths_inside_the_site_are_accepted() {
        let (_dir, served) = served();
        for path in [
            "/",
            "/cases/molde/",
            "/cases/molde/index.html",
            "/missing/",
            "/./cases/",
        ] {
            assert!(inside_site(&served, path), "{path}");
        }
    }

    #[test]
    fn parent_folders_encoded_or_not_are_refused() {
        let (_dir, served) = served();
        for path in [
            "/../secret.txt",
            "/../../etc/passwd",
            "/%2e%2e/secret.txt",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/cases/..%2f..%2f..%2fetc/passwd",
            "/cases/..%5c..%5csecret.txt",
            "/cases/%00",
            "/%ff",
        ] {
            assert!(!inside_site(&served, path), "{path}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_out_of_the_site_are_refused() {
        let (dir, served) = served();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), served.dir.join("link.txt"))
            .expect("symlink");
        std::os::unix::fs::symlink(dir.path(), served.dir.join("out")).expect("symlink");
        assert!(!inside_site(&served, "/link.txt"));
        assert!(!inside_site(&served, "/out/secret.txt"));
        assert!(!inside_site(&served, "/out/"));
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        assert_eq!(find_body_end(b"<p>x</p></BODY></html>"), Some(8));
        assert_eq!(find_body_end(b"<p>no body end</p>"), None);
    }
}
