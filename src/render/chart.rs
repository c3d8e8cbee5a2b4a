//! Indicator charts: an inline SVG line chart drawn at build time, followed
//! by an HTML table of the same figures.
//!
//! Written by hand: the chart is one polyline, one dashed polyline and two
//! axes, and a plotting crate would bring a rendering stack, fonts and
//! styles we would then have to strip for accessibility and for the
//! no-inline-style policy. Measured values are a solid line with round
//! markers, targets a dashed line with square markers, so the meaning never
//! rests on colour alone; both colours reach at least 3:1 against white.

use super::markdown::escape_attr as esc;
use std::fmt::Write as _;

use crate::norwegian::{format_nok, format_number, format_percent};
use crate::schema::{Indicator, PeriodKey, Unit};

/// UI words a chart uses (from the skin's strings).
#[derive(Clone, Debug)]
pub struct ChartWords {
    /// Legend and column for measured values (`Målt`).
    pub measured: String,
    /// Legend and column for targets (`Mål`).
    pub target: String,
    /// Column of periods (`Periode`).
    pub period: String,
    /// `fra`.
    pub from: String,
    /// `til`.
    pub to: String,
    /// `lavest`.
    pub lowest: String,
    /// `høyest`.
    pub highest: String,
    /// Caption suffix of the table (`tallene i diagrammet`).
    pub table: String,
    /// `kvartal`.
    pub quarter: String,
    /// Month names, January first.
    pub months: [String; 12],
    /// The language (`nb`, `nn`, `en`): English writes periods its own way.
    pub lang: String,
}

const TOP: f64 = 16.0;
const BOTTOM: f64 = 54.0;
/// Measured line: #1f4e8c, 8.3:1 on white.
const SERIES_COLOUR: &str = "#1f4e8c";
/// Target line: #9c4a00, 6.1:1 on white.
const TARGET_COLOUR: &str = "#9c4a00";
/// Grid: only decoration; the tick labels carry the values.
const GRID_COLOUR: &str = "#c9ccd1";
const TEXT_COLOUR: &str = "#1a1a1a";

/// A value in the indicator's unit, the Norwegian way (`8,5 %`).
pub fn format_value(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Percent => format_percent(value),
        Unit::Nok if value.fract() == 0.0 && (0.0..1e15).contains(&value) => {
            format_nok(value as u64)
        }
        Unit::Nok => format!("{}\u{a0}kr", format_number(value, 2)),
        Unit::Count => format_number(value, 2),
        Unit::Ratio => format_number(value, 3),
    }
}

/// A period as readers say it: `1. kvartal 2008`, `januar 2013`, `2012`.
pub fn format_period(period: PeriodKey, words: &ChartWords) -> String {
    match period {
        PeriodKey::Year(y) => y.to_string(),
        PeriodKey::Quarter(y, q) if words.lang == "en" => format!("Q{q} {y}"),
        PeriodKey::Quarter(y, q) => format!("{q}.\u{a0}{} {y}", words.quarter),
        PeriodKey::Month(y, m) => {
            let name = words
                .months
                .get(usize::from(m.max(1)) - 1)
                .map_or("", String::as_str);
            format!("{name} {y}")
        }
    }
}

/// A step of 1, 2, 2.5 or 5 × 10ⁿ giving about `target` ticks over `range`.
fn nice_step(range: f64, target: f64) -> f64 {
    let raw = (range / target).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// A coordinate with one decimal, as `{:.1}` writes it, without a trailing
/// `.0` (`40`, `40.5`): exact enough, and stable across builds.
#[derive(Clone, Copy, Debug)]
struct Coord(f64);

impl std::fmt::Display for Coord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Integer tenths: `{:.1}` on every coordinate costs a tenth of a build.
        // Rounding the product errs only where it lands on a half: `{:.1}` decides.
        let tenths = self.0 * 10.0;
        if tenths.is_nan() || tenths.abs() >= 1e15 || (tenths - tenths.trunc()).abs() == 0.5 {
            let text = format!("{:.1}", self.0);
            return f.write_str(text.strip_suffix(".0").unwrap_or(&text));
        }
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a whole number below 10^15 in magnitude"
        )]
        let tenths = tenths.round() as i64;
        let (whole, tenth) = (tenths / 10, (tenths % 10).abs());
        let sign = if self.0.is_sign_negative() && whole == 0 {
            "-"
        } else {
            ""
        };
        if tenth == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{tenth}")
        }
    }
}

/// Sizes of one drawing of the chart. The wide one is shown on screens
/// from 36rem, the narrow one below, so the axis labels stay readable on a
/// phone instead of shrinking to 6 px; CSS hides the other (and with it,
/// from assistive technology).
struct Layout {
    class: &'static str,
    suffix: &'static str,
    w: f64,
    h: f64,
    font: f64,
    legend_font: f64,
    max_year_labels: i64,
}

const WIDE: Layout = Layout {
    class: "chart chart-wide",
    suffix: "",
    w: 640.0,
    h: 300.0,
    font: 12.0,
    legend_font: 13.0,
    max_year_labels: 12,
};
const NARROW: Layout = Layout {
    class: "chart chart-narrow",
    suffix: "-smal",
    w: 340.0,
    h: 250.0,
    font: 12.0,
    legend_font: 12.5,
    max_year_labels: 5,
};

/// The ids a chart uses besides `id` itself (to reserve them on the page).
pub fn chart_ids(id: &str) -> Vec<String> {
    let mut ids = vec![id.to_owned()];
    for layout in [&WIDE, &NARROW] {
        ids.push(format!("{id}{}-tittel", layout.suffix));
        ids.push(format!("{id}{}-beskrivelse", layout.suffix));
    }
    ids
}

/// Decimals used by the indicator's figures (at most 2 for per cent, 3 for
/// ratios), so a table writes `9,0 %` next to `8,7 %`.
fn decimals(indicator: &Indicator) -> usize {
    decimals_of(
        indicator.unit,
        indicator
            .series
            .iter()
            .chain(&indicator.targets)
            .map(|p| p.value),
    )
}

/// The most decimals any of `values` needs, up to the unit's limit.
fn decimals_of(unit: Unit, values: impl Iterator<Item = f64>) -> usize {
    let max = match unit {
        Unit::Ratio => 3,
        _ => 2,
    };
    values
        .map(|v| {
            (0..=max)
                .find(|&d| {
                    let f = 10f64.powi(d as i32);
                    ((v * f).round() - v * f).abs() < 1e-6
                })
                .unwrap_or(max)
        })
        .max()
        .unwrap_or(0)
}

/// A value with exactly `decimals` decimals (`9,0 %`).
fn format_fixed(unit: Unit, value: f64, decimals: usize) -> String {
    let mut n = format_number(value, decimals);
    if decimals > 0 {
        let have = n.split_once(',').map_or(0, |(_, f)| f.len());
        if have == 0 {
            n.push(',');
        }
        for _ in have..decimals {
            n.push('0');
        }
    }
    match unit {
        Unit::Percent => n.push_str("\u{a0}%"),
        Unit::Nok => n.push_str("\u{a0}kr"),
        Unit::Count | Unit::Ratio => {}
    }
    n
}

/// The chart (`<figure>` with the SVG) and its table, as HTML. `id` must be
/// unique on the page (`indikator-1`); [`chart_ids`] lists the ids it uses.
pub fn render(indicator: &Indicator, id: &str, words: &ChartWords) -> String {
    if indicator.series.is_empty() && indicator.targets.is_empty() {
        return String::new();
    }
    let mut desc = String::new();
    if let (Some(first), Some(last)) = (indicator.series.first(), indicator.series.last()) {
        let min = indicator
            .series
            .iter()
            .map(|p| p.value)
            .fold(f64::MAX, f64::min);
        let max = indicator
            .series
            .iter()
            .map(|p| p.value)
            .fold(f64::MIN, f64::max);
        let _ = write!(
            desc,
            "{}: {} {} ({}) {} {} ({}); {} {}, {} {}.",
            words.measured,
            words.from,
            format_value(indicator.unit, first.value),
            format_period(first.period, words),
            words.to,
            format_value(indicator.unit, last.value),
            format_period(last.period, words),
            words.lowest,
            format_value(indicator.unit, min),
            words.highest,
            format_value(indicator.unit, max),
        );
    }
    if !indicator.targets.is_empty() {
        if !desc.is_empty() {
            desc.push(' ');
        }
        let _ = write!(desc, "{}: ", words.target);
        let parts: Vec<String> = indicator
            .targets
            .iter()
            .map(|t| {
                format!(
                    "{} ({})",
                    format_value(indicator.unit, t.value),
                    format_period(t.period, words)
                )
            })
            .collect();
        desc.push_str(&parts.join(", "));
        desc.push('.');
    }
    let target_label = target_label(indicator, words);
    // Two drawings and a table: 6–12 kB for a few years of quarters.
    let mut html = String::with_capacity(16 * 1024);
    let _ = write!(
        html,
        "<figure class=\"indicator\" id=\"{id}\"><figcaption>{}</figcaption>",
        esc(&indicator.name)
    );
    for layout in [&WIDE, &NARROW] {
        draw(
            &mut html,
            indicator,
            id,
            words,
            &desc,
            &target_label,
            layout,
        );
    }
    html.push_str("</figure>");
    html.push_str(&table(indicator, &target_label, words));
    html
}

/// Appends one drawing of the chart to `svg`.
fn draw(
    svg: &mut String,
    indicator: &Indicator,
    id: &str,
    words: &ChartWords,
    desc: &str,
    target_label: &str,
    layout: &Layout,
) {
    let (w, h) = (layout.w, layout.h);
    let points: Vec<(f64, f64)> = indicator
        .series
        .iter()
        .map(|p| (p.period.midpoint(), p.value))
        .collect();
    let targets: Vec<(f64, f64)> = indicator
        .targets
        .iter()
        .map(|p| (p.period.midpoint(), p.value))
        .collect();
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in points.iter().chain(targets.iter()) {
        x0 = x0.min(x.floor());
        x1 = x1.max(x.floor() + 1.0);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    if (y1 - y0).abs() < f64::EPSILON {
        y0 -= 1.0;
        y1 += 1.0;
    }
    let step = nice_step(y1 - y0, 5.0);
    // Start at zero when the data are close to it, otherwise a step below
    // the lowest value, so the change is readable and no marker sits on the
    // axis line.
    let mut lo = (y0 / step).floor() * step;
    if (lo - y0).abs() < step * 1e-9 {
        lo -= step;
    }
    if y0 >= 0.0 && lo - step * 2.0 <= 0.0 {
        lo = 0.0;
    }
    let hi = (y1 / step).ceil() * step;
    let hi = if hi <= lo { lo + step } else { hi };
    let ticks: Vec<f64> = {
        let n = ((hi - lo) / step).round() as i64;
        (0..=n).map(|i| lo + step * i as f64).collect()
    };
    let labels: Vec<String> = ticks
        .iter()
        .map(|&t| format_value(indicator.unit, t))
        .collect();
    let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
    let char_w = layout.font * 0.6;
    let left = (widest * char_w + 14.0).max(40.0);
    let right = 16.0;
    let plot_w = w - left - right;
    let plot_h = h - TOP - BOTTOM;
    let sx = |x: f64| left + (x - x0) / (x1 - x0) * plot_w;
    let sy = |y: f64| TOP + (hi - y) / (hi - lo) * plot_h;
    let font = Coord(layout.font);
    let title_id = format!("{id}{}-tittel", layout.suffix);
    let desc_id = format!("{id}{}-beskrivelse", layout.suffix);

    let _ = write!(
        svg,
        "<svg class=\"{}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{title_id} {desc_id}\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{title_id}\">{}</title><desc id=\"{desc_id}\">{}</desc>",
        layout.class,
        esc(&indicator.name),
        esc(desc)
    );
    for (t, label) in ticks.iter().zip(&labels) {
        let y = Coord(sy(*t));
        let _ = write!(
            svg,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{GRID_COLOUR}\" stroke-width=\"1\"/>\
<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{font}\" fill=\"{TEXT_COLOUR}\">{}</text>",
            Coord(left),
            Coord(w - right),
            Coord(left - 6.0),
            Coord(sy(*t) + layout.font / 3.0),
            esc(label)
        );
    }
    // Year ticks at year boundaries, labels at the middle of the year.
    let years = (x1 - x0).round() as i64;
    let every = (years + layout.max_year_labels - 1) / layout.max_year_labels;
    let every = every.max(1);
    for i in 0..=years {
        let x = Coord(sx(x0 + i as f64));
        let _ = write!(
            svg,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{TEXT_COLOUR}\" stroke-width=\"1\"/>",
            Coord(TOP + plot_h),
            Coord(TOP + plot_h + 5.0)
        );
        if i < years && i % every == 0 {
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{font}\" fill=\"{TEXT_COLOUR}\">{}</text>",
                Coord(sx(x0 + i as f64 + 0.5)),
                Coord(TOP + plot_h + 8.0 + layout.font),
                x0 as i64 + i
            );
        }
    }
    let _ = write!(
        svg,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{TEXT_COLOUR}\" stroke-width=\"1\"/>",
        Coord(left),
        Coord(TOP + plot_h),
        Coord(w - right),
        Coord(TOP + plot_h)
    );
    let polyline = |svg: &mut String, pts: &[(f64, f64)], colour: &str, dashed: bool| {
        if pts.len() < 2 {
            return;
        }
        svg.push_str("<polyline points=\"");
        for (k, &(x, y)) in pts.iter().enumerate() {
            if k > 0 {
                svg.push(' ');
            }
            let _ = write!(svg, "{},{}", Coord(sx(x)), Coord(sy(y)));
        }
        let _ = write!(
            svg,
            "\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\"{}/>",
            if dashed { "2.5" } else { "3" },
            if dashed {
                " stroke-dasharray=\"8 5\""
            } else {
                ""
            }
        );
    };
    polyline(svg, &targets, TARGET_COLOUR, true);
    polyline(svg, &points, SERIES_COLOUR, false);
    for &(x, y) in &targets {
        let _ = write!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" fill=\"#ffffff\" stroke=\"{TARGET_COLOUR}\" stroke-width=\"2\"/>",
            Coord(sx(x) - 4.5),
            Coord(sy(y) - 4.5)
        );
    }
    for &(x, y) in &points {
        let _ = write!(
            svg,
            "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{SERIES_COLOUR}\"/>",
            Coord(sx(x)),
            Coord(sy(y))
        );
    }
    // Legend under the axis: line style, marker shape and word.
    let ly = h - 12.0;
    let mut lx = left;
    let legend_font = Coord(layout.legend_font);
    if !points.is_empty() {
        let _ = write!(
            svg,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{SERIES_COLOUR}\" stroke-width=\"3\"/>\
<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{SERIES_COLOUR}\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"{legend_font}\" fill=\"{TEXT_COLOUR}\">{}</text>",
            Coord(lx),
            Coord(ly - 4.0),
            Coord(lx + 28.0),
            Coord(ly - 4.0),
            Coord(lx + 14.0),
            Coord(ly - 4.0),
            Coord(lx + 34.0),
            Coord(ly),
            esc(&words.measured)
        );
        lx += 34.0 + words.measured.chars().count() as f64 * layout.legend_font * 0.6 + 20.0;
    }
    if !targets.is_empty() {
        let _ = write!(
            svg,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{TARGET_COLOUR}\" stroke-width=\"2.5\" stroke-dasharray=\"8 5\"/>\
<rect x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" fill=\"#ffffff\" stroke=\"{TARGET_COLOUR}\" stroke-width=\"2\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"{legend_font}\" fill=\"{TEXT_COLOUR}\">{}</text>",
            Coord(lx),
            Coord(ly - 4.0),
            Coord(lx + 28.0),
            Coord(ly - 4.0),
            Coord(lx + 9.5),
            Coord(ly - 8.5),
            Coord(lx + 34.0),
            Coord(ly),
            esc(target_label)
        );
    }
    svg.push_str("</svg>");
}

fn target_label(indicator: &Indicator, words: &ChartWords) -> String {
    let first = indicator.targets.first().and_then(|t| t.label.clone());
    match first {
        Some(l)
            if indicator
                .targets
                .iter()
                .all(|t| t.label.as_deref() == Some(l.as_str())) =>
        {
            l
        }
        _ => words.target.clone(),
    }
}

fn table(indicator: &Indicator, target_label: &str, words: &ChartWords) -> String {
    let mut periods: Vec<PeriodKey> = indicator
        .series
        .iter()
        .chain(&indicator.targets)
        .map(|p| p.period)
        .collect();
    // A year's target comes after that year's quarters and months.
    periods.sort_by(|a, b| {
        (a.year(), matches!(a, PeriodKey::Year(_)))
            .cmp(&(b.year(), matches!(b, PeriodKey::Year(_))))
            .then(a.midpoint().total_cmp(&b.midpoint()))
    });
    periods.dedup();
    let has_targets = !indicator.targets.is_empty();
    let d = decimals(indicator);
    let mut html = String::with_capacity(256 + periods.len() * 96);
    let _ = write!(
        html,
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{} – {}\"><table class=\"figures\"><caption>{} – {}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        esc(&indicator.name),
        esc(&words.table),
        esc(&indicator.name),
        esc(&words.table),
        esc(&words.period),
        esc(&words.measured)
    );
    if has_targets {
        let _ = write!(html, "<th scope=\"col\">{}</th>", esc(target_label));
    }
    html.push_str("</tr></thead><tbody>");
    for period in periods {
        let measured = indicator.series.iter().find(|p| p.period == period);
        let target = indicator.targets.iter().find(|p| p.period == period);
        let _ = write!(
            html,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            esc(&format_period(period, words)),
            measured.map_or_else(
                || "–".to_owned(),
                |p| esc(&format_fixed(indicator.unit, p.value, d))
            )
        );
        if has_targets {
            let cell = match target {
                Some(t) => {
                    let v = esc(&format_fixed(indicator.unit, t.value, d));
                    match &t.label {
                        Some(l) if l != target_label => format!("{v} ({})", esc(l)),
                        _ => v,
                    }
                }
                None => "–".to_owned(),
            };
            let _ = write!(html, "<td>{cell}</td>");
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Point;

    pub(crate) fn words() -> ChartWords {
        ChartWords {
            measured: "Målt".into(),
            target: "Mål".into(),
            period: "Periode".into(),
            from: "fra".into(),
            to: "til".into(),
            lowest: "lavest".into(),
            highest: "høyest".into(),
            table: "tallene i diagrammet".into(),
            quarter: "kvartal".into(),
            months: crate::norwegian::MONTHS_NB.map(String::from),
            lang: "nb".into(),
        }
    }

    fn point(period: &str, value: f64, label: Option<&str>) -> Point {
        Point {
            period: PeriodKey::parse(period).expect("valid period"),
            value,
            label: label.map(String::from),
        }
    }

    #[test]
    fn chart_has_title_desc_markers_and_table() {
        let indicator = Indicator {
            id: None,
            name: "Sykefravær".into(),
            unit: Unit::Percent,
            lower_is_better: true,
            series: vec![
                point("2008-Q1", 9.3, None),
                point("2008-Q2", 8.5, None),
                point("2008-Q3", 7.4, None),
            ],
            targets: vec![
                point("2008", 8.5, Some("Ønsket maks")),
                point("2009", 7.7, Some("Ønsket maks")),
            ],
        };
        let html = render(&indicator, "indikator-1", &words());
        assert!(
            html.contains(
                "role=\"img\" aria-labelledby=\"indikator-1-tittel indikator-1-beskrivelse\""
            ),
            "{html}"
        );
        assert!(
            html.contains("<title id=\"indikator-1-tittel\">Sykefravær</title>"),
            "{html}"
        );
        assert!(html.contains("lavest 7,4\u{a0}%"), "{html}");
        assert!(html.contains("stroke-dasharray"), "{html}");
        assert!(html.contains("<circle"), "{html}");
        assert!(html.contains("<rect"), "{html}");
        assert!(
            html.contains(
                "<th scope=\"row\">1.\u{a0}kvartal 2008</th><td>9,3\u{a0}%</td><td>–</td>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<th scope=\"row\">2008</th><td>–</td><td>8,5\u{a0}%</td>"),
            "{html}"
        );
        assert!(
            html.contains("<th scope=\"col\">Ønsket maks</th>"),
            "{html}"
        );
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn values_follow_the_unit() {
        assert_eq!(
            format_value(Unit::Nok, 12_500_000.0),
            "12\u{a0}500\u{a0}000\u{a0}kr"
        );
        assert_eq!(format_value(Unit::Ratio, 0.41), "0,41");
        assert_eq!(format_value(Unit::Count, 4.0), "4");
    }

    #[test]
    fn coordinates_have_one_decimal_and_no_trailing_zero() {
        assert_eq!(Coord(40.0).to_string(), "40");
        assert_eq!(Coord(40.5).to_string(), "40.5");
        assert_eq!(Coord(40.24).to_string(), "40.2");
        assert_eq!(Coord(39.96).to_string(), "40");
        assert_eq!(Coord(-12.34).to_string(), "-12.3");
        assert_eq!(Coord(-12.0).to_string(), "-12");
        assert_eq!(Coord(-0.4).to_string(), "-0.4");
        assert_eq!(Coord(-0.04).to_string(), "-0", "as `{{:.1}}` writes it");
        assert_eq!(Coord(1e20).to_string(), "100000000000000000000");
        assert_eq!(Coord(262.666_666).to_string(), "262.7");
    }

    #[test]
    fn coordinates_round_by_their_exact_value_where_the_tenfold_is_a_half() {
        assert_eq!(Coord(40.25).to_string(), "40.2", "a true half goes to even");
        assert_eq!(Coord(40.75).to_string(), "40.8", "a true half goes to even");
        // Both a little under the half in binary; their tenfolds round to it.
        assert_eq!(Coord(0.35).to_string(), "0.3");
        assert_eq!(Coord(1.45).to_string(), "1.4");
        // A little over.
        assert_eq!(Coord(40.35).to_string(), "40.4");
    }

    proptest::proptest! {
        #[test]
        fn coordinates_are_what_the_standard_formatter_writes(v in -1e6f64..1e6) {
            let s = format!("{v:.1}");
            proptest::prop_assert_eq!(Coord(v).to_string(), s.strip_suffix(".0").unwrap_or(&s));
        }
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(4.0, 5.0), 1.0);
        assert_eq!(nice_step(10.0, 5.0), 2.0);
        assert_eq!(nice_step(0.2, 5.0), 0.05);
    }
}

/// One municipality's row in a theme's comparison: its first and last
/// measurement of the shared indicator.
#[derive(Clone, Debug)]
pub struct CompareRow {
    /// Municipality (with the case title when a municipality has several).
    pub label: String,
    /// URL of the case page.
    pub url: String,
    /// First measurement.
    pub first: (PeriodKey, f64),
    /// Last measurement.
    pub last: (PeriodKey, f64),
}

/// Words of the comparison table.
#[derive(Clone, Debug)]
pub struct CompareWords {
    /// `Kommune`.
    pub municipality: String,
    /// `Første måling`.
    pub first: String,
    /// `Siste måling`.
    pub last: String,
    /// `Endring`.
    pub change: String,
    /// `prosentpoeng`: a change between two per cents.
    pub points: String,
}

/// Several cases' indicator of the same name and unit in one chart, a row
/// per municipality from its first to its last measurement (hollow circle
/// → filled circle, so the direction never rests on colour), and the same
/// figures in a table. `id` must be unique on the page.
pub fn comparison(
    name: &str,
    unit: Unit,
    rows: &[CompareRow],
    id: &str,
    words: &ChartWords,
    cw: &CompareWords,
) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let values = rows.iter().flat_map(|r| [r.first.1, r.last.1]);
    let (mut y0, mut y1) = values.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
    if (y1 - y0).abs() < f64::EPSILON {
        y0 -= 1.0;
        y1 += 1.0;
    }
    let step = nice_step(y1 - y0, 5.0);
    let mut lo = (y0 / step).floor() * step;
    if y0 >= 0.0 && lo - step * 2.0 <= 0.0 {
        lo = 0.0;
    }
    let hi = ((y1 / step).ceil() * step).max(lo + step);
    let row_h = 26.0;
    let font = 12.0;
    let label_w = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(8)
        .min(28) as f64
        * font
        * 0.6
        + 12.0;
    let (w, top, right) = (640.0, 28.0, 24.0);
    let h = top + rows.len() as f64 * row_h + 44.0;
    let plot_w = w - label_w - right;
    let sx = |v: f64| label_w + (v - lo) / (hi - lo) * plot_w;
    let title_id = format!("{id}-tittel");
    let desc_id = format!("{id}-beskrivelse");
    // Every figure with the same decimals, so `9,0 %` stands beside `8,9 %`.
    let d = decimals_of(unit, rows.iter().flat_map(|r| [r.first.1, r.last.1]));
    let figure = |v: f64| format_fixed(unit, v, d);
    let desc = rows
        .iter()
        .map(|r| {
            format!(
                "{}: {} {} ({}) {} {} ({})",
                r.label,
                words.from,
                figure(r.first.1),
                format_period(r.first.0, words),
                words.to,
                figure(r.last.1),
                format_period(r.last.0, words)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut svg = String::with_capacity(2048 + rows.len() * 512);
    let _ = write!(
        svg,
        "<figure class=\"indicator comparison\" id=\"{id}\"><figcaption>{}</figcaption>\
<svg class=\"chart chart-compare\" viewBox=\"0 0 {w} {}\" role=\"img\" aria-labelledby=\"{title_id} {desc_id}\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{title_id}\">{}</title><desc id=\"{desc_id}\">{}.</desc>",
        esc(name),
        Coord(h),
        esc(name),
        esc(&desc)
    );
    let n = ((hi - lo) / step).round() as i64;
    for i in 0..=n {
        let v = lo + step * i as f64;
        let x = sx(v);
        let _ = write!(
            svg,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GRID_COLOUR}\" stroke-width=\"1\"/>\
<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{font}\" fill=\"{TEXT_COLOUR}\">{}</text>",
            Coord(top - 6.0),
            Coord(h - 36.0),
            Coord(h - 22.0),
            esc(&format_value(unit, v)),
            x = Coord(x)
        );
    }
    for (k, r) in rows.iter().enumerate() {
        let y = top + k as f64 * row_h + row_h / 2.0;
        let label: String = if r.label.chars().count() > 28 {
            r.label.chars().take(27).chain(['…']).collect()
        } else {
            r.label.clone()
        };
        let (xa, xb) = (sx(r.first.1), sx(r.last.1));
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{font}\" fill=\"{TEXT_COLOUR}\">{}</text>\
<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{SERIES_COLOUR}\" stroke-width=\"3\"/>\
<circle cx=\"{}\" cy=\"{y}\" r=\"5\" fill=\"#ffffff\" stroke=\"{SERIES_COLOUR}\" stroke-width=\"2\"/>\
<circle cx=\"{}\" cy=\"{y}\" r=\"5\" fill=\"{SERIES_COLOUR}\"/>",
            Coord(label_w - 8.0),
            Coord(y + font / 3.0),
            esc(&label),
            Coord(xa),
            Coord(xb),
            Coord(xa),
            Coord(xb),
            y = Coord(y)
        );
    }
    // Legend: hollow = first, filled = last.
    let ly = h - 6.0;
    let _ = write!(
        svg,
        "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#ffffff\" stroke=\"{SERIES_COLOUR}\" stroke-width=\"2\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"{font}\" fill=\"{TEXT_COLOUR}\">{}</text>\
<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{SERIES_COLOUR}\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"{font}\" fill=\"{TEXT_COLOUR}\">{}</text></svg></figure>",
        Coord(label_w),
        Coord(ly - 4.0),
        Coord(label_w + 10.0),
        Coord(ly),
        esc(&cw.first),
        Coord(label_w + 30.0 + cw.first.chars().count() as f64 * font * 0.6),
        Coord(ly - 4.0),
        Coord(label_w + 40.0 + cw.first.chars().count() as f64 * font * 0.6),
        Coord(ly),
        esc(&cw.last)
    );
    let _ = write!(
        svg,
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{} – {}\"><table class=\"figures\"><caption>{} – {}</caption>\
<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(name),
        esc(&words.table),
        esc(name),
        esc(&words.table),
        esc(&cw.municipality),
        esc(&cw.first),
        esc(&cw.last),
        esc(&cw.change)
    );
    for r in rows {
        let change = r.last.1 - r.first.1;
        let sign = if change > 0.0 { "+" } else { "" };
        let _ = write!(
            svg,
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td>{} ({})</td><td>{} ({})</td><td>{sign}{}</td></tr>",
            esc(&r.url),
            esc(&r.label),
            esc(&figure(r.first.1)),
            esc(&format_period(r.first.0, words)),
            esc(&figure(r.last.1)),
            esc(&format_period(r.last.0, words)),
            esc(&match unit {
                Unit::Percent => format!(
                    "{}\u{a0}{}",
                    format_fixed(Unit::Count, change, d),
                    cw.points
                ),
                _ => format_fixed(unit, change, d),
            })
        );
    }
    svg.push_str("</tbody></table></div>");
    svg
}

#[cfg(test)]
mod comparison_tests {
    use super::tests::words;
    use super::*;

    #[test]
    fn comparison_draws_a_row_per_municipality_and_a_table() {
        let q = |s: &str| PeriodKey::parse(s).expect("period");
        let rows = vec![
            CompareRow {
                label: "Bærum".into(),
                url: "/cases/baerum/".into(),
                first: (q("2012"), 10.4),
                last: (q("2014"), 7.9),
            },
            CompareRow {
                label: "Volda".into(),
                url: "/cases/volda/".into(),
                first: (q("2013"), 11.0),
                last: (q("2015"), 8.0),
            },
        ];
        let cw = CompareWords {
            municipality: "Kommune".into(),
            first: "Første måling".into(),
            last: "Siste måling".into(),
            change: "Endring".into(),
            points: "prosentpoeng".into(),
        };
        let html = comparison(
            "Sykefravær",
            Unit::Percent,
            &rows,
            "sammenligning-1",
            &words(),
            &cw,
        );
        assert!(html.contains("role=\"img\" aria-labelledby=\"sammenligning-1-tittel sammenligning-1-beskrivelse\""), "{html}");
        assert!(
            html.contains("Bærum: fra 10,4\u{a0}% (2012) til 7,9\u{a0}% (2014)"),
            "{html}"
        );
        assert_eq!(
            html.matches("fill=\"#ffffff\" stroke").count(),
            3,
            "two hollow markers and the legend's"
        );
        // One decimal throughout, as Bærum's figures need: `11,0 %`, not `11 %`.
        assert!(html.contains("<th scope=\"row\"><a href=\"/cases/volda/\">Volda</a></th><td>11,0\u{a0}% (2013)</td><td>8,0\u{a0}% (2015)</td><td>−3,0\u{a0}prosentpoeng</td>"), "{html}");
        assert!(html.contains("<td>10,4\u{a0}% (2012)</td><td>7,9\u{a0}% (2014)</td><td>−2,5\u{a0}prosentpoeng</td>"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }
}
