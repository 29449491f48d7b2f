//! The wording shared by the checks' findings: a finding in French and English, dates as
//! ISO days, and the twelve-month rule of `maintained`.

use chrono::{DateTime, Utc};

use crate::evidence::Finding;
use crate::model::{Localized, Status};

/// A finding with its two notes.
pub fn finding(criterion: &str, status: Status, evidence: &str, fr: String, en: String) -> Finding {
    Finding {
        criterion: criterion.to_owned(),
        status,
        evidence: evidence.to_owned(),
        note: Localized { fr, en },
    }
}

/// A day as written in notes (`2026-12-07`).
pub fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// Twelve months, as the `maintained` criterion's guide counts them.
pub fn within_twelve_months(at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now.signed_duration_since(at) <= chrono::Duration::days(365)
}

/// An RFC 3339 date of an API answer.
pub fn parse_date(value: Option<&serde_json::Value>) -> Option<DateTime<Utc>> {
    let text = value?.as_str()?;
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}
