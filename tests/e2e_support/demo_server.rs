//! The axum demo (`examples/src/demo`) on an ephemeral loopback port, for
//! the end-to-end tests that drive it over real HTTP (`e2e_demo`,
//! `e2e_hostile`). Each server has its own `:memory:` database.
//!
//! Not part of `e2e_support/mod.rs`, which the actix tests share too: the
//! demo's tests include this file with `#[path]`.

use std::time::Duration;

use reqwest::{Client, Method, Response};
use serde_json::{Value, json};
use status_core::conformance::ConformanceLayer;
use status_examples::demo::{self, Config, RateLimit};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower::Layer as _;

/// A demo server on 127.0.0.1 with a client that does not follow redirects.
pub(crate) struct TestServer {
    /// `http://127.0.0.1:PORT`.
    pub(crate) base: String,
    client: Client,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl TestServer {
    /// A server with the default configuration (quiet).
    pub(crate) async fn start() -> TestServer {
        TestServer::with_rate_limit(RateLimit::default()).await
    }

    /// A server with its own rate limit (quiet).
    pub(crate) async fn with_rate_limit(rate_limit: RateLimit) -> TestServer {
        TestServer::with_config(Config {
            rate_limit,
            log_requests: false,
            ..Config::default()
        })
        .await
    }

    /// A server with its own configuration; the database is always a fresh
    /// `:memory:` one.
    pub(crate) async fn with_config(config: Config) -> TestServer {
        let config = Config {
            database: ":memory:".to_owned(),
            ..config
        };
        let state = demo::state(&config).expect("an in-memory database opens");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind an ephemeral loopback port");
        let address = listener
            .local_addr()
            .expect("a bound listener has an address");
        let (shutdown, stop) = oneshot::channel::<()>();
        // Every response of the demo passes the conformance guard: one that
        // breaks a rule of the registry becomes a 500 listing the violations,
        // which fails the test that asked for it.
        let guarded = ConformanceLayer::strict().layer(demo::app(state));
        let app =
            tower::ServiceExt::map_response(guarded, |response: axum::response::Response<_>| {
                response.map(axum::body::Body::new)
            });
        // The demo's own server loop, with its connection limits.
        let limits = config.limits;
        let task = tokio::spawn(demo::serve_with(listener, app, limits, async move {
            let _ = stop.await;
        }));
        let client = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(5))
            .build()
            .expect("a plain HTTP client builds");
        TestServer {
            base: format!("http://{address}"),
            client,
            shutdown: Some(shutdown),
            task: Some(task),
        }
    }

    /// A request to `path` on this server.
    pub(crate) fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, format!("{}{path}", self.base))
    }

    /// `GET path`, answered.
    pub(crate) async fn get(&self, path: &str) -> Response {
        self.request(Method::GET, path)
            .send()
            .await
            .expect("GET is answered")
    }

    /// `method path` with a JSON body, answered.
    pub(crate) async fn send(&self, method: Method, path: &str, body: &Value) -> Response {
        self.request(method, path)
            .json(body)
            .send()
            .await
            .expect("the request is answered")
    }

    /// Creates an item and returns its id.
    pub(crate) async fn create(&self, name: &str) -> i64 {
        let response = self
            .send(Method::POST, "/items", &json!({ "name": name }))
            .await;
        assert_eq!(response.status().as_u16(), 201, "create {name}");
        let item: Value = response.json().await.expect("a JSON item");
        item["id"].as_i64().expect("an id")
    }

    /// Stops the server gracefully and checks that it ended without error.
    pub(crate) async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(task) = self.task.take() {
            let result = tokio::time::timeout(Duration::from_secs(5), task)
                .await
                .expect("the server stops within 5 s")
                .expect("the server task does not panic");
            result.expect("the server ends without an I/O error");
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        // A failing test still stops its server.
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}
