//! The runtime contract that `#[derive(HttpError)]` implements and the
//! framework adapters consume.

use alloc::borrow::Cow;
use alloc::string::{String, ToString as _};

use crate::{GrpcCode, Headers, ProblemDetails, ProblemFormat, StatusCode};

/// An error that knows how to be an HTTP response: its status, a stable
/// machine-readable code, the headers it needs, and an RFC 9457 body.
///
/// Usually derived; see the crate documentation for `#[derive(HttpError)]`
/// and its `#[http(...)]` attribute. Implementing it by hand needs only
/// [`status`](HttpError::status) and [`code`](HttpError::code):
///
/// ```
/// use status_core::{HttpError, StatusCode};
///
/// #[derive(Debug)]
/// struct Closed;
///
/// impl std::fmt::Display for Closed {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("the shop is closed")
///     }
/// }
///
/// impl std::error::Error for Closed {}
///
/// impl HttpError for Closed {
///     fn status(&self) -> StatusCode {
///         StatusCode::ServiceUnavailable
///     }
///     fn code(&self) -> &'static str {
///         "closed"
///     }
/// }
///
/// // A 5xx hides its Display text from the client: the detail is the phrase.
/// assert_eq!(Closed.problem().detail.as_deref(), Some("Service Unavailable"));
/// ```
pub trait HttpError: core::error::Error {
    /// The response status.
    fn status(&self) -> StatusCode;

    /// A stable machine-readable code for clients to branch on, such as
    /// `item_not_found`. The derive defaults it to the variant name in `snake_case`.
    fn code(&self) -> &'static str;

    /// The problem `type` URI. `about:blank` unless the type sets `type_base`.
    fn type_uri(&self) -> &'static str {
        "about:blank"
    }

    /// Whether the client may see the `Display` text as the problem's `detail`.
    /// By default 4xx errors show it and 5xx errors do not: a server error's
    /// message is about the server, and can leak internals.
    fn exposes_detail(&self) -> bool {
        !self.status().is_server_error()
    }

    /// Header fields the response carries, such as `Retry-After`.
    fn headers(&self) -> Headers {
        Headers::new()
    }

    /// Whether a cache may store this error response without being told to
    /// (RFC 9111 Section 4.2.2). `false` by default, and then the response
    /// carries `Cache-Control: no-store`, so that no shared cache keeps a
    /// 404 that was true for a moment only. It takes effect only for a
    /// status that is heuristically cacheable by default
    /// ([`StatusCode::is_cacheable_by_default`]: 404, 405, 410, 414, 451,
    /// 501); the derive's `#[http(cacheable)]` is checked against that at
    /// compile time. A `Cache-Control` of the error's own
    /// [`headers`](HttpError::headers) is always kept as it is.
    ///
    /// ```
    /// use status_core::HttpError;
    ///
    /// #[derive(Debug, thiserror::Error, HttpError)]
    /// enum ApiError {
    ///     #[error("this API version was retired")]
    ///     #[http(status = 410, cacheable)]
    ///     Retired,
    ///     #[error("no such item")]
    ///     #[http(status = 404)]
    ///     NotFound,
    /// }
    ///
    /// assert_eq!(ApiError::Retired.error_response().headers.get("cache-control"), None);
    /// assert_eq!(
    ///     ApiError::NotFound.error_response().headers.get("cache-control"),
    ///     Some("no-store")
    /// );
    /// ```
    fn cacheable(&self) -> bool {
        false
    }

    /// How loud a 5xx of this error is logged (feature `tracing`):
    /// [`LogLevel::Error`] by default, since an unexpected server error
    /// needs a person. A 5xx that is planned (a 501 for what is not built, a
    /// maintenance 503) says so with the derive's `#[http(log = "warn")]` or
    /// `"info"`. A 4xx is not logged at all.
    fn log_level(&self) -> LogLevel {
        LogLevel::Error
    }

    /// Adds what this occurrence carries beyond the standard members: the
    /// extension members (RFC 9457, Section 3.2), the `instance`, the
    /// failing members in `errors`. Nothing by default; the derive fills it
    /// from fields marked `#[http(extension)]`, `#[http(instance)]` and
    /// `#[http(errors)]`.
    ///
    /// Unlike `detail`, these members are sent with a 5xx too: marking a
    /// field is the explicit choice to show it to the client.
    ///
    /// ```
    /// use status_core::{HttpError, ProblemDetails, StatusCode};
    ///
    /// #[derive(Debug, thiserror::Error)]
    /// #[error("your current balance is {balance}, but that costs 50")]
    /// struct OutOfCredit { balance: u32 }
    ///
    /// impl HttpError for OutOfCredit {
    ///     fn status(&self) -> StatusCode { StatusCode::Forbidden }
    ///     fn code(&self) -> &'static str { "out_of_credit" }
    ///     fn extend_problem(&self, problem: &mut ProblemDetails) {
    ///         // "balance" is a valid member name: this cannot fail.
    ///         let _ = problem.insert_extension("balance", self.balance);
    ///     }
    /// }
    ///
    /// assert!(OutOfCredit { balance: 30 }.problem().to_json().ends_with(r#""balance":30}"#));
    /// ```
    fn extend_problem(&self, problem: &mut ProblemDetails) {
        let _ = problem;
    }

    /// The RFC 9457 problem details body. Its `detail` is the `Display` text
    /// when [`exposes_detail`](HttpError::exposes_detail) is true, and the
    /// reason phrase otherwise; then [`extend_problem`](HttpError::extend_problem)
    /// adds the rest.
    fn problem(&self) -> ProblemDetails {
        let mut problem = ProblemDetails::new(self.status(), self.code())
            .with_type(self.type_uri())
            .with_detail(client_detail(self));
        self.extend_problem(&mut problem);
        problem
    }

    /// The gRPC code this error is sent with over gRPC (feature `tonic`).
    /// By default the spec's mapping of [`status`](HttpError::status)
    /// ([`GrpcCode::from_status`]: `UNKNOWN` where the spec has none); the
    /// derive's `#[http(grpc = Unavailable)]` overrides it per variant.
    fn grpc_code(&self) -> GrpcCode {
        GrpcCode::from_status(self.status())
    }

    /// The `domain` of the gRPC `ErrorInfo` detail (AIP-193): the service
    /// that the `code` belongs to, such as `"api.example.com"`. Empty by
    /// default; the derive's container attribute `#[http(grpc_domain = "...")]`
    /// sets it.
    fn grpc_domain(&self) -> &'static str {
        ""
    }

    /// The whole response, framework-neutral. The adapters for axum,
    /// actix-web and `http` all build on this, so they always agree.
    fn error_response(&self) -> ErrorResponse {
        ErrorResponse::from_error(self)
    }

    /// The response as an `http::Response`, for hyper, tower or any
    /// `http`-based server (feature `http`). The derive overrides it with a
    /// one-pass equivalent (the same bytes, without the intermediate
    /// `ErrorResponse`, and with the header literals it checked at compile
    /// time built as constants).
    #[cfg(feature = "http")]
    fn to_http_response(&self) -> ::http::Response<String> {
        self.error_response().into_http()
    }

    /// The response as an `actix_web::HttpResponse` (feature `actix-web`):
    /// [`error_response`](HttpError::error_response) in the format the
    /// [`Problems`](crate::actix_web::Problems) middleware says the request
    /// prefers. Derived errors send it from their
    /// `ResponseError::error_response`, and the derive overrides it as it
    /// does [`to_http_response`](HttpError::to_http_response): one pass, the
    /// header literals as constants.
    #[cfg(feature = "actix-web")]
    fn to_actix_response(&self) -> ::actix_web::HttpResponse {
        let format = crate::negotiate::wanted::format();
        crate::external::actix_web::actix_response(ErrorResponse::from_error_as(self, format))
    }
}

/// A boxed error is the error it holds, so `#[http(transparent)]` works
/// through a `Box` as thiserror's `#[error(transparent)]` does.
impl<T: HttpError> HttpError for alloc::boxed::Box<T> {
    fn status(&self) -> StatusCode {
        (**self).status()
    }

    fn code(&self) -> &'static str {
        (**self).code()
    }

    fn type_uri(&self) -> &'static str {
        (**self).type_uri()
    }

    fn exposes_detail(&self) -> bool {
        (**self).exposes_detail()
    }

    fn headers(&self) -> Headers {
        (**self).headers()
    }

    fn cacheable(&self) -> bool {
        (**self).cacheable()
    }

    fn log_level(&self) -> LogLevel {
        (**self).log_level()
    }

    fn extend_problem(&self, problem: &mut ProblemDetails) {
        (**self).extend_problem(problem);
    }

    fn problem(&self) -> ProblemDetails {
        (**self).problem()
    }

    fn grpc_code(&self) -> GrpcCode {
        (**self).grpc_code()
    }

    fn grpc_domain(&self) -> &'static str {
        (**self).grpc_domain()
    }

    #[cfg(feature = "http")]
    fn to_http_response(&self) -> ::http::Response<String> {
        (**self).to_http_response()
    }

    #[cfg(feature = "actix-web")]
    fn to_actix_response(&self) -> ::actix_web::HttpResponse {
        (**self).to_actix_response()
    }
}

/// What a client may read of `error`: its `Display` text when it
/// [exposes](HttpError::exposes_detail) it, the status's reason phrase
/// otherwise. The problem's `detail`, the one-pass body (`render.rs`) and the
/// gRPC message are all this; it is a `Display` so that the one-pass body
/// can write it without a `String` of its own.
pub(crate) enum ClientDetail<'a, E: ?Sized> {
    /// The error's own text.
    Text(&'a E),
    /// The reason phrase, for an error that hides its text.
    Phrase(&'static str),
}

impl<'a, E: HttpError + ?Sized> ClientDetail<'a, E> {
    pub(crate) fn of(error: &'a E) -> Self {
        if error.exposes_detail() {
            ClientDetail::Text(error)
        } else {
            ClientDetail::Phrase(error.status().reason_phrase())
        }
    }
}

impl<E: core::fmt::Display + ?Sized> core::fmt::Display for ClientDetail<'_, E> {
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ClientDetail::Text(error) => error.fmt(formatter),
            ClientDetail::Phrase(phrase) => formatter.write_str(phrase),
        }
    }
}

/// [`ClientDetail`] as the `detail` member's value.
pub(crate) fn client_detail<E: HttpError + ?Sized>(error: &E) -> Cow<'static, str> {
    match ClientDetail::of(error) {
        ClientDetail::Text(error) => Cow::Owned(error.to_string()),
        ClientDetail::Phrase(phrase) => Cow::Borrowed(phrase),
    }
}

/// A framework-neutral error response: status, headers and, when the status
/// allows content, a problem body in JSON or XML.
///
/// A server that sees the request picks the format from its `Accept` field:
///
/// ```
/// use status_core::{HttpError, ErrorResponse, ProblemFormat};
///
/// #[derive(Debug, thiserror::Error, HttpError)]
/// #[error("item {0} not found")]
/// #[http(status = NotFound)]
/// struct ItemNotFound(u64);
///
/// let accept = "application/problem+xml";
/// let format = ProblemFormat::from_accept([accept.as_bytes()]);
/// let response = ErrorResponse::from_error_as(&ItemNotFound(7), format);
/// assert_eq!(response.content_type(), Some("application/problem+xml"));
/// assert!(response.body.unwrap().contains("<detail>item 7 not found</detail>"));
/// ```
///
/// A negotiated response also carries `Vary: Accept`, which the framework
/// integrations add and another server has to add itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorResponse {
    /// The response status.
    pub status: StatusCode,
    /// Header fields, already validated.
    pub headers: Headers,
    /// The problem body; `None` for a status whose spec entry forbids content.
    pub body: Option<String>,
    /// The format of `body`.
    pub format: ProblemFormat,
}

impl ErrorResponse {
    /// Builds the problem+json response of `error`. A 5xx error's source
    /// chain is logged (feature `tracing`), since its text is not sent to
    /// the client.
    pub fn from_error<E: HttpError + ?Sized>(error: &E) -> Self {
        ErrorResponse::from_error_as(error, ProblemFormat::Json)
    }

    /// Builds the response of `error` with its body in `format`.
    pub fn from_error_as<E: HttpError + ?Sized>(error: &E, format: ProblemFormat) -> Self {
        let (status, headers, problem) = parts(error);
        ErrorResponse {
            status,
            headers,
            body: problem.map(|problem| problem.render(format)),
            format,
        }
    }

    /// The problem+json response of `error`, and the problem it renders, for
    /// a framework layer that may render it again as XML once it sees the
    /// request. Logs as [`from_error`](Self::from_error) does.
    #[cfg(feature = "poem")]
    pub(crate) fn with_problem<E: HttpError + ?Sized>(error: &E) -> (Self, Option<ProblemDetails>) {
        let (status, headers, problem) = parts(error);
        let response = ErrorResponse {
            status,
            headers,
            body: problem.as_ref().map(ProblemDetails::to_json),
            format: ProblemFormat::Json,
        };
        (response, problem)
    }

    /// The media type of the body, when there is one:
    /// `application/problem+json` or `application/problem+xml`.
    #[must_use]
    pub fn content_type(&self) -> Option<&'static str> {
        self.body.as_ref().map(|_| self.format.media_type())
    }
}

/// What every rendering of `error` starts from, logged once (see
/// [`log_answer`]): the status, the headers and, when the status allows
/// content, the problem.
fn parts<E: HttpError + ?Sized>(error: &E) -> (StatusCode, Headers, Option<ProblemDetails>) {
    let status = log_answer(error);
    let problem = status.allows_body().then(|| error.problem());
    (status, headers_of(error, status), problem)
}

/// `error`'s headers, with `Cache-Control: no-store` unless it may be stored.
fn headers_of<E: HttpError + ?Sized>(error: &E, status: StatusCode) -> Headers {
    let mut headers = error.headers();
    if !may_be_stored(error, status) {
        no_store(&mut headers);
    }
    headers
}

/// Whether caches may store `error`'s response heuristically: only when the
/// variant opts in and the registry marks its status `cacheable`.
pub(crate) fn may_be_stored<E: HttpError + ?Sized>(error: &E, status: StatusCode) -> bool {
    error.cacheable() && status.is_cacheable_by_default()
}

/// Logs that `error` is being answered: a 5xx error's source chain (feature
/// `tracing`), since its text is not sent to the client, and the response's
/// status and code. Returns the status: what every response path does first.
pub(crate) fn log_answer<E: HttpError + ?Sized>(error: &E) -> StatusCode {
    let status = error.status();
    if status.is_server_error() {
        crate::log::server_error(error.log_level(), status, error.code(), error);
    }
    crate::log::error_response(status, error.code());
    status
}

/// The `Cache-Control` of an error response that may not be stored: it is
/// true for the moment it is sent.
pub(crate) const NO_STORE: &str = "no-store";

/// `Cache-Control: no-store`, unless `headers` say something about caching
/// already.
pub(crate) fn no_store(headers: &mut Headers) {
    if headers.get("cache-control").is_none() {
        headers.push_checked("Cache-Control", NO_STORE);
    }
}

/// How loud an error is logged: the levels of `tracing` (and of `log`), from
/// the loudest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LogLevel {
    /// Something failed that a person must look at.
    Error,
    /// Planned, but worth noticing: a 501, an overload shed on purpose.
    Warn,
    /// Planned and expected: a maintenance window.
    Info,
    /// Detail for whoever is debugging.
    Debug,
    /// Everything.
    Trace,
}
