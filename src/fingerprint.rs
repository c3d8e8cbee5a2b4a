//! Content fingerprints for cache-busting file names: the skin's assets
//! (`style.css` → `style.<hash>.css`) and the search index's shards. A
//! file's name changes exactly when its bytes do, so a browser may keep it
//! for as long as it likes.

/// Ten hex digits of XXH3 (the hash the output's manifest uses) of
/// `bytes`. A collision only means a browser keeps a stale file a little
/// longer.
pub fn fingerprint(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))[..10].to_owned()
}

/// `style.css` → `style.<fingerprint>.css`; a name without an extension
/// gets the fingerprint at its end.
pub fn fingerprinted_name(name: &str, bytes: &[u8]) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{}.{ext}", fingerprint(bytes)),
        None => format!("{name}.{}", fingerprint(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_gets_a_new_name_that_keeps_its_extension() {
        let old = fingerprinted_name("style.css", b"body { color: black }");
        let new = fingerprinted_name("style.css", b"body { color: navy }");
        assert_ne!(old, new);
        for name in [&old, &new] {
            let (stem, rest) = name.split_once('.').expect("a dot");
            let (hash, ext) = rest.split_once('.').expect("two dots");
            assert_eq!((stem, ext), ("style", "css"), "{name}");
            assert!(
                hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
                "{name}"
            );
        }
    }

    #[test]
    fn only_the_last_extension_moves_behind_the_fingerprint() {
        let name = fingerprinted_name("search.min.js", b"x");
        assert!(
            name.starts_with("search.min.") && name.ends_with(".js"),
            "{name}"
        );
        let bare = fingerprinted_name("LICENSE", b"x");
        assert!(
            bare.starts_with("LICENSE.") && !bare.ends_with('.'),
            "{bare}"
        );
    }

    #[test]
    fn the_fingerprint_is_xxh3_so_names_agree_with_the_manifest_across_builds() {
        // Pinned: a name that changed between releases for the same bytes
        // would make every visitor download every asset again.
        assert_eq!(fingerprint(b""), "2d06800538");
        assert_eq!(fingerprinted_name("a.css", b""), "a.2d06800538.css");
    }
}
