//! End to end: a new axum app set up as the README says (status-core's
//! extractors, `ProblemLayer` around the router) answers every framework
//! error with a problem, over real HTTP on a loopback port.

use std::net::SocketAddr;
use std::time::Duration;

use axum::ServiceExt as _;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use status_core::axum::{Json, Path, ProblemLayer, Query};
use tokio::sync::oneshot;
use tower::Layer as _;

#[path = "e2e_support/framework_cases.rs"]
mod framework_cases;

use framework_cases::{BODY_LIMIT, BODY_TIMEOUT, HANDLER_TIMEOUT, PANIC_MESSAGE, SLOW_READ_DELAY};

#[derive(Deserialize, Serialize)]
struct NewItem {
    name: String,
    #[serde(default)]
    tags: Vec<Tag>,
}

#[derive(Deserialize, Serialize)]
struct Tag {
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Paging {
    #[allow(dead_code)]
    page: Option<u32>,
}

async fn create(Json(item): Json<NewItem>) -> (StatusCode, Json<NewItem>) {
    (StatusCode::CREATED, Json(item))
}

async fn list(Query(_paging): Query<Paging>) -> &'static str {
    "[]"
}

async fn item(Path(id): Path<u32>) -> String {
    format!("item {id}")
}

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(30)).await;
    "too late"
}

async fn slow_read(body: axum::body::Body) -> String {
    tokio::time::sleep(SLOW_READ_DELAY).await;
    match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => format!("read {} bytes", bytes.len()),
        Err(error) => format!("not read: {error}"),
    }
}

async fn panics() -> &'static str {
    panic!("{PANIC_MESSAGE}");
}

/// The app under test, served until dropped.
struct App {
    address: SocketAddr,
    _stop: oneshot::Sender<()>,
}

impl App {
    fn address(&self) -> SocketAddr {
        self.address
    }
}

async fn start() -> App {
    let router = axum::Router::new()
        .route("/items", get(list).post(create))
        .route("/items/{id}", get(item))
        .route("/slow", get(slow))
        .route("/slow-read", post(slow_read))
        .route("/panic", get(panics))
        .layer(DefaultBodyLimit::max(BODY_LIMIT));
    let app = ProblemLayer::new()
        .body_timeout(BODY_TIMEOUT)
        .handler_timeout(HANDLER_TIMEOUT)
        .layer(router);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let address = listener.local_addr().expect("an address");
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        axum::serve(listener, app.into_make_service())
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await
    });
    App {
        address,
        _stop: stop,
    }
}

framework_cases!(start);

/// `router` inside a default `ProblemLayer`, served on a loopback port for
/// the rest of the test.
async fn serve_with_problem_layer(router: axum::Router) -> SocketAddr {
    let app = ProblemLayer::new().layer(router);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, app.into_make_service()).await });
    address
}

/// tower-http's body limit answers a `Content-Length` over it before any
/// extractor runs, in plain text; the layer makes it the same problem.
#[tokio::test]
async fn tower_http_s_limit_is_413_too() {
    let router = axum::Router::new()
        .route("/items", post(create))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT));
    let address = serve_with_problem_layer(router).await;
    let answer = framework_cases::post_json(
        address,
        &format!(r#"{{"name":"{}"}}"#, "x".repeat(BODY_LIMIT * 4)),
    )
    .await;
    answer.problem(413, "body_too_large", "tower-http's limit");
}

/// A middleware whose `call` panics, as a `make_span` closure might.
#[derive(Clone)]
struct PanicsInCall<S>(S);

impl<S> tower::Service<axum::extract::Request> for PanicsInCall<S>
where
    S: tower::Service<axum::extract::Request>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, _request: axum::extract::Request) -> S::Future {
        panic!("{PANIC_MESSAGE}");
    }
}

/// Added with `Router::layer`, as the layer's docs say, a middleware's
/// `call` runs when the router's future is polled, under the layer's panic
/// guard: its panic is the same masked 500 as a handler's.
#[tokio::test]
async fn a_panic_in_a_route_layer_s_call_is_a_masked_500() {
    let router = axum::Router::new()
        .route("/items", get(list))
        .layer(tower::layer::layer_fn(PanicsInCall));
    let address = serve_with_problem_layer(router).await;
    for round in 0..2 {
        let answer = framework_cases::request(address, "GET", "/items").await;
        let problem = answer.problem(500, "internal_error", "a panic in a layer's call");
        assert!(
            !problem.to_string().contains("10.0.0.7"),
            "round {round}: {problem}"
        );
    }
}
