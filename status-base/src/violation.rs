//! One failing member of a request document, for RFC 9457's `errors` array.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt::Write as _;

#[cfg(feature = "garde")]
mod garde;
#[cfg(feature = "validator")]
mod validator;

/// One member of a request document that does not fit: what is wrong with
/// it, and where it is, as an RFC 6901 JSON Pointer in URI fragment form
/// (`#/items/2/name`).
///
/// A [`ProblemDetails`](crate::ProblemDetails) carries a list of them in
/// [`errors`](crate::ProblemDetails::errors), which is written as the
/// `errors` member that RFC 9457 Section 3 shows:
///
/// ```
/// use status_core::{ProblemDetails, StatusCode, Violation};
///
/// let problem = ProblemDetails::new(StatusCode::UnprocessableContent, "invalid_body")
///     .with_violation(Violation::at(["items", "2", "name"], "this member is required"));
/// assert_eq!(
///     problem.to_json(),
///     r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"code":"invalid_body","errors":[{"detail":"this member is required","pointer":"#/items/2/name"}]}"##
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Violation {
    /// What is wrong with the member, written for the client.
    pub detail: Cow<'static, str>,
    /// Where the member is: a JSON Pointer in URI fragment form, `#` for the
    /// whole document.
    pub pointer: Cow<'static, str>,
}

impl Violation {
    /// A violation at `pointer`, which must already be a JSON Pointer in URI
    /// fragment form (`#/name`); use [`Violation::at`] to build one from the
    /// member names and array indexes.
    #[must_use]
    pub fn new(
        pointer: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        Violation {
            detail: detail.into(),
            pointer: pointer.into(),
        }
    }

    /// A violation at the member that `segments` lead to from the document
    /// root: member names and array indexes, unescaped. The pointer escapes
    /// `~` and `/` (RFC 6901 Section 3) and percent-encodes what a URI
    /// fragment cannot hold (RFC 6901 Section 6, RFC 3986 Section 3.5).
    ///
    /// ```
    /// use status_core::Violation;
    ///
    /// assert_eq!(Violation::at(["tags", "0"], "too long").pointer, "#/tags/0");
    /// assert_eq!(Violation::at(["a/b", "m~n"], "x").pointer, "#/a~1b/m~0n");
    /// assert_eq!(Violation::at(["a b", "100%", "é"], "x").pointer, "#/a%20b/100%25/%C3%A9");
    /// assert_eq!(Violation::at(core::iter::empty::<&str>(), "x").pointer, "#");
    /// ```
    #[must_use]
    pub fn at<I, S>(segments: I, detail: impl Into<Cow<'static, str>>) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Violation::new(fragment_pointer(segments), detail)
    }
}

/// The JSON Pointer to `segments`, in URI fragment form.
pub(crate) fn fragment_pointer<I, S>(segments: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut pointer = String::from("#");
    for segment in segments {
        pointer.push('/');
        push_segment(&mut pointer, segment.as_ref());
    }
    pointer
}

/// Appends one reference token: `~0` and `~1` first (RFC 6901 Section 4
/// decodes in the opposite order), then percent-encoding of every byte that
/// is not a URI fragment character.
///
/// Hand-written rather than `percent-encoding`'s `AsciiSet`: `Violation`
/// exists without any feature, in `no_std`, and the rule is one match.
fn push_segment(out: &mut String, segment: &str) {
    for byte in segment.bytes() {
        match byte {
            b'~' => out.push_str("~0"),
            b'/' => out.push_str("~1"),
            // RFC 3986: fragment = *( pchar / "/" / "?" ), pchar = unreserved /
            // sub-delims / ":" / "@" (and pct-encoded, which `%` starts).
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@'
            | b'?' => out.push(char::from(byte)),
            _ => {
                // Infallible: writing to a String cannot fail.
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("detail", &self.detail)?;
        map.serialize_entry("pointer", &self.pointer)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6901 Section 6's table: the URI fragment form of each pointer.
    #[test]
    fn matches_the_rfc_6901_examples() {
        for (segments, pointer) in [
            (&[][..], "#"),
            (&["foo"][..], "#/foo"),
            (&["foo", "0"][..], "#/foo/0"),
            (&[""][..], "#/"),
            (&["a/b"][..], "#/a~1b"),
            (&["c%d"][..], "#/c%25d"),
            (&["e^f"][..], "#/e%5Ef"),
            (&["g|h"][..], "#/g%7Ch"),
            (&["i\\j"][..], "#/i%5Cj"),
            (&["k\"l"][..], "#/k%22l"),
            (&[" "][..], "#/%20"),
            (&["m~n"][..], "#/m~0n"),
        ] {
            assert_eq!(fragment_pointer(segments), pointer, "{segments:?}");
        }
    }

    #[test]
    fn escapes_tilde_before_slash_and_encodes_non_ascii_as_utf8() {
        assert_eq!(fragment_pointer(["~1"]), "#/~01");
        assert_eq!(fragment_pointer(["#", "?"]), "#/%23/?");
        assert_eq!(fragment_pointer(["\u{1F600}"]), "#/%F0%9F%98%80");
        assert_eq!(fragment_pointer(["\n"]), "#/%0A");
    }
}
