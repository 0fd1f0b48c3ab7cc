//! The errors for numbers and strings that are not a known status code
//! ([`InvalidStatusCode`]) or warning code ([`InvalidWarningCode`]).

use core::fmt;

/// A number or string that is not a status code of the registry.
///
/// Returned by `from_u16`, `FromStr`, `TryFrom<u16>` and the `http`/`serde`
/// conversions; its message says what was wrong.
///
/// ```
/// use status_core::StatusCode;
///
/// let error = StatusCode::from_u16(299).unwrap_err();
/// assert_eq!(error.code(), Some(299));
/// assert_eq!(error.to_string(), "unknown HTTP status code 299: it is not in the status-code registry");
///
/// let error = "4o4".parse::<StatusCode>().unwrap_err();
/// assert_eq!(error.code(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
// Four-byte aligned, so a `Result<StatusCode, InvalidStatusCode>` (four bytes,
// the tag in the niche of `Kind`'s) moves as one word: `from_u16` is one load
// from its table.
#[repr(align(4))]
pub struct InvalidStatusCode {
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    /// Not three ASCII digits.
    Syntax,
    /// A number outside 100–999.
    OutOfRange(u16),
    /// Three digits, but no entry in the registry.
    Unknown(u16),
}

impl InvalidStatusCode {
    pub(crate) const fn unknown(code: u16) -> Self {
        let kind = if code >= 100 && code <= 999 {
            Kind::Unknown(code)
        } else {
            Kind::OutOfRange(code)
        };
        InvalidStatusCode { kind }
    }

    pub(crate) const fn syntax() -> Self {
        InvalidStatusCode { kind: Kind::Syntax }
    }

    /// The rejected number, when the input was a number.
    #[must_use]
    pub const fn code(&self) -> Option<u16> {
        match self.kind {
            Kind::Syntax => None,
            Kind::OutOfRange(code) | Kind::Unknown(code) => Some(code),
        }
    }
}

impl fmt::Display for InvalidStatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::Syntax => f.write_str(
                "invalid HTTP status code: expected three ASCII digits, such as \"404\"",
            ),
            Kind::OutOfRange(code) => write!(
                f,
                "invalid HTTP status code {code}: status codes are 100 to 999"
            ),
            Kind::Unknown(code) => write!(
                f,
                "unknown HTTP status code {code}: it is not in the status-code registry"
            ),
        }
    }
}

impl core::error::Error for InvalidStatusCode {}

/// A number or string that is not a warning code of the registry.
///
/// Returned by `WarningCode::from_u16`, `FromStr` and `TryFrom<u16>`. Its own
/// type rather than [`InvalidStatusCode`], so that the message speaks of
/// warning codes (RFC 7234, Section 5.5), which are not status codes.
///
/// ```
/// use status_core::WarningCode;
///
/// let error = WarningCode::from_u16(404).unwrap_err();
/// assert_eq!(error.code(), Some(404));
/// assert_eq!(error.to_string(), "unknown warning code 404: it is not in the warning-code registry");
///
/// let error = "11O".parse::<WarningCode>().unwrap_err();
/// assert_eq!(error.code(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InvalidWarningCode {
    kind: Kind,
}

impl InvalidWarningCode {
    pub(crate) const fn unknown(code: u16) -> Self {
        InvalidWarningCode {
            kind: InvalidStatusCode::unknown(code).kind,
        }
    }

    const fn syntax() -> Self {
        InvalidWarningCode { kind: Kind::Syntax }
    }

    /// The rejected number, when the input was a number.
    #[must_use]
    pub const fn code(&self) -> Option<u16> {
        match self.kind {
            Kind::Syntax => None,
            Kind::OutOfRange(code) | Kind::Unknown(code) => Some(code),
        }
    }
}

impl fmt::Display for InvalidWarningCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::Syntax => {
                f.write_str("invalid warning code: expected three ASCII digits, such as \"110\"")
            }
            Kind::OutOfRange(code) => write!(
                f,
                "invalid warning code {code}: warning codes are 100 to 999"
            ),
            Kind::Unknown(code) => write!(
                f,
                "unknown warning code {code}: it is not in the warning-code registry"
            ),
        }
    }
}

impl core::error::Error for InvalidWarningCode {}

/// Parses exactly three ASCII digits; anything else (signs, spaces, more or
/// fewer digits) is rejected rather than guessed at.
#[doc(hidden)]
#[inline]
pub const fn parse_code(text: &[u8]) -> Result<u16, InvalidStatusCode> {
    match text {
        [
            hundreds @ b'0'..=b'9',
            tens @ b'0'..=b'9',
            ones @ b'0'..=b'9',
        ] => Ok((*hundreds - b'0') as u16 * 100
            + (*tens - b'0') as u16 * 10
            + (*ones - b'0') as u16),
        _ => Err(InvalidStatusCode::syntax()),
    }
}

/// [`parse_code`] for warning codes: the same three digits, the error of warnings.
#[doc(hidden)]
pub const fn parse_warning_code(text: &[u8]) -> Result<u16, InvalidWarningCode> {
    match parse_code(text) {
        Ok(code) => Ok(code),
        Err(_) => Err(InvalidWarningCode::syntax()),
    }
}

/// The error for a number the spec has no warning entry for.
#[doc(hidden)]
#[must_use]
#[cold]
#[inline(never)]
pub const fn unknown_warning_code(code: u16) -> InvalidWarningCode {
    InvalidWarningCode::unknown(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_digits_only() {
        assert_eq!(parse_code(b"404"), Ok(404));
        assert_eq!(parse_code(b"099"), Ok(99));
        for bad in [
            &b""[..],
            b"40",
            b"4040",
            b" 404",
            b"+40",
            b"4o4",
            b"\xff\xfe\xfd",
        ] {
            assert_eq!(parse_code(bad), Err(InvalidStatusCode::syntax()), "{bad:?}");
        }
    }

    #[test]
    fn out_of_range_and_unknown_are_told_apart() {
        assert_eq!(InvalidStatusCode::unknown(99).kind, Kind::OutOfRange(99));
        assert_eq!(
            InvalidStatusCode::unknown(1000).kind,
            Kind::OutOfRange(1000)
        );
        assert_eq!(InvalidStatusCode::unknown(299).kind, Kind::Unknown(299));
    }

    #[test]
    fn warning_errors_speak_of_warning_codes() {
        assert_eq!(parse_warning_code(b"110"), Ok(110));
        let syntax = parse_warning_code(b"11").expect_err("two digits");
        assert_eq!(syntax.code(), None);
        assert!(syntax.to_string().starts_with("invalid warning code"));
        assert_eq!(
            unknown_warning_code(1000).to_string(),
            "invalid warning code 1000: warning codes are 100 to 999"
        );
        assert_eq!(unknown_warning_code(404).code(), Some(404));
    }
}
