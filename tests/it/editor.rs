//! The editor in the browser, through its JSON API on a real
//! `casebook serve`: every row of DESIGN.md §5's table with each status
//! code, the token, the `Origin` and the `Host`, traversal (`..` encoded
//! or not) and symbolic links, four saves of one case at once, uploads (a
//! renamed SVG, an image too large), a save while serve rebuilds, and the
//! pages' token. Requests go out over a raw `TcpStream`, exactly as
//! written.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::thread;

use serde_json::{Value, json};

use crate::serve::{Response, Server, dechunk};
use crate::support::{HANG_GUARD, Site};

const MOLDE: &str = "content/cases/molde.md";

/// A request to send: method, target, headers and body.
struct Req<'a> {
    method: &'a str,
    target: &'a str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl<'a> Req<'a> {
    fn new(method: &'a str, target: &'a str) -> Req<'a> {
        Req {
            method,
            target,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    fn header(mut self, name: &str, value: &str) -> Req<'a> {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    fn json(mut self, value: &Value) -> Req<'a> {
        self.body = value.to_string().into_bytes();
        self.header("Content-Type", "application/json")
    }
}

/// The server with the editor's token read from its list page.
struct Editor {
    server: Server,
    token: String,
}

impl Editor {
    fn start(site: &Site) -> Editor {
        Editor::start_with(site, &[])
    }

    fn start_with(site: &Site, args: &[&str]) -> Editor {
        let server = Server::start(site, args);
        let page = server.get("/_casebook/edit/");
        assert_eq!(page.status, 200, "{}", page.body);
        let token = page
            .body
            .split("<meta name=\"casebook-token\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the page carries the token")
            .to_owned();
        assert!(token.len() >= 32, "{token}");
        Editor { server, token }
    }

    /// Sends `req` with the server's own `Host` (unless it names one).
    fn send(&self, req: Req<'_>) -> Response {
        send(&self.server.addr, req)
    }

    /// `req` with the token and the server's own `Origin`, as the form
    /// sends it.
    fn signed<'a>(&self, req: Req<'a>) -> Req<'a> {
        let origin = format!("http://{}", self.server.addr);
        req.header("X-Casebook-Token", &self.token)
            .header("Origin", &origin)
    }

    fn get_json(&self, target: &str) -> Value {
        let response = self.server.get(target);
        assert_eq!(response.status, 200, "{target}: {}", response.body);
        serde_json::from_str(&response.body).expect("JSON")
    }

    fn put_case(&self, slug: &str, body: &Value) -> Response {
        let target = format!("/_casebook/api/cases/{slug}");
        self.send(self.signed(Req::new("PUT", &target).json(body)))
    }

    fn upload(&self, name: &str, bytes: &[u8]) -> Response {
        let boundary = "casebookboundary7d3f";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: image/png\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let mut req = self
            .signed(Req::new("POST", "/_casebook/api/media"))
            .header(
                "Content-Type",
                &format!("multipart/form-data; boundary={boundary}"),
            );
        req.body = body;
        self.send(req)
    }
}

/// One request over a new connection.
fn send(addr: &str, req: Req<'_>) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(HANG_GUARD)).expect("timeout");
    let mut head = format!("{} {} HTTP/1.1\r\n", req.method, req.target);
    if !req
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("host"))
    {
        head.push_str(&format!("Host: {addr}\r\n"));
    }
    for (name, value) in &req.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        req.body.len()
    ));
    stream.write_all(head.as_bytes()).expect("send");
    // The server may answer (413) before it has read the whole body.
    let _ = stream.write_all(&req.body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    Response {
        status,
        body: if chunked {
            dechunk(body)
        } else {
            body.to_owned()
        },
    }
}

fn parse(response: &Response) -> Value {
    serde_json::from_str(&response.body)
        .unwrap_or_else(|e| panic!("{e}: {} {}", response.status, response.body))
}

/// A valid PNG of one pixel.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

#[test]
fn the_list_gives_every_case_drafts_too_with_its_problems() {
    let site = Site::fixture("minimal");
    site.write(
        "content/cases/utkast.md",
        "---\ntitle: Utkast\nmunicipality: Volda\nthemes: [ukjent]\ndraft: true\n---\n",
    );
    let editor = Editor::start(&site);
    let list = editor.get_json("/_casebook/api/cases");
    let cases = list.as_array().expect("a list");
    let find = |slug: &str| {
        cases
            .iter()
            .find(|c| c["slug"] == slug)
            .unwrap_or_else(|| panic!("{slug} in {list}"))
    };
    let molde = find("molde");
    assert_eq!(molde["title"], "Sammen om en bedre kommune i Molde");
    assert_eq!(molde["municipality"], "Molde");
    assert_eq!(molde["draft"], false);
    assert_eq!(molde["errors"], 0);
    let draft = find("utkast");
    assert_eq!(draft["draft"], true);
    assert!(draft["errors"].as_u64() > Some(0), "{draft}");
    let page = editor.server.get("/_casebook/edit/");
    assert!(
        page.body.contains("href=\"/_casebook/edit/utkast/\""),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("href=\"/cases/molde/\""),
        "{}",
        page.body
    );
}

#[test]
fn a_case_comes_with_its_front_matter_body_and_version() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let case = editor.get_json("/_casebook/api/cases/molde");
    assert_eq!(case["slug"], "molde");
    assert_eq!(case["front_matter"]["municipality_number"], "1506");
    assert_eq!(
        case["front_matter"]["indicators"][0]["series"][1],
        json!({ "period": "2012-Q2", "value": 8.5 })
    );
    assert_eq!(case["body"], "Reportasjen.\n");
    assert_eq!(case["version"].as_str().map(str::len), Some(32));
    assert_eq!(
        editor.server.get("/_casebook/api/cases/nowhere").status,
        404
    );
    for bad in ["Molde", "molde_2", "%2e%2e", "..", "m%C3%B8re", "a.md"] {
        let target = format!("/_casebook/api/cases/{bad}");
        assert_eq!(editor.server.get(&target).status, 400, "{bad}");
    }
    assert_eq!(editor.server.get("/_casebook/edit/molde/").status, 200);
    assert_eq!(editor.server.get("/_casebook/edit/nowhere/").status, 404);
}

#[test]
fn a_save_writes_the_file_and_a_stale_version_is_refused() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let case = editor.get_json("/_casebook/api/cases/molde");
    let mut front = case["front_matter"].clone();
    front["title"] = json!("Nærvær i Molde");
    front["indicators"][0]["series"][0]["value"] = json!(9.5);
    let saved = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "Ny tekst.\n", "version": case["version"] }),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    let saved = parse(&saved);
    let text = site.read(MOLDE);
    assert!(
        text.starts_with("---\ntitle: Nærvær i Molde\nmunicipality: Molde\n"),
        "{text}"
    );
    assert!(
        text.contains("      - { period: 2012-Q1, value: 9.5 }\n"),
        "{text}"
    );
    assert!(text.ends_with("---\nNy tekst.\n"), "{text}");
    assert_eq!(
        editor.get_json("/_casebook/api/cases/molde")["version"],
        saved["version"]
    );
    assert!(saved["diagnostics"].is_array());
    let check = site.cmd(&["check"]).output().expect("check");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // The form was opened before that save: nothing is written, and the
    // file's own version comes back to be shown beside the form's.
    front["title"] = json!("En annen tittel");
    let stale = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "", "version": case["version"] }),
    );
    assert_eq!(stale.status, 409, "{}", stale.body);
    let stale = parse(&stale);
    assert_eq!(stale["current"]["front_matter"]["title"], "Nærvær i Molde");
    assert_eq!(stale["current"]["version"], saved["version"]);
    assert_eq!(site.read(MOLDE), text);
    // The case page shows the save (serve rebuilt it through its watcher).
    editor
        .server
        .wait_for("/cases/molde/", "the new title", |r| {
            r.body.contains("Nærvær i Molde")
        });
}

#[test]
fn a_case_with_errors_is_saved_only_as_a_draft() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let before = site.read(MOLDE);
    let case = editor.get_json("/_casebook/api/cases/molde");
    let mut front = case["front_matter"].clone();
    front["themes"] = json!(["sykefravar"]);
    let refused = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "x\n", "version": case["version"] }),
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    let refused = parse(&refused);
    let problem = &refused["diagnostics"][0];
    assert_eq!(problem["code"], "unknown-theme", "{refused}");
    assert_eq!(problem["field"], "themes", "{refused}");
    assert_eq!(site.read(MOLDE), before, "nothing written");

    front["draft"] = json!(true);
    let saved = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "x\n", "version": case["version"] }),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert!(site.read(MOLDE).contains("themes: [sykefravar]\n"));
    assert!(site.read(MOLDE).contains("\ndraft: true\n---\n"));
}

#[test]
fn version_null_creates_a_case_and_is_409_when_it_exists() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let front = json!({
        "title": "Heltid i Volda",
        "municipality": "Volda",
        "programme": "saman",
        "themes": ["heltid-deltid"],
        "need": "Mange deltidsstillinger.\n",
        "goal": "Flere hele stillinger.\n",
        "measures": ["Heltidsprosjekt."],
        "draft": true,
    });
    let created = editor.put_case(
        "volda",
        &json!({ "front_matter": front, "body": "", "version": null }),
    );
    assert_eq!(created.status, 200, "{}", created.body);
    assert!(
        site.read("content/cases/volda.md")
            .contains("title: Heltid i Volda\n")
    );
    let again = editor.put_case(
        "volda",
        &json!({ "front_matter": front, "body": "", "version": null }),
    );
    assert_eq!(again.status, 409, "{}", again.body);
    let existing = editor.put_case(
        "molde",
        &json!({ "front_matter": front, "body": "", "version": null }),
    );
    assert_eq!(existing.status, 409, "{}", existing.body);
    assert!(site.read(MOLDE).contains("Molde"));
}

#[test]
fn the_check_reports_every_problem_at_its_field() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let front = json!({
        "title": "T",
        "municipality": "Molde",
        "programme": "saman",
        "themes": ["sykefravaer"],
        "need": "N\n",
        "goal": "G\n",
        "measures": ["M"],
        "indicators": [{
            "name": "Sykefravær",
            "unit": "percent",
            "series": [{ "period": "2023-Q1", "value": 9.5 }, { "period": "2023-Q9", "value": 8.7 }],
        }],
        "summary": "x".repeat(301),
    });
    let checked = editor.send(editor.signed(Req::new("POST", "/_casebook/api/check").json(
        &json!({
            "front_matter": front, "body": "",
        }),
    )));
    assert_eq!(checked.status, 200, "{}", checked.body);
    let checked = parse(&checked);
    let fields: Vec<&str> = checked["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["field"].as_str())
        .collect();
    assert!(fields.contains(&"indicators.0.series.1"), "{checked}");
    assert!(fields.contains(&"summary"), "{checked}");
    assert!(
        !site.path("content/cases/case.md").exists(),
        "a check writes nothing"
    );
    let broken = editor
        .send(editor.signed(
            Req::new("POST", "/_casebook/api/check").json(&json!({ "front_matter": [1] })),
        ));
    assert_eq!(broken.status, 400, "{}", broken.body);
    let mut not_json = editor.signed(Req::new("POST", "/_casebook/api/check"));
    not_json.body = b"{not json".to_vec();
    assert_eq!(editor.send(not_json).status, 400);
}

#[test]
fn a_new_case_is_made_as_casebook_new_makes_it() {
    let site = Site::fixture("minimal");
    site.write(
        "content/municipalities.csv",
        "code;name\n1508;Ålesund\n1506;Molde\n",
    );
    let editor = Editor::start(&site);
    let fields = editor.get_json("/_casebook/api/fields");
    assert!(
        fields["fields"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["key"] == "need")),
        "{fields}"
    );
    assert_eq!(fields["municipalities"][0]["name"], "Ålesund");
    assert_eq!(fields["municipalities"][0]["county"], "Møre og Romsdal");
    let page = editor.server.get("/_casebook/edit/");
    assert!(
        page.body.contains("<option value=\"Ålesund\">"),
        "{}",
        page.body
    );

    let new = |municipality: &str| {
        editor.send(
            editor.signed(Req::new("POST", "/_casebook/api/cases").json(&json!({
                "municipality": municipality, "programme": "saman", "language": "nn",
            }))),
        )
    };
    let created = new("ålesund");
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(parse(&created)["slug"], "alesund");
    let text = site.read("content/cases/alesund.md");
    assert!(text.contains("municipality: \"Ålesund\"\n"), "{text}");
    assert!(text.contains("municipality_number: \"1508\"\n"), "{text}");
    assert!(text.contains("language: nn\n"), "{text}");
    assert_eq!(new("Ålesund").status, 409);
    let unknown = new("Ålesunn");
    assert_eq!(unknown.status, 400);
    assert!(
        unknown.body.contains("Ålesund"),
        "a suggestion: {}",
        unknown.body
    );
}

#[test]
fn writing_needs_the_token_the_own_origin_and_the_own_host() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let before = site.read(MOLDE);
    let case = editor.get_json("/_casebook/api/cases/molde");
    let body = json!({ "front_matter": case["front_matter"], "body": "Endret.\n", "version": case["version"] });
    let target = "/_casebook/api/cases/molde";
    let own = format!("http://{}", editor.server.addr);

    let no_token = editor.send(Req::new("PUT", target).json(&body).header("Origin", &own));
    assert_eq!(no_token.status, 403, "{}", no_token.body);
    let wrong_token = editor.send(
        Req::new("PUT", target)
            .json(&body)
            .header("X-Casebook-Token", &"0".repeat(editor.token.len())),
    );
    assert_eq!(wrong_token.status, 403);
    let foreign = editor.send(
        Req::new("PUT", target)
            .json(&body)
            .header("X-Casebook-Token", &editor.token)
            .header("Origin", "http://evil.example"),
    );
    assert_eq!(foreign.status, 403);
    let port = editor.server.addr.rsplit(':').next().expect("port");
    let other_host = editor.send(
        editor
            .signed(Req::new("PUT", target).json(&body))
            .header("Host", &format!("evil.example:{port}")),
    );
    assert_eq!(other_host.status, 403);
    let rebound = editor
        .send(Req::new("GET", "/_casebook/edit/").header("Host", &format!("evil.example:{port}")));
    assert_eq!(
        rebound.status, 403,
        "a page with the token is never sent to another name"
    );
    let upload = editor.send(Req::new("POST", "/_casebook/api/media"));
    assert_eq!(upload.status, 403);
    assert_eq!(site.read(MOLDE), before, "nothing written");
    // localhost names the same server.
    let local = editor.send(
        Req::new("PUT", target)
            .json(&body)
            .header("X-Casebook-Token", &editor.token)
            .header("Host", &format!("localhost:{port}"))
            .header("Origin", &format!("http://localhost:{port}")),
    );
    assert_eq!(local.status, 200, "{}", local.body);
}

#[test]
fn nothing_is_written_outside_the_cases_whatever_the_path() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let case = editor.get_json("/_casebook/api/cases/molde");
    let body = json!({ "front_matter": case["front_matter"], "body": "x\n", "version": null });
    let before: Vec<_> = walk(site.root());
    for target in [
        "/_casebook/api/cases/..",
        "/_casebook/api/cases/%2e%2e",
        "/_casebook/api/cases/..%2fsite",
        "/_casebook/api/cases/..%2F..%2Fescaped",
        "/_casebook/api/cases/../../escaped",
        "/_casebook/api/cases/%2e%2e/%2e%2e/escaped",
        "/_casebook/api/cases/molde%00",
        "/_casebook/api/cases/MOLDE",
        "/_casebook/api/cases/",
    ] {
        let response = editor.put_case(target.trim_start_matches("/_casebook/api/cases/"), &body);
        assert!(
            matches!(response.status, 400 | 404 | 405),
            "{target}: {} {}",
            response.status,
            response.body
        );
    }
    assert_eq!(walk(site.root()), before, "no file was added");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_never_read_or_written_through() {
    let site = Site::fixture("minimal");
    let outside = tempfile::TempDir::new().expect("temp dir");
    let secret = outside.path().join("secret.md");
    fs::write(&secret, site.read(MOLDE)).expect("write");
    // Made after the start: serve refuses to start on a link out.
    let editor = Editor::start(&site);
    std::os::unix::fs::symlink(&secret, site.path("content/cases/lenke.md")).expect("symlink");
    assert_eq!(editor.server.get("/_casebook/api/cases/lenke").status, 403);
    let case = editor.get_json("/_casebook/api/cases/molde");
    let saved = editor.put_case(
        "lenke",
        &json!({ "front_matter": case["front_matter"], "body": "x\n", "version": case["version"] }),
    );
    assert_eq!(saved.status, 403, "{}", saved.body);
    assert_eq!(fs::read_to_string(&secret).expect("read"), site.read(MOLDE));

    // A media folder that leads out of the site takes no upload.
    std::os::unix::fs::symlink(outside.path(), site.path("content/media")).expect("symlink");
    let upload = editor.upload("bilde.png", PNG);
    assert_eq!(upload.status, 403, "{}", upload.body);
    assert_eq!(fs::read_dir(outside.path()).expect("read").count(), 1);
}

#[test]
fn of_four_saves_at_once_exactly_one_wins() {
    let site = Site::fixture("minimal");
    let editor = Arc::new(Editor::start(&site));
    let case = editor.get_json("/_casebook/api/cases/molde");
    let barrier = Arc::new(Barrier::new(4));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let editor = editor.clone();
            let barrier = barrier.clone();
            let mut front = case["front_matter"].clone();
            front["title"] = json!(format!("Tittel nummer {i}"));
            let version = case["version"].clone();
            thread::spawn(move || {
                barrier.wait();
                editor
                    .put_case(
                        "molde",
                        &json!({ "front_matter": front, "body": "x\n", "version": version }),
                    )
                    .status
            })
        })
        .collect();
    let mut statuses: Vec<u16> = handles
        .into_iter()
        .map(|h| h.join().expect("thread"))
        .collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409, 409, 409]);
    assert!(site.read(MOLDE).contains("title: Tittel nummer "));
}

#[test]
fn images_are_known_by_their_bytes_and_never_overwrite() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let first = editor.upload("Bilde av Ålesund.PNG", PNG);
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(parse(&first)["path"], "/media/bilde-av-alesund.png");
    assert_eq!(
        fs::read(site.path("content/media/bilde-av-alesund.png")).expect("saved"),
        PNG
    );
    let second = editor.upload("bilde av ålesund.png", PNG);
    assert_eq!(parse(&second)["path"], "/media/bilde-av-alesund-2.png");
    let traversal = editor.upload("../../../site.yaml.png", PNG);
    assert_eq!(parse(&traversal)["path"], "/media/site-yaml.png");

    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    let renamed = editor.upload("harmless.png", svg);
    assert_eq!(renamed.status, 415, "{}", renamed.body);
    let text = editor.upload("notes.gif", b"GIF? no, just text");
    assert_eq!(text.status, 415);

    let mut large = PNG.to_vec();
    large.resize(10 * 1024 * 1024 + 1, 0);
    let too_large = editor.upload("large.png", &large);
    assert_eq!(too_large.status, 413, "{}", too_large.body);
    let names: Vec<String> = fs::read_dir(site.path("content/media"))
        .expect("media")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn request_bodies_are_capped() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let huge = json!({ "front_matter": { "title": "x".repeat(7 * 1024 * 1024) }, "body": "", "version": null });
    let response = editor.put_case("huge", &huge);
    assert_eq!(response.status, 413, "{}", response.body);
    assert!(!site.path("content/cases/huge.md").exists());
}

#[test]
fn the_preview_is_rendered_and_sanitised_as_the_site_is() {
    let site = Site::fixture("minimal");
    let editor = Editor::start(&site);
    let response = editor.send(
        editor.signed(Req::new("POST", "/_casebook/api/preview").json(
            &json!({ "markdown": "**Sterk** tekst\n\n<script>alert(1)</script>\n\n# Overskrift" }),
        )),
    );
    assert_eq!(response.status, 200, "{}", response.body);
    let html = parse(&response)["html"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(html.contains("<strong>Sterk</strong>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(
        html.contains("<h3"),
        "headings start below the page's: {html}"
    );
}

#[test]
fn a_save_while_serve_rebuilds_is_kept_and_shown() {
    let site = Site::fixture("minimal");
    site.write(
        "content/cases/volda.md",
        &site
            .read(MOLDE)
            .replace("Molde", "Volda")
            .replace("\"1506\"", "\"1577\""),
    );
    let editor = Editor::start(&site);
    let case = editor.get_json("/_casebook/api/cases/volda");
    // Start a rebuild with an edit on disk (saved by rename, as many
    // editors save), and save while it runs.
    let text = site
        .read(MOLDE)
        .replace("Reportasjen.", "Endret på disken.");
    site.write("content/cases/.molde.md.tmp", &text);
    fs::rename(site.path("content/cases/.molde.md.tmp"), site.path(MOLDE)).expect("rename");
    let mut front = case["front_matter"].clone();
    front["title"] = json!("Lagret under ombygging");
    let saved = editor.put_case(
        "volda",
        &json!({ "front_matter": front, "body": "Lagret.\n", "version": case["version"] }),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    editor
        .server
        .wait_for("/cases/volda/", "the saved title", |r| {
            r.body.contains("Lagret under ombygging")
        });
    editor
        .server
        .wait_for("/cases/molde/", "the edit on disk", |r| {
            r.body.contains("Endret på disken.")
        });
    assert!(
        site.read("content/cases/volda.md")
            .contains("Lagret under ombygging")
    );
}

/// Every file under `root`, sorted.
fn walk(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
