//! Prometheus metrics of the server: requests by route and status, latencies, catalogue size.
//! Labels are route templates (`/api/v1/entries/{slug}`), never raw paths or queries.

use std::sync::atomic::AtomicU64;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

fn latency_histogram() -> Histogram {
    Histogram::new([
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    ])
}

pub struct Metrics {
    registry: Registry,
    pub requests: Family<RequestLabels, Counter>,
    pub latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    pub entries: Gauge<i64, std::sync::atomic::AtomicI64>,
    pub index_generation: Gauge<i64, std::sync::atomic::AtomicI64>,
    pub searches: Counter<u64, AtomicU64>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("floss_registry");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency: Family<RouteLabels, Histogram, fn() -> Histogram> =
            Family::new_with_constructor(latency_histogram);
        let entries = Gauge::default();
        let index_generation = Gauge::default();
        let searches = Counter::default();
        registry.register(
            "http_requests",
            "HTTP requests by method, route and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "HTTP request latency by route",
            latency.clone(),
        );
        registry.register("catalogue_entries", "Valid entries served", entries.clone());
        registry.register(
            "index_generation",
            "Commits made to the search index since it was built",
            index_generation.clone(),
        );
        registry.register(
            "searches",
            "Search queries answered (API)",
            searches.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            entries,
            index_generation,
            searches,
        }
    }
}

impl Metrics {
    pub fn set_catalogue(&self, entries: usize, generation: u64) {
        self.entries.set(i64::try_from(entries).unwrap_or(i64::MAX));
        self.index_generation
            .set(i64::try_from(generation).unwrap_or(i64::MAX));
    }

    /// The metrics in the Prometheus text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}
