//! Reviewing: the queue, a decision per submission with per-criterion verdicts, the merge
//! of approved entries into the data repository, and the public record of decisions.
//!
//! Rules: only reviewers (and admins) decide; nobody decides on a submission they authored
//! (four-eyes); requesting changes and rejecting need a reason; evidence links in verdicts
//! follow the rule of entries' links; approving needs the entry to
//! pass the validator with the reviewer's verdicts applied. An approval is a merge commit
//! naming the reviewer, followed by a reload of the catalogue (searchable when it returns).

use chrono::{Months, Utc};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;

use super::context::Context;
use super::entry_toml::{ReviewBlock, Verdict};
use super::rules::Action;
use super::{Actor, WorkflowError, noreply_email, submissions as sub};
use crate::db::audit;
use crate::db::entities::review_decisions::{self, Decision};
use crate::db::entities::submissions::{self, State};
use crate::db::entities::{criterion_verdicts, users};
use crate::git::Author;

/// Longest reason, in characters.
pub const MAX_REASON_CHARS: usize = 5_000;

/// A reviewer's decision, as typed in the review form or sent to the API.
#[derive(Debug, Clone)]
pub struct DecisionInput {
    pub decision: Decision,
    pub reason: Option<String>,
    pub verdicts: Vec<Verdict>,
}

/// Filters of the queue.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    /// `None`: everything awaiting a reviewer (open, and pending-git).
    pub state: Option<State>,
    pub category: Option<String>,
    /// Only submissions waiting for at least this many days.
    pub min_age_days: Option<i64>,
}

/// The queue: oldest first.
pub async fn queue(
    ctx: &Context,
    actor: &Actor,
    filter: &QueueFilter,
) -> Result<Vec<submissions::Model>, WorkflowError> {
    if !actor.is_reviewer() {
        return Err(WorkflowError::Forbidden(
            "the review queue is for reviewers".into(),
        ));
    }
    let states = match filter.state {
        Some(s) => vec![s],
        None => vec![State::Open, State::PendingGit],
    };
    let rows = submissions::Entity::find()
        .filter(submissions::Column::State.is_in(states))
        .order_by_asc(submissions::Column::UpdatedAt)
        .order_by_asc(submissions::Column::Id)
        .all(ctx.db()?)
        .await?;
    let now = Utc::now();
    Ok(rows
        .into_iter()
        .filter(|s| {
            filter
                .min_age_days
                .is_none_or(|d| (now - s.updated_at).num_days() >= d)
        })
        .filter(|s| match &filter.category {
            None => true,
            Some(c) => toml::from_str::<toml::Table>(&s.entry_toml)
                .ok()
                .and_then(|t| t.get("categories").and_then(|v| v.as_array()).cloned())
                .is_some_and(|cats| cats.iter().any(|v| v.as_str() == Some(c.as_str()))),
        })
        .collect())
}

/// A link in a verdict's evidence that the data rules refuse (the rule entries follow,
/// [`crate::data::url_problem`]: https, public host, no credentials).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceProblem {
    /// The verdict's position in the list given.
    pub verdict: usize,
    pub criterion: String,
    /// The link's position in the verdict's evidence.
    pub evidence: usize,
    pub problem: crate::data::UrlProblem,
}

impl EvidenceProblem {
    /// Where the problem is, as the API's body names it: `verdicts[2].evidence[0]`.
    pub fn field(&self) -> String {
        format!("verdicts[{}].evidence[{}]", self.verdict, self.evidence)
    }
}

/// Every evidence link of `verdicts` the data rules refuse, in order.
pub fn evidence_problems(verdicts: &[Verdict]) -> Vec<EvidenceProblem> {
    verdicts
        .iter()
        .enumerate()
        .flat_map(|(i, v)| {
            v.evidence.iter().enumerate().filter_map(move |(j, url)| {
                crate::data::url_problem(url).map(|problem| EvidenceProblem {
                    verdict: i,
                    criterion: v.criterion.clone(),
                    evidence: j,
                    problem,
                })
            })
        })
        .collect()
}

/// Whether a decision needs a reason: requesting changes and rejecting do (applicants must
/// know why), approving does not.
pub fn needs_reason(decision: Decision) -> bool {
    decision != Decision::Approve
}

/// Takes a decision on a submission. Returns the decision recorded.
pub async fn decide(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    input: DecisionInput,
) -> Result<review_decisions::Model, WorkflowError> {
    let row = sub::visible(ctx, actor, id).await?;
    super::rules::check(actor, &row, Action::Decide)?;
    let reason = input
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned);
    if let Some(r) = &reason
        && r.chars().count() > MAX_REASON_CHARS
    {
        return Err(WorkflowError::invalid(format!(
            "the reason is too long; at most {MAX_REASON_CHARS} characters"
        )));
    }
    if let Some(p) = evidence_problems(&input.verdicts).first() {
        return Err(WorkflowError::invalid(format!(
            "{}: {}",
            p.field(),
            p.problem.message
        )));
    }
    if needs_reason(input.decision) && reason.is_none() {
        return Err(WorkflowError::invalid(
            "a reason is required to request changes or to reject: applicants must know why",
        ));
    }
    if input.decision == Decision::Approve {
        super::rules::check(actor, &row, Action::Approve)?;
    }
    let merge = if input.decision == Decision::Approve {
        Some(approved_text(ctx, actor, &row, &input, reason.as_deref())?)
    } else {
        None
    };

    let txn = ctx.db()?.begin().await?;
    let mut decision = review_decisions::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        submission_id: Set(row.id),
        reviewer_id: Set(Some(actor.id)),
        decision: Set(input.decision),
        reason: Set(reason.clone()),
        merge_commit: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    for v in &input.verdicts {
        criterion_verdicts::ActiveModel {
            id: sea_orm::ActiveValue::NotSet,
            decision_id: Set(decision.id),
            criterion_id: Set(v.criterion.clone()),
            status: Set(v.status.id().to_owned()),
            evidence: Set(serde_json::to_string(&v.evidence).unwrap_or_else(|_| "[]".into())),
            note_fr: Set(v.note_fr.clone()),
            note_en: Set(v.note_en.clone()),
        }
        .insert(&txn)
        .await?;
    }
    let new_state = match input.decision {
        Decision::Approve => State::Approved,
        Decision::RequestChanges => State::ChangesRequested,
        Decision::Reject => State::Rejected,
    };
    let mut active: submissions::ActiveModel = row.clone().into();
    active.state = Set(new_state);
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;

    // Git last, inside the transaction: if the merge fails nothing is recorded and the
    // reviewer's input comes back to them with the error.
    if let Some(text) = merge {
        let commit = merge_into_main(ctx, actor, &row, text).await?;
        let mut with_commit: review_decisions::ActiveModel = decision.clone().into();
        with_commit.merge_commit = Set(Some(commit.clone()));
        decision = with_commit.update(&txn).await?;
    }
    audit::record(
        &txn,
        Some(actor.id),
        &format!("review.{}", input.decision.to_value()),
        &format!("submission:{id}"),
        &json!({
            "slug": row.slug,
            "decision": decision.id,
            "merge_commit": decision.merge_commit,
            "verdicts": input.verdicts.len(),
        }),
    )
    .await?;
    txn.commit().await?;
    if decision.merge_commit.is_some()
        && let Err(e) = ctx.catalogue.reload().await
    {
        tracing::error!(error = %crate::util::escaped(&e), submission = id, "approved and merged, but the catalogue reload failed; it will show after a restart");
    }
    match new_state {
        State::Approved => super::forge::tell(ctx, &row, super::forge::Event::Merged).await,
        State::Rejected => super::forge::tell(ctx, &row, super::forge::Event::Closed).await,
        _ => {}
    }
    Ok(decision)
}

/// The entry text an approval merges: the reviewer's verdicts applied, the review block set
/// to `validated` with the reviewer, the date and the expiry; checked by the validator with
/// [`sub::check`], so that the merge leaves a data tree that `validate` accepts.
fn approved_text(
    ctx: &Context,
    actor: &Actor,
    row: &submissions::Model,
    input: &DecisionInput,
    reason: Option<&str>,
) -> Result<String, WorkflowError> {
    let today = super::today();
    let months = ctx.settings.workflow.validation_months;
    let expires = (months > 0)
        .then(|| today.checked_add_months(Months::new(months)))
        .flatten();
    let review = ReviewBlock {
        status: "validated",
        by: Some(actor.display_name.clone()),
        date: today,
        expires,
        note_fr: reason.map(str::to_owned),
        note_en: reason.map(str::to_owned),
    };
    let text = super::entry_toml::apply_review(&row.entry_toml, &review, &input.verdicts, today)
        .map_err(|e| WorkflowError::invalid(format!("the entry cannot be edited: {e}")))?;
    let checked = sub::check(&ctx.snapshot(), &text);
    let blocking: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    if checked.slug.as_deref() != Some(row.slug.as_str()) || !blocking.is_empty() {
        return Err(WorkflowError::Invalid {
            message: "with your verdicts the entry does not pass validation; nothing was merged"
                .into(),
            diagnostics: blocking,
        });
    }
    Ok(text)
}

async fn merge_into_main(
    ctx: &Context,
    actor: &Actor,
    row: &submissions::Model,
    text: String,
) -> Result<String, WorkflowError> {
    let branch = row
        .branch
        .clone()
        .unwrap_or_else(|| super::branch_name(row.id, &row.slug));
    let author = Author {
        name: actor.display_name.clone(),
        email: noreply_email(actor.id, &ctx.settings.public_url),
    };
    let path = format!("entries/{}.toml", row.slug);
    let slug = row.slug.clone();
    let id = row.id;
    super::with_repo(ctx, move |repo| {
        repo.commit_file(
            &branch,
            &path,
            text.as_bytes(),
            &author,
            &format!(
                "Review of {slug} by {}: validated (submission #{id})",
                author.name
            ),
        )?;
        repo.merge_branch(
            &branch,
            &author,
            &format!(
                "Merge submission #{id}: {slug}, approved by {}",
                author.name
            ),
        )
    })
    .await
}

/// A published decision, as `/decisions` shows it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PublicDecision {
    pub id: i64,
    pub submission: i64,
    pub slug: String,
    pub kind: String,
    pub decision: String,
    pub reason: Option<String>,
    /// The reviewer's name (decisions are signed; a deleted account shows its pseudonym).
    pub reviewer: String,
    pub date: chrono::DateTime<Utc>,
    pub merge_commit: Option<String>,
    pub verdicts: Vec<PublicVerdict>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PublicVerdict {
    pub criterion: String,
    pub status: String,
    pub evidence: Vec<String>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
}

/// Every decision, newest first (`limit` at most).
pub async fn decisions(ctx: &Context, limit: u64) -> Result<Vec<PublicDecision>, WorkflowError> {
    decisions_where(ctx, None, limit).await
}

async fn decisions_where(
    ctx: &Context,
    submission: Option<i64>,
    limit: u64,
) -> Result<Vec<PublicDecision>, WorkflowError> {
    use sea_orm::QuerySelect;
    let mut query = review_decisions::Entity::find();
    if let Some(id) = submission {
        query = query.filter(review_decisions::Column::SubmissionId.eq(id));
    }
    let rows = query
        .order_by_desc(review_decisions::Column::CreatedAt)
        .order_by_desc(review_decisions::Column::Id)
        .limit(limit)
        .find_also_related(users::Entity)
        .all(ctx.db()?)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (d, reviewer) in rows {
        let submission = submissions::Entity::find_by_id(d.submission_id)
            .one(ctx.db()?)
            .await?;
        let verdicts = criterion_verdicts::Entity::find()
            .filter(criterion_verdicts::Column::DecisionId.eq(d.id))
            .order_by_asc(criterion_verdicts::Column::CriterionId)
            .all(ctx.db()?)
            .await?;
        out.push(PublicDecision {
            id: d.id,
            submission: d.submission_id,
            slug: submission
                .as_ref()
                .map(|s| s.slug.clone())
                .unwrap_or_default(),
            kind: submission
                .as_ref()
                .map(|s| s.kind.to_value())
                .unwrap_or_default(),
            decision: d.decision.to_value(),
            reason: d.reason,
            reviewer: reviewer.map_or_else(|| "—".into(), |u| u.display_name),
            date: d.created_at,
            merge_commit: d.merge_commit,
            verdicts: verdicts
                .into_iter()
                .map(|v| PublicVerdict {
                    criterion: v.criterion_id,
                    status: v.status,
                    evidence: serde_json::from_str(&v.evidence).unwrap_or_default(),
                    note_fr: v.note_fr,
                    note_en: v.note_en,
                })
                .collect(),
        });
    }
    Ok(out)
}

/// The decisions that approved `submissions` (each one's last approval), for the history of
/// an entry: an empty map without a database, or when it cannot be read (the history is
/// shown without the reasons then, and the failure logged).
pub async fn approvals_of(
    ctx: &Context,
    submissions: impl IntoIterator<Item = i64>,
) -> std::collections::BTreeMap<i64, PublicDecision> {
    let mut out = std::collections::BTreeMap::new();
    if ctx.db().is_err() {
        return out;
    }
    for id in submissions {
        if out.contains_key(&id) {
            continue;
        }
        match decisions_of(ctx, id).await {
            Ok(all) => {
                if let Some(d) = all.into_iter().rev().find(|d| d.decision == "approve") {
                    out.insert(id, d);
                }
            }
            Err(e) => {
                tracing::warn!(error = %crate::util::escaped(&e), "decisions for a history unavailable");
                break;
            }
        }
    }
    out
}

/// The decisions on one submission, oldest first.
pub async fn decisions_of(
    ctx: &Context,
    submission: i64,
) -> Result<Vec<PublicDecision>, WorkflowError> {
    let mut all = decisions_where(ctx, Some(submission), 1_000).await?;
    all.reverse();
    Ok(all)
}
