//! The editor's JSON API: the cases with their problems, one case to edit,
//! saving it (atomically, never over a file changed since it was read),
//! checking an unsaved case with the validator itself, a new case as
//! `casebook new` makes it, the field description, and a section's
//! preview through the site's own Markdown renderer.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError};

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::frontmatter::{self, Written};
use super::{Editor, Refusal, real_dir_inside, refuse};
use crate::config::{Config, Language};
use crate::content::{self, SourceFile};
use crate::diagnostics::Diagnostic;
use crate::schema::{FIELDS, SUMMARY_MAX_CHARS, Vocabulary, valid_slug, validate_case};

/// A case's version: the hash of its file's bytes.
pub(super) fn version_of(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// `[a-z0-9-]+`, else 400.
fn slug_or_400(slug: &str) -> Result<(), Refusal> {
    if valid_slug(slug) {
        Ok(())
    } else {
        Err(refuse(
            StatusCode::BAD_REQUEST,
            &crate::words!("editor-bad-slug", slug = slug),
        ))
    }
}

/// Runs blocking work (files, validation) off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Refusal> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| refuse(StatusCode::INTERNAL_SERVER_ERROR, "internal error"))
}

fn load_config(root: &Path) -> Result<Config, Refusal> {
    crate::pipeline::load_config(root).map_err(|diagnostics| {
        let message = diagnostics
            .first()
            .map_or_else(String::new, |d| format!("{}: {}", d.file, d.message));
        refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            &crate::words!("editor-config-broken", message = message),
        )
    })
}

/// `content/cases/<slug>.md`, when the folder is a real one inside the
/// site.
fn case_path(editor: &Editor, slug: &str) -> Result<PathBuf, Refusal> {
    let dir = editor.cases_dir();
    if !real_dir_inside(&editor.root, &dir) {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            &crate::words!("editor-outside", path = "content/cases"),
        ));
    }
    Ok(dir.join(format!("{slug}.md")))
}

/// The file's bytes: `None` when there is none; 403 for a symbolic link.
fn read_case_file(path: &Path, slug: &str) -> Result<Option<Vec<u8>>, Refusal> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(&e)),
        Ok(meta) if !meta.is_file() => {
            return Err(refuse(
                StatusCode::FORBIDDEN,
                &crate::words!(
                    "editor-not-a-file",
                    path = format!("content/cases/{slug}.md")
                ),
            ));
        }
        Ok(_) => {}
    }
    fs::read(path).map(Some).map_err(|e| io_error(&e))
}

/// 200 with the value, or the refusal.
fn answer(result: Result<Result<Value, Refusal>, Refusal>) -> Response {
    match result {
        Ok(Ok(value)) => Json(value).into_response(),
        Ok(Err(r)) | Err(r) => r.into_response(),
    }
}

fn io_error(e: &std::io::Error) -> Refusal {
    refuse(
        StatusCode::INTERNAL_SERVER_ERROR,
        &crate::words!("editor-io", message = e.to_string()),
    )
}

/// A problem as the form shows it: at its field.
fn diagnostic_json(d: &Diagnostic, written: Option<&Written>) -> Value {
    json!({
        "field": written.map_or("", |w| w.path_at(d.line)),
        "line": d.line,
        "column": d.column,
        "severity": d.severity,
        "code": d.code,
        "message": d.message,
        "help": d.help,
    })
}

/// Validates `text` as `content/cases/<slug>.md` with the site's rules.
fn validate(
    root: &Path,
    config: &Config,
    slug: &str,
    text: String,
    today: jiff::civil::Date,
) -> Vec<Diagnostic> {
    let media = content::find(root).media;
    let vocab = Vocabulary {
        config,
        media: &media,
        today,
    };
    let file = SourceFile {
        path: root.join(format!("content/cases/{slug}.md")),
        rel: format!("content/cases/{slug}.md"),
        stem: slug.to_owned(),
        text,
    };
    validate_case(&file, &vocab).diagnostics
}

/// `GET /_casebook/api/cases`: every case, drafts too, with its counts of
/// errors and warnings.
pub(super) async fn list(State(editor): State<Arc<Editor>>) -> Response {
    let result = blocking(move || -> Result<Value, Refusal> {
        let config = load_config(&editor.root)?;
        let found = content::find(&editor.root);
        let vocab = Vocabulary {
            config: &config,
            media: &found.media,
            today: editor.today,
        };
        let mut cases = Vec::with_capacity(found.cases.len());
        for path in &found.cases {
            let Ok(file) = content::read_source(&editor.root, path) else {
                continue;
            };
            let validated = validate_case(&file, &vocab);
            let errors = validated
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .count();
            let front = frontmatter::read(&file.text).front_matter;
            let text = |key: &str| {
                front
                    .as_ref()
                    .and_then(|f| f.get(key))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned()
            };
            cases.push(json!({
                "slug": file.stem,
                "title": text("title"),
                "municipality": text("municipality"),
                "draft": validated.draft,
                "errors": errors,
                "warnings": validated.diagnostics.len() - errors,
                "url": format!("/cases/{}/", file.stem),
            }));
        }
        cases.sort_by(|a, b| {
            crate::norwegian::compare(
                a["title"].as_str().unwrap_or(""),
                b["title"].as_str().unwrap_or(""),
            )
        });
        Ok(Value::Array(cases))
    })
    .await;
    answer(result)
}

/// `GET /_casebook/api/cases/<slug>`: `{slug, front_matter, body, version}`.
pub(super) async fn get_case(
    State(editor): State<Arc<Editor>>,
    UrlPath(slug): UrlPath<String>,
) -> Response {
    if let Err(r) = slug_or_400(&slug) {
        return r.into_response();
    }
    let result = blocking(move || -> Result<Value, Refusal> {
        let path = case_path(&editor, &slug)?;
        let Some(bytes) = read_case_file(&path, &slug)? else {
            return Err(refuse(
                StatusCode::NOT_FOUND,
                &crate::words!("editor-no-case", slug = slug.as_str()),
            ));
        };
        Ok(case_json(&slug, &bytes))
    })
    .await;
    answer(result)
}

fn case_json(slug: &str, bytes: &[u8]) -> Value {
    let text = String::from_utf8_lossy(bytes);
    let read = frontmatter::read(&text);
    json!({
        "slug": slug,
        "front_matter": read.front_matter,
        "body": read.body,
        "version": version_of(bytes),
    })
}

/// What the form sends to save or check a case.
#[derive(Deserialize)]
struct CaseBody {
    front_matter: Value,
    #[serde(default)]
    body: String,
    /// For a save: the version the form was opened with; `null` makes a
    /// new case.
    #[serde(default)]
    version: Option<String>,
    /// For a check: the case's slug, when it has one.
    #[serde(default)]
    slug: Option<String>,
}

fn parse_body<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Refusal> {
    serde_json::from_slice(bytes).map_err(|e| {
        refuse(
            StatusCode::BAD_REQUEST,
            &crate::words!("editor-bad-json", message = e.to_string()),
        )
    })
}

fn write_or_400(front: &Value, body: &str) -> Result<Written, Refusal> {
    frontmatter::write(front, body).map_err(|e| {
        refuse(
            StatusCode::BAD_REQUEST,
            &crate::words!("editor-cannot-write", message = e.to_string()),
        )
    })
}

/// `POST /_casebook/api/check`: the diagnostics of a case not yet saved.
pub(super) async fn check(State(editor): State<Arc<Editor>>, bytes: Bytes) -> Response {
    let result = blocking(move || -> Result<Value, Refusal> {
        let request: CaseBody = parse_body(&bytes)?;
        let slug = request.slug.unwrap_or_else(|| "case".into());
        slug_or_400(&slug)?;
        let written = write_or_400(&request.front_matter, &request.body)?;
        let config = load_config(&editor.root)?;
        let diagnostics = validate(&editor.root, &config, &slug, written.text.clone(), editor.today);
        Ok(json!({
            "diagnostics": diagnostics.iter().map(|d| diagnostic_json(d, Some(&written))).collect::<Vec<_>>(),
        }))
    })
    .await;
    answer(result)
}

/// `PUT /_casebook/api/cases/<slug>`: saves the case. 409 when the file
/// changed since `version` (or exists, for `version: null`), with the
/// file's own version to show beside the form's; 422 when a case that is
/// not a draft has errors. Nothing is written in either case.
pub(super) async fn save(
    State(editor): State<Arc<Editor>>,
    UrlPath(slug): UrlPath<String>,
    bytes: Bytes,
) -> Response {
    if let Err(r) = slug_or_400(&slug) {
        return r.into_response();
    }
    let result = blocking(move || -> Result<Value, Refusal> {
        let request: CaseBody = parse_body(&bytes)?;
        let written = write_or_400(&request.front_matter, &request.body)?;
        let config = load_config(&editor.root)?;
        let diagnostics = validate(
            &editor.root,
            &config,
            &slug,
            written.text.clone(),
            editor.today,
        );
        let shown: Vec<Value> = diagnostics
            .iter()
            .map(|d| diagnostic_json(d, Some(&written)))
            .collect();
        let draft = request.front_matter.get("draft") == Some(&Value::Bool(true));
        if !draft && diagnostics.iter().any(Diagnostic::is_error) {
            return Err(Refusal(
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({
                    "error": crate::words!("editor-errors-only-draft"),
                    "diagnostics": shown,
                }),
            ));
        }
        let path = case_path(&editor, &slug)?;
        let lock = editor.lock(&slug);
        let _turn = lock.lock().unwrap_or_else(PoisonError::into_inner);
        let on_disk = read_case_file(&path, &slug)?;
        let current = on_disk.as_deref().map(version_of);
        if current != request.version {
            return Err(Refusal(
                StatusCode::CONFLICT,
                json!({
                    "error": crate::words!("editor-changed"),
                    "current": on_disk.as_deref().map(|b| {
                        let mut current = case_json(&slug, b);
                        current["text"] = String::from_utf8_lossy(b).into();
                        current
                    }),
                    "yours": written.text,
                }),
            ));
        }
        write_atomically(&path, written.text.as_bytes(), on_disk.is_none()).map_err(|e| {
            if e.kind() == ErrorKind::AlreadyExists {
                refuse(StatusCode::CONFLICT, &crate::words!("editor-changed"))
            } else {
                io_error(&e)
            }
        })?;
        Ok(json!({
            "version": version_of(written.text.as_bytes()),
            "diagnostics": shown,
        }))
    })
    .await;
    answer(result)
}

/// Writes `bytes` to `path` through a temporary file in the same folder
/// renamed over it, so a reader (or serve's watcher) never sees half a
/// file; `create` refuses to replace a file that appeared meanwhile.
pub(super) fn write_atomically(path: &Path, bytes: &[u8], create: bool) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".casebook-").suffix(".tmp");
    // A temporary file is private (0600); the file it becomes keeps the
    // old file's permissions, or gets a content file's usual ones.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = fs::metadata(path)
            .map_or_else(|_| fs::Permissions::from_mode(0o644), |m| m.permissions());
        builder.permissions(permissions);
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if create {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    } else {
        temp.persist(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// What the "new case" form sends.
#[derive(Deserialize)]
struct NewBody {
    municipality: String,
    #[serde(default)]
    programme: Option<String>,
    #[serde(default)]
    language: Option<Language>,
}

/// `POST /_casebook/api/cases`: a new case as `casebook new` makes it;
/// 201 `{slug, url}`, 409 when the file exists.
pub(super) async fn create(State(editor): State<Arc<Editor>>, bytes: Bytes) -> Response {
    let result = blocking(move || -> Result<Value, Refusal> {
        let request: NewBody = parse_body(&bytes)?;
        let config = load_config(&editor.root)?;
        let programme = request.programme.as_deref().filter(|p| !p.is_empty());
        let case = crate::schema::new::prepare(
            &config,
            &request.municipality,
            programme,
            request.language,
            editor.today,
        )
        .map_err(|e| refuse(StatusCode::BAD_REQUEST, &e.to_string()))?;
        let dir = editor.cases_dir();
        if !dir.exists() {
            fs::create_dir_all(&dir).map_err(|e| io_error(&e))?;
        }
        let path = case_path(&editor, &case.slug)?;
        let lock = editor.lock(&case.slug);
        let _turn = lock.lock().unwrap_or_else(PoisonError::into_inner);
        let exists = || {
            refuse(
                StatusCode::CONFLICT,
                &crate::words!("new-exists", slug = case.slug.as_str()),
            )
        };
        if fs::symlink_metadata(&path).is_ok() {
            return Err(exists());
        }
        write_atomically(&path, case.text.as_bytes(), true).map_err(|e| {
            if e.kind() == ErrorKind::AlreadyExists {
                exists()
            } else {
                io_error(&e)
            }
        })?;
        Ok(json!({
            "slug": case.slug,
            "url": format!("/_casebook/edit/{}/", case.slug),
        }))
    })
    .await;
    match result {
        Ok(Ok(value)) => (StatusCode::CREATED, Json(value)).into_response(),
        Ok(Err(r)) | Err(r) => r.into_response(),
    }
}

/// `GET /_casebook/api/fields`: the field description and the site's
/// vocabularies (themes, programmes, register, indicators) for the form.
pub(super) async fn fields(State(editor): State<Arc<Editor>>) -> Response {
    let result = blocking(move || -> Result<Value, Refusal> {
        let config = load_config(&editor.root)?;
        Ok(fields_json(&config))
    })
    .await;
    answer(result)
}

fn fields_json(config: &Config) -> Value {
    let language = crate::words::current();
    let name_language = if language == Language::Nn {
        Language::Nn
    } else {
        Language::Nb
    };
    json!({
        "language": language.code(),
        "fields": FIELDS,
        "summary_max": SUMMARY_MAX_CHARS,
        "themes": config.themes.iter().map(|t| json!({
            "id": t.id, "name": t.name_in(name_language),
        })).collect::<Vec<_>>(),
        "programmes": config.programmes.iter().map(|p| json!({
            "id": p.id, "name": p.name,
        })).collect::<Vec<_>>(),
        "municipalities": config.register.as_ref().map(|r| r.iter().map(|m| json!({
            "name": m.name,
            "number": m.code,
            "county": m.code.get(..2).and_then(crate::norwegian::county_by_number).map(|c| c.name),
        })).collect::<Vec<_>>()),
        "counties": crate::norwegian::COUNTIES.iter().map(|c| c.name).collect::<Vec<_>>(),
        "indicators": config.indicators.iter().map(|i| json!({
            "id": i.id, "name": i.name_in(name_language), "unit": i.unit.as_str(),
        })).collect::<Vec<_>>(),
    })
}

/// What the form sends for a preview.
#[derive(Deserialize)]
struct PreviewBody {
    markdown: String,
}

/// `POST /_casebook/api/preview`: Markdown as the case page renders and
/// sanitises it.
pub(super) async fn preview(bytes: Bytes) -> Response {
    let result = blocking(move || -> Result<Value, Refusal> {
        let request: PreviewBody = parse_body(&bytes)?;
        let mut ids = crate::render::markdown::Ids::reserved(&[]);
        let html = crate::render::markdown::render(
            &request.markdown,
            crate::render::markdown::Fragment {
                prefix: "preview",
                min_heading: 3,
                root: "/",
            },
            &mut ids,
        );
        Ok(json!({ "html": html }))
    })
    .await;
    answer(result)
}
