//! Feature `tonic`: one error enum for REST and gRPC.
//!
//! A type deriving [`HttpError`](crate::HttpError) also converts into
//! [`tonic::Status`](::tonic::Status), so a tonic handler returns it with `?`:
//!
//! ```
//! use status_core::HttpError;
//! use tonic_types::StatusExt as _;
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http(grpc_domain = "api.example.com")]
//! enum ApiError {
//!     #[error("item {0} not found")]
//!     #[http(status = NotFound, code = "item_not_found")]
//!     ItemNotFound(u64),
//!     #[error("database pool exhausted after 30 s")]
//!     #[http(status = 503, grpc = Unavailable, retry_after = 5)]
//!     Busy,
//! }
//!
//! fn find(id: u64) -> Result<tonic::Response<String>, tonic::Status> {
//!     Err(ApiError::ItemNotFound(id))?
//! }
//!
//! let status = find(7).unwrap_err();
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(status.message(), "item 7 not found");
//! let info = status.get_details_error_info().unwrap();
//! assert_eq!((info.reason.as_str(), info.domain.as_str()), ("ITEM_NOT_FOUND", "api.example.com"));
//!
//! // A 5xx is masked as over HTTP: the message is the reason phrase.
//! let status = tonic::Status::from(ApiError::Busy);
//! assert_eq!(status.code(), tonic::Code::Unavailable);
//! assert_eq!(status.message(), "Service Unavailable");
//! assert_eq!(status.get_details_retry_info().unwrap().retry_delay, Some(std::time::Duration::from_secs(5)));
//! ```
//!
//! What the status carries, all from the error's [`HttpError`](crate::HttpError) methods:
//!
//! - the code: [`grpc_code`](crate::HttpError::grpc_code), the spec's
//!   mapping of the HTTP status unless the variant says `#[http(grpc = ...)]`;
//! - the message: what the problem's `detail` would be, the `Display` text
//!   for a 4xx (or an `expose`d 5xx) and the reason phrase otherwise;
//! - an `ErrorInfo` detail (AIP-193): `reason` is the problem `code` in
//!   AIP-193's `UPPER_SNAKE_CASE` ([`reason`]: `item_not_found` is
//!   `ITEM_NOT_FOUND`), `domain` is
//!   [`grpc_domain`](crate::HttpError::grpc_domain);
//! - a `Help` link to the problem `type` URI, when it is not `about:blank`;
//! - a `RetryInfo` with the `Retry-After` seconds, when the error sends them;
//! - a `BadRequest` with one field violation per member of the problem's
//!   `errors` ([`Violation`](crate::Violation)s), the JSON Pointer as its
//!   `field` (`#/tags/1/label`) and the detail as its description.
//!
//! `tonic::Code` converts to and from [`GrpcCode`], and to and from
//! [`StatusCode`] by the same mapping.
//!
//! The derive writes `impl From<YourError> for tonic::Status` in your crate,
//! which the orphan rules allow because the error type is yours (generic
//! ones too). A hand-written `From` for the same type conflicts with it
//! (E0119): delete it; to shape a status your own way, write a function
//! that starts from [`to_status`] and call it instead of `?`.
//! For types of other crates, which get no `From`, call [`to_status`].

use alloc::string::String;
use alloc::vec::Vec;

use tonic_types::{
    BadRequest, ErrorDetail, ErrorInfo, FieldViolation, Help, RetryInfo, StatusExt as _,
};

use crate::{GrpcCode, HttpError, StatusCode};

/// The gRPC status of `error`; `From<YourError> for tonic::Status`, which
/// the derive writes, calls this. A 5xx error's source chain is logged
/// (feature `tracing`), since its text is not sent.
///
/// It takes any `HttpError`, hand-written ones too:
///
/// ```
/// use status_core::{FrameworkError, FrameworkErrorKind};
///
/// let error = FrameworkError::new(FrameworkErrorKind::MalformedBody("expected `}`".into()));
/// let status = status_core::tonic::to_status(&error);
/// assert_eq!(status.code(), tonic::Code::InvalidArgument);
/// assert_eq!(status.message(), "expected `}`");
/// ```
pub fn to_status<E: HttpError + ?Sized>(error: &E) -> ::tonic::Status {
    let status = error.status();
    if status.is_server_error() {
        crate::log::server_error(error.log_level(), status, error.code(), error);
    }
    let mut details: Vec<ErrorDetail> = Vec::with_capacity(4);
    details.push(
        ErrorInfo::new(
            reason(error.code()),
            error.grpc_domain(),
            ::std::collections::HashMap::new(),
        )
        .into(),
    );
    let type_uri = error.type_uri();
    if type_uri != "about:blank" {
        details.push(Help::with_link(status.reason_phrase(), type_uri).into());
    }
    let retry_after = error.headers();
    if let Some(seconds) = retry_after
        .get("Retry-After")
        .and_then(|value| value.parse::<u64>().ok())
    {
        details.push(RetryInfo::new(Some(core::time::Duration::from_secs(seconds))).into());
    }
    let violations = error.problem().errors;
    if !violations.is_empty() {
        let fields: Vec<FieldViolation> = violations
            .into_iter()
            .map(|violation| FieldViolation::new(violation.pointer, violation.detail))
            .collect();
        details.push(BadRequest::new(fields).into());
    }
    ::tonic::Status::with_error_details_vec(
        error.grpc_code().into(),
        crate::error::client_detail(error),
        details,
    )
}

/// A problem `code` as an AIP-193 `ErrorInfo.reason`: ASCII letters
/// upper-cased, digits kept, every other character `_`.
///
/// ```
/// assert_eq!(status_core::tonic::reason("item_not_found"), "ITEM_NOT_FOUND");
/// assert_eq!(status_core::tonic::reason("quota.exceeded-v2"), "QUOTA_EXCEEDED_V2");
/// ```
#[must_use]
pub fn reason(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The framework's own errors, as [`to_status`] makes them.
impl From<crate::FrameworkError> for ::tonic::Status {
    fn from(error: crate::FrameworkError) -> Self {
        to_status(&error)
    }
}

impl From<GrpcCode> for ::tonic::Code {
    fn from(code: GrpcCode) -> Self {
        match code {
            GrpcCode::Ok => ::tonic::Code::Ok,
            GrpcCode::Cancelled => ::tonic::Code::Cancelled,
            GrpcCode::Unknown => ::tonic::Code::Unknown,
            GrpcCode::InvalidArgument => ::tonic::Code::InvalidArgument,
            GrpcCode::DeadlineExceeded => ::tonic::Code::DeadlineExceeded,
            GrpcCode::NotFound => ::tonic::Code::NotFound,
            GrpcCode::AlreadyExists => ::tonic::Code::AlreadyExists,
            GrpcCode::PermissionDenied => ::tonic::Code::PermissionDenied,
            GrpcCode::ResourceExhausted => ::tonic::Code::ResourceExhausted,
            GrpcCode::FailedPrecondition => ::tonic::Code::FailedPrecondition,
            GrpcCode::Aborted => ::tonic::Code::Aborted,
            GrpcCode::OutOfRange => ::tonic::Code::OutOfRange,
            GrpcCode::Unimplemented => ::tonic::Code::Unimplemented,
            GrpcCode::Internal => ::tonic::Code::Internal,
            GrpcCode::Unavailable => ::tonic::Code::Unavailable,
            GrpcCode::DataLoss => ::tonic::Code::DataLoss,
            GrpcCode::Unauthenticated => ::tonic::Code::Unauthenticated,
        }
    }
}

impl From<::tonic::Code> for GrpcCode {
    fn from(code: ::tonic::Code) -> Self {
        match code {
            ::tonic::Code::Ok => GrpcCode::Ok,
            ::tonic::Code::Cancelled => GrpcCode::Cancelled,
            ::tonic::Code::Unknown => GrpcCode::Unknown,
            ::tonic::Code::InvalidArgument => GrpcCode::InvalidArgument,
            ::tonic::Code::DeadlineExceeded => GrpcCode::DeadlineExceeded,
            ::tonic::Code::NotFound => GrpcCode::NotFound,
            ::tonic::Code::AlreadyExists => GrpcCode::AlreadyExists,
            ::tonic::Code::PermissionDenied => GrpcCode::PermissionDenied,
            ::tonic::Code::ResourceExhausted => GrpcCode::ResourceExhausted,
            ::tonic::Code::FailedPrecondition => GrpcCode::FailedPrecondition,
            ::tonic::Code::Aborted => GrpcCode::Aborted,
            ::tonic::Code::OutOfRange => GrpcCode::OutOfRange,
            ::tonic::Code::Unimplemented => GrpcCode::Unimplemented,
            ::tonic::Code::Internal => GrpcCode::Internal,
            ::tonic::Code::Unavailable => GrpcCode::Unavailable,
            ::tonic::Code::DataLoss => GrpcCode::DataLoss,
            ::tonic::Code::Unauthenticated => GrpcCode::Unauthenticated,
        }
    }
}

/// The HTTP status of a gRPC code, code.proto's mapping
/// ([`GrpcCode::http_status`]).
///
/// ```
/// use status_core::StatusCode;
///
/// assert_eq!(StatusCode::from(tonic::Code::Unavailable), StatusCode::ServiceUnavailable);
/// assert_eq!(tonic::Code::from(StatusCode::Conflict), tonic::Code::Aborted);
/// ```
impl From<::tonic::Code> for StatusCode {
    fn from(code: ::tonic::Code) -> Self {
        GrpcCode::from(code).http_status()
    }
}

/// The gRPC code of an HTTP status, the spec's mapping
/// ([`GrpcCode::from_status`]: `UNKNOWN` where it has none).
impl From<StatusCode> for ::tonic::Code {
    fn from(status: StatusCode) -> Self {
        GrpcCode::from_status(status).into()
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::From<$($ty)*> for $crate::__private_0_1_0::TonicStatus $($where_clause)* {
            fn from(error: $($ty)*) -> Self {
                $crate::__private_0_1_0::to_tonic_status(&error)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::reason;
    use crate::GrpcCode;

    #[test]
    fn every_code_converts_both_ways() {
        for code in GrpcCode::ALL {
            let theirs = ::tonic::Code::from(code);
            assert_eq!(theirs as i32, code.as_i32());
            assert_eq!(GrpcCode::from(theirs), code);
        }
    }

    #[test]
    fn reasons_are_upper_snake_case() {
        assert_eq!(reason("rate_limited"), "RATE_LIMITED");
        assert_eq!(reason("a:b/c"), "A_B_C");
        assert_eq!(reason("ünïcode"), "_N_CODE");
    }
}
