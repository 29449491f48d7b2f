//! Who is logged in and what they may do: login with OAuth2 / OpenID Connect providers
//! (`provider`), server-side sessions, cookies and CSRF tokens (`session`), and roles from
//! configuration and from admins (`Role`, [`effective_role`]).
//!
//! Error policy ([`AuthError`], through [`crate::error::Classify`]): a login that fails because
//! of what came back from the browser (stale or replayed login, state mismatch, refused,
//! invalid ID token) is the client's (`BadRequest`, with a message saying to try again); an
//! unknown provider is `NotFound`; a provider that answers unexpectedly is `Upstream`, one that
//! cannot be reached `Unavailable`; the database follows [`crate::db::DbError`]'s kinds.
//! Messages never carry tokens.

pub mod provider;
pub mod session;
pub mod tokens;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::config::{AuthConfig, ConfiguredRole};
use crate::db::DbError;
use crate::db::entities::users::{self, Role};

pub use provider::Providers;
pub use session::{Cookies, LiveSession};

/// Why a login or a session check failed; see the module documentation for the policy.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("no login provider is called `{0}`")]
    UnknownProvider(String),
    #[error("this login has expired or was already used: start again")]
    StaleLogin,
    #[error("the login's state does not match: start again")]
    StateMismatch,
    #[error("the provider refused the login: {0}")]
    Refused(String),
    #[error("the identity token is not valid: {0}")]
    InvalidIdToken(String),
    #[error("the login provider answered unexpectedly: {0}")]
    Provider(String),
    #[error("the login provider cannot be reached: {0}")]
    ProviderUnavailable(String),
    #[error("no randomness available: {0}")]
    Random(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sea_orm::DbErr> for AuthError {
    fn from(e: sea_orm::DbErr) -> Self {
        AuthError::Db(DbError::from(e))
    }
}

impl crate::error::Classify for AuthError {
    fn kind(&self) -> crate::error::ErrorKind {
        use crate::error::ErrorKind;
        match self {
            AuthError::UnknownProvider(_) => ErrorKind::NotFound,
            AuthError::StaleLogin
            | AuthError::StateMismatch
            | AuthError::Refused(_)
            | AuthError::InvalidIdToken(_) => ErrorKind::BadRequest,
            AuthError::Provider(_) => ErrorKind::Upstream,
            AuthError::ProviderUnavailable(_) => ErrorKind::Unavailable,
            AuthError::Random(_) => ErrorKind::Internal,
            AuthError::Db(e) => e.kind(),
        }
    }

    fn public_detail(&self) -> String {
        match self {
            AuthError::Db(e) => e.public_detail(),
            AuthError::Provider(_) | AuthError::ProviderUnavailable(_) => {
                "the login provider cannot be reached or answered unexpectedly; try again in a moment"
                    .to_owned()
            }
            other => other.to_string(),
        }
    }

    fn public_code(&self) -> Option<&'static str> {
        (self.kind() == crate::error::ErrorKind::BadRequest).then_some("login-failed")
    }
}

/// Who came back from a provider: the minimum kept about a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub provider: String,
    pub subject: String,
    pub display_name: String,
    pub email: Option<String>,
    pub email_verified: bool,
}

fn rank(role: Role) -> u8 {
    match role {
        Role::Submitter => 0,
        Role::Reviewer => 1,
        Role::Admin => 2,
    }
}

/// The role configuration gives an account, if any: a rule naming its provider and subject,
/// or its provider and the domain of its *verified* e-mail address. The highest wins.
pub fn configured_role(user: &users::Model, config: &AuthConfig) -> Option<Role> {
    config
        .roles
        .iter()
        .filter(|rule| rule.provider == user.provider)
        .filter(|rule| match (&rule.subject, &rule.email_domain) {
            (Some(subject), _) => *subject == user.subject,
            (None, Some(domain)) => {
                user.email_verified
                    && user.email.as_deref().is_some_and(|email| {
                        email
                            .rsplit_once('@')
                            .is_some_and(|(_, d)| d.eq_ignore_ascii_case(domain))
                    })
            }
            (None, None) => false,
        })
        .map(|rule| match rule.role {
            ConfiguredRole::Reviewer => Role::Reviewer,
            ConfiguredRole::Admin => Role::Admin,
        })
        .max_by_key(|r| rank(*r))
}

/// What an account may do now: the higher of the role an admin gave it (stored) and the role
/// configuration gives it (computed at each request, so removing a rule takes effect at once).
pub fn effective_role(user: &users::Model, config: &AuthConfig) -> Role {
    match configured_role(user, config) {
        Some(r) if rank(r) > rank(user.role) => r,
        _ => user.role,
    }
}

/// Whether `role` includes the rights of `needed`.
pub fn has_role(role: Role, needed: Role) -> bool {
    rank(role) >= rank(needed)
}

/// Finds or creates the account of `identity`, refreshing the name and address the provider
/// gave (they may have changed). A deleted account had its subject erased
/// (`workflow::privacy`), so the same person logging in again gets a fresh account.
pub async fn upsert_user<C: ConnectionTrait>(
    db: &C,
    identity: &Identity,
) -> Result<users::Model, AuthError> {
    let now = Utc::now();
    let existing = users::Entity::find()
        .filter(users::Column::Provider.eq(&identity.provider))
        .filter(users::Column::Subject.eq(&identity.subject))
        .one(db)
        .await?;
    let display_name: String = identity.display_name.chars().take(120).collect();
    let email = identity
        .email
        .as_ref()
        .map(|e| e.chars().take(320).collect::<String>());
    let model = match existing {
        Some(user) => {
            let mut active: users::ActiveModel = user.into();
            active.display_name = Set(display_name);
            active.email = Set(email);
            active.email_verified = Set(identity.email_verified);
            active.last_login_at = Set(now);
            active.update(db).await?
        }
        None => {
            users::ActiveModel {
                id: sea_orm::ActiveValue::NotSet,
                provider: Set(identity.provider.clone()),
                subject: Set(identity.subject.clone()),
                display_name: Set(display_name),
                email: Set(email),
                email_verified: Set(identity.email_verified),
                role: Set(Role::Submitter),
                created_at: Set(now),
                last_login_at: Set(now),
                pseudonymised_at: Set(None),
            }
            .insert(db)
            .await?
        }
    };
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RoleRule;

    fn user(provider: &str, subject: &str, email: Option<&str>, verified: bool) -> users::Model {
        users::Model {
            id: 1,
            provider: provider.into(),
            subject: subject.into(),
            display_name: "X".into(),
            email: email.map(str::to_owned),
            email_verified: verified,
            role: Role::Submitter,
            created_at: Utc::now(),
            last_login_at: Utc::now(),
            pseudonymised_at: None,
        }
    }

    fn config(rules: Vec<RoleRule>) -> AuthConfig {
        AuthConfig {
            providers: Vec::new(),
            roles: rules,
            session_hours: 12,
            cookie_secure: true,
        }
    }

    #[test]
    fn a_verified_address_in_the_configured_domain_makes_a_reviewer() {
        let c = config(vec![RoleRule {
            role: ConfiguredRole::Reviewer,
            provider: "proconnect".into(),
            subject: None,
            email_domain: Some("cnil.fr".into()),
        }]);
        let verified = user("proconnect", "a", Some("agent@CNIL.fr"), true);
        assert_eq!(effective_role(&verified, &c), Role::Reviewer);
        let unverified = user("proconnect", "a", Some("agent@cnil.fr"), false);
        assert_eq!(effective_role(&unverified, &c), Role::Submitter);
        let lookalike = user("proconnect", "a", Some("agent@evil-cnil.fr"), true);
        assert_eq!(effective_role(&lookalike, &c), Role::Submitter);
        let other_provider = user("github", "a", Some("agent@cnil.fr"), true);
        assert_eq!(effective_role(&other_provider, &c), Role::Submitter);
    }

    #[test]
    fn a_subject_rule_names_one_account_and_the_highest_role_wins() {
        let c = config(vec![
            RoleRule {
                role: ConfiguredRole::Reviewer,
                provider: "oidc".into(),
                subject: Some("s1".into()),
                email_domain: None,
            },
            RoleRule {
                role: ConfiguredRole::Admin,
                provider: "oidc".into(),
                subject: Some("s1".into()),
                email_domain: None,
            },
        ]);
        assert_eq!(
            effective_role(&user("oidc", "s1", None, false), &c),
            Role::Admin
        );
        assert_eq!(
            effective_role(&user("oidc", "s2", None, false), &c),
            Role::Submitter
        );
        let mut granted = user("oidc", "s2", None, false);
        granted.role = Role::Reviewer;
        assert_eq!(effective_role(&granted, &c), Role::Reviewer);
    }
}
