//! Whole builds: loading the site from disk and writing all of it into a
//! new folder, at start and whenever the configuration, the skin, a free
//! page or a media file changes. The new folder replaces the served one
//! only once it is complete.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;

use super::files::write_changed;
use super::incremental::{PageIndex, Shape, aggregates, shown_by_all};
use super::{Model, WriteError, broken, io};
use crate::catalogue::Catalogue;
use crate::config::{self, Config};
use crate::content;
use crate::diagnostics::{Diagnostic, Severity};
use crate::output::{self, Content};
use crate::render::{self, Renderer, Reusable, Site};
use crate::schema::page::Page;
use crate::schema::{Case, Checked, validate_site};
use crate::serve::Shared;
use crate::skin::Skin;

/// Writes a file into a folder nobody reads yet.
fn write_new(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io("create", parent))?;
    }
    fs::write(&path, bytes).map_err(io("write", &path))
}

/// Everything loaded from disk for a whole build.
pub(super) struct Loaded {
    pub(super) config: Config,
    pub(super) skin: Skin,
    pub(super) checked: Checked,
    pub(super) media: BTreeSet<String>,
}

/// Why a whole load failed.
pub(super) enum LoadError {
    Config(Vec<Diagnostic>),
    Invalid(Checked),
    Skin(Diagnostic),
}

pub(super) fn load(
    root: &Path,
    config: Option<Config>,
    drafts: bool,
    today: jiff::civil::Date,
) -> Result<Loaded, LoadError> {
    let config = match config {
        Some(c) => c,
        None => config::load(root).map_err(LoadError::Config)?,
    };
    let sources = content::load(root);
    let checked = validate_site(&config, &sources, drafts, today);
    if checked.errors() > 0 {
        return Err(LoadError::Invalid(checked));
    }
    let skin = Skin::load(root, config.site.skin.as_deref()).map_err(|e| {
        let file = config
            .site
            .skin
            .as_deref()
            .map_or_else(|| "themes".to_owned(), |s| format!("themes/{s}"));
        LoadError::Skin(Diagnostic::file(
            Severity::Error,
            "skin",
            &file,
            e.to_string(),
        ))
    })?;
    Ok(Loaded {
        config,
        skin,
        checked,
        media: sources.media,
    })
}

/// What writing a whole site produced.
pub(super) struct Written {
    pub(super) assets: BTreeMap<String, String>,
    pub(super) shape: Shape,
    pub(super) reusable: Reusable,
    pub(super) index: PageIndex,
    /// Hash of each whole-catalogue file written.
    pub(super) file_hashes: HashMap<String, u64>,
    pub(super) aggregates: u64,
}

/// The parts of a site that a whole build reads.
pub(super) struct Parts<'a> {
    pub(super) root: &'a Path,
    pub(super) base_url: &'a str,
    pub(super) config: &'a Config,
    pub(super) skin: &'a Skin,
    pub(super) cases: &'a [Case],
    pub(super) pages: &'a [Page],
    pub(super) media: &'a BTreeSet<String>,
}

/// Writes a whole site into the new folder `dir`.
pub(super) fn write_whole(
    parts: &Parts<'_>,
    dir: &Path,
    shared: &Shared,
) -> Result<Written, WriteError> {
    let catalogue = Catalogue::new(parts.config, parts.cases);
    // Each write holds the write lock and first checks for Ctrl-C, so
    // stopping waits for one file, not for the whole build.
    let write = |rel: &str, bytes: &[u8]| {
        let _guard = shared.write_guard();
        if shared.stopping() {
            return Err(WriteError::Stopped);
        }
        write_new(dir, rel, bytes)
    };
    let assets = {
        let _guard = shared.write_guard();
        if shared.stopping() {
            return Err(WriteError::Stopped);
        }
        fs::create_dir_all(dir).map_err(io("create", dir))?;
        let content = Content {
            config: parts.config,
            cases: parts.cases,
            pages: parts.pages,
            media: parts.media,
            skin: parts.skin,
        };
        output::write_assets(
            content,
            parts.root,
            parts.base_url,
            &output::files::Writer::new(dir),
        )
        .map_err(|e| WriteError::Io(e.to_string()))?
    };
    let site = Site {
        config: parts.config,
        skin: parts.skin,
        pages: parts.pages,
        base_url: parts.base_url.to_owned(),
        root: render::root_path(parts.base_url),
        assets: assets.clone(),
    };
    let skin = parts.config.site.skin.as_deref();
    let renderer = Renderer::new(site, &catalogue).map_err(|e| broken(skin, &e))?;
    let specs = renderer.pages();
    specs.par_iter().try_for_each(|spec| {
        if shared.stopping() {
            return Err(WriteError::Stopped);
        }
        let html = renderer.render(spec).map_err(|e| broken(skin, &e))?;
        write(&spec.file(), &html)
    })?;
    let file_hashes = write_changed(&renderer, &specs, parts.base_url, &HashMap::new(), &write)?;
    let shown = shown_by_all(&renderer, &specs);
    Ok(Written {
        assets,
        shape: Shape::of(&catalogue, parts.cases),
        aggregates: aggregates(&catalogue),
        reusable: renderer.into_reusable(),
        index: PageIndex::new(&catalogue, specs, &shown),
        file_hashes,
    })
}

impl Model {
    /// Reloads everything and writes it to a new folder, which then
    /// replaces the served one. Returns the pages written and the warnings.
    pub(super) fn rebuild_whole(
        &mut self,
        shared: &Shared,
    ) -> Result<(usize, Vec<Diagnostic>), WriteError> {
        let loaded = match load(&self.root, None, self.drafts, self.today) {
            Ok(l) => l,
            Err(LoadError::Config(d)) => return Err(WriteError::Broken(d)),
            Err(LoadError::Invalid(checked)) => {
                return Err(WriteError::Broken(checked.diagnostics));
            }
            Err(LoadError::Skin(d)) => return Err(WriteError::Broken(vec![d])),
        };
        let generation = self.generation + 1;
        let dir = super::site_dir(&self.temp, generation);
        let parts = Parts {
            root: &self.root,
            base_url: &self.base_url,
            config: &loaded.config,
            skin: &loaded.skin,
            cases: &loaded.checked.cases,
            pages: &loaded.checked.pages,
            media: &loaded.media,
        };
        let written = match write_whole(&parts, &dir, shared) {
            Ok(w) => w,
            Err(e) => {
                let _guard = shared.write_guard();
                let _ = fs::remove_dir_all(&dir);
                return Err(e);
            }
        };
        shared.set_current(dir.clone());
        self.retired
            .push((std::mem::replace(&mut self.dir, dir), Instant::now()));
        self.generation = generation;
        let Loaded {
            config,
            skin,
            checked,
            media,
        } = loaded;
        self.by_file = checked
            .cases
            .iter()
            .enumerate()
            .map(|(i, c)| (c.file.clone(), i))
            .collect();
        self.config = config;
        self.skin = skin;
        self.pages = checked.pages;
        self.media = media;
        self.cases = checked.cases;
        self.shape = written.shape;
        self.reusable = Some(written.reusable);
        self.assets = written.assets;
        self.aggregates = written.aggregates;
        let pages = written.index.specs.len();
        self.index = written.index;
        self.file_hashes = written.file_hashes;
        self.pending.clear();
        self.errors.clear();
        self.whole_pending = false;
        self.files_stale = false;
        Ok((pages, checked.diagnostics))
    }
}
