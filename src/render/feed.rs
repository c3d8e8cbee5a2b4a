//! The Atom feed of the newest cases.

use super::*;

/// Feed entry.
#[derive(Clone, Debug, Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    lang: &'static str,
    published: String,
    updated: String,
    municipality: String,
    themes: Vec<context::ThemeLink>,
    summary: Option<String>,
    content: String,
}

impl Renderer<'_> {
    /// Whether the site has a feed ([`has_feed`]): write `feed.xml` only
    /// then.
    pub fn has_feed(&self) -> bool {
        has_feed(self.catalogue)
    }

    /// The Atom feed: the newest cases with a date, newest first; its
    /// `updated` is the newest of their dates. Nothing (no bytes) when no
    /// case has a date: see [`Renderer::has_feed`].
    pub fn feed(&self) -> Result<Vec<u8>, RenderError> {
        const ENTRIES: usize = 50;
        let cat = self.catalogue;
        let mut dated: Vec<(jiff::civil::Date, usize)> = cat
            .cases
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.updated.or(c.published).map(|d| (d, i)))
            .collect();
        dated.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        dated.truncate(ENTRIES);
        let stamp = |d: jiff::civil::Date| format!("{d}T00:00:00Z");
        let Some(updated) = dated.first().map(|(d, _)| stamp(*d)) else {
            return Ok(Vec::new());
        };
        let entries: Vec<FeedEntry> = dated
            .iter()
            .map(|&(d, i)| {
                let case = cat.cases[i];
                let tc = self.site.skin.strings_for(case.language);
                let html = self.case_html(case);
                let mut content = String::new();
                let mut section = |key: &str, body: &str| {
                    content.push_str(&format!(
                        "<h2>{}</h2>\n",
                        tc.get(key).map_or("", String::as_str)
                    ));
                    content.push_str(body);
                };
                for s in &html.sections {
                    match &s.html {
                        case::Prose::Text(text) => section(s.key, text),
                        case::Prose::Items(items) => {
                            let items: String =
                                items.iter().map(|m| format!("<li>{m}</li>")).collect();
                            section(s.key, &format!("<ul>{items}</ul>\n"));
                        }
                    }
                }
                if let Some(b) = &html.body {
                    section("narrative", b);
                }
                FeedEntry {
                    title: case.title.clone(),
                    url: self.site.absolute(&format!("cases/{}/", case.slug)),
                    lang: case.language.code(),
                    published: stamp(case.published.unwrap_or(d)),
                    updated: stamp(d),
                    municipality: case.municipality.clone(),
                    themes: theme_links(&case.themes, self.site.config, case.language, &self.site),
                    summary: case.summary.clone(),
                    content,
                }
            })
            .collect();
        #[derive(Serialize)]
        struct Feed {
            self_url: String,
            updated: String,
            entries: Vec<FeedEntry>,
        }
        let mut ctx = Context::new();
        ctx.insert(
            "feed",
            &Feed {
                self_url: self.site.absolute("feed.xml"),
                updated,
                entries,
            },
        );
        let spec = PageSpec::single("feed.xml", PageKind::NotFound);
        self.render_template(&spec, "feed.xml", &ctx)
    }
}
