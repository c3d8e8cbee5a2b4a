//! Which pages a site has, where each goes, and how listings are paginated.

use super::*;

/// Which page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// The catalogue (`/`, `/page/n/`).
    Home,
    /// A case, by catalogue position.
    Case(usize),
    /// `/cases/<slug>/embed/`: the case as a card for other sites' frames.
    Embed(usize),
    /// `/cases/<slug>/oembed.json`: the oEmbed answer for that card.
    Oembed(usize),
    /// `/themes/`.
    Themes,
    /// `/themes/<id>/`.
    Theme(String),
    /// `/programmes/`.
    Programmes,
    /// `/programmes/<id>/`.
    Programme(String),
    /// `/counties/`.
    Counties,
    /// `/counties/<slug>/`, by position in `by_county`.
    County(usize),
    /// `/municipalities/`.
    Municipalities,
    /// `/municipalities/<slug>/`, by position in `by_municipality`.
    Municipality(usize),
    /// `/pages/<slug>/`, by position.
    FreePage(usize),
    /// `/search/`.
    Search,
    /// `/404.html`.
    NotFound,
}

/// One page to write.
#[derive(Clone, Debug)]
pub struct PageSpec {
    /// Site path: `` (front page), `cases/molde/`, `404.html`.
    pub path: String,
    /// What it shows.
    pub kind: PageKind,
    /// Page number within a paginated listing (1-based).
    pub number: usize,
}

impl PageSpec {
    /// A page that is not one of a listing's numbered pages.
    pub(super) fn single(path: impl Into<String>, kind: PageKind) -> PageSpec {
        PageSpec {
            path: path.into(),
            kind,
            number: 1,
        }
    }

    /// The output file, relative to the output folder: a path ending in
    /// `/` is a folder with `index.html`, any other is the file itself.
    pub fn file(&self) -> String {
        if self.path.is_empty() || self.path.ends_with('/') {
            format!("{}index.html", self.path)
        } else {
            self.path.clone()
        }
    }

    /// Whether the page belongs in the sitemap: not the 404 page, and not
    /// the embedded card and its oEmbed answer, which only stand in for
    /// the case page.
    pub fn in_sitemap(&self) -> bool {
        !matches!(
            self.kind,
            PageKind::NotFound | PageKind::Embed(_) | PageKind::Oembed(_)
        )
    }
}

fn page_path(base: &str, number: usize) -> String {
    if number <= 1 {
        base.to_owned()
    } else {
        format!("{base}page/{number}/")
    }
}

fn pages_for(count: usize) -> usize {
    count.div_ceil(PER_PAGE).max(1)
}

/// The pagination object of a listing page.
#[derive(Clone, Debug, Serialize)]
pub(super) struct Pagination {
    current: usize,
    total: usize,
    items: usize,
    previous: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Clone, Debug, Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
    gap: bool,
}

impl Renderer<'_> {
    /// Catalogue positions of every case whose data the page shows: the
    /// case itself and its related cases on a case page, the cards on a
    /// listing page. `serve` re-renders a page when one of them changes, so
    /// keep this in step with [`Renderer::render`]. Pages that show only
    /// counts (the term lists, the catalogue's browse lists) return what
    /// their cards show; `serve` tracks the counts itself.
    pub fn cases_shown(&self, spec: &PageSpec) -> Vec<usize> {
        let cat = self.catalogue;
        let listed = |positions: &[usize]| {
            let start = (spec.number.max(1) - 1) * PER_PAGE;
            positions
                .get(start..(start + PER_PAGE).min(positions.len()))
                .unwrap_or(&[])
                .to_vec()
        };
        match &spec.kind {
            PageKind::Home => {
                let start = (spec.number.max(1) - 1) * PER_PAGE;
                (start..(start + PER_PAGE).min(cat.cases.len())).collect()
            }
            PageKind::Case(i) => {
                let mut shown = vec![*i];
                shown.extend(cat.related.get(*i).map_or(&[][..], Vec::as_slice));
                shown
            }
            PageKind::Embed(i) | PageKind::Oembed(i) => vec![*i],
            PageKind::Theme(id) => listed(cat.by_theme.get(id).map_or(&[][..], Vec::as_slice)),
            PageKind::Programme(id) => {
                listed(cat.by_programme.get(id).map_or(&[][..], Vec::as_slice))
            }
            PageKind::County(i) => listed(cat.by_county.get(*i).map_or(&[][..], |g| &g.cases)),
            PageKind::Municipality(i) => {
                let cases = cat.by_municipality.get(*i).map_or(&[][..], |g| &g.cases);
                let mut shown = listed(cases);
                // Every page of a municipality shows facts from its first case.
                if let Some(&first) = cases.first()
                    && !shown.contains(&first)
                {
                    shown.push(first);
                }
                shown
            }
            PageKind::Themes
            | PageKind::Programmes
            | PageKind::Counties
            | PageKind::Municipalities
            | PageKind::FreePage(_)
            | PageKind::Search
            | PageKind::NotFound => Vec::new(),
        }
    }

    /// Every page of the site, in a stable order.
    pub fn pages(&self) -> Vec<PageSpec> {
        let cat = self.catalogue;
        let mut out = Vec::with_capacity(cat.cases.len() + 64);
        let listing = |base: &str, count: usize, kind: PageKind, out: &mut Vec<PageSpec>| {
            for number in 1..=pages_for(count) {
                out.push(PageSpec {
                    path: page_path(base, number),
                    kind: kind.clone(),
                    number,
                });
            }
        };
        listing("", cat.cases.len(), PageKind::Home, &mut out);
        for (i, case) in cat.cases.iter().enumerate() {
            out.push(PageSpec::single(
                format!("cases/{}/", case.slug),
                PageKind::Case(i),
            ));
            out.push(PageSpec::single(
                format!("cases/{}/embed/", case.slug),
                PageKind::Embed(i),
            ));
            out.push(PageSpec::single(
                format!("cases/{}/oembed.json", case.slug),
                PageKind::Oembed(i),
            ));
        }
        out.push(PageSpec::single("themes/", PageKind::Themes));
        for theme in &self.site.config.themes {
            let n = cat.by_theme.get(&theme.id).map_or(0, Vec::len);
            listing(
                &format!("themes/{}/", theme.id),
                n,
                PageKind::Theme(theme.id.clone()),
                &mut out,
            );
        }
        out.push(PageSpec::single("programmes/", PageKind::Programmes));
        for programme in &self.site.config.programmes {
            let n = cat.by_programme.get(&programme.id).map_or(0, Vec::len);
            listing(
                &format!("programmes/{}/", programme.id),
                n,
                PageKind::Programme(programme.id.clone()),
                &mut out,
            );
        }
        out.push(PageSpec::single("counties/", PageKind::Counties));
        for (i, g) in cat.by_county.iter().enumerate() {
            listing(
                &format!("counties/{}/", g.slug),
                g.cases.len(),
                PageKind::County(i),
                &mut out,
            );
        }
        out.push(PageSpec::single(
            "municipalities/",
            PageKind::Municipalities,
        ));
        for (i, g) in cat.by_municipality.iter().enumerate() {
            listing(
                &format!("municipalities/{}/", g.slug),
                g.cases.len(),
                PageKind::Municipality(i),
                &mut out,
            );
        }
        for (i, p) in self.site.pages.iter().enumerate() {
            out.push(PageSpec::single(
                format!("pages/{}/", p.slug),
                PageKind::FreePage(i),
            ));
        }
        out.push(PageSpec::single("search/", PageKind::Search));
        out.push(PageSpec::single("404.html", PageKind::NotFound));
        out
    }

    pub(super) fn pagination(&self, base: &str, number: usize, items: usize) -> Pagination {
        let total = pages_for(items);
        let mut pages = Vec::new();
        let mut last_shown = 0;
        for n in 1..=total {
            let show = n == 1 || n == total || n.abs_diff(number) <= 2;
            if !show {
                continue;
            }
            if last_shown + 1 < n {
                pages.push(PageLink {
                    number: 0,
                    url: String::new(),
                    current: false,
                    gap: true,
                });
            }
            pages.push(PageLink {
                number: n,
                url: self.site.url(&page_path(base, n)),
                current: n == number,
                gap: false,
            });
            last_shown = n;
        }
        Pagination {
            current: number,
            total,
            items,
            previous: (number > 1).then(|| self.site.url(&page_path(base, number - 1))),
            next: (number < total).then(|| self.site.url(&page_path(base, number + 1))),
            pages,
        }
    }
}
