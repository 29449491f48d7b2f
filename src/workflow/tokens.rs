//! The rules of personal API tokens around their store ([`crate::auth::tokens`]): only a
//! login session makes one (a token never makes another), every token made or revoked is in
//! the audit log, and a refusal says what to change.

use sea_orm::TransactionTrait;
use serde_json::json;

use super::{Actor, WorkflowError};
use crate::app::App;
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

/// Makes a token for the actor; `by_token` says the request itself came with a token.
pub async fn make(
    app: &App,
    actor: &Actor,
    by_token: bool,
    name: &str,
    days: u32,
) -> Result<Minted, WorkflowError> {
    if by_token {
        return Err(WorkflowError::Forbidden(
            "an API token cannot make tokens: log in and make it on your account page".into(),
        ));
    }
    let txn = app.db()?.begin().await?;
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
pub async fn list(app: &App, actor: &Actor) -> Result<Vec<api_tokens::Model>, WorkflowError> {
    Ok(tokens::list(app.db()?, actor.id).await?)
}

/// Revokes one of the actor's tokens.
pub async fn revoke(app: &App, actor: &Actor, id: i64) -> Result<(), WorkflowError> {
    let txn = app.db()?.begin().await?;
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
