//! Submission branches and the commits on them ([`DataRepo::branch_exists`],
//! [`DataRepo::commit_file`]), and the checks of what a commit names: branch names, paths in the
//! data tree and authors.

use std::path::Path;

use git2::{Branch, ErrorCode, ObjectType, Oid, Repository, Signature, Tree};

use super::error::{Author, GitError};
use super::repo::DataRepo;

impl DataRepo {
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
pub(super) fn signature(author: &Author) -> Result<Signature<'static>, GitError> {
    let clean = |text: &str| {
        text.chars()
            .filter(|c| !matches!(c, '<' | '>') && !c.is_control())
            .collect::<String>()
            .trim()
            .to_owned()
    };
    Signature::now(&clean(&author.name), &clean(&author.email)).map_err(|_| GitError::InvalidAuthor)
}

pub(super) fn validate_branch(name: &str) -> Result<(), GitError> {
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
pub(super) fn validate_path(path: &str) -> Result<Vec<&str>, GitError> {
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
    use git2::Oid;

    use super::*;
    use crate::git::fixtures::{ada, git, imported, read};

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
