//! From an understood query (`intent::Parsed`) to tantivy queries. User text never reaches a
//! query parser: queries are assembled from analysed words, so no input is a syntax error.
//!
//! Each word becomes a disjunction over fields (best field wins, others add a little): the
//! name (exact, typo-tolerant, and as a prefix for the word being typed), the replaced
//! services' names and aliases, category names, summaries and descriptions in both languages
//! (the requested language weighs more), and keywords (platforms, licences). Boosts rank
//! name > services > categories > summary > description. Whole-phrase matches add a bonus.
//! Typos and unfinished words are expanded into the index's real terms (`expand`), each
//! then scored as a term, a little below the word as typed.

use tantivy::Searcher;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Term};
use tantivy::tokenizer::TextAnalyzer;

use super::SearchError;
use super::analyzers::{Analyzers, Word};
use super::expand;
use super::intent::Parsed;
use super::schema::{Dim, Fields};
use crate::model::Lang;

/// Field weights of a word match.
mod weight {
    pub const NAME: f32 = 6.0;
    pub const NAME_FUZZY: f32 = 4.0;
    pub const NAME_PREFIX: f32 = 4.0;
    pub const SERVICES: f32 = 3.0;
    pub const SERVICES_FUZZY: f32 = 1.5;
    pub const SERVICES_PREFIX: f32 = 1.5;
    pub const CATEGORIES: f32 = 3.0;
    pub const CATEGORIES_PREFIX: f32 = 1.0;
    pub const SUMMARY: f32 = 2.0;
    pub const SUMMARY_PREFIX: f32 = 0.5;
    pub const DESCRIPTION: f32 = 1.0;
    pub const KEYWORDS: f32 = 1.5;
    /// Factor applied to fields in the language not requested.
    pub const OTHER_LANGUAGE: f32 = 0.6;
    /// Share of the non-best fields' scores added to a word's best field score.
    pub const TIE_BREAKER: f32 = 0.2;
    /// Phrase bonuses, per field.
    pub const PHRASE_NAME: f32 = 8.0;
    pub const PHRASE_CATEGORIES: f32 = 4.0;
    pub const PHRASE_SUMMARY: f32 = 4.0;
    pub const PHRASE_DESCRIPTION: f32 = 2.0;
    /// Entries that replace the service a query asks alternatives to: above any text score.
    pub const REPLACES: f32 = 1000.0;
    /// Entries in that service's categories: next.
    pub const SERVICE_CATEGORY: f32 = 100.0;
}

/// Words shorter than this get no typo tolerance (too many short words are one edit apart).
const MIN_FUZZY_CHARS: usize = 4;
/// An unfinished word needs this many characters to be matched as a prefix of names.
const MIN_PREFIX_CHARS: usize = 2;
/// ... and this many to be matched as a prefix of summaries and categories.
const MIN_TEXT_PREFIX_CHARS: usize = 4;
/// Fuzzy automata grow with word length; longer words are matched exactly only.
const MAX_FUZZY_CHARS: usize = 24;

/// Edit distance tolerated on a word of `len` characters in names: 1 for short words,
/// 2 from six characters.
pub fn fuzzy_distance(len: usize) -> u8 {
    match len {
        0..MIN_FUZZY_CHARS => 0,
        MIN_FUZZY_CHARS..6 => 1,
        6..=MAX_FUZZY_CHARS => 2,
        _ => 0,
    }
}

fn boxed(q: impl Query) -> Box<dyn Query> {
    Box::new(q)
}

fn boost(q: impl Query, by: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(q), by))
}

fn term_query(field: Field, text: &str) -> TermQuery {
    TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    )
}

/// Builds the queries of one request.
pub struct QueryBuilder<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    analyzers: &'a mut Analyzers,
    lang: Lang,
}

impl<'a> QueryBuilder<'a> {
    pub fn new(
        searcher: &'a Searcher,
        fields: &'a Fields,
        analyzers: &'a mut Analyzers,
        lang: Lang,
    ) -> Self {
        QueryBuilder {
            searcher,
            fields,
            analyzers,
            lang,
        }
    }

    fn lang_factor(&self, lang: Lang) -> f32 {
        if lang == self.lang {
            1.0
        } else {
            weight::OTHER_LANGUAGE
        }
    }

    /// Words that carry meaning: all but function words, unless there is nothing else.
    pub fn content_words(words: &[Word]) -> Vec<&Word> {
        let content: Vec<&Word> = words.iter().filter(|w| !w.stop).collect();
        if content.is_empty() {
            words.iter().collect()
        } else {
            content
        }
    }

    /// The query for one word; `None` if the word leaves no term in any field.
    fn word(&mut self, word: &Word, partial: bool) -> Result<Option<Box<dyn Query>>, SearchError> {
        let f = self.fields;
        let mut parts: Vec<Box<dyn Query>> = Vec::new();
        for (_, text) in Analyzers::terms(&mut self.analyzers.folded, &word.raw) {
            let chars = text.chars().count();
            parts.push(boost(term_query(f.name, &text), weight::NAME));
            parts.push(boost(term_query(f.services, &text), weight::SERVICES));
            parts.push(boost(term_query(f.keywords, &text), weight::KEYWORDS));
            let distance = fuzzy_distance(chars);
            if distance > 0 {
                for (field, by) in [
                    (f.name, weight::NAME_FUZZY),
                    (f.services, weight::SERVICES_FUZZY),
                ] {
                    for (close, edits) in expand::fuzzy(self.searcher, field, &text, distance)? {
                        let by = by * (1.0 - 0.25 * edits.saturating_sub(1) as f32);
                        parts.push(boost(term_query(field, &close), by));
                    }
                }
            }
            if partial && chars >= MIN_PREFIX_CHARS {
                for (field, by) in [
                    (f.name, weight::NAME_PREFIX),
                    (f.services, weight::SERVICES_PREFIX),
                ] {
                    for completion in expand::prefix(self.searcher, field, &text)? {
                        parts.push(boost(term_query(field, &completion), by));
                    }
                }
            }
        }
        for lang in Lang::ALL {
            let factor = self.lang_factor(lang);
            let analyzer: &mut TextAnalyzer = match lang {
                Lang::Fr => &mut self.analyzers.fr,
                Lang::En => &mut self.analyzers.en,
            };
            for (_, text) in Analyzers::terms(analyzer, &word.raw) {
                parts.push(boost(
                    term_query(f.categories(lang), &text),
                    weight::CATEGORIES * factor,
                ));
                parts.push(boost(
                    term_query(f.summary(lang), &text),
                    weight::SUMMARY * factor,
                ));
                parts.push(boost(
                    term_query(f.description(lang), &text),
                    weight::DESCRIPTION * factor,
                ));
            }
            // Prefixes use the folded, unstemmed word: a stem may be longer than what was typed.
            if partial && word.folded.chars().count() >= MIN_TEXT_PREFIX_CHARS {
                for (field, by) in [
                    (f.categories(lang), weight::CATEGORIES_PREFIX),
                    (f.summary(lang), weight::SUMMARY_PREFIX),
                ] {
                    for completion in expand::prefix(self.searcher, field, &word.folded)? {
                        parts.push(boost(term_query(field, &completion), by * factor));
                    }
                }
            }
        }
        if parts.is_empty() {
            return Ok(None);
        }
        Ok(Some(boxed(DisjunctionMaxQuery::with_tie_breaker(
            parts,
            weight::TIE_BREAKER,
        ))))
    }

    /// One query per content word; the last one may be matched as a prefix.
    pub fn word_queries(&mut self, parsed: &Parsed) -> Result<Vec<Box<dyn Query>>, SearchError> {
        let content = Self::content_words(&parsed.words);
        let last = content.len().saturating_sub(1);
        let last_word_ends_query = parsed.last_is_partial
            && parsed
                .words
                .last()
                .is_some_and(|w| content.last() == Some(&w));
        let mut queries = Vec::with_capacity(content.len());
        for (i, w) in content.iter().enumerate() {
            if let Some(q) = self.word(w, last_word_ends_query && i == last)? {
                queries.push(q);
            }
        }
        Ok(queries)
    }

    /// Bonuses for the words found together, in order, in one field.
    pub fn phrases(&mut self, parsed: &Parsed) -> Vec<Box<dyn Query>> {
        if Self::content_words(&parsed.words).len() < 2 {
            return Vec::new();
        }
        let text = parsed
            .words
            .iter()
            .map(|w| w.raw.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let f = self.fields;
        let lang = self.lang;
        let mut out = Vec::new();
        let mut add = |analyzer: &mut TextAnalyzer, field: Field, by: f32| {
            let mut terms: Vec<(usize, Term)> = Analyzers::terms(analyzer, &text)
                .into_iter()
                .map(|(pos, t)| (pos, Term::from_field_text(field, &t)))
                .collect();
            // One term per position: a word's second (accent) form is not a next word.
            terms.dedup_by_key(|(pos, _)| *pos);
            if terms.len() >= 2 {
                out.push(boost(PhraseQuery::new_with_offset_and_slop(terms, 1), by));
            }
        };
        add(&mut self.analyzers.folded, f.name, weight::PHRASE_NAME);
        let analyzer = match lang {
            Lang::Fr => &mut self.analyzers.fr,
            Lang::En => &mut self.analyzers.en,
        };
        add(analyzer, f.categories(lang), weight::PHRASE_CATEGORIES);
        add(analyzer, f.summary(lang), weight::PHRASE_SUMMARY);
        add(analyzer, f.description(lang), weight::PHRASE_DESCRIPTION);
        out
    }
}

/// Text query: at least `required` of the word queries must match; phrases add bonuses.
pub fn text_query(
    words: &[Box<dyn Query>],
    phrases: &[Box<dyn Query>],
    required: usize,
) -> Option<Box<dyn Query>> {
    if words.is_empty() {
        return None;
    }
    let shoulds: Vec<Box<dyn Query>> = words.iter().map(|q| q.box_clone()).collect();
    let matching = boxed(BooleanQuery::union_with_minimum_required_clauses(
        shoulds,
        required.clamp(1, words.len()),
    ));
    if phrases.is_empty() {
        return Some(matching);
    }
    let mut clauses = vec![(Occur::Must, matching)];
    clauses.extend(phrases.iter().map(|p| (Occur::Should, p.box_clone())));
    Some(boxed(BooleanQuery::new(clauses)))
}

/// "Alternatives to this service": entries replacing it first, then entries in its
/// categories, then whatever the remaining words match (`text`, optional).
pub fn service_query(
    fields: &Fields,
    service_id: &str,
    categories: &[String],
    text: Option<Box<dyn Query>>,
) -> Box<dyn Query> {
    let mut shoulds: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Should,
        boxed(ConstScoreQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(fields.replaces, service_id),
                IndexRecordOption::Basic,
            )),
            weight::REPLACES,
        )),
    )];
    for category in categories {
        let term = Term::from_facet(fields.facet(Dim::Category), &Facet::from_path([category]));
        shoulds.push((
            Occur::Should,
            boxed(ConstScoreQuery::new(
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                weight::SERVICE_CATEGORY,
            )),
        ));
    }
    if let Some(text) = text {
        shoulds.push((Occur::Should, text));
    }
    boxed(BooleanQuery::new(shoulds))
}

/// `main` restricted by `filter` (which does not score).
pub fn restrict(main: Box<dyn Query>, filter: Option<Box<dyn Query>>) -> Box<dyn Query> {
    match filter {
        None => main,
        Some(filter) => boxed(BooleanQuery::new(vec![
            (Occur::Must, main),
            (Occur::Must, filter),
        ])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_tolerance_grows_with_word_length() {
        assert_eq!(fuzzy_distance(3), 0);
        assert_eq!(fuzzy_distance(4), 1);
        assert_eq!(fuzzy_distance(5), 1);
        assert_eq!(fuzzy_distance(6), 2);
        assert_eq!(fuzzy_distance(10), 2);
        assert_eq!(fuzzy_distance(100), 0);
    }
}
