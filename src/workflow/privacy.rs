//! The registry's own users' rights: download everything held about oneself (JSON), and
//! delete one's account. Deletion pseudonymises: the name becomes the account's public
//! pseudonym, the e-mail address and the provider's subject are erased, sessions end;
//! submissions, comments and decisions stay (they are part of public decisions), attributed
//! to the pseudonym. Git commits already written keep the name given at the time (the data
//! repository's history is public record; the privacy page says so). Reports to the
//! rights-request observatory are deleted with the account: they describe the person's own
//! requests, and only their aggregates were ever published.

use chrono::Utc;
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;

use super::context::Context;
use super::{Actor, WorkflowError, pseudonym};
use crate::db::audit;
use crate::db::entities::{
    api_tokens, audit_log, comments, review_decisions, rights_reports, sessions, submissions, users,
};

/// Everything the database holds about the actor, as one JSON document.
pub async fn export(ctx: &Context, actor: &Actor) -> Result<serde_json::Value, WorkflowError> {
    let user = users::Entity::find_by_id(actor.id)
        .one(ctx.db()?)
        .await?
        .ok_or_else(|| WorkflowError::NotFound("no such account".into()))?;
    let sessions = sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(actor.id))
        .all(ctx.db()?)
        .await?;
    let tokens = crate::auth::tokens::list(ctx.db()?, actor.id).await?;
    let subs = submissions::Entity::find()
        .filter(submissions::Column::AuthorId.eq(actor.id))
        .order_by_asc(submissions::Column::Id)
        .all(ctx.db()?)
        .await?;
    let comments = comments::Entity::find()
        .filter(comments::Column::AuthorId.eq(actor.id))
        .order_by_asc(comments::Column::Id)
        .all(ctx.db()?)
        .await?;
    let decisions = review_decisions::Entity::find()
        .filter(review_decisions::Column::ReviewerId.eq(actor.id))
        .order_by_asc(review_decisions::Column::Id)
        .all(ctx.db()?)
        .await?;
    let reports = super::rights::mine(ctx, actor).await?;
    let actions = audit_log::Entity::find()
        .filter(audit_log::Column::ActorId.eq(actor.id))
        .order_by_asc(audit_log::Column::Id)
        .all(ctx.db()?)
        .await?;
    Ok(json!({
        "exported_at": Utc::now(),
        "about": "Everything floss-registry's database holds about your account. Entries you submitted are also in the public data repository.",
        "account": {
            "id": user.id,
            "provider": user.provider,
            "subject": user.subject,
            "display_name": user.display_name,
            "email": user.email,
            "email_verified": user.email_verified,
            "role": user.role.to_value(),
            "pseudonym": pseudonym(&user),
            "created_at": user.created_at,
            "last_login_at": user.last_login_at,
        },
        "sessions": sessions.iter().map(|s| json!({
            "created_at": s.created_at,
            "expires_at": s.expires_at,
            "last_seen_at": s.last_seen_at,
        })).collect::<Vec<_>>(),
        "api_tokens": tokens.iter().map(|t| json!({
            "id": t.id,
            "name": t.name,
            "created_at": t.created_at,
            "expires_at": t.expires_at,
            "last_used_at": t.last_used_at,
        })).collect::<Vec<_>>(),
        "submissions": subs.iter().map(|s| json!({
            "id": s.id,
            "slug": s.slug,
            "kind": s.kind.to_value(),
            "state": s.state.to_value(),
            "branch": s.branch,
            "entry_toml": s.entry_toml,
            "created_at": s.created_at,
            "updated_at": s.updated_at,
        })).collect::<Vec<_>>(),
        "comments": comments.iter().map(|c| json!({
            "submission": c.submission_id,
            "body": c.body,
            "created_at": c.created_at,
        })).collect::<Vec<_>>(),
        "review_decisions": decisions.iter().map(|d| json!({
            "submission": d.submission_id,
            "decision": d.decision.to_value(),
            "reason": d.reason,
            "created_at": d.created_at,
        })).collect::<Vec<_>>(),
        "rights_reports": reports.iter().map(|r| json!({
            "id": r.id,
            "service": r.service_id,
            "right": r.gdpr_right.to_value(),
            "sent_on": r.sent_on,
            "channel": r.channel.to_value(),
            "outcome": r.outcome.to_value(),
            "answered_on": r.answered_on,
            "completeness": r.completeness.map(|c| c.to_value()),
            "format": r.format.map(|f| f.to_value()),
            "note": r.note,
            "flag": r.flag,
            "hidden": r.hidden,
            "hidden_reason": r.hidden_reason,
            "created_at": r.created_at,
            "updated_at": r.updated_at,
        })).collect::<Vec<_>>(),
        "audit_log": actions.iter().map(|a| json!({
            "at": a.at,
            "action": a.action,
            "target": a.target,
        })).collect::<Vec<_>>(),
    }))
}

/// Deletes the actor's account (pseudonymisation, see the module documentation), ends
/// every session of it and deletes its API tokens and its observatory reports. Returns the pseudonym now shown.
pub async fn delete_account(ctx: &Context, actor: &Actor) -> Result<String, WorkflowError> {
    super::rules::check_account(actor, super::rules::AccountAction::DeleteAccount)?;
    let txn = ctx.db()?.begin().await?;
    let user = users::Entity::find_by_id(actor.id)
        .one(&txn)
        .await?
        .ok_or_else(|| WorkflowError::NotFound("no such account".into()))?;
    let name = pseudonym(&user);
    let erased_subject = format!(
        "deleted:{}",
        crate::auth::session::new_token().map_err(|e| WorkflowError::Internal(e.to_string()))?
    );
    let mut active: users::ActiveModel = user.into();
    active.display_name = Set(name.clone());
    active.email = Set(None);
    active.email_verified = Set(false);
    active.subject = Set(erased_subject);
    active.role = Set(users::Role::Submitter);
    active.pseudonymised_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    sessions::Entity::delete_many()
        .filter(sessions::Column::UserId.eq(actor.id))
        .exec(&txn)
        .await?;
    api_tokens::Entity::delete_many()
        .filter(api_tokens::Column::UserId.eq(actor.id))
        .exec(&txn)
        .await?;
    let reports = rights_reports::Entity::delete_many()
        .filter(rights_reports::Column::UserId.eq(actor.id))
        .exec(&txn)
        .await?
        .rows_affected;
    audit::record(
        &txn,
        Some(actor.id),
        "account.delete",
        &format!("user:{}", actor.id),
        &json!({"pseudonym": name, "rights_reports_deleted": reports}),
    )
    .await?;
    txn.commit().await?;
    Ok(name)
}
