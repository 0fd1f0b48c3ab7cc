//! A `#[derive(HttpError)]` enum against a hand-written `thiserror` enum with
//! its own `IntoResponse`: the same two errors become the same axum
//! responses, byte for byte, and the time to build each response and collect
//! its body is compared.
//!
//! `cargo bench -p status-benches --bench response`

use std::hint::black_box;

use axum::body::{Body, Bytes, to_bytes};
use axum_core::response::{IntoResponse, Response};
use http::header::{CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderValue, StatusCode};
use serde_json::{Value, json};
use tokio::runtime::Runtime;

mod ratio;

/// The errors as a status-core user writes them.
#[derive(Debug, thiserror::Error, status_core::HttpError)]
enum Ours {
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    #[error("slow down")]
    #[http(status = 429, retry_after = 60)]
    RateLimited,
}

/// The same errors written by hand: `thiserror` for the message, `serde_json`
/// for the problem+json body, `http` for the status and headers.
#[derive(Debug, thiserror::Error)]
enum Peer {
    #[error("item {0} not found")]
    ItemNotFound(u64),
    #[error("slow down")]
    RateLimited,
}

/// JSON object members in the order given. `json!({...})` builds a
/// `serde_json::Map`, which sorts its keys unless `serde_json`'s
/// `preserve_order` feature is on; enabling that here would switch it on for
/// every crate of the workspace built alongside (feature unification), so
/// the hand-written side keeps RFC 9457 order itself.
struct Members<'a>(&'a [(&'static str, Value)]);

impl serde::Serialize for Members<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, value)| (name, value)))
    }
}

impl IntoResponse for Peer {
    fn into_response(self) -> Response {
        let (status, code) = match self {
            Peer::ItemNotFound(_) => (StatusCode::NOT_FOUND, "item_not_found"),
            Peer::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
        };
        let members = [
            ("type", json!("about:blank")),
            (
                "title",
                json!(status.canonical_reason().unwrap_or_default()),
            ),
            ("status", json!(status.as_u16())),
            ("detail", json!(self.to_string())),
            ("code", json!(code)),
        ];
        let body = serde_json::to_vec(&Members(&members)).expect("a JSON value serializes");
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if matches!(self, Peer::RateLimited) {
            headers.insert(RETRY_AFTER, HeaderValue::from_static("60"));
        }
        response
    }
}

/// What a client would see: status, headers in order, body bytes.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    status: StatusCode,
    version: http::Version,
    headers: Vec<(String, Vec<u8>)>,
    body: Bytes,
}

fn seen(runtime: &Runtime, response: Response) -> Seen {
    let (parts, body) = response.into_parts();
    let body = runtime
        .block_on(to_bytes(body, usize::MAX))
        .expect("an in-memory body collects");
    Seen {
        status: parts.status,
        version: parts.version,
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
            .collect(),
        body,
    }
}

/// Setup check, not a timing assertion: both sides must answer identically.
fn check(runtime: &Runtime) {
    let pairs = [
        (Ours::ItemNotFound(7), Peer::ItemNotFound(7)),
        (Ours::RateLimited, Peer::RateLimited),
    ];
    for (ours, peer) in pairs {
        let label = format!("{ours:?}");
        let ours = seen(runtime, ours.into_response());
        let peer = seen(runtime, peer.into_response());
        assert_eq!(
            ours, peer,
            "{label}: the derived and the hand-written responses differ"
        );
        assert!(
            ours.headers
                .iter()
                .any(|(name, value)| name == "content-type" && value == b"application/problem+json"),
            "{label}: {ours:?}"
        );
    }
}

/// One iteration: both errors become responses whose bodies are collected,
/// inside one `block_on` of the runtime built once.
fn respond_ours(runtime: &Runtime, id: u64) {
    runtime.block_on(async {
        for error in [Ours::ItemNotFound(black_box(id)), Ours::RateLimited] {
            let (parts, body) = black_box(error).into_response().into_parts();
            black_box(parts);
            black_box(to_bytes(body, usize::MAX).await.expect("in-memory body"));
        }
    });
}

fn respond_peer(runtime: &Runtime, id: u64) {
    runtime.block_on(async {
        for error in [Peer::ItemNotFound(black_box(id)), Peer::RateLimited] {
            let (parts, body) = black_box(error).into_response().into_parts();
            black_box(parts);
            black_box(to_bytes(body, usize::MAX).await.expect("in-memory body"));
        }
    });
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime starts");
    check(&runtime);

    let mut criterion = ratio::criterion();
    let mut group = criterion.benchmark_group("response");
    group.bench_function("ours", |b| b.iter(|| respond_ours(&runtime, 12_345)));
    group.bench_function("http", |b| b.iter(|| respond_peer(&runtime, 12_345)));
    group.finish();
    criterion.final_summary();

    if ratio::benchmarking() {
        let ratios = [ratio::measure(
            "response",
            1.0,
            || respond_ours(&runtime, 12_345),
            || respond_peer(&runtime, 12_345),
        )];
        ratio::print_table(
            "response (one iteration = a 404 and a 429 into axum responses, bodies collected; \
             peer = thiserror + hand-written IntoResponse + serde_json)",
            &ratios,
        );
    }
}
