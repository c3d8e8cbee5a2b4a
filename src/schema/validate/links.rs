//! Where a case points outward: its funding, its links and its contact
//! person, with the checks on URLs and e-mail addresses.

use crate::schema::checker::Checker;
use crate::schema::fields::{self, Presence};
use crate::schema::{Contact, Funding, Link};
use crate::yaml::Node;

pub(super) fn funding(c: &mut Checker<'_>, n: &Node) -> Option<Vec<Funding>> {
    let example = "- { source: Kommunal- og regionaldepartementet, amount_nok: 300000, per: year }";
    let items = c.list(n, "funding", example)?;
    let mut out = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(f) = c.map(item, "funding", fields::FUNDING, example) else {
            ok = false;
            continue;
        };
        let source = f
            .get("source")
            .and_then(|v| c.text(v, "source", "source: Kommunen"));
        let amount = f.get("amount_nok").and_then(|v| {
            let a = c.integer(v, "amount_nok", "amount_nok: 300000")?;
            if a < 0 {
                c.error(v.pos, "invalid-value", crate::words!("amount-negative"));
                return None;
            }
            u64::try_from(a).ok()
        });
        for required in ["source", "amount_nok"] {
            if f.get(required).is_none() {
                c.error(
                    item.pos,
                    "missing-field",
                    crate::words!("entry-needs-funding", needs = required.to_string()),
                )
                .help = Some(crate::words!(
                    "write-like-this",
                    example = example.to_string()
                ));
            }
        }
        let per = match f.get("per") {
            None => Some(None),
            Some(v) => c.text(v, "per", "per: year").and_then(|p| {
                if ["year", "month", "total"].contains(&p.as_str()) {
                    Some(Some(p))
                } else {
                    c.error(
                        v.pos,
                        "invalid-value",
                        crate::words!("per-unknown", per = p.as_str()),
                    )
                    .help = Some(crate::words!("per-help"));
                    None
                }
            }),
        };
        match (source, amount, per) {
            (Some(source), Some(amount_nok), Some(per)) => out.push(Funding {
                source,
                amount_nok,
                per,
            }),
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

/// Why `url` is not an absolute http(s) link, if it is not: the id of
/// the message that says so.
fn link_problem(url: &str) -> Option<&'static str> {
    if url
        .chars()
        .any(|ch| ch.is_whitespace() || matches!(ch, '"' | '\'' | '<' | '>' | '`'))
    {
        return Some("link-spaces");
    }
    match url::Url::parse(url) {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| !h.is_empty()) =>
        {
            None
        }
        Ok(_) => Some("link-not-http"),
        Err(_) => Some("link-incomplete"),
    }
}

pub(super) fn links(c: &mut Checker<'_>, n: &Node) -> Option<Vec<Link>> {
    let example = "- { title: Reportasje fra prosjektet, url: https://www.ks.no/… }";
    let items = c.list(n, "links", example)?;
    let mut out = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(f) = c.map(item, "links", fields::LINK, example) else {
            ok = false;
            continue;
        };
        for required in ["title", "url"] {
            if f.get(required).is_none() {
                c.error(
                    item.pos,
                    "missing-field",
                    crate::words!("entry-needs-link", needs = required.to_string()),
                )
                .help = Some(crate::words!(
                    "write-like-this",
                    example = example.to_string()
                ));
            }
        }
        let title = f
            .get("title")
            .and_then(|v| c.text(v, "title", "title: Reportasje"));
        let url = f.get("url").and_then(|v| {
            let u = c.text(v, "url", "url: https://www.ks.no/")?;
            if let Some(problem) = link_problem(u.trim()) {
                c.error(
                    v.pos,
                    "invalid-link",
                    crate::words::text(problem, vec![("url", crate::words::Arg::from(u.trim()))]),
                )
                .help = Some(crate::words!("link-help"));
                return None;
            }
            Some(u.trim().to_owned())
        });
        match (title, url) {
            (Some(title), Some(url)) => out.push(Link { title, url }),
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

pub(super) fn contact(c: &mut Checker<'_>, n: &Node) -> Option<Contact> {
    let example = fields::field("contact").map_or("", |f| f.example);
    let f = c.map(n, "contact", fields::CONTACT, example)?;
    for required in fields::CONTACT
        .iter()
        .filter(|s| s.presence == Presence::Required)
    {
        if f.get(required.key).is_none() && !c.suggested.contains(&required.key) {
            c.error(
                n.pos,
                "missing-field",
                crate::words!("entry-needs-contact", needs = required.key),
            )
            .help = Some(crate::words!(
                "write-like-this",
                example = example.to_string()
            ));
        }
    }
    let name = f
        .get("name")
        .and_then(|v| c.text(v, "name", "name: Kari Nordmann"));
    let role = f
        .get("role")
        .and_then(|v| c.text(v, "role", "role: Prosjektleder"));
    let email = match f.get("email") {
        None => Some(None),
        Some(v) => c
            .string(v, "email", "email: kari@kommune.no")
            .and_then(|e| {
                if plausible_email(&e) {
                    Some(Some(e))
                } else {
                    c.error(
                        v.pos,
                        "invalid-email",
                        crate::words!("email-invalid", address = e.as_str()),
                    )
                    .help = Some(crate::words!("email-help"));
                    None
                }
            }),
    };
    Some(Contact {
        name: name?.trim().to_owned(),
        role: role?.trim().to_owned(),
        email: email?,
    })
}

/// One `local@domain.tld` address: no spaces, quotes or `<>`, one `@`, and a
/// domain of dot-separated labels. What a mail server accepts is wider; what
/// a case should print is not.
fn plausible_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let bad = |ch: char| ch.is_whitespace() || ch.is_control() || "\"'<>(),;:[]@\\".contains(ch);
    !local.is_empty()
        && !local.contains(bad)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|ch| ch.is_alphanumeric() || ch == '-')
        })
}
