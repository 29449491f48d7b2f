//! The entry form as a page shows it: every field of [`EntryForm`] with its label, hint, the
//! value as typed and the validator's diagnostics next to it, plus the error summary at the
//! top. Shared by `/{lang}/submit` (new entry or change) and `/{lang}/submissions/{id}/edit`.
//!
//! Field ids are `f-` and the form field's name with dots as dashes (`a.e2ee.status` is
//! `f-a-e2ee-status`); a field's hint is `<id>-hint` and its errors `<id>-error`, both named
//! by `aria-describedby`.

use std::collections::BTreeMap;

use crate::catalogue::Snapshot;
use crate::http::web::context::Ctx;
use crate::http::web::i18n::Tr;
use crate::http::web::markdown;
use crate::http::web::view;
use crate::model::{Axis, Kind, Level, Platform, Status};
use crate::workflow::StoredDiagnostic;
use crate::workflow::form::{self, EntryForm};

/// A diagnostic shown next to its field.
#[derive(Debug, Clone)]
pub struct FieldError {
    pub message: String,
    pub hint: Option<String>,
}

impl From<&StoredDiagnostic> for FieldError {
    fn from(d: &StoredDiagnostic) -> Self {
        FieldError {
            message: d.message.clone(),
            hint: d.hint.clone(),
        }
    }
}

/// One option of a select or one box of a checkbox group.
#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// One form control with its label (`widget`: `text`, `url`, `textarea`, `select`,
/// `checkbox`).
#[derive(Debug, Clone)]
pub struct Field {
    pub id: String,
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub widget: &'static str,
    /// The language of the text typed (French and English versions of a text).
    pub lang: Option<&'static str>,
    pub required: bool,
    pub readonly: bool,
    pub checked: bool,
    pub rows: u8,
    pub options: Vec<Choice>,
    pub errors: Vec<FieldError>,
}

impl Field {
    pub fn new(name: &str, label: String, value: String, widget: &'static str) -> Field {
        Field {
            id: field_id(name),
            name: name.to_owned(),
            label,
            hint: None,
            value,
            widget,
            lang: None,
            required: false,
            readonly: false,
            checked: false,
            rows: 3,
            options: Vec::new(),
            errors: Vec::new(),
        }
    }

    pub fn hint(mut self, hint: String) -> Field {
        self.hint = Some(hint);
        self
    }

    pub fn lang(mut self, lang: &'static str) -> Field {
        self.lang = Some(lang);
        self
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn rows(mut self, rows: u8) -> Field {
        self.rows = rows;
        self
    }

    /// The ids of the hint and errors, for `aria-describedby` (empty when none).
    pub fn describedby(&self) -> String {
        describedby(&self.id, self.hint.is_some(), !self.errors.is_empty())
    }
}

/// `aria-describedby` of a control `id` with a hint and/or errors (empty when none).
fn describedby(id: &str, hint: bool, errors: bool) -> String {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if errors {
        ids.push(format!("{id}-error"));
    }
    ids.join(" ")
}

/// A group of checkboxes sharing a name, in a fieldset.
#[derive(Debug, Clone)]
pub struct Choices {
    pub id: String,
    pub name: String,
    pub legend: String,
    pub hint: Option<String>,
    pub required: bool,
    pub choices: Vec<Choice>,
    pub errors: Vec<FieldError>,
}

impl Choices {
    pub fn describedby(&self) -> String {
        describedby(&self.id, self.hint.is_some(), !self.errors.is_empty())
    }
}

/// The part of the form about one criterion.
#[derive(Debug, Clone)]
pub struct CriterionFields {
    pub id: String,
    pub title: String,
    pub href: String,
    pub level: String,
    pub required: bool,
    pub applies_to: String,
    /// The criterion's guidance on evidence, rendered Markdown from the catalogue.
    pub guidance: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone)]
pub struct AxisFields {
    pub id: &'static str,
    pub heading: String,
    pub criteria: Vec<CriterionFields>,
}

/// One line of the error summary: a link to the field when it is on the page.
#[derive(Debug, Clone)]
pub struct SummaryItem {
    pub href: Option<String>,
    pub label: String,
    pub message: String,
}

/// A known service, for the hint of the "replaces" field.
#[derive(Debug, Clone)]
pub struct ServiceHint {
    pub id: String,
    pub name: String,
}

/// The whole form, ready for `templates/entry-form.html`.
#[derive(Debug, Clone)]
pub struct EntryFormView {
    pub action: String,
    pub csrf: String,
    pub submit_label: String,
    /// A change to an entry of the catalogue: the slug cannot be edited.
    pub change: bool,
    pub added: String,
    pub identity: Vec<Field>,
    pub kinds: Choices,
    pub platforms: Choices,
    pub categories: Choices,
    pub replaces: Field,
    pub services: Vec<ServiceHint>,
    pub self_hostable: Field,
    pub texts: Vec<Field>,
    pub axes: Vec<AxisFields>,
    /// The workflow's message when the form was refused (English).
    pub problem: Option<String>,
    pub summary: Vec<SummaryItem>,
}

impl EntryFormView {
    pub fn has_errors(&self) -> bool {
        self.problem.is_some() || !self.summary.is_empty()
    }
}

/// Why a form is shown again: the workflow's message and the validator's diagnostics with
/// the map from lines of the entry file to form fields.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    pub message: Option<String>,
    pub diagnostics: Vec<StoredDiagnostic>,
    pub fields: Vec<Option<String>>,
}

/// The id of a form field's control.
pub fn field_id(name: &str) -> String {
    format!("f-{}", name.replace(['.', '_'], "-"))
}

/// The kinds a criterion applies to, as text.
pub fn applies_to(tr: Tr, c: &crate::model::Criterion) -> String {
    super::criteria::applies_to_text(tr, c)
}

/// Criteria in the order the form shows them: by axis, required first, then by title.
pub fn ordered_criteria(
    snapshot: &Snapshot,
    lang: crate::model::Lang,
) -> Vec<(Axis, Vec<&crate::model::Criterion>)> {
    Axis::ALL
        .into_iter()
        .map(|axis| {
            let mut list: Vec<&crate::model::Criterion> = snapshot
                .catalogue
                .criteria
                .values()
                .filter(|c| c.axis == axis)
                .collect();
            list.sort_by_key(|c| (c.level != Level::Required, c.title.get(lang).to_lowercase()));
            (axis, list)
        })
        .filter(|(_, list)| !list.is_empty())
        .collect()
}

/// The status options of a select, `selected` checked; `none` adds a first empty option.
pub fn status_options(tr: Tr, selected: &str, none: Option<String>) -> Vec<Choice> {
    let mut out: Vec<Choice> = none
        .map(|label| Choice {
            id: String::new(),
            value: String::new(),
            label,
            checked: selected.is_empty(),
        })
        .into_iter()
        .collect();
    out.extend(Status::ALL.into_iter().map(|s| Choice {
        id: String::new(),
        value: s.id().to_owned(),
        label: view::status_label(tr, s),
        checked: s.id() == selected,
    }));
    out
}

/// The validator's diagnostics by form field (`""`: those of no single field).
type ByField = BTreeMap<String, Vec<StoredDiagnostic>>;

/// The errors to show next to the field `key`.
fn errors_of(grouped: &ByField, key: &str) -> Vec<FieldError> {
    grouped
        .get(key)
        .map(|list| list.iter().map(FieldError::from).collect())
        .unwrap_or_default()
}

/// Builds the form view, section by section as the page shows them: the identity of the
/// entry (its facts, kinds, platforms, categories, the services it replaces, self-hosting),
/// its texts, the assessment by axis, and the error summary at the top. `change`: the entry
/// exists in the catalogue and its slug is fixed.
pub fn build(
    ctx: &Ctx,
    snapshot: &Snapshot,
    f: &EntryForm,
    action: String,
    csrf: &str,
    change: bool,
    problems: &Problems,
) -> EntryFormView {
    let tr = ctx.tr;
    let grouped = form::by_field(&problems.diagnostics, &problems.fields);
    let mut view = EntryFormView {
        action,
        csrf: csrf.to_owned(),
        submit_label: String::new(),
        change,
        added: f.added.clone(),
        identity: identity_fields(tr, f, change, &grouped),
        kinds: kind_choices(tr, f, &grouped),
        platforms: platform_choices(tr, f, &grouped),
        categories: category_choices(ctx, snapshot, f, &grouped),
        replaces: replaces_field(tr, f, &grouped),
        services: services(snapshot),
        self_hostable: self_hostable_field(tr, f, &grouped),
        texts: text_fields(tr, f, &grouped),
        axes: assessment_axes(ctx, snapshot, f, &grouped),
        problem: problems.message.clone(),
        summary: Vec::new(),
    };
    view.summary = error_summary(tr, &view, &grouped, problems);
    view
}

/// Identity: the facts typed as text (slug, name, homepage, repository, licence).
fn identity_fields(tr: Tr, f: &EntryForm, change: bool, grouped: &ByField) -> Vec<Field> {
    let mut slug = Field::new("slug", tr.t("form-slug"), f.slug.clone(), "text")
        .hint(tr.t(if change {
            "form-slug-hint-change"
        } else {
            "form-slug-hint"
        }))
        .required();
    slug.readonly = change;
    let mut identity = vec![
        slug,
        Field::new("name", tr.t("form-name"), f.name.clone(), "text").required(),
        Field::new(
            "homepage",
            tr.t("entry-homepage"),
            f.homepage.clone(),
            "url",
        )
        .hint(tr.t("form-url-hint"))
        .required(),
        Field::new(
            "repository",
            tr.t("entry-repository"),
            f.repository.clone(),
            "url",
        )
        .hint(tr.t("form-url-hint"))
        .required(),
        Field::new("license", tr.t("entry-license"), f.license.clone(), "text")
            .hint(tr.t("form-license-hint"))
            .required(),
    ];
    for field in &mut identity {
        field.errors = errors_of(grouped, &field.name);
    }
    identity
}

fn checked(list: &[String], v: &str) -> bool {
    list.iter().any(|x| x == v)
}

/// Identity: the kinds of software.
fn kind_choices(tr: Tr, f: &EntryForm, grouped: &ByField) -> Choices {
    Choices {
        id: field_id("kinds"),
        name: "kinds".into(),
        legend: tr.t("entry-kinds"),
        hint: Some(tr.t("form-kinds-hint")),
        required: true,
        choices: Kind::ALL
            .iter()
            .map(|k| k.id())
            .map(|k| Choice {
                id: field_id(&format!("kinds.{k}")),
                value: k.to_owned(),
                label: tr.t(&format!("kind-{k}")),
                checked: checked(&f.kinds, k),
            })
            .collect(),
        errors: errors_of(grouped, "kinds"),
    }
}

/// Identity: the platforms.
fn platform_choices(tr: Tr, f: &EntryForm, grouped: &ByField) -> Choices {
    Choices {
        id: field_id("platforms"),
        name: "platforms".into(),
        legend: tr.t("entry-platforms"),
        hint: None,
        required: true,
        choices: Platform::ALL
            .into_iter()
            .map(|p| Choice {
                id: field_id(&format!("platforms.{}", p.id())),
                value: p.id().to_owned(),
                label: view::platform_label(tr, p),
                checked: checked(&f.platforms, p.id()),
            })
            .collect(),
        errors: errors_of(grouped, "platforms"),
    }
}

/// Identity: the categories of the catalogue, by name.
fn category_choices(ctx: &Ctx, snapshot: &Snapshot, f: &EntryForm, grouped: &ByField) -> Choices {
    let tr = ctx.tr;
    let mut cats: Vec<Choice> = snapshot
        .catalogue
        .categories
        .values()
        .map(|c| Choice {
            id: field_id(&format!("categories.{}", c.id)),
            value: c.id.clone(),
            label: c.name.get(ctx.lang).to_owned(),
            checked: checked(&f.categories, &c.id),
        })
        .collect();
    cats.sort_by_key(|c| c.label.to_lowercase());
    Choices {
        id: field_id("categories"),
        name: "categories".into(),
        legend: tr.t("entry-categories"),
        hint: Some(tr.t("form-categories-hint")),
        required: true,
        choices: cats,
        errors: errors_of(grouped, "categories"),
    }
}

/// Identity: the services the entry replaces.
fn replaces_field(tr: Tr, f: &EntryForm, grouped: &ByField) -> Field {
    let mut replaces = Field::new(
        "replaces",
        tr.t("entry-replaces"),
        f.replaces.join(", "),
        "text",
    )
    .hint(tr.t("form-replaces-hint"));
    replaces.errors = errors_of(grouped, "replaces");
    replaces
}

/// Identity: the known services, by name, for the hint of the "replaces" field.
fn services(snapshot: &Snapshot) -> Vec<ServiceHint> {
    let mut services: Vec<ServiceHint> = snapshot
        .catalogue
        .services
        .values()
        .map(|s| ServiceHint {
            id: s.id.clone(),
            name: s.name.clone(),
        })
        .collect();
    services.sort_by_key(|s| s.name.to_lowercase());
    services
}

/// Identity: whether the software can be self-hosted.
fn self_hostable_field(tr: Tr, f: &EntryForm, grouped: &ByField) -> Field {
    let mut self_hostable = Field::new(
        "self_hostable",
        tr.t("form-self-hostable"),
        "true".into(),
        "checkbox",
    )
    .hint(tr.t("form-self-hostable-hint"));
    self_hostable.checked = f.self_hostable;
    self_hostable.errors = errors_of(grouped, "self_hostable");
    self_hostable
}

/// Texts: the summary and the description, in French and in English.
fn text_fields(tr: Tr, f: &EntryForm, grouped: &ByField) -> Vec<Field> {
    let mut texts = vec![
        Field::new(
            "summary_fr",
            tr.t("form-summary-fr"),
            f.summary_fr.clone(),
            "text",
        )
        .lang("fr")
        .hint(tr.t("form-summary-hint"))
        .required(),
        Field::new(
            "summary_en",
            tr.t("form-summary-en"),
            f.summary_en.clone(),
            "text",
        )
        .lang("en")
        .hint(tr.t("form-summary-hint"))
        .required(),
        Field::new(
            "description_fr",
            tr.t("form-description-fr"),
            f.description_fr.clone(),
            "textarea",
        )
        .lang("fr")
        .hint(tr.t("form-description-hint"))
        .rows(8)
        .required(),
        Field::new(
            "description_en",
            tr.t("form-description-en"),
            f.description_en.clone(),
            "textarea",
        )
        .lang("en")
        .hint(tr.t("form-description-hint"))
        .rows(8)
        .required(),
    ];
    for field in &mut texts {
        field.errors = errors_of(grouped, &field.name);
    }
    texts
}

/// Assessment: the criteria by axis, in the order of [`ordered_criteria`].
fn assessment_axes(
    ctx: &Ctx,
    snapshot: &Snapshot,
    f: &EntryForm,
    grouped: &ByField,
) -> Vec<AxisFields> {
    let chosen_kinds: Vec<Kind> = f.kinds.iter().filter_map(|k| Kind::from_id(k)).collect();
    ordered_criteria(snapshot, ctx.lang)
        .into_iter()
        .map(|(axis, list)| AxisFields {
            id: axis.id(),
            heading: view::axis_label(ctx.tr, axis),
            criteria: list
                .into_iter()
                .map(|c| criterion_fields(ctx, c, f, &chosen_kinds, grouped))
                .collect(),
        })
        .collect()
}

/// Assessment: one criterion, its status, evidence and notes.
fn criterion_fields(
    ctx: &Ctx,
    c: &crate::model::Criterion,
    f: &EntryForm,
    chosen_kinds: &[Kind],
    grouped: &ByField,
) -> CriterionFields {
    let (tr, lang) = (ctx.tr, ctx.lang);
    let a = f.assessments.get(&c.id).cloned().unwrap_or_default();
    let name = |part: &str| format!("a.{}.{part}", c.id);
    let status_value = if a.status.is_empty() {
        Status::Unknown.id().to_owned()
    } else {
        a.status.clone()
    };
    let mut status = Field::new(
        &name("status"),
        tr.t("form-status"),
        status_value.clone(),
        "select",
    );
    status.options = status_options(tr, &status_value, None);
    let mut evidence = Field::new(
        &name("evidence"),
        tr.t("form-evidence"),
        a.evidence.clone(),
        "textarea",
    )
    .hint(tr.t(if c.evidence_required {
        "form-evidence-hint-required"
    } else {
        "form-evidence-hint"
    }));
    evidence.rows = 2;
    let note_fr = Field::new(
        &name("note_fr"),
        tr.t("form-note-fr"),
        a.note_fr.clone(),
        "textarea",
    )
    .lang("fr")
    .rows(2);
    let note_en = Field::new(
        &name("note_en"),
        tr.t("form-note-en"),
        a.note_en.clone(),
        "textarea",
    )
    .lang("en")
    .rows(2);
    let mut fields = vec![status, evidence, note_fr, note_en];
    for field in &mut fields {
        field.errors = errors_of(grouped, &field.name);
    }
    let applies = if chosen_kinds.is_empty() || c.applies_to_kinds(chosen_kinds) {
        applies_to(tr, c)
    } else {
        tr.s("form-criterion-not-applicable", "kinds", &applies_to(tr, c))
    };
    CriterionFields {
        id: c.id.clone(),
        title: c.title.get(lang).to_owned(),
        href: ctx.href(&format!("/criteria#{}", c.id)),
        level: view::level_label(tr, c.level),
        required: c.level == Level::Required,
        applies_to: applies,
        guidance: markdown::render(c.evidence_guidance.get(lang)),
        fields,
    }
}

/// The error summary, in the order of the page; diagnostics that concern no field shown on
/// the page (the whole file, the review block) come first, without a link.
fn error_summary(
    tr: Tr,
    form: &EntryFormView,
    grouped: &ByField,
    problems: &Problems,
) -> Vec<SummaryItem> {
    let mut labels: Vec<(String, String, String)> = Vec::new();
    for field in form.identity.iter() {
        labels.push((field.name.clone(), field.id.clone(), field.label.clone()));
    }
    for group in [&form.kinds, &form.platforms, &form.categories] {
        let first = group
            .choices
            .first()
            .map_or_else(|| group.id.clone(), |c| c.id.clone());
        labels.push((group.name.clone(), first, group.legend.clone()));
    }
    for field in [&form.replaces, &form.self_hostable] {
        labels.push((field.name.clone(), field.id.clone(), field.label.clone()));
    }
    for field in &form.texts {
        labels.push((field.name.clone(), field.id.clone(), field.label.clone()));
    }
    for axis in &form.axes {
        for c in &axis.criteria {
            for field in &c.fields {
                labels.push((
                    field.name.clone(),
                    field.id.clone(),
                    format!("{} — {}", c.title, field.label),
                ));
            }
        }
    }
    let all = grouped;
    let mut summary: Vec<SummaryItem> = Vec::new();
    let on_page: BTreeMap<&str, ()> = labels.iter().map(|(n, _, _)| (n.as_str(), ())).collect();
    for (key, list) in all {
        if on_page.contains_key(key.as_str()) {
            continue;
        }
        for d in list {
            summary.push(SummaryItem {
                href: None,
                label: match d.line {
                    Some(line) if problems.fields.is_empty() => tr.n("form-line", line),
                    _ => String::new(),
                },
                message: with_hint(d),
            });
        }
    }
    for (name, id, label) in &labels {
        if let Some(list) = all.get(name) {
            for d in list {
                summary.push(SummaryItem {
                    href: Some(format!("#{id}")),
                    label: label.clone(),
                    message: with_hint(d),
                });
            }
        }
    }
    summary
}

fn with_hint(d: &StoredDiagnostic) -> String {
    match &d.hint {
        Some(h) => format!("{} ({h})", d.message),
        None => d.message.clone(),
    }
}
