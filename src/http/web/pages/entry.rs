//! `/{lang}/entries/{slug}`: what the software is, its facts, the grade and how it was
//! computed, the assessment criterion by criterion grouped by axis, and the review.

use axum::extract::{Path, RawQuery};
use axum::response::Response;

use super::render;
use crate::catalogue::Snapshot;
use crate::catalogue::history::EntryChange;
use crate::http::web::changes::ChangeView;
use crate::http::web::context::{Ctx, FeedLink, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::markdown;
use crate::http::web::view::{self, Tag};
use crate::model::{Axis, Entry, GradeBreakdown, Level, Status, is_valid_slug};

#[derive(Debug, askama::Template)]
#[template(path = "entry.html")]
pub struct EntryPage {
    pub tr: Tr,
    pub layout: Layout,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub mark: view::GradeMark,
    pub review: String,
    pub facts: Facts,
    pub breakdown: Breakdown,
    pub axes: Vec<AxisGroup>,
    pub history: ReviewView,
    pub report_href: String,
    pub badge_markdown: String,
    pub badge_src: String,
    pub badge_alt: String,
    pub badge_width: u32,
    pub api_href: String,
    pub alternatives: Vec<Tag>,
    pub changes: ChangesSection,
    pub evidence: super::entry_evidence::EvidenceSection,
}

/// How many changes the entry page shows at once.
pub const CHANGES_PER_PAGE: usize = 10;

/// The "History" section: one page of the entry's changes, newest first.
#[derive(Debug, Clone, Default)]
pub struct ChangesSection {
    pub items: Vec<ChangeView>,
    /// "Page 2 of 3", when there is more than one.
    pub position: Option<String>,
    pub newer: Option<String>,
    pub older: Option<String>,
    pub feed_href: String,
    /// The history could not be read (logged).
    pub unavailable: bool,
}

#[derive(Debug, Clone)]
pub struct Facts {
    pub license: String,
    pub kinds: String,
    pub platforms: String,
    pub categories: Vec<Tag>,
    pub replaces: Vec<Tag>,
    pub self_hostable: String,
    pub homepage: String,
    pub repository: String,
    pub added: String,
    pub updated: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Breakdown {
    pub summary: String,
    pub score: String,
    pub counts: String,
    pub gates_failed: Vec<Tag>,
    pub gates_unsettled: Vec<Tag>,
    pub unknown: String,
    pub not_applicable: String,
    /// "12 of 19 criteria established (63 %)."
    pub confidence: String,
    /// Why the grade is provisional, when it is.
    pub provisional: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AxisGroup {
    pub id: &'static str,
    pub heading: String,
    pub criteria: Vec<CriterionRow>,
}

#[derive(Debug, Clone)]
pub struct CriterionRow {
    pub id: String,
    pub title: String,
    pub href: String,
    pub level: String,
    pub status_id: &'static str,
    pub status_symbol: &'static str,
    pub status: String,
    pub evidence: Vec<Link>,
    pub note: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ReviewView {
    pub status: String,
    pub explanation: String,
    pub by: Option<String>,
    pub date: Option<String>,
    pub expires: Option<String>,
    pub note: Option<String>,
    pub events: Vec<ReviewEventView>,
}

#[derive(Debug, Clone)]
pub struct ReviewEventView {
    pub date: String,
    pub status: String,
    pub by: Option<String>,
    pub note: Option<String>,
}

/// The `diff=<commit>` of the query, when it is a commit id.
fn diff_commit(raw: Option<&str>) -> Option<&str> {
    raw?.split('&')
        .find_map(|p| p.strip_prefix("diff="))
        .filter(|c| c.len() == 40 && c.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The `history=N` page number of the query (1 when absent or not a number).
fn history_page(raw: Option<&str>) -> usize {
    raw.unwrap_or_default()
        .split('&')
        .find_map(|p| p.strip_prefix("history="))
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1)
}

async fn changes(
    ctx: &Ctx,
    snapshot: &Snapshot,
    slug: &str,
    page: usize,
    diff: Option<&str>,
) -> ChangesSection {
    let tr = ctx.tr;
    let feed_href = match ctx.lang {
        crate::model::Lang::Fr => format!("/feed.atom?entry={slug}"),
        crate::model::Lang::En => format!("/feed.atom?entry={slug}&lang=en"),
    };
    let all = match ctx.app.catalogue.entry_history(slug).await {
        Ok(all) => all,
        Err(e) => {
            tracing::warn!(error = %crate::util::escaped(&e), "history of an entry unavailable");
            return ChangesSection {
                unavailable: true,
                feed_href,
                ..ChangesSection::default()
            };
        }
    };
    let pages = all.len().div_ceil(CHANGES_PER_PAGE).max(1);
    let page = page.min(pages);
    let shown: Vec<&EntryChange> = all
        .iter()
        .skip((page - 1) * CHANGES_PER_PAGE)
        .take(CHANGES_PER_PAGE)
        .collect();
    let ids: Vec<i64> = shown.iter().filter_map(|c| c.submission).collect();
    let approvals = crate::workflow::review::approvals_of(&ctx.app.workflow, ids).await;
    let items = shown
        .into_iter()
        .map(|c| {
            let mut v = ChangeView::of(tr, snapshot, c);
            if let Some(d) = c.submission.and_then(|id| approvals.get(&id)) {
                v.reason = d.reason.clone();
                v.reviewer = Some(d.reviewer.clone());
                v.verdicts = super::decisions::view(snapshot, tr, d).verdicts;
            }
            v
        })
        .collect();
    let mut items: Vec<ChangeView> = items;
    for item in &mut items {
        item.diff_href = format!(
            "{}?history={page}&diff={}#change-{}",
            ctx.href(&format!("/entries/{slug}")),
            item.commit,
            item.commit
        );
        if diff == Some(item.commit.as_str()) {
            match ctx.app.catalogue.entry_diff(slug, &item.commit).await {
                Ok(found) => item.diff = found,
                Err(e) => {
                    tracing::warn!(error = %crate::util::escaped(&e), "diff of an entry unavailable");
                }
            }
        }
    }
    let at = |n: usize| {
        format!(
            "{}?history={n}#history-heading",
            ctx.href(&format!("/entries/{slug}"))
        )
    };
    ChangesSection {
        items,
        position: (pages > 1).then(|| {
            tr.args(
                "history-position",
                &[("page", page.into()), ("pages", pages.into())],
            )
        }),
        newer: (page > 1).then(|| at(page - 1)),
        older: (page < pages).then(|| at(page + 1)),
        feed_href,
        unavailable: false,
    }
}

pub async fn page(
    ctx: Ctx,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let snapshot = ctx.app.snapshot();
    let c = &snapshot.catalogue;
    let entry = is_valid_slug(&slug).then(|| c.entries.get(&slug)).flatten();
    let Some(entry) = entry else {
        let guess = crate::util::closest(&slug, c.entries.keys()).map(|g| Link {
            href: ctx.href(&format!("/entries/{g}")),
            label: ctx.tr.s(
                "error-did-you-mean",
                "name",
                c.entries.get(g).map_or(g, |e| e.name.as_str()),
            ),
        });
        return Err(ctx.not_found(guess));
    };
    let mut page = build(&ctx, &snapshot, entry);
    page.changes = changes(
        &ctx,
        &snapshot,
        &slug,
        history_page(raw.as_deref()),
        diff_commit(raw.as_deref()),
    )
    .await;
    page.evidence = super::entry_evidence::section(&ctx, &slug).await;
    page.layout.page_feed = Some(FeedLink {
        href: page.changes.feed_href.clone(),
        title: ctx.tr.s("feed-entry-feed-title", "name", &entry.name),
    });
    render(&ctx, &page)
}

fn short_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => {
            let host = u.host_str().unwrap_or_default().trim_start_matches("www.");
            let path = u.path().trim_end_matches('/');
            let text = format!("{host}{path}");
            if text.chars().count() > 60 {
                let cut: String = text.chars().take(57).collect();
                format!("{cut}…")
            } else {
                text
            }
        }
        Err(_) => url.to_owned(),
    }
}

fn breakdown(ctx: &Ctx, snapshot: &Snapshot, b: &GradeBreakdown) -> Breakdown {
    let tr = ctx.tr;
    let tag = |id: &String| Tag {
        href: format!("#c-{id}"),
        label: snapshot
            .catalogue
            .criteria
            .get(id)
            .map_or_else(|| id.clone(), |c| c.title.get(ctx.lang).to_owned()),
    };
    let summary = if !b.gates_failed.is_empty() {
        tr.t("grade-explain-failed")
    } else if !b.gates_unsettled.is_empty() {
        tr.s("grade-explain-capped", "grade", b.grade.letter())
    } else {
        tr.s("grade-explain-score", "grade", b.grade.letter())
    };
    Breakdown {
        summary,
        score: tr.s("grade-score", "score", &tr.decimal(b.score)),
        counts: tr.args(
            "grade-counts",
            &[
                ("met", b.recommended_met.into()),
                ("partial", b.recommended_partial.into()),
                ("total", b.recommended_total.into()),
            ],
        ),
        gates_failed: b.gates_failed.iter().map(tag).collect(),
        gates_unsettled: b.gates_unsettled.iter().map(tag).collect(),
        unknown: tr.n("grade-unknown", b.unknown),
        not_applicable: tr.n("grade-not-applicable", b.not_applicable),
        confidence: tr.args(
            "grade-confidence-counts",
            &[
                ("established", b.established.into()),
                ("counted", b.counted.into()),
                ("percent", tr.decimal(b.confidence.round()).into()),
            ],
        ),
        provisional: b.provisional.then(|| tr.t("grade-provisional-explain")),
    }
}

fn axes(ctx: &Ctx, snapshot: &Snapshot, entry: &Entry) -> Vec<AxisGroup> {
    let tr = ctx.tr;
    let lang = ctx.lang;
    Axis::ALL
        .into_iter()
        .map(|axis| {
            let mut criteria: Vec<CriterionRow> = snapshot
                .catalogue
                .criteria
                .values()
                .filter(|c| c.axis == axis && c.applies_to_kinds(&entry.kinds))
                .map(|c| {
                    let a = entry.assessment.get(&c.id);
                    let status = a.map_or(Status::Unknown, |a| a.status);
                    CriterionRow {
                        id: c.id.clone(),
                        title: c.title.get(lang).to_owned(),
                        href: format!("/{}/criteria#{}", lang.code(), c.id),
                        level: view::level_label(tr, c.level),
                        status_id: status.id(),
                        status_symbol: view::status_symbol(status),
                        status: view::status_label(tr, status),
                        evidence: a
                            .into_iter()
                            .flat_map(|a| a.evidence.iter())
                            .map(|url| Link {
                                href: url.clone(),
                                label: short_url(url),
                            })
                            .collect(),
                        note: a
                            .and_then(|a| a.note.as_ref())
                            .map(|n| n.get(lang).to_owned()),
                        date: a.and_then(|a| a.assessed).map(|d| tr.date(d)),
                    }
                })
                .collect();
            // Gates first, then by title.
            criteria.sort_by_key(|row| {
                let required = snapshot
                    .catalogue
                    .criteria
                    .get(&row.id)
                    .is_some_and(|c| c.level == Level::Required);
                (!required, row.title.to_lowercase())
            });
            AxisGroup {
                id: axis.id(),
                heading: view::axis_label(tr, axis),
                criteria,
            }
        })
        .filter(|g| !g.criteria.is_empty())
        .collect()
}

fn review(tr: Tr, entry: &Entry) -> ReviewView {
    let lang = tr.lang;
    let r = &entry.review;
    ReviewView {
        status: view::review_label(tr, r.status),
        explanation: tr.t(&format!("review-explain-{}", r.status.id())),
        by: r.by.clone(),
        date: r.date.map(|d| tr.date(d)),
        expires: r.expires.map(|d| tr.date(d)),
        note: r.note.as_ref().map(|n| n.get(lang).to_owned()),
        events: r
            .history
            .iter()
            .map(|h| ReviewEventView {
                date: tr.date(h.date),
                status: view::review_label(tr, h.status),
                by: h.by.clone(),
                note: h.note.as_ref().map(|n| n.get(lang).to_owned()),
            })
            .collect(),
    }
}

pub fn build(ctx: &Ctx, snapshot: &Snapshot, entry: &Entry) -> EntryPage {
    let tr = ctx.tr;
    let lang = ctx.lang;
    let grade = snapshot
        .grades
        .get(&entry.slug)
        .cloned()
        .unwrap_or_else(|| crate::model::grade_entry(entry, &snapshot.catalogue.criteria));
    let mut layout = ctx.layout(entry.name.clone(), Section::Other);
    layout.description = entry.summary.get(lang).to_owned();
    let base = &ctx.app.config.public_url;
    let badge_src = match lang {
        crate::model::Lang::En => format!("/badges/{}.svg", entry.slug),
        other => format!("/badges/{}.svg?lang={}", entry.slug, other.code()),
    };
    let replaces: Vec<Tag> = entry
        .replaces
        .iter()
        .map(|id| Tag {
            href: format!("/{}/alternatives/{id}", lang.code()),
            label: view::service_name(snapshot, id),
        })
        .collect();
    EntryPage {
        tr,
        slug: entry.slug.clone(),
        name: entry.name.clone(),
        summary: entry.summary.get(lang).to_owned(),
        description: markdown::render(entry.description.get(lang)),
        mark: {
            let mut mark = view::GradeMark::of(tr, Some(&grade));
            mark.class.push_str(" grade-big");
            mark
        },
        review: view::review_label(tr, entry.review.status),
        facts: Facts {
            license: entry.license.clone(),
            kinds: entry
                .kinds
                .iter()
                .map(|&k| view::kind_label(tr, k))
                .collect::<Vec<_>>()
                .join(", "),
            platforms: entry
                .platforms
                .iter()
                .map(|&p| view::platform_label(tr, p))
                .collect::<Vec<_>>()
                .join(", "),
            categories: entry
                .categories
                .iter()
                .map(|id| Tag {
                    href: format!("/{}/search?category={id}", lang.code()),
                    label: view::category_name(snapshot, id, lang),
                })
                .collect(),
            replaces: replaces.clone(),
            self_hostable: view::yes_no(tr, entry.self_hostable),
            homepage: entry.homepage.clone(),
            repository: entry.repository.clone(),
            added: tr.date(entry.added),
            updated: entry.updated.map(|d| tr.date(d)),
        },
        breakdown: breakdown(ctx, snapshot, &grade),
        axes: axes(ctx, snapshot, entry),
        history: review(tr, entry),
        report_href: format!("/{}/submit?slug={}", lang.code(), entry.slug),
        badge_markdown: format!(
            "[![{}]({base}{badge_src})]({base}/{}/entries/{})",
            tr.s("badge-alt", "grade", grade.grade.letter()),
            lang.code(),
            entry.slug
        ),
        badge_alt: tr.s("badge-alt", "grade", grade.grade.letter()),
        badge_width: crate::http::web::badge::width(tr, Some((grade.grade, grade.provisional))),
        badge_src,
        api_href: format!("/api/v1/entries/{}", entry.slug),
        alternatives: replaces,
        changes: ChangesSection::default(),
        evidence: super::entry_evidence::EvidenceSection::default(),
        layout,
    }
}
