//! The one guarded HTTP client for requests to hosts the project does not run (the evidence
//! checks): public addresses only, checked after DNS resolution and again on every redirect
//! (redirects are followed here, not by reqwest); limits on redirects, body size (streamed,
//! cut at the cap) and total time; no cookies, no proxy; a per-host concurrency limit; a
//! polite retry on 429/503 that honours `Retry-After` within a bound; a fixed User-Agent.
//!
//! It must not decide what an answer means: callers read the status, headers and body.

pub mod address;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};
use reqwest::{StatusCode, redirect};
use tokio::sync::Semaphore;
use url::Url;

pub use address::{GuardedResolver, RefusedAddresses, check_url, refusal};

/// The User-Agent of every outbound request: the project, its version, and what it does.
pub const USER_AGENT: &str = concat!(
    "floss-registry/",
    env!("CARGO_PKG_VERSION"),
    " (automated evidence checks of a free-software catalogue)"
);

/// The limits and trust of the client. `Default` gives the production values.
#[derive(Debug, Clone)]
pub struct OutboundSettings {
    /// Tests only: lets 127.0.0.1 and ::1 through (every other non-public range stays refused).
    pub allow_loopback: bool,
    /// PEM certificates trusted besides the system's roots (a test CA).
    pub extra_root_certificates: Vec<Vec<u8>>,
    /// Total time of one fetch, redirects and retries included.
    pub timeout: Duration,
    /// Largest body read by default (a fetch may ask for another cap).
    pub max_body_bytes: u64,
    pub max_redirects: usize,
    /// Requests in flight to one host (host and port) at once.
    pub per_host_concurrency: usize,
    /// Retries of a 429 or 503 answer, and the longest `Retry-After` honoured.
    pub max_retries: u32,
    pub max_retry_wait: Duration,
}

impl Default for OutboundSettings {
    fn default() -> Self {
        OutboundSettings {
            allow_loopback: false,
            extra_root_certificates: Vec::new(),
            timeout: Duration::from_secs(30),
            max_body_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
            per_host_concurrency: 2,
            max_retries: 2,
            max_retry_wait: Duration::from_secs(10),
        }
    }
}

/// Why a fetch failed. Each names the URL concerned.
#[derive(Debug, thiserror::Error)]
pub enum OutboundError {
    /// Not sent: a scheme, a credential or an address that is not allowed.
    #[error("{url}: refused: {reason}")]
    Refused { url: String, reason: String },
    /// Sent but no usable answer: DNS, connection, TLS, timeout, too many redirects, too big.
    #[error("{url}: {reason}")]
    Unreachable { url: String, reason: String },
    /// The client could not be built (a test CA that does not parse).
    #[error("outbound client: {0}")]
    Setup(String),
}

/// One answer, after redirects.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL asked for first.
    pub requested: Url,
    /// The URL that answered (after redirects).
    pub url: Url,
    /// Every URL redirected to, in order (empty without redirects).
    pub redirects: Vec<Url>,
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Fetched {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// What to fetch, with which extra headers and limits.
#[derive(Debug, Clone)]
pub struct Request {
    pub url: Url,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// Overrides the client's body cap (an APK is bigger than a page).
    pub max_body_bytes: Option<u64>,
    /// `false` answers the first redirect itself instead of following it.
    pub follow_redirects: bool,
}

impl Request {
    pub fn get(url: Url) -> Request {
        Request {
            url,
            headers: Vec::new(),
            max_body_bytes: None,
            follow_redirects: true,
        }
    }

    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Request {
        self.headers.push((name, value));
        self
    }

    pub fn max_body_bytes(mut self, cap: u64) -> Request {
        self.max_body_bytes = Some(cap);
        self
    }
}

/// The guarded client; cheap to clone (one connection pool, one set of per-host limits).
#[derive(Debug, Clone)]
pub struct Outbound {
    client: reqwest::Client,
    settings: Arc<OutboundSettings>,
    hosts: Arc<Mutex<HashMap<String, Arc<Semaphore>>>>,
}

impl Outbound {
    pub fn new(settings: OutboundSettings) -> Result<Outbound, OutboundError> {
        let mut certificates = Vec::new();
        for (i, pem) in settings.extra_root_certificates.iter().enumerate() {
            let certs = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
                OutboundError::Setup(format!("extra root certificate {}: {e}", i + 1))
            })?;
            certificates.extend(certs);
        }
        let builder = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .redirect(redirect::Policy::none())
            .no_proxy()
            .dns_resolver(GuardedResolver {
                allow_loopback: settings.allow_loopback,
            })
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout.min(Duration::from_secs(10)))
            .tls_certs_merge(certificates);
        let client = builder
            .build()
            .map_err(|e| OutboundError::Setup(chain(&e)))?;
        Ok(Outbound {
            client,
            settings: Arc::new(settings),
            hosts: Arc::new(Mutex::new(HashMap::new())),
        })
    }

    pub fn settings(&self) -> &OutboundSettings {
        &self.settings
    }

    /// GET one URL with the default limits.
    pub async fn get(&self, url: Url) -> Result<Fetched, OutboundError> {
        self.fetch(Request::get(url)).await
    }

    /// Fetches a request, following redirects (each hop checked again), within the total time.
    pub async fn fetch(&self, request: Request) -> Result<Fetched, OutboundError> {
        let requested = request.url.to_string();
        match tokio::time::timeout(self.settings.timeout, self.fetch_inner(request)).await {
            Ok(result) => result,
            Err(_) => Err(OutboundError::Unreachable {
                url: requested,
                reason: format!(
                    "no complete answer within {} s",
                    self.settings.timeout.as_secs_f32()
                ),
            }),
        }
    }

    async fn fetch_inner(&self, request: Request) -> Result<Fetched, OutboundError> {
        let cap = request
            .max_body_bytes
            .unwrap_or(self.settings.max_body_bytes);
        let first = request.url.clone();
        let mut url = request.url.clone();
        let mut headers = request.headers.clone();
        let mut redirects: Vec<Url> = Vec::new();
        loop {
            check_url(&url, self.settings.allow_loopback).map_err(|reason| {
                OutboundError::Refused {
                    url: url.to_string(),
                    reason,
                }
            })?;
            let permit = self.host_permit(&url).await;
            let response = self.send_with_retry(&url, &headers).await?;
            let status = response.status();
            if status.is_redirection()
                && request.follow_redirects
                && let Some(location) = response.headers().get(header::LOCATION).cloned()
            {
                drop(response);
                drop(permit);
                let next = location
                    .to_str()
                    .ok()
                    .and_then(|l| url.join(l).ok())
                    .ok_or_else(|| OutboundError::Unreachable {
                        url: url.to_string(),
                        reason: "a redirect to a Location that is not a URL".to_owned(),
                    })?;
                if next == first || redirects.contains(&next) {
                    return Err(OutboundError::Unreachable {
                        url: first.to_string(),
                        reason: format!("redirect loop (back to {next})"),
                    });
                }
                if redirects.len() >= self.settings.max_redirects {
                    return Err(OutboundError::Unreachable {
                        url: first.to_string(),
                        reason: format!(
                            "more than {} redirects (last to {next})",
                            self.settings.max_redirects
                        ),
                    });
                }
                // Credentials never follow a redirect to another origin.
                if next.origin() != url.origin() {
                    headers.retain(|(name, _)| !is_credential(name));
                }
                redirects.push(next.clone());
                url = next;
                continue;
            }
            let headers = response.headers().clone();
            let body = read_capped(response, cap, &url).await?;
            drop(permit);
            return Ok(Fetched {
                requested: first,
                url,
                redirects,
                status,
                headers,
                body,
            });
        }
    }

    async fn host_permit(&self, url: &Url) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let key = format!(
            "{}:{}",
            url.host_str().unwrap_or_default(),
            url.port_or_known_default().unwrap_or_default()
        );
        let semaphore = {
            let mut hosts = match self.hosts.lock() {
                Ok(hosts) => hosts,
                Err(poisoned) => poisoned.into_inner(),
            };
            hosts
                .entry(key)
                .or_insert_with(|| {
                    Arc::new(Semaphore::new(self.settings.per_host_concurrency.max(1)))
                })
                .clone()
        };
        semaphore.acquire_owned().await.ok()
    }

    async fn send_with_retry(
        &self,
        url: &Url,
        headers: &[(HeaderName, HeaderValue)],
    ) -> Result<reqwest::Response, OutboundError> {
        let mut attempt = 0;
        loop {
            let mut builder = self.client.get(url.clone());
            for (name, value) in headers {
                builder = builder.header(name, value);
            }
            let response = builder.send().await.map_err(|e| send_error(url, &e))?;
            let status = response.status();
            if (status == StatusCode::TOO_MANY_REQUESTS
                || status == StatusCode::SERVICE_UNAVAILABLE)
                && attempt < self.settings.max_retries
            {
                let wait = retry_after(response.headers()).unwrap_or(Duration::from_secs(1));
                if wait <= self.settings.max_retry_wait {
                    attempt += 1;
                    drop(response);
                    tokio::time::sleep(wait).await;
                    continue;
                }
            }
            return Ok(response);
        }
    }
}

fn is_credential(name: &HeaderName) -> bool {
    name == header::AUTHORIZATION
        || name == header::COOKIE
        || name.as_str().eq_ignore_ascii_case("private-token")
}

/// `Retry-After` as a delay: seconds, or an HTTP date (RFC 9110 §10.2.3).
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let delta = date.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(delta.to_std().unwrap_or(Duration::ZERO))
}

async fn read_capped(
    mut response: reqwest::Response,
    cap: u64,
    url: &Url,
) -> Result<Vec<u8>, OutboundError> {
    let too_big = || OutboundError::Unreachable {
        url: url.to_string(),
        reason: format!("the answer is larger than the {} bytes allowed", cap),
    };
    if response.content_length().is_some_and(|len| len > cap) {
        return Err(too_big());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| send_error(url, &e))? {
        if body.len() as u64 + chunk.len() as u64 > cap {
            return Err(too_big());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A reqwest error as a refusal (the resolver dropped every address) or as an unreachable
/// host, with the causes that say why (TLS, DNS, connection, timeout).
fn send_error(url: &Url, error: &reqwest::Error) -> OutboundError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if let Some(refused) = e.downcast_ref::<RefusedAddresses>() {
            return OutboundError::Refused {
                url: url.to_string(),
                reason: refused.to_string(),
            };
        }
        source = e.source();
    }
    let reason = if error.is_timeout() {
        "timed out".to_owned()
    } else {
        chain(error)
    };
    OutboundError::Unreachable {
        url: url.to_string(),
        reason,
    }
}

/// An error and its causes in one line, without the URL reqwest repeats in its own message.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        let text = e.to_string();
        let text = match text.find(" for url (") {
            Some(at) => text[..at].to_owned(),
            None => text,
        };
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = e.source();
    }
    parts.join(": ")
}
