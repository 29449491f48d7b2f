//! The web site driven through the real router over a real index of the seed catalogue:
//! every page type in both languages, the language switch, the privacy promises (no cookie,
//! strict CSP, nothing inline), error pages in HTML, the feeds, and the page weight.
//! (Real-browser tests — keyboard, axe-core, JavaScript off — live in tests/web/.)

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use floss_registry::app::App;
use floss_registry::catalogue::Snapshot;
use floss_registry::config::{Config, ConfigArgs};
use floss_registry::search::SearchIndex;
use http_body_util::BodyExt;
use tower::ServiceExt;

const BASE: &str = "https://registry.test";

fn app() -> Arc<App> {
    static APP: OnceLock<Arc<App>> = OnceLock::new();
    Arc::clone(APP.get_or_init(|| {
        let loaded =
            floss_registry::data::load(Path::new("registry-data")).expect("seed data loads");
        let index = SearchIndex::in_memory(&loaded.catalogue).expect("index builds");
        let mut config = Config::from_args(&ConfigArgs::default()).expect("default config");
        config.public_url = BASE.into();
        let snapshot = Snapshot::new(loaded.catalogue, &loaded.report, None);
        Arc::new(App::from_parts(config, snapshot, index))
    }))
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: header::HeaderName) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }

    fn is_html(&self) -> bool {
        self.header(header::CONTENT_TYPE).starts_with("text/html")
    }
}

async fn send(request: Request<Body>) -> Reply {
    let res = floss_registry::http::router(app())
        .oneshot(request)
        .await
        .expect("the router never fails");
    let status = res.status();
    let headers = res.headers().clone();
    let body = res
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

async fn get(uri: &str) -> Reply {
    send(Request::get(uri).body(Body::empty()).expect("request")).await
}

/// One address of every public page type, after the language prefix (the pages of a
/// session are in `SESSION_PAGES`).
const PAGES: [&str; 11] = [
    "/",
    "/search?q=signal",
    "/entries/signal",
    "/alternatives/whatsapp",
    "/compare?e=signal&e=element",
    "/criteria",
    "/observatory",
    "/decisions",
    "/login",
    "/privacy",
    "/about",
];

/// Pages that need a session, after the language prefix.
const SESSION_PAGES: [&str; 8] = [
    "/submit",
    "/submit?slug=signal",
    "/review",
    "/account",
    "/account/export.json",
    "/admin",
    "/submissions/1",
    "/submissions/1/edit",
];

#[tokio::test]
async fn every_page_type_answers_in_both_languages_with_its_lang_attribute() {
    for lang in ["fr", "en"] {
        for page in PAGES {
            let uri = format!("/{lang}{page}");
            let r = get(&uri).await;
            assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
            assert!(r.is_html(), "{uri} is not HTML");
            assert!(
                r.text().contains(&format!("<html lang=\"{lang}\">")),
                "{uri}: no lang={lang}"
            );
            assert!(
                r.text().contains("<main id=\"main\""),
                "{uri}: no main landmark"
            );
            assert!(
                !r.text().contains("Unknown localization"),
                "{uri}: a Fluent key is missing"
            );
        }
    }
}

#[tokio::test]
async fn the_root_redirects_by_accept_language_and_defaults_to_french() {
    let cases = [
        (Some("en-GB,en;q=0.9"), "/en/"),
        (Some("de-DE,de;q=0.9,fr;q=0.8,en;q=0.5"), "/fr/"),
        (Some("es"), "/fr/"),
        (None, "/fr/"),
    ];
    for (accept, to) in cases {
        let mut req = Request::get("/");
        if let Some(a) = accept {
            req = req.header(header::ACCEPT_LANGUAGE, a);
        }
        let r = send(req.body(Body::empty()).expect("request")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{accept:?}");
        assert_eq!(r.header(header::LOCATION), to, "{accept:?}");
        assert!(r.header(header::VARY).contains("Accept-Language"));
    }
    let r = get("/en").await;
    assert_eq!(r.header(header::LOCATION), "/en/");
}

#[tokio::test]
async fn the_language_switch_points_to_the_same_page_and_query_in_the_other_language() {
    let r = get("/fr/search?q=signal&platform=android").await;
    assert!(
        r.text()
            .contains("href=\"/en/search?q=signal&#38;platform=android\" hreflang=\"en\""),
        "switch link missing"
    );
    let r = get("/en/entries/signal").await;
    assert!(
        r.text()
            .contains("href=\"/fr/entries/signal\" hreflang=\"fr\"")
    );
}

#[tokio::test]
async fn no_page_sets_a_cookie_and_every_page_has_a_strict_policy_and_nothing_inline() {
    for lang in ["fr", "en"] {
        for page in PAGES.iter().chain(&["/nowhere", "/compare?e=signal"]) {
            let uri = format!("/{lang}{page}");
            let r = get(&uri).await;
            assert!(
                r.headers.get(header::SET_COOKIE).is_none(),
                "{uri} sets a cookie"
            );
            let csp = r.header(header::CONTENT_SECURITY_POLICY);
            assert_eq!(csp, floss_registry::http::web::PAGE_CSP, "{uri}");
            assert!(!csp.contains("unsafe"), "{uri}");
            assert_eq!(r.header(header::REFERRER_POLICY), "no-referrer", "{uri}");
            let body = r.text();
            assert!(!body.contains(" style="), "{uri}: inline style attribute");
            assert!(!body.contains("<style"), "{uri}: style element");
            assert!(!body.contains("<script"), "{uri}: script element");
            for handler in [
                " onclick=",
                " onload=",
                " onerror=",
                " onchange=",
                " onsubmit=",
            ] {
                assert!(!body.contains(handler), "{uri}: inline handler {handler}");
            }
            for attr in ["src=\"http", "href=\"//", "src=\"//"] {
                assert!(
                    !body.contains(attr),
                    "{uri}: loads something from another origin ({attr})"
                );
            }
        }
    }
}

/// The policy pages are sent with, written out: a change to it is a decision (see
/// `PAGE_CSP`), not a side effect. `connect-src 'self'` lets tools that fetch from the page
/// (Lighthouse reads robots.txt that way) reach this origin, and nothing else.
#[tokio::test]
async fn pages_are_sent_with_exactly_this_policy() {
    const POLICY: &str = "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    for uri in ["/fr/", "/en/entries/signal", "/en/privacy", "/fr/nowhere"] {
        let r = get(uri).await;
        assert_eq!(r.header(header::CONTENT_SECURITY_POLICY), POLICY, "{uri}");
    }
}

#[tokio::test]
async fn search_page_shows_facets_with_counts_and_ands_repeated_filters() {
    let r = get("/fr/search?category=messaging&platform=android&platform=linux").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let body = r.text();
    assert!(
        body.contains("name=\"platform\" value=\"android\" checked"),
        "android not checked"
    );
    assert!(
        body.contains("name=\"platform\" value=\"linux\" checked"),
        "linux not checked"
    );
    assert!(body.contains("name=\"category\" value=\"messaging\" checked"));
    assert!(body.contains("<span class=\"count\">("), "no facet counts");
    assert!(body.contains("type=\"checkbox\" form=\"search-form\""));
    // The page shows as many results as the API finds for the same filters.
    let api =
        get("/api/v1/search?category=messaging&platform=android&platform=linux&lang=fr").await;
    let total = serde_json::from_slice::<serde_json::Value>(&api.body).expect("json")["total"]
        .as_u64()
        .unwrap_or(0);
    assert!(total > 0);
    assert!(
        body.contains(&format!("{total} résultat")),
        "total {total} not shown"
    );
    // Every filter can be removed by a link.
    assert!(body.contains("Retirer le filtre"));
}

#[tokio::test]
async fn search_snippets_are_highlighted_and_queries_escaped() {
    let r = get("/en/search?q=encrypted+messaging").await;
    assert!(r.text().contains("<mark>"), "no highlighted snippet");
    let r = get("/fr/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        !r.text().contains("<script>alert"),
        "query echoed unescaped"
    );
}

#[tokio::test]
async fn a_search_without_results_offers_suggestions() {
    let r = get("/fr/search?q=zzzqqqxxx").await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.text();
    assert!(body.contains("Aucun logiciel ne correspond"));
    assert!(
        body.contains("/fr/alternatives/whatsapp"),
        "popular services not offered"
    );
    let r = get("/en/search?q=signl").await;
    assert!(
        r.text().contains("Signal"),
        "a typo still finds Signal or suggests it"
    );
}

#[tokio::test]
async fn pagination_links_keep_the_query_and_filters() {
    let r = get("/en/search?platform=linux&sort=name").await;
    let body = r.text();
    assert!(
        body.contains("aria-label=\"Result pages\""),
        "no pagination"
    );
    assert!(body.contains("href=\"/en/search?platform=linux&#38;sort=name&#38;page=2\""));
    let r = get("/en/search?platform=linux&sort=name&page=2").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("aria-current=\"page\""));
}

#[tokio::test]
async fn bad_search_parameters_get_a_friendly_html_400_not_json() {
    for uri in [
        "/fr/search?page=0",
        "/fr/search?category=nope",
        "/en/search?sort=random",
        "/fr/search?q=%zz",
    ] {
        let r = get(uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(r.is_html(), "{uri} is not HTML");
        assert!(r.text().contains("<html lang="), "{uri}");
    }
    let r = get("/fr/search?category=mesaging").await;
    assert!(
        r.text().contains("did you mean `messaging`"),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn entry_page_shows_the_grade_and_every_applicable_criterion() {
    let api: serde_json::Value =
        serde_json::from_slice(&get("/api/v1/entries/signal").await.body).expect("json");
    let grade = api["grade"]["grade"].as_str().unwrap_or("?").to_owned();
    let r = get("/fr/entries/signal").await;
    let body = r.text();
    assert!(
        body.contains(&format!(
            "<span class=\"visually-hidden\">Note </span>{grade}</span>"
        )),
        "grade {grade} not shown"
    );
    assert!(body.contains("Comment la note est calculée"));
    let kinds: Vec<String> = api["kinds"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|k| k.as_str().map(str::to_owned))
        .collect();
    let criteria: serde_json::Value =
        serde_json::from_slice(&get("/api/v1/criteria").await.body).expect("json");
    let mut applicable = 0;
    for c in criteria.as_array().into_iter().flatten() {
        let applies = c["applies_to"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str())
            .any(|a| a == "all" || kinds.iter().any(|k| k == a));
        let id = c["id"].as_str().unwrap_or_default();
        let shown = body.contains(&format!("id=\"c-{id}\""));
        assert_eq!(
            shown, applies,
            "criterion {id}: shown {shown}, applies {applies}"
        );
        applicable += usize::from(applies);
    }
    assert!(applicable > 10);
    assert!(
        body.contains("href=\"/fr/submit?slug=signal\""),
        "no report link"
    );
}

#[tokio::test]
async fn unknown_entries_and_services_get_a_translated_404_with_a_suggestion() {
    let r = get("/fr/entries/signl").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.is_html());
    assert!(r.text().contains("Page introuvable"));
    assert!(
        r.text().contains("href=\"/fr/entries/signal\""),
        "no suggestion"
    );
    let r = get("/en/alternatives/whatsap").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains("Page not found"));
    assert!(r.text().contains("/en/alternatives/whatsapp"));
}

#[tokio::test]
async fn alternatives_for_one_platform_say_when_none_fits() {
    let all = get("/en/alternatives/whatsapp").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.text().contains(">Briar</a>"), "Briar is an alternative");
    assert!(
        all.text()
            .contains("href=\"/en/alternatives/whatsapp?platform=ios\"")
    );
    let ios = get("/en/alternatives/whatsapp?platform=ios").await;
    assert_eq!(ios.status, StatusCode::OK);
    assert!(ios.text().contains("on iOS"), "{}", ios.text());
    assert!(
        !ios.text().contains(">Briar</a>"),
        "Briar runs on Android only"
    );
    assert!(ios.text().contains(">Signal</a>"));
    assert!(ios.text().contains("aria-current=\"page\""));
    let bad = get("/fr/alternatives/whatsapp?platform=symbian").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.is_html());
    assert!(bad.text().contains("symbian"));
}

#[tokio::test]
async fn grades_show_how_much_they_rest_on() {
    let r = get("/en/entries/signal").await;
    let text = r.text();
    assert!(
        text.contains("criteria established"),
        "no confidence on the entry page"
    );
    let search = get("/en/search?q=signal").await.text();
    assert!(
        search.contains("class=\"confidence\""),
        "no confidence on search cards"
    );
    let compare = get("/en/compare?e=signal&e=briar").await.text();
    assert!(
        compare.contains("criteria established"),
        "no confidence on compare"
    );
    let alternatives = get("/en/alternatives/whatsapp").await.text();
    assert!(alternatives.contains("criteria established"));
}

#[tokio::test]
async fn the_404_page_is_translated_and_api_paths_keep_json() {
    let fr = get("/fr/cette-page-n-existe-pas").await;
    assert_eq!(fr.status, StatusCode::NOT_FOUND);
    assert!(fr.text().contains("<html lang=\"fr\">") && fr.text().contains("Page introuvable"));
    let en = get("/en/no/such/page").await;
    assert_eq!(en.status, StatusCode::NOT_FOUND);
    assert!(en.text().contains("<html lang=\"en\">") && en.text().contains("Page not found"));
    let stray = send(
        Request::get("/no-such-page")
            .header(header::ACCEPT_LANGUAGE, "en")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(stray.status, StatusCode::NOT_FOUND);
    assert!(stray.is_html() && stray.text().contains("Page not found"));
    let api = get("/api/v1/nothing-here").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert!(
        api.header(header::CONTENT_TYPE)
            .starts_with("application/json")
    );
}

#[tokio::test]
async fn compare_refuses_one_or_five_entries_and_unknown_slugs_with_html_pages() {
    let cases = [
        ("/fr/compare?e=signal", StatusCode::BAD_REQUEST),
        ("/fr/compare", StatusCode::BAD_REQUEST),
        (
            "/en/compare?e=signal&e=element&e=briar&e=jami&e=wire",
            StatusCode::BAD_REQUEST,
        ),
        ("/fr/compare?e=signal&e=nope-nope", StatusCode::NOT_FOUND),
        (
            "/fr/compare?e=signal&e=NOT%20A%20SLUG",
            StatusCode::NOT_FOUND,
        ),
    ];
    for (uri, status) in cases {
        let r = get(uri).await;
        assert_eq!(r.status, status, "{uri}");
        assert!(r.is_html(), "{uri} is not HTML");
    }
    let r = get("/fr/compare?e=signal&e=elemnt").await;
    assert!(
        r.text().contains("e=signal&#38;e=element"),
        "no corrected comparison offered"
    );
}

#[tokio::test]
async fn compare_marks_differing_rows_in_words() {
    let r = get("/en/compare?e=signal&e=element&e=signal").await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "a repeated entry is compared once"
    );
    let body = r.text();
    assert!(body.contains("class=\"differs\""));
    assert!(body.contains("<span class=\"diff-mark\">differs</span>"));
    let only = get("/en/compare?e=signal&e=element&diff=1").await.text();
    let rows = only.matches("<th scope=\"row\">").count();
    assert!(rows > 0, "no differing row left");
    assert_eq!(
        only.matches("<tr class=\"differs\">").count(),
        rows,
        "a row that does not differ is shown"
    );
}

#[tokio::test]
async fn alternatives_are_ranked_and_can_be_compared() {
    let r = get("/fr/alternatives/whatsapp").await;
    let body = r.text();
    assert!(body.contains("action=\"/fr/compare\""));
    assert!(body.contains("name=\"e\" value=\"signal\""));
    let api: serde_json::Value =
        serde_json::from_slice(&get("/api/v1/services/whatsapp/alternatives").await.body)
            .expect("json");
    let first = api["alternatives"][0]["slug"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let second = api["alternatives"][1]["slug"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (a, b) = (
        body.find(&format!("/fr/entries/{first}\"")),
        body.find(&format!("/fr/entries/{second}\"")),
    );
    assert!(
        a.is_some() && b.is_some() && a < b,
        "ranking differs from the API"
    );
}

#[tokio::test]
async fn the_badge_is_an_svg_with_an_accessible_title() {
    let r = get("/badges/signal.svg").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header(header::CONTENT_TYPE), "image/svg+xml");
    let body = r.text();
    assert!(body.starts_with("<svg") && body.contains("role=\"img\""));
    assert!(body.contains("<title>floss-registry: grade "));
    let fr = get("/badges/signal.svg?lang=fr").await.text();
    assert!(fr.contains("note"));
    assert_eq!(get("/badges/nope.svg").await.status, StatusCode::NOT_FOUND);
}

/// A badge is embedded in READMEs and changes only when its entry's grade or review does: a
/// day's cache, revalidated by an ETag of what it shows (its entry and wording).
#[tokio::test]
async fn badges_have_an_etag_of_their_entry_and_answer_304_to_it() {
    let conditional = |uri: &str, tag: &str| {
        Request::get(uri)
            .header(header::IF_NONE_MATCH, tag)
            .body(Body::empty())
            .expect("request")
    };
    let r = get("/badges/signal.svg").await;
    assert_eq!(r.status, StatusCode::OK);
    let etag = r.header(header::ETAG);
    assert!(etag.starts_with("W/\"") && etag.len() > 10, "ETag {etag:?}");
    let cache = r.header(header::CACHE_CONTROL);
    assert!(
        cache.contains("public")
            && cache.contains("max-age=86400")
            && cache.contains("stale-while-revalidate="),
        "{cache}"
    );
    assert_eq!(get("/badges/signal.svg").await.header(header::ETAG), etag);

    let again = send(conditional("/badges/signal.svg", &etag)).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header(header::ETAG), etag);
    assert_eq!(again.header(header::CACHE_CONTROL), cache);
    let listed = send(conditional(
        "/badges/signal.svg",
        &format!("W/\"x\", {etag}"),
    ))
    .await;
    assert_eq!(listed.status, StatusCode::NOT_MODIFIED);

    let stale = send(conditional("/badges/signal.svg", "W/\"0123\"")).await;
    assert_eq!(stale.status, StatusCode::OK);
    assert!(stale.text().starts_with("<svg"));

    let other = get("/badges/element.svg").await.header(header::ETAG);
    assert!(!other.is_empty());
    assert_ne!(other, etag, "another entry, another tag");
    let other_entry = send(conditional("/badges/element.svg", &etag)).await;
    assert_eq!(other_entry.status, StatusCode::OK);
    let french = get("/badges/signal.svg?lang=fr").await.header(header::ETAG);
    assert_ne!(french, etag, "other wording, other tag");
}

#[tokio::test]
async fn the_feed_is_valid_atom_with_recent_entries_first() {
    let r = get("/feed.atom").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.header(header::CONTENT_TYPE)
            .starts_with("application/atom+xml")
    );
    let feed = atom_syndication::Feed::read_from(&r.body[..]).expect("valid Atom");
    assert!(!feed.entries().is_empty());
    assert!(feed.entries().len() <= floss_registry::http::web::feeds::FEED_LEN);
    let dates: Vec<_> = feed.entries().iter().map(|e| *e.updated()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "not newest first");
    for e in feed.entries() {
        assert!(
            e.links()[0]
                .href()
                .starts_with(&format!("{BASE}/fr/entries/"))
        );
    }
    let en = atom_syndication::Feed::read_from(&get("/feed.atom?lang=en").await.body[..])
        .expect("valid");
    assert_eq!(en.lang(), Some("en"));
}

#[tokio::test]
async fn the_sitemap_lists_entry_pages_in_both_languages() {
    let r = get("/sitemap.xml").await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.text();
    for lang in ["fr", "en"] {
        assert!(body.contains(&format!("<loc>{BASE}/{lang}/entries/signal</loc>")));
        assert!(body.contains(&format!("<loc>{BASE}/{lang}/alternatives/whatsapp</loc>")));
    }
    let robots = get("/robots.txt").await.text();
    assert!(robots.contains(&format!("Sitemap: {BASE}/sitemap.xml")));
    let os = get("/opensearch.xml").await.text();
    assert!(os.contains(&format!("template=\"{BASE}/fr/search?q={{searchTerms}}\"")));
}

#[tokio::test]
async fn every_address_in_the_sitemap_is_a_public_page_that_answers_200() {
    let sitemap = get("/sitemap.xml").await.text();
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split_once("</loc>").map(|(loc, _)| loc))
        .collect();
    assert!(locs.len() > 200, "{} addresses", locs.len());
    for loc in locs {
        let path = loc
            .strip_prefix(BASE)
            .unwrap_or_else(|| panic!("{loc} is not on {BASE}"));
        let r = get(path).await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{loc} ({})",
            r.header(header::LOCATION)
        );
        assert!(r.is_html(), "{loc} is not a page");
    }
}

#[tokio::test]
async fn static_files_have_versioned_names_and_a_long_cache() {
    let home = get("/fr/").await.text();
    let start = home.find("href=\"/static/style.").expect("stylesheet link") + 6;
    let href = &home[start..start + home[start..].find('"').unwrap_or(0)];
    let r = get(href).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header(header::CACHE_CONTROL).contains("immutable"));
    assert!(r.header(header::CONTENT_TYPE).starts_with("text/css"));
    assert_eq!(
        get("/static/nothing.css").await.status,
        StatusCode::NOT_FOUND
    );
}

async fn gzip_size(uri: &str) -> usize {
    let r = send(
        Request::get(uri)
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{uri}");
    assert_eq!(
        r.header(header::CONTENT_ENCODING),
        "gzip",
        "{uri} not compressed"
    );
    r.body.len()
}

#[tokio::test]
async fn a_search_results_page_with_its_stylesheet_weighs_under_30_kb_compressed() {
    let uri = "/fr/search?q=messagerie";
    let page = get(uri).await.text();
    let start = page.find("href=\"/static/style.").expect("stylesheet") + 6;
    let css = page[start..start + page[start..].find('"').unwrap_or(0)].to_owned();
    assert!(!page.contains("<script"), "a script would count too");
    let total = gzip_size(uri).await + gzip_size(&css).await;
    assert!(
        total < 30 * 1024,
        "search page + CSS = {total} bytes compressed"
    );
    // The largest result page (no query, every facet) too.
    let total = gzip_size("/en/search?per_page=100").await + gzip_size(&css).await;
    assert!(
        total < 60 * 1024,
        "100 results + CSS = {total} bytes compressed"
    );
}

#[tokio::test]
async fn the_privacy_page_lists_exactly_the_headers_pages_are_sent_with() {
    let r = get("/en/privacy").await;
    let body = r.text();
    for (name, value) in floss_registry::http::web::pages::info::page_headers() {
        let got = r
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert_eq!(got, value, "header {name}");
        assert!(
            body.contains(&format!("<code>{name}</code>")),
            "{name} not listed"
        );
    }
}

#[tokio::test]
async fn anonymous_visitors_of_session_pages_are_sent_to_the_login_page_and_back() {
    for lang in ["fr", "en"] {
        for page in SESSION_PAGES {
            let uri = format!("/{lang}{page}");
            let r = get(&uri).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{uri}: {}", r.text());
            let location = r.header(header::LOCATION);
            assert!(
                location.starts_with(&format!("/{lang}/login?next=")),
                "{uri} -> {location}"
            );
            let back = location
                .split_once("next=")
                .map(|(_, n)| percent_decode(n))
                .unwrap_or_default();
            assert_eq!(back, uri, "{uri}: {location}");
            assert_eq!(r.header(header::CACHE_CONTROL), "no-store", "{uri}");
            assert!(r.headers.get(header::ETAG).is_none(), "{uri}");
            assert!(r.headers.get(header::SET_COOKIE).is_none(), "{uri}");
        }
    }
    // Forms too: nothing is done; the page keeps what was posted and offers to log in.
    let r = send(
        Request::post("/fr/submit")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("slug=x&name=Xyzzy+Messenger"))
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let body = r.text();
    assert!(
        body.contains("href=\"/fr/login?next=%2Ffr%2Fsubmit\""),
        "{body}"
    );
    assert!(body.contains("value=\"Xyzzy Messenger\""), "{body}");
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
    assert!(r.headers.get(header::SET_COOKIE).is_none());
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[tokio::test]
async fn the_login_page_says_plainly_when_no_provider_is_configured() {
    let r = get("/en/login?next=%2Fen%2Fsubmit").await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.text();
    assert!(
        body.contains("Login is not configured on this instance."),
        "{body}"
    );
    assert!(body.contains("href=\"/en/privacy#accounts\""), "{body}");
    assert!(!body.contains("/auth/login/"), "no provider, no login link");
    // Public and the same for everyone: cached like the other public pages.
    assert!(r.header(header::CACHE_CONTROL).contains("public"));
    let r = get("/fr/login").await;
    assert!(
        r.text().contains("pas configurée sur cette instance."),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn the_decisions_page_says_when_the_database_cannot_be_read_instead_of_failing() {
    for lang in ["fr", "en"] {
        let r = get(&format!("/{lang}/decisions")).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert!(
            r.text().contains("class=\"callout notice-error\""),
            "{lang}: no notice"
        );
        assert_eq!(
            r.header(header::CACHE_CONTROL),
            "no-store",
            "a page missing its decisions is not to be cached"
        );
    }
}

#[tokio::test]
async fn the_header_links_to_submit_and_to_the_account_for_everyone_alike() {
    let r = get("/en/").await;
    let body = r.text();
    assert!(body.contains("<a href=\"/en/submit\">"), "{body}");
    assert!(body.contains("<a href=\"/en/account\">Log in / Account</a>"));
}
