//! Criteria, categories, services, and the alternatives to a service.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::entries::EntryItem;
use crate::app::App;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::params::truncate;
use crate::model::{Category, Criterion, Service, is_valid_slug};

/// Every criterion, grouped by nothing: each carries its axis and level.
#[utoipa::path(get, path = "/api/v1/criteria", tag = "catalogue",
    responses((status = 200, body = [Criterion])))]
pub async fn criteria(State(app): State<Arc<App>>) -> Json<Vec<Criterion>> {
    Json(
        app.snapshot()
            .catalogue
            .criteria
            .values()
            .cloned()
            .collect(),
    )
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryItem {
    #[serde(flatten)]
    pub category: Category,
    /// How many entries are in this category.
    pub entries: usize,
}

/// Every category, with its number of entries.
#[utoipa::path(get, path = "/api/v1/categories", tag = "catalogue",
    responses((status = 200, body = [CategoryItem])))]
pub async fn categories(State(app): State<Arc<App>>) -> Json<Vec<CategoryItem>> {
    let snapshot = app.snapshot();
    let c = &snapshot.catalogue;
    Json(
        c.categories
            .values()
            .map(|category| CategoryItem {
                entries: c
                    .entries
                    .values()
                    .filter(|e| e.categories.contains(&category.id))
                    .count(),
                category: category.clone(),
            })
            .collect(),
    )
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceItem {
    #[serde(flatten)]
    pub service: Service,
    /// How many entries replace this service.
    pub alternatives: usize,
    /// Address of the list of alternatives in this API.
    pub alternatives_url: String,
}

/// Proprietary services that entries replace.
#[utoipa::path(get, path = "/api/v1/services", tag = "catalogue",
    responses((status = 200, body = [ServiceItem])))]
pub async fn services(State(app): State<Arc<App>>) -> Json<Vec<ServiceItem>> {
    let snapshot = app.snapshot();
    let c = &snapshot.catalogue;
    let base = &app.config.public_url;
    Json(
        c.services
            .values()
            .map(|service| ServiceItem {
                alternatives: c
                    .entries
                    .values()
                    .filter(|e| e.replaces.contains(&service.id))
                    .count(),
                alternatives_url: format!("{base}/api/v1/services/{}/alternatives", service.id),
                service: service.clone(),
            })
            .collect(),
    )
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Alternatives {
    pub service: Service,
    pub total: usize,
    /// Entries that replace the service, best grade first, then by name.
    pub alternatives: Vec<EntryItem>,
}

/// The free alternatives to a proprietary service, best grade first.
#[utoipa::path(
    get,
    path = "/api/v1/services/{id}/alternatives",
    tag = "catalogue",
    params(("id" = String, Path, description = "Service id, e.g. `whatsapp`")),
    responses(
        (status = 200, body = Alternatives),
        (status = 404, description = "No such service", body = ErrorBody)
    )
)]
pub async fn alternatives(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<Alternatives>, ApiError> {
    let snapshot = app.snapshot();
    let c = &snapshot.catalogue;
    let service = is_valid_slug(&id)
        .then(|| c.services.get(&id))
        .flatten()
        .ok_or_else(|| {
            let hint = crate::util::closest(&id, c.services.keys())
                .map(|g| format!(" Did you mean `{g}`?"))
                .unwrap_or_default();
            ApiError::NotFound(format!(
                "no service with id `{}`; see /api/v1/services.{hint}",
                truncate(&id, 64)
            ))
        })?;
    let base = &app.config.public_url;
    let mut items: Vec<EntryItem> = c
        .entries
        .values()
        .filter(|e| e.replaces.contains(&service.id))
        .map(|e| EntryItem::new(e, &snapshot, base))
        .collect();
    items.sort_by(|a, b| {
        a.grade
            .cmp(&b.grade)
            .then(b.score.total_cmp(&a.score))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(Json(Alternatives {
        service: service.clone(),
        total: items.len(),
        alternatives: items,
    }))
}
