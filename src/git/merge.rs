//! Merging into main: an approved branch ([`DataRepo::merge_branch`]), the 3-way merged tree
//! and moving main with its working tree, which the import's merge uses too.

use std::cell::RefCell;

use git2::build::CheckoutBuilder;
use git2::{CheckoutNotificationType, Commit, ErrorCode, Repository, Tree};

use super::commit::signature;
use super::error::{Author, GitError};
use super::repo::DataRepo;

impl DataRepo {
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

    /// The tree of merging `theirs` into `ours`, or the conflicting paths.
    pub(super) fn merged_tree<'r>(
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
    pub(super) fn advance_main(
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
}

#[cfg(test)]
mod tests {
    use std::fs;

    use git2::Oid;

    use super::*;
    use crate::git::fixtures::{ada, git, imported, write};

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
}
