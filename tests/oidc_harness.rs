//! The test OpenID Connect provider on its own (tests/oidc, tests/common/oidc.rs): discovery,
//! then the authorization code flow with PKCE, state and nonce done by hand with reqwest, so
//! that the harness is known to work before the registry's login tests rely on it.

mod common;

use common::oidc::{
    FIXTURE_CALLBACK_PATH, FIXTURE_CLIENT_ID, FIXTURE_CLIENT_SECRET, FIXTURE_POST_CALLBACK_PATH,
    FIXTURE_POST_CLIENT_ID, FIXTURE_POST_CLIENT_SECRET, FIXTURE_USERS, FixtureUser, OidcProvider,
    fixture_user, jwt_payload, log_in, log_in_until, pkce_pair, random_token,
};
use reqwest::{StatusCode, Url, redirect};
use serde_json::Value;

/// A loopback port where nothing listens: the flow stops at the redirect to it.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// A browser-like client that leaves redirects to the helpers, so each one can be seen.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(redirect::Policy::none())
        .build()
        .expect("client")
}

async fn discovery(provider: &OidcProvider) -> Value {
    let response = reqwest::get(provider.url("/.well-known/openid-configuration"))
        .await
        .expect("discovery request");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("discovery JSON")
}

fn endpoint(doc: &Value, name: &str) -> String {
    doc[name]
        .as_str()
        .unwrap_or_else(|| panic!("no {name} in {doc:#}"))
        .to_owned()
}

/// One authorization request, as the registry makes it.
struct Request {
    client_id: &'static str,
    /// The client's secret, sent with client_secret_basic, or with client_secret_post for
    /// [`FIXTURE_POST_CLIENT_ID`].
    secret: &'static str,
    redirect_uri: String,
    state: String,
    nonce: String,
    verifier: String,
    url: Url,
}

fn authorization_request(doc: &Value, client_id: &'static str, redirect_uri: &str) -> Request {
    let (verifier, challenge) = pkce_pair();
    let (state, nonce) = (random_token(), random_token());
    let url = Url::parse_with_params(
        &endpoint(doc, "authorization_endpoint"),
        [
            ("response_type", "code"),
            ("client_id", client_id),
            ("redirect_uri", redirect_uri),
            ("scope", "openid email profile"),
            ("state", &state),
            ("nonce", &nonce),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
        ],
    )
    .expect("authorization URL");
    let secret = if client_id == FIXTURE_POST_CLIENT_ID {
        FIXTURE_POST_CLIENT_SECRET
    } else {
        FIXTURE_CLIENT_SECRET
    };
    Request {
        client_id,
        secret,
        redirect_uri: redirect_uri.to_owned(),
        state,
        nonce,
        verifier,
        url,
    }
}

/// Logs in through the provider's form and returns the query of the redirect to the client.
async fn authorize(
    browser: &reqwest::Client,
    request: &Request,
    user: &FixtureUser,
) -> Vec<(String, String)> {
    let redirect_uri = Url::parse(&request.redirect_uri).expect("redirect URI");
    let response = log_in_until(
        browser,
        request.url.as_str(),
        user.username,
        user.password,
        |next| next.origin() == redirect_uri.origin(),
    )
    .await;
    let location = redirect_target(&response);
    assert_eq!(
        location.path(),
        redirect_uri.path(),
        "redirected elsewhere: {location}"
    );
    query_of(&location)
}

/// Where a 303 response sends the browser.
fn redirect_target(response: &reqwest::Response) -> Url {
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "expected a redirect at {}",
        response.url()
    );
    let location = response.headers()[reqwest::header::LOCATION]
        .to_str()
        .expect("Location");
    response.url().join(location).expect("Location URL")
}

fn query_of(url: &Url) -> Vec<(String, String)> {
    url.query_pairs().into_owned().collect()
}

fn param<'a>(query: &'a [(String, String)], name: &str) -> &'a str {
    query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} in {query:?}"))
}

/// Exchanges `code` at the token endpoint, authenticated as the fixture registers the client.
async fn token(doc: &Value, request: &Request, code: &str, verifier: &str) -> reqwest::Response {
    let basic = request.client_id != FIXTURE_POST_CLIENT_ID;
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", request.redirect_uri.as_str()),
        ("code_verifier", verifier),
    ];
    if !basic {
        form.push(("client_id", request.client_id));
        form.push(("client_secret", request.secret));
    }
    let mut call = reqwest::Client::new()
        .post(endpoint(doc, "token_endpoint"))
        .form(&form);
    if basic {
        call = call.basic_auth(request.client_id, Some(request.secret));
    }
    call.send().await.expect("token request")
}

/// [`token`] with the request's verifier, which must succeed; returns the token response and
/// the claims of its ID token, checked for issuer, audience and nonce.
async fn exchange(
    provider: &OidcProvider,
    doc: &Value,
    request: &Request,
    code: &str,
) -> (Value, Value) {
    let response = token(doc, request, code, &request.verifier).await;
    assert_eq!(response.status(), StatusCode::OK, "{}", provider.log());
    let tokens: Value = response.json().await.expect("token JSON");
    assert_eq!(tokens["token_type"], "Bearer", "{tokens:#}");
    let claims = jwt_payload(tokens["id_token"].as_str().expect("id_token"));
    assert_eq!(claims["iss"], provider.issuer.as_str(), "{claims:#}");
    assert_eq!(claims["aud"], request.client_id, "{claims:#}");
    assert_eq!(claims["nonce"], request.nonce.as_str(), "{claims:#}");
    (tokens, claims)
}

#[tokio::test]
async fn discovery_document_describes_the_provider() {
    let provider = OidcProvider::start(&[]);
    let doc = discovery(&provider).await;
    assert_eq!(doc["issuer"], provider.issuer.as_str());
    for name in [
        "authorization_endpoint",
        "token_endpoint",
        "jwks_uri",
        "userinfo_endpoint",
    ] {
        assert!(
            endpoint(&doc, name).starts_with(&provider.issuer),
            "{name} not under the issuer: {doc:#}"
        );
    }
    let list = |name: &str| -> Vec<String> {
        doc[name]
            .as_array()
            .unwrap_or_else(|| panic!("no {name} in {doc:#}"))
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(list("code_challenge_methods_supported"), ["S256"]);
    assert_eq!(list("response_types_supported"), ["code"]);
    assert!(list("id_token_signing_alg_values_supported").contains(&"RS256".to_owned()));
    for scope in ["openid", "email", "profile"] {
        assert!(list("scopes_supported").contains(&scope.to_owned()));
    }
    for method in ["client_secret_basic", "client_secret_post"] {
        assert!(list("token_endpoint_auth_methods_supported").contains(&method.to_owned()));
    }

    let jwks: Value = reqwest::get(endpoint(&doc, "jwks_uri"))
        .await
        .expect("JWKS request")
        .json()
        .await
        .expect("JWKS JSON");
    let keys = jwks["keys"].as_array().expect("keys");
    assert_eq!(keys.len(), 1, "{jwks:#}");
    assert_eq!(keys[0]["kty"], "RSA");
    assert_eq!(keys[0]["alg"], "RS256");
    assert!(
        keys[0].get("d").is_none(),
        "private key published: {jwks:#}"
    );
}

#[tokio::test]
async fn authorization_code_flow_with_pkce_yields_an_id_token_for_the_user() {
    // An exact redirect URI from the command line, on a port where nothing listens.
    let redirect_uri = format!("http://127.0.0.1:{}/harness/callback", closed_port());
    let provider = OidcProvider::start(std::slice::from_ref(&redirect_uri));
    let doc = discovery(&provider).await;
    let user = fixture_user("maintainer");
    let request = authorization_request(&doc, FIXTURE_CLIENT_ID, &redirect_uri);

    let browser = browser();
    let query = authorize(&browser, &request, &user).await;
    assert_eq!(param(&query, "state"), request.state);
    assert_eq!(param(&query, "iss"), provider.issuer);
    let code = param(&query, "code");

    // The code is bound to the PKCE verifier: a wrong one is refused.
    let wrong = token(&doc, &request, code, &pkce_pair().0).await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    let error: Value = wrong.json().await.expect("error JSON");
    assert_eq!(error["error"], "invalid_grant", "{error:#}");

    // The right one: an ID token for the user, for this client, with the nonce sent.
    let (tokens, claims) = exchange(&provider, &doc, &request, code).await;
    assert_eq!(claims["sub"], user.sub);
    assert_eq!(claims["email"], user.email);
    assert_eq!(claims["email_verified"], true);
    assert_eq!(claims["name"], user.name);

    // The same claims from userinfo, with the access token.
    let access_token = tokens["access_token"].as_str().expect("access_token");
    let userinfo: Value = reqwest::Client::new()
        .get(endpoint(&doc, "userinfo_endpoint"))
        .bearer_auth(access_token)
        .send()
        .await
        .expect("userinfo request")
        .json()
        .await
        .expect("userinfo JSON");
    assert_eq!(userinfo["sub"], user.sub);
    assert_eq!(userinfo["email"], user.email);

    // A code is used once.
    let again = token(&doc, &request, code, &request.verifier).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);

    // The provider now has a session for this browser: the next authorization comes straight
    // back to the client, without a form, for the same user.
    let request = authorization_request(&doc, FIXTURE_CLIENT_ID, &redirect_uri);
    let query = authorize(&browser, &request, &fixture_user("admin")).await;
    assert_eq!(param(&query, "state"), request.state);
    let (_, claims) = exchange(&provider, &doc, &request, param(&query, "code")).await;
    assert_eq!(
        claims["sub"], user.sub,
        "the session's user, not the one passed"
    );
}

#[tokio::test]
async fn fixture_callbacks_accept_any_loopback_port_and_client_secret_post() {
    let provider = OidcProvider::start(&[]);
    let doc = discovery(&provider).await;
    let user = fixture_user("unverified");
    let redirect_uri = format!(
        "http://127.0.0.1:{}{FIXTURE_POST_CALLBACK_PATH}",
        closed_port()
    );
    let request = authorization_request(&doc, FIXTURE_POST_CLIENT_ID, &redirect_uri);
    let query = authorize(&browser(), &request, &user).await;
    let code = param(&query, "code");
    let (_, claims) = exchange(&provider, &doc, &request, code).await;
    assert_eq!(claims["aud"], FIXTURE_POST_CLIENT_ID);
    assert_eq!(claims["sub"], user.sub);
    assert_eq!(claims["email"], user.email);
    assert_eq!(claims["email_verified"], false);
}

#[tokio::test]
async fn refusals_bad_password_unknown_redirect_missing_pkce_and_cancel() {
    let provider = OidcProvider::start(&[]);
    let doc = discovery(&provider).await;
    let redirect_uri = format!("http://127.0.0.1:{}{FIXTURE_CALLBACK_PATH}", closed_port());
    let to_client = |next: &Url| next.path() == FIXTURE_CALLBACK_PATH;

    // A wrong password shows the form again, with the error, and no redirect.
    let request = authorization_request(&doc, FIXTURE_CLIENT_ID, &redirect_uri);
    let response = log_in_until(
        &browser(),
        request.url.as_str(),
        "reviewer",
        "not-the-password",
        to_client,
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let html = response.text().await.expect("body");
    assert!(
        html.contains("Unknown username or wrong password."),
        "{html}"
    );
    assert!(html.contains(r#"<label for="password">"#), "{html}");
    assert!(html.contains(r#"value="reviewer""#), "{html}");

    // A redirect URI the client did not register: an error page, never a redirect.
    let elsewhere = format!("http://127.0.0.1:{}/elsewhere", closed_port());
    let request = authorization_request(&doc, FIXTURE_CLIENT_ID, &elsewhere);
    let response = browser()
        .get(request.url.clone())
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("redirect_uri did not match")
    );

    // No PKCE: refused back to the client with invalid_request.
    let request = authorization_request(&doc, FIXTURE_CLIENT_ID, &redirect_uri);
    let mut url = request.url.clone();
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .into_owned()
        .filter(|(k, _)| !k.starts_with("code_challenge"))
        .collect();
    url.query_pairs_mut().clear().extend_pairs(kept);
    let response = browser().get(url).send().await.expect("request");
    let query = query_of(&redirect_target(&response));
    assert_eq!(param(&query, "error"), "invalid_request", "{query:?}");
    assert_eq!(param(&query, "state"), request.state);

    // Cancel on the login form: access_denied back to the client.
    let request = authorization_request(&doc, FIXTURE_CLIENT_ID, &redirect_uri);
    let browser = browser();
    let form = browser
        .get(request.url.clone())
        .send()
        .await
        .expect("authorize");
    let form_url = redirect_target(&form);
    let abort = form_url
        .join(&format!("{}/abort", form_url.path()))
        .expect("abort URL");
    let response = browser.post(abort).send().await.expect("cancel");
    let resume = redirect_target(&response);
    let response = browser.get(resume).send().await.expect("resume");
    let query = query_of(&redirect_target(&response));
    assert_eq!(param(&query, "error"), "access_denied", "{query:?}");
    assert_eq!(param(&query, "state"), request.state);
}

#[tokio::test]
async fn every_fixture_user_logs_in_with_the_documented_claims() {
    // FIXTURE_USERS must agree with tests/oidc/fixture.json, which the provider reads.
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(common::oidc::oidc_dir().join("fixture.json")).expect("fixture"),
    )
    .expect("fixture JSON");
    let users = fixture["users"].as_object().expect("users");
    assert_eq!(users.len(), FIXTURE_USERS.len());
    let clients = fixture["clients"].as_array().expect("clients");
    let secret_of = |id: &str| {
        clients
            .iter()
            .find(|c| c["client_id"] == id)
            .and_then(|c| c["client_secret"].as_str().map(str::to_owned))
    };
    assert_eq!(
        secret_of(FIXTURE_CLIENT_ID).as_deref(),
        Some(FIXTURE_CLIENT_SECRET)
    );
    assert_eq!(
        secret_of(FIXTURE_POST_CLIENT_ID).as_deref(),
        Some(FIXTURE_POST_CLIENT_SECRET)
    );

    let provider = OidcProvider::start(&[]);
    let doc = discovery(&provider).await;
    let redirect_uri = format!("http://127.0.0.1:{}{FIXTURE_CALLBACK_PATH}", closed_port());
    for user in &FIXTURE_USERS {
        let entry = &users[user.username];
        assert_eq!(entry["password"], user.password);
        assert_eq!(entry["sub"], user.sub);
        assert_eq!(entry["name"], user.name);
        assert_eq!(entry["email"], user.email);
        assert_eq!(entry["email_verified"], user.email_verified);

        let request = authorization_request(&doc, FIXTURE_CLIENT_ID, &redirect_uri);
        let query = authorize(&browser(), &request, user).await;
        let (_, claims) = exchange(&provider, &doc, &request, param(&query, "code")).await;
        assert_eq!(claims["sub"], user.sub, "{claims:#}");
        assert_eq!(claims["name"], user.name, "{claims:#}");
        assert_eq!(claims["email"], user.email, "{claims:#}");
        assert_eq!(claims["email_verified"], user.email_verified, "{claims:#}");
    }
}

#[tokio::test]
async fn log_in_with_a_redirect_following_client_reaches_the_callback() {
    // A stand-in for the registry's callback, answering with the query it receives.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let callback = format!(
        "http://{}{FIXTURE_CALLBACK_PATH}",
        listener.local_addr().expect("addr")
    );
    let app = axum::Router::new().route(
        FIXTURE_CALLBACK_PATH,
        axum::routing::get(|uri: axum::http::Uri| async move {
            uri.query().unwrap_or_default().to_owned()
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });

    let provider = OidcProvider::start(&[]);
    let doc = discovery(&provider).await;
    let user = fixture_user("reviewer2");
    let request = authorization_request(&doc, FIXTURE_CLIENT_ID, &callback);
    // The client log_in is documented for: cookies kept, redirects followed (the default).
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let response = log_in(&client, request.url.as_str(), user.username, user.password).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.url().path(), FIXTURE_CALLBACK_PATH);
    let query: Vec<(String, String)> =
        url::form_urlencoded::parse(response.text().await.expect("body").as_bytes())
            .into_owned()
            .collect();
    assert_eq!(param(&query, "state"), request.state);
    let (_, claims) = exchange(&provider, &doc, &request, param(&query, "code")).await;
    assert_eq!(claims["sub"], user.sub);
    assert_eq!(claims["email"], user.email);

    // A wrong password: the form again, status 401, and no trip to the callback.
    let request = authorization_request(&doc, FIXTURE_CLIENT_ID, &callback);
    let fresh = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let response = log_in(&fresh, request.url.as_str(), user.username, "wrong").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.url().path().starts_with("/interaction/"));
}
