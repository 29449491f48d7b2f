//! The database layer against a real database: SQLite by default (a fresh file per test), or
//! the PostgreSQL server `DATABASE_URL` names, where each test creates its own database from
//! that admin URL and drops it afterwards (see `scripts/test`).

use chrono::Utc;
use floss_registry::db::entities::{audit_log, sessions, submissions, users};
use floss_registry::db::{self, DbError};
use floss_registry::error::{Classify, ErrorKind};
use floss_registry::evidence::{EvidenceSource, Finding, Observation, store};
use floss_registry::model::{Localized, Status};
use migration::SchemaManager;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, Database, DatabaseConnection, EntityTrait, ModelTrait, Set,
};

const TABLES: [&str; 12] = [
    "registry_meta",
    "users",
    "sessions",
    "submissions",
    "review_decisions",
    "criterion_verdicts",
    "comments",
    "audit_log",
    "login_flows",
    "api_tokens",
    "observations",
    "rights_reports",
];

/// A database of its own for one test, removed when dropped.
struct TestDb {
    conn: DatabaseConnection,
    /// SQLite: the directory holding the file.
    _dir: Option<tempfile::TempDir>,
    /// PostgreSQL: the admin URL and the name of the database to drop.
    postgres: Option<(String, String)>,
}

impl TestDb {
    /// An empty database, not migrated.
    async fn empty() -> TestDb {
        match std::env::var("DATABASE_URL") {
            Ok(admin) if admin.starts_with("postgres") => TestDb::postgres(admin).await,
            _ => {
                let dir = tempfile::tempdir().expect("tempdir");
                let url = format!("sqlite://{}/state/registry.db", dir.path().display());
                let conn = db::connect(&url).await.expect("connect to SQLite");
                TestDb {
                    conn,
                    _dir: Some(dir),
                    postgres: None,
                }
            }
        }
    }

    /// A database with every migration applied.
    async fn migrated() -> TestDb {
        let t = TestDb::empty().await;
        db::migrate_up(&t.conn).await.expect("migrations apply");
        t
    }

    async fn postgres(admin: String) -> TestDb {
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let name = format!(
            "floss_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            Utc::now().timestamp_subsec_nanos()
        );
        let admin_conn = Database::connect(admin.as_str())
            .await
            .expect("connect to the PostgreSQL admin URL");
        admin_conn
            .execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE template0"))
            .await
            .expect("create the test database");
        admin_conn.close().await.ok();
        let mut url = url::Url::parse(&admin).expect("admin URL");
        url.set_path(&format!("/{name}"));
        let conn = db::connect(url.as_str())
            .await
            .expect("connect to the test database");
        TestDb {
            conn,
            _dir: None,
            postgres: Some((admin, name)),
        }
    }

    async fn user(&self, provider: &str, subject: &str) -> Result<users::Model, DbError> {
        let now = Utc::now();
        let user = users::ActiveModel {
            provider: Set(provider.to_owned()),
            subject: Set(subject.to_owned()),
            display_name: Set("Camille Dupont".to_owned()),
            email: Set(Some("camille@example.org".to_owned())),
            email_verified: Set(true),
            role: Set(users::Role::Submitter),
            created_at: Set(now),
            last_login_at: Set(now),
            ..Default::default()
        };
        Ok(user.insert(&self.conn).await?)
    }

    async fn session(&self, user_id: i64, token_hash: &str) -> sessions::Model {
        let now = Utc::now();
        sessions::ActiveModel {
            id: Set(token_hash.to_owned()),
            user_id: Set(user_id),
            csrf_token_hash: Set(format!("csrf-{token_hash}")),
            created_at: Set(now),
            expires_at: Set(now + chrono::Duration::hours(8)),
            last_seen_at: Set(now),
        }
        .insert(&self.conn)
        .await
        .expect("insert a session")
    }

    async fn submission(&self, author: Option<i64>, entry_toml: &str) -> submissions::Model {
        let now = Utc::now();
        submissions::ActiveModel {
            slug: Set("signal".to_owned()),
            kind: Set(submissions::Kind::New),
            state: Set(submissions::State::PendingGit),
            base_commit: Set("0123456789abcdef0123456789abcdef01234567".to_owned()),
            entry_toml: Set(entry_toml.to_owned()),
            validation_report: Set(r#"{"errors":0,"warnings":[]}"#.to_owned()),
            author_id: Set(author),
            author_pseudonym: Set("contributor-7f3a".to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.conn)
        .await
        .expect("insert a submission")
    }

    async fn existing_tables(&self) -> Vec<&'static str> {
        let manager = SchemaManager::new(&self.conn);
        let mut found = Vec::new();
        for table in TABLES {
            if manager.has_table(table).await.expect("has_table") {
                found.push(table);
            }
        }
        found
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs outside async: a short-lived runtime on its own thread removes the database.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let conn = Database::connect(admin.as_str()).await?;
                conn.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await?;
                conn.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("warning: could not drop a test database: {dropped:?}");
        }
    }
}

#[tokio::test]
async fn migrations_apply_and_leave_none_pending() {
    let t = TestDb::empty().await;
    let applied = db::migrate_up(&t.conn).await.expect("up");
    assert_eq!(applied.len(), TABLES.len(), "{applied:?}");
    assert_eq!(applied[0], "m20261122_000001_create_meta");
    let status = db::migrate_status(&t.conn).await.expect("status");
    assert!(status.iter().all(|m| m.applied), "{status:?}");
    assert!(db::migrate_up(&t.conn).await.expect("up again").is_empty());
    assert_eq!(t.existing_tables().await, TABLES.to_vec());
}

#[tokio::test]
async fn rolling_back_removes_the_tables_and_migrating_again_restores_them() {
    let t = TestDb::migrated().await;
    t.user("github", "1").await.expect("a user before");

    let last = db::migrate_down(&t.conn, Some(1)).await.expect("down one");
    assert_eq!(
        last,
        vec!["m20261207_000012_create_rights_reports".to_owned()]
    );
    assert!(!t.existing_tables().await.contains(&"rights_reports"));
    let status = db::migrate_status(&t.conn).await.expect("status");
    assert_eq!(status.iter().filter(|m| !m.applied).count(), 1);

    let rest = db::migrate_down(&t.conn, None).await.expect("down all");
    assert_eq!(rest.len(), TABLES.len() - 1, "{rest:?}");
    assert_eq!(t.existing_tables().await, Vec::<&str>::new());
    assert!(
        db::migrate_status(&t.conn)
            .await
            .expect("status")
            .iter()
            .all(|m| !m.applied)
    );

    assert_eq!(
        db::migrate_up(&t.conn).await.expect("up").len(),
        TABLES.len()
    );
    assert_eq!(t.existing_tables().await, TABLES.to_vec());
    t.user("github", "1").await.expect("the same user again");
    db::audit::record(&t.conn, None, "test.ping", "db", &serde_json::json!({}))
        .await
        .expect("the audit log works again");
}

#[tokio::test]
async fn the_same_provider_and_subject_cannot_make_two_accounts() {
    let t = TestDb::migrated().await;
    t.user("proconnect", "sub-42").await.expect("first");
    t.user("github", "sub-42")
        .await
        .expect("same subject at another provider");
    let err = t
        .user("proconnect", "sub-42")
        .await
        .expect_err("duplicate refused");
    assert!(matches!(err, DbError::Conflict(_)), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Conflict);
}

#[tokio::test]
async fn deleting_a_user_ends_their_sessions_and_keeps_their_submissions() {
    let t = TestDb::migrated().await;
    let camille = t.user("github", "1").await.expect("user");
    let other = t.user("github", "2").await.expect("user");
    t.session(camille.id, "hash-a").await;
    t.session(camille.id, "hash-b").await;
    t.session(other.id, "hash-c").await;
    let submission = t.submission(Some(camille.id), "slug = \"signal\"\n").await;

    camille.delete(&t.conn).await.expect("delete the user");

    let left = sessions::Entity::find()
        .all(&t.conn)
        .await
        .expect("sessions");
    assert_eq!(
        left.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["hash-c"]
    );
    let kept = submissions::Entity::find_by_id(submission.id)
        .one(&t.conn)
        .await
        .expect("query")
        .expect("the submission stays");
    assert_eq!(kept.author_id, None);
    assert_eq!(kept.author_pseudonym, "contributor-7f3a");
}

#[tokio::test]
async fn a_session_for_a_missing_user_is_refused() {
    let t = TestDb::migrated().await;
    let now = Utc::now();
    let err = sessions::ActiveModel {
        id: Set("hash".to_owned()),
        user_id: Set(999),
        csrf_token_hash: Set("csrf".to_owned()),
        created_at: Set(now),
        expires_at: Set(now),
        last_seen_at: Set(now),
    }
    .insert(&t.conn)
    .await
    .map_err(DbError::from)
    .expect_err("foreign key enforced");
    assert!(matches!(err, DbError::Invalid(_)), "{err:?}");
}

#[tokio::test]
async fn the_audit_log_refuses_updates_and_deletes() {
    let t = TestDb::migrated().await;
    let row = db::audit::record(
        &t.conn,
        Some(7),
        "review.approve",
        "submission:1",
        &serde_json::json!({"merge_commit": "abc"}),
    )
    .await
    .expect("append");

    let mut changed: audit_log::ActiveModel = row.clone().into();
    changed.action = Set("review.reject".to_owned());
    assert!(changed.update(&t.conn).await.is_err(), "update refused");
    assert!(
        t.conn
            .execute_unprepared("UPDATE audit_log SET target = 'x'")
            .await
            .is_err(),
        "raw update refused"
    );
    assert!(
        audit_log::Entity::delete_by_id(row.id)
            .exec(&t.conn)
            .await
            .is_err(),
        "delete refused"
    );
    assert!(
        t.conn
            .execute_unprepared("DELETE FROM audit_log")
            .await
            .is_err(),
        "raw delete of young records refused"
    );

    let rows = audit_log::Entity::find().all(&t.conn).await.expect("read");
    assert_eq!(rows, vec![row]);
    db::audit::record(
        &t.conn,
        None,
        "system.start",
        "registry",
        &serde_json::json!({}),
    )
    .await
    .expect("appending still works");
}

#[tokio::test]
async fn audit_records_older_than_a_year_can_be_purged_and_younger_ones_cannot() {
    let t = TestDb::migrated().await;
    let young = db::audit::record(&t.conn, None, "test.young", "db", &serde_json::json!({}))
        .await
        .expect("append");
    let old = audit_log::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        at: Set(Utc::now() - chrono::Duration::days(400)),
        actor_id: Set(None),
        action: Set("test.old".to_owned()),
        target: Set("db".to_owned()),
        details: Set("{}".to_owned()),
    }
    .insert(&t.conn)
    .await
    .expect("an old record (as if written 400 days ago)");
    assert!(
        audit_log::Entity::delete_by_id(young.id)
            .exec(&t.conn)
            .await
            .is_err(),
        "a record of today is refused"
    );
    audit_log::Entity::delete_by_id(old.id)
        .exec(&t.conn)
        .await
        .expect("a record older than 365 days may be purged");
    let rows = audit_log::Entity::find().all(&t.conn).await.expect("read");
    assert_eq!(rows, vec![young]);
}

#[tokio::test]
async fn a_submission_keeps_its_entry_text_byte_for_byte() {
    let t = TestDb::migrated().await;
    let typed = "# Entrée proposée — « Signal »\r\nname = \"Signal\"\n\n\
                 description.fr = \"\"\"\nMessagerie chiffrée de bout en bout : \
                 ça marche, même hors-ligne\u{00a0}!\n\"\"\"\n\
                 \tindent = 'tab'   \n emoji = \"🔒\"\nzero_width = \"a\u{200b}b\"\n\n\n";
    let saved = t.submission(None, typed).await;
    let read = submissions::Entity::find_by_id(saved.id)
        .one(&t.conn)
        .await
        .expect("query")
        .expect("found");
    assert_eq!(read.entry_toml.as_bytes(), typed.as_bytes());
}

#[tokio::test]
async fn a_role_outside_the_list_is_refused_by_the_database() {
    let t = TestDb::migrated().await;
    let err = t
        .conn
        .execute_unprepared(
            "INSERT INTO users (provider, subject, display_name, email_verified, role, created_at, last_login_at) \
             VALUES ('github', '9', 'X', false, 'superuser', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z')",
        )
        .await
        .map_err(DbError::from)
        .expect_err("check constraint");
    assert!(matches!(err, DbError::Invalid(_)), "{err:?}");
}

#[tokio::test]
async fn connecting_to_sqlite_creates_the_directory_and_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("var/nested/registry.db");
    let url = format!("sqlite://{}", file.display());
    let conn = db::connect(&url).await.expect("connect");
    db::migrate_up(&conn).await.expect("up");
    assert!(file.is_file());
}

#[tokio::test]
async fn an_unreachable_database_is_named_without_its_password() {
    let err = db::connect("postgres://registry:hunter2@127.0.0.1:1/registry")
        .await
        .expect_err("nothing listens on port 1");
    let text = err.to_string();
    assert!(text.contains("127.0.0.1:1/registry"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
    assert_eq!(err.kind(), ErrorKind::Unavailable);
}

/// An observation as a check would make it (the checks themselves are tested elsewhere).
fn observation(slug: &str, source: EvidenceSource, at: &str, stale: Option<bool>) -> Observation {
    Observation {
        slug: slug.to_owned(),
        source,
        url: format!("https://api.github.com/repos/example/{slug}"),
        observed_at: at.parse().expect("a date"),
        raw: serde_json::json!({"archived": false, "pushed_at": "2026-11-01T00:00:00Z"}),
        findings: vec![Finding {
            criterion: "maintained".to_owned(),
            status: Status::Met,
            evidence: format!("https://github.com/example/{slug}/commits"),
            note: Localized {
                fr: "Dernier commit le 2026-11-01.".to_owned(),
                en: "Last commit on 2026-11-01.".to_owned(),
            },
        }],
        stale,
    }
}

#[tokio::test]
async fn an_identical_observation_moves_the_date_instead_of_adding_a_row() {
    let t = TestDb::migrated().await;
    let first = observation(
        "signal",
        EvidenceSource::Forge,
        "2026-12-01T10:00:00Z",
        Some(false),
    );
    let added = store::record(&t.conn, &first).await.expect("record");
    assert!(matches!(added, store::Recorded::Added(_)), "{added:?}");
    let mut again = first.clone();
    again.observed_at = "2026-12-02T10:00:00Z".parse().expect("date");
    let repeated = store::record(&t.conn, &again).await.expect("record again");
    assert_eq!(repeated, store::Recorded::Repeated(added.id()));

    let latest = store::latest_for_entry(&t.conn, "signal")
        .await
        .expect("latest");
    assert_eq!(latest.len(), 1);
    assert_eq!(latest[0].observation, again);
    assert_eq!(latest[0].first_observed_at, first.observed_at);

    let mut changed = again.clone();
    changed.observed_at = "2026-12-03T10:00:00Z".parse().expect("date");
    changed.stale = Some(true);
    let other = store::record(&t.conn, &changed)
        .await
        .expect("record a change");
    assert!(matches!(other, store::Recorded::Added(id) if id != added.id()));
    let counts = store::counts(&t.conn).await.expect("counts");
    assert_eq!(counts.observations, 2);
}

#[tokio::test]
async fn the_latest_observation_of_each_source_is_read_per_entry_and_for_the_catalogue() {
    let t = TestDb::migrated().await;
    for o in [
        observation(
            "signal",
            EvidenceSource::Forge,
            "2026-12-01T10:00:00Z",
            Some(true),
        ),
        observation(
            "signal",
            EvidenceSource::Forge,
            "2026-12-02T10:00:00Z",
            Some(false),
        ),
        observation(
            "signal",
            EvidenceSource::Website,
            "2026-12-01T11:00:00Z",
            None,
        ),
        observation(
            "croc",
            EvidenceSource::Forge,
            "2026-12-01T12:00:00Z",
            Some(true),
        ),
        observation("croc", EvidenceSource::Fdroid, "2026-12-01T12:30:00Z", None),
    ] {
        store::record(&t.conn, &o).await.expect("record");
    }
    let signal = store::latest_for_entry(&t.conn, "signal")
        .await
        .expect("signal");
    let sources: Vec<_> = signal.iter().map(|s| s.observation.source).collect();
    assert_eq!(sources, [EvidenceSource::Forge, EvidenceSource::Website]);
    assert_eq!(
        signal[0].observation.stale,
        Some(false),
        "the newer forge observation"
    );

    let all = store::latest_all(&t.conn).await.expect("all");
    assert_eq!(all.keys().collect::<Vec<_>>(), ["croc", "signal"]);
    assert_eq!(all["croc"].len(), 2);

    // signal was stale, then active again: only croc is stale now.
    let stale = store::stale_slugs(&t.conn).await.expect("stale");
    assert_eq!(stale.into_iter().collect::<Vec<_>>(), ["croc"]);

    let counts = store::counts(&t.conn).await.expect("counts");
    assert_eq!(counts.observations, 5);
    assert_eq!(counts.entries, 2);
    assert_eq!(counts.stale_entries, 1);
    assert_eq!(counts.by_source.get("forge"), Some(&3));
    assert_eq!(counts.by_source.get("fdroid"), Some(&1));
    assert!(
        store::latest_for_entry(&t.conn, "nobody")
            .await
            .expect("none")
            .is_empty()
    );
}
