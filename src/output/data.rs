//! Open data: `cases.json`, `cases.csv` and `cases.xlsx`, every published
//! case with every field (Markdown as written), its URL, and the site's
//! licence. The columns are the fields' open-data columns from the field
//! description, between the case's `slug` and `url` and its `body` and the
//! site's `licence`. The spreadsheet has a second sheet with every
//! indicator value, one row each.

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

/// The most UTF-16 units a spreadsheet cell holds (Excel's limit).
const CELL_LIMIT: usize = 32_767;

/// `text`, cut to what a spreadsheet cell holds and ended with `…` when
/// cut. Only a very long narrative is; `cases.json` has it whole.
fn cell_text(text: &str) -> Cow<'_, str> {
    if text.len() <= CELL_LIMIT {
        // UTF-8 never takes fewer bytes than UTF-16 takes units.
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut end = text.len();
    for (i, ch) in text.char_indices() {
        if units + ch.len_utf16() > CELL_LIMIT - 1 {
            end = i;
            break;
        }
        units += ch.len_utf16();
    }
    if end == text.len() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("{}…", &text[..end]))
    }
}

fn xlsx_err(e: rust_xlsxwriter::XlsxError) -> io::Error {
    io::Error::other(e)
}

/// The date the spreadsheet says it was made: the newest date a case
/// gives, so that the same content gives the same file. Without one, the
/// zip format's own "no date" (1980-01-01), which every part of the file
/// carries anyway.
fn xlsx_date(r: &Renderer<'_>) -> jiff::civil::Date {
    r.catalogue
        .cases
        .iter()
        .flat_map(|c| [c.published, c.updated])
        .flatten()
        .max()
        .unwrap_or(jiff::civil::date(1980, 1, 1))
}

/// The open-data columns left out of `cases.xlsx`: the sections and the
/// narrative (see [`write_cases_xlsx`]).
fn long_texts() -> Vec<&'static str> {
    crate::schema::fields::sections()
        .map(|(field, _)| field.key)
        .chain(["body"])
        .collect()
}

/// Writes `cases.xlsx`: the sheet `cases`, one row per case with the
/// columns of `cases.csv` but the Markdown texts (figures as numbers, dates
/// as dates, the header row frozen), and the sheet `indicators`, one row
/// per indicator value (case, indicator, period, value, target).
///
/// The sections and the narrative, some 600 words a case, stay in
/// `cases.json` and `cases.csv`: a spreadsheet cell shows little of them,
/// and the spreadsheet writer holds the whole book in memory, so with them
/// it alone took more memory than the rest of a build.
pub fn write_cases_xlsx(r: &Renderer<'_>, out: &mut dyn io::Write) -> io::Result<()> {
    use rust_xlsxwriter::{DocProperties, Format, Workbook};
    let mut book = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(&r.site.config.site.title)
        .set_creation_datetime(&xlsx_date(r));
    if let Some(licence) = &r.site.config.site.licence {
        properties = properties.set_comment(format!("Licence: {licence}"));
    }
    book.set_properties(&properties);
    let bold = Format::new().set_bold();
    let day = Format::new().set_num_format("yyyy-mm-dd");

    let sheet = book
        .add_worksheet_with_constant_memory()
        .map_err(xlsx_err)?;
    sheet.set_name("cases").map_err(xlsx_err)?;
    let texts = long_texts();
    let columns: Vec<&str> = header()
        .into_iter()
        .filter(|name| !texts.contains(name))
        .collect();
    for (col, name) in columns.iter().enumerate() {
        sheet
            .write_string_with_format(0, col as u16, *name, &bold)
            .map_err(xlsx_err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_err)?;
    for (i, case) in r.catalogue.cases.iter().enumerate() {
        let row = u32::try_from(i + 1).map_err(io::Error::other)?;
        let record = record(case, r);
        let cells = record.0.iter().filter(|(name, _)| !texts.contains(name));
        for (col, (_, cell)) in cells.enumerate() {
            let col = col as u16;
            match cell {
                Cell::Null => {}
                Cell::Bool(b) => {
                    sheet.write_boolean(row, col, *b).map_err(xlsx_err)?;
                }
                Cell::Int(n) => {
                    sheet.write_number(row, col, *n as f64).map_err(xlsx_err)?;
                }
                Cell::Float(x) => {
                    sheet.write_number(row, col, *x).map_err(xlsx_err)?;
                }
                Cell::Date(d) => {
                    sheet
                        .write_datetime_with_format(row, col, d, &day)
                        .map_err(xlsx_err)?;
                }
                other => {
                    let text = other.csv();
                    sheet
                        .write_string(row, col, cell_text(&text))
                        .map_err(xlsx_err)?;
                }
            }
        }
    }

    let sheet = book
        .add_worksheet_with_constant_memory()
        .map_err(xlsx_err)?;
    sheet.set_name("indicators").map_err(xlsx_err)?;
    let names = [
        "slug",
        "municipality",
        "indicator_id",
        "indicator",
        "unit",
        "period",
        "value",
        "target",
    ];
    for (col, name) in names.iter().enumerate() {
        sheet
            .write_string_with_format(0, col as u16, *name, &bold)
            .map_err(xlsx_err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_err)?;
    let mut row = 0u32;
    for case in &r.catalogue.cases {
        for ind in &case.indicators {
            // Measurements and targets side by side, by period.
            let mut periods: Vec<crate::schema::PeriodKey> = ind
                .series
                .iter()
                .chain(&ind.targets)
                .map(|p| p.period)
                .collect();
            periods.sort_unstable();
            periods.dedup();
            for period in periods {
                row += 1;
                let at = |points: &[crate::schema::Point]| {
                    points.iter().find(|p| p.period == period).map(|p| p.value)
                };
                let texts = [
                    Some(case.slug.as_str()),
                    Some(case.municipality.as_str()),
                    ind.id.as_deref(),
                    Some(ind.name.as_str()),
                    Some(ind.unit.as_str()),
                ];
                for (col, text) in texts.into_iter().enumerate() {
                    if let Some(text) = text {
                        sheet
                            .write_string(row, col as u16, cell_text(text))
                            .map_err(xlsx_err)?;
                    }
                }
                sheet
                    .write_string(row, 5, period.label())
                    .map_err(xlsx_err)?;
                for (col, value) in [(6, at(&ind.series)), (7, at(&ind.targets))] {
                    if let Some(value) = value {
                        sheet.write_number(row, col, value).map_err(xlsx_err)?;
                    }
                }
            }
        }
    }
    let bytes = book.save_to_buffer().map_err(xlsx_err)?;
    out.write_all(&bytes)
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

    /// Calls `check` with a renderer of the fixture site `full`, at
    /// `https://eksempel.no/sub/`.
    fn with_full_site(check: impl FnOnce(&Renderer<'_>)) {
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
        check(&r);
    }

    /// The open data of the fixture site `full`: every record has the
    /// header's columns in its order, in the JSON and in the CSV.
    #[test]
    fn json_and_csv_have_the_same_columns_for_every_case() {
        with_full_site(json_and_csv_columns);
    }

    fn json_and_csv_columns(r: &Renderer<'_>) {
        let mut json = Vec::new();
        write_cases_json(r, &mut json).expect("json");
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
        write_cases_csv(r, &mut csv).expect("csv");
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

    /// What Excel shows of one cell, for the assertions below.
    fn cell(
        range: &calamine::Range<calamine::Data>,
        row: usize,
        col: &str,
        header: &[&str],
    ) -> calamine::Data {
        let col = header.iter().position(|h| *h == col).expect("a column");
        range
            .get((row, col))
            .cloned()
            .unwrap_or(calamine::Data::Empty)
    }

    /// `cases.xlsx` read back as a spreadsheet program reads it: the
    /// header and a row per case, numbers as numbers, dates as dates,
    /// text as text, and the indicator values on their own sheet.
    #[test]
    fn xlsx_holds_numbers_dates_and_every_indicator_value() {
        use calamine::{Data, Reader, Xlsx};
        with_full_site(|r| {
            let mut bytes = Vec::new();
            write_cases_xlsx(r, &mut bytes).expect("xlsx");
            let mut book: Xlsx<_> =
                calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
            assert_eq!(book.sheet_names(), ["cases", "indicators"]);
            let cases = book.worksheet_range("cases").expect("cases sheet");
            let texts = long_texts();
            let header: Vec<&str> = header()
                .into_iter()
                .filter(|name| !texts.contains(name))
                .collect();
            assert!(!header.contains(&"need") && !header.contains(&"body"));
            assert!(header.contains(&"summary"));
            let names: Vec<String> = (0..header.len())
                .map(|c| {
                    cases
                        .get((0, c))
                        .map(ToString::to_string)
                        .unwrap_or_default()
                })
                .collect();
            assert_eq!(names, header);
            assert_eq!(cases.height(), r.catalogue.cases.len() + 1);
            let row = 1 + r
                .catalogue
                .cases
                .iter()
                .position(|c| c.slug == "bodo-alle-felt")
                .expect("bodo");
            let at = |col: &str| cell(&cases, row, col, &header);
            assert_eq!(at("slug"), Data::String("bodo-alle-felt".into()));
            assert_eq!(
                at("url"),
                Data::String("https://eksempel.no/sub/cases/bodo-alle-felt/".into())
            );
            assert_eq!(at("period_start"), Data::Float(2012.0));
            assert_eq!(at("draft"), Data::Bool(false));
            let excel_day =
                |d: jiff::civil::Date| (d - jiff::civil::date(1899, 12, 30)).get_days() as f64;
            match at("published") {
                Data::DateTime(d) => {
                    assert!(d.is_datetime());
                    assert_eq!(d.as_f64(), excel_day(jiff::civil::date(2013, 5, 2)));
                }
                other => panic!("published is a date cell, not {other:?}"),
            }
            assert!(
                matches!(at("municipality_number"), Data::String(_)),
                "kept as text, leading zeros and all"
            );
            assert_eq!(
                at("summary"),
                Data::String(
                    r.catalogue.cases[row - 1]
                        .summary
                        .clone()
                        .unwrap_or_default()
                )
            );

            let figures = book
                .worksheet_range("indicators")
                .expect("indicators sheet");
            let head: Vec<String> = (0..8)
                .map(|c| {
                    figures
                        .get((0, c))
                        .map(ToString::to_string)
                        .unwrap_or_default()
                })
                .collect();
            assert_eq!(
                head,
                [
                    "slug",
                    "municipality",
                    "indicator_id",
                    "indicator",
                    "unit",
                    "period",
                    "value",
                    "target"
                ]
            );
            let values: usize = r
                .catalogue
                .cases
                .iter()
                .flat_map(|c| &c.indicators)
                .map(|i| {
                    let mut p: Vec<_> = i
                        .series
                        .iter()
                        .chain(&i.targets)
                        .map(|p| p.period)
                        .collect();
                    p.sort_unstable();
                    p.dedup();
                    p.len()
                })
                .sum();
            assert_eq!(figures.height(), values + 1);
            let find = |slug: &str, period: &str| {
                (1..figures.height())
                    .find(|&i| {
                        figures.get((i, 0)) == Some(&Data::String(slug.into()))
                            && figures.get((i, 5)) == Some(&Data::String(period.into()))
                    })
                    .unwrap_or_else(|| panic!("{slug} {period}"))
            };
            let q1 = find("alesund-sykefravaer", "2012-Q1");
            assert_eq!(figures.get((q1, 6)), Some(&Data::Float(9.3)));
            assert_eq!(figures.get((q1, 7)).unwrap_or(&Data::Empty), &Data::Empty);
            assert_eq!(figures.get((q1, 4)), Some(&Data::String("percent".into())));
            let target = find("alesund-sykefravaer", "2013");
            assert_eq!(
                figures.get((target, 6)).unwrap_or(&Data::Empty),
                &Data::Empty
            );
            assert_eq!(figures.get((target, 7)), Some(&Data::Float(7.5)));
        });
    }

    /// The same content gives the same spreadsheet, byte for byte: its
    /// date is the newest case's, not the clock's.
    #[test]
    fn xlsx_is_the_same_file_every_time() {
        with_full_site(|r| {
            let mut a = Vec::new();
            write_cases_xlsx(r, &mut a).expect("xlsx");
            let mut b = Vec::new();
            write_cases_xlsx(r, &mut b).expect("xlsx");
            assert!(a == b, "two writes differ");
            // as-heltid's `published`, the newest date of the site.
            assert_eq!(xlsx_date(r), jiff::civil::date(2024, 11, 5));
        });
    }

    #[test]
    fn over_long_cells_are_cut_to_what_a_spreadsheet_holds() {
        assert_eq!(cell_text("kort"), "kort");
        let long = "æ".repeat(CELL_LIMIT + 10);
        let cut = cell_text(&long);
        assert_eq!(cut.encode_utf16().count(), CELL_LIMIT);
        assert!(cut.ends_with('…'));
        // An astral character takes two UTF-16 units and is never split.
        let astral = "😀".repeat(CELL_LIMIT);
        let cut = cell_text(&astral);
        assert!(cut.encode_utf16().count() <= CELL_LIMIT);
        assert!(cut.ends_with("😀…"));
    }
}
