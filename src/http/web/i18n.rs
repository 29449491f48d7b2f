//! Interface text: every word the site shows comes from the Fluent files in `i18n/fr/` and
//! `i18n/en/`, compiled into the binary. French is the reference language and the fallback.
//!
//! Catalogue content (entry summaries, criterion titles...) is bilingual in the data itself
//! and is read from there, not from here.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

use crate::model::Lang;

static_loader! {
    static LOCALES = {
        locales: "./i18n",
        fallback_language: "fr",
        // No Unicode isolation marks around arguments: both languages are left-to-right,
        // and the marks would end up in attribute values and page titles.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static FR: LanguageIdentifier = langid!("fr");
static EN: LanguageIdentifier = langid!("en");

/// The translator of one page: `tr.t("key")` in templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self.lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// The message `key`.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(self.id(), key)
    }

    /// The message `key` with a number `$n` (plurals are chosen by Fluent).
    pub fn n(&self, key: &str, n: impl std::borrow::Borrow<usize>) -> String {
        self.args(key, &[("n", FluentValue::from(*n.borrow()))])
    }

    /// The message `key` with one text argument.
    pub fn s(&self, key: &str, name: &'static str, value: &str) -> String {
        self.args(key, &[(name, FluentValue::from(value.to_owned()))])
    }

    /// The message `key` with any arguments.
    pub fn args(&self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        LOCALES.lookup_with_args(self.id(), key, &map)
    }

    /// A date written the way this language writes it ("22 novembre 2026", "22 November 2026").
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.t(&format!("month-{}", date.month()));
        match self.lang {
            Lang::Fr => {
                let day = if date.day() == 1 {
                    "1er".to_owned()
                } else {
                    date.day().to_string()
                };
                format!("{day} {month} {}", date.year())
            }
            Lang::En => format!("{} {month} {}", date.day(), date.year()),
        }
    }

    /// A number with one decimal when it has one, in this language's style ("62,5", "62.5").
    pub fn decimal(&self, x: f64) -> String {
        let text = if (x - x.round()).abs() < 0.05 {
            format!("{}", x.round() as i64)
        } else {
            format!("{x:.1}")
        };
        match self.lang {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// A percentage of `part` in `whole`, rounded ("42 %" in French, "42%" in English).
    pub fn percent(&self, part: usize, whole: usize) -> String {
        let pct = if whole == 0 {
            0
        } else {
            ((part as f64 / whole as f64) * 100.0).round() as i64
        };
        self.args("percent", &[("n", FluentValue::from(pct))])
    }
}

/// The language a browser prefers among ours, from its `Accept-Language` header.
/// French when it states no preference for either.
pub fn negotiate(accept_language: &str) -> Lang {
    let mut best: Option<(Lang, f32, usize)> = None;
    for (position, item) in accept_language.split(',').enumerate() {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|v| v.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or_default();
        let Some(lang) = Lang::parse(primary) else {
            continue;
        };
        if q <= 0.0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((_, best_q, _)) => q > best_q,
        };
        if better {
            best = Some((lang, q, position));
        }
    }
    best.map_or(Lang::Fr, |(lang, _, _)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_takes_the_preferred_known_language_and_defaults_to_french() {
        assert_eq!(negotiate("en-GB,en;q=0.9,fr;q=0.8"), Lang::En);
        assert_eq!(negotiate("de-DE,de;q=0.9,fr;q=0.5,en;q=0.4"), Lang::Fr);
        assert_eq!(negotiate("fr-CA"), Lang::Fr);
        assert_eq!(negotiate("de, es"), Lang::Fr);
        assert_eq!(negotiate(""), Lang::Fr);
        assert_eq!(negotiate("en;q=0, fr;q=0"), Lang::Fr);
        assert_eq!(negotiate("es, en;q=0.3"), Lang::En);
    }

    /// The message ids of a Fluent file.
    fn keys(text: &str) -> std::collections::BTreeSet<String> {
        text.lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
            .collect()
    }

    fn ftl(lang: Lang) -> std::collections::BTreeSet<String> {
        match lang {
            Lang::Fr => keys(include_str!("../../../i18n/fr/main.ftl")),
            Lang::En => keys(include_str!("../../../i18n/en/main.ftl")),
        }
    }

    #[test]
    fn both_languages_hold_the_same_messages() {
        let fr = ftl(Lang::Fr);
        let en = ftl(Lang::En);
        let only_fr: Vec<_> = fr.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&fr).collect();
        assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
        assert!(only_en.is_empty(), "missing in French: {only_en:?}");
    }

    #[test]
    fn every_key_used_in_templates_exists_in_both_languages() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut missing = Vec::new();
        for file in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(file.path()).unwrap_or_default();
            let calls = ["tr.t(\"", "tr.n(\"", "tr.s(\""]
                .iter()
                .flat_map(|c| text.match_indices(c).map(|(i, _)| i))
                .collect::<Vec<_>>();
            for i in calls {
                let rest = &text[i + 6..];
                let key = rest.split('"').next().unwrap_or_default();
                for lang in Lang::ALL {
                    if !ftl(lang).contains(key) {
                        missing.push(format!("{key} ({lang}) in {}", file.path().display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys missing: {missing:#?}");
    }

    #[test]
    fn every_key_built_from_the_model_exists_in_both_languages() {
        use crate::model::{Axis, Platform, ReviewStatus, Status};
        use crate::search::Sort;
        let mut wanted: Vec<String> = Vec::new();
        wanted.extend(Status::ALL.iter().map(|s| format!("status-{}", s.id())));
        wanted.extend(
            ReviewStatus::ALL
                .iter()
                .map(|s| format!("review-{}", s.id())),
        );
        wanted.extend(
            ReviewStatus::ALL
                .iter()
                .map(|s| format!("review-explain-{}", s.id())),
        );
        wanted.extend(Platform::ALL.iter().map(|p| format!("platform-{}", p.id())));
        wanted.extend(Axis::ALL.iter().map(|a| format!("axis-{}", a.id())));
        wanted.extend(Sort::ALL.iter().map(|s| format!("sort-{}", s.as_str())));
        wanted.extend((1..=12).map(|m| format!("month-{m}")));
        wanted.extend(
            crate::model::Kind::ALL
                .iter()
                .map(|k| format!("kind-{}", k.id())),
        );
        for lang in Lang::ALL {
            let have = ftl(lang);
            let missing: Vec<&String> = wanted.iter().filter(|k| !have.contains(*k)).collect();
            assert!(missing.is_empty(), "{lang}: {missing:?}");
        }
    }

    #[test]
    fn dates_and_numbers_follow_the_language() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        assert_eq!(Tr::new(Lang::Fr).date(d), "1er novembre 2026");
        assert_eq!(Tr::new(Lang::En).date(d), "1 November 2026");
        assert_eq!(Tr::new(Lang::Fr).decimal(62.5), "62,5");
        assert_eq!(Tr::new(Lang::En).decimal(80.0), "80");
    }
}
