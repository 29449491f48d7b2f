//! Where the data repository lives: opening a repository in place, or importing the data
//! directory into the state dir ([`DataRepo::open_or_import`], [`ImportOutcome`]) and
//! snapshotting it again when it changed.

use std::fs;
use std::path::{Path, PathBuf};

use git2::build::CheckoutBuilder;
use git2::{Commit, ErrorCode, Oid, Repository, RepositoryInitOptions};

use super::commit::signature;
use super::error::{GitError, git_error};
use super::repo::{DataRepo, IMPORT_REF, MAIN, MAIN_REF, REPO_DIR};

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

impl DataRepo {
    /// The repository to work on for `data_dir` (see ARCHITECTURE.md, "Where the data
    /// repository lives").
    ///
    /// When `data_dir` is the root of the working tree of its own git repository it is used
    /// in place, and "main" is its checked-out branch, whatever its name. Anything else (a
    /// plain directory, a subdirectory of another repository) is imported into
    /// `state_dir/data-repo`: the first call creates that repository (branch `main`) with one
    /// commit "Import <name of data_dir>" of every regular file of `data_dir` (`.git`, symlinks and the
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

    /// Snapshots `data_dir` on `import` when it changed, and brings main up to date with it.
    fn import(
        &self,
        repo: &Repository,
        data_dir: &Path,
        state_dir: &Path,
    ) -> Result<ImportOutcome, GitError> {
        // The directory's name only: commit messages are published (entry history, feeds),
        // and the server's paths are nobody else's business.
        let name = data_dir
            .file_name()
            .map_or_else(|| "the data directory".into(), |n| n.to_string_lossy());
        let message = format!("Import {name}");
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
            let message = format!("Merge import of {name}");
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

#[cfg(test)]
mod tests {
    use std::fs;

    use git2::{Commit, Oid, Repository, Signature};

    use super::*;
    use crate::git::fixtures::{ada, data_dir, git, imported, read, write};
    use crate::git::repo::REPO_DIR;

    fn commit_count(repo: &DataRepo, rev: &str) -> usize {
        let git = git(repo);
        let mut walk = git.revwalk().expect("revwalk");
        walk.push_ref(&repo.refname(rev).expect("refname"))
            .expect("push");
        walk.count()
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
}
