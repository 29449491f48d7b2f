//! The whole catalogue in one file, JSON or CSV, with the data licence stated.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::App;
use crate::catalogue::Snapshot;
use crate::http::error::ApiError;
use crate::model::{Category, Criterion, Entry, GradeBreakdown, Service};

pub const DATA_LICENSE: &str = "CC-BY-SA-4.0";
pub const DATA_LICENSE_URL: &str = "https://creativecommons.org/licenses/by-sa/4.0/";

#[derive(Debug, Serialize, ToSchema)]
pub struct DataLicense {
    /// SPDX identifier of the data licence.
    pub id: &'static str,
    pub url: &'static str,
    pub attribution: &'static str,
}

pub const LICENSE: DataLicense = DataLicense {
    id: DATA_LICENSE,
    url: DATA_LICENSE_URL,
    attribution: "floss-registry contributors; share alike, with attribution",
};

#[derive(Debug, Serialize, ToSchema)]
pub struct ExportedEntry {
    #[serde(flatten)]
    pub entry: Entry,
    pub grade: GradeBreakdown,
}

/// The whole catalogue.
#[derive(Debug, Serialize, ToSchema)]
pub struct Export {
    pub license: DataLicense,
    /// Content fingerprint of the catalogue exported.
    pub fingerprint: String,
    pub data_commit: Option<String>,
    pub criteria: Vec<Criterion>,
    pub categories: Vec<Category>,
    pub services: Vec<Service>,
    pub entries: Vec<ExportedEntry>,
}

pub(super) fn license_link(res: &mut Response, filename: &str) {
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&format!("<{DATA_LICENSE_URL}>; rel=\"license\"")) {
        h.insert(header::LINK, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
}

fn build_export(snapshot: &Snapshot) -> Export {
    let c = &snapshot.catalogue;
    Export {
        license: LICENSE,
        fingerprint: snapshot.fingerprint.clone(),
        data_commit: snapshot.data_commit.clone(),
        criteria: c.criteria.values().cloned().collect(),
        categories: c.categories.values().cloned().collect(),
        services: c.services.values().cloned().collect(),
        entries: c
            .entries
            .values()
            .filter_map(|e| {
                snapshot.grades.get(&e.slug).map(|g| ExportedEntry {
                    entry: e.clone(),
                    grade: g.clone(),
                })
            })
            .collect(),
    }
}

/// The whole catalogue as JSON (CC BY-SA 4.0).
#[utoipa::path(get, path = "/api/v1/export.json", tag = "export",
    responses((status = 200, description = "Every criterion, category, service and entry with its grade", body = Export)))]
pub async fn json(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    let snapshot = app.snapshot();
    let bytes = tokio::task::spawn_blocking(move || serde_json::to_vec(&build_export(&snapshot)))
        .await?
        .map_err(ApiError::internal)?;
    let mut res = ([(header::CONTENT_TYPE, "application/json")], bytes).into_response();
    license_link(&mut res, "floss-registry.json");
    Ok(res)
}

/// The CSV columns before the per-criterion ones.
const COLUMNS: [&str; 19] = [
    "slug",
    "name",
    "summary_fr",
    "summary_en",
    "homepage",
    "repository",
    "license",
    "categories",
    "platforms",
    "replaces",
    "self_hostable",
    "grade",
    "grade_provisional",
    "confidence",
    "score",
    "review_status",
    "added",
    "last_changed",
    "data_license",
];

fn build_csv(snapshot: &Snapshot) -> Result<Vec<u8>, csv::Error> {
    let c = &snapshot.catalogue;
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = COLUMNS.iter().map(|s| (*s).to_owned()).collect();
    header.extend(c.criteria.keys().map(|id| format!("criterion:{id}")));
    w.write_record(&header)?;
    for e in c.entries.values() {
        let Some(g) = snapshot.grades.get(&e.slug) else {
            continue;
        };
        let join = |v: Vec<&str>| v.join(";");
        let mut row = vec![
            e.slug.clone(),
            e.name.clone(),
            e.summary.fr.clone(),
            e.summary.en.clone(),
            e.homepage.clone(),
            e.repository.clone(),
            e.license.clone(),
            join(e.categories.iter().map(String::as_str).collect()),
            join(e.platforms.iter().map(|p| p.id()).collect()),
            join(e.replaces.iter().map(String::as_str).collect()),
            e.self_hostable.to_string(),
            g.grade.letter().to_owned(),
            g.provisional.to_string(),
            g.confidence.to_string(),
            g.score.to_string(),
            e.review.status.id().to_owned(),
            e.added.to_string(),
            e.last_changed().to_string(),
            DATA_LICENSE.to_owned(),
        ];
        row.extend(c.criteria.keys().map(|id| {
            e.assessment
                .get(id)
                .map_or("", |a| a.status.id())
                .to_owned()
        }));
        w.write_record(&row)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The catalogue as CSV: one row per entry, one column per criterion (CC BY-SA 4.0).
#[utoipa::path(get, path = "/api/v1/export.csv", tag = "export",
    responses((status = 200, description = "One row per entry; criterion columns hold the status (empty: does not apply)", content_type = "text/csv")))]
pub async fn csv(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    let snapshot = app.snapshot();
    let bytes = tokio::task::spawn_blocking(move || build_csv(&snapshot))
        .await?
        .map_err(ApiError::internal)?;
    let mut res = ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], bytes).into_response();
    license_link(&mut res, "floss-registry.csv");
    Ok(res)
}
