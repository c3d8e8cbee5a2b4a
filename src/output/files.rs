//! The file operations of a build, shaped by what they cost on disk.
//!
//! - [`Writer`] writes a file with one `open`/`write`/`close` and creates
//!   its folder only when the first try says it is missing. When the site
//!   being replaced holds a regular file with the same bytes at the same
//!   path (known from the [`Manifest`] without reading it), the new site
//!   gets a hard link to it instead: nothing new to write back to disk.
//! - Written into a spare site ([`Survey`](super::spare::Survey)), it keeps what is already the
//!   live site's identical file, replaces the rest, and the survey prunes
//!   what the build did not write.
//! - [`remove_tree`] removes a folder tree on rayon's threads, like
//!   `fs::remove_dir_all` but several entries at once.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::manifest::{Entry, Manifest, Written, hash};
use super::{OutputError, io_err};
use xxhash_rust::xxh3::Xxh3;

/// Writes files under one folder, reusing identical files of a previous site.
#[derive(Clone, Copy, Debug)]
pub struct Writer<'a> {
    /// The folder written to.
    pub dir: &'a Path,
    /// The site being replaced (written by casebook), whose unchanged files
    /// are linked instead of written again.
    pub previous: Option<&'a Path>,
    /// What the build that wrote `previous` recorded of its files, so that
    /// an unchanged file is known by its hash without reading it back.
    pub known: Option<&'a Manifest>,
    /// Records every path written and what the next build needs to know of
    /// it.
    pub log: Option<&'a Written>,
    /// `dir` is an older site being rewritten into the new one (see
    /// [`Survey`]): a path may already hold an entry, which is kept when it
    /// is the previous site's identical file and replaced otherwise, never
    /// written into (it may be a link to a file the live site serves).
    pub recycled: bool,
}

impl<'a> Writer<'a> {
    /// Writes into `dir`, reusing nothing.
    pub fn new(dir: &'a Path) -> Writer<'a> {
        Writer {
            dir,
            previous: None,
            known: None,
            log: None,
            recycled: false,
        }
    }

    /// Writes `bytes` to `rel` (a `/`-separated path under the folder),
    /// creating its folder when needed.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.dir.join(rel);
        let digest = (self.log.is_some() || self.known.is_some()).then(|| hash(bytes));
        let record = |meta: &fs::Metadata| {
            if let (Some(log), Some(digest)) = (self.log, digest) {
                log.insert(rel, Entry::of(meta, digest));
            }
        };
        // In a recycled folder the entry at `path` is, for an unchanged
        // page, a hard link to the live site's file. When the manifest
        // knows that file by this very inode, size and time, and its bytes
        // are these, it stays, with no look at the live site's path (one
        // file system call a page fewer).
        let here = self.recycled.then(|| fs::symlink_metadata(&path));
        if let (Some(Ok(meta)), Some(known), Some(digest)) = (&here, self.known, digest)
            && meta.is_file()
            && known.holds(rel, meta, digest) == Some(true)
        {
            record(meta);
            return Ok(());
        }
        let old = self.previous.map(|previous| previous.join(rel));
        let old_meta = old
            .as_deref()
            .and_then(|old| fs::symlink_metadata(old).ok());
        // Asked at most once (it may read the old file), when first needed.
        let same = std::cell::OnceCell::new();
        let unchanged = || {
            *same.get_or_init(|| match (&old, &old_meta) {
                (Some(old), Some(meta)) if meta.is_file() => self
                    .known
                    .zip(digest)
                    .and_then(|(known, digest)| known.holds(rel, meta, digest))
                    .unwrap_or_else(|| same_bytes(old, meta, bytes)),
                _ => false,
            })
        };
        if let Some(here) = here {
            match here {
                Ok(meta) if meta.is_file() => {
                    if let Some(old) = &old_meta
                        && same_file(&meta, old)
                        && unchanged()
                    {
                        // Already the previous site's identical file.
                        record(old);
                        return Ok(());
                    }
                    fs::remove_file(&path).map_err(io_err("io-replace", &path))?;
                }
                Ok(meta) if meta.is_dir() => remove_tree(&path)?,
                Ok(_) => fs::remove_file(&path).map_err(io_err("io-replace", &path))?,
                Err(e) if missing(&e) => {}
                Err(e) => return Err(io_err("io-look", &path)(e)),
            }
        }
        if let (Some(old), Some(meta)) = (&old, &old_meta)
            && unchanged()
            && link(old, &path).is_ok()
        {
            record(meta);
            return Ok(());
        }
        let file = match write_new(&path, bytes) {
            Err(e) if missing(&e) => {
                self.make_parent(&path)?;
                write_new(&path, bytes)
            }
            other => other,
        }
        .map_err(io_err("io-write", &path))?;
        if self.log.is_some() {
            let meta = file.metadata().map_err(io_err("io-look", &path))?;
            record(&meta);
        }
        Ok(())
    }

    /// Writes the file `rel` by handing `fill` a buffered writer on it, for
    /// files too big to hold whole in memory (the open data). The bytes are
    /// hashed on the way; when they turn out to be the previous site's
    /// file, that file is linked in place of the new one, which is dropped
    /// before the disk ever sees it.
    pub fn stream(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), OutputError> {
        let path = self.fresh(rel)?;
        let file = match fs::File::create(&path) {
            Err(e) if missing(&e) => {
                self.make_parent(&path)?;
                fs::File::create(&path)
            }
            other => other,
        }
        .map_err(io_err("io-write", &path))?;
        let hashing = self.log.is_some() || self.known.is_some();
        let mut out = Hashing {
            inner: io::BufWriter::with_capacity(256 * 1024, file),
            hasher: hashing.then(Xxh3::new),
        };
        fill(&mut out)
            .and_then(|()| io::Write::flush(&mut out))
            .map_err(io_err("io-write", &path))?;
        let Some(hasher) = out.hasher else {
            return Ok(());
        };
        let digest = hasher.digest128().to_le_bytes();
        let file = out
            .inner
            .into_inner()
            .map_err(|e| io_err("io-write", &path)(e.into_error()))?;
        let record = |meta: &fs::Metadata| {
            if let Some(log) = self.log {
                log.insert(rel, Entry::of(meta, digest));
            }
        };
        if let (Some(previous), Some(known)) = (self.previous, self.known) {
            let old = previous.join(rel);
            if let Ok(meta) = fs::symlink_metadata(&old)
                && known.holds(rel, &meta, digest) == Some(true)
            {
                drop(file);
                let temp = path.with_file_name(format!(
                    ".{}.casebook-link",
                    path.file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                ));
                let _ = fs::remove_file(&temp);
                if fs::hard_link(&old, &temp).is_ok() && fs::rename(&temp, &path).is_ok() {
                    record(&meta);
                    return Ok(());
                }
                let _ = fs::remove_file(&temp);
                let meta = fs::symlink_metadata(&path).map_err(io_err("io-look", &path))?;
                record(&meta);
                return Ok(());
            }
        }
        record(&file.metadata().map_err(io_err("io-look", &path))?);
        Ok(())
    }

    /// Copies the file `from` to `rel`, afresh.
    pub fn copy(&self, rel: &str, from: &Path) -> Result<(), OutputError> {
        let path = self.fresh(rel)?;
        self.make_parent(&path)?;
        fs::copy(from, &path)
            .map(|_| ())
            .map_err(io_err("io-copy", from))
    }

    /// The path of `rel`, with whatever a recycled folder held there
    /// removed, so that a new file is created rather than an old one (maybe
    /// linked to the live site) overwritten.
    fn fresh(&self, rel: &str) -> Result<PathBuf, OutputError> {
        let path = self.dir.join(rel);
        if let Some(log) = self.log {
            log.insert(rel, None);
        }
        if self.recycled {
            match fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_dir() => remove_tree(&path)?,
                Ok(_) => fs::remove_file(&path).map_err(io_err("io-replace", &path))?,
                Err(_) => {}
            }
        }
        Ok(path)
    }

    /// Creates the folder of `path`. In a recycled folder a file may stand
    /// where a folder is now wanted: it is removed first.
    fn make_parent(&self, path: &Path) -> Result<(), OutputError> {
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        if fs::create_dir_all(parent).is_ok() {
            return Ok(());
        }
        if self.recycled {
            for dir in parent.ancestors() {
                if dir == self.dir {
                    break;
                }
                if fs::symlink_metadata(dir).is_ok_and(|m| !m.is_dir()) {
                    fs::remove_file(dir).map_err(io_err("io-replace", dir))?;
                }
            }
        }
        fs::create_dir_all(parent).map_err(io_err("io-create", parent))
    }
}

/// A writer that hashes what goes through it.
struct Hashing<W> {
    inner: W,
    hasher: Option<Xxh3>,
}

impl<W: io::Write> io::Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if let Some(hasher) = &mut self.hasher {
            hasher.update(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Whether `e` says a path is not there: missing, or a file stands where
/// one of its folders should be (a recycled folder may have that).
fn missing(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

/// Creates `path` (which must not exist or is replaced) holding `bytes`.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<fs::File> {
    let mut file = fs::File::create(path)?;
    io::Write::write_all(&mut file, bytes)?;
    Ok(file)
}

/// Whether two entries are the same file (one is a hard link of the other).
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Hard-links `old` at `new`, creating `new`'s folder when needed.
fn link(old: &Path, new: &Path) -> io::Result<()> {
    match fs::hard_link(old, new) {
        Err(e) if missing(&e) => {
            if let Some(parent) = new.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::hard_link(old, new)
        }
        other => other,
    }
}

/// Whether `path`, whose metadata (not following links) is `meta`, is a
/// regular file holding exactly `bytes`. Reads in pieces and stops at the
/// first difference.
fn same_bytes(path: &Path, meta: &fs::Metadata, bytes: &[u8]) -> bool {
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return false;
    }
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let mut buf = [0u8; 64 * 1024];
    let mut rest = bytes;
    loop {
        match file.read(&mut buf) {
            Ok(0) => return rest.is_empty(),
            Ok(n) => {
                if n > rest.len() || buf[..n] != rest[..n] {
                    return false;
                }
                rest = &rest[n..];
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Removes `dir` and everything in it, like [`fs::remove_dir_all`] (links
/// are removed, never followed), but many entries at a time. An entry that
/// is already gone is not an error.
pub fn remove_tree(dir: &Path) -> Result<(), OutputError> {
    remove_in(dir).map_err(|(path, e)| io_err("io-remove", &path)(e))
}

fn remove_in(dir: &Path) -> Result<(), (PathBuf, io::Error)> {
    let gone = |e: &io::Error| e.kind() == io::ErrorKind::NotFound;
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if gone(&e) => return Ok(()),
        Err(e) => return Err((dir.to_path_buf(), e)),
    };
    let mut children = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| (dir.to_path_buf(), e))?;
        // `file_type` does not follow links: a link to a folder is removed
        // as a link.
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        children.push((entry.path(), is_dir));
    }
    children.par_iter().try_for_each(|(path, is_dir)| {
        if *is_dir {
            return remove_in(path);
        }
        match fs::remove_file(path) {
            Err(e) if !gone(&e) => Err((path.clone(), e)),
            _ => Ok(()),
        }
    })?;
    match fs::remove_dir(dir) {
        Err(e) if !gone(&e) => Err((dir.to_path_buf(), e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remove_tree_removes_nested_folders_and_links_without_following_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let keep = dir.path().join("keep");
        fs::create_dir_all(keep.join("inner")).expect("mkdir");
        fs::write(keep.join("inner/file"), "kept").expect("write");
        let tree = dir.path().join("tree");
        for i in 0..50 {
            fs::create_dir_all(tree.join(format!("a/{i}/b"))).expect("mkdir");
            fs::write(tree.join(format!("a/{i}/b/index.html")), "x").expect("write");
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(&keep, tree.join("link")).expect("symlink");
        remove_tree(&tree).expect("removed");
        assert!(!tree.exists());
        assert_eq!(
            fs::read_to_string(keep.join("inner/file")).expect("kept"),
            "kept"
        );
        remove_tree(&tree).expect("a missing tree is not an error");
    }

    #[test]
    fn identical_files_are_linked_and_changed_ones_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let old = dir.path().join("old");
        let new = dir.path().join("new");
        fs::create_dir_all(old.join("cases/a")).expect("mkdir");
        fs::write(old.join("cases/a/index.html"), "same").expect("write");
        fs::write(old.join("changed.html"), "before").expect("write");
        fs::create_dir_all(&new).expect("mkdir");
        let w = Writer {
            previous: Some(&old),
            ..Writer::new(&new)
        };
        w.write("cases/a/index.html", b"same").expect("write");
        w.write("changed.html", b"after").expect("write");
        w.write("new/deep/file.txt", b"fresh").expect("write");
        assert_eq!(
            fs::read(new.join("cases/a/index.html")).expect("read"),
            b"same"
        );
        assert_eq!(fs::read(new.join("changed.html")).expect("read"), b"after");
        assert_eq!(fs::read(old.join("changed.html")).expect("read"), b"before");
        assert_eq!(
            fs::read(new.join("new/deep/file.txt")).expect("read"),
            b"fresh"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let a = fs::metadata(old.join("cases/a/index.html")).expect("meta");
            let b = fs::metadata(new.join("cases/a/index.html")).expect("meta");
            assert_eq!(a.ino(), b.ino(), "unchanged file is a hard link");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_streamed_file_that_did_not_change_is_linked_from_the_previous_site() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let (old, new) = (dir.path().join("old"), dir.path().join("new"));
        fs::create_dir_all(&old).expect("mkdir");
        fs::create_dir_all(&new).expect("mkdir");
        let written = Written::default();
        let first = Writer {
            log: Some(&written),
            ..Writer::new(&old)
        };
        let fill = |text: &'static str| move |w: &mut dyn io::Write| w.write_all(text.as_bytes());
        first
            .stream("data/same.json", fill("[1, 2]"))
            .expect("stream");
        first.stream("changed.json", fill("[1]")).expect("stream");
        std::thread::sleep(std::time::Duration::from_millis(20));
        let path = dir.path().join("manifest");
        written
            .manifest()
            .save(&path, &dir.path().join("temp"))
            .expect("save");
        let known = Manifest::load(&path);
        let log = Written::default();
        let second = Writer {
            dir: &new,
            previous: Some(&old),
            known: Some(&known),
            log: Some(&log),
            recycled: false,
        };
        second
            .stream("data/same.json", fill("[1, 2]"))
            .expect("stream");
        second.stream("changed.json", fill("[2]")).expect("stream");
        let ino = |p: &Path| fs::metadata(p).expect("meta").ino();
        assert_eq!(
            ino(&old.join("data/same.json")),
            ino(&new.join("data/same.json"))
        );
        assert_ne!(
            ino(&old.join("changed.json")),
            ino(&new.join("changed.json"))
        );
        assert_eq!(fs::read(new.join("changed.json")).expect("read"), b"[2]");
        assert_eq!(fs::read(old.join("changed.json")).expect("read"), b"[1]");
        let names: Vec<_> = fs::read_dir(new.join("data"))
            .expect("read dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["same.json"], "no temporary file left");
        assert_eq!(log.manifest().len(), 2, "both recorded for the next build");
    }

    #[test]
    fn a_recycled_folder_with_a_file_where_a_folder_is_wanted_and_the_reverse() {
        let dir = tempfile::tempdir().expect("tempdir");
        let site = dir.path().join("site");
        fs::create_dir_all(site.join("b/deep")).expect("mkdir");
        fs::write(site.join("a"), "was a file").expect("write");
        fs::write(site.join("b/deep/x"), "was in a folder").expect("write");
        let written = Written::default();
        let w = Writer {
            log: Some(&written),
            recycled: true,
            ..Writer::new(&site)
        };
        w.write("a/index.html", b"page")
            .expect("file where a folder is wanted");
        w.write("b", b"now a file")
            .expect("folder where a file is wanted");
        w.stream("a/data/x.json", |o| o.write_all(b"[]"))
            .expect("stream under it");
        assert_eq!(fs::read(site.join("a/index.html")).expect("read"), b"page");
        assert_eq!(fs::read(site.join("b")).expect("read"), b"now a file");
        assert_eq!(fs::read(site.join("a/data/x.json")).expect("read"), b"[]");
    }

    #[test]
    fn a_link_in_the_old_site_is_never_reused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let old = dir.path().join("old");
        let new = dir.path().join("new");
        fs::create_dir_all(&old).expect("mkdir");
        fs::create_dir_all(&new).expect("mkdir");
        fs::write(dir.path().join("secret"), "same").expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("secret"), old.join("page.html"))
            .expect("symlink");
        let w = Writer {
            previous: Some(&old),
            ..Writer::new(&new)
        };
        w.write("page.html", b"same").expect("write");
        let meta = fs::symlink_metadata(new.join("page.html")).expect("meta");
        assert!(meta.is_file(), "a regular file, not a link");
    }
}
