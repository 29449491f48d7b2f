//! `/{lang}/observatory`: the catalogue in figures and server-drawn charts (share of entries
//! meeting each criterion, grades, categories, review states), each with its data table.

use axum::response::Response;

use super::render;
use crate::catalogue::Snapshot;
use crate::http::web::charts::{self, Bar};
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::WebError;
use crate::http::web::i18n::Tr;
use crate::http::web::view;
use crate::model::{Grade, ReviewStatus, Status};

#[derive(Debug, askama::Template)]
#[template(path = "observatory.html")]
pub struct ObservatoryPage {
    pub tr: Tr,
    pub layout: Layout,
    pub figures: Vec<Figure>,
    pub charts: Vec<Chart>,
    /// The rights-request observatory's part: its introduction, and its chart once anything
    /// is published.
    pub rights: super::observatory_rights::RightsIntro,
    pub rights_chart: Option<Chart>,
}

#[derive(Debug, Clone)]
pub struct Figure {
    pub value: String,
    pub label: String,
}

/// A chart and the table of its numbers.
#[derive(Debug, Clone)]
pub struct Chart {
    pub id: &'static str,
    pub heading: String,
    pub intro: String,
    pub svg: String,
    pub legend: Vec<(&'static str, String)>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub async fn page(ctx: Ctx) -> Result<Response, WebError> {
    let snapshot = ctx.app.snapshot();
    let published = crate::workflow::rights::published(&ctx.app.workflow)
        .await
        .inspect_err(|e| {
            tracing::warn!(error = %crate::util::escaped(e), "rights aggregates unavailable");
        })
        .ok();
    let mut page = build(&ctx, &snapshot);
    let (intro, chart) = super::observatory_rights::build(&ctx, published.as_deref());
    page.rights = intro;
    page.rights_chart = chart;
    render(&ctx, &page)
}

fn criteria_chart(tr: Tr, snapshot: &Snapshot) -> Chart {
    let c = &snapshot.catalogue;
    let mut stats: Vec<(String, usize, usize, usize)> = c
        .criteria
        .values()
        .map(|cr| {
            let (mut met, mut partial, mut applicable) = (0, 0, 0);
            for e in c.entries.values().filter(|e| cr.applies_to_kinds(&e.kinds)) {
                match e
                    .assessment
                    .get(&cr.id)
                    .map_or(Status::Unknown, |a| a.status)
                {
                    Status::NotApplicable => continue,
                    Status::Met => met += 1,
                    Status::Partial => partial += 1,
                    _ => {}
                }
                applicable += 1;
            }
            (cr.title.get(tr.lang).to_owned(), met, partial, applicable)
        })
        .collect();
    let share = |met: usize, n: usize| if n == 0 { 0.0 } else { met as f64 / n as f64 };
    stats.sort_by(|a, b| {
        share(b.1, b.3)
            .total_cmp(&share(a.1, a.3))
            .then_with(|| a.0.cmp(&b.0))
    });
    let bars: Vec<Bar> = stats
        .iter()
        .map(|(label, met, partial, n)| Bar {
            label: label.clone(),
            value: share(*met, *n) * 100.0,
            stacked: share(*partial, *n) * 100.0,
            text: tr.percent(*met, *n),
        })
        .collect();
    let heading = tr.t("obs-criteria-heading");
    Chart {
        id: "chart-criteria",
        svg: charts::horizontal(
            "chart-criteria",
            &heading,
            &tr.t("obs-criteria-desc"),
            &bars,
            100.0,
        ),
        heading,
        intro: tr.t("obs-criteria-intro"),
        legend: vec![
            ("swatch-1", tr.t("status-met")),
            ("swatch-2", tr.t("status-partial")),
        ],
        columns: vec![
            tr.t("obs-col-criterion"),
            tr.t("status-met"),
            tr.t("status-partial"),
            tr.t("obs-col-assessed"),
            tr.t("obs-col-share-met"),
        ],
        rows: stats
            .iter()
            .map(|(label, met, partial, n)| {
                vec![
                    label.clone(),
                    met.to_string(),
                    partial.to_string(),
                    n.to_string(),
                    tr.percent(*met, *n),
                ]
            })
            .collect(),
    }
}

fn grades_chart(tr: Tr, snapshot: &Snapshot) -> Chart {
    let total = snapshot.grades.len();
    let counts: Vec<(Grade, usize, usize)> = Grade::ALL
        .into_iter()
        .map(|g| {
            let of = snapshot.grades.values().filter(|b| b.grade == g);
            let provisional = of.clone().filter(|b| b.provisional).count();
            (g, of.count(), provisional)
        })
        .collect();
    let bars: Vec<Bar> = counts
        .iter()
        .map(|(g, n, _)| Bar {
            label: g.letter().to_owned(),
            value: *n as f64,
            stacked: 0.0,
            text: n.to_string(),
        })
        .collect();
    let heading = tr.t("obs-grades-heading");
    Chart {
        id: "chart-grades",
        svg: charts::vertical("chart-grades", &heading, &tr.t("obs-grades-desc"), &bars),
        heading,
        intro: tr.t("obs-grades-intro"),
        legend: Vec::new(),
        columns: vec![
            tr.t("obs-col-grade"),
            tr.t("obs-col-entries"),
            tr.t("obs-col-share"),
            tr.t("obs-col-provisional"),
        ],
        rows: counts
            .iter()
            .map(|(g, n, provisional)| {
                vec![
                    g.letter().to_owned(),
                    n.to_string(),
                    tr.percent(*n, total),
                    provisional.to_string(),
                ]
            })
            .collect(),
    }
}

fn categories_chart(tr: Tr, snapshot: &Snapshot) -> Chart {
    let c = &snapshot.catalogue;
    let mut counts: Vec<(String, usize)> = c
        .categories
        .values()
        .map(|cat| {
            (
                cat.name.get(tr.lang).to_owned(),
                c.entries
                    .values()
                    .filter(|e| e.categories.contains(&cat.id))
                    .count(),
            )
        })
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64;
    let bars: Vec<Bar> = counts
        .iter()
        .map(|(label, n)| Bar {
            label: label.clone(),
            value: *n as f64,
            stacked: 0.0,
            text: n.to_string(),
        })
        .collect();
    let heading = tr.t("obs-categories-heading");
    Chart {
        id: "chart-categories",
        svg: charts::horizontal(
            "chart-categories",
            &heading,
            &tr.t("obs-categories-desc"),
            &bars,
            max,
        ),
        heading,
        intro: tr.t("obs-categories-intro"),
        legend: Vec::new(),
        columns: vec![tr.t("obs-col-category"), tr.t("obs-col-entries")],
        rows: counts
            .iter()
            .map(|(l, n)| vec![l.clone(), n.to_string()])
            .collect(),
    }
}

fn review_chart(tr: Tr, snapshot: &Snapshot) -> Chart {
    let entries = &snapshot.catalogue.entries;
    let counts: Vec<(String, usize)> = ReviewStatus::ALL
        .into_iter()
        .map(|s| {
            (
                view::review_label(tr, s),
                entries.values().filter(|e| e.review.status == s).count(),
            )
        })
        .collect();
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64;
    let bars: Vec<Bar> = counts
        .iter()
        .map(|(label, n)| Bar {
            label: label.clone(),
            value: *n as f64,
            stacked: 0.0,
            text: n.to_string(),
        })
        .collect();
    let heading = tr.t("obs-review-heading");
    Chart {
        id: "chart-review",
        svg: charts::horizontal(
            "chart-review",
            &heading,
            &tr.t("obs-review-desc"),
            &bars,
            max,
        ),
        heading,
        intro: tr.t("obs-review-intro"),
        legend: Vec::new(),
        columns: vec![
            tr.t("obs-col-review"),
            tr.t("obs-col-entries"),
            tr.t("obs-col-share"),
        ],
        rows: counts
            .iter()
            .map(|(l, n)| vec![l.clone(), n.to_string(), tr.percent(*n, entries.len())])
            .collect(),
    }
}

pub fn build(ctx: &Ctx, snapshot: &Snapshot) -> ObservatoryPage {
    let tr = ctx.tr;
    let c = &snapshot.catalogue;
    let n = c.entries.len();
    let mean = if snapshot.grades.is_empty() {
        0.0
    } else {
        snapshot.grades.values().map(|g| g.score).sum::<f64>() / snapshot.grades.len() as f64
    };
    let good = snapshot
        .grades
        .values()
        .filter(|g| g.grade <= Grade::B)
        .count();
    let provisional = snapshot.grades.values().filter(|g| g.provisional).count();
    let confidence = if snapshot.grades.is_empty() {
        0.0
    } else {
        snapshot.grades.values().map(|g| g.confidence).sum::<f64>() / snapshot.grades.len() as f64
    };
    let assessments: usize = c.entries.values().map(|e| e.assessment.len()).sum();
    let unknown: usize = c
        .entries
        .values()
        .flat_map(|e| e.assessment.values())
        .filter(|a| a.status == Status::Unknown)
        .count();
    let figures = vec![
        Figure {
            value: n.to_string(),
            label: tr.t("obs-figure-entries"),
        },
        Figure {
            value: tr.percent(good, n),
            label: tr.t("obs-figure-good"),
        },
        Figure {
            value: tr.percent(provisional, n),
            label: tr.t("obs-figure-provisional"),
        },
        Figure {
            value: tr.n("percent", confidence.round() as usize),
            label: tr.t("obs-figure-confidence"),
        },
        Figure {
            value: tr.decimal(mean),
            label: tr.t("obs-figure-mean"),
        },
        Figure {
            value: tr.percent(unknown, assessments),
            label: tr.t("obs-figure-unknown"),
        },
        Figure {
            value: c.services.len().to_string(),
            label: tr.t("obs-figure-services"),
        },
    ];
    ObservatoryPage {
        tr,
        layout: ctx.layout(tr.t("obs-title"), Section::Observatory),
        figures,
        charts: vec![
            criteria_chart(tr, snapshot),
            grades_chart(tr, snapshot),
            categories_chart(tr, snapshot),
            review_chart(tr, snapshot),
        ],
        rights: super::observatory_rights::build(ctx, Some(&[])).0,
        rights_chart: None,
    }
}
