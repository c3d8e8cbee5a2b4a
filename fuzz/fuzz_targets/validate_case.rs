//! The case validator on any bytes, against the `minimal` fixture site's
//! vocabulary (with a municipality register when the first byte is odd):
//! never panics, and every diagnostic names the file and a real position.

#![no_main]

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::LazyLock;

use casebook::config::{self, Config};
use casebook::content::SourceFile;
use casebook::schema::{MAX_DIAGNOSTICS_PER_FILE, Vocabulary, validate_case};
use libfuzzer_sys::fuzz_target;

static CONFIGS: LazyLock<[Config; 2]> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/sites/minimal");
    let plain = config::load(&root).expect("the minimal fixture's config is valid");
    let mut with_register = plain.clone();
    with_register.register = Some(
        config::parse_register("code;name\n1506;Molde\n3301;Drammen\n5501;Tromsø\n")
            .expect("register parses"),
    );
    [plain, with_register]
});

static MEDIA: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    ["bilde.png", "pixel.svg", "mappe/graf.jpg"]
        .map(String::from)
        .into_iter()
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let config = &CONFIGS[usize::from(first & 1)];
    let vocab = Vocabulary {
        config,
        media: &MEDIA,
        today: jiff::civil::date(2026, 1, 1),
    };
    let stem = if first & 2 == 0 {
        "molde"
    } else {
        "Molde kommune"
    };
    let file = SourceFile {
        path: format!("content/cases/{stem}.md").into(),
        rel: format!("content/cases/{stem}.md"),
        stem: stem.to_owned(),
        text: text.to_owned(),
    };
    let validated = validate_case(&file, &vocab);
    let lines = text.split('\n').count();
    assert!(
        validated.diagnostics.len() <= MAX_DIAGNOSTICS_PER_FILE + 2,
        "{}",
        validated.diagnostics.len()
    );
    for d in &validated.diagnostics {
        assert_eq!(d.file, file.rel);
        assert!(
            d.line >= 1 && d.line <= lines && d.column >= 1,
            "{d:?} in {lines} lines"
        );
    }
    if validated.case.is_some() {
        assert!(!validated.diagnostics.iter().any(|d| d.is_error()));
    }
});
