//! Login with GitHub (`kind = "github"`) end to end over HTTP: a real registry on loopback,
//! started from a config file, and a stand-in for GitHub that follows its documented OAuth
//! web application flow and REST API (tests/common/github.rs; GitHub itself cannot run here).
//! The stand-in checks what GitHub checks (client credentials, redirect URI, PKCE, codes good
//! once, bearer token, User-Agent); the last test checks that it does refuse.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;

use common::github::{self, Consent, GitHubMock, GitHubUser};
use common::oidc::{follow_redirects, pkce_pair, random_token};
use floss_registry::app::App;
use floss_registry::config::{Config, ConfigArgs, ServeArgs};
use floss_registry::db::entities::users;
use reqwest::{StatusCode, Url};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

const TOKEN_PATH: &str = "/login/oauth/access_token";

/// A running registry whose one login provider is the GitHub stand-in.
struct Registry {
    base: String,
    app: Arc<App>,
    github: GitHubMock,
    _state: tempfile::TempDir,
    _data: tempfile::TempDir,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Registry {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Registry {
    async fn start() -> Registry {
        Registry::start_with_secret(github::CLIENT_SECRET).await
    }

    /// Starts with `client_secret` as the GitHub app's secret in the config file.
    async fn start_with_secret(client_secret: &str) -> Registry {
        let data = tempfile::tempdir().expect("data dir");
        common::copy_dir(&common::seed_dir(), data.path());
        let state = tempfile::tempdir().expect("state dir");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr: SocketAddr = listener.local_addr().expect("addr");
        let base = format!("http://{addr}");
        let github = GitHubMock::start(&format!("{base}/auth/callback/github")).await;
        let config_file = state.path().join("registry.toml");
        std::fs::write(
            &config_file,
            format!(
                r#"
[[auth.providers]]
id = "github"
kind = "github"
name = "GitHub"
base_url = "{base_url}"
api_url = "{api_url}"
client_id = "{client_id}"
client_secret = "{client_secret}"

[[auth.roles]]
role = "reviewer"
provider = "github"
email_domain = "cnil.example"
"#,
                base_url = github.base_url,
                api_url = github.api_url,
                client_id = github::CLIENT_ID,
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
        let config = Config::resolve_with_env(&args, &|_| None).expect("config");
        let app = Arc::new(App::start(config).await.expect("the registry starts"));
        let router = floss_registry::http::router(Arc::clone(&app));
        let server = tokio::spawn(async move {
            axum::serve(listener, router).await.ok();
        });
        Registry {
            base,
            app,
            github,
            _state: state,
            _data: data,
            server,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Goes to the registry's GitHub login address as a browser does (with `next`), through
    /// GitHub, and back; returns the last answer.
    async fn log_in(&self, client: &reqwest::Client, next: &str) -> reqwest::Response {
        self.log_in_until(client, next, |_| false).await
    }

    /// [`Registry::log_in`], stopping before the address for which `stop_at` is true.
    async fn log_in_until(
        &self,
        client: &reqwest::Client,
        next: &str,
        stop_at: impl Fn(&Url) -> bool,
    ) -> reqwest::Response {
        let start = self.url(&format!("/auth/login/github?next={next}"));
        let first = client.get(&start).send().await.expect("GET login");
        follow_redirects(client, first, &stop_at).await
    }

    /// The redirect from GitHub back to the registry's callback, not yet followed.
    async fn back_from_github(&self, client: &reqwest::Client) -> Url {
        let stop = self
            .log_in_until(client, "/fr/", |u| u.path() == "/auth/callback/github")
            .await;
        let location = stop.headers()[reqwest::header::LOCATION]
            .to_str()
            .expect("location");
        Url::parse(location).expect("callback URL")
    }

    /// The account of a GitHub user, by the subject the registry stored.
    async fn account(&self, subject: &str) -> Option<users::Model> {
        users::Entity::find()
            .filter(users::Column::Provider.eq("github"))
            .filter(users::Column::Subject.eq(subject))
            .one(self.app.db().expect("database"))
            .await
            .expect("query")
    }

    /// `GET /api/v1/me` with the client's cookies.
    async fn me(&self, client: &reqwest::Client) -> (StatusCode, Value) {
        let res = client
            .get(self.url("/api/v1/me"))
            .send()
            .await
            .expect("GET /api/v1/me");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }
}

/// A browser: keeps cookies, leaves redirects to the helpers.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn set_cookies(res: &reqwest::Response) -> Vec<String> {
    res.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

/// A refused callback: no session cookie, the login cookie cleared, and no session after it.
async fn assert_no_session(reg: &Registry, client: &reqwest::Client, res: &reqwest::Response) {
    let cookies = set_cookies(res);
    assert!(
        !cookies.iter().any(|c| c.starts_with("registry-session=")),
        "no session cookie: {cookies:?}"
    );
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("registry-login=;") && c.contains("Max-Age=0")),
        "the login cookie is cleared: {cookies:?}"
    );
    let (status, _) = reg.me(client).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "no session was opened");
}

async fn error_of(res: reqwest::Response) -> (String, String) {
    let body: Value = res.json().await.expect("a JSON error");
    (
        body["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

#[tokio::test]
async fn a_github_login_opens_a_session_for_the_numeric_id_and_the_primary_verified_address() {
    let reg = Registry::start().await;
    let octocat = GitHubUser::new(583_231, "octocat")
        .named("The Octocat")
        .email("octocat@project.example", true)
        .email("old-address@elsewhere.example", true);
    reg.github.sign_in(&octocat);
    let client = browser();
    let done = reg.log_in(&client, "/fr/criteria").await;
    assert_eq!(done.status(), StatusCode::OK, "{}", done.url());
    assert_eq!(
        done.url().as_str(),
        reg.url("/fr/criteria"),
        "back at `next`"
    );
    let (status, me) = reg.me(&client).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["provider"], "github");
    assert_eq!(me["display_name"], "The Octocat");
    assert_eq!(me["role"], "submitter");
    let account = reg
        .account("583231")
        .await
        .expect("subject: the numeric id");
    assert_eq!(account.id, me["id"].as_i64().expect("id"));
    assert_eq!(account.email.as_deref(), Some("octocat@project.example"));
    assert!(account.email_verified);

    // What reached GitHub, as its documentation asks.
    let authorize = &reg.github.requests_to("/login/oauth/authorize")[0];
    assert_eq!(authorize.param("client_id"), Some(github::CLIENT_ID));
    let callback = reg.url("/auth/callback/github");
    assert_eq!(authorize.param("redirect_uri"), Some(callback.as_str()));
    assert_eq!(authorize.param("code_challenge_method"), Some("S256"));
    let scopes: Vec<&str> = authorize
        .param("scope")
        .unwrap_or_default()
        .split(' ')
        .collect();
    assert!(
        scopes.contains(&"read:user") && scopes.contains(&"user:email"),
        "{scopes:?}"
    );
    let token = &reg.github.requests_to(TOKEN_PATH)[0];
    assert_eq!(token.header("accept"), Some("application/json"));
    assert_eq!(token.param("redirect_uri"), Some(callback.as_str()));
    assert!(token.param("code_verifier").is_some());
    for path in ["/user", "/user/emails"] {
        let call = &reg.github.requests_to(path)[0];
        assert!(
            call.header("authorization")
                .is_some_and(|a| a.starts_with("Bearer gho_")),
            "{path}: {:?}",
            call.headers
        );
        assert_eq!(
            call.header("accept"),
            Some("application/vnd.github+json"),
            "{path}"
        );
        assert_eq!(
            call.header("x-github-api-version"),
            Some(github::API_VERSION),
            "{path}"
        );
        assert!(
            call.header("user-agent")
                .is_some_and(|ua| ua.starts_with("floss-registry/")),
            "{path}: {:?}",
            call.headers
        );
    }

    // Renamed on GitHub, with no name set: the same account (the id is the subject), and the
    // login as the name shown.
    let renamed =
        GitHubUser::new(583_231, "octocat-renamed").email("octocat@project.example", true);
    reg.github.sign_in(&renamed);
    let again = browser();
    let done = reg.log_in(&again, "/fr/").await;
    assert_eq!(done.status(), StatusCode::OK, "{}", done.url());
    let (_, me_again) = reg.me(&again).await;
    assert_eq!(me_again["id"], me["id"], "{me_again}");
    assert_eq!(me_again["display_name"], "octocat-renamed");
}

#[tokio::test]
async fn a_reviewer_role_by_email_domain_needs_a_verified_primary_address() {
    let reg = Registry::start().await;
    // (account, role, the address kept, verified)
    let cases = [
        (
            GitHubUser::new(9_001, "dominique-agent")
                .named("Dominique Agent")
                .email("dominique@cnil.example", true),
            "reviewer",
            Some("dominique@cnil.example"),
            true,
        ),
        (
            GitHubUser::new(9_002, "morgan-unverified").email("morgan@cnil.example", false),
            "submitter",
            None,
            false,
        ),
        (
            GitHubUser::new(9_003, "sacha-secondary")
                .email("sacha@project.example", true)
                .email("sacha@cnil.example", true),
            "submitter",
            Some("sacha@project.example"),
            true,
        ),
    ];
    for (user, role, email, verified) in cases {
        reg.github.sign_in(&user);
        let client = browser();
        let done = reg.log_in(&client, "/fr/").await;
        assert_eq!(
            done.status(),
            StatusCode::OK,
            "{}: {}",
            user.login,
            done.url()
        );
        let (_, me) = reg.me(&client).await;
        assert_eq!(me["role"], role, "{}: {me}", user.login);
        let account = reg.account(&user.id.to_string()).await.expect("an account");
        assert_eq!(account.email.as_deref(), email, "{}", user.login);
        assert_eq!(account.email_verified, verified, "{}", user.login);
    }
}

#[tokio::test]
async fn cancelling_at_github_gives_a_clear_answer_and_no_session() {
    let reg = Registry::start().await;
    reg.github
        .sign_in(&GitHubUser::new(4_242, "changed-mind").email("mind@project.example", true));
    reg.github.consent(Consent::Cancel);
    let client = browser();
    let res = reg.log_in(&client, "/fr/").await;
    assert_eq!(res.url().path(), "/auth/callback/github");
    assert_eq!(
        res.url()
            .query_pairs()
            .find(|(k, _)| k == "error")
            .map(|(_, v)| v.into_owned())
            .as_deref(),
        Some("access_denied")
    );
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_no_session(&reg, &client, &res).await;
    let (code, message) = error_of(res).await;
    assert_eq!(code, "login-failed");
    assert!(
        message.contains("access_denied") && message.contains("denied your application access"),
        "{message}"
    );
    assert!(
        reg.github.requests_to(TOKEN_PATH).is_empty(),
        "nothing to exchange"
    );
    assert!(reg.account("4242").await.is_none(), "no account created");
}

#[tokio::test]
async fn a_token_endpoint_error_answered_with_http_200_is_refused() {
    let reg = Registry::start().await;
    reg.github
        .sign_in(&GitHubUser::new(5_150, "stale-code").email("stale@project.example", true));
    let client = browser();
    // A code GitHub does not know (mistyped, expired or used): GitHub answers HTTP 200 with
    // `"error": "bad_verification_code"`.
    let mut callback = reg.back_from_github(&client).await;
    let pairs: Vec<(String, String)> = callback
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "code" {
                random_token()[..20].to_owned()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    callback.query_pairs_mut().clear().extend_pairs(pairs);
    let res = client.get(callback).send().await.expect("callback");
    assert_eq!(
        reg.github.requests_to(TOKEN_PATH).len(),
        1,
        "the code was offered"
    );
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_no_session(&reg, &client, &res).await;
    let (code, message) = error_of(res).await;
    assert_eq!(code, "login-failed");
    assert!(
        message.contains("bad_verification_code") && message.contains("incorrect or expired"),
        "{message}"
    );
    assert!(reg.account("5150").await.is_none(), "no account created");
}

#[tokio::test]
async fn wrong_client_credentials_are_our_fault_and_open_no_session() {
    let reg = Registry::start_with_secret("not-the-secret").await;
    reg.github
        .sign_in(&GitHubUser::new(6_006, "blameless").email("blameless@project.example", true));
    let client = browser();
    let res = reg.log_in(&client, "/fr/").await;
    assert_eq!(res.url().path(), "/auth/callback/github");
    // GitHub's `incorrect_client_credentials` (HTTP 200) is a configuration error of ours:
    // not the visitor's fault, not a crash.
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_no_session(&reg, &client, &res).await;
    let (code, message) = error_of(res).await;
    assert_eq!(code, "unavailable");
    assert!(message.contains("login provider"), "{message}");
    assert!(!message.contains("not-the-secret"), "{message}");
}

#[tokio::test]
async fn a_401_from_github_user_api_asks_to_log_in_again_not_to_retry_later() {
    let reg = Registry::start().await;
    reg.github
        .sign_in(&GitHubUser::new(7_007, "revoker").email("revoker@project.example", true));
    reg.github.revoke_tokens_once_issued();
    let client = browser();
    let res = reg.log_in(&client, "/fr/").await;
    assert_eq!(res.url().path(), "/auth/callback/github");
    assert_eq!(reg.github.requests_to("/user").len(), 1, "/user was asked");
    // The person's login failed (GitHub withdrew the token): a 400 saying to log in again,
    // not a 503 "try again in a moment" that would never succeed.
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_no_session(&reg, &client, &res).await;
    let (code, message) = error_of(res).await;
    assert_eq!(code, "login-failed");
    assert!(
        message.contains("HTTP 401") && message.contains("start the login again"),
        "{message}"
    );
    assert!(
        !message.contains("gho_"),
        "no token in the answer: {message}"
    );
    assert!(reg.account("7007").await.is_none(), "no account created");
}

#[tokio::test]
async fn a_tampered_state_is_refused_and_the_code_is_never_exchanged() {
    let reg = Registry::start().await;
    reg.github
        .sign_in(&GitHubUser::new(8_008, "forged").email("forged@project.example", true));
    let client = browser();
    let mut callback = reg.back_from_github(&client).await;
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
    let res = client.get(callback).send().await.expect("callback");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_no_session(&reg, &client, &res).await;
    let (code, message) = error_of(res).await;
    assert_eq!(code, "login-failed");
    assert!(message.contains("state"), "{message}");
    assert!(
        reg.github.requests_to(TOKEN_PATH).is_empty(),
        "the code was not exchanged"
    );
}

/// An authorization request as the registry makes it, with some parameters replaced.
fn authorize_url(gh: &GitHubMock, redirect_uri: &str, replace: &[(&str, &str)]) -> Url {
    let (_, challenge) = pkce_pair();
    let mut params = vec![
        ("client_id", github::CLIENT_ID.to_owned()),
        ("redirect_uri", redirect_uri.to_owned()),
        ("scope", "read:user user:email".to_owned()),
        ("state", "st4te".to_owned()),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256".to_owned()),
    ];
    for (name, value) in replace {
        if let Some(slot) = params.iter_mut().find(|(k, _)| k == name) {
            slot.1 = (*value).to_owned();
        }
    }
    let mut url = Url::parse(&gh.url("/login/oauth/authorize")).expect("url");
    url.query_pairs_mut().extend_pairs(params);
    url
}

fn query(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn location(res: &reqwest::Response) -> Url {
    let to = res.headers()[reqwest::header::LOCATION]
        .to_str()
        .expect("ascii");
    Url::parse(to).expect("a URL")
}

/// A token request with these form fields; GitHub answers HTTP 200, errors too.
async fn exchange(gh: &GitHubMock, fields: &[(&str, &str)], json: bool) -> String {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let mut req = browser()
        .post(gh.url(TOKEN_PATH))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    if json {
        req = req.header("accept", "application/json");
    }
    let res = req.send().await.expect("token request");
    assert_eq!(res.status(), StatusCode::OK);
    res.text().await.expect("body")
}

fn json_field(text: &str, name: &str) -> String {
    serde_json::from_str::<Value>(text).expect("JSON")[name]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A REST call with these headers: status and body.
async fn api_get(gh: &GitHubMock, path: &str, headers: &[(&str, &str)]) -> (StatusCode, String) {
    let mut req = browser().get(gh.api(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.expect("API request");
    (res.status(), res.text().await.expect("body"))
}

/// The stand-in on its own, driven by hand: it refuses what GitHub refuses, so the tests
/// above would notice a registry that skipped PKCE, the client secret, the User-Agent...
#[tokio::test]
async fn the_github_stand_in_refuses_what_github_refuses() {
    let callback = "http://127.0.0.1:9/auth/callback/github";
    let gh = GitHubMock::start(callback).await;
    gh.sign_in(&GitHubUser::new(1, "someone").email("someone@project.example", true));
    let http = browser();

    // Authorization requests.
    let unknown = authorize_url(&gh, callback, &[("client_id", "nobody")]);
    let res = http.get(unknown).send().await.expect("authorize");
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "unknown client");
    for elsewhere in [
        "http://127.0.0.1:10/auth/callback/github",
        "http://localhost:9/auth/callback/github",
        "http://127.0.0.1:9/auth/callback/gitlab",
    ] {
        let res = http
            .get(authorize_url(&gh, elsewhere, &[]))
            .send()
            .await
            .expect("authorize");
        let back = location(&res);
        assert_eq!(
            back.as_str().split('?').next(),
            Some(callback),
            "{elsewhere}"
        );
        assert_eq!(
            query(&back, "error").as_deref(),
            Some("redirect_uri_mismatch"),
            "{elsewhere}"
        );
    }
    let plain = authorize_url(&gh, callback, &[("code_challenge_method", "plain")]);
    let res = http.get(plain).send().await.expect("authorize");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "S256 only");

    // Token requests.
    let (verifier, challenge) = pkce_pair();
    let code_for = async |scope: &str| {
        let url = authorize_url(
            &gh,
            callback,
            &[("code_challenge", &challenge), ("scope", scope)],
        );
        let res = http.get(url).send().await.expect("authorize");
        assert_eq!(res.status(), StatusCode::FOUND);
        let back = location(&res);
        assert_eq!(query(&back, "state").as_deref(), Some("st4te"));
        query(&back, "code").expect("a code")
    };
    let fields = |code: &str, replace: &[(&str, &str)]| {
        let mut fields = vec![
            ("client_id", github::CLIENT_ID.to_owned()),
            ("client_secret", github::CLIENT_SECRET.to_owned()),
            ("code", code.to_owned()),
            ("redirect_uri", callback.to_owned()),
            ("code_verifier", verifier.clone()),
        ];
        for (name, value) in replace {
            if let Some(slot) = fields.iter_mut().find(|(k, _)| k == name) {
                slot.1 = (*value).to_owned();
            }
        }
        fields
    };
    let send = async |fields: Vec<(&'static str, String)>, json: bool| {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        exchange(&gh, &pairs, json).await
    };

    let code = code_for("read:user user:email").await;
    let text = send(fields(&code, &[("client_secret", "wrong")]), true).await;
    assert_eq!(
        json_field(&text, "error"),
        "incorrect_client_credentials",
        "{text}"
    );
    let text = send(fields(&code, &[("client_secret", "")]), true).await;
    assert_eq!(
        json_field(&text, "error"),
        "incorrect_client_credentials",
        "{text}"
    );
    let other_verifier = pkce_pair().0;
    let text = send(fields(&code, &[("code_verifier", &other_verifier)]), true).await;
    assert_eq!(
        json_field(&text, "error"),
        "bad_verification_code",
        "wrong verifier: {text}"
    );
    let text = send(fields(&code, &[]), true).await;
    assert_eq!(
        json_field(&text, "error"),
        "bad_verification_code",
        "code spent: {text}"
    );

    let code = code_for("read:user user:email").await;
    let other = "http://127.0.0.1:9/auth/callback/github/other";
    let text = send(fields(&code, &[("redirect_uri", other)]), true).await;
    assert_eq!(
        json_field(&text, "error"),
        "redirect_uri_mismatch",
        "{text}"
    );

    let code = code_for("read:user user:email").await;
    let text = send(fields(&code, &[]), false).await;
    let form: Vec<(String, String)> = url::form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect();
    assert!(
        form.iter().any(|(k, v)| k == "token_type" && v == "bearer"),
        "form-encoded without Accept: application/json: {text}"
    );
    let text = send(fields(&code, &[]), true).await;
    assert_eq!(
        json_field(&text, "error"),
        "bad_verification_code",
        "good once: {text}"
    );

    let code = code_for("read:user user:email").await;
    let text = send(fields(&code, &[]), true).await;
    assert_eq!(json_field(&text, "token_type"), "bearer", "{text}");
    assert_eq!(json_field(&text, "scope"), "read:user,user:email", "{text}");
    let token = json_field(&text, "access_token");
    assert!(token.starts_with("gho_"), "{text}");

    // The REST API.
    let bearer = format!("Bearer {token}");
    let ua = ("user-agent", "floss-registry-tests");
    let (status, _) = api_get(&gh, "/user", &[("authorization", &bearer)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no User-Agent");
    let (status, text) = api_get(&gh, "/user", &[ua]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(text.contains("Requires authentication"), "{text}");
    let (status, text) = api_get(&gh, "/user", &[ua, ("authorization", "Bearer gho_forged")]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(text.contains("Bad credentials"), "{text}");
    let old_version = [
        ua,
        ("authorization", &bearer),
        ("x-github-api-version", "1999-01-01"),
    ];
    let (status, _) = api_get(&gh, "/user", &old_version).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "unsupported API version");
    let (status, text) = api_get(&gh, "/user", &[ua, ("authorization", &bearer)]).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let user: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(user["id"], 1);
    assert_eq!(user["login"], "someone");
    assert!(user["name"].is_null(), "{user}");
    let classic = format!("token {token}");
    let (status, text) = api_get(&gh, "/user/emails", &[ua, ("authorization", &classic)]).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let emails: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(emails[0]["email"], "someone@project.example");
    assert_eq!(emails[0]["primary"], true);
    assert_eq!(emails[0]["verified"], true);

    // Without the user:email scope, no addresses.
    let code = code_for("read:user").await;
    let narrow = json_field(&send(fields(&code, &[]), true).await, "access_token");
    let narrow = format!("Bearer {narrow}");
    let (status, _) = api_get(&gh, "/user/emails", &[ua, ("authorization", &narrow)]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "user:email scope needed");
}
