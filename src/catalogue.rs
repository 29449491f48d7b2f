//! The catalogue as served: the current [`Snapshot`] of the data directory (valid entries and
//! their grades) with the search index that holds it, and the one way to reload both after the
//! data repository changed ([`Live::reload`], through [`crate::search::sync`]).
//!
//! It reads the data and writes the index; it knows nothing of HTTP, the database or the
//! review workflow (which calls [`Live::reload`] after a merge).

pub mod history;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use history::EntryChange;

use crate::data::{Catalogue, Report};
use crate::model::{Entry, Grade, GradeBreakdown, Platform, grade_entry};
use crate::search::SearchIndex;
use crate::search::sync::IndexOutcome;

/// The catalogue as served: valid entries, their grades, and where they came from.
#[derive(Debug)]
pub struct Snapshot {
    pub catalogue: Catalogue,
    pub grades: BTreeMap<String, GradeBreakdown>,
    /// Content fingerprint of the valid catalogue (what the index records).
    pub fingerprint: String,
    /// The git commit the data was read from, when the data directory is in git.
    pub data_commit: Option<String>,
    /// Entry files left out because of errors.
    pub invalid_entries: usize,
    pub errors: usize,
}

impl Snapshot {
    pub fn new(catalogue: Catalogue, report: &Report, data_commit: Option<String>) -> Snapshot {
        let grades = catalogue
            .entries
            .iter()
            .map(|(slug, e)| (slug.clone(), grade_entry(e, &catalogue.criteria)))
            .collect();
        let invalid_entries = {
            let mut files: Vec<&str> = report
                .diagnostics
                .iter()
                .filter(|d| d.is_error() && d.file.starts_with("entries/"))
                .map(|d| d.file.as_str())
                .collect();
            files.dedup();
            files.len()
        };
        Snapshot {
            fingerprint: catalogue.fingerprint(),
            grades,
            catalogue,
            data_commit,
            invalid_entries,
            errors: report.errors(),
        }
    }

    /// The entries that replace `service` (on `platform`, when one is given), best first: the
    /// grade's letter, then an established grade before a provisional one, then the score,
    /// then the name. The one ranking of alternatives, for the API and the pages.
    pub fn alternatives(&self, service: &str, platform: Option<Platform>) -> Vec<&Entry> {
        let mut entries: Vec<&Entry> = self
            .catalogue
            .entries
            .values()
            .filter(|e| e.replaces.iter().any(|r| r == service))
            .filter(|e| platform.is_none_or(|p| e.platforms.contains(&p)))
            .collect();
        let key = |e: &Entry| {
            self.grades
                .get(&e.slug)
                .map_or((Grade::E, true, 0.0), |g| (g.grade, g.provisional, g.score))
        };
        entries.sort_by(|a, b| {
            let (ga, pa, sa) = key(a);
            let (gb, pb, sb) = key(b);
            ga.cmp(&gb)
                .then(pa.cmp(&pb))
                .then(sb.total_cmp(&sa))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        entries
    }

    /// Loads a data directory, logging the files skipped. Blocking.
    pub fn load(dir: &Path) -> Result<Snapshot, CatalogueError> {
        let loaded = crate::data::load(dir)?;
        for d in loaded.report.diagnostics.iter().filter(|d| d.is_error()) {
            let line = d.location.as_ref().map_or(0, |l| l.line);
            tracing::warn!(file = %d.file, line, code = d.code, message = %d.message, "data problem: file skipped");
        }
        let data_commit = crate::git::data_commit(dir);
        Ok(Snapshot::new(loaded.catalogue, &loaded.report, data_commit))
    }
}

/// Why the catalogue could not be (re)loaded. Always ours: the data directory or the index.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error(transparent)]
    Data(#[from] crate::data::Error),
    #[error("search index: {0}")]
    Index(#[from] crate::search::SearchError),
    #[error("reload task failed: {0}")]
    Task(String),
    #[error(transparent)]
    Git(#[from] crate::git::GitError),
}

impl crate::error::Classify for CatalogueError {
    fn kind(&self) -> crate::error::ErrorKind {
        crate::error::ErrorKind::Internal
    }
}

/// The served catalogue and its index, swapped together on reload.
#[derive(Debug)]
pub struct Live {
    snapshot: RwLock<Arc<Snapshot>>,
    index: SearchIndex,
    /// Where the catalogue is read from (the data repository's working tree when there is one).
    data_dir: PathBuf,
    /// Serialises reloads.
    reload: tokio::sync::Mutex<()>,
    /// Histories computed, keyed by the data commit they were read at and what they are of
    /// (`entry:<slug>`, `all`): computed once per commit, filled lazily, emptied when it
    /// holds [`HISTORY_CACHE_LEN`] of them.
    histories: Mutex<HashMap<HistoryKey, Arc<Vec<EntryChange>>>>,
}

/// `(data commit, what the history is of)`.
type HistoryKey = (String, String);

/// How many histories [`Live`] keeps computed.
pub const HISTORY_CACHE_LEN: usize = 512;
/// How many changes of one entry a history carries at most.
pub const HISTORY_MAX: usize = 1_000;
/// How many commits the site's changes are read from, and how many changes they keep.
pub const RECENT_COMMITS: usize = 500;
pub const RECENT_MAX: usize = 500;

impl Live {
    pub fn new(snapshot: Snapshot, index: SearchIndex, data_dir: PathBuf) -> Live {
        Live {
            snapshot: RwLock::new(Arc::new(snapshot)),
            index,
            data_dir,
            reload: tokio::sync::Mutex::new(()),
            histories: Mutex::new(HashMap::new()),
        }
    }

    /// The changes made to entry `slug` by the data repository's commits, newest first
    /// (empty when the data is not in git). Computed on a blocking thread, once per data
    /// commit.
    pub async fn entry_history(
        self: &Arc<Self>,
        slug: &str,
    ) -> Result<Arc<Vec<EntryChange>>, CatalogueError> {
        let live = Arc::clone(self);
        let slug = slug.to_owned();
        tokio::task::spawn_blocking(move || live.history_blocking(Some(&slug)))
            .await
            .map_err(|e| CatalogueError::Task(e.to_string()))?
    }

    /// The changes made to any entry by the newest commits, newest first (at most
    /// [`RECENT_MAX`], from the last [`RECENT_COMMITS`] commits). Blocking work on a blocking
    /// thread, once per data commit.
    pub async fn recent_changes(self: &Arc<Self>) -> Result<Arc<Vec<EntryChange>>, CatalogueError> {
        let live = Arc::clone(self);
        tokio::task::spawn_blocking(move || live.history_blocking(None))
            .await
            .map_err(|e| CatalogueError::Task(e.to_string()))?
    }

    /// The raw diff of `entries/<slug>.toml` made by `commit`, when `commit` is one of the
    /// entry's history (`None` otherwise): the raw change one click from its summary.
    pub async fn entry_diff(
        self: &Arc<Self>,
        slug: &str,
        commit: &str,
    ) -> Result<Option<String>, CatalogueError> {
        let history = self.entry_history(slug).await?;
        if !history.iter().any(|c| c.commit == commit) {
            return Ok(None);
        }
        let dir = self.data_dir.clone();
        let path = format!("entries/{slug}.toml");
        let commit = commit.to_owned();
        tokio::task::spawn_blocking(move || {
            crate::git::history::commit_diff(&dir, &commit, &path).map(Some)
        })
        .await
        .map_err(|e| CatalogueError::Task(e.to_string()))?
        .map_err(CatalogueError::from)
    }

    /// The history of one entry (`Some(slug)`) or of all (`None`). Blocking.
    pub fn history_blocking(
        &self,
        slug: Option<&str>,
    ) -> Result<Arc<Vec<EntryChange>>, CatalogueError> {
        let snapshot = self.snapshot();
        // The snapshot's commit (read at each reload), not a new look at the repository.
        let at = snapshot.data_commit.clone().unwrap_or_default();
        let key = (
            at,
            slug.map_or_else(|| "all".to_owned(), |s| format!("entry:{s}")),
        );
        let cache = || {
            self.histories
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(found) = cache().get(&key) {
            return Ok(Arc::clone(found));
        }
        let changes = match slug {
            Some(slug) => crate::git::history::file_history(
                &self.data_dir,
                &format!("entries/{slug}.toml"),
                HISTORY_MAX,
            )?,
            None => crate::git::history::changes_under(
                &self.data_dir,
                "entries/",
                RECENT_COMMITS,
                RECENT_MAX,
            )?,
        };
        let computed: Arc<Vec<EntryChange>> = Arc::new(
            changes
                .iter()
                .filter_map(|c| EntryChange::from_file_change(c, &snapshot))
                .collect(),
        );
        let mut cache = cache();
        if cache.len() >= HISTORY_CACHE_LEN {
            cache.clear();
        }
        cache.insert(key, Arc::clone(&computed));
        Ok(computed)
    }

    /// The current snapshot (cheap: an `Arc` clone).
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Reads the catalogue again (after an approval or an expiry merged into the data
    /// repository), brings the index in step and swaps the snapshot: the change is searchable
    /// when this returns.
    pub async fn reload(self: &Arc<Self>) -> Result<IndexOutcome, CatalogueError> {
        let _one_at_a_time = self.reload.lock().await;
        let live = Arc::clone(self);
        tokio::task::spawn_blocking(move || live.reload_blocking())
            .await
            .map_err(|e| CatalogueError::Task(e.to_string()))?
    }

    fn reload_blocking(&self) -> Result<IndexOutcome, CatalogueError> {
        let snapshot = Snapshot::load(&self.data_dir)?;
        let outcome = crate::search::sync::sync(&self.index, &snapshot.catalogue, &|_, _| {})?;
        tracing::info!(
            %outcome,
            data_commit = snapshot.data_commit.as_deref().unwrap_or("none"),
            "catalogue reloaded"
        );
        let mut guard = match self.snapshot.write() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        *guard = Arc::new(snapshot);
        Ok(outcome)
    }
}
