//! The load and validate stages, run as one: the case files are found
//! ([`content`]) and each is read just before it is validated ([`schema`])
//! and its text let go right after, so the files' text (50 MB at 10 000
//! cases) is never all in memory beside the cases made from it. `check`,
//! `build` and `serve` (its first build, every whole rebuild and the few
//! cases an edit touches) all load this way.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use crate::config::Config;
use crate::content::{self, Found};
use crate::diagnostics::Diagnostic;
use crate::schema::page::Page;
use crate::schema::{self, Case, Checked};
use crate::skin::{Skin, SkinError};
use crate::timings;

/// A site loaded and validated without errors: what the later stages
/// publish.
#[derive(Debug)]
pub struct Loaded {
    /// The configuration.
    pub config: Config,
    /// The skin the configuration names (or the built-in one).
    pub skin: Skin,
    /// Published cases, in file order.
    pub cases: Vec<Case>,
    /// Free pages.
    pub pages: Vec<Page>,
    /// Files under `content/media/`.
    pub media: BTreeSet<String>,
    /// Case files marked `draft: true` left out (without `--drafts`).
    pub drafts_skipped: usize,
}

/// Why a site could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The content has errors: every diagnostic is in here.
    Invalid(Checked),
    /// The skin does not load.
    Skin {
        /// What is wrong.
        error: SkinError,
        /// The skin's folder relative to the root (`themes/<name>`), or
        /// `themes` for the built-in one.
        folder: String,
    },
}

/// Reads and validates every case and page of the site at `root`; also
/// returns the files under `content/media/`.
pub fn check(
    root: &Path,
    config: &Config,
    drafts: bool,
    today: jiff::civil::Date,
) -> (Checked, BTreeSet<String>) {
    let t = Instant::now();
    let found = content::find(root);
    let checked = validate(root, config, &found, drafts, today);
    timings::stage("read + parse + validate", t);
    (checked, found.media)
}

/// Reads and validates only the case files `files` (relative to `root`),
/// as `serve` does after a save; `media` is what `content/media/` holds.
pub fn check_cases(
    root: &Path,
    config: &Config,
    files: &BTreeSet<String>,
    media: &BTreeSet<String>,
    drafts: bool,
    today: jiff::civil::Date,
) -> Checked {
    let found = content::find_cases(root, files.iter().map(String::as_str), media.clone());
    validate(root, config, &found, drafts, today)
}

fn validate(
    root: &Path,
    config: &Config,
    found: &Found,
    drafts: bool,
    today: jiff::civil::Date,
) -> Checked {
    schema::validate_files(
        config,
        found,
        |path| content::read_source(root, path).map(Cow::Owned),
        drafts,
        today,
    )
}

/// Loads the site at `root` with its configuration `config`: every case
/// and page validated, then the skin. Returns the site and its warnings.
pub fn load(
    root: &Path,
    config: Config,
    drafts: bool,
    today: jiff::civil::Date,
) -> Result<(Loaded, Vec<Diagnostic>), LoadError> {
    let (checked, media) = check(root, &config, drafts, today);
    if checked.errors() > 0 {
        return Err(LoadError::Invalid(checked));
    }
    let t = Instant::now();
    let skin = Skin::load(root, config.site.skin.as_deref()).map_err(|error| LoadError::Skin {
        error,
        folder: config
            .site
            .skin
            .as_deref()
            .map_or_else(|| "themes".to_owned(), |s| format!("themes/{s}")),
    })?;
    timings::stage("skin", t);
    let loaded = Loaded {
        config,
        skin,
        cases: checked.cases,
        pages: checked.pages,
        media,
        drafts_skipped: checked.drafts_skipped,
    };
    Ok((loaded, checked.diagnostics))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture_copy() -> tempfile::TempDir {
        let fixture =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites/full");
        let dir = tempfile::tempdir().expect("tempdir");
        for entry in walkdir::WalkDir::new(&fixture) {
            let entry = entry.expect("fixture entry");
            let to = dir
                .path()
                .join(entry.path().strip_prefix(&fixture).expect("inside"));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy");
            }
        }
        dir
    }

    #[test]
    fn reading_while_validating_gives_what_loading_first_gives() {
        let dir = fixture_copy();
        let cases = dir.path().join("content/cases");
        std::fs::write(cases.join("ikkje-utf8.md"), b"---\ntitle: \xff\n---\n").expect("write");
        std::fs::write(cases.join("tom.md"), "").expect("write");
        std::fs::write(
            cases.join("utkast.md"),
            "---\ntitle: Utkast\ndraft: true\n---\n",
        )
        .expect("write");
        let config = crate::config::load(dir.path()).expect("fixture config");
        let today = jiff::civil::date(2026, 1, 1);
        for drafts in [false, true] {
            let sources = crate::content::load(dir.path());
            let loaded = schema::validate_site(&config, &sources, drafts, today);
            let (read, media) = check(dir.path(), &config, drafts, today);
            assert!(loaded.errors() >= 2, "{:?}", loaded.diagnostics);
            assert_eq!(read.diagnostics, loaded.diagnostics);
            assert_eq!(read.case_files, loaded.case_files);
            assert_eq!(format!("{:?}", read.cases), format!("{:?}", loaded.cases));
            assert_eq!(format!("{:?}", read.pages), format!("{:?}", loaded.pages));
            assert_eq!(media, sources.media);
        }
    }

    #[test]
    fn checking_some_cases_gives_what_checking_all_gives_for_them() {
        let dir = fixture_copy();
        let config = crate::config::load(dir.path()).expect("fixture config");
        let today = jiff::civil::date(2026, 1, 1);
        let (all, media) = check(dir.path(), &config, false, today);
        let first = all.cases.first().expect("a case").file.clone();
        let files = BTreeSet::from([first.clone(), "content/cases/gone.md".to_owned()]);
        let some = check_cases(dir.path(), &config, &files, &media, false, today);
        let cases: Vec<&str> = some.cases.iter().map(|c| c.file.as_str()).collect();
        assert_eq!(cases, [first.as_str()]);
        assert_eq!(
            format!("{:?}", some.cases[0]),
            format!("{:?}", all.cases[0])
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_case_linked_from_outside_the_site_is_refused_when_checked_alone() {
        let dir = fixture_copy();
        let outside = tempfile::tempdir().expect("tempdir");
        let config = crate::config::load(dir.path()).expect("fixture config");
        let today = jiff::civil::date(2026, 1, 1);
        let (all, media) = check(dir.path(), &config, false, today);
        let target = outside.path().join("ute.md");
        std::fs::copy(dir.path().join(&all.cases[0].file), &target).expect("copy");
        std::os::unix::fs::symlink(&target, dir.path().join("content/cases/ute.md"))
            .expect("symlink");
        let files = BTreeSet::from(["content/cases/ute.md".to_owned()]);
        let some = check_cases(dir.path(), &config, &files, &media, false, today);
        assert!(some.cases.is_empty());
        let codes: Vec<&str> = some.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["symlink-outside"]);
    }
}
