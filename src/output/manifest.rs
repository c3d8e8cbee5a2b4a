//! What a build records of the files it wrote, so that the next build can
//! tell an unchanged file by its hash without reading it back.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;
use std::sync::Mutex;

use rustc_hash::FxHashMap;

/// A file as a build left it: enough to recognise it unchanged on disk
/// later (inode, size, modification time) and its content's hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    hash: [u8; 16],
    size: u64,
    mtime: (i64, i64),
    ino: u64,
}

impl Entry {
    pub(super) fn of(meta: &fs::Metadata, hash: [u8; 16]) -> Option<Entry> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Entry {
                hash,
                size: meta.len(),
                mtime: (meta.mtime(), meta.mtime_nsec()),
                ino: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = (meta, hash);
            None
        }
    }
}

/// The first line of a manifest; one with another first line (an older
/// hash, say) is not read.
const HEADER: &str = "casebook manifest 2: xxh3-128, size, mtime, nanoseconds, inode, path";

/// The hash a manifest records: XXH3's 128 bits.
pub(super) fn hash(bytes: &[u8]) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128(bytes).to_le_bytes()
}

/// The paths a [`Writer`](super::files::Writer) has written, with the [`Entry`] of each file it
/// wrote whole (streamed and copied files have none).
#[derive(Debug, Default)]
pub struct Written(Mutex<FxHashMap<String, Option<Entry>>>);

impl Written {
    pub(super) fn insert(&self, rel: &str, entry: Option<Entry>) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(rel.to_owned(), entry);
    }

    pub(super) fn into_map(self) -> FxHashMap<String, Option<Entry>> {
        self.0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The manifest of the files written.
    pub fn manifest(&self) -> Manifest {
        let map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Manifest(
            map.iter()
                .filter_map(|(rel, entry)| Some((rel.clone(), (*entry)?)))
                .collect(),
            (0, 0),
        )
    }
}

/// The [`Entry`] of every file a build wrote whole, by path. `build` keeps
/// it beside the output for the next build. It is only ever a hint: an
/// entry counts only while the file on disk still has its inode, size and
/// modification time, so a file changed by hand is read, not trusted. As
/// in git's index, an entry whose time is not older than the manifest's own
/// is not trusted either: the clock may not have ticked between the build
/// writing the file and someone changing it.
#[derive(Debug, Default)]
pub struct Manifest(FxHashMap<String, Entry>, (i64, i64));

impl Manifest {
    /// Reads a manifest saved by [`Manifest::save`]; an unreadable one is
    /// empty.
    pub fn load(path: &Path) -> Manifest {
        let Ok(text) = fs::read_to_string(path) else {
            return Manifest::default();
        };
        let Some(saved) = fs::metadata(path)
            .ok()
            .and_then(|meta| Entry::of(&meta, [0; 16]))
            .map(|e| e.mtime)
        else {
            return Manifest::default();
        };
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Manifest::default();
        }
        let mut map = FxHashMap::default();
        for line in lines {
            let mut f = line.splitn(6, '\t');
            let mut next = || f.next();
            let (Some(h), Some(size), Some(secs), Some(nsecs), Some(ino), Some(rel)) =
                (next(), next(), next(), next(), next(), next())
            else {
                return Manifest::default();
            };
            let mut hash = [0u8; 16];
            if h.len() != 32
                || !(0..16).all(|i| {
                    u8::from_str_radix(&h[2 * i..2 * i + 2], 16)
                        .map(|b| hash[i] = b)
                        .is_ok()
                })
            {
                return Manifest::default();
            }
            let (Ok(size), Ok(secs), Ok(nsecs), Ok(ino)) =
                (size.parse(), secs.parse(), nsecs.parse(), ino.parse())
            else {
                return Manifest::default();
            };
            map.insert(
                rel.to_owned(),
                Entry {
                    hash,
                    size,
                    mtime: (secs, nsecs),
                    ino,
                },
            );
        }
        Manifest(map, saved)
    }

    /// How many files it records.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it records no file.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Saves the manifest at `path` (written beside, then renamed).
    pub fn save(&self, path: &Path, temp: &Path) -> io::Result<()> {
        let mut text = String::with_capacity(self.0.len() * 96);
        text.push_str(HEADER);
        text.push('\n');
        let mut rows: Vec<_> = self.0.iter().collect();
        rows.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (rel, e) in rows {
            for b in e.hash {
                let _ = write!(text, "{b:02x}");
            }
            let _ = writeln!(
                text,
                "\t{}\t{}\t{}\t{}\t{rel}",
                e.size, e.mtime.0, e.mtime.1, e.ino
            );
        }
        fs::write(temp, text)?;
        fs::rename(temp, path)
    }

    /// Whether `meta` is the file recorded at `rel` with content `hash`;
    /// None when the manifest cannot say (no entry, or the file changed
    /// since).
    pub(super) fn holds(&self, rel: &str, meta: &fs::Metadata, hash: [u8; 16]) -> Option<bool> {
        let entry = self.0.get(rel)?;
        let now = Entry::of(meta, entry.hash)?;
        (now == *entry && entry.mtime < self.1).then_some(entry.hash == hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_round_trips_and_vouches_only_for_untouched_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let site = dir.path().join("site");
        fs::create_dir_all(site.join("a")).expect("mkdir");
        let written = Written::default();
        // As the build's writer records each file it writes.
        let write = |rel: &str, bytes: &[u8]| {
            let path = site.join(rel);
            fs::write(&path, bytes).expect("write");
            let meta = fs::symlink_metadata(&path).expect("meta");
            written.insert(rel, Entry::of(&meta, hash(bytes)));
        };
        write("a/index.html", b"one");
        write("b.html", b"two");
        let path = dir.path().join("manifest");
        // A tick of the clock between the files and the manifest.
        std::thread::sleep(std::time::Duration::from_millis(20));
        written
            .manifest()
            .save(&path, &dir.path().join("temp"))
            .expect("save");
        let loaded = Manifest::load(&path);
        assert_eq!(loaded.0, written.manifest().0);
        let meta = |rel: &str| fs::symlink_metadata(site.join(rel)).expect("meta");
        assert_eq!(
            loaded.holds("a/index.html", &meta("a/index.html"), hash(b"one")),
            Some(true)
        );
        assert_eq!(
            loaded.holds("a/index.html", &meta("a/index.html"), hash(b"uno")),
            Some(false)
        );
        assert_eq!(loaded.holds("c.html", &meta("b.html"), hash(b"two")), None);
        // Changed by hand: the entry no longer describes the file.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(site.join("b.html"), b"owt").expect("write");
        assert_eq!(loaded.holds("b.html", &meta("b.html"), hash(b"two")), None);
        // A damaged manifest is empty, not an error.
        fs::write(&path, format!("{HEADER}\nnot\ta\tmanifest\n")).expect("write");
        assert!(Manifest::load(&path).0.is_empty());
        // So is one from an older casebook, whose hashes are another kind.
        written
            .manifest()
            .save(&path, &dir.path().join("temp"))
            .expect("save");
        let text = fs::read_to_string(&path).expect("read");
        let older = text.replacen(HEADER, "casebook manifest 1: hash, size, mtime", 1);
        fs::write(&path, older).expect("write");
        assert!(Manifest::load(&path).0.is_empty());
    }
}
