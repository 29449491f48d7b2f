//! `/{lang}/criteria`: the grade formula and every criterion, grouped by axis, with what it
//! asks, why, what evidence a reviewer expects, and its published sources.

use axum::response::Response;

use super::render;
use crate::catalogue::Snapshot;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::markdown;
use crate::http::web::view;
use crate::model::{Applicability, Axis, Level, MachineCheck};

#[derive(Debug, askama::Template)]
#[template(path = "criteria.html")]
pub struct CriteriaPage {
    pub tr: Tr,
    pub layout: Layout,
    pub intro: String,
    pub axes: Vec<AxisView>,
}

#[derive(Debug, Clone)]
pub struct AxisView {
    pub id: &'static str,
    pub heading: String,
    pub criteria: Vec<CriterionView>,
}

#[derive(Debug, Clone)]
pub struct CriterionView {
    pub id: String,
    pub title: String,
    pub level: String,
    pub required: bool,
    pub applies_to: String,
    pub machine: String,
    pub evidence_required: String,
    pub description: String,
    pub rationale: String,
    pub guidance: String,
    pub sources: Vec<Link>,
}

fn applicability_id(a: Applicability) -> &'static str {
    match a {
        Applicability::All => "all",
        Applicability::Desktop => "desktop",
        Applicability::Mobile => "mobile",
        Applicability::Web => "web",
        Applicability::Server => "server",
        Applicability::BrowserExtension => "browser-extension",
        Applicability::Cli => "cli",
    }
}

/// The kinds of software a criterion applies to, as text ("all software", "Server, Web
/// application").
pub fn applies_to_text(tr: Tr, c: &crate::model::Criterion) -> String {
    c.applies_to
        .iter()
        .map(|&a| match a {
            Applicability::All => tr.t("applies-all"),
            other => tr.t(&format!("kind-{}", applicability_id(other))),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn page(ctx: Ctx) -> Result<Response, WebError> {
    let snapshot = ctx.app.snapshot();
    let page = build(&ctx, &snapshot);
    render(&ctx, &page)
}

pub fn build(ctx: &Ctx, snapshot: &Snapshot) -> CriteriaPage {
    let tr = ctx.tr;
    let lang = ctx.lang;
    let criteria = &snapshot.catalogue.criteria;
    let axes = Axis::ALL
        .into_iter()
        .map(|axis| {
            let mut list: Vec<CriterionView> = criteria
                .values()
                .filter(|c| c.axis == axis)
                .map(|c| CriterionView {
                    id: c.id.clone(),
                    title: c.title.get(lang).to_owned(),
                    level: view::level_label(tr, c.level),
                    required: c.level == Level::Required,
                    applies_to: applies_to_text(tr, c),
                    machine: tr.t(match c.machine_checkable {
                        MachineCheck::Yes => "machine-yes",
                        MachineCheck::Partly => "machine-partly",
                        MachineCheck::No => "machine-no",
                    }),
                    evidence_required: view::yes_no(tr, c.evidence_required),
                    description: markdown::render(c.description.get(lang)),
                    rationale: markdown::render(c.rationale.get(lang)),
                    guidance: markdown::render(c.evidence_guidance.get(lang)),
                    sources: c
                        .sources
                        .iter()
                        .map(|s| Link {
                            href: s.url.clone(),
                            label: s.title.clone(),
                        })
                        .collect(),
                })
                .collect();
            list.sort_by_key(|c| (!c.required, c.title.to_lowercase()));
            AxisView {
                id: axis.id(),
                heading: view::axis_label(tr, axis),
                criteria: list,
            }
        })
        .filter(|a| !a.criteria.is_empty())
        .collect();
    let required = criteria
        .values()
        .filter(|c| c.level == Level::Required)
        .count();
    CriteriaPage {
        tr,
        layout: ctx.layout(tr.t("criteria-title"), Section::Criteria),
        intro: tr.args(
            "criteria-intro",
            &[
                ("total", criteria.len().into()),
                ("required", required.into()),
            ],
        ),
        axes,
    }
}
