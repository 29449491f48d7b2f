//! The website check: the entry's homepage over HTTPS (certificate, http → https redirect,
//! HSTS), `/.well-known/security.txt` (RFC 9116), a privacy-policy link, and the third-party
//! hosts the page's HTML loads, matched against Exodus Privacy's network signatures. It speaks
//! about the website only, and its notes say so.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use scraper::{Html, Selector};
use serde_json::{Value, json};
use url::Url;

use super::Checker;
use super::notes::{day, finding};
use crate::evidence::{CheckError, EvidenceSource, Finding, Observation};
use crate::model::{Entry, Kind, Status};
use crate::outbound::{Fetched, OutboundError};

/// Words of a link (its address or its text, lower-cased) that point to a privacy notice.
const PRIVACY_WORDS: [&str; 12] = [
    "privacy",
    "confidentialit",
    "datenschutz",
    "vie privée",
    "vie-privee",
    "données personnelles",
    "donnees-personnelles",
    "privacidad",
    "privacidade",
    "riservatezza",
    "privacybeleid",
    "gdpr",
];

/// Third-party hosts kept in an observation (all are matched; the count is kept too).
const MAX_RAW_HOSTS: usize = 200;

/// A `security.txt` read as RFC 9116 says: `Contact` (one or more) and `Expires` (one) are
/// required; an expired file counts as absent.
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityTxt {
    pub contacts: Vec<String>,
    pub expires: DateTime<Utc>,
    pub policy: Option<String>,
}

impl SecurityTxt {
    /// Parses the text of a security.txt; `Err` says what is missing or wrong.
    pub fn parse(text: &str, now: DateTime<Utc>) -> Result<SecurityTxt, String> {
        if text.trim_start().starts_with('<') {
            return Err("the answer is an HTML page, not a security.txt".to_owned());
        }
        let mut contacts = Vec::new();
        let mut expires = Vec::new();
        let mut policy = None;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with("-----") {
                continue;
            }
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_owned();
            match name.trim().to_ascii_lowercase().as_str() {
                "contact" => contacts.push(value),
                "expires" => expires.push(value),
                "policy" => policy = Some(value),
                _ => {}
            }
        }
        if contacts.is_empty() {
            return Err("no Contact field (RFC 9116 §2.5.3 requires one)".to_owned());
        }
        let expires = match expires.as_slice() {
            [one] => DateTime::parse_from_rfc3339(one)
                .map_err(|e| format!("Expires `{one}` is not an RFC 3339 date: {e}"))?
                .with_timezone(&Utc),
            [] => return Err("no Expires field (RFC 9116 §2.5.5 requires one)".to_owned()),
            _ => return Err("more than one Expires field".to_owned()),
        };
        if expires <= now {
            return Err(format!(
                "expired on {} (an expired file counts as absent)",
                day(expires)
            ));
        }
        Ok(SecurityTxt {
            contacts,
            expires,
            policy,
        })
    }
}

/// What the homepage's HTML shows.
#[derive(Debug, Default)]
struct Page {
    privacy_link: Option<String>,
    third_party_hosts: BTreeSet<String>,
}

pub async fn check(checker: &Checker, entry: &Entry) -> Result<Observation, CheckError> {
    let homepage = entry.homepage.trim();
    if homepage.is_empty() {
        return Err(CheckError::NotApplicable(format!(
            "{}: the entry has no homepage",
            entry.slug
        )));
    }
    let mut url = Url::parse(homepage).map_err(|e| CheckError::Malformed {
        what: format!("homepage `{homepage}`"),
        reason: format!("not a URL: {e}"),
    })?;
    if url.scheme() == "http" {
        let _ = url.set_scheme("https");
    }
    let observed_at = Utc::now();
    let mut raw = serde_json::Map::new();
    raw.insert("homepage".into(), json!(url.as_str()));

    // HTTPS: a certificate error is an observation; any other failure ends the check.
    let https = match checker.outbound.get(url.clone()).await {
        Ok(fetched) => Some(fetched),
        Err(OutboundError::Unreachable { reason, .. }) if is_certificate_error(&reason) => {
            raw.insert("https".into(), json!({"ok": false, "error": reason}));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let Some(https) = https else {
        let findings = certificate_findings(entry, &url, observed_at);
        return Ok(Observation {
            slug: entry.slug.clone(),
            source: EvidenceSource::Website,
            url: url.to_string(),
            observed_at,
            raw: Value::Object(raw),
            findings,
            stale: None,
        });
    };
    if !https.status.is_success() {
        return Err(CheckError::Unreachable {
            url: https.url.to_string(),
            reason: format!("the homepage answered {}", https.status),
        });
    }
    let final_https = https.url.scheme() == "https";
    let hsts = https
        .header("strict-transport-security")
        .and_then(hsts_max_age)
        .filter(|age| *age > 0);
    raw.insert(
        "https".into(),
        json!({
            "ok": final_https,
            "final_url": https.url.as_str(),
            "redirects": https.redirects.iter().map(Url::as_str).collect::<Vec<_>>(),
            "status": https.status.as_u16(),
            "strict_transport_security": https.header("strict-transport-security"),
        }),
    );

    // http:// → https://
    let mut http_url = url.clone();
    let _ = http_url.set_scheme("http");
    let http_redirects = match checker.outbound.get(http_url.clone()).await {
        Ok(fetched) => {
            let to_https = fetched.url.scheme() == "https";
            raw.insert(
                "http".into(),
                json!({"url": http_url.as_str(), "final_url": fetched.url.as_str(), "status": fetched.status.as_u16(), "redirects_to_https": to_https}),
            );
            to_https
        }
        Err(OutboundError::Refused { url, reason }) => {
            return Err(CheckError::Refused { url, reason });
        }
        Err(e) => {
            raw.insert("http".into(), json!({"url": http_url.as_str(), "error": e.to_string(), "redirects_to_https": false}));
            false
        }
    };

    // security.txt
    let security_txt = security_txt(checker, &https.url, observed_at).await?;
    raw.insert("security_txt".into(), security_txt.1.clone());

    // The page itself.
    let page = parse_page(&https).await?;
    let trackers: Vec<Value> = page
        .third_party_hosts
        .iter()
        .flat_map(|host| {
            checker.trackers.match_host(host).into_iter().map(move |t| {
                json!({"host": host, "tracker": t.name, "id": t.id, "categories": t.categories, "exodus": t.exodus_page()})
            })
        })
        .collect();
    raw.insert("privacy_link".into(), json!(page.privacy_link));
    // Bounded: an observation is stored and shown.
    let hosts: Vec<&String> = page.third_party_hosts.iter().take(MAX_RAW_HOSTS).collect();
    raw.insert("third_party_hosts".into(), json!(hosts));
    raw.insert(
        "third_party_host_count".into(),
        json!(page.third_party_hosts.len()),
    );
    raw.insert("trackers".into(), json!(trackers));
    raw.insert("tracker_list".into(), json!(super::trackers::SOURCE));

    let facts = Facts {
        page_url: https.url.to_string(),
        hsts,
        http_redirects,
        https_final: final_https,
        security_txt: security_txt.0,
        privacy_link: page.privacy_link.clone(),
        trackers: trackers.clone(),
    };
    let findings = findings(entry, &facts, observed_at);
    Ok(Observation {
        slug: entry.slug.clone(),
        source: EvidenceSource::Website,
        url: https.url.to_string(),
        observed_at,
        raw: Value::Object(raw),
        findings,
        stale: None,
    })
}

/// rustls and webpki say "certificate" in every certificate failure.
fn is_certificate_error(reason: &str) -> bool {
    let reason = reason.to_ascii_lowercase();
    reason.contains("certificate")
        || reason.contains("unknownissuer")
        || reason.contains("notvalidforname")
}

fn hsts_max_age(value: &str) -> Option<u64> {
    value.split(';').find_map(|part| {
        let (name, age) = part.trim().split_once('=')?;
        if name.trim().eq_ignore_ascii_case("max-age") {
            age.trim().trim_matches('"').parse().ok()
        } else {
            None
        }
    })
}

async fn security_txt(
    checker: &Checker,
    page: &Url,
    now: DateTime<Utc>,
) -> Result<(Option<(String, SecurityTxt)>, Value), CheckError> {
    let Ok(url) = page.join("/.well-known/security.txt") else {
        return Ok((None, json!({"error": "no URL"})));
    };
    match checker.outbound.get(url.clone()).await {
        Ok(fetched) if fetched.status.is_success() => {
            match SecurityTxt::parse(&fetched.text(), now) {
                Ok(txt) => {
                    let raw = json!({"url": fetched.url.as_str(), "valid": true, "contacts": txt.contacts, "expires": txt.expires});
                    Ok((Some((fetched.url.to_string(), txt)), raw))
                }
                Err(problem) => Ok((
                    None,
                    json!({"url": url.as_str(), "valid": false, "problem": problem}),
                )),
            }
        }
        Ok(fetched) => Ok((
            None,
            json!({"url": url.as_str(), "valid": false, "status": fetched.status.as_u16()}),
        )),
        Err(OutboundError::Refused { url, reason }) => Err(CheckError::Refused { url, reason }),
        Err(e) => Ok((
            None,
            json!({"url": url.as_str(), "valid": false, "error": e.to_string()}),
        )),
    }
}

/// Parses the homepage off the async runtime (a page may be megabytes).
async fn parse_page(fetched: &Fetched) -> Result<Page, CheckError> {
    let html = fetched.text();
    let base = fetched.url.clone();
    tokio::task::spawn_blocking(move || read_page(&html, &base))
        .await
        .map_err(|e| CheckError::Malformed {
            what: format!("page {}", fetched.url),
            reason: format!("the HTML reader stopped: {e}"),
        })?
}

/// The elements whose address a browser loads while showing the page.
const LOADED: [(&str, &str); 12] = [
    ("script[src]", "src"),
    ("iframe[src]", "src"),
    ("frame[src]", "src"),
    ("img[src]", "src"),
    ("source[src]", "src"),
    ("video[src]", "src"),
    ("video[poster]", "poster"),
    ("audio[src]", "src"),
    ("object[data]", "data"),
    ("embed[src]", "src"),
    ("input[type=image][src]", "src"),
    ("link[href]", "href"),
];

/// `rel` values of a `<link>` that make a browser connect to its host.
const LOADING_RELS: [&str; 9] = [
    "stylesheet",
    "preconnect",
    "dns-prefetch",
    "preload",
    "modulepreload",
    "prefetch",
    "icon",
    "apple-touch-icon",
    "manifest",
];

fn read_page(html: &str, base: &Url) -> Result<Page, CheckError> {
    let document = Html::parse_document(html);
    let selector = |s: &str| {
        Selector::parse(s).map_err(|e| CheckError::Malformed {
            what: format!("selector `{s}`"),
            reason: e.to_string(),
        })
    };
    let mut page = Page::default();
    let own = site_of(base.host_str().unwrap_or_default());
    for (css, attr) in LOADED {
        let sel = selector(css)?;
        for element in document.select(&sel) {
            if css.starts_with("link") {
                let rel = element
                    .value()
                    .attr("rel")
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if !rel.split_whitespace().any(|r| LOADING_RELS.contains(&r)) {
                    continue;
                }
            }
            let Some(address) = element.value().attr(attr) else {
                continue;
            };
            if let Ok(url) = base.join(address.trim())
                && let Some(host) = url.host_str()
                && matches!(url.scheme(), "http" | "https")
                && !is_same_site(host, &own)
            {
                page.third_party_hosts.insert(host.to_ascii_lowercase());
            }
        }
    }
    let links = selector("a[href]")?;
    for element in document.select(&links) {
        let href = element.value().attr("href").unwrap_or_default();
        let text: String = element.text().collect::<String>().to_lowercase();
        let href_lower = href.to_lowercase();
        if PRIVACY_WORDS
            .iter()
            .any(|w| href_lower.contains(w) || text.contains(w))
            && let Ok(url) = base.join(href.trim())
            && matches!(url.scheme(), "http" | "https")
        {
            page.privacy_link = Some(url.to_string());
            break;
        }
    }
    Ok(page)
}

/// The site of a host: without a leading `www.` (a public-suffix list is not shipped, so
/// `cdn.example.org` counts as the same site as `www.example.org`, nothing wider).
fn site_of(host: &str) -> String {
    host.to_ascii_lowercase()
        .trim_start_matches("www.")
        .to_owned()
}

fn is_same_site(host: &str, own: &str) -> bool {
    let host = site_of(host);
    host == own || host.ends_with(&format!(".{own}"))
}

struct Facts {
    page_url: String,
    hsts: Option<u64>,
    http_redirects: bool,
    https_final: bool,
    security_txt: Option<(String, SecurityTxt)>,
    privacy_link: Option<String>,
    trackers: Vec<Value>,
}

fn is_web(entry: &Entry) -> bool {
    entry.kinds.contains(&Kind::Web)
}

fn certificate_findings(entry: &Entry, url: &Url, now: DateTime<Utc>) -> Vec<Finding> {
    if !is_web(entry) {
        return Vec::new();
    }
    let today = day(now);
    vec![finding(
        "transport-security",
        Status::NotMet,
        url.as_str(),
        format!(
            "Le site {url} ne présente pas de certificat valide en HTTPS (observé le {today}). Ce constat porte sur le site web seulement."
        ),
        format!(
            "The website {url} does not present a valid HTTPS certificate (observed on {today}). This speaks about the website only."
        ),
    )]
}

fn findings(entry: &Entry, facts: &Facts, now: DateTime<Utc>) -> Vec<Finding> {
    let today = day(now);
    let page = &facts.page_url;
    let mut out = Vec::new();

    // transport-security (web software only: its pages are the service): HTTPS worked with a
    // valid certificate; protocol versions and the application's own traffic are not tested,
    // so never more than partial.
    if is_web(entry) && facts.https_final {
        let hsts = match facts.hsts {
            Some(age) => format!("HSTS max-age={age}"),
            None => "sans HSTS".to_owned(),
        };
        let hsts_en = match facts.hsts {
            Some(age) => format!("HSTS max-age={age}"),
            None => "no HSTS".to_owned(),
        };
        let (redirect_fr, redirect_en) = if facts.http_redirects {
            (
                "http:// redirige vers https://",
                "http:// redirects to https://",
            )
        } else {
            (
                "http:// ne redirige pas vers https://",
                "http:// does not redirect to https://",
            )
        };
        out.push(finding(
            "transport-security",
            Status::Partial,
            page,
            format!("Page d'accueil servie en HTTPS avec un certificat valide, {redirect_fr}, {hsts} (observé le {today}). Ce constat porte sur le site web seulement : versions de TLS et trafic de l'application non vérifiés."),
            format!("Homepage served over HTTPS with a valid certificate, {redirect_en}, {hsts_en} (observed on {today}). This speaks about the website only: TLS versions and the application's traffic are not checked."),
        ));
    }

    // vulnerability-disclosure: a valid security.txt gives a contact; a response time is
    // not part of RFC 9116, so partial.
    if let Some((url, txt)) = &facts.security_txt {
        out.push(finding(
            "vulnerability-disclosure",
            Status::Partial,
            url,
            format!(
                "Le site publie un security.txt valide (RFC 9116) avec le contact {}, valable jusqu'au {} (observé le {today}) ; un délai de réponse reste à vérifier.",
                txt.contacts.join(", "),
                day(txt.expires)
            ),
            format!(
                "The website publishes a valid security.txt (RFC 9116) with contact {}, valid until {} (observed on {today}); a response time remains to be checked.",
                txt.contacts.join(", "),
                day(txt.expires)
            ),
        ));
    }

    // privacy-notice: a link exists; its content is for the reviewer.
    if let Some(link) = &facts.privacy_link {
        out.push(finding(
            "privacy-notice",
            Status::Partial,
            link,
            format!("La page d'accueil renvoie à une politique de confidentialité (observé le {today}) ; l'examinateur vérifie qu'elle contient les éléments de l'article 13 du RGPD."),
            format!("The homepage links to a privacy policy (observed on {today}); the reviewer checks that it contains the items of GDPR Article 13."),
        ));
    }

    // no-trackers and analytics (web software only): a host of Exodus's list loaded by the
    // page is what the criteria forbid. None found proves little (one page, scripts added by
    // scripts are not seen), so it gives no finding.
    if is_web(entry) && !facts.trackers.is_empty() {
        let describe = |only_analytics: bool| -> String {
            facts
                .trackers
                .iter()
                .filter(|t| {
                    !only_analytics
                        || t["categories"]
                            .as_array()
                            .is_some_and(|c| c.iter().any(|c| c == "Analytics"))
                })
                .map(|t| {
                    format!(
                        "{} ({})",
                        t["tracker"].as_str().unwrap_or("?"),
                        t["host"].as_str().unwrap_or("?")
                    )
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join(", ")
        };
        let all = describe(false);
        out.push(finding(
            "no-trackers",
            Status::NotMet,
            page,
            format!("La page d'accueil charge des hôtes de pisteurs de la liste d'Exodus Privacy : {all} (observé le {today}). Détection automatique sur le site web seulement : l'examinateur confirme."),
            format!("The homepage loads tracker hosts from Exodus Privacy's list: {all} (observed on {today}). Automated detection on the website only: the reviewer confirms."),
        ));
        let analytics = describe(true);
        if !analytics.is_empty() {
            out.push(finding(
                "analytics",
                Status::NotMet,
                page,
                format!("La page d'accueil charge une mesure d'audience tierce : {analytics} (observé le {today}). Détection automatique sur le site web seulement : l'examinateur confirme."),
                format!("The homepage loads third-party audience measurement: {analytics} (observed on {today}). Automated detection on the website only: the reviewer confirms."),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-07T12:00:00Z")
            .expect("date")
            .with_timezone(&Utc)
    }

    #[test]
    fn security_txt_needs_contact_and_a_future_expiry() {
        let ok = SecurityTxt::parse(
            "Contact: mailto:security@example.org\nExpires: 2027-06-01T00:00:00Z\n",
            now(),
        );
        assert_eq!(
            ok.expect("valid").contacts,
            vec!["mailto:security@example.org"]
        );
        assert!(
            SecurityTxt::parse("Expires: 2027-06-01T00:00:00Z\n", now())
                .expect_err("no contact")
                .contains("Contact")
        );
        assert!(
            SecurityTxt::parse("Contact: mailto:a@example.org\n", now())
                .expect_err("no expires")
                .contains("Expires")
        );
        assert!(
            SecurityTxt::parse(
                "Contact: mailto:a@example.org\nExpires: 2020-01-01T00:00:00Z\n",
                now()
            )
            .expect_err("expired")
            .contains("expired")
        );
        assert!(SecurityTxt::parse("<!doctype html><p>Not found</p>", now()).is_err());
    }

    #[test]
    fn third_party_hosts_come_from_loaded_elements_only() {
        let base = Url::parse("https://www.example.org/").expect("url");
        let page = read_page(
            r#"<html><head>
            <link rel="stylesheet" href="https://fonts.googleapis.com/css">
            <link rel="preconnect" href="https://cdn.tracker.test">
            <link rel="canonical" href="https://canonical.test/">
            <script src="/local.js"></script>
            <script src="https://static.example.org/app.js"></script>
            <script src="//www.google-analytics.com/analytics.js"></script>
            </head><body><a href="https://elsewhere.test/">link only</a>
            <img src="https://pixel.test/p.gif"><a href="/legal/confidentialite">Confidentialité</a></body></html>"#,
            &base,
        )
        .expect("page");
        let hosts: Vec<&str> = page.third_party_hosts.iter().map(String::as_str).collect();
        assert_eq!(
            hosts,
            [
                "cdn.tracker.test",
                "fonts.googleapis.com",
                "pixel.test",
                "www.google-analytics.com"
            ]
        );
        assert_eq!(
            page.privacy_link.as_deref(),
            Some("https://www.example.org/legal/confidentialite")
        );
    }

    #[test]
    fn hsts_max_age_is_read() {
        assert_eq!(
            hsts_max_age("max-age=31536000; includeSubDomains"),
            Some(31536000)
        );
        assert_eq!(hsts_max_age("includeSubDomains; max-age=\"60\""), Some(60));
        assert_eq!(hsts_max_age("preload"), None);
    }
}
