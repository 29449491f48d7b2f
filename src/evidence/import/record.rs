//! One imported record (an F-Droid app, an awesome-selfhosted entry, a publiccode.yml): the
//! facts its source states, the criteria those facts support ([`Signal`]), and how they become
//! the [`Observation`] of one entry, whose kinds and platforms decide what a signal may say.

use chrono::{DateTime, Utc};

use super::draft::Draft;
use crate::data::Catalogue;
use crate::evidence::{EvidenceSource, Finding, Observation};
use crate::model::{Kind, Localized, Platform, Status};

/// One record of the imported data.
#[derive(Debug, Clone)]
pub struct Record {
    /// How the record is named in the report (`org.example (metadata/org.example.yml)`).
    pub name: String,
    /// The source repository the record gives, as written.
    pub repository: Option<String>,
    /// The homepage the record gives, as written.
    pub homepage: Option<String>,
    /// The public page of the record (F-Droid's app page, the data file...).
    pub page: String,
    /// What the source states, as it states it (bounded: selected fields only).
    pub raw: serde_json::Value,
    pub signals: Vec<Signal>,
    /// The entry this record would add when nothing in the catalogue matches it, or why it
    /// cannot propose one.
    pub draft: Result<Draft, String>,
}

/// What a fact of the record supports about one criterion.
#[derive(Debug, Clone)]
pub struct Signal {
    pub criterion: &'static str,
    pub status: Status,
    pub scope: Scope,
    pub evidence: String,
    pub note: Localized,
}

/// What a signal covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The software as a whole (its repository, its licence...).
    Whole,
    /// The Android build only (F-Droid): a `met` becomes `partial` for an entry that also runs
    /// on other platforms, and nothing is said about an entry without Android.
    Android,
}

impl Signal {
    pub fn new(
        criterion: &'static str,
        status: Status,
        scope: Scope,
        evidence: &str,
        fr: String,
        en: String,
    ) -> Signal {
        Signal {
            criterion,
            status,
            scope,
            evidence: evidence.to_owned(),
            note: Localized { fr, en },
        }
    }
}

/// The longest note kept (the validator allows 1,000 characters per language).
const MAX_NOTE_CHARS: usize = 900;

/// The findings of `signals` for software of these kinds and platforms: only criteria that
/// apply to its kinds, Android-only evidence scoped as the criteria's guidance says. Also
/// returns the criteria whose `met` became `partial` only because the evidence covers the
/// Android build alone (such a `partial` does not contradict a recorded `met`).
pub fn findings(
    signals: &[Signal],
    kinds: &[Kind],
    platforms: &[Platform],
    catalogue: &Catalogue,
) -> (Vec<Finding>, Vec<String>) {
    let mut scoped: Vec<String> = Vec::new();
    let others: Vec<&str> = platforms
        .iter()
        .filter(|p| **p != Platform::Android)
        .map(|p| p.id())
        .collect();
    let mut out: Vec<Finding> = Vec::new();
    for s in signals {
        let applies = catalogue
            .criteria
            .get(s.criterion)
            .is_some_and(|c| c.applies_to_kinds(kinds));
        if !applies {
            continue;
        }
        let mut status = s.status;
        let mut note = s.note.clone();
        if s.scope == Scope::Android {
            if !platforms.contains(&Platform::Android) {
                continue;
            }
            if !others.is_empty() && status == Status::Met {
                status = Status::Partial;
                scoped.push(s.criterion.to_owned());
                note.fr.push_str(&format!(
                    " Cela ne couvre que la version Android ; autres plateformes non couvertes : {}.",
                    others.join(", ")
                ));
                note.en.push_str(&format!(
                    " This covers the Android build only; other platforms not covered: {}.",
                    others.join(", ")
                ));
            }
        }
        // Two facts about one criterion: the less favourable wins (an observation never
        // reports more than its weakest fact supports).
        if let Some(prev) = out.iter_mut().find(|f| f.criterion == s.criterion) {
            if rank(status) < rank(prev.status) {
                prev.status = status;
                prev.evidence.clone_from(&s.evidence);
                prev.note = bounded(note);
            }
            continue;
        }
        out.push(Finding {
            criterion: s.criterion.to_owned(),
            status,
            evidence: s.evidence.clone(),
            note: bounded(note),
        });
    }
    // A criterion is scoped only if its finding is the scoped one.
    scoped.retain(|c| {
        out.iter()
            .any(|f| f.criterion == *c && f.status == Status::Partial)
    });
    scoped.dedup();
    (out, scoped)
}

fn rank(status: Status) -> u8 {
    match status {
        Status::NotMet => 0,
        Status::Partial => 1,
        Status::Met => 2,
        Status::NotApplicable | Status::Unknown => 3,
    }
}

fn bounded(note: Localized) -> Localized {
    Localized {
        fr: cut(&plain(&note.fr), MAX_NOTE_CHARS),
        en: cut(&plain(&note.en), MAX_NOTE_CHARS),
    }
}

/// A note as plain text: the reasons quoted from a source may carry line breaks, control
/// characters or markup, which a note (shown on pages, written into entry files by a proposal,
/// where raw HTML is refused) must not; angle brackets become ‹ ›.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push('‹'),
            '>' => out.push('›'),
            c if c.is_control() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` cut to `max` characters, with `…` where it was cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// The observation of `record` about software of these kinds and platforms.
pub fn observation(
    record: &Record,
    slug: &str,
    source: EvidenceSource,
    kinds: &[Kind],
    platforms: &[Platform],
    catalogue: &Catalogue,
    now: DateTime<Utc>,
) -> Observation {
    let (findings, scoped) = findings(&record.signals, kinds, platforms, catalogue);
    let mut raw = record.raw.clone();
    if !scoped.is_empty()
        && let Some(map) = raw.as_object_mut()
    {
        // Read by whoever turns findings into proposals: these `partial`s say "met for the
        // Android build, other platforms not covered", not "partly met".
        map.insert("android_only".to_owned(), serde_json::json!(scoped));
    }
    Observation {
        slug: slug.to_owned(),
        source,
        url: record.page.clone(),
        observed_at: now,
        raw,
        findings,
        stale: None,
    }
}

/// A YAML scalar as text (`ArchivePolicy: 0` and `NoSourceSince: 1.2` are numbers in YAML).
pub fn scalar(v: &serde_yaml_ng::Value) -> Option<String> {
    use serde_yaml_ng::Value;
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The field `key` of a YAML mapping, as text.
pub fn field(map: &serde_yaml_ng::Mapping, key: &str) -> Option<String> {
    map.get(key).and_then(scalar)
}

/// A YAML list of scalars (or one scalar) as texts.
pub fn strings(v: Option<&serde_yaml_ng::Value>) -> Vec<String> {
    use serde_yaml_ng::Value;
    match v {
        Some(Value::Sequence(items)) => items.iter().filter_map(scalar).collect(),
        Some(other) => scalar(other).into_iter().collect(),
        None => Vec::new(),
    }
}

/// A date as the notes write it (`2026-12-07`).
pub fn day(now: DateTime<Utc>) -> String {
    now.date_naive().to_string()
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn quoted_reasons_become_plain_text() {
        assert_eq!(plain("a <b>bold</b>\nreason\t!"), "a ‹b›bold‹/b› reason !");
    }
}
