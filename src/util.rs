//! Small helpers shared across layers.

/// The candidate closest to `input` by edit distance, if close enough to be a likely typo.
pub fn closest<'a, I, S>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a S>,
    S: AsRef<str> + ?Sized + 'a,
{
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                c.as_ref(),
                strsim::damerau_levenshtein(&input, &c.as_ref().to_lowercase()),
            )
        })
        .filter(|(c, d)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(_, d)| *d)
        .map(|(c, _)| c)
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text a request (or a remote service) can carry, made safe for a log line: control
/// characters (CR, LF, ESC and the rest), line and paragraph separators, bidirectional and
/// invisible formatting characters, and the backslash itself are written escaped (`\r`,
/// `\n`, `\u{1b}`, `\\`), so such text can neither forge a line nor colour the terminal.
/// Everything else, non-ASCII letters included, is written as it is.
///
/// Every `tracing` call that logs text from a request, a request's error or an upstream
/// answer logs it through this (`error = %escaped(&e)`).
pub fn escaped<T: std::fmt::Display + ?Sized>(value: &T) -> Escaped<'_, T> {
    Escaped(value)
}

/// See [`escaped`].
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a, T: ?Sized>(pub &'a T);

/// Whether `c` is written escaped in a log line.
fn unsafe_in_logs(c: char) -> bool {
    c.is_control()
        || c == '\\'
        || matches!(
            c,
            '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// Writes through to `inner`, escaping as [`escaped`] says.
struct EscapingWriter<'w, 'f>(&'w mut std::fmt::Formatter<'f>);

impl std::fmt::Write for EscapingWriter<'_, '_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let mut rest = s;
        while let Some(i) = rest.find(unsafe_in_logs) {
            self.0.write_str(&rest[..i])?;
            let c = rest[i..].chars().next().unwrap_or_default();
            write!(self.0, "{}", c.escape_default())?;
            rest = &rest[i + c.len_utf8()..];
        }
        self.0.write_str(rest)
    }
}

impl<T: std::fmt::Display + ?Sized> std::fmt::Display for Escaped<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        write!(EscapingWriter(f), "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::{closest, escaped};

    #[test]
    fn suggests_the_nearest_candidate_for_a_typo_and_nothing_for_noise() {
        let known = ["messaging", "email", "notes"];
        assert_eq!(closest("mesaging", known.iter()), Some("messaging"));
        assert_eq!(closest("zzzzzz", known.iter()), None);
    }

    #[test]
    fn log_text_has_no_raw_line_breaks_escapes_or_invisible_controls() {
        let hostile = "x\r\nFORGED 2026-01-01T00:00:00Z INFO admin logged in\u{1b}[31mred\u{7}\u{85}\u{2028}\u{202e}\\n";
        let logged = escaped(hostile).to_string();
        assert_eq!(
            logged,
            r"x\r\nFORGED 2026-01-01T00:00:00Z INFO admin logged in\u{1b}[31mred\u{7}\u{85}\u{2028}\u{202e}\\n"
        );
        assert!(!logged.chars().any(|c| c.is_control()), "{logged:?}");
        // Ordinary text, accents and quotes included, is unchanged; Display errors too.
        assert_eq!(
            escaped("Élodie's « note »").to_string(),
            "Élodie's « note »"
        );
        let err = std::io::Error::other("line one\nline two");
        assert_eq!(escaped(&err).to_string(), r"line one\nline two");
    }
}
