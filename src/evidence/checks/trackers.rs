//! Exodus Privacy's tracker signatures (`data/evidence/exodus-trackers.json`, provenance and
//! licence in `data/evidence/README.md`): code signatures matched against the class names of
//! an APK, network signatures against the hosts a web page loads. Both are regular
//! expressions searched anywhere in the name, as Exodus does.

use regex::{Regex, RegexSet};
use serde::Deserialize;

use crate::evidence::CheckError;

/// The shipped list, embedded in the binary.
pub const SHIPPED: &str = include_str!("../../../data/evidence/exodus-trackers.json");
/// Where the shipped list says it comes from (shown in observations).
pub const SOURCE: &str = "Exodus Privacy tracker list (https://reports.exodus-privacy.eu.org/en/trackers/), copy of 2026-01-12, see data/evidence/README.md";

/// One tracker of the list.
#[derive(Debug, Clone)]
pub struct TrackerSignature {
    pub id: u64,
    pub name: String,
    pub categories: Vec<String>,
    pub website: String,
    code: Option<Regex>,
    network: Option<Regex>,
}

impl TrackerSignature {
    /// The tracker's public page on Exodus Privacy's reports.
    pub fn exodus_page(&self) -> String {
        format!(
            "https://reports.exodus-privacy.eu.org/en/trackers/{}/",
            self.id
        )
    }

    pub fn is_analytics(&self) -> bool {
        self.categories.iter().any(|c| c == "Analytics")
    }
}

/// The compiled list.
#[derive(Debug, Clone)]
pub struct TrackerSignatures {
    trackers: Vec<TrackerSignature>,
    /// Index into `trackers` of each code / network pattern of the sets.
    code_set: RegexSet,
    code_owner: Vec<usize>,
    network_set: RegexSet,
    network_owner: Vec<usize>,
}

#[derive(Deserialize)]
struct File {
    trackers: std::collections::BTreeMap<String, Raw>,
}

#[derive(Deserialize)]
struct Raw {
    id: u64,
    name: String,
    #[serde(default)]
    code_signature: String,
    #[serde(default)]
    network_signature: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    categories: Vec<String>,
}

impl TrackerSignatures {
    /// The list shipped with the binary.
    pub fn shipped() -> Result<TrackerSignatures, CheckError> {
        TrackerSignatures::parse("data/evidence/exodus-trackers.json", SHIPPED)
    }

    /// Parses a list in the shape of Exodus's `GET /api/trackers` answer
    /// (`{"trackers": {"<id>": {"id", "name", "code_signature", "network_signature", ...}}}`).
    /// `what` names the list in errors.
    pub fn parse(what: &str, text: &str) -> Result<TrackerSignatures, CheckError> {
        let malformed = |reason: String| CheckError::Malformed {
            what: what.to_owned(),
            reason,
        };
        let file: File = serde_json::from_str(text).map_err(|e| {
            malformed(format!(
                "not a tracker list (line {}, column {}): {e}",
                e.line(),
                e.column()
            ))
        })?;
        let mut trackers = Vec::new();
        let mut code_patterns = Vec::new();
        let mut code_owner = Vec::new();
        let mut network_patterns = Vec::new();
        let mut network_owner = Vec::new();
        for (key, raw) in file.trackers {
            let compile = |pattern: &str, kind: &str| -> Result<Option<Regex>, CheckError> {
                if pattern.trim().is_empty() {
                    return Ok(None);
                }
                Regex::new(pattern).map(Some).map_err(|e| {
                    malformed(format!(
                        "tracker {key} ({}): {kind} signature `{pattern}` is not a regular expression: {e}",
                        raw.name
                    ))
                })
            };
            let code = compile(&raw.code_signature, "code")?;
            let network = compile(&raw.network_signature, "network")?;
            let index = trackers.len();
            if code.is_some() {
                code_patterns.push(raw.code_signature.clone());
                code_owner.push(index);
            }
            if network.is_some() {
                network_patterns.push(raw.network_signature.clone());
                network_owner.push(index);
            }
            trackers.push(TrackerSignature {
                id: raw.id,
                name: raw.name,
                categories: raw.categories,
                website: raw.website,
                code,
                network,
            });
        }
        if code_patterns.is_empty() {
            return Err(malformed("the list has no code signature".to_owned()));
        }
        let set = |patterns: &[String]| {
            RegexSet::new(patterns)
                .map_err(|e| malformed(format!("the signatures do not compile together: {e}")))
        };
        Ok(TrackerSignatures {
            code_set: set(&code_patterns)?,
            network_set: set(&network_patterns)?,
            trackers,
            code_owner,
            network_owner,
        })
    }

    pub fn len(&self) -> usize {
        self.trackers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.trackers.is_empty()
    }

    /// The trackers whose code signature matches a class name (`com.example.Foo`).
    pub fn match_class(&self, class: &str) -> Vec<&TrackerSignature> {
        self.code_set
            .matches(class)
            .into_iter()
            .map(|i| &self.trackers[self.code_owner[i]])
            .filter(|t| t.code.as_ref().is_some_and(|re| re.is_match(class)))
            .collect()
    }

    /// The trackers whose network signature matches a host name.
    pub fn match_host(&self, host: &str) -> Vec<&TrackerSignature> {
        self.network_set
            .matches(host)
            .into_iter()
            .map(|i| &self.trackers[self.network_owner[i]])
            .filter(|t| t.network.as_ref().is_some_and(|re| re.is_match(host)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_parses_and_knows_well_known_trackers() {
        let list = TrackerSignatures::shipped().expect("shipped list");
        assert!(list.len() > 400, "{} trackers", list.len());
        let names =
            |v: Vec<&TrackerSignature>| v.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
        assert!(
            names(list.match_class("com.google.firebase.analytics.FirebaseAnalytics"))
                .contains(&"Google Firebase Analytics".to_owned())
        );
        assert!(
            names(list.match_host("www.google-analytics.com"))
                .contains(&"Google Analytics".to_owned())
        );
        assert!(list.match_class("org.example.app.MainActivity").is_empty());
        assert!(list.match_host("example.org").is_empty());
    }

    #[test]
    fn a_list_that_does_not_parse_is_a_located_error() {
        let err = TrackerSignatures::parse("signatures.json", "{\"trackers\": [1, 2")
            .expect_err("malformed");
        let text = err.to_string();
        assert!(
            text.starts_with("signatures.json: not a tracker list (line 1"),
            "{text}"
        );
        let err = TrackerSignatures::parse(
            "signatures.json",
            r#"{"trackers": {"7": {"id": 7, "name": "Broken", "code_signature": "com.(broken"}}}"#,
        )
        .expect_err("bad regex");
        assert!(
            err.to_string()
                .contains("tracker 7 (Broken): code signature `com.(broken`"),
            "{err}"
        );
    }
}
