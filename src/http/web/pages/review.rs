//! `/{lang}/review`: the reviewers' queue, oldest first, filtered by state, category and
//! minimum age (query string; a bad value is a 400 page saying which and why).

use axum::extract::RawQuery;
use axum::response::Response;

use super::render;
use crate::db::entities::submissions::State;
use crate::http::params::QueryParams;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::WebError;
use crate::http::web::i18n::Tr;
use crate::http::web::private::{self, WebUser};
use crate::workflow::review::{self, QueueFilter};
use crate::workflow::submissions as sub;

/// The longest "minimum age" accepted, in days.
pub const MAX_AGE_DAYS: i64 = 3650;

/// The states a reviewer can filter on.
const STATES: [State; 3] = [State::Open, State::PendingGit, State::ChangesRequested];

#[derive(Debug, askama::Template)]
#[template(path = "review.html")]
pub struct ReviewPage {
    pub tr: Tr,
    pub layout: Layout,
    pub states: Vec<Opt>,
    pub categories: Vec<Opt>,
    pub min_age: String,
    pub filtered: bool,
    pub rows: Vec<QueueRow>,
    pub count: String,
}

/// An option of a filter's select.
#[derive(Debug, Clone)]
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Debug, Clone)]
pub struct QueueRow {
    pub id: i64,
    pub href: String,
    pub slug: String,
    pub kind: String,
    pub state: String,
    pub age: String,
    pub since: String,
    pub errors: usize,
    pub warnings: usize,
    /// A proposal of the automated-evidence account (shown with a badge).
    pub automated: bool,
}

pub async fn page(
    ctx: Ctx,
    WebUser(user): WebUser,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let tr = ctx.tr;
    if !user.actor.is_reviewer() {
        return Err(WebError::forbidden(&ctx, tr.t("review-reviewers-only")));
    }
    let snapshot = ctx.app.snapshot();
    let bad = |e: crate::http::error::ApiError| WebError::from_api(&ctx, "review-filter-error", &e);
    let mut params = QueryParams::parse(raw.as_deref().unwrap_or_default()).map_err(bad)?;
    let state = params.take_one("state").map_err(bad)?;
    let category = params.take_one("category").map_err(bad)?;
    let min_age = params.take_one("min_age").map_err(bad)?;
    params
        .finish(&["state", "category", "min_age"])
        .map_err(bad)?;
    let state = match state.as_deref() {
        None => None,
        Some(s) => Some(
            STATES
                .into_iter()
                .find(|st| private::state_id(*st) == s)
                .ok_or_else(|| {
                    ctx.bad_request(
                        "review-filter-error",
                        tr.s(
                            "review-filter-bad-state",
                            "value",
                            &crate::http::params::truncate(s, 40),
                        ),
                    )
                })?,
        ),
    };
    if let Some(c) = &category
        && !snapshot.catalogue.categories.contains_key(c)
    {
        return Err(ctx.bad_request(
            "review-filter-error",
            tr.s(
                "review-filter-bad-category",
                "value",
                &crate::http::params::truncate(c, 40),
            ),
        ));
    }
    let min_age_days = match min_age.as_deref() {
        None => None,
        Some(text) => Some(
            text.parse::<i64>()
                .ok()
                .filter(|d| (0..=MAX_AGE_DAYS).contains(d))
                .ok_or_else(|| {
                    ctx.bad_request(
                        "review-filter-error",
                        tr.args(
                            "review-filter-bad-age",
                            &[
                                ("value", crate::http::params::truncate(text, 40).into()),
                                ("max", MAX_AGE_DAYS.into()),
                            ],
                        ),
                    )
                })?,
        ),
    };
    let filter = QueueFilter {
        state,
        category: category.clone(),
        min_age_days,
    };
    let queue = review::queue(&ctx.app.workflow, &user.actor, &filter)
        .await
        .map_err(|e| WebError::from_workflow(&ctx, &e))?;
    let rows: Vec<QueueRow> = queue
        .iter()
        .map(|s| {
            let diagnostics = sub::diagnostics_of(s);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let days = private::age_days(s.updated_at);
            QueueRow {
                id: s.id,
                href: ctx.href(&format!("/submissions/{}", s.id)),
                slug: s.slug.clone(),
                kind: private::kind_label(tr, s.kind),
                state: private::state_label(tr, s.state),
                age: tr.n("review-age-days", usize::try_from(days).unwrap_or(0)),
                since: private::when(tr, s.updated_at),
                errors,
                warnings: diagnostics.len() - errors,
                automated: crate::workflow::proposals::is_automated(s),
            }
        })
        .collect();
    let mut states = vec![Opt {
        value: String::new(),
        label: tr.t("review-filter-state-default"),
        selected: state.is_none(),
    }];
    states.extend(STATES.into_iter().map(|st| Opt {
        value: private::state_id(st).to_owned(),
        label: private::state_label(tr, st),
        selected: state == Some(st),
    }));
    let mut categories: Vec<Opt> = snapshot
        .catalogue
        .categories
        .values()
        .map(|c| Opt {
            value: c.id.clone(),
            label: c.name.get(ctx.lang).to_owned(),
            selected: category.as_deref() == Some(c.id.as_str()),
        })
        .collect();
    categories.sort_by_key(|o| o.label.to_lowercase());
    categories.insert(
        0,
        Opt {
            value: String::new(),
            label: tr.t("review-filter-category-any"),
            selected: category.is_none(),
        },
    );
    let mut layout = ctx.layout(tr.t("review-title"), Section::Other);
    layout.noindex = true;
    let page = ReviewPage {
        tr,
        layout,
        states,
        categories,
        min_age: min_age_days.map(|d| d.to_string()).unwrap_or_default(),
        filtered: filter.state.is_some()
            || filter.category.is_some()
            || filter.min_age_days.is_some(),
        count: tr.n("review-count", rows.len()),
        rows,
    };
    render(&ctx, &page)
}
