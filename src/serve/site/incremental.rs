//! Rebuilding after case edits without rebuilding the site: which pages a
//! changed case touches, and writing just those over the served ones.
//!
//! A case edited in place (it keeps its place in every index, see
//! [`catalogue::same_place`]) reuses the catalogue and every other card, and
//! renders the pages that show it: its own page, the listing pages with its
//! card, the case pages that list it as related. Otherwise the catalogue is
//! indexed again and each page's signature — which cases it shows, its
//! listing's length, its group's name — is compared with the one written;
//! pages showing counts are rendered when the counts changed, and pages that
//! no longer exist are deleted.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use super::folder::{self, InMemory};
use super::{Model, WriteError, broken, output_failed};
use crate::catalogue::{self, Catalogue, Group};
use crate::pipeline;
use crate::render::{PageKind, PageSpec, Renderer};
use crate::schema::Case;
use crate::serve::Shared;

/// The catalogue's indices without the borrow: positions map to indexes
/// into [`Model::cases`], so the same catalogue can be put back together
/// over the cases after one of them was replaced in place.
#[derive(Clone)]
pub(super) struct Shape {
    order: Vec<usize>,
    by_theme: BTreeMap<String, Vec<usize>>,
    by_programme: BTreeMap<String, Vec<usize>>,
    by_county: Vec<Group>,
    by_municipality: Vec<Group>,
    by_year: BTreeMap<i32, Vec<usize>>,
    related: Vec<Vec<usize>>,
}

impl Shape {
    pub(super) fn of(catalogue: &Catalogue<'_>, cases: &[Case]) -> Shape {
        let index: HashMap<&str, usize> = cases
            .iter()
            .enumerate()
            .map(|(i, c)| (c.slug.as_str(), i))
            .collect();
        Shape {
            order: catalogue
                .cases
                .iter()
                .map(|c| index.get(c.slug.as_str()).copied().unwrap_or(0))
                .collect(),
            by_theme: catalogue.by_theme.clone(),
            by_programme: catalogue.by_programme.clone(),
            by_county: catalogue.by_county.clone(),
            by_municipality: catalogue.by_municipality.clone(),
            by_year: catalogue.by_year.clone(),
            related: catalogue.related.clone(),
        }
    }

    /// The catalogue over `cases`, lending it the indices (no copy); give
    /// them back with [`Shape::restore`].
    pub(super) fn lend<'a>(&mut self, cases: &'a [Case]) -> Catalogue<'a> {
        let (sorted, position) = self.sorted(cases);
        Catalogue {
            cases: sorted,
            by_theme: std::mem::take(&mut self.by_theme),
            by_programme: std::mem::take(&mut self.by_programme),
            by_county: std::mem::take(&mut self.by_county),
            by_municipality: std::mem::take(&mut self.by_municipality),
            by_year: std::mem::take(&mut self.by_year),
            related: std::mem::take(&mut self.related),
            position,
        }
    }

    /// `cases` in the shape's catalogue order, and each slug's position.
    fn sorted<'a>(&self, cases: &'a [Case]) -> (Vec<&'a Case>, HashMap<&'a str, usize>) {
        let sorted: Vec<&'a Case> = self.order.iter().map(|&i| &cases[i]).collect();
        let position = sorted
            .iter()
            .enumerate()
            .map(|(p, c)| (c.slug.as_str(), p))
            .collect();
        (sorted, position)
    }

    /// Takes back what [`Shape::lend`] lent.
    pub(super) fn restore(&mut self, catalogue: Catalogue<'_>) {
        self.by_theme = catalogue.by_theme;
        self.by_programme = catalogue.by_programme;
        self.by_county = catalogue.by_county;
        self.by_municipality = catalogue.by_municipality;
        self.by_year = catalogue.by_year;
        self.related = catalogue.related;
    }
}

/// What a page shows, as one number: its kind, number, the cases on it,
/// the length of its listing and its group's name.
pub(super) fn signature(cat: &Catalogue<'_>, spec: &PageSpec, shown: &[usize]) -> u64 {
    let mut h = DefaultHasher::new();
    std::mem::discriminant(&spec.kind).hash(&mut h);
    spec.number.hash(&mut h);
    let group = |g: Option<&Group>, h: &mut DefaultHasher| {
        if let Some(g) = g {
            (&g.slug, &g.name, g.cases.len()).hash(h);
        }
    };
    match &spec.kind {
        PageKind::Home => cat.cases.len().hash(&mut h),
        PageKind::Theme(id) => (id, cat.by_theme.get(id).map_or(0, Vec::len)).hash(&mut h),
        PageKind::Programme(id) => (id, cat.by_programme.get(id).map_or(0, Vec::len)).hash(&mut h),
        PageKind::County(i) => group(cat.by_county.get(*i), &mut h),
        PageKind::Municipality(i) => group(cat.by_municipality.get(*i), &mut h),
        _ => {}
    }
    for &p in shown {
        cat.cases[p].slug.hash(&mut h);
    }
    h.finish()
}

/// The counts pages show (themes, programmes, counties, municipalities,
/// years), as one number.
pub(super) fn aggregates(cat: &Catalogue<'_>) -> u64 {
    let mut h = DefaultHasher::new();
    for (k, v) in &cat.by_theme {
        (k, v.len()).hash(&mut h);
    }
    for (k, v) in &cat.by_programme {
        (k, v.len()).hash(&mut h);
    }
    for g in cat.by_county.iter().chain(&cat.by_municipality) {
        (&g.slug, &g.name, g.cases.len()).hash(&mut h);
    }
    for (k, v) in &cat.by_year {
        (k, v.len()).hash(&mut h);
    }
    cat.cases.len().hash(&mut h);
    h.finish()
}

/// Pages that show counts rather than (only) cards.
fn shows_counts(kind: &PageKind) -> bool {
    matches!(
        kind,
        PageKind::Home
            | PageKind::Themes
            | PageKind::Programmes
            | PageKind::Counties
            | PageKind::Municipalities
            | PageKind::Search
    )
}

/// Every page of the site and what it shows, kept between rebuilds: an
/// edit in place needs neither the page list nor what each page shows
/// built again.
#[derive(Default)]
pub(super) struct PageIndex {
    /// Every page, as [`Renderer::pages`] lists them.
    pub(super) specs: Vec<PageSpec>,
    /// Output file → signature of the page written there.
    pub(super) sigs: HashMap<String, u64>,
    /// Catalogue position → the pages (indexes into `specs`) showing it.
    pub(super) pages_of: Vec<Vec<u32>>,
}

impl PageIndex {
    /// Indexes `specs`, given what each shows (`shown[i]` for `specs[i]`).
    pub(super) fn new(
        cat: &Catalogue<'_>,
        specs: Vec<PageSpec>,
        shown: &[Vec<usize>],
    ) -> PageIndex {
        let sigs = specs
            .par_iter()
            .zip(shown)
            .map(|(spec, shown)| (spec.file(), signature(cat, spec, shown)))
            .collect();
        let mut pages_of = vec![Vec::new(); cat.cases.len()];
        for (i, shown) in shown.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for &p in shown {
                if let Some(pages) = pages_of.get_mut(p) {
                    pages.push(i);
                }
            }
        }
        PageIndex {
            specs,
            sigs,
            pages_of,
        }
    }
}

/// What every page shows.
pub(super) fn shown_by_all(renderer: &Renderer<'_>, specs: &[PageSpec]) -> Vec<Vec<usize>> {
    specs.par_iter().map(|s| renderer.cases_shown(s)).collect()
}

impl Model {
    /// Puts the pending changes into the site; returns the pages written
    /// or deleted.
    pub(super) fn apply(&mut self, shared: &Shared) -> Result<usize, WriteError> {
        let pending = std::mem::take(&mut self.pending);
        let dated = |cases: &[Case]| {
            cases
                .iter()
                .any(|c| c.published.is_some() || c.updated.is_some())
        };
        let had_feed = dated(&self.cases);
        let in_place = pending
            .iter()
            .all(|(file, new)| match (self.by_file.get(file), new) {
                (Some(&i), Some(case)) => catalogue::same_place(&self.cases[i], case),
                _ => false,
            });
        let mut changed: Vec<String> = Vec::new();
        for (file, new) in pending {
            match (self.by_file.get(&file).copied(), new) {
                (Some(i), Some(case)) => {
                    changed.push(case.slug.clone());
                    self.cases[i] = case;
                }
                (Some(i), None) => {
                    self.cases.swap_remove(i);
                    self.by_file.remove(&file);
                    if let Some(moved) = self.cases.get(i) {
                        self.by_file.insert(moved.file.clone(), i);
                    }
                }
                (None, Some(case)) => {
                    changed.push(case.slug.clone());
                    self.by_file.insert(file, self.cases.len());
                    self.cases.push(case);
                }
                (None, None) => {}
            }
        }
        // Every page's head and footer link the feed only while a case
        // gives a date (`render::has_feed`): when that changes, all of them do.
        if dated(&self.cases) != had_feed {
            return self.rebuild_whole(shared).map(|(pages, _)| pages);
        }
        if in_place {
            self.render_in_place(&changed, shared)
        } else {
            self.render_reindexed(&changed, shared)
        }
    }

    /// Cases edited in place: same catalogue, same pages; render those that
    /// show a changed case.
    fn render_in_place(
        &mut self,
        changed: &[String],
        shared: &Shared,
    ) -> Result<usize, WriteError> {
        let reusable = self.reusable.take();
        let catalogue = self.shape.lend(&self.cases);
        let positions: Vec<usize> = changed
            .iter()
            .filter_map(|slug| catalogue.position.get(slug.as_str()).copied())
            .collect();
        let mut targets: Vec<u32> = positions
            .iter()
            .filter_map(|&p| self.index.pages_of.get(p))
            .flatten()
            .copied()
            .collect();
        targets.sort_unstable();
        targets.dedup();
        let targets: Vec<&PageSpec> = targets
            .iter()
            .filter_map(|&i| self.index.specs.get(i as usize))
            .collect();
        let site = self.content().site(&self.base_url, self.assets.clone());
        let (result, reusable) = match reusable {
            Some(r) => {
                let renderer = Renderer::renew(site, &catalogue, r, &positions);
                let result = self.write_pages(&renderer, &targets, &[], shared);
                (result, Some(renderer.into_reusable()))
            }
            None => match Renderer::new(site, &catalogue) {
                Ok(renderer) => {
                    let result = self.write_pages(&renderer, &targets, &[], shared);
                    (result, Some(renderer.into_reusable()))
                }
                Err(e) => (Err(broken(self.config.site.skin.as_deref(), &e)), None),
            },
        };
        self.reusable = reusable;
        self.shape.restore(catalogue);
        result
    }

    /// Cases added, removed or moved in the indices: index again, render
    /// the pages whose signature changed or that show a changed case,
    /// delete the pages that are gone.
    fn render_reindexed(
        &mut self,
        changed: &[String],
        shared: &Shared,
    ) -> Result<usize, WriteError> {
        self.reusable = None;
        let catalogue = Catalogue::new(&self.config, &self.cases);
        let positions: HashSet<usize> = changed
            .iter()
            .filter_map(|slug| catalogue.position.get(slug.as_str()).copied())
            .collect();
        let renderer = pipeline::renderer(
            self.content(),
            &self.base_url,
            self.assets.clone(),
            &catalogue,
        )
        .map_err(|e| broken(self.config.site.skin.as_deref(), &e))?;
        let specs = renderer.pages();
        let counts = aggregates(&catalogue);
        let counts_changed = counts != self.aggregates;
        let shown = shown_by_all(&renderer, &specs);
        let index = PageIndex::new(&catalogue, specs, &shown);
        let old = &self.index.sigs;
        let targets: Vec<&PageSpec> = index
            .specs
            .par_iter()
            .zip(&shown)
            .filter(|(spec, shown)| {
                old.get(&spec.file()) != index.sigs.get(&spec.file())
                    || shown.iter().any(|p| positions.contains(p))
                    || (counts_changed && shows_counts(&spec.kind))
            })
            .map(|(spec, _)| spec)
            .collect();
        let gone: Vec<String> = old
            .keys()
            .filter(|f| !index.sigs.contains_key(*f))
            .cloned()
            .collect();
        let count = self.write_pages(&renderer, &targets, &gone, shared)?;
        let shape = Shape::of(&catalogue, &self.cases);
        let reusable = renderer.into_reusable();
        self.shape = shape;
        self.reusable = Some(reusable);
        self.index = index;
        self.aggregates = counts;
        Ok(count)
    }
}

impl Model {
    /// Renders the pages `targets` through the pipeline, then, once every
    /// one rendered, writes them over the served ones and deletes the
    /// pages `gone`; returns how many pages were written or deleted.
    fn write_pages(
        &self,
        renderer: &Renderer<'_>,
        targets: &[&PageSpec],
        gone: &[String],
        shared: &Shared,
    ) -> Result<usize, WriteError> {
        let skin = self.config.site.skin.as_deref();
        let rendered = InMemory::default();
        pipeline::write_pages(renderer, targets, &rendered).map_err(|e| output_failed(skin, e))?;
        let rendered = rendered.into_files();
        folder::replace(&self.dir, &rendered, gone, shared).map_err(|e| output_failed(skin, e))?;
        Ok(rendered.len() + gone.len())
    }
}
