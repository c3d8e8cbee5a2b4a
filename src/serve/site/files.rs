//! The whole-catalogue files — open data, feed, sitemaps, search index —
//! rewritten after edits on a thread of their own.
//!
//! At 10 000 cases they take seconds to make (the search index alone is
//! some 10 000 files), so no page waits for them: once no change has come
//! for a moment, the rebuilding thread hands a copy of the site to a job,
//! which asks the pipeline for these files and writes only those whose
//! bytes changed. Each file is written under the write lock, after checking
//! that the server is not stopping and that the folder is still the one
//! served, so Ctrl-C never waits for the job and the job never recreates a
//! folder that was removed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

use super::folder::{Changed, InPlace, remove_files};
use super::{Message, Model};
use crate::catalogue::Catalogue;
use crate::config::Config;
use crate::output::OutputError;
use crate::pipeline::{self, Content};
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
    media: BTreeSet<String>,
    assets: BTreeMap<String, String>,
    base_url: String,
    dir: PathBuf,
}

impl Model {
    /// Starts the job; its [`Done`] arrives as [`Message::Files`].
    pub(super) fn start_files_job(&mut self, shared: &Arc<Shared>, tx: &Sender<Message>) {
        let snapshot = Snapshot {
            config: self.config.clone(),
            skin: self.skin.clone(),
            pages: self.pages.clone(),
            cases: self.cases.clone(),
            media: self.media.clone(),
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
                    Ok(pool) => pool.install(|| run(&snapshot, &hashes, &shared)),
                    Err(_) => run(&snapshot, &hashes, &shared),
                };
                let _ = tx.send(Message::Files(done));
            });
        if spawned.is_err() {
            self.files_job = false;
        }
    }
}

fn run(s: &Snapshot, old: &HashMap<String, u64>, shared: &Shared) -> Done {
    let content = Content {
        config: &s.config,
        skin: &s.skin,
        cases: &s.cases,
        pages: &s.pages,
        media: &s.media,
    };
    let catalogue = Catalogue::new(&s.config, &s.cases);
    let written = pipeline::renderer(content, &s.base_url, s.assets.clone(), &catalogue)
        .map_err(OutputError::from)
        .and_then(|renderer| {
            let specs = renderer.pages();
            let served = InPlace {
                dir: &s.dir,
                shared,
            };
            let sink = Changed::new(old, &served);
            pipeline::write_catalogue_files(&renderer, &specs, &sink)?;
            Ok(sink.into_hashes())
        });
    match written {
        Ok(hashes) => {
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
            Done {
                dir: s.dir.clone(),
                hashes,
                error: None,
            }
        }
        Err(error) => Done {
            dir: s.dir.clone(),
            hashes: HashMap::new(),
            error: match error {
                OutputError::Stopped => None,
                other => Some(other.to_string()),
            },
        },
    }
}
