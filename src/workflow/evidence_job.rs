//! The scheduled checks of a running server: every `evidence.check_interval_hours` (0: never,
//! the default), the forge and website checks of every entry, their observations stored, the
//! stale set refreshed and the findings proposed to reviewers. Failures are logged (escaped:
//! they carry upstream text) and never stop the server; the next run tries again.

use std::time::Duration;

use super::context::Context;
use super::proposals::{self, Action};
use crate::evidence::EvidenceSource;
use crate::evidence::checks::Checker;
use crate::evidence::run::{self, Done};
use crate::model::Entry;
use crate::util::escaped;

/// Starts the job when the configuration asks for it; it stops with the process.
pub fn spawn(ctx: Context) {
    let hours = ctx.settings.evidence.check_interval_hours;
    if hours == 0 {
        return;
    }
    let checker = match Checker::new(ctx.settings.evidence.checker.clone()) {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %escaped(&e), "the evidence checks cannot start; they stay off");
            return;
        }
    };
    let every = Duration::from_secs(u64::from(hours) * 3600);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let entries: Vec<Entry> = ctx.snapshot().catalogue.entries.values().cloned().collect();
            run_once(&ctx, &checker, entries).await;
        }
    });
}

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RunReport {
    pub observed: usize,
    pub skipped: usize,
    pub failed: usize,
    pub stale: usize,
    pub proposals_made: usize,
    pub proposals_updated: usize,
    pub proposals_failed: usize,
}

/// One run over `entries` (tests call it directly).
pub async fn run_once(ctx: &Context, checker: &Checker, entries: Vec<Entry>) -> RunReport {
    let mut report = RunReport::default();
    let Ok(db) = ctx.db() else {
        return report;
    };
    let plan = run::Plan {
        entries,
        kinds: vec![EvidenceSource::Forge, EvidenceSource::Website],
        apk: None,
        concurrency: ctx.settings.evidence.concurrency,
    };
    for done in run::run(checker, Some(db), plan, &|_| {}).await {
        match done {
            Done::Observed { .. } => report.observed += 1,
            Done::Skipped { .. } => report.skipped += 1,
            Done::Failed(f) => {
                report.failed += 1;
                tracing::warn!(
                    slug = %f.slug,
                    kind = f.kind.id(),
                    url = %escaped(f.url.as_deref().unwrap_or("-")),
                    reason = %escaped(&f.reason),
                    "evidence check failed"
                );
            }
        }
    }
    match ctx.stale.refresh(db).await {
        Ok(n) => report.stale = n,
        Err(e) => tracing::warn!(error = %escaped(&e), "the stale entries cannot be read"),
    }
    match proposals::propose(ctx, None).await {
        Ok(outcomes) => {
            for o in outcomes {
                match o.action {
                    Action::Created => report.proposals_made += 1,
                    Action::Updated => report.proposals_updated += 1,
                    Action::Failed => {
                        report.proposals_failed += 1;
                        tracing::warn!(
                            slug = %o.slug,
                            error = %escaped(o.error.as_deref().unwrap_or("-")),
                            "automated-evidence proposal failed"
                        );
                    }
                    Action::Unchanged | Action::Nothing => {}
                }
            }
        }
        Err(e) => tracing::warn!(error = %escaped(&e), "automated-evidence proposals failed"),
    }
    tracing::info!(
        observed = report.observed,
        skipped = report.skipped,
        failed = report.failed,
        stale = report.stale,
        proposals_made = report.proposals_made,
        proposals_updated = report.proposals_updated,
        "evidence checks"
    );
    report
}
