//! The part of a service's page (`/{lang}/alternatives/{service}`) about people's rights
//! with it: the observatory's published aggregates (nothing under the threshold), the legal
//! deadline, and a request letter per right to copy or open in one's own mail client (a
//! `mailto:` link without recipient: the registry never sends nor stores the letter).

use sea_orm::{ActiveEnum, Iterable};

use super::rights::right_label;
use crate::db::entities::rights_reports::GdprRight;
use crate::http::web::context::Ctx;
use crate::model::Service;
use crate::workflow::rights::aggregate::{self, Published};

/// One published row: a right and its figures, written for people ("—" when withheld).
#[derive(Debug, Clone)]
pub struct FiguresRow {
    pub right: String,
    pub reports: String,
    pub median: String,
    pub within: String,
    pub complete: String,
    pub machine: String,
}

/// A request letter for one right, in the page's language.
#[derive(Debug, Clone)]
pub struct Letter {
    pub id: String,
    pub right: String,
    pub subject: String,
    pub body: String,
    pub mailto: String,
}

/// Everything the service page shows about rights.
#[derive(Debug, Clone)]
pub struct ServiceRights {
    pub heading: String,
    pub rows: Vec<FiguresRow>,
    /// The aggregates could not be read (database down): said, not hidden.
    pub unavailable: bool,
    pub threshold: String,
    pub deadline: String,
    /// The service's own page for privacy requests, when the catalogue has one (and it still
    /// passes the link rules), with the day it was read.
    pub contact: Option<(String, String)>,
    pub letters: Vec<Letter>,
    pub report_href: String,
}

fn article(right: GdprRight) -> &'static str {
    match right {
        GdprRight::Access => "15",
        GdprRight::Rectification => "16",
        GdprRight::Erasure => "17",
        GdprRight::Portability => "20",
        GdprRight::Objection => "21",
    }
}

fn mailto(subject: &str, body: &str) -> String {
    let enc = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    format!("mailto:?subject={}&body={}", enc(subject), enc(body))
}

/// The letter asking `service` to honour `right`, written from the regulation's articles.
pub fn letter(ctx: &Ctx, service: &Service, right: GdprRight) -> Letter {
    let tr = ctx.tr;
    let id = right.to_value();
    let args = |key: &str| {
        tr.args(
            key,
            &[
                ("service", service.name.clone().into()),
                ("article", article(right).into()),
            ],
        )
    };
    let subject = args(&format!("rights-letter-subject-{id}"));
    let body = [
        tr.t("rights-letter-greeting"),
        args("rights-letter-intro"),
        args(&format!("rights-letter-ask-{id}")),
        tr.t("rights-letter-identify"),
        tr.t("rights-letter-deadline"),
        tr.t("rights-letter-closing"),
    ]
    .join("\n\n");
    Letter {
        mailto: mailto(&subject, &body),
        right: right_label(tr, right),
        id,
        subject,
        body,
    }
}

pub fn row(ctx: &Ctx, p: &Published) -> FiguresRow {
    let tr = ctx.tr;
    let dash = || "—".to_owned();
    let pct = |v: Option<f64>| v.map_or_else(dash, |v| format!("{} %", (v * 100.0).round()));
    FiguresRow {
        right: right_label(tr, p.right),
        reports: p.figures.reports.to_string(),
        median: p
            .figures
            .median_days_to_answer
            .map_or_else(dash, |d| tr.decimal(d)),
        within: pct(p.figures.share_within_legal_month),
        complete: pct(p.figures.share_complete),
        machine: if aggregate::has_format(p.right) {
            pct(p.figures.share_machine_readable)
        } else {
            dash()
        },
    }
}

/// The section for `service`, from the published aggregates (`None`: they could not be read).
pub fn build(ctx: &Ctx, service: &Service, published: Option<&[Published]>) -> ServiceRights {
    let tr = ctx.tr;
    ServiceRights {
        heading: tr.s("rights-service-heading", "service", &service.name),
        rows: published
            .unwrap_or_default()
            .iter()
            .filter(|p| p.service == service.id)
            .map(|p| row(ctx, p))
            .collect(),
        unavailable: published.is_none(),
        threshold: tr.args("rights-threshold", &[("k", aggregate::K.into())]),
        deadline: tr.s("rights-deadline", "service", &service.name),
        contact: service
            .privacy_contact
            .as_ref()
            .filter(|c| crate::data::url_problem(&c.url).is_none())
            .map(|c| {
                (
                    c.url.clone(),
                    tr.s("rights-contact-checked", "date", &tr.date(c.checked)),
                )
            }),
        letters: GdprRight::iter().map(|r| letter(ctx, service, r)).collect(),
        report_href: format!("{}?service={}", ctx.href("/rights-reports"), service.id),
    }
}
