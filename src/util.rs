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

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_the_nearest_candidate_for_a_typo_and_nothing_for_noise() {
        let known = ["messaging", "email", "notes"];
        assert_eq!(closest("mesaging", known.iter()), Some("messaging"));
        assert_eq!(closest("zzzzzz", known.iter()), None);
    }
}
