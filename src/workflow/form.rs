//! The submission form of the web site, as data: fields as typed (kept as typed when they
//! fail), what they say for the entry file (written by [`super::entry_toml`]), and which
//! field each line of that file came from, so the validator's diagnostics (located by line)
//! are shown next to the field that caused them.

use std::collections::BTreeMap;

use toml_edit::{Item, TableLike};

use crate::catalogue::Snapshot;
use crate::model::{Entry, Kind, Status};

use super::{StoredDiagnostic, entry_toml};

/// One criterion's part of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssessmentFields {
    pub status: String,
    /// One URL per line.
    pub evidence: String,
    pub note_fr: String,
    pub note_en: String,
}

/// Every field of the form, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryForm {
    pub slug: String,
    pub name: String,
    pub kinds: Vec<String>,
    pub homepage: String,
    pub repository: String,
    pub license: String,
    pub categories: Vec<String>,
    pub platforms: Vec<String>,
    pub replaces: Vec<String>,
    pub self_hostable: bool,
    /// Kept from the current entry for a change; today for a new one.
    pub added: String,
    pub summary_fr: String,
    pub summary_en: String,
    pub description_fr: String,
    pub description_en: String,
    pub assessments: BTreeMap<String, AssessmentFields>,
}

impl EntryForm {
    /// The form of an empty new entry.
    pub fn blank() -> EntryForm {
        EntryForm {
            added: super::today().to_string(),
            ..EntryForm::default()
        }
    }

    /// The form pre-filled from an entry of the catalogue (a change).
    pub fn from_entry(e: &Entry) -> EntryForm {
        EntryForm {
            slug: e.slug.clone(),
            name: e.name.clone(),
            kinds: e.kinds.iter().map(|k| k.id().to_owned()).collect(),
            homepage: e.homepage.clone(),
            repository: e.repository.clone(),
            license: e.license.clone(),
            categories: e.categories.clone(),
            platforms: e.platforms.iter().map(|p| p.id().to_owned()).collect(),
            replaces: e.replaces.clone(),
            self_hostable: e.self_hostable,
            added: e.added.to_string(),
            summary_fr: e.summary.fr.clone(),
            summary_en: e.summary.en.clone(),
            description_fr: e.description.fr.clone(),
            description_en: e.description.en.clone(),
            assessments: e
                .assessment
                .iter()
                .map(|(k, a)| {
                    (
                        k.clone(),
                        AssessmentFields {
                            status: a.status.id().to_owned(),
                            evidence: a.evidence.join("\n"),
                            note_fr: a.note.as_ref().map(|n| n.fr.clone()).unwrap_or_default(),
                            note_en: a.note.as_ref().map(|n| n.en.clone()).unwrap_or_default(),
                        },
                    )
                })
                .collect(),
        }
    }

    /// The form from posted fields (`name=value` pairs, repeated for lists). Unknown fields
    /// are ignored; nothing here fails: the validator judges the result.
    pub fn from_pairs(pairs: &[(String, String)]) -> EntryForm {
        let mut f = EntryForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "slug" => f.slug = v.trim().to_owned(),
                "name" => f.name = v.clone(),
                "kinds" => f.kinds.push(v.clone()),
                "homepage" => f.homepage = v.trim().to_owned(),
                "repository" => f.repository = v.trim().to_owned(),
                "license" => f.license = v.trim().to_owned(),
                "categories" => f.categories.push(v.clone()),
                "platforms" => f.platforms.push(v.clone()),
                "replaces" => f.replaces.extend(
                    v.split([',', '\n'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned),
                ),
                "self_hostable" => f.self_hostable = v == "true" || v == "on",
                "added" => f.added = v.trim().to_owned(),
                "summary_fr" => f.summary_fr = v.clone(),
                "summary_en" => f.summary_en = v.clone(),
                "description_fr" => f.description_fr = v.replace("\r\n", "\n"),
                "description_en" => f.description_en = v.replace("\r\n", "\n"),
                other => {
                    if let Some(rest) = other.strip_prefix("a.")
                        && let Some((criterion, field)) = rest.rsplit_once('.')
                    {
                        let a = f.assessments.entry(criterion.to_owned()).or_default();
                        match field {
                            "status" => a.status = v.clone(),
                            "evidence" => a.evidence = v.replace("\r\n", "\n"),
                            "note_fr" => a.note_fr = v.clone(),
                            "note_en" => a.note_en = v.clone(),
                            _ => {}
                        }
                    }
                }
            }
        }
        if f.added.is_empty() {
            f.added = super::today().to_string();
        }
        f
    }

    /// The entry file this form makes, with the form field each line came from. Only the
    /// criteria that apply to the chosen kinds are written (the others would only warn).
    ///
    /// With a `base` (the current file of an entry being changed, or the last version of a
    /// submission), the file is that one edited with `toml_edit`: only the values that
    /// changed are rewritten, and everything else (order, comments, layout, the fields the
    /// form does not show, the review history) stays as it was, so the diff a reviewer reads
    /// shows just the change. A base that is not TOML is replaced by a fresh file.
    pub fn to_toml(
        &self,
        snapshot: &Snapshot,
        base: Option<&str>,
    ) -> (String, Vec<Option<String>>) {
        let text = base
            .and_then(|b| entry_toml::edit_entry(self, b, snapshot))
            .unwrap_or_else(|| entry_toml::new_entry(self, snapshot));
        let fields = fields_of(&text);
        (text, fields)
    }

    /// The kinds chosen, as the model knows them (unknown ones are left to the validator).
    fn model_kinds(&self) -> Vec<Kind> {
        self.kinds.iter().filter_map(|k| Kind::from_id(k)).collect()
    }

    /// The evidence URLs typed, one per line.
    fn evidence(a: &AssessmentFields) -> Vec<String> {
        a.evidence
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The criteria the entry file is to say something about, with what the form says of
    /// each: the ones that apply to the chosen kinds (all of them while no known kind is
    /// chosen), in the catalogue's order, a blank status read as `unknown`.
    pub(super) fn criteria_to_write(&self, snapshot: &Snapshot) -> Vec<CriterionFields> {
        let kinds = self.model_kinds();
        snapshot
            .catalogue
            .criteria
            .values()
            .filter(|c| kinds.is_empty() || c.applies_to_kinds(&kinds))
            .map(|c| {
                let a = self.assessments.get(&c.id).cloned().unwrap_or_default();
                let status = if a.status.is_empty() {
                    Status::Unknown.id().to_owned()
                } else {
                    a.status.clone()
                };
                CriterionFields {
                    criterion: c.id.clone(),
                    status,
                    evidence: EntryForm::evidence(&a),
                    note_fr: a.note_fr.trim().to_owned(),
                    note_en: a.note_en.trim().to_owned(),
                }
            })
            .collect()
    }
}

/// What the form says of one criterion, read for the entry file.
pub(super) struct CriterionFields {
    pub criterion: String,
    pub status: String,
    /// The URLs typed, one per line.
    pub evidence: Vec<String>,
    /// Trimmed.
    pub note_fr: String,
    /// Trimmed.
    pub note_en: String,
}

/// Which form field each line of an entry file belongs to (`None`: blank lines, comments,
/// and fields the form does not show), read from the spans of the parsed document.
pub fn fields_of(text: &str) -> Vec<Option<String>> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect();
    let mut fields = vec![None; starts.len()];
    let Ok(doc) = toml_edit::Document::parse(text) else {
        return fields;
    };
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset).saturating_sub(1);
    let mut mark = |span: std::ops::Range<usize>, path: &[String]| {
        let Some(field) = field_for(path) else { return };
        if span.is_empty() {
            return;
        }
        for line in line_of(span.start)..=line_of(span.end - 1) {
            if let Some(slot) = fields.get_mut(line) {
                *slot = Some(field.clone());
            }
        }
    };
    walk(doc.as_table(), &mut Vec::new(), &mut mark);
    fields
}

/// Marks the span of every key and value of `table` (deeper ones last, so they win).
fn walk(
    table: &dyn TableLike,
    path: &mut Vec<String>,
    mark: &mut dyn FnMut(std::ops::Range<usize>, &[String]),
) {
    for (key, item) in table.iter() {
        path.push(key.to_owned());
        let key_start = table
            .get_key_value(key)
            .and_then(|(k, _)| k.span())
            .map(|s| s.start);
        match item {
            Item::Table(t) => {
                if let Some(span) = t.span() {
                    mark(span, path);
                }
                walk(t, path, mark);
            }
            Item::ArrayOfTables(tables) => {
                for t in tables.iter() {
                    if let Some(span) = t.span() {
                        mark(span, path);
                    }
                    walk(t, path, mark);
                }
            }
            Item::Value(v) => {
                if let Some(span) = v.span() {
                    mark(key_start.unwrap_or(span.start)..span.end, path);
                }
                if let Some(t) = v.as_inline_table() {
                    walk(t, path, mark);
                }
            }
            Item::None => {}
        }
        path.pop();
    }
}

/// The form field of a path of keys in an entry file.
fn field_for(path: &[String]) -> Option<String> {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    Some(match p.as_slice() {
        [
            k @ ("slug" | "name" | "kinds" | "homepage" | "repository" | "license" | "categories"
            | "platforms" | "replaces" | "self_hostable" | "added"),
        ] => (*k).to_owned(),
        [s @ ("summary" | "description")] => format!("{s}_fr"),
        [s @ ("summary" | "description"), lang @ ("fr" | "en"), ..] => format!("{s}_{lang}"),
        ["assessment", c] | ["assessment", c, "status" | "assessed", ..] => format!("a.{c}.status"),
        ["assessment", c, "evidence", ..] => format!("a.{c}.evidence"),
        ["assessment", c, "note"] => format!("a.{c}.note_fr"),
        ["assessment", c, "note", lang @ ("fr" | "en"), ..] => format!("a.{c}.note_{lang}"),
        ["review", ..] => "review".to_owned(),
        _ => return None,
    })
}

/// Diagnostics sorted by the form field they concern (`""` for the ones that concern no
/// single field).
pub fn by_field(
    diagnostics: &[StoredDiagnostic],
    fields: &[Option<String>],
) -> BTreeMap<String, Vec<StoredDiagnostic>> {
    let mut out: BTreeMap<String, Vec<StoredDiagnostic>> = BTreeMap::new();
    for d in diagnostics {
        let field = d
            .line
            .and_then(|l| fields.get(l.wrapping_sub(1)).cloned().flatten())
            .unwrap_or_default();
        out.entry(field).or_default().push(d.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Snapshot {
        let loaded = crate::data::load(std::path::Path::new("registry-data")).expect("seed");
        Snapshot::new(loaded.catalogue, &loaded.report, None)
    }

    #[test]
    fn an_entry_of_the_catalogue_survives_the_round_trip_through_the_form() {
        let snapshot = seed();
        let signal = snapshot.catalogue.entries.get("signal").expect("signal");
        let form = EntryForm::from_entry(signal);
        let (text, _) = form.to_toml(&snapshot, None);
        let checked = super::super::submissions::check(&snapshot, &text);
        assert!(checked.is_valid(), "{text}\n{:#?}", checked.diagnostics);
        let back = checked.entry.expect("entry");
        assert_eq!(back.name, signal.name);
        assert_eq!(back.assessment.len(), signal.assessment.len());
        assert_eq!(
            back.assessment["e2ee"].status,
            signal.assessment["e2ee"].status
        );
    }

    #[test]
    fn a_bad_homepage_is_reported_on_the_homepage_field() {
        let snapshot = seed();
        let signal = snapshot.catalogue.entries.get("signal").expect("signal");
        let mut form = EntryForm::from_entry(signal);
        form.homepage = "http://not secure".into();
        let (text, fields) = form.to_toml(&snapshot, None);
        let checked = super::super::submissions::check(&snapshot, &text);
        assert!(!checked.is_valid());
        let grouped = by_field(&checked.diagnostics, &fields);
        assert!(grouped.contains_key("homepage"), "{grouped:#?}");
    }

    #[test]
    fn posted_pairs_fill_the_form_and_unknown_fields_are_ignored() {
        let pairs: Vec<(String, String)> = [
            ("slug", " my-app "),
            ("kinds", "web"),
            ("kinds", "server"),
            ("replaces", "zoom, google-meet"),
            ("a.e2ee.status", "met"),
            ("a.e2ee.evidence", "https://a.example\r\nhttps://b.example"),
            ("whatever", "x"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let f = EntryForm::from_pairs(&pairs);
        assert_eq!(f.slug, "my-app");
        assert_eq!(f.kinds, ["web", "server"]);
        assert_eq!(f.replaces, ["zoom", "google-meet"]);
        assert_eq!(f.assessments["e2ee"].status, "met");
        assert_eq!(
            f.assessments["e2ee"].evidence,
            "https://a.example\nhttps://b.example"
        );
    }

    #[test]
    fn a_change_rewrites_only_the_lines_that_changed_and_keeps_the_rest_of_the_file() {
        let snapshot = seed();
        let base = std::fs::read_to_string("registry-data/entries/signal.toml").expect("file");
        let base = format!("# Kept: a comment of the file's authors.\n{base}");
        let signal = snapshot.catalogue.entries.get("signal").expect("signal");
        let mut form = EntryForm::from_entry(signal);
        form.summary_en = "Private messenger with end-to-end encryption.".into();
        let (text, fields) = form.to_toml(&snapshot, Some(&base));
        let checked = super::super::submissions::check(&snapshot, &text);
        assert!(checked.is_valid(), "{text}\n{:#?}", checked.diagnostics);
        let (old, new): (Vec<&str>, Vec<&str>) = (base.lines().collect(), text.lines().collect());
        let review_at = |lines: &[&str]| lines.iter().position(|l| *l == "[review]");
        let (old_end, new_end) = (
            review_at(&old).unwrap_or(old.len()),
            review_at(&new).expect("a review block"),
        );
        assert_eq!(
            old_end, new_end,
            "no line added or removed before the review block"
        );
        let changed: Vec<(usize, &str)> = (0..old_end)
            .filter(|&i| old[i] != new[i])
            .map(|i| (i, new[i]))
            .collect();
        assert_eq!(
            changed.len(),
            1,
            "only the English summary changed: {changed:#?}"
        );
        assert!(changed[0].1.contains("Private messenger"), "{changed:?}");
        assert_eq!(fields[changed[0].0].as_deref(), Some("summary_en"));
        let entry = checked.entry.expect("entry");
        assert_eq!(
            entry.review.status.id(),
            "submitted",
            "a change goes back to review"
        );
    }

    #[test]
    fn a_new_version_of_a_submission_keeps_its_review_block_and_maps_every_line() {
        let snapshot = seed();
        let signal = snapshot.catalogue.entries.get("signal").expect("signal");
        let form = EntryForm::from_entry(signal);
        let (first, _) = form.to_toml(&snapshot, None);
        let mut again = form.clone();
        again.description_en = "One line.\nTwo lines.\nThree.".into();
        let (second, fields) = again.to_toml(&snapshot, Some(&first));
        assert_eq!(
            first.matches("[review]").count(),
            second.matches("[review]").count()
        );
        assert!(
            !second.contains("[[review.history]]") && !second.contains("history ="),
            "no review history for a waiting submission"
        );
        let lines: Vec<&str> = second.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.contains("Two lines.") {
                assert_eq!(fields[i].as_deref(), Some("description_en"), "{second}");
            }
            if line.starts_with("homepage") {
                assert_eq!(fields[i].as_deref(), Some("homepage"));
            }
            if line.starts_with("[assessment.e2ee]") {
                assert_eq!(fields[i].as_deref(), Some("a.e2ee.status"));
            }
        }
    }
}
