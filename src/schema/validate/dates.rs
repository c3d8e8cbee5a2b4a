//! Years, periods and dates, and the date an editor most likely meant when
//! the one written is not a real one.

use crate::schema::Period;
use crate::schema::checker::Checker;
use crate::schema::fields;
use crate::yaml::{Node, Value};

fn year(c: &mut Checker<'_>, n: &Node, field: &str) -> Option<i32> {
    let y = c.integer(n, field, &format!("{field}: 2012"))?;
    if !(1990..=2100).contains(&y) {
        c.error(
            n.pos,
            "invalid-year",
            crate::words!("year-range", field = field, year = y.to_string()),
        )
        .help = Some(crate::words!("year-help"));
        return None;
    }
    i32::try_from(y).ok()
}

pub(super) fn period(c: &mut Checker<'_>, n: &Node) -> Option<Period> {
    let f = c.map(
        n,
        "period",
        fields::PERIOD,
        "period: { start: 2012, end: 2015 }",
    )?;
    let Some(start_node) = f.get("start") else {
        c.error(n.pos, "missing-field", crate::words!("period-start"))
            .help = Some(crate::words!(
            "write-like-this",
            example = "period: { start: 2012, end: 2015 }"
        ));
        return None;
    };
    let start = year(c, start_node, "period.start");
    let end = f.get("end").and_then(|e| year(c, e, "period.end"));
    if let (Some(s), Some(e), Some(end_node)) = (start, end, f.get("end"))
        && s > e
    {
        c.error(
            end_node.pos,
            "invalid-period",
            crate::words!("period-order", end = e.to_string(), start = s.to_string()),
        )
        .help = Some(crate::words!("period-order-help"));
        return None;
    }
    Some(Period { start: start?, end })
}

pub(super) fn date(c: &mut Checker<'_>, n: &Node, field: &str) -> Option<jiff::civil::Date> {
    let text = match &n.value {
        Value::Str(s) => s.trim().to_owned(),
        _ => {
            c.error(
                n.pos,
                "wrong-type",
                crate::words!("date-wrong-type", field = field),
            )
            .help = Some(crate::words!(
                "date-help",
                example = format!("{field}: 2013-05-02")
            ));
            return None;
        }
    };
    let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse::<jiff::civil::Date>() {
        Ok(d) if shaped => Some(d),
        _ => {
            let help = match meant_date(&text) {
                Some(meant) => {
                    crate::words!("date-meant-help", example = format!("{field}: {meant}"))
                }
                None => crate::words!("date-help", example = format!("{field}: 2013-05-02")),
            };
            c.error(
                n.pos,
                "invalid-date",
                crate::words!("date-invalid", text = text.as_str()),
            )
            .help = Some(help);
            None
        }
    }
}

/// The date an editor most likely meant by `text`: `10.01.2023` (the
/// Norwegian way, also with `/`) is 10 January 2023; a day past the end of
/// its month (`2015-02-30`) is that month's last day; a month past 12 with
/// a day that could be a month (`2015-13-02`) is day and month swapped.
fn meant_date(text: &str) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = text.split(['-', '.', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i16>().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a)?, number(b)?, number(c)?)
    } else if c.len() == 4 {
        (number(c)?, number(b)?, number(a)?)
    } else {
        return None;
    };
    let (month, day) = if month > 12 && (1..=12).contains(&day) {
        (day, month)
    } else {
        (month, day)
    };
    let month = i8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let first = jiff::civil::Date::new(year, month, 1).ok()?;
    let day = i8::try_from(day).ok().filter(|d| *d >= 1)?;
    first
        .with()
        .day(day.min(first.days_in_month()))
        .build()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::meant_date;

    #[test]
    fn meant_dates_are_the_nearest_real_ones() {
        let meant = |text| meant_date(text).map(|d| d.to_string());
        assert_eq!(meant("10.01.2023").as_deref(), Some("2023-01-10"));
        assert_eq!(meant("1/2/2023").as_deref(), Some("2023-02-01"));
        assert_eq!(meant("2015-02-30").as_deref(), Some("2015-02-28"));
        assert_eq!(meant("2024-02-30").as_deref(), Some("2024-02-29"));
        assert_eq!(meant("2015-04-31").as_deref(), Some("2015-04-30"));
        assert_eq!(meant("2015-13-02").as_deref(), Some("2015-02-13"));
        assert_eq!(meant("2015-13-14"), None);
        assert_eq!(meant("i fjor"), None);
    }
}
