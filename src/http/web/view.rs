//! View models shared by several pages: entries as cards, labels of the model's enums in
//! the page's language, grades and statuses as text plus a CSS class (never colour alone).

use crate::catalogue::Snapshot;
use crate::model::{Axis, Entry, Grade, Kind, Lang, Level, Platform, ReviewStatus, Status};

use super::i18n::Tr;

pub fn grade_class(grade: &str) -> String {
    format!("grade grade-{}", grade.to_ascii_lowercase())
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

/// An entry in a list (home, alternatives, decisions).
#[derive(Debug, Clone)]
pub struct EntryCard {
    pub slug: String,
    pub href: String,
    pub name: String,
    pub summary: String,
    pub grade: String,
    pub grade_class: String,
    pub grade_label: String,
    pub score: String,
    pub license: String,
    pub platforms: String,
    pub review: String,
}

impl EntryCard {
    pub fn new(entry: &Entry, snapshot: &Snapshot, tr: Tr) -> EntryCard {
        let lang = tr.lang;
        let grade = snapshot.grades.get(&entry.slug);
        let letter = grade.map_or(Grade::E, |g| g.grade).letter();
        EntryCard {
            slug: entry.slug.clone(),
            href: format!("/{}/entries/{}", lang.code(), entry.slug),
            name: entry.name.clone(),
            summary: entry.summary.get(lang).to_owned(),
            grade: letter.to_owned(),
            grade_class: grade_class(letter),
            grade_label: tr.s("grade-label", "grade", letter),
            score: tr.decimal(grade.map_or(0.0, |g| g.score)),
            license: entry.license.clone(),
            platforms: entry
                .platforms
                .iter()
                .map(|&p| platform_label(tr, p))
                .collect::<Vec<_>>()
                .join(", "),
            review: review_label(tr, entry.review.status),
        }
    }
}
