//! Rendering: the list of pages the site has, and each page as HTML from the
//! skin's templates. Markdown becomes safe HTML in [`markdown`], indicators
//! become SVG charts in [`chart`], and [`context`] builds what templates see.
//!
//! Rendering never reads a file: the skin, the config and the cases arrive
//! loaded, and the output stage writes what comes back.

mod case;
pub mod chart;
pub mod context;
mod feed;
pub mod markdown;
mod pages;
pub mod share;

pub use case::CaseHtml;
pub use pages::{PageKind, PageSpec};

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use tera::value::Key;
use tera::{Context, Tera, Value};

use crate::catalogue::Catalogue;
use crate::config::{Config, Language};
use crate::schema::Case;
use crate::schema::page::Page;
use crate::skin::{Skin, SkinError, error_chain};
use chart::ChartWords;
use context::{NamedLink, SiteContext, card, date_text, nav, period_text, theme_links, value};
use markdown::{Fragment, Ids};

/// The partial of one card, which [`Renderer`] renders once per case.
const CARD_TEMPLATE: &str = "partials/card.html";

/// The heading level of the card titles rendered once per case; the
/// default `partials/cards.html` uses them where its `hl` is this.
const CARD_HEADING_LEVEL: u8 = 3;

/// Cases per page in long listings (`/page/2/`, `/themes/<id>/page/2/`).
pub const PER_PAGE: usize = 100;

/// Ids the case template uses itself; content headings never take them.
const CASE_IDS: &[&str] = &[
    "main",
    "behov",
    "mal",
    "tiltak",
    "resultat",
    "forankring",
    "tall",
    "finansiering",
    "lenker",
    "reportasje",
    "relaterte",
    "q",
    "search-results",
    "bla",
    "eksempler",
    "bygg-inn",
    "bygg-inn-kode",
];

/// What rendering can fail on: a template error (a skin's mistake).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed to render.
    #[error(
        "{}",
        crate::words!(
            "render-failed",
            page = page.as_str(),
            template = template.as_str(),
            reason = message.as_str()
        )
    )]
    Template {
        /// The page's path.
        page: String,
        /// The template.
        template: String,
        /// Tera's message.
        message: String,
    },
    /// The skin's templates do not compile.
    #[error(transparent)]
    Skin(#[from] SkinError),
}

/// The site as rendering sees it.
#[derive(Debug)]
pub struct Site<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// The skin.
    pub skin: &'a Skin,
    /// Free pages.
    pub pages: &'a [Page],
    /// Absolute base URL, ending in `/`.
    pub base_url: String,
    /// Root path (`/`), taken from the base URL's path.
    pub root: String,
    /// Static asset name → fingerprinted root-relative URL.
    pub assets: BTreeMap<String, String>,
}

impl<'a> Site<'a> {
    /// The site published at `base_url` (absolute, ending in `/`), with the
    /// skin's assets at the URLs in `assets` (name → URL).
    pub fn new(
        config: &'a Config,
        skin: &'a Skin,
        pages: &'a [Page],
        base_url: &str,
        assets: BTreeMap<String, String>,
    ) -> Site<'a> {
        Site {
            config,
            skin,
            pages,
            base_url: base_url.to_owned(),
            root: root_path(base_url),
            assets,
        }
    }

    /// Root-relative URL of a site path (`cases/molde/` → `/cases/molde/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.root)
    }

    /// Absolute URL of a site path.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

/// The root path of a base URL: `https://x.no/samling/` → `/samling/`.
pub fn root_path(base_url: &str) -> String {
    match url::Url::parse(base_url) {
        Ok(u) => {
            let mut p = u.path().to_owned();
            if !p.ends_with('/') {
                p.push('/');
            }
            p
        }
        Err(_) => "/".into(),
    }
}

/// Whether the site has an Atom feed: a feed must say when it was last
/// updated, and only a case's `published` or `updated` can tell that
/// truly. A site whose cases give no date has no feed (and its pages link
/// none) rather than a feed with an invented date.
pub fn has_feed(catalogue: &Catalogue<'_>) -> bool {
    catalogue
        .cases
        .iter()
        .any(|c| c.published.is_some() || c.updated.is_some())
}

/// The page header object every template gets as `page`.
#[derive(Clone, Debug, Serialize)]
struct PageContext {
    kind: &'static str,
    /// The section for the navigation's `aria-current`.
    section: &'static str,
    lang: &'static str,
    main_lang: &'static str,
    title: String,
    description: Option<String>,
    intro: Option<String>,
    path: String,
    canonical: String,
    number: usize,
}

#[derive(Clone, Debug, Serialize)]
struct ListContext {
    kind_label: String,
    name: String,
    description: Option<String>,
    facts: Vec<Fact>,
}

#[derive(Clone, Debug, Serialize)]
struct Fact {
    label: String,
    value: String,
}

/// The parts of a [`Renderer`] that [`Renderer::renew`] carries over to the
/// next one: the compiled templates and every case's card.
pub struct Reusable {
    tera: Tera,
    cards: Vec<context::Card>,
    card_values: Vec<Value>,
}

/// Renders pages: templates compiled once, shared values built once.
pub struct Renderer<'a> {
    /// The site.
    pub site: Site<'a>,
    /// The catalogue.
    pub catalogue: &'a Catalogue<'a>,
    tera: Tera,
    cards: Vec<context::Card>,
    card_values: Vec<Value>,
    strings: HashMap<&'static str, Value>,
    chart_words: HashMap<&'static str, ChartWords>,
}

fn language_of(code: &str) -> Language {
    match code {
        "nn" => Language::Nn,
        "en" => Language::En,
        _ => Language::Nb,
    }
}

fn chart_words(strings: &BTreeMap<String, String>, lang: Language) -> ChartWords {
    let s = |k: &str| strings.get(k).cloned().unwrap_or_default();
    let months: Vec<String> = s("months").split_whitespace().map(String::from).collect();
    let month = |i: usize| {
        months
            .get(i)
            .cloned()
            .unwrap_or_else(|| (i + 1).to_string())
    };
    ChartWords {
        measured: s("chart_measured"),
        target: s("chart_target"),
        period: s("chart_period"),
        from: s("chart_from"),
        to: s("chart_to"),
        lowest: s("chart_lowest"),
        highest: s("chart_highest"),
        table: s("chart_table"),
        quarter: s("chart_quarter"),
        months: std::array::from_fn(month),
        lang: lang.code().to_owned(),
    }
}

/// Removes the `<p>` around a fragment that is one paragraph (list items).
fn unwrap_paragraph(html: String) -> String {
    let trimmed = html.trim_end();
    if let Some(inner) = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        && !inner.contains("<p>")
    {
        return inner.to_owned();
    }
    html
}

impl<'a> Renderer<'a> {
    /// Compiles the skin and builds the shared context.
    pub fn new(site: Site<'a>, catalogue: &'a Catalogue<'a>) -> Result<Renderer<'a>, RenderError> {
        use rayon::prelude::*;
        let tera = site.skin.tera()?;
        let cards: Vec<context::Card> =
            catalogue.cases.par_iter().map(|c| card(c, &site)).collect();
        let mut renderer = Renderer::assemble(site, catalogue, tera, cards, Vec::new());
        renderer.card_values = renderer
            .cards
            .par_iter()
            .map(|c| renderer.card_value(c))
            .collect();
        Ok(renderer)
    }

    /// Like [`Renderer::new`], but reusing the compiled templates and the
    /// cards of `old` except at the catalogue positions in `changed`, so that
    /// `serve` rebuilds one card, not 10 000, when one case is edited.
    ///
    /// `catalogue` must hold the same cases at the same positions as the one
    /// `old` was made from (only the contents of the `changed` ones may
    /// differ), and `site` the same skin and configuration; otherwise use
    /// [`Renderer::new`].
    pub fn renew(
        site: Site<'a>,
        catalogue: &'a Catalogue<'a>,
        old: Reusable,
        changed: &[usize],
    ) -> Renderer<'a> {
        let Reusable {
            tera,
            mut cards,
            mut card_values,
        } = old;
        for &i in changed {
            if let (Some(case), Some(slot)) = (catalogue.cases.get(i), cards.get_mut(i)) {
                *slot = card(case, &site);
            }
        }
        let mut renderer = Renderer::assemble(site, catalogue, tera, cards, Vec::new());
        for &i in changed {
            if let Some(c) = renderer.cards.get(i) {
                card_values[i] = renderer.card_value(c);
            }
        }
        renderer.card_values = card_values;
        renderer
    }

    /// Takes the renderer apart, keeping what [`Renderer::renew`] reuses.
    pub fn into_reusable(self) -> Reusable {
        Reusable {
            tera: self.tera,
            cards: self.cards,
            card_values: self.card_values,
        }
    }

    fn assemble(
        site: Site<'a>,
        catalogue: &'a Catalogue<'a>,
        mut tera: Tera,
        cards: Vec<context::Card>,
        card_values: Vec<Value>,
    ) -> Renderer<'a> {
        let mut strings = HashMap::new();
        let mut words = HashMap::new();
        for lang in [Language::Nb, Language::Nn, Language::En] {
            let s = site.skin.strings_for(lang);
            strings.insert(lang.code(), value(s));
            words.insert(lang.code(), chart_words(s, lang));
        }
        let cfg = &site.config.site;
        let global = tera.global_context();
        global.insert(
            "site",
            &SiteContext {
                title: cfg.title.clone(),
                description: cfg.description.clone(),
                language: cfg.language.code(),
                base_url: site.base_url.clone(),
                root: site.root.clone(),
                accessibility_statement: cfg.accessibility_statement.clone(),
                accessibility_host: cfg
                    .accessibility_statement
                    .as_deref()
                    .and_then(|u| url::Url::parse(u).ok())
                    .and_then(|u| {
                        u.host_str()
                            .map(|h| h.trim_start_matches("www.").to_owned())
                    }),
                licence: cfg.licence.clone(),
                feed: has_feed(catalogue).then(|| site.url("feed.xml")),
            },
        );
        let assets: BTreeMap<String, String> = site
            .assets
            .iter()
            .map(|(name, url)| {
                (
                    name.rsplit_once('.')
                        .map_or(name.as_str(), |(stem, _)| stem)
                        .replace(['/', '-'], "_"),
                    url.clone(),
                )
            })
            .collect();
        global.insert("assets", &assets);
        global.insert("nav", &nav(&site, catalogue));
        Renderer {
            site,
            catalogue,
            tera,
            cards,
            card_values,
            strings,
            chart_words: words,
        }
    }

    fn strings(&self, lang: Language) -> Value {
        self.strings
            .get(lang.code())
            .cloned()
            .unwrap_or_else(Value::none)
    }

    fn page_context(
        &self,
        spec: &PageSpec,
        kind: &'static str,
        section: &'static str,
        title: String,
    ) -> PageContext {
        let lang = self.site.config.site.language.code();
        PageContext {
            kind,
            section,
            lang,
            main_lang: lang,
            title,
            description: None,
            intro: None,
            path: self.site.url(&spec.path),
            canonical: self.site.absolute(&spec.path),
            number: spec.number,
        }
    }

    fn cards_of(&self, positions: &[usize], number: usize) -> Value {
        let start = (number - 1) * PER_PAGE;
        let slice = positions
            .get(start..(start + PER_PAGE).min(positions.len()))
            .unwrap_or(&[]);
        // The cards' values are shared, not copied (a serde round trip would
        // also lose `html`'s mark as safe).
        Value::from(
            slice
                .iter()
                .map(|&i| self.card_values[i].clone())
                .collect::<Vec<Value>>(),
        )
    }

    /// A card as templates see it: its fields, and `html`, the card
    /// rendered once with `partials/card.html` at heading level
    /// [`CARD_HEADING_LEVEL`], so that listing pages need not render it
    /// again. `html` is none when the site's skin overrides that partial
    /// (it may use anything of the page, so it is rendered on every page),
    /// or when it fails (the page then reports the error).
    fn card_value(&self, card: &context::Card) -> Value {
        let fields = value(card);
        let html = if self.site.skin.templates.contains_key(CARD_TEMPLATE) {
            Value::none()
        } else {
            let mut ctx = Context::new();
            ctx.insert_value("card", fields.clone());
            ctx.insert("hl", &CARD_HEADING_LEVEL);
            ctx.insert_value("t", self.strings(self.site.config.site.language));
            #[derive(Serialize)]
            struct CardPage {
                lang: &'static str,
            }
            ctx.insert(
                "page",
                &CardPage {
                    lang: self.site.config.site.language.code(),
                },
            );
            self.tera
                .render(CARD_TEMPLATE, &ctx)
                .map_or_else(|_| Value::none(), |html| Value::safe_string(&html))
        };
        let Some(mut map) = fields.into_map() else {
            return Value::none();
        };
        map.insert("html".into(), html);
        Value::from(map)
    }

    fn render_template(
        &self,
        spec: &PageSpec,
        template: &str,
        ctx: &Context,
    ) -> Result<Vec<u8>, RenderError> {
        // Into bytes: `Tera::render` would check the whole page is UTF-8
        // again to make a `String` of it (2 % of a build's instructions).
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, ctx, &mut out)
            .map(|()| out)
            .map_err(|e| RenderError::Template {
                page: spec.path.clone(),
                template: template.to_owned(),
                message: error_chain(&e),
            })
    }

    /// A theme's comparison charts: one per indicator that at least two of
    /// its cases report, a row per case from its first to its last
    /// measurement, in catalogue order. Indicators are the same when they
    /// have the same id in `indicators.yaml`, or (without an id) a name
    /// that `indicators.yaml` gives that id in bokmål or nynorsk; others
    /// when they have the same name, case aside, and unit.
    fn comparisons(&self, positions: &[usize]) -> Vec<String> {
        let lang = self.site.config.site.language;
        let strings = self.site.skin.strings_for(lang);
        let word = |k: &str| strings.get(k).cloned().unwrap_or_default();
        let cw = chart::CompareWords {
            municipality: word("compare_municipality"),
            first: word("compare_first"),
            last: word("compare_last"),
            change: word("compare_change"),
            points: word("compare_points"),
        };
        #[derive(PartialEq)]
        enum Same {
            Id(String),
            Name(String),
        }
        let config = self.site.config;
        let mut groups: Vec<(Same, String, crate::schema::Unit, Vec<chart::CompareRow>)> =
            Vec::new();
        for &i in positions {
            let case = self.catalogue.cases[i];
            for ind in &case.indicators {
                let (Some(first), Some(last)) = (ind.series.first(), ind.series.last()) else {
                    continue;
                };
                let known = match &ind.id {
                    Some(id) => config.indicator(id),
                    None => config
                        .indicator_named(&ind.name)
                        .filter(|k| k.unit == ind.unit),
                };
                let (key, name) = match known {
                    Some(k) => (Same::Id(k.id.clone()), k.name_in(lang).to_owned()),
                    None => (
                        Same::Name(ind.name.trim().to_lowercase()),
                        ind.name.trim().to_owned(),
                    ),
                };
                let row = chart::CompareRow {
                    label: case.municipality.clone(),
                    url: self.site.url(&format!("cases/{}/", case.slug)),
                    first: (first.period, first.value),
                    last: (last.period, last.value),
                };
                match groups
                    .iter_mut()
                    .find(|(k, _, u, _)| *k == key && *u == ind.unit)
                {
                    Some(g) => g.3.push(row),
                    None => groups.push((key, name, ind.unit, vec![row])),
                }
            }
        }
        groups.retain(|g| g.3.len() >= 2);
        groups.sort_by(|a, b| b.3.len().cmp(&a.3.len()).then_with(|| a.1.cmp(&b.1)));
        let words = &self.chart_words[lang.code()];
        groups
            .iter_mut()
            .enumerate()
            .map(|(k, (_, name, unit, rows))| {
                // A municipality with several cases: tell its rows apart.
                let labels: Vec<String> = rows.iter().map(|r| r.label.clone()).collect();
                for r in rows.iter_mut() {
                    if labels.iter().filter(|l| **l == r.label).count() > 1 {
                        let slug = r.url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
                        r.label = format!("{} ({slug})", r.label);
                    }
                }
                chart::comparison(
                    name,
                    *unit,
                    rows,
                    &format!("sammenligning-{}", k + 1),
                    words,
                    &cw,
                )
            })
            .collect()
    }

    /// Renders one page, as the bytes of its file (UTF-8).
    pub fn render(&self, spec: &PageSpec) -> Result<Vec<u8>, RenderError> {
        let site_lang = self.site.config.site.language;
        let t = self.strings(site_lang);
        let word = |key: &str| {
            self.site
                .skin
                .strings_for(site_lang)
                .get(key)
                .cloned()
                .unwrap_or_default()
        };
        let mut ctx = Context::new();
        ctx.insert_value("t", t);
        // Theme pages fill this with their comparison charts.
        ctx.insert("comparisons", &Vec::<String>::new());
        let cat = self.catalogue;
        let (template, page) = match &spec.kind {
            PageKind::Home => {
                let mut page = self.page_context(spec, "home", "home", word("catalogue_heading"));
                page.description = self.site.config.site.description.clone();
                if spec.number > 1 {
                    page.title = format!(
                        "{} – {} {}",
                        word("catalogue_heading"),
                        word("page_word"),
                        spec.number
                    );
                }
                let all: Vec<usize> = (0..cat.cases.len()).collect();
                ctx.insert_value("cards", self.cards_of(&all, spec.number));
                ctx.insert("pagination", &self.pagination("", spec.number, all.len()));
                ("index.html", page)
            }
            PageKind::Case(i) => {
                let case = cat.cases[*i];
                let case_lang = case.language;
                let mut page = self.page_context(spec, "case", "home", case.title.clone());
                page.main_lang = case_lang.code();
                page.description = case.summary.clone();
                ctx.insert_value("case", self.case_value(*i));
                ctx.insert_value("tc", self.strings(case_lang));
                ctx.insert_value("related", self.cards_of(&cat.related[*i], 1));
                ctx.insert("share", &self.share(*i));
                ("case.html", page)
            }
            PageKind::Embed(i) => {
                let case = cat.cases[*i];
                let mut page = self.page_context(spec, "embed", "none", case.title.clone());
                // The card has no other content: all of it is the case's.
                page.lang = case.language.code();
                page.main_lang = page.lang;
                page.canonical = self.site.absolute(&format!("cases/{}/", case.slug));
                ctx.insert_value("case", self.embed_value(*i));
                ctx.insert_value("tc", self.strings(case.language));
                ("embed.html", page)
            }
            PageKind::Oembed(i) => return Ok(self.oembed(*i)),
            PageKind::Themes => {
                let mut page = self.page_context(spec, "themes", "themes", word("themes_heading"));
                page.intro = Some(word("themes_intro"));
                ctx.insert("terms", &nav(&self.site, cat).themes);
                ("terms.html", page)
            }
            PageKind::Programmes => {
                let page =
                    self.page_context(spec, "programmes", "programmes", word("programmes_heading"));
                ctx.insert("terms", &nav(&self.site, cat).programmes);
                ("terms.html", page)
            }
            PageKind::Counties => {
                let page =
                    self.page_context(spec, "counties", "counties", word("counties_heading"));
                ctx.insert("terms", &nav(&self.site, cat).counties);
                ("terms.html", page)
            }
            PageKind::Municipalities => {
                let page = self.page_context(
                    spec,
                    "municipalities",
                    "home",
                    word("municipalities_heading"),
                );
                let terms: Vec<context::TermLink> = cat
                    .by_municipality
                    .iter()
                    .map(|g| context::TermLink {
                        id: g.slug.clone(),
                        name: g.name.clone(),
                        url: self.site.url(&format!("municipalities/{}/", g.slug)),
                        count: g.cases.len(),
                        summary: None,
                    })
                    .collect();
                ctx.insert("terms", &terms);
                ("terms.html", page)
            }
            PageKind::Theme(id) => {
                let theme = self.site.config.theme(id);
                let name = theme.map_or_else(|| id.clone(), |t| t.name_in(site_lang).to_owned());
                let description = theme.and_then(|t| t.description.as_deref());
                let positions = cat.by_theme.get(id).map_or(&[][..], Vec::as_slice);
                if spec.number == 1 {
                    ctx.insert("comparisons", &self.comparisons(positions));
                }
                self.listing(
                    spec,
                    &mut ctx,
                    &format!("themes/{id}/"),
                    "theme",
                    "themes",
                    word("theme_kind"),
                    name,
                    description,
                    Vec::new(),
                    positions,
                )
            }
            PageKind::Programme(id) => {
                let programme = self.site.config.programme(id);
                let name = programme.map_or_else(|| id.clone(), |p| p.name.clone());
                let mut facts = Vec::new();
                if let Some(p) = programme {
                    if let Some(owner) = &p.owner {
                        facts.push(Fact {
                            label: word("label_owner"),
                            value: owner.clone(),
                        });
                    }
                    if let Some(period) = period_text(p.period.map(|y| crate::schema::Period {
                        start: y.start,
                        end: y.end,
                    })) {
                        facts.push(Fact {
                            label: word("label_period"),
                            value: period,
                        });
                    }
                }
                let description = programme.and_then(|p| p.description.as_deref());
                let positions = cat.by_programme.get(id).map_or(&[][..], Vec::as_slice);
                self.listing(
                    spec,
                    &mut ctx,
                    &format!("programmes/{id}/"),
                    "programme",
                    "programmes",
                    word("programme_kind"),
                    name,
                    description,
                    facts,
                    positions,
                )
            }
            PageKind::County(i) => {
                let g = &cat.by_county[*i];
                self.listing(
                    spec,
                    &mut ctx,
                    &format!("counties/{}/", g.slug),
                    "county",
                    "counties",
                    word("county_kind"),
                    g.name.clone(),
                    None,
                    Vec::new(),
                    &g.cases,
                )
            }
            PageKind::Municipality(i) => {
                let g = &cat.by_municipality[*i];
                let mut facts = Vec::new();
                let first = g.cases.first().map(|&j| cat.cases[j]);
                if let Some(county) = first.and_then(|c| c.county) {
                    facts.push(Fact {
                        label: word("label_county"),
                        value: county.name.to_owned(),
                    });
                }
                if let Some(number) = first.and_then(|c| c.municipality_number.clone()) {
                    facts.push(Fact {
                        label: word("label_municipality_number"),
                        value: number,
                    });
                }
                self.listing(
                    spec,
                    &mut ctx,
                    &format!("municipalities/{}/", g.slug),
                    "municipality",
                    "home",
                    word("municipality_kind"),
                    g.name.clone(),
                    None,
                    facts,
                    &g.cases,
                )
            }
            PageKind::FreePage(i) => {
                let p = &self.site.pages[*i];
                let mut page = self.page_context(spec, "page", "page", p.title.clone());
                page.description = p.summary.clone();
                if let Some(l) = p.language {
                    page.main_lang = l.code();
                }
                let mut ids = Ids::reserved(CASE_IDS);
                let html = markdown::render(
                    &p.body,
                    Fragment {
                        prefix: "side",
                        min_heading: 2,
                        root: &self.site.root,
                    },
                    &mut ids,
                );
                ctx.insert("content", &html);
                ("page.html", page)
            }
            PageKind::Search => (
                "search.html",
                self.page_context(spec, "search", "search", word("search_heading")),
            ),
            PageKind::NotFound => (
                "404.html",
                self.page_context(spec, "404", "none", word("not_found_heading")),
            ),
        };
        ctx.insert("page", &page);
        self.render_template(spec, template, &ctx)
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "one call per listing kind; a struct would only rename the arguments"
    )]
    fn listing(
        &self,
        spec: &PageSpec,
        ctx: &mut Context,
        base: &str,
        kind: &'static str,
        section: &'static str,
        kind_label: String,
        name: String,
        description: Option<&str>,
        facts: Vec<Fact>,
        positions: &[usize],
    ) -> (&'static str, PageContext) {
        let mut page = self.page_context(spec, kind, section, name.clone());
        if spec.number > 1 {
            let word = |key: &str| {
                self.site
                    .skin
                    .strings_for(self.site.config.site.language)
                    .get(key)
                    .cloned()
                    .unwrap_or_default()
            };
            page.title = format!("{name} – {} {}", word("page_word"), spec.number);
        }
        page.description = description.and_then(context::first_paragraph);
        let description = description.map(|d| {
            let mut ids = Ids::reserved(CASE_IDS);
            markdown::render(
                d,
                Fragment {
                    prefix: "omtale",
                    min_heading: 2,
                    root: &self.site.root,
                },
                &mut ids,
            )
        });
        ctx.insert(
            "list",
            &ListContext {
                kind_label,
                name,
                description,
                facts,
            },
        );
        ctx.insert_value("cards", self.cards_of(positions, spec.number));
        ctx.insert(
            "pagination",
            &self.pagination(base, spec.number, positions.len()),
        );
        ("list.html", page)
    }

    /// The language of the site's UI.
    pub fn language(&self) -> Language {
        language_of(self.site.config.site.language.code())
    }

    /// County link of a case (for the open data).
    pub fn county_link(&self, case: &Case) -> Option<NamedLink> {
        case.county.map(|c| NamedLink {
            name: c.name.to_owned(),
            url: self.site.absolute(&format!("counties/{}/", c.slug())),
        })
    }
}
