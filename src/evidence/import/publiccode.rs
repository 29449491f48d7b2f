//! publiccode.yml (the standard of publiccodeyml/publiccode.yml, `docs/standard/schema.core.rst`):
//! one file, or a directory of them (`*.yml`, or `<project>/publiccode.yml`). Mapped to
//! criteria:
//!
//! | the file states | criterion | status |
//! |---|---|---|
//! | `maintenance.type: none` ("not actively maintained") | `maintained` | not met |
//! | `developmentStatus: obsolete` ("no longer maintained", code archived) | `maintained` | not met |
//! | `legal.license` an SPDX expression that cannot be satisfied with OSI/FSF-approved licences | `licence` | not met |
//!
//! Maintenance types `internal`, `contract` and `community` say who maintains, not that the
//! software is maintained now: no finding. A declared free licence is not the licence file the
//! `licence` criterion asks for and says nothing of parts under other terms (Grist's file
//! declares Apache-2.0; the catalogue records `partial` for its licence): no finding either,
//! the licence goes into the raw observation and into a proposed entry's `license`. A file with a French and an English description,
//! a catalogue kind (`softwareType`), platforms and a category the catalogue has proposes a new
//! entry when nothing matches it; contacts are kept as their number and affiliations only.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde_yaml_ng::{Mapping, Value};

use super::draft::Draft;
use super::record::{Record, Scope, Signal, day, field, scalar, strings};
use super::{MAX_RECORD_BYTES, Read, Skipped, parse_yaml, read_file, shown, yaml_files};
use crate::evidence::CheckError;
use crate::model::{Kind, Localized, Platform, Status};

/// publiccode.yml categories that name a category of the catalogue.
const CATEGORY_OF: [(&str, &str); 10] = [
    ("instant-messaging", "messaging"),
    ("video-conferencing", "video-conferencing"),
    ("web-conferencing", "video-conferencing"),
    ("survey", "forms-surveys"),
    ("email-management", "email"),
    ("office", "office-suite"),
    ("productivity-suite", "office-suite"),
    ("online-community", "forum"),
    ("graphic-design", "graphics"),
    ("web-collaboration", "collaborative-editing"),
];

/// The catalogue's description limit, per language.
const MAX_DESCRIPTION_CHARS: usize = 3000;

pub fn read(input: &Path, now: DateTime<Utc>) -> Result<Read, CheckError> {
    let meta = std::fs::metadata(input).map_err(|e| CheckError::Malformed {
        what: shown(input),
        reason: super::io_reason(&e),
    })?;
    if !meta.is_dir() {
        let text = read_file(input, MAX_RECORD_BYTES)?;
        return Ok(Read {
            records: vec![project(input, &text, now)?],
            skipped: Vec::new(),
        });
    }
    let mut files: Vec<PathBuf> = yaml_files(input)?;
    if let Ok(dirs) = std::fs::read_dir(input) {
        let mut nested: Vec<PathBuf> = dirs
            .filter_map(Result::ok)
            .map(|d| d.path().join("publiccode.yml"))
            .filter(|p| p.is_file())
            .collect();
        nested.sort();
        files.extend(nested);
    }
    if files.is_empty() {
        return Err(CheckError::Malformed {
            what: shown(input),
            reason: "no publiccode.yml file in this directory".to_owned(),
        });
    }
    let mut read = Read::default();
    for file in files {
        match read_file(&file, MAX_RECORD_BYTES).and_then(|t| project(&file, &t, now)) {
            Ok(r) => read.records.push(r),
            Err(e) => read.skipped.push(Skipped {
                name: shown(&file),
                reason: e.to_string(),
            }),
        }
    }
    Ok(read)
}

/// Where a repository publishes its publiccode.yml, for evidence.
fn file_page(url: &str) -> String {
    let base = url.trim_end_matches('/').trim_end_matches(".git");
    match RepoHost::of(base) {
        RepoHost::GitHub => format!("{base}/blob/HEAD/publiccode.yml"),
        RepoHost::GitLab => format!("{base}/-/blob/HEAD/publiccode.yml"),
        RepoHost::Other => base.to_owned(),
    }
}

enum RepoHost {
    GitHub,
    GitLab,
    Other,
}

impl RepoHost {
    fn of(url: &str) -> RepoHost {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_lowercase))
            .unwrap_or_default();
        if host == "github.com" {
            RepoHost::GitHub
        } else if host.starts_with("gitlab.") || host == "framagit.org" {
            RepoHost::GitLab
        } else {
            RepoHost::Other
        }
    }
}

/// The description block of the first language whose code starts with `lang` (`fr`, `fr-FR`).
fn description<'a>(map: &'a Mapping, lang: &str) -> Option<&'a Mapping> {
    map.get("description")?
        .as_mapping()?
        .iter()
        .find(|(k, _)| scalar(k).is_some_and(|k| k == lang || k.starts_with(&format!("{lang}-"))))
        .and_then(|(_, v)| v.as_mapping())
}

fn licence_is_free(expr: &str) -> Option<bool> {
    let parsed = spdx::Expression::parse(expr).ok()?;
    Some(parsed.evaluate(|req| {
        req.license
            .id()
            .is_some_and(|id| id.is_osi_approved() || id.is_fsf_free_libre())
    }))
}

fn project(path: &Path, text: &str, now: DateTime<Utc>) -> Result<Record, CheckError> {
    let value = parse_yaml(text, &shown(path))?;
    let located = |reason: &str| CheckError::Malformed {
        what: format!("{}:1", shown(path)),
        reason: reason.to_owned(),
    };
    let Value::Mapping(map) = value else {
        return Err(located(
            "a publiccode.yml is a mapping (publiccodeYmlVersion, name, url...)",
        ));
    };
    if map.get("publiccodeYmlVersion").is_none() {
        return Err(located("no `publiccodeYmlVersion`: not a publiccode.yml"));
    }
    let name = field(&map, "name").ok_or_else(|| located("no `name` (mandatory)"))?;
    let url = field(&map, "url").ok_or_else(|| located("no `url` (mandatory)"))?;
    let landing = field(&map, "landingURL");
    let license = map
        .get("legal")
        .and_then(Value::as_mapping)
        .and_then(|l| field(l, "license"));
    let maintenance = map.get("maintenance").and_then(Value::as_mapping);
    let maintenance_type = maintenance.and_then(|m| field(m, "type"));
    let contacts: Vec<&Mapping> = match maintenance.and_then(|m| m.get("contacts")) {
        Some(Value::Sequence(c)) => c.iter().filter_map(Value::as_mapping).collect(),
        _ => Vec::new(),
    };
    let status = field(&map, "developmentStatus");
    let software_type = field(&map, "softwareType");
    let platforms = strings(map.get("platforms"));
    let categories = strings(map.get("categories"));
    let page = file_page(&url);
    let evidence_ok = crate::data::url_problem(&page).is_none();

    let d = day(now);
    let (fr0, en0) = (
        format!("Le publiccode.yml de {name} (lu le {d})"),
        format!("The publiccode.yml of {name} (read {d})"),
    );
    let mut signals = Vec::new();
    if evidence_ok {
        if maintenance_type.as_deref() == Some("none") {
            signals.push(Signal::new(
                "maintained",
                Status::NotMet,
                Scope::Whole,
                &page,
                format!("{fr0} indique maintenance.type « none » : le logiciel n'est pas maintenu activement."),
                format!("{en0} states maintenance.type \"none\": the software is not actively maintained."),
            ));
        }
        if status.as_deref() == Some("obsolete") {
            signals.push(Signal::new(
                "maintained",
                Status::NotMet,
                Scope::Whole,
                &page,
                format!("{fr0} indique developmentStatus « obsolete » : le logiciel n'est plus maintenu."),
                format!("{en0} states developmentStatus \"obsolete\": the software is no longer maintained."),
            ));
        }
        // A declared free licence is not the licence file the criterion asks for, and says
        // nothing of the parts under other terms (open-core editions): no `met` from it.
        if let Some(l) = license
            .as_deref()
            .filter(|l| licence_is_free(l) == Some(false))
        {
            signals.push(Signal::new(
                "licence",
                Status::NotMet,
                Scope::Whole,
                &page,
                format!("{fr0} déclare la licence {l}, qui n'est ni approuvée OSI ni reconnue libre par la FSF."),
                format!("{en0} declares the licence {l}, which is neither OSI-approved nor FSF free."),
            ));
        }
    }

    let draft = draft(&map, &name, &url, landing.as_deref(), license.as_deref());
    let raw = serde_json::json!({
        "file": shown(path),
        "name": name,
        "url": url,
        "landingURL": landing,
        "softwareType": software_type,
        "developmentStatus": status,
        "platforms": platforms,
        "categories": categories,
        "license": license,
        "maintenance_type": maintenance_type,
        "maintenance_contacts": contacts.len(),
        "maintenance_affiliations": contacts.iter().filter_map(|c| field(c, "affiliation")).collect::<Vec<_>>(),
        "releaseDate": field(&map, "releaseDate"),
        "softwareVersion": field(&map, "softwareVersion"),
    });
    Ok(Record {
        name: format!("{name} ({})", shown(path)),
        repository: Some(url),
        homepage: landing,
        page,
        raw,
        signals,
        draft,
    })
}

/// A description cut at a paragraph break to fit the catalogue's limit (never rewritten).
fn fitted(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= MAX_DESCRIPTION_CHARS {
        return text.to_owned();
    }
    let budget: String = text.chars().take(MAX_DESCRIPTION_CHARS - 10).collect();
    let cut_at = budget.rfind("\n\n").unwrap_or(budget.len());
    format!("{}\n\n[…]", budget[..cut_at].trim_end())
}

fn draft(
    map: &Mapping,
    name: &str,
    url: &str,
    landing: Option<&str>,
    license: Option<&str>,
) -> Result<Draft, String> {
    let software_type = field(map, "softwareType").unwrap_or_default();
    let (kinds, self_hostable) = match software_type.as_str() {
        "standalone/web" => (vec![Kind::Web, Kind::Server], true),
        "standalone/backend" => (vec![Kind::Server], true),
        "standalone/desktop" => (vec![Kind::Desktop], false),
        "standalone/mobile" => (vec![Kind::Mobile], false),
        other => {
            return Err(format!(
                "softwareType `{other}` is no kind of the catalogue"
            ));
        }
    };
    let mut platforms: Vec<Platform> = Vec::new();
    for p in strings(map.get("platforms")) {
        let platform = match p.as_str() {
            "web" => Platform::Web,
            "windows" => Platform::Windows,
            "mac" => Platform::Macos,
            "linux" => Platform::Linux,
            "ios" => Platform::Ios,
            "android" => Platform::Android,
            _ => continue,
        };
        if !platforms.contains(&platform) {
            platforms.push(platform);
        }
    }
    if platforms.is_empty() {
        return Err("no platform of the catalogue in `platforms`".to_owned());
    }
    let mut categories: Vec<String> = Vec::new();
    for c in strings(map.get("categories")) {
        if let Some((_, ours)) = CATEGORY_OF.iter().find(|(theirs, _)| *theirs == c)
            && !categories.iter().any(|x| x == ours)
        {
            categories.push((*ours).to_owned());
        }
    }
    categories.truncate(5);
    if categories.is_empty() {
        return Err("its categories name no category of the catalogue".to_owned());
    }
    let license = license.ok_or("no `legal.license`")?.to_owned();
    let fr = description(map, "fr").ok_or("no French description (`description.fr`)")?;
    let en = description(map, "en").ok_or("no English description (`description.en`)")?;
    let short = |m: &Mapping, lang: &str| {
        field(m, "shortDescription").ok_or(format!("no `description.{lang}.shortDescription`"))
    };
    let long = |m: &Mapping, lang: &str| {
        field(m, "longDescription").ok_or(format!("no `description.{lang}.longDescription`"))
    };
    Ok(Draft {
        name: name.to_owned(),
        kinds,
        platforms,
        categories,
        license,
        homepage: landing.unwrap_or(url).to_owned(),
        repository: url.to_owned(),
        self_hostable,
        summary: Localized {
            fr: short(fr, "fr")?
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            en: short(en, "en")?
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        },
        description: Localized {
            fr: fitted(&long(fr, "fr")?),
            en: fitted(&long(en, "en")?),
        },
    })
}
