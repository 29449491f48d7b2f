//! Submissions of new entries and of changes. `entry_toml` is the exact text the person typed:
//! it is stored before anything else happens (git, validation), so nothing is ever lost. The
//! author may delete their account: the submission stays, `author_id` becomes null and
//! `author_pseudonym` keeps attributing it.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Submissions::Table)
                    .col(
                        ColumnDef::new(Submissions::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Submissions::Slug).string_len(128).not_null())
                    .col(
                        ColumnDef::new(Submissions::Kind)
                            .string_len(16)
                            .not_null()
                            .check((
                                "submissions_kind_valid",
                                Expr::col(Submissions::Kind).is_in(["new", "change"]),
                            )),
                    )
                    .col(
                        ColumnDef::new(Submissions::State)
                            .string_len(32)
                            .not_null()
                            .check((
                                "submissions_state_valid",
                                Expr::col(Submissions::State).is_in([
                                    "pending-git",
                                    "open",
                                    "changes-requested",
                                    "approved",
                                    "rejected",
                                    "withdrawn",
                                ]),
                            )),
                    )
                    .col(ColumnDef::new(Submissions::Branch).string_len(255).null())
                    .col(
                        ColumnDef::new(Submissions::BaseCommit)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Submissions::HeadCommit)
                            .string_len(64)
                            .null(),
                    )
                    .col(ColumnDef::new(Submissions::EntryToml).text().not_null())
                    .col(
                        ColumnDef::new(Submissions::ValidationReport)
                            .text()
                            .not_null(),
                    )
                    .col(ColumnDef::new(Submissions::AuthorId).big_integer().null())
                    .col(
                        ColumnDef::new(Submissions::AuthorPseudonym)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Submissions::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Submissions::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("submissions_author_id_fkey")
                            .from(Submissions::Table, Submissions::AuthorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("submissions_state_idx", Submissions::State),
            ("submissions_slug_idx", Submissions::Slug),
            ("submissions_author_id_idx", Submissions::AuthorId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Submissions::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Submissions::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Submissions {
    Table,
    Id,
    Slug,
    Kind,
    State,
    Branch,
    BaseCommit,
    HeadCommit,
    EntryToml,
    ValidationReport,
    AuthorId,
    AuthorPseudonym,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}
