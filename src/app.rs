//! The running registry: configuration, the current catalogue snapshot, the search index,
//! the workflow database, the data repository and the login providers, shared by every
//! request as `State<Arc<App>>`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use sea_orm::DatabaseConnection;

use crate::auth::Providers;
use crate::config::Config;
use crate::data::{Catalogue, Report};
use crate::db::DbError;
use crate::git::DataRepo;
use crate::indexing::{IndexOutcome, sync_index};
use crate::model::{GradeBreakdown, grade_entry};
use crate::search::SearchIndex;

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
}

/// Loads a data directory into a snapshot, logging the files skipped. Blocking.
fn load_snapshot(dir: &std::path::Path) -> Result<Snapshot, StartError> {
    let loaded = crate::data::load(dir)?;
    for d in loaded.report.diagnostics.iter().filter(|d| d.is_error()) {
        let line = d.location.as_ref().map_or(0, |l| l.line);
        tracing::warn!(file = %d.file, line, code = d.code, message = %d.message, "data problem: file skipped");
    }
    let data_commit = crate::git::data_commit(dir);
    Ok(Snapshot::new(loaded.catalogue, &loaded.report, data_commit))
}

/// Everything a request handler may need.
#[derive(Debug)]
pub struct App {
    pub config: Config,
    snapshot: RwLock<Arc<Snapshot>>,
    pub index: SearchIndex,
    pub metrics: crate::http::metrics::Metrics,
    pub started: std::time::Instant,
    /// Workflow state; absent in read-only assemblies ([`App::from_parts`]), where workflow
    /// routes answer 503 and reading goes on. Reached through [`App::db`].
    db: Option<DatabaseConnection>,
    /// The data repository submissions and approvals write to; `None` when git could not be
    /// opened (writing then keeps submissions as `pending-git`). Blocking, and serialising its
    /// own writes: call it through `workflow::with_repo`.
    pub repo: Option<Arc<DataRepo>>,
    /// Where the catalogue is read from (the repository's working tree when there is one).
    pub data_dir: PathBuf,
    pub providers: Providers,
    /// Where submissions' pull requests live ([`crate::workflow::forge::Local`] by default).
    pub pull_requests: Arc<dyn crate::workflow::forge::PullRequests>,
    /// Serialises reloads of the catalogue after approvals.
    reload: tokio::sync::Mutex<()>,
}

/// Why the registry could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Data(#[from] crate::data::Error),
    #[error("search index: {0}")]
    Index(#[from] crate::search::SearchError),
    #[error("database: {0}")]
    Db(#[from] crate::db::DbError),
    #[error("login: {0}")]
    Auth(#[from] crate::auth::AuthError),
    #[error("start-up task failed: {0}")]
    Task(String),
}

impl App {
    /// Connects to the database and applies pending migrations, opens (or imports) the data
    /// repository, loads the data, syncs the index, and logs what was skipped.
    pub async fn start(config: Config) -> Result<App, StartError> {
        let db = crate::db::connect(&config.database_url).await?;
        let applied = crate::db::migrate_up(&db).await?;
        if !applied.is_empty() {
            tracing::info!(migrations = ?applied, "database migrated");
        }
        let cfg = config.clone();
        let (repo, data_dir, snapshot, index) =
            tokio::task::spawn_blocking(move || App::load_blocking(&cfg))
                .await
                .map_err(|e| StartError::Task(e.to_string()))??;
        let mut app = App::from_parts(config, snapshot, index).with_db(db);
        app.repo = repo.map(Arc::new);
        app.data_dir = data_dir;
        Ok(app)
    }

    #[allow(clippy::type_complexity)]
    fn load_blocking(
        config: &Config,
    ) -> Result<(Option<DataRepo>, PathBuf, Snapshot, SearchIndex), StartError> {
        let repo = match DataRepo::open_or_import(&config.data_dir, &config.state_dir) {
            Ok(repo) => Some(repo),
            Err(e) => {
                tracing::error!(error = %e, "data repository unavailable: serving the data directory read-only; submissions wait as pending-git");
                None
            }
        };
        let data_dir = repo
            .as_ref()
            .map_or_else(|| config.data_dir.clone(), |r| r.workdir().to_path_buf());
        let snapshot = load_snapshot(&data_dir)?;
        let (index, outcome) =
            sync_index(&config.index_dir(), &snapshot.catalogue, false, &|_, _| {})?;
        match &outcome {
            IndexOutcome::Reused => tracing::info!("search index is current"),
            other => tracing::info!(outcome = %other, "search index synced"),
        }
        tracing::info!(
            entries = snapshot.catalogue.entries.len(),
            invalid_entries = snapshot.invalid_entries,
            fingerprint = %snapshot.fingerprint,
            data_commit = snapshot.data_commit.as_deref().unwrap_or("none"),
            "catalogue loaded"
        );
        Ok((repo, data_dir, snapshot, index))
    }

    /// Reads the catalogue again (after an approval or an expiry merged into the data
    /// repository), updates the index incrementally and swaps the snapshot: the change is
    /// searchable when this returns.
    pub async fn reload(self: &Arc<Self>) -> Result<(), StartError> {
        let _one_at_a_time = self.reload.lock().await;
        let app = Arc::clone(self);
        tokio::task::spawn_blocking(move || app.reload_blocking())
            .await
            .map_err(|e| StartError::Task(e.to_string()))?
    }

    fn reload_blocking(&self) -> Result<(), StartError> {
        let snapshot = load_snapshot(&self.data_dir)?;
        let old = self.snapshot();
        let changed: Vec<&crate::model::Entry> = snapshot
            .catalogue
            .entries
            .iter()
            .filter(|(slug, e)| old.catalogue.entries.get(*slug) != Some(*e))
            .map(|(_, e)| e)
            .collect();
        let removed: Vec<&str> = old
            .catalogue
            .entries
            .keys()
            .filter(|slug| !snapshot.catalogue.entries.contains_key(*slug))
            .map(String::as_str)
            .collect();
        let manifest = crate::indexing::Manifest::of(&snapshot.catalogue);
        let fingerprint = &manifest.fingerprint;
        if old.catalogue.taxonomy_hash() == manifest.taxonomy {
            self.index
                .update(&snapshot.catalogue, &changed, &removed, fingerprint)?;
        } else {
            // Renamed services or categories show in every entry that names them.
            let all: Vec<&crate::model::Entry> = snapshot.catalogue.entries.values().collect();
            self.index
                .update(&snapshot.catalogue, &all, &removed, fingerprint)?;
        }
        if let Some(dir) = self.index.dir() {
            manifest.write(dir)?;
        }
        self.metrics
            .set_catalogue(snapshot.catalogue.entries.len(), self.index.generation());
        tracing::info!(
            changed = changed.len(),
            removed = removed.len(),
            data_commit = snapshot.data_commit.as_deref().unwrap_or("none"),
            "catalogue reloaded"
        );
        let mut guard = match self.snapshot.write() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        *guard = Arc::new(snapshot);
        Ok(())
    }

    /// Assembles a read-only app from parts already built (tests, benchmarks): no database
    /// (workflow routes answer 503), no data repository.
    pub fn from_parts(config: Config, snapshot: Snapshot, index: SearchIndex) -> App {
        let metrics = crate::http::metrics::Metrics::default();
        metrics.set_catalogue(snapshot.catalogue.entries.len(), index.generation());
        let providers = Providers::new(config.auth.clone(), &config.public_url);
        let public_url = config.public_url.clone();
        App {
            data_dir: config.data_dir.clone(),
            config,
            snapshot: RwLock::new(Arc::new(snapshot)),
            index,
            metrics,
            started: std::time::Instant::now(),
            db: None,
            repo: None,
            providers,
            pull_requests: Arc::new(crate::workflow::forge::Local {
                public_url: public_url.clone(),
            }),
            reload: tokio::sync::Mutex::new(()),
        }
    }

    /// The same app with a workflow database (tests assemble one over a database of their own).
    pub fn with_db(mut self, db: DatabaseConnection) -> App {
        self.db = Some(db);
        self
    }

    /// The same app with another home for pull requests (a forge adapter; tests).
    pub fn with_pull_requests(
        mut self,
        pull_requests: Arc<dyn crate::workflow::forge::PullRequests>,
    ) -> App {
        self.pull_requests = pull_requests;
        self
    }

    /// The workflow database, or [`DbError::Absent`] in a read-only assembly (never a
    /// disconnected handle: sea-orm panics when it builds a query for one).
    pub fn db(&self) -> Result<&DatabaseConnection, DbError> {
        self.db.as_ref().ok_or(DbError::Absent)
    }

    /// The current snapshot (cheap: an `Arc` clone).
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }
}
