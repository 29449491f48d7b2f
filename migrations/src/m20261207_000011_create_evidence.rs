//! Automated evidence: what checks and importers observed about entries (a forge's answer, a
//! website's headers, an F-Droid record...), with where and when. Machines never decide: these
//! rows are shown as machine-observed evidence and turned into proposals that reviewers decide
//! on; the catalogue itself stays in the data repository.
//!
//! An observation identical to the latest one of its entry and source is not stored again: its
//! row's `observed_at` moves forward and `first_observed_at` keeps when it was first seen
//! (`content_hash` says "identical").

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Observations::Table)
                    .col(
                        ColumnDef::new(Observations::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Observations::Slug).string_len(64).not_null())
                    .col(
                        ColumnDef::new(Observations::Source)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Observations::Url).text().not_null())
                    .col(
                        ColumnDef::new(Observations::FirstObservedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Observations::ObservedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(Observations::Raw).text().not_null())
                    .col(ColumnDef::new(Observations::Findings).text().not_null())
                    .col(ColumnDef::new(Observations::Stale).boolean())
                    .col(
                        ColumnDef::new(Observations::ContentHash)
                            .string_len(64)
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("observations_slug_source_idx")
                    .table(Observations::Table)
                    .col(Observations::Slug)
                    .col(Observations::Source)
                    .col(Observations::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Observations::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Observations {
    Table,
    Id,
    Slug,
    Source,
    Url,
    FirstObservedAt,
    ObservedAt,
    Raw,
    Findings,
    Stale,
    ContentHash,
}
