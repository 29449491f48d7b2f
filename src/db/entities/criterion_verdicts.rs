//! `criterion_verdicts`: within one decision, the reviewer's status for one criterion.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "criterion_verdicts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub decision_id: i64,
    /// Criterion id as in the data repository's `criteria/`.
    pub criterion_id: String,
    /// Assessment status as in the data format (validated against it by the workflow).
    pub status: String,
    /// Evidence, JSON text.
    #[sea_orm(column_type = "Text")]
    pub evidence: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub note_fr: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note_en: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::review_decisions::Entity",
        from = "Column::DecisionId",
        to = "super::review_decisions::Column::Id",
        on_delete = "Cascade"
    )]
    Decision,
}

impl Related<super::review_decisions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Decision.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
