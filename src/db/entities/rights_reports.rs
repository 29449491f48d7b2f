//! `rights_reports`: one request a person made to a service under the GDPR, and how it was
//! answered. Only aggregates of these rows are published (`workflow::rights::aggregate`);
//! `note` is for moderators only.

use sea_orm::entity::prelude::*;

/// The right exercised, with its article of the GDPR.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "lowercase")]
pub enum GdprRight {
    /// Art. 15.
    #[sea_orm(string_value = "access")]
    Access,
    /// Art. 16.
    #[sea_orm(string_value = "rectification")]
    Rectification,
    /// Art. 17.
    #[sea_orm(string_value = "erasure")]
    Erasure,
    /// Art. 20.
    #[sea_orm(string_value = "portability")]
    Portability,
    /// Art. 21.
    #[sea_orm(string_value = "objection")]
    Objection,
}

/// How the request was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Channel {
    #[sea_orm(string_value = "web-form")]
    WebForm,
    #[sea_orm(string_value = "email")]
    Email,
    #[sea_orm(string_value = "post")]
    Post,
    #[sea_orm(string_value = "in-app")]
    InApp,
}

/// Where the request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Outcome {
    /// No answer yet, and the person does not say it will never come.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// Answered on `answered_on`.
    #[sea_orm(string_value = "answered")]
    Answered,
    /// The person considers the request unanswered.
    #[sea_orm(string_value = "no-answer")]
    NoAnswer,
}

/// How much of the request the answer satisfied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Completeness {
    #[sea_orm(string_value = "complete")]
    Complete,
    #[sea_orm(string_value = "partial")]
    Partial,
    #[sea_orm(string_value = "refused")]
    Refused,
}

/// The format of the data received (access and portability only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
pub enum Format {
    /// JSON, CSV, XML: what art. 20(1) calls "structured, commonly used and machine-readable".
    #[sea_orm(string_value = "machine-readable")]
    MachineReadable,
    #[sea_orm(string_value = "pdf")]
    Pdf,
    #[sea_orm(string_value = "screenshots")]
    Screenshots,
    #[sea_orm(string_value = "other")]
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rights_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The author; their reports are deleted with their account.
    pub user_id: i64,
    /// A service of the catalogue (`services/<id>.toml`).
    pub service_id: String,
    pub gdpr_right: GdprRight,
    pub sent_on: Date,
    pub channel: Channel,
    pub outcome: Outcome,
    pub answered_on: Option<Date>,
    pub completeness: Option<Completeness>,
    pub format: Option<Format>,
    /// Free text for moderators; never published.
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// Why the limits flagged it for moderators (`repeat`), if they did.
    pub flag: Option<String>,
    pub hidden: bool,
    #[sea_orm(column_type = "Text", nullable)]
    pub hidden_reason: Option<String>,
    /// The reviewer who hid it.
    pub hidden_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_delete = "Cascade"
    )]
    User,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
