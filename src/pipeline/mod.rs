//! The pipeline driver: the one place that runs the stages in order —
//! load and validate ([`load`]: [`content`](crate::content) and
//! [`schema`](crate::schema)), [`catalogue`](crate::catalogue),
//! [`render`](crate::render), and write ([`output`]) — for `check`, for
//! `build`, and for `serve`'s first build and every rebuild.
//!
//! [`build`] is the `build` command: it makes the output's staging folder
//! ready while the content is read, writes the site with [`write_site`] and
//! swaps it in. `serve` calls [`write_site`] with its own [`Sink`]s for a
//! whole build; after an edit it works out which pages the edit touches and
//! asks for just those ([`write_pages`]), and later for the files made from
//! the whole catalogue ([`write_catalogue_files`]). Stage times are recorded
//! here for `CASEBOOK_TIMINGS` ([`timings`]).

mod emit;
pub mod load;

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;

use crate::catalogue::Catalogue;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::output::{self, OutputError, Sink};
use crate::render::{PageSpec, RenderError, Renderer, Site};
use crate::schema::page::Page;
use crate::schema::{Case, Checked};
use crate::skin::{Skin, SkinError};
use crate::timings::{self, Cpu};

pub use load::{LoadError, Loaded, check, check_cases, load};

/// The validated content a site is made from.
#[derive(Clone, Copy, Debug)]
pub struct Content<'a> {
    /// Configuration.
    pub config: &'a Config,
    /// The skin.
    pub skin: &'a Skin,
    /// Published cases.
    pub cases: &'a [Case],
    /// Free pages.
    pub pages: &'a [Page],
    /// Files under `content/media/`.
    pub media: &'a BTreeSet<String>,
}

impl<'a> Content<'a> {
    /// The site as rendering sees it, published at `base_url` with the
    /// skin's assets at the URLs in `assets`.
    pub fn site(&self, base_url: &str, assets: BTreeMap<String, String>) -> Site<'a> {
        Site::new(self.config, self.skin, self.pages, base_url, assets)
    }
}

impl Loaded {
    /// The loaded site as the later stages read it.
    pub fn content(&self) -> Content<'_> {
        Content {
            config: &self.config,
            skin: &self.skin,
            cases: &self.cases,
            pages: &self.pages,
            media: &self.media,
        }
    }
}

/// Reads the site's configuration (`content/site.yaml` and the files
/// beside it); its problems come back as diagnostics.
pub fn load_config(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    let t = Instant::now();
    let config = crate::config::load(root);
    timings::stage("config", t);
    config
}

/// Where [`write_site`] puts the site's files.
#[derive(Clone, Copy)]
pub struct Sinks<'s> {
    /// The pages and the assets.
    pub pages: &'s dyn Sink,
    /// The files made from the whole catalogue: feed, sitemaps,
    /// `robots.txt`, open data, search index.
    pub catalogue_files: &'s dyn Sink,
}

/// Writes a whole site: the assets, then the catalogue, then every page
/// rendered and written beside the whole-catalogue files. Hands the
/// renderer and the page list to `finish` before they are dropped (`serve`
/// keeps what it needs of them for its rebuilds) and returns what it makes.
pub fn write_site<T>(
    content: Content<'_>,
    root: &Path,
    base_url: &str,
    sinks: Sinks<'_>,
    progress: bool,
    finish: impl FnOnce(Renderer<'_>, Vec<PageSpec>) -> T,
) -> Result<T, OutputError> {
    let t = Instant::now();
    let assets = output::write_assets(content.skin, content.media, root, base_url, sinks.pages)?;
    timings::stage("assets", t);
    let t = Instant::now();
    let catalogue = Catalogue::new(content.config, content.cases);
    timings::stage("catalogue", t);
    // The search index needs only the catalogue, so it is made on a thread
    // of its own from now on, beside the cards and pages (and the feed,
    // sitemaps and open data, which are written beside the pages). Each
    // spreads its work over rayon's threads, so both cores stay busy to
    // the end instead of waiting on one job at a time.
    let (made, searched) = std::thread::scope(|scope| {
        let search =
            scope.spawn(|| emit::search(&catalogue, content.config, sinks.catalogue_files));
        let made = (|| {
            let t = Instant::now();
            let renderer = Renderer::new(content.site(base_url, assets), &catalogue)?;
            let specs = renderer.pages();
            timings::stage("templates + cards", t);
            let bar = progress_bar(progress, specs.len());
            let (rendered, listed) = rayon::join(
                || {
                    let t = Instant::now();
                    let rendered = render_into(&renderer, &specs, sinks.pages, &bar);
                    timings::stage("pages (render + write)", t);
                    rendered
                },
                || emit::listing(&renderer, &specs, sinks.catalogue_files),
            );
            bar.finish_and_clear();
            rendered?;
            listed?;
            Ok::<T, OutputError>(finish(renderer, specs))
        })();
        let searched = search
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (made, searched)
    });
    let made = made?;
    searched?;
    Ok(made)
}

/// The renderer of `content`'s site over `catalogue`.
pub fn renderer<'a>(
    content: Content<'a>,
    base_url: &str,
    assets: BTreeMap<String, String>,
    catalogue: &'a Catalogue<'a>,
) -> Result<Renderer<'a>, RenderError> {
    Renderer::new(content.site(base_url, assets), catalogue)
}

/// Renders the pages `specs` and puts each into `sink`: the pages a
/// rebuild asks for.
pub fn write_pages(
    renderer: &Renderer<'_>,
    specs: &[&PageSpec],
    sink: &dyn Sink,
) -> Result<(), OutputError> {
    render_into(renderer, specs, sink, &indicatif::ProgressBar::hidden())
}

/// Writes the files made from the whole catalogue of `renderer`'s site,
/// whose pages are `specs`, and nothing else.
pub fn write_catalogue_files(
    renderer: &Renderer<'_>,
    specs: &[PageSpec],
    sink: &dyn Sink,
) -> Result<(), OutputError> {
    emit::listing(renderer, specs, sink)?;
    emit::search(renderer.catalogue, renderer.site.config, sink)
}

fn render_into<S: Borrow<PageSpec> + Sync>(
    renderer: &Renderer<'_>,
    specs: &[S],
    sink: &dyn Sink,
    bar: &indicatif::ProgressBar,
) -> Result<(), OutputError> {
    // On rayon's threads, one per core: rendering is computing, and
    // writing a page seldom waits (unchanged pages are not written at all,
    // new ones go to the page cache), so more threads only switch more.
    specs.par_iter().try_for_each(|spec| {
        let spec = spec.borrow();
        let r = Instant::now();
        let html = renderer.render(spec)?;
        timings::add(Cpu::Render, r);
        let w = Instant::now();
        sink.write(&spec.file(), &html)?;
        timings::add(Cpu::Write, w);
        bar.inc(1);
        Ok(())
    })
}

/// A progress bar of `len` pages on stderr, or a hidden one.
fn progress_bar(shown: bool, len: usize) -> indicatif::ProgressBar {
    if !shown {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} pages")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message("building");
    bar
}

/// What `build` is asked to do.
#[derive(Clone, Debug)]
pub struct BuildOptions<'a> {
    /// The site's root folder.
    pub root: &'a Path,
    /// The output folder.
    pub out: &'a Path,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<&'a str>,
    /// Include cases marked `draft: true`.
    pub drafts: bool,
    /// Today's date, for "published in the future".
    pub today: jiff::civil::Date,
    /// Show a progress bar (only on a terminal).
    pub progress: bool,
}

/// What a build wrote.
#[derive(Clone, Debug)]
pub struct Summary {
    /// Cases published.
    pub cases: usize,
    /// Themes in the vocabulary.
    pub themes: usize,
    /// HTML pages written.
    pub pages: usize,
}

/// A finished build: what it wrote, and the content's warnings.
#[derive(Debug)]
pub struct Built {
    /// What was written.
    pub summary: Summary,
    /// Warnings (the content had no errors).
    pub warnings: Vec<Diagnostic>,
    /// Case files marked `draft: true` left out (without `--drafts`).
    pub drafts_skipped: usize,
}

/// Why `build` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has errors (exit code 1); every diagnostic is in here.
    #[error("{}", crate::words!("content-invalid", problems = crate::words::count("problems", .0.errors())))]
    Invalid(Checked),
    /// The skin does not load.
    #[error("{}", crate::words!("skin-unloadable"))]
    Skin(#[source] SkinError),
    /// The output could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Builds the site at `options.root` with its configuration `config` into
/// `options.out`, atomically.
pub fn build(config: Config, options: &BuildOptions<'_>) -> Result<Built, BuildError> {
    // The output's staging folder is made ready (the spare site surveyed:
    // thousands of folders read) while the content is read and validated.
    let preparing = {
        let out = options.out.to_path_buf();
        std::thread::spawn(move || output::prepare(&out))
    };
    let loaded = load(options.root, config, options.drafts, options.today);
    let t = Instant::now();
    let staging = preparing
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    timings::stage("prepare output (waited)", t);
    let (loaded, warnings) = match loaded {
        Ok(loaded) => loaded,
        Err(e) => {
            if let Ok(staging) = staging {
                staging.abandon();
            }
            return Err(match e {
                LoadError::Invalid(checked) => BuildError::Invalid(checked),
                LoadError::Skin { error, .. } => BuildError::Skin(error),
            });
        }
    };
    let drafts_skipped = loaded.drafts_skipped;
    let summary = write(loaded.content(), options, staging?)?;
    Ok(Built {
        summary,
        warnings,
        drafts_skipped,
    })
}

/// Writes `content` into `staging` (made ready by [`output::prepare`] for
/// `options.out`) and swaps it in.
pub fn write(
    content: Content<'_>,
    options: &BuildOptions<'_>,
    staging: output::Staging,
) -> Result<Summary, OutputError> {
    let written =
        output::normalise_base_url(options.base_url.unwrap_or(&content.config.site.base_url))
            .and_then(|base_url| {
                let writer = staging.writer()?;
                let sinks = Sinks {
                    pages: &writer,
                    catalogue_files: &writer,
                };
                write_site(
                    content,
                    options.root,
                    &base_url,
                    sinks,
                    options.progress,
                    |_, specs| specs.len(),
                )
            });
    let pages = match written {
        Ok(pages) => pages,
        Err(e) => {
            staging.abandon();
            return Err(e);
        }
    };
    let t = Instant::now();
    staging.finish()?;
    timings::stage("prune + swap", t);
    Ok(Summary {
        cases: content.cases.len(),
        themes: content.config.themes.len(),
        pages,
    })
}
