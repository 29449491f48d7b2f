//! `/{lang}/alternatives/{service}`: the free software that replaces a proprietary service,
//! best grade first, with what tells them apart, and a form to compare a few of them.

use axum::extract::{Path, RawQuery};
use axum::response::Response;

use super::render;
use crate::catalogue::Snapshot;
use crate::http::params::QueryParams;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::view::{self, Tag};
use crate::model::{Entry, Platform, Service, Status, is_valid_slug};

#[derive(Debug, askama::Template)]
#[template(path = "alternatives.html")]
pub struct AlternativesPage {
    pub tr: Tr,
    pub layout: Layout,
    pub heading: String,
    pub intro: String,
    pub vendor: String,
    pub rows: Vec<AltRow>,
    pub related: Vec<Tag>,
    pub search_href: String,
    /// Links that keep only the alternatives of one platform (and "all platforms").
    pub platforms: Vec<PlatformLink>,
    /// When a platform was asked for and nothing runs on it: says so, with the others' count.
    pub none_on_platform: Option<String>,
    /// People's rights with the service: the observatory's aggregates, the deadline, letters.
    pub rights: super::service_rights::ServiceRights,
}

/// A platform filter link; `current` is the one shown.
#[derive(Debug, Clone)]
pub struct PlatformLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

#[derive(Debug, Clone)]
pub struct AltRow {
    pub rank: usize,
    pub slug: String,
    pub href: String,
    pub name: String,
    pub summary: String,
    pub mark: view::GradeMark,
    pub score: String,
    pub met: String,
    pub license: String,
    pub platforms: String,
    pub self_hostable: String,
    pub e2ee_id: &'static str,
    pub e2ee: String,
    pub review: String,
    pub compare_label: String,
    /// The first two are ticked, so "compare" works at once.
    pub checked: bool,
}

pub async fn page(
    ctx: Ctx,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let platform = QueryParams::parse(raw.as_deref().unwrap_or_default())
        .and_then(|mut params| {
            let platform = params.take_platform()?;
            params.finish(&["platform"])?;
            Ok(platform)
        })
        .map_err(|e| WebError::from_api(&ctx, "alternatives-error-title", &e))?;
    let snapshot = ctx.app.snapshot();
    let c = &snapshot.catalogue;
    let Some(service) = is_valid_slug(&id).then(|| c.services.get(&id)).flatten() else {
        let guess = crate::util::closest(&id, c.services.keys()).map(|g| Link {
            href: ctx.href(&format!("/alternatives/{g}")),
            label: ctx.tr.s(
                "error-did-you-mean",
                "name",
                c.services.get(g).map_or(g, |s| s.name.as_str()),
            ),
        });
        return Err(ctx.not_found(guess));
    };
    let published = crate::workflow::rights::published(&ctx.app.workflow)
        .await
        .inspect_err(|e| {
            tracing::warn!(error = %crate::util::escaped(e), "rights aggregates unavailable");
        })
        .ok();
    let page = build(&ctx, &snapshot, service, platform, published.as_deref());
    render(&ctx, &page)
}

fn row(ctx: &Ctx, snapshot: &Snapshot, rank: usize, e: &Entry) -> AltRow {
    let tr = ctx.tr;
    let lang = ctx.lang;
    let grade = snapshot.grades.get(&e.slug);
    let applicable: Vec<&str> = snapshot
        .catalogue
        .criteria
        .values()
        .filter(|c| c.applies_to_kinds(&e.kinds))
        .map(|c| c.id.as_str())
        .collect();
    let status = |id: &str| e.assessment.get(id).map_or(Status::Unknown, |a| a.status);
    let met = applicable
        .iter()
        .filter(|id| status(id) == Status::Met)
        .count();
    let (e2ee_id, e2ee) = if applicable.contains(&"e2ee") {
        let s = status("e2ee");
        (s.id(), view::status_label(tr, s))
    } else {
        ("not-applicable", tr.t("criterion-not-concerned"))
    };
    AltRow {
        rank,
        slug: e.slug.clone(),
        href: format!("/{}/entries/{}", lang.code(), e.slug),
        name: e.name.clone(),
        summary: e.summary.get(lang).to_owned(),
        mark: view::GradeMark::of(tr, grade),
        score: tr.decimal(grade.map_or(0.0, |g| g.score)),
        met: tr.args(
            "alternatives-met",
            &[("met", met.into()), ("total", applicable.len().into())],
        ),
        license: e.license.clone(),
        platforms: e
            .platforms
            .iter()
            .map(|&p| view::platform_label(tr, p))
            .collect::<Vec<_>>()
            .join(", "),
        self_hostable: view::yes_no(tr, e.self_hostable),
        e2ee_id,
        e2ee,
        review: view::review_label(tr, e.review.status),
        compare_label: tr.s("alternatives-compare-this", "name", &e.name),
        checked: rank <= 2,
    }
}

/// The platform filter: "all platforms", then each platform some alternative runs on.
fn platform_links(
    ctx: &Ctx,
    service: &Service,
    all: &[&Entry],
    platform: Option<Platform>,
) -> Vec<PlatformLink> {
    let base = format!("/{}/alternatives/{}", ctx.lang.code(), service.id);
    let mut links = vec![PlatformLink {
        href: base.clone(),
        label: ctx.tr.t("alternatives-all-platforms"),
        current: platform.is_none(),
    }];
    for p in Platform::ALL {
        let n = all.iter().filter(|e| e.platforms.contains(&p)).count();
        if n > 0 {
            links.push(PlatformLink {
                href: format!("{base}?platform={}", p.id()),
                label: format!("{} ({n})", view::platform_label(ctx.tr, p)),
                current: platform == Some(p),
            });
        }
    }
    links
}

pub fn build(
    ctx: &Ctx,
    snapshot: &Snapshot,
    service: &Service,
    platform: Option<Platform>,
    published: Option<&[crate::workflow::rights::aggregate::Published]>,
) -> AlternativesPage {
    let tr = ctx.tr;
    let lang = ctx.lang;
    let heading = match platform {
        None => tr.s("alternatives-title", "service", &service.name),
        Some(p) => tr.args(
            "alternatives-title-platform",
            &[
                ("service", service.name.clone().into()),
                ("platform", view::platform_label(tr, p).into()),
            ],
        ),
    };
    let layout = ctx.layout(heading.clone(), Section::Other);
    let all = snapshot.alternatives(&service.id, None);
    let rows: Vec<AltRow> = snapshot
        .alternatives(&service.id, platform)
        .into_iter()
        .enumerate()
        .map(|(i, e)| row(ctx, snapshot, i + 1, e))
        .collect();
    let none_on_platform = platform
        .filter(|_| rows.is_empty() && !all.is_empty())
        .map(|p| {
            tr.args(
                "alternatives-none-on-platform",
                &[
                    ("n", all.len().into()),
                    ("platform", view::platform_label(tr, p).into()),
                ],
            )
        });
    let platforms = platform_links(ctx, service, &all, platform);
    let related = snapshot
        .catalogue
        .services
        .values()
        .filter(|s| {
            s.id != service.id && s.categories.iter().any(|c| service.categories.contains(c))
        })
        .filter(|s| {
            snapshot
                .catalogue
                .entries
                .values()
                .any(|e| e.replaces.contains(&s.id))
        })
        .map(|s| Tag {
            href: format!("/{}/alternatives/{}", lang.code(), s.id),
            label: s.name.clone(),
        })
        .collect();
    let category_pairs: Vec<(&str, &str)> = service
        .categories
        .iter()
        .map(|c| ("category", c.as_str()))
        .collect();
    AlternativesPage {
        tr,
        layout,
        intro: tr.n("alternatives-intro", rows.len()),
        vendor: tr.s("alternatives-vendor", "vendor", &service.vendor),
        heading,
        rows,
        related,
        platforms,
        none_on_platform,
        rights: super::service_rights::build(ctx, service, published),
        search_href: crate::http::web::query::search_href_with(
            lang,
            "",
            &category_pairs,
            crate::search::Sort::Grade,
            1,
        ),
    }
}
