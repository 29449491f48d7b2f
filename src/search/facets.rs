//! Filters and facet counts.
//!
//! Semantics (documented in the API): filters are ANDed across dimensions; within a
//! dimension the selected values are alternatives (any of them), except `criterion` where
//! every selected criterion must be met. Counts of a dimension are computed with the query
//! and the filters of the *other* dimensions ("disjunctive" facets: picking a category keeps
//! the other categories' counts visible, as in shop search), except `criterion`, whose counts
//! also apply its own filter (each extra criterion narrows the results down). Selected values
//! always appear in their facet, with a count of 0 if nothing has them.

use std::collections::BTreeMap;

use tantivy::Searcher;
use tantivy::collector::{FacetCollector, FacetCounts};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Term};

use super::SearchError;
use super::schema::{Dim, Fields};
use super::types::{FacetCount, Filters};
use crate::model::Grade;

/// Normalised filter values by dimension; dimensions without values are absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActiveFilters {
    values: BTreeMap<Dim, Vec<String>>,
}

/// At most this many values per dimension are honoured (a guard against huge requests).
const MAX_VALUES_PER_DIM: usize = 32;

impl ActiveFilters {
    /// Cleans user values: trims, fixes case (ids are lower case, grades upper case, licence
    /// ids as `licenses` writes them), drops blanks and duplicates.
    pub fn new(filters: &Filters, licenses: &[String]) -> ActiveFilters {
        let mut values = BTreeMap::new();
        for dim in Dim::ALL {
            let given = match dim {
                Dim::Category => &filters.category,
                Dim::Platform => &filters.platform,
                Dim::License => &filters.license,
                Dim::Criterion => &filters.criterion,
                Dim::Grade => &filters.grade,
                Dim::Status => &filters.status,
            };
            let mut clean: Vec<String> = given
                .iter()
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .take(MAX_VALUES_PER_DIM)
                .map(|v| match dim {
                    Dim::License => licenses
                        .iter()
                        .find(|l| l.eq_ignore_ascii_case(v))
                        .cloned()
                        .unwrap_or_else(|| v.to_owned()),
                    Dim::Grade => v.to_uppercase(),
                    _ => v.to_lowercase(),
                })
                .collect();
            clean.sort();
            clean.dedup();
            if !clean.is_empty() {
                values.insert(dim, clean);
            }
        }
        ActiveFilters { values }
    }

    pub fn is_active(&self, dim: Dim) -> bool {
        self.values.contains_key(&dim)
    }

    pub fn selected(&self, dim: Dim) -> &[String] {
        self.values.get(&dim).map_or(&[], Vec::as_slice)
    }

    /// The filter as a non-scoring query, leaving out dimension `except`; `None` when no
    /// filter applies.
    pub fn query(&self, fields: &Fields, except: Option<Dim>) -> Option<Box<dyn Query>> {
        let mut musts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (&dim, values) in &self.values {
            if Some(dim) == except {
                continue;
            }
            let terms: Vec<Box<dyn Query>> = values
                .iter()
                .map(|v| {
                    let term = Term::from_facet(fields.facet(dim), &Facet::from_path([v]));
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>
                })
                .collect();
            let combined: Box<dyn Query> = if dim.is_conjunctive() {
                Box::new(BooleanQuery::intersection(terms))
            } else {
                Box::new(BooleanQuery::union(terms))
            };
            musts.push((Occur::Must, combined));
        }
        if musts.is_empty() {
            return None;
        }
        Some(Box::new(ConstScoreQuery::new(
            Box::new(BooleanQuery::new(musts)),
            0.0,
        )))
    }

    /// Whether a licence filter is set (its values need the index's licence ids).
    pub fn wants_licenses(filters: &Filters) -> bool {
        filters.license.iter().any(|v| !v.trim().is_empty())
    }

    /// Whether dimension `dim` needs its own counting pass (its counts ignore its own filter).
    pub fn needs_own_pass(&self, dim: Dim) -> bool {
        self.is_active(dim) && !dim.is_conjunctive()
    }
}

/// Every value of `dim` present in the index (read from its term dictionary).
pub fn values(searcher: &Searcher, fields: &Fields, dim: Dim) -> Result<Vec<String>, SearchError> {
    let mut out = std::collections::BTreeSet::new();
    for segment in searcher.segment_readers() {
        let index = segment.inverted_index(fields.facet(dim))?;
        let mut stream = index
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            if let Ok(facet) = Facet::from_encoded(stream.key().to_vec())
                && let Some(value) = facet.to_path().last()
            {
                out.insert((*value).to_owned());
            }
        }
    }
    Ok(out.into_iter().collect())
}

/// A collector of the counts of every value of `dim`.
pub fn collector(dim: Dim) -> FacetCollector {
    let mut c = FacetCollector::for_field(Fields::facet_name(dim));
    c.add_facet(Facet::root());
    c
}

/// Counts as the API shows them: grades in letter order, other dimensions by decreasing
/// count then value; selected values are listed even when nothing has them.
pub fn to_counts(dim: Dim, counts: &FacetCounts, selected: &[String]) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = counts
        .get(Facet::root())
        .filter_map(|(facet, count)| {
            facet.to_path().last().map(|v| FacetCount {
                value: (*v).to_owned(),
                count,
            })
        })
        .collect();
    for value in selected {
        if !out.iter().any(|c| &c.value == value) {
            out.push(FacetCount {
                value: value.clone(),
                count: 0,
            });
        }
    }
    if dim == Dim::Grade {
        out.sort_by_key(|c| {
            (
                Grade::parse(&c.value).map_or(usize::MAX, |g| g as usize),
                c.value.clone(),
            )
        });
    } else {
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_cleaned_per_dimension() {
        let filters = Filters {
            category: vec![" Messaging ".into(), "messaging".into(), "".into()],
            grade: vec!["a".into(), "B".into()],
            ..Filters::default()
        };
        let active = ActiveFilters::new(&filters, &[]);
        assert_eq!(active.selected(Dim::Category), ["messaging"]);
        assert_eq!(active.selected(Dim::Grade), ["A", "B"]);
        assert!(!active.is_active(Dim::Platform));
        assert!(active.needs_own_pass(Dim::Category));
    }

    #[test]
    fn criterion_filters_count_with_their_own_selection() {
        let filters = Filters {
            criterion: vec!["e2ee".into()],
            ..Filters::default()
        };
        let active = ActiveFilters::new(&filters, &[]);
        assert!(active.is_active(Dim::Criterion));
        assert!(!active.needs_own_pass(Dim::Criterion));
    }
}
