//! Replays every input of the fuzz targets' seed corpora (`fuzz/seeds/<target>/`) and every
//! crash or hang a fuzzer ever found (`tests/fuzz/<target>/`, copied there by `scripts/fuzz`)
//! through the same code the fuzzers run (`floss_registry::fuzzing`).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use floss_registry::fuzzing::Targets;

fn targets() -> &'static Targets {
    static TARGETS: OnceLock<Targets> = OnceLock::new();
    TARGETS.get_or_init(|| Targets::new(Path::new("registry-data")))
}

fn inputs(target: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [
        format!("fuzz/seeds/{target}"),
        format!("tests/fuzz/{target}"),
    ]
    .iter()
    .filter_map(|dir| std::fs::read_dir(dir).ok())
    .flatten()
    .filter_map(|e| e.ok().map(|e| e.path()))
    .filter(|p| p.is_file())
    .collect();
    files.sort();
    files
}

fn replay(target: &str, run: impl Fn(&Targets, &[u8])) {
    let files = inputs(target);
    assert!(
        !files.is_empty(),
        "no input for {target}: fuzz/seeds/{target} is missing"
    );
    for file in files {
        let bytes = std::fs::read(&file).expect("input readable");
        // A panic names the input that caused it.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run(targets(), &bytes);
        }));
        assert!(
            outcome.is_ok(),
            "{} fails the {target} target",
            file.display()
        );
    }
}

#[test]
fn every_entry_file_input_a_fuzzer_kept_is_checked_without_a_panic() {
    replay("entry_file", Targets::entry_file);
}

#[test]
fn every_search_request_input_a_fuzzer_kept_answers_without_a_5xx() {
    replay("search_request", Targets::search_request);
}

#[test]
fn every_submission_body_input_a_fuzzer_kept_is_judged_without_a_panic() {
    replay("submission_body", Targets::submission_body);
}

#[test]
fn the_probe_s_hostile_inputs_pass_every_target() {
    // The outside probe's findings (issue 17) as inputs: a 200 KB one-line body of `a = [`,
    // bytes that are not UTF-8, a query string of every kind of junk.
    let t = targets();
    let huge = "a = [".repeat(40_000);
    t.entry_file(huge.as_bytes());
    t.submission_body(
        serde_json::json!({ "entry_toml": huge })
            .to_string()
            .as_bytes(),
    );
    t.entry_file(&[0xff, 0xfe, 0x00]);
    t.search_request(
        b"per_page=not-a-number&sort=%FF&q=%00%0d%0a<script>&page=99999999999999999999",
    );
}
