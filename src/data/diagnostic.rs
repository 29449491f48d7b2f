//! Diagnostics: one problem in one data file, located and explained, and their rendering
//! for people (compiler style) and for bots (JSON records).

use std::ops::Range;

use serde::Serialize;

use super::source::{SourceText, floor_char_boundary};

/// How bad a problem is. Errors make the data invalid; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Stable codes, one per check, documented in `registry-data/README.md`.
pub mod codes {
    pub const UNREADABLE: &str = "unreadable";
    pub const EMPTY_FILE: &str = "empty-file";
    pub const FILE_TOO_LARGE: &str = "file-too-large";
    pub const INVALID_UTF8: &str = "invalid-utf8";
    pub const TOML_SYNTAX: &str = "toml-syntax";
    pub const UNKNOWN_FIELD: &str = "unknown-field";
    pub const MISSING_FIELD: &str = "missing-field";
    pub const MISSING_LANGUAGE: &str = "missing-language";
    pub const WRONG_TYPE: &str = "wrong-type";
    pub const INVALID_VALUE: &str = "invalid-value";
    pub const INVALID_ID: &str = "invalid-id";
    pub const INVALID_DATE: &str = "invalid-date";
    pub const FUTURE_DATE: &str = "future-date";
    pub const QUOTED_DATE: &str = "quoted-date";
    pub const EMPTY_TEXT: &str = "empty-text";
    pub const TEXT_TOO_LONG: &str = "text-too-long";
    pub const TOO_MANY_ITEMS: &str = "too-many-items";
    pub const TOO_FEW_ITEMS: &str = "too-few-items";
    pub const DUPLICATE_VALUE: &str = "duplicate-value";
    pub const INVALID_FILE_NAME: &str = "invalid-file-name";
    pub const SLUG_MISMATCH: &str = "slug-mismatch";
    pub const DUPLICATE_SLUG: &str = "duplicate-slug";
    pub const DUPLICATE_NAME: &str = "duplicate-name";
    pub const INVALID_LICENSE: &str = "invalid-license";
    pub const NON_FREE_LICENSE: &str = "non-free-license";
    pub const INVALID_URL: &str = "invalid-url";
    pub const INSECURE_URL: &str = "insecure-url";
    pub const UNKNOWN_CATEGORY: &str = "unknown-category";
    pub const UNKNOWN_SERVICE: &str = "unknown-service";
    pub const UNKNOWN_CRITERION: &str = "unknown-criterion";
    pub const MISSING_ASSESSMENT: &str = "missing-assessment";
    pub const INAPPLICABLE_CRITERION: &str = "inapplicable-criterion";
    pub const MISSING_EVIDENCE: &str = "missing-evidence";
    pub const MISSING_REASON: &str = "missing-reason";
    pub const MISSING_DATE: &str = "missing-date";
    pub const INCOMPLETE_REVIEW: &str = "incomplete-review";
    pub const RAW_HTML: &str = "raw-html";
    pub const MISSING_DIRECTORY: &str = "missing-directory";
    pub const IGNORED_FILE: &str = "ignored-file";
}

/// Where a problem is: one-based line and column (in characters), start and end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// The lines a problem is on, kept so the report can be rendered without the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Excerpt {
    first_line: usize,
    text: String,
    /// Byte range of the problem within `text`.
    span: Range<usize>,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    /// Path relative to the data directory, with `/` separators.
    pub file: String,
    pub location: Option<Location>,
    pub message: String,
    pub hint: Option<String>,
    excerpt: Option<Excerpt>,
}

/// At most this many lines of a multi-line value are shown.
const MAX_EXCERPT_LINES: usize = 4;

impl Diagnostic {
    pub fn error(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.to_owned(),
            location: None,
            message: message.into(),
            hint: None,
            excerpt: None,
        }
    }

    pub fn warning(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Places the problem at a byte range of the file's text.
    pub fn at(mut self, source: &SourceText<'_>, span: Range<usize>) -> Self {
        let text = source.text;
        let start = floor_char_boundary(text, span.start);
        let end = floor_char_boundary(text, span.end.max(start));
        let first = source.line_index(start);
        // A span ending right after a line break belongs to the line before.
        let last = source.line_index(end.saturating_sub(1).max(start));
        self.location = Some(Location {
            line: first + 1,
            column: source.column(start),
            end_line: last + 1,
            end_column: source.column(end),
        });
        let shown_last = last.min(first + MAX_EXCERPT_LINES - 1);
        let excerpt_start = source.line_start(first);
        let excerpt_end = source.line_range(shown_last).end;
        self.excerpt = Some(Excerpt {
            first_line: first + 1,
            text: text[excerpt_start..excerpt_end].to_owned(),
            span: (start - excerpt_start)..(end.min(excerpt_end) - excerpt_start),
        });
        self
    }

    /// The first offending line, as shown to people.
    pub fn source_line(&self) -> Option<&str> {
        self.excerpt.as_ref().and_then(|e| e.text.lines().next())
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (String, usize, usize, &'static str) {
        let (line, column) = self
            .location
            .as_ref()
            .map_or((0, 0), |l| (l.line, l.column));
        (self.file.clone(), line, column, self.code)
    }
}

/// A JSON record of a diagnostic, for bots and CI annotations.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub severity: Severity,
    pub code: &'a str,
    pub file: &'a str,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub message: &'a str,
    pub hint: Option<&'a str>,
    pub source_line: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for Record<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        let loc = d.location.as_ref();
        Record {
            severity: d.severity,
            code: d.code,
            file: &d.file,
            line: loc.map(|l| l.line),
            column: loc.map(|l| l.column),
            end_line: loc.map(|l| l.end_line),
            end_column: loc.map(|l| l.end_column),
            message: &d.message,
            hint: d.hint.as_deref(),
            source_line: d.source_line(),
        }
    }
}

/// Every problem found in a data directory, sorted by file and position.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were checked, for the summary line.
    pub files_checked: usize,
}

impl Report {
    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub fn sort(&mut self) {
        self.diagnostics.sort_by_cached_key(Diagnostic::sort_key);
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    pub fn is_valid(&self) -> bool {
        self.errors() == 0
    }

    /// Renders every diagnostic compiler-style, with colour when `styled`.
    pub fn render_human(&self, styled: bool) -> String {
        use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        for d in &self.diagnostics {
            let level = match d.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let title = level.primary_title(d.message.as_str()).id(d.code);
            let mut group = match &d.excerpt {
                Some(ex) => title.element(
                    Snippet::source(ex.text.as_str())
                        .line_start(ex.first_line)
                        .path(d.file.as_str())
                        .annotation(AnnotationKind::Primary.span(ex.span.clone())),
                ),
                None => title.element(annotate_snippets::Origin::path(d.file.as_str())),
            };
            if let Some(hint) = &d.hint {
                group = group.element(Level::HELP.message(hint.as_str()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        out
    }

    /// One JSON document: `{"valid", "errors", "warnings", "files_checked", "diagnostics": [...]}`.
    pub fn render_json(&self) -> serde_json::Value {
        let records: Vec<Record<'_>> = self.diagnostics.iter().map(Record::from).collect();
        serde_json::json!({
            "valid": self.is_valid(),
            "errors": self.errors(),
            "warnings": self.warnings(),
            "files_checked": self.files_checked,
            "diagnostics": records,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_and_characters_from_one() {
        let text = "a = 1\nname = \"Élément\"\n";
        let src = SourceText::new(text);
        let start = text.find("\"É").unwrap_or_default();
        let d = Diagnostic::error(codes::INVALID_VALUE, "f.toml", "m").at(&src, start..start + 10);
        let loc = d.location.clone().unwrap_or(Location {
            line: 0,
            column: 0,
            end_line: 0,
            end_column: 0,
        });
        assert_eq!((loc.line, loc.column), (2, 8));
        assert_eq!(d.source_line(), Some("name = \"Élément\""));
    }

    #[test]
    fn human_rendering_shows_file_line_code_and_hint() {
        let text = "slug = \"Bad Slug\"\n";
        let d = Diagnostic::error(codes::INVALID_ID, "entries/x.toml", "not a valid slug")
            .at(&SourceText::new(text), 7..17)
            .with_hint("use lower-case words separated by hyphens");
        let report = Report {
            diagnostics: vec![d],
            files_checked: 1,
        };
        let out = report.render_human(false);
        assert!(out.contains("error[invalid-id]: not a valid slug"), "{out}");
        assert!(out.contains("entries/x.toml:1:8"), "{out}");
        assert!(out.contains("slug = \"Bad Slug\""), "{out}");
        assert!(out.contains("use lower-case words"), "{out}");
    }
}
