//! Machine-readable companions of the site: the Atom feeds of changes (the site's, an
//! entry's, a category's: additions, assessment and grade changes, removals, in commit
//! order, newest first, read from the data repository's history), the OpenSearch description (browser search bar), the sitemap and robots.txt.
//! Addresses in them are absolute, built on the configured public URL.

use std::sync::Arc;

use atom_syndication::{Entry as AtomEntry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, TimeZone, Utc};

use super::changes::ChangeView;
use super::i18n::Tr;
use crate::app::App;
use crate::catalogue::Snapshot;
use crate::catalogue::history::EntryChange;
use crate::model::{Lang, is_valid_slug};
use crate::util::escape_html;

/// How many entries the feed carries.
pub const FEED_LEN: usize = 50;

/// The value of `name=` in a query string, when there is one.
fn param<'q>(query: Option<&'q str>, name: &str) -> Option<&'q str> {
    query?
        .split('&')
        .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
}

fn lang_of(query: Option<&str>) -> Lang {
    match query {
        Some(q) if q.split('&').any(|p| p == "lang=en") => Lang::En,
        _ => Lang::Fr,
    }
}

fn at_noon(date: NaiveDate) -> FixedDateTime {
    let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default();
    Utc.from_utc_datetime(&noon).fixed_offset()
}

fn reply(content_type: &'static str, body: String) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            ),
        ],
        body,
    )
        .into_response()
}

/// What a feed follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOf {
    Site,
    Entry(String),
    Category(String),
}

impl FeedOf {
    /// The feed's own address (`self`, and its id).
    fn href(&self, base: &str, lang: Lang) -> String {
        let mut query = Vec::new();
        match self {
            FeedOf::Site => {}
            FeedOf::Entry(slug) => query.push(format!("entry={slug}")),
            FeedOf::Category(id) => query.push(format!("category={id}")),
        }
        if lang == Lang::En {
            query.push("lang=en".to_owned());
        }
        if query.is_empty() {
            format!("{base}/feed.atom")
        } else {
            format!("{base}/feed.atom?{}", query.join("&"))
        }
    }
}

/// The Atom feed of changes, newest first, at most `FEED_LEN`: `changes` are the site's
/// recent changes (for the site and a category) or the entry's history, newest first. With
/// no change known (the data is not in git), the site's feed lists the most recently
/// changed entries by the dates of their files instead.
pub fn changes_feed(
    snapshot: &Snapshot,
    changes: &[EntryChange],
    of: &FeedOf,
    base: &str,
    lang: Lang,
) -> Feed {
    if changes.is_empty() && *of == FeedOf::Site {
        return atom_feed(snapshot, base, lang);
    }
    let tr = Tr::new(lang);
    let items: Vec<AtomEntry> = changes
        .iter()
        .filter(|c| match of {
            FeedOf::Site => true,
            FeedOf::Entry(slug) => &c.slug == slug,
            FeedOf::Category(id) => c.categories.contains(id),
        })
        .take(FEED_LEN)
        .map(|c| {
            let view = ChangeView::of(tr, snapshot, c);
            let url = format!("{base}/{}/entries/{}", lang.code(), c.slug);
            let when = c.date.fixed_offset();
            let mut item = AtomEntry::default();
            item.set_id(format!(
                "{base}/api/v1/entries/{}/history#{}",
                c.slug, c.commit
            ));
            let mut title = tr.args(
                "feed-change-title",
                &[
                    ("name", c.name.clone().into()),
                    ("what", view.what.clone().into()),
                ],
            );
            if c.grade_changed()
                && let Some(g) = &view.grade
            {
                title.push_str(&format!(" ({g})"));
            }
            item.set_title(Text::plain(title));
            item.set_updated(when);
            item.set_published(Some(when));
            item.set_summary(Some(Text::plain(view.text())));
            let mut links = vec![Link {
                href: url,
                rel: "alternate".into(),
                hreflang: Some(lang.code().into()),
                mime_type: Some("text/html".into()),
                ..Link::default()
            }];
            if let Some(id) = c.submission {
                links.push(Link {
                    href: format!("{base}/{}/submissions/{id}", lang.code()),
                    rel: "related".into(),
                    mime_type: Some("text/html".into()),
                    ..Link::default()
                });
            }
            item.set_links(links);
            item
        })
        .collect();
    let updated = items
        .first()
        .map_or_else(|| at_noon(NaiveDate::default()), |i| *i.updated());
    let title = match of {
        FeedOf::Site => tr.t("feed-title"),
        FeedOf::Entry(slug) => tr.s(
            "feed-entry-feed-title",
            "name",
            snapshot
                .catalogue
                .entries
                .get(slug)
                .map_or(slug.as_str(), |e| e.name.as_str()),
        ),
        FeedOf::Category(id) => tr.s(
            "feed-category-feed-title",
            "name",
            &super::view::category_name(snapshot, id, lang),
        ),
    };
    let page = match of {
        FeedOf::Site => format!("{base}/{}/", lang.code()),
        FeedOf::Entry(slug) => format!("{base}/{}/entries/{slug}", lang.code()),
        FeedOf::Category(id) => format!("{base}/{}/search?category={id}", lang.code()),
    };
    let mut feed = frame(&tr, of.href(base, lang), page, title, updated);
    feed.set_entries(items);
    feed
}

fn frame(tr: &Tr, self_href: String, page: String, title: String, updated: FixedDateTime) -> Feed {
    let mut feed = Feed::default();
    feed.set_id(self_href.clone());
    feed.set_title(Text::plain(title));
    feed.set_subtitle(Some(Text::plain(tr.t("site-description"))));
    feed.set_updated(updated);
    feed.set_lang(Some(tr.lang.code().to_owned()));
    feed.set_rights(Some(Text::plain("CC BY-SA 4.0")));
    feed.set_authors(vec![Person {
        name: tr.t("site-name"),
        ..Person::default()
    }]);
    feed.set_links(vec![
        Link {
            href: self_href,
            rel: "self".into(),
            mime_type: Some("application/atom+xml".into()),
            ..Link::default()
        },
        Link {
            href: page,
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Link::default()
        },
    ]);
    feed
}

/// The Atom feed of the `FEED_LEN` most recently changed entries by the dates written in
/// their files, newest first: the site's feed when the data has no git history.
pub fn atom_feed(snapshot: &Snapshot, base: &str, lang: Lang) -> Feed {
    let tr = Tr::new(lang);
    let mut entries: Vec<_> = snapshot.catalogue.entries.values().collect();
    entries.sort_by(|a, b| {
        b.last_changed()
            .cmp(&a.last_changed())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    entries.truncate(FEED_LEN);
    let updated = entries.first().map_or_else(
        || at_noon(NaiveDate::default()),
        |e| at_noon(e.last_changed()),
    );
    let items: Vec<AtomEntry> = entries
        .iter()
        .map(|e| {
            let url = format!("{base}/{}/entries/{}", lang.code(), e.slug);
            let mark = super::view::GradeMark::of(tr, snapshot.grades.get(&e.slug));
            let mut item = AtomEntry::default();
            item.set_id(url.clone());
            item.set_title(Text::plain(tr.args(
                "feed-entry-title",
                &[
                    ("name", e.name.clone().into()),
                    ("grade", mark.letter.into()),
                    ("confidence", mark.confidence.into()),
                ],
            )));
            item.set_updated(at_noon(e.last_changed()));
            item.set_published(Some(at_noon(e.added)));
            item.set_summary(Some(Text::plain(e.summary.get(lang).to_owned())));
            item.set_links(vec![Link {
                href: url,
                rel: "alternate".into(),
                hreflang: Some(lang.code().into()),
                mime_type: Some("text/html".into()),
                ..Link::default()
            }]);
            item
        })
        .collect();
    let mut feed = frame(
        &tr,
        FeedOf::Site.href(base, lang),
        format!("{base}/{}/", lang.code()),
        tr.t("feed-title"),
        updated,
    );
    feed.set_entries(items);
    feed
}

/// `GET /feed.atom` (French) and `/feed.atom?lang=en`: the site's changes; with
/// `entry=<slug>` an entry's, with `category=<id>` a category's (404 when unknown).
pub async fn atom(State(app): State<Arc<App>>, RawQuery(query): RawQuery) -> Response {
    let query = query.as_deref();
    let lang = lang_of(query);
    let snapshot = app.snapshot();
    let not_found = || (StatusCode::NOT_FOUND, "no such entry or category\n").into_response();
    let (of, changes) = if let Some(slug) = param(query, "entry") {
        if !is_valid_slug(slug) {
            return not_found();
        }
        let changes = app.catalogue.entry_history(slug).await;
        if !snapshot.catalogue.entries.contains_key(slug)
            && changes.as_ref().is_ok_and(|c| c.is_empty())
        {
            return not_found();
        }
        (FeedOf::Entry(slug.to_owned()), changes)
    } else if let Some(id) = param(query, "category") {
        if !snapshot.catalogue.categories.contains_key(id) {
            return not_found();
        }
        (
            FeedOf::Category(id.to_owned()),
            app.catalogue.recent_changes().await,
        )
    } else {
        (FeedOf::Site, app.catalogue.recent_changes().await)
    };
    let changes = match changes {
        Ok(changes) => changes,
        Err(e) => {
            tracing::error!(error = %crate::util::escaped(&e), "feed: history unavailable");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "the history of the data cannot be read right now; try again later\n",
            )
                .into_response();
        }
    };
    let feed = changes_feed(&snapshot, &changes, &of, &app.config.public_url, lang);
    reply("application/atom+xml; charset=utf-8", feed.to_string())
}

/// `GET /opensearch.xml`: lets browsers add the registry as a search engine.
pub async fn opensearch(State(app): State<Arc<App>>, RawQuery(query): RawQuery) -> Response {
    let lang = lang_of(query.as_deref());
    let tr = Tr::new(lang);
    let base = escape_html(&app.config.public_url);
    let body = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
<ShortName>{short}</ShortName>
<Description>{desc}</Description>
<InputEncoding>UTF-8</InputEncoding>
<Language>{code}</Language>
<Image height="32" width="32" type="image/svg+xml">{base}{icon}</Image>
<Url type="text/html" method="get" template="{base}/{code}/search?q={{searchTerms}}"/>
<Url type="application/json" method="get" template="{base}/api/v1/search?q={{searchTerms}}&amp;lang={code}"/>
<moz:SearchForm>{base}/{code}/search</moz:SearchForm>
</OpenSearchDescription>
"#,
        short = escape_html(&tr.t("site-name")),
        desc = escape_html(&tr.t("site-description")),
        code = lang.code(),
        icon = super::assets::ICON.href(),
    );
    reply("application/opensearchdescription+xml; charset=utf-8", body)
}

/// Every page worth indexing, in both languages, with its other-language alternate: public
/// pages only. The pages of a session (submitting, the review queue, the account) answer an
/// anonymous crawler with a redirect to the login page, so they are not listed.
pub fn sitemap_xml(snapshot: &Snapshot, base: &str) -> String {
    let c = &snapshot.catalogue;
    let mut paths: Vec<(String, Option<NaiveDate>)> = [
        "/",
        "/criteria",
        "/observatory",
        "/decisions",
        "/privacy",
        "/about",
    ]
    .iter()
    .map(|p| ((*p).to_owned(), None))
    .collect();
    paths.extend(
        c.entries
            .values()
            .map(|e| (format!("/entries/{}", e.slug), Some(e.last_changed()))),
    );
    paths.extend(
        c.services
            .keys()
            .filter(|id| c.entries.values().any(|e| e.replaces.contains(id)))
            .map(|id| (format!("/alternatives/{id}"), None)),
    );
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let base = escape_html(base);
    for (path, changed) in &paths {
        for lang in Lang::ALL {
            out.push_str(&format!("<url><loc>{base}/{}{path}</loc>", lang.code()));
            for alt in Lang::ALL {
                out.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{base}/{code}{path}\"/>",
                    code = alt.code()
                ));
            }
            if let Some(d) = changed {
                out.push_str(&format!("<lastmod>{d}</lastmod>"));
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// `GET /sitemap.xml`.
pub async fn sitemap(State(app): State<Arc<App>>) -> Response {
    reply(
        "application/xml; charset=utf-8",
        sitemap_xml(&app.snapshot(), &app.config.public_url),
    )
}

/// `GET /robots.txt`: everything may be indexed except result pages and the API.
pub async fn robots(State(app): State<Arc<App>>) -> Response {
    let base = &app.config.public_url;
    reply(
        "text/plain; charset=utf-8",
        format!(
            "User-agent: *\nDisallow: /fr/search\nDisallow: /en/search\nDisallow: /fr/compare\nDisallow: /en/compare\nDisallow: /api/\nAllow: /\n\nSitemap: {base}/sitemap.xml\n"
        ),
    )
}
