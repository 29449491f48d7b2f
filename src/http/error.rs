//! The API's error type: the errors the HTTP layer finds itself (a bad parameter, no
//! session, a query string too long) and those of the layers below, which arrive through
//! [`super::failure`] (the one mapping of a failure's kind to status, code and public message).
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

use super::failure::{self, Failure};
use crate::error::ErrorKind;

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
    /// A failure of a lower layer, already classified (and logged) by [`super::failure`].
    #[error("{}", .0.message)]
    Failed(Failure),
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

    /// The kind of this error, for the statuses and codes of [`super::failure`].
    fn kind(&self) -> Option<ErrorKind> {
        Some(match self {
            ApiError::BadRequest { .. } => ErrorKind::BadRequest,
            ApiError::NotFound(_) => ErrorKind::NotFound,
            ApiError::Unavailable(_) | ApiError::WriteUnavailable(_) => ErrorKind::Unavailable,
            ApiError::Internal(_) => ErrorKind::Internal,
            ApiError::Forbidden(_) => ErrorKind::Forbidden,
            ApiError::Conflict(_) => ErrorKind::Conflict,
            ApiError::Invalid { .. } => ErrorKind::Invalid,
            ApiError::Failed(f) => f.kind,
            ApiError::UriTooLong(_) | ApiError::Unauthorized(_) => return None,
        })
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Failed(f) => f.status,
            other => other.kind().map_or(StatusCode::INTERNAL_SERVER_ERROR, |k| {
                failure::status_and_code(k).0
            }),
        }
    }

    /// The policy of `auth`'s errors (see [`crate::auth`]), through [`super::failure`].
    pub fn from_auth(e: &crate::auth::AuthError) -> Self {
        ApiError::Failed(failure::of(e))
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { code, .. } => code,
            ApiError::UriTooLong(_) => "uri-too-long",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Failed(f) => f.code,
            other => other
                .kind()
                .map_or("internal", |k| failure::status_and_code(k).1),
        }
    }

    fn public_message(&self) -> String {
        match self {
            ApiError::UriTooLong(n) => format!(
                "the query string is {n} bytes, over the limit of {} bytes",
                super::params::MAX_QUERY_BYTES
            ),
            ApiError::Internal(_) => failure::INTERNAL_MESSAGE.to_owned(),
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
            tracing::error!(details = %crate::util::escaped(details), "internal error");
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

/// A database error reached outside the workflow (sessions, login flows): its kind decides.
impl From<crate::db::DbError> for ApiError {
    fn from(e: crate::db::DbError) -> Self {
        ApiError::Failed(failure::of(&e))
    }
}

/// The workflow's errors (see [`crate::workflow`]): their kind decides, and an invalid input
/// keeps the validator's diagnostics.
impl From<crate::workflow::WorkflowError> for ApiError {
    fn from(e: crate::workflow::WorkflowError) -> Self {
        match e {
            crate::workflow::WorkflowError::Invalid {
                message,
                diagnostics,
            } => ApiError::Invalid {
                message,
                diagnostics,
            },
            other => ApiError::Failed(failure::of(&other)),
        }
    }
}

impl From<crate::search::SearchError> for ApiError {
    fn from(e: crate::search::SearchError) -> Self {
        ApiError::internal(e)
    }
}
