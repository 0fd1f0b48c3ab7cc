//! End to end: the demo's error enum and store on actix-web
//! (`examples/src/actix_app.rs`), served on an ephemeral loopback port on its
//! own thread and actix system, driven over real HTTP with reqwest.
//!
//! Each test starts its own server with its own `:memory:` database and
//! stops it through actix's `ServerHandle`.

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use actix_web::dev::ServerHandle;
use reqwest::header;
use reqwest::{Client, Method, Response};
use serde_json::{Value, json};
use status_examples::actix_app;
use status_examples::demo::Limits;
use status_examples::store::Store;

mod e2e_support;

use e2e_support::{header, problem};

/// Words that would betray the database behind a 5xx.
const LEAKS: [&str; 4] = ["attachments", "no such table", "sql", "sqlite"];

/// An actix server on 127.0.0.1 with a client that does not follow redirects.
struct TestServer {
    base: String,
    client: Client,
    handle: ServerHandle,
    thread: Option<JoinHandle<std::io::Result<()>>>,
}

impl TestServer {
    fn start() -> TestServer {
        TestServer::with_limits(Limits::default())
    }

    fn with_limits(limits: Limits) -> TestServer {
        let listener =
            std::net::TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral loopback port");
        let address = listener
            .local_addr()
            .expect("a bound listener has an address");
        let store = Arc::new(Store::open(":memory:").expect("an in-memory database opens"));
        let (sender, receiver) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server =
                    actix_app::server_with(listener, store, 1, limits, Duration::from_secs(30))?;
                sender
                    .send(server.handle())
                    .expect("the test waits for the handle");
                server.await
            })
        });
        let handle = receiver
            .recv_timeout(Duration::from_secs(5))
            .expect("the actix server starts");
        let client = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(5))
            .build()
            .expect("a plain HTTP client builds");
        TestServer {
            base: format!("http://{address}"),
            client,
            handle,
            thread: Some(thread),
        }
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, format!("{}{path}", self.base))
    }

    async fn get(&self, path: &str) -> Response {
        self.request(Method::GET, path)
            .send()
            .await
            .expect("GET is answered")
    }

    async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.request(Method::POST, path)
            .json(body)
            .send()
            .await
            .expect("POST is answered")
    }

    /// Stops the server gracefully and checks that its thread ended cleanly.
    async fn stop(mut self) {
        tokio::time::timeout(Duration::from_secs(5), self.handle.stop(true))
            .await
            .expect("the server stops within 5 s");
        if let Some(thread) = self.thread.take() {
            let result = tokio::task::spawn_blocking(move || thread.join())
                .await
                .expect("joined")
                .expect("the server thread does not panic");
            result.expect("the server ends without an I/O error");
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        // A failing test still stops its server (the future needs no polling
        // to send the command).
        if self.thread.is_some() {
            drop(self.handle.stop(false));
        }
    }
}

#[tokio::test]
async fn health_is_200_json() {
    let server = TestServer::start();
    let response = server.get("/health").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        header(response.headers(), "content-type"),
        Some("application/json")
    );
    assert_eq!(
        response.json::<Value>().await.expect("JSON"),
        json!({ "status": "ok" })
    );
    server.stop().await;
}

#[tokio::test]
async fn create_then_read_items() {
    let server = TestServer::start();

    let response = server
        .post_json(
            "/items",
            &json!({ "name": " lamp ", "description": "desk lamp" }),
        )
        .await;
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(header(response.headers(), "location"), Some("/items/1"));
    assert_eq!(header(response.headers(), "etag"), Some("\"1-1\""));
    assert_eq!(
        header(response.headers(), "content-type"),
        Some("application/json")
    );
    let created: Value = response.json().await.expect("JSON");
    assert_eq!(
        created,
        json!({ "id": 1, "name": "lamp", "description": "desk lamp", "version": 1 })
    );

    let response = server.get("/items/1").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "etag"), Some("\"1-1\""));
    assert_eq!(response.json::<Value>().await.expect("JSON"), created);

    let (_, body) = problem(server.get("/items/999").await, 404, "item_not_found").await;
    assert_eq!(body["detail"], json!("item 999 not found"));
    let (_, body) = problem(
        server.get("/items/abc").await,
        400,
        "invalid_path_parameter",
    )
    .await;
    assert_eq!(
        body["detail"],
        json!(
            "path parameter `id` must be an integer from -9223372036854775808 to 9223372036854775807, not \"abc\""
        )
    );

    // 409 from SQLite's UNIQUE constraint.
    let response = server.post_json("/items", &json!({ "name": "lamp" })).await;
    let (_, body) = problem(response, 409, "duplicate_name").await;
    assert_eq!(
        body["detail"],
        json!("an item named \"lamp\" already exists")
    );
    assert_eq!(body["existing_id"], json!(1), "{body}");

    server.stop().await;
}

#[tokio::test]
async fn json_errors_become_problems() {
    let server = TestServer::start();

    // 415: no content type, or another one.
    for content_type in [None, Some("text/plain")] {
        let mut request = server
            .request(Method::POST, "/items")
            .body(r#"{"name":"a"}"#);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let response = request.send().await.expect("answered");
        let (_, body) = problem(response, 415, "unsupported_media_type").await;
        assert_eq!(
            body["detail"],
            json!("expected `Content-Type: application/json`")
        );
    }

    // 400: not JSON.
    // `{"nam":"lamp"` has an unknown key before it breaks off: still not JSON.
    for text in [r#"{"name":"#, "name=lamp", r#"{"nam":"lamp""#, "[[[[[[[[[["] {
        let response = server
            .request(Method::POST, "/items")
            .header(header::CONTENT_TYPE, "application/json")
            .body(text)
            .send()
            .await
            .expect("answered");
        let (_, body) = problem(response, 400, "malformed_body").await;
        assert!(
            body["detail"]
                .as_str()
                .unwrap_or_default()
                .starts_with("the request body is not valid JSON: "),
            "{body}"
        );
    }

    // 422 from the framework: the wrong shape, pointed at.
    for (item, pointer) in [
        (json!({ "nam": "lamp" }), "#/nam"),
        (json!({ "name": 7 }), "#/name"),
        (json!(["lamp"]), "#"),
    ] {
        let response = server.post_json("/items", &item).await;
        let (_, body) = problem(response, 422, "invalid_body").await;
        assert_eq!(body["errors"][0]["pointer"], json!(pointer), "{body}");
    }

    // 422 from the demo: invalid content.
    for (item, says) in [
        (json!({ "name": "  " }), "`name` must not be empty"),
        (
            json!({ "name": "x".repeat(101) }),
            "`name` is longer than 100 characters",
        ),
    ] {
        let response = server.post_json("/items", &item).await;
        let (_, body) = problem(response, 422, "validation_failed").await;
        assert!(
            body["detail"].as_str().unwrap_or_default().contains(says),
            "{says} in {body}"
        );
    }

    // 413: over 64 KiB.
    let response = server
        .post_json(
            "/items",
            &json!({ "name": "big", "description": "x".repeat(70 * 1024) }),
        )
        .await;
    let (_, body) = problem(response, 413, "body_too_large").await;
    assert_eq!(body["detail"], json!("the request body is too large"));

    server.stop().await;
}

#[tokio::test]
async fn teapot_not_found_and_method_not_allowed_are_problems() {
    let server = TestServer::start();

    let (_, body) = problem(server.get("/teapot").await, 418, "teapot").await;
    assert_eq!(
        body["detail"],
        json!("I'm a teapot: this server refuses to brew coffee")
    );

    let (_, body) = problem(server.get("/no/such/route").await, 404, "route_not_found").await;
    assert_eq!(body["detail"], json!("no route for /no/such/route"));

    for (method, path, allow) in [
        (Method::DELETE, "/health", "GET"),
        (Method::GET, "/items", "POST"),
        (Method::DELETE, "/items/1", "GET"),
        (Method::POST, "/teapot", "GET"),
    ] {
        let response = server
            .request(method.clone(), path)
            .send()
            .await
            .expect("answered");
        let (headers, body) = problem(response, 405, "method_not_allowed").await;
        assert_eq!(header(&headers, "allow"), Some(allow), "{method} {path}");
        assert_eq!(
            body["detail"],
            json!(format!("{method} is not allowed here; use {allow}"))
        );
    }

    server.stop().await;
}

#[tokio::test]
async fn a_database_failure_is_a_500_that_leaks_nothing() {
    let server = TestServer::start();
    problem(
        server.get("/items/1/attachments").await,
        404,
        "item_not_found",
    )
    .await;
    let response = server.post_json("/items", &json!({ "name": "lamp" })).await;
    assert_eq!(response.status().as_u16(), 201);

    let response = server.get("/items/1/attachments").await;
    assert_eq!(response.status().as_u16(), 500);
    let text = response.text().await.expect("UTF-8 body");
    let lower = text.to_ascii_lowercase();
    for leak in LEAKS {
        assert!(!lower.contains(leak), "{leak:?} leaked in {text}");
    }
    let (_, body) = problem(server.get("/items/1/attachments").await, 500, "internal").await;
    assert_eq!(body["detail"], json!("Internal Server Error"));

    server.stop().await;
}

/// Headers dribbled a byte a second: actix's `client_request_timeout` cuts
/// the connection off once the header timeout has passed.
#[tokio::test]
async fn headers_dribbled_a_byte_a_second_are_cut_off_at_the_header_timeout() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

    let timeout = Duration::from_secs(1);
    let server = TestServer::with_limits(Limits {
        header_timeout: timeout,
        max_connections: 64,
    });
    let address = server.base.trim_start_matches("http://").to_owned();
    let stream = tokio::net::TcpStream::connect(&address)
        .await
        .expect("connect");
    let (mut reader, mut writer) = stream.into_split();
    let head = format!("GET /health HTTP/1.1\r\nhost: {address}\r\nx-slow: 123456789\r\n\r\n");
    let dribble = tokio::spawn(async move {
        for byte in head.bytes() {
            if writer.write_all(&[byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    let started = std::time::Instant::now();
    let mut answer = Vec::new();
    let mut buffer = [0; 4096];
    let closed = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match reader.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    let took = started.elapsed();
    dribble.abort();
    assert!(
        closed.is_ok(),
        "the server closes the connection within 10 s"
    );
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer:?}"
    );
    assert!(
        took >= timeout.mul_f32(0.9) && took < timeout * 3,
        "closed after {took:?}, the timeout is {timeout:?}"
    );
    assert_eq!(server.get("/health").await.status().as_u16(), 200);
    server.stop().await;
}
