//! One run of checks over entries: every (entry, kind) checked concurrently within a bound,
//! every observation stored as soon as it is made, every failure kept with where it happened
//! (entry, kind, URL, reason) while the other checks go on. Used by `floss-registry check` and
//! by the job of `serve`; what the observations change is proposed by `workflow::proposals`.

use std::sync::Arc;

use sea_orm::DatabaseConnection;
use serde::Serialize;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::checks::{ApkInput, Checker};
use super::store::{self, Recorded};
use super::{CheckError, EvidenceSource, Observation};
use crate::model::Entry;

/// A check that could not be made, located.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Failure {
    pub slug: String,
    pub kind: EvidenceSource,
    /// The address concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub reason: String,
}

/// What one (entry, kind) check gave.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Done {
    /// Observed and stored (`repeated`: identical to the latest stored one).
    Observed {
        observation: Observation,
        repeated: bool,
    },
    /// The entry has nothing this kind checks (no repository on a known forge, no homepage...).
    Skipped {
        slug: String,
        kind: EvidenceSource,
        reason: String,
    },
    Failed(Failure),
}

impl Done {
    pub fn slug(&self) -> &str {
        match self {
            Done::Observed { observation, .. } => &observation.slug,
            Done::Skipped { slug, .. } => slug,
            Done::Failed(f) => &f.slug,
        }
    }
}

/// The located failure of a check error.
pub fn failure(slug: &str, kind: EvidenceSource, e: &CheckError) -> Failure {
    let (url, reason) = match e {
        CheckError::Refused { url, reason } => (Some(url.clone()), format!("refused: {reason}")),
        CheckError::Unreachable { url, reason } => (Some(url.clone()), reason.clone()),
        CheckError::Malformed { what, reason } => (Some(what.clone()), reason.clone()),
        CheckError::NotApplicable(reason) => (None, reason.clone()),
    };
    Failure {
        slug: slug.to_owned(),
        kind,
        url,
        reason,
    }
}

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct Plan {
    pub entries: Vec<Entry>,
    pub kinds: Vec<EvidenceSource>,
    /// The package of the `apk` kind (one entry only).
    pub apk: Option<ApkInput>,
    /// Checks at once (at least 1).
    pub concurrency: usize,
}

async fn one(
    checker: Checker,
    db: Option<DatabaseConnection>,
    entry: Entry,
    kind: EvidenceSource,
    apk: Option<ApkInput>,
) -> Done {
    match checker.check(kind, &entry, apk.as_ref()).await {
        Err(CheckError::NotApplicable(reason)) => Done::Skipped {
            slug: entry.slug,
            kind,
            reason,
        },
        Err(e) => Done::Failed(failure(&entry.slug, kind, &e)),
        Ok(observation) => {
            let stored = match &db {
                Some(db) => store::record(db, &observation).await.map(Some),
                None => Ok(None),
            };
            match stored {
                Ok(r) => Done::Observed {
                    repeated: matches!(r, Some(Recorded::Repeated(_))),
                    observation,
                },
                Err(e) => Done::Failed(Failure {
                    slug: entry.slug,
                    kind,
                    url: Some(observation.url),
                    reason: format!("observed, but not stored: {e}"),
                }),
            }
        }
    }
}

/// Runs `plan`, storing observations in `db` when given; `progress` is called after each
/// check. Results come in the order of the entries, then of the kinds.
pub async fn run(
    checker: &Checker,
    db: Option<&DatabaseConnection>,
    plan: Plan,
    progress: &(dyn Fn(&Done) + Send + Sync),
) -> Vec<Done> {
    let limit = Arc::new(Semaphore::new(plan.concurrency.max(1)));
    let mut tasks = JoinSet::new();
    let mut order = Vec::new();
    for entry in plan.entries {
        for &kind in &plan.kinds {
            let position = order.len();
            order.push((entry.slug.clone(), kind));
            let (checker, db, entry, apk, limit) = (
                checker.clone(),
                db.cloned(),
                entry.clone(),
                plan.apk.clone(),
                Arc::clone(&limit),
            );
            tasks.spawn(async move {
                let _permit = limit.acquire_owned().await;
                (position, one(checker, db, entry, kind, apk).await)
            });
        }
    }
    let mut results: Vec<Option<Done>> = vec![None; order.len()];
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok((position, done)) => {
                progress(&done);
                if let Some(slot) = results.get_mut(position) {
                    *slot = Some(done);
                }
            }
            Err(e) => tracing::error!(error = %e, "a check task ended abnormally"),
        }
    }
    results
        .into_iter()
        .zip(order)
        .map(|(done, (slug, kind))| {
            done.unwrap_or_else(|| {
                Done::Failed(Failure {
                    slug,
                    kind,
                    url: None,
                    reason: "the check ended abnormally (see the log)".into(),
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_names_the_entry_the_kind_the_address_and_the_reason() {
        let e = CheckError::Unreachable {
            url: "https://example.org/".into(),
            reason: "HTTP 500".into(),
        };
        let f = failure("signal", EvidenceSource::Website, &e);
        assert_eq!(f.slug, "signal");
        assert_eq!(f.kind, EvidenceSource::Website);
        assert_eq!(f.url.as_deref(), Some("https://example.org/"));
        assert_eq!(f.reason, "HTTP 500");
        let refused = CheckError::Refused {
            url: "http://10.0.0.1/".into(),
            reason: "a private address".into(),
        };
        let f = failure("croc", EvidenceSource::Forge, &refused);
        assert_eq!(f.reason, "refused: a private address");
        let json = serde_json::to_value(Done::Failed(f)).expect("json");
        assert_eq!(json["outcome"], "failed");
        assert_eq!(json["kind"], "forge");
    }
}
