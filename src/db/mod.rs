//! The database: workflow state only (accounts, sessions, submissions, reviews, audit log),
//! never catalogue content, which lives in the data repository.
//!
//! This module owns connecting (SQLite by default, PostgreSQL through `DATABASE_URL`), running
//! the `migration` crate, the sea-orm entities and the audit log writer. It holds no workflow
//! rules (who may approve what): those belong to `workflow/`.

pub mod audit;
pub mod entities;
mod error;

use std::path::Path;
use std::time::Duration;

use migration::{MigrationStatus, Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

pub use error::DbError;

/// The database engines the registry runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The engine a database URL names, or an error quoting the URL without its password.
    pub fn of_url(url: &str) -> Result<Backend, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(DbError::UnsupportedUrl {
                url: redact_url(url),
            })
        }
    }
}

/// A migration and whether it is applied, as `migrate status` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationState {
    pub name: String,
    pub applied: bool,
}

/// The URL with its password replaced by `***`, for messages and logs.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            if parsed.set_password(Some("***")).is_ok() {
                parsed.to_string()
            } else {
                "<database URL>".to_owned()
            }
        }
        Ok(_) => url.to_owned(),
        // Unparseable: keep only what follows the last `@`, where credentials end.
        Err(_) => match url.rsplit_once('@') {
            Some((_, host)) => format!("***@{host}"),
            None => url.to_owned(),
        },
    }
}

/// Connects to the database `url` names. For SQLite the file's directory and the file are
/// created when missing (the URL gets `mode=rwc` unless it sets a mode) and the journal is
/// switched to WAL; foreign keys are enforced on every connection (sqlx's default for SQLite,
/// always on for PostgreSQL).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbError> {
    let backend = Backend::of_url(url)?;
    let url = match backend {
        Backend::Sqlite => prepare_sqlite(url).await?,
        Backend::Postgres => url.to_owned(),
    };
    let mut options = ConnectOptions::new(url.clone());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        // Statements may carry personal data in their text; sqlx's own logs stay off.
        .sqlx_logging(false);
    let db = Database::connect(options)
        .await
        .map_err(|source| DbError::Connect {
            url: redact_url(&url),
            source,
        })?;
    if backend == Backend::Sqlite {
        // Readers do not block the writer; the setting is stored in the file.
        db.execute_unprepared("PRAGMA journal_mode = WAL").await?;
    }
    Ok(db)
}

/// Creates the SQLite file's directory and makes sure the file itself gets created.
async fn prepare_sqlite(url: &str) -> Result<String, DbError> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    if path != ":memory:"
        && let Some(parent) = Path::new(path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
    {
        tokio::fs::create_dir_all(parent)
            .await
            .map_err(|source| DbError::CreateDir {
                path: parent.to_owned(),
                source,
            })?;
    }
    Ok(match query {
        Some(q) if q.split('&').any(|kv| kv.starts_with("mode=")) => url.to_owned(),
        Some(_) => format!("{url}&mode=rwc"),
        None => format!("{url}?mode=rwc"),
    })
}

/// Applies every pending migration; returns the names of those applied, oldest first.
pub async fn migrate_up(db: &DatabaseConnection) -> Result<Vec<String>, DbError> {
    let pending = names_with(db, false).await?;
    Migrator::up(db, None).await.map_err(migration_error)?;
    Ok(pending)
}

/// Rolls back the last `steps` applied migrations (all of them with `None`); returns the names
/// of those rolled back, newest first.
pub async fn migrate_down(
    db: &DatabaseConnection,
    steps: Option<u32>,
) -> Result<Vec<String>, DbError> {
    let mut applied = names_with(db, true).await?;
    applied.reverse();
    if let Some(steps) = steps {
        applied.truncate(usize::try_from(steps).unwrap_or(usize::MAX));
    }
    Migrator::down(db, steps).await.map_err(migration_error)?;
    Ok(applied)
}

/// Every migration the binary knows, oldest first, with whether it is applied.
pub async fn migrate_status(db: &DatabaseConnection) -> Result<Vec<MigrationState>, DbError> {
    let migrations = Migrator::get_migration_with_status(db)
        .await
        .map_err(migration_error)?;
    Ok(migrations
        .iter()
        .map(|m| MigrationState {
            name: m.name().to_owned(),
            applied: m.status() == MigrationStatus::Applied,
        })
        .collect())
}

async fn names_with(db: &DatabaseConnection, applied: bool) -> Result<Vec<String>, DbError> {
    Ok(migrate_status(db)
        .await?
        .into_iter()
        .filter(|m| m.applied == applied)
        .map(|m| m.name)
        .collect())
}

/// A failed migration is ours (500), unless the database simply went away (503).
fn migration_error(err: sea_orm::DbErr) -> DbError {
    match DbError::from(err) {
        DbError::Unavailable(e) => DbError::Unavailable(e),
        DbError::Conflict(e) | DbError::Invalid(e) | DbError::Query(e) | DbError::Migration(e) => {
            DbError::Migration(e)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacting_a_url_hides_the_password_and_keeps_the_rest() {
        let shown = redact_url("postgres://registry:s3cret@db.example:5432/registry");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(
            shown.contains("registry:***@db.example:5432/registry"),
            "{shown}"
        );
        assert_eq!(
            redact_url("sqlite://var/registry.db?mode=rwc"),
            "sqlite://var/registry.db?mode=rwc"
        );
    }

    #[test]
    fn an_unknown_scheme_is_refused_without_its_password() {
        let err = Backend::of_url("mysql://u:pw@h/db").expect_err("unsupported");
        assert!(!err.to_string().contains("pw@"), "{err}");
        assert!(err.to_string().contains("DATABASE_URL"), "{err}");
    }
}
