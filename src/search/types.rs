//! The search API's request and result types: what the HTTP layer and the CLI exchange with
//! the engine. Results serialise as the JSON of `GET /api/v1/search` and carry an OpenAPI
//! schema. No logic lives here beyond parsing a sort name.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::model::Lang;

/// Results per page when the caller does not say.
pub const DEFAULT_PER_PAGE: usize = 20;
/// The most results one page may hold; larger values are clamped.
pub const MAX_PER_PAGE: usize = 100;

/// What a person asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// Free text; empty means "browse everything".
    pub q: String,
    /// Language of the summaries and snippets returned, and the one preferred for matching.
    pub lang: Lang,
    pub filters: Filters,
    pub sort: Sort,
    /// 1-based page number; 0 is treated as 1.
    pub page: usize,
    /// Results per page, clamped to 1..=[`MAX_PER_PAGE`].
    pub per_page: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            q: String::new(),
            lang: Lang::Fr,
            filters: Filters::default(),
            sort: Sort::Relevance,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl SearchRequest {
    /// A first-page request for `q` in `lang`, with no filters.
    pub fn new(q: impl Into<String>, lang: Lang) -> Self {
        SearchRequest {
            q: q.into(),
            lang,
            ..SearchRequest::default()
        }
    }
}

/// Filters, ANDed across dimensions. Within a dimension, values are alternatives (any of
/// them) except `criterion`, where every listed criterion must be met. Unknown values match
/// nothing; they are never an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Filters {
    /// Category ids.
    pub category: Vec<String>,
    /// Platform ids (`android`, `linux`...).
    pub platform: Vec<String>,
    /// SPDX licence ids, matched against each id of an entry's licence expression.
    pub license: Vec<String>,
    /// Criteria met (all of them).
    pub criterion: Vec<String>,
    /// Grade letters.
    pub grade: Vec<String>,
    /// Review statuses (`community`, `validated`...).
    pub status: Vec<String>,
}

impl Filters {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        [
            &self.category,
            &self.platform,
            &self.license,
            &self.criterion,
            &self.grade,
            &self.status,
        ]
        .iter()
        .all(|v| v.iter().all(|s| s.trim().is_empty()))
    }
}

/// The order of results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first; ties (and an empty query) by grade, then name.
    #[default]
    Relevance,
    /// Grade A first, then name.
    Grade,
    /// Name, ignoring case and accents.
    Name,
    /// Most recently changed first, then name.
    Updated,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Grade, Sort::Name, Sort::Updated];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Grade => "grade",
            Sort::Name => "name",
            Sort::Updated => "updated",
        }
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown sort name; its message lists the allowed ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown sort `{given}`: expected one of relevance, grade, name, updated")]
pub struct UnknownSort {
    pub given: String,
}

impl FromStr for Sort {
    type Err = UnknownSort;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        Sort::ALL
            .into_iter()
            .find(|sort| sort.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownSort {
                given: s.chars().take(40).collect(),
            })
    }
}

/// One page of results, with facet counts over all matching entries.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SearchResults {
    /// Entries matching the query and the filters.
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<Hit>,
    /// Per dimension (`category`, `platform`, `license`, `criterion`, `grade`, `status`):
    /// values with the number of entries each would give. A dimension's counts apply the
    /// query and the filters of the *other* dimensions (so choosing a category still shows
    /// how many entries the other categories hold), except `criterion`, whose counts also
    /// apply its own filter (criteria narrow down: "of these, how many also meet X").
    pub facets: BTreeMap<String, Vec<FacetCount>>,
    /// Set when the query was understood as "alternatives to this service": the entries
    /// that replace it come first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceMatch>,
}

/// Facet counts by dimension, as in [`SearchResults::facets`].
pub type Facets = BTreeMap<String, Vec<FacetCount>>;

/// A facet value and how many entries have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// The proprietary service a query was understood to be about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ServiceMatch {
    /// Service id (`whatsapp`, `google-drive`...).
    pub id: String,
    pub name: String,
    /// The words of the query that named it.
    pub matched: String,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Hit {
    pub slug: String,
    pub name: String,
    /// Summary in the requested language (plain text).
    pub summary: String,
    /// Grade letter, A (best) to E.
    pub grade: String,
    /// The grade rests on too little evidence: a required criterion is still unknown, or
    /// more than a fifth of the recommended ones are. Shown as "provisional" beside it.
    pub grade_provisional: bool,
    /// Share of the criteria that count for this entry whose status is established (not
    /// unknown), 0–100, one decimal.
    pub confidence: f64,
    /// Relevance score; 0 when results are not sorted by relevance or the query is empty.
    pub score: f32,
    /// HTML-escaped extract with `<mark>` around matched words: safe to embed as HTML.
    pub snippet: String,
    /// Category ids.
    pub categories: Vec<String>,
    /// Platform ids.
    pub platforms: Vec<String>,
    /// SPDX licence expression.
    pub license: String,
    pub review_status: String,
    /// Ids of the services the entry replaces.
    pub replaces: Vec<String>,
    /// When the entry last changed (ISO 8601 date).
    pub last_changed: String,
    /// Automated evidence: the entry's latest forge observation found no commit nor release
    /// for 12 months. Machine-observed, not a decision. Not held by the index: the server sets
    /// it from the observations it keeps in memory (false from the index alone).
    #[serde(default)]
    pub stale: bool,
}

/// What `open_or_build` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum BuildOutcome {
    /// The index on disk was current and opened as it was.
    Reused,
    /// The index was (re)built; `reason` says why, for logs.
    Built { reason: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_parses_names_case_insensitively() {
        assert_eq!("grade".parse::<Sort>(), Ok(Sort::Grade));
        assert_eq!(" Updated ".parse::<Sort>(), Ok(Sort::Updated));
        for sort in Sort::ALL {
            assert_eq!(sort.to_string().parse::<Sort>(), Ok(sort));
        }
    }

    #[test]
    fn an_unknown_sort_names_the_allowed_values() {
        let err = "popularity".parse::<Sort>().expect_err("not a sort");
        let message = err.to_string();
        assert!(message.contains("`popularity`"), "{message}");
        assert!(
            message.contains("relevance, grade, name, updated"),
            "{message}"
        );
    }

    #[test]
    fn filters_of_blank_values_are_empty() {
        let mut f = Filters::default();
        assert!(f.is_empty());
        f.platform.push("  ".into());
        assert!(f.is_empty());
        f.grade.push("A".into());
        assert!(!f.is_empty());
    }

    #[test]
    fn results_serialise_without_an_absent_service() {
        let results = SearchResults {
            total: 0,
            page: 1,
            per_page: 20,
            hits: vec![],
            facets: Facets::new(),
            service: None,
        };
        let json = serde_json::to_value(&results).expect("serialisable");
        assert!(json.get("service").is_none());
        assert_eq!(json["total"], 0);
    }
}
