//! Query-string parsing for the API: strict about what is wrong (invalid percent-encoding,
//! repeated or unknown parameters, oversize strings), precise in its messages.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::error::ApiError;

/// Longest query string accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;

/// The decoded `name=value` pairs of a query string, consumed parameter by parameter.
#[derive(Debug, Default)]
pub struct QueryParams {
    pairs: Vec<(String, String)>,
}

impl<S: Send + Sync> FromRequestParts<S> for QueryParams {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        QueryParams::parse(parts.uri.query().unwrap_or_default())
    }
}

fn decode(raw: &str, what: &str) -> Result<String, ApiError> {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let valid = bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
            if !valid {
                return Err(ApiError::bad_request(
                    "invalid-encoding",
                    format!(
                        "{what} has an invalid percent-encoding at `{}`",
                        &raw[i..raw.len().min(i + 3)]
                    ),
                ));
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    let plus_as_space = raw.replace('+', " ");
    percent_encoding::percent_decode_str(&plus_as_space)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| {
            ApiError::bad_request(
                "invalid-encoding",
                format!("{what} is not valid UTF-8 once percent-decoded"),
            )
        })
}

impl QueryParams {
    pub fn parse(query: &str) -> Result<QueryParams, ApiError> {
        if query.len() > MAX_QUERY_BYTES {
            return Err(ApiError::UriTooLong(query.len()));
        }
        let mut pairs = Vec::new();
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            let name = decode(name, "a parameter name")?;
            let value = decode(value, &format!("parameter `{name}`"))?;
            pairs.push((name, value));
        }
        Ok(QueryParams { pairs })
    }

    /// All values of a repeatable parameter (`category=a&category=b`); empty values ignored.
    pub fn take_all(&mut self, name: &str) -> Vec<String> {
        let mut values = Vec::new();
        self.pairs.retain(|(n, v)| {
            if n == name {
                if !v.trim().is_empty() {
                    values.push(v.trim().to_owned());
                }
                false
            } else {
                true
            }
        });
        values
    }

    /// The value of a parameter given at most once; an empty value counts as absent.
    pub fn take_one(&mut self, name: &str) -> Result<Option<String>, ApiError> {
        let mut values = self.take_all(name);
        match values.len() {
            0 => Ok(None),
            1 => Ok(values.pop()),
            n => Err(ApiError::bad_request(
                "invalid-parameter",
                format!("parameter `{name}` is given {n} times; give it once"),
            )),
        }
    }

    /// An integer parameter within `range`, or its default.
    pub fn take_number(
        &mut self,
        name: &str,
        default: usize,
        range: std::ops::RangeInclusive<usize>,
    ) -> Result<usize, ApiError> {
        let Some(text) = self.take_one(name)? else {
            return Ok(default);
        };
        let out_of_range = || {
            ApiError::bad_request(
                "invalid-parameter",
                format!(
                    "parameter `{name}` must be a whole number from {} to {}, got `{}`",
                    range.start(),
                    range.end(),
                    truncate(&text, 40)
                ),
            )
        };
        let n: usize = text.parse().map_err(|_| out_of_range())?;
        if range.contains(&n) {
            Ok(n)
        } else {
            Err(out_of_range())
        }
    }

    /// A `platform` parameter: one of the model's platform ids, or absent.
    pub fn take_platform(&mut self) -> Result<Option<crate::model::Platform>, ApiError> {
        let Some(text) = self.take_one("platform")? else {
            return Ok(None);
        };
        crate::model::Platform::from_id(&text.to_ascii_lowercase())
            .map(Some)
            .ok_or_else(|| {
                let ids: Vec<&str> = crate::model::Platform::ALL.iter().map(|p| p.id()).collect();
                ApiError::bad_request(
                    "invalid-parameter",
                    format!(
                        "unknown platform `{}`: expected one of {}",
                        truncate(&text, 40),
                        ids.join(", ")
                    ),
                )
            })
    }

    /// Rejects parameters nobody took, naming them and listing the accepted ones.
    pub fn finish(self, accepted: &[&str]) -> Result<(), ApiError> {
        match self.pairs.first() {
            None => Ok(()),
            Some((name, _)) => {
                let hint = match crate::util::closest(name, accepted.iter()) {
                    Some(guess) => format!("did you mean `{guess}`?"),
                    None => format!("accepted parameters: {}", accepted.join(", ")),
                };
                Err(ApiError::bad_request(
                    "unknown-parameter",
                    format!("unknown parameter `{}`; {hint}", truncate(name, 40)),
                ))
            }
        }
    }
}

/// At most `max` characters of `s`, for echoing user input in messages.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_plus_and_percent_and_collects_repeated_values() {
        let mut p =
            QueryParams::parse("q=alternative+%C3%A0+zoom&category=a&category=b").expect("valid");
        assert_eq!(
            p.take_one("q").expect("once").as_deref(),
            Some("alternative à zoom")
        );
        assert_eq!(p.take_all("category"), vec!["a", "b"]);
        assert!(p.finish(&["q", "category"]).is_ok());
    }

    #[test]
    fn rejects_broken_percent_encoding_naming_the_parameter() {
        let err = QueryParams::parse("q=%zz").expect_err("invalid");
        assert!(err.to_string().contains("`q`"), "{err}");
        let err = QueryParams::parse("q=%ff%fe").expect_err("invalid utf-8");
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }

    #[test]
    fn rejects_numbers_out_of_range_and_unknown_parameters() {
        let mut p = QueryParams::parse("page=0&pgae=2").expect("valid");
        let err = p.take_number("page", 1, 1..=1000).expect_err("zero");
        assert!(err.to_string().contains("from 1 to 1000"), "{err}");
        let err = p.finish(&["page"]).expect_err("unknown");
        assert!(err.to_string().contains("did you mean `page`"), "{err}");
    }

    #[test]
    fn rejects_oversize_query_strings() {
        let long = format!("q={}", "a".repeat(MAX_QUERY_BYTES));
        assert!(matches!(
            QueryParams::parse(&long),
            Err(ApiError::UriTooLong(_))
        ));
    }
}
