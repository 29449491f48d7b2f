//! The reviewer's part of a submission page: a checklist row per criterion that applies to
//! the submitted kinds — the applicant's status and evidence, then a select whose first
//! option, "no verdict", leaves the applicant's assessment as it is — and the decision.
//!
//! A verdict is recorded for every row where the reviewer picked a status (confirming the
//! applicant's status is picking the same one), with the evidence and notes of that row,
//! which start as the applicant's. Rows left on "no verdict" record nothing.

use std::collections::BTreeMap;

use super::entry_form::{self, Field};
use super::submission::DiagnosticView;
use crate::catalogue::Snapshot;
use crate::db::entities::submissions;
use crate::http::web::context::Ctx;
use crate::http::web::private::{self, Pairs};
use crate::http::web::view::{self, Evidence};
use crate::model::{Kind, Status};
use crate::workflow::StoredDiagnostic;
use crate::workflow::entry_toml::Verdict;
use crate::workflow::form::AssessmentFields;
use crate::workflow::review::EvidenceProblem;

/// The reviewer's form: a checklist row per applicable criterion, then the decision.
#[derive(Debug, Clone)]
pub struct ReviewForm {
    pub rows: Vec<VerdictRow>,
    pub decisions: Vec<entry_form::Choice>,
    pub reason: Field,
    pub problem: Option<String>,
    pub problems: Vec<DiagnosticView>,
    /// No decision was chosen.
    pub decision_missing: bool,
    /// Changes were requested or the submission rejected without a reason.
    pub reason_missing: bool,
    /// Approving is possible only for an open submission.
    pub can_approve: bool,
}

#[derive(Debug, Clone)]
pub struct VerdictRow {
    pub id: String,
    pub title: String,
    pub href: String,
    pub level: String,
    pub applicant_status_id: String,
    pub applicant_status: String,
    pub applicant_evidence: Vec<Evidence>,
    pub applicant_note: Option<String>,
    pub fields: Vec<Field>,
}

/// What a refused decision posted, and why it was refused.
#[derive(Debug, Default, Clone)]
pub struct Kept {
    pub posted: Option<Pairs>,
    pub problem: Option<String>,
    pub diagnostics: Vec<StoredDiagnostic>,
    pub decision_missing: bool,
    pub reason_missing: bool,
    /// Evidence links refused, shown next to the evidence field of their criterion.
    pub evidence_problems: Vec<EvidenceProblem>,
}

/// What the submitted text says, read leniently (it may no longer pass the validator).
struct Applicant {
    kinds: Vec<Kind>,
    assessments: BTreeMap<String, AssessmentFields>,
}

fn applicant(text: &str) -> Applicant {
    let table = toml::from_str::<toml::Table>(text).unwrap_or_default();
    let kinds = table
        .get("kinds")
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(toml::Value::as_str)
                .filter_map(Kind::from_id)
                .collect()
        })
        .unwrap_or_default();
    let text_of = |v: Option<&toml::Value>, key: &str| {
        v.and_then(|n| n.get(key))
            .and_then(toml::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let assessments = table
        .get("assessment")
        .and_then(toml::Value::as_table)
        .map(|t| {
            t.iter()
                .map(|(id, a)| {
                    let evidence = a
                        .get("evidence")
                        .and_then(toml::Value::as_array)
                        .map(|list| {
                            list.iter()
                                .filter_map(toml::Value::as_str)
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .unwrap_or_default();
                    (
                        id.clone(),
                        AssessmentFields {
                            status: text_of(Some(a), "status"),
                            evidence,
                            note_fr: text_of(a.get("note"), "fr"),
                            note_en: text_of(a.get("note"), "en"),
                        },
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Applicant { kinds, assessments }
}

/// The reviewer's form for `row`; `can_approve` is what the rules offer
/// ([`crate::workflow::rules::Offered::approve`]); `kept` is what a refused decision posted.
pub fn build(
    ctx: &Ctx,
    snapshot: &Snapshot,
    row: &submissions::Model,
    can_approve: bool,
    kept: &Kept,
) -> ReviewForm {
    let tr = ctx.tr;
    let lang = ctx.lang;
    let a = applicant(&row.entry_toml);
    let posted = |name: &str| {
        kept.posted
            .as_ref()
            .and_then(|p| private::value(p, name).map(str::to_owned))
    };
    let mut rows = Vec::new();
    for (_, list) in entry_form::ordered_criteria(snapshot, lang) {
        for c in list {
            if !a.kinds.is_empty() && !c.applies_to_kinds(&a.kinds) {
                continue;
            }
            let given = a.assessments.get(&c.id).cloned().unwrap_or_default();
            let given_status = if given.status.is_empty() {
                Status::Unknown.id().to_owned()
            } else {
                given.status.clone()
            };
            let name = |part: &str| format!("v.{}.{part}", c.id);
            let status_value = posted(&name("status")).unwrap_or_default();
            let mut status = Field::new(
                &name("status"),
                tr.t("review-verdict-status"),
                status_value.clone(),
                "select",
            );
            status.options =
                entry_form::status_options(tr, &status_value, Some(tr.t("review-no-verdict")));
            let mut evidence = Field::new(
                &name("evidence"),
                tr.t("form-evidence"),
                posted(&name("evidence")).unwrap_or_else(|| given.evidence.clone()),
                "textarea",
            )
            .hint(tr.t("form-evidence-hint"))
            .rows(2);
            evidence.errors.extend(
                kept.evidence_problems
                    .iter()
                    .filter(|p| p.criterion == c.id)
                    .map(|p| entry_form::FieldError {
                        message: p.problem.message.clone(),
                        hint: Some(p.problem.hint.to_owned()),
                    }),
            );
            let note_fr = Field::new(
                &name("note_fr"),
                tr.t("form-note-fr"),
                posted(&name("note_fr")).unwrap_or_else(|| given.note_fr.clone()),
                "textarea",
            )
            .lang("fr")
            .rows(2);
            let note_en = Field::new(
                &name("note_en"),
                tr.t("form-note-en"),
                posted(&name("note_en")).unwrap_or_else(|| given.note_en.clone()),
                "textarea",
            )
            .lang("en")
            .rows(2);
            let note = match lang {
                crate::model::Lang::Fr => &given.note_fr,
                crate::model::Lang::En => &given.note_en,
            };
            rows.push(VerdictRow {
                id: c.id.clone(),
                title: c.title.get(lang).to_owned(),
                href: ctx.href(&format!("/criteria#{}", c.id)),
                level: view::level_label(tr, c.level),
                applicant_status: private::status_label_id(tr, &given_status),
                applicant_status_id: given_status,
                applicant_evidence: given
                    .evidence
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(Evidence::new)
                    .collect(),
                applicant_note: (!note.trim().is_empty()).then(|| note.clone()),
                fields: vec![status, evidence, note_fr, note_en],
            });
        }
    }
    let chosen = posted("decision").unwrap_or_default();
    let mut choices = Vec::new();
    for (id, key) in [
        ("approve", "decision-approve"),
        ("request-changes", "decision-request-changes"),
        ("reject", "decision-reject"),
    ] {
        if id == "approve" && !can_approve {
            continue;
        }
        choices.push(entry_form::Choice {
            id: format!("decision-{id}"),
            value: id.to_owned(),
            label: tr.t(key),
            checked: chosen == id,
        });
    }
    let mut reason = Field::new(
        "reason",
        tr.t("review-reason"),
        posted("reason").unwrap_or_default(),
        "textarea",
    )
    .hint(tr.t("review-reason-hint"))
    .rows(5);
    if kept.reason_missing {
        reason.errors.push(entry_form::FieldError {
            message: tr.t("review-reason-required"),
            hint: None,
        });
    }
    ReviewForm {
        rows,
        decisions: choices,
        reason,
        problem: kept.problem.clone(),
        problems: kept
            .diagnostics
            .iter()
            .map(|d| super::submission::diagnostic_view(tr, d))
            .collect(),
        decision_missing: kept.decision_missing,
        reason_missing: kept.reason_missing,
        can_approve,
    }
}

/// The verdicts of the posted checklist: one per criterion whose select was set.
pub fn verdicts(snapshot: &Snapshot, pairs: &[(String, String)]) -> Result<Vec<Verdict>, String> {
    let mut out = Vec::new();
    for id in snapshot.catalogue.criteria.keys() {
        let field = |part: &str| private::value(pairs, &format!("v.{id}.{part}"));
        let Some(status) = field("status").filter(|s| !s.is_empty()) else {
            continue;
        };
        let status = Status::ALL
            .into_iter()
            .find(|s| s.id() == status)
            .ok_or_else(|| format!("criterion `{id}`: `{status}` is not a status"))?;
        let text = |part: &str| {
            field(part)
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        out.push(Verdict {
            criterion: id.clone(),
            status,
            evidence: field("evidence")
                .unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            note_fr: text("note_fr"),
            note_en: text("note_en"),
        });
    }
    Ok(out)
}
