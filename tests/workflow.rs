//! The submission and review workflow end to end over HTTP: a real registry on loopback, a
//! real OpenID Connect provider (npm's oidc-provider, tests/oidc), a real git repository in
//! the state directory, and SQLite — or, when `DATABASE_URL` names a PostgreSQL server, a
//! database of its own per test on that server (scripts/test runs this file both ways).

mod common;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use common::oidc::{self, OidcProvider};
use floss_registry::app::App;
use floss_registry::config::{Config, ConfigArgs, ServeArgs};
use floss_registry::db::entities::submissions;
use floss_registry::workflow::forge::{Answer, Event, PullRequests};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A running registry with its provider; everything is removed when dropped.
struct Registry {
    base: String,
    app: Arc<App>,
    /// What the registry told its pull-request adapter.
    forge: Arc<Recorder>,
    _provider: OidcProvider,
    state: tempfile::TempDir,
    _data: tempfile::TempDir,
    server: tokio::task::JoinHandle<()>,
}

/// A pull-request adapter that records what it is told (in place of a forge).
#[derive(Debug, Default)]
struct Recorder(std::sync::Mutex<Vec<(i64, Event)>>);

impl Recorder {
    fn events_of(&self, id: i64) -> Vec<Event> {
        self.0
            .lock()
            .expect("lock")
            .iter()
            .filter(|(s, _)| *s == id)
            .map(|(_, e)| *e)
            .collect()
    }
}

impl PullRequests for Recorder {
    fn name(&self) -> &'static str {
        "recorder"
    }

    fn notify<'a>(&'a self, submission: &'a submissions::Model, event: Event) -> Answer<'a> {
        self.0.lock().expect("lock").push((submission.id, event));
        Box::pin(async move { Ok(format!("recorded #{}", submission.id)) })
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Registry {
    async fn start() -> Registry {
        Registry::start_with(|_| {}).await
    }

    /// Starts on a copy of the seed catalogue, changed by `prepare` first.
    async fn start_with(prepare: impl FnOnce(&std::path::Path)) -> Registry {
        let data = tempfile::tempdir().expect("data dir");
        common::copy_dir(&common::seed_dir(), data.path());
        prepare(data.path());
        let state = tempfile::tempdir().expect("state dir");
        let provider = OidcProvider::start(&[]);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr: SocketAddr = listener.local_addr().expect("addr");
        let base = format!("http://{addr}");
        let config_file = state.path().join("registry.toml");
        std::fs::write(
            &config_file,
            format!(
                r#"
[[auth.providers]]
id = "test-oidc"
kind = "oidc"
name = "Test identity provider"
issuer = "{issuer}"
client_id = "{client_id}"
client_secret = "{secret}"

[[auth.roles]]
role = "reviewer"
provider = "test-oidc"
email_domain = "cnil.example"

[[auth.roles]]
role = "admin"
provider = "test-oidc"
subject = "c4a61d29-admin"
"#,
                issuer = provider.issuer,
                client_id = oidc::FIXTURE_CLIENT_ID,
                secret = oidc::FIXTURE_CLIENT_SECRET,
            ),
        )
        .expect("config file");
        let args = ServeArgs {
            common: ConfigArgs {
                data: Some(data.path().to_owned()),
                state: Some(state.path().join("var")),
                config: Some(config_file),
            },
            bind: Some(addr.to_string()),
            public_url: Some(base.clone()),
            log_format: None,
        };
        let db = common::postgres_database("floss_wf").await;
        let config: Config = Config::resolve_with_env(&args, &|name| match name {
            "DATABASE_URL" => db.clone(),
            _ => None,
        })
        .expect("config");
        let forge = Arc::new(Recorder::default());
        let app = App::start(config).await.expect("the registry starts");
        let app = Arc::new(app.with_pull_requests(Arc::clone(&forge) as _));
        let router = floss_registry::http::router(Arc::clone(&app));
        let server = tokio::spawn(async move {
            axum::serve(listener, router).await.ok();
        });
        Registry {
            base,
            app,
            forge,
            _provider: provider,
            state,
            _data: data,
            server,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn client() -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// A client logged in as a fixture user, and the session's CSRF token.
    async fn log_in(&self, username: &str) -> User {
        let client = Registry::client();
        let who = oidc::fixture_user(username);
        let done = oidc::log_in(
            &client,
            &self.url("/auth/login/test-oidc?next=/fr/"),
            who.username,
            who.password,
        )
        .await;
        assert!(
            done.url().as_str().starts_with(&self.base),
            "back on the registry after login: {}",
            done.url()
        );
        let me: Value = client
            .get(self.url("/api/v1/me"))
            .send()
            .await
            .expect("GET /api/v1/me")
            .json()
            .await
            .expect("JSON");
        User {
            client,
            csrf: me["csrf_token"].as_str().expect("csrf token").to_owned(),
            id: me["id"].as_i64().expect("id"),
            role: me["role"].as_str().expect("role").to_owned(),
        }
    }

    fn state_dir(&self) -> PathBuf {
        self.state.path().join("var")
    }
}

struct User {
    client: reqwest::Client,
    csrf: String,
    id: i64,
    role: String,
}

impl User {
    async fn send(
        &self,
        method: reqwest::Method,
        url: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(method, url)
            .header("X-CSRF-Token", &self.csrf);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("request");
        let status = res.status();
        let text = res.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }
}

/// A new entry for the catalogue: the seed's Signal entry under another slug and name.
fn new_entry(slug: &str, name: &str) -> String {
    let signal = std::fs::read_to_string(common::seed_dir().join("entries/signal.toml"))
        .expect("seed entry");
    signal
        .replacen("slug = \"signal\"", &format!("slug = \"{slug}\""), 1)
        .replacen("name = \"Signal\"", &format!("name = \"{name}\""), 1)
        .replace("status = \"community\"", "status = \"submitted\"")
}

async fn submit(user: &User, reg: &Registry, text: &str) -> (StatusCode, Value) {
    user.send(
        reqwest::Method::POST,
        &reg.url("/api/v1/submissions"),
        Some(json!({ "entry_toml": text })),
    )
    .await
}

#[tokio::test]
async fn a_maintainer_submits_another_account_approves_and_the_entry_is_searchable() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    assert_eq!(maintainer.role, "submitter");
    let (status, created) =
        submit(&maintainer, &reg, &new_entry("quokka-chat", "Quokka Chat")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["state"], "open", "{created}");
    let id = created["id"].as_i64().expect("id");
    assert_eq!(created["branch"], format!("submission/{id}-quokka-chat"));

    // Not searchable before the decision.
    let before: Value = reqwest::get(reg.url("/api/v1/search?q=quokka"))
        .await
        .expect("search")
        .json()
        .await
        .expect("json");
    assert_eq!(before["total"], 0, "{before}");

    let reviewer = reg.log_in("reviewer").await;
    assert_eq!(
        reviewer.role, "reviewer",
        "verified address in cnil.example"
    );
    let (status, queue) = reviewer
        .send(reqwest::Method::GET, &reg.url("/api/v1/review/queue"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        queue
            .as_array()
            .expect("list")
            .iter()
            .any(|s| s["id"] == id),
        "{queue}"
    );
    let (status, decision) = reviewer
        .send(
            reqwest::Method::POST,
            &reg.url(&format!("/api/v1/submissions/{id}/decision")),
            Some(json!({
                "decision": "approve",
                "reason": "Every criterion checked against its evidence.",
                "verdicts": [{
                    "criterion": "e2ee",
                    "status": "met",
                    "evidence": ["https://signal.org/docs/"],
                    "note_fr": "Vérifié dans la documentation du protocole.",
                    "note_en": "Checked in the protocol documentation."
                }]
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{decision}");
    assert_eq!(decision["decision"], "approve");
    assert_eq!(decision["reviewer"], "Dominique Reviewer");
    assert!(decision["merge_commit"].as_str().is_some(), "{decision}");

    // Searchable as soon as the decision is answered, marked validated by the reviewer.
    let after: Value = reqwest::get(reg.url("/api/v1/search?q=quokka"))
        .await
        .expect("search")
        .json()
        .await
        .expect("json");
    assert_eq!(after["hits"][0]["slug"], "quokka-chat", "{after}");
    let entry: Value = reqwest::get(reg.url("/api/v1/entries/quokka-chat"))
        .await
        .expect("entry")
        .json()
        .await
        .expect("json");
    assert_eq!(entry["review"]["status"], "validated", "{entry}");
    assert_eq!(entry["review"]["by"], "Dominique Reviewer");

    // The merge is a commit of the data repository naming the reviewer.
    let repo = git2::Repository::open(reg.state_dir().join("data-repo")).expect("state repo");
    let head = repo.head().expect("head").peel_to_commit().expect("commit");
    assert_eq!(head.parent_count(), 2, "a merge commit");
    assert!(
        head.message()
            .unwrap_or_default()
            .contains("Dominique Reviewer"),
        "{:?}",
        head.message()
    );

    // The decision is public, with its reason and verdicts.
    let public: Value = reqwest::get(reg.url("/api/v1/decisions"))
        .await
        .expect("decisions")
        .json()
        .await
        .expect("json");
    assert_eq!(public[0]["slug"], "quokka-chat", "{public}");
    assert_eq!(public[0]["verdicts"][0]["criterion"], "e2ee");
}

#[tokio::test]
async fn nobody_approves_their_own_submission() {
    let reg = Registry::start().await;
    let reviewer = reg.log_in("reviewer").await;
    let (status, created) = submit(&reviewer, &reg, &new_entry("own-work", "Own Work")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().expect("id");
    let url = reg.url(&format!("/api/v1/submissions/{id}/decision"));
    let (status, body) = reviewer
        .send(
            reqwest::Method::POST,
            &url,
            Some(json!({"decision": "approve"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("four-eyes")
    );
    let other = reg.log_in("reviewer2").await;
    let (status, body) = other
        .send(
            reqwest::Method::POST,
            &url,
            Some(json!({"decision": "approve"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

#[tokio::test]
async fn requesting_changes_or_rejecting_needs_a_reason_and_the_author_can_answer() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let (_, created) = submit(&maintainer, &reg, &new_entry("needs-work", "Needs Work")).await;
    let id = created["id"].as_i64().expect("id");
    let reviewer = reg.log_in("reviewer").await;
    let url = reg.url(&format!("/api/v1/submissions/{id}/decision"));
    for decision in ["request-changes", "reject"] {
        let (status, body) = reviewer
            .send(
                reqwest::Method::POST,
                &url,
                Some(json!({"decision": decision, "reason": "  "})),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{decision}: {body}"
        );
    }
    let (status, _) = reviewer
        .send(
            reqwest::Method::POST,
            &url,
            Some(json!({
                "decision": "request-changes",
                "reason": "Add evidence for the licence.",
                "verdicts": [{
                    "criterion": "licence",
                    "status": "partial",
                    "evidence": ["https://signal.org/legal/"],
                    "note_fr": "Le fichier de licence n'est pas lié.",
                    "note_en": "The licence file is not linked."
                }]
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let comments = reg.url(&format!("/api/v1/submissions/{id}/comments"));
    let (status, body) = reviewer
        .send(
            reqwest::Method::POST,
            &comments,
            Some(json!({"body": "See the licence criterion."})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = maintainer
        .send(
            reqwest::Method::POST,
            &comments,
            Some(json!({"body": "The licence is linked in the new version."})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // The submission shows its conversation to its author and to reviewers alike: the one
    // decision recorded (the refusals above recorded nothing), its reason and verdicts, and
    // the comments oldest first, each with who wrote it.
    for who in [&maintainer, &reviewer] {
        let (status, seen) = who
            .send(
                reqwest::Method::GET,
                &reg.url(&format!("/api/v1/submissions/{id}")),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{seen}");
        assert_eq!(seen["id"], id);
        assert_eq!(seen["state"], "changes-requested", "{seen}");
        let decisions = seen["decisions"].as_array().expect("decisions");
        assert_eq!(decisions.len(), 1, "{seen}");
        let d = &decisions[0];
        assert_eq!(d["decision"], "request-changes");
        assert_eq!(d["reason"], "Add evidence for the licence.");
        assert_eq!(d["reviewer"], "Dominique Reviewer");
        assert_eq!(d["submission"], id);
        assert_eq!(
            d["verdicts"],
            json!([{
                "criterion": "licence",
                "status": "partial",
                "evidence": ["https://signal.org/legal/"],
                "note_fr": "Le fichier de licence n'est pas lié.",
                "note_en": "The licence file is not linked."
            }])
        );
        // The author's comment carries the same pseudonym as the submission, never the
        // author's name; the reviewer's carries the reviewer's name, as the decision does.
        let pseudonym = seen["author"].as_str().expect("author").to_owned();
        assert!(pseudonym.starts_with("contributor-"), "{seen}");
        let said: Vec<(&str, &str, &str)> = seen["comments"]
            .as_array()
            .expect("comments")
            .iter()
            .map(|c| {
                assert!(c["created_at"].is_string(), "{c}");
                (
                    c["author"].as_str().unwrap_or_default(),
                    c["role"].as_str().unwrap_or_default(),
                    c["body"].as_str().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            said,
            [
                (
                    "Dominique Reviewer",
                    "reviewer",
                    "See the licence criterion."
                ),
                (
                    pseudonym.as_str(),
                    "author",
                    "The licence is linked in the new version."
                ),
            ],
            "as {}",
            who.role
        );
    }
    // The author pushes an update: a new commit on the same branch, back in the queue.
    let (status, updated) = maintainer
        .send(
            reqwest::Method::PUT,
            &reg.url(&format!("/api/v1/submissions/{id}")),
            Some(json!({"entry_toml": new_entry("needs-work", "Needs Work") + "\n# updated\n"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["state"], "open");
    let repo = git2::Repository::open(reg.state_dir().join("data-repo")).expect("repo");
    let branch = repo
        .find_branch(
            &format!("submission/{id}-needs-work"),
            git2::BranchType::Local,
        )
        .expect("branch");
    let tip = branch.get().peel_to_commit().expect("tip");
    assert!(
        tip.message()
            .unwrap_or_default()
            .starts_with("Update needs-work")
    );
}

#[tokio::test]
async fn evidence_in_verdicts_follows_the_rule_of_entries_links() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let (_, created) = submit(&maintainer, &reg, &new_entry("evidence-rule", "Evidence")).await;
    let id = created["id"].as_i64().expect("id");
    let reviewer = reg.log_in("reviewer").await;
    let url = reg.url(&format!("/api/v1/submissions/{id}/decision"));
    let good = |criterion: &str| json!({"criterion": criterion, "status": "met", "evidence": ["https://signal.org/legal/"]});
    for (bad, why) in [
        ("javascript:alert(7)", "does not use https"),
        ("http://signal.org/legal/", "does not use https"),
        ("https://localhost/admin", "has no public host name"),
        ("https://user:secret@signal.org/", "contains credentials"),
        ("signal.org/legal", "is not a valid URL"),
    ] {
        let (status, body) = reviewer
            .send(
                reqwest::Method::POST,
                &url,
                Some(json!({
                    "decision": "request-changes",
                    "reason": "Add evidence for the licence.",
                    "verdicts": [
                        good("licence"),
                        good("e2ee"),
                        {"criterion": "no-trackers", "status": "met", "evidence": [bad]}
                    ]
                })),
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with("verdicts[2].evidence[0]: ") && message.contains(why),
            "{bad}: names the field and says why: {body}"
        );
    }
    // Nothing was recorded: the submission is still open, without decisions.
    let (status, seen) = reviewer
        .send(
            reqwest::Method::GET,
            &reg.url(&format!("/api/v1/submissions/{id}")),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    assert_eq!(seen["state"], "open", "{seen}");
    assert_eq!(seen["decisions"], json!([]), "{seen}");
    let (_, public) = reviewer
        .send(reqwest::Method::GET, &reg.url("/api/v1/decisions"), None)
        .await;
    assert!(!public.to_string().contains("javascript:"), "{public}");
}

#[tokio::test]
async fn an_invalid_entry_is_refused_with_located_diagnostics_and_nothing_is_stored() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let bad =
        new_entry("bad-entry", "Bad Entry").replace("https://signal.org", "http://signal.org");
    let (status, body) = submit(&maintainer, &reg, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let diags = body["error"]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    let insecure = diags
        .iter()
        .find(|d| d["code"] == "insecure-url")
        .unwrap_or_else(|| panic!("{body}"));
    assert_eq!(insecure["line"], 4, "{insecure}");
    let (status, mine) = maintainer
        .send(reqwest::Method::GET, &reg.url("/api/v1/submissions"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(mine, json!([]));
    // Not JSON at all: a clear 400, never a 500.
    let res = maintainer
        .client
        .post(reg.url("/api/v1/submissions"))
        .header("X-CSRF-Token", &maintainer.csrf)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

/// Every protected route × anonymous, submitter, reviewer and admin.
#[tokio::test]
async fn every_route_enforces_its_authorization_rule() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let reviewer = reg.log_in("reviewer").await;
    let admin = reg.log_in("admin").await;
    assert_eq!(admin.role, "admin");
    let (_, created) = submit(&maintainer, &reg, &new_entry("matrix-app", "Matrix App")).await;
    let id = created["id"].as_i64().expect("id");
    let anonymous = User {
        client: Registry::client(),
        csrf: String::new(),
        id: 0,
        role: "anonymous".into(),
    };
    // (method, path, body, [anonymous, submitter (author), reviewer, admin])
    use reqwest::Method as M;
    let sub = format!("/api/v1/submissions/{id}");
    let cases: Vec<(M, String, Option<Value>, [u16; 4])> = vec![
        (M::GET, "/api/v1/me".into(), None, [401, 200, 200, 200]),
        (
            M::GET,
            "/api/v1/me/export".into(),
            None,
            [401, 200, 200, 200],
        ),
        (
            M::GET,
            "/api/v1/submissions".into(),
            None,
            [401, 200, 200, 200],
        ),
        (M::GET, sub.clone(), None, [401, 200, 200, 200]),
        (
            M::GET,
            "/api/v1/review/queue".into(),
            None,
            [401, 403, 200, 200],
        ),
        (
            M::GET,
            "/api/v1/decisions".into(),
            None,
            [200, 200, 200, 200],
        ),
        (
            M::POST,
            "/api/v1/submissions".into(),
            Some(json!({"entry_toml": new_entry("matrix-new", "Matrix New")})),
            [401, 201, 201, 201],
        ),
        (
            M::PUT,
            sub.clone(),
            Some(json!({"entry_toml": new_entry("matrix-app", "Matrix App") + "\n# v2\n"})),
            [401, 200, 403, 403],
        ),
        (
            M::GET,
            "/api/v1/me/tokens".into(),
            None,
            [401, 200, 200, 200],
        ),
        (
            M::POST,
            "/api/v1/me/tokens".into(),
            Some(json!({"name": "matrix", "days": 1})),
            [401, 201, 201, 201],
        ),
        (
            M::DELETE,
            "/api/v1/me/tokens/999999".into(),
            None,
            [401, 404, 404, 404],
        ),
        (
            M::POST,
            format!("{sub}/comments"),
            Some(json!({"body": "hello"})),
            [401, 201, 201, 201],
        ),
        (
            M::POST,
            format!("{sub}/decision"),
            Some(json!({"decision": "request-changes", "reason": "r"})),
            [401, 403, 201, 201],
        ),
    ];
    for (method, path, body, expected) in cases {
        for (who, want) in [&anonymous, &maintainer, &reviewer, &admin]
            .iter()
            .zip(expected)
        {
            let (status, answer) = who
                .send(method.clone(), &reg.url(&path), body.clone())
                .await;
            assert_eq!(
                status.as_u16(),
                want,
                "{method} {path} as {}: {answer}",
                who.role
            );
        }
    }
    // Deleting an account needs one (the deletion itself is tested on its own).
    let (status, _) = anonymous
        .send(M::DELETE, &reg.url("/api/v1/me"), None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Someone else's submission: another submitter may not see it.
    let (_, other) = submit(&reviewer, &reg, &new_entry("other-app", "Other App")).await;
    let other_id = other["id"].as_i64().expect("id");
    let (status, _) = maintainer
        .send(
            M::GET,
            &reg.url(&format!("/api/v1/submissions/{other_id}")),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Only the author updates.
    let (status, _) = reviewer
        .send(
            M::PUT,
            &reg.url(&sub),
            Some(json!({"entry_toml": new_entry("matrix-app", "Matrix App")})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Writing without the CSRF token is refused, with a session or not.
    let res = maintainer
        .client
        .post(reg.url("/api/v1/submissions"))
        .json(&json!({"entry_toml": new_entry("no-token", "No Token")}))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let _ = maintainer.id;
}

#[tokio::test]
async fn cookies_appear_only_with_login_and_logout_ends_the_session() {
    let reg = Registry::start().await;
    let client = Registry::client();
    for path in ["/fr/", "/api/v1/search?q=signal", "/fr/login"] {
        let res = client.get(reg.url(path)).send().await.expect("get");
        assert!(
            res.headers().get("set-cookie").is_none(),
            "no cookie on {path}"
        );
    }
    let start = client
        .get(reg.url("/auth/login/test-oidc?next=/fr/criteria"))
        .send()
        .await
        .expect("login");
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let cookie = start.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(cookie.starts_with("registry-login="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let location = start.headers()["location"].to_str().expect("location");
    for part in [
        "code_challenge_method=S256",
        "state=",
        "nonce=",
        "response_type=code",
    ] {
        assert!(location.contains(part), "{part} in {location}");
    }

    let user = reg.log_in("maintainer").await;
    let res = user
        .client
        .post(reg.url("/auth/logout"))
        .form(&[("csrf", "wrong")])
        .send()
        .await
        .expect("logout");
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "a wrong CSRF token is refused"
    );
    let res = user
        .client
        .post(reg.url("/auth/logout"))
        .form(&[
            ("csrf", user.csrf.as_str()),
            ("next", "https://evil.example/"),
        ])
        .send()
        .await
        .expect("logout");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/", "no open redirect");
    let (status, _) = user
        .send(reqwest::Method::GET, &reg.url("/api/v1/me"), None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_callback_with_a_tampered_state_is_refused() {
    let reg = Registry::start().await;
    let client = Registry::client();
    let who = oidc::fixture_user("maintainer");
    let stop = oidc::log_in_until(
        &client,
        &reg.url("/auth/login/test-oidc?next=//evil.example"),
        who.username,
        who.password,
        |u| u.path().starts_with("/auth/callback/"),
    )
    .await;
    let location = stop.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let mut callback = url::Url::parse(&location).expect("callback URL");
    let pairs: Vec<(String, String)> = callback
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "state" {
                format!("{v}x")
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    callback.query_pairs_mut().clear().extend_pairs(pairs);
    let res = client
        .get(callback.as_str())
        .send()
        .await
        .expect("callback");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    // A browser coming back the same way (the login is used up now) gets a page saying so in
    // its language, with a way to start again; a tool gets the JSON error above.
    let res = client
        .get(callback.as_str())
        .header("accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .header("accept-language", "fr-FR,fr;q=0.9")
        .send()
        .await
        .expect("callback");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let page = res.text().await.expect("page");
    assert!(page.contains("<html lang=\"fr\">"), "{page}");
    assert!(page.contains("La connexion n’a pas abouti"), "{page}");
    assert!(page.contains("href=\"/fr/login\""), "{page}");
    let (status, _) = User {
        client,
        csrf: String::new(),
        id: 0,
        role: String::new(),
    }
    .send(reqwest::Method::GET, &reg.url("/api/v1/me"), None)
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "no session was opened");
}

#[tokio::test]
async fn deleting_an_account_keeps_its_submissions_under_a_pseudonym() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let (_, created) = submit(&maintainer, &reg, &new_entry("kept-app", "Kept App")).await;
    let id = created["id"].as_i64().expect("id");
    let (status, export) = maintainer
        .send(reqwest::Method::GET, &reg.url("/api/v1/me/export"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(export["account"]["email"], "camille@project.example");
    assert_eq!(export["submissions"][0]["id"], id);
    let (status, _) = maintainer
        .send(
            reqwest::Method::POST,
            &reg.url(&format!("/api/v1/submissions/{id}/comments")),
            Some(json!({"body": "Written before leaving."})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, deleted) = maintainer
        .send(reqwest::Method::DELETE, &reg.url("/api/v1/me"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{deleted}");
    let pseudonym = deleted["pseudonym"].as_str().expect("pseudonym").to_owned();
    let (status, _) = maintainer
        .send(reqwest::Method::GET, &reg.url("/api/v1/me"), None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "sessions ended");
    let reviewer = reg.log_in("reviewer").await;
    let (status, seen) = reviewer
        .send(
            reqwest::Method::GET,
            &reg.url(&format!("/api/v1/submissions/{id}")),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["author"], pseudonym);
    // The comment stays, attributed to the pseudonym; the name is gone from the answer.
    assert_eq!(seen["comments"][0]["author"], pseudonym, "{seen}");
    assert_eq!(seen["comments"][0]["role"], "author");
    assert_eq!(seen["comments"][0]["body"], "Written before leaving.");
    assert!(!seen.to_string().contains("Camille"), "{seen}");
    let row = <floss_registry::db::entities::users::Entity as sea_orm::EntityTrait>::find_by_id(
        maintainer.id,
    )
    .one(reg.app.db().expect("database"))
    .await
    .expect("query")
    .expect("the row stays");
    assert_eq!(row.email, None);
    assert_eq!(row.display_name, pseudonym);
    assert!(row.subject.starts_with("deleted:"));
}

#[tokio::test]
async fn a_submission_made_while_git_is_unavailable_is_kept_and_written_later() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let git_dir = reg.state_dir().join("data-repo/.git");
    let away = reg.state_dir().join("data-repo/git-away");
    std::fs::rename(&git_dir, &away).expect("hide the repository");
    let (status, created) =
        submit(&maintainer, &reg, &new_entry("patient-app", "Patient App")).await;
    std::fs::rename(&away, &git_dir).expect("bring it back");
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["state"], "pending-git", "{created}");
    let report = floss_registry::workflow::jobs::run_once(&reg.app.workflow).await;
    assert_eq!(report.written_to_git, 1, "{report:?}");
    let (_, now) = maintainer
        .send(
            reqwest::Method::GET,
            &reg.url(&format!("/api/v1/submissions/{}", created["id"])),
            None,
        )
        .await;
    assert_eq!(now["state"], "open", "{now}");
}

#[tokio::test]
async fn an_expired_validation_returns_to_the_queue() {
    let reg = Registry::start_with(|data| {
        let path = data.join("entries/signal.toml");
        let text = std::fs::read_to_string(&path).expect("signal");
        let text = text.replace(
            "[review]\nstatus = \"community\"",
            "[review]\nstatus = \"validated\"\nby = \"A Reviewer\"\ndate = 2025-01-01\nexpires = 2025-06-01",
        );
        assert!(text.contains("expires = 2025-06-01"), "the seed's review block moved");
        std::fs::write(&path, text).expect("write");
    })
    .await;
    let report = floss_registry::workflow::jobs::run_once(&reg.app.workflow).await;
    assert_eq!(report.expired, vec!["signal".to_owned()]);
    let entry: Value = reqwest::get(reg.url("/api/v1/entries/signal"))
        .await
        .expect("entry")
        .json()
        .await
        .expect("json");
    assert_eq!(entry["review"]["status"], "expired", "{entry}");
    let reviewer = reg.log_in("reviewer").await;
    let (_, queue) = reviewer
        .send(reqwest::Method::GET, &reg.url("/api/v1/review/queue"), None)
        .await;
    assert!(
        queue
            .as_array()
            .expect("list")
            .iter()
            .any(|s| s["slug"] == "signal"),
        "{queue}"
    );
    let again = floss_registry::workflow::jobs::run_once(&reg.app.workflow).await;
    assert!(again.expired.is_empty(), "queued once only");
}

#[tokio::test]
async fn the_pull_request_adapter_is_told_each_step_after_git() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let reviewer = reg.log_in("reviewer").await;
    let decide = |id: i64, decision: &str| {
        let url = reg.url(&format!("/api/v1/submissions/{id}/decision"));
        let body = json!({"decision": decision, "reason": "Checked against the evidence."});
        let reviewer = &reviewer;
        async move {
            let (status, body) = reviewer.send(reqwest::Method::POST, &url, Some(body)).await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
        }
    };
    let (_, created) = submit(&maintainer, &reg, &new_entry("told-app", "Told App")).await;
    let told = created["id"].as_i64().expect("id");
    assert_eq!(reg.forge.events_of(told), [Event::Opened]);
    decide(told, "request-changes").await;
    let (status, body) = maintainer
        .send(
            reqwest::Method::PUT,
            &reg.url(&format!("/api/v1/submissions/{told}")),
            Some(json!({"entry_toml": new_entry("told-app", "Told App") + "\n# answered\n"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    decide(told, "approve").await;
    assert_eq!(
        reg.forge.events_of(told),
        [Event::Opened, Event::Updated, Event::Merged]
    );

    let (_, created) = submit(&maintainer, &reg, &new_entry("refused-app", "Refused App")).await;
    let refused = created["id"].as_i64().expect("id");
    decide(refused, "reject").await;
    assert_eq!(reg.forge.events_of(refused), [Event::Opened, Event::Closed]);
}

#[tokio::test]
async fn a_tool_submits_with_an_api_token_that_opens_no_page_and_ends_when_revoked() {
    use reqwest::Method;
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let tokens_url = reg.url("/api/v1/me/tokens");
    for (body, why) in [
        (json!({"name": "  ", "days": 30}), "a name is required"),
        (json!({"name": "CI", "days": 0}), "a lifetime of 0 days"),
        (
            json!({"name": "CI", "days": 367}),
            "a lifetime over the maximum",
        ),
    ] {
        let (status, answer) = maintainer.send(Method::POST, &tokens_url, Some(body)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {answer}");
    }
    // `days` is a JSON Schema integer, as the document says: 30.5 is none (a malformed body),
    // 30.0 is 30.
    let (status, answer) = maintainer
        .send(
            Method::POST,
            &tokens_url,
            Some(json!({"name": "CI", "days": 30.5})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    let (status, made) = maintainer
        .send(
            Method::POST,
            &tokens_url,
            Some(json!({"name": "CI of Tool App", "days": 30.0})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let day = |field: &str| {
        chrono::DateTime::parse_from_rfc3339(made[field].as_str().expect(field)).expect(field)
    };
    assert_eq!(
        (day("expires_at") - day("created_at")).num_days(),
        30,
        "{made}"
    );
    let secret = made["token"].as_str().expect("token").to_owned();
    assert!(secret.starts_with("frt_") && secret.len() == 68, "{secret}");
    let (_, listed) = maintainer.send(Method::GET, &tokens_url, None).await;
    assert_eq!(listed[0]["name"], "CI of Tool App", "{listed}");
    assert!(
        !listed.to_string().contains(&secret[4..]),
        "the token is shown once, never listed"
    );

    // A tool: no cookie, no CSRF token, only the bearer token.
    let tool = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let res = tool
        .post(reg.url("/api/v1/submissions"))
        .bearer_auth(&secret)
        .json(&json!({"entry_toml": new_entry("tool-app", "Tool App")}))
        .send()
        .await
        .expect("submit");
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.expect("json");
    assert_eq!(created["slug"], "tool-app");
    let me: Value = tool
        .get(reg.url("/api/v1/me"))
        .bearer_auth(&secret)
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("json");
    assert_eq!(me["display_name"], "Camille Maintainer", "{me}");

    // What a token may not do: make tokens, delete the account, open a web page.
    let res = tool
        .post(&tokens_url)
        .bearer_auth(&secret)
        .json(&json!({"name": "another"}))
        .send()
        .await
        .expect("make");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = tool
        .delete(reg.url("/api/v1/me"))
        .bearer_auth(&secret)
        .send()
        .await
        .expect("delete");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = tool
        .get(reg.url("/en/account"))
        .bearer_auth(&secret)
        .send()
        .await
        .expect("page");
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "pages need a login");
    // Credentials that do not hold are refused, never mistaken for anonymous reading.
    for header in ["Basic bWU6cGFzcw==", "Bearer frt_0000", "Bearer "] {
        let res = tool
            .get(reg.url("/api/v1/me"))
            .header("authorization", header)
            .send()
            .await
            .expect("me");
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{header}");
    }

    // Revoked from the session: the tool is refused at once.
    let id = made["id"].as_i64().expect("id");
    let (status, body) = maintainer
        .send(Method::DELETE, &format!("{tokens_url}/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let res = tool
        .get(reg.url("/api/v1/me"))
        .bearer_auth(&secret)
        .send()
        .await
        .expect("me");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let (status, _) = maintainer
        .send(Method::DELETE, &format!("{tokens_url}/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "revoked already");
    let (_, export) = maintainer
        .send(Method::GET, &reg.url("/api/v1/me/export"), None)
        .await;
    assert_eq!(export["api_tokens"], json!([]), "{export}");
}

/// The outside probe's body: one line of `a = [` repeated (hundreds of syntax errors on one
/// line) got an answer of 64 MB. Every diagnostic repeated the whole line.
#[tokio::test]
async fn a_long_line_of_errors_gets_a_small_answer() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    // 200,000 characters (over the file limit), and 60,000 (under it: every error reported).
    for repeat in [40_000, 12_000] {
        let body = json!({ "entry_toml": "a = [".repeat(repeat) }).to_string();
        let res = maintainer
            .client
            .post(reg.url("/api/v1/submissions"))
            .header("X-CSRF-Token", &maintainer.csrf)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("post");
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = res.text().await.expect("body");
        assert!(
            text.len() < 64 * 1024,
            "{} bytes answered to {repeat} × `a = [`",
            text.len()
        );
        let answer: Value = serde_json::from_str(&text).expect("JSON");
        let diags = answer["error"]["diagnostics"]
            .as_array()
            .expect("diagnostics");
        assert!(diags.len() <= 51, "{} diagnostics", diags.len());
        for d in diags {
            let line = d["source_line"].as_str().unwrap_or_default();
            assert!(line.chars().count() <= 130, "{} characters", line.len());
        }
        if repeat == 12_000 {
            let last = diags.last().expect("diagnostics");
            assert_eq!(last["code"], "too-many-problems", "{last}");
        }
    }
}

/// Approves a submission as the reviewer, with no verdicts.
async fn approve(reviewer: &User, reg: &Registry, id: i64) -> (StatusCode, Value) {
    reviewer
        .send(
            reqwest::Method::POST,
            &reg.url(&format!("/api/v1/submissions/{id}/decision")),
            Some(json!({ "decision": "approve", "reason": "Checked.", "verdicts": [] })),
        )
        .await
}

/// The outside probe's 136 KB entry was accepted, merged on approval, then dropped by the
/// catalogue (`file-too-large`): a submission gets every check the loader makes.
#[tokio::test]
async fn an_entry_over_the_file_size_limit_is_refused_like_the_validator_refuses_it() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let mut big = new_entry("big-entry", "Big Entry");
    while big.len() <= 136 * 1024 {
        big.push_str("# A comment that makes the file larger than the loader accepts.\n");
    }
    let (status, body) = submit(&maintainer, &reg, &big).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let diags = body["error"]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    assert_eq!(diags.len(), 1, "{body}");
    assert_eq!(diags[0]["code"], "file-too-large", "{body}");
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("65536"),
        "{body}"
    );
    let (_, mine) = maintainer
        .send(reqwest::Method::GET, &reg.url("/api/v1/submissions"), None)
        .await;
    assert_eq!(mine, json!([]));
}

/// Two entries proposed under the same name are each valid alone; once one is merged, the
/// other's approval is refused, since the catalogue would drop it (`duplicate-name`).
#[tokio::test]
async fn an_approval_that_would_leave_the_data_invalid_merges_nothing() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let reviewer = reg.log_in("reviewer").await;
    let (status, first) = submit(&maintainer, &reg, &new_entry("twin-one", "Twin Chat")).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let (status, second) = submit(&maintainer, &reg, &new_entry("twin-two", "Twin Chat")).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    let (status, body) = approve(&reviewer, &reg, first["id"].as_i64().expect("id")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = approve(&reviewer, &reg, second["id"].as_i64().expect("id")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        body["error"]["diagnostics"][0]["code"], "duplicate-name",
        "{body}"
    );
    let loaded = floss_registry::data::load(reg.app.catalogue.data_dir()).expect("data dir");
    assert!(
        loaded.report.is_valid(),
        "{}",
        loaded.report.render_human(false)
    );
    assert!(loaded.catalogue.entries.contains_key("twin-one"));
    assert!(!loaded.catalogue.entries.contains_key("twin-two"));
}

/// A change approved through the workflow shows in the entry's history: the criterion that
/// moved, the submission it came from and the reviewer's reason; the seed's import is the
/// entry's first step.
#[tokio::test]
async fn an_approved_change_shows_in_the_entry_history_and_the_feed() {
    let reg = Registry::start().await;
    let maintainer = reg.log_in("maintainer").await;
    let reviewer = reg.log_in("reviewer").await;
    let seed: Value = reqwest::get(reg.url("/api/v1/entries/signal/history"))
        .await
        .expect("history")
        .json()
        .await
        .expect("json");
    assert_eq!(seed["total"], 1, "{seed}");
    assert_eq!(seed["changes"][0]["kind"], "added", "{seed}");

    let signal = std::fs::read_to_string(common::seed_dir().join("entries/signal.toml"))
        .expect("seed entry");
    let changed = signal
        .replacen(
            "[assessment.telemetry-opt-in]\nstatus = \"unknown\"\n",
            "[assessment.telemetry-opt-in]\nstatus = \"met\"\nevidence = [\"https://signal.org/legal/\"]\nassessed = 2026-11-22\n",
            1,
        )
        .replace("status = \"community\"", "status = \"submitted\"");
    assert_ne!(changed, signal);
    let (status, created) = submit(&maintainer, &reg, &changed).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().expect("id");
    let (status, body) = reviewer
        .send(
            reqwest::Method::POST,
            &reg.url(&format!("/api/v1/submissions/{id}/decision")),
            Some(json!({
                "decision": "approve",
                "reason": "Checked.",
                "verdicts": [{
                    "criterion": "telemetry-opt-in",
                    "status": "met",
                    "evidence": ["https://signal.org/legal/"],
                    "note_fr": "Vérifié dans la politique de confidentialité.",
                    "note_en": "Checked in the privacy policy."
                }]
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    let history: Value = reqwest::get(reg.url("/api/v1/entries/signal/history?per_page=1"))
        .await
        .expect("history")
        .json()
        .await
        .expect("json");
    assert_eq!(history["total"], 2, "{history}");
    let change = &history["changes"][0];
    assert_eq!(change["kind"], "changed", "{history}");
    assert_eq!(change["submission"], id, "{history}");
    assert_eq!(change["decision"]["reason"], "Checked.", "{history}");
    assert!(
        change["submission_url"]
            .as_str()
            .is_some_and(|u| u.ends_with(&format!("/en/submissions/{id}"))),
        "{history}"
    );
    let moved: Vec<&Value> = change["assessments"]
        .as_array()
        .expect("assessments")
        .iter()
        .filter(|a| a["criterion"] == "telemetry-opt-in")
        .collect();
    assert_eq!(moved.len(), 1, "{history}");
    assert_eq!(moved[0]["before"], "unknown", "{history}");
    assert_eq!(moved[0]["after"], "met", "{history}");
    assert_eq!(moved[0]["evidence"][0], "https://signal.org/legal/");

    // The entry page says it in words, links the submission and the entry's feed.
    let page = reqwest::get(reg.url("/en/entries/signal"))
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(page.contains("Changes to this entry"), "{page}");
    assert!(
        page.contains("Telemetry only with explicit opt-in: Not established → Met"),
        "{page}"
    );
    assert!(
        page.contains(&format!("href=\"/en/submissions/{id}\"")),
        "{page}"
    );
    assert!(page.contains("Reviewer&#39;s reason: Checked."), "{page}");
    // The reviewer's per-criterion verdict, with its note and evidence, under the change.
    assert!(page.contains("Verdict on 1 criterion"), "{page}");
    let verdicts = page
        .split("<ul class=\"verdicts\">")
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .expect("a list of verdicts under the change");
    assert!(
        verdicts.contains("Telemetry only with explicit opt-in"),
        "{verdicts}"
    );
    assert!(
        verdicts.contains("Checked in the privacy policy."),
        "{verdicts}"
    );
    assert!(
        verdicts.contains("href=\"https://signal.org/legal/\""),
        "{verdicts}"
    );
    assert!(
        page.contains(r#"<link rel="alternate" type="application/atom+xml" href="/feed.atom?entry=signal&#38;lang=en""#),
        "{page}"
    );

    // The raw diff is one click away, public.
    let commit = change["commit"].as_str().expect("commit");
    assert!(
        page.contains(&format!("?history=1&#38;diff={commit}#change-{commit}")),
        "{page}"
    );
    let diff = reqwest::get(reg.url(&format!("/en/entries/signal?diff={commit}")))
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    // The approval wrote the reviewer's verdict into the file (dated the day of approval).
    assert!(
        diff.contains("\n+evidence = [&#34;https://signal.org/legal/&#34;]\n"),
        "{diff}"
    );

    // The site's feed lists the change first; the entry's feed follows it too.
    // With FLOSS_FEEDS_DIR set (scripts/test), each feed read is also written there, for a
    // second parser (Python's feedparser) to check.
    let feed = |path: String| async move {
        let body = reqwest::get(path.clone())
            .await
            .expect("feed")
            .bytes()
            .await
            .expect("body");
        if let Ok(dir) = std::env::var("FLOSS_FEEDS_DIR") {
            let name: String = path
                .rsplit('/')
                .next()
                .unwrap_or("feed")
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            std::fs::write(
                std::path::Path::new(&dir).join(format!("{name}.atom")),
                &body,
            )
            .expect("write the feed");
        }
        atom_syndication::Feed::read_from(&body[..]).expect("valid Atom")
    };
    let site = feed(reg.url("/feed.atom?lang=en")).await;
    let first = &site.entries()[0];
    assert_eq!(first.title().as_str(), "Signal: Assessment changed");
    assert!(
        first
            .summary()
            .is_some_and(|s| s.as_str().contains("Not established → Met")),
        "{first:?}"
    );
    assert!(first.links()[0].href().ends_with("/en/entries/signal"));
    let own = feed(reg.url("/feed.atom?entry=signal")).await;
    assert_eq!(own.entries().len(), 2, "{own:?}");
    assert_eq!(
        own.entries()[0].title().as_str(),
        "Signal : Évaluation modifiée"
    );
    let category = feed(reg.url("/feed.atom?category=messaging&lang=en")).await;
    assert_eq!(category.entries()[0].id(), first.id());
    let french = feed(reg.url("/feed.atom")).await;
    assert_eq!(french.entries()[0].id(), first.id());

    let missing = reqwest::get(reg.url("/api/v1/entries/no-such-entry/history"))
        .await
        .expect("history");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}
