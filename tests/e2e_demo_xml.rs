//! End to end: every error the axum demo answers, asked for as
//! `application/problem+xml` (RFC 9457, Appendix B), over real HTTP; and
//! the demo's data-carrying problems (a 422's `errors`, a 409's
//! `existing_id`) in both formats.
//!
//! The demo's handlers return `DemoError`, whose `IntoResponse` renders
//! problem+json; `ProblemLayer` around the router sees the request's
//! `Accept` and renders the same problem as XML, as it does the router's own
//! 404 and 405, the body limit's 413 and the extractors' 400, 415 and 422.

use reqwest::header::{self, HeaderMap};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::{Value, json};
use status_examples::demo::RateLimit;

#[path = "e2e_support/demo_server.rs"]
mod demo_server;
mod e2e_support;

use demo_server::TestServer;
use e2e_support::{header, problem};

/// What a client that prefers XML but takes anything sends: the demo's
/// routes still find their JSON acceptable (`*/*`).
const PREFERS_XML: &str = "application/problem+xml, */*;q=0.1";

/// One element of the problem document: its name, its text, and its
/// children as the same.
#[derive(Debug)]
struct Element {
    name: String,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }

    fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name).map(|child| child.text.as_str())
    }
}

fn element(node: roxmltree::Node<'_, '_>) -> Element {
    assert_eq!(
        node.tag_name().namespace(),
        Some("urn:ietf:rfc:7807"),
        "{node:?}"
    );
    Element {
        name: node.tag_name().name().to_owned(),
        text: node.text().unwrap_or_default().to_owned(),
        children: node
            .children()
            .filter(roxmltree::Node::is_element)
            .map(element)
            .collect(),
    }
}

/// Asserts an `application/problem+xml` answer with this status and code,
/// `Vary: Accept`, and the members every problem has; returns the headers
/// and the parsed `problem` element.
async fn xml_problem(response: Response, status: u16, code: &str) -> (HeaderMap, Element) {
    let url = response.url().clone();
    assert_eq!(response.status().as_u16(), status, "status of {url}");
    let headers = response.headers().clone();
    assert_eq!(
        header(&headers, "content-type"),
        Some("application/problem+xml"),
        "content type of {url}"
    );
    let vary: Vec<String> = headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|name| name.trim().to_ascii_lowercase())
        .collect();
    assert!(vary.contains(&"accept".to_owned()), "{url}: Vary {vary:?}");
    let text = response.text().await.expect("a body");
    let document = roxmltree::Document::parse(&text)
        .unwrap_or_else(|error| panic!("{url}: not XML ({error}): {text}"));
    let problem = element(document.root_element());
    assert_eq!(problem.name, "problem");
    assert_eq!(
        problem.text_of("status"),
        Some(status.to_string().as_str()),
        "{text}"
    );
    assert_eq!(problem.text_of("code"), Some(code), "{text}");
    let phrase = status_core::StatusCode::from_u16(status)
        .expect("a registry code")
        .reason_phrase();
    assert_eq!(problem.text_of("title"), Some(phrase), "{text}");
    assert!(
        problem.text_of("type").is_some_and(|uri| !uri.is_empty()),
        "{text}"
    );
    assert!(
        problem
            .text_of("detail")
            .is_some_and(|detail| !detail.is_empty()),
        "{text}"
    );
    (headers, problem)
}

fn xml(request: RequestBuilder) -> RequestBuilder {
    request.header(header::ACCEPT, PREFERS_XML)
}

async fn send(request: RequestBuilder) -> Response {
    request.send().await.expect("answered")
}

#[tokio::test]
async fn every_error_of_the_demo_comes_as_problem_xml_when_asked() {
    let server = TestServer::start().await;
    server.create("lamp").await;
    let get = |path: &str| xml(server.request(Method::GET, path));

    // The demo's own errors, returned by its handlers.
    for (request, status, code) in [
        (get("/items?per_page=0"), 400, "bad_parameter"),
        (get("/items/999"), 404, "item_not_found"),
        (get("/jobs/77"), 404, "job_not_found"),
        (get("/v1/items"), 410, "route_retired"),
        (get("/teapot"), 418, "teapot"),
        (get("/items/1/attachments"), 500, "internal"),
        (
            xml(server.request(brew(), "/items/1")),
            501,
            "not_implemented",
        ),
        (
            xml(server.request(Method::PUT, "/items/1"))
                .header(header::IF_MATCH, "\"1-9\"")
                .json(&json!({ "name": "lamp" })),
            412,
            "stale_item",
        ),
        (
            get("/items/export").header(header::RANGE, "bytes=9999-"),
            416,
            "range_not_satisfiable",
        ),
        // Only XML problems acceptable: the route's JSON is not.
        (
            server
                .request(Method::GET, "/items")
                .header(header::ACCEPT, "application/problem+xml"),
            406,
            "not_acceptable",
        ),
        (
            xml(server.request(Method::PUT, "/admin/maintenance"))
                .json(&json!({ "enabled": true })),
            401,
            "unauthenticated",
        ),
        (
            xml(server.request(Method::PUT, "/admin/maintenance"))
                .bearer_auth("user-token")
                .json(&json!({ "enabled": true })),
            403,
            "forbidden",
        ),
        // What the framework answers on its own.
        (get("/no/such/route"), 404, "route_not_found"),
        (
            xml(server.request(Method::DELETE, "/health")),
            405,
            "method_not_allowed",
        ),
        (
            xml(server.request(Method::POST, "/items"))
                .header(header::CONTENT_TYPE, "text/plain")
                .body(r#"{"name":"x"}"#),
            415,
            "unsupported_media_type",
        ),
        (
            xml(server.request(Method::POST, "/items"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(r#"{"name":"#),
            400,
            "malformed_body",
        ),
        (
            xml(server.request(Method::POST, "/items"))
                .json(&json!({ "name": "x".repeat(70 * 1024) })),
            413,
            "body_too_large",
        ),
        (
            xml(server.request(Method::POST, "/items")).json(&json!({ "name": 7 })),
            422,
            "invalid_body",
        ),
        (get("/debug/panic"), 500, "internal_error"),
    ] {
        let (headers, problem) = xml_problem(send(request).await, status, code).await;
        match status {
            401 => assert!(header(&headers, "www-authenticate").is_some()),
            405 => assert!(header(&headers, "allow").is_some()),
            416 => assert!(header(&headers, "content-range").is_some()),
            500 => assert_eq!(problem.text_of("detail"), Some("Internal Server Error")),
            _ => {}
        }
    }

    // 503 while the maintenance switch is on.
    let response = send(
        server
            .request(Method::PUT, "/admin/maintenance")
            .bearer_auth("admin-token")
            .json(&json!({ "enabled": true })),
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let (headers, _) = xml_problem(send(get("/items")).await, 503, "maintenance").await;
    assert_eq!(header(&headers, "retry-after"), Some("120"));

    server.stop().await;
}

#[tokio::test]
async fn a_429_comes_as_problem_xml_too() {
    let server = TestServer::with_rate_limit(RateLimit {
        burst: 1,
        per_second: 0.01,
    })
    .await;
    server.create("a").await;
    let request = xml(server.request(Method::POST, "/items")).json(&json!({ "name": "b" }));
    let (headers, _) = xml_problem(send(request).await, 429, "rate_limited").await;
    assert!(header(&headers, "retry-after").is_some());
    server.stop().await;
}

#[tokio::test]
async fn a_bad_item_lists_every_failing_member_with_a_pointer() {
    let server = TestServer::start().await;
    let item = json!({ "name": "   ", "description": "d".repeat(1001) });

    let response = server.send(Method::POST, "/items", &item).await;
    let (headers, body) = problem(response, 422, "validation_failed").await;
    assert_eq!(
        body["errors"],
        json!([
            { "detail": "`name` must not be empty", "pointer": "#/name" },
            {
                "detail": "`description` is longer than 1000 characters",
                "pointer": "#/description"
            },
        ]),
        "{body}"
    );
    assert_eq!(
        body["detail"],
        json!(
            "invalid request body: `name` must not be empty; `description` is longer than 1000 characters"
        )
    );
    assert_eq!(header(&headers, "vary"), Some("Accept"));

    let response = send(xml(server.request(Method::POST, "/items")).json(&item)).await;
    let (_, problem) = xml_problem(response, 422, "validation_failed").await;
    let errors = problem.child("errors").expect("an errors element");
    let items: Vec<(&str, Option<&str>, Option<&str>)> = errors
        .children
        .iter()
        .map(|item| {
            (
                item.name.as_str(),
                item.text_of("pointer"),
                item.text_of("detail"),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("i", Some("#/name"), Some("`name` must not be empty")),
            (
                "i",
                Some("#/description"),
                Some("`description` is longer than 1000 characters")
            ),
        ]
    );
    server.stop().await;
}

#[tokio::test]
async fn a_duplicate_name_carries_the_existing_id_as_a_number() {
    let server = TestServer::start().await;
    server.create("chair").await;
    let lamp = server.create("lamp").await;
    assert_eq!(
        server
            .get(&format!("/items/{lamp}"))
            .await
            .status()
            .as_u16(),
        200
    );

    let response = server
        .send(Method::POST, "/items", &json!({ "name": "lamp" }))
        .await;
    let (_, body) = problem(response, 409, "duplicate_name").await;
    assert_eq!(body["existing_id"], json!(lamp), "{body}");
    assert_eq!(body["existing_id"], Value::from(2), "a number: {body}");

    let response =
        send(xml(server.request(Method::PUT, "/items/1")).json(&json!({ "name": "lamp" }))).await;
    let (_, problem) = xml_problem(response, 409, "duplicate_name").await;
    assert_eq!(problem.text_of("existing_id"), Some("2"));
    server.stop().await;
}

/// A method no server knows: a 501 wherever it is sent.
fn brew() -> Method {
    Method::from_bytes(b"BREW").expect("BREW is a method token")
}
