//! Every word casebook says to the editor, in bokmål, nynorsk or English.
//!
//! The texts are Project Fluent files, `locales/<nb|nn|en>/*.ftl`
//! (`casebook.ftl` for the commands, `editor.ftl` for the editor in the
//! browser), embedded at compile time; a test checks that every message
//! of every file is in all three. The language is one setting for the whole process: `--lang`
//! when given ([`choose`]), else the site's `language` ([`site_default`]),
//! else bokmål (the command line sets it before it says anything; a
//! program that uses the library without setting it gets English).
//! Diagnostic codes never change with it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

/// A language: the one casebook speaks, and a site's UI and content
/// language (`config::Language` is this type). It lives here, not in
/// `config`, so that the YAML reader, which the configuration uses, can
/// speak without importing the configuration.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Bokmål.
    #[default]
    Nb,
    /// Nynorsk.
    Nn,
    /// English (UI only; cases are written in nb or nn).
    En,
}

impl Language {
    /// The BCP 47 code, for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nb => "nb",
            Language::Nn => "nn",
            Language::En => "en",
        }
    }
}

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nb",
        // No Unicode isolation marks around values: a terminal shows them
        // as stray characters, and the values are paths and numbers.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static CURRENT: AtomicU8 = AtomicU8::new(2);
static CHOSEN: AtomicBool = AtomicBool::new(false);

fn to_u8(language: Language) -> u8 {
    match language {
        Language::Nb => 0,
        Language::Nn => 1,
        Language::En => 2,
    }
}

/// The language chosen with `--lang`: it wins over the site's.
pub fn choose(language: Language) {
    CURRENT.store(to_u8(language), Ordering::Relaxed);
    CHOSEN.store(true, Ordering::Relaxed);
}

/// The site's `language`, used unless `--lang` chose another.
pub fn site_default(language: Language) {
    if !CHOSEN.load(Ordering::Relaxed) {
        CURRENT.store(to_u8(language), Ordering::Relaxed);
    }
}

/// The language casebook speaks now.
pub fn current() -> Language {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Language::Nn,
        2 => Language::En,
        _ => Language::Nb,
    }
}

fn identifier(language: Language) -> LanguageIdentifier {
    match language {
        Language::Nb => langid!("nb"),
        Language::Nn => langid!("nn"),
        Language::En => langid!("en"),
    }
}

/// A value put into a message: a count (for plurals) or a text.
pub enum Arg<'a> {
    /// A number.
    Count(usize),
    /// A text, shown as it is.
    Text(Cow<'a, str>),
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(n)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

/// The message `id` in `language`, with `args` put in.
pub fn text_in(language: Language, id: &str, args: Vec<(&'static str, Arg<'_>)>) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .into_iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Count(n) => FluentValue::from(n),
                Arg::Text(s) => FluentValue::from(s.into_owned()),
            };
            (Cow::Borrowed(name), value)
        })
        .collect();
    LOCALES.lookup_with_args(&identifier(language), id, &args)
}

/// The message `id` in the current language, with `args` put in.
pub fn text(id: &str, args: Vec<(&'static str, Arg<'_>)>) -> String {
    text_in(current(), id, args)
}

/// `words!("check-ok", cases = n, …)`: the message in the current language.
#[macro_export]
macro_rules! words {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::words::text($id, vec![$((stringify!($name), $crate::words::Arg::from($value))),*])
    };
}

/// The message `id` for `count` things (`1 problem`, `3 problemer`).
pub fn count(id: &str, count: usize) -> String {
    text(id, vec![("count", Arg::Count(count))])
}

/// A duration in seconds with two decimals, written as the current
/// language writes numbers (`0,11` in Norwegian, `0.11` in English).
pub fn seconds(elapsed: std::time::Duration) -> String {
    seconds_in(current(), elapsed)
}

fn seconds_in(language: Language, elapsed: std::time::Duration) -> String {
    let text = format!("{:.2}", elapsed.as_secs_f64());
    match language {
        Language::En => text,
        Language::Nb | Language::Nn => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_templates::fluent_bundle::FluentResource;

    use super::*;

    #[test]
    fn seconds_are_written_as_the_language_writes_numbers() {
        let d = std::time::Duration::from_millis(1_105);
        assert_eq!(seconds_in(Language::Nn, d), "1,10");
        assert_eq!(seconds_in(Language::Nb, d), "1,10");
        assert_eq!(seconds_in(Language::En, d), "1.10");
    }

    /// Every message id of every `.ftl` file of `language`.
    fn ids(language: &str) -> BTreeSet<String> {
        let dir = format!("{}/locales/{language}", env!("CARGO_MANIFEST_DIR"));
        let mut ids = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).expect("locale folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("locale file");
            if let Err((_, errors)) = FluentResource::try_new(text.clone()) {
                panic!("{}: {errors:?}", path.display());
            }
            // A message starts at the line's start with its id and ` =`;
            // comments start with `#`, the lines of a message are indented.
            ids.extend(
                text.lines()
                    .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
                    .filter_map(|line| line.split_once(" =").map(|(id, _)| id.to_owned())),
            );
        }
        ids
    }

    #[test]
    fn every_message_is_in_all_three_languages() {
        let nb = ids("nb");
        assert!(nb.len() > 20, "{nb:?}");
        assert!(nb.contains("editor-save"), "the editor's words are covered");
        for other in ["nn", "en"] {
            let ids = ids(other);
            let missing: Vec<_> = nb.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&nb).collect();
            assert!(missing.is_empty(), "missing in {other}: {missing:?}");
            assert!(extra.is_empty(), "only in {other}, not in nb: {extra:?}");
        }
    }

    /// Every `.rs` file under `dir`.
    fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_message_the_code_asks_for_exists() {
        let known = ids("nb");
        let mut files = Vec::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut missing = BTreeSet::new();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("source file");
            for opener in ["words!(", "words::text(", "count(", "io_err(", "io_error("] {
                for (at, _) in text.match_indices(opener) {
                    // The id is the first argument when it is a literal.
                    let Some(rest) = text[at + opener.len()..].trim_start().strip_prefix('"')
                    else {
                        continue;
                    };
                    let id = rest.split('"').next().unwrap_or("");
                    let an_id = !id.is_empty()
                        && id
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                    if an_id && !known.contains(id) {
                        missing.insert(format!("{}: {id}", file.display()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "not in locales/nb/casebook.ftl: {missing:#?}"
        );
    }

    #[test]
    fn norwegian_says_eksempel_not_case() {
        for (language, file) in [
            ("nb", "casebook"),
            ("nn", "casebook"),
            ("nb", "editor"),
            ("nn", "editor"),
        ] {
            let path = format!(
                "{}/locales/{language}/{file}.ftl",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(&path).expect("locale file");
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                // Message ids, variables, paths (`content/cases/`) and the
                // program's name are not words shown as such.
                let value = match line.split_once(" =") {
                    Some((id, value)) if !id.starts_with(' ') => value,
                    _ => line,
                };
                let words: String = value
                    .replace("casebook", "")
                    .replace("content/cases", "")
                    .split('$')
                    .enumerate()
                    .map(|(i, part)| {
                        if i == 0 {
                            part
                        } else {
                            part.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
                        }
                    })
                    .collect();
                assert!(!words.to_lowercase().contains("case"), "{language}: {line}");
            }
        }
    }

    #[test]
    fn plurals_and_values_are_filled_in_per_language() {
        let drafts = |language, n: usize| {
            text_in(language, "drafts-skipped", vec![("count", Arg::Count(n))])
        };
        assert_eq!(
            drafts(Language::En, 1),
            "1 draft not checked (use --drafts)"
        );
        assert_eq!(
            drafts(Language::En, 2),
            "2 drafts not checked (use --drafts)"
        );
        assert_eq!(
            drafts(Language::Nb, 2),
            "2 utkast ble ikke sjekket (bruk --drafts)"
        );
        assert_eq!(
            drafts(Language::Nn, 2),
            "2 utkast vart ikkje sjekka (bruk --drafts)"
        );
        let cases = |language| text_in(language, "cases", vec![("count", Arg::Count(10_000))]);
        assert_eq!(cases(Language::Nb), "10000 eksempler");
        assert_eq!(cases(Language::Nn), "10000 eksempel");
        // "Eksempel", never the English "case", in Norwegian.
        for language in [Language::Nb, Language::Nn] {
            let one = text_in(language, "cases", vec![("count", Arg::Count(1))]);
            assert_eq!(one, "1 eksempel");
        }
    }
}
