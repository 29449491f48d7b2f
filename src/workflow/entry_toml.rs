//! Every writing of an entry file's TOML: a new entry from the submission form
//! ([`new_entry`]), a change made with the form ([`edit_entry`]) and a reviewer's decision
//! ([`apply_review`], [`replace_review`]), an automated-evidence proposal
//! ([`apply_assessments`]), with the value builders they share (dates, string
//! lists, localized notes, tables, setters that leave unchanged values alone).
//!
//! Edits go through `toml_edit` the way a careful person would: only the values that change
//! are rewritten, and every other byte of the file stays as it was (comments, order,
//! layout), so the merged diff shows only the change or the decision.

use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, DocumentMut, Item, Table, TableLike, value};

use crate::catalogue::Snapshot;
use crate::model::Status;

use super::form::EntryForm;

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

/// An `added` value as typed: a date when it reads as one, else a string the validator will
/// point at.
fn added(typed: &str) -> Item {
    match typed.parse::<toml_edit::Datetime>() {
        Ok(d) if is_date(typed) => value(d),
        _ => value(typed),
    }
}

fn is_date(s: &str) -> bool {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// An array of strings.
fn string_array(items: &[String]) -> Array {
    let mut array = Array::new();
    for item in items {
        array.push(item.as_str());
    }
    array
}

/// The table `key` of `t`, created empty when missing; `None` when `key` holds something else.
fn section<'t>(t: &'t mut dyn TableLike, key: &str) -> Option<&'t mut dyn TableLike> {
    t.entry(key)
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_like_mut()
}

/// Sets a string value unless it already has it (its layout then stays untouched).
fn set_str_like(t: &mut dyn TableLike, key: &str, new: &str) {
    if t.get(key).and_then(Item::as_str) != Some(new) {
        t.insert(key, value(new));
    }
}

/// Sets a list of strings unless it already holds exactly these.
fn set_list_like(t: &mut dyn TableLike, key: &str, new: &[String]) {
    let now: Option<Vec<&str>> = t
        .get(key)
        .and_then(Item::as_array)
        .map(|a| a.iter().filter_map(toml_edit::Value::as_str).collect());
    if now.as_deref() != Some(&new.iter().map(String::as_str).collect::<Vec<_>>()[..]) {
        t.insert(key, value(string_array(new)));
    }
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
    set_assessments(&mut doc, verdicts, assessed)?;
    set_review(&mut doc, review);
    Ok(doc.to_string())
}

/// Applies `verdicts` to the assessments and leaves every other part of the file as it was
/// (the review block included): what an automated-evidence proposal changes. Errors when the
/// text is not TOML.
pub fn apply_assessments(
    text: &str,
    verdicts: &[Verdict],
    assessed: NaiveDate,
) -> Result<String, String> {
    let mut doc: DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    set_assessments(&mut doc, verdicts, assessed)?;
    Ok(doc.to_string())
}

fn set_assessments(
    doc: &mut DocumentMut,
    verdicts: &[Verdict],
    assessed: NaiveDate,
) -> Result<(), String> {
    for v in verdicts {
        let Some(assessment) = section(doc.as_table_mut(), "assessment") else {
            return Err("`assessment` is not a table".into());
        };
        let mut t = Table::new();
        t.insert("status", value(v.status.id()));
        if !v.evidence.is_empty() {
            t.insert("evidence", value(string_array(&v.evidence)));
        }
        if v.status != Status::Unknown {
            t.insert("assessed", date(assessed));
        }
        if let Some(note) = localized(v.note_fr.as_deref(), v.note_en.as_deref()) {
            t.insert("note", note);
        }
        assessment.insert(&v.criterion, Item::Table(t));
    }
    Ok(())
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

/// A new entry file from the form, in the order of the documentation's example.
pub(super) fn new_entry(form: &EntryForm, snapshot: &Snapshot) -> String {
    let mut out = String::new();
    let mut line = |l: String| {
        out.push_str(&l);
        out.push('\n');
    };
    let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let list = |items: &[String]| {
        let quoted: Vec<String> = items.iter().map(|s| q(s)).collect();
        format!("[{}]", quoted.join(", "))
    };
    line(format!("slug = {}", q(&form.slug)));
    line(format!("name = {}", q(&form.name)));
    line(format!("kinds = {}", list(&form.kinds)));
    line(format!("homepage = {}", q(&form.homepage)));
    line(format!("repository = {}", q(&form.repository)));
    line(format!("license = {}", q(&form.license)));
    line(format!("categories = {}", list(&form.categories)));
    line(format!("platforms = {}", list(&form.platforms)));
    line(format!("replaces = {}", list(&form.replaces)));
    line(format!("self_hostable = {}", form.self_hostable));
    // A date when it reads as one, else a string the validator will point at.
    let added = if is_date(&form.added) {
        form.added.clone()
    } else {
        q(&form.added)
    };
    line(format!("added = {added}"));
    line(String::new());
    line("[summary]".into());
    line(format!("fr = {}", q(&form.summary_fr)));
    line(format!("en = {}", q(&form.summary_en)));
    line(String::new());
    line("[description]".into());
    line(format!("fr = {}", q(&form.description_fr)));
    line(format!("en = {}", q(&form.description_en)));
    let today = super::today().to_string();
    for a in form.criteria_to_write(snapshot) {
        line(String::new());
        line(format!("[assessment.{}]", a.criterion));
        line(format!("status = {}", q(&a.status)));
        if !a.evidence.is_empty() {
            line(format!("evidence = {}", list(&a.evidence)));
        }
        if a.status != Status::Unknown.id() {
            line(format!("assessed = {today}"));
        }
        if !a.note_fr.is_empty() || !a.note_en.is_empty() {
            line(format!("note.fr = {}", q(&a.note_fr)));
            line(format!("note.en = {}", q(&a.note_en)));
        }
    }
    line(String::new());
    line("[review]".into());
    line("status = \"submitted\"".into());
    out
}

/// `base` (an entry file) with the form's values where they differ from it, and back to
/// review unless it is waiting already; `None` when `base` is not a TOML document whose
/// sections are tables.
pub(super) fn edit_entry(form: &EntryForm, base: &str, snapshot: &Snapshot) -> Option<String> {
    let mut doc: DocumentMut = base.parse().ok()?;
    let root = doc.as_table_mut();
    for (key, new) in [
        ("slug", &form.slug),
        ("name", &form.name),
        ("homepage", &form.homepage),
        ("repository", &form.repository),
        ("license", &form.license),
    ] {
        set_str_like(root, key, new);
    }
    for (key, new) in [
        ("kinds", &form.kinds),
        ("categories", &form.categories),
        ("platforms", &form.platforms),
        ("replaces", &form.replaces),
    ] {
        set_list_like(root, key, new);
    }
    if root.get("self_hostable").and_then(Item::as_bool) != Some(form.self_hostable) {
        root.insert("self_hostable", value(form.self_hostable));
    }
    let added_now = root.get("added").map(|i| {
        i.as_str()
            .map_or_else(|| i.to_string().trim().to_owned(), str::to_owned)
    });
    if added_now.as_deref() != Some(form.added.as_str()) {
        root.insert("added", added(&form.added));
    }
    for (key, fr, en) in [
        ("summary", &form.summary_fr, &form.summary_en),
        ("description", &form.description_fr, &form.description_en),
    ] {
        let table = section(root, key)?;
        set_str_like(table, "fr", fr);
        set_str_like(table, "en", en);
    }
    let today = super::today();
    let criteria = form.criteria_to_write(snapshot);
    let assessments = section(root, "assessment")?;
    for a in criteria {
        let status = a.status.as_str();
        let (note_fr, note_en) = (a.note_fr.as_str(), a.note_en.as_str());
        let filled = status != Status::Unknown.id()
            || !a.evidence.is_empty()
            || !note_fr.is_empty()
            || !note_en.is_empty();
        if assessments.get(&a.criterion).is_none() && !filled {
            // Nothing said about a criterion the file does not mention: no new lines.
            continue;
        }
        let t = section(assessments, &a.criterion)?;
        if t.get("status").and_then(Item::as_str) != Some(status) {
            t.insert("status", value(status));
            if status == Status::Unknown.id() {
                t.remove("assessed");
            } else {
                t.insert("assessed", date(today));
            }
        }
        if a.evidence.is_empty() {
            t.remove("evidence");
        } else {
            set_list_like(t, "evidence", &a.evidence);
        }
        let note_now = t.get("note").and_then(Item::as_table_like);
        let same_note = note_now.map_or(note_fr.is_empty() && note_en.is_empty(), |n| {
            n.get("fr").and_then(Item::as_str).unwrap_or_default() == note_fr
                && n.get("en").and_then(Item::as_str).unwrap_or_default() == note_en
        });
        if !same_note {
            t.remove("note");
            if !note_fr.is_empty() || !note_en.is_empty() {
                let mut note = toml_edit::InlineTable::new();
                note.insert("fr", note_fr.into());
                note.insert("en", note_en.into());
                t.insert("note", value(note));
            }
        }
    }
    let mut text = doc.to_string();
    // A changed entry goes back to review; a submission already waiting stays as it is.
    let waiting = doc
        .get("review")
        .and_then(|r| r.get("status"))
        .and_then(Item::as_str)
        == Some("submitted");
    if !waiting {
        let block = ReviewBlock {
            status: "submitted",
            by: None,
            date: today,
            expires: None,
            note_fr: None,
            note_en: None,
        };
        text = replace_review(&text, &block).ok()?;
    }
    Some(text)
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
