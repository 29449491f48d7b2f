//! Which entry of the catalogue an imported record speaks about, and the report of an import.
//!
//! The rule, strongest first:
//! 1. **repository**: the record's repository and the entry's, normalised (scheme, case,
//!    `www.`, trailing `.git` and slashes, forge paths such as `/tree/...` or `/-/...`), are the
//!    same. When several entries share that repository, the homepage decides or nothing matches.
//! 2. **under the organisation**: the entry's repository is an organisation or a host
//!    (`https://github.com/signalapp`) and the record's repository is under it; it matches only
//!    when exactly one record of the import is under it (or exactly one of them has the entry's
//!    homepage), and `matched_by` says so.
//! 3. **homepage** (weaker): the record's homepage is the entry's (host and path, normalised as
//!    above: `https://www.mozilla.org/firefox/focus/` is not `https://www.mozilla.org/firefox/`,
//!    `https://mullvad.net` is not `https://mullvad.net/en/browser`), for an entry no repository
//!    matched, and only one record of the import has it; not when the record's repository is
//!    another one on the entry's repository host (Tor's VPN and Tor Browser share a homepage).
//!
//! A bare host (`https://git.zx2c4.com`) is not an organisation: a host serves many projects.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::record::{Record, observation};
use super::{ImportReport, Matched, NewEntry, Read, Skipped, draft};
use crate::catalogue::Snapshot;
use crate::evidence::EvidenceSource;
use crate::model::Entry;

/// Forges whose repositories are always `owner/name`: anything after is a page of it.
const TWO_LEVEL_FORGES: [&str; 4] = ["github.com", "codeberg.org", "bitbucket.org", "gitea.com"];

/// A repository URL normalised to `host/segment/...` (lower case, no `www.`, no `.git`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RepoKey {
    host: String,
    segments: Vec<String>,
}

impl RepoKey {
    pub fn parse(url: &str) -> Option<RepoKey> {
        let url = url.trim();
        let parsed = url::Url::parse(url)
            .ok()
            .filter(|u| u.host_str().is_some())
            .or_else(|| url::Url::parse(&format!("https://{url}")).ok())?;
        let host = parsed.host_str()?.to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
        let mut segments: Vec<String> = Vec::new();
        for seg in parsed.path().split('/').filter(|s| !s.is_empty()) {
            if seg == "-" {
                break;
            }
            segments.push(seg.to_lowercase());
        }
        if TWO_LEVEL_FORGES.contains(&host.as_str()) {
            segments.truncate(2);
        }
        if let Some(last) = segments.last_mut()
            && let Some(stripped) = last.strip_suffix(".git")
        {
            *last = stripped.to_owned();
        }
        segments.retain(|s| !s.is_empty());
        Some(RepoKey { host, segments })
    }

    /// Whether `self` is an organisation (or host) that `other` is under.
    fn contains(&self, other: &RepoKey) -> bool {
        self.host == other.host
            && self.segments.len() < other.segments.len()
            && other.segments.starts_with(&self.segments)
    }

    /// An organisation (`host/owner`) rather than one repository.
    fn is_org(&self) -> bool {
        self.segments.len() == 1
    }
}

impl std::fmt::Display for RepoKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.host)?;
        for s in &self.segments {
            write!(f, "/{s}")?;
        }
        Ok(())
    }
}

/// What a homepage is compared by: host and path, normalised (no scheme, `www.`, case,
/// trailing slash, query or fragment).
pub fn homepage_key(url: &str) -> Option<String> {
    RepoKey::parse(url).map(|k| k.to_string())
}

struct EntryKeys<'a> {
    entry: &'a Entry,
    repo: Option<RepoKey>,
    home: Option<String>,
}

/// How one record was placed.
enum Placement {
    Matched { slug: String, by: String },
    Unmatched(Option<String>),
}

/// Pairs every record with an entry, proposes new entries, and writes the report.
pub fn report(
    source: EvidenceSource,
    read: Read,
    snapshot: &Snapshot,
    now: DateTime<Utc>,
) -> ImportReport {
    let catalogue = &snapshot.catalogue;
    let entries: Vec<EntryKeys<'_>> = catalogue
        .entries
        .values()
        .map(|e| EntryKeys {
            entry: e,
            repo: RepoKey::parse(&e.repository),
            home: homepage_key(&e.homepage),
        })
        .collect();
    let placements = place(&read.records, &entries);

    let mut report = ImportReport {
        source,
        matched: Vec::new(),
        new_entries: Vec::new(),
        skipped: read.skipped,
    };
    let mut proposed: BTreeSet<String> = BTreeSet::new();
    for (record, placement) in read.records.iter().zip(placements) {
        match placement {
            Placement::Matched { slug, by } => {
                let Some(entry) = catalogue.entries.get(&slug) else {
                    continue;
                };
                let observation = observation(
                    record,
                    &slug,
                    source,
                    &entry.kinds,
                    &entry.platforms,
                    catalogue,
                    now,
                );
                report.matched.push(Matched {
                    slug,
                    matched_by: by,
                    observation,
                });
            }
            Placement::Unmatched(why) => {
                let prefix = why.map_or_else(
                    || "not in the catalogue".to_owned(),
                    |w| format!("not matched ({w})"),
                );
                match draft::propose(record, snapshot, &proposed, now) {
                    Ok((slug, entry_toml, kinds, platforms)) => {
                        proposed.insert(slug.clone());
                        let observation =
                            observation(record, &slug, source, &kinds, &platforms, catalogue, now);
                        report.new_entries.push(NewEntry {
                            slug,
                            entry_toml,
                            observation,
                        });
                    }
                    Err(reason) => report.skipped.push(Skipped {
                        name: record.name.clone(),
                        reason: format!("{prefix}; no new entry proposed: {reason}"),
                    }),
                }
            }
        }
    }
    report
}

fn place(records: &[Record], entries: &[EntryKeys<'_>]) -> Vec<Placement> {
    let keys: Vec<(Option<RepoKey>, Option<String>)> = records
        .iter()
        .map(|r| {
            (
                r.repository.as_deref().and_then(RepoKey::parse),
                r.homepage.as_deref().and_then(homepage_key),
            )
        })
        .collect();

    // Records under each organisation entry (by index), for the "only one" rule.
    let mut under: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut exact: Vec<Vec<usize>> = Vec::with_capacity(records.len());
    for (i, (repo, _)) in keys.iter().enumerate() {
        let same: Vec<usize> = match repo {
            Some(k) => entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.repo.as_ref() == Some(k))
                .map(|(j, _)| j)
                .collect(),
            None => Vec::new(),
        };
        if same.is_empty()
            && let Some(k) = repo
            && let Some(j) = org_of(k, entries)
        {
            under.entry(j).or_default().push(i);
        }
        exact.push(same);
    }

    let mut placements: Vec<Option<Placement>> = (0..records.len()).map(|_| None).collect();
    let mut matched_by_repo: BTreeSet<usize> = BTreeSet::new();
    for (i, same) in exact.iter().enumerate() {
        let (repo, home) = &keys[i];
        let Some(repo) = repo else { continue };
        match same.as_slice() {
            [] => {}
            [j] => {
                matched_by_repo.insert(*j);
                placements[i] = Some(Placement::Matched {
                    slug: entries[*j].entry.slug.clone(),
                    by: format!("repository {repo}"),
                });
            }
            several => {
                let by_home: Vec<usize> = several
                    .iter()
                    .copied()
                    .filter(|&j| home.is_some() && entries[j].home == *home)
                    .collect();
                let slugs = names(several.iter().map(|&j| entries[j].entry));
                placements[i] = Some(match by_home.as_slice() {
                    [j] => {
                        matched_by_repo.insert(*j);
                        Placement::Matched {
                            slug: entries[*j].entry.slug.clone(),
                            by: format!(
                                "repository {repo} (shared by entries {slugs}) and homepage {}",
                                home.as_deref().unwrap_or_default()
                            ),
                        }
                    }
                    _ => Placement::Unmatched(Some(format!(
                        "repository {repo} is shared by entries {slugs} and the homepage does not tell them apart"
                    ))),
                });
            }
        }
    }
    prefer_homepage(&mut placements, &keys, entries);
    for (&j, members) in &under {
        let org = entries[j]
            .repo
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let slug = &entries[j].entry.slug;
        let chosen: Option<(usize, String)> = match members.as_slice() {
            [i] => Some((
                *i,
                format!(
                    "repository {} under organisation {org} (the only record of this import under it)",
                    keys[*i]
                        .0
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default()
                ),
            )),
            several => {
                let home = entries[j].home.as_ref();
                let with_home: Vec<usize> = several
                    .iter()
                    .copied()
                    .filter(|&i| home.is_some() && keys[i].1.as_ref() == home)
                    .collect();
                match with_home.as_slice() {
                    [i] => Some((
                        *i,
                        format!(
                            "repository {} under organisation {org} ({} records under it; the only one with homepage {})",
                            keys[*i]
                                .0
                                .as_ref()
                                .map(ToString::to_string)
                                .unwrap_or_default(),
                            several.len(),
                            home.map(String::as_str).unwrap_or_default()
                        ),
                    )),
                    _ => None,
                }
            }
        };
        for &i in members {
            placements[i] = Some(match &chosen {
                Some((c, by)) if *c == i => {
                    matched_by_repo.insert(j);
                    Placement::Matched {
                        slug: slug.clone(),
                        by: by.clone(),
                    }
                }
                Some(_) => Placement::Unmatched(Some(format!(
                    "repository under organisation {org} of entry `{slug}`, which another record of this import matched"
                ))),
                None => Placement::Unmatched(Some(format!(
                    "repository under organisation {org} of entry `{slug}`, with {} records of this import under it: ambiguous",
                    members.len()
                ))),
            });
        }
    }

    // Homepages, for the records still unplaced.
    let mut by_home: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (_, home)) in keys.iter().enumerate() {
        if placements[i].is_none()
            && let Some(h) = home
        {
            by_home.entry(h.as_str()).or_default().push(i);
        }
    }
    for (home, members) in by_home {
        let candidates: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.home.as_deref() == Some(home))
            .map(|(j, _)| j)
            .collect();
        let outcome = match (candidates.as_slice(), members.as_slice()) {
            ([], _) => None,
            ([j], [i])
                if !matched_by_repo.contains(j) && sibling(keys[*i].0.as_ref(), &entries[*j]) =>
            {
                Some(Err(format!(
                    "homepage {home} is the homepage of entry `{}`, but the record's repository is another one on the same host",
                    entries[*j].entry.slug
                )))
            }
            ([j], [i]) if !matched_by_repo.contains(j) => {
                let repo = keys[*i]
                    .0
                    .as_ref()
                    .map_or("no repository".to_owned(), |k| format!("repository {k}"));
                Some(Ok((
                    *j,
                    format!("homepage {home} (weaker match: the record gives {repo})"),
                )))
            }
            ([j], _) if matched_by_repo.contains(j) => Some(Err(format!(
                "homepage {home} is the homepage of entry `{}`, which a repository already matched",
                entries[*j].entry.slug
            ))),
            ([j], several) => Some(Err(format!(
                "homepage {home} of entry `{}` is given by {} records of this import: ambiguous",
                entries[*j].entry.slug,
                several.len()
            ))),
            (several, _) => Some(Err(format!(
                "homepage {home} is shared by entries {}",
                names(several.iter().map(|&j| entries[j].entry))
            ))),
        };
        for &i in &members {
            placements[i] = match &outcome {
                None => None,
                Some(Ok((j, by))) => Some(Placement::Matched {
                    slug: entries[*j].entry.slug.clone(),
                    by: by.clone(),
                }),
                Some(Err(why)) => Some(Placement::Unmatched(Some(why.clone()))),
            };
        }
    }
    placements
        .into_iter()
        .map(|p| p.unwrap_or(Placement::Unmatched(None)))
        .collect()
}

/// Several records built from an entry's repository (an app and its variant, such as
/// Conversations and Quicksy): when exactly one of them has the entry's homepage, it alone
/// speaks for the entry; otherwise they all do.
fn prefer_homepage(
    placements: &mut [Option<Placement>],
    keys: &[(Option<RepoKey>, Option<String>)],
    entries: &[EntryKeys<'_>],
) {
    let mut by_slug: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in placements.iter().enumerate() {
        if let Some(Placement::Matched { slug, .. }) = p {
            by_slug.entry(slug.clone()).or_default().push(i);
        }
    }
    for (slug, records) in by_slug.into_iter().filter(|(_, r)| r.len() > 1) {
        let Some(home) = entries
            .iter()
            .find(|e| e.entry.slug == slug)
            .and_then(|e| e.home.as_ref())
        else {
            continue;
        };
        let with_home: Vec<usize> = records
            .iter()
            .copied()
            .filter(|&i| keys[i].1.as_ref() == Some(home))
            .collect();
        if let [chosen] = with_home.as_slice() {
            for &i in records.iter().filter(|&&i| i != *chosen) {
                placements[i] = Some(Placement::Unmatched(Some(format!(
                    "built from the repository of entry `{slug}`, but another record of it has the entry's homepage {home}"
                ))));
            }
        }
    }
}

/// Whether a record's repository is on the entry's repository host without being it or under
/// it: another project of the same forge or group (Tor's VPN beside Tor Browser), which a shared
/// homepage does not make the same software.
fn sibling(record: Option<&RepoKey>, entry: &EntryKeys<'_>) -> bool {
    match (record, entry.repo.as_ref()) {
        (Some(r), Some(e)) => r.host == e.host && r != e && !e.contains(r),
        _ => false,
    }
}

/// The organisation entry a repository is under (the most specific one).
fn org_of(key: &RepoKey, entries: &[EntryKeys<'_>]) -> Option<usize> {
    entries
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.repo
                .as_ref()
                .is_some_and(|r| r.is_org() && r.contains(key))
        })
        .max_by_key(|(_, e)| e.repo.as_ref().map_or(0, |r| r.segments.len()))
        .map(|(j, _)| j)
}

fn names<'a>(entries: impl Iterator<Item = &'a Entry>) -> String {
    entries
        .map(|e| format!("`{}`", e.slug))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(url: &str) -> RepoKey {
        RepoKey::parse(url).expect("a repository URL")
    }

    #[test]
    fn repository_urls_are_compared_without_scheme_case_git_suffix_or_forge_pages() {
        let a = key("https://github.com/TeamNewPipe/NewPipe");
        for same in [
            "http://www.github.com/teamnewpipe/newpipe.git",
            "https://github.com/TeamNewPipe/NewPipe/",
            "https://github.com/TeamNewPipe/NewPipe/tree/dev",
            "github.com/TeamNewPipe/NewPipe",
        ] {
            assert_eq!(RepoKey::parse(same).as_ref(), Some(&a), "{same}");
        }
        let gitlab = key("https://gitlab.com/group/sub/project/-/tree/main");
        assert_eq!(gitlab.to_string(), "gitlab.com/group/sub/project");
    }

    #[test]
    fn an_organisation_contains_its_repositories_only() {
        let org = key("https://github.com/signalapp");
        assert!(org.is_org());
        assert!(org.contains(&key("https://github.com/signalapp/Signal-Android")));
        assert!(!org.contains(&key("https://github.com/signalapp-fork/x")));
        assert!(!org.contains(&org));
        assert!(!key("https://git.zx2c4.com").is_org());
    }

    #[test]
    fn homepages_are_compared_by_host_and_path() {
        assert_eq!(
            homepage_key("https://www.Signal.org/").as_deref(),
            Some("signal.org")
        );
        assert_ne!(
            homepage_key("https://www.mozilla.org/firefox/focus/"),
            homepage_key("https://www.mozilla.org/firefox/")
        );
        assert_eq!(
            homepage_key("https://github.com/gorhill/uBlock#readme").as_deref(),
            Some("github.com/gorhill/ublock")
        );
    }
}
