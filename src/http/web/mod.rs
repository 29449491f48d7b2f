//! The web site: server-rendered pages under `/fr/` and `/en/`, plus the site's feeds and
//! files (`/badges/{slug}.svg`, `/feed.atom`, `/opensearch.xml`, `/sitemap.xml`,
//! `/robots.txt`, `/static/...`).
//!
//! What it owns: turning the catalogue snapshot, search results and the review workflow into
//! HTML. What it must not do: decide anything about the catalogue (grades come from `model`,
//! results from `search`, the workflow's rules from `workflow`), set a cookie (only the login
//! routes of `http::auth` do, and account deletion clears it), load anything from another
//! origin, or need JavaScript.
//!
//! Pages are askama templates (one typed struct per page, checked at compile time), all
//! interface text comes from Fluent (`i18n/`), and every HTML answer carries a strict
//! Content-Security-Policy: no inline script or style anywhere.

pub mod assets;
pub mod badge;
pub mod changes;
pub mod charts;
pub mod context;
pub mod error;
pub mod feeds;
pub mod i18n;
pub mod markdown;
pub mod pages;
pub mod private;
pub mod query;
pub mod view;

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use tower_http::catch_panic::CatchPanicLayer;

use crate::app::App;
use crate::model::Lang;

/// The policy of every HTML page: nothing inline, nothing from elsewhere.
///
/// `connect-src 'self'` is deliberate (without it, `default-src 'none'` forbids every
/// connection). It costs nothing: the site sends no script at all (`static/` holds a
/// stylesheet and an icon; no template has a `<script>`), and `connect-src` only governs
/// what a script may fetch (`fetch`, XHR, WebSocket, EventSource, beacons) and `<a ping>`,
/// which the pages do not use either; even a script that ran could reach nothing but this
/// origin, which forms already reach (`form-action 'self'`). What it buys: tools that fetch
/// from inside the page see the site as a browser would. Lighthouse downloads `robots.txt`
/// that way and, refused, reports it "unable to download" and logs a CSP violation in the
/// best-practices audit (GoogleChrome/lighthouse#4386). Pinned by a test in `tests/web.rs`;
/// the API's policy (`middleware::API_CSP`) makes the same choice.
pub const PAGE_CSP: &str = "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The web router: pages in both languages, and the site's files.
pub fn router(app: Arc<App>) -> Router {
    let pages = Lang::ALL
        .into_iter()
        .fold(Router::new(), |r, lang| r.merge(lang_router(lang, &app)));
    // Feeds change with the catalogue: ETag and a short cache. Static files and badges set
    // their own caching (a year for hashed names; a day for badges, with their own ETag), so
    // they come after.
    Router::new()
        .route("/", get(root))
        .route("/feed.atom", get(feeds::atom))
        .route("/opensearch.xml", get(feeds::opensearch))
        .route("/sitemap.xml", get(feeds::sitemap))
        .route("/robots.txt", get(feeds::robots))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            crate::http::middleware::cache,
        ))
        .route("/static/{file}", get(assets::serve))
        .route("/badges/{file}", get(badge::serve))
        .merge(pages)
        .with_state(app)
}

/// The pages of one language, under `/{lang}/`, in three groups by how they may be cached:
///
/// - public pages, the same for everyone and made from the catalogue snapshot alone: an ETag
///   of the snapshot and the URL, and `public, max-age=300` (`middleware::cache`); the login
///   page is one of them (it does not know who is asking);
/// - the record of decisions, and the pages that show the rights observatory's aggregates
///   (a service's alternatives, the observatory), the same for everyone but read from the
///   database too: an ETag of the page itself (`middleware::cache_by_content`);
/// - the pages of a session (submitting, reviewing, one's account and rights reports,
///   administration): `no-store`
///   and no ETag (`middleware::no_store`). They are kept out of `cache`, whose `304` answers
///   before the handler runs, rather than having `cache` skip them afterwards.
fn lang_router(lang: Lang, app: &Arc<App>) -> Router<Arc<App>> {
    use pages::*;
    let at = |path: &str| format!("/{}{path}", lang.code());
    let home_path = at("/");
    let public = Router::new()
        .route(&at("/"), get(home::page))
        .route(&at("/search"), get(search::page))
        .route(&at("/entries/{slug}"), get(entry::page))
        .route(&at("/compare"), get(compare::page))
        .route(&at("/criteria"), get(criteria::page))
        .route(&at("/login"), get(login::page))
        .route(&at("/privacy"), get(info::privacy))
        .route(&at("/about"), get(info::about))
        .route(&at("/{*rest}"), get(not_found))
        .route(
            &at(""),
            get(move || {
                let to = home_path.clone();
                async move { Redirect::permanent(&to) }
            }),
        )
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(app),
            crate::http::middleware::cache,
        ));
    let record = Router::new()
        .route(&at("/decisions"), get(decisions::page))
        // With the observatory's aggregates, which change with reports, not the catalogue.
        .route(&at("/alternatives/{service}"), get(alternatives::page))
        .route(&at("/observatory"), get(observatory::page))
        .layer(axum::middleware::from_fn(
            crate::http::middleware::cache_by_content,
        ));
    let session = Router::new()
        .route(&at("/submit"), get(submit::new_form).post(submit::create))
        .route(&at("/submissions/{id}"), get(submission::page))
        .route(
            &at("/submissions/{id}/edit"),
            get(submit::edit_form).post(submit::edit),
        )
        .route(&at("/submissions/{id}/comments"), post(submission::comment))
        .route(
            &at("/submissions/{id}/withdraw"),
            post(submission::withdraw),
        )
        .route(&at("/submissions/{id}/decision"), post(submission::decide))
        .route(&at("/review"), get(review::page))
        .route(&at("/account"), get(account::page))
        .route(&at("/account/export.json"), get(account::export))
        .route(&at("/account/delete"), post(account::delete))
        .route(&at("/account/tokens"), post(account::make_token))
        .route(
            &at("/account/tokens/{id}/revoke"),
            post(account::revoke_token),
        )
        .route(
            &at("/rights-reports"),
            get(rights::page).post(rights::create),
        )
        .route(
            &at("/rights-reports/{id}"),
            get(rights::edit).post(rights::update),
        )
        .route(&at("/rights-reports/{id}/delete"), post(rights::delete))
        .route(&at("/review/rights"), get(rights_review::page))
        .route(&at("/review/rights/{id}/hide"), post(rights_review::hide))
        .route(&at("/admin"), get(admin::page))
        .route(&at("/admin/role"), post(admin::set_role))
        .layer(axum::middleware::from_fn(crate::http::middleware::no_store));
    public
        .merge(record)
        .merge(session)
        .layer(axum::middleware::from_fn(html_headers))
        .layer(Extension(lang))
        .layer(CatchPanicLayer::custom(
            move |_: Box<dyn std::any::Any + Send>| error::panic_page(lang),
        ))
}

/// `/`: the home page in the visitor's language (French unless the browser prefers English).
async fn root(headers: axum::http::HeaderMap) -> Response {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let lang = i18n::negotiate(accept);
    let mut res = Redirect::to(&format!("/{}/", lang.code())).into_response();
    let h = res.headers_mut();
    h.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Anything under `/{lang}/` that is not a page: a translated 404.
async fn not_found(ctx: context::Ctx) -> error::WebError {
    ctx.not_found(None)
}

/// The Content-Security-Policy of HTML pages (stricter than the API's default, and allowing
/// the site's own script), applied to every HTML answer including error pages.
async fn html_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(PAGE_CSP),
        );
        if res.status() != StatusCode::OK {
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        }
    }
    res
}

/// A response for HTML that is not a page template (rarely needed).
pub fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        body,
    )
        .into_response()
}
