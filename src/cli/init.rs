//! `casebook init [DIR]`: a working skeleton site. Never overwrites a file.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use anyhow::Context;

use super::Outcome;

const SITE: &str = "\
# Innstillingar for nettstaden. Sjå README.md i casebook for alle felt.
title: Eksempelsamling
base_url: https://eksempel.no/       # full adresse nettstaden blir publisert på
language: nb                         # nb | nn | en
description: Erfaringar frå kommunar som har vore med i nasjonale program.
# accessibility_statement: https://uustatus.no/nb/erklaringer/publisert/…
licence: CC BY 4.0
";

const THEMES: &str = "\
# Tema lesarane kan bla etter. id: berre a–z, 0–9 og bindestrek.
- id: sykefravaer
  name: Sykefravær og nærvær
  name_nn: Sjukefråvær og nærvær
  description: |
    Tiltak for lågare sjukefråvær og høgare nærvær.
- id: heltid-deltid
  name: Heltid og deltid
  name_nn: Heiltid og deltid
  description: |
    Arbeid for fleire heile stillingar.
";

const PROGRAMMES: &str = "\
# Programma casa høyrer til.
- id: saman
  name: Saman om ein betre kommune
  owner: KS og Kommunal- og regionaldepartementet
  period: { start: 2012, end: 2015 }
  description: |
    Eit samarbeid mellom kommunar, KS og staten om nærvær, heiltid,
    kompetanse og omdømme.
";

const ABOUT: &str = "\
---
title: Om eksempelsamlinga
---
Her samlar vi erfaringar frå kommunar. Skriv om nettstaden her.
";

const GITKEEP_CASES: &str = "\
Legg eitt case per fil her. `casebook new <KOMMUNE>` lagar ei ferdig utfylt fil.
";

/// The built site and what `build` keeps beside it (README, "Output on
/// disk") are not sources.
const GITIGNORE: &str = "\
/public
/.public.casebook-*
";

pub fn run(dir: &Path) -> anyhow::Result<Outcome> {
    let files: [(&str, &str); 6] = [
        ("content/site.yaml", SITE),
        ("content/themes.yaml", THEMES),
        ("content/programmes.yaml", PROGRAMMES),
        ("content/pages/om.md", ABOUT),
        ("content/cases/README.txt", GITKEEP_CASES),
        (".gitignore", GITIGNORE),
    ];
    fs::create_dir_all(dir.join("content/media"))
        .with_context(|| format!("cannot create `{}`", dir.join("content/media").display()))?;
    let mut written = 0;
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(text.as_bytes())
                    .with_context(|| format!("cannot write `{}`", path.display()))?;
                eprintln!("   created {}", path.display());
                written += 1;
            }
            Err(err) if err.kind() == ErrorKind::AlreadyExists => {
                eprintln!("      kept {} (it exists already)", path.display());
            }
            Err(err) => {
                return Err(err).with_context(|| format!("cannot write `{}`", path.display()));
            }
        }
    }
    eprintln!(
        "{} files written in `{}`; next: `casebook --root {} new <KOMMUNE>`",
        written,
        dir.display(),
        dir.display()
    );
    Ok(Outcome::Success)
}
