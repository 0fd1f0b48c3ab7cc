//! The README's handler example, runnable: `cargo run --example axum`.
//!
//! Builds an axum router whose handler returns a derived error, wraps it in
//! status-core's `ProblemLayer`, sends it requests in-process (the handler's
//! own errors, then a bad path parameter, a wrong method and an unknown path,
//! which the framework answers), and prints the responses.

use axum::body::{Body, to_bytes};
use axum::http::{Method, Request};
use axum::{Router, routing::get};
use status_core::HttpError;
use status_core::axum::{Path, ProblemLayer};
use tower::{Layer as _, ServiceExt as _};

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
    let router: Router = Router::new().route("/items/{id}", get(item));
    let app = ProblemLayer::new().layer(router);
    let requests = [
        (Method::GET, "/items/7"),
        (Method::GET, "/items/0"),
        (Method::GET, "/items/1"),
        (Method::GET, "/items/abc"),
        (Method::DELETE, "/items/7"),
        (Method::GET, "/nope"),
    ];
    for (method, uri) in requests {
        let request = Request::builder()
            .method(method.clone())
            .uri(uri)
            .body(Body::empty())?;
        let response = app.clone().oneshot(request).await?;
        println!(
            "{method} {uri}\n{:?} {}",
            response.version(),
            response.status()
        );
        for (name, value) in response.headers() {
            println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
        }
        let body = to_bytes(response.into_body(), 64 * 1024).await?;
        println!("\n{}\n", String::from_utf8_lossy(&body));
    }
    Ok(())
}
