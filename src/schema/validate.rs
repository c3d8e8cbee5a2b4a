//! The case rules of DESIGN.md §2, applied to a spanned YAML tree. Every rule
//! reports with the file, line and column of the offending value, and every
//! problem in the file is reported, not only the first.

use std::collections::{BTreeSet, HashSet};

use super::checker::{Checker, Fields};
use super::fields::{self, FIELDS, Presence};
use super::media::{check_images, check_markdown_images};
use super::{Case, Contact, Funding, Indicator, Link, Period, PeriodKey, Point, Status, Unit};
use crate::config::{Config, Language};
use crate::content::{SourceFile, split_front_matter};
use crate::diagnostics::{Diagnostic, Severity, did_you_mean};
use crate::norwegian::{COUNTIES, county_by_name, county_by_number};
use crate::yaml::{self, Node, Pos, Value};

/// The longest summary that fits a card and a search result.
pub const SUMMARY_MAX_CHARS: usize = 300;

/// What the rules check a case against.
pub struct Vocabulary<'a> {
    /// Themes, programmes, the municipality register.
    pub config: &'a Config,
    /// Files under `content/media/`, relative to it.
    pub media: &'a BTreeSet<String>,
    /// Today's date (for "published in the future").
    pub today: jiff::civil::Date,
}

/// The outcome of validating one case file.
#[derive(Debug)]
pub struct Validated {
    /// The case, when it has no error.
    pub case: Option<Case>,
    /// Every problem found (errors and warnings).
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the file says `draft: true` (known even when it has errors).
    pub draft: bool,
}

/// Validates one case file.
pub fn validate_case(file: &SourceFile, vocab: &Vocabulary<'_>) -> Validated {
    let mut diagnostics = Vec::new();
    if !valid_slug(&file.stem) {
        diagnostics.push(
            Diagnostic::file(
                Severity::Error,
                "invalid-slug",
                &file.rel,
                crate::words!("file-name-invalid", name = file.stem.as_str()),
            )
            .with_help(crate::words!(
                "file-name-help",
                name = format!("{}.md", crate::norwegian::slugify(&file.stem))
            )),
        );
    }
    let split = match split_front_matter(&file.text) {
        Ok(split) => split,
        Err(err) => {
            diagnostics.push(
                Diagnostic::at(
                    Severity::Error,
                    err.code,
                    &file.rel,
                    &file.text,
                    err.offset,
                    3,
                    err.message,
                )
                .with_help(err.help),
            );
            return Validated {
                case: None,
                diagnostics,
                draft: false,
            };
        }
    };
    let parse_started = std::time::Instant::now();
    let read = super::recover::parse(split.yaml);
    crate::timings::add(crate::timings::Cpu::Yaml, parse_started);
    for err in read.errors {
        diagnostics.push(yaml_diagnostic(file, &split, err));
    }
    let Some(root) = read.root else {
        return Validated {
            case: None,
            diagnostics,
            draft: false,
        };
    };
    let mut c = Checker::new(&file.rel, &file.text, split.yaml_offset);
    // A field whose entry was blanked after a YAML mistake is there, only
    // unreadable: it is not also reported as missing.
    for key in &read.blanked {
        if let Some(field) = FIELDS.iter().find(|f| f.key == key.as_str()) {
            c.suggested.push(field.key);
        }
    }
    let open = Pos {
        offset: split.open_offset.wrapping_sub(split.yaml_offset),
        len: 3,
        line: 1,
        column: 1,
    };
    let draft_flag = matches!(&root.value, Value::Map(m) if m.iter().any(|(k, v)| k.name == "draft" && v.value == Value::Bool(true)));
    let case = match c.map(&root, "", FIELDS, "title: …") {
        Some(fields) => read_case(
            &mut c,
            &fields,
            open,
            file,
            split.body,
            split.body_offset,
            vocab,
        ),
        None => None,
    };
    diagnostics.extend(c.into_diagnostics());
    let case = case.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Validated {
        case,
        diagnostics,
        draft: draft_flag,
    }
}

/// A YAML mistake as a diagnostic at its place in the file.
pub(super) fn yaml_diagnostic(
    file: &SourceFile,
    split: &crate::content::Split<'_>,
    err: yaml::YamlError,
) -> Diagnostic {
    let (offset, len) = err.pos.map_or((split.open_offset, 3), |p| {
        (split.yaml_offset + p.offset, p.len)
    });
    let message = match err.first {
        Some((line, column)) => crate::words!(
            "yaml-duplicate-first",
            message = err.message,
            line = file.text[..split.yaml_offset].matches('\n').count() + line,
            column = column
        ),
        None => err.message,
    };
    let mut d = Diagnostic::at(
        Severity::Error,
        "yaml-syntax",
        &file.rel,
        &file.text,
        offset,
        len,
        message,
    );
    d.help = Some(
        err.help
            .unwrap_or_else(|| crate::words!("yaml-unreadable-help")),
    );
    d
}

/// `[a-z0-9-]+`.
pub fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[allow(
    clippy::too_many_lines,
    reason = "one linear pass over the fields reads best as one function"
)]
fn read_case(
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
    super::nesting::check_depth(c, body, body_offset, true);
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

fn municipality_number(
    c: &mut Checker<'_>,
    n: &Node,
    entry: Option<&crate::config::Municipality>,
) -> Option<String> {
    let example = format!(
        "municipality_number: \"{}\"",
        entry.map_or("1506", |m| m.code.as_str())
    );
    if matches!(n.value, Value::Int(_) | Value::Float(_)) {
        // Quote what was written, not the parsed number: `0301` must keep its zero.
        let start = c.yaml_offset + n.pos.offset;
        let written = c
            .text
            .get(start..start + n.pos.len)
            .unwrap_or("")
            .trim()
            .to_owned();
        c.error(n.pos, "wrong-type", crate::words!("number-quotes"))
            .help = Some(crate::words!(
            "number-quotes-help",
            example = format!("municipality_number: \"{written}\"")
        ));
        return None;
    }
    let number = c.string(n, "municipality_number", &example)?;
    let help = |generic| match entry {
        Some(m) => crate::words!(
            "register-number-help-named",
            name = m.name.as_str(),
            example = example.as_str()
        ),
        None => generic,
    };
    if number.len() != 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
        c.error(
            n.pos,
            "invalid-municipality-number",
            crate::words!("number-digits", number = number.as_str()),
        )
        .help = Some(help(crate::words!("number-digits-help")));
        return None;
    }
    if county_by_number(&number[..2]).is_none() {
        c.error(
            n.pos,
            "invalid-municipality-number",
            crate::words!("number-county-gone", number = number.as_str()),
        )
        .help = Some(help(crate::words!(
            "number-county-gone-help",
            numbers = COUNTIES.map(|c| c.number).join(", ")
        )));
        return None;
    }
    Some(number)
}

/// The register's entry for the municipality called `name` (any case).
fn registered<'r>(
    register: &'r [crate::config::Municipality],
    name: &str,
) -> Option<&'r crate::config::Municipality> {
    register.iter().find(|m| {
        m.name.eq_ignore_ascii_case(name.trim())
            || m.name.to_lowercase() == name.trim().to_lowercase()
    })
}

fn check_register(
    c: &mut Checker<'_>,
    register: &[crate::config::Municipality],
    name: &str,
    name_node: Option<&Node>,
    number: Option<&str>,
    number_node: Option<&Node>,
) {
    let entry = registered(register, name);
    match (entry, name_node) {
        (None, Some(n)) => {
            let d = c.error(
                n.pos,
                "unknown-municipality",
                crate::words!("register-unknown", name = name.trim()),
            );
            d.help = Some(
                match did_you_mean(name, register.iter().map(|m| m.name.as_str())) {
                    Some(s) => crate::words!("did-you-mean", suggestion = s.to_string()),
                    None => crate::words!("register-help"),
                },
            );
        }
        (Some(entry), _) => {
            if let (Some(number), Some(n)) = (number, number_node)
                && entry.code != number
            {
                c.error(
                    n.pos,
                    "municipality-number-mismatch",
                    crate::words!(
                        "register-number",
                        name = entry.name.as_str(),
                        code = entry.code.as_str(),
                        number = number
                    ),
                )
                .help = Some(crate::words!(
                    "register-number-help",
                    example = format!("municipality_number: \"{}\"", entry.code)
                ));
            }
        }
        (None, None) => {}
    }
}

fn themes(c: &mut Checker<'_>, n: &Node, config: &Config) -> Option<Vec<String>> {
    let items = c.list(n, "themes", "themes: [sykefravaer, heltid-deltid]")?;
    if items.is_empty() {
        c.error(n.pos, "empty-themes", crate::words!("themes-empty"))
            .help = Some(crate::words!(
            "themes-empty-help",
            example = format!(
                "themes: [{}]",
                config.themes.first().map_or("…", |t| t.id.as_str())
            )
        ));
        return None;
    }
    let known: Vec<&str> = config.themes.iter().map(|t| t.id.as_str()).collect();
    let mut out = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(id) = c.text(item, "themes", "themes: [sykefravaer]") else {
            ok = false;
            continue;
        };
        if !known.contains(&id.as_str()) {
            ok = false;
            let d = c.error(
                item.pos,
                "unknown-theme",
                crate::words!("theme-unknown", id = id.as_str()),
            );
            d.help = Some(match did_you_mean(&id, known.iter().copied()) {
                Some(s) => crate::words!("did-you-mean", suggestion = s),
                None => crate::words!("themes-are", ids = known.join(", ")),
            });
        } else if out.contains(&id) {
            ok = false;
            c.error(
                item.pos,
                "duplicate-theme",
                crate::words!("theme-twice", id = id.as_str()),
            )
            .help = Some(crate::words!("theme-twice-help"));
        } else {
            out.push(id);
        }
    }
    ok.then_some(out)
}

fn year(c: &mut Checker<'_>, n: &Node, field: &str) -> Option<i32> {
    let y = c.integer(n, field, &format!("{field}: 2012"))?;
    if !(1990..=2100).contains(&y) {
        c.error(
            n.pos,
            "invalid-year",
            crate::words!("year-range", field = field, year = y.to_string()),
        )
        .help = Some(crate::words!("year-help"));
        return None;
    }
    i32::try_from(y).ok()
}

fn period(c: &mut Checker<'_>, n: &Node) -> Option<Period> {
    let f = c.map(
        n,
        "period",
        fields::PERIOD,
        "period: { start: 2012, end: 2015 }",
    )?;
    let Some(start_node) = f.get("start") else {
        c.error(n.pos, "missing-field", crate::words!("period-start"))
            .help = Some(crate::words!(
            "write-like-this",
            example = "period: { start: 2012, end: 2015 }"
        ));
        return None;
    };
    let start = year(c, start_node, "period.start");
    let end = f.get("end").and_then(|e| year(c, e, "period.end"));
    if let (Some(s), Some(e), Some(end_node)) = (start, end, f.get("end"))
        && s > e
    {
        c.error(
            end_node.pos,
            "invalid-period",
            crate::words!("period-order", end = e.to_string(), start = s.to_string()),
        )
        .help = Some(crate::words!("period-order-help"));
        return None;
    }
    Some(Period { start: start?, end })
}

fn date(c: &mut Checker<'_>, n: &Node, field: &str) -> Option<jiff::civil::Date> {
    let text = match &n.value {
        Value::Str(s) => s.trim().to_owned(),
        _ => {
            c.error(
                n.pos,
                "wrong-type",
                crate::words!("date-wrong-type", field = field),
            )
            .help = Some(crate::words!(
                "date-help",
                example = format!("{field}: 2013-05-02")
            ));
            return None;
        }
    };
    let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse::<jiff::civil::Date>() {
        Ok(d) if shaped => Some(d),
        _ => {
            let help = match meant_date(&text) {
                Some(meant) => {
                    crate::words!("date-meant-help", example = format!("{field}: {meant}"))
                }
                None => crate::words!("date-help", example = format!("{field}: 2013-05-02")),
            };
            c.error(
                n.pos,
                "invalid-date",
                crate::words!("date-invalid", text = text.as_str()),
            )
            .help = Some(help);
            None
        }
    }
}

/// The date an editor most likely meant by `text`: `10.01.2023` (the
/// Norwegian way, also with `/`) is 10 January 2023; a day past the end of
/// its month (`2015-02-30`) is that month's last day; a month past 12 with
/// a day that could be a month (`2015-13-02`) is day and month swapped.
fn meant_date(text: &str) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = text.split(['-', '.', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i16>().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a)?, number(b)?, number(c)?)
    } else if c.len() == 4 {
        (number(c)?, number(b)?, number(a)?)
    } else {
        return None;
    };
    let (month, day) = if month > 12 && (1..=12).contains(&day) {
        (day, month)
    } else {
        (month, day)
    };
    let month = i8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let first = jiff::civil::Date::new(year, month, 1).ok()?;
    let day = i8::try_from(day).ok().filter(|d| *d >= 1)?;
    first
        .with()
        .day(day.min(first.days_in_month()))
        .build()
        .ok()
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
    super::nesting::check_depth(c, &text, c.yaml_offset + n.pos.offset, false);
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
        super::nesting::check_depth(c, &text, c.yaml_offset + item.pos.offset, false);
        out.push(text);
    }
    Some(out)
}

fn indicators(
    c: &mut Checker<'_>,
    n: &Node,
    config: &Config,
    language: Language,
) -> Option<Vec<Indicator>> {
    let items = c.list(n, "indicators", "indicators:\n  - name: Sykefravær")?;
    let mut out = Vec::new();
    let mut ok = true;
    for item in items {
        match indicator(c, item, config, language) {
            Some(i) => out.push(i),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// One indicator. With an `id`, what the case leaves out (name, unit,
/// direction) comes from `indicators.yaml`; a unit the case states must
/// agree with it, so that the figures compared are of one kind.
fn indicator(
    c: &mut Checker<'_>,
    n: &Node,
    config: &Config,
    language: Language,
) -> Option<Indicator> {
    let f = c.map(n, "indicators", fields::INDICATOR, "- name: Sykefravær")?;
    let known = match f.get("id") {
        None => None,
        Some(v) => {
            let id = c.text(v, "id", "id: sykefravaer")?;
            let id = id.trim().to_owned();
            match config.indicator(&id) {
                Some(def) => Some(def),
                None => {
                    let ids = config.indicators.iter().map(|i| i.id.as_str());
                    let d = c.error(
                        v.pos,
                        "unknown-indicator",
                        crate::words!("indicator-unknown", id = id.as_str()),
                    );
                    d.help = Some(match did_you_mean(&id, ids.clone()) {
                        Some(s) => crate::words!("did-you-mean", suggestion = s),
                        None if config.indicators.is_empty() => {
                            crate::words!("indicators-none-help")
                        }
                        None => crate::words!(
                            "indicators-are",
                            ids = ids.collect::<Vec<_>>().join(", ")
                        ),
                    });
                    return None;
                }
            }
        }
    };
    let mut required = vec!["series"];
    if known.is_none() {
        required.splice(0..0, ["name", "unit"]);
    }
    for required in required {
        if f.get(required).is_none() {
            c.error(
                n.pos,
                "missing-field",
                crate::words!("entry-needs-indicator", needs = required.to_string()),
            )
            .help = Some(crate::words!("entry-needs-indicator-help"));
        }
    }
    let name = match f.get("name") {
        Some(v) => c.text(v, "name", "name: Sykefravær"),
        None => known.map(|k| k.name_in(language).to_owned()),
    };
    let unit = match f.get("unit") {
        None => known.map(|k| k.unit),
        Some(v) => {
            let s = c.text(v, "unit", "unit: percent")?;
            let Some(unit) = Unit::parse(&s) else {
                let d = c.error(
                    v.pos,
                    "invalid-value",
                    crate::words!("unit-unknown", unit = s.as_str()),
                );
                d.help = Some(
                    match did_you_mean(&s, Unit::ALL.iter().map(|u| u.as_str())) {
                        Some(s) => crate::words!("did-you-mean", suggestion = s.to_string()),
                        None => crate::words!("unit-help"),
                    },
                );
                return None;
            };
            if let Some(k) = known
                && k.unit != unit
            {
                let d = c.error(
                    v.pos,
                    "invalid-value",
                    crate::words!(
                        "indicator-unit",
                        id = k.id.as_str(),
                        unit = k.unit.as_str(),
                        written = s.as_str()
                    ),
                );
                d.help = Some(crate::words!("indicator-unit-help"));
                return None;
            }
            Some(unit)
        }
    };
    let lower = match f.get("lower_is_better") {
        None => Some(known.is_some_and(|k| k.lower_is_better)),
        Some(v) => c.boolean(v, "lower_is_better"),
    };
    let series = f.get("series").and_then(|v| points(c, v, "series"));
    let targets = match f.get("targets") {
        None => Some(Vec::new()),
        Some(v) => points(c, v, "targets"),
    };
    Some(Indicator {
        id: known.map(|k| k.id.clone()),
        name: name?,
        unit: unit?,
        lower_is_better: lower?,
        series: series?,
        targets: targets?,
    })
}

fn points(c: &mut Checker<'_>, n: &Node, field: &str) -> Option<Vec<Point>> {
    let example = "- { period: 2008-Q1, value: 9.3 }";
    let items = c.list(n, field, example)?;
    let mut out: Vec<Point> = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(f) = c.map(item, field, fields::POINT, example) else {
            ok = false;
            continue;
        };
        let period = match f.get("period") {
            None => {
                c.error(
                    item.pos,
                    "missing-field",
                    crate::words!("entry-needs-point", field = field, needs = "period"),
                )
                .help = Some(crate::words!(
                    "write-like-this",
                    example = example.to_string()
                ));
                None
            }
            Some(p) => {
                let text = match &p.value {
                    Value::Str(s) => Some(s.clone()),
                    Value::Int(i) => Some(i.to_string()),
                    _ => None,
                };
                match text.as_deref().and_then(PeriodKey::parse) {
                    Some(key) if (1990..=2100).contains(&key.year()) => {
                        if out.iter().any(|pt| pt.period == key) {
                            c.error(
                                p.pos,
                                "duplicate-period",
                                crate::words!("period-twice", period = key.label(), field = field),
                            )
                            .help = Some(crate::words!("period-twice-help"));
                            None
                        } else {
                            Some(key)
                        }
                    }
                    _ => {
                        c.error(
                            p.pos,
                            "invalid-period",
                            crate::words!(
                                "period-invalid",
                                period = text.unwrap_or_else(|| p.value.kind())
                            ),
                        )
                        .help = Some(crate::words!("period-help"));
                        None
                    }
                }
            }
        };
        let value = match f.get("value") {
            None => {
                c.error(
                    item.pos,
                    "missing-field",
                    crate::words!("entry-needs-point", field = field, needs = "value"),
                )
                .help = Some(crate::words!(
                    "write-like-this",
                    example = example.to_string()
                ));
                None
            }
            Some(v) => c.number(v, "value", "value: 9.3"),
        };
        let label = f
            .get("label")
            .and_then(|l| c.text(l, "label", "label: Ønsket maks"));
        match (period, value) {
            (Some(period), Some(value)) => out.push(Point {
                period,
                value,
                label,
            }),
            _ => ok = false,
        }
    }
    out.sort_by_key(|p| p.period);
    ok.then_some(out)
}

fn funding(c: &mut Checker<'_>, n: &Node) -> Option<Vec<Funding>> {
    let example = "- { source: Kommunal- og regionaldepartementet, amount_nok: 300000, per: year }";
    let items = c.list(n, "funding", example)?;
    let mut out = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(f) = c.map(item, "funding", fields::FUNDING, example) else {
            ok = false;
            continue;
        };
        let source = f
            .get("source")
            .and_then(|v| c.text(v, "source", "source: Kommunen"));
        let amount = f.get("amount_nok").and_then(|v| {
            let a = c.integer(v, "amount_nok", "amount_nok: 300000")?;
            if a < 0 {
                c.error(v.pos, "invalid-value", crate::words!("amount-negative"));
                return None;
            }
            u64::try_from(a).ok()
        });
        for required in ["source", "amount_nok"] {
            if f.get(required).is_none() {
                c.error(
                    item.pos,
                    "missing-field",
                    crate::words!("entry-needs-funding", needs = required.to_string()),
                )
                .help = Some(crate::words!(
                    "write-like-this",
                    example = example.to_string()
                ));
            }
        }
        let per = match f.get("per") {
            None => Some(None),
            Some(v) => c.text(v, "per", "per: year").and_then(|p| {
                if ["year", "month", "total"].contains(&p.as_str()) {
                    Some(Some(p))
                } else {
                    c.error(
                        v.pos,
                        "invalid-value",
                        crate::words!("per-unknown", per = p.as_str()),
                    )
                    .help = Some(crate::words!("per-help"));
                    None
                }
            }),
        };
        match (source, amount, per) {
            (Some(source), Some(amount_nok), Some(per)) => out.push(Funding {
                source,
                amount_nok,
                per,
            }),
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

/// Why `url` is not an absolute http(s) link, if it is not: the id of
/// the message that says so.
fn link_problem(url: &str) -> Option<&'static str> {
    if url
        .chars()
        .any(|ch| ch.is_whitespace() || matches!(ch, '"' | '\'' | '<' | '>' | '`'))
    {
        return Some("link-spaces");
    }
    match url::Url::parse(url) {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| !h.is_empty()) =>
        {
            None
        }
        Ok(_) => Some("link-not-http"),
        Err(_) => Some("link-incomplete"),
    }
}

fn links(c: &mut Checker<'_>, n: &Node) -> Option<Vec<Link>> {
    let example = "- { title: Reportasje fra prosjektet, url: https://www.ks.no/… }";
    let items = c.list(n, "links", example)?;
    let mut out = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(f) = c.map(item, "links", fields::LINK, example) else {
            ok = false;
            continue;
        };
        for required in ["title", "url"] {
            if f.get(required).is_none() {
                c.error(
                    item.pos,
                    "missing-field",
                    crate::words!("entry-needs-link", needs = required.to_string()),
                )
                .help = Some(crate::words!(
                    "write-like-this",
                    example = example.to_string()
                ));
            }
        }
        let title = f
            .get("title")
            .and_then(|v| c.text(v, "title", "title: Reportasje"));
        let url = f.get("url").and_then(|v| {
            let u = c.text(v, "url", "url: https://www.ks.no/")?;
            if let Some(problem) = link_problem(u.trim()) {
                c.error(
                    v.pos,
                    "invalid-link",
                    crate::words::text(problem, vec![("url", crate::words::Arg::from(u.trim()))]),
                )
                .help = Some(crate::words!("link-help"));
                return None;
            }
            Some(u.trim().to_owned())
        });
        match (title, url) {
            (Some(title), Some(url)) => out.push(Link { title, url }),
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn contact(c: &mut Checker<'_>, n: &Node) -> Option<Contact> {
    let example = fields::field("contact").map_or("", |f| f.example);
    let f = c.map(n, "contact", fields::CONTACT, example)?;
    for required in fields::CONTACT
        .iter()
        .filter(|s| s.presence == Presence::Required)
    {
        if f.get(required.key).is_none() && !c.suggested.contains(&required.key) {
            c.error(
                n.pos,
                "missing-field",
                crate::words!("entry-needs-contact", needs = required.key),
            )
            .help = Some(crate::words!(
                "write-like-this",
                example = example.to_string()
            ));
        }
    }
    let name = f
        .get("name")
        .and_then(|v| c.text(v, "name", "name: Kari Nordmann"));
    let role = f
        .get("role")
        .and_then(|v| c.text(v, "role", "role: Prosjektleder"));
    let email = match f.get("email") {
        None => Some(None),
        Some(v) => c
            .string(v, "email", "email: kari@kommune.no")
            .and_then(|e| {
                if plausible_email(&e) {
                    Some(Some(e))
                } else {
                    c.error(
                        v.pos,
                        "invalid-email",
                        crate::words!("email-invalid", address = e.as_str()),
                    )
                    .help = Some(crate::words!("email-help"));
                    None
                }
            }),
    };
    Some(Contact {
        name: name?.trim().to_owned(),
        role: role?.trim().to_owned(),
        email: email?,
    })
}

/// One `local@domain.tld` address: no spaces, quotes or `<>`, one `@`, and a
/// domain of dot-separated labels. What a mail server accepts is wider; what
/// a case should print is not.
fn plausible_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let bad = |ch: char| ch.is_whitespace() || ch.is_control() || "\"'<>(),;:[]@\\".contains(ch);
    !local.is_empty()
        && !local.contains(bad)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|ch| ch.is_alphanumeric() || ch == '-')
        })
}

/// Reports slugs used by more than one case file (cases in subfolders can
/// collide). Returns the diagnostics; the cases themselves are unchanged.
pub fn duplicate_slugs<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Diagnostic> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut first: Vec<(&str, &str)> = Vec::new();
    let mut out = Vec::new();
    for (slug, file) in files {
        if seen.insert(slug) {
            first.push((slug, file));
        } else {
            let other = first
                .iter()
                .find(|(s, _)| *s == slug)
                .map_or("", |(_, f)| *f);
            out.push(
                Diagnostic::file(
                    Severity::Error,
                    "duplicate-slug",
                    file,
                    crate::words!(
                        "slug-taken",
                        slug = slug.to_string(),
                        other = other.to_string()
                    ),
                )
                .with_help(crate::words!("slug-taken-help")),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::meant_date;

    #[test]
    fn meant_dates_are_the_nearest_real_ones() {
        let meant = |text| meant_date(text).map(|d| d.to_string());
        assert_eq!(meant("10.01.2023").as_deref(), Some("2023-01-10"));
        assert_eq!(meant("1/2/2023").as_deref(), Some("2023-02-01"));
        assert_eq!(meant("2015-02-30").as_deref(), Some("2015-02-28"));
        assert_eq!(meant("2024-02-30").as_deref(), Some("2024-02-29"));
        assert_eq!(meant("2015-04-31").as_deref(), Some("2015-04-30"));
        assert_eq!(meant("2015-13-02").as_deref(), Some("2015-02-13"));
        assert_eq!(meant("2015-13-14"), None);
        assert_eq!(meant("i fjor"), None);
    }
}
