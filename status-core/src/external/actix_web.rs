//! Feature `actix-web`: a derived error is a `ResponseError`.
//!
//! actix-web 4 is built on `http` 0.2, so codes cross over as numbers.

use crate::{ErrorResponse, HttpError};

/// The actix status of an error; the same status `actix_error_response` sends.
#[doc(hidden)]
pub fn actix_status_code<E: HttpError + ?Sized>(error: &E) -> ::actix_web::http::StatusCode {
    // Every registry code is in 100..=999, which actix accepts.
    ::actix_web::http::StatusCode::from_u16(error.status().as_u16())
        .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// The actix response of an error: status, headers and problem+json body.
#[doc(hidden)]
pub fn actix_error_response<E: HttpError + ?Sized>(error: &E) -> ::actix_web::HttpResponse {
    let ErrorResponse {
        status,
        headers,
        body,
    } = error.error_response();
    let status = ::actix_web::http::StatusCode::from_u16(status.as_u16())
        .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = ::actix_web::HttpResponse::build(status);
    for (name, value) in headers.iter() {
        response.append_header((name, value));
    }
    match body {
        Some(body) => response.content_type(crate::PROBLEM_JSON).body(body),
        None => response.finish(),
    }
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
