//! Reading the data repository: a file on a branch or main ([`DataRepo::read_file`]) and what a
//! branch changed in a file ([`DataRepo::diff_file`]).

use std::path::Path;

use git2::{DiffFormat, DiffOptions, ErrorCode, ObjectType};

use super::commit::validate_path;
use super::error::GitError;
use super::repo::DataRepo;

impl DataRepo {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::fixtures::{ada, imported, read};

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
}
