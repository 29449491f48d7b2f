//! The JSON API driven through the real router over a real index of the seed catalogue,
//! including the bad-input cases: every one gets a 4xx JSON error, never a 500 or a panic.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use floss_registry::app::App;
use floss_registry::catalogue::Snapshot;
use floss_registry::config::{Config, ConfigArgs};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// One app for the whole file: the seed catalogue, indexed once on disk in a temporary
/// state directory kept for the life of the test process.
fn app() -> Arc<App> {
    static APP: OnceLock<(Arc<App>, tempfile::TempDir)> = OnceLock::new();
    let (app, _state) = APP.get_or_init(|| {
        let loaded =
            floss_registry::data::load(Path::new("registry-data")).expect("seed data loads");
        assert!(loaded.report.is_valid(), "the seed catalogue is valid");
        let state = tempfile::tempdir().expect("state dir");
        let (index, _) = floss_registry::search::sync::open_and_sync(
            &state.path().join("index"),
            &loaded.catalogue,
            false,
            &|_, _| {},
        )
        .expect("index builds");
        let mut config = Config::from_args(&ConfigArgs::default()).expect("default config");
        config.state_dir = state.path().to_owned();
        config.public_url = "https://registry.test".into();
        let snapshot = Snapshot::new(loaded.catalogue, &loaded.report, None);
        (Arc::new(App::from_parts(config, snapshot, index)), state)
    });
    Arc::clone(app)
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: header::HeaderName) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }

    /// Asserts a JSON error with this status and a message containing `needle`.
    fn assert_error(&self, status: StatusCode, needle: &str) {
        assert_eq!(self.status, status, "{}", self.text());
        let body = self.json();
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            body["error"]["code"].is_string(),
            "error code missing: {body}"
        );
        assert!(
            message.contains(needle),
            "message {message:?} should mention {needle:?}"
        );
    }
}

async fn send(request: Request<Body>) -> Reply {
    let res = floss_registry::http::router(app())
        .oneshot(request)
        .await
        .expect("the router never fails");
    let status = res.status();
    let headers = res.headers().clone();
    let body = res
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

async fn get(uri: &str) -> Reply {
    send(Request::get(uri).body(Body::empty()).expect("request")).await
}

#[tokio::test]
async fn search_answers_with_the_contract_shape() {
    let r = get("/api/v1/search?q=signal&lang=en").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let body = r.json();
    assert!(body["total"].as_u64().unwrap_or(0) >= 1);
    assert_eq!(body["page"], 1);
    assert_eq!(body["per_page"], 20);
    assert_eq!(body["hits"][0]["slug"], "signal");
    for facet in [
        "category",
        "platform",
        "license",
        "criterion",
        "grade",
        "status",
    ] {
        assert!(
            body["facets"][facet].is_array(),
            "facet {facet} missing: {}",
            body["facets"]
        );
    }
}

#[tokio::test]
async fn alternative_to_a_service_lists_what_replaces_it() {
    let r = get("/api/v1/search?q=alternative%20%C3%A0%20WhatsApp").await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.json();
    let slugs: Vec<&str> = body["hits"]
        .as_array()
        .map(|h| {
            h.iter()
                .filter_map(|h| h["slug"].as_str())
                .take(5)
                .collect()
        })
        .unwrap_or_default();
    assert!(slugs.contains(&"signal"), "top 5 for WhatsApp: {slugs:?}");
}

#[tokio::test]
async fn filters_and_across_facets_and_pagination_is_respected() {
    let all = get("/api/v1/search?category=messaging&per_page=100")
        .await
        .json();
    let android = get("/api/v1/search?category=messaging&platform=android&per_page=100")
        .await
        .json();
    let total_all = all["total"].as_u64().unwrap_or(0);
    let total_android = android["total"].as_u64().unwrap_or(0);
    assert!(total_all > 0 && total_android > 0);
    assert!(total_android <= total_all);
    for hit in android["hits"].as_array().into_iter().flatten() {
        assert!(
            hit["categories"]
                .as_array()
                .is_some_and(|c| c.contains(&Value::from("messaging")))
        );
        assert!(
            hit["platforms"]
                .as_array()
                .is_some_and(|p| p.contains(&Value::from("android")))
        );
    }
    let page2 = get("/api/v1/search?category=messaging&per_page=2&page=2")
        .await
        .json();
    assert_eq!(page2["page"], 2);
    assert_eq!(page2["hits"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn bad_search_parameters_get_a_400_that_names_them() {
    get("/api/v1/search?q=x&page=0")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "page");
    get("/api/v1/search?page=abc")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "page");
    get("/api/v1/search?per_page=101")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "per_page");
    get("/api/v1/search?sort=popularity")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "sort");
    get("/api/v1/search?lang=de")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "lang");
    get("/api/v1/search?category=mesaging")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "messaging");
    get("/api/v1/search?grade=F")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "grade");
    get("/api/v1/search?q=%E9t%E9")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "UTF-8");
    get("/api/v1/search?q=%zz")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "percent-encoding");
    get("/api/v1/search?qq=signal")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "qq");
    get("/api/v1/search?q=a&q=b")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "once");
    let long_q = format!("/api/v1/search?q={}", "a".repeat(201));
    get(&long_q)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "200");
}

#[tokio::test]
async fn an_oversize_query_string_is_refused_with_a_414_json_error() {
    // 60 kB: about the largest URI the `http` crate represents; larger ones never reach the
    // router (see `a_query_of_100_kilobytes_over_a_socket_gets_a_4xx...` in tests/server.rs).
    let uri = format!("/api/v1/search?q={}", "x".repeat(60 * 1024));
    get(&uri)
        .await
        .assert_error(StatusCode::URI_TOO_LONG, "limit");
}

#[tokio::test]
async fn user_input_is_never_a_syntax_error() {
    for q in [
        "\"unbalanced",
        "AND OR NOT",
        "(((",
        "title:signal",
        "*",
        "-",
        "🔒 chat",
        "c++",
    ] {
        let uri = format!("/api/v1/search?q={}", percent_encode(q));
        let r = get(&uri).await;
        assert_eq!(r.status, StatusCode::OK, "query {q:?}: {}", r.text());
    }
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn entries_are_listed_by_page_and_served_one_by_one_with_their_grade() {
    let page = get("/api/v1/entries?per_page=10&page=2").await;
    assert_eq!(page.status, StatusCode::OK);
    let page = page.json();
    assert!(page["total"].as_u64().unwrap_or(0) >= 100);
    assert_eq!(page["entries"].as_array().map(Vec::len), Some(10));
    let one = get("/api/v1/entries/signal").await;
    assert_eq!(one.status, StatusCode::OK);
    let one = one.json();
    assert_eq!(one["slug"], "signal");
    assert!(one["assessment"]["licence"]["status"].is_string());
    assert!(["A", "B", "C", "D", "E"].contains(&one["grade"]["grade"].as_str().unwrap_or("")));
    get("/api/v1/entries?per_page=0")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "per_page");
}

#[tokio::test]
async fn unknown_or_malicious_slugs_get_a_404() {
    get("/api/v1/entries/no-such-thing")
        .await
        .assert_error(StatusCode::NOT_FOUND, "no-such-thing");
    get("/api/v1/entries/..%2F..%2Fetc%2Fpasswd")
        .await
        .assert_error(StatusCode::NOT_FOUND, "slug");
    get("/api/v1/entries/Signal")
        .await
        .assert_error(StatusCode::NOT_FOUND, "slug");
    let r = get("/api/v1/entries/../../etc/passwd").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn criteria_categories_and_services_are_listed() {
    let criteria = get("/api/v1/criteria").await.json();
    assert_eq!(criteria.as_array().map(Vec::len), Some(25));
    let categories = get("/api/v1/categories").await.json();
    assert!(categories.as_array().is_some_and(|c| c.len() >= 20));
    assert!(categories[0]["entries"].is_u64());
    let services = get("/api/v1/services").await.json();
    let whatsapp = services
        .as_array()
        .and_then(|s| s.iter().find(|s| s["id"] == "whatsapp"))
        .cloned()
        .unwrap_or_default();
    assert!(
        whatsapp["alternatives"].as_u64().unwrap_or(0) >= 3,
        "{whatsapp}"
    );
}

#[tokio::test]
async fn alternatives_of_a_service_are_sorted_by_grade() {
    let r = get("/api/v1/services/whatsapp/alternatives").await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.json();
    let grades: Vec<&str> = body["alternatives"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["grade"].as_str()).collect())
        .unwrap_or_default();
    assert!(!grades.is_empty());
    let mut sorted = grades.clone();
    sorted.sort();
    assert_eq!(grades, sorted);
    assert!(
        body["alternatives"]
            .as_array()
            .is_some_and(|a| a.iter().any(|e| e["slug"] == "signal"))
    );
    get("/api/v1/services/whatsap/alternatives")
        .await
        .assert_error(StatusCode::NOT_FOUND, "whatsapp");
}

/// (letter, provisional) of each item: established grades come before provisional ones of
/// the same letter.
fn grade_keys(items: &Value) -> Vec<(String, bool)> {
    items
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["grade"].as_str().unwrap_or_default().to_owned(),
                        e["grade_provisional"].as_bool().unwrap_or(true),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn alternatives_rank_a_provisional_grade_below_an_established_one_of_the_same_letter() {
    let services = get("/api/v1/services").await.json();
    let mut lists = 0;
    for service in services.as_array().into_iter().flatten() {
        let id = service["id"].as_str().unwrap_or_default();
        let body = get(&format!("/api/v1/services/{id}/alternatives"))
            .await
            .json();
        let keys = grade_keys(&body["alternatives"]);
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "alternatives to {id}");
        for item in body["alternatives"].as_array().into_iter().flatten() {
            let confidence = item["confidence"].as_f64().unwrap_or(-1.0);
            assert!((0.0..=100.0).contains(&confidence), "{item}");
        }
        lists += 1;
    }
    assert!(lists > 10);
}

#[tokio::test]
async fn alternatives_keep_only_those_for_the_platform_asked_for() {
    let all = get("/api/v1/services/whatsapp/alternatives").await.json();
    let ios = get("/api/v1/services/whatsapp/alternatives?platform=ios").await;
    assert_eq!(ios.status, StatusCode::OK, "{}", ios.text());
    let ios = ios.json();
    let slugs = |v: &Value| -> Vec<String> {
        v["alternatives"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["slug"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    // Briar runs on Android only.
    assert!(slugs(&all).contains(&"briar".to_owned()));
    assert!(!slugs(&ios).contains(&"briar".to_owned()));
    assert!(slugs(&ios).contains(&"signal".to_owned()));
    for item in ios["alternatives"].as_array().into_iter().flatten() {
        assert!(
            item["platforms"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p == "ios")),
            "{item}"
        );
    }
    assert_eq!(ios["platform"], "ios");
    assert_eq!(
        ios["total"].as_u64().unwrap_or(0) + ios["other_platforms"].as_u64().unwrap_or(0),
        all["total"].as_u64().unwrap_or(0)
    );
    get("/api/v1/services/whatsapp/alternatives?platform=symbian")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "android, ios");
    get("/api/v1/services/whatsapp/alternatives?platfrom=ios")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "platform");
}

#[tokio::test]
async fn search_sorted_by_grade_ranks_provisional_grades_after_established_ones() {
    let body = get("/api/v1/search?sort=grade&per_page=100").await.json();
    let keys = grade_keys(&body["hits"]);
    assert!(keys.len() > 50);
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[tokio::test]
async fn exports_hold_the_whole_catalogue_and_state_the_data_licence() {
    let json = get("/api/v1/export.json").await;
    assert_eq!(json.status, StatusCode::OK);
    assert!(
        json.header(header::LINK)
            .contains("creativecommons.org/licenses/by-sa/4.0")
    );
    let body = json.json();
    assert_eq!(body["license"]["id"], "CC-BY-SA-4.0");
    let entries = app().snapshot().catalogue.entries.len();
    assert_eq!(body["entries"].as_array().map(Vec::len), Some(entries));

    let csv = get("/api/v1/export.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header(header::CONTENT_TYPE).starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(csv.body.as_slice());
    let headers = reader.headers().expect("header row").clone();
    assert!(headers.iter().any(|h| h == "criterion:e2ee"));
    assert!(headers.iter().any(|h| h == "data_license"));
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid csv");
    assert_eq!(rows.len(), entries);
}

#[tokio::test]
async fn the_openapi_document_describes_every_contract_path() {
    let r = get("/api/v1/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    for path in [
        "/api/v1/search",
        "/api/v1/entries",
        "/api/v1/entries/{slug}",
        "/api/v1/criteria",
        "/api/v1/categories",
        "/api/v1/services",
        "/api/v1/services/{id}/alternatives",
        "/api/v1/export.json",
        "/api/v1/export.csv",
        "/api/v1/openapi.json",
        "/healthz",
        "/metrics",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
}

/// The names of an object schema's properties, through `$ref` and `allOf` (a flattened
/// struct is an `allOf` of its parts).
fn schema_properties(doc: &Value, schema: &Value) -> Vec<String> {
    if let Some(name) = schema["$ref"].as_str() {
        let name = name.trim_start_matches("#/components/schemas/");
        return schema_properties(doc, &doc["components"]["schemas"][name]);
    }
    let mut names: Vec<String> = schema["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    for part in schema["allOf"].as_array().into_iter().flatten() {
        names.extend(schema_properties(doc, part));
    }
    names
}

#[tokio::test]
async fn the_openapi_document_says_what_the_workflow_operations_accept_and_answer() {
    let doc = get("/api/v1/openapi.json").await.json();
    // The review queue's filters are query parameters, optional, bounded as the handler is.
    let params = doc["paths"]["/api/v1/review/queue"]["get"]["parameters"]
        .as_array()
        .expect("queue parameters");
    for p in params {
        assert_eq!(p["in"], "query", "{p}");
        assert_ne!(p["required"], true, "{p}");
    }
    let age = params
        .iter()
        .find(|p| p["name"] == "min_age_days")
        .expect("min_age_days");
    assert_eq!(age["schema"]["minimum"], 0, "{age}");
    assert_eq!(age["schema"]["maximum"], 3650, "{age}");
    // A decision is one of three words; a verdict names a criterion of the catalogue.
    let decision = &doc["components"]["schemas"]["DecisionName"]["enum"];
    assert_eq!(
        decision,
        &serde_json::json!(["approve", "request-changes", "reject"])
    );
    let criteria = doc["components"]["schemas"]["VerdictBody"]["properties"]["criterion"]["enum"]
        .as_array()
        .expect("criterion enum");
    assert!(criteria.iter().any(|c| c == "no-trackers"), "{criteria:?}");
    // Every operation reading an id or a body documents the 400 of a malformed one, and
    // those on one submission its 404.
    for (path, method) in [
        ("/api/v1/me/tokens", "post"),
        ("/api/v1/me/tokens/{id}", "delete"),
        ("/api/v1/submissions", "post"),
        ("/api/v1/submissions/{id}", "get"),
        ("/api/v1/submissions/{id}", "put"),
        ("/api/v1/submissions/{id}/comments", "post"),
        ("/api/v1/submissions/{id}/decision", "post"),
    ] {
        let responses = &doc["paths"][path][method]["responses"];
        assert!(responses["400"].is_object(), "{method} {path}: {responses}");
        if path.starts_with("/api/v1/submissions/") {
            assert!(responses["404"].is_object(), "{method} {path}: {responses}");
        }
    }
}

#[tokio::test]
async fn the_openapi_document_gives_a_submission_with_its_decisions_and_comments() {
    let doc = get("/api/v1/openapi.json").await.json();
    let answer = &doc["paths"]["/api/v1/submissions/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
        ["schema"];
    let properties = schema_properties(&doc, answer);
    for name in [
        "id",
        "state",
        "author",
        "entry_toml",
        "decisions",
        "comments",
    ] {
        assert!(
            properties.iter().any(|p| p == name),
            "{name} missing from {properties:?}"
        );
    }
    let comment = &doc["components"]["schemas"]["CommentItem"];
    assert_eq!(
        schema_properties(&doc, comment),
        ["author", "body", "created_at", "role"].map(String::from),
        "{comment}"
    );
    let verdicts = &doc["components"]["schemas"]["PublicDecision"]["properties"]["verdicts"];
    assert!(verdicts.is_object(), "{verdicts}");
}

#[tokio::test]
async fn the_api_docs_page_is_self_hosted() {
    let r = get("/api/docs").await;
    assert_eq!(r.status, StatusCode::OK);
    let html = r.text();
    assert!(html.contains("/api/v1/search"));
    assert!(!html.contains("src=\"http"), "no external script or image");
    assert!(!html.contains("href=\"http"), "no external stylesheet");
}

/// The values of `attr="..."` in `html` (attributes as the docs page writes them).
fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let start = at + needle.len();
            html[start..].find('"').map(|end| &html[start..start + end])
        })
        .collect()
}

/// A URL fragment or id made only of unreserved characters and percent-escapes: what the
/// Nu HTML Checker accepts in a fragment ("Illegal character in fragment: `{`" otherwise).
fn is_plain_fragment(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'~' | b'-' => i += 1,
            b'%' if bytes.len() > i + 2
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit() =>
            {
                i += 3;
            }
            _ => return false,
        }
    }
    !s.is_empty()
}

#[tokio::test]
async fn the_api_docs_page_links_each_endpoint_with_a_valid_fragment_to_its_id() {
    let html = get("/api/docs").await.text();
    let ids = attribute_values(&html, "id");
    let fragments: Vec<&str> = attribute_values(&html, "href")
        .into_iter()
        .filter_map(|h| h.strip_prefix('#'))
        .collect();
    assert!(fragments.len() >= 10, "endpoint links: {fragments:?}");
    for id in &ids {
        assert!(is_plain_fragment(id), "id {id:?}");
    }
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    for fragment in &fragments {
        assert!(is_plain_fragment(fragment), "href=\"#{fragment}\"");
        assert!(ids.contains(fragment), "#{fragment} has no matching id");
    }
}

#[tokio::test]
async fn health_reports_provenance_and_a_current_index() {
    let r = get("/healthz").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
    let body = r.json();
    assert_eq!(body["status"], "ok", "{body}");
    assert_eq!(body["fingerprint"], body["index_fingerprint"]);
    assert_eq!(body["entries"], body["indexed_documents"]);
}

#[tokio::test]
async fn metrics_count_requests_by_route_without_query_strings() {
    get("/api/v1/search?q=secret-query-text").await;
    let r = get("/metrics").await;
    assert_eq!(r.status, StatusCode::OK);
    let text = r.text();
    assert!(
        text.contains("floss_registry_http_requests_total"),
        "{text}"
    );
    assert!(text.contains("route=\"/api/v1/search\""));
    assert!(!text.contains("secret-query-text"));
}

#[tokio::test]
async fn read_endpoints_answer_if_none_match_with_304() {
    let first = get("/api/v1/entries/signal").await;
    let etag = first.header(header::ETAG);
    assert!(!etag.is_empty());
    assert!(first.header(header::CACHE_CONTROL).contains("max-age"));
    let again = send(
        Request::get("/api/v1/entries/signal")
            .header(header::IF_NONE_MATCH, &etag)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
}

#[tokio::test]
async fn cors_is_open_for_reads_and_responses_are_compressed() {
    let r = send(
        Request::get("/api/v1/export.json")
            .header(header::ORIGIN, "https://elsewhere.example")
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header(header::ACCESS_CONTROL_ALLOW_ORIGIN), "*");
    assert_eq!(r.header(header::CONTENT_ENCODING), "gzip");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for uri in ["/api/v1/criteria", "/nope", "/healthz"] {
        let r = get(uri).await;
        assert_eq!(r.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{uri}");
        assert_eq!(r.header(header::REFERRER_POLICY), "no-referrer", "{uri}");
        assert!(
            r.header(header::CONTENT_SECURITY_POLICY)
                .contains("frame-ancestors 'none'"),
            "{uri}"
        );
        assert!(!r.headers.contains_key(header::SET_COOKIE), "{uri}");
    }
}

/// The policy of everything that is not a site page (the API's JSON and its HTML
/// documentation), written out: like the pages', it lets a page connect to this origin only.
#[tokio::test]
async fn the_api_and_its_docs_page_are_sent_with_exactly_this_policy() {
    const POLICY: &str = "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    for uri in ["/api/docs", "/api/v1/criteria", "/healthz"] {
        let r = get(uri).await;
        assert_eq!(r.header(header::CONTENT_SECURITY_POLICY), POLICY, "{uri}");
    }
}

#[tokio::test]
async fn unknown_paths_and_methods_get_json_errors() {
    get("/api/v2/search")
        .await
        .assert_error(StatusCode::NOT_FOUND, "openapi");
    let r = send(
        Request::post("/api/v1/search")
            .body(Body::from("{}"))
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(r.json()["error"]["code"].is_string());
}

/// An `allOf` part that forbids other properties (`additionalProperties: false`) while
/// another part adds some describes nothing that can be sent: schemathesis found every
/// answer of `GET /api/v1/categories`, `/api/v1/services`, `/api/v1/entries/{slug}` and
/// `/api/v1/export.json` "violating" such a schema (ST108). A flattened struct is one closed
/// object listing every property it sends.
#[tokio::test]
async fn the_openapi_document_has_no_allof_of_a_closed_object() {
    let doc = get("/api/v1/openapi.json").await.json();
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    let closed = |part: &Value| {
        let part = match part["$ref"].as_str() {
            Some(r) => &schemas[r.trim_start_matches("#/components/schemas/")],
            None => part,
        };
        part["additionalProperties"] == Value::Bool(false)
    };
    for (name, schema) in schemas {
        for part in schema["allOf"].as_array().into_iter().flatten() {
            assert!(!closed(part), "{name}: allOf with a closed part {part}");
        }
    }
    // Every reference names a schema of the document.
    let text = doc.to_string();
    for (i, _) in text.match_indices("\"#/components/schemas/") {
        let name: String = text[i + 22..].chars().take_while(|c| *c != '"').collect();
        assert!(schemas.contains_key(&name), "dangling $ref to {name}");
    }
    let item = &schemas["CategoryItem"];
    assert_eq!(item["additionalProperties"], Value::Bool(false));
    for field in ["id", "name", "description", "entries"] {
        assert!(
            item["properties"][field].is_object(),
            "CategoryItem lacks {field}"
        );
    }
    let answer = &doc["paths"]["/api/v1/entries"]["get"]["parameters"];
    let per_page = answer
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "per_page"))
        .expect("per_page");
    // `?per_page=` (or white space) is taken as absent (schemathesis ST201 until the
    // document said so): a whole number from 1 to 100, or a blank text.
    let [number, blank] = per_page["schema"]["anyOf"]
        .as_array()
        .expect("anyOf")
        .as_slice()
    else {
        panic!("{per_page}");
    };
    assert_eq!(number["minimum"], 1);
    assert_eq!(number["maximum"], 100);
    assert_eq!(blank["type"], "string");
    assert!(blank["pattern"].is_string());
    // A search's category is one of the catalogue's (ST202: any other text is a 400).
    let search = &doc["paths"]["/api/v1/search"]["get"]["parameters"];
    let category = search
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "category"))
        .expect("category");
    let ids: Vec<&str> = category["schema"]["anyOf"][0]["items"]["enum"]
        .as_array()
        .expect("an enum of category ids")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let served = app().snapshot().catalogue.categories.len();
    assert_eq!(ids.len(), served, "{ids:?}");
}
