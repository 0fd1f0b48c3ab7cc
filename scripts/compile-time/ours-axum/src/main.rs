//! Compile-time benchmark app, status-core flavour in axum: `ours`'s enum,
//! whose `IntoResponse` is the derive's (feature `axum`).

// Not every variant is answered here; the enum is the same as in `main.rs`.
#[allow(dead_code)]
#[path = "../../ours/src/error.rs"]
mod error;

use error::ApiError;

include!("../../axum_app.rs");
