//! `/{lang}/decisions`: the public record of review decisions — every decision taken in the
//! review workflow with its reasons, reviewer and per-criterion verdicts (from the database),
//! then the review steps recorded in the entries themselves (from the catalogue, including
//! those made before the online workflow).
//!
//! Public and the same for everyone: cached by the content of the page (the workflow's
//! decisions are not part of the catalogue snapshot the other pages are tagged with). When the
//! database cannot be read the page says so and is not cached.

use axum::http::{HeaderValue, header};
use axum::response::Response;

use super::info::{Decision, decisions_of};
use super::render;
use crate::catalogue::Snapshot;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::{Link, WebError};
use crate::http::web::i18n::Tr;
use crate::http::web::private;
use crate::http::web::view::Evidence;
use crate::model::Lang;
use crate::workflow::review::{self, PublicDecision};

/// How many workflow decisions the page lists.
pub const LIMIT: u64 = 200;

#[derive(Debug, askama::Template)]
#[template(path = "decisions.html")]
pub struct DecisionsPage {
    pub tr: Tr,
    pub layout: Layout,
    pub workflow: Vec<DecisionView>,
    /// The database could not be read: the workflow's decisions are missing.
    pub unavailable: bool,
    pub recorded: Vec<Decision>,
    pub community: usize,
}

/// A decision of the workflow, as pages show it.
#[derive(Debug, Clone)]
pub struct DecisionView {
    pub id: i64,
    pub date: String,
    pub decision_id: String,
    pub decision: String,
    /// The entry, linked when the catalogue has it.
    pub entry: Link,
    pub entry_listed: bool,
    pub submission: i64,
    pub kind: String,
    pub reason: Option<String>,
    pub reviewer: String,
    pub merge_commit: Option<String>,
    pub verdicts: Vec<VerdictView>,
}

#[derive(Debug, Clone)]
pub struct VerdictView {
    pub title: String,
    pub href: String,
    pub status_id: String,
    pub status: String,
    pub evidence: Vec<Evidence>,
    pub note: Option<String>,
}

/// A workflow decision in the page's language.
pub fn view(snapshot: &Snapshot, tr: Tr, d: &PublicDecision) -> DecisionView {
    let lang = tr.lang;
    let listed = snapshot.catalogue.entries.get(&d.slug);
    DecisionView {
        id: d.id,
        date: private::when(tr, d.date),
        decision_id: d.decision.clone(),
        decision: private::decision_label(tr, &d.decision),
        entry: Link {
            href: format!("/{}/entries/{}", lang.code(), d.slug),
            label: listed.map_or_else(|| d.slug.clone(), |e| e.name.clone()),
        },
        entry_listed: listed.is_some(),
        submission: d.submission,
        kind: match d.kind.as_str() {
            "new" => tr.t("submission-kind-new"),
            "change" => tr.t("submission-kind-change"),
            other => other.to_owned(),
        },
        reason: d.reason.clone(),
        reviewer: d.reviewer.clone(),
        merge_commit: d
            .merge_commit
            .as_ref()
            .map(|c| c.chars().take(12).collect()),
        verdicts: d
            .verdicts
            .iter()
            .map(|v| VerdictView {
                title: snapshot
                    .catalogue
                    .criteria
                    .get(&v.criterion)
                    .map_or_else(|| v.criterion.clone(), |c| c.title.get(lang).to_owned()),
                href: format!("/{}/criteria#{}", lang.code(), v.criterion),
                status_id: v.status.clone(),
                status: private::status_label_id(tr, &v.status),
                evidence: v.evidence.iter().map(|url| Evidence::new(url)).collect(),
                note: match lang {
                    Lang::Fr => v.note_fr.clone().or_else(|| v.note_en.clone()),
                    Lang::En => v.note_en.clone().or_else(|| v.note_fr.clone()),
                },
            })
            .collect(),
    }
}

pub async fn page(ctx: Ctx) -> Result<Response, WebError> {
    let snapshot = ctx.app.snapshot();
    let tr = ctx.tr;
    let found = review::decisions(&ctx.app.workflow, LIMIT).await;
    let (workflow, unavailable) = match found {
        Ok(list) => (list.iter().map(|d| view(&snapshot, tr, d)).collect(), false),
        Err(e) => {
            tracing::warn!(error = %crate::util::escaped(&e), "decisions page: the workflow's decisions cannot be read");
            (Vec::new(), true)
        }
    };
    let page = DecisionsPage {
        tr,
        layout: ctx.layout(tr.t("decisions-title"), Section::Decisions),
        workflow,
        unavailable,
        recorded: decisions_of(&snapshot, tr),
        community: snapshot
            .catalogue
            .entries
            .values()
            .filter(|e| e.review.status == crate::model::ReviewStatus::Community)
            .count(),
    };
    let mut res = render(&ctx, &page)?;
    if unavailable {
        // A page missing part of its content is not to be kept by anyone.
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}
