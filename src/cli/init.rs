//! `casebook init [DIR]`: a working skeleton site. Never overwrites a file.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use anyhow::Context;

use super::{Outcome, say};

mod workflow;

const SITE: &str = "\
# Innstillinger for nettstedet. `casebook check` sier fra om noe er galt.
title: Eksempelsamling
base_url: https://eksempel.no/       # full adresse nettstedet blir publisert på
language: nb                         # nb (bokmål), nn (nynorsk) eller en (engelsk)
description: Erfaringer fra kommuner som har vært med i nasjonale program.
# accessibility_statement: https://uustatus.no/nb/erklaringer/publisert/…
licence: CC BY 4.0
";

const THEMES: &str = "\
# Tema leserne kan bla etter. id: bare a–z, 0–9 og bindestrek.
- id: sykefravaer
  name: Sykefravær og nærvær
  name_nn: Sjukefråvær og nærvær
  description: |
    Tiltak for lavere sykefravær og høyere nærvær.
- id: heltid-deltid
  name: Heltid og deltid
  name_nn: Heiltid og deltid
  description: |
    Arbeid for flere hele stillinger.
";

const PROGRAMMES: &str = "\
# Programmene eksemplene hører til.
- id: sammen
  name: Sammen om en bedre kommune
  owner: KS og Kommunal- og regionaldepartementet
  period: { start: 2012, end: 2015 }
  description: |
    Et samarbeid mellom kommuner, KS og staten om nærvær, heltid,
    kompetanse og omdømme.
";

const ABOUT: &str = "\
---
title: Om eksempelsamlingen
---
Her samler vi erfaringer fra kommuner. Skriv om nettstedet her.
";

const GITKEEP_CASES: &str = "\
Legg ett eksempel per fil her. `casebook new <KOMMUNE>` lager en ferdig utfylt fil.
";

/// The same skeleton in nynorsk, for `casebook --lang nn init`.
mod nynorsk {
    pub const SITE: &str = "\
# Innstillingar for nettstaden. `casebook check` seier frå om noko er gale.
title: Eksempelsamling
base_url: https://eksempel.no/       # full adresse nettstaden blir publisert på
language: nn                         # nb (bokmål), nn (nynorsk) eller en (engelsk)
description: Erfaringar frå kommunar som har vore med i nasjonale program.
# accessibility_statement: https://uustatus.no/nb/erklaringer/publisert/…
licence: CC BY 4.0
";

    pub const THEMES: &str = "\
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

    pub const PROGRAMMES: &str = "\
# Programma eksempla høyrer til.
- id: saman
  name: Saman om ein betre kommune
  owner: KS og Kommunal- og regionaldepartementet
  period: { start: 2012, end: 2015 }
  description: |
    Eit samarbeid mellom kommunar, KS og staten om nærvær, heiltid,
    kompetanse og omdømme.
";

    pub const ABOUT: &str = "\
---
title: Om eksempelsamlinga
---
Her samlar vi erfaringar frå kommunar. Skriv om nettstaden her.
";

    pub const GITKEEP_CASES: &str = "\
Legg eitt eksempel per fil her. `casebook new <KOMMUNE>` lagar ei ferdig utfylt fil.
";
}

/// The built site and what `build` keeps beside it (README, "Output on
/// disk") are not sources.
const GITIGNORE: &str = "\
/public
/.public.casebook-*
";

/// Writes the skeleton into `dir`, in nynorsk when casebook speaks
/// nynorsk and in bokmål otherwise (a catalogue's cases are nb or nn).
pub fn run(dir: &Path) -> anyhow::Result<Outcome> {
    let language = casebook::words::current();
    let [site, themes, programmes, about, cases] = match language {
        casebook::words::Language::Nn => [
            nynorsk::SITE,
            nynorsk::THEMES,
            nynorsk::PROGRAMMES,
            nynorsk::ABOUT,
            nynorsk::GITKEEP_CASES,
        ],
        _ => [SITE, THEMES, PROGRAMMES, ABOUT, GITKEEP_CASES],
    };
    let ci = workflow::text(language);
    let files: [(&str, &str); 7] = [
        ("content/site.yaml", site),
        ("content/themes.yaml", themes),
        ("content/programmes.yaml", programmes),
        ("content/pages/om.md", about),
        ("content/cases/README.txt", cases),
        (".gitignore", GITIGNORE),
        (".github/workflows/casebook.yml", &ci),
    ];
    fs::create_dir_all(dir.join("content/media")).with_context(|| {
        casebook::words!(
            "cannot-create",
            path = dir.join("content/media").display().to_string()
        )
    })?;
    let mut written = 0;
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| {
                casebook::words!("cannot-create", path = parent.display().to_string())
            })?;
        }
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(text.as_bytes()).with_context(|| {
                    casebook::words!("cannot-write", path = path.display().to_string())
                })?;
                say!(
                    "{}",
                    casebook::words!("init-created", path = path.display().to_string())
                );
                written += 1;
            }
            Err(err) if err.kind() == ErrorKind::AlreadyExists => {
                say!(
                    "{}",
                    casebook::words!("init-kept", path = path.display().to_string())
                );
            }
            Err(err) => {
                return Err(err).with_context(|| {
                    casebook::words!("cannot-write", path = path.display().to_string())
                });
            }
        }
    }
    say!(
        "{}",
        casebook::words!(
            "init-done",
            count = written,
            dir = dir.display().to_string()
        )
    );
    Ok(Outcome::Success)
}
