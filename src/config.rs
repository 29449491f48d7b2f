//! Configuration, parsed once at start-up: command-line flags, then environment variables,
//! then an optional TOML file, then built-in defaults. Nothing reads the environment later.
//!
//! | setting | flag | environment | file key | default |
//! |---|---|---|---|---|
//! | data directory | `--data` | `FLOSS_REGISTRY_DATA` | `data` | `registry-data` |
//! | state directory (index, database) | `--state` | `FLOSS_REGISTRY_STATE` | `state` | `var` |
//! | database URL (`sqlite:` or `postgres://`) | — | `DATABASE_URL` | `database_url` | `sqlite://<state>/registry.db?mode=rwc` |
//! | listen address | `--bind` | `FLOSS_REGISTRY_BIND` | `bind` | `127.0.0.1:8080` |
//! | public base URL (links in exports) | `--public-url` | `FLOSS_REGISTRY_PUBLIC_URL` | `public_url` | `http://<bind>` |
//! | log format (`text` or `json`) | `--log-format` | `FLOSS_REGISTRY_LOG_FORMAT` | `log_format` | `text` |
//! | request timeout, seconds | — | `FLOSS_REGISTRY_REQUEST_TIMEOUT` | `request_timeout_secs` | `10` |
//! | time to send a request's headers, seconds | — | `FLOSS_REGISTRY_HEADER_READ_TIMEOUT` | `header_read_timeout_secs` | `10` |
//! | connections served at once | — | `FLOSS_REGISTRY_MAX_CONNECTIONS` | `max_connections` | `1024` |
//! | config file | `--config` | `FLOSS_REGISTRY_CONFIG` | — | none |
//! | login providers | — | — | `[[auth.providers]]` | none (login off) |
//! | reviewers and admins | — | — | `[[auth.roles]]` | none |
//! | session lifetime, hours | — | — | `auth.session_hours` | `12` |
//! | validity of a validation, months | — | — | `workflow.validation_months` | `12` |
//! | audit-log retention, days (≥ 365) | — | — | `retention.audit_log_days` | `365` |
//! | purge job interval, minutes | — | — | `retention.purge_interval_minutes` | `60` |
//! | forge and website checks in `serve`, hours (0 = off) | — | — | `evidence.check_interval_hours` | `0` |
//! | entries checked at once | — | — | `evidence.concurrency` | `4` |
//! | outbound limits | — | — | `evidence.timeout_secs`, `max_body_kib`, `max_redirects`, `per_host_concurrency` | the client's |
//! | forge tokens | — | `FLOSS_REGISTRY_GITHUB_TOKEN`, `_GITLAB_TOKEN`, `_FORGEJO_TOKEN` | — | none |

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

mod evidence;
mod workflow;
pub use evidence::{EvidenceConfig, FORGEJO_TOKEN_ENV, GITHUB_TOKEN_ENV, GITLAB_TOKEN_ENV};
pub use workflow::{
    AuthConfig, ConfiguredRole, MIN_AUDIT_LOG_DAYS, ProviderConfig, ProviderKind, RetentionConfig,
    RoleRule, WorkflowConfig,
};

/// A configuration that cannot be used; the message names the setting and where it came from.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    ReadFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("config file {path} is not valid: {message}")]
    ParseFile { path: PathBuf, message: String },
    #[error("{setting} = `{value}` is not valid: {reason}")]
    Invalid {
        setting: &'static str,
        value: String,
        reason: String,
    },
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// Flags shared by the commands that run on a data directory and a state directory.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ConfigArgs {
    /// Data directory: entries/, criteria/, categories/, services/ [default: registry-data]
    #[arg(long, value_name = "DIR", env = "FLOSS_REGISTRY_DATA")]
    pub data: Option<PathBuf>,
    /// State directory for the search index and the SQLite database [default: var]
    #[arg(long, value_name = "DIR", env = "FLOSS_REGISTRY_STATE")]
    pub state: Option<PathBuf>,
    /// Optional TOML configuration file (keys as in the README's configuration table)
    #[arg(long, value_name = "FILE", env = "FLOSS_REGISTRY_CONFIG")]
    pub config: Option<PathBuf>,
}

/// Flags of `serve` on top of [`ConfigArgs`].
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub common: ConfigArgs,
    /// Address to listen on [default: 127.0.0.1:8080]
    #[arg(long, value_name = "ADDR", env = "FLOSS_REGISTRY_BIND")]
    pub bind: Option<String>,
    /// Public base URL used in links (exports, feeds) [default: http://<bind>]
    #[arg(long, value_name = "URL", env = "FLOSS_REGISTRY_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Log format [default: text]
    #[arg(long, value_enum, env = "FLOSS_REGISTRY_LOG_FORMAT")]
    pub log_format: Option<LogFormat>,
}

/// Keys of the optional config file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    data: Option<PathBuf>,
    state: Option<PathBuf>,
    bind: Option<String>,
    public_url: Option<String>,
    log_format: Option<LogFormat>,
    request_timeout_secs: Option<u64>,
    header_read_timeout_secs: Option<u64>,
    max_connections: Option<u64>,
    database_url: Option<String>,
    #[serde(default)]
    auth: workflow::AuthFile,
    #[serde(default)]
    workflow: workflow::WorkflowFile,
    #[serde(default)]
    retention: workflow::RetentionFile,
    #[serde(default)]
    evidence: evidence::EvidenceFile,
}

/// The whole configuration, resolved.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub state_dir: PathBuf,
    pub bind: SocketAddr,
    pub public_url: String,
    pub log_format: LogFormat,
    pub request_timeout: Duration,
    /// How long a client may take to send a request's headers before its connection is
    /// closed (slow-header clients).
    pub header_read_timeout: Duration,
    /// How many connections are served at once; further ones wait until one closes.
    pub max_connections: usize,
    /// SQLite (default, a file in the state directory) or PostgreSQL. May hold a password:
    /// show it through [`crate::db::redact_url`].
    pub database_url: String,
    pub auth: AuthConfig,
    pub workflow: WorkflowConfig,
    pub retention: RetentionConfig,
    /// Automated evidence: the checks' schedule, limits and forge tokens.
    pub evidence: EvidenceConfig,
}

impl Config {
    /// Resolves the configuration of `serve` (flags and environment already merged by clap).
    pub fn from_serve_args(args: &ServeArgs) -> Result<Config, ConfigError> {
        Config::resolve_with_env(args, &|name| std::env::var(name).ok())
    }

    /// Resolves the configuration of commands without a server (`index`, `search`).
    pub fn from_args(args: &ConfigArgs) -> Result<Config, ConfigError> {
        Config::from_serve_args(&ServeArgs {
            common: args.clone(),
            ..ServeArgs::default()
        })
    }

    /// Resolves with `env` standing for the environment (tests pass their own).
    pub fn resolve_with_env(
        args: &ServeArgs,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let timeout_env = env("FLOSS_REGISTRY_REQUEST_TIMEOUT");
        let database_env = env("DATABASE_URL");
        Config::resolve_inner(args, timeout_env.as_deref(), database_env.as_deref(), env)
    }

    #[cfg(test)]
    fn resolve(
        args: &ServeArgs,
        timeout_env: Option<&str>,
        database_env: Option<&str>,
    ) -> Result<Config, ConfigError> {
        Config::resolve_inner(args, timeout_env, database_env, &|_| None)
    }

    fn resolve_inner(
        args: &ServeArgs,
        timeout_env: Option<&str>,
        database_env: Option<&str>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let file = match &args.common.config {
            Some(path) => read_file(path)?,
            None => FileConfig::default(),
        };
        let bind_text = args
            .bind
            .clone()
            .or(file.bind)
            .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
        let bind: SocketAddr = bind_text.parse().map_err(|e| ConfigError::Invalid {
            setting: "bind (--bind / FLOSS_REGISTRY_BIND)",
            value: bind_text.clone(),
            reason: format!("{e}; expected an address such as 127.0.0.1:8080"),
        })?;
        let public_url = args
            .public_url
            .clone()
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{bind}"));
        let parsed = url::Url::parse(&public_url).map_err(|e| ConfigError::Invalid {
            setting: "public_url (--public-url / FLOSS_REGISTRY_PUBLIC_URL)",
            value: public_url.clone(),
            reason: e.to_string(),
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(ConfigError::Invalid {
                setting: "public_url (--public-url / FLOSS_REGISTRY_PUBLIC_URL)",
                value: public_url,
                reason: "must start with http:// or https://".into(),
            });
        }
        let auth = workflow::resolve_auth(file.auth, &parsed, env)?;
        let workflow = workflow::resolve_workflow(file.workflow)?;
        let retention = workflow::resolve_retention(file.retention)?;
        let evidence = evidence::resolve_evidence(file.evidence, env)?;
        let timeout_secs = match timeout_env {
            Some(text) => text.parse::<u64>().map_err(|e| ConfigError::Invalid {
                setting: "FLOSS_REGISTRY_REQUEST_TIMEOUT",
                value: text.to_owned(),
                reason: format!("{e}; expected a number of seconds"),
            })?,
            None => file.request_timeout_secs.unwrap_or(10),
        };
        if !(1..=600).contains(&timeout_secs) {
            return Err(ConfigError::Invalid {
                setting: "request timeout",
                value: timeout_secs.to_string(),
                reason: "must be between 1 and 600 seconds".into(),
            });
        }
        let header_read_secs = number_setting(
            "header read timeout (FLOSS_REGISTRY_HEADER_READ_TIMEOUT / header_read_timeout_secs)",
            env("FLOSS_REGISTRY_HEADER_READ_TIMEOUT"),
            file.header_read_timeout_secs,
            10,
            1..=600,
            "seconds",
        )?;
        let max_connections = number_setting(
            "max connections (FLOSS_REGISTRY_MAX_CONNECTIONS / max_connections)",
            env("FLOSS_REGISTRY_MAX_CONNECTIONS"),
            file.max_connections,
            1024,
            1..=crate::http::MAX_CONNECTIONS_LIMIT as u64,
            "connections",
        )?;
        let state_dir = args
            .common
            .state
            .clone()
            .or(file.state)
            .unwrap_or_else(|| PathBuf::from("var"));
        let database_url = database_env
            .filter(|url| !url.is_empty())
            .map(str::to_owned)
            .or(file.database_url)
            .unwrap_or_else(|| default_database_url(&state_dir));
        if let Err(e) = crate::db::Backend::of_url(&database_url) {
            return Err(ConfigError::Invalid {
                setting: "database_url (DATABASE_URL)",
                value: crate::db::redact_url(&database_url),
                reason: e.to_string(),
            });
        }
        Ok(Config {
            data_dir: args
                .common
                .data
                .clone()
                .or(file.data)
                .unwrap_or_else(|| PathBuf::from("registry-data")),
            state_dir,
            bind,
            public_url: public_url.trim_end_matches('/').to_owned(),
            log_format: args
                .log_format
                .or(file.log_format)
                .unwrap_or(LogFormat::Text),
            request_timeout: Duration::from_secs(timeout_secs),
            header_read_timeout: Duration::from_secs(header_read_secs),
            max_connections: usize::try_from(max_connections).unwrap_or(1024),
            database_url,
            auth,
            workflow,
            retention,
            evidence,
        })
    }

    /// Where the search index lives.
    pub fn index_dir(&self) -> PathBuf {
        self.state_dir.join("index")
    }
}

/// A whole-number setting: from the environment when set, else the file, else `default`;
/// outside `range` it is refused with its name.
fn number_setting(
    setting: &'static str,
    from_env: Option<String>,
    from_file: Option<u64>,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
    unit: &str,
) -> Result<u64, ConfigError> {
    let value = match from_env.filter(|t| !t.is_empty()) {
        Some(text) => text.parse::<u64>().map_err(|e| ConfigError::Invalid {
            setting,
            value: text.clone(),
            reason: format!("{e}; expected a number of {unit}"),
        })?,
        None => from_file.unwrap_or(default),
    };
    if !range.contains(&value) {
        return Err(ConfigError::Invalid {
            setting,
            value: value.to_string(),
            reason: format!(
                "must be between {} and {} {unit}",
                range.start(),
                range.end()
            ),
        });
    }
    Ok(value)
}

/// The embedded default: a SQLite file in the state directory, created on first use.
fn default_database_url(state_dir: &Path) -> String {
    format!("sqlite://{}/registry.db?mode=rwc", state_dir.display())
}

fn read_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::ReadFile {
        path: path.to_owned(),
        source,
    })?;
    toml::from_str(&text).map_err(|e| ConfigError::ParseFile {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_interface_contract() {
        let c = Config::resolve(&ServeArgs::default(), None, None).expect("defaults are valid");
        assert_eq!(c.data_dir, PathBuf::from("registry-data"));
        assert_eq!(c.state_dir, PathBuf::from("var"));
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.public_url, "http://127.0.0.1:8080");
        assert_eq!(c.database_url, "sqlite://var/registry.db?mode=rwc");
        assert_eq!(c.header_read_timeout, Duration::from_secs(10));
        assert_eq!(c.max_connections, 1024);
    }

    #[test]
    fn connection_limits_come_from_the_environment_or_the_file_and_are_bounded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("c.toml");
        std::fs::write(
            &file,
            "header_read_timeout_secs = 3\nmax_connections = 64\n",
        )
        .expect("write");
        let args = ServeArgs {
            common: ConfigArgs {
                config: Some(file),
                ..ConfigArgs::default()
            },
            ..ServeArgs::default()
        };
        let c = Config::resolve(&args, None, None).expect("valid");
        assert_eq!(c.header_read_timeout, Duration::from_secs(3));
        assert_eq!(c.max_connections, 64);
        let env = |name: &str| match name {
            "FLOSS_REGISTRY_HEADER_READ_TIMEOUT" => Some("1".to_owned()),
            _ => None,
        };
        let c = Config::resolve_with_env(&args, &env).expect("valid");
        assert_eq!(c.header_read_timeout, Duration::from_secs(1));
        for (name, value) in [
            ("FLOSS_REGISTRY_HEADER_READ_TIMEOUT", "0"),
            ("FLOSS_REGISTRY_HEADER_READ_TIMEOUT", "soon"),
            ("FLOSS_REGISTRY_MAX_CONNECTIONS", "0"),
            ("FLOSS_REGISTRY_MAX_CONNECTIONS", "99999999999"),
        ] {
            let env = |n: &str| (n == name).then(|| value.to_owned());
            let err =
                Config::resolve_with_env(&ServeArgs::default(), &env).expect_err("out of range");
            assert!(err.to_string().contains(name), "{err}");
        }
    }

    #[test]
    fn the_default_database_lives_in_the_state_directory() {
        let args = ServeArgs {
            common: ConfigArgs {
                state: Some(PathBuf::from("/srv/registry")),
                ..ConfigArgs::default()
            },
            ..ServeArgs::default()
        };
        let c = Config::resolve(&args, None, None).expect("valid");
        assert_eq!(
            c.database_url,
            "sqlite:///srv/registry/registry.db?mode=rwc"
        );
    }

    #[test]
    fn database_url_from_the_environment_wins() {
        let url = "postgres://registry:pw@127.0.0.1/registry";
        let c = Config::resolve(&ServeArgs::default(), None, Some(url)).expect("valid");
        assert_eq!(c.database_url, url);
    }

    #[test]
    fn an_unsupported_database_url_is_rejected_without_its_password() {
        let err = Config::resolve(&ServeArgs::default(), None, Some("mysql://u:hunter2@h/db"))
            .expect_err("invalid");
        let text = err.to_string();
        assert!(text.contains("DATABASE_URL"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
    }

    #[test]
    fn flags_override_the_file_and_the_file_overrides_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("c.toml");
        std::fs::write(&file, "bind = \"127.0.0.1:9000\"\nstate = \"/tmp/s\"\n").expect("write");
        let args = ServeArgs {
            common: ConfigArgs {
                config: Some(file),
                state: Some(PathBuf::from("/tmp/flag")),
                ..ConfigArgs::default()
            },
            ..ServeArgs::default()
        };
        let c = Config::resolve(&args, None, None).expect("valid");
        assert_eq!(c.bind.to_string(), "127.0.0.1:9000");
        assert_eq!(c.state_dir, PathBuf::from("/tmp/flag"));
    }

    #[test]
    fn a_bad_bind_address_names_the_setting() {
        let args = ServeArgs {
            bind: Some("localhost:eighty".into()),
            ..ServeArgs::default()
        };
        let err = Config::resolve(&args, None, None).expect_err("invalid");
        assert!(err.to_string().contains("FLOSS_REGISTRY_BIND"), "{err}");
    }

    #[test]
    fn unknown_keys_in_the_config_file_are_rejected() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("c.toml");
        std::fs::write(&file, "bnid = \"127.0.0.1:9000\"\n").expect("write");
        let args = ServeArgs {
            common: ConfigArgs {
                config: Some(file),
                ..ConfigArgs::default()
            },
            ..ServeArgs::default()
        };
        let err = Config::resolve(&args, None, None).expect_err("invalid");
        assert!(err.to_string().contains("bnid"), "{err}");
    }

    #[test]
    fn a_non_numeric_timeout_is_rejected_with_the_variable_name() {
        let err = Config::resolve(&ServeArgs::default(), Some("ten"), None).expect_err("invalid");
        assert!(
            err.to_string().contains("FLOSS_REGISTRY_REQUEST_TIMEOUT"),
            "{err}"
        );
    }
}
