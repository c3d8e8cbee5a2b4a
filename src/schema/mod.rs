//! The case model: raw front matter (a spanned YAML tree) becomes a validated
//! [`Case`] through one conversion that collects every problem, or it
//! becomes diagnostics. Free pages get the same treatment in [`page`].

mod checker;
pub mod fields;
pub mod json_schema;
mod media;
pub mod nesting;
pub mod new;
pub mod page;
mod recover;
mod validate;

use std::borrow::Cow;

use serde::Serialize;

use crate::config::Language;
pub use crate::config::Unit;
use crate::content::SourceFile;
use crate::norwegian::County;

pub use fields::FIELDS;
pub use validate::{SUMMARY_MAX_CHARS, Vocabulary, valid_slug, validate_case};

/// The most problems reported for one file; the rest are counted in one
/// `too-many-problems` diagnostic. A real case has a handful; only a broken
/// or hostile file reaches this.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 100;

/// Where a case stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Decided, not started.
    Planned,
    /// Under way (the default).
    #[default]
    Ongoing,
    /// Finished; has a result.
    Completed,
}

impl Status {
    /// The spelling used in front matter and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Ongoing => "ongoing",
            Status::Completed => "completed",
        }
    }
}

/// Years a case ran (or runs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First year.
    pub start: i32,
    /// Last year; absent while the work goes on.
    pub end: Option<i32>,
}

/// The period of an indicator value: a year, a quarter or a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum PeriodKey {
    /// `2012`.
    Year(i32),
    /// `2008-Q1`.
    Quarter(i32, u8),
    /// `2008-03`.
    Month(i32, u8),
}

impl PeriodKey {
    /// Parses `YYYY`, `YYYY-Qn` or `YYYY-MM`.
    pub fn parse(text: &str) -> Option<PeriodKey> {
        let text = text.trim();
        let year_ok = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
        match text.split_once('-') {
            None if year_ok(text) => text.parse().ok().map(PeriodKey::Year),
            Some((y, rest)) if year_ok(y) => {
                let year = y.parse().ok()?;
                if let Some(q) = rest.strip_prefix(['Q', 'q']) {
                    let q: u8 = q.parse().ok()?;
                    (1..=4).contains(&q).then_some(PeriodKey::Quarter(year, q))
                } else if rest.len() == 2 {
                    let m: u8 = rest.parse().ok()?;
                    (1..=12).contains(&m).then_some(PeriodKey::Month(year, m))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The year the period falls in.
    pub fn year(self) -> i32 {
        match self {
            PeriodKey::Year(y) | PeriodKey::Quarter(y, _) | PeriodKey::Month(y, _) => y,
        }
    }

    /// The period's midpoint as a fractional year, for placing it on a time axis.
    pub fn midpoint(self) -> f64 {
        match self {
            PeriodKey::Year(y) => f64::from(y) + 0.5,
            PeriodKey::Quarter(y, q) => f64::from(y) + (f64::from(q) - 0.5) / 4.0,
            PeriodKey::Month(y, m) => f64::from(y) + (f64::from(m) - 0.5) / 12.0,
        }
    }

    /// The canonical spelling (`2008-Q1`).
    pub fn label(self) -> String {
        match self {
            PeriodKey::Year(y) => y.to_string(),
            PeriodKey::Quarter(y, q) => format!("{y}-Q{q}"),
            PeriodKey::Month(y, m) => format!("{y}-{m:02}"),
        }
    }
}

/// One value of an indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// When.
    pub period: PeriodKey,
    /// The figure.
    pub value: f64,
    /// An optional label (`Ønsket maks`).
    pub label: Option<String>,
}

/// A figure the case reports over time, drawn as a chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Indicator {
    /// The id of the figure in `indicators.yaml`, when the case names one.
    pub id: Option<String>,
    /// What is measured (`Sykefravær`).
    pub name: String,
    /// The unit.
    pub unit: Unit,
    /// Whether a falling line is good news.
    pub lower_is_better: bool,
    /// Measured values, sorted by period.
    pub series: Vec<Point>,
    /// Targets, sorted by period.
    pub targets: Vec<Point>,
}

/// A source of money for the work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Funding {
    /// Who paid.
    pub source: String,
    /// How much, in kroner.
    pub amount_nok: u64,
    /// `year`, `month` or `total` (absent: a one-off amount).
    pub per: Option<String>,
}

/// A link to more about the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The link text.
    pub title: String,
    /// An absolute http(s) URL.
    pub url: String,
}

/// The person to ask about the work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// Full name.
    pub name: String,
    /// What they do in the project (`Prosjektleder`).
    pub role: String,
    /// A plausible e-mail address.
    pub email: Option<String>,
}

/// A validated case: everything the renderer needs, nothing it must check.
/// Its fields are described, for everything made from them, in [`fields`].
#[derive(Clone, Debug, Default, Serialize)]
pub struct Case {
    /// The file stem, `[a-z0-9-]+`.
    pub slug: String,
    /// The source file relative to the site root.
    pub file: String,
    /// Title.
    pub title: String,
    /// Municipality name.
    pub municipality: String,
    /// Four-digit municipality number.
    pub municipality_number: Option<String>,
    /// The county (from `county`, or from the number).
    pub county: Option<County>,
    /// Programme id (known to the config).
    pub programme: String,
    /// Theme ids (known, unique, at least one).
    pub themes: Vec<String>,
    /// Status.
    pub status: Status,
    /// Years.
    pub period: Option<Period>,
    /// `nb` or `nn`.
    pub language: Language,
    /// First published.
    pub published: Option<jiff::civil::Date>,
    /// Last updated.
    pub updated: Option<jiff::civil::Date>,
    /// Short summary for cards and search results.
    pub summary: Option<String>,
    /// Behov (Markdown).
    pub need: String,
    /// Mål (Markdown).
    pub goal: String,
    /// Tiltak (Markdown items).
    pub measures: Vec<String>,
    /// Resultat (Markdown).
    pub result: Option<String>,
    /// Forankring (Markdown).
    pub anchoring: Option<String>,
    /// Figures.
    pub indicators: Vec<Indicator>,
    /// Money.
    pub funding: Vec<Funding>,
    /// Links.
    pub links: Vec<Link>,
    /// Whom to ask.
    pub contact: Option<Contact>,
    /// Left out of the site unless `--drafts`.
    pub draft: bool,
    /// The narrative (Markdown).
    pub body: String,
}

impl Case {
    /// The municipality's URL slug.
    pub fn municipality_slug(&self) -> String {
        crate::norwegian::slugify(&self.municipality)
    }
}

/// Every case and page of a site, validated, with every problem found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Valid cases (drafts only with `drafts`), in file order.
    pub cases: Vec<Case>,
    /// Valid pages.
    pub pages: Vec<page::Page>,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<crate::diagnostics::Diagnostic>,
    /// Case files looked at (drafts skipped without `drafts` are not counted).
    pub case_files: usize,
    /// Case files marked `draft: true` and left unchecked (without `drafts`):
    /// the summary names them, so a new case is never silently ignored.
    pub drafts_skipped: usize,
}

impl Checked {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// Number of files with at least one error.
    pub fn files_with_errors(&self) -> usize {
        let files: std::collections::BTreeSet<&str> = self
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.file.as_str())
            .collect();
        files.len()
    }
}

/// Validates every case and page of files already in memory; see
/// [`validate_files`].
pub fn validate_site(
    config: &crate::config::Config,
    sources: &crate::content::Sources,
    drafts: bool,
    today: jiff::civil::Date,
) -> Checked {
    validate_files(
        config,
        sources,
        |file| Ok(Cow::Borrowed(file)),
        drafts,
        today,
    )
}

/// Validates every case and page of `files` (in parallel), each file's
/// text got from `read` just before it is validated; drafts are skipped,
/// problems and all, unless `drafts` is set. A file that `read` cannot
/// give is reported with the diagnostic it returns.
///
/// `read` may read the file from disk: its text is then let go as soon as
/// its case is made, so the files' text (50 MB at 10 000 cases) is never
/// all in memory beside the cases made from it (diagnostics keep the lines
/// they show).
pub fn validate_files<F: Sync>(
    config: &crate::config::Config,
    files: &crate::content::Files<F>,
    read: impl Fn(&F) -> Result<Cow<'_, SourceFile>, crate::diagnostics::Diagnostic> + Sync,
    drafts: bool,
    today: jiff::civil::Date,
) -> Checked {
    use rayon::prelude::*;
    let vocab = Vocabulary {
        config,
        media: &files.media,
        today,
    };
    let read_cases: Vec<Result<validate::Validated, crate::diagnostics::Diagnostic>> = files
        .cases
        .par_iter()
        .map(|file| read(file).map(|text| validate_case(&text, &vocab)))
        .collect();
    let mut diagnostics = files.diagnostics.clone();
    let mut results = Vec::with_capacity(read_cases.len());
    for result in read_cases {
        match result {
            Ok(validated) => results.push(validated),
            Err(d) => diagnostics.push(d),
        }
    }
    let mut pages = Vec::with_capacity(files.pages.len());
    for file in &files.pages {
        match read(file) {
            Ok(text) => pages.push(text),
            Err(d) => diagnostics.push(d),
        }
    }
    gather(results, diagnostics, files.case_files, &pages, drafts)
}

/// The validated cases and the pages, with every diagnostic, sorted.
fn gather(
    results: Vec<validate::Validated>,
    diagnostics: Vec<crate::diagnostics::Diagnostic>,
    case_files: usize,
    pages: &[Cow<'_, SourceFile>],
    drafts: bool,
) -> Checked {
    let mut checked = Checked {
        diagnostics,
        case_files,
        ..Checked::default()
    };
    for result in results {
        if result.draft && !drafts {
            checked.case_files -= 1;
            checked.drafts_skipped += 1;
            continue;
        }
        checked.diagnostics.extend(result.diagnostics);
        if let Some(case) = result.case {
            checked.cases.push(case);
        }
    }
    checked.diagnostics.extend(validate::duplicate_slugs(
        checked
            .cases
            .iter()
            .map(|c| (c.slug.as_str(), c.file.as_str())),
    ));
    for file in pages {
        match page::validate_page(file) {
            Ok(page) if page.draft && !drafts => {}
            Ok(page) => checked.pages.push(page),
            Err(diagnostics) => checked.diagnostics.extend(diagnostics),
        }
    }
    crate::diagnostics::sort(&mut checked.diagnostics);
    checked
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::config::Config;
    use crate::content::{SourceFile, split_front_matter};

    fn config() -> Config {
        Config::for_tests(&["sykefravaer"])
    }

    /// The diagnostics of one case file `x.md` holding `text`.
    pub(super) fn validate(text: &str) -> Vec<crate::diagnostics::Diagnostic> {
        let config = config();
        let media = std::collections::BTreeSet::new();
        let vocab = Vocabulary {
            config: &config,
            media: &media,
            today: jiff::civil::date(2026, 1, 1),
        };
        let file = SourceFile {
            path: "x.md".into(),
            rel: "content/cases/x.md".into(),
            stem: "x".into(),
            text: text.into(),
        };
        validate_case(&file, &vocab).diagnostics
    }

    const KEYS: [&str; 13] = [
        "title",
        "themes",
        "need",
        "measures",
        "period",
        "indicators",
        "links",
        "status",
        "behov",
        "municipality_number",
        "funding",
        "county",
        "contact",
    ];

    /// What the `validate_case` fuzz target checks: every diagnostic names
    /// the file and a position inside it, and the report is capped.
    fn assert_located(
        text: &str,
        diagnostics: &[crate::diagnostics::Diagnostic],
    ) -> Result<(), TestCaseError> {
        let lines = text.split('\n').count();
        prop_assert!(
            diagnostics.len() <= MAX_DIAGNOSTICS_PER_FILE + 2,
            "{} diagnostics",
            diagnostics.len()
        );
        for d in diagnostics {
            prop_assert_eq!(d.file.as_str(), "content/cases/x.md");
            prop_assert!(
                d.line >= 1 && d.line <= lines && d.column >= 1,
                "{:?} in {} lines",
                d,
                lines
            );
        }
        Ok(())
    }

    proptest! {
        /// What the `split_front_matter` fuzz target checks, on any text
        /// (control characters, NUL, BOM and CR included).
        #[test]
        fn splitter_never_panics_and_points_into_the_text(
            text in "(\u{feff})?(---\r?\n)?(\\PC|[\0\r\t\u{1}\u{7f}])*(\r?\n---\r?\n)?\\PC{0,20}"
        ) {
            match split_front_matter(&text) {
                Ok(split) => {
                    prop_assert_eq!(&text[split.yaml_offset..split.yaml_offset + split.yaml.len()], split.yaml);
                    prop_assert_eq!(&text[split.body_offset..], split.body);
                    prop_assert_eq!(split.yaml_line, text[..split.yaml_offset].matches('\n').count() + 1);
                }
                Err(err) => prop_assert!(text.is_char_boundary(err.offset)),
            }
        }

        /// YAML without a fence line and any body come back exactly.
        #[test]
        fn splitter_round_trips_front_matter_and_body(
            yaml in proptest::collection::vec("[^\n]{0,20}", 0..6)
                .prop_filter("no fence line", |lines| !lines.iter().any(|l| l.trim_end() == "---")),
            crlf in any::<bool>(),
            body in "\\PC{0,40}",
        ) {
            let nl = if crlf { "\r\n" } else { "\n" };
            let yaml: String = yaml.iter().map(|l| format!("{l}{nl}")).collect();
            let text = format!("---{nl}{yaml}---{nl}{body}");
            let split = split_front_matter(&text).expect("well-formed");
            prop_assert_eq!(split.yaml, yaml.as_str());
            prop_assert_eq!(split.body, body.as_str());
        }

        #[test]
        fn validator_never_panics_on_any_text(
            text in "(---\\r?\\n)?(\\PC|[\0\r\t\u{1}\u{feff}]){0,200}(\\n---\\n)?\\PC{0,50}"
        ) {
            let diagnostics = validate(&text);
            assert_located(&text, &diagnostics)?;
        }

        #[test]
        fn validator_never_panics_on_yaml_shaped_input(
            entries in proptest::collection::vec((0usize..KEYS.len(), "[ -~æøåÆØÅ\\t]{0,30}", 0usize..4), 0..12)
        ) {
            let mut text = String::from("---\n");
            for (key, value, shape) in entries {
                let key = KEYS[key];
                match shape {
                    0 => text.push_str(&format!("{key}: {value}\n")),
                    1 => text.push_str(&format!("{key}: [{value}]\n")),
                    2 => text.push_str(&format!("{key}:\n  - {value}\n")),
                    _ => text.push_str(&format!("{key}: {{ start: {value} }}\n")),
                }
            }
            text.push_str("---\nbody\n");
            let diagnostics = validate(&text);
            assert_located(&text, &diagnostics)?;
        }
    }
}
