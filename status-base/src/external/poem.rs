//! Feature `poem`: a derived error is a `poem::error::ResponseError`, so `?`
//! turns it into a `poem::Error` that answers with the error's problem+json.
//!
//! poem 3 is built on `http` 1.x, like this crate's `http` feature, so the
//! response is [`HttpError::to_http_response`] moved into poem's type: the
//! status, headers and body are byte for byte those of the axum adapter.

use crate::HttpError;

/// The poem status of an error; the same status [`poem_response`] sends.
#[doc(hidden)]
pub fn poem_status<E: HttpError + ?Sized>(error: &E) -> ::poem::http::StatusCode {
    crate::external::http::to_http(error.status().as_u16())
}

/// The poem response of an error: status, headers and problem+json body,
/// with the problem kept in the response's extensions so that the
/// `Problems` middleware can send it as problem+xml when the request asks
/// for it.
#[doc(hidden)]
pub fn poem_response<E: HttpError + ?Sized>(error: &E) -> ::poem::Response {
    let (response, problem) = crate::ErrorResponse::with_problem(error);
    let mut response = response.into_http();
    if let Some(problem) = problem {
        if CAPTURING.get() {
            CAPTURED.set(Some(problem.clone()));
        }
        response
            .extensions_mut()
            .insert(crate::negotiate::Negotiable(problem));
    }
    poem_from_http(response)
}

std::thread_local! {
    /// Whether [`capture_problem`] is running on this thread.
    static CAPTURING: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
    /// The problem [`poem_response`] rendered while it runs.
    static CAPTURED: core::cell::Cell<Option<crate::ProblemDetails>> =
        const { core::cell::Cell::new(None) };
}

/// Runs `render` and returns the problem that [`poem_response`] rendered
/// during it, if it did.
///
/// `poem::Error::into_response` replaces the extensions of the response it
/// gets from `ResponseError::as_response` with the error's own, so the
/// problem a derived error keeps there for the `Problems` middleware is lost
/// on the way. The middleware calls `into_response` inside this instead: the
/// call is synchronous, on this thread, so what `poem_response` renders in
/// it is the error's problem.
pub(crate) fn capture_problem<R>(render: impl FnOnce() -> R) -> (R, Option<crate::ProblemDetails>) {
    CAPTURED.set(None);
    CAPTURING.set(true);
    let rendered = render();
    CAPTURING.set(false);
    (rendered, CAPTURED.take())
}

/// An `http` response as poem's: poem 3 is on `http` 1.x, so the parts move over.
pub(crate) fn poem_from_http(
    response: ::http::Response<alloc::string::String>,
) -> ::poem::Response {
    let (parts, body) = response.into_parts();
    let parts = ::poem::ResponseParts {
        status: parts.status,
        version: parts.version,
        headers: parts.headers,
        extensions: parts.extensions,
    };
    ::poem::Response::from_parts(parts, ::poem::Body::from(body))
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_poem {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private_0_1_0::poem::error::ResponseError for $($ty)* $($where_clause)* {
            fn status(&self) -> $crate::__private_0_1_0::poem::http::StatusCode {
                $crate::__private_0_1_0::poem_status(self)
            }

            fn as_response(&self) -> $crate::__private_0_1_0::poem::Response {
                $crate::__private_0_1_0::poem_response(self)
            }
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_poem {
    ($doctests:ident, $ty:ident) => {
        /// Answers with this status and an empty body, as `http::StatusCode` does.
        ///
        /// A handler can return a `StatusCode` itself. poem is on `http` 1.x, so
        /// where it wants its own status type, in `with_status` or a
        /// `(status, body)` tuple, `.into()` or `http::StatusCode::from` converts
        /// (feature `http`, which `poem` turns on):
        // A string, not `///` lines: rustfmt re-indents doc lines inside
        // an attribute on every run.
        #[doc = $crate::__status_doc_example!($doctests, r#"
```
use poem::{IntoResponse, Route, delete, handler};
use status_core::StatusCode;

#[handler]
fn delete_item() -> StatusCode {
    StatusCode::NoContent
}

fn create_item() -> impl IntoResponse {
    "created"
        .with_status(StatusCode::Created.into())
        .with_header("location", "/items/7")
}

fn accept_job() -> impl IntoResponse {
    (http::StatusCode::from(StatusCode::Accepted), "queued")
}

let app = Route::new().at("/items/:id", delete(delete_item));
# let _ = app;
assert_eq!(StatusCode::NoContent.into_response().status(), 204);
let created = create_item().into_response();
assert_eq!(created.status(), 201);
assert_eq!(created.headers()["location"], "/items/7");
assert_eq!(accept_job().into_response().status(), 202);
```
"#)]
        #[automatically_derived]
        impl $crate::__private_0_1_0::poem::IntoResponse for $ty {
            fn into_response(self) -> $crate::__private_0_1_0::poem::Response {
                $crate::__private_0_1_0::poem::IntoResponse::into_response(
                    $crate::__private_0_1_0::to_http(self.as_u16()),
                )
            }
        }
    };
}
