//! Keeping the search index in step with a catalogue: the one path used by start-up, the
//! `index` and `search` commands, and the running server's reload after an approval.
//!
//! One rule decides ([`plan`]), against the one record the index keeps (`meta-floss.json`,
//! with the hash of the taxonomy and of every entry it holds): nothing changed → keep it;
//! the criteria, categories or services changed (their names show in every document), or more
//! than a quarter of the entries did → rebuild; otherwise replace only the entries whose
//! content changed (delete by slug, add) and remove the others. Blocking.

use std::path::Path;

use super::meta::{self, Manifest};
use super::{BuildOutcome, SearchError, SearchIndex};
use crate::data::Catalogue;

/// Above this share of changed entries, a rebuild is cheaper than replacing documents.
const INCREMENTAL_MAX_SHARE: f64 = 0.25;

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

/// What to do to bring an index holding `old` in step with a catalogue whose manifest is `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    Current,
    Replace {
        changed: Vec<String>,
        removed: Vec<String>,
    },
    Rebuild {
        reason: String,
    },
}

/// The one rule (see the module documentation).
pub fn plan(old: &Manifest, new: &Manifest) -> Plan {
    if old.taxonomy != new.taxonomy {
        return Plan::Rebuild {
            reason: "criteria, categories or services changed".into(),
        };
    }
    let changed: Vec<String> = new
        .entries
        .iter()
        .filter(|(slug, hash)| old.entries.get(*slug) != Some(*hash))
        .map(|(slug, _)| slug.clone())
        .collect();
    let removed: Vec<String> = old
        .entries
        .keys()
        .filter(|slug| !new.entries.contains_key(*slug))
        .cloned()
        .collect();
    if changed.is_empty() && removed.is_empty() {
        return Plan::Current;
    }
    let share = (changed.len() + removed.len()) as f64 / new.entries.len().max(1) as f64;
    if share > INCREMENTAL_MAX_SHARE {
        return Plan::Rebuild {
            reason: format!("{:.0}% of the entries changed", share * 100.0),
        };
    }
    Plan::Replace { changed, removed }
}

/// Brings an open index in step with `catalogue` (the running server's reload).
pub fn sync(
    index: &SearchIndex,
    catalogue: &Catalogue,
    progress: &dyn Fn(u64, u64),
) -> Result<IndexOutcome, SearchError> {
    let new = Manifest::of(catalogue);
    let fingerprint = catalogue.fingerprint();
    match plan(&index.manifest(), &new) {
        Plan::Current => Ok(IndexOutcome::Reused),
        Plan::Replace { changed, removed } => {
            let entries: Vec<&crate::model::Entry> = changed
                .iter()
                .filter_map(|slug| catalogue.entries.get(slug))
                .collect();
            let gone: Vec<&str> = removed.iter().map(String::as_str).collect();
            index.update(catalogue, &entries, &gone, &fingerprint)?;
            Ok(IndexOutcome::Incremental { changed, removed })
        }
        Plan::Rebuild { reason } => {
            index.rebuild(catalogue, &fingerprint, progress)?;
            Ok(IndexOutcome::Built { reason })
        }
    }
}

/// Opens the index in `index_dir` as it was last committed (or builds it when it is missing,
/// unreadable, of another schema, or `full` is asked), then [`sync`]s it. Start-up and CLI.
pub fn open_and_sync(
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
    // Open what was committed last; building is for an index that cannot be opened.
    let fingerprint = match meta::read(index_dir) {
        Some(record) if !full => record.fingerprint,
        _ => catalogue.fingerprint(),
    };
    let (index, built) =
        SearchIndex::open_or_build(index_dir, catalogue, &fingerprint, full, progress)?;
    match built {
        BuildOutcome::Built { reason } => Ok((index, IndexOutcome::Built { reason })),
        BuildOutcome::Reused => {
            let outcome = sync(&index, catalogue, progress)?;
            Ok((index, outcome))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(taxonomy: &str, entries: &[(&str, &str)]) -> Manifest {
        Manifest {
            taxonomy: taxonomy.into(),
            entries: entries
                .iter()
                .map(|(s, h)| ((*s).to_owned(), (*h).to_owned()))
                .collect(),
        }
    }

    const TEN: [(&str, &str); 10] = [
        ("a", "1"),
        ("b", "1"),
        ("c", "1"),
        ("d", "1"),
        ("e", "1"),
        ("f", "1"),
        ("g", "1"),
        ("h", "1"),
        ("i", "1"),
        ("j", "1"),
    ];

    #[test]
    fn an_unchanged_catalogue_keeps_the_index() {
        assert_eq!(
            plan(&manifest("t", &TEN), &manifest("t", &TEN)),
            Plan::Current
        );
    }

    #[test]
    fn changed_and_removed_entries_are_replaced_one_by_one() {
        let mut new = manifest("t", &TEN);
        new.entries.insert("a".into(), "2".into());
        new.entries.remove("b");
        assert_eq!(
            plan(&manifest("t", &TEN), &new),
            Plan::Replace {
                changed: vec!["a".into()],
                removed: vec!["b".into()],
            }
        );
    }

    #[test]
    fn a_changed_taxonomy_or_a_large_change_rebuilds() {
        assert!(matches!(
            plan(&manifest("t", &TEN), &manifest("u", &TEN)),
            Plan::Rebuild { reason } if reason.contains("criteria")
        ));
        let mut new = manifest("t", &TEN);
        for slug in ["a", "b", "c", "d"] {
            new.entries.insert(slug.into(), "2".into());
        }
        assert!(matches!(
            plan(&manifest("t", &TEN), &new),
            Plan::Rebuild { reason } if reason.contains("40%")
        ));
    }

    #[test]
    fn an_index_without_a_manifest_is_rebuilt() {
        assert!(matches!(
            plan(&Manifest::default(), &manifest("t", &TEN)),
            Plan::Rebuild { .. }
        ));
    }
}
