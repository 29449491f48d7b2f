//! Behaviour of the whole engine on a small catalogue built in code: matching, intent,
//! sorting, pagination, facets, snippets, incremental updates and the rebuild rules.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::model::{
    Aliases, Applicability, Assessment, Axis, Category, Criterion, Kind, Lang, Level, Localized,
    MachineCheck, Platform, Review, ReviewStatus, Service, Source, Status,
};

fn text(fr: &str, en: &str) -> Localized {
    Localized {
        fr: fr.into(),
        en: en.into(),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn criterion(id: &str, level: Level) -> Criterion {
    Criterion {
        id: id.into(),
        axis: Axis::Security,
        level,
        applies_to: vec![Applicability::All],
        machine_checkable: MachineCheck::No,
        evidence_required: false,
        title: text("t", "t"),
        description: text("d", "d"),
        rationale: text("r", "r"),
        evidence_guidance: text("e", "e"),
        sources: vec![Source {
            title: "s".into(),
            url: "https://example.org".into(),
        }],
    }
}

/// Builds entries the way a test reads: `entry("signal", "Signal").met(&["e2ee"])...`.
struct EntryBuilder(Entry);

fn entry(slug: &str, name: &str) -> EntryBuilder {
    EntryBuilder(Entry {
        slug: slug.into(),
        name: name.into(),
        kinds: vec![Kind::Desktop],
        homepage: "https://example.org".into(),
        repository: "https://example.org".into(),
        license: "GPL-3.0-or-later".into(),
        categories: vec![],
        platforms: vec![Platform::Linux],
        replaces: vec![],
        self_hostable: false,
        added: date(2026, 1, 1),
        updated: None,
        summary: text("résumé", "summary"),
        description: text("description", "description"),
        assessment: BTreeMap::new(),
        review: Review {
            status: ReviewStatus::Community,
            by: None,
            date: None,
            expires: None,
            note: None,
            history: vec![],
        },
    })
}

impl EntryBuilder {
    fn summary(mut self, fr: &str, en: &str) -> Self {
        self.0.summary = text(fr, en);
        self
    }
    fn description(mut self, fr: &str, en: &str) -> Self {
        self.0.description = text(fr, en);
        self
    }
    fn categories(mut self, ids: &[&str]) -> Self {
        self.0.categories = ids.iter().map(|s| s.to_string()).collect();
        self
    }
    fn platforms(mut self, platforms: &[Platform]) -> Self {
        self.0.platforms = platforms.to_vec();
        self
    }
    fn replaces(mut self, ids: &[&str]) -> Self {
        self.0.replaces = ids.iter().map(|s| s.to_string()).collect();
        self
    }
    fn license(mut self, license: &str) -> Self {
        self.0.license = license.into();
        self
    }
    fn met(mut self, ids: &[&str]) -> Self {
        for id in ids {
            self.0.assessment.insert(
                id.to_string(),
                Assessment {
                    status: Status::Met,
                    evidence: vec![],
                    note: None,
                    assessed: Some(date(2026, 1, 1)),
                },
            );
        }
        self
    }
    fn updated(mut self, d: NaiveDate) -> Self {
        self.0.updated = Some(d);
        self
    }
    fn status(mut self, status: ReviewStatus) -> Self {
        self.0.review.status = status;
        self
    }
    fn build(self) -> Entry {
        self.0
    }
}

fn service(id: &str, name: &str, aliases: &[&str], categories: &[&str]) -> Service {
    Service {
        id: id.into(),
        name: name.into(),
        vendor: "v".into(),
        homepage: "https://example.org".into(),
        categories: categories.iter().map(|s| s.to_string()).collect(),
        aliases: Aliases {
            fr: aliases.iter().map(|s| s.to_string()).collect(),
            en: vec![],
        },
        privacy_contact: None,
    }
}

/// Six entries; grades: signal A, nextcloud A, element C, jitsi-meet C, keepassxc D,
/// organic-maps D (its licence gate is unknown).
fn catalogue() -> Catalogue {
    let mut c = Catalogue::default();
    for cr in [
        criterion("licence", Level::Required),
        criterion("e2ee", Level::Recommended),
        criterion("no-trackers", Level::Recommended),
    ] {
        c.criteria.insert(cr.id.clone(), cr);
    }
    for (id, fr, en) in [
        ("messaging", "Messagerie instantanée", "Instant messaging"),
        ("team-chat", "Messagerie d'équipe", "Team chat"),
        (
            "video-conferencing",
            "Visioconférence",
            "Video conferencing",
        ),
        ("file-sync", "Stockage de fichiers", "File storage"),
        (
            "password-manager",
            "Gestionnaire de mots de passe",
            "Password manager",
        ),
        (
            "maps-navigation",
            "Cartes et navigation",
            "Maps and navigation",
        ),
    ] {
        c.categories.insert(
            id.into(),
            Category {
                id: id.into(),
                name: text(fr, en),
                description: text("d", "d"),
            },
        );
    }
    for s in [
        service("whatsapp", "WhatsApp", &["whats app", "wa"], &["messaging"]),
        service("telegram", "Telegram", &[], &["messaging"]),
        service("slack", "Slack", &[], &["team-chat"]),
        service("zoom", "Zoom", &["zoom meetings"], &["video-conferencing"]),
        service(
            "google-drive",
            "Google Drive",
            &["drive", "gdrive"],
            &["file-sync"],
        ),
        service("dropbox", "Dropbox", &[], &["file-sync"]),
        service("vimeo", "Vimeo", &[], &[]),
        // A service one of whose names is also an entry's name.
        service("signal-hill", "Signal Hill", &["signal"], &[]),
    ] {
        c.services.insert(s.id.clone(), s);
    }
    let entries = [
        entry("signal", "Signal")
            .summary(
                "Messagerie chiffrée de bout en bout.",
                "End-to-end encrypted messaging.",
            )
            .description(
                "Signal chiffre **tous** les messages et les appels.",
                "Signal encrypts **all** messages and calls.",
            )
            .categories(&["messaging"])
            .platforms(&[Platform::Android, Platform::Ios])
            .replaces(&["whatsapp", "telegram"])
            .license("AGPL-3.0-only")
            .met(&["licence", "e2ee", "no-trackers"])
            .updated(date(2026, 3, 1))
            .status(ReviewStatus::Validated)
            .build(),
        entry("element", "Element")
            .summary("Messagerie d'équipe fédérée.", "Federated team messaging.")
            .description(
                "Element <b>remplace</b> Slack et WhatsApp.",
                "Element <b>replaces</b> Slack and WhatsApp.",
            )
            .categories(&["messaging", "team-chat"])
            .platforms(&[Platform::Android, Platform::Web])
            .replaces(&["slack", "whatsapp"])
            .license("Apache-2.0")
            .met(&["licence", "e2ee"])
            .updated(date(2026, 2, 1))
            .build(),
        entry("jitsi-meet", "Jitsi Meet")
            .summary(
                "Réunions vidéo dans le navigateur.",
                "Video meetings in the browser.",
            )
            .categories(&["video-conferencing"])
            .platforms(&[Platform::Web])
            .replaces(&["zoom"])
            .license("Apache-2.0")
            .met(&["licence", "no-trackers"])
            .build(),
        entry("nextcloud", "Nextcloud")
            .summary(
                "Stockage et partage de fichiers.",
                "File storage and sharing.",
            )
            .description(
                "Une plateforme pensée pour la sécurité des données.",
                "A platform designed for data security.",
            )
            .categories(&["file-sync"])
            .platforms(&[Platform::Linux, Platform::Web])
            .replaces(&["google-drive", "dropbox"])
            .license("AGPL-3.0-or-later")
            .met(&["licence", "e2ee", "no-trackers"])
            .updated(date(2026, 4, 1))
            .build(),
        entry("keepassxc", "KeePassXC")
            .summary(
                "Gestionnaire de mots de passe hors ligne.",
                "Offline password manager.",
            )
            .categories(&["password-manager"])
            .license("MIT OR Apache-2.0")
            .met(&["licence"])
            .build(),
        entry("organic-maps", "Organic Maps")
            .summary(
                "Cartes hors ligne pour téléphone.",
                "Offline maps for phones.",
            )
            .categories(&["maps-navigation"])
            .platforms(&[Platform::Android, Platform::Ios])
            .build(),
    ];
    for e in entries {
        c.entries.insert(e.slug.clone(), e);
    }
    c
}

fn index() -> SearchIndex {
    SearchIndex::in_memory(&catalogue()).expect("in-memory index")
}

fn search(index: &SearchIndex, req: &SearchRequest) -> SearchResults {
    index.search(req).expect("search succeeds")
}

fn slugs(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.slug.as_str()).collect()
}

fn find(index: &SearchIndex, q: &str, lang: Lang) -> Vec<String> {
    search(index, &SearchRequest::new(q, lang))
        .hits
        .into_iter()
        .map(|h| h.slug)
        .collect()
}

fn facet(results: &SearchResults, dim: &str, value: &str) -> Option<u64> {
    results
        .facets
        .get(dim)?
        .iter()
        .find(|c| c.value == value)
        .map(|c| c.count)
}

#[test]
fn the_index_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<SearchIndex>();
}

#[test]
fn accents_and_case_are_folded_and_words_stemmed() {
    let idx = index();
    for q in ["sécurité", "securite", "SÉCURITÉ"] {
        assert_eq!(
            find(&idx, q, Lang::Fr).first().map(String::as_str),
            Some("nextcloud"),
            "{q}"
        );
    }
    // Plural query, singular text; English field found from a French request.
    assert_eq!(find(&idx, "messageries chiffrées", Lang::Fr)[0], "signal");
    assert_eq!(find(&idx, "encrypted", Lang::Fr)[0], "signal");
}

#[test]
fn typos_in_names_are_tolerated() {
    let idx = index();
    assert_eq!(find(&idx, "nextclud", Lang::Fr)[0], "nextcloud");
    assert_eq!(find(&idx, "signel", Lang::En)[0], "signal");
    assert_eq!(find(&idx, "keepasxc", Lang::En)[0], "keepassxc");
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    let idx = index();
    assert_eq!(find(&idx, "nextc", Lang::Fr)[0], "nextcloud");
    assert_eq!(find(&idx, "keepa", Lang::Fr)[0], "keepassxc");
    // Finished with a space, a fragment is a word like any other: no typo reaches it.
    assert!(find(&idx, "nextc ", Lang::Fr).is_empty());
}

#[test]
fn alternatives_to_a_service_come_first_best_grade_first() {
    let idx = index();
    for q in [
        "alternative à WhatsApp",
        "replace whatsapp",
        "WhatsApp alternative",
        "whatsap",
    ] {
        let r = search(&idx, &SearchRequest::new(q, Lang::Fr));
        let service = r.service.as_ref().expect("understood as a service");
        assert_eq!(service.id, "whatsapp", "{q}");
        // Both replace WhatsApp; Signal (A) before Element (C).
        assert_eq!(slugs(&r)[..2], ["signal", "element"], "{q}");
    }
    let zoom = search(&idx, &SearchRequest::new("Zoom", Lang::En));
    assert_eq!(slugs(&zoom)[0], "jitsi-meet");
    assert_eq!(zoom.service.map(|s| s.id).as_deref(), Some("zoom"));
    let drive = search(
        &idx,
        &SearchRequest::new("remplacer google drive", Lang::Fr),
    );
    assert_eq!(slugs(&drive)[0], "nextcloud");
    assert_eq!(
        drive.service.map(|s| s.matched).as_deref(),
        Some("google drive")
    );
}

#[test]
fn a_bare_word_of_the_catalogue_is_no_misspelt_service() {
    let idx = index();
    // "video" is one edit from "vimeo", but a word of the catalogue: a plain search.
    let video = search(&idx, &SearchRequest::new("video", Lang::Fr));
    assert!(video.service.is_none());
    assert_eq!(slugs(&video), ["jitsi-meet"]);
    // A misspelling that is no word of the catalogue is taken for the service.
    let vimeoo = search(&idx, &SearchRequest::new("vimeoo", Lang::Fr));
    assert_eq!(vimeoo.service.map(|s| s.id).as_deref(), Some("vimeo"));
}

#[test]
fn a_bare_entry_name_is_a_search_for_the_entry_even_if_a_service_alias() {
    let idx = index();
    let r = search(&idx, &SearchRequest::new("Signal", Lang::Fr));
    assert!(r.service.is_none());
    assert_eq!(slugs(&r)[0], "signal");
    let r = search(&idx, &SearchRequest::new("alternative à signal", Lang::Fr));
    assert_eq!(r.service.map(|s| s.id).as_deref(), Some("signal-hill"));
}

#[test]
fn category_names_find_their_entries() {
    let idx = index();
    assert_eq!(find(&idx, "visioconference", Lang::Fr)[0], "jitsi-meet");
    assert_eq!(find(&idx, "visioconférence", Lang::En)[0], "jitsi-meet");
    assert_eq!(
        find(&idx, "gestionnaire de mots de passe", Lang::Fr)[0],
        "keepassxc"
    );
    assert_eq!(find(&idx, "cartes hors ligne", Lang::Fr)[0], "organic-maps");
}

#[test]
fn every_word_must_match_unless_nothing_would() {
    let idx = index();
    // "offline" matches two entries, "maps" one: both words → one entry.
    assert_eq!(find(&idx, "offline maps", Lang::En), ["organic-maps"]);
    // No entry has both words: the best partial matches are returned.
    let partial = find(&idx, "offline zzzzzz", Lang::En);
    assert!(partial.contains(&"organic-maps".to_owned()));
    assert!(partial.contains(&"keepassxc".to_owned()));
}

#[test]
fn hostile_or_odd_input_is_never_an_error() {
    let idx = index();
    for q in [
        "\"AND OR (( ~ * : [ } -",
        "title:signal^3",
        "*",
        "'",
        "\u{0}\u{1}",
        "名前",
        &"a".repeat(100_000),
        &"signal ".repeat(5_000),
    ] {
        idx.search(&SearchRequest::new(q, Lang::Fr))
            .expect("lenient");
    }
}

#[test]
fn an_empty_query_browses_everything_by_grade_then_name() {
    let idx = index();
    let r = search(&idx, &SearchRequest::new("", Lang::Fr));
    assert_eq!(r.total, 6);
    assert!(r.service.is_none());
    assert_eq!(
        slugs(&r),
        [
            "nextcloud",
            "signal",
            "element",
            "jitsi-meet",
            "keepassxc",
            "organic-maps"
        ]
    );
    assert!(r.hits.iter().all(|h| h.score == 0.0));
}

#[test]
fn sorts_by_name_grade_and_last_update() {
    let idx = index();
    let mut req = SearchRequest::new("", Lang::En);
    req.sort = Sort::Name;
    assert_eq!(
        slugs(&search(&idx, &req)),
        [
            "element",
            "jitsi-meet",
            "keepassxc",
            "nextcloud",
            "organic-maps",
            "signal"
        ]
    );
    req.sort = Sort::Updated;
    assert_eq!(
        slugs(&search(&idx, &req))[..3],
        ["nextcloud", "signal", "element"]
    );
    req.sort = Sort::Grade;
    req.q = "messaging".into();
    assert_eq!(slugs(&search(&idx, &req)), ["signal", "element"]);
    let grades: Vec<String> = search(&idx, &req)
        .hits
        .into_iter()
        .map(|h| h.grade)
        .collect();
    assert_eq!(grades, ["A", "C"]);
}

#[test]
fn relevance_scores_decrease() {
    let idx = index();
    let r = search(&idx, &SearchRequest::new("messagerie", Lang::Fr));
    assert!(r.hits.len() >= 2);
    assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(r.hits[0].score > 0.0);
}

#[test]
fn pages_partition_the_results() {
    let idx = index();
    let mut req = SearchRequest::new("", Lang::Fr);
    req.per_page = 4;
    let first = search(&idx, &req);
    req.page = 2;
    let second = search(&idx, &req);
    assert_eq!((first.total, second.total), (6, 6));
    assert_eq!((first.hits.len(), second.hits.len()), (4, 2));
    assert!(
        first
            .hits
            .iter()
            .all(|a| second.hits.iter().all(|b| a.slug != b.slug))
    );
    req.page = 3;
    let beyond = search(&idx, &req);
    assert!(beyond.hits.is_empty());
    assert_eq!(beyond.total, 6);
    req.page = usize::MAX;
    assert!(search(&idx, &req).hits.is_empty());
    // Defensive clamps.
    req.page = 0;
    req.per_page = 10_000;
    let clamped = search(&idx, &req);
    assert_eq!((clamped.page, clamped.per_page), (1, MAX_PER_PAGE));
    req.per_page = 0;
    assert_eq!(search(&idx, &req).hits.len(), 1);
}

#[test]
fn facets_count_every_dimension() {
    let idx = index();
    let r = search(&idx, &SearchRequest::new("", Lang::Fr));
    let keys: Vec<&str> = r.facets.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "category",
            "criterion",
            "grade",
            "license",
            "platform",
            "status"
        ]
    );
    assert_eq!(facet(&r, "category", "messaging"), Some(2));
    assert_eq!(facet(&r, "platform", "web"), Some(3));
    assert_eq!(facet(&r, "criterion", "e2ee"), Some(3));
    assert_eq!(facet(&r, "status", "validated"), Some(1));
    // Each id of "MIT OR Apache-2.0" counts; Apache-2.0 also from two other entries.
    assert_eq!(facet(&r, "license", "MIT"), Some(1));
    assert_eq!(facet(&r, "license", "Apache-2.0"), Some(3));
    let grades: Vec<(&str, u64)> = r.facets["grade"]
        .iter()
        .map(|c| (c.value.as_str(), c.count))
        .collect();
    assert_eq!(grades, [("A", 2), ("C", 2), ("D", 2)]);
}

#[test]
fn filters_and_across_dimensions_and_or_within_one() {
    let idx = index();
    let mut req = SearchRequest::new("", Lang::Fr);
    req.filters.category = vec!["messaging".into(), "file-sync".into()];
    assert_eq!(search(&idx, &req).total, 3);
    req.filters.grade = vec!["a".into()];
    let r = search(&idx, &req);
    assert_eq!(slugs(&r), ["nextcloud", "signal"]);
    // Criteria: all of them must be met.
    let mut req = SearchRequest::new("", Lang::Fr);
    req.filters.criterion = vec!["e2ee".into(), "no-trackers".into()];
    assert_eq!(search(&idx, &req).total, 2);
    // Licence ids are matched whatever their case.
    let mut req = SearchRequest::new("", Lang::Fr);
    req.filters.license = vec!["mit".into()];
    assert_eq!(slugs(&search(&idx, &req)), ["keepassxc"]);
    // An unknown value matches nothing, quietly.
    req.filters.license = vec!["no-such-licence".into()];
    let r = search(&idx, &req);
    assert_eq!(r.total, 0);
    assert_eq!(facet(&r, "license", "no-such-licence"), Some(0));
}

#[test]
fn a_facet_counts_with_the_other_filters_only_criteria_with_all() {
    let idx = index();
    let mut req = SearchRequest::new("", Lang::Fr);
    req.filters.category = vec!["messaging".into()];
    req.filters.criterion = vec!["no-trackers".into()];
    let r = search(&idx, &req);
    assert_eq!(slugs(&r), ["signal"]);
    // Category counts ignore the category filter but apply the criterion filter.
    assert_eq!(facet(&r, "category", "messaging"), Some(1));
    assert_eq!(facet(&r, "category", "file-sync"), Some(1));
    assert_eq!(facet(&r, "category", "video-conferencing"), Some(1));
    // Platform counts apply both filters.
    assert_eq!(facet(&r, "platform", "android"), Some(1));
    assert_eq!(facet(&r, "platform", "web"), None);
    // Criterion counts apply their own filter too.
    assert_eq!(facet(&r, "criterion", "no-trackers"), Some(1));
    assert_eq!(facet(&r, "criterion", "e2ee"), Some(1));
}

#[test]
fn snippets_highlight_matches_and_escape_html() {
    let idx = index();
    let r = search(&idx, &SearchRequest::new("appels", Lang::Fr));
    assert_eq!(r.hits[0].slug, "signal");
    assert!(
        r.hits[0].snippet.contains("<mark>appels</mark>"),
        "{}",
        r.hits[0].snippet
    );
    assert!(!r.hits[0].snippet.contains("**"), "Markdown is removed");
    let r = search(&idx, &SearchRequest::new("slack", Lang::En));
    let element = r
        .hits
        .iter()
        .find(|h| h.slug == "element")
        .expect("element found");
    assert!(
        element.snippet.contains("<mark>Slack</mark>"),
        "{}",
        element.snippet
    );
    assert!(!element.snippet.contains("<b>"), "{}", element.snippet);
    // Nothing to highlight: the summary, escaped.
    let r = search(&idx, &SearchRequest::new("", Lang::En));
    let maps = r
        .hits
        .iter()
        .find(|h| h.slug == "organic-maps")
        .expect("listed");
    assert_eq!(maps.snippet, "Offline maps for phones.");
    assert_eq!(maps.summary, "Offline maps for phones.");
}

#[test]
fn hits_carry_what_a_result_list_shows() {
    let idx = index();
    let r = search(&idx, &SearchRequest::new("signal", Lang::Fr));
    let hit = &r.hits[0];
    assert_eq!(hit.name, "Signal");
    assert_eq!(hit.summary, "Messagerie chiffrée de bout en bout.");
    assert_eq!(hit.grade, "A");
    assert_eq!(hit.categories, ["messaging"]);
    assert_eq!(hit.platforms, ["android", "ios"]);
    assert_eq!(hit.license, "AGPL-3.0-only");
    assert_eq!(hit.review_status, "validated");
    assert_eq!(hit.replaces, ["whatsapp", "telegram"]);
    assert_eq!(hit.last_changed, "2026-03-01");
}

#[test]
fn an_update_replaces_one_document_and_removes_another() {
    let idx = index();
    let generation = idx.generation();
    let mut cat = catalogue();
    let signal = cat.entries.get_mut("signal").expect("in catalogue");
    signal.name = "Signal Messenger".into();
    signal.replaces.push("slack".into());
    cat.entries.remove("keepassxc");
    let signal = cat.entries["signal"].clone();
    idx.update(&cat, &[&signal], &["keepassxc"], "second")
        .expect("updated");

    assert_eq!(idx.doc_count(), 5);
    assert_eq!(idx.generation(), generation + 1);
    assert_eq!(idx.fingerprint(), "second");
    assert_eq!(find(&idx, "messenger", Lang::En), ["signal"]);
    assert!(find(&idx, "keepassxc", Lang::En).is_empty());
    // Both replace Slack now; Element, also a team chat like Slack, comes first.
    let slack = search(&idx, &SearchRequest::new("alternative to slack", Lang::En));
    assert_eq!(slugs(&slack)[..2], ["element", "signal"]);
    // Exactly one Signal document.
    assert_eq!(search(&idx, &SearchRequest::new("", Lang::En)).total, 5);
}

fn open(dir: &Path, fingerprint: &str, full: bool) -> (SearchIndex, BuildOutcome) {
    SearchIndex::open_or_build(dir, &catalogue(), fingerprint, full, &|_, _| {})
        .expect("opened or built")
}

fn is_built(outcome: &BuildOutcome, containing: &str) -> bool {
    matches!(outcome, BuildOutcome::Built { reason } if reason.contains(containing))
}

#[test]
fn a_current_index_is_reused_and_a_stale_one_rebuilt() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("index");
    let (idx, outcome) = open(&dir, "one", false);
    assert!(is_built(&outcome, META_FILE), "{outcome:?}");
    assert_eq!((idx.generation(), idx.doc_count()), (1, 6));
    drop(idx);

    let (idx, outcome) = open(&dir, "one", false);
    assert_eq!(outcome, BuildOutcome::Reused);
    assert_eq!(idx.generation(), 1);
    assert_eq!(find(&idx, "nextclud", Lang::Fr)[0], "nextcloud");
    drop(idx);

    let (idx, outcome) = open(&dir, "two", false);
    assert!(is_built(&outcome, "data changed"), "{outcome:?}");
    assert_eq!((idx.generation(), idx.fingerprint().as_str()), (2, "two"));
    drop(idx);

    let (idx, outcome) = open(&dir, "two", true);
    assert!(is_built(&outcome, "full rebuild"), "{outcome:?}");
    assert_eq!((idx.generation(), idx.doc_count()), (3, 6));
}

#[test]
fn updates_survive_a_restart() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let (idx, _) = open(tmp.path(), "one", false);
    let mut cat = catalogue();
    cat.entries.remove("signal");
    idx.update(&cat, &[], &["signal"], "two").expect("updated");
    drop(idx);
    let (idx, outcome) =
        SearchIndex::open_or_build(tmp.path(), &cat, "two", false, &|_, _| {}).expect("reopened");
    assert_eq!(outcome, BuildOutcome::Reused);
    assert_eq!((idx.doc_count(), idx.generation()), (5, 2));
}

#[test]
fn a_commit_without_its_record_is_stale() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let (idx, _) = open(tmp.path(), "one", false);
    idx.update(&catalogue(), &[], &["signal"], "two")
        .expect("updated");
    drop(idx);
    // As if the process died between the commit and the record.
    let record = meta::IndexMeta {
        schema_version: SCHEMA_VERSION,
        fingerprint: "one".into(),
        generation: 1,
        manifest: meta::Manifest::default(),
    };
    meta::write(tmp.path(), &record).expect("record written");
    let (idx, outcome) = open(tmp.path(), "one", false);
    assert!(is_built(&outcome, "last commit"), "{outcome:?}");
    assert_eq!(idx.doc_count(), 6);
}

#[test]
fn a_corrupt_index_is_rebuilt() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    drop(open(tmp.path(), "one", false));
    std::fs::write(tmp.path().join("meta.json"), b"garbage").expect("corrupted");
    let (idx, outcome) = open(tmp.path(), "one", false);
    assert!(is_built(&outcome, "could not be"), "{outcome:?}");
    assert_eq!(idx.doc_count(), 6);
    drop(idx);

    // Segment files gone.
    for file in std::fs::read_dir(tmp.path()).expect("listed") {
        let path = file.expect("entry").path();
        if path.extension().is_some_and(|e| e == "idx" || e == "store") {
            std::fs::remove_file(path).expect("removed");
        }
    }
    let (idx, outcome) = open(tmp.path(), "one", false);
    assert!(matches!(outcome, BuildOutcome::Built { .. }), "{outcome:?}");
    assert_eq!(find(&idx, "signal", Lang::Fr)[0], "signal");
}

#[test]
fn a_directory_holding_other_files_is_never_wiped() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    std::fs::write(tmp.path().join("notes.txt"), b"precious").expect("written");
    let err = SearchIndex::open_or_build(tmp.path(), &catalogue(), "one", false, &|_, _| {})
        .expect_err("refused");
    assert!(matches!(err, SearchError::NotAnIndex(_)), "{err}");
    assert!(tmp.path().join("notes.txt").exists());
}

#[test]
fn progress_reports_every_entry() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let seen = std::sync::Mutex::new(Vec::new());
    let record = |done, total| seen.lock().expect("not poisoned").push((done, total));
    SearchIndex::open_or_build(tmp.path(), &catalogue(), "one", false, &record).expect("built");
    let seen = seen.into_inner().expect("not poisoned");
    assert_eq!(seen.first(), Some(&(0, 6)));
    assert_eq!(seen.last(), Some(&(6, 6)));
    assert_eq!(seen.len(), 7);
}
