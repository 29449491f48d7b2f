//! The database layer's one error type, and its kinds ([`crate::error::ErrorKind`]):
//!
//! | variant | whose fault | kind |
//! |---|---|---|
//! | [`DbError::Unavailable`], [`DbError::Connect`], [`DbError::Absent`] | ours (the database is down, unreachable or not configured) | `Unavailable`: reads keep working |
//! | [`DbError::Conflict`] (unique constraint) | the client's (a duplicate) | `Conflict` |
//! | [`DbError::Invalid`] (foreign key, check, not null) | the client's (refers to something missing, bad value) | `Invalid` |
//! | [`DbError::NotFound`] | the client's | `NotFound` |
//! | [`DbError::UnsupportedUrl`], [`DbError::CreateDir`] | configuration: reported at start-up | `Internal` (exit, never served) |
//! | [`DbError::Query`], [`DbError::Migration`] | ours (a bug, or a refused write such as touching the audit log) | `Internal` |
//!
//! The messages are for logs and the operator: they may quote the database's text, never a
//! password (URLs go through [`super::redact_url`]). The HTTP layer shows clients its own
//! messages, never these.

use sea_orm::{DbErr, RuntimeErr};

/// An error of the database layer; see the module documentation for its kinds.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(
        "DATABASE_URL `{url}` is not supported: expected sqlite:// (or sqlite:) or postgres:// (or postgresql://)"
    )]
    UnsupportedUrl { url: String },
    #[error("cannot create the directory {path} for the SQLite database: {source}")]
    CreateDir {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot connect to the database {url}: {source}")]
    Connect {
        url: String,
        #[source]
        source: DbErr,
    },
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] DbErr),
    #[error("conflict with an existing record: {0}")]
    Conflict(#[source] DbErr),
    #[error("the record refers to something missing or holds an invalid value: {0}")]
    Invalid(#[source] DbErr),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("migration failed: {0}")]
    Migration(#[source] DbErr),
    #[error("database error: {0}")]
    Query(#[source] DbErr),
    /// A read-only assembly of the registry (tests, benchmarks) has no database at all.
    #[error("this registry runs without a database: accounts and submissions are unavailable")]
    Absent,
}

impl crate::error::Classify for DbError {
    fn kind(&self) -> crate::error::ErrorKind {
        use crate::error::ErrorKind;
        match self {
            DbError::Unavailable(_) | DbError::Connect { .. } | DbError::Absent => {
                ErrorKind::Unavailable
            }
            DbError::Conflict(_) => ErrorKind::Conflict,
            DbError::Invalid(_) => ErrorKind::Invalid,
            DbError::NotFound(_) => ErrorKind::NotFound,
            DbError::UnsupportedUrl { .. }
            | DbError::CreateDir { .. }
            | DbError::Migration(_)
            | DbError::Query(_) => ErrorKind::Internal,
        }
    }

    /// The database's own text stays in the log: a client learns what kind of record.
    fn public_detail(&self) -> String {
        match self {
            DbError::Conflict(_) => "conflict with an existing record".to_owned(),
            DbError::Invalid(_) => {
                "the record refers to something missing or holds an invalid value".to_owned()
            }
            DbError::NotFound(what) => format!("not found: {what}"),
            _ => "the database is unavailable; try again in a moment".to_owned(),
        }
    }
}

impl From<DbErr> for DbError {
    fn from(err: DbErr) -> Self {
        use sea_orm::sqlx::error::ErrorKind;
        let sqlx_error = match &err {
            DbErr::Conn(_) | DbErr::ConnectionAcquire(_) => return DbError::Unavailable(err),
            DbErr::RecordNotFound(what) => return DbError::NotFound(what.clone()),
            DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
                e.clone()
            }
            _ => return DbError::Query(err),
        };
        match sqlx_error.as_ref() {
            sea_orm::sqlx::Error::Database(db) => match db.kind() {
                ErrorKind::UniqueViolation => DbError::Conflict(err),
                ErrorKind::ForeignKeyViolation
                | ErrorKind::NotNullViolation
                | ErrorKind::CheckViolation => DbError::Invalid(err),
                _ => DbError::Query(err),
            },
            sea_orm::sqlx::Error::Io(_)
            | sea_orm::sqlx::Error::Tls(_)
            | sea_orm::sqlx::Error::PoolTimedOut
            | sea_orm::sqlx::Error::PoolClosed
            | sea_orm::sqlx::Error::WorkerCrashed => DbError::Unavailable(err),
            _ => DbError::Query(err),
        }
    }
}
