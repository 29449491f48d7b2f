//! The three check kinds (forge, website, apk), run through the guarded outbound client.
//!
//! SKELETON (session 5): the signatures are the contract between the helper who builds the
//! checks and the one who stores them and turns them into proposals. Bodies to be written.

use std::path::PathBuf;

use super::{CheckError, EvidenceSource, Observation};
use crate::model::Entry;

/// What the checks may reach and with which credentials; built from the `[evidence]` config.
#[derive(Debug, Clone, Default)]
pub struct CheckerSettings {}

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
