//! The site being served and how it is rebuilt.
//!
//! [`Model`] keeps the last good site: its configuration, skin and cases,
//! the catalogue's indices, every case's card, and for every page a
//! signature of what it shows. A batch of changes is rebuilt in one of
//! three ways:
//!
//! - **an edited case** that keeps its place in every index (same
//!   municipality, title, themes, programme, county and years; see
//!   [`catalogue::same_place`]): the catalogue is reused as it is, one card
//!   is rebuilt, and only the pages showing that case are rendered — its
//!   own page, the listing pages with its card, the case pages listing it as
//!   related;
//! - **a case added, removed or moved** in the indices: the catalogue is
//!   rebuilt, and a page is rendered when its signature (which cases it
//!   shows, its listing's length, its group's name) changed, when it shows a
//!   changed case, or when it shows counts and the counts changed; pages
//!   that no longer exist are deleted;
//! - **configuration, skin, free pages or media**: everything is reloaded
//!   and written to a new folder, which replaces the served one at once.
//!
//! This module decides which pages a change touches; loading, validating,
//! indexing, rendering and writing are the [`pipeline`]'s, which `build`
//! runs too. Pages are rendered into memory first and written only when
//! all of them rendered, each by renaming a new file over the old one, so a request
//! never sees half a page and a failed rebuild leaves the last good site.
//! The whole-catalogue files (open data, feed, sitemaps, search index) take
//! longest and no page waits for them: they are rewritten once no change
//! has arrived for a moment.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify_debouncer_full::DebounceEventResult;
use tower_livereload::Reloader;

mod files;
mod folder;
mod incremental;
mod whole;

use incremental::{PageIndex, Shape};
use whole::{skin_diagnostic, write_whole};

use super::overlay::Overlay;
use super::watch::{self, Changes, Skins, Watcher};
use super::{Event, Options, Reporter, ServeError, Shared};
use crate::config::Config;
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::output::OutputError;
use crate::pipeline::{self, Content, LoadError};
use crate::render::{RenderError, Reusable};
use crate::schema::Case;
use crate::schema::page::Page;
use crate::skin::Skin;

/// How long the server waits without changes before rewriting the
/// whole-catalogue files.
const IDLE: Duration = Duration::from_millis(250);

/// How long a replaced site folder is kept for requests already reading it.
const RETIRE_AFTER: Duration = Duration::from_secs(2);

/// What the rebuilding thread receives.
pub enum Message {
    /// A batch of debounced file-system events.
    Fs(DebounceEventResult),
    /// The whole-catalogue files were rewritten.
    Files(files::Done),
    /// The server is stopping.
    Stop,
}

/// Why the first build did not produce a site.
pub enum StartError {
    /// Ctrl-C arrived during it.
    Stopped,
    /// It failed.
    Serve(ServeError),
}

/// What the first build made.
pub struct StartSummary {
    /// Cases published.
    pub cases: usize,
    /// Pages written.
    pub pages: usize,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
}

/// Why a rebuild wrote nothing.
enum WriteError {
    /// The server is stopping.
    Stopped,
    /// The content or the skin is broken: show these.
    Broken(Vec<Diagnostic>),
    /// A file could not be written.
    Io(String),
}

/// A template error as what the overlay shows.
fn broken(skin: Option<&str>, e: &RenderError) -> WriteError {
    WriteError::Broken(vec![template_diagnostic(skin, e)])
}

/// A failure of the pipeline as what the server does about it.
fn output_failed(skin: Option<&str>, e: OutputError) -> WriteError {
    match e {
        OutputError::Stopped => WriteError::Stopped,
        OutputError::Render(e) => broken(skin, &e),
        other => WriteError::Io(other.to_string()),
    }
}

/// A template error as a diagnostic: Tera's message names the template
/// and the position (`--> case.html:1:55`); a site's own template is a file
/// under `themes/<skin>/templates/`, a built-in one is named as such.
fn template_diagnostic(skin: Option<&str>, e: &RenderError) -> Diagnostic {
    let text = e.to_string();
    let at = text.split("--> ").nth(1).and_then(|rest| {
        let place = rest.split_whitespace().next()?;
        let mut parts = place.rsplitn(3, ':');
        let column = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        Some((parts.next()?.to_owned(), line, column))
    });
    let template = match (e, &at) {
        (_, Some((name, _, _))) => Some(name.clone()),
        (RenderError::Template { template, .. }, None) => Some(template.clone()),
        (RenderError::Skin(_), None) => None,
    };
    let file = match (template, skin) {
        (Some(t), _) if t.starts_with(crate::skin::DEFAULT_PREFIX) => crate::words!(
            "template-built-in",
            name = t.trim_start_matches(crate::skin::DEFAULT_PREFIX)
        ),
        (Some(t), Some(skin)) => format!("themes/{skin}/templates/{t}"),
        (Some(t), None) => crate::words!("template-named", name = t.as_str()),
        (None, Some(skin)) => format!("themes/{skin}"),
        (None, None) => crate::words!("templates"),
    };
    let mut d = Diagnostic::file(Severity::Error, "template", &file, text.replace('\n', " "))
        .with_help(crate::words!("template-help"));
    if let Some((_, line, column)) = at {
        d.line = line;
        d.column = column;
    }
    d
}

/// The folder of the `generation`th whole build inside the temporary
/// folder (`site-0` is the first).
pub fn site_dir(temp: &Path, generation: u32) -> PathBuf {
    temp.join(format!("site-{generation}"))
}

/// The site path of a file relative to the root, `/`-separated (as
/// `content::load` names files).
fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Each case's file (relative to the root) → its index in `cases`.
fn by_file(cases: &[Case]) -> HashMap<String, usize> {
    cases
        .iter()
        .enumerate()
        .map(|(i, c)| (c.file.clone(), i))
        .collect()
}

/// The last good site and what has changed since.
pub struct Model {
    root: PathBuf,
    temp: PathBuf,
    drafts: bool,
    today: jiff::civil::Date,
    base_url: String,
    config: Config,
    skin: Skin,
    pages: Vec<Page>,
    media: BTreeSet<String>,
    /// The published cases, in no particular order.
    cases: Vec<Case>,
    /// Case file (relative to the root) → index into `cases`.
    by_file: HashMap<String, usize>,
    shape: Shape,
    reusable: Option<Reusable>,
    assets: BTreeMap<String, String>,
    /// Every page and what it shows.
    index: PageIndex,
    aggregates: u64,
    /// The folder being served.
    dir: PathBuf,
    generation: u32,
    /// Validated changes to case files not yet in the site (while broken).
    pending: BTreeMap<String, Option<Case>>,
    /// A whole rebuild is due (it failed, or is waiting on a fix).
    whole_pending: bool,
    /// The errors the site has now, by file.
    errors: BTreeMap<String, Vec<Diagnostic>>,
    /// The whole-catalogue files are older than the pages.
    files_stale: bool,
    /// A job rewriting them is running.
    files_job: bool,
    /// Hash of each whole-catalogue file as last written by a job.
    file_hashes: HashMap<String, u64>,
    /// Replaced site folders, removed a little later.
    retired: Vec<(PathBuf, Instant)>,
}

impl Model {
    /// Builds the site for the first time, into [`site_dir`] 0.
    pub fn start(
        options: &Options,
        config: Config,
        url: &str,
        temp: &Path,
        shared: &Shared,
    ) -> Result<(Model, StartSummary), StartError> {
        let root = options.root.clone();
        let (loaded, warnings) = match pipeline::load(&root, config, options.drafts, options.today)
        {
            Ok(loaded) => loaded,
            Err(LoadError::Invalid(checked)) => {
                return Err(StartError::Serve(ServeError::Invalid {
                    errors: checked.errors(),
                    files_with_errors: checked.files_with_errors(),
                    case_files: checked.case_files,
                    diagnostics: checked.diagnostics,
                }));
            }
            Err(LoadError::Skin { error, folder }) => {
                let d = skin_diagnostic(&error, &folder);
                return Err(StartError::Serve(ServeError::Skin(d.message)));
            }
        };
        let dir = site_dir(temp, 0);
        let written = match write_whole(loaded.content(), &root, url, &dir, shared) {
            Ok(w) => w,
            Err(WriteError::Stopped) => return Err(StartError::Stopped),
            Err(WriteError::Broken(d)) => {
                let message = d.first().map_or_else(String::new, |d| d.message.clone());
                return Err(StartError::Serve(ServeError::Skin(message)));
            }
            Err(WriteError::Io(message)) => {
                return Err(StartError::Serve(ServeError::Write(message)));
            }
        };
        let summary = StartSummary {
            cases: loaded.cases.len(),
            pages: written.index.specs.len(),
            warnings,
        };
        let by_file = by_file(&loaded.cases);
        let pipeline::Loaded {
            config,
            skin,
            cases,
            pages,
            media,
            ..
        } = loaded;
        let model = Model {
            root,
            temp: temp.to_path_buf(),
            drafts: options.drafts,
            today: options.today,
            base_url: url.to_owned(),
            config,
            skin,
            pages,
            media,
            cases,
            by_file,
            shape: written.shape,
            reusable: Some(written.reusable),
            assets: written.assets,
            aggregates: written.aggregates,
            index: written.index,
            dir,
            generation: 0,
            pending: BTreeMap::new(),
            whole_pending: false,
            errors: BTreeMap::new(),
            files_stale: false,
            files_job: false,
            file_hashes: written.file_hashes,
            retired: Vec::new(),
        };
        Ok((model, summary))
    }

    /// The site's content as the pipeline reads it.
    fn content(&self) -> Content<'_> {
        Content {
            config: &self.config,
            skin: &self.skin,
            cases: &self.cases,
            pages: &self.pages,
            media: &self.media,
        }
    }

    /// Every error of the site now, in file order.
    fn all_errors(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self.errors.values().flatten().cloned().collect();
        diagnostics::sort(&mut all);
        all
    }

    /// Rebuilds after a batch of changes and tells browsers to reload.
    fn on_changes(
        &mut self,
        changes: Changes,
        shared: &Shared,
        reloader: &Reloader,
        report: &Reporter,
    ) {
        let started = Instant::now();
        let changed: Vec<String> = changes.labels.into_iter().collect();
        if changes.full.is_some() || self.whole_pending {
            self.whole_pending = true;
            match self.rebuild_whole(shared) {
                Ok((pages, warnings)) => {
                    shared.set_overlay(None);
                    reloader.reload();
                    report(Event::Rebuilt {
                        changed,
                        pages,
                        full: true,
                        warnings,
                        elapsed: started.elapsed(),
                    });
                }
                Err(e) => self.failed(e, changed, shared, reloader, report),
            }
            return;
        }
        let (results, diagnostics) = self.validate(&changes.cases);
        let mut warnings = Vec::new();
        for (file, _) in &results {
            self.errors.remove(file);
        }
        for d in diagnostics {
            if d.is_error() {
                self.errors.entry(d.file.clone()).or_default().push(d);
            } else {
                warnings.push(d);
            }
        }
        for (file, case) in results {
            if case.is_none() && !self.by_file.contains_key(&file) {
                // Not published before, not now (a draft, or gone again).
                self.pending.remove(&file);
            } else {
                self.pending.insert(file, case);
            }
        }
        if !self.errors.is_empty() {
            self.failed(
                WriteError::Broken(self.all_errors()),
                changed,
                shared,
                reloader,
                report,
            );
            return;
        }
        let was_broken = shared.overlay().is_some();
        if self.pending.is_empty() && !was_broken {
            return;
        }
        match self.apply(shared) {
            Ok(pages) => {
                shared.set_overlay(None);
                reloader.reload();
                self.files_stale = true;
                report(Event::Rebuilt {
                    changed,
                    pages,
                    full: false,
                    warnings,
                    elapsed: started.elapsed(),
                });
            }
            Err(e) => {
                // The cases were changed in memory but the pages were not
                // written: start again from the files on the next change.
                self.whole_pending = true;
                self.failed(e, changed, shared, reloader, report);
            }
        }
    }

    fn failed(
        &mut self,
        error: WriteError,
        changed: Vec<String>,
        shared: &Shared,
        reloader: &Reloader,
        report: &Reporter,
    ) {
        match error {
            WriteError::Stopped => {}
            WriteError::Broken(diagnostics) => {
                let errors: Vec<Diagnostic> = diagnostics
                    .into_iter()
                    .filter(Diagnostic::is_error)
                    .collect();
                shared.set_overlay(Some(Overlay::new(errors.clone())));
                reloader.reload();
                report(Event::Broken {
                    changed,
                    diagnostics: errors,
                });
            }
            WriteError::Io(message) => report(Event::Trouble { message }),
        }
    }

    /// Reads and validates the given case files (and those sharing a slug
    /// with one of them, to catch duplicates): each file's case (`None`
    /// when it is gone or a skipped draft), and every diagnostic.
    fn validate(
        &self,
        paths: &BTreeSet<PathBuf>,
    ) -> (Vec<(String, Option<Case>)>, Vec<Diagnostic>) {
        let mut files: BTreeSet<String> = paths.iter().map(|p| rel_path(&self.root, p)).collect();
        let stems: HashSet<String> = paths
            .iter()
            .filter_map(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        for (file, &i) in &self.by_file {
            if stems.contains(&self.cases[i].slug) {
                files.insert(file.clone());
            }
        }
        let checked = pipeline::check_cases(
            &self.root,
            &self.config,
            &files,
            &self.media,
            self.drafts,
            self.today,
        );
        let diagnostics = checked.diagnostics;
        let mut cases: HashMap<String, Case> = checked
            .cases
            .into_iter()
            .map(|c| (c.file.clone(), c))
            .collect();
        let results = files
            .into_iter()
            .map(|f| {
                let case = cases.remove(&f);
                (f, case)
            })
            .collect();
        (results, diagnostics)
    }

    fn has_idle_work(&self) -> bool {
        (self.files_stale && !self.files_job) || !self.retired.is_empty()
    }

    /// Work done when no change has arrived for a moment: start rewriting
    /// the whole-catalogue files, remove replaced folders.
    fn idle(&mut self, shared: &Arc<Shared>, tx: &Sender<Message>) {
        let now = Instant::now();
        let (old, young): (Vec<_>, Vec<_>) = std::mem::take(&mut self.retired)
            .into_iter()
            .partition(|(_, at)| now.duration_since(*at) >= RETIRE_AFTER);
        self.retired = young;
        if !old.is_empty() {
            let _guard = shared.write_guard();
            for (dir, _) in old {
                let _ = fs::remove_dir_all(dir);
            }
        }
        if self.files_stale && !self.files_job && self.errors.is_empty() && !self.whole_pending {
            self.files_stale = false;
            self.start_files_job(shared, tx);
        }
    }

    /// A files job ended.
    fn files_done(&mut self, done: files::Done, report: &Reporter) {
        self.files_job = false;
        if done.dir == self.dir {
            self.file_hashes = done.hashes;
        }
        if let Some(message) = done.error {
            report(Event::Trouble {
                message: crate::words!("serve-files-failed", reason = message),
            });
        }
    }
}

/// The rebuilding thread: waits for changes and rebuilds, until told to
/// stop or the server is stopping.
pub fn run_loop(
    mut model: Model,
    (tx, rx): (Sender<Message>, Receiver<Message>),
    mut watcher: Watcher,
    shared: &Arc<Shared>,
    reloader: &Reloader,
    report: &Reporter,
) {
    loop {
        if shared.stopping() {
            return;
        }
        let first = if model.has_idle_work() {
            match rx.recv_timeout(IDLE) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    model.idle(shared, &tx);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
        } else {
            match rx.recv() {
                Ok(m) => m,
                Err(_) => return,
            }
        };
        let mut events = Vec::new();
        let mut errors = Vec::new();
        let mut stop = false;
        for message in std::iter::once(first).chain(rx.try_iter()) {
            match message {
                Message::Stop => stop = true,
                Message::Fs(Ok(batch)) => events.extend(batch),
                Message::Fs(Err(batch)) => errors.extend(batch),
                Message::Files(done) => model.files_done(done, report),
            }
        }
        if stop || shared.stopping() {
            return;
        }
        for e in &errors {
            report(Event::Trouble {
                message: crate::words!("serve-watching", reason = watch::explain(e)),
            });
        }
        let changes = watch::classify(
            &model.root,
            &model.temp,
            if model.whole_pending {
                Skins::All
            } else {
                Skins::Named(model.config.site.skin.as_deref())
            },
            &events,
        );
        for path in &changes.rewatch {
            if path.is_dir()
                && let Err(e) = watcher.watch(path, RecursiveMode::Recursive)
            {
                report(Event::Trouble {
                    message: crate::words!(
                        "serve-cannot-watch",
                        path = path.display().to_string(),
                        reason = watch::explain(&e)
                    ),
                });
            }
        }
        if !changes.is_empty() {
            model.on_changes(changes, shared, reloader, report);
        }
    }
}
