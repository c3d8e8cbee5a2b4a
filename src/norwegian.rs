//! Norwegian conventions: the counties of 2024, sort order (… Z, Æ, Ø, Å),
//! slugs (`Bærum` → `baerum`), numbers (`8,5 %`, `300 000 kr`) and dates
//! (`2. mai 2013`).

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale::locale;

/// A county (fylke) with its two-digit number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct County {
    /// Two-digit number, the first two digits of its municipalities' numbers.
    pub number: &'static str,
    /// The official name.
    pub name: &'static str,
}

impl County {
    /// The URL slug of the county (`Møre og Romsdal` → `more-og-romsdal`).
    pub fn slug(&self) -> String {
        slugify(self.name)
    }
}

/// The 15 counties in force from 1 January 2024.
pub const COUNTIES: [County; 15] = [
    County {
        number: "03",
        name: "Oslo",
    },
    County {
        number: "11",
        name: "Rogaland",
    },
    County {
        number: "15",
        name: "Møre og Romsdal",
    },
    County {
        number: "18",
        name: "Nordland",
    },
    County {
        number: "31",
        name: "Østfold",
    },
    County {
        number: "32",
        name: "Akershus",
    },
    County {
        number: "33",
        name: "Buskerud",
    },
    County {
        number: "34",
        name: "Innlandet",
    },
    County {
        number: "39",
        name: "Vestfold",
    },
    County {
        number: "40",
        name: "Telemark",
    },
    County {
        number: "42",
        name: "Agder",
    },
    County {
        number: "46",
        name: "Vestland",
    },
    County {
        number: "50",
        name: "Trøndelag",
    },
    County {
        number: "55",
        name: "Troms",
    },
    County {
        number: "56",
        name: "Finnmark",
    },
];

/// The county with this two-digit number.
pub fn county_by_number(number: &str) -> Option<&'static County> {
    COUNTIES.iter().find(|c| c.number == number)
}

/// The county with this name (case-insensitive).
pub fn county_by_name(name: &str) -> Option<&'static County> {
    let wanted = name.trim().to_lowercase();
    COUNTIES
        .iter()
        .zip(COUNTY_NAMES_LOWER.iter())
        .find(|(_, lower)| **lower == wanted)
        .map(|(c, _)| c)
}

// Lower-cased once: every case names its county, and lower-casing all 15
// names for each lookup was a tenth of the allocations of a `check`.
static COUNTY_NAMES_LOWER: LazyLock<Vec<String>> =
    LazyLock::new(|| COUNTIES.iter().map(|c| c.name.to_lowercase()).collect());

// icu's `nb` tailoring is what puts Æ, Ø, Å after Z (and "Aa" with Å); a
// byte or generic Unicode sort would file Å among the A's.
static COLLATOR: LazyLock<Option<CollatorBorrowed<'static>>> =
    LazyLock::new(|| Collator::try_new(locale!("nb").into(), CollatorOptions::default()).ok());

/// Compares two strings in Norwegian alphabetical order.
pub fn compare(a: &str, b: &str) -> Ordering {
    match COLLATOR.as_ref() {
        Some(collator) => collator.compare(a, b),
        None => a.to_lowercase().cmp(&b.to_lowercase()),
    }
}

/// Makes a URL slug the Norwegian way: `Bærum` → `baerum`, `Sør-Aurdal` →
/// `sor-aurdal`, `Ålesund` → `alesund`. Only `[a-z0-9-]` remains.
pub fn slugify(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for ch in text.chars() {
        // deunicode would turn ø into "o" too, but æ into "ae" only by luck of
        // its table; the three Norwegian letters are pinned here explicitly.
        match ch {
            'æ' | 'Æ' => folded.push_str("ae"),
            'ø' | 'Ø' => folded.push('o'),
            'å' | 'Å' => folded.push('a'),
            _ => folded.push_str(deunicode::deunicode_char(ch).unwrap_or("-")),
        }
    }
    let mut slug = String::with_capacity(folded.len());
    for ch in folded.chars() {
        let c = ch.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

const NBSP: char = '\u{a0}';

/// Formats a number the Norwegian way: decimal comma, non-breaking space
/// between thousands, at most `decimals` decimals (trailing zeros dropped).
pub fn format_number(value: f64, decimals: usize) -> String {
    let rounded = format!("{:.decimals$}", value.abs());
    let (int_part, frac_part) = match rounded.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (rounded.as_str(), ""),
    };
    let negative = value < 0.0 && (int_part.bytes().any(|c| c != b'0') || !frac_part.is_empty());
    // The integer part is ASCII (digits, or `inf` and `NaN`).
    let digits = int_part.len();
    let mut out = String::with_capacity(digits * 2 + frac_part.len() + 4);
    if negative {
        out.push('−');
    }
    for (i, d) in int_part.bytes().enumerate() {
        if i > 0 && (digits - i).is_multiple_of(3) {
            out.push(NBSP);
        }
        out.push(char::from(d));
    }
    if !frac_part.is_empty() {
        out.push(',');
        out.push_str(frac_part);
    }
    out
}

/// `8.5` → `8,5 %`.
pub fn format_percent(value: f64) -> String {
    let mut s = format_number(value, 2);
    s.push(NBSP);
    s.push('%');
    s
}

/// `300000` → `300 000 kr`.
pub fn format_nok(amount: u64) -> String {
    let mut s = format_number(amount as f64, 0);
    s.push(NBSP);
    s.push_str("kr");
    s
}

/// Month names, the same in bokmål and nynorsk.
pub const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// `2013-05-02` → `2. mai 2013` (the month names are the same in bokmål and
/// nynorsk).
pub fn format_date(date: jiff::civil::Date) -> String {
    let month = MONTHS_NB
        .get(usize::try_from(date.month() - 1).unwrap_or(0))
        .copied()
        .unwrap_or("");
    format!("{}.{NBSP}{month} {}", date.day(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_ae_oe_aa_after_z() {
        let mut names = vec![
            "Ålesund",
            "Bærum",
            "Øygarden",
            "Zeta",
            "Ærøy",
            "Askøy",
            "Aurland",
        ];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(
            names,
            [
                "Askøy",
                "Aurland",
                "Bærum",
                "Zeta",
                "Ærøy",
                "Øygarden",
                "Ålesund"
            ]
        );
    }

    #[test]
    fn slugs_the_norwegian_way() {
        assert_eq!(slugify("Bærum"), "baerum");
        assert_eq!(slugify("Sør-Aurdal"), "sor-aurdal");
        assert_eq!(slugify("Ålesund"), "alesund");
        assert_eq!(slugify("Møre og Romsdal"), "more-og-romsdal");
        assert_eq!(slugify("  Nord–Aurdal!! "), "nord-aurdal");
    }

    #[test]
    fn numbers_use_comma_and_nbsp() {
        assert_eq!(format_percent(8.5), "8,5\u{a0}%");
        assert_eq!(format_percent(6.0), "6\u{a0}%");
        assert_eq!(format_nok(300_000), "300\u{a0}000\u{a0}kr");
        assert_eq!(format_number(1234567.25, 2), "1\u{a0}234\u{a0}567,25");
        assert_eq!(format_number(-2.5, 1), "−2,5");
    }

    #[test]
    fn numbers_round_to_the_decimals_and_drop_trailing_zeros() {
        assert_eq!(
            format_number(8.25, 1),
            "8,2",
            "a tie goes to the even digit"
        );
        assert_eq!(
            format_number(8.35, 1),
            "8,3",
            "8.35 is a little under in binary"
        );
        assert_eq!(format_number(2.675, 2), "2,67");
        assert_eq!(format_number(9.996, 2), "10");
        assert_eq!(format_number(999.995, 2), "1\u{a0}000");
        assert_eq!(format_number(0.125, 3), "0,125");
        assert_eq!(format_number(7.0, 3), "7");
        assert_eq!(
            format_number(1e21, 0),
            "1\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000"
        );
    }

    #[test]
    fn a_negative_number_that_rounds_to_zero_has_no_minus() {
        assert_eq!(format_number(-0.004, 2), "0");
        assert_eq!(format_number(-0.0, 1), "0");
        assert_eq!(format_number(-0.005, 2), "−0,01");
        assert_eq!(format_number(-999_999.5, 0), "−1\u{a0}000\u{a0}000");
    }

    #[test]
    fn numbers_that_are_not_finite_are_written_as_rust_writes_them() {
        assert_eq!(format_number(f64::NAN, 2), "NaN");
        assert_eq!(format_number(f64::INFINITY, 0), "inf");
        assert_eq!(format_number(f64::NEG_INFINITY, 1), "−inf");
    }

    #[test]
    fn dates_are_written_out() {
        let date = jiff::civil::date(2013, 5, 2);
        assert_eq!(format_date(date), "2.\u{a0}mai 2013");
    }

    #[test]
    fn counties_by_number_and_name() {
        assert_eq!(
            county_by_number("15").map(|c| c.name),
            Some("Møre og Romsdal")
        );
        assert_eq!(county_by_name("innlandet").map(|c| c.number), Some("34"));
        assert_eq!(
            county_by_name(" MØRE OG ROMSDAL ").map(|c| c.number),
            Some("15")
        );
        assert!(county_by_name("Vestfold og Telemark").is_none());
        assert!(
            county_by_number("38").is_none(),
            "Vestfold og Telemark is gone since 2024"
        );
    }
}
