//! The hand-written front-matter reader (`yaml::subset`) against
//! serde-saphyr: wherever the reader answers instead of declining, its tree
//! — values, lines, columns, byte offsets and lengths — must be exactly the
//! one serde-saphyr gives.

#![no_main]

use casebook::yaml::parse_both;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (subset, backend) = parse_both(text);
    if let Some(node) = subset {
        // Debug output compares NaN equal to NaN, unlike `==` on f64.
        let backend = backend.map(|n| format!("{n:?}"));
        assert_eq!(Ok(format!("{node:?}")), backend, "for {text:?}");
    }
});
