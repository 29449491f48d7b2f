//! `/{lang}/account`: what the registry holds about the person logged in, their
//! submissions, the download of all their data (`/{lang}/account/export.json`), account
//! deletion (`POST /{lang}/account/delete`, see `workflow::privacy`) and logging out.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::entry_form::{Field, FieldError};
use super::render_with;
use crate::auth::Cookies;
use crate::http::session::SessionUser;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::WebError;
use crate::http::web::i18n::Tr;
use crate::http::web::private::{self, Posted, WebUser};
use crate::workflow::{privacy, pseudonym, submissions as sub};

#[derive(Debug, askama::Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub tr: Tr,
    pub layout: Layout,
    pub csrf: String,
    pub name: String,
    pub provider: String,
    pub email: Option<String>,
    pub role: String,
    /// Set when configuration gives a higher role than the stored one.
    pub role_from_config: bool,
    pub pseudonym: String,
    pub since: String,
    pub is_reviewer: bool,
    pub is_admin: bool,
    pub submissions: Vec<SubmissionRow>,
    pub confirm: Field,
    pub session_hours: usize,
}

#[derive(Debug, Clone)]
pub struct SubmissionRow {
    pub id: i64,
    pub href: String,
    pub slug: String,
    pub kind: String,
    pub state_id: &'static str,
    pub state: String,
    pub updated: String,
}

async fn show(
    ctx: &Ctx,
    user: &SessionUser,
    confirm_error: bool,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr;
    let mine = sub::mine(&ctx.app, &user.actor)
        .await
        .map_err(|e| WebError::from_workflow(ctx, &e))?;
    let u = &user.live.user;
    let provider = ctx
        .app
        .providers
        .config()
        .provider(&u.provider)
        .map_or_else(|| u.provider.clone(), |p| p.name.clone());
    let mut confirm = Field::new(
        "confirm",
        tr.t("account-delete-confirm"),
        "yes".into(),
        "checkbox",
    );
    if confirm_error {
        confirm.errors.push(FieldError {
            message: tr.t("account-delete-confirm-missing"),
            hint: None,
        });
    }
    let mut layout = ctx.layout(
        if confirm_error {
            tr.s("form-title-with-errors", "title", &tr.t("account-title"))
        } else {
            tr.t("account-title")
        },
        Section::Account,
    );
    layout.noindex = true;
    let page = AccountPage {
        tr,
        layout,
        csrf: user.csrf().to_owned(),
        name: u.display_name.clone(),
        provider,
        email: u.email.clone(),
        role: private::role_label(tr, user.role),
        role_from_config: user.role != u.role,
        pseudonym: pseudonym(u),
        since: private::when(tr, u.created_at),
        is_reviewer: user.actor.is_reviewer(),
        is_admin: user.actor.is_admin(),
        submissions: mine
            .iter()
            .map(|s| SubmissionRow {
                id: s.id,
                href: ctx.href(&format!("/submissions/{}", s.id)),
                slug: s.slug.clone(),
                kind: private::kind_label(tr, s.kind),
                state_id: private::state_id(s.state),
                state: private::state_label(tr, s.state),
                updated: private::when(tr, s.updated_at),
            })
            .collect(),
        confirm,
        session_hours: usize::try_from(ctx.app.config.auth.session_hours).unwrap_or(usize::MAX),
    };
    render_with(ctx, &page, status)
}

/// `GET /{lang}/account`.
pub async fn page(ctx: Ctx, WebUser(user): WebUser) -> Result<Response, WebError> {
    show(&ctx, &user, false, StatusCode::OK).await
}

/// `GET /{lang}/account/export.json`: everything held about the account, as a download.
pub async fn export(ctx: Ctx, WebUser(user): WebUser) -> Result<Response, WebError> {
    let data = privacy::export(&ctx.app, &user.actor)
        .await
        .map_err(|e| WebError::from_workflow(&ctx, &e))?;
    let body = serde_json::to_vec_pretty(&data).map_err(|e| ctx.internal(e))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"floss-registry-account.json\""),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response())
}

/// `POST /{lang}/account/delete`: deletes the account once the box is ticked, ends the
/// session and goes to the home page, which says it is done.
pub async fn delete(ctx: Ctx, Posted { user, pairs }: Posted) -> Result<Response, WebError> {
    private::check_csrf(&ctx, &user, &pairs)?;
    if private::value(&pairs, "confirm") != Some("yes") {
        return show(&ctx, &user, true, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    privacy::delete_account(&ctx.app, &user.actor)
        .await
        .map_err(|e| WebError::from_workflow(&ctx, &e))?;
    let cookies = Cookies {
        secure: ctx.app.config.auth.cookie_secure,
    };
    let mut res = private::see_other(&ctx.href("/?notice=account-deleted"));
    if let Ok(v) = HeaderValue::from_str(&cookies.clear(cookies.session_name())) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}
