//! The importers of automated evidence (`evidence::import`) on real extracts: fdroiddata
//! metadata files and an index-v2 built from them, awesome-selfhosted-data files and a real
//! publiccode.yml (attribution in `tests/fixtures/import/README.md`), read against the seed
//! catalogue: what they match and how, the findings they map, what they skip and why, and the
//! located errors of bad input.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use floss_registry::catalogue::Snapshot;
use floss_registry::evidence::import::{ImportReport, Matched, import, import_at};
use floss_registry::evidence::{CheckError, EvidenceSource, Finding};
use floss_registry::model::Status;

fn seed() -> Snapshot {
    Snapshot::load(&common::seed_dir()).expect("the seed catalogue loads")
}

fn fixtures(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(rel)
}

/// The day the expectations are written for (the 12 months of `maintained` count from it).
fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-07T12:00:00Z")
        .expect("a valid date")
        .with_timezone(&Utc)
}

fn run(source: EvidenceSource, rel: &str, snapshot: &Snapshot) -> ImportReport {
    import_at(source, &fixtures(rel), snapshot, now()).expect("the fixture imports")
}

fn matched<'a>(report: &'a ImportReport, slug: &str) -> &'a Matched {
    let found: Vec<&Matched> = report.matched.iter().filter(|m| m.slug == slug).collect();
    assert_eq!(
        found.len(),
        1,
        "{slug} matched once: {:#?}",
        report
            .matched
            .iter()
            .map(|m| (&m.slug, &m.matched_by))
            .collect::<Vec<_>>()
    );
    found[0]
}

fn finding<'a>(m: &'a Matched, criterion: &str) -> Option<&'a Finding> {
    m.observation
        .findings
        .iter()
        .find(|f| f.criterion == criterion)
}

fn status(m: &Matched, criterion: &str) -> Option<Status> {
    finding(m, criterion).map(|f| f.status)
}

fn malformed(result: Result<ImportReport, CheckError>) -> (String, String) {
    match result {
        Err(CheckError::Malformed { what, reason }) => (what, reason),
        other => panic!("expected a located Malformed error, got {other:?}"),
    }
}

// ---- F-Droid: fdroiddata metadata ----

#[test]
fn an_android_only_app_without_anti_features_supports_met_with_its_fdroid_page() {
    let snapshot = seed();
    let report = run(EvidenceSource::Fdroid, "fdroid/metadata", &snapshot);
    let aegis = matched(&report, "aegis");
    assert_eq!(
        aegis.matched_by,
        "repository github.com/beemdevelopment/aegis"
    );
    assert_eq!(
        aegis.observation.url,
        "https://f-droid.org/packages/com.beemdevelopment.aegis/"
    );
    for criterion in ["no-trackers", "network-independence", "free-dependencies"] {
        let f = finding(aegis, criterion).unwrap_or_else(|| panic!("{criterion} found"));
        assert_eq!(f.status, Status::Met, "{criterion}");
        assert_eq!(
            f.evidence,
            "https://f-droid.org/packages/com.beemdevelopment.aegis/"
        );
        assert!(
            f.note.en.contains("com.beemdevelopment.aegis") && f.note.en.contains("3.4.2"),
            "{}",
            f.note.en
        );
        assert!(f.note.fr.contains("ne signalent aucune"), "{}", f.note.fr);
    }
    // No Binaries: nothing said about reproducible builds; nothing about what F-Droid does
    // not describe.
    assert_eq!(status(aegis, "reproducible-builds"), None);
    assert_eq!(status(aegis, "maintained"), None);
    assert_eq!(
        aegis.observation.raw["anti_features"],
        serde_json::json!({})
    );
}

#[test]
fn tracking_in_the_map_form_is_no_trackers_not_met_with_fdroids_reason() {
    let snapshot = seed();
    let report = run(EvidenceSource::Fdroid, "fdroid/metadata", &snapshot);
    let aurora = matched(&report, "aurora-store");
    let f = finding(aurora, "no-trackers").expect("no-trackers found");
    assert_eq!(f.status, Status::NotMet);
    assert!(
        f.note.en.contains("Tracking") && f.note.en.contains("Google Play Store"),
        "{}",
        f.note.en
    );
    assert!(f.note.fr.contains("Tracking"), "{}", f.note.fr);
    assert_eq!(status(aurora, "network-independence"), Some(Status::NotMet));
    // The seed records `partial` for Aurora Store: this finding contradicts it.
    assert_eq!(
        snapshot.catalogue.entries["aurora-store"].assessment["no-trackers"].status,
        Status::Partial
    );
}

#[test]
fn nonfreenet_and_tetherednet_are_network_independence_not_met() {
    let snapshot = seed();
    let report = run(EvidenceSource::Fdroid, "fdroid/metadata", &snapshot);
    let sc = matched(&report, "streetcomplete");
    let f = finding(sc, "network-independence").expect("found");
    assert_eq!(f.status, Status::NotMet);
    assert!(
        f.note.en.contains("NonFreeNet")
            && f.note.en.contains("TetheredNet")
            && f.note.en.contains("Jawg"),
        "{}",
        f.note.en
    );
    assert_eq!(status(sc, "no-trackers"), Some(Status::Met));
}

#[test]
fn android_evidence_is_partial_for_an_entry_with_other_platforms_and_says_so() {
    let snapshot = seed();
    let report = run(EvidenceSource::Fdroid, "fdroid/metadata", &snapshot);
    let briar = matched(&report, "briar");
    let f = finding(briar, "reproducible-builds").expect("Binaries with AllowedAPKSigningKeys");
    assert_eq!(f.status, Status::Partial);
    assert!(
        f.note.en.contains("Binaries")
            && f.note.en.contains("Android build only")
            && f.note.en.contains("linux, windows"),
        "{}",
        f.note.en
    );
    assert!(f.note.fr.contains("Android"), "{}", f.note.fr);
    assert_eq!(status(briar, "no-trackers"), Some(Status::Partial));
    let android_only = &briar.observation.raw["android_only"];
    assert!(
        android_only
            .as_array()
            .is_some_and(|a| a.iter().any(|c| c == "reproducible-builds")),
        "{android_only}"
    );
}

#[test]
fn an_organisation_entry_matches_the_only_record_under_it_with_its_homepage() {
    let snapshot = seed();
    let report = run(EvidenceSource::Fdroid, "fdroid/metadata", &snapshot);
    let newpipe = matched(&report, "newpipe");
    assert_eq!(
        newpipe.matched_by,
        "repository github.com/teamnewpipe/newpipe under organisation github.com/teamnewpipe (2 records under it; the only one with homepage newpipe.net)"
    );
    assert_eq!(
        status(newpipe, "network-independence"),
        Some(Status::NotMet)
    );
    let share = report
        .skipped
        .iter()
        .find(|s| s.name.starts_with("org.schabi.sharewithnewpipe"))
        .expect("ShareWithNewPipe is skipped");
    assert!(
        share.reason.contains("organisation github.com/teamnewpipe")
            && share.reason.contains("another record"),
        "{}",
        share.reason
    );
}

#[test]
fn fdroid_records_outside_the_catalogue_are_skipped_and_never_proposed() {
    let snapshot = seed();
    let report = run(EvidenceSource::Fdroid, "fdroid/metadata", &snapshot);
    assert!(report.new_entries.is_empty());
    let katana = report
        .skipped
        .iter()
        .find(|s| s.name.starts_with("com.matteopacini.katana"))
        .expect("Katana is skipped");
    assert!(
        katana
            .reason
            .starts_with("not in the catalogue; no new entry proposed: F-Droid's categories"),
        "{}",
        katana.reason
    );
    assert_eq!(report.matched.len() + report.skipped.len(), 7);
}

#[test]
fn the_index_v2_built_from_the_same_files_gives_the_same_anti_feature_findings() {
    let snapshot = seed();
    let metadata = run(EvidenceSource::Fdroid, "fdroid/metadata", &snapshot);
    let index = run(EvidenceSource::Fdroid, "fdroid/index-v2.json", &snapshot);
    let by_slug = |r: &ImportReport| -> BTreeMap<String, Vec<(String, Status)>> {
        r.matched
            .iter()
            .map(|m| {
                let mut f: Vec<(String, Status)> = m
                    .observation
                    .findings
                    .iter()
                    .filter(|f| f.criterion != "reproducible-builds")
                    .map(|f| (f.criterion.clone(), f.status))
                    .collect();
                f.sort_by(|a, b| a.0.cmp(&b.0));
                (m.slug.clone(), f)
            })
            .collect()
    };
    assert_eq!(by_slug(&metadata), by_slug(&index));
    let aurora = matched(&index, "aurora-store");
    assert_eq!(aurora.observation.raw["origin"], "index-v2");
    assert_eq!(status(aurora, "no-trackers"), Some(Status::NotMet));
    // The index has no Binaries: reproducible builds are not established from it.
    assert_eq!(
        status(matched(&index, "briar"), "reproducible-builds"),
        None
    );
}

#[test]
fn one_metadata_file_imports_alone() {
    let snapshot = seed();
    let report = run(
        EvidenceSource::Fdroid,
        "fdroid/metadata/com.aurora.store.yml",
        &snapshot,
    );
    assert_eq!(report.matched.len(), 1);
    assert_eq!(report.matched[0].slug, "aurora-store");
}

// ---- F-Droid: bad input ----

#[test]
fn a_missing_input_is_a_located_error() {
    let snapshot = seed();
    let (what, reason) = malformed(import_at(
        EvidenceSource::Fdroid,
        Path::new("/nonexistent/fdroiddata"),
        &snapshot,
        now(),
    ));
    assert_eq!(what, "/nonexistent/fdroiddata");
    assert_eq!(reason, "no such file or directory");
}

#[test]
fn a_metadata_file_that_does_not_parse_is_an_error_at_its_line() {
    let snapshot = seed();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("org.example.broken.yml");
    std::fs::write(
        &file,
        "License: GPL-3.0-only\nAntiFeatures:\n  - Tracking\n bad: [unclosed\n",
    )
    .expect("write");
    let (what, reason) = malformed(import_at(EvidenceSource::Fdroid, &file, &snapshot, now()));
    assert!(what.ends_with("org.example.broken.yml:4"), "{what}");
    assert!(reason.starts_with("not valid YAML"), "{reason}");
}

#[test]
fn one_bad_file_among_many_is_skipped_with_its_reason_and_the_others_go_on() {
    let snapshot = seed();
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["com.beemdevelopment.aegis.yml", "com.aurora.store.yml"] {
        std::fs::copy(
            fixtures("fdroid/metadata").join(name),
            dir.path().join(name),
        )
        .expect("copy");
    }
    std::fs::write(dir.path().join("org.example.broken.yml"), "License: [GPL\n").expect("write");
    std::fs::write(
        dir.path().join("org.example.list.yml"),
        "- just\n- a list\n",
    )
    .expect("write");
    let report = import_at(EvidenceSource::Fdroid, dir.path(), &snapshot, now())
        .expect("the directory imports");
    assert_eq!(report.matched.len(), 2);
    let reasons: BTreeMap<&str, &str> = report
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), s.reason.as_str()))
        .collect();
    assert!(
        reasons["org.example.broken.yml"].contains("org.example.broken.yml:"),
        "{reasons:?}"
    );
    assert!(
        reasons["org.example.broken.yml"].contains("not valid YAML"),
        "{reasons:?}"
    );
    assert!(
        reasons["org.example.list.yml"]
            .contains("org.example.list.yml:1: an fdroiddata metadata file is a mapping"),
        "{reasons:?}"
    );
}

#[test]
fn a_malformed_index_is_an_error_at_its_line_and_a_bad_package_is_skipped() {
    let snapshot = seed();
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("index-v2.json");
    std::fs::write(&broken, "{\n  \"packages\": {\n    \"a\": \n").expect("write");
    let (what, reason) = malformed(import_at(EvidenceSource::Fdroid, &broken, &snapshot, now()));
    assert!(what.ends_with("index-v2.json:4"), "{what}");
    assert!(reason.starts_with("not valid JSON"), "{reason}");

    std::fs::write(&broken, "{\"repo\": {}}").expect("write");
    let (_, reason) = malformed(import_at(EvidenceSource::Fdroid, &broken, &snapshot, now()));
    assert!(reason.contains("no `packages` object"), "{reason}");

    let mut index: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures("fdroid/index-v2.json")).expect("read"),
    )
    .expect("json");
    index["packages"]["org.example.nometadata"] = serde_json::json!({"versions": {}});
    std::fs::write(&broken, index.to_string()).expect("write");
    let report = import_at(EvidenceSource::Fdroid, &broken, &snapshot, now()).expect("imports");
    assert_eq!(report.matched.len(), 5);
    let bad = report
        .skipped
        .iter()
        .find(|s| s.name.starts_with("org.example.nometadata"))
        .expect("skipped");
    assert_eq!(bad.reason, "no `metadata` object");
}

#[test]
fn a_directory_without_metadata_files_is_an_error() {
    let snapshot = seed();
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, reason) = malformed(import_at(
        EvidenceSource::Fdroid,
        dir.path(),
        &snapshot,
        now(),
    ));
    assert!(reason.contains("no fdroiddata metadata file"), "{reason}");
}

// ---- awesome-selfhosted-data ----

#[test]
fn awesome_selfhosted_maps_activity_third_party_services_and_non_free_licences() {
    let snapshot = seed();
    let report = run(
        EvidenceSource::AwesomeSelfhosted,
        "awesome-selfhosted",
        &snapshot,
    );
    let fb = matched(&report, "filebrowser");
    assert_eq!(
        fb.matched_by,
        "repository github.com/filebrowser/filebrowser"
    );
    let f = finding(fb, "maintained").expect("maintained");
    assert_eq!(f.status, Status::Met);
    assert!(f.note.en.contains("2026-07-28"), "{}", f.note.en);
    assert_eq!(f.evidence, "https://github.com/filebrowser/filebrowser");
    // The seed records the repository archived since: a contradiction for reviewers.
    assert_eq!(
        snapshot.catalogue.entries["filebrowser"].assessment["maintained"].status,
        Status::NotMet
    );

    let searx = matched(&report, "searxng");
    let f = finding(searx, "network-independence").expect("depends_3rdparty");
    assert_eq!(f.status, Status::NotMet);
    assert_eq!(
        f.evidence,
        "https://github.com/awesome-selfhosted/awesome-selfhosted-data/blob/master/software/searxng.yml"
    );

    let mm = matched(&report, "mattermost");
    assert!(
        mm.matched_by
            .contains("under organisation github.com/mattermost"),
        "{}",
        mm.matched_by
    );
    let f = finding(mm, "licence").expect("licence");
    assert_eq!(f.status, Status::NotMet);
    assert!(f.note.en.contains("Proprietary"), "{}", f.note.en);

    let nc = matched(&report, "nextcloud");
    assert!(
        nc.matched_by.starts_with(
            "repository github.com/nextcloud/server under organisation github.com/nextcloud"
        ),
        "{}",
        nc.matched_by
    );
    assert_eq!(status(matched(&report, "cryptpad"), "licence"), None);
}

#[test]
fn maintained_is_not_established_from_activity_older_than_twelve_months() {
    let snapshot = seed();
    let later = DateTime::parse_from_rfc3339("2027-12-01T00:00:00Z")
        .expect("date")
        .with_timezone(&Utc);
    let report = import_at(
        EvidenceSource::AwesomeSelfhosted,
        &fixtures("awesome-selfhosted"),
        &snapshot,
        later,
    )
    .expect("imports");
    assert_eq!(status(matched(&report, "filebrowser"), "maintained"), None);
}

#[test]
fn awesome_selfhosted_never_makes_up_a_french_summary() {
    let snapshot = seed();
    let report = run(
        EvidenceSource::AwesomeSelfhosted,
        "awesome-selfhosted",
        &snapshot,
    );
    assert!(report.new_entries.is_empty());
    let oc = report
        .skipped
        .iter()
        .find(|s| s.name.starts_with("ownCloud"))
        .expect("ownCloud skipped");
    assert!(
        oc.reason.contains("in category file-sync of the catalogue")
            && oc.reason.contains("French summary"),
        "{}",
        oc.reason
    );
}

// ---- publiccode.yml ----

#[test]
fn a_publiccode_file_matches_by_repository_and_a_declared_free_licence_settles_nothing() {
    let snapshot = seed();
    let report = run(
        EvidenceSource::Publiccode,
        "publiccode/grist.publiccode.yml",
        &snapshot,
    );
    let grist = matched(&report, "grist");
    assert_eq!(
        grist.matched_by,
        "repository github.com/gristlabs/grist-core"
    );
    assert_eq!(
        grist.observation.url,
        "https://github.com/gristlabs/grist-core/blob/HEAD/publiccode.yml"
    );
    assert_eq!(grist.observation.raw["license"], "Apache-2.0");
    // Not the licence file, and silent on parts under other terms (the seed says partial).
    assert_eq!(status(grist, "licence"), None);
    // maintenance.type internal says who maintains, not that it is maintained now.
    assert_eq!(status(grist, "maintained"), None);
    // Contacts are counted, never copied (no e-mail address in the stored observation).
    assert_eq!(grist.observation.raw["maintenance_contacts"], 1);
    assert!(!grist.observation.raw.to_string().contains('@'));
}

#[test]
fn a_publiccode_file_without_french_text_proposes_no_entry() {
    let snapshot = seed();
    let report = run(
        EvidenceSource::Publiccode,
        "publiccode/medusa-example.publiccode.yml",
        &snapshot,
    );
    assert!(report.matched.is_empty() && report.new_entries.is_empty());
    assert_eq!(report.skipped.len(), 1);
    assert!(
        report.skipped[0]
            .reason
            .ends_with("no French description (`description.fr`)"),
        "{}",
        report.skipped[0].reason
    );
}

/// A publiccode.yml written with the standard's documented fields (the real ones above have no
/// French description), for a project the catalogue does not have.
const BILINGUAL: &str = r#"publiccodeYmlVersion: "0.4"
name: Exemple Messagerie
url: "https://git.example.org/exemple/messagerie.git"
landingURL: "https://messagerie.example.org"
softwareType: "standalone/web"
platforms:
  - web
  - android
categories:
  - instant-messaging
developmentStatus: stable
description:
  fr:
    shortDescription: "Messagerie instantanée auto-hébergeable."
    longDescription: >
      Une messagerie instantanée que chacun peut installer sur son serveur.
  en:
    shortDescription: "A self-hostable instant messenger."
    longDescription: >
      An instant messenger anyone can install on their own server.
legal:
  license: AGPL-3.0-or-later
maintenance:
  type: community
  contacts:
    - name: Camille Exemple
      email: camille@example.org
"#;

#[test]
fn an_unmatched_bilingual_publiccode_file_proposes_a_complete_valid_entry() {
    let snapshot = seed();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("publiccode.yml");
    std::fs::write(&file, BILINGUAL).expect("write");
    let report = import_at(EvidenceSource::Publiccode, &file, &snapshot, now()).expect("imports");
    assert!(report.matched.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.new_entries.len(), 1, "{:?}", report.skipped);
    let new = &report.new_entries[0];
    assert_eq!(new.slug, "exemple-messagerie");
    let checked = floss_registry::workflow::submissions::check(&snapshot, &new.entry_toml);
    assert!(
        checked.is_valid(),
        "{}\n{:#?}",
        new.entry_toml,
        checked.diagnostics
    );
    let entry = checked.entry.expect("an entry");
    assert_eq!(entry.added.to_string(), "2026-12-07");
    assert_eq!(
        entry.review.status,
        floss_registry::model::ReviewStatus::Community
    );
    assert_eq!(entry.categories, ["messaging"]);
    assert_eq!(entry.summary.fr, "Messagerie instantanée auto-hébergeable.");
    assert!(entry.self_hostable);
    // Every applicable criterion is there, and unknown: reviewers establish them.
    let applicable = snapshot
        .catalogue
        .criteria
        .values()
        .filter(|c| c.applies_to_kinds(&entry.kinds))
        .count();
    assert_eq!(entry.assessment.len(), applicable);
    assert!(
        entry
            .assessment
            .values()
            .all(|a| a.status == Status::Unknown)
    );
    assert_eq!(new.observation.raw["maintenance_type"], "community");
    assert!(new.observation.findings.is_empty());
}

#[test]
fn a_publiccode_file_that_says_it_is_unmaintained_or_not_free_gives_not_met() {
    let snapshot = seed();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("publiccode.yml");
    let text = BILINGUAL
        .replace("type: community", "type: none")
        .replace("license: AGPL-3.0-or-later", "license: BUSL-1.1")
        .replace(
            "https://git.example.org/exemple/messagerie.git",
            "https://github.com/signalapp/Signal-Server",
        );
    std::fs::write(&file, text).expect("write");
    let report = import_at(EvidenceSource::Publiccode, &file, &snapshot, now()).expect("imports");
    let signal = matched(&report, "signal");
    assert_eq!(status(signal, "maintained"), Some(Status::NotMet));
    assert_eq!(status(signal, "licence"), Some(Status::NotMet));
    assert_eq!(
        finding(signal, "licence").map(|f| f.evidence.as_str()),
        Some("https://github.com/signalapp/Signal-Server/blob/HEAD/publiccode.yml")
    );
}

#[test]
fn a_proposal_whose_name_is_taken_is_skipped_with_the_reason() {
    let snapshot = seed();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("publiccode.yml");
    std::fs::write(
        &file,
        BILINGUAL.replace("name: Exemple Messagerie", "name: signal"),
    )
    .expect("write");
    let report = import_at(EvidenceSource::Publiccode, &file, &snapshot, now()).expect("imports");
    assert!(report.new_entries.is_empty());
    assert!(
        report.skipped[0]
            .reason
            .ends_with("the slug `signal` is already taken"),
        "{}",
        report.skipped[0].reason
    );
}

#[test]
fn a_file_that_is_not_a_publiccode_yml_is_an_error() {
    let snapshot = seed();
    let (what, reason) = malformed(import_at(
        EvidenceSource::Publiccode,
        &fixtures("fdroid/metadata/com.aurora.store.yml"),
        &snapshot,
        now(),
    ));
    assert!(what.ends_with("com.aurora.store.yml:1"), "{what}");
    assert!(reason.contains("publiccodeYmlVersion"), "{reason}");
}

#[test]
fn checks_are_not_importers() {
    let snapshot = seed();
    let result = import_at(EvidenceSource::Forge, &fixtures("fdroid"), &snapshot, now());
    assert!(
        matches!(result, Err(CheckError::NotApplicable(_))),
        "{result:?}"
    );
}

/// The figures of an import against the seed catalogue: matches by kind, findings per
/// criterion and status, which would settle an `unknown` cell and which contradict a
/// recorded status.
fn figures(report: &ImportReport, snapshot: &Snapshot) -> String {
    let mut out = String::new();
    let records = report.matched.len() + report.new_entries.len() + report.skipped.len();
    out.push_str(&format!(
        "records {records}: matched {} (entries {}), new entries {}, skipped {}\n",
        report.matched.len(),
        report
            .matched
            .iter()
            .map(|m| m.slug.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        report.new_entries.len(),
        report.skipped.len()
    ));
    let mut how: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &report.matched {
        let kind = if m.matched_by.starts_with("homepage") {
            "homepage"
        } else if m.matched_by.contains("under organisation") {
            "under organisation"
        } else {
            "repository"
        };
        *how.entry(kind).or_default() += 1;
    }
    out.push_str(&format!("matched by: {how:?}\n"));
    let mut per: BTreeMap<(String, &str), usize> = BTreeMap::new();
    let mut settle: BTreeMap<String, usize> = BTreeMap::new();
    let mut contradictions = Vec::new();
    let mut scoped_agree = 0;
    for m in &report.matched {
        let entry = &snapshot.catalogue.entries[&m.slug];
        let android_only: Vec<String> = m
            .observation
            .raw
            .get("android_only")
            .and_then(|a| serde_json::from_value(a.clone()).ok())
            .unwrap_or_default();
        for f in &m.observation.findings {
            *per.entry((f.criterion.clone(), f.status.id())).or_default() += 1;
            let recorded = entry.assessment.get(&f.criterion).map(|a| a.status);
            match recorded {
                Some(Status::Unknown) | None => {
                    *settle.entry(f.criterion.clone()).or_default() += 1
                }
                Some(Status::Met) if android_only.contains(&f.criterion) => scoped_agree += 1,
                Some(r) if r != f.status => contradictions.push(format!(
                    "{} {} recorded {} imported {}{} ({}) -- {}",
                    m.slug,
                    f.criterion,
                    r.id(),
                    f.status.id(),
                    if android_only.contains(&f.criterion) {
                        " (Android only)"
                    } else {
                        ""
                    },
                    m.matched_by,
                    f.note.en
                )),
                Some(_) => {}
            }
        }
    }
    out.push_str(&format!("findings: {per:?}\n"));
    out.push_str(&format!(
        "would settle an unknown cell: {} {settle:?}\n",
        settle.values().sum::<usize>()
    ));
    out.push_str(&format!(
        "met for Android only (partial) where `met` is recorded: {scoped_agree}\n"
    ));
    out.push_str(&format!(
        "contradict a recorded status: {}\n",
        contradictions.len()
    ));
    for c in contradictions {
        out.push_str(&format!("  {c}\n"));
    }
    for m in &report.matched {
        out.push_str(&format!("  match {} <- {}\n", m.slug, m.matched_by));
    }
    for n in report.new_entries.iter().take(3) {
        out.push_str(&format!("  new entry {}:\n{}\n", n.slug, n.entry_toml));
    }
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for s in &report.skipped {
        let key: String = s
            .reason
            .split(':')
            .next()
            .unwrap_or_default()
            .chars()
            .take(90)
            .collect();
        *reasons.entry(key).or_default() += 1;
    }
    out.push_str(&format!("skipped reasons: {reasons:#?}\n"));
    out
}

/// Run by hand on whole real data sets (see the report of issue 13):
/// `IMPORT_FDROID=/tmp/fdroid/metadata IMPORT_AWESOME=../shared/corpus/awesome-selfhosted-data
/// cargo test --test evidence_import -- --ignored --nocapture`.
#[test]
#[ignore = "reads whole data sets named by IMPORT_FDROID / IMPORT_AWESOME / IMPORT_PUBLICCODE"]
fn figures_of_whole_data_sets_against_the_seed() {
    let snapshot = seed();
    for (var, source) in [
        ("IMPORT_FDROID", EvidenceSource::Fdroid),
        ("IMPORT_AWESOME", EvidenceSource::AwesomeSelfhosted),
        ("IMPORT_PUBLICCODE", EvidenceSource::Publiccode),
    ] {
        let Ok(path) = std::env::var(var) else {
            continue;
        };
        let started = std::time::Instant::now();
        let report = import(source, Path::new(&path), &snapshot).expect("the import runs");
        println!("== {} ({path}, {:?})", source.id(), started.elapsed());
        println!("{}", figures(&report, &snapshot));
    }
}
