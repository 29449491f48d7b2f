//! Database migrations of floss-registry's workflow state (accounts, sessions, submissions,
//! reviews, audit log, automated evidence). The catalogue itself never lives here: it lives in the data repository.
//!
//! Every migration has an `up` and a `down`; a migration that has shipped is never edited.

pub use sea_orm_migration::MigrationStatus;
pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_meta;
mod m20261122_000002_create_users;
mod m20261122_000003_create_sessions;
mod m20261122_000004_create_submissions;
mod m20261122_000005_create_review_decisions;
mod m20261122_000006_create_criterion_verdicts;
mod m20261122_000007_create_comments;
mod m20261122_000008_create_audit_log;
mod m20261122_000009_login_flows_and_audit_retention;
mod m20261122_000010_create_api_tokens;
mod m20261207_000011_create_evidence;
mod m20261207_000012_create_rights_reports;

/// The ordered list of migrations the application applies at start-up.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_meta::Migration),
            Box::new(m20261122_000002_create_users::Migration),
            Box::new(m20261122_000003_create_sessions::Migration),
            Box::new(m20261122_000004_create_submissions::Migration),
            Box::new(m20261122_000005_create_review_decisions::Migration),
            Box::new(m20261122_000006_create_criterion_verdicts::Migration),
            Box::new(m20261122_000007_create_comments::Migration),
            Box::new(m20261122_000008_create_audit_log::Migration),
            Box::new(m20261122_000009_login_flows_and_audit_retention::Migration),
            Box::new(m20261122_000010_create_api_tokens::Migration),
            Box::new(m20261207_000011_create_evidence::Migration),
            Box::new(m20261207_000012_create_rights_reports::Migration),
        ]
    }
}
