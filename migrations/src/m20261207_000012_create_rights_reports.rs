//! Reports of the rights-request observatory: one row per request a person made to a
//! proprietary service (GDPR arts. 15, 16, 17, 20, 21) and how it was answered. A report
//! belongs to its author's account; the registry publishes only aggregates of them above a
//! threshold (see `workflow::rights`). `note` is free text held for moderators and never
//! published. `hidden_*` are set by a reviewer; a hidden report leaves every aggregate.
//!
//! The enumerations are checked by the database too, so a row another tool writes cannot
//! carry a value the aggregates do not know.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn one_of(name: &'static str, col: RightsReports, values: &[&'static str]) -> (String, SimpleExpr) {
    (
        name.to_owned(),
        Expr::col(col).is_in(values.iter().copied()),
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RightsReports::Table)
                    .col(
                        ColumnDef::new(RightsReports::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(RightsReports::UserId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(RightsReports::ServiceId)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(RightsReports::GdprRight)
                            .string_len(16)
                            .not_null()
                            .check(one_of(
                                "rights_reports_right_valid",
                                RightsReports::GdprRight,
                                &[
                                    "access",
                                    "rectification",
                                    "erasure",
                                    "portability",
                                    "objection",
                                ],
                            )),
                    )
                    .col(ColumnDef::new(RightsReports::SentOn).date().not_null())
                    .col(
                        ColumnDef::new(RightsReports::Channel)
                            .string_len(16)
                            .not_null()
                            .check(one_of(
                                "rights_reports_channel_valid",
                                RightsReports::Channel,
                                &["web-form", "email", "post", "in-app"],
                            )),
                    )
                    .col(
                        ColumnDef::new(RightsReports::Outcome)
                            .string_len(16)
                            .not_null()
                            .check(one_of(
                                "rights_reports_outcome_valid",
                                RightsReports::Outcome,
                                &["pending", "answered", "no-answer"],
                            )),
                    )
                    .col(ColumnDef::new(RightsReports::AnsweredOn).date().null())
                    .col(
                        ColumnDef::new(RightsReports::Completeness)
                            .string_len(16)
                            .null()
                            .check(one_of(
                                "rights_reports_completeness_valid",
                                RightsReports::Completeness,
                                &["complete", "partial", "refused"],
                            )),
                    )
                    .col(
                        ColumnDef::new(RightsReports::Format)
                            .string_len(24)
                            .null()
                            .check(one_of(
                                "rights_reports_format_valid",
                                RightsReports::Format,
                                &["machine-readable", "pdf", "screenshots", "other"],
                            )),
                    )
                    .col(ColumnDef::new(RightsReports::Note).text().null())
                    .col(ColumnDef::new(RightsReports::Flag).string_len(32).null())
                    .col(
                        ColumnDef::new(RightsReports::Hidden)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(ColumnDef::new(RightsReports::HiddenReason).text().null())
                    .col(ColumnDef::new(RightsReports::HiddenBy).big_integer().null())
                    .col(
                        ColumnDef::new(RightsReports::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(RightsReports::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("rights_reports_user_id_fkey")
                            .from(RightsReports::Table, RightsReports::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("rights_reports_hidden_by_fkey")
                            .from(RightsReports::Table, RightsReports::HiddenBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("rights_reports_user_id_idx", RightsReports::UserId),
            ("rights_reports_service_id_idx", RightsReports::ServiceId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(RightsReports::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RightsReports::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum RightsReports {
    Table,
    Id,
    UserId,
    ServiceId,
    GdprRight,
    SentOn,
    Channel,
    Outcome,
    AnsweredOn,
    Completeness,
    Format,
    Note,
    Flag,
    Hidden,
    HiddenReason,
    HiddenBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}
