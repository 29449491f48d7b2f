//! The published side of the rights-request observatory: pure functions from reports to the
//! figures anyone may see, and nothing else. No I/O; the caller passes the reports (hidden
//! ones may be passed: they are dropped here, so hiding one changes every figure at once).
//!
//! # What is published, and the threshold `K`
//!
//! For each service and right, and for each calendar quarter of the date sent: the number
//! of reports, the median number of days to answer, the share answered within the legal
//! month, the share complete, and (access and portability) the share received in a
//! machine-readable format. Nothing else: no date, no text, no minimum or maximum.
//!
//! A group is published only when its reports come from at least [`K`] different
//! accounts, and each figure only when *its own* denominator (the answered reports for the
//! median, the reports with a known outcome for the legal month...) comes from at least
//! [`K`] accounts: a share of one answered report would otherwise be that person's answer.
//! Counting accounts rather than reports keeps one person's ten reports from opening a
//! group on their own. This is the *threshold rule* of statistical disclosure control:
//! "a cell in a table of frequencies is defined to be sensitive if the number of
//! respondents is less than some specified number. Some agencies require at least five
//! respondents in a cell, others require three" (OECD glossary of statistical terms, from
//! the UNECE/Eurostat Glossary of Statistical Disclosure Control, 2005,
//! <https://stats.oecd.org/glossary/detail.asp?ID=7010>). We take the stricter five: the
//! people reporting are few and some may be known to each other (a colleague who knows you
//! wrote to a service can read a group of three more easily than one of five).
//!
//! Quarters get *secondary suppression* as the same glossary's practice calls it: a quarter
//! under the threshold is withheld, and when the withheld quarters together come from fewer
//! than [`K`] accounts (so that the total minus the published quarters would show a small
//! group), the smallest published quarters are withheld too until the remainder is safe.
//! Totals across services are not published for the same reason: the total minus the
//! published services would reveal the withheld ones.
//!
//! # The legal month
//!
//! GDPR art. 12(3): the controller answers "without undue delay and in any event within one
//! month of receipt of the request" (extendable by two months for complex requests, which
//! the person is told of within the first month). The registry does not know the date of
//! receipt, so it counts from the date sent, and a month the way EU law counts periods
//! (Regulation 1182/71, art. 3(2)(c)): a request sent on 14 March must be answered by
//! 14 April; one sent on 31 January, by the last day of February. An answer on or before
//! that day counts as within the month. Reports still pending are left out of that share
//! (their outcome is unknown); reports marked "no answer" count as not within the month.
//! Counting from the sending day is slightly strict for letters, which take a few days to
//! arrive; the page says so.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::db::entities::rights_reports::{Completeness, Format, GdprRight, Outcome};

/// Fewest different accounts behind any published figure (see the module documentation).
pub const K: usize = 5;

/// What aggregation needs of one report (nothing more: no note, no channel).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The author's account; used only to count different people, never published.
    pub reporter: i64,
    pub service: String,
    pub right: GdprRight,
    pub sent_on: NaiveDate,
    pub outcome: Outcome,
    pub answered_on: Option<NaiveDate>,
    pub completeness: Option<Completeness>,
    pub format: Option<Format>,
    pub hidden: bool,
}

/// The last day a request sent on `sent` may be answered within the legal month.
pub fn legal_deadline(sent: NaiveDate) -> NaiveDate {
    // chrono clamps to the last day of a shorter month, as Regulation 1182/71 does.
    sent.checked_add_months(Months::new(1)).unwrap_or(sent)
}

/// `2026-Q4`: the calendar quarter of a day.
pub fn quarter_of(day: NaiveDate) -> String {
    format!("{}-Q{}", day.year(), day.month0() / 3 + 1)
}

/// The published figures of one group. `None`: withheld (fewer than [`K`] accounts behind
/// that figure's denominator), or not meaningful for this right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub reports: usize,
    /// Median days from sending to the answer, over answered reports.
    pub median_days_to_answer: Option<f64>,
    /// Share (0 to 1, two decimals) answered within the legal month, over reports whose
    /// outcome is known (answered or no answer).
    pub share_within_legal_month: Option<f64>,
    /// Share of answered reports whose answer was complete.
    pub share_complete: Option<f64>,
    /// Access and portability: share of answers with a stated format that came
    /// machine-readable (JSON, CSV, XML).
    pub share_machine_readable: Option<f64>,
}

/// One quarter's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterFigures {
    /// `2026-Q4`, the quarter of the dates sent.
    pub quarter: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// The published figures of one service and right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    pub service: String,
    pub right: GdprRight,
    #[serde(flatten)]
    pub figures: Figures,
    /// Quarters that pass the threshold (after secondary suppression), oldest first.
    pub quarters: Vec<QuarterFigures>,
}

fn accounts<'a>(facts: impl IntoIterator<Item = &'a &'a Fact>) -> usize {
    facts
        .into_iter()
        .map(|f| f.reporter)
        .collect::<BTreeSet<_>>()
        .len()
}

fn share(part: usize, whole: usize) -> f64 {
    // Two decimals: the count behind it is published anyway.
    (part as f64 / whole as f64 * 100.0).round() / 100.0
}

/// A share over `denominator`, or `None` when fewer than `K` accounts stand behind it.
fn safe_share(denominator: &[&Fact], is_part: impl Fn(&Fact) -> bool) -> Option<f64> {
    (accounts(denominator) >= K).then(|| {
        share(
            denominator.iter().filter(|f| is_part(f)).count(),
            denominator.len(),
        )
    })
}

fn median(mut values: Vec<i64>) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2] as f64),
        _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0),
    }
}

fn days_to_answer(f: &Fact) -> Option<i64> {
    match (f.outcome, f.answered_on) {
        (Outcome::Answered, Some(on)) => Some((on - f.sent_on).num_days()),
        _ => None,
    }
}

/// The figures of one group of visible reports, each withheld under the threshold.
fn figures(group: &[&Fact]) -> Figures {
    let answered: Vec<&Fact> = group
        .iter()
        .copied()
        .filter(|f| days_to_answer(f).is_some())
        .collect();
    let known: Vec<&Fact> = group
        .iter()
        .copied()
        .filter(|f| f.outcome != Outcome::Pending)
        .collect();
    let with_completeness: Vec<&Fact> = answered
        .iter()
        .copied()
        .filter(|f| f.completeness.is_some())
        .collect();
    let with_format: Vec<&Fact> = answered
        .iter()
        .copied()
        .filter(|f| has_format(f.right) && f.format.is_some())
        .collect();
    Figures {
        reports: group.len(),
        median_days_to_answer: (accounts(&answered) >= K)
            .then(|| median(answered.iter().filter_map(|f| days_to_answer(f)).collect()))
            .flatten(),
        share_within_legal_month: safe_share(&known, |f| {
            f.outcome == Outcome::Answered
                && f.answered_on
                    .is_some_and(|on| on <= legal_deadline(f.sent_on))
        }),
        share_complete: safe_share(&with_completeness, |f| {
            f.completeness == Some(Completeness::Complete)
        }),
        share_machine_readable: group
            .first()
            .filter(|f| has_format(f.right))
            .and_then(|_| safe_share(&with_format, |f| f.format == Some(Format::MachineReadable))),
    }
}

/// Whether the format received is asked for this right (access and portability).
pub fn has_format(right: GdprRight) -> bool {
    matches!(right, GdprRight::Access | GdprRight::Portability)
}

/// The quarters of one group that may be published (see the module documentation).
fn quarters(group: &[&Fact]) -> Vec<QuarterFigures> {
    let mut by_quarter: BTreeMap<String, Vec<&Fact>> = BTreeMap::new();
    for f in group {
        by_quarter.entry(quarter_of(f.sent_on)).or_default().push(f);
    }
    let (mut shown, mut withheld): (Vec<_>, Vec<_>) = by_quarter
        .into_iter()
        .partition(|(_, facts)| accounts(facts) >= K);
    loop {
        let rest: Vec<&Fact> = withheld
            .iter()
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        if rest.is_empty() || accounts(&rest) >= K || shown.is_empty() {
            break;
        }
        // Withhold the smallest published quarter too (the oldest among equals).
        let smallest = shown
            .iter()
            .enumerate()
            .min_by_key(|(i, (_, facts))| (facts.len(), *i))
            .map(|(i, _)| i)
            .unwrap_or(0);
        withheld.push(shown.remove(smallest));
    }
    shown
        .into_iter()
        .map(|(quarter, facts)| QuarterFigures {
            quarter,
            figures: figures(&facts),
        })
        .collect()
}

/// Everything publishable from `facts`, by service then right. Hidden reports are left out
/// before anything is counted.
pub fn publish(facts: &[Fact]) -> Vec<Published> {
    let mut groups: BTreeMap<(&str, GdprRight), Vec<&Fact>> = BTreeMap::new();
    for f in facts.iter().filter(|f| !f.hidden) {
        groups.entry((&f.service, f.right)).or_default().push(f);
    }
    groups
        .into_iter()
        .filter(|(_, group)| accounts(group) >= K)
        .map(|((service, right), group)| Published {
            service: service.to_owned(),
            right,
            figures: figures(&group),
            quarters: quarters(&group),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    /// A report of `reporter` to `service` for access, sent on `sent`, answered `days` later,
    /// complete and machine-readable.
    fn answered(reporter: i64, service: &str, sent: &str, days: i64) -> Fact {
        Fact {
            reporter,
            service: service.into(),
            right: GdprRight::Access,
            sent_on: day(sent),
            outcome: Outcome::Answered,
            answered_on: Some(day(sent) + chrono::Duration::days(days)),
            completeness: Some(Completeness::Complete),
            format: Some(Format::MachineReadable),
            hidden: false,
        }
    }

    fn five(service: &str) -> Vec<Fact> {
        (1..=5)
            .map(|i| answered(i, service, "2026-01-10", i * 10))
            .collect()
    }

    #[test]
    fn fewer_than_k_accounts_publish_nothing_and_k_publish() {
        let mut facts = five("gmail");
        facts.pop();
        assert_eq!(facts.len(), K - 1);
        assert!(publish(&facts).is_empty());
        facts.push(answered(99, "gmail", "2026-01-10", 3));
        let published = publish(&facts);
        assert_eq!(published.len(), 1);
        assert_eq!(published[0].figures.reports, K);
        assert_eq!(published[0].service, "gmail");
    }

    #[test]
    fn one_account_reporting_k_times_opens_nothing() {
        let facts: Vec<Fact> = (0..10)
            .map(|i| answered(7, "gmail", "2026-01-10", i))
            .collect();
        assert!(publish(&facts).is_empty());
    }

    #[test]
    fn removing_one_report_removes_it_from_every_figure() {
        let mut facts = five("gmail");
        facts.push(answered(6, "gmail", "2026-02-01", 100));
        let before = publish(&facts);
        assert_eq!(before[0].figures.reports, 6);
        assert_eq!(before[0].figures.median_days_to_answer, Some(35.0));
        // Within 31 days of 10 January: the answers after 10, 20 and 30 days.
        assert_eq!(before[0].figures.share_within_legal_month, Some(0.5));
        facts.pop();
        let after = publish(&facts);
        assert_eq!(after[0].figures.reports, 5);
        assert_eq!(after[0].figures.median_days_to_answer, Some(30.0));
        assert_eq!(after[0].figures.share_within_legal_month, Some(0.6));
        assert_eq!(after[0].quarters[0].figures.reports, 5);
        facts.pop();
        assert!(publish(&facts).is_empty(), "under K once more");
    }

    #[test]
    fn hidden_reports_leave_every_aggregate() {
        let mut facts = five("gmail");
        facts.push(answered(6, "gmail", "2026-01-11", 1));
        facts[5].hidden = true;
        let published = publish(&facts);
        assert_eq!(published[0].figures.reports, 5);
        assert_eq!(published[0].figures.median_days_to_answer, Some(30.0));
        assert_eq!(published[0].quarters[0].figures.reports, 5);
        facts[0].hidden = true;
        assert!(publish(&facts).is_empty());
    }

    #[test]
    fn a_figure_whose_own_denominator_is_under_k_is_withheld() {
        let mut facts = five("gmail");
        for f in facts.iter_mut().skip(1) {
            f.outcome = Outcome::Pending;
            f.answered_on = None;
            f.completeness = None;
            f.format = None;
        }
        let published = publish(&facts);
        assert_eq!(published[0].figures.reports, 5);
        assert_eq!(published[0].figures.median_days_to_answer, None);
        assert_eq!(published[0].figures.share_within_legal_month, None);
        assert_eq!(published[0].figures.share_complete, None);
        assert_eq!(published[0].figures.share_machine_readable, None);
    }

    #[test]
    fn the_legal_month_ends_on_the_same_day_of_the_next_month_or_its_last_day() {
        assert_eq!(legal_deadline(day("2026-03-14")), day("2026-04-14"));
        assert_eq!(legal_deadline(day("2026-01-31")), day("2026-02-28"));
        assert_eq!(legal_deadline(day("2028-01-31")), day("2028-02-29"));
        assert_eq!(legal_deadline(day("2026-12-20")), day("2027-01-20"));
    }

    #[test]
    fn no_answer_counts_against_the_legal_month_and_pending_is_left_out() {
        let mut facts = five("gmail");
        facts[0].outcome = Outcome::NoAnswer;
        facts[0].answered_on = None;
        facts.push(Fact {
            outcome: Outcome::Pending,
            answered_on: None,
            ..answered(6, "gmail", "2026-01-10", 0)
        });
        let f = &publish(&facts)[0].figures;
        // Known outcomes: 5 (one no-answer, answers after 20, 30, 40, 50 days), two of
        // them within the 31 days after 10 January.
        assert_eq!(f.share_within_legal_month, Some(0.4));
        assert_eq!(f.reports, 6);
    }

    #[test]
    fn machine_readable_share_is_only_given_for_access_and_portability() {
        let mut facts = five("gmail");
        facts[0].format = Some(Format::Pdf);
        assert_eq!(publish(&facts)[0].figures.share_machine_readable, Some(0.8));
        for f in &mut facts {
            f.right = GdprRight::Erasure;
        }
        assert_eq!(publish(&facts)[0].figures.share_machine_readable, None);
    }

    #[test]
    fn quarters_under_k_are_withheld_with_a_published_one_when_the_rest_is_small() {
        // Q1: 6 accounts, Q2: 5 accounts, Q3: 2 accounts.
        let mut facts: Vec<Fact> = (1..=6)
            .map(|i| answered(i, "gmail", "2026-01-10", 5))
            .collect();
        facts.extend((11..=15).map(|i| answered(i, "gmail", "2026-04-10", 5)));
        facts.extend((21..=22).map(|i| answered(i, "gmail", "2026-07-10", 5)));
        let published = publish(&facts);
        let quarters: Vec<&str> = published[0]
            .quarters
            .iter()
            .map(|q| q.quarter.as_str())
            .collect();
        // Q3 alone would be total − Q1 − Q2 = 2: Q2 (the smallest) is withheld with it.
        assert_eq!(quarters, ["2026-Q1"]);
        assert_eq!(published[0].figures.reports, 13);
        // With a fourth quarter of 5, the withheld rest (Q3 + smallest) reaches K.
        facts.extend((31..=33).map(|i| answered(i, "gmail", "2026-10-10", 5)));
        let published = publish(&facts);
        let quarters: Vec<&str> = published[0]
            .quarters
            .iter()
            .map(|q| q.quarter.as_str())
            .collect();
        assert_eq!(quarters, ["2026-Q1", "2026-Q2"]);
    }

    #[test]
    fn quarters_are_named_by_year_and_number() {
        assert_eq!(quarter_of(day("2026-01-01")), "2026-Q1");
        assert_eq!(quarter_of(day("2026-06-30")), "2026-Q2");
        assert_eq!(quarter_of(day("2026-12-31")), "2026-Q4");
    }

    #[test]
    fn groups_are_per_service_and_right() {
        let mut facts = five("gmail");
        facts.extend(five("outlook"));
        let mut erasure = five("gmail");
        erasure.pop();
        for f in &mut erasure {
            f.right = GdprRight::Erasure;
        }
        facts.extend(erasure);
        let published = publish(&facts);
        let keys: Vec<(&str, GdprRight)> = published
            .iter()
            .map(|p| (p.service.as_str(), p.right))
            .collect();
        assert_eq!(
            keys,
            [("gmail", GdprRight::Access), ("outlook", GdprRight::Access)]
        );
    }
}
