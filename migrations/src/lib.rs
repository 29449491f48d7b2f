//! Database migrations of floss-registry's workflow state (accounts, sessions, submissions,
//! reviews, audit log). The catalogue itself never lives here: it lives in the data repository.
//!
//! Every migration has an `up` and a `down`; a migration that has shipped is never edited.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_meta;

/// The ordered list of migrations the application applies at start-up.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m20261122_000001_create_meta::Migration)]
    }
}
