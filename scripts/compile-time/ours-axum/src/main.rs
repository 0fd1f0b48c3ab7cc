//! Compile-time benchmark app, status-core flavour in axum: `ours`'s enum,
//! whose `IntoResponse` is the derive's (feature `axum`).

#[path = "../../ours/src/error.rs"]
mod error;

use error::ApiError;

include!("../../axum_app.rs");
