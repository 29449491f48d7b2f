//! `/{lang}/login?next=`: the configured login providers, as links that start the login
//! (`/auth/login/{id}?next=...`), and what an account keeps. The same page for everyone (it
//! is public and cached): it does not know whether the visitor is logged in.

use axum::extract::RawQuery;
use axum::response::Response;

use super::render;
use crate::auth::session::safe_next;
use crate::http::params::QueryParams;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::query;

#[derive(Debug, askama::Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub tr: Tr,
    pub layout: Layout,
    pub providers: Vec<Link>,
    pub stored: String,
}

pub async fn page(ctx: Ctx, RawQuery(raw): RawQuery) -> Result<Response, WebError> {
    let tr = ctx.tr;
    // A malformed `next` only loses the way back: the page still lets people log in.
    let next = QueryParams::parse(raw.as_deref().unwrap_or_default())
        .ok()
        .and_then(|mut p| p.take_all("next").into_iter().next());
    let next = safe_next(next.as_deref(), &ctx.href("/account"));
    let providers = ctx
        .app
        .providers
        .config()
        .providers
        .iter()
        .map(|p| Link {
            href: format!(
                "/auth/login/{}?{}",
                percent_encoding::utf8_percent_encode(&p.id, percent_encoding::NON_ALPHANUMERIC),
                query::encode([("next", next.as_str())])
            ),
            label: tr.s("login-with", "provider", &p.name),
        })
        .collect();
    let mut layout = ctx.layout(tr.t("login-title"), Section::Account);
    layout.noindex = true;
    let page = LoginPage {
        tr,
        layout,
        providers,
        stored: tr.args(
            "login-stored",
            &[("hours", ctx.app.config.auth.session_hours.into())],
        ),
    };
    render(&ctx, &page)
}
