//! Categories of software and the proprietary services that entries replace.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::{Localized, LocalizedList};

/// A category of software ("messaging", "file-sync"...), one file in `categories/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Stable identifier, equal to the file name.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"), length(max = 64))]
    pub id: String,
    pub name: Localized,
    pub description: Localized,
}

/// What people type to name a service, per language.
pub type Aliases = LocalizedList;

/// A proprietary service that free software replaces ("whatsapp", "google-drive"...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"), length(max = 64))]
    pub id: String,
    #[schemars(length(min = 1, max = 80))]
    pub name: String,
    /// The company behind the service, or "unknown".
    #[schemars(length(min = 1, max = 120))]
    pub vendor: String,
    #[schemars(length(max = 500))]
    pub homepage: String,
    /// Category ids this service belongs to.
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub aliases: Aliases,
    /// Where people reach the service's data-protection officer or privacy requests: its
    /// own privacy page, read on `checked`. Absent when nobody has found and read one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_contact: Option<PrivacyContact>,
}

/// A service's own page for privacy requests (its privacy policy's contact section, its
/// data-protection officer's form), sourced like any fact: the page, and the day it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrivacyContact {
    /// An https page of the service itself.
    #[schemars(length(max = 500))]
    pub url: String,
    /// When someone read the page and saw the contact there.
    pub checked: chrono::NaiveDate,
}
