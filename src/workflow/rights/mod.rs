//! The rights-request observatory's workflow: a logged-in person reports a request they made
//! to a service of the catalogue under the GDPR (and later its answer), edits or deletes it;
//! reviewers see the reports the limits flagged or that carry free text, and hide one with a
//! reason. Every action is in the audit log (without the free text). What is *published* is
//! only what [`aggregate`] lets out.
//!
//! # Limits per account, and why
//!
//! - [`MAX_PER_DAY`] new reports in any 24 hours, and [`MAX_PER_ACCOUNT`] in all: a person
//!   makes a few requests a year, so these never stop someone honest, and they stop one
//!   account from flooding a service's figures. Past them, creation is refused (409) with
//!   the limit named.
//! - Past [`FLAG_AFTER_PER_DAY`] reports in 24 hours, or a second report of the same right
//!   to the same service sent within [`REPEAT_DAYS`] days of another one (likely the same
//!   request twice), the report is accepted but *flagged* for reviewers, who may hide it.
//! - Free text ([`MAX_NOTE_CHARS`]) is never published; reviewers read it before anyone
//!   could be named in it, and hide the report if needed.
//!
//! The aggregates count different accounts for their threshold, so flooding from one
//! account cannot open a group on its own either (see [`aggregate`]).

pub mod aggregate;

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;

use super::context::Context;
use super::{Actor, StoredDiagnostic, WorkflowError};
use crate::catalogue::Snapshot;
use crate::db::audit;
use crate::db::entities::rights_reports::{
    self, Channel, Completeness, Format, GdprRight, Outcome,
};

/// New reports one account may make in any 24 hours.
pub const MAX_PER_DAY: u64 = 10;
/// Reports past this number in 24 hours are flagged for reviewers.
pub const FLAG_AFTER_PER_DAY: u64 = 5;
/// Reports one account may hold in all.
pub const MAX_PER_ACCOUNT: u64 = 200;
/// A second report of the same right to the same service sent within this many days of
/// another is flagged as a possible repeat.
pub const REPEAT_DAYS: i64 = 90;
/// Longest free text, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;
/// Longest reason a reviewer gives for hiding a report.
pub const MAX_REASON_CHARS: usize = 500;
/// No report of a request sent before the GDPR applied (25 May 2018, art. 99(2)).
pub fn gdpr_applies_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 5, 25).unwrap_or_default()
}

/// A report as typed (the form and the API send text; nothing is lost when it fails).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportInput {
    pub service: String,
    pub right: String,
    /// `YYYY-MM-DD`.
    pub sent_on: String,
    pub channel: String,
    /// `pending` when blank.
    pub outcome: String,
    pub answered_on: String,
    pub completeness: String,
    pub format: String,
    pub note: String,
}

impl ReportInput {
    /// The form of an existing report (to edit it).
    pub fn from_model(r: &rights_reports::Model) -> ReportInput {
        ReportInput {
            service: r.service_id.clone(),
            right: r.gdpr_right.to_value(),
            sent_on: r.sent_on.to_string(),
            channel: r.channel.to_value(),
            outcome: r.outcome.to_value(),
            answered_on: r.answered_on.map(|d| d.to_string()).unwrap_or_default(),
            completeness: r.completeness.map(|c| c.to_value()).unwrap_or_default(),
            format: r.format.map(|f| f.to_value()).unwrap_or_default(),
            note: r.note.clone().unwrap_or_default(),
        }
    }
}

/// A report that passed [`validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valid {
    pub service: String,
    pub right: GdprRight,
    pub sent_on: NaiveDate,
    pub channel: Channel,
    pub outcome: Outcome,
    pub answered_on: Option<NaiveDate>,
    pub completeness: Option<Completeness>,
    pub format: Option<Format>,
    pub note: Option<String>,
}

/// One problem of a typed report: which field, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the form and the API body (`sent_on`).
    pub field: &'static str,
    pub message: String,
}

/// The prefix of the code of a report's diagnostics: `report.<field>`.
pub const FIELD_CODE_PREFIX: &str = "report.";

impl FieldError {
    fn new(field: &'static str, message: impl Into<String>) -> FieldError {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// The field a diagnostic of [`invalid`] is about.
pub fn field_of(d: &StoredDiagnostic) -> Option<&str> {
    d.code.strip_prefix(FIELD_CODE_PREFIX)
}

fn invalid(errors: Vec<FieldError>) -> WorkflowError {
    WorkflowError::Invalid {
        message: "the report has errors; nothing was saved".into(),
        diagnostics: errors
            .into_iter()
            .map(|e| StoredDiagnostic {
                severity: "error".into(),
                code: format!("{FIELD_CODE_PREFIX}{}", e.field),
                line: None,
                column: None,
                message: format!("{}: {}", e.field, e.message),
                hint: None,
                source_line: None,
            })
            .collect(),
    }
}

fn choice<T: ActiveEnum<Value = String> + sea_orm::Iterable>(
    field: &'static str,
    text: &str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let text = text.trim();
    let values: Vec<String> = T::iter().map(|v| v.to_value()).collect();
    match T::try_from_value(&text.to_owned()) {
        Ok(v) => Some(v),
        Err(_) if text.is_empty() => {
            errors.push(FieldError::new(
                field,
                format!("choose one of {}", values.join(", ")),
            ));
            None
        }
        Err(_) => {
            errors.push(FieldError::new(
                field,
                format!(
                    "`{}` is not one of {}",
                    crate::util::escaped(text),
                    values.join(", ")
                ),
            ));
            None
        }
    }
}

fn optional_choice<T: ActiveEnum<Value = String> + sea_orm::Iterable>(
    field: &'static str,
    text: &str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    if text.trim().is_empty() {
        None
    } else {
        choice(field, text, errors)
    }
}

fn date(field: &'static str, text: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        errors.push(FieldError::new(field, "give a date as YYYY-MM-DD"));
        return None;
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError::new(
                field,
                format!(
                    "`{}` is not a date: write it as YYYY-MM-DD",
                    crate::util::escaped(text)
                ),
            ));
            None
        }
    }
}

/// Checks a typed report against the catalogue's services and the calendar (`today` in
/// UTC; a date of tomorrow is accepted, for people in time zones ahead of UTC). Every
/// problem at once, each with its field.
pub fn validate(
    snapshot: &Snapshot,
    input: &ReportInput,
    today: NaiveDate,
) -> Result<Valid, Vec<FieldError>> {
    let mut errors = Vec::new();
    let latest = today + Duration::days(1);
    let service = input.service.trim();
    if service.is_empty() {
        errors.push(FieldError::new(
            "service",
            "choose the service you wrote to",
        ));
    } else if !snapshot.catalogue.services.contains_key(service) {
        errors.push(FieldError::new(
            "service",
            format!(
                "`{}` is not a service of the catalogue (GET /api/v1/services lists them)",
                crate::util::escaped(service)
            ),
        ));
    }
    let right: Option<GdprRight> = choice("right", &input.right, &mut errors);
    let sent_on = date("sent_on", &input.sent_on, &mut errors);
    if let Some(d) = sent_on {
        if d > latest {
            errors.push(FieldError::new(
                "sent_on",
                "the date sent is in the future: report a request once you have sent it",
            ));
        } else if d < gdpr_applies_from() {
            errors.push(FieldError::new(
                "sent_on",
                "the GDPR applies to requests sent from 2018-05-25 on",
            ));
        }
    }
    let channel: Option<Channel> = choice("channel", &input.channel, &mut errors);
    let outcome: Option<Outcome> = if input.outcome.trim().is_empty() {
        Some(Outcome::Pending)
    } else {
        choice("outcome", &input.outcome, &mut errors)
    };
    let answered = outcome == Some(Outcome::Answered);
    let answered_on = if answered {
        date("answered_on", &input.answered_on, &mut errors)
    } else {
        if !input.answered_on.trim().is_empty() {
            errors.push(FieldError::new(
                "answered_on",
                "a date of answer goes with the outcome `answered` only",
            ));
        }
        None
    };
    if let Some(on) = answered_on {
        if on > latest {
            errors.push(FieldError::new(
                "answered_on",
                "the date of the answer is in the future",
            ));
        }
        if sent_on.is_some_and(|sent| on < sent) {
            errors.push(FieldError::new(
                "answered_on",
                "the answer cannot come before the request was sent",
            ));
        }
    }
    let completeness: Option<Completeness> = if answered {
        choice("completeness", &input.completeness, &mut errors)
    } else {
        if !input.completeness.trim().is_empty() {
            errors.push(FieldError::new(
                "completeness",
                "say how complete the answer was once it is `answered`",
            ));
        }
        None
    };
    let format: Option<Format> = optional_choice("format", &input.format, &mut errors);
    if format.is_some() {
        if right.is_some_and(|r| !aggregate::has_format(r)) {
            errors.push(FieldError::new(
                "format",
                "the format received is asked for access (art. 15) and portability (art. 20) only",
            ));
        } else if !answered || completeness == Some(Completeness::Refused) {
            errors.push(FieldError::new(
                "format",
                "a format goes with an answer that gave you data",
            ));
        }
    }
    let note = input.note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        errors.push(FieldError::new(
            "note",
            format!(
                "the note has {} characters; at most {MAX_NOTE_CHARS}",
                note.chars().count()
            ),
        ));
    }
    match (right, sent_on, channel, outcome) {
        (Some(right), Some(sent_on), Some(channel), Some(outcome)) if errors.is_empty() => {
            Ok(Valid {
                service: service.to_owned(),
                right,
                sent_on,
                channel,
                outcome,
                answered_on,
                completeness,
                format,
                note: (!note.is_empty()).then(|| note.to_owned()),
            })
        }
        _ => Err(errors),
    }
}

fn check(ctx: &Context, input: &ReportInput) -> Result<Valid, WorkflowError> {
    validate(&ctx.snapshot(), input, super::today()).map_err(invalid)
}

fn audit_details(r: &rights_reports::Model) -> serde_json::Value {
    // Never the note: it may name people.
    json!({
        "service": r.service_id,
        "right": r.gdpr_right.to_value(),
        "outcome": r.outcome.to_value(),
        "flag": r.flag,
    })
}

/// Why a new report of `actor` is flagged, if it is (see the module documentation).
async fn flag_for<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    valid: &Valid,
    today_count: u64,
    except: Option<i64>,
) -> Result<Option<String>, WorkflowError> {
    if today_count >= FLAG_AFTER_PER_DAY {
        return Ok(Some("burst".into()));
    }
    let mut near = rights_reports::Entity::find()
        .filter(rights_reports::Column::UserId.eq(actor.id))
        .filter(rights_reports::Column::ServiceId.eq(valid.service.as_str()))
        .filter(rights_reports::Column::GdprRight.eq(valid.right))
        .filter(rights_reports::Column::SentOn.gte(valid.sent_on - Duration::days(REPEAT_DAYS)))
        .filter(rights_reports::Column::SentOn.lte(valid.sent_on + Duration::days(REPEAT_DAYS)));
    if let Some(id) = except {
        near = near.filter(rights_reports::Column::Id.ne(id));
    }
    Ok((near.count(db).await? > 0).then(|| "repeat".into()))
}

/// Records a report of the actor. Refused past the limits; flagged past the soft ones.
pub async fn create(
    ctx: &Context,
    actor: &Actor,
    input: &ReportInput,
) -> Result<rights_reports::Model, WorkflowError> {
    let valid = check(ctx, input)?;
    let txn = ctx.db()?.begin().await?;
    let mine = rights_reports::Entity::find().filter(rights_reports::Column::UserId.eq(actor.id));
    let total = mine.clone().count(&txn).await?;
    if total >= MAX_PER_ACCOUNT {
        return Err(WorkflowError::Conflict(format!(
            "an account holds at most {MAX_PER_ACCOUNT} reports; delete old ones first"
        )));
    }
    let now = Utc::now();
    let today_count = mine
        .filter(rights_reports::Column::CreatedAt.gt(now - Duration::hours(24)))
        .count(&txn)
        .await?;
    if today_count >= MAX_PER_DAY {
        return Err(WorkflowError::Conflict(format!(
            "an account makes at most {MAX_PER_DAY} reports in 24 hours; come back tomorrow \
             (your form is kept)"
        )));
    }
    let flag = flag_for(&txn, actor, &valid, today_count, None).await?;
    let row = rights_reports::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        user_id: Set(actor.id),
        service_id: Set(valid.service),
        gdpr_right: Set(valid.right),
        sent_on: Set(valid.sent_on),
        channel: Set(valid.channel),
        outcome: Set(valid.outcome),
        answered_on: Set(valid.answered_on),
        completeness: Set(valid.completeness),
        format: Set(valid.format),
        note: Set(valid.note),
        flag: Set(flag),
        hidden: Set(false),
        hidden_reason: Set(None),
        hidden_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(actor.id),
        "rights_report.create",
        &format!("rights_report:{}", row.id),
        &audit_details(&row),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// The actor's reports, newest first.
pub async fn mine(
    ctx: &Context,
    actor: &Actor,
) -> Result<Vec<rights_reports::Model>, WorkflowError> {
    Ok(rights_reports::Entity::find()
        .filter(rights_reports::Column::UserId.eq(actor.id))
        .order_by_desc(rights_reports::Column::Id)
        .all(ctx.db()?)
        .await?)
}

/// One of the actor's reports; someone else's is answered as absent (its existence is
/// nobody else's business).
pub async fn one_of_mine<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<rights_reports::Model, WorkflowError> {
    rights_reports::Entity::find_by_id(id)
        .filter(rights_reports::Column::UserId.eq(actor.id))
        .one(db)
        .await?
        .ok_or_else(|| WorkflowError::NotFound(format!("you have no report #{id}")))
}

/// Replaces the actor's report `id` by `input` (adding the answer is such an edit). A
/// report hidden by a reviewer stays hidden.
pub async fn update(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    input: &ReportInput,
) -> Result<rights_reports::Model, WorkflowError> {
    let valid = check(ctx, input)?;
    let txn = ctx.db()?.begin().await?;
    let row = one_of_mine(&txn, actor, id).await?;
    let same_request = row.service_id == valid.service
        && row.gdpr_right == valid.right
        && row.sent_on == valid.sent_on;
    let flag = if same_request {
        row.flag.clone()
    } else {
        flag_for(&txn, actor, &valid, 0, Some(id))
            .await?
            .or(row.flag.clone())
    };
    let mut active: rights_reports::ActiveModel = row.into();
    active.service_id = Set(valid.service);
    active.gdpr_right = Set(valid.right);
    active.sent_on = Set(valid.sent_on);
    active.channel = Set(valid.channel);
    active.outcome = Set(valid.outcome);
    active.answered_on = Set(valid.answered_on);
    active.completeness = Set(valid.completeness);
    active.format = Set(valid.format);
    active.note = Set(valid.note);
    active.flag = Set(flag);
    active.updated_at = Set(Utc::now());
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        Some(actor.id),
        "rights_report.update",
        &format!("rights_report:{id}"),
        &audit_details(&row),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Deletes the actor's report `id`; it leaves every aggregate at once.
pub async fn delete(ctx: &Context, actor: &Actor, id: i64) -> Result<(), WorkflowError> {
    let txn = ctx.db()?.begin().await?;
    let row = one_of_mine(&txn, actor, id).await?;
    let details = audit_details(&row);
    rights_reports::Entity::delete_by_id(id).exec(&txn).await?;
    audit::record(
        &txn,
        Some(actor.id),
        "rights_report.delete",
        &format!("rights_report:{id}"),
        &details,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

fn require_reviewer(actor: &Actor) -> Result<(), WorkflowError> {
    if actor.is_reviewer() {
        Ok(())
    } else {
        Err(WorkflowError::Forbidden(
            "only reviewers moderate the observatory's reports".into(),
        ))
    }
}

/// Reports waiting for a reviewer's eye: flagged by the limits or carrying free text, not
/// hidden yet; oldest first.
pub async fn flagged(
    ctx: &Context,
    actor: &Actor,
) -> Result<Vec<rights_reports::Model>, WorkflowError> {
    require_reviewer(actor)?;
    Ok(rights_reports::Entity::find()
        .filter(rights_reports::Column::Hidden.eq(false))
        .filter(
            sea_orm::Condition::any()
                .add(rights_reports::Column::Flag.is_not_null())
                .add(rights_reports::Column::Note.is_not_null()),
        )
        .order_by_asc(rights_reports::Column::Id)
        .all(ctx.db()?)
        .await?)
}

/// Hides report `id` from every aggregate, with a reason (reviewers only; audited).
pub async fn hide(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    reason: &str,
) -> Result<rights_reports::Model, WorkflowError> {
    require_reviewer(actor)?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
        return Err(invalid(vec![FieldError::new(
            "reason",
            format!("give a reason of 1 to {MAX_REASON_CHARS} characters"),
        )]));
    }
    let txn = ctx.db()?.begin().await?;
    let row = rights_reports::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| WorkflowError::NotFound(format!("there is no report #{id}")))?;
    if row.hidden {
        return Err(WorkflowError::Conflict(format!(
            "report #{id} is hidden already"
        )));
    }
    let mut active: rights_reports::ActiveModel = row.into();
    active.hidden = Set(true);
    active.hidden_reason = Set(Some(reason.to_owned()));
    active.hidden_by = Set(Some(actor.id));
    active.updated_at = Set(Utc::now());
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        Some(actor.id),
        "rights_report.hide",
        &format!("rights_report:{id}"),
        &json!({"service": row.service_id, "reason": reason}),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Per service, for reviewers: how many reports, how many hidden, how many flagged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceCounts {
    pub service: String,
    pub reports: usize,
    pub hidden: usize,
    pub flagged: usize,
}

/// The counts of every service that has reports, by service id (reviewers only).
pub async fn counts(ctx: &Context, actor: &Actor) -> Result<Vec<ServiceCounts>, WorkflowError> {
    require_reviewer(actor)?;
    let rows = rights_reports::Entity::find()
        .order_by_asc(rights_reports::Column::ServiceId)
        .all(ctx.db()?)
        .await?;
    let mut out: Vec<ServiceCounts> = Vec::new();
    for r in rows {
        if out.last().is_none_or(|c| c.service != r.service_id) {
            out.push(ServiceCounts {
                service: r.service_id.clone(),
                ..ServiceCounts::default()
            });
        }
        if let Some(c) = out.last_mut() {
            c.reports += 1;
            c.hidden += usize::from(r.hidden);
            c.flagged += usize::from(r.flag.is_some() || r.note.is_some());
        }
    }
    Ok(out)
}

/// Everything publishable now (hidden reports left out), by service then right.
pub async fn published(ctx: &Context) -> Result<Vec<aggregate::Published>, WorkflowError> {
    let rows = rights_reports::Entity::find()
        .filter(rights_reports::Column::Hidden.eq(false))
        .all(ctx.db()?)
        .await?;
    let facts: Vec<aggregate::Fact> = rows.into_iter().map(fact).collect();
    Ok(aggregate::publish(&facts))
}

fn fact(r: rights_reports::Model) -> aggregate::Fact {
    aggregate::Fact {
        reporter: r.user_id,
        service: r.service_id,
        right: r.gdpr_right,
        sent_on: r.sent_on,
        outcome: r.outcome,
        answered_on: r.answered_on,
        completeness: r.completeness,
        format: r.format,
        hidden: r.hidden,
    }
}
