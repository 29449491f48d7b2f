//! The real `floss-registry` binary: exit codes, human and JSON reports, the JSON Schema,
//! and the help text.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use clap::CommandFactory;
use common::*;
use serde_json::Value;

fn floss_registry(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_floss-registry"))
        .args(args)
        .env_remove("FLOSS_REGISTRY_DATA")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run floss-registry")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// A tree with one valid entry and one whose homepage uses http.
fn invalid_tree() -> DataTree {
    let tree = DataTree::seed_subset();
    tree.add(&tree.entry("good"));
    tree.add(
        &tree
            .entry("demo")
            .set("homepage", "\"http://demo.example.org\""),
    );
    tree
}

#[test]
fn validate_exits_0_on_the_seed_catalogue() {
    let out = floss_registry(&["validate", path_arg(&seed_dir())]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    let summary = text.lines().last().unwrap_or_default();
    assert!(summary.starts_with("ok: "), "{summary}");
    assert!(summary.contains(", 0 errors"), "{summary}");
}

#[test]
fn validate_exits_1_on_invalid_data_and_prints_the_diagnostics_on_stdout() {
    let tree = invalid_tree();
    let out = floss_registry(&["validate", path_arg(tree.path())]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("error[insecure-url]"), "{text}");
    assert!(text.contains("--> entries/demo.toml:4:12"), "{text}");
    assert!(
        text.contains("homepage = \"http://demo.example.org\""),
        "{text}"
    );
    assert!(text.contains("= help: links must use https://"), "{text}");
    let summary = text.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("invalid: 14 files checked"),
        "{summary}"
    );
    assert!(summary.ends_with("1 error, 0 warnings"), "{summary}");
    // Not a terminal: no colour codes.
    assert!(!text.contains('\u{1b}'), "{text:?}");
}

#[test]
fn validate_reads_the_data_directory_from_the_environment() {
    let tree = invalid_tree();
    let out = Command::new(env!("CARGO_BIN_EXE_floss-registry"))
        .arg("validate")
        .env("FLOSS_REGISTRY_DATA", tree.path())
        .output()
        .expect("run floss-registry");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("entries/demo.toml:4:12"));
}

#[test]
fn validate_exits_2_on_a_missing_directory() {
    let tree = DataTree::empty();
    let missing = tree.path().join("no-such-dir");
    let out = floss_registry(&["validate", path_arg(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("does not exist"), "{err}");
    assert!(err.contains("no-such-dir"), "{err}");
}

#[test]
fn validate_exits_2_on_a_file_given_as_the_data_directory() {
    let tree = DataTree::seed_subset();
    let file = tree.path().join("criteria/e2ee.toml");
    let out = floss_registry(&["validate", path_arg(&file)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is not a directory"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn validate_exits_2_on_an_unknown_flag_or_format() {
    let seed = seed_dir();
    for args in [
        vec!["validate", "--frobnicate", path_arg(&seed)],
        vec!["validate", "--format", "yaml", path_arg(&seed)],
    ] {
        let out = floss_registry(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("error:"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn validate_exits_2_without_a_subcommand() {
    let out = floss_registry(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Usage:"), "{}", stderr(&out));
}

#[test]
fn json_output_has_one_located_record_per_problem() {
    let tree = invalid_tree();
    tree.add(&tree.entry("broken").set("categories", "[\"mesaging\"]"));
    let out = floss_registry(&["validate", "--format", "json", path_arg(tree.path())]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"], 2);
    assert_eq!(report["warnings"], 0);
    assert_eq!(report["files_checked"], 15);
    let records = report["diagnostics"].as_array().expect("a list of records");
    assert_eq!(records.len(), 2);
    for record in records {
        for field in [
            "severity",
            "code",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "message",
            "hint",
            "source_line",
        ] {
            assert!(!record[field].is_null(), "`{field}` is missing in {record}");
        }
    }
    assert_eq!(records[0]["file"], "entries/broken.toml");
    assert_eq!(records[0]["code"], "unknown-category");
    assert_eq!(records[0]["line"], 7);
    assert_eq!(records[0]["column"], 15);
    assert_eq!(records[0]["source_line"], "categories = [\"mesaging\"]");
    assert_eq!(records[1]["file"], "entries/demo.toml");
    assert_eq!(records[1]["code"], "insecure-url");
    assert_eq!(records[1]["severity"], "error");
}

#[test]
fn json_output_of_the_seed_catalogue_says_it_is_valid() {
    let out = floss_registry(&["validate", "--format", "json", path_arg(&seed_dir())]);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    assert_eq!(report["valid"], true);
    assert_eq!(report["errors"], 0);
    assert!(report["files_checked"].as_u64() > Some(100), "{report}");
}

fn entry_schema() -> Value {
    let out = floss_registry(&["schema"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("the schema is JSON")
}

fn compile(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles")
}

fn entry_as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read an entry");
    toml_to_json(&toml::from_str(&text).expect("the entry is TOML"))
}

#[test]
fn schema_prints_a_json_schema_requiring_the_slug_and_the_assessment() {
    let schema = entry_schema();
    assert!(
        schema["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("json-schema.org")),
        "{}",
        schema["$schema"]
    );
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("a list of required fields")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for field in ["slug", "name", "license", "assessment", "review"] {
        assert!(required.contains(&field), "`{field}` not in {required:?}");
    }
}

#[test]
fn every_seed_entry_is_valid_against_the_printed_schema() {
    let validator = compile(&entry_schema());
    let mut checked = 0;
    for item in std::fs::read_dir(seed_dir().join("entries")).expect("seed entries") {
        let path = item.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let json = entry_as_json(&path);
            let errors: Vec<String> = validator
                .iter_errors(&json)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 100, "{checked}");
}

#[test]
fn the_printed_schema_rejects_what_an_editor_should_flag() {
    let validator = compile(&entry_schema());
    let mut json = entry_as_json(&seed_dir().join("entries/signal.toml"));
    assert!(validator.is_valid(&json));
    json["colour"] = Value::from("blue");
    json["assessment"]["e2ee"]["status"] = Value::from("mett");
    json["added"] = Value::from("2026-02-30");
    if let Value::Object(map) = &mut json {
        map.remove("license");
    }
    let paths: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.instance_path().to_string())
        .collect();
    assert!(paths.contains(&String::new()), "{paths:?}"); // unknown field, missing licence
    assert!(
        paths.contains(&"/assessment/e2ee/status".to_owned()),
        "{paths:?}"
    );
    assert!(paths.contains(&"/added".to_owned()), "{paths:?}");
}

#[test]
fn schema_of_a_criterion_accepts_the_seed_criteria() {
    let out = floss_registry(&["schema", "--kind", "criterion"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&out.stdout).expect("the schema is JSON");
    let validator = compile(&schema);
    let json = entry_as_json(&seed_dir().join("criteria/e2ee.toml"));
    assert!(validator.is_valid(&json));
    assert!(!validator.is_valid(&entry_as_json(&seed_dir().join("entries/signal.toml"))));
}

#[test]
fn help_mentions_every_subcommand() {
    let out = floss_registry(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    let cli = floss_registry::cli::Cli::command();
    let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
    assert!(
        names.contains(&"validate") && names.contains(&"schema"),
        "{names:?}"
    );
    for name in names {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(name)),
            "`{name}` is not in --help:\n{help}"
        );
    }
}

#[test]
fn validate_help_documents_the_exit_codes_and_formats() {
    let out = floss_registry(&["validate", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for needle in [
        "Exit status: 0",
        "1 when it is invalid",
        "2 for usage",
        "json",
        "human",
    ] {
        assert!(help.contains(needle), "`{needle}` not in:\n{help}");
    }
}

/// One line of `a = [` repeated, just under the size limit: hundreds of syntax errors, all
/// on the same 65,000-character line.
fn one_line_of_open_arrays() -> DataTree {
    let tree = DataTree::seed_subset();
    tree.write("entries/demo.toml", "a = [".repeat(13_000));
    tree
}

#[test]
fn json_output_for_a_long_line_of_errors_stays_small() {
    let tree = one_line_of_open_arrays();
    let out = floss_registry(&["validate", "--format", "json", path_arg(tree.path())]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        out.stdout.len() < 64 * 1024,
        "{} bytes of JSON for a 65,000-byte file",
        out.stdout.len()
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    let records = report["diagnostics"].as_array().expect("a list of records");
    assert!(records.len() <= 51, "{} records", records.len());
    let last = records.last().expect("records");
    assert_eq!(last["code"], "too-many-problems", "{last}");
    assert_eq!(last["file"], "entries/demo.toml", "{last}");
    for record in records {
        let line = record["source_line"].as_str().unwrap_or_default();
        assert!(line.chars().count() <= 130, "{} characters", line.len());
    }
}

#[test]
fn human_output_for_a_long_line_keeps_the_true_column_and_the_caret_on_it() {
    let tree = DataTree::seed_subset();
    // One long line, with a single error far into it: `=` where a value is expected.
    let line = format!("name = \"{}\" = 1", "x".repeat(5_000));
    tree.write("entries/demo.toml", format!("slug = \"demo\"\n{line}\n"));
    let out = floss_registry(&["validate", path_arg(tree.path())]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.len() < 4_000, "{} bytes: {text}", text.len());
    let column = line.find(" = 1").unwrap_or_default() + 2;
    assert!(
        text.contains(&format!("--> entries/demo.toml:2:{column}")),
        "{text}"
    );
    // The caret stands under the `=` in the shown excerpt.
    let lines: Vec<&str> = text.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.starts_with("2 |"))
        .unwrap_or_else(|| panic!("{text}"));
    let caret = lines[source + 1]
        .find('^')
        .unwrap_or_else(|| panic!("{text}"));
    let shown: Vec<char> = lines[source].chars().collect();
    assert_eq!(shown.get(caret).copied(), Some('='), "{text}");
    assert!(lines[source].contains('…'), "{text}");
}

/// The outside probe: with `entries/leak.toml -> /etc/passwd` the validator printed lines of
/// it, and with `entries -> /` it listed the root and said "valid".
#[cfg(unix)]
#[test]
fn validate_follows_no_symlink_out_of_the_tree() {
    let outside = tempfile::tempdir().expect("a directory outside the tree");
    let secret = outside.path().join("secret.toml");
    std::fs::write(
        &secret,
        "password = \"hunter2-SECRET\"\nroot:x:0:0:root:/root\n",
    )
    .expect("write the secret");
    // A linked file, and a linked directory.
    let tree = DataTree::seed_subset();
    tree.add(&tree.entry("good"));
    std::os::unix::fs::symlink(&secret, tree.path().join("entries/leak.toml"))
        .expect("create a symlink");
    std::os::unix::fs::symlink("/etc/passwd", tree.path().join("entries/passwd.toml"))
        .expect("create a symlink");
    let other = DataTree::seed_subset();
    other.remove_dir("entries");
    std::os::unix::fs::symlink(outside.path(), other.path().join("entries"))
        .expect("create a symlink");
    let rooted = DataTree::seed_subset();
    rooted.remove_dir("services");
    std::os::unix::fs::symlink("/", rooted.path().join("services")).expect("create a symlink");
    for (tree, links) in [
        (&tree, vec!["entries/leak.toml", "entries/passwd.toml"]),
        (&other, vec!["entries/"]),
        (&rooted, vec!["services/"]),
    ] {
        for format in ["human", "json"] {
            let out = floss_registry(&["validate", "--format", format, path_arg(tree.path())]);
            let (text, err) = (stdout(&out), stderr(&out));
            assert_eq!(out.status.code(), Some(1), "{text}{err}");
            for link in &links {
                assert!(
                    text.contains(&format!("`{link}` is a symbolic link")),
                    "{text}"
                );
            }
            for leaked in [
                "SECRET", "secret", "root:", "hunter2", "passwd:", "etc/", "bin",
            ] {
                assert!(!text.contains(leaked), "{leaked} in {text}");
                assert!(!err.contains(leaked), "{leaked} in {err}");
            }
            if format == "human" {
                assert!(text.contains("error[symlink]"), "{text}");
            }
        }
    }
}

#[test]
fn check_help_gives_examples_exit_codes_and_the_token_variables() {
    let out = floss_registry(&["check", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for needle in [
        "floss-registry check signal croc --only forge",
        "--apk",
        "--propose",
        "1 when",
        "FLOSS_REGISTRY_GITHUB_TOKEN",
    ] {
        assert!(help.contains(needle), "`{needle}` not in:\n{help}");
    }
    let out = floss_registry(&["import", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("floss-registry import fdroid index-v2.json"));
}

#[test]
fn check_refuses_an_apk_without_exactly_one_entry_before_starting_anything() {
    let out = floss_registry(&["check", "signal", "croc", "--apk", "app.apk"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("exactly one SLUG"),
        "{}",
        stderr(&out)
    );
    let out = floss_registry(&["check", "signal", "--only", "apk"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs --apk"), "{}", stderr(&out));
    let out = floss_registry(&["check", "--only", "trackers"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_names_an_entry_the_catalogue_does_not_have() {
    let state = tempfile::tempdir().expect("state");
    let data = common::seed_dir();
    let out = floss_registry(&[
        "check",
        "no-such-entry",
        "--data",
        path_arg(&data),
        "--state",
        path_arg(state.path()),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("there is no entry `no-such-entry`"),
        "{}",
        stderr(&out)
    );
}
