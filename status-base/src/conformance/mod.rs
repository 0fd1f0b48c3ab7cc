//! Checks a response against the protocol rules of the registry (feature `http`).
//!
//! [`check`] takes the request method and a response and returns every
//! [`Violation`] it finds, each with its [`Rule`], its RFC section and its
//! [`Level`]. The rules attached to a status come from
//! `spec/status-codes.toml` through [`StatusCode`]'s methods
//! ([`required_headers`](StatusCode::required_headers),
//! [`recommended_headers`](StatusCode::recommended_headers),
//! [`allows_body`](StatusCode::allows_body),
//! [`is_interim`](StatusCode::is_interim),
//! [`expects_unsatisfied_range`](StatusCode::expects_unsatisfied_range),
//! [`allow_excludes_request_method`](StatusCode::allow_excludes_request_method)),
//! so this module has no table of codes of its own. Three rules do not
//! depend on the status, and are written here: no content in an answer to
//! `HEAD`, the `Retry-After` grammar, and the `status` member of a
//! problem+json body.
//!
//! ```
//! use status_core::conformance::{self, Level, Rule};
//!
//! let response = http::Response::builder().status(401).body("").unwrap();
//! let violations = conformance::check_response(&http::Method::GET, &response);
//! assert_eq!(violations.len(), 1);
//! assert_eq!(violations[0].rule, Rule::RequiredHeader);
//! assert_eq!(violations[0].level, Level::Must);
//! assert_eq!(violations[0].reference, "RFC 9110, Section 15.5.2");
//! assert_eq!(
//!     violations[0].to_string(),
//!     "MUST (RFC 9110, Section 15.5.2): 401 Unauthorized without WWW-Authenticate"
//! );
//! ```

#[cfg(feature = "actix-web")]
mod actix;
mod json;
#[cfg(feature = "tower")]
mod layer;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use actix::{ActixConformance, ActixConformanceMiddleware};

#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub use layer::{ConformanceLayer, ConformanceService, GuardedBody};

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use http::header::{ALLOW, CONTENT_RANGE, CONTENT_TYPE, HeaderMap, RETRY_AFTER};
use http::response::Parts;
use http::{Method, Response};

use crate::StatusCode;

/// How strongly the specification states a rule (RFC 2119).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// MUST or MUST NOT: the response is wrong.
    Must,
    /// SHOULD or SHOULD NOT: the response is allowed, but needs a reason.
    Should,
}

impl Level {
    /// `"MUST"` or `"SHOULD"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Must => "MUST",
            Level::Should => "SHOULD",
        }
    }
}

/// The rule a response broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A header field the status requires is missing (`must_headers`: `WWW-Authenticate`
    /// on 401, `Allow` on 405, `Proxy-Authenticate` on 407, `Upgrade` on 101 and 426).
    RequiredHeader,
    /// A header field the status recommends is missing (`should_headers`: `Location`
    /// on 201 and 3xx, `Content-Range` on 206 and 416).
    RecommendedHeader,
    /// Content on a status that cannot have any (`no_body`: 1xx, 204, 205, 304).
    ContentNotAllowed,
    /// Content in the answer to a `HEAD` request (RFC 9110, Section 9.3.2).
    ContentInHeadResponse,
    /// An interim (1xx) status as the final status (`interim`).
    InterimFinalStatus,
    /// A 416 whose `Content-Range` is not `bytes */LENGTH` (`unsatisfied_range`).
    UnsatisfiedRange,
    /// A 405 whose `Allow` lists the request's own method (`allow_excludes_method`).
    AllowListsRequestMethod,
    /// A `Retry-After` that is neither delay-seconds nor an HTTP-date (RFC 9110, Section 10.2.3).
    MalformedRetryAfter,
    /// A problem+json `status` different from the response's status (RFC 9457, Section 3.1.2).
    ProblemStatusMismatch,
    /// A problem+json `status` that is not a number from 100 to 599 (RFC 9110, Section 15).
    ProblemStatusOutOfRange,
}

/// One broken rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Which rule.
    pub rule: Rule,
    /// MUST or SHOULD.
    pub level: Level,
    /// Where the rule is stated, such as `"RFC 9110, Section 15.5.2"`.
    pub reference: &'static str,
    /// What is wrong, such as `"401 Unauthorized without WWW-Authenticate"`.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {}",
            self.level.as_str(),
            self.reference,
            self.message
        )
    }
}

impl core::error::Error for Violation {}

const HEAD_REFERENCE: &str = "RFC 9110, Section 9.3.2";
const RETRY_AFTER_REFERENCE: &str = "RFC 9110, Section 10.2.3";
const PROBLEM_REFERENCE: &str = "RFC 9457, Section 3.1.2";
const STATUS_RANGE_REFERENCE: &str = "RFC 9110, Section 15";

/// Every violation of the registry's rules in a response to a `method`
/// request, given its head and its content.
///
/// ```
/// use status_core::conformance::{self, Rule};
///
/// let (parts, ()) = http::Response::builder().status(204).body(()).unwrap().into_parts();
/// let found = conformance::check(&http::Method::GET, &parts, b"surprise");
/// assert_eq!(found[0].rule, Rule::ContentNotAllowed);
/// assert!(conformance::check(&http::Method::GET, &parts, b"").is_empty());
/// ```
#[must_use]
pub fn check(method: &Method, parts: &Parts, body: &[u8]) -> Vec<Violation> {
    check_all(method, parts.status, &parts.headers, body)
}

/// [`check`] for a response whose body is in memory, such as an
/// `http::Response<String>`, `Response<Vec<u8>>` or `Response<Bytes>`.
#[must_use]
pub fn check_response<B: AsRef<[u8]>>(method: &Method, response: &Response<B>) -> Vec<Violation> {
    check_all(
        method,
        response.status(),
        response.headers(),
        response.body().as_ref(),
    )
}

fn check_all(
    method: &Method,
    status: http::StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Vec<Violation> {
    let mut found = check_sized_headers(method, status, headers, body.len() as u64);
    if is_problem_json(headers)
        && let Some(problem_status) = json::top_level_status(body)
    {
        check_problem_status(status.as_u16(), problem_status, &mut found);
    }
    found
}

/// The checks that need only the size of the content, for a response whose
/// body is streamed: everything [`check`] does except the problem+json body.
#[must_use]
pub fn check_head(method: &Method, parts: &Parts, body_len: u64) -> Vec<Violation> {
    check_sized_headers(method, parts.status, &parts.headers, body_len)
}

/// Panics, listing every violation, when the response breaks a rule; for tests.
///
/// ```
/// let response = http::Response::builder()
///     .status(201)
///     .header("location", "/items/7")
///     .body("{}")
///     .unwrap();
/// status_core::conformance::assert_conformant(&http::Method::POST, &response);
/// ```
///
/// ```should_panic
/// let response = http::Response::builder().status(405).body("").unwrap();
/// status_core::conformance::assert_conformant(&http::Method::DELETE, &response);
/// ```
///
/// # Panics
///
/// When [`check_response`] finds any violation.
#[track_caller]
pub fn assert_conformant<B: AsRef<[u8]>>(method: &Method, response: &Response<B>) {
    let found = check_response(method, response);
    assert!(
        found.is_empty(),
        "{method} answered {} with {}",
        response.status(),
        report(&found)
    );
}

/// The body of a strict guard's `500`: what was refused, and why.
#[cfg(any(feature = "tower", feature = "actix-web"))]
fn refusal_text(method: &Method, status: http::StatusCode, found: &[Violation]) -> String {
    format!(
        "{method} answered {status}, which strict conformance refuses: {}\n",
        report(found)
    )
}

/// The violations as one line each, for messages and logs.
#[must_use]
pub fn report(violations: &[Violation]) -> String {
    let mut text = format!("{} conformance violation(s):", violations.len());
    for violation in violations {
        text.push_str("\n  ");
        text.push_str(&alloc::string::ToString::to_string(violation));
    }
    text
}

fn check_sized_headers(
    method: &Method,
    status: http::StatusCode,
    headers: &HeaderMap,
    body_len: u64,
) -> Vec<Violation> {
    let mut found = Vec::new();
    let code = status.as_u16();
    if let Ok(status) = StatusCode::from_u16(code) {
        check_status_rules(method, status, headers, body_len, &mut found);
    }
    if *method == Method::HEAD && body_len > 0 {
        found.push(Violation {
            rule: Rule::ContentInHeadResponse,
            level: Level::Must,
            reference: HEAD_REFERENCE,
            message: format!("{body_len} bytes of content in the answer to HEAD"),
        });
    }
    check_retry_after(headers, &mut found);
    found
}

/// The rules the spec attaches to `status`.
fn check_status_rules(
    method: &Method,
    status: StatusCode,
    headers: &HeaderMap,
    body_len: u64,
    found: &mut Vec<Violation>,
) {
    let reference = status.reference();
    if status.is_interim() {
        found.push(Violation {
            rule: Rule::InterimFinalStatus,
            level: Level::Must,
            reference,
            message: format!(
                "{status} is interim and cannot be the final status; send a final response after it"
            ),
        });
    }
    if !status.allows_body() && body_len > 0 {
        found.push(Violation {
            rule: Rule::ContentNotAllowed,
            level: Level::Must,
            reference,
            message: format!("{status} with {body_len} bytes of content"),
        });
    }
    for header in status.required_headers() {
        if !headers.contains_key(*header) {
            found.push(Violation {
                rule: Rule::RequiredHeader,
                level: Level::Must,
                reference,
                message: format!("{status} without {header}"),
            });
        }
    }
    for header in status.recommended_headers() {
        // A multipart/byteranges 206 carries its ranges in the body.
        let multipart = header.eq_ignore_ascii_case("Content-Range")
            && media_type(headers)
                .is_some_and(|media| media.eq_ignore_ascii_case("multipart/byteranges"));
        if !headers.contains_key(*header) && !multipart {
            found.push(Violation {
                rule: Rule::RecommendedHeader,
                level: Level::Should,
                reference,
                message: format!("{status} without {header}"),
            });
        }
    }
    if status.expects_unsatisfied_range() {
        for value in headers.get_all(CONTENT_RANGE) {
            if !is_unsatisfied_range(value.as_bytes()) {
                found.push(Violation {
                    rule: Rule::UnsatisfiedRange,
                    level: Level::Should,
                    reference,
                    message: format!(
                        "{status} with Content-Range {:?}; expected `bytes */LENGTH`",
                        String::from_utf8_lossy(value.as_bytes())
                    ),
                });
            }
        }
    }
    if status.allow_excludes_request_method() {
        let listed = headers
            .get_all(ALLOW)
            .iter()
            .flat_map(|value| value.as_bytes().split(|byte| *byte == b','))
            .any(|item| item.trim_ascii() == method.as_str().as_bytes());
        if listed {
            found.push(Violation {
                rule: Rule::AllowListsRequestMethod,
                level: Level::Must,
                reference,
                message: format!("{status} to {method} with an Allow that lists {method}"),
            });
        }
    }
}

fn check_retry_after(headers: &HeaderMap, found: &mut Vec<Violation>) {
    let values: Vec<_> = headers.get_all(RETRY_AFTER).iter().collect();
    if values.len() > 1 {
        found.push(Violation {
            rule: Rule::MalformedRetryAfter,
            level: Level::Must,
            reference: RETRY_AFTER_REFERENCE,
            message: format!("{} Retry-After fields; it is a single value", values.len()),
        });
    }
    for value in values {
        let bytes = value.as_bytes();
        let delay = !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit);
        if !delay && !is_imf_fixdate(bytes) {
            found.push(Violation {
                rule: Rule::MalformedRetryAfter,
                level: Level::Must,
                reference: RETRY_AFTER_REFERENCE,
                message: format!(
                    "Retry-After {:?} is neither delay-seconds nor an HTTP-date",
                    String::from_utf8_lossy(bytes)
                ),
            });
        }
    }
}

fn check_problem_status(status: u16, problem: json::Number, found: &mut Vec<Violation>) {
    match problem {
        json::Number::Integer(value) if (100..=599).contains(&value) => {
            if value != i128::from(status) {
                found.push(Violation {
                    rule: Rule::ProblemStatusMismatch,
                    level: Level::Must,
                    reference: PROBLEM_REFERENCE,
                    message: format!("problem+json status {value} on a {status} response"),
                });
            }
        }
        json::Number::Integer(value) => found.push(Violation {
            rule: Rule::ProblemStatusOutOfRange,
            level: Level::Must,
            reference: STATUS_RANGE_REFERENCE,
            message: format!("problem+json status {value} is outside 100 to 599"),
        }),
        json::Number::Other => found.push(Violation {
            rule: Rule::ProblemStatusOutOfRange,
            level: Level::Must,
            reference: STATUS_RANGE_REFERENCE,
            message: String::from("problem+json status is not an integer from 100 to 599"),
        }),
    }
}

/// The media type of `Content-Type`, without parameters.
fn media_type(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(CONTENT_TYPE)?.to_str().ok()?;
    Some(value.split(';').next().unwrap_or(value).trim())
}

fn is_problem_json(headers: &HeaderMap) -> bool {
    media_type(headers).is_some_and(|media| media.eq_ignore_ascii_case(crate::PROBLEM_JSON))
}

/// `bytes */LENGTH` (RFC 9110, Section 14.4: `unsatisfied-range`).
fn is_unsatisfied_range(value: &[u8]) -> bool {
    value
        .strip_prefix(b"bytes */")
        .is_some_and(|length| !length.is_empty() && length.iter().all(u8::is_ascii_digit))
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110, Section 5.6.7), the form a
/// sender must generate.
fn is_imf_fixdate(value: &[u8]) -> bool {
    const DAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
    const MONTHS: [&[u8]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let digits = |range: core::ops::Range<usize>| value[range].iter().all(u8::is_ascii_digit);
    value.len() == 29
        && DAYS.contains(&&value[0..3])
        && &value[3..5] == b", "
        && digits(5..7)
        && value[7] == b' '
        && MONTHS.contains(&&value[8..11])
        && value[11] == b' '
        && digits(12..16)
        && value[16] == b' '
        && digits(17..19)
        && value[19] == b':'
        && digits(20..22)
        && value[22] == b':'
        && digits(23..25)
        && &value[25..] == b" GMT"
}

#[cfg(test)]
mod tests {
    use super::{is_imf_fixdate, is_unsatisfied_range};

    #[test]
    fn dates_and_ranges() {
        assert!(is_imf_fixdate(b"Sun, 06 Nov 1994 08:49:37 GMT"));
        assert!(!is_imf_fixdate(b"Sunday, 06-Nov-94 08:49:37 GMT"));
        assert!(!is_imf_fixdate(b"Sun, 06 Nov 1994 08:49:37 UTC"));
        assert!(!is_imf_fixdate(b""));
        assert!(is_unsatisfied_range(b"bytes */1234"));
        assert!(!is_unsatisfied_range(b"bytes */"));
        assert!(!is_unsatisfied_range(b"bytes 0-1/1234"));
    }
}
