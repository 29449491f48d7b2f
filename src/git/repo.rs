//! The data repository as the review workflow writes to it (git2, blocking): where it lives
//! (in place, or an import in the state dir), submission branches, file commits on them,
//! reading and diffing files, and merging an approved branch into main.
//!
//! It owns the refs `main` (or the branch checked out in an in-place repository) and `import`
//! and the working tree that the catalogue is loaded from. It must not decide who may do what
//! (that is the review workflow's job) nor run on the async runtime: every function blocks,
//! so callers wrap them in `spawn_blocking`. Writes are serialised inside one [`DataRepo`];
//! two processes must not share a data repository.

use std::cell::RefCell;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use git2::build::CheckoutBuilder;
use git2::{
    Branch, CheckoutNotificationType, Commit, DiffFormat, DiffOptions, ErrorCode, ObjectType, Oid,
    Repository, RepositoryInitOptions, Signature, Tree,
};

/// The directory of the state dir that holds the imported data repository.
const REPO_DIR: &str = "data-repo";
/// The reviewed branch of an imported repository.
const MAIN_REF: &str = "refs/heads/main";
/// Snapshots of the imported directory, one commit per change seen, merged into main.
const IMPORT_REF: &str = "refs/heads/import";
/// The name callers use for the reviewed branch, whatever its real name.
const MAIN: &str = "main";
/// Branch names the workflow must never commit to or merge.
const RESERVED: [&str; 3] = [MAIN, "import", "HEAD"];

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

/// What [`DataRepo::open_or_import`] did with the data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// The directory is the root of its own repository, used in place: nothing imported.
    InPlace,
    /// First start: the state repository was created with one commit of the directory.
    Created { commit: String },
    /// The directory is as last imported, and that import is on main.
    Unchanged,
    /// Changes were picked up: main fast-forwarded to the new snapshot when it had no commit
    /// of its own since the last import, else a merge commit joins the two.
    Updated { commit: String },
    /// The changes conflict with commits made on main since the last import (such as merged
    /// submissions). Main is unchanged; the snapshot waits on `import` and the merge is tried
    /// again at the next start.
    Conflict { paths: Vec<String> },
}

/// The git repository holding the data tree that the catalogue is read from and that
/// submissions are committed to and merged into. Holds paths, not an open repository, so it
/// is `Send + Sync` and can be shared behind an `Arc`.
#[derive(Debug)]
pub struct DataRepo {
    /// The working tree: holds `entries/`, `criteria/`...
    workdir: PathBuf,
    /// Full name of the reviewed branch (`refs/heads/main`, or the branch checked out in an
    /// in-place repository).
    main_ref: String,
    import: ImportOutcome,
    committer: Author,
    /// Serialises writes so that a ref moves from the tip that was read.
    write: Mutex<()>,
}

impl DataRepo {
    /// The repository to work on for `data_dir` (see ARCHITECTURE.md, "Where the data
    /// repository lives").
    ///
    /// When `data_dir` is the root of the working tree of its own git repository it is used
    /// in place, and "main" is its checked-out branch, whatever its name. Anything else (a
    /// plain directory, a subdirectory of another repository) is imported into
    /// `state_dir/data-repo`: the first call creates that repository (branch `main`) with one
    /// commit "Import <data_dir>" of every regular file of `data_dir` (`.git`, symlinks and the
    /// state dir are left out). A later call commits the files again on the branch `import`
    /// when they differ from the last snapshot, and merges `import` into main (3-way), so
    /// that commits made on main since (merged submissions) are kept. A conflicting change
    /// leaves main as it is, logs a warning naming the files and is reported by
    /// [`DataRepo::import_outcome`]; it is not an error, the catalogue can still be served.
    pub fn open_or_import(data_dir: &Path, state_dir: &Path) -> Result<DataRepo, GitError> {
        let data_dir = data_dir.canonicalize().map_err(|source| GitError::Io {
            path: data_dir.to_path_buf(),
            source,
        })?;
        if let Some(repo) = open_in_place(&data_dir)? {
            let main_ref = head_branch(&repo, &data_dir)?;
            let this = Self::new(data_dir, main_ref, ImportOutcome::InPlace);
            this.main_tip(&repo)?;
            return Ok(this);
        }
        let repo = open_or_init(&state_dir.join(REPO_DIR))?;
        let workdir = canonical(&state_dir.join(REPO_DIR))?;
        let state_dir = canonical(state_dir)?;
        let mut this = Self::new(workdir, MAIN_REF.to_owned(), ImportOutcome::Unchanged);
        this.import = this.import(&repo, &data_dir, &state_dir)?;
        Ok(this)
    }

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

    /// Whether the branch exists (`"main"` names the reviewed branch).
    pub fn branch_exists(&self, branch: &str) -> Result<bool, GitError> {
        let refname = self.refname(branch)?;
        let repo = self.open()?;
        match repo.find_reference(&refname) {
            Ok(_) => Ok(true),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(false),
            Err(source) => Err(self.git(format!("look up {branch}"))(source)),
        }
    }

    /// Commits `contents` at `path` (relative to the data tree, e.g. `entries/foo.toml`) on
    /// `branch` (e.g. `submission/12-foo`): the branch is created from main's tip when
    /// missing, else the commit goes on top of its tip. Leaves the working tree, the index
    /// file and main alone. Returns the commit id.
    pub fn commit_file(
        &self,
        branch: &str,
        path: &str,
        contents: &[u8],
        author: &Author,
        message: &str,
    ) -> Result<String, GitError> {
        let refname = self.submission_ref(branch)?;
        let components = validate_path(path)?;
        let author = signature(author)?;
        let committer = signature(&self.committer)?;
        let _write = self.lock();
        let repo = self.open()?;
        let parent = match repo.find_reference(&refname) {
            Ok(reference) => reference
                .peel_to_commit()
                .map_err(self.git(format!("read the tip of {branch}")))?,
            Err(e) if e.code() == ErrorCode::NotFound => self.main_tip(&repo)?,
            Err(source) => return Err(self.git(format!("look up {branch}"))(source)),
        };
        let base = parent.tree().map_err(self.git(format!("read {branch}")))?;
        let blob = repo
            .blob(contents)
            .map_err(self.git(format!("store {path}")))?;
        let tree = with_file(&repo, Some(&base), &components, blob)
            .map_err(self.git(format!("write a tree with {path}")))?;
        let tree = repo
            .find_tree(tree)
            .map_err(self.git(format!("write a tree with {path}")))?;
        let id = repo
            .commit(
                Some(&refname),
                &author,
                &committer,
                message,
                &tree,
                &[&parent],
            )
            .map_err(self.git(format!("commit {path} on {branch}")))?;
        Ok(id.to_string())
    }

    /// The file at `path` on `rev` (a branch name, or `"main"`); `None` when no file is there
    /// (absent, or a directory).
    pub fn read_file(&self, rev: &str, path: &str) -> Result<Option<Vec<u8>>, GitError> {
        validate_path(path)?;
        let repo = self.open()?;
        let tree = self
            .tip(&repo, rev)?
            .tree()
            .map_err(self.git(format!("read {rev}")))?;
        let entry = match tree.get_path(Path::new(path)) {
            Ok(entry) => entry,
            Err(e) if e.code() == ErrorCode::NotFound => return Ok(None),
            Err(source) => return Err(self.git(format!("look up {path} on {rev}"))(source)),
        };
        if entry.kind() != Some(ObjectType::Blob) {
            return Ok(None);
        }
        let blob = entry
            .to_object(&repo)
            .and_then(|object| object.peel_to_blob())
            .map_err(self.git(format!("read {path} on {rev}")))?;
        Ok(Some(blob.content().to_vec()))
    }

    /// The unified diff of `path` made on `branch` (`git diff main...branch -- path`): from
    /// the merge base of main and the branch to the branch's tip, so that commits merged into
    /// main since the branch was made do not show as reverted by it. Text with `diff --git
    /// a/... b/...` headers; empty when the branch did not change the file.
    pub fn diff_file(&self, branch: &str, path: &str) -> Result<String, GitError> {
        validate_path(path)?;
        let repo = self.open()?;
        let main = self.main_tip(&repo)?;
        let tip = self.tip(&repo, branch)?;
        let base = repo
            .merge_base(main.id(), tip.id())
            .and_then(|id| repo.find_commit(id))
            .and_then(|commit| commit.tree())
            .map_err(self.git(format!("find where {branch} left main")))?;
        let tree = tip.tree().map_err(self.git(format!("read {branch}")))?;
        let mut options = DiffOptions::new();
        options.pathspec(path).disable_pathspec_match(true);
        let diff = repo
            .diff_tree_to_tree(Some(&base), Some(&tree), Some(&mut options))
            .map_err(self.git(format!("diff {path} on {branch}")))?;
        let mut text = String::new();
        diff.print(DiffFormat::Patch, |_, _, line| {
            if matches!(line.origin(), '+' | '-' | ' ') {
                text.push(line.origin());
            }
            text.push_str(&String::from_utf8_lossy(line.content()));
            true
        })
        .map_err(self.git(format!("diff {path} on {branch}")))?;
        Ok(text)
    }

    /// Merges `branch` into main with a merge commit (parents: main's tip, then the branch's
    /// tip; author `author`, committer the registry), never a fast-forward: the merge commit
    /// records the approval. Then the working tree is brought up to date, safely: if it has
    /// uncommitted changes in a path the merge changes, nothing moves and the error names the
    /// paths. A conflicting branch is [`GitError::Conflict`] and nothing moves. Returns the
    /// merge commit id.
    pub fn merge_branch(
        &self,
        branch: &str,
        author: &Author,
        message: &str,
    ) -> Result<String, GitError> {
        let refname = self.submission_ref(branch)?;
        let author = signature(author)?;
        let committer = signature(&self.committer)?;
        let _write = self.lock();
        let repo = self.open()?;
        let main = self.main_tip(&repo)?;
        let tip = self.tip(&repo, branch)?;
        let merged = tip.id() == main.id()
            || repo
                .graph_descendant_of(main.id(), tip.id())
                .map_err(self.git(format!("compare {branch} with main")))?;
        if merged {
            return Err(GitError::AlreadyMerged {
                branch: branch.to_owned(),
            });
        }
        let tree = self.merged_tree(&repo, &main, &tip, branch)?;
        let id = repo
            .commit(None, &author, &committer, message, &tree, &[&main, &tip])
            .map_err(self.git(format!("commit the merge of {branch}")))?;
        let commit = repo
            .find_commit(id)
            .map_err(self.git(format!("commit the merge of {branch}")))?;
        self.advance_main(&repo, &main, &commit, &format!("merge {refname}"))?;
        Ok(id.to_string())
    }

    fn new(workdir: PathBuf, main_ref: String, import: ImportOutcome) -> Self {
        Self {
            workdir,
            main_ref,
            import,
            committer: Author::registry(),
            write: Mutex::new(()),
        }
    }

    fn open(&self) -> Result<Repository, GitError> {
        Repository::open(&self.workdir).map_err(|source| GitError::Open {
            path: self.workdir.clone(),
            source,
        })
    }

    /// The lock guards no data, so a panic while holding it leaves nothing inconsistent.
    fn lock(&self) -> std::sync::MutexGuard<'_, ()> {
        self.write
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn git(&self, action: String) -> impl FnOnce(git2::Error) -> GitError + '_ {
        git_error(&self.workdir, action)
    }

    fn head_error(&self, problem: impl Into<String>) -> GitError {
        GitError::Head {
            repo: self.workdir.clone(),
            problem: problem.into(),
        }
    }

    /// The full ref name of `rev`: main's for `"main"`, else `refs/heads/<rev>`.
    fn refname(&self, rev: &str) -> Result<String, GitError> {
        if rev == MAIN {
            return Ok(self.main_ref.clone());
        }
        validate_branch(rev)?;
        Ok(format!("refs/heads/{rev}"))
    }

    /// The ref of a branch the workflow may commit to and merge: not main under any name.
    fn submission_ref(&self, branch: &str) -> Result<String, GitError> {
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

    fn main_tip<'r>(&self, repo: &'r Repository) -> Result<Commit<'r>, GitError> {
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
    fn tip<'r>(&self, repo: &'r Repository, rev: &str) -> Result<Commit<'r>, GitError> {
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

    /// The tree of merging `theirs` into `ours`, or the conflicting paths.
    fn merged_tree<'r>(
        &self,
        repo: &'r Repository,
        ours: &Commit<'_>,
        theirs: &Commit<'_>,
        branch: &str,
    ) -> Result<Tree<'r>, GitError> {
        let action = || format!("merge {branch} into main");
        let mut index = repo
            .merge_commits(ours, theirs, None)
            .map_err(self.git(action()))?;
        if index.has_conflicts() {
            let mut paths = Vec::new();
            for conflict in index.conflicts().map_err(self.git(action()))? {
                let conflict = conflict.map_err(self.git(action()))?;
                if let Some(entry) = conflict.our.or(conflict.their).or(conflict.ancestor) {
                    paths.push(String::from_utf8_lossy(&entry.path).into_owned());
                }
            }
            paths.sort();
            paths.dedup();
            return Err(GitError::Conflict {
                branch: branch.to_owned(),
                paths,
            });
        }
        let tree = index.write_tree_to(repo).map_err(self.git(action()))?;
        repo.find_tree(tree).map_err(self.git(action()))
    }

    /// Moves main from `old` to `new` and brings the working tree along, refusing to
    /// overwrite uncommitted changes. The working tree is updated first: were the ref moved
    /// first, a refused checkout would leave main ahead of the files the catalogue is read
    /// from.
    fn advance_main(
        &self,
        repo: &Repository,
        old: &Commit<'_>,
        new: &Commit<'_>,
        log: &str,
    ) -> Result<(), GitError> {
        let head = repo
            .find_reference("HEAD")
            .map_err(self.git("read HEAD".to_owned()))?;
        let head = head.symbolic_target().ok().flatten().map(str::to_owned);
        if head.as_deref() != Some(self.main_ref.as_str()) {
            return Err(self.head_error(format!(
                "is {} instead of {}: check {} out again",
                head.as_deref().unwrap_or("detached"),
                self.main_ref,
                self.main_ref
            )));
        }
        let dirty = RefCell::new(Vec::new());
        let mut checkout = CheckoutBuilder::new();
        checkout
            .safe()
            .notify_on(CheckoutNotificationType::CONFLICT)
            .notify(|_, path, _, _, _| {
                if let Some(path) = path {
                    dirty.borrow_mut().push(path.display().to_string());
                }
                true
            });
        let checked_out = repo.checkout_tree(new.as_object(), Some(&mut checkout));
        drop(checkout);
        if let Err(source) = checked_out {
            let paths = dirty.into_inner();
            if source.code() == ErrorCode::Conflict || !paths.is_empty() {
                return Err(GitError::DirtyWorkTree {
                    workdir: self.workdir.clone(),
                    paths,
                });
            }
            return Err(self.git(format!("update the working tree to {}", new.id()))(source));
        }
        repo.reference_matching(&self.main_ref, new.id(), true, old.id(), log)
            .map_err(self.git(format!("move {} to {}", self.main_ref, new.id())))?;
        Ok(())
    }

    /// Snapshots `data_dir` on `import` when it changed, and brings main up to date with it.
    fn import(
        &self,
        repo: &Repository,
        data_dir: &Path,
        state_dir: &Path,
    ) -> Result<ImportOutcome, GitError> {
        let message = format!("Import {}", data_dir.display());
        let registry = signature(&self.committer)?;
        let tree = snapshot(repo, data_dir, state_dir, &self.workdir)?;
        let last = match repo.find_reference(IMPORT_REF) {
            Ok(reference) => Some(
                reference
                    .peel_to_commit()
                    .map_err(self.git(format!("read {IMPORT_REF}")))?,
            ),
            Err(e) if e.code() == ErrorCode::NotFound => None,
            Err(source) => return Err(self.git(format!("look up {IMPORT_REF}"))(source)),
        };
        let snapshot = match last {
            Some(last) if last.tree_id() == tree => last,
            last => {
                let tree = repo
                    .find_tree(tree)
                    .map_err(self.git(format!("snapshot {}", data_dir.display())))?;
                let parents: Vec<&Commit<'_>> = last.iter().collect();
                let id = repo
                    .commit(
                        Some(IMPORT_REF),
                        &registry,
                        &registry,
                        &message,
                        &tree,
                        &parents,
                    )
                    .map_err(self.git(format!("commit {IMPORT_REF}")))?;
                repo.find_commit(id)
                    .map_err(self.git(format!("commit {IMPORT_REF}")))?
            }
        };
        let main = match repo.find_reference(&self.main_ref) {
            Ok(reference) => reference
                .peel_to_commit()
                .map_err(self.git(format!("read {}", self.main_ref)))?,
            Err(e) if e.code() == ErrorCode::NotFound => {
                // A new repository: its working tree is ours and empty.
                repo.checkout_tree(snapshot.as_object(), Some(CheckoutBuilder::new().force()))
                    .map_err(self.git("check out the first import".to_owned()))?;
                repo.reference(&self.main_ref, snapshot.id(), false, &message)
                    .map_err(self.git(format!("create {}", self.main_ref)))?;
                tracing::info!(data_dir = %data_dir.display(), repo = %self.workdir.display(),
                    commit = %snapshot.id(), "imported the data directory");
                return Ok(ImportOutcome::Created {
                    commit: snapshot.id().to_string(),
                });
            }
            Err(source) => return Err(self.git(format!("look up {}", self.main_ref))(source)),
        };
        let descends = |a: Oid, b: Oid| {
            Ok(a == b
                || repo
                    .graph_descendant_of(a, b)
                    .map_err(self.git(format!("compare {IMPORT_REF} with main")))?)
        };
        if descends(main.id(), snapshot.id())? {
            return Ok(ImportOutcome::Unchanged);
        }
        let new = if descends(snapshot.id(), main.id())? {
            snapshot
        } else {
            let tree = match self.merged_tree(repo, &main, &snapshot, "import") {
                Ok(tree) => tree,
                Err(GitError::Conflict { paths, .. }) => {
                    tracing::warn!(data_dir = %data_dir.display(), repo = %self.workdir.display(),
                        conflicts = %paths.join(", "),
                        "changes to the data directory conflict with main: main is unchanged");
                    return Ok(ImportOutcome::Conflict { paths });
                }
                Err(e) => return Err(e),
            };
            let message = format!("Merge import of {}", data_dir.display());
            let id = repo
                .commit(
                    None,
                    &registry,
                    &registry,
                    &message,
                    &tree,
                    &[&main, &snapshot],
                )
                .map_err(self.git("commit the merge of the import".to_owned()))?;
            repo.find_commit(id)
                .map_err(self.git("commit the merge of the import".to_owned()))?
        };
        self.advance_main(repo, &main, &new, &message)?;
        tracing::info!(data_dir = %data_dir.display(), repo = %self.workdir.display(),
            commit = %new.id(), "picked up changes to the data directory");
        Ok(ImportOutcome::Updated {
            commit: new.id().to_string(),
        })
    }
}

fn git_error(repo: &Path, action: String) -> impl FnOnce(git2::Error) -> GitError + '_ {
    move |source| GitError::Git {
        action,
        repo: repo.to_path_buf(),
        source,
    }
}

fn canonical(path: &Path) -> Result<PathBuf, GitError> {
    path.canonicalize().map_err(|source| GitError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The repository whose working tree's root is `data_dir`, if any. A subdirectory of another
/// repository is not one: it is imported.
fn open_in_place(data_dir: &Path) -> Result<Option<Repository>, GitError> {
    if !data_dir.join(".git").exists() {
        return Ok(None);
    }
    let repo = Repository::open(data_dir).map_err(|source| GitError::Open {
        path: data_dir.to_path_buf(),
        source,
    })?;
    let root = repo.workdir().map(Path::canonicalize).transpose();
    match root {
        Ok(Some(root)) if root == data_dir => Ok(Some(repo)),
        _ => Ok(None),
    }
}

/// The full name of the branch checked out in `repo`.
fn head_branch(repo: &Repository, workdir: &Path) -> Result<String, GitError> {
    let head = repo
        .find_reference("HEAD")
        .map_err(git_error(workdir, "read HEAD".to_owned()))?;
    match head.symbolic_target() {
        Ok(Some(target)) if target.starts_with("refs/heads/") => Ok(target.to_owned()),
        _ => Err(GitError::Head {
            repo: workdir.to_path_buf(),
            problem: "is not on a branch: check out the branch to serve".to_owned(),
        }),
    }
}

/// Opens the state-dir repository, creating it (branch `main`) when `path` is missing or
/// empty; refuses to take over a directory that holds something else.
fn open_or_init(path: &Path) -> Result<Repository, GitError> {
    match Repository::open(path) {
        Ok(repo) => return Ok(repo),
        Err(e) if e.code() == ErrorCode::NotFound => {}
        Err(source) => {
            return Err(GitError::Open {
                path: path.to_path_buf(),
                source,
            });
        }
    }
    if path.exists() {
        let mut entries = fs::read_dir(path).map_err(|source| GitError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if entries.next().is_some() {
            return Err(GitError::StateDirOccupied {
                path: path.to_path_buf(),
            });
        }
    }
    let mut options = RepositoryInitOptions::new();
    options.initial_head(MAIN).mkpath(true);
    Repository::init_opts(path, &options).map_err(|source| GitError::Open {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes the regular files under `dir` into `repo`'s object database as a tree, leaving out
/// `.git`, symlinks, special files, empty directories and `state_dir` (when it lies inside
/// `dir`, it holds this very repository).
fn snapshot(
    repo: &Repository,
    dir: &Path,
    state_dir: &Path,
    workdir: &Path,
) -> Result<Oid, GitError> {
    fn walk(
        repo: &Repository,
        dir: &Path,
        state_dir: &Path,
        workdir: &Path,
    ) -> Result<Option<Oid>, GitError> {
        let io = |source| GitError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let git = |path: &Path| git_error(workdir, format!("snapshot {}", path.display()));
        let mut builder = repo.treebuilder(None).map_err(git(dir))?;
        for entry in fs::read_dir(dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let path = entry.path();
            if entry.file_name() == ".git" || path == state_dir {
                continue;
            }
            let kind = entry.file_type().map_err(io)?;
            let (oid, mode) = if kind.is_dir() {
                match walk(repo, &path, state_dir, workdir)? {
                    Some(oid) => (oid, 0o040000),
                    None => continue,
                }
            } else if kind.is_file() {
                (repo.blob_path(&path).map_err(git(&path))?, 0o100644)
            } else {
                tracing::debug!(path = %path.display(), "not imported: not a regular file");
                continue;
            };
            builder
                .insert(entry.file_name(), oid, mode)
                .map_err(git(&path))?;
        }
        if builder.is_empty() {
            return Ok(None);
        }
        builder.write().map(Some).map_err(git(dir))
    }
    match walk(repo, dir, state_dir, workdir)? {
        Some(tree) => Ok(tree),
        None => repo
            .treebuilder(None)
            .and_then(|builder| builder.write())
            .map_err(git_error(workdir, format!("snapshot {}", dir.display()))),
    }
}

/// `base` with the blob `blob` at `components` (creating the directories on the way).
fn with_file(
    repo: &Repository,
    base: Option<&Tree<'_>>,
    components: &[&str],
    blob: Oid,
) -> Result<Oid, git2::Error> {
    let mut builder = repo.treebuilder(base)?;
    match components {
        [] => Err(git2::Error::from_str("empty path")),
        [name] => {
            builder.insert(*name, blob, 0o100644)?;
            builder.write()
        }
        [name, rest @ ..] => {
            let subtree = match base.and_then(|tree| tree.get_name(name)) {
                Some(entry) if entry.kind() == Some(ObjectType::Tree) => {
                    Some(repo.find_tree(entry.id())?)
                }
                _ => None,
            };
            let subtree = with_file(repo, subtree.as_ref(), rest, blob)?;
            builder.insert(*name, subtree, 0o040000)?;
            builder.write()
        }
    }
}

/// A git identity from `author`, dropping what git cannot store.
fn signature(author: &Author) -> Result<Signature<'static>, GitError> {
    let clean = |text: &str| {
        text.chars()
            .filter(|c| !matches!(c, '<' | '>') && !c.is_control())
            .collect::<String>()
            .trim()
            .to_owned()
    };
    Signature::now(&clean(&author.name), &clean(&author.email)).map_err(|_| GitError::InvalidAuthor)
}

fn validate_branch(name: &str) -> Result<(), GitError> {
    let invalid = |reason| GitError::InvalidBranch {
        name: name.to_owned(),
        reason,
    };
    if name.is_empty() {
        return Err(invalid("empty"));
    }
    match Branch::name_is_valid(name) {
        Ok(true) => Ok(()),
        _ => Err(invalid(
            "not a valid git branch name (no spaces, `..`, `~^:?*[\\`, control characters, \
             leading `-` or `/`, trailing `/` or `.lock`)",
        )),
    }
}

/// Checks that `path` names a file inside the data tree, and splits it. A security boundary:
/// submissions name a slug that becomes a path.
fn validate_path(path: &str) -> Result<Vec<&str>, GitError> {
    let invalid = |reason| GitError::InvalidPath {
        path: path.to_owned(),
        reason,
    };
    if path.is_empty() {
        return Err(invalid("empty"));
    }
    if path.starts_with('/') || Path::new(path).is_absolute() {
        return Err(invalid("absolute; paths are relative to the data tree"));
    }
    if path.contains('\\') || path.chars().any(char::is_control) {
        return Err(invalid("contains a backslash or a control character"));
    }
    let components: Vec<&str> = path.split('/').collect();
    for component in &components {
        match *component {
            "" => return Err(invalid("has an empty component (`//` or a trailing `/`)")),
            "." | ".." => return Err(invalid("has a `.` or `..` component")),
            c if c.eq_ignore_ascii_case(".git") => {
                return Err(invalid("goes into `.git`"));
            }
            _ => {}
        }
    }
    Ok(components)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, path: &str, text: &str) {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }

    fn ada() -> Author {
        Author {
            name: "Ada Reviewer".to_owned(),
            email: "ada@example.org".to_owned(),
        }
    }

    /// A plain data directory with one entry and one criterion.
    fn data_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "entries/alpha.toml",
            "name = \"Alpha\"\nlicense = \"MIT\"\n",
        );
        write(dir.path(), "criteria/tracking.toml", "id = \"tracking\"\n");
        dir
    }

    /// `(data dir, state dir, repository imported from the data dir)`.
    fn imported() -> (tempfile::TempDir, tempfile::TempDir, DataRepo) {
        let data = data_dir();
        let state = tempfile::tempdir().expect("tempdir");
        let repo = DataRepo::open_or_import(data.path(), state.path()).expect("import");
        (data, state, repo)
    }

    fn git(repo: &DataRepo) -> Repository {
        Repository::open(repo.workdir()).expect("open")
    }

    fn commit_count(repo: &DataRepo, rev: &str) -> usize {
        let git = git(repo);
        let mut walk = git.revwalk().expect("revwalk");
        walk.push_ref(&repo.refname(rev).expect("refname"))
            .expect("push");
        walk.count()
    }

    fn read(repo: &DataRepo, rev: &str, path: &str) -> Option<String> {
        repo.read_file(rev, path)
            .expect("read_file")
            .map(|bytes| String::from_utf8(bytes).expect("utf-8"))
    }

    /// Commits every file of `dir` on its checked-out branch.
    fn commit_all(git: &Repository, message: &str) -> Oid {
        let mut index = git.index().expect("index");
        index
            .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
            .expect("add");
        index.write().expect("write index");
        let tree = git
            .find_tree(index.write_tree().expect("tree"))
            .expect("find tree");
        let sig = Signature::now("t", "t@example.org").expect("sig");
        let parent = git.head().ok().and_then(|h| h.peel_to_commit().ok());
        let parents: Vec<&Commit<'_>> = parent.iter().collect();
        git.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
            .expect("commit")
    }

    #[test]
    fn importing_a_plain_directory_makes_one_commit_with_its_files() {
        let (data, state, repo) = imported();
        assert_eq!(
            repo.workdir(),
            state.path().join(REPO_DIR).canonicalize().expect("canon")
        );
        assert!(matches!(
            repo.import_outcome(),
            ImportOutcome::Created { .. }
        ));
        assert_eq!(commit_count(&repo, "main"), 1);
        let message = git(&repo)
            .head()
            .and_then(|h| h.peel_to_commit())
            .expect("head")
            .message()
            .expect("message")
            .to_owned();
        assert!(message.starts_with("Import "), "{message}");
        assert_eq!(
            fs::read_to_string(repo.workdir().join("entries/alpha.toml")).expect("read"),
            fs::read_to_string(data.path().join("entries/alpha.toml")).expect("read"),
        );
        assert!(repo.workdir().join("criteria/tracking.toml").is_file());
        let statuses = git(&repo).statuses(None).expect("status").len();
        assert_eq!(statuses, 0, "the working tree is clean after the import");
    }

    #[test]
    fn reopening_an_unchanged_directory_makes_no_commit() {
        let (data, state, repo) = imported();
        let tip = repo.main_commit().expect("tip");
        let again = DataRepo::open_or_import(data.path(), state.path()).expect("reopen");
        assert_eq!(again.import_outcome(), &ImportOutcome::Unchanged);
        assert_eq!(again.main_commit().expect("tip"), tip);
        assert_eq!(commit_count(&again, "import"), 1);
    }

    #[test]
    fn a_change_with_no_commit_on_main_since_fast_forwards_main() {
        let (data, state, _first) = imported();
        write(data.path(), "entries/beta.toml", "name = \"Beta\"\n");
        let again = DataRepo::open_or_import(data.path(), state.path()).expect("reopen");
        assert!(matches!(
            again.import_outcome(),
            ImportOutcome::Updated { .. }
        ));
        assert_eq!(commit_count(&again, "main"), 2, "one new commit, no merge");
        assert!(again.workdir().join("entries/beta.toml").is_file());
    }

    #[test]
    fn a_change_in_the_source_directory_is_merged_keeping_merged_submissions() {
        let (data, state, repo) = imported();
        repo.commit_file(
            "submission/1-gamma",
            "entries/gamma.toml",
            b"name = \"Gamma\"\n",
            &ada(),
            "Add gamma",
        )
        .expect("commit");
        repo.merge_branch("submission/1-gamma", &ada(), "Merge gamma")
            .expect("merge");
        write(
            data.path(),
            "entries/alpha.toml",
            "name = \"Alpha\"\nlicense = \"Apache-2.0\"\n",
        );
        write(data.path(), "entries/beta.toml", "name = \"Beta\"\n");

        let again = DataRepo::open_or_import(data.path(), state.path()).expect("reopen");

        let ImportOutcome::Updated { commit } = again.import_outcome() else {
            panic!("expected an update, got {:?}", again.import_outcome());
        };
        assert_eq!(&again.main_commit().expect("tip"), commit);
        let git = git(&again);
        let merge = git
            .find_commit(Oid::from_str(commit).expect("oid"))
            .expect("commit");
        assert_eq!(merge.parent_count(), 2);
        for path in ["entries/gamma.toml", "entries/beta.toml"] {
            assert!(
                again.workdir().join(path).is_file(),
                "{path} in the working tree"
            );
        }
        assert_eq!(
            read(&again, "main", "entries/alpha.toml").as_deref(),
            Some("name = \"Alpha\"\nlicense = \"Apache-2.0\"\n")
        );
        assert!(read(&again, "main", "entries/gamma.toml").is_some());
        let third = DataRepo::open_or_import(data.path(), state.path()).expect("reopen");
        assert_eq!(third.import_outcome(), &ImportOutcome::Unchanged);
    }

    #[test]
    fn a_change_conflicting_with_main_leaves_main_unchanged_and_names_the_file() {
        let (data, state, repo) = imported();
        repo.commit_file(
            "submission/2-alpha",
            "entries/alpha.toml",
            b"name = \"Alpha 2\"\n",
            &ada(),
            "Edit alpha",
        )
        .expect("commit");
        let merged = repo
            .merge_branch("submission/2-alpha", &ada(), "Merge alpha")
            .expect("merge");
        write(data.path(), "entries/alpha.toml", "name = \"Alpha 3\"\n");

        let again = DataRepo::open_or_import(data.path(), state.path()).expect("reopen");

        assert_eq!(
            again.import_outcome(),
            &ImportOutcome::Conflict {
                paths: vec!["entries/alpha.toml".to_owned()]
            }
        );
        assert_eq!(again.main_commit().expect("tip"), merged);
        assert_eq!(
            fs::read_to_string(again.workdir().join("entries/alpha.toml")).expect("read"),
            "name = \"Alpha 2\"\n"
        );
        let retried = DataRepo::open_or_import(data.path(), state.path()).expect("reopen");
        assert!(
            matches!(retried.import_outcome(), ImportOutcome::Conflict { .. }),
            "the merge is tried again at the next start"
        );
    }

    #[test]
    fn a_directory_at_the_root_of_its_own_repository_is_used_in_place() {
        let dir = data_dir();
        let git = Repository::init(dir.path()).expect("init");
        git.set_head("refs/heads/trunk").expect("head");
        let tip = commit_all(&git, "data");
        let state = tempfile::tempdir().expect("tempdir");

        let repo = DataRepo::open_or_import(dir.path(), state.path()).expect("open");

        assert_eq!(repo.import_outcome(), &ImportOutcome::InPlace);
        assert_eq!(repo.workdir(), dir.path().canonicalize().expect("canon"));
        assert_eq!(repo.main_commit().expect("tip"), tip.to_string());
        assert!(!state.path().join(REPO_DIR).exists(), "nothing imported");
        repo.commit_file(
            "submission/3-beta",
            "entries/beta.toml",
            b"name = \"Beta\"\n",
            &ada(),
            "Add beta",
        )
        .expect("commit");
        repo.merge_branch("submission/3-beta", &ada(), "Merge beta")
            .expect("merge");
        assert!(dir.path().join("entries/beta.toml").is_file());
        let trunk = git
            .find_reference("refs/heads/trunk")
            .and_then(|r| r.peel_to_commit())
            .expect("trunk");
        assert_eq!(trunk.id().to_string(), repo.main_commit().expect("tip"));
        assert!(
            matches!(
                repo.commit_file("trunk", "entries/x.toml", b"", &ada(), "x"),
                Err(GitError::InvalidBranch { .. })
            ),
            "the checked-out branch is main under another name"
        );
    }

    #[test]
    fn a_subdirectory_of_another_repository_is_imported() {
        let outer = tempfile::tempdir().expect("tempdir");
        let git = Repository::init(outer.path()).expect("init");
        write(
            outer.path(),
            "registry-data/entries/alpha.toml",
            "name = \"Alpha\"\n",
        );
        commit_all(&git, "project");
        let state = tempfile::tempdir().expect("tempdir");

        let repo = DataRepo::open_or_import(&outer.path().join("registry-data"), state.path())
            .expect("import");

        assert!(matches!(
            repo.import_outcome(),
            ImportOutcome::Created { .. }
        ));
        assert!(repo.workdir().join("entries/alpha.toml").is_file());
    }

    #[test]
    fn a_state_dir_inside_the_data_dir_is_not_imported() {
        let data = data_dir();
        let state = data.path().join(".state");
        let repo = DataRepo::open_or_import(data.path(), &state).expect("import");
        assert!(read(&repo, "main", ".state/data-repo/entries/alpha.toml").is_none());
        let again = DataRepo::open_or_import(data.path(), &state).expect("reopen");
        assert_eq!(again.import_outcome(), &ImportOutcome::Unchanged);
    }

    #[test]
    fn commit_file_creates_the_branch_then_stacks_commits_leaving_main_and_the_working_tree() {
        let (_data, _state, repo) = imported();
        let main = repo.main_commit().expect("tip");
        assert!(!repo.branch_exists("submission/4-beta").expect("exists"));

        let first = repo
            .commit_file(
                "submission/4-beta",
                "entries/beta.toml",
                b"name = \"Beta\"\n",
                &ada(),
                "Add beta",
            )
            .expect("first commit");
        let second = repo
            .commit_file(
                "submission/4-beta",
                "entries/beta.toml",
                b"name = \"Beta 2\"\n",
                &ada(),
                "Edit beta",
            )
            .expect("second commit");

        assert!(repo.branch_exists("submission/4-beta").expect("exists"));
        let git = git(&repo);
        let tip = git
            .find_commit(Oid::from_str(&second).expect("oid"))
            .expect("commit");
        assert_eq!(tip.parent_id(0).expect("parent").to_string(), first);
        let first = git
            .find_commit(Oid::from_str(&first).expect("oid"))
            .expect("commit");
        assert_eq!(first.parent_id(0).expect("parent").to_string(), main);
        assert_eq!(tip.author().name().expect("name"), "Ada Reviewer");
        assert_eq!(tip.committer().name().expect("name"), "floss-registry");
        assert_eq!(repo.main_commit().expect("tip"), main);
        assert!(!repo.workdir().join("entries/beta.toml").exists());
        assert_eq!(
            git.statuses(None).expect("status").len(),
            0,
            "index untouched"
        );
        assert_eq!(
            read(&repo, "submission/4-beta", "entries/alpha.toml"),
            read(&repo, "main", "entries/alpha.toml"),
            "the rest of the tree is main's"
        );
    }

    #[test]
    fn read_file_reads_main_and_branches_and_is_none_when_absent() {
        let (_data, _state, repo) = imported();
        repo.commit_file(
            "submission/5-beta",
            "entries/beta.toml",
            b"name = \"Beta\"\n",
            &ada(),
            "Add beta",
        )
        .expect("commit");
        assert_eq!(
            read(&repo, "main", "entries/alpha.toml").as_deref(),
            Some("name = \"Alpha\"\nlicense = \"MIT\"\n")
        );
        assert_eq!(read(&repo, "main", "entries/beta.toml"), None);
        assert_eq!(
            read(&repo, "submission/5-beta", "entries/beta.toml").as_deref(),
            Some("name = \"Beta\"\n")
        );
        assert_eq!(
            read(&repo, "main", "entries"),
            None,
            "a directory is not a file"
        );
        assert!(matches!(
            repo.read_file("submission/missing", "entries/beta.toml"),
            Err(GitError::NotFound { .. })
        ));
    }

    #[test]
    fn diff_file_shows_the_branch_change_from_the_merge_base() {
        let (_data, _state, repo) = imported();
        repo.commit_file(
            "submission/6-alpha",
            "entries/alpha.toml",
            b"name = \"Alpha\"\nlicense = \"MIT\"\nhomepage = \"https://alpha.example\"\n",
            &ada(),
            "Add a homepage",
        )
        .expect("commit");
        // A change merged into main since must not show as reverted by the branch.
        repo.commit_file(
            "submission/7-other",
            "entries/other.toml",
            b"x = 1\n",
            &ada(),
            "Other",
        )
        .expect("commit");
        repo.merge_branch("submission/7-other", &ada(), "Merge other")
            .expect("merge");

        let diff = repo
            .diff_file("submission/6-alpha", "entries/alpha.toml")
            .expect("diff");

        assert!(
            diff.starts_with("diff --git a/entries/alpha.toml b/entries/alpha.toml\n"),
            "{diff}"
        );
        assert!(
            diff.contains("--- a/entries/alpha.toml\n+++ b/entries/alpha.toml\n"),
            "{diff}"
        );
        assert!(
            diff.contains("\n+homepage = \"https://alpha.example\"\n"),
            "{diff}"
        );
        assert!(diff.contains("\n license = \"MIT\"\n"), "{diff}");
        assert_eq!(
            repo.diff_file("submission/6-alpha", "entries/other.toml")
                .expect("diff"),
            ""
        );
    }

    #[test]
    fn merge_branch_records_a_two_parent_commit_by_the_author_and_updates_the_working_tree() {
        let (_data, _state, repo) = imported();
        let main = repo.main_commit().expect("tip");
        let tip = repo
            .commit_file(
                "submission/8-beta",
                "entries/beta.toml",
                b"name = \"Beta\"\n",
                &ada(),
                "Add beta",
            )
            .expect("commit");

        let merge = repo
            .merge_branch("submission/8-beta", &ada(), "Merge submission #8: beta")
            .expect("merge");

        assert_eq!(repo.main_commit().expect("tip"), merge);
        let git = git(&repo);
        let commit = git
            .find_commit(Oid::from_str(&merge).expect("oid"))
            .expect("commit");
        let parents: Vec<String> = commit.parent_ids().map(|id| id.to_string()).collect();
        assert_eq!(parents, [main, tip]);
        assert_eq!(commit.author().name().expect("name"), "Ada Reviewer");
        assert_eq!(commit.author().email().expect("email"), "ada@example.org");
        assert_eq!(
            commit.message().expect("message"),
            "Merge submission #8: beta"
        );
        assert_eq!(
            fs::read_to_string(repo.workdir().join("entries/beta.toml")).expect("read"),
            "name = \"Beta\"\n"
        );
        assert_eq!(
            git.statuses(None).expect("status").len(),
            0,
            "clean after the merge"
        );
        assert!(matches!(
            repo.merge_branch("submission/8-beta", &ada(), "again"),
            Err(GitError::AlreadyMerged { .. })
        ));
    }

    #[test]
    fn a_conflicting_branch_is_refused_and_main_is_unchanged() {
        let (_data, _state, repo) = imported();
        for (branch, text) in [
            ("submission/9-a", "name = \"A\"\n"),
            ("submission/10-b", "name = \"B\"\n"),
        ] {
            repo.commit_file(
                branch,
                "entries/alpha.toml",
                text.as_bytes(),
                &ada(),
                "Edit alpha",
            )
            .expect("commit");
        }
        let merged = repo
            .merge_branch("submission/9-a", &ada(), "Merge a")
            .expect("merge");

        let refused = repo.merge_branch("submission/10-b", &ada(), "Merge b");

        match refused {
            Err(GitError::Conflict { branch, paths }) => {
                assert_eq!(branch, "submission/10-b");
                assert_eq!(paths, ["entries/alpha.toml"]);
            }
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert_eq!(repo.main_commit().expect("tip"), merged);
        assert_eq!(
            fs::read_to_string(repo.workdir().join("entries/alpha.toml")).expect("read"),
            "name = \"A\"\n"
        );
    }

    #[test]
    fn merging_over_uncommitted_edits_to_the_same_file_is_refused() {
        let (_data, _state, repo) = imported();
        let main = repo.main_commit().expect("tip");
        repo.commit_file(
            "submission/11-a",
            "entries/alpha.toml",
            b"name = \"A\"\n",
            &ada(),
            "Edit",
        )
        .expect("commit");
        write(repo.workdir(), "entries/alpha.toml", "local edit\n");

        let refused = repo.merge_branch("submission/11-a", &ada(), "Merge");

        match refused {
            Err(GitError::DirtyWorkTree { paths, .. }) => {
                assert_eq!(paths, ["entries/alpha.toml"]);
            }
            other => panic!("expected a dirty work tree, got {other:?}"),
        }
        assert_eq!(repo.main_commit().expect("tip"), main);
        assert_eq!(
            fs::read_to_string(repo.workdir().join("entries/alpha.toml")).expect("read"),
            "local edit\n"
        );
    }

    #[test]
    fn invalid_and_reserved_branch_names_are_refused() {
        let (_data, _state, repo) = imported();
        for name in [
            "", "a b", "a..b", "-x", "x.lock", "x/", "a~1", "a:b", "main", "import", "HEAD",
        ] {
            assert!(
                matches!(
                    repo.commit_file(name, "entries/x.toml", b"", &ada(), "x"),
                    Err(GitError::InvalidBranch { .. })
                ),
                "{name:?} must be refused"
            );
        }
        assert!(matches!(
            repo.merge_branch("main", &ada(), "x"),
            Err(GitError::InvalidBranch { .. })
        ));
        assert!(matches!(
            repo.branch_exists("a..b"),
            Err(GitError::InvalidBranch { .. })
        ));
    }

    #[test]
    fn paths_outside_the_data_tree_are_refused() {
        let (_data, _state, repo) = imported();
        for path in [
            "",
            "../escape.toml",
            "entries/../../escape.toml",
            "/etc/passwd",
            "entries//x.toml",
            "entries/",
            "./entries/x.toml",
            ".git/config",
            "entries/.GIT/x",
            "entries\\..\\x.toml",
            "entries/x\0.toml",
        ] {
            assert!(
                matches!(
                    repo.commit_file("submission/12-x", path, b"", &ada(), "x"),
                    Err(GitError::InvalidPath { .. })
                ),
                "{path:?} must be refused"
            );
            assert!(matches!(
                repo.read_file("main", path),
                Err(GitError::InvalidPath { .. })
            ));
        }
        assert!(!repo.branch_exists("submission/12-x").expect("exists"));
    }

    #[test]
    fn an_author_without_a_storable_name_is_refused() {
        let (_data, _state, repo) = imported();
        let nobody = Author {
            name: "<>".to_owned(),
            email: "a@example.org".to_owned(),
        };
        assert!(matches!(
            repo.commit_file("submission/13-x", "entries/x.toml", b"", &nobody, "x"),
            Err(GitError::InvalidAuthor)
        ));
    }
}
