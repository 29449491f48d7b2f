//! `/{lang}/submissions/{id}`: one submission for its author and for reviewers — state, the
//! validator's diagnostics, the diff against the current entry, comments, decisions — and
//! its forms: comment (author and reviewers), withdraw and update (author), review (another
//! reviewer: four-eyes; the checklist is [`super::checklist`]).
//!
//! A refused form (stale CSRF token 403, invalid 422, wrong state 409, store down 503) shows
//! the page again with what was posted.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;

use super::entry_form::{self, Field};
use super::submit::Notice;
use super::{checklist, decisions, render_with};
use crate::db::entities::review_decisions::Decision;
use crate::db::entities::submissions;
use crate::error::{Classify, ErrorKind};
use crate::http::session::SessionUser;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::private::{self, Posted, WebUser};
use crate::workflow::review::{self, DecisionInput};
use crate::workflow::{StoredDiagnostic, WorkflowError, submissions as sub};

#[derive(Debug, askama::Template)]
#[template(path = "submission.html")]
pub struct SubmissionPage {
    pub tr: Tr,
    pub layout: Layout,
    pub id: i64,
    pub base: String,
    pub csrf: String,
    pub slug: String,
    pub entry: Option<Link>,
    pub kind: String,
    pub state_id: &'static str,
    pub state: String,
    pub state_explain: String,
    pub created: String,
    pub updated: String,
    pub author: String,
    /// A proposal of the automated-evidence account.
    pub automated: bool,
    pub branch: Option<String>,
    pub notice: Option<Notice>,
    pub diagnostics: Vec<DiagnosticView>,
    /// "2 errors and 1 warning".
    pub counts: String,
    pub diff: Vec<DiffLine>,
    /// Why the diff is not shown (then `text` is).
    pub diff_note: Option<String>,
    pub text: Option<String>,
    pub comments: Vec<CommentRow>,
    pub decisions: Vec<decisions::DecisionView>,
    pub comment: Field,
    pub can_withdraw: bool,
    pub edit_href: Option<String>,
    /// Shown to a reviewer who authored the submission.
    pub four_eyes: bool,
    /// Shown to reviewers while the submission waits for git.
    pub waits_for_git: bool,
    pub review: Option<checklist::ReviewForm>,
}

#[derive(Debug, Clone)]
pub struct DiagnosticView {
    pub error: bool,
    pub severity: String,
    pub location: Option<String>,
    pub message: String,
    pub hint: Option<String>,
    pub source_line: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DiffLine {
    pub class: &'static str,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct CommentRow {
    pub author: String,
    pub role: String,
    pub when: String,
    pub body: String,
}

/// What a re-shown page keeps of what was posted.
#[derive(Debug, Default)]
struct Kept {
    notice: Option<Notice>,
    comment: Option<String>,
    comment_errors: Vec<String>,
    review: checklist::Kept,
}

pub fn diagnostic_view(tr: Tr, d: &StoredDiagnostic) -> DiagnosticView {
    DiagnosticView {
        error: d.is_error(),
        severity: tr.t(if d.is_error() {
            "diagnostic-error"
        } else {
            "diagnostic-warning"
        }),
        location: d.line.map(|line| tr.n("form-line", line)),
        message: d.message.clone(),
        hint: d.hint.clone(),
        source_line: d.source_line.clone(),
    }
}

fn diff_lines(diff: &str) -> Vec<DiffLine> {
    diff.lines()
        .map(|l| DiffLine {
            class: if l.starts_with("+++") || l.starts_with("---") || l.starts_with("diff ") {
                "diff-meta"
            } else if l.starts_with("@@") {
                "diff-hunk"
            } else if l.starts_with('+') {
                "diff-add"
            } else if l.starts_with('-') {
                "diff-del"
            } else {
                "diff-context"
            },
            text: l.to_owned(),
        })
        .collect()
}

/// The diff of the submission's branch against main, if git can tell (else why not).
async fn diff_of(ctx: &Ctx, row: &submissions::Model) -> Result<String, String> {
    let tr = ctx.tr;
    let Some(branch) = row.branch.clone() else {
        return Err(tr.t("submission-diff-no-branch"));
    };
    let path = format!("entries/{}.toml", row.slug);
    match crate::workflow::with_repo(&ctx.app.workflow, move |repo| {
        repo.diff_file(&branch, &path)
    })
    .await
    {
        Ok(diff) if diff.trim().is_empty() => Err(tr.t("submission-diff-empty")),
        Ok(diff) => Ok(diff),
        Err(e) => {
            tracing::warn!(submission = row.id, error = %crate::util::escaped(&e), "diff unavailable");
            Err(tr.t("submission-diff-unavailable"))
        }
    }
}

/// Loads everything the page shows; `kept` is what a refused form posted.
async fn build(
    ctx: &Ctx,
    user: &SessionUser,
    id: &str,
    kept: Kept,
) -> Result<SubmissionPage, WebError> {
    let tr = ctx.tr;
    let id: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    let row = sub::visible(&ctx.app.workflow, &user.actor, id)
        .await
        .map_err(|e| WebError::from_workflow(ctx, &e))?;
    let comments = sub::comments_of(&ctx.app.workflow, &row)
        .await
        .map_err(|e| WebError::from_workflow(ctx, &e))?;
    let decided = review::decisions_of(&ctx.app.workflow, row.id)
        .await
        .map_err(|e| WebError::from_workflow(ctx, &e))?;
    let snapshot = ctx.app.snapshot();
    let diagnostics: Vec<DiagnosticView> = sub::diagnostics_of(&row)
        .iter()
        .map(|d| diagnostic_view(tr, d))
        .collect();
    let (diff, diff_note, text) = match diff_of(ctx, &row).await {
        Ok(diff) => (diff_lines(&diff), None, None),
        Err(note) => (Vec::new(), Some(note), Some(row.entry_toml.clone())),
    };
    let offered = crate::workflow::rules::offered(&user.actor, &row);
    let mut comment = Field::new(
        "body",
        tr.t("submission-comment-label"),
        kept.comment.clone().unwrap_or_default(),
        "textarea",
    )
    .hint(tr.args(
        "submission-comment-hint",
        &[("max", sub::MAX_COMMENT_CHARS.into())],
    ))
    .rows(4);
    comment.errors = kept
        .comment_errors
        .iter()
        .map(|m| entry_form::FieldError {
            message: m.clone(),
            hint: None,
        })
        .collect();
    let mut layout = ctx.layout(
        tr.args("submission-title", &[("id", row.id.into())]),
        Section::Other,
    );
    layout.noindex = true;
    let errors = diagnostics.iter().filter(|d| d.error).count();
    Ok(SubmissionPage {
        tr,
        id: row.id,
        base: ctx.href(&format!("/submissions/{}", row.id)),
        csrf: user.csrf().to_owned(),
        entry: snapshot.catalogue.entries.get(&row.slug).map(|e| Link {
            href: ctx.href(&format!("/entries/{}", e.slug)),
            label: e.name.clone(),
        }),
        slug: row.slug.clone(),
        kind: private::kind_label(tr, row.kind),
        state_id: private::state_id(row.state),
        state: private::state_label(tr, row.state),
        state_explain: tr.t(&format!("state-explain-{}", private::state_id(row.state))),
        created: private::when(tr, row.created_at),
        updated: private::when(tr, row.updated_at),
        author: row.author_pseudonym.clone(),
        automated: crate::workflow::proposals::is_automated(&row),
        branch: row.branch.clone(),
        notice: kept.notice.clone(),
        counts: tr.args(
            "submission-validator-counts",
            &[
                ("errors", errors.into()),
                ("warnings", (diagnostics.len() - errors).into()),
            ],
        ),
        diagnostics,
        diff,
        diff_note,
        text,
        comments: comments
            .into_iter()
            .map(|c| CommentRow {
                author: c.author,
                role: tr.t(if c.is_reviewer {
                    "submission-comment-by-reviewer"
                } else {
                    "submission-comment-by-author"
                }),
                when: private::when(tr, c.at),
                body: c.body,
            })
            .collect(),
        decisions: decided
            .iter()
            .map(|d| decisions::view(&snapshot, tr, d))
            .collect(),
        comment,
        can_withdraw: offered.withdraw,
        edit_href: offered
            .update
            .then(|| ctx.href(&format!("/submissions/{}/edit", row.id))),
        four_eyes: offered.four_eyes,
        waits_for_git: offered.waits_for_git,
        review: offered
            .decide
            .then(|| checklist::build(ctx, &snapshot, &row, offered.approve, &kept.review)),
        layout,
    })
}

async fn show(
    ctx: &Ctx,
    user: &SessionUser,
    id: &str,
    kept: Kept,
    status: StatusCode,
) -> Result<Response, WebError> {
    let page = build(ctx, user, id, kept).await?;
    render_with(ctx, &page, status)
}

/// `GET /{lang}/submissions/{id}`.
pub async fn page(
    ctx: Ctx,
    WebUser(user): WebUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    show(&ctx, &user, &id, Kept::default(), StatusCode::OK).await
}

fn notice(ctx: &Ctx, err: &WorkflowError) -> Notice {
    if err.kind() == ErrorKind::Unavailable {
        tracing::error!(error = %crate::util::escaped(&err), "submission page: a store is unavailable");
        Notice {
            text: ctx.tr.t("form-unavailable"),
            lang: None,
            links: Vec::new(),
        }
    } else {
        Notice {
            text: err.public_detail(),
            lang: Some("en"),
            links: Vec::new(),
        }
    }
}

fn stale(ctx: &Ctx) -> Notice {
    Notice {
        text: ctx.tr.t("form-stale-token"),
        lang: None,
        links: Vec::new(),
    }
}

/// Whether a refusal is shown on the page itself, with the input kept.
fn shown_on_page(err: &WorkflowError) -> bool {
    matches!(
        err.kind(),
        ErrorKind::Forbidden | ErrorKind::Conflict | ErrorKind::Invalid | ErrorKind::Unavailable
    )
}

fn status_of(err: &WorkflowError) -> StatusCode {
    crate::http::failure::status(err)
}

/// `POST /{lang}/submissions/{id}/comments`.
pub async fn comment(
    ctx: Ctx,
    Path(id): Path<String>,
    Posted { user, pairs }: Posted,
) -> Result<Response, WebError> {
    let body = private::value(&pairs, "body")
        .unwrap_or_default()
        .to_owned();
    if !user.csrf_ok(private::value(&pairs, "csrf")) {
        let kept = Kept {
            notice: Some(stale(&ctx)),
            comment: Some(body),
            ..Kept::default()
        };
        return show(&ctx, &user, &id, kept, StatusCode::FORBIDDEN).await;
    }
    let n: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    match sub::comment(&ctx.app.workflow, &user.actor, n, &body).await {
        Ok(_) => Ok(private::see_other(
            &ctx.href(&format!("/submissions/{n}#comments")),
        )),
        Err(WorkflowError::Invalid { message, .. }) => {
            let kept = Kept {
                comment: Some(body),
                comment_errors: vec![message],
                ..Kept::default()
            };
            show(&ctx, &user, &id, kept, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) if shown_on_page(&e) => {
            let kept = Kept {
                notice: Some(notice(&ctx, &e)),
                comment: Some(body),
                ..Kept::default()
            };
            show(&ctx, &user, &id, kept, status_of(&e)).await
        }
        Err(e) => Err(WebError::from_workflow(&ctx, &e)),
    }
}

/// `POST /{lang}/submissions/{id}/withdraw`.
pub async fn withdraw(
    ctx: Ctx,
    Path(id): Path<String>,
    Posted { user, pairs }: Posted,
) -> Result<Response, WebError> {
    if !user.csrf_ok(private::value(&pairs, "csrf")) {
        let kept = Kept {
            notice: Some(stale(&ctx)),
            ..Kept::default()
        };
        return show(&ctx, &user, &id, kept, StatusCode::FORBIDDEN).await;
    }
    let n: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    match sub::withdraw(&ctx.app.workflow, &user.actor, n).await {
        Ok(_) => Ok(private::see_other(&ctx.href(&format!("/submissions/{n}")))),
        Err(e) if shown_on_page(&e) => {
            let kept = Kept {
                notice: Some(notice(&ctx, &e)),
                ..Kept::default()
            };
            show(&ctx, &user, &id, kept, status_of(&e)).await
        }
        Err(e) => Err(WebError::from_workflow(&ctx, &e)),
    }
}

/// `POST /{lang}/submissions/{id}/decision`: the reviewer's checklist and decision.
pub async fn decide(
    ctx: Ctx,
    Path(id): Path<String>,
    Posted { user, pairs }: Posted,
) -> Result<Response, WebError> {
    let keep = |notice: Option<Notice>| Kept {
        notice,
        review: checklist::Kept {
            posted: Some(pairs.clone()),
            ..checklist::Kept::default()
        },
        ..Kept::default()
    };
    if !user.csrf_ok(private::value(&pairs, "csrf")) {
        return show(
            &ctx,
            &user,
            &id,
            keep(Some(stale(&ctx))),
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    let n: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    let decision = match private::value(&pairs, "decision") {
        Some("approve") => Decision::Approve,
        Some("request-changes") => Decision::RequestChanges,
        Some("reject") => Decision::Reject,
        _ => {
            let mut kept = keep(None);
            kept.review.decision_missing = true;
            return show(&ctx, &user, &id, kept, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let reason = private::value(&pairs, "reason")
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned);
    if review::needs_reason(decision) && reason.is_none() {
        let mut kept = keep(None);
        kept.review.reason_missing = true;
        return show(&ctx, &user, &id, kept, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let snapshot = ctx.app.snapshot();
    let verdicts = match checklist::verdicts(&snapshot, &pairs) {
        Ok(v) => v,
        Err(message) => {
            let mut kept = keep(None);
            kept.review.problem = Some(message);
            return show(&ctx, &user, &id, kept, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let evidence_problems = review::evidence_problems(&verdicts);
    if !evidence_problems.is_empty() {
        let mut kept = keep(None);
        kept.review.evidence_problems = evidence_problems;
        return show(&ctx, &user, &id, kept, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let input = DecisionInput {
        decision,
        reason,
        verdicts,
    };
    match review::decide(&ctx.app.workflow, &user.actor, n, input).await {
        Ok(_) => Ok(private::see_other(
            &ctx.href(&format!("/submissions/{n}#decisions")),
        )),
        Err(WorkflowError::Invalid {
            message,
            diagnostics,
        }) => {
            let mut kept = keep(None);
            kept.review.problem = Some(message);
            kept.review.diagnostics = diagnostics;
            show(&ctx, &user, &id, kept, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) if shown_on_page(&e) => {
            show(
                &ctx,
                &user,
                &id,
                keep(Some(notice(&ctx, &e))),
                status_of(&e),
            )
            .await
        }
        Err(e) => Err(WebError::from_workflow(&ctx, &e)),
    }
}
