//! The rights-request observatory against a real database and the real router: SQLite by
//! default (a fresh file per test), or a database of its own per test on the PostgreSQL
//! server `DATABASE_URL` names (scripts/test runs this file both ways). Reports are made
//! through the API with personal tokens, as a tool would, and through the workflow's
//! functions; what is published is read back from the public API.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::Utc;
use floss_registry::app::App;
use floss_registry::auth::{Cookies, session};
use floss_registry::catalogue::Snapshot;
use floss_registry::config::{Config, ConfigArgs};
use floss_registry::data::Catalogue;
use floss_registry::db::entities::{audit_log, rights_reports, users};
use floss_registry::search::SearchIndex;
use floss_registry::workflow::rights::{self, ReportInput, aggregate::K};
use floss_registry::workflow::{Actor, WorkflowError, privacy};
use http_body_util::BodyExt;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, Database, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};
use serde_json::{Value, json};
use tower::ServiceExt;

fn seed() -> &'static Catalogue {
    static SEED: OnceLock<Catalogue> = OnceLock::new();
    SEED.get_or_init(|| {
        let loaded =
            floss_registry::data::load(Path::new("registry-data")).expect("seed data loads");
        assert!(loaded.report.is_valid(), "the seed catalogue is valid");
        loaded.catalogue
    })
}

/// A registry over a database of its own; the database is removed when dropped.
struct Registry {
    app: Arc<App>,
    _state: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

impl Drop for Registry {
    fn drop(&mut self) {
        let Some((admin, name)) = self.postgres.take() else {
            return;
        };
        // Dropped from a fresh thread: the test's runtime is shutting down.
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(conn) = Database::connect(admin.as_str()).await {
                    let _ = conn
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                }
            });
        })
        .join()
        .ok();
    }
}

async fn database_url(state: &Path) -> (String, Option<(String, String)>) {
    match std::env::var("DATABASE_URL") {
        Ok(admin) if admin.starts_with("postgres") => {
            static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
            let name = format!(
                "floss_rights_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            );
            let conn = Database::connect(admin.as_str())
                .await
                .expect("connect to the PostgreSQL admin URL");
            conn.execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE template0"))
                .await
                .expect("create the test database");
            conn.close().await.ok();
            let mut url = url::Url::parse(&admin).expect("admin URL");
            url.set_path(&format!("/{name}"));
            (url.to_string(), Some((admin, name)))
        }
        _ => (format!("sqlite://{}/registry.db", state.display()), None),
    }
}

impl Registry {
    async fn new() -> Registry {
        let state = tempfile::tempdir().expect("state dir");
        let (url, postgres) = database_url(state.path()).await;
        let db = floss_registry::db::connect(&url).await.expect("connect");
        floss_registry::db::migrate_up(&db).await.expect("migrate");
        let catalogue = seed().clone();
        let index = SearchIndex::in_memory(&catalogue).expect("index");
        let report = floss_registry::data::Report::default();
        let snapshot = Snapshot::new(catalogue, &report, None);
        let mut config = Config::from_args(&ConfigArgs::default()).expect("default config");
        config.state_dir = state.path().to_owned();
        config.public_url = "https://registry.test".into();
        let app = Arc::new(App::from_parts(config, snapshot, index).with_db(db));
        Registry {
            app,
            _state: state,
            postgres,
        }
    }

    /// A person with an account, as the workflow sees them.
    async fn person(&self, subject: &str, role: users::Role) -> Actor {
        let now = Utc::now();
        let user = users::ActiveModel {
            provider: Set("test".into()),
            subject: Set(subject.into()),
            display_name: Set(format!("Person {subject}")),
            email: Set(None),
            email_verified: Set(false),
            role: Set(role),
            created_at: Set(now),
            last_login_at: Set(now),
            ..Default::default()
        }
        .insert(self.app.db().expect("db"))
        .await
        .expect("insert a user");
        Actor::from_user(&user, role)
    }

    /// A login session of `actor`: the cookie to send and the forms' CSRF token.
    async fn session(&self, actor: &Actor) -> (String, String) {
        let token = session::create(self.app.db().expect("db"), actor.id, 12)
            .await
            .expect("session");
        let name = Cookies {
            secure: self.app.config.auth.cookie_secure,
        }
        .session_name();
        (format!("{name}={token}"), session::csrf_token(&token))
    }

    async fn page(&self, uri: &str, cookie: Option<&str>, form: Option<&[(&str, &str)]>) -> Reply {
        let mut req = Request::builder()
            .method(if form.is_some() { "POST" } else { "GET" })
            .uri(uri);
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        let req = match form {
            Some(pairs) => req
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(
                    url::form_urlencoded::Serializer::new(String::new())
                        .extend_pairs(pairs)
                        .finish(),
                )),
            None => req.body(Body::empty()),
        }
        .expect("request");
        let res = floss_registry::http::router(Arc::clone(&self.app))
            .oneshot(req)
            .await
            .expect("the router never fails");
        let status = res.status();
        let content_type = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = res
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        Reply {
            status,
            content_type,
            body,
        }
    }

    /// A personal API token of `actor` (no CSRF token needed with it).
    async fn token(&self, actor: &Actor) -> String {
        floss_registry::auth::tokens::create(self.app.db().expect("db"), actor.id, "tests", 30)
            .await
            .expect("db")
            .expect("a token")
            .secret
    }

    async fn send(
        &self,
        method: &str,
        uri: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        let req = match body {
            Some(b) => req
                .header("content-type", "application/json")
                .body(Body::from(b.to_string())),
            None => req.body(Body::empty()),
        }
        .expect("request");
        let res = floss_registry::http::router(Arc::clone(&self.app))
            .oneshot(req)
            .await
            .expect("the router never fails");
        let status = res.status();
        let content_type = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = res
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        Reply {
            status,
            content_type,
            body,
        }
    }

    async fn published(&self, service: &str) -> Value {
        let r = self
            .send(
                "GET",
                &format!("/api/v1/services/{service}/rights"),
                None,
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        r.json()
    }

    async fn report_count(&self) -> u64 {
        rights_reports::Entity::find()
            .count(self.app.db().expect("db"))
            .await
            .expect("count")
    }
}

struct Reply {
    status: StatusCode,
    content_type: String,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn days_ago(n: i64) -> String {
    (Utc::now().date_naive() - chrono::Duration::days(n)).to_string()
}

/// An access request to `service` sent 60 days ago, answered `after` days later, complete,
/// machine-readable.
fn answered(service: &str, after: i64) -> ReportInput {
    ReportInput {
        service: service.into(),
        right: "access".into(),
        sent_on: days_ago(60),
        channel: "email".into(),
        outcome: "answered".into(),
        answered_on: days_ago(60 - after),
        completeness: "complete".into(),
        format: "machine-readable".into(),
        note: String::new(),
    }
}

fn body_of(input: &ReportInput) -> Value {
    json!({
        "service": input.service,
        "right": input.right,
        "sent_on": input.sent_on,
        "channel": input.channel,
        "outcome": input.outcome,
        "answered_on": input.answered_on,
        "completeness": input.completeness,
        "format": input.format,
    })
}

fn fields_of(e: &WorkflowError) -> Vec<String> {
    match e {
        WorkflowError::Invalid { diagnostics, .. } => diagnostics
            .iter()
            .filter_map(|d| rights::field_of(d).map(str::to_owned))
            .collect(),
        other => panic!("expected an invalid report, got {other:?}"),
    }
}

#[tokio::test]
async fn k_minus_one_accounts_publish_nothing_and_the_kth_publishes_through_the_api() {
    let reg = Registry::new().await;
    for i in 0..K - 1 {
        let who = reg.person(&format!("p{i}"), users::Role::Submitter).await;
        let token = reg.token(&who).await;
        let r = reg
            .send(
                "POST",
                "/api/v1/me/rights-reports",
                Some(&token),
                Some(body_of(&answered("gmail", 10 + i as i64))),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    }
    assert_eq!(reg.published("gmail").await["groups"], json!([]));
    let all = reg
        .send("GET", "/api/v1/observatory/rights", None, None)
        .await;
    assert_eq!(all.json()["groups"], json!([]));
    assert_eq!(all.json()["threshold"], json!(K));

    let last = reg.person("last", users::Role::Submitter).await;
    rights::create(&reg.app.workflow, &last, &answered("gmail", 40))
        .await
        .expect("the fifth report");
    let published = reg.published("gmail").await;
    let group = &published["groups"][0];
    assert_eq!(group["right"], "access");
    assert_eq!(group["reports"], json!(K));
    assert_eq!(group["median_days_to_answer"], json!(12.0));
    assert_eq!(group["share_complete"], json!(1.0));
    assert_eq!(group["share_machine_readable"], json!(1.0));
    assert_eq!(published["license"]["id"], "CC-BY-SA-4.0");
    // Other services publish nothing; no date or text of a report is in the answer.
    assert_eq!(reg.published("outlook").await["groups"], json!([]));
    let text = reg
        .send("GET", "/api/v1/observatory/rights", None, None)
        .await
        .text();
    assert!(
        !text.contains(&days_ago(60)),
        "no date sent is published: {text}"
    );
}

#[tokio::test]
async fn deleting_or_hiding_a_report_removes_it_from_every_aggregate_and_the_export() {
    let reg = Registry::new().await;
    let mut people = Vec::new();
    for i in 0..K {
        let who = reg.person(&format!("p{i}"), users::Role::Submitter).await;
        let row = rights::create(&reg.app.workflow, &who, &answered("gmail", 10))
            .await
            .expect("a report");
        people.push((who, row));
    }
    let csv = reg
        .send("GET", "/api/v1/observatory/rights.csv", None, None)
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(csv.text().contains("gmail,access,all,5,"), "{}", csv.text());
    assert_eq!(
        reg.published("gmail").await["groups"][0]["reports"],
        json!(K)
    );

    let (author, row) = &people[0];
    let token = reg.token(author).await;
    let r = reg
        .send(
            "DELETE",
            &format!("/api/v1/me/rights-reports/{}", row.id),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(reg.published("gmail").await["groups"], json!([]));
    let csv = reg
        .send("GET", "/api/v1/observatory/rights.csv", None, None)
        .await
        .text();
    assert!(!csv.contains("gmail"), "{csv}");

    // Back to K with a sixth person, then a reviewer hides one: under K again at once.
    let sixth = reg.person("p6", users::Role::Submitter).await;
    rights::create(&reg.app.workflow, &sixth, &answered("gmail", 10))
        .await
        .expect("a report");
    assert_eq!(
        reg.published("gmail").await["groups"][0]["reports"],
        json!(K)
    );
    let reviewer = reg.person("rev", users::Role::Reviewer).await;
    let token = reg.token(&reviewer).await;
    let r = reg
        .send(
            "POST",
            &format!("/api/v1/review/rights-reports/{}/hide", people[1].1.id),
            Some(&token),
            Some(json!({"reason": "the same request reported twice"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["hidden"], json!(true));
    assert_eq!(reg.published("gmail").await["groups"], json!([]));
    let hides = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("rights_report.hide"))
        .all(reg.app.db().expect("db"))
        .await
        .expect("audit");
    assert_eq!(hides.len(), 1);
    assert_eq!(hides[0].actor_id, Some(reviewer.id));
}

#[tokio::test]
async fn only_the_author_edits_or_deletes_a_report_and_a_follow_up_adds_the_answer() {
    let reg = Registry::new().await;
    let author = reg.person("author", users::Role::Submitter).await;
    let other = reg.person("other", users::Role::Reviewer).await;
    let pending = ReportInput {
        outcome: String::new(),
        answered_on: String::new(),
        completeness: String::new(),
        format: String::new(),
        right: "portability".into(),
        ..answered("whatsapp", 0)
    };
    let row = rights::create(&reg.app.workflow, &author, &pending)
        .await
        .expect("a pending report");
    assert_eq!(row.outcome, rights_reports::Outcome::Pending);

    let follow_up = ReportInput {
        outcome: "answered".into(),
        answered_on: days_ago(20),
        completeness: "partial".into(),
        format: "pdf".into(),
        ..pending.clone()
    };
    let err = rights::update(&reg.app.workflow, &other, row.id, &follow_up)
        .await
        .expect_err("someone else's report");
    assert!(matches!(err, WorkflowError::NotFound(_)), "{err:?}");
    let err = rights::delete(&reg.app.workflow, &other, row.id)
        .await
        .expect_err("someone else's report");
    assert!(matches!(err, WorkflowError::NotFound(_)), "{err:?}");

    let token = reg.token(&author).await;
    let r = reg
        .send(
            "PUT",
            &format!("/api/v1/me/rights-reports/{}", row.id),
            Some(&token),
            Some(body_of(&follow_up)),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["outcome"], "answered");
    assert_eq!(r.json()["answered_on"], json!(days_ago(20)));
    assert_eq!(r.json()["format"], "pdf");
    let mine = reg
        .send("GET", "/api/v1/me/rights-reports", Some(&token), None)
        .await;
    assert_eq!(mine.json().as_array().map(Vec::len), Some(1));
    let theirs = reg.token(&other).await;
    let mine = reg
        .send("GET", "/api/v1/me/rights-reports", Some(&theirs), None)
        .await;
    assert_eq!(mine.json(), json!([]));
    let actions: Vec<String> = audit_log::Entity::find()
        .filter(audit_log::Column::Target.eq(format!("rights_report:{}", row.id)))
        .all(reg.app.db().expect("db"))
        .await
        .expect("audit")
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(actions, ["rights_report.create", "rights_report.update"]);
}

#[tokio::test]
async fn an_invalid_report_names_each_field_and_saves_nothing() {
    let reg = Registry::new().await;
    let who = reg.person("p", users::Role::Submitter).await;
    let input = ReportInput {
        service: "no-such-service".into(),
        right: "forgetting".into(),
        sent_on: (Utc::now().date_naive() + chrono::Duration::days(5)).to_string(),
        channel: "pigeon".into(),
        outcome: "answered".into(),
        answered_on: "2020-01-01".into(),
        completeness: String::new(),
        format: "pdf".into(),
        note: "x".repeat(rights::MAX_NOTE_CHARS + 1),
    };
    let err = rights::create(&reg.app.workflow, &who, &input)
        .await
        .expect_err("invalid");
    let fields = fields_of(&err);
    for field in [
        "service",
        "right",
        "sent_on",
        "channel",
        "answered_on",
        "completeness",
        "note",
    ] {
        assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
    }
    // The format of an erasure, and an answer before the request.
    let erasure = ReportInput {
        right: "erasure".into(),
        answered_on: days_ago(70),
        ..answered("gmail", 0)
    };
    let fields = fields_of(
        &rights::create(&reg.app.workflow, &who, &erasure)
            .await
            .expect_err("invalid"),
    );
    assert_eq!(fields, ["answered_on", "format"]);
    assert_eq!(reg.report_count().await, 0);

    let token = reg.token(&who).await;
    let r = reg
        .send(
            "POST",
            "/api/v1/me/rights-reports",
            Some(&token),
            Some(json!({"service": "gmail", "right": "access"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    let answer = r.json();
    let codes: Vec<&str> = answer["error"]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["report.sent_on", "report.channel"]);
    let r = reg
        .send(
            "POST",
            "/api/v1/me/rights-reports",
            Some(&token),
            Some(json!({"service": "gmail", "colour": "red"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    let r = reg
        .send(
            "POST",
            "/api/v1/me/rights-reports",
            None,
            Some(body_of(&answered("gmail", 3))),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reg.report_count().await, 0);
}

#[tokio::test]
async fn the_limits_flag_bursts_and_repeats_then_refuse_past_ten_a_day() {
    let reg = Registry::new().await;
    let who = reg.person("p", users::Role::Submitter).await;
    let first = rights::create(&reg.app.workflow, &who, &answered("gmail", 3))
        .await
        .expect("a report");
    assert_eq!(first.flag, None);
    let repeat = rights::create(&reg.app.workflow, &who, &answered("gmail", 4))
        .await
        .expect("a repeat is accepted");
    assert_eq!(repeat.flag.as_deref(), Some("repeat"));
    let services = [
        "outlook", "whatsapp", "zoom", "slack", "skype", "notion", "dropbox", "reddit",
    ];
    let mut made = 2;
    for service in services {
        let row = rights::create(&reg.app.workflow, &who, &answered(service, 3))
            .await
            .expect("under the daily limit");
        made += 1;
        if made > rights::FLAG_AFTER_PER_DAY as usize {
            assert_eq!(row.flag.as_deref(), Some("burst"), "report {made}");
        }
    }
    assert_eq!(made, rights::MAX_PER_DAY as usize);
    let err = rights::create(&reg.app.workflow, &who, &answered("youtube", 3))
        .await
        .expect_err("past the daily limit");
    assert!(matches!(err, WorkflowError::Conflict(_)), "{err:?}");
    assert_eq!(reg.report_count().await, rights::MAX_PER_DAY);

    let reviewer = reg.person("rev", users::Role::Reviewer).await;
    let flagged = rights::flagged(&reg.app.workflow, &reviewer)
        .await
        .expect("flagged");
    assert_eq!(
        flagged.len(),
        1 + (rights::MAX_PER_DAY - rights::FLAG_AFTER_PER_DAY) as usize
    );
    let counts = rights::counts(&reg.app.workflow, &reviewer)
        .await
        .expect("counts");
    let gmail = counts.iter().find(|c| c.service == "gmail").expect("gmail");
    assert_eq!((gmail.reports, gmail.flagged, gmail.hidden), (2, 1, 0));
    let err = rights::flagged(&reg.app.workflow, &who)
        .await
        .expect_err("not a reviewer");
    assert!(matches!(err, WorkflowError::Forbidden(_)), "{err:?}");
}

#[tokio::test]
async fn the_data_export_holds_ones_reports_and_deleting_the_account_deletes_them() {
    let reg = Registry::new().await;
    let mut people = Vec::new();
    for i in 0..K {
        let who = reg.person(&format!("p{i}"), users::Role::Submitter).await;
        let mut input = answered("gmail", 10);
        input.note = format!("note of p{i}");
        rights::create(&reg.app.workflow, &who, &input)
            .await
            .expect("a report");
        people.push(who);
    }
    let export = privacy::export(&reg.app.workflow, &people[0])
        .await
        .expect("export");
    let reports = export["rights_reports"].as_array().expect("reports");
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["note"], "note of p0");
    assert_eq!(reports[0]["service"], "gmail");

    assert_eq!(
        reg.published("gmail").await["groups"][0]["reports"],
        json!(K)
    );
    privacy::delete_account(&reg.app.workflow, &people[0])
        .await
        .expect("deleted");
    assert_eq!(reg.report_count().await, (K - 1) as u64);
    assert_eq!(reg.published("gmail").await["groups"], json!([]));
}

#[tokio::test]
async fn an_unknown_service_has_no_rights_page_in_the_api() {
    let reg = Registry::new().await;
    let r = reg
        .send("GET", "/api/v1/services/no-such-service/rights", None, None)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.json()["error"]["code"], "not-found");
    let r = reg
        .send("GET", "/api/v1/services/gmail/rights", None, None)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = reg
        .send("GET", "/api/v1/openapi.json", None, None)
        .await
        .json();
    for path in [
        "/api/v1/services/{id}/rights",
        "/api/v1/observatory/rights",
        "/api/v1/observatory/rights.csv",
        "/api/v1/me/rights-reports",
        "/api/v1/me/rights-reports/{id}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
}

/// The text of the element `id="..."` (a textarea or an input's value is enough here).
fn field_html<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in the page"));
    let rest = &html[start..];
    &rest[..rest.find('>').unwrap_or(rest.len())]
}

#[tokio::test]
async fn a_service_page_shows_its_aggregates_only_from_k_people_with_the_deadline_and_letters() {
    let reg = Registry::new().await;
    let page = reg.page("/en/alternatives/gmail", None, None).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("Your rights with Gmail"), "{html}");
    assert!(html.contains("Not enough reports yet"));
    assert!(html.contains("within one month of receiving it (GDPR art. 12(3))"));
    for right in [
        "access",
        "rectification",
        "erasure",
        "portability",
        "objection",
    ] {
        assert!(
            html.contains(&format!("id=\"letter-{right}\"")),
            "letter {right}"
        );
    }
    assert!(
        html.contains("mailto:?subject=Data%20portability%20request"),
        "a mailto without recipient"
    );
    assert!(html.contains("structured, commonly used and machine-readable format"));
    let observatory = reg.page("/en/observatory", None, None).await.text();
    assert!(observatory.contains("Not enough reports yet to publish anything."));
    assert!(!observatory.contains("rights-chart-t"));
    let fr = reg.page("/fr/alternatives/gmail", None, None).await.text();
    assert!(fr.contains("Vos droits auprès de Gmail"));
    assert!(fr.contains("Demande de portabilité (RGPD, art. 20), Gmail"));

    for i in 0..K {
        let who = reg.person(&format!("p{i}"), users::Role::Submitter).await;
        rights::create(&reg.app.workflow, &who, &answered("gmail", 10 + i as i64))
            .await
            .expect("a report");
    }
    let html = reg.page("/en/alternatives/gmail", None, None).await.text();
    assert!(!html.contains("Not enough reports yet"));
    assert!(
        html.contains(
            "<tr><th scope=\"row\">Access (art. 15)</th><td>5</td><td>12</td><td>100 %</td>"
        ),
        "{html}"
    );
    assert!(!html.contains(&days_ago(60)), "no date sent is shown");
    let observatory = reg.page("/en/observatory", None, None).await.text();
    assert!(!observatory.contains("Not enough reports yet to publish anything."));
    assert!(observatory.contains(
        "<title id=\"rights-chart-t\">Share of requests answered within the legal month</title>"
    ));
    assert!(
        observatory.contains("Gmail — Access (art. 15)"),
        "the bar's label"
    );
    assert!(
        observatory.contains("<th scope=\"row\">Gmail</th><td>Access (art. 15)</td><td>5</td>"),
        "{observatory}"
    );
}

#[tokio::test]
async fn the_report_form_keeps_what_was_typed_with_errors_next_to_fields_then_records_and_lists() {
    let reg = Registry::new().await;
    let who = reg.person("p", users::Role::Submitter).await;
    let (cookie, csrf) = reg.session(&who).await;
    let anonymous = reg.page("/en/rights-reports", None, None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);

    let page = reg
        .page("/en/rights-reports?service=gmail", Some(&cookie), None)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text()
            .contains("<option value=\"gmail\" selected>Gmail</option>")
    );

    let future = (Utc::now().date_naive() + chrono::Duration::days(9)).to_string();
    let typed = [
        ("csrf", csrf.as_str()),
        ("service", "gmail"),
        ("right", "access"),
        ("sent_on", future.as_str()),
        ("channel", "email"),
        ("outcome", "pending"),
        ("answered_on", ""),
        ("completeness", ""),
        ("format", ""),
        ("note", "they asked for my passport"),
    ];
    let refused = reg
        .page("/en/rights-reports", Some(&cookie), Some(&typed))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text();
    assert!(
        html.contains("<title>Error: "),
        "the title says there is an error"
    );
    assert!(
        html.contains("href=\"#f-sent-on\""),
        "the summary links to the field"
    );
    let sent = field_html(&html, "f-sent-on");
    assert!(sent.contains(&format!("value=\"{future}\"")), "{sent}");
    assert!(sent.contains("aria-invalid=\"true\""), "{sent}");
    assert!(html.contains("the date sent is in the future"));
    assert!(html.contains(">they asked for my passport</textarea>"));
    assert_eq!(reg.report_count().await, 0);

    let sent_on = days_ago(3);
    let mut good = typed;
    good[3] = ("sent_on", sent_on.as_str());
    let done = reg
        .page("/en/rights-reports", Some(&cookie), Some(&good))
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    assert_eq!(reg.report_count().await, 1);
    let list = reg
        .page("/en/rights-reports", Some(&cookie), None)
        .await
        .text();
    assert!(list.contains("<td>Gmail</td>"), "{list}");
    assert!(list.contains("Waiting for an answer"));

    let no_csrf = reg
        .page("/en/rights-reports", Some(&cookie), Some(&good[1..]))
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    assert_eq!(reg.report_count().await, 1);
}

#[tokio::test]
async fn reviewers_see_flagged_reports_and_hide_one_with_a_reason_that_its_author_sees() {
    let reg = Registry::new().await;
    let author = reg.person("author", users::Role::Submitter).await;
    let mut input = answered("gmail", 10);
    input.note = "the support agent was rude".into();
    let row = rights::create(&reg.app.workflow, &author, &input)
        .await
        .expect("a report");
    let (submitter_cookie, _) = reg.session(&author).await;
    let refused = reg
        .page("/en/review/rights", Some(&submitter_cookie), None)
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let reviewer = reg.person("rev", users::Role::Reviewer).await;
    let (cookie, csrf) = reg.session(&reviewer).await;
    let html = reg
        .page("/en/review/rights", Some(&cookie), None)
        .await
        .text();
    assert!(
        html.contains("the support agent was rude"),
        "reviewers read the note"
    );
    assert!(
        html.contains("<th scope=\"row\">Gmail</th><td>1</td><td>1</td><td>0</td>"),
        "{html}"
    );

    let action = format!("/en/review/rights/{}/hide", row.id);
    let blank = reg
        .page(
            &action,
            Some(&cookie),
            Some(&[("csrf", csrf.as_str()), ("reason", "  ")]),
        )
        .await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        blank
            .text()
            .contains("give a reason of 1 to 500 characters")
    );
    let done = reg
        .page(
            &action,
            Some(&cookie),
            Some(&[("csrf", csrf.as_str()), ("reason", "names a person")]),
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let html = reg
        .page("/en/review/rights", Some(&cookie), None)
        .await
        .text();
    assert!(
        !html.contains("the support agent was rude"),
        "no longer waiting"
    );
    assert!(
        html.contains("<th scope=\"row\">Gmail</th><td>1</td><td>1</td><td>1</td>"),
        "{html}"
    );
    let mine = reg
        .page("/en/rights-reports", Some(&submitter_cookie), None)
        .await
        .text();
    assert!(
        mine.contains("hidden by a reviewer</span> names a person"),
        "{mine}"
    );
}

#[tokio::test]
async fn a_service_with_a_sourced_privacy_contact_shows_it_and_the_others_say_there_is_none() {
    let reg = Registry::new().await;
    let html = reg
        .page("/en/alternatives/whatsapp", None, None)
        .await
        .text();
    assert!(
        html.contains("href=\"https://whatsapp.com/legal/privacy-policy-eea/revisions/20231204\""),
        "the contact from services/whatsapp.toml"
    );
    assert!(html.contains("page read on"));
    let html = reg.page("/en/alternatives/gmail", None, None).await.text();
    assert!(html.contains("does not list this service"));
}
