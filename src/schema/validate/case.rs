//! Reading a case's fields in one pass: every field in turn, the narrative
//! sections and the Markdown fields, into a `Case`.

use super::dates::{date, period};
use super::indicators::indicators;
use super::links::{contact, funding, links};
use super::register::{check_register, municipality_number, registered, themes};
use super::{SUMMARY_MAX_CHARS, Vocabulary};
use crate::config::Language;
use crate::content::SourceFile;
use crate::diagnostics::{Severity, did_you_mean};
use crate::norwegian::{COUNTIES, county_by_name, county_by_number};
use crate::schema::checker::{Checker, Fields};
use crate::schema::fields::{self, FIELDS, Presence};
use crate::schema::media::{check_images, check_markdown_images};
use crate::schema::{Case, Status};
use crate::yaml::{Node, Pos, Value};

#[allow(
    clippy::too_many_lines,
    reason = "one linear pass over the fields reads best as one function"
)]
pub(super) fn read_case(
    c: &mut Checker<'_>,
    f: &Fields<'_>,
    open: Pos,
    file: &SourceFile,
    body: &str,
    body_offset: usize,
    vocab: &Vocabulary<'_>,
) -> Option<Case> {
    for field in FIELDS.iter().filter(|f| f.presence == Presence::Required) {
        let name = field.key;
        if f.get(name).is_none() && !c.suggested.contains(&name) {
            let pos = f.key(name).map_or(open, |k| k.pos);
            c.error(
                pos,
                "missing-field",
                crate::words!("field-missing", field = name, label = section_label(name)),
            )
            .help = Some(crate::words!(
                "add-to-front-matter",
                example = field.example
            ));
        }
    }
    let title = f
        .get("title")
        .and_then(|n| c.text(n, "title", "title: Sammen om en bedre kommune"));
    let municipality = f
        .get("municipality")
        .and_then(|n| c.text(n, "municipality", "municipality: Molde"));
    // The register's entry for this municipality, when there is a register:
    // help lines then name its own number and county, not an example's.
    let entry = vocab
        .config
        .register
        .as_deref()
        .zip(municipality.as_deref())
        .and_then(|(register, name)| registered(register, name));
    let number_node = f.get("municipality_number");
    let number = number_node.and_then(|n| municipality_number(c, n, entry));
    let number_county = number
        .as_deref()
        .and_then(|n| county_by_number(&n[..2]))
        .or_else(|| entry.and_then(|m| county_by_number(m.code.get(..2)?)))
        .copied();
    let county_node = f.get("county");
    let county = county_node.and_then(|n| {
        let example = format!("county: {}", number_county.map_or("Innlandet", |c| c.name));
        let name = c.text(n, "county", &example)?;
        let county = county_by_name(&name);
        if county.is_none() {
            let d = c.error(
                n.pos,
                "unknown-county",
                crate::words!("county-unknown", county = name.as_str()),
            );
            d.help = Some(
                match (
                    number_county,
                    did_you_mean(&name, COUNTIES.iter().map(|c| c.name)),
                ) {
                    (Some(by_number), Some(s)) if s == by_number.name => {
                        crate::words!("did-you-mean", suggestion = s)
                    }
                    // The number says which county it is: that beats a guess
                    // from the spelling (`Oppland` for a number in Innlandet).
                    (Some(by_number), _) => crate::words!(
                        "county-by-number-help",
                        number = number
                            .clone()
                            .or_else(|| entry.map(|m| m.code.clone()))
                            .unwrap_or_default(),
                        example = format!("county: {}", by_number.name)
                    ),
                    (None, Some(s)) => crate::words!("did-you-mean", suggestion = s),
                    (None, None) => crate::words!(
                        "counties-are",
                        counties = COUNTIES.map(|c| c.name).join(", ")
                    ),
                },
            );
        }
        county
    });
    if let (Some(number), Some(county), Some(n)) = (&number, county, county_node)
        && let Some(by_number) = county_by_number(&number[..2])
        && by_number != county
    {
        c.error(
            n.pos,
            "county-mismatch",
            crate::words!(
                "county-mismatch",
                number = number.as_str(),
                by_number = by_number.name,
                county_number = by_number.number,
                county = county.name
            ),
        )
        .help = Some(crate::words!(
            "county-mismatch-help",
            by_number = by_number.name
        ));
    }
    if number_node.is_none() && county_node.is_none() {
        let help = match entry.and_then(|m| Some((m, county_by_number(m.code.get(..2)?)?))) {
            Some((m, county)) => crate::words!(
                "missing-county-help-register",
                number = format!("municipality_number: \"{}\"", m.code),
                county = format!("county: {}", county.name)
            ),
            None => crate::words!("missing-county-help"),
        };
        c.report(
            Severity::Warning,
            open,
            "missing-county",
            crate::words!("missing-county"),
        )
        .help = Some(help);
    }
    if let (Some(register), Some(name)) = (&vocab.config.register, &municipality) {
        check_register(
            c,
            register,
            name,
            f.get("municipality"),
            number.as_deref(),
            number_node,
        );
    }
    let programme = f.get("programme").and_then(|n| {
        let id = c.text(n, "programme", "programme: saman")?;
        if vocab.config.programme(&id).is_none() {
            let known: Vec<&str> = vocab
                .config
                .programmes
                .iter()
                .map(|p| p.id.as_str())
                .collect();
            let d = c.error(
                n.pos,
                "unknown-programme",
                crate::words!("programme-unknown", id = id.as_str()),
            );
            d.help = Some(match did_you_mean(&id, known.iter().copied()) {
                Some(s) => crate::words!("did-you-mean", suggestion = s),
                None => crate::words!("programmes-are", ids = known.join(", ")),
            });
            return None;
        }
        Some(id)
    });
    let themes = f.get("themes").and_then(|n| themes(c, n, vocab.config));
    let status_node = f.get("status");
    let status = match status_node {
        None => Some(Status::Ongoing),
        Some(n) => match c.text(n, "status", "status: ongoing") {
            None => None,
            Some(s) => match s.as_str() {
                "planned" => Some(Status::Planned),
                "ongoing" => Some(Status::Ongoing),
                "completed" => Some(Status::Completed),
                other => {
                    let d = c.error(
                        n.pos,
                        "invalid-value",
                        crate::words!("status-unknown", status = other),
                    );
                    d.help = Some(
                        match did_you_mean(other, ["planned", "ongoing", "completed"]).or(
                            match other {
                                "planlagt" => Some("planned"),
                                "pågår" | "pågåande" | "igang" => Some("ongoing"),
                                "ferdig" | "avsluttet" | "avslutta" | "fullført" => {
                                    Some("completed")
                                }
                                _ => None,
                            },
                        ) {
                            Some(s) => crate::words!("status-did-you-mean", suggestion = s),
                            None => crate::words!("status-help"),
                        },
                    );
                    None
                }
            },
        },
    };
    let period = f.get("period").and_then(|n| period(c, n));
    let language = match f.get("language") {
        None => Some(match vocab.config.site.language {
            Language::Nn => Language::Nn,
            _ => Language::Nb,
        }),
        Some(n) => match c.text(n, "language", "language: nn") {
            None => None,
            Some(s) => match s.as_str() {
                "nb" => Some(Language::Nb),
                "nn" => Some(Language::Nn),
                other => {
                    c.error(
                        n.pos,
                        "invalid-value",
                        crate::words!("language-unknown", language = other),
                    )
                    .help = Some(crate::words!("language-help"));
                    None
                }
            },
        },
    };
    let published = f.get("published").and_then(|n| date(c, n, "published"));
    let updated = f.get("updated").and_then(|n| date(c, n, "updated"));
    if let (Some(p), Some(n)) = (published, f.get("published"))
        && p > vocab.today
    {
        c.report(
            Severity::Warning,
            n.pos,
            "future-date",
            crate::words!("published-future", date = p.to_string()),
        )
        .help = Some(crate::words!("published-future-help"));
    }
    let summary = f
        .get("summary")
        .and_then(|n| c.text(n, "summary", "summary: Én til to setninger."));
    if let (Some(s), Some(n)) = (&summary, f.get("summary")) {
        let chars = s.trim().chars().count();
        if chars > SUMMARY_MAX_CHARS {
            c.report(
                Severity::Warning,
                n.pos,
                "long-summary",
                crate::words!("summary-long", chars = chars, max = SUMMARY_MAX_CHARS),
            )
            .help = Some(crate::words!("summary-long-help"));
        }
    }
    let need = markdown_field(c, f, "need", vocab);
    let goal = markdown_field(c, f, "goal", vocab);
    let result = markdown_field(c, f, "result", vocab);
    let anchoring = markdown_field(c, f, "anchoring", vocab);
    let measures = f.get("measures").and_then(|n| measures(c, n, vocab));
    for field in FIELDS {
        if let Presence::RequiredWhen { key, value, code } = field.presence
            && f.get(field.key).is_none()
            && let Some(n) = f.get(key)
            && matches!(&n.value, Value::Str(s) if s.trim() == value)
        {
            c.error(
                n.pos,
                code,
                crate::words!(
                    "required-when",
                    key = key,
                    value = value,
                    field = field.key,
                    label = section_label(field.key)
                ),
            )
            .help = Some(crate::words!(
                "required-when-help",
                example = field.example,
                key = key
            ));
        }
    }
    for field in FIELDS {
        if let Presence::Recommended { code } = field.presence
            && f.get(field.key).is_none()
        {
            c.report(
                Severity::Warning,
                open,
                code,
                crate::words!(
                    "recommended-missing",
                    field = field.key,
                    label = section_label(field.key)
                ),
            )
            .help = Some(crate::words!(
                "add-to-front-matter",
                example = field.example
            ));
        }
    }
    let indicators = match f.get("indicators") {
        None => Some(Vec::new()),
        Some(n) => indicators(c, n, vocab.config, language.unwrap_or_default()),
    };
    let funding = match f.get("funding") {
        None => Some(Vec::new()),
        Some(n) => funding(c, n),
    };
    let links = match f.get("links") {
        None => Some(Vec::new()),
        Some(n) => links(c, n),
    };
    let contact = match f.get("contact") {
        None => Some(None),
        Some(n) => contact(c, n).map(Some),
    };
    let draft = match f.get("draft") {
        None => Some(false),
        Some(n) => c.boolean(n, "draft"),
    };
    check_images(c, body, body_offset, vocab.media);
    crate::schema::nesting::check_depth(c, body, body_offset, true);
    if c.has_errors() {
        return None;
    }
    Some(Case {
        slug: file.stem.clone(),
        file: file.rel.clone(),
        title: title?.trim().to_owned(),
        municipality: municipality?.trim().to_owned(),
        municipality_number: number,
        county: county.copied().or(number_county),
        programme: programme?,
        themes: themes?,
        status: status?,
        period,
        language: language?,
        published,
        updated,
        summary: summary.map(|s| s.trim().to_owned()),
        need: need?,
        goal: goal?,
        measures: measures?,
        result,
        anchoring,
        indicators: indicators?,
        funding: funding?,
        links: links?,
        contact: contact?,
        draft: draft?,
        body: body.to_owned(),
    })
}

/// ` (Behov)` (nynorsk: its nynorsk name) after a narrative section's key,
/// to name it as editors know it.
fn section_label(key: &str) -> String {
    fields::field(key)
        .filter(|f| f.section.is_some())
        .map(|f| {
            // The sections' Norwegian names are the ones editors know,
            // whatever language casebook speaks; nynorsk has its own.
            let label = match crate::words::current() {
                crate::words::Language::Nn => f.label.nn,
                _ => f.label.nb,
            };
            format!(" ({label})")
        })
        .unwrap_or_default()
}

fn markdown_field(
    c: &mut Checker<'_>,
    f: &Fields<'_>,
    field: &str,
    vocab: &Vocabulary<'_>,
) -> Option<String> {
    let n = f.get(field)?;
    let text = c.text(n, field, &format!("{field}: |"))?;
    check_markdown_images(c, &text, c.yaml_offset + n.pos.offset, vocab.media);
    crate::schema::nesting::check_depth(c, &text, c.yaml_offset + n.pos.offset, false);
    Some(text)
}

fn measures(c: &mut Checker<'_>, n: &Node, vocab: &Vocabulary<'_>) -> Option<Vec<String>> {
    let items = c.list(n, "measures", "measures:\n  - Første tiltak")?;
    if items.is_empty() {
        c.error(n.pos, "empty-measures", crate::words!("measures-empty"))
            .help = Some(crate::words!("measures-empty-help"));
        return None;
    }
    let mut out = Vec::new();
    for item in items {
        let text = c.text(item, "measures", "- Opplæring av Lean-navigatører")?;
        check_markdown_images(c, &text, c.yaml_offset + item.pos.offset, vocab.media);
        crate::schema::nesting::check_depth(c, &text, c.yaml_offset + item.pos.offset, false);
        out.push(text);
    }
    Some(out)
}
