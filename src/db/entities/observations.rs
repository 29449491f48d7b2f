//! `observations`: what a check or an importer observed about an entry, with where and when
//! (see `evidence::store`, which reads and writes them).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "observations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The entry observed (not a foreign key: entries live in the data repository).
    pub slug: String,
    /// An `EvidenceSource` id (`forge`, `website`, `fdroid`...).
    pub source: String,
    /// Where it was observed: a person can open it.
    #[sea_orm(column_type = "Text")]
    pub url: String,
    /// When this exact observation was first made.
    pub first_observed_at: DateTimeUtc,
    /// When it was last made (identical repeats move this forward instead of adding a row).
    pub observed_at: DateTimeUtc,
    /// What the machine saw, JSON text.
    #[sea_orm(column_type = "Text")]
    pub raw: String,
    /// The findings, JSON text (a list of `evidence::Finding`).
    #[sea_orm(column_type = "Text")]
    pub findings: String,
    /// Forge observations: no activity for 12 months.
    pub stale: Option<bool>,
    /// SHA-256 (hex) of the source, URL, raw observation, findings and stale flag.
    pub content_hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
