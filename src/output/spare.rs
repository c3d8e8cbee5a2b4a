//! The spare site a build rewrites into the new one: what it holds, and
//! removing what the new site does not have.

use std::fs;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::files::remove_tree;
use super::manifest::Written;
use super::{OutputError, io_err};

/// What an older site, about to be rewritten into the new one, holds: its
/// files and folders, as `/`-separated paths under it. Taking it also
/// removes every entry that is neither (links, pipes …), so that writing
/// into the folder can never follow a link out of it.
#[derive(Debug, Default)]
pub struct Survey {
    files: Vec<String>,
    dirs: Vec<String>,
}

impl Survey {
    /// Surveys `dir`.
    pub fn take(dir: &Path) -> Result<Survey, OutputError> {
        survey_in(dir, "")
    }

    /// Removes, after a build wrote `written` into the folder, every file
    /// and folder of the survey the build did not write (pages of cases
    /// that are gone).
    pub fn prune(self, dir: &Path, written: Written) -> Result<(), OutputError> {
        let written = written.into_map();
        let mut kept_dirs: FxHashSet<&str> = FxHashSet::default();
        for rel in written.keys() {
            let mut rest = rel.as_str();
            while let Some(i) = rest.rfind('/') {
                rest = &rest[..i];
                if !kept_dirs.insert(rest) {
                    break;
                }
            }
        }
        let parent_kept = |rel: &str| rel.rfind('/').is_none_or(|i| kept_dirs.contains(&rel[..i]));
        self.files
            .par_iter()
            .filter(|rel| !written.contains_key(rel.as_str()) && parent_kept(rel))
            .try_for_each(|rel| {
                let path = dir.join(rel);
                match fs::remove_file(&path) {
                    Err(e) if e.kind() != io::ErrorKind::NotFound => {
                        Err(io_err("io-remove", &path)(e))
                    }
                    _ => Ok(()),
                }
            })?;
        self.dirs
            .par_iter()
            .filter(|rel| !kept_dirs.contains(rel.as_str()) && parent_kept(rel))
            .try_for_each(|rel| remove_tree(&dir.join(rel)))
    }
}

fn survey_in(root: &Path, rel: &str) -> Result<Survey, OutputError> {
    let dir = if rel.is_empty() {
        root.to_path_buf()
    } else {
        root.join(rel)
    };
    let entries = fs::read_dir(&dir).map_err(io_err("io-read", &dir))?;
    let mut survey = Survey::default();
    let mut subdirs = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io_err("io-read", &dir))?;
        let name = entry.file_name();
        let child = match name.to_str() {
            Some(name) if rel.is_empty() => name.to_owned(),
            Some(name) => format!("{rel}/{name}"),
            None => {
                // No page of ours has such a name.
                remove_entry(&entry.path())?;
                continue;
            }
        };
        match entry.file_type() {
            Ok(t) if t.is_dir() => subdirs.push(child),
            Ok(t) if t.is_file() => survey.files.push(child),
            _ => remove_entry(&entry.path())?,
        }
    }
    let nested: Vec<Survey> = subdirs
        .par_iter()
        .map(|sub| survey_in(root, sub))
        .collect::<Result<_, _>>()?;
    survey.dirs.extend(subdirs);
    for n in nested {
        survey.files.extend(n.files);
        survey.dirs.extend(n.dirs);
    }
    Ok(survey)
}

/// Removes one entry that is not a folder (a folder: the whole tree).
fn remove_entry(path: &Path) -> Result<(), OutputError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => remove_tree(path),
        _ => match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(io_err("io-remove", path)(e)),
            _ => Ok(()),
        },
    }
}
