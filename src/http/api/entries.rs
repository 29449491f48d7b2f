//! `GET /api/v1/entries`, `GET /api/v1/entries/{slug}` and its history.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::App;
use crate::catalogue::Snapshot;
use crate::catalogue::history::EntryChange;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::params::{QueryParams, truncate};
use crate::model::{
    Entry, Grade, GradeBreakdown, Localized, Platform, ReviewStatus, is_valid_slug,
};

/// An entry in a list: enough to show and link it.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntryItem {
    pub slug: String,
    pub name: String,
    pub summary: Localized,
    pub grade: Grade,
    /// The grade rests on too little evidence: a required criterion is still unknown, or
    /// more than a fifth of the recommended ones are.
    pub grade_provisional: bool,
    /// Share of the criteria that count for this entry whose status is established, 0–100.
    pub confidence: f64,
    /// Share of recommended points obtained, 0–100.
    pub score: f64,
    pub license: String,
    pub categories: Vec<String>,
    pub platforms: Vec<Platform>,
    pub replaces: Vec<String>,
    pub self_hostable: bool,
    pub review_status: ReviewStatus,
    pub homepage: String,
    /// Address of the full entry in this API.
    pub url: String,
}

impl EntryItem {
    pub fn new(entry: &Entry, snapshot: &Snapshot, base: &str) -> EntryItem {
        let grade = snapshot.grades.get(&entry.slug);
        EntryItem {
            slug: entry.slug.clone(),
            name: entry.name.clone(),
            summary: entry.summary.clone(),
            grade: grade.map_or(Grade::E, |g| g.grade),
            grade_provisional: grade.is_none_or(|g| g.provisional),
            confidence: grade.map_or(0.0, |g| g.confidence),
            score: grade.map_or(0.0, |g| g.score),
            license: entry.license.clone(),
            categories: entry.categories.clone(),
            platforms: entry.platforms.clone(),
            replaces: entry.replaces.clone(),
            self_hostable: entry.self_hostable,
            review_status: entry.review.status,
            homepage: entry.homepage.clone(),
            url: format!("{base}/api/v1/entries/{}", entry.slug),
        }
    }
}

/// A page of entries.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntryPage {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub entries: Vec<EntryItem>,
}

/// One entry with its grade and how it was computed.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntryDetail {
    #[serde(flatten)]
    pub entry: Entry,
    pub grade: GradeBreakdown,
    /// The latest forge observation found no commit nor release for 12 months
    /// (machine-observed, not a decision).
    pub stale: bool,
    pub automated_evidence: AutomatedEvidence,
}

/// What machines observed about the entry: the latest observation of each source, with when
/// and where. Machine-observed, not a decision: only reviewers change the assessment above,
/// and findings that could settle or contradict it are proposed to them.
#[derive(Debug, Serialize, ToSchema)]
pub struct AutomatedEvidence {
    /// `false` when the observations could not be read (the list is then empty).
    pub available: bool,
    pub observations: Vec<crate::evidence::Observation>,
}

/// The largest `page` of `GET /api/v1/entries`.
const MAX_PAGE: usize = 100_000;
/// The largest `per_page` of `GET /api/v1/entries`.
const MAX_PER_PAGE: usize = 100;

#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "only describes the parameters for the OpenAPI document"
)]
pub struct PageParams {
    /// Page number from 1.
    #[param(minimum = 1, maximum = 100_000)]
    page: Option<usize>,
    /// Entries per page, 1–100 (default 50).
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<usize>,
}

/// List entries, by slug.
#[utoipa::path(
    get,
    path = "/api/v1/entries",
    tag = "catalogue",
    params(PageParams),
    responses(
        (status = 200, body = EntryPage),
        (status = 400, description = "Invalid page or per_page", body = ErrorBody),
        (status = 414, description = "Query string too long", body = ErrorBody)
    )
)]
pub async fn list(
    State(app): State<Arc<App>>,
    mut params: QueryParams,
) -> Result<Json<EntryPage>, ApiError> {
    let page = params.take_number("page", 1, 1..=MAX_PAGE)?;
    let per_page = params.take_number("per_page", 50, 1..=MAX_PER_PAGE)?;
    params.finish(&["page", "per_page"])?;
    let snapshot = app.snapshot();
    let base = &app.config.public_url;
    let entries = snapshot
        .catalogue
        .entries
        .values()
        .skip((page - 1).saturating_mul(per_page))
        .take(per_page)
        .map(|e| EntryItem::new(e, &snapshot, base))
        .collect();
    Ok(Json(EntryPage {
        total: snapshot.catalogue.entries.len(),
        page,
        per_page,
        entries,
    }))
}

/// One entry, with its assessment and grade breakdown.
#[utoipa::path(
    get,
    path = "/api/v1/entries/{slug}",
    tag = "catalogue",
    params(("slug" = String, Path, description = "The entry's slug, e.g. `signal`")),
    responses(
        (status = 200, body = EntryDetail),
        (status = 404, description = "No such entry", body = ErrorBody)
    )
)]
pub async fn one(
    State(app): State<Arc<App>>,
    Path(slug): Path<String>,
) -> Result<Json<EntryDetail>, ApiError> {
    let snapshot = app.snapshot();
    let not_found = || {
        ApiError::NotFound(format!(
            "no entry with slug `{}`; slugs are lower-case words separated by hyphens, see /api/v1/entries",
            truncate(&slug, 64)
        ))
    };
    if !is_valid_slug(&slug) {
        return Err(not_found());
    }
    let entry = snapshot
        .catalogue
        .entries
        .get(&slug)
        .ok_or_else(not_found)?;
    let grade = snapshot
        .grades
        .get(&slug)
        .cloned()
        .ok_or_else(|| ApiError::internal(format!("no grade computed for {slug}")))?;
    let (available, observations) = match app.db() {
        Err(_) => (true, Vec::new()),
        Ok(db) => match crate::evidence::store::latest_for_entry(db, &slug).await {
            Ok(stored) => (true, stored.into_iter().map(|s| s.observation).collect()),
            Err(e) => {
                tracing::warn!(error = %crate::util::escaped(&e), "automated evidence unavailable");
                (false, Vec::new())
            }
        },
    };
    let stale = observations.iter().any(|o: &crate::evidence::Observation| {
        o.source == crate::evidence::EvidenceSource::Forge && o.stale == Some(true)
    });
    Ok(Json(EntryDetail {
        entry: entry.clone(),
        grade,
        stale,
        automated_evidence: AutomatedEvidence {
            available,
            observations,
        },
    }))
}

/// The decision behind a change: the reviewer's reason and verdicts, when the database has it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryDecision {
    pub reviewer: String,
    pub reason: Option<String>,
    pub date: chrono::DateTime<chrono::Utc>,
    pub verdicts: Vec<crate::workflow::review::PublicVerdict>,
}

/// One change of an entry, with where it came from.
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryItem {
    #[serde(flatten)]
    pub change: EntryChange,
    /// The page of the submission that made the change (its raw diff is there).
    pub submission_url: Option<String>,
    /// The approval, when the workflow's database is there and has it.
    pub decision: Option<HistoryDecision>,
}

/// A page of an entry's history, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryPage {
    pub slug: String,
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub changes: Vec<HistoryItem>,
}

/// The history of an entry, newest first: every commit of the data repository that changed
/// its file, what changed per criterion, the grade before and after (both computed against
/// the current criteria), and the submission and decision it came from.
#[utoipa::path(
    get,
    path = "/api/v1/entries/{slug}/history",
    tag = "catalogue",
    params(
        ("slug" = String, Path, description = "The entry's slug, e.g. `signal`"),
        PageParams
    ),
    responses(
        (status = 200, body = HistoryPage),
        (status = 400, description = "Invalid page or per_page", body = ErrorBody),
        (status = 404, description = "No such entry, now or in the past", body = ErrorBody)
    )
)]
pub async fn history(
    State(app): State<Arc<App>>,
    Path(slug): Path<String>,
    mut params: QueryParams,
) -> Result<Json<HistoryPage>, ApiError> {
    let page = params.take_number("page", 1, 1..=100_000)?;
    let per_page = params.take_number("per_page", 50, 1..=100)?;
    params.finish(&["page", "per_page"])?;
    let not_found = || {
        ApiError::NotFound(format!(
            "no entry with slug `{}`, now or in the past; see /api/v1/entries",
            truncate(&slug, 64)
        ))
    };
    if !is_valid_slug(&slug) {
        return Err(not_found());
    }
    let current = app.snapshot().catalogue.entries.contains_key(&slug);
    let changes = app
        .catalogue
        .entry_history(&slug)
        .await
        .map_err(|e| ApiError::internal(format!("history of {slug}: {e}")))?;
    if !current && changes.is_empty() {
        return Err(not_found());
    }
    let shown: Vec<&EntryChange> = changes
        .iter()
        .skip((page - 1).saturating_mul(per_page))
        .take(per_page)
        .collect();
    let ids: Vec<i64> = shown.iter().filter_map(|c| c.submission).collect();
    let mut approvals = crate::workflow::review::approvals_of(&app.workflow, ids).await;
    let base = &app.config.public_url;
    let items = shown
        .into_iter()
        .map(|c| HistoryItem {
            submission_url: c.submission.map(|id| format!("{base}/en/submissions/{id}")),
            decision: c
                .submission
                .and_then(|id| approvals.remove(&id))
                .map(|d| HistoryDecision {
                    reviewer: d.reviewer,
                    reason: d.reason,
                    date: d.date,
                    verdicts: d.verdicts,
                }),
            change: c.clone(),
        })
        .collect();
    Ok(Json(HistoryPage {
        slug,
        total: changes.len(),
        page,
        per_page,
        changes: items,
    }))
}
