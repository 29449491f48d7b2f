//! The audit log: every action of the workflow, append-only **in the database itself**.
//! Triggers abort any UPDATE or DELETE (and, on PostgreSQL, TRUNCATE), whatever the code of
//! the application does.
//!
//! `actor_id` deliberately has no foreign key: an `ON DELETE SET NULL` would be an UPDATE,
//! which the triggers refuse. Accounts that acted are pseudonymised, not deleted, so the id
//! keeps pointing at a row without personal data.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: [&str; 2] = [
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
];

const SQLITE_DOWN: [&str; 2] = [
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
    "DROP TRIGGER IF EXISTS audit_log_no_update",
];

const POSTGRES_UP: [&str; 3] = [
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log \
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log \
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
];

const POSTGRES_DOWN: [&str; 2] = [
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
    "DROP TRIGGER IF EXISTS audit_log_no_update_delete ON audit_log",
];

/// Run after the table is gone: the function is not owned by the table.
const POSTGRES_DOWN_AFTER: [&str; 1] = ["DROP FUNCTION IF EXISTS audit_log_append_only()"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(
                        ColumnDef::new(AuditLog::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(AuditLog::At)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(AuditLog::ActorId).big_integer().null())
                    .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::Target).string_len(255).not_null())
                    .col(ColumnDef::new(AuditLog::Details).text().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("audit_log_at_idx")
                    .table(AuditLog::Table)
                    .col(AuditLog::At)
                    .to_owned(),
            )
            .await?;
        let statements: &[&str] = match manager.get_database_backend() {
            DbBackend::Sqlite => &SQLITE_UP,
            DbBackend::Postgres => &POSTGRES_UP,
            other => {
                return Err(DbErr::Migration(format!(
                    "the append-only audit log has no triggers for {other:?}"
                )));
            }
        };
        run_all(manager, statements).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let (before, after): (&[&str], &[&str]) = match manager.get_database_backend() {
            DbBackend::Postgres => (&POSTGRES_DOWN, &POSTGRES_DOWN_AFTER),
            _ => (&SQLITE_DOWN, &[]),
        };
        run_all(manager, before).await?;
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await?;
        run_all(manager, after).await
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
enum AuditLog {
    Table,
    Id,
    At,
    ActorId,
    Action,
    Target,
    Details,
}
