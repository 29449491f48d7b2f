//! Logins in progress, and the audit log's retention.
//!
//! `login_flows` holds what an OAuth2/OpenID Connect login needs between leaving for the
//! provider and coming back (state, nonce, PKCE verifier, where to return), keyed by the hash
//! of a short-lived cookie set when the person clicks "log in"; rows are deleted when the
//! login completes and purged when they expire.
//!
//! The audit log stays append-only, except that records older than a year may be deleted
//! (the retention job of `retention.audit_log_days`, which cannot go below 365): the delete
//! trigger of migration 000008 is replaced by one that refuses younger records only.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

// sqlx stores SQLite timestamps as RFC 3339 text (`2026-11-22T10:00:00+00:00`); compared as
// text with `datetime()`'s `2025-11-22 10:00:00`, a record from the boundary day counts as
// younger (refused): the safe side.
const SQLITE_UP: [&str; 2] = [
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
    "CREATE TRIGGER audit_log_no_delete_young BEFORE DELETE ON audit_log \
     WHEN OLD.at > datetime('now', '-365 days') \
     BEGIN SELECT RAISE(ABORT, 'audit_log records younger than 365 days cannot be deleted'); END",
];
const SQLITE_DOWN: [&str; 2] = [
    "DROP TRIGGER IF EXISTS audit_log_no_delete_young",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
];

const POSTGRES_UP: [&str; 4] = [
    "DROP TRIGGER IF EXISTS audit_log_no_update_delete ON audit_log",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE FUNCTION audit_log_retention_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN IF OLD.at > now() - interval '365 days' THEN \
     RAISE EXCEPTION 'audit_log records younger than 365 days cannot be deleted' \
     USING ERRCODE = 'restrict_violation'; END IF; RETURN OLD; END $$",
    "CREATE TRIGGER audit_log_no_delete_young BEFORE DELETE ON audit_log \
     FOR EACH ROW EXECUTE FUNCTION audit_log_retention_only()",
];
const POSTGRES_DOWN: [&str; 4] = [
    "DROP TRIGGER IF EXISTS audit_log_no_delete_young ON audit_log",
    "DROP FUNCTION IF EXISTS audit_log_retention_only()",
    "DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log",
    "CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log \
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LoginFlows::Table)
                    .col(
                        ColumnDef::new(LoginFlows::Id)
                            .string_len(128)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(LoginFlows::Provider)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(ColumnDef::new(LoginFlows::State).string_len(255).not_null())
                    .col(ColumnDef::new(LoginFlows::Nonce).string_len(255).not_null())
                    .col(
                        ColumnDef::new(LoginFlows::PkceVerifier)
                            .string_len(255)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(LoginFlows::NextPath)
                            .string_len(2048)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(LoginFlows::ExpiresAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        let statements: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &POSTGRES_UP,
            _ => &SQLITE_UP,
        };
        run_all(manager, statements).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let statements: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &POSTGRES_DOWN,
            _ => &SQLITE_DOWN,
        };
        run_all(manager, statements).await?;
        manager
            .drop_table(Table::drop().table(LoginFlows::Table).to_owned())
            .await
    }
}

async fn run_all(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for sql in statements {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}

#[derive(DeriveIden)]
enum LoginFlows {
    Table,
    Id,
    Provider,
    State,
    Nonce,
    PkceVerifier,
    NextPath,
    ExpiresAt,
}
