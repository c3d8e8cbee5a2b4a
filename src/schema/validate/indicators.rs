//! Indicators and their measured points, with what `indicators.yaml` says
//! about an indicator the case names by id.

use crate::config::{Config, Language};
use crate::diagnostics::did_you_mean;
use crate::schema::checker::Checker;
use crate::schema::fields;
use crate::schema::{Indicator, PeriodKey, Point, Unit};
use crate::yaml::{Node, Value};

pub(super) fn indicators(
    c: &mut Checker<'_>,
    n: &Node,
    config: &Config,
    language: Language,
) -> Option<Vec<Indicator>> {
    let items = c.list(n, "indicators", "indicators:\n  - name: Sykefravær")?;
    let mut out = Vec::new();
    let mut ok = true;
    for item in items {
        match indicator(c, item, config, language) {
            Some(i) => out.push(i),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// One indicator. With an `id`, what the case leaves out (name, unit,
/// direction) comes from `indicators.yaml`; a unit the case states must
/// agree with it, so that the figures compared are of one kind.
fn indicator(
    c: &mut Checker<'_>,
    n: &Node,
    config: &Config,
    language: Language,
) -> Option<Indicator> {
    let f = c.map(n, "indicators", fields::INDICATOR, "- name: Sykefravær")?;
    let known = match f.get("id") {
        None => None,
        Some(v) => {
            let id = c.text(v, "id", "id: sykefravaer")?;
            let id = id.trim().to_owned();
            match config.indicator(&id) {
                Some(def) => Some(def),
                None => {
                    let ids = config.indicators.iter().map(|i| i.id.as_str());
                    let d = c.error(
                        v.pos,
                        "unknown-indicator",
                        crate::words!("indicator-unknown", id = id.as_str()),
                    );
                    d.help = Some(match did_you_mean(&id, ids.clone()) {
                        Some(s) => crate::words!("did-you-mean", suggestion = s),
                        None if config.indicators.is_empty() => {
                            crate::words!("indicators-none-help")
                        }
                        None => crate::words!(
                            "indicators-are",
                            ids = ids.collect::<Vec<_>>().join(", ")
                        ),
                    });
                    return None;
                }
            }
        }
    };
    let mut required = vec!["series"];
    if known.is_none() {
        required.splice(0..0, ["name", "unit"]);
    }
    for required in required {
        if f.get(required).is_none() {
            c.error(
                n.pos,
                "missing-field",
                crate::words!("entry-needs-indicator", needs = required.to_string()),
            )
            .help = Some(crate::words!("entry-needs-indicator-help"));
        }
    }
    let name = match f.get("name") {
        Some(v) => c.text(v, "name", "name: Sykefravær"),
        None => known.map(|k| k.name_in(language).to_owned()),
    };
    let unit = match f.get("unit") {
        None => known.map(|k| k.unit),
        Some(v) => {
            let s = c.text(v, "unit", "unit: percent")?;
            let Some(unit) = Unit::parse(&s) else {
                let d = c.error(
                    v.pos,
                    "invalid-value",
                    crate::words!("unit-unknown", unit = s.as_str()),
                );
                d.help = Some(
                    match did_you_mean(&s, Unit::ALL.iter().map(|u| u.as_str())) {
                        Some(s) => crate::words!("did-you-mean", suggestion = s.to_string()),
                        None => crate::words!("unit-help"),
                    },
                );
                return None;
            };
            if let Some(k) = known
                && k.unit != unit
            {
                let d = c.error(
                    v.pos,
                    "invalid-value",
                    crate::words!(
                        "indicator-unit",
                        id = k.id.as_str(),
                        unit = k.unit.as_str(),
                        written = s.as_str()
                    ),
                );
                d.help = Some(crate::words!("indicator-unit-help"));
                return None;
            }
            Some(unit)
        }
    };
    let lower = match f.get("lower_is_better") {
        None => Some(known.is_some_and(|k| k.lower_is_better)),
        Some(v) => c.boolean(v, "lower_is_better"),
    };
    let series = f.get("series").and_then(|v| points(c, v, "series"));
    let targets = match f.get("targets") {
        None => Some(Vec::new()),
        Some(v) => points(c, v, "targets"),
    };
    Some(Indicator {
        id: known.map(|k| k.id.clone()),
        name: name?,
        unit: unit?,
        lower_is_better: lower?,
        series: series?,
        targets: targets?,
    })
}

fn points(c: &mut Checker<'_>, n: &Node, field: &str) -> Option<Vec<Point>> {
    let example = "- { period: 2008-Q1, value: 9.3 }";
    let items = c.list(n, field, example)?;
    let mut out: Vec<Point> = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(f) = c.map(item, field, fields::POINT, example) else {
            ok = false;
            continue;
        };
        let period = match f.get("period") {
            None => {
                c.error(
                    item.pos,
                    "missing-field",
                    crate::words!("entry-needs-point", field = field, needs = "period"),
                )
                .help = Some(crate::words!(
                    "write-like-this",
                    example = example.to_string()
                ));
                None
            }
            Some(p) => {
                let text = match &p.value {
                    Value::Str(s) => Some(s.clone()),
                    Value::Int(i) => Some(i.to_string()),
                    _ => None,
                };
                match text.as_deref().and_then(PeriodKey::parse) {
                    Some(key) if (1990..=2100).contains(&key.year()) => {
                        if out.iter().any(|pt| pt.period == key) {
                            c.error(
                                p.pos,
                                "duplicate-period",
                                crate::words!("period-twice", period = key.label(), field = field),
                            )
                            .help = Some(crate::words!("period-twice-help"));
                            None
                        } else {
                            Some(key)
                        }
                    }
                    _ => {
                        c.error(
                            p.pos,
                            "invalid-period",
                            crate::words!(
                                "period-invalid",
                                period = text.unwrap_or_else(|| p.value.kind())
                            ),
                        )
                        .help = Some(crate::words!("period-help"));
                        None
                    }
                }
            }
        };
        let value = match f.get("value") {
            None => {
                c.error(
                    item.pos,
                    "missing-field",
                    crate::words!("entry-needs-point", field = field, needs = "value"),
                )
                .help = Some(crate::words!(
                    "write-like-this",
                    example = example.to_string()
                ));
                None
            }
            Some(v) => c.number(v, "value", "value: 9.3"),
        };
        let label = f
            .get("label")
            .and_then(|l| c.text(l, "label", "label: Ønsket maks"));
        match (period, value) {
            (Some(period), Some(value)) => out.push(Point {
                period,
                value,
                label,
            }),
            _ => ok = false,
        }
    }
    out.sort_by_key(|p| p.period);
    ok.then_some(out)
}
