//! Feature `axum`: a derived error is an `IntoResponse`.

use crate::HttpError;

/// The axum response of an error: status, headers and problem+json body.
#[doc(hidden)]
pub fn into_axum_response<E: HttpError + ?Sized>(error: &E) -> ::axum_core::response::Response {
    error.to_http_response().map(::axum_core::body::Body::from)
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
