//! Free pages (`content/pages/<slug>.md`): about, accessibility statement.
//! Only `title`, `summary`, `language` and `draft` are allowed in their
//! front matter; the body is Markdown.

use serde::Serialize;

use super::checker::Checker;
use super::validate::slug_problem;
use crate::config::Language;
use crate::content::{SourceFile, split_front_matter};
use crate::diagnostics::{Diagnostic, Severity};
use crate::yaml::Value;

/// A validated free page.
#[derive(Clone, Debug, Serialize)]
pub struct Page {
    /// File stem.
    pub slug: String,
    /// Source file relative to the root.
    pub file: String,
    /// Title.
    pub title: String,
    /// Meta description.
    pub summary: Option<String>,
    /// Language of the page, when it differs from the site's.
    pub language: Option<Language>,
    /// Left out unless `--drafts`.
    pub draft: bool,
    /// Markdown body.
    pub body: String,
}

const PAGE_FIELDS: [&str; 4] = ["title", "summary", "language", "draft"];

/// Validates one page file.
pub fn validate_page(file: &SourceFile) -> Result<Page, Vec<Diagnostic>> {
    let split = split_front_matter(&file.text).map_err(|e| {
        vec![
            Diagnostic::at(
                Severity::Error,
                e.code,
                &file.rel,
                &file.text,
                e.offset,
                3,
                e.message,
            )
            .with_help(e.help),
        ]
    })?;
    let read = super::recover::parse(split.yaml);
    let yaml_errors: Vec<Diagnostic> = read
        .errors
        .into_iter()
        .map(|e| super::validate::yaml_diagnostic(file, &split, e))
        .collect();
    let Some(root) = read.root else {
        return Err(yaml_errors);
    };
    let mut c = Checker::new(&file.rel, &file.text, split.yaml_offset);
    c.diagnostics.extend(yaml_errors);
    c.suggested.extend(
        read.blanked
            .iter()
            .filter_map(|key| PAGE_FIELDS.iter().find(|f| **f == key.as_str()))
            .copied(),
    );
    let mut page = None;
    if let Some(f) = c.map(&root, "", &PAGE_FIELDS, "title: Om eksempelsamlinga") {
        let title = match f.get("title") {
            Some(n) => c.text(n, "title", "title: Om eksempelsamlinga"),
            None if c.suggested.contains(&"title") => None,
            None => {
                c.report_at(
                    Severity::Error,
                    split.open_offset,
                    3,
                    "missing-field",
                    crate::words!("field-missing", field = "title", label = ""),
                )
                .help = Some(crate::words!("add-to-front-matter", example = "title: …"));
                None
            }
        };
        let summary = f
            .get("summary")
            .and_then(|n| c.text(n, "summary", "summary: …"));
        let language = match f.get("language") {
            None => Some(None),
            Some(n) => match &n.value {
                Value::Str(s) if s == "nb" => Some(Some(Language::Nb)),
                Value::Str(s) if s == "nn" => Some(Some(Language::Nn)),
                Value::Str(s) if s == "en" => Some(Some(Language::En)),
                _ => {
                    c.error(
                        n.pos,
                        "invalid-value",
                        crate::words!("page-language-unknown"),
                    );
                    None
                }
            },
        };
        let draft = match f.get("draft") {
            None => Some(false),
            Some(n) => c.boolean(n, "draft"),
        };
        c.diagnostics.extend(slug_problem(file));
        if let (Some(title), Some(language), Some(draft)) = (title, language, draft) {
            page = Some(Page {
                slug: file.stem.clone(),
                file: file.rel.clone(),
                title: title.trim().to_owned(),
                summary,
                language,
                draft,
                body: split.body.to_owned(),
            });
        }
    }
    super::nesting::check_depth(&mut c, split.body, split.body_offset, true);
    match page {
        Some(page) if !c.has_errors() => Ok(page),
        _ => Err(c.into_diagnostics()),
    }
}
