//! What each commit of the data repository changed in an entry, in the terms a citizen reads:
//! added, removed, or which criteria moved from which status to which (with the evidence),
//! and the grade before and after. Read from git by [`crate::git::history`].
//!
//! **Grades are computed against the criteria of the current catalogue**, for both sides of
//! a change: a grade in the history then compares with the grade shown today, and a change of
//! the criteria themselves never shows as a change of the entry.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::data::read_entry_unchecked;
use crate::git::history::FileChange;
use crate::model::{Entry, Grade, Status, grade_entry};

use super::Snapshot;

/// What a commit did to an entry file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// The entry came into the catalogue.
    Added,
    /// The entry changed.
    Changed,
    /// The entry left the catalogue.
    Removed,
}

/// One criterion whose assessment changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct CriterionChange {
    pub criterion: String,
    /// `None`: not assessed before.
    pub before: Option<Status>,
    /// `None`: no longer assessed.
    pub after: Option<Status>,
    /// The evidence given with the new status (empty when unchanged or none).
    pub evidence: Vec<String>,
}

/// One change to one entry, made by one commit of the data repository.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EntryChange {
    /// The commit id in the data repository.
    pub commit: String,
    pub date: DateTime<Utc>,
    pub slug: String,
    /// The entry's name after the change (before it, for a removal).
    pub name: String,
    /// The entry's categories after the change (before it, for a removal).
    pub categories: Vec<String>,
    /// The submission whose approval made the change, when the commit names one.
    pub submission: Option<i64>,
    /// The commit message's first line.
    pub message: String,
    pub kind: ChangeKind,
    /// Grades computed against the current catalogue's criteria.
    pub grade_before: Option<Grade>,
    pub grade_after: Option<Grade>,
    /// Criteria whose status changed, by id.
    pub assessments: Vec<CriterionChange>,
    /// Other top-level fields that changed (`homepage`, `review`...), by name.
    pub fields: Vec<String>,
}

impl EntryChange {
    /// Reads what `change` (of `entries/<slug>.toml`) did, grading against `snapshot`'s
    /// criteria. `None` when the path is not an entry file.
    pub fn from_file_change(change: &FileChange, snapshot: &Snapshot) -> Option<EntryChange> {
        let slug = change
            .path
            .strip_prefix("entries/")?
            .strip_suffix(".toml")?
            .to_owned();
        let parse = |bytes: &Option<Vec<u8>>| {
            bytes
                .as_deref()
                .and_then(|b| std::str::from_utf8(b).ok())
                .and_then(read_entry_unchecked)
        };
        let before = parse(&change.before);
        let after = parse(&change.after);
        let kind = match (&change.before, &change.after) {
            (None, _) => ChangeKind::Added,
            (_, None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        let criteria = &snapshot.catalogue.criteria;
        let grade = |e: &Option<Entry>| e.as_ref().map(|e| grade_entry(e, criteria).grade);
        let shown = after.as_ref().or(before.as_ref());
        let mut assessments = Vec::new();
        let mut fields = Vec::new();
        if kind == ChangeKind::Changed {
            if let (Some(b), Some(a)) = (&before, &after) {
                let ids: BTreeSet<&String> =
                    b.assessment.keys().chain(a.assessment.keys()).collect();
                for id in ids {
                    let old = b.assessment.get(id);
                    let new = a.assessment.get(id);
                    if old.map(|x| x.status) != new.map(|x| x.status) {
                        assessments.push(CriterionChange {
                            criterion: id.clone(),
                            before: old.map(|x| x.status),
                            after: new.map(|x| x.status),
                            evidence: new.map(|x| x.evidence.clone()).unwrap_or_default(),
                        });
                    }
                }
                fields = changed_fields(b, a);
            } else {
                fields.push("(unreadable)".to_owned());
            }
        }
        Some(EntryChange {
            commit: change.commit.clone(),
            date: change.time,
            name: shown.map_or_else(|| slug.clone(), |e| e.name.clone()),
            categories: shown.map(|e| e.categories.clone()).unwrap_or_default(),
            slug,
            submission: change.submission,
            message: public_message(&change.summary),
            kind,
            grade_before: grade(&before),
            grade_after: grade(&after),
            assessments,
            fields,
        })
    }

    /// Whether the grade's letter changed (an addition or removal counts as no change).
    pub fn grade_changed(&self) -> bool {
        matches!((self.grade_before, self.grade_after), (Some(b), Some(a)) if a != b)
    }
}

/// Top-level fields that differ, other than the assessment (reported per criterion).
fn changed_fields(before: &Entry, after: &Entry) -> Vec<String> {
    let (Ok(serde_json::Value::Object(b)), Ok(serde_json::Value::Object(a))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    let keys: BTreeSet<&String> = b.keys().chain(a.keys()).collect();
    let assessed_only = before.assessment.len() == after.assessment.len()
        && before.assessment.iter().all(|(k, v)| {
            after
                .assessment
                .get(k)
                .is_some_and(|w| w.status == v.status)
        });
    keys.into_iter()
        .filter(|k| b.get(*k) != a.get(*k))
        .filter(|k| k.as_str() != "assessment" || assessed_only)
        .cloned()
        .collect()
}

/// A commit message as published. Import commits made before the registry named only the
/// data directory ("Import /srv/registry/registry-data") still sit in the repositories of
/// existing deployments: their server path is cut to its last part, as new imports write it.
fn public_message(summary: &str) -> String {
    for prefix in ["Import ", "Merge import of "] {
        if let Some(path) = summary.strip_prefix(prefix)
            && (path.starts_with('/') || path.contains(":\\"))
        {
            let trimmed = path.trim_end_matches(['/', '\\']);
            let name = trimmed.rsplit(['/', '\\']).next().unwrap_or_default();
            let name = if name.is_empty() {
                "the data directory"
            } else {
                name
            };
            return format!("{prefix}{name}");
        }
    }
    summary.to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn old_import_messages_lose_their_server_path() {
        use super::public_message;
        assert_eq!(
            public_message("Import /srv/registry/registry-data"),
            "Import registry-data"
        );
        assert_eq!(
            public_message("Merge import of /home/ops/data/"),
            "Merge import of data"
        );
        assert_eq!(public_message("Import /"), "Import the data directory");
        assert_eq!(
            public_message("Import registry-data"),
            "Import registry-data"
        );
        assert_eq!(
            public_message("Merge submission #4: signal"),
            "Merge submission #4: signal"
        );
    }

    use super::*;

    #[test]
    fn seed_entries_are_read_without_checks() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("registry-data/entries/signal.toml"),
        )
        .expect("seed entry");
        let entry = read_entry_unchecked(&text).expect("parses");
        assert_eq!(entry.slug, "signal");
    }

    #[test]
    fn a_change_is_read_per_criterion_and_additions_and_removals_are_named() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-data");
        let snapshot = Snapshot::load(&dir).expect("seed loads");
        let before = std::fs::read_to_string(dir.join("entries/signal.toml")).expect("seed");
        let after = before.replacen(
            "[assessment.security-audit]\nstatus = \"unknown\"\n",
            "[assessment.security-audit]\nstatus = \"met\"\nevidence = [\"https://example.org/audit\"]\nassessed = 2026-11-22\n",
            1,
        );
        assert_ne!(before, after);
        let change = |b: Option<&str>, a: Option<&str>| FileChange {
            commit: "c0ffee".into(),
            time: DateTime::<Utc>::default(),
            summary: "Merge submission #3: signal".into(),
            submission: Some(3),
            path: "entries/signal.toml".into(),
            before: b.map(|t| t.as_bytes().to_vec()),
            after: a.map(|t| t.as_bytes().to_vec()),
        };

        let changed =
            EntryChange::from_file_change(&change(Some(&before), Some(&after)), &snapshot)
                .expect("an entry");
        assert_eq!(changed.kind, ChangeKind::Changed);
        assert_eq!(
            changed.assessments,
            [CriterionChange {
                criterion: "security-audit".into(),
                before: Some(Status::Unknown),
                after: Some(Status::Met),
                evidence: vec!["https://example.org/audit".into()],
            }]
        );
        assert!(changed.fields.is_empty(), "{:?}", changed.fields);
        assert_eq!(changed.grade_before, Some(snapshot.grades["signal"].grade));

        let added = EntryChange::from_file_change(&change(None, Some(&before)), &snapshot)
            .expect("an entry");
        assert_eq!(added.kind, ChangeKind::Added);
        assert_eq!(added.grade_before, None);
        let removed = EntryChange::from_file_change(&change(Some(&before), None), &snapshot)
            .expect("an entry");
        assert_eq!(removed.kind, ChangeKind::Removed);
        assert_eq!(removed.grade_after, None);
        assert_eq!(removed.name, "Signal");
        assert!(
            EntryChange::from_file_change(
                &FileChange {
                    path: "criteria/x.toml".into(),
                    ..change(None, Some("x"))
                },
                &snapshot
            )
            .is_none()
        );
    }
}
