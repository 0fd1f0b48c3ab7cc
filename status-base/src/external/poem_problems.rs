//! Every error of a poem app as an RFC 9457 problem (feature `poem`).
//!
//! poem answers the errors it makes itself in plain text: its extractors'
//! rejections, the router's 404 and 405; its 405 carries no `Allow`, a panic
//! drops the connection, and nothing limits or times a request body. One
//! middleware, [`Problems`], gives all of these the built-in
//! [`FrameworkError`] problems, through poem's own error catching (it reads
//! the `poem::Error` each endpoint fails with):
//!
//! ```no_run
//! use poem::listener::TcpListener;
//! use poem::{EndpointExt as _, Route, Server, handler};
//! use status_core::poem::{Json, Problems, get};
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! struct NewItem {
//!     name: String,
//! }
//!
//! #[handler]
//! fn create(Json(item): Json<NewItem>) -> poem::web::Json<NewItem> {
//!     poem::web::Json(item)
//! }
//!
//! # async fn run() -> std::io::Result<()> {
//! let app = Route::new()
//!     .at("/items", get(create).post(create))
//!     .with(Problems::new());
//! Server::new(TcpListener::bind("127.0.0.1:3000")).run(app).await
//! # }
//! ```
//!
//! poem's `RouteMethod` does not tell which methods it has, so its 405 cannot
//! name them; [`get`], [`post`] and the other functions here build the same
//! method routes, and their 405 carries `Allow`. poem's own JSON, query and
//! path extractors keep no path into the document, accept an array for a
//! struct, or drop the reason; the drop-in [`Json`], [`Query`], [`Path`] and
//! [`Form`] read through the same decoding as the axum and actix-web
//! integrations.

use std::borrow::ToOwned as _;
use std::boxed::Box;
use std::format;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::string::{String, ToString as _};
use std::task::{Context, Poll};
use std::time::Duration;
use std::vec::Vec;

use futures_util::Stream;
use futures_util::future::Either;
use poem::error::{
    MethodNotAllowedError, NotFoundError, ParseFormError, ParseJsonError, ParsePathError,
    ParseQueryError, ReadBodyError, SizedLimitError,
};
use poem::http::{HeaderValue, Method, header};
use poem::web::Json as PoemJson;
use poem::{
    Body, Endpoint, FromRequest, IntoEndpoint, IntoResponse, Middleware, Request, RequestBody,
    Response, RouteMethod,
};
use serde::de::DeserializeOwned;
use tokio::time::Sleep;

use crate::decode::{self, Urlencoded};
use crate::negotiate::Negotiable;
use crate::{FrameworkError, FrameworkErrorKind, HttpError, ProblemFormat, StatusCode};

use crate::framework::request_line::RequestLine;
use crate::framework::{BodyWait, HandlerDeadline, Timeouts};
/// The largest request body, unless configured: axum's default too.
const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The middleware that makes every error of a poem app an RFC 9457
/// problem, and bounds the size and duration of a request.
///
/// - An endpoint's error (`poem::Error`) or error response that is not
///   already a problem is replaced by the matching problem, keeping its
///   status and headers: from the error when poem says what it was
///   (`NotFoundError` becomes `route_not_found`, `ParseJsonError`
///   `malformed_body`, ...), otherwise a problem of that status whose `code`
///   is its reason phrase in `snake_case`.
/// - A panic becomes a masked 500 `internal_error` problem, logged with its
///   message (feature `tracing`), instead of a dropped connection.
/// - The request body is limited to 2 MiB by default
///   ([`body_limit`](Problems::body_limit)): a `Content-Length` over the limit
///   is a 413 before the body is read, and a chunked body is cut off where it
///   passes the limit.
/// - The request body is bounded by a deadline (30 s by default), which
///   starts the first time reading it has to wait for the client; an expired
///   one is a 408 `body_timeout` and the connection is closed.
/// - With [`handler_timeout`](Problems::handler_timeout), a request whose
///   answer takes longer is cancelled and answered 503 `handler_timeout`
///   with `Retry-After`; or 408 `body_timeout`, if the handler was waiting
///   for a request body its client had stopped sending.
///
/// Every problem the middleware answers with is in the format the request's
/// `Accept` prefers (see [`negotiate`](crate::negotiate)): problem+json, or
/// problem+xml (RFC 9457, Appendix B), with `Vary: Accept` added to the
/// response's `Vary`. That includes the errors endpoints return: a derived
/// error's `ResponseError` (and the rejections of this module's extractors)
/// keep the problem they render in the response's extensions, and the
/// middleware renders it again as XML when the request asks for XML.
///
/// Successful responses and responses that already are problems (a
/// hand-written problem+json body, say) pass through untouched.
#[derive(Clone, Copy, Debug)]
#[must_use]
pub struct Problems {
    config: Config,
}

#[derive(Clone, Copy, Debug)]
struct Config {
    body_limit: Option<usize>,
    timeouts: Timeouts,
}

impl Problems {
    /// A 2 MiB body limit, a 30-second body timeout, no handler timeout.
    pub const fn new() -> Self {
        Problems {
            config: Config {
                body_limit: Some(DEFAULT_BODY_LIMIT),
                timeouts: Timeouts::DEFAULT,
            },
        }
    }

    /// The largest request body accepted, in bytes.
    pub const fn body_limit(mut self, bytes: usize) -> Self {
        self.config.body_limit = Some(bytes);
        self
    }

    /// Accepts request bodies of any size.
    pub const fn without_body_limit(mut self) -> Self {
        self.config.body_limit = None;
        self
    }

    /// How long a client may take to send a request body, counted from the
    /// first time reading it has to wait.
    pub const fn body_timeout(mut self, timeout: Duration) -> Self {
        self.config.timeouts.body_timeout = Some(timeout);
        self
    }

    /// Lets clients take as long as they like to send a body.
    pub const fn without_body_timeout(mut self) -> Self {
        self.config.timeouts.body_timeout = None;
        self
    }

    /// Cancels a request whose response takes longer than `timeout` and
    /// answers it with a 503 `handler_timeout` problem. Off by default.
    ///
    /// The time counts from the call, reading the request body included.
    /// If it runs out while the handler waits for a body whose client has
    /// stopped sending, the answer is the body timeout's 408 (the client's
    /// doing), not a 503.
    pub const fn handler_timeout(mut self, timeout: Duration) -> Self {
        self.config.timeouts.handler_timeout = Some(timeout);
        self
    }

    /// The `Retry-After` of a handler timeout's 503 (1 s by default).
    pub const fn retry_after(mut self, wait: Duration) -> Self {
        self.config.timeouts.retry_after = wait;
        self
    }
}

impl Default for Problems {
    fn default() -> Self {
        Problems::new()
    }
}

impl<E: Endpoint> Middleware<E> for Problems {
    type Output = ProblemsEndpoint<E>;

    fn transform(&self, inner: E) -> ProblemsEndpoint<E> {
        ProblemsEndpoint {
            inner,
            config: self.config,
        }
    }
}

/// The endpoint of the [`Problems`] middleware.
#[derive(Debug)]
pub struct ProblemsEndpoint<E> {
    inner: E,
    config: Config,
}

impl<E: Endpoint> Endpoint for ProblemsEndpoint<E> {
    type Output = Response;

    // A named future rather than an `async fn`, inlined into the caller:
    // the endpoint's future is written where the caller keeps it, where an
    // `async fn` moved the request into its own state and then the inner
    // future (about 2 KB for poem's `Route`) after it. 115 instructions a
    // request fewer, 140 of them `memcpy` (`docs/PERFORMANCE.md`); not
    // inlined, the named future was dearer than the `async fn`.
    #[inline]
    fn call(&self, mut request: Request) -> impl Future<Output = poem::Result<Response>> + Send {
        // Only an error reads it; see `RequestLine` for what it costs.
        let line = RequestLine::of(request.method().as_str(), request.uri().path());
        let format = crate::negotiate::format_of(request.headers());
        // poem's body knows when it is empty (nearly every GET's is): then
        // no framing header is looked up, 160 instructions a request fewer
        // (`scripts/hook-instructions.sh`).
        let body = request.take_body();
        let announced = !body.is_empty();
        request.set_body(body);
        let length = announced
            .then(|| request.headers().get(header::CONTENT_LENGTH))
            .flatten()
            .and_then(|length| length.to_str().ok()?.parse::<u64>().ok());
        if let (Some(limit), Some(length)) = (self.config.body_limit, length)
            && length > u64::try_from(limit).unwrap_or(u64::MAX)
        {
            // Before the body is read, so the client need not send it.
            let too_large = FrameworkError::new(FrameworkErrorKind::BodyTooLarge {
                limit: u64::try_from(limit).ok(),
            });
            return Either::Left(core::future::ready(Ok(response_of(&too_large, format))));
        }
        let has_body = announced
            && (length.is_some_and(|length| length > 0)
                || request.headers().contains_key(header::TRANSFER_ENCODING));
        let timeouts = self.config.timeouts;
        let mut wait = None;
        if has_body && (self.config.body_limit.is_some() || timeouts.body_timeout.is_some()) {
            wait = (timeouts.body_timeout.is_some() && timeouts.handler_timeout.is_some())
                .then(BodyWait::default);
            let body = request.take_body();
            request.set_body(Body::from_bytes_stream(GuardedBody {
                inner: body.into_bytes_stream(),
                deadline: None,
                limit: self.config.body_limit,
                timeout: timeouts.body_timeout,
                wait: wait.clone(),
                read: 0,
            }));
        }
        let deadline = timeouts
            .handler_timeout
            .map(|after| HandlerDeadline::boxed(after, timeouts.retry_after, wait));
        Either::Right(ProblemsFuture {
            inner: self.inner.call(request),
            deadline,
            line,
            format,
        })
    }
}

pin_project_lite::pin_project! {
    /// The future of a [`ProblemsEndpoint`]: the endpoint's, then its answer
    /// as a problem where it is an error, a panic or too late.
    struct ProblemsFuture<F> {
        #[pin]
        inner: F,
        deadline: Option<Pin<Box<HandlerDeadline>>>,
        line: RequestLine,
        format: ProblemFormat,
    }
}

impl<F, T> Future for ProblemsFuture<F>
where
    F: Future<Output = poem::Result<T>>,
    T: IntoResponse,
{
    type Output = poem::Result<Response>;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let format = *this.format;
        let answer = match std::panic::catch_unwind(AssertUnwindSafe(|| this.inner.poll(cx))) {
            Ok(Poll::Ready(Ok(output))) => {
                into_problem(output.into_response(), None, this.line, format)
            }
            Ok(Poll::Ready(Err(error))) => from_error(error, this.line, format),
            Err(payload) => response_of(&panicked(&*payload), format),
            Ok(Poll::Pending) => {
                let Some(error) = HandlerDeadline::expired_in(this.deadline, cx) else {
                    return Poll::Pending;
                };
                response_of(&error, format)
            }
        };
        Poll::Ready(Ok(answer))
    }
}

/// The answer to an endpoint's `poem::Error`: the problem poem says it is,
/// or the problem its response calls for.
#[cold]
fn from_error(error: poem::Error, line: &RequestLine, format: ProblemFormat) -> Response {
    let problem = from_poem_error(&error, line);
    let (mut response, rendered) = crate::external::poem::capture_problem(|| error.into_response());
    if let Some(rendered) = rendered {
        response.extensions_mut().insert(Negotiable(rendered));
    }
    into_problem(response, problem, line, format)
}

fn panicked(payload: &(dyn std::any::Any + Send)) -> FrameworkError {
    let message = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| {
            payload
                .downcast_ref::<&str>()
                .map(|text| (*text).to_owned())
        })
        .unwrap_or_else(|| "a panic whose payload is not text".to_owned());
    FrameworkError::new(FrameworkErrorKind::Internal(
        format!("a handler panicked: {message}").into(),
    ))
}

fn response_of(error: &FrameworkError, format: ProblemFormat) -> Response {
    negotiated(crate::ErrorResponse::from_error_as(error, format))
}

/// `response` as poem's, with `Vary: Accept`.
fn negotiated(response: crate::ErrorResponse) -> Response {
    let mut response = crate::external::poem::poem_from_http(response.into_http());
    crate::negotiate::vary_on_accept(response.headers_mut());
    response
}

/// A problem response this crate rendered, in `format`, with `Vary: Accept`;
/// a hand-written problem body as it is.
fn renegotiate(mut response: Response, format: ProblemFormat) -> Response {
    let Some(Negotiable(problem)) = response.extensions_mut().remove::<Negotiable>() else {
        return response;
    };
    crate::negotiate::vary_on_accept(response.headers_mut());
    if format == ProblemFormat::Xml {
        response.headers_mut().remove(header::CONTENT_LENGTH);
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.media_type()),
        );
        response.set_body(problem.to_xml());
    }
    response
}

/// `response` as it is, or, for an error response that is not a problem,
/// `problem` (or the one its status calls for) with the same status and
/// headers.
fn into_problem(
    response: Response,
    problem: Option<FrameworkError>,
    line: &RequestLine,
    format: ProblemFormat,
) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    if crate::negotiate::problem_type_of(response.headers()).is_some() {
        return renegotiate(response, format);
    }
    let Ok(ours) = StatusCode::from_u16(status.as_u16()) else {
        return response;
    };
    let problem = problem
        .filter(|problem| problem.status() == ours)
        .or_else(|| by_status(ours, line, response.headers()));
    let mut answer = match &problem {
        Some(problem) => response_of(problem, format),
        None => negotiated(crate::framework::generic_response(ours, format)),
    };
    for (name, value) in response.headers() {
        let framing = [
            header::CONTENT_TYPE,
            header::CONTENT_LENGTH,
            header::TRANSFER_ENCODING,
        ]
        .contains(name);
        if !framing && !answer.headers().contains_key(name) {
            answer.headers_mut().append(name.clone(), value.clone());
        }
    }
    answer
}

fn by_status(
    status: StatusCode,
    line: &RequestLine,
    headers: &poem::http::HeaderMap,
) -> Option<FrameworkError> {
    let allow = headers
        .get(header::ALLOW)
        .and_then(|allow| allow.to_str().ok());
    FrameworkError::for_bare_status(status, line.method(), line.path(), allow)
}

/// The problem for an error poem made itself, when it says which.
fn from_poem_error(error: &poem::Error, line: &RequestLine) -> Option<FrameworkError> {
    if error.is::<NotFoundError>() {
        return Some(
            FrameworkErrorKind::RouteNotFound {
                path: line.path().to_owned(),
            }
            .into(),
        );
    }
    if error.is::<MethodNotAllowedError>() {
        return Some(
            FrameworkErrorKind::MethodNotAllowed {
                method: line.method().to_owned(),
                allow: String::new(),
            }
            .into(),
        );
    }
    if let Some(error) = error.downcast_ref::<ParseJsonError>() {
        return Some(match error {
            ParseJsonError::InvalidContentType(_) | ParseJsonError::ContentTypeRequired => {
                decode::unsupported(decode::JSON)
            }
            ParseJsonError::Parse(error) => decode::json_error(error),
        });
    }
    if let Some(ParseQueryError(error)) = error.downcast_ref::<ParseQueryError>() {
        return Some(decode::query_error(&decode::violation_from_message(
            &error.to_string(),
        )));
    }
    if let Some(error) = error.downcast_ref::<ParseFormError>() {
        return Some(match error {
            ParseFormError::InvalidContentType(_) | ParseFormError::ContentTypeRequired => {
                decode::unsupported(decode::FORM)
            }
            ParseFormError::UrlDecode(error) => FrameworkErrorKind::MalformedBody(
                format!(
                    "the request body is not a valid form: {}",
                    decode::client_text(&error.to_string())
                )
                .into(),
            )
            .into(),
        });
    }
    if error.is::<ParsePathError>() {
        return Some(
            FrameworkErrorKind::InvalidPathParameter("a path parameter is not valid".into()).into(),
        );
    }
    if let Some(error) = error.downcast_ref::<ReadBodyError>() {
        return Some(read_body_error(error));
    }
    if error.is::<SizedLimitError>() {
        return Some(FrameworkErrorKind::BodyTooLarge { limit: None }.into());
    }
    None
}

fn read_body_error(error: &ReadBodyError) -> FrameworkError {
    let kind = match error {
        ReadBodyError::PayloadTooLarge => FrameworkErrorKind::BodyTooLarge { limit: None },
        ReadBodyError::Io(error) => {
            if let Some(timeout) = find::<BodyTimeoutError>(error) {
                FrameworkErrorKind::BodyTimeout {
                    after: timeout.after,
                }
            } else if let Some(too_large) = find::<BodyTooLargeError>(error) {
                FrameworkErrorKind::BodyTooLarge {
                    limit: u64::try_from(too_large.limit).ok(),
                }
            } else {
                FrameworkErrorKind::MalformedBody(
                    "the request body could not be read to its end".into(),
                )
            }
        }
        ReadBodyError::Utf8(_) => {
            FrameworkErrorKind::MalformedBody("the request body is not UTF-8".into())
        }
        ReadBodyError::BodyHasBeenTaken => FrameworkErrorKind::Internal(
            "two extractors of one handler read the request body".into(),
        ),
    };
    kind.into()
}

/// A `T` in `error` or what it wraps: poem's body reader wraps the stream's
/// `io::Error` in another, and an `io::Error`'s `source` skips the error it
/// holds (its `Display` shows it), so `get_ref` is followed for those.
fn find<T: std::error::Error + 'static>(error: &std::io::Error) -> Option<&T> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = current {
        if let Some(found) = error.downcast_ref::<T>() {
            return Some(found);
        }
        current = match error.downcast_ref::<std::io::Error>() {
            Some(io) => io
                .get_ref()
                .map(|inner| inner as &(dyn std::error::Error + 'static)),
            None => error.source(),
        };
    }
    None
}

pin_project_lite::pin_project! {
    /// A body stream cut off past `limit` bytes, and failing once `timeout`
    /// has passed since it first had to wait; `wait`, if any, learns at each
    /// read whether it had to wait.
    struct GuardedBody<S> {
        #[pin]
        inner: S,
        #[pin]
        deadline: Option<Sleep>,
        limit: Option<usize>,
        timeout: Option<Duration>,
        wait: Option<BodyWait>,
        read: usize,
    }
}

impl<S> Stream for GuardedBody<S>
where
    S: Stream<Item = Result<bytes::Bytes, std::io::Error>>,
{
    type Item = Result<bytes::Bytes, std::io::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        let polled = this.inner.poll_next(cx);
        if let Some(wait) = this.wait {
            wait.set(polled.is_pending());
        }
        match polled {
            Poll::Ready(Some(Ok(chunk))) => {
                *this.read = this.read.saturating_add(chunk.len());
                if let Some(limit) = *this.limit
                    && *this.read > limit
                {
                    let too_large = BodyTooLargeError { limit };
                    return Poll::Ready(Some(Err(std::io::Error::other(too_large))));
                }
                return Poll::Ready(Some(Ok(chunk)));
            }
            Poll::Ready(other) => return Poll::Ready(other),
            Poll::Pending => {}
        }
        let Some(timeout) = *this.timeout else {
            return Poll::Pending;
        };
        if this.deadline.is_none() {
            this.deadline.set(Some(tokio::time::sleep(timeout)));
        }
        if let Some(deadline) = this.deadline.as_pin_mut()
            && core::future::Future::poll(deadline, cx).is_pending()
        {
            return Poll::Pending;
        }
        let timed_out = BodyTimeoutError { after: timeout };
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            timed_out,
        ))))
    }
}

/// What a [`GuardedBody`] fails with when the client is too slow.
#[derive(Debug)]
struct BodyTimeoutError {
    after: Duration,
}

impl core::fmt::Display for BodyTimeoutError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "the request body did not arrive within {:?}", self.after)
    }
}

impl std::error::Error for BodyTimeoutError {}

/// What a [`GuardedBody`] fails with past its limit.
#[derive(Debug)]
struct BodyTooLargeError {
    limit: usize,
}

impl core::fmt::Display for BodyTooLargeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "the request body exceeds {} bytes", self.limit)
    }
}

impl std::error::Error for BodyTooLargeError {}

/// The body, read whole; the [`Problems`] middleware limits and times it.
async fn read_body(body: &mut RequestBody) -> Result<bytes::Bytes, FrameworkError> {
    let body = body.take().map_err(|error| read_body_error(&error))?;
    body.into_bytes()
        .await
        .map_err(|error| read_body_error(&error))
}

/// A JSON request body as a `T`: a drop-in for `poem::web::Json` whose
/// rejections are problems, with the same rules as the axum integration's
/// `Json` (415 before the body is read, 413, 408, 400 for a body that is not
/// JSON, 422 with `errors[].pointer` for one that does not fit `T`). As a
/// response it is `poem::web::Json`'s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<'a, T: DeserializeOwned + Send> FromRequest<'a> for Json<T> {
    async fn from_request(request: &'a Request, body: &mut RequestBody) -> poem::Result<Self> {
        let content_type = request.header(header::CONTENT_TYPE).map(str::as_bytes);
        if !decode::is_json(content_type) {
            return Err(decode::unsupported(decode::JSON).into());
        }
        let bytes = read_body(body).await?;
        Ok(Json(decode::json(&bytes)?))
    }
}

impl<T: serde::Serialize + Send> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        PoemJson(self.0).into_response()
    }
}

impl<T> core::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// An `application/x-www-form-urlencoded` body as a `T`: a drop-in for
/// `poem::web::Form` whose rejections are problems; a field that does not
/// fit is a 422 pointing at it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Form<T>(pub T);

impl<'a, T: DeserializeOwned + Send> FromRequest<'a> for Form<T> {
    async fn from_request(request: &'a Request, body: &mut RequestBody) -> poem::Result<Self> {
        let content_type = request.header(header::CONTENT_TYPE).map(str::as_bytes);
        if !decode::is_form(content_type) {
            return Err(decode::unsupported(decode::FORM).into());
        }
        let bytes = read_body(body).await?;
        Ok(Form(decode::urlencoded(&bytes, Urlencoded::Form)?))
    }
}

impl<T> core::ops::Deref for Form<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The query string as a `T`: a drop-in for `poem::web::Query` whose
/// rejection is a 400 `invalid_query` problem naming the parameter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

impl<'a, T: DeserializeOwned + Send> FromRequest<'a> for Query<T> {
    async fn from_request(request: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let query = request.uri().query().unwrap_or_default();
        Ok(Query(decode::urlencoded(
            query.as_bytes(),
            Urlencoded::Query,
        )?))
    }
}

impl<T> core::ops::Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The path parameters as a `T`: a drop-in for `poem::web::Path` whose
/// rejection is a 400 `invalid_path_parameter` problem. For a route with one
/// parameter it says, without Rust type names, what the parameter must be;
/// poem gives no reason for the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Path<T>(pub T);

impl<'a, T: DeserializeOwned + Send> FromRequest<'a> for Path<T> {
    async fn from_request(request: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        if let Ok(value) = request.path_params::<T>() {
            return Ok(Path(value));
        }
        // poem drops the reason, but for one parameter it is clear which,
        // and what type it must parse as.
        let parameters = request
            .path_params::<std::collections::BTreeMap<String, String>>()
            .unwrap_or_default();
        let mut parameters = parameters.iter();
        let error = match (parameters.next(), parameters.next()) {
            (Some((name, value)), None) => {
                decode::path_parameter(Some(name), core::any::type_name::<T>(), value)
            }
            _ => FrameworkErrorKind::InvalidPathParameter(
                "the path parameters do not fit this route".into(),
            )
            .into(),
        };
        Err(error.into())
    }
}

impl<T> core::ops::Deref for Path<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// poem's `RouteMethod`, knowing its methods, so that its 405 carries
/// `Allow` (`GET` brings `HEAD`, which poem answers with the `GET`
/// endpoint). Start one with [`get`], [`post`], [`put`], [`delete`] or
/// [`patch`].
#[derive(Default)]
#[must_use]
pub struct Methods {
    inner: RouteMethod,
    allow: Vec<Method>,
}

impl core::fmt::Debug for Methods {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Methods")
            .field("allow", &self.allow)
            .finish_non_exhaustive()
    }
}

macro_rules! methods {
    ($($(#[$doc:meta])* $name:ident $method:ident;)*) => {
        impl Methods {
            $(
                $(#[$doc])*
                pub fn $name<E>(mut self, endpoint: E) -> Self
                where
                    E: IntoEndpoint,
                    E::Endpoint: 'static,
                {
                    self.inner = self.inner.$name(endpoint);
                    self.allow.push(Method::$method);
                    self
                }
            )*
        }

        $(
            $(#[$doc])*
            pub fn $name<E>(endpoint: E) -> Methods
            where
                E: IntoEndpoint,
                E::Endpoint: 'static,
            {
                Methods::default().$name(endpoint)
            }
        )*
    };
}

methods! {
    /// Routes `GET` (and `HEAD`) to `endpoint`.
    get GET;
    /// Routes `POST` to `endpoint`.
    post POST;
    /// Routes `PUT` to `endpoint`.
    put PUT;
    /// Routes `DELETE` to `endpoint`.
    delete DELETE;
    /// Routes `PATCH` to `endpoint`.
    patch PATCH;
}

impl Methods {
    /// The `Allow` field value: the methods, in the order added.
    fn allow(&self) -> String {
        let mut allow: Vec<&str> = Vec::new();
        for method in &self.allow {
            allow.push(method.as_str());
            if *method == Method::GET && !self.allow.contains(&Method::HEAD) {
                allow.push("HEAD");
            }
        }
        allow.join(",")
    }
}

impl Endpoint for Methods {
    type Output = Response;

    async fn call(&self, request: Request) -> poem::Result<Response> {
        let method = request.method().clone();
        match self.inner.call(request).await {
            Err(error) if error.is::<MethodNotAllowedError>() => {
                let error = FrameworkError::new(FrameworkErrorKind::MethodNotAllowed {
                    method: method.to_string(),
                    allow: self.allow(),
                });
                let mut response = crate::external::poem::poem_response(&error);
                if let Ok(allow) = HeaderValue::try_from(self.allow()) {
                    response.headers_mut().insert(header::ALLOW, allow);
                }
                Ok(response)
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_names_head_with_get() {
        let methods = Methods {
            inner: RouteMethod::new(),
            allow: std::vec![Method::GET, Method::POST],
        };
        assert_eq!(methods.allow(), "GET,HEAD,POST");
    }
}
