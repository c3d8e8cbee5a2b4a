//! Open data: `cases.json` and `cases.csv`, every published case with every
//! field (Markdown as written), its URL, and the site's licence. The columns
//! are the fields' open-data columns from the field description, between
//! the case's `slug` and `url` and its `body` and the site's `licence`.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::render::Renderer;
use crate::schema::fields::Cell;
use crate::schema::{Case, FIELDS};

/// One case's row: column names and values, in order.
struct Record<'a>(Vec<(&'static str, Cell<'a>)>);

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, cell) in &self.0 {
            map.serialize_entry(name, cell)?;
        }
        map.end()
    }
}

/// The column names, in order.
fn header() -> Vec<&'static str> {
    let fields = FIELDS.iter().flat_map(|f| f.columns).map(|c| c.name);
    ["slug", "url"]
        .into_iter()
        .chain(fields)
        .chain(["body", "licence"])
        .collect()
}

fn record<'a>(case: &'a Case, r: &'a Renderer<'_>) -> Record<'a> {
    let config = r.site.config;
    let text = |t: &'a str| Cell::Text(Cow::Borrowed(t));
    let mut cells = vec![
        ("slug", text(&case.slug)),
        (
            "url",
            Cell::Text(Cow::Owned(
                r.site.absolute(&format!("cases/{}/", case.slug)),
            )),
        ),
    ];
    for column in FIELDS.iter().flat_map(|f| f.columns) {
        cells.push((column.name, (column.read)(case, config)));
    }
    cells.push(("body", text(&case.body)));
    cells.push((
        "licence",
        config.site.licence.as_deref().map_or(Cell::Null, text),
    ));
    Record(cells)
}

/// serde_json writes a few bytes at a time, and every write to the sink is
/// hashed on its way to the file: large chunks make both cheap.
const CHUNK: usize = 64 * 1024;

/// The cases, each made into its record only as it is written.
struct Records<'r, 'a>(&'r Renderer<'a>);

impl Serialize for Records<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        s.collect_seq(r.catalogue.cases.iter().map(|case| record(case, r)))
    }
}

/// The whole of `cases.json`.
#[derive(Serialize)]
struct Export<'r, 'a> {
    title: &'r str,
    url: &'r str,
    licence: Option<&'r str>,
    generator: &'static str,
    cases: Records<'r, 'a>,
}

/// Writes `cases.json`: `{title, url, licence, generator, cases: […]}` in
/// catalogue order, pretty-printed.
pub fn write_cases_json(r: &Renderer<'_>, out: &mut dyn io::Write) -> io::Result<()> {
    let export = Export {
        title: &r.site.config.site.title,
        url: &r.site.base_url,
        licence: r.site.config.site.licence.as_deref(),
        generator: "casebook",
        cases: Records(r),
    };
    let mut out = io::BufWriter::with_capacity(CHUNK, out);
    serde_json::to_writer_pretty(&mut out, &export)?;
    out.flush()
}

/// Writes `cases.csv`: one row per case; list fields as JSON in their cell
/// (themes joined with `;`), so every field survives a spreadsheet.
pub fn write_cases_csv(r: &Renderer<'_>, out: &mut dyn io::Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(io::BufWriter::with_capacity(CHUNK, out));
    w.write_record(header())?;
    for case in &r.catalogue.cases {
        csv_row(&mut w, &record(case, r))?;
    }
    w.flush()
}

fn csv_row<W: io::Write>(w: &mut csv::Writer<W>, rec: &Record<'_>) -> Result<(), csv::Error> {
    let cells: Vec<Cow<'_, str>> = rec.0.iter().map(|(_, c)| defuse_formula(c.csv())).collect();
    w.write_record(cells.iter().map(|cell| cell.as_bytes()))
}

/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a
/// formula (CSV injection); a leading apostrophe makes it plain text, as
/// OWASP recommends. Case text is untrusted, so every cell gets this.
fn defuse_formula(cell: Cow<'_, str>) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        let defuse = |cell: &str| defuse_formula(Cow::Borrowed(cell)).into_owned();
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("Molde"), "Molde");
    }

    /// The open data of the fixture site `full`: every record has the
    /// header's columns in its order, in the JSON and in the CSV.
    #[test]
    fn json_and_csv_have_the_same_columns_for_every_case() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites/full");
        let config = crate::config::load(&root).expect("fixture config");
        let sources = crate::content::load(&root);
        let checked =
            crate::schema::validate_site(&config, &sources, false, jiff::civil::date(2026, 1, 1));
        assert_eq!(checked.errors(), 0, "{:?}", checked.diagnostics);
        let skin = crate::skin::Skin::embedded().expect("embedded skin");
        let catalogue = crate::catalogue::Catalogue::new(&config, &checked.cases);
        let base_url = "https://eksempel.no/sub/".to_owned();
        let site = crate::render::Site {
            config: &config,
            skin: &skin,
            pages: &checked.pages,
            root: crate::render::root_path(&base_url),
            base_url,
            assets: Default::default(),
        };
        let r = Renderer::new(site, &catalogue).expect("renderer");
        assert!(r.catalogue.cases.len() > 1, "more than one case");

        let mut json = Vec::new();
        write_cases_json(&r, &mut json).expect("json");
        let json: serde_json::Value = serde_json::from_slice(&json).expect("cases.json is JSON");
        let cases = json["cases"].as_array().expect("a list of cases");
        assert_eq!(cases.len(), r.catalogue.cases.len());
        let header = header();
        for case in cases {
            let keys: Vec<&str> = case
                .as_object()
                .map(|o| o.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let mut sorted = header.clone();
            sorted.sort_unstable();
            let mut got = keys.clone();
            got.sort_unstable();
            assert_eq!(got, sorted);
        }
        assert_eq!(
            cases[0]["url"],
            format!(
                "https://eksempel.no/sub/cases/{}/",
                cases[0]["slug"].as_str().unwrap_or("")
            )
        );

        let mut csv = Vec::new();
        write_cases_csv(&r, &mut csv).expect("csv");
        let mut reader = csv::Reader::from_reader(csv.as_slice());
        let names: Vec<String> = reader
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(names, header);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), cases.len());
        for (row, case) in rows.iter().zip(cases) {
            assert_eq!(row.len(), header.len());
            assert_eq!(Some(&row[0]), case["slug"].as_str());
            assert_eq!(
                &row[9],
                case["themes"]
                    .as_array()
                    .map(|t| t
                        .iter()
                        .filter_map(|v| v.as_str())
                        .collect::<Vec<_>>()
                        .join(";"))
                    .unwrap_or_default()
            );
        }
    }
}
