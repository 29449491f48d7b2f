//! `/badges/{slug}.svg`: a small grade badge a listed project can put in its README.
//! The SVG carries its text (`<title>`, `aria-label`) so it reads as "grade B", not as a
//! coloured box; `?lang=fr` gives the French wording (English by default, as READMEs are).
//! A provisional grade says so on the badge itself ("D · provisional"), which is then wider.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::i18n::Tr;
use crate::app::App;
use crate::http::middleware;
use crate::model::{Grade, Lang, is_valid_slug};
use crate::util::escape_html;

/// Width of the left part ("floss-registry"), in pixels.
const LEFT: u32 = 100;

/// What the right part of a badge reads: the letter, and "provisional" when it is.
fn right_text(tr: Tr, grade: Option<(Grade, bool)>) -> String {
    match grade {
        Some((g, true)) => format!("{} · {}", g.letter(), tr.t("badge-provisional")),
        Some((g, false)) => g.letter().to_owned(),
        None => "?".to_owned(),
    }
}

/// Width of a badge in pixels (the entry page shows it at this size): about 7 px a character
/// of the right part's bold 11 px text, with margins.
pub fn width(tr: Tr, grade: Option<(Grade, bool)>) -> u32 {
    let chars = u32::try_from(right_text(tr, grade).chars().count()).unwrap_or(20);
    LEFT + 24.max(chars * 7 + 12)
}

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

/// The SVG of a badge; `grade` (the letter, and whether it is provisional) is `None` for an
/// entry that is not listed.
pub fn svg(tr: Tr, grade: Option<(Grade, bool)>, review: &str) -> String {
    let (bg, fg) = colours(grade.map(|(g, _)| g));
    let letter = escape_html(&right_text(tr, grade));
    let label = match grade {
        Some((g, provisional)) => tr.args(
            if provisional {
                "badge-title-provisional"
            } else {
                "badge-title"
            },
            &[
                ("grade", g.letter().into()),
                ("review", review.to_owned().into()),
            ],
        ),
        None => tr.t("badge-unlisted"),
    };
    let label = escape_html(&label);
    let total = width(tr, grade);
    let right = total - LEFT;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" viewBox="0 0 {total} 20" role="img" aria-label="{label}"><title>{label}</title><rect width="{LEFT}" height="20" fill="#343845"/><rect x="{LEFT}" width="{right}" height="20" fill="{bg}"/><g font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11" text-anchor="middle"><text x="{lx}" y="14" fill="#ffffff" textLength="{lw}" lengthAdjust="spacingAndGlyphs">floss-registry</text><text x="{rx}" y="14" fill="{fg}" font-weight="bold">{letter}</text></g></svg>"##,
        lx = LEFT / 2,
        lw = LEFT - 12,
        rx = LEFT + right / 2,
    )
}

/// How long a listed entry's badge may be kept: a day, then served stale for up to a week
/// while it is revalidated (its ETag makes that a `304` of a few bytes). A badge changes only
/// when its entry's grade or review does, and READMEs embed it on every view, often through
/// an image proxy that honours these headers.
const LISTED_CACHE: &str = "public, max-age=86400, stale-while-revalidate=604800";

/// `GET /badges/{slug}.svg`. A listed entry's badge has an ETag of its slug and of the SVG
/// itself, made with the recipe of every ETag (`middleware::etag_of`): it changes when the
/// grade, its provisional mark, the review status or the wording does, and not when another
/// entry changes, so a catalogue update does not invalidate every badge embedded elsewhere.
pub async fn serve(
    State(app): State<Arc<App>>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    request_headers: HeaderMap,
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
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'"),
    );
    let Some(e) = entry else {
        // An unlisted slug may be listed soon: an hour, and no tag.
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=3600"),
        );
        return (StatusCode::NOT_FOUND, headers, svg(tr, None, "")).into_response();
    };
    let grade = snapshot.grades.get(slug).map(|g| (g.grade, g.provisional));
    let body = svg(tr, grade, &super::view::review_label(tr, e.review.status));
    let etag = middleware::etag_of(&[b"badge", slug.as_bytes(), body.as_bytes()]);
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(LISTED_CACHE),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if middleware::none_match(request_headers.get(header::IF_NONE_MATCH), &etag) {
        return middleware::not_modified(&headers);
    }
    (StatusCode::OK, headers, body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provisional_grade_says_so_on_the_badge() {
        let tr = Tr::new(Lang::En);
        let settled = svg(tr, Some((Grade::B, false)), "community");
        let provisional = svg(tr, Some((Grade::D, true)), "community");
        assert!(!settled.contains("provisional"), "{settled}");
        assert!(
            provisional.contains(">D · provisional</text>"),
            "{provisional}"
        );
        assert!(
            provisional.contains("grade D, provisional"),
            "{provisional}"
        );
        assert!(width(tr, Some((Grade::D, true))) > width(tr, Some((Grade::B, false))));
        let fr = svg(Tr::new(Lang::Fr), Some((Grade::D, true)), "communauté");
        assert!(fr.contains("D · provisoire"), "{fr}");
    }
}
