//! `/badges/{slug}.svg`: a small grade badge a listed project can put in its README.
//! The SVG carries its text (`<title>`, `aria-label`) so it reads as "grade B", not as a
//! coloured box; `?lang=fr` gives the French wording (English by default, as READMEs are).

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::i18n::Tr;
use crate::app::App;
use crate::model::{Grade, Lang, is_valid_slug};
use crate::util::escape_html;

/// Width of the badge, in pixels (the entry page shows it at this size).
pub const WIDTH: u32 = 124;
const LEFT: u32 = 100;

fn colours(grade: Option<Grade>) -> (&'static str, &'static str) {
    match grade {
        Some(Grade::A) => ("#1e7b34", "#ffffff"),
        Some(Grade::B) => ("#4d7c0f", "#ffffff"),
        Some(Grade::C) => ("#f5c518", "#16161d"),
        Some(Grade::D) => ("#f08c2e", "#16161d"),
        Some(Grade::E) => ("#c62828", "#ffffff"),
        None => ("#6b6b78", "#ffffff"),
    }
}

/// The SVG of a badge; `grade` is `None` for an entry that is not listed.
pub fn svg(tr: Tr, grade: Option<Grade>, review: &str) -> String {
    let (bg, fg) = colours(grade);
    let letter = grade.map_or("?", Grade::letter);
    let label = match grade {
        Some(g) => tr.args(
            "badge-title",
            &[
                ("grade", g.letter().into()),
                ("review", review.to_owned().into()),
            ],
        ),
        None => tr.t("badge-unlisted"),
    };
    let label = escape_html(&label);
    let right = WIDTH - LEFT;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="20" viewBox="0 0 {WIDTH} 20" role="img" aria-label="{label}"><title>{label}</title><rect width="{LEFT}" height="20" fill="#343845"/><rect x="{LEFT}" width="{right}" height="20" fill="{bg}"/><g font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11" text-anchor="middle"><text x="{lx}" y="14" fill="#ffffff" textLength="{lw}" lengthAdjust="spacingAndGlyphs">floss-registry</text><text x="{rx}" y="14" fill="{fg}" font-weight="bold">{letter}</text></g></svg>"##,
        lx = LEFT / 2,
        lw = LEFT - 12,
        rx = LEFT + right / 2,
    )
}

/// `GET /badges/{slug}.svg`.
pub async fn serve(
    State(app): State<Arc<App>>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = match query.as_deref() {
        Some(q) if q.split('&').any(|p| p == "lang=fr") => Lang::Fr,
        _ => Lang::En,
    };
    let tr = Tr::new(lang);
    let Some(slug) = file.strip_suffix(".svg") else {
        return (StatusCode::NOT_FOUND, "badges are at /badges/{slug}.svg\n").into_response();
    };
    let snapshot = app.snapshot();
    let entry = is_valid_slug(slug)
        .then(|| snapshot.catalogue.entries.get(slug))
        .flatten();
    let (status, body) = match entry {
        Some(e) => {
            let grade = snapshot.grades.get(slug).map(|g| g.grade);
            (
                StatusCode::OK,
                svg(tr, grade, &super::view::review_label(tr, e.review.status)),
            )
        }
        None => (StatusCode::NOT_FOUND, svg(tr, None, "")),
    };
    (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("image/svg+xml"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'"),
            ),
        ],
        body,
    )
        .into_response()
}
