//! One module per page type. A handler extracts, calls a `build` function that turns the
//! catalogue snapshot (or search results) into the page's typed struct, and renders it.

pub mod alternatives;
pub mod compare;
pub mod criteria;
pub mod entry;
pub mod home;
pub mod info;
pub mod observatory;
pub mod search;

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::context::Ctx;
use super::error::WebError;

/// Renders a page template into a 200 HTML answer, or the 500 page.
pub fn render<T: Template>(ctx: &Ctx, page: &T) -> Result<Response, WebError> {
    page.render()
        .map(|body| super::html(StatusCode::OK, body))
        .map_err(|e| ctx.internal(e))
}

/// A link with a title and a short detail (services, categories on the home page).
#[derive(Debug, Clone)]
pub struct Tile {
    pub href: String,
    pub name: String,
    pub detail: String,
}
