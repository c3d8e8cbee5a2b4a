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
    pretty_with_list(&head, "cases", cases.len(), out, |i, buf| {
        pretty_record(&record(cases[i], r), buf);
    })
}

/// Appends `rec` as `serde_json::to_vec_pretty` writes it inside the list
/// of `cases.json` (two levels deep), but by hand: serde_json looks at
/// every byte of the texts through a table and was most of the open data's
/// time; [`crate::json::push_string`] skips eight bytes at a time. A test
/// holds the two to the same bytes.
fn pretty_record(rec: &Record<'_>, out: &mut Vec<u8>) {
    let mut p = Pretty {
        out,
        depth: 2,
        first: true,
    };
    p.open(b'{');
    p.key("slug").string(rec.slug);
    p.key("url").string(&rec.url);
    p.key("title").string(rec.title);
    p.key("municipality").string(rec.municipality);
    p.key("municipality_number")
        .opt_string(rec.municipality_number);
    p.key("county").opt_string(rec.county);
    p.key("county_number").opt_string(rec.county_number);
    p.key("programme").string(rec.programme);
    p.key("programme_name").opt_string(rec.programme_name);
    p.key("themes").strings(rec.themes);
    p.key("status").string(rec.status);
    p.key("period_start")
        .opt_number(rec.period_start.map(i64::from));
    p.key("period_end")
        .opt_number(rec.period_end.map(i64::from));
    p.key("language").string(rec.language);
    p.key("published").opt_string(rec.published.as_deref());
    p.key("updated").opt_string(rec.updated.as_deref());
    p.key("summary").opt_string(rec.summary);
    p.key("need").string(rec.need);
    p.key("goal").string(rec.goal);
    p.key("measures").strings(rec.measures);
    p.key("result").opt_string(rec.result);
    p.key("anchoring").opt_string(rec.anchoring);
    p.key("indicators");
    p.list(&rec.indicators, |p, ind| {
        p.open(b'{');
        p.key("name").string(ind.name);
        p.key("unit").string(ind.unit);
        p.key("lower_is_better")
            .raw(if ind.lower_is_better { "true" } else { "false" });
        for (key, points) in [("series", &ind.series), ("targets", &ind.targets)] {
            p.key(key);
            p.list(points, |p, point| {
                p.open(b'{');
                p.key("period").string(&point.period);
                p.key("value").float(point.value);
                if let Some(label) = point.label {
                    p.key("label").string(label);
                }
                p.close(b'}');
            });
        }
        p.close(b'}');
    });
    p.key("funding");
    p.list(rec.funding, |p, f| {
        p.open(b'{');
        p.key("source").string(&f.source);
        p.key("amount_nok").raw(&f.amount_nok.to_string());
        p.key("per").opt_string(f.per.as_deref());
        p.close(b'}');
    });
    p.key("links");
    p.list(rec.links, |p, link| {
        p.open(b'{');
        p.key("title").string(&link.title);
        p.key("url").string(&link.url);
        p.close(b'}');
    });
    p.key("draft").raw(if rec.draft { "true" } else { "false" });
    p.key("body").string(rec.body);
    p.key("licence").opt_string(rec.licence);
    p.close(b'}');
}

/// serde_json's pretty format written by hand: two spaces a level, `": "`
/// after keys, empty lists as `[]`.
struct Pretty<'o> {
    out: &'o mut Vec<u8>,
    depth: usize,
    /// No field or item written yet at this level.
    first: bool,
}

impl Pretty<'_> {
    fn line(&mut self) {
        self.out.push(b'\n');
        for _ in 0..self.depth {
            self.out.extend_from_slice(b"  ");
        }
    }

    /// Starts an object or list (never an empty one: see [`Pretty::list`]).
    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        self.line();
        self.out.push(bracket);
        self.first = false;
    }

    /// Before a field or an item: the comma and the new line.
    fn next(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.line();
    }

    fn key(&mut self, key: &str) -> &mut Self {
        self.next();
        crate::json::push_string(self.out, key);
        self.out.extend_from_slice(b": ");
        self
    }

    fn raw(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
    }

    fn string(&mut self, text: &str) {
        crate::json::push_string(self.out, text);
    }

    fn opt_string(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.raw("null"),
        }
    }

    fn opt_number(&mut self, n: Option<i64>) {
        match n {
            Some(n) => self.raw(&n.to_string()),
            None => self.raw("null"),
        }
    }

    /// As serde_json writes an `f64` (shortest round-trip digits; `null`
    /// for what JSON cannot hold).
    fn float(&mut self, value: f64) {
        if serde_json::to_writer(&mut *self.out, &value).is_err() {
            self.raw("null");
        }
    }

    fn strings(&mut self, items: &[String]) {
        self.list(items, |p, item| p.string(item));
    }

    /// A list, each item written by `item` after its comma and new line.
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        if items.is_empty() {
            self.raw("[]");
            return;
        }
        self.open(b'[');
        for it in items {
            self.next();
            item(self, it);
        }
        self.close(b']');
    }
}

/// Writes what `serde_json::to_writer_pretty` writes for an object with
/// `head`'s fields followed by `"key": [items]`, where `item(i, buf)`
/// appends item `i` (of `count`) as it would appear there, indented two
/// levels. Items are made a batch at a time in parallel (serialising
/// 10 000 records was a quarter of a second on one core). `head` must
/// serialise to an object with at least one field, and `count` must not
/// be 0; the caller serialises those the plain way.
fn pretty_with_list<H: Serialize>(
    head: &H,
    key: &str,
    count: usize,
    out: &mut dyn io::Write,
    item: impl Fn(usize, &mut Vec<u8>) + Sync,
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
    start.extend_from_slice(b": [");
    out.write_all(&start)?;
    for from in (0..count).step_by(BATCH) {
        let parts: Vec<Vec<u8>> = (from..count.min(from + BATCH))
            .into_par_iter()
            .map(|i| {
                let mut part = Vec::with_capacity(8 * 1024);
                part.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
                item(i, &mut part);
                part
            })
            .collect();
        for part in parts {
            out.write_all(&part)?;
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
    use std::borrow::Cow;
    let json = |v: &dyn erased::Json| Cow::Owned(v.to_json());
    let text = |t: &str| Cow::Owned(t.to_owned());
    // Borrowed where the record holds the text already: the long fields
    // (need, goal, body) are most of the 50 MB at 10 000 cases.
    let row: [Cow<'_, str>; 28] = [
        rec.slug.into(),
        rec.url.as_str().into(),
        rec.title.into(),
        rec.municipality.into(),
        rec.municipality_number.unwrap_or("").into(),
        rec.county.unwrap_or("").into(),
        rec.county_number.unwrap_or("").into(),
        rec.programme.into(),
        rec.programme_name.unwrap_or("").into(),
        text(&rec.themes.join(";")),
        rec.status.into(),
        text(&rec.period_start.map(|y| y.to_string()).unwrap_or_default()),
        text(&rec.period_end.map(|y| y.to_string()).unwrap_or_default()),
        rec.language.into(),
        rec.published.as_deref().unwrap_or("").into(),
        rec.updated.as_deref().unwrap_or("").into(),
        rec.summary.unwrap_or("").into(),
        rec.need.into(),
        rec.goal.into(),
        json(&rec.measures),
        rec.result.unwrap_or("").into(),
        rec.anchoring.unwrap_or("").into(),
        json(&rec.indicators),
        json(&rec.funding),
        json(&rec.links),
        text(&rec.draft.to_string()),
        rec.body.into(),
        rec.licence.unwrap_or("").into(),
    ];
    let cells: Vec<Cow<'_, str>> = row.iter().map(|cell| defuse_formula(cell)).collect();
    w.write_record(cells.iter().map(|cell| cell.as_bytes()))
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

    /// Appends `value` as `serde_json::to_vec_pretty` writes it two levels
    /// deep (each of its lines four spaces further in).
    fn pretty_nested<T: Serialize>(value: &T, out: &mut Vec<u8>) {
        let one = serde_json::to_vec_pretty(value).unwrap_or_default();
        // JSON strings hold no raw line break, so every `\n` is one serde_json
        // wrote.
        for &b in &one {
            out.push(b);
            if b == b'\n' {
                out.extend_from_slice(b"    ");
            }
        }
    }

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
        pretty_with_list(&head, "cases", items.len(), &mut got, |i, buf| {
            pretty_nested(&items[i], buf);
        })
        .expect("applies");
        assert!(items.len() > BATCH, "the test crosses a batch boundary");
        assert_eq!(
            String::from_utf8(got).expect("utf-8"),
            String::from_utf8(expected).expect("utf-8")
        );
        let mut none = Vec::new();
        assert!(pretty_with_list(&head, "cases", 0, &mut none, |_, _| {}).is_err());
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
