//! Whole builds: the site loaded from disk and all of it written into a
//! new folder by the pipeline, at start and whenever the configuration, the
//! skin, a free page or a media file changes. The new folder replaces the
//! served one only once it is complete.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use std::time::Instant;

use super::folder::{Changed, NewFolder};
use super::incremental::{PageIndex, Shape, aggregates, shown_by_all};
use super::{Model, WriteError, output_failed};
use crate::config;
use crate::diagnostics::{Diagnostic, Severity};
use crate::pipeline::{self, Content, LoadError, Sinks};
use crate::render::Reusable;
use crate::serve::Shared;

/// A skin that does not load, as what the overlay shows.
pub(super) fn skin_diagnostic(error: &crate::skin::SkinError, folder: &str) -> Diagnostic {
    Diagnostic::file(Severity::Error, "skin", folder, error.to_string())
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

/// Writes a whole site into the new folder `dir`.
pub(super) fn write_whole(
    content: Content<'_>,
    root: &Path,
    base_url: &str,
    dir: &Path,
    shared: &Shared,
) -> Result<Written, WriteError> {
    {
        let _guard = shared.write_guard();
        if shared.stopping() {
            return Err(WriteError::Stopped);
        }
        fs::create_dir_all(dir).map_err(|e| {
            WriteError::Io(crate::words!(
                "io-create",
                path = dir.display().to_string(),
                reason = e.to_string()
            ))
        })?;
    }
    let folder = NewFolder { dir, shared };
    let no_files = HashMap::new();
    let catalogue_files = Changed::new(&no_files, &folder);
    let sinks = Sinks {
        pages: &folder,
        catalogue_files: &catalogue_files,
    };
    let made = pipeline::write_site(content, root, base_url, sinks, false, |renderer, specs| {
        let catalogue = renderer.catalogue;
        let shown = shown_by_all(&renderer, &specs);
        let assets = renderer.site.assets.clone();
        (
            assets,
            Shape::of(catalogue, content.cases),
            aggregates(catalogue),
            PageIndex::new(catalogue, specs, &shown),
            renderer.into_reusable(),
        )
    })
    .map_err(|e| output_failed(content.config.site.skin.as_deref(), e))?;
    let (assets, shape, aggregates, index, reusable) = made;
    Ok(Written {
        assets,
        shape,
        reusable,
        index,
        file_hashes: catalogue_files.into_hashes(),
        aggregates,
    })
}

impl Model {
    /// Reloads everything and writes it to a new folder, which then
    /// replaces the served one. Returns the pages written and the warnings.
    pub(super) fn rebuild_whole(
        &mut self,
        shared: &Shared,
    ) -> Result<(usize, Vec<Diagnostic>), WriteError> {
        let config = config::load(&self.root).map_err(WriteError::Broken)?;
        let (loaded, warnings) = match pipeline::load(&self.root, config, self.drafts, self.today) {
            Ok(loaded) => loaded,
            Err(LoadError::Invalid(checked)) => {
                return Err(WriteError::Broken(checked.diagnostics));
            }
            Err(LoadError::Skin { error, folder }) => {
                return Err(WriteError::Broken(vec![skin_diagnostic(&error, &folder)]));
            }
        };
        let generation = self.generation + 1;
        let dir = super::site_dir(&self.temp, generation);
        let written = match write_whole(loaded.content(), &self.root, &self.base_url, &dir, shared)
        {
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
        self.by_file = super::by_file(&loaded.cases);
        self.config = loaded.config;
        self.skin = loaded.skin;
        self.pages = loaded.pages;
        self.media = loaded.media;
        self.cases = loaded.cases;
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
        Ok((pages, warnings))
    }
}
