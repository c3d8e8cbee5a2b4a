//! The front-matter splitter on any text: never panics, and what it returns
//! points back into the text it was given.

#![no_main]

use casebook::content::split_front_matter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match split_front_matter(text) {
        Ok(split) => {
            assert_eq!(
                &text[split.yaml_offset..split.yaml_offset + split.yaml.len()],
                split.yaml
            );
            assert_eq!(&text[split.body_offset..], split.body);
            assert!(
                split.open_offset <= split.yaml_offset
                    && split.yaml_offset + split.yaml.len() <= split.body_offset
            );
            assert_eq!(
                split.yaml_line,
                text[..split.yaml_offset].matches('\n').count() + 1
            );
        }
        Err(err) => assert!(err.offset <= text.len() && text.is_char_boundary(err.offset)),
    }
});
