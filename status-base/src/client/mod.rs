//! The client side (feature `client`): read the `application/problem+json`
//! errors that a server sends, and its `Retry-After`, into typed values.
//!
//! This is a feature of its own, not part of `http` or `serde`, because it
//! parses JSON: it adds `serde_json` (and `httpdate`, for `Retry-After`'s
//! dates) to the build. Servers only *write*
//! problem bodies (the derive renders them without a JSON library), so they
//! do not pay for a JSON parser unless they also call other services.
//!
//! Everything here takes `http` 1.x types, so it works with any client built
//! on them (hyper, reqwest 0.12+, ...), and never panics on what a server
//! sends: every malformed input is an `Err` or a `None`.
//!
//! # Example
//!
//! ```
//! use std::time::{Duration, SystemTime};
//!
//! use status_core::StatusCode;
//! use status_core::client::{RetryAfter, read_problem};
//!
//! let response = http::Response::builder()
//!     .status(429)
//!     .header("content-type", "application/problem+json; charset=utf-8")
//!     .header("retry-after", "30")
//!     .body(r#"{"title":"Too Many Requests","status":429,"code":"rate_limited","quota":100}"#)?;
//!
//! let problem = read_problem(&response)?;
//! assert_eq!(problem.status_code(), Ok(StatusCode::TooManyRequests));
//! assert_eq!(problem.code.as_deref(), Some("rate_limited"));
//! assert_eq!(problem.extensions["quota"], 100);
//!
//! let retry = RetryAfter::from_headers(response.headers());
//! let wait = retry.map(|retry| retry.delay_from(SystemTime::now()));
//! assert_eq!(wait, Some(Duration::from_secs(30)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod date;
mod problem;
mod retry_after;

pub use problem::{
    Problem, ReadProblemError, ReadProblemErrorKind, read_problem, read_problem_parts,
};
pub use retry_after::{InvalidRetryAfter, RetryAfter};
