//! `/{lang}/review/rights`: reviewers' moderation of the rights-request observatory: the
//! reports flagged by the limits or carrying free text, hiding one with a reason
//! (`POST /{lang}/review/rights/{id}/hide`, audited; it leaves every aggregate at once), and
//! per-service counts. The rules are in [`crate::workflow::rights`].

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;

use super::entry_form::{Field, FieldError};
use super::render_with;
use super::rights::right_label;
use crate::http::session::SessionUser;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::WebError;
use crate::http::web::i18n::Tr;
use crate::http::web::private::{self, Posted, WebUser};
use crate::workflow::WorkflowError;
use crate::workflow::rights as flow;

/// A report waiting for a reviewer, with its hide form.
#[derive(Debug, Clone)]
pub struct FlaggedRow {
    pub id: i64,
    pub service: String,
    pub right: String,
    pub flag: String,
    pub note: Option<String>,
    pub action: String,
    pub reason: Field,
}

#[derive(Debug, Clone)]
pub struct CountRow {
    pub service: String,
    pub reports: usize,
    pub hidden: usize,
    pub flagged: usize,
}

#[derive(Debug, askama::Template)]
#[template(path = "rights-review.html")]
pub struct ModerationPage {
    pub tr: Tr,
    pub layout: Layout,
    pub csrf: String,
    pub flagged: Vec<FlaggedRow>,
    pub counts: Vec<CountRow>,
}

/// A hide form refused: which report, what was typed, and why.
struct Kept {
    id: i64,
    reason: String,
    error: String,
}

async fn show(
    ctx: &Ctx,
    user: &SessionUser,
    kept: Option<Kept>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr;
    let fail = |e: WorkflowError| WebError::from_workflow(ctx, &e);
    let flagged = flow::flagged(&ctx.app.workflow, &user.actor)
        .await
        .map_err(fail)?;
    let counts = flow::counts(&ctx.app.workflow, &user.actor)
        .await
        .map_err(fail)?;
    let snapshot = ctx.app.snapshot();
    let name = |id: &str| {
        snapshot
            .catalogue
            .services
            .get(id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    let rows = flagged
        .iter()
        .map(|r| {
            let mut reason = Field::new(
                &format!("reason-{}", r.id),
                tr.t("rights-review-reason"),
                String::new(),
                "text",
            )
            .required();
            reason.name = "reason".into();
            if let Some(k) = kept.as_ref().filter(|k| k.id == r.id) {
                reason.value = k.reason.clone();
                reason.errors.push(FieldError {
                    message: k.error.clone(),
                    hint: None,
                });
            }
            FlaggedRow {
                id: r.id,
                service: name(&r.service_id),
                right: right_label(tr, r.gdpr_right),
                flag: match r.flag.as_deref() {
                    Some("burst") => tr.t("rights-review-flag-burst"),
                    Some("repeat") => tr.t("rights-review-flag-repeat"),
                    _ => tr.t("rights-review-flag-text"),
                },
                note: r.note.clone(),
                action: ctx.href(&format!("/review/rights/{}/hide", r.id)),
                reason,
            }
        })
        .collect();
    let title = tr.t("rights-review-title");
    let mut layout = ctx.layout(
        if kept.is_some() {
            tr.s("form-title-with-errors", "title", &title)
        } else {
            title
        },
        Section::Account,
    );
    layout.noindex = true;
    let page = ModerationPage {
        tr,
        layout,
        csrf: user.csrf().to_owned(),
        flagged: rows,
        counts: counts
            .into_iter()
            .map(|c| CountRow {
                service: name(&c.service),
                reports: c.reports,
                hidden: c.hidden,
                flagged: c.flagged,
            })
            .collect(),
    };
    render_with(ctx, &page, status)
}

/// `GET /{lang}/review/rights` (reviewers).
pub async fn page(ctx: Ctx, WebUser(user): WebUser) -> Result<Response, WebError> {
    show(&ctx, &user, None, StatusCode::OK).await
}

/// `POST /{lang}/review/rights/{id}/hide` (reviewers): hides a report with a reason.
pub async fn hide(
    ctx: Ctx,
    Path(id): Path<String>,
    Posted { user, pairs }: Posted,
) -> Result<Response, WebError> {
    private::check_csrf(&ctx, &user, &pairs)?;
    let id: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    let reason = private::value(&pairs, "reason").unwrap_or_default();
    match flow::hide(&ctx.app.workflow, &user.actor, id, reason).await {
        Ok(_) => Ok(private::see_other(&ctx.href("/review/rights"))),
        Err(WorkflowError::Invalid { diagnostics, .. }) => {
            let kept = Kept {
                id,
                reason: reason.to_owned(),
                error: diagnostics
                    .first()
                    .map(|d| d.message.clone())
                    .unwrap_or_default(),
            };
            show(&ctx, &user, Some(kept), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(WebError::from_workflow(&ctx, &e)),
    }
}
