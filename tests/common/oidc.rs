//! A real OpenID Connect provider for the login tests, and the browser side of a login.
//!
//! [`OidcProvider::start`] runs `node tests/oidc/provider.mjs` (oidc-provider from npm, a
//! certified implementation; see `tests/oidc/README.md`) on a free 127.0.0.1 port, with the
//! clients and users of `tests/oidc/fixture.json`. The process stops when the value is
//! dropped, and on its own when the test process dies (its stdin closes).
//!
//! [`log_in`] plays the browser: from the registry's login address to the provider's form,
//! then back to the registry, with a client that keeps cookies.
//!
//! ```ignore
//! let provider = OidcProvider::start(&[]);
//! // … start the registry with provider.issuer, FIXTURE_CLIENT_ID, FIXTURE_CLIENT_SECRET …
//! let client = reqwest::Client::builder().cookie_store(true).build()?;
//! let user = fixture_user("maintainer");
//! let page = log_in(&client, &format!("{base}/auth/login/test-oidc?next=/"), user.username, user.password).await;
//! ```

use std::io::{BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use sha2::{Digest as _, Sha256};

/// How long the provider may take to print its issuer (Node starts in about a second; the
/// machine may be busy with a build).
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// The client of the fixture that authenticates at the token endpoint with
/// `client_secret_basic` (HTTP Basic), the default of the `openidconnect` crate.
pub const FIXTURE_CLIENT_ID: &str = "floss-registry";
/// The secret of [`FIXTURE_CLIENT_ID`] (test-only).
pub const FIXTURE_CLIENT_SECRET: &str = "test-only-secret-basic-9f2c4e7a";
/// The path of the redirect URI registered for [`FIXTURE_CLIENT_ID`]: any port of
/// `http://127.0.0.1` is accepted with it (a loopback redirect URI of a native client).
pub const FIXTURE_CALLBACK_PATH: &str = "/auth/callback/test-oidc";

/// The client of the fixture that authenticates with `client_secret_post` (form fields).
pub const FIXTURE_POST_CLIENT_ID: &str = "floss-registry-post";
/// The secret of [`FIXTURE_POST_CLIENT_ID`] (test-only).
pub const FIXTURE_POST_CLIENT_SECRET: &str = "test-only-secret-post-3b81d05c";
/// The path of the redirect URI registered for [`FIXTURE_POST_CLIENT_ID`] (any port).
pub const FIXTURE_POST_CALLBACK_PATH: &str = "/auth/callback/test-oidc-post";

/// A running provider; stopped when dropped.
#[derive(Debug)]
pub struct OidcProvider {
    /// `http://127.0.0.1:PORT`, exactly as in the discovery document and ID tokens.
    pub issuer: String,
    child: Child,
    log: Arc<Mutex<String>>,
}

impl OidcProvider {
    /// Starts the provider with the fixture's clients, each also accepting `redirect_uris`
    /// exactly (the fixture's callbacks already accept any port of 127.0.0.1).
    ///
    /// Panics with the provider's log if it does not come up.
    pub fn start(redirect_uris: &[String]) -> OidcProvider {
        let mut args = Vec::new();
        for uri in redirect_uris {
            args.push("--redirect-uri".to_owned());
            args.push(uri.clone());
        }
        OidcProvider::start_with_args(&args)
    }

    /// Starts the provider with more command-line options of `tests/oidc/provider.mjs`
    /// (`--redirect-uri URL`, `--config FILE`, `--conform-id-token-claims`).
    pub fn start_with_args(args: &[String]) -> OidcProvider {
        let dir = oidc_dir();
        let script = dir.join("provider.mjs");
        assert!(
            dir.join("node_modules/oidc-provider/package.json")
                .is_file(),
            "the test OpenID Connect provider is not installed: {} has no \
             node_modules/oidc-provider; run `npm ci` in tests/oidc (scripts/test does it)",
            dir.display()
        );
        let mut child = match Command::new("node")
            .arg(&script)
            .args(["--port", "0"])
            .args(args)
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        {
            Ok(child) => child,
            Err(e) => panic!(
                "cannot run `node {}` ({e}): the login tests need Node.js 20 or newer on PATH, \
                 and `npm ci` run in tests/oidc (scripts/test does it)",
                script.display()
            ),
        };

        // The log, drained all along so the provider never blocks on a full pipe; echoed
        // live to stderr when FLOSS_OIDC_LOG is set.
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("piped stderr");
        let sink = Arc::clone(&log);
        let echo = std::env::var_os("FLOSS_OIDC_LOG").is_some();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if echo {
                    eprintln!("{line}");
                }
                let mut log = sink.lock().unwrap_or_else(|e| e.into_inner());
                log.push_str(&line);
                log.push('\n');
            }
        });

        // The one line of stdout: {"issuer":"http://127.0.0.1:PORT"}.
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let read = reader.read_line(&mut line).map(|_| line);
            let _ = tx.send(read);
            // Nothing else comes on stdout; keep the pipe open until the provider ends.
            let _ = reader.read_to_end(&mut Vec::new());
        });
        let mut provider = OidcProvider {
            issuer: String::new(),
            child,
            log,
        };
        let line = match rx.recv_timeout(START_TIMEOUT) {
            Ok(Ok(line)) => line,
            Ok(Err(e)) => provider.fail(&format!("cannot read its stdout: {e}")),
            Err(_) => provider.fail(&format!(
                "no issuer printed within {} s",
                START_TIMEOUT.as_secs()
            )),
        };
        let issuer = serde_json::from_str::<serde_json::Value>(&line)
            .ok()
            .and_then(|v| v.get("issuer")?.as_str().map(str::to_owned));
        match issuer {
            Some(issuer) if issuer.starts_with("http://127.0.0.1:") => {
                provider.issuer = issuer;
                provider
            }
            _ => provider.fail(&format!("unexpected first line on stdout: {line:?}")),
        }
    }

    /// What the provider logged so far (requests, logins, consents, errors).
    pub fn log(&self) -> String {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// `issuer` + `path`, e.g. `provider.url("/.well-known/openid-configuration")`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.issuer)
    }

    fn fail(&mut self, why: &str) -> ! {
        let _ = self.child.kill();
        let status = self.child.wait();
        // Give the log thread a moment to read the last lines.
        std::thread::sleep(Duration::from_millis(200));
        panic!(
            "the test OpenID Connect provider (tests/oidc/provider.mjs) did not start: {why}\n\
             exit: {status:?}\nlog:\n{}",
            self.log()
        );
    }
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `tests/oidc` of this checkout.
pub fn oidc_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc")
}

/// A user of `tests/oidc/fixture.json` (test-only credentials).
#[derive(Debug, Clone)]
pub struct FixtureUser {
    pub username: &'static str,
    pub password: &'static str,
    pub sub: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub email_verified: bool,
}

/// The users of `tests/oidc/fixture.json` (tests/oidc_harness.rs checks that the two agree).
pub const FIXTURE_USERS: [FixtureUser; 5] = [
    FixtureUser {
        username: "maintainer",
        password: "maintainer-test-password",
        sub: "5f0c8e1a-maintainer",
        name: "Camille Maintainer",
        email: "camille@project.example",
        email_verified: true,
    },
    FixtureUser {
        username: "reviewer",
        password: "reviewer-test-password",
        sub: "8b2d4f6c-reviewer",
        name: "Dominique Reviewer",
        email: "dominique@cnil.example",
        email_verified: true,
    },
    FixtureUser {
        username: "reviewer2",
        password: "reviewer2-test-password",
        sub: "1e9a7c3b-reviewer2",
        name: "Alex Second",
        email: "alex@cnil.example",
        email_verified: true,
    },
    FixtureUser {
        username: "admin",
        password: "admin-test-password",
        sub: "c4a61d29-admin",
        name: "Sacha Admin",
        email: "sacha@cnil.example",
        email_verified: true,
    },
    FixtureUser {
        username: "unverified",
        password: "unverified-test-password",
        sub: "7d3e5b80-unverified",
        name: "Morgan Unverified",
        email: "morgan@cnil.example",
        email_verified: false,
    },
];

/// The fixture user called `username` (`maintainer`, `reviewer`, `reviewer2`, `admin`,
/// `unverified`); panics on any other name.
pub fn fixture_user(username: &str) -> FixtureUser {
    FIXTURE_USERS
        .iter()
        .find(|u| u.username == username)
        .cloned()
        .unwrap_or_else(|| panic!("no fixture user {username:?} in tests/oidc/fixture.json"))
}

/// Logs in as a browser would: GETs `start_url` (the registry's `/auth/login/<provider>?next=…`),
/// which leads to the provider's login form, submits `username` and `password`, and follows
/// the redirects back to the registry. Returns the last response: the registry's page after
/// the callback, or the login form again (status 401, "Unknown username or wrong password.")
/// for bad credentials.
///
/// `client` must keep cookies (`reqwest::Client::builder().cookie_store(true)`). It may
/// follow redirects itself (the default) or not (`redirect::Policy::none()`): the redirects
/// it leaves are followed here.
///
/// When the provider already has a session for this client's cookies, no form is shown: the
/// response after the redirects is returned as is.
pub async fn log_in(
    client: &reqwest::Client,
    start_url: &str,
    username: &str,
    password: &str,
) -> reqwest::Response {
    log_in_until(client, start_url, username, password, |_| false).await
}

/// [`log_in`], but stops before requesting an address for which `stop_at` is true and
/// returns the redirect that points there (its `Location` holds, for the registry's callback,
/// `code`, `state` and `iss`). Needs a client built with `redirect::Policy::none()`: a client
/// that follows redirects itself never shows them.
pub async fn log_in_until(
    client: &reqwest::Client,
    start_url: &str,
    username: &str,
    password: &str,
    stop_at: impl Fn(&reqwest::Url) -> bool,
) -> reqwest::Response {
    let first = client
        .get(start_url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {start_url}: {e}"));
    let form = follow_redirects(client, first, &stop_at).await;
    if is_redirect(&form) || !form.url().path().starts_with("/interaction/") {
        // Stopped on request, or no login form: the provider had a session already, or the
        // registry answered without going to the provider.
        return form;
    }
    let form_url = form.url().clone();
    let status = form.status();
    let html = form
        .text()
        .await
        .unwrap_or_else(|e| panic!("reading the login form at {form_url}: {e}"));
    let action = login_form_action(&html)
        .unwrap_or_else(|| panic!("no login form at {form_url} (status {status}):\n{html}"));
    let action = form_url
        .join(&action)
        .unwrap_or_else(|e| panic!("bad form action {action:?} at {form_url}: {e}"));
    let submitted = client
        .post(action.clone())
        .form(&[("username", username), ("password", password)])
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {action}: {e}"));
    follow_redirects(client, submitted, &stop_at).await
}

/// The `action` of the provider's login form: the form whose action ends in `/login`.
pub fn login_form_action(html: &str) -> Option<String> {
    html.split("<form")
        .skip(1)
        .filter_map(|form| {
            let start = form.find("action=\"")? + "action=\"".len();
            let end = start + form[start..].find('"')?;
            Some(form[start..end].replace("&amp;", "&"))
        })
        .find(|action| action.ends_with("/login"))
}

fn is_redirect(response: &reqwest::Response) -> bool {
    response.status().is_redirection() && response.headers().contains_key(reqwest::header::LOCATION)
}

/// Follows the redirects a `Policy::none()` client leaves (a following client leaves none),
/// up to 20, with GET as a browser does after 301, 302 and 303, and stops before requesting
/// an address for which `stop_at` is true (returning the redirect that points there).
pub async fn follow_redirects(
    client: &reqwest::Client,
    mut response: reqwest::Response,
    stop_at: &impl Fn(&reqwest::Url) -> bool,
) -> reqwest::Response {
    for _ in 0..20 {
        if !is_redirect(&response) {
            return response;
        }
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let next = response
            .url()
            .join(&location)
            .unwrap_or_else(|e| panic!("bad Location {location:?} from {}: {e}", response.url()));
        if stop_at(&next) {
            return response;
        }
        response = client
            .get(next.clone())
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {next}: {e}"));
    }
    panic!("more than 20 redirects, last at {}", response.url());
}

/// The payload of a JWT (an ID token), decoded but NOT verified: for assertions on claims
/// in tests, never for trusting them.
pub fn jwt_payload(jwt: &str) -> serde_json::Value {
    let payload = jwt
        .split('.')
        .nth(1)
        .unwrap_or_else(|| panic!("not a JWT: {jwt:?}"));
    let bytes =
        base64url_decode(payload).unwrap_or_else(|| panic!("JWT payload not base64url: {jwt:?}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("JWT payload not JSON ({e}): {jwt:?}"))
}

/// A PKCE pair for hand-made authorization requests: a fresh `code_verifier` (64 characters)
/// and its S256 `code_challenge`.
pub fn pkce_pair() -> (String, String) {
    let verifier = random_token();
    let challenge = base64url_encode(&Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

/// 64 hex characters, different at each call (for `state`, `nonce` and PKCE verifiers in
/// tests; not for secrets).
pub fn random_token() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hash = Sha256::new();
    hash.update(format!(
        "{:?} {} {}",
        std::time::SystemTime::now(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    hex::encode(hash.finalize())
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5), as JOSE and PKCE use it.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64URL[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// The inverse of [`base64url_encode`]; `None` on a character outside the alphabet.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = BASE64URL.iter().position(|&a| a == c)?;
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}
