//! Benchmark of the history of an entry (see `BENCHMARKS.md`): builds a git repository holding
//! the seed catalogue (or `--data DIR`, e.g. a 10,000-entry tree written by `gen_tree`), then `--commits` commits (default 1,000) each changing one entry file
//! (a criterion's status flipped between `unknown` and `partial`), round robin over
//! `--spread` entries (default 10, Signal among them); then times, cold (no cache), the
//! history of Signal (`git::history::file_history` + reading each change in citizen terms)
//! and the site's recent changes (`git::history::changes_under`, what `/feed.atom` reads).
//!
//! ```text
//! cargo run --release --example bench_history -- [--commits 1000] [--spread 10] [--runs 5] \
//!     [--data DIR]
//! ```

use std::path::Path;
use std::time::Instant;

use floss_registry::catalogue::Snapshot;
use floss_registry::catalogue::history::EntryChange;
use floss_registry::git::history::{changes_under, file_history};

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Commits the working tree: every file (`changed` = `None`), or the one file changed (a
/// whole-tree scan per commit would make a 10,000-entry repository slow to build, not to read).
fn commit_all(repo: &git2::Repository, message: &str, changed: Option<&Path>) {
    let mut index = repo.index().expect("index");
    match changed {
        Some(path) => index.add_path(path).expect("add"),
        None => index
            .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
            .expect("add"),
    }
    index.write().expect("write index");
    let tree = repo
        .find_tree(index.write_tree().expect("tree"))
        .expect("find tree");
    let sig = git2::Signature::now("bench", "bench@example.org").expect("sig");
    let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
        .expect("commit");
}

fn main() {
    let commits = arg("--commits", 1_000);
    let spread = arg("--spread", 10).max(1);
    let runs = arg("--runs", 5).max(1);
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = std::env::args()
        .skip_while(|a| a != "--data")
        .nth(1)
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-data"),
            std::path::PathBuf::from,
        );
    copy_dir(&seed, dir.path());
    let repo = git2::Repository::init(dir.path()).expect("init");
    commit_all(&repo, "Import the data", None);
    let mut slugs: Vec<String> = std::fs::read_dir(dir.path().join("entries"))
        .expect("entries")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".toml")
                .map(str::to_owned)
        })
        .filter(|s| s != "signal")
        .collect();
    slugs.sort();
    slugs.truncate(spread - 1);
    slugs.insert(0, "signal".to_owned());
    let started = Instant::now();
    for i in 0..commits {
        let slug = &slugs[i % slugs.len()];
        let path = dir.path().join(format!("entries/{slug}.toml"));
        let text = std::fs::read_to_string(&path).expect("read");
        let text = if text.contains("status = \"unknown\"") {
            text.replacen("status = \"unknown\"", "status = \"partial\"", 1)
        } else {
            text.replacen("status = \"partial\"", "status = \"unknown\"", 1)
        };
        std::fs::write(&path, text).expect("write");
        let rel = format!("entries/{slug}.toml");
        commit_all(
            &repo,
            &format!("Merge submission #{}: {slug}", i + 1),
            Some(Path::new(&rel)),
        );
    }
    let entries = std::fs::read_dir(dir.path().join("entries"))
        .expect("entries")
        .count();
    eprintln!(
        "repository: {entries} entries, {} commits after the import, {} entries changed in turn, built in {:.1} s",
        commits,
        slugs.len(),
        started.elapsed().as_secs_f64()
    );
    let snapshot = Snapshot::load(dir.path()).expect("loads");
    let mut entry_times = Vec::new();
    let mut changes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let history = file_history(dir.path(), "entries/signal.toml", 1_000).expect("history");
        let read: Vec<EntryChange> = history
            .iter()
            .filter_map(|c| EntryChange::from_file_change(c, &snapshot))
            .collect();
        entry_times.push(t.elapsed().as_secs_f64() * 1000.0);
        changes = read.len();
    }
    let mut site_times = Vec::new();
    let mut site = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let recent = changes_under(dir.path(), "entries/", 500, 500).expect("changes");
        let read: Vec<EntryChange> = recent
            .iter()
            .filter_map(|c| EntryChange::from_file_change(c, &snapshot))
            .collect();
        site_times.push(t.elapsed().as_secs_f64() * 1000.0);
        site = read.len();
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "| history of one entry ({changes} changes in {} commits) | {:.1} ms |",
        commits + 1,
        median(&mut entry_times)
    );
    println!(
        "| site's recent changes ({site} changes from the newest 500 commits) | {:.1} ms |",
        median(&mut site_times)
    );
}
