//! Text analysis: the tokenizers registered on the index (`fr`, `en`, `folded`) and the
//! query-side helpers that cut a user's query into words.
//!
//! Every analyzer folds case and accents ("Sécurité" and "securite" give the same term);
//! `fr` and `en` also stem, `folded` does not (names must keep their spelling so that typo
//! tolerance measures real edit distances). Index and query use the same analyzer for a
//! field, which is what makes the folding symmetric. Nothing here knows about entries.
//!
//! `fr` is SimpleTokenizer → LowerCaser → AsciiFolding → Stemmer(French), plus one thing:
//! the French stemmer reads accents ("chiffrée" and "chiffrés" both stem to "chiffr"), and
//! folding first hides them ("chiffree" → "chiffre", "videos" ≠ "video"). So a word with
//! accents also yields, at the same position, its stem-then-fold form; a query typed with or
//! without accents then meets the text through one form or the other.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
    TokenizerManager,
};

/// French: folded and stemmed (Snowball French).
pub const FR: &str = "fr";
/// English: folded and stemmed (Snowball English).
pub const EN: &str = "en";
/// Folded, not stemmed: names, service names and aliases, keywords.
pub const FOLDED: &str = "folded";

/// Tokens longer than this are dropped: they are never words a person types, and very long
/// terms make the index and fuzzy automata expensive.
const MAX_TOKEN_BYTES: usize = 40;

fn stemmed(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(language))
        .build()
}

/// The French analyzer: see the module documentation.
fn french() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AccentVariants::new(Language::French))
        .build()
}

/// Replaces each (lower-case) word by its fold-then-stem form and, when the word has
/// accents and the result differs, adds its stem-then-fold form at the same position.
#[derive(Clone)]
pub struct AccentVariants {
    fold_then_stem: TextAnalyzer,
    stem_then_fold: TextAnalyzer,
}

impl AccentVariants {
    pub fn new(language: Language) -> Self {
        AccentVariants {
            fold_then_stem: TextAnalyzer::builder(RawTokenizer::default())
                .filter(AsciiFoldingFilter)
                .filter(Stemmer::new(language))
                .build(),
            stem_then_fold: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(language))
                .filter(AsciiFoldingFilter)
                .build(),
        }
    }
}

fn first_token(analyzer: &mut TextAnalyzer, text: &str) -> Option<String> {
    analyzer.token_stream(text).next().map(|t| t.text.clone())
}

impl TokenFilter for AccentVariants {
    type Tokenizer<T: Tokenizer> = AccentVariantsTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> AccentVariantsTokenizer<T> {
        AccentVariantsTokenizer {
            inner: tokenizer,
            filter: self,
        }
    }
}

#[derive(Clone)]
pub struct AccentVariantsTokenizer<T> {
    inner: T,
    filter: AccentVariants,
}

impl<T: Tokenizer> Tokenizer for AccentVariantsTokenizer<T> {
    type TokenStream<'a> = AccentVariantsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        AccentVariantsStream {
            tail: self.inner.token_stream(text),
            filter: &mut self.filter,
            token: Token::default(),
            pending: None,
        }
    }
}

pub struct AccentVariantsStream<'a, S> {
    tail: S,
    filter: &'a mut AccentVariants,
    token: Token,
    /// The second form of the current word, emitted next.
    pending: Option<String>,
}

impl<S: TokenStream> TokenStream for AccentVariantsStream<'_, S> {
    fn advance(&mut self) -> bool {
        if let Some(variant) = self.pending.take() {
            self.token.text = variant;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        self.token.clone_from(self.tail.token());
        let word = &self.tail.token().text;
        let Some(primary) = first_token(&mut self.filter.fold_then_stem, word) else {
            return true;
        };
        if !word.is_ascii()
            && let Some(variant) = first_token(&mut self.filter.stem_then_fold, word)
            && variant != primary
        {
            self.pending = Some(variant);
        }
        self.token.text = primary;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The `folded` analyzer: words, lower case, accents removed.
pub fn folded() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers `fr`, `en` and `folded` on an index's tokenizer manager. Tokenizers are not
/// persisted by tantivy, so this runs every time an index is created or opened.
pub fn register(manager: &TokenizerManager) {
    manager.register(FR, french());
    manager.register(EN, stemmed(Language::English));
    manager.register(FOLDED, folded());
}

/// The analyzers a query needs, cloned per request (a `TextAnalyzer` needs `&mut` to run).
#[derive(Clone)]
pub(crate) struct Analyzers {
    pub fr: TextAnalyzer,
    pub en: TextAnalyzer,
    pub folded: TextAnalyzer,
    /// Lower-cases and keeps only words that are not French or English stop words.
    stop: TextAnalyzer,
}

impl std::fmt::Debug for Analyzers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzers { fr, en, folded, stop }")
    }
}

impl Default for Analyzers {
    fn default() -> Self {
        let mut stop = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .dynamic();
        for language in [Language::French, Language::English] {
            if let Some(filter) = StopWordFilter::new(language) {
                stop = stop.filter_dynamic(filter);
            }
        }
        Analyzers {
            fr: french(),
            en: stemmed(Language::English),
            folded: folded(),
            stop: stop.build(),
        }
    }
}

/// A word of a query: where it is in the query, and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// The word as typed (a slice of the query).
    pub raw: String,
    /// Lower case, accents removed.
    pub folded: String,
    /// A French or English function word ("de", "the", "à"...).
    pub stop: bool,
}

impl Analyzers {
    /// Cuts text into words, keeping each word's raw spelling for per-field analysis.
    pub fn words(&mut self, text: &str) -> Vec<Word> {
        let mut spans = Vec::new();
        {
            let mut stream = self.folded.token_stream(text);
            while let Some(token) = stream.next() {
                spans.push((token.offset_from, token.offset_to, token.text.clone()));
            }
        }
        spans
            .into_iter()
            .map(|(from, to, folded)| {
                let raw = text.get(from..to).unwrap_or(&folded).to_owned();
                let stop = is_elided_letter(&folded) || self.is_stop_word(&raw);
                Word { raw, folded, stop }
            })
            .collect()
    }

    fn is_stop_word(&mut self, raw: &str) -> bool {
        let mut stream = self.stop.token_stream(raw);
        stream.next().is_none()
    }

    /// The terms `analyzer` makes of `text`, in order, with their positions.
    pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            out.push((token.position, token.text.clone()));
        }
        out
    }
}

/// A lone letter left by an elision ("d'audience", "l'agenda") or an initial.
fn is_elided_letter(folded: &str) -> bool {
    folded.chars().count() == 1 && folded.chars().all(|c| c.is_ascii_alphabetic())
}

/// Folds text the way the `folded` analyzer does and joins the words without spaces, so that
/// "Whats App", "whatsapp" and "WhatsApp" compare equal.
pub(crate) fn compact(analyzer: &mut TextAnalyzer, text: &str) -> String {
    let mut out = String::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        out.push_str(&token.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        Analyzers::terms(analyzer, text)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn french_folds_accents_and_case_then_stems() {
        let mut a = Analyzers::default();
        // The fold-then-stem form comes first, so a word typed without accents meets it.
        assert_eq!(texts(&mut a.fr, "securite"), ["securit"]);
        assert_eq!(texts(&mut a.fr, "Sécurité")[0], "securit");
        assert_eq!(texts(&mut a.fr, "SÉCURITÉS")[0], "securit");
        assert_eq!(
            texts(&mut a.fr, "visioconférence"),
            texts(&mut a.fr, "Visioconference")
        );
        // Stemming: singular and plural meet.
        assert_eq!(texts(&mut a.fr, "sondage"), texts(&mut a.fr, "sondages"));
        assert_eq!(texts(&mut a.fr, "cartes"), texts(&mut a.fr, "carte"));
    }

    /// Whether some term of `a` is a term of `b`: the two words would match.
    fn meet(analyzer: &mut TextAnalyzer, a: &str, b: &str) -> bool {
        let b = texts(analyzer, b);
        texts(analyzer, a).iter().any(|t| b.contains(t))
    }

    #[test]
    fn french_inflections_with_accents_meet_whatever_the_accents_typed() {
        let mut a = Analyzers::default();
        for (x, y) in [
            ("chiffrée", "chiffrés"),
            ("chiffrées", "chiffrement"),
            ("hébergée", "hébergés"),
            ("décentralisée", "décentralisé"),
            ("sécurité", "securite"),
            ("Sécurité", "SECURITE"),
            ("données", "donnée"),
        ] {
            assert!(
                meet(&mut a.fr, x, y),
                "{x} / {y}: {:?} {:?}",
                texts(&mut a.fr, x),
                texts(&mut a.fr, y)
            );
        }
        // Both forms of a word share its position.
        let positions: Vec<usize> = Analyzers::terms(&mut a.fr, "chiffrée libre")
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(positions, vec![0, 0, 1]);
    }

    #[test]
    fn english_stems_inflections() {
        let mut a = Analyzers::default();
        assert_eq!(texts(&mut a.en, "managers"), texts(&mut a.en, "manager"));
        assert_eq!(texts(&mut a.en, "ads"), texts(&mut a.en, "ad"));
        assert_eq!(texts(&mut a.en, "Encrypted"), texts(&mut a.en, "encrypt"));
    }

    #[test]
    fn folded_keeps_spelling_but_drops_case_and_accents() {
        let mut a = Analyzers::default();
        assert_eq!(texts(&mut a.folded, "Galène"), vec!["galene".to_owned()]);
        assert_eq!(
            texts(&mut a.folded, "Managers"),
            vec!["managers".to_owned()]
        );
    }

    #[test]
    fn words_mark_function_words_and_elisions() {
        let mut a = Analyzers::default();
        let words = a.words("Mesure d'audience de l'Élysée pour THE web");
        let stops: Vec<(&str, bool)> = words.iter().map(|w| (w.folded.as_str(), w.stop)).collect();
        assert_eq!(
            stops,
            vec![
                ("mesure", false),
                ("d", true),
                ("audience", false),
                ("de", true),
                ("l", true),
                ("elysee", false),
                ("pour", true),
                ("the", true),
                ("web", false),
            ]
        );
        assert_eq!(words[5].raw, "Élysée");
    }

    #[test]
    fn compact_ignores_spaces_case_and_accents() {
        let mut a = Analyzers::default();
        assert_eq!(compact(&mut a.folded, "Whats App"), "whatsapp");
        assert_eq!(compact(&mut a.folded, "Télégram"), "telegram");
    }

    #[test]
    fn overlong_tokens_are_dropped() {
        let mut a = Analyzers::default();
        let long = "x".repeat(200);
        assert!(texts(&mut a.fr, &long).is_empty());
    }
}
