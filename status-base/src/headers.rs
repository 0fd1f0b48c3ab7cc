//! Response header fields an error carries, validated before they can be sent.

mod rules;

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt;

use rules::{check_name, check_value};

/// The header fields of an error response, in the order they were added.
///
/// Every value is checked on the way in: a value with CR, LF or another
/// control character is refused (and, with feature `tracing`, logged), so
/// nothing user-controlled can split a response.
///
/// ```
/// use status_core::Headers;
///
/// let mut headers = Headers::new();
/// assert!(headers.insert("Retry-After", "60").is_ok());
/// assert!(headers.insert("Location", "/next\r\nSet-Cookie: x=1").is_err());
/// assert_eq!(headers.get("retry-after"), Some("60"));
/// assert_eq!(headers.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headers {
    entries: Vec<(&'static str, Cow<'static, str>)>,
}

/// A header name or value that cannot be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidHeader {
    name: &'static str,
    /// Whether the name is what cannot be sent (else the value).
    bad_name: bool,
    reason: &'static str,
}

impl InvalidHeader {
    /// The header field the value was meant for.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.name
    }
}

impl fmt::Display for InvalidHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.bad_name {
            write!(f, "invalid header name `{}`: {}", self.name, self.reason)
        } else {
            write!(
                f,
                "invalid value for the `{}` header: {}",
                self.name, self.reason
            )
        }
    }
}

impl core::error::Error for InvalidHeader {}

impl Headers {
    /// No headers.
    #[must_use]
    pub const fn new() -> Self {
        Headers {
            entries: Vec::new(),
        }
    }

    /// Adds a field after checking its name (an RFC 9110 token, and not
    /// `Content-Type`, `Content-Length` or `Transfer-Encoding`, which the
    /// response builders set from the body) and its value (visible ASCII,
    /// spaces and tabs, no leading or trailing whitespace; empty is fine).
    /// `#[derive(HttpError)]` checks header literals by the same rules at
    /// compile time.
    ///
    /// # Errors
    ///
    /// [`InvalidHeader`] when the name or the value could not be sent as is;
    /// nothing is added then.
    pub fn insert(
        &mut self,
        name: &'static str,
        value: impl Into<Cow<'static, str>>,
    ) -> Result<(), InvalidHeader> {
        let value = value.into();
        let problem = match check_name(name) {
            Some(reason) => Some((true, reason)),
            None => check_value(&value).map(|reason| (false, reason)),
        };
        if let Some((bad_name, reason)) = problem {
            return Err(InvalidHeader {
                name,
                bad_name,
                reason,
            });
        }
        self.entries.push((name, value));
        Ok(())
    }

    /// Adds a field whose validity the derive checked at compile time.
    // Inlined into the hidden `insert_checked`, so derived code pays one
    // call, as it did when this was a hidden public method.
    #[inline]
    pub(crate) fn push_checked(&mut self, name: &'static str, value: &'static str) {
        self.entries.push((name, Cow::Borrowed(value)));
    }

    /// Hands every field over to another crate's header types, in order:
    /// `name` and `value` convert (a value without a copy where that crate
    /// allows it), `append` takes the pair. A field the other crate refuses,
    /// which our stricter rules should make impossible, is dropped and
    /// logged rather than sent.
    #[cfg(any(feature = "http", feature = "actix-web"))]
    pub(crate) fn convert_each<N, V>(
        self,
        name: impl Fn(&'static str) -> Option<N>,
        value: impl Fn(Cow<'static, str>) -> Option<V>,
        mut append: impl FnMut(N, V),
    ) {
        for (field, text) in self.entries {
            match (name(field), value(text)) {
                (Some(name), Some(value)) => append(name, value),
                _ => crate::log::dropped_header_name(field),
            }
        }
    }

    /// The first value of a field, by case-insensitive name.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(existing, _)| existing.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_ref())
    }

    /// The fields as `(name, value)` pairs.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'static str, &str)> {
        self.entries
            .iter()
            .map(|(name, value)| (*name, value.as_ref()))
    }

    /// How many fields there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_values_that_could_split_a_response() {
        let mut headers = Headers::new();
        for bad in ["a\rb", "a\nb", "a\0b", "caf\u{e9}", " x", "x\t"] {
            let error = headers.insert("X-Test", bad).expect_err(bad);
            assert_eq!(error.name(), "X-Test");
        }
        assert!(headers.is_empty());
        assert!(headers.insert("Bad Name", "x").is_err());
        assert!(headers.insert("Content-Type", "text/plain").is_err());
        assert!(headers.insert("content-length", "1").is_err());
        assert!(headers.insert("", "x").is_err());
    }

    #[test]
    fn says_whether_the_name_or_the_value_is_wrong() {
        let mut headers = Headers::new();
        let name = headers
            .insert("Bad Name", "x")
            .expect_err("space in a name");
        assert_eq!(
            name.to_string(),
            "invalid header name `Bad Name`: use letters, digits and `-` only"
        );
        let value = headers
            .insert("Allow", "GET\r\n")
            .expect_err("CRLF in a value");
        assert_eq!(
            value.to_string(),
            "invalid value for the `Allow` header: it contains CR or LF, which would split the response"
        );
    }

    #[test]
    fn keeps_valid_fields_in_order() {
        let mut headers = Headers::new();
        assert!(headers.insert("Allow", "GET, HEAD").is_ok());
        assert!(
            headers
                .insert("Retry-After", alloc::string::String::from("5"))
                .is_ok()
        );
        assert!(headers.insert("Empty", "").is_ok());
        let pairs: Vec<(&str, &str)> = headers.iter().collect();
        assert_eq!(
            pairs,
            [("Allow", "GET, HEAD"), ("Retry-After", "5"), ("Empty", "")]
        );
    }
}
