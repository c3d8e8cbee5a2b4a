//! The development server behind `casebook serve` (DESIGN.md §5): builds the
//! site into a temporary folder, serves it over HTTP, watches `content/` and
//! `themes/`, re-renders only the pages a change touches, and tells open
//! browsers to reload over Server-Sent Events.
//!
//! The site is written to a temporary folder rather than kept in memory: at
//! 10 000 cases the pages and open data weigh several hundred megabytes,
//! which would make the server's memory grow with the catalogue, while files
//! let `tower-http`'s `ServeDir` do MIME types, ranges and path checks and
//! let an edit replace one page by renaming a file over it. The folder is
//! in memory-backed storage where the system has it (see `temp_folder`),
//! is removed when the server stops (Ctrl-C or SIGTERM), and `public/` —
//! the output of `casebook build` — is never touched.
//!
//! The work is split in five: [`watch`] turns file-system events into
//! changes, [`site`] owns the last good site and rebuilds it, [`http`]
//! answers requests, [`overlay`] shows a broken save's diagnostics in
//! the page, and [`editor`] lets an editor write a case in the browser
//! (its saves reach the site through the watcher, as any other edit). Nothing here prints: what happens is told to a [`Reporter`].

mod editor;
mod http;
mod overlay;
mod site;
mod watch;

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::diagnostics::Diagnostic;

pub use overlay::Overlay;

/// The server's own URLs live under this prefix; no page of a site does.
pub const PREFIX: &str = "/_casebook";

/// What `serve` needs to start.
#[derive(Clone, Debug)]
pub struct Options {
    /// The site's root folder.
    pub root: PathBuf,
    /// Address to bind: an IP address or a host name such as `localhost`.
    pub bind: String,
    /// Port; 0 lets the system choose a free one.
    pub port: u16,
    /// Include cases marked `draft: true`.
    pub drafts: bool,
    /// Today's date, for "published in the future".
    pub today: jiff::civil::Date,
}

/// Something the person running the server should know about.
#[derive(Clone, Debug)]
pub enum Event {
    /// The address is reachable from other machines.
    Exposed {
        /// The bound address.
        addr: SocketAddr,
    },
    /// The site is built and served.
    Serving {
        /// The URL to open.
        url: String,
        /// The temporary folder the site is written to.
        folder: PathBuf,
        /// Cases published.
        cases: usize,
        /// HTML pages written.
        pages: usize,
        /// Warnings of the initial build.
        warnings: Vec<Diagnostic>,
        /// Time the first build took.
        elapsed: Duration,
    },
    /// A change was rebuilt and browsers were told to reload.
    Rebuilt {
        /// What changed (paths relative to the root).
        changed: Vec<String>,
        /// Pages re-rendered.
        pages: usize,
        /// Whether the whole site was rebuilt (configuration, skin, pages
        /// or media changed).
        full: bool,
        /// Warnings in the changed files.
        warnings: Vec<Diagnostic>,
        /// From the moment the change was picked up to the reload message.
        elapsed: Duration,
    },
    /// A change left the site invalid: the last good site is still served,
    /// with these diagnostics shown over every page.
    Broken {
        /// What changed.
        changed: Vec<String>,
        /// Every error the site has now.
        diagnostics: Vec<Diagnostic>,
    },
    /// Something went wrong that is not the content's fault (a file that
    /// cannot be written, a watcher error); the server keeps running.
    Trouble {
        /// What happened, and what to do.
        message: String,
    },
    /// The server is stopping.
    Stopping,
}

/// Receives [`Event`]s, from any thread.
pub type Reporter = Arc<dyn Fn(Event) + Send + Sync>;

/// Why `serve` could not start or had to stop.
#[derive(Debug)]
pub enum ServeError {
    /// The port is taken.
    AddrInUse(SocketAddr),
    /// `--bind` names no address.
    BadBind(String),
    /// Another reason the address cannot be bound.
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        source: io::Error,
    },
    /// The configuration has problems (printed by the caller).
    Config(Vec<Diagnostic>),
    /// The content is invalid: there is no good site to serve yet.
    Invalid {
        /// Every diagnostic (errors and warnings).
        diagnostics: Vec<Diagnostic>,
        /// Number of errors.
        errors: usize,
        /// Files with at least one error.
        files_with_errors: usize,
        /// Case files looked at.
        case_files: usize,
    },
    /// The skin does not load or a template fails.
    Skin(String),
    /// The watcher cannot start.
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why, with what to do.
        message: String,
    },
    /// The first build could not be written.
    Write(String),
    /// Starting the server failed.
    Io {
        /// What was being done, in the editor's words.
        action: String,
        /// The cause.
        source: io::Error,
    },
}

/// In the editor's language: these end `serve` with a message on the
/// terminal.
impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ServeError::AddrInUse(addr) => crate::words!(
                "serve-port-taken",
                port = usize::from(addr.port()),
                ip = addr.ip().to_string()
            ),
            ServeError::BadBind(bind) => crate::words!("serve-bad-bind", bind = bind.as_str()),
            ServeError::Bind { addr, source } => crate::words!(
                "serve-cannot-listen",
                addr = addr.to_string(),
                reason = source.to_string()
            ),
            ServeError::Config(diagnostics) => crate::words!(
                "serve-config-invalid",
                problems = crate::words::count("problems", diagnostics.len())
            ),
            ServeError::Invalid {
                errors,
                files_with_errors,
                case_files,
                ..
            } => crate::words!(
                "serve-invalid",
                problems = crate::words::count("problems", *errors),
                files = *files_with_errors,
                cases = *case_files
            ),
            ServeError::Skin(message) | ServeError::Write(message) => message.clone(),
            ServeError::Watch { path, message } => crate::words!(
                "serve-cannot-watch",
                path = path.display().to_string(),
                reason = message.as_str()
            ),
            ServeError::Io { action, source } => format!("{action}: {source}"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ServeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ServeError::Bind { source, .. } | ServeError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn io_error(action: impl Into<String>) -> impl FnOnce(io::Error) -> ServeError {
    let action = action.into();
    move |source| ServeError::Io { action, source }
}

/// State the HTTP side and the rebuilding side share.
pub(crate) struct Shared {
    /// The folder holding the site being served now.
    current: RwLock<Arc<Served>>,
    /// Diagnostics of a broken save, shown over every page.
    overlay: RwLock<Option<Arc<Overlay>>>,
    /// Set once Ctrl-C arrived: long work stops early and nothing more is
    /// written.
    stopping: AtomicBool,
    /// Held while writing into the temporary folder, so that stopping can
    /// wait for a write to finish before removing the folder.
    write_lock: Mutex<()>,
}

/// The folder being served.
#[derive(Debug)]
pub(crate) struct Served {
    /// As created.
    dir: PathBuf,
    /// Canonical form, to check that a file served stays inside.
    canonical: PathBuf,
}

impl Served {
    fn new(dir: PathBuf) -> Served {
        let canonical = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
        Served { dir, canonical }
    }
}

impl Shared {
    fn new(dir: PathBuf) -> Shared {
        Shared {
            current: RwLock::new(Arc::new(Served::new(dir))),
            overlay: RwLock::new(None),
            stopping: AtomicBool::new(false),
            write_lock: Mutex::new(()),
        }
    }

    fn current(&self) -> Arc<Served> {
        self.current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn set_current(&self, dir: PathBuf) {
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(Served::new(dir));
    }

    fn overlay(&self) -> Option<Arc<Overlay>> {
        self.overlay
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn set_overlay(&self, overlay: Option<Overlay>) {
        *self.overlay.write().unwrap_or_else(PoisonError::into_inner) = overlay.map(Arc::new);
    }

    fn stopping(&self) -> bool {
        self.stopping.load(Ordering::Acquire)
    }

    fn write_guard(&self) -> std::sync::MutexGuard<'_, ()> {
        self.write_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Resolves `--bind` and `--port` to one socket address.
fn resolve(bind: &str, port: u16) -> Result<SocketAddr, ServeError> {
    if let Ok(ip) = bind.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, port));
    }
    let bare = bind.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, port));
    }
    (bind, port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| ServeError::BadBind(bind.to_owned()))
}

/// Binds the listening socket; a port in use gets its own error.
fn listen(addr: SocketAddr) -> Result<TcpListener, ServeError> {
    TcpListener::bind(addr).map_err(|source| match source.kind() {
        io::ErrorKind::AddrInUse => ServeError::AddrInUse(addr),
        _ => ServeError::Bind { addr, source },
    })
}

/// The URL a browser on this computer opens for `addr`.
fn local_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

/// Builds the site, serves it and rebuilds it on every change until Ctrl-C
/// (or SIGTERM); then removes the temporary folder and returns `Ok`.
pub fn run(options: Options, config: Config, report: Reporter) -> Result<(), ServeError> {
    // Absolute, so that the watcher's paths and the site's agree.
    let root = std::fs::canonicalize(&options.root).map_err(io_error(crate::words!(
        "serve-cannot-open",
        folder = options.root.display().to_string()
    )))?;
    let options = Options { root, ..options };
    let addr = resolve(&options.bind, options.port)?;
    let listener = listen(addr)?;
    let addr = listener
        .local_addr()
        .map_err(io_error(crate::words!("serve-cannot-address")))?;
    if !addr.ip().is_loopback() {
        report(Event::Exposed { addr });
    }
    let url = local_url(addr);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("casebook-http")
        .enable_all()
        .build()
        .map_err(io_error(crate::words!("serve-cannot-start")))?;
    let temp = temp_folder().map_err(io_error(crate::words!("serve-cannot-temp")))?;
    let shared = Arc::new(Shared::new(site::site_dir(temp.path(), 0)));
    // Installed before the first build, so that Ctrl-C during a long first
    // build still ends here and removes the temporary folder.
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    {
        let _enter = runtime.enter();
        let signals =
            http::Signals::new().map_err(io_error(crate::words!("serve-cannot-signals")))?;
        let shared = shared.clone();
        runtime.spawn(async move {
            signals.recv().await;
            shared.stopping.store(true, Ordering::Release);
            let _ = stop_tx.send(true);
        });
    }

    let (tx, rx) = std::sync::mpsc::channel();
    let watcher = {
        let tx = tx.clone();
        watch::start(&options.root, temp.path(), move |events| {
            let _ = tx.send(site::Message::Fs(events));
        })?
    };
    let started = Instant::now();
    let built = site::Model::start(&options, config, &url, temp.path(), &shared);
    let (model, summary) = match built {
        Ok(built) => built,
        Err(site::StartError::Stopped) => {
            report(Event::Stopping);
            return close(temp, &shared);
        }
        Err(site::StartError::Serve(e)) => {
            let _ = close(temp, &shared);
            return Err(e);
        }
    };
    report(Event::Serving {
        url: url.clone(),
        folder: temp.path().to_path_buf(),
        cases: summary.cases,
        pages: summary.pages,
        warnings: summary.warnings,
        elapsed: started.elapsed(),
    });

    let editor = editor::Editor::new(options.root.clone(), addr.port(), options.today)
        .map_err(io_error("cannot make the editor's token"))?;
    let (router, reloader) = http::router(shared.clone(), editor::routes(Arc::new(editor)));
    let rebuilder = {
        let loop_tx = tx.clone();
        let shared = shared.clone();
        let report = report.clone();
        std::thread::Builder::new()
            .name("casebook-rebuild".into())
            .spawn(move || {
                site::run_loop(model, (loop_tx, rx), watcher, &shared, &reloader, &report)
            })
            .map_err(io_error(crate::words!("serve-cannot-thread")))?
    };
    let served = runtime.block_on(http::serve(listener, router, stop_rx));
    report(Event::Stopping);
    shared.stopping.store(true, Ordering::Release);
    let _ = tx.send(site::Message::Stop);
    runtime.shutdown_timeout(Duration::from_millis(200));
    // The rebuilding thread and a files job write only under the write
    // lock and after checking `stopping`, so once `close` holds the lock
    // nothing more is written. They are not joined: whatever they are
    // still computing or reading leaves nothing behind.
    drop(rebuilder);
    close(temp, &shared)?;
    served.map_err(io_error(crate::words!("serve-failed")))
}

/// Creates the folder the site is written to. An explicit `TMPDIR` is
/// obeyed; otherwise a memory-backed folder is preferred — the user's
/// runtime folder (`XDG_RUNTIME_DIR`), then `/dev/shm` — because removing
/// a site of 10 000 cases (some 20 000 files) from a disk mounted with
/// `discard` takes seconds, from tmpfs a fraction of one, and Ctrl-C must
/// not wait for that. The folder is private to the user (mode 0700).
fn temp_folder() -> io::Result<tempfile::TempDir> {
    let builder = || {
        let mut b = tempfile::Builder::new();
        b.prefix("casebook-serve-");
        b
    };
    if std::env::var_os("TMPDIR").is_some_and(|d| !d.is_empty()) {
        return builder().tempdir();
    }
    let memory = [
        std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from),
        Some(PathBuf::from("/dev/shm")),
    ];
    for dir in memory.into_iter().flatten() {
        if dir.is_dir()
            && let Ok(temp) = builder().tempdir_in(&dir)
        {
            return Ok(temp);
        }
    }
    builder().tempdir()
}

/// Removes the temporary folder once no write is in progress.
fn close(temp: tempfile::TempDir, shared: &Shared) -> Result<(), ServeError> {
    shared.stopping.store(true, Ordering::Release);
    let _guard = shared.write_guard();
    let path = temp.path().to_path_buf();
    temp.close().map_err(io_error(crate::words!(
        "serve-cannot-remove",
        path = path.display().to_string()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_accepts_addresses_and_host_names() {
        assert_eq!(
            resolve("127.0.0.1", 80).ok(),
            Some(SocketAddr::from(([127, 0, 0, 1], 80)))
        );
        assert_eq!(
            resolve("[::1]", 8).ok().map(|a| a.ip()),
            Some(IpAddr::V6(Ipv6Addr::LOCALHOST))
        );
        assert!(resolve("localhost", 1).is_ok_and(|a| a.ip().is_loopback()));
        assert!(matches!(
            resolve("not an address", 1),
            Err(ServeError::BadBind(_))
        ));
    }

    #[test]
    fn the_url_of_every_interface_is_the_loopback_one() {
        assert_eq!(
            local_url(SocketAddr::from(([0, 0, 0, 0], 1111))),
            "http://127.0.0.1:1111/"
        );
        assert_eq!(
            local_url(SocketAddr::from(([192, 168, 1, 2], 80))),
            "http://192.168.1.2:80/"
        );
    }
}
