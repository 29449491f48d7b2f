//! Observations in the database: recording them (an identical repeat of the latest one of
//! its entry and source moves that row's date forward instead of adding a row), the latest
//! one per source of an entry or of the whole catalogue, which entries a forge observation
//! found stale, and counts. Rows only: what they mean for the catalogue is decided by
//! reviewers, through `workflow::proposals`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use sha2::{Digest, Sha256};

use super::{EvidenceSource, Finding, Observation};
use crate::db::DbError;
use crate::db::entities::observations;

/// An observation as stored: the observation, and when it was first made.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub id: i64,
    pub observation: Observation,
    pub first_observed_at: DateTime<Utc>,
}

/// What [`record`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// A new row.
    Added(i64),
    /// Identical to the latest observation of its entry and source: that row's date moved.
    Repeated(i64),
}

impl Recorded {
    pub fn id(self) -> i64 {
        match self {
            Recorded::Added(id) | Recorded::Repeated(id) => id,
        }
    }
}

/// How many observations the database holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub observations: u64,
    /// Entries with at least one observation.
    pub entries: usize,
    /// Entries whose latest forge observation says stale.
    pub stale_entries: usize,
    /// Observations per source id.
    pub by_source: BTreeMap<String, u64>,
}

/// What makes two observations identical (everything but the time).
fn content_hash(o: &Observation, raw: &str, findings: &str) -> String {
    let mut h = Sha256::new();
    for part in [o.source.id(), &o.url, raw, findings] {
        h.update(part.as_bytes());
        h.update(b"\0");
    }
    h.update(match o.stale {
        None => b"-",
        Some(true) => b"y",
        Some(false) => b"n",
    });
    hex::encode(h.finalize())
}

/// Stores `o`, or moves the date of the latest observation of its entry and source when `o`
/// is identical to it.
pub async fn record(db: &DatabaseConnection, o: &Observation) -> Result<Recorded, DbError> {
    let raw = o.raw.to_string();
    let findings = serde_json::to_string(&o.findings).unwrap_or_else(|_| "[]".into());
    let hash = content_hash(o, &raw, &findings);
    let latest = observations::Entity::find()
        .filter(observations::Column::Slug.eq(&o.slug))
        .filter(observations::Column::Source.eq(o.source.id()))
        .order_by_desc(observations::Column::Id)
        .one(db)
        .await?;
    if let Some(row) = latest
        && row.content_hash == hash
    {
        let id = row.id;
        if o.observed_at > row.observed_at {
            let mut active: observations::ActiveModel = row.into();
            active.observed_at = Set(o.observed_at);
            active.update(db).await?;
        }
        return Ok(Recorded::Repeated(id));
    }
    let row = observations::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        slug: Set(o.slug.clone()),
        source: Set(o.source.id().to_owned()),
        url: Set(o.url.clone()),
        first_observed_at: Set(o.observed_at),
        observed_at: Set(o.observed_at),
        raw: Set(raw),
        findings: Set(findings),
        stale: Set(o.stale),
        content_hash: Set(hash),
    }
    .insert(db)
    .await?;
    Ok(Recorded::Added(row.id))
}

/// A row read back; `None` (and a warning) for a row that cannot be (an unknown source, JSON
/// that does not parse): one bad row never hides the others.
fn decode(row: observations::Model) -> Option<Stored> {
    let Some(source) = EvidenceSource::from_id(&row.source) else {
        tracing::warn!(
            id = row.id,
            source = %crate::util::escaped(&row.source),
            "an observation of an unknown source is ignored"
        );
        return None;
    };
    let raw = serde_json::from_str(&row.raw);
    let findings = serde_json::from_str::<Vec<Finding>>(&row.findings);
    let (Ok(raw), Ok(findings)) = (raw, findings) else {
        tracing::warn!(
            id = row.id,
            "an observation whose JSON does not parse is ignored"
        );
        return None;
    };
    Some(Stored {
        id: row.id,
        first_observed_at: row.first_observed_at,
        observation: Observation {
            slug: row.slug,
            source,
            url: row.url,
            observed_at: row.observed_at,
            raw,
            findings,
            stale: row.stale,
        },
    })
}

/// The ids of the latest row of each (entry, source), for one entry or all of them.
async fn latest_ids(db: &DatabaseConnection, slug: Option<&str>) -> Result<Vec<i64>, DbError> {
    let mut query = observations::Entity::find()
        .select_only()
        .column_as(observations::Column::Id.max(), "id")
        .group_by(observations::Column::Slug)
        .group_by(observations::Column::Source);
    if let Some(slug) = slug {
        query = query.filter(observations::Column::Slug.eq(slug));
    }
    Ok(query
        .into_tuple::<Option<i64>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect())
}

async fn rows_by_id(db: &DatabaseConnection, ids: Vec<i64>) -> Result<Vec<Stored>, DbError> {
    let mut out = Vec::with_capacity(ids.len());
    // Bounded batches: a statement carries at most this many parameters.
    for chunk in ids.chunks(500) {
        let rows = observations::Entity::find()
            .filter(observations::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        out.extend(rows.into_iter().filter_map(decode));
    }
    out.sort_by(|a, b| {
        (&a.observation.slug, a.observation.source)
            .cmp(&(&b.observation.slug, b.observation.source))
    });
    Ok(out)
}

/// The latest observation of each source for the entry `slug`, in source order.
pub async fn latest_for_entry(db: &DatabaseConnection, slug: &str) -> Result<Vec<Stored>, DbError> {
    let ids = latest_ids(db, Some(slug)).await?;
    rows_by_id(db, ids).await
}

/// The latest observation of each source for every entry observed, by slug.
pub async fn latest_all(db: &DatabaseConnection) -> Result<BTreeMap<String, Vec<Stored>>, DbError> {
    let ids = latest_ids(db, None).await?;
    let mut by_slug: BTreeMap<String, Vec<Stored>> = BTreeMap::new();
    for s in rows_by_id(db, ids).await? {
        by_slug
            .entry(s.observation.slug.clone())
            .or_default()
            .push(s);
    }
    Ok(by_slug)
}

/// Entries whose latest forge observation says stale (no activity for 12 months).
pub async fn stale_slugs(db: &DatabaseConnection) -> Result<BTreeSet<String>, DbError> {
    Ok(latest_all(db)
        .await?
        .into_iter()
        .filter(|(_, list)| {
            list.iter().any(|s| {
                s.observation.source == EvidenceSource::Forge && s.observation.stale == Some(true)
            })
        })
        .map(|(slug, _)| slug)
        .collect())
}

/// How many observations there are, of how many entries, per source.
pub async fn counts(db: &DatabaseConnection) -> Result<Counts, DbError> {
    let observations = observations::Entity::find().count(db).await?;
    let per_source: Vec<(String, i64)> = observations::Entity::find()
        .select_only()
        .column(observations::Column::Source)
        .column_as(observations::Column::Id.count(), "n")
        .group_by(observations::Column::Source)
        .into_tuple()
        .all(db)
        .await?;
    let entries: Vec<String> = observations::Entity::find()
        .select_only()
        .column(observations::Column::Slug)
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    Ok(Counts {
        observations,
        entries: entries.len(),
        stale_entries: stale_slugs(db).await?.len(),
        by_source: per_source
            .into_iter()
            .map(|(s, n)| (s, u64::try_from(n).unwrap_or(0)))
            .collect(),
    })
}

/// The entries found stale, as the served pages and the API read them: a small set kept in
/// memory (search results show the flag for every hit, and the index does not hold it),
/// replaced after each run of the checks and by the periodic job, so that observations
/// stored by the `check` command show within one purge interval.
#[derive(Debug, Default)]
pub struct StaleSet(std::sync::RwLock<std::sync::Arc<BTreeSet<String>>>);

impl StaleSet {
    /// The set as it is now.
    pub fn get(&self) -> std::sync::Arc<BTreeSet<String>> {
        match self.0.read() {
            Ok(set) => std::sync::Arc::clone(&set),
            Err(poisoned) => std::sync::Arc::clone(&poisoned.into_inner()),
        }
    }

    pub fn contains(&self, slug: &str) -> bool {
        self.get().contains(slug)
    }

    /// Reads the set again from the database; on failure the previous set stays.
    pub async fn refresh(&self, db: &DatabaseConnection) -> Result<usize, DbError> {
        let fresh = std::sync::Arc::new(stale_slugs(db).await?);
        let n = fresh.len();
        match self.0.write() {
            Ok(mut set) => *set = fresh,
            Err(poisoned) => *poisoned.into_inner() = fresh,
        }
        Ok(n)
    }
}
