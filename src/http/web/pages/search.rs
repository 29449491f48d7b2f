//! `/{lang}/search`: results with highlighted snippets, facets as checkboxes of one GET
//! form (AND across facets), sort, pagination, and a helpful page when nothing matches.
//!
//! Parameters are parsed by the API's parser, so the page and `/api/v1/search` accept the
//! same URLs; a bad parameter gets a translated 400 page instead of JSON. Unknown parameters
//! (say, a tracking tag added by a mail client) are ignored rather than refused.

use std::sync::Arc;

use axum::extract::RawQuery;
use axum::response::Response;

use super::{Tile, render};
use crate::catalogue::Snapshot;
use crate::http::api::search::parse_request;
use crate::http::params::QueryParams;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::query::{filter_pairs, search_href, search_href_with};
use crate::http::web::view::{self, Tag};
use crate::model::{Grade, Platform, ReviewStatus};
use crate::search::{Filters, SearchRequest, SearchResults, Sort};

#[derive(Debug, askama::Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub tr: Tr,
    pub layout: Layout,
    pub q: String,
    pub heading: String,
    pub results_heading: String,
    pub range: String,
    pub hits: Vec<HitView>,
    /// Position of the first hit, for the `start` of the ordered list.
    pub first: usize,
    pub facets: Vec<FacetGroup>,
    pub sorts: Vec<Choice>,
    pub active: Vec<Link>,
    pub clear_href: String,
    pub service: Option<Link>,
    pub pagination: Option<Pagination>,
    pub nothing: Option<NoResults>,
    /// Results exist but not on this page (a page number past the end).
    pub past_end: Option<String>,
}

#[derive(Debug, Clone)]
pub struct HitView {
    pub href: String,
    pub name: String,
    pub mark: view::GradeMark,
    /// HTML-escaped by the engine, with `<mark>` around matched words.
    pub snippet: String,
    pub summary: String,
    pub categories: Vec<Tag>,
    pub license: String,
    pub platforms: String,
    pub review: String,
    /// Automated evidence found no activity for 12 months.
    pub stale: bool,
}

#[derive(Debug, Clone)]
pub struct FacetGroup {
    pub name: &'static str,
    pub legend: String,
    pub options: Vec<FacetOption>,
    /// Long lists are folded in a `<details>`, open when one of them is chosen.
    pub folded: bool,
    pub open: bool,
}

#[derive(Debug, Clone)]
pub struct FacetOption {
    pub id: String,
    pub value: String,
    pub label: String,
    pub count: u64,
    pub checked: bool,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Debug, Clone)]
pub struct Pagination {
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Debug, Clone)]
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
    /// A gap ("…") before this page.
    pub gap_before: bool,
}

#[derive(Debug, Clone)]
pub struct NoResults {
    pub did_you_mean: Option<Link>,
    pub has_filters: bool,
    pub services: Vec<Tile>,
    pub browse_href: String,
}

pub async fn page(ctx: Ctx, RawQuery(raw): RawQuery) -> Result<Response, WebError> {
    let mut params = QueryParams::parse(raw.as_deref().unwrap_or_default())
        .map_err(|e| WebError::from_api(&ctx, "search-error-title", &e))?;
    let mut request = parse_request(&mut params, &ctx.app)
        .map_err(|e| WebError::from_api(&ctx, "search-error-title", &e))?;
    request.lang = ctx.lang;
    ctx.app.metrics.searches.inc();
    let worker = Arc::clone(&ctx.app);
    let asked = request.clone();
    let mut results = tokio::task::spawn_blocking(move || worker.index().search(&asked))
        .await
        .map_err(|e| ctx.internal(e))?
        .map_err(|e| ctx.internal(e))?;
    crate::http::api::search::mark_stale(&ctx.app, &mut results);
    let snapshot = ctx.app.snapshot();
    let mut page = build(&ctx, &snapshot, &request, &results);
    // One category chosen: its changes have a feed of their own.
    if let [category] = request.filters.category.as_slice()
        && snapshot.catalogue.categories.contains_key(category)
    {
        page.layout.page_feed = Some(crate::http::web::context::FeedLink {
            href: match ctx.lang {
                crate::model::Lang::Fr => format!("/feed.atom?category={category}"),
                crate::model::Lang::En => format!("/feed.atom?category={category}&lang=en"),
            },
            title: ctx.tr.s(
                "feed-category-feed-title",
                "name",
                &view::category_name(&snapshot, category, ctx.lang),
            ),
        });
    }
    render(&ctx, &page)
}

pub fn build(
    ctx: &Ctx,
    snapshot: &Snapshot,
    req: &SearchRequest,
    results: &SearchResults,
) -> SearchPage {
    let tr = ctx.tr;
    let lang = ctx.lang;
    let heading = if req.q.is_empty() {
        tr.t("search-title")
    } else {
        tr.s("search-title-query", "query", &req.q)
    };
    let mut layout = ctx.layout(heading.clone(), Section::Search);
    layout.header_search = false;
    layout.noindex = true;
    layout.q = req.q.clone();

    let hits: Vec<HitView> = results
        .hits
        .iter()
        .map(|h| HitView {
            href: format!("/{}/entries/{}", lang.code(), h.slug),
            name: h.name.clone(),
            mark: view::GradeMark::of_hit(tr, h),
            snippet: h.snippet.clone(),
            summary: h.summary.clone(),
            categories: h
                .categories
                .iter()
                .map(|c| Tag {
                    href: search_href_with(lang, "", &[("category", c)], Sort::Relevance, 1),
                    label: view::category_name(snapshot, c, lang),
                })
                .collect(),
            license: h.license.clone(),
            platforms: h
                .platforms
                .iter()
                .map(|p| view::platform_label_id(tr, p))
                .collect::<Vec<_>>()
                .join(", "),
            review: view::review_label_id(tr, &h.review_status),
            stale: h.stale,
        })
        .collect();

    let per_page = results.per_page.max(1);
    let pages = results.total.div_ceil(per_page);
    let first = (results.page.saturating_sub(1)) * per_page + 1;
    let last = (first + hits.len()).saturating_sub(1);
    let range = if hits.is_empty() {
        String::new()
    } else {
        tr.args(
            "search-range",
            &[
                ("first", first.into()),
                ("last", last.into()),
                ("total", results.total.into()),
            ],
        )
    };

    let nothing = (results.total == 0).then(|| no_results(ctx, snapshot, req));
    let past_end = (results.total > 0 && hits.is_empty()).then(|| search_href(lang, req, 1));

    SearchPage {
        tr,
        layout,
        q: req.q.clone(),
        heading,
        results_heading: tr.n("search-results-count", results.total),
        range,
        hits,
        first,
        facets: facets(snapshot, tr, req, results),
        sorts: Sort::ALL
            .into_iter()
            .map(|s| Choice {
                value: s.as_str(),
                label: tr.t(&format!("sort-{}", s.as_str())),
                selected: s == req.sort,
            })
            .collect(),
        active: active_filters(snapshot, tr, req),
        clear_href: search_href_with(lang, &req.q, &[], req.sort, 1),
        service: results.service.as_ref().map(|s| Link {
            href: format!("/{}/alternatives/{}", lang.code(), s.id),
            label: tr.s("search-service-match", "service", &s.name),
        }),
        pagination: (pages > 1).then(|| pagination(ctx, req, results.page, pages)),
        nothing,
        past_end,
    }
}

/// Label of a facet value in the page's language.
fn value_label(snapshot: &Snapshot, tr: Tr, dim: &str, value: &str) -> String {
    match dim {
        "category" => view::category_name(snapshot, value, tr.lang),
        "platform" => view::platform_label_id(tr, value),
        "status" => view::review_label_id(tr, value),
        "grade" => tr.s("grade-label", "grade", value),
        "criterion" => snapshot
            .catalogue
            .criteria
            .get(value)
            .map_or_else(|| value.to_owned(), |c| c.title.get(tr.lang).to_owned()),
        _ => value.to_owned(),
    }
}

fn chosen<'a>(filters: &'a Filters, dim: &str) -> &'a [String] {
    match dim {
        "category" => &filters.category,
        "platform" => &filters.platform,
        "license" => &filters.license,
        "criterion" => &filters.criterion,
        "grade" => &filters.grade,
        "status" => &filters.status,
        _ => &[],
    }
}

/// The facet groups in the order people use them, each value with its count; a chosen
/// value stays listed even when nothing has it, so it can be unchecked.
fn facets(
    snapshot: &Snapshot,
    tr: Tr,
    req: &SearchRequest,
    results: &SearchResults,
) -> Vec<FacetGroup> {
    const DIMS: [(&str, &str, bool); 6] = [
        ("category", "facet-category", false),
        ("platform", "facet-platform", false),
        ("grade", "facet-grade", false),
        ("status", "facet-status", false),
        ("criterion", "facet-criterion", true),
        ("license", "facet-license", true),
    ];
    DIMS.into_iter()
        .map(|(dim, key, folded)| {
            let picked = chosen(&req.filters, dim);
            let mut options: Vec<FacetOption> = results
                .facets
                .get(dim)
                .into_iter()
                .flatten()
                .filter(|f| f.count > 0 || picked.contains(&f.value))
                .map(|f| (f.value.clone(), f.count))
                .chain(
                    picked
                        .iter()
                        .filter(|p| {
                            !results
                                .facets
                                .get(dim)
                                .is_some_and(|fs| fs.iter().any(|f| &f.value == *p))
                        })
                        .map(|p| (p.clone(), 0)),
                )
                .map(|(value, count)| FacetOption {
                    id: format!(
                        "f-{dim}-{}",
                        value
                            .to_ascii_lowercase()
                            .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
                    ),
                    label: value_label(snapshot, tr, dim, &value),
                    checked: picked.contains(&value),
                    value,
                    count,
                })
                .collect();
            sort_options(dim, &mut options);
            FacetGroup {
                name: dim,
                legend: tr.t(key),
                open: options.iter().any(|o| o.checked),
                folded,
                options,
            }
        })
        .filter(|g| !g.options.is_empty())
        .collect()
}

fn sort_options(dim: &str, options: &mut [FacetOption]) {
    let rank = |value: &str| -> usize {
        match dim {
            "platform" => Platform::ALL.iter().position(|p| p.id() == value),
            "grade" => Grade::ALL.iter().position(|g| g.letter() == value),
            "status" => ReviewStatus::ALL.iter().position(|s| s.id() == value),
            _ => None,
        }
        .unwrap_or(usize::MAX)
    };
    match dim {
        "platform" | "grade" | "status" => options.sort_by_key(|o| rank(&o.value)),
        "license" => {
            options.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)))
        }
        _ => options.sort_by_key(|o| o.label.to_lowercase()),
    }
}

/// One "remove this filter" link per chosen value.
fn active_filters(snapshot: &Snapshot, tr: Tr, req: &SearchRequest) -> Vec<Link> {
    let all = filter_pairs(&req.filters);
    all.iter()
        .enumerate()
        .map(|(i, (dim, value))| {
            let rest: Vec<(&str, &str)> = all
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, p)| *p)
                .collect();
            Link {
                href: search_href_with(tr.lang, &req.q, &rest, req.sort, 1),
                label: tr.s(
                    "search-remove-filter",
                    "filter",
                    &value_label(snapshot, tr, dim, value),
                ),
            }
        })
        .collect()
}

fn pagination(ctx: &Ctx, req: &SearchRequest, current: usize, pages: usize) -> Pagination {
    let pages = pages.min(crate::http::api::search::MAX_PAGE);
    let mut shown: Vec<usize> = vec![1, pages];
    shown.extend(current.saturating_sub(2).max(1)..=(current + 2).min(pages));
    shown.sort_unstable();
    shown.dedup();
    let mut previous = 0;
    let links = shown
        .into_iter()
        .map(|n| {
            let link = PageLink {
                number: n,
                href: search_href(ctx.lang, req, n),
                current: n == current,
                gap_before: n > previous + 1,
            };
            previous = n;
            link
        })
        .collect();
    Pagination {
        prev: (current > 1 && current <= pages).then(|| search_href(ctx.lang, req, current - 1)),
        next: (current < pages).then(|| search_href(ctx.lang, req, current + 1)),
        pages: links,
    }
}

/// What to offer when nothing matches: a spelling close to a known name, removing the
/// filters, the services people most often want to replace.
fn no_results(ctx: &Ctx, snapshot: &Snapshot, req: &SearchRequest) -> NoResults {
    let c = &snapshot.catalogue;
    let lang = ctx.lang;
    let q = req.q.trim();
    let did_you_mean = (!q.is_empty())
        .then(|| {
            let names: Vec<String> = c
                .entries
                .values()
                .map(|e| e.name.clone())
                .chain(c.services.values().map(|s| s.name.clone()))
                .chain(
                    c.categories
                        .values()
                        .map(|cat| cat.name.get(lang).to_owned()),
                )
                .collect();
            crate::util::closest(q, names.iter())
                .filter(|guess| !guess.eq_ignore_ascii_case(q))
                .map(|guess| Link {
                    href: search_href_with(lang, guess, &filter_pairs(&req.filters), req.sort, 1),
                    label: guess.to_owned(),
                })
        })
        .flatten();
    let (mut services, _) = super::home::service_tiles(snapshot, ctx.tr);
    services.truncate(8);
    NoResults {
        did_you_mean,
        has_filters: !req.filters.is_empty(),
        services,
        browse_href: format!("/{}/search", lang.code()),
    }
}
