//! Cross-cutting HTTP behaviour: security headers, caching (ETag / Cache-Control), request
//! timeouts, and logs + metrics that never hold personal data (no IP, no query string).

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::error::ApiError;
use crate::app::App;

/// The Content-Security-Policy of every answer that does not set its own: the API's JSON and
/// its HTML documentation (`/api/docs`). No script at all; `connect-src 'self'` for the same
/// reason as the pages' (`http::web::PAGE_CSP`): tools that fetch `robots.txt` from inside a
/// page, like Lighthouse, can, and nothing can reach another origin.
pub const API_CSP: &str = "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Headers every response carries.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        if !h.contains_key(&name) {
            h.insert(name, HeaderValue::from_static(value));
        }
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::CONTENT_SECURITY_POLICY, API_CSP);
    set(
        h,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()",
    );
    set(
        h,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    res
}

/// Logs one line per request (method, route template, status, duration) and records metrics.
pub async fn observe(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let res = next.run(req).await;
    let elapsed = started.elapsed();
    let status = res.status().as_u16();
    app.metrics
        .requests
        .get_or_create(&super::metrics::RequestLabels {
            method: method.to_string(),
            route: route.clone(),
            status,
        })
        .inc();
    app.metrics
        .latency
        .get_or_create(&super::metrics::RouteLabels {
            route: route.clone(),
        })
        .observe(elapsed.as_secs_f64());
    tracing::info!(%method, %route, status, micros = elapsed.as_micros() as u64, "request");
    res
}

/// Answers 503 when a request takes longer than the configured timeout.
pub async fn timeout(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(app.config.request_timeout, next.run(req)).await {
        Ok(res) => res,
        Err(_) => ApiError::Unavailable("the server (the request took too long)").into_response(),
    }
}

/// The ETag of an answer made from `parts` (each one length-prefixed, so no two lists of
/// parts run together into the same bytes): a weak tag, since compression changes the bytes
/// sent, of the first 96 bits of their SHA-256. The one recipe of every ETag the server sends.
pub fn etag_of(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    let digest = hasher.finalize();
    format!("W/\"{}\"", hex::encode(&digest[..12]))
}

/// Whether an `If-None-Match` header names `etag` (or is `*`).
pub fn none_match(if_none_match: Option<&HeaderValue>, etag: &str) -> bool {
    if_none_match
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
}

/// A `304 Not Modified` carrying the validators and caching headers the full answer would
/// (`ETag`, `Cache-Control`, `Vary`), taken from `headers`.
pub fn not_modified(headers: &HeaderMap) -> Response {
    let mut res = StatusCode::NOT_MODIFIED.into_response();
    for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
        if let Some(v) = headers.get(&name) {
            res.headers_mut().insert(name, v.clone());
        }
    }
    res
}

/// ETag and Cache-Control for read endpoints: the answer depends only on the catalogue
/// snapshot and the URL, so the tag is a hash of both, and `If-None-Match` gets a 304.
pub async fn cache(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return next.run(req).await;
    }
    let snapshot = app.snapshot();
    let etag = etag_of(&[
        snapshot.fingerprint.as_bytes(),
        &app.index().generation().to_le_bytes(),
        req.uri().to_string().as_bytes(),
    ]);
    let mut caching = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        caching.insert(header::ETAG, v);
    }
    caching.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    caching.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if none_match(req.headers().get(header::IF_NONE_MATCH), &etag) {
        return not_modified(&caching);
    }
    let mut res = next.run(req).await;
    if res.status().is_success() {
        let h = res.headers_mut();
        for (name, value) in &caching {
            h.insert(name, value.clone());
        }
    }
    res
}

/// ETag and Cache-Control for public pages that read the database as well as the catalogue
/// (`/{lang}/decisions`): the snapshot does not change with a rejection, so the tag is a hash
/// of the page itself. The page is rendered for every request; a `304` saves the transfer.
/// A response that sets its own Cache-Control (`no-store` when the database was down) is left
/// as it is.
pub async fn cache_by_content(req: Request, next: Next) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return next.run(req).await;
    }
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.run(req).await;
    if res.status() != StatusCode::OK || res.headers().contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return ApiError::internal("a page body could not be read").into_response();
    };
    let etag = etag_of(&[&bytes]);
    let h = &mut parts.headers;
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if none_match(if_none_match.as_ref(), &etag) {
        return not_modified(&parts.headers);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// For answers nobody may keep: endpoints whose answer changes all the time (health,
/// metrics) and the pages of a session (they show a person's data and carry their CSRF
/// token). Any ETag is dropped with the cache.
pub async fn no_store(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.remove(header::ETAG);
    res
}
