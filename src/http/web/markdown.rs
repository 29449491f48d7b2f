//! Markdown of descriptions (entries, criteria) to safe HTML: rendered by pulldown-cmark,
//! then cleaned by ammonia with a short allow-list. The validator already rejects raw HTML
//! in the data; this is the second line of defence, because the data comes from pull
//! requests.
//!
//! Headings are moved down three levels (a `#` in a description becomes an `<h4>`), so a
//! description never competes with the page's own outline, and images are dropped: the site
//! loads nothing from another origin.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "p",
        "a",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "code",
        "pre",
        "blockquote",
        "h4",
        "h5",
        "h6",
        "br",
        "hr",
        "del",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    ])
    .add_tag_attributes("a", ["href"])
    .add_tag_attributes("ol", ["start"])
    .url_schemes(HashSet::from(["http", "https", "mailto"]))
    .link_rel(Some("noopener noreferrer nofollow"))
    .strip_comments(true);
    b
});

/// Markdown to sanitised HTML, ready to embed.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(demote(level)))),
        // Keep the alternative text of an image, not the image.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        // Raw HTML is shown as text, never interpreted.
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        other => Some(other),
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    CLEANER.clean(&html).to_string()
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H4,
        HeadingLevel::H2 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_paragraphs_lists_and_links() {
        let html = render("Hello **world**.\n\n- one\n- [two](https://example.org)\n");
        assert!(html.contains("<strong>world</strong>"), "{html}");
        assert!(html.contains("<li>one</li>"), "{html}");
        assert!(
            html.contains(
                "<a href=\"https://example.org\" rel=\"noopener noreferrer nofollow\">two</a>"
            ),
            "{html}"
        );
    }

    #[test]
    fn scripts_and_event_handlers_never_survive() {
        let html = render(
            "Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))\n\n<a href=\"https://e.org\" onclick=\"alert(4)\">y</a>",
        );
        let tags: Vec<&str> = html
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or_default())
            .collect();
        for tag in &tags {
            let name = tag
                .trim_start_matches('/')
                .split([' ', '/'])
                .next()
                .unwrap_or_default();
            assert!(
                ["p", "a"].contains(&name),
                "unexpected tag <{tag}> in {html}"
            );
            for bad in ["onerror", "onclick", "javascript:", "src="] {
                assert!(!tag.contains(bad), "<{tag}> keeps {bad}");
            }
        }
        // The text is kept, escaped, so nothing is silently lost.
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn images_and_styles_are_dropped_and_headings_demoted() {
        let html = render(
            "# Title\n\n![a tracker](https://tracker.example/pixel.png)\n\n<span style=\"color:red\">x</span>",
        );
        assert!(html.contains("<h4>Title</h4>"), "{html}");
        assert!(!html.contains("tracker.example"), "{html}");
        assert!(!html.contains("<span"), "{html}");
    }
}
