//! Writing the site: every page rendered in parallel into a staging folder
//! beside `--out`, then swapped in by renaming, so a failed or killed build
//! leaves the previous site exactly as it was. The staging folder is the
//! spare site the last build replaced, when there is one ([`SPARE`]), so a
//! rebuild keeps its folders and unchanged files instead of creating and
//! removing them. A marker file inside the
//! output lets `build` tell its own folder from someone else's: a non-empty
//! folder without it is refused, untouched.
//!
//! Output is deterministic: nothing depends on the clock, the thread
//! schedule or hash order; the feed's `updated` comes from the newest case.

pub mod data;
pub mod feeds;
pub mod files;
pub mod manifest;
pub mod spare;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::catalogue::Catalogue;
use crate::config::Config;
use crate::render::{self, RenderError, Renderer, Site};
use crate::schema::Case;
use crate::schema::page::Page;
use crate::skin::Skin;
use crate::timings::{self, Cpu};
use files::Writer;

/// The marker file `build` leaves in every folder it writes.
pub const MARKER: &str = ".casebook";

/// The name, after `.<out's name>`, of the spare site kept beside the
/// output: the site that the last build replaced. Removing a site's
/// thousands of folders and creating as many anew is most of a build's
/// time on a disk (about 1 s for 10 000 cases on the benchmark machine);
/// rewriting the spare instead keeps every folder and every file that did
/// not change. Its unchanged files are hard links of the live site's, so
/// it costs the disk little more than its folders. Deleting it is always
/// safe: the next build then starts from an empty folder.
pub const SPARE: &str = ".casebook-previous";

/// The name, after `.<out's name>`, of the file beside the output that
/// records the output's files for the next build ([`manifest::Manifest`]).
pub const MANIFEST: &str = ".casebook-manifest";

const MARKER_TEXT: &str = "This folder is written by `casebook build` and replaced on every build.\n\
Do not keep other files here: they would be deleted.\n";

/// What `build` needs besides the validated content.
#[derive(Clone, Debug)]
pub struct BuildOptions<'a> {
    /// The site's root folder (for `content/media/`).
    pub root: &'a Path,
    /// The output folder.
    pub out: &'a Path,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<&'a str>,
    /// Show a progress bar (only on a terminal).
    pub progress: bool,
    /// The process ends right after the build (the `build` command): the
    /// renderer's memory (every card and page, some 60 MB at 10 000 cases)
    /// is left to the operating system instead of being freed piece by
    /// piece, which took some 30 ms at the very end of the build.
    pub exits_after: bool,
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

/// Why a build wrote nothing (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output folder holds files `build` did not write.
    #[error(
        "`{}` is not empty and was not written by casebook (it has no `{MARKER}` file); refusing to replace it. Choose another `--out`, or empty the folder yourself",
        .0.display()
    )]
    Refused(PathBuf),
    /// A file operation failed.
    #[error("{action} `{}`: {source}", path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// On which path.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// `--base-url` is not an absolute http(s) URL.
    #[error(
        "`--base-url` must be an absolute http(s) address such as `https://eksempel.no/`, not `{0}`"
    )]
    BaseUrl(String),
    /// A template failed.
    #[error(transparent)]
    Render(#[from] RenderError),
}

fn io_err<'p>(action: &'static str, path: &'p Path) -> impl FnOnce(io::Error) -> OutputError + 'p {
    move |source| OutputError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// A short content fingerprint for cache-busting asset names (and the
/// search index's shard names): ten hex digits of XXH3, the hash the
/// manifest uses. A collision only means a browser keeps a stale file a
/// little longer.
pub fn fingerprint(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))[..10].to_owned()
}

/// `style.css` → `style.<hash>.css`.
fn fingerprinted_name(name: &str, bytes: &[u8]) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{}.{ext}", fingerprint(bytes)),
        None => format!("{name}.{}", fingerprint(bytes)),
    }
}

/// Checks the base URL and makes it end in `/`.
pub fn normalise_base_url(url: &str) -> Result<String, OutputError> {
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(char::is_whitespace)
        && url::Url::parse(url).is_ok();
    if !ok {
        return Err(OutputError::BaseUrl(url.to_owned()));
    }
    let mut url = url.to_owned();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

/// Whether `dir` may be replaced: absent, empty, or carrying our marker.
fn check_replaceable(dir: &Path) -> Result<(), OutputError> {
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err("cannot look at", dir)(e)),
        Ok(meta) if !meta.is_dir() => Err(OutputError::Refused(dir.to_path_buf())),
        Ok(_) => {
            if dir.join(MARKER).is_file() {
                return Ok(());
            }
            let mut entries = fs::read_dir(dir).map_err(io_err("cannot read", dir))?;
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(OutputError::Refused(dir.to_path_buf()))
            }
        }
    }
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

/// Removes staging and backup folders that builds killed before they could
/// clean up left beside the output.
fn clean_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let ours = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let pid = [
            ".casebook-staging-",
            ".casebook-old-",
            ".casebook-manifest-",
        ]
        .iter()
        .find_map(|kind| {
            file_name
                .strip_prefix(&format!(".{name}{kind}"))
                .and_then(|p| p.parse::<u32>().ok())
        });
        if let Some(pid) = pid
            && pid != ours
            && !process_alive(pid)
        {
            // A build killed between its two renames left the old site only
            // as its backup: put it back rather than delete the last site.
            let out = parent.join(name);
            if file_name.contains(".casebook-old-")
                && fs::symlink_metadata(&out).is_err()
                && fs::rename(entry.path(), &out).is_ok()
            {
                continue;
            }
            if file_name.contains(".casebook-old-") {
                let _ = keep_as_spare(&entry.path(), parent, name);
            } else if file_name.contains(".casebook-manifest-") {
                let _ = fs::remove_file(entry.path());
            } else {
                let _ = files::remove_tree(&entry.path());
            }
        }
    }
}

/// The validated content a build publishes.
#[derive(Clone, Copy, Debug)]
pub struct Content<'a> {
    /// Configuration.
    pub config: &'a Config,
    /// Published cases.
    pub cases: &'a [Case],
    /// Free pages.
    pub pages: &'a [Page],
    /// Files under `content/media/`.
    pub media: &'a BTreeSet<String>,
    /// The skin.
    pub skin: &'a Skin,
}

/// The staging folder of a build, made ready (the spare site claimed and
/// surveyed) by [`prepare`], which `build` runs while it reads and
/// validates the content.
#[derive(Debug)]
pub struct Prepared {
    parent: PathBuf,
    name: String,
    staging: PathBuf,
    survey: Option<spare::Survey>,
}

/// Makes the staging folder for a build into `out` ready: refuses a folder
/// casebook did not write, cleans what killed builds left, and claims and
/// surveys the spare site when there is one.
pub fn prepare(out: &Path) -> Result<Prepared, OutputError> {
    check_replaceable(out)?;
    let name = out
        .file_name()
        .map_or_else(|| "public".to_owned(), |n| n.to_string_lossy().into_owned());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_err("cannot create", &parent))?;
    clean_leftovers(&parent, &name);
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.casebook-staging-{pid}"));
    if staging.exists() {
        files::remove_tree(&staging)?;
    }
    // The site before the one being replaced, kept by the last build, is
    // rewritten into the new one: most of its folders and files stand
    // already (see `SPARE`).
    let spare = parent.join(format!(".{name}{SPARE}"));
    let survey = match claim_spare(&spare, &staging) {
        Some(survey) => Some(survey),
        None => {
            fs::create_dir_all(&staging).map_err(io_err("cannot create", &staging))?;
            None
        }
    };
    Ok(Prepared {
        parent,
        name,
        staging,
        survey,
    })
}

impl Prepared {
    /// Gives the staging folder up (the build will not happen): it becomes
    /// the spare again, or is removed.
    pub fn abandon(self) {
        give_up(&self.staging, &self.parent, &self.name);
    }
}

/// A staging folder that will not be swapped in: even half-written it is
/// good as a spare (the next build surveys whatever it holds), so it
/// becomes the spare when there is none; otherwise it is removed.
fn give_up(staging: &Path, parent: &Path, name: &str) {
    let spare = parent.join(format!(".{name}{SPARE}"));
    if !staging.join(MARKER).is_file()
        || fs::symlink_metadata(&spare).is_ok()
        || fs::rename(staging, &spare).is_err()
    {
        let _ = files::remove_tree(staging);
    }
}

/// Builds the site into `options.out`, atomically.
pub fn build(content: Content<'_>, options: &BuildOptions<'_>) -> Result<Summary, OutputError> {
    let started = Instant::now();
    let prepared = prepare(options.out)?;
    timings::stage("prepare output", started);
    build_prepared(content, options, prepared)
}

/// [`build`] into a staging folder made ready by [`prepare`] for
/// `options.out`.
pub fn build_prepared(
    content: Content<'_>,
    options: &BuildOptions<'_>,
    prepared: Prepared,
) -> Result<Summary, OutputError> {
    let base_url =
        match normalise_base_url(options.base_url.unwrap_or(&content.config.site.base_url)) {
            Ok(url) => url,
            Err(e) => {
                prepared.abandon();
                return Err(e);
            }
        };
    let out = options.out;
    let pid = std::process::id();
    let Prepared {
        parent,
        name,
        staging,
        survey,
    } = prepared;
    let written = manifest::Written::default();
    // Files that did not change are linked from the site being replaced
    // (only one that `build` wrote: it has the marker), known by the hashes
    // the build that wrote it recorded.
    let previous = out.join(MARKER).is_file().then_some(out);
    let manifest_path = parent.join(format!(".{name}{MANIFEST}"));
    let known = previous.map(|_| manifest::Manifest::load(&manifest_path));
    let writer = Writer {
        dir: &staging,
        previous,
        known: known.as_ref(),
        log: Some(&written),
        recycled: survey.is_some(),
    };
    let result = write_site(content, options, &base_url, &writer);
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            give_up(&staging, &parent, &name);
            return Err(e);
        }
    };
    let t = Instant::now();
    let manifest = written.manifest();
    if let Some(survey) = survey {
        survey.prune(&staging, written)?;
    }
    timings::stage("prune", t);
    let t = Instant::now();
    // The manifest is a hint checked against each file (see `Manifest`):
    // one that is stale or missing (a kill right after the swap) only costs
    // the next build some reading.
    swap(&staging, out, &parent, &name, pid)?;
    let temp = parent.join(format!(".{name}{MANIFEST}-{pid}"));
    let _ = manifest.save(&manifest_path, &temp);
    timings::stage("swap", t);
    Ok(summary)
}

/// Takes the spare site at `spare` for rewriting, renamed to `staging`, and
/// surveys it. None when there is none, or it is not one of ours (then it
/// is left alone), or it cannot be surveyed (then it is removed).
fn claim_spare(spare: &Path, staging: &Path) -> Option<spare::Survey> {
    if !spare.join(MARKER).is_file() || fs::rename(spare, staging).is_err() {
        return None;
    }
    match spare::Survey::take(staging) {
        Ok(survey) => Some(survey),
        Err(_) => {
            let _ = files::remove_tree(staging);
            None
        }
    }
}

/// Replaces `out` with `staging` by renames: old → backup, staging → out,
/// then the backup becomes the spare the next build rewrites. If the second
/// rename fails the old site is put back.
fn swap(
    staging: &Path,
    out: &Path,
    parent: &Path,
    name: &str,
    pid: u32,
) -> Result<(), OutputError> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(staging, out).map_err(io_err("cannot move the new site to", out));
    }
    let backup = parent.join(format!(".{name}.casebook-old-{pid}"));
    if backup.exists() {
        files::remove_tree(&backup)?;
    }
    fs::rename(out, &backup).map_err(io_err("cannot move the old site away from", out))?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&backup, out);
        let _ = files::remove_tree(staging);
        return Err(io_err("cannot move the new site to", out)(e));
    }
    keep_as_spare(&backup, parent, name)
}

/// Keeps the replaced site `old` as the spare, or removes it when a spare
/// is there already (another build's) or it is not a whole site of ours.
fn keep_as_spare(old: &Path, parent: &Path, name: &str) -> Result<(), OutputError> {
    let spare = parent.join(format!(".{name}{SPARE}"));
    if old.join(MARKER).is_file()
        && fs::symlink_metadata(&spare).is_err()
        && fs::rename(old, &spare).is_ok()
    {
        return Ok(());
    }
    files::remove_tree(old)
}

/// Writes the skin's static files (fingerprinted) and copies
/// `content/media/` with `writer`; returns each asset's root-relative URL by
/// its name under `static/`, for [`render::Site::assets`]. `build` and
/// `serve` both start a site with it.
pub fn write_assets(
    content: Content<'_>,
    root: &Path,
    base_url: &str,
    writer: &Writer<'_>,
) -> Result<BTreeMap<String, String>, OutputError> {
    let mut assets = BTreeMap::new();
    for (name, bytes) in &content.skin.statics {
        let file = fingerprinted_name(name, bytes);
        writer.write(&format!("static/{file}"), bytes)?;
        assets.insert(
            name.clone(),
            format!("{}static/{file}", render::root_path(base_url)),
        );
    }
    // Media, copied as they are.
    let media_dir = root.join("content/media");
    content
        .media
        .par_iter()
        .try_for_each(|rel| writer.copy(&format!("media/{rel}"), &media_dir.join(rel)))?;
    Ok(assets)
}

/// Writes the files made from the whole catalogue at once — the feed, the
/// sitemaps, `robots.txt`, the open data and the search index — into `dir`.
/// `build` calls it after the pages; `serve` calls it again after a
/// rebuild, so a new whole-site file belongs here.
pub fn write_site_files(
    renderer: &Renderer<'_>,
    pages: &[render::PageSpec],
    base_url: &str,
    dir: &Path,
) -> Result<(), OutputError> {
    each_site_file(renderer, pages, base_url, &Writer::new(dir))
}

/// Where [`each_site_file`] puts a file. It may be called from several
/// threads at once. A plain `Fn(&str, &[u8])` is one, whose
/// [`Sink::stream`] gathers the file in memory first.
pub trait Sink: Sync {
    /// Puts `bytes` at `rel`.
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError>;

    /// Puts at `rel` what `fill` writes, for a file too big to hold whole
    /// (the open data: some 50 MB each at 10 000 cases).
    fn stream(&self, rel: &str, fill: &mut Fill<'_>) -> Result<(), OutputError> {
        let mut bytes = Vec::new();
        fill(&mut bytes).map_err(|source| OutputError::Io {
            action: "cannot write",
            path: PathBuf::from(rel),
            source,
        })?;
        self.write(rel, &bytes)
    }
}

/// What [`Sink::stream`] calls to write a file's bytes.
pub type Fill<'f> = dyn FnMut(&mut dyn io::Write) -> io::Result<()> + 'f;

impl<F> Sink for F
where
    F: Fn(&str, &[u8]) -> Result<(), OutputError> + Sync,
{
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        self(rel, bytes)
    }
}

impl Sink for Writer<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        Writer::write(self, rel, bytes)
    }

    fn stream(&self, rel: &str, fill: &mut Fill<'_>) -> Result<(), OutputError> {
        Writer::stream(self, rel, |w| fill(w))
    }
}

/// Makes the files of [`write_site_files`] and hands each to `writer`
/// instead of writing it: `serve` writes only those that changed.
pub fn each_site_file(
    renderer: &Renderer<'_>,
    pages: &[render::PageSpec],
    base_url: &str,
    writer: &dyn Sink,
) -> Result<(), OutputError> {
    each_listing_file(renderer, pages, base_url, writer)?;
    each_search_file(renderer.catalogue, renderer.site.config, writer)
}

/// The feed, the sitemaps, `robots.txt` and the open data.
fn each_listing_file(
    renderer: &Renderer<'_>,
    pages: &[render::PageSpec],
    base_url: &str,
    writer: &dyn Sink,
) -> Result<(), OutputError> {
    let t = Instant::now();
    writer.write("feed.xml", &renderer.feed()?)?;
    timings::stage("feed", t);
    let t = Instant::now();
    let urls: Vec<String> = pages
        .iter()
        .filter(|p| p.in_sitemap())
        .map(|p| renderer.site.absolute(&p.path))
        .collect();
    for (file, text) in feeds::sitemaps(&urls, base_url) {
        writer.write(&file, text.as_bytes())?;
    }
    writer.write("robots.txt", feeds::robots(base_url).as_bytes())?;
    timings::stage("sitemaps", t);
    let t = Instant::now();
    writer.stream("cases.json", &mut |w| data::write_cases_json(renderer, w))?;
    writer.stream("cases.csv", &mut |w| data::write_cases_csv(renderer, w))?;
    timings::stage("open data", t);
    Ok(())
}

/// The search index, facet data and snippet texts (src/search), each file
/// written as soon as it is made. They need the catalogue only.
fn each_search_file(
    catalogue: &Catalogue<'_>,
    config: &crate::config::Config,
    writer: &dyn Sink,
) -> Result<(), OutputError> {
    let t = Instant::now();
    crate::search::write(catalogue, config, &|path, bytes| writer.write(path, bytes))?;
    timings::stage("search index", t);
    Ok(())
}

fn write_site(
    content: Content<'_>,
    options: &BuildOptions<'_>,
    base_url: &str,
    writer: &Writer<'_>,
) -> Result<Summary, OutputError> {
    let t = Instant::now();
    writer.write(MARKER, MARKER_TEXT.as_bytes())?;
    let assets = write_assets(content, options.root, base_url, writer)?;
    timings::stage("assets", t);

    let t = Instant::now();
    let catalogue = Catalogue::new(content.config, content.cases);
    timings::stage("catalogue", t);
    // The search index needs only the catalogue, so it is made on a thread
    // of its own from now on, beside the cards and pages (and the feed,
    // sitemaps and open data, which `render_site` writes beside the
    // pages). Each spreads its work over rayon's threads, so both cores
    // stay busy to the end instead of waiting on one job at a time.
    let (pages, searched) = std::thread::scope(|scope| {
        let search = scope.spawn(|| each_search_file(&catalogue, content.config, writer));
        let pages = render_site(content, options, base_url, assets, &catalogue, writer);
        let searched = search
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (pages, searched)
    });
    let pages = pages?;
    searched?;
    Ok(Summary {
        cases: content.cases.len(),
        themes: content.config.themes.len(),
        pages,
    })
}

/// Renders and writes every page, and beside them the feed, sitemaps and
/// open data; returns how many pages there are.
fn render_site(
    content: Content<'_>,
    options: &BuildOptions<'_>,
    base_url: &str,
    assets: BTreeMap<String, String>,
    catalogue: &Catalogue<'_>,
    writer: &Writer<'_>,
) -> Result<usize, OutputError> {
    let t = Instant::now();
    let site = Site {
        config: content.config,
        skin: content.skin,
        pages: content.pages,
        base_url: base_url.to_owned(),
        root: render::root_path(base_url),
        assets,
    };
    let renderer = Renderer::new(site, catalogue)?;
    let pages = renderer.pages();
    timings::stage("templates + cards", t);
    let bar = if options.progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(pages.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} pages")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message("building");
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let (rendered, listed) = rayon::join(
        || {
            let t = Instant::now();
            // On rayon's threads, one per core: rendering is computing, and
            // writing a page seldom waits (unchanged pages are not written
            // at all, new ones go to the page cache). On the 16 I/O threads
            // the same work was slower, rebuilds (0.93 → 0.87 s at 10 000
            // cases) and first builds alike: more switching, more memory.
            let rendered = pages.par_iter().try_for_each(|spec| {
                let r = Instant::now();
                let html = renderer.render(spec)?;
                timings::add(Cpu::Render, r);
                let w = Instant::now();
                writer.write(&spec.file(), &html)?;
                timings::add(Cpu::Write, w);
                bar.inc(1);
                Ok::<(), OutputError>(())
            });
            timings::stage("pages (render + write)", t);
            rendered
        },
        || each_listing_file(&renderer, &pages, base_url, writer),
    );
    bar.finish_and_clear();
    rendered?;
    listed?;
    let count = pages.len();
    if options.exits_after {
        std::mem::forget(pages);
        std::mem::forget(renderer);
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_short() {
        assert_eq!(fingerprint(b"body{}"), fingerprint(b"body{}"));
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
        assert_eq!(
            fingerprinted_name("style.css", b"x").len(),
            "style..css".len() + 10
        );
    }

    #[test]
    fn a_backup_left_by_a_killed_swap_is_restored_not_deleted() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A pid above the kernel's maximum is never alive.
        let backup = dir.path().join(".public.casebook-old-4294967295");
        fs::create_dir_all(&backup).expect("create backup");
        fs::write(backup.join("index.html"), "old site").expect("write");
        clean_leftovers(dir.path(), "public");
        assert_eq!(
            fs::read_to_string(dir.path().join("public/index.html")).expect("restored"),
            "old site"
        );
        assert!(!backup.exists());
    }

    #[test]
    fn a_foreign_folder_is_not_replaceable() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(check_replaceable(&dir.path().join("absent")).is_ok());
        assert!(check_replaceable(dir.path()).is_ok(), "empty folder");
        fs::write(dir.path().join("index.html"), "mine").expect("write");
        assert!(matches!(
            check_replaceable(dir.path()),
            Err(OutputError::Refused(_))
        ));
        fs::write(dir.path().join(MARKER), "").expect("write");
        assert!(check_replaceable(dir.path()).is_ok());
    }

    #[test]
    fn base_urls_are_checked() {
        assert_eq!(
            normalise_base_url("https://x.no").expect("ok"),
            "https://x.no/"
        );
        assert!(normalise_base_url("x.no").is_err());
        assert!(normalise_base_url("javascript:alert(1)").is_err());
    }
}
