//! First migration: a one-row table recording which data commit the workflow state was last
//! reconciled with. The tables of the review workflow come in later migrations.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RegistryMeta::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(RegistryMeta::Key)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(RegistryMeta::Value).text().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RegistryMeta::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum RegistryMeta {
    Table,
    Key,
    Value,
}
