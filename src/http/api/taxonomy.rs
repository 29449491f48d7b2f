//! Criteria, categories, services, and the alternatives to a service.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::entries::EntryItem;
use crate::app::App;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::params::{QueryParams, truncate};
use crate::model::{Category, Criterion, Platform, Service, is_valid_slug};

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
    /// The platform asked for (`?platform=`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// How many alternatives are listed (those on `platform` when one was asked for).
    pub total: usize,
    /// Alternatives left out because they do not run on `platform`.
    pub other_platforms: usize,
    /// Entries that replace the service, best grade first; an established grade before a
    /// provisional one of the same letter; then by score and name.
    pub alternatives: Vec<EntryItem>,
}

/// The free alternatives to a proprietary service, best grade first.
#[utoipa::path(
    get,
    path = "/api/v1/services/{id}/alternatives",
    tag = "catalogue",
    params(
        ("id" = String, Path, description = "Service id, e.g. `whatsapp`"),
        ("platform" = Option<Platform>, Query, description = "Only alternatives that run on this platform, e.g. `ios`")
    ),
    responses(
        (status = 200, body = Alternatives),
        (status = 400, description = "Unknown platform or parameter", body = ErrorBody),
        (status = 404, description = "No such service", body = ErrorBody),
        (status = 414, description = "Query string too long", body = ErrorBody)
    )
)]
pub async fn alternatives(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    mut params: QueryParams,
) -> Result<Json<Alternatives>, ApiError> {
    let platform = params.take_platform()?;
    params.finish(&["platform"])?;
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
    let items: Vec<EntryItem> = snapshot
        .alternatives(&service.id, platform)
        .into_iter()
        .map(|e| EntryItem::new(e, &snapshot, base))
        .collect();
    let all = snapshot.alternatives(&service.id, None).len();
    Ok(Json(Alternatives {
        service: service.clone(),
        platform,
        total: items.len(),
        other_platforms: all - items.len(),
        alternatives: items,
    }))
}
