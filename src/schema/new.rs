//! A new case for a municipality: its slug and the text of its file, made
//! from the field description's template. `casebook new` and the editor's
//! "new case" form both start a case here, so the two never differ; each
//! writes the file its own way.

use std::fmt;

use super::fields::{Prefill, new_case};
use crate::config::{Config, Language};
use crate::diagnostics::did_you_mean;
use crate::norwegian::{county_by_number, slugify};

/// A case ready to be written to `content/cases/<slug>.md`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCase {
    /// The file stem, `[a-z0-9-]+`.
    pub slug: String,
    /// The municipality's name as the register spells it.
    pub municipality: String,
    /// The file's text (a draft).
    pub text: String,
}

/// Why no case can be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewError {
    /// The name gives no usable file name.
    NoSlug(String),
    /// The name is not in `content/municipalities.csv`.
    NotInRegister {
        /// As written.
        name: String,
        /// The nearest name in the register.
        nearest: Option<String>,
    },
    /// The programme is not in `content/programmes.yaml`.
    UnknownProgramme {
        /// As written.
        id: String,
        /// The nearest id, when one is near.
        nearest: Option<String>,
        /// Every id.
        known: Vec<String>,
    },
    /// `content/programmes.yaml` lists none.
    NoProgramme,
    /// `content/themes.yaml` lists none.
    NoTheme,
}

impl fmt::Display for NewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name_of = |s: &String| s.as_str().to_owned();
        let text = match self {
            NewError::NoSlug(name) => crate::words!("new-no-name", name = name_of(name)),
            NewError::NotInRegister {
                name,
                nearest: Some(s),
            } => crate::words!(
                "new-not-registered-near",
                name = name_of(name),
                suggestion = name_of(s)
            ),
            NewError::NotInRegister {
                name,
                nearest: None,
            } => crate::words!("new-not-registered", name = name_of(name)),
            NewError::UnknownProgramme {
                id,
                nearest: Some(s),
                ..
            } => crate::words!(
                "new-programme-near",
                id = name_of(id),
                suggestion = name_of(s)
            ),
            NewError::UnknownProgramme {
                id,
                nearest: None,
                known,
            } => crate::words!(
                "new-programme-unknown",
                id = name_of(id),
                ids = known.join(", ")
            ),
            NewError::NoProgramme => crate::words!("new-no-programme"),
            NewError::NoTheme => crate::words!("new-no-theme"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for NewError {}

/// Makes the case for `municipality` (looked up in the register, when the
/// site has one) in `programme` (the first one when `None`), written in
/// `language` (`nb` or `nn`; the site's language when `None` or English).
pub fn prepare(
    config: &Config,
    municipality: &str,
    programme: Option<&str>,
    language: Option<Language>,
    today: jiff::civil::Date,
) -> Result<NewCase, NewError> {
    let name = municipality.trim();
    let slug = slugify(name);
    if slug.is_empty() {
        return Err(NewError::NoSlug(name.to_owned()));
    }
    let (name, number) = match &config.register {
        Some(register) => match register
            .iter()
            .find(|m| m.name.to_lowercase() == name.to_lowercase())
        {
            Some(entry) => (entry.name.clone(), Some(entry.code.clone())),
            None => {
                return Err(NewError::NotInRegister {
                    nearest: did_you_mean(name, register.iter().map(|m| m.name.as_str()))
                        .map(str::to_owned),
                    name: name.to_owned(),
                });
            }
        },
        None => (name.to_owned(), None),
    };
    let programme = match programme {
        Some(id) => config.programme(id).ok_or_else(|| {
            let known: Vec<String> = config.programmes.iter().map(|p| p.id.clone()).collect();
            NewError::UnknownProgramme {
                nearest: did_you_mean(id, known.iter().map(String::as_str)).map(str::to_owned),
                id: id.to_owned(),
                known,
            }
        })?,
        None => config.programmes.first().ok_or(NewError::NoProgramme)?,
    };
    if config.themes.is_empty() {
        return Err(NewError::NoTheme);
    }
    let language = match language {
        Some(Language::Nn) => Language::Nn,
        Some(Language::Nb) => Language::Nb,
        _ if config.site.language == Language::Nn => Language::Nn,
        _ => Language::Nb,
    };
    let themes: Vec<&str> = config.themes.iter().map(|t| t.id.as_str()).collect();
    let text = new_case(&Prefill {
        language,
        title: format!("{} i {name}", programme.name),
        municipality: &name,
        municipality_number: number.as_deref(),
        county: number
            .as_deref()
            .and_then(|n| n.get(..2))
            .and_then(county_by_number)
            .map(|c| c.name),
        programme: &programme.id,
        themes: &themes,
        today,
    });
    Ok(NewCase {
        slug,
        municipality: name,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> jiff::civil::Date {
        jiff::civil::date(2026, 12, 3)
    }

    #[test]
    fn the_slug_comes_from_the_name_and_the_text_is_a_draft() {
        let config = Config::for_tests(&["sykefravaer"]);
        let case =
            prepare(&config, " Ålesund ", None, Some(Language::Nn), today()).expect("a case");
        assert_eq!(case.slug, "alesund");
        assert_eq!(case.municipality, "Ålesund");
        assert!(
            case.text.contains("municipality: \"Ålesund\""),
            "{}",
            case.text
        );
        assert!(case.text.contains("\ndraft: true\n"), "{}", case.text);
        assert!(case.text.contains("language: nn"), "{}", case.text);
    }

    #[test]
    fn a_name_without_letters_and_an_unknown_programme_are_refused() {
        let config = Config::for_tests(&["sykefravaer"]);
        assert_eq!(
            prepare(&config, "  --- ", None, None, today()),
            Err(NewError::NoSlug("---".into()))
        );
        assert!(matches!(
            prepare(&config, "Molde", Some("no-such-programme"), None, today()),
            Err(NewError::UnknownProgramme { .. })
        ));
    }
}
