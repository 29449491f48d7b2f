//! Building the query strings of the site's links (pagination, removing a filter, the
//! language switch keeps the raw one): form-encoded exactly as a browser's GET form would.

use crate::model::Lang;
use crate::search::{Filters, SearchRequest, Sort};

/// `a=1&b=x+y` from pairs, form-encoded.
pub fn encode<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

/// The filters of a search as `(parameter, value)` pairs, in a stable order.
pub fn filter_pairs(filters: &Filters) -> Vec<(&'static str, &str)> {
    let dims: [(&'static str, &Vec<String>); 6] = [
        ("category", &filters.category),
        ("platform", &filters.platform),
        ("license", &filters.license),
        ("criterion", &filters.criterion),
        ("grade", &filters.grade),
        ("status", &filters.status),
    ];
    dims.into_iter()
        .flat_map(|(name, values)| values.iter().map(move |v| (name, v.as_str())))
        .collect()
}

/// The address of the search page for `req` at `page`, leaving out defaults.
pub fn search_href(lang: Lang, req: &SearchRequest, page: usize) -> String {
    search_href_with(lang, &req.q, &filter_pairs(&req.filters), req.sort, page)
}

pub fn search_href_with(
    lang: Lang,
    q: &str,
    filters: &[(&str, &str)],
    sort: Sort,
    page: usize,
) -> String {
    let page_text = page.to_string();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if !q.is_empty() {
        pairs.push(("q", q));
    }
    pairs.extend(filters.iter().copied());
    if sort != Sort::Relevance {
        pairs.push(("sort", sort.as_str()));
    }
    if page > 1 {
        pairs.push(("page", &page_text));
    }
    let query = encode(pairs);
    if query.is_empty() {
        format!("/{}/search", lang.code())
    } else {
        format!("/{}/search?{query}", lang.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_query_filters_and_sort_and_leave_out_defaults() {
        let mut req = SearchRequest::new("alternative à zoom", Lang::Fr);
        req.filters.platform = vec!["linux".into(), "android".into()];
        req.sort = Sort::Grade;
        assert_eq!(
            search_href(Lang::Fr, &req, 2),
            "/fr/search?q=alternative+%C3%A0+zoom&platform=linux&platform=android&sort=grade&page=2"
        );
        assert_eq!(
            search_href(Lang::En, &SearchRequest::default(), 1),
            "/en/search"
        );
    }
}
