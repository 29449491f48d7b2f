//! The rules of personal API tokens around their store ([`crate::auth::tokens`]): only a
//! login session makes one (a token never makes another), every token made or revoked is in
//! the audit log, and a refusal says what to change.

use sea_orm::TransactionTrait;
use serde_json::json;

use super::context::Context;
use super::{Actor, WorkflowError};
use crate::auth::AuthError;
use crate::auth::tokens::{self, Minted, Refusal};
use crate::db::audit;
use crate::db::entities::api_tokens;

impl From<AuthError> for WorkflowError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::Db(db) => WorkflowError::Db(db),
            other => WorkflowError::Internal(other.to_string()),
        }
    }
}

impl From<Refusal> for WorkflowError {
    fn from(r: Refusal) -> Self {
        WorkflowError::invalid(r.to_string())
    }
}

/// Makes a token for the actor (not for a request that itself came with a token).
pub async fn make(
    ctx: &Context,
    actor: &Actor,
    name: &str,
    days: u32,
) -> Result<Minted, WorkflowError> {
    super::rules::check_account(actor, super::rules::AccountAction::MakeToken)?;
    let txn = ctx.db()?.begin().await?;
    let minted = tokens::create(&txn, actor.id, name, days).await??;
    audit::record(
        &txn,
        Some(actor.id),
        "api_token.create",
        &format!("api_token:{}", minted.token.id),
        &json!({"name": minted.token.name, "expires_at": minted.token.expires_at}),
    )
    .await?;
    txn.commit().await?;
    Ok(minted)
}

/// The actor's tokens, newest first.
pub async fn list(ctx: &Context, actor: &Actor) -> Result<Vec<api_tokens::Model>, WorkflowError> {
    Ok(tokens::list(ctx.db()?, actor.id).await?)
}

/// Revokes one of the actor's tokens.
pub async fn revoke(ctx: &Context, actor: &Actor, id: i64) -> Result<(), WorkflowError> {
    let txn = ctx.db()?.begin().await?;
    if !tokens::revoke(&txn, actor.id, id).await? {
        return Err(WorkflowError::NotFound(format!(
            "you have no API token #{id}"
        )));
    }
    audit::record(
        &txn,
        Some(actor.id),
        "api_token.revoke",
        &format!("api_token:{id}"),
        &json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
