//! View models shared by several pages: entries as cards, labels of the model's enums in
//! the page's language, grades and statuses as text plus a CSS class (never colour alone).

use crate::catalogue::Snapshot;
use crate::model::{
    Axis, Grade, GradeBreakdown, Kind, Lang, Level, Platform, ReviewStatus, Status,
};

use super::i18n::Tr;

pub fn grade_class(grade: &str) -> String {
    format!("grade grade-{}", grade.to_ascii_lowercase())
}

/// A grade as every page shows it: the letter (as text and a class, never colour alone) and
/// how much it rests on: the share of criteria established, and "provisional" when too little
/// is (see [`crate::model::grade`]), so that "not yet assessed" reads neither as bad nor good.
#[derive(Debug, Clone)]
pub struct GradeMark {
    pub letter: String,
    /// CSS classes of the letter: `grade grade-x`, plus `grade-provisional`.
    pub class: String,
    pub provisional: bool,
    /// "62 % of criteria established", or "Provisional: 40 % of criteria established".
    pub confidence: String,
}

impl GradeMark {
    pub fn new(tr: Tr, grade: Grade, provisional: bool, confidence: f64) -> GradeMark {
        let letter = grade.letter();
        let mut class = grade_class(letter);
        if provisional {
            class.push_str(" grade-provisional");
        }
        let key = if provisional {
            "grade-confidence-provisional"
        } else {
            "grade-confidence"
        };
        GradeMark {
            letter: letter.to_owned(),
            class,
            provisional,
            confidence: tr.s(key, "percent", &tr.decimal(confidence.round())),
        }
    }

    /// The mark of a computed grade; an entry without one (never in a loaded catalogue) shows
    /// as E, provisional, nothing established.
    pub fn of(tr: Tr, breakdown: Option<&GradeBreakdown>) -> GradeMark {
        breakdown.map_or_else(
            || GradeMark::new(tr, Grade::E, true, 0.0),
            |b| GradeMark::new(tr, b.grade, b.provisional, b.confidence),
        )
    }

    /// The mark of a search hit (its letter as text).
    pub fn of_hit(tr: Tr, hit: &crate::search::Hit) -> GradeMark {
        let grade = Grade::parse(&hit.grade).unwrap_or(Grade::E);
        GradeMark::new(tr, grade, hit.grade_provisional, hit.confidence)
    }
}

pub fn status_label(tr: Tr, status: Status) -> String {
    tr.t(&format!("status-{}", status.id()))
}

/// A short symbol for a status, shown next to its label (hidden from screen readers).
pub fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::Met => "✓",
        Status::Partial => "◐",
        Status::NotMet => "✗",
        Status::NotApplicable => "–",
        Status::Unknown => "?",
    }
}

pub fn review_label(tr: Tr, status: ReviewStatus) -> String {
    tr.t(&format!("review-{}", status.id()))
}

/// Label of a review status given by its id (search hits carry ids).
pub fn review_label_id(tr: Tr, id: &str) -> String {
    ReviewStatus::ALL
        .into_iter()
        .find(|s| s.id() == id)
        .map_or_else(|| id.to_owned(), |s| review_label(tr, s))
}

pub fn platform_label(tr: Tr, platform: Platform) -> String {
    tr.t(&format!("platform-{}", platform.id()))
}

pub fn platform_label_id(tr: Tr, id: &str) -> String {
    Platform::ALL
        .into_iter()
        .find(|p| p.id() == id)
        .map_or_else(|| id.to_owned(), |p| platform_label(tr, p))
}

pub fn kind_id(kind: Kind) -> &'static str {
    match kind {
        Kind::Desktop => "desktop",
        Kind::Mobile => "mobile",
        Kind::Web => "web",
        Kind::Server => "server",
        Kind::BrowserExtension => "browser-extension",
        Kind::Cli => "cli",
    }
}

pub fn kind_label(tr: Tr, kind: Kind) -> String {
    tr.t(&format!("kind-{}", kind_id(kind)))
}

pub fn axis_label(tr: Tr, axis: Axis) -> String {
    tr.t(&format!("axis-{}", axis.id()))
}

pub fn level_label(tr: Tr, level: Level) -> String {
    match level {
        Level::Required => tr.t("level-required"),
        Level::Recommended => tr.t("level-recommended"),
    }
}

pub fn yes_no(tr: Tr, value: bool) -> String {
    tr.t(if value { "yes" } else { "no" })
}

/// Name of a category in `lang`, or its id when unknown.
pub fn category_name(snapshot: &Snapshot, id: &str, lang: Lang) -> String {
    snapshot
        .catalogue
        .categories
        .get(id)
        .map_or_else(|| id.to_owned(), |c| c.name.get(lang).to_owned())
}

/// Name of a service, or its id when unknown.
pub fn service_name(snapshot: &Snapshot, id: &str) -> String {
    snapshot
        .catalogue
        .services
        .get(id)
        .map_or_else(|| id.to_owned(), |s| s.name.clone())
}

/// A labelled link (categories, services, platforms on cards).
#[derive(Debug, Clone)]
pub struct Tag {
    pub href: String,
    pub label: String,
}

/// A link given as evidence in a submission or a reviewer's verdict, checked again as it is
/// shown: a link only when it passes the data rules ([`crate::data::url_problem`]: https,
/// public host, no credentials), else plain text, whatever was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// `None`: the stored value is not an acceptable link and is shown as text.
    pub href: Option<String>,
    pub label: String,
}

impl Evidence {
    pub fn new(url: &str) -> Evidence {
        let url = url.trim();
        Evidence {
            href: crate::data::is_acceptable_url(url).then(|| url.to_owned()),
            label: url.to_owned(),
        }
    }
}
