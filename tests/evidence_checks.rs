//! The automated evidence checks (forge, website, apk) and their guarded outbound client, all
//! on loopback.
//!
//! - The forge APIs cannot run here: `github_api`, `gitlab_api` and `forgejo_api` are
//!   stand-ins that answer the requests the check makes with the documented JSON fields of
//!   GitHub REST v3 (https://docs.github.com/en/rest/repos/repos#get-a-repository,
//!   .../releases/releases#get-the-latest-release, .../repos/contents#get-repository-content),
//!   GitLab v4 (https://docs.gitlab.com/api/projects/#get-a-single-project, /api/releases/,
//!   /api/repository_files/) and Forgejo/Gitea v1 (https://codeberg.org/api/swagger:
//!   `repoGet`, `repoGetLatestRelease`, `repoGetContents`). Only the fields the check reads
//!   are filled in.
//! - Websites are served by the tests over HTTPS with a test CA made here (rcgen), plain HTTP
//!   and TLS on the same port.
//! - The APK is assembled here from smali sources with Debian's smali (`libsmali-java`).

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use chrono::Utc;
use floss_registry::evidence::checks::{ApkInput, Checker, CheckerSettings, TrackerSignatures};
use floss_registry::evidence::{CheckError, EvidenceSource, Observation};
use floss_registry::model::{Entry, Status};
use floss_registry::outbound::{GuardedResolver, Outbound, OutboundError, OutboundSettings};
use reqwest::dns::Resolve;
use serde_json::json;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls;

// ---------------------------------------------------------------------------------------
// Loopback servers

/// A test CA and a certificate for 127.0.0.1 and localhost signed by it.
struct TestCa {
    ca_pem: String,
    server: Arc<rustls::ServerConfig>,
}

fn test_ca() -> TestCa {
    let ca_key = rcgen::KeyPair::generate().expect("CA key");
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "floss-registry test CA");
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).expect("CA");
    let leaf_key = rcgen::KeyPair::generate().expect("leaf key");
    let leaf_params =
        rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .expect("leaf params");
    let leaf = leaf_params.signed_by(&leaf_key, &ca).expect("leaf");
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into());
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone()], key)
        .expect("server config");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    TestCa {
        ca_pem: ca.pem(),
        server: Arc::new(config),
    }
}

/// Serves `router` on 127.0.0.1: plain HTTP, and TLS on the same port when `tls` is given
/// (a connection starting with a TLS handshake byte is served over TLS).
async fn serve(router: Router, tls: Option<Arc<rustls::ServerConfig>>) -> SocketAddr {
    serve_with(router, tls, false).await
}

/// Like `serve`; with `redirect_plain`, plain-HTTP requests are redirected to https on the
/// same host and port, as a web server configured to do so.
async fn serve_with(
    router: Router,
    tls: Option<Arc<rustls::ServerConfig>>,
    redirect_plain: bool,
) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let router = router.clone();
            let tls = tls.clone();
            tokio::spawn(async move {
                let mut first = [0u8; 1];
                let is_tls = tls.is_some()
                    && matches!(stream.peek(&mut first).await, Ok(1) if first[0] == 0x16);
                let http = hyper::server::conn::http1::Builder::new();
                if is_tls {
                    let Some(config) = tls else { return };
                    let service = hyper_util::service::TowerToHyperService::new(router);
                    if let Ok(stream) = TlsAcceptor::from(config).accept(stream).await {
                        let _ = http
                            .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                            .await;
                    }
                } else {
                    let router = if redirect_plain { to_https() } else { router };
                    let service = hyper_util::service::TowerToHyperService::new(router);
                    let _ = http
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                        .await;
                }
            });
        }
    });
    addr
}

/// Every request redirected to https on the same host and port.
fn to_https() -> Router {
    Router::new().fallback(|headers: HeaderMap, uri: axum::http::Uri| async move {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        Redirect::permanent(&format!("https://{host}{}", uri.path()))
    })
}

fn settings(ca: Option<&TestCa>) -> CheckerSettings {
    CheckerSettings {
        allow_loopback: true,
        extra_root_certificates: ca
            .map(|c| vec![c.ca_pem.as_bytes().to_vec()])
            .unwrap_or_default(),
        timeout: Some(Duration::from_secs(5)),
        max_body_bytes: Some(1024 * 1024),
        ..CheckerSettings::default()
    }
}

fn outbound(allow_loopback: bool) -> Outbound {
    Outbound::new(OutboundSettings {
        allow_loopback,
        timeout: Duration::from_secs(5),
        max_body_bytes: 1024 * 1024,
        max_redirects: 3,
        max_retry_wait: Duration::from_secs(2),
        ..OutboundSettings::default()
    })
    .expect("client")
}

/// An entry as the data files write it.
fn entry(slug: &str, kinds: &str, homepage: &str, repository: &str, license: &str) -> Entry {
    let text = format!(
        r#"slug = "{slug}"
name = "{slug}"
kinds = {kinds}
homepage = "{homepage}"
repository = "{repository}"
license = "{license}"
categories = ["messaging"]
platforms = ["linux"]
self_hostable = false
added = "2026-01-01"
summary = {{ fr = "Résumé.", en = "Summary." }}
description = {{ fr = "Description.", en = "Description." }}
assessment = {{}}
review = {{ status = "community" }}
"#
    );
    toml::from_str(&text).expect("test entry")
}

fn finding<'a>(
    obs: &'a Observation,
    criterion: &str,
) -> Option<&'a floss_registry::evidence::Finding> {
    obs.findings.iter().find(|f| f.criterion == criterion)
}

fn days_ago(days: i64) -> String {
    (Utc::now() - chrono::Duration::days(days)).to_rfc3339()
}

// ---------------------------------------------------------------------------------------
// The guarded client

#[tokio::test]
async fn private_and_loopback_addresses_are_refused_before_anything_is_sent() {
    let addr = serve(Router::new().route("/", get(|| async { "hello" })), None).await;
    let client = outbound(false);
    for url in [
        format!("http://{addr}/"),
        "http://10.0.0.1/".to_owned(),
        "http://169.254.169.254/latest/meta-data/".to_owned(),
        "http://[::1]/".to_owned(),
        format!("http://localhost:{}/", addr.port()),
    ] {
        let err = client
            .get(url.parse().expect("url"))
            .await
            .expect_err("refused");
        assert!(matches!(err, OutboundError::Refused { .. }), "{url}: {err}");
    }
    // The same server is reachable when tests allow loopback.
    let fetched = outbound(true)
        .get(format!("http://{addr}/").parse().expect("url"))
        .await
        .expect("loopback allowed");
    assert_eq!(fetched.body, b"hello");
}

#[tokio::test]
async fn the_resolver_drops_non_public_addresses_after_resolution() {
    let refusing = GuardedResolver {
        allow_loopback: false,
    };
    let err = match refusing.resolve("localhost".parse().expect("name")).await {
        Ok(_) => panic!("localhost must resolve to nothing usable"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("localhost resolves only to addresses the checks may not reach"),
        "{err}"
    );
    assert!(err.contains("127.0.0.1 is a loopback address"), "{err}");
    let allowing = GuardedResolver {
        allow_loopback: true,
    };
    let addrs: Vec<SocketAddr> = match allowing.resolve("localhost".parse().expect("name")).await {
        Ok(addrs) => addrs.collect(),
        Err(e) => panic!("{e}"),
    };
    assert!(
        !addrs.is_empty() && addrs.iter().all(|a| a.ip().is_loopback()),
        "{addrs:?}"
    );
}

#[tokio::test]
async fn a_redirect_to_a_private_address_is_refused_on_that_hop() {
    let router = Router::new().route(
        "/",
        get(|| async { Redirect::temporary("http://192.168.1.1/admin") }),
    );
    let addr = serve(router, None).await;
    let err = outbound(true)
        .get(format!("http://{addr}/").parse().expect("url"))
        .await
        .expect_err("refused");
    match err {
        OutboundError::Refused { url, reason } => {
            assert_eq!(url, "http://192.168.1.1/admin");
            assert!(reason.contains("private address"), "{reason}");
        }
        other => panic!("{other}"),
    }
}

#[tokio::test]
async fn redirects_are_followed_within_the_limit_and_loops_are_named() {
    let router = Router::new()
        .route("/a", get(|| async { Redirect::temporary("/b") }))
        .route("/b", get(|| async { Redirect::permanent("/c") }))
        .route("/c", get(|| async { "arrived" }))
        .route("/loop1", get(|| async { Redirect::temporary("/loop2") }))
        .route("/loop2", get(|| async { Redirect::temporary("/loop1") }))
        .route(
            "/far/{n}",
            get(|n: axum::extract::Path<u32>| async move {
                Redirect::temporary(&format!("/far/{}", n.0 + 1))
            }),
        )
        .route(
            "/ftp",
            get(|| async { Redirect::temporary("ftp://example.org/file") }),
        );
    let addr = serve(router, None).await;
    let client = outbound(true);
    let fetched = client
        .get(format!("http://{addr}/a").parse().expect("url"))
        .await
        .expect("followed");
    assert_eq!(fetched.body, b"arrived");
    assert_eq!(fetched.redirects.len(), 2);
    assert_eq!(fetched.url.path(), "/c");

    let err = client
        .get(format!("http://{addr}/loop1").parse().expect("url"))
        .await
        .expect_err("loop");
    assert!(err.to_string().contains("redirect loop"), "{err}");
    let err = client
        .get(format!("http://{addr}/far/0").parse().expect("url"))
        .await
        .expect_err("too many");
    assert!(err.to_string().contains("more than 3 redirects"), "{err}");
    let err = client
        .get(format!("http://{addr}/ftp").parse().expect("url"))
        .await
        .expect_err("scheme");
    assert!(
        matches!(&err, OutboundError::Refused { reason, .. } if reason.contains("scheme `ftp`")),
        "{err}"
    );
}

#[tokio::test]
async fn a_50_mb_page_is_cut_at_the_cap_with_a_clear_error() {
    // A raw server that streams 50 MB without a Content-Length (read until the connection
    // closes), so the cap is enforced while reading, not from a header.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut request = [0u8; 1024];
                let _ = stream.read(&mut request).await;
                let _ = stream
                    .write_all(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n",
                    )
                    .await;
                let chunk = vec![b'x'; 1024 * 1024];
                for _ in 0..50 {
                    if stream.write_all(&chunk).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    let err = outbound(true)
        .get(format!("http://{addr}/big").parse().expect("url"))
        .await
        .expect_err("too big");
    match err {
        OutboundError::Unreachable { reason, .. } => {
            assert!(
                reason.contains("larger than the 1048576 bytes allowed"),
                "{reason}"
            )
        }
        other => panic!("{other}"),
    }
}

#[tokio::test]
async fn a_429_is_retried_after_the_time_it_asks_for() {
    let hits = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = hits.clone();
    let router = Router::new().route(
        "/",
        get(move || {
            let counter = counter.clone();
            async move {
                if counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
                    (
                        StatusCode::TOO_MANY_REQUESTS,
                        [(header::RETRY_AFTER, "1")],
                        "slow down",
                    )
                        .into_response()
                } else {
                    "ok".into_response()
                }
            }
        }),
    );
    let addr = serve(router, None).await;
    let started = std::time::Instant::now();
    let fetched = outbound(true)
        .get(format!("http://{addr}/").parse().expect("url"))
        .await
        .expect("retried");
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 2);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn requests_carry_the_project_user_agent_and_no_cookies_are_kept() {
    let router = Router::new()
        .route(
            "/set",
            get(|| async { ([(header::SET_COOKIE, "session=abc; Path=/")], "set") }),
        )
        .route(
            "/echo",
            get(|headers: HeaderMap| async move {
                format!(
                    "ua={} cookie={}",
                    headers
                        .get(header::USER_AGENT)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or(""),
                    headers
                        .get(header::COOKIE)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                )
            }),
        );
    let addr = serve(router, None).await;
    let client = outbound(true);
    client
        .get(format!("http://{addr}/set").parse().expect("url"))
        .await
        .expect("set");
    let echoed = client
        .get(format!("http://{addr}/echo").parse().expect("url"))
        .await
        .expect("echo")
        .text();
    assert!(echoed.starts_with("ua=floss-registry/"), "{echoed}");
    assert!(echoed.ends_with("cookie="), "{echoed}");
}

#[tokio::test]
async fn a_dead_host_is_unreachable_with_its_url() {
    // Bind then drop: nothing listens on that port any more.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let err = outbound(true)
        .get(format!("http://127.0.0.1:{port}/").parse().expect("url"))
        .await
        .expect_err("dead");
    match err {
        OutboundError::Unreachable { url, reason } => {
            assert_eq!(url, format!("http://127.0.0.1:{port}/"));
            assert!(!reason.is_empty());
        }
        other => panic!("{other}"),
    }
}

// ---------------------------------------------------------------------------------------
// Forge stand-ins (documented answers, see the module comment)

async fn github_api(
    archived: bool,
    pushed_days_ago: i64,
    release_days_ago: Option<i64>,
    security: bool,
) -> SocketAddr {
    let pushed = days_ago(pushed_days_ago);
    let router = Router::new()
        .route(
            "/repos/acme/rocket",
            get(move |headers: HeaderMap| {
                let pushed = pushed.clone();
                async move {
                    // The check asks for the documented media type and API version.
                    assert_eq!(headers.get("accept").and_then(|v| v.to_str().ok()), Some("application/vnd.github+json"));
                    assert_eq!(headers.get("x-github-api-version").and_then(|v| v.to_str().ok()), Some("2022-11-28"));
                    axum::Json(json!({
                        "id": 1, "name": "rocket", "full_name": "acme/rocket", "private": false,
                        "html_url": "https://github.com/acme/rocket", "archived": archived,
                        "default_branch": "main", "pushed_at": pushed, "updated_at": pushed,
                        "visibility": "public",
                        "license": {"key": "gpl-3.0", "name": "GNU General Public License v3.0", "spdx_id": "GPL-3.0", "url": "https://api.github.com/licenses/gpl-3.0"}
                    }))
                }
            }),
        )
        .route(
            "/repos/acme/rocket/releases/latest",
            get(move || async move {
                match release_days_ago {
                    Some(d) => axum::Json(json!({
                        "tag_name": "v2.1.0", "name": "2.1.0", "draft": false, "prerelease": false,
                        "published_at": days_ago(d),
                        "html_url": "https://github.com/acme/rocket/releases/tag/v2.1.0"
                    })).into_response(),
                    None => (StatusCode::NOT_FOUND, axum::Json(json!({"message": "Not Found", "documentation_url": "https://docs.github.com/rest/releases/releases#get-the-latest-release"}))).into_response(),
                }
            }),
        )
        .route(
            "/repos/acme/rocket/contents/{*path}",
            get(move |axum::extract::Path(path): axum::extract::Path<String>| async move {
                if security && path == ".github/SECURITY.md" {
                    axum::Json(json!({
                        "type": "file", "name": "SECURITY.md", "path": ".github/SECURITY.md",
                        "html_url": "https://github.com/acme/rocket/blob/main/.github/SECURITY.md"
                    })).into_response()
                } else {
                    (StatusCode::NOT_FOUND, axum::Json(json!({"message": "Not Found"}))).into_response()
                }
            }),
        )
        .route("/repos/acme/broken", get(|| async { ([(header::CONTENT_TYPE, "application/json")], "{\"archived\": tru") }))
        .route("/repos/acme/down", get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "oops") }));
    serve(router, None).await
}

fn forge_checker(host: &str, addr: SocketAddr) -> Checker {
    let mut s = settings(None);
    s.api_base_overrides
        .insert(host.to_owned(), format!("http://{addr}"));
    Checker::new(s).expect("checker")
}

#[tokio::test]
async fn github_active_repository_with_release_licence_and_policy_gives_evidence() {
    let addr = github_api(false, 10, Some(30), true).await;
    let checker = forge_checker("github.com", addr);
    let e = entry(
        "rocket",
        "[\"desktop\"]",
        "https://rocket.example.org",
        "https://github.com/acme/rocket",
        "GPL-3.0-or-later",
    );
    let obs = checker
        .check(EvidenceSource::Forge, &e, None)
        .await
        .expect("observation");
    assert_eq!(obs.url, "https://github.com/acme/rocket");
    assert_eq!(obs.stale, Some(false));
    assert_eq!(obs.raw["archived"], json!(false));
    assert_eq!(obs.raw["licence_detected"], json!("GPL-3.0"));
    let maintained = finding(&obs, "maintained").expect("maintained");
    assert_eq!(maintained.status, Status::Met);
    assert_eq!(
        maintained.evidence,
        "https://github.com/acme/rocket/releases/tag/v2.1.0"
    );
    assert!(maintained.note.en.contains("v2.1.0") && maintained.note.fr.contains("v2.1.0"));
    assert_eq!(
        finding(&obs, "licence").expect("licence").status,
        Status::Met
    );
    let policy = finding(&obs, "vulnerability-disclosure").expect("policy");
    assert_eq!(policy.status, Status::Partial);
    assert_eq!(
        policy.evidence,
        "https://github.com/acme/rocket/blob/main/.github/SECURITY.md"
    );
    assert_eq!(
        finding(&obs, "source-available").expect("source").status,
        Status::Met
    );
}

#[tokio::test]
async fn an_archived_repository_is_not_maintained_and_old_activity_is_stale() {
    let addr = github_api(true, 800, None, false).await;
    let checker = forge_checker("github.com", addr);
    let e = entry(
        "rocket",
        "[\"desktop\"]",
        "https://rocket.example.org",
        "https://github.com/acme/rocket",
        "MIT",
    );
    let obs = checker
        .check(EvidenceSource::Forge, &e, None)
        .await
        .expect("observation");
    assert_eq!(obs.stale, Some(true));
    let maintained = finding(&obs, "maintained").expect("maintained");
    assert_eq!(maintained.status, Status::NotMet);
    assert!(maintained.note.en.contains("archived"));
    // The forge found GPL-3.0 but the entry says MIT: no licence finding either way.
    assert!(finding(&obs, "licence").is_none());
    assert!(finding(&obs, "vulnerability-disclosure").is_none());
    assert!(
        finding(&obs, "source-available").is_none(),
        "no release, no tag to show"
    );
}

#[tokio::test]
async fn forge_faults_are_located_errors() {
    let addr = github_api(false, 1, None, false).await;
    let checker = forge_checker("github.com", addr);
    let check = |repo: &str| {
        let e = entry("x", "[\"cli\"]", "https://x.example.org", repo, "MIT");
        let checker = checker.clone();
        async move { checker.check(EvidenceSource::Forge, &e, None).await }
    };
    let err = check("https://github.com/acme/broken")
        .await
        .expect_err("malformed");
    assert!(
        matches!(&err, CheckError::Malformed { what, reason } if what.contains("/repos/acme/broken") && reason.contains("not JSON")),
        "{err}"
    );
    let err = check("https://github.com/acme/down")
        .await
        .expect_err("500");
    assert!(
        matches!(&err, CheckError::Unreachable { reason, .. } if reason.contains("500")),
        "{err}"
    );
    let err = check("https://github.com/acme/missing")
        .await
        .expect_err("404");
    assert!(
        err.to_string().contains("does not exist or is not public"),
        "{err}"
    );
    let err = check("https://github.com/acme").await.expect_err("org");
    assert!(
        matches!(&err, CheckError::NotApplicable(m) if m.contains("organisation or user page")),
        "{err}"
    );
    let err = check("https://git.example.org/acme/rocket")
        .await
        .expect_err("unknown forge");
    assert!(matches!(err, CheckError::NotApplicable(_)));
}

#[tokio::test]
async fn gitlab_project_is_read_through_its_v4_api() {
    let active = days_ago(5);
    let router = Router::new()
        .route(
            // `group/tool` URL-encoded as the documented `:id`.
            "/api/v4/projects/{id}",
            get(move |axum::extract::Path(id): axum::extract::Path<String>, q: axum::extract::RawQuery| {
                let active = active.clone();
                async move {
                    assert_eq!(id, "group/tool", "the path arrives decoded by the router");
                    assert_eq!(q.0.as_deref(), Some("license=true"));
                    axum::Json(json!({
                        "id": 42, "path_with_namespace": "group/tool", "web_url": "https://gitlab.com/group/tool",
                        "default_branch": "main", "visibility": "public", "archived": false,
                        "last_activity_at": active,
                        "license": {"key": "agpl-3.0", "name": "GNU Affero General Public License v3.0", "nickname": "GNU AGPLv3"}
                    }))
                }
            }),
        )
        .route(
            "/api/v4/projects/{id}/releases",
            get(|| async { axum::Json(json!([{"tag_name": "v1.0", "name": "1.0", "released_at": days_ago(400)}])) }),
        )
        .route(
            "/api/v4/projects/{id}/repository/files/{file}",
            get(|axum::extract::Path((_, file)): axum::extract::Path<(String, String)>| async move {
                if file == "SECURITY.md" {
                    axum::Json(json!({"file_name": "SECURITY.md", "file_path": "SECURITY.md", "ref": "main"})).into_response()
                } else {
                    (StatusCode::NOT_FOUND, axum::Json(json!({"message": "404 File Not Found"}))).into_response()
                }
            }),
        );
    let addr = serve(router, None).await;
    let checker = forge_checker("gitlab.com", addr);
    let e = entry(
        "tool",
        "[\"server\"]",
        "https://tool.example.org",
        "https://gitlab.com/group/tool",
        "AGPL-3.0-only",
    );
    let obs = checker
        .check(EvidenceSource::Forge, &e, None)
        .await
        .expect("observation");
    assert_eq!(obs.stale, Some(false));
    // Activity within twelve months but the last release is older: partial.
    let maintained = finding(&obs, "maintained").expect("maintained");
    assert_eq!(maintained.status, Status::Partial);
    assert_eq!(
        finding(&obs, "licence").expect("licence").status,
        Status::Met
    );
    assert_eq!(
        finding(&obs, "vulnerability-disclosure")
            .expect("policy")
            .evidence,
        "https://gitlab.com/group/tool/-/blob/main/SECURITY.md"
    );
    assert_eq!(
        finding(&obs, "source-available").expect("source").evidence,
        "https://gitlab.com/group/tool/-/releases/v1.0"
    );
}

#[tokio::test]
async fn codeberg_repository_is_read_through_the_forgejo_api_with_its_token() {
    let recent = days_ago(3);
    let router = Router::new()
        .route(
            "/api/v1/repos/owner/app",
            get(move |headers: HeaderMap| {
                let recent = recent.clone();
                async move {
                    assert_eq!(headers.get("authorization").and_then(|v| v.to_str().ok()), Some("token s3cret"));
                    axum::Json(json!({
                        "id": 7, "full_name": "owner/app", "html_url": "https://codeberg.org/owner/app",
                        "private": false, "archived": false, "default_branch": "main",
                        "updated_at": recent, "licenses": ["MPL-2.0"]
                    }))
                }
            }),
        )
        .route(
            "/api/v1/repos/owner/app/releases/latest",
            get(|| async { axum::Json(json!({"tag_name": "v3", "published_at": days_ago(20), "html_url": "https://codeberg.org/owner/app/releases/tag/v3"})) }),
        )
        .route("/api/v1/repos/owner/app/contents/{*path}", get(|| async { StatusCode::NOT_FOUND }));
    let addr = serve(router, None).await;
    let mut s = settings(None);
    s.api_base_overrides
        .insert("codeberg.org".to_owned(), format!("http://{addr}"));
    s.forgejo_token = Some("s3cret".to_owned());
    let checker = Checker::new(s).expect("checker");
    let e = entry(
        "app",
        "[\"mobile\"]",
        "https://app.example.org",
        "https://codeberg.org/owner/app",
        "MPL-2.0",
    );
    let obs = checker
        .check(EvidenceSource::Forge, &e, None)
        .await
        .expect("observation");
    assert_eq!(
        finding(&obs, "maintained").expect("maintained").status,
        Status::Met
    );
    assert_eq!(
        finding(&obs, "licence").expect("licence").status,
        Status::Met
    );
    assert!(finding(&obs, "vulnerability-disclosure").is_none());
}

// ---------------------------------------------------------------------------------------
// Websites

fn site(html: &'static str, security_txt: Option<String>, hsts: bool) -> Router {
    Router::new()
        .route(
            "/",
            get(move || async move {
                let mut response = ([(header::CONTENT_TYPE, "text/html")], html).into_response();
                if hsts {
                    response.headers_mut().insert(
                        "strict-transport-security",
                        "max-age=63072000".parse().expect("header"),
                    );
                }
                response
            }),
        )
        .route(
            "/.well-known/security.txt",
            get(move || {
                let body = security_txt.clone();
                async move {
                    match body {
                        Some(text) => text.into_response(),
                        None => StatusCode::NOT_FOUND.into_response(),
                    }
                }
            }),
        )
}

const CLEAN_PAGE: &str = r#"<!doctype html><html><head><title>Clean</title>
<link rel="stylesheet" href="/style.css"></head>
<body><h1>Clean</h1><a href="/privacy">Privacy policy</a></body></html>"#;

const TRACKED_PAGE: &str = r#"<!doctype html><html><head><title>Tracked</title>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST"></script>
<script src="https://www.google-analytics.com/analytics.js"></script>
<link rel="preconnect" href="https://connect.facebook.net">
</head><body><img src="https://cdn.example.net/logo.png"></body></html>"#;

#[tokio::test]
async fn a_clean_website_over_https_gives_partial_evidence_only() {
    let ca = test_ca();
    let txt = format!(
        "Contact: mailto:security@example.org\nExpires: {}\n",
        (Utc::now() + chrono::Duration::days(90)).to_rfc3339()
    );
    let addr = serve_with(
        site(CLEAN_PAGE, Some(txt), true),
        Some(ca.server.clone()),
        true,
    )
    .await;
    let checker = Checker::new(settings(Some(&ca))).expect("checker");
    let e = entry(
        "clean",
        "[\"web\"]",
        &format!("https://127.0.0.1:{}/", addr.port()),
        "https://github.com/a/b",
        "MIT",
    );
    let obs = checker
        .check(EvidenceSource::Website, &e, None)
        .await
        .expect("observation");
    assert_eq!(obs.raw["https"]["ok"], json!(true));
    assert_eq!(obs.raw["trackers"], json!([]));
    let transport = finding(&obs, "transport-security").expect("transport");
    assert_eq!(
        transport.status,
        Status::Partial,
        "never more than partial from one page"
    );
    assert!(
        transport.note.en.contains("HSTS max-age=63072000"),
        "{}",
        transport.note.en
    );
    assert!(transport.note.en.contains("website only"));
    assert!(
        transport.note.en.contains("http:// redirects to https://"),
        "{}",
        transport.note.en
    );
    assert_eq!(
        finding(&obs, "vulnerability-disclosure")
            .expect("security.txt")
            .status,
        Status::Partial
    );
    let privacy = finding(&obs, "privacy-notice").expect("privacy");
    assert_eq!(
        privacy.evidence,
        format!("https://127.0.0.1:{}/privacy", addr.port())
    );
    assert!(
        finding(&obs, "no-trackers").is_none(),
        "absence on one page is no finding"
    );
}

#[tokio::test]
async fn trackers_loaded_by_a_web_page_are_named_from_the_exodus_list() {
    let ca = test_ca();
    let expired =
        "Contact: mailto:security@example.org\nExpires: 2020-01-01T00:00:00Z\n".to_owned();
    let addr = serve(
        site(TRACKED_PAGE, Some(expired), false),
        Some(ca.server.clone()),
    )
    .await;
    let checker = Checker::new(settings(Some(&ca))).expect("checker");
    let e = entry(
        "tracked",
        "[\"web\"]",
        &format!("https://127.0.0.1:{}/", addr.port()),
        "https://github.com/a/b",
        "MIT",
    );
    let obs = checker
        .check(EvidenceSource::Website, &e, None)
        .await
        .expect("observation");
    let hosts = obs.raw["third_party_hosts"]
        .as_array()
        .expect("hosts")
        .len();
    assert_eq!(hosts, 4, "{}", obs.raw["third_party_hosts"]);
    assert_eq!(
        obs.raw["http"]["redirects_to_https"],
        json!(false),
        "this site answers plain HTTP"
    );
    let no_trackers = finding(&obs, "no-trackers").expect("no-trackers");
    assert_eq!(no_trackers.status, Status::NotMet);
    assert!(
        no_trackers
            .note
            .en
            .contains("Google Analytics (www.google-analytics.com)"),
        "{}",
        no_trackers.note.en
    );
    assert!(
        !no_trackers.note.en.contains("cdn.example.net"),
        "a host not on the list is not a tracker"
    );
    assert_eq!(
        finding(&obs, "analytics").expect("analytics").status,
        Status::NotMet
    );
    // An expired security.txt counts as absent.
    assert!(finding(&obs, "vulnerability-disclosure").is_none());
    assert!(
        obs.raw["security_txt"]["problem"]
            .as_str()
            .expect("problem")
            .contains("expired")
    );
    // The same page for desktop software speaks of the website only: no tracker finding.
    let desktop = entry(
        "tracked",
        "[\"desktop\"]",
        &e.homepage,
        "https://github.com/a/b",
        "MIT",
    );
    let obs = checker
        .check(EvidenceSource::Website, &desktop, None)
        .await
        .expect("observation");
    assert!(
        finding(&obs, "no-trackers").is_none() && finding(&obs, "transport-security").is_none()
    );
}

#[tokio::test]
async fn an_untrusted_certificate_is_observed_as_such() {
    let ca = test_ca();
    let addr = serve(site(CLEAN_PAGE, None, true), Some(ca.server.clone())).await;
    // The checker does not trust the test CA.
    let checker = Checker::new(settings(None)).expect("checker");
    let e = entry(
        "badcert",
        "[\"web\"]",
        &format!("https://127.0.0.1:{}/", addr.port()),
        "https://github.com/a/b",
        "MIT",
    );
    let obs = checker
        .check(EvidenceSource::Website, &e, None)
        .await
        .expect("observation");
    assert_eq!(obs.raw["https"]["ok"], json!(false));
    assert!(
        obs.raw["https"]["error"]
            .as_str()
            .expect("error")
            .to_lowercase()
            .contains("certificate"),
        "{}",
        obs.raw
    );
    assert_eq!(
        finding(&obs, "transport-security")
            .expect("transport")
            .status,
        Status::NotMet
    );
}

#[tokio::test]
async fn website_faults_are_located_errors() {
    let router = Router::new()
        .route(
            "/",
            get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "down") }),
        )
        .route("/loop", get(|| async { Redirect::temporary("/loop") }));
    let ca = test_ca();
    let addr = serve(router, Some(ca.server.clone())).await;
    let checker = Checker::new(settings(Some(&ca))).expect("checker");
    let check = |home: String| {
        let checker = checker.clone();
        async move {
            let e = entry("w", "[\"web\"]", &home, "https://github.com/a/b", "MIT");
            checker.check(EvidenceSource::Website, &e, None).await
        }
    };
    let err = check(format!("https://127.0.0.1:{}/", addr.port()))
        .await
        .expect_err("500");
    assert!(err.to_string().contains("answered 500"), "{err}");
    let err = check(format!("https://127.0.0.1:{}/loop", addr.port()))
        .await
        .expect_err("loop");
    assert!(err.to_string().contains("redirect loop"), "{err}");
    // Refused without allow_loopback.
    let strict = Checker::new(CheckerSettings::default()).expect("checker");
    let e = entry(
        "w",
        "[\"web\"]",
        &format!("https://127.0.0.1:{}/", addr.port()),
        "https://github.com/a/b",
        "MIT",
    );
    let err = strict
        .check(EvidenceSource::Website, &e, None)
        .await
        .expect_err("refused");
    assert!(matches!(err, CheckError::Refused { .. }), "{err}");
}

// ---------------------------------------------------------------------------------------
// APK

/// Assembles smali sources into a classes.dex with Debian's smali, then zips an APK.
fn build_apk(dir: &Path, classes: &[(&str, &str)]) -> std::path::PathBuf {
    let src = dir.join("smali");
    std::fs::create_dir_all(&src).expect("smali dir");
    for (i, (name, body)) in classes.iter().enumerate() {
        std::fs::write(
            src.join(format!("C{i}.smali")),
            format!(".class public L{name};\n.super Ljava/lang/Object;\n{body}\n"),
        )
        .expect("smali source");
    }
    let dex = dir.join("classes.dex");
    let jar = "/usr/share/java/smali.jar";
    assert!(
        Path::new(jar).exists(),
        "{jar} is missing: install Debian's smali with `apt-get install libsmali-java` (scripts/test does)"
    );
    let out = std::process::Command::new("java")
        .args(["-jar", jar, "assemble", "-o"])
        .arg(&dex)
        .arg(&src)
        .output()
        .expect("java runs (it comes with libsmali-java)");
    assert!(
        out.status.success(),
        "smali failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let apk = dir.join("app.apk");
    let file = std::fs::File::create(&apk).expect("apk file");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("AndroidManifest.xml", options)
        .expect("manifest");
    std::io::Write::write_all(&mut zip, b"\x03\x00\x08\x00").expect("manifest bytes");
    zip.start_file("classes.dex", options).expect("dex entry");
    std::io::Write::write_all(&mut zip, &std::fs::read(&dex).expect("dex")).expect("dex bytes");
    zip.finish().expect("zip");
    apk
}

const CONSTRUCTOR: &str = ".method public constructor <init>()V\n    .registers 1\n    invoke-direct {p0}, Ljava/lang/Object;-><init>()V\n    return-void\n.end method";

#[tokio::test]
async fn an_apk_with_tracker_code_is_reported_with_exodus_caveat() {
    let dir = tempfile::tempdir().expect("tempdir");
    let apk = build_apk(
        dir.path(),
        &[
            ("org/example/app/MainActivity", CONSTRUCTOR),
            ("com/google/firebase/analytics/FirebaseAnalytics", ""),
            ("com/facebook/ads/AdView", ""),
        ],
    );
    let checker = Checker::new(settings(None)).expect("checker");
    let e = entry(
        "app",
        "[\"mobile\"]",
        "https://app.example.org",
        "https://github.com/a/app",
        "MIT",
    );
    let obs = checker
        .check(EvidenceSource::Apk, &e, Some(&ApkInput::File(apk)))
        .await
        .expect("observation");
    assert_eq!(obs.raw["classes"], json!(3));
    let names: Vec<&str> = obs.raw["trackers"]
        .as_array()
        .expect("trackers")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert!(names.contains(&"Google Firebase Analytics"), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("Facebook")), "{names:?}");
    let f = finding(&obs, "no-trackers").expect("no-trackers");
    assert_eq!(f.status, Status::NotMet);
    assert!(
        f.note.en.contains("does not prove that it is active")
            && f.note.fr.contains("n'implique pas")
    );
    assert!(
        f.evidence
            .starts_with("https://reports.exodus-privacy.eu.org/en/trackers/")
    );
}

#[tokio::test]
async fn a_clean_apk_downloaded_over_https_is_partial_evidence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let apk = build_apk(dir.path(), &[("org/example/clean/Main", CONSTRUCTOR)]);
    let bytes = std::fs::read(&apk).expect("apk");
    let ca = test_ca();
    let router = Router::new().route(
        "/app.apk",
        get(move || {
            let bytes = bytes.clone();
            async move { bytes }
        }),
    );
    let addr = serve(router, Some(ca.server.clone())).await;
    let checker = Checker::new(settings(Some(&ca))).expect("checker");
    let e = entry(
        "clean",
        "[\"mobile\"]",
        "https://app.example.org",
        "https://github.com/a/app",
        "MIT",
    );
    let url = format!("https://127.0.0.1:{}/app.apk", addr.port());
    let obs = checker
        .check(EvidenceSource::Apk, &e, Some(&ApkInput::Url(url.clone())))
        .await
        .expect("observation");
    assert_eq!(obs.raw["trackers"], json!([]));
    let f = finding(&obs, "no-trackers").expect("no-trackers");
    assert_eq!(
        (f.status, f.evidence.as_str()),
        (Status::Partial, url.as_str())
    );
    assert!(f.note.en.contains("this Android build only"));
}

#[tokio::test]
async fn bad_apks_and_signature_lists_are_located_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let checker = Checker::new(settings(None)).expect("checker");
    let e = entry(
        "app",
        "[\"mobile\"]",
        "https://app.example.org",
        "https://github.com/a/app",
        "MIT",
    );
    let not_zip = dir.path().join("not-a-zip.apk");
    std::fs::write(&not_zip, b"this is a text file, not an APK").expect("write");
    let err = checker
        .check(EvidenceSource::Apk, &e, Some(&ApkInput::File(not_zip)))
        .await
        .expect_err("not a zip");
    assert!(
        matches!(&err, CheckError::Malformed { what, reason } if what.contains("not-a-zip.apk") && reason.contains("not a zip")),
        "{err}"
    );

    // A zip without classes.dex.
    let empty = dir.path().join("empty.apk");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&empty).expect("file"));
    zip.start_file("README", zip::write::SimpleFileOptions::default())
        .expect("entry");
    zip.finish().expect("zip");
    let err = checker
        .check(EvidenceSource::Apk, &e, Some(&ApkInput::File(empty)))
        .await
        .expect_err("no dex");
    assert!(err.to_string().contains("no classes*.dex"), "{err}");

    // A zip whose classes.dex is garbage.
    let garbage = dir.path().join("garbage.apk");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&garbage).expect("file"));
    zip.start_file("classes.dex", zip::write::SimpleFileOptions::default())
        .expect("entry");
    std::io::Write::write_all(&mut zip, &[0u8; 200]).expect("bytes");
    zip.finish().expect("zip");
    let err = checker
        .check(EvidenceSource::Apk, &e, Some(&ApkInput::File(garbage)))
        .await
        .expect_err("bad dex");
    assert!(
        err.to_string().contains("classes.dex: no DEX magic number"),
        "{err}"
    );

    // No APK given, a file that does not exist.
    assert!(matches!(
        checker.check(EvidenceSource::Apk, &e, None).await,
        Err(CheckError::NotApplicable(_))
    ));
    let missing = checker
        .check(
            EvidenceSource::Apk,
            &e,
            Some(&ApkInput::File(dir.path().join("nope.apk"))),
        )
        .await;
    assert!(matches!(missing, Err(CheckError::Unreachable { .. })));

    // A signature list that does not parse.
    let err =
        TrackerSignatures::parse("exodus.json", "<html>rate limited</html>").expect_err("not json");
    assert!(
        err.to_string()
            .starts_with("exodus.json: not a tracker list"),
        "{err}"
    );
}

#[tokio::test]
async fn one_host_gets_at_most_the_configured_requests_at_once() {
    let (now, max) = (
        Arc::new(std::sync::atomic::AtomicUsize::new(0)),
        Arc::new(std::sync::atomic::AtomicUsize::new(0)),
    );
    let (n, m) = (now.clone(), max.clone());
    let router = Router::new().route(
        "/",
        get(move || {
            let (n, m) = (n.clone(), m.clone());
            async move {
                let current = n.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                m.fetch_max(current, std::sync::atomic::Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(150)).await;
                n.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                "ok"
            }
        }),
    );
    let addr = serve(router, None).await;
    let client = Outbound::new(OutboundSettings {
        allow_loopback: true,
        per_host_concurrency: 1,
        ..OutboundSettings::default()
    })
    .expect("client");
    let url: url::Url = format!("http://{addr}/").parse().expect("url");
    let (a, b, c) = tokio::join!(
        client.get(url.clone()),
        client.get(url.clone()),
        client.get(url)
    );
    assert!(a.is_ok() && b.is_ok() && c.is_ok());
    assert_eq!(
        max.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "requests to one host ran together"
    );
}

#[tokio::test]
async fn a_host_that_never_finishes_answering_hits_the_time_limit() {
    let router = Router::new().route(
        "/",
        get(|| async {
            tokio::time::sleep(Duration::from_secs(30)).await;
            "late"
        }),
    );
    let addr = serve(router, None).await;
    let client = Outbound::new(OutboundSettings {
        allow_loopback: true,
        timeout: Duration::from_millis(500),
        ..OutboundSettings::default()
    })
    .expect("client");
    let started = std::time::Instant::now();
    let err = client
        .get(format!("http://{addr}/").parse().expect("url"))
        .await
        .expect_err("timeout");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        matches!(&err, OutboundError::Unreachable { reason, .. } if reason.contains("timed out") || reason.contains("no complete answer")),
        "{err}"
    );
}

#[tokio::test]
async fn a_token_does_not_follow_a_redirect_to_another_origin() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = seen.clone();
    let other = serve(
        Router::new().route(
            "/",
            get(move |headers: HeaderMap| {
                let record = record.clone();
                async move {
                    record
                        .lock()
                        .expect("lock")
                        .push(headers.get(header::AUTHORIZATION).is_some());
                    "other"
                }
            }),
        ),
        None,
    )
    .await;
    let first = serve(
        Router::new().route(
            "/",
            get(move || async move {
                Redirect::temporary(&format!("http://localhost:{}/", other.port()))
            }),
        ),
        None,
    )
    .await;
    let request =
        floss_registry::outbound::Request::get(format!("http://{first}/").parse().expect("url"))
            .header(
                header::AUTHORIZATION,
                "Bearer secret".parse().expect("header"),
            );
    let fetched = outbound(true).fetch(request).await.expect("followed");
    assert_eq!(fetched.body, b"other");
    assert_eq!(
        *seen.lock().expect("lock"),
        vec![false],
        "the Authorization header was forwarded"
    );
}
