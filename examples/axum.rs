//! The README's handler example, runnable: `cargo run --example axum`.
//!
//! Builds an axum router whose handler returns a derived error, sends it two
//! requests in-process, and prints the responses.

use axum::body::{Body, to_bytes};
use axum::http::Request;
use axum::{Router, extract::Path, routing::get};
use status_core::HttpError;
use tower::ServiceExt as _;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    #[error("slow down")]
    #[http(status = 429, retry_after = 60)]
    RateLimited,
    #[error("database unavailable")]
    #[http(status = 503)] // detail hidden from clients, source chain logged
    Db(#[source] std::io::Error),
}

async fn item(Path(id): Path<u64>) -> Result<String, ApiError> {
    match id {
        0 => Err(ApiError::RateLimited),
        1 => Err(ApiError::Db(std::io::Error::other(
            "connection refused by 10.0.0.7:5432",
        ))),
        _ => Err(ApiError::ItemNotFound(id)),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let app: Router = Router::new().route("/items/{id}", get(item));
    for uri in ["/items/7", "/items/0", "/items/1"] {
        let response = app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty())?)
            .await?;
        println!("GET {uri}\n{:?} {}", response.version(), response.status());
        for (name, value) in response.headers() {
            println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
        }
        let body = to_bytes(response.into_body(), 64 * 1024).await?;
        println!("\n{}\n", String::from_utf8_lossy(&body));
    }
    Ok(())
}
