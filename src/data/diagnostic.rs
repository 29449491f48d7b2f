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
    pub const SYMLINK: &str = "symlink";
    pub const TOO_MANY_PROBLEMS: &str = "too-many-problems";
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

/// Longest excerpt line kept, in characters: a longer line is cut to this many characters
/// around the problem, with `…` marking each end where text was left out. Locations keep
/// the columns of the whole line.
pub const MAX_LINE_CHARS: usize = 120;

/// Most problems reported for one file: the rest are counted in one last diagnostic,
/// [`codes::TOO_MANY_PROBLEMS`].
pub const MAX_PER_FILE: usize = 50;

/// The cut marker of an elided line.
const ELLIPSIS: char = '…';

/// One line as shown: the whole line, or a window of [`MAX_LINE_CHARS`] characters of it.
struct Cut<'a> {
    line: &'a str,
    /// Byte range of the line that is kept.
    kept: Range<usize>,
}

impl<'a> Cut<'a> {
    /// Cuts `line` around the byte offset `focus` (a third of the window before it).
    fn new(line: &'a str, focus: usize) -> Self {
        let chars = line.chars().count();
        if chars <= MAX_LINE_CHARS {
            return Cut {
                line,
                kept: 0..line.len(),
            };
        }
        let focus_char = line[..floor_char_boundary(line, focus)].chars().count();
        let first = focus_char
            .saturating_sub(MAX_LINE_CHARS / 3)
            .min(chars - MAX_LINE_CHARS);
        let byte_of = |n: usize| line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
        Cut {
            line,
            kept: byte_of(first)..byte_of(first + MAX_LINE_CHARS),
        }
    }

    fn cut_before(&self) -> bool {
        self.kept.start > 0
    }

    fn text(&self) -> String {
        let mut text = String::with_capacity(self.kept.len() + 2 * ELLIPSIS.len_utf8());
        if self.cut_before() {
            text.push(ELLIPSIS);
        }
        text.push_str(&self.line[self.kept.clone()]);
        if self.kept.end < self.line.len() {
            text.push(ELLIPSIS);
        }
        text
    }

    /// Where a byte offset of the line is in [`Cut::text`] (clamped to the kept part).
    fn map(&self, offset: usize) -> usize {
        let prefix = if self.cut_before() {
            ELLIPSIS.len_utf8()
        } else {
            0
        };
        offset.clamp(self.kept.start, self.kept.end) - self.kept.start + prefix
    }
}

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
        // Each line shown is cut to at most MAX_LINE_CHARS characters: the first around the
        // start of the problem, the others from their start (the problem goes on there).
        let mut shown = String::new();
        let mut span = 0..0;
        for index in first..=shown_last {
            let range = source.line_range(index);
            let line = &text[range.clone()];
            let focus = if index == first {
                start - range.start
            } else {
                0
            };
            let cut = Cut::new(line, focus);
            if index > first {
                shown.push('\n');
            }
            let base = shown.len();
            if index == first {
                span.start = base + cut.map(start - range.start);
            }
            if index == last {
                span.end = base + cut.map(end.saturating_sub(range.start));
            }
            shown.push_str(&cut.text());
        }
        if last > shown_last {
            span.end = shown.len();
        }
        span.end = span.end.max(span.start);
        self.excerpt = Some(Excerpt {
            first_line: first + 1,
            text: shown,
            span,
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

    /// By file, then position; a file's [`codes::TOO_MANY_PROBLEMS`] comes last in it.
    fn sort_key(&self) -> (String, bool, usize, usize, &'static str) {
        let (line, column) = self
            .location
            .as_ref()
            .map_or((0, 0), |l| (l.line, l.column));
        let overflow = self.code == codes::TOO_MANY_PROBLEMS;
        (self.file.clone(), overflow, line, column, self.code)
    }
}

/// Keeps the first [`MAX_PER_FILE`] problems of one file (by position), and counts the rest in
/// one last diagnostic: an error when any of them is an error.
pub fn cap_per_file(mut diagnostics: Vec<Diagnostic>, file: &str) -> Vec<Diagnostic> {
    if diagnostics.len() <= MAX_PER_FILE {
        return diagnostics;
    }
    diagnostics.sort_by_cached_key(Diagnostic::sort_key);
    let dropped = diagnostics.split_off(MAX_PER_FILE);
    let message = format!(
        "{} more problems in this file (only the first {MAX_PER_FILE} are shown)",
        dropped.len()
    );
    let more = if dropped.iter().any(Diagnostic::is_error) {
        Diagnostic::error(codes::TOO_MANY_PROBLEMS, file, message)
    } else {
        Diagnostic::warning(codes::TOO_MANY_PROBLEMS, file, message)
    };
    diagnostics.push(more.with_hint("fix the problems shown, then validate again to see the rest"));
    diagnostics
}

/// The renderer computes the column of its `file:line:column` line from the excerpt it is
/// given; for a line cut on the left that column is the excerpt's, so it is put back to the
/// column in the whole line.
fn with_true_column(rendered: String, d: &Diagnostic) -> String {
    let (Some(ex), Some(loc)) = (&d.excerpt, &d.location) else {
        return rendered;
    };
    let before = &ex.text[..floor_char_boundary(&ex.text, ex.span.start)];
    let shown_column = before.chars().count() + 1;
    if shown_column == loc.column {
        return rendered;
    }
    let shown = format!("{}:{}:{shown_column}", d.file, loc.line);
    let truth = format!("{}:{}:{}", d.file, loc.line, loc.column);
    rendered.replacen(&shown, &truth, 1)
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
            let rendered = renderer.render(&[group]);
            out.push_str(&with_true_column(rendered, d));
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

    fn report_of(d: Diagnostic) -> Report {
        Report {
            diagnostics: vec![d],
            files_checked: 1,
        }
    }

    #[test]
    fn a_long_line_is_cut_around_the_problem_and_keeps_its_true_column() {
        // A problem at character 3,001 of a 6,000-character line, after multi-byte letters.
        let line = format!("{}X{}", "é".repeat(3_000), "é".repeat(2_999));
        let text = format!("a = 1\n{line}\nb = 2\n");
        let start = text.find('X').unwrap_or_default();
        let d = Diagnostic::error(codes::TOML_SYNTAX, "e.toml", "m")
            .at(&SourceText::new(&text), start..start + 1);
        let loc = d.location.clone().map(|l| (l.line, l.column, l.end_column));
        assert_eq!(loc, Some((2, 3_001, 3_002)));
        let shown = d.source_line().unwrap_or_default();
        assert_eq!(shown.chars().count(), MAX_LINE_CHARS + 2, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains('X'), "{shown}");
        let out = report_of(d).render_human(false);
        assert!(out.contains("--> e.toml:2:3001"), "{out}");
        let lines: Vec<&str> = out.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("2 |"))
            .unwrap_or_default();
        let caret = lines[at + 1].find('^').unwrap_or_default();
        assert_eq!(lines[at].chars().nth(caret), Some('X'), "{out}");
    }

    #[test]
    fn a_problem_near_either_end_of_a_long_line_is_cut_on_one_side_only() {
        let text = "x".repeat(1_000);
        let src = SourceText::new(&text);
        let head = Diagnostic::error(codes::TOML_SYNTAX, "e.toml", "m").at(&src, 2..3);
        let shown = head.source_line().unwrap_or_default();
        assert!(!shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        let tail = Diagnostic::error(codes::TOML_SYNTAX, "e.toml", "m").at(&src, 999..1_000);
        let shown = tail.source_line().unwrap_or_default();
        assert!(shown.starts_with('…') && !shown.ends_with('…'), "{shown}");
        assert!(
            report_of(tail)
                .render_human(false)
                .contains("e.toml:1:1000")
        );
        // A span running past a cut ends at the cut.
        let all = Diagnostic::error(codes::TOML_SYNTAX, "e.toml", "m").at(&src, 0..1_000);
        let ex = all.excerpt.clone().map(|e| (e.span, e.text.len()));
        assert_eq!(
            ex,
            Some((0..MAX_LINE_CHARS, MAX_LINE_CHARS + '…'.len_utf8()))
        );
    }

    #[test]
    fn problems_over_the_limit_are_counted_in_one_last_diagnostic() {
        let text = "a\n".repeat(80);
        let src = SourceText::new(&text);
        let many: Vec<Diagnostic> = (0..80)
            .rev()
            .map(|i| {
                Diagnostic::error(codes::TOML_SYNTAX, "e.toml", "m").at(&src, 2 * i..2 * i + 1)
            })
            .collect();
        let capped = cap_per_file(many, "e.toml");
        assert_eq!(capped.len(), MAX_PER_FILE + 1);
        assert_eq!(capped[0].location.as_ref().map(|l| l.line), Some(1));
        let last = capped
            .last()
            .map(|d| (d.code, d.is_error(), d.message.clone()));
        assert_eq!(
            last,
            Some((
                codes::TOO_MANY_PROBLEMS,
                true,
                "30 more problems in this file (only the first 50 are shown)".to_owned()
            ))
        );
        let mut report = Report {
            diagnostics: capped,
            files_checked: 1,
        };
        report.sort();
        assert_eq!(
            report.diagnostics.last().map(|d| d.code),
            Some(codes::TOO_MANY_PROBLEMS)
        );
    }
}
