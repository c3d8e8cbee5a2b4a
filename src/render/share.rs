//! A case shared beyond the site: the Open Graph and schema.org JSON-LD of
//! its page (the title card a chat or social network shows), the small card
//! a municipality shows on its own site in an `<iframe>`
//! (`/cases/<slug>/embed/`), and the oEmbed description of that card
//! (`/cases/<slug>/oembed.json`).

use super::*;

/// The embedded card's size in CSS pixels, as the `<iframe>` code and the
/// oEmbed answer give it: room for a title of two lines, a summary of 300
/// characters and the facts at a phone's width.
pub const EMBED_WIDTH: u32 = 480;
/// See [`EMBED_WIDTH`].
pub const EMBED_HEIGHT: u32 = 460;

/// What a case page says about itself to other sites, as templates get it
/// in `share`.
#[derive(Clone, Debug, Serialize)]
pub struct Share {
    /// `og:title`.
    pub title: String,
    /// `og:description`: the summary, else the first paragraph of `need`.
    pub description: String,
    /// `og:url`: the page's absolute URL.
    pub url: String,
    /// `og:locale`: `nb_NO`, `nn_NO` or `en_GB`.
    pub locale: &'static str,
    /// `og:site_name`.
    pub site_name: String,
    /// The schema.org `Report` as JSON, safe inside `<script>`: printed as
    /// it is.
    pub json_ld: Value,
    /// Absolute URL of the case's oEmbed answer.
    pub oembed: String,
    /// Absolute URL of the embeddable card.
    pub embed: String,
    /// The `<iframe>` code to copy, as text (templates escape it).
    pub iframe: String,
}

/// The Open Graph locale of a language.
fn locale(language: Language) -> &'static str {
    match language {
        Language::Nb => "nb_NO",
        Language::Nn => "nn_NO",
        Language::En => "en_GB",
    }
}

/// JSON that can stand inside `<script>…</script>` whatever its strings
/// hold: `<`, `>` and `&` (so no `</script>` or `<!--` can close or bend
/// the block) and U+2028/U+2029 (line ends to older JavaScript) are
/// written as `\uXXXX` escapes, which mean the same characters to a JSON
/// reader. Outside strings serde_json writes none of them.
pub fn script_safe_json(value: &serde_json::Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len() + 16);
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// HTML-escapes an attribute value of the `<iframe>` code.
fn attr(text: &str) -> String {
    super::markdown::escape_attr(text)
}

impl Renderer<'_> {
    /// The case's description for other sites: its summary, else the first
    /// paragraph of its need, as plain text.
    fn share_description(&self, case: &Case) -> String {
        case.summary
            .clone()
            .or_else(|| context::first_paragraph(&case.need))
            .unwrap_or_default()
    }

    /// The `<iframe>` code that shows case `i`'s card on another site.
    pub fn iframe_code(&self, i: usize) -> String {
        let case = self.catalogue.cases[i];
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"{EMBED_WIDTH}\" height=\"{EMBED_HEIGHT}\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>",
            attr(&self.site.absolute(&format!("cases/{}/embed/", case.slug))),
            attr(&format!("{}: {}", case.municipality, case.title)),
        )
    }

    /// The `share` of case `i`'s page.
    pub(super) fn share(&self, i: usize) -> Share {
        let case = self.catalogue.cases[i];
        let url = self.site.absolute(&format!("cases/{}/", case.slug));
        Share {
            title: case.title.clone(),
            description: self.share_description(case),
            locale: locale(case.language),
            site_name: self.site.config.site.title.clone(),
            json_ld: Value::safe_string(&script_safe_json(&self.json_ld(i))),
            oembed: self
                .site
                .absolute(&format!("cases/{}/oembed.json", case.slug)),
            embed: self.site.absolute(&format!("cases/{}/embed/", case.slug)),
            iframe: self.iframe_code(i),
            url,
        }
    }

    /// Case `i` as a schema.org `Report`: what it is about, where and in
    /// which language, and who publishes it. Dates only where the case
    /// gives them.
    pub fn json_ld(&self, i: usize) -> serde_json::Value {
        use serde_json::json;
        let case = self.catalogue.cases[i];
        let config = self.site.config;
        let mut place = json!({
            "@type": "AdministrativeArea",
            "name": case.municipality,
        });
        if let Some(number) = &case.municipality_number {
            place["identifier"] = json!(number);
        }
        if let Some(county) = case.county {
            place["containedInPlace"] = json!({
                "@type": "AdministrativeArea",
                "name": county.name,
            });
        }
        let about: Vec<serde_json::Value> = case
            .themes
            .iter()
            .map(|id| {
                json!({
                    "@type": "Thing",
                    "name": config.theme(id).map_or(id.as_str(), |t| t.name_in(case.language)),
                    "url": self.site.absolute(&format!("themes/{id}/")),
                })
            })
            .collect();
        let mut report = json!({
            "@context": "https://schema.org",
            "@type": "Report",
            "name": case.title,
            "description": self.share_description(case),
            "inLanguage": case.language.code(),
            "url": self.site.absolute(&format!("cases/{}/", case.slug)),
            "spatialCoverage": place,
            "about": about,
            "publisher": {
                "@type": "Organization",
                "name": config.site.title,
                "url": self.site.base_url,
            },
        });
        if let Some(p) = config.programme(&case.programme) {
            report["isPartOf"] = json!({
                "@type": "CreativeWorkSeries",
                "name": p.name,
                "url": self.site.absolute(&format!("programmes/{}/", p.id)),
            });
        }
        if let Some(d) = case.published {
            report["datePublished"] = json!(d.to_string());
        }
        if let Some(d) = case.updated {
            report["dateModified"] = json!(d.to_string());
        }
        if let Some(licence) = &config.site.licence {
            report["license"] = json!(licence);
        }
        report
    }

    /// `/cases/<slug>/oembed.json`: oEmbed 1.0, type `rich`, whose `html` is
    /// the `<iframe>` code of the card.
    pub(super) fn oembed(&self, i: usize) -> Vec<u8> {
        let case = self.catalogue.cases[i];
        let answer = serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "title": case.title,
            "author_name": case.municipality,
            "provider_name": self.site.config.site.title,
            "provider_url": self.site.base_url,
            "html": self.iframe_code(i),
            "width": EMBED_WIDTH,
            "height": EMBED_HEIGHT,
        });
        let mut bytes = serde_json::to_vec_pretty(&answer).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// The card of case `i` in the case's own language (the catalogue's
    /// cards speak the site's), without its rendered `html`.
    pub(super) fn card_in_case_language(&self, i: usize) -> tera::Map {
        let case = self.catalogue.cases[i];
        let case_lang = case.language;
        let mut map = self.card_values[i].clone().into_map().unwrap_or_default();
        map.remove(&Key::Str("html"));
        if case_lang != self.site.config.site.language {
            let tc = self.site.skin.strings_for(case_lang);
            let status_label = tc
                .get(&format!("status_{}", case.status.as_str()))
                .cloned()
                .unwrap_or_default();
            map.insert("status_label".into(), Value::from(status_label));
            map.insert(
                "themes".into(),
                value(&theme_links(
                    &case.themes,
                    self.site.config,
                    case_lang,
                    &self.site,
                )),
            );
        }
        map
    }

    /// The `case` of the embedded card: the card in the case's language,
    /// with `description` (summary or first paragraph of the need) and
    /// `absolute_url` (links in a frame leave the frame for the site).
    pub(super) fn embed_value(&self, i: usize) -> Value {
        let case = self.catalogue.cases[i];
        let mut map = self.card_in_case_language(i);
        map.insert(
            "description".into(),
            Value::from(self.share_description(case)),
        );
        map.insert(
            "absolute_url".into(),
            Value::from(self.site.absolute(&format!("cases/{}/", case.slug))),
        );
        Value::from(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_the_script_block() {
        let hostile = serde_json::json!({
            "name": "</script><script>alert(1)</script><!-- & \u{2028}\u{2029}"
        });
        let text = script_safe_json(&hostile);
        for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!text.contains(bad), "{bad:?} in {text}");
        }
        let back: serde_json::Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, hostile, "the same value to a JSON reader");
    }
}
