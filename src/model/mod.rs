//! The catalogue's pure data types: entries, criteria, categories, services, grades.
//!
//! These types are the one definition of the data-repository format: the validator derives
//! the JSON Schema from them, the index and the API serialise them. This module does no I/O.

mod criterion;
mod entry;
mod grade;
mod taxonomy;
mod text;

pub use criterion::{Applicability, Axis, Criterion, Level, MachineCheck, Source};
pub use entry::{
    Assessment, Entry, Kind, Platform, Review, ReviewEvent, ReviewStatus, SLUG_PATTERN, Status,
    is_valid_slug,
};
pub use grade::{Grade, GradeBreakdown, grade_entry};
pub use taxonomy::{Aliases, Category, PrivacyContact, Service};
pub use text::{Lang, Localized, LocalizedList, Markdown};

/// Ids of criteria, categories and services follow the same rule as entry slugs.
pub const ID_PATTERN: &str = SLUG_PATTERN;
