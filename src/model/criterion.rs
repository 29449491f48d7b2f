//! Privacy-by-design criteria: what is asked, why, how a reviewer checks it, and to what it applies.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::entry::Kind;
use super::text::Localized;

/// The five axes that group the criteria.
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
#[serde(rename_all = "kebab-case")]
pub enum Axis {
    Openness,
    Minimisation,
    Security,
    Control,
    Transparency,
}

impl Axis {
    pub const ALL: [Axis; 5] = [
        Axis::Openness,
        Axis::Minimisation,
        Axis::Security,
        Axis::Control,
        Axis::Transparency,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Axis::Openness => "openness",
            Axis::Minimisation => "minimisation",
            Axis::Security => "security",
            Axis::Control => "control",
            Axis::Transparency => "transparency",
        }
    }
}

/// Whether a criterion is a gate or counts toward the grade.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// A gate: not meeting it caps the grade at E.
    Required,
    /// Counts toward the grade.
    Recommended,
}

/// Whether a machine can check the criterion (automated checks produce evidence, never verdicts).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum MachineCheck {
    Yes,
    Partly,
    No,
}

/// The kinds of software a criterion applies to: `all`, or a kind.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    All,
    Desktop,
    Mobile,
    Web,
    Server,
    BrowserExtension,
    Cli,
}

impl Applicability {
    fn covers(self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Applicability::All, _)
                | (Applicability::Desktop, Kind::Desktop)
                | (Applicability::Mobile, Kind::Mobile)
                | (Applicability::Web, Kind::Web)
                | (Applicability::Server, Kind::Server)
                | (Applicability::BrowserExtension, Kind::BrowserExtension)
                | (Applicability::Cli, Kind::Cli)
        )
    }
}

/// A published source backing a criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(length(min = 1, max = 200))]
    pub title: String,
    #[schemars(length(max = 500))]
    pub url: String,
}

/// One privacy-by-design criterion, one file in `criteria/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"), length(max = 64))]
    pub id: String,
    pub axis: Axis,
    pub level: Level,
    #[schemars(length(min = 1))]
    pub applies_to: Vec<Applicability>,
    pub machine_checkable: MachineCheck,
    /// A `met` or `partial` status must cite at least one evidence URL.
    pub evidence_required: bool,
    pub title: Localized,
    pub description: Localized,
    pub rationale: Localized,
    pub evidence_guidance: Localized,
    #[schemars(length(min = 1))]
    pub sources: Vec<Source>,
}

impl Criterion {
    /// Whether the criterion applies to software of any of these kinds.
    pub fn applies_to_kinds(&self, kinds: &[Kind]) -> bool {
        self.applies_to
            .iter()
            .any(|a| kinds.iter().any(|&k| a.covers(k)))
    }
}
