//! Writing to the append-only audit log. This module only appends: the database refuses
//! updates and deletions of `audit_log` rows (triggers), so there is nothing else to offer.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, ConnectionTrait, Set};

use super::DbError;
use super::entities::audit_log;

/// Appends one action to the audit log, inside the caller's transaction when `db` is one
/// (so the action and its record commit together).
///
/// `actor` is the acting account (`None` for the system); `details` must not carry secrets
/// nor more personal data than the action needs.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: Option<i64>,
    action: &str,
    target: &str,
    details: &serde_json::Value,
) -> Result<audit_log::Model, DbError> {
    let row = audit_log::ActiveModel {
        id: NotSet,
        at: Set(Utc::now()),
        actor_id: Set(actor),
        action: Set(action.to_owned()),
        target: Set(target.to_owned()),
        details: Set(details.to_string()),
    };
    Ok(row.insert(db).await?)
}
