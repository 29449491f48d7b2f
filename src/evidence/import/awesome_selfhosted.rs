//! awesome-selfhosted-data (`software/<name>.yml`, a directory of them, the data repository's
//! root, or one file): licences, platforms, third-party dependencies, source and activity,
//! mapped to criteria:
//!
//! | the record states | criterion | status |
//! |---|---|---|
//! | `archived: true` | `maintained` | not met |
//! | not archived, latest commit (`updated_at`, gathered from GitHub by the list's tooling) or release within 12 months | `maintained` | met (the date is in the note) |
//! | `depends_3rdparty: true` (depends on a service outside the user's control, marked ⚠ in the list) | `network-independence` | not met |
//! | every licence listed in the list's `licenses-nonfree.yml` | `licence` | not met |
//! | some licences listed there | `licence` | partial |
//!
//! Nothing else is inferred: a free licence in the list is not the licence file the `licence`
//! criterion asks for, and `platforms` are languages and packagings (PHP, Docker...), not the
//! catalogue's platforms. The list's descriptions are English only, so it never proposes a new
//! entry (the catalogue requires a French summary and description, which are not made up).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde_yaml_ng::Value;

use super::record::{Record, Scope, Signal, day, field, strings};
use super::{MAX_RECORD_BYTES, Read, Skipped, file_name, parse_yaml, read_file, shown, yaml_files};
use crate::evidence::CheckError;
use crate::model::Status;

/// Where the list's data files are published.
const DATA_URL: &str = "https://github.com/awesome-selfhosted/awesome-selfhosted-data/blob/master";

/// awesome-selfhosted tags that name a category of the catalogue.
const CATEGORY_OF_TAG: [(&str, &str); 17] = [
    ("Analytics", "web-analytics"),
    ("Calendar & Contacts", "calendar-contacts"),
    ("Communication - Custom Communication Systems", "team-chat"),
    ("Communication - Email - Complete Solutions", "email"),
    ("Communication - Email - Webmail Clients", "email"),
    (
        "Communication - Social Networks and Forums",
        "social-network",
    ),
    ("Communication - Video Conferencing", "video-conferencing"),
    ("Communication - XMPP - Servers", "messaging"),
    ("File Transfer & Synchronization", "file-sync"),
    (
        "Maps and Global Positioning System (GPS)",
        "maps-navigation",
    ),
    ("Media Streaming - Video Streaming", "video-platform"),
    ("Note-taking & Editors", "notes"),
    ("Office Suites", "office-suite"),
    ("Password Managers", "password-manager"),
    ("Photo Galleries", "photos"),
    ("Polls and Events", "scheduling-polls"),
    ("Search Engines", "search-engine"),
];

pub fn read(input: &Path, now: DateTime<Utc>) -> Result<Read, CheckError> {
    let meta = std::fs::metadata(input).map_err(|e| CheckError::Malformed {
        what: shown(input),
        reason: super::io_reason(&e),
    })?;
    if !meta.is_dir() {
        let text = read_file(input, MAX_RECORD_BYTES)?;
        let nonfree = input
            .parent()
            .and_then(Path::parent)
            .map(nonfree_licences)
            .transpose()?
            .flatten();
        let record = software(input, &text, nonfree.as_ref(), now)?;
        return Ok(Read {
            records: vec![record],
            skipped: Vec::new(),
        });
    }
    let (root, dir): (Option<PathBuf>, PathBuf) = if input.join("software").is_dir() {
        (Some(input.to_path_buf()), input.join("software"))
    } else {
        (input.parent().map(Path::to_path_buf), input.to_path_buf())
    };
    let nonfree = root.as_deref().map(nonfree_licences).transpose()?.flatten();
    let files = yaml_files(&dir)?;
    if files.is_empty() {
        return Err(CheckError::Malformed {
            what: shown(&dir),
            reason: "no awesome-selfhosted software file (`<name>.yml`) in this directory"
                .to_owned(),
        });
    }
    let mut read = Read::default();
    for file in files {
        let parsed = read_file(&file, MAX_RECORD_BYTES)
            .and_then(|t| software(&file, &t, nonfree.as_ref(), now));
        match parsed {
            Ok(r) => read.records.push(r),
            Err(e) => read.skipped.push(Skipped {
                name: file_name(&file),
                reason: e.to_string(),
            }),
        }
    }
    Ok(read)
}

/// The identifiers of `licenses-nonfree.yml` at the data repository's root, when it is there.
fn nonfree_licences(root: &Path) -> Result<Option<BTreeSet<String>>, CheckError> {
    let path = root.join("licenses-nonfree.yml");
    if !path.is_file() {
        return Ok(None);
    }
    let text = read_file(&path, MAX_RECORD_BYTES)?;
    let value = parse_yaml(&text, &shown(&path))?;
    let Value::Sequence(items) = value else {
        return Err(CheckError::Malformed {
            what: format!("{}:1", shown(&path)),
            reason: "a list of licences (`- identifier: ...`) was expected".to_owned(),
        });
    };
    Ok(Some(
        items
            .iter()
            .filter_map(|i| i.as_mapping().and_then(|m| field(m, "identifier")))
            .collect(),
    ))
}

fn software(
    path: &Path,
    text: &str,
    nonfree: Option<&BTreeSet<String>>,
    now: DateTime<Utc>,
) -> Result<Record, CheckError> {
    let file = file_name(path);
    let value = parse_yaml(text, &shown(path))?;
    let located = |reason: &str| CheckError::Malformed {
        what: format!("{}:1", shown(path)),
        reason: reason.to_owned(),
    };
    let Value::Mapping(map) = value else {
        return Err(located(
            "a software file is a mapping (name, website_url, licenses...)",
        ));
    };
    let name = field(&map, "name").ok_or_else(|| located("no `name`"))?;
    let licences = strings(map.get("licenses"));
    let tags = strings(map.get("tags"));
    let source = field(&map, "source_code_url");
    let website = field(&map, "website_url");
    let archived = map
        .get("archived")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let depends = map
        .get("depends_3rdparty")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let updated = field(&map, "updated_at");
    let released = map
        .get("current_release")
        .and_then(Value::as_mapping)
        .and_then(|r| field(r, "published_at"));
    let data_page = format!("{DATA_URL}/software/{file}");
    let source_page = source
        .clone()
        .filter(|s| crate::data::url_problem(s).is_none())
        .unwrap_or_else(|| data_page.clone());

    let d = day(now);
    let (fr0, en0) = (
        format!("Selon awesome-selfhosted-data (lu le {d}), {name}"),
        format!("According to awesome-selfhosted-data (read {d}), {name}"),
    );
    let mut signals = Vec::new();
    if archived {
        signals.push(Signal::new(
            "maintained",
            Status::NotMet,
            Scope::Whole,
            &source_page,
            format!("{fr0} a un dépôt archivé."),
            format!("{en0} has an archived repository."),
        ));
    } else {
        let last = [updated.as_deref(), released.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(|s| NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok())
            .max();
        if let Some(last) = last
            && last <= now.date_naive()
            && (now.date_naive() - last).num_days() <= 365
        {
            signals.push(Signal::new(
                "maintained",
                Status::Met,
                Scope::Whole,
                &source_page,
                format!("{fr0} a un dépôt non archivé dont le dernier commit ou la dernière version date du {last} (moins de douze mois)."),
                format!("{en0} has a repository that is not archived, whose latest commit or release is dated {last} (within twelve months)."),
            ));
        }
    }
    if depends {
        signals.push(Signal::new(
            "network-independence",
            Status::NotMet,
            Scope::Whole,
            &data_page,
            format!("{fr0} dépend d'un service tiers hors du contrôle de l'utilisateur (depends_3rdparty, marqué ⚠ dans la liste)."),
            format!("{en0} depends on a third-party service outside the user's control (depends_3rdparty, marked ⚠ in the list)."),
        ));
    }
    if let Some(nonfree) = nonfree {
        let bad: Vec<&String> = licences.iter().filter(|l| nonfree.contains(*l)).collect();
        if !bad.is_empty() {
            let all = bad.len() == licences.len();
            let list = bad
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            signals.push(Signal::new(
                "licence",
                if all { Status::NotMet } else { Status::Partial },
                Scope::Whole,
                &data_page,
                format!(
                    "{fr0} est sous licence(s) non libre(s) : {list} (liste licenses-nonfree.yml)."
                ),
                format!("{en0} is under non-free licence(s): {list} (list licenses-nonfree.yml)."),
            ));
        }
    }

    let categories: Vec<&str> = tags
        .iter()
        .filter_map(|t| {
            CATEGORY_OF_TAG
                .iter()
                .find(|(tag, _)| tag == t)
                .map(|(_, c)| *c)
        })
        .collect();
    let draft = if categories.is_empty() {
        Err(format!(
            "its tags ({}) name no category of the catalogue",
            tags.join(", ")
        ))
    } else {
        Err(format!(
            "in category {} of the catalogue, but awesome-selfhosted-data has an English description only and the catalogue requires a French summary and description (not made up by the importer)",
            categories.join(", ")
        ))
    };
    let raw = serde_json::json!({
        "file": format!("software/{file}"),
        "name": name,
        "website_url": website,
        "source_code_url": source,
        "licenses": licences,
        "platforms": strings(map.get("platforms")),
        "tags": tags,
        "depends_3rdparty": depends,
        "archived": archived,
        "updated_at": updated,
        "current_release_published_at": released,
    });
    Ok(Record {
        name: format!("{name} (software/{file})"),
        repository: source,
        homepage: website,
        page: data_page,
        raw,
        signals,
        draft,
    })
}
