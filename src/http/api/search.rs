//! `GET /api/v1/search`: full-text search with filters, facets, sort and pagination.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;

use crate::app::App;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::params::{QueryParams, truncate};
use crate::model::{Grade, Lang, Platform, ReviewStatus};
use crate::search::{Filters, SearchRequest, SearchResults, Sort};

/// Longest search query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_PER_PAGE: usize = 100;
pub const MAX_PAGE: usize = 1000;

/// Documentation of the query parameters (parsing is done by [`QueryParams`]).
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "only describes the parameters for the OpenAPI document"
)]
pub struct SearchParams {
    /// Words to look for, in French or English; typos tolerated. "alternative à X",
    /// "alternative to X", "remplacer X" or a service name ask for what replaces service X.
    /// At most 200 characters.
    #[param(max_length = 200)]
    q: Option<String>,
    /// Language of summaries and snippets: `fr` (default) or `en`.
    #[param(inline)]
    lang: Option<Lang>,
    /// Category id; repeat to require several (AND across facets, OR within one).
    category: Option<Vec<String>>,
    /// Platform id (`android`, `linux`, `web`...); repeatable.
    platform: Option<Vec<Platform>>,
    /// SPDX licence id (`AGPL-3.0-only`...); repeatable.
    license: Option<Vec<String>>,
    /// Criterion id that must be met; repeatable.
    criterion: Option<Vec<String>>,
    /// Grade letter A–E; repeatable.
    grade: Option<Vec<Grade>>,
    /// Review status (`community`, `validated`...); repeatable.
    status: Option<Vec<ReviewStatus>>,
    /// `relevance` (default), `grade`, `name` or `updated`.
    #[param(inline)]
    sort: Option<Sort>,
    /// Page number from 1 (at most 1000).
    #[param(minimum = 1, maximum = 1000)]
    page: Option<usize>,
    /// Results per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<usize>,
}

const ACCEPTED: &[&str] = &[
    "q",
    "lang",
    "category",
    "platform",
    "license",
    "criterion",
    "grade",
    "status",
    "sort",
    "page",
    "per_page",
];

/// Parses and checks every parameter of a search; shared by the API and the web pages.
pub fn parse_request(params: &mut QueryParams, app: &App) -> Result<SearchRequest, ApiError> {
    let q = params.take_one("q")?.unwrap_or_default();
    let q_chars = q.chars().count();
    if q_chars > MAX_QUERY_CHARS {
        return Err(ApiError::bad_request(
            "invalid-parameter",
            format!(
                "parameter `q` has {q_chars} characters; at most {MAX_QUERY_CHARS} are accepted"
            ),
        ));
    }
    let lang = match params.take_one("lang")? {
        None => Lang::Fr,
        Some(code) => Lang::parse(&code).ok_or_else(|| {
            ApiError::bad_request(
                "invalid-parameter",
                format!(
                    "parameter `lang` must be `fr` or `en`, got `{}`",
                    truncate(&code, 20)
                ),
            )
        })?,
    };
    let snapshot = app.snapshot();
    let catalogue = &snapshot.catalogue;
    let category = known(
        params,
        "category",
        catalogue.categories.keys().map(String::as_str),
    )?;
    let platform = known(params, "platform", Platform::ALL.iter().map(|p| p.id()))?;
    let criterion = known(
        params,
        "criterion",
        catalogue.criteria.keys().map(String::as_str),
    )?;
    let grade = known(params, "grade", Grade::ALL.iter().map(|g| g.letter()))?;
    let status = known(params, "status", ReviewStatus::ALL.iter().map(|s| s.id()))?;
    let license = params.take_all("license");
    let sort = match params.take_one("sort")? {
        None => Sort::Relevance,
        Some(s) => s.parse::<Sort>().map_err(|e| {
            ApiError::bad_request("invalid-parameter", format!("parameter `sort`: {e}"))
        })?,
    };
    let page = params.take_number("page", 1, 1..=MAX_PAGE)?;
    let per_page = params.take_number("per_page", 20, 1..=MAX_PER_PAGE)?;
    Ok(SearchRequest {
        q,
        lang,
        filters: Filters {
            category,
            platform,
            license,
            criterion,
            grade,
            status,
        },
        sort,
        page,
        per_page,
    })
}

/// Values of a repeatable parameter, each checked against the known ones.
fn known<'a>(
    params: &mut QueryParams,
    name: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
) -> Result<Vec<String>, ApiError> {
    let values = params.take_all(name);
    for v in &values {
        if !allowed.clone().any(|a| a.eq_ignore_ascii_case(v)) {
            let list: Vec<&str> = allowed.clone().collect();
            let hint = match crate::util::closest(v, list.iter()) {
                Some(guess) => format!("did you mean `{guess}`?"),
                None => format!("known values: {}", list.join(", ")),
            };
            return Err(ApiError::bad_request(
                "invalid-parameter",
                format!(
                    "parameter `{name}`: unknown value `{}`; {hint}",
                    truncate(v, 40)
                ),
            ));
        }
    }
    Ok(values
        .into_iter()
        .map(|v| {
            allowed
                .clone()
                .find(|a| a.eq_ignore_ascii_case(&v))
                .map_or(v, str::to_owned)
        })
        .collect())
}

/// Search the catalogue.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "Hits, facets with counts, pagination", body = SearchResults),
        (status = 400, description = "A parameter is invalid; the message names it", body = ErrorBody),
        (status = 414, description = "Query string too long", body = ErrorBody)
    )
)]
pub async fn search(
    State(app): State<Arc<App>>,
    mut params: QueryParams,
) -> Result<Json<SearchResults>, ApiError> {
    let request = parse_request(&mut params, &app)?;
    params.finish(ACCEPTED)?;
    app.metrics.searches.inc();
    let worker = Arc::clone(&app);
    let mut results =
        tokio::task::spawn_blocking(move || worker.index().search(&request)).await??;
    mark_stale(&app, &mut results);
    Ok(Json(results))
}

/// Sets the stale flag of each hit from the automated evidence the server keeps in memory.
pub(crate) fn mark_stale(app: &App, results: &mut SearchResults) {
    let stale = app.workflow.stale.get();
    for hit in &mut results.hits {
        hit.stale = stale.contains(&hit.slug);
    }
}
