//! Automated evidence once observed: its proposals, the scheduled job, and where it shows
//! (entry API and page, search hits). Through the library and the router on a real registry (a copy of
//! the seed catalogue in a git repository, and SQLite — or, when `DATABASE_URL` names a
//! PostgreSQL server, a database of its own per test; scripts/test runs this file both ways).
//!
//! The observations are made here, as the checks and importers would make them: these tests
//! check what the registry stores and proposes, not the checks.

mod common;

use std::sync::Arc;

use chrono::Utc;
use floss_registry::app::App;
use floss_registry::config::{Config, ConfigArgs, ServeArgs};
use floss_registry::db::entities::review_decisions::Decision;
use floss_registry::db::entities::{comments, submissions, users};
use floss_registry::evidence::{EvidenceSource, Finding, Observation, store};
use floss_registry::model::{Localized, Status};
use floss_registry::workflow::proposals::{self, Action};
use floss_registry::workflow::review::{self, DecisionInput};
use floss_registry::workflow::{Actor, Context, WorkflowError};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::Value;
use tower::ServiceExt as _;

/// A registry without HTTP: its workflow context over a copy of the seed catalogue.
struct Registry {
    app: Arc<App>,
    _state: tempfile::TempDir,
    _data: tempfile::TempDir,
}

impl Registry {
    async fn start() -> Registry {
        let data = tempfile::tempdir().expect("data dir");
        common::copy_dir(&common::seed_dir(), data.path());
        let state = tempfile::tempdir().expect("state dir");
        let args = ServeArgs {
            common: ConfigArgs {
                data: Some(data.path().to_owned()),
                state: Some(state.path().join("var")),
                config: None,
            },
            ..ServeArgs::default()
        };
        let db = common::postgres_database("floss_ev").await;
        let config = Config::resolve_with_env(&args, &|name| match name {
            "DATABASE_URL" => db.clone(),
            _ => None,
        })
        .expect("config");
        let app = App::start(config).await.expect("the registry starts");
        Registry {
            app: Arc::new(app),
            _state: state,
            _data: data,
        }
    }

    fn ctx(&self) -> &Context {
        &self.app.workflow
    }

    async fn observe(&self, o: &Observation) {
        store::record(self.ctx().db().expect("db"), o)
            .await
            .expect("record the observation");
    }

    async fn reviewer(&self, subject: &str) -> Actor {
        let now = Utc::now();
        let user = users::ActiveModel {
            provider: Set("test-oidc".into()),
            subject: Set(subject.into()),
            display_name: Set(format!("Reviewer {subject}")),
            email: Set(None),
            email_verified: Set(true),
            role: Set(users::Role::Reviewer),
            created_at: Set(now),
            last_login_at: Set(now),
            ..Default::default()
        }
        .insert(self.ctx().db().expect("db"))
        .await
        .expect("a reviewer");
        Actor::from_user(&user, users::Role::Reviewer)
    }

    /// A GET through the router: the status and the body.
    async fn get(&self, uri: &str) -> (u16, String) {
        let res = floss_registry::http::router(Arc::clone(&self.app))
            .oneshot(
                axum::http::Request::get(uri)
                    .body(axum::body::Body::empty())
                    .expect("request"),
            )
            .await
            .expect("the router answers");
        let status = res.status().as_u16();
        let body = http_body_util::BodyExt::collect(res.into_body())
            .await
            .expect("body")
            .to_bytes();
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    async fn get_json(&self, uri: &str) -> Value {
        let (status, body) = self.get(uri).await;
        assert_eq!(status, 200, "{uri}: {body}");
        serde_json::from_str(&body).expect("JSON")
    }

    async fn submissions_of(&self, slug: &str) -> Vec<submissions::Model> {
        submissions::Entity::find()
            .filter(submissions::Column::Slug.eq(slug))
            .order_by_asc(submissions::Column::Id)
            .all(self.ctx().db().expect("db"))
            .await
            .expect("submissions")
    }

    async fn comments_of(&self, id: i64) -> Vec<String> {
        comments::Entity::find()
            .filter(comments::Column::SubmissionId.eq(id))
            .order_by_asc(comments::Column::Id)
            .all(self.ctx().db().expect("db"))
            .await
            .expect("comments")
            .into_iter()
            .map(|c| c.body)
            .collect()
    }
}

fn finding(criterion: &str, status: Status, evidence: &str, en: &str) -> Finding {
    Finding {
        criterion: criterion.into(),
        status,
        evidence: evidence.into(),
        note: Localized {
            fr: format!("Observé : {en}"),
            en: en.into(),
        },
    }
}

/// funkwhale's forge as the GitLab check would see it (the seed records `maintained` as
/// unknown and `licence` as met).
fn forge(findings: Vec<Finding>) -> Observation {
    Observation {
        slug: "funkwhale".into(),
        source: EvidenceSource::Forge,
        url: "https://dev.funkwhale.audio/api/v4/projects/funkwhale%2Ffunkwhale".into(),
        observed_at: "2026-12-05T09:30:00Z".parse().expect("date"),
        raw: serde_json::json!({"archived": false, "last_activity_at": "2026-12-01T00:00:00Z"}),
        findings,
        stale: Some(false),
    }
}

fn maintained_met() -> Finding {
    finding(
        "maintained",
        Status::Met,
        "https://dev.funkwhale.audio/funkwhale/funkwhale/-/commits/develop",
        "Last commit on 2026-12-01.",
    )
}

/// The `[assessment.<criterion>]` table of `text`, parsed.
fn assessment(text: &str, criterion: &str) -> toml::Table {
    let doc: toml::Table = toml::from_str(text).expect("TOML");
    doc["assessment"][criterion]
        .as_table()
        .expect("an assessment table")
        .clone()
}

#[tokio::test]
async fn a_finding_that_settles_an_unknown_becomes_one_proposal_of_the_system_account() {
    let reg = Registry::start().await;
    reg.observe(&forge(vec![maintained_met()])).await;
    let outcomes = proposals::propose(reg.ctx(), None).await.expect("propose");
    assert_eq!(outcomes.len(), 1, "{outcomes:?}");
    assert_eq!(outcomes[0].action, Action::Created, "{outcomes:?}");

    let subs = reg.submissions_of("funkwhale").await;
    assert_eq!(subs.len(), 1);
    let sub = &subs[0];
    assert_eq!(sub.state, submissions::State::Open);
    assert_eq!(sub.kind, submissions::Kind::Change);
    let author = users::Entity::find_by_id(sub.author_id.expect("an author"))
        .one(reg.ctx().db().expect("db"))
        .await
        .expect("query")
        .expect("the system account");
    assert!(proposals::is_system(&author), "{author:?}");
    assert_eq!(author.display_name, "automated evidence");
    assert_eq!(author.role, users::Role::Submitter, "it cannot review");
    assert!(
        proposals::is_automated(sub),
        "shown with the automated-evidence badge"
    );

    // In the reviewers' queue like any submission.
    let reviewer = reg.reviewer("rev-q").await;
    let queue = review::queue(reg.ctx(), &reviewer, &review::QueueFilter::default())
        .await
        .expect("queue");
    assert!(
        queue
            .iter()
            .any(|s| s.id == sub.id && proposals::is_automated(s))
    );

    let maintained = assessment(&sub.entry_toml, "maintained");
    assert_eq!(maintained["status"].as_str(), Some("met"));
    assert_eq!(
        maintained["evidence"][0].as_str(),
        Some("https://dev.funkwhale.audio/funkwhale/funkwhale/-/commits/develop")
    );
    assert_eq!(maintained["assessed"].to_string(), "2026-12-05");
    assert_eq!(
        maintained["note"]["en"].as_str(),
        Some("Last commit on 2026-12-01.")
    );
    // Nothing else of the file changed: the licence and the review block are as recorded.
    assert_eq!(
        assessment(&sub.entry_toml, "licence")["status"].as_str(),
        Some("met")
    );
    assert!(sub.entry_toml.contains("status = \"community\""));

    let reason = reg.comments_of(sub.id).await;
    assert_eq!(reason.len(), 1, "the reason is the first comment");
    assert!(
        reason[0].contains("maintained: unknown → met"),
        "{}",
        reason[0]
    );
    assert!(
        reason[0].contains("https://dev.funkwhale.audio/api/v4/projects/funkwhale%2Ffunkwhale"),
        "the observation's source: {}",
        reason[0]
    );
    assert!(reason[0].contains("2026-12-05 09:30 UTC"), "{}", reason[0]);
}

#[tokio::test]
async fn a_check_that_contradicts_a_recorded_status_proposes_the_change_and_names_the_old_status() {
    let reg = Registry::start().await;
    reg.observe(&forge(vec![finding(
        "licence",
        Status::NotMet,
        "https://dev.funkwhale.audio/funkwhale/funkwhale/-/blob/develop/LICENSE",
        "The forge detects no licence file.",
    )]))
    .await;
    let outcomes = proposals::propose(reg.ctx(), None).await.expect("propose");
    assert_eq!(outcomes[0].action, Action::Created, "{outcomes:?}");
    let change = &outcomes[0].plan.changes[0];
    assert_eq!(
        (change.recorded, change.proposed),
        (Status::Met, Status::NotMet)
    );
    assert!(change.contradicts);

    let sub = &reg.submissions_of("funkwhale").await[0];
    assert_eq!(
        assessment(&sub.entry_toml, "licence")["status"].as_str(),
        Some("not-met")
    );
    let reason = &reg.comments_of(sub.id).await[0];
    assert!(
        reason.contains("licence: met → not-met — CONTRADICTS the recorded status `met`"),
        "{reason}"
    );
}

#[tokio::test]
async fn running_again_leaves_an_open_proposal_alone_or_updates_it_never_a_second_one() {
    let reg = Registry::start().await;
    reg.observe(&forge(vec![maintained_met()])).await;
    let first = proposals::propose(reg.ctx(), None)
        .await
        .expect("first run");
    let id = first[0].submission.expect("a submission");

    // The same observation a day later: same text, nothing to do.
    let mut later = forge(vec![maintained_met()]);
    later.observed_at = "2026-12-05T10:30:00Z".parse().expect("date");
    reg.observe(&later).await;
    let again = proposals::propose(reg.ctx(), None)
        .await
        .expect("second run");
    assert_eq!(again[0].action, Action::Unchanged, "{again:?}");
    assert_eq!(again[0].submission, Some(id));
    assert_eq!(reg.comments_of(id).await.len(), 1, "no new comment");

    // A new finding: the open proposal is updated, with a new reason.
    let mut more = later.clone();
    more.observed_at = "2026-12-06T08:00:00Z".parse().expect("date");
    more.findings.push(finding(
        "vulnerability-disclosure",
        Status::Met,
        "https://dev.funkwhale.audio/funkwhale/funkwhale/-/blob/develop/SECURITY.md",
        "A security policy is published (SECURITY.md).",
    ));
    reg.observe(&more).await;
    let third = proposals::propose(reg.ctx(), None)
        .await
        .expect("third run");
    assert_eq!(third[0].action, Action::Updated, "{third:?}");
    assert_eq!(third[0].submission, Some(id));
    let subs = reg.submissions_of("funkwhale").await;
    assert_eq!(subs.len(), 1, "still one proposal for the entry");
    assert_eq!(
        assessment(&subs[0].entry_toml, "vulnerability-disclosure")["status"].as_str(),
        Some("met")
    );
    assert_eq!(reg.comments_of(id).await.len(), 2);
}

#[tokio::test]
async fn an_importer_settles_unknowns_but_never_overwrites_a_human_assessment() {
    let reg = Registry::start().await;
    reg.observe(&Observation {
        slug: "funkwhale".into(),
        source: EvidenceSource::AwesomeSelfhosted,
        url: "https://github.com/awesome-selfhosted/awesome-selfhosted-data/blob/master/software/funkwhale.yml".into(),
        observed_at: "2026-12-05T09:30:00Z".parse().expect("date"),
        raw: serde_json::json!({"licenses": ["AGPL-3.0"]}),
        findings: vec![
            finding(
                "licence",
                Status::NotMet,
                "https://github.com/awesome-selfhosted/awesome-selfhosted-data/blob/master/software/funkwhale.yml",
                "Listed with another licence.",
            ),
            finding(
                "no-trackers",
                Status::Met,
                "https://github.com/awesome-selfhosted/awesome-selfhosted-data/blob/master/software/funkwhale.yml",
                "No tracking dependency listed.",
            ),
        ],
        stale: None,
    })
    .await;
    let outcomes = proposals::propose(reg.ctx(), None).await.expect("propose");
    let plan = &outcomes[0].plan;
    assert_eq!(plan.changes.len(), 1, "{plan:?}");
    assert_eq!(plan.changes[0].criterion, "no-trackers");
    assert_eq!(plan.listed.len(), 1, "{plan:?}");
    assert_eq!(plan.listed[0].criterion, "licence");

    let sub = &reg.submissions_of("funkwhale").await[0];
    assert_eq!(
        assessment(&sub.entry_toml, "licence")["status"].as_str(),
        Some("met")
    );
    assert_eq!(
        assessment(&sub.entry_toml, "no-trackers")["status"].as_str(),
        Some("met")
    );
    let reason = &reg.comments_of(sub.id).await[0];
    assert!(
        reason.contains("an importer never overwrites a human assessment"),
        "{reason}"
    );
}

#[tokio::test]
async fn a_reviewer_approves_a_proposal_and_it_merges_while_the_system_account_cannot_decide() {
    let reg = Registry::start().await;
    reg.observe(&forge(vec![maintained_met()])).await;
    let outcomes = proposals::propose(reg.ctx(), None).await.expect("propose");
    let id = outcomes[0].submission.expect("a submission");

    // The system account is the author: four-eyes keeps it from deciding, and it is no reviewer.
    let sub = &reg.submissions_of("funkwhale").await[0];
    let system = Actor {
        id: sub.author_id.expect("author"),
        display_name: "automated evidence".into(),
        role: users::Role::Submitter,
        via_token: false,
    };
    let refused = review::decide(
        reg.ctx(),
        &system,
        id,
        DecisionInput {
            decision: Decision::Approve,
            reason: None,
            verdicts: Vec::new(),
        },
    )
    .await
    .expect_err("the system account cannot decide");
    assert!(
        matches!(refused, WorkflowError::Forbidden(_)),
        "{refused:?}"
    );
    let before = reg.app.snapshot();
    assert_eq!(
        before.catalogue.entries["funkwhale"].assessment["maintained"].status,
        Status::Unknown,
        "nothing merged by a machine"
    );

    let reviewer = reg.reviewer("rev-1").await;
    let decision = review::decide(
        reg.ctx(),
        &reviewer,
        id,
        DecisionInput {
            decision: Decision::Approve,
            reason: Some("Commits checked on the forge.".into()),
            verdicts: Vec::new(),
        },
    )
    .await
    .expect("approved");
    assert!(decision.merge_commit.is_some(), "{decision:?}");
    let after = reg.app.snapshot();
    let maintained = &after.catalogue.entries["funkwhale"].assessment["maintained"];
    assert_eq!(maintained.status, Status::Met);
    assert_eq!(
        maintained.evidence,
        ["https://dev.funkwhale.audio/funkwhale/funkwhale/-/commits/develop"]
    );

    // A later run proposes nothing: the entry now records what the forge shows.
    let later = proposals::propose(reg.ctx(), None).await.expect("again");
    assert_eq!(later[0].action, Action::Nothing, "{later:?}");
    assert_eq!(reg.submissions_of("funkwhale").await.len(), 1);
}

#[tokio::test]
async fn the_entry_api_and_page_show_what_was_observed_and_the_stale_flag() {
    let reg = Registry::start().await;
    let mut stale = forge(vec![finding(
        "maintained",
        Status::NotMet,
        "https://dev.funkwhale.audio/funkwhale/funkwhale/-/commits/develop",
        "No commit since 2025-06-01.",
    )]);
    stale.stale = Some(true);
    reg.observe(&stale).await;

    // Not stale anywhere until the served set is refreshed (after checks, by the jobs).
    let before = reg.get_json("/api/v1/search?q=funkwhale").await;
    assert_eq!(before["hits"][0]["slug"], "funkwhale");
    assert_eq!(before["hits"][0]["stale"], false);
    reg.ctx()
        .stale
        .refresh(reg.ctx().db().expect("db"))
        .await
        .expect("refresh");

    let entry = reg.get_json("/api/v1/entries/funkwhale").await;
    assert_eq!(entry["stale"], true, "{entry}");
    let evidence = &entry["automated_evidence"];
    assert_eq!(evidence["available"], true);
    let o = &evidence["observations"][0];
    assert_eq!(o["source"], "forge");
    assert_eq!(
        o["url"],
        "https://dev.funkwhale.audio/api/v4/projects/funkwhale%2Ffunkwhale"
    );
    assert_eq!(o["observed_at"], "2026-12-05T09:30:00Z");
    assert_eq!(o["findings"][0]["criterion"], "maintained");
    assert_eq!(o["findings"][0]["status"], "not-met");
    assert_eq!(o["stale"], true);
    // The assessment itself is untouched: machines never decide.
    assert_eq!(entry["assessment"]["maintained"]["status"], "unknown");
    let other = reg.get_json("/api/v1/entries/signal").await;
    assert_eq!(other["stale"], false);
    assert_eq!(
        other["automated_evidence"]["observations"],
        Value::Array(vec![])
    );

    let hits = reg.get_json("/api/v1/search?q=funkwhale").await;
    assert_eq!(hits["hits"][0]["stale"], true, "{hits}");

    let (status, en) = reg.get("/en/entries/funkwhale").await;
    assert_eq!(status, 200);
    for needle in [
        "Automated evidence",
        "Machine-observed, not a decision",
        "No commit since 2025-06-01.",
        "pill-stale",
        "Source forge",
    ] {
        assert!(en.contains(needle), "`{needle}` not on the English page");
    }
    let (_, fr) = reg.get("/fr/entries/funkwhale").await;
    for needle in [
        "Preuves automatisées",
        "ce n&#39;est pas une décision",
        "Observé : No commit",
    ] {
        assert!(fr.contains(needle), "`{needle}` not on the French page");
    }
    let (_, none) = reg.get("/en/entries/signal").await;
    assert!(none.contains("No automated observation yet."));
    assert!(!none.contains("pill-stale\""));
    let (_, search) = reg.get("/en/search?q=funkwhale").await;
    assert!(
        search.contains("pill-stale"),
        "the stale flag in search results"
    );
}

#[tokio::test]
async fn the_scheduled_job_refreshes_the_stale_set_and_proposes() {
    let reg = Registry::start().await;
    let mut o = forge(vec![maintained_met()]);
    o.stale = Some(true);
    reg.observe(&o).await;
    let checker =
        floss_registry::evidence::checks::Checker::new(Default::default()).expect("a checker");
    // No entry to check: what is stored is refreshed and proposed.
    let report =
        floss_registry::workflow::evidence_job::run_once(reg.ctx(), &checker, Vec::new()).await;
    assert_eq!(report.failed, 0);
    assert_eq!(report.stale, 1);
    assert_eq!(report.proposals_made, 1, "{report:?}");
    assert!(reg.ctx().stale.contains("funkwhale"));
    let again =
        floss_registry::workflow::evidence_job::run_once(reg.ctx(), &checker, Vec::new()).await;
    assert_eq!(again.proposals_made, 0, "no duplicate: {again:?}");
    assert_eq!(reg.submissions_of("funkwhale").await.len(), 1);
}

#[tokio::test]
async fn the_openapi_document_describes_every_field_of_automated_evidence() {
    let reg = Registry::start().await;
    let doc = reg.get_json("/api/v1/openapi.json").await;
    let schemas = &doc["components"]["schemas"];
    let props = |name: &str| schemas[name]["properties"].clone();
    let entry = props("EntryDetail");
    assert!(entry["stale"].is_object(), "{entry}");
    assert!(entry["automated_evidence"].is_object(), "{entry}");
    let evidence = props("AutomatedEvidence");
    assert!(evidence["observations"].is_object() && evidence["available"].is_object());
    let observation = props("Observation");
    for field in [
        "slug",
        "source",
        "url",
        "observed_at",
        "raw",
        "findings",
        "stale",
    ] {
        assert!(
            observation[field].is_object(),
            "Observation.{field}: {observation}"
        );
    }
    let finding = props("Finding");
    for field in ["criterion", "status", "evidence", "note"] {
        assert!(finding[field].is_object(), "Finding.{field}: {finding}");
    }
    assert!(props("Hit")["stale"].is_object());
    assert!(props("SubmissionView")["automated"].is_object());
}

#[tokio::test]
async fn a_new_entry_from_an_importer_becomes_one_creation_proposal() {
    let reg = Registry::start().await;
    let text = std::fs::read_to_string(common::seed_dir().join("entries/funkwhale.toml"))
        .expect("seed entry")
        .replacen("slug = \"funkwhale\"", "slug = \"quokka-tunes\"", 1)
        .replacen("name = \"Funkwhale\"", "name = \"Quokka Tunes\"", 1);
    let new = floss_registry::evidence::import::NewEntry {
        slug: "quokka-tunes".into(),
        entry_toml: text.clone(),
        observation: Observation {
            slug: "quokka-tunes".into(),
            ..forge(Vec::new())
        },
    };
    let made = proposals::propose_new_entries(reg.ctx(), std::slice::from_ref(&new))
        .await
        .expect("propose");
    assert_eq!(made[0].action, Action::Created, "{made:?}");
    let subs = reg.submissions_of("quokka-tunes").await;
    assert_eq!(subs.len(), 1);
    assert_eq!(subs[0].kind, submissions::Kind::New);
    assert_eq!(subs[0].entry_toml, text);
    assert!(proposals::is_automated(&subs[0]));
    assert!(
        reg.comments_of(subs[0].id).await[0].contains("New entry proposed by automated evidence")
    );

    let again = proposals::propose_new_entries(reg.ctx(), &[new])
        .await
        .expect("again");
    assert_eq!(again[0].action, Action::Unchanged);
    assert_eq!(reg.submissions_of("quokka-tunes").await.len(), 1);
}
