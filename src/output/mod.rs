//! The write stage: where the site's files go. `build` writes into a
//! staging folder beside `--out` ([`prepare`], [`Staging`]) and swaps it in
//! by renaming, so a failed or killed build leaves the previous site
//! exactly as it was. The staging folder is the spare site the last build
//! replaced, when there is one ([`SPARE`]), so a rebuild keeps its folders
//! and unchanged files instead of creating and removing them. A marker file
//! inside the output lets `build` tell its own folder from someone else's:
//! a non-empty folder without it is refused, untouched. `serve` writes
//! through its own [`Sink`]s.
//!
//! Output is deterministic: nothing depends on the clock, the thread
//! schedule or hash order; the feed's `updated` comes from the newest case.

pub mod data;
pub mod feeds;
pub mod files;
pub mod manifest;
pub mod spare;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::fingerprint::fingerprinted_name;
use crate::render::{self, RenderError};
use crate::skin::Skin;
use files::Writer;

/// The marker file `build` leaves in every folder it writes.
pub const MARKER: &str = ".casebook";

/// The name, after `.<out's name>`, of the spare site kept beside the
/// output: the site that the last build replaced. Removing a site's
/// thousands of folders and creating as many anew is most of a build's
/// time on a disk; rewriting the spare instead keeps every folder and every file that did
/// not change. Its unchanged files are hard links of the live site's, so
/// it costs the disk little more than its folders. Deleting it is always
/// safe: the next build then starts from an empty folder.
pub const SPARE: &str = ".casebook-previous";

/// The name, after `.<out's name>`, of the file beside the output that
/// records the output's files for the next build ([`manifest::Manifest`]).
pub const MANIFEST: &str = ".casebook-manifest";

const MARKER_TEXT: &str = "This folder is written by `casebook build` and replaced on every build.\n\
Do not keep other files here: they would be deleted.\n";

/// Why a build wrote nothing (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output folder holds files `build` did not write.
    #[error("{}", crate::words!("out-refused", folder = .0.display().to_string(), marker = MARKER))]
    Refused(PathBuf),
    /// A file operation failed.
    #[error(
        "{}",
        crate::words::text(action, vec![
            ("path", crate::words::Arg::from(path.display().to_string())),
            ("reason", crate::words::Arg::from(source.to_string())),
        ])
    )]
    Io {
        /// What was being done: the id of its message (`io-write`).
        action: &'static str,
        /// On which path.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// `--base-url` is not an absolute http(s) URL.
    #[error("{}", crate::words!("base-url-option", url = .0.as_str()))]
    BaseUrl(String),
    /// A template failed.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The sink refused the file: the build was called off (`serve` is
    /// stopping, or the folder is no longer the one served).
    #[error("{}", crate::words!("build-stopped"))]
    Stopped,
}

fn io_err<'p>(action: &'static str, path: &'p Path) -> impl FnOnce(io::Error) -> OutputError + 'p {
    move |source| OutputError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Checks the base URL and makes it end in `/`.
pub fn normalise_base_url(url: &str) -> Result<String, OutputError> {
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(char::is_whitespace)
        && url::Url::parse(url).is_ok();
    if !ok {
        return Err(OutputError::BaseUrl(url.to_owned()));
    }
    let mut url = url.to_owned();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

/// Whether `dir` may be replaced: absent, empty, or carrying our marker.
fn check_replaceable(dir: &Path) -> Result<(), OutputError> {
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err("io-look", dir)(e)),
        Ok(meta) if !meta.is_dir() => Err(OutputError::Refused(dir.to_path_buf())),
        Ok(_) => {
            if dir.join(MARKER).is_file() {
                return Ok(());
            }
            let mut entries = fs::read_dir(dir).map_err(io_err("io-read", dir))?;
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(OutputError::Refused(dir.to_path_buf()))
            }
        }
    }
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

/// Removes staging and backup folders that builds killed before they could
/// clean up left beside the output.
fn clean_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let ours = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let pid = [
            ".casebook-staging-",
            ".casebook-old-",
            ".casebook-manifest-",
        ]
        .iter()
        .find_map(|kind| {
            file_name
                .strip_prefix(&format!(".{name}{kind}"))
                .and_then(|p| p.parse::<u32>().ok())
        });
        if let Some(pid) = pid
            && pid != ours
            && !process_alive(pid)
        {
            // A build killed between its two renames left the old site only
            // as its backup: put it back rather than delete the last site.
            let out = parent.join(name);
            if file_name.contains(".casebook-old-")
                && fs::symlink_metadata(&out).is_err()
                && fs::rename(entry.path(), &out).is_ok()
            {
                continue;
            }
            if file_name.contains(".casebook-old-") {
                let _ = keep_as_spare(&entry.path(), parent, name);
            } else if file_name.contains(".casebook-manifest-") {
                let _ = fs::remove_file(entry.path());
            } else {
                let _ = files::remove_tree(&entry.path());
            }
        }
    }
}

/// The staging folder of a build into `--out`, made ready by [`prepare`]
/// (which `build` runs while it reads and validates the content): the
/// pages are written into it with [`Staging::writer`], and
/// [`Staging::finish`] swaps it in.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    staging: PathBuf,
    survey: Option<spare::Survey>,
    /// The site being replaced is one `build` wrote (it has the marker):
    /// its unchanged files are linked instead of written again.
    replaces_ours: bool,
    /// What the build that wrote the site being replaced recorded of it.
    known: Option<manifest::Manifest>,
    written: manifest::Written,
}

/// Makes the staging folder for a build into `out` ready: refuses a folder
/// casebook did not write, cleans what killed builds left, and claims and
/// surveys the spare site when there is one.
pub fn prepare(out: &Path) -> Result<Staging, OutputError> {
    check_replaceable(out)?;
    let name = out
        .file_name()
        .map_or_else(|| "public".to_owned(), |n| n.to_string_lossy().into_owned());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_err("io-create", &parent))?;
    clean_leftovers(&parent, &name);
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.casebook-staging-{pid}"));
    if staging.exists() {
        files::remove_tree(&staging)?;
    }
    // The site before the one being replaced, kept by the last build, is
    // rewritten into the new one: most of its folders and files stand
    // already (see `SPARE`).
    let spare = parent.join(format!(".{name}{SPARE}"));
    let survey = match claim_spare(&spare, &staging) {
        Some(survey) => Some(survey),
        None => {
            fs::create_dir_all(&staging).map_err(io_err("io-create", &staging))?;
            None
        }
    };
    let replaces_ours = out.join(MARKER).is_file();
    let known =
        replaces_ours.then(|| manifest::Manifest::load(&parent.join(format!(".{name}{MANIFEST}"))));
    Ok(Staging {
        out: out.to_path_buf(),
        parent,
        name,
        staging,
        survey,
        replaces_ours,
        known,
        written: manifest::Written::default(),
    })
}

impl Staging {
    /// Writes into the staging folder, linking the files of the site being
    /// replaced that did not change, and recording every file for the
    /// manifest. The marker file is written first.
    pub fn writer(&self) -> Result<Writer<'_>, OutputError> {
        let writer = Writer {
            dir: &self.staging,
            previous: self.replaces_ours.then_some(self.out.as_path()),
            known: self.known.as_ref(),
            log: Some(&self.written),
            recycled: self.survey.is_some(),
        };
        writer.write(MARKER, MARKER_TEXT.as_bytes())?;
        Ok(writer)
    }

    /// Removes what the spare site held that this build did not write,
    /// swaps the staging folder in for `out`, and saves the manifest.
    pub fn finish(self) -> Result<(), OutputError> {
        let Staging {
            out,
            parent,
            name,
            staging,
            survey,
            written,
            ..
        } = self;
        let manifest = written.manifest();
        if let Some(survey) = survey {
            survey.prune(&staging, written)?;
        }
        let pid = std::process::id();
        // The manifest is a hint checked against each file (see `Manifest`):
        // one that is stale or missing (a kill right after the swap) only
        // costs the next build some reading.
        swap(&staging, &out, &parent, &name, pid)?;
        let temp = parent.join(format!(".{name}{MANIFEST}-{pid}"));
        let _ = manifest.save(&parent.join(format!(".{name}{MANIFEST}")), &temp);
        Ok(())
    }

    /// Gives the staging folder up (the build will not be swapped in): even
    /// half-written it is good as a spare (the next build surveys whatever
    /// it holds), so it becomes the spare when there is none; otherwise it
    /// is removed.
    pub fn abandon(self) {
        let spare = self.parent.join(format!(".{}{SPARE}", self.name));
        if !self.staging.join(MARKER).is_file()
            || fs::symlink_metadata(&spare).is_ok()
            || fs::rename(&self.staging, &spare).is_err()
        {
            let _ = files::remove_tree(&self.staging);
        }
    }
}

/// Takes the spare site at `spare` for rewriting, renamed to `staging`, and
/// surveys it. None when there is none, or it is not one of ours (then it
/// is left alone), or it cannot be surveyed (then it is removed).
fn claim_spare(spare: &Path, staging: &Path) -> Option<spare::Survey> {
    if !spare.join(MARKER).is_file() || fs::rename(spare, staging).is_err() {
        return None;
    }
    match spare::Survey::take(staging) {
        Ok(survey) => Some(survey),
        Err(_) => {
            let _ = files::remove_tree(staging);
            None
        }
    }
}

/// Replaces `out` with `staging` by renames: old → backup, staging → out,
/// then the backup becomes the spare the next build rewrites. If the second
/// rename fails the old site is put back.
fn swap(
    staging: &Path,
    out: &Path,
    parent: &Path,
    name: &str,
    pid: u32,
) -> Result<(), OutputError> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(staging, out).map_err(io_err("io-move-new", out));
    }
    let backup = parent.join(format!(".{name}.casebook-old-{pid}"));
    if backup.exists() {
        files::remove_tree(&backup)?;
    }
    fs::rename(out, &backup).map_err(io_err("io-move-old", out))?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&backup, out);
        let _ = files::remove_tree(staging);
        return Err(io_err("io-move-new", out)(e));
    }
    keep_as_spare(&backup, parent, name)
}

/// Keeps the replaced site `old` as the spare, or removes it when a spare
/// is there already (another build's) or it is not a whole site of ours.
fn keep_as_spare(old: &Path, parent: &Path, name: &str) -> Result<(), OutputError> {
    let spare = parent.join(format!(".{name}{SPARE}"));
    if old.join(MARKER).is_file()
        && fs::symlink_metadata(&spare).is_err()
        && fs::rename(old, &spare).is_ok()
    {
        return Ok(());
    }
    files::remove_tree(old)
}

/// Writes the skin's static files (fingerprinted) and copies
/// `content/media/` (the files `media` lists, under `root`) into `sink`;
/// returns each asset's root-relative URL by its name under `static/`, for
/// [`render::Site::assets`].
pub fn write_assets(
    skin: &Skin,
    media: &BTreeSet<String>,
    root: &Path,
    base_url: &str,
    sink: &dyn Sink,
) -> Result<BTreeMap<String, String>, OutputError> {
    let mut assets = BTreeMap::new();
    for (name, bytes) in &skin.statics {
        let file = fingerprinted_name(name, bytes);
        sink.write(&format!("static/{file}"), bytes)?;
        assets.insert(
            name.clone(),
            format!("{}static/{file}", render::root_path(base_url)),
        );
    }
    // Media, copied as they are.
    let media_dir = root.join("content/media");
    media
        .par_iter()
        .try_for_each(|rel| sink.copy(&format!("media/{rel}"), &media_dir.join(rel)))?;
    Ok(assets)
}

/// Where the pipeline puts a file of the site: the staging folder of
/// `build` ([`Writer`]), or one of `serve`'s folders. It may be called from
/// several threads at once. A plain `Fn(&str, &[u8])` is one, whose
/// [`Sink::stream`] gathers the file in memory first.
pub trait Sink: Sync {
    /// Puts `bytes` at `rel`.
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError>;

    /// Puts at `rel` what `fill` writes, for a file too big to hold whole
    /// (the open data: some 50 MB each at 10 000 cases).
    fn stream(&self, rel: &str, fill: &mut Fill<'_>) -> Result<(), OutputError> {
        let mut bytes = Vec::new();
        fill(&mut bytes).map_err(io_err("io-write", Path::new(rel)))?;
        self.write(rel, &bytes)
    }

    /// Puts a copy of the file `from` at `rel` (a media file).
    fn copy(&self, rel: &str, from: &Path) -> Result<(), OutputError> {
        let bytes = fs::read(from).map_err(io_err("io-copy", from))?;
        self.write(rel, &bytes)
    }
}

/// What [`Sink::stream`] calls to write a file's bytes.
pub type Fill<'f> = dyn FnMut(&mut dyn io::Write) -> io::Result<()> + 'f;

impl<F> Sink for F
where
    F: Fn(&str, &[u8]) -> Result<(), OutputError> + Sync,
{
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        self(rel, bytes)
    }
}

impl Sink for Writer<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        Writer::write(self, rel, bytes)
    }

    fn stream(&self, rel: &str, fill: &mut Fill<'_>) -> Result<(), OutputError> {
        Writer::stream(self, rel, |w| fill(w))
    }

    fn copy(&self, rel: &str, from: &Path) -> Result<(), OutputError> {
        Writer::copy(self, rel, from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_left_by_a_killed_swap_is_restored_not_deleted() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A pid above the kernel's maximum is never alive.
        let backup = dir.path().join(".public.casebook-old-4294967295");
        fs::create_dir_all(&backup).expect("create backup");
        fs::write(backup.join("index.html"), "old site").expect("write");
        clean_leftovers(dir.path(), "public");
        assert_eq!(
            fs::read_to_string(dir.path().join("public/index.html")).expect("restored"),
            "old site"
        );
        assert!(!backup.exists());
    }

    #[test]
    fn a_foreign_folder_is_not_replaceable() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(check_replaceable(&dir.path().join("absent")).is_ok());
        assert!(check_replaceable(dir.path()).is_ok(), "empty folder");
        fs::write(dir.path().join("index.html"), "mine").expect("write");
        assert!(matches!(
            check_replaceable(dir.path()),
            Err(OutputError::Refused(_))
        ));
        fs::write(dir.path().join(MARKER), "").expect("write");
        assert!(check_replaceable(dir.path()).is_ok());
    }

    #[test]
    fn base_urls_are_checked() {
        assert_eq!(
            normalise_base_url("https://x.no").expect("ok"),
            "https://x.no/"
        );
        assert!(normalise_base_url("x.no").is_err());
        assert!(normalise_base_url("javascript:alert(1)").is_err());
    }
}
