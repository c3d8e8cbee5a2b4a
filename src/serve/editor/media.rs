//! Image uploads into `content/media/`: JPEG, PNG, WebP or GIF, known by
//! their bytes (a renamed SVG is still refused), at most 10 MB, under a
//! safe name that never replaces a file already there.

use std::io::ErrorKind;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::{Editor, Refusal, real_dir_inside, refuse};

/// The largest image accepted.
pub(super) const MAX_FILE: usize = 10 * 1024 * 1024;

/// The largest request: the image and the multipart envelope around it.
pub(super) const MAX_BODY: usize = MAX_FILE + 64 * 1024;

/// The longest file name stem written.
const MAX_STEM: usize = 60;

/// The image types allowed, by the MIME type `infer` reads from the bytes,
/// with the extension they are saved under.
const ALLOWED: &[(&str, &str)] = &[
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
    ("image/webp", "webp"),
    ("image/gif", "gif"),
];

/// `POST /_casebook/api/media` (multipart, field `file`): 201
/// `{path: "/media/…"}`; 415 a type not allowed; 413 too large.
pub(super) async fn upload(
    State(editor): State<Arc<Editor>>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Result<Response, Refusal> {
    let too_large = || {
        refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            &crate::words!("editor-too-large", megabytes = MAX_FILE / (1024 * 1024)),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY) {
        return Err(too_large());
    }
    let mut found = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(e) => return Err(refuse(StatusCode::BAD_REQUEST, &e.body_text())),
        };
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or("").to_owned();
        let mut field = field;
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > MAX_FILE {
                        return Err(too_large());
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
                Err(e) => return Err(refuse(StatusCode::BAD_REQUEST, &e.body_text())),
            }
        }
        found = Some((name, bytes));
        break;
    }
    let Some((name, bytes)) = found else {
        return Err(refuse(
            StatusCode::BAD_REQUEST,
            &crate::words!("editor-no-file"),
        ));
    };
    let Some(extension) = infer::get(&bytes)
        .and_then(|kind| ALLOWED.iter().find(|(mime, _)| *mime == kind.mime_type()))
        .map(|(_, ext)| *ext)
        .filter(|ext| *ext != "gif" || gif_version(&bytes))
    else {
        return Err(refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &crate::words!("editor-not-an-image"),
        ));
    };
    let result = tokio::task::spawn_blocking(move || save(&editor, &name, extension, &bytes)).await;
    match result {
        Ok(Ok(file)) => Ok((
            StatusCode::CREATED,
            Json(json!({ "path": format!("/media/{file}") })),
        )
            .into_response()),
        Ok(Err(r)) => Err(r),
        Err(_) => Err(refuse(StatusCode::INTERNAL_SERVER_ERROR, "internal error")),
    }
}

/// Whether a GIF names its version: `infer` knows one by its first three
/// bytes only, which a line of text can match.
fn gif_version(bytes: &[u8]) -> bool {
    bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a")
}

/// Saves under `<stem>.<extension>`, or `<stem>-2.<extension>`, … when
/// taken; returns the name.
fn save(editor: &Editor, name: &str, extension: &str, bytes: &[u8]) -> Result<String, Refusal> {
    let content = editor.root.join("content");
    let dir = content.join("media");
    if !dir.exists() && real_dir_inside(&editor.root, &content) {
        std::fs::create_dir(&dir).map_err(|e| io_error(&e))?;
    }
    if !real_dir_inside(&editor.root, &dir) {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            &crate::words!("editor-outside", path = "content/media"),
        ));
    }
    let stem = safe_stem(name);
    for n in 1..10_000 {
        let file = if n == 1 {
            format!("{stem}.{extension}")
        } else {
            format!("{stem}-{n}.{extension}")
        };
        match super::api::write_atomically(&dir.join(&file), bytes, true) {
            Ok(()) => return Ok(file),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io_error(&e)),
        }
    }
    Err(refuse(
        StatusCode::CONFLICT,
        &crate::words!("editor-no-name"),
    ))
}

fn io_error(e: &std::io::Error) -> Refusal {
    refuse(
        StatusCode::INTERNAL_SERVER_ERROR,
        &crate::words!("editor-io", message = e.to_string()),
    )
}

/// The uploaded name's stem as a slug (`Bilde av Ålesund.PNG` →
/// `bilde-av-alesund`), never empty and never a hidden file.
fn safe_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let mut slug = crate::norwegian::slugify(stem);
    if slug.len() > MAX_STEM {
        slug.truncate(MAX_STEM);
        slug = slug.trim_end_matches('-').to_owned();
    }
    if slug.is_empty() {
        "bilde".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_safe_stems() {
        assert_eq!(safe_stem("Bilde av Ålesund.PNG"), "bilde-av-alesund");
        assert_eq!(safe_stem("../../etc/passwd"), "passwd");
        assert_eq!(safe_stem("..\\..\\x.jpg"), "x");
        assert_eq!(safe_stem(".hidden"), "bilde");
        assert_eq!(safe_stem(""), "bilde");
        assert_eq!(safe_stem(&"å".repeat(200)).len(), MAX_STEM);
    }
}
