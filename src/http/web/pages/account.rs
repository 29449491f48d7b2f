//! `/{lang}/account`: what the registry holds about the person logged in, their
//! submissions, their API tokens (`POST /{lang}/account/tokens`, `.../tokens/{id}/revoke`,
//! see `workflow::tokens`), the download of all their data (`/{lang}/account/export.json`),
//! account deletion (`POST /{lang}/account/delete`, see `workflow::privacy`) and logging out.

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
    pub tokens: Vec<TokenRow>,
    pub token_name: Field,
    pub token_days: Field,
    /// A token just made, shown this once.
    pub new_token: Option<String>,
}

/// One of the person's API tokens.
#[derive(Debug, Clone)]
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub created: String,
    pub expires: String,
    pub last_used: String,
    pub expired: bool,
}

/// What the page shows besides the account: a refused form's input and errors, or a token
/// just made.
#[derive(Debug, Default)]
struct Kept {
    confirm_error: bool,
    token_name: String,
    token_days: String,
    name_error: Option<String>,
    days_error: Option<String>,
    new_token: Option<String>,
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
    kept: Kept,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr;
    let confirm_error = kept.confirm_error;
    let mine = sub::mine(&ctx.app.workflow, &user.actor)
        .await
        .map_err(|e| WebError::from_workflow(ctx, &e))?;
    let tokens = crate::workflow::tokens::list(&ctx.app.workflow, &user.actor)
        .await
        .map_err(|e| WebError::from_workflow(ctx, &e))?;
    let now = chrono::Utc::now();
    let error = |message: Option<String>| {
        message
            .map(|message| FieldError {
                message,
                hint: None,
            })
            .into_iter()
            .collect::<Vec<_>>()
    };
    let mut token_name = Field::new(
        "token_name",
        tr.t("account-token-name"),
        kept.token_name,
        "text",
    )
    .hint(tr.t("account-token-name-hint"))
    .required();
    token_name.errors = error(kept.name_error);
    let days = if kept.token_days.is_empty() {
        "90".to_owned()
    } else {
        kept.token_days
    };
    let mut token_days = Field::new("token_days", tr.t("account-token-days"), days, "number")
        .hint(tr.t("account-token-days-hint"));
    token_days.errors = error(kept.days_error);
    let u = &user.user;
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
        tokens: tokens
            .iter()
            .map(|t| TokenRow {
                id: t.id,
                name: t.name.clone(),
                created: private::when(tr, t.created_at),
                expires: private::when(tr, t.expires_at),
                last_used: t.last_used_at.map_or_else(
                    || tr.t("account-token-never-used"),
                    |at| private::when(tr, at),
                ),
                expired: t.expires_at <= now,
            })
            .collect(),
        token_name,
        token_days,
        new_token: kept.new_token,
    };
    render_with(ctx, &page, status)
}

/// `GET /{lang}/account`.
pub async fn page(ctx: Ctx, WebUser(user): WebUser) -> Result<Response, WebError> {
    show(&ctx, &user, Kept::default(), StatusCode::OK).await
}

/// `POST /{lang}/account/tokens`: makes an API token and shows it, this once.
pub async fn make_token(ctx: Ctx, Posted { user, pairs }: Posted) -> Result<Response, WebError> {
    let name = private::value(&pairs, "token_name")
        .unwrap_or_default()
        .to_owned();
    let days_text = private::value(&pairs, "token_days")
        .unwrap_or_default()
        .trim()
        .to_owned();
    let mut kept = Kept {
        token_name: name.clone(),
        token_days: days_text.clone(),
        ..Kept::default()
    };
    if !user.csrf_ok(private::value(&pairs, "csrf")) {
        kept.name_error = Some(ctx.tr.t("form-stale-token"));
        return show(&ctx, &user, kept, StatusCode::FORBIDDEN).await;
    }
    let days = if days_text.is_empty() {
        Some(90)
    } else {
        days_text.parse::<u32>().ok()
    };
    let Some(days) = days.filter(|d| (1..=crate::auth::tokens::MAX_DAYS).contains(d)) else {
        kept.days_error = Some(crate::auth::tokens::Refusal::Days.to_string());
        return show(&ctx, &user, kept, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    match crate::workflow::tokens::make(&ctx.app.workflow, &user.actor, &name, days).await {
        Ok(minted) => {
            let kept = Kept {
                new_token: Some(minted.secret),
                ..Kept::default()
            };
            show(&ctx, &user, kept, StatusCode::CREATED).await
        }
        Err(crate::workflow::WorkflowError::Invalid { message, .. }) => {
            kept.name_error = Some(message);
            show(&ctx, &user, kept, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(WebError::from_workflow(&ctx, &e)),
    }
}

/// `POST /{lang}/account/tokens/{id}/revoke`.
pub async fn revoke_token(
    ctx: Ctx,
    axum::extract::Path(id): axum::extract::Path<String>,
    Posted { user, pairs }: Posted,
) -> Result<Response, WebError> {
    private::check_csrf(&ctx, &user, &pairs)?;
    let id: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    crate::workflow::tokens::revoke(&ctx.app.workflow, &user.actor, id)
        .await
        .map_err(|e| WebError::from_workflow(&ctx, &e))?;
    Ok(private::see_other(&ctx.href("/account#tokens")))
}

/// `GET /{lang}/account/export.json`: everything held about the account, as a download.
pub async fn export(ctx: Ctx, WebUser(user): WebUser) -> Result<Response, WebError> {
    let data = privacy::export(&ctx.app.workflow, &user.actor)
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
        let kept = Kept {
            confirm_error: true,
            ..Kept::default()
        };
        return show(&ctx, &user, kept, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    privacy::delete_account(&ctx.app.workflow, &user.actor)
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
