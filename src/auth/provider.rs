//! Talking to login providers: OpenID Connect (discovery, authorization code with PKCE, state
//! and nonce, ID-token validation) with the `openidconnect` crate, and GitHub's OAuth2 apps
//! (authorization code with PKCE and state, then the documented `/user` and `/user/emails`
//! API) with `oauth2`. Both over one reqwest 0.13 client that never follows redirects (a
//! redirect from a token endpoint is an attack, not a convenience).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, HttpRequest, HttpResponse, IssuerUrl,
    Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse,
};
use tokio::sync::RwLock;

use super::{AuthError, Identity};
use crate::config::{AuthConfig, ProviderConfig, ProviderKind};
use crate::util::escaped;

/// The HTTP client the OAuth2 crates call (their `AsyncHttpClient`), on reqwest 0.13.
#[derive(Debug, Clone)]
pub struct HttpClient(reqwest::Client);

/// A failed call to a provider.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(String);

impl<'c> openidconnect::AsyncHttpClient<'c> for HttpClient {
    type Error = HttpError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, HttpError>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(async move {
            let (parts, body) = request.into_parts();
            let url = parts.uri.to_string();
            let response = self
                .0
                .request(parts.method, &url)
                .headers(parts.headers)
                .body(body)
                .send()
                .await
                .map_err(|e| HttpError(format!("{url}: {e}")))?;
            let mut builder = openidconnect::http::Response::builder().status(response.status());
            for (name, value) in response.headers() {
                builder = builder.header(name, value);
            }
            let body = response
                .bytes()
                .await
                .map_err(|e| HttpError(format!("{url}: {e}")))?;
            builder
                .body(body.to_vec())
                .map_err(|e| HttpError(e.to_string()))
        })
    }
}

/// Where to send a person, and what to remember until they come back.
#[derive(Debug, Clone)]
pub struct Authorization {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// The configured providers, with OpenID Connect discovery documents fetched on first use
/// and kept (a provider that is down is retried at the next login).
#[derive(Debug)]
pub struct Providers {
    config: AuthConfig,
    public_url: String,
    /// `None` when the TLS stack could not start (logged): logins then answer 503.
    http: Option<HttpClient>,
    discovered: RwLock<HashMap<String, CoreProviderMetadata>>,
}

impl Providers {
    pub fn new(config: AuthConfig, public_url: &str) -> Providers {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .user_agent(concat!("floss-registry/", env!("CARGO_PKG_VERSION")))
            .build();
        let http = match client {
            Ok(c) => Some(HttpClient(c)),
            Err(e) => {
                tracing::error!(error = %escaped(&e), "cannot build the HTTP client of logins");
                None
            }
        };
        Providers {
            config,
            public_url: public_url.to_owned(),
            http,
            discovered: RwLock::new(HashMap::new()),
        }
    }

    fn http(&self) -> Result<&HttpClient, AuthError> {
        self.http
            .as_ref()
            .ok_or_else(|| AuthError::ProviderUnavailable("no HTTP client".into()))
    }

    pub fn config(&self) -> &AuthConfig {
        &self.config
    }

    /// The configured id equal to `id`, for logging: a request's path may name anything, and
    /// only ids from the configuration are written to the log.
    pub fn known_id(&self, id: &str) -> Option<&str> {
        self.config.provider(id).map(|p| p.id.as_str())
    }

    /// The address providers send people back to.
    pub fn redirect_uri(&self, provider: &str) -> String {
        format!("{}/auth/callback/{provider}", self.public_url)
    }

    fn provider(&self, id: &str) -> Result<&ProviderConfig, AuthError> {
        self.config
            .provider(id)
            .ok_or_else(|| AuthError::UnknownProvider(id.to_owned()))
    }

    /// The provider's authorization address for a new login, with fresh state, nonce and
    /// PKCE (S256) challenge.
    pub async fn authorize(&self, id: &str) -> Result<Authorization, AuthError> {
        let p = self.provider(id)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        match p.kind {
            ProviderKind::Oidc => {
                let client = self.oidc_client(p).await?;
                let (url, state, nonce) = client
                    .authorize_url(
                        CoreAuthenticationFlow::AuthorizationCode,
                        CsrfToken::new_random,
                        Nonce::new_random,
                    )
                    .add_scope(Scope::new("email".into()))
                    .add_scope(Scope::new("profile".into()))
                    .set_pkce_challenge(challenge)
                    .url();
                Ok(Authorization {
                    url: url.to_string(),
                    state: state.secret().clone(),
                    nonce: nonce.secret().clone(),
                    pkce_verifier: verifier.secret().clone(),
                })
            }
            ProviderKind::Github => {
                let client = self.github_client(p)?;
                let (url, state) = client
                    .authorize_url(CsrfToken::new_random)
                    .add_scope(Scope::new("read:user".into()))
                    .add_scope(Scope::new("user:email".into()))
                    .set_pkce_challenge(challenge)
                    .url();
                Ok(Authorization {
                    url: url.to_string(),
                    state: state.secret().clone(),
                    nonce: String::new(),
                    pkce_verifier: verifier.secret().clone(),
                })
            }
        }
    }

    /// Exchanges the code for tokens and returns who logged in; for OpenID Connect the ID
    /// token's signature, issuer, audience, expiry and nonce are checked.
    pub async fn finish(
        &self,
        id: &str,
        code: &str,
        pkce_verifier: &str,
        nonce: &str,
    ) -> Result<Identity, AuthError> {
        let p = self.provider(id)?;
        match p.kind {
            ProviderKind::Oidc => {
                let client = self.oidc_client(p).await?;
                let token = client
                    .exchange_code(AuthorizationCode::new(code.to_owned()))
                    .map_err(|e| AuthError::Provider(e.to_string()))?
                    .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
                    .request_async(self.http()?)
                    .await
                    .map_err(|e| AuthError::Provider(format!("token exchange: {e}")))?;
                let id_token = token.id_token().ok_or_else(|| {
                    AuthError::Provider("the provider returned no ID token".into())
                })?;
                let verifier = client.id_token_verifier();
                let claims = id_token
                    .claims(&verifier, &Nonce::new(nonce.to_owned()))
                    .map_err(|e| AuthError::InvalidIdToken(e.to_string()))?;
                let email = claims.email().map(|e| e.as_str().to_owned());
                let display_name = claims
                    .name()
                    .and_then(|n| n.get(None))
                    .map(|n| n.as_str().to_owned())
                    .or_else(|| claims.preferred_username().map(|u| u.as_str().to_owned()))
                    .unwrap_or_else(|| claims.subject().as_str().to_owned());
                Ok(Identity {
                    provider: p.id.clone(),
                    subject: claims.subject().as_str().to_owned(),
                    display_name,
                    email_verified: email.is_some() && claims.email_verified() == Some(true),
                    email,
                })
            }
            ProviderKind::Github => {
                let client = self.github_client(p)?;
                let token = client
                    .exchange_code(AuthorizationCode::new(code.to_owned()))
                    .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
                    .request_async(self.http()?)
                    .await
                    .map_err(github_token_error)?;
                self.github_identity(p, token.access_token().secret()).await
            }
        }
    }

    async fn oidc_client(
        &self,
        p: &ProviderConfig,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        AuthError,
    > {
        let metadata = self.metadata(p).await?;
        let redirect = RedirectUrl::new(self.redirect_uri(&p.id))
            .map_err(|e| AuthError::Provider(format!("redirect URI: {e}")))?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(p.client_id.clone()),
            p.client_secret.clone().map(ClientSecret::new),
        )
        .set_redirect_uri(redirect))
    }

    async fn metadata(&self, p: &ProviderConfig) -> Result<CoreProviderMetadata, AuthError> {
        if let Some(m) = self.discovered.read().await.get(&p.id) {
            return Ok(m.clone());
        }
        let issuer = IssuerUrl::new(p.issuer.clone().unwrap_or_default())
            .map_err(|e| AuthError::Provider(format!("issuer URL: {e}")))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, self.http()?)
            .await
            .map_err(|e| AuthError::ProviderUnavailable(format!("discovery of {}: {e}", p.id)))?;
        self.discovered
            .write()
            .await
            .insert(p.id.clone(), metadata.clone());
        Ok(metadata)
    }

    fn github_client(
        &self,
        p: &ProviderConfig,
    ) -> Result<
        oauth2::basic::BasicClient<
            oauth2::EndpointSet,
            oauth2::EndpointNotSet,
            oauth2::EndpointNotSet,
            oauth2::EndpointNotSet,
            oauth2::EndpointSet,
        >,
        AuthError,
    > {
        let base = p
            .base_url
            .clone()
            .unwrap_or_else(|| "https://github.com".into());
        let base = base.trim_end_matches('/');
        let bad = |e: oauth2::url::ParseError| AuthError::Provider(e.to_string());
        let mut client =
            oauth2::basic::BasicClient::new(oauth2::ClientId::new(p.client_id.clone()))
                .set_auth_uri(
                    oauth2::AuthUrl::new(format!("{base}/login/oauth/authorize")).map_err(bad)?,
                )
                .set_token_uri(
                    oauth2::TokenUrl::new(format!("{base}/login/oauth/access_token"))
                        .map_err(bad)?,
                )
                .set_redirect_uri(oauth2::RedirectUrl::new(self.redirect_uri(&p.id)).map_err(bad)?)
                // GitHub documents `client_id` and `client_secret` as parameters of the token
                // request, not HTTP Basic (the crate's default).
                .set_auth_type(oauth2::AuthType::RequestBody);
        if let Some(secret) = &p.client_secret {
            client = client.set_client_secret(oauth2::ClientSecret::new(secret.clone()));
        }
        Ok(client)
    }

    /// GitHub's `GET /user` and `GET /user/emails` (documented REST API): the numeric id is
    /// the subject (logins can be renamed), the primary verified address the e-mail.
    async fn github_identity(
        &self,
        p: &ProviderConfig,
        access_token: &str,
    ) -> Result<Identity, AuthError> {
        #[derive(serde::Deserialize)]
        struct User {
            id: u64,
            login: String,
            name: Option<String>,
        }
        #[derive(serde::Deserialize)]
        struct Email {
            email: String,
            primary: bool,
            verified: bool,
        }
        let api = p
            .api_url
            .clone()
            .unwrap_or_else(|| "https://api.github.com".into());
        let api = api.trim_end_matches('/');
        let http = &self.http()?.0;
        let get = |path: &str| {
            http.get(format!("{api}{path}"))
                .bearer_auth(access_token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .send()
        };
        let answer = get("/user")
            .await
            .map_err(|e| AuthError::ProviderUnavailable(format!("GitHub /user: {e}")))?;
        // 401/403: GitHub no longer accepts the token it has just issued (revoked at once, or
        // the authorisation withdrawn). Retrying later cannot help: the person logs in again.
        if matches!(answer.status().as_u16(), 401 | 403) {
            return Err(AuthError::Refused(format!(
                "GitHub did not accept the access it had just granted (HTTP {}); \
                 the authorisation may have been withdrawn: start the login again",
                answer.status().as_u16()
            )));
        }
        let user: User = answer
            .error_for_status()
            .map_err(|e| AuthError::Provider(format!("GitHub /user: {e}")))?
            .json()
            .await
            .map_err(|e| AuthError::Provider(format!("GitHub /user: {e}")))?;
        // Without the user:email scope granted this fails: log in without an address.
        // Said in the log, without the address: the account then gets no reviewer role by
        // e-mail domain, which would otherwise puzzle whoever configured one.
        let emails: Vec<Email> = match get("/user/emails").await {
            Ok(r) if r.status().is_success() => r.json().await.unwrap_or_else(|e| {
                tracing::warn!(error = %escaped(&e), "GitHub /user/emails: unreadable answer; login without an address");
                Vec::new()
            }),
            Ok(r) => {
                tracing::info!(status = %r.status(), "GitHub /user/emails refused (user:email scope not granted?); login without an address");
                Vec::new()
            }
            Err(e) => {
                tracing::warn!(error = %escaped(&e), "GitHub /user/emails unreachable; login without an address");
                Vec::new()
            }
        };
        let primary = emails.into_iter().find(|e| e.primary && e.verified);
        Ok(Identity {
            provider: p.id.clone(),
            subject: user.id.to_string(),
            display_name: user
                .name
                .filter(|n| !n.trim().is_empty())
                .unwrap_or(user.login),
            email_verified: primary.is_some(),
            email: primary.map(|e| e.email),
        })
    }
}

/// What a failed token request to GitHub means. GitHub answers its token errors with HTTP 200
/// and `{"error", "error_description", "error_uri"}` (documented in "Troubleshooting OAuth app
/// access token request errors"), which the `oauth2` crate can only read as a token response
/// that does not parse: the body is read again here. A code that is wrong, expired or used
/// (`bad_verification_code`) and an account without a verified primary address
/// (`unverified_user_email`) refuse this login; anything else (wrong client credentials, a
/// redirect URI that does not match) is a problem on our side.
fn github_token_error(
    e: oauth2::RequestTokenError<HttpError, oauth2::basic::BasicErrorResponse>,
) -> AuthError {
    #[derive(serde::Deserialize)]
    struct GitHubError {
        error: String,
        #[serde(default)]
        error_description: Option<String>,
    }
    let body = match &e {
        oauth2::RequestTokenError::Parse(_, body) => {
            serde_json::from_slice::<GitHubError>(body).ok()
        }
        _ => None,
    };
    match body {
        Some(GitHubError {
            error,
            error_description,
        }) => {
            let what = match error_description {
                Some(d) if !d.trim().is_empty() => format!("{error}: {}", d.trim()),
                _ => error.clone(),
            };
            match error.as_str() {
                "bad_verification_code" | "unverified_user_email" => {
                    AuthError::Refused(format!("GitHub answered {what}"))
                }
                _ => AuthError::Provider(format!("GitHub token exchange: {what}")),
            }
        }
        None => AuthError::Provider(format!("GitHub token exchange: {e}")),
    }
}
