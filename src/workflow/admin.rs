//! The administration of accounts, for admins ([`super::rules::check_admin`]): the accounts
//! with the role stored for each, and a change of that role, recorded in the audit log as
//! `admin.role`. A role given by configuration ([`crate::auth::configured_role`]) is not
//! stored and does not change here.

use sea_orm::{
    ActiveEnum, ActiveModelTrait, EntityTrait, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;

use super::context::Context;
use super::rules::check_admin;
use super::{Actor, WorkflowError};
use crate::db::audit;
use crate::db::entities::users::{self, Role};

/// How many accounts [`accounts`] gives at most.
pub const LIMIT: u64 = 1_000;

/// The accounts, oldest first (at most [`LIMIT`]), deleted ones included.
pub async fn accounts(ctx: &Context, actor: &Actor) -> Result<Vec<users::Model>, WorkflowError> {
    check_admin(actor)?;
    Ok(users::Entity::find()
        .order_by_asc(users::Column::Id)
        .limit(LIMIT)
        .all(ctx.db()?)
        .await?)
}

/// Stores `role` for account `id`. No such account is `NotFound`; a deleted account keeps
/// its role (`Conflict`).
pub async fn set_role(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    role: Role,
) -> Result<(), WorkflowError> {
    check_admin(actor)?;
    let txn = ctx.db()?.begin().await?;
    let account = users::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| WorkflowError::NotFound(format!("there is no account #{id}")))?;
    if super::proposals::is_system(&account) {
        return Err(WorkflowError::Conflict(format!(
            "account #{id} is the automated-evidence account: it proposes and never reviews"
        )));
    }
    if account.pseudonymised_at.is_some() {
        return Err(WorkflowError::Conflict(format!(
            "account #{id} is deleted: its role no longer changes"
        )));
    }
    let mut active: users::ActiveModel = account.into();
    active.role = Set(role);
    active.update(&txn).await?;
    audit::record(
        &txn,
        Some(actor.id),
        "admin.role",
        &format!("user:{id}"),
        &json!({"role": role.to_value()}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
