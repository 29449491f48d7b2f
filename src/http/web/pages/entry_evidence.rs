//! The "Automated evidence" section of an entry page: the latest observation of each source
//! (what was observed, when, from where) and its findings per criterion, labelled as
//! machine-observed and not a decision, with the stale flag of the latest forge observation.

use crate::evidence::store;
use crate::evidence::{EvidenceSource, Observation};
use crate::http::web::context::Ctx;
use crate::http::web::private;
use crate::http::web::view::{self, Evidence};
use crate::model::Lang;

/// The section as the template shows it.
#[derive(Debug, Clone, Default)]
pub struct EvidenceSection {
    pub stale: bool,
    pub observations: Vec<ObservationView>,
    /// The observations could not be read (logged); the rest of the page is served.
    pub unavailable: bool,
}

#[derive(Debug, Clone)]
pub struct ObservationView {
    pub source: String,
    pub when: String,
    pub from: Evidence,
    pub findings: Vec<FindingView>,
}

#[derive(Debug, Clone)]
pub struct FindingView {
    pub criterion: String,
    pub criterion_href: String,
    pub status_id: &'static str,
    pub status: String,
    pub note: String,
    pub evidence: Evidence,
}

fn source_label(ctx: &Ctx, source: EvidenceSource) -> String {
    ctx.tr.t(&format!("evidence-source-{}", source.id()))
}

fn view_of(ctx: &Ctx, o: &Observation) -> ObservationView {
    let snapshot = ctx.app.snapshot();
    ObservationView {
        source: source_label(ctx, o.source),
        when: private::when(ctx.tr, o.observed_at),
        from: Evidence::new(&o.url),
        findings: o
            .findings
            .iter()
            .map(|f| FindingView {
                criterion: snapshot
                    .catalogue
                    .criteria
                    .get(&f.criterion)
                    .map_or_else(|| f.criterion.clone(), |c| c.title.get(ctx.lang).to_owned()),
                criterion_href: ctx.href(&format!("/criteria#{}", f.criterion)),
                status_id: f.status.id(),
                status: view::status_label(ctx.tr, f.status),
                note: match ctx.lang {
                    Lang::Fr => f.note.fr.clone(),
                    Lang::En => f.note.en.clone(),
                },
                evidence: Evidence::new(&f.evidence),
            })
            .collect(),
    }
}

/// Reads the entry's latest observations; a database that cannot answer leaves the section
/// marked unavailable, never the page.
pub async fn section(ctx: &Ctx, slug: &str) -> EvidenceSection {
    let Ok(db) = ctx.app.db() else {
        return EvidenceSection::default();
    };
    match store::latest_for_entry(db, slug).await {
        Ok(stored) => EvidenceSection {
            stale: stored.iter().any(|s| {
                s.observation.source == EvidenceSource::Forge && s.observation.stale == Some(true)
            }),
            observations: stored
                .iter()
                .map(|s| view_of(ctx, &s.observation))
                .collect(),
            unavailable: false,
        },
        Err(e) => {
            tracing::warn!(error = %crate::util::escaped(&e), "automated evidence unavailable");
            EvidenceSection {
                unavailable: true,
                ..EvidenceSection::default()
            }
        }
    }
}
