//! The case rules of DESIGN.md §2, applied to a spanned YAML tree. Every rule
//! reports with the file, line and column of the offending value, and every
//! problem in the file is reported, not only the first.

mod case;
mod dates;
mod indicators;
mod links;
mod register;

use std::collections::{BTreeSet, HashSet};

use crate::config::Config;
use crate::content::{SourceFile, split_front_matter};
use crate::diagnostics::{Diagnostic, Severity};
use crate::schema::Case;
use crate::schema::checker::Checker;
use crate::schema::fields::FIELDS;
use crate::yaml::{self, Pos, Value};
use case::read_case;

/// The longest summary that fits a card and a search result.
pub const SUMMARY_MAX_CHARS: usize = 300;

/// What the rules check a case against.
pub struct Vocabulary<'a> {
    /// Themes, programmes, the municipality register.
    pub config: &'a Config,
    /// Files under `content/media/`, relative to it.
    pub media: &'a BTreeSet<String>,
    /// Today's date (for "published in the future").
    pub today: jiff::civil::Date,
}

/// The outcome of validating one case file.
#[derive(Debug)]
pub struct Validated {
    /// The case, when it has no error.
    pub case: Option<Case>,
    /// Every problem found (errors and warnings).
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the file says `draft: true` (known even when it has errors).
    pub draft: bool,
}

/// Validates one case file.
pub fn validate_case(file: &SourceFile, vocab: &Vocabulary<'_>) -> Validated {
    let mut diagnostics = Vec::new();
    diagnostics.extend(slug_problem(file));
    let split = match split_front_matter(&file.text) {
        Ok(split) => split,
        Err(err) => {
            diagnostics.push(
                Diagnostic::at(
                    Severity::Error,
                    err.code,
                    &file.rel,
                    &file.text,
                    err.offset,
                    3,
                    err.message,
                )
                .with_help(err.help),
            );
            return Validated {
                case: None,
                diagnostics,
                draft: false,
            };
        }
    };
    let parse_started = std::time::Instant::now();
    let read = crate::schema::recover::parse(split.yaml);
    crate::timings::add(crate::timings::Cpu::Yaml, parse_started);
    for err in read.errors {
        diagnostics.push(yaml_diagnostic(file, &split, err));
    }
    let Some(root) = read.root else {
        return Validated {
            case: None,
            diagnostics,
            draft: false,
        };
    };
    let mut c = Checker::new(&file.rel, &file.text, split.yaml_offset);
    // A field whose entry was blanked after a YAML mistake is there, only
    // unreadable: it is not also reported as missing.
    for key in &read.blanked {
        if let Some(field) = FIELDS.iter().find(|f| f.key == key.as_str()) {
            c.suggested.push(field.key);
        }
    }
    let open = Pos {
        offset: split.open_offset.wrapping_sub(split.yaml_offset),
        len: 3,
        line: 1,
        column: 1,
    };
    let draft_flag = matches!(&root.value, Value::Map(m) if m.iter().any(|(k, v)| k.name == "draft" && v.value == Value::Bool(true)));
    let case = match c.map(&root, "", FIELDS, "title: …") {
        Some(fields) => read_case(
            &mut c,
            &fields,
            open,
            file,
            split.body,
            split.body_offset,
            vocab,
        ),
        None => None,
    };
    diagnostics.extend(c.into_diagnostics());
    let case = case.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Validated {
        case,
        diagnostics,
        draft: draft_flag,
    }
}

/// A YAML mistake as a diagnostic at its place in the file.
pub(super) fn yaml_diagnostic(
    file: &SourceFile,
    split: &crate::content::Split<'_>,
    err: yaml::YamlError,
) -> Diagnostic {
    let (offset, len) = err.pos.map_or((split.open_offset, 3), |p| {
        (split.yaml_offset + p.offset, p.len)
    });
    let message = match err.first {
        Some((line, column)) => crate::words!(
            "yaml-duplicate-first",
            message = err.message,
            line = file.text[..split.yaml_offset].matches('\n').count() + line,
            column = column
        ),
        None => err.message,
    };
    let mut d = Diagnostic::at(
        Severity::Error,
        "yaml-syntax",
        &file.rel,
        &file.text,
        offset,
        len,
        message,
    );
    d.help = Some(
        err.help
            .unwrap_or_else(|| crate::words!("yaml-unreadable-help")),
    );
    d
}

/// The error for a file whose name is not a slug, which names the slug to
/// rename it to. Cases and free pages share it.
pub(crate) fn slug_problem(file: &SourceFile) -> Option<Diagnostic> {
    if valid_slug(&file.stem) {
        return None;
    }
    Some(
        Diagnostic::file(
            Severity::Error,
            "invalid-slug",
            &file.rel,
            crate::words!("file-name-invalid", name = file.stem.as_str()),
        )
        .with_help(crate::words!(
            "file-name-help",
            name = format!("{}.md", crate::norwegian::slugify(&file.stem))
        )),
    )
}

/// `[a-z0-9-]+`.
pub fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reports slugs used by more than one case file (cases in subfolders can
/// collide). Returns the diagnostics; the cases themselves are unchanged.
pub fn duplicate_slugs<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Diagnostic> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut first: Vec<(&str, &str)> = Vec::new();
    let mut out = Vec::new();
    for (slug, file) in files {
        if seen.insert(slug) {
            first.push((slug, file));
        } else {
            let other = first
                .iter()
                .find(|(s, _)| *s == slug)
                .map_or("", |(_, f)| *f);
            out.push(
                Diagnostic::file(
                    Severity::Error,
                    "duplicate-slug",
                    file,
                    crate::words!(
                        "slug-taken",
                        slug = slug.to_string(),
                        other = other.to_string()
                    ),
                )
                .with_help(crate::words!("slug-taken-help")),
            );
        }
    }
    out
}
