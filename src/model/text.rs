//! Bilingual text. French and English are both first-class: every text exists in both.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language the catalogue is written in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for language switches and messages.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "français",
            Lang::En => "English",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Plain text in French and English (names, summaries, notes).
#[derive(
    Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, utoipa::ToSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    #[schemars(length(min = 1))]
    pub fr: String,
    #[schemars(length(min = 1))]
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        [(Lang::Fr, self.fr.as_str()), (Lang::En, self.en.as_str())].into_iter()
    }
}

/// Markdown text in French and English (descriptions). Raw HTML is rejected by the validator.
pub type Markdown = Localized;

/// A list of words per language (aliases of a service).
#[derive(
    Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, utoipa::ToSchema,
)]
#[serde(deny_unknown_fields)]
pub struct LocalizedList {
    #[serde(default)]
    pub fr: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

impl LocalizedList {
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.fr.iter().chain(self.en.iter()).map(String::as_str)
    }
}
