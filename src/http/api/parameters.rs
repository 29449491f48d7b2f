//! What the OpenAPI document says of query parameters that the derive macros cannot say.
//!
//! Found by schemathesis against the served document:
//! - an empty value (`?page=`, `?platform=`) counts as absent for every parameter read
//!   through `QueryParams` (forms send empty fields), so those parameters carry
//!   `allowEmptyValue: true` (ST201, "Schema-violating request accepted", `?page=&per_page=`);
//! - `category` and `criterion` of a search must name a category or criterion of the catalogue
//!   served (400 otherwise), so the document served lists them as an `enum` of the current
//!   catalogue's ids (ST202, "Schema-valid request rejected", `?category=<any string>`).

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{ArrayBuilder, ArrayItems, ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::{OpenApi, RefOr};

use crate::catalogue::Snapshot;

/// The operations whose query parameters are read by `QueryParams` (an empty value is absent).
const EMPTY_MEANS_ABSENT: &[&str] = &[
    "/api/v1/search",
    "/api/v1/entries",
    "/api/v1/services/{id}/alternatives",
];

fn get_mut<'a>(doc: &'a mut OpenApi, path: &str) -> Option<&'a mut Operation> {
    doc.paths.paths.get_mut(path)?.get.as_mut()
}

/// Whether the empty text is already a value of `schema`: a plain string, or a list of them
/// (one empty item). Such parameters need no `allowEmptyValue` (and schemathesis, given one,
/// reads a number sent as `?license=1e-9` as "not a string" though it is the text `1e-9`).
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

/// Marks the query parameters of [`EMPTY_MEANS_ABSENT`] that an empty text would not
/// satisfy with `allowEmptyValue: true`.
pub fn empty_means_absent(doc: &mut OpenApi) {
    for path in EMPTY_MEANS_ABSENT {
        let Some(op) = get_mut(doc, path) else {
            continue;
        };
        for p in op.parameters.iter_mut().flatten() {
            if let RefOr::T(p) = p
                && p.parameter_in == ParameterIn::Query
                && !p.schema.as_ref().is_some_and(admits_empty)
            {
                // utoipa has no field for it; extensions are written as the parameter's keys.
                p.extensions
                    .get_or_insert_with(Default::default)
                    .insert("allowEmptyValue".to_owned(), serde_json::Value::Bool(true));
            }
        }
    }
}

/// The document with the search's `category` and `criterion` restricted to the ids of the
/// catalogue served now (`allowEmptyValue` marked again).
pub fn with_catalogue_ids(doc: &OpenApi, snapshot: &Snapshot) -> OpenApi {
    let mut doc = doc.clone();
    let c = &snapshot.catalogue;
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
    // An empty value is no longer one of the list's values: say again that it is allowed.
    empty_means_absent(&mut doc);
    doc
}
