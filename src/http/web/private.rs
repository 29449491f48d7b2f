//! What the pages behind a login share: who is asking ([`WebUser`] for pages, [`Posted`] for
//! forms, both answering in HTML), the CSRF token of posted forms, the labels of the
//! workflow's states, roles and decisions, and dates with a time of day.
//!
//! These pages depend on who asks: [`super::router`] sends them with `Cache-Control:
//! no-store` and keeps them out of the public cache (no ETag, no `public`).

use std::sync::Arc;

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};

use super::context::Ctx;
use super::error::WebError;
use super::i18n::Tr;
use crate::app::App;
use crate::db::entities::submissions::{Kind, State};
use crate::db::entities::users::Role;
use crate::http::session::{self, SessionUser};

/// A posted form as `name=value` pairs, repeated names kept (checkbox groups).
pub type Pairs = Vec<(String, String)>;

/// A logged-in person, for pages: an anonymous visitor is sent to the login page, which
/// brings them back here; a session store that cannot be read gives a 503 page.
#[derive(Debug, Clone)]
pub struct WebUser(pub SessionUser);

impl FromRequestParts<Arc<App>> for WebUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, Response> {
        match session::lookup(parts, app).await {
            Ok(Some(user)) => Ok(WebUser(user)),
            Ok(None) => {
                let ctx = Ctx::of(parts, app);
                let next = parts.uri.path_and_query().map_or("/", |p| p.as_str());
                Err(Redirect::to(&session::login_path(ctx.lang, next)).into_response())
            }
            Err(e) => Err(store_error(&Ctx::of(parts, app), &e).into_response()),
        }
    }
}

/// A posted form and the logged-in person who sent it. When the session has ended meanwhile
/// (expired, logged out in another tab), the answer is a 401 page that keeps everything
/// posted, ready to be sent again after logging in: nothing typed is lost.
#[derive(Debug, Clone)]
pub struct Posted {
    pub user: SessionUser,
    pub pairs: Pairs,
}

impl FromRequest<Arc<App>> for Posted {
    type Rejection = Response;

    async fn from_request(req: Request, app: &Arc<App>) -> Result<Self, Response> {
        let (parts, body) = req.into_parts();
        let ctx = Ctx::of(&parts, app);
        let found = session::lookup(&parts, app).await;
        let action = parts.uri.path().to_owned();
        let form = Form::<Pairs>::from_request(Request::from_parts(parts, body), app).await;
        let pairs = pairs(&ctx, form).map_err(IntoResponse::into_response)?;
        match found {
            Ok(Some(user)) => Ok(Posted { user, pairs }),
            Ok(None) => {
                let login = session::login_path(ctx.lang, form_page(&action));
                Err(WebError::session_ended(&ctx, &action, &login, pairs).into_response())
            }
            Err(e) => Err(store_error(&ctx, &e).into_response()),
        }
    }
}

/// The page a form is on, given the address it posts to: the login brings the person back
/// there (the actions of a submission, the account and the administration have no page of
/// their own).
fn form_page(action: &str) -> &str {
    if let Some((account, _)) = action.split_once("/account/") {
        // `/{lang}/account/delete`, `/tokens`, `/tokens/{id}/revoke`: the account page.
        return &action[..account.len() + "/account".len()];
    }
    ["/comments", "/withdraw", "/decision", "/role", "/delete"]
        .into_iter()
        .find_map(|tail| action.strip_suffix(tail))
        .unwrap_or(action)
}

/// The page for a session store that cannot be read (503) or another failure (500).
fn store_error(ctx: &Ctx, e: &crate::auth::AuthError) -> WebError {
    if crate::error::Classify::kind(e) == crate::error::ErrorKind::Unavailable {
        tracing::error!(error = %crate::util::escaped(&e), "page: the session store is unavailable");
        WebError::unavailable(ctx)
    } else {
        ctx.internal(e)
    }
}

/// The posted pairs, or a 400 page when the body is not a form.
pub fn pairs(ctx: &Ctx, form: Result<Form<Pairs>, FormRejection>) -> Result<Pairs, WebError> {
    match form {
        Ok(Form(pairs)) => Ok(pairs),
        Err(e) => Err(ctx.bad_request("error-form-title", e.body_text())),
    }
}

/// The first value of `name` in a posted form.
pub fn value<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Refuses a form that does not carry this session's CSRF token (a 403 page saying to
/// reload the page).
pub fn check_csrf(
    ctx: &Ctx,
    user: &SessionUser,
    pairs: &[(String, String)],
) -> Result<(), WebError> {
    if user.csrf_ok(value(pairs, "csrf")) {
        Ok(())
    } else {
        Err(WebError::forbidden(ctx, ctx.tr.t("error-csrf")))
    }
}

/// `303 See Other` to a page of this site, after a form was handled.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A moment as this language writes it, in UTC: "22 novembre 2026, 10 h 21 UTC".
pub fn when(tr: Tr, at: DateTime<Utc>) -> String {
    let time = at.format("%H:%M").to_string();
    tr.args(
        "date-time",
        &[
            ("date", tr.date(at.date_naive()).into()),
            ("time", time.into()),
        ],
    )
}

/// Whole days since `at`.
pub fn age_days(at: DateTime<Utc>) -> i64 {
    (Utc::now() - at).num_days().max(0)
}

pub fn state_id(state: State) -> &'static str {
    match state {
        State::PendingGit => "pending-git",
        State::Open => "open",
        State::ChangesRequested => "changes-requested",
        State::Approved => "approved",
        State::Rejected => "rejected",
        State::Withdrawn => "withdrawn",
    }
}

pub fn state_label(tr: Tr, state: State) -> String {
    tr.t(&format!("state-{}", state_id(state)))
}

pub fn kind_label(tr: Tr, kind: Kind) -> String {
    tr.t(match kind {
        Kind::New => "submission-kind-new",
        Kind::Change => "submission-kind-change",
    })
}

pub fn role_id(role: Role) -> &'static str {
    match role {
        Role::Submitter => "submitter",
        Role::Reviewer => "reviewer",
        Role::Admin => "admin",
    }
}

pub fn role_label(tr: Tr, role: Role) -> String {
    tr.t(&format!("role-{}", role_id(role)))
}

/// Label of a decision given by its id (`approve`, `request-changes`, `reject`).
pub fn decision_label(tr: Tr, id: &str) -> String {
    match id {
        "approve" | "request-changes" | "reject" => tr.t(&format!("decision-{id}")),
        other => other.to_owned(),
    }
}

/// Label of an assessment status given by its id, or the id itself when unknown.
pub fn status_label_id(tr: Tr, id: &str) -> String {
    crate::model::Status::ALL
        .into_iter()
        .find(|s| s.id() == id)
        .map_or_else(|| id.to_owned(), |s| super::view::status_label(tr, s))
}
