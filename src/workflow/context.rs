//! What the review workflow works with, and nothing more: the database, the data repository,
//! the served catalogue (to check entries against it and reload it after a merge), where
//! pull requests live, and the few settings it reads. Built once by [`crate::app::App`];
//! tests build one without any HTTP.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::catalogue::{Live, Snapshot};
use crate::config::{RetentionConfig, WorkflowConfig};
use crate::db::DbError;
use crate::git::DataRepo;

use super::forge::PullRequests;

/// The settings of the workflow, copied from the configuration at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The registry's public address (commit e-mails, links in pull requests).
    pub public_url: String,
    pub workflow: WorkflowConfig,
    pub retention: RetentionConfig,
    /// Automated evidence: the checks' schedule and what they may reach.
    pub evidence: crate::config::EvidenceConfig,
}

/// The workflow's handle on the world; cheap to clone.
#[derive(Debug, Clone)]
pub struct Context {
    /// Absent in read-only assemblies, where every workflow action answers
    /// [`DbError::Absent`]. Reached through [`Context::db`].
    db: Option<DatabaseConnection>,
    /// The data repository submissions and approvals write to; `None` when git could not be
    /// opened (writing then keeps submissions as `pending-git`). Blocking, and serialising its
    /// own writes: call it through [`super::with_repo`].
    pub repo: Option<Arc<DataRepo>>,
    pub catalogue: Arc<Live>,
    /// Where submissions' pull requests live ([`super::forge::Local`] by default).
    pub pull_requests: Arc<dyn PullRequests>,
    pub settings: Arc<Settings>,
    /// The entries whose latest forge observation says stale, kept in memory for the pages.
    pub stale: Arc<crate::evidence::store::StaleSet>,
}

impl Context {
    pub fn new(catalogue: Arc<Live>, settings: Settings) -> Context {
        Context {
            db: None,
            repo: None,
            pull_requests: Arc::new(super::forge::Local {
                public_url: settings.public_url.clone(),
            }),
            catalogue,
            settings: Arc::new(settings),
            stale: Arc::default(),
        }
    }

    /// The same context with a workflow database.
    pub fn with_db(mut self, db: DatabaseConnection) -> Context {
        self.db = Some(db);
        self
    }

    /// The same context writing to a data repository.
    pub fn with_repo(mut self, repo: Arc<DataRepo>) -> Context {
        self.repo = Some(repo);
        self
    }

    /// The same context with another home for pull requests (a forge adapter; tests).
    pub fn with_pull_requests(mut self, pull_requests: Arc<dyn PullRequests>) -> Context {
        self.pull_requests = pull_requests;
        self
    }

    /// The workflow database, or [`DbError::Absent`] in a read-only assembly (never a
    /// disconnected handle: sea-orm panics when it builds a query for one).
    pub fn db(&self) -> Result<&DatabaseConnection, DbError> {
        self.db.as_ref().ok_or(DbError::Absent)
    }

    /// The catalogue as served now.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.catalogue.snapshot()
    }
}
