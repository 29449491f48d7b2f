//! The `[auth]`, `[workflow]` and `[retention]` sections of the config file: login providers,
//! who reviews, how long validations and personal data are kept. Parsed once with the rest
//! of the configuration; client secrets may come from the environment (`client_secret_env`),
//! read at that moment too.

use serde::Deserialize;

use super::ConfigError;

/// The kinds of login provider the registry speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    /// Any OpenID Connect provider (discovery + ID token): an administration's identity
    /// federation such as ProConnect, Keycloak, GitLab, Forgejo/Codeberg...
    Oidc,
    /// GitHub's OAuth2 apps (GitHub is not an OpenID Connect provider for people).
    Github,
}

/// One configured login provider (`[[auth.providers]]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    /// Short id used in addresses (`/auth/login/{id}`) and stored with accounts.
    pub id: String,
    pub kind: ProviderKind,
    /// Shown on the login button.
    pub name: String,
    /// OpenID Connect issuer URL (kind `oidc`).
    #[serde(default)]
    pub issuer: Option<String>,
    /// API and authorization base (kind `github`; default `https://github.com`, API at
    /// `https://api.github.com`).
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub api_url: Option<String>,
    pub client_id: String,
    /// The secret itself (prefer `client_secret_env`).
    #[serde(default)]
    pub client_secret: Option<String>,
    /// Name of an environment variable holding the secret.
    #[serde(default)]
    pub client_secret_env: Option<String>,
}

/// A role given by configuration (`[[auth.roles]]`): to one account (provider + subject) or
/// to every account of a provider with a *verified* e-mail address in a domain.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleRule {
    pub role: ConfiguredRole,
    pub provider: String,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub email_domain: Option<String>,
}

/// Roles configuration can give (everyone logged in is a submitter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConfiguredRole {
    Reviewer,
    Admin,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AuthFile {
    #[serde(default)]
    providers: Vec<ProviderConfig>,
    #[serde(default)]
    roles: Vec<RoleRule>,
    session_hours: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WorkflowFile {
    validation_months: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RetentionFile {
    audit_log_days: Option<u32>,
    purge_interval_minutes: Option<u32>,
}

/// Login settings, resolved.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    pub providers: Vec<ProviderConfig>,
    pub roles: Vec<RoleRule>,
    /// A session ends this long after login, whatever happens.
    pub session_hours: u32,
    /// Cookies carry `Secure`: always, except when the public URL is plain http on a
    /// loopback address (development on one's own machine).
    pub cookie_secure: bool,
}

impl AuthConfig {
    pub fn provider(&self, id: &str) -> Option<&ProviderConfig> {
        self.providers.iter().find(|p| p.id == id)
    }
}

/// Review settings, resolved.
#[derive(Debug, Clone)]
pub struct WorkflowConfig {
    /// A validation expires this many months after the decision (0: never).
    pub validation_months: u32,
}

/// Retention of personal data, resolved (documented on the privacy page).
#[derive(Debug, Clone)]
pub struct RetentionConfig {
    /// Audit-log records older than this are deleted (at least 365: the database refuses
    /// to delete younger records).
    pub audit_log_days: u32,
    /// How often the purge runs.
    pub purge_interval_minutes: u32,
}

/// The smallest audit-log retention the database allows (see migration 000009).
pub const MIN_AUDIT_LOG_DAYS: u32 = 365;

pub(super) fn resolve_auth(
    file: AuthFile,
    public_url: &url::Url,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<AuthConfig, ConfigError> {
    let mut providers = file.providers;
    let mut seen = std::collections::BTreeSet::new();
    for p in &mut providers {
        if !crate::model::is_valid_slug(&p.id) {
            return Err(invalid(
                "auth.providers.id",
                &p.id,
                "expected lower-case letters, digits and single hyphens",
            ));
        }
        if !seen.insert(p.id.clone()) {
            return Err(invalid(
                "auth.providers.id",
                &p.id,
                "two providers have this id",
            ));
        }
        match p.kind {
            ProviderKind::Oidc => {
                let issuer = p.issuer.clone().unwrap_or_default();
                if url::Url::parse(&issuer).is_err() {
                    return Err(invalid(
                        "auth.providers.issuer",
                        &issuer,
                        "an OpenID Connect provider needs its issuer URL, such as https://id.example.org",
                    ));
                }
            }
            ProviderKind::Github => {
                for (key, value) in [("base_url", &p.base_url), ("api_url", &p.api_url)] {
                    if let Some(v) = value
                        && url::Url::parse(v).is_err()
                    {
                        return Err(invalid(
                            if key == "base_url" {
                                "auth.providers.base_url"
                            } else {
                                "auth.providers.api_url"
                            },
                            v,
                            "not a URL",
                        ));
                    }
                }
            }
        }
        if let Some(var) = &p.client_secret_env {
            match env(var) {
                Some(secret) if !secret.is_empty() => p.client_secret = Some(secret),
                _ => {
                    return Err(invalid(
                        "auth.providers.client_secret_env",
                        var,
                        "this environment variable is not set",
                    ));
                }
            }
        }
    }
    for rule in &file.roles {
        if !providers.iter().any(|p| p.id == rule.provider) {
            return Err(invalid(
                "auth.roles.provider",
                &rule.provider,
                "no provider has this id",
            ));
        }
        if rule.subject.is_none() == rule.email_domain.is_none() {
            return Err(invalid(
                "auth.roles",
                &rule.provider,
                "give exactly one of `subject` or `email_domain`",
            ));
        }
    }
    let session_hours = file.session_hours.unwrap_or(12);
    if !(1..=24 * 30).contains(&session_hours) {
        return Err(invalid(
            "auth.session_hours",
            &session_hours.to_string(),
            "must be between 1 and 720",
        ));
    }
    let loopback_http = public_url.scheme() == "http"
        && match public_url.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(d)) => d == "localhost",
            None => false,
        };
    if public_url.scheme() == "http" && !loopback_http && !providers.is_empty() {
        return Err(invalid(
            "public_url",
            public_url.as_str(),
            "login needs https (plain http is only allowed on a loopback address, for development)",
        ));
    }
    Ok(AuthConfig {
        providers,
        roles: file.roles,
        session_hours,
        cookie_secure: !loopback_http,
    })
}

pub(super) fn resolve_workflow(file: WorkflowFile) -> Result<WorkflowConfig, ConfigError> {
    let validation_months = file.validation_months.unwrap_or(12);
    if validation_months > 60 {
        return Err(invalid(
            "workflow.validation_months",
            &validation_months.to_string(),
            "at most 60 (five years); 0 means validations do not expire",
        ));
    }
    Ok(WorkflowConfig { validation_months })
}

pub(super) fn resolve_retention(file: RetentionFile) -> Result<RetentionConfig, ConfigError> {
    let audit_log_days = file.audit_log_days.unwrap_or(MIN_AUDIT_LOG_DAYS);
    if audit_log_days < MIN_AUDIT_LOG_DAYS {
        return Err(invalid(
            "retention.audit_log_days",
            &audit_log_days.to_string(),
            "at least 365: the audit log keeps a year of actions for accountability",
        ));
    }
    let purge_interval_minutes = file.purge_interval_minutes.unwrap_or(60);
    if !(1..=24 * 60).contains(&purge_interval_minutes) {
        return Err(invalid(
            "retention.purge_interval_minutes",
            &purge_interval_minutes.to_string(),
            "must be between 1 and 1440",
        ));
    }
    Ok(RetentionConfig {
        audit_log_days,
        purge_interval_minutes,
    })
}

fn invalid(setting: &'static str, value: &str, reason: &str) -> ConfigError {
    ConfigError::Invalid {
        setting,
        value: value.to_owned(),
        reason: reason.to_owned(),
    }
}
