//! Errors of the web site, shown as translated HTML pages (the API keeps its JSON errors).
//!
//! Same policy as [`crate::http::error`]: a 4xx page tells the visitor what was wrong and
//! what to do next; a 500 page says something broke on our side, and the details go to the
//! log only.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::context::{Ctx, Layout};
use super::i18n::Tr;
use crate::error::{Classify, ErrorKind};
use crate::model::Lang;

/// A link offered on a page ("did you mean...", "back to...").
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub label: String,
}

#[derive(Debug, Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub tr: Tr,
    pub layout: Layout,
    pub status: u16,
    pub heading: String,
    pub message: String,
    /// A technical detail (which parameter was wrong), in English when it comes from the
    /// shared parameter parser.
    pub detail: Option<String>,
    pub detail_lang: &'static str,
    pub links: Vec<Link>,
    /// A form posted when the session had ended, offered to be sent again.
    pub repost: Option<Repost>,
}

/// Everything a form posted, to send again to `action` once the person has logged in.
#[derive(Debug, Clone)]
pub struct Repost {
    pub action: String,
    pub login: String,
    /// The posted pairs, the CSRF token left out (it belonged to the ended session).
    pub fields: Vec<(String, String)>,
}

/// An error page ready to be sent.
#[derive(Debug)]
pub struct WebError {
    status: StatusCode,
    page: Box<ErrorPage>,
}

impl WebError {
    fn new(ctx: &Ctx, status: StatusCode, heading: String, message: String) -> WebError {
        let mut layout = ctx.layout(heading.clone(), super::context::Section::Other);
        layout.noindex = true;
        let tr = ctx.tr;
        WebError {
            status,
            page: Box::new(ErrorPage {
                tr,
                layout,
                status: status.as_u16(),
                heading,
                message,
                detail: None,
                detail_lang: ctx.lang.code(),
                repost: None,
                links: vec![
                    Link {
                        href: ctx.href("/"),
                        label: tr.t("error-link-home"),
                    },
                    Link {
                        href: ctx.href("/search"),
                        label: tr.t("error-link-search"),
                    },
                ],
            }),
        }
    }

    pub fn not_found(ctx: &Ctx, suggestion: Option<Link>) -> WebError {
        let tr = ctx.tr;
        let mut e = WebError::new(
            ctx,
            StatusCode::NOT_FOUND,
            tr.t("error-404-title"),
            tr.t("error-404-message"),
        );
        if let Some(s) = suggestion {
            e.page.links.insert(0, s);
        }
        e
    }

    pub fn bad_request(ctx: &Ctx, heading_key: &str, detail: String) -> WebError {
        let tr = ctx.tr;
        let mut e = WebError::new(
            ctx,
            StatusCode::BAD_REQUEST,
            tr.t(heading_key),
            tr.t("error-400-message"),
        );
        e.page.detail = Some(detail);
        e
    }

    /// A 400 whose detail comes from the API's parameter parser (written in English).
    pub fn from_api(ctx: &Ctx, heading_key: &str, err: &crate::http::error::ApiError) -> WebError {
        use crate::http::error::ApiError;
        match err {
            ApiError::Internal(_) | ApiError::Unavailable(_) => ctx.internal(err),
            other => {
                let mut e = WebError::bad_request(ctx, heading_key, other.to_string());
                e.page.detail_lang = Lang::En.code();
                e
            }
        }
    }

    /// A 403 page: the visitor may not do this; `detail` says why, in the page's language.
    pub fn forbidden(ctx: &Ctx, detail: String) -> WebError {
        let tr = ctx.tr;
        let mut e = WebError::new(
            ctx,
            StatusCode::FORBIDDEN,
            tr.t("error-403-title"),
            tr.t("error-403-message"),
        );
        e.page.detail = Some(detail);
        e
    }

    /// A 401 page for a form posted after its session ended: what was posted comes back in
    /// a form that sends it again (the page it lands on then asks to confirm with a fresh
    /// token), with a login link that opens in a new tab so that this page stays.
    pub fn session_ended(
        ctx: &Ctx,
        action: &str,
        login: &str,
        pairs: Vec<(String, String)>,
    ) -> WebError {
        let tr = ctx.tr;
        let mut e = WebError::new(
            ctx,
            StatusCode::UNAUTHORIZED,
            tr.t("error-session-ended-title"),
            tr.t("error-session-ended-message"),
        );
        e.page.repost = Some(Repost {
            action: action.to_owned(),
            login: login.to_owned(),
            fields: pairs.into_iter().filter(|(k, _)| k != "csrf").collect(),
        });
        e
    }

    /// A 503 page: the database or the data repository cannot be reached just now.
    pub fn unavailable(ctx: &Ctx) -> WebError {
        let tr = ctx.tr;
        WebError::new(
            ctx,
            StatusCode::SERVICE_UNAVAILABLE,
            tr.t("error-503-title"),
            tr.t("error-503-message"),
        )
    }

    /// The page of a refusal or failure of a lower layer (the review workflow, the database,
    /// the data repository), as [`crate::http::failure`] decides: the refusals (403, 404, 409,
    /// 422) show the layer's public message, written in English; an unavailable part is a 503
    /// page; anything else is a 500 whose details went to the log only.
    pub fn from_failure(ctx: &Ctx, err: &(impl Classify + ?Sized)) -> WebError {
        let failure = crate::http::failure::of(err);
        let tr = ctx.tr;
        let (heading, message) = match failure.kind {
            ErrorKind::Forbidden => ("error-403-title", "error-403-message"),
            ErrorKind::NotFound => ("error-404-title", "error-workflow-404-message"),
            ErrorKind::Conflict => ("error-409-title", "error-409-message"),
            ErrorKind::Invalid => ("error-422-title", "error-422-message"),
            ErrorKind::BadRequest => ("error-login-title", "error-400-message"),
            ErrorKind::Unavailable | ErrorKind::Upstream => return WebError::unavailable(ctx),
            ErrorKind::Internal => return WebError::generic_500(ctx),
        };
        let mut e = WebError::new(ctx, failure.status, tr.t(heading), tr.t(message));
        e.page.detail = Some(failure.message);
        e.page.detail_lang = Lang::En.code();
        e
    }

    /// The same, for the workflow's errors.
    pub fn from_workflow(ctx: &Ctx, err: &crate::workflow::WorkflowError) -> WebError {
        WebError::from_failure(ctx, err)
    }

    fn generic_500(ctx: &Ctx) -> WebError {
        let tr = ctx.tr;
        WebError::new(
            ctx,
            StatusCode::INTERNAL_SERVER_ERROR,
            tr.t("error-500-title"),
            tr.t("error-500-message"),
        )
    }

    pub fn internal(ctx: &Ctx, details: impl std::fmt::Display) -> WebError {
        tracing::error!(details = %crate::util::escaped(&details), "web page failed");
        WebError::generic_500(ctx)
    }

    /// Adds a link offered to the visitor, first in the list.
    pub fn with_link(mut self, link: Link) -> WebError {
        self.page.links.insert(0, link);
        self
    }

    /// Adds a detail saying exactly what was wrong.
    pub fn with_detail(mut self, detail: String) -> WebError {
        self.page.detail = Some(detail);
        self
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self.page.render() {
            Ok(body) => super::html(self.status, body),
            Err(e) => {
                tracing::error!(error = %crate::util::escaped(&e), "error page failed to render");
                fallback(self.status)
            }
        }
    }
}

/// The answer to a panic inside a page handler (no request context is left by then).
pub fn panic_page(lang: Lang) -> Response {
    tracing::error!("a page handler panicked");
    let tr = Tr::new(lang);
    let page = ErrorPage {
        tr,
        layout: Layout::minimal(lang, tr.t("error-500-title")),
        status: 500,
        heading: tr.t("error-500-title"),
        message: tr.t("error-500-message"),
        detail: None,
        detail_lang: lang.code(),
        repost: None,
        links: vec![Link {
            href: format!("/{}/", lang.code()),
            label: tr.t("error-link-home"),
        }],
    };
    match page.render() {
        Ok(body) => super::html(StatusCode::INTERNAL_SERVER_ERROR, body),
        Err(_) => fallback(StatusCode::INTERNAL_SERVER_ERROR),
    }
}

/// A translated 404 page for an address outside `/fr/`, `/en/` and the API (say `/foo`),
/// in the language the browser prefers; for the router's fallback, which has no page
/// context. The API keeps its JSON 404.
pub fn stray_not_found(headers: &axum::http::HeaderMap) -> Response {
    let lang = preferred_lang(headers);
    let tr = Tr::new(lang);
    let page = ErrorPage {
        tr,
        layout: Layout::minimal(lang, tr.t("error-404-title")),
        status: 404,
        heading: tr.t("error-404-title"),
        message: tr.t("error-404-message"),
        detail: None,
        detail_lang: lang.code(),
        repost: None,
        links: vec![
            Link {
                href: format!("/{}/", lang.code()),
                label: tr.t("error-link-home"),
            },
            Link {
                href: format!("/{}/search", lang.code()),
                label: tr.t("error-link-search"),
            },
        ],
    };
    standalone(&page, StatusCode::NOT_FOUND)
}

/// The page of a login that failed at the callback (cancelled at the provider, stale or
/// tampered, provider unreachable), in the language the browser prefers; `detail` is the
/// login's error, in English. The callback has no page context: it is not under `/{lang}/`.
pub fn login_failed(
    headers: &axum::http::HeaderMap,
    status: StatusCode,
    detail: String,
) -> Response {
    let lang = preferred_lang(headers);
    let tr = Tr::new(lang);
    let mut layout = Layout::minimal(lang, tr.t("error-login-title"));
    layout.noindex = true;
    let page = ErrorPage {
        tr,
        layout,
        status: status.as_u16(),
        heading: tr.t("error-login-title"),
        message: tr.t("error-login-message"),
        detail: Some(detail),
        detail_lang: Lang::En.code(),
        repost: None,
        links: vec![
            Link {
                href: format!("/{}/login", lang.code()),
                label: tr.t("error-link-login"),
            },
            Link {
                href: format!("/{}/", lang.code()),
                label: tr.t("error-link-home"),
            },
        ],
    };
    standalone(&page, status)
}

/// The language a request's `Accept-Language` prefers, for pages outside `/{lang}/`.
fn preferred_lang(headers: &axum::http::HeaderMap) -> Lang {
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    super::i18n::negotiate(accept)
}

/// An error page answered outside the page router (which adds the site's headers), with the
/// pages' content security policy.
fn standalone(page: &ErrorPage, status: StatusCode) -> Response {
    let mut res = match page.render() {
        Ok(body) => super::html(status, body),
        Err(_) => fallback(status),
    };
    res.headers_mut().insert(
        axum::http::header::CONTENT_SECURITY_POLICY,
        axum::http::HeaderValue::from_static(super::PAGE_CSP),
    );
    res
}

/// Last resort when even a template fails: a fixed bilingual page.
fn fallback(status: StatusCode) -> Response {
    super::html(
        status,
        format!(
            "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>{code}</title>\
             <h1>{code}</h1><p>Une erreur est survenue.</p><p lang=\"en\">An error occurred.</p>\
             <p><a href=\"/fr/\">Accueil</a> · <a href=\"/en/\" lang=\"en\">Home</a></p>",
            code = status.as_u16()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[tokio::test]
    async fn a_stray_address_gets_a_404_page_in_the_preferred_language() {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            axum::http::header::ACCEPT_LANGUAGE,
            axum::http::HeaderValue::from_static("en-GB,en;q=0.8"),
        );
        let res = stray_not_found(&headers);
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let body = res
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        let text = String::from_utf8_lossy(&body);
        assert!(
            text.contains("<html lang=\"en\">") && text.contains("Page not found"),
            "{text}"
        );
    }

    #[tokio::test]
    async fn a_panic_gives_a_translated_html_500_page() {
        for (lang, title) in [(Lang::Fr, "Erreur du serveur"), (Lang::En, "Server error")] {
            let res = panic_page(lang);
            assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
            let body = res
                .into_body()
                .collect()
                .await
                .map(|b| b.to_bytes())
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&body);
            assert!(text.contains(&format!("<html lang=\"{lang}\">")), "{text}");
            assert!(text.contains(title), "{text}");
        }
    }
}
