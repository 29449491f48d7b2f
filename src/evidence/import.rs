//! Importers of other catalogues' data (F-Droid, awesome-selfhosted, publiccode.yml): what they
//! say about entries of the catalogue (matched by repository URL or package id), and entries
//! they would add. An importer proposes; it never overwrites a human assessment.
//!
//! SKELETON (session 5): the signatures are the contract between the helper who writes the
//! importers and the one who turns their reports into proposals. Bodies to be written.

use std::path::Path;

use serde::Serialize;

use super::{CheckError, EvidenceSource, Observation};
use crate::catalogue::Snapshot;

/// What one import found: matches, proposed new entries, and what it left aside and why.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub source: EvidenceSource,
    pub matched: Vec<Matched>,
    pub new_entries: Vec<NewEntry>,
    pub skipped: Vec<Skipped>,
}

/// An entry of the catalogue the imported data speaks about.
#[derive(Debug, Clone, Serialize)]
pub struct Matched {
    pub slug: String,
    /// How it was matched, e.g. `repository https://github.com/...` or `package org.example`.
    pub matched_by: String,
    pub observation: Observation,
}

/// An entry the imported data would add: a complete entry file, every criterion not
/// established by the data `unknown`.
#[derive(Debug, Clone, Serialize)]
pub struct NewEntry {
    pub slug: String,
    pub entry_toml: String,
    pub observation: Observation,
}

/// A record of the imported data left aside, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub name: String,
    pub reason: String,
}

/// Reads `input` (a file or directory of the given source's format) against the catalogue.
/// `source` is `Fdroid`, `AwesomeSelfhosted` or `Publiccode`.
pub fn import(
    source: EvidenceSource,
    input: &Path,
    snapshot: &Snapshot,
) -> Result<ImportReport, CheckError> {
    let _ = (input, snapshot);
    Err(CheckError::NotApplicable(format!(
        "the {} importer is not built yet",
        source.id()
    )))
}
