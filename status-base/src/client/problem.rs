//! Reading an RFC 9457 problem details response.

use alloc::borrow::ToOwned as _;
use alloc::string::String;
use core::fmt;

use serde_json::{Map, Number, Value};

use crate::{InvalidStatusCode, PROBLEM_JSON, StatusCode};

/// A problem details response as a client received it: the HTTP status and
/// the members of its `application/problem+json` body (RFC 9457).
///
/// Members of the wrong JSON type are ignored, as RFC 9457, Section 3.1
/// requires ("processing will continue as if the member had not been
/// present"): a `"title": 7` leaves [`title`](Problem::title) `None`, and a
/// `"status": "404"` is not compared with the response status.
///
/// ```
/// use status_core::StatusCode;
/// use status_core::client::read_problem;
///
/// let response = http::Response::builder()
///     .status(404)
///     .header("content-type", "application/problem+json")
///     .body(r#"{"type":"https://example.com/problems/missing","title":"Not Found",
///               "status":404,"detail":"item 7 not found","code":"item_not_found","item":7}"#)?;
///
/// let problem = read_problem(&response)?;
/// assert_eq!(problem.status, 404);
/// assert_eq!(problem.type_uri, "https://example.com/problems/missing");
/// assert_eq!(problem.title.as_deref(), Some("Not Found"));
/// assert_eq!(problem.detail.as_deref(), Some("item 7 not found"));
/// assert_eq!(problem.instance, None);
/// assert_eq!(problem.code.as_deref(), Some("item_not_found"));
/// assert_eq!(problem.extensions["item"], 7);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The status code of the HTTP response, as received: any number from 100
    /// to 999, including those the registry does not list (see
    /// [`status_code`](Problem::status_code)). A numeric `status` member, when
    /// the body has one, is equal to it.
    pub status: u16,
    /// The `type` member, a URI reference identifying the problem type;
    /// `about:blank` when the member is absent or not a string (RFC 9457,
    /// Section 3.1.1).
    pub type_uri: String,
    /// The `title` member, a short summary of the problem type.
    pub title: Option<String>,
    /// The `detail` member, an explanation of this occurrence.
    pub detail: Option<String>,
    /// The `instance` member, a URI reference identifying this occurrence.
    pub instance: Option<String>,
    /// The `code` extension member that `#[derive(HttpError)]` sends, when it
    /// is a string. Any other `code` value stays in
    /// [`extensions`](Problem::extensions), untouched.
    pub code: Option<String>,
    /// Every other member of the body (RFC 9457, Section 3.2), by name.
    pub extensions: Map<String, Value>,
}

impl Problem {
    /// The response status as a registry code, or an error naming the
    /// number when the registry does not list it. The number itself is
    /// always in [`status`](Problem::status).
    ///
    /// ```
    /// use status_core::StatusCode;
    /// use status_core::client::read_problem;
    ///
    /// let response = |status: u16| {
    ///     http::Response::builder()
    ///         .status(status)
    ///         .header("content-type", "application/problem+json")
    ///         .body("{}")
    /// };
    ///
    /// let known = read_problem(&response(409)?)?;
    /// assert_eq!(known.status_code(), Ok(StatusCode::Conflict));
    ///
    /// let unknown = read_problem(&response(479)?)?;
    /// assert_eq!(unknown.status, 479);
    /// assert_eq!(unknown.status_code().map_err(|error| error.code()), Err(Some(479)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidStatusCode`] for a number the registry has no entry for.
    pub fn status_code(&self) -> Result<StatusCode, InvalidStatusCode> {
        StatusCode::from_u16(self.status)
    }
}

/// Reads the problem details of a received response.
///
/// The body is read when the `Content-Type` is `application/problem+json`,
/// compared without regard to case and with any parameters (such as
/// `charset=utf-8`) allowed. JSON is always UTF-8 (RFC 8259), so a
/// `charset` parameter changes nothing. Members of the wrong type are
/// ignored (see [`Problem`]).
///
/// It takes any body that is bytes: `String`, `Vec<u8>`, `bytes::Bytes`,
/// `&str`, ... Use [`read_problem_parts`] when the status, headers and body
/// come separately, as they do from `reqwest`.
///
/// ```
/// use status_core::client::{ReadProblemErrorKind, read_problem};
///
/// let response = http::Response::builder()
///     .status(503)
///     .header("content-type", "Application/Problem+JSON;charset=UTF-8")
///     .body(br#"{"title":"Service Unavailable","status":503}"#.to_vec())?;
/// assert_eq!(read_problem(&response)?.title.as_deref(), Some("Service Unavailable"));
///
/// // A proxy's HTML error page is an error that still tells the status.
/// let response = http::Response::builder()
///     .status(502)
///     .header("content-type", "text/html")
///     .body("<h1>Bad Gateway</h1>")?;
/// let error = read_problem(&response).unwrap_err();
/// assert_eq!(error.status(), 502);
/// assert!(matches!(error.kind(), ReadProblemErrorKind::NotProblemJson { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// A [`ReadProblemError`], which keeps the response status, when the content
/// type is not `application/problem+json`, the body is not JSON or not a JSON
/// object, or its numeric `status` member differs from the response status.
pub fn read_problem<B: AsRef<[u8]>>(
    response: &::http::Response<B>,
) -> Result<Problem, ReadProblemError> {
    read_problem_parts(
        response.status(),
        response.headers(),
        response.body().as_ref(),
    )
}

/// Reads the problem details of a response from its status, headers and body.
///
/// The same as [`read_problem`], for clients that hand these out one by one:
///
/// ```
/// use status_core::client::read_problem_parts;
///
/// // As from reqwest: `response.status()`, `response.headers()`, `response.bytes().await?`.
/// let status = http::StatusCode::UNPROCESSABLE_ENTITY;
/// let mut headers = http::HeaderMap::new();
/// headers.insert("content-type", "application/problem+json".parse()?);
/// let body = br#"{"status":422,"detail":"name is empty","code":"invalid"}"#;
///
/// let problem = read_problem_parts(status, &headers, body)?;
/// assert_eq!(problem.detail.as_deref(), Some("name is empty"));
/// assert_eq!(problem.type_uri, "about:blank");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As for [`read_problem`].
pub fn read_problem_parts(
    status: ::http::StatusCode,
    headers: &::http::HeaderMap,
    body: &[u8],
) -> Result<Problem, ReadProblemError> {
    let status = status.as_u16();
    let error = |kind| ReadProblemError {
        status,
        kind,
        source: None,
    };

    let content_type = headers.get(::http::header::CONTENT_TYPE);
    if !content_type.is_some_and(|value| is_problem_json(value.as_bytes())) {
        let content_type =
            content_type.map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
        return Err(error(ReadProblemErrorKind::NotProblemJson { content_type }));
    }

    let json: Value = serde_json::from_slice(body).map_err(|source| ReadProblemError {
        status,
        kind: ReadProblemErrorKind::InvalidJson,
        source: Some(source),
    })?;
    let Value::Object(mut members) = json else {
        return Err(error(ReadProblemErrorKind::NotAnObject));
    };

    // Removed whatever its type: a standard member is never an extension.
    if let Some(Value::Number(member)) = members.remove("status")
        && !is_status(&member, status)
    {
        return Err(error(ReadProblemErrorKind::StatusMismatch { member }));
    }
    let code = match members.remove("code") {
        Some(Value::String(code)) => Some(code),
        Some(other) => {
            members.insert("code".to_owned(), other);
            None
        }
        None => None,
    };
    Ok(Problem {
        status,
        type_uri: take_string(&mut members, "type").unwrap_or_else(|| "about:blank".to_owned()),
        title: take_string(&mut members, "title"),
        detail: take_string(&mut members, "detail"),
        instance: take_string(&mut members, "instance"),
        code,
        extensions: members,
    })
}

/// Whether a `Content-Type` value is `application/problem+json`, in any case,
/// with or without parameters (RFC 9110, Section 8.3.1).
fn is_problem_json(value: &[u8]) -> bool {
    let essence = match value.iter().position(|&byte| byte == b';') {
        Some(end) => &value[..end],
        None => value,
    };
    trim_ows(essence).eq_ignore_ascii_case(PROBLEM_JSON.as_bytes())
}

/// `value` without leading and trailing spaces and tabs (RFC 9110 `OWS`).
pub(super) fn trim_ows(value: &[u8]) -> &[u8] {
    let is_ows = |byte: &u8| *byte == b' ' || *byte == b'\t';
    let start = value.iter().position(|byte| !is_ows(byte));
    let end = value.iter().rposition(|byte| !is_ows(byte));
    match (start, end) {
        (Some(start), Some(end)) => &value[start..=end],
        _ => &[],
    }
}

/// Whether a numeric `status` member names `status`. JSON does not tell
/// `404` from `404.0` (RFC 8259, Section 6), so neither does this.
fn is_status(member: &Number, status: u16) -> bool {
    match member.as_u64() {
        Some(number) => number == u64::from(status),
        // Exact: a float is equal to a small integer only when it is one.
        #[allow(clippy::float_cmp)]
        None => member.as_f64() == Some(f64::from(status)),
    }
}

/// Removes a member, keeping it only if it is a string: a member of the wrong
/// type is ignored (RFC 9457, Section 3.1).
fn take_string(members: &mut Map<String, Value>, name: &str) -> Option<String> {
    match members.remove(name)? {
        Value::String(text) => Some(text),
        _ => None,
    }
}

/// Why a response could not be read as problem details. It keeps the
/// response status, so a client can still act on it.
///
/// ```
/// use status_core::client::{ReadProblemErrorKind, read_problem};
///
/// let response = http::Response::builder()
///     .status(404)
///     .header("content-type", "application/problem+json")
///     .body(r#"{"status":500}"#)?;
/// let error = read_problem(&response).unwrap_err();
/// assert_eq!(error.status(), 404);
/// assert!(matches!(error.kind(), ReadProblemErrorKind::StatusMismatch { .. }));
/// assert_eq!(
///     error.to_string(),
///     "the problem's `status` member, 500, disagrees with the response status 404"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct ReadProblemError {
    status: u16,
    kind: ReadProblemErrorKind,
    source: Option<serde_json::Error>,
}

impl ReadProblemError {
    /// The status code of the response, as received.
    ///
    /// ```
    /// use status_core::client::read_problem;
    ///
    /// let response = http::Response::builder().status(504).body("")?;
    /// assert_eq!(read_problem(&response).unwrap_err().status(), 504);
    /// # Ok::<(), http::Error>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// What was wrong with the response.
    ///
    /// ```
    /// use status_core::client::{ReadProblemErrorKind, read_problem};
    ///
    /// let response = http::Response::builder()
    ///     .status(400)
    ///     .header("content-type", "application/problem+json")
    ///     .body("{not json")?;
    /// let error = read_problem(&response).unwrap_err();
    /// assert_eq!(error.kind(), &ReadProblemErrorKind::InvalidJson);
    /// // The JSON parser's own message is the error's source.
    /// assert!(std::error::Error::source(&error).is_some());
    /// # Ok::<(), http::Error>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> &ReadProblemErrorKind {
        &self.kind
    }
}

impl fmt::Display for ReadProblemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.status;
        match &self.kind {
            ReadProblemErrorKind::NotProblemJson { content_type } => {
                write!(f, "the {status} response is not {PROBLEM_JSON}")?;
                match content_type {
                    Some(content_type) => write!(f, " (content type `{content_type}`)"),
                    None => f.write_str(" (no content type)"),
                }
            }
            ReadProblemErrorKind::InvalidJson => write!(
                f,
                "the problem details body of the {status} response is not valid JSON"
            ),
            ReadProblemErrorKind::NotAnObject => write!(
                f,
                "the problem details body of the {status} response is not a JSON object"
            ),
            ReadProblemErrorKind::StatusMismatch { member } => write!(
                f,
                "the problem's `status` member, {member}, disagrees with the response status {status}"
            ),
        }
    }
}

impl core::error::Error for ReadProblemError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|source| source as &(dyn core::error::Error + 'static))
    }
}

/// What made a response unreadable as problem details; see
/// [`ReadProblemError::kind`].
///
/// ```
/// use status_core::client::{ReadProblemErrorKind, read_problem};
///
/// let response = http::Response::builder()
///     .status(400)
///     .header("content-type", "application/json")
///     .body("{}")?;
/// assert_eq!(
///     read_problem(&response).unwrap_err().kind(),
///     &ReadProblemErrorKind::NotProblemJson { content_type: Some("application/json".to_owned()) }
/// );
/// # Ok::<(), http::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadProblemErrorKind {
    /// The `Content-Type` is not `application/problem+json`, or is missing.
    NotProblemJson {
        /// The `Content-Type` received, if any (invalid UTF-8 replaced).
        content_type: Option<String>,
    },
    /// The body is not valid JSON; the parser's error is the
    /// [`source`](core::error::Error::source).
    InvalidJson,
    /// The body is JSON but not an object, as a problem details body must be.
    NotAnObject,
    /// The body's numeric `status` member is not the response status
    /// (RFC 9457, Section 3.1.2: the two must be the same).
    StatusMismatch {
        /// The `status` member, as sent.
        member: Number,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        for yes in [
            "application/problem+json",
            "APPLICATION/PROBLEM+JSON",
            "application/problem+json;charset=utf-8",
            " application/problem+json ; charset=\"UTF-8\"",
            "application/problem+json;",
        ] {
            assert!(is_problem_json(yes.as_bytes()), "{yes}");
        }
        for no in [
            "",
            ";",
            "application/json",
            "application/problem+jsonx",
            "application/problem+json garbage",
            "application/problem+xml",
            "text/html; application/problem+json",
        ] {
            assert!(!is_problem_json(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn status_members() {
        let number = |text: &str| serde_json::from_str::<Number>(text).expect("a number");
        assert!(is_status(&number("404"), 404));
        assert!(is_status(&number("404.0"), 404));
        assert!(is_status(&number("4.04e2"), 404));
        for other in [
            "-404",
            "404.5",
            "500",
            "70000",
            "1e400",
            "18446744073709551616",
        ] {
            assert!(
                serde_json::from_str::<Number>(other).map_or(true, |n| !is_status(&n, 404)),
                "{other}"
            );
        }
    }

    #[test]
    fn trims_ows_only() {
        assert_eq!(trim_ows(b" \t a b\t "), b"a b");
        assert_eq!(trim_ows(b" \t "), b"");
        assert_eq!(trim_ows(b"\na"), b"\na");
    }
}
