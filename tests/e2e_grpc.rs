//! End to end: the gRPC example's router (`examples/src/grpc.rs`) on a
//! loopback port, asked for the same items over HTTP (reqwest) and gRPC
//! (a tonic channel over HTTP/2); both answers come from one `ShopError`
//! and must say the same thing.

use std::time::Duration;

use serde_json::Value;
use status_core::{GrpcCode, StatusCode};
use status_examples::grpc::{self, get_item_grpc};
use tonic_types::StatusExt as _;

struct Server {
    base: String,
    channel: tonic::transport::Channel,
    http: reqwest::Client,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    async fn start() -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind an ephemeral loopback port");
        let address = listener
            .local_addr()
            .expect("a bound listener has an address");
        let task = tokio::spawn(async move { axum::serve(listener, grpc::app()).await });
        let base = format!("http://{address}");
        let channel = tonic::transport::Channel::from_shared(base.clone())
            .expect("a valid URI")
            .timeout(Duration::from_secs(5))
            .connect()
            .await
            .expect("the gRPC side accepts HTTP/2");
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("a plain HTTP client builds");
        Server {
            base,
            channel,
            http,
            task,
        }
    }

    /// The HTTP answer: status, `Retry-After` and the JSON body.
    async fn http(&self, id: u64) -> (u16, Option<String>, Value) {
        let response = self
            .http
            .get(format!("{}/items/{id}", self.base))
            .send()
            .await
            .expect("the HTTP side answers");
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .map(|value| value.to_str().expect("ASCII").to_owned());
        let body = response.json().await.expect("a JSON body");
        (status, retry_after, body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn member<'a>(problem: &'a Value, name: &str) -> &'a str {
    problem[name]
        .as_str()
        .unwrap_or_else(|| panic!("`{name}` in {problem}"))
}

#[tokio::test]
async fn both_protocols_answer_an_item_alike() {
    let server = Server::start().await;
    let (status, _, body) = server.http(1).await;
    assert_eq!(status, 200);
    let item = get_item_grpc(server.channel.clone(), 1)
        .await
        .expect("item 1 exists");
    assert_eq!(
        body,
        serde_json::to_value(&item).expect("an Item serializes")
    );
    assert_eq!(item.name, "desk lamp");
}

#[tokio::test]
async fn every_error_says_the_same_on_both_protocols() {
    let server = Server::start().await;
    // Item 2's variant overrides its gRPC code; the others take the spec's.
    let cases = [
        (2, 409, GrpcCode::FailedPrecondition),
        (3, 503, GrpcCode::Unavailable),
        (4, 404, GrpcCode::NotFound),
        (999, 404, GrpcCode::NotFound),
    ];
    for (id, http_status, grpc_code) in cases {
        let (status, retry_after, problem) = server.http(id).await;
        let grpc = get_item_grpc(server.channel.clone(), id)
            .await
            .expect_err("an error on both sides");

        assert_eq!(status, http_status, "item {id}");
        assert_eq!(problem["status"], http_status, "item {id}");
        assert_eq!(GrpcCode::from(grpc.code()), grpc_code, "item {id}");
        if grpc_code == GrpcCode::from_status(StatusCode::from_u16(status).expect("a spec code")) {
            assert_eq!(StatusCode::from(grpc.code()).as_u16(), status, "item {id}");
        }

        // The client-visible text is one text, masked alike for a 5xx.
        assert_eq!(grpc.message(), member(&problem, "detail"), "item {id}");
        if status >= 500 {
            assert_eq!(grpc.message(), "Service Unavailable");
            assert!(!grpc.message().contains("10.0.0.7"));
        }

        let info = grpc.get_details_error_info().expect("an ErrorInfo");
        assert_eq!(
            info.reason,
            status_core::tonic::reason(member(&problem, "code"))
        );
        assert_eq!(info.domain, "shop.example.com");

        let retry = grpc
            .get_details_retry_info()
            .and_then(|retry| retry.retry_delay);
        let header = retry_after
            .map(|seconds| Duration::from_secs(seconds.parse().expect("Retry-After seconds")));
        assert_eq!(retry, header, "item {id}: RetryInfo and Retry-After");
    }
}
