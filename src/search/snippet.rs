//! Highlighted extracts for hits: HTML-escaped text with `<mark>` around the words that
//! matched, safe to embed in a page as is.
//!
//! The words highlighted are the query's words (and the service it named) analysed like the
//! field, so a stemmed or accent-less query still marks "Visioconférences".

use std::collections::BTreeMap;

use tantivy::Searcher;
use tantivy::schema::{Field, Term};
use tantivy::snippet::{Snippet, SnippetGenerator};

use super::SearchError;

/// Longest extract, in characters (before ellipses).
const MAX_CHARS: usize = 180;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A generator of extracts of `field` highlighting `words` (raw query words).
pub fn generator(
    searcher: &Searcher,
    field: Field,
    words: &[String],
) -> Result<SnippetGenerator, SearchError> {
    let mut analyzer = searcher.index().tokenizer_for_field(field)?;
    let mut terms: BTreeMap<String, f32> = BTreeMap::new();
    for word in words {
        let mut stream = analyzer.token_stream(word);
        while let Some(token) = stream.next() {
            let term = Term::from_field_text(field, &token.text);
            let doc_freq = searcher.doc_freq(&term)?;
            if doc_freq > 0 {
                // Rarer words weigh more when choosing the extract, as tantivy does.
                terms.insert(token.text.clone(), 1.0 / (1.0 + doc_freq as f32));
            }
        }
    }
    Ok(SnippetGenerator::new(terms, analyzer, field, MAX_CHARS))
}

/// The extract as HTML, or `None` when nothing in `text` matched.
pub fn highlighted(generator: &SnippetGenerator, text: &str) -> Option<String> {
    let snippet = generator.snippet(text);
    if snippet.highlighted().is_empty() {
        return None;
    }
    Some(to_html(&snippet, text.len()))
}

fn to_html(snippet: &Snippet, text_len: usize) -> String {
    let fragment = snippet.fragment();
    let range = snippet.fragment_range();
    let mut out = String::new();
    if range.start > 0 {
        out.push('…');
    }
    let mut from = 0;
    for mark in snippet.highlighted() {
        let (Some(before), Some(marked)) =
            (fragment.get(from..mark.start), fragment.get(mark.clone()))
        else {
            continue;
        };
        out.push_str(&escape_html(before));
        out.push_str("<mark>");
        out.push_str(&escape_html(marked));
        out.push_str("</mark>");
        from = mark.end;
    }
    out.push_str(&escape_html(fragment.get(from..).unwrap_or_default()));
    if range.end < text_len {
        out.push('…');
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape_html(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
