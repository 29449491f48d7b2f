//! Editing an entry file's text the way a careful person would: `toml_edit` changes the
//! review block and the reviewed assessments and leaves every other byte of the applicant's
//! file as it was (comments, order, layout), so the merged diff shows only the decision.

use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, DocumentMut, Item, Table, value};

use crate::model::Status;

/// A reviewer's verdict on one criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub criterion: String,
    pub status: Status,
    pub evidence: Vec<String>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
}

/// The new review block.
#[derive(Debug, Clone)]
pub struct ReviewBlock {
    pub status: &'static str,
    pub by: Option<String>,
    pub date: NaiveDate,
    pub expires: Option<NaiveDate>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
}

/// A TOML date item (`2026-11-22`, unquoted).
pub(super) fn date(d: NaiveDate) -> Item {
    let month = u8::try_from(d.month()).unwrap_or(1);
    let day = u8::try_from(d.day()).unwrap_or(1);
    let year = u16::try_from(d.year()).unwrap_or(1970);
    value(toml_edit::Datetime {
        date: Some(toml_edit::Date { year, month, day }),
        time: None,
        offset: None,
    })
}

fn localized(fr: Option<&str>, en: Option<&str>) -> Option<Item> {
    let mut t = toml_edit::InlineTable::new();
    if let Some(fr) = fr.filter(|s| !s.trim().is_empty()) {
        t.insert("fr", fr.trim().into());
    }
    if let Some(en) = en.filter(|s| !s.trim().is_empty()) {
        t.insert("en", en.trim().into());
    }
    (!t.is_empty()).then(|| value(t))
}

/// Applies `verdicts` to the assessments and replaces the review block by `review`, moving the
/// previous one into `review.history`. Errors when the text is not TOML.
pub fn apply_review(
    text: &str,
    review: &ReviewBlock,
    verdicts: &[Verdict],
    assessed: NaiveDate,
) -> Result<String, String> {
    let mut doc: DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    for v in verdicts {
        let assessment = doc
            .entry("assessment")
            .or_insert_with(|| Item::Table(Table::new()));
        let Some(assessment) = assessment.as_table_like_mut() else {
            return Err("`assessment` is not a table".into());
        };
        let mut t = Table::new();
        t.insert("status", value(v.status.id()));
        if !v.evidence.is_empty() {
            let mut a = Array::new();
            for url in &v.evidence {
                a.push(url.as_str());
            }
            t.insert("evidence", value(a));
        }
        if v.status != Status::Unknown {
            t.insert("assessed", date(assessed));
        }
        if let Some(note) = localized(v.note_fr.as_deref(), v.note_en.as_deref()) {
            t.insert("note", note);
        }
        assessment.insert(&v.criterion, Item::Table(t));
    }
    set_review(&mut doc, review);
    Ok(doc.to_string())
}

/// Replaces the review block, keeping the previous one in `review.history`.
pub fn replace_review(text: &str, review: &ReviewBlock) -> Result<String, String> {
    let mut doc: DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    set_review(&mut doc, review);
    Ok(doc.to_string())
}

fn set_review(doc: &mut DocumentMut, review: &ReviewBlock) {
    let previous = doc.remove("review");
    let mut history = Vec::new();
    if let Some(prev) = previous.as_ref().and_then(Item::as_table_like) {
        if let Some(old) = prev.get("history").and_then(Item::as_array_of_tables) {
            history.extend(old.iter().cloned());
        }
        // The previous decision becomes a step of the history when it has a date (a
        // `community` or `submitted` block without one leaves no step).
        if let (Some(status), Some(d)) = (prev.get("status"), prev.get("date")) {
            let mut step = Table::new();
            step.insert("status", status.clone());
            step.insert("date", d.clone());
            if let Some(by) = prev.get("by") {
                step.insert("by", by.clone());
            }
            if let Some(note) = prev.get("note") {
                step.insert("note", note.clone());
            }
            history.push(step);
        }
    }
    let mut t = Table::new();
    t.insert("status", value(review.status));
    if let Some(by) = &review.by {
        t.insert("by", value(by.chars().take(120).collect::<String>()));
    }
    t.insert("date", date(review.date));
    if let Some(expires) = review.expires {
        t.insert("expires", date(expires));
    }
    if let Some(note) = localized(review.note_fr.as_deref(), review.note_en.as_deref()) {
        t.insert("note", note);
    }
    if !history.is_empty() {
        let mut aot = toml_edit::ArrayOfTables::new();
        for step in history {
            aot.push(step);
        }
        t.insert("history", Item::ArrayOfTables(aot));
    }
    doc.insert("review", Item::Table(t));
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = "# A comment the applicant wrote\nslug = \"x\"\n\n[assessment]\nlicence = { status = \"met\", evidence = [\"https://a.example/LICENSE\"], assessed = 2026-11-01 }\ne2ee = { status = \"unknown\" }\n\n[review]\nstatus = \"submitted\"\n";

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn approving_sets_the_review_block_and_keeps_the_rest_of_the_file() {
        let review = ReviewBlock {
            status: "validated",
            by: Some("Dominique Reviewer".into()),
            date: d("2026-11-22"),
            expires: Some(d("2027-11-22")),
            note_fr: Some("Vérifié.".into()),
            note_en: Some("Checked.".into()),
        };
        let verdicts = [Verdict {
            criterion: "e2ee".into(),
            status: Status::Met,
            evidence: vec!["https://a.example/crypto".into()],
            note_fr: None,
            note_en: Some("Checked in the code.".into()),
        }];
        let out = apply_review(ENTRY, &review, &verdicts, d("2026-11-22")).expect("edits");
        assert!(
            out.starts_with("# A comment the applicant wrote\n"),
            "{out}"
        );
        let parsed: toml::Table = toml::from_str(&out).expect("still TOML");
        let r = parsed["review"].as_table().expect("review");
        assert_eq!(r["status"].as_str(), Some("validated"));
        assert_eq!(r["by"].as_str(), Some("Dominique Reviewer"));
        assert_eq!(r["date"].to_string(), "2026-11-22");
        assert_eq!(r["expires"].to_string(), "2027-11-22");
        let e2ee = parsed["assessment"]["e2ee"].as_table().expect("e2ee");
        assert_eq!(e2ee["status"].as_str(), Some("met"));
        assert_eq!(e2ee["assessed"].to_string(), "2026-11-22");
        assert_eq!(
            parsed["assessment"]["licence"]["evidence"][0].as_str(),
            Some("https://a.example/LICENSE"),
            "untouched criteria keep their assessment"
        );
    }

    #[test]
    fn a_dated_previous_decision_moves_into_the_history() {
        let first = ReviewBlock {
            status: "validated",
            by: Some("A".into()),
            date: d("2025-01-01"),
            expires: Some(d("2026-01-01")),
            note_fr: None,
            note_en: None,
        };
        let once = replace_review(ENTRY, &first).expect("edit");
        let expired = ReviewBlock {
            status: "expired",
            by: None,
            date: d("2026-01-02"),
            expires: None,
            note_fr: None,
            note_en: None,
        };
        let twice = replace_review(&once, &expired).expect("edit");
        let parsed: toml::Table = toml::from_str(&twice).expect("TOML");
        let r = parsed["review"].as_table().expect("review");
        assert_eq!(r["status"].as_str(), Some("expired"));
        let history = r["history"].as_array().expect("history");
        assert_eq!(history.len(), 1);
        assert_eq!(history[0]["status"].as_str(), Some("validated"));
        assert_eq!(history[0]["by"].as_str(), Some("A"));
    }
}
