//! Automated evidence: what machines observe about an entry (its forge, its website, an APK,
//! and the importers of other catalogues), with provenance. Machines never decide: an
//! observation is shown as automated evidence, and where a finding could settle an `unknown`
//! or contradicts a recorded status it becomes a proposal that reviewers decide on through the
//! ordinary four-eyes workflow (`workflow::proposals`).
//!
//! Layout: the types every producer and consumer share live here; `checks` runs the three
//! check kinds through the guarded outbound client (`outbound`); `import` reads other
//! catalogues' data; `store` keeps observations in the database.

pub mod checks;
pub mod import;
pub mod run;
pub mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{Localized, Status};

/// Where an observation comes from.
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
    utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceSource {
    /// The entry's repository, through its forge's documented REST API.
    Forge,
    /// The entry's homepage: HTTPS, security.txt, privacy notice, third-party hosts.
    Website,
    /// Static analysis of an Android package against Exodus Privacy's tracker signatures.
    Apk,
    /// F-Droid's metadata (fdroiddata or a repository index).
    Fdroid,
    /// awesome-selfhosted-data.
    AwesomeSelfhosted,
    /// A project's publiccode.yml.
    Publiccode,
}

impl EvidenceSource {
    pub const ALL: [EvidenceSource; 6] = [
        EvidenceSource::Forge,
        EvidenceSource::Website,
        EvidenceSource::Apk,
        EvidenceSource::Fdroid,
        EvidenceSource::AwesomeSelfhosted,
        EvidenceSource::Publiccode,
    ];

    /// The id written in the database, the API and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            EvidenceSource::Forge => "forge",
            EvidenceSource::Website => "website",
            EvidenceSource::Apk => "apk",
            EvidenceSource::Fdroid => "fdroid",
            EvidenceSource::AwesomeSelfhosted => "awesome-selfhosted",
            EvidenceSource::Publiccode => "publiccode",
        }
    }

    pub fn from_id(id: &str) -> Option<EvidenceSource> {
        EvidenceSource::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// What one check or import observed about one entry, at one time, from one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Observation {
    /// The entry observed.
    pub slug: String,
    pub source: EvidenceSource,
    /// Where it was observed (the API URL, the page, the F-Droid page...): a person can open it.
    pub url: String,
    pub observed_at: DateTime<Utc>,
    /// What the machine saw, as it saw it (bounded in size by the producer): forge fields,
    /// response headers, third-party hosts, tracker classes found, anti-features...
    #[schema(value_type = Object)]
    pub raw: serde_json::Value,
    /// What the observation supports, criterion by criterion. May be empty (nothing settled).
    pub findings: Vec<Finding>,
    /// Forge checks only: no commit nor release for 12 months (`None` when not observed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale: Option<bool>,
}

/// One criterion's status as an observation supports it, with the URL that shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Finding {
    /// A criterion id (`no-trackers`, `licence`...).
    pub criterion: String,
    /// `met`, `partial` or `not-met`: what the observation supports (never `unknown`).
    pub status: Status,
    /// A public https URL a reviewer can open to see the same thing.
    pub evidence: String,
    /// What was observed, in French and English, with its date where age matters.
    pub note: Localized,
}

/// Why a check or an import of one entry or file could not be made. Each says what and where;
/// the other entries' checks go on.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The entry has nothing this check can look at (no forge repository, no homepage...).
    #[error("nothing to check: {0}")]
    NotApplicable(String),
    /// The request was refused before it was sent (a private address, a scheme not allowed).
    #[error("{url}: refused: {reason}")]
    Refused { url: String, reason: String },
    /// The host did not answer as expected (DNS, connection, TLS, timeout, status, size...).
    #[error("{url}: {reason}")]
    Unreachable { url: String, reason: String },
    /// An answer, file or list that does not have the documented shape.
    #[error("{what}: {reason}")]
    Malformed { what: String, reason: String },
}
