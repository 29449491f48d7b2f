//! What an entry's latest observations would change in it, decided without I/O: findings that
//! would settle an `unknown`, and findings of a check that contradict a recorded status, become
//! changes; everything else a reviewer should know (an importer disagreeing with a human
//! assessment, sources disagreeing with each other, an evidence link the data rules refuse) is
//! listed, never applied. Machines never decide: a plan only becomes a proposal.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::evidence::{EvidenceSource, Finding, Observation};
use crate::model::{Entry, Localized, Status};
use crate::workflow::entry_toml::Verdict;

/// Most evidence links of one assessment (the data rules' limit).
const MAX_EVIDENCE: usize = 10;

/// Where and when a finding was observed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Seen {
    pub source: EvidenceSource,
    pub url: String,
    pub observed_at: DateTime<Utc>,
}

/// A change the observations support.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub criterion: String,
    /// The status recorded in the entry now.
    pub recorded: Status,
    pub proposed: Status,
    /// The recorded status was not `unknown`: the change contradicts an assessment.
    pub contradicts: bool,
    pub evidence: Vec<String>,
    pub note: Localized,
    pub seen: Vec<Seen>,
}

impl Change {
    /// The verdict written into the entry file.
    pub fn verdict(&self) -> Verdict {
        Verdict {
            criterion: self.criterion.clone(),
            status: self.proposed,
            evidence: self.evidence.clone(),
            note_fr: Some(self.note.fr.clone()),
            note_en: Some(self.note.en.clone()),
        }
    }

    /// The assessment date written: the day of the latest observation it rests on.
    pub fn assessed(&self) -> NaiveDate {
        self.seen
            .iter()
            .map(|s| s.observed_at.date_naive())
            .max()
            .unwrap_or_else(crate::workflow::today)
    }
}

/// A finding not applied, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listed {
    pub criterion: String,
    pub recorded: Status,
    pub found: Status,
    pub seen: Seen,
    pub why: String,
}

/// What the observations of one entry would change, and what they leave to reviewers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub listed: Vec<Listed>,
}

/// Whether a source is one of the registry's own checks (which may contradict an assessment)
/// rather than another catalogue's data (which only settles unknowns).
pub fn is_check(source: EvidenceSource) -> bool {
    matches!(
        source,
        EvidenceSource::Forge | EvidenceSource::Website | EvidenceSource::Apk
    )
}

fn seen(o: &Observation) -> Seen {
    Seen {
        source: o.source,
        url: o.url.clone(),
        observed_at: o.observed_at,
    }
}

fn listed(criterion: &str, recorded: Status, o: &Observation, f: &Finding, why: &str) -> Listed {
    Listed {
        criterion: criterion.to_owned(),
        recorded,
        found: f.status,
        seen: seen(o),
        why: why.to_owned(),
    }
}

/// The change `found` (all of one status) supports.
fn change(criterion: &str, recorded: Status, found: &[(&Observation, &Finding)]) -> Option<Change> {
    let (_, first) = found.first()?;
    let mut evidence: Vec<String> = Vec::new();
    for (_, f) in found {
        if !evidence.contains(&f.evidence) && evidence.len() < MAX_EVIDENCE {
            evidence.push(f.evidence.clone());
        }
    }
    Some(Change {
        criterion: criterion.to_owned(),
        recorded,
        proposed: first.status,
        contradicts: recorded != Status::Unknown,
        evidence,
        note: first.note.clone(),
        seen: found.iter().map(|(o, _)| seen(o)).collect(),
    })
}

fn one_status(found: &[(&Observation, &Finding)]) -> bool {
    found.windows(2).all(|w| w[0].1.status == w[1].1.status)
}

/// The plan for `entry` from `observations` (its latest one per source).
pub fn plan(entry: &Entry, observations: &[Observation]) -> Plan {
    let mut by_criterion: BTreeMap<&str, Vec<(&Observation, &Finding)>> = BTreeMap::new();
    let mut sorted: Vec<&Observation> = observations
        .iter()
        .filter(|o| o.slug == entry.slug)
        .collect();
    sorted.sort_by_key(|o| o.source);
    for o in sorted {
        for f in &o.findings {
            by_criterion
                .entry(f.criterion.as_str())
                .or_default()
                .push((o, f));
        }
    }
    let mut out = Plan::default();
    for (criterion, found) in by_criterion {
        // A criterion that does not apply to the entry's kinds has no assessment to change.
        let Some(assessment) = entry.assessment.get(criterion) else {
            continue;
        };
        let recorded = assessment.status;
        let mut usable = Vec::new();
        for (o, f) in found {
            if f.status == Status::Unknown {
                continue;
            } else if let Some(p) = crate::data::url_problem(&f.evidence) {
                out.listed.push(listed(
                    criterion,
                    recorded,
                    o,
                    f,
                    &format!(
                        "its evidence link is refused by the data rules: {}",
                        p.message
                    ),
                ));
            } else {
                usable.push((o, f));
            }
        }
        if usable.iter().all(|(_, f)| f.status == recorded) {
            continue;
        }
        match recorded {
            Status::Unknown => {
                if one_status(&usable) {
                    out.changes.extend(change(criterion, recorded, &usable));
                } else {
                    for (o, f) in &usable {
                        out.listed
                            .push(listed(criterion, recorded, o, f, "the sources disagree"));
                    }
                }
            }
            Status::NotApplicable => {
                for (o, f) in usable.iter().filter(|(_, f)| f.status != recorded) {
                    out.listed.push(listed(
                        criterion,
                        recorded,
                        o,
                        f,
                        "`not-applicable` is a reviewer's judgement that no observation overrides",
                    ));
                }
            }
            _ => {
                let (checks, imported): (Vec<_>, Vec<_>) =
                    usable.into_iter().partition(|(o, _)| is_check(o.source));
                for (o, f) in imported.iter().filter(|(_, f)| f.status != recorded) {
                    out.listed.push(listed(
                        criterion,
                        recorded,
                        o,
                        f,
                        "an importer never overwrites a human assessment",
                    ));
                }
                if checks.is_empty() || checks.iter().all(|(_, f)| f.status == recorded) {
                    continue;
                }
                if one_status(&checks) {
                    out.changes.extend(change(criterion, recorded, &checks));
                } else {
                    for (o, f) in &checks {
                        out.listed
                            .push(listed(criterion, recorded, o, f, "the checks disagree"));
                    }
                }
            }
        }
    }
    out
}
