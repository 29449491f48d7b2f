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
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { code, .. } => code,
            ApiError::NotFound(_) => "not-found",
            ApiError::UriTooLong(_) => "uri-too-long",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
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
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(details) = &self {
            tracing::error!(%details, "internal error");
        }
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code().to_owned(),
                message: self.public_message(),
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

impl From<crate::search::SearchError> for ApiError {
    fn from(e: crate::search::SearchError) -> Self {
        ApiError::internal(e)
    }
}
