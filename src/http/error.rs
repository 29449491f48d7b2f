//! The HTTP error type and its policy.
//!
//! - Client errors (4xx) carry a code and a message written for the client: what was wrong
//!   and where (which parameter), so a person or a tool can fix the request.
//! - Server errors (5xx) are logged with their details and shown as a generic message:
//!   no library error text, path or stack trace reaches the client.
//!
//! Every error body is `{"error": {"code": "...", "message": "..."}}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter or body the client can fix (400).
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    /// Nothing at this address (404).
    #[error("{0}")]
    NotFound(String),
    /// The query string is larger than the server accepts (414).
    #[error("the query string is {0} bytes, over the limit")]
    UriTooLong(usize),
    /// A part the request needs is down (503); the message says which, without details.
    #[error("{0}")]
    Unavailable(&'static str),
    /// A bug or an I/O failure on our side (500); details are logged, never sent.
    #[error("internal error: {0}")]
    Internal(String),
    /// No session (401).
    #[error("{0}")]
    Unauthorized(String),
    /// Logged in, but not allowed (403), or a missing/wrong CSRF token.
    #[error("{0}")]
    Forbidden(String),
    /// The request conflicts with the current state (409).
    #[error("{0}")]
    Conflict(String),
    /// The body is understood but invalid (422), with the validator's diagnostics.
    #[error("{message}")]
    Invalid {
        message: String,
        diagnostics: Vec<crate::workflow::StoredDiagnostic>,
    },
    /// A part needed for writing is down (503); the message says what, and that the input
    /// was kept when it was.
    #[error("{0}")]
    WriteUnavailable(String),
}

impl ApiError {
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::BadRequest {
            code,
            message: message.into(),
        }
    }

    pub fn internal(e: impl std::fmt::Display) -> Self {
        ApiError::Internal(e.to_string())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::WriteUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The policy of `auth`'s errors (see [`crate::auth`]).
    pub fn from_auth(e: &crate::auth::AuthError) -> Self {
        use crate::auth::AuthError as A;
        match e {
            A::UnknownProvider(_) => ApiError::NotFound(e.to_string()),
            A::StaleLogin | A::StateMismatch | A::Refused(_) | A::InvalidIdToken(_) => {
                ApiError::bad_request("login-failed", e.to_string())
            }
            A::Provider(_) | A::ProviderUnavailable(_) => {
                tracing::warn!(error = %e, "login provider problem");
                ApiError::WriteUnavailable(
                    "the login provider cannot be reached or answered unexpectedly; try again in a moment".into(),
                )
            }
            A::Db(db) if db.http_status() == 503 => ApiError::WriteUnavailable(
                "the database is unavailable; try again in a moment".into(),
            ),
            A::Db(_) | A::Random(_) => ApiError::internal(e),
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { code, .. } => code,
            ApiError::NotFound(_) => "not-found",
            ApiError::UriTooLong(_) => "uri-too-long",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::Conflict(_) => "conflict",
            ApiError::Invalid { .. } => "invalid",
            ApiError::WriteUnavailable(_) => "unavailable",
        }
    }

    fn public_message(&self) -> String {
        match self {
            ApiError::UriTooLong(n) => format!(
                "the query string is {n} bytes, over the limit of {} bytes",
                super::params::MAX_QUERY_BYTES
            ),
            ApiError::Internal(_) => {
                "something went wrong on our side; the problem has been logged".to_owned()
            }
            ApiError::Unavailable(what) => format!("{what} is temporarily unavailable"),
            other => other.to_string(),
        }
    }
}

/// The error body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable code, e.g. `invalid-parameter`.
    pub code: String,
    /// What went wrong, for people.
    pub message: String,
    /// For `invalid` entries: the validator's diagnostics (line and column in the entry).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<Object>>)]
    pub diagnostics: Option<Vec<crate::workflow::StoredDiagnostic>>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(details) = &self {
            tracing::error!(%details, "internal error");
        }
        let diagnostics = match &self {
            ApiError::Invalid { diagnostics, .. } => Some(diagnostics.clone()),
            _ => None,
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code().to_owned(),
                message: self.public_message(),
                diagnostics,
            },
        };
        (self.status(), Json(body)).into_response()
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> Self {
        ApiError::internal(e)
    }
}

/// The policy of the workflow's errors (see [`crate::workflow`]).
/// A database error reached outside the workflow (sessions, login flows): the policy of
/// [`ApiError::from_auth`] (503 when the database is down or absent, else a logged 500).
impl From<crate::db::DbError> for ApiError {
    fn from(e: crate::db::DbError) -> Self {
        ApiError::from_auth(&crate::auth::AuthError::Db(e))
    }
}

impl From<crate::workflow::WorkflowError> for ApiError {
    fn from(e: crate::workflow::WorkflowError) -> Self {
        use crate::workflow::WorkflowError as W;
        match e {
            W::Forbidden(m) => ApiError::Forbidden(m),
            W::NotFound(m) => ApiError::NotFound(m),
            W::Conflict(m) => ApiError::Conflict(m),
            W::Invalid {
                message,
                diagnostics,
            } => ApiError::Invalid {
                message,
                diagnostics,
            },
            W::Git(e) if e.http_status() == 409 => ApiError::Conflict(e.to_string()),
            W::Git(e) if e.http_status() == 404 => ApiError::NotFound(e.to_string()),
            W::Git(e) => {
                tracing::error!(error = %e, "data repository unavailable");
                ApiError::WriteUnavailable(
                    "the data repository is unavailable; nothing was lost, try again in a moment"
                        .into(),
                )
            }
            W::Db(e) if e.http_status() == 503 => {
                tracing::error!(error = %e, "database unavailable");
                ApiError::WriteUnavailable(
                    "the database is unavailable; try again in a moment".into(),
                )
            }
            W::Db(e) if e.is_client_error() => ApiError::Conflict(e.to_string()),
            other => ApiError::internal(other),
        }
    }
}

impl From<crate::search::SearchError> for ApiError {
    fn from(e: crate::search::SearchError) -> Self {
        ApiError::internal(e)
    }
}
