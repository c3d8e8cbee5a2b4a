//! The files made from the whole catalogue at once, each handed to a
//! [`Sink`] as soon as it is made: the feed, the sitemaps and `robots.txt`,
//! the open data ([`data`]) and the search index ([`crate::search`]).
//! `build` writes them beside the pages; `serve` rewrites them once edits
//! pause, so a new whole-catalogue file belongs here.

use std::time::Instant;

use crate::catalogue::Catalogue;
use crate::config::Config;
use crate::output::{OutputError, Sink, data, feeds};
use crate::render::{PageSpec, Renderer};
use crate::timings;

/// The feed, the sitemaps of the pages `specs`, `robots.txt` and the open
/// data.
pub(super) fn listing(
    renderer: &Renderer<'_>,
    specs: &[PageSpec],
    sink: &dyn Sink,
) -> Result<(), OutputError> {
    let base_url = &renderer.site.base_url;
    let t = Instant::now();
    if renderer.has_feed() {
        sink.write("feed.xml", &renderer.feed()?)?;
    }
    timings::stage("feed", t);
    let t = Instant::now();
    let urls: Vec<String> = specs
        .iter()
        .filter(|p| p.in_sitemap())
        .map(|p| renderer.site.absolute(&p.path))
        .collect();
    for (file, text) in feeds::sitemaps(&urls, base_url) {
        sink.write(&file, text.as_bytes())?;
    }
    sink.write("robots.txt", feeds::robots(base_url).as_bytes())?;
    timings::stage("sitemaps", t);
    let t = Instant::now();
    sink.stream("cases.json", &mut |w| data::write_cases_json(renderer, w))?;
    sink.stream("cases.csv", &mut |w| data::write_cases_csv(renderer, w))?;
    sink.stream("cases.xlsx", &mut |w| data::write_cases_xlsx(renderer, w))?;
    timings::stage("open data", t);
    Ok(())
}

/// The search index, facet data and snippet texts; they need the
/// catalogue only.
pub(super) fn search(
    catalogue: &Catalogue<'_>,
    config: &Config,
    sink: &dyn Sink,
) -> Result<(), OutputError> {
    let t = Instant::now();
    crate::search::write(catalogue, config, &|path, bytes| sink.write(path, bytes))?;
    timings::stage("search index", t);
    Ok(())
}
