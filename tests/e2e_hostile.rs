//! End to end: hostile input against the axum demo (`examples/src/demo`) on
//! an ephemeral loopback port, over real HTTP.
//!
//! Every case asserts the exact answer and who gives it, then that the server
//! still answers a normal request and that the database is what it was.
//!
//! Most cases go through reqwest. What reqwest refuses to send (CR, LF or NUL
//! in a header, an invalid method token, a broken request line, conflicting
//! framing headers) is written on a raw `TcpStream`.
//!
//! Who answers:
//! - **the app**: every request hyper can parse reaches the router, and every
//!   error it answers is `application/problem+json` whose `status` member is
//!   the HTTP status.
//! - **hyper**: a request hyper cannot parse never reaches axum or the app.
//!   hyper 1.x answers it itself with a fixed response that has no body and
//!   no content type (`content-length: 0`, `connection: close`) and closes the
//!   connection: 400 for a malformed request line or header (bare CR, NUL,
//!   obs-fold, an invalid method token, conflicting `Content-Length`s),
//!   414 for a request target over 65,534 bytes (the `http` crate's `Uri`
//!   limit), 431 for a header section over hyper's read buffer (about 400 KB).
//!   No hook in hyper or `axum::serve` lets an application write those
//!   answers, so the tests pin them as they are.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use reqwest::header::{self, HeaderValue};
use reqwest::{Method, Response};
use serde_json::{Value, json};
use status_examples::demo::{Config, Limits, RateLimit};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

#[path = "e2e_support/demo_server.rs"]
mod demo_server;
mod e2e_support;

use demo_server::TestServer;
use e2e_support::{assert_problem_body, problem};

const JSON: &str = "application/json";

/// A server whose rate limit never gets in the way of a battery of requests.
async fn unlimited_server() -> TestServer {
    TestServer::with_rate_limit(RateLimit {
        burst: 1_000_000,
        per_second: 1_000_000.0,
    })
    .await
}

/// Two items, so that a write through a hostile request would show.
async fn seed(server: &TestServer) -> Value {
    server.create("lamp").await;
    server.create("chair").await;
    items(server).await
}

/// Every item, as the API lists them.
async fn items(server: &TestServer) -> Value {
    let response = server.get("/items?per_page=100").await;
    assert_eq!(response.status().as_u16(), 200, "the item list answers");
    response.json().await.expect("a JSON page of items")
}

/// After a hostile request: a normal request is answered and nothing was written.
async fn still_serving_and_unchanged(server: &TestServer, before: &Value, case: &str) {
    let response = server.get("/health").await;
    assert_eq!(response.status().as_u16(), 200, "health after {case}");
    assert_eq!(&items(server).await, before, "the items after {case}");
}

/// `method path` with these raw body bytes and content type (none for `None`).
async fn send_bytes(
    server: &TestServer,
    method: Method,
    path: &str,
    content_type: Option<&[u8]>,
    body: Vec<u8>,
) -> Response {
    let mut request = server.request(method.clone(), path).body(body);
    if let Some(content_type) = content_type {
        let value = HeaderValue::from_bytes(content_type).expect("reqwest sends this value");
        request = request.header(header::CONTENT_TYPE, value);
    }
    request
        .send()
        .await
        .unwrap_or_else(|error| panic!("{method} {path} is answered: {error}"))
}

/// The routes that read a JSON body.
const JSON_ROUTES: [(&str, &str); 3] = [("POST", "/items"), ("PUT", "/items/1"), ("POST", "/jobs")];

fn method(name: &str) -> Method {
    Method::from_bytes(name.as_bytes()).expect("a valid method")
}

/// Sends `body` to every JSON route and expects the same problem from each.
async fn every_json_route(
    server: &TestServer,
    before: &Value,
    content_type: Option<&[u8]>,
    body: &[u8],
    status: u16,
    code: &str,
) -> Vec<String> {
    let mut details = Vec::new();
    for (name, path) in JSON_ROUTES {
        let case = format!(
            "{name} {path} with {} bytes of {:?}…",
            body.len(),
            String::from_utf8_lossy(&body[..body.len().min(24)])
        );
        let response = send_bytes(server, method(name), path, content_type, body.to_vec()).await;
        let (_, problem) = problem(response, status, code).await;
        details.push(problem["detail"].as_str().unwrap_or_default().to_owned());
        still_serving_and_unchanged(server, before, &case).await;
    }
    // No job was accepted either.
    problem(server.get("/jobs/1").await, 404, "job_not_found").await;
    details
}

#[tokio::test]
async fn malformed_and_truncated_json_is_400_before_its_shape_is_judged() {
    let server = unlimited_server().await;
    let before = seed(&server).await;
    for (body, says) in [
        (r#"{"name":}"#, "expected value"),
        (r"{name: 'lamp'}", "key must be a string"),
        (r#"{"name":"lamp""#, "EOF while parsing an object"),
        (
            r#"{"name":"lamp","description":"desk"#,
            "EOF while parsing a string",
        ),
        (r#"{"name":"lamp"} trailing"#, "trailing characters"),
        (r#"{"name":"\u12"}"#, "invalid escape"),
        ("", "the request body is empty"),
        // Truncated after a member the target type refuses: the syntax
        // error wins (it used to be a 422 "unknown field").
        (r#"{"nam":"lamp""#, "EOF while parsing an object"),
        (r#"{"item_id":"#, "EOF while parsing a value"),
    ] {
        let prefix = if body.is_empty() {
            ""
        } else {
            "the request body is not valid JSON: "
        };
        let details = every_json_route(
            &server,
            &before,
            Some(JSON.as_bytes()),
            body.as_bytes(),
            400,
            "malformed_body",
        )
        .await;
        for detail in details {
            assert!(
                detail.starts_with(prefix) && detail.contains(says),
                "{body:?}: {says:?} in {detail:?}"
            );
        }
    }

    // An unpaired surrogate escape is grammatical JSON (RFC 8259 Section
    // 8.2) but no string: a 400 where a string is read.
    let response = send_bytes(
        &server,
        Method::POST,
        "/items",
        Some(JSON.as_bytes()),
        br#"{"name":"\ud800"}"#.to_vec(),
    )
    .await;
    let (_, body) = problem(response, 400, "malformed_body").await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("unexpected end of hex escape"),
        "{body}"
    );
    still_serving_and_unchanged(&server, &before, "an unpaired surrogate").await;
    server.stop().await;
}

#[tokio::test]
async fn a_10_mb_body_is_413_after_64_kib_are_read() {
    let server = unlimited_server().await;
    let before = seed(&server).await;
    let ten_mb = 10 * 1024 * 1024;
    let mut huge = br#"{"name":"huge","description":""#.to_vec();
    huge.resize(ten_mb, b'x');
    huge.extend_from_slice(br#""}"#);
    let deep = "[".repeat(100_000);
    for body in [huge, deep.into_bytes()] {
        let details = every_json_route(
            &server,
            &before,
            Some(JSON.as_bytes()),
            &body,
            413,
            "body_too_large",
        )
        .await;
        for detail in details {
            assert_eq!(detail, "the request body is too large");
        }
    }

    // Without Content-Length (chunked), the limit stops the upload as well:
    // the server answers after 64 KiB and closes the connection (`exchange`
    // reads until it does) instead of reading 10 MB. Unlike the case with a
    // Content-Length, hyper does not announce the close with a header.
    let address = server.base.trim_start_matches("http://");
    let mut request = format!(
        "POST /items HTTP/1.1\r\nhost: {address}\r\ncontent-type: {JSON}\r\n\
         transfer-encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..10 {
        request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend_from_slice(&chunk);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    let answer = raw(&server, &request).await;
    answer.assert_problem(413, "body_too_large");
    still_serving_and_unchanged(&server, &before, "a chunked 10 MB body").await;

    server.stop().await;
}

#[tokio::test]
async fn deeply_nested_json_is_judged_without_deep_recursion() {
    let server = unlimited_server().await;
    let before = seed(&server).await;
    // Within the size limit, so the nesting itself is judged. The syntax
    // pass skips values with a loop, not recursion (serde_json's
    // `IgnoredAny`), so 60,000 open brackets cost no stack: truncated, 400.
    let unbalanced = "[".repeat(60_000);
    let details = every_json_route(
        &server,
        &before,
        Some(JSON.as_bytes()),
        unbalanced.as_bytes(),
        400,
        "malformed_body",
    )
    .await;
    for detail in details {
        assert!(
            detail.ends_with("EOF while parsing a list at line 1 column 60000"),
            "{detail}"
        );
    }
    // Balanced, it is JSON of the wrong shape: the typed pass stops at the
    // first level that does not fit, 422, pointing at it.
    let balanced = format!("{}{}", "[".repeat(30_000), "]".repeat(30_000));
    let in_member = format!(
        r#"{{"name":{}"lamp"{}}}"#,
        "[".repeat(30_000),
        "]".repeat(30_000)
    );
    for body in [balanced, in_member] {
        let details = every_json_route(
            &server,
            &before,
            Some(JSON.as_bytes()),
            body.as_bytes(),
            422,
            "invalid_body",
        )
        .await;
        for detail in details {
            assert!(
                detail.ends_with("invalid type: array, expected an object (at #)")
                    || detail.ends_with("(at #/name)"),
                "{detail}"
            );
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn a_body_that_is_not_utf8_is_400() {
    let server = unlimited_server().await;
    let before = seed(&server).await;
    for body in [
        &b"{\"name\":\"\xff\xfe\"}"[..],
        b"{\"nam\":\"\xc3\x28\"}",
        b"\xff",
        // UTF-16 with a byte order mark is not JSON's encoding (RFC 8259).
        b"\xfe\xff\x00{\x00}",
    ] {
        let details = every_json_route(
            &server,
            &before,
            Some(JSON.as_bytes()),
            body,
            400,
            "malformed_body",
        )
        .await;
        for detail in details {
            assert!(
                detail.starts_with("the request body is not UTF-8"),
                "{detail}"
            );
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn a_wrong_or_missing_content_type_is_415_whatever_the_body() {
    let server = unlimited_server().await;
    let before = seed(&server).await;
    let valid = br#"{"name":"desk","item_id":1}"#;
    for content_type in [
        None,
        Some(&b"text/plain"[..]),
        Some(b"application/x-www-form-urlencoded"),
        Some(b"multipart/form-data; boundary=x"),
        Some(b"application/jsonx"),
        Some(b"text/json"),
        Some(b"json"),
        Some(b""),
        // obs-text: not visible ASCII, so not a media type at all.
        Some(b"application/json\xff"),
    ] {
        for body in [&valid[..], b"\xff{", b""] {
            let details = every_json_route(
                &server,
                &before,
                content_type,
                body,
                415,
                "unsupported_media_type",
            )
            .await;
            for detail in details {
                assert_eq!(detail, "expected `Content-Type: application/json`");
            }
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn huge_negative_and_non_numeric_item_ids_are_400_or_404() {
    let server = unlimited_server().await;
    let before = seed(&server).await;
    let valid = json!({ "name": "renamed" });
    let not_an_id = |id: &str| {
        format!(
            "path parameter `id` must be an integer from {} to {}, not \"{id}\"",
            i64::MIN,
            i64::MAX
        )
    };

    for (id, status, code, detail) in [
        (
            "18446744073709551615",
            400,
            "invalid_path_parameter",
            not_an_id("18446744073709551615"),
        ),
        (
            "9223372036854775808",
            400,
            "invalid_path_parameter",
            not_an_id("9223372036854775808"),
        ),
        (
            "-9223372036854775809",
            400,
            "invalid_path_parameter",
            not_an_id("-9223372036854775809"),
        ),
        ("1e30", 400, "invalid_path_parameter", not_an_id("1e30")),
        ("1.5", 400, "invalid_path_parameter", not_an_id("1.5")),
        ("0x10", 400, "invalid_path_parameter", not_an_id("0x10")),
        // A whole number that names no item.
        (
            "9223372036854775807",
            404,
            "item_not_found",
            "item 9223372036854775807 not found".to_owned(),
        ),
        ("-1", 404, "item_not_found", "item -1 not found".to_owned()),
        ("0", 404, "item_not_found", "item 0 not found".to_owned()),
    ] {
        let path = format!("/items/{id}");
        for method in [Method::GET, Method::PUT, Method::DELETE] {
            let response = server.send(method.clone(), &path, &valid).await;
            let (_, body) = problem(response, status, code).await;
            assert_eq!(body["detail"], json!(detail), "{method} {path}");
            still_serving_and_unchanged(&server, &before, &format!("{method} {path}")).await;
        }
    }

    still_serving_and_unchanged(&server, &before, "the item id battery").await;
    server.stop().await;
}

#[tokio::test]
async fn undecodable_job_and_json_ids_are_400_404_or_422() {
    let server = unlimited_server().await;
    let before = seed(&server).await;

    // A percent-encoded segment that is not UTF-8: axum's `Path` rejection,
    // a problem from status-core's `Path` (it used to be plain text on /jobs).
    for path in ["/items/%FF", "/items/%FF/attachments", "/jobs/%FF"] {
        let (_, body) = problem(server.get(path).await, 400, "invalid_path_parameter").await;
        assert!(
            body["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("UTF-8"),
            "{path}: {body}"
        );
    }

    // Job ids are u64.
    for (id, status, code) in [
        ("18446744073709551615", 404, "job_not_found"),
        ("18446744073709551616", 400, "invalid_path_parameter"),
        ("-1", 400, "invalid_path_parameter"),
        ("1e30", 400, "invalid_path_parameter"),
    ] {
        problem(server.get(&format!("/jobs/{id}")).await, status, code).await;
    }

    // Ids inside JSON: a number that does not fit is well-formed JSON of the
    // wrong shape (422, pointing at it); a negative one names no item (404).
    for item_id in [
        json!(18_446_744_073_709_551_615_u64),
        json!(1e30),
        json!(-1.5),
    ] {
        let response = server
            .send(Method::POST, "/jobs", &json!({ "item_id": item_id }))
            .await;
        let (_, body) = problem(response, 422, "invalid_body").await;
        assert_eq!(body["errors"][0]["pointer"], json!("#/item_id"), "{body}");
    }
    let response = server
        .send(Method::POST, "/jobs", &json!({ "item_id": -1 }))
        .await;
    problem(response, 404, "item_not_found").await;
    problem(server.get("/jobs/1").await, 404, "job_not_found").await;

    // Paging parameters out of range.
    // Paging parameters that are no whole number, or out of the range.
    for (query, code) in [
        ("page=18446744073709551615", "invalid_query"),
        ("page=0", "bad_parameter"),
        ("per_page=-1", "invalid_query"),
        ("page=1e30", "invalid_query"),
    ] {
        problem(server.get(&format!("/items?{query}")).await, 400, code).await;
    }

    still_serving_and_unchanged(&server, &before, "the other id batteries").await;
    server.stop().await;
}

#[tokio::test]
async fn control_characters_in_headers_are_refused_by_hyper_with_a_bare_400() {
    let server = TestServer::start().await;
    let before = seed(&server).await;
    let address = server.base.trim_start_matches("http://").to_owned();
    for (case, line) in [
        ("a bare CR in a value", "x-evil: a\rb"),
        ("a NUL in a value", "x-evil: a\0b"),
        ("a bare LF then a line without a colon", "x-evil: a\nb"),
        ("obs-fold (RFC 9112 Section 5.2)", "x-evil: a\r\n b"),
        ("a CR in a header name", "x-ev\ril: a"),
        ("a space before the colon", "x-evil : a"),
    ] {
        let request = format!(
            "GET /items HTTP/1.1\r\nhost: {address}\r\n{line}\r\nconnection: close\r\n\r\n"
        );
        raw(&server, request.as_bytes())
            .await
            .assert_bare(400, case);
        still_serving_and_unchanged(&server, &before, case).await;
    }

    // A bare LF ends the header line (RFC 9112 Section 2.2 lets a recipient
    // accept it): what follows is a header of its own, not part of the value.
    // Nothing is injected into the response.
    let request = format!(
        "GET /items/1 HTTP/1.1\r\nhost: {address}\r\nx-evil: a\nif-none-match: \"1-1\"\r\n\
         connection: close\r\n\r\n"
    );
    let answer = raw(&server, request.as_bytes()).await;
    assert_eq!(
        answer.status, 304,
        "the second line is read as If-None-Match"
    );
    assert!(answer.header("x-evil").is_none());

    // A CR in the request target is a broken request line.
    let request = format!("GET /it\rems HTTP/1.1\r\nhost: {address}\r\nconnection: close\r\n\r\n");
    raw(&server, request.as_bytes())
        .await
        .assert_bare(400, "a CR in the request target");
    still_serving_and_unchanged(&server, &before, "a CR in the request target").await;
    server.stop().await;
}

#[tokio::test]
async fn unknown_methods_are_501_and_known_ones_a_route_lacks_405_with_allow() {
    let server = unlimited_server().await;
    let before = seed(&server).await;
    let address = server.base.trim_start_matches("http://").to_owned();
    let long = "LONG-EXTENSION-METHOD-NAME-THAT-GOES-ON";
    for (method, path, status, allow) in [
        ("BREW", "/items", 501, None),
        ("BREW", "/teapot", 501, None),
        ("PROPFIND", "/items/1", 501, None),
        (long, "/items", 501, None),
        // On a path no route takes too: the server knows no such method at all.
        ("BREW", "/coffee", 501, None),
        ("OPTIONS", "/items", 405, Some("GET,HEAD,POST")),
        ("TRACE", "/health", 405, Some("GET,HEAD")),
        ("PATCH", "/items/1", 405, Some("GET,HEAD,PUT,DELETE")),
    ] {
        let request = format!(
            "{method} {path} HTTP/1.1\r\nhost: {address}\r\ncontent-length: 0\r\n\
             connection: close\r\n\r\n"
        );
        let answer = raw(&server, request.as_bytes()).await;
        assert_eq!(answer.header("allow"), allow, "{method} {path}");
        if status == 501 {
            let body = answer.assert_problem(501, "not_implemented");
            assert_eq!(
                body["detail"],
                json!(format!(
                    "the method {method} is not implemented by this server"
                ))
            );
        } else {
            let body = answer.assert_problem(405, "method_not_allowed");
            let allow = allow.unwrap_or_default();
            assert_eq!(
                body["detail"],
                json!(format!("{method} is not allowed here; use {allow}"))
            );
        }
        still_serving_and_unchanged(&server, &before, &format!("{method} {path}")).await;
    }

    // Not a method token at all: hyper.
    for (case, line) in [
        ("a method with a parenthesis", "BR(EW /items HTTP/1.1"),
        (
            "a method with a non-ASCII byte",
            "BR\u{e9}W /items HTTP/1.1",
        ),
        ("no request target", "GET HTTP/1.1"),
        ("an unknown HTTP version", "GET /health HTTP/2.0"),
    ] {
        let request = format!("{line}\r\nhost: {address}\r\nconnection: close\r\n\r\n");
        raw(&server, request.as_bytes())
            .await
            .assert_bare(400, case);
        still_serving_and_unchanged(&server, &before, case).await;
    }
    // Not HTTP at all (the start of a TLS ClientHello).
    raw(
        &server,
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
    )
    .await
    .assert_bare(400, "a TLS ClientHello");
    still_serving_and_unchanged(&server, &before, "a TLS ClientHello").await;
    server.stop().await;
}

#[tokio::test]
async fn over_long_uris_and_header_sections_are_refused_by_hyper() {
    let server = TestServer::start().await;
    let before = seed(&server).await;
    let address = server.base.trim_start_matches("http://").to_owned();
    let get = |target: &str, extra: &str| {
        format!("GET {target} HTTP/1.1\r\nhost: {address}\r\n{extra}connection: close\r\n\r\n")
    };

    // 100 KB of path or of query: over the 65,534 bytes a `Uri` holds.
    for (case, target) in [
        ("a 100 KB path", format!("/{}", "a".repeat(100 * 1024))),
        (
            "a 100 KB query",
            format!("/items?{}", "a".repeat(100 * 1024)),
        ),
    ] {
        raw(&server, get(&target, "").as_bytes())
            .await
            .assert_bare(414, case);
        still_serving_and_unchanged(&server, &before, case).await;
    }

    // Under that limit the router answers, however long the path, and
    // repeats no more than the path's first 48 bytes.
    let long_path = format!("/{}", "a".repeat(60 * 1024));
    let answer = raw(&server, get(&long_path, "").as_bytes()).await;
    let body = answer.assert_problem(404, "route_not_found");
    assert_eq!(
        body["detail"],
        json!(format!("no route for {}…", &long_path[..48]))
    );
    let answer = raw(
        &server,
        get(&format!("/items?{}", "a".repeat(60 * 1024)), "").as_bytes(),
    )
    .await;
    answer.assert_problem(400, "invalid_query");

    // A 1 MB header: over hyper's read buffer.
    let big_header = format!("x-big: {}\r\n", "a".repeat(1024 * 1024));
    raw(&server, get("/items", &big_header).as_bytes())
        .await
        .assert_bare(431, "a 1 MB header");
    still_serving_and_unchanged(&server, &before, "a 1 MB header").await;
    server.stop().await;
}

#[tokio::test]
async fn conflicting_or_broken_body_framing_writes_nothing() {
    let server = unlimited_server().await;
    let before = seed(&server).await;
    let address = server.base.trim_start_matches("http://").to_owned();
    let post = |framing: &str, body: &str| {
        format!(
            "POST /items HTTP/1.1\r\nhost: {address}\r\ncontent-type: {JSON}\r\n{framing}\
             connection: close\r\n\r\n{body}"
        )
    };

    // Two different lengths: hyper cannot know where the body ends.
    let request = post(
        "content-length: 2\r\ncontent-length: 14\r\n",
        r#"{"name":"x"}"#,
    );
    raw(&server, request.as_bytes())
        .await
        .assert_bare(400, "two Content-Lengths");
    still_serving_and_unchanged(&server, &before, "two Content-Lengths").await;

    // Content-Length and chunked together: hyper reads the chunked body
    // (here empty) and closes afterwards, as RFC 9112 Section 6.3 asks, so a
    // smuggled second request is never read. No `connection: close` here:
    // the close is hyper's decision.
    let smuggled = format!("GET /admin/stats HTTP/1.1\r\nhost: {address}\r\n\r\n");
    let request = format!(
        "POST /items HTTP/1.1\r\nhost: {address}\r\ncontent-type: {JSON}\r\n\
         content-length: {}\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n{smuggled}",
        5 + smuggled.len()
    );
    let answer = raw(&server, request.as_bytes()).await;
    let body = answer.assert_problem(400, "malformed_body");
    assert_eq!(
        body["detail"],
        json!("the request body is empty; this route reads JSON")
    );
    assert_eq!(answer.header("connection"), Some("close"));
    assert_eq!(answer.responses, 1, "the smuggled request got no answer");
    still_serving_and_unchanged(&server, &before, "Content-Length with chunked").await;

    // A body shorter than its Content-Length, then the client stops sending.
    let request = post("content-length: 100\r\n", r#"{"name":"#);
    let answer = raw_then_half_close(&server, request.as_bytes()).await;
    let body = answer.assert_problem(400, "malformed_body");
    assert_eq!(
        body["detail"],
        json!("the request body could not be read to its end")
    );
    still_serving_and_unchanged(&server, &before, "a body cut short").await;
    server.stop().await;
}

/// A client that sends its headers and part of its body, then stalls: a 408
/// problem once the body timeout has passed, and the server closes the
/// connection (`raw` reads until it does), so a stalled client holds no
/// connection for longer than the timeout.
#[tokio::test]
async fn a_stalled_body_is_408_within_the_body_timeout_and_the_connection_is_freed() {
    let timeout = Duration::from_millis(500);
    let server = TestServer::with_config(Config {
        body_timeout: timeout,
        log_requests: false,
        ..Config::default()
    })
    .await;
    let before = seed(&server).await;
    let address = server.base.trim_start_matches("http://").to_owned();
    for (method, path) in JSON_ROUTES {
        let request = format!(
            "{method} {path} HTTP/1.1\r\nhost: {address}\r\ncontent-type: {JSON}\r\n\
             content-length: 100\r\n\r\n{{\"name\":"
        );
        let started = std::time::Instant::now();
        let answer = raw(&server, request.as_bytes()).await;
        let took = started.elapsed();
        let body = answer.assert_problem(408, "body_timeout");
        assert_eq!(
            body["detail"],
            json!("the request body did not arrive within 500 ms")
        );
        assert_eq!(answer.header("connection"), Some("close"));
        assert!(
            took >= timeout,
            "answered after {took:?}, before the timeout"
        );
        still_serving_and_unchanged(&server, &before, "a stalled body").await;
    }
    server.stop().await;
}

/// A server with short connection limits, for the slow-client tests.
async fn limited_server(header_timeout: Duration, max_connections: usize) -> TestServer {
    TestServer::with_config(Config {
        log_requests: false,
        limits: Limits {
            header_timeout,
            max_connections,
        },
        ..Config::default()
    })
    .await
}

/// Reads until the server closes the connection (or 10 s pass): what it
/// sent, and when it closed.
async fn read_until_closed(stream: &mut tokio::net::tcp::OwnedReadHalf) -> (Vec<u8>, Duration) {
    let started = Instant::now();
    let mut bytes = Vec::new();
    let mut buffer = [0; 4096];
    let closed = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => bytes.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    assert!(
        closed.is_ok(),
        "the server closes the connection within 10 s"
    );
    (bytes, started.elapsed())
}

/// A client that dribbles its request head a byte a second never gets to
/// be a request: the server closes the connection once the header-read
/// timeout has passed (hyper answers nothing; there is no request yet), and
/// the byte-a-second client holds it no longer than that.
#[tokio::test]
async fn headers_dribbled_a_byte_a_second_are_cut_off_at_the_header_timeout() {
    let timeout = Duration::from_secs(1);
    let server = limited_server(timeout, 64).await;
    let address = server.base.trim_start_matches("http://").to_owned();
    let stream = TcpStream::connect(&address).await.expect("connect");
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
    let (answer, took) = read_until_closed(&mut reader).await;
    dribble.abort();
    assert!(
        !String::from_utf8_lossy(&answer).contains(" 200 "),
        "the dribbled request was served: {answer:?}"
    );
    assert!(
        took >= timeout.mul_f32(0.9) && took < timeout * 3,
        "closed after {took:?}, the timeout is {timeout:?}"
    );
    // The server goes on serving everyone else.
    assert_eq!(server.get("/health").await.status().as_u16(), 200);
    server.stop().await;
}

/// The median and the slowest of 21 `GET /health`, one after the other.
async fn latency(server: &TestServer) -> (Duration, Duration) {
    let mut took = Vec::new();
    for _ in 0..21 {
        let started = Instant::now();
        assert_eq!(server.get("/health").await.status().as_u16(), 200);
        took.push(started.elapsed());
    }
    took.sort_unstable();
    (took[10], took[20])
}

/// Hundreds of connections that send nothing cost the server a task each,
/// not its attention: a normal client meanwhile is served as fast as
/// before they came, give or take the noise of a busy machine.
#[tokio::test]
async fn many_idle_connections_do_not_slow_a_normal_client() {
    let server = limited_server(Duration::from_secs(30), 1024).await;
    let address = server.base.trim_start_matches("http://").to_owned();
    let (before, _) = latency(&server).await;
    let mut idle = Vec::new();
    for _ in 0..500 {
        idle.push(TcpStream::connect(&address).await.expect("connect"));
    }
    let (during, slowest) = latency(&server).await;
    assert!(
        during <= before * 5 + Duration::from_millis(5),
        "median {during:?} with 500 idle connections, {before:?} without"
    );
    assert!(slowest < Duration::from_millis(500), "slowest {slowest:?}");
    drop(idle);
    server.stop().await;
}

/// Over the connection cap, a new client waits in the listen backlog until a
/// connection ends, here the idle ones cut off by the header timeout; then
/// it is served. Without the cap it would be served at once.
#[tokio::test]
async fn connections_over_the_cap_wait_until_one_ends() {
    let timeout = Duration::from_secs(1);
    let server = limited_server(timeout, 4).await;
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut idle = Vec::new();
    for _ in 0..4 {
        idle.push(TcpStream::connect(&address).await.expect("connect"));
    }
    // The four hold every slot; let the server accept them.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    let response = server.get("/health").await;
    let took = started.elapsed();
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        took >= timeout.mul_f32(0.8),
        "served after {took:?}, while four idle connections held all four slots"
    );
    assert!(took < timeout * 4, "served only after {took:?}");
    // Each idle connection was closed by the server.
    for stream in idle {
        let (mut reader, _writer) = stream.into_split();
        let (bytes, _) = read_until_closed(&mut reader).await;
        assert!(
            bytes.is_empty() || String::from_utf8_lossy(&bytes).starts_with("HTTP/1.1 408"),
            "{bytes:?}"
        );
    }
    server.stop().await;
}

/// One response read off a raw connection.
struct RawResponse {
    status: u16,
    reason: String,
    headers: HashMap<String, String>,
    body: Vec<u8>,
    /// How many status lines the connection carried before it closed.
    responses: usize,
}

impl RawResponse {
    fn parse(bytes: &[u8]) -> RawResponse {
        let end = bytes
            .windows(4)
            .position(|window| window == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("a complete head in {:?}", String::from_utf8_lossy(bytes)));
        let head = std::str::from_utf8(&bytes[..end]).expect("a UTF-8 response head");
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let mut parts = status_line.splitn(3, ' ');
        assert_eq!(parts.next(), Some("HTTP/1.1"), "{status_line}");
        let status = parts
            .next()
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("a status code in {status_line:?}"));
        let reason = parts.next().unwrap_or_default().to_owned();
        let mut headers = HashMap::new();
        for line in lines {
            let (name, value) = line.split_once(':').expect("name: value");
            let previous = headers.insert(name.to_ascii_lowercase(), value.trim().to_owned());
            assert!(previous.is_none(), "{name} sent twice");
        }
        let body = bytes[end + 4..].to_vec();
        // Without Content-Length (a 304), the body is what came before the close.
        let length: usize = headers.get("content-length").map_or(body.len(), |length| {
            length.parse().expect("a numeric Content-Length")
        });
        let responses = 1 + bytes[end + 4 + length.min(body.len())..]
            .windows(9)
            .filter(|window| *window == b"HTTP/1.1 ")
            .count();
        let body = body[..length.min(body.len())].to_vec();
        assert_eq!(body.len(), length, "the whole body arrived");
        RawResponse {
            status,
            reason,
            headers,
            body,
            responses,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    /// hyper's own answer to a request it could not parse: the status and
    /// its phrase, no body, no content type, and the connection closed.
    fn assert_bare(&self, status: u16, case: &str) {
        let phrase = http_phrase(status);
        assert_eq!(
            (self.status, self.reason.as_str()),
            (status, phrase),
            "{case}"
        );
        assert_eq!(self.header("content-length"), Some("0"), "{case}");
        assert_eq!(self.header("connection"), Some("close"), "{case}");
        assert!(self.header("content-type").is_none(), "{case}");
        assert!(self.body.is_empty(), "{case}");
        assert_eq!(self.responses, 1, "{case}");
    }

    /// A problem+json answer from the app: `e2e_support::problem`'s checks
    /// on raw bytes. Returns the body.
    fn assert_problem(&self, status: u16, code: &str) -> Value {
        assert_eq!(
            self.status,
            status,
            "{:?}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        let body: Value = serde_json::from_slice(&self.body).expect("a JSON problem body");
        assert_problem_body(&body, status, code);
        body
    }
}

/// The reason phrase hyper writes: the `http` crate's, which predates RFC
/// 9110 for some codes.
fn http_phrase(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or_default()
}

/// Writes `request` on a new connection and reads until the server closes it.
async fn raw(server: &TestServer, request: &[u8]) -> RawResponse {
    exchange(server, request, false).await
}

/// Like [`raw`], then closes the sending half, as a client that gives up.
async fn raw_then_half_close(server: &TestServer, request: &[u8]) -> RawResponse {
    exchange(server, request, true).await
}

async fn exchange(server: &TestServer, request: &[u8], half_close: bool) -> RawResponse {
    let address = server.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address)
        .await
        .expect("connect to the demo");
    // The server may answer and close before it has read everything (a 413
    // after 64 KiB): then the write fails, and the answer is what counts.
    let written = stream.write_all(request).await;
    if half_close && written.is_ok() {
        stream.shutdown().await.expect("close the sending half");
    }
    let mut bytes = Vec::new();
    let mut buffer = vec![0; 64 * 1024];
    let read = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) => break,
                Ok(n) => bytes.extend_from_slice(&buffer[..n]),
                // A reset after the answer (unread request bytes) ends it too.
                Err(error) if !bytes.is_empty() => {
                    eprintln!("connection ended with {error} after the answer");
                    break;
                }
                Err(error) => panic!("no answer: {error}"),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the server answers and closes within 5 s");
    RawResponse::parse(&bytes)
}
