//! Open data: `cases.json` and `cases.csv`, every published case with every
//! field (Markdown as written), its URL, and the site's licence.

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

/// Records serialised in parallel at a time.
const BATCH: usize = 1024;

/// `cases.json`: `{title, url, licence, cases: […]}` in catalogue order.
pub fn cases_json(r: &Renderer<'_>) -> Vec<u8> {
    #[derive(Serialize)]
    struct Export<'a> {
        title: &'a str,
        url: &'a str,
        licence: Option<&'a str>,
        generator: &'static str,
        cases: Vec<Record<'a>>,
    }
    #[derive(Serialize)]
    struct Head<'a> {
        title: &'a str,
        url: &'a str,
        licence: Option<&'a str>,
        generator: &'static str,
    }
    let head = Head {
        title: &r.site.config.site.title,
        url: &r.site.base_url,
        licence: r.site.config.site.licence.as_deref(),
        generator: "casebook",
    };
    let records: Vec<Record<'_>> = r.catalogue.cases.iter().map(|c| record(c, r)).collect();
    pretty_with_list(&head, "cases", &records).unwrap_or_else(|| {
        let export = Export {
            title: head.title,
            url: head.url,
            licence: head.licence,
            generator: head.generator,
            cases: records,
        };
        // Serialising plain structs of strings and numbers cannot fail.
        serde_json::to_vec_pretty(&export).unwrap_or_default()
    })
}

/// What `serde_json::to_vec_pretty` writes for an object with `head`'s
/// fields followed by `"key": [items]`, with the items serialised in
/// parallel: serialising 10 000 records was a quarter of a second on one
/// core. `None` when the shortcut does not apply (no items, or `head` is
/// not an object with fields), for the caller to serialise the plain way.
fn pretty_with_list<H: Serialize, T: Serialize + Sync>(
    head: &H,
    key: &str,
    items: &[T],
) -> Option<Vec<u8>> {
    use rayon::prelude::*;
    if items.is_empty() {
        return None;
    }
    let mut out = serde_json::to_vec_pretty(head).ok()?;
    // `{\n  "a": 1\n}` → `{\n  "a": 1`, then `,\n  "key": [\n`.
    if !out.ends_with(b"\n}") || out.len() < 4 {
        return None;
    }
    out.truncate(out.len() - 2);
    out.extend_from_slice(b",\n  ");
    out.extend_from_slice(&serde_json::to_vec(key).ok()?);
    out.extend_from_slice(b": [\n");
    // In batches, so that only one batch's parts sit beside the output
    // (all of them at once doubled the peak memory of a build).
    for (b, batch) in items.chunks(BATCH).enumerate() {
        let parts: Vec<Option<Vec<u8>>> = batch
            .par_iter()
            .map(|item| {
                let one = serde_json::to_vec_pretty(item).ok()?;
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
                Some(shifted)
            })
            .collect();
        for (i, part) in parts.into_iter().enumerate() {
            if b > 0 || i > 0 {
                out.extend_from_slice(b",\n");
            }
            out.extend_from_slice(&part?);
        }
    }
    out.extend_from_slice(b"\n  ]\n}");
    Some(out)
}

/// `cases.csv`: one row per case; list fields as JSON arrays in their cell
/// (themes joined with `;`), so every field survives a spreadsheet.
pub fn cases_csv(r: &Renderer<'_>) -> Result<Vec<u8>, super::OutputError> {
    let mut w = csv::Writer::from_writer(Vec::new());
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
    let io = |e: csv::Error| super::OutputError::Io {
        action: "cannot write",
        path: "cases.csv".into(),
        source: e.into(),
    };
    w.write_record(header).map_err(io)?;
    // Rows are written in parallel, each by its own writer (a CSV writer
    // keeps no state from one row to the next), and joined in order.
    use rayon::prelude::*;
    let mut out = w.into_inner().map_err(|e| super::OutputError::Io {
        action: "cannot write",
        path: "cases.csv".into(),
        source: e.into_error(),
    })?;
    for batch in r.catalogue.cases.chunks(BATCH) {
        let rows: Vec<Result<Vec<u8>, csv::Error>> = batch
            .par_iter()
            .map(|case| {
                let mut w = csv::Writer::from_writer(Vec::new());
                csv_row(&mut w, &record(case, r))?;
                w.into_inner().map_err(|e| e.into_error().into())
            })
            .collect();
        for row in rows {
            out.extend_from_slice(&row.map_err(io)?);
        }
    }
    Ok(out)
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

    #[derive(Serialize)]
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
        let got = pretty_with_list(&head, "cases", &items).expect("applies");
        assert!(items.len() > BATCH, "the test crosses a batch boundary");
        assert_eq!(
            String::from_utf8(got).expect("utf-8"),
            String::from_utf8(expected).expect("utf-8")
        );
        assert!(pretty_with_list(&head, "cases", &[] as &[Item]).is_none());
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
