//! Shared fixtures for the integration tests: a data tree in a temporary directory built
//! from a few real files of `registry-data/`, an [`EntryBuilder`] that writes a valid entry
//! and breaks exactly one thing on request, and assertions on validation reports.
//!
//! Tests describe the one thing they change (`.set("license", "\"Proprietary\"")`) instead
//! of copying TOML blobs, so a change of the format touches this file, not every test.

#![allow(
    dead_code,
    reason = "each test binary uses its own part of these helpers"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use floss_registry::data::{self, Diagnostic, Loaded, Report};

/// The seed catalogue shipped with the code.
pub fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-data")
}

/// The day the fixtures are validated on: dates after it are "in the future".
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// The date the builder writes everywhere (the day before [`today`]).
pub const DATE: &str = "2026-11-22";

/// Criteria copied by [`DataTree::seed_subset`]: every applicability the format knows
/// (all kinds, desktop/mobile/cli only, web/server only), with and without required evidence.
const CRITERIA: [&str; 6] = [
    "licence",
    "source-available",
    "e2ee",
    "local-first",
    "protective-defaults",
    "analytics",
];
const CATEGORIES: [&str; 3] = ["messaging", "notes", "file-sync"];
const SERVICES: [&str; 3] = ["whatsapp", "telegram", "google-drive"];

/// What the builder needs to know of a criterion to assess it.
#[derive(Debug, Clone)]
pub struct CriterionInfo {
    pub id: String,
    pub applies_to: Vec<String>,
}

impl CriterionInfo {
    fn applies_to_any(&self, kinds: &[&str]) -> bool {
        self.applies_to
            .iter()
            .any(|a| a == "all" || kinds.contains(&a.as_str()))
    }
}

/// A data directory in a temporary directory, deleted on drop.
#[derive(Debug)]
pub struct DataTree {
    dir: tempfile::TempDir,
    criteria: Vec<CriterionInfo>,
}

impl DataTree {
    /// A tree with the four sub-directories and nothing in them.
    pub fn empty() -> Self {
        let dir = tempfile::tempdir().expect("create a temporary directory");
        for sub in ["entries", "criteria", "categories", "services"] {
            std::fs::create_dir(dir.path().join(sub)).expect("create a data sub-directory");
        }
        DataTree {
            dir,
            criteria: Vec::new(),
        }
    }

    /// A tree with a few real criteria, categories and services from `registry-data/`, and
    /// no entries.
    pub fn seed_subset() -> Self {
        let mut tree = DataTree::empty();
        let seed = seed_dir();
        for (sub, ids) in [
            ("criteria", &CRITERIA[..]),
            ("categories", &CATEGORIES[..]),
            ("services", &SERVICES[..]),
        ] {
            for id in ids {
                let rel = format!("{sub}/{id}.toml");
                std::fs::copy(seed.join(&rel), tree.path().join(&rel))
                    .unwrap_or_else(|e| panic!("copy {rel} from registry-data: {e}"));
            }
        }
        tree.criteria = CRITERIA.iter().map(|id| tree.criterion_info(id)).collect();
        tree
    }

    fn criterion_info(&self, id: &str) -> CriterionInfo {
        let text = std::fs::read_to_string(self.path().join(format!("criteria/{id}.toml")))
            .expect("read a copied criterion");
        let table: toml::Table = toml::from_str(&text).expect("a seed criterion is valid TOML");
        let applies_to = table
            .get("applies_to")
            .and_then(toml::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        CriterionInfo {
            id: id.to_owned(),
            applies_to,
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A valid entry for this tree's criteria, to be changed and written.
    pub fn entry(&self, slug: &str) -> EntryBuilder {
        EntryBuilder::new(slug, &self.criteria)
    }

    /// Writes a file (any bytes) at a path relative to the tree.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent directory");
        }
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        self
    }

    /// Writes an entry as `entries/<slug>.toml` and returns its text.
    pub fn add(&self, entry: &EntryBuilder) -> String {
        self.add_as(&entry.slug, entry)
    }

    /// Writes an entry as `entries/<stem>.toml`, whatever its slug, and returns its text.
    pub fn add_as(&self, stem: &str, entry: &EntryBuilder) -> String {
        let text = entry.toml();
        self.write(&format!("entries/{stem}.toml"), &text);
        text
    }

    pub fn remove_dir(&self, sub: &str) -> &Self {
        std::fs::remove_dir_all(self.path().join(sub)).expect("remove a data sub-directory");
        self
    }

    /// Loads the tree as `validate` does, on the fixed day [`today`].
    pub fn load(&self) -> Loaded {
        data::load_with_today(self.path(), today()).expect("the data directory is readable")
    }

    pub fn validate(&self) -> Report {
        self.load().report
    }
}

/// One `[table]` of the entry (the top level has the empty name) and its `key = value` lines.
#[derive(Debug, Clone)]
struct Section {
    name: String,
    keys: Vec<(String, String)>,
}

/// Writes a valid entry file, and changes it one key at a time.
///
/// Values are raw TOML (`"\"text\""`, `"true"`, `"[\"a\"]"`, `"2026-01-01"`) so a test can
/// write anything, including values of the wrong type. Paths are dotted:
/// `license`, `summary.fr`, `assessment.e2ee.status`, `review.status`.
#[derive(Debug, Clone)]
pub struct EntryBuilder {
    slug: String,
    criteria: Vec<CriterionInfo>,
    sections: Vec<Section>,
    tail: String,
}

impl EntryBuilder {
    /// A desktop application that assesses every applicable criterion: the licence as met
    /// (with evidence and date), the others as unknown.
    pub fn new(slug: &str, criteria: &[CriterionInfo]) -> Self {
        let name = slug
            .split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let q = |s: &str| toml_string(s);
        let root = vec![
            ("slug", q(slug)),
            ("name", q(&name)),
            ("kinds", "[\"desktop\"]".to_owned()),
            ("homepage", q(&format!("https://{slug}.example.org"))),
            ("repository", q(&format!("https://code.example.org/{slug}"))),
            ("license", q("GPL-3.0-or-later")),
            ("categories", "[\"messaging\"]".to_owned()),
            ("platforms", "[\"linux\", \"windows\"]".to_owned()),
            ("replaces", "[\"whatsapp\"]".to_owned()),
            ("self_hostable", "false".to_owned()),
            ("added", DATE.to_owned()),
        ];
        let mut builder = EntryBuilder {
            slug: slug.to_owned(),
            criteria: criteria.to_vec(),
            sections: vec![Section {
                name: String::new(),
                keys: root.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            }],
            tail: String::new(),
        };
        builder = builder
            .set(
                "summary.fr",
                &q(&format!("{name}, une messagerie chiffrée de démonstration.")),
            )
            .set(
                "summary.en",
                &q(&format!("{name}, an encrypted messenger for the tests.")),
            )
            .set(
                "description.fr",
                &q("Une **application** de démonstration, avec du *Markdown* et un [lien](https://example.org)."),
            )
            .set(
                "description.en",
                &q("A demonstration **app**, with *Markdown* and a [link](https://example.org)."),
            );
        builder = builder.assess_applicable(&["desktop"]);
        builder.set("review.status", "\"community\"")
    }

    /// Changes the kinds of software, and assesses the criteria that apply to them instead.
    pub fn kinds(mut self, kinds: &[&str]) -> Self {
        let list = kinds
            .iter()
            .map(|k| toml_string(k))
            .collect::<Vec<_>>()
            .join(", ");
        self = self.set("kinds", &format!("[{list}]"));
        let review = self.sections.iter().position(|s| s.name == "review");
        let review = review.map(|i| self.sections.remove(i));
        self.sections.retain(|s| !s.name.starts_with("assessment."));
        self = self.assess_applicable(kinds);
        self.sections.extend(review);
        self
    }

    fn assess_applicable(mut self, kinds: &[&str]) -> Self {
        let applicable: Vec<String> = self
            .criteria
            .iter()
            .filter(|c| c.applies_to_any(kinds))
            .map(|c| c.id.clone())
            .collect();
        for id in applicable {
            if id == "licence" {
                let evidence = format!("https://code.example.org/{}/LICENSE", self.slug);
                self = self
                    .set("assessment.licence.status", "\"met\"")
                    .set(
                        "assessment.licence.evidence",
                        &format!("[{}]", toml_string(&evidence)),
                    )
                    .set("assessment.licence.assessed", DATE);
            } else {
                self = self.set(&format!("assessment.{id}.status"), "\"unknown\"");
            }
        }
        self
    }

    /// Sets a key to a raw TOML value, in the table named by the path's longest existing
    /// prefix, or in a new table named by everything before the last dot.
    pub fn set(mut self, path: &str, raw_value: &str) -> Self {
        let (section, key) = self.split(path);
        let index = match self.sections.iter().position(|s| s.name == section) {
            Some(i) => i,
            None => {
                self.sections.push(Section {
                    name: section.clone(),
                    keys: Vec::new(),
                });
                self.sections.len() - 1
            }
        };
        let keys = &mut self.sections[index].keys;
        match keys.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = raw_value.to_owned(),
            None => keys.push((key, raw_value.to_owned())),
        }
        self
    }

    /// Sets a key to a text, quoted as a TOML string.
    pub fn set_text(self, path: &str, text: &str) -> Self {
        self.set(path, &toml_string(text))
    }

    /// Removes a key, or a whole table when the path names one (`summary`, `assessment.e2ee`).
    pub fn remove(mut self, path: &str) -> Self {
        if let Some(i) = self.sections.iter().position(|s| s.name == path) {
            self.sections.remove(i);
            return self;
        }
        let (section, key) = self.split(path);
        let found = self
            .sections
            .iter_mut()
            .find(|s| s.name == section)
            .and_then(|s| {
                let before = s.keys.len();
                s.keys.retain(|(k, _)| *k != key);
                (s.keys.len() < before).then_some(())
            });
        assert!(found.is_some(), "the entry has no `{path}` to remove");
        self
    }

    /// Appends raw text at the end of the file.
    pub fn raw(mut self, text: &str) -> Self {
        self.tail.push_str(text);
        self
    }

    fn split(&self, path: &str) -> (String, String) {
        let existing = self
            .sections
            .iter()
            .filter(|s| !s.name.is_empty() && path.starts_with(&format!("{}.", s.name)))
            .max_by_key(|s| s.name.len());
        match existing {
            Some(s) => (s.name.clone(), path[s.name.len() + 1..].to_owned()),
            None => match path.rsplit_once('.') {
                Some((section, key)) => (section.to_owned(), key.to_owned()),
                None => (String::new(), path.to_owned()),
            },
        }
    }

    pub fn slug(&self) -> &str {
        &self.slug
    }

    /// The file's text.
    pub fn toml(&self) -> String {
        let mut out = String::new();
        for section in &self.sections {
            if !section.name.is_empty() {
                let _ = write!(out, "\n[{}]\n", section.name);
            }
            for (k, v) in &section.keys {
                let _ = writeln!(out, "{k} = {v}");
            }
        }
        out.push_str(&self.tail);
        out
    }
}

/// A TOML basic string (JSON string syntax is a subset of it).
pub fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// One-based line and column (in characters) of the first occurrence of `needle`.
pub fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not in:\n{text}"));
    position_at(text, offset)
}

/// One-based line and column (in characters) of the last occurrence of `needle`.
pub fn position_of_last(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .rfind(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not in:\n{text}"));
    position_at(text, offset)
}

/// One-based line and column of the first `needle` after the first `after` (e.g. a value
/// inside a given `[table]`).
pub fn position_after(text: &str, after: &str, needle: &str) -> (usize, usize) {
    let start = text
        .find(after)
        .unwrap_or_else(|| panic!("`{after}` is not in:\n{text}"));
    let offset = text[start..]
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not after `{after}` in:\n{text}"));
    position_at(text, start + offset)
}

fn position_at(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// Assertions on a validation report that print the whole report when they fail.
pub trait ReportExt {
    /// The codes of every diagnostic, sorted.
    fn codes(&self) -> Vec<&'static str>;
    /// The codes of the errors, sorted.
    fn error_codes(&self) -> Vec<&'static str>;
    /// The one diagnostic with this code; fails when there are none or several.
    fn single(&self, code: &str) -> &Diagnostic;
    fn with_code(&self, code: &str) -> Vec<&Diagnostic>;
    /// The report as people read it, to explain a failed assertion.
    fn explain(&self) -> String;
}

impl ReportExt for Report {
    fn codes(&self) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = self.diagnostics.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        codes
    }

    fn error_codes(&self) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = self
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.code)
            .collect();
        codes.sort_unstable();
        codes
    }

    fn single(&self, code: &str) -> &Diagnostic {
        let found = self.with_code(code);
        assert_eq!(
            found.len(),
            1,
            "expected exactly one `{code}` diagnostic, got {}:\n{}",
            found.len(),
            self.explain()
        );
        found[0]
    }

    fn with_code(&self, code: &str) -> Vec<&Diagnostic> {
        self.diagnostics.iter().filter(|d| d.code == code).collect()
    }

    fn explain(&self) -> String {
        self.render_human(false)
    }
}

/// Line and column where a diagnostic starts; fails when it has no location.
pub fn at(d: &Diagnostic) -> (usize, usize) {
    let loc = d
        .location
        .as_ref()
        .unwrap_or_else(|| panic!("diagnostic has no location: {d:?}"));
    (loc.line, loc.column)
}

/// A TOML document as the JSON an editor validates against `floss-registry schema`:
/// dates become their `YYYY-MM-DD` strings, as the validator reads them.
pub fn toml_to_json(value: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

/// Copies a directory tree (the seed catalogue into a test's own data directory).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("inside");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A fresh PostgreSQL database named `<prefix>_<pid>_<n>` when `DATABASE_URL` names a server
/// (dropped with the server cluster at the end of scripts/test), else `None` (SQLite in the
/// test's state directory).
pub async fn postgres_database(prefix: &str) -> Option<String> {
    use sea_orm::ConnectionTrait as _;
    let admin = std::env::var("DATABASE_URL").ok()?;
    if !admin.starts_with("postgres") {
        return None;
    }
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let name = format!(
        "{prefix}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let conn = sea_orm::Database::connect(admin.as_str())
        .await
        .expect("connect to the PostgreSQL admin URL");
    conn.execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE template0"))
        .await
        .expect("create a test database");
    let mut url = url::Url::parse(&admin).expect("admin URL");
    url.set_path(&format!("/{name}"));
    Some(url.to_string())
}

pub mod github;
pub mod oidc;
