//! A catalogue entry: one piece of free software, its facts, and its assessment.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::{Localized, Markdown};

/// Slugs and ids: lower-case ASCII words separated by single hyphens.
pub const SLUG_PATTERN: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";

/// Whether `s` matches [`SLUG_PATTERN`] (checked without a regex engine: it is on hot paths).
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// What kind of software an entry is; decides which criteria apply.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// An application installed on a computer.
    Desktop,
    /// An application for phones and tablets.
    Mobile,
    /// Used in a web browser, served by a server someone runs.
    Web,
    /// A back-end or daemon that a person, an organisation or the project runs.
    Server,
    BrowserExtension,
    /// A command-line tool.
    Cli,
}

impl Kind {
    /// Every kind, in the order forms list them.
    pub const ALL: [Kind; 6] = [
        Kind::Desktop,
        Kind::Mobile,
        Kind::Web,
        Kind::Server,
        Kind::BrowserExtension,
        Kind::Cli,
    ];

    /// The id written in entry files (`browser-extension`).
    pub fn id(self) -> &'static str {
        match self {
            Kind::Desktop => "desktop",
            Kind::Mobile => "mobile",
            Kind::Web => "web",
            Kind::Server => "server",
            Kind::BrowserExtension => "browser-extension",
            Kind::Cli => "cli",
        }
    }

    /// The kind an id names, if any.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// Where the software runs.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    Android,
    Ios,
    Linux,
    Macos,
    Windows,
    Bsd,
    Web,
    Firefox,
    Chromium,
    Safari,
}

impl Platform {
    pub const ALL: [Platform; 10] = [
        Platform::Android,
        Platform::Ios,
        Platform::Linux,
        Platform::Macos,
        Platform::Windows,
        Platform::Bsd,
        Platform::Web,
        Platform::Firefox,
        Platform::Chromium,
        Platform::Safari,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Platform::Android => "android",
            Platform::Ios => "ios",
            Platform::Linux => "linux",
            Platform::Macos => "macos",
            Platform::Windows => "windows",
            Platform::Bsd => "bsd",
            Platform::Web => "web",
            Platform::Firefox => "firefox",
            Platform::Chromium => "chromium",
            Platform::Safari => "safari",
        }
    }

    pub fn from_id(id: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// The outcome of assessing one criterion.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Met,
    Partial,
    NotMet,
    NotApplicable,
    /// Nobody has established it yet. Never counts as met.
    Unknown,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Met,
        Status::Partial,
        Status::NotMet,
        Status::NotApplicable,
        Status::Unknown,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::NotMet => "not-met",
            Status::NotApplicable => "not-applicable",
            Status::Unknown => "unknown",
        }
    }
}

/// The assessment of one criterion for one entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub status: Status,
    /// Public URLs a reviewer can open to check the status.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 10))]
    pub evidence: Vec<String>,
    /// Required for `not-applicable` (the reason); optional otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
    /// When the status was established. Required unless the status is `unknown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed: Option<NaiveDate>,
}

/// Where an entry stands in the review workflow of the authority.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewStatus {
    /// Assessed by the community; not reviewed by the authority.
    Community,
    /// Submitted for review, awaiting a decision.
    Submitted,
    /// Validated by a reviewer of the authority.
    Validated,
    ChangesRequested,
    Rejected,
    /// A validation whose period has run out; back in the queue.
    Expired,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 6] = [
        ReviewStatus::Community,
        ReviewStatus::Submitted,
        ReviewStatus::Validated,
        ReviewStatus::ChangesRequested,
        ReviewStatus::Rejected,
        ReviewStatus::Expired,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ReviewStatus::Community => "community",
            ReviewStatus::Submitted => "submitted",
            ReviewStatus::Validated => "validated",
            ReviewStatus::ChangesRequested => "changes-requested",
            ReviewStatus::Rejected => "rejected",
            ReviewStatus::Expired => "expired",
        }
    }

    /// Statuses that record a reviewer's decision, and so need a reviewer and a date.
    pub fn is_decision(self) -> bool {
        matches!(
            self,
            ReviewStatus::Validated | ReviewStatus::ChangesRequested | ReviewStatus::Rejected
        )
    }
}

/// A past step of the review, kept for transparency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewEvent {
    pub status: ReviewStatus,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 120))]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
}

/// The review block of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub status: ReviewStatus,
    /// The reviewer who took the current decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 120))]
    pub by: Option<String>,
    /// When the current status was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// When a validation runs out and the entry returns to the queue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<NaiveDate>,
    /// The reasons of the current decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ReviewEvent>,
}

/// One free-software entry of the catalogue, one file `entries/<slug>.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "floss-registry entry",
    description = "One free-software entry of the floss-registry catalogue: entries/<slug>.toml"
)]
pub struct Entry {
    /// Equal to the file name without `.toml`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"), length(min = 1, max = 64))]
    pub slug: String,
    #[schemars(length(min = 1, max = 80))]
    pub name: String,
    #[schemars(length(min = 1))]
    pub kinds: Vec<Kind>,
    #[schemars(length(max = 500))]
    pub homepage: String,
    /// Source repository (or the organisation hosting the repositories).
    #[schemars(length(max = 500))]
    pub repository: String,
    /// SPDX licence expression, e.g. `AGPL-3.0-only` or `MIT OR Apache-2.0`.
    #[schemars(length(min = 1, max = 200))]
    pub license: String,
    /// Category ids.
    #[schemars(length(min = 1, max = 5))]
    pub categories: Vec<String>,
    #[schemars(length(min = 1))]
    pub platforms: Vec<Platform>,
    /// Ids of the proprietary services this software replaces.
    #[serde(default)]
    #[schemars(length(max = 12))]
    pub replaces: Vec<String>,
    /// Whether a person or an organisation can run the whole service themselves.
    pub self_hostable: bool,
    /// When the entry was added to the catalogue.
    pub added: NaiveDate,
    /// When the entry's facts were last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<NaiveDate>,
    pub summary: Localized,
    pub description: Markdown,
    /// One assessment per applicable criterion, keyed by criterion id.
    pub assessment: BTreeMap<String, Assessment>,
    pub review: Review,
}

impl Entry {
    /// The most recent date the entry changed: an update, an assessment or a review step.
    pub fn last_changed(&self) -> NaiveDate {
        let assessed = self.assessment.values().filter_map(|a| a.assessed);
        let reviewed = self
            .review
            .date
            .into_iter()
            .chain(self.review.history.iter().map(|h| h.date));
        std::iter::once(self.added)
            .chain(self.updated)
            .chain(assessed)
            .chain(reviewed)
            .max()
            .unwrap_or(self.added)
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn a_kind_id_is_what_entry_files_write() {
        for kind in Kind::ALL {
            let written = serde_json::to_value(kind).expect("serialises");
            assert_eq!(written.as_str(), Some(kind.id()));
            assert_eq!(Kind::from_id(kind.id()), Some(kind));
        }
        assert_eq!(Kind::from_id("toaster"), None);
    }
}
