//! Server-side sessions and logins in progress: random tokens in cookies, only their hashes
//! in the database; the CSRF token of a session derived from its token; the cookies
//! themselves (`HttpOnly`, `SameSite=Lax`, `Secure` and the `__Host-` prefix unless running
//! on plain http on loopback).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use sha2::{Digest, Sha256};

use super::AuthError;
use crate::db::entities::{login_flows, sessions, users};

/// How long a person has to come back from the provider.
pub const LOGIN_FLOW_MINUTES: i64 = 10;

/// A random token of 256 bits, hex-encoded.
pub fn new_token() -> Result<String, AuthError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AuthError::Random(e.to_string()))?;
    Ok(hex::encode(bytes))
}

/// What the database stores for a token.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The CSRF token of a session: derived from the session token (so it needs no storage and
/// changes with every login), useless to anyone who does not hold the session cookie.
pub fn csrf_token(session_token: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"floss-registry csrf\0");
    h.update(session_token.as_bytes());
    hex::encode(h.finalize())
}

/// Compares two secrets in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Names and attributes of the registry's two cookies.
#[derive(Debug, Clone, Copy)]
pub struct Cookies {
    pub secure: bool,
}

impl Cookies {
    pub fn session_name(self) -> &'static str {
        if self.secure {
            "__Host-registry-session"
        } else {
            "registry-session"
        }
    }

    pub fn login_name(self) -> &'static str {
        if self.secure {
            "__Host-registry-login"
        } else {
            "registry-login"
        }
    }

    /// A `Set-Cookie` value; `max_age` zero removes the cookie.
    pub fn set(self, name: &str, value: &str, max_age_secs: i64) -> String {
        cookie::Cookie::build((name.to_owned(), value.to_owned()))
            .path("/")
            .http_only(true)
            .secure(self.secure)
            .same_site(cookie::SameSite::Lax)
            .max_age(cookie::time::Duration::seconds(max_age_secs))
            .build()
            .to_string()
    }

    pub fn clear(self, name: &str) -> String {
        self.set(name, "", 0)
    }

    /// The value of cookie `name` in a `Cookie` request header.
    pub fn read(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
        headers
            .get_all(axum::http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| cookie::Cookie::split_parse(v.to_owned()))
            .filter_map(Result::ok)
            .find(|c| c.name() == name)
            .map(|c| c.value().to_owned())
    }
}

/// A session found from its cookie, with its account.
#[derive(Debug, Clone)]
pub struct LiveSession {
    pub session: sessions::Model,
    pub user: users::Model,
    /// The CSRF token forms of this session carry.
    pub csrf: String,
}

/// Creates a session for `user_id`; returns the token to put in the cookie.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    hours: u32,
) -> Result<String, AuthError> {
    let token = new_token()?;
    let now = Utc::now();
    sessions::ActiveModel {
        id: Set(hash_token(&token)),
        user_id: Set(user_id),
        csrf_token_hash: Set(hash_token(&csrf_token(&token))),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(i64::from(hours))),
        last_seen_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The live session a cookie token names, if any: unknown, expired and pseudonymised
/// accounts' sessions are none. Touches `last_seen_at` at most once a minute.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    token: &str,
) -> Result<Option<LiveSession>, AuthError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let found = sessions::Entity::find_by_id(hash_token(token))
        .find_also_related(users::Entity)
        .one(db)
        .await?;
    let Some((session, Some(user))) = found else {
        return Ok(None);
    };
    let now = Utc::now();
    if session.expires_at <= now || user.pseudonymised_at.is_some() {
        return Ok(None);
    }
    let session = if now - session.last_seen_at > Duration::minutes(1) {
        let mut active: sessions::ActiveModel = session.into();
        active.last_seen_at = Set(now);
        active.update(db).await?
    } else {
        session
    };
    Ok(Some(LiveSession {
        session,
        user,
        csrf: csrf_token(token),
    }))
}

/// Ends the session a token names (logout). Unknown tokens are fine.
pub async fn delete<C: ConnectionTrait>(db: &C, token: &str) -> Result<(), AuthError> {
    sessions::Entity::delete_by_id(hash_token(token))
        .exec(db)
        .await?;
    Ok(())
}

/// What a login in progress remembers.
#[derive(Debug, Clone)]
pub struct Flow {
    pub provider: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next_path: String,
}

/// Stores a login in progress; returns the token for the login cookie.
pub async fn start_flow<C: ConnectionTrait>(db: &C, flow: Flow) -> Result<String, AuthError> {
    let token = new_token()?;
    login_flows::ActiveModel {
        id: Set(hash_token(&token)),
        provider: Set(flow.provider),
        state: Set(flow.state),
        nonce: Set(flow.nonce),
        pkce_verifier: Set(flow.pkce_verifier),
        next_path: Set(flow.next_path),
        expires_at: Set(Utc::now() + Duration::minutes(LOGIN_FLOW_MINUTES)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Takes (reads and deletes, once) the login in progress a cookie token names.
pub async fn take_flow(
    db: &sea_orm::DatabaseConnection,
    token: &str,
) -> Result<Option<Flow>, AuthError> {
    let txn = db.begin().await?;
    let id = hash_token(token);
    let found = login_flows::Entity::find_by_id(id.clone())
        .one(&txn)
        .await?;
    login_flows::Entity::delete_by_id(id).exec(&txn).await?;
    txn.commit().await?;
    Ok(found.filter(|f| f.expires_at > Utc::now()).map(|f| Flow {
        provider: f.provider,
        state: f.state,
        nonce: f.nonce,
        pkce_verifier: f.pkce_verifier,
        next_path: f.next_path,
    }))
}

/// Deletes expired sessions and logins in progress; returns how many rows went.
pub async fn purge_expired<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
) -> Result<u64, AuthError> {
    let s = sessions::Entity::delete_many()
        .filter(sessions::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    let f = login_flows::Entity::delete_many()
        .filter(login_flows::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    Ok(s.rows_affected + f.rows_affected)
}

/// A safe place to return to after login: a path on this site (`/fr/submit?x=1`), never
/// another origin (`//evil.example`, `https://...`, `/\evil`), else the home page.
pub fn safe_next(next: Option<&str>, fallback: &str) -> String {
    let Some(next) = next.map(str::trim) else {
        return fallback.to_owned();
    };
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && next.len() <= 1024
        && !next.chars().any(|c| c.is_control() || c == '\\')
        && !next.starts_with("/auth/");
    if ok {
        next.to_owned()
    } else {
        fallback.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_paths_stay_on_this_site() {
        assert_eq!(
            safe_next(Some("/fr/submit?slug=a"), "/"),
            "/fr/submit?slug=a"
        );
        for evil in [
            "//evil.example/",
            "https://evil.example/",
            "/\\evil.example",
            "\\\\evil",
            "javascript:alert(1)",
            "/fr/\r\nSet-Cookie: x=1",
            "evil.example",
            "/auth/logout",
        ] {
            assert_eq!(safe_next(Some(evil), "/fr/"), "/fr/", "{evil:?}");
        }
        assert_eq!(safe_next(None, "/en/"), "/en/");
    }

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let a = new_token().expect("token");
        let b = new_token().expect("token");
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(hash_token(&a), a);
        assert_ne!(csrf_token(&a), csrf_token(&b));
        assert!(constant_time_eq(&csrf_token(&a), &csrf_token(&a)));
        assert!(!constant_time_eq(&csrf_token(&a), &csrf_token(&b)));
    }

    #[test]
    fn cookies_are_http_only_lax_and_secure_with_the_host_prefix() {
        let secure = Cookies { secure: true };
        let set = secure.set(secure.session_name(), "abc", 3600);
        assert!(set.starts_with("__Host-registry-session=abc"), "{set}");
        for attr in [
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
            "Max-Age=3600",
        ] {
            assert!(set.contains(attr), "{attr} in {set}");
        }
        let dev = Cookies { secure: false };
        let set = dev.set(dev.session_name(), "abc", 60);
        assert!(!set.contains("Secure"), "{set}");
        assert!(set.contains("HttpOnly"), "{set}");
    }
}
