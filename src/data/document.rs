//! A parsed TOML file: its JSON form (for the schema checks and serde) and the source span
//! of every key and value, found by JSON pointer.

use std::ops::Range;

use serde_json::{Map, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A TOML syntax error with its position.
#[derive(Debug)]
pub struct SyntaxError {
    pub message: String,
    pub span: Option<Range<usize>>,
}

/// A TOML document parsed with spans.
#[derive(Debug)]
pub struct Document<'a> {
    root: Spanned<DeTable<'a>>,
}

impl<'a> Document<'a> {
    /// Parses a document; on a syntax error, returns every error the parser could recover from.
    pub fn parse(text: &'a str) -> Result<Self, Vec<SyntaxError>> {
        let (root, errors) = DeTable::parse_recoverable(text);
        if errors.is_empty() {
            Ok(Document { root })
        } else {
            Err(errors
                .into_iter()
                .map(|e| SyntaxError {
                    message: e.message().trim().to_owned(),
                    span: e.span(),
                })
                .collect())
        }
    }

    /// The document as JSON. Dates and times become strings in their TOML form.
    pub fn to_json(&self) -> Value {
        table_to_json(self.root.get_ref())
    }

    /// Span of the value at a JSON pointer (`/assessment/e2ee/status`), or of its nearest
    /// existing ancestor. The root's span is the first line of the file.
    pub fn value_span(&self, pointer: &str) -> Range<usize> {
        self.lookup(pointer).1
    }

    /// Span of the key at a JSON pointer, or of the value when it has no key (array items).
    pub fn key_span(&self, pointer: &str) -> Range<usize> {
        self.lookup(pointer).0
    }

    /// The value at a pointer, if it exists.
    pub fn value(&self, pointer: &str) -> Option<&DeValue<'a>> {
        let mut current: Option<&DeValue<'a>> = None;
        let mut table = Some(self.root.get_ref());
        for token in tokens(pointer) {
            let next = match (table, current) {
                (Some(t), _) => find_key(t, &token).map(|(_, v)| v),
                (None, Some(DeValue::Array(items))) => {
                    token.parse::<usize>().ok().and_then(|i| items.get(i))
                }
                _ => None,
            }?;
            current = Some(next.get_ref());
            table = match next.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            };
        }
        current
    }

    fn lookup(&self, pointer: &str) -> (Range<usize>, Range<usize>) {
        let first_line = 0..0;
        let mut key_span = first_line.clone();
        let mut value_span = first_line;
        let mut node: Option<&DeValue<'a>> = None;
        let mut table = Some(self.root.get_ref());
        for token in tokens(pointer) {
            let found = match (table, node) {
                (Some(t), _) => find_key(t, &token).map(|(k, v)| (k.span(), v)),
                (None, Some(DeValue::Array(items))) => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get(i))
                    .map(|v| (v.span(), v)),
                _ => None,
            };
            let Some((k, v)) = found else { break };
            key_span = k;
            value_span = v.span();
            node = Some(v.get_ref());
            table = match v.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            };
        }
        (key_span, value_span)
    }
}

fn find_key<'t, 'a>(
    table: &'t DeTable<'a>,
    key: &str,
) -> Option<(
    &'t Spanned<std::borrow::Cow<'a, str>>,
    &'t Spanned<DeValue<'a>>,
)> {
    table.iter().find(|(k, _)| k.get_ref().as_ref() == key)
}

/// Splits a JSON pointer into unescaped tokens.
fn tokens(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
}

fn table_to_json(table: &DeTable<'_>) -> Value {
    let mut map = Map::with_capacity(table.len());
    for (k, v) in table.iter() {
        map.insert(k.get_ref().to_string(), value_to_json(v.get_ref()));
    }
    Value::Object(map)
}

fn value_to_json(value: &DeValue<'_>) -> Value {
    match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let digits = digits
                .trim_start_matches("0x")
                .trim_start_matches("0o")
                .trim_start_matches("0b");
            i64::from_str_radix(digits, i.radix())
                .map(Value::from)
                .unwrap_or_else(|_| Value::String(i.as_str().to_owned()))
        }
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(f.as_str().to_owned()), Value::Number),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => {
            Value::Array(items.iter().map(|v| value_to_json(v.get_ref())).collect())
        }
        DeValue::Table(t) => table_to_json(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "name = \"X\"\nadded = 2026-01-02\ntags = [\"a\", \"b\"]\n\n[assessment.e2ee]\nstatus = \"met\"\n";

    #[test]
    fn converts_dates_to_strings_and_keeps_structure() {
        let doc = Document::parse(TEXT).expect("valid toml");
        let json = doc.to_json();
        assert_eq!(json["added"], "2026-01-02");
        assert_eq!(json["assessment"]["e2ee"]["status"], "met");
        assert_eq!(json["tags"][1], "b");
    }

    #[test]
    fn finds_spans_of_nested_values_keys_and_array_items() {
        let doc = Document::parse(TEXT).expect("valid toml");
        assert_eq!(&TEXT[doc.value_span("/assessment/e2ee/status")], "\"met\"");
        assert_eq!(&TEXT[doc.key_span("/assessment/e2ee/status")], "status");
        assert_eq!(&TEXT[doc.value_span("/tags/1")], "\"b\"");
        // A missing leaf falls back to its parent.
        assert_eq!(
            &TEXT[doc.value_span("/assessment/e2ee/status/x")],
            "\"met\""
        );
    }

    #[test]
    fn reports_several_syntax_errors_with_positions() {
        let errors = Document::parse("a = \nb = [1,\n").expect_err("invalid toml");
        assert!(!errors.is_empty());
        assert!(errors.iter().all(|e| e.span.is_some()));
    }
}
