//! The login routes: `GET /auth/login/{provider}?next=` leaves for the provider (the login
//! cookie remembers the attempt for ten minutes), `GET /auth/callback/{provider}` comes back,
//! checks state, exchanges the code with the PKCE verifier, validates the ID token and opens
//! a session; `POST /auth/logout` ends it. The only cookies are set here: the login cookie
//! when a person clicks "log in", the session cookie once they are logged in.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde_json::json;

use crate::app::App;
use crate::auth::{AuthError, Cookies, session, upsert_user};
use crate::http::error::ApiError;
use crate::http::session::MaybeUser;
use crate::util::escaped;

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/auth/login/{provider}", get(login))
        .route("/auth/callback/{provider}", get(callback))
        .route("/auth/logout", post(logout))
        .with_state(app)
}

fn cookies(app: &App) -> Cookies {
    Cookies {
        secure: app.config.auth.cookie_secure,
    }
}

fn redirect_with_cookies(to: &str, set: &[String]) -> Response {
    let mut res = Redirect::to(to).into_response();
    let h = res.headers_mut();
    for c in set {
        if let Ok(v) = HeaderValue::from_str(c) {
            h.append(header::SET_COOKIE, v);
        }
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

async fn login(
    State(app): State<Arc<App>>,
    Path(provider): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let next = session::safe_next(q.get("next").map(String::as_str), "/");
    let auth = app
        .providers
        .authorize(&provider)
        .await
        .map_err(|e| ApiError::from_auth(&e))?;
    let token = session::start_flow(
        app.db()?,
        session::Flow {
            provider,
            state: auth.state,
            nonce: auth.nonce,
            pkce_verifier: auth.pkce_verifier,
            next_path: next,
        },
    )
    .await
    .map_err(|e| ApiError::from_auth(&e))?;
    let c = cookies(&app);
    let set = c.set(c.login_name(), &token, session::LOGIN_FLOW_MINUTES * 60);
    Ok(redirect_with_cookies(&auth.url, &[set]))
}

async fn callback(
    State(app): State<Arc<App>>,
    Path(provider): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let c = cookies(&app);
    let result = finish(&app, &provider, &q, &headers, c).await;
    match result {
        Ok((session_token, next)) => {
            let set_session = c.set(
                c.session_name(),
                &session_token,
                i64::from(app.config.auth.session_hours) * 3600,
            );
            Ok(redirect_with_cookies(
                &next,
                &[set_session, c.clear(c.login_name())],
            ))
        }
        Err(e) => {
            // The path and the query are the caller's: only a configured provider id is
            // logged, and the error (which may quote the query) is escaped.
            tracing::info!(
                provider = app.providers.known_id(&provider).unwrap_or("(unknown provider)"),
                error = %escaped(&e),
                "login failed"
            );
            // A person's browser lands here: it gets a page; a tool keeps the JSON error.
            let api = ApiError::from_auth(&e);
            let mut res = if wants_html(&headers) {
                crate::http::web::error::login_failed(&headers, api.status(), api.to_string())
            } else {
                api.into_response()
            };
            if let Ok(v) = HeaderValue::from_str(&c.clear(c.login_name())) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(res)
        }
    }
}

/// Whether the client asked for a web page (a browser's `Accept: text/html, ...`).
fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"))
}

async fn finish(
    app: &Arc<App>,
    provider: &str,
    q: &HashMap<String, String>,
    headers: &HeaderMap,
    c: Cookies,
) -> Result<(String, String), AuthError> {
    let flow_token = Cookies::read(headers, c.login_name()).ok_or(AuthError::StaleLogin)?;
    let flow = session::take_flow(app.db()?, &flow_token)
        .await?
        .ok_or(AuthError::StaleLogin)?;
    if flow.provider != provider {
        return Err(AuthError::StateMismatch);
    }
    if let Some(error) = q.get("error") {
        let detail = q.get("error_description").cloned().unwrap_or_default();
        return Err(AuthError::Refused(
            format!("{error} {detail}").trim().to_owned(),
        ));
    }
    let state = q.get("state").map(String::as_str).unwrap_or_default();
    if !session::constant_time_eq(state, &flow.state) {
        return Err(AuthError::StateMismatch);
    }
    let code = q
        .get("code")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| AuthError::Refused("the provider sent no authorization code".into()))?;
    let identity = app
        .providers
        .finish(provider, code, &flow.pkce_verifier, &flow.nonce)
        .await?;
    let user = upsert_user(app.db()?, &identity).await?;
    let token = session::create(app.db()?, user.id, app.config.auth.session_hours).await?;
    crate::db::audit::record(
        app.db()?,
        Some(user.id),
        "account.login",
        &format!("user:{}", user.id),
        &json!({"provider": provider}),
    )
    .await?;
    Ok((token, flow.next_path))
}

#[derive(Debug, serde::Deserialize)]
struct LogoutForm {
    csrf: Option<String>,
    next: Option<String>,
}

async fn logout(
    State(app): State<Arc<App>>,
    MaybeUser(user): MaybeUser,
    headers: HeaderMap,
    Form(form): Form<LogoutForm>,
) -> Result<Response, ApiError> {
    let c = cookies(&app);
    let next = session::safe_next(form.next.as_deref(), "/");
    let Some(user) = user else {
        // Already logged out (expired session): just clear the cookie.
        return Ok(redirect_with_cookies(&next, &[c.clear(c.session_name())]));
    };
    if !user.csrf_ok(form.csrf.as_deref()) {
        return Err(ApiError::Forbidden(
            "the form's security token is missing or stale: reload the page and try again".into(),
        ));
    }
    if let Some(token) = Cookies::read(&headers, c.session_name()) {
        session::delete(app.db()?, &token)
            .await
            .map_err(|e| ApiError::from_auth(&e))?;
    }
    crate::db::audit::record(
        app.db()?,
        Some(user.actor.id),
        "account.logout",
        &format!("user:{}", user.actor.id),
        &json!({}),
    )
    .await
    .map_err(ApiError::internal)?;
    Ok(redirect_with_cookies(&next, &[c.clear(c.session_name())]))
}
