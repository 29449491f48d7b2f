//! Checks of meaning, run once a file has the right structure: identifiers match file names,
//! references resolve, licences are free, URLs are https, assessments are complete and backed
//! by evidence, texts are within limits and Markdown without HTML, dates are not in the future.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::diagnostic::{Diagnostic, codes};
use super::document::Document;
use super::schema::describe;
use super::source::SourceText;
use crate::model::{Category, Criterion, Entry, Localized, Service, Status};
use crate::util::closest;

/// Length limits of texts, in characters (per language).
pub mod limits {
    pub const SUMMARY: usize = 200;
    pub const DESCRIPTION: usize = 3000;
    pub const NOTE: usize = 1000;
    pub const TITLE: usize = 120;
    pub const CRITERION_TEXT: usize = 1500;
    pub const EVIDENCE_GUIDANCE: usize = 1000;
    pub const CATEGORY_NAME: usize = 60;
    pub const CATEGORY_DESCRIPTION: usize = 300;
    pub const ALIAS: usize = 60;
}

/// Why a link is refused: a diagnostic code, a message naming the value, and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlProblem {
    pub code: &'static str,
    pub message: String,
    pub hint: &'static str,
}

/// The one rule for every link the registry stores and shows (homepages, repositories,
/// evidence in entries and in reviewers' verdicts, criteria's sources): an absolute `https`
/// URL with a public host name and no credentials. `None` when `value` passes.
pub fn url_problem(value: &str) -> Option<UrlProblem> {
    let problem = |code, message, hint| {
        Some(UrlProblem {
            code,
            message,
            hint,
        })
    };
    match url::Url::parse(value) {
        Err(e) => problem(
            codes::INVALID_URL,
            format!("`{value}` is not a valid URL ({e})"),
            "write an absolute URL such as https://example.org/page",
        ),
        Ok(u) if u.scheme() != "https" => problem(
            codes::INSECURE_URL,
            format!("`{value}` does not use https"),
            "links must use https:// so that readers are not exposed to tampering",
        ),
        Ok(u) if u.host_str().is_none_or(|h| !h.contains('.')) => problem(
            codes::INVALID_URL,
            format!("`{value}` has no public host name"),
            "write the public address of the page, e.g. https://example.org/page",
        ),
        Ok(u) if !u.username().is_empty() || u.password().is_some() => problem(
            codes::INVALID_URL,
            format!("`{value}` contains credentials"),
            "remove the user name and password from the URL",
        ),
        Ok(_) => None,
    }
}

/// Whether `value` may be shown as a link: it passes [`url_problem`].
pub fn is_acceptable_url(value: &str) -> bool {
    url_problem(value).is_none()
}

/// What the entries are checked against.
#[derive(Debug)]
pub struct Context<'c> {
    pub criteria: &'c BTreeMap<String, Criterion>,
    pub categories: &'c BTreeMap<String, Category>,
    pub services: &'c BTreeMap<String, Service>,
    /// Dates after this day are in the future.
    pub latest_date: NaiveDate,
}

/// A file being checked: its text, its parsed document, and where diagnostics go.
pub struct FileCheck<'f> {
    pub file: &'f str,
    pub doc: &'f Document<'f>,
    pub src: &'f SourceText<'f>,
    pub out: Vec<Diagnostic>,
}

impl FileCheck<'_> {
    fn error(&mut self, code: &'static str, pointer: &str, message: String, hint: &str) {
        let d = Diagnostic::error(code, self.file, message)
            .at(self.src, self.doc.value_span(pointer))
            .with_hint(hint);
        self.out.push(d);
    }

    fn error_at_key(&mut self, code: &'static str, pointer: &str, message: String, hint: String) {
        let d = Diagnostic::error(code, self.file, message)
            .at(self.src, self.doc.key_span(pointer))
            .with_hint(hint);
        self.out.push(d);
    }

    fn warning(&mut self, code: &'static str, pointer: &str, message: String, hint: String) {
        let d = Diagnostic::warning(code, self.file, message)
            .at(self.src, self.doc.value_span(pointer))
            .with_hint(hint);
        self.out.push(d);
    }

    /// The id (or slug) written in the file must be its file name.
    pub fn id_matches_stem(&mut self, field: &str, id: &str, stem: &str) {
        if id != stem {
            self.error(
                codes::SLUG_MISMATCH,
                &format!("/{field}"),
                format!("{field} `{id}` does not match the file name `{stem}.toml`"),
                &format!("rename the file to `{id}.toml`, or set {field} = \"{stem}\""),
            );
        }
    }

    fn text(&mut self, pointer: &str, text: &Localized, max: usize) {
        for (lang, value) in text.iter() {
            let p = format!("{pointer}/{lang}");
            let count = value.chars().count();
            if value.trim().is_empty() {
                self.error(
                    codes::EMPTY_TEXT,
                    &p,
                    format!("{} is blank", describe(&p)),
                    "write the text in this language",
                );
            }
            if count > max {
                self.error(
                    codes::TEXT_TOO_LONG,
                    &p,
                    format!(
                        "{} has {count} characters, over the limit of {max}",
                        describe(&p)
                    ),
                    "shorten it; link to the project's own documentation for details",
                );
            }
            if let Some(html) = raw_html(value) {
                let span = self.span_within(&p, &html);
                let d = Diagnostic::error(
                    codes::RAW_HTML,
                    self.file,
                    format!("{} contains raw HTML `{}`", describe(&p), html.trim()),
                )
                .at(self.src, span)
                .with_hint("texts are Markdown only: use *emphasis*, **strong**, [links](https://...) and lists instead of HTML");
                self.out.push(d);
            }
        }
    }

    /// The span of `needle` inside the value at `pointer`, or the value's span.
    fn span_within(&self, pointer: &str, needle: &str) -> std::ops::Range<usize> {
        let span = self.doc.value_span(pointer);
        let raw = self.src.text.get(span.clone()).unwrap_or_default();
        match raw.find(needle.trim()) {
            Some(i) => span.start + i..span.start + i + needle.trim().len(),
            None => span,
        }
    }

    fn url(&mut self, pointer: &str, value: &str) {
        if let Some(p) = url_problem(value) {
            self.error(p.code, pointer, p.message, p.hint);
        }
    }

    fn date(&mut self, pointer: &str, date: NaiveDate, latest: NaiveDate) {
        if matches!(self.doc.value(pointer), Some(toml::de::DeValue::String(_))) {
            self.warning(
                codes::QUOTED_DATE,
                pointer,
                format!("{} is a quoted string, not a TOML date", describe(pointer)),
                format!("write the date without quotes: `{date}`"),
            );
        }
        if date > latest {
            self.error(
                codes::FUTURE_DATE,
                pointer,
                format!("{} is {date}, a date in the future", describe(pointer)),
                "use the date on which it happened (YYYY-MM-DD), not a planned date",
            );
        }
    }

    fn no_duplicates(&mut self, pointer: &str, values: &[String]) {
        let mut seen = BTreeSet::new();
        for (i, v) in values.iter().enumerate() {
            if !seen.insert(v.as_str()) {
                self.error(
                    codes::DUPLICATE_VALUE,
                    &format!("{pointer}/{i}"),
                    format!("`{v}` appears twice in {}", describe(pointer)),
                    "remove the repeated value",
                );
            }
        }
    }

    fn reference(
        &mut self,
        pointer: &str,
        values: &[String],
        known: &BTreeMap<String, impl Sized>,
        code: &'static str,
        what: &str,
        dir: &str,
    ) {
        for (i, v) in values.iter().enumerate() {
            if !known.contains_key(v) {
                let hint = match closest(v, known.keys()) {
                    Some(guess) => {
                        format!("did you mean `{guess}`? Known {dir} are the files in {dir}/")
                    }
                    None => format!(
                        "known {dir} are the files in {dir}/; add one there first if it is missing"
                    ),
                };
                self.error_at_value(
                    code,
                    &format!("{pointer}/{i}"),
                    format!("unknown {what} `{v}`"),
                    hint,
                );
            }
        }
    }

    fn error_at_value(&mut self, code: &'static str, pointer: &str, message: String, hint: String) {
        let d = Diagnostic::error(code, self.file, message)
            .at(self.src, self.doc.value_span(pointer))
            .with_hint(hint);
        self.out.push(d);
    }
}

/// The first raw HTML fragment in a text, as the Markdown parser sees it.
fn raw_html(text: &str) -> Option<String> {
    use pulldown_cmark::{Event, Parser};
    if !text.contains('<') {
        return None;
    }
    Parser::new(text).find_map(|event| match event {
        Event::Html(h) | Event::InlineHtml(h) => Some(h.to_string()),
        _ => None,
    })
}

pub fn check_entry(f: &mut FileCheck<'_>, entry: &Entry, stem: &str, ctx: &Context<'_>) {
    f.id_matches_stem("slug", &entry.slug, stem);
    license(f, entry);
    f.url("/homepage", &entry.homepage);
    f.url("/repository", &entry.repository);
    f.no_duplicates("/categories", &entry.categories);
    f.no_duplicates("/replaces", &entry.replaces);
    f.reference(
        "/categories",
        &entry.categories,
        ctx.categories,
        codes::UNKNOWN_CATEGORY,
        "category",
        "categories",
    );
    f.reference(
        "/replaces",
        &entry.replaces,
        ctx.services,
        codes::UNKNOWN_SERVICE,
        "service",
        "services",
    );
    f.text("/summary", &entry.summary, limits::SUMMARY);
    f.text("/description", &entry.description, limits::DESCRIPTION);
    f.date("/added", entry.added, ctx.latest_date);
    if let Some(updated) = entry.updated {
        f.date("/updated", updated, ctx.latest_date);
    }
    assessments(f, entry, ctx);
    review(f, entry, ctx);
}

fn license(f: &mut FileCheck<'_>, entry: &Entry) {
    let pointer = "/license";
    let expr = match spdx::Expression::parse(&entry.license) {
        Ok(expr) => expr,
        Err(e) => {
            let value_span = f.doc.value_span(pointer);
            // Point inside the quoted string when the value is written as a basic string.
            let inner = value_span.start + 1 + e.span.start..value_span.start + 1 + e.span.end;
            let span = if f.src.text.get(inner.clone()) == entry.license.get(e.span.clone()) {
                inner
            } else {
                value_span
            };
            let d = Diagnostic::error(
                codes::INVALID_LICENSE,
                f.file,
                format!("`{}` is not a valid SPDX licence expression: {}", entry.license, e.reason),
            )
            .at(f.src, span)
            .with_hint("use identifiers from https://spdx.org/licenses/ joined by AND / OR, e.g. `GPL-3.0-or-later` or `MIT OR Apache-2.0` (deprecated ids such as `GPL-3.0` must say -only or -or-later)");
            f.out.push(d);
            return;
        }
    };
    let free = |req: &spdx::LicenseReq| {
        req.license
            .id()
            .is_some_and(|id| id.is_osi_approved() || id.is_fsf_free_libre())
    };
    if expr.evaluate(free) {
        return;
    }
    let not_free: Vec<String> = expr
        .requirements()
        .filter(|r| !free(&r.req))
        .map(|r| r.req.license.to_string())
        .collect();
    let message = format!(
        "licence `{}` is neither OSI- nor FSF-approved: {}",
        entry.license,
        not_free.join(", ")
    );
    // An honest record of a partly non-free licence is allowed, as a warning, when the
    // `licence` criterion says so with a reason: the grade then shows it.
    let acknowledged = entry
        .assessment
        .get("licence")
        .is_some_and(|a| matches!(a.status, Status::Partial | Status::NotMet) && a.note.is_some());
    if acknowledged {
        f.warning(
            codes::NON_FREE_LICENSE,
            pointer,
            message,
            "recorded as such in `assessment.licence`; the grade accounts for it".to_owned(),
        );
    } else {
        f.error(
            codes::NON_FREE_LICENSE,
            pointer,
            message,
            "the registry lists free software only; if part of the code is under a non-free licence, say so in `assessment.licence` (status \"partial\" or \"not-met\" with a note)",
        );
    }
}

fn assessments(f: &mut FileCheck<'_>, entry: &Entry, ctx: &Context<'_>) {
    let kinds: Vec<&str> = entry
        .kinds
        .iter()
        .map(|k| match k {
            crate::model::Kind::Desktop => "desktop",
            crate::model::Kind::Mobile => "mobile",
            crate::model::Kind::Web => "web",
            crate::model::Kind::Server => "server",
            crate::model::Kind::BrowserExtension => "browser-extension",
            crate::model::Kind::Cli => "cli",
        })
        .collect();
    for (id, a) in &entry.assessment {
        let p = format!("/assessment/{id}");
        let Some(criterion) = ctx.criteria.get(id) else {
            let hint = match closest(id, ctx.criteria.keys()) {
                Some(guess) => {
                    format!("did you mean `{guess}`? Criteria are the files in criteria/")
                }
                None => "criteria are the files in criteria/".to_owned(),
            };
            f.error_at_key(
                codes::UNKNOWN_CRITERION,
                &p,
                format!("unknown criterion `{id}`"),
                hint,
            );
            continue;
        };
        if !criterion.applies_to_kinds(&entry.kinds) {
            let d = Diagnostic::warning(
                codes::INAPPLICABLE_CRITERION,
                f.file,
                format!(
                    "criterion `{id}` does not apply to software of kinds {}",
                    kinds.join(", ")
                ),
            )
            .at(f.src, f.doc.key_span(&p))
            .with_hint("remove this assessment, or check the entry's `kinds`");
            f.out.push(d);
        }
        if matches!(a.status, Status::Met | Status::Partial)
            && criterion.evidence_required
            && a.evidence.is_empty()
        {
            f.error(
                codes::MISSING_EVIDENCE,
                &format!("{p}/status"),
                format!("`{id}` is marked {} without evidence", a.status.id()),
                "add `evidence = [\"https://...\"]` with a public page that shows it, or set the status to \"unknown\"",
            );
        }
        if a.status == Status::NotApplicable && a.note.is_none() {
            f.error(
                codes::MISSING_REASON,
                &format!("{p}/status"),
                format!("`{id}` is marked not-applicable without a reason"),
                "add `note.fr` and `note.en` saying why the criterion does not apply",
            );
        }
        match a.assessed {
            None if a.status != Status::Unknown => f.error(
                codes::MISSING_DATE,
                &format!("{p}/status"),
                format!("the assessment of `{id}` has no date"),
                "add `assessed = YYYY-MM-DD`, the day the status was established",
            ),
            Some(date) => f.date(&format!("{p}/assessed"), date, ctx.latest_date),
            None => {}
        }
        for (i, url) in a.evidence.iter().enumerate() {
            f.url(&format!("{p}/evidence/{i}"), url);
        }
        if let Some(note) = &a.note {
            f.text(&format!("{p}/note"), note, limits::NOTE);
        }
    }
    let missing: Vec<&str> = ctx
        .criteria
        .values()
        .filter(|c| c.applies_to_kinds(&entry.kinds) && !entry.assessment.contains_key(&c.id))
        .map(|c| c.id.as_str())
        .collect();
    if !missing.is_empty() {
        let d = Diagnostic::error(
            codes::MISSING_ASSESSMENT,
            f.file,
            format!(
                "{} applicable criteri{} not assessed: {}",
                missing.len(),
                if missing.len() == 1 { "on is" } else { "a are" },
                missing.join(", ")
            ),
        )
        .at(f.src, f.doc.key_span("/assessment"))
        .with_hint(format!(
            "every criterion that applies to kinds {} needs a table, at least `[assessment.{}]` with `status = \"unknown\"`",
            kinds.join(", "),
            missing[0]
        ));
        f.out.push(d);
    }
}

fn review(f: &mut FileCheck<'_>, entry: &Entry, ctx: &Context<'_>) {
    let r = &entry.review;
    if r.status.is_decision() && (r.by.is_none() || r.date.is_none()) {
        f.error(
            codes::INCOMPLETE_REVIEW,
            "/review/status",
            format!(
                "a `{}` review needs `by` (the reviewer) and `date`",
                r.status.id()
            ),
            "decisions are public and accountable: name the reviewer and the day of the decision",
        );
    }
    if let Some(date) = r.date {
        f.date("/review/date", date, ctx.latest_date);
    }
    if let Some(note) = &r.note {
        f.text("/review/note", note, limits::NOTE);
    }
    for (i, h) in r.history.iter().enumerate() {
        f.date(
            &format!("/review/history/{i}/date"),
            h.date,
            ctx.latest_date,
        );
        if let Some(note) = &h.note {
            f.text(&format!("/review/history/{i}/note"), note, limits::NOTE);
        }
    }
}

pub fn check_criterion(f: &mut FileCheck<'_>, c: &Criterion, stem: &str) {
    f.id_matches_stem("id", &c.id, stem);
    f.text("/title", &c.title, limits::TITLE);
    f.text("/description", &c.description, limits::CRITERION_TEXT);
    f.text("/rationale", &c.rationale, limits::CRITERION_TEXT);
    f.text(
        "/evidence_guidance",
        &c.evidence_guidance,
        limits::EVIDENCE_GUIDANCE,
    );
    for (i, s) in c.sources.iter().enumerate() {
        f.url(&format!("/sources/{i}/url"), &s.url);
    }
}

pub fn check_category(f: &mut FileCheck<'_>, c: &Category, stem: &str) {
    f.id_matches_stem("id", &c.id, stem);
    f.text("/name", &c.name, limits::CATEGORY_NAME);
    f.text("/description", &c.description, limits::CATEGORY_DESCRIPTION);
}

pub fn check_service(
    f: &mut FileCheck<'_>,
    s: &Service,
    stem: &str,
    categories: &BTreeMap<String, Category>,
) {
    f.id_matches_stem("id", &s.id, stem);
    f.url("/homepage", &s.homepage);
    if let Some(contact) = &s.privacy_contact {
        f.url("/privacy_contact/url", &contact.url);
    }
    f.reference(
        "/categories",
        &s.categories,
        categories,
        codes::UNKNOWN_CATEGORY,
        "category",
        "categories",
    );
    for (lang, list) in [("fr", &s.aliases.fr), ("en", &s.aliases.en)] {
        f.no_duplicates(&format!("/aliases/{lang}"), list);
        for (i, alias) in list.iter().enumerate() {
            if alias.trim().is_empty() || alias.chars().count() > limits::ALIAS {
                f.error(
                    codes::INVALID_VALUE,
                    &format!("/aliases/{lang}/{i}"),
                    format!("alias `{alias}` must be 1 to {} characters", limits::ALIAS),
                    "aliases are what people type to name the service",
                );
            }
        }
    }
}
