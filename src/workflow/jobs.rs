//! The periodic job of a running server: purge expired sessions and logins and audit-log
//! records past their retention, write pending submissions to git, and send expired
//! validations back to the queue. Runs at start-up, then every
//! `retention.purge_interval_minutes`; each part logs and goes on when another fails.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde_json::json;

use super::context::Context;
use super::entry_toml::ReviewBlock;
use super::{WorkflowError, submissions as sub};
use crate::db::audit;
use crate::db::entities::audit_log;
use crate::db::entities::submissions::{self, Kind, State};
use crate::git::Author;
use crate::model::ReviewStatus;

/// Starts the job on the runtime; it stops with the process.
pub fn spawn(ctx: Context) {
    let every = Duration::from_secs(u64::from(ctx.settings.retention.purge_interval_minutes) * 60);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            run_once(&ctx).await;
        }
    });
}

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RunReport {
    pub purged_sessions: u64,
    pub purged_tokens: u64,
    pub purged_audit_records: u64,
    pub written_to_git: usize,
    pub expired: Vec<String>,
}

/// One run of every part (tests call it directly).
pub async fn run_once(ctx: &Context) -> RunReport {
    let mut report = RunReport::default();
    let Ok(db) = ctx.db() else {
        // A read-only assembly: no workflow state to look after.
        return report;
    };
    match crate::auth::session::purge_expired(db, Utc::now()).await {
        Ok(n) => report.purged_sessions = n,
        Err(e) => {
            tracing::warn!(error = %crate::util::escaped(&e), "purge of expired sessions failed")
        }
    }
    match crate::auth::tokens::purge_expired(db).await {
        Ok(n) => report.purged_tokens = n,
        Err(e) => {
            tracing::warn!(error = %crate::util::escaped(&e), "purge of expired API tokens failed")
        }
    }
    match purge_audit_log(ctx).await {
        Ok(n) => report.purged_audit_records = n,
        Err(e) => {
            tracing::warn!(error = %crate::util::escaped(&e), "purge of the audit log failed")
        }
    }
    match retry_pending_git(ctx).await {
        Ok(n) => report.written_to_git = n,
        Err(e) => {
            tracing::warn!(error = %crate::util::escaped(&e), "retry of pending submissions failed")
        }
    }
    match expire_validations(ctx).await {
        Ok(slugs) => report.expired = slugs,
        Err(e) => tracing::warn!(error = %crate::util::escaped(&e), "expiry of validations failed"),
    }
    // Observations stored by the `check` command of another process show from here on.
    if let Err(e) = ctx.stale.refresh(db).await {
        tracing::warn!(error = %e, "the stale entries cannot be read");
    }
    if report != RunReport::default() {
        tracing::info!(
            purged_sessions = report.purged_sessions,
            purged_tokens = report.purged_tokens,
            purged_audit_records = report.purged_audit_records,
            written_to_git = report.written_to_git,
            expired = report.expired.len(),
            "periodic job"
        );
    }
    report
}

async fn purge_audit_log(ctx: &Context) -> Result<u64, WorkflowError> {
    let cutoff =
        Utc::now() - chrono::Duration::days(i64::from(ctx.settings.retention.audit_log_days));
    let done = audit_log::Entity::delete_many()
        .filter(audit_log::Column::At.lt(cutoff))
        .exec(ctx.db()?)
        .await?;
    Ok(done.rows_affected)
}

async fn retry_pending_git(ctx: &Context) -> Result<usize, WorkflowError> {
    if ctx.repo.is_none() {
        return Ok(0);
    }
    let pending = submissions::Entity::find()
        .filter(submissions::Column::State.eq(State::PendingGit))
        .all(ctx.db()?)
        .await?;
    let mut written = 0;
    for row in pending {
        let slug = row.slug.clone();
        let after = sub::write_to_git(ctx, row, &format!("Propose {slug}")).await;
        if after.state != State::PendingGit {
            written += 1;
        }
    }
    Ok(written)
}

/// Validated entries whose `expires` date has passed: the entry's review status becomes
/// `expired` on the main branch (a commit by the registry), and a submission of the current
/// entry goes into the queue for a new review.
async fn expire_validations(ctx: &Context) -> Result<Vec<String>, WorkflowError> {
    if ctx.repo.is_none() {
        return Ok(Vec::new());
    }
    let today = super::today();
    let snapshot = ctx.snapshot();
    let due: Vec<String> = snapshot
        .catalogue
        .entries
        .values()
        .filter(|e| e.review.status == ReviewStatus::Validated)
        .filter(|e| e.review.expires.is_some_and(|d| d < today))
        .map(|e| e.slug.clone())
        .collect();
    let mut expired = Vec::new();
    for slug in due {
        let already = submissions::Entity::find()
            .filter(submissions::Column::Slug.eq(&slug))
            .filter(submissions::Column::State.is_in([State::PendingGit, State::Open]))
            .one(ctx.db()?)
            .await?;
        if already.is_some() {
            continue;
        }
        let path = format!("entries/{slug}.toml");
        let text = {
            let path = path.clone();
            super::with_repo(ctx, move |repo| repo.read_file("main", &path)).await?
        };
        let Some(text) = text.and_then(|b| String::from_utf8(b).ok()) else {
            continue;
        };
        let review = ReviewBlock {
            status: "expired",
            by: None,
            date: today,
            expires: None,
            note_fr: Some("La validation a expiré ; l'entrée revient en revue.".into()),
            note_en: Some("The validation has expired; the entry is back in review.".into()),
        };
        let new_text =
            super::entry_toml::replace_review(&text, &review).map_err(WorkflowError::Internal)?;
        let registry = Author {
            name: "floss-registry".into(),
            email: super::noreply_email(0, &ctx.settings.public_url),
        };
        {
            let new_text = new_text.clone();
            let slug = slug.clone();
            super::with_repo(ctx, move |repo| {
                let branch = format!("expiry/{slug}-{today}");
                repo.commit_file(
                    &branch,
                    &path,
                    new_text.as_bytes(),
                    &registry,
                    &format!("Validation of {slug} expired on {today}"),
                )?;
                repo.merge_branch(
                    &branch,
                    &registry,
                    &format!("Merge expiry of {slug}: back to review"),
                )
            })
            .await?;
        }
        let checked = sub::check(&ctx.snapshot(), &new_text);
        let now = Utc::now();
        let txn = ctx.db()?.begin().await?;
        let row = sea_orm::ActiveModelTrait::insert(
            submissions::ActiveModel {
                id: sea_orm::ActiveValue::NotSet,
                slug: Set(slug.clone()),
                kind: Set(Kind::Change),
                state: Set(State::PendingGit),
                branch: Set(None),
                base_commit: Set(snapshot
                    .data_commit
                    .clone()
                    .unwrap_or_else(|| "unknown".into())),
                head_commit: Set(None),
                entry_toml: Set(new_text),
                validation_report: Set(checked.report_json),
                author_id: Set(None),
                author_pseudonym: Set("floss-registry".into()),
                created_at: Set(now),
                updated_at: Set(now),
            },
            &txn,
        )
        .await?;
        audit::record(
            &txn,
            None,
            "review.expire",
            &format!("submission:{}", row.id),
            &json!({"slug": slug}),
        )
        .await?;
        txn.commit().await?;
        sub::write_to_git(
            ctx,
            row,
            &format!("Review again {slug} (validation expired)"),
        )
        .await;
        expired.push(slug);
    }
    if !expired.is_empty()
        && let Err(e) = ctx.catalogue.reload().await
    {
        tracing::error!(error = %crate::util::escaped(&e), "expired validations merged, but the catalogue reload failed");
    }
    Ok(expired)
}
