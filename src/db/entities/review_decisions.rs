//! `review_decisions`: a reviewer's decision on a submission, published on `/decisions`.

use sea_orm::entity::prelude::*;

/// The three outcomes of a review; the last two require a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
pub enum Decision {
    #[sea_orm(string_value = "approve")]
    Approve,
    #[sea_orm(string_value = "request-changes")]
    RequestChanges,
    #[sea_orm(string_value = "reject")]
    Reject,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review_decisions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub submission_id: i64,
    pub reviewer_id: Option<i64>,
    pub decision: Decision,
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    /// The merge commit in the data repository, for approvals.
    pub merge_commit: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::submissions::Entity",
        from = "Column::SubmissionId",
        to = "super::submissions::Column::Id",
        on_delete = "Restrict"
    )]
    Submission,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::ReviewerId",
        to = "super::users::Column::Id",
        on_delete = "SetNull"
    )]
    Reviewer,
    #[sea_orm(has_many = "super::criterion_verdicts::Entity")]
    CriterionVerdicts,
}

impl Related<super::submissions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Submission.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Reviewer.def()
    }
}

impl Related<super::criterion_verdicts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CriterionVerdicts.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
