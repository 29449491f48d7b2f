//! Expanding what a person typed into the terms of the index it may stand for: the words a
//! fragment begins ("nextc" → "nextcloud") and the words a misspelling is close to
//! ("signel" → "signal").
//!
//! Expanded terms are then searched as ordinary terms, so they are scored like any other
//! match (BM25: a short name that is all match beats a long one that contains it), which
//! tantivy's own fuzzy and prefix queries, scoring every match alike, would not do.

use std::collections::BTreeSet;

use tantivy::Searcher;
use tantivy::query::FuzzyTermQuery;
use tantivy::schema::{Field, Term};

use super::SearchError;

/// At most this many completions of a prefix (the shortest first: terms stream in order).
pub const MAX_PREFIX_TERMS: usize = 24;
/// At most this many spellings close to a word (the closest first).
pub const MAX_FUZZY_TERMS: usize = 16;

/// The first byte string greater than every string starting with `prefix`.
fn prefix_end(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

/// Terms of `field` starting with `prefix` (itself included if present).
pub fn prefix(searcher: &Searcher, field: Field, prefix: &str) -> Result<Vec<String>, SearchError> {
    let mut found = BTreeSet::new();
    let end = prefix_end(prefix.as_bytes());
    for segment in searcher.segment_readers() {
        let index = segment.inverted_index(field)?;
        let mut range = index.terms().range().ge(prefix.as_bytes());
        if let Some(end) = &end {
            range = range.lt(end);
        }
        let mut stream = range.into_stream().map_err(tantivy::TantivyError::from)?;
        let mut taken = 0;
        while taken < MAX_PREFIX_TERMS && stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                found.insert(term.to_owned());
            }
            taken += 1;
        }
    }
    Ok(found.into_iter().take(MAX_PREFIX_TERMS).collect())
}

/// Terms of `field` within `distance` edits of `word` (a transposition counts as one),
/// other than `word` itself, with their distance, closest first.
pub fn fuzzy(
    searcher: &Searcher,
    field: Field,
    word: &str,
    distance: u8,
) -> Result<Vec<(String, usize)>, SearchError> {
    let automaton =
        FuzzyTermQuery::new(Term::from_field_text(field, word), distance, true).automaton()?;
    let mut found = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let index = segment.inverted_index(field)?;
        let mut stream = index
            .terms()
            .search(&automaton)
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key())
                && term != word
            {
                found.insert(term.to_owned());
            }
        }
    }
    let mut close: Vec<(String, usize)> = found
        .into_iter()
        .map(|t| {
            let d = strsim::osa_distance(word, &t);
            (t, d)
        })
        .collect();
    close.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    close.truncate(MAX_FUZZY_TERMS);
    Ok(close)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_a_prefix_range_is_the_next_string() {
        assert_eq!(prefix_end(b"abc"), Some(b"abd".to_vec()));
        assert_eq!(prefix_end(&[b'a', 0xFF]), Some(b"b".to_vec()));
        assert_eq!(prefix_end(&[0xFF, 0xFF]), None);
    }
}
