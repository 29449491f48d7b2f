//! `GET /healthz` and `GET /metrics`.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::App;

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`, or `degraded` when a part listed in `degraded` does not work as it should.
    pub status: &'static str,
    /// Git commit the data was read from (`-dirty` when the files differ from it).
    pub data_commit: Option<String>,
    /// Content fingerprint of the catalogue served.
    pub fingerprint: String,
    /// Fingerprint the search index was built from; equal to `fingerprint` when current.
    pub index_fingerprint: String,
    /// Commits made to the search index since it was built.
    pub index_generation: u64,
    pub entries: usize,
    pub indexed_documents: u64,
    /// Entry files left out because of errors (see `floss-registry validate`).
    pub invalid_entries: usize,
    pub degraded: Vec<String>,
    pub uptime_seconds: u64,
}

/// Health of the service and provenance of the data served.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, body = Health)))]
pub async fn healthz(State(app): State<Arc<App>>) -> Json<Health> {
    let snapshot = app.snapshot();
    let index_fingerprint = app.index().fingerprint();
    let indexed_documents = app.index().doc_count();
    let entries = snapshot.catalogue.entries.len();
    let mut degraded = Vec::new();
    if index_fingerprint != snapshot.fingerprint {
        degraded.push("search index: built from other data than the catalogue served".to_owned());
    }
    if indexed_documents != entries as u64 {
        degraded.push(format!(
            "search index: {indexed_documents} documents for {entries} entries"
        ));
    }
    if snapshot.invalid_entries > 0 {
        degraded.push(format!(
            "data: {} entry file(s) skipped because of errors",
            snapshot.invalid_entries
        ));
    }
    Json(Health {
        status: if degraded.is_empty() {
            "ok"
        } else {
            "degraded"
        },
        data_commit: snapshot.data_commit.clone(),
        fingerprint: snapshot.fingerprint.clone(),
        index_fingerprint,
        index_generation: app.index().generation(),
        entries,
        indexed_documents,
        invalid_entries: snapshot.invalid_entries,
        degraded,
        uptime_seconds: app.started.elapsed().as_secs(),
    })
}

/// Metrics in the Prometheus text format (no personal data: routes, statuses, durations).
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text exposition format", content_type = "text/plain")))]
pub async fn metrics(State(app): State<Arc<App>>) -> impl IntoResponse {
    let snapshot = app.snapshot();
    app.metrics
        .set_catalogue(snapshot.catalogue.entries.len(), app.index().generation());
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        app.metrics.render(),
    )
}
