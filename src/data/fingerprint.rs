//! Content fingerprints of a catalogue: one for the whole, one per entry, one for the
//! taxonomy (criteria, categories, services). The search index records them to know whether
//! it is current and which entries changed.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Catalogue;
use crate::model::Entry;

/// Bump when the way documents are derived from the data changes, to force a rebuild.
pub const DERIVATION_VERSION: u32 = 2;

fn hash_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut hasher = Sha256::new();
    // Serialising our own plain types cannot fail; an empty hash would only force a rebuild.
    if let Ok(bytes) = serde_json::to_vec(value) {
        hasher.update(&bytes);
    }
    hex::encode(hasher.finalize())
}

impl Catalogue {
    /// Hash of the criteria, categories and services: when it changes, every document may change.
    pub fn taxonomy_hash(&self) -> String {
        hash_json(&(
            DERIVATION_VERSION,
            &self.criteria,
            &self.categories,
            &self.services,
        ))
    }

    /// Hash of every entry, by slug.
    pub fn entry_hashes(&self) -> BTreeMap<String, String> {
        self.entries
            .iter()
            .map(|(slug, e)| (slug.clone(), entry_hash(e)))
            .collect()
    }

    /// Hash of the whole valid catalogue.
    pub fn fingerprint(&self) -> String {
        fingerprint_of(&self.taxonomy_hash(), &self.entry_hashes())
    }
}

pub fn entry_hash(entry: &Entry) -> String {
    hash_json(entry)
}

/// Combines a taxonomy hash and entry hashes into one fingerprint.
pub fn fingerprint_of(taxonomy: &str, entries: &BTreeMap<String, String>) -> String {
    hash_json(&(taxonomy, entries))[..32].to_owned()
}
