//! `/{lang}/rights-reports`: a logged-in person's reports to the rights-request observatory
//! (the form to report a request, "my reports" with edit and delete); `/{lang}/rights-reports/{id}`
//! edits one (adding the answer is an edit). A refused form comes back filled, each error
//! next to its field. The rules are in [`crate::workflow::rights`].

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::{ActiveEnum, Iterable};

use super::entry_form::{Choice, Field, FieldError, SummaryItem};
use super::render_with;
use crate::db::entities::rights_reports::{
    self, Channel, Completeness, Format, GdprRight, Outcome,
};
use crate::http::session::SessionUser;
use crate::http::web::context::{Ctx, Layout, Section};
use crate::http::web::error::WebError;
use crate::http::web::i18n::Tr;
use crate::http::web::private::{self, Posted, WebUser};
use crate::workflow::rights::{self as flow, ReportInput, aggregate};
use crate::workflow::{StoredDiagnostic, WorkflowError};

/// The report form, ready for `templates/rights-reports.html`.
#[derive(Debug, Clone)]
pub struct ReportForm {
    pub action: String,
    pub heading: String,
    pub submit_label: String,
    pub fields: Vec<Field>,
    /// The workflow's message when the form was refused (English).
    pub problem: Option<String>,
    pub summary: Vec<SummaryItem>,
}

impl ReportForm {
    pub fn has_errors(&self) -> bool {
        self.problem.is_some() || !self.summary.is_empty()
    }
}

/// One of the person's reports in their list.
#[derive(Debug, Clone)]
pub struct ReportRow {
    pub id: i64,
    pub service: String,
    pub right: String,
    pub sent: String,
    pub outcome: String,
    /// The reviewer's reason when the report is hidden.
    pub hidden: Option<String>,
    pub edit_href: String,
    pub delete_action: String,
}

#[derive(Debug, askama::Template)]
#[template(path = "rights-reports.html")]
pub struct ReportsPage {
    pub tr: Tr,
    pub layout: Layout,
    pub csrf: String,
    pub lead: String,
    pub form: ReportForm,
    pub reports: Vec<ReportRow>,
}

pub fn right_label(tr: Tr, r: GdprRight) -> String {
    tr.t(&format!("rights-right-{}", r.to_value()))
}

fn options<T: ActiveEnum<Value = String> + Iterable>(
    tr: Tr,
    key: &str,
    selected: &str,
    blank: Option<String>,
) -> Vec<Choice> {
    let mut out: Vec<Choice> = blank
        .map(|label| Choice {
            id: String::new(),
            value: String::new(),
            label,
            checked: selected.is_empty(),
        })
        .into_iter()
        .collect();
    out.extend(T::iter().map(|v| {
        let value = v.to_value();
        Choice {
            id: String::new(),
            label: tr.t(&format!("{key}-{value}")),
            checked: value == selected,
            value,
        }
    }));
    out
}

fn select(tr: Tr, name: &str, value: &str, options: Vec<Choice>) -> Field {
    let mut f = Field::new(
        name,
        tr.t(&format!("rights-field-{name}")),
        value.into(),
        "select",
    );
    f.options = options;
    f
}

/// The fields of the form with `input`'s values and `diagnostics` next to their fields.
fn fields(ctx: &Ctx, input: &ReportInput, diagnostics: &[StoredDiagnostic]) -> Vec<Field> {
    let tr = ctx.tr;
    let snapshot = ctx.app.snapshot();
    let mut services: Vec<(&String, &String)> = snapshot
        .catalogue
        .services
        .values()
        .map(|s| (&s.id, &s.name))
        .collect();
    services.sort_by_key(|(_, name)| name.to_lowercase());
    let mut service_options = vec![Choice {
        id: String::new(),
        value: String::new(),
        label: tr.t("rights-choose"),
        checked: input.service.is_empty(),
    }];
    service_options.extend(services.into_iter().map(|(id, name)| Choice {
        id: String::new(),
        value: id.clone(),
        label: name.clone(),
        checked: *id == input.service,
    }));
    let outcome = if input.outcome.is_empty() {
        "pending"
    } else {
        &input.outcome
    };
    let mut list = vec![
        select(tr, "service", &input.service, service_options).required(),
        select(
            tr,
            "right",
            &input.right,
            options::<GdprRight>(
                tr,
                "rights-right",
                &input.right,
                Some(tr.t("rights-choose")),
            ),
        )
        .required(),
        Field::new(
            "sent_on",
            tr.t("rights-field-sent_on"),
            input.sent_on.clone(),
            "date",
        )
        .hint(tr.t("rights-hint-date"))
        .required(),
        select(
            tr,
            "channel",
            &input.channel,
            options::<Channel>(
                tr,
                "rights-channel",
                &input.channel,
                Some(tr.t("rights-choose")),
            ),
        )
        .required(),
        select(
            tr,
            "outcome",
            outcome,
            options::<Outcome>(tr, "rights-outcome", outcome, None),
        ),
        Field::new(
            "answered_on",
            tr.t("rights-field-answered_on"),
            input.answered_on.clone(),
            "date",
        )
        .hint(tr.t("rights-hint-answered_on")),
        select(
            tr,
            "completeness",
            &input.completeness,
            options::<Completeness>(
                tr,
                "rights-completeness",
                &input.completeness,
                Some(tr.t("rights-none")),
            ),
        ),
        select(
            tr,
            "format",
            &input.format,
            options::<Format>(
                tr,
                "rights-format",
                &input.format,
                Some(tr.t("rights-none")),
            ),
        )
        .hint(tr.t("rights-hint-format")),
        Field::new(
            "note",
            tr.t("rights-field-note"),
            input.note.clone(),
            "textarea",
        )
        .hint(tr.t("rights-hint-note"))
        .rows(4),
    ];
    for f in &mut list {
        f.errors = diagnostics
            .iter()
            .filter(|d| flow::field_of(d) == Some(f.name.as_str()))
            .map(FieldError::from)
            .collect();
    }
    list
}

fn form(
    ctx: &Ctx,
    editing: Option<i64>,
    input: &ReportInput,
    problem: Option<String>,
    diagnostics: &[StoredDiagnostic],
) -> ReportForm {
    let tr = ctx.tr;
    let fields = fields(ctx, input, diagnostics);
    let summary = fields
        .iter()
        .flat_map(|f| {
            f.errors.iter().map(|e| SummaryItem {
                href: Some(format!("#{}", f.id)),
                label: f.label.clone(),
                message: e.message.clone(),
            })
        })
        .collect();
    let (action, heading, submit_label) = match editing {
        Some(id) => (
            ctx.href(&format!("/rights-reports/{id}")),
            tr.args("rights-edit-heading", &[("id", id.into())]),
            tr.t("rights-save"),
        ),
        None => (
            ctx.href("/rights-reports"),
            tr.t("rights-new-heading"),
            tr.t("rights-send"),
        ),
    };
    ReportForm {
        action,
        heading,
        submit_label,
        fields,
        problem,
        summary,
    }
}

fn row(ctx: &Ctx, r: &rights_reports::Model) -> ReportRow {
    let tr = ctx.tr;
    let snapshot = ctx.app.snapshot();
    ReportRow {
        id: r.id,
        service: snapshot
            .catalogue
            .services
            .get(&r.service_id)
            .map_or_else(|| r.service_id.clone(), |s| s.name.clone()),
        right: right_label(tr, r.gdpr_right),
        sent: tr.date(r.sent_on),
        outcome: match r.answered_on {
            Some(on) => tr.s("rights-answered-on", "date", &tr.date(on)),
            None => tr.t(&format!("rights-outcome-{}", r.outcome.to_value())),
        },
        hidden: r
            .hidden
            .then(|| r.hidden_reason.clone().unwrap_or_default()),
        edit_href: ctx.href(&format!("/rights-reports/{}", r.id)),
        delete_action: ctx.href(&format!("/rights-reports/{}/delete", r.id)),
    }
}

async fn show(
    ctx: &Ctx,
    user: &SessionUser,
    form: ReportForm,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr;
    let mine = flow::mine(&ctx.app.workflow, &user.actor)
        .await
        .map_err(|e| WebError::from_workflow(ctx, &e))?;
    let title = tr.t("rights-mine-title");
    let mut layout = ctx.layout(
        if form.has_errors() {
            tr.s("form-title-with-errors", "title", &title)
        } else {
            title
        },
        Section::Account,
    );
    layout.noindex = true;
    let page = ReportsPage {
        tr,
        layout,
        csrf: user.csrf().to_owned(),
        lead: tr.args("rights-mine-lead", &[("k", aggregate::K.into())]),
        form,
        reports: mine.iter().map(|r| row(ctx, r)).collect(),
    };
    render_with(ctx, &page, status)
}

fn input_of(pairs: &[(String, String)]) -> ReportInput {
    let v = |name: &str| private::value(pairs, name).unwrap_or_default().to_owned();
    ReportInput {
        service: v("service"),
        right: v("right"),
        sent_on: v("sent_on"),
        channel: v("channel"),
        outcome: v("outcome"),
        answered_on: v("answered_on"),
        completeness: v("completeness"),
        format: v("format"),
        note: v("note"),
    }
}

/// `GET /{lang}/rights-reports`: the new-report form (pre-filled with `?service=`) and the
/// person's reports.
pub async fn page(
    ctx: Ctx,
    WebUser(user): WebUser,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> Result<Response, WebError> {
    let service = raw
        .as_deref()
        .and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "service")
                .map(|(_, v)| v.into_owned())
        })
        .filter(|s| ctx.app.snapshot().catalogue.services.contains_key(s))
        .unwrap_or_default();
    let input = ReportInput {
        service,
        ..ReportInput::default()
    };
    show(
        &ctx,
        &user,
        form(&ctx, None, &input, None, &[]),
        StatusCode::OK,
    )
    .await
}

/// `GET /{lang}/rights-reports/{id}`: one's report in the form, to edit it.
pub async fn edit(
    ctx: Ctx,
    WebUser(user): WebUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    let db = ctx.app.db().map_err(|e| WebError::from_failure(&ctx, &e))?;
    let row = flow::one_of_mine(db, &user.actor, id)
        .await
        .map_err(|e| WebError::from_workflow(&ctx, &e))?;
    let input = ReportInput::from_model(&row);
    show(
        &ctx,
        &user,
        form(&ctx, Some(id), &input, None, &[]),
        StatusCode::OK,
    )
    .await
}

/// Shows the form again with what was typed when the workflow refused it as invalid.
async fn refused(
    ctx: &Ctx,
    user: &SessionUser,
    editing: Option<i64>,
    input: &ReportInput,
    e: WorkflowError,
) -> Result<Response, WebError> {
    match e {
        WorkflowError::Invalid {
            message,
            diagnostics,
        } => {
            let f = form(ctx, editing, input, Some(message), &diagnostics);
            show(ctx, user, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        WorkflowError::Conflict(message) => {
            let f = form(ctx, editing, input, Some(message), &[]);
            show(ctx, user, f, StatusCode::CONFLICT).await
        }
        other => Err(WebError::from_workflow(ctx, &other)),
    }
}

/// `POST /{lang}/rights-reports`: records a report.
pub async fn create(ctx: Ctx, Posted { user, pairs }: Posted) -> Result<Response, WebError> {
    private::check_csrf(&ctx, &user, &pairs)?;
    let input = input_of(&pairs);
    match flow::create(&ctx.app.workflow, &user.actor, &input).await {
        Ok(_) => Ok(private::see_other(&ctx.href("/rights-reports#mine"))),
        Err(e) => refused(&ctx, &user, None, &input, e).await,
    }
}

/// `POST /{lang}/rights-reports/{id}`: replaces one's report.
pub async fn update(
    ctx: Ctx,
    Path(id): Path<String>,
    Posted { user, pairs }: Posted,
) -> Result<Response, WebError> {
    private::check_csrf(&ctx, &user, &pairs)?;
    let id: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    let input = input_of(&pairs);
    match flow::update(&ctx.app.workflow, &user.actor, id, &input).await {
        Ok(_) => Ok(private::see_other(&ctx.href("/rights-reports#mine"))),
        Err(e) => refused(&ctx, &user, Some(id), &input, e).await,
    }
}

/// `POST /{lang}/rights-reports/{id}/delete`.
pub async fn delete(
    ctx: Ctx,
    Path(id): Path<String>,
    Posted { user, pairs }: Posted,
) -> Result<Response, WebError> {
    private::check_csrf(&ctx, &user, &pairs)?;
    let id: i64 = id.parse().map_err(|_| ctx.not_found(None))?;
    flow::delete(&ctx.app.workflow, &user.actor, id)
        .await
        .map_err(|e| WebError::from_workflow(&ctx, &e))?;
    Ok(private::see_other(&ctx.href("/rights-reports#mine")))
}
