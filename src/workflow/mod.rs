//! Submissions and reviews: the rules of the workflow. Who may do what (roles, four-eyes),
//! which states follow which, what goes to git (a branch per submission, a merge per
//! approval) and what goes to the database (state, decisions, comments, the audit log).
//!
//! Error policy ([`WorkflowError`], through [`crate::error::Classify`]): refusals of the rules
//! are the client's (`Forbidden`, `NotFound`, `Conflict` for a wrong state, `Invalid` input
//! with the validator's diagnostics); an unavailable git repository or database is ours
//! (`Unavailable`, the input kept: a submission is stored before git is touched and retried by
//! [`jobs`]); anything else is `Internal`. Git and database errors keep their own kinds.

pub mod admin;
pub mod context;
pub mod entry_toml;
pub mod evidence_job;
pub mod forge;
pub mod form;
pub mod jobs;
pub mod privacy;
pub mod proposals;
pub mod review;
pub mod rights;
pub mod rules;
pub mod submissions;
pub mod tokens;

pub use context::Context;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::db::DbError;
use crate::db::entities::users::{self, Role};

/// Why a workflow action was refused or failed; see the module documentation.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// The input does not pass: a message and the validator's diagnostics.
    #[error("{message}")]
    Invalid {
        message: String,
        diagnostics: Vec<StoredDiagnostic>,
    },
    #[error("the data repository is unavailable: {0}")]
    Git(#[from] crate::git::GitError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{0}")]
    Internal(String),
}

impl From<sea_orm::DbErr> for WorkflowError {
    fn from(e: sea_orm::DbErr) -> Self {
        WorkflowError::Db(DbError::from(e))
    }
}

impl crate::error::Classify for WorkflowError {
    fn kind(&self) -> crate::error::ErrorKind {
        use crate::error::ErrorKind;
        match self {
            WorkflowError::Forbidden(_) => ErrorKind::Forbidden,
            WorkflowError::NotFound(_) => ErrorKind::NotFound,
            WorkflowError::Conflict(_) => ErrorKind::Conflict,
            WorkflowError::Invalid { .. } => ErrorKind::Invalid,
            WorkflowError::Git(e) => e.kind(),
            WorkflowError::Db(e) => e.kind(),
            WorkflowError::Internal(_) => ErrorKind::Internal,
        }
    }

    fn public_detail(&self) -> String {
        match self {
            WorkflowError::Git(e) => e.public_detail(),
            WorkflowError::Db(e) => e.public_detail(),
            other => other.to_string(),
        }
    }
}

impl WorkflowError {
    pub fn invalid(message: impl Into<String>) -> Self {
        WorkflowError::Invalid {
            message: message.into(),
            diagnostics: Vec::new(),
        }
    }
}

/// The person acting, as the workflow sees them.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: i64,
    pub display_name: String,
    pub role: Role,
    /// The request came with a personal API token rather than a login session
    /// (see [`rules::check_account`]).
    pub via_token: bool,
}

impl Actor {
    pub fn from_user(user: &users::Model, role: Role) -> Actor {
        Actor {
            id: user.id,
            display_name: user.display_name.clone(),
            role,
            via_token: false,
        }
    }

    pub fn is_reviewer(&self) -> bool {
        crate::auth::has_role(self.role, Role::Reviewer)
    }

    pub fn is_admin(&self) -> bool {
        crate::auth::has_role(self.role, Role::Admin)
    }
}

/// A validator diagnostic as stored with a submission (JSON) and shown next to a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDiagnostic {
    pub severity: String,
    pub code: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
    pub source_line: Option<String>,
}

impl StoredDiagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == "error"
    }
}

impl From<&crate::data::Diagnostic> for StoredDiagnostic {
    fn from(d: &crate::data::Diagnostic) -> Self {
        StoredDiagnostic {
            severity: match d.severity {
                crate::data::Severity::Error => "error".into(),
                crate::data::Severity::Warning => "warning".into(),
            },
            code: d.code.to_owned(),
            line: d.location.as_ref().map(|l| l.line),
            column: d.location.as_ref().map(|l| l.column),
            message: d.message.clone(),
            hint: d.hint.clone(),
            source_line: d.source_line().map(str::to_owned),
        }
    }
}

/// The public pseudonym of an account: stable, and unlinkable to the person once their
/// account is deleted (it is derived from the provider's subject, which deletion erases).
pub fn pseudonym(user: &users::Model) -> String {
    pseudonym_of(&user.provider, &user.subject)
}

/// The pseudonym of the account of `provider` and `subject`.
pub fn pseudonym_of(provider: &str, subject: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"floss-registry pseudonym\0");
    h.update(provider.as_bytes());
    h.update(b"\0");
    h.update(subject.as_bytes());
    format!("contributor-{}", &hex::encode(h.finalize())[..10])
}

/// The address written as the author of git commits: never a person's real address.
pub fn noreply_email(user_id: i64, public_url: &str) -> String {
    let host = url::Url::parse(public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "registry.invalid".into());
    format!("user-{user_id}@noreply.{host}")
}

/// Runs `work` on the data repository, off the async runtime (git2 blocks). Without a
/// repository (it failed to open at start-up) the answer is [`GitError::Unavailable`].
///
/// [`GitError::Unavailable`]: crate::git::GitError::Unavailable
pub async fn with_repo<T, F>(ctx: &Context, work: F) -> Result<T, WorkflowError>
where
    T: Send + 'static,
    F: FnOnce(&crate::git::DataRepo) -> Result<T, crate::git::GitError> + Send + 'static,
{
    let Some(repo) = ctx.repo.clone() else {
        return Err(WorkflowError::Git(crate::git::GitError::Unavailable(
            "no data repository is open".into(),
        )));
    };
    tokio::task::spawn_blocking(move || work(&repo))
        .await
        .map_err(|e| WorkflowError::Internal(e.to_string()))?
        .map_err(WorkflowError::from)
}

/// The branch of a submission.
pub fn branch_name(id: i64, slug: &str) -> String {
    format!("submission/{id}-{slug}")
}

/// Today in UTC (dates in entries are UTC days).
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}
