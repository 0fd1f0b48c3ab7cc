//! Every error of an actix-web app as an RFC 9457 problem (feature
//! `actix-web`).
//!
//! actix-web answers the errors it makes itself in plain text, some with
//! serde's wording: its extractors' rejections, the default 404 and 405, body
//! limits; a panicking handler takes its worker down with the connection,
//! and nothing bounds how long a client may take to send a body. One
//! middleware, [`Problems`], gives all of these the built-in
//! [`FrameworkError`] problems:
//!
//! ```no_run
//! use actix_web::{App, HttpServer, web};
//! use status_core::actix_web::{Json, Problems};
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! struct NewItem {
//!     name: String,
//! }
//!
//! async fn create(Json(item): Json<NewItem>) -> web::Json<NewItem> {
//!     web::Json(item)
//! }
//!
//! # async fn run() -> std::io::Result<()> {
//! HttpServer::new(|| {
//!     App::new()
//!         .wrap(Problems::new())
//!         .route("/items", web::post().to(create))
//! })
//! .bind(("127.0.0.1", 8080))?
//! .run()
//! .await
//! # }
//! ```
//!
//! The middleware reads the error that actix attaches to each error
//! response, so the rejections of actix's own `web::Json`, `web::Query` and
//! `web::Form` become the matching problems too. actix's JSON extractor keeps
//! no path into the document, though, and accepts an array for a struct; the
//! drop-in [`Json`], [`Query`], [`Path`] and [`Form`] here read through the
//! same decoding as the axum and poem integrations, so a 422's `errors[]`
//! points at the exact member, and a path parameter that does not parse is a
//! 400 (actix's own `web::Path` answers 404).

use std::borrow::ToOwned as _;
use std::boxed::Box;
use std::format;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::rc::Rc;
use std::string::{String, ToString};
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::{
    InternalError, JsonPayloadError, PathError, PayloadError, QueryPayloadError, UrlencodedError,
};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{ConnectionType, StatusCode as ActixStatus};
use actix_web::rt::time::Sleep;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpMessage as _, HttpRequest, HttpResponse};
use futures_util::Stream;
use serde::de::DeserializeOwned;

use crate::decode::{self, Urlencoded};
use crate::{FrameworkError, FrameworkErrorKind, HttpError, ProblemFormat, StatusCode};

use crate::framework::request_line::RequestLine;
use crate::framework::{BodyWait, HandlerDeadline, Timeouts as Config};
use crate::negotiate::{ProblemType, preferred_format};

/// The middleware that makes every error response of an actix-web app an
/// RFC 9457 problem, and bounds how long a request may take.
///
/// - An error response (4xx or 5xx) that is not already a problem is
///   replaced by the matching problem, keeping its status and headers: the
///   rejection it carries when it has one (actix's `JsonPayloadError`,
///   `QueryPayloadError`, `UrlencodedError`, `PayloadError`), otherwise its
///   status: the default 404 becomes `route_not_found`, the default 405
///   `method_not_allowed` with its `Allow`, and any other status a problem of
///   that status whose `code` is its reason phrase in `snake_case`.
/// - A panic in a handler becomes a masked 500 `internal_error` problem,
///   logged with its message (feature `tracing`), instead of a dropped
///   connection.
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
/// response's `Vary`. That includes the errors handlers return: a derived
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

impl Problems {
    /// A 30-second body timeout, no handler timeout.
    pub const fn new() -> Self {
        Problems {
            config: Config::DEFAULT,
        }
    }

    /// How long a client may take to send a request body, counted from the
    /// first time reading it has to wait.
    pub const fn body_timeout(mut self, timeout: Duration) -> Self {
        self.config.body_timeout = Some(timeout);
        self
    }

    /// Lets clients take as long as they like to send a body.
    pub const fn without_body_timeout(mut self) -> Self {
        self.config.body_timeout = None;
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
        self.config.handler_timeout = Some(timeout);
        self
    }

    /// The `Retry-After` of a handler timeout's 503 (1 s by default).
    pub const fn retry_after(mut self, wait: Duration) -> Self {
        self.config.retry_after = wait;
        self
    }
}

impl Default for Problems {
    fn default() -> Self {
        Problems::new()
    }
}

impl<S, B> Transform<S, ServiceRequest> for Problems
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Transform = ProblemsMiddleware<S>;
    type InitError = ();
    type Future = std::future::Ready<Result<ProblemsMiddleware<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        std::future::ready(Ok(ProblemsMiddleware {
            service: Rc::new(service),
            config: self.config,
        }))
    }
}

/// The service of the [`Problems`] middleware.
#[derive(Debug)]
pub struct ProblemsMiddleware<S> {
    service: Rc<S>,
    config: Config,
}

type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

impl<S, B> Service<ServiceRequest> for ProblemsMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Future = ProblemsFuture<S::Future>;

    actix_web::dev::forward_ready!(service);

    // A named future rather than a boxed `async` block: no allocation a
    // request, and the inner service's future polled in place
    // (`docs/PERFORMANCE.md`).
    #[inline]
    fn call(&self, mut request: ServiceRequest) -> Self::Future {
        // For an error a service inside returns: it comes without the
        // request. Copied, not the `HttpRequest` shared: actix's router
        // needs it unshared. See `RequestLine` for what it costs.
        let line = RequestLine::of(request.method().as_str(), request.uri().path());
        let accept = request.headers().get_all(header::ACCEPT);
        let format = preferred_format(|| accept.clone().map(HeaderValue::as_bytes));
        let mut wait = None;
        if let Some(timeout) = self.config.body_timeout
            && has_body(&mut request)
        {
            wait = self
                .config
                .handler_timeout
                .is_some()
                .then(BodyWait::default);
            let payload = request.take_payload();
            request.set_payload(Payload::Stream {
                payload: Box::pin(TimeoutPayload::new(payload, timeout, wait.clone())),
            });
        }
        let deadline = self
            .config
            .handler_timeout
            .map(|after| HandlerDeadline::boxed(after, self.config.retry_after, wait));
        let called = std::panic::catch_unwind(AssertUnwindSafe(|| self.service.call(request)));
        ProblemsFuture {
            // A panic has no `ServiceResponse` to answer with: it is
            // returned as an error, which actix answers with its response.
            panicked: called
                .as_ref()
                .err()
                .map(|payload| as_error(&panicked(&**payload), format)),
            inner: called.ok(),
            deadline,
            line,
            format,
        }
    }
}

pin_project_lite::pin_project! {
    /// The future of [`ProblemsMiddleware`]: the inner service's, then its
    /// answer as a problem where it is an error, a panic or too late.
    #[must_use = "futures do nothing unless polled"]
    pub struct ProblemsFuture<F> {
        // `None` when the service's `call` panicked: `panicked` holds the
        // answer until the first poll takes it.
        #[pin]
        inner: Option<F>,
        panicked: Option<actix_web::Error>,
        deadline: Option<Pin<Box<HandlerDeadline>>>,
        line: RequestLine,
        format: ProblemFormat,
    }
}

impl<F> core::fmt::Debug for ProblemsFuture<F> {
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        formatter
            .debug_struct("ProblemsFuture")
            .field("line", &self.line)
            .field("format", &self.format)
            .finish_non_exhaustive()
    }
}

impl<F, B> Future for ProblemsFuture<F>
where
    F: Future<Output = Result<ServiceResponse<B>, actix_web::Error>>,
    B: MessageBody + 'static,
{
    type Output = Result<ServiceResponse<EitherBody<B>>, actix_web::Error>;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let format = *this.format;
        let Some(inner) = this.inner.as_pin_mut() else {
            return Poll::Ready(Err(this.panicked.take().unwrap_or_else(gone)));
        };
        // A derived error the handler returns renders itself in the
        // preferred format when told (`negotiate::wanted`). JSON is what it
        // renders untold.
        let _restore =
            (format != ProblemFormat::Json).then(|| crate::negotiate::wanted::prefer(format));
        Poll::Ready(
            match std::panic::catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
                Ok(Poll::Ready(Ok(response))) => Ok(into_problem(response, format)),
                // An error from a middleware inside: actix answers it with
                // its `ResponseError`; the same, as a problem.
                Ok(Poll::Ready(Err(error))) => Err(error_as_problem(error, this.line, format)),
                Err(payload) => Err(as_error(&panicked(&*payload), format)),
                Ok(Poll::Pending) => {
                    let Some(error) = HandlerDeadline::expired_in(this.deadline, cx) else {
                        return Poll::Pending;
                    };
                    Err(as_error(&error, format))
                }
            },
        )
    }
}

/// The answer to a poll after the panic's answer was taken: actix polls a
/// future only until it is ready, so this is the caller's mistake, answered
/// with a 500 rather than a panic.
#[cold]
fn gone() -> actix_web::Error {
    as_error(
        &FrameworkError::new(FrameworkErrorKind::Internal(
            "a Problems future was polled after it was ready".into(),
        )),
        ProblemFormat::Json,
    )
}

/// Whether the request announces a body (`Content-Length` other than 0,
/// or `Transfer-Encoding`): only those get a timed payload.
fn has_body(request: &mut ServiceRequest) -> bool {
    // actix's HTTP/1 decoder leaves a request without a body without a
    // payload: nearly every GET is told without a header lookup, 160
    // instructions a request fewer (`scripts/hook-instructions.sh`).
    // HTTP/2 gives every request a payload; its headers decide.
    if matches!(request.parts_mut().1, Payload::None) {
        return false;
    }
    let headers = request.headers();
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .is_some_and(|length| length.as_bytes() != b"0")
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

/// `error` as the actix error whose response is its problem in `format`.
fn as_error(error: &FrameworkError, format: ProblemFormat) -> actix_web::Error {
    let mut response = crate::external::actix_web::actix_response(
        crate::ErrorResponse::from_error_as(error, format),
    );
    vary_on_accept(&mut response);
    close_after_timeout(&mut response);
    InternalError::from_response(error.to_string(), response).into()
}

/// An error a service returned, as the problem actix will answer with.
fn error_as_problem(
    error: actix_web::Error,
    line: &RequestLine,
    format: ProblemFormat,
) -> actix_web::Error {
    let original = error.error_response();
    let status = original.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return error;
    }
    if problem_type(&original).is_some() {
        return match renegotiate(original, format) {
            Ok(response) => {
                InternalError::from_response(status_text(status), response.map_into_boxed_body())
                    .into()
            }
            Err(_original) => error,
        };
    }
    let Ok(ours) = StatusCode::from_u16(status.as_u16()) else {
        return error;
    };
    let problem = from_actix_error(&error)
        .filter(|problem| problem.status() == ours)
        .or_else(|| by_status(ours, line.method(), line.path(), original.headers()));
    let response = problem_response(problem.as_ref(), ours, &original, format);
    InternalError::from_response(problem_cause(problem.as_ref(), ours), response).into()
}

/// What a re-rendered error logs as its cause: its status line.
fn status_text(status: ActixStatus) -> String {
    StatusCode::from_u16(status.as_u16())
        .map_or_else(|_| status.to_string(), |ours| ours.to_string())
}

/// A problem response this crate rendered, in `format` (see `call`), with
/// `Vary: Accept`; `Err` with the response as it was for a problem+json body
/// while XML is preferred, which was written by hand.
fn renegotiate<B: MessageBody + 'static>(
    mut response: HttpResponse<B>,
    format: ProblemFormat,
) -> Result<HttpResponse<EitherBody<B, String>>, HttpResponse<B>> {
    if format == ProblemFormat::Xml && problem_type(&response) == Some(ProblemType::Json) {
        return Err(response);
    }
    vary_on_accept(&mut response);
    Ok(response.map_into_left_body())
}

/// Adds `Accept` to the response's `Vary`, unless it is there already.
fn vary_on_accept<B>(response: &mut HttpResponse<B>) {
    let headers = response.headers_mut();
    if !crate::negotiate::varies_on_accept(headers.get_all(header::VARY).map(HeaderValue::as_bytes))
    {
        headers.append(header::VARY, HeaderValue::from_static("Accept"));
    }
}

/// What a rewritten error logs as its cause: never the framework's text.
fn problem_cause(problem: Option<&FrameworkError>, status: StatusCode) -> String {
    problem.map_or_else(|| status.to_string(), ToString::to_string)
}

/// The problem response for `problem` (or a generic one for `status`), with
/// `original`'s headers but for those that describe its body.
fn problem_response<B>(
    problem: Option<&FrameworkError>,
    status: StatusCode,
    original: &HttpResponse<B>,
    format: ProblemFormat,
) -> HttpResponse {
    let mut response = crate::external::actix_web::actix_response(match problem {
        Some(problem) => crate::ErrorResponse::from_error_as(problem, format),
        None => crate::framework::generic_response(status, format),
    });
    vary_on_accept(&mut response);
    for (name, value) in original.headers() {
        let framing = [
            header::CONTENT_TYPE,
            header::CONTENT_LENGTH,
            header::TRANSFER_ENCODING,
        ]
        .contains(name);
        if !framing && !response.headers().contains_key(name) {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }
    close_after_timeout(&mut response);
    response
}

/// A 408 ends the connection: the rest of the body will not come.
fn close_after_timeout<B>(response: &mut HttpResponse<B>) {
    if response.status() == ActixStatus::REQUEST_TIMEOUT {
        response
            .head_mut()
            .set_connection_type(ConnectionType::Close);
    }
}

/// The problem type the response's content type names, if it is a problem.
fn problem_type<B>(response: &HttpResponse<B>) -> Option<ProblemType> {
    crate::negotiate::problem_type(response.headers().get(header::CONTENT_TYPE)?.as_bytes())
}

/// `response` as it is, or, for an error response that is not a problem,
/// the matching problem with the same status and headers.
fn into_problem<B: MessageBody + 'static>(
    mut response: ServiceResponse<B>,
    format: ProblemFormat,
) -> ServiceResponse<EitherBody<B>> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response.map_into_left_body();
    }
    if problem_type(response.response()).is_some() {
        close_after_timeout(response.response_mut());
        let (request, original) = response.into_parts();
        return match renegotiate(original, format) {
            Ok(negotiated) => ServiceResponse::new(request, negotiated.map_into_boxed_body())
                .map_into_right_body(),
            Err(original) => ServiceResponse::new(request, original).map_into_left_body(),
        };
    }
    let Ok(ours) = StatusCode::from_u16(status.as_u16()) else {
        return response.map_into_left_body();
    };
    let request = response.request();
    let problem = response
        .response()
        .error()
        .and_then(from_actix_error)
        .filter(|error| error.status() == ours)
        .or_else(|| {
            by_status(
                ours,
                request.method().as_str(),
                request.uri().path(),
                response.headers(),
            )
        });
    let (request, original) = response.into_parts();
    let problem = problem_response(problem.as_ref(), ours, &original, format);
    ServiceResponse::new(request, problem).map_into_right_body()
}

/// The problem of an error status with no rejection attached: actix's
/// default 404 and 405, and statuses a handler answered in plain text.
fn by_status(
    status: StatusCode,
    method: &str,
    path: &str,
    headers: &actix_web::http::header::HeaderMap,
) -> Option<FrameworkError> {
    let allow = headers
        .get(header::ALLOW)
        .and_then(|allow| allow.to_str().ok());
    FrameworkError::for_bare_status(status, method, path, allow)
}

/// The problem for the rejection of one of actix's extractors.
fn from_actix_error(error: &actix_web::Error) -> Option<FrameworkError> {
    if let Some(error) = error.as_error::<JsonPayloadError>() {
        return Some(json_payload_error(error));
    }
    if let Some(error) = error.as_error::<PayloadError>() {
        return Some(payload_error(error));
    }
    if let Some(QueryPayloadError::Deserialize(error)) = error.as_error::<QueryPayloadError>() {
        let violation = decode::violation_from_message(&error.to_string());
        return Some(decode::query_error(&violation));
    }
    if let Some(error) = error.as_error::<UrlencodedError>() {
        return Some(urlencoded_error(error));
    }
    if error.as_error::<InternalError<PathError>>().is_some() {
        // actix's own `web::Path` answers 404; that status is kept.
        return None;
    }
    if let Some(PathError::Deserialize(error)) = error.as_error::<PathError>() {
        return Some(path_error(&error.to_string(), None));
    }
    None
}

fn json_payload_error(error: &JsonPayloadError) -> FrameworkError {
    match error {
        JsonPayloadError::OverflowKnownLength { limit, .. }
        | JsonPayloadError::Overflow { limit } => FrameworkErrorKind::BodyTooLarge {
            limit: u64::try_from(*limit).ok(),
        }
        .into(),
        JsonPayloadError::ContentType => decode::unsupported(decode::JSON),
        JsonPayloadError::Deserialize(error) => decode::json_error(error),
        JsonPayloadError::Payload(error) => payload_error(error),
        other => FrameworkErrorKind::Internal(format!("{other}").into()).into(),
    }
}

fn urlencoded_error(error: &UrlencodedError) -> FrameworkError {
    match error {
        UrlencodedError::Overflow { limit, .. } => FrameworkErrorKind::BodyTooLarge {
            limit: u64::try_from(*limit).ok(),
        }
        .into(),
        UrlencodedError::ContentType => decode::unsupported(decode::FORM),
        UrlencodedError::Parse(error) => {
            FrameworkError::invalid_body([decode::violation_from_message(&error.to_string())])
        }
        UrlencodedError::Payload(error) => payload_error(error),
        _ => {
            FrameworkErrorKind::MalformedBody("the request body is not a valid form".into()).into()
        }
    }
}

fn payload_error(error: &PayloadError) -> FrameworkError {
    let kind = match error {
        PayloadError::Overflow => FrameworkErrorKind::BodyTooLarge { limit: None },
        PayloadError::Io(error) => match error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<BodyTimeoutError>())
        {
            Some(timeout) => FrameworkErrorKind::BodyTimeout {
                after: timeout.after,
            },
            None => FrameworkErrorKind::MalformedBody(
                "the request body could not be read to its end".into(),
            ),
        },
        PayloadError::EncodingCorrupted => FrameworkErrorKind::MalformedBody(
            "the request body does not decode with its Content-Encoding".into(),
        ),
        _ => FrameworkErrorKind::MalformedBody(
            "the request body could not be read to its end".into(),
        ),
    };
    kind.into()
}

/// actix-router's message for a path parameter that does not parse is
/// `can not parse "abc" to a u32`.
fn path_error(message: &str, name: Option<&str>) -> FrameworkError {
    if let Some(rest) = message.strip_prefix("can not parse ")
        && let Some((value, expected_type)) = rest.rsplit_once(" to a ")
    {
        let value = value.trim_matches('"');
        return decode::path_parameter(name, expected_type, value);
    }
    FrameworkErrorKind::InvalidPathParameter(
        format!(
            "a path parameter is not valid: {}",
            decode::client_text(message)
        )
        .into(),
    )
    .into()
}

pin_project_lite::pin_project! {
    /// A payload that fails with [`BodyTimeoutError`] once `timeout` has
    /// passed since it first had to wait.
    struct TimeoutPayload {
        #[pin]
        inner: Payload,
        #[pin]
        deadline: Option<Sleep>,
        timeout: Duration,
        wait: Option<BodyWait>,
    }
}

impl TimeoutPayload {
    /// `wait`, if any, learns at each read whether it had to wait.
    fn new(inner: Payload, timeout: Duration, wait: Option<BodyWait>) -> Self {
        TimeoutPayload {
            inner,
            deadline: None,
            timeout,
            wait,
        }
    }
}

impl Stream for TimeoutPayload {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        let polled = this.inner.poll_next(cx);
        if let Some(wait) = this.wait {
            wait.set(polled.is_pending());
        }
        if let Poll::Ready(item) = polled {
            return Poll::Ready(item);
        }
        if this.deadline.is_none() {
            this.deadline
                .set(Some(actix_web::rt::time::sleep(*this.timeout)));
        }
        if let Some(deadline) = this.deadline.as_pin_mut()
            && deadline.poll(cx).is_pending()
        {
            return Poll::Pending;
        }
        let timeout = BodyTimeoutError {
            after: *this.timeout,
        };
        Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            timeout,
        )))))
    }
}

/// What a [`TimeoutPayload`] fails with.
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

/// The request's content type, as bytes.
fn content_type(request: &HttpRequest) -> Option<&[u8]> {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .map(HeaderValue::as_bytes)
}

/// The body, read with actix's `PayloadConfig` limit (256 KiB by default;
/// set another with `App::app_data(web::PayloadConfig::new(limit))`).
async fn read_body(
    bytes: impl Future<Output = Result<Bytes, actix_web::Error>>,
) -> Result<Bytes, FrameworkError> {
    bytes
        .await
        .map_err(|error| match error.as_error::<PayloadError>() {
            Some(error) => payload_error(error),
            None => FrameworkErrorKind::MalformedBody(
                "the request body could not be read to its end".into(),
            )
            .into(),
        })
}

/// A JSON request body as a `T`: a drop-in for `actix_web::web::Json` whose
/// rejections are problems, with the same rules as the axum integration's
/// `Json` (415 before the body is read, 413, 408, 400 for a body that is not
/// JSON, 422 with `errors[].pointer` for one that does not fit `T`).
///
/// The size limit is actix's `web::PayloadConfig` (256 KiB by default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = FrameworkError;
    type Future = LocalFuture<Result<Self, FrameworkError>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if !decode::is_json(content_type(request)) {
            return Box::pin(std::future::ready(Err(decode::unsupported(decode::JSON))));
        }
        let bytes = Bytes::from_request(request, payload);
        Box::pin(async move { decode::json(&read_body(bytes).await?).map(Json) })
    }
}

impl<T> core::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// An `application/x-www-form-urlencoded` body as a `T`: a drop-in for
/// `actix_web::web::Form` whose rejections are problems; a field that does
/// not fit is a 422 pointing at it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Form<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Form<T> {
    type Error = FrameworkError;
    type Future = LocalFuture<Result<Self, FrameworkError>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if !decode::is_form(content_type(request)) {
            return Box::pin(std::future::ready(Err(decode::unsupported(decode::FORM))));
        }
        let bytes = Bytes::from_request(request, payload);
        Box::pin(
            async move { decode::urlencoded(&read_body(bytes).await?, Urlencoded::Form).map(Form) },
        )
    }
}

impl<T> core::ops::Deref for Form<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The query string as a `T`: a drop-in for `actix_web::web::Query` whose
/// rejection is a 400 `invalid_query` problem naming the parameter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = FrameworkError;
    type Future = std::future::Ready<Result<Self, FrameworkError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        std::future::ready(
            decode::urlencoded(request.query_string().as_bytes(), Urlencoded::Query).map(Query),
        )
    }
}

impl<T> core::ops::Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The path parameters as a `T`: a drop-in for `actix_web::web::Path` whose
/// rejection is a 400 `invalid_path_parameter` problem saying, without Rust
/// type names, what the parameter must be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Path<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Path<T> {
    type Error = FrameworkError;
    type Future = std::future::Ready<Result<Self, FrameworkError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let parameters = request.match_info();
        let result = T::deserialize(actix_router::PathDeserializer::new(parameters))
            .map(Path)
            .map_err(|error| {
                let mut names = parameters.iter().map(|(name, _)| name);
                let only = match (names.next(), names.next()) {
                    (Some(name), None) => Some(name),
                    _ => None,
                };
                path_error(&error.to_string(), only)
            });
        std::future::ready(result)
    }
}

impl<T> core::ops::Deref for Path<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actix_router_s_parse_message_is_rewritten_without_the_type_name() {
        let error = path_error("can not parse \"abc\" to a u32", Some("id"));
        assert_eq!(
            error.to_string(),
            "path parameter `id` must be an integer from 0 to 4294967295, not \"abc\""
        );
        let other = path_error("unsupported type: struct", None);
        assert_eq!(other.code(), "invalid_path_parameter");
    }
}
