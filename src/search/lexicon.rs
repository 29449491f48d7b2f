//! What the query interpreter knows about the catalogue beyond the index: the proprietary
//! services with every way of naming them.
//!
//! Built from the catalogue's services (a few dozen; never from its entries, so that an
//! update stays cheap however large the catalogue) whenever the index is built or updated. Names are compared in
//! "compact" form (folded, spaces removed: "Whats App" = "whatsapp"), with a small edit
//! distance allowed for typos that grows with the length of the name.

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;

use super::analyzers::compact;
use crate::data::Catalogue;

/// Shorter names must be typed exactly: one edit away from "zoom" is "room".
const MIN_FUZZY_LEN: usize = 5;

/// Edits tolerated when comparing a name of `len` characters.
pub fn tolerated_edits(len: usize) -> usize {
    match len {
        0..MIN_FUZZY_LEN => 0,
        MIN_FUZZY_LEN..=8 => 1,
        _ => 2,
    }
}

#[derive(Debug, Clone)]
struct ServiceNames {
    id: String,
    name: String,
    categories: Vec<String>,
    /// Compact forms of the id, the name and every alias.
    forms: Vec<String>,
}

/// A service a query named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub id: String,
    pub name: String,
    /// Categories of the service: entries in them are the next best alternatives.
    pub categories: Vec<String>,
    /// Named without a typo.
    pub exact: bool,
}

/// The services of a catalogue, ready for matching.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    services: Vec<ServiceNames>,
    /// Compact form → index in `services` (the first service claiming it wins).
    exact: HashMap<String, usize>,
}

impl Lexicon {
    pub fn new(catalogue: &Catalogue, folded: &mut TextAnalyzer) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for service in catalogue.services.values() {
            let mut forms: Vec<String> = std::iter::once(service.id.as_str())
                .chain(std::iter::once(service.name.as_str()))
                .chain(service.aliases.all())
                .map(|s| compact(folded, s))
                .filter(|s| !s.is_empty())
                .collect();
            forms.sort();
            forms.dedup();
            let index = lexicon.services.len();
            for form in &forms {
                lexicon.exact.entry(form.clone()).or_insert(index);
            }
            lexicon.services.push(ServiceNames {
                id: service.id.clone(),
                name: service.name.clone(),
                categories: service.categories.clone(),
                forms,
            });
        }
        lexicon
    }

    /// The service named by `words` (already folded), exactly or with a small typo.
    pub fn resolve(&self, words: &[&str]) -> Option<Resolved> {
        let wanted: String = words.concat();
        if wanted.is_empty() {
            return None;
        }
        if let Some(&i) = self.exact.get(&wanted) {
            return Some(self.resolved(i, true));
        }
        let allowed = tolerated_edits(wanted.chars().count());
        if allowed == 0 {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for (i, service) in self.services.iter().enumerate() {
            for form in &service.forms {
                if form.chars().count() < MIN_FUZZY_LEN {
                    continue;
                }
                let d = strsim::osa_distance(&wanted, form);
                if d <= allowed && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, i));
                }
            }
        }
        best.map(|(_, i)| self.resolved(i, false))
    }

    fn resolved(&self, i: usize, exact: bool) -> Resolved {
        let s = &self.services[i];
        Resolved {
            id: s.id.clone(),
            name: s.name.clone(),
            categories: s.categories.clone(),
            exact,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Aliases, Service};

    pub(crate) fn service(id: &str, name: &str, aliases: &[&str]) -> Service {
        Service {
            id: id.into(),
            name: name.into(),
            vendor: "v".into(),
            homepage: "https://example.org".into(),
            categories: vec![],
            aliases: Aliases {
                fr: aliases.iter().map(|s| s.to_string()).collect(),
                en: vec![],
            },
            privacy_contact: None,
        }
    }

    fn lexicon() -> Lexicon {
        let mut catalogue = Catalogue::default();
        for s in [
            service("whatsapp", "WhatsApp", &["whats app", "wa"]),
            service("google-drive", "Google Drive", &["drive", "gdrive"]),
            service("zoom", "Zoom", &[]),
        ] {
            catalogue.services.insert(s.id.clone(), s);
        }
        let mut folded = super::super::analyzers::folded();
        Lexicon::new(&catalogue, &mut folded)
    }

    #[test]
    fn services_resolve_by_id_name_and_alias_ignoring_case_and_spaces() {
        let l = lexicon();
        for words in [
            &["whatsapp"][..],
            &["whats", "app"],
            &["wa"],
            &["google", "drive"],
            &["google", "drive"],
            &["gdrive"],
            &["zoom"],
        ] {
            let r = l.resolve(words).expect("resolves");
            assert!(r.exact, "{words:?}");
        }
        assert_eq!(
            l.resolve(&["google", "drive"]).map(|r| r.id),
            Some("google-drive".to_owned())
        );
    }

    #[test]
    fn small_typos_resolve_on_long_names_only() {
        let l = lexicon();
        let r = l
            .resolve(&["whatsap"])
            .expect("one edit on a 7-letter name");
        assert_eq!(r.id, "whatsapp");
        assert!(!r.exact);
        assert_eq!(
            l.resolve(&["gogle", "drvie"]).map(|r| r.id),
            Some("google-drive".to_owned())
        );
        assert_eq!(
            l.resolve(&["zoon"]),
            None,
            "short names need exact spelling"
        );
        assert_eq!(l.resolve(&["signal"]), None);
    }

    #[test]
    fn edit_tolerance_grows_with_length() {
        assert_eq!(tolerated_edits(4), 0);
        assert_eq!(tolerated_edits(5), 1);
        assert_eq!(tolerated_edits(8), 1);
        assert_eq!(tolerated_edits(9), 2);
    }
}
