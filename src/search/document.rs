//! From a catalogue entry to a tantivy document, and the stored card a hit is built from.
//!
//! Everything derived (grade, criteria met, licence ids, plain-text descriptions, service and
//! category names) is computed here once, at indexing time, so that searching never needs the
//! catalogue. This module never writes to the index itself.

use chrono::{Datelike, NaiveDate};
use pulldown_cmark::{Event, Parser, TagEnd};
use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use tantivy::schema::Facet;
use tantivy::tokenizer::TextAnalyzer;

use super::schema::{Dim, Fields};
use crate::data::Catalogue;
use crate::model::{Entry, Grade, Lang, Localized, Status, grade_entry};

/// What a hit shows, stored as JSON in the `card` field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub slug: String,
    pub name: String,
    pub summary: Localized,
    /// Descriptions as plain text: what snippets are cut from.
    pub text: Localized,
    pub grade: String,
    /// Whether the grade rests on too little evidence (see [`crate::model::grade`]).
    #[serde(default)]
    pub provisional: bool,
    /// Share of counted criteria established, 0–100.
    #[serde(default)]
    pub confidence: f64,
    pub categories: Vec<String>,
    pub platforms: Vec<String>,
    pub license: String,
    pub review_status: String,
    pub replaces: Vec<String>,
    pub last_changed: String,
}

/// A date as a sortable `yyyymmdd` integer.
pub fn date_key(date: NaiveDate) -> u64 {
    let year = u64::try_from(date.year()).unwrap_or(0);
    year * 10_000 + u64::from(date.month()) * 100 + u64::from(date.day())
}

/// Sort key of a grade, lower is better: the letter first, then an established grade before
/// a provisional one of the same letter, then the score (0 to 100, one decimal) from high to
/// low, so that alternatives of one letter are still ranked.
pub fn grade_order(grade: Grade, provisional: bool, score: f64) -> u64 {
    // Tenths of a point are exact integers, at most 1,000.
    let tenths = (score.clamp(0.0, 100.0) * 10.0).round() as u64;
    grade as u64 * 10_000 + u64::from(provisional) * 1_001 + (1_000 - tenths)
}

/// Markdown to plain text: paragraphs, list items and headings separated by blank lines,
/// link targets and emphasis markers dropped.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) => out.push_str("\n\n"),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// The ids of every licence in an SPDX expression (`MIT OR Apache-2.0` → both).
pub fn license_ids(expression: &str) -> Vec<String> {
    let mut ids: Vec<String> = match spdx::Expression::parse(expression) {
        Ok(expr) => expr
            .requirements()
            .map(|r| match &r.req.license {
                spdx::LicenseItem::Spdx { id, .. } => id.name.to_owned(),
                other => other.to_string(),
            })
            .collect(),
        // The validator keeps invalid expressions out of the catalogue; this is a fallback.
        Err(_) => expression
            .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
            .filter(|w| !w.is_empty() && !matches!(*w, "AND" | "OR" | "WITH"))
            .map(str::to_owned)
            .collect(),
    };
    ids.sort();
    ids.dedup();
    ids
}

/// The name sort key: folded, lower case, words separated by one space.
pub fn name_key(folded: &mut TextAnalyzer, name: &str) -> String {
    let mut words = Vec::new();
    let mut stream = folded.token_stream(name);
    while let Some(token) = stream.next() {
        words.push(token.text.clone());
    }
    if words.is_empty() {
        name.to_lowercase()
    } else {
        words.join(" ")
    }
}

fn facet(field: tantivy::schema::Field, value: &str) -> (tantivy::schema::Field, Facet) {
    (field, Facet::from_path([value]))
}

/// Words that make "self-hosted" / "auto-hébergé" queries find self-hostable software.
const SELF_HOSTED_WORDS: &str =
    "self-hosted self-hostable selfhosted auto-hébergé auto-hébergeable auto-hébergement";

/// Builds the document of `entry`. The catalogue gives the names of the categories and
/// services the entry refers to, and the criteria its grade is computed with.
pub fn build(
    fields: &Fields,
    catalogue: &Catalogue,
    folded: &mut TextAnalyzer,
    entry: &Entry,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    let breakdown = grade_entry(entry, &catalogue.criteria);
    let grade = breakdown.grade;
    let text = Localized {
        fr: plain_text(&entry.description.fr),
        en: plain_text(&entry.description.en),
    };
    let licenses = license_ids(&entry.license);

    doc.add_text(fields.slug, &entry.slug);
    doc.add_text(fields.name, &entry.name);
    doc.add_text(fields.name_sort, name_key(folded, &entry.name));
    doc.add_text(
        fields.name_key,
        super::analyzers::compact(folded, &entry.name),
    );
    for lang in Lang::ALL {
        doc.add_text(fields.summary(lang), entry.summary.get(lang));
        doc.add_text(fields.description(lang), text.get(lang));
    }
    for id in &entry.replaces {
        doc.add_text(fields.replaces, id);
        doc.add_text(fields.services, id.replace('-', " "));
        if let Some(service) = catalogue.services.get(id) {
            doc.add_text(fields.services, &service.name);
            for alias in service.aliases.all() {
                doc.add_text(fields.services, alias);
            }
        }
    }
    for id in &entry.categories {
        let (name_fr, name_en) = catalogue
            .categories
            .get(id)
            .map(|c| (c.name.fr.as_str(), c.name.en.as_str()))
            .unwrap_or_default();
        let words = id.replace('-', " ");
        doc.add_text(fields.categories_fr, format!("{name_fr}\n{words}"));
        doc.add_text(fields.categories_en, format!("{name_en}\n{words}"));
        doc.add_facet(fields.facet(Dim::Category), Facet::from_path([id]));
    }
    for platform in &entry.platforms {
        doc.add_text(fields.keywords, platform.id());
        let (field, value) = facet(fields.facet(Dim::Platform), platform.id());
        doc.add_facet(field, value);
    }
    for kind in &entry.kinds {
        let kind = serde_json::to_value(kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        doc.add_text(fields.keywords, kind.replace('-', " "));
    }
    if entry.self_hostable {
        doc.add_text(fields.keywords, SELF_HOSTED_WORDS);
    }
    for id in &licenses {
        doc.add_text(fields.keywords, id);
        let (field, value) = facet(fields.facet(Dim::License), id);
        doc.add_facet(field, value);
    }
    for (criterion, assessment) in &entry.assessment {
        if assessment.status == Status::Met {
            let (field, value) = facet(fields.facet(Dim::Criterion), criterion);
            doc.add_facet(field, value);
        }
    }
    let (field, value) = facet(fields.facet(Dim::Grade), grade.letter());
    doc.add_facet(field, value);
    let (field, value) = facet(fields.facet(Dim::Status), entry.review.status.id());
    doc.add_facet(field, value);

    doc.add_u64(
        fields.grade_order,
        grade_order(breakdown.grade, breakdown.provisional, breakdown.score),
    );
    let last_changed = entry.last_changed();
    doc.add_u64(fields.last_changed, date_key(last_changed));
    doc.add_u64(fields.added, date_key(entry.added));

    let card = Card {
        slug: entry.slug.clone(),
        name: entry.name.clone(),
        summary: entry.summary.clone(),
        text,
        grade: grade.letter().to_owned(),
        provisional: breakdown.provisional,
        confidence: breakdown.confidence,
        categories: entry.categories.clone(),
        platforms: entry.platforms.iter().map(|p| p.id().to_owned()).collect(),
        license: entry.license.clone(),
        review_status: entry.review.status.id().to_owned(),
        replaces: entry.replaces.clone(),
        last_changed: last_changed.to_string(),
    };
    // A card of strings and vectors always serialises.
    let json = serde_json::to_string(&card).unwrap_or_default();
    doc.add_text(fields.card, json);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_text() {
        let text = plain_text("Un **outil** [libre](https://example.org).\n\n- un\n- deux");
        assert_eq!(text, "Un outil libre.\n\nun\n\ndeux");
    }

    #[test]
    fn every_licence_of_an_expression_is_listed_once() {
        assert_eq!(
            license_ids("MIT OR Apache-2.0"),
            vec!["Apache-2.0".to_owned(), "MIT".to_owned()]
        );
        assert_eq!(
            license_ids("(GPL-3.0-or-later AND MIT) OR MIT"),
            vec!["GPL-3.0-or-later".to_owned(), "MIT".to_owned()]
        );
    }

    #[test]
    fn dates_sort_as_integers() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(date_key(d(2026, 11, 22)), 20_261_122);
        assert!(date_key(d(2026, 1, 31)) < date_key(d(2026, 2, 1)));
    }

    #[test]
    fn grade_order_ranks_letters_then_scores() {
        assert!(grade_order(Grade::A, false, 95.0) < grade_order(Grade::A, false, 85.0));
        assert!(grade_order(Grade::A, false, 80.0) < grade_order(Grade::B, false, 100.0));
        assert!(grade_order(Grade::C, false, 42.9) < grade_order(Grade::D, false, 32.5));
        assert!(grade_order(Grade::D, false, 32.5) < grade_order(Grade::D, false, 25.0));
        assert!(grade_order(Grade::E, false, 0.0) > grade_order(Grade::D, false, 0.0));
    }

    #[test]
    fn a_provisional_grade_ranks_below_an_established_one_of_the_same_letter() {
        assert!(grade_order(Grade::B, false, 60.0) < grade_order(Grade::B, true, 79.9));
        assert!(grade_order(Grade::B, true, 60.0) < grade_order(Grade::C, false, 79.9));
        assert!(grade_order(Grade::C, true, 79.0) < grade_order(Grade::C, true, 40.0));
    }

    #[test]
    fn name_keys_ignore_case_and_accents() {
        let mut folded = super::super::analyzers::folded();
        assert_eq!(name_key(&mut folded, "Galène"), "galene");
        assert_eq!(name_key(&mut folded, "KeePassXC"), "keepassxc");
        assert_eq!(name_key(&mut folded, "Jitsi Meet"), "jitsi meet");
    }
}
