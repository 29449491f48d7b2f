//! A change of an entry ([`EntryChange`]) in words, for the entry page's history and the
//! feeds: what happened, the grade before and after, criterion by criterion the status
//! before and after with the evidence given.

use crate::catalogue::Snapshot;
use crate::catalogue::history::{ChangeKind, EntryChange};
use crate::http::web::error::Link;
use crate::http::web::i18n::Tr;
use crate::http::web::view;
use crate::model::Status;

/// One criterion's move: "Telemetry opt-in: unknown → met", with the evidence.
#[derive(Debug, Clone)]
pub struct CriterionLine {
    pub text: String,
    pub evidence: Vec<Link>,
}

/// A change in words.
#[derive(Debug, Clone)]
pub struct ChangeView {
    pub date: String,
    /// "Added to the catalogue", "Changed", "Removed from the catalogue".
    pub what: String,
    /// "Grade C → B", "Grade: B" (unchanged or added).
    pub grade: Option<String>,
    pub criteria: Vec<CriterionLine>,
    /// "Other changes: homepage, review".
    pub fields: Option<String>,
    /// The submission page (its raw diff is there).
    pub submission: Option<Link>,
    /// The reviewer's reason and name, when the database has them.
    pub reason: Option<String>,
    pub reviewer: Option<String>,
    /// The reviewer's per-criterion verdicts on the approved submission.
    pub verdicts: Vec<super::pages::decisions::VerdictView>,
    /// The commit, for the link to its raw diff (`?diff=<commit>`).
    pub commit: String,
    /// The raw diff, when asked for.
    pub diff: Option<String>,
    /// Where the raw diff is shown (set by the page).
    pub diff_href: String,
}

fn status(tr: Tr, s: Option<Status>) -> String {
    s.map_or_else(
        || tr.t("history-not-assessed"),
        |s| view::status_label(tr, s),
    )
}

impl ChangeView {
    pub fn of(tr: Tr, snapshot: &Snapshot, c: &EntryChange) -> ChangeView {
        let lang = tr.lang;
        let what = tr.t(match c.kind {
            ChangeKind::Added => "history-added",
            ChangeKind::Changed => "history-changed",
            ChangeKind::Removed => "history-removed",
        });
        let grade = match (c.grade_before, c.grade_after) {
            (Some(b), Some(a)) if a != b => Some(tr.args(
                "history-grade",
                &[("before", b.letter().into()), ("after", a.letter().into())],
            )),
            (_, Some(a)) => Some(tr.s("history-grade-now", "grade", a.letter())),
            _ => None,
        };
        let criteria = c
            .assessments
            .iter()
            .map(|a| {
                let title = snapshot
                    .catalogue
                    .criteria
                    .get(&a.criterion)
                    .map_or_else(|| a.criterion.clone(), |k| k.title.get(lang).to_owned());
                CriterionLine {
                    text: tr.args(
                        "history-criterion",
                        &[
                            ("criterion", title.into()),
                            ("before", status(tr, a.before).into()),
                            ("after", status(tr, a.after).into()),
                        ],
                    ),
                    evidence: a
                        .evidence
                        .iter()
                        .filter(|u| crate::data::is_acceptable_url(u))
                        .map(|u| Link {
                            href: u.clone(),
                            label: u.clone(),
                        })
                        .collect(),
                }
            })
            .collect();
        let fields =
            (!c.fields.is_empty()).then(|| tr.s("history-fields", "fields", &c.fields.join(", ")));
        ChangeView {
            date: tr.date(c.date.date_naive()),
            what,
            grade,
            criteria,
            fields,
            submission: c.submission.map(|id| Link {
                href: format!("/{}/submissions/{id}", lang.code()),
                label: tr.s("history-submission", "id", &id.to_string()),
            }),
            reason: None,
            reviewer: None,
            verdicts: Vec::new(),
            commit: c.commit.clone(),
            diff: None,
            diff_href: String::new(),
        }
    }

    /// The change as plain text lines (for a feed's summary).
    pub fn text(&self) -> String {
        let mut lines = vec![self.what.clone()];
        lines.extend(self.grade.clone());
        for c in &self.criteria {
            let mut line = c.text.clone();
            if !c.evidence.is_empty() {
                let urls: Vec<&str> = c.evidence.iter().map(|l| l.href.as_str()).collect();
                line.push_str(&format!(" ({})", urls.join(", ")));
            }
            lines.push(line);
        }
        lines.extend(self.fields.clone());
        lines.join("\n")
    }
}
