//! The running registry, as every request sees it (`State<Arc<App>>`): the configuration, the
//! served catalogue ([`crate::catalogue::Live`]), the review workflow's context
//! ([`crate::workflow::Context`]), the login providers and the HTTP metrics. It assembles
//! the parts at start-up; the rules live in the parts.

use std::path::PathBuf;
use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::auth::Providers;
use crate::catalogue::{Live, Snapshot};
use crate::config::Config;
use crate::db::DbError;
use crate::git::DataRepo;
use crate::search::SearchIndex;
use crate::search::sync::{IndexOutcome, open_and_sync};
use crate::workflow::context::{Context, Settings};

/// Everything a request handler may need.
#[derive(Debug)]
pub struct App {
    pub config: Config,
    /// The served catalogue and its search index.
    pub catalogue: Arc<Live>,
    /// What the review workflow works with (database, data repository, forge).
    pub workflow: Context,
    pub metrics: crate::http::metrics::Metrics,
    pub started: std::time::Instant,
    pub providers: Providers,
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
        let mut app = App::assemble(config, snapshot, index, data_dir).with_db(db);
        if let Ok(db) = app.workflow.db()
            && let Err(e) = app.workflow.stale.refresh(db).await
        {
            tracing::warn!(error = %crate::util::escaped(&e), "the stale entries cannot be read; none is shown as stale until the next job");
        }
        if let Some(repo) = repo {
            app.workflow = app.workflow.with_repo(Arc::new(repo));
        }
        Ok(app)
    }

    #[allow(clippy::type_complexity)]
    fn load_blocking(
        config: &Config,
    ) -> Result<(Option<DataRepo>, PathBuf, Snapshot, SearchIndex), StartError> {
        let repo = match DataRepo::open_or_import(&config.data_dir, &config.state_dir) {
            Ok(repo) => Some(repo),
            Err(e) => {
                tracing::error!(error = %crate::util::escaped(&e), "data repository unavailable: serving the data directory read-only; submissions wait as pending-git");
                None
            }
        };
        let data_dir = repo
            .as_ref()
            .map_or_else(|| config.data_dir.clone(), |r| r.workdir().to_path_buf());
        let snapshot = Snapshot::load(&data_dir).map_err(|e| match e {
            crate::catalogue::CatalogueError::Data(e) => StartError::Data(e),
            other => StartError::Task(other.to_string()),
        })?;
        let (index, outcome) =
            open_and_sync(&config.index_dir(), &snapshot.catalogue, false, &|_, _| {})?;
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

    /// Assembles a read-only app from parts already built (tests, benchmarks): no database
    /// (workflow routes answer 503), no data repository.
    pub fn from_parts(config: Config, snapshot: Snapshot, index: SearchIndex) -> App {
        let data_dir = config.data_dir.clone();
        App::assemble(config, snapshot, index, data_dir)
    }

    fn assemble(config: Config, snapshot: Snapshot, index: SearchIndex, data_dir: PathBuf) -> App {
        let catalogue = Arc::new(Live::new(snapshot, index, data_dir));
        let settings = Settings {
            public_url: config.public_url.clone(),
            workflow: config.workflow.clone(),
            retention: config.retention.clone(),
            evidence: config.evidence.clone(),
        };
        App {
            workflow: Context::new(Arc::clone(&catalogue), settings),
            catalogue,
            providers: Providers::new(config.auth.clone(), &config.public_url),
            config,
            metrics: crate::http::metrics::Metrics::default(),
            started: std::time::Instant::now(),
        }
    }

    /// The same app with a workflow database (tests assemble one over a database of their own).
    pub fn with_db(mut self, db: DatabaseConnection) -> App {
        self.workflow = self.workflow.with_db(db);
        self
    }

    /// The same app with another home for pull requests (a forge adapter; tests).
    pub fn with_pull_requests(
        mut self,
        pull_requests: Arc<dyn crate::workflow::forge::PullRequests>,
    ) -> App {
        self.workflow = self.workflow.with_pull_requests(pull_requests);
        self
    }

    /// The workflow database, or [`DbError::Absent`] in a read-only assembly.
    pub fn db(&self) -> Result<&DatabaseConnection, DbError> {
        self.workflow.db()
    }

    /// The current snapshot (cheap: an `Arc` clone).
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.catalogue.snapshot()
    }

    /// The search index of the served catalogue.
    pub fn index(&self) -> &SearchIndex {
        self.catalogue.index()
    }
}
