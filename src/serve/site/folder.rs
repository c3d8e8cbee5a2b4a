//! How files get into the folders the server serves from, as the
//! pipeline's [`Sink`]s: a whole build writes into a new folder nobody
//! reads yet; a rebuild renames each new file over the old one, so a
//! request never sees half a page. Every write holds the write lock and
//! first checks for Ctrl-C, so stopping waits for one file, not for a
//! whole build.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::output::{OutputError, Sink};
use crate::serve::Shared;

fn io_error<'p>(
    action: &'static str,
    path: &'p Path,
) -> impl FnOnce(io::Error) -> OutputError + 'p {
    move |source| OutputError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

fn make_parent(path: &Path) -> Result<(), OutputError> {
    match path.parent() {
        Some(parent) => fs::create_dir_all(parent).map_err(io_error("io-create", parent)),
        None => Ok(()),
    }
}

/// A new folder, which replaces the served one once complete.
pub(super) struct NewFolder<'a> {
    pub(super) dir: &'a Path,
    pub(super) shared: &'a Shared,
}

impl Sink for NewFolder<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let _guard = self.shared.write_guard();
        if self.shared.stopping() {
            return Err(OutputError::Stopped);
        }
        let path = self.dir.join(rel);
        make_parent(&path)?;
        fs::write(&path, bytes).map_err(io_error("io-write", &path))
    }

    fn copy(&self, rel: &str, from: &Path) -> Result<(), OutputError> {
        let _guard = self.shared.write_guard();
        if self.shared.stopping() {
            return Err(OutputError::Stopped);
        }
        let path = self.dir.join(rel);
        make_parent(&path)?;
        fs::copy(from, &path)
            .map(|_| ())
            .map_err(io_error("io-copy", from))
    }
}

/// The folder being served, written file by file while it still is.
pub(super) struct InPlace<'a> {
    pub(super) dir: &'a Path,
    pub(super) shared: &'a Shared,
}

impl Sink for InPlace<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let _guard = self.shared.write_guard();
        if self.shared.stopping() || self.shared.current().dir != self.dir {
            return Err(OutputError::Stopped);
        }
        write_atomic(self.dir, rel, bytes)
    }
}

/// Pages held in memory, to be written all at once when every one of them
/// rendered ([`replace`]).
#[derive(Default)]
pub(super) struct InMemory(Mutex<Vec<(String, Vec<u8>)>>);

impl InMemory {
    pub(super) fn into_files(self) -> Vec<(String, Vec<u8>)> {
        self.0.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Sink for InMemory {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((rel.to_owned(), bytes.to_vec()));
        Ok(())
    }
}

/// Hands on to `inner` only the files whose bytes differ from the hashes
/// `old` (path → hash), and records the hash of every file.
pub(super) struct Changed<'a> {
    old: &'a HashMap<String, u64>,
    hashes: Mutex<HashMap<String, u64>>,
    inner: &'a dyn Sink,
}

impl<'a> Changed<'a> {
    pub(super) fn new(old: &'a HashMap<String, u64>, inner: &'a dyn Sink) -> Changed<'a> {
        Changed {
            old,
            hashes: Mutex::new(HashMap::with_capacity(old.len())),
            inner,
        }
    }

    /// The hash of every file made, by path.
    pub(super) fn into_hashes(self) -> HashMap<String, u64> {
        self.hashes
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl Sink for Changed<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let mut h = DefaultHasher::new();
        bytes.hash(&mut h);
        let h = h.finish();
        if self.old.get(rel) != Some(&h) {
            self.inner.write(rel, bytes)?;
        }
        self.hashes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(rel.to_owned(), h);
        Ok(())
    }
}

/// Writes `bytes` to `dir/rel` by renaming a new file over it, so a reader
/// sees the old file or the new one, never a part.
fn write_atomic(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
    let path = dir.join(rel);
    make_parent(&path)?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.casebook-new"));
    fs::write(&tmp, bytes).map_err(io_error("io-write", &tmp))?;
    fs::rename(&tmp, &path).map_err(io_error("io-write", &path))
}

/// Writes rendered pages over the served ones in `dir` and deletes the
/// pages that are gone, all under one hold of the write lock.
pub(super) fn replace(
    dir: &Path,
    rendered: &[(String, Vec<u8>)],
    gone: &[String],
    shared: &Shared,
) -> Result<(), OutputError> {
    let _guard = shared.write_guard();
    if shared.stopping() {
        return Err(OutputError::Stopped);
    }
    rendered
        .par_iter()
        .try_for_each(|(file, html)| write_atomic(dir, file, html))?;
    remove_files(dir, gone);
    Ok(())
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
