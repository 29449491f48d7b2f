//! The running registry: configuration, the current catalogue snapshot and the search index,
//! shared by every request as `AppState(Arc<App>)`.

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use crate::config::Config;
use crate::data::{Catalogue, Report};
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

/// Everything a request handler may need.
#[derive(Debug)]
pub struct App {
    pub config: Config,
    snapshot: RwLock<Arc<Snapshot>>,
    pub index: SearchIndex,
    pub metrics: crate::http::metrics::Metrics,
    pub started: std::time::Instant,
}

/// Why the registry could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Data(#[from] crate::data::Error),
    #[error("search index: {0}")]
    Index(#[from] crate::search::SearchError),
}

impl App {
    /// Loads the data, syncs the index, and logs what was skipped. Blocking: call it from
    /// `spawn_blocking` or before the runtime starts serving.
    pub fn start(config: Config) -> Result<App, StartError> {
        let loaded = crate::data::load(&config.data_dir)?;
        for d in loaded.report.diagnostics.iter().filter(|d| d.is_error()) {
            let line = d.location.as_ref().map_or(0, |l| l.line);
            tracing::warn!(file = %d.file, line, code = d.code, message = %d.message, "data problem: file skipped");
        }
        let data_commit = crate::git::data_commit(&config.data_dir);
        let snapshot = Snapshot::new(loaded.catalogue, &loaded.report, data_commit);
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
        Ok(App::from_parts(config, snapshot, index))
    }

    /// Assembles an app from parts already built (tests, benchmarks).
    pub fn from_parts(config: Config, snapshot: Snapshot, index: SearchIndex) -> App {
        let metrics = crate::http::metrics::Metrics::default();
        metrics.set_catalogue(snapshot.catalogue.entries.len(), index.generation());
        App {
            config,
            snapshot: RwLock::new(Arc::new(snapshot)),
            index,
            metrics,
            started: std::time::Instant::now(),
        }
    }

    /// The current snapshot (cheap: an `Arc` clone).
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }
}
