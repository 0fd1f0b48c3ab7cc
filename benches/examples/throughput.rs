//! The end-to-end pair of `scripts/throughput.sh`: one minimal axum service
//! written twice, served on loopback for a load generator.
//!
//! ```text
//! cargo run -p status-benches --release --example throughput -- derive 127.0.0.1:0
//! cargo run -p status-benches --release --example throughput -- hand   127.0.0.1:0
//! ```
//!
//! Three routes, the same on both sides, byte for byte (the script checks
//! before it times anything):
//! - `GET /items/1`: a 200 with a JSON body;
//! - `GET /items/{other number}`: a 404 problem naming the item;
//! - `GET /limited`: a 429 problem with `Retry-After: 1`.
//!
//! `derive` is what a status-core user writes: `#[derive(HttpError)]` and
//! `ProblemLayer` around the router (so the layer's cost on every response,
//! success included, is in the figure). `hand` is the same with `thiserror`,
//! `serde_json` and a hand-written `IntoResponse`, and no layer.

use std::net::SocketAddr;
use std::process::ExitCode;

use axum::Router;
use axum::ServiceExt as _;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::header::{CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderValue, StatusCode};
use tower::Layer as _;

const ITEM: &str = r#"{"id":1,"name":"lamp"}"#;

/// The errors as a status-core user writes them.
#[derive(Debug, thiserror::Error, status_core::HttpError)]
enum Ours {
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    #[error("slow down")]
    #[http(status = 429, code = "rate_limited", retry_after = 1)]
    RateLimited,
}

/// The same errors by hand.
#[derive(Debug, thiserror::Error)]
enum Hand {
    #[error("item {0} not found")]
    ItemNotFound(u64),
    #[error("slow down")]
    RateLimited,
}

/// The problem body in RFC 9457 member order. `serde_json::json!` would
/// sort the keys (without `preserve_order`), so a struct keeps the order,
/// as a careful hand-written service does.
#[derive(serde::Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'static str,
    status: u16,
    detail: &'a str,
    code: &'static str,
}

impl IntoResponse for Hand {
    fn into_response(self) -> Response {
        let (status, code) = match self {
            Hand::ItemNotFound(_) => (StatusCode::NOT_FOUND, "item_not_found"),
            Hand::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
        };
        let detail = self.to_string();
        let problem = Problem {
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or_default(),
            status: status.as_u16(),
            detail: &detail,
            code,
        };
        let Ok(body) = serde_json::to_vec(&problem) else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if matches!(self, Hand::RateLimited) {
            headers.insert(RETRY_AFTER, HeaderValue::from_static("1"));
        }
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

fn item_response() -> Response {
    ([(CONTENT_TYPE, "application/json")], ITEM).into_response()
}

fn derive_router() -> Router {
    Router::new()
        .route(
            "/items/{id}",
            get(|Path(id): Path<u64>| async move {
                if id == 1 {
                    Ok(item_response())
                } else {
                    Err(Ours::ItemNotFound(id))
                }
            }),
        )
        .route(
            "/limited",
            get(|| async { Err::<Response, _>(Ours::RateLimited) }),
        )
}

fn hand_router() -> Router {
    Router::new()
        .route(
            "/items/{id}",
            get(|Path(id): Path<u64>| async move {
                if id == 1 {
                    Ok(item_response())
                } else {
                    Err(Hand::ItemNotFound(id))
                }
            }),
        )
        .route(
            "/limited",
            get(|| async { Err::<Response, _>(Hand::RateLimited) }),
        )
}

const USAGE: &str =
    "usage: throughput (derive|hand) ADDRESS, for example: throughput derive 127.0.0.1:3001";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (router, derive) = match args.next().as_deref() {
        Some("derive") => (derive_router(), true),
        Some("hand") => (hand_router(), false),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(Ok(address)) = args.next().map(|text| text.parse::<SocketAddr>()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("throughput: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(address).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("throughput: cannot listen on {address}: {error}");
                return ExitCode::FAILURE;
            }
        };
        match listener.local_addr() {
            // The script reads the port from this line (ADDRESS may say port 0).
            Ok(bound) => println!("throughput listening on http://{bound}"),
            Err(error) => {
                eprintln!("throughput: no local address: {error}");
                return ExitCode::FAILURE;
            }
        }
        // `ProblemLayer` around the whole router, as its docs say: through
        // `Router::layer` it would wrap, and box again, each route.
        let served = if derive {
            let app = status_core::axum::ProblemLayer::new().layer(router);
            axum::serve(listener, app.into_make_service()).await
        } else {
            axum::serve(listener, router).await
        };
        match served {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("throughput: server stopped: {error}");
                ExitCode::FAILURE
            }
        }
    })
}
