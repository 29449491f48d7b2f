//! `/{lang}/alternatives/{service}`: the free software that replaces a proprietary service,
//! best grade first, with what tells them apart, and a form to compare a few of them.

use axum::extract::Path;
use axum::response::Response;

use super::render;
use crate::catalogue::Snapshot;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::view::{self, Tag};
use crate::model::{Entry, Grade, Service, Status, is_valid_slug};

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
}

#[derive(Debug, Clone)]
pub struct AltRow {
    pub rank: usize,
    pub slug: String,
    pub href: String,
    pub name: String,
    pub summary: String,
    pub grade: String,
    pub grade_class: String,
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

pub async fn page(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
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
    let page = build(&ctx, &snapshot, service);
    render(&ctx, &page)
}

/// Entries replacing `service`, best first: grade, then score, then name.
pub fn ranked<'a>(snapshot: &'a Snapshot, service: &str) -> Vec<&'a Entry> {
    let mut entries: Vec<&Entry> = snapshot
        .catalogue
        .entries
        .values()
        .filter(|e| e.replaces.iter().any(|r| r == service))
        .collect();
    let key = |e: &Entry| {
        snapshot
            .grades
            .get(&e.slug)
            .map_or((Grade::E, 0.0), |g| (g.grade, g.score))
    };
    entries.sort_by(|a, b| {
        let (ga, sa) = key(a);
        let (gb, sb) = key(b);
        ga.cmp(&gb)
            .then(sb.total_cmp(&sa))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    entries
}

fn row(ctx: &Ctx, snapshot: &Snapshot, rank: usize, e: &Entry) -> AltRow {
    let tr = ctx.tr;
    let lang = ctx.lang;
    let grade = snapshot.grades.get(&e.slug);
    let letter = grade.map_or(Grade::E, |g| g.grade).letter();
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
        grade: letter.to_owned(),
        grade_class: view::grade_class(letter),
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

pub fn build(ctx: &Ctx, snapshot: &Snapshot, service: &Service) -> AlternativesPage {
    let tr = ctx.tr;
    let lang = ctx.lang;
    let heading = tr.s("alternatives-title", "service", &service.name);
    let layout = ctx.layout(heading.clone(), Section::Other);
    let rows: Vec<AltRow> = ranked(snapshot, &service.id)
        .into_iter()
        .enumerate()
        .map(|(i, e)| row(ctx, snapshot, i + 1, e))
        .collect();
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
        search_href: crate::http::web::query::search_href_with(
            lang,
            "",
            &category_pairs,
            crate::search::Sort::Grade,
            1,
        ),
    }
}
