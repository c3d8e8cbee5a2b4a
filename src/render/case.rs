//! A case's own page: its Markdown and charts as HTML, and the values its
//! template gets.

use super::*;
use crate::schema::FIELDS;
use crate::schema::fields;

/// The rendered Markdown of a case.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CaseHtml {
    /// The narrative sections the case has (Behov, Mål, …), in page order.
    pub sections: Vec<SectionHtml>,
    /// The narrative.
    pub body: Option<String>,
    /// Chart and table HTML per indicator.
    pub indicators: Vec<String>,
}

/// One narrative section as HTML.
#[derive(Clone, Debug, Serialize)]
pub struct SectionHtml {
    /// The field's key (`need`), which is also its template variable and
    /// the key of its heading among the UI strings.
    pub key: &'static str,
    /// The section's HTML.
    pub html: Prose,
}

/// A section's HTML: one fragment, or one per item.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Prose {
    /// One text.
    Text(String),
    /// One fragment per item (measures).
    Items(Vec<String>),
}

#[derive(Clone, Debug, Serialize)]
struct FundingRow {
    source: String,
    amount: String,
    per: Option<String>,
}

impl Renderer<'_> {
    /// The `case` of a case page: the card's fields (`status_label` and
    /// theme names in the case's language) without `html`, and the case's
    /// own. Built from the card's value rather than serialised again.
    pub(super) fn case_value(&self, i: usize) -> Value {
        let case = self.catalogue.cases[i];
        let case_lang = case.language;
        let tc = self.site.skin.strings_for(case_lang);
        let mut map = self.card_in_case_language(i);
        let date = |d: jiff::civil::Date| value(&date_text(d, tc, case_lang));
        let funding: Vec<FundingRow> = case
            .funding
            .iter()
            .map(|f| FundingRow {
                source: f.source.clone(),
                amount: crate::norwegian::format_nok(f.amount_nok),
                per: f.per.as_deref().map(|p| {
                    tc.get(&format!("per_{p}"))
                        .cloned()
                        .unwrap_or_else(|| p.to_owned())
                }),
            })
            .collect();
        let html = self.case_html(case);
        for section in html.sections {
            let v = match &section.html {
                Prose::Text(text) => safe(text),
                Prose::Items(items) => safe_list(items),
            };
            map.insert(section.key.into(), v);
        }
        // Sections the case leaves out are still defined, as nothing.
        for (field, _) in fields::sections() {
            if !map.contains_key(&Key::Str(field.key)) {
                map.insert(field.key.into(), Value::none());
            }
        }
        for field in FIELDS {
            if let Some(read) = field.page {
                map.insert(field.key.into(), value(&read(case)));
            }
        }
        let own: [(&'static str, Value); 5] = [
            ("published", case.published.map_or_else(Value::none, date)),
            ("updated", case.updated.map_or_else(Value::none, date)),
            ("body", html.body.as_deref().map_or_else(Value::none, safe)),
            ("indicators", safe_list(&html.indicators)),
            ("funding", value(&funding)),
        ];
        for (key, v) in own {
            map.insert(key.into(), v);
        }
        Value::from(map)
    }

    /// Renders the Markdown and charts of a case.
    pub fn case_html(&self, case: &Case) -> CaseHtml {
        let mut ids = Ids::reserved(CASE_IDS);
        for i in 1..=case.indicators.len() {
            for id in chart::chart_ids(&format!("indikator-{i}")) {
                ids.unique(&id);
            }
        }
        let root = self.site.root.as_str();
        let mut md = |text: &str, prefix: &str| {
            markdown::render(
                text,
                Fragment {
                    prefix,
                    min_heading: 3,
                    root,
                },
                &mut ids,
            )
        };
        let sections = fields::sections()
            .filter_map(|(field, section)| {
                let html = match (section.read)(case) {
                    fields::Prose::Absent => return None,
                    fields::Prose::Text(text) => Prose::Text(md(text, section.id)),
                    fields::Prose::Items(items) => Prose::Items(
                        items
                            .iter()
                            .enumerate()
                            .map(|(i, m)| {
                                unwrap_paragraph(md(m, &format!("{}-{}", section.id, i + 1)))
                            })
                            .collect(),
                    ),
                };
                Some(SectionHtml {
                    key: field.key,
                    html,
                })
            })
            .collect();
        let body = (!case.body.trim().is_empty()).then(|| md(&case.body, "reportasje"));
        let words = &self.chart_words[case.language.code()];
        let indicators = case
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| chart::render(ind, &format!("indikator-{}", i + 1), words))
            .collect();
        CaseHtml {
            sections,
            body,
            indicators,
        }
    }
}

/// HTML made by [`markdown`] or [`chart`], as a value templates print as
/// it is: marked safe here, it needs no `| safe` filter, which would copy
/// the whole text once more on every page.
fn safe(html: &str) -> Value {
    Value::safe_string(html)
}

fn safe_list(html: &[String]) -> Value {
    Value::from(html.iter().map(|h| safe(h)).collect::<Vec<Value>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default skin's section headings and the description's labels
    /// name the same things; a skin may still word them its own way.
    #[test]
    fn default_section_headings_are_the_described_labels() {
        let skin = crate::skin::Skin::embedded().expect("embedded skin");
        for language in [Language::Nb, Language::Nn, Language::En] {
            let strings = skin.strings_for(language);
            for (field, _) in fields::sections() {
                assert_eq!(
                    strings.get(field.key).map(String::as_str),
                    Some(field.label.get(language)),
                    "`{}` in {language:?}",
                    field.key
                );
            }
        }
    }
}
