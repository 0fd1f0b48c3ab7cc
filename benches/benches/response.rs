//! A `#[derive(HttpError)]` enum against a hand-written `thiserror` enum with
//! its own `IntoResponse`: the same four errors (a 404 with a field, a 429
//! with `Retry-After`, a 401 with `WWW-Authenticate`, a 409 struct variant)
//! become the same responses, byte for byte, and the time to build each
//! response is compared, for axum and actix-web (bodies collected) and for
//! a plain `http::Response<String>` (hyper, tower).
//!
//! `cargo bench -p status-benches --bench response`
//!
//! The hand-written side is written as a careful user would: a
//! `#[derive(Serialize)]` struct for the body (members in RFC 9457 order,
//! no `serde_json::Value`), `HeaderValue::from_static` and the `http`
//! header constants, and `Cache-Control: no-store` as issue #16 asks of
//! every error. Target: ours at most 0.85 of it (issue #15).

use std::hint::black_box;

use axum::body::{Body, Bytes, to_bytes};
use axum_core::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use http::{HeaderValue, StatusCode};
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
    #[error("login required")]
    #[http(status = Unauthorized, www_authenticate = "Bearer realm=\"api\"")]
    Unauthenticated,
    #[error("item {id} changed: now at version {version}")]
    #[http(status = Conflict, code = "version_conflict")]
    VersionConflict { id: u64, version: u32 },
}

/// The same errors written by hand.
#[derive(Debug, thiserror::Error)]
enum Peer {
    #[error("item {0} not found")]
    ItemNotFound(u64),
    #[error("slow down")]
    RateLimited,
    #[error("login required")]
    Unauthenticated,
    #[error("item {id} changed: now at version {version}")]
    VersionConflict { id: u64, version: u32 },
}

/// The problem body, members in RFC 9457 order.
#[derive(serde::Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'static str,
    status: u16,
    detail: &'a str,
    code: &'static str,
}

impl Peer {
    fn to_http(&self) -> http::Response<String> {
        let (status, code) = match self {
            Peer::ItemNotFound(_) => (StatusCode::NOT_FOUND, "item_not_found"),
            Peer::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
            Peer::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
            Peer::VersionConflict { .. } => (StatusCode::CONFLICT, "version_conflict"),
        };
        let detail = self.to_string();
        let problem = Problem {
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or_default(),
            status: status.as_u16(),
            detail: &detail,
            code,
        };
        let body = serde_json::to_string(&problem).expect("the problem serializes");
        let mut response = http::Response::new(body);
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        match self {
            Peer::RateLimited => {
                headers.insert(RETRY_AFTER, HeaderValue::from_static("60"));
            }
            Peer::Unauthenticated => {
                headers.insert(
                    WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"api\""),
                );
            }
            Peer::ItemNotFound(_) | Peer::VersionConflict { .. } => {}
        }
        // An error is true for the moment it is sent (issue #16).
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

impl IntoResponse for Peer {
    fn into_response(self) -> Response {
        self.to_http().map(Body::from)
    }
}

impl actix_web::ResponseError for Peer {
    fn status_code(&self) -> actix_web::http::StatusCode {
        match self {
            Peer::ItemNotFound(_) => actix_web::http::StatusCode::NOT_FOUND,
            Peer::RateLimited => actix_web::http::StatusCode::TOO_MANY_REQUESTS,
            Peer::Unauthenticated => actix_web::http::StatusCode::UNAUTHORIZED,
            Peer::VersionConflict { .. } => actix_web::http::StatusCode::CONFLICT,
        }
    }

    fn error_response(&self) -> actix_web::HttpResponse {
        use actix_web::http::header;
        let status = self.status_code();
        let code = match self {
            Peer::ItemNotFound(_) => "item_not_found",
            Peer::RateLimited => "rate_limited",
            Peer::Unauthenticated => "unauthenticated",
            Peer::VersionConflict { .. } => "version_conflict",
        };
        let detail = self.to_string();
        let problem = Problem {
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or_default(),
            status: status.as_u16(),
            detail: &detail,
            code,
        };
        let body = serde_json::to_string(&problem).expect("the problem serializes");
        let mut response = actix_web::HttpResponse::build(status);
        match self {
            Peer::RateLimited => {
                response
                    .insert_header((header::RETRY_AFTER, header::HeaderValue::from_static("60")));
            }
            Peer::Unauthenticated => {
                response.insert_header((
                    header::WWW_AUTHENTICATE,
                    header::HeaderValue::from_static("Bearer realm=\"api\""),
                ));
            }
            Peer::ItemNotFound(_) | Peer::VersionConflict { .. } => {}
        }
        response.insert_header((
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        ));
        response.content_type("application/problem+json").body(body)
    }
}

/// What an actix client would see: status, headers sorted by name (actix's
/// header map has no order), body bytes.
fn seen_actix(runtime: &Runtime, response: actix_web::HttpResponse) -> Seen {
    let status = StatusCode::from_u16(response.status().as_u16()).expect("a valid status");
    let mut headers: Vec<(String, Vec<u8>)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect();
    headers.sort();
    let body = runtime
        .block_on(actix_web::body::to_bytes(response.into_body()))
        .unwrap_or_else(|_| panic!("an in-memory body collects"));
    Seen {
        status,
        version: http::Version::HTTP_11,
        headers,
        body,
    }
}

fn ours(id: u64) -> [Ours; 4] {
    [
        Ours::ItemNotFound(id),
        Ours::RateLimited,
        Ours::Unauthenticated,
        Ours::VersionConflict { id, version: 3 },
    ]
}

fn peer(id: u64) -> [Peer; 4] {
    [
        Peer::ItemNotFound(id),
        Peer::RateLimited,
        Peer::Unauthenticated,
        Peer::VersionConflict { id, version: 3 },
    ]
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

/// Setup check, not a timing assertion: both sides must answer identically,
/// through axum and as a plain `http` response.
fn check(runtime: &Runtime) {
    use status_core::HttpError as _;
    for (ours, peer) in ours(7).into_iter().zip(peer(7)) {
        let label = format!("{ours:?}");
        let plain_ours = ours.to_http_response();
        let plain_peer = peer.to_http();
        assert_eq!(
            seen(runtime, plain_ours.map(Body::from)),
            seen(runtime, plain_peer.map(Body::from)),
            "{label}: the derived and the hand-written http responses differ"
        );
        assert_eq!(
            seen_actix(runtime, actix_web::ResponseError::error_response(&ours)),
            seen_actix(runtime, actix_web::ResponseError::error_response(&peer)),
            "{label}: the derived and the hand-written actix-web responses differ"
        );
        let ours = seen(runtime, ours.into_response());
        let peer = seen(runtime, peer.into_response());
        assert_eq!(
            ours, peer,
            "{label}: the derived and the hand-written axum responses differ"
        );
        assert!(
            ours.headers
                .iter()
                .any(|(name, value)| name == "content-type" && value == b"application/problem+json"),
            "{label}: {ours:?}"
        );
    }
}

/// One iteration: the four errors become axum responses whose bodies are
/// collected, inside one `block_on` of the runtime built once.
fn axum_ours(runtime: &Runtime, id: u64) {
    runtime.block_on(async {
        for error in ours(black_box(id)) {
            let (parts, body) = black_box(error).into_response().into_parts();
            black_box(parts);
            black_box(to_bytes(body, usize::MAX).await.expect("in-memory body"));
        }
    });
}

fn axum_peer(runtime: &Runtime, id: u64) {
    runtime.block_on(async {
        for error in peer(black_box(id)) {
            let (parts, body) = black_box(error).into_response().into_parts();
            black_box(parts);
            black_box(to_bytes(body, usize::MAX).await.expect("in-memory body"));
        }
    });
}

/// One iteration: the four errors become actix-web responses whose bodies
/// are collected.
fn actix_ours(runtime: &Runtime, id: u64) {
    runtime.block_on(async {
        for error in ours(black_box(id)) {
            let response = actix_web::ResponseError::error_response(black_box(&error));
            black_box(actix_web::body::to_bytes(response.into_body()).await.ok());
        }
    });
}

fn actix_peer(runtime: &Runtime, id: u64) {
    runtime.block_on(async {
        for error in peer(black_box(id)) {
            let response = actix_web::ResponseError::error_response(black_box(&error));
            black_box(actix_web::body::to_bytes(response.into_body()).await.ok());
        }
    });
}

/// One iteration: the four errors become `http::Response<String>`s.
fn http_ours(id: u64) {
    use status_core::HttpError as _;
    for error in ours(black_box(id)) {
        black_box(black_box(&error).to_http_response());
    }
}

fn http_peer(id: u64) {
    for error in peer(black_box(id)) {
        black_box(black_box(&error).to_http());
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime starts");
    check(&runtime);

    let mut criterion = ratio::criterion();
    let mut group = criterion.benchmark_group("axum response");
    group.bench_function("ours", |b| b.iter(|| axum_ours(&runtime, 12_345)));
    group.bench_function("hand-written", |b| b.iter(|| axum_peer(&runtime, 12_345)));
    group.finish();
    let mut group = criterion.benchmark_group("actix-web response");
    group.bench_function("ours", |b| b.iter(|| actix_ours(&runtime, 12_345)));
    group.bench_function("hand-written", |b| b.iter(|| actix_peer(&runtime, 12_345)));
    group.finish();
    let mut group = criterion.benchmark_group("http response");
    group.bench_function("ours", |b| b.iter(|| http_ours(12_345)));
    group.bench_function("hand-written", |b| b.iter(|| http_peer(12_345)));
    group.finish();
    criterion.final_summary();

    if ratio::benchmarking() {
        let ratios = [
            ratio::measure(
                "axum response",
                0.85,
                || axum_ours(&runtime, 12_345),
                || axum_peer(&runtime, 12_345),
            ),
            ratio::measure(
                "actix response",
                0.85,
                || actix_ours(&runtime, 12_345),
                || actix_peer(&runtime, 12_345),
            ),
            ratio::measure(
                "http response",
                0.85,
                || http_ours(12_345),
                || http_peer(12_345),
            ),
        ];
        ratio::print_table(
            "response (one iteration = a 404, a 429, a 401 and a 409 into responses; \
             peer = thiserror + serde_json + hand-written IntoResponse)",
            &ratios,
        );
    }
}
