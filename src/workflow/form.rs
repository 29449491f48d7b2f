//! The submission form of the web site, as data: fields as typed (kept as typed when they
//! fail), the entry file they make, and which field each line of that file came from, so the
//! validator's diagnostics (located by line) are shown next to the field that caused them.

use std::collections::BTreeMap;

use crate::app::Snapshot;
use crate::model::{Entry, Kind, Status};

use super::StoredDiagnostic;

/// The kinds of software, in the order the form lists them.
pub const KINDS: [&str; 6] = [
    "desktop",
    "mobile",
    "web",
    "server",
    "browser-extension",
    "cli",
];

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
        let id = |v: serde_json::Value| v.as_str().unwrap_or_default().to_owned();
        EntryForm {
            slug: e.slug.clone(),
            name: e.name.clone(),
            kinds: e
                .kinds
                .iter()
                .map(|k| id(serde_json::to_value(k).unwrap_or_default()))
                .collect(),
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
    pub fn to_toml(&self, snapshot: &Snapshot) -> (String, Vec<Option<String>>) {
        let mut out = Toml::default();
        let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
        let list = |items: &[String]| {
            let quoted: Vec<String> = items.iter().map(|s| q(s)).collect();
            format!("[{}]", quoted.join(", "))
        };
        out.line(format!("slug = {}", q(&self.slug)), "slug");
        out.line(format!("name = {}", q(&self.name)), "name");
        out.line(format!("kinds = {}", list(&self.kinds)), "kinds");
        out.line(format!("homepage = {}", q(&self.homepage)), "homepage");
        out.line(
            format!("repository = {}", q(&self.repository)),
            "repository",
        );
        out.line(format!("license = {}", q(&self.license)), "license");
        out.line(
            format!("categories = {}", list(&self.categories)),
            "categories",
        );
        out.line(
            format!("platforms = {}", list(&self.platforms)),
            "platforms",
        );
        out.line(format!("replaces = {}", list(&self.replaces)), "replaces");
        out.line(
            format!("self_hostable = {}", self.self_hostable),
            "self_hostable",
        );
        // A date when it reads as one, else a string the validator will point at.
        let added = if chrono::NaiveDate::parse_from_str(&self.added, "%Y-%m-%d").is_ok() {
            self.added.clone()
        } else {
            q(&self.added)
        };
        out.line(format!("added = {added}"), "added");
        out.blank();
        out.line("[summary]".into(), "summary_fr");
        out.line(format!("fr = {}", q(&self.summary_fr)), "summary_fr");
        out.line(format!("en = {}", q(&self.summary_en)), "summary_en");
        out.blank();
        out.line("[description]".into(), "description_fr");
        out.line(
            format!("fr = {}", q(&self.description_fr)),
            "description_fr",
        );
        out.line(
            format!("en = {}", q(&self.description_en)),
            "description_en",
        );
        let kinds: Vec<Kind> = self
            .kinds
            .iter()
            .filter_map(|k| serde_json::from_value(serde_json::Value::String(k.clone())).ok())
            .collect();
        let today = super::today().to_string();
        for c in snapshot.catalogue.criteria.values() {
            if !kinds.is_empty() && !c.applies_to_kinds(&kinds) {
                continue;
            }
            let a = self.assessments.get(&c.id).cloned().unwrap_or_default();
            let field = |f: &str| format!("a.{}.{f}", c.id);
            let status = if a.status.is_empty() {
                "unknown".to_owned()
            } else {
                a.status.clone()
            };
            out.blank();
            out.line(format!("[assessment.{}]", c.id), &field("status"));
            out.line(format!("status = {}", q(&status)), &field("status"));
            let evidence: Vec<String> = a
                .evidence
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            if !evidence.is_empty() {
                out.line(
                    format!("evidence = {}", list(&evidence)),
                    &field("evidence"),
                );
            }
            if status != Status::Unknown.id() {
                out.line(format!("assessed = {today}"), &field("status"));
            }
            if !a.note_fr.trim().is_empty() || !a.note_en.trim().is_empty() {
                out.line(
                    format!("note.fr = {}", q(a.note_fr.trim())),
                    &field("note_fr"),
                );
                out.line(
                    format!("note.en = {}", q(a.note_en.trim())),
                    &field("note_en"),
                );
            }
        }
        out.blank();
        out.line("[review]".into(), "review");
        out.line("status = \"submitted\"".into(), "review");
        (out.text, out.fields)
    }
}

#[derive(Default)]
struct Toml {
    text: String,
    fields: Vec<Option<String>>,
}

impl Toml {
    fn line(&mut self, line: String, field: &str) {
        self.text.push_str(&line);
        self.text.push('\n');
        self.fields.push(Some(field.to_owned()));
    }

    fn blank(&mut self) {
        self.text.push('\n');
        self.fields.push(None);
    }
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
        let (text, _) = form.to_toml(&snapshot);
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
        let (text, fields) = form.to_toml(&snapshot);
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
}
