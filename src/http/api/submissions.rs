//! The submissions API (`/api/v1/submissions`): proposing an entry or a change, one's own
//! submissions, one with its conversation, new versions and comments. Who may send what is
//! in [`super::guard`].

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use sea_orm::ActiveEnum;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::guard::{parse_id, require_csrf};
use crate::app::App;
use crate::db::entities::submissions;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::session::ApiUser;
use crate::workflow::review;
use crate::workflow::{StoredDiagnostic, submissions as sub};

/// A submission as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionView {
    pub id: i64,
    pub slug: String,
    /// `new` or `change`.
    pub kind: String,
    /// `pending-git`, `open`, `changes-requested`, `approved`, `rejected` or `withdrawn`.
    pub state: String,
    pub branch: Option<String>,
    pub author: String,
    /// A proposal of the "automated evidence" account: made from machine observations, for
    /// reviewers to decide like any other submission.
    pub automated: bool,
    pub entry_toml: String,
    #[schema(value_type = Vec<Object>)]
    pub diagnostics: Vec<StoredDiagnostic>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl SubmissionView {
    pub(super) fn new(s: &submissions::Model) -> SubmissionView {
        SubmissionView {
            id: s.id,
            slug: s.slug.clone(),
            kind: s.kind.to_value(),
            state: s.state.to_value(),
            branch: s.branch.clone(),
            author: s.author_pseudonym.clone(),
            automated: crate::workflow::proposals::is_automated(s),
            entry_toml: s.entry_toml.clone(),
            diagnostics: sub::diagnostics_of(s),
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// A comment on a submission, as its author and the reviewers see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommentItem {
    /// The name shown for who wrote it (a deleted account shows its pseudonym).
    pub author: String,
    /// `author` (the submission's author) or `reviewer`.
    pub role: String,
    pub body: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<sub::CommentView> for CommentItem {
    fn from(c: sub::CommentView) -> CommentItem {
        CommentItem {
            author: c.author,
            role: if c.is_reviewer { "reviewer" } else { "author" }.to_owned(),
            body: c.body,
            created_at: c.at,
        }
    }
}

/// One submission with its conversation, as its page shows it: the decisions taken on it
/// (with reasons and per-criterion verdicts) and the comments, both oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionDetail {
    #[serde(flatten)]
    pub submission: SubmissionView,
    pub decisions: Vec<review::PublicDecision>,
    pub comments: Vec<CommentItem>,
}

/// The body of a submission: the entry file's text, as `floss-registry validate` reads it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SubmissionBody {
    /// The whole entry file (TOML), e.g. the output of `cat entries/my-app.toml`.
    #[schema(min_length = 1)]
    pub entry_toml: String,
}

/// Proposes a new entry or a change to an existing one (decided by the slug the text
/// declares). The validator runs at once: a 422 lists its diagnostics; a 201 returns the
/// submission, `open` (its branch written) or `pending-git` (kept, written when the data
/// repository is back).
#[utoipa::path(post, path = "/api/v1/submissions", tag = "workflow",
    request_body = SubmissionBody,
    params(("X-CSRF-Token" = String, Header, description = "the session's CSRF token (GET /api/v1/me)")),
    responses(
        (status = 201, body = SubmissionView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
pub async fn create(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
    body: Result<Json<SubmissionBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    require_csrf(&user, &headers)?;
    let Json(body) = body.map_err(|e| ApiError::bad_request("invalid-body", e.body_text()))?;
    let s = sub::create(&app.workflow, &user.actor, body.entry_toml).await?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(SubmissionView::new(&s)),
    )
        .into_response())
}

/// Your submissions, newest first.
#[utoipa::path(get, path = "/api/v1/submissions", tag = "workflow",
    responses((status = 200, body = Vec<SubmissionView>), (status = 401, body = ErrorBody)))]
pub async fn mine(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<SubmissionView>>, ApiError> {
    let rows = sub::mine(&app.workflow, &user.actor).await?;
    Ok(Json(rows.iter().map(SubmissionView::new).collect()))
}

/// One submission with its decisions and comments (its author and reviewers only).
#[utoipa::path(get, path = "/api/v1/submissions/{id}", tag = "workflow",
    params(("id" = i64, Path, minimum = 1)),
    responses((status = 200, body = SubmissionDetail), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn one(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<SubmissionDetail>, ApiError> {
    let id = parse_id(&id)?;
    let s = sub::visible(&app.workflow, &user.actor, id).await?;
    let comments = sub::comments_of(&app.workflow, &s).await?;
    let decisions = review::decisions_of(&app.workflow, s.id).await?;
    Ok(Json(SubmissionDetail {
        submission: SubmissionView::new(&s),
        decisions,
        comments: comments.into_iter().map(CommentItem::from).collect(),
    }))
}

/// A new version of your submission (a new commit on its branch).
#[utoipa::path(put, path = "/api/v1/submissions/{id}", tag = "workflow",
    params(("id" = i64, Path, minimum = 1), ("X-CSRF-Token" = String, Header)),
    request_body = SubmissionBody,
    responses((status = 200, body = SubmissionView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn update(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<SubmissionBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<SubmissionView>, ApiError> {
    require_csrf(&user, &headers)?;
    let id = parse_id(&id)?;
    let Json(body) = body.map_err(|e| ApiError::bad_request("invalid-body", e.body_text()))?;
    let s = sub::update(&app.workflow, &user.actor, id, body.entry_toml).await?;
    Ok(Json(SubmissionView::new(&s)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CommentBody {
    /// The comment, 1 to 5000 characters (white space around it does not count).
    #[schema(min_length = 1, max_length = 5000)]
    pub body: String,
}

/// A comment on a submission (its author or a reviewer).
#[utoipa::path(post, path = "/api/v1/submissions/{id}/comments", tag = "workflow",
    params(("id" = i64, Path, minimum = 1), ("X-CSRF-Token" = String, Header)),
    request_body = CommentBody,
    responses((status = 201, description = "comment added"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn comment(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<CommentBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    require_csrf(&user, &headers)?;
    let id = parse_id(&id)?;
    let Json(body) = body.map_err(|e| ApiError::bad_request("invalid-body", e.body_text()))?;
    let c = sub::comment(&app.workflow, &user.actor, id, &body.body).await?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(serde_json::json!({"id": c.id, "created_at": c.created_at})),
    )
        .into_response())
}
