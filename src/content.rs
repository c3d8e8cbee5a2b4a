//! Finding and reading the source files: case files under `content/cases/`
//! and free pages under `content/pages/` (walkdir), the media folder, and the
//! front-matter split that keeps byte offsets so every later position can be
//! given in the file itself.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Severity};

/// The largest case or page file read (bytes). A report is a few kilobytes;
/// anything this large is a mistake (or hostile) and is refused by name.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A source file read into memory.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Absolute path on disk.
    pub path: PathBuf,
    /// Path relative to the site root, `/`-separated, as shown to users.
    pub rel: String,
    /// The file's stem: the case's slug.
    pub stem: String,
    /// The text (a UTF-8 BOM, if any, is kept; the splitter skips it).
    pub text: String,
}

/// A case file as split into front matter and body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// Byte offset of `yaml` within the file.
    pub yaml_offset: usize,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    /// Byte offset of the opening `---`.
    pub open_offset: usize,
    /// The Markdown body after the closing `---` line.
    pub body: &'a str,
    /// Byte offset of `body` within the file.
    pub body_offset: usize,
}

/// Why a file has no usable front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitError {
    /// Stable rule code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Byte offset to point at.
    pub offset: usize,
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', '\n']).trim_end() == "---"
}

/// Splits `text` into YAML front matter and body. The front matter must be
/// the first thing in the file (after an optional BOM), opened and closed by a
/// line `---`; CRLF line endings are fine.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    if rest.trim().is_empty() {
        return Err(SplitError {
            code: "empty-file",
            message: crate::words!("file-empty"),
            help: crate::words!("file-empty-help"),
            offset: start,
        });
    }
    let first_end = line_end(rest, 0);
    if !is_fence(&rest[..first_end]) {
        return Err(SplitError {
            code: "no-front-matter",
            message: crate::words!("front-matter-missing"),
            help: crate::words!("front-matter-missing-help"),
            offset: start,
        });
    }
    let yaml_offset = start + first_end;
    let mut pos = yaml_offset;
    while pos < text.len() {
        let line_end = line_end(text, pos);
        if is_fence(&text[pos..line_end]) {
            let yaml_line = text[..yaml_offset].matches('\n').count() + 1;
            return Ok(Split {
                yaml: &text[yaml_offset..pos],
                yaml_offset,
                yaml_line,
                open_offset: start,
                body: &text[line_end..],
                body_offset: line_end,
            });
        }
        pos = line_end;
    }
    Err(SplitError {
        code: "unclosed-front-matter",
        message: crate::words!("front-matter-unclosed"),
        help: crate::words!("front-matter-unclosed-help"),
        offset: start,
    })
}

/// The files of a site's `content/` folder: read ([`Sources`]) or only
/// found ([`Found`]).
#[derive(Debug)]
pub struct Files<F> {
    /// Case files, sorted by path.
    pub cases: Vec<F>,
    /// Free pages, sorted by path.
    pub pages: Vec<F>,
    /// Files under `content/media/`, as `/`-separated paths relative to it.
    pub media: BTreeSet<String>,
    /// Problems met while finding (and reading) the files.
    pub diagnostics: Vec<Diagnostic>,
    /// Number of case files found (including unreadable ones).
    pub case_files: usize,
}

impl<F> Default for Files<F> {
    fn default() -> Self {
        Files {
            cases: Vec::new(),
            pages: Vec::new(),
            media: BTreeSet::new(),
            diagnostics: Vec::new(),
            case_files: 0,
        }
    }
}

/// The files of a site's `content/` folder, read into memory.
pub type Sources = Files<SourceFile>;

/// The files of a site's `content/` folder, found but not yet read.
pub type Found = Files<PathBuf>;

fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether a file or folder name is an editor's temporary or backup file
/// (`.molde.md.swp`, `molde.md~`, vim's `4913`, Emacs' `.#molde.md` and
/// `#molde.md#`), which the site ignores and `serve` does not rebuild for.
pub fn is_editor_temp(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~') || name == "4913"
}

/// Walks `dir` for files, following symlinks that stay inside `root` and
/// reporting those that leave it, dangle or loop, never hanging. Pipes,
/// sockets and devices are skipped with a warning: opening a pipe blocks.
fn walk(root: &Path, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return files;
    }
    let canonical_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .max_depth(16)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        match entry {
            Ok(entry) => {
                let name = entry.file_name().to_string_lossy();
                if entry.depth() > 0 && is_editor_temp(&name) {
                    continue;
                }
                if entry.path_is_symlink() && leaves(&canonical_root, entry.path()) {
                    diagnostics.push(link_outside(root, entry.path()));
                    // A linked folder must not be walked either: its files
                    // would be read and published.
                    if entry.file_type().is_dir() {
                        walker.skip_current_dir();
                    }
                    continue;
                }
                let kind = entry.file_type();
                if kind.is_file() {
                    files.push(entry.into_path());
                } else if !kind.is_dir() {
                    diagnostics.push(
                        Diagnostic::file(
                            Severity::Warning,
                            "not-a-file",
                            &rel_path(root, entry.path()),
                            crate::words!("not-a-file-skipped"),
                        )
                        .with_help(crate::words!("not-a-file-help")),
                    );
                }
            }
            Err(err) => diagnostics.push(walk_error(root, &err)),
        }
    }
    files
}

/// Whether the symbolic link at `path` points outside the folder
/// `canonical_root` (or nowhere).
fn leaves(canonical_root: &Path, path: &Path) -> bool {
    !fs::canonicalize(path).is_ok_and(|t| t.starts_with(canonical_root))
}

fn link_outside(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::file(
        Severity::Error,
        "symlink-outside",
        &rel_path(root, path),
        crate::words!("symlink-outside"),
    )
    .with_help(crate::words!("symlink-outside-help"))
}

/// `ELOOP`: std has no stable `io::ErrorKind` for it yet.
const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };

fn walk_error(root: &Path, err: &walkdir::Error) -> Diagnostic {
    let path = err.path().map(|p| rel_path(root, p)).unwrap_or_default();
    let link = err.path().and_then(|p| fs::read_link(p).ok());
    let io = err.io_error();
    if err.loop_ancestor().is_some()
        || (link.is_some() && io.and_then(io::Error::raw_os_error) == Some(ELOOP))
    {
        return Diagnostic::file(
            Severity::Error,
            "symlink-loop",
            &path,
            crate::words!("symlink-loop"),
        )
        .with_help(crate::words!("symlink-loop-help"));
    }
    if let Some(target) = link.filter(|_| io.is_some_and(|e| e.kind() == io::ErrorKind::NotFound)) {
        return Diagnostic::file(
            Severity::Error,
            "broken-symlink",
            &path,
            crate::words!("symlink-broken", target = target.display().to_string()),
        )
        .with_help(crate::words!("symlink-broken-help"));
    }
    let message = if err.path().is_some_and(Path::is_dir) {
        crate::words!("unreadable-folder", reason = io_reason(io))
    } else {
        crate::words!("unreadable-file", reason = io_reason(io))
    };
    Diagnostic::file(Severity::Error, "unreadable", &path, message)
}

fn io_reason(err: Option<&io::Error>) -> String {
    match err {
        Some(e) if e.kind() == io::ErrorKind::PermissionDenied => crate::words!("io-permission"),
        Some(e) if e.kind() == io::ErrorKind::NotFound => crate::words!("io-gone"),
        // The system's own words, which only it knows.
        Some(e) => e.to_string().to_lowercase(),
        None => crate::words!("io-unknown"),
    }
}

/// Reads one Markdown source file, turning every way it can be unusable into
/// a diagnostic naming the file.
pub fn read_source(root: &Path, path: &Path) -> Result<SourceFile, Diagnostic> {
    let rel = rel_path(root, path);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let too_big = |size: u64| {
        Diagnostic::file(
            Severity::Error,
            "file-too-large",
            &rel,
            crate::words!(
                "file-too-large",
                // Rounded up, so a file just over the limit is not "4 MB".
                size = usize::try_from(size.div_ceil(1024 * 1024)).unwrap_or(usize::MAX),
                max = usize::try_from(MAX_FILE_BYTES / (1024 * 1024)).unwrap_or(usize::MAX)
            ),
        )
        .with_help(crate::words!("file-too-large-help"))
    };
    let unreadable = |e: io::Error| {
        Diagnostic::file(
            Severity::Error,
            "unreadable",
            &rel,
            crate::words!("unreadable-file", reason = io_reason(Some(&e))),
        )
    };
    // Looked at before opening: opening a pipe blocks until someone writes
    // to it, and a device such as /dev/zero never ends.
    let meta = fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Diagnostic::file(
            Severity::Error,
            "not-a-file",
            &rel,
            crate::words!("not-a-file"),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    // Bounded even if the file grows between the look and the read.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            path: path.to_path_buf(),
            rel,
            stem,
            text,
        }),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.as_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid]);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let mut d = Diagnostic::file(
                Severity::Error,
                "invalid-utf8",
                &rel,
                crate::words!("invalid-utf8"),
            )
            .with_help(crate::words!("invalid-utf8-help"));
            d.line = line;
            d.column = column;
            Err(d)
        }
    }
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// Finds every case, page and media file of the site at `root`, and checks
/// the media.
pub fn find(root: &Path) -> Found {
    let content = root.join("content");
    let mut found = Found::default();
    found.cases = walk(root, &content.join("cases"), &mut found.diagnostics)
        .into_iter()
        .filter(|p| is_markdown(p))
        .collect();
    // Entries refused while walking (links out, loops) count as case files,
    // so the summary never says "777 problems in 777 of 3 case files".
    found.case_files =
        found.cases.len() + found.diagnostics.iter().filter(|d| d.is_error()).count();
    found.pages = walk(root, &content.join("pages"), &mut found.diagnostics)
        .into_iter()
        .filter(|p| is_markdown(p))
        .collect();
    let media = content.join("media");
    for path in walk(root, &media, &mut found.diagnostics) {
        if let Some(d) = active_media(root, &path) {
            found.diagnostics.push(d);
        }
        found.media.insert(rel_path(&media, &path));
    }
    found
}

/// Finds the case files `files` (paths relative to `root`) as [`find`]
/// finds them, for rebuilding a few cases: those that are gone or not
/// files are left out, a link out of the site is reported. `media` is
/// what `content/media/` holds.
pub fn find_cases<'f>(
    root: &Path,
    files: impl IntoIterator<Item = &'f str>,
    media: BTreeSet<String>,
) -> Found {
    let canonical_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut found = Found {
        media,
        ..Found::default()
    };
    for file in files {
        let path = root.join(file);
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.file_type().is_symlink() && leaves(&canonical_root, &path) {
            found.diagnostics.push(link_outside(root, &path));
        } else if path.is_file() {
            found.cases.push(path);
        }
    }
    found.case_files = found.cases.len() + found.diagnostics.len();
    found
}

/// Reads the files at `paths` in parallel: what reads, and a diagnostic
/// for each file that does not.
pub fn read_all(root: &Path, paths: &[PathBuf]) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let read: Vec<Result<SourceFile, Diagnostic>> = paths
        .par_iter()
        .map(|path| read_source(root, path))
        .collect();
    let mut files = Vec::with_capacity(read.len());
    let mut diagnostics = Vec::new();
    for result in read {
        match result {
            Ok(file) => files.push(file),
            Err(d) => diagnostics.push(d),
        }
    }
    (files, diagnostics)
}

/// Finds and reads every case, page and media file of the site at `root`.
pub fn load(root: &Path) -> Sources {
    let found = find(root);
    let mut diagnostics = found.diagnostics;
    let (cases, unread) = read_all(root, &found.cases);
    diagnostics.extend(unread);
    let (pages, unread) = read_all(root, &found.pages);
    diagnostics.extend(unread);
    Sources {
        cases,
        pages,
        media: found.media,
        diagnostics,
        case_files: found.case_files,
    }
}

/// Media are published as they are, under the site's own origin. An image
/// in an `<img>` runs nothing, but a reader sent to `/media/x.svg` itself
/// gets a document whose scripts run as the site. So HTML attachments are
/// refused, and SVG and XML files must hold no script, event handler,
/// `javascript:` URL or embedded HTML.
fn active_media(root: &Path, path: &Path) -> Option<Diagnostic> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    let rel = rel_path(root, path);
    let refuse = |message: String, help: String| {
        Some(Diagnostic::file(Severity::Error, "active-media", &rel, message).with_help(help))
    };
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "xht" | "shtml" | "mht" | "mhtml" => refuse(
            crate::words!("active-html"),
            crate::words!("active-html-help"),
        ),
        "svgz" => refuse(
            crate::words!("active-svgz"),
            crate::words!("active-svgz-help"),
        ),
        "svg" | "xml" | "xsl" | "xslt" => {
            let text = match fs::File::open(path).and_then(|f| {
                let mut bytes = Vec::new();
                f.take(MAX_FILE_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map(|_| bytes)
            }) {
                Ok(bytes) if bytes.len() as u64 > MAX_FILE_BYTES => {
                    return refuse(
                        crate::words!(
                            "active-too-large",
                            max = usize::try_from(MAX_FILE_BYTES / (1024 * 1024))
                                .unwrap_or(usize::MAX)
                        ),
                        crate::words!("active-too-large-help"),
                    );
                }
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => {
                    return refuse(
                        crate::words!("unreadable-file", reason = io_reason(Some(&e))),
                        crate::words!("unreadable-help"),
                    );
                }
            };
            let found = active_markup(&text)?;
            refuse(
                crate::words!("active-markup", kind = ext.to_uppercase(), found = found),
                crate::words!("active-markup-help"),
            )
        }
        _ => None,
    }
}

/// What in an SVG or XML document could run script, after decoding
/// character references (`&#106;avascript:`) and dropping the tabs and
/// newlines a URL parser ignores (`java&#9;script:`).
fn active_markup(text: &str) -> Option<String> {
    let decoded = decode_references(text).to_ascii_lowercase();
    let squeezed: String = decoded
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    for (needle, what) in [
        ("<script", "<script>"),
        (":script", "<script>"),
        ("<foreignobject", "<foreignObject>"),
        ("<iframe", "<iframe>"),
        ("<embed", "<embed>"),
        ("<object", "<object>"),
        ("<handler", "<handler>"),
    ] {
        if decoded.contains(needle) {
            return Some(crate::words!("active-element", element = what));
        }
    }
    for (needle, id) in [
        ("<?xml-stylesheet", "active-stylesheet"),
        ("<xsl:", "active-xslt"),
        ("<!entity", "active-entity"),
    ] {
        if decoded.contains(needle) {
            return Some(crate::words::text(id, Vec::new()));
        }
    }
    for scheme in [
        "javascript:",
        "vbscript:",
        "data:text/html",
        "data:application/xhtml",
    ] {
        if squeezed.contains(scheme) {
            return Some(crate::words!("active-url", scheme = scheme));
        }
    }
    // An attribute whose name starts with `on` (`onload=`, ` onclick =`).
    let bytes = decoded.as_bytes();
    let mut from = 0;
    while let Some(i) = decoded[from..].find("on") {
        let at = from + i;
        from = at + 2;
        if at == 0
            || !(bytes[at - 1].is_ascii_whitespace()
                || bytes[at - 1] == b'/'
                || bytes[at - 1] == b'"'
                || bytes[at - 1] == b'\'')
        {
            continue;
        }
        let name_end = decoded[at..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(decoded.len(), |n| at + n);
        if name_end > at + 2 && decoded[name_end..].trim_start().starts_with('=') {
            return Some(crate::words!(
                "active-handler",
                name = &decoded[at..name_end]
            ));
        }
    }
    None
}

/// Decodes numeric character references and the five XML entities.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |n| n + 1);
        let name = &rest[1..end];
        let decoded = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
        {
            u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        } else if let Some(dec) = name.strip_prefix('#') {
            dec.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the line starting at `from` ends, its `\n` included (the end of
/// `text` when there is none).
fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file removed between discovery and reading (hard to time in a
    /// real run) is a diagnostic naming it, not an I/O error that ends the run.
    #[test]
    fn file_removed_before_reading_is_named() {
        let dir = tempfile::TempDir::new().expect("temp");
        let path = dir.path().join("content/cases/borte.md");
        let d = read_source(dir.path(), &path).expect_err("missing file");
        assert_eq!(
            (d.code, d.file.as_str()),
            ("unreadable", "content/cases/borte.md")
        );
        assert!(d.message.contains("no longer exists"), "{}", d.message);
    }

    /// A pipe blocked the reader until someone wrote to it (forever), and a
    /// device like /dev/zero was read until memory ran out; both are refused
    /// without being opened.
    #[test]
    fn special_files_are_refused_without_being_opened() {
        let dir = tempfile::TempDir::new().expect("temp");
        let fifo = dir.path().join("ror.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("run mkfifo");
        assert!(made.success());
        let root = dir.path().to_path_buf();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let codes = [fifo.as_path(), Path::new("/dev/zero"), root.as_path()]
                .map(|p| read_source(&root, p).map(|_| ()).map_err(|d| d.code));
            let _ = tx.send(codes);
        });
        let codes = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("read_source blocked");
        assert_eq!(codes, [Err("not-a-file"); 3]);
    }

    #[test]
    fn splits_and_keeps_offsets() {
        let text = "---\ntitle: A\n---\nBody\n";
        let split = split_front_matter(text).expect("valid");
        assert_eq!(split.yaml, "title: A\n");
        assert_eq!(split.yaml_line, 2);
        assert_eq!(split.body, "Body\n");
        assert_eq!(&text[split.yaml_offset..][..5], "title");
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let text = "\u{feff}---\r\ntitle: A\r\n---\r\nBody\r\n";
        let split = split_front_matter(text).expect("valid");
        assert_eq!(split.yaml, "title: A\r\n");
        assert_eq!(split.body, "Body\r\n");
    }

    #[test]
    fn reports_missing_and_unclosed_front_matter() {
        assert_eq!(
            split_front_matter("").map_err(|e| e.code),
            Err("empty-file")
        );
        assert_eq!(
            split_front_matter("title: A\n").map_err(|e| e.code),
            Err("no-front-matter")
        );
        assert_eq!(
            split_front_matter("---\ntitle: A\n").map_err(|e| e.code),
            Err("unclosed-front-matter")
        );
    }
}
