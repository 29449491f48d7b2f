//! Accounts: the minimum needed to log someone in and attribute their work (data
//! minimisation). A deleted account is pseudonymised, not removed, when others' records refer
//! to it; `pseudonymised_at` says when.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(
                        ColumnDef::new(Users::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Users::Provider).string_len(64).not_null())
                    .col(ColumnDef::new(Users::Subject).string_len(255).not_null())
                    .col(
                        ColumnDef::new(Users::DisplayName)
                            .string_len(255)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Users::Email).string_len(320).null())
                    .col(
                        ColumnDef::new(Users::EmailVerified)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(
                        ColumnDef::new(Users::Role)
                            .string_len(16)
                            .not_null()
                            .default("submitter")
                            .check((
                                "users_role_valid",
                                Expr::col(Users::Role).is_in(["submitter", "reviewer", "admin"]),
                            )),
                    )
                    .col(
                        ColumnDef::new(Users::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Users::LastLoginAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Users::PseudonymisedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("users_provider_subject_key")
                    .table(Users::Table)
                    .col(Users::Provider)
                    .col(Users::Subject)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Users::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Provider,
    Subject,
    DisplayName,
    Email,
    EmailVerified,
    Role,
    CreatedAt,
    LastLoginAt,
    PseudonymisedAt,
}
