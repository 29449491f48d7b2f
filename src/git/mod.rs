//! The data repository seen through git (git2): which commit the data was read from
//! ([`data_commit`]), and the repository the review workflow writes to ([`DataRepo`]: where
//! it lives, submission branches, diffs, merges).

mod commit;
mod error;
#[cfg(test)]
mod fixtures;
pub mod history;
mod import;
mod merge;
mod read;
mod repo;

pub use error::{Author, GitError};
pub use import::ImportOutcome;
pub use repo::DataRepo;

use std::path::Path;

/// The commit the data directory was read from: `HEAD`'s id, with `-dirty` when files under
/// the data directory differ from it. `None` when the directory is not in a git repository.
/// Blocking: call from a blocking context.
pub fn data_commit(data_dir: &Path) -> Option<String> {
    let repo = git2::Repository::discover(data_dir).ok()?;
    let workdir = repo.workdir()?.canonicalize().ok()?;
    let dir = data_dir.canonicalize().ok()?;
    let relative = dir.strip_prefix(&workdir).ok()?.to_path_buf();
    let head = repo.head().ok()?.peel_to_commit().ok()?;
    let mut options = git2::StatusOptions::new();
    options.include_untracked(true).include_ignored(false);
    if !relative.as_os_str().is_empty() {
        options.pathspec(relative.as_os_str());
    }
    let dirty = repo
        .statuses(Some(&mut options))
        .map(|s| !s.is_empty())
        .unwrap_or(true);
    let id = head.id().to_string();
    Some(if dirty { format!("{id}-dirty") } else { id })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_head_and_marks_uncommitted_changes_as_dirty() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = git2::Repository::init(dir.path()).expect("init");
        let data = dir.path().join("data");
        std::fs::create_dir(&data).expect("mkdir");
        std::fs::write(data.join("a.toml"), "x = 1\n").expect("write");
        // No commit yet: nothing to name.
        assert_eq!(data_commit(&data), None);
        let mut index = repo.index().expect("index");
        index
            .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
            .expect("add");
        index.write().expect("write index");
        let tree = repo
            .find_tree(index.write_tree().expect("tree"))
            .expect("find tree");
        let sig = git2::Signature::now("t", "t@example.org").expect("sig");
        let commit = repo
            .commit(Some("HEAD"), &sig, &sig, "init", &tree, &[])
            .expect("commit");
        assert_eq!(data_commit(&data), Some(commit.to_string()));
        std::fs::write(data.join("a.toml"), "x = 2\n").expect("write");
        assert_eq!(data_commit(&data), Some(format!("{commit}-dirty")));
    }

    #[test]
    fn a_directory_outside_git_has_no_commit() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(data_commit(dir.path()), None);
    }
}
