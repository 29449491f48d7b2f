//! The apk check: Exodus-style static analysis of an Android package. The class names of
//! every `classes*.dex` are matched against Exodus Privacy's code signatures. As Exodus
//! says, the presence of a tracker's code is not proof that it runs.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use chrono::Utc;
use serde_json::{Value, json};
use url::Url;

use super::notes::{day, finding};
use super::trackers::TrackerSignatures;
use super::{ApkInput, Checker, DEFAULT_MAX_APK_BYTES, dex};
use crate::evidence::{CheckError, EvidenceSource, Finding, Observation};
use crate::model::{Entry, Status};
use crate::outbound::Request;

/// Exodus's own caveat, shown with every finding.
const CAVEAT_FR: &str = "La présence du code d'un pisteur n'implique pas qu'il soit actif (mise en garde d'Exodus Privacy).";
const CAVEAT_EN: &str =
    "The presence of a tracker's code does not prove that it is active (Exodus Privacy's caveat).";

/// Largest `classes*.dex` read once decompressed (a zip bomb stops here).
const MAX_DEX_BYTES: u64 = 256 * 1024 * 1024;
/// Example classes kept per tracker in the observation.
const EXAMPLES: usize = 5;

/// The trackers found in an APK, by tracker id.
#[derive(Debug, Default)]
pub struct ApkAnalysis {
    pub dex_files: Vec<String>,
    pub classes: usize,
    /// Tracker id → (name, categories, Exodus page, example classes).
    pub trackers: BTreeMap<u64, (String, Vec<String>, String, Vec<String>)>,
}

pub async fn check(
    checker: &Checker,
    entry: &Entry,
    input: &ApkInput,
) -> Result<Observation, CheckError> {
    let cap = checker
        .settings
        .max_apk_bytes
        .unwrap_or(DEFAULT_MAX_APK_BYTES);
    let (bytes, what, public_url) = match input {
        ApkInput::File(path) => {
            let what = format!("APK {}", path.display());
            let meta = tokio::fs::metadata(path)
                .await
                .map_err(|e| CheckError::Unreachable {
                    url: path.display().to_string(),
                    reason: format!("cannot read the file: {e}"),
                })?;
            if meta.len() > cap {
                return Err(CheckError::Malformed {
                    what,
                    reason: format!("{} bytes is more than the {cap} bytes allowed", meta.len()),
                });
            }
            let bytes = tokio::fs::read(path)
                .await
                .map_err(|e| CheckError::Unreachable {
                    url: path.display().to_string(),
                    reason: format!("cannot read the file: {e}"),
                })?;
            (bytes, what, None)
        }
        ApkInput::Url(text) => {
            let url = Url::parse(text).map_err(|e| CheckError::Malformed {
                what: format!("APK URL `{text}`"),
                reason: e.to_string(),
            })?;
            if url.scheme() != "https" && !checker.settings.allow_loopback {
                return Err(CheckError::Refused {
                    url: text.clone(),
                    reason: "an APK is downloaded over https only".to_owned(),
                });
            }
            let fetched = checker
                .outbound
                .fetch(Request::get(url).max_body_bytes(cap))
                .await?;
            if !fetched.status.is_success() {
                return Err(CheckError::Unreachable {
                    url: fetched.url.to_string(),
                    reason: format!("answered {}", fetched.status),
                });
            }
            (
                fetched.body,
                format!("APK {}", fetched.url),
                Some(fetched.url.to_string()),
            )
        }
    };
    let trackers = checker.trackers.clone();
    let what_inner = what.clone();
    let analysis = tokio::task::spawn_blocking(move || analyse(&bytes, &trackers, &what_inner))
        .await
        .map_err(|e| CheckError::Malformed {
            what: what.clone(),
            reason: format!("the analysis stopped: {e}"),
        })??;
    let observed_at = Utc::now();
    let found: Vec<Value> = analysis
        .trackers
        .iter()
        .map(|(id, (name, categories, page, examples))| {
            json!({"id": id, "name": name, "categories": categories, "exodus": page, "classes": examples})
        })
        .collect();
    let raw = json!({
        "apk": match input { ApkInput::File(p) => json!(p.file_name().map(|n| n.to_string_lossy().into_owned())), ApkInput::Url(u) => json!(u) },
        "dex_files": analysis.dex_files,
        "classes": analysis.classes,
        "trackers": found,
        "signatures": super::trackers::SOURCE,
        "caveat": CAVEAT_EN,
    });
    let findings = findings(&analysis, public_url.as_deref(), observed_at);
    Ok(Observation {
        slug: entry.slug.clone(),
        source: EvidenceSource::Apk,
        // A file has no public address: the entry's repository stands for where it comes from.
        url: public_url.unwrap_or_else(|| entry.repository.clone()),
        observed_at,
        raw,
        findings,
        stale: None,
    })
}

/// Opens the APK as a zip, reads every `classes*.dex` and matches its classes.
pub fn analyse(
    bytes: &[u8],
    trackers: &TrackerSignatures,
    what: &str,
) -> Result<ApkAnalysis, CheckError> {
    let malformed = |reason: String| CheckError::Malformed {
        what: what.to_owned(),
        reason,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| malformed(format!("not a zip archive, so not an APK: {e}")))?;
    let mut analysis = ApkAnalysis::default();
    for i in 0..archive.len() {
        let mut file = archive
            .by_index(i)
            .map_err(|e| malformed(format!("zip entry {i}: {e}")))?;
        let name = file
            .name()
            .map_err(|e| malformed(format!("zip entry {i}: its name: {e}")))?
            .into_owned();
        let is_dex = name
            .strip_prefix("classes")
            .and_then(|rest| rest.strip_suffix(".dex"))
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
        if !is_dex {
            continue;
        }
        let mut data = Vec::new();
        (&mut file)
            .take(MAX_DEX_BYTES + 1)
            .read_to_end(&mut data)
            .map_err(|e| malformed(format!("{name}: cannot decompress: {e}")))?;
        if data.len() as u64 > MAX_DEX_BYTES {
            return Err(malformed(format!(
                "{name}: larger than {MAX_DEX_BYTES} bytes once decompressed"
            )));
        }
        let classes = dex::class_names(&data).map_err(|e| malformed(format!("{name}: {e}")))?;
        analysis.classes += classes.len();
        for class in classes {
            for tracker in trackers.match_class(&class) {
                let slot = analysis.trackers.entry(tracker.id).or_insert_with(|| {
                    (
                        tracker.name.clone(),
                        tracker.categories.clone(),
                        tracker.exodus_page(),
                        Vec::new(),
                    )
                });
                if slot.3.len() < EXAMPLES {
                    slot.3.push(class.clone());
                }
            }
        }
        analysis.dex_files.push(name);
    }
    if analysis.dex_files.is_empty() {
        return Err(malformed(
            "the archive has no classes*.dex: not an Android package".to_owned(),
        ));
    }
    analysis.dex_files.sort();
    Ok(analysis)
}

fn findings(
    analysis: &ApkAnalysis,
    public_url: Option<&str>,
    now: chrono::DateTime<Utc>,
) -> Vec<Finding> {
    let today = day(now);
    if analysis.trackers.is_empty() {
        // No tracker in this package: it covers this Android build only, so partial; a file
        // without a public address cannot be shown to a reviewer, so no finding.
        return match public_url {
            Some(url) => vec![finding(
                "no-trackers",
                Status::Partial,
                url,
                format!(
                    "Aucune signature de pisteur d'Exodus Privacy dans les {} classes de ce paquet Android (analysé le {today}) ; cela ne vaut que pour cette version Android.",
                    analysis.classes
                ),
                format!(
                    "No Exodus Privacy tracker signature among the {} classes of this Android package (analysed on {today}); this covers this Android build only.",
                    analysis.classes
                ),
            )],
            None => Vec::new(),
        };
    }
    let names: Vec<&str> = analysis.trackers.values().map(|t| t.0.as_str()).collect();
    let names = names.join(", ");
    let evidence = public_url
        .map(str::to_owned)
        .or_else(|| analysis.trackers.values().next().map(|t| t.2.clone()))
        .unwrap_or_default();
    vec![finding(
        "no-trackers",
        Status::NotMet,
        &evidence,
        format!(
            "Code de pisteurs trouvé dans le paquet Android (analysé le {today}) : {names}. {CAVEAT_FR} L'examinateur confirme."
        ),
        format!(
            "Tracker code found in the Android package (analysed on {today}): {names}. {CAVEAT_EN} The reviewer confirms."
        ),
    )]
}
