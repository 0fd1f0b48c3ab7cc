//! Feature `actix-web`: a derived error is a `ResponseError`.
//!
//! actix-web 4 is built on `http` 0.2, so codes cross over as numbers, and
//! `StatusCode` converts to and from actix's own status type.

use crate::{ErrorResponse, Headers, HttpError};

/// The actix status of an error; the same status `actix_error_response` sends.
#[doc(hidden)]
pub fn actix_status_code<E: HttpError + ?Sized>(error: &E) -> ::actix_web::http::StatusCode {
    error.status().into()
}

/// The actix response of an error: status, headers and problem body, in
/// the format the request prefers when the `Problems` middleware around the
/// handler says so (`negotiate::wanted`), problem+json otherwise, written in
/// one pass. Only for errors whose `problem` is the trait's default, as
/// its callers (`FrameworkError`) guarantee.
pub(crate) fn default_actix_response<E: HttpError + ?Sized>(
    error: &E,
) -> ::actix_web::HttpResponse {
    derived_actix_response(error, |error, map| {
        append_actix_headers(map, error.headers());
    })
}

/// What a derived `ResponseError::error_response` sends: the error's
/// [`to_actix_response`](HttpError::to_actix_response). A function, not a
/// method call in the generated impl, so that an enum that is not an error
/// is told so once, at the `HttpError` impl.
#[doc(hidden)]
pub fn actix_error_response<E: HttpError + ?Sized>(error: &E) -> ::actix_web::HttpResponse {
    error.to_actix_response()
}

/// The one-pass actix response of an error whose `problem` is the trait's
/// default: status, problem+json body (or XML when the `Problems` middleware
/// says the request prefers it), the error's headers added by `append` (the
/// derive passes the literals it checked at compile time as constants), then
/// `ErrorResponse`'s no-store rule.
#[doc(hidden)]
pub fn derived_actix_response<E: HttpError + ?Sized>(
    error: &E,
    append: fn(&E, &mut ::actix_web::http::header::HeaderMap),
) -> ::actix_web::HttpResponse {
    use ::actix_web::http::header::{CACHE_CONTROL, HeaderValue};
    let format = crate::negotiate::wanted::format();
    if format == crate::ProblemFormat::Xml {
        return actix_response(ErrorResponse::from_error_as(error, format));
    }
    let status = crate::error::log_answer(error);
    let body = status.allows_body().then(|| {
        (
            crate::render::default_problem_json(error),
            const { HeaderValue::from_static(crate::PROBLEM_JSON) },
        )
    });
    let mut response = with_body(status, body);
    let headers = response.headers_mut();
    append(error, headers);
    // The rule as a constant rather than a header in `Headers` that actix
    // would parse again.
    if !crate::error::may_be_stored(error, status) && !headers.contains_key(CACHE_CONTROL) {
        headers.insert(
            CACHE_CONTROL,
            const { HeaderValue::from_static(crate::error::NO_STORE) },
        );
    }
    response
}

/// The headers of a variant that has none, for `derived_actix_response`.
#[doc(hidden)]
pub fn no_actix_headers<E: ?Sized>(
    _error: &E,
    _headers: &mut ::actix_web::http::header::HeaderMap,
) {
}

/// Appends validated `Headers` to an actix header map without copying a
/// value: a borrowed one is shared as static bytes, an owned one hands over
/// its buffer. (actix checks each again; its rules are looser than ours.)
#[doc(hidden)]
pub fn append_actix_headers(map: &mut ::actix_web::http::header::HeaderMap, headers: Headers) {
    use ::actix_web::http::header::{HeaderName, HeaderValue};
    headers.convert_each(
        |name| HeaderName::try_from(name).ok(),
        |value| {
            match value {
                alloc::borrow::Cow::Borrowed(text) => {
                    HeaderValue::from_maybe_shared(::bytes::Bytes::from_static(text.as_bytes()))
                }
                alloc::borrow::Cow::Owned(text) => HeaderValue::try_from(text),
            }
            .ok()
        },
        |name, value| map.append(name, value),
    );
}

/// A response of `status` with `body` and its content type, or without a
/// body.
fn with_body(
    status: crate::StatusCode,
    body: Option<(
        alloc::string::String,
        ::actix_web::http::header::HeaderValue,
    )>,
) -> ::actix_web::HttpResponse {
    let Some((body, content_type)) = body else {
        return ::actix_web::HttpResponse::new(status.into());
    };
    let mut response = ::actix_web::HttpResponse::with_body(status.into(), body);
    response
        .headers_mut()
        .insert(::actix_web::http::header::CONTENT_TYPE, content_type);
    response.map_into_boxed_body()
}

/// An [`ErrorResponse`] as actix's response: status, body, headers, the
/// header values taken over without a copy.
pub(crate) fn actix_response(response: ErrorResponse) -> ::actix_web::HttpResponse {
    use ::actix_web::http::header::HeaderValue;
    let content_type = response.content_type().map(HeaderValue::from_static);
    let ErrorResponse {
        status,
        headers,
        body,
        format: _,
    } = response;
    // `Headers` never holds a `Content-Type`, so the order does not matter.
    let mut response = with_body(status, body.zip(content_type));
    append_actix_headers(response.headers_mut(), headers);
    response
}

/// The items it is given, with feature `actix-web`; nothing without it. The
/// derive wraps its `to_actix_response` in it (see `derived_actix_response`).
#[doc(hidden)]
#[macro_export]
macro_rules! __with_actix_web {
    ($($item:tt)*) => {
        $($item)*
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private_0_1_0::actix_web::ResponseError for $($ty)* $($where_clause)* {
            fn status_code(&self) -> $crate::__private_0_1_0::actix_web::http::StatusCode {
                $crate::__private_0_1_0::actix_status_code(self)
            }

            fn error_response(&self) -> $crate::__private_0_1_0::actix_web::HttpResponse {
                $crate::__private_0_1_0::actix_error_response(self)
            }
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_actix_web {
    ($doctests:ident, $ty:ident) => {
        /// Answers with this status and an empty body.
        ///
        /// A handler can return a `StatusCode` itself. Where actix wants its own
        /// status type, in `HttpResponse::build` or a `(body, status)` tuple,
        /// `.into()` or `actix_web::http::StatusCode::from` converts (actix-web 4
        /// is on `http` 0.2, so this is not feature `http`'s conversion):
        // A string, not `///` lines: rustfmt re-indents doc lines inside
        // an attribute on every run.
        #[doc = $crate::__status_doc_example!($doctests, r#"
```
use actix_web::{HttpResponse, Responder, test::TestRequest};
use status_core::StatusCode;

async fn delete_item() -> StatusCode {
    StatusCode::NoContent
}

async fn create_item() -> HttpResponse {
    HttpResponse::build(StatusCode::Created.into())
        .insert_header(("location", "/items/7"))
        .body("created")
}

async fn accept_job() -> impl Responder {
    ("queued", actix_web::http::StatusCode::from(StatusCode::Accepted))
}

# fn ready<F: Future>(future: F) -> F::Output {
#     let waker = std::task::Waker::noop();
#     match std::pin::pin!(future).poll(&mut std::task::Context::from_waker(waker)) {
#         std::task::Poll::Ready(output) => output,
#         std::task::Poll::Pending => unreachable!("the handlers never wait"),
#     }
# }
let request = TestRequest::default().to_http_request();
assert_eq!(StatusCode::NoContent, ready(delete_item()).respond_to(&request).status());
assert_eq!(StatusCode::Created, ready(create_item()).status());
assert_eq!(StatusCode::Accepted, ready(accept_job()).respond_to(&request).status());
assert_eq!(StatusCode::try_from(actix_web::http::StatusCode::OK), Ok(StatusCode::Ok));
```
"#)]
        #[automatically_derived]
        impl $crate::__private_0_1_0::actix_web::Responder for $ty {
            type Body = $crate::__private_0_1_0::actix_web::body::BoxBody;

            fn respond_to(
                self,
                _request: &$crate::__private_0_1_0::actix_web::HttpRequest,
            ) -> $crate::__private_0_1_0::actix_web::HttpResponse {
                $crate::__private_0_1_0::actix_web::HttpResponse::new(self.into())
            }
        }

        /// actix-web 4 has its own `StatusCode` (from `http` 0.2), so this is
        /// the conversion for `HttpResponse::build` and `(body, status)` tuples.
        #[automatically_derived]
        impl ::core::convert::From<$ty> for $crate::__private_0_1_0::actix_web::http::StatusCode {
            fn from(status: $ty) -> Self {
                // Every code is in 100..=999 (the spec checks enforce it), which
                // is exactly the range actix accepts.
                Self::from_u16(status.as_u16()).unwrap_or(Self::INTERNAL_SERVER_ERROR)
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<$crate::__private_0_1_0::actix_web::http::StatusCode>
            for $ty
        {
            type Error = $crate::InvalidStatusCode;

            fn try_from(
                status: $crate::__private_0_1_0::actix_web::http::StatusCode,
            ) -> ::core::result::Result<Self, Self::Error> {
                Self::from_u16(status.as_u16())
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<$crate::__private_0_1_0::actix_web::http::StatusCode> for $ty {
            fn eq(&self, other: &$crate::__private_0_1_0::actix_web::http::StatusCode) -> bool {
                self.as_u16() == other.as_u16()
            }
        }
    };
}
