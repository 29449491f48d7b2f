//! The pages that explain rather than list: the site's own privacy page and what the
//! registry is; and the review steps recorded in the catalogue's entries (shown by
//! `/{lang}/decisions`).

use axum::response::Response;

use super::render;
use crate::catalogue::Snapshot;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::WebError;
use crate::http::web::i18n::Tr;
use crate::http::web::view;

/// A review step recorded in an entry of the catalogue.
#[derive(Debug, Clone)]
pub struct Decision {
    pub date: String,
    pub sort_key: chrono::NaiveDate,
    pub entry: String,
    pub href: String,
    pub status: String,
    pub by: Option<String>,
    pub note: Option<String>,
}

/// The review steps recorded in the entries, newest first.
pub fn decisions_of(snapshot: &Snapshot, tr: Tr) -> Vec<Decision> {
    let lang = tr.lang;
    let mut out = Vec::new();
    for e in snapshot.catalogue.entries.values() {
        let href = format!("/{}/entries/{}", lang.code(), e.slug);
        let current = (e.review.status.is_decision())
            .then_some(e.review.date)
            .flatten()
            .map(|date| {
                (
                    date,
                    e.review.status,
                    e.review.by.clone(),
                    e.review.note.clone(),
                )
            });
        let past = e
            .review
            .history
            .iter()
            .filter(|h| h.status.is_decision())
            .map(|h| (h.date, h.status, h.by.clone(), h.note.clone()));
        for (date, status, by, note) in current.into_iter().chain(past) {
            let d = Decision {
                date: tr.date(date),
                sort_key: date,
                entry: e.name.clone(),
                href: href.clone(),
                status: view::review_label(tr, status),
                by,
                note: note.map(|n| n.get(lang).to_owned()),
            };
            let duplicate = out.iter().any(|o: &Decision| {
                o.href == d.href && o.sort_key == d.sort_key && o.status == d.status
            });
            if !duplicate {
                out.push(d);
            }
        }
    }
    out.sort_by(|a, b| {
        b.sort_key
            .cmp(&a.sort_key)
            .then_with(|| a.entry.cmp(&b.entry))
    });
    out
}

/// The headers every page is sent with, as the privacy page lists them.
pub fn page_headers() -> Vec<(&'static str, &'static str)> {
    vec![
        ("Content-Security-Policy", crate::http::web::PAGE_CSP),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        (
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()",
        ),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]
}

#[derive(Debug, askama::Template)]
#[template(path = "privacy.html")]
pub struct PrivacyPage {
    pub tr: Tr,
    pub layout: Layout,
    pub headers: Vec<(&'static str, &'static str)>,
    /// What a session keeps and for how long (configured).
    pub sessions: String,
    /// How long the audit log is kept (configured).
    pub audit: String,
}

pub async fn privacy(ctx: Ctx) -> Result<Response, WebError> {
    let tr = ctx.tr;
    let layout = ctx.layout(tr.t("privacy-title"), Section::Other);
    render(
        &ctx,
        &PrivacyPage {
            tr,
            layout,
            headers: page_headers(),
            sessions: tr.args(
                "privacy-accounts-sessions",
                &[("hours", ctx.app.config.auth.session_hours.into())],
            ),
            audit: tr.args(
                "privacy-accounts-audit",
                &[("days", ctx.app.config.retention.audit_log_days.into())],
            ),
        },
    )
}

#[derive(Debug, askama::Template)]
#[template(path = "about.html")]
pub struct AboutPage {
    pub tr: Tr,
    pub layout: Layout,
    pub entries: usize,
    pub data_commit: Option<String>,
}

pub async fn about(ctx: Ctx) -> Result<Response, WebError> {
    let tr = ctx.tr;
    let snapshot = ctx.app.snapshot();
    let layout = ctx.layout(tr.t("about-title"), Section::Other);
    render(
        &ctx,
        &AboutPage {
            tr,
            layout,
            entries: snapshot.catalogue.entries.len(),
            data_commit: snapshot
                .data_commit
                .as_ref()
                .map(|c| c.chars().take(12).collect()),
        },
    )
}
