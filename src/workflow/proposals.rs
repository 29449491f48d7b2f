//! Proposals of automated evidence: what checks and importers found becomes ordinary
//! submissions of a system account, "automated evidence", one per entry, decided by reviewers
//! through the four-eyes workflow like any other (nothing is merged by a machine).
//!
//! The account is a `users` row with a reserved provider that no login can produce (provider
//! ids are slugs, and this one holds a colon); it never has a session and stays a submitter,
//! so it cannot review. Its proposal's first comment is the reason: the observations, where and
//! when they were made, and what the entry recorded. Running again updates an open proposal
//! whose text would change and leaves the others alone: never a second one for an entry.
//! What a proposal contains is decided by [`plan`].

pub mod plan;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;

use super::context::Context;
use super::{Actor, WorkflowError, submissions as sub};
use crate::db::entities::submissions;
use crate::db::entities::users::{self, Role};
use crate::evidence::import::NewEntry;
use crate::evidence::store;

pub use plan::{Change, Listed, Plan};

/// The provider of the system account: not a slug, so no configured provider has this id.
pub const SYSTEM_PROVIDER: &str = "system:automated-evidence";
pub const SYSTEM_SUBJECT: &str = "automated-evidence";
/// Its name, shown as the author of its proposals.
pub const SYSTEM_NAME: &str = "automated evidence";

/// Whether `user` is the system account.
pub fn is_system(user: &users::Model) -> bool {
    user.provider == SYSTEM_PROVIDER && user.subject == SYSTEM_SUBJECT
}

/// Whether a submission is a proposal of the system account (shown with an "automated
/// evidence" badge). Read from the pseudonym stored with it, so no account lookup is needed.
pub fn is_automated(submission: &submissions::Model) -> bool {
    submission.author_pseudonym == super::pseudonym_of(SYSTEM_PROVIDER, SYSTEM_SUBJECT)
}

/// The system account's id, when it exists (it is made by the first proposal).
pub async fn system_account_id(ctx: &Context) -> Result<Option<i64>, WorkflowError> {
    Ok(users::Entity::find()
        .filter(users::Column::Provider.eq(SYSTEM_PROVIDER))
        .filter(users::Column::Subject.eq(SYSTEM_SUBJECT))
        .one(ctx.db()?)
        .await?
        .map(|u| u.id))
}

/// The system account, made when missing; as an actor it is a submitter and nothing more.
async fn system_actor(ctx: &Context) -> Result<Actor, WorkflowError> {
    let find = || {
        users::Entity::find()
            .filter(users::Column::Provider.eq(SYSTEM_PROVIDER))
            .filter(users::Column::Subject.eq(SYSTEM_SUBJECT))
    };
    let user = match find().one(ctx.db()?).await? {
        Some(u) => u,
        None => {
            let now = Utc::now();
            let made = users::ActiveModel {
                id: sea_orm::ActiveValue::NotSet,
                provider: Set(SYSTEM_PROVIDER.to_owned()),
                subject: Set(SYSTEM_SUBJECT.to_owned()),
                display_name: Set(SYSTEM_NAME.to_owned()),
                email: Set(None),
                email_verified: Set(false),
                role: Set(Role::Submitter),
                created_at: Set(now),
                last_login_at: Set(now),
                pseudonymised_at: Set(None),
            }
            .insert(ctx.db()?)
            .await;
            match made {
                Ok(u) => u,
                // Made meanwhile by another run: read it.
                Err(_) => find().one(ctx.db()?).await?.ok_or_else(|| {
                    WorkflowError::Internal("the automated-evidence account cannot be made".into())
                })?,
            }
        }
    };
    Ok(Actor {
        id: user.id,
        display_name: user.display_name,
        role: Role::Submitter,
        via_token: false,
    })
}

/// What happened to one entry's proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// A new submission.
    Created,
    /// The open proposal's text changed.
    Updated,
    /// The open proposal already says this.
    Unchanged,
    /// The observations change nothing in the entry.
    Nothing,
    /// Something went wrong; see `error`.
    Failed,
}

/// One entry's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub slug: String,
    pub action: Action,
    pub submission: Option<i64>,
    pub plan: Plan,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Outcome {
    fn failed(slug: &str, plan: Plan, error: &WorkflowError) -> Outcome {
        Outcome {
            slug: slug.to_owned(),
            action: Action::Failed,
            submission: None,
            plan,
            error: Some(error.to_string()),
        }
    }
}

/// Proposes, for each entry of `slugs` (every observed entry with `None`), what its latest
/// stored observations support. One entry's failure is reported and the others go on.
pub async fn propose(
    ctx: &Context,
    slugs: Option<&[String]>,
) -> Result<Vec<Outcome>, WorkflowError> {
    let actor = system_actor(ctx).await?;
    let latest = store::latest_all(ctx.db()?).await?;
    let snapshot = ctx.snapshot();
    let mut outcomes = Vec::new();
    for (slug, stored) in &latest {
        if slugs.is_some_and(|only| !only.contains(slug)) {
            continue;
        }
        let Some(entry) = snapshot.catalogue.entries.get(slug) else {
            continue;
        };
        let observations: Vec<_> = stored.iter().map(|s| s.observation.clone()).collect();
        let plan = plan::plan(entry, &observations);
        let outcome = match propose_one(ctx, &actor, slug, &plan).await {
            Ok((action, submission)) => Outcome {
                slug: slug.clone(),
                action,
                submission,
                plan,
                error: None,
            },
            Err(e) => Outcome::failed(slug, plan, &e),
        };
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

async fn propose_one(
    ctx: &Context,
    actor: &Actor,
    slug: &str,
    plan: &Plan,
) -> Result<(Action, Option<i64>), WorkflowError> {
    let open = sub::open_of(ctx, actor, slug).await?;
    if plan.changes.is_empty() {
        return Ok((Action::Nothing, open.map(|o| o.id)));
    }
    let current = sub::current_text(ctx, slug).await.ok_or_else(|| {
        WorkflowError::NotFound(format!("the file of entry `{slug}` cannot be read"))
    })?;
    let mut text = current;
    for change in &plan.changes {
        text = super::entry_toml::apply_assessments(&text, &[change.verdict()], change.assessed())
            .map_err(|e| WorkflowError::invalid(format!("entries/{slug}.toml: {e}")))?;
    }
    let reason = reason(slug, plan);
    write(ctx, actor, open, text, &reason).await
}

/// Creates the proposal, or updates the open one when its text changes; the reason is its
/// comment.
async fn write(
    ctx: &Context,
    actor: &Actor,
    open: Option<submissions::Model>,
    text: String,
    reason: &str,
) -> Result<(Action, Option<i64>), WorkflowError> {
    let (action, row) = match open {
        Some(row) if row.entry_toml == text => return Ok((Action::Unchanged, Some(row.id))),
        Some(row) => (
            Action::Updated,
            sub::update(ctx, actor, row.id, text).await?,
        ),
        None => (Action::Created, sub::create(ctx, actor, text).await?),
    };
    sub::comment(ctx, actor, row.id, reason).await?;
    Ok((action, Some(row.id)))
}

/// Proposes the new entries an importer found, each as a creation by the system account;
/// an entry the catalogue has meanwhile is left out (its observation is proposed as a change).
pub async fn propose_new_entries(
    ctx: &Context,
    new_entries: &[NewEntry],
) -> Result<Vec<Outcome>, WorkflowError> {
    let actor = system_actor(ctx).await?;
    let snapshot = ctx.snapshot();
    let mut outcomes = Vec::new();
    for new in new_entries {
        if snapshot.catalogue.entries.contains_key(&new.slug) {
            continue;
        }
        let o = &new.observation;
        let reason = format!(
            "Nouvelle entrée proposée par des preuves automatisées, à décider par un relecteur.\n\
             New entry proposed by automated evidence, to be decided by a reviewer.\n\n\
             Source: {} — {} (observed {})\n\
             Every criterion the data does not establish is `unknown`.",
            o.source.id(),
            o.url,
            o.observed_at.format("%Y-%m-%d %H:%M UTC"),
        );
        let result = async {
            let open = sub::open_of(ctx, &actor, &new.slug).await?;
            write(ctx, &actor, open, new.entry_toml.clone(), &reason).await
        }
        .await;
        outcomes.push(match result {
            Ok((action, submission)) => Outcome {
                slug: new.slug.clone(),
                action,
                submission,
                plan: Plan::default(),
                error: None,
            },
            Err(e) => Outcome::failed(&new.slug, Plan::default(), &e),
        });
    }
    Ok(outcomes)
}

/// The reason written as the proposal's comment: what is proposed and on which observations,
/// what the entry recorded, and what was left to the reviewer. Bounded to a comment's length.
pub fn reason(slug: &str, plan: &Plan) -> String {
    let mut lines = vec![
        format!(
            "Preuves automatisées pour `{slug}` : observé par des machines, à décider par un relecteur."
        ),
        format!("Automated evidence for `{slug}`: machine-observed, to be decided by a reviewer."),
        String::new(),
        "Proposed / Proposé :".to_owned(),
    ];
    for c in &plan.changes {
        let what = if c.contradicts {
            format!(
                "- {}: {} → {} — CONTRADICTS the recorded status `{}` / contredit le statut enregistré `{}`",
                c.criterion,
                c.recorded.id(),
                c.proposed.id(),
                c.recorded.id(),
                c.recorded.id()
            )
        } else {
            format!("- {}: unknown → {}", c.criterion, c.proposed.id())
        };
        lines.push(what);
        lines.push(format!("  EN: {}", c.note.en));
        lines.push(format!("  FR: {}", c.note.fr));
        for s in &c.seen {
            lines.push(format!(
                "  observed by {} at {} on {}",
                s.source.id(),
                s.url,
                s.observed_at.format("%Y-%m-%d %H:%M UTC")
            ));
        }
        lines.push(format!("  evidence: {}", c.evidence.join(" ")));
    }
    if !plan.listed.is_empty() {
        lines.push(String::new());
        lines.push(
            "Not proposed, for the reviewer's information / Non proposé, pour information :".into(),
        );
        for l in &plan.listed {
            lines.push(format!(
                "- {}: recorded `{}`, {} found `{}` at {} — {}",
                l.criterion,
                l.recorded.id(),
                l.seen.source.id(),
                l.found.id(),
                l.seen.url,
                l.why
            ));
        }
    }
    bounded(lines, sub::MAX_COMMENT_CHARS)
}

/// The lines joined, cut at a line boundary so that the text stays within `max` characters.
fn bounded(lines: Vec<String>, max: usize) -> String {
    let total = lines.len();
    let mut out = String::new();
    let mut used = 0;
    for (i, line) in lines.iter().enumerate() {
        let more = format!("\n… ({} more lines)", total - i);
        let needed = line.chars().count() + 1;
        if used + needed + more.chars().count() > max {
            out.push_str(&more);
            return out;
        }
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
        used += needed;
    }
    out
}
