//! What every page handler starts from: the app, the page's language and address
//! ([`Ctx`], an extractor), and the frame every page shares ([`Layout`]: title, language
//! switch, navigation, asset addresses).

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::assets;
use super::error::{Link, WebError};
use super::i18n::Tr;
use crate::app::App;
use crate::model::Lang;

/// The request as a page sees it.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub app: Arc<App>,
    pub lang: Lang,
    pub tr: Tr,
    /// Path of the page, e.g. `/fr/search`.
    pub path: String,
    /// Raw query string, if any.
    pub query: Option<String>,
}

impl FromRequestParts<Arc<App>> for Ctx {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &Arc<App>,
    ) -> Result<Self, Self::Rejection> {
        Ok(Ctx::of(parts, app))
    }
}

impl Ctx {
    /// The context of a request, from its parts (other extractors build one this way).
    pub fn of(parts: &Parts, app: &Arc<App>) -> Ctx {
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or(Lang::Fr);
        Ctx {
            app: Arc::clone(app),
            lang,
            tr: Tr::new(lang),
            path: parts.uri.path().to_owned(),
            query: parts.uri.query().map(str::to_owned),
        }
    }
}

/// Sections of the site, to mark the current one in the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Search,
    Criteria,
    Observatory,
    Decisions,
    Submit,
    Account,
    Other,
}

/// One link of the main navigation.
#[derive(Debug, Clone)]
pub struct NavItem {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// The frame shared by every page.
#[derive(Debug, Clone)]
pub struct Layout {
    pub lang: &'static str,
    /// The page's own title; the site name is added by the template.
    pub title: String,
    pub description: String,
    pub home: String,
    pub nav: Vec<NavItem>,
    /// The same page in the other language.
    pub switch_href: String,
    pub switch_lang: &'static str,
    pub switch_label: String,
    pub switch_name: &'static str,
    pub canonical: String,
    pub alternate_href: String,
    pub css: &'static str,
    pub icon: &'static str,
    pub feed: String,
    /// A feed of this page's own changes (an entry's, a category's), linked beside the
    /// site's.
    pub page_feed: Option<FeedLink>,
    /// Whether the header carries a search box (not on pages that have their own).
    pub header_search: bool,
    /// The words in the header search box.
    pub q: String,
    /// Keep out of search engines (error pages, result pages).
    pub noindex: bool,
}

/// An Atom feed linked from a page's head.
#[derive(Debug, Clone)]
pub struct FeedLink {
    pub href: String,
    pub title: String,
}

impl Ctx {
    /// The path with `/{lang}` swapped for the other language, query kept.
    pub fn in_lang(&self, lang: Lang) -> String {
        let rest = self
            .path
            .strip_prefix(&format!("/{}", self.lang.code()))
            .unwrap_or("/");
        let rest = if rest.is_empty() { "/" } else { rest };
        match &self.query {
            Some(q) if !q.is_empty() => format!("/{}{rest}?{q}", lang.code()),
            _ => format!("/{}{rest}", lang.code()),
        }
    }

    /// An address inside this language: `ctx.href("/criteria")` is `/fr/criteria`.
    pub fn href(&self, path: &str) -> String {
        format!("/{}{path}", self.lang.code())
    }

    pub fn layout(&self, title: impl Into<String>, section: Section) -> Layout {
        let tr = self.tr;
        let other = match self.lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        let items = [
            (Section::Search, "/search", "nav-search"),
            (Section::Criteria, "/criteria", "nav-criteria"),
            (Section::Observatory, "/observatory", "nav-observatory"),
            (Section::Decisions, "/decisions", "nav-decisions"),
            (Section::Submit, "/submit", "nav-submit"),
            // Static text, the same for everyone: public pages are cached and shared, so
            // the header never says who is logged in.
            (Section::Account, "/account", "nav-account"),
        ];
        let base = &self.app.config.public_url;
        Layout {
            lang: self.lang.code(),
            title: title.into(),
            description: tr.t("site-description"),
            home: self.href("/"),
            nav: items
                .into_iter()
                .map(|(s, path, key)| NavItem {
                    href: self.href(path),
                    label: tr.t(key),
                    current: s == section,
                })
                .collect(),
            switch_href: self.in_lang(other),
            switch_lang: other.code(),
            switch_label: tr.t("switch-language"),
            switch_name: other.native_name(),
            canonical: format!("{base}{}", self.path),
            alternate_href: format!("{base}{}", self.in_lang(other)),
            css: assets::STYLE.href(),
            icon: assets::ICON.href(),
            feed: match self.lang {
                Lang::Fr => "/feed.atom".to_owned(),
                Lang::En => "/feed.atom?lang=en".to_owned(),
            },
            page_feed: None,
            header_search: true,
            q: String::new(),
            noindex: false,
        }
    }

    /// A translated 404 page, with a suggestion when one is known.
    pub fn not_found(&self, suggestion: Option<Link>) -> WebError {
        WebError::not_found(self, suggestion)
    }

    /// A translated 400 page explaining what was wrong.
    pub fn bad_request(&self, heading_key: &str, detail: String) -> WebError {
        WebError::bad_request(self, heading_key, detail)
    }

    /// A 500 page; `details` go to the log only.
    pub fn internal(&self, details: impl std::fmt::Display) -> WebError {
        WebError::internal(self, details)
    }
}

impl Layout {
    /// A frame built without a request (the panic page): no canonical address, the language
    /// switch leads to the other home page.
    pub fn minimal(lang: Lang, title: String) -> Layout {
        let tr = Tr::new(lang);
        let other = match lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        Layout {
            lang: lang.code(),
            title,
            description: tr.t("site-description"),
            home: format!("/{}/", lang.code()),
            nav: Vec::new(),
            switch_href: format!("/{}/", other.code()),
            switch_lang: other.code(),
            switch_label: tr.t("switch-language"),
            switch_name: other.native_name(),
            canonical: String::new(),
            alternate_href: String::new(),
            css: assets::STYLE.href(),
            icon: assets::ICON.href(),
            feed: "/feed.atom".to_owned(),
            page_feed: None,
            header_search: false,
            q: String::new(),
            noindex: true,
        }
    }
}
