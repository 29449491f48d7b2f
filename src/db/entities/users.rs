//! `users`: an account, identified by its login provider and the provider's subject id.

use sea_orm::entity::prelude::*;

/// What an account may do. Submitters are everyone who logs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Role {
    #[sea_orm(string_value = "submitter")]
    Submitter,
    #[sea_orm(string_value = "reviewer")]
    Reviewer,
    #[sea_orm(string_value = "admin")]
    Admin,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Configured provider name (`proconnect`, `github`, ...).
    pub provider: String,
    /// The provider's stable subject id (`sub` claim, or numeric user id for OAuth2 forges).
    pub subject: String,
    pub display_name: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub role: Role,
    pub created_at: DateTimeUtc,
    pub last_login_at: DateTimeUtc,
    /// Set when the person deleted their account: personal fields were then erased.
    pub pseudonymised_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::sessions::Entity")]
    Sessions,
    #[sea_orm(has_many = "super::submissions::Entity")]
    Submissions,
    #[sea_orm(has_many = "super::review_decisions::Entity")]
    ReviewDecisions,
    #[sea_orm(has_many = "super::comments::Entity")]
    Comments,
}

impl Related<super::sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sessions.def()
    }
}

impl Related<super::submissions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Submissions.def()
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
