//! `/{lang}/submit` (a new entry, or with `?slug=` a change to an entry of the catalogue) and
//! `/{lang}/submissions/{id}/edit` (the author's update): the entry form, then
//! `workflow::submissions::{create, update}`.
//!
//! A refused form comes back with everything typed: 422 with the validator's diagnostics
//! next to their fields, 409 when the workflow refuses (a submission already open), 503 when
//! the database or the repository is down, 403 with a fresh token when the form's CSRF token
//! is stale (the session changed while the person was typing).

use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use axum::response::Response;

use super::entry_form::{self, Problems};
use super::render_with;
use crate::catalogue::Snapshot;
use crate::http::params::QueryParams;
use crate::http::session::SessionUser;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::private::{self, Posted, WebUser};
use crate::model::is_valid_slug;
use crate::workflow::form::EntryForm;
use crate::workflow::rules::Action;
use crate::workflow::{WorkflowError, submissions};

#[derive(Debug, askama::Template)]
#[template(path = "submit.html")]
pub struct SubmitPage {
    pub tr: Tr,
    pub layout: Layout,
    pub heading: String,
    pub lead: String,
    pub notice: Option<Notice>,
    /// The entry a change is about.
    pub entry: Option<Link>,
    /// A stored text the form could not read back (shown so that nothing is lost).
    pub raw_text: Option<String>,
    pub form: entry_form::EntryFormView,
}

/// A message above a form: why it came back.
#[derive(Debug, Clone)]
pub struct Notice {
    pub text: String,
    /// Set when the text is the workflow's (English) message.
    pub lang: Option<&'static str>,
    pub links: Vec<Link>,
}

/// Where the form goes.
#[derive(Debug, Clone, Copy)]
enum Target {
    New,
    Edit(i64),
}

struct Shown<'a> {
    target: Target,
    form: &'a EntryForm,
    change: bool,
    problems: Problems,
    notice: Option<Notice>,
    raw_text: Option<String>,
    status: StatusCode,
}

fn show(
    ctx: &Ctx,
    user: &SessionUser,
    snapshot: &Snapshot,
    shown: Shown<'_>,
) -> Result<Response, WebError> {
    let tr = ctx.tr;
    let (action, heading, lead, submit_label) = match shown.target {
        Target::New if shown.change => (
            ctx.href("/submit"),
            tr.s("submit-change-heading", "name", &shown.form.name),
            tr.t("submit-change-lead"),
            tr.t("submit-send"),
        ),
        Target::New => (
            ctx.href("/submit"),
            tr.t("submit-title"),
            tr.t("submit-lead"),
            tr.t("submit-send"),
        ),
        Target::Edit(id) => (
            ctx.href(&format!("/submissions/{id}/edit")),
            tr.args("edit-heading", &[("id", id.into())]),
            tr.t("edit-lead"),
            tr.t("edit-send"),
        ),
    };
    let mut form = entry_form::build(
        ctx,
        snapshot,
        shown.form,
        action,
        user.csrf(),
        shown.change || matches!(shown.target, Target::Edit(_)),
        &shown.problems,
    );
    form.submit_label = submit_label;
    let title = if form.has_errors() || shown.notice.is_some() {
        tr.s("form-title-with-errors", "title", &heading)
    } else {
        heading.clone()
    };
    let mut layout = ctx.layout(title, Section::Submit);
    layout.noindex = true;
    let entry = snapshot
        .catalogue
        .entries
        .get(&shown.form.slug)
        .filter(|_| shown.change || matches!(shown.target, Target::Edit(_)))
        .map(|e| Link {
            href: ctx.href(&format!("/entries/{}", e.slug)),
            label: e.name.clone(),
        });
    let page = SubmitPage {
        tr,
        layout,
        heading,
        lead,
        notice: shown.notice,
        entry,
        raw_text: shown.raw_text,
        form,
    };
    render_with(ctx, &page, shown.status)
}

/// `GET /{lang}/submit[?slug=]`: the empty form, or the form of a change pre-filled from the
/// catalogue (`?entry=` is accepted too: the entry pages' "report an error" link).
pub async fn new_form(
    ctx: Ctx,
    WebUser(user): WebUser,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let mut params = QueryParams::parse(raw.as_deref().unwrap_or_default())
        .map_err(|e| WebError::from_api(&ctx, "error-form-title", &e))?;
    let slug = match params
        .take_one("slug")
        .map_err(|e| WebError::from_api(&ctx, "error-form-title", &e))?
    {
        Some(s) => Some(s),
        None => params
            .take_one("entry")
            .map_err(|e| WebError::from_api(&ctx, "error-form-title", &e))?,
    };
    let snapshot = ctx.app.snapshot();
    let (form, change) = match slug {
        None => (EntryForm::blank(), false),
        Some(slug) => {
            let found = is_valid_slug(&slug)
                .then(|| snapshot.catalogue.entries.get(&slug))
                .flatten();
            let Some(entry) = found else {
                let guess =
                    crate::util::closest(&slug, snapshot.catalogue.entries.keys()).map(|g| Link {
                        href: ctx.href(&format!("/submit?slug={g}")),
                        label: ctx.tr.s(
                            "error-did-you-mean",
                            "name",
                            snapshot
                                .catalogue
                                .entries
                                .get(g)
                                .map_or(g, |e| e.name.as_str()),
                        ),
                    });
                return Err(ctx.not_found(guess));
            };
            (EntryForm::from_entry(entry), true)
        }
    };
    show(
        &ctx,
        &user,
        &snapshot,
        Shown {
            target: Target::New,
            form: &form,
            change,
            problems: Problems::default(),
            notice: None,
            raw_text: None,
            status: StatusCode::OK,
        },
    )
}

/// `POST /{lang}/submit`: validates and stores the submission, then shows it.
pub async fn create(ctx: Ctx, Posted { user, pairs }: Posted) -> Result<Response, WebError> {
    let change = private::value(&pairs, "change") == Some("1");
    let form = EntryForm::from_pairs(&pairs);
    let snapshot = ctx.app.snapshot();
    if !user.csrf_ok(private::value(&pairs, "csrf")) {
        return stale_token(&ctx, &user, &snapshot, Target::New, &form, change);
    }
    // A change edits the entry's current file, so that its diff shows only what changed.
    let base = if change && snapshot.catalogue.entries.contains_key(&form.slug) {
        submissions::current_text(&ctx.app.workflow, &form.slug).await
    } else {
        None
    };
    let (text, fields) = form.to_toml(&snapshot, base.as_deref());
    match submissions::create(&ctx.app.workflow, &user.actor, text).await {
        Ok(row) => Ok(private::see_other(
            &ctx.href(&format!("/submissions/{}", row.id)),
        )),
        Err(e) => refused(
            &ctx,
            &user,
            &snapshot,
            Target::New,
            &form,
            change,
            fields,
            e,
        ),
    }
}

fn stale_token(
    ctx: &Ctx,
    user: &SessionUser,
    snapshot: &Snapshot,
    target: Target,
    form: &EntryForm,
    change: bool,
) -> Result<Response, WebError> {
    show(
        ctx,
        user,
        snapshot,
        Shown {
            target,
            form,
            change,
            problems: Problems::default(),
            notice: Some(Notice {
                text: ctx.tr.t("form-stale-token"),
                lang: None,
                links: Vec::new(),
            }),
            raw_text: None,
            status: StatusCode::FORBIDDEN,
        },
    )
}

/// The form again after the workflow refused it, with everything typed.
#[expect(
    clippy::too_many_arguments,
    reason = "one call site per form; a struct would only rename them"
)]
fn refused(
    ctx: &Ctx,
    user: &SessionUser,
    snapshot: &Snapshot,
    target: Target,
    form: &EntryForm,
    change: bool,
    fields: Vec<Option<String>>,
    err: WorkflowError,
) -> Result<Response, WebError> {
    let status = crate::http::failure::status(&err);
    let (problems, notice) = match err {
        WorkflowError::Invalid {
            message,
            diagnostics,
        } => (
            Problems {
                message: Some(message),
                diagnostics,
                fields,
            },
            None,
        ),
        other => match status.as_u16() {
            403 | 404 => return Err(WebError::from_workflow(ctx, &other)),
            409 => (
                Problems::default(),
                Some(Notice {
                    text: crate::error::Classify::public_detail(&other),
                    lang: Some("en"),
                    links: vec![Link {
                        href: ctx.href("/account#submissions"),
                        label: ctx.tr.t("form-your-submissions"),
                    }],
                }),
            ),
            503 => {
                tracing::error!(error = %crate::util::escaped(&other), "submission form: a store is unavailable");
                (
                    Problems::default(),
                    Some(Notice {
                        text: ctx.tr.t("form-unavailable"),
                        lang: None,
                        links: Vec::new(),
                    }),
                )
            }
            _ => return Err(ctx.internal(other)),
        },
    };
    show(
        ctx,
        user,
        snapshot,
        Shown {
            target,
            form,
            change,
            problems,
            notice,
            raw_text: None,
            status,
        },
    )
}

/// The submission an author may still update, or the page saying why not.
async fn editable(
    ctx: &Ctx,
    user: &SessionUser,
    id: &str,
) -> Result<crate::db::entities::submissions::Model, WebError> {
    let id: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    let row = submissions::visible(&ctx.app.workflow, &user.actor, id)
        .await
        .map_err(|e| WebError::from_workflow(ctx, &e))?;
    match crate::workflow::rules::check(&user.actor, &row, Action::Update) {
        Ok(()) => Ok(row),
        Err(WorkflowError::Forbidden(_)) => {
            Err(WebError::forbidden(ctx, ctx.tr.t("edit-only-author")))
        }
        Err(e) => Err(WebError::from_workflow(ctx, &e)),
    }
}

/// `GET /{lang}/submissions/{id}/edit`: the form pre-filled from the submission's text.
pub async fn edit_form(
    ctx: Ctx,
    WebUser(user): WebUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let row = editable(&ctx, &user, &id).await?;
    let snapshot = ctx.app.snapshot();
    let checked = submissions::check(&snapshot, &row.entry_toml);
    let (form, problems, raw_text) = match &checked.entry {
        Some(entry) => (EntryForm::from_entry(entry), Problems::default(), None),
        None => {
            // The stored text no longer reads as an entry (the catalogue changed since):
            // an empty form with the slug, the reasons, and the text itself to copy from.
            let mut blank = EntryForm::blank();
            blank.slug = row.slug.clone();
            (
                blank,
                Problems {
                    message: None,
                    diagnostics: checked.diagnostics.clone(),
                    fields: Vec::new(),
                },
                Some(row.entry_toml.clone()),
            )
        }
    };
    show(
        &ctx,
        &user,
        &snapshot,
        Shown {
            target: Target::Edit(row.id),
            form: &form,
            change: true,
            problems,
            notice: None,
            raw_text,
            status: StatusCode::OK,
        },
    )
}

/// `POST /{lang}/submissions/{id}/edit`: a new version of the submission.
pub async fn edit(
    ctx: Ctx,
    Path(id): Path<String>,
    Posted { user, pairs }: Posted,
) -> Result<Response, WebError> {
    let row = editable(&ctx, &user, &id).await?;
    let mut form = EntryForm::from_pairs(&pairs);
    // The slug is the submission's: the field is read-only, and a forged one is ignored.
    form.slug = row.slug.clone();
    let snapshot = ctx.app.snapshot();
    let target = Target::Edit(row.id);
    if !user.csrf_ok(private::value(&pairs, "csrf")) {
        return stale_token(&ctx, &user, &snapshot, target, &form, true);
    }
    // The new version edits the last one, keeping what the form does not show.
    let (text, fields) = form.to_toml(&snapshot, Some(&row.entry_toml));
    match submissions::update(&ctx.app.workflow, &user.actor, row.id, text).await {
        Ok(updated) => Ok(private::see_other(
            &ctx.href(&format!("/submissions/{}", updated.id)),
        )),
        Err(e) => refused(&ctx, &user, &snapshot, target, &form, true, fields, e),
    }
}
