//! Relevance of the search engine on the real seed catalogue: French and English queries a
//! citizen would type, each with the entries that must appear near the top. The expectations
//! come from the seed data (an entry is expected only if its own data makes it an answer);
//! the engine knows nothing of these queries.
//!
//! Prints every query's top results and the success rate, and fails below
//! [`MIN_SUCCESS_RATE`]. 90 % leaves room for a few honest ranking trade-offs (a change to
//! boosts that helps many queries may cost one) while still failing on any real regression:
//! with 50+ queries, losing six fails the test.

use std::path::Path;

use floss_registry::model::Lang;
use floss_registry::search::{SearchIndex, SearchRequest};

const MIN_SUCCESS_RATE: f64 = 0.90;

/// What a query must return.
enum Expect {
    /// At least one of these slugs in the first `n` results.
    Any(&'static [&'static str], usize),
    /// Every one of these slugs in the first `n` results.
    All(&'static [&'static str], usize),
}

use Expect::{All, Any};

const FR: Lang = Lang::Fr;
const EN: Lang = Lang::En;

const CASES: &[(&str, Lang, Expect)] = &[
    // French
    ("alternative à WhatsApp", FR, All(&["signal"], 5)),
    (
        "alternatives à whatsapp",
        FR,
        Any(&["signal", "simplex-chat", "molly"], 3),
    ),
    ("visioconférence", FR, All(&["jitsi-meet"], 5)),
    (
        "visioconference",
        FR,
        All(&["jitsi-meet", "bigbluebutton"], 6),
    ),
    ("nextclud", FR, All(&["nextcloud"], 1)),
    (
        "gestionnaire de mots de passe",
        FR,
        All(&["keepassxc", "bitwarden"], 6),
    ),
    ("remplacer Google Drive", FR, All(&["nextcloud"], 5)),
    ("Zoom", FR, All(&["jitsi-meet"], 5)),
    ("carte hors ligne", FR, All(&["organic-maps"], 3)),
    (
        "navigateur",
        FR,
        Any(
            &["firefox", "librewolf", "tor-browser", "mullvad-browser"],
            3,
        ),
    ),
    ("navigateur web", FR, All(&["firefox"], 6)),
    ("adblock", FR, All(&["ublock-origin"], 5)),
    (
        "bloqueur de publicités",
        FR,
        Any(&["ublock-origin", "pi-hole", "adguard-home"], 3),
    ),
    ("mesure d'audience", FR, Any(&["matomo", "plausible"], 3)),
    (
        "sondage",
        FR,
        Any(&["rallly", "nextcloud-polls", "limesurvey"], 3),
    ),
    ("signel", FR, All(&["signal"], 1)),
    (
        "messagerie chiffrée",
        FR,
        Any(&["signal", "simplex-chat", "session"], 5),
    ),
    (
        "alternative à Slack",
        FR,
        Any(&["element", "mattermost", "zulip", "rocket-chat"], 3),
    ),
    ("remplaçant de Photoshop", FR, Any(&["gimp", "krita"], 2)),
    (
        "suite bureautique",
        FR,
        Any(&["libreoffice", "onlyoffice", "collabora-online"], 3),
    ),
    (
        "synchronisation de fichiers",
        FR,
        Any(&["syncthing", "nextcloud", "seafile"], 3),
    ),
    (
        "double authentification",
        FR,
        Any(&["aegis", "freeotp", "ente-auth"], 3),
    ),
    (
        "réseau social décentralisé",
        FR,
        Any(&["mastodon", "friendica", "misskey"], 5),
    ),
    (
        "alternative à YouTube",
        FR,
        Any(&["peertube", "invidious", "newpipe", "freetube"], 3),
    ),
    ("moteur de recherche", FR, Any(&["searxng", "yacy"], 3)),
    ("chiffrement de disque", FR, All(&["veracrypt"], 3)),
    ("vpn", FR, Any(&["wireguard", "openvpn"], 2)),
    (
        "agenda et contacts",
        FR,
        Any(&["davx5", "radicale", "thunderbird"], 3),
    ),
    (
        "prise de notes",
        FR,
        Any(&["joplin", "standard-notes", "trilium-notes", "logseq"], 3),
    ),
    ("retouche photo", FR, Any(&["gimp", "darktable"], 5)),
    ("lecteur vidéo", FR, Any(&["vlc", "mpv", "kodi"], 5)),
    (
        "alternative à Google Maps",
        FR,
        Any(&["organic-maps", "osmand", "openstreetmap"], 3),
    ),
    (
        "forge logicielle",
        FR,
        Any(&["forgejo", "gitea", "gitlab"], 3),
    ),
    (
        "alternative à gogle analytics",
        FR,
        Any(&["matomo", "plausible", "umami"], 3),
    ),
    (
        "sécurité des mots de passe",
        FR,
        Any(&["keepassxc", "bitwarden", "keepassdx"], 5),
    ),
    (
        "vidéo",
        FR,
        Any(
            &["peertube", "invidious", "newpipe", "freetube", "owncast"],
            5,
        ),
    ),
    (
        "logiciel de visioconférence",
        FR,
        Any(&["jitsi-meet", "bigbluebutton", "galene"], 3),
    ),
    (
        "partage de photos",
        FR,
        Any(&["pixelfed", "immich", "ente-photos", "photoprism"], 3),
    ),
    (
        "alternative libre à Doodle",
        FR,
        All(&["rallly", "nextcloud-polls"], 2),
    ),
    ("synchroniser agenda android", FR, All(&["davx5"], 3)),
    (
        "hébergement de code",
        FR,
        Any(&["forgejo", "gitea", "gitlab"], 3),
    ),
    ("lecteur multimédia", FR, Any(&["vlc", "mpv", "kodi"], 3)),
    ("montage vidéo", FR, Any(&["kdenlive", "shotcut"], 3)),
    ("pixelfeed", FR, All(&["pixelfed"], 1)),
    ("remplacer Instagram", FR, All(&["pixelfed"], 1)),
    // English
    (
        "video",
        EN,
        Any(
            &["peertube", "invidious", "newpipe", "freetube", "owncast"],
            5,
        ),
    ),
    ("markdown notes", EN, Any(&["joplin", "hedgedoc"], 3)),
    (
        "self-hosted photo library",
        EN,
        Any(&["immich", "photoprism"], 3),
    ),
    ("xmpp", EN, Any(&["conversations", "dino"], 2)),
    ("matrix client", EN, Any(&["element", "nheko"], 2)),
    ("tor", EN, All(&["tor-browser"], 3)),
    (
        "alternative to dropbx",
        EN,
        Any(&["nextcloud", "syncthing", "seafile"], 3),
    ),
    ("twitter", EN, Any(&["mastodon", "misskey"], 2)),
    (
        "spreadsheet",
        EN,
        Any(&["grist", "libreoffice", "cryptpad"], 3),
    ),
    ("librewolf", EN, All(&["librewolf"], 1)),
    (
        "password manager",
        EN,
        Any(&["keepassxc", "bitwarden", "keepassdx"], 3),
    ),
    ("alternative to WhatsApp", EN, All(&["signal"], 5)),
    ("video conferencing", EN, All(&["jitsi-meet"], 5)),
    (
        "replace Dropbox",
        EN,
        Any(&["nextcloud", "syncthing", "seafile"], 3),
    ),
    ("offline maps", EN, All(&["organic-maps"], 3)),
    (
        "web analytics",
        EN,
        Any(&["matomo", "plausible", "umami", "goatcounter"], 3),
    ),
    (
        "encrypted messenger",
        EN,
        Any(&["signal", "session", "simplex-chat"], 5),
    ),
    ("team chat", EN, Any(&["mattermost", "zulip", "element"], 3)),
    ("web browser", EN, All(&["firefox"], 5)),
    ("ad blocker", EN, All(&["ublock-origin"], 5)),
    ("photo backup", EN, Any(&["immich", "ente-photos"], 3)),
    (
        "two-factor authentication",
        EN,
        Any(&["aegis", "freeotp", "ente-auth"], 3),
    ),
    ("microsoft office alternative", EN, All(&["libreoffice"], 5)),
    ("nextc", EN, All(&["nextcloud"], 1)),
    ("keepas", EN, Any(&["keepassxc", "keepassdx"], 2)),
    (
        "google docs replacement",
        EN,
        Any(&["cryptpad", "etherpad", "libreoffice", "onlyoffice"], 3),
    ),
    ("survey", EN, All(&["limesurvey"], 3)),
    ("whatsapp", EN, All(&["signal"], 5)),
    ("federated video platform", EN, All(&["peertube"], 3)),
    ("thunderbrid", EN, All(&["thunderbird"], 1)),
    ("collaborative markdown editor", EN, All(&["hedgedoc"], 3)),
    ("dns ad blocking", EN, Any(&["pi-hole", "adguard-home"], 3)),
    (
        "teams",
        EN,
        Any(&["jitsi-meet", "bigbluebutton", "mattermost", "element"], 5),
    ),
    ("mastodn", EN, All(&["mastodon"], 1)),
    (
        "file sync",
        EN,
        Any(&["syncthing", "nextcloud", "seafile"], 3),
    ),
];

#[test]
fn seed_catalogue_queries_find_the_expected_entries() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("registry-data");
    let loaded = floss_registry::data::load(&root).expect("seed catalogue loads");
    let catalogue = loaded.catalogue;
    assert!(
        catalogue.entries.len() >= 100,
        "the seed catalogue is loaded"
    );
    let index = SearchIndex::in_memory(&catalogue).expect("index builds");
    // Every expected slug exists: a typo in this file must not pass as a ranking failure.
    for (q, _, expect) in CASES {
        let (Any(slugs, _) | All(slugs, _)) = expect;
        for slug in *slugs {
            assert!(
                catalogue.entries.contains_key(*slug),
                "{q}: no entry `{slug}`"
            );
        }
    }

    let mut passed = 0;
    let mut failures = Vec::new();
    for (q, lang, expect) in CASES {
        let results = index
            .search(&SearchRequest::new(*q, *lang))
            .expect("search succeeds");
        let top: Vec<&str> = results.hits.iter().map(|h| h.slug.as_str()).collect();
        let ok = match expect {
            Any(slugs, n) => slugs.iter().any(|s| top.iter().take(*n).any(|t| t == s)),
            All(slugs, n) => slugs.iter().all(|s| top.iter().take(*n).any(|t| t == s)),
        };
        let service = results
            .service
            .as_ref()
            .map(|s| format!(" [service: {}]", s.id))
            .unwrap_or_default();
        println!(
            "{} {lang} {q:?}{service} → {} (total {})",
            if ok { "ok  " } else { "FAIL" },
            top.iter().take(6).copied().collect::<Vec<_>>().join(", "),
            results.total
        );
        if ok {
            passed += 1;
        } else {
            failures.push(*q);
        }
    }
    let rate = passed as f64 / CASES.len() as f64;
    println!(
        "relevance: {passed}/{} queries ({:.1}%)",
        CASES.len(),
        rate * 100.0
    );
    assert!(CASES.len() >= 40, "at least 40 queries");
    assert!(
        rate >= MIN_SUCCESS_RATE,
        "relevance {:.1}% below {:.0}%; failing: {failures:?}",
        rate * 100.0,
        MIN_SUCCESS_RATE * 100.0
    );
}
