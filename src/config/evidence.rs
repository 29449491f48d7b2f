//! The `[evidence]` section of the config file and the forge tokens of the environment: how
//! often `serve` runs the forge and website checks, how many run at once, and the limits of
//! the guarded outbound client. Parsed once with the rest of the configuration; the tokens are
//! read from the environment at that moment (never from the file, which is often shared).
//!
//! `check_interval_hours` defaults to 0 (off): an embedded quick start (`serve` with no
//! option) must not start sending requests to forges and websites it was never told about;
//! a deployment turns the job on knowingly.

use std::time::Duration;

use serde::Deserialize;

use super::ConfigError;
use crate::evidence::checks::CheckerSettings;

/// The environment variables holding forge tokens (optional; anonymous limits apply without).
pub const GITHUB_TOKEN_ENV: &str = "FLOSS_REGISTRY_GITHUB_TOKEN";
pub const GITLAB_TOKEN_ENV: &str = "FLOSS_REGISTRY_GITLAB_TOKEN";
pub const FORGEJO_TOKEN_ENV: &str = "FLOSS_REGISTRY_FORGEJO_TOKEN";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EvidenceFile {
    check_interval_hours: Option<u32>,
    concurrency: Option<usize>,
    timeout_secs: Option<u64>,
    max_body_kib: Option<u64>,
    max_redirects: Option<usize>,
    per_host_concurrency: Option<usize>,
}

/// The automated-evidence settings, resolved.
#[derive(Debug, Clone)]
pub struct EvidenceConfig {
    /// Hours between two runs of the forge and website checks in `serve` (0: never).
    pub check_interval_hours: u32,
    /// How many entries are checked at once.
    pub concurrency: usize,
    /// What the checks may reach, with which tokens and limits.
    pub checker: CheckerSettings,
}

impl Default for EvidenceConfig {
    fn default() -> Self {
        EvidenceConfig {
            check_interval_hours: 0,
            concurrency: 4,
            checker: CheckerSettings::default(),
        }
    }
}

fn within<T: PartialOrd + ToString + Copy>(
    setting: &'static str,
    value: Option<T>,
    range: std::ops::RangeInclusive<T>,
    explain: &str,
) -> Result<Option<T>, ConfigError> {
    match value {
        Some(v) if !range.contains(&v) => Err(ConfigError::Invalid {
            setting,
            value: v.to_string(),
            reason: explain.to_owned(),
        }),
        other => Ok(other),
    }
}

pub(super) fn resolve_evidence(
    file: EvidenceFile,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<EvidenceConfig, ConfigError> {
    let interval = within(
        "evidence.check_interval_hours",
        file.check_interval_hours,
        0..=24 * 365,
        "must be between 0 (off) and 8760 hours",
    )?;
    let concurrency = within(
        "evidence.concurrency",
        file.concurrency,
        1..=64,
        "must be between 1 and 64 checks at once",
    )?;
    let timeout = within(
        "evidence.timeout_secs",
        file.timeout_secs,
        1..=300,
        "must be between 1 and 300 seconds",
    )?;
    let body = within(
        "evidence.max_body_kib",
        file.max_body_kib,
        1..=100 * 1024,
        "must be between 1 KiB and 100 MiB (102400)",
    )?;
    let redirects = within(
        "evidence.max_redirects",
        file.max_redirects,
        0..=20,
        "must be between 0 and 20",
    )?;
    let per_host = within(
        "evidence.per_host_concurrency",
        file.per_host_concurrency,
        1..=16,
        "must be between 1 and 16 requests at once per host",
    )?;
    let token = |name: &str| {
        env(name)
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
    };
    Ok(EvidenceConfig {
        check_interval_hours: interval.unwrap_or(0),
        concurrency: concurrency.unwrap_or(4),
        checker: CheckerSettings {
            github_token: token(GITHUB_TOKEN_ENV),
            gitlab_token: token(GITLAB_TOKEN_ENV),
            forgejo_token: token(FORGEJO_TOKEN_ENV),
            timeout: timeout.map(Duration::from_secs),
            max_body_bytes: body.map(|k| k * 1024),
            max_redirects: redirects,
            per_host_concurrency: per_host,
            ..CheckerSettings::default()
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checks_are_off_by_default_and_tokens_come_from_the_environment() {
        let env = |name: &str| (name == GITHUB_TOKEN_ENV).then(|| " ghp_example \n".to_owned());
        let c = resolve_evidence(EvidenceFile::default(), &env).expect("defaults");
        assert_eq!(c.check_interval_hours, 0);
        assert_eq!(c.checker.github_token.as_deref(), Some("ghp_example"));
        assert!(c.checker.gitlab_token.is_none());
        assert!(!c.checker.allow_loopback, "loopback is for tests only");
        assert!(!format!("{c:?}").contains("ghp_example"), "never the token");
    }

    #[test]
    fn a_limit_out_of_range_is_refused_with_its_name() {
        let file: EvidenceFile = toml::from_str("max_redirects = 50").expect("parse");
        let err = resolve_evidence(file, &|_| None).expect_err("refused");
        assert!(err.to_string().contains("evidence.max_redirects"), "{err}");
        let file: EvidenceFile =
            toml::from_str("check_interval_hours = 24\ntimeout_secs = 20").expect("parse");
        let c = resolve_evidence(file, &|_| None).expect("valid");
        assert_eq!(c.check_interval_hours, 24);
        assert_eq!(c.checker.timeout, Some(Duration::from_secs(20)));
    }
}
