//! Corpus generator for casebook's speed benchmark (DESIGN.md §8).
//!
//! ```text
//! cargo run --release --example corpus -- --cases N --seed S --out DIR [--hugo DIR] [--zola DIR] [--force]
//! ```
//!
//! Writes a complete casebook site into `DIR` following DESIGN.md §2:
//! `content/site.yaml`, `content/themes.yaml` (12 themes),
//! `content/programmes.yaml` (3 programmes) and `N` case files
//! `content/cases/<slug>.md` of about 600 words each (need, goal, measures,
//! result, anchoring and a narrative body with headings, lists, a table and
//! footnotes). One case in five carries an indicator series, some with
//! targets. Every generated case is valid content; some lack `anchoring`,
//! which is only a warning.
//!
//! With `--hugo DIR` and `--zola DIR` the same cases are also written as a
//! Hugo site and a Zola site (config, content with the same front matter and
//! body, templates rendering the same fields and the same lists), so the
//! three tools can be timed on equal work by `bench/run.sh`.
//!
//! The output is a pure function of `--seed` and the case index: case `i` is
//! the same whatever `--cases` is, so the corpus for 1 000 cases is a prefix of
//! the corpus for 10 000.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Parser;

/// Appends formatted text to a `String`; writing to a `String` cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {
        $dst.write_fmt(format_args!($($arg)*)).expect("writing to a String cannot fail")
    };
}

/// Command-line arguments of the corpus generator.
#[derive(Parser, Debug)]
#[command(about = "Generate a casebook (and optionally Hugo and Zola) benchmark corpus")]
struct Args {
    /// Number of case files to write.
    #[arg(long)]
    cases: usize,
    /// Seed of the pseudo-random generator; the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder of the casebook site to write (its `content/` is created).
    #[arg(long)]
    out: PathBuf,
    /// Also write the same content as a Hugo site into this folder.
    #[arg(long)]
    hugo: Option<PathBuf>,
    /// Also write the same content as a Zola site into this folder.
    #[arg(long)]
    zola: Option<PathBuf>,
    /// Remove case files left in the target folders by an earlier run.
    #[arg(long)]
    force: bool,
}

// ---------------------------------------------------------------------------
// Pseudo-random numbers
// ---------------------------------------------------------------------------

/// splitmix64 (Steele, Lea and Flood, 2014), written by hand: a benchmark
/// helper only needs a small, fast generator whose stream never changes, and
/// a dependency such as `rand` would add nothing but a version whose value
/// stream we would have to pin.
struct Rng(u64);

impl Rng {
    /// A generator for case `index` of the corpus with `seed`; independent of N.
    fn for_case(seed: u64, index: u64) -> Self {
        let mut mixer = Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        let base = mixer.next_u64();
        let mut rng = Rng(base ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        rng.next_u64();
        rng
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the bias is irrelevant here).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// Between `min` and `max` distinct elements of `xs` in random order
    /// (partial Fisher–Yates).
    fn sample<T: Copy>(&mut self, xs: &[T], min: usize, max: usize) -> Vec<T> {
        let k = (min + self.below(max - min + 1)).min(xs.len());
        let mut idx: Vec<usize> = (0..xs.len()).collect();
        for i in 0..k {
            let j = i + self.below(xs.len() - i);
            idx.swap(i, j);
        }
        idx[..k].iter().map(|&i| xs[i]).collect()
    }
}

// ---------------------------------------------------------------------------
// Vocabulary: municipalities, counties, themes, programmes
// ---------------------------------------------------------------------------

/// Real municipalities with their 2024 numbers; the first two digits are the
/// county number.
const MUNICIPALITIES: &[(&str, &str)] = &[
    ("Oslo", "0301"),
    ("Stavanger", "1103"),
    ("Sandnes", "1108"),
    ("Hå", "1119"),
    ("Sola", "1124"),
    ("Karmøy", "1149"),
    ("Kristiansund", "1505"),
    ("Molde", "1506"),
    ("Ålesund", "1508"),
    ("Ørsta", "1520"),
    ("Sunndal", "1563"),
    ("Volda", "1577"),
    ("Bodø", "1804"),
    ("Narvik", "1806"),
    ("Rana", "1833"),
    ("Røst", "1856"),
    ("Vågan", "1865"),
    ("Halden", "3101"),
    ("Moss", "3103"),
    ("Sarpsborg", "3105"),
    ("Fredrikstad", "3107"),
    ("Råde", "3112"),
    ("Bærum", "3201"),
    ("Asker", "3203"),
    ("Lillestrøm", "3205"),
    ("Ås", "3218"),
    ("Lørenskog", "3222"),
    ("Rælingen", "3224"),
    ("Drammen", "3301"),
    ("Kongsberg", "3303"),
    ("Ringerike", "3305"),
    ("Øvre Eiker", "3314"),
    ("Ål", "3328"),
    ("Hamar", "3403"),
    ("Lillehammer", "3405"),
    ("Gjøvik", "3407"),
    ("Åsnes", "3418"),
    ("Østre Toten", "3442"),
    ("Sør-Aurdal", "3449"),
    ("Nord-Aurdal", "3451"),
    ("Tønsberg", "3905"),
    ("Sandefjord", "3907"),
    ("Larvik", "3909"),
    ("Færder", "3911"),
    ("Porsgrunn", "4001"),
    ("Skien", "4003"),
    ("Notodden", "4005"),
    ("Kragerø", "4014"),
    ("Grimstad", "4202"),
    ("Arendal", "4203"),
    ("Kristiansand", "4204"),
    ("Lindesnes", "4205"),
    ("Bergen", "4601"),
    ("Stord", "4614"),
    ("Voss", "4621"),
    ("Øygarden", "4626"),
    ("Askøy", "4627"),
    ("Sogndal", "4640"),
    ("Trondheim", "5001"),
    ("Steinkjer", "5006"),
    ("Oppdal", "5021"),
    ("Røros", "5025"),
    ("Ørland", "5057"),
    ("Tromsø", "5501"),
    ("Harstad", "5503"),
    ("Målselv", "5524"),
    ("Senja", "5530"),
    ("Alta", "5601"),
    ("Hammerfest", "5603"),
    ("Sør-Varanger", "5605"),
    ("Vadsø", "5607"),
    ("Båtsfjord", "5632"),
];

/// The 15 counties of 2024 by number.
const COUNTIES: &[(&str, &str)] = &[
    ("03", "Oslo"),
    ("11", "Rogaland"),
    ("15", "Møre og Romsdal"),
    ("18", "Nordland"),
    ("31", "Østfold"),
    ("32", "Akershus"),
    ("33", "Buskerud"),
    ("34", "Innlandet"),
    ("39", "Vestfold"),
    ("40", "Telemark"),
    ("42", "Agder"),
    ("46", "Vestland"),
    ("50", "Trøndelag"),
    ("55", "Troms"),
    ("56", "Finnmark"),
];

fn county_of(number: &str) -> &'static str {
    COUNTIES
        .iter()
        .find(|(code, _)| number.starts_with(code))
        .map(|(_, name)| *name)
        .expect("every municipality in the list has a 2024 county number")
}

/// A theme of `themes.yaml` with the phrases the text generator needs.
struct ThemeDef {
    id: &'static str,
    name: &'static str,
    name_nn: &'static str,
    /// Lower-case noun phrase for running text (bokmål, nynorsk).
    lower: [&'static str; 2],
    /// Infinitive aim, "å øke nærværet" (bokmål, nynorsk).
    aim: [&'static str; 2],
    description: &'static str,
    /// Measures typical of the theme (bokmål).
    measures: &'static [&'static str],
}

const THEMES: &[ThemeDef] = &[
    ThemeDef {
        id: "sykefravaer",
        name: "Sykefravær og nærvær",
        name_nn: "Sjukefråvær og nærvær",
        lower: ["nærvær og sykefravær", "nærvær og sjukefråvær"],
        aim: ["å øke nærværet", "å auke nærværet"],
        description: "Hvordan kommunene følger opp sykmeldte, forebygger fravær og bygger en kultur for nærvær.\n\nSe også [IA-avtalen](https://www.regjeringen.no/no/tema/arbeidsliv/arbeidsmiljo-og-sikkerhet/inkluderende_arbeidsliv/id945/).",
        measures: &[
            "Innførte trafikklys for sykefravær per enhet, med faste tiltak ved gult og rødt nivå.",
            "Laget en lederhåndbok for oppfølging av sykmeldte, med maler for dialogmøter.",
            "Innførte tidlig samtale med ansatte som har gjentatt korttidsfravær.",
            "Samarbeidet med NAV arbeidslivssenter om tilrettelegging for ansatte med helseplager.",
        ],
    },
    ThemeDef {
        id: "heltid-deltid",
        name: "Heltid og deltid",
        name_nn: "Heiltid og deltid",
        lower: ["heltidskultur", "heiltidskultur"],
        aim: [
            "å få flere ansatte over i hele stillinger",
            "å få fleire tilsette over i heile stillingar",
        ],
        description: "Arbeid for en heltidskultur: turnusordninger, stillingsutvidelser og utlysning av hele stillinger.",
        measures: &[
            "Innførte langturnus med helgevakter hver tredje helg i {e}.",
            "Etablerte et partssammensatt forum som drøfter alle deltidsstillinger før utlysning.",
            "Opprettet en ressursbank som dekker fravær på tvers av enhetene.",
            "Kartla ønsket stillingsstørrelse hos alle deltidsansatte og fulgte opp hver enkelt.",
        ],
    },
    ThemeDef {
        id: "kompetanse",
        name: "Kompetanse og læring",
        name_nn: "Kompetanse og læring",
        lower: ["kompetanseutvikling", "kompetanseutvikling"],
        aim: [
            "å heve kompetansen i tjenestene",
            "å auke kompetansen i tenestene",
        ],
        description: "Strategisk kompetanseledelse, læring på arbeidsplassen og videreutdanning.",
        measures: &[
            "Tok i bruk en digital modul for kompetansekartlegging i alle enheter.",
            "Utarbeidet en plan for strategisk kompetanseledelse med mål for hvert år.",
            "Startet internundervisning hver fjortende dag med egne fagpersoner som lærere.",
            "Ga {n} assistenter mulighet til å ta fagbrev som helsefagarbeider gjennom praksiskandidatordningen.",
        ],
    },
    ThemeDef {
        id: "rekruttering",
        name: "Rekruttering og å beholde ansatte",
        name_nn: "Rekruttering og å halde på tilsette",
        lower: ["rekruttering", "rekruttering"],
        aim: [
            "å rekruttere og beholde fagfolk",
            "å rekruttere og halde på fagfolk",
        ],
        description: "Hvordan kommunene tiltrekker seg og beholder sykepleiere, lærere, ingeniører og andre fagfolk.",
        measures: &[
            "Startet et traineeprogram for nyutdannede sykepleiere og vernepleiere.",
            "Lagde en film om arbeidsplassen til bruk i stillingsannonser og sosiale medier.",
            "Tilbød sommerjobb og deltidsjobb til studenter fra nærmeste høgskole.",
            "Innførte fadderordning for alle nyansatte det første halvåret.",
        ],
    },
    ThemeDef {
        id: "omdomme",
        name: "Omdømme og arbeidsgiverpolitikk",
        name_nn: "Omdøme og arbeidsgivarpolitikk",
        lower: ["omdømme", "omdøme"],
        aim: [
            "å styrke omdømmet som arbeidsgiver",
            "å styrkje omdømet som arbeidsgivar",
        ],
        description: "Arbeidsgiverstrategi, omdømmebygging og stolthet over eget fag.",
        measures: &[
            "Gjennomførte en omdømmeundersøkelse blant innbyggere og ansatte.",
            "Utarbeidet en ny arbeidsgiverstrategi i samarbeid med tillitsvalgte.",
            "Delte gode historier fra tjenestene i lokalavisen og på kommunens nettsider.",
        ],
    },
    ThemeDef {
        id: "innovasjon",
        name: "Innovasjon og tjenesteutvikling",
        name_nn: "Innovasjon og tenesteutvikling",
        lower: ["innovasjon", "innovasjon"],
        aim: [
            "å prøve ut nye måter å levere tjenester på",
            "å prøve ut nye måtar å levere tenester på",
        ],
        description: "Nye løsninger i tjenestene, tjenestedesign og samarbeid med innbyggere og næringsliv.",
        measures: &[
            "Gjennomførte tjenestedesign sammen med brukere og pårørende i {e}.",
            "Etablerte en idébank der alle ansatte kan melde inn forbedringsforslag.",
            "Samarbeidet med en lokal bedrift om nye løsninger for transport av hjelpemidler.",
        ],
    },
    ThemeDef {
        id: "velferdsteknologi",
        name: "Velferdsteknologi",
        name_nn: "Velferdsteknologi",
        lower: ["velferdsteknologi", "velferdsteknologi"],
        aim: [
            "å ta i bruk velferdsteknologi i hjemmene",
            "å ta i bruk velferdsteknologi i heimane",
        ],
        description: "Digitalt tilsyn, medisindispensere, trygghetsalarmer og andre tekniske hjelpemidler.",
        measures: &[
            "Prøvde ut elektroniske medisindispensere hos {n} brukere i hjemmetjenesten.",
            "Innførte digitalt tilsyn om natten etter samtykke fra brukere og pårørende.",
            "Opprettet et responssenter for trygghetsalarmer sammen med nabokommunene.",
        ],
    },
    ThemeDef {
        id: "lean",
        name: "Lean og forbedringsarbeid",
        name_nn: "Lean og forbetringsarbeid",
        lower: ["forbedringsarbeid", "forbetringsarbeid"],
        aim: [
            "å fjerne tidstyver i arbeidsdagen",
            "å fjerne tidstjuvar i arbeidsdagen",
        ],
        description: "Systematisk forbedring med Lean-metodikk: tavlemøter, verdistrømsanalyse og standardisering.",
        measures: &[
            "Satte i gang korte tavlemøter hver morgen etter Lean-prinsipper.",
            "Gjennomførte verdistrømsanalyse av innskrivingen av nye brukere.",
            "Standardiserte rapporter mellom vaktene med en felles sjekkliste.",
        ],
    },
    ThemeDef {
        id: "etikk",
        name: "Etikk og verdier",
        name_nn: "Etikk og verdiar",
        lower: ["etisk refleksjon", "etisk refleksjon"],
        aim: [
            "å gjøre etisk refleksjon til en del av hverdagen",
            "å gjere etisk refleksjon til ein del av kvardagen",
        ],
        description: "Etisk refleksjon i tjenestene, verdiarbeid og åpenhet.",
        measures: &[
            "Innførte faste refleksjonsmøter om etiske dilemmaer i hverdagen.",
            "Utdannet etikkveiledere i alle enheter i samarbeid med KS.",
            "Laget en kortstokk med dilemmaer til bruk på personalmøter.",
        ],
    },
    ThemeDef {
        id: "ledelse",
        name: "Ledelse og medarbeiderskap",
        name_nn: "Leiing og medarbeidarskap",
        lower: ["ledelse", "leiing"],
        aim: [
            "å styrke førstelinjelederne",
            "å styrkje førstelinjeleiarane",
        ],
        description: "Lederutvikling, lederspenn og medarbeiderskap.",
        measures: &[
            "Gjennomførte et lederutviklingsprogram for alle enhetsledere og avdelingsledere.",
            "Reduserte lederspennet ved å innføre fagledere i de største avdelingene.",
            "Ga ledere opplæring i arbeidsrett, IA-arbeid og oppfølging av fravær.",
        ],
    },
    ThemeDef {
        id: "arbeidsmiljo",
        name: "Arbeidsmiljø og HMS",
        name_nn: "Arbeidsmiljø og HMS",
        lower: ["arbeidsmiljø", "arbeidsmiljø"],
        aim: [
            "å skape et godt og trygt arbeidsmiljø",
            "å skape eit godt og trygt arbeidsmiljø",
        ],
        description: "Helse, miljø og sikkerhet, forebygging av vold og trusler og helsefremmende arbeidsplasser.",
        measures: &[
            "Tilbød helsefremmende aktiviteter i arbeidstiden, som trening og kostholdskurs.",
            "Kartla belastninger og innførte flere forflytningshjelpemidler.",
            "Gjennomførte risikovurderinger av vold og trusler i alle enheter.",
        ],
    },
    ThemeDef {
        id: "partssamarbeid",
        name: "Trepartssamarbeid",
        name_nn: "Trepartssamarbeid",
        lower: ["partssamarbeid", "partssamarbeid"],
        aim: [
            "å styrke samarbeidet mellom politikere, ledere og tillitsvalgte",
            "å styrkje samarbeidet mellom politikarar, leiarar og tillitsvalde",
        ],
        description: "Samarbeid mellom politikere, administrasjon og tillitsvalgte om utvikling av kommunen.",
        measures: &[
            "Etablerte et trepartsforum med politikere, ledelse og hovedtillitsvalgte som møttes hvert kvartal.",
            "Holdt felles samlinger for politikere, ledere og tillitsvalgte om kommunens utfordringer.",
        ],
    },
];

/// A programme of `programmes.yaml`.
struct ProgrammeDef {
    id: &'static str,
    name: &'static str,
    owner: &'static str,
    start: i64,
    end: Option<i64>,
    description: &'static str,
}

const PROGRAMMES: &[ProgrammeDef] = &[
    ProgrammeDef {
        id: "kvalitetskommune",
        name: "Kvalitetskommuneprogrammet",
        owner: "KS, Kommunal- og regionaldepartementet og arbeidstakerorganisasjonene",
        start: 2007,
        end: Some(2010),
        description: "Et samarbeid mellom staten, KS og arbeidstakerorganisasjonene om bedre kvalitet i tjenestene og lavere sykefravær.",
    },
    ProgrammeDef {
        id: "saman",
        name: "Saman om ein betre kommune",
        owner: "KS og Kommunal- og regionaldepartementet",
        start: 2012,
        end: Some(2015),
        description: "Et program for fornying og utvikling av kommunene, med vekt på sykefravær, kompetanse, heltid/deltid og omdømme.",
    },
    ProgrammeDef {
        id: "rusta",
        name: "Innovativ bemanningsledelse – Rusta for framtida",
        owner: "KS",
        start: 2023,
        end: None,
        description: "Et utviklingsprogram for sykehjem og hjemmetjenester om ny organisering av bemanning og kompetanse.",
    },
];

// ---------------------------------------------------------------------------
// Text banks
// ---------------------------------------------------------------------------

/// Sentence banks for one written standard. Slots in braces are filled from
/// a [`Slots`] value: `{k}` municipality, `{e}` service unit, `{t}` theme
/// phrase, `{g}` aim, `{y}` start year, `{y2}` a later year, `{yf}` a
/// planning horizon, `{p}` and `{p2}`
/// percentages with a decimal comma, `{q}` percentage points, `{s}` a
/// position size, `{n}` and `{m}` counts, `{prog}` the programme name.
struct Bank {
    units: &'static [&'static str],
    titles: &'static [&'static str],
    summaries: &'static [&'static str],
    need: &'static [&'static str],
    goal: &'static [&'static str],
    subgoal_intro: &'static str,
    subgoals: &'static [&'static str],
    measures: &'static [&'static str],
    result: &'static [&'static str],
    anchoring: &'static [&'static str],
    background: &'static [&'static str],
    method: &'static [&'static str],
    steps: &'static [&'static str],
    closing: &'static [&'static str],
    experience: &'static [&'static str],
    quotes: &'static [&'static str],
    footnotes: &'static [&'static str],
    headings: [&'static str; 4],
    table_head: [&'static str; 3],
    indicator_names: [&'static str; 4],
    target_labels: [&'static str; 2],
    link_titles: &'static [&'static str],
    table_note: &'static str,
    more: &'static str,
}

const NB: Bank = Bank {
    units: &[
        "hjemmetjenesten",
        "sykehjemmet",
        "omsorgstjenesten",
        "barnehagene",
        "grunnskolen",
        "teknisk drift",
        "renholdstjenesten",
        "tjenesten for funksjonshemmede",
        "legevakten",
        "rus- og psykiatritjenesten",
        "helse og omsorg",
        "institusjonskjøkkenet",
    ],
    titles: &[
        "{T} i {e} i {k}",
        "{prog} i {k}",
        "Nye arbeidstidsordninger i {e} i {k}",
        "{k} satser på {t}",
        "Arbeid med {t} i {k} kommune",
        "{k}: {T} i {e}",
    ],
    summaries: &[
        "Slik arbeidet {k} kommune for {g} i {e} fra {y}.",
        "{k} deltok i {prog} og jobbet med {t} i {e}.",
        "Erfaringer fra {k}, der {e} arbeidet med {t} sammen med tillitsvalgte og ansatte.",
    ],
    need: &[
        "{k} kommune sto overfor et stadig økende behov for tjenester i {e}, samtidig som det ble vanskeligere å rekruttere fagfolk.",
        "Sykefraværet i {e} hadde i flere år ligget på rundt {p} prosent, godt over målet kommunen hadde satt seg.",
        "Mange ansatte arbeidet i små deltidsstillinger, og brukerne møtte for mange ulike ansikter i løpet av en uke.",
        "Ledere brukte mye tid på å skaffe vikarer, og det gikk ut over oppfølgingen av de fast ansatte.",
        "Befolkningsframskrivingene viste at antallet innbyggere over 80 år ville bli nesten doblet fram mot {yf}.",
        "Medarbeiderundersøkelsen pekte på svak informasjonsflyt mellom enhetene og lite tid til faglig refleksjon.",
        "Kommunen manglet en felles forståelse av hva godt arbeid med {t} betyr i praksis, og arbeidet var avhengig av enkeltpersoner.",
        "Tjenestene var organisert ulikt fra avdeling til avdeling, noe som gjorde det krevende å dele erfaringer og ressurser.",
        "Det var behov for å se {t} i sammenheng med økonomi, kvalitet og arbeidsmiljø, ikke som et eget prosjekt på siden.",
        "Turnover blant nyutdannede sykepleiere var høy, og flere sluttet før de hadde vært ansatt i to år.",
        "Tillitsvalgte og ledere var enige om at dagens arbeidstidsordninger ikke var bærekraftige på sikt.",
        "Små fagmiljøer og lange avstander gjorde det vanskelig å gi alle ansatte den opplæringen de trengte.",
        "Kommunestyret hadde vedtatt stramme økonomiske rammer, og {e} måtte finne nye måter å løse oppgavene på.",
        "En kartlegging i {y} viste at {q} prosent av de ansatte i {e} ønsket en større stilling enn de hadde.",
        "Det manglet systematikk i hvordan avvik ble meldt, fulgt opp og brukt til læring.",
        "Brukere og pårørende etterlyste mer forutsigbarhet og bedre kontinuitet i tjenestene.",
    ],
    goal: &[
        "Målet var {g}, og samtidig gjøre {k} til en mer attraktiv arbeidsgiver i regionen.",
        "Sykefraværet i {e} skulle ned fra {p} til {p2} prosent innen utgangen av {y2}.",
        "Ingen nye stillinger i {e} skulle lyses ut med mindre enn {s} prosent stillingsandel.",
        "Alle ansatte skulle ha en individuell kompetanseplan innen {y2}.",
        "Kommunen ville bygge en kultur der det er naturlig å jobbe heltid og å ta ansvar for helheten.",
        "Tjenestene skulle bli mer robuste, slik at enhetene i større grad kan dekke bemanningsbehovet selv.",
        "Brukerne skulle møte færre og mer kompetente ansatte i hverdagen.",
        "Vi ønsket å prøve ut minst {n} nye løsninger og ta de beste inn i ordinær drift.",
    ],
    subgoal_intro: "Delmålene var:",
    subgoals: &[
        "økt nærvær i alle enheter",
        "flere ansatte i hele stillinger",
        "bedre samarbeid mellom ledere, tillitsvalgte og verneombud",
        "systematisk bruk av medarbeiderundersøkelsen",
        "tydelige krav og forventninger til ansatte og ledere",
        "et bedre omdømme som arbeidsgiver",
        "mindre bruk av innleid arbeidskraft",
    ],
    measures: &[
        "Gjennomførte dialogmøter med alle avdelinger om nærvær, arbeidsmiljø og turnus.",
        "Etablerte en prosjektgruppe med ledere, tillitsvalgte og verneombud fra {e}.",
        "Gjennomførte kurs i motiverende intervju for alle mellomledere.",
        "Etablerte læringsnettverk med nabokommunene for å dele erfaringer.",
        "Gjennomførte en ny medarbeiderundersøkelse etter to år for å måle effekten.",
        "Laget en felles plan for opplæring av nyansatte i {e}.",
        "Innførte faste medarbeidersamtaler med oppfølging av avtalte tiltak.",
        "Arrangerte en fagdag for alle ansatte i {e} med **erfaringsdeling** fra andre kommuner.",
        "Skrev en enkel veileder om arbeidsplassen som læringsarena.",
        "Fulgte opp resultatene hvert kvartal i ledermøtet.",
    ],
    result: &[
        "Sykefraværet i {e} gikk ned fra {p} til {p2} prosent i løpet av prosjektperioden.",
        "Det lyses ikke lenger ut stillinger under {s} prosent i {e}.",
        "Andelen ansatte i heltidsstilling økte med {q} prosentpoeng.",
        "Bruken av vikarer ble redusert, og kommunen sparer om lag {m} 000 kroner i året.",
        "Medarbeiderundersøkelsen viser høyere skår på mestring og faglig utvikling enn før prosjektet.",
        "{n} ansatte har tatt fagbrev eller videreutdanning gjennom prosjektet.",
        "Brukertilfredsheten i {e} er høy og stabil.",
        "Flere av tiltakene er nå en del av ordinær drift i hele kommunen.",
        "Erfaringene er delt med nabokommunene og presentert på KS sine nettverkssamlinger.",
        "Det er blitt lettere å rekruttere, og antallet søkere per stilling har økt.",
        "Ikke alle mål ble nådd: deltidsandelen i {e} er fortsatt høyere enn ønsket.",
        "Ledere forteller at de bruker mindre tid på å skaffe vikarer og mer tid på faglig ledelse.",
    ],
    anchoring: &[
        "Prosjektet ble forankret i kommunestyret gjennom et vedtak i {y}.",
        "Prosjektgruppen besto av ledere, tillitsvalgte og verneombud fra alle berørte enheter.",
        "Rådmannens ledergruppe var styringsgruppe og fikk rapport hvert kvartal.",
        "Arbeidet var en del av kommunens arbeidsgiverstrategi og ble fulgt opp i budsjettet.",
        "Hovedtillitsvalgte deltok i alle samlinger, og partssamarbeidet beskrives som godt.",
        "Administrasjonsutvalget fikk jevnlige orienteringer om framdrift og resultater.",
        "Det ble holdt allmøter for ansatte i {e} ved oppstart og avslutning.",
        "Tiltakene er innarbeidet i handlingsplanen for {t}.",
    ],
    background: &[
        "Da {k} meldte seg på {prog} i {y}, var det med et ønske om å gjøre noe med {t}.",
        "Utgangspunktet var en tjeneste der mange ansatte var slitne og der ledere opplevde å slukke branner hver dag.",
        "Enhetslederen i {e} forteller at det første halvåret gikk med til å kartlegge og bli enige om hva problemet egentlig var.",
        "Det viktigste var kanskje at ansatte selv fikk komme med forslag, og at forslagene ble tatt på alvor.",
        "Kommunen har om lag {m} ansatte i {e}, fordelt på flere avdelinger og turnuser.",
        "Arbeidet bygget videre på erfaringer fra tidligere utviklingsprosjekter i kommunen.",
        "Samarbeidet med tillitsvalgte var tett fra første dag, og uenigheter ble tatt opp tidlig.",
        "Underveis ble det klart at endringene krevde mer tid enn først antatt.",
        "Prosjektleder ble frikjøpt i halv stilling, og hver avdeling hadde en egen ressursperson.",
        "Tallene ble fulgt nøye[^1], og resultatene ble lagt fram på personalmøtene.",
    ],
    method: &[
        "Arbeidet ble organisert i tre faser: kartlegging, utprøving og innføring.",
        "Hver avdeling valgte selv hvilke tiltak de ville starte med.",
        "Prosjektgruppen møttes annenhver uke, og referatene ble lagt ut for alle ansatte.",
        "Vi brukte metoder fra KS sitt nettverk og tilpasset dem til egne forhold.",
        "Ansatte ble invitert til idédugnader på tvers av vaktlagene.",
    ],
    closing: &[
        "Prosjektet er nå avsluttet som prosjekt, men arbeidet fortsetter i linjen.",
        "Neste steg er å ta erfaringene videre til flere tjenesteområder i {k}.",
        "Kommunen deler gjerne erfaringer med andre som vil i gang med {t}.",
        "Flere nabokommuner har allerede besøkt {e} for å lære av arbeidet.",
        "Evalueringen vil bli fulgt opp med en ny kartlegging om to år.",
        "Det er fortsatt et stykke igjen, men retningen er riktig, mener prosjektlederen.",
    ],
    steps: &[
        "Kartlegging av stillingsstørrelser og ønsker blant ansatte",
        "Arbeidsmøter i hver avdeling med ledere og tillitsvalgte",
        "Utprøving av ny turnus i én avdeling før den ble innført i flere",
        "Evaluering etter seks måneder, med justeringer",
        "Deling av resultater med andre enheter og kommuner",
        "Opplæring av ressurspersoner som fulgte opp kollegene sine",
        "Felles samling for alle ansatte med *gruppearbeid* om tiltakene",
    ],
    experience: &[
        "Ta deg tid til forankring, både hos ledere, tillitsvalgte og ansatte.",
        "Start i det små, og la gode erfaringer spre seg.",
        "Det lønner seg å måle jevnlig og å vise fram resultatene, også når de går feil vei.",
        "Ikke undervurder hvor lang tid det tar å endre en turnus.",
        "Involver brukerne og de pårørende tidlig; de har ofte gode svar på hva som er viktig.",
        "Knytt prosjektet til kommunens ordinære planer og budsjett fra starten av.",
        "Nettverket med andre kommuner ga både inspirasjon og nyttige innspill.",
    ],
    quotes: &[
        "«Vi har fått en helt annen kultur for å snakke om nærvær», sier en enhetsleder i {e}.",
        "«Det var ansatte som fant de beste løsningene, ikke vi ledere», sier prosjektlederen.",
        "«Nå vet vi hvem som jobber i morgen, og det merker brukerne», sier en hovedtillitsvalgt.",
    ],
    footnotes: &[
        "Tallene er hentet fra kommunens personalsystem og gjelder legemeldt og egenmeldt fravær.",
        "Undersøkelsen ble gjennomført med KS sitt verktøy 10-FAKTOR.",
        "Kilde: SSB, KOSTRA, og kommunens egne beregninger.",
    ],
    headings: [
        "Bakgrunn",
        "Slik jobbet vi",
        "Tall fra prosjektet",
        "Erfaringer og råd til andre",
    ],
    table_head: ["År", "Sykefravær", "Andel heltid"],
    indicator_names: [
        "Sykefravær",
        "Andel ansatte i heltidsstilling",
        "Gjennomsnittlig stillingsstørrelse",
        "Antall lærlinger",
    ],
    target_labels: ["Ønsket maks", "Godt nok"],
    link_titles: &[
        "Reportasje fra prosjektet",
        "Sluttrapport",
        "Kommunens side om prosjektet",
    ],
    table_note: "Tabellen viser utviklingen år for år i {e}.",
    more: "Les mer om programmet hos [KS](https://www.ks.no/).",
};

const NN: Bank = Bank {
    units: &[
        "heimetenesta",
        "sjukeheimen",
        "omsorgstenesta",
        "barnehagane",
        "grunnskulen",
        "teknisk drift",
        "reinhaldstenesta",
        "tenesta for funksjonshemma",
        "legevakta",
        "helse og omsorg",
    ],
    titles: &[
        "{T} i {e} i {k}",
        "{prog} i {k}",
        "Nye arbeidstidsordningar i {e} i {k}",
        "{k} satsar på {t}",
    ],
    summaries: &[
        "Slik arbeidde {k} kommune for {g} i {e} frå {y}.",
        "{k} var med i {prog} og arbeidde med {t} i {e}.",
    ],
    need: &[
        "{k} kommune stod overfor eit stadig større behov for tenester i {e}, samstundes som det vart vanskelegare å rekruttere fagfolk.",
        "Sjukefråværet i {e} hadde i fleire år lege på rundt {p} prosent, godt over målet kommunen hadde sett seg.",
        "Mange tilsette arbeidde i små deltidsstillingar, og brukarane møtte for mange ulike andlet i løpet av ei veke.",
        "Leiarane brukte mykje tid på å skaffe vikarar, og det gjekk ut over oppfølginga av dei faste tilsette.",
        "Befolkningsframskrivingane viste at talet på innbyggjarar over 80 år ville bli nesten dobla fram mot {yf}.",
        "Medarbeidarundersøkinga peika på svak informasjonsflyt mellom einingane og lite tid til fagleg refleksjon.",
        "Det var behov for å sjå {t} i samanheng med økonomi, kvalitet og arbeidsmiljø, ikkje som eit eige prosjekt på sida.",
        "Ei kartlegging i {y} viste at {q} prosent av dei tilsette i {e} ønskte ei større stilling enn dei hadde.",
        "Små fagmiljø og lange avstandar gjorde det vanskeleg å gje alle tilsette den opplæringa dei trong.",
        "Brukarar og pårørande etterlyste meir føreseielegheit og betre kontinuitet i tenestene.",
    ],
    goal: &[
        "Målet var {g}, og samstundes gjere {k} til ein meir attraktiv arbeidsgivar i regionen.",
        "Sjukefråværet i {e} skulle ned frå {p} til {p2} prosent innan utgangen av {y2}.",
        "Ingen nye stillingar i {e} skulle lysast ut med mindre enn {s} prosent stillingsdel.",
        "Tenestene skulle bli meir robuste, slik at einingane i større grad kan dekkje bemanningsbehovet sjølve.",
        "Brukarane skulle møte færre og meir kompetente tilsette i kvardagen.",
    ],
    subgoal_intro: "Delmåla var:",
    subgoals: &[
        "auka nærvær i alle einingar",
        "fleire tilsette i heile stillingar",
        "betre samarbeid mellom leiarar, tillitsvalde og verneombod",
        "systematisk bruk av medarbeidarundersøkinga",
        "mindre bruk av innleigd arbeidskraft",
    ],
    measures: &[
        "Heldt dialogmøte med alle avdelingane om nærvær, arbeidsmiljø og turnus.",
        "Oppretta ei prosjektgruppe med leiarar, tillitsvalde og verneombod frå {e}.",
        "Innførte langturnus med helgevakter kvar tredje helg.",
        "Etablerte eit partssamansett forum som drøftar alle deltidsstillingar før utlysing.",
        "Tok i bruk ein digital modul for kompetansekartlegging.",
        "Starta korte tavlemøte kvar morgon etter Lean-prinsipp.",
        "Innførte faste refleksjonsmøte om etiske dilemma i kvardagen.",
        "Etablerte læringsnettverk med nabokommunane for å dele erfaringar.",
        "Gjennomførte ei ny medarbeidarundersøking etter to år for å måle effekten.",
        "Følgde opp resultata kvart kvartal i leiarmøtet.",
    ],
    result: &[
        "Sjukefråværet i {e} gjekk ned frå {p} til {p2} prosent i løpet av prosjektperioden.",
        "Det blir ikkje lenger lyst ut stillingar under {s} prosent i {e}.",
        "Delen tilsette i heiltidsstilling auka med {q} prosentpoeng.",
        "Bruken av vikarar gjekk ned, og kommunen sparer om lag {m} 000 kroner i året.",
        "{n} tilsette har teke fagbrev eller vidareutdanning gjennom prosjektet.",
        "Fleire av tiltaka er no ein del av ordinær drift i heile kommunen.",
        "Ikkje alle mål vart nådde: deltidsdelen i {e} er framleis høgare enn ønskt.",
    ],
    anchoring: &[
        "Prosjektet vart forankra i kommunestyret gjennom eit vedtak i {y}.",
        "Prosjektgruppa hadde leiarar, tillitsvalde og verneombod frå alle einingane som var med.",
        "Rådmannen si leiargruppe var styringsgruppe og fekk rapport kvart kvartal.",
        "Hovudtillitsvalde var med på alle samlingane, og partssamarbeidet blir skildra som godt.",
        "Tiltaka er arbeidde inn i handlingsplanen for {t}.",
    ],
    background: &[
        "Då {k} melde seg på {prog} i {y}, var det med eit ønske om å gjere noko med {t}.",
        "Utgangspunktet var ei teneste der mange tilsette var slitne og der leiarane sløkte brannar kvar dag.",
        "Einingsleiaren i {e} fortel at det første halvåret gjekk med til å kartleggje og bli samde om kva problemet eigentleg var.",
        "Kommunen har om lag {m} tilsette i {e}, fordelte på fleire avdelingar og turnusar.",
        "Samarbeidet med dei tillitsvalde var tett frå første dag.",
        "Tala vart følgde nøye[^1], og resultata vart lagde fram på personalmøta.",
        "Undervegs vart det klart at endringane kravde meir tid enn først tenkt.",
    ],
    method: &[
        "Arbeidet vart organisert i tre fasar: kartlegging, utprøving og innføring.",
        "Kvar avdeling valde sjølv kva tiltak dei ville starte med.",
        "Prosjektgruppa møttest annakvar veke, og referata vart lagde ut for alle tilsette.",
        "Tilsette vart inviterte til idédugnader på tvers av vaktlaga.",
    ],
    closing: &[
        "Prosjektet er no avslutta som prosjekt, men arbeidet held fram i linja.",
        "Neste steg er å ta erfaringane vidare til fleire tenesteområde i {k}.",
        "Kommunen deler gjerne erfaringar med andre som vil i gang med {t}.",
        "Det er framleis eit stykke att, men retninga er rett, meiner prosjektleiaren.",
    ],
    steps: &[
        "Kartlegging av stillingsstorleikar og ønske blant dei tilsette",
        "Arbeidsmøte i kvar avdeling med leiarar og tillitsvalde",
        "Utprøving av ny turnus i éi avdeling før han vart innført i fleire",
        "Evaluering etter seks månader, med justeringar",
        "Deling av resultat med andre einingar og kommunar",
    ],
    experience: &[
        "Ta deg tid til forankring, både hos leiarar, tillitsvalde og tilsette.",
        "Start i det små, og la gode erfaringar spreie seg.",
        "Det løner seg å måle jamleg og å vise fram resultata, også når dei går feil veg.",
        "Ikkje undervurder kor lang tid det tek å endre ein turnus.",
        "Nettverket med andre kommunar gav både inspirasjon og nyttige innspel.",
    ],
    quotes: &[
        "«Vi har fått ein heilt annan kultur for å snakke om nærvær», seier ein einingsleiar i {e}.",
        "«Det var dei tilsette som fann dei beste løysingane», seier prosjektleiaren.",
    ],
    footnotes: &[
        "Tala er henta frå personalsystemet til kommunen og gjeld legemeldt og eigenmeldt fråvær.",
        "Kjelde: SSB, KOSTRA, og kommunen sine eigne utrekningar.",
    ],
    headings: [
        "Bakgrunn",
        "Slik arbeidde vi",
        "Tal frå prosjektet",
        "Erfaringar og råd til andre",
    ],
    table_head: ["År", "Sjukefråvær", "Del heiltid"],
    indicator_names: [
        "Sjukefråvær",
        "Del tilsette i heiltidsstilling",
        "Gjennomsnittleg stillingsstorleik",
        "Tal på lærlingar",
    ],
    target_labels: ["Ønskt maks", "Godt nok"],
    link_titles: &["Reportasje frå prosjektet", "Sluttrapport"],
    table_note: "Tabellen viser utviklinga år for år i {e}.",
    more: "Les meir om programmet hos [KS](https://www.ks.no/).",
};

// ---------------------------------------------------------------------------
// The case model
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    Nb,
    Nn,
}

/// One data point of an indicator series or target.
struct Point {
    period: String,
    value: String,
    label: Option<&'static str>,
}

struct Indicator {
    name: &'static str,
    unit: &'static str,
    lower_is_better: bool,
    series: Vec<Point>,
    targets: Vec<Point>,
}

struct Funding {
    source: String,
    amount_nok: i64,
}

struct Link {
    title: &'static str,
    url: String,
}

/// A generated case: everything written to the casebook, Hugo and Zola files.
struct Case {
    slug: String,
    title: String,
    municipality: &'static str,
    number: &'static str,
    county: &'static str,
    programme: &'static ProgrammeDef,
    themes: Vec<&'static ThemeDef>,
    status: &'static str,
    period: Option<(i64, Option<i64>)>,
    language: Option<&'static str>,
    published: Option<String>,
    updated: Option<String>,
    summary: Option<String>,
    need: String,
    goal: String,
    measures: Vec<String>,
    result: Option<String>,
    anchoring: Option<String>,
    indicators: Vec<Indicator>,
    funding: Vec<Funding>,
    links: Vec<Link>,
    body: String,
}

/// Values for the slots of the sentence banks.
struct Slots {
    k: &'static str,
    e: &'static str,
    t: &'static str,
    big_t: &'static str,
    g: &'static str,
    prog: &'static str,
    y: i64,
    y2: i64,
    yf: i64,
    p: String,
    p2: String,
    q: i64,
    s: i64,
    n: i64,
    m: i64,
}

impl Slots {
    /// Replaces every `{slot}` in `template`.
    fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            match &after[..close] {
                "k" => out.push_str(self.k),
                "e" => out.push_str(self.e),
                "t" => out.push_str(self.t),
                "T" => out.push_str(self.big_t),
                "g" => out.push_str(self.g),
                "prog" => out.push_str(self.prog),
                "y" => w!(out, "{}", self.y),
                "y2" => w!(out, "{}", self.y2),
                "yf" => w!(out, "{}", self.yf),
                "p" => out.push_str(&self.p),
                "p2" => out.push_str(&self.p2),
                "q" => w!(out, "{}", self.q),
                "s" => w!(out, "{}", self.s),
                "n" => w!(out, "{}", self.n),
                "m" => w!(out, "{}", self.m),
                other => w!(out, "{{{other}}}"),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// Between `min` and `max` distinct sentences of `bank`, filled, as one
    /// paragraph.
    fn paragraph(&self, rng: &mut Rng, bank: &[&str], min: usize, max: usize) -> String {
        rng.sample(bank, min, max)
            .iter()
            .map(|s| self.fill(s))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `8.4` → `8,4` (Norwegian decimal comma for running text).
fn decimal_comma(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// Norwegian slug of a name: `Bærum` → `baerum`, `Sør-Aurdal` → `sor-aurdal`.
fn slugify(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'á' | 'à' | 'ä' => out.push('a'),
            'é' | 'è' => out.push('e'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The latest publication date allowed: before 2026-11-01, so in the past.
const LAST_YEAR: i64 = 2026;
const LAST_MONTH_OF_LAST_YEAR: i64 = 10;

/// A random real date in `year` (days 1–28 keep every month valid), never
/// after October 2026.
fn date_in(rng: &mut Rng, year: i64) -> (i64, i64, i64) {
    let year = year.min(LAST_YEAR);
    let max_month = if year == LAST_YEAR {
        LAST_MONTH_OF_LAST_YEAR
    } else {
        12
    };
    (year, rng.range(1, max_month), rng.range(1, 28))
}

fn fmt_date((y, m, d): (i64, i64, i64)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Generates case `index` of the corpus for `seed`.
fn generate_case(seed: u64, index: usize, width: usize) -> Case {
    let mut rng = Rng::for_case(seed, index as u64);
    let (municipality, number) = rng.pick(MUNICIPALITIES);
    let county = county_of(number);
    let slug = format!("{}-{index:0width$}", slugify(municipality));

    let lang = if rng.chance(0.12) { Lang::Nn } else { Lang::Nb };
    let li = usize::from(lang == Lang::Nn);
    let bank = if lang == Lang::Nn { &NN } else { &NB };

    // Programme, status and period.
    let roll = rng.unit();
    let programme = if roll < 0.3 {
        &PROGRAMMES[0]
    } else if roll < 0.7 {
        &PROGRAMMES[1]
    } else {
        &PROGRAMMES[2]
    };
    let (status, start, end) = match programme.end {
        Some(prog_end) => {
            let start = rng.range(programme.start, prog_end - 1);
            if rng.chance(0.8) {
                let end = rng.range(start + 1, prog_end + 1);
                ("completed", start, Some(end))
            } else {
                let end = rng.chance(0.5).then(|| rng.range(start + 2, 2030));
                ("ongoing", start, end)
            }
        }
        None => {
            let r = rng.unit();
            if r < 0.15 {
                ("completed", 2023, Some(rng.range(2024, 2025)))
            } else if r < 0.75 {
                let start = rng.range(2023, 2025);
                (
                    "ongoing",
                    start,
                    rng.chance(0.5).then(|| rng.range(2026, 2028)),
                )
            } else {
                let start = rng.range(2026, 2027);
                ("planned", start, rng.chance(0.4).then(|| start + 2))
            }
        }
    };
    let period = (!rng.chance(0.08)).then_some((start, end));

    // Themes: 1–3, the first weighted towards the common programme themes.
    let n_themes = 1 + rng.below(3);
    let first = if rng.chance(0.5) {
        rng.below(3)
    } else {
        rng.below(THEMES.len())
    };
    let mut themes = vec![&THEMES[first]];
    while themes.len() < n_themes {
        let t = &THEMES[rng.below(THEMES.len())];
        if !themes.iter().any(|x| x.id == t.id) {
            themes.push(t);
        }
    }
    let main = themes[0];

    let p_before = 6.5 + rng.unit() * 5.0;
    let p_after = p_before - 0.8 - rng.unit() * 2.5;
    let slots = Slots {
        k: municipality,
        e: rng.pick(bank.units),
        t: main.lower[li],
        big_t: if lang == Lang::Nn {
            main.name_nn
        } else {
            main.name
        },
        g: main.aim[li],
        prog: programme.name,
        y: start,
        y2: end.unwrap_or(start + 3),
        yf: 5 * ((start + 24) / 5),
        p: decimal_comma(p_before),
        p2: decimal_comma(p_after),
        q: rng.range(5, 35),
        s: 5 * rng.range(10, 16),
        n: rng.range(3, 30),
        m: rng.range(40, 400),
    };

    let title = slots.fill(rng.pick(bank.titles));
    let summary = rng
        .chance(0.9)
        .then(|| slots.fill(rng.pick(bank.summaries)));

    // Need: two paragraphs.
    let need = format!(
        "{}\n\n{}\n",
        slots.paragraph(&mut rng, &bank.need[..bank.need.len() / 2], 3, 4),
        slots.paragraph(&mut rng, &bank.need[bank.need.len() / 2..], 3, 4),
    );

    // Goal: a paragraph, sometimes with a list of sub-goals.
    let mut goal = slots.paragraph(&mut rng, bank.goal, 2, 4);
    goal.push('\n');
    if rng.chance(0.5) {
        w!(goal, "\n{}\n\n", bank.subgoal_intro);
        for sub in rng.sample(bank.subgoals, 3, 4) {
            w!(goal, "- {sub}\n");
        }
    }

    // Measures: theme-specific (bokmål) and general ones.
    let mut pool: Vec<&str> = bank.measures.to_vec();
    if lang == Lang::Nb {
        for t in &themes {
            pool.extend_from_slice(t.measures);
        }
    }
    let measures = rng
        .sample(&pool, 5, 8)
        .iter()
        .map(|m| slots.fill(m))
        .collect();

    let result = (status == "completed" || (status == "ongoing" && rng.chance(0.4))).then(|| {
        let (min, max) = if status == "completed" {
            (4, 6)
        } else {
            (2, 3)
        };
        let mut r = slots.paragraph(&mut rng, bank.result, min, max);
        r.push('\n');
        r
    });
    let anchoring = rng.chance(0.92).then(|| {
        let mut a = slots.paragraph(&mut rng, bank.anchoring, 3, 5);
        a.push('\n');
        a
    });

    let indicators = if index.is_multiple_of(5) {
        indicators(&mut rng, bank, start, &themes)
    } else {
        Vec::new()
    };

    let funding = if rng.chance(0.3) {
        let mut f = vec![Funding {
            source: "Kommunal- og regionaldepartementet".to_string(),
            amount_nok: 10_000 * rng.range(5, 50),
        }];
        if rng.chance(0.4) {
            f.push(Funding {
                source: format!("Statsforvalteren i {county}"),
                amount_nok: 10_000 * rng.range(5, 30),
            });
        }
        f
    } else {
        Vec::new()
    };

    let links = if rng.chance(0.4) {
        let site = slugify(municipality);
        let mut l = vec![Link {
            title: bank.link_titles[0],
            url: format!("https://www.{site}.kommune.no/prosjekter/{}/", programme.id),
        }];
        if rng.chance(0.3) {
            l.push(Link {
                title: bank.link_titles[1],
                url: format!("https://www.ks.no/globalassets/rapporter/{slug}-sluttrapport.pdf"),
            });
        }
        l
    } else {
        Vec::new()
    };

    // Publication dates: after the start, before November 2026.
    let published_date = rng.chance(0.9).then(|| {
        let year = match end {
            Some(e) if status == "completed" => rng.range(e, e + 1),
            _ => rng.range(start.min(2025), 2026),
        };
        date_in(&mut rng, year)
    });
    let updated = published_date.and_then(|(y, _, _)| {
        rng.chance(0.3).then(|| {
            let later = rng.range(y + 1, y + 2);
            fmt_date(date_in(&mut rng, later.min(LAST_YEAR)))
        })
    });
    // An update in the same year as the publication could come first; drop it.
    let updated =
        updated.filter(|u| published_date.is_some_and(|p| u.as_str() > fmt_date(p).as_str()));
    let published = published_date.map(fmt_date);

    let language = match lang {
        Lang::Nn => Some("nn"),
        Lang::Nb => rng.chance(0.5).then_some("nb"),
    };

    let body = body(&mut rng, bank, &slots, start);

    Case {
        slug,
        title,
        municipality,
        number,
        county,
        programme,
        themes,
        status,
        period,
        language,
        published,
        updated,
        summary,
        need,
        goal,
        measures,
        result,
        anchoring,
        indicators,
        funding,
        links,
        body,
    }
}

/// One or two indicator series with unique periods, some with targets.
fn indicators(rng: &mut Rng, bank: &Bank, start: i64, themes: &[&ThemeDef]) -> Vec<Indicator> {
    let mut out = Vec::new();
    let sick = themes.iter().any(|t| t.id == "sykefravaer") || rng.chance(0.5);
    // A baseline from before the start; measured values end by 2026-Q2, so
    // planned and recent cases have no figures from the future.
    let first_year = (start - rng.range(1, 3)).min(2024);
    let quarters = rng.range(8, 24).min((2026 - first_year) * 4 + 2);
    if sick {
        let mut v = 7.0 + rng.unit() * 4.0;
        let series = (0..quarters)
            .map(|i| {
                v = (v - 0.08 + (rng.unit() - 0.5) * 0.9).max(3.0);
                Point {
                    period: format!("{}-Q{}", first_year + i / 4, i % 4 + 1),
                    value: format!("{v:.1}"),
                    label: None,
                }
            })
            .collect();
        let targets = if rng.chance(0.5) {
            let y = first_year + quarters / 4;
            vec![
                Point {
                    period: y.to_string(),
                    value: format!("{:.1}", 5.0 + rng.unit()),
                    label: Some(bank.target_labels[0]),
                },
                Point {
                    period: (y + 1).to_string(),
                    value: format!("{:.1}", 6.0 + rng.unit()),
                    label: Some(bank.target_labels[1]),
                },
            ]
        } else {
            Vec::new()
        };
        out.push(Indicator {
            name: bank.indicator_names[0],
            unit: "percent",
            lower_is_better: true,
            series,
            targets,
        });
    }
    if !sick || rng.chance(0.3) {
        let kind = rng.below(3) + 1;
        let (unit, mut v, step) = match kind {
            1 => ("percent", 25.0 + rng.unit() * 20.0, 1.2),
            2 => ("percent", 50.0 + rng.unit() * 15.0, 0.8),
            _ => ("count", 2.0 + rng.unit() * 6.0, 0.6),
        };
        let series = (0..quarters)
            .map(|i| {
                v += step * rng.unit();
                let value = if unit == "count" {
                    format!("{}", v.round() as i64)
                } else {
                    format!("{v:.1}")
                };
                Point {
                    period: format!("{}-Q{}", first_year + i / 4, i % 4 + 1),
                    value,
                    label: None,
                }
            })
            .collect();
        out.push(Indicator {
            name: bank.indicator_names[kind],
            unit,
            lower_is_better: false,
            series,
            targets: Vec::new(),
        });
    }
    out
}

/// The narrative: headings, paragraphs, a numbered list, a quote, a table and
/// footnotes.
fn body(rng: &mut Rng, bank: &Bank, slots: &Slots, start: i64) -> String {
    let mut b = String::with_capacity(2048);
    w!(b, "## {}\n\n", bank.headings[0]);
    w!(b, "{}\n\n", slots.paragraph(rng, bank.background, 5, 7));
    w!(b, "## {}\n\n", bank.headings[1]);
    w!(b, "{}\n\n", slots.paragraph(rng, bank.method, 2, 3));
    for (i, step) in rng.sample(bank.steps, 4, 6).iter().enumerate() {
        w!(b, "{}. {}\n", i + 1, step);
    }
    w!(b, "\n> {}\n\n", slots.fill(rng.pick(bank.quotes)));
    w!(b, "### {}\n\n", bank.headings[2]);
    let [h0, h1, h2] = bank.table_head;
    w!(b, "| {h0} | {h1} | {h2} |\n|---|---:|---:|\n");
    let mut sick = 7.0 + rng.unit() * 4.0;
    let mut full = 20.0 + rng.unit() * 20.0;
    for year in start - 1..start + 2 + rng.below(2) as i64 {
        w!(
            b,
            "| {year} | {} % | {} % |\n",
            decimal_comma(sick),
            decimal_comma(full)
        );
        sick -= rng.unit() * 0.9;
        full += rng.unit() * 4.0;
    }
    w!(b, "\n{}[^2]\n\n", slots.fill(bank.table_note));
    w!(b, "## {}\n\n", bank.headings[3]);
    for tip in rng.sample(bank.experience, 3, 4) {
        w!(b, "- {tip}\n");
    }
    w!(b, "\n{}", slots.paragraph(rng, bank.closing, 2, 3));
    w!(b, " {}\n\n", bank.more);
    // One sentence of the background bank carries a `[^1]` reference.
    if b.contains("[^1]") {
        w!(b, "[^1]: {}\n", bank.footnotes[0]);
    }
    w!(b, "[^2]: {}\n", rng.pick(bank.footnotes));
    b
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `key: |` and `text` as a YAML literal block scalar, the key indented by
/// `indent` and the text by two more spaces.
fn block(out: &mut String, indent: &str, key: &str, text: &str) {
    w!(out, "{indent}{key}: |\n");
    for line in text.trim_end().lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            w!(out, "{indent}  {line}\n");
        }
    }
}

/// The generator a case file is written for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavour {
    Casebook,
    /// The case's fields plus the keys Hugo uses: `date`, `lastmod` and the
    /// taxonomies.
    Hugo,
    /// Zola's own keys (`date`, `updated`, `description`, `taxonomies`) at
    /// the top and the case's fields under `extra`, because Zola keeps only
    /// `extra` of the keys it does not know.
    Zola,
}

/// The case file: YAML front matter for `flavour` and the Markdown body.
fn render_case(c: &Case, flavour: Flavour) -> String {
    let mut o = String::with_capacity(6500);
    o.push_str("---\n");
    w!(o, "title: {}\n", q(&c.title));
    if flavour == Flavour::Zola {
        if let Some(p) = &c.published {
            w!(o, "date: {p}\n");
        }
        if let Some(u) = &c.updated {
            w!(o, "updated: {u}\n");
        }
        if let Some(s) = &c.summary {
            w!(o, "description: {}\n", q(s));
        }
        o.push_str("taxonomies:\n");
        w!(o, "  themes: [{}]\n", theme_ids(c));
        w!(o, "  counties: [{}]\n", q(c.county));
        w!(o, "  programmes: [{}]\n", c.programme.id);
        w!(o, "  municipalities: [{}]\n", q(c.municipality));
        o.push_str("extra:\n");
        for line in case_fields(c, flavour).lines() {
            if line.is_empty() {
                o.push('\n');
            } else {
                w!(o, "  {line}\n");
            }
        }
    } else {
        o.push_str(&case_fields(c, flavour));
    }
    o.push_str("---\n");
    o.push_str(&c.body);
    o
}

/// The case's ids of themes, comma-separated for a YAML flow list.
fn theme_ids(c: &Case) -> String {
    let ids: Vec<&str> = c.themes.iter().map(|t| t.id).collect();
    ids.join(", ")
}

/// The case's front-matter fields after `title`, as YAML lines at the left
/// margin.
fn case_fields(c: &Case, flavour: Flavour) -> String {
    let hugo = flavour == Flavour::Hugo;
    let mut o = String::with_capacity(6000);
    w!(o, "municipality: {}\n", q(c.municipality));
    w!(o, "municipality_number: \"{}\"\n", c.number);
    w!(o, "county: {}\n", q(c.county));
    w!(o, "programme: {}\n", c.programme.id);
    w!(o, "themes: [{}]\n", theme_ids(c));
    w!(o, "status: {}\n", c.status);
    if let Some((start, end)) = c.period {
        match end {
            Some(end) => w!(o, "period: {{ start: {start}, end: {end} }}\n"),
            None => w!(o, "period: {{ start: {start} }}\n"),
        }
    }
    if let Some(lang) = c.language {
        // Hugo reads `language` as a site language; keep it as a parameter.
        let key = if hugo { "case_language" } else { "language" };
        w!(o, "{key}: {lang}\n");
    }
    if let Some(p) = &c.published {
        w!(o, "published: {p}\n");
    }
    if let Some(u) = &c.updated {
        w!(o, "updated: {u}\n");
    }
    if hugo {
        if let Some(p) = &c.published {
            w!(o, "date: {p}\n");
        }
        if let Some(u) = &c.updated {
            w!(o, "lastmod: {u}\n");
        }
        w!(o, "counties: [{}]\n", q(c.county));
        w!(o, "programmes: [{}]\n", c.programme.id);
        w!(o, "municipalities: [{}]\n", q(c.municipality));
    }
    if let Some(s) = &c.summary {
        w!(o, "summary: {}\n", q(s));
    }
    block(&mut o, "", "need", &c.need);
    block(&mut o, "", "goal", &c.goal);
    o.push_str("measures:\n");
    for m in &c.measures {
        w!(o, "  - {}\n", q(m));
    }
    if let Some(r) = &c.result {
        block(&mut o, "", "result", r);
    }
    if let Some(a) = &c.anchoring {
        block(&mut o, "", "anchoring", a);
    }
    if !c.indicators.is_empty() {
        o.push_str("indicators:\n");
        for ind in &c.indicators {
            w!(o, "  - name: {}\n", q(ind.name));
            w!(o, "    unit: {}\n", ind.unit);
            w!(o, "    lower_is_better: {}\n", ind.lower_is_better);
            o.push_str("    series:\n");
            for p in &ind.series {
                w!(
                    o,
                    "      - {{ period: {}, value: {} }}\n",
                    p.period,
                    p.value
                );
            }
            if !ind.targets.is_empty() {
                o.push_str("    targets:\n");
                for p in &ind.targets {
                    w!(o, "      - {{ period: {}, value: {}", p.period, p.value);
                    if let Some(label) = p.label {
                        w!(o, ", label: {}", q(label));
                    }
                    o.push_str(" }\n");
                }
            }
        }
    }
    if !c.funding.is_empty() {
        o.push_str("funding:\n");
        for f in &c.funding {
            w!(
                o,
                "  - {{ source: {}, amount_nok: {}, per: year }}\n",
                q(&f.source),
                f.amount_nok
            );
        }
    }
    if !c.links.is_empty() {
        o.push_str("links:\n");
        for l in &c.links {
            w!(o, "  - {{ title: {}, url: {} }}\n", q(l.title), q(&l.url));
        }
    }
    o
}

fn site_yaml(n: usize) -> String {
    format!(
        "title: Generert eksempelsamling – {n} kommunecaser\n\
         base_url: https://eksempel.ks.no/\n\
         language: nb\n\
         description: Erfaringer fra norske kommuner, generert for å måle hvor raskt casebook bygger en stor samling.\n\
         licence: CC BY 4.0\n"
    )
}

fn themes_yaml() -> String {
    let mut o = String::new();
    for t in THEMES {
        w!(
            o,
            "- id: {}\n  name: {}\n  name_nn: {}\n",
            t.id,
            q(t.name),
            q(t.name_nn)
        );
        block(&mut o, "  ", "description", t.description);
    }
    o
}

fn programmes_yaml() -> String {
    let mut o = String::new();
    for p in PROGRAMMES {
        w!(
            o,
            "- id: {}\n  name: {}\n  owner: {}\n",
            p.id,
            q(p.name),
            q(p.owner)
        );
        match p.end {
            Some(end) => w!(o, "  period: {{ start: {}, end: {end} }}\n", p.start),
            None => w!(o, "  period: {{ start: {} }}\n", p.start),
        }
        w!(o, "  description: {}\n", q(p.description));
    }
    o
}

/// Creates `dir/content/cases`, refusing to mix with an earlier corpus
/// unless `force`, in which case the old case files are removed.
fn prepare_cases_dir(dir: &Path, force: bool) -> Result<PathBuf> {
    let cases = dir.join("content").join("cases");
    if cases.is_dir() {
        let mut old = fs::read_dir(&cases)
            .with_context(|| format!("reading {}", cases.display()))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .peekable();
        if old.peek().is_some() {
            if !force {
                bail!(
                    "{} already holds case files; pass --force to replace them",
                    cases.display()
                );
            }
            for p in old {
                fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
            }
        }
    }
    fs::create_dir_all(&cases).with_context(|| format!("creating {}", cases.display()))?;
    Ok(cases)
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

// ---------------------------------------------------------------------------
// The Hugo site
// ---------------------------------------------------------------------------

const HUGO_CONFIG: &str = r#"baseURL: https://eksempel.ks.no/
languageCode: nb
defaultContentLanguage: nb
title: TITLE
enableRobotsTXT: true
taxonomies:
  theme: themes
  county: counties
  programme: programmes
  municipality: municipalities
params:
  description: Erfaringer fra norske kommuner, generert for å måle byggetid.
markup:
  goldmark:
    renderer:
      unsafe: false
    parser:
      autoHeadingID: true
"#;

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ with .Params.case_language }}{{ . }}{{ else }}{{ site.LanguageCode }}{{ end }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header>
<a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "/themes/" | relURL }}">Tema</a> <a href="{{ "/counties/" | relURL }}">Fylker</a> <a href="{{ "/programmes/" | relURL }}">Program</a> <a href="{{ "/municipalities/" | relURL }}">Kommuner</a></nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
"#;

/// The case page. It shows no "related cases": Hugo's `.Related` over a
/// dozen shared themes is quadratic in N (93 s instead of 10 s for 10 000
/// cases on the benchmark machine), which would measure that one feature
/// rather than the site generator.
const HUGO_SINGLE: &str = r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<dl class="facts">
<dt>Kommune</dt><dd>{{ range .GetTerms "municipalities" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }} ({{ .Params.municipality_number }})</dd>
<dt>Fylke</dt><dd>{{ range .GetTerms "counties" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>Program</dt><dd>{{ range .GetTerms "programmes" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
{{ with .Params.period }}<dt>Periode</dt><dd>{{ .start }}–{{ .end }}</dd>{{ end }}
<dt>Status</dt><dd>{{ .Params.status }}</dd>
<dt>Tema</dt><dd><ul>{{ range .GetTerms "themes" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></dd>
{{ with .Params.published }}<dt>Publisert</dt><dd>{{ dateFormat "2006-01-02" . }}</dd>{{ end }}
</dl>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
<section><h2>Behov</h2>{{ .Params.need | markdownify }}</section>
<section><h2>Mål</h2>{{ .Params.goal | markdownify }}</section>
<section><h2>Tiltak</h2><ul>{{ range .Params.measures }}<li>{{ . | markdownify }}</li>{{ end }}</ul></section>
{{ with .Params.result }}<section><h2>Resultat</h2>{{ . | markdownify }}</section>{{ end }}
{{ with .Params.anchoring }}<section><h2>Forankring</h2>{{ . | markdownify }}</section>{{ end }}
{{ range .Params.indicators }}
<figure class="indicator">
<figcaption>{{ .name }} ({{ .unit }})</figcaption>
<table>
<thead><tr><th scope="col">Periode</th><th scope="col">Verdi</th></tr></thead>
<tbody>{{ range .series }}<tr><td>{{ .period }}</td><td>{{ lang.FormatNumber 1 .value }}</td></tr>{{ end }}</tbody>
</table>
{{ with .targets }}<ul>{{ range . }}<li>{{ .label }}: {{ .value }} ({{ .period }})</li>{{ end }}</ul>{{ end }}
</figure>
{{ end }}
{{ with .Params.funding }}<section><h2>Finansiering</h2><ul>{{ range . }}<li>{{ .source }}: {{ lang.FormatNumber 0 .amount_nok }} kr per år</li>{{ end }}</ul></section>{{ end }}
{{ with .Params.links }}<section><h2>Lenker</h2><ul>{{ range . }}<li><a href="{{ .url }}">{{ .title }}</a></li>{{ end }}</ul></section>{{ end }}
<section class="narrative">{{ .Content }}</section>
</article>
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="cards">
{{ range .Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Params.municipality }} · {{ .Params.county }}</p><p>{{ .Summary }}</p></li>
{{ end }}
</ul>
{{ end }}
"#;

const HUGO_TERMS: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
"#;

const HUGO_INDEX: &str = r#"{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p>{{ site.Params.description }}</p>
<ul class="cards">
{{ range sort (where site.RegularPages "Section" "cases") "Params.municipality" }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Params.municipality }} · {{ .Params.county }} · {{ .Params.status }}</p>
<p>{{ .Summary }}</p>
<ul class="themes">{{ range .GetTerms "themes" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></li>
{{ end }}
</ul>
{{ end }}
"#;

const HUGO_CSS: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5}\n\
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem}\n\
.cards{list-style:none;padding:0}.cards>li{border-bottom:1px solid #ccc}\n";

fn write_hugo(dir: &Path, n: usize, cases: &[Case], force: bool) -> Result<()> {
    let case_dir = prepare_cases_dir(dir, force)?;
    let title = format!("Generert eksempelsamling – {n} kommunecaser");
    write(
        &dir.join("config.yaml"),
        &HUGO_CONFIG.replace("TITLE", &q(&title)),
    )?;
    let layouts = dir.join("layouts");
    write(&layouts.join("_default/baseof.html"), HUGO_BASEOF)?;
    write(&layouts.join("_default/single.html"), HUGO_SINGLE)?;
    write(&layouts.join("_default/list.html"), HUGO_LIST)?;
    write(&layouts.join("_default/terms.html"), HUGO_TERMS)?;
    write(&layouts.join("index.html"), HUGO_INDEX)?;
    write(&dir.join("static/style.css"), HUGO_CSS)?;
    let content = dir.join("content");
    write(&content.join("cases/_index.md"), "---\ntitle: Caser\n---\n")?;
    for t in THEMES {
        write(
            &content.join("themes").join(t.id).join("_index.md"),
            &format!("---\ntitle: {}\n---\n{}\n", q(t.name), t.description),
        )?;
    }
    for p in PROGRAMMES {
        write(
            &content.join("programmes").join(p.id).join("_index.md"),
            &format!("---\ntitle: {}\n---\n{}\n", q(p.name), p.description),
        )?;
    }
    for c in cases {
        write(
            &case_dir.join(format!("{}.md", c.slug)),
            &render_case(c, Flavour::Hugo),
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The Zola site
// ---------------------------------------------------------------------------
//
// The same pages as the Hugo site: a page per case, the home page and the
// `cases` section each listing every case, and a list and a page per term of
// the four taxonomies; RSS feeds for the home page, the section and each
// term with a summary per item (what Hugo makes by default); a sitemap and
// robots.txt. Theme and programme names come from `extra` in the config,
// since Zola's terms have no page of their own to hold them.

const ZOLA_CONFIG: &str = r#"base_url = "https://eksempel.ks.no"
title = TITLE
description = "Erfaringer fra norske kommuner, generert for å måle byggetid."
default_language = "nb"
generate_feeds = true
feed_filenames = ["rss.xml"]
generate_sitemap = true
generate_robots_txt = true
taxonomies = [
    { name = "themes", feed = true },
    { name = "counties", feed = true },
    { name = "programmes", feed = true },
    { name = "municipalities", feed = true },
]

[markdown]
smart_punctuation = false
"#;

const ZOLA_BASE: &str = r#"<!DOCTYPE html>
<html lang="{% block lang %}{{ config.default_language }}{% endblock lang %}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title>
<meta name="description" content="{% block description %}{{ config.description }}{% endblock description %}">
<link rel="canonical" href="{{ current_url }}">
<link rel="stylesheet" href="{{ get_url(path="style.css") }}">
</head>
<body>
<header>
<a href="{{ config.base_url }}/">{{ config.title }}</a>
<nav><a href="{{ get_url(path="themes/") }}">Tema</a> <a href="{{ get_url(path="counties/") }}">Fylker</a> <a href="{{ get_url(path="programmes/") }}">Program</a> <a href="{{ get_url(path="municipalities/") }}">Kommuner</a></nav>
</header>
<main>
{% block main %}{% endblock main %}
</main>
<footer><p>{{ config.title }}</p></footer>
</body>
</html>
"#;

/// A case in a listing, as Hugo's list and home pages show it.
const ZOLA_MACROS: &str = r#"{% macro card(p) %}<li><h2><a href="{{ p.permalink }}">{{ p.title }}</a></h2><p>{{ p.extra.municipality }} · {{ p.extra.county }}</p><p>{% if p.description %}{{ p.description }}{% else %}{{ p.extra.need | truncate(length=300) }}{% endif %}</p></li>
{% endmacro card %}
"#;

/// The case page: the same fields as Hugo's `single.html`.
const ZOLA_PAGE: &str = r#"{% extends "base.html" %}
{% block lang %}{{ page.extra.language | default(value=config.default_language) }}{% endblock lang %}
{% block title %}{{ page.title }} – {{ config.title }}{% endblock title %}
{% block description %}{{ page.description | default(value=config.description) }}{% endblock description %}
{% block main %}
<article>
<h1>{{ page.title }}</h1>
<dl class="facts">
<dt>Kommune</dt><dd>{% for t in page.taxonomies.municipalities %}<a href="{{ get_taxonomy_url(kind="municipalities", name=t) }}">{{ t }}</a>{% endfor %} ({{ page.extra.municipality_number }})</dd>
<dt>Fylke</dt><dd>{% for t in page.taxonomies.counties %}<a href="{{ get_taxonomy_url(kind="counties", name=t) }}">{{ t }}</a>{% endfor %}</dd>
<dt>Program</dt><dd>{% for t in page.taxonomies.programmes %}<a href="{{ get_taxonomy_url(kind="programmes", name=t) }}">{{ config.extra.programmes[t] }}</a>{% endfor %}</dd>
{% if page.extra.period %}<dt>Periode</dt><dd>{{ page.extra.period.start }}–{{ page.extra.period.end | default(value="") }}</dd>{% endif %}
<dt>Status</dt><dd>{{ page.extra.status }}</dd>
<dt>Tema</dt><dd><ul>{% for t in page.taxonomies.themes %}<li><a href="{{ get_taxonomy_url(kind="themes", name=t) }}">{{ config.extra.themes[t] }}</a></li>{% endfor %}</ul></dd>
{% if page.date %}<dt>Publisert</dt><dd>{{ page.date | date(format="%Y-%m-%d") }}</dd>{% endif %}
</dl>
{% if page.description %}<p class="summary">{{ page.description }}</p>{% endif %}
<section><h2>Behov</h2>{{ page.extra.need | markdown | safe }}</section>
<section><h2>Mål</h2>{{ page.extra.goal | markdown | safe }}</section>
<section><h2>Tiltak</h2><ul>{% for m in page.extra.measures %}<li>{{ m | markdown(inline=true) | safe }}</li>{% endfor %}</ul></section>
{% if page.extra.result %}<section><h2>Resultat</h2>{{ page.extra.result | markdown | safe }}</section>{% endif %}
{% if page.extra.anchoring %}<section><h2>Forankring</h2>{{ page.extra.anchoring | markdown | safe }}</section>{% endif %}
{% for ind in page.extra.indicators | default(value=[]) %}
<figure class="indicator">
<figcaption>{{ ind.name }} ({{ ind.unit }})</figcaption>
<table>
<thead><tr><th scope="col">Periode</th><th scope="col">Verdi</th></tr></thead>
<tbody>{% for p in ind.series %}<tr><td>{{ p.period }}</td><td>{{ p.value | round(method="common", precision=1) }}</td></tr>{% endfor %}</tbody>
</table>
{% if ind.targets %}<ul>{% for p in ind.targets %}<li>{{ p.label | default(value="") }}: {{ p.value }} ({{ p.period }})</li>{% endfor %}</ul>{% endif %}
</figure>
{% endfor %}
{% if page.extra.funding %}<section><h2>Finansiering</h2><ul>{% for f in page.extra.funding %}<li>{{ f.source }}: {{ f.amount_nok }} kr per år</li>{% endfor %}</ul></section>{% endif %}
{% if page.extra.links %}<section><h2>Lenker</h2><ul>{% for l in page.extra.links %}<li><a href="{{ l.url }}">{{ l.title }}</a></li>{% endfor %}</ul></section>{% endif %}
<section class="narrative">{{ page.content | safe }}</section>
</article>
{% endblock main %}
"#;

/// The home page lists every case by municipality, as Hugo's `index.html`.
const ZOLA_INDEX: &str = r#"{% extends "base.html" %}
{% block main %}
<h1>{{ config.title }}</h1>
<p>{{ config.description }}</p>
<ul class="cards">
{% set cases = get_section(path="cases/_index.md") %}
{% for p in cases.pages | sort(attribute="extra.municipality") %}<li><h2><a href="{{ p.permalink }}">{{ p.title }}</a></h2>
<p>{{ p.extra.municipality }} · {{ p.extra.county }} · {{ p.extra.status }}</p>
<p>{% if p.description %}{{ p.description }}{% else %}{{ p.extra.need | truncate(length=300) }}{% endif %}</p>
<ul class="themes">{% for t in p.taxonomies.themes %}<li><a href="{{ get_taxonomy_url(kind="themes", name=t) }}">{{ config.extra.themes[t] }}</a></li>{% endfor %}</ul></li>
{% endfor %}
</ul>
{% endblock main %}
"#;

/// The `cases` section lists every case, as Hugo's `list.html`.
const ZOLA_SECTION: &str = r#"{% extends "base.html" %}
{% import "macros.html" as macros %}
{% block title %}{{ section.title }} – {{ config.title }}{% endblock title %}
{% block main %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
<ul class="cards">
{% for p in section.pages %}{{ macros::card(p=p) }}{% endfor %}
</ul>
{% endblock main %}
"#;

/// The list of a taxonomy's terms, as Hugo's `terms.html`.
const ZOLA_TAXONOMY_LIST: &str = r#"{% extends "base.html" %}
{% block title %}{{ taxonomy.name }} – {{ config.title }}{% endblock title %}
{% block main %}
<h1>{{ taxonomy.name }}</h1>
<ul>
{% for term in terms %}<li><a href="{{ term.permalink }}">{% if taxonomy.name == "themes" %}{{ config.extra.themes[term.name] }}{% elif taxonomy.name == "programmes" %}{{ config.extra.programmes[term.name] }}{% else %}{{ term.name }}{% endif %}</a> ({{ term.page_count }})</li>
{% endfor %}
</ul>
{% endblock main %}
"#;

/// A term's page lists its cases, as Hugo's `list.html` does for a term.
const ZOLA_TAXONOMY_SINGLE: &str = r#"{% extends "base.html" %}
{% import "macros.html" as macros %}
{% block title %}{{ term.name }} – {{ config.title }}{% endblock title %}
{% block main %}
<h1>{% if taxonomy.name == "themes" %}{{ config.extra.themes[term.name] }}{% elif taxonomy.name == "programmes" %}{{ config.extra.programmes[term.name] }}{% else %}{{ term.name }}{% endif %}</h1>
{% if taxonomy.name == "themes" %}{{ config.extra.theme_descriptions[term.name] | markdown | safe }}{% elif taxonomy.name == "programmes" %}{{ config.extra.programme_descriptions[term.name] | markdown | safe }}{% endif %}
<ul class="cards">
{% for p in term.pages %}{{ macros::card(p=p) }}{% endfor %}
</ul>
{% endblock main %}
"#;

/// An RSS feed with a summary per item, like Hugo's default `rss.xml`
/// (Zola's own puts each page's whole content in every feed it is in).
const ZOLA_RSS: &str = r#"<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{% if term %}{{ term.name }} – {% elif section.title %}{{ section.title }} – {% endif %}{{ config.title }}</title>
<link>{% if section %}{{ section.permalink | escape_xml | safe }}{% else %}{{ config.base_url | escape_xml | safe }}{% endif %}</link>
<description>{{ config.description }}</description>
<language>{{ lang }}</language>
<atom:link href="{{ feed_url | safe }}" rel="self" type="application/rss+xml" />
{% for p in pages %}<item>
<title>{{ p.title }}</title>
<link>{{ p.permalink | escape_xml | safe }}</link>
{% if p.date %}<pubDate>{{ p.date | date(format="%a, %d %b %Y %H:%M:%S %z") }}</pubDate>{% endif %}
<guid>{{ p.permalink | escape_xml | safe }}</guid>
<description>{% if p.description %}{{ p.description }}{% else %}{{ p.extra.need | truncate(length=300) }}{% endif %}</description>
</item>
{% endfor %}
</channel>
</rss>
"#;

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_zola(dir: &Path, n: usize, cases: &[Case], force: bool) -> Result<()> {
    let case_dir = prepare_cases_dir(dir, force)?;
    let title = format!("Generert eksempelsamling – {n} kommunecaser");
    let mut config = ZOLA_CONFIG.replace("TITLE", &toml_str(&title));
    config.push_str("\n[extra.themes]\n");
    for t in THEMES {
        w!(config, "{} = {}\n", t.id, toml_str(t.name));
    }
    config.push_str("\n[extra.theme_descriptions]\n");
    for t in THEMES {
        w!(config, "{} = {}\n", t.id, toml_str(t.description));
    }
    config.push_str("\n[extra.programmes]\n");
    for p in PROGRAMMES {
        w!(config, "{} = {}\n", p.id, toml_str(p.name));
    }
    config.push_str("\n[extra.programme_descriptions]\n");
    for p in PROGRAMMES {
        w!(config, "{} = {}\n", p.id, toml_str(p.description));
    }
    write(&dir.join("config.toml"), &config)?;
    let templates = dir.join("templates");
    write(&templates.join("base.html"), ZOLA_BASE)?;
    write(&templates.join("macros.html"), ZOLA_MACROS)?;
    write(&templates.join("page.html"), ZOLA_PAGE)?;
    write(&templates.join("index.html"), ZOLA_INDEX)?;
    write(&templates.join("section.html"), ZOLA_SECTION)?;
    write(&templates.join("taxonomy_list.html"), ZOLA_TAXONOMY_LIST)?;
    write(
        &templates.join("taxonomy_single.html"),
        ZOLA_TAXONOMY_SINGLE,
    )?;
    write(&templates.join("rss.xml"), ZOLA_RSS)?;
    write(&dir.join("static/style.css"), HUGO_CSS)?;
    let content = dir.join("content");
    write(&content.join("_index.md"), "+++\n+++\n")?;
    write(
        &content.join("cases/_index.md"),
        "+++\ntitle = \"Caser\"\ngenerate_feeds = true\n+++\n",
    )?;
    for c in cases {
        write(
            &case_dir.join(format!("{}.md", c.slug)),
            &render_case(c, Flavour::Zola),
        )?;
    }
    Ok(())
}

/// Words of running text in a case (tokens with a letter in them).
fn words(c: &Case) -> usize {
    let count = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    count(&c.need)
        + count(&c.goal)
        + c.measures.iter().map(|m| count(m)).sum::<usize>()
        + c.result.as_deref().map_or(0, count)
        + c.anchoring.as_deref().map_or(0, count)
        + count(&c.body)
}

fn main() -> Result<()> {
    let args = Args::parse();
    if args.cases == 0 {
        bail!("--cases must be at least 1");
    }
    let width = args.cases.saturating_sub(1).to_string().len().max(4);
    let cases: Vec<Case> = (0..args.cases)
        .map(|i| generate_case(args.seed, i, width))
        .collect();

    let case_dir = prepare_cases_dir(&args.out, args.force)?;
    let content = args.out.join("content");
    write(&content.join("site.yaml"), &site_yaml(args.cases))?;
    write(&content.join("themes.yaml"), &themes_yaml())?;
    write(&content.join("programmes.yaml"), &programmes_yaml())?;
    let mut bytes = 0;
    for c in &cases {
        let text = render_case(c, Flavour::Casebook);
        bytes += text.len();
        write(&case_dir.join(format!("{}.md", c.slug)), &text)?;
    }
    if let Some(hugo) = &args.hugo {
        write_hugo(hugo, args.cases, &cases, args.force)?;
    }
    if let Some(zola) = &args.zola {
        write_zola(zola, args.cases, &cases, args.force)?;
    }

    let total_words: usize = cases.iter().map(words).sum();
    let with_indicators = cases.iter().filter(|c| !c.indicators.is_empty()).count();
    eprintln!(
        "corpus: {} cases in {} ({} MB), {} words per case on average, {} with indicators{}{}",
        cases.len(),
        args.out.display(),
        bytes / 1_000_000,
        total_words / cases.len(),
        with_indicators,
        args.hugo
            .as_ref()
            .map(|h| format!("; Hugo site in {}", h.display()))
            .unwrap_or_default(),
        args.zola
            .as_ref()
            .map(|z| format!("; Zola site in {}", z.display()))
            .unwrap_or_default(),
    );
    Ok(())
}
