//! The real binary: `serve` started as a process on a loopback port, `index` and `search`
//! on real directories. Checks start-up on the embedded defaults, index reuse, incremental
//! and corrupt-index recovery, oversize requests over a socket, and graceful shutdown.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_floss-registry");

/// A copy of the seed data in a temporary directory, to modify freely.
fn copy_seed(to: &Path) -> PathBuf {
    let data = to.join("data");
    for sub in ["entries", "criteria", "categories", "services"] {
        let dir = data.join(sub);
        std::fs::create_dir_all(&dir).expect("mkdir");
        for f in std::fs::read_dir(Path::new("registry-data").join(sub)).expect("seed dir") {
            let f = f.expect("entry");
            std::fs::copy(f.path(), dir.join(f.file_name())).expect("copy");
        }
    }
    data
}

struct Server {
    child: Child,
    addr: String,
    log: Vec<String>,
}

impl Server {
    fn start(data: &Path, state: &Path) -> Server {
        Server::start_with_env(data, state, &[])
    }

    /// Starts with extra environment variables (settings of the README's table).
    fn start_with_env(data: &Path, state: &Path, env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--bind", "127.0.0.1:0", "--data"])
            .arg(data)
            .arg("--state")
            .arg(state)
            .env("RUST_LOG", "info")
            .env_remove("FLOSS_REGISTRY_CONFIG")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts");
        let stderr = child.stderr.take().expect("stderr");
        let mut reader = BufReader::new(stderr);
        let mut log = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(120);
        let addr = loop {
            let mut line = String::new();
            let n = reader.read_line(&mut line).expect("read log");
            assert!(
                n > 0 && Instant::now() < deadline,
                "server exited before listening: {log:#?}"
            );
            log.push(line.clone());
            if let Some(rest) = line.split("listening on http://").nth(1) {
                break rest
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_owned();
            }
        };
        // Keep draining the log so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            let _ = reader.read_to_string(&mut sink);
        });
        Server { child, addr, log }
    }

    fn logged(&self, needle: &str) -> bool {
        self.log.iter().any(|l| l.contains(needle))
    }

    /// Sends a raw HTTP/1.1 GET and returns (status, body).
    fn get(&self, target: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .expect("send");
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = text.split("\r\n\r\n").nth(1).unwrap_or_default().to_owned();
        (status, body)
    }

    fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "server did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn serve_answers_on_the_seed_catalogue_and_stops_gracefully_on_sigterm() {
    let state = tempfile::tempdir().expect("state");
    let server = Server::start(Path::new("registry-data"), state.path());
    let (status, body) = server.get("/healthz");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"status\":\"ok\""), "{body}");
    let (status, body) = server.get("/api/v1/search?q=signal");
    assert_eq!(status, 200);
    assert!(body.contains("\"slug\":\"signal\""));
    assert!(
        !server.log.iter().any(|l| l.contains("q=signal")),
        "queries never reach the logs"
    );
    let exit = server.terminate();
    assert!(exit.success(), "graceful shutdown exits 0, got {exit:?}");
}

#[test]
fn a_query_of_100_kilobytes_over_a_socket_gets_a_4xx_and_the_server_keeps_serving() {
    let state = tempfile::tempdir().expect("state");
    let server = Server::start(Path::new("registry-data"), state.path());
    let target = format!("/api/v1/search?q={}", "x".repeat(100 * 1024));
    let (status, _) = server.get(&target);
    assert!(
        (400..500).contains(&status),
        "expected a client error, got {status}"
    );
    let (status, _) = server.get("/healthz");
    assert_eq!(status, 200);
}

/// A connection that sends part of a request's headers, then nothing.
fn stalled(addr: &str) -> TcpStream {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .expect("send part of the headers");
    stream
}

/// Waits until the server closes `stream` (end of stream or reset); how long it took.
fn closed_after(mut stream: TcpStream, started: Instant) -> Duration {
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .expect("timeout");
    let mut buf = [0u8; 1024];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return started.elapsed(),
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                panic!("still open after {:?}", started.elapsed())
            }
            Err(_) => return started.elapsed(),
        }
    }
}

#[test]
fn a_client_slow_to_send_its_headers_is_dropped_while_others_are_served() {
    let state = tempfile::tempdir().expect("state");
    let server = Server::start_with_env(
        Path::new("registry-data"),
        state.path(),
        &[("FLOSS_REGISTRY_HEADER_READ_TIMEOUT", "1")],
    );
    let started = Instant::now();
    let slow: Vec<TcpStream> = (0..20).map(|_| stalled(&server.addr)).collect();
    // While they stall, others are answered.
    let (status, body) = server.get("/healthz");
    assert_eq!(status, 200, "{body}");
    for stream in slow {
        let after = closed_after(stream, started);
        assert!(after < Duration::from_secs(5), "closed after {after:?}");
    }
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "not before the timeout"
    );
    let (status, _) = server.get("/healthz");
    assert_eq!(status, 200);
}

#[test]
fn connections_beyond_the_cap_wait_until_one_closes() {
    let state = tempfile::tempdir().expect("state");
    let server = Server::start_with_env(
        Path::new("registry-data"),
        state.path(),
        &[
            ("FLOSS_REGISTRY_HEADER_READ_TIMEOUT", "2"),
            ("FLOSS_REGISTRY_MAX_CONNECTIONS", "2"),
        ],
    );
    let started = Instant::now();
    let slow: Vec<TcpStream> = (0..2).map(|_| stalled(&server.addr)).collect();
    std::thread::sleep(Duration::from_millis(300));
    // Both slots are taken: the third waits for one of the stalled connections to be closed.
    let (status, body) = server.get("/healthz");
    let waited = started.elapsed();
    assert_eq!(status, 200, "{body}");
    assert!(
        waited >= Duration::from_millis(1500) && waited < Duration::from_secs(10),
        "answered after {waited:?}"
    );
    drop(slow);
    let (status, _) = server.get("/healthz");
    assert_eq!(status, 200);
}

#[test]
fn a_restart_reuses_a_current_index_and_replaces_only_changed_entries() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = copy_seed(tmp.path());
    let state = tmp.path().join("state");
    let first = Server::start(&data, &state);
    assert!(
        first.logged("index rebuilt") || first.logged("search index synced"),
        "{:#?}",
        first.log
    );
    drop(first);

    let second = Server::start(&data, &state);
    assert!(
        second.logged("search index is current"),
        "{:#?}",
        second.log
    );
    drop(second);

    let signal = data.join("entries/signal.toml");
    let text = std::fs::read_to_string(&signal).expect("read");
    std::fs::write(
        &signal,
        text.replace("name = \"Signal\"", "name = \"Signal Messenger\""),
    )
    .expect("write");
    std::fs::remove_file(data.join("entries/wire.toml")).expect("remove");
    let third = Server::start(&data, &state);
    assert!(
        third.logged("1 entry replaced, 1 removed"),
        "{:#?}",
        third.log
    );
    let (_, body) = third.get("/api/v1/search?q=messenger&lang=en");
    assert!(body.contains("Signal Messenger"), "{body}");
    let (status, _) = third.get("/api/v1/entries/wire");
    assert_eq!(status, 404);
    let (_, health) = third.get("/healthz");
    assert!(health.contains("\"status\":\"ok\""), "{health}");
}

#[test]
fn a_corrupt_index_is_rebuilt_at_start_up() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = tmp.path().join("state");
    drop(Server::start(Path::new("registry-data"), &state));
    let index = state.join("index");
    for f in std::fs::read_dir(&index).expect("index dir") {
        let path = f.expect("entry").path();
        if path.is_file() {
            std::fs::write(&path, b"garbage").expect("corrupt");
        }
    }
    let server = Server::start(Path::new("registry-data"), &state);
    let (status, body) = server.get("/api/v1/search?q=nextcloud");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"slug\":\"nextcloud\""), "{:#?}", server.log);
}

#[test]
fn invalid_entries_are_skipped_and_reported_while_the_rest_is_served() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = copy_seed(tmp.path());
    std::fs::write(
        data.join("entries/broken.toml"),
        "slug = \"broken\"\nname = 3\n",
    )
    .expect("write");
    let server = Server::start(&data, &tmp.path().join("state"));
    assert!(server.logged("entries/broken.toml"), "{:#?}", server.log);
    let (_, health) = server.get("/healthz");
    assert!(health.contains("\"invalid_entries\":1"), "{health}");
    assert!(health.contains("\"status\":\"degraded\""), "{health}");
    let (status, _) = server.get("/api/v1/entries/signal");
    assert_eq!(status, 200);
}

#[test]
fn the_index_command_builds_then_reuses_then_updates_incrementally() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = copy_seed(tmp.path());
    let state = tmp.path().join("state");
    let run = |extra: &[&str]| {
        let out = Command::new(BIN)
            .arg("index")
            .arg("--data")
            .arg(&data)
            .arg("--state")
            .arg(&state)
            .args(extra)
            .output()
            .expect("index runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run(&[]).contains("index rebuilt"));
    assert!(run(&[]).contains("index is current"));
    let path = data.join("entries/jami.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace("name = \"Jami\"", "name = \"GNU Jami\""),
    )
    .expect("write");
    let out = run(&[]);
    assert!(out.contains("1 entry replaced, 0 removed"), "{out}");
    assert!(run(&["--full"]).contains("full rebuild requested"));
}

#[test]
fn the_search_command_prints_ranked_results_and_json() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = Command::new(BIN)
        .args(["search", "nextclud", "--lang", "en", "--state"])
        .arg(tmp.path())
        .output()
        .expect("search runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().next().is_some_and(|l| l.contains("Nextcloud")),
        "{text}"
    );
    let out = Command::new(BIN)
        .args(["search", "password manager", "--json", "--state"])
        .arg(tmp.path())
        .output()
        .expect("search runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    assert!(json["hits"].as_array().is_some_and(|h| !h.is_empty()));
}

#[test]
fn serve_refuses_a_bad_bind_address_with_a_message_naming_the_setting() {
    let out = Command::new(BIN)
        .args(["serve", "--bind", "nowhere"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FLOSS_REGISTRY_BIND"));
}
