//! The whole-catalogue files — open data, feed, sitemaps, search index —
//! rewritten after edits on a thread of their own.
//!
//! At 10 000 cases they take seconds to make (the search index alone is
//! some 10 000 files), so no page waits for them: once no change has come
//! for a moment, the rebuilding thread hands a copy of the site to a job,
//! which makes the files in memory and writes only those whose bytes
//! changed. Each file is written under the write lock, after checking that
//! the server is not stopping and that the folder is still the one served,
//! so Ctrl-C never waits for the job and the job never recreates a folder
//! that was removed.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};

use super::incremental::{Shape, write_atomic};
use super::{Message, Model, WriteError, files_failed};
use crate::config::Config;
use crate::output;
use crate::render::{self, Renderer, Site};
use crate::schema::Case;
use crate::schema::page::Page;
use crate::serve::Shared;
use crate::skin::Skin;

/// What a finished job reports back.
pub struct Done {
    /// The folder the files were written to.
    pub dir: PathBuf,
    /// Hash of every file's bytes, by path, as written now.
    pub hashes: HashMap<String, u64>,
    /// Why it stopped early, if it failed.
    pub error: Option<String>,
}

/// A copy of the site for the job: it must not hold up edits.
struct Snapshot {
    config: Config,
    skin: Skin,
    pages: Vec<Page>,
    cases: Vec<Case>,
    shape: Shape,
    assets: BTreeMap<String, String>,
    base_url: String,
    dir: PathBuf,
}

pub(super) fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl Model {
    /// Starts the job; its [`Done`] arrives as [`Message::Files`].
    pub(super) fn start_files_job(&mut self, shared: &Arc<Shared>, tx: &Sender<Message>) {
        let snapshot = Snapshot {
            config: self.config.clone(),
            skin: self.skin.clone(),
            pages: self.pages.clone(),
            cases: self.cases.clone(),
            shape: self.shape.clone(),
            assets: self.assets.clone(),
            base_url: self.base_url.clone(),
            dir: self.dir.clone(),
        };
        let hashes = std::mem::take(&mut self.file_hashes);
        let shared = shared.clone();
        let tx = tx.clone();
        self.files_job = true;
        let spawned = std::thread::Builder::new()
            .name("casebook-files".into())
            .spawn(move || {
                // One thread of its own: on the shared pool its long tasks
                // would hold up the parallel rendering of the next edit.
                let done = match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
                    Ok(pool) => pool.install(|| run(&snapshot, hashes, &shared)),
                    Err(_) => run(&snapshot, hashes, &shared),
                };
                let _ = tx.send(Message::Files(done));
            });
        if spawned.is_err() {
            self.files_job = false;
        }
    }
}

fn run(s: &Snapshot, old: HashMap<String, u64>, shared: &Shared) -> Done {
    let result: Result<HashMap<String, u64>, String> = (|| {
        let catalogue = s.shape.catalogue(&s.cases);
        let site = Site {
            config: &s.config,
            skin: &s.skin,
            pages: &s.pages,
            base_url: s.base_url.clone(),
            root: render::root_path(&s.base_url),
            assets: s.assets.clone(),
        };
        let renderer = Renderer::new(site, &catalogue).map_err(|e| e.to_string())?;
        let specs = renderer.pages();
        let write = |rel: &str, bytes: &[u8]| {
            let _guard = shared.write_guard();
            if shared.stopping() || shared.current().dir != s.dir {
                return Err(WriteError::Stopped);
            }
            write_atomic(&s.dir, rel, bytes)
        };
        let hashes =
            write_changed(&renderer, &specs, &s.base_url, &old, &write).map_err(|e| match e {
                WriteError::Stopped => String::new(),
                WriteError::Io(message) => message,
                WriteError::Broken(d) => d.first().map_or_else(String::new, |d| d.message.clone()),
            })?;
        // Files no longer made (a removed case's search text).
        let gone: Vec<String> = old
            .keys()
            .filter(|k| !hashes.contains_key(*k))
            .cloned()
            .collect();
        let _guard = shared.write_guard();
        if !shared.stopping() && shared.current().dir == s.dir {
            remove_files(&s.dir, &gone);
        }
        Ok(hashes)
    })();
    match result {
        Ok(hashes) => Done {
            dir: s.dir.clone(),
            hashes,
            error: None,
        },
        Err(error) => Done {
            dir: s.dir.clone(),
            hashes: HashMap::new(),
            error: (!error.is_empty()).then_some(error),
        },
    }
}

/// Writes one file: (path, bytes).
pub(super) type WriteFile<'a> = dyn Fn(&str, &[u8]) -> Result<(), WriteError> + Sync + 'a;

/// Makes the whole-catalogue files and hands to `write` those whose bytes
/// differ from `old` (path → hash); returns the hash of every file made.
pub(super) fn write_changed(
    renderer: &Renderer<'_>,
    specs: &[render::PageSpec],
    base_url: &str,
    old: &HashMap<String, u64>,
    write: &WriteFile<'_>,
) -> Result<HashMap<String, u64>, WriteError> {
    let hashes = Mutex::new(HashMap::with_capacity(old.len()));
    // Why `write` refused, which the output stage only sees as "stop".
    let refused: Mutex<Option<WriteError>> = Mutex::new(None);
    let made = output::each_site_file(renderer, specs, base_url, &|rel: &str, bytes: &[u8]| {
        let h = hash(bytes);
        if old.get(rel) != Some(&h)
            && let Err(e) = write(rel, bytes)
        {
            *refused.lock().unwrap_or_else(PoisonError::into_inner) = Some(e);
            return Err(output::OutputError::Io {
                action: "cannot write",
                path: PathBuf::from(rel),
                source: std::io::Error::other("refused"),
            });
        }
        hashes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(rel.to_owned(), h);
        Ok(())
    });
    if let Some(e) = refused.into_inner().unwrap_or_else(PoisonError::into_inner) {
        return Err(e);
    }
    made.map_err(|e| files_failed(renderer.site.config.site.skin.as_deref(), e))?;
    Ok(hashes.into_inner().unwrap_or_else(PoisonError::into_inner))
}

/// Removes files (and the folders they leave empty) under `dir`.
pub(super) fn remove_files(dir: &Path, files: &[String]) {
    for file in files {
        let path = dir.join(file);
        let _ = fs::remove_file(&path);
        let mut parent = path.parent();
        while let Some(p) = parent {
            if p == dir || fs::remove_dir(p).is_err() {
                break;
            }
            parent = p.parent();
        }
    }
}
