//! `audit_log`: one row per action, append-only (the database refuses UPDATE and DELETE).
//! Write through [`crate::db::audit::record`]. `actor_id` refers to `users.id` without a
//! foreign key (see the migration), hence no sea-orm relation either.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    /// The account that acted; `None` for the system (start-up, periodic jobs).
    pub actor_id: Option<i64>,
    /// What happened, dotted: `submission.create`, `review.approve`, `user.pseudonymise`.
    pub action: String,
    /// What it happened to: `submission:42`, `user:7`.
    pub target: String,
    /// Details, JSON text; never secrets, never more personal data than needed.
    #[sea_orm(column_type = "Text")]
    pub details: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
