//! Diagnostics: one problem in one file, with its position, and the ways
//! they are shown — rustc-style with a snippet and a caret (annotate-snippets),
//! a JSON array for tools, GitHub Actions annotations and a SARIF 2.1.0 log.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The content is invalid: exit code 1, nothing is written.
    Error,
    /// Worth fixing, but the site is still built.
    Warning,
}

/// The source line a diagnostic points into, with the byte range to underline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    /// The text of the line, without its line ending.
    pub text: String,
    /// Byte range within `text` to mark with carets.
    pub start: usize,
    /// End of the byte range (exclusive; at least `start + 1` when the line is not empty).
    pub end: usize,
}

/// One problem, located in a file relative to the site's root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column (in characters) in the file.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case identifier of the rule (`unknown-theme`).
    pub code: &'static str,
    /// What is wrong, lower-case, values in backticks.
    pub message: String,
    /// How to fix it, when we can say.
    pub help: Option<String>,
    /// The line to show, when there is one.
    #[serde(skip)]
    pub source: Option<Box<SourceLine>>,
}

impl Diagnostic {
    /// A diagnostic at byte `offset` of `text` (the whole file), underlining
    /// `len` bytes (clipped to the end of the line, at least one character).
    pub fn at(
        severity: Severity,
        code: &'static str,
        file: &str,
        text: &str,
        offset: usize,
        len: usize,
        message: String,
    ) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line_text = text[line_start..line_end].trim_end_matches('\r');
        let line = text[..line_start].matches('\n').count() + 1;
        let column = text[line_start..offset].chars().count() + 1;
        let start = (offset - line_start).min(line_text.len());
        let mut end = floor_char_boundary(line_text, (start + len.max(1)).min(line_text.len()));
        if end <= start {
            end = line_text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
        }
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            severity,
            code,
            message,
            help: None,
            source: Some(Box::new(SourceLine {
                text: line_text.to_owned(),
                start,
                end,
            })),
        }
    }

    /// A diagnostic about a whole file (no line to show).
    pub fn file(severity: Severity, code: &'static str, file: &str, message: String) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line: 1,
            column: 1,
            severity,
            code,
            message,
            help: None,
            source: None,
        }
    }

    /// Adds a help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Is this an error (rather than a warning)?
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Renders diagnostics the way rustc and cargo do.
pub fn render_human(diagnostics: &[Diagnostic], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // The renderer's own words for the levels, in the editor's language.
    let word = |id| crate::words::text(id, Vec::new());
    let (error, warning, help) = (
        word("level-error"),
        word("level-warning"),
        word("level-help"),
    );
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR.with_name(error.as_str()),
            Severity::Warning => Level::WARNING.with_name(warning.as_str()),
        };
        let path = format!("{}:{}:{}", d.file, d.line, d.column);
        let mut group = Group::with_title(level.primary_title(d.message.as_str()));
        if let Some(source) = &d.source {
            group = group.element(
                Snippet::source(source.text.as_str())
                    .line_start(d.line)
                    .path(d.file.as_str())
                    .annotation(AnnotationKind::Primary.span(source.start..source.end)),
            );
        } else {
            group = group.element(Level::NOTE.no_name().message(format!("--> {path}")));
        }
        if let Some(text) = &d.help {
            group = group.element(Level::HELP.with_name(help.as_str()).message(text.as_str()));
        }
        let report: &[Group<'_>] = &[group];
        let _ = writeln!(out, "{}\n", renderer.render(report));
    }
    out
}

/// Renders diagnostics as one JSON array of
/// `{file, line, column, severity, code, message, help}`.
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".to_owned())
}

/// The 1-based line and column just past the marked text (the column of
/// the character after the last one underlined), as SARIF counts them.
fn end_of(d: &Diagnostic) -> Option<(usize, usize)> {
    let source = d.source.as_ref()?;
    let marked = source.text.get(source.start..source.end)?.chars().count();
    Some((d.line, d.column + marked.max(1)))
}

/// The message with its help line, as one text.
fn message_with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!(
            "{}\n{}: {help}",
            d.message,
            crate::words::text("level-help", Vec::new())
        ),
        None => d.message.clone(),
    }
}

/// Renders diagnostics as GitHub Actions workflow commands, one line each:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`
/// (`::warning` for warnings), which GitHub shows beside the file's lines.
pub fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = write!(
            out,
            "::{command} file={},line={},col={}",
            github_property(&d.file),
            d.line,
            d.column
        );
        if let Some((end_line, end_column)) = end_of(d) {
            let _ = write!(out, ",endLine={end_line},endColumn={end_column}");
        }
        let _ = writeln!(
            out,
            ",title={}::{}",
            github_property(d.code),
            github_data(&message_with_help(d))
        );
    }
    out
}

/// Escapes a workflow command's message as GitHub's runner unescapes it.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (`,` and `:` end it).
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Renders diagnostics as one SARIF 2.1.0 log: one rule per code, one
/// result per problem with its region (columns count Unicode characters).
pub fn render_sarif(diagnostics: &[Diagnostic]) -> String {
    use serde_sarif::sarif;
    let codes: std::collections::BTreeSet<&str> = diagnostics.iter().map(|d| d.code).collect();
    let codes: Vec<&str> = codes.into_iter().collect();
    let rules: Vec<sarif::ReportingDescriptor> = codes
        .iter()
        .map(|code| sarif::ReportingDescriptor::builder().id(*code).build())
        .collect();
    let results: Vec<sarif::Result> = diagnostics
        .iter()
        .map(|d| {
            let region = match end_of(d) {
                Some((end_line, end_column)) => sarif::Region::builder()
                    .start_line(d.line as i64)
                    .start_column(d.column as i64)
                    .end_line(end_line as i64)
                    .end_column(end_column as i64)
                    .build(),
                None => sarif::Region::builder()
                    .start_line(d.line as i64)
                    .start_column(d.column as i64)
                    .build(),
            };
            let location = sarif::Location::builder()
                .physical_location(
                    sarif::PhysicalLocation::builder()
                        .artifact_location(
                            sarif::ArtifactLocation::builder()
                                .uri(
                                    percent_encoding::utf8_percent_encode(&d.file, URI_PATH)
                                        .to_string(),
                                )
                                .build(),
                        )
                        .region(region)
                        .build(),
                )
                .build();
            sarif::Result::builder()
                .rule_id(d.code)
                .rule_index(codes.binary_search(&d.code).unwrap_or(0) as i64)
                .level(match d.severity {
                    Severity::Error => sarif::ResultLevel::Error,
                    Severity::Warning => sarif::ResultLevel::Warning,
                })
                .message(sarif::Message::builder().text(message_with_help(d)).build())
                .locations(vec![location])
                .build()
        })
        .collect();
    let run = sarif::Run::builder()
        .tool(
            sarif::Tool::builder()
                .driver(
                    sarif::ToolComponent::builder()
                        .name("casebook")
                        .version(env!("CARGO_PKG_VERSION"))
                        .rules(rules)
                        .build(),
                )
                .build(),
        )
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .results(results)
        .build();
    let log = sarif::Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// What a relative URI's path may hold unescaped: `/` stays, as do
/// letters, digits and `-._~`; a space or `ø` is percent-encoded.
const URI_PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Orders diagnostics by file, then position, errors before warnings on a tie.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
    });
}

/// The best match for `word` among `candidates`, if one is close enough to
/// be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_output_has_path_line_and_caret() {
        let text = "---\ntitle: x\nthemes: [sykefravar, kompetanse]\n---\n";
        let offset = text.find("sykefravar").expect("present");
        let d = Diagnostic::at(
            Severity::Error,
            "unknown-theme",
            "content/cases/molde.md",
            text,
            offset,
            10,
            "unknown theme `sykefravar`".into(),
        )
        .with_help("did you mean `sykefravaer`?");
        assert_eq!((d.line, d.column), (3, 10));
        let out = render_human(&[d], false);
        assert!(out.contains("--> content/cases/molde.md:3:10"), "{out}");
        assert!(
            out.contains("3 | themes: [sykefravar, kompetanse]"),
            "{out}"
        );
        assert!(out.contains("^^^^^^^^^^"), "{out}");
        assert!(out.contains("help: did you mean `sykefravaer`?"), "{out}");
    }

    #[test]
    fn github_annotations_escape_what_would_end_a_property_or_the_line() {
        let mut d = Diagnostic::file(
            Severity::Warning,
            "odd-name",
            "content/cases/a,b:c%.md",
            "50% done\r\nnext".into(),
        );
        d.help = Some("write `a: b`".into());
        assert_eq!(
            render_github(&[d]),
            "::warning file=content/cases/a%2Cb%3Ac%25.md,line=1,col=1,title=odd-name::\
             50%25 done%0D%0Anext%0Ahelp: write `a: b`\n"
        );
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let known = ["need", "goal", "measures"];
        assert_eq!(did_you_mean("measure", known), Some("measures"));
        assert_eq!(did_you_mean("banana", known), None);
    }
}
