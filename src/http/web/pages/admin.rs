//! `/{lang}/admin`: the accounts and their roles, for admins. An admin changes the role
//! stored for an account (`POST /{lang}/admin/role`, audited as `admin.role`); a role given by
//! configuration (provider + subject, or verified e-mail domain) stays whatever is stored.
//! Who may, and what is stored, is [`crate::workflow::admin`]'s.

use axum::response::Response;

use super::render;
use crate::auth::configured_role;
use crate::db::entities::users::Role;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::WebError;
use crate::http::web::i18n::Tr;
use crate::http::web::private::{self, Posted, WebUser};
use crate::workflow::{WorkflowError, admin, rules};

const ROLES: [Role; 3] = [Role::Submitter, Role::Reviewer, Role::Admin];

#[derive(Debug, askama::Template)]
#[template(path = "admin.html")]
pub struct AdminPage {
    pub tr: Tr,
    pub layout: Layout,
    pub csrf: String,
    pub accounts: Vec<AccountRow>,
}

#[derive(Debug, Clone)]
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub provider: String,
    pub stored: String,
    /// The role configuration gives the account, if any.
    pub configured: Option<String>,
    pub deleted: bool,
    pub options: Vec<RoleOption>,
}

#[derive(Debug, Clone)]
pub struct RoleOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// The page for a refusal of [`crate::workflow::admin`], in the page's language.
fn refused(ctx: &Ctx, e: WorkflowError) -> WebError {
    match e {
        WorkflowError::Forbidden(_) => WebError::forbidden(ctx, ctx.tr.t("admin-only")),
        WorkflowError::NotFound(_) => ctx.not_found(None),
        WorkflowError::Conflict(_) => {
            ctx.bad_request("admin-error", ctx.tr.t("admin-deleted-account"))
        }
        other => WebError::from_workflow(ctx, &other),
    }
}

/// `GET /{lang}/admin`.
pub async fn page(ctx: Ctx, WebUser(user): WebUser) -> Result<Response, WebError> {
    let tr = ctx.tr;
    let rows = admin::accounts(&ctx.app.workflow, &user.actor)
        .await
        .map_err(|e| refused(&ctx, e))?;
    let config = ctx.app.providers.config();
    let accounts = rows
        .iter()
        .map(|u| AccountRow {
            id: u.id,
            name: u.display_name.clone(),
            provider: config
                .provider(&u.provider)
                .map_or_else(|| u.provider.clone(), |p| p.name.clone()),
            stored: private::role_label(tr, u.role),
            configured: configured_role(u, &ctx.app.config.auth)
                .map(|r| private::role_label(tr, r)),
            deleted: u.pseudonymised_at.is_some(),
            options: ROLES
                .into_iter()
                .map(|r| RoleOption {
                    value: private::role_id(r),
                    label: private::role_label(tr, r),
                    selected: r == u.role,
                })
                .collect(),
        })
        .collect();
    let mut layout = ctx.layout(tr.t("admin-title"), Section::Other);
    layout.noindex = true;
    render(
        &ctx,
        &AdminPage {
            tr,
            layout,
            csrf: user.csrf().to_owned(),
            accounts,
        },
    )
}

/// `POST /{lang}/admin/role`: `user` (account id), `role`, `csrf`.
pub async fn set_role(ctx: Ctx, Posted { user, pairs }: Posted) -> Result<Response, WebError> {
    rules::check_admin(&user.actor).map_err(|e| refused(&ctx, e))?;
    private::check_csrf(&ctx, &user, &pairs)?;
    let tr = ctx.tr;
    let id: i64 = private::value(&pairs, "user")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| ctx.bad_request("admin-error", tr.t("admin-bad-user")))?;
    let role = private::value(&pairs, "role")
        .and_then(|v| ROLES.into_iter().find(|r| private::role_id(*r) == v))
        .ok_or_else(|| ctx.bad_request("admin-error", tr.t("admin-bad-role")))?;
    admin::set_role(&ctx.app.workflow, &user.actor, id, role)
        .await
        .map_err(|e| refused(&ctx, e))?;
    Ok(private::see_other(
        &ctx.href(&format!("/admin#account-{id}")),
    ))
}
