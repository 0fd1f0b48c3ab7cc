//! A successful response through `ProblemLayer` against the same router
//! without it: the layer must pass a 200 through untouched and cost nothing
//! measurable on the way: at most 1.02 of the bare router (issue #15).
//!
//! The second line of the table is the floor of any layer: tower's
//! `MapResponse`, which does nothing but hand the response on, against the
//! same bare router, so that the first line reads against what no layer can
//! beat on the machine at hand. The figures, where the layer's cost goes
//! (`scripts/hook-instructions.sh` counts it) and what was tried are in
//! `docs/PERFORMANCE.md`.
//!
//! `cargo bench -p status-benches --bench layer`

use std::hint::black_box;

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::Request;
use axum::response::Response;
use axum::routing::get;
use status_core::axum::ProblemLayer;
use tokio::runtime::Runtime;
use tower::util::MapResponseLayer;
use tower::{Layer as _, Service, ServiceExt as _};

mod ratio;

const ITEM: &str = r#"{"id":7,"name":"lamp"}"#;

fn router() -> axum::Router {
    axum::Router::new().route(
        "/items/{id}",
        get(|| async { ([("content-type", "application/json")], ITEM) }),
    )
}

/// The request curl sends (`curl http://127.0.0.1:3000/items/7`): with
/// `Accept: */*`, so the layer's look at `Accept` finds a field and reads it.
fn request() -> Request {
    Request::get("/items/7")
        .header("host", "127.0.0.1:3000")
        .header("user-agent", "curl/8.5.0")
        .header("accept", "*/*")
        .body(Body::empty())
        .expect("a valid request")
}

/// The cheapest layer there is: one more future around the router's, which
/// hands the response on as it is.
fn floor() -> impl Service<Request, Response = Response, Error = std::convert::Infallible> + Clone {
    MapResponseLayer::new(|response: Response| response).layer(router())
}

/// What a client would see: status, headers in order, body bytes.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    status: http::StatusCode,
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
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
            .collect(),
        body,
    }
}

/// One request through `service`, its body collected.
fn call<S>(runtime: &Runtime, service: &mut S)
where
    S: Service<Request, Response = Response, Error = std::convert::Infallible>,
{
    runtime.block_on(async {
        let response = service
            .ready()
            .await
            .unwrap_or_else(|never| match never {})
            .call(black_box(request()))
            .await
            .unwrap_or_else(|never| match never {});
        let (parts, body) = response.into_parts();
        black_box(parts);
        black_box(to_bytes(body, usize::MAX).await.expect("in-memory body"));
    });
}

/// Setup check, not a timing assertion: both sides must answer identically,
/// and a 200 must come through the layer unchanged.
fn check(runtime: &Runtime) {
    let plain = runtime
        .block_on(router().oneshot(request()))
        .unwrap_or_else(|never| match never {});
    let layered = runtime
        .block_on(ProblemLayer::new().layer(router()).oneshot(request()))
        .unwrap_or_else(|never| match never {});
    let floored = runtime
        .block_on(floor().oneshot(request()))
        .unwrap_or_else(|never| match never {});
    let (plain, layered) = (seen(runtime, plain), seen(runtime, layered));
    assert_eq!(layered, plain, "the layer changed a successful response");
    assert_eq!(seen(runtime, floored), plain, "MapResponse changed it");
    assert_eq!(plain.status, http::StatusCode::OK);
    assert_eq!(plain.body, ITEM.as_bytes());
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime starts");
    check(&runtime);

    let mut plain = router();
    let mut layered = ProblemLayer::new().layer(router());
    let mut floored = floor();
    let mut criterion = ratio::criterion();
    let mut group = criterion.benchmark_group("layer");
    group.bench_function("with ProblemLayer", |b| {
        b.iter(|| call(&runtime, &mut layered));
    });
    group.bench_function("without", |b| b.iter(|| call(&runtime, &mut plain)));
    group.finish();
    criterion.final_summary();

    if ratio::benchmarking() {
        let ratios = [
            ratio::measure(
                "layer",
                1.02,
                || call(&runtime, &mut layered),
                || call(&runtime, &mut plain),
            ),
            ratio::measure(
                "floor",
                1.02,
                || call(&runtime, &mut floored),
                || call(&runtime, &mut plain),
            ),
        ];
        ratio::print_table(
            "layer (one iteration = GET /items/7 through an axum router answering 200 JSON, \
             body collected; peer = the same router without ProblemLayer; the floor line is \
             tower's MapResponse, a layer that does nothing, for scale)",
            &ratios,
        );
    }
}
