//! Open data: `cases.json` and `cases.csv`, every published case with every
//! field (Markdown as written), its URL, and the site's licence.

use std::io;

use serde::Serialize;

use crate::render::Renderer;
use crate::schema::{Case, Funding, Indicator, Link};

#[derive(Serialize)]
struct Point<'a> {
    period: String,
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

#[derive(Serialize)]
struct IndicatorRecord<'a> {
    name: &'a str,
    unit: &'static str,
    lower_is_better: bool,
    series: Vec<Point<'a>>,
    targets: Vec<Point<'a>>,
}

fn indicator(i: &Indicator) -> IndicatorRecord<'_> {
    fn points(ps: &[crate::schema::Point]) -> Vec<Point<'_>> {
        ps.iter()
            .map(|p| Point {
                period: p.period.label(),
                value: p.value,
                label: p.label.as_deref(),
            })
            .collect()
    }
    IndicatorRecord {
        name: &i.name,
        unit: i.unit.as_str(),
        lower_is_better: i.lower_is_better,
        series: points(&i.series),
        targets: points(&i.targets),
    }
}

#[derive(Serialize)]
struct Record<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    municipality: &'a str,
    municipality_number: Option<&'a str>,
    county: Option<&'static str>,
    county_number: Option<&'static str>,
    programme: &'a str,
    programme_name: Option<&'a str>,
    themes: &'a [String],
    status: &'static str,
    period_start: Option<i32>,
    period_end: Option<i32>,
    language: &'static str,
    published: Option<String>,
    updated: Option<String>,
    summary: Option<&'a str>,
    need: &'a str,
    goal: &'a str,
    measures: &'a [String],
    result: Option<&'a str>,
    anchoring: Option<&'a str>,
    indicators: Vec<IndicatorRecord<'a>>,
    funding: &'a [Funding],
    links: &'a [Link],
    draft: bool,
    body: &'a str,
    licence: Option<&'a str>,
}

fn record<'a>(case: &'a Case, r: &'a Renderer<'_>) -> Record<'a> {
    Record {
        slug: &case.slug,
        url: r.site.absolute(&format!("cases/{}/", case.slug)),
        title: &case.title,
        municipality: &case.municipality,
        municipality_number: case.municipality_number.as_deref(),
        county: case.county.map(|c| c.name),
        county_number: case.county.map(|c| c.number),
        programme: &case.programme,
        programme_name: r
            .site
            .config
            .programme(&case.programme)
            .map(|p| p.name.as_str()),
        themes: &case.themes,
        status: case.status.as_str(),
        period_start: case.period.map(|p| p.start),
        period_end: case.period.and_then(|p| p.end),
        language: case.language.code(),
        published: case.published.map(|d| d.to_string()),
        updated: case.updated.map(|d| d.to_string()),
        summary: case.summary.as_deref(),
        need: &case.need,
        goal: &case.goal,
        measures: &case.measures,
        result: case.result.as_deref(),
        anchoring: case.anchoring.as_deref(),
        indicators: case.indicators.iter().map(indicator).collect(),
        funding: &case.funding,
        links: &case.links,
        draft: case.draft,
        body: &case.body,
        licence: r.site.config.site.licence.as_deref(),
    }
}

/// Records serialised in parallel at a time: only one batch's bytes sit in
/// memory (some 6 MB), the rest is already written.
const BATCH: usize = 1024;

/// The whole of `cases.json`.
#[derive(Serialize)]
struct Export<'a> {
    title: &'a str,
    url: &'a str,
    licence: Option<&'a str>,
    generator: &'static str,
    cases: Vec<Record<'a>>,
}

/// `cases.json` up to its list of cases.
#[derive(Serialize)]
struct Head<'a> {
    title: &'a str,
    url: &'a str,
    licence: Option<&'a str>,
    generator: &'static str,
}

/// Writes `cases.json`: `{title, url, licence, cases: […]}` in catalogue
/// order, pretty-printed.
pub fn write_cases_json(r: &Renderer<'_>, out: &mut dyn io::Write) -> io::Result<()> {
    let head = Head {
        title: &r.site.config.site.title,
        url: &r.site.base_url,
        licence: r.site.config.site.licence.as_deref(),
        generator: "casebook",
    };
    let cases = &r.catalogue.cases;
    if cases.is_empty() {
        let export = Export {
            title: head.title,
            url: head.url,
            licence: head.licence,
            generator: head.generator,
            cases: Vec::new(),
        };
        return serde_json::to_writer_pretty(out, &export).map_err(io::Error::from);
    }
    pretty_with_list(
        &head,
        "cases",
        cases.len(),
        |range| cases[range].iter().map(|c| record(c, r)).collect(),
        out,
    )
}

/// Writes what `serde_json::to_writer_pretty` writes for an object with
/// `head`'s fields followed by `"key": [items]`, the `count` items made by
/// `make` a batch at a time and serialised in parallel (serialising 10 000
/// records was a quarter of a second on one core). `head` must serialise
/// to an object with at least one field, and `count` must not be 0; the
/// caller serialises those the plain way.
fn pretty_with_list<H: Serialize, T: Serialize + Sync>(
    head: &H,
    key: &str,
    count: usize,
    make: impl Fn(std::ops::Range<usize>) -> Vec<T>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    use rayon::prelude::*;
    let mut start = serde_json::to_vec_pretty(head)?;
    // `{\n  "a": 1\n}` → `{\n  "a": 1`, then `,\n  "key": [\n`.
    if !start.ends_with(b"\n}") || start.len() < 4 || count == 0 {
        return Err(io::Error::other("not an object with fields and a list"));
    }
    start.truncate(start.len() - 2);
    start.extend_from_slice(b",\n  ");
    start.extend_from_slice(&serde_json::to_vec(key)?);
    start.extend_from_slice(b": [\n");
    out.write_all(&start)?;
    for from in (0..count).step_by(BATCH) {
        let items = make(from..count.min(from + BATCH));
        let parts: Vec<io::Result<Vec<u8>>> = items
            .par_iter()
            .map(|item| {
                let one = serde_json::to_vec_pretty(item)?;
                // Each line four spaces deeper. JSON strings hold no raw line
                // break, so every `\n` is one serde_json wrote.
                let mut shifted = Vec::with_capacity(one.len() + one.len() / 8);
                shifted.extend_from_slice(b"    ");
                for &b in &one {
                    shifted.push(b);
                    if b == b'\n' {
                        shifted.extend_from_slice(b"    ");
                    }
                }
                Ok(shifted)
            })
            .collect();
        for (i, part) in parts.into_iter().enumerate() {
            if from > 0 || i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(&part?)?;
        }
    }
    out.write_all(b"\n  ]\n}")
}

/// Writes `cases.csv`: one row per case; list fields as JSON arrays in
/// their cell (themes joined with `;`), so every field survives a
/// spreadsheet.
pub fn write_cases_csv(r: &Renderer<'_>, out: &mut dyn io::Write) -> io::Result<()> {
    let header = [
        "slug",
        "url",
        "title",
        "municipality",
        "municipality_number",
        "county",
        "county_number",
        "programme",
        "programme_name",
        "themes",
        "status",
        "period_start",
        "period_end",
        "language",
        "published",
        "updated",
        "summary",
        "need",
        "goal",
        "measures",
        "result",
        "anchoring",
        "indicators",
        "funding",
        "links",
        "draft",
        "body",
        "licence",
    ];
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    out.write_all(&w.into_inner().map_err(|e| e.into_error())?)?;
    // Rows are written in parallel, each by its own writer (a CSV writer
    // keeps no state from one row to the next), and joined in order.
    use rayon::prelude::*;
    for batch in r.catalogue.cases.chunks(BATCH) {
        let rows: Vec<io::Result<Vec<u8>>> = batch
            .par_iter()
            .map(|case| {
                let mut w = csv::Writer::from_writer(Vec::new());
                csv_row(&mut w, &record(case, r))?;
                w.into_inner().map_err(|e| e.into_error())
            })
            .collect();
        for row in rows {
            out.write_all(&row?)?;
        }
    }
    Ok(())
}

fn csv_row(w: &mut csv::Writer<Vec<u8>>, rec: &Record<'_>) -> Result<(), csv::Error> {
    let json = |v: &dyn erased::Json| v.to_json();
    {
        let opt = |o: Option<&str>| o.unwrap_or("").to_owned();
        let row = [
            rec.slug.to_owned(),
            rec.url.clone(),
            rec.title.to_owned(),
            rec.municipality.to_owned(),
            opt(rec.municipality_number),
            opt(rec.county),
            opt(rec.county_number),
            rec.programme.to_owned(),
            opt(rec.programme_name),
            rec.themes.join(";"),
            rec.status.to_owned(),
            rec.period_start.map(|y| y.to_string()).unwrap_or_default(),
            rec.period_end.map(|y| y.to_string()).unwrap_or_default(),
            rec.language.to_owned(),
            rec.published.clone().unwrap_or_default(),
            rec.updated.clone().unwrap_or_default(),
            opt(rec.summary),
            rec.need.to_owned(),
            rec.goal.to_owned(),
            json(&rec.measures),
            opt(rec.result),
            opt(rec.anchoring),
            json(&rec.indicators),
            json(&rec.funding),
            json(&rec.links),
            rec.draft.to_string(),
            rec.body.to_owned(),
            opt(rec.licence),
        ];
        w.write_record(row.iter().map(|cell| defuse_formula(cell).into_owned()))
    }
}

/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a
/// formula (CSV injection); a leading apostrophe makes it plain text, as
/// OWASP recommends. Case text is untrusted, so every cell gets this.
fn defuse_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("Molde"), "Molde");
    }

    /// The open data of the fixture site `full`, streamed, against the same
    /// data serialised whole in memory.
    #[test]
    fn streamed_open_data_is_the_whole_serialisation() {
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
        let whole = Export {
            title: &config.site.title,
            url: &r.site.base_url,
            licence: config.site.licence.as_deref(),
            generator: "casebook",
            cases: r.catalogue.cases.iter().map(|c| record(c, &r)).collect(),
        };
        let expected = serde_json::to_vec_pretty(&whole).expect("json");
        assert_eq!(
            String::from_utf8(json).expect("utf-8"),
            String::from_utf8(expected).expect("utf-8")
        );

        let mut csv = Vec::new();
        write_cases_csv(&r, &mut csv).expect("csv");
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut lines = 0;
        for case in r.catalogue.cases.iter() {
            csv_row(&mut w, &record(case, &r)).expect("row");
            lines += 1;
        }
        let rows = String::from_utf8(w.into_inner().expect("csv")).expect("utf-8");
        let csv = String::from_utf8(csv).expect("utf-8");
        let (header, body) = csv.split_once('\n').expect("a header line");
        assert!(header.starts_with("slug,url,title,"), "{header}");
        assert_eq!(body, rows, "{lines} rows");
    }

    #[derive(Clone, Serialize)]
    struct Item {
        name: &'static str,
        list: Vec<u32>,
        empty: Vec<u32>,
        text: &'static str,
        inner: Option<Box<Item>>,
    }

    #[derive(Serialize)]
    struct Head {
        title: &'static str,
        licence: Option<&'static str>,
    }

    #[derive(Serialize)]
    struct Whole<'a> {
        title: &'static str,
        licence: Option<&'static str>,
        cases: &'a [Item],
    }

    #[test]
    fn parallel_pretty_json_is_byte_for_byte_serde_json() {
        let item = |name| Item {
            name,
            list: vec![1, 2],
            empty: vec![],
            text: "linje\nto \"sitat\" æøå",
            inner: Some(Box::new(Item {
                name: "indre",
                list: vec![],
                empty: vec![],
                text: "",
                inner: None,
            })),
        };
        let names = ["a", "b", "c"];
        let items: Vec<Item> = (0..BATCH * 2 + 3).map(|i| item(names[i % 3])).collect();
        let head = Head {
            title: "T",
            licence: None,
        };
        let whole = Whole {
            title: "T",
            licence: None,
            cases: &items,
        };
        let expected = serde_json::to_vec_pretty(&whole).expect("json");
        let mut got = Vec::new();
        pretty_with_list(&head, "cases", items.len(), |r| items[r].to_vec(), &mut got)
            .expect("applies");
        assert!(items.len() > BATCH, "the test crosses a batch boundary");
        assert_eq!(
            String::from_utf8(got).expect("utf-8"),
            String::from_utf8(expected).expect("utf-8")
        );
        let mut none = Vec::new();
        assert!(pretty_with_list(&head, "cases", 0, |_| Vec::<Item>::new(), &mut none).is_err());
    }
}

mod erased {
    /// Anything that serialises to a JSON cell.
    pub trait Json {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize + ?Sized> Json for T {
        fn to_json(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}
