//! Who is asking, for handlers: [`lookup`] of the session cookie, the extractors
//! [`MaybeUser`] and [`ApiUser`] (the JSON API: 401 without a session), the address of the
//! login page that brings a visitor back, and the CSRF header of API requests. The pages'
//! own extractors, which answer in HTML, are in `http::web::private`.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::app::App;
use crate::auth::{AuthError, Cookies, LiveSession, effective_role, session};
use crate::db::entities::users::Role;
use crate::http::error::ApiError;
use crate::model::Lang;
use crate::workflow::Actor;

/// A logged-in person, with what they may do.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub live: LiveSession,
    pub role: Role,
    pub actor: Actor,
}

impl SessionUser {
    /// The token forms of this session must carry.
    pub fn csrf(&self) -> &str {
        &self.live.csrf
    }

    /// Whether `token` is this session's CSRF token.
    pub fn csrf_ok(&self, token: Option<&str>) -> bool {
        token.is_some_and(|t| session::constant_time_eq(t, &self.live.csrf))
    }
}

/// The live session of the request's cookie, if any; an error only when the session store
/// cannot be read (database down, or a read-only assembly without one).
pub async fn lookup(parts: &Parts, app: &Arc<App>) -> Result<Option<SessionUser>, AuthError> {
    let cookies = Cookies {
        secure: app.config.auth.cookie_secure,
    };
    let Some(token) = Cookies::read(&parts.headers, cookies.session_name()) else {
        return Ok(None);
    };
    Ok(session::find(app.db()?, &token).await?.map(|live| {
        let role = effective_role(&live.user, &app.config.auth);
        let actor = Actor::from_user(&live.user, role);
        SessionUser { live, role, actor }
    }))
}

/// The login page in `lang` that brings the visitor back to `next` (a path of this site).
pub fn login_path(lang: Lang, next: &str) -> String {
    format!(
        "/{}/login?next={}",
        lang.code(),
        percent_encoding::utf8_percent_encode(next, percent_encoding::NON_ALPHANUMERIC)
    )
}

/// The session, if any (pages that only show more to logged-in people).
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<SessionUser>);

impl FromRequestParts<Arc<App>> for MaybeUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, Response> {
        // A database that is down makes everyone anonymous, not every page an error.
        Ok(MaybeUser(lookup(parts, app).await.unwrap_or(None)))
    }
}

/// A logged-in person, for the API: anyone else gets a 401.
#[derive(Debug, Clone)]
pub struct ApiUser(pub SessionUser);

impl FromRequestParts<Arc<App>> for ApiUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, Response> {
        match lookup(parts, app).await {
            Ok(Some(user)) => Ok(ApiUser(user)),
            Ok(None) => Err(ApiError::Unauthorized(
                "log in first: this needs a session (see /fr/login)".into(),
            )
            .into_response()),
            Err(e) => Err(ApiError::from_auth(&e).into_response()),
        }
    }
}

/// The CSRF token an API request carries in its `X-CSRF-Token` header.
pub fn csrf_header(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers.get("x-csrf-token").and_then(|v| v.to_str().ok())
}
