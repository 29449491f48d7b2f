//! The failures of the data repository ([`GitError`], with its policy and its
//! [`crate::error::Classify`] kinds) and who a commit is by ([`Author`]).

use std::path::{Path, PathBuf};

/// Who a commit is by. Characters git cannot store in an identity (angle brackets, control
/// characters) are dropped when the commit is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub email: String,
}

impl Author {
    /// The identity of the registry itself: committer of every commit, author of imports.
    pub fn registry() -> Self {
        Self {
            name: "floss-registry".to_owned(),
            email: "noreply@floss-registry.invalid".to_owned(),
        }
    }
}

/// A failure of the data repository.
///
/// Policy (its [`crate::error::Classify`] kinds): every variant is `Unavailable` ("the data
/// repository is unavailable, your input is kept"; logged with its details) except
/// [`GitError::Conflict`] and [`GitError::AlreadyMerged`] (`Conflict`: the branch cannot be
/// merged as it is, or already was) and [`GitError::NotFound`] (`NotFound`). `InvalidBranch`,
/// `InvalidPath` and `InvalidAuthor` are ours too: the caller builds branch names, paths and
/// identities, and must have refused bad input before. Messages say what failed and where
/// (paths, branch names), never who; the public detail leaves server paths out.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// No data repository is open (it failed at start-up); the text says why.
    #[error("{0}")]
    Unavailable(String),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open the git repository at {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: git2::Error,
    },
    #[error("{path} exists and is not a git repository: move it away to import the data there")]
    StateDirOccupied { path: PathBuf },
    #[error("HEAD of the data repository at {repo} {problem}")]
    Head { repo: PathBuf, problem: String },
    #[error("cannot {action} in the data repository at {repo}: {source}")]
    Git {
        action: String,
        repo: PathBuf,
        #[source]
        source: git2::Error,
    },
    #[error("invalid branch name {name:?}: {reason}")]
    InvalidBranch { name: String, reason: &'static str },
    #[error("invalid path {path:?} in the data tree: {reason}")]
    InvalidPath { path: String, reason: &'static str },
    #[error("the author's name or email is empty once characters git cannot store are removed")]
    InvalidAuthor,
    #[error("no branch {branch} in the data repository at {repo}")]
    NotFound { branch: String, repo: PathBuf },
    #[error("merging {branch} into main conflicts in {}", .paths.join(", "))]
    Conflict { branch: String, paths: Vec<String> },
    #[error("{branch} is already merged into main")]
    AlreadyMerged { branch: String },
    #[error(
        "uncommitted changes in {workdir} to {} would be overwritten: commit or discard them",
        .paths.join(", ")
    )]
    DirtyWorkTree {
        workdir: PathBuf,
        paths: Vec<String>,
    },
}

impl crate::error::Classify for GitError {
    /// Per the policy above.
    fn kind(&self) -> crate::error::ErrorKind {
        use crate::error::ErrorKind;
        match self {
            GitError::Conflict { .. } | GitError::AlreadyMerged { .. } => ErrorKind::Conflict,
            GitError::NotFound { .. } => ErrorKind::NotFound,
            _ => ErrorKind::Unavailable,
        }
    }

    /// Without the repository's path, which is the server's business.
    fn public_detail(&self) -> String {
        match self {
            GitError::NotFound { branch, .. } => {
                format!("no branch {branch} in the data repository")
            }
            GitError::Conflict { .. } | GitError::AlreadyMerged { .. } => self.to_string(),
            _ => "the data repository is unavailable; nothing was lost, try again in a moment"
                .to_owned(),
        }
    }
}

pub(super) fn git_error(repo: &Path, action: String) -> impl FnOnce(git2::Error) -> GitError + '_ {
    move |source| GitError::Git {
        action,
        repo: repo.to_path_buf(),
        source,
    }
}
