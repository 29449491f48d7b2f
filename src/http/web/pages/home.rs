//! `/{lang}/`: a search box, "replace a service", the categories, a few figures.

use axum::response::Response;

use super::{Tile, render};
use crate::catalogue::Snapshot;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::model::ReviewStatus;

/// The notices the home page shows after an action.
const NOTICES: [&str; 2] = ["logged-out", "account-deleted"];

/// Services most people want to leave, shown first when the catalogue has them.
const POPULAR: [&str; 12] = [
    "whatsapp",
    "google-drive",
    "zoom",
    "gmail",
    "google-docs",
    "google-maps",
    "google-chrome",
    "google-photos",
    "lastpass",
    "slack",
    "youtube",
    "google-analytics",
];

#[derive(Debug, askama::Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub tr: Tr,
    pub layout: Layout,
    pub examples: Vec<Link>,
    pub services: Vec<Tile>,
    pub other_services: Vec<Tile>,
    pub categories: Vec<Tile>,
    pub entries: usize,
    pub criteria: usize,
    pub validated: usize,
    /// A message after an action that ends on the home page (`?notice=logged-out`,
    /// `?notice=account-deleted`); unknown values are ignored.
    pub notice: Option<String>,
}

pub async fn page(ctx: Ctx) -> Result<Response, WebError> {
    let snapshot = ctx.app.snapshot();
    let page = build(&ctx, &snapshot);
    render(&ctx, &page)
}

/// Services that have alternatives: the popular ones first (in the order above), then the
/// others by number of alternatives.
pub fn service_tiles(snapshot: &Snapshot, tr: Tr) -> (Vec<Tile>, Vec<Tile>) {
    let lang = tr.lang;
    let c = &snapshot.catalogue;
    let count = |id: &str| {
        c.entries
            .values()
            .filter(|e| e.replaces.iter().any(|r| r == id))
            .count()
    };
    let tile = |id: &str, n: usize| {
        c.services.get(id).map(|s| Tile {
            href: format!("/{}/alternatives/{}", lang.code(), s.id),
            name: s.name.clone(),
            detail: tr.n("alternatives-count", n),
        })
    };
    let popular: Vec<Tile> = POPULAR
        .iter()
        .filter_map(|id| {
            let n = count(id);
            (n > 0).then(|| tile(id, n)).flatten()
        })
        .collect();
    let mut others: Vec<(usize, &str)> = c
        .services
        .keys()
        .filter(|id| !POPULAR.contains(&id.as_str()))
        .map(|id| (count(id), id.as_str()))
        .filter(|(n, _)| *n > 0)
        .collect();
    others.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let others = others
        .into_iter()
        .filter_map(|(n, id)| tile(id, n))
        .collect();
    (popular, others)
}

pub fn build(ctx: &Ctx, snapshot: &Snapshot) -> HomePage {
    let tr = ctx.tr;
    let c = &snapshot.catalogue;
    let mut layout = ctx.layout(tr.t("home-title"), Section::Home);
    layout.header_search = false;
    let (services, other_services) = service_tiles(snapshot, tr);
    let mut categories: Vec<Tile> = c
        .categories
        .values()
        .map(|cat| {
            let n = c
                .entries
                .values()
                .filter(|e| e.categories.contains(&cat.id))
                .count();
            Tile {
                href: format!("/{}/search?category={}", ctx.lang.code(), cat.id),
                name: cat.name.get(ctx.lang).to_owned(),
                detail: tr.n("entries-count", n),
            }
        })
        .collect();
    categories.sort_by_key(|t| t.name.to_lowercase());
    let examples = ["home-example-1", "home-example-2", "home-example-3"].map(|k| tr.t(k));
    let notice = ctx
        .query
        .as_deref()
        .and_then(|q| crate::http::params::QueryParams::parse(q).ok())
        .and_then(|mut p| p.take_all("notice").into_iter().next())
        .filter(|n| NOTICES.contains(&n.as_str()))
        .map(|n| tr.t(&format!("notice-{n}")));
    if notice.is_some() {
        layout.noindex = true;
    }
    HomePage {
        tr,
        layout,
        notice,
        examples: examples
            .into_iter()
            .map(|q| Link {
                href: crate::http::web::query::search_href_with(
                    ctx.lang,
                    &q,
                    &[],
                    crate::search::Sort::Relevance,
                    1,
                ),
                label: q,
            })
            .collect(),
        services,
        other_services,
        categories,
        entries: c.entries.len(),
        criteria: c.criteria.len(),
        validated: c
            .entries
            .values()
            .filter(|e| e.review.status == ReviewStatus::Validated)
            .count(),
    }
}
