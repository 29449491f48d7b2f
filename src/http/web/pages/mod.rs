//! One module per page type. A handler extracts, calls a `build` function that turns the
//! catalogue snapshot (or search results) into the page's typed struct, and renders it.

pub mod account;
pub mod admin;
pub mod alternatives;
pub mod checklist;
pub mod compare;
pub mod criteria;
pub mod decisions;
pub mod entry;
pub mod entry_evidence;
pub mod entry_form;
pub mod home;
pub mod info;
pub mod login;
pub mod observatory;
pub mod observatory_rights;
pub mod review;
pub mod rights;
pub mod rights_review;
pub mod search;
pub mod service_rights;
pub mod submission;
pub mod submit;

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::context::Ctx;
use super::error::WebError;

/// Renders a page template into a 200 HTML answer, or the 500 page.
pub fn render<T: Template>(ctx: &Ctx, page: &T) -> Result<Response, WebError> {
    render_with(ctx, page, StatusCode::OK)
}

/// Renders a page template with another status (a form shown again with its errors).
pub fn render_with<T: Template>(
    ctx: &Ctx,
    page: &T,
    status: StatusCode,
) -> Result<Response, WebError> {
    page.render()
        .map(|body| super::html(status, body))
        .map_err(|e| ctx.internal(e))
}

/// A link with a title and a short detail (services, categories on the home page).
#[derive(Debug, Clone)]
pub struct Tile {
    pub href: String,
    pub name: String,
    pub detail: String,
}
