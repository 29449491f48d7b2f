//! The history of the data directory read from git: the commits of `HEAD`'s first-parent line
//! that changed a file ([`file_history`]) or any file under a directory ([`changes_under`]),
//! with the file's bytes before and after. Merges made by the review workflow carry the
//! submission id in their message ("Merge submission #12: …"), read by [`submission_of`].
//!
//! First parents only: a merge commit stands for the whole branch it merged (the approval),
//! and the commits of submission branches are not part of the published history. Blocking.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use git2::{ObjectType, Oid, Repository, Tree};

use super::error::GitError;

/// One commit that changed a file: the file's bytes before (`None`: absent) and after.
#[derive(Debug, Clone)]
pub struct FileChange {
    /// The commit id (40 hex digits).
    pub commit: String,
    pub time: DateTime<Utc>,
    /// The commit message's first line.
    pub summary: String,
    /// The submission it merged, when the message names one.
    pub submission: Option<i64>,
    /// The file's path relative to the data directory.
    pub path: String,
    pub before: Option<Vec<u8>>,
    pub after: Option<Vec<u8>>,
}

/// The data directory's repository and the data directory's path inside it (`""` at the top,
/// otherwise ending with `/`). `None` when the directory is not in a git repository or it
/// has no commit yet.
fn open(data_dir: &Path) -> Option<(Repository, String)> {
    let repo = Repository::discover(data_dir).ok()?;
    let workdir = repo.workdir()?.canonicalize().ok()?;
    let dir = data_dir.canonicalize().ok()?;
    let relative: PathBuf = dir.strip_prefix(&workdir).ok()?.to_path_buf();
    let mut prefix = relative.to_str()?.replace('\\', "/");
    if !prefix.is_empty() {
        prefix.push('/');
    }
    Some((repo, prefix))
}

fn git_error(data_dir: &Path, action: &str) -> impl FnOnce(git2::Error) -> GitError {
    let repo = data_dir.to_path_buf();
    let action = action.to_owned();
    move |source| GitError::Git {
        action,
        repo,
        source,
    }
}

fn blob_at(repo: &Repository, tree: Option<&Tree<'_>>, path: &str) -> Option<(Oid, Vec<u8>)> {
    let entry = tree?.get_path(Path::new(path)).ok()?;
    if entry.kind() != Some(ObjectType::Blob) {
        return None;
    }
    let blob = repo.find_blob(entry.id()).ok()?;
    Some((entry.id(), blob.content().to_vec()))
}

fn blob_id(tree: Option<&Tree<'_>>, path: &str) -> Option<Oid> {
    let entry = tree?.get_path(Path::new(path)).ok()?;
    (entry.kind() == Some(ObjectType::Blob)).then(|| entry.id())
}

/// The submission a commit message names ("submission #12"), if any.
pub fn submission_of(message: &str) -> Option<i64> {
    let (_, rest) = message.split_once("submission #")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn change(
    repo: &Repository,
    commit: &git2::Commit<'_>,
    parent: Option<&Tree<'_>>,
    tree: &Tree<'_>,
    prefix: &str,
    path: &str,
) -> FileChange {
    let full = format!("{prefix}{path}");
    let message = commit.message().unwrap_or("");
    FileChange {
        commit: commit.id().to_string(),
        time: DateTime::from_timestamp(commit.time().seconds(), 0).unwrap_or_default(),
        summary: message.lines().next().unwrap_or("").to_owned(),
        submission: submission_of(message),
        path: path.to_owned(),
        before: blob_at(repo, parent, &full).map(|(_, b)| b),
        after: blob_at(repo, Some(tree), &full).map(|(_, b)| b),
    }
}

/// One step of `HEAD`'s first-parent line: the commit, its tree and its first parent's tree.
struct Step<'r> {
    commit: git2::Commit<'r>,
    tree: Tree<'r>,
    parent_tree: Option<Tree<'r>>,
}

/// Walks `HEAD`'s first-parent line, newest first, calling `visit` with the repository, the
/// data directory's prefix in it and each step until `visit` answers `false`. Does nothing
/// when the directory is not in git or has no commit.
fn walk_first_parents(
    data_dir: &Path,
    mut visit: impl FnMut(&Repository, &str, &Step<'_>) -> Result<bool, GitError>,
) -> Result<(), GitError> {
    let Some((repo, prefix)) = open(data_dir) else {
        return Ok(());
    };
    let Ok(head) = repo.head().and_then(|h| h.peel_to_commit()) else {
        return Ok(());
    };
    let mut current = Some(head);
    while let Some(commit) = current {
        let tree = commit
            .tree()
            .map_err(git_error(data_dir, "read a commit's tree"))?;
        let parent = commit.parent(0).ok();
        let parent_tree = parent.as_ref().and_then(|p| p.tree().ok());
        let step = Step {
            commit,
            tree,
            parent_tree,
        };
        if !visit(&repo, &prefix, &step)? {
            break;
        }
        current = parent;
    }
    Ok(())
}

/// The commits of `HEAD`'s first-parent line that changed `path` (relative to the data
/// directory), newest first, at most `limit`. Empty when the directory is not in git.
pub fn file_history(
    data_dir: &Path,
    path: &str,
    limit: usize,
) -> Result<Vec<FileChange>, GitError> {
    let mut out = Vec::new();
    walk_first_parents(data_dir, |repo, prefix, step| {
        if out.len() >= limit {
            return Ok(false);
        }
        let full = format!("{prefix}{path}");
        if blob_id(Some(&step.tree), &full) != blob_id(step.parent_tree.as_ref(), &full) {
            out.push(change(
                repo,
                &step.commit,
                step.parent_tree.as_ref(),
                &step.tree,
                prefix,
                path,
            ));
        }
        Ok(true)
    })?;
    Ok(out)
}

/// The changes to files under `dir` (relative to the data directory, e.g. `entries/`) made
/// by the newest `max_commits` commits of `HEAD`'s first-parent line, newest first, at most
/// `limit` changes. Empty when the directory is not in git.
pub fn changes_under(
    data_dir: &Path,
    dir: &str,
    max_commits: usize,
    limit: usize,
) -> Result<Vec<FileChange>, GitError> {
    let mut out = Vec::new();
    let mut seen = 0;
    walk_first_parents(data_dir, |repo, prefix, step| {
        if out.len() >= limit || seen >= max_commits {
            return Ok(false);
        }
        seen += 1;
        let mut options = git2::DiffOptions::new();
        options.pathspec(format!("{prefix}{dir}"));
        let diff = repo
            .diff_tree_to_tree(
                step.parent_tree.as_ref(),
                Some(&step.tree),
                Some(&mut options),
            )
            .map_err(git_error(data_dir, "diff a commit"))?;
        let mut paths: Vec<String> = diff
            .deltas()
            .filter_map(|d| d.new_file().path().or_else(|| d.old_file().path()))
            .filter_map(|p| p.to_str())
            .filter_map(|p| p.strip_prefix(prefix))
            .map(str::to_owned)
            .collect();
        paths.sort();
        paths.dedup();
        for path in paths {
            out.push(change(
                repo,
                &step.commit,
                step.parent_tree.as_ref(),
                &step.tree,
                prefix,
                &path,
            ));
        }
        Ok(true)
    })?;
    out.truncate(limit);
    Ok(out)
}

/// The unified diff that `commit` made to `path` (relative to the data directory) against its
/// first parent: the raw change behind one step of a history. Empty when the commit did not
/// change the file or the directory is not in git; [`GitError`] when the commit is unknown.
pub fn commit_diff(data_dir: &Path, commit: &str, path: &str) -> Result<String, GitError> {
    let Some((repo, prefix)) = open(data_dir) else {
        return Ok(String::new());
    };
    let id = Oid::from_str(commit).map_err(git_error(data_dir, "read a commit id"))?;
    let commit = repo
        .find_commit(id)
        .map_err(git_error(data_dir, "find a commit"))?;
    let tree = commit
        .tree()
        .map_err(git_error(data_dir, "read a commit's tree"))?;
    let parent = commit.parent(0).ok().and_then(|p| p.tree().ok());
    let mut options = git2::DiffOptions::new();
    options
        .pathspec(format!("{prefix}{path}"))
        .disable_pathspec_match(true);
    let diff = repo
        .diff_tree_to_tree(parent.as_ref(), Some(&tree), Some(&mut options))
        .map_err(git_error(data_dir, "diff a commit"))?;
    let mut text = String::new();
    diff.print(git2::DiffFormat::Patch, |_, _, line| {
        if matches!(line.origin(), '+' | '-' | ' ') {
            text.push(line.origin());
        }
        text.push_str(&String::from_utf8_lossy(line.content()));
        true
    })
    .map_err(git_error(data_dir, "diff a commit"))?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::fixtures::{ada, imported};

    #[test]
    fn a_file_s_history_lists_the_merges_that_changed_it_newest_first() {
        let (_data, _state, repo) = imported();
        repo.commit_file(
            "submission/12-alpha",
            "entries/alpha.toml",
            b"name = \"Alpha 2\"\n",
            &ada(),
            "Edit alpha (submission #12)",
        )
        .expect("commit");
        repo.merge_branch(
            "submission/12-alpha",
            &ada(),
            "Merge submission #12: alpha, approved by Ada",
        )
        .expect("merge");

        let history = file_history(repo.workdir(), "entries/alpha.toml", 10).expect("history");

        assert_eq!(history.len(), 2, "{history:?}");
        assert_eq!(history[0].submission, Some(12));
        assert_eq!(
            history[0].after.as_deref(),
            Some(&b"name = \"Alpha 2\"\n"[..])
        );
        assert!(history[0].before.is_some());
        assert!(history[1].before.is_none(), "the import added it");
        let all = changes_under(repo.workdir(), "entries/", 10, 10).expect("changes");
        assert_eq!(all[0].path, "entries/alpha.toml");
        assert_eq!(all[0].submission, Some(12));
        assert!(
            file_history(repo.workdir(), "entries/none.toml", 10)
                .expect("history")
                .is_empty()
        );
    }

    #[test]
    fn submission_ids_are_read_from_messages() {
        assert_eq!(
            submission_of("Merge submission #42: x, approved by A"),
            Some(42)
        );
        assert_eq!(submission_of("Merge expiry of x: back to review"), None);
    }
}
