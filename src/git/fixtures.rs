//! Test fixtures shared by the data repository's unit tests: data directories, imports and
//! the identity that commits in them.

use std::fs;
use std::path::Path;

use git2::Repository;

use super::error::Author;
use super::repo::DataRepo;

pub(super) fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, text).expect("write");
}

pub(super) fn ada() -> Author {
    Author {
        name: "Ada Reviewer".to_owned(),
        email: "ada@example.org".to_owned(),
    }
}

/// A plain data directory with one entry and one criterion.
pub(super) fn data_dir() -> tempfile::TempDir {
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
pub(super) fn imported() -> (tempfile::TempDir, tempfile::TempDir, DataRepo) {
    let data = data_dir();
    let state = tempfile::tempdir().expect("tempdir");
    let repo = DataRepo::open_or_import(data.path(), state.path()).expect("import");
    (data, state, repo)
}

pub(super) fn git(repo: &DataRepo) -> Repository {
    Repository::open(repo.workdir()).expect("open")
}

pub(super) fn read(repo: &DataRepo, rev: &str, path: &str) -> Option<String> {
    repo.read_file(rev, path)
        .expect("read_file")
        .map(|bytes| String::from_utf8(bytes).expect("utf-8"))
}
