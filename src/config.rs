//! The site's configuration: `content/site.yaml`, `themes.yaml`,
//! `programmes.yaml`, the optional indicator catalogue `indicators.yaml` and
//! the optional municipality register `municipalities.csv` (SSB
//! classification 131). Config is trusted input
//! from the site's owner; its problems are exit code 2, located like any
//! other diagnostic.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Severity};
use crate::yaml;

/// The UI and content language.
pub use crate::words::Language;

/// `content/site.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The site's title.
    pub title: String,
    /// Absolute URL the site is published at, ending in `/`.
    pub base_url: String,
    /// UI language and `<html lang>`.
    #[serde(default)]
    pub language: Language,
    /// Meta description of the front page.
    #[serde(default)]
    pub description: Option<String>,
    /// Which `themes/<name>/` skin to use (the embedded default when absent).
    #[serde(default)]
    pub skin: Option<String>,
    /// Link to the site's accessibility statement (uustatus).
    #[serde(default)]
    pub accessibility_statement: Option<String>,
    /// Licence printed with the open-data exports.
    #[serde(default)]
    pub licence: Option<String>,
}

/// A topic readers browse by, from `themes.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// `[a-z0-9-]+`, used in URLs and front matter.
    pub id: String,
    /// Name in bokmål.
    pub name: String,
    /// Name in nynorsk, used on nynorsk pages.
    #[serde(default)]
    pub name_nn: Option<String>,
    /// Markdown, shown on the theme page.
    #[serde(default)]
    pub description: Option<String>,
}

impl Theme {
    /// The name in the given language.
    pub fn name_in(&self, language: Language) -> &str {
        match (language, &self.name_nn) {
            (Language::Nn, Some(nn)) => nn,
            _ => &self.name,
        }
    }
}

/// A programme's running years.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    /// First year.
    pub start: i32,
    /// Last year, absent while it runs.
    #[serde(default)]
    pub end: Option<i32>,
}

/// A programme cases belong to, from `programmes.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// `[a-z0-9-]+`.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Who runs it.
    #[serde(default)]
    pub owner: Option<String>,
    /// When it runs.
    #[serde(default)]
    pub period: Option<YearSpan>,
    /// Markdown description.
    #[serde(default)]
    pub description: Option<String>,
}

/// The unit of an indicator's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Per cent: `8,5 %`.
    Percent,
    /// A count of something.
    Count,
    /// Norwegian kroner.
    Nok,
    /// A plain ratio.
    Ratio,
}

impl Unit {
    /// Every unit, in the order help texts list them.
    pub const ALL: [Unit; 4] = [Unit::Percent, Unit::Count, Unit::Nok, Unit::Ratio];

    /// The spelling used in front matter and `indicators.yaml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Nok => "nok",
            Unit::Ratio => "ratio",
        }
    }

    /// The unit spelled `text`.
    pub fn parse(text: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.as_str() == text)
    }
}

/// A figure cases report, from `indicators.yaml`: the one name it is
/// compared by, whatever a case calls it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    /// `[a-z0-9-]+`, what a case's indicator names in `id:`.
    pub id: String,
    /// Name in bokmål.
    pub name: String,
    /// Name in nynorsk.
    #[serde(default)]
    pub name_nn: Option<String>,
    /// The unit of its values.
    pub unit: Unit,
    /// Whether a falling figure is good news.
    #[serde(default)]
    pub lower_is_better: bool,
    /// What is measured, and how.
    #[serde(default)]
    pub description: Option<String>,
}

impl IndicatorDef {
    /// The name in the given language.
    pub fn name_in(&self, language: Language) -> &str {
        match (language, &self.name_nn) {
            (Language::Nn, Some(nn)) => nn,
            _ => &self.name,
        }
    }
}

/// One municipality from the official register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Municipality {
    /// Four-digit number.
    pub code: String,
    /// Official name.
    pub name: String,
}

/// Everything under `content/` that is not a case or a page.
#[derive(Clone, Debug)]
pub struct Config {
    /// `site.yaml`.
    pub site: Site,
    /// `themes.yaml`, in file order.
    pub themes: Vec<Theme>,
    /// `programmes.yaml`, in file order.
    pub programmes: Vec<Programme>,
    /// `indicators.yaml`, in file order; empty when the site has none.
    pub indicators: Vec<IndicatorDef>,
    /// `municipalities.csv`, when present.
    pub register: Option<Vec<Municipality>>,
}

impl Config {
    /// A small site for unit tests: themes with these ids (named by their
    /// ids) and one programme, `saman`.
    #[cfg(test)]
    pub(crate) fn for_tests(themes: &[&str]) -> Config {
        Config {
            site: Site {
                title: "T".into(),
                base_url: "https://x.no/".into(),
                language: Language::Nb,
                description: None,
                skin: None,
                accessibility_statement: None,
                licence: None,
            },
            themes: themes
                .iter()
                .map(|id| Theme {
                    id: (*id).into(),
                    name: (*id).into(),
                    name_nn: None,
                    description: None,
                })
                .collect(),
            programmes: vec![Programme {
                id: "saman".into(),
                name: "S".into(),
                owner: None,
                period: None,
                description: None,
            }],
            indicators: Vec::new(),
            register: None,
        }
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The programme with this id.
    pub fn programme(&self, id: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id == id)
    }

    /// The indicator of `indicators.yaml` with this id.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The indicator of `indicators.yaml` that `name` names in bokmål or
    /// nynorsk (case and surrounding spaces aside), for a case's indicator
    /// that gives a name but no id.
    pub fn indicator_named(&self, name: &str) -> Option<&IndicatorDef> {
        let name = name.trim().to_lowercase();
        self.indicators.iter().find(|i| {
            std::iter::once(&i.name)
                .chain(&i.name_nn)
                .any(|n| n.trim().to_lowercase() == name)
        })
    }
}

/// Reads and parses `content/<name>`; returns the value with the file's
/// text, for locating later problems.
fn read_yaml<T: serde::de::DeserializeOwned>(
    root: &Path,
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(T, String)> {
    let rel = format!("content/{name}");
    let path = root.join(&rel);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            diagnostics.push(
                Diagnostic::file(
                    Severity::Error,
                    "missing-config",
                    &rel,
                    crate::words!(
                        "config-unreadable",
                        file = rel.as_str(),
                        reason = io_reason(&err)
                    ),
                )
                .with_help(crate::words!("config-unreadable-help")),
            );
            return None;
        }
    };
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match yaml::from_str::<T>(text_no_bom) {
        Ok(value) => Some((value, text)),
        Err(err) => {
            let bom = text.len() - text_no_bom.len();
            let d = match err.pos {
                Some(pos) => Diagnostic::at(
                    Severity::Error,
                    "invalid-config",
                    &rel,
                    &text,
                    bom + pos.offset,
                    pos.len,
                    err.message,
                ),
                None => Diagnostic::file(Severity::Error, "invalid-config", &rel, err.message),
            };
            diagnostics.push(d);
            None
        }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Where each list item's `id` value stands in `text` (the whole file):
/// byte offset and length, in item order.
fn id_positions(text: &str) -> Vec<Option<(usize, usize)>> {
    let bom = text.len() - text.trim_start_matches('\u{feff}').len();
    let Ok(root) = yaml::parse(&text[bom..]) else {
        return Vec::new();
    };
    let yaml::Value::Seq(items) = root.value else {
        return Vec::new();
    };
    items
        .iter()
        .map(|item| match &item.value {
            yaml::Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.name == "id")
                .map(|(_, v)| (bom + v.pos.offset, v.pos.len)),
            _ => None,
        })
        .collect()
}

/// Checks the ids of a configuration list (`[a-z0-9-]+`, none twice);
/// `text` is the file's text, to point at the id.
fn check_ids<'a>(
    rel: &str,
    text: &str,
    ids: impl Iterator<Item = &'a str>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let positions = id_positions(text);
    let at = |i: usize, code: &'static str, message: String| match positions.get(i) {
        Some(Some((offset, len))) => {
            Diagnostic::at(Severity::Error, code, rel, text, *offset, *len, message)
        }
        _ => Diagnostic::file(Severity::Error, code, rel, message),
    };
    let mut seen = std::collections::HashSet::new();
    for (i, id) in ids.enumerate() {
        if !valid_id(id) {
            diagnostics.push(
                at(i, "invalid-id", crate::words!("id-invalid", id = id)).with_help(crate::words!(
                    "id-invalid-help",
                    example = crate::norwegian::slugify(id)
                )),
            );
        }
        if !seen.insert(id) {
            diagnostics.push(at(i, "duplicate-id", crate::words!("id-twice", id = id)));
        }
    }
}

/// Why a file could not be read, in the editor's words where casebook
/// knows them, else the system's.
fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => crate::words!("io-missing"),
        std::io::ErrorKind::PermissionDenied => crate::words!("io-permission"),
        _ => err.to_string().to_lowercase(),
    }
}

/// Parses the SSB register export: `;`-separated, quoted or not, with a
/// header naming at least `code` and `name`.
pub fn parse_register(text: &str) -> Result<Vec<Municipality>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| crate::words!("register-header-unreadable", reason = e.to_string()))?
        .clone();
    let column = |wanted: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(wanted))
    };
    let (Some(code_col), Some(name_col)) = (column("code"), column("name")) else {
        return Err(crate::words!("register-header"));
    };
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record
            .map_err(|e| crate::words!("register-line-unreadable", reason = e.to_string()))?;
        let code = record.get(code_col).unwrap_or("").trim();
        let name = record.get(name_col).unwrap_or("").trim();
        if !code.is_empty() && !name.is_empty() {
            out.push(Municipality {
                code: code.to_owned(),
                name: name.to_owned(),
            });
        }
    }
    Ok(out)
}

/// Loads the configuration of the site at `root`; any problem is returned as
/// diagnostics (all of them, not just the first).
pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let site: Option<Site> = read_yaml(root, "site.yaml", &mut diagnostics).map(|(s, _)| s);
    let themes: Option<(Vec<Theme>, String)> = read_yaml(root, "themes.yaml", &mut diagnostics);
    let programmes: Option<(Vec<Programme>, String)> =
        read_yaml(root, "programmes.yaml", &mut diagnostics);
    // Optional: without it, theme pages compare indicators by name.
    let indicators: Option<(Vec<IndicatorDef>, String)> =
        if root.join("content/indicators.yaml").is_file() {
            read_yaml(root, "indicators.yaml", &mut diagnostics)
        } else {
            Some((Vec::new(), String::new()))
        };
    if let Some(site) = &site {
        let ok = (site.base_url.starts_with("https://") || site.base_url.starts_with("http://"))
            && !site.base_url.contains(char::is_whitespace);
        if !ok {
            diagnostics.push(
                Diagnostic::file(
                    Severity::Error,
                    "invalid-config",
                    "content/site.yaml",
                    crate::words!("base-url-invalid", url = site.base_url.as_str()),
                )
                .with_help(crate::words!("base-url-help")),
            );
        }
    }
    if let Some((themes, text)) = &themes {
        check_ids(
            "content/themes.yaml",
            text,
            themes.iter().map(|t| t.id.as_str()),
            &mut diagnostics,
        );
    }
    if let Some((programmes, text)) = &programmes {
        check_ids(
            "content/programmes.yaml",
            text,
            programmes.iter().map(|p| p.id.as_str()),
            &mut diagnostics,
        );
    }
    if let Some((indicators, text)) = &indicators {
        check_ids(
            "content/indicators.yaml",
            text,
            indicators.iter().map(|i| i.id.as_str()),
            &mut diagnostics,
        );
    }
    let register_path = root.join("content/municipalities.csv");
    let register = if register_path.is_file() {
        match fs::read_to_string(&register_path)
            .map_err(|e| {
                crate::words!(
                    "config-unreadable",
                    file = "content/municipalities.csv",
                    reason = io_reason(&e)
                )
            })
            .and_then(|t| parse_register(&t))
        {
            Ok(list) => Some(list),
            Err(message) => {
                diagnostics.push(Diagnostic::file(
                    Severity::Error,
                    "invalid-config",
                    "content/municipalities.csv",
                    message,
                ));
                None
            }
        }
    } else {
        None
    };
    match (site, themes, programmes, indicators) {
        (Some(mut site), Some((themes, _)), Some((programmes, _)), Some((indicators, _)))
            if diagnostics.is_empty() =>
        {
            if !site.base_url.ends_with('/') {
                site.base_url.push('/');
            }
            Ok(Config {
                site,
                themes,
                programmes,
                indicators,
                register,
            })
        }
        _ => Err(diagnostics),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_reads_ssb_export_with_bom_and_quotes() {
        let text = "\u{feff}\"code\";\"parentCode\";\"level\";\"name\"\n\"1506\";\"\";\"1\";\"Molde\"\n3451;;1;Nord-Aurdal\n";
        let list = parse_register(text).expect("valid");
        assert_eq!(list.len(), 2);
        assert_eq!(
            list[0],
            Municipality {
                code: "1506".into(),
                name: "Molde".into()
            }
        );
        assert_eq!(list[1].name, "Nord-Aurdal");
    }

    #[test]
    fn register_without_name_column_is_refused() {
        assert!(parse_register("code;navn\n1506;Molde\n").is_err());
    }
}
