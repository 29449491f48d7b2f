//! Importers of other catalogues' data (F-Droid, awesome-selfhosted, publiccode.yml): what they
//! say about entries of the catalogue (matched by repository URL, or by homepage as a weaker
//! match), and entries they would add. An importer proposes; it never overwrites a human
//! assessment and never writes the data: its report is turned into proposals by
//! `workflow::proposals`.
//!
//! Layout: each source's reader (`fdroid`, `awesome_selfhosted`, `publiccode`) turns its files
//! into [`record::Record`]s (the facts it states, with the criteria they support); `matching`
//! pairs records with entries; `draft` writes the complete entry file of a record nobody has
//! catalogued yet. Reading is blocking file I/O: callers on the async runtime use
//! `spawn_blocking`.

mod awesome_selfhosted;
mod draft;
mod fdroid;
mod matching;
mod publiccode;
mod record;

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{CheckError, EvidenceSource, Observation};
use crate::catalogue::Snapshot;

/// What one import found: matches, proposed new entries, and what it left aside and why.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub source: EvidenceSource,
    pub matched: Vec<Matched>,
    pub new_entries: Vec<NewEntry>,
    pub skipped: Vec<Skipped>,
}

/// An entry of the catalogue the imported data speaks about.
#[derive(Debug, Clone, Serialize)]
pub struct Matched {
    pub slug: String,
    /// How it was matched, e.g. `repository https://github.com/...` or `package org.example`.
    pub matched_by: String,
    pub observation: Observation,
}

/// An entry the imported data would add: a complete entry file, every criterion not
/// established by the data `unknown`.
#[derive(Debug, Clone, Serialize)]
pub struct NewEntry {
    pub slug: String,
    pub entry_toml: String,
    pub observation: Observation,
}

/// A record of the imported data left aside, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub name: String,
    pub reason: String,
}

/// The largest file an importer reads (a whole F-Droid `index-v2.json` is tens of MB).
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;
/// The largest single record file (an fdroiddata metadata file, a publiccode.yml...).
pub const MAX_RECORD_BYTES: u64 = 4 * 1024 * 1024;

/// Reads `input` (a file or directory of the given source's format) against the catalogue.
/// `source` is `Fdroid`, `AwesomeSelfhosted` or `Publiccode`.
///
/// A whole input that cannot be read (missing, not the documented format) is an error located
/// at its file and line; one bad record among many is skipped with its reason.
pub fn import(
    source: EvidenceSource,
    input: &Path,
    snapshot: &Snapshot,
) -> Result<ImportReport, CheckError> {
    import_at(source, input, snapshot, Utc::now())
}

/// [`import`] as if run at `now`: the observation time, the day the notes say the data was
/// read, the twelve months of `maintained`, and the `added` date of proposed entries.
pub fn import_at(
    source: EvidenceSource,
    input: &Path,
    snapshot: &Snapshot,
    now: DateTime<Utc>,
) -> Result<ImportReport, CheckError> {
    let read = match source {
        EvidenceSource::Fdroid => fdroid::read(input, now)?,
        EvidenceSource::AwesomeSelfhosted => awesome_selfhosted::read(input, now)?,
        EvidenceSource::Publiccode => publiccode::read(input, now)?,
        EvidenceSource::Forge | EvidenceSource::Website | EvidenceSource::Apk => {
            return Err(CheckError::NotApplicable(format!(
                "`{}` is a check, not an importer: import reads fdroid, awesome-selfhosted or publiccode",
                source.id()
            )));
        }
    };
    Ok(matching::report(source, read, snapshot, now))
}

/// What a reader got out of its input: the records, and the records it could not read.
#[derive(Debug, Default)]
struct Read {
    records: Vec<record::Record>,
    skipped: Vec<Skipped>,
}

/// The input path as given, for messages.
fn shown(path: &Path) -> String {
    crate::util::escaped(&path.display().to_string()).to_string()
}

/// A file's name, for the report.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || shown(path),
        |n| crate::util::escaped(&n.to_string_lossy()).to_string(),
    )
}

/// Reads one file whole, refusing what is not a regular file or is larger than `limit`.
fn read_file(path: &Path, limit: u64) -> Result<String, CheckError> {
    let malformed = |reason: String| CheckError::Malformed {
        what: shown(path),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| malformed(io_reason(&e)))?;
    if !meta.is_file() {
        return Err(malformed("not a regular file".to_owned()));
    }
    if meta.len() > limit {
        return Err(malformed(format!(
            "{} bytes, over the limit of {limit} bytes",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| malformed(io_reason(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        malformed(format!(
            "not valid UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// The YAML files of a directory (`*.yml`, `*.yaml`), sorted, or the error saying why the
/// directory cannot be listed.
fn yaml_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, CheckError> {
    let entries = std::fs::read_dir(dir).map_err(|e| CheckError::Malformed {
        what: shown(dir),
        reason: io_reason(&e),
    })?;
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Parses a YAML text, locating a syntax error at `<file>:<line>`.
fn parse_yaml(text: &str, file: &str) -> Result<serde_yaml_ng::Value, CheckError> {
    serde_yaml_ng::from_str(text).map_err(|e| {
        let what = match e.location() {
            Some(l) => format!("{file}:{}", l.line()),
            None => file.to_owned(),
        };
        CheckError::Malformed {
            what,
            reason: format!("not valid YAML: {e}"),
        }
    })
}
