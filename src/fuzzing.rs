//! The bodies of the fuzz targets (`fuzz/`, run by `scripts/fuzz`), kept in the library so
//! that every input a fuzzer ever found troublesome is replayed by an ordinary test
//! (`tests/fuzz_regressions.rs`) through exactly the same code.
//!
//! Each target takes any bytes and panics only on a defect: a panic in the code under test, or
//! an answer that breaks a promise of the interface (a 5xx, a diagnostic without a location).

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt as _;

use crate::app::App;
use crate::catalogue::Snapshot;
use crate::config::{Config, ConfigArgs};
use crate::search::SearchIndex;

/// Largest validation report accepted for any input: diagnostics are capped per file and long
/// lines cut, so this holds whatever the size of the file.
const MAX_REPORT_BYTES: usize = 512 * 1024;

/// What the targets share, built once per fuzzing process: the seed catalogue, its index in
/// memory, the router, and a runtime to drive it.
#[derive(Debug)]
pub struct Targets {
    snapshot: Arc<Snapshot>,
    router: axum::Router,
    runtime: tokio::runtime::Runtime,
}

impl Targets {
    /// Loads the catalogue at `data_dir` (the seed: `registry-data`). Panics when it cannot:
    /// a fuzzer with no catalogue would test nothing.
    pub fn new(data_dir: &Path) -> Targets {
        let loaded = crate::data::load(data_dir).expect("the data directory loads");
        assert!(loaded.report.is_valid(), "the data directory is valid");
        let index = SearchIndex::in_memory(&loaded.catalogue).expect("the index builds");
        let mut config = Config::from_args(&ConfigArgs::default()).expect("default config");
        config.data_dir = data_dir.to_owned();
        let snapshot = Snapshot::new(loaded.catalogue, &loaded.report, None);
        let app = Arc::new(App::from_parts(config, snapshot, index));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        Targets {
            snapshot: app.snapshot(),
            router: crate::http::router(app),
            runtime,
        }
    }

    /// Any bytes as an entry file, checked as `validate` and the submission path check one:
    /// never a panic, and every diagnostic says where (file, line) and what (a code).
    pub fn entry_file(&self, bytes: &[u8]) {
        let text = match crate::data::check_file(bytes, "entries/fuzz.toml") {
            Ok(text) => text,
            Err(d) => {
                assert!(!d.code.is_empty(), "a diagnostic without a code: {d:?}");
                return;
            }
        };
        let checked = crate::workflow::submissions::check(&self.snapshot, text);
        for d in &checked.diagnostics {
            assert!(!d.code.is_empty(), "a diagnostic without a code: {d:?}");
            assert!(
                !d.message.is_empty(),
                "a diagnostic without a message: {d:?}"
            );
        }
        if !checked.is_valid() {
            assert!(
                !checked.diagnostics.is_empty(),
                "rejected without a diagnostic saying why"
            );
        }
        // Answers stay small whatever the input (the probe's 64 MB answer to 200 KB).
        assert!(
            checked.report_json.len() <= MAX_REPORT_BYTES,
            "a report of {} bytes for {} bytes of input",
            checked.report_json.len(),
            bytes.len()
        );
    }

    /// Any bytes as the query string of the search API and of the search page: a 2xx or a
    /// 4xx, never a 5xx nor a panic.
    pub fn search_request(&self, bytes: &[u8]) {
        // What an HTTP client can send after `?`: bytes outside the URI's grammar are
        // percent-encoded, as a browser does.
        let query: String = bytes
            .iter()
            .map(|&b| match b {
                b'!'..=b'~' if b != b'#' => char::from(b).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect();
        for path in ["/api/v1/search", "/fr/search", "/en/search"] {
            let uri = format!("{path}?{query}");
            let Ok(request) = Request::get(&uri).body(Body::empty()) else {
                continue; // not a URI a client could send
            };
            let status = self.answer(request);
            assert!(!status.is_server_error(), "{uri} answered {status}");
        }
    }

    /// Any bytes as the JSON body of `POST /api/v1/submissions`, from the decoding of the
    /// body to the validator's verdict (the part that runs before any write): never a panic,
    /// and the verdict's diagnostics are located.
    pub fn submission_body(&self, bytes: &[u8]) {
        let Ok(body) =
            serde_json::from_slice::<crate::http::api::submissions::SubmissionBody>(bytes)
        else {
            return; // a 400 naming the JSON error, tested elsewhere
        };
        self.entry_file(body.entry_toml.as_bytes());
    }

    fn answer(&self, request: Request<Body>) -> StatusCode {
        let router = self.router.clone();
        self.runtime.block_on(async move {
            match router.oneshot(request).await {
                Ok(response) => response.status(),
                Err(never) => match never {},
            }
        })
    }
}
