//! Keeping the search index in step with the data directory: reuse a current index, replace
//! only the entries whose content changed (delete by slug + add), or rebuild it all.
//!
//! A manifest next to the index (`index-manifest.json`) records the hash of every entry and
//! of the taxonomy it was built from; comparing it with the catalogue gives the changed set.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::Catalogue;
use crate::data::fingerprint::fingerprint_of;
use crate::search::{BuildOutcome, SearchError, SearchIndex};

/// Above this share of changed entries, a full rebuild is cheaper than replacing documents.
const INCREMENTAL_MAX_SHARE: f64 = 0.25;

/// What the index was built from, kept beside it (`index-manifest.json`).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub fingerprint: String,
    pub taxonomy: String,
    entries: BTreeMap<String, String>,
}

/// What syncing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexOutcome {
    /// The index was current.
    Reused,
    /// Only these entries were replaced or removed.
    Incremental {
        changed: Vec<String>,
        removed: Vec<String>,
    },
    /// The index was built from scratch, for this reason.
    Built { reason: String },
}

impl std::fmt::Display for IndexOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexOutcome::Reused => write!(f, "index is current"),
            IndexOutcome::Incremental { changed, removed } => write!(
                f,
                "index updated incrementally: {} entr{} replaced, {} removed",
                changed.len(),
                if changed.len() == 1 { "y" } else { "ies" },
                removed.len()
            ),
            IndexOutcome::Built { reason } => write!(f, "index rebuilt ({reason})"),
        }
    }
}

fn manifest_path(index_dir: &Path) -> PathBuf {
    index_dir.with_file_name("index-manifest.json")
}

fn read_manifest(index_dir: &Path) -> Option<Manifest> {
    let text = std::fs::read_to_string(manifest_path(index_dir)).ok()?;
    serde_json::from_str(&text).ok()
}

fn write_manifest(index_dir: &Path, manifest: &Manifest) -> Result<(), SearchError> {
    let path = manifest_path(index_dir);
    let tmp = path.with_extension("json.tmp");
    let io = |source: std::io::Error| SearchError::Io {
        path: path.clone(),
        source,
    };
    let bytes = serde_json::to_vec_pretty(manifest).map_err(|e| io(std::io::Error::other(e)))?;
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, &path).map_err(io)?;
    Ok(())
}

impl Manifest {
    /// What an index holding `catalogue` records: its taxonomy and entry hashes, and the
    /// fingerprint [`SearchIndex::update`] commits.
    pub fn of(catalogue: &Catalogue) -> Manifest {
        let taxonomy = catalogue.taxonomy_hash();
        let entries = catalogue.entry_hashes();
        Manifest {
            fingerprint: fingerprint_of(&taxonomy, &entries),
            taxonomy,
            entries,
        }
    }

    /// Records that the index in `index_dir` now holds this catalogue (after the running
    /// server updated it incrementally), so the next start reuses it.
    pub fn write(&self, index_dir: &Path) -> Result<(), SearchError> {
        write_manifest(index_dir, self)
    }
}

/// Opens, updates or builds the index in `index_dir` for `catalogue`. Blocking.
pub fn sync_index(
    index_dir: &Path,
    catalogue: &Catalogue,
    full: bool,
    progress: &dyn Fn(u64, u64),
) -> Result<(SearchIndex, IndexOutcome), SearchError> {
    if let Some(parent) = index_dir.parent() {
        std::fs::create_dir_all(parent).map_err(|source| SearchError::Io {
            path: parent.to_owned(),
            source,
        })?;
    }
    let manifest = Manifest::of(catalogue);
    let fingerprint = manifest.fingerprint.clone();
    let previous = if full { None } else { read_manifest(index_dir) };

    let (index, outcome) = match previous {
        Some(old) if old.fingerprint == manifest.fingerprint => {
            let (index, built) =
                SearchIndex::open_or_build(index_dir, catalogue, &fingerprint, false, progress)?;
            (index, outcome_of(built))
        }
        Some(old) if old.taxonomy == manifest.taxonomy => {
            let changed: Vec<String> = manifest
                .entries
                .iter()
                .filter(|(slug, hash)| old.entries.get(*slug) != Some(*hash))
                .map(|(slug, _)| slug.clone())
                .collect();
            let removed: Vec<String> = old
                .entries
                .keys()
                .filter(|slug| !manifest.entries.contains_key(*slug))
                .cloned()
                .collect();
            let share =
                (changed.len() + removed.len()) as f64 / manifest.entries.len().max(1) as f64;
            // Open the index as it was; if it is missing or corrupt it is rebuilt from the
            // current catalogue, and the update below is then a harmless no-op.
            let (index, built) = SearchIndex::open_or_build(
                index_dir,
                catalogue,
                &old.fingerprint,
                false,
                progress,
            )?;
            if share > INCREMENTAL_MAX_SHARE {
                drop(index);
                let (index, built) =
                    SearchIndex::open_or_build(index_dir, catalogue, &fingerprint, true, progress)?;
                let outcome = match built {
                    BuildOutcome::Reused => IndexOutcome::Reused,
                    BuildOutcome::Built { .. } => IndexOutcome::Built {
                        reason: format!("{:.0}% of the entries changed", share * 100.0),
                    },
                };
                (index, outcome)
            } else {
                let changed_entries: Vec<&crate::model::Entry> = changed
                    .iter()
                    .filter_map(|s| catalogue.entries.get(s))
                    .collect();
                let removed_refs: Vec<&str> = removed.iter().map(String::as_str).collect();
                index.update(catalogue, &changed_entries, &removed_refs, &fingerprint)?;
                let outcome = match built {
                    BuildOutcome::Built { reason } => IndexOutcome::Built { reason },
                    BuildOutcome::Reused => IndexOutcome::Incremental { changed, removed },
                };
                (index, outcome)
            }
        }
        Some(_) => {
            let (index, built) =
                SearchIndex::open_or_build(index_dir, catalogue, &fingerprint, true, progress)?;
            let outcome = match built {
                BuildOutcome::Reused => IndexOutcome::Reused,
                BuildOutcome::Built { .. } => IndexOutcome::Built {
                    reason: "criteria, categories or services changed".into(),
                },
            };
            (index, outcome)
        }
        None => {
            let (index, built) =
                SearchIndex::open_or_build(index_dir, catalogue, &fingerprint, full, progress)?;
            let outcome = if full {
                IndexOutcome::Built {
                    reason: "full rebuild requested".into(),
                }
            } else {
                outcome_of(built)
            };
            (index, outcome)
        }
    };
    write_manifest(index_dir, &manifest)?;
    Ok((index, outcome))
}

fn outcome_of(built: BuildOutcome) -> IndexOutcome {
    match built {
        BuildOutcome::Reused => IndexOutcome::Reused,
        BuildOutcome::Built { reason } => IndexOutcome::Built { reason },
    }
}
