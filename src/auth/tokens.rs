//! Personal API tokens: what a tool sends as `Authorization: Bearer <token>` to call the
//! workflow API in a person's name, without a browser session. A token is 256 random bits
//! after the prefix `frt_` (so a leaked one is easy to recognise and search for); only its
//! SHA-256 is stored. It expires (at most [`MAX_DAYS`] days), can be revoked, and is deleted
//! with its account. A token is not a session: it opens no web page, and it cannot make
//! tokens nor delete the account (those need a login).

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::AuthError;
use super::session::{hash_token, new_token};
use crate::db::entities::{api_tokens, users};

/// What every token starts with.
pub const PREFIX: &str = "frt_";
/// The longest life a token may be given, in days.
pub const MAX_DAYS: u32 = 366;
/// The most tokens one account may hold.
pub const MAX_PER_ACCOUNT: usize = 20;
/// The longest name.
pub const MAX_NAME_CHARS: usize = 80;

/// Why a token was not made: the person's input, said plainly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("give the token a name (what will use it), at most {MAX_NAME_CHARS} characters")]
    Name,
    #[error("a token lives from 1 to {MAX_DAYS} days")]
    Days,
    #[error("an account holds at most {MAX_PER_ACCOUNT} tokens: revoke one first")]
    TooMany,
}

/// A token just made: the secret, shown once, and its record.
#[derive(Debug, Clone)]
pub struct Minted {
    pub secret: String,
    pub token: api_tokens::Model,
}

/// Makes a token for `user_id`, named `name`, living `days` days.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    name: &str,
    days: u32,
) -> Result<Result<Minted, Refusal>, AuthError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Ok(Err(Refusal::Name));
    }
    if !(1..=MAX_DAYS).contains(&days) {
        return Ok(Err(Refusal::Days));
    }
    if list(db, user_id).await?.len() >= MAX_PER_ACCOUNT {
        return Ok(Err(Refusal::TooMany));
    }
    let secret = format!("{PREFIX}{}", new_token()?);
    let now = Utc::now();
    let token = api_tokens::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        user_id: Set(user_id),
        name: Set(name.to_owned()),
        token_hash: Set(hash_token(&secret)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(i64::from(days))),
        last_used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(Ok(Minted { secret, token }))
}

/// The account a live token names, and the token; unknown, expired and pseudonymised
/// accounts' tokens are none. Touches `last_used_at` at most once a minute.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    secret: &str,
) -> Result<Option<(api_tokens::Model, users::Model)>, AuthError> {
    let Some(hex) = secret.strip_prefix(PREFIX) else {
        return Ok(None);
    };
    if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let found = api_tokens::Entity::find()
        .filter(api_tokens::Column::TokenHash.eq(hash_token(secret)))
        .find_also_related(users::Entity)
        .one(db)
        .await?;
    let Some((token, Some(user))) = found else {
        return Ok(None);
    };
    let now = Utc::now();
    if token.expires_at <= now || user.pseudonymised_at.is_some() {
        return Ok(None);
    }
    let stale = token
        .last_used_at
        .is_none_or(|at| now - at > Duration::minutes(1));
    let token = if stale {
        let mut active: api_tokens::ActiveModel = token.into();
        active.last_used_at = Set(Some(now));
        active.update(db).await?
    } else {
        token
    };
    Ok(Some((token, user)))
}

/// The account's tokens, newest first (expired ones included, until the purge).
pub async fn list<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> Result<Vec<api_tokens::Model>, AuthError> {
    Ok(api_tokens::Entity::find()
        .filter(api_tokens::Column::UserId.eq(user_id))
        .order_by_desc(api_tokens::Column::Id)
        .all(db)
        .await?)
}

/// Revokes the account's token `id`; whether there was one.
pub async fn revoke<C: ConnectionTrait>(db: &C, user_id: i64, id: i64) -> Result<bool, AuthError> {
    let done = api_tokens::Entity::delete_many()
        .filter(api_tokens::Column::Id.eq(id))
        .filter(api_tokens::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected > 0)
}

/// Deletes tokens that expired before now; how many.
pub async fn purge_expired<C: ConnectionTrait>(db: &C) -> Result<u64, AuthError> {
    Ok(api_tokens::Entity::delete_many()
        .filter(api_tokens::Column::ExpiresAt.lte(Utc::now()))
        .exec(db)
        .await?
        .rows_affected)
}
