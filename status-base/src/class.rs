//! Status classes, at run time ([`StatusClass`]) and at compile time (the class traits).

use crate::StatusCode;

/// The class of a status code, given by its first digit (RFC 9110, Section 15).
///
/// ```
/// use status_core::{StatusClass, StatusCode};
///
/// assert_eq!(StatusCode::BadGateway.class(), StatusClass::ServerError);
/// assert_eq!(StatusClass::from_code(302), StatusClass::Redirection);
/// assert_eq!(StatusClass::ClientError.to_string(), "4xx Client Error");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusClass {
    /// 1xx: the request was received and processing continues.
    Informational,
    /// 2xx: the request was received, understood and accepted.
    Success,
    /// 3xx: further action is needed to complete the request.
    Redirection,
    /// 4xx: the request contains an error on the client's side.
    ClientError,
    /// 5xx: the server failed to fulfil a valid request.
    ServerError,
    /// Outside 100–599, which RFC 9110 does not define (such as LinkedIn's 999).
    Nonstandard,
}

impl StatusClass {
    /// The class of any number, by its first digit.
    #[must_use]
    pub const fn from_code(code: u16) -> StatusClass {
        match code {
            100..=199 => StatusClass::Informational,
            200..=299 => StatusClass::Success,
            300..=399 => StatusClass::Redirection,
            400..=499 => StatusClass::ClientError,
            500..=599 => StatusClass::ServerError,
            _ => StatusClass::Nonstandard,
        }
    }

    /// The class written as RFC 9110 does, such as `"4xx"`; `"nxx"` for [`StatusClass::Nonstandard`].
    #[must_use]
    pub const fn digits(self) -> &'static str {
        match self {
            StatusClass::Informational => "1xx",
            StatusClass::Success => "2xx",
            StatusClass::Redirection => "3xx",
            StatusClass::ClientError => "4xx",
            StatusClass::ServerError => "5xx",
            StatusClass::Nonstandard => "nxx",
        }
    }

    /// The class name, such as `"Client Error"`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            StatusClass::Informational => "Informational",
            StatusClass::Success => "Successful",
            StatusClass::Redirection => "Redirection",
            StatusClass::ClientError => "Client Error",
            StatusClass::ServerError => "Server Error",
            StatusClass::Nonstandard => "Nonstandard",
        }
    }
}

impl core::fmt::Display for StatusClass {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}", self.digits(), self.name())
    }
}

/// A type that stands for one status code: the zero-sized types in [`codes`](crate::codes),
/// or those `status_codes!` generates for your own enum `C`.
///
/// Together with the class traits it lets an API demand a class at compile time:
///
/// ```
/// use status_core::{Redirection, Status, StatusCode, codes};
///
/// fn redirect<S: Redirection>(_status: S, location: &str) -> (StatusCode, String) {
///     (S::STATUS, location.to_owned())
/// }
///
/// let (status, _) = redirect(codes::SeeOther, "/items/7");
/// assert_eq!(status, StatusCode::SeeOther);
/// ```
///
/// A 4xx type is not a redirect, so this does not compile:
///
/// ```compile_fail
/// # use status_core::{Redirection, codes};
/// fn redirect<S: Redirection>(_status: S) {}
/// redirect(codes::NotFound);
/// ```
///
/// `C` is the enum the type's code belongs to; it defaults to [`StatusCode`],
/// so `S: Status` and `S: Redirection` mean the built-in registry. The
/// per-code types of your own enum implement `Status<YourEnum>`, and their
/// class traits take the same parameter:
///
/// ```
/// use status_core::{ClientError, Status};
///
/// status_core::status_codes!(name = ApiStatus, inline = r#"
///     [[code]]
///     code = 477
///     name = "QuotaExhausted"
///     phrase = "Quota Exhausted"
///     source = "Example Corp"
///     status = "unofficial"
///     reference = "https://example.com/status#477"
///     description = "The caller has used up its quota."
/// "#);
///
/// fn reject<S: ClientError<ApiStatus>>(_status: S) -> ApiStatus {
///     S::STATUS
/// }
///
/// assert_eq!(reject(api_status::QuotaExhausted), ApiStatus::QuotaExhausted);
/// ```
///
/// This trait is sealed: only the types that `status_codes!` generates
/// implement it.
pub trait Status<C = StatusCode>: Sealed + Copy + Default + 'static {
    /// The status code this type stands for.
    const STATUS: C;

    /// The status code this type stands for, from a value.
    fn status(self) -> C {
        Self::STATUS
    }
}

/// Implemented by the per-code types of the 1xx class.
pub trait Informational<C = StatusCode>: Status<C> {}
/// Implemented by the per-code types of the 2xx class.
pub trait Success<C = StatusCode>: Status<C> {}
/// Implemented by the per-code types of the 3xx class.
pub trait Redirection<C = StatusCode>: Status<C> {}
/// Implemented by the per-code types of the 4xx class.
pub trait ClientError<C = StatusCode>: Status<C> {}
/// Implemented by the per-code types of the 5xx class.
pub trait ServerError<C = StatusCode>: Status<C> {}

/// The class trait of codes outside 100–599, hidden because no API should
/// demand it. It exists so that every row of a generated enum names a class
/// trait that is also a [`StatusClass`] variant, and one compile-time
/// assertion per row can compare the two (see `status_code/types.rs`).
#[doc(hidden)]
pub trait Nonstandard<C = StatusCode>: Status<C> {}

/// Seals [`Status`]. It is public, and reached through `__private`, only
/// because the per-code types of a user's enum are generated in the user's
/// crate and must implement it; only `status_codes!` output does, and
/// `__private` is not public API.
#[doc(hidden)]
pub trait Sealed {}
