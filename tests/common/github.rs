//! A stand-in for GitHub in the login tests, since GitHub cannot run here: the documented
//! OAuth web application flow of an OAuth app and the two REST endpoints the registry reads,
//! on two loopback ports as github.com and api.github.com are two hosts.
//!
//! What it follows, from GitHub's documentation ("Authorizing OAuth apps", "Troubleshooting
//! authorization request errors", "Troubleshooting OAuth app access token request errors",
//! "REST API endpoints for users" and "… for emails"):
//!
//! - `GET {base}/login/oauth/authorize?client_id&redirect_uri&scope&state&code_challenge&
//!   code_challenge_method`: an unknown client gets a 404 page; a `redirect_uri` whose host
//!   and port differ from the registered callback URL, or whose path is not the callback's
//!   path or below it, sends the browser to the registered callback with
//!   `error=redirect_uri_mismatch`; PKCE is `S256` only, with a 43-character challenge. The
//!   person is taken as signed in and answering the consent screen at once ([`Consent`]):
//!   back to `redirect_uri` with `code` and `state`, or with `error=access_denied`,
//!   `error_description` and `error_uri` (and `state`).
//! - `POST {base}/login/oauth/access_token` with `client_id`, `client_secret`, `code`,
//!   `redirect_uri` and `code_verifier` as parameters (form body or query string; HTTP Basic
//!   is not the documented way and is ignored). Answers are JSON when `Accept:
//!   application/json` is sent, else form-encoded, and errors come with **HTTP 200**:
//!   `incorrect_client_credentials`, `redirect_uri_mismatch` (not the `redirect_uri` of the
//!   authorization), `bad_verification_code` (unknown, expired after ten minutes, or already
//!   used: a code is good once). A PKCE verifier that does not hash to the challenge is also
//!   answered `bad_verification_code` (GitHub does not document this one; a refusal is what
//!   matters). Success: `{"access_token":"gho_…","token_type":"bearer","scope":"read:user,user:email"}`
//!   (GitHub separates granted scopes with commas).
//! - `GET {api}/user` and `GET {api}/user/emails`: a request without `User-Agent` is refused
//!   with 403 (GitHub requires one); an unsupported `X-GitHub-Api-Version` with 400; no
//!   `Authorization` header with 401 "Requires authentication"; a token GitHub does not know
//!   (or revoked) with 401 "Bad credentials". `Authorization: Bearer T` and `token T` are both
//!   accepted. `/user` gives the numeric `id`, `login` and `name` (which may be null) among
//!   other fields; `/user/emails` needs the `user:email` (or `user`) scope and lists
//!   `{email, primary, verified, visibility}`.
//!
//! Every request is recorded ([`GitHubMock::requests`]) so tests can check what the registry
//! sent. The credentials here are for tests only.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

use super::oidc::{base64url_encode, random_token};

/// The client id of the test OAuth app (GitHub's look like this).
pub const CLIENT_ID: &str = "Ov23liFlossRegistryTest";
/// Its client secret (test-only).
pub const CLIENT_SECRET: &str = "test-only-github-secret-5e0d2a9c41b7f386";
/// The API version the registry asks for, and the only one the stand-in supports.
pub const API_VERSION: &str = "2022-11-28";
/// How long an authorization code is good for (GitHub: ten minutes).
const CODE_LIFETIME: Duration = Duration::from_secs(600);
const DOCS: &str = "https://docs.github.com";

/// A GitHub account.
#[derive(Debug, Clone)]
pub struct GitHubUser {
    pub id: u64,
    pub login: String,
    pub name: Option<String>,
    pub emails: Vec<GitHubEmail>,
}

/// One address of an account, as `/user/emails` lists it.
#[derive(Debug, Clone)]
pub struct GitHubEmail {
    pub email: String,
    pub primary: bool,
    pub verified: bool,
    /// `public`, `private`, or none (GitHub gives `null` for addresses other than the primary).
    pub visibility: Option<&'static str>,
}

impl GitHubUser {
    /// An account with no name set and no address.
    pub fn new(id: u64, login: &str) -> GitHubUser {
        GitHubUser {
            id,
            login: login.to_owned(),
            name: None,
            emails: Vec::new(),
        }
    }

    pub fn named(mut self, name: &str) -> GitHubUser {
        self.name = Some(name.to_owned());
        self
    }

    /// Adds an address; the first one added is the primary.
    pub fn email(mut self, email: &str, verified: bool) -> GitHubUser {
        let primary = self.emails.is_empty();
        self.emails.push(GitHubEmail {
            email: email.to_owned(),
            primary,
            verified,
            visibility: primary.then_some("private"),
        });
        self
    }
}

/// What the person signed in at GitHub answers on the consent screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    Authorize,
    Cancel,
}

/// A request the stand-in received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: Method,
    /// The path, e.g. `/login/oauth/access_token` or `/user`.
    pub path: String,
    /// The query string and form body parameters, in order.
    pub params: Vec<(String, String)>,
    pub headers: HeaderMap,
}

impl Seen {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

#[derive(Debug)]
struct Grant {
    user: GitHubUser,
    redirect_uri: Option<String>,
    challenge: Option<String>,
    scopes: Vec<String>,
    issued: Instant,
}

#[derive(Debug)]
struct Token {
    user: GitHubUser,
    scopes: Vec<String>,
}

#[derive(Debug)]
struct Inner {
    callback: url::Url,
    signed_in: Option<GitHubUser>,
    consent: Consent,
    revoke_tokens: bool,
    codes: HashMap<String, Grant>,
    tokens: HashMap<String, Token>,
    seen: Vec<Seen>,
}

type Shared = Arc<Mutex<Inner>>;

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, Inner> {
    shared.lock().unwrap_or_else(|e| e.into_inner())
}

/// A running stand-in; stopped when dropped.
#[derive(Debug)]
pub struct GitHubMock {
    /// The web host, `http://127.0.0.1:PORT` (the `base_url` of the provider's config).
    pub base_url: String,
    /// The API host, `http://127.0.0.1:PORT` (the `api_url`).
    pub api_url: String,
    shared: Shared,
    servers: Vec<tokio::task::JoinHandle<()>>,
}

impl Drop for GitHubMock {
    fn drop(&mut self) {
        for s in &self.servers {
            s.abort();
        }
    }
}

impl GitHubMock {
    /// Starts the stand-in with one OAuth app, [`CLIENT_ID`], whose registered callback URL
    /// is `callback_url`. Nobody is signed in until [`GitHubMock::sign_in`].
    pub async fn start(callback_url: &str) -> GitHubMock {
        let callback = url::Url::parse(callback_url)
            .unwrap_or_else(|e| panic!("callback URL {callback_url:?}: {e}"));
        let shared: Shared = Arc::new(Mutex::new(Inner {
            callback,
            signed_in: None,
            consent: Consent::Authorize,
            revoke_tokens: false,
            codes: HashMap::new(),
            tokens: HashMap::new(),
            seen: Vec::new(),
        }));
        let web = Router::new()
            .route("/login/oauth/authorize", get(authorize))
            .route("/login/oauth/access_token", post(access_token))
            .with_state(Arc::clone(&shared));
        let api = Router::new()
            .route("/user", get(user))
            .route("/user/emails", get(emails))
            .with_state(Arc::clone(&shared));
        let (base_url, web) = serve(web).await;
        let (api_url, api) = serve(api).await;
        GitHubMock {
            base_url,
            api_url,
            shared,
            servers: vec![web, api],
        }
    }

    /// The account signed in at GitHub in the browser from now on.
    pub fn sign_in(&self, user: &GitHubUser) {
        lock(&self.shared).signed_in = Some(user.clone());
    }

    /// What the person answers on the consent screen from now on.
    pub fn consent(&self, consent: Consent) {
        lock(&self.shared).consent = consent;
    }

    /// From now on, access tokens are revoked as soon as they are issued (as when the person
    /// revokes the app between the token exchange and the API calls): the API answers 401.
    pub fn revoke_tokens_once_issued(&self) {
        lock(&self.shared).revoke_tokens = true;
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<Seen> {
        lock(&self.shared).seen.clone()
    }

    /// The requests received so far at `path`.
    pub fn requests_to(&self, path: &str) -> Vec<Seen> {
        self.requests()
            .into_iter()
            .filter(|s| s.path == path)
            .collect()
    }

    /// `base_url` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// `api_url` + `path`.
    pub fn api(&self, path: &str) -> String {
        format!("{}{path}", self.api_url)
    }
}

async fn serve(router: Router) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the GitHub stand-in");
    let addr = listener.local_addr().expect("its address");
    let task = tokio::spawn(async move {
        axum::serve(listener, router).await.ok();
    });
    (format!("http://{addr}"), task)
}

fn record(
    shared: &Shared,
    method: Method,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Vec<(String, String)> {
    let mut params: Vec<(String, String)> = uri
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if form {
        params.extend(url::form_urlencoded::parse(body).into_owned());
    }
    lock(shared).seen.push(Seen {
        method,
        path: uri.path().to_owned(),
        params: params.clone(),
        headers: headers.clone(),
    });
    params
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn redirect(to: &url::Url) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response()
}

fn page(status: StatusCode, text: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        format!("<!DOCTYPE html><html><body><p>{text}</p></body></html>"),
    )
        .into_response()
}

/// GitHub's rule for a `redirect_uri`: the callback URL's scheme, host and port, and its path
/// or a path below it.
fn redirect_uri_allowed(callback: &url::Url, uri: &url::Url) -> bool {
    let (base, path) = (callback.path().trim_end_matches('/'), uri.path());
    callback.scheme() == uri.scheme()
        && callback.host_str() == uri.host_str()
        && callback.port_or_known_default() == uri.port_or_known_default()
        && (path == callback.path() || path == base || path.starts_with(&format!("{base}/")))
}

async fn authorize(
    State(shared): State<Shared>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    let params = record(&shared, Method::GET, &uri, &headers, &[]);
    let mut inner = lock(&shared);
    if param(&params, "client_id") != Some(CLIENT_ID) {
        return page(StatusCode::NOT_FOUND, "Not Found");
    }
    let state = param(&params, "state").map(str::to_owned);
    let back = |to: &url::Url, pairs: &[(&str, &str)]| {
        let mut to = to.clone();
        {
            let mut q = to.query_pairs_mut();
            for (k, v) in pairs {
                q.append_pair(k, v);
            }
            if let Some(s) = &state {
                q.append_pair("state", s);
            }
        }
        redirect(&to)
    };
    let redirect_uri = param(&params, "redirect_uri").map(str::to_owned);
    let target = match &redirect_uri {
        None => inner.callback.clone(),
        Some(text) => match url::Url::parse(text) {
            Ok(u) if redirect_uri_allowed(&inner.callback, &u) => u,
            _ => {
                return back(
                    &inner.callback,
                    &[
                        ("error", "redirect_uri_mismatch"),
                        (
                            "error_description",
                            "The redirect_uri MUST match the registered callback URL for this application.",
                        ),
                        (
                            "error_uri",
                            &format!(
                                "{DOCS}/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch"
                            ),
                        ),
                    ],
                );
            }
        },
    };
    let challenge = param(&params, "code_challenge").map(str::to_owned);
    match (
        challenge.as_deref(),
        param(&params, "code_challenge_method"),
    ) {
        (None, None) => {}
        (Some(c), Some("S256")) if c.len() == 43 => {}
        _ => {
            return page(
                StatusCode::BAD_REQUEST,
                "code_challenge and code_challenge_method=S256 go together; the challenge is 43 characters",
            );
        }
    }
    let Some(user) = inner.signed_in.clone() else {
        return page(StatusCode::OK, "Sign in to GitHub to continue");
    };
    if inner.consent == Consent::Cancel {
        return back(
            &target,
            &[
                ("error", "access_denied"),
                (
                    "error_description",
                    "The user has denied your application access.",
                ),
                (
                    "error_uri",
                    &format!(
                        "{DOCS}/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied"
                    ),
                ),
            ],
        );
    }
    // GitHub takes scopes separated by spaces or commas.
    let scopes = param(&params, "scope")
        .unwrap_or_default()
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let code = random_token()[..20].to_owned();
    inner.codes.insert(
        code.clone(),
        Grant {
            user,
            redirect_uri,
            challenge,
            scopes,
            issued: Instant::now(),
        },
    );
    back(&target, &[("code", &code)])
}

/// The token endpoint's answer, JSON or form-encoded as `Accept` asks, always HTTP 200.
fn token_answer(json_wanted: bool, fields: &[(&str, &str)]) -> Response {
    if json_wanted {
        let body: serde_json::Map<String, Value> = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned())))
            .collect();
        (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            Value::Object(body).to_string(),
        )
            .into_response()
    } else {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        (
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                "application/x-www-form-urlencoded; charset=utf-8",
            )],
            body,
        )
            .into_response()
    }
}

fn token_error(json_wanted: bool, error: &str, description: &str, anchor: &str) -> Response {
    token_answer(
        json_wanted,
        &[
            ("error", error),
            ("error_description", description),
            (
                "error_uri",
                &format!(
                    "{DOCS}/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#{anchor}"
                ),
            ),
        ],
    )
}

async fn access_token(
    State(shared): State<Shared>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let params = record(&shared, Method::POST, &uri, &headers, &body);
    let json_wanted = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"));
    let mut inner = lock(&shared);
    if param(&params, "client_id") != Some(CLIENT_ID)
        || param(&params, "client_secret") != Some(CLIENT_SECRET)
    {
        return token_error(
            json_wanted,
            "incorrect_client_credentials",
            "The client_id and/or client_secret passed are incorrect.",
            "incorrect-client-credentials",
        );
    }
    let bad_code = || {
        token_error(
            json_wanted,
            "bad_verification_code",
            "The code passed is incorrect or expired.",
            "bad-verification-code",
        )
    };
    // A code is good once: taken out whatever happens next.
    let Some(grant) = param(&params, "code").and_then(|c| inner.codes.remove(c)) else {
        return bad_code();
    };
    if grant.issued.elapsed() > CODE_LIFETIME {
        return bad_code();
    }
    if let (Some(given), Some(authorized)) = (
        param(&params, "redirect_uri"),
        grant.redirect_uri.as_deref(),
    ) && given != authorized
    {
        return token_error(
            json_wanted,
            "redirect_uri_mismatch",
            "The redirect_uri MUST match the registered callback URL for this application.",
            "redirect-uri-mismatch",
        );
    }
    if let Some(challenge) = &grant.challenge {
        let verified = param(&params, "code_verifier").is_some_and(|v| {
            (43..=128).contains(&v.len())
                && base64url_encode(&Sha256::digest(v.as_bytes())) == *challenge
        });
        if !verified {
            return bad_code();
        }
    }
    let token = format!("gho_{}", &random_token()[..36]);
    let scope = grant.scopes.join(",");
    if !inner.revoke_tokens {
        inner.tokens.insert(
            token.clone(),
            Token {
                user: grant.user,
                scopes: grant.scopes,
            },
        );
    }
    token_answer(
        json_wanted,
        &[
            ("access_token", &token),
            ("token_type", "bearer"),
            ("scope", &scope),
        ],
    )
}

fn api_error(status: StatusCode, message: &str, docs: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        json!({"message": message, "documentation_url": docs, "status": status.as_u16().to_string()})
            .to_string(),
    )
        .into_response()
}

fn api_json(scopes: &[String], body: Value) -> Response {
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_owned(),
            ),
            (
                header::HeaderName::from_static("x-oauth-scopes"),
                scopes.join(", "),
            ),
            (
                header::HeaderName::from_static("x-github-media-type"),
                "github.v3; format=json".to_owned(),
            ),
        ],
        body.to_string(),
    )
        .into_response()
}

/// The checks every REST call goes through; the token's holder, or GitHub's refusal.
fn authenticate(
    shared: &Shared,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    endpoint_docs: &str,
) -> Result<(GitHubUser, Vec<String>), Box<Response>> {
    record(shared, Method::GET, uri, headers, &[]);
    if headers.get(header::USER_AGENT).is_none() {
        return Err((
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Request forbidden by administrative rules. Please make sure your request has a \
             User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). \
             Check https://developer.github.com for other possible causes.\n",
        )
            .into_response()
            .into());
    }
    if let Some(version) = headers.get("x-github-api-version")
        && version.as_bytes() != API_VERSION.as_bytes()
    {
        return Err(api_error(
            StatusCode::BAD_REQUEST,
            &format!(
                "API version '{}' is not supported.",
                String::from_utf8_lossy(version.as_bytes())
            ),
            &format!("{DOCS}/rest/about-the-rest-api/api-versions"),
        )
        .into());
    }
    let Some(authorization) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return Err(api_error(
            StatusCode::UNAUTHORIZED,
            "Requires authentication",
            endpoint_docs,
        )
        .into());
    };
    let token = authorization
        .strip_prefix("Bearer ")
        .or_else(|| authorization.strip_prefix("token "))
        .unwrap_or_default();
    let inner = lock(shared);
    match inner.tokens.get(token) {
        Some(t) => Ok((t.user.clone(), t.scopes.clone())),
        None => Err(api_error(
            StatusCode::UNAUTHORIZED,
            "Bad credentials",
            &format!("{DOCS}/rest"),
        )
        .into()),
    }
}

async fn user(
    State(shared): State<Shared>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    let docs = format!("{DOCS}/rest/users/users#get-the-authenticated-user");
    let (user, scopes) = match authenticate(&shared, &uri, &headers, &docs) {
        Ok(found) => found,
        Err(refusal) => return *refusal,
    };
    let public_email = user
        .emails
        .iter()
        .find(|e| e.visibility == Some("public"))
        .map(|e| e.email.clone());
    api_json(
        &scopes,
        json!({
            "login": user.login,
            "id": user.id,
            "node_id": format!("U_kgDO{}", user.id),
            "avatar_url": format!("https://avatars.githubusercontent.com/u/{}?v=4", user.id),
            "html_url": format!("https://github.com/{}", user.login),
            "type": "User",
            "site_admin": false,
            "name": user.name,
            "company": null,
            "blog": "",
            "location": null,
            "email": public_email,
            "hireable": null,
            "bio": null,
            "twitter_username": null,
            "public_repos": 2,
            "public_gists": 0,
            "followers": 1,
            "following": 0,
            "created_at": "2011-01-25T18:44:36Z",
            "updated_at": "2026-11-01T10:00:00Z"
        }),
    )
}

async fn emails(
    State(shared): State<Shared>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    let docs = format!("{DOCS}/rest/users/emails#list-email-addresses-for-the-authenticated-user");
    let (user, scopes) = match authenticate(&shared, &uri, &headers, &docs) {
        Ok(found) => found,
        Err(refusal) => return *refusal,
    };
    if !scopes.iter().any(|s| s == "user:email" || s == "user") {
        return api_error(StatusCode::NOT_FOUND, "Not Found", &docs);
    }
    let list: Vec<Value> = user
        .emails
        .iter()
        .map(|e| {
            json!({
                "email": e.email,
                "primary": e.primary,
                "verified": e.verified,
                "visibility": e.visibility,
            })
        })
        .collect();
    api_json(&scopes, Value::Array(list))
}
