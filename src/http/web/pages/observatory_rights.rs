//! The rights-request observatory's part of `/{lang}/observatory`: the published aggregates
//! (never under the threshold) as a server-drawn chart of the share answered within the
//! legal month, with the table of every figure, and the links to the open data.

use super::observatory::Chart;
use super::rights::right_label;
use super::service_rights::FiguresRow;
use crate::http::web::charts::{self, Bar};
use crate::http::web::context::Ctx;
use crate::workflow::rights::aggregate::{self, Published};

/// The introduction of the part, shown even when nothing is published yet.
#[derive(Debug, Clone)]
pub struct RightsIntro {
    pub heading: String,
    pub intro: String,
    /// Nothing published yet, or the figures could not be read.
    pub none: Option<String>,
    pub json_href: &'static str,
    pub csv_href: &'static str,
}

/// The introduction, and the chart when anything is published (`None`: unreadable).
pub fn build(ctx: &Ctx, published: Option<&[Published]>) -> (RightsIntro, Option<Chart>) {
    let tr = ctx.tr;
    let none = match published {
        None => Some(tr.t("rights-figures-unavailable")),
        Some([]) => Some(tr.t("obs-rights-none")),
        Some(_) => None,
    };
    let intro = RightsIntro {
        heading: tr.t("obs-rights-heading"),
        intro: tr.args("obs-rights-intro", &[("k", aggregate::K.into())]),
        none,
        json_href: "/api/v1/observatory/rights",
        csv_href: "/api/v1/observatory/rights.csv",
    };
    let groups = published.unwrap_or_default();
    if groups.is_empty() {
        return (intro, None);
    }
    let snapshot = ctx.app.snapshot();
    let name = |id: &str| {
        snapshot
            .catalogue
            .services
            .get(id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    let bars: Vec<Bar> = groups
        .iter()
        .map(|p| {
            let share = p.figures.share_within_legal_month;
            Bar {
                label: format!("{} — {}", name(&p.service), right_label(tr, p.right)),
                value: share.unwrap_or(0.0) * 100.0,
                stacked: 0.0,
                text: share
                    .map_or_else(|| "—".to_owned(), |s| format!("{} %", (s * 100.0).round())),
            }
        })
        .collect();
    let heading = tr.t("obs-rights-chart");
    let svg = charts::horizontal(
        "rights-chart",
        &heading,
        &tr.t("obs-rights-chart-desc"),
        &bars,
        100.0,
    );
    let rows = groups
        .iter()
        .map(|p| {
            let r: FiguresRow = super::service_rights::row(ctx, p);
            vec![
                name(&p.service),
                r.right,
                r.reports,
                r.median,
                r.within,
                r.complete,
                r.machine,
            ]
        })
        .collect();
    let chart = Chart {
        id: "rights-chart",
        heading,
        intro: tr.t("obs-rights-chart-intro"),
        svg,
        legend: Vec::new(),
        columns: vec![
            tr.t("rights-field-service"),
            tr.t("rights-field-right"),
            tr.t("rights-col-reports"),
            tr.t("rights-col-median"),
            tr.t("rights-col-within"),
            tr.t("rights-col-complete"),
            tr.t("rights-col-machine"),
        ],
        rows,
    };
    (intro, Some(chart))
}
