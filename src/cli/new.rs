//! `casebook new <MUNICIPALITY>`: finds the municipality and the programme,
//! and writes the case the field description makes (a Norwegian comment on
//! every field, marked as a draft so it passes `check --drafts` at once).
//! Refuses to overwrite.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use anyhow::{Context, bail};
use casebook::config::Language;
use casebook::diagnostics::did_you_mean;
use casebook::norwegian::{county_by_number, slugify};
use casebook::schema::fields::{Prefill, new_case};
use casebook::words;

use super::{Outcome, load_config, say, today};
use crate::CaseLanguage;

pub fn run(
    root: &Path,
    municipality: &str,
    programme: Option<&str>,
    language: Option<CaseLanguage>,
) -> anyhow::Result<Outcome> {
    let config = load_config(root)?;
    let name = municipality.trim();
    let slug = slugify(name);
    if slug.is_empty() {
        bail!(words!("new-no-name", name = name));
    }
    let (name, number) = match &config.register {
        Some(register) => match register
            .iter()
            .find(|m| m.name.to_lowercase() == name.to_lowercase())
        {
            Some(entry) => (entry.name.clone(), Some(entry.code.clone())),
            None => {
                bail!(
                    match did_you_mean(name, register.iter().map(|m| m.name.as_str())) {
                        Some(s) => words!("new-not-registered-near", name = name, suggestion = s),
                        None => words!("new-not-registered", name = name),
                    }
                );
            }
        },
        None => (name.to_owned(), None),
    };
    let programme = match programme {
        Some(id) => match config.programme(id) {
            Some(p) => p,
            None => {
                let ids: Vec<&str> = config.programmes.iter().map(|p| p.id.as_str()).collect();
                bail!(match did_you_mean(id, ids.iter().copied()) {
                    Some(s) => words!("new-programme-near", id = id, suggestion = s),
                    None => words!("new-programme-unknown", id = id, ids = ids.join(", ")),
                });
            }
        },
        None => config
            .programmes
            .first()
            .with_context(|| words!("new-no-programme"))?,
    };
    if config.themes.is_empty() {
        bail!(words!("new-no-theme"));
    }
    let lang = match language {
        Some(CaseLanguage::Nn) => Language::Nn,
        Some(CaseLanguage::Nb) => Language::Nb,
        None if config.site.language == Language::Nn => Language::Nn,
        None => Language::Nb,
    };
    let themes: Vec<&str> = config.themes.iter().map(|t| t.id.as_str()).collect();
    let text = new_case(&Prefill {
        language: lang,
        title: format!("{} i {name}", programme.name),
        municipality: &name,
        municipality_number: number.as_deref(),
        county: number
            .as_deref()
            .and_then(|n| county_by_number(&n[..2]))
            .map(|c| c.name),
        programme: &programme.id,
        themes: &themes,
        today: today(),
    });
    let dir = root.join("content/cases");
    fs::create_dir_all(&dir)
        .with_context(|| words!("cannot-create", path = dir.display().to_string()))?;
    let path = dir.join(format!("{slug}.md"));
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(file) => file,
        Err(err) if err.kind() == ErrorKind::AlreadyExists => {
            bail!(words!("new-exists", slug = slug.as_str()))
        }
        Err(err) => {
            return Err(err)
                .with_context(|| words!("cannot-write", path = path.display().to_string()));
        }
    };
    file.write_all(text.as_bytes())
        .with_context(|| words!("cannot-write", path = path.display().to_string()))?;
    say!("{}", words!("new-created", slug = slug.as_str()));
    Ok(Outcome::Success)
}
