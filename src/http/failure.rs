//! The one place where a failure of a lower layer becomes an HTTP answer: its status, its
//! public code, the message a client may read, and how loudly it is logged. The API's JSON
//! errors ([`super::error::ApiError`]) and the site's HTML error pages
//! ([`super::web::error::WebError`]) both render from the [`Failure`] decided here, so one
//! failure answers one status everywhere.
//!
//! | kind | status | code | message shown | logged |
//! |---|---|---|---|---|
//! | `NotFound` | 404 | `not-found` | the error's public detail | no |
//! | `Conflict` | 409 | `conflict` | the error's public detail | no |
//! | `Invalid` | 422 | `invalid` | the error's public detail | no |
//! | `Forbidden` | 403 | `forbidden` | the error's public detail | no |
//! | `BadRequest` | 400 | `bad-request` (or the layer's own, e.g. `login-failed`) | the error's public detail | no |
//! | `Upstream` | 503 | `unavailable` | which part failed, "try again" (no details) | warn, with details |
//! | `Unavailable` | 503 | `unavailable` | which part is down, "try again" (no details) | error, with details |
//! | `Internal` | 500 | `internal` | a generic sentence | error, with details |
//!
//! Details are logged through [`crate::util::escaped`]: an error may quote a request or an
//! upstream answer, and neither may write a raw line break or terminal escape into the log.
//!
//! An upstream failure (a login provider answering nonsense) is a 503 rather than a 502:
//! for the person it is the same "try again in a moment", and tools retry on 503.

use axum::http::StatusCode;

use crate::error::{Classify, ErrorKind};
use crate::util::escaped;

/// The public message of every internal error.
pub const INTERNAL_MESSAGE: &str = "something went wrong on our side; the problem has been logged";

/// How a failure is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: ErrorKind,
    pub status: StatusCode,
    /// Stable, machine-readable code of the API's error body.
    pub code: &'static str,
    /// What the client may read: never a server path, a library's text or a stack trace.
    pub message: String,
}

/// The status and public code of a kind (the table in the module documentation).
pub fn status_and_code(kind: ErrorKind) -> (StatusCode, &'static str) {
    match kind {
        ErrorKind::NotFound => (StatusCode::NOT_FOUND, "not-found"),
        ErrorKind::Conflict => (StatusCode::CONFLICT, "conflict"),
        ErrorKind::Invalid => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
        ErrorKind::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
        ErrorKind::BadRequest => (StatusCode::BAD_REQUEST, "bad-request"),
        ErrorKind::Upstream | ErrorKind::Unavailable => {
            (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        }
        ErrorKind::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
    }
}

/// The status `err` answers, without logging it (for pages that show a refusal in place).
pub fn status(err: &(impl Classify + ?Sized)) -> StatusCode {
    status_and_code(err.kind()).0
}

/// Decides the answer to `err` and logs it as the policy says.
pub fn of(err: &(impl Classify + ?Sized)) -> Failure {
    let kind = err.kind();
    let (status, code) = status_and_code(kind);
    let code = err.public_code().unwrap_or(code);
    let message = match kind {
        ErrorKind::Internal => {
            tracing::error!(error = %escaped(err), "internal error");
            INTERNAL_MESSAGE.to_owned()
        }
        ErrorKind::Unavailable => {
            tracing::error!(error = %escaped(err), "a part the request needs is unavailable");
            err.public_detail()
        }
        ErrorKind::Upstream => {
            tracing::warn!(error = %escaped(err), "an upstream service answered unexpectedly");
            err.public_detail()
        }
        _ => err.public_detail(),
    };
    Failure {
        kind,
        status,
        code,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::AuthError;
    use crate::db::DbError;
    use crate::git::GitError;
    use crate::workflow::WorkflowError;

    fn db_err() -> sea_orm::DbErr {
        sea_orm::DbErr::Custom("UNIQUE constraint failed: secret_table.secret_column".into())
    }

    /// The whole mapping, one row per lower-layer failure: kind, status, code.
    #[test]
    fn every_lower_layer_failure_maps_to_one_status_and_code() {
        let path = std::path::PathBuf::from("/srv/registry/var/data-repo");
        let rows: Vec<(Box<dyn Classify>, u16, &str)> = vec![
            (
                Box::new(WorkflowError::Forbidden("x".into())),
                403,
                "forbidden",
            ),
            (
                Box::new(WorkflowError::NotFound("x".into())),
                404,
                "not-found",
            ),
            (
                Box::new(WorkflowError::Conflict("x".into())),
                409,
                "conflict",
            ),
            (Box::new(WorkflowError::invalid("x")), 422, "invalid"),
            (
                Box::new(WorkflowError::Internal("x".into())),
                500,
                "internal",
            ),
            (Box::new(DbError::Conflict(db_err())), 409, "conflict"),
            (Box::new(DbError::Invalid(db_err())), 422, "invalid"),
            (
                Box::new(WorkflowError::Db(DbError::Invalid(db_err()))),
                422,
                "invalid",
            ),
            (
                Box::new(DbError::NotFound("user 3".into())),
                404,
                "not-found",
            ),
            (Box::new(DbError::Absent), 503, "unavailable"),
            (Box::new(DbError::Unavailable(db_err())), 503, "unavailable"),
            (Box::new(DbError::Query(db_err())), 500, "internal"),
            (
                Box::new(GitError::Conflict {
                    branch: "submission/1-a".into(),
                    paths: vec!["entries/a.toml".into()],
                }),
                409,
                "conflict",
            ),
            (
                Box::new(GitError::AlreadyMerged {
                    branch: "submission/1-a".into(),
                }),
                409,
                "conflict",
            ),
            (
                Box::new(GitError::NotFound {
                    branch: "submission/1-a".into(),
                    repo: path.clone(),
                }),
                404,
                "not-found",
            ),
            (
                Box::new(GitError::Unavailable("no repository".into())),
                503,
                "unavailable",
            ),
            (
                Box::new(WorkflowError::Git(GitError::StateDirOccupied { path })),
                503,
                "unavailable",
            ),
            (
                Box::new(AuthError::UnknownProvider("x".into())),
                404,
                "not-found",
            ),
            (Box::new(AuthError::StaleLogin), 400, "login-failed"),
            (Box::new(AuthError::StateMismatch), 400, "login-failed"),
            (
                Box::new(AuthError::Refused("x".into())),
                400,
                "login-failed",
            ),
            (
                Box::new(AuthError::InvalidIdToken("x".into())),
                400,
                "login-failed",
            ),
            (
                Box::new(AuthError::Provider("x".into())),
                503,
                "unavailable",
            ),
            (
                Box::new(AuthError::ProviderUnavailable("x".into())),
                503,
                "unavailable",
            ),
            (Box::new(AuthError::Random("x".into())), 500, "internal"),
            (Box::new(AuthError::Db(DbError::Absent)), 503, "unavailable"),
        ];
        for (err, status, code) in rows {
            let failure = of(err.as_ref());
            assert_eq!(
                (failure.status.as_u16(), failure.code),
                (status, code),
                "{err}"
            );
        }
    }

    #[test]
    fn public_messages_never_carry_server_paths_or_database_text() {
        let path = std::path::PathBuf::from("/srv/registry/var/data-repo");
        let errors: Vec<Box<dyn Classify>> = vec![
            Box::new(GitError::NotFound {
                branch: "submission/1-a".into(),
                repo: path.clone(),
            }),
            Box::new(GitError::StateDirOccupied { path: path.clone() }),
            Box::new(GitError::Io {
                path: path.clone(),
                source: std::io::Error::other("disk full"),
            }),
            Box::new(WorkflowError::Git(GitError::Unavailable(format!(
                "cannot open {}",
                path.display()
            )))),
            Box::new(DbError::Conflict(db_err())),
            Box::new(DbError::Invalid(db_err())),
            Box::new(DbError::Query(db_err())),
            Box::new(DbError::Unavailable(db_err())),
        ];
        for err in errors {
            let failure = of(err.as_ref());
            assert!(!failure.message.contains("/srv"), "{}", failure.message);
            assert!(!failure.message.contains("secret"), "{}", failure.message);
        }
    }
}
