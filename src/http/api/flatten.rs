//! Closed objects through `#[serde(flatten)]`.
//!
//! utoipa describes a struct with a flattened field as `allOf: [{$ref: Inner}, {extra
//! properties}]`. When `Inner` is closed (`additionalProperties: false`, from
//! `#[serde(deny_unknown_fields)]` on the model types), no value can satisfy that `allOf`:
//! `Inner` forbids the extra properties the other half requires. Every answer of such an
//! operation then violated its own schema (schemathesis ST108, "Additional properties are
//! not allowed ('entries' was unexpected)" on `GET /api/v1/categories`). This pass rewrites
//! each such component into the one closed object that is actually sent: the properties and
//! required names of both halves, nothing else allowed.

use utoipa::openapi::schema::{AdditionalProperties, Object, Schema};
use utoipa::openapi::{OpenApi, RefOr};

const PREFIX: &str = "#/components/schemas/";

/// The closed object schema named by `reference`, if it is one.
fn closed_object<'a>(doc: &'a OpenApi, reference: &str) -> Option<&'a Object> {
    let name = reference.strip_prefix(PREFIX)?;
    match doc.components.as_ref()?.schemas.get(name)? {
        RefOr::T(Schema::Object(o)) if is_closed(o) => Some(o),
        _ => None,
    }
}

fn is_closed(o: &Object) -> bool {
    matches!(
        o.additional_properties.as_deref(),
        Some(AdditionalProperties::FreeForm(false))
    )
}

/// The merged closed object for `items`, when one of them is a closed object and every
/// other is a plain object (properties only) or a reference to one.
fn merged(doc: &OpenApi, items: &[RefOr<Schema>]) -> Option<Object> {
    let mut parts = Vec::new();
    for item in items {
        match item {
            RefOr::Ref(r) => parts.push(closed_object(doc, &r.ref_location)?),
            RefOr::T(Schema::Object(o)) => parts.push(o),
            RefOr::T(_) => return None,
        }
    }
    if !parts.iter().any(|o| is_closed(o)) {
        return None;
    }
    let mut out = Object::new();
    for part in parts {
        for (name, schema) in &part.properties {
            out.properties.insert(name.clone(), schema.clone());
        }
        for name in &part.required {
            if !out.required.contains(name) {
                out.required.push(name.clone());
            }
        }
    }
    out.schema_type = utoipa::openapi::schema::SchemaType::Type(utoipa::openapi::Type::Object);
    out.additional_properties = Some(Box::new(AdditionalProperties::FreeForm(false)));
    Some(out)
}

/// Rewrites every `allOf` component that flattens a closed object into one closed object.
pub fn close_flattened(doc: &mut OpenApi) {
    let Some(components) = doc.components.as_ref() else {
        return;
    };
    let mut rewritten = Vec::new();
    for (name, schema) in &components.schemas {
        if let RefOr::T(Schema::AllOf(all)) = schema
            && let Some(mut object) = merged(doc, &all.items)
        {
            object.description.clone_from(&all.description);
            rewritten.push((name.clone(), object));
        }
    }
    if let Some(components) = doc.components.as_mut() {
        for (name, object) in rewritten {
            components
                .schemas
                .insert(name, RefOr::T(Schema::Object(object)));
        }
    }
}
