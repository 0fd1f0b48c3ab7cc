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
//!   are not status codes, with the same shape of API: `from_u16` and
//!   `FromStr` fail with [`InvalidWarningCode`], `Display` writes
//!   `warning_line()` (`110 Response is Stale`), `warn_text()` is the text.
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
//! - [`ProblemDetails::to_xml`] writes the same problem as
//!   `application/problem+xml` (RFC 9457, Appendix B), and [`negotiate`]
//!   chooses between the two from a request's `Accept`; the framework
//!   integrations negotiate every problem they answer with, the errors
//!   handlers return included, and add `Vary: Accept`.
//!   [`ErrorResponse::from_error_as`] renders either format for any server.
//!
//! # Features
//!
//! | Feature | What it adds | Default |
//! |---|---|---|
//! | `std` | `std` support in optional dependencies; without it the crate is `#![no_std]` (with `alloc`) | yes |
//! | `http` | `From<StatusCode> for http::StatusCode` and `TryFrom` back (http 1.x); `HttpError::to_http_response`, an `http::Response<String>` that hyper, tower and any `http`-based server can send | no |
//! | `serde` | status codes serialize as the number; deserializing an unknown code fails, naming it; [`ProblemDetails`] is `Serialize` | no |
//! | `axum` | derived errors implement `axum_core::response::IntoResponse` (axum 0.8 / axum-core 0.5), and so does [`StatusCode`], with an empty body; [`status_core::axum`](crate::axum): the `Json`, `Query` and `Form` extractors whose rejections are [`FrameworkError`] problems, and `ProblemLayer`, which makes every other error of the router a problem, catches panics and times out stalled bodies and slow handlers | no |
//! | `axum-path` | `status_core::axum::Path`, the path extractor; its own feature because it needs the `axum` crate, not only `axum-core` | no |
//! | `actix-web` | derived errors implement `actix_web::ResponseError` (actix-web 4), `status_code()` and `error_response()` always agreeing; [`StatusCode`] implements `Responder` (empty body) and converts to and from `actix_web::http::StatusCode`; [`status_core::actix_web`](crate::actix_web): the `Problems` middleware (actix's own errors, panics, timeouts as problems) and `Json`, `Query`, `Path`, `Form` extractors; with `http`, `conformance::ActixConformance`, the conformance guard as a middleware | no |
//! | `utoipa` | derived errors implement `utoipa::IntoResponses` from their [`ErrorCatalog`]; [`ProblemDetails`] implements `ToSchema` (utoipa 6) | no |
//! | `poem` | derived errors implement `poem::error::ResponseError` (poem 3), `status()` and `as_response()` always agreeing, and `?` into `poem::Error` keeps the problem+json response; [`StatusCode`] implements `poem::IntoResponse`, with an empty body; [`status_core::poem`](crate::poem): the `Problems` middleware, `Json`, `Query`, `Path`, `Form` extractors, and method routes whose 405 carries `Allow` | no |
//! | `custom-spec` | [`status_codes!`] with a spec of your own (`path = "..."` or `inline = "..."`, alone or with `extend_builtin`): the macro reads and checks the TOML at compile time, reporting each problem with file, line and column. The built-in registry and `#[derive(HttpError)]` need no feature: their registry is compiled into status-macros, already checked, so no TOML reader is built | no |
//! | `client` | [`client::read_problem`] reads a received response into a typed [`client::Problem`] (RFC 9457 members, extensions, raw status); [`client::RetryAfter`] parses `Retry-After` seconds and HTTP-dates. Adds `serde_json` and `httpdate`, so servers that only send errors do not pay for a JSON parser | no |
//! | `tracing` | 5xx source chains and dropped header values are logged; every error response records `http.response.status_code` and `error.type` on the current span (OpenTelemetry HTTP semantic conventions), and `otel.status_code = "ERROR"` for 5xx only | no |
//! | `tower` | `conformance::ConformanceLayer`, a tower layer that checks every response against the registry's rules and logs each violation (or, `strict()`, answers 500 listing them); implies `http` and `tracing` | no |
//! | `validator` | [`Violation::from_validator`]: one [`Violation`] per failing check of a `validator::ValidationErrors` (validator 0.20), nested structs and list items as JSON Pointers (`#/items/2/name`), the check's message or a sentence from its code as `detail` | no |
//! | `garde` | [`Violation::from_garde`]: one [`Violation`] per error of a `garde::Report` (garde 0.22), nested structs, list items and map keys as JSON Pointers, garde's message as `detail`; adds `serde_json` to read garde's paths | no |
//! | `tonic` | derived errors convert into `tonic::Status` (tonic 0.14) with the spec's gRPC code for their status (or the variant's `grpc = ...`), the message a problem's `detail` would show (a 5xx masked), and AIP-193 `ErrorInfo`, `Help`, `RetryInfo` and `BadRequest` details (tonic-types); `tonic::Code` converts to and from [`StatusCode`] and [`GrpcCode`]; [`status_core::tonic::to_status`](crate::tonic::to_status) for any `HttpError` | no |

#![no_std]

pub use status_base::*;

#[doc = include_str!("../docs/derive.md")]
pub use status_macros::HttpError;

/// Generates a status-code enum, with the whole API of [`StatusCode`], from a
/// TOML registry.
///
/// With no arguments it expands the built-in registry: [`StatusCode`],
/// [`codes`] and [`WarningCode`] are that expansion. Point it at your own file
/// (or an inline spec) to get your own enum; that takes feature
/// `custom-spec`, which reads the TOML:
///
#[cfg_attr(feature = "custom-spec", doc = "```")]
#[cfg_attr(not(feature = "custom-spec"), doc = "```ignore")]
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
/// - `codes_module = ident`: the module of per-code types (default: the enum's
///   name in snake case, `api_status` for `ApiStatus`).
/// - `warning_name = Ident`: the name of the Warning-code enum, generated when
///   the spec has `[[warning]]` tables (default `WarningCode`).
/// - `crate = path`: where `status_core` is, if you re-export or rename it.
///
/// Without `path` or `inline` the enum has the built-in registry's codes:
/// `status_codes!(name = MyStatus)` is [`StatusCode`] under your own name.
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
/// # Per-code types
///
/// Next to the enum comes a module of zero-sized types, one per code, as
/// [`codes`] is for [`StatusCode`]. Each implements [`Status<YourEnum>`](Status)
/// and exactly one class trait with the same parameter, such as
/// [`ClientError<YourEnum>`](ClientError), so an API can demand a class of
/// your codes at compile time:
///
#[cfg_attr(feature = "custom-spec", doc = "```")]
#[cfg_attr(not(feature = "custom-spec"), doc = "```ignore")]
/// use status_core::{ClientError, Status};
///
/// status_core::status_codes!(name = ApiStatus, inline = r#"
///     [[code]]
///     code = 477
///     name = "QuotaExhausted"
///     phrase = "Quota Exhausted"
///     source = "Example Corp"
///     status = "unofficial"
///     reference = "https://example.com/docs/status#477"
///     description = "The caller has used up its quota."
/// "#);
///
/// fn reject<S: ClientError<ApiStatus>>(_status: S) -> ApiStatus {
///     S::STATUS
/// }
///
/// assert_eq!(reject(api_status::QuotaExhausted), ApiStatus::QuotaExhausted);
/// assert_eq!(ApiStatus::from(api_status::QuotaExhausted), ApiStatus::QuotaExhausted);
/// ```
///
/// The module is named after the enum, so a module may call the macro once
/// per enum without the types colliding; give `codes_module` when that name
/// is taken (or when two enum names differ only in case, such as `APIStatus`
/// and `ApiStatus`).
///
/// # With `extend_builtin`
///
/// The enum has every built-in code, so it converts both ways with
/// [`StatusCode`]: `From<StatusCode>`, and `TryFrom<YourEnum> for StatusCode`,
/// which is an `Err` ([`InvalidStatusCode`]) for the codes only your enum has.
///
#[cfg_attr(feature = "custom-spec", doc = "```")]
#[cfg_attr(not(feature = "custom-spec"), doc = "```ignore")]
/// # status_core::status_codes!(name = ApiStatus, extend_builtin, inline = r#"
/// #     [[code]]
/// #     code = 299
/// #     name = "PartiallyStale"
/// #     phrase = "Partially Stale"
/// #     source = "Example Corp"
/// #     status = "unofficial"
/// #     reference = "https://example.com/docs/status#299"
/// #     description = "Some of the returned items come from a stale cache."
/// # "#);
/// use status_core::StatusCode;
///
/// assert_eq!(ApiStatus::from(StatusCode::NotFound), ApiStatus::NotFound);
/// assert_eq!(StatusCode::try_from(ApiStatus::NotFound), Ok(StatusCode::NotFound));
/// assert!(StatusCode::try_from(ApiStatus::PartiallyStale).is_err());
/// ```
pub use status_macros::status_codes;
