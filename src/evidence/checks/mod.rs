//! The three check kinds (forge, website, apk), run through the guarded outbound client
//! (`outbound`). Each turns what it observed into an `Observation` with conservative
//! findings: a finding says what the observation supports, never more; reviewers decide.
//!
//! Layout: `forge` (GitHub, GitLab, Forgejo/Gitea APIs), `website` (HTTPS, HSTS,
//! security.txt, privacy link, third-party hosts), `apk` with `dex` (class names of an
//! Android package), `trackers` (Exodus Privacy's signatures, shipped in `data/evidence/`),
//! `notes` (the bilingual wording of findings). Must not store anything nor make proposals.

mod apk;
pub mod dex;
mod forge;
mod notes;
pub mod trackers;
mod website;

use std::path::PathBuf;
use std::sync::Arc;

use super::{CheckError, EvidenceSource, Observation};
use crate::model::Entry;
use crate::outbound::{Outbound, OutboundError, OutboundSettings};

pub use forge::{ForgeKind, ForgeRepo, parse_repository};
pub use trackers::{TrackerSignature, TrackerSignatures};
pub use website::SecurityTxt;

/// What the checks may reach and with which credentials; built from the `[evidence]` config
/// section and the environment (tokens) by `config`.
#[derive(Clone, Default)]
pub struct CheckerSettings {
    /// Tokens for the forge APIs (optional: anonymous limits apply without them).
    pub github_token: Option<String>,
    pub gitlab_token: Option<String>,
    pub forgejo_token: Option<String>,
    /// Tests only: allow loopback addresses (every other non-public address stays refused).
    pub allow_loopback: bool,
    /// Tests only: PEM certificates trusted besides the system's roots (a test CA).
    pub extra_root_certificates: Vec<Vec<u8>>,
    /// Tests only: API base URL per forge host, e.g. `github.com` → `http://127.0.0.1:4000`.
    /// For GitHub it replaces `https://api.github.com`; for GitLab and Forgejo/Gitea it
    /// replaces `https://{host}` (the `/api/v4` or `/api/v1` path is kept).
    pub api_base_overrides: std::collections::BTreeMap<String, String>,
    /// Limits of one request; `None` means the outbound client's defaults.
    pub timeout: Option<std::time::Duration>,
    pub max_body_bytes: Option<u64>,
    pub max_redirects: Option<usize>,
    pub per_host_concurrency: Option<usize>,
    /// Largest APK read (file or download); `None` means 200 MiB.
    pub max_apk_bytes: Option<u64>,
}

impl std::fmt::Debug for CheckerSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the tokens.
        f.debug_struct("CheckerSettings")
            .field("github_token", &self.github_token.as_ref().map(|_| "…"))
            .field("gitlab_token", &self.gitlab_token.as_ref().map(|_| "…"))
            .field("forgejo_token", &self.forgejo_token.as_ref().map(|_| "…"))
            .field("allow_loopback", &self.allow_loopback)
            .field("api_base_overrides", &self.api_base_overrides)
            .finish_non_exhaustive()
    }
}

impl CheckerSettings {
    fn outbound(&self) -> OutboundSettings {
        let defaults = OutboundSettings::default();
        OutboundSettings {
            allow_loopback: self.allow_loopback,
            extra_root_certificates: self.extra_root_certificates.clone(),
            timeout: self.timeout.unwrap_or(defaults.timeout),
            max_body_bytes: self.max_body_bytes.unwrap_or(defaults.max_body_bytes),
            max_redirects: self.max_redirects.unwrap_or(defaults.max_redirects),
            per_host_concurrency: self
                .per_host_concurrency
                .unwrap_or(defaults.per_host_concurrency),
            ..defaults
        }
    }
}

/// The default cap on an APK: the largest F-Droid packages are around 150 MB.
pub const DEFAULT_MAX_APK_BYTES: u64 = 200 * 1024 * 1024;

/// An Android package to analyse: a file on disk or an https URL.
#[derive(Debug, Clone)]
pub enum ApkInput {
    File(PathBuf),
    Url(String),
}

/// Runs checks; cheap to clone, shares one outbound client.
#[derive(Debug, Clone)]
pub struct Checker {
    settings: Arc<CheckerSettings>,
    outbound: Outbound,
    trackers: Arc<TrackerSignatures>,
}

impl Checker {
    pub fn new(settings: CheckerSettings) -> Result<Checker, CheckError> {
        let outbound = Outbound::new(settings.outbound()).map_err(CheckError::from)?;
        let trackers = TrackerSignatures::shipped()?;
        Ok(Checker {
            settings: Arc::new(settings),
            outbound,
            trackers: Arc::new(trackers),
        })
    }

    /// The guarded client the checks use (for a caller that fetches an index the same way).
    pub fn outbound(&self) -> &Outbound {
        &self.outbound
    }

    /// The tracker signatures the website and APK checks match against.
    pub fn trackers(&self) -> &TrackerSignatures {
        &self.trackers
    }

    /// Runs one check of one entry. `source` is `Forge`, `Website` or `Apk` (which needs `apk`).
    pub async fn check(
        &self,
        source: EvidenceSource,
        entry: &Entry,
        apk: Option<&ApkInput>,
    ) -> Result<Observation, CheckError> {
        match source {
            EvidenceSource::Forge => forge::check(self, entry).await,
            EvidenceSource::Website => website::check(self, entry).await,
            EvidenceSource::Apk => match apk {
                Some(input) => apk::check(self, entry, input).await,
                None => Err(CheckError::NotApplicable(format!(
                    "{}: the apk check needs an APK (a file or an https URL)",
                    entry.slug
                ))),
            },
            other => Err(CheckError::NotApplicable(format!(
                "`{}` is an importer, not a check",
                other.id()
            ))),
        }
    }
}

impl From<OutboundError> for CheckError {
    fn from(error: OutboundError) -> Self {
        match error {
            OutboundError::Refused { url, reason } => CheckError::Refused { url, reason },
            OutboundError::Unreachable { url, reason } => CheckError::Unreachable { url, reason },
            OutboundError::Setup(reason) => CheckError::Malformed {
                what: "checker settings".to_owned(),
                reason,
            },
        }
    }
}
