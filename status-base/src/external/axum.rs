//! Feature `axum`: a derived error is an `IntoResponse`.

use crate::HttpError;

/// The axum response of an error: status, headers and problem body, in the
/// format the request prefers when a `ProblemLayer` around the handler says
/// so (`negotiate::wanted`), problem+json otherwise.
#[doc(hidden)]
pub fn into_axum_response<E: HttpError + ?Sized>(error: &E) -> ::axum_core::response::Response {
    let response = match crate::negotiate::wanted::format() {
        crate::ProblemFormat::Json => error.to_http_response(),
        format @ crate::ProblemFormat::Xml => {
            crate::ErrorResponse::from_error_as(error, format).into_http()
        }
    };
    response.map(::axum_core::body::Body::from)
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private_0_1_0::axum_core::response::IntoResponse for $($ty)* $($where_clause)* {
            fn into_response(self) -> $crate::__private_0_1_0::axum_core::response::Response {
                $crate::__private_0_1_0::into_axum_response(&self)
            }
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_axum {
    ($doctests:ident, $ty:ident) => {
        /// Answers with this status and an empty body, as `http::StatusCode` does.
        ///
        /// A handler can return a `StatusCode` itself. axum builds its tuples of
        /// status, headers and body for `http::StatusCode` only (and Rust's orphan
        /// rules keep this crate from adding them), so a status that comes with
        /// headers or a body goes in as `http::StatusCode::from(...)`, the
        /// conversion of feature `http`, which `axum` turns on:
        // A string, not `///` lines: rustfmt re-indents doc lines inside
        // an attribute on every run.
        #[doc = $crate::__status_doc_example!($doctests, r#"
```
use axum_core::response::{IntoResponse, Response};
use status_core::StatusCode;

async fn delete_item() -> StatusCode {
    StatusCode::NoContent
}

async fn create_item() -> Response {
    let status = http::StatusCode::from(StatusCode::Created);
    (status, [("location", "/items/7")], "created").into_response()
}

# fn ready<F: Future>(future: F) -> F::Output {
#     let waker = std::task::Waker::noop();
#     match std::pin::pin!(future).poll(&mut std::task::Context::from_waker(waker)) {
#         std::task::Poll::Ready(output) => output,
#         std::task::Poll::Pending => unreachable!("the handlers never wait"),
#     }
# }
assert_eq!(ready(delete_item()).into_response().status(), 204);
let created = ready(create_item());
assert_eq!(created.status(), 201);
assert_eq!(created.headers()["location"], "/items/7");
```
"#)]
        #[automatically_derived]
        impl $crate::__private_0_1_0::axum_core::response::IntoResponse for $ty {
            fn into_response(self) -> $crate::__private_0_1_0::axum_core::response::Response {
                $crate::__private_0_1_0::axum_core::response::IntoResponse::into_response(
                    $crate::__private_0_1_0::to_http(self.as_u16()),
                )
            }
        }
    };
}
