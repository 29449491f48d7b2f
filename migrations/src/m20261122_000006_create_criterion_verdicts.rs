//! The reviewer's verdict on each criterion within one decision: the status confirmed or
//! overridden, the evidence (JSON text) and a note in French and English. A decision's verdicts
//! go with it (cascade); one verdict per criterion and decision.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CriterionVerdicts::Table)
                    .col(
                        ColumnDef::new(CriterionVerdicts::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(CriterionVerdicts::DecisionId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CriterionVerdicts::CriterionId)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CriterionVerdicts::Status)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CriterionVerdicts::Evidence)
                            .text()
                            .not_null(),
                    )
                    .col(ColumnDef::new(CriterionVerdicts::NoteFr).text().null())
                    .col(ColumnDef::new(CriterionVerdicts::NoteEn).text().null())
                    .foreign_key(
                        ForeignKey::create()
                            .name("criterion_verdicts_decision_id_fkey")
                            .from(CriterionVerdicts::Table, CriterionVerdicts::DecisionId)
                            .to(ReviewDecisions::Table, ReviewDecisions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("criterion_verdicts_decision_criterion_key")
                    .table(CriterionVerdicts::Table)
                    .col(CriterionVerdicts::DecisionId)
                    .col(CriterionVerdicts::CriterionId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CriterionVerdicts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum CriterionVerdicts {
    Table,
    Id,
    DecisionId,
    CriterionId,
    Status,
    Evidence,
    NoteFr,
    NoteEn,
}

#[derive(DeriveIden)]
enum ReviewDecisions {
    Table,
    Id,
}
