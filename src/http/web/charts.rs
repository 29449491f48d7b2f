//! Bar charts drawn as SVG on the server: no script, no chart library in the browser.
//!
//! Every chart is an `<svg role="img">` named by its `<title>` and described by its
//! `<desc>`, and the page puts the same numbers in a table next to it. Colours come from
//! CSS classes (`bar`, `bar-2`), so dark mode and print apply; nothing uses a `style`
//! attribute, which the Content-Security-Policy would refuse.

use std::fmt::Write as _;

use crate::util::escape_html;

/// One bar: a label, its main value, an optional second value stacked after it, and the
/// text written at its end.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub stacked: f64,
    pub text: String,
}

const WIDTH: f64 = 560.0;
const ROW: f64 = 34.0;
const LABEL_MAX: usize = 70;

fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_MAX - 1).collect();
        format!("{cut}…")
    }
}

/// Horizontal bars, each label written above its bar (readable on a phone as on a desk).
/// `max` is the value of a full-width bar.
pub fn horizontal(id: &str, title: &str, desc: &str, bars: &[Bar], max: f64) -> String {
    let bar_area = WIDTH - 90.0;
    let height = ROW * bars.len() as f64 + 8.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        escape_html(title),
        escape_html(desc)
    );
    let scale = if max > 0.0 { bar_area / max } else { 0.0 };
    for (i, bar) in bars.iter().enumerate() {
        let y = i as f64 * ROW;
        let w1 = (bar.value * scale).max(0.0);
        let w2 = (bar.stacked * scale).max(0.0);
        let _ = write!(
            svg,
            r#"<text x="0" y="{:.1}">{}</text><rect class="grid" x="0" y="{:.1}" width="{bar_area:.1}" height="1"/><rect class="bar" x="0" y="{:.1}" width="{w1:.1}" height="12"/>"#,
            y + 13.0,
            escape_html(&shorten(&bar.label)),
            y + 24.0,
            y + 18.0,
        );
        if w2 > 0.0 {
            let _ = write!(
                svg,
                r#"<rect class="bar-2" x="{w1:.1}" y="{:.1}" width="{w2:.1}" height="12"/>"#,
                y + 18.0
            );
        }
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
            w1 + w2 + 6.0,
            y + 29.0,
            escape_html(&bar.text)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Vertical bars for a few categories (the five grades).
pub fn vertical(id: &str, title: &str, desc: &str, bars: &[Bar]) -> String {
    let width = 80.0 * bars.len() as f64 + 20.0;
    let plot = 160.0;
    let height = plot + 50.0;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let scale = if max > 0.0 { plot / max } else { 0.0 };
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart chart-small" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc><rect class="axis" x="10" y="{:.1}" width="{:.1}" height="1"/>"#,
        escape_html(title),
        escape_html(desc),
        plot + 20.0,
        width - 20.0
    );
    for (i, bar) in bars.iter().enumerate() {
        let x = 20.0 + i as f64 * 80.0;
        let h = bar.value * scale;
        let top = 20.0 + plot - h;
        let _ = write!(
            svg,
            r#"<rect class="bar" x="{x:.1}" y="{top:.1}" width="60" height="{h:.1}"/><text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text><text x="{:.1}" y="{:.1}" text-anchor="middle" font-weight="bold">{}</text>"#,
            x + 30.0,
            top - 5.0,
            escape_html(&bar.text),
            x + 30.0,
            plot + 40.0,
            escape_html(&bar.label),
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars() -> Vec<Bar> {
        vec![
            Bar {
                label: "Licence <libre>".into(),
                value: 8.0,
                stacked: 1.0,
                text: "80 %".into(),
            },
            Bar {
                label: "Audit".into(),
                value: 2.0,
                stacked: 0.0,
                text: "20 %".into(),
            },
        ]
    }

    #[test]
    fn charts_are_named_images_without_style_attributes_and_escape_labels() {
        for svg in [
            horizontal("c1", "Share & more", "desc", &bars(), 10.0),
            vertical("c2", "Grades", "desc", &bars()),
        ] {
            assert!(svg.starts_with("<svg"), "{svg}");
            assert!(svg.contains(r#"role="img""#));
            assert!(svg.contains("<title id="));
            assert!(!svg.contains("style="), "{svg}");
            assert!(!svg.contains("<libre>"), "{svg}");
            assert!(svg.contains("&lt;libre&gt;") || svg.contains("Grades"));
        }
    }

    #[test]
    fn a_bar_is_as_wide_as_its_share() {
        let svg = horizontal("c", "t", "d", &bars(), 10.0);
        // 8 of 10 on a 470-unit scale.
        assert!(svg.contains(r#"width="376.0" height="12""#), "{svg}");
    }
}
