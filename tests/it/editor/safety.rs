//! What keeps the editor safe: the token, the `Origin` and the `Host`;
//! nothing written outside `content/cases/` and `content/media/` whatever
//! the path (`..`, encoded or not, symbolic links); one winner of four
//! saves at once; uploads known by their bytes and capped; capped bodies.

use std::fs;
use std::sync::{Arc, Barrier};
use std::thread;

use serde_json::json;

use super::{Editor, MOLDE, PNG, Req, parse, walk};
use crate::support::Site;

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
fn served_to_the_network_the_editor_still_answers_only_this_computer() {
    let site = Site::fixture("minimal");
    let editor = Editor::start_with(&site, &["--bind", "0.0.0.0", "--port", "0"]);
    // This computer's address on its network, when it has one: no packet
    // is sent by connecting a UDP socket.
    let Some(ip) = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|()| s))
        .and_then(|s| s.local_addr())
        .ok()
        .map(|a| a.ip())
        .filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
    else {
        eprintln!("no network address here; only loopback checked");
        return;
    };
    let port = editor.server.addr.rsplit(':').next().expect("port");
    let outside = format!("{ip}:{port}");
    let page = super::send(
        &outside,
        Req::new("GET", "/_casebook/edit/").header("Host", &format!("127.0.0.1:{port}")),
    );
    assert_eq!(page.status, 403, "{}", page.body);
    let site_page = super::send(&outside, Req::new("GET", "/cases/molde/"));
    assert_eq!(
        site_page.status, 200,
        "the site itself is served to the network"
    );
}
