//! Who is asking, for handlers: [`lookup`] of the session cookie, the extractors
//! [`MaybeUser`] and [`ApiUser`] (the JSON API: 401 without a session), the address of the
//! login page that brings a visitor back, and the CSRF header of API requests. The pages'
//! own extractors, which answer in HTML, are in `http::web::private`.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::app::App;
use crate::auth::{AuthError, Cookies, effective_role, session, tokens};
use crate::db::entities::users::{self, Role};
use crate::http::error::ApiError;
use crate::model::Lang;
use crate::workflow::Actor;

/// A logged-in person, with what they may do.
#[derive(Debug, Clone)]
pub struct SessionUser {
    /// The account.
    pub user: users::Model,
    pub role: Role,
    pub actor: Actor,
    /// How the request proved who sends it.
    pub via: Via,
}

/// The credential of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// The session cookie of a login; writing requests carry the session's CSRF token.
    Session { csrf: String },
    /// A personal API token (`Authorization: Bearer`), API only.
    Token { id: i64 },
}

impl SessionUser {
    /// The token forms of this session must carry (empty for an API token).
    pub fn csrf(&self) -> &str {
        match &self.via {
            Via::Session { csrf } => csrf,
            Via::Token { .. } => "",
        }
    }

    /// Whether a writing request may go on. A session's requests must carry its CSRF
    /// token; an API token is no ambient credential (a browser never sends it by itself to
    /// another site's request), so there is nothing to forge.
    pub fn csrf_ok(&self, token: Option<&str>) -> bool {
        match &self.via {
            Via::Session { csrf } => token.is_some_and(|t| session::constant_time_eq(t, csrf)),
            Via::Token { .. } => true,
        }
    }

    /// Whether the request came with an API token rather than a login session.
    pub fn by_token(&self) -> bool {
        matches!(self.via, Via::Token { .. })
    }

    fn of(user: users::Model, via: Via, app: &App) -> SessionUser {
        let role = effective_role(&user, &app.config.auth);
        let mut actor = Actor::from_user(&user, role);
        actor.via_token = matches!(via, Via::Token { .. });
        SessionUser {
            user,
            role,
            actor,
            via,
        }
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
    Ok(session::find(app.db()?, &token)
        .await?
        .map(|live| SessionUser::of(live.user, Via::Session { csrf: live.csrf }, app)))
}

/// What an API request's `Authorization` header holds.
enum Bearer {
    None,
    Token(String),
    /// A header that is not `Bearer <token>`.
    Malformed,
}

fn bearer(parts: &Parts) -> Bearer {
    let Some(value) = parts.headers.get(axum::http::header::AUTHORIZATION) else {
        return Bearer::None;
    };
    value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or(Bearer::Malformed, |t| Bearer::Token(t.to_owned()))
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
        let found = match bearer(parts) {
            Bearer::None => lookup(parts, app)
                .await
                .map_err(|e| ApiError::from_auth(&e)),
            // A credential that does not hold is refused, never replaced by a cookie.
            Bearer::Malformed => {
                return Err(ApiError::Unauthorized(
                    "the Authorization header must be `Bearer <token>`".into(),
                )
                .into_response());
            }
            Bearer::Token(secret) => match app.db() {
                Err(e) => Err(ApiError::from(e)),
                Ok(db) => match tokens::find(db, &secret).await {
                    Ok(Some((token, user))) => Ok(Some(SessionUser::of(
                        user,
                        Via::Token { id: token.id },
                        app,
                    ))),
                    Ok(None) => {
                        return Err(ApiError::Unauthorized(
                            "this API token is unknown, expired or revoked".into(),
                        )
                        .into_response());
                    }
                    Err(e) => Err(ApiError::from_auth(&e)),
                },
            },
        };
        match found {
            Ok(Some(user)) => Ok(ApiUser(user)),
            Ok(None) => Err(ApiError::Unauthorized(
                "log in first: this needs a session (see /fr/login) or an API token \
                 (Authorization: Bearer, made on your account page)"
                    .into(),
            )
            .into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}

/// The CSRF token an API request carries in its `X-CSRF-Token` header.
pub fn csrf_header(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers.get("x-csrf-token").and_then(|v| v.to_str().ok())
}
