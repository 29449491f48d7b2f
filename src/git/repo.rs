//! The [`DataRepo`] type and what its operations share: its refs, the write lock, the tips of
//! main and of branches. The data repository as the review workflow writes to it (git2,
//! blocking): where it lives (`import.rs`), submission branches and file commits on them
//! (`commit.rs`), reading and diffing files (`read.rs`), and merging an approved branch into
//! main (`merge.rs`).
//!
//! It owns the refs `main` (or the branch checked out in an in-place repository) and `import`
//! and the working tree that the catalogue is loaded from. It must not decide who may do what
//! (that is the review workflow's job) nor run on the async runtime: every function blocks,
//! so callers wrap them in `spawn_blocking`. Writes are serialised inside one [`DataRepo`];
//! two processes must not share a data repository.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use git2::{Commit, ErrorCode, Repository};

use super::commit::validate_branch;
use super::error::{Author, GitError, git_error};
use super::import::ImportOutcome;

/// The directory of the state dir that holds the imported data repository.
pub(super) const REPO_DIR: &str = "data-repo";
/// The reviewed branch of an imported repository.
pub(super) const MAIN_REF: &str = "refs/heads/main";
/// Snapshots of the imported directory, one commit per change seen, merged into main.
pub(super) const IMPORT_REF: &str = "refs/heads/import";
/// The name callers use for the reviewed branch, whatever its real name.
pub(super) const MAIN: &str = "main";
/// Branch names the workflow must never commit to or merge.
const RESERVED: [&str; 3] = [MAIN, "import", "HEAD"];

/// The git repository holding the data tree that the catalogue is read from and that
/// submissions are committed to and merged into. Holds paths, not an open repository, so it
/// is `Send + Sync` and can be shared behind an `Arc`.
#[derive(Debug)]
pub struct DataRepo {
    /// The working tree: holds `entries/`, `criteria/`...
    pub(super) workdir: PathBuf,
    /// Full name of the reviewed branch (`refs/heads/main`, or the branch checked out in an
    /// in-place repository).
    pub(super) main_ref: String,
    pub(super) import: ImportOutcome,
    pub(super) committer: Author,
    /// Serialises writes so that a ref moves from the tip that was read.
    write: Mutex<()>,
}

impl DataRepo {
    /// Commits made from now on name `committer` as their committer (default:
    /// [`Author::registry`]).
    pub fn with_committer(mut self, committer: Author) -> Self {
        self.committer = committer;
        self
    }

    /// The directory to load the catalogue from (holds `entries/`, `criteria/`...).
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// What opening did with the data directory.
    pub fn import_outcome(&self) -> &ImportOutcome {
        &self.import
    }

    /// The id of main's tip.
    pub fn main_commit(&self) -> Result<String, GitError> {
        let repo = self.open()?;
        Ok(self.main_tip(&repo)?.id().to_string())
    }
    pub(super) fn new(workdir: PathBuf, main_ref: String, import: ImportOutcome) -> Self {
        Self {
            workdir,
            main_ref,
            import,
            committer: Author::registry(),
            write: Mutex::new(()),
        }
    }

    pub(super) fn open(&self) -> Result<Repository, GitError> {
        Repository::open(&self.workdir).map_err(|source| GitError::Open {
            path: self.workdir.clone(),
            source,
        })
    }

    /// The lock guards no data, so a panic while holding it leaves nothing inconsistent.
    pub(super) fn lock(&self) -> std::sync::MutexGuard<'_, ()> {
        self.write
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn git(&self, action: String) -> impl FnOnce(git2::Error) -> GitError + '_ {
        git_error(&self.workdir, action)
    }

    pub(super) fn head_error(&self, problem: impl Into<String>) -> GitError {
        GitError::Head {
            repo: self.workdir.clone(),
            problem: problem.into(),
        }
    }

    /// The full ref name of `rev`: main's for `"main"`, else `refs/heads/<rev>`.
    pub(super) fn refname(&self, rev: &str) -> Result<String, GitError> {
        if rev == MAIN {
            return Ok(self.main_ref.clone());
        }
        validate_branch(rev)?;
        Ok(format!("refs/heads/{rev}"))
    }

    /// The ref of a branch the workflow may commit to and merge: not main under any name.
    pub(super) fn submission_ref(&self, branch: &str) -> Result<String, GitError> {
        validate_branch(branch)?;
        let refname = format!("refs/heads/{branch}");
        if RESERVED.contains(&branch) || refname == self.main_ref {
            return Err(GitError::InvalidBranch {
                name: branch.to_owned(),
                reason: "reserved for the reviewed data; submissions go on their own branch",
            });
        }
        Ok(refname)
    }

    pub(super) fn main_tip<'r>(&self, repo: &'r Repository) -> Result<Commit<'r>, GitError> {
        match repo.find_reference(&self.main_ref) {
            Ok(reference) => reference
                .peel_to_commit()
                .map_err(self.git(format!("read the tip of {}", self.main_ref))),
            Err(e) if e.code() == ErrorCode::NotFound => Err(self.head_error(format!(
                "names {}, which has no commit yet: commit the data first",
                self.main_ref
            ))),
            Err(source) => Err(self.git(format!("look up {}", self.main_ref))(source)),
        }
    }

    /// The tip of `rev` (a branch name or `"main"`); [`GitError::NotFound`] when missing.
    pub(super) fn tip<'r>(&self, repo: &'r Repository, rev: &str) -> Result<Commit<'r>, GitError> {
        if rev == MAIN {
            return self.main_tip(repo);
        }
        let refname = self.refname(rev)?;
        match repo.find_reference(&refname) {
            Ok(reference) => reference
                .peel_to_commit()
                .map_err(self.git(format!("read the tip of {rev}"))),
            Err(e) if e.code() == ErrorCode::NotFound => Err(GitError::NotFound {
                branch: rev.to_owned(),
                repo: self.workdir.clone(),
            }),
            Err(source) => Err(self.git(format!("look up {rev}"))(source)),
        }
    }
}
