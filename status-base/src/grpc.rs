//! The gRPC status codes (`google.rpc.Code`), and how they map to HTTP.
//!
//! No dependency: `no_std`, and usable without tonic. Feature `tonic` adds
//! the conversions with `tonic::Code` and `tonic::Status`.

use crate::StatusCode;

/// A gRPC status code, as `google/rpc/code.proto` defines it.
///
/// [`StatusCode::grpc_code`] gives the code the spec maps a status to;
/// [`GrpcCode::http_status`] goes the other way, from code.proto's
/// "HTTP Mapping" comments.
///
/// ```
/// use status_core::{GrpcCode, StatusCode};
///
/// assert_eq!(StatusCode::NotFound.grpc_code(), Some(GrpcCode::NotFound));
/// assert_eq!(GrpcCode::FailedPrecondition.http_status(), StatusCode::BadRequest);
/// assert_eq!(GrpcCode::from_i32(14), Some(GrpcCode::Unavailable));
/// assert_eq!(GrpcCode::Unavailable.as_str(), "UNAVAILABLE");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(i32)]
pub enum GrpcCode {
    /// `OK` (0): not an error.
    Ok = 0,
    /// `CANCELLED` (1): the operation was cancelled, typically by the caller.
    Cancelled = 1,
    /// `UNKNOWN` (2): an error from an unknown error space.
    Unknown = 2,
    /// `INVALID_ARGUMENT` (3): the client gave an invalid argument.
    InvalidArgument = 3,
    /// `DEADLINE_EXCEEDED` (4): the deadline expired before the operation completed.
    DeadlineExceeded = 4,
    /// `NOT_FOUND` (5): a requested entity was not found.
    NotFound = 5,
    /// `ALREADY_EXISTS` (6): the entity the client tried to create exists.
    AlreadyExists = 6,
    /// `PERMISSION_DENIED` (7): the caller may not run the operation.
    PermissionDenied = 7,
    /// `RESOURCE_EXHAUSTED` (8): a quota or resource ran out.
    ResourceExhausted = 8,
    /// `FAILED_PRECONDITION` (9): the system is not in the state the operation needs.
    FailedPrecondition = 9,
    /// `ABORTED` (10): the operation was aborted, typically by a concurrency conflict.
    Aborted = 10,
    /// `OUT_OF_RANGE` (11): the operation was attempted past the valid range.
    OutOfRange = 11,
    /// `UNIMPLEMENTED` (12): the operation is not implemented or not supported.
    Unimplemented = 12,
    /// `INTERNAL` (13): an internal error.
    Internal = 13,
    /// `UNAVAILABLE` (14): the service is currently unavailable; retrying may help.
    Unavailable = 14,
    /// `DATA_LOSS` (15): unrecoverable data loss or corruption.
    DataLoss = 15,
    /// `UNAUTHENTICATED` (16): the request lacks valid authentication credentials.
    Unauthenticated = 16,
}

impl GrpcCode {
    /// Every code, in numeric order.
    pub const ALL: [GrpcCode; 17] = [
        GrpcCode::Ok,
        GrpcCode::Cancelled,
        GrpcCode::Unknown,
        GrpcCode::InvalidArgument,
        GrpcCode::DeadlineExceeded,
        GrpcCode::NotFound,
        GrpcCode::AlreadyExists,
        GrpcCode::PermissionDenied,
        GrpcCode::ResourceExhausted,
        GrpcCode::FailedPrecondition,
        GrpcCode::Aborted,
        GrpcCode::OutOfRange,
        GrpcCode::Unimplemented,
        GrpcCode::Internal,
        GrpcCode::Unavailable,
        GrpcCode::DataLoss,
        GrpcCode::Unauthenticated,
    ];

    /// The number on the wire (`grpc-status`).
    #[must_use]
    pub const fn as_i32(self) -> i32 {
        self as i32
    }

    /// The code for a wire number; `None` outside `0..=16`.
    #[must_use]
    pub const fn from_i32(code: i32) -> Option<GrpcCode> {
        if code >= 0 && code < 17 {
            #[allow(clippy::cast_sign_loss)]
            Some(Self::ALL[code as usize])
        } else {
            None
        }
    }

    /// The name as code.proto writes it, such as `"INVALID_ARGUMENT"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            GrpcCode::Ok => "OK",
            GrpcCode::Cancelled => "CANCELLED",
            GrpcCode::Unknown => "UNKNOWN",
            GrpcCode::InvalidArgument => "INVALID_ARGUMENT",
            GrpcCode::DeadlineExceeded => "DEADLINE_EXCEEDED",
            GrpcCode::NotFound => "NOT_FOUND",
            GrpcCode::AlreadyExists => "ALREADY_EXISTS",
            GrpcCode::PermissionDenied => "PERMISSION_DENIED",
            GrpcCode::ResourceExhausted => "RESOURCE_EXHAUSTED",
            GrpcCode::FailedPrecondition => "FAILED_PRECONDITION",
            GrpcCode::Aborted => "ABORTED",
            GrpcCode::OutOfRange => "OUT_OF_RANGE",
            GrpcCode::Unimplemented => "UNIMPLEMENTED",
            GrpcCode::Internal => "INTERNAL",
            GrpcCode::Unavailable => "UNAVAILABLE",
            GrpcCode::DataLoss => "DATA_LOSS",
            GrpcCode::Unauthenticated => "UNAUTHENTICATED",
        }
    }

    /// The HTTP status of code.proto's "HTTP Mapping" comment for this code.
    /// Several codes share a status (`FAILED_PRECONDITION` and `OUT_OF_RANGE`
    /// are 400 like `INVALID_ARGUMENT`); for each status that the spec maps
    /// to a gRPC code, this returns that status for that code.
    ///
    /// ```
    /// use status_core::{GrpcCode, StatusCode};
    ///
    /// assert_eq!(GrpcCode::Cancelled.http_status(), StatusCode::ClientClosedRequest);
    /// assert_eq!(GrpcCode::DataLoss.http_status(), StatusCode::InternalServerError);
    /// ```
    #[must_use]
    pub const fn http_status(self) -> StatusCode {
        match self {
            GrpcCode::Ok => StatusCode::Ok,
            GrpcCode::Cancelled => StatusCode::ClientClosedRequest,
            GrpcCode::Unknown | GrpcCode::Internal | GrpcCode::DataLoss => {
                StatusCode::InternalServerError
            }
            GrpcCode::InvalidArgument | GrpcCode::FailedPrecondition | GrpcCode::OutOfRange => {
                StatusCode::BadRequest
            }
            GrpcCode::DeadlineExceeded => StatusCode::GatewayTimeout,
            GrpcCode::NotFound => StatusCode::NotFound,
            GrpcCode::AlreadyExists | GrpcCode::Aborted => StatusCode::Conflict,
            GrpcCode::PermissionDenied => StatusCode::Forbidden,
            GrpcCode::ResourceExhausted => StatusCode::TooManyRequests,
            GrpcCode::Unimplemented => StatusCode::NotImplemented,
            GrpcCode::Unavailable => StatusCode::ServiceUnavailable,
            GrpcCode::Unauthenticated => StatusCode::Unauthorized,
        }
    }

    /// The gRPC code for an HTTP status: the spec's `grpc` mapping, and
    /// `UNKNOWN` for a status the spec maps to none.
    ///
    /// ```
    /// use status_core::{GrpcCode, StatusCode};
    ///
    /// assert_eq!(GrpcCode::from_status(StatusCode::TooManyRequests), GrpcCode::ResourceExhausted);
    /// assert_eq!(GrpcCode::from_status(StatusCode::ImATeapot), GrpcCode::Unknown);
    /// ```
    #[must_use]
    pub const fn from_status(status: StatusCode) -> GrpcCode {
        match status.grpc_code() {
            Some(code) => code,
            None => GrpcCode::Unknown,
        }
    }
}

impl core::fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::GrpcCode;
    use crate::StatusCode;

    #[test]
    fn numbers_round_trip() {
        for code in GrpcCode::ALL {
            assert_eq!(GrpcCode::from_i32(code.as_i32()), Some(code));
        }
        assert_eq!(GrpcCode::from_i32(-1), None);
        assert_eq!(GrpcCode::from_i32(17), None);
    }

    /// The spec's per-status mapping and code.proto's per-code mapping agree:
    /// every status the spec maps to a code is that code's HTTP status.
    #[test]
    fn both_directions_agree() {
        for status in StatusCode::ALL.iter().copied() {
            if let Some(code) = status.grpc_code() {
                assert_eq!(code.http_status(), status, "{status} maps to {code}");
            }
        }
        for code in GrpcCode::ALL {
            let status = code.http_status();
            assert!(status.grpc_code().is_some(), "{code} -> {status}, unmapped");
        }
    }
}
