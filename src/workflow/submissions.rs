//! Submitting: a project proposes a new entry or a change, sees the validator's verdict at
//! once, answers reviewers and pushes updates. The text is stored in the database before git
//! is touched, so nothing typed is lost when the repository is unavailable (`pending-git`,
//! retried by the jobs).

use chrono::Utc;
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;

use super::context::Context;
use super::rules::Action;
use super::{Actor, StoredDiagnostic, WorkflowError, branch_name, noreply_email, pseudonym};
use crate::catalogue::Snapshot;
use crate::db::audit;
use crate::db::entities::submissions::{self, Kind, State};
use crate::db::entities::{comments, users};
use crate::git::Author;
use crate::model::Entry;

/// Longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 5_000;

/// A typed entry checked by the validator against the current catalogue.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The slug the text declares (`None` when it cannot be read at all).
    pub slug: Option<String>,
    pub kind: Kind,
    pub entry: Option<Entry>,
    pub diagnostics: Vec<StoredDiagnostic>,
    /// The validator's report as stored (JSON text).
    pub report_json: String,
}

impl Checked {
    pub fn is_valid(&self) -> bool {
        self.entry.is_some() && !self.diagnostics.iter().any(StoredDiagnostic::is_error)
    }

    fn into_error(self) -> WorkflowError {
        WorkflowError::Invalid {
            message: "the entry does not pass validation; nothing was submitted".into(),
            diagnostics: self.diagnostics,
        }
    }
}

/// Runs the catalogue's validator on one entry file's text, as `floss-registry validate`
/// would on `entries/<slug>.toml`, plus the checks across files that concern a single entry
/// (its name must not be another entry's): what passes here, written over the catalogue's
/// `entries/<slug>.toml`, leaves a data tree that `validate` accepts.
pub fn check(snapshot: &Snapshot, text: &str) -> Checked {
    let declared = toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| t.get("slug").and_then(|s| s.as_str()).map(str::to_owned))
        .filter(|s| crate::model::is_valid_slug(s));
    let file = format!(
        "entries/{}.toml",
        declared.as_deref().unwrap_or("submission")
    );
    let (entry, diagnostics) =
        crate::data::parse_entry_text(text, &file, &snapshot.catalogue, super::today());
    let mut report = crate::data::Report {
        diagnostics,
        files_checked: 1,
    };
    let kind = match &declared {
        Some(slug) if snapshot.catalogue.entries.contains_key(slug) => Kind::Change,
        _ => Kind::New,
    };
    if let Some(e) = &entry {
        let key = crate::data::name_key(&e.name);
        let taken = snapshot
            .catalogue
            .entries
            .values()
            .find(|other| other.slug != e.slug && crate::data::name_key(&other.name) == key);
        if let Some(other) = taken {
            report.push(
                crate::data::Diagnostic::error(
                    crate::data::codes::DUPLICATE_NAME,
                    &file,
                    format!(
                        "the name `{}` is already the name of entry `{}`",
                        e.name, other.slug
                    ),
                )
                .with_hint(format!(
                    "to change that entry, propose a change from its page (/fr/submit?slug={})",
                    other.slug
                )),
            );
        }
    }
    report.sort();
    let diagnostics: Vec<StoredDiagnostic> = report
        .diagnostics
        .iter()
        .map(StoredDiagnostic::from)
        .collect();
    let valid = report.is_valid();
    Checked {
        slug: declared,
        kind,
        entry: if valid { entry } else { None },
        report_json: report.render_json().to_string(),
        diagnostics,
    }
}

/// The current file of the catalogue's entry `slug` (the base a change is made on): from the
/// data repository's main branch, or from the data directory when git could not be opened.
/// `None` when there is no such entry or it cannot be read (the change is then written as a
/// fresh file, and the diff shows it whole).
pub async fn current_text(ctx: &Context, slug: &str) -> Option<String> {
    let path = format!("entries/{slug}.toml");
    let found = if ctx.repo.is_some() {
        super::with_repo(ctx, move |repo| repo.read_file("main", &path))
            .await
            .map(|bytes| bytes.and_then(|b| String::from_utf8(b).ok()))
    } else {
        // Read as the loader reads it: a link is not followed, nor an oversized file read.
        let file = ctx.catalogue.data_dir().join(&path);
        tokio::task::spawn_blocking(move || crate::data::read_text(&file, &path).ok())
            .await
            .map_err(|e| WorkflowError::Internal(e.to_string()))
    };
    found.unwrap_or_else(|e| {
        tracing::warn!(slug, error = %crate::util::escaped(&e), "the current entry file cannot be read");
        None
    })
}

/// The submission `actor` still has under review for `slug`, if any (one at a time).
pub async fn open_of(
    ctx: &Context,
    actor: &Actor,
    slug: &str,
) -> Result<Option<submissions::Model>, WorkflowError> {
    Ok(submissions::Entity::find()
        .filter(submissions::Column::Slug.eq(slug))
        .filter(submissions::Column::AuthorId.eq(actor.id))
        .filter(submissions::Column::State.is_in([
            State::PendingGit,
            State::Open,
            State::ChangesRequested,
        ]))
        .one(ctx.db()?)
        .await?)
}

/// Proposes an entry: validates it, stores it, writes it on its own branch. Returns the
/// submission, `open` or, when git is unavailable, `pending-git` (kept and retried).
pub async fn create(
    ctx: &Context,
    actor: &Actor,
    text: String,
) -> Result<submissions::Model, WorkflowError> {
    let checked = check(&ctx.snapshot(), &text);
    if !checked.is_valid() {
        return Err(checked.into_error());
    }
    let Some(slug) = checked.slug.clone() else {
        return Err(checked.into_error());
    };
    if let Some(s) = open_of(ctx, actor, &slug).await? {
        return Err(WorkflowError::Conflict(format!(
            "you already have submission #{} open for `{slug}`: update it instead",
            s.id
        )));
    }
    let user = users::Entity::find_by_id(actor.id)
        .one(ctx.db()?)
        .await?
        .ok_or_else(|| WorkflowError::NotFound("your account no longer exists".into()))?;
    let base_commit = ctx
        .snapshot()
        .data_commit
        .clone()
        .unwrap_or_else(|| "unknown".into());
    let now = Utc::now();
    let txn = ctx.db()?.begin().await?;
    let row = submissions::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        slug: Set(slug.clone()),
        kind: Set(checked.kind),
        state: Set(State::PendingGit),
        branch: Set(None),
        base_commit: Set(base_commit),
        head_commit: Set(None),
        entry_toml: Set(text),
        validation_report: Set(checked.report_json),
        author_id: Set(Some(actor.id)),
        author_pseudonym: Set(pseudonym(&user)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(actor.id),
        "submission.create",
        &format!("submission:{}", row.id),
        &json!({"slug": slug, "kind": checked.kind.to_value()}),
    )
    .await?;
    txn.commit().await?;
    Ok(write_to_git(ctx, row, &format!("Propose {slug}")).await)
}

/// Writes a stored submission's text on its branch. On failure the submission stays as it
/// was (`pending-git` for one never written) and the error is logged: the jobs retry.
pub async fn write_to_git(
    ctx: &Context,
    row: submissions::Model,
    message: &str,
) -> submissions::Model {
    match try_write_to_git(ctx, &row, message).await {
        Ok(updated) => {
            let event = if row.branch.is_none() {
                super::forge::Event::Opened
            } else {
                super::forge::Event::Updated
            };
            super::forge::tell(ctx, &updated, event).await;
            updated
        }
        Err(e) => {
            tracing::warn!(submission = row.id, error = %crate::util::escaped(&e), "submission kept, not yet in git (retried later)");
            row
        }
    }
}

async fn try_write_to_git(
    ctx: &Context,
    row: &submissions::Model,
    message: &str,
) -> Result<submissions::Model, WorkflowError> {
    let author = match row.author_id {
        Some(id) => users::Entity::find_by_id(id).one(ctx.db()?).await?,
        None => None,
    };
    let author = Author {
        name: author.map_or_else(|| row.author_pseudonym.clone(), |u| u.display_name),
        email: noreply_email(row.author_id.unwrap_or(0), &ctx.settings.public_url),
    };
    let branch = branch_name(row.id, &row.slug);
    let path = format!("entries/{}.toml", row.slug);
    let text = row.entry_toml.clone();
    let message = format!("{message} (submission #{})", row.id);
    let head = {
        let branch = branch.clone();
        super::with_repo(ctx, move |repo| {
            repo.commit_file(&branch, &path, text.as_bytes(), &author, &message)
        })
        .await?
    };
    let mut active: submissions::ActiveModel = row.clone().into();
    active.branch = Set(Some(branch));
    active.head_commit = Set(Some(head));
    if row.state == State::PendingGit {
        active.state = Set(State::Open);
    }
    Ok(active.update(ctx.db()?).await?)
}

/// Loads a submission the actor may see: its author, or a reviewer.
pub async fn visible(
    ctx: &Context,
    actor: &Actor,
    id: i64,
) -> Result<submissions::Model, WorkflowError> {
    let row = submissions::Entity::find_by_id(id)
        .one(ctx.db()?)
        .await?
        .ok_or_else(|| WorkflowError::NotFound(format!("there is no submission #{id}")))?;
    super::rules::check(actor, &row, Action::See)?;
    Ok(row)
}

/// The author pushes a new version: validated again, a new commit on the same branch, and
/// the submission goes back to the reviewers.
pub async fn update(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    text: String,
) -> Result<submissions::Model, WorkflowError> {
    let row = visible(ctx, actor, id).await?;
    super::rules::check(actor, &row, Action::Update)?;
    let checked = check(&ctx.snapshot(), &text);
    if checked.slug.as_deref() != Some(row.slug.as_str()) && checked.slug.is_some() {
        return Err(WorkflowError::invalid(format!(
            "this submission is about `{}`; to propose another entry, make a new submission",
            row.slug
        )));
    }
    if !checked.is_valid() {
        return Err(checked.into_error());
    }
    let txn = ctx.db()?.begin().await?;
    let mut active: submissions::ActiveModel = row.clone().into();
    active.entry_toml = Set(text);
    active.validation_report = Set(checked.report_json);
    active.updated_at = Set(Utc::now());
    if row.state == State::ChangesRequested {
        active.state = Set(State::Open);
    }
    let updated = active.update(&txn).await?;
    audit::record(
        &txn,
        Some(actor.id),
        "submission.update",
        &format!("submission:{id}"),
        &json!({"slug": row.slug}),
    )
    .await?;
    txn.commit().await?;
    Ok(write_to_git(ctx, updated, &format!("Update {}", row.slug)).await)
}

/// A comment by the author or a reviewer.
pub async fn comment(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    body: &str,
) -> Result<comments::Model, WorkflowError> {
    let row = visible(ctx, actor, id).await?;
    let body = body.trim();
    if body.is_empty() {
        return Err(WorkflowError::invalid("the comment is empty"));
    }
    let chars = body.chars().count();
    if chars > MAX_COMMENT_CHARS {
        return Err(WorkflowError::invalid(format!(
            "the comment has {chars} characters; at most {MAX_COMMENT_CHARS}"
        )));
    }
    let txn = ctx.db()?.begin().await?;
    let c = comments::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        submission_id: Set(row.id),
        author_id: Set(Some(actor.id)),
        body: Set(body.to_owned()),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(actor.id),
        "submission.comment",
        &format!("submission:{id}"),
        &json!({"comment": c.id}),
    )
    .await?;
    txn.commit().await?;
    Ok(c)
}

/// The author withdraws a submission that is still under review.
pub async fn withdraw(
    ctx: &Context,
    actor: &Actor,
    id: i64,
) -> Result<submissions::Model, WorkflowError> {
    let row = visible(ctx, actor, id).await?;
    super::rules::check(actor, &row, Action::Withdraw)?;
    let txn = ctx.db()?.begin().await?;
    let mut active: submissions::ActiveModel = row.into();
    active.state = Set(State::Withdrawn);
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    audit::record(
        &txn,
        Some(actor.id),
        "submission.withdraw",
        &format!("submission:{id}"),
        &json!({}),
    )
    .await?;
    txn.commit().await?;
    if updated.branch.is_some() {
        super::forge::tell(ctx, &updated, super::forge::Event::Closed).await;
    }
    Ok(updated)
}

/// The actor's own submissions, newest first.
pub async fn mine(ctx: &Context, actor: &Actor) -> Result<Vec<submissions::Model>, WorkflowError> {
    Ok(submissions::Entity::find()
        .filter(submissions::Column::AuthorId.eq(actor.id))
        .order_by_desc(submissions::Column::CreatedAt)
        .all(ctx.db()?)
        .await?)
}

/// A comment with the name shown for its author.
#[derive(Debug, Clone)]
pub struct CommentView {
    pub author: String,
    pub is_reviewer: bool,
    pub body: String,
    pub at: chrono::DateTime<Utc>,
}

/// The comments of a submission, oldest first, with their authors' names (a deleted
/// account shows its pseudonym).
pub async fn comments_of(
    ctx: &Context,
    submission: &submissions::Model,
) -> Result<Vec<CommentView>, WorkflowError> {
    let rows = comments::Entity::find()
        .filter(comments::Column::SubmissionId.eq(submission.id))
        .order_by_asc(comments::Column::CreatedAt)
        .find_also_related(users::Entity)
        .all(ctx.db()?)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(c, user)| {
            let is_author = c.author_id.is_some() && c.author_id == submission.author_id;
            CommentView {
                // The submitter appears under the same pseudonym as on the submission (their
                // name is never shown next to it); reviewers under their name, as on their
                // published decisions. A deleted account's name was replaced by its pseudonym.
                author: if is_author {
                    submission.author_pseudonym.clone()
                } else {
                    user.map_or_else(|| "—".to_owned(), |u| u.display_name)
                },
                is_reviewer: !is_author,
                body: c.body,
                at: c.created_at,
            }
        })
        .collect())
}

/// The stored diagnostics of a submission.
pub fn diagnostics_of(submission: &submissions::Model) -> Vec<StoredDiagnostic> {
    serde_json::from_str::<serde_json::Value>(&submission.validation_report)
        .ok()
        .and_then(|v| v.get("diagnostics").cloned())
        .and_then(|d| serde_json::from_value(d).ok())
        .unwrap_or_default()
}
