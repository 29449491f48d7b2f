//! Faults, with the real binary: `index` and `serve` killed with SIGKILL in the middle of an
//! index build. The next run recovers by itself and never serves a half-written index: what
//! it serves has every entry of the data directory.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_floss-registry");

/// A data tree of the seed's criteria, categories and services and `copies` renamed copies of
/// every seed entry (`signal-0003`, "Signal 0003"): large enough that an index build takes a
/// while. Returns the tree and its number of entries.
fn large_tree(to: &Path, copies: usize) -> (PathBuf, usize) {
    let data = to.join("data");
    for sub in ["criteria", "categories", "services"] {
        let dir = data.join(sub);
        std::fs::create_dir_all(&dir).expect("mkdir");
        for f in std::fs::read_dir(Path::new("registry-data").join(sub)).expect("seed dir") {
            let f = f.expect("entry");
            std::fs::copy(f.path(), dir.join(f.file_name())).expect("copy");
        }
    }
    let entries = data.join("entries");
    std::fs::create_dir_all(&entries).expect("mkdir");
    let mut count = 0;
    for f in std::fs::read_dir(Path::new("registry-data/entries")).expect("seed entries") {
        let path = f.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let slug = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("slug")
            .to_owned();
        let name = text
            .lines()
            .find_map(|l| l.strip_prefix("name = \""))
            .and_then(|l| l.strip_suffix('"'))
            .expect("name")
            .to_owned();
        for i in 0..copies {
            let new_slug = format!("{slug}-{i:04}");
            let copy = text
                .replacen(
                    &format!("slug = \"{slug}\""),
                    &format!("slug = \"{new_slug}\""),
                    1,
                )
                .replacen(
                    &format!("name = \"{name}\""),
                    &format!("name = \"{name} {i:04}\""),
                    1,
                );
            std::fs::write(entries.join(format!("{new_slug}.toml")), copy).expect("write");
            count += 1;
        }
    }
    (data, count)
}

/// Runs `floss-registry index` and kills it with SIGKILL once its progress bar has moved
/// past the first entries (or after `at_most`), so the kill lands inside the build.
fn index_killed_mid_build(data: &Path, state: &Path, at_most: Duration) {
    let mut child = Command::new(BIN)
        .args(["index", "--data"])
        .arg(data)
        .arg("--state")
        .arg(state)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("index starts");
    let started = Instant::now();
    let index = state.join("index");
    // The build has begun once tantivy wrote its first files.
    while started.elapsed() < at_most {
        let files = std::fs::read_dir(&index).map_or(0, Iterator::count);
        if files > 2 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(
        !status.success(),
        "index finished before it could be killed: make the tree larger"
    );
}

fn search_total(addr: &str, query: &str) -> u64 {
    let url = format!("http://{addr}/api/v1/search?q={query}&per_page=1");
    let out = Command::new("curl")
        .args(["-s", "--max-time", "30", &url])
        .output()
        .expect("curl");
    let body: serde_json::Value = serde_json::from_slice(&out.stdout).expect("search answers JSON");
    body["total"].as_u64().expect("total")
}

#[test]
fn an_index_build_killed_with_sigkill_is_completed_by_the_next_run() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (data, count) = large_tree(tmp.path(), 30);
    let state = tmp.path().join("state");
    index_killed_mid_build(&data, &state, Duration::from_secs(20));
    let out = Command::new(BIN)
        .args(["index", "--data"])
        .arg(&data)
        .arg("--state")
        .arg(&state)
        .output()
        .expect("index runs again");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The half-written build is not taken for a current index.
    assert!(!said.contains("index is current"), "{said}");
    assert!(said.contains(&format!(": {count} documents")), "{said}");
}

#[test]
fn serve_killed_while_building_its_index_serves_every_entry_after_a_restart() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (data, count) = large_tree(tmp.path(), 30);
    let state = tmp.path().join("state");
    // First start, killed while it builds the index (before it listens).
    let mut child = Command::new(BIN)
        .args(["serve", "--bind", "127.0.0.1:0", "--data"])
        .arg(&data)
        .arg("--state")
        .arg(&state)
        .env_remove("FLOSS_REGISTRY_CONFIG")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60)
        && std::fs::read_dir(state.join("index")).map_or(0, Iterator::count) <= 2
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();

    // The restart recovers: it listens, and its index has every entry (each copy of Signal).
    let mut child = Command::new(BIN)
        .args(["serve", "--bind", "127.0.0.1:0", "--data"])
        .arg(&data)
        .arg("--state")
        .arg(&state)
        .env_remove("FLOSS_REGISTRY_CONFIG")
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts again");
    let mut reader = BufReader::new(child.stderr.take().expect("stderr"));
    let mut log = Vec::new();
    let addr = loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line).expect("read log");
        assert!(n > 0, "serve exited before listening: {log:#?}");
        log.push(line.clone());
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned();
        }
    };
    std::thread::spawn(move || {
        let mut sink = String::new();
        let _ = std::io::Read::read_to_string(&mut reader, &mut sink);
    });
    let copies_of_signal = search_total(&addr, "signal");
    let _ = child.kill();
    let _ = child.wait();
    assert!(count >= 30 * 100, "{count}");
    assert!(
        copies_of_signal >= 30,
        "after the restart, a search for Signal finds {copies_of_signal} of its 30 copies: {log:#?}"
    );
}
