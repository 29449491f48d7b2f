//! The index's one record, `meta-floss.json` next to tantivy's files: which data it was built
//! from (the fingerprint, and the hash of the taxonomy and of every entry it holds, which
//! [`super::sync`] compares with a catalogue to find what changed), how many times it was
//! committed (the generation, shown by `/healthz`), and the schema version it was built with.
//!
//! Written after each commit, atomically (temporary file, fsync, rename), so a crash leaves
//! either the old record or the new one. The same fingerprint is also set as tantivy's commit
//! payload, so an index committed without its record being written is detected as stale.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::SearchError;

/// File name of the record inside the index directory.
pub const META_FILE: &str = "meta-floss.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexMeta {
    pub schema_version: u32,
    pub fingerprint: String,
    pub generation: u64,
    /// What the documents were derived from. Absent in records of older versions: such an
    /// index is then synced as if every entry had changed.
    #[serde(default)]
    pub manifest: Manifest,
}

/// The content hashes an index holds: the taxonomy's (criteria, categories, services) and
/// each entry's, by slug. Kept up to date entry by entry as documents are replaced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub taxonomy: String,
    pub entries: BTreeMap<String, String>,
}

impl Manifest {
    /// The manifest of a whole catalogue.
    pub fn of(catalogue: &crate::data::Catalogue) -> Manifest {
        Manifest {
            taxonomy: catalogue.taxonomy_hash(),
            entries: catalogue.entry_hashes(),
        }
    }
}

fn path(dir: &Path) -> PathBuf {
    dir.join(META_FILE)
}

/// The record in `dir`: `Ok(None)` when there is none or it cannot be understood (an index
/// without a readable record is rebuilt, never trusted).
pub fn read(dir: &Path) -> Option<IndexMeta> {
    let bytes = fs::read(path(dir)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Replaces the record in `dir` atomically.
pub fn write(dir: &Path, meta: &IndexMeta) -> Result<(), SearchError> {
    let target = path(dir);
    let tmp = dir.join(format!("{META_FILE}.tmp"));
    let io = |source| SearchError::Io {
        path: target.clone(),
        source,
    };
    let json = serde_json::to_vec_pretty(meta).map_err(|e| SearchError::Io {
        path: target.clone(),
        source: std::io::Error::other(e),
    })?;
    {
        let mut file = fs::File::create(&tmp).map_err(io)?;
        file.write_all(&json).map_err(io)?;
        file.sync_all().map_err(io)?;
    }
    fs::rename(&tmp, &target).map_err(io)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_record_reads_back_and_replaces_the_old_one() {
        let dir = tempfile::tempdir().expect("temporary directory");
        assert_eq!(read(dir.path()), None);
        let mut meta = IndexMeta {
            schema_version: 1,
            fingerprint: "abc".into(),
            generation: 1,
            manifest: Manifest::default(),
        };
        write(dir.path(), &meta).expect("written");
        meta.generation = 2;
        write(dir.path(), &meta).expect("rewritten");
        assert_eq!(read(dir.path()), Some(meta));
        assert!(!dir.path().join(format!("{META_FILE}.tmp")).exists());
    }

    #[test]
    fn a_record_without_a_manifest_reads_with_an_empty_one() {
        let dir = tempfile::tempdir().expect("temporary directory");
        fs::write(
            dir.path().join(META_FILE),
            br#"{"schema_version": 1, "fingerprint": "abc", "generation": 3}"#,
        )
        .expect("written");
        let meta = read(dir.path()).expect("readable");
        assert_eq!((meta.generation, meta.manifest), (3, Manifest::default()));
    }

    #[test]
    fn an_unreadable_record_counts_as_none() {
        let dir = tempfile::tempdir().expect("temporary directory");
        fs::write(dir.path().join(META_FILE), b"{ not json").expect("written");
        assert_eq!(read(dir.path()), None);
    }
}
