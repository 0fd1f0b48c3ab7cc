//! Features `actix-web` and `http`: [`ActixConformance`] runs
//! [`check`](super::check) on every response of an actix-web app.

use alloc::boxed::Box;
use alloc::string::{String, ToString as _};
use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::rc::Rc;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::StatusCode as ActixStatus;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};

use crate::{FrameworkError, FrameworkErrorKind};

/// An actix-web middleware that checks every response against the
/// registry's rules, as [`ConformanceLayer`](super::ConformanceLayer) does
/// for tower (feature `tower`).
///
/// [`ActixConformance::new`] logs each violation as a `tracing` warning
/// (`target: "status_core::conformance"`, feature `tracing`) and sends the
/// response unchanged; [`ActixConformance::strict`], for tests, replaces a
/// response that breaks a rule with a `500` whose plain-text body lists the
/// violations and whose `conformance-violations` header counts them. The
/// middleware holds each body in memory to check it, so wrap apps whose
/// responses are not streams. An answer to `HEAD` is checked as actix sends
/// it, without content.
///
/// ```
/// use actix_web::{App, HttpResponse, test, web};
/// use status_core::conformance::ActixConformance;
///
/// # actix_web::rt::System::new().block_on(async {
/// // A handler that forgets `WWW-Authenticate` on its 401.
/// let app = test::init_service(
///     App::new()
///         .wrap(ActixConformance::strict())
///         .route("/login", web::get().to(|| async { HttpResponse::Unauthorized().finish() })),
/// )
/// .await;
/// let response = test::call_service(&app, test::TestRequest::get().uri("/login").to_request()).await;
/// assert_eq!(response.status(), 500);
/// assert_eq!(response.headers().get("conformance-violations").unwrap(), "1");
/// # });
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct ActixConformance {
    strict: bool,
}

impl ActixConformance {
    /// Logs each violation (feature `tracing`) and sends the response as it is.
    #[must_use]
    pub const fn new() -> Self {
        ActixConformance { strict: false }
    }

    /// Answers `500` with the list of violations instead of a response that
    /// breaks a rule: for tests.
    #[must_use]
    pub const fn strict() -> Self {
        ActixConformance { strict: true }
    }
}

impl<S, B> Transform<S, ServiceRequest> for ActixConformance
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = actix_web::Error;
    type Transform = ActixConformanceMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<ActixConformanceMiddleware<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ActixConformanceMiddleware {
            service: Rc::new(service),
            strict: self.strict,
        }))
    }
}

/// The service of the [`ActixConformance`] middleware.
#[derive(Debug)]
pub struct ActixConformanceMiddleware<S> {
    service: Rc<S>,
    strict: bool,
}

type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

impl<S, B> Service<ServiceRequest> for ActixConformanceMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = actix_web::Error;
    type Future = LocalFuture<Result<Self::Response, actix_web::Error>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let method = http::Method::from_bytes(request.method().as_str().as_bytes());
        let strict = self.strict;
        let answer = self.service.call(request);
        Box::pin(async move {
            let (request, response) = answer.await?.into_parts();
            let (head, body) = response.into_parts();
            let Ok(bytes) = actix_web::body::to_bytes(body).await else {
                // The body failed midway: nothing to check, and nothing of
                // its error for the client.
                let error = FrameworkError::new(FrameworkErrorKind::Internal(
                    "the response body failed".into(),
                ));
                return Err(error.into());
            };
            // Every actix method and head is also a valid `http` 1 one; one
            // that were not would go unchecked rather than fail the request.
            if let (Ok(method), Some(parts)) = (method, http_parts(&head)) {
                // actix-http sends no content in an answer to HEAD, whatever
                // the body: what is checked is what goes on the wire.
                let found = if method == http::Method::HEAD {
                    super::check_head(&method, &parts, 0)
                } else {
                    super::check(&method, &parts, &bytes)
                };
                for violation in &found {
                    crate::log::conformance_violation(&method, parts.status.as_u16(), violation);
                }
                if strict && !found.is_empty() {
                    let refusal = refusal(
                        super::refusal_text(&method, parts.status, &found),
                        found.len(),
                    );
                    return Ok(ServiceResponse::new(request, refusal));
                }
            }
            Ok(ServiceResponse::new(
                request,
                head.set_body(BoxBody::new(bytes)),
            ))
        })
    }
}

/// The status and headers of an actix response, as `http` 1 types.
fn http_parts(head: &actix_web::HttpResponse<()>) -> Option<http::response::Parts> {
    let mut response = http::Response::new(());
    *response.status_mut() = http::StatusCode::from_u16(head.status().as_u16()).ok()?;
    let headers = response.headers_mut();
    for (name, value) in head.headers() {
        let name = http::HeaderName::from_bytes(name.as_str().as_bytes()).ok()?;
        let value = http::HeaderValue::from_bytes(value.as_bytes()).ok()?;
        headers.append(name, value);
    }
    Some(response.into_parts().0)
}

fn refusal(text: String, count: usize) -> actix_web::HttpResponse {
    actix_web::HttpResponse::build(ActixStatus::INTERNAL_SERVER_ERROR)
        .insert_header((
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        ))
        .insert_header(("conformance-violations", count.to_string()))
        .body(text)
}
