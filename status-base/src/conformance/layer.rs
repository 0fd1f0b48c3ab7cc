//! Feature `tower`: [`ConformanceLayer`] runs [`check`](super::check) on
//! every response of a service.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Request, Response};
use http_body::{Body, Frame, SizeHint};

/// A tower layer that checks every response against the registry's rules.
///
/// [`ConformanceLayer::new`] logs each violation as a `tracing` warning
/// (`target: "status_core::conformance"`) and sends the response unchanged;
/// [`ConformanceLayer::strict`], for tests, replaces a response that breaks
/// a rule with a `500` whose plain-text body lists the violations, so that
/// no test passes over it. Either way the layer holds each body in memory
/// to check it, so put it on services whose responses are not streams.
///
/// ```
/// use std::convert::Infallible;
///
/// use http::{Request, Response};
/// use status_core::conformance::ConformanceLayer;
/// use tower_layer::Layer;
/// use tower_service::Service;
///
/// // A handler that forgets `WWW-Authenticate` on its 401.
/// let handler = tower_util::service_fn(|_request: Request<()>| async {
///     Ok::<_, Infallible>(Response::builder().status(401).body(String::from("no")).unwrap())
/// });
/// let mut service = ConformanceLayer::strict().layer(handler);
/// # let waker = std::task::Waker::noop();
/// # let mut context = std::task::Context::from_waker(waker);
/// # let mut future = std::pin::pin!(service.call(Request::new(())));
/// # let std::task::Poll::Ready(Ok(response)) = future.as_mut().poll(&mut context) else { panic!() };
/// // let response = service.call(Request::new(())).await?;
/// assert_eq!(response.status(), 500);
/// assert_eq!(response.headers()["conformance-violations"], "1");
/// # mod tower_util {
/// #     pub fn service_fn<F>(f: F) -> Fn<F> { Fn(f) }
/// #     pub struct Fn<F>(F);
/// #     impl<F: FnMut(R) -> Fut, R, Fut: Future<Output = Result<T, E>>, T, E> tower_service::Service<R> for Fn<F> {
/// #         type Response = T; type Error = E; type Future = Fut;
/// #         fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), E>> { std::task::Poll::Ready(Ok(())) }
/// #         fn call(&mut self, request: R) -> Fut { (self.0)(request) }
/// #     }
/// # }
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct ConformanceLayer {
    strict: bool,
}

impl ConformanceLayer {
    /// Logs each violation through `tracing` and sends the response as it is.
    #[must_use]
    pub const fn new() -> Self {
        ConformanceLayer { strict: false }
    }

    /// Answers `500` with the list of violations instead of a response that
    /// breaks a rule: for tests.
    #[must_use]
    pub const fn strict() -> Self {
        ConformanceLayer { strict: true }
    }
}

impl<S> tower_layer::Layer<S> for ConformanceLayer {
    type Service = ConformanceService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ConformanceService {
            inner,
            strict: self.strict,
        }
    }
}

/// The service of [`ConformanceLayer`].
#[derive(Clone, Debug)]
pub struct ConformanceService<S> {
    inner: S,
    strict: bool,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, RequestBody, ResponseBody> tower_service::Service<Request<RequestBody>>
    for ConformanceService<S>
where
    S: tower_service::Service<Request<RequestBody>, Response = Response<ResponseBody>>,
    S::Future: Send + 'static,
    S::Error: 'static,
    ResponseBody: Body<Data = Bytes> + Send + 'static,
    ResponseBody::Error: Send,
{
    type Response = Response<GuardedBody<ResponseBody>>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<RequestBody>) -> Self::Future {
        let method = request.method().clone();
        let strict = self.strict;
        let answer = self.inner.call(request);
        Box::pin(async move {
            let (parts, body) = answer.await?.into_parts();
            let collected = collect(body).await;
            let (data, trailers, error) = match collected {
                Ok((data, trailers)) => (data, trailers, None),
                // The body failed midway: nothing to check, pass the error on.
                Err(error) => {
                    let body = GuardedBody::failed(error);
                    return Ok(Response::from_parts(parts, body));
                }
            };
            let found = super::check(&method, &parts, &data);
            for violation in &found {
                crate::log::conformance_violation(&method, parts.status.as_u16(), violation);
            }
            if strict && !found.is_empty() {
                return Ok(violations_response(&method, &parts, &found));
            }
            let body = GuardedBody {
                data: (!data.is_empty()).then(|| Bytes::from(data)),
                trailers,
                error,
                body: PhantomData,
            };
            Ok(Response::from_parts(parts, body))
        })
    }
}

async fn collect<B: Body<Data = Bytes>>(body: B) -> Result<(Vec<u8>, Option<HeaderMap>), B::Error> {
    let mut body = Box::pin(body);
    let mut data = Vec::new();
    let mut trailers = None;
    while let Some(frame) = core::future::poll_fn(|cx| body.as_mut().poll_frame(cx)).await {
        match frame?.into_data() {
            Ok(chunk) => data.extend_from_slice(&chunk),
            Err(frame) => {
                if let Ok(map) = frame.into_trailers() {
                    trailers = Some(map);
                }
            }
        }
    }
    Ok((data, trailers))
}

fn violations_response<B: Body>(
    method: &http::Method,
    parts: &http::response::Parts,
    found: &[super::Violation],
) -> Response<GuardedBody<B>> {
    let text = super::refusal_text(method, parts.status, found);
    let mut response = Response::new(GuardedBody {
        data: Some(Bytes::from(text)),
        trailers: None,
        error: None,
        body: PhantomData,
    });
    *response.status_mut() = http::StatusCode::INTERNAL_SERVER_ERROR;
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert("conformance-violations", HeaderValue::from(found.len()));
    response
}

/// The body of a response that [`ConformanceService`] checked: the bytes
/// the inner service sent, then its trailers, or the error its body failed with.
pub struct GuardedBody<B: Body> {
    data: Option<Bytes>,
    trailers: Option<HeaderMap>,
    error: Option<Box<B::Error>>,
    body: PhantomData<fn() -> B>,
}

impl<B: Body> GuardedBody<B> {
    fn failed(error: B::Error) -> Self {
        GuardedBody {
            data: None,
            trailers: None,
            error: Some(Box::new(error)),
            body: PhantomData,
        }
    }
}

impl<B: Body> core::fmt::Debug for GuardedBody<B> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("GuardedBody")
            .field("data", &self.data)
            .field("trailers", &self.trailers)
            .field("failed", &self.error.is_some())
            .finish()
    }
}

impl<B: Body> Body for GuardedBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let this = self.get_mut();
        if let Some(error) = this.error.take() {
            return Poll::Ready(Some(Err(*error)));
        }
        if let Some(data) = this.data.take() {
            return Poll::Ready(Some(Ok(Frame::data(data))));
        }
        Poll::Ready(this.trailers.take().map(|map| Ok(Frame::trailers(map))))
    }

    fn is_end_stream(&self) -> bool {
        self.data.is_none() && self.trailers.is_none() && self.error.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        if self.error.is_some() {
            return SizeHint::default();
        }
        SizeHint::with_exact(self.data.as_ref().map_or(0, |data| data.len() as u64))
    }
}
