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

/// The poem response of an error: status, headers and problem+json body.
#[doc(hidden)]
pub fn poem_response<E: HttpError + ?Sized>(error: &E) -> ::poem::Response {
    let (parts, body) = error.to_http_response().into_parts();
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
