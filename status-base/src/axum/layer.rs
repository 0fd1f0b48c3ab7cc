//! `ProblemLayer`: every error response of a service as a problem.
//!
//! Hand-written rather than assembled from tower-http's `CatchPanic` and
//! `Timeout` services: those box every response body into their own type,
//! which axum would box again, and their answers (a 500 or a 408 in plain
//! text) would only be rewritten here anyway. One service that passes a
//! successful response through as it is, and looks at nothing else, is what
//! keeps the layer free on the success path.

use core::future::Future;
use core::panic::AssertUnwindSafe;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;
use std::boxed::Box;
use std::string::String;

use axum_core::BoxError;
use axum_core::body::Body;
use bytes::Bytes;
use http::{HeaderName, HeaderValue, Request, Response, header};
use tower_layer::Layer;
use tower_service::Service;

use super::body::TimeoutBody;
use crate::framework::request_line::RequestLine;
use crate::{
    ErrorResponse, FrameworkError, FrameworkErrorKind, HttpError, ProblemFormat, StatusCode,
};

use crate::framework::{BodyWait, HandlerDeadline, Timeouts as Config};
use crate::negotiate::ProblemType;

/// A tower layer that makes every error response of the service it wraps an
/// RFC 9457 problem, and bounds how long a request may take.
///
/// - An error response (4xx or 5xx) whose `Content-Type` is not already a
///   problem type is replaced by the matching problem, keeping its status
///   and headers: the router's 404 becomes `route_not_found` (its detail
///   names the path, cut after 48 bytes), its 405 `method_not_allowed` with
///   the same `Allow`, a 413 from `DefaultBodyLimit`
///   or tower-http's limit `body_too_large`, and any other status a problem
///   of that status whose `code` is its reason phrase in `snake_case`. The
///   original body is dropped: framework text is not for clients.
/// - A panic while the service's future is polled (in a handler, an
///   extractor, or a layer added with `Router::layer`) becomes a masked 500
///   `internal_error` problem, logged with its message (feature `tracing`);
///   the connection stays up. The `call` of a service wrapped directly
///   is not guarded: axum's router runs no user code there, and guarding it
///   would cost every request (see `docs/PERFORMANCE.md`). A middleware
///   whose `call` may panic belongs in `Router::layer`, or outside this
///   layer; a panic there closes the connection instead.
/// - The request body is bounded by a deadline (30 s by default), which
///   starts the first time reading the body has to wait for the client;
///   [`Json`](super::Json) and [`Form`](super::Form) answer an expired one
///   with a 408 `body_timeout` and `Connection: close`.
/// - With [`handler_timeout`](ProblemLayer::handler_timeout), a request whose
///   answer takes longer is cancelled and answered 503 `handler_timeout`
///   with `Retry-After`; or 408 `body_timeout`, if the handler was waiting
///   for a request body its client had stopped sending.
///
/// Every problem the layer answers with is in the format the request's
/// `Accept` prefers (see [`negotiate`](crate::negotiate)): problem+json, or
/// problem+xml (RFC 9457, Appendix B), with `Vary: Accept` added to the
/// response's `Vary`. That includes the errors handlers return: a derived
/// error's `IntoResponse` (and the rejections of this module's extractors)
/// keep the problem they render in the response's extensions, and the
/// layer renders it again as XML when the request asks for XML. No body is
/// parsed for that.
///
/// Successful and informational responses, and responses that already are
/// problems (a hand-written problem+json body, say), pass through untouched:
/// their bodies are not read, buffered or changed.
///
/// Wrap the whole router, not its routes, so that the router's own 404 and
/// 405 pass through the layer too (axum adds `Allow` to a 405 outside the
/// layers of `Router::layer`):
///
/// ```no_run
/// use std::time::Duration;
///
/// use axum::ServiceExt as _;
/// use axum::extract::Request;
/// use axum::routing::get;
/// use status_core::axum::ProblemLayer;
/// use tower_layer::Layer as _;
///
/// # async fn run() -> std::io::Result<()> {
/// let router = axum::Router::new().route("/health", get(|| async { "ok" }));
/// let app = ProblemLayer::new()
///     .handler_timeout(Duration::from_secs(10))
///     .layer(router);
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
/// axum::serve(listener, app.into_make_service()).await
/// # }
/// ```
///
/// The timers need tokio's time driver (`#[tokio::main]` has it).
#[derive(Clone, Copy, Debug)]
#[must_use]
pub struct ProblemLayer {
    config: Config,
}

impl ProblemLayer {
    /// A 30-second body timeout, no handler timeout.
    pub const fn new() -> Self {
        ProblemLayer {
            config: Config::DEFAULT,
        }
    }

    /// How long a client may take to send a request body, counted from the
    /// first time reading it has to wait.
    pub const fn body_timeout(mut self, timeout: Duration) -> Self {
        self.config.body_timeout = Some(timeout);
        self
    }

    /// Lets clients take as long as they like to send a body (a proxy in
    /// front bounds it already).
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

impl Default for ProblemLayer {
    fn default() -> Self {
        ProblemLayer::new()
    }
}

impl<S> Layer<S> for ProblemLayer {
    type Service = ProblemService<S>;

    fn layer(&self, inner: S) -> ProblemService<S> {
        ProblemService {
            inner,
            config: self.config,
        }
    }
}

/// The service of a [`ProblemLayer`].
#[derive(Clone, Debug)]
pub struct ProblemService<S> {
    inner: S,
    config: Config,
}

/// Takes the request type axum's router and `axum::serve` use,
/// `axum::extract::Request`, so that `into_make_service` needs no annotation.
impl<S, ResBody> Service<Request<Body>> for ProblemService<S>
where
    S: Service<Request<Body>, Response = Response<ResBody>>,
    ResBody: http_body::Body<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<BoxError>,
{
    type Response = Response<Body>;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    // Inlined into the caller (hyper's dispatcher, a bench), the router's
    // future is written where the caller keeps it, and the request goes to
    // the router without being copied: out of line, both were copied
    // through this frame (91 instructions a request;
    // `scripts/hook-instructions.sh`).
    #[inline]
    fn call(&mut self, mut request: Request<Body>) -> Self::Future {
        // Only an error reads them; see `RequestLine` for what they cost.
        let request_line = RequestLine::of(request.method().as_str(), request.uri().path());
        let format = crate::negotiate::format_of(request.headers());
        // A request without a body (most GETs) has nothing to time out.
        let wait = match self.config.body_timeout {
            Some(timeout) if !http_body::Body::is_end_stream(request.body()) => {
                bound_body(&mut request, timeout, self.config.handler_timeout.is_some())
            }
            _ => None,
        };
        let deadline = self
            .config
            .handler_timeout
            .map(|after| HandlerDeadline::boxed(after, self.config.retry_after, wait));
        // No panic guard here: for axum's router, `call` only picks the
        // route, and the handler, its extractors and every layer added with
        // `Router::layer` run when the future is polled, under the guard in
        // `poll`. A guard around `call` (whose future would be copied out
        // of `catch_unwind`) cost 0.02 of the bare router's time on every
        // request (`benches/benches/layer.rs`).
        ResponseFuture {
            future: self.inner.call(request),
            deadline,
            request_line,
            format,
        }
    }
}

/// Puts the request's body behind its deadline, and, for a handler timeout
/// (`watched`), returns what tells that timeout the body is waiting for its
/// client. Out of line, as everything a plain GET does not need: `call` is
/// inlined into its caller, and what a GET skips need not be inlined with it.
#[inline(never)]
fn bound_body(request: &mut Request<Body>, timeout: Duration, watched: bool) -> Option<BodyWait> {
    let wait = watched.then(BodyWait::default);
    // Replaced in place: moving a request is a copy of 240 bytes.
    let body = core::mem::take(request.body_mut());
    *request.body_mut() = Body::new(TimeoutBody::new(body, timeout, wait.clone()));
    wait
}

pin_project_lite::pin_project! {
    /// The response future of a [`ProblemService`].
    pub struct ResponseFuture<F> {
        #[pin]
        future: F,
        deadline: Option<Pin<Box<HandlerDeadline>>>,
        request_line: RequestLine,
        format: ProblemFormat,
    }
}

impl<F, ResBody, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<Response<ResBody>, E>>,
    ResBody: http_body::Body<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<BoxError>,
{
    type Output = Result<Response<Body>, E>;

    // Inlined for the same reason as `call`: the response is not copied
    // through one more frame on its way out.
    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let format = *this.format;
        // A derived error the handler returns renders itself in the
        // preferred format when told (`negotiate::wanted`). JSON is what it
        // renders untold.
        let _restore =
            (format != ProblemFormat::Json).then(|| crate::negotiate::wanted::prefer(format));
        match std::panic::catch_unwind(AssertUnwindSafe(|| this.future.poll(cx))) {
            Ok(Poll::Ready(Ok(response))) => {
                return Poll::Ready(Ok(into_problem(response, this.request_line, format)));
            }
            Ok(Poll::Ready(Err(error))) => return Poll::Ready(Err(error)),
            Ok(Poll::Pending) => {}
            Err(payload) => return Poll::Ready(Ok(panicked(&*payload, format))),
        }
        if let Some(error) = HandlerDeadline::expired_in(this.deadline, cx) {
            return Poll::Ready(Ok(response_of(&error, format)));
        }
        Poll::Pending
    }
}

/// The masked 500 of a panic, logged with its message (feature `tracing`).
/// `panic!("literal")` carries a `&str`, `panic!("{x}")` a `String`.
#[cold]
#[inline(never)]
fn panicked(payload: &(dyn core::any::Any + Send), format: ProblemFormat) -> Response<Body> {
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("a panic whose payload is not text");
    let error = FrameworkError::new(FrameworkErrorKind::Internal(
        std::format!("a handler panicked: {message}").into(),
    ));
    response_of(&error, format)
}

fn response_of<E: HttpError>(error: &E, format: ProblemFormat) -> Response<Body> {
    let mut response = ErrorResponse::from_error_as(error, format)
        .into_http()
        .map(Body::from);
    crate::negotiate::vary_on_accept(response.headers_mut());
    response
}

/// `response` as it is, or, for an error response that is not a problem,
/// the matching problem with the same status and headers.
///
/// The body is made a `Body` first, which for axum's router (whose body is
/// one already) moves nothing: converting after the status check would copy
/// the whole response once more on every success (14 instructions).
#[inline]
fn into_problem<B>(
    response: Response<B>,
    request_line: &RequestLine,
    format: ProblemFormat,
) -> Response<Body>
where
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let mut response = response.map(Body::new);
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        rewrite(&mut response, request_line, format);
    }
    response
}

/// The slow path of [`into_problem`], out of line so that a success's stays
/// a comparison.
#[cold]
#[inline(never)]
fn rewrite(response: &mut Response<Body>, request_line: &RequestLine, format: ProblemFormat) {
    let status = response.status();
    if let Some(problem) = crate::negotiate::problem_type_of(response.headers()) {
        // A derived error rendered itself in `format` (see `call`): it is
        // negotiated. A problem+json body while XML is preferred was written
        // by hand, and passes through untouched.
        if format == ProblemFormat::Json || problem != ProblemType::Json {
            crate::negotiate::vary_on_accept(response.headers_mut());
        }
        return;
    }
    let Ok(ours) = StatusCode::from_u16(status.as_u16()) else {
        // A number the registry has no phrase for: nothing better to say.
        return;
    };
    let (mut parts, _framework_text) = core::mem::take(response).into_parts();
    let allow = parts
        .headers
        .get(header::ALLOW)
        .and_then(|allow| allow.to_str().ok());
    let error_response =
        FrameworkError::for_bare_status(ours, request_line.method(), request_line.path(), allow)
            .map_or_else(
                || crate::framework::generic_response(ours, format),
                |problem| ErrorResponse::from_error_as(&problem, format),
            );
    for framing in [
        header::CONTENT_TYPE,
        header::CONTENT_LENGTH,
        header::TRANSFER_ENCODING,
    ] {
        parts.headers.remove(framing);
    }
    for (name, value) in error_response.headers.iter() {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            parts.headers.insert(name, value);
        }
    }
    let content_type = error_response.content_type();
    let body = match (error_response.body, content_type) {
        (Some(body), Some(content_type)) => {
            parts
                .headers
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            Body::from(body)
        }
        _ => Body::empty(),
    };
    crate::negotiate::vary_on_accept(&mut parts.headers);
    *response = Response::from_parts(parts, body);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generic_code_is_the_phrase_in_snake_case() {
        let response =
            crate::framework::generic_response(StatusCode::TooManyRequests, ProblemFormat::Json);
        let body = response.body.unwrap_or_default();
        assert!(body.contains(r#""code":"too_many_requests""#), "{body}");
        assert!(body.contains(r#""detail":"Too Many Requests""#), "{body}");
        let teapot = crate::framework::generic_response(StatusCode::ImATeapot, ProblemFormat::Json)
            .body
            .unwrap_or_default();
        assert!(teapot.contains(r#""code":"im_a_teapot""#), "{teapot}");
    }

    fn format(accept: &'static str) -> ProblemFormat {
        let mut headers = http::HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static(accept));
        crate::negotiate::format_of(&headers)
    }

    fn request_line(method: http::Method, uri: &'static str) -> RequestLine {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .body(())
            .unwrap_or_default();
        RequestLine::of(request.method().as_str(), request.uri().path())
    }

    fn body_text(response: Response<Body>) -> String {
        String::from_utf8(read_ready(response.into_body())).unwrap_or_default()
    }

    /// The body of an in-memory response, without a runtime: it is ready.
    fn read_ready(body: Body) -> std::vec::Vec<u8> {
        let mut body = core::pin::pin!(body);
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        let mut bytes = std::vec::Vec::new();
        while let Poll::Ready(Some(Ok(frame))) = http_body::Body::poll_frame(body.as_mut(), &mut cx)
        {
            if let Ok(data) = frame.into_data() {
                bytes.extend_from_slice(&data);
            }
        }
        bytes
    }

    #[test]
    fn the_preferred_format_is_read_only_where_accept_may_name_xml() {
        assert_eq!(
            crate::negotiate::format_of(&http::HeaderMap::new()),
            ProblemFormat::Json
        );
        // JSON refused, anything else welcome: XML.
        assert_eq!(
            format("application/problem+json;q=0, */*"),
            ProblemFormat::Xml
        );
        assert_eq!(format("*/*"), ProblemFormat::Json);
        assert_eq!(format("application/json"), ProblemFormat::Json);
        assert_eq!(format("application/problem+xml"), ProblemFormat::Xml);
        assert_eq!(format("APPLICATION/PROBLEM+XML"), ProblemFormat::Xml);
        assert_eq!(
            format("application/problem+xml;q=0.5, application/problem+json"),
            ProblemFormat::Json
        );
        // A browser's: XML only as application/xml, which does not count.
        assert_eq!(
            format("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            ProblemFormat::Json
        );
    }

    #[test]
    fn a_derived_error_renders_in_the_format_it_is_told_and_vary_is_appended() {
        let error = FrameworkError::new(FrameworkErrorKind::InvalidBody);
        let xml = {
            let _restore = crate::negotiate::wanted::prefer(ProblemFormat::Xml);
            crate::external::axum::into_axum_response(&error)
        };
        // Outside the scope the default is back.
        assert_eq!(crate::negotiate::wanted::format(), ProblemFormat::Json);
        let mut response = xml;
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("Origin"));
        let line = request_line(http::Method::POST, "/items");

        let xml = into_problem(response, &line, ProblemFormat::Xml);
        assert_eq!(xml.headers()[header::CONTENT_TYPE], crate::PROBLEM_XML);
        let vary: std::vec::Vec<_> = xml.headers().get_all(header::VARY).iter().collect();
        assert_eq!(vary, ["Origin", "Accept"]);
        let text = body_text(xml);
        assert!(text.starts_with("<?xml"), "{text}");
        assert!(text.contains("<code>invalid_body</code>"), "{text}");

        // JSON preferred: the body is left as it is; `Vary` names Accept once.
        let mut response = crate::external::axum::into_axum_response(&error);
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept, origin"));
        let json = into_problem(response, &line, ProblemFormat::Json);
        assert_eq!(json.headers()[header::CONTENT_TYPE], crate::PROBLEM_JSON);
        assert_eq!(json.headers().get_all(header::VARY).iter().count(), 1);
        assert!(body_text(json).starts_with("{\"type\""));
    }

    #[test]
    fn a_hand_written_problem_passes_through_untouched() {
        let response = || {
            Response::builder()
                .status(404)
                .header(header::CONTENT_TYPE, crate::PROBLEM_JSON)
                .body(Body::from("{}"))
                .unwrap_or_default()
        };
        let line = request_line(http::Method::GET, "/");
        let out = into_problem(response(), &line, ProblemFormat::Xml);
        assert_eq!(out.headers()[header::CONTENT_TYPE], crate::PROBLEM_JSON);
        assert!(out.headers().get(header::VARY).is_none());
        assert_eq!(body_text(out), "{}");
        // With JSON preferred it cannot be told from a derived one: the body
        // stays, and `Vary` says the layer would have answered XML differently.
        let out = into_problem(response(), &line, ProblemFormat::Json);
        assert_eq!(out.headers()[header::VARY], "Accept");
        assert_eq!(body_text(out), "{}");
    }
}
