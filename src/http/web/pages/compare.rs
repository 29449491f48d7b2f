//! `/{lang}/compare?e=a&e=b[&e=c&e=d]`: two to four entries side by side, criterion by
//! criterion; rows where they differ are marked in words and by a background, never by
//! colour alone. `&diff=1` keeps only those rows.

use axum::extract::RawQuery;
use axum::response::Response;

use super::render;
use crate::catalogue::Snapshot;
use crate::http::params::QueryParams;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::query::encode;
use crate::http::web::view;
use crate::model::{Axis, Entry, Grade, Status, is_valid_slug};

pub const MIN: usize = 2;
pub const MAX: usize = 4;

#[derive(Debug, askama::Template)]
#[template(path = "compare.html")]
pub struct ComparePage {
    pub tr: Tr,
    pub layout: Layout,
    pub heading: String,
    pub columns: Vec<Column>,
    pub general: Vec<Row>,
    pub groups: Vec<Group>,
    pub differences: String,
    pub only_diff: bool,
    pub toggle_href: String,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub href: String,
    pub remove_href: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub class: String,
    pub symbol: &'static str,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    pub href: Option<String>,
    pub cells: Vec<Cell>,
    pub differs: bool,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub heading: String,
    pub rows: Vec<Row>,
}

fn compare_href(lang: crate::model::Lang, slugs: &[&str], only_diff: bool) -> String {
    let mut pairs: Vec<(&str, &str)> = slugs.iter().map(|s| ("e", *s)).collect();
    if only_diff {
        pairs.push(("diff", "1"));
    }
    format!("/{}/compare?{}", lang.code(), encode(pairs))
}

pub async fn page(ctx: Ctx, RawQuery(raw): RawQuery) -> Result<Response, WebError> {
    let mut params = QueryParams::parse(raw.as_deref().unwrap_or_default())
        .map_err(|e| WebError::from_api(&ctx, "compare-error-title", &e))?;
    let mut slugs: Vec<String> = Vec::new();
    for s in params.take_all("e") {
        if !slugs.contains(&s) {
            slugs.push(s);
        }
    }
    let only_diff = params.take_all("diff").iter().any(|v| v == "1");
    let tr = ctx.tr;
    let hint = Link {
        href: ctx.href("/search"),
        label: tr.t("compare-error-pick"),
    };
    if slugs.len() < MIN || slugs.len() > MAX {
        return Err(ctx
            .bad_request(
                "compare-error-title",
                tr.args(
                    "compare-error-count",
                    &[
                        ("n", slugs.len().into()),
                        ("min", MIN.into()),
                        ("max", MAX.into()),
                    ],
                ),
            )
            .with_link(hint));
    }
    let snapshot = ctx.app.snapshot();
    let c = &snapshot.catalogue;
    let mut entries = Vec::with_capacity(slugs.len());
    for slug in &slugs {
        match is_valid_slug(slug).then(|| c.entries.get(slug)).flatten() {
            Some(e) => entries.push(e),
            None => {
                let shown = crate::http::params::truncate(slug, 64);
                let mut err = ctx.not_found(None);
                if let Some(guess) = crate::util::closest(slug, c.entries.keys()) {
                    let fixed: Vec<&str> = slugs
                        .iter()
                        .map(|s| if s == slug { guess } else { s.as_str() })
                        .collect();
                    err = err.with_link(Link {
                        href: compare_href(ctx.lang, &fixed, only_diff),
                        label: tr.s("error-did-you-mean", "name", guess),
                    });
                }
                return Err(err.with_detail(tr.s("compare-error-unknown", "slug", &shown)));
            }
        }
    }
    let page = build(&ctx, &snapshot, &entries, only_diff);
    render(&ctx, &page)
}

fn differs(cells: &[Cell]) -> bool {
    cells.windows(2).any(|w| w[0].text != w[1].text)
}

fn text_row(label: String, cells: Vec<String>) -> Row {
    let cells: Vec<Cell> = cells
        .into_iter()
        .map(|text| Cell {
            text,
            class: String::new(),
            symbol: "",
        })
        .collect();
    Row {
        label,
        href: None,
        differs: differs(&cells),
        cells,
    }
}

pub fn build(ctx: &Ctx, snapshot: &Snapshot, entries: &[&Entry], only_diff: bool) -> ComparePage {
    let tr = ctx.tr;
    let lang = ctx.lang;
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    let heading = tr.s("compare-title-with", "names", &names.join(" · "));
    let layout = ctx.layout(heading.clone(), Section::Other);
    let slugs: Vec<&str> = entries.iter().map(|e| e.slug.as_str()).collect();
    let columns = entries
        .iter()
        .map(|e| Column {
            name: e.name.clone(),
            href: format!("/{}/entries/{}", lang.code(), e.slug),
            remove_href: (entries.len() > MIN).then(|| {
                let rest: Vec<&str> = slugs.iter().copied().filter(|s| *s != e.slug).collect();
                compare_href(lang, &rest, only_diff)
            }),
        })
        .collect();
    let grade_of = |e: &Entry| snapshot.grades.get(&e.slug);
    let general = vec![
        text_row(
            tr.t("compare-row-grade"),
            entries
                .iter()
                .map(|e| {
                    grade_of(e)
                        .map_or(Grade::E, |g| g.grade)
                        .letter()
                        .to_owned()
                })
                .collect(),
        ),
        text_row(
            tr.t("compare-row-confidence"),
            entries
                .iter()
                .map(|e| view::GradeMark::of(tr, grade_of(e)).confidence)
                .collect(),
        ),
        text_row(
            tr.t("compare-row-score"),
            entries
                .iter()
                .map(|e| format!("{}/100", tr.decimal(grade_of(e).map_or(0.0, |g| g.score))))
                .collect(),
        ),
        text_row(
            tr.t("entry-license"),
            entries.iter().map(|e| e.license.clone()).collect(),
        ),
        text_row(
            tr.t("entry-platforms"),
            entries
                .iter()
                .map(|e| {
                    e.platforms
                        .iter()
                        .map(|&p| view::platform_label(tr, p))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect(),
        ),
        text_row(
            tr.t("entry-self-hostable"),
            entries
                .iter()
                .map(|e| view::yes_no(tr, e.self_hostable))
                .collect(),
        ),
        text_row(
            tr.t("compare-row-review"),
            entries
                .iter()
                .map(|e| view::review_label(tr, e.review.status))
                .collect(),
        ),
    ];
    let mut differing = 0;
    let groups: Vec<Group> = Axis::ALL
        .into_iter()
        .map(|axis| {
            let rows: Vec<Row> = snapshot
                .catalogue
                .criteria
                .values()
                .filter(|c| c.axis == axis && entries.iter().any(|e| c.applies_to_kinds(&e.kinds)))
                .map(|c| {
                    let cells: Vec<Cell> = entries
                        .iter()
                        .map(|e| {
                            if c.applies_to_kinds(&e.kinds) {
                                let s = e
                                    .assessment
                                    .get(&c.id)
                                    .map_or(Status::Unknown, |a| a.status);
                                Cell {
                                    text: view::status_label(tr, s),
                                    class: format!("status status-{}", s.id()),
                                    symbol: view::status_symbol(s),
                                }
                            } else {
                                Cell {
                                    text: tr.t("criterion-not-concerned"),
                                    class: "status status-not-applicable".to_owned(),
                                    symbol: view::status_symbol(Status::NotApplicable),
                                }
                            }
                        })
                        .collect();
                    let d = differs(&cells);
                    if d {
                        differing += 1;
                    }
                    Row {
                        label: c.title.get(lang).to_owned(),
                        href: Some(format!("/{}/criteria#{}", lang.code(), c.id)),
                        differs: d,
                        cells,
                    }
                })
                .filter(|r| !only_diff || r.differs)
                .collect();
            Group {
                heading: view::axis_label(tr, axis),
                rows,
            }
        })
        .filter(|g| !g.rows.is_empty())
        .collect();
    ComparePage {
        tr,
        layout,
        heading,
        columns,
        general: general
            .into_iter()
            .filter(|r| !only_diff || r.differs)
            .collect(),
        groups,
        differences: tr.n("compare-differences", differing),
        only_diff,
        toggle_href: compare_href(lang, &slugs, !only_diff),
    }
}
