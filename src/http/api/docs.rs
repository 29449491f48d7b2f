//! `/api/docs`: the API documentation as a plain HTML page rendered from the OpenAPI
//! document, served from this origin (no CDN, no script, works in any browser).

use std::fmt::Write;

use axum::http::header;
use axum::response::{Html, IntoResponse};
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{OpenApi, RefOr};

use crate::util::escape_html as esc;

const CSS: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}\
code,pre{font-family:ui-monospace,monospace;background:#f2f2f2;padding:0 .2em}\
h2{border-top:1px solid #ccc;padding-top:1rem}table{border-collapse:collapse;width:100%}\
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
a{color:#0b4fa3}a:focus,a:hover{outline:2px solid #0b4fa3}\
@media (prefers-color-scheme:dark){body{background:#161616;color:#eee}code,pre{background:#2a2a2a}a{color:#8ab4f8}th,td{border-color:#555}}";

pub async fn stylesheet() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS)
}

/// The id of an endpoint's section, and the fragment the contents link to it by: the method
/// and the path's words joined by `-` (`get-api-v1-entries-slug` for
/// `GET /api/v1/entries/{slug}`), so it holds no character a URL fragment must not
/// (`/`, `{`, `}`), and needs no escaping in either place.
fn anchor(method: &str, path: &str) -> String {
    let mut id = method.to_ascii_lowercase();
    for word in path
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        id.push('-');
        id.push_str(&word.to_ascii_lowercase());
    }
    id
}

fn operation_html(out: &mut String, method: &str, path: &str, op: &Operation) {
    let _ = write!(
        out,
        "<h2 id=\"{id}\"><code>{method} {path}</code></h2>",
        id = anchor(method, path),
        method = method.to_uppercase(),
        path = esc(path)
    );
    if let Some(summary) = &op.summary {
        let _ = write!(out, "<p>{}</p>", esc(summary));
    }
    if let Some(description) = &op.description {
        let _ = write!(out, "<p>{}</p>", esc(description));
    }
    if let Some(params) = op.parameters.as_ref().filter(|p| !p.is_empty()) {
        out.push_str("<table><caption>Parameters</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">In</th><th scope=\"col\">Required</th><th scope=\"col\">Description</th></tr></thead><tbody>");
        for p in params.iter().filter_map(|p| match p {
            RefOr::T(p) => Some(p),
            RefOr::Ref(_) => None,
        }) {
            let place = match p.parameter_in {
                ParameterIn::Query | ParameterIn::QueryString => "query",
                ParameterIn::Path => "path",
                ParameterIn::Header => "header",
                ParameterIn::Cookie => "cookie",
            };
            let required = matches!(p.required, utoipa::openapi::Required::True);
            let _ = write!(
                out,
                "<tr><td><code>{}</code></td><td>{place}</td><td>{}</td><td>{}</td></tr>",
                esc(&p.name),
                if required { "yes" } else { "no" },
                esc(p.description.as_deref().unwrap_or(""))
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("<table><caption>Responses</caption><thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Meaning</th></tr></thead><tbody>");
    for (status, response) in &op.responses.responses {
        let description = match response {
            RefOr::T(r) => r.description.clone(),
            RefOr::Ref(r) => r.ref_location.clone(),
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(status),
            esc(&description)
        );
    }
    out.push_str("</tbody></table>");
}

pub fn page(doc: &OpenApi) -> Html<String> {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>{title} — documentation</title><link rel=\"stylesheet\" href=\"/api/docs.css\"></head><body><main>\
<h1>{title}</h1><p>{description}</p>\
<p>Machine-readable description: <a href=\"/api/v1/openapi.json\">OpenAPI document</a>. \
Errors are <code>{{\"error\": {{\"code\": \"…\", \"message\": \"…\"}}}}</code> with a 4xx or 5xx status.</p><nav aria-label=\"Endpoints\"><ul>",
        title = esc(&doc.info.title),
        description = esc(doc.info.description.as_deref().unwrap_or(""))
    );
    let methods = |item: &utoipa::openapi::PathItem| {
        [("get", item.get.clone()), ("post", item.post.clone())]
            .into_iter()
            .filter_map(|(m, op)| op.map(|op| (m, op)))
            .collect::<Vec<_>>()
    };
    for (path, item) in &doc.paths.paths {
        for (method, _) in methods(item) {
            let _ = write!(
                out,
                "<li><a href=\"#{id}\"><code>{m} {p}</code></a></li>",
                id = anchor(method, path),
                m = method.to_uppercase(),
                p = esc(path)
            );
        }
    }
    out.push_str("</ul></nav>");
    for (path, item) in &doc.paths.paths {
        for (method, op) in methods(item) {
            operation_html(&mut out, method, path, &op);
        }
    }
    out.push_str("</main></body></html>");
    Html(out)
}

#[cfg(test)]
mod tests {
    use super::anchor;

    #[test]
    fn anchors_keep_the_words_of_the_path_and_nothing_a_fragment_refuses() {
        assert_eq!(
            anchor("get", "/api/v1/entries/{slug}"),
            "get-api-v1-entries-slug"
        );
        assert_eq!(
            anchor("post", "/api/v1/submissions/{id}/decision"),
            "post-api-v1-submissions-id-decision"
        );
    }
}
