//! Running one search on one searcher: interpret, match (with the strictness fallback),
//! sort, paginate, count facets, build hits with snippets.
//!
//! Orders: relevance, ties by grade (letter, then score: the better-assessed alternative
//! first), then name; an empty query sorts by grade. Matching rule: every content word must match (each through any field, stem, typo or
//! prefix); when no entry matches them all, the entries matching the most words are returned
//! (one word fewer at a time). A request for alternatives to a service never excludes by
//! words: its words only rank.

use std::collections::BTreeMap;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue, SortByString};
use tantivy::collector::{Collector, Count, FacetCounts, MultiCollector, TopDocs};
use tantivy::query::{AllQuery, Query};
use tantivy::schema::Value;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument};

use super::SearchError;
use super::analyzers::Analyzers;
use super::document::Card;
use super::expand;
use super::facets::{self, ActiveFilters};
use super::intent::{self, Parsed};
use super::lexicon::{Lexicon, tolerated_edits};
use super::query::{self, QueryBuilder};
use super::schema::{Dim, Fields, GRADE_ORDER, LAST_CHANGED, NAME_SORT};
use super::snippet;
use super::types::{Hit, MAX_PER_PAGE, SearchRequest, SearchResults, ServiceMatch, Sort};
use crate::model::Lang;

/// What one search needs from the index.
pub struct Context<'a> {
    pub searcher: &'a Searcher,
    pub fields: &'a Fields,
    pub lexicon: &'a Lexicon,
}

/// The query of a request, before filters.
struct Interpreted {
    parsed: Parsed,
    /// `None`: browse everything.
    main: Option<Box<dyn Query>>,
    /// Whether results have a meaningful relevance score.
    scored: bool,
}

pub fn search(
    ctx: &Context<'_>,
    mut analyzers: Analyzers,
    req: &SearchRequest,
) -> Result<SearchResults, SearchError> {
    let per_page = req.per_page.clamp(1, MAX_PER_PAGE);
    let page = req.page.max(1);
    let licenses = if ActiveFilters::wants_licenses(&req.filters) {
        facets::values(ctx.searcher, ctx.fields, Dim::License)?
    } else {
        Vec::new()
    };
    let filters = ActiveFilters::new(&req.filters, &licenses);
    let mut vocabulary = IndexVocabulary {
        ctx,
        analyzers: analyzers.clone(),
    };
    let parsed = intent::parse(&req.q, ctx.lexicon, &mut analyzers, &mut vocabulary);
    let (interpreted, total) = interpret(ctx, &mut analyzers, req, parsed, &filters)?;
    let main: Box<dyn Query> = match &interpreted.main {
        Some(q) => q.box_clone(),
        None => Box::new(AllQuery),
    };
    let full = query::restrict(main.box_clone(), filters.query(ctx.fields, None));

    // One pass: the page and the facets that apply every filter.
    let shared_dims: Vec<Dim> = Dim::ALL
        .into_iter()
        .filter(|d| !filters.needs_own_pass(*d))
        .collect();
    let offset = (page - 1).saturating_mul(per_page);
    let want_page = offset < total;
    let sort = if req.sort == Sort::Relevance && !interpreted.scored {
        Sort::Grade
    } else {
        req.sort
    };
    let (page_docs, mut counts) = collect_page(
        ctx.searcher,
        &*full,
        sort,
        want_page,
        offset,
        per_page,
        &shared_dims,
    )?;

    // One pass per dimension whose counts leave its own filter out.
    for dim in Dim::ALL.into_iter().filter(|d| filters.needs_own_pass(*d)) {
        let q = query::restrict(main.box_clone(), filters.query(ctx.fields, Some(dim)));
        let c = ctx.searcher.search(&*q, &facets::collector(dim))?;
        counts.insert(dim, c);
    }
    let facets = Dim::ALL
        .into_iter()
        .filter_map(|dim| {
            counts.get(&dim).map(|c| {
                (
                    dim.key().to_owned(),
                    facets::to_counts(dim, c, filters.selected(dim)),
                )
            })
        })
        .collect();

    let hits = build_hits(ctx, req, &interpreted.parsed, page_docs)?;
    Ok(SearchResults {
        total,
        page,
        per_page,
        hits,
        facets,
        service: interpreted
            .parsed
            .service
            .as_ref()
            .map(|(r, matched)| ServiceMatch {
                id: r.id.clone(),
                name: r.name.clone(),
                matched: matched.clone(),
            }),
    })
}

/// The index as the query interpreter's vocabulary.
struct IndexVocabulary<'a> {
    ctx: &'a Context<'a>,
    analyzers: Analyzers,
}

impl IndexVocabulary<'_> {
    fn occurs(&self, field: tantivy::schema::Field, text: &str) -> bool {
        let term = tantivy::Term::from_field_text(field, text);
        self.ctx.searcher.doc_freq(&term).is_ok_and(|n| n > 0)
    }
}

impl intent::Vocabulary for IndexVocabulary<'_> {
    fn is_word(&mut self, folded: &str) -> bool {
        let f = self.ctx.fields;
        if self.occurs(f.name, folded) || self.occurs(f.keywords, folded) {
            return true;
        }
        Lang::ALL.into_iter().any(|lang| {
            let analyzer = match lang {
                Lang::Fr => &mut self.analyzers.fr,
                Lang::En => &mut self.analyzers.en,
            };
            Analyzers::terms(analyzer, folded).iter().any(|(_, t)| {
                [f.summary(lang), f.description(lang), f.categories(lang)]
                    .into_iter()
                    .any(|field| self.occurs(field, t))
            })
        })
    }

    fn names_an_entry(&mut self, compact: &str, exact_only: bool) -> bool {
        let field = self.ctx.fields.name_key;
        if self.occurs(field, compact) {
            return true;
        }
        let distance = tolerated_edits(compact.chars().count());
        !exact_only
            && distance > 0
            && expand::fuzzy(self.ctx.searcher, field, compact, distance as u8)
                .is_ok_and(|close| !close.is_empty())
    }
}

/// Builds the main query, lowering the number of words required until something matches;
/// returns it with the number of entries it matches under the filters.
fn interpret(
    ctx: &Context<'_>,
    analyzers: &mut Analyzers,
    req: &SearchRequest,
    parsed: Parsed,
    filters: &ActiveFilters,
) -> Result<(Interpreted, usize), SearchError> {
    let filter = || filters.query(ctx.fields, None);
    let count = |q: &dyn Query| -> Result<usize, SearchError> {
        let q = query::restrict(q.box_clone(), filter());
        Ok(ctx.searcher.search(&*q, &Count)?)
    };
    let mut builder = QueryBuilder::new(ctx.searcher, ctx.fields, analyzers, req.lang);
    let words = builder.word_queries(&parsed)?;
    let phrases = builder.phrases(&parsed);

    if let Some((service, _)) = &parsed.service {
        let text = query::text_query(&words, &phrases, 1);
        let main = query::service_query(ctx.fields, &service.id, &service.categories, text);
        let total = count(&*main)?;
        let interpreted = Interpreted {
            parsed,
            main: Some(main),
            scored: true,
        };
        return Ok((interpreted, total));
    }
    let mut required = words.len();
    loop {
        let Some(main) = query::text_query(&words, &phrases, required) else {
            // No words: browse everything.
            let total = count(&AllQuery)?;
            let interpreted = Interpreted {
                parsed,
                main: None,
                scored: false,
            };
            return Ok((interpreted, total));
        };
        let total = count(&*main)?;
        if total > 0 || required <= 1 {
            let interpreted = Interpreted {
                parsed,
                main: Some(main),
                scored: true,
            };
            return Ok((interpreted, total));
        }
        required -= 1;
    }
}

type PageDocs = Vec<(f32, DocAddress)>;

/// Collects one page in `sort` order (if `want_page`) and the counts of `dims`, in one pass.
fn collect_page(
    searcher: &Searcher,
    q: &dyn Query,
    sort: Sort,
    want_page: bool,
    offset: usize,
    per_page: usize,
    dims: &[Dim],
) -> Result<(PageDocs, BTreeMap<Dim, FacetCounts>), SearchError> {
    let top = TopDocs::with_limit(per_page).and_offset(offset);
    // Tuples of at most three keys: tantivy 0.27 ignores the orders of a four-key tuple.
    let by_grade = (
        SortByStaticFastValue::<u64>::for_field(GRADE_ORDER),
        Order::Asc,
    );
    let by_name = (SortByString::for_field(NAME_SORT), Order::Asc);
    match sort {
        Sort::Relevance => {
            let by_score = (SortBySimilarityScore, Order::Desc);
            let top = want_page.then(|| top.order_by((by_score, by_grade, by_name)));
            run(searcher, q, top, dims, |docs| {
                docs.into_iter()
                    .map(|((score, ..), a)| (score, a))
                    .collect()
            })
        }
        Sort::Grade => {
            let top = want_page.then(|| top.order_by((by_grade, by_name)));
            run(searcher, q, top, dims, unscored)
        }
        Sort::Name => run(
            searcher,
            q,
            want_page.then(|| top.order_by(by_name)),
            dims,
            unscored,
        ),
        Sort::Updated => {
            let by_date = (
                SortByStaticFastValue::<u64>::for_field(LAST_CHANGED),
                Order::Desc,
            );
            let top = want_page.then(|| top.order_by((by_date, by_name)));
            run(searcher, q, top, dims, unscored)
        }
    }
}

fn unscored<K>(docs: Vec<(K, DocAddress)>) -> PageDocs {
    docs.into_iter().map(|(_, a)| (0.0, a)).collect()
}

fn run<C>(
    searcher: &Searcher,
    q: &dyn Query,
    top: Option<C>,
    dims: &[Dim],
    to_page: impl FnOnce(C::Fruit) -> PageDocs,
) -> Result<(PageDocs, BTreeMap<Dim, FacetCounts>), SearchError>
where
    C: Collector + 'static,
{
    let mut multi = MultiCollector::new();
    let top_handle = top.map(|c| multi.add_collector(c));
    let handles: Vec<_> = dims
        .iter()
        .map(|&d| (d, multi.add_collector(facets::collector(d))))
        .collect();
    let mut fruits = searcher.search(q, &multi)?;
    let page = top_handle.map_or_else(Vec::new, |h| to_page(h.extract(&mut fruits)));
    let counts = handles
        .into_iter()
        .map(|(d, h)| (d, h.extract(&mut fruits)))
        .collect();
    Ok((page, counts))
}

fn build_hits(
    ctx: &Context<'_>,
    req: &SearchRequest,
    parsed: &Parsed,
    docs: PageDocs,
) -> Result<Vec<Hit>, SearchError> {
    if docs.is_empty() {
        return Ok(Vec::new());
    }
    let mut words: Vec<String> = QueryBuilder::content_words(&parsed.words)
        .into_iter()
        .map(|w| w.raw.clone())
        .collect();
    if let Some((_, matched)) = &parsed.service {
        words.push(matched.clone());
    }
    let lang = req.lang;
    let description = snippet::generator(ctx.searcher, ctx.fields.description(lang), &words)?;
    let summary = snippet::generator(ctx.searcher, ctx.fields.summary(lang), &words)?;
    let mut hits = Vec::with_capacity(docs.len());
    for (score, address) in docs {
        let doc: TantivyDocument = ctx.searcher.doc(address)?;
        let card: Card = doc
            .get_first(ctx.fields.card)
            .and_then(|v| v.as_str())
            .and_then(|json| serde_json::from_str(json).ok())
            .ok_or_else(|| SearchError::Schema("a document has no readable card".into()))?;
        let summary_text = card.summary.get(lang).to_owned();
        let snippet = snippet::highlighted(&description, card.text.get(lang))
            .or_else(|| snippet::highlighted(&summary, &summary_text))
            .unwrap_or_else(|| snippet::escape_html(&summary_text));
        hits.push(Hit {
            slug: card.slug,
            name: card.name,
            summary: summary_text,
            grade: card.grade,
            grade_provisional: card.provisional,
            confidence: card.confidence,
            score,
            snippet,
            categories: card.categories,
            platforms: card.platforms,
            license: card.license,
            review_status: card.review_status,
            replaces: card.replaces,
            last_changed: card.last_changed,
            stale: false,
        });
    }
    Ok(hits)
}
