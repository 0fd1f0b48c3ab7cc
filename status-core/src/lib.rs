//! HTTP status codes you can trust, generated at compile time from one TOML
//! registry (`spec/status-codes.toml`): every IANA-registered code with its
//! RFC 9110 phrase and reference, the codes that nginx, Cloudflare, IIS, AWS
//! and others send in the wild, and the rules the RFCs attach to each code.
//!
//! # Example
//!
//! ```
//! use status_core::{StatusClass, StatusCode};
//!
//! let status: StatusCode = "413".parse()?;
//! assert_eq!(status, StatusCode::ContentTooLarge);
//! assert_eq!(status.to_string(), "413 Content Too Large");
//! assert_eq!(status.reference(), "RFC 9110, Section 15.5.14");
//! assert_eq!(status.class(), StatusClass::ClientError);
//! assert_eq!(status.optional_headers(), ["Retry-After"]);
//!
//! // Unknown codes are an `Err`, never a panic or a silent fallback.
//! assert!(StatusCode::from_u16(299).is_err());
//! # Ok::<(), status_core::InvalidStatusCode>(())
//! ```
//!
//! Errors become correct HTTP responses with one derive:
//!
//! ```
//! use status_core::HttpError;
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum ApiError {
//!     #[error("item {0} not found")]
//!     #[http(status = NotFound, code = "item_not_found")]
//!     ItemNotFound(u64),
//!     #[error("slow down")]
//!     #[http(status = 429, retry_after = 60)]
//!     RateLimited,
//! }
//!
//! let response = ApiError::ItemNotFound(7).error_response();
//! assert_eq!(response.status.as_u16(), 404);
//! assert_eq!(response.content_type(), Some("application/problem+json"));
//! ```
//!
//! # Details
//!
//! - [`StatusCode`] is a `#[repr(u16)]` enum with one documented variant per
//!   registry entry. It is two bytes, and so is `Option<StatusCode>`. Lookups
//!   (`from_u16`, `reason_phrase`, ...) are `const fn`s: `from_u16` is one load
//!   from a table built at compile time, the others are generated `match`es.
//! - `Display` writes the status line, `404 Not Found`; `FromStr` parses exactly
//!   three digits; `TryFrom<u16>` and `From<StatusCode> for u16` convert numbers.
//! - Older phrases are kept as aliases: `StatusCode::PayloadTooLarge` is
//!   `StatusCode::ContentTooLarge`, and [`StatusCode::aliases`] lists them.
//! - Deprecated codes (305, 510) carry `#[deprecated]`, so using them warns.
//! - [`codes`] has a zero-sized type per code implementing [`Status`] and one
//!   class trait, so an API can demand, say, a [`Redirection`] at compile time.
//! - [`WarningCode`] holds the Warning-header codes (110, 199, 299, ...), which
//!   are not status codes.
//! - [`status_codes!`] generates an enum like [`StatusCode`] from your own TOML
//!   file, alone or on top of the built-in registry.
//! - [`derive@HttpError`] turns an error enum into RFC 9457 problem+json
//!   responses ([`ProblemDetails`]) with the headers each status needs, checked
//!   at compile time. 5xx details stay hidden unless a variant opts in.
//! - [`ErrorCatalog`]: each derived type also lists its errors as data (status,
//!   code, title, type URI, headers, doc comment), for error pages, OpenAPI
//!   (feature `utoipa`) and clients (feature `client`).
//! - [`FrameworkError`]: the errors a web framework makes on its own (a body
//!   that is not JSON or does not fit, a bad path or query parameter, an
//!   unknown route or method, a body too large or too slow, a slow handler, a
//!   panic) as problems with stable codes, listed in [`FrameworkErrorKind`]'s
//!   catalog. A 422 names each failing member as a [`Violation`] in the
//!   problem's `errors` (RFC 9457 Section 3). The `axum`, `actix-web` and
//!   `poem` features answer with them out of the box.
//!
//! # Features
//!
//! | Feature | What it adds | Default |
//! |---|---|---|
//! | `std` | `std` support in optional dependencies; without it the crate is `#![no_std]` (with `alloc`) | yes |
//! | `http` | `From<StatusCode> for http::StatusCode` and `TryFrom` back (http 1.x); `HttpError::to_http_response`, an `http::Response<String>` that hyper, tower and any `http`-based server can send | no |
//! | `serde` | status codes serialize as the number; deserializing an unknown code fails, naming it; [`ProblemDetails`] is `Serialize` | no |
//! | `axum` | derived errors implement `axum_core::response::IntoResponse` (axum 0.8 / axum-core 0.5); [`status_core::axum`](crate::axum): the `Json`, `Query` and `Form` extractors whose rejections are [`FrameworkError`] problems, and `ProblemLayer`, which makes every other error of the router a problem, catches panics and times out stalled bodies and slow handlers | no |
//! | `axum-path` | `status_core::axum::Path`, the path extractor; its own feature because it needs the `axum` crate, not only `axum-core` | no |
//! | `actix-web` | derived errors implement `actix_web::ResponseError` (actix-web 4); `status_code()` and `error_response()` always agree; [`status_core::actix_web`](crate::actix_web): the `Problems` middleware (actix's own errors, panics, timeouts as problems) and `Json`, `Query`, `Path`, `Form` extractors | no |
//! | `utoipa` | derived errors implement `utoipa::IntoResponses` from their [`ErrorCatalog`]; [`ProblemDetails`] implements `ToSchema` (utoipa 6) | no |
//! | `poem` | derived errors implement `poem::error::ResponseError` (poem 3); `status()` and `as_response()` always agree, and `?` into `poem::Error` keeps the problem+json response; [`status_core::poem`](crate::poem): the `Problems` middleware, `Json`, `Query`, `Path`, `Form` extractors, and method routes whose 405 carries `Allow` | no |
//! | `client` | [`client::read_problem`] reads a received response into a typed [`client::Problem`] (RFC 9457 members, extensions, raw status); [`client::RetryAfter`] parses `Retry-After` seconds and HTTP-dates. Adds `serde_json`, so servers that only send errors do not pay for a JSON parser | no |
//! | `tracing` | 5xx source chains and dropped header values are logged | no |

#![cfg_attr(not(test), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;
#[cfg(all(feature = "std", not(test)))]
extern crate std;

// Lets generated `::status_core::...` paths resolve inside this crate too.
extern crate self as status_core;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
mod catalog;
mod class;
#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod client;
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
mod decode;
mod error;
mod external;
mod framework;
mod headers;
mod invalid;
mod log;
mod private_helpers;
mod problem;
mod registration;
mod violation;

pub use catalog::{CatalogEntry, CatalogHeader, ErrorCatalog};
pub use class::{
    ClientError, Informational, Redirection, ServerError, Status, StatusClass, Success,
};
pub use error::{ErrorResponse, HttpError};
#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use external::actix_web_problems as actix_web;
#[cfg(feature = "poem")]
#[cfg_attr(docsrs, doc(cfg(feature = "poem")))]
pub use external::poem_problems as poem;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use external::utoipa::error_responses;
pub use framework::{FrameworkError, FrameworkErrorKind};
pub use headers::{Headers, InvalidHeader};
pub use invalid::InvalidStatusCode;
pub use problem::{PROBLEM_JSON, ProblemDetails};
pub use registration::{Registration, StatusAlias};
pub use violation::Violation;

#[doc = include_str!("../docs/derive.md")]
pub use status_macros::HttpError;

/// Generates a status-code enum, with the whole API of [`StatusCode`], from a
/// TOML registry.
///
/// With no arguments it expands the built-in registry; this is how
/// [`StatusCode`], [`codes`] and [`WarningCode`] are defined. Point it at your
/// own file to get your own enum:
///
/// ```
/// status_core::status_codes!(
///     /// Our API's status codes: the registry plus our own.
///     name = ApiStatus,
///     extend_builtin,
///     inline = r#"
///         [[code]]
///         code = 299
///         name = "PartiallyStale"
///         phrase = "Partially Stale"
///         source = "Example Corp"
///         status = "unofficial"
///         reference = "https://example.com/docs/status#299"
///         description = "Some of the returned items come from a stale cache."
///     "#
/// );
///
/// assert_eq!(ApiStatus::PartiallyStale.to_string(), "299 Partially Stale");
/// assert_eq!(ApiStatus::from_u16(404), Ok(ApiStatus::NotFound));
/// ```
///
/// # Arguments
///
/// Comma-separated, in any order, after optional outer attributes (doc
/// comments, `#[derive]`s) that are placed on the enum:
///
/// - `path = "codes.toml"`: a spec file, relative to your crate's `Cargo.toml`.
///   Editing it rebuilds your crate.
/// - `inline = "..."`: the spec written in the call.
/// - `extend_builtin`: add the file's codes to the built-in registry. They must
///   not reuse a built-in code or name.
/// - `name = Ident`: the enum's name (default `StatusCode`).
/// - `warning_name = Ident`: the name of the Warning-code enum, generated when
///   the spec has `[[warning]]` tables (default `WarningCode`).
/// - `crate = path`: where `status_core` is, if you re-export or rename it.
///
/// The file format is documented in `spec/README.md`. Every problem in a spec
/// is a compile error naming `file:line:col`, all of them in one compile:
///
/// ```compile_fail
/// status_core::status_codes!(name = Mine, inline = r#"
///     [[code]]
///     code = 1000
///     name = "too_big"
/// "#);
/// ```
///
/// Per-code types (the [`codes`] module) are generated for the built-in
/// registry only, and `status_codes!()` without a spec is how this crate
/// defines [`StatusCode`]: the per-code types implement the sealed
/// [`Status`] trait, which only this crate can do.
pub use status_macros::status_codes;

status_codes!(
    /// An HTTP status code from the registry: every IANA-registered code, the
    /// unofficial codes common in the wild, each with its phrase, reference and
    /// protocol rules.
    ///
    /// ```
    /// use status_core::StatusCode;
    ///
    /// assert_eq!(StatusCode::NotFound.as_u16(), 404);
    /// assert_eq!(StatusCode::NotFound.to_string(), "404 Not Found");
    /// assert_eq!("404".parse::<StatusCode>(), Ok(StatusCode::NotFound));
    /// assert_eq!(u16::from(StatusCode::ImATeapot), 418);
    /// assert_eq!(size_of::<Option<StatusCode>>(), 2);
    /// ```
    ///
    /// The enum is `#[non_exhaustive]`: registries grow, and a new code is not
    /// a breaking change.
);

/// Seals [`Status`]: the module is private, so only code inside this crate
/// (the per-code types that `status_codes!()` expands here) can name `Sealed`.
mod sealed {
    #[allow(unreachable_pub)] // public in a private module: nameable here only
    pub trait Sealed {}
}

#[doc(hidden)]
pub mod __private {
    //! What generated code needs. Not public API: it may change in any release.

    pub use crate::invalid::parse_code;
    pub use crate::private_helpers::{RetryAfter, insert_display, insert_retry_after};

    #[cfg(feature = "http")]
    pub use {crate::external::http::to_http, ::http};

    #[cfg(feature = "serde")]
    pub use ::serde;

    #[cfg(feature = "axum")]
    pub use {crate::external::axum::into_axum_response, ::axum_core};

    #[cfg(feature = "actix-web")]
    pub use {
        crate::external::actix_web::{actix_error_response, actix_status_code},
        ::actix_web,
    };

    #[cfg(feature = "poem")]
    pub use {
        crate::external::poem::{poem_response, poem_status},
        ::poem,
    };

    #[cfg(feature = "utoipa")]
    pub use {
        crate::external::utoipa::catalog_responses, ::std::collections::BTreeMap,
        ::std::string::String, ::utoipa,
    };

    /// The error for a number the spec has no entry for. Cold and out of
    /// line, so that `from_u16`'s hit path stays a compare and a load.
    #[must_use]
    #[cold]
    #[inline(never)]
    pub const fn unknown_code(code: u16) -> crate::InvalidStatusCode {
        crate::InvalidStatusCode::unknown(code)
    }
}
