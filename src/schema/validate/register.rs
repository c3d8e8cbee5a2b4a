//! Values checked against the site's configuration: the municipality and
//! its number against the register, and the themes against the theme list.

use crate::config::Config;
use crate::diagnostics::did_you_mean;
use crate::norwegian::{COUNTIES, county_by_number};
use crate::schema::checker::Checker;
use crate::yaml::{Node, Value};

pub(super) fn municipality_number(
    c: &mut Checker<'_>,
    n: &Node,
    entry: Option<&crate::config::Municipality>,
) -> Option<String> {
    let example = format!(
        "municipality_number: \"{}\"",
        entry.map_or("1506", |m| m.code.as_str())
    );
    if matches!(n.value, Value::Int(_) | Value::Float(_)) {
        // Quote what was written, not the parsed number: `0301` must keep its zero.
        let start = c.yaml_offset + n.pos.offset;
        let written = c
            .text
            .get(start..start + n.pos.len)
            .unwrap_or("")
            .trim()
            .to_owned();
        c.error(n.pos, "wrong-type", crate::words!("number-quotes"))
            .help = Some(crate::words!(
            "number-quotes-help",
            example = format!("municipality_number: \"{written}\"")
        ));
        return None;
    }
    let number = c.string(n, "municipality_number", &example)?;
    let help = |generic| match entry {
        Some(m) => crate::words!(
            "register-number-help-named",
            name = m.name.as_str(),
            example = example.as_str()
        ),
        None => generic,
    };
    if number.len() != 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
        c.error(
            n.pos,
            "invalid-municipality-number",
            crate::words!("number-digits", number = number.as_str()),
        )
        .help = Some(help(crate::words!("number-digits-help")));
        return None;
    }
    if county_by_number(&number[..2]).is_none() {
        c.error(
            n.pos,
            "invalid-municipality-number",
            crate::words!("number-county-gone", number = number.as_str()),
        )
        .help = Some(help(crate::words!(
            "number-county-gone-help",
            numbers = COUNTIES.map(|c| c.number).join(", ")
        )));
        return None;
    }
    Some(number)
}

/// The register's entry for the municipality called `name` (any case).
pub(super) fn registered<'r>(
    register: &'r [crate::config::Municipality],
    name: &str,
) -> Option<&'r crate::config::Municipality> {
    register.iter().find(|m| {
        m.name.eq_ignore_ascii_case(name.trim())
            || m.name.to_lowercase() == name.trim().to_lowercase()
    })
}

pub(super) fn check_register(
    c: &mut Checker<'_>,
    register: &[crate::config::Municipality],
    name: &str,
    name_node: Option<&Node>,
    number: Option<&str>,
    number_node: Option<&Node>,
) {
    let entry = registered(register, name);
    match (entry, name_node) {
        (None, Some(n)) => {
            let d = c.error(
                n.pos,
                "unknown-municipality",
                crate::words!("register-unknown", name = name.trim()),
            );
            d.help = Some(
                match did_you_mean(name, register.iter().map(|m| m.name.as_str())) {
                    Some(s) => crate::words!("did-you-mean", suggestion = s.to_string()),
                    None => crate::words!("register-help"),
                },
            );
        }
        (Some(entry), _) => {
            if let (Some(number), Some(n)) = (number, number_node)
                && entry.code != number
            {
                c.error(
                    n.pos,
                    "municipality-number-mismatch",
                    crate::words!(
                        "register-number",
                        name = entry.name.as_str(),
                        code = entry.code.as_str(),
                        number = number
                    ),
                )
                .help = Some(crate::words!(
                    "register-number-help",
                    example = format!("municipality_number: \"{}\"", entry.code)
                ));
            }
        }
        (None, None) => {}
    }
}

pub(super) fn themes(c: &mut Checker<'_>, n: &Node, config: &Config) -> Option<Vec<String>> {
    let items = c.list(n, "themes", "themes: [sykefravaer, heltid-deltid]")?;
    if items.is_empty() {
        c.error(n.pos, "empty-themes", crate::words!("themes-empty"))
            .help = Some(crate::words!(
            "themes-empty-help",
            example = format!(
                "themes: [{}]",
                config.themes.first().map_or("…", |t| t.id.as_str())
            )
        ));
        return None;
    }
    let known: Vec<&str> = config.themes.iter().map(|t| t.id.as_str()).collect();
    let mut out = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(id) = c.text(item, "themes", "themes: [sykefravaer]") else {
            ok = false;
            continue;
        };
        if !known.contains(&id.as_str()) {
            ok = false;
            let d = c.error(
                item.pos,
                "unknown-theme",
                crate::words!("theme-unknown", id = id.as_str()),
            );
            d.help = Some(match did_you_mean(&id, known.iter().copied()) {
                Some(s) => crate::words!("did-you-mean", suggestion = s),
                None => crate::words!("themes-are", ids = known.join(", ")),
            });
        } else if out.contains(&id) {
            ok = false;
            c.error(
                item.pos,
                "duplicate-theme",
                crate::words!("theme-twice", id = id.as_str()),
            )
            .help = Some(crate::words!("theme-twice-help"));
        } else {
            out.push(id);
        }
    }
    ok.then_some(out)
}
