//! What the OpenAPI document says of query parameters that the derive macros cannot say.
//!
//! Found by schemathesis against the served document:
//! - a blank value (`?page=`, `?platform=%09`: empty or white space) counts as absent for
//!   every parameter read through `QueryParams` (forms send empty fields), so those
//!   parameters may also be a blank string (ST201, "Schema-violating request accepted",
//!   `?page=&per_page=`, then `?platform=%09`);
//! - `category` and `criterion` of a search must name a category or criterion of the catalogue
//!   served (400 otherwise), so the document served lists them as an `enum` of the current
//!   catalogue's ids (ST202, "Schema-valid request rejected", `?category=<any string>`);
//! - a reviewer's verdict must name a criterion of the catalogue served (400 otherwise), so
//!   the `criterion` of `VerdictBody` is likewise an `enum` of the criteria's ids.

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{
    AnyOfBuilder, ArrayBuilder, ArrayItems, ObjectBuilder, Schema, SchemaType, Type,
};
use utoipa::openapi::{OpenApi, RefOr};

use crate::catalogue::Snapshot;

/// The operations whose query parameters are read by `QueryParams` (an empty value is absent).
const EMPTY_MEANS_ABSENT: &[&str] = &[
    "/api/v1/search",
    "/api/v1/entries",
    "/api/v1/services/{id}/alternatives",
    "/api/v1/entries/{slug}/history",
];

fn get_mut<'a>(doc: &'a mut OpenApi, path: &str) -> Option<&'a mut Operation> {
    doc.paths.paths.get_mut(path)?.get.as_mut()
}

/// Whether any blank text is already a value of `schema`: a plain string, or a list of them
/// (one blank item). Such parameters are left as they are.
fn admits_empty(schema: &RefOr<Schema>) -> bool {
    let plain_string = |s: &Schema| {
        matches!(s, Schema::Object(o) if o.schema_type == SchemaType::Type(Type::String)
            && o.enum_values.is_none()
            && o.min_length.is_none()
            && o.pattern.is_none())
    };
    match schema {
        RefOr::T(Schema::Array(a)) => {
            matches!(&a.items, ArrayItems::RefOrSchema(item) if matches!(item.as_ref(), RefOr::T(s) if plain_string(s)))
        }
        RefOr::T(s) => plain_string(s),
        RefOr::Ref(_) => false,
    }
}

/// White space as both Rust's `str::trim` (Unicode `White_Space`) and a JSON Schema pattern's
/// `\s` read it: `\s` lacks U+0085 and has U+FEFF, so neither is listed.
const BLANK: &str =
    "^[ \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]*$";

/// Lets each query parameter of [`EMPTY_MEANS_ABSENT`] that a blank text would not satisfy
/// also be blank: `anyOf: [its schema, a blank string]`.
pub fn empty_means_absent(doc: &mut OpenApi) {
    for path in EMPTY_MEANS_ABSENT {
        let Some(op) = get_mut(doc, path) else {
            continue;
        };
        for p in op.parameters.iter_mut().flatten() {
            let RefOr::T(p) = p else { continue };
            if p.parameter_in != ParameterIn::Query {
                continue;
            }
            let Some(schema) = p.schema.take() else {
                continue;
            };
            p.schema = Some(if admits_empty(&schema) || is_blank_or(&schema) {
                schema
            } else {
                let blank = ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(BLANK));
                RefOr::T(AnyOfBuilder::new().item(schema).item(blank).build().into())
            });
        }
    }
}

/// Whether `schema` is already `anyOf: [..., blank]`.
fn is_blank_or(schema: &RefOr<Schema>) -> bool {
    matches!(schema, RefOr::T(Schema::AnyOf(any)) if any.items.iter().any(|i| matches!(i, RefOr::T(Schema::Object(o)) if o.pattern.as_deref() == Some(BLANK))))
}

/// The document with the search's `category` and `criterion` restricted to the ids of the
/// catalogue served now (or blank), and a verdict's `criterion` to the criteria's ids.
pub fn with_catalogue_ids(doc: &OpenApi, snapshot: &Snapshot) -> OpenApi {
    let mut doc = doc.clone();
    let c = &snapshot.catalogue;
    let verdict = doc
        .components
        .as_mut()
        .and_then(|components| components.schemas.get_mut("VerdictBody"));
    if let Some(RefOr::T(Schema::Object(verdict))) = verdict {
        let ids = ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("The id of a criterion of the catalogue"))
            .enum_values(Some(c.criteria.keys().cloned()));
        verdict
            .properties
            .insert("criterion".into(), RefOr::T(ids.build().into()));
    }
    let Some(op) = get_mut(&mut doc, "/api/v1/search") else {
        return doc;
    };
    for p in op.parameters.iter_mut().flatten() {
        let RefOr::T(p) = p else { continue };
        let ids: Vec<&String> = match p.name.as_str() {
            "category" => c.categories.keys().collect(),
            "criterion" => c.criteria.keys().collect(),
            _ => continue,
        };
        let item = ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(ids.into_iter().cloned()));
        p.schema = Some(RefOr::T(ArrayBuilder::new().items(item).build().into()));
    }
    // A blank value is no longer one of the list's values: say again that it is allowed.
    empty_means_absent(&mut doc);
    doc
}
