//! `casebook new <MUNICIPALITY>`: writes the case [`casebook::schema::new`]
//! prepares (a Norwegian comment on every field, marked as a draft so it
//! passes `check --drafts` at once). Refuses to overwrite.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use anyhow::{Context, bail};
use casebook::config::Language;
use casebook::schema::new::prepare;
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
    let language = language.map(|l| match l {
        CaseLanguage::Nn => Language::Nn,
        CaseLanguage::Nb => Language::Nb,
    });
    let case = prepare(&config, municipality, programme, language, today())?;
    let slug = case.slug;
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
    file.write_all(case.text.as_bytes())
        .with_context(|| words!("cannot-write", path = path.display().to_string()))?;
    say!("{}", words!("new-created", slug = slug.as_str()));
    Ok(Outcome::Success)
}
