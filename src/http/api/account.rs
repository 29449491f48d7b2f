//! One's own account (`/api/v1/me`): who one is and the CSRF token, everything held about
//! one, deleting the account, and one's personal API tokens (`/api/v1/me/tokens`).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use sea_orm::ActiveEnum;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::guard::{parse_id, require_csrf};
use crate::app::App;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::session::ApiUser;
use crate::workflow::privacy;

/// Your account, your role and the CSRF token writing requests carry.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub display_name: String,
    pub provider: String,
    /// `submitter`, `reviewer` or `admin`.
    pub role: String,
    pub csrf_token: String,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "workflow",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn me(ApiUser(user): ApiUser) -> Json<Me> {
    Json(Me {
        id: user.actor.id,
        display_name: user.actor.display_name.clone(),
        provider: user.user.provider.clone(),
        role: user.role.to_value(),
        csrf_token: user.csrf().to_owned(),
    })
}

/// Everything held about you, as JSON.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "workflow",
    responses((status = 200, description = "all data held about you"), (status = 401, body = ErrorBody)))]
pub async fn export(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(privacy::export(&app.workflow, &user.actor).await?))
}

/// Deletes your account (your submissions stay, under your pseudonym).
#[utoipa::path(delete, path = "/api/v1/me", tag = "workflow",
    params(("X-CSRF-Token" = String, Header)),
    responses((status = 200, description = "deleted; the pseudonym now shown"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn delete_me(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
) -> Result<Json<serde_json::Value>, ApiError> {
    require_csrf(&user, &headers)?;
    let pseudonym = privacy::delete_account(&app.workflow, &user.actor).await?;
    Ok(Json(
        serde_json::json!({"deleted": true, "pseudonym": pseudonym}),
    ))
}

/// One of your API tokens (never the token itself, which is shown once).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenView {
    pub id: i64,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl TokenView {
    fn new(t: &crate::db::entities::api_tokens::Model) -> TokenView {
        TokenView {
            id: t.id,
            name: t.name.clone(),
            created_at: t.created_at,
            expires_at: t.expires_at,
            last_used_at: t.last_used_at,
        }
    }
}

/// A token just made: `token` is shown this once; send it as `Authorization: Bearer`.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewToken {
    pub token: String,
    #[serde(flatten)]
    pub about: TokenView,
}

/// What a new token is called and how long it lives.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenBody {
    /// What will use it, e.g. "CI of my project" (1 to 80 characters).
    #[schema(min_length = 1, max_length = 80)]
    pub name: String,
    /// Days it lives, 1 to 366 (default 90).
    #[schema(minimum = 1, maximum = 366)]
    #[serde(default, deserialize_with = "whole_number")]
    pub days: Option<u32>,
}

/// A JSON number that is a whole one, as JSON Schema's `integer` reads it: `147.0` is 147.
fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let Some(n) = Option::<f64>::deserialize(d)? else {
        return Ok(None);
    };
    if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
        // A whole number from 0 to u32::MAX, just checked: the cast is exact.
        Ok(Some(n as u32))
    } else {
        Err(serde::de::Error::custom(format!(
            "`days` must be a whole number of days, got {n}"
        )))
    }
}

/// Your API tokens, newest first.
#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "workflow",
    responses((status = 200, body = Vec<TokenView>), (status = 401, body = ErrorBody)))]
pub async fn tokens(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<TokenView>>, ApiError> {
    let list = crate::workflow::tokens::list(&app.workflow, &user.actor).await?;
    Ok(Json(list.iter().map(TokenView::new).collect()))
}

/// Makes an API token (needs a login session, not a token).
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "workflow",
    request_body = TokenBody,
    params(("X-CSRF-Token" = String, Header)),
    responses((status = 201, body = NewToken), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn make_token(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
    body: Result<Json<TokenBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    require_csrf(&user, &headers)?;
    let Json(body) = body.map_err(|e| ApiError::bad_request("invalid-body", e.body_text()))?;
    let minted = crate::workflow::tokens::make(
        &app.workflow,
        &user.actor,
        &body.name,
        body.days.unwrap_or(90),
    )
    .await?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(NewToken {
            token: minted.secret,
            about: TokenView::new(&minted.token),
        }),
    )
        .into_response())
}

/// Revokes one of your API tokens.
#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "workflow",
    params(("id" = i64, Path, minimum = 1), ("X-CSRF-Token" = String, Header)),
    responses((status = 204, description = "revoked"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_token(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<axum::http::StatusCode, ApiError> {
    require_csrf(&user, &headers)?;
    let id = parse_id(&id)?;
    crate::workflow::tokens::revoke(&app.workflow, &user.actor, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
