//! The three check kinds (forge, website, apk), run through the guarded outbound client.
//!
//! SKELETON (session 5): the signatures are the contract between the helper who builds the
//! checks and the one who stores them and turns them into proposals. Bodies to be written.

use std::path::PathBuf;

use super::{CheckError, EvidenceSource, Observation};
use crate::model::Entry;

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
    pub api_base_overrides: std::collections::BTreeMap<String, String>,
    /// Limits of one request; `None` means the outbound client's defaults.
    pub timeout: Option<std::time::Duration>,
    pub max_body_bytes: Option<u64>,
    pub max_redirects: Option<usize>,
    pub per_host_concurrency: Option<usize>,
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

/// An Android package to analyse: a file on disk or an https URL.
#[derive(Debug, Clone)]
pub enum ApkInput {
    File(PathBuf),
    Url(String),
}

/// Runs checks; cheap to clone, shares one outbound client.
#[derive(Debug, Clone)]
pub struct Checker {
    _settings: CheckerSettings,
}

impl Checker {
    pub fn new(settings: CheckerSettings) -> Result<Checker, CheckError> {
        Ok(Checker {
            _settings: settings,
        })
    }

    /// Runs one check of one entry. `source` is `Forge`, `Website` or `Apk` (which needs `apk`).
    pub async fn check(
        &self,
        source: EvidenceSource,
        entry: &Entry,
        apk: Option<&ApkInput>,
    ) -> Result<Observation, CheckError> {
        let _ = (entry, apk);
        Err(CheckError::NotApplicable(format!(
            "the {} check is not built yet",
            source.id()
        )))
    }
}
