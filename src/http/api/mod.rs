//! The JSON API (`/api/v1/...`), its OpenAPI document generated from the handlers, and a
//! self-hosted documentation page rendered from that document (no CDN, no script).

mod account;
mod docs;
mod entries;
mod export;
mod flatten;
mod guard;
mod health;
mod parameters;
mod reviews;
mod rights;
pub mod search;
pub mod submissions;
mod taxonomy;

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::Method;
use tower_http::cors::{Any, CorsLayer};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::middleware;
use crate::app::App;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "floss-registry API",
        description = "Free/open-source software assessed against privacy-by-design criteria. Read-only, no key, CORS open. Data under CC BY-SA 4.0.",
        license(name = "Data: CC BY-SA 4.0; code: AGPL-3.0-or-later", identifier = "CC-BY-SA-4.0")
    ),
    tags(
        (name = "search", description = "Full-text search with facets"),
        (name = "catalogue", description = "Entries, criteria, categories, services"),
        (name = "export", description = "The whole catalogue in one file"),
        (name = "operations", description = "Health and metrics"),
        (name = "observatory", description = "The rights-request observatory: aggregates of people's reports on how services answered their GDPR requests (published only above a threshold of different accounts; CC BY-SA 4.0), and one's own reports"),
        (name = "workflow", description = "Submissions, reviews and decisions; writing needs a session and its CSRF token")
    )
)]
struct ApiDoc;

/// The API router and its OpenAPI document.
pub fn router(app: Arc<App>) -> (Router, utoipa::openapi::OpenApi) {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .max_age(std::time::Duration::from_secs(86400));
    let (read, mut openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(search::search))
        .routes(routes!(entries::list))
        .routes(routes!(entries::one))
        .routes(routes!(entries::history))
        .routes(routes!(taxonomy::criteria))
        .routes(routes!(taxonomy::categories))
        .routes(routes!(taxonomy::services))
        .routes(routes!(taxonomy::alternatives))
        .routes(routes!(export::json))
        .routes(routes!(export::csv))
        .split_for_parts();
    let (ops, ops_api) = OpenApiRouter::new()
        .routes(routes!(health::healthz))
        .routes(routes!(health::metrics))
        .split_for_parts();
    openapi.merge(ops_api);
    // Public, but read from the database: tagged by content, not by catalogue.
    let (observed, observed_api) = OpenApiRouter::new()
        .routes(routes!(rights::of_service))
        .routes(routes!(rights::observatory))
        .routes(routes!(rights::observatory_csv))
        .split_for_parts();
    openapi.merge(observed_api);
    let (flow, flow_api) = OpenApiRouter::new()
        .routes(routes!(submissions::create, submissions::mine))
        .routes(routes!(submissions::one, submissions::update))
        .routes(routes!(submissions::comment))
        .routes(routes!(reviews::decide))
        .routes(routes!(reviews::queue))
        .routes(routes!(reviews::decisions))
        .routes(routes!(account::me, account::delete_me))
        .routes(routes!(account::export))
        .routes(routes!(account::tokens, account::make_token))
        .routes(routes!(account::revoke_token))
        .routes(routes!(rights::mine, rights::create))
        .routes(routes!(rights::update, rights::delete))
        .routes(routes!(rights::flagged))
        .routes(routes!(rights::hide))
        .split_for_parts();
    openapi.merge(flow_api);
    openapi.paths.paths.insert(
        "/api/v1/openapi.json".into(),
        utoipa::openapi::path::PathItem::new(
            utoipa::openapi::HttpMethod::Get,
            utoipa::openapi::path::OperationBuilder::new()
                .summary(Some("This OpenAPI document"))
                .tag("operations")
                .response(
                    "200",
                    utoipa::openapi::Response::new("OpenAPI 3.1 document"),
                ),
        ),
    );
    flatten::close_flattened(&mut openapi);
    parameters::empty_means_absent(&mut openapi);
    let document = Arc::new(openapi.clone());
    let doc_json = Arc::clone(&document);
    let doc_html = Arc::clone(&document);
    let read = read
        .route(
            "/api/v1/openapi.json",
            axum::routing::get(move |State(app): State<Arc<App>>| {
                let doc = Arc::clone(&doc_json);
                async move { axum::Json(parameters::with_catalogue_ids(&doc, &app.snapshot())) }
            }),
        )
        .route(
            "/api/docs",
            axum::routing::get(move || {
                let doc = Arc::clone(&doc_html);
                async move { docs::page(&doc) }
            }),
        )
        .route("/api/docs.css", axum::routing::get(docs::stylesheet))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            middleware::cache,
        ))
        .layer(
            cors.clone()
                .allow_headers([axum::http::header::IF_NONE_MATCH])
                .expose_headers([axum::http::header::ETAG]),
        )
        .with_state(Arc::clone(&app));
    let observed = observed
        .layer(axum::middleware::from_fn(middleware::cache_by_content))
        .layer(
            cors.clone()
                .allow_headers([axum::http::header::IF_NONE_MATCH])
                .expose_headers([axum::http::header::ETAG]),
        )
        .with_state(Arc::clone(&app));
    let ops = ops
        .layer(axum::middleware::from_fn(middleware::no_store))
        .layer(cors)
        .with_state(Arc::clone(&app));
    // Personal and changing: never cached, and no CORS (a session cookie is involved).
    let flow = flow
        .layer(axum::middleware::from_fn(middleware::no_store))
        .with_state(app);
    (read.merge(observed).merge(ops).merge(flow), openapi)
}
