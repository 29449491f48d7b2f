//! JSON Schemas of the data files, derived from the model types, and the structural check
//! that turns every schema violation into a located diagnostic.

use std::sync::LazyLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use schemars::JsonSchema;
use serde_json::Value;

use super::diagnostic::{Diagnostic, codes};
use super::document::Document;
use super::source::SourceText;
use crate::model::{Category, Criterion, Entry, Service};

/// The kinds of file a data directory holds, each with its own schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Entry,
    Criterion,
    Category,
    Service,
}

/// The JSON Schema of a file kind, as published by `floss-registry schema`.
pub fn schema_of(kind: FileKind) -> Value {
    let (schema, id) = match kind {
        FileKind::Entry => (schema_json::<Entry>(), "entry"),
        FileKind::Criterion => (schema_json::<Criterion>(), "criterion"),
        FileKind::Category => (schema_json::<Category>(), "category"),
        FileKind::Service => (schema_json::<Service>(), "service"),
    };
    let mut schema = schema;
    if let Value::Object(map) = &mut schema {
        map.insert(
            "$id".into(),
            Value::String(format!("https://floss-registry.invalid/schema/{id}.json")),
        );
    }
    schema
}

fn schema_json<T: JsonSchema>() -> Value {
    schemars::schema_for!(T).to_value()
}

struct Compiled {
    schema: Value,
    validator: jsonschema::Validator,
}

fn compile(kind: FileKind) -> Compiled {
    let schema = schema_of(kind);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        // The schemas are generated from our own types: failing here is a bug caught by tests.
        .unwrap_or_else(|e| panic!("generated schema of {kind:?} does not compile: {e}"));
    Compiled { schema, validator }
}

static ENTRY: LazyLock<Compiled> = LazyLock::new(|| compile(FileKind::Entry));
static CRITERION: LazyLock<Compiled> = LazyLock::new(|| compile(FileKind::Criterion));
static CATEGORY: LazyLock<Compiled> = LazyLock::new(|| compile(FileKind::Category));
static SERVICE: LazyLock<Compiled> = LazyLock::new(|| compile(FileKind::Service));

fn compiled(kind: FileKind) -> &'static Compiled {
    match kind {
        FileKind::Entry => &ENTRY,
        FileKind::Criterion => &CRITERION,
        FileKind::Category => &CATEGORY,
        FileKind::Service => &SERVICE,
    }
}

/// Checks a document's structure; returns one diagnostic per violation.
pub fn check_structure(
    kind: FileKind,
    json: &Value,
    doc: &Document<'_>,
    src: &SourceText<'_>,
    file: &str,
) -> Vec<Diagnostic> {
    let compiled = compiled(kind);
    let mut out = Vec::new();
    for error in compiled.validator.iter_errors(json) {
        let pointer = error.instance_path().as_str().to_owned();
        let schema_path = error.schema_path().as_str().to_owned();
        let field = describe(&pointer);
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let known = known_properties(&compiled.schema, &schema_path);
                for name in unexpected {
                    let child = format!("{pointer}/{}", escape(name));
                    let mut d = Diagnostic::error(
                        codes::UNKNOWN_FIELD,
                        file,
                        format!("unknown field `{name}` {}", in_where(&pointer)),
                    )
                    .at(src, doc.key_span(&child));
                    d = d.with_hint(match crate::util::closest(name, known.iter()) {
                        Some(guess) => format!("did you mean `{guess}`?"),
                        None if known.is_empty() => "remove it".to_owned(),
                        None => format!("expected one of: {}", known.join(", ")),
                    });
                    out.push(d);
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let d = if name == "fr" || name == "en" {
                    let language = if name == "fr" { "French" } else { "English" };
                    Diagnostic::error(
                        codes::MISSING_LANGUAGE,
                        file,
                        format!("the {language} text of {field} is missing"),
                    )
                    .with_hint(format!(
                        "every text exists in French and English: add `{name} = \"...\"`"
                    ))
                } else {
                    Diagnostic::error(
                        codes::MISSING_FIELD,
                        file,
                        format!("missing field `{name}` {}", in_where(&pointer)),
                    )
                    .with_hint(format!(
                        "add `{name}`; `floss-registry schema` describes every field"
                    ))
                };
                out.push(d.at(src, header_span(doc, src, &pointer)));
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => t.to_string(),
                    TypeKind::Multiple(ts) => ts
                        .iter()
                        .map(|t| t.to_string())
                        .collect::<Vec<_>>()
                        .join(" or "),
                };
                let found = json_type(error.instance().as_ref());
                let hint = if expected.contains("array") {
                    "write a list in square brackets: `[\"a\", \"b\"]`".to_owned()
                } else if expected.contains("object") {
                    "this must be a table (`[name]` header or `{ ... }`)".to_owned()
                } else if expected.contains("boolean") {
                    "write `true` or `false`, without quotes".to_owned()
                } else {
                    format!("write a {expected}")
                };
                out.push(
                    Diagnostic::error(
                        codes::WRONG_TYPE,
                        file,
                        format!(
                            "{field} must be {} {expected}, found {found}",
                            article(&expected)
                        ),
                    )
                    .at(src, doc.value_span(&pointer))
                    .with_hint(hint),
                );
            }
            ValidationErrorKind::Enum { options } => {
                let options: Vec<String> = options
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                let value = error.instance().as_str().unwrap_or_default();
                out.push(
                    not_allowed(value, &options, &field, file).at(src, doc.value_span(&pointer)),
                );
            }
            // Enums whose variants are documented are `oneOf` string constants: report them
            // like any other list of allowed values, with the closest one as a hint.
            ValidationErrorKind::OneOfNotValid { .. }
                if let (Some(value), Some(options)) = (
                    error.instance().as_str(),
                    string_alternatives(&compiled.schema, &schema_path),
                ) =>
            {
                out.push(
                    not_allowed(value, &options, &field, file).at(src, doc.value_span(&pointer)),
                );
            }
            ValidationErrorKind::Pattern { .. } => {
                let value = error.instance().as_str().unwrap_or_default().to_owned();
                out.push(
                    Diagnostic::error(
                        codes::INVALID_ID,
                        file,
                        format!("`{value}` is not a valid identifier for {field}"),
                    )
                    .at(src, doc.value_span(&pointer))
                    .with_hint("use lower-case ASCII letters and digits in words separated by single hyphens, e.g. `delta-chat`"),
                );
            }
            ValidationErrorKind::Format { format } if format == "date" => {
                let value = error.instance().as_str().unwrap_or_default().to_owned();
                out.push(
                    Diagnostic::error(
                        codes::INVALID_DATE,
                        file,
                        format!("`{value}` is not a valid date for {field}"),
                    )
                    .at(src, doc.value_span(&pointer))
                    .with_hint("write a calendar date as YYYY-MM-DD, e.g. 2026-11-22"),
                );
            }
            ValidationErrorKind::MaxLength { limit } => out.push(
                Diagnostic::error(
                    codes::TEXT_TOO_LONG,
                    file,
                    format!(
                        "{field} has {} characters, over the limit of {limit}",
                        error.instance().as_str().map_or(0, |s| s.chars().count())
                    ),
                )
                .at(src, doc.value_span(&pointer))
                .with_hint("shorten it"),
            ),
            ValidationErrorKind::MinLength { .. } => out.push(
                Diagnostic::error(codes::EMPTY_TEXT, file, format!("{field} is empty"))
                    .at(src, doc.value_span(&pointer))
                    .with_hint("write something, or remove the field if it is optional"),
            ),
            ValidationErrorKind::MaxItems { limit } => out.push(
                Diagnostic::error(
                    codes::TOO_MANY_ITEMS,
                    file,
                    format!("{field} has more than {limit} items"),
                )
                .at(src, doc.value_span(&pointer))
                .with_hint("keep the most relevant ones"),
            ),
            ValidationErrorKind::MinItems { limit } => out.push(
                Diagnostic::error(
                    codes::TOO_FEW_ITEMS,
                    file,
                    format!("{field} needs at least {limit} item(s)"),
                )
                .at(src, doc.value_span(&pointer))
                .with_hint("add at least one value to the list"),
            ),
            _ => out.push(
                Diagnostic::error(codes::INVALID_VALUE, file, format!("{field}: {error}"))
                    .at(src, doc.value_span(&pointer)),
            ),
        }
    }
    out
}

/// A value outside of a list of allowed strings.
fn not_allowed(value: &str, options: &[String], field: &str, file: &str) -> Diagnostic {
    let hint = match crate::util::closest(value, options.iter()) {
        Some(guess) => format!("did you mean `{guess}`? Allowed: {}", options.join(", ")),
        None => format!("allowed values: {}", options.join(", ")),
    };
    Diagnostic::error(
        codes::INVALID_VALUE,
        file,
        format!("`{value}` is not an allowed value for {field}"),
    )
    .with_hint(hint)
}

/// The strings a `oneOf` accepts when every alternative is a string `const` or `enum`.
fn string_alternatives(schema: &Value, schema_path: &str) -> Option<Vec<String>> {
    let mut node = schema;
    for token in schema_path.split('/').skip(1) {
        node = resolve(schema, node);
        if token != "$ref" {
            node = node.get(token)?;
        }
    }
    let mut options = Vec::new();
    for alternative in node.as_array()? {
        let alternative = resolve(schema, alternative);
        match (alternative.get("const"), alternative.get("enum")) {
            (Some(Value::String(c)), _) => options.push(c.clone()),
            (None, Some(Value::Array(values))) => {
                for v in values {
                    options.push(v.as_str()?.to_owned());
                }
            }
            _ => return None,
        }
    }
    Some(options)
}

/// Span used for a missing field: the table header when there is one, else line 1.
fn header_span(doc: &Document<'_>, src: &SourceText<'_>, pointer: &str) -> std::ops::Range<usize> {
    if pointer.is_empty() {
        let first = src.line_range(0);
        return first.start..first.end.max(first.start);
    }
    doc.key_span(pointer)
}

/// The property names a schema object allows, found by following the error's schema path.
fn known_properties(schema: &Value, schema_path: &str) -> Vec<String> {
    let mut node = schema;
    let path = schema_path
        .strip_suffix("/additionalProperties")
        .unwrap_or(schema_path);
    for token in path.split('/').skip(1) {
        node = resolve(schema, node);
        node = match node.get(token) {
            Some(next) => next,
            None => return Vec::new(),
        };
    }
    node = resolve(schema, node);
    node.get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

fn resolve<'s>(root: &'s Value, node: &'s Value) -> &'s Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .unwrap_or(node),
        None => node,
    }
}

fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// A field's name as people write it in TOML: `assessment.e2ee.status`, `categories[2]`.
pub fn describe(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the file".to_owned();
    }
    let mut out = String::new();
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        if token.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(&format!("[{}]", token.parse::<usize>().unwrap_or(0) + 1));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&token);
        }
    }
    format!("`{out}`")
}

fn in_where(pointer: &str) -> String {
    if pointer.is_empty() {
        "at the top level".to_owned()
    } else {
        format!("in {}", describe(pointer))
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_kind_has_a_schema_that_compiles() {
        for kind in [
            FileKind::Entry,
            FileKind::Criterion,
            FileKind::Category,
            FileKind::Service,
        ] {
            assert!(
                compiled(kind).schema.get("properties").is_some(),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn entry_schema_rejects_unknown_fields_and_lists_required_ones() {
        let schema = schema_of(FileKind::Entry);
        assert_eq!(schema["additionalProperties"], Value::Bool(false));
        let required: Vec<&str> = schema["required"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for field in ["slug", "name", "license", "assessment", "review", "summary"] {
            assert!(required.contains(&field), "{field} should be required");
        }
    }

    #[test]
    fn pointers_are_described_as_toml_paths() {
        assert_eq!(
            describe("/assessment/e2ee/status"),
            "`assessment.e2ee.status`"
        );
        assert_eq!(describe("/categories/2"), "`categories[3]`");
        assert_eq!(describe(""), "the file");
    }
}
