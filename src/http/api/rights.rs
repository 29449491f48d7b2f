//! The rights-request observatory in the API: the published aggregates (public, open data
//! under CC BY-SA 4.0, JSON and CSV: `/api/v1/services/{id}/rights`,
//! `/api/v1/observatory/rights[.csv]`), one's own reports (`/api/v1/me/rights-reports`,
//! session or token as in [`super::guard`]), and reviewers' moderation. The rules are in
//! [`crate::workflow::rights`]; nothing here publishes a report, only its aggregates.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sea_orm::ActiveEnum;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::export::{DATA_LICENSE, DataLicense, LICENSE};
use super::guard::{parse_id, require_csrf};
use crate::app::App;
use crate::db::entities::rights_reports;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::params::truncate;
use crate::http::session::ApiUser;
use crate::model::is_valid_slug;
use crate::workflow::rights::{self, ReportInput, aggregate};

/// Published figures; a figure is absent (null) when fewer than `threshold` accounts stand
/// behind it, or when it does not apply to the right.
#[derive(Debug, Serialize, ToSchema)]
pub struct FiguresView {
    pub reports: usize,
    /// Median days from sending the request to the answer.
    pub median_days_to_answer: Option<f64>,
    /// Share (0 to 1) answered within the legal month of art. 12(3), counted from the date
    /// sent, over reports whose outcome is known.
    pub share_within_legal_month: Option<f64>,
    /// Share of answers that were complete.
    pub share_complete: Option<f64>,
    /// Access and portability: share of answers received machine-readable (JSON, CSV, XML).
    pub share_machine_readable: Option<f64>,
}

impl From<&aggregate::Figures> for FiguresView {
    fn from(f: &aggregate::Figures) -> FiguresView {
        FiguresView {
            reports: f.reports,
            median_days_to_answer: f.median_days_to_answer,
            share_within_legal_month: f.share_within_legal_month,
            share_complete: f.share_complete,
            share_machine_readable: f.share_machine_readable,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuarterView {
    /// `2026-Q4`: the quarter of the dates sent.
    pub quarter: String,
    #[serde(flatten)]
    pub figures: FiguresView,
}

/// The aggregates of one service and one right.
#[derive(Debug, Serialize, ToSchema)]
pub struct RightFigures {
    pub service: String,
    /// `access` (art. 15), `rectification` (16), `erasure` (17), `portability` (20) or
    /// `objection` (21).
    pub right: String,
    #[serde(flatten)]
    pub figures: FiguresView,
    /// Quarters with enough reports, oldest first.
    pub quarters: Vec<QuarterView>,
}

impl From<&aggregate::Published> for RightFigures {
    fn from(p: &aggregate::Published) -> RightFigures {
        RightFigures {
            service: p.service.clone(),
            right: p.right.to_value(),
            figures: (&p.figures).into(),
            quarters: p
                .quarters
                .iter()
                .map(|q| QuarterView {
                    quarter: q.quarter.clone(),
                    figures: (&q.figures).into(),
                })
                .collect(),
        }
    }
}

/// The published aggregates (only groups of at least `threshold` different accounts).
#[derive(Debug, Serialize, ToSchema)]
pub struct RightsAggregates {
    pub license: DataLicense,
    /// The fewest different accounts behind any published figure.
    pub threshold: usize,
    /// The service asked for, on `/services/{id}/rights`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    pub groups: Vec<RightFigures>,
}

fn aggregates(service: Option<String>, published: &[aggregate::Published]) -> RightsAggregates {
    RightsAggregates {
        license: LICENSE,
        threshold: aggregate::K,
        groups: published
            .iter()
            .filter(|p| service.as_ref().is_none_or(|s| *s == p.service))
            .map(RightFigures::from)
            .collect(),
        service,
    }
}

/// How one service answered people's requests under the GDPR, in aggregates.
#[utoipa::path(get, path = "/api/v1/services/{id}/rights", tag = "observatory",
    params(("id" = String, Path, description = "Service id, e.g. `gmail`")),
    responses(
        (status = 200, body = RightsAggregates),
        (status = 404, description = "No such service", body = ErrorBody),
        (status = 503, description = "The workflow database is unavailable", body = ErrorBody)
    ))]
pub async fn of_service(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<RightsAggregates>, ApiError> {
    let known = is_valid_slug(&id) && app.snapshot().catalogue.services.contains_key(&id);
    if !known {
        return Err(ApiError::NotFound(format!(
            "no service with id `{}`; see /api/v1/services",
            truncate(&id, 64)
        )));
    }
    let published = rights::published(&app.workflow).await?;
    Ok(Json(aggregates(Some(id), &published)))
}

/// Every published aggregate of the rights-request observatory (open data, CC BY-SA 4.0).
#[utoipa::path(get, path = "/api/v1/observatory/rights", tag = "observatory",
    responses(
        (status = 200, body = RightsAggregates),
        (status = 503, description = "The workflow database is unavailable", body = ErrorBody)
    ))]
pub async fn observatory(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    let published = rights::published(&app.workflow).await?;
    let mut res = Json(aggregates(None, &published)).into_response();
    super::export::license_link(&mut res, "floss-registry-rights.json");
    Ok(res)
}

const CSV_COLUMNS: [&str; 9] = [
    "service",
    "right",
    "quarter",
    "reports",
    "median_days_to_answer",
    "share_within_legal_month",
    "share_complete",
    "share_machine_readable",
    "data_license",
];

fn csv_row(service: &str, right: &str, quarter: &str, f: &aggregate::Figures) -> Vec<String> {
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    vec![
        service.to_owned(),
        right.to_owned(),
        quarter.to_owned(),
        f.reports.to_string(),
        opt(f.median_days_to_answer),
        opt(f.share_within_legal_month),
        opt(f.share_complete),
        opt(f.share_machine_readable),
        DATA_LICENSE.to_owned(),
    ]
}

/// The aggregates as CSV: one row per service and right (`quarter` = `all`), then one per
/// published quarter. An empty cell is a figure withheld or not applicable.
pub fn build_csv(published: &[aggregate::Published]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS)?;
    for p in published {
        let right = p.right.to_value();
        w.write_record(csv_row(&p.service, &right, "all", &p.figures))?;
        for q in &p.quarters {
            w.write_record(csv_row(&p.service, &right, &q.quarter, &q.figures))?;
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The observatory's aggregates as CSV (open data, CC BY-SA 4.0).
#[utoipa::path(get, path = "/api/v1/observatory/rights.csv", tag = "observatory",
    responses(
        (status = 200, description = "One row per service and right (quarter `all`), then per published quarter; an empty cell is withheld or not applicable", content_type = "text/csv"),
        (status = 503, description = "The workflow database is unavailable", body = ErrorBody)
    ))]
pub async fn observatory_csv(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    let published = rights::published(&app.workflow).await?;
    let bytes = build_csv(&published).map_err(ApiError::internal)?;
    let mut res = ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], bytes).into_response();
    super::export::license_link(&mut res, "floss-registry-rights.csv");
    Ok(res)
}

/// A report as typed; fields left out are blank. Values: `right` access, rectification,
/// erasure, portability, objection; `channel` web-form, email, post, in-app; `outcome`
/// pending (default), answered, no-answer; `completeness` complete, partial, refused (with
/// `answered`); `format` machine-readable, pdf, screenshots, other (access and portability).
/// Dates are `YYYY-MM-DD`. An invalid report answers 422 with one diagnostic per problem,
/// whose `code` is `report.<field>`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ReportBody {
    /// A service id of the catalogue (`GET /api/v1/services`).
    #[schema(min_length = 1, max_length = 64, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub service: String,
    #[schema(pattern = "^(access|rectification|erasure|portability|objection)$")]
    pub right: String,
    #[schema(format = Date)]
    pub sent_on: String,
    #[schema(pattern = "^(web-form|email|post|in-app)$")]
    pub channel: String,
    #[schema(pattern = "^(|pending|answered|no-answer)$")]
    pub outcome: Option<String>,
    #[schema(format = Date)]
    pub answered_on: Option<String>,
    #[schema(pattern = "^(|complete|partial|refused)$")]
    pub completeness: Option<String>,
    #[schema(pattern = "^(|machine-readable|pdf|screenshots|other)$")]
    pub format: Option<String>,
    /// Free text for the registry's reviewers, never published (at most 2,000 characters).
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

impl From<ReportBody> for ReportInput {
    fn from(b: ReportBody) -> ReportInput {
        ReportInput {
            service: b.service,
            right: b.right,
            sent_on: b.sent_on,
            channel: b.channel,
            outcome: b.outcome.unwrap_or_default(),
            answered_on: b.answered_on.unwrap_or_default(),
            completeness: b.completeness.unwrap_or_default(),
            format: b.format.unwrap_or_default(),
            note: b.note.unwrap_or_default(),
        }
    }
}

/// One of your reports, as you (and reviewers) see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportView {
    pub id: i64,
    pub service: String,
    pub right: String,
    pub sent_on: chrono::NaiveDate,
    pub channel: String,
    pub outcome: String,
    pub answered_on: Option<chrono::NaiveDate>,
    pub completeness: Option<String>,
    pub format: Option<String>,
    pub note: Option<String>,
    /// Why the limits flagged it for reviewers (`burst`, `repeat`), if they did.
    pub flag: Option<String>,
    /// Hidden by a reviewer: left out of every aggregate.
    pub hidden: bool,
    pub hidden_reason: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl From<&rights_reports::Model> for ReportView {
    fn from(r: &rights_reports::Model) -> ReportView {
        ReportView {
            id: r.id,
            service: r.service_id.clone(),
            right: r.gdpr_right.to_value(),
            sent_on: r.sent_on,
            channel: r.channel.to_value(),
            outcome: r.outcome.to_value(),
            answered_on: r.answered_on,
            completeness: r.completeness.map(|c| c.to_value()),
            format: r.format.map(|f| f.to_value()),
            note: r.note.clone(),
            flag: r.flag.clone(),
            hidden: r.hidden,
            hidden_reason: r.hidden_reason.clone(),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

fn body<T>(body: Result<Json<T>, axum::extract::rejection::JsonRejection>) -> Result<T, ApiError> {
    body.map(|Json(b)| b)
        .map_err(|e| ApiError::bad_request("invalid-body", e.body_text()))
}

/// Your reports to the observatory, newest first.
#[utoipa::path(get, path = "/api/v1/me/rights-reports", tag = "observatory",
    responses((status = 200, body = Vec<ReportView>), (status = 401, body = ErrorBody)))]
pub async fn mine(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<ReportView>>, ApiError> {
    let list = rights::mine(&app.workflow, &user.actor).await?;
    Ok(Json(list.iter().map(ReportView::from).collect()))
}

/// Reports a request you made to a service.
#[utoipa::path(post, path = "/api/v1/me/rights-reports", tag = "observatory",
    request_body = ReportBody,
    params(("X-CSRF-Token" = String, Header)),
    responses((status = 201, body = ReportView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "A limit of reports per account is reached", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
    payload: Result<Json<ReportBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    require_csrf(&user, &headers)?;
    let input: ReportInput = body(payload)?.into();
    let row = rights::create(&app.workflow, &user.actor, &input).await?;
    Ok((StatusCode::CREATED, Json(ReportView::from(&row))).into_response())
}

/// Replaces one of your reports (to add the answer, or correct it).
#[utoipa::path(put, path = "/api/v1/me/rights-reports/{id}", tag = "observatory",
    request_body = ReportBody,
    params(("id" = i64, Path, minimum = 1), ("X-CSRF-Token" = String, Header)),
    responses((status = 200, body = ReportView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    payload: Result<Json<ReportBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<ReportView>, ApiError> {
    require_csrf(&user, &headers)?;
    let id = parse_id(&id)?;
    let input: ReportInput = body(payload)?.into();
    let row = rights::update(&app.workflow, &user.actor, id, &input).await?;
    Ok(Json(ReportView::from(&row)))
}

/// Deletes one of your reports; it leaves every aggregate at once.
#[utoipa::path(delete, path = "/api/v1/me/rights-reports/{id}", tag = "observatory",
    params(("id" = i64, Path, minimum = 1), ("X-CSRF-Token" = String, Header)),
    responses((status = 204, description = "deleted"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn delete(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    require_csrf(&user, &headers)?;
    let id = parse_id(&id)?;
    rights::delete(&app.workflow, &user.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Reports waiting for a reviewer: flagged by the limits or carrying free text (reviewers).
#[utoipa::path(get, path = "/api/v1/review/rights-reports", tag = "observatory",
    responses((status = 200, body = Vec<ReportView>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn flagged(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<ReportView>>, ApiError> {
    let list = rights::flagged(&app.workflow, &user.actor).await?;
    Ok(Json(list.iter().map(ReportView::from).collect()))
}

/// Why a report is hidden.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HideBody {
    /// 1 to 500 characters, not only spaces; kept with the report and in the audit log.
    #[schema(min_length = 1, max_length = 500, pattern = "\\S")]
    pub reason: String,
}

/// Hides a report from every aggregate, with a reason (reviewers; audited).
#[utoipa::path(post, path = "/api/v1/review/rights-reports/{id}/hide", tag = "observatory",
    request_body = HideBody,
    params(("id" = i64, Path, minimum = 1), ("X-CSRF-Token" = String, Header)),
    responses((status = 200, body = ReportView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn hide(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    payload: Result<Json<HideBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<ReportView>, ApiError> {
    require_csrf(&user, &headers)?;
    let id = parse_id(&id)?;
    let HideBody { reason } = body(payload)?;
    let row = rights::hide(&app.workflow, &user.actor, id, &reason).await?;
    Ok(Json(ReportView::from(&row)))
}
