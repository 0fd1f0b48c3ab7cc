//! Everything of [status-core](https://docs.rs/status-core) but its two
//! macros: the built-in `StatusCode`, the `HttpError` trait, problems and
//! the framework integrations. Depend on `status-core`, which re-exports all
//! of this together with `#[derive(HttpError)]` and `status_codes!`.
//!
//! Its own crate for compile time: it does not call a proc-macro (the
//! built-in registry and `FrameworkErrorKind`'s derived impls are checked in
//! as their expansions, kept current by a test in status-macros), so it
//! compiles while `syn` and status-macros do, instead of after them. See
//! `docs/PERFORMANCE.md`.

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
mod builtin;
mod catalog;
mod class;
#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod client;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod conformance;
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
mod decode;
mod error;
mod extension;
mod external;
mod framework;
mod grpc;
mod headers;
mod invalid;
mod log;
pub mod negotiate;
mod private_helpers;
mod problem;
mod registration;
#[cfg(any(feature = "http", feature = "actix-web"))]
mod render;
mod status_code;
mod violation;
mod warning_code;

pub use builtin::{StatusCode, WarningCode, codes};
pub use catalog::{CatalogEntry, CatalogHeader, CatalogMember, ErrorCatalog, JsonType};
#[doc(hidden)]
pub use class::Nonstandard;
pub use class::{
    ClientError, Informational, Redirection, ServerError, Status, StatusClass, Success,
};
pub use error::{ErrorResponse, HttpError, LogLevel};
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use extension::SerializeError;
pub use extension::{Extension, ExtensionNumber, ExtensionValue, InvalidExtension};
#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use external::actix_web_problems as actix_web;
#[cfg(feature = "poem")]
#[cfg_attr(docsrs, doc(cfg(feature = "poem")))]
pub use external::poem_problems as poem;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub use external::tonic;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use external::utoipa::{error_responses, problem_schema};
pub use framework::{FrameworkError, FrameworkErrorKind};
pub use grpc::GrpcCode;
pub use headers::{Headers, InvalidHeader};
pub use invalid::{InvalidStatusCode, InvalidWarningCode};
pub use negotiate::ProblemFormat;
pub use problem::{PROBLEM_JSON, PROBLEM_XML, PROBLEM_XML_NAMESPACE, ProblemDetails};
pub use registration::{Registration, StatusAlias};
pub use violation::Violation;

// What generated code needs, under a name that carries the crate version (see
// the file). On a version bump, rename it here and in the `$crate::__private_...`
// paths of the hidden `macro_rules!` (`external/`, `status_code/`,
// `warning_code.rs`); a test fails until then.
#[doc(hidden)]
#[path = "private.rs"]
pub mod __private_0_1_0;
