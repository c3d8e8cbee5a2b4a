//! `casebook new <MUNICIPALITY>`: a prefilled case file with a Norwegian
//! comment on every field, marked as a draft so it passes `check --drafts`
//! at once. Refuses to overwrite.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use anyhow::{Context, bail};
use casebook::diagnostics::did_you_mean;
use casebook::norwegian::{county_by_number, slugify};

use super::{Outcome, load_config, today};
use crate::CaseLanguage;

/// Comment texts, bokmål and nynorsk.
struct Words {
    title: &'static str,
    municipality: &'static str,
    number: &'static str,
    number_missing: &'static str,
    county: &'static str,
    programme: &'static str,
    themes: &'static str,
    status: &'static str,
    period: &'static str,
    language: &'static str,
    published: &'static str,
    summary: &'static str,
    summary_text: &'static str,
    need: &'static str,
    need_text: &'static str,
    goal: &'static str,
    goal_text: &'static str,
    measures: &'static str,
    measure_text: &'static str,
    result: &'static str,
    anchoring: &'static str,
    indicators: &'static str,
    funding: &'static str,
    links: &'static str,
    draft: &'static str,
    body: &'static str,
}

const NB: Words = Words {
    title: "Tittel på caset",
    municipality: "Kommunens navn",
    number: "Kommunenummer, fire sifre i anførselstegn; de to første er fylkesnummeret",
    number_missing: "Fyll inn kommunenummeret (fire sifre i anførselstegn) og fylket, og fjern #",
    county: "Fylket (inndelingen fra 2024)",
    programme: "Programmet caset hører til (id fra content/programmes.yaml)",
    themes: "Tema (id-er fra content/themes.yaml):",
    status: "planned (planlagt), ongoing (pågår) eller completed (avsluttet)",
    period: "Årene arbeidet pågår; ta bort end mens det pågår",
    language: "nb (bokmål) eller nn (nynorsk)",
    published: "Publiseringsdato, ÅÅÅÅ-MM-DD",
    summary: "Én til to setninger til kort og søkeresultat (maks 300 tegn)",
    summary_text: "Skriv en kort oppsummering av caset.",
    need: "Behov: hvorfor kommunen satte i gang (Markdown)",
    need_text: "Beskriv behovet kommunen så.",
    goal: "Mål: hva kommunen ville oppnå (Markdown)",
    goal_text: "Beskriv målene.",
    measures: "Tiltak: ett punkt per tiltak (Markdown)",
    measure_text: "Beskriv det første tiltaket.",
    result: "Resultat: påkrevd når status er completed (Markdown)",
    anchoring: "Forankring: hvordan arbeidet er forankret hos politikere, ledere og tillitsvalgte",
    indicators: "Tall som tegnes som diagram (valgfritt)",
    funding: "Finansiering (valgfritt)",
    links: "Lenker, bare https-adresser (valgfritt)",
    draft: "Utkast publiseres ikke; sett til false når caset er klart",
    body: "Skriv reportasjen fra prosjektet her (Markdown).",
};

const NN: Words = Words {
    title: "Tittel på caset",
    municipality: "Namnet på kommunen",
    number: "Kommunenummer, fire siffer i hermeteikn; dei to første er fylkesnummeret",
    number_missing: "Fyll inn kommunenummeret (fire siffer i hermeteikn) og fylket, og fjern #",
    county: "Fylket (inndelinga frå 2024)",
    programme: "Programmet caset høyrer til (id frå content/programmes.yaml)",
    themes: "Tema (id-ar frå content/themes.yaml):",
    status: "planned (planlagt), ongoing (pågår) eller completed (avslutta)",
    period: "Åra arbeidet går føre seg; ta bort end medan det pågår",
    language: "nb (bokmål) eller nn (nynorsk)",
    published: "Publiseringsdato, ÅÅÅÅ-MM-DD",
    summary: "Éi til to setningar til kort og søkjeresultat (maks 300 teikn)",
    summary_text: "Skriv ei kort oppsummering av caset.",
    need: "Behov: kvifor kommunen sette i gang (Markdown)",
    need_text: "Beskriv behovet kommunen såg.",
    goal: "Mål: kva kommunen ville oppnå (Markdown)",
    goal_text: "Beskriv måla.",
    measures: "Tiltak: eitt punkt per tiltak (Markdown)",
    measure_text: "Beskriv det første tiltaket.",
    result: "Resultat: påkravd når status er completed (Markdown)",
    anchoring: "Forankring: korleis arbeidet er forankra hos politikarar, leiarar og tillitsvalde",
    indicators: "Tal som blir teikna som diagram (valfritt)",
    funding: "Finansiering (valfritt)",
    links: "Lenkjer, berre https-adresser (valfritt)",
    draft: "Utkast blir ikkje publiserte; set til false når caset er klart",
    body: "Skriv reportasjen frå prosjektet her (Markdown).",
};

fn yaml_quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

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
        bail!(
            "`{name}` gives no usable file name; write the municipality's name, e.g. `casebook new Ålesund`"
        );
    }
    let (name, number) = match &config.register {
        Some(register) => match register
            .iter()
            .find(|m| m.name.to_lowercase() == name.to_lowercase())
        {
            Some(entry) => (entry.name.clone(), Some(entry.code.clone())),
            None => {
                let hint = did_you_mean(name, register.iter().map(|m| m.name.as_str()))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                bail!("`{name}` is not in `content/municipalities.csv`{hint}");
            }
        },
        None => (name.to_owned(), None),
    };
    let programme = match programme {
        Some(id) => match config.programme(id) {
            Some(p) => p,
            None => {
                let ids: Vec<&str> = config.programmes.iter().map(|p| p.id.as_str()).collect();
                let hint = did_you_mean(id, ids.iter().copied()).map_or_else(
                    || format!("; the programmes are: {}", ids.join(", ")),
                    |s| format!("; did you mean `{s}`?"),
                );
                bail!("unknown programme `{id}`{hint}");
            }
        },
        None => config
            .programmes
            .first()
            .context("`content/programmes.yaml` lists no programme; add one first")?,
    };
    let theme = config
        .themes
        .first()
        .context("`content/themes.yaml` lists no theme; add one first")?;
    let lang = match language {
        Some(CaseLanguage::Nn) => "nn",
        Some(CaseLanguage::Nb) => "nb",
        None if config.site.language == casebook::config::Language::Nn => "nn",
        None => "nb",
    };
    let w = if lang == "nn" { &NN } else { &NB };
    let all_themes: Vec<&str> = config.themes.iter().map(|t| t.id.as_str()).collect();
    let county = number.as_deref().and_then(|n| county_by_number(&n[..2]));
    let place = match (&number, county) {
        (Some(number), Some(county)) => format!(
            "municipality_number: \"{number}\"   # {}\ncounty: {}   # {}\n",
            w.number, county.name, w.county
        ),
        _ => format!(
            "# {}\n# municipality_number: \"0000\"\n# county: …\n",
            w.number_missing
        ),
    };
    let year = today().year();
    let text = format!(
        "---\n\
title: {title}   # {c_title}\n\
municipality: {municipality}   # {c_municipality}\n\
{place}\
programme: {programme}   # {c_programme}\n\
# {c_themes} {all_themes}\n\
themes: [{theme}]\n\
status: planned   # {c_status}\n\
period: {{ start: {year} }}   # {c_period}\n\
language: {lang}   # {c_language}\n\
published: {today}   # {c_published}\n\
# {c_summary}\n\
summary: {summary}\n\
# {c_need}\n\
need: |\n  {need}\n\
# {c_goal}\n\
goal: |\n  {goal}\n\
# {c_measures}\n\
measures:\n  - {measure}\n\
# {c_result}\n\
# result: |\n#   …\n\
# {c_anchoring}\n\
# anchoring: |\n#   …\n\
# {c_indicators}\n\
# indicators:\n#   - name: Sykefravær\n#     unit: percent\n#     lower_is_better: true\n#     series:\n#       - {{ period: {year}-Q1, value: 8.5 }}\n\
# {c_funding}\n\
# funding:\n#   - {{ source: Kommunen, amount_nok: 200000 }}\n\
# {c_links}\n\
# links:\n#   - {{ title: Reportasje, url: https://www.ks.no/ }}\n\
draft: true   # {c_draft}\n\
---\n\
{body}\n",
        title = yaml_quote(&format!("{} i {name}", programme.name)),
        c_title = w.title,
        municipality = yaml_quote(&name),
        c_municipality = w.municipality,
        programme = programme.id,
        c_programme = w.programme,
        c_themes = w.themes,
        all_themes = all_themes.join(", "),
        theme = theme.id,
        c_status = w.status,
        c_period = w.period,
        c_language = w.language,
        today = today(),
        c_published = w.published,
        c_summary = w.summary,
        summary = yaml_quote(w.summary_text),
        c_need = w.need,
        need = w.need_text,
        c_goal = w.goal,
        goal = w.goal_text,
        c_measures = w.measures,
        measure = w.measure_text,
        c_result = w.result,
        c_anchoring = w.anchoring,
        c_indicators = w.indicators,
        c_funding = w.funding,
        c_links = w.links,
        c_draft = w.draft,
        body = w.body,
    );
    let dir = root.join("content/cases");
    fs::create_dir_all(&dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let path = dir.join(format!("{slug}.md"));
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(file) => file,
        Err(err) if err.kind() == ErrorKind::AlreadyExists => bail!(
            "`content/cases/{slug}.md` exists already; edit it, or give the new case another name"
        ),
        Err(err) => return Err(err).with_context(|| format!("cannot write `{}`", path.display())),
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    eprintln!("created content/cases/{slug}.md (a draft: `casebook check --drafts` checks it)");
    Ok(Outcome::Success)
}
