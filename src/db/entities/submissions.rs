//! `submissions`: a proposed new entry or change, with the exact text typed by its author.

use sea_orm::entity::prelude::*;

/// A new entry, or a change to an existing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Kind {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "change")]
    Change,
}

/// Where a submission stands. `PendingGit`: stored, its branch not written yet (git was
/// unavailable; retried).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum State {
    #[sea_orm(string_value = "pending-git")]
    PendingGit,
    #[sea_orm(string_value = "open")]
    Open,
    #[sea_orm(string_value = "changes-requested")]
    ChangesRequested,
    #[sea_orm(string_value = "approved")]
    Approved,
    #[sea_orm(string_value = "rejected")]
    Rejected,
    #[sea_orm(string_value = "withdrawn")]
    Withdrawn,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "submissions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub slug: String,
    pub kind: Kind,
    pub state: State,
    /// `submission/<id>-<slug>` once written to the data repository.
    pub branch: Option<String>,
    /// Data commit the submission was made against.
    pub base_commit: String,
    pub head_commit: Option<String>,
    /// The entry exactly as typed, byte for byte.
    #[sea_orm(column_type = "Text")]
    pub entry_toml: String,
    /// The validator's report, JSON text.
    #[sea_orm(column_type = "Text")]
    pub validation_report: String,
    pub author_id: Option<i64>,
    /// Stable pseudonym shown publicly and kept after the author's account is deleted.
    pub author_pseudonym: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::AuthorId",
        to = "super::users::Column::Id",
        on_delete = "SetNull"
    )]
    Author,
    #[sea_orm(has_many = "super::review_decisions::Entity")]
    ReviewDecisions,
    #[sea_orm(has_many = "super::comments::Entity")]
    Comments,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Author.def()
    }
}

impl Related<super::review_decisions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ReviewDecisions.def()
    }
}

impl Related<super::comments::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Comments.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
