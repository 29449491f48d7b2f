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
    let limits = ConnectionLimits::of(&app.config);
    serve_on(listener, router(app), limits, shutdown_signal()).await;
    Ok(())
}

/// What one client may hold of the server: how long it may take to send a request's
/// headers (then its connection is closed), and how many connections are served at once
/// (further ones wait in the listen queue until one closes).
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    pub header_read_timeout: std::time::Duration,
    pub max_connections: usize,
}

impl ConnectionLimits {
    pub fn of(config: &crate::config::Config) -> ConnectionLimits {
        ConnectionLimits {
            header_read_timeout: config.header_read_timeout,
            max_connections: config.max_connections,
        }
    }
}

/// The server loop (`axum::serve` has no header-read timeout): accepts while fewer than
/// `limits.max_connections` are open, serves each with hyper's header-read timeout, and
/// when `shutdown` completes stops accepting, lets running requests finish and returns
/// once every connection is closed.
pub async fn serve_on(
    mut listener: tokio::net::TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) {
    use axum::serve::Listener;
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto;
    use hyper_util::service::TowerToHyperService;

    let max = limits.max_connections.clamp(1, MAX_CONNECTIONS_LIMIT);
    let slots = Arc::new(tokio::sync::Semaphore::new(max));
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    let (closing, _) = tokio::sync::watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, _) = tokio::select! {
            accepted = Listener::accept(&mut listener) => accepted,
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let builder = builder.clone();
        let service = TowerToHyperService::new(router.clone());
        let mut closing = closing.subscribe();
        tokio::spawn(async move {
            let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                result = conn.as_mut() => {
                    if let Err(e) = result {
                        tracing::debug!(error = %crate::util::escaped(&e), "connection ended");
                    }
                }
                () = async { drop(closing.wait_for(|c| *c).await) } => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
            drop(slot);
        });
    }
    drop(listener);
    closing.send_replace(true);
    // Every connection holds a slot until it is closed: all slots back means all closed.
    let all = u32::try_from(max).unwrap_or(u32::MAX);
    let _ = slots.acquire_many(all).await;
}

/// Largest accepted `max_connections`.
pub const MAX_CONNECTIONS_LIMIT: usize = 1_000_000;

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
