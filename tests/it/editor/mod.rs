//! The editor in the browser, through its JSON API on a real
//! `casebook serve`: every row of DESIGN.md §5's table with each status
//! code, the token, the `Origin` and the `Host`, traversal (`..` encoded
//! or not) and symbolic links, four saves of one case at once, uploads (a
//! renamed SVG, an image too large), a save while serve rebuilds, and the
//! pages' token. Requests go out over a raw `TcpStream`, exactly as
//! written.

mod api;
mod safety;

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;

use serde_json::Value;

use crate::serve::{Response, Server, dechunk};
use crate::support::{HANG_GUARD, Site};

pub(super) const MOLDE: &str = "content/cases/molde.md";

/// A request to send: method, target, headers and body.
pub(super) struct Req<'a> {
    method: &'a str,
    target: &'a str,
    headers: Vec<(String, String)>,
    pub(super) body: Vec<u8>,
}

impl<'a> Req<'a> {
    pub(super) fn new(method: &'a str, target: &'a str) -> Req<'a> {
        Req {
            method,
            target,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub(super) fn header(mut self, name: &str, value: &str) -> Req<'a> {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub(super) fn json(mut self, value: &Value) -> Req<'a> {
        self.body = value.to_string().into_bytes();
        self.header("Content-Type", "application/json")
    }
}

/// The server with the editor's token read from its list page.
pub(super) struct Editor {
    pub(super) server: Server,
    pub(super) token: String,
}

impl Editor {
    pub(super) fn start(site: &Site) -> Editor {
        Editor::start_with(site, &[])
    }

    pub(super) fn start_with(site: &Site, args: &[&str]) -> Editor {
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
    pub(super) fn send(&self, req: Req<'_>) -> Response {
        send(&self.server.addr, req)
    }

    /// `req` with the token and the server's own `Origin`, as the form
    /// sends it.
    pub(super) fn signed<'a>(&self, req: Req<'a>) -> Req<'a> {
        let origin = format!("http://{}", self.server.addr);
        req.header("X-Casebook-Token", &self.token)
            .header("Origin", &origin)
    }

    pub(super) fn get_json(&self, target: &str) -> Value {
        let response = self.server.get(target);
        assert_eq!(response.status, 200, "{target}: {}", response.body);
        serde_json::from_str(&response.body).expect("JSON")
    }

    pub(super) fn put_case(&self, slug: &str, body: &Value) -> Response {
        let target = format!("/_casebook/api/cases/{slug}");
        self.send(self.signed(Req::new("PUT", &target).json(body)))
    }

    pub(super) fn upload(&self, name: &str, bytes: &[u8]) -> Response {
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
pub(super) fn send(addr: &str, req: Req<'_>) -> Response {
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

pub(super) fn parse(response: &Response) -> Value {
    serde_json::from_str(&response.body)
        .unwrap_or_else(|e| panic!("{e}: {} {}", response.status, response.body))
}

/// A valid PNG of one pixel.
pub(super) const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

/// Every file under `root`, sorted.
pub(super) fn walk(root: &std::path::Path) -> Vec<std::path::PathBuf> {
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
