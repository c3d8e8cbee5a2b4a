//! The one description of a case's fields: key, kind, whether a case must
//! have it, the Norwegian keys it is mistaken for, its label in nb/nn/en,
//! its example and comment, and its open-data columns. The validator's
//! known keys, did-you-mean aliases and required-field check, the JSON
//! Schema, `cases.json`/`cases.csv`, `casebook new`'s template and the case
//! page's plain values are all made from [`FIELDS`]; it serialises as it is
//! for the editor's form.
//!
//! What a field's value must satisfy beyond its kind (a known theme, a real
//! date, a county that matches the number) is checked in `validate`.

use std::borrow::Cow;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use super::{Case, Indicator, Point};
use crate::config::{Config, Language};

/// A word or phrase in the three languages of the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Words {
    /// Bokmål.
    pub nb: &'static str,
    /// Nynorsk.
    pub nn: &'static str,
    /// English.
    pub en: &'static str,
}

impl Words {
    /// The text in `language`.
    pub fn get(&self, language: Language) -> &'static str {
        match language {
            Language::Nb => self.nb,
            Language::Nn => self.nn,
            Language::En => self.en,
        }
    }
}

/// Whether a case must have a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// Missing, it is an error (`missing-field`).
    Required,
    /// Required when the field `key` has the value `value` (`result` when
    /// `status` is `completed`); missing then, it is an error with `code`,
    /// reported at `key`.
    RequiredWhen {
        /// The field that decides.
        key: &'static str,
        /// Its value that makes this field required.
        value: &'static str,
        /// The error's code (`missing-result`).
        code: &'static str,
    },
    /// Missing, it is a warning with this code.
    Recommended {
        /// The warning's code (`missing-anchoring`).
        code: &'static str,
    },
    /// May be left out.
    Optional,
}

/// What a field holds: its type, as the JSON Schema and the editor's form
/// need it.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    /// One line of text.
    Text,
    /// Markdown.
    Markdown,
    /// A list of Markdown items, at least one.
    MarkdownList,
    /// Text in quotes that matches `pattern` (a regular expression).
    Pattern {
        /// What the text must match.
        pattern: &'static str,
    },
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A year, 1990–2100.
    Year,
    /// One of these words.
    Choice {
        /// The words allowed.
        values: &'static [&'static str],
    },
    /// One of the 15 counties of 2024, by name.
    County,
    /// A programme id from `programmes.yaml`.
    Programme,
    /// Theme ids from `themes.yaml`, at least one, none twice.
    Themes,
    /// `true` or `false`.
    Bool,
    /// A whole number, at least `min`.
    Integer {
        /// The smallest value allowed.
        min: i64,
    },
    /// A number.
    Number,
    /// `2012`, `2008-Q1` or `2008-03`.
    PeriodKey,
    /// An absolute http(s) address.
    Url,
    /// An e-mail address.
    Email,
    /// A mapping with these fields.
    Mapping {
        /// Its fields.
        fields: &'static [Field],
    },
    /// A list of mappings with these fields.
    List {
        /// The fields of each item.
        fields: &'static [Field],
    },
}

/// How `casebook new` writes a field into a new case (under its comment).
#[derive(Clone, Copy, Debug)]
pub enum Template {
    /// `key: value`, the value made from what `new` knows; when that gives
    /// nothing, the example is written commented out.
    Value(fn(&Prefill<'_>) -> Option<String>),
    /// The example, commented out, for the writer to fill in.
    Commented(&'static str),
    /// Not written (a field of a mapping).
    Omitted,
}

/// What `casebook new` knows when it writes a case.
#[derive(Clone, Debug)]
pub struct Prefill<'a> {
    /// `nb` or `nn`: the language of the comments and the texts.
    pub language: Language,
    /// The case's title.
    pub title: String,
    /// The municipality's name.
    pub municipality: &'a str,
    /// Its number, from the register.
    pub municipality_number: Option<&'a str>,
    /// Its county, from the number.
    pub county: Option<&'static str>,
    /// The programme's id.
    pub programme: &'a str,
    /// Every theme id of the site, the first one chosen.
    pub themes: &'a [&'a str],
    /// Today.
    pub today: jiff::civil::Date,
}

impl Prefill<'_> {
    /// The bokmål or the nynorsk text.
    fn pick(&self, nb: &'static str, nn: &'static str) -> &'static str {
        if self.language == Language::Nn {
            nn
        } else {
            nb
        }
    }
}

/// One column of `cases.json` and `cases.csv`.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The column's name.
    pub name: &'static str,
    /// Its value for a case (the config gives names to ids).
    pub read: for<'a> fn(&'a Case, &'a Config) -> Cell<'a>,
}

impl Serialize for Column {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name)
    }
}

/// A narrative section of the case page (Behov, Mål, …).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Section {
    /// The id of its `<section>` on the case page, and the prefix of the
    /// ids of its headings and footnotes.
    pub id: &'static str,
    /// Its Markdown in a case.
    #[serde(skip)]
    pub read: for<'a> fn(&'a Case) -> Prose<'a>,
}

/// The Markdown of a section in one case.
#[derive(Clone, Copy, Debug)]
pub enum Prose<'a> {
    /// The case leaves the section out.
    Absent,
    /// One text.
    Text(&'a str),
    /// One text per item (measures).
    Items(&'a [String]),
}

/// One field of the front matter, or of a mapping inside it.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Field {
    /// The YAML key.
    pub key: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether a case must have it.
    pub presence: Presence,
    /// Keys Norwegian writers use for it (lower case); `check` suggests
    /// this field for them.
    pub mistaken_for: &'static [&'static str],
    /// Its name for readers and editors.
    pub label: Words,
    /// One line of YAML for help texts, as an editor would write it
    /// (`status: ongoing`); it must read back as this field.
    pub example: &'static str,
    /// What it is, in a line: the comment above it in `new`'s template
    /// (nb, nn), its description in the JSON Schema, the editor's help.
    pub about: Words,
    /// How `new` writes it.
    #[serde(skip)]
    pub template: Template,
    /// Its section on the case page, for the narrative fields.
    pub section: Option<Section>,
    /// Its value on the case page, for fields shown as written.
    #[serde(skip)]
    pub page: Option<for<'a> fn(&'a Case) -> Cell<'a>>,
    /// Its open-data columns, in order.
    pub columns: &'static [Column],
}

const NO_WORDS: Words = Words {
    nb: "",
    nn: "",
    en: "",
};

impl Field {
    const fn new(key: &'static str, kind: Kind, presence: Presence, label: Words) -> Field {
        Field {
            key,
            kind,
            presence,
            mistaken_for: &[],
            label,
            example: "",
            about: NO_WORDS,
            template: Template::Omitted,
            section: None,
            page: None,
            columns: &[],
        }
    }

    const fn aliases(mut self, keys: &'static [&'static str]) -> Field {
        self.mistaken_for = keys;
        self
    }

    const fn example(mut self, example: &'static str) -> Field {
        self.example = example;
        self
    }

    const fn about(mut self, nb: &'static str, nn: &'static str, en: &'static str) -> Field {
        self.about = Words { nb, nn, en };
        self
    }

    const fn template(mut self, template: Template) -> Field {
        self.template = template;
        self
    }

    const fn section(mut self, id: &'static str, read: for<'a> fn(&'a Case) -> Prose<'a>) -> Field {
        self.section = Some(Section { id, read });
        self
    }

    const fn page(mut self, read: for<'a> fn(&'a Case) -> Cell<'a>) -> Field {
        self.page = Some(read);
        self
    }

    const fn columns(mut self, columns: &'static [Column]) -> Field {
        self.columns = columns;
        self
    }

    /// The fields of its mapping, or of its list's items.
    pub fn fields(&self) -> &'static [Field] {
        match self.kind {
            Kind::Mapping { fields } | Kind::List { fields } => fields,
            _ => &[],
        }
    }
}

const fn words(nb: &'static str, nn: &'static str, en: &'static str) -> Words {
    Words { nb, nn, en }
}

const fn column(name: &'static str, read: for<'a> fn(&'a Case, &'a Config) -> Cell<'a>) -> Column {
    Column { name, read }
}

const fn req(key: &'static str, kind: Kind, label: Words) -> Field {
    Field::new(key, kind, Presence::Required, label)
}

const fn opt(key: &'static str, kind: Kind, label: Words) -> Field {
    Field::new(key, kind, Presence::Optional, label)
}

/// `period`'s fields.
pub const PERIOD: &[Field] = &[
    req("start", Kind::Year, words("Start", "Start", "Start")),
    opt("end", Kind::Year, words("Slutt", "Slutt", "End")).aliases(&["slutt"]),
];

/// The fields of a value of an indicator's `series` or `targets`.
pub const POINT: &[Field] = &[
    req(
        "period",
        Kind::PeriodKey,
        words("Periode", "Periode", "Period"),
    )
    .aliases(&["periode"]),
    req("value", Kind::Number, words("Verdi", "Verdi", "Value")).aliases(&["verdi"]),
    opt(
        "label",
        Kind::Text,
        words("Merkelapp", "Merkelapp", "Label"),
    ),
];

/// An indicator's fields. `name` and `unit` are required unless `id`
/// names an indicator of `indicators.yaml`, which then gives them.
pub const INDICATOR: &[Field] = &[
    opt(
        "id",
        Kind::Pattern {
            pattern: "^[a-z0-9-]+$",
        },
        words("Id", "Id", "Id"),
    )
    .about(
        "Id fra content/indicators.yaml; gir navn, enhet og retning",
        "Id frå content/indicators.yaml; gjev namn, eining og retning",
        "An id from content/indicators.yaml, which gives name, unit and direction",
    ),
    opt("name", Kind::Text, words("Navn", "Namn", "Name")).aliases(&["navn", "namn"]),
    opt(
        "unit",
        Kind::Choice {
            values: &["percent", "count", "nok", "ratio"],
        },
        words("Enhet", "Eining", "Unit"),
    )
    .aliases(&["enhet", "eining"]),
    opt(
        "lower_is_better",
        Kind::Bool,
        words("Lavere er bedre", "Lågare er betre", "Lower is better"),
    ),
    req(
        "series",
        Kind::List { fields: POINT },
        words("Målinger", "Målingar", "Series"),
    )
    .aliases(&["serie"]),
    opt(
        "targets",
        Kind::List { fields: POINT },
        words("Mål", "Mål", "Targets"),
    )
    .aliases(&["mål_verdier", "maltall", "måltal", "måltall"]),
];

/// A funding entry's fields.
pub const FUNDING: &[Field] = &[
    req("source", Kind::Text, words("Kilde", "Kjelde", "Source")).aliases(&["kilde", "kjelde"]),
    req(
        "amount_nok",
        Kind::Integer { min: 0 },
        words("Beløp (kr)", "Beløp (kr)", "Amount (NOK)"),
    )
    .aliases(&["beløp", "belop"]),
    opt(
        "per",
        Kind::Choice {
            values: &["year", "month", "total"],
        },
        words("Per", "Per", "Per"),
    ),
];

/// A link's fields.
pub const LINK: &[Field] = &[
    req("title", Kind::Text, words("Tittel", "Tittel", "Title")).aliases(&["tittel"]),
    req("url", Kind::Url, words("Adresse", "Adresse", "Address")).aliases(&["adresse"]),
];

/// The contact person's fields.
pub const CONTACT: &[Field] = &[
    req("name", Kind::Text, words("Navn", "Namn", "Name")).aliases(&["navn", "namn"]),
    req("role", Kind::Text, words("Rolle", "Rolle", "Role"))
        .aliases(&["rolle", "stilling", "tittel"]),
    opt("email", Kind::Email, words("E-post", "E-post", "E-mail"))
        .aliases(&["e-post", "epost", "e_post", "mail", "e-mail"]),
];

/// A case's front matter, in the order `new` writes it and the open data
/// lists it.
pub static FIELDS: &[Field] = &[
    req("title", Kind::Text, words("Tittel", "Tittel", "Title"))
        .aliases(&["tittel"])
        .example("title: Sammen om en bedre kommune i Molde")
        .about("Tittel på eksempelet", "Tittel på eksempelet", "The case's title")
        .template(Template::Value(|p| Some(yaml_quote(&p.title))))
        .columns(&[column("title", |c, _| text(&c.title))]),
    req("municipality", Kind::Text, words("Kommune", "Kommune", "Municipality"))
        .aliases(&["kommune"])
        .example("municipality: Molde")
        .about("Kommunens navn", "Namnet på kommunen", "The municipality's name")
        .template(Template::Value(|p| Some(yaml_quote(p.municipality))))
        .columns(&[column("municipality", |c, _| text(&c.municipality))]),
    opt(
        "municipality_number",
        Kind::Pattern {
            pattern: "^[0-9]{4}$",
        },
        words("Kommunenummer", "Kommunenummer", "Municipality number"),
    )
    .aliases(&["kommunenummer", "kommunenr"])
    .example("municipality_number: \"1506\"")
    .about(
        "Kommunenummer, fire sifre i anførselstegn; de to første er fylkesnummeret",
        "Kommunenummer, fire siffer i hermeteikn; dei to første er fylkesnummeret",
        "Four digits in quotes; the first two are the county's number",
    )
    .template(Template::Value(|p| {
        p.municipality_number.map(|n| format!("\"{n}\""))
    }))
    .page(|c| opt_text(c.municipality_number.as_deref()))
    .columns(&[column("municipality_number", |c, _| {
        opt_text(c.municipality_number.as_deref())
    })]),
    opt("county", Kind::County, words("Fylke", "Fylke", "County"))
        .aliases(&["fylke"])
        .example("county: Møre og Romsdal")
        .about(
            "Fylket (inndelingen fra 2024)",
            "Fylket (inndelinga frå 2024)",
            "The county (as divided in 2024)",
        )
        .template(Template::Value(|p| p.county.map(str::to_owned)))
        .columns(&[
            column("county", |c, _| opt_text(c.county.map(|c| c.name))),
            column("county_number", |c, _| opt_text(c.county.map(|c| c.number))),
        ]),
    req("programme", Kind::Programme, words("Program", "Program", "Programme"))
        .aliases(&["program", "programme_id"])
        .example("programme: saman")
        .about(
            "Programmet eksempelet hører til (id fra content/programmes.yaml)",
            "Programmet eksempelet høyrer til (id frå content/programmes.yaml)",
            "The programme the case belongs to (an id from content/programmes.yaml)",
        )
        .template(Template::Value(|p| Some(p.programme.to_owned())))
        .columns(&[
            column("programme", |c, _| text(&c.programme)),
            column("programme_name", |c, config| {
                opt_text(config.programme(&c.programme).map(|p| p.name.as_str()))
            }),
        ]),
    req("themes", Kind::Themes, words("Tema", "Tema", "Themes"))
        .aliases(&["tema", "temaer", "temaene"])
        .example("themes: [sykefravaer]")
        .about(
            "Tema (id-er fra content/themes.yaml), minst ett",
            "Tema (id-ar frå content/themes.yaml), minst eitt",
            "Themes (ids from content/themes.yaml), at least one",
        )
        .template(Template::Value(|p| {
            let first = p.themes.first()?;
            Some(format!("[{first}]   # {}", p.themes.join(", ")))
        }))
        .columns(&[column("themes", |c, _| Cell::Ids(&c.themes))]),
    opt(
        "status",
        Kind::Choice {
            values: &["planned", "ongoing", "completed"],
        },
        words("Status", "Status", "Status"),
    )
    .example("status: ongoing")
    .about(
        "planned (planlagt), ongoing (pågår, standard) eller completed (avsluttet)",
        "planned (planlagt), ongoing (pågår, standard) eller completed (avslutta)",
        "planned, ongoing (the default) or completed",
    )
    .template(Template::Value(|_| Some("planned".into())))
    .columns(&[column("status", |c, _| text(c.status.as_str()))]),
    opt(
        "period",
        Kind::Mapping { fields: PERIOD },
        words("Periode", "Periode", "Period"),
    )
    .aliases(&["periode"])
    .example("period: { start: 2012, end: 2015 }")
    .about(
        "Årene arbeidet pågår; ta bort end mens det pågår",
        "Åra arbeidet går føre seg; ta bort end medan det pågår",
        "The years of the work; leave out `end` while it goes on",
    )
    .template(Template::Value(|p| {
        Some(format!("{{ start: {} }}", p.today.year()))
    }))
    .columns(&[
        column("period_start", |c, _| {
            c.period.map_or(Cell::Null, |p| Cell::Int(p.start.into()))
        }),
        column("period_end", |c, _| {
            c.period
                .and_then(|p| p.end)
                .map_or(Cell::Null, |y| Cell::Int(y.into()))
        }),
    ]),
    opt(
        "language",
        Kind::Choice {
            values: &["nb", "nn"],
        },
        words("Målform", "Målform", "Language"),
    )
    .aliases(&["språk", "sprak", "målform"])
    .example("language: nn")
    .about(
        "nb (bokmål) eller nn (nynorsk)",
        "nb (bokmål) eller nn (nynorsk)",
        "nb (Bokmål) or nn (Nynorsk); the site's language when left out",
    )
    .template(Template::Value(|p| Some(p.language.code().to_owned())))
    .columns(&[column("language", |c, _| text(c.language.code()))]),
    opt("published", Kind::Date, words("Publisert", "Publisert", "Published"))
        .aliases(&["publisert", "dato"])
        .example("published: 2013-05-02")
        .about(
            "Publiseringsdato, ÅÅÅÅ-MM-DD",
            "Publiseringsdato, ÅÅÅÅ-MM-DD",
            "Date of publication, YYYY-MM-DD",
        )
        .template(Template::Value(|p| Some(p.today.to_string())))
        .columns(&[column("published", |c, _| date(c.published))]),
    opt("updated", Kind::Date, words("Oppdatert", "Oppdatert", "Updated"))
        .aliases(&["oppdatert"])
        .example("updated: 2014-01-15")
        .about(
            "Sist oppdatert, ÅÅÅÅ-MM-DD",
            "Sist oppdatert, ÅÅÅÅ-MM-DD",
            "Last updated, YYYY-MM-DD",
        )
        .template(Template::Commented("2014-01-15"))
        .columns(&[column("updated", |c, _| date(c.updated))]),
    opt("summary", Kind::Text, words("Sammendrag", "Samandrag", "Summary"))
        .aliases(&["sammendrag", "samandrag", "ingress"])
        .example("summary: Én til to setninger.")
        .about(
            "Én til to setninger til kort og søkeresultat (maks 300 tegn)",
            "Éi til to setningar til kort og søkjeresultat (maks 300 teikn)",
            "One or two sentences for cards and search results (at most 300 characters)",
        )
        .template(Template::Value(|p| {
            Some(yaml_quote(p.pick(
                "Skriv en kort oppsummering av eksempelet.",
                "Skriv ei kort oppsummering av eksempelet.",
            )))
        }))
        .columns(&[column("summary", |c, _| opt_text(c.summary.as_deref()))]),
    req("need", Kind::Markdown, words("Behov", "Behov", "Need"))
        .aliases(&["behov"])
        .example("need: Sykefraværet var høyt i pleie og omsorg.")
        .about(
            "Behov: hvorfor kommunen satte i gang (Markdown)",
            "Behov: kvifor kommunen sette i gang (Markdown)",
            "Why the municipality started (Markdown)",
        )
        .template(Template::Value(|p| {
            Some(format!(
                "|\n  {}",
                p.pick("Beskriv behovet kommunen så.", "Beskriv behovet kommunen såg.")
            ))
        }))
        .section("behov", |c| Prose::Text(&c.need))
        .columns(&[column("need", |c, _| text(&c.need))]),
    req("goal", Kind::Markdown, words("Mål", "Mål", "Goal"))
        .aliases(&["mål", "maal", "mal"])
        .example("goal: Sykefraværet skal ned til 6 prosent.")
        .about(
            "Mål: hva kommunen ville oppnå (Markdown)",
            "Mål: kva kommunen ville oppnå (Markdown)",
            "What the municipality set out to achieve (Markdown)",
        )
        .template(Template::Value(|p| {
            Some(format!("|\n  {}", p.pick("Beskriv målene.", "Beskriv måla.")))
        }))
        .section("mal", |c| Prose::Text(&c.goal))
        .columns(&[column("goal", |c, _| text(&c.goal))]),
    req("measures", Kind::MarkdownList, words("Tiltak", "Tiltak", "Measures"))
        .aliases(&["tiltak"])
        .example("measures: [Nærværssamtaler på alle enheter]")
        .about(
            "Tiltak: ett punkt per tiltak (Markdown)",
            "Tiltak: eitt punkt per tiltak (Markdown)",
            "What was done, one item per measure (Markdown)",
        )
        .template(Template::Value(|_| {
            Some("\n  - Beskriv det første tiltaket.".into())
        }))
        .section("tiltak", |c| Prose::Items(&c.measures))
        .columns(&[column("measures", |c, _| {
            Cell::List(c.measures.iter().map(|m| text(m)).collect())
        })]),
    Field::new(
        "result",
        Kind::Markdown,
        Presence::RequiredWhen {
            key: "status",
            value: "completed",
            code: "missing-result",
        },
        words("Resultat", "Resultat", "Result"),
    )
    .aliases(&["resultat", "resultater"])
    .example("result: Sykefraværet gikk ned fra 10,9 til 8,1 prosent.")
    .about(
        "Resultat: påkrevd når status er completed (Markdown)",
        "Resultat: påkravd når status er completed (Markdown)",
        "What came of the work; required when the status is completed (Markdown)",
    )
    .template(Template::Commented("|\n  …"))
    .section("resultat", |c| c.result.as_deref().map_or(Prose::Absent, Prose::Text))
    .columns(&[column("result", |c, _| opt_text(c.result.as_deref()))]),
    Field::new(
        "anchoring",
        Kind::Markdown,
        Presence::Recommended {
            code: "missing-anchoring",
        },
        words("Forankring", "Forankring", "Anchoring"),
    )
    .aliases(&["forankring"])
    .example("anchoring: Styringsgruppe med ledere, tillitsvalgte og verneombud.")
    .about(
        "Forankring: hvordan arbeidet er forankret hos politikere, ledere og tillitsvalgte",
        "Forankring: korleis arbeidet er forankra hos politikarar, leiarar og tillitsvalde",
        "How the work was rooted with politicians, managers and unions (Markdown)",
    )
    .template(Template::Commented("|\n  …"))
    .section("forankring", |c| {
        c.anchoring.as_deref().map_or(Prose::Absent, Prose::Text)
    })
    .columns(&[column("anchoring", |c, _| opt_text(c.anchoring.as_deref()))]),
    opt(
        "indicators",
        Kind::List { fields: INDICATOR },
        words("Tall", "Tal", "Figures"),
    )
    .aliases(&["indikatorer", "indikator", "tall"])
    .example("indicators: [{ name: Sykefravær, unit: percent, series: [{ period: 2023-Q1, value: 9.5 }] }]")
    .about(
        "Tall som tegnes som diagram (valgfritt)",
        "Tal som blir teikna som diagram (valfritt)",
        "Figures drawn as charts",
    )
    .template(Template::Commented(
        "\n  - name: Sykefravær\n    unit: percent\n    lower_is_better: true\n    series:\n      - { period: 2024-Q1, value: 8.5 }",
    ))
    .columns(&[column("indicators", |c, _| indicators(&c.indicators))]),
    opt(
        "funding",
        Kind::List { fields: FUNDING },
        words("Finansiering", "Finansiering", "Funding"),
    )
    .aliases(&["finansiering"])
    .example("funding: [{ source: Kommunen, amount_nok: 200000 }]")
    .about(
        "Finansiering (valgfritt)",
        "Finansiering (valfritt)",
        "Who paid, and how much",
    )
    .template(Template::Commented(
        "\n  - { source: Kommunen, amount_nok: 200000 }",
    ))
    .columns(&[column("funding", |c, _| {
        Cell::List(
            c.funding
                .iter()
                .map(|f| {
                    Cell::Map(vec![
                        ("source", text(&f.source)),
                        ("amount_nok", Cell::Int(i64::try_from(f.amount_nok).unwrap_or(i64::MAX))),
                        ("per", opt_text(f.per.as_deref())),
                    ])
                })
                .collect(),
        )
    })]),
    opt("links", Kind::List { fields: LINK }, words("Lenker", "Lenkjer", "Links"))
        .aliases(&["lenker", "lenkjer"])
        .example("links: [{ title: Reportasje, url: https://www.ks.no/ }]")
        .about(
            "Lenker, bare https-adresser (valgfritt)",
            "Lenkjer, berre https-adresser (valfritt)",
            "Links, http(s) addresses only",
        )
        .template(Template::Commented(
            "\n  - { title: Reportasje, url: https://www.ks.no/ }",
        ))
        .page(links)
        .columns(&[column("links", |c, _| links(c))]),
    opt(
        "contact",
        Kind::Mapping { fields: CONTACT },
        words("Kontaktperson", "Kontaktperson", "Contact"),
    )
    .aliases(&["kontakt", "kontaktperson"])
    .example("contact: { name: Kari Nordmann, role: Prosjektleder, email: kari@kommune.no }")
    .about(
        "Kontaktperson for prosjektet: navn, rolle og e-post (valgfritt)",
        "Kontaktperson for prosjektet: namn, rolle og e-post (valfritt)",
        "The project's contact person: name, role and e-mail",
    )
    .template(Template::Commented(
        "{ name: Kari Nordmann, role: Prosjektleder, email: kari@kommune.no }",
    ))
    .page(|c| {
        c.contact.as_ref().map_or(Cell::Null, |p| {
            Cell::Map(vec![
                ("name", text(&p.name)),
                ("role", text(&p.role)),
                ("email", opt_text(p.email.as_deref())),
            ])
        })
    })
    .columns(&[
        column("contact_name", |c, _| {
            opt_text(c.contact.as_ref().map(|p| p.name.as_str()))
        }),
        column("contact_role", |c, _| {
            opt_text(c.contact.as_ref().map(|p| p.role.as_str()))
        }),
        column("contact_email", |c, _| {
            opt_text(c.contact.as_ref().and_then(|p| p.email.as_deref()))
        }),
    ]),
    opt("draft", Kind::Bool, words("Utkast", "Utkast", "Draft"))
        .aliases(&["utkast", "kladd"])
        .example("draft: true")
        .about(
            "Utkast publiseres ikke; sett til false når eksempelet er klart",
            "Utkast blir ikkje publiserte; set til false når eksempelet er klart",
            "Drafts are built only with --drafts",
        )
        .template(Template::Value(|_| Some("true".into())))
        .columns(&[column("draft", |c, _| Cell::Bool(c.draft))]),
];

/// The top-level field with this key.
pub fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// The narrative sections, in page order.
pub fn sections() -> impl Iterator<Item = (&'static Field, Section)> {
    FIELDS.iter().filter_map(|f| f.section.map(|s| (f, s)))
}

/// A value of the open data (and of the case page): JSON's kinds, borrowed
/// from the case where it can be.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    /// No value.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number.
    Float(f64),
    /// A date: `2013-05-02` in JSON and CSV, a date cell in a spreadsheet.
    Date(jiff::civil::Date),
    /// Text.
    Text(Cow<'a, str>),
    /// Ids: a list in JSON, joined with `;` in a CSV cell.
    Ids(&'a [String]),
    /// A list.
    List(Vec<Cell<'a>>),
    /// Named values, in order.
    Map(Vec<(&'static str, Cell<'a>)>),
}

impl Cell<'_> {
    /// The cell as CSV text: lists and mappings as JSON.
    pub fn csv(&self) -> Cow<'_, str> {
        match self {
            Cell::Null => Cow::Borrowed(""),
            Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Cell::Int(i) => Cow::Owned(i.to_string()),
            Cell::Date(d) => Cow::Owned(d.to_string()),
            Cell::Text(t) => Cow::Borrowed(t),
            Cell::Ids(ids) => Cow::Owned(ids.join(";")),
            Cell::Float(_) | Cell::List(_) | Cell::Map(_) => {
                Cow::Owned(serde_json::to_string(self).unwrap_or_default())
            }
        }
    }
}

impl Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => s.serialize_none(),
            Cell::Bool(b) => s.serialize_bool(*b),
            Cell::Int(i) => s.serialize_i64(*i),
            Cell::Float(f) => s.serialize_f64(*f),
            Cell::Date(d) => s.collect_str(d),
            Cell::Text(t) => s.serialize_str(t),
            Cell::Ids(ids) => {
                let mut seq = s.serialize_seq(Some(ids.len()))?;
                for id in *ids {
                    seq.serialize_element(id)?;
                }
                seq.end()
            }
            Cell::List(items) => s.collect_seq(items),
            Cell::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

fn text(t: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(t))
}

fn opt_text(t: Option<&str>) -> Cell<'_> {
    t.map_or(Cell::Null, text)
}

fn date<'a>(d: Option<jiff::civil::Date>) -> Cell<'a> {
    d.map_or(Cell::Null, Cell::Date)
}

fn indicators(list: &[Indicator]) -> Cell<'_> {
    fn points(points: &[Point]) -> Cell<'_> {
        Cell::List(
            points
                .iter()
                .map(|p| {
                    let mut entries = vec![
                        ("period", Cell::Text(Cow::Owned(p.period.label()))),
                        ("value", Cell::Float(p.value)),
                    ];
                    if let Some(label) = &p.label {
                        entries.push(("label", text(label)));
                    }
                    Cell::Map(entries)
                })
                .collect(),
        )
    }
    Cell::List(
        list.iter()
            .map(|i| {
                Cell::Map(vec![
                    ("id", opt_text(i.id.as_deref())),
                    ("name", text(&i.name)),
                    ("unit", text(i.unit.as_str())),
                    ("lower_is_better", Cell::Bool(i.lower_is_better)),
                    ("series", points(&i.series)),
                    ("targets", points(&i.targets)),
                ])
            })
            .collect(),
    )
}

fn links(c: &Case) -> Cell<'_> {
    Cell::List(
        c.links
            .iter()
            .map(|l| Cell::Map(vec![("title", text(&l.title)), ("url", text(&l.url))]))
            .collect(),
    )
}

/// `text` in double quotes, as YAML reads it back.
fn yaml_quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The text of a new case file, as `casebook new` writes it: every field
/// under a comment in the case's language, the optional ones commented out,
/// and marked as a draft.
pub fn new_case(prefill: &Prefill<'_>) -> String {
    let mut out = String::from("---\n");
    for field in FIELDS {
        let value = match field.template {
            Template::Omitted => continue,
            Template::Value(make) => make(prefill).ok_or(field.example),
            Template::Commented(example) => Err(example),
        };
        out.push_str(&format!("# {}\n", field.about.get(prefill.language)));
        // A value on the lines below (a list, a block) follows the bare colon.
        let line = |value: &str| {
            let sep = if value.starts_with('\n') { ":" } else { ": " };
            format!("{}{sep}{value}", field.key)
        };
        match value {
            Ok(value) => {
                out.push_str(&line(&value));
                out.push('\n');
            }
            Err(example) => {
                let value = example
                    .strip_prefix(field.key)
                    .and_then(|e| e.strip_prefix(": "))
                    .unwrap_or(example);
                for commented in line(value).lines() {
                    out.push_str(&format!("# {commented}\n"));
                }
            }
        }
    }
    out.push_str("---\n");
    out.push_str(prefill.pick(
        "Skriv reportasjen fra prosjektet her (Markdown).",
        "Skriv reportasjen frå prosjektet her (Markdown).",
    ));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(fields: &'static [Field], out: &mut Vec<&'static Field>) {
        for f in fields {
            out.push(f);
            all(f.fields(), out);
        }
    }

    #[test]
    fn keys_are_unique_in_each_mapping() {
        let mut lists = vec![FIELDS];
        let mut every = Vec::new();
        all(FIELDS, &mut every);
        lists.extend(every.iter().map(|f| f.fields()).filter(|l| !l.is_empty()));
        for list in lists {
            let mut keys: Vec<&str> = list.iter().map(|f| f.key).collect();
            keys.sort_unstable();
            let before = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), before, "{keys:?}");
        }
    }

    #[test]
    fn no_mistaken_key_is_claimed_by_two_fields_of_one_mapping() {
        let mut every = Vec::new();
        all(FIELDS, &mut every);
        let mut lists = vec![FIELDS];
        lists.extend(every.iter().map(|f| f.fields()).filter(|l| !l.is_empty()));
        for list in lists {
            let mut aliases: Vec<&str> =
                list.iter().flat_map(|f| f.mistaken_for).copied().collect();
            aliases.sort_unstable();
            let before = aliases.len();
            aliases.dedup();
            assert_eq!(aliases.len(), before, "{aliases:?}");
            for alias in &aliases {
                assert_eq!(
                    *alias,
                    alias.to_lowercase(),
                    "aliases are matched in lower case"
                );
            }
        }
    }

    #[test]
    fn every_top_level_field_has_a_label_an_example_and_a_comment() {
        for f in FIELDS {
            assert!(f.example.starts_with(f.key), "{}: {}", f.key, f.example);
            for lang in [Language::Nb, Language::Nn, Language::En] {
                assert!(!f.label.get(lang).is_empty(), "{} label", f.key);
                assert!(!f.about.get(lang).is_empty(), "{} about", f.key);
            }
            assert!(!f.columns.is_empty(), "{} has open-data columns", f.key);
        }
    }

    #[test]
    fn every_example_is_a_line_of_yaml_for_its_own_field() {
        for f in FIELDS {
            let read: std::collections::BTreeMap<String, serde_json::Value> =
                serde_saphyr::from_str(f.example)
                    .unwrap_or_else(|e| panic!("{}: `{}` is not YAML: {e}", f.key, f.example));
            let keys: Vec<&str> = read.keys().map(String::as_str).collect();
            assert_eq!(keys, [f.key], "{}", f.example);
            assert!(!read[f.key].is_null(), "{}: no value", f.example);
        }
    }

    #[test]
    fn the_description_serialises_for_the_editor() {
        let json = serde_json::to_value(FIELDS).expect("serialises");
        let contact = json
            .as_array()
            .and_then(|a| a.iter().find(|f| f["key"] == "contact"))
            .expect("contact is described");
        assert_eq!(contact["presence"], "optional");
        assert_eq!(contact["kind"]["type"], "mapping");
        assert_eq!(contact["kind"]["fields"][2]["key"], "email");
        assert_eq!(contact["kind"]["fields"][2]["kind"]["type"], "email");
        assert_eq!(contact["label"]["nn"], "Kontaktperson");
        assert_eq!(
            contact["columns"],
            serde_json::json!(["contact_name", "contact_role", "contact_email"])
        );
        let need = json
            .as_array()
            .and_then(|a| a.iter().find(|f| f["key"] == "need"));
        assert_eq!(
            need.map(|n| &n["section"]["id"]),
            Some(&serde_json::json!("behov"))
        );
    }

    #[test]
    fn csv_cells_keep_ids_joined_and_lists_as_json() {
        let ids = ["a".to_owned(), "b".to_owned()];
        assert_eq!(Cell::Ids(&ids).csv(), "a;b");
        assert_eq!(Cell::List(vec![text("x"), Cell::Int(2)]).csv(), "[\"x\",2]");
        assert_eq!(Cell::Map(vec![("k", Cell::Null)]).csv(), "{\"k\":null}");
        assert_eq!(Cell::Null.csv(), "");
        assert_eq!(Cell::Bool(false).csv(), "false");
    }
}
