//! Compile-time benchmark app, hand-written flavour in axum: `peer`'s enum,
//! answered through a hand-written `IntoResponse` over its `to_response`.

// Not every variant is answered here; the enum is the same as in `main.rs`.
#[allow(dead_code)]
#[path = "../../peer/src/error.rs"]
mod error;

use error::ApiError;

impl axum::response::IntoResponse for ApiError {
    fn into_response(self) -> axum::response::Response {
        self.to_response().map(axum::body::Body::from)
    }
}

include!("../../axum_app.rs");
