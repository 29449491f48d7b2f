//! The HTTP layer: one router per resource merged here, shared middleware, and the server
//! loop with graceful shutdown. Handlers are thin: extract, call the library, map the result.

pub mod api;
pub mod auth;
pub mod error;
pub mod failure;
pub mod metrics;
pub mod middleware;
pub mod params;
pub mod session;
pub mod web;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Method, StatusCode};
use axum::response::IntoResponse;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;

use crate::app::App;
use error::ApiError;

/// Largest request body accepted (the read API takes none; forms and submissions later).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// The whole application router.
pub fn router(app: Arc<App>) -> Router {
    let (api, _openapi) = api::router(Arc::clone(&app));
    Router::new()
        .merge(api)
        .merge(auth::router(Arc::clone(&app)))
        .merge(web::router(Arc::clone(&app)))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            middleware::observe,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            middleware::timeout,
        ))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(CompressionLayer::new())
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                ApiError::internal("a request handler panicked").into_response()
            },
        ))
}

async fn not_found(
    method: Method,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    if method != Method::GET && method != Method::HEAD {
        return method_not_allowed(method).await;
    }
    // Outside the API, a person with a browser is the likely caller: a translated page.
    if uri.path() != "/api" && !uri.path().starts_with("/api/") {
        return web::error::stray_not_found(&headers);
    }
    ApiError::NotFound("nothing at this address; see /api/v1/openapi.json for the API".into())
        .into_response()
}

async fn method_not_allowed(method: Method) -> axum::response::Response {
    (
        StatusCode::METHOD_NOT_ALLOWED,
        axum::Json(error::ErrorBody {
            error: error::ErrorDetail {
                code: "method-not-allowed".into(),
                message: format!("{method} is not allowed at this address"),
                diagnostics: None,
            },
        }),
    )
        .into_response()
}

/// Serves until SIGINT or SIGTERM, then lets running requests finish.
pub async fn serve(app: Arc<App>) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(app.config.bind).await?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, "listening on http://{addr}");
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing running requests");
}
