//! Loading a whole data directory: every file read, parsed, checked for structure and meaning,
//! in parallel; the valid part becomes the [`Catalogue`], every problem goes to the [`Report`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::Error;
use super::checks::{self, Context, FileCheck};
use super::diagnostic::{Diagnostic, Report, cap_per_file, codes};
use super::document::Document;
use super::schema::{FileKind, check_structure};
use super::source::{SourceText, check_file, read_text, symlink};
use crate::model::{Category, Criterion, Entry, Service, is_valid_slug};

/// The valid content of a data directory.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub root: PathBuf,
    pub criteria: BTreeMap<String, Criterion>,
    pub categories: BTreeMap<String, Category>,
    pub services: BTreeMap<String, Service>,
    /// Entries without errors, by slug.
    pub entries: BTreeMap<String, Entry>,
}

/// A catalogue and the report of everything wrong with its data directory.
#[derive(Debug)]
pub struct Loaded {
    pub catalogue: Catalogue,
    pub report: Report,
}

/// The sub-directories of a data directory, in loading order.
const DIRS: [(&str, FileKind); 4] = [
    ("categories", FileKind::Category),
    ("services", FileKind::Service),
    ("criteria", FileKind::Criterion),
    ("entries", FileKind::Entry),
];

/// Loads and checks a data directory, with today's date (UTC) as the latest valid date.
pub fn load(dir: &Path) -> Result<Loaded, Error> {
    // One day of slack so that a contributor east of UTC can write their own today.
    let latest = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    load_with_today(dir, latest)
}

/// Loads and checks a data directory; dates after `latest_date` are reported as future dates.
pub fn load_with_today(dir: &Path, latest_date: NaiveDate) -> Result<Loaded, Error> {
    let meta = std::fs::metadata(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::Missing(dir.to_owned()),
        _ => Error::Io {
            path: dir.to_owned(),
            source: e,
        },
    })?;
    if !meta.is_dir() {
        return Err(Error::NotADirectory(dir.to_owned()));
    }
    let mut report = Report::default();
    let mut listed: HashMap<&str, Vec<FileRef>> = HashMap::new();
    for (sub, _) in DIRS {
        listed.insert(sub, list_dir(dir, sub, &mut report)?);
    }
    let take = |listed: &mut HashMap<&str, Vec<FileRef>>, sub: &str| {
        listed.remove(sub).unwrap_or_default()
    };

    let categories = load_kind::<Category>(
        &take(&mut listed, "categories"),
        FileKind::Category,
        &mut report,
        checks::check_category,
    );
    let services = load_kind::<Service>(
        &take(&mut listed, "services"),
        FileKind::Service,
        &mut report,
        |f, s, stem| checks::check_service(f, s, stem, &categories),
    );
    let criteria = load_kind::<Criterion>(
        &take(&mut listed, "criteria"),
        FileKind::Criterion,
        &mut report,
        checks::check_criterion,
    );
    let ctx = Context {
        criteria: &criteria,
        categories: &categories,
        services: &services,
        latest_date,
    };
    let entry_files = take(&mut listed, "entries");
    let outcomes: Vec<Outcome<Entry>> = entry_files
        .par_iter()
        .map(|file| {
            process::<Entry>(file, FileKind::Entry, |f, e, stem| {
                checks::check_entry(f, e, stem, &ctx)
            })
        })
        .collect();
    let entries = cross_check_entries(outcomes, &mut report);
    report.files_checked += entry_files.len();
    report.sort();
    Ok(Loaded {
        catalogue: Catalogue {
            root: dir.to_owned(),
            criteria,
            categories,
            services,
            entries,
        },
        report,
    })
}

/// Checks one entry file's text against a loaded catalogue (for submissions made on the web
/// or through the API): the same checks as `validate`, for one file, from the checks of its
/// content before parsing ([`check_file`]: size, emptiness) on.
pub fn parse_entry_text(
    text: &str,
    file: &str,
    catalogue: &Catalogue,
    latest_date: NaiveDate,
) -> (Option<Entry>, Vec<Diagnostic>) {
    let ctx = Context {
        criteria: &catalogue.criteria,
        categories: &catalogue.categories,
        services: &catalogue.services,
        latest_date,
    };
    if let Err(d) = check_file(text.as_bytes(), file) {
        return (None, vec![*d]);
    }
    let stem = stem_of(file);
    let outcome = check_text::<Entry>(text, file, &stem, FileKind::Entry, |f, e, stem| {
        checks::check_entry(f, e, stem, &ctx)
    });
    let value = if outcome.diagnostics.iter().any(Diagnostic::is_error) {
        None
    } else {
        outcome.value
    };
    (value, outcome.diagnostics)
}

/// Reads an entry file's text as it was written, without the catalogue's checks (for the
/// history of an entry, whose past versions may not pass today's validation). `None` when it
/// is not TOML or not an entry.
pub fn read_entry_unchecked(text: &str) -> Option<Entry> {
    let doc = Document::parse(text).ok()?;
    serde_json::from_value(doc.to_json()).ok()
}

/// A file to load: its path and the path shown to people.
#[derive(Debug, Clone)]
struct FileRef {
    path: PathBuf,
    rel: String,
    stem: String,
}

fn stem_of(file: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".toml").unwrap_or(name).to_owned()
}

/// A file name as shown in diagnostics: control characters (and other unprintable ones)
/// escaped, so a name cannot forge lines or colours in a report.
fn shown_name(name: &str) -> String {
    name.escape_debug().to_string()
}

/// Lists the `*.toml` files of one sub-directory. Nothing in it is followed: a link (to a
/// file or to the sub-directory itself) is reported as [`codes::SYMLINK`].
fn list_dir(root: &Path, sub: &str, report: &mut Report) -> Result<Vec<FileRef>, Error> {
    let dir = root.join(sub);
    if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
        report.push(symlink(&format!("{sub}/")));
        return Ok(Vec::new());
    }
    let read = match std::fs::read_dir(&dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            report.push(
                Diagnostic::error(
                    codes::MISSING_DIRECTORY,
                    &format!("{sub}/"),
                    format!("the data directory has no `{sub}/` directory"),
                )
                .with_hint("a data directory holds entries/, criteria/, categories/ and services/"),
            );
            return Ok(Vec::new());
        }
        Err(e) => {
            return Err(Error::Io {
                path: dir,
                source: e,
            });
        }
    };
    let mut files = Vec::new();
    for item in read {
        let item = item.map_err(|e| Error::Io {
            path: dir.clone(),
            source: e,
        })?;
        let name = item.file_name().to_string_lossy().into_owned();
        let rel = format!("{sub}/{}", shown_name(&name));
        // The entry's own type: a link is not followed to find what it points to.
        let file_type = item.file_type().map_err(|e| Error::Io {
            path: item.path(),
            source: e,
        })?;
        if file_type.is_symlink() {
            report.push(symlink(&rel));
            continue;
        }
        if name.starts_with('.') || name.ends_with(".md") {
            continue;
        }
        let Some(stem) = name.strip_suffix(".toml") else {
            report.push(
                Diagnostic::warning(codes::IGNORED_FILE, &rel, "not a .toml file: ignored")
                    .with_hint(format!("only `<id>.toml` files are read in {sub}/")),
            );
            continue;
        };
        if !is_valid_slug(stem) {
            report.push(
                Diagnostic::error(
                    codes::INVALID_FILE_NAME,
                    &rel,
                    format!("`{}` is not a valid file name", shown_name(&name)),
                )
                .with_hint("file names are the id: lower-case ASCII letters and digits in words separated by single hyphens, e.g. `delta-chat.toml`"),
            );
            continue;
        }
        files.push(FileRef {
            path: item.path(),
            stem: stem.to_owned(),
            rel,
        });
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(files)
}

/// What loading one file gave.
struct Outcome<T> {
    value: Option<T>,
    diagnostics: Vec<Diagnostic>,
    /// For entries: diagnostics pre-placed on the slug and the name, for cross-file checks.
    slug_at: Option<Diagnostic>,
    name_at: Option<Diagnostic>,
}

fn process<T: DeserializeOwned>(
    file: &FileRef,
    kind: FileKind,
    check: impl Fn(&mut FileCheck<'_>, &T, &str),
) -> Outcome<T> {
    match read_text(&file.path, &file.rel) {
        Ok(text) => check_text(&text, &file.rel, &file.stem, kind, check),
        Err(d) => Outcome {
            value: None,
            diagnostics: vec![*d],
            slug_at: None,
            name_at: None,
        },
    }
}

/// Checks one file's text; at most [`MAX_PER_FILE`](super::diagnostic::MAX_PER_FILE)
/// problems are reported for it, then one that counts the rest.
fn check_text<T: DeserializeOwned>(
    text: &str,
    rel: &str,
    stem: &str,
    kind: FileKind,
    check: impl Fn(&mut FileCheck<'_>, &T, &str),
) -> Outcome<T> {
    let mut outcome = check_text_uncapped(text, rel, stem, kind, check);
    outcome.diagnostics = cap_per_file(std::mem::take(&mut outcome.diagnostics), rel);
    outcome
}

fn check_text_uncapped<T: DeserializeOwned>(
    text: &str,
    rel: &str,
    stem: &str,
    kind: FileKind,
    check: impl Fn(&mut FileCheck<'_>, &T, &str),
) -> Outcome<T> {
    let src = SourceText::new(text);
    let mut outcome = Outcome {
        value: None,
        diagnostics: Vec::new(),
        slug_at: None,
        name_at: None,
    };
    let doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(errors) => {
            outcome.diagnostics = errors
                .into_iter()
                .map(|e| {
                    // The TOML parser rejects impossible dates (2026-02-30) itself: report
                    // them as dates, with the date hint, not as a syntax error.
                    let on_date = e
                        .span
                        .clone()
                        .and_then(|span| text.get(span))
                        .is_some_and(looks_like_date);
                    let d = if on_date {
                        Diagnostic::error(codes::INVALID_DATE, rel, e.message)
                            .with_hint("write a calendar date as YYYY-MM-DD, e.g. 2026-11-22")
                    } else {
                        Diagnostic::error(codes::TOML_SYNTAX, rel, e.message)
                            .with_hint("see https://toml.io/en/v1.0.0 for the TOML syntax")
                    };
                    match e.span {
                        Some(span) => d.at(&src, span),
                        None => d,
                    }
                })
                .collect();
            return outcome;
        }
    };
    let json = doc.to_json();
    let structural = check_structure(kind, &json, &doc, &src, rel);
    if !structural.is_empty() {
        outcome.diagnostics = structural;
        return outcome;
    }
    let value: T = match serde_json::from_value(json) {
        Ok(v) => v,
        Err(e) => {
            // The schema is derived from the same types, so this is rare: report it plainly.
            outcome.diagnostics.push(
                Diagnostic::error(
                    codes::INVALID_VALUE,
                    rel,
                    format!("cannot read the file: {e}"),
                )
                .at(&src, 0..0),
            );
            return outcome;
        }
    };
    let mut f = FileCheck {
        file: rel,
        doc: &doc,
        src: &src,
        out: Vec::new(),
    };
    check(&mut f, &value, stem);
    if kind == FileKind::Entry {
        outcome.slug_at = Some(
            Diagnostic::error(codes::DUPLICATE_SLUG, rel, "").at(&src, doc.value_span("/slug")),
        );
        outcome.name_at = Some(
            Diagnostic::error(codes::DUPLICATE_NAME, rel, "").at(&src, doc.value_span("/name")),
        );
    }
    outcome.diagnostics = f.out;
    outcome.value = Some(value);
    outcome
}

/// Whether a token starts like a TOML date (`2026-02-30`, `2026-02-30T10:00:00`).
fn looks_like_date(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

fn load_kind<T: DeserializeOwned + Send + HasId>(
    files: &[FileRef],
    kind: FileKind,
    report: &mut Report,
    check: impl Fn(&mut FileCheck<'_>, &T, &str) + Sync,
) -> BTreeMap<String, T> {
    let outcomes: Vec<Outcome<T>> = files.par_iter().map(|f| process(f, kind, &check)).collect();
    report.files_checked += files.len();
    let mut map = BTreeMap::new();
    for o in outcomes {
        let has_error = o.diagnostics.iter().any(Diagnostic::is_error);
        report.diagnostics.extend(o.diagnostics);
        if let (false, Some(v)) = (has_error, o.value) {
            map.insert(v.id().to_owned(), v);
        }
    }
    map
}

trait HasId {
    fn id(&self) -> &str;
}
impl HasId for Category {
    fn id(&self) -> &str {
        &self.id
    }
}
impl HasId for Service {
    fn id(&self) -> &str {
        &self.id
    }
}
impl HasId for Criterion {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Entry names are unique compared this way: trimmed, without case.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Slugs and names must be unique across entries (names compared without case).
fn cross_check_entries(
    mut outcomes: Vec<Outcome<Entry>>,
    report: &mut Report,
) -> BTreeMap<String, Entry> {
    // A slug owns the file named after it: register those first, so that a slug copied into
    // another file is reported on the copy, and the right entry stays in the catalogue.
    outcomes.sort_by_key(|o| {
        let owns_slug = o
            .value
            .as_ref()
            .zip(o.slug_at.as_ref())
            .is_some_and(|(entry, at)| stem_of(&at.file) == entry.slug);
        !owns_slug
    });
    let mut by_slug: HashMap<String, String> = HashMap::new();
    let mut by_name: HashMap<String, String> = HashMap::new();
    let mut entries = BTreeMap::new();
    for o in outcomes {
        let mut has_error = o.diagnostics.iter().any(Diagnostic::is_error);
        report.diagnostics.extend(o.diagnostics);
        let Some(entry) = o.value else { continue };
        let file = o
            .slug_at
            .as_ref()
            .map(|d| d.file.clone())
            .unwrap_or_default();
        if let Some(first) = by_slug.get(&entry.slug) {
            if let Some(mut d) = o.slug_at {
                d.message = format!("slug `{}` is already used by {first}", entry.slug);
                report.push(d.with_hint("every entry needs its own slug"));
            }
            has_error = true;
        } else {
            by_slug.insert(entry.slug.clone(), file.clone());
        }
        let key = name_key(&entry.name);
        if let Some(first) = by_name.get(&key) {
            if let Some(mut d) = o.name_at {
                d.message = format!("name `{}` is already used by {first}", entry.name);
                report.push(d.with_hint("if this is the same software, edit the existing entry; if not, make the name distinct (e.g. add what it is)"));
            }
            has_error = true;
        } else {
            by_name.insert(key, file);
        }
        if !has_error {
            entries.insert(entry.slug.clone(), entry);
        }
    }
    entries
}
