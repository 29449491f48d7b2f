//! Machine-readable companions of the site: the Atom feed of recently added or changed
//! entries, the OpenSearch description (browser search bar), the sitemap and robots.txt.
//! Addresses in them are absolute, built on the configured public URL.

use std::sync::Arc;

use atom_syndication::{Entry as AtomEntry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, TimeZone, Utc};

use super::i18n::Tr;
use crate::app::App;
use crate::catalogue::Snapshot;
use crate::model::Lang;
use crate::util::escape_html;

/// How many entries the feed carries.
pub const FEED_LEN: usize = 50;

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

/// The Atom feed of the `FEED_LEN` most recently changed entries, newest first.
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
    let self_href = match lang {
        Lang::Fr => format!("{base}/feed.atom"),
        Lang::En => format!("{base}/feed.atom?lang=en"),
    };
    let mut feed = Feed::default();
    feed.set_id(self_href.clone());
    feed.set_title(Text::plain(tr.t("feed-title")));
    feed.set_subtitle(Some(Text::plain(tr.t("site-description"))));
    feed.set_updated(updated);
    feed.set_lang(Some(lang.code().to_owned()));
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
            href: format!("{base}/{}/", lang.code()),
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Link::default()
        },
    ]);
    feed.set_entries(items);
    feed
}

/// `GET /feed.atom` (French) and `/feed.atom?lang=en`.
pub async fn atom(State(app): State<Arc<App>>, RawQuery(query): RawQuery) -> Response {
    let feed = atom_feed(
        &app.snapshot(),
        &app.config.public_url,
        lang_of(query.as_deref()),
    );
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
