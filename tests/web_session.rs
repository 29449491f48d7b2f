//! The pages of a session (submit, submission, review, account, admin) driven through the
//! real router over a real SQLite database: who may see what (submitter, reviewer, admin,
//! four-eyes), forms that come back with everything typed and their errors next to the
//! fields, CSRF, caching, and account deletion. Sessions are opened directly in the database
//! (the login itself is tested against a real OpenID Connect provider in tests/workflow.rs);
//! there is no data repository, so submissions stay `pending-git` unless a test opens them.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use floss_registry::app::App;
use floss_registry::auth::{Cookies, Identity, session, upsert_user};
use floss_registry::catalogue::Snapshot;
use floss_registry::config::{Config, ConfigArgs, ProviderConfig, ProviderKind};
use floss_registry::db::entities::submissions::{self, State};
use floss_registry::db::entities::users::{self, Role};
use floss_registry::db::entities::{criterion_verdicts, review_decisions};
use floss_registry::search::SearchIndex;
use floss_registry::workflow::form::EntryForm;
use http_body_util::BodyExt;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use tower::ServiceExt;

const BASE: &str = "https://registry.test";

/// An app over the seed catalogue with a database of its own.
struct TestApp {
    app: Arc<App>,
    _dir: tempfile::TempDir,
}

/// A logged-in person: the cookie to send and the form token.
struct Person {
    id: i64,
    cookie: String,
    csrf: String,
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn header(&self, name: header::HeaderName) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }
}

impl TestApp {
    async fn new() -> TestApp {
        TestApp::new_with(|_| {}).await
    }

    /// An app whose default configuration `change` adjusts first.
    async fn new_with(change: impl FnOnce(&mut Config)) -> TestApp {
        let loaded =
            floss_registry::data::load(Path::new("registry-data")).expect("seed data loads");
        let index = SearchIndex::in_memory(&loaded.catalogue).expect("index builds");
        let mut config = Config::from_args(&ConfigArgs::default()).expect("default config");
        config.public_url = BASE.into();
        change(&mut config);
        let snapshot = Snapshot::new(loaded.catalogue, &loaded.report, None);
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}/registry.db", dir.path().display());
        let db = floss_registry::db::connect(&url).await.expect("SQLite");
        floss_registry::db::migrate_up(&db)
            .await
            .expect("migrations");
        let app = App::from_parts(config, snapshot, index).with_db(db);
        TestApp {
            app: Arc::new(app),
            _dir: dir,
        }
    }

    /// A person with an account of `role` and an open session.
    async fn person(&self, name: &str, role: Role) -> Person {
        let user = upsert_user(
            self.app.db().expect("database"),
            &Identity {
                provider: "test".into(),
                subject: format!("subject-{name}"),
                display_name: name.into(),
                email: Some(format!("{name}@example.org")),
                email_verified: true,
            },
        )
        .await
        .expect("user");
        let mut active: users::ActiveModel = user.clone().into();
        active.role = Set(role);
        active
            .update(self.app.db().expect("database"))
            .await
            .expect("role");
        let token = session::create(self.app.db().expect("database"), user.id, 12)
            .await
            .expect("session");
        let name = Cookies {
            secure: self.app.config.auth.cookie_secure,
        }
        .session_name();
        Person {
            id: user.id,
            cookie: format!("{name}={token}"),
            csrf: session::csrf_token(&token),
        }
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let res = floss_registry::http::router(Arc::clone(&self.app))
            .oneshot(request)
            .await
            .expect("the router never fails");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&self, who: &Person, uri: &str) -> Reply {
        self.send(
            Request::get(uri)
                .header(header::COOKIE, &who.cookie)
                .body(Body::empty())
                .expect("request"),
        )
        .await
    }

    async fn post(&self, who: &Person, uri: &str, pairs: &[(String, String)]) -> Reply {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.send(
            Request::post(uri)
                .header(header::COOKIE, &who.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .expect("request"),
        )
        .await
    }

    /// Puts a submission in a state directly (no data repository here to open it).
    async fn set_state(&self, id: i64, state: State) {
        let row = submissions::Entity::find_by_id(id)
            .one(self.app.db().expect("database"))
            .await
            .expect("query")
            .expect("submission");
        let mut active: submissions::ActiveModel = row.into();
        active.state = Set(state);
        active
            .update(self.app.db().expect("database"))
            .await
            .expect("update");
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// The fields the submit form posts for `form`.
fn form_pairs(form: &EntryForm, csrf: &str) -> Vec<(String, String)> {
    let mut out = pairs(&[
        ("csrf", csrf),
        ("slug", &form.slug),
        ("name", &form.name),
        ("homepage", &form.homepage),
        ("repository", &form.repository),
        ("license", &form.license),
        ("replaces", &form.replaces.join(", ")),
        ("added", &form.added),
        ("summary_fr", &form.summary_fr),
        ("summary_en", &form.summary_en),
        ("description_fr", &form.description_fr),
        ("description_en", &form.description_en),
    ]);
    for (name, list) in [
        ("kinds", &form.kinds),
        ("categories", &form.categories),
        ("platforms", &form.platforms),
    ] {
        out.extend(list.iter().map(|v| (name.to_owned(), v.clone())));
    }
    if form.self_hostable {
        out.push(("self_hostable".into(), "true".into()));
    }
    for (id, a) in &form.assessments {
        for (part, value) in [
            ("status", &a.status),
            ("evidence", &a.evidence),
            ("note_fr", &a.note_fr),
            ("note_en", &a.note_en),
        ] {
            out.push((format!("a.{id}.{part}"), value.clone()));
        }
    }
    out
}

/// A change to Signal's entry, as the pre-filled form would post it.
fn signal_change(app: &TestApp, csrf: &str) -> Vec<(String, String)> {
    let snapshot = app.app.snapshot();
    let signal = snapshot.catalogue.entries.get("signal").expect("signal");
    let mut form = EntryForm::from_entry(signal);
    form.summary_en = "Private messenger with end-to-end encryption.".into();
    let mut p = form_pairs(&form, csrf);
    p.push(("change".into(), "1".into()));
    p
}

async fn submitted(app: &TestApp, who: &Person) -> i64 {
    let r = app
        .post(who, "/en/submit", &signal_change(app, &who.csrf))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.header(header::LOCATION);
    location
        .strip_prefix("/en/submissions/")
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("redirect to the submission, got {location}"))
}

#[tokio::test]
async fn each_role_reaches_its_pages_and_is_refused_the_others() {
    let t = TestApp::new().await;
    let submitter = t.person("sam", Role::Submitter).await;
    let reviewer = t.person("rita", Role::Reviewer).await;
    let admin = t.person("ada", Role::Admin).await;
    let cases: [(&Person, &str, StatusCode); 12] = [
        (&submitter, "/fr/submit", StatusCode::OK),
        (&submitter, "/fr/account", StatusCode::OK),
        (&submitter, "/fr/review", StatusCode::FORBIDDEN),
        (&submitter, "/fr/admin", StatusCode::FORBIDDEN),
        (&reviewer, "/fr/submit", StatusCode::OK),
        (&reviewer, "/fr/account", StatusCode::OK),
        (&reviewer, "/fr/review", StatusCode::OK),
        (&reviewer, "/fr/admin", StatusCode::FORBIDDEN),
        (&admin, "/fr/submit", StatusCode::OK),
        (&admin, "/fr/account", StatusCode::OK),
        (&admin, "/fr/review", StatusCode::OK),
        (&admin, "/fr/admin", StatusCode::OK),
    ];
    for (who, uri, status) in cases {
        let r = t.get(who, uri).await;
        assert_eq!(r.status, status, "{uri} as user {}: {}", who.id, r.body);
        assert!(r.header(header::CONTENT_TYPE).starts_with("text/html"));
        assert_eq!(r.header(header::CACHE_CONTROL), "no-store", "{uri}");
        assert!(r.headers.get(header::ETAG).is_none(), "{uri}");
        assert!(!r.body.contains("Unknown localization"), "{uri}");
        if status == StatusCode::OK {
            assert!(
                r.body.contains(&format!("value=\"{}\"", who.csrf)) || uri.ends_with("/review"),
                "{uri}: forms carry the session's CSRF token"
            );
        }
    }
}

#[tokio::test]
async fn the_change_form_is_pre_filled_from_the_catalogue() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let r = t.get(&sam, "/en/submit?slug=signal").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Propose a change to Signal"), "{}", r.body);
    assert!(r.body.contains("name=\"slug\" value=\"signal\""));
    assert!(r.body.contains("id=\"f-slug\""));
    assert!(
        r.body
            .contains("<input type=\"hidden\" name=\"change\" value=\"1\">")
    );
    let r = t.get(&sam, "/en/submit?slug=no-such-entry").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_invalid_entry_comes_back_with_everything_typed_and_errors_next_to_fields() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let mut p = pairs(&[
        ("csrf", &sam.csrf),
        ("slug", "my-new-app"),
        ("name", "My New App"),
        ("homepage", "http://not secure"),
        ("repository", "https://code.example/my-new-app"),
        ("license", "MIT"),
        ("kinds", "web"),
        ("platforms", "web"),
        ("categories", "messaging"),
        ("summary_fr", "Un résumé tapé avec soin"),
        ("summary_en", "A summary typed with care"),
        ("description_fr", "Une description"),
        ("description_en", "Typed\r\nover two lines"),
    ]);
    p.push((
        "a.e2ee.evidence".into(),
        "https://evidence.example/one".into(),
    ));
    let r = t.post(&sam, "/en/submit", &p).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let body = &r.body;
    assert!(body.contains("role=\"alert\""), "error summary");
    assert!(body.contains("<title>Error: "), "the title says so");
    assert!(
        body.contains("href=\"#f-homepage\""),
        "summary links to the field"
    );
    assert!(
        body.contains("id=\"f-homepage-error\""),
        "error next to the field"
    );
    assert!(
        body.contains("aria-describedby=\"f-homepage-hint f-homepage-error\""),
        "the field names its error"
    );
    for typed in [
        "value=\"My New App\"",
        "value=\"http://not secure\"",
        "value=\"Un résumé tapé avec soin\"",
        "Typed\nover two lines</textarea>",
        "https://evidence.example/one</textarea>",
        "value=\"web\" checked",
    ] {
        assert!(body.contains(typed), "kept: {typed}");
    }
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
}

#[tokio::test]
async fn a_stale_csrf_token_is_refused_but_the_input_is_kept() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let r = t
        .post(&sam, "/fr/submit", &signal_change(&t, "not-the-token"))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(
        r.body
            .contains("Private messenger with end-to-end encryption.")
    );
    assert!(
        r.body.contains(&format!("value=\"{}\"", sam.csrf)),
        "a fresh token"
    );
    let mine = t.get(&sam, "/fr/account").await;
    assert!(!mine.body.contains("/fr/submissions/"), "nothing recorded");
}

#[tokio::test]
async fn a_submission_is_shown_to_its_author_and_reviewers_only() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let other = t.person("otto", Role::Submitter).await;
    let rita = t.person("rita", Role::Reviewer).await;
    let id = submitted(&t, &sam).await;
    let uri = format!("/en/submissions/{id}");
    let r = t.get(&sam, &uri).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Waiting for the repository"), "pending-git");
    assert!(r.body.contains("Submitted text"), "no branch yet: the text");
    assert!(r.body.contains(&format!("action=\"{uri}/withdraw\"")));
    assert!(r.body.contains(&format!("href=\"{uri}/edit\"")));
    assert!(
        !r.body.contains("/decision\""),
        "no review form for the author"
    );
    assert_eq!(t.get(&other, &uri).await.status, StatusCode::FORBIDDEN);
    let r = t.get(&rita, &uri).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("it can be reviewed once it is written there")
    );
    let r = t.get(&sam, &format!("{uri}/edit")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("Private messenger with end-to-end encryption.")
    );
    assert_eq!(
        t.get(&rita, &format!("{uri}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    let r = t.get(&sam, "/en/account").await;
    assert!(
        r.body.contains(&format!("href=\"{uri}\"")),
        "listed on the account"
    );
}

#[tokio::test]
async fn comments_and_withdrawal_need_the_token_and_keep_what_was_typed() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let id = submitted(&t, &sam).await;
    let uri = format!("/fr/submissions/{id}");
    let r = t
        .post(
            &sam,
            &format!("{uri}/comments"),
            &pairs(&[("csrf", "wrong"), ("body", "Un commentaire précieux")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("Un commentaire précieux</textarea>"));
    let r = t
        .post(
            &sam,
            &format!("{uri}/comments"),
            &pairs(&[("csrf", &sam.csrf), ("body", "   ")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"f-body-error\""));
    let r = t
        .post(
            &sam,
            &format!("{uri}/comments"),
            &pairs(&[("csrf", &sam.csrf), ("body", "Un commentaire précieux")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        t.get(&sam, &uri)
            .await
            .body
            .contains("Un commentaire précieux</p>")
    );
    let r = t
        .post(
            &sam,
            &format!("{uri}/withdraw"),
            &pairs(&[("csrf", &sam.csrf)]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(t.get(&sam, &uri).await.body.contains("Retirée"));
}

#[tokio::test]
async fn a_reviewer_decides_with_a_reason_and_the_decision_is_published() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let rita = t.person("rita", Role::Reviewer).await;
    let id = submitted(&t, &sam).await;
    t.set_state(id, State::Open).await;
    let uri = format!("/en/submissions/{id}");

    let queue = t.get(&rita, "/en/review").await;
    assert!(
        queue.body.contains(&format!("href=\"{uri}\"")),
        "{}",
        queue.body
    );
    let page = t.get(&rita, &uri).await;
    assert!(page.body.contains(&format!("action=\"{uri}/decision\"")));
    assert!(
        page.body.contains("name=\"v.e2ee.status\""),
        "checklist row"
    );

    // Requesting changes needs a reason; the checklist comes back as typed.
    let decision = |reason: &str| {
        pairs(&[
            ("csrf", &rita.csrf),
            ("decision", "request-changes"),
            ("reason", reason),
            ("v.e2ee.status", "met"),
            ("v.e2ee.evidence", "https://signal.org/docs/"),
            ("v.e2ee.note_en", "Checked in the specification."),
        ])
    };
    let r = t
        .post(&rita, &format!("{uri}/decision"), &decision(" "))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("id=\"f-reason-error\""));
    assert!(r.body.contains("Checked in the specification.</textarea>"));
    assert!(r.body.contains("value=\"request-changes\" checked"));

    let r = t
        .post(
            &rita,
            &format!("{uri}/decision"),
            &decision("Please cite the audit."),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = t.get(&sam, &uri).await;
    assert!(page.body.contains("Changes requested"));
    assert!(page.body.contains("Please cite the audit."));

    let public = t
        .send(
            Request::get("/en/decisions")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.body.contains("Please cite the audit."),
        "{}",
        public.body
    );
    assert!(public.body.contains("rita"), "the reviewer signs");
    assert!(public.header(header::CACHE_CONTROL).contains("public"));
    let etag = public.header(header::ETAG);
    assert!(!etag.is_empty());
    let again = t
        .send(
            Request::get("/en/decisions")
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn evidence_that_is_not_an_https_link_is_refused_and_a_stored_one_is_never_a_link() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let rita = t.person("rita", Role::Reviewer).await;
    let id = submitted(&t, &sam).await;
    t.set_state(id, State::Open).await;
    let uri = format!("/en/submissions/{id}");

    // Posted: the error next to the evidence field, everything typed kept, nothing recorded.
    let hostile = "https://signal.org/docs/\njavascript:alert(7)";
    let r = t
        .post(
            &rita,
            &format!("{uri}/decision"),
            &pairs(&[
                ("csrf", &rita.csrf),
                ("decision", "request-changes"),
                ("reason", "Please cite the audit."),
                ("v.e2ee.status", "met"),
                ("v.e2ee.evidence", hostile),
                ("v.e2ee.note_en", "Checked in the specification."),
            ]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("id=\"f-v-e2ee-evidence-error\""),
        "{}",
        r.body
    );
    assert!(r.body.contains("`javascript:alert(7)` does not use https"));
    assert!(
        r.body.contains(&format!(">{hostile}</textarea>")),
        "{}",
        r.body
    );
    assert!(r.body.contains("Checked in the specification.</textarea>"));
    let db = t.app.db().expect("database");
    let recorded = review_decisions::Entity::find()
        .all(db)
        .await
        .expect("query");
    assert!(recorded.is_empty(), "nothing recorded: {recorded:?}");

    // Stored before this rule (or by any other way in): shown as text, never as a link.
    let decision = review_decisions::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        submission_id: Set(id),
        reviewer_id: Set(Some(rita.id)),
        decision: Set(review_decisions::Decision::RequestChanges),
        reason: Set(Some("Please cite the audit.".into())),
        merge_commit: Set(None),
        created_at: Set(chrono::Utc::now()),
    }
    .insert(db)
    .await
    .expect("decision");
    criterion_verdicts::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        decision_id: Set(decision.id),
        criterion_id: Set("e2ee".into()),
        status: Set("met".into()),
        evidence: Set(r#"["javascript:alert(7)","https://signal.org/docs/"]"#.into()),
        note_fr: Set(None),
        note_en: Set(None),
    }
    .insert(db)
    .await
    .expect("verdict");
    let public = t
        .send(
            Request::get("/en/decisions")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    let submission = t.get(&sam, &uri).await;
    for (page, r) in [("decisions", &public), ("submission", &submission)] {
        assert_eq!(r.status, StatusCode::OK, "{page}");
        assert!(
            r.body.contains("javascript:alert(7)"),
            "{page}: shown as text"
        );
        assert!(
            !r.body.contains("href=\"javascript:"),
            "{page}: never a link: {}",
            r.body
        );
        assert!(
            r.body.contains("href=\"https://signal.org/docs/\""),
            "{page}: a good link stays a link"
        );
    }
}

/// What a text log subscriber writes, kept for the test to read.
#[derive(Clone, Default)]
struct CapturedLog(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for CapturedLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log lock").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl CapturedLog {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log lock")).into_owned()
    }
}

#[tokio::test]
async fn a_hostile_login_callback_cannot_forge_or_colour_a_log_line() {
    let t = TestApp::new_with(|config| {
        config.auth.providers.push(ProviderConfig {
            id: "test-oidc".into(),
            kind: ProviderKind::Oidc,
            name: "Test".into(),
            issuer: Some("https://id.example.org".into()),
            base_url: None,
            api_url: None,
            client_id: "registry".into(),
            client_secret: Some("secret".into()),
            client_secret_env: None,
        });
    })
    .await;
    // The text log as `serve` writes it (without colours: any escape would be the caller's).
    let log = CapturedLog::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let login_cookie = Cookies {
        secure: t.app.config.auth.cookie_secure,
    }
    .login_name();
    let query = "error=x%0d%0a2026-12-07T00:00:00Z%20INFO%20FORGED%20admin%20logged%20in%1b%5b2J\
                 &error_description=%1b%5b31mred%0a%e2%80%a8FORGED2%c2%85";
    // A login under way, then the provider's "answer" (anyone can send it): once for a
    // configured provider, once for a provider name that is itself hostile.
    for (provider, path) in [
        ("test-oidc", "test-oidc"),
        ("evil\r\nFORGED3\u{1b}[0m", "evil%0d%0aFORGED3%1b%5b0m"),
    ] {
        let token = session::start_flow(
            t.app.db().expect("database"),
            session::Flow {
                provider: provider.into(),
                state: "state".into(),
                nonce: "nonce".into(),
                pkce_verifier: "verifier".into(),
                next_path: "/".into(),
            },
        )
        .await
        .expect("login flow");
        let r = t
            .send(
                Request::get(format!("/auth/callback/{path}?{query}"))
                    .header(header::COOKIE, format!("{login_cookie}={token}"))
                    .body(Body::empty())
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    }

    let text = log.text();
    assert_eq!(text.matches("login failed").count(), 2, "{text}");
    for raw in ['\r', '\u{1b}', '\u{85}', '\u{2028}'] {
        assert!(!text.contains(raw), "{raw:?} reached the log: {text:?}");
    }
    for line in text.lines() {
        assert!(
            !line.contains("FORGED") || line.contains("login failed"),
            "a forged line: {line:?}"
        );
    }
    // The caller's text is there, escaped; a configured provider is named, another is not.
    assert!(
        text.contains(r"x\r\n2026-12-07T00:00:00Z INFO FORGED admin logged in\u{1b}[2J"),
        "{text}"
    );
    assert!(text.contains("provider=\"test-oidc\""), "{text}");
    assert!(text.contains("provider=\"(unknown provider)\""), "{text}");
    assert!(
        !text.contains("evil") && !text.contains("FORGED3"),
        "{text}"
    );
}

#[tokio::test]
async fn a_reviewer_who_authored_a_submission_is_told_about_four_eyes() {
    let t = TestApp::new().await;
    let rita = t.person("rita", Role::Reviewer).await;
    let id = submitted(&t, &rita).await;
    t.set_state(id, State::Open).await;
    let r = t.get(&rita, &format!("/en/submissions/{id}")).await;
    assert!(r.body.contains("four-eyes rule"), "{}", r.body);
    assert!(!r.body.contains("/decision\""));
}

#[tokio::test]
async fn bad_queue_filters_get_a_400_page_saying_what_is_wrong() {
    let t = TestApp::new().await;
    let rita = t.person("rita", Role::Reviewer).await;
    for (query, says) in [
        ("state=approved", "does not exist"),
        ("category=nothing", "There is no category"),
        ("min_age=-3", "whole number of days"),
        ("min_age=abc", "whole number of days"),
        ("colour=red", "unknown parameter"),
    ] {
        let r = t.get(&rita, &format!("/en/review?{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(r.body.contains(says), "{query}: {}", r.body);
    }
    let r = t
        .get(&rita, "/en/review?state=open&category=messaging&min_age=0")
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn an_admin_changes_a_stored_role_and_it_is_audited() {
    let t = TestApp::new().await;
    let ada = t.person("ada", Role::Admin).await;
    let sam = t.person("sam", Role::Submitter).await;
    let r = t
        .post(
            &sam,
            "/en/admin/role",
            &pairs(&[
                ("csrf", &sam.csrf),
                ("user", &sam.id.to_string()),
                ("role", "admin"),
            ]),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = t
        .post(
            &ada,
            "/en/admin/role",
            &pairs(&[
                ("csrf", &ada.csrf),
                ("user", &sam.id.to_string()),
                ("role", "reviewer"),
            ]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(t.get(&sam, "/en/review").await.status, StatusCode::OK);
    let audit = floss_registry::db::entities::audit_log::Entity::find()
        .all(t.app.db().expect("database"))
        .await
        .expect("audit");
    assert!(
        audit
            .iter()
            .any(|a| a.action == "admin.role" && a.target == format!("user:{}", sam.id))
    );
}

#[tokio::test]
async fn a_person_downloads_their_data_and_deletes_their_account() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let r = t.get(&sam, "/en/account/export.json").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.header(header::CONTENT_DISPOSITION)
            .starts_with("attachment")
    );
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
    let data: serde_json::Value = serde_json::from_str(&r.body).expect("JSON");
    assert_eq!(data["account"]["display_name"], "sam");

    let r = t
        .post(&sam, "/en/account/delete", &pairs(&[("csrf", &sam.csrf)]))
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the box must be ticked"
    );
    let r = t
        .post(
            &sam,
            "/en/account/delete",
            &pairs(&[("csrf", &sam.csrf), ("confirm", "yes")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header(header::LOCATION), "/en/?notice=account-deleted");
    assert!(r.header(header::SET_COOKIE).contains("Max-Age=0"));
    let r = t.get(&sam, "/en/account").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "the session has ended");
    let home = t
        .send(
            Request::get("/en/?notice=account-deleted")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert!(home.body.contains("Your account is deleted."));
}

/// Who asks, in the authorization matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Anonymous,
    /// The submitter who authored the submission.
    Author,
    /// Another submitter.
    Other,
    Reviewer,
    Admin,
}

/// One request of the matrix: method, address, posted form, what must happen.
type Case = (&'static str, String, Vec<(String, String)>, Outcome);

/// What the matrix expects of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Sent to the login page, which brings the person back (`GET` without a session).
    Login,
    /// The session-ended page that keeps what was posted (`POST` without a session).
    SessionEnded,
    /// Refused with a 403 page.
    Refused,
    /// Done: this status (200 for pages, 303 after a form, 422 for a form refused on its
    /// content, which proves it got past the authorization).
    Done(StatusCode),
}

#[tokio::test]
async fn every_protected_page_and_form_answers_each_role_as_the_rules_say() {
    use Outcome::{Done, Login, Refused, SessionEnded};
    let t = TestApp::new().await;
    let ok = Done(StatusCode::OK);
    let done = Done(StatusCode::SEE_OTHER);
    let invalid = Done(StatusCode::UNPROCESSABLE_ENTITY);
    let rows = [
        Who::Anonymous,
        Who::Author,
        Who::Other,
        Who::Reviewer,
        Who::Admin,
    ];
    // Seed entries, one per row, so that each row has a submission of its own.
    let slugs = ["signal", "briar", "element", "jitsi-meet", "nextcloud"];
    let mut table = Vec::new();
    for (n, who) in rows.into_iter().enumerate() {
        let author = t.person(&format!("author{n}"), Role::Submitter).await;
        let bystander = t.person(&format!("bystander{n}"), Role::Submitter).await;
        let snapshot = t.app.snapshot();
        let entry = snapshot
            .catalogue
            .entries
            .get(slugs[n])
            .unwrap_or_else(|| panic!("seed entry {}", slugs[n]));
        let mut form = EntryForm::from_entry(entry);
        form.summary_en = format!("{} (a change proposed in row {n})", form.summary_en);
        let mut change = form_pairs(&form, &author.csrf);
        change.push(("change".into(), "1".into()));
        let r = t.post(&author, "/fr/submit", &change).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id: i64 = r
            .header(header::LOCATION)
            .rsplit('/')
            .next()
            .and_then(|s| s.parse().ok())
            .expect("submission id");
        t.set_state(id, State::Open).await;
        let me = match who {
            Who::Anonymous => Person {
                id: 0,
                cookie: String::new(),
                csrf: String::new(),
            },
            Who::Author => author,
            Who::Other => t.person(&format!("other{n}"), Role::Submitter).await,
            Who::Reviewer => t.person(&format!("reviewer{n}"), Role::Reviewer).await,
            Who::Admin => t.person(&format!("admin{n}"), Role::Admin).await,
        };
        let logged_in = who != Who::Anonymous;
        let reviewer = matches!(who, Who::Reviewer | Who::Admin);
        let sees = matches!(who, Who::Author | Who::Reviewer | Who::Admin);
        let pick = |allowed: bool, yes: Outcome, get: bool| {
            if !logged_in {
                if get { Login } else { SessionEnded }
            } else if allowed {
                yes
            } else {
                Refused
            }
        };
        let is_author = who == Who::Author;
        let mut edit = form_pairs(&form, &me.csrf);
        edit.retain(|(k, _)| k != "csrf");
        edit.push(("csrf".into(), me.csrf.clone()));
        let mut bad_entry = form_pairs(&EntryForm::blank(), &me.csrf);
        bad_entry.push(("name".into(), String::new()));
        let s = format!("/fr/submissions/{id}");
        // (method, address, form, expected) in an order where each step leaves the next
        // one meaningful: the decision before the withdrawal, the account's deletion last.
        let cases: Vec<Case> = vec![
            ("GET", "/fr/submit".into(), vec![], pick(true, ok, true)),
            (
                "POST",
                "/fr/submit".into(),
                bad_entry,
                pick(true, invalid, false),
            ),
            ("GET", s.clone(), vec![], pick(sees, ok, true)),
            (
                "GET",
                format!("{s}/edit"),
                vec![],
                pick(is_author, ok, true),
            ),
            (
                "POST",
                format!("{s}/edit"),
                edit,
                pick(is_author, done, false),
            ),
            (
                "POST",
                format!("{s}/comments"),
                pairs(&[
                    ("csrf", &me.csrf),
                    ("body", "A question about the licence."),
                ]),
                pick(sees, done, false),
            ),
            (
                "POST",
                format!("{s}/decision"),
                pairs(&[
                    ("csrf", &me.csrf),
                    ("decision", "request-changes"),
                    ("reason", "The evidence links are missing."),
                ]),
                pick(reviewer, done, false),
            ),
            (
                "POST",
                format!("{s}/withdraw"),
                pairs(&[("csrf", &me.csrf)]),
                pick(is_author, done, false),
            ),
            ("GET", "/fr/review".into(), vec![], pick(reviewer, ok, true)),
            ("GET", "/fr/account".into(), vec![], pick(true, ok, true)),
            (
                "GET",
                "/fr/account/export.json".into(),
                vec![],
                pick(true, ok, true),
            ),
            (
                "GET",
                "/fr/admin".into(),
                vec![],
                pick(who == Who::Admin, ok, true),
            ),
            (
                "POST",
                "/fr/admin/role".into(),
                pairs(&[
                    ("csrf", &me.csrf),
                    ("user", &bystander.id.to_string()),
                    ("role", "reviewer"),
                ]),
                pick(who == Who::Admin, done, false),
            ),
            (
                "POST",
                "/fr/account/tokens".into(),
                pairs(&[
                    ("csrf", &me.csrf),
                    ("token_name", "CI of my project"),
                    ("token_days", "30"),
                ]),
                pick(true, Done(StatusCode::CREATED), false),
            ),
            (
                "POST",
                "/fr/account/delete".into(),
                pairs(&[("csrf", &me.csrf), ("confirm", "yes")]),
                pick(true, done, false),
            ),
        ];
        for (method, uri, form, expected) in cases {
            let r = if method == "GET" {
                t.get(&me, &uri).await
            } else {
                t.post(&me, &uri, &form).await
            };
            let got = match r.status {
                StatusCode::SEE_OTHER
                    if r.header(header::LOCATION).starts_with("/fr/login?next=") =>
                {
                    Login
                }
                StatusCode::UNAUTHORIZED => SessionEnded,
                StatusCode::FORBIDDEN => Refused,
                other => Done(other),
            };
            if got != expected {
                table.push(format!(
                    "{who:?} {method} {uri}: expected {expected:?}, got {got:?} ({})\n{}",
                    r.header(header::LOCATION),
                    r.body.chars().take(400).collect::<String>()
                ));
            }
            // A login page brings the person back exactly where they were going.
            if got == Login {
                let location = r.header(header::LOCATION);
                let query = location.split_once('?').map_or("", |(_, q)| q);
                let next = url::form_urlencoded::parse(query.as_bytes())
                    .find(|(k, _)| k == "next")
                    .map(|(_, v)| v.into_owned());
                assert_eq!(next.as_deref(), Some(uri.as_str()), "{location}");
            }
        }
        // The administrator's change of role happened only when an administrator asked.
        let stored = users::Entity::find_by_id(bystander.id)
            .one(t.app.db().expect("database"))
            .await
            .expect("query")
            .expect("bystander");
        let promoted = stored.role == Role::Reviewer;
        assert_eq!(
            promoted,
            who == Who::Admin,
            "{who:?}: the role changed or not"
        );
    }
    assert!(
        table.is_empty(),
        "authorization rules broken:\n{}",
        table.join("\n")
    );
}

#[tokio::test]
async fn a_form_posted_after_the_session_ended_comes_back_whole_with_a_way_to_send_it_again() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let mut posted = signal_change(&t, &sam.csrf);
    posted.push((
        "description_en".into(),
        "Line one of a long text <b>typed</b> by hand.\nLine two & more.".into(),
    ));
    // The session ends (logged out elsewhere, or expired) while the form is being filled.
    let ended = Person {
        id: sam.id,
        cookie: format!(
            "{}=not-a-live-session-token",
            sam.cookie.split('=').next().unwrap_or("")
        ),
        csrf: sam.csrf.clone(),
    };
    let r = t.post(&ended, "/en/submit", &posted).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
    assert!(r.header(header::CONTENT_TYPE).starts_with("text/html"));
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
    assert!(r.body.contains("Your session has ended"), "{}", r.body);
    assert!(
        r.body
            .contains(r#"<form method="post" action="/en/submit">"#),
        "{}",
        r.body
    );
    assert!(
        r.body.contains(r#"href="/en/login?next=%2Fen%2Fsubmit""#),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("Private messenger with end-to-end encryption."),
        "every posted value is kept"
    );
    assert!(
        r.body.contains("typed&#60;/b&#62; by hand.") && !r.body.contains("<b>typed</b>"),
        "what was typed is escaped, never interpreted: {}",
        r.body
    );
    assert!(
        !r.body.contains(&sam.csrf),
        "the ended session's token is not sent again"
    );
    // Once logged in again, sending it again lands on the form with everything typed and a
    // fresh token to confirm (the posted token belonged to the ended session).
    let again = t.person("sam", Role::Submitter).await;
    let mut resent: Vec<(String, String)> =
        posted.into_iter().filter(|(k, _)| k != "csrf").collect();
    resent.push(("csrf".into(), String::new()));
    let r = t.post(&again, "/en/submit", &resent).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(
        r.body
            .contains("Private messenger with end-to-end encryption.")
    );
    assert!(r.body.contains(&format!("value=\"{}\"", again.csrf)));
}

#[tokio::test]
async fn a_registry_without_a_database_answers_503_pages_not_500s() {
    let loaded = floss_registry::data::load(Path::new("registry-data")).expect("seed data loads");
    let index = SearchIndex::in_memory(&loaded.catalogue).expect("index builds");
    let mut config = Config::from_args(&ConfigArgs::default()).expect("default config");
    config.public_url = BASE.into();
    let snapshot = Snapshot::new(loaded.catalogue, &loaded.report, None);
    let t = TestApp {
        app: Arc::new(App::from_parts(config, snapshot, index)),
        _dir: tempfile::tempdir().expect("tempdir"),
    };
    let cookie = Cookies {
        secure: t.app.config.auth.cookie_secure,
    }
    .session_name();
    let someone = Person {
        id: 1,
        cookie: format!("{cookie}=some-token"),
        csrf: "x".into(),
    };
    for uri in ["/fr/account", "/fr/review", "/en/submit"] {
        let r = t.get(&someone, uri).await;
        assert_eq!(
            r.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{uri}: {}",
            r.body
        );
        assert!(
            r.header(header::CONTENT_TYPE).starts_with("text/html"),
            "{uri}"
        );
    }
    let r = t
        .post(&someone, "/en/submit", &pairs(&[("name", "kept")]))
        .await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
    // The public pages go on, and so does the decisions page (without the workflow's part).
    let anonymous = Person {
        id: 0,
        cookie: String::new(),
        csrf: String::new(),
    };
    for uri in ["/fr/", "/fr/decisions", "/en/search?q=signal"] {
        let r = t.get(&anonymous, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.body);
    }
    let r = t.get(&someone, "/api/v1/me").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
    assert!(
        r.body.contains("\"error\""),
        "the API keeps JSON errors: {}",
        r.body
    );
}

#[tokio::test]
async fn a_person_makes_an_api_token_sees_it_once_and_revokes_it() {
    let t = TestApp::new().await;
    let sam = t.person("sam", Role::Submitter).await;
    let rita = t.person("rita", Role::Submitter).await;
    // Refused input comes back with an error next to its field, the rest kept.
    let r = t
        .post(
            &sam,
            "/en/account/tokens",
            &pairs(&[
                ("csrf", &sam.csrf),
                ("token_name", "CI of Sam"),
                ("token_days", "1000"),
            ]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(r#"id="f-token-days-error""#), "{}", r.body);
    assert!(r.body.contains(r#"value="CI of Sam""#), "{}", r.body);
    let r = t
        .post(
            &sam,
            "/en/account/tokens",
            &pairs(&[
                ("csrf", &sam.csrf),
                ("token_name", "CI of Sam"),
                ("token_days", "30"),
            ]),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
    let at = r.body.find("frt_").expect("the token is shown");
    let secret: String = r.body[at..].chars().take(68).collect();
    assert!(
        secret[4..].chars().all(|c| c.is_ascii_hexdigit()),
        "{secret}"
    );
    // Shown once: the account page lists it by name only.
    let r = t.get(&sam, "/en/account").await;
    assert!(
        r.body.contains("CI of Sam") && !r.body.contains(&secret),
        "{}",
        r.body
    );
    let id: i64 = r
        .body
        .split("/en/account/tokens/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|n| n.parse().ok())
        .expect("a revoke form");
    // Nobody else revokes it.
    let r = t
        .post(
            &rita,
            &format!("/en/account/tokens/{id}/revoke"),
            &pairs(&[("csrf", &rita.csrf)]),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    let r = t
        .post(
            &sam,
            &format!("/en/account/tokens/{id}/revoke"),
            &pairs(&[("csrf", &sam.csrf)]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t.get(&sam, "/en/account").await;
    assert!(!r.body.contains("CI of Sam"), "revoked tokens are gone");
}
