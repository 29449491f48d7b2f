//! Understanding a query before searching: its words, and whether it asks for alternatives
//! to a proprietary service ("alternative à WhatsApp", "replace Google Drive", "zoom
//! alternative", or a bare "Zoom").
//!
//! Works on folded words, so case, accents and elisions never matter. It never fails: a query
//! that names no known service is plain text. It builds no tantivy query (see `query`).

use super::analyzers::{Analyzers, Word};
use super::lexicon::{Lexicon, Resolved};

/// Longer queries are cut: nobody types more, and it bounds the work of one request.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many words are searched for.
pub const MAX_WORDS: usize = 16;
/// The longest service name, in words, looked for ("google play store").
const MAX_SERVICE_WORDS: usize = 4;

/// Words that announce a service to replace, before it ("alternative à X", "remplacer X",
/// "apps like X") or after it ("X alternative", "X replacement"). Folded.
const MARKERS: &[&str] = &[
    "alternative",
    "alternatives",
    "alternatif",
    "alternatifs",
    "remplacer",
    "remplace",
    "remplacant",
    "remplacants",
    "remplacante",
    "remplacantes",
    "remplacement",
    "replace",
    "replaces",
    "replacement",
    "replacements",
    "replacing",
    "substitute",
    "instead",
    "lieu",
    "place",
    "like",
    "comme",
];

/// Words that may surround a service name in such a request without adding meaning
/// ("une alternative *libre à* X", "*open source* alternative *to* X"). Folded.
const FILLERS: &[&str] = &[
    "a",
    "au",
    "aux",
    "de",
    "du",
    "des",
    "d",
    "l",
    "la",
    "le",
    "les",
    "un",
    "une",
    "pour",
    "to",
    "for",
    "of",
    "the",
    "an",
    "libre",
    "libres",
    "free",
    "open",
    "source",
    "opensource",
    "gratuit",
    "gratuite",
    "gratuits",
    "gratuites",
    "ethique",
    "ethiques",
    "best",
    "better",
    "meilleur",
    "meilleure",
    "meilleurs",
    "meilleures",
    "app",
    "apps",
    "application",
    "applications",
    "logiciel",
    "logiciels",
    "software",
    "tool",
    "tools",
    "outil",
    "outils",
    "floss",
    "foss",
];

fn is_marker(word: &str) -> bool {
    MARKERS.contains(&word)
}

fn is_filler(word: &str) -> bool {
    FILLERS.contains(&word)
}

/// A query, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The service the query asks alternatives to, and the words that named it.
    pub service: Option<(Resolved, String)>,
    /// Words to search as text (the service request's own words removed).
    pub words: Vec<Word>,
    /// Whether the last of `words` may be unfinished (as-you-type): the query ends on it,
    /// with no space or punctuation after.
    pub last_is_partial: bool,
}

/// Cuts `q` to at most [`MAX_QUERY_CHARS`] characters, on a character boundary.
pub fn truncate(q: &str) -> &str {
    match q.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &q[..cut],
        None => q,
    }
}

/// What the index knows of words, to tell a request for alternatives from a search for an
/// entry or a topic.
pub trait Vocabulary {
    /// Whether a folded word occurs in a name or a text of the catalogue.
    fn is_word(&mut self, folded: &str) -> bool;
    /// Whether `compact` (folded, spaces removed) is an entry's name, exactly or, unless
    /// `exact_only`, within the typo tolerance.
    fn names_an_entry(&mut self, compact: &str, exact_only: bool) -> bool;
}

/// Reads a query. A bare query that names an entry is a search for that entry, and one made
/// of words of the catalogue is not taken for a misspelt service ("video" is no typo of
/// "Vimeo"); an exact service name ("office", "maps") or an explicit request ("alternative
/// à vimeo") still asks for alternatives.
pub fn parse(
    q: &str,
    lexicon: &Lexicon,
    analyzers: &mut Analyzers,
    vocabulary: &mut dyn Vocabulary,
) -> Parsed {
    let q = truncate(q);
    let mut words = analyzers.words(q);
    words.truncate(MAX_WORDS);
    let ends_on_word = q.chars().last().is_some_and(char::is_alphanumeric);
    // Index of the word the query ends on, if it may be unfinished.
    let partial = words.len().checked_sub(1).filter(|_| ends_on_word);
    let folded: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();

    let found = match folded.iter().position(|w| is_marker(w)) {
        Some(marker) => service_around(&folded, marker, lexicon),
        None => bare_service(&folded, lexicon, vocabulary),
    };
    let Some((resolved, span, consumed)) = found else {
        return Parsed {
            service: None,
            last_is_partial: partial.is_some(),
            words,
        };
    };
    let matched = words[span]
        .iter()
        .map(|w| w.raw.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let rest: Vec<(usize, Word)> = words
        .into_iter()
        .enumerate()
        .filter(|(i, w)| !consumed.contains(i) && !is_marker(&w.folded) && !is_filler(&w.folded))
        .collect();
    let last_is_partial = partial.is_some() && rest.last().map(|(i, _)| *i) == partial;
    Parsed {
        service: Some((resolved, matched)),
        words: rest.into_iter().map(|(_, w)| w).collect(),
        last_is_partial,
    }
}

type Found = (Resolved, std::ops::Range<usize>, std::ops::Range<usize>);

/// A service named right after the marker (skipping fillers), else right before it.
fn service_around(folded: &[&str], marker: usize, lexicon: &Lexicon) -> Option<Found> {
    let n = folded.len();
    let mut start = marker + 1;
    while start < n && is_filler(folded[start]) {
        start += 1;
    }
    for len in (1..=MAX_SERVICE_WORDS.min(n - start)).rev() {
        if let Some(r) = lexicon.resolve(&folded[start..start + len]) {
            return Some((r, start..start + len, marker..start + len));
        }
    }
    let mut end = marker;
    while end > 0 && is_filler(folded[end - 1]) {
        end -= 1;
    }
    for len in (1..=MAX_SERVICE_WORDS.min(end)).rev() {
        if let Some(r) = lexicon.resolve(&folded[end - len..end]) {
            return Some((r, end - len..end, end - len..marker + 1));
        }
    }
    None
}

/// A query that is only a service's name (fillers aside), unless it also names an entry.
fn bare_service(
    folded: &[&str],
    lexicon: &Lexicon,
    vocabulary: &mut dyn Vocabulary,
) -> Option<Found> {
    let first = folded.iter().position(|w| !is_filler(w))?;
    let last = folded.iter().rposition(|w| !is_filler(w))?;
    let core = &folded[first..=last];
    if core.len() > MAX_SERVICE_WORDS || core.iter().any(|w| is_filler(w)) {
        return None;
    }
    let r = lexicon.resolve(core)?;
    if vocabulary.names_an_entry(&core.concat(), r.exact)
        || (!r.exact && core.iter().all(|w| vocabulary.is_word(w)))
    {
        return None;
    }
    Some((r, first..last + 1, 0..folded.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Catalogue;
    use crate::search::lexicon::tests::service;

    fn lexicon() -> Lexicon {
        let mut catalogue = Catalogue::default();
        for s in [
            service("whatsapp", "WhatsApp", &["whats app", "watsap"]),
            service("google-drive", "Google Drive", &["drive", "gdrive"]),
            service("zoom", "Zoom", &["zoom meetings"]),
            service("microsoft-teams", "Microsoft Teams", &["teams"]),
        ] {
            catalogue.services.insert(s.id.clone(), s);
        }
        let mut folded = crate::search::analyzers::folded();
        Lexicon::new(&catalogue, &mut folded)
    }

    /// A catalogue index knowing `words` and the entry names `entries`.
    struct Known(&'static [&'static str], &'static [&'static str]);

    impl Vocabulary for Known {
        fn is_word(&mut self, folded: &str) -> bool {
            self.0.contains(&folded)
        }
        fn names_an_entry(&mut self, compact: &str, _exact_only: bool) -> bool {
            self.1.contains(&compact)
        }
    }

    fn none() -> Known {
        Known(&[], &[])
    }

    fn service_of(q: &str) -> Option<String> {
        let parsed = parse(q, &lexicon(), &mut Analyzers::default(), &mut none());
        parsed.service.map(|(r, _)| r.id)
    }

    fn words_of(q: &str) -> Vec<String> {
        let parsed = parse(q, &lexicon(), &mut Analyzers::default(), &mut none());
        parsed.words.into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn requests_for_alternatives_are_understood_in_french_and_english() {
        for q in [
            "alternative à WhatsApp",
            "alternatives à whatsapp",
            "Alternative to WhatsApp",
            "remplacer WhatsApp",
            "remplaçant de WhatsApp",
            "replace whatsapp",
            "WhatsApp alternative",
            "une alternative libre à WhatsApp",
            "open source alternative to whats app",
            "apps like whatsapp",
            "alternative à whatsap",
        ] {
            assert_eq!(service_of(q), Some("whatsapp".into()), "{q}");
            assert!(words_of(q).is_empty(), "{q}: {:?}", words_of(q));
        }
        assert_eq!(
            service_of("remplacer Google Drive"),
            Some("google-drive".into())
        );
        assert_eq!(
            service_of("google drive alternatives"),
            Some("google-drive".into())
        );
    }

    #[test]
    fn a_bare_service_name_is_a_request_for_alternatives() {
        assert_eq!(service_of("Zoom"), Some("zoom".into()));
        assert_eq!(service_of("whatsapp"), Some("whatsapp".into()));
        assert_eq!(service_of("google drive"), Some("google-drive".into()));
        assert_eq!(service_of("  TEAMS "), Some("microsoft-teams".into()));
    }

    #[test]
    fn a_real_word_is_not_taken_for_a_misspelt_service() {
        let l = lexicon();
        let mut a = Analyzers::default();
        let mut known = Known(&["whatsap", "teams"], &[]);
        assert_eq!(parse("whatsap", &l, &mut a, &mut known).service, None);
        // Exact names and explicit requests still count.
        let exact = parse("teams", &l, &mut a, &mut known)
            .service
            .map(|(r, _)| r.id);
        assert_eq!(exact.as_deref(), Some("microsoft-teams"));
        let asked = parse("alternative à whatsap", &l, &mut a, &mut known).service;
        assert_eq!(asked.map(|(r, _)| r.id).as_deref(), Some("whatsapp"));
    }

    #[test]
    fn a_bare_entry_name_is_a_search_for_that_entry() {
        let l = lexicon();
        let mut a = Analyzers::default();
        let mut entries = Known(&[], &["zoom"]);
        assert_eq!(parse("Zoom", &l, &mut a, &mut entries).service, None);
        let asked = parse("alternative à zoom", &l, &mut a, &mut entries).service;
        assert_eq!(asked.map(|(r, _)| r.id).as_deref(), Some("zoom"));
    }

    #[test]
    fn other_words_stay_as_text() {
        assert_eq!(
            service_of("alternative à zoom chiffrée"),
            Some("zoom".into())
        );
        assert_eq!(words_of("alternative à zoom chiffrée"), vec!["chiffree"]);
        assert_eq!(
            words_of("gestionnaire de mots de passe"),
            vec!["gestionnaire", "de", "mots", "de", "passe"]
        );
        assert_eq!(service_of("gestionnaire de mots de passe"), None);
    }

    #[test]
    fn no_known_service_means_plain_text_with_every_word() {
        assert_eq!(service_of("alternative à Foobar"), None);
        assert_eq!(
            words_of("alternative à Foobar"),
            vec!["alternative", "a", "foobar"]
        );
        assert_eq!(service_of("place de marché"), None);
        assert_eq!(service_of("zoom sur les cartes"), None);
        assert_eq!(service_of(""), None);
    }

    #[test]
    fn the_last_word_is_partial_only_when_the_query_ends_on_it() {
        let l = lexicon();
        let mut a = Analyzers::default();
        assert!(parse("nextc", &l, &mut a, &mut none()).last_is_partial);
        assert!(!parse("nextc ", &l, &mut a, &mut none()).last_is_partial);
        assert!(!parse("signal.", &l, &mut a, &mut none()).last_is_partial);
        assert!(parse("alternative à zoom chiff", &l, &mut a, &mut none()).last_is_partial);
        assert!(!parse("alternative à zoom", &l, &mut a, &mut none()).last_is_partial);
    }

    #[test]
    fn huge_queries_are_cut() {
        let q = "é".repeat(10_000);
        assert_eq!(truncate(&q).chars().count(), MAX_QUERY_CHARS);
        let many = "mot ".repeat(100);
        let parsed = parse(&many, &lexicon(), &mut Analyzers::default(), &mut none());
        assert_eq!(parsed.words.len(), MAX_WORDS);
    }
}
