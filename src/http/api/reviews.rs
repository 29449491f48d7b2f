//! The review API: a decision on a submission (`/api/v1/submissions/{id}/decision`), the
//! review queue (`/api/v1/review/queue`) and the public record of decisions
//! (`/api/v1/decisions`).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::ToSchema;

use super::guard::{parse_id, require_csrf};
use super::submissions::SubmissionView;
use crate::app::App;
use crate::db::entities::review_decisions::Decision;
use crate::db::entities::submissions::State as SubmissionState;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::session::ApiUser;
use crate::model::Status;
use crate::workflow::entry_toml::Verdict;
use crate::workflow::review::{self, DecisionInput, QueueFilter};

/// A reviewer's verdict on one criterion.
#[derive(Debug, Deserialize, ToSchema)]
pub struct VerdictBody {
    /// The id of a criterion of the catalogue (the document served lists them).
    pub criterion: String,
    /// `met`, `partial`, `not-met`, `not-applicable` or `unknown`.
    pub status: Status,
    /// Links: absolute `https` URLs with a public host name and no credentials.
    #[serde(default)]
    #[schema(schema_with = evidence_schema)]
    pub evidence: Vec<String>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
}

/// The links a verdict's `evidence` accepts, as the document says them: `https://`, a host
/// name of dot-separated labels whose last one starts with a letter (a last label of digits
/// would be read as an IP address), then an optional path. Stricter than
/// [`crate::data::url_problem`], which the handler applies: every text this pattern admits
/// passes it.
pub const EVIDENCE_PATTERN: &str = "^https://[A-Za-z0-9]+(-[A-Za-z0-9]+)*(\\.[A-Za-z0-9]+(-[A-Za-z0-9]+)*)*\\.[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*(/[A-Za-z0-9._~/-]*)?$";

fn evidence_schema() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(
            utoipa::openapi::schema::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .pattern(Some(EVIDENCE_PATTERN)),
        )
        .build()
}

/// What a decision may be.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "kebab-case")]
#[allow(
    dead_code,
    reason = "only its schema is used: the handler reads the text itself"
)]
pub enum DecisionName {
    Approve,
    RequestChanges,
    Reject,
}

/// A decision on a submission.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DecisionBody {
    /// `approve`, `request-changes` or `reject`.
    #[schema(value_type = DecisionName)]
    pub decision: String,
    /// Required to request changes or to reject.
    pub reason: Option<String>,
    #[serde(default)]
    pub verdicts: Vec<VerdictBody>,
}

/// Decides on a submission (reviewers; never on one's own: four-eyes). Approving merges the
/// branch into the data repository and makes the entry searchable before answering.
#[utoipa::path(post, path = "/api/v1/submissions/{id}/decision", tag = "workflow",
    params(("id" = i64, Path, minimum = 1), ("X-CSRF-Token" = String, Header)),
    request_body = DecisionBody,
    responses((status = 201, body = review::PublicDecision), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn decide(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<DecisionBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    require_csrf(&user, &headers)?;
    let id = parse_id(&id)?;
    let Json(body) = body.map_err(|e| ApiError::bad_request("invalid-body", e.body_text()))?;
    let decision = match body.decision.as_str() {
        "approve" => Decision::Approve,
        "request-changes" => Decision::RequestChanges,
        "reject" => Decision::Reject,
        other => {
            return Err(ApiError::bad_request(
                "invalid-decision",
                format!("decision `{other}` is not one of approve, request-changes, reject"),
            ));
        }
    };
    let criteria = app.snapshot();
    for v in &body.verdicts {
        if !criteria.catalogue.criteria.contains_key(&v.criterion) {
            return Err(ApiError::bad_request(
                "unknown-criterion",
                format!("verdicts: there is no criterion `{}`", v.criterion),
            ));
        }
    }
    let verdicts: Vec<Verdict> = body
        .verdicts
        .into_iter()
        .map(|v| Verdict {
            criterion: v.criterion,
            status: v.status,
            evidence: v.evidence,
            note_fr: v.note_fr,
            note_en: v.note_en,
        })
        .collect();
    if let Some(p) = review::evidence_problems(&verdicts).first() {
        return Err(ApiError::bad_request(
            "invalid-evidence",
            format!("{}: {} ({})", p.field(), p.problem.message, p.problem.hint),
        ));
    }
    let input = DecisionInput {
        decision,
        reason: body.reason,
        verdicts,
    };
    let d = review::decide(&app.workflow, &user.actor, id, input).await?;
    let public = review::decisions_of(&app.workflow, id)
        .await?
        .into_iter()
        .find(|p| p.id == d.id)
        .ok_or_else(|| ApiError::internal("the decision just recorded is missing"))?;
    Ok((axum::http::StatusCode::CREATED, Json(public)).into_response())
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `open` (default with `pending-git`), `pending-git` or `changes-requested`.
    #[param(pattern = "^(|open|pending-git|changes-requested)$")]
    pub state: Option<String>,
    pub category: Option<String>,
    /// Only submissions waiting at least this many days (0 to 3650).
    #[param(minimum = 0, maximum = 3650)]
    pub min_age_days: Option<i64>,
}

/// The review queue, oldest first (reviewers).
#[utoipa::path(get, path = "/api/v1/review/queue", tag = "workflow",
    params(QueueQuery),
    responses((status = 200, body = Vec<SubmissionView>), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn queue(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    query: Result<Query<QueueQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<SubmissionView>>, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::bad_request("invalid-parameter", e.body_text()))?;
    let state = match q.state.as_deref() {
        None | Some("") => None,
        Some("open") => Some(SubmissionState::Open),
        Some("pending-git") => Some(SubmissionState::PendingGit),
        Some("changes-requested") => Some(SubmissionState::ChangesRequested),
        Some(other) => {
            return Err(ApiError::bad_request(
                "invalid-parameter",
                format!("state `{other}` is not one of open, pending-git, changes-requested"),
            ));
        }
    };
    if q.min_age_days.is_some_and(|d| !(0..=3650).contains(&d)) {
        return Err(ApiError::bad_request(
            "invalid-parameter",
            "min_age_days must be between 0 and 3650",
        ));
    }
    let rows = review::queue(
        &app.workflow,
        &user.actor,
        &QueueFilter {
            state,
            category: q.category.filter(|c| !c.is_empty()),
            min_age_days: q.min_age_days,
        },
    )
    .await?;
    Ok(Json(rows.iter().map(SubmissionView::new).collect()))
}

/// Every decision taken, newest first, with reasons and per-criterion verdicts (public).
#[utoipa::path(get, path = "/api/v1/decisions", tag = "workflow",
    responses((status = 200, body = Vec<review::PublicDecision>), (status = 503, body = ErrorBody)))]
pub async fn decisions(
    State(app): State<Arc<App>>,
) -> Result<Json<Vec<review::PublicDecision>>, ApiError> {
    Ok(Json(review::decisions(&app.workflow, 1_000).await?))
}
