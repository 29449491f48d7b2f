//! What the workflow API's handlers share: the CSRF check of a writing request and the
//! reading of a numeric id from the path.
//!
//! A request proves who sends it with a session cookie, whose writing requests carry the
//! session's CSRF token in `X-CSRF-Token` (given by `GET /api/v1/me`), or with a personal
//! API token (`Authorization: Bearer frt_...`, for tools; no CSRF token then). Answers are
//! never cached.

use axum::http::HeaderMap;

use crate::http::error::ApiError;
use crate::http::session::{SessionUser, csrf_header};

pub(super) fn require_csrf(user: &SessionUser, headers: &HeaderMap) -> Result<(), ApiError> {
    if user.csrf_ok(csrf_header(headers)) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "missing or wrong X-CSRF-Token header: take the token from GET /api/v1/me".into(),
        ))
    }
}

pub(super) fn parse_id(text: &str) -> Result<i64, ApiError> {
    text.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            ApiError::bad_request(
                "invalid-parameter",
                format!(
                    "`{text}` is not an id (a whole number from 1 to {})",
                    i64::MAX
                ),
            )
        })
}
