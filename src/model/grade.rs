//! The grade of an entry, computed by the one published formula (see `registry-data/README.md`).
//!
//! 1. Only criteria that apply to the entry's kinds count; `not-applicable` ones are set aside.
//! 2. Required criteria are gates: one `not-met` gives **E**; one `unknown` or `partial`
//!    caps the grade at **C** (a gate that nobody has checked is not passed).
//! 3. Recommended criteria make the score: `met` = 1 point, `partial` = ½, `not-met` and
//!    `unknown` = 0 (unknown never counts as met). Score = points ÷ recommended criteria × 100.
//! 4. Score ≥ 80 → **A**, ≥ 60 → **B**, ≥ 40 → **C**, otherwise **D**; then the cap of step 2.
//!
//! Beside the letter, its **confidence**: how many of the counted criteria are established
//! (not `unknown`). A grade is **provisional** when a required criterion is still `unknown`, or
//! when more than [`PROVISIONAL_UNKNOWN_SHARE`] of the recommended criteria are: establishing
//! them could then raise the score by more than 20 points, a whole letter, so the letter says
//! more about what nobody has checked than about the software.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::criterion::{Criterion, Level};
use super::entry::{Entry, Status};

/// Above this share of `unknown` recommended criteria a grade is provisional (see the module
/// documentation): the letters are 20 points apart, and each unknown criterion could be
/// worth up to 100 ÷ counted points once established.
pub const PROVISIONAL_UNKNOWN_SHARE: f64 = 0.2;

/// A letter from A (best) to E.
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
pub enum Grade {
    A,
    B,
    C,
    D,
    E,
}

impl Grade {
    pub const ALL: [Grade; 5] = [Grade::A, Grade::B, Grade::C, Grade::D, Grade::E];

    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::E => "E",
        }
    }

    pub fn parse(s: &str) -> Option<Grade> {
        Grade::ALL
            .into_iter()
            .find(|g| g.letter().eq_ignore_ascii_case(s))
    }

    fn from_score(score: f64) -> Grade {
        if score >= 80.0 {
            Grade::A
        } else if score >= 60.0 {
            Grade::B
        } else if score >= 40.0 {
            Grade::C
        } else {
            Grade::D
        }
    }
}

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.letter())
    }
}

/// The grade with every number that produced it, so pages can show how it was computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct GradeBreakdown {
    pub grade: Grade,
    /// Share of recommended points obtained, 0–100, before the gates are applied.
    pub score: f64,
    /// Required criteria assessed `not-met` (each one gives E).
    pub gates_failed: Vec<String>,
    /// Required criteria still `unknown` or only `partial` (they cap the grade at C).
    pub gates_unsettled: Vec<String>,
    pub recommended_total: usize,
    pub recommended_met: usize,
    pub recommended_partial: usize,
    /// Applicable criteria (required or recommended) still `unknown`.
    pub unknown: usize,
    pub not_applicable: usize,
    /// Recommended criteria still `unknown`.
    pub recommended_unknown: usize,
    /// Criteria that count: those that apply to the entry's kinds, less `not-applicable` ones.
    pub counted: usize,
    /// Counted criteria with an established status (`met`, `partial` or `not-met`).
    pub established: usize,
    /// `established` ÷ `counted` × 100, one decimal (100 when nothing counts).
    pub confidence: f64,
    /// The grade rests on too little evidence: a required criterion is `unknown`, or more
    /// than a fifth of the recommended ones are (see [`PROVISIONAL_UNKNOWN_SHARE`]).
    pub provisional: bool,
}

/// Computes an entry's grade against the catalogue's criteria (keyed by id).
///
/// A criterion the entry does not assess counts as `unknown`: the validator reports it,
/// and the grade never rewards a gap.
pub fn grade_entry(entry: &Entry, criteria: &BTreeMap<String, Criterion>) -> GradeBreakdown {
    let mut b = GradeBreakdown {
        grade: Grade::E,
        score: 0.0,
        gates_failed: Vec::new(),
        gates_unsettled: Vec::new(),
        recommended_total: 0,
        recommended_met: 0,
        recommended_partial: 0,
        unknown: 0,
        not_applicable: 0,
        recommended_unknown: 0,
        counted: 0,
        established: 0,
        confidence: 100.0,
        provisional: false,
    };
    let mut gate_unknown = false;
    for criterion in criteria.values() {
        if !criterion.applies_to_kinds(&entry.kinds) {
            continue;
        }
        let status = entry
            .assessment
            .get(&criterion.id)
            .map_or(Status::Unknown, |a| a.status);
        match status {
            Status::NotApplicable => {
                b.not_applicable += 1;
                continue;
            }
            Status::Unknown => b.unknown += 1,
            _ => {}
        }
        b.counted += 1;
        match criterion.level {
            Level::Required => match status {
                Status::NotMet => b.gates_failed.push(criterion.id.clone()),
                Status::Unknown => {
                    gate_unknown = true;
                    b.gates_unsettled.push(criterion.id.clone());
                }
                Status::Partial => b.gates_unsettled.push(criterion.id.clone()),
                Status::Met | Status::NotApplicable => {}
            },
            Level::Recommended => {
                b.recommended_total += 1;
                match status {
                    Status::Met => b.recommended_met += 1,
                    Status::Partial => b.recommended_partial += 1,
                    Status::Unknown => b.recommended_unknown += 1,
                    _ => {}
                }
            }
        }
    }
    b.score = if b.recommended_total == 0 {
        100.0
    } else {
        let points = b.recommended_met as f64 + 0.5 * b.recommended_partial as f64;
        (points / b.recommended_total as f64 * 1000.0).round() / 10.0
    };
    b.established = b.counted - b.unknown;
    if b.counted > 0 {
        b.confidence = (b.established as f64 / b.counted as f64 * 1000.0).round() / 10.0;
    }
    b.provisional = gate_unknown
        || (b.recommended_total > 0
            && b.recommended_unknown as f64 / b.recommended_total as f64
                > PROVISIONAL_UNKNOWN_SHARE);
    let from_score = Grade::from_score(b.score);
    b.grade = if !b.gates_failed.is_empty() {
        Grade::E
    } else if !b.gates_unsettled.is_empty() {
        from_score.max(Grade::C)
    } else {
        from_score
    };
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Applicability, Assessment, Axis, Kind, Localized, MachineCheck, Platform, Review,
        ReviewStatus, Source,
    };
    use chrono::NaiveDate;

    fn criterion(id: &str, level: Level, applies_to: Applicability) -> Criterion {
        let text = Localized {
            fr: "t".into(),
            en: "t".into(),
        };
        Criterion {
            id: id.into(),
            axis: Axis::Security,
            level,
            applies_to: vec![applies_to],
            machine_checkable: MachineCheck::No,
            evidence_required: false,
            title: text.clone(),
            description: text.clone(),
            rationale: text.clone(),
            evidence_guidance: text,
            sources: vec![Source {
                title: "s".into(),
                url: "https://example.org".into(),
            }],
        }
    }

    fn criteria() -> BTreeMap<String, Criterion> {
        [
            criterion("gate", Level::Required, Applicability::All),
            criterion("r1", Level::Recommended, Applicability::All),
            criterion("r2", Level::Recommended, Applicability::All),
            criterion("r3", Level::Recommended, Applicability::All),
            criterion("r4", Level::Recommended, Applicability::All),
            criterion("server-only", Level::Required, Applicability::Server),
        ]
        .into_iter()
        .map(|c| (c.id.clone(), c))
        .collect()
    }

    fn entry(statuses: &[(&str, Status)]) -> Entry {
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let text = Localized {
            fr: "t".into(),
            en: "t".into(),
        };
        Entry {
            slug: "x".into(),
            name: "X".into(),
            kinds: vec![Kind::Desktop],
            homepage: "https://example.org".into(),
            repository: "https://example.org".into(),
            license: "MIT".into(),
            categories: vec!["c".into()],
            platforms: vec![Platform::Linux],
            replaces: vec![],
            self_hostable: false,
            added: date,
            updated: None,
            summary: text.clone(),
            description: text,
            assessment: statuses
                .iter()
                .map(|(id, status)| {
                    (
                        id.to_string(),
                        Assessment {
                            status: *status,
                            evidence: vec![],
                            note: None,
                            assessed: Some(date),
                        },
                    )
                })
                .collect(),
            review: Review {
                status: ReviewStatus::Community,
                by: None,
                date: None,
                expires: None,
                note: None,
                history: vec![],
            },
        }
    }

    use Status::*;

    #[test]
    fn all_met_gives_a_with_full_score() {
        let b = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", Met),
                ("r3", Met),
                ("r4", Met),
            ]),
            &criteria(),
        );
        assert_eq!(b.grade, Grade::A);
        assert_eq!(b.score, 100.0);
        assert_eq!(b.recommended_total, 4);
    }

    #[test]
    fn a_failed_gate_gives_e_whatever_the_score() {
        let b = grade_entry(
            &entry(&[
                ("gate", NotMet),
                ("r1", Met),
                ("r2", Met),
                ("r3", Met),
                ("r4", Met),
            ]),
            &criteria(),
        );
        assert_eq!(b.grade, Grade::E);
        assert_eq!(b.gates_failed, vec!["gate".to_string()]);
    }

    #[test]
    fn an_unknown_gate_caps_the_grade_at_c() {
        let b = grade_entry(
            &entry(&[
                ("gate", Unknown),
                ("r1", Met),
                ("r2", Met),
                ("r3", Met),
                ("r4", Met),
            ]),
            &criteria(),
        );
        assert_eq!(b.grade, Grade::C);
        assert_eq!(b.gates_unsettled, vec!["gate".to_string()]);
    }

    #[test]
    fn unknown_never_counts_as_met() {
        let known = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", Met),
                ("r3", NotMet),
                ("r4", NotMet),
            ]),
            &criteria(),
        );
        let unknown = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", Met),
                ("r3", Unknown),
                ("r4", Unknown),
            ]),
            &criteria(),
        );
        assert_eq!(known.score, 50.0);
        assert_eq!(unknown.score, known.score);
        assert_eq!(unknown.grade, Grade::C);
        assert_eq!(unknown.unknown, 2);
    }

    #[test]
    fn partial_counts_half_and_thresholds_are_inclusive() {
        // 3 met + 0.5 partial... 2 met + 1 partial + 1 not-met = 2.5 / 4 = 62.5 → B
        let b = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", Met),
                ("r3", Partial),
                ("r4", NotMet),
            ]),
            &criteria(),
        );
        assert_eq!(b.score, 62.5);
        assert_eq!(b.grade, Grade::B);
        // 3.5 / 4 = 87.5 → A; 3 / 4 = 75 → B; 1.6/4 → D
        let b = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", Met),
                ("r3", Met),
                ("r4", NotMet),
            ]),
            &criteria(),
        );
        assert_eq!(b.grade, Grade::B);
        let b = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", NotMet),
                ("r3", NotMet),
                ("r4", NotMet),
            ]),
            &criteria(),
        );
        assert_eq!(b.score, 25.0);
        assert_eq!(b.grade, Grade::D);
    }

    #[test]
    fn not_applicable_criteria_leave_the_denominator() {
        let b = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", NotApplicable),
                ("r3", NotApplicable),
                ("r4", NotApplicable),
            ]),
            &criteria(),
        );
        assert_eq!(b.recommended_total, 1);
        assert_eq!(b.not_applicable, 3);
        assert_eq!(b.grade, Grade::A);
    }

    #[test]
    fn criteria_for_other_kinds_are_ignored_and_missing_ones_count_as_unknown() {
        // "server-only" does not apply to a desktop entry, so its absence changes nothing;
        // r4 is missing and counts as unknown.
        let b = grade_entry(
            &entry(&[("gate", Met), ("r1", Met), ("r2", Met), ("r3", Met)]),
            &criteria(),
        );
        assert!(b.gates_unsettled.is_empty());
        assert_eq!(b.unknown, 1);
        assert_eq!(b.score, 75.0);
        assert_eq!(b.grade, Grade::B);
    }

    #[test]
    fn confidence_counts_established_criteria_among_those_that_count() {
        let b = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", Unknown),
                ("r3", NotApplicable),
                ("r4", NotMet),
            ]),
            &criteria(),
        );
        assert_eq!((b.counted, b.established), (4, 3));
        assert_eq!(b.confidence, 75.0);
        assert_eq!(b.recommended_unknown, 1);
    }

    #[test]
    fn an_unknown_gate_or_many_unknowns_make_the_grade_provisional() {
        let settled = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", NotMet),
                ("r3", Met),
                ("r4", Partial),
            ]),
            &criteria(),
        );
        assert!(!settled.provisional);
        let unknown_gate = grade_entry(
            &entry(&[
                ("gate", Unknown),
                ("r1", Met),
                ("r2", Met),
                ("r3", Met),
                ("r4", Met),
            ]),
            &criteria(),
        );
        assert!(unknown_gate.provisional);
        // A partial gate is settled: it caps the grade, but the grade is known.
        let partial_gate = grade_entry(
            &entry(&[
                ("gate", Partial),
                ("r1", Met),
                ("r2", Met),
                ("r3", Met),
                ("r4", Met),
            ]),
            &criteria(),
        );
        assert!(!partial_gate.provisional);
        assert_eq!(partial_gate.grade, Grade::C);
        // One recommended criterion in four unknown: 25 % > 20 %, a letter could change.
        let one_in_four = grade_entry(
            &entry(&[
                ("gate", Met),
                ("r1", Met),
                ("r2", Met),
                ("r3", Met),
                ("r4", Unknown),
            ]),
            &criteria(),
        );
        assert!(one_in_four.provisional);
        assert_eq!(one_in_four.grade, Grade::B);
    }
}
