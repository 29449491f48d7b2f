//! Reviewers' decisions on submissions. Decisions are published (transparency), so a
//! submission that has one cannot be deleted (`RESTRICT`); a reviewer's deleted account only
//! clears `reviewer_id`.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ReviewDecisions::Table)
                    .col(
                        ColumnDef::new(ReviewDecisions::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ReviewDecisions::SubmissionId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ReviewDecisions::ReviewerId)
                            .big_integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ReviewDecisions::Decision)
                            .string_len(32)
                            .not_null()
                            .check((
                                "review_decisions_decision_valid",
                                Expr::col(ReviewDecisions::Decision).is_in([
                                    "approve",
                                    "request-changes",
                                    "reject",
                                ]),
                            )),
                    )
                    .col(ColumnDef::new(ReviewDecisions::Reason).text().null())
                    .col(
                        ColumnDef::new(ReviewDecisions::MergeCommit)
                            .string_len(64)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ReviewDecisions::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("review_decisions_submission_id_fkey")
                            .from(ReviewDecisions::Table, ReviewDecisions::SubmissionId)
                            .to(Submissions::Table, Submissions::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("review_decisions_reviewer_id_fkey")
                            .from(ReviewDecisions::Table, ReviewDecisions::ReviewerId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("review_decisions_submission_id_idx")
                    .table(ReviewDecisions::Table)
                    .col(ReviewDecisions::SubmissionId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ReviewDecisions::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum ReviewDecisions {
    Table,
    Id,
    SubmissionId,
    ReviewerId,
    Decision,
    Reason,
    MergeCommit,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Submissions {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}
