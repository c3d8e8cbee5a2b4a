//! `casebook serve`: the real binary on a free port, fetched with
//! raw HTTP over a `TcpStream` (so paths go out exactly as written, `..`
//! and all): pages served, edits in place and by rename picked up, a broken
//! save showing its diagnostics over the last good page, path traversal
//! refused, Ctrl-C ending with exit code 0 and no temporary folder left.
//!
//! No test asserts a duration; every wait polls with a generous deadline.
//! Two `#[ignore]`d tests measure instead of check, and print their figures:
//!
//! ```text
//! CASEBOOK_SITE=target/bench/10000/site \
//!   cargo test --release --test it serve::measure_edit_to_reload -- --ignored --nocapture
//! cargo test --release --test it serve::load_while_rebuilding -- --ignored --nocapture
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use std::{fs, thread};

use tempfile::TempDir;

use crate::support::{HANG_GUARD, Site, run};

/// How long a wait for the server may last before it is taken for hung:
/// the suite's one hang guard, far beyond any machine's slowest run.
const DEADLINE: Duration = HANG_GUARD;

const MOLDE: &str = "content/cases/molde.md";

/// A running `casebook serve` (the editor's tests start one too).
pub(crate) struct Server {
    child: Child,
    pub(crate) url: String,
    pub(crate) addr: String,
    /// Its standard error, line by line, as it comes.
    lines: Arc<Mutex<Vec<String>>>,
    /// Its `TMPDIR`: the server's temporary folder is made inside.
    tmp: TempDir,
}

/// A response: status code and body.
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) body: String,
}

impl Server {
    pub(crate) fn start(site: &Site, args: &[&str]) -> Server {
        Server::start_at(site.root(), args)
    }

    fn start_at(root: &Path, args: &[&str]) -> Server {
        // Memory-backed where there is one, as serve itself prefers when
        // TMPDIR is not set (removing 20 000 files from a disk is slow).
        let shm = Path::new("/dev/shm");
        let tmp = if shm.is_dir() {
            TempDir::new_in(shm)
        } else {
            TempDir::new()
        }
        .expect("temp dir");
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("casebook"))
            .arg("--root")
            .arg(root)
            .args(["--lang", "en", "serve"])
            .args(if args.is_empty() {
                &["--port", "0"][..]
            } else {
                args
            })
            .env("TMPDIR", tmp.path())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start casebook serve");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().expect("stderr");
        {
            let lines = lines.clone();
            thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    lines.lock().expect("lines").push(line);
                }
            });
        }
        let mut server = Server {
            child,
            url: String::new(),
            addr: String::new(),
            lines,
            tmp,
        };
        let line = server.wait_for_line("serving http://");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .expect("a URL")
            .to_owned();
        server.addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        server.url = url;
        server
    }

    pub(crate) fn stderr(&self) -> String {
        self.lines.lock().expect("lines").join("\n")
    }

    /// Waits for a line of standard error containing `needle`.
    fn wait_for_line(&mut self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            if let Some(line) = self
                .lines
                .lock()
                .expect("lines")
                .iter()
                .find(|l| l.contains(needle))
            {
                return line.clone();
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader thread catch up with the last lines.
                thread::sleep(Duration::from_millis(100));
                panic!(
                    "serve exited ({status}) before printing `{needle}`:\n{}",
                    self.stderr()
                );
            }
            assert!(
                start.elapsed() < DEADLINE,
                "no line with `{needle}` in:\n{}",
                self.stderr()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends `GET <target>` exactly as written.
    pub(crate) fn get(&self, target: &str) -> Response {
        get(&self.addr, target)
    }

    /// Polls `target` until the response satisfies `ok`.
    pub(crate) fn wait_for(
        &self,
        target: &str,
        what: &str,
        ok: impl Fn(&Response) -> bool,
    ) -> Response {
        let start = Instant::now();
        loop {
            let response = self.get(target);
            if ok(&response) {
                return response;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "`{target}` never showed {what}; last answer {}:\n{}\n--- serve printed:\n{}",
                response.status,
                response.body,
                self.stderr()
            );
            thread::sleep(Duration::from_millis(25));
        }
    }

    /// The folder the site is being served from (`…/casebook-serve-*/site-N`).
    fn served_folder(&self) -> PathBuf {
        let temp = fs::read_dir(self.tmp.path())
            .expect("read TMPDIR")
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("casebook-serve-"))
            })
            .expect("a casebook-serve-* folder");
        let mut sites: Vec<PathBuf> = fs::read_dir(&temp)
            .expect("read temp")
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("site-"))
            })
            .collect();
        sites.sort();
        sites.pop().expect("a site-N folder")
    }

    /// Sends SIGINT (what Ctrl-C sends) and waits for the exit.
    fn interrupt(mut self) -> (ExitStatus, String, TempDir) {
        let pid = self.child.id().to_string();
        let status = Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -INT {pid} failed");
        let start = Instant::now();
        let exit = loop {
            if let Some(exit) = self.child.try_wait().expect("wait") {
                break exit;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "serve did not stop after SIGINT:\n{}",
                self.stderr()
            );
            thread::sleep(Duration::from_millis(20));
        };
        thread::sleep(Duration::from_millis(100));
        let stderr = self.stderr();
        let tmp = std::mem::replace(&mut self.tmp, TempDir::new().expect("temp dir"));
        (exit, stderr, tmp)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// One `GET` over a new connection, the request target sent as it is.
fn get(addr: &str, target: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(DEADLINE)).expect("timeout");
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_owned()
    };
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    Response { status, body }
}

/// Decodes a chunked body.
pub(crate) fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

/// The case file with its narrative replaced.
fn with_body(site: &Site, body: &str) -> String {
    let text = site.read(MOLDE);
    let end = text.rfind("---\n").expect("front matter") + 4;
    format!("{}{body}\n", &text[..end])
}

#[test]
fn serves_the_site_and_stops_cleanly_on_ctrl_c() {
    let site = Site::fixture("minimal");
    let server = Server::start(&site, &[]);
    let home = server.get("/");
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(home.body.contains("Testsamling"), "{}", home.body);
    let case = server.get("/cases/molde/");
    assert_eq!(case.status, 200);
    assert!(case.body.contains("Reportasjen."), "{}", case.body);
    assert!(
        case.body
            .contains("<script src=\"/_casebook/reload.js\" data-event-stream=\"/_casebook/event-stream\"></script>\n</body>"),
        "the reload script goes at the end of the body:\n{}",
        case.body
    );
    assert!(
        case.body
            .contains("Content-Security-Policy\" content=\"default-src 'self'"),
        "the page keeps its CSP; the reload script is a file from the same origin"
    );
    let script = server.get("/_casebook/reload.js");
    assert_eq!(script.status, 200);
    assert!(script.body.contains("EventSource"), "{}", script.body);
    assert_eq!(server.get("/_casebook/diagnostics.json").body, "[]");
    let missing = server.get("/cases/no-such-case/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("</html>"),
        "the site's 404 page: {}",
        missing.body
    );
    assert!(
        !site.path("public").exists(),
        "serve leaves `public/` alone"
    );

    // An open browser tab keeps an event stream open; it must not hold
    // up the stop.
    let _events = event_stream(&server.addr);
    let (exit, stderr, tmp) = server.interrupt();
    assert_eq!(exit.code(), Some(0), "{stderr}");
    let left: Vec<_> = fs::read_dir(tmp.path())
        .expect("read TMPDIR")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}\n{stderr}");
}

#[test]
fn an_edited_case_is_served_after_saving_in_place_and_by_rename() {
    let site = Site::fixture("minimal");
    let mut server = Server::start(&site, &[]);
    assert!(server.get("/cases/molde/").body.contains("Reportasjen."));

    // In place, the way most editors write.
    site.write(MOLDE, &with_body(&site, "Første endring."));
    server.wait_for("/cases/molde/", "the first edit", |r| {
        r.body.contains("Første endring.")
    });
    let line = server.wait_for_line("content/cases/molde.md changed: rebuilt");
    assert!(
        line.contains(" pages in ") && line.contains(" ms"),
        "{line}"
    );

    // By rename, the way VS Code and many tools save.
    site.write(
        "content/cases/.molde.md.tmp",
        &with_body(&site, "Andre endring."),
    );
    fs::rename(site.path("content/cases/.molde.md.tmp"), site.path(MOLDE)).expect("rename");
    server.wait_for("/cases/molde/", "the renamed-in file", |r| {
        r.body.contains("Andre endring.")
    });

    // vim's way: probe file 4913, old file renamed to a backup, new file
    // written, backup removed.
    let text = with_body(&site, "Tredje endring.");
    site.write("content/cases/4913", "");
    fs::remove_file(site.path("content/cases/4913")).expect("remove");
    fs::rename(site.path(MOLDE), site.path("content/cases/molde.md~")).expect("backup");
    site.write(MOLDE, &text);
    fs::remove_file(site.path("content/cases/molde.md~")).expect("remove backup");
    server.wait_for("/cases/molde/", "the vim save", |r| {
        r.body.contains("Tredje endring.")
    });

    // The listing pages show the new summary too.
    let text = site.read(MOLDE).replace(
        "summary: Molde arbeidet med nærvær og kompetanse.",
        "summary: Et nytt sammendrag.",
    );
    site.write(MOLDE, &text);
    for page in [
        "/",
        "/themes/sykefravaer/",
        "/counties/more-og-romsdal/",
        "/municipalities/molde/",
    ] {
        server.wait_for(page, "the new summary", |r| {
            r.body.contains("Et nytt sammendrag.")
        });
    } // The open data and the feed follow once the edits stop.
    for file in ["/cases.json", "/cases.csv", "/feed.xml"] {
        server.wait_for(file, "the new summary", |r| {
            r.body.contains("Et nytt sammendrag.")
        });
    }

    assert!(
        !server.stderr().contains("whole site rebuilt"),
        "a case edit rebuilds only its pages:\n{}",
        server.stderr()
    );
}

/// The number before ` pages in` (or ` page in`) in a line of serve's.
fn pages_in(line: &str) -> usize {
    line.split(" page")
        .next()
        .and_then(|before| before.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no page count in `{line}`"))
}

#[test]
fn an_edited_case_re_renders_only_the_pages_that_show_it() {
    let site = Site::fixture("full");
    let mut server = Server::start(&site, &[]);
    let total = pages_in(&server.wait_for_line("pages in"));
    let file = "content/cases/orsta-nynorsk.md";
    let text = site.read(file);
    site.write(file, &format!("{text}\nEin ny avsnitt i forteljinga.\n"));
    server.wait_for("/cases/orsta-nynorsk/", "the edit", |r| {
        r.body.contains("Ein ny avsnitt i forteljinga.")
    });
    let line = server.wait_for_line("orsta-nynorsk.md changed: rebuilt");
    let rebuilt = pages_in(&line);
    assert!(
        rebuilt >= 1 && rebuilt < total / 2,
        "{rebuilt} of {total} pages re-rendered: {line}"
    );
}

#[test]
fn a_broken_save_keeps_the_last_good_page_and_shows_the_problem_until_fixed() {
    let site = Site::fixture("minimal");
    let mut server = Server::start(&site, &[]);
    let good = site.read(MOLDE);
    let broken = good
        .replace(
            "themes: [sykefravaer, kompetanse]",
            "themes: [sykefravar, kompetanse]",
        )
        .replace("Reportasjen.", "Ødelagt versjon.");
    site.write(MOLDE, &broken);

    let diagnostics = server.wait_for("/_casebook/diagnostics.json", "the problem", |r| {
        r.body != "[]"
    });
    assert!(
        diagnostics
            .body
            .contains("\"file\": \"content/cases/molde.md\""),
        "{}",
        diagnostics.body
    );
    assert!(
        diagnostics.body.contains("\"line\": 7"),
        "{}",
        diagnostics.body
    );
    assert!(
        diagnostics.body.contains("\"column\": 10"),
        "{}",
        diagnostics.body
    );

    let page = server.get("/cases/molde/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Reportasjen."),
        "the last good page is still served"
    );
    assert!(!page.body.contains("Ødelagt versjon."), "{}", page.body);
    assert!(
        page.body.contains("id=\"casebook-overlay\""),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("content/cases/molde.md:7:10"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("unknown theme `sykefravar`"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("help: did you mean `sykefravaer`?"),
        "{}",
        page.body
    );
    let home = server.get("/");
    assert!(
        home.body.contains("id=\"casebook-overlay\""),
        "every page shows it"
    );
    server.wait_for_line("still serving the last good site");
    assert!(
        server.stderr().contains("--> content/cases/molde.md:7:10"),
        "{}",
        server.stderr()
    );

    site.write(MOLDE, &good.replace("Reportasjen.", "Rettet versjon."));
    let fixed = server.wait_for("/cases/molde/", "the fixed page", |r| {
        r.body.contains("Rettet versjon.")
    });
    assert!(!fixed.body.contains("casebook-overlay"), "{}", fixed.body);
    assert_eq!(server.get("/_casebook/diagnostics.json").body, "[]");
}

#[test]
fn a_broken_configuration_or_template_is_shown_and_fixed_the_same_way() {
    let site = Site::fixture("minimal");
    let server = Server::start(&site, &[]);
    let config = site.read("content/site.yaml");

    site.write("content/site.yaml", "title: [unclosed\n");
    let d = server.wait_for("/_casebook/diagnostics.json", "the config problem", |r| {
        r.body != "[]"
    });
    assert!(
        d.body.contains("\"file\": \"content/site.yaml\""),
        "{}",
        d.body
    );
    let page = server.get("/");
    assert!(
        page.body.contains("Testsamling"),
        "the last good site is served"
    );
    assert!(page.body.contains("content/site.yaml:1:"), "{}", page.body);

    site.write(
        "content/site.yaml",
        &config.replace("Testsamling", "Ny samling"),
    );
    let fixed = server.wait_for("/", "the new title", |r| r.body.contains("Ny samling"));
    assert!(!fixed.body.contains("casebook-overlay"));

    // A skin whose case template does not compile.
    site.write(
        "themes/mine/templates/case.html",
        "{% extends \"base.html\" %}{% block main %}{{ case.title ",
    );
    site.write(
        "content/site.yaml",
        &format!(
            "{}skin: mine\n",
            config.replace("Testsamling", "Ny samling")
        ),
    );
    // `site.yaml` is rewritten in place, so the watcher may first see it
    // empty (a passing configuration problem); the template's is awaited.
    let d = server.wait_for("/_casebook/diagnostics.json", "the template problem", |r| {
        r.body.contains("themes/mine")
    });
    assert!(d.body.contains("themes/mine"), "{}", d.body);
    assert!(
        server.get("/").body.contains("Ny samling"),
        "still the last good site"
    );
    site.write(
        "themes/mine/templates/case.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Eget tema: {{ case.title }}</h1>{% endblock main %}",
    );
    let page = server.wait_for("/cases/molde/", "the new skin", |r| {
        r.body.contains("Eget tema: ")
    });
    assert!(!page.body.contains("casebook-overlay"), "{}", page.body);
}

#[test]
fn added_and_deleted_cases_update_the_listings() {
    let site = Site::fixture("minimal");
    let server = Server::start(&site, &[]);
    let oslo = site
        .read(MOLDE)
        .replace(
            "title: Sammen om en bedre kommune i Molde",
            "title: Nærvær i Oslo",
        )
        .replace("municipality: Molde", "municipality: Oslo")
        .replace(
            "municipality_number: \"1506\"",
            "municipality_number: \"0301\"",
        )
        .replace("county: Møre og Romsdal", "county: Oslo");
    site.write("content/cases/oslo.md", &oslo);
    let page = server.wait_for("/cases/oslo/", "the new case", |r| r.status == 200);
    assert!(page.body.contains("Nærvær i Oslo"));
    assert!(server.get("/").body.contains("Nærvær i Oslo"));
    assert!(server.get("/counties/oslo/").body.contains("Nærvær i Oslo"));
    assert!(
        server
            .get("/themes/sykefravaer/")
            .body
            .contains("Nærvær i Oslo")
    );
    assert!(
        server.get("/cases/molde/").body.contains("Nærvær i Oslo"),
        "Molde lists Oslo as related"
    );

    fs::remove_file(site.path("content/cases/oslo.md")).expect("remove");
    server.wait_for("/cases/oslo/", "a 404", |r| r.status == 404);
    server.wait_for("/", "the case gone from the catalogue", |r| {
        !r.body.contains("Nærvær i Oslo")
    });
    assert_eq!(server.get("/counties/oslo/").status, 404);
    assert!(!server.get("/cases/molde/").body.contains("Nærvær i Oslo"));
}

/// Every file under `dir` except the build's marker, path → bytes.
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("under dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                if rel != ".casebook" {
                    out.insert(rel, fs::read(&path).expect("read"));
                }
            }
        }
    }
    out
}

#[test]
fn after_many_kinds_of_edit_the_served_site_is_what_build_makes() {
    let site = Site::fixture("shipped");
    let server = Server::start(&site, &[]);
    let edit = |rel: &str, from: &str, to: &str| {
        let text = site.read(rel);
        assert!(text.contains(from), "{rel} has no `{from}`");
        site.write(rel, &text.replacen(from, to, 1));
    };
    // In place: a summary.
    edit("content/cases/molde.md", "summary: ", "summary: Endret. ");
    server.wait_for("/", "the new summary", |r| r.body.contains("Endret. "));
    // Moved in the indices: a title (the order), themes.
    edit(
        "content/cases/oppdal.md",
        "title: Heltid,",
        "title: Aller først – heltid,",
    );
    server.wait_for("/", "the new title", |r| {
        r.body.contains("Aller først – heltid,")
    });
    edit(
        "content/cases/sola.md",
        "themes: [sykefravaer, heltid-deltid, omdomme, kompetanse, lean]",
        "themes: [lean]",
    );
    server.wait_for("/themes/sykefravaer/", "Sola gone from the theme", |r| {
        !r.body.contains("i Sola")
    });
    // Added and removed.
    let copy = site
        .read("content/cases/porsgrunn.md")
        .replace("municipality: Porsgrunn", "municipality: Skien")
        .replace(
            "municipality_number: \"4001\"",
            "municipality_number: \"4003\"",
        );
    site.write("content/cases/skien.md", &copy);
    server.wait_for("/cases/skien/", "the added case", |r| r.status == 200);
    fs::remove_file(site.path("content/cases/nord-aurdal.md")).expect("remove");
    server.wait_for("/cases/nord-aurdal/", "the removed case gone", |r| {
        r.status == 404
    });
    // Several at once.
    edit("content/cases/molde.md", "summary: Endret. ", "summary: ");
    edit(
        "content/cases/porsgrunn.md",
        "county: Telemark",
        "county: Telemark\nupdated: 2014-01-01",
    );
    server.wait_for("/", "the summary back", |r| !r.body.contains("Endret. "));

    let out = site.path("built");
    let built = run(site.cmd(&[
        "build",
        "--out",
        out.to_str().expect("utf-8"),
        "--base-url",
        &server.url,
    ]));
    assert_eq!(built.code, 0, "{}", built.stderr);
    let expected = tree(&out);
    let start = Instant::now();
    loop {
        let served = tree(&server.served_folder());
        if served == expected {
            break;
        }
        if start.elapsed() > DEADLINE {
            let differ: Vec<&String> = expected
                .keys()
                .chain(served.keys())
                .filter(|k| expected.get(*k) != served.get(*k))
                .collect();
            panic!(
                "served and built sites differ in {differ:?}\n{}",
                server.stderr()
            );
        }
        thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn requests_outside_the_site_get_404() {
    let site = Site::fixture("minimal");
    let server = Server::start(&site, &[]);
    let secret = site.path("secret.txt");
    fs::write(&secret, "top secret").expect("write secret");
    // A symbolic link planted in the served folder, pointing out of it.
    #[cfg(unix)]
    {
        let served = server.served_folder();
        std::os::unix::fs::symlink(&secret, served.join("secret.txt")).expect("symlink");
        std::os::unix::fs::symlink(site.root(), served.join("out")).expect("symlink");
    }
    for target in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/cases/..%2f..%2f..%2fetc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/cases/..%5c..%5c..%5cetc/passwd",
        "/_casebook/../../etc/passwd",
        "/secret.txt",
        "/out/secret.txt",
        "/out/content/site.yaml",
    ] {
        let r = server.get(target);
        assert_eq!(r.status, 404, "{target}: {}", r.body);
        assert!(!r.body.contains("root:"), "{target}");
        assert!(!r.body.contains("top secret"), "{target}");
        assert!(!r.body.contains("base_url"), "{target}");
    }
    assert_eq!(server.get("/cases/molde/").status, 200);
}

#[test]
fn a_port_in_use_is_exit_code_2_with_a_clear_message() {
    let site = Site::fixture("minimal");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let out = run(site.cmd(&["serve", "--port", &port]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--port"), "{}", out.stderr);
}

#[test]
fn binding_beyond_this_computer_warns() {
    let site = Site::fixture("minimal");
    let server = Server::start(&site, &["--bind", "0.0.0.0", "--port", "0"]);
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );
    assert!(
        server.stderr().contains("warning: listening on 0.0.0.0:"),
        "{}",
        server.stderr()
    );
    let (exit, stderr, _) = server.interrupt();
    assert_eq!(exit.code(), Some(0), "{stderr}");
}

#[test]
fn drafts_are_served_only_with_the_drafts_flag() {
    let site = Site::fixture("minimal");
    let draft = site
        .read(MOLDE)
        .replace("municipality: Molde", "municipality: Molde\ndraft: true")
        .replace(
            "title: Sammen om en bedre kommune i Molde",
            "title: Et utkast",
        );
    site.write("content/cases/utkast.md", &draft);
    let server = Server::start(&site, &[]);
    assert_eq!(server.get("/cases/utkast/").status, 404);
    drop(server);
    let server = Server::start(&site, &["--port", "0", "--drafts"]);
    let page = server.get("/cases/utkast/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Et utkast"), "{}", page.body);
}

#[test]
fn invalid_content_at_start_is_exit_code_1_with_the_diagnostics() {
    let site = Site::fixture("minimal");
    site.write(
        MOLDE,
        &site.read(MOLDE).replace("sykefravaer,", "sykefravar,"),
    );
    let out = run(site.cmd(&["serve", "--port", "0"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("--> content/cases/molde.md:7:10"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("nothing is served"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------
// Measurements (ignored by default; run with --release, see the top).

/// Opens the reload event stream and waits for its `init` event.
fn event_stream(addr: &str) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(DEADLINE)).expect("timeout");
    write!(
        stream,
        "GET /_casebook/event-stream HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .expect("send");
    let mut reader = BufReader::new(stream);
    wait_event(&mut reader, "init");
    reader
}

fn wait_event(reader: &mut BufReader<TcpStream>, name: &str) {
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader.read_line(&mut line).expect("read event stream");
        assert!(n > 0, "event stream closed before `{name}`");
        if line.trim_end() == format!("event: {name}") {
            return;
        }
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// From writing a case file to the reload event reaching a client, on the
/// site in `CASEBOOK_SITE` (default: the repository's own catalogue).
#[test]
#[ignore = "a measurement; run with --release and --nocapture"]
fn measure_edit_to_reload() {
    let from = std::env::var_os("CASEBOOK_SITE")
        .map(PathBuf::from)
        .unwrap_or_else(crate::support::repo);
    let work = TempDir::new().expect("temp dir");
    crate::support::copy_dir(&from.join("content"), &work.path().join("content"));
    let mut server = Server::start_at(work.path(), &[]);
    let first = server.wait_for_line("pages in");
    println!("first build: {first}");
    let cases = work.path().join("content/cases");
    let mut names: Vec<PathBuf> = fs::read_dir(&cases)
        .expect("cases")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    let file = names[names.len() / 2].clone();
    let original = fs::read_to_string(&file).expect("read case");
    let mut total = Vec::new();
    for round in 0..21 {
        let mut events = event_stream(&server.addr);
        let started = Instant::now();
        fs::write(&file, format!("{original}\nEndret i runde {round}.\n")).expect("write");
        wait_event(&mut events, "reload");
        total.push(started.elapsed().as_secs_f64() * 1000.0);
        // Let the idle work (open data, feed, search index) finish, as it
        // would between two saves by hand.
        thread::sleep(Duration::from_millis(1500));
    }
    let rebuilds: Vec<f64> = server
        .stderr()
        .lines()
        .filter(|l| l.contains("changed: rebuilt"))
        .filter_map(|l| l.rsplit(" in ").next())
        .filter_map(|t| t.trim_end_matches(" ms").parse().ok())
        .collect();
    let mut rebuild = rebuilds.clone();
    println!(
        "{} cases: edit → reload event, median {:.1} ms (min {:.1}, max {:.1}) over {} edits; \
         rebuild alone (serve's own line), median {:.1} ms; last line: {}",
        names.len(),
        median(&mut total.clone()),
        total.iter().copied().fold(f64::INFINITY, f64::min),
        total.iter().copied().fold(0.0, f64::max),
        total.len(),
        if rebuild.is_empty() {
            f64::NAN
        } else {
            median(&mut rebuild)
        },
        server
            .stderr()
            .lines()
            .rfind(|l| l.contains("changed:"))
            .unwrap_or("")
    );
    let (exit, _, _) = server.interrupt();
    assert_eq!(exit.code(), Some(0));
}

/// Reads one HTTP/1.1 response from a kept-alive connection; its status.
fn read_response(reader: &mut BufReader<TcpStream>) -> std::io::Result<u16> {
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length = None;
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let length = length.ok_or_else(|| std::io::Error::other("no content-length"))?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(status)
}

fn rss_kib(pid: u32) -> u64 {
    fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// 100 connections × 100 requests, three rounds, while a case is saved
/// every 50 ms; every answer must be the expected status, and memory must
/// not grow from the first round to the last.
#[test]
#[ignore = "a load test (about a minute in debug); run with --release and --nocapture"]
fn load_while_rebuilding() {
    const CONNECTIONS: usize = 100;
    const PER_CONNECTION: usize = 100;
    let site = Site::fixture("shipped");
    let server = Server::start(&site, &[]);
    let targets: Vec<(&str, u16)> = vec![
        ("/", 200),
        ("/cases/molde/", 200),
        ("/cases/oppdal/", 200),
        ("/themes/", 200),
        ("/themes/sykefravaer/", 200),
        ("/search/", 200),
        ("/feed.xml", 200),
        ("/no/such/page/", 404),
        ("/../../etc/passwd", 404),
    ];
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let editor = {
        let stop = stop.clone();
        let path = site.path("content/cases/molde.md");
        let original = fs::read_to_string(&path).expect("read");
        thread::spawn(move || {
            let mut saves = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                fs::write(&path, format!("{original}\nLagret {saves} ganger.\n")).expect("save");
                saves += 1;
                thread::sleep(Duration::from_millis(50));
            }
            saves
        })
    };
    let pid = server.child.id();
    let mut rounds = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let workers: Vec<_> = (0..CONNECTIONS)
            .map(|c| {
                let addr = server.addr.clone();
                let targets = targets.clone();
                thread::spawn(move || {
                    let mut errors = Vec::new();
                    let stream = TcpStream::connect(&addr).expect("connect");
                    stream.set_read_timeout(Some(DEADLINE)).expect("timeout");
                    let mut writer = stream.try_clone().expect("clone");
                    let mut reader = BufReader::new(stream);
                    for i in 0..PER_CONNECTION {
                        let (target, want) = targets[(c + i) % targets.len()];
                        let sent = write!(writer, "GET {target} HTTP/1.1\r\nHost: {addr}\r\n\r\n");
                        match sent.and_then(|()| read_response(&mut reader)) {
                            Ok(status) if status == want => {}
                            Ok(status) => errors.push(format!("{target}: {status}")),
                            Err(e) => {
                                errors.push(format!("{target}: {e}"));
                                break;
                            }
                        }
                    }
                    errors
                })
            })
            .collect();
        let errors: Vec<String> = workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker"))
            .collect();
        rounds.push((started.elapsed(), errors, rss_kib(pid)));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let saves = editor.join().expect("editor");
    let rebuilds = server
        .stderr()
        .lines()
        .filter(|l| l.contains("changed: rebuilt"))
        .count();
    for (i, (elapsed, errors, rss)) in rounds.iter().enumerate() {
        println!(
            "round {}: {} requests over {CONNECTIONS} connections in {:.2} s, {} errors, RSS {} MiB",
            i + 1,
            CONNECTIONS * PER_CONNECTION,
            elapsed.as_secs_f64(),
            errors.len(),
            rss / 1024
        );
    }
    println!("{saves} saves during the run, {rebuilds} rebuilds");
    for (_, errors, _) in &rounds {
        assert!(
            errors.is_empty(),
            "errors: {:?}",
            &errors[..errors.len().min(10)]
        );
    }
    assert!(rebuilds > 0, "the site was rebuilt during the run");
    let (first, second) = (rounds[0].2, rounds[2].2);
    assert!(
        second <= first + 16 * 1024,
        "memory grew from {first} KiB to {second} KiB"
    );
}
