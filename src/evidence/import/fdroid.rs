//! F-Droid: fdroiddata metadata files (`metadata/<package>.yml`, a directory of them or one
//! file) and repository indexes (`index-v2.json`), read into records whose anti-features and
//! reproducible-build settings are mapped to criteria as the criteria's guidance says:
//!
//! | F-Droid states | criterion | status |
//! |---|---|---|
//! | `Tracking` or `Ads` | `no-trackers` | not met |
//! | neither, app shipped | `no-trackers` | met for the Android build |
//! | `NonFreeNet` or `TetheredNet` | `network-independence` | not met |
//! | neither, app shipped | `network-independence` | met for the Android build |
//! | `NonFreeDep`, `NonFreeAdd` or `NonFreeAssets` | `free-dependencies` | not met |
//! | `UpstreamNonFree` (F-Droid removed the non-free parts for its build) | `free-dependencies` | partial |
//! | none of these, app shipped | `free-dependencies` | met for the Android build |
//! | `KnownVuln` | `maintained` | not met |
//! | `NoSourceSince` (field or anti-feature) | `source-available` | not met |
//! | `DisabledAlgorithm` | `reproducible-builds` | not met |
//! | `Binaries` with `AllowedAPKSigningKeys`, app shipped | `reproducible-builds` | met for the Android build |
//!
//! Every finding is about the Android build F-Droid describes: a `met` is `partial` for an
//! entry with other platforms, and nothing is said about an entry without Android (see
//! `record::findings`). An app F-Droid no longer ships (`ArchivePolicy: 0`, `NoSourceSince`,
//! no enabled build, no version in the index) gives no `met`: the absence of an anti-feature
//! on an app nobody reviews any more proves nothing. Licences are kept in the observation's
//! raw data, not turned into findings: the Android app's licence is not the whole project's.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde_yaml_ng::{Mapping, Value};

use super::record::{Record, Scope, Signal, cut, day, field, scalar, strings};
use super::{
    MAX_INPUT_BYTES, MAX_RECORD_BYTES, Read, Skipped, file_name, parse_yaml, read_file, shown,
    yaml_files,
};
use crate::evidence::CheckError;
use crate::model::Status;

/// What F-Droid states about one app, from either format.
#[derive(Debug, Default)]
struct App {
    id: String,
    /// `fdroiddata` or `index-v2`.
    origin: &'static str,
    license: Option<String>,
    source_code: Option<String>,
    website: Option<String>,
    /// Anti-feature → its reason in English, when given.
    anti_features: BTreeMap<String, Option<String>>,
    no_source_since: Option<String>,
    archive_policy: Option<String>,
    binaries: bool,
    signing_keys: usize,
    current_version: Option<String>,
    enabled_builds: usize,
    categories: Vec<String>,
    /// Where reviewers see it: the app's F-Droid page (or the index of another repository).
    page: String,
}

impl App {
    fn shipped(&self) -> bool {
        self.enabled_builds > 0
            && self.no_source_since.is_none()
            && !self.anti_features.contains_key("NoSourceSince")
            && self.archive_policy.as_deref() != Some("0")
    }
}

pub fn read(input: &Path, now: DateTime<Utc>) -> Result<Read, CheckError> {
    let meta = std::fs::metadata(input).map_err(|e| CheckError::Malformed {
        what: shown(input),
        reason: super::io_reason(&e),
    })?;
    if meta.is_dir() {
        let dir = input.join("metadata");
        let dir = if dir.is_dir() {
            dir
        } else {
            input.to_path_buf()
        };
        return read_metadata_dir(&dir, now);
    }
    if input.extension().is_some_and(|x| x == "json") {
        return read_index(input, now);
    }
    let text = read_file(input, MAX_RECORD_BYTES)?;
    let app = metadata_app(input, &text)?;
    Ok(Read {
        records: vec![record(app, now)],
        skipped: Vec::new(),
    })
}

fn read_metadata_dir(dir: &Path, now: DateTime<Utc>) -> Result<Read, CheckError> {
    let files = yaml_files(dir)?;
    if files.is_empty() {
        return Err(CheckError::Malformed {
            what: shown(dir),
            reason: "no fdroiddata metadata file (`<package>.yml`) in this directory".to_owned(),
        });
    }
    let mut read = Read::default();
    for file in files {
        let parsed = read_file(&file, MAX_RECORD_BYTES).and_then(|t| metadata_app(&file, &t));
        match parsed {
            Ok(app) => read.records.push(record(app, now)),
            Err(e) => read.skipped.push(Skipped {
                name: file_name(&file),
                reason: e.to_string(),
            }),
        }
    }
    Ok(read)
}

/// One fdroiddata metadata file; the package id is the file name.
fn metadata_app(path: &Path, text: &str) -> Result<App, CheckError> {
    let name = file_name(path);
    let id = name
        .strip_suffix(".yml")
        .or_else(|| name.strip_suffix(".yaml"))
        .unwrap_or(&name)
        .to_owned();
    let value = parse_yaml(text, &shown(path))?;
    let Value::Mapping(map) = value else {
        return Err(CheckError::Malformed {
            what: format!("{}:1", shown(path)),
            reason: "an fdroiddata metadata file is a mapping of fields (License, SourceCode, Builds...)".to_owned(),
        });
    };
    if field(&map, "License").is_none() && map.get("Builds").is_none() {
        return Err(CheckError::Malformed {
            what: format!("{}:1", shown(path)),
            reason: "neither `License` nor `Builds`: not an fdroiddata metadata file".to_owned(),
        });
    }
    let mut app = App {
        page: format!("https://f-droid.org/packages/{id}/"),
        id,
        origin: "fdroiddata",
        license: field(&map, "License"),
        source_code: field(&map, "SourceCode").or_else(|| field(&map, "Repo")),
        website: field(&map, "WebSite"),
        no_source_since: field(&map, "NoSourceSince"),
        archive_policy: field(&map, "ArchivePolicy"),
        binaries: field(&map, "Binaries").is_some(),
        signing_keys: match map.get("AllowedAPKSigningKeys") {
            Some(Value::Sequence(keys)) => keys.len(),
            Some(v) if scalar(v).is_some() => 1,
            _ => 0,
        },
        current_version: field(&map, "CurrentVersion"),
        categories: strings(map.get("Categories")),
        ..App::default()
    };
    if let Some(af) = map.get("AntiFeatures") {
        anti_features(af, &mut app.anti_features);
    }
    let builds: Vec<&Mapping> = match map.get("Builds") {
        Some(Value::Sequence(b)) => b.iter().filter_map(Value::as_mapping).collect(),
        _ => Vec::new(),
    };
    app.enabled_builds = builds.iter().filter(|b| b.get("disable").is_none()).count();
    // The build F-Droid ships now: the current version code, or the highest enabled one.
    let current = field(&map, "CurrentVersionCode");
    let latest = builds
        .iter()
        .filter(|b| b.get("disable").is_none())
        .find(|b| current.is_some() && field(b, "versionCode") == current)
        .or_else(|| {
            builds
                .iter()
                .filter(|b| b.get("disable").is_none())
                .max_by_key(|b| field(b, "versionCode").and_then(|v| v.parse::<u64>().ok()))
        });
    if let Some(af) = latest.and_then(|b| b.get("antifeatures")) {
        anti_features(af, &mut app.anti_features);
    }
    Ok(app)
}

/// Both forms of `AntiFeatures`: a list of names, or a map of names to reasons per locale.
fn anti_features(v: &Value, out: &mut BTreeMap<String, Option<String>>) {
    match v {
        Value::Sequence(items) => {
            for name in items.iter().filter_map(scalar) {
                out.entry(name).or_insert(None);
            }
        }
        Value::Mapping(map) => {
            for (k, reasons) in map {
                let Some(name) = scalar(k) else { continue };
                let reason = match reasons {
                    Value::Mapping(by_locale) => by_locale
                        .get("en-US")
                        .and_then(scalar)
                        .or_else(|| by_locale.values().find_map(scalar)),
                    other => scalar(other),
                };
                let slot = out.entry(name).or_insert(None);
                if slot.is_none() {
                    *slot = reason;
                }
            }
        }
        other => {
            if let Some(name) = scalar(other) {
                out.entry(name).or_insert(None);
            }
        }
    }
}

/// A repository index (`index-v2.json`): `packages.<id>.metadata` and `.versions`.
fn read_index(path: &Path, now: DateTime<Utc>) -> Result<Read, CheckError> {
    let text = read_file(path, MAX_INPUT_BYTES)?;
    let index: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| CheckError::Malformed {
            what: format!("{}:{}", shown(path), e.line()),
            reason: format!("not valid JSON: {e}"),
        })?;
    let Some(packages) = index.get("packages").and_then(|p| p.as_object()) else {
        return Err(CheckError::Malformed {
            what: format!("{}:1", shown(path)),
            reason: "no `packages` object: not an F-Droid index-v2".to_owned(),
        });
    };
    let address = index
        .pointer("/repo/address")
        .and_then(|a| a.as_str())
        .unwrap_or("https://f-droid.org/repo")
        .trim_end_matches('/')
        .to_owned();
    let on_fdroid =
        address == "https://f-droid.org/repo" || address == "https://f-droid.org/archive";
    let mut read = Read::default();
    for (id, package) in packages {
        match index_app(id, package, &address, on_fdroid) {
            Ok(app) => read.records.push(record(app, now)),
            Err(reason) => read.skipped.push(Skipped {
                name: format!("{id} ({})", shown(path)),
                reason,
            }),
        }
    }
    Ok(read)
}

fn index_app(
    id: &str,
    package: &serde_json::Value,
    address: &str,
    on_fdroid: bool,
) -> Result<App, String> {
    let text = |v: Option<&serde_json::Value>| v.and_then(|s| s.as_str()).map(str::to_owned);
    let metadata = package
        .get("metadata")
        .and_then(|m| m.as_object())
        .ok_or("no `metadata` object")?;
    let page = if on_fdroid {
        format!("https://f-droid.org/packages/{id}/")
    } else if address.starts_with("https://") {
        format!("{address}/index-v2.json")
    } else {
        return Err(format!("the repository address {address} is not https"));
    };
    let versions = match package.get("versions") {
        None => serde_json::Map::new(),
        Some(serde_json::Value::Object(v)) => v.clone(),
        Some(_) => return Err("`versions` is not an object".to_owned()),
    };
    // The version F-Droid offers now: the highest version code.
    let latest = versions.values().max_by_key(|v| {
        v.pointer("/manifest/versionCode")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    });
    let mut app = App {
        id: id.to_owned(),
        origin: "index-v2",
        license: text(metadata.get("license")),
        source_code: text(metadata.get("sourceCode")),
        website: text(metadata.get("webSite")),
        enabled_builds: versions.len(),
        current_version: latest.and_then(|v| text(v.pointer("/manifest/versionName"))),
        categories: metadata
            .get("categories")
            .and_then(|c| c.as_array())
            .map(|c| {
                c.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
        page,
        ..App::default()
    };
    if let Some(af) = latest
        .and_then(|v| v.get("antiFeatures"))
        .and_then(|a| a.as_object())
    {
        for (name, reasons) in af {
            let reason = reasons
                .get("en-US")
                .or_else(|| reasons.as_object().and_then(|o| o.values().next()))
                .and_then(|r| r.as_str())
                .map(str::to_owned);
            app.anti_features.insert(name.clone(), reason);
        }
    }
    Ok(app)
}

/// The sentence that opens every note: which F-Droid data said it, and when it was read.
fn said(app: &App, now: DateTime<Utc>) -> (String, String) {
    let d = day(now);
    match app.origin {
        "index-v2" => (
            format!(
                "L'index du dépôt F-Droid (index-v2, lu le {d}) pour {}",
                app.id
            ),
            format!(
                "F-Droid's repository index (index-v2, read {d}) for {}",
                app.id
            ),
        ),
        _ => (
            format!(
                "Les métadonnées F-Droid (fdroiddata, lues le {d}) de {}",
                app.id
            ),
            format!("F-Droid's metadata (fdroiddata, read {d}) for {}", app.id),
        ),
    }
}

/// The anti-features of `names` the app has, with their reasons, for a note.
fn flagged(app: &App, names: &[&str]) -> Option<(String, String)> {
    let found: Vec<(&str, Option<&String>)> = names
        .iter()
        .filter_map(|n| app.anti_features.get(*n).map(|r| (*n, r.as_ref())))
        .collect();
    if found.is_empty() {
        return None;
    }
    let list = |quote_open: &str, quote_close: &str| {
        found
            .iter()
            .map(|(n, r)| match r {
                Some(r) => format!("{n} ({quote_open}{}{quote_close})", cut(r, 200)),
                None => (*n).to_owned(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some((list("« ", " »"), list("\"", "\"")))
}

/// Anti-features that speak about one criterion: those that mean it is not met, those that
/// mean it is partly met, and how a note names them.
struct Family {
    criterion: &'static str,
    not_met: &'static [&'static str],
    partial: &'static [&'static str],
    label_fr: &'static str,
    label_en: &'static str,
}

fn signals(app: &App, now: DateTime<Utc>) -> Vec<Signal> {
    let (fr0, en0) = said(app, now);
    let page = app.page.as_str();
    let mut out = Vec::new();
    let shipped = app.shipped();
    let families = [
        Family {
            criterion: "no-trackers",
            not_met: &["Tracking", "Ads"],
            partial: &[],
            label_fr: "pistage ou publicité",
            label_en: "tracking or advertising",
        },
        Family {
            criterion: "network-independence",
            not_met: &["NonFreeNet", "TetheredNet"],
            partial: &[],
            label_fr: "dépendance à un service réseau non libre ou imposé",
            label_en: "dependence on a non-free or tethered network service",
        },
        Family {
            criterion: "free-dependencies",
            not_met: &["NonFreeDep", "NonFreeAdd", "NonFreeAssets"],
            partial: &["UpstreamNonFree"],
            label_fr: "dépendance, module ou ressource non libre",
            label_en: "non-free dependency, add-on or asset",
        },
    ];
    for Family {
        criterion,
        not_met: bad,
        partial,
        label_fr,
        label_en,
    } in families
    {
        if let Some((fr, en)) = flagged(app, bad) {
            out.push(Signal::new(
                criterion,
                Status::NotMet,
                Scope::Android,
                page,
                format!("{fr0} signalent l'anti-fonctionnalité {fr} ({label_fr})."),
                format!("{en0} flags the anti-feature {en} ({label_en})."),
            ));
        } else if let Some((fr, en)) = flagged(app, partial) {
            out.push(Signal::new(
                criterion,
                Status::Partial,
                Scope::Android,
                page,
                format!("{fr0} signalent {fr} : le code amont n'est pas entièrement libre ; F-Droid en a retiré les parties non libres pour sa version."),
                format!("{en0} flags {en}: the upstream code is not entirely free; F-Droid removed the non-free parts for its build."),
            ));
        } else if shipped {
            out.push(Signal::new(
                criterion,
                Status::Met,
                Scope::Android,
                page,
                format!("{fr0} ne signalent aucune anti-fonctionnalité de {label_fr} ({}) pour la version {} distribuée par F-Droid.", bad.join(", "), app.current_version.as_deref().unwrap_or("actuelle")),
                format!("{en0} flags no {label_en} anti-feature ({}) for version {} shipped by F-Droid.", bad.join(", "), app.current_version.as_deref().unwrap_or("current")),
            ));
        }
    }
    if let Some((fr, en)) = flagged(app, &["KnownVuln"]) {
        out.push(Signal::new(
            "maintained",
            Status::NotMet,
            Scope::Android,
            page,
            format!("{fr0} signalent l'anti-fonctionnalité {fr} : la version distribuée a une vulnérabilité connue."),
            format!("{en0} flags the anti-feature {en}: the shipped version has a known vulnerability."),
        ));
    }
    let no_source = app.no_source_since.clone().or_else(|| {
        app.anti_features
            .get("NoSourceSince")
            .map(|r| r.clone().unwrap_or_default())
    });
    if let Some(since) = no_source {
        let since = if since.is_empty() {
            "?".to_owned()
        } else {
            since
        };
        out.push(Signal::new(
            "source-available",
            Status::NotMet,
            Scope::Android,
            page,
            format!("{fr0} indiquent NoSourceSince {since} : le code source des versions publiées depuis n'est plus disponible."),
            format!("{en0} state NoSourceSince {since}: the source code of the versions released since is no longer available."),
        ));
    }
    if let Some((fr, en)) = flagged(app, &["DisabledAlgorithm"]) {
        out.push(Signal::new(
            "reproducible-builds",
            Status::NotMet,
            Scope::Android,
            page,
            format!(
                "{fr0} signalent {fr} : l'APK est signé avec un algorithme désactivé (obsolète)."
            ),
            format!("{en0} flags {en}: the APK is signed with a disabled (obsolete) algorithm."),
        ));
    } else if app.binaries && app.signing_keys > 0 && shipped {
        out.push(Signal::new(
            "reproducible-builds",
            Status::Met,
            Scope::Android,
            page,
            format!("{fr0} donnent Binaries et AllowedAPKSigningKeys : F-Droid reconstruit l'application depuis les sources et ne publie l'APK signé par les développeurs que s'il est identique à sa propre construction (construction reproductible vérifiée, Android)."),
            format!("{en0} give Binaries and AllowedAPKSigningKeys: F-Droid rebuilds the app from source and publishes the developers' signed APK only when it is identical to its own build (verified reproducible build, Android)."),
        ));
    }
    out
}

fn record(app: App, now: DateTime<Utc>) -> Record {
    let signals = signals(&app, now);
    let raw = serde_json::json!({
        "package": app.id,
        "origin": app.origin,
        "license": app.license,
        "source_code": app.source_code,
        "website": app.website,
        "anti_features": app.anti_features,
        "no_source_since": app.no_source_since,
        "archive_policy": app.archive_policy,
        "binaries": app.binaries,
        "allowed_apk_signing_keys": app.signing_keys,
        "current_version": app.current_version,
        "enabled_builds": app.enabled_builds,
        "shipped": app.shipped(),
        "categories": app.categories,
    });
    Record {
        name: format!("{} ({})", app.id, app.origin),
        repository: app.source_code.clone(),
        homepage: app.website.clone(),
        page: app.page.clone(),
        raw,
        signals,
        draft: Err("F-Droid's categories do not map to the catalogue's and its metadata has no French summary: a contributor adds the entry by hand".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> (std::path::PathBuf, String) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import/fdroid/metadata")
            .join(name);
        let text = std::fs::read_to_string(&path).expect("the fixture is there");
        (path, text)
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-07T12:00:00Z")
            .expect("a valid date")
            .with_timezone(&Utc)
    }

    #[test]
    fn the_list_form_of_anti_features_is_read() {
        let (path, text) = fixture("com.matteopacini.katana.yml");
        let app = metadata_app(&path, &text).expect("parses");
        assert_eq!(app.anti_features.keys().collect::<Vec<_>>(), ["Tracking"]);
        assert_eq!(app.anti_features["Tracking"], None);
        let tracking = signals(&app, now());
        assert!(
            tracking
                .iter()
                .any(|s| s.criterion == "no-trackers" && s.status == Status::NotMet)
        );
    }

    #[test]
    fn an_app_no_longer_shipped_gives_no_met_and_loses_source_available() {
        let (path, text) = fixture("org.schabi.sharewithnewpipe.yml");
        let app = metadata_app(&path, &text).expect("parses");
        assert!(!app.shipped());
        let found = signals(&app, now());
        assert!(found.iter().all(|s| s.status != Status::Met), "{found:?}");
        let source = found
            .iter()
            .find(|s| s.criterion == "source-available")
            .expect("NoSourceSince gives source-available");
        assert_eq!(source.status, Status::NotMet);
        assert!(
            source.note.en.contains("NoSourceSince 1.2"),
            "{}",
            source.note.en
        );
    }

    #[test]
    fn the_anti_features_of_the_current_build_count_and_those_of_older_builds_do_not() {
        let text = "License: MIT\nBuilds:\n  - versionName: '1'\n    versionCode: 1\n    antifeatures:\n      Ads:\n        en-US: old\n  - versionName: '2'\n    versionCode: 2\n    antifeatures:\n      - NonFreeDep\nCurrentVersionCode: 2\n";
        let app = metadata_app(Path::new("org.example.yml"), text).expect("parses");
        assert_eq!(app.anti_features.keys().collect::<Vec<_>>(), ["NonFreeDep"]);
        assert_eq!(app.id, "org.example");
    }
}
