//! The workflow API: submissions (`/api/v1/submissions`), the review queue and decisions,
//! the public record of decisions, and one's own account (`/api/v1/me`, its API tokens).
//! A request proves who sends it with a session cookie, whose writing requests carry the
//! session's CSRF token in `X-CSRF-Token` (given by `GET /api/v1/me`), or with a personal
//! API token (`Authorization: Bearer frt_...`, for tools; no CSRF token then). Answers are
//! never cached.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use sea_orm::ActiveEnum;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::App;
use crate::db::entities::review_decisions::Decision;
use crate::db::entities::submissions::{self, State as SubmissionState};
use crate::http::error::{ApiError, ErrorBody};
use crate::http::session::{ApiUser, SessionUser, csrf_header};
use crate::model::Status;
use crate::workflow::entry_toml::Verdict;
use crate::workflow::review::{self, DecisionInput, QueueFilter};
use crate::workflow::{StoredDiagnostic, privacy, submissions as sub};

fn require_csrf(user: &SessionUser, headers: &HeaderMap) -> Result<(), ApiError> {
    if user.csrf_ok(csrf_header(headers)) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "missing or wrong X-CSRF-Token header: take the token from GET /api/v1/me".into(),
        ))
    }
}

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
    pub entry_toml: String,
    #[schema(value_type = Vec<Object>)]
    pub diagnostics: Vec<StoredDiagnostic>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl SubmissionView {
    fn new(s: &submissions::Model) -> SubmissionView {
        SubmissionView {
            id: s.id,
            slug: s.slug.clone(),
            kind: s.kind.to_value(),
            state: s.state.to_value(),
            branch: s.branch.clone(),
            author: s.author_pseudonym.clone(),
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
        (status = 201, body = SubmissionView),
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
    params(("id" = i64, Path)),
    responses((status = 200, body = SubmissionDetail), (status = 401, body = ErrorBody),
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
    params(("id" = i64, Path), ("X-CSRF-Token" = String, Header)),
    request_body = SubmissionBody,
    responses((status = 200, body = SubmissionView), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
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
    pub body: String,
}

/// A comment on a submission (its author or a reviewer).
#[utoipa::path(post, path = "/api/v1/submissions/{id}/comments", tag = "workflow",
    params(("id" = i64, Path), ("X-CSRF-Token" = String, Header)),
    request_body = CommentBody,
    responses((status = 201, description = "comment added"), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
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

/// A reviewer's verdict on one criterion.
#[derive(Debug, Deserialize, ToSchema)]
pub struct VerdictBody {
    pub criterion: String,
    /// `met`, `partial`, `not-met`, `not-applicable` or `unknown`.
    pub status: Status,
    #[serde(default)]
    pub evidence: Vec<String>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
}

/// A decision on a submission.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DecisionBody {
    /// `approve`, `request-changes` or `reject`.
    pub decision: String,
    /// Required to request changes or to reject.
    pub reason: Option<String>,
    #[serde(default)]
    pub verdicts: Vec<VerdictBody>,
}

/// Decides on a submission (reviewers; never on one's own: four-eyes). Approving merges the
/// branch into the data repository and makes the entry searchable before answering.
#[utoipa::path(post, path = "/api/v1/submissions/{id}/decision", tag = "workflow",
    params(("id" = i64, Path), ("X-CSRF-Token" = String, Header)),
    request_body = DecisionBody,
    responses((status = 201, body = review::PublicDecision), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
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
    let input = DecisionInput {
        decision,
        reason: body.reason,
        verdicts: body
            .verdicts
            .into_iter()
            .map(|v| Verdict {
                criterion: v.criterion,
                status: v.status,
                evidence: v.evidence,
                note_fr: v.note_fr,
                note_en: v.note_en,
            })
            .collect(),
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
pub struct QueueQuery {
    /// `open` (default with `pending-git`), `pending-git` or `changes-requested`.
    pub state: Option<String>,
    pub category: Option<String>,
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

/// Your account, your role and the CSRF token writing requests carry.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub display_name: String,
    pub provider: String,
    /// `submitter`, `reviewer` or `admin`.
    pub role: String,
    pub csrf_token: String,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "workflow",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn me(ApiUser(user): ApiUser) -> Json<Me> {
    Json(Me {
        id: user.actor.id,
        display_name: user.actor.display_name.clone(),
        provider: user.user.provider.clone(),
        role: user.role.to_value(),
        csrf_token: user.csrf().to_owned(),
    })
}

/// Everything held about you, as JSON.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "workflow",
    responses((status = 200, description = "all data held about you"), (status = 401, body = ErrorBody)))]
pub async fn export(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(privacy::export(&app.workflow, &user.actor).await?))
}

/// Deletes your account (your submissions stay, under your pseudonym).
#[utoipa::path(delete, path = "/api/v1/me", tag = "workflow",
    params(("X-CSRF-Token" = String, Header)),
    responses((status = 200, description = "deleted; the pseudonym now shown"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn delete_me(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
) -> Result<Json<serde_json::Value>, ApiError> {
    require_csrf(&user, &headers)?;
    let pseudonym = privacy::delete_account(&app.workflow, &user.actor).await?;
    Ok(Json(
        serde_json::json!({"deleted": true, "pseudonym": pseudonym}),
    ))
}

/// One of your API tokens (never the token itself, which is shown once).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenView {
    pub id: i64,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl TokenView {
    fn new(t: &crate::db::entities::api_tokens::Model) -> TokenView {
        TokenView {
            id: t.id,
            name: t.name.clone(),
            created_at: t.created_at,
            expires_at: t.expires_at,
            last_used_at: t.last_used_at,
        }
    }
}

/// A token just made: `token` is shown this once; send it as `Authorization: Bearer`.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewToken {
    pub token: String,
    #[serde(flatten)]
    pub about: TokenView,
}

/// What a new token is called and how long it lives.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenBody {
    /// What will use it, e.g. "CI of my project" (1 to 80 characters).
    pub name: String,
    /// Days it lives, 1 to 366 (default 90).
    pub days: Option<u32>,
}

/// Your API tokens, newest first.
#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "workflow",
    responses((status = 200, body = Vec<TokenView>), (status = 401, body = ErrorBody)))]
pub async fn tokens(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<TokenView>>, ApiError> {
    let list = crate::workflow::tokens::list(&app.workflow, &user.actor).await?;
    Ok(Json(list.iter().map(TokenView::new).collect()))
}

/// Makes an API token (needs a login session, not a token).
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "workflow",
    request_body = TokenBody,
    params(("X-CSRF-Token" = String, Header)),
    responses((status = 201, body = NewToken), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn make_token(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
    body: Result<Json<TokenBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    require_csrf(&user, &headers)?;
    let Json(body) = body.map_err(|e| ApiError::bad_request("invalid-body", e.body_text()))?;
    let minted = crate::workflow::tokens::make(
        &app.workflow,
        &user.actor,
        &body.name,
        body.days.unwrap_or(90),
    )
    .await?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(NewToken {
            token: minted.secret,
            about: TokenView::new(&minted.token),
        }),
    )
        .into_response())
}

/// Revokes one of your API tokens.
#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "workflow",
    params(("id" = i64, Path), ("X-CSRF-Token" = String, Header)),
    responses((status = 204, description = "revoked"), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_token(
    State(app): State<Arc<App>>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<axum::http::StatusCode, ApiError> {
    require_csrf(&user, &headers)?;
    let id = parse_id(&id)?;
    crate::workflow::tokens::revoke(&app.workflow, &user.actor, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

fn parse_id(text: &str) -> Result<i64, ApiError> {
    text.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            ApiError::bad_request(
                "invalid-parameter",
                format!("`{text}` is not a submission number"),
            )
        })
}
