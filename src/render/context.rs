//! Tera contexts. Everything every page needs (site, assets, navigation) is
//! built once into Tera's global context; each case's card is built once and
//! shared by every listing that shows it (Tera values are reference-counted,
//! so a listing page clones pointers, not cards). The fields are documented
//! for skin authors in `themes/default/README.md`.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Value;

use super::Site;
use crate::catalogue::Catalogue;
use crate::config::{Config, Language};
use crate::norwegian::format_date;
use crate::schema::{Case, Period};

/// A link with a name and a count (navigation lists).
#[derive(Clone, Debug, Serialize)]
pub struct TermLink {
    /// Id or slug.
    pub id: String,
    /// Display name in the site's language.
    pub name: String,
    /// Root-relative URL.
    pub url: String,
    /// Number of cases.
    pub count: usize,
    /// One-line description (first paragraph of the Markdown, as text).
    pub summary: Option<String>,
}

/// A name and a URL.
#[derive(Clone, Debug, Serialize)]
pub struct NamedLink {
    /// Display name.
    pub name: String,
    /// Root-relative URL.
    pub url: String,
}

/// A theme on a card or case page.
#[derive(Clone, Debug, Serialize)]
pub struct ThemeLink {
    /// Theme id.
    pub id: String,
    /// Name in the page's language.
    pub name: String,
    /// Root-relative URL.
    pub url: String,
}

/// A programme link.
#[derive(Clone, Debug, Serialize)]
pub struct ProgrammeLink {
    /// Programme id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Root-relative URL.
    pub url: String,
}

/// A case as a card in listings.
#[derive(Clone, Debug, Serialize)]
pub struct Card {
    /// Slug.
    pub slug: String,
    /// Root-relative URL of the case page.
    pub url: String,
    /// Title.
    pub title: String,
    /// `nb` or `nn`.
    pub lang: &'static str,
    /// Municipality name.
    pub municipality: String,
    /// URL of the municipality page.
    pub municipality_url: String,
    /// County, when known.
    pub county: Option<NamedLink>,
    /// Programme.
    pub programme: ProgrammeLink,
    /// `2012–2015`, `2023–`, or none.
    pub period: Option<String>,
    /// `planned`, `ongoing` or `completed`.
    pub status: &'static str,
    /// The status in the site's language.
    pub status_label: String,
    /// Themes, in the case's order.
    pub themes: Vec<ThemeLink>,
    /// Summary.
    pub summary: Option<String>,
}

/// A date as machine and human text.
#[derive(Clone, Debug, Serialize)]
pub struct DateText {
    /// `2013-05-02`.
    pub iso: String,
    /// `2. mai 2013`.
    pub text: String,
}

/// A date the way the language writes it.
pub fn date_text(
    date: jiff::civil::Date,
    strings: &BTreeMap<String, String>,
    language: Language,
) -> DateText {
    let text = if language == Language::En {
        let months: Vec<&str> = strings
            .get("months")
            .map_or(Vec::new(), |m| m.split_whitespace().collect());
        let month = months
            .get(usize::try_from(date.month() - 1).unwrap_or(0))
            .copied()
            .unwrap_or("");
        format!("{} {month} {}", date.day(), date.year())
    } else {
        format_date(date)
    };
    DateText {
        iso: date.to_string(),
        text,
    }
}

/// `2012–2015`, `2023–` or `2014`.
pub fn period_text(period: Option<Period>) -> Option<String> {
    period.map(|p| match p.end {
        Some(end) if end == p.start => p.start.to_string(),
        Some(end) => format!("{}–{end}", p.start),
        None => format!("{}–", p.start),
    })
}

/// The first paragraph of a Markdown text, as plain text.
pub fn first_paragraph(markdown: &str) -> Option<String> {
    let para = markdown
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty())?;
    let mut text = String::with_capacity(para.len());
    for event in pulldown_cmark::Parser::new(para) {
        match event {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => text.push_str(&t),
            pulldown_cmark::Event::SoftBreak | pulldown_cmark::Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Builds the card of a case (UI words in the site's language).
pub fn card(case: &Case, site: &Site<'_>) -> Card {
    let lang = site.config.site.language;
    let strings = site.skin.strings_for(lang);
    let programme = site.config.programme(&case.programme);
    Card {
        slug: case.slug.clone(),
        url: site.url(&format!("cases/{}/", case.slug)),
        title: case.title.clone(),
        lang: case.language.code(),
        municipality: case.municipality.clone(),
        municipality_url: site.url(&format!("municipalities/{}/", case.municipality_slug())),
        county: case.county.map(|c| NamedLink {
            name: c.name.to_owned(),
            url: site.url(&format!("counties/{}/", c.slug())),
        }),
        programme: ProgrammeLink {
            id: case.programme.clone(),
            name: programme.map_or_else(|| case.programme.clone(), |p| p.name.clone()),
            url: site.url(&format!("programmes/{}/", case.programme)),
        },
        period: period_text(case.period),
        status: case.status.as_str(),
        status_label: strings
            .get(&format!("status_{}", case.status.as_str()))
            .cloned()
            .unwrap_or_default(),
        themes: theme_links(&case.themes, site.config, lang, site),
        summary: case.summary.clone(),
    }
}

/// Theme links for a list of ids, names in `language`.
pub fn theme_links(
    ids: &[String],
    config: &Config,
    language: Language,
    site: &Site<'_>,
) -> Vec<ThemeLink> {
    ids.iter()
        .map(|id| ThemeLink {
            id: id.clone(),
            name: config
                .theme(id)
                .map_or_else(|| id.clone(), |t| t.name_in(language).to_owned()),
            url: site.url(&format!("themes/{id}/")),
        })
        .collect()
}

/// The navigation lists shared by every page.
#[derive(Clone, Debug, Serialize)]
pub struct Nav {
    /// Every theme of the config, in its order.
    pub themes: Vec<TermLink>,
    /// Every programme.
    pub programmes: Vec<TermLink>,
    /// Counties with cases, Norwegian order.
    pub counties: Vec<TermLink>,
    /// Free pages (footer).
    pub pages: Vec<PageLink>,
}

/// A free page in the footer.
#[derive(Clone, Debug, Serialize)]
pub struct PageLink {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// Language code.
    pub lang: &'static str,
}

/// Whether a free page titled `title` is a second accessibility statement:
/// the site names its statement (`accessibility_statement`), which the
/// footer links under the same words, so the page would be listed twice.
fn is_statement_twin(site: &Site<'_>, title: &str, lang: Language) -> bool {
    site.config.site.accessibility_statement.is_some()
        && site
            .skin
            .strings_for(lang)
            .get("footer_accessibility")
            .is_some_and(|words| words.trim().to_lowercase() == title.trim().to_lowercase())
}

/// Builds the navigation.
pub fn nav(site: &Site<'_>, catalogue: &Catalogue<'_>) -> Nav {
    let lang = site.config.site.language;
    Nav {
        themes: site
            .config
            .themes
            .iter()
            .map(|t| TermLink {
                id: t.id.clone(),
                name: t.name_in(lang).to_owned(),
                url: site.url(&format!("themes/{}/", t.id)),
                count: catalogue.by_theme.get(&t.id).map_or(0, Vec::len),
                summary: t.description.as_deref().and_then(first_paragraph),
            })
            .collect(),
        programmes: site
            .config
            .programmes
            .iter()
            .map(|p| TermLink {
                id: p.id.clone(),
                name: p.name.clone(),
                url: site.url(&format!("programmes/{}/", p.id)),
                count: catalogue.by_programme.get(&p.id).map_or(0, Vec::len),
                summary: p.description.as_deref().and_then(first_paragraph),
            })
            .collect(),
        counties: catalogue
            .by_county
            .iter()
            .map(|g| TermLink {
                id: g.slug.clone(),
                name: g.name.clone(),
                url: site.url(&format!("counties/{}/", g.slug)),
                count: g.cases.len(),
                summary: None,
            })
            .collect(),
        pages: site
            .pages
            .iter()
            .filter(|p| !is_statement_twin(site, p.title.as_str(), p.language.unwrap_or(lang)))
            .map(|p| PageLink {
                title: p.title.clone(),
                url: site.url(&format!("pages/{}/", p.slug)),
                lang: p.language.unwrap_or(lang).code(),
            })
            .collect(),
    }
}

/// The site object of the global context.
#[derive(Clone, Debug, Serialize)]
pub struct SiteContext {
    /// Title.
    pub title: String,
    /// Meta description.
    pub description: Option<String>,
    /// `nb`, `nn` or `en`.
    pub language: &'static str,
    /// Absolute base URL, ending in `/`.
    pub base_url: String,
    /// Root path of the site (`/`, or `/samling/` under a sub-path).
    pub root: String,
    /// Accessibility statement URL.
    pub accessibility_statement: Option<String>,
    /// The host of that link (`uustatus.no`), so its text differs from a
    /// free page of the same name.
    pub accessibility_host: Option<String>,
    /// Licence of the open data.
    pub licence: Option<String>,
    /// Root-relative URL of the Atom feed; none when no case has a date,
    /// because a feed must say when it was updated and nothing else would
    /// tell.
    pub feed: Option<String>,
}

/// Converts anything serialisable to a Tera value (our own types never fail).
pub fn value<T: Serialize>(v: &T) -> Value {
    Value::from_serializable(v)
}
