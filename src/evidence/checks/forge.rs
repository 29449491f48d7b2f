//! The forge check: the entry's repository through the documented REST API of its forge
//! (GitHub REST v3, GitLab v4, Forgejo/Gitea v1 including Codeberg): archived or not, last
//! activity, latest release, licence detected by the forge, security policy file.

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderName, HeaderValue};
use serde_json::{Value, json};
use url::Url;

use super::Checker;
use super::notes::{day, finding, parse_date, within_twelve_months};
use crate::evidence::{CheckError, EvidenceSource, Finding, Observation};
use crate::model::{Entry, Status};
use crate::outbound::{Fetched, Request};

/// The forges whose API the check speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForgeKind {
    GitHub,
    GitLab,
    /// Forgejo and Gitea share the `/api/v1` API (Codeberg runs Forgejo).
    Forgejo,
}

/// A repository on a forge, read from the entry's `repository` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForgeRepo {
    pub kind: ForgeKind,
    pub host: String,
    /// `owner/name`, or the full group path on GitLab (`group/subgroup/name`).
    pub path: String,
    /// The repository's web page.
    pub web_url: String,
}

/// The security policy files looked for, in order.
pub const SECURITY_POLICY_PATHS: [&str; 3] =
    ["SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md"];

/// Which forge a repository URL is on, and which repository. Hosts the check does not know
/// are `NotApplicable`, as are organisation or user pages.
pub fn parse_repository(repository: &str) -> Result<ForgeRepo, CheckError> {
    let url = Url::parse(repository.trim()).map_err(|e| CheckError::Malformed {
        what: format!("repository `{repository}`"),
        reason: format!("not a URL: {e}"),
    })?;
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let kind = if host == "github.com" || host == "www.github.com" {
        ForgeKind::GitHub
    } else if host == "gitlab.com" || host.starts_with("gitlab.") || host.contains(".gitlab.") {
        ForgeKind::GitLab
    } else if host == "codeberg.org"
        || host == "gitea.com"
        || host.starts_with("forgejo.")
        || host.starts_with("gitea.")
    {
        ForgeKind::Forgejo
    } else {
        return Err(CheckError::NotApplicable(format!(
            "repository {repository}: {host} is not a forge the check knows (GitHub, GitLab, Codeberg and Forgejo/Gitea hosts)"
        )));
    };
    let host = host.trim_start_matches("www.").to_owned();
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    let segments: Vec<&str> = match kind {
        // GitLab's own pages under a project start at `/-/`; groups nest.
        ForgeKind::GitLab => segments.into_iter().take_while(|s| *s != "-").collect(),
        _ => segments.into_iter().take(2).collect(),
    };
    if segments.len() < 2 {
        return Err(CheckError::NotApplicable(format!(
            "repository {repository} is an organisation or user page, not a repository: the forge check needs the URL of one repository"
        )));
    }
    let mut path = segments.join("/");
    if let Some(stripped) = path.strip_suffix(".git") {
        path = stripped.to_owned();
    }
    Ok(ForgeRepo {
        kind,
        web_url: format!("https://{host}/{path}"),
        host,
        path,
    })
}

/// What the forge said, read from its answers.
#[derive(Debug, Default)]
struct Seen {
    archived: Option<bool>,
    last_activity: Option<DateTime<Utc>>,
    licence: Option<String>,
    release: Option<Release>,
    security_policy: Option<String>,
    default_branch: Option<String>,
    public: Option<bool>,
    raw: serde_json::Map<String, Value>,
}

#[derive(Debug)]
struct Release {
    tag: String,
    date: Option<DateTime<Utc>>,
    url: String,
}

pub async fn check(checker: &Checker, entry: &Entry) -> Result<Observation, CheckError> {
    if entry.repository.trim().is_empty() {
        return Err(CheckError::NotApplicable(format!(
            "{}: the entry has no repository",
            entry.slug
        )));
    }
    let repo = parse_repository(&entry.repository)?;
    let api = Api::new(checker, &repo)?;
    let observed_at = Utc::now();
    let seen = match repo.kind {
        ForgeKind::GitHub => github(&api, &repo).await?,
        ForgeKind::GitLab => gitlab(&api, &repo).await?,
        ForgeKind::Forgejo => forgejo(&api, &repo).await?,
    };
    let latest = [
        seen.last_activity,
        seen.release.as_ref().and_then(|r| r.date),
    ]
    .into_iter()
    .flatten()
    .max();
    let stale = latest.map(|at| !within_twelve_months(at, observed_at));
    let findings = findings(entry, &repo, &seen, observed_at);
    let mut raw = seen.raw.clone();
    raw.insert(
        "forge".into(),
        json!(format!("{:?}", repo.kind).to_lowercase()),
    );
    raw.insert("repository".into(), json!(repo.web_url));
    raw.insert("api".into(), json!(api.base));
    raw.insert("archived".into(), json!(seen.archived));
    raw.insert("last_activity".into(), json!(seen.last_activity));
    raw.insert("licence_detected".into(), json!(seen.licence));
    raw.insert("entry_licence".into(), json!(entry.license));
    raw.insert(
        "latest_release".into(),
        json!(
            seen.release
                .as_ref()
                .map(|r| json!({"tag": r.tag, "date": r.date, "url": r.url}))
        ),
    );
    raw.insert("security_policy".into(), json!(seen.security_policy));
    Ok(Observation {
        slug: entry.slug.clone(),
        source: EvidenceSource::Forge,
        url: repo.web_url.clone(),
        observed_at,
        raw: Value::Object(raw),
        findings,
        stale,
    })
}

/// The forge API of one repository: its base URL and the token header.
struct Api<'a> {
    checker: &'a Checker,
    base: String,
    auth: Option<(HeaderName, HeaderValue)>,
    kind: ForgeKind,
}

impl<'a> Api<'a> {
    fn new(checker: &'a Checker, repo: &ForgeRepo) -> Result<Api<'a>, CheckError> {
        let settings = &checker.settings;
        let override_base = settings
            .api_base_overrides
            .get(&repo.host)
            .map(|b| b.trim_end_matches('/').to_owned());
        let (base, token, header, scheme) = match repo.kind {
            ForgeKind::GitHub => (
                override_base.unwrap_or_else(|| "https://api.github.com".to_owned()),
                &settings.github_token,
                "authorization",
                "Bearer ",
            ),
            ForgeKind::GitLab => (
                format!(
                    "{}/api/v4",
                    override_base.unwrap_or_else(|| format!("https://{}", repo.host))
                ),
                &settings.gitlab_token,
                "private-token",
                "",
            ),
            ForgeKind::Forgejo => (
                format!(
                    "{}/api/v1",
                    override_base.unwrap_or_else(|| format!("https://{}", repo.host))
                ),
                &settings.forgejo_token,
                "authorization",
                "token ",
            ),
        };
        let auth = match token {
            Some(token) if !token.is_empty() => {
                let mut value =
                    HeaderValue::from_str(&format!("{scheme}{token}")).map_err(|_| {
                        CheckError::Malformed {
                            what: "forge token".to_owned(),
                            reason: "not a valid header value".to_owned(),
                        }
                    })?;
                value.set_sensitive(true);
                Some((HeaderName::from_static(header), value))
            }
            _ => None,
        };
        Ok(Api {
            checker,
            base,
            auth,
            kind: repo.kind,
        })
    }

    /// GETs `{base}{path}`; `Ok(None)` on 404 (a release or file that does not exist).
    async fn get(&self, path: &str) -> Result<Option<(Fetched, Value)>, CheckError> {
        let text = format!("{}{}", self.base, path);
        let url = Url::parse(&text).map_err(|e| CheckError::Malformed {
            what: format!("forge API URL {text}"),
            reason: e.to_string(),
        })?;
        let mut request = Request::get(url);
        if self.kind == ForgeKind::GitHub {
            request = request
                .header(
                    HeaderName::from_static("accept"),
                    HeaderValue::from_static("application/vnd.github+json"),
                )
                .header(
                    HeaderName::from_static("x-github-api-version"),
                    HeaderValue::from_static("2022-11-28"),
                );
        } else {
            request = request.header(
                HeaderName::from_static("accept"),
                HeaderValue::from_static("application/json"),
            );
        }
        if let Some((name, value)) = &self.auth {
            request = request.header(name.clone(), value.clone());
        }
        let fetched = self.checker.outbound.fetch(request).await?;
        let status = fetched.status;
        if status == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        if !status.is_success() {
            let mut reason = format!("the forge API answered {status}");
            if fetched.header("x-ratelimit-remaining") == Some("0")
                || status == reqwest::StatusCode::TOO_MANY_REQUESTS
            {
                reason.push_str(" (rate limit reached: configure a token for this forge)");
            }
            return Err(CheckError::Unreachable {
                url: fetched.url.to_string(),
                reason,
            });
        }
        let value: Value =
            serde_json::from_slice(&fetched.body).map_err(|e| CheckError::Malformed {
                what: format!("forge API answer {}", fetched.url),
                reason: format!("not JSON (line {}, column {}): {e}", e.line(), e.column()),
            })?;
        Ok(Some((fetched, value)))
    }

    /// The repository itself: a 404 here means the entry's repository does not exist.
    async fn get_repository(&self, path: &str, repo: &ForgeRepo) -> Result<Value, CheckError> {
        match self.get(path).await? {
            Some((_, value)) if value.is_object() => Ok(value),
            Some((fetched, _)) => Err(CheckError::Malformed {
                what: format!("forge API answer {}", fetched.url),
                reason: "a repository should be a JSON object".to_owned(),
            }),
            None => Err(CheckError::Unreachable {
                url: format!("{}{}", self.base, path),
                reason: format!(
                    "the forge answered 404: {} does not exist or is not public",
                    repo.web_url
                ),
            }),
        }
    }

    /// The first of the security policy paths that exists, as its web page.
    async fn security_policy(
        &self,
        paths: impl Iterator<Item = (String, String)>,
    ) -> Result<Option<String>, CheckError> {
        for (api_path, web) in paths {
            if let Some((_, value)) = self.get(&api_path).await? {
                let url = value
                    .get("html_url")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .unwrap_or(web);
                return Ok(Some(url));
            }
        }
        Ok(None)
    }
}

fn str_field(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// A field kept in the observation as the forge wrote it.
fn keep(raw: &mut serde_json::Map<String, Value>, prefix: &str, value: &Value, keys: &[&str]) {
    for key in keys {
        if let Some(v) = value.get(*key) {
            raw.insert(format!("{prefix}{key}"), v.clone());
        }
    }
}

/// GitHub REST v3: `GET /repos/{owner}/{repo}`, `/releases/latest`, `/contents/{path}`
/// (https://docs.github.com/en/rest/repos).
async fn github(api: &Api<'_>, repo: &ForgeRepo) -> Result<Seen, CheckError> {
    let base = format!("/repos/{}", repo.path);
    let value = api.get_repository(&base, repo).await?;
    let mut seen = Seen::default();
    keep(
        &mut seen.raw,
        "api.",
        &value,
        &[
            "archived",
            "pushed_at",
            "updated_at",
            "private",
            "visibility",
            "default_branch",
            "html_url",
        ],
    );
    seen.archived = value.get("archived").and_then(Value::as_bool);
    seen.last_activity = parse_date(value.get("pushed_at"));
    seen.licence = value
        .get("license")
        .and_then(|l| l.get("spdx_id"))
        .and_then(Value::as_str)
        .filter(|id| !matches!(*id, "NOASSERTION" | ""))
        .map(str::to_owned);
    seen.raw.insert(
        "api.license".into(),
        value.get("license").cloned().unwrap_or(Value::Null),
    );
    seen.public = value.get("private").and_then(Value::as_bool).map(|p| !p);
    seen.default_branch = str_field(&value, "default_branch");
    if let Some((_, release)) = api.get(&format!("{base}/releases/latest")).await? {
        seen.release = release_of(&release, "published_at", |r| str_field(r, "html_url"));
    }
    let paths = SECURITY_POLICY_PATHS.iter().map(|p| {
        let branch = seen
            .default_branch
            .clone()
            .unwrap_or_else(|| "HEAD".to_owned());
        (
            format!("{base}/contents/{p}"),
            format!("{}/blob/{branch}/{p}", repo.web_url),
        )
    });
    seen.security_policy = api.security_policy(paths).await?;
    Ok(seen)
}

/// GitLab v4: `GET /projects/{id}?license=true`, `/projects/{id}/releases`,
/// `/projects/{id}/repository/files/{path}?ref=` (https://docs.gitlab.com/api/projects/).
async fn gitlab(api: &Api<'_>, repo: &ForgeRepo) -> Result<Seen, CheckError> {
    let id = percent_encoding::utf8_percent_encode(&repo.path, percent_encoding::NON_ALPHANUMERIC)
        .to_string();
    let base = format!("/projects/{id}");
    let value = api
        .get_repository(&format!("{base}?license=true"), repo)
        .await?;
    let mut seen = Seen::default();
    keep(
        &mut seen.raw,
        "api.",
        &value,
        &[
            "archived",
            "last_activity_at",
            "visibility",
            "default_branch",
            "web_url",
        ],
    );
    seen.archived = value.get("archived").and_then(Value::as_bool);
    seen.last_activity = parse_date(value.get("last_activity_at"));
    // GitLab names licences by their licensee key (`mit`, `gpl-3.0`), SPDX ids in lower case.
    seen.licence = value
        .get("license")
        .and_then(|l| l.get("key"))
        .and_then(Value::as_str)
        .filter(|k| !matches!(*k, "other" | ""))
        .map(str::to_owned);
    seen.raw.insert(
        "api.license".into(),
        value.get("license").cloned().unwrap_or(Value::Null),
    );
    seen.public = str_field(&value, "visibility").map(|v| v == "public");
    seen.default_branch = str_field(&value, "default_branch");
    let web = str_field(&value, "web_url").unwrap_or_else(|| repo.web_url.clone());
    if let Some((_, releases)) = api.get(&format!("{base}/releases?per_page=1")).await?
        && let Some(first) = releases.as_array().and_then(|a| a.first())
    {
        seen.release = release_of(first, "released_at", |r| {
            str_field(r, "tag_name").map(|t| format!("{web}/-/releases/{t}"))
        });
    }
    let branch = seen
        .default_branch
        .clone()
        .unwrap_or_else(|| "HEAD".to_owned());
    let paths = SECURITY_POLICY_PATHS.iter().map(|p| {
        let file = percent_encoding::utf8_percent_encode(p, percent_encoding::NON_ALPHANUMERIC);
        (
            format!("{base}/repository/files/{file}?ref={branch}"),
            format!("{web}/-/blob/{branch}/{p}"),
        )
    });
    seen.security_policy = api.security_policy(paths).await?;
    Ok(seen)
}

/// Forgejo/Gitea v1: `GET /repos/{owner}/{repo}`, `/releases/latest`, `/contents/{path}`
/// (https://codeberg.org/api/swagger).
async fn forgejo(api: &Api<'_>, repo: &ForgeRepo) -> Result<Seen, CheckError> {
    let base = format!("/repos/{}", repo.path);
    let value = api.get_repository(&base, repo).await?;
    let mut seen = Seen::default();
    keep(
        &mut seen.raw,
        "api.",
        &value,
        &[
            "archived",
            "updated_at",
            "private",
            "default_branch",
            "html_url",
            "licenses",
        ],
    );
    seen.archived = value.get("archived").and_then(Value::as_bool);
    seen.last_activity = parse_date(value.get("updated_at"));
    // Gitea 1.22+ and Forgejo list the licences they detect.
    seen.licence = value
        .get("licenses")
        .and_then(Value::as_array)
        .filter(|l| l.len() == 1)
        .and_then(|l| l[0].as_str())
        .map(str::to_owned);
    seen.public = value.get("private").and_then(Value::as_bool).map(|p| !p);
    seen.default_branch = str_field(&value, "default_branch");
    if let Some((_, release)) = api.get(&format!("{base}/releases/latest")).await? {
        seen.release = release_of(&release, "published_at", |r| str_field(r, "html_url"));
    }
    let branch = seen
        .default_branch
        .clone()
        .unwrap_or_else(|| "HEAD".to_owned());
    let paths = SECURITY_POLICY_PATHS.iter().map(|p| {
        (
            format!("{base}/contents/{p}"),
            format!("{}/src/branch/{branch}/{p}", repo.web_url),
        )
    });
    seen.security_policy = api.security_policy(paths).await?;
    Ok(seen)
}

fn release_of(
    value: &Value,
    date_key: &str,
    url: impl Fn(&Value) -> Option<String>,
) -> Option<Release> {
    let tag = str_field(value, "tag_name")?;
    Some(Release {
        date: parse_date(value.get(date_key)),
        url: url(value)?,
        tag,
    })
}

/// The licence ids of an SPDX expression (empty when it does not parse).
fn licence_ids(expression: &str) -> Vec<String> {
    spdx::Expression::parse(expression)
        .map(|e| {
            e.requirements()
                .map(|r| r.req.license.to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// A licence id without its `-only` / `-or-later` / `+` suffix, in lower case: forges
/// detect the licence text, which does not say "or later".
fn licence_base(id: &str) -> String {
    let id = id.trim().to_ascii_lowercase();
    let id = id.trim_end_matches('+');
    id.strip_suffix("-or-later")
        .or_else(|| id.strip_suffix("-only"))
        .unwrap_or(id)
        .to_owned()
}

/// What the observation supports, criterion by criterion (see the criteria's
/// `evidence_guidance`): conservative, and only what the forge showed.
fn findings(entry: &Entry, repo: &ForgeRepo, seen: &Seen, now: DateTime<Utc>) -> Vec<Finding> {
    let mut out = Vec::new();
    let today = day(now);
    let forge = format!("{:?}", repo.kind);
    let web = &repo.web_url;

    // maintained: archived is not met whatever the dates; a release in the last twelve
    // months is what the guide asks for; commits alone are part of it.
    if seen.archived == Some(true) {
        out.push(finding(
            "maintained",
            Status::NotMet,
            web,
            format!("Le dépôt est archivé selon l'API de {forge} (observé le {today})."),
            format!(
                "The repository is archived according to the {forge} API (observed on {today})."
            ),
        ));
    } else if seen.archived == Some(false) {
        match &seen.release {
            Some(Release { tag, date: Some(date), url }) if within_twelve_months(*date, now) => out.push(finding(
                "maintained",
                Status::Met,
                url,
                format!(
                    "Dernière version {tag} publiée le {}, dépôt non archivé (API de {forge}, observé le {today}). L'examinateur vérifie qu'aucune faille grave connue ne reste ouverte.",
                    day(*date)
                ),
                format!(
                    "Latest release {tag} published on {}, repository not archived ({forge} API, observed on {today}). The reviewer checks that no known serious flaw remains open.",
                    day(*date)
                ),
            )),
            _ => {
                if let Some(at) = seen.last_activity.filter(|at| within_twelve_months(*at, now)) {
                    out.push(finding(
                        "maintained",
                        Status::Partial,
                        web,
                        format!(
                            "Dernière activité du dépôt le {} mais aucune version publiée sur la forge depuis douze mois (API de {forge}, observé le {today}) : l'importance des changements reste à vérifier.",
                            day(at)
                        ),
                        format!(
                            "Latest repository activity on {} but no release published on the forge in twelve months ({forge} API, observed on {today}): whether the changes are significant remains to be checked.",
                            day(at)
                        ),
                    ));
                }
            }
        }
    }

    // licence: the forge detected the same licence as the entry's expression (a single
    // licence), and it is OSI- or FSF-approved.
    if let Some(detected) = &seen.licence {
        let entry_ids = licence_ids(&entry.license);
        let same = !entry_ids.is_empty()
            && entry_ids
                .iter()
                .all(|id| licence_base(id) == licence_base(detected));
        let free = entry_ids.iter().all(|id| {
            spdx::license_id(id.trim_end_matches('+'))
                .is_some_and(|l| l.is_osi_approved() || l.is_fsf_free_libre())
        });
        if same && free {
            out.push(finding(
                "licence",
                Status::Met,
                web,
                format!(
                    "{forge} détecte la licence {detected} dans le dépôt, conforme à l'expression SPDX de la fiche ({}) et approuvée OSI ou FSF (observé le {today}).",
                    entry.license
                ),
                format!(
                    "{forge} detects the {detected} licence in the repository, matching the entry's SPDX expression ({}), which is OSI- or FSF-approved (observed on {today}).",
                    entry.license
                ),
            ));
        }
    }

    // source-available: a public repository with a tagged release is what the guide asks
    // for; the reviewer still checks that it is complete and covers any server.
    if seen.public == Some(true)
        && let Some(Release { tag, date, url }) = &seen.release
    {
        let when = date.map(day).unwrap_or_else(|| "?".to_owned());
        out.push(finding(
            "source-available",
            Status::Met,
            url,
            format!(
                "Dépôt public sur {forge} ; la dernière version {tag} ({when}) y est étiquetée (observé le {today}). L'examinateur vérifie que le code est complet et, si le projet exploite un serveur, que son code est publié."
            ),
            format!(
                "Public repository on {forge}; the latest release {tag} ({when}) is tagged there (observed on {today}). The reviewer checks that the code is complete and, if the project runs a server, that its code is published."
            ),
        ));
    }

    // vulnerability-disclosure: a policy file exists; whether it gives a contact and a
    // response time (met) is read by the reviewer.
    if let Some(policy) = &seen.security_policy {
        out.push(finding(
            "vulnerability-disclosure",
            Status::Partial,
            policy,
            format!("Le dépôt contient une politique de sécurité (observé le {today}) ; l'examinateur vérifie qu'elle donne un contact et un délai de réponse (alors satisfait)."),
            format!("The repository has a security policy (observed on {today}); the reviewer checks that it gives a contact and a response time (then met)."),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_urls_name_their_forge_and_repository() {
        let r =
            parse_repository("https://github.com/signalapp/Signal-Android.git").expect("github");
        assert_eq!(
            (r.kind, r.path.as_str()),
            (ForgeKind::GitHub, "signalapp/Signal-Android")
        );
        let r =
            parse_repository("https://github.com/owner/repo/tree/main/docs").expect("github deep");
        assert_eq!(r.web_url, "https://github.com/owner/repo");
        let r =
            parse_repository("https://gitlab.com/group/sub/project/-/tree/main").expect("gitlab");
        assert_eq!(
            (r.kind, r.path.as_str()),
            (ForgeKind::GitLab, "group/sub/project")
        );
        let r = parse_repository("https://gitlab.gnome.org/GNOME/gnome-maps")
            .expect("self-hosted gitlab");
        assert_eq!(r.kind, ForgeKind::GitLab);
        let r = parse_repository("https://codeberg.org/forgejo/forgejo").expect("codeberg");
        assert_eq!(
            (r.kind, r.host.as_str()),
            (ForgeKind::Forgejo, "codeberg.org")
        );
    }

    #[test]
    fn organisation_pages_and_unknown_hosts_are_not_applicable() {
        let err = parse_repository("https://github.com/signalapp").expect_err("org");
        assert!(
            matches!(&err, CheckError::NotApplicable(m) if m.contains("organisation or user page")),
            "{err}"
        );
        let err = parse_repository("https://git.example.org/a/b").expect_err("unknown host");
        assert!(matches!(err, CheckError::NotApplicable(_)));
    }

    #[test]
    fn licence_bases_ignore_only_and_or_later() {
        assert_eq!(licence_base("GPL-3.0-or-later"), licence_base("GPL-3.0"));
        assert_eq!(licence_base("gpl-3.0"), licence_base("GPL-3.0-only"));
        assert_ne!(licence_base("GPL-3.0"), licence_base("AGPL-3.0"));
    }
}
