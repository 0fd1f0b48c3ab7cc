//! The errors a web framework makes on its own: extractor rejections, the
//! router's 404 and 405, body limits, timeouts and panics, as problems with
//! stable codes.
//!
//! # Why two types
//!
//! [`FrameworkErrorKind`] is an ordinary `#[derive(HttpError)]` enum: the
//! derive decides each kind's status, `code`, headers and catalog entry, the
//! same way it does for an application's own errors, so there is one
//! description of them ([`ErrorCatalog`]) for error pages, OpenAPI and
//! clients. [`FrameworkError`] wraps a kind together with the
//! [`Violation`]s a 422 names, and its hand-written [`HttpError`] impl
//! delegates everything to the kind except [`HttpError::problem`], which adds
//! them as the `errors` member. The derive has no attribute for extension
//! members yet, and this keeps it that way: when it grows one, the wrapper
//! can become a derived struct without changing what clients receive.
//!
//! An application that answers with its own error enum composes it with
//! `#[http(transparent)]`:
//!
//! ```
//! use status_core::{FrameworkError, HttpError};
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum ApiError {
//!     #[error("item {0} not found")]
//!     #[http(status = 404, code = "item_not_found")]
//!     ItemNotFound(u64),
//!     #[error(transparent)]
//!     #[http(transparent)]
//!     Framework(#[from] FrameworkError),
//! }
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::time::Duration;

use crate::{ErrorCatalog, Headers, HttpError, ProblemDetails, StatusCode, Violation};

/// What went wrong, for each error a framework answers with on its own.
///
/// Each kind has its own stable `code`; the problem `type` is `about:blank`,
/// since the status and the code say it all. The detail texts are written for
/// clients: they name JSON members, parameters and limits, never a Rust type.
///
/// ```
/// use status_core::{ErrorCatalog, FrameworkErrorKind, HttpError, StatusCode};
///
/// let kind = FrameworkErrorKind::BodyTooLarge { limit: Some(65_536) };
/// assert_eq!(kind.status(), StatusCode::ContentTooLarge);
/// assert_eq!(kind.code(), "body_too_large");
/// assert_eq!(kind.to_string(), "the request body exceeds the 65536-byte limit");
///
/// let codes: Vec<&str> = FrameworkErrorKind::ERRORS.iter().map(|entry| entry.code).collect();
/// assert!(codes.contains(&"method_not_allowed"));
/// ```
// The definition, not compiled: what is compiled is its expansion in
// `framework/derived.rs` (this enum without its `#[http]` attributes, and
// the `HttpError` and `ErrorCatalog` impls the derive writes), checked in so
// that this crate does not wait for the proc-macro to be built.
// `status-macros/src/expanded.rs` expands it again and fails when the two
// differ.
#[cfg(any())]
#[derive(Debug, HttpError)]
#[non_exhaustive]
pub enum FrameworkErrorKind {
    /// The request body is not well-formed for its content type: not JSON,
    /// not a form, not UTF-8, or cut short before its end.
    #[http(status = 400, code = "malformed_body")]
    MalformedBody(Cow<'static, str>),

    /// A path parameter does not fit what the route expects, such as a word
    /// where the route takes a number.
    #[http(status = 400, code = "invalid_path_parameter")]
    InvalidPathParameter(Cow<'static, str>),

    /// The query string does not fit what the route expects: an unknown,
    /// missing or malformed parameter.
    #[http(status = 400, code = "invalid_query")]
    InvalidQuery(Cow<'static, str>),

    /// No route matches the request's path.
    #[http(status = 404, code = "route_not_found")]
    RouteNotFound {
        /// The path that was requested. The detail repeats at most its first
        /// 48 bytes, cut at a character and marked with `…`.
        path: String,
    },

    /// The route exists, but not for this method; `Allow` lists the methods
    /// it answers.
    #[http(status = 405, code = "method_not_allowed", allow = allow)]
    MethodNotAllowed {
        /// The method used. The detail repeats at most its first 16 bytes,
        /// cut as a path is.
        method: String,
        /// The methods the route answers, as the `Allow` field value.
        allow: String,
    },

    /// The client did not send the whole request body within the server's
    /// body-read timeout. The server closes the connection.
    #[http(status = 408, code = "body_timeout", header("Connection" = "close"))]
    BodyTimeout {
        /// The timeout.
        after: Duration,
    },

    /// The request body is larger than the server accepts.
    #[http(status = 413, code = "body_too_large")]
    BodyTooLarge {
        /// The limit in bytes, when it is known.
        limit: Option<u64>,
    },

    /// The request has no content type, or one the route does not read.
    #[http(status = 415, code = "unsupported_media_type")]
    UnsupportedMediaType {
        /// The media type the route reads, when it is known.
        expected: Option<&'static str>,
    },

    /// The request body is well-formed, but does not fit what the route
    /// expects; the problem's `errors` member points at each member that
    /// does not.
    #[http(status = 422, code = "invalid_body")]
    InvalidBody,

    /// Something went wrong inside the server: a handler panicked, or a route
    /// and its extractor do not fit together. The client sees only the
    /// reason phrase; the cause is logged (feature `tracing`).
    #[http(status = 500, code = "internal_error")]
    Internal(Cow<'static, str>),

    /// The handler did not answer within the server's handler timeout.
    #[http(status = 503, code = "handler_timeout", retry_after = retry_after)]
    HandlerTimeout {
        /// The timeout.
        after: Duration,
        /// How long the client should wait before trying again.
        retry_after: Duration,
    },
}

#[allow(clippy::all, clippy::pedantic)]
mod derived {
    use super::*;

    include!("framework/derived.rs");
}

pub use derived::FrameworkErrorKind;

#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
pub(crate) mod request_line;

/// How many bytes of the path a `route_not_found` detail repeats, and of the
/// method a `method_not_allowed` detail. What the client sent comes back cut
/// at a character and marked with `…` beyond that, so that a 60 KB path is
/// not echoed whole, and so that the axum layer can keep the request line of
/// every request in a few bytes of its own (`framework/request_line.rs`).
pub(crate) const SHOWN_PATH: usize = 48;
/// See [`SHOWN_PATH`]; standard methods are at most 7 bytes.
pub(crate) const SHOWN_METHOD: usize = 16;

/// The first `.1` bytes of `.0`, cut at a character boundary, with `…` when
/// anything was cut.
struct Shown<'a>(&'a str, usize);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Shown(text, max) = *self;
        if text.len() <= max {
            return f.write_str(text);
        }
        let end = (0..=max)
            .rev()
            .find(|&end| text.is_char_boundary(end))
            .unwrap_or(0);
        f.write_str(text.get(..end).unwrap_or_default())?;
        f.write_str("…")
    }
}

impl fmt::Display for FrameworkErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameworkErrorKind::MalformedBody(detail)
            | FrameworkErrorKind::InvalidPathParameter(detail)
            | FrameworkErrorKind::InvalidQuery(detail)
            | FrameworkErrorKind::Internal(detail) => f.write_str(detail),
            FrameworkErrorKind::RouteNotFound { path } => {
                write!(f, "no route for {}", Shown(path, SHOWN_PATH))
            }
            FrameworkErrorKind::MethodNotAllowed { method, allow } if allow.is_empty() => {
                write!(f, "{} is not allowed here", Shown(method, SHOWN_METHOD))
            }
            FrameworkErrorKind::MethodNotAllowed { method, allow } => {
                write!(
                    f,
                    "{} is not allowed here; use {allow}",
                    Shown(method, SHOWN_METHOD)
                )
            }
            FrameworkErrorKind::BodyTimeout { after } => write!(
                f,
                "the request body did not arrive within {}",
                Lasting(*after)
            ),
            FrameworkErrorKind::BodyTooLarge { limit: Some(limit) } => {
                write!(f, "the request body exceeds the {limit}-byte limit")
            }
            FrameworkErrorKind::BodyTooLarge { limit: None } => {
                f.write_str("the request body is too large")
            }
            FrameworkErrorKind::UnsupportedMediaType {
                expected: Some(expected),
            } => write!(f, "expected `Content-Type: {expected}`"),
            FrameworkErrorKind::UnsupportedMediaType { expected: None } => {
                f.write_str("the request's content type is not one this route reads")
            }
            FrameworkErrorKind::InvalidBody => {
                f.write_str("the request body does not fit what this route expects")
            }
            FrameworkErrorKind::HandlerTimeout { after, .. } => {
                write!(f, "the handler did not answer within {}", Lasting(*after))
            }
        }
    }
}

impl core::error::Error for FrameworkErrorKind {}

/// A duration as a person writes it: `30 s`, `250 ms`.
struct Lasting(Duration);

impl fmt::Display for Lasting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let duration = self.0;
        if duration.subsec_nanos() == 0 {
            write!(f, "{} s", duration.as_secs())
        } else {
            write!(f, "{} ms", duration.as_millis().max(1))
        }
    }
}

/// An error a framework answers with on its own, as an RFC 9457 problem:
/// a [`FrameworkErrorKind`] and, for a 422, the [`Violation`]s that the
/// problem lists as its `errors` member.
///
/// The extractors and hooks of the `axum`, `actix-web` and `poem` features
/// reject with it; it implements each framework's response trait like a
/// derived error does.
///
/// ```
/// use status_core::{FrameworkError, HttpError, Violation};
///
/// let error = FrameworkError::invalid_body([Violation::at(["name"], "this member is required")]);
/// assert_eq!(error.status().as_u16(), 422);
/// assert_eq!(
///     error.problem().to_json(),
///     r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request body does not fit what this route expects: this member is required (at #/name)","code":"invalid_body","errors":[{"detail":"this member is required","pointer":"#/name"}]}"##
/// );
/// ```
#[derive(Debug)]
pub struct FrameworkError {
    kind: FrameworkErrorKind,
    violations: Vec<Violation>,
}

impl FrameworkError {
    /// An error of this kind, with no violations.
    #[must_use]
    pub fn new(kind: FrameworkErrorKind) -> Self {
        FrameworkError {
            kind,
            violations: Vec::new(),
        }
    }

    /// A 422 [`FrameworkErrorKind::InvalidBody`] naming the members that do
    /// not fit.
    #[must_use]
    pub fn invalid_body(violations: impl IntoIterator<Item = Violation>) -> Self {
        FrameworkError {
            kind: FrameworkErrorKind::InvalidBody,
            violations: violations.into_iter().collect(),
        }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &FrameworkErrorKind {
        &self.kind
    }

    /// The members of the request that do not fit; empty but for a 422.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
}

/// The time limits a framework hook takes (axum's `ProblemLayer`, the actix
/// and poem `Problems` middleware): one definition, one set of defaults.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timeouts {
    /// How long a client may take to send a request body.
    pub(crate) body_timeout: Option<Duration>,
    /// How long a handler may take before a 503 `handler_timeout`.
    pub(crate) handler_timeout: Option<Duration>,
    /// The `Retry-After` of that 503.
    pub(crate) retry_after: Duration,
}

#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
impl Timeouts {
    /// A 30-second body timeout, no handler timeout, `Retry-After: 1`.
    pub(crate) const DEFAULT: Timeouts = Timeouts {
        body_timeout: Some(Duration::from_secs(30)),
        handler_timeout: None,
        retry_after: Duration::from_secs(1),
    };
}

/// Whether a request's body is waiting for its client right now: set by the
/// body's deadline guard each time it is read, looked at when the handler
/// timeout runs out.
///
/// The handler timeout counts from the call, so a handler reading a body
/// whose client has stopped sending runs out of it too, before the body
/// timeout when that is the longer one (30 s by default against, say, a
/// 10 s handler timeout). Such a request is the client's doing: it is
/// answered 408 `body_timeout` and the connection closed, as the body
/// timeout would have, not 503 with a `Retry-After` that invites the client
/// to stall again. Shared, because the body moves into the handler; made
/// only for a request that has both a guarded body and a handler timeout.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
#[derive(Clone, Debug, Default)]
pub(crate) struct BodyWait(alloc::sync::Arc<core::sync::atomic::AtomicBool>);

#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
impl BodyWait {
    /// Records whether the body's last read had to wait for the client.
    pub(crate) fn set(&self, waiting: bool) {
        // One task reads the body and runs the handler timeout: no other
        // memory is published through the flag.
        self.0.store(waiting, core::sync::atomic::Ordering::Relaxed);
    }

    /// What a handler timeout that ran out `after` answers: a 408 when the
    /// handler was waiting for the request body, a 503 otherwise.
    pub(crate) fn expired(
        wait: Option<&BodyWait>,
        after: Duration,
        retry_after: Duration,
    ) -> FrameworkError {
        let waiting = wait.is_some_and(|wait| wait.0.load(core::sync::atomic::Ordering::Relaxed));
        FrameworkError::new(if waiting {
            FrameworkErrorKind::BodyTimeout { after }
        } else {
            FrameworkErrorKind::HandlerTimeout { after, retry_after }
        })
    }
}

#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
pin_project_lite::pin_project! {
    /// A handler timeout's timer (on tokio, which axum and poem run on, and
    /// actix-web through actix-rt), what
    /// the 503 it ends in says, and whether the request's body is waiting for
    /// its client (then it ends in a 408).
    pub(crate) struct HandlerDeadline {
        #[pin]
        timer: tokio::time::Sleep,
        after: Duration,
        retry_after: Duration,
        wait: Option<BodyWait>,
    }
}

#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
impl HandlerDeadline {
    /// The timer, started now. Boxed: only a configured handler timeout pays
    /// for a timer, and the future every request carries stays small (moving
    /// it is part of the cost of every request).
    #[inline(never)]
    pub(crate) fn boxed(
        after: Duration,
        retry_after: Duration,
        wait: Option<BodyWait>,
    ) -> core::pin::Pin<alloc::boxed::Box<Self>> {
        alloc::boxed::Box::pin(HandlerDeadline {
            timer: tokio::time::sleep(after),
            after,
            retry_after,
            wait,
        })
    }

    /// [`expired`](Self::expired) of a hook's deadline, if it has one (a
    /// handler timeout is configured): the three hooks' one check.
    #[inline]
    pub(crate) fn expired_in(
        deadline: &mut Option<core::pin::Pin<alloc::boxed::Box<Self>>>,
        cx: &mut core::task::Context<'_>,
    ) -> Option<FrameworkError> {
        deadline.as_mut()?.as_mut().expired(cx)
    }

    /// The 503 (or 408, see [`BodyWait`]) once the timer has run out. Out
    /// of line, as only a configured handler timeout has a timer.
    #[inline(never)]
    pub(crate) fn expired(
        self: core::pin::Pin<&mut Self>,
        cx: &mut core::task::Context<'_>,
    ) -> Option<FrameworkError> {
        let this = self.project();
        if core::future::Future::poll(this.timer, cx).is_pending() {
            return None;
        }
        Some(BodyWait::expired(
            this.wait.as_ref(),
            *this.after,
            *this.retry_after,
        ))
    }
}

/// What every framework hook does with an error response the framework made
/// without saying why: the same kind for the same status, on axum, actix-web
/// and poem alike.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
impl FrameworkError {
    /// The problem for a bare error response of `status` to `method` on
    /// `path`: the router's 404 and 405 (keeping its `Allow`), a body limit's
    /// 413, and the framework's own 415, 422 and 500; `None` for a status no
    /// kind covers (see [`generic_response`]).
    pub(crate) fn for_bare_status(
        status: StatusCode,
        method: &str,
        path: &str,
        allow: Option<&str>,
    ) -> Option<Self> {
        let kind = match status.as_u16() {
            404 => FrameworkErrorKind::RouteNotFound { path: path.into() },
            405 => FrameworkErrorKind::MethodNotAllowed {
                method: method.into(),
                allow: allow.unwrap_or_default().into(),
            },
            413 => FrameworkErrorKind::BodyTooLarge { limit: None },
            415 => FrameworkErrorKind::UnsupportedMediaType { expected: None },
            422 => FrameworkErrorKind::InvalidBody,
            500 => FrameworkErrorKind::Internal(
                "the framework answered 500 Internal Server Error without a problem".into(),
            ),
            _ => return None,
        };
        Some(kind.into())
    }
}

/// The problem of an error status no [`FrameworkErrorKind`] covers:
/// `about:blank`, the phrase as `title` and `detail`, and the phrase in
/// `snake_case` as `code` (`too_many_requests`).
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
pub(crate) fn generic_response(
    status: StatusCode,
    format: crate::ProblemFormat,
) -> crate::ErrorResponse {
    let phrase = status.reason_phrase();
    let code: String = phrase
        .chars()
        .filter_map(|c| match c {
            ' ' | '-' => Some('_'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    let body = status.allows_body().then(|| {
        ProblemDetails::new(status, code)
            .with_detail(phrase)
            .render(format)
    });
    let mut headers = Headers::new();
    crate::error::no_store(&mut headers);
    crate::ErrorResponse {
        status,
        headers,
        body,
        format,
    }
}

impl From<FrameworkErrorKind> for FrameworkError {
    fn from(kind: FrameworkErrorKind) -> Self {
        FrameworkError::new(kind)
    }
}

/// The kind's text, then the first violation and where it is, so that a
/// client reading only `detail` learns what to fix.
impl fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.kind, f)?;
        if let Some(first) = self.violations.first() {
            write!(f, ": {} (at {})", first.detail, first.pointer)?;
            match self.violations.len() - 1 {
                0 => {}
                1 => f.write_str(", and 1 more")?,
                more => write!(f, ", and {more} more")?,
            }
        }
        Ok(())
    }
}

impl core::error::Error for FrameworkError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        None
    }
}

impl HttpError for FrameworkError {
    fn status(&self) -> StatusCode {
        self.kind.status()
    }

    fn code(&self) -> &'static str {
        self.kind.code()
    }

    fn type_uri(&self) -> &'static str {
        self.kind.type_uri()
    }

    fn exposes_detail(&self) -> bool {
        self.kind.exposes_detail()
    }

    fn cacheable(&self) -> bool {
        self.kind.cacheable()
    }

    fn log_level(&self) -> crate::LogLevel {
        self.kind.log_level()
    }

    /// The kind's headers, but for an empty `Allow`: a 405 whose framework
    /// did not say which methods the route has (poem's) sends none, since an
    /// empty `Allow` would say the route has none (RFC 9110 Section 10.2.1).
    fn headers(&self) -> Headers {
        let headers = self.kind.headers();
        if !matches!(&self.kind, FrameworkErrorKind::MethodNotAllowed { allow, .. } if allow.is_empty())
        {
            return headers;
        }
        let mut kept = Headers::new();
        for (name, value) in headers.iter() {
            if !name.eq_ignore_ascii_case("allow") {
                // Already validated once; cannot fail again.
                let _ = kept.insert(name, alloc::string::String::from(value));
            }
        }
        kept
    }

    // Not `problem`: an error that wraps this one with `#[http(transparent)]`
    // delegates `extend_problem`, so its body keeps the violations.
    fn extend_problem(&self, problem: &mut ProblemDetails) {
        problem.errors.extend(self.violations.iter().cloned());
    }

    // `problem` is the trait's default, so the one-pass response is the
    // same as the generic one.
    #[cfg(feature = "actix-web")]
    fn to_actix_response(&self) -> ::actix_web::HttpResponse {
        crate::external::actix_web::default_actix_response(self)
    }
}

impl ErrorCatalog for FrameworkError {
    /// The kinds' entries, but for `InvalidBody`'s: its problem lists the
    /// violations as `errors` (`extend_problem`), which the kind cannot say
    /// of itself, as it carries none. The member is absent when there are
    /// no violations, so it is optional.
    const ERRORS: &'static [crate::CatalogEntry] = &{
        const ERRORS_MEMBER: [crate::CatalogMember; 1] = [crate::__private_0_1_0::catalog_member(
            "errors",
            crate::JsonType::Errors,
            true,
        )];
        let mut entries = [FrameworkErrorKind::ERRORS[0]; FrameworkErrorKind::ERRORS.len()];
        let mut index = 0;
        while index < entries.len() {
            entries[index] = FrameworkErrorKind::ERRORS[index];
            if matches!(entries[index].status, StatusCode::UnprocessableContent) {
                entries[index].members = &ERRORS_MEMBER;
            }
            index += 1;
        }
        entries
    };
}

crate::__impl_axum!([] [FrameworkError] []);
crate::__impl_actix_web!([] [FrameworkError] []);
crate::__impl_poem!([] [FrameworkError] []);
crate::__impl_utoipa!([] [FrameworkError] []);

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString as _;

    #[test]
    fn the_catalog_lists_errors_where_the_problem_carries_violations() {
        assert_eq!(
            FrameworkError::ERRORS.len(),
            FrameworkErrorKind::ERRORS.len()
        );
        for (entry, kind) in FrameworkError::ERRORS
            .iter()
            .zip(FrameworkErrorKind::ERRORS)
        {
            assert_eq!(
                (entry.variant, entry.status, entry.code),
                (kind.variant, kind.status, kind.code)
            );
            if entry.code == "invalid_body" {
                let [errors] = entry.members else {
                    panic!("invalid_body lists {:?}", entry.members);
                };
                assert_eq!(
                    (errors.name, errors.json_type, errors.optional),
                    ("errors", crate::JsonType::Errors, true)
                );
                // What the catalog says is what the body has.
                let problem =
                    FrameworkError::invalid_body([Violation::at(["name"], "required")]).problem();
                assert!(
                    problem.to_json().contains(r#""errors":[{"#),
                    "{}",
                    problem.to_json()
                );
            } else {
                assert_eq!(entry.members, kind.members, "{}", entry.variant);
            }
        }
    }

    #[test]
    fn every_kind_has_its_own_code_and_an_about_blank_type() {
        let entries = FrameworkErrorKind::ERRORS;
        assert_eq!(entries.len(), 11);
        for (index, entry) in entries.iter().enumerate() {
            assert_eq!(entry.type_uri, "about:blank", "{}", entry.variant);
            assert!(!entry.description.is_empty(), "{}", entry.variant);
            assert!(
                entries[index + 1..]
                    .iter()
                    .all(|other| other.code != entry.code),
                "{} is not unique",
                entry.code
            );
        }
    }

    #[test]
    fn a_long_path_or_method_is_cut_in_the_detail_at_a_character() {
        let detail = |kind: FrameworkErrorKind| kind.to_string();
        let short = "/a".repeat(SHOWN_PATH / 2);
        assert_eq!(
            detail(FrameworkErrorKind::RouteNotFound {
                path: short.clone()
            }),
            std::format!("no route for {short}")
        );
        let long = std::format!("{short}/more");
        assert_eq!(
            detail(FrameworkErrorKind::RouteNotFound { path: long }),
            std::format!("no route for {short}…")
        );
        // A two-byte character across the limit is left out whole.
        let accented = std::format!("{}é", "/".repeat(SHOWN_PATH - 1));
        assert_eq!(
            detail(FrameworkErrorKind::RouteNotFound { path: accented }),
            std::format!("no route for {}…", "/".repeat(SHOWN_PATH - 1))
        );
        let method = "X".repeat(SHOWN_METHOD + 1);
        assert_eq!(
            detail(FrameworkErrorKind::MethodNotAllowed {
                method,
                allow: "GET".into()
            }),
            std::format!("{}… is not allowed here; use GET", "X".repeat(SHOWN_METHOD))
        );
    }

    #[test]
    fn a_panic_and_a_handler_timeout_are_masked() {
        let panic = FrameworkError::new(FrameworkErrorKind::Internal(
            "a handler panicked: index out of bounds".into(),
        ));
        let problem = panic.problem();
        assert_eq!(problem.detail.as_deref(), Some("Internal Server Error"));
        assert!(!problem.to_json().contains("index"));
        let timeout = FrameworkError::new(FrameworkErrorKind::HandlerTimeout {
            after: Duration::from_secs(10),
            retry_after: Duration::from_millis(1500),
        });
        assert_eq!(timeout.headers().get("retry-after"), Some("2"));
        assert_eq!(
            timeout.problem().detail.as_deref(),
            Some("Service Unavailable")
        );
    }

    #[test]
    #[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
    fn a_handler_timeout_waiting_for_the_body_is_the_body_timeout() {
        let after = Duration::from_secs(10);
        let retry_after = Duration::from_secs(1);
        let wait = BodyWait::default();
        let status = |wait| BodyWait::expired(wait, after, retry_after).status();
        assert_eq!(status(None), StatusCode::ServiceUnavailable);
        assert_eq!(status(Some(&wait)), StatusCode::ServiceUnavailable);
        wait.set(true);
        let error = BodyWait::expired(Some(&wait), after, retry_after);
        assert_eq!(error.status(), StatusCode::RequestTimeout);
        assert_eq!(error.headers().get("connection"), Some("close"));
        assert_eq!(error.headers().get("retry-after"), None);
        wait.set(false);
        assert_eq!(status(Some(&wait)), StatusCode::ServiceUnavailable);
    }

    #[test]
    fn a_body_timeout_closes_the_connection() {
        let error = FrameworkError::new(FrameworkErrorKind::BodyTimeout {
            after: Duration::from_millis(250),
        });
        assert_eq!(error.status(), StatusCode::RequestTimeout);
        assert_eq!(error.headers().get("connection"), Some("close"));
        assert_eq!(
            error.to_string(),
            "the request body did not arrive within 250 ms"
        );
    }

    #[test]
    fn the_405_keeps_allow() {
        let error = FrameworkError::new(FrameworkErrorKind::MethodNotAllowed {
            method: "DELETE".into(),
            allow: "GET,HEAD".into(),
        });
        assert_eq!(error.headers().get("allow"), Some("GET,HEAD"));
        assert_eq!(
            error.to_string(),
            "DELETE is not allowed here; use GET,HEAD"
        );
    }

    #[test]
    fn the_detail_names_the_first_violation_and_counts_the_rest() {
        let error = FrameworkError::invalid_body([
            Violation::at(["a"], "x"),
            Violation::at(["b"], "y"),
            Violation::at(["c"], "z"),
        ]);
        assert_eq!(
            error.to_string(),
            "the request body does not fit what this route expects: x (at #/a), and 2 more"
        );
        assert_eq!(error.problem().errors.len(), 3);
    }
}
