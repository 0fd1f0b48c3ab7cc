//! End to end: the axum demo (`examples/src/demo`) served on an ephemeral
//! loopback port and driven over real HTTP with reqwest.
//!
//! Every route and every status the demo produces is asserted here with its
//! headers and body shape. Each test starts its own server with its own
//! `:memory:` database, so the tests are independent.

use std::fmt::{Debug, Write as _};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;

use reqwest::header::{self, HeaderMap};
use reqwest::{Method, Response};
use serde_json::{Value, json};
use status_examples::demo::RateLimit;

#[path = "e2e_support/demo_server.rs"]
mod demo_server;
mod e2e_support;

use demo_server::TestServer;
use e2e_support::{header, problem};

/// Words that would betray the database behind a 5xx.
const LEAKS: [&str; 4] = ["attachments", "no such table", "sql", "sqlite"];

async fn empty_body(response: Response) {
    let bytes = response.bytes().await.expect("the body arrives");
    assert!(bytes.is_empty(), "expected no body, got {bytes:?}");
}

fn assert_json_content_type(headers: &HeaderMap) {
    assert_eq!(header(headers, "content-type"), Some("application/json"));
}

#[tokio::test]
async fn health_is_200_json() {
    let server = TestServer::start().await;
    let response = server.get("/health").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_json_content_type(response.headers());
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body, json!({ "status": "ok" }));
    server.stop().await;
}

#[tokio::test]
async fn create_then_read_with_etag_and_304() {
    let server = TestServer::start().await;

    // 201 with Location and ETag.
    let response = server
        .send(
            Method::POST,
            "/items",
            &json!({ "name": "  lamp ", "description": "desk lamp" }),
        )
        .await;
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(header(response.headers(), "location"), Some("/items/1"));
    assert_eq!(header(response.headers(), "etag"), Some("\"1-1\""));
    assert_json_content_type(response.headers());
    let created: Value = response.json().await.expect("JSON");
    assert_eq!(
        created,
        json!({ "id": 1, "name": "lamp", "description": "desk lamp", "version": 1 })
    );

    // 200 with the same ETag.
    let response = server.get("/items/1").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "etag"), Some("\"1-1\""));
    assert_json_content_type(response.headers());
    assert_eq!(response.json::<Value>().await.expect("JSON"), created);

    // 304 on a matching If-None-Match: ETag, no body.
    for tags in ["\"1-1\"", "W/\"1-1\"", "\"0-0\", \"1-1\"", "*"] {
        let response = server
            .request(Method::GET, "/items/1")
            .header(header::IF_NONE_MATCH, tags)
            .send()
            .await
            .expect("answered");
        assert_eq!(response.status().as_u16(), 304, "If-None-Match: {tags}");
        assert_eq!(header(response.headers(), "etag"), Some("\"1-1\""));
        empty_body(response).await;
    }
    let response = server
        .request(Method::GET, "/items/1")
        .header(header::IF_NONE_MATCH, "\"1-0\"")
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status().as_u16(), 200, "a stale tag gets the item");

    server.stop().await;
}

#[tokio::test]
async fn update_conflict_and_delete() {
    let server = TestServer::start().await;
    let lamp = server
        .send(
            Method::POST,
            "/items",
            &json!({ "name": "lamp", "description": "desk lamp" }),
        )
        .await;
    assert_eq!(lamp.status().as_u16(), 201);

    // PUT with the current If-Match: 200 and the next ETag.
    let response = server
        .request(Method::PUT, "/items/1")
        .header(header::IF_MATCH, "\"1-1\"")
        .json(&json!({ "name": "lamp", "description": "brass desk lamp" }))
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "etag"), Some("\"1-2\""));
    let updated: Value = response.json().await.expect("JSON");
    assert_eq!(updated["version"], json!(2));
    assert_eq!(updated["description"], json!("brass desk lamp"));

    // PUT with a stale If-Match: 412, nothing written.
    let response = server
        .request(Method::PUT, "/items/1")
        .header(header::IF_MATCH, "\"1-1\"")
        .json(&json!({ "name": "lost update" }))
        .send()
        .await
        .expect("answered");
    let (_, body) = problem(response, 412, "stale_item").await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("\"1-2\""),
        "{body}"
    );
    let response = server.get("/items/1").await;
    assert_eq!(header(response.headers(), "etag"), Some("\"1-2\""));

    // PUT without If-Match is unconditional.
    let response = server
        .send(Method::PUT, "/items/1", &json!({ "name": "lamp" }))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "etag"), Some("\"1-3\""));

    // 409 from SQLite's UNIQUE constraint, on create and on rename.
    let response = server
        .send(Method::POST, "/items", &json!({ "name": "lamp" }))
        .await;
    let (_, body) = problem(response, 409, "duplicate_name").await;
    assert_eq!(
        body["detail"],
        json!("an item named \"lamp\" already exists")
    );
    let chair = server.create("chair").await;
    let response = server
        .send(
            Method::PUT,
            &format!("/items/{chair}"),
            &json!({ "name": "lamp" }),
        )
        .await;
    problem(response, 409, "duplicate_name").await;

    // PUT on a missing item: 404.
    let response = server
        .send(Method::PUT, "/items/999", &json!({ "name": "ghost" }))
        .await;
    problem(response, 404, "item_not_found").await;

    // PATCH: a method the server knows but the item does not implement, so
    // a 405 whose `Allow` lists only what is implemented.
    let response = server
        .send(Method::PATCH, "/items/1", &json!({ "name": "x" }))
        .await;
    let (headers, _) = problem(response, 405, "method_not_allowed").await;
    assert_eq!(header(&headers, "allow"), Some("GET,HEAD,PUT,DELETE"));

    // DELETE: 204 with no body, then 404 for GET and DELETE.
    let response = server
        .request(Method::DELETE, "/items/1")
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status().as_u16(), 204);
    empty_body(response).await;
    let (_, body) = problem(server.get("/items/1").await, 404, "item_not_found").await;
    assert_eq!(body["detail"], json!("item 1 not found"));
    let response = server
        .request(Method::DELETE, "/items/1")
        .send()
        .await
        .expect("answered");
    problem(response, 404, "item_not_found").await;

    // A non-numeric id: 400, saying what an id is.
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

    server.stop().await;
}

#[tokio::test]
async fn list_pages_with_link_and_rejects_bad_parameters() {
    let server = TestServer::start().await;
    for name in ["a", "b", "c"] {
        server.create(name).await;
    }

    let response = server.get("/items?per_page=2").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_json_content_type(response.headers());
    assert_eq!(
        header(response.headers(), "link"),
        Some("</items?page=2&per_page=2>; rel=\"next\"")
    );
    let page: Value = response.json().await.expect("JSON");
    assert_eq!(page["page"], json!(1));
    assert_eq!(page["per_page"], json!(2));
    assert_eq!(page["total"], json!(3));
    assert_eq!(page["items"].as_array().map(Vec::len), Some(2));

    let response = server.get("/items?page=2&per_page=2").await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response.headers().get("link").is_none(),
        "no next page after the last"
    );
    let page: Value = response.json().await.expect("JSON");
    assert_eq!(page["items"][0]["name"], json!("c"));

    let response = server.get("/items").await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers().get("link").is_none());

    // Out of the demo's range: its own 400. Not a number, or not a
    // parameter of the route: the framework's.
    for (query, code, says) in [
        (
            "per_page=0",
            "bad_parameter",
            "`per_page` must be a whole number from 1 to 100, not 0",
        ),
        (
            "per_page=101",
            "bad_parameter",
            "`per_page` must be a whole number from 1 to 100, not 101",
        ),
        (
            "page=x",
            "invalid_query",
            "query parameter `page`: invalid digit found in string",
        ),
        (
            "sort=name",
            "invalid_query",
            "query parameter `sort`: unknown member, expected `page` or `per_page`",
        ),
    ] {
        let response = server.get(&format!("/items?{query}")).await;
        let (_, body) = problem(response, 400, code).await;
        assert_eq!(body["detail"], json!(says), "{query}");
    }

    // Content negotiation: 406 when JSON is not acceptable.
    for accept in ["application/xml", "application/json;q=0, text/html"] {
        let response = server
            .request(Method::GET, "/items")
            .header(header::ACCEPT, accept)
            .send()
            .await
            .expect("answered");
        let (_, body) = problem(response, 406, "not_acceptable").await;
        assert!(
            body["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("application/json"),
            "{body}"
        );
    }
    for accept in [
        "application/json",
        "*/*",
        "application/*",
        "text/html, */*;q=0.1",
    ] {
        let response = server
            .request(Method::GET, "/items")
            .header(header::ACCEPT, accept)
            .send()
            .await
            .expect("answered");
        assert_eq!(response.status().as_u16(), 200, "Accept: {accept}");
    }
    let response = server
        .request(Method::GET, "/items/1")
        .header(header::ACCEPT, "application/xml")
        .send()
        .await
        .expect("answered");
    problem(response, 406, "not_acceptable").await;

    server.stop().await;
}

#[tokio::test]
async fn export_is_csv_with_byte_ranges() {
    let server = TestServer::start().await;
    server.create("lamp").await;
    server
        .send(
            Method::POST,
            "/items",
            &json!({ "name": "chair", "description": "oak, \"sturdy\"" }),
        )
        .await;

    let response = server.get("/items/export").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "content-type"), Some("text/csv"));
    assert_eq!(header(response.headers(), "accept-ranges"), Some("bytes"));
    let csv = response.text().await.expect("text");
    assert_eq!(
        csv,
        "id,name,description,version\n1,lamp,,1\n2,chair,\"oak, \"\"sturdy\"\"\",1\n"
    );
    let total = csv.len();

    // 206 with Content-Range and exactly the bytes asked for.
    for (range, first, last) in [
        ("bytes=0-9", 0, 9),
        ("bytes=-5", total - 5, total - 1),
        ("bytes=28-", 28, total - 1),
    ] {
        let response = server
            .request(Method::GET, "/items/export")
            .header(header::RANGE, range)
            .send()
            .await
            .expect("answered");
        assert_eq!(response.status().as_u16(), 206, "Range: {range}");
        assert_eq!(header(response.headers(), "content-type"), Some("text/csv"));
        assert_eq!(header(response.headers(), "accept-ranges"), Some("bytes"));
        assert_eq!(
            header(response.headers(), "content-range"),
            Some(format!("bytes {first}-{last}/{total}").as_str())
        );
        let body = response.bytes().await.expect("body");
        assert_eq!(&body[..], &csv.as_bytes()[first..=last], "Range: {range}");
    }

    // A Range the server does not understand is ignored: 200, the whole export.
    let response = server
        .request(Method::GET, "/items/export")
        .header(header::RANGE, "bytes=0-1,4-5")
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.text().await.expect("text"), csv);

    // 416 with `Content-Range: bytes */total`.
    for range in ["bytes=9999-", "bytes=-0"] {
        let response = server
            .request(Method::GET, "/items/export")
            .header(header::RANGE, range)
            .send()
            .await
            .expect("answered");
        let (headers, _) = problem(response, 416, "range_not_satisfiable").await;
        assert_eq!(
            header(&headers, "content-range"),
            Some(format!("bytes */{total}").as_str())
        );
        assert_eq!(header(&headers, "accept-ranges"), Some("bytes"));
    }

    // The export is CSV: asking for JSON only is a 406.
    let response = server
        .request(Method::GET, "/items/export")
        .header(header::ACCEPT, "application/json")
        .send()
        .await
        .expect("answered");
    let (_, body) = problem(response, 406, "not_acceptable").await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("text/csv"),
        "{body}"
    );

    server.stop().await;
}

/// The export opened the way a spreadsheet user's script would, with
/// Python's `csv` module: every cell that starts with `=`, `+`, `-`, `@`,
/// tab or CR (OWASP's list for CSV injection) reads back as text behind a
/// `'`, every other cell exactly as stored.
#[tokio::test]
async fn the_export_neutralises_formulas_and_reads_back_with_pythons_csv_module() {
    let server = TestServer::start().await;
    let items = [
        ("=1+1", "plain"),
        ("@SUM(A1)", "=HYPERLINK(\"http://x\")"),
        ("+cmd", "-2"),
        ("-1", "\ttab first"),
        ("a, \"quoted\" name", "\r=after CR"),
        ("safe = inside", "line\nbreak"),
    ];
    for (name, description) in items {
        let response = server
            .send(
                Method::POST,
                "/items",
                &json!({ "name": name, "description": description }),
            )
            .await;
        assert_eq!(response.status().as_u16(), 201, "{name:?}");
    }
    let csv = server
        .get("/items/export")
        .await
        .text()
        .await
        .expect("text");

    let mut python = std::process::Command::new("python3")
        .args([
            "-c",
            "import csv, io, json, sys\n\
             rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline='')))\n\
             print(json.dumps(rows))",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (the tests need it, as .ci/run does)");
    {
        use std::io::Write as _;
        let mut stdin = python.stdin.take().expect("piped stdin");
        stdin
            .write_all(csv.as_bytes())
            .expect("python reads the CSV");
    }
    let output = python.wait_with_output().expect("python3 finishes");
    assert!(output.status.success(), "python3 failed on {csv:?}");
    let rows: Vec<Vec<String>> = serde_json::from_slice(&output.stdout).expect("JSON rows");

    let text = |cell: &str| {
        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{cell}")
        } else {
            cell.to_owned()
        }
    };
    let mut want = vec![vec![
        "id".to_owned(),
        "name".to_owned(),
        "description".to_owned(),
        "version".to_owned(),
    ]];
    for (id, (name, description)) in (1..).zip(items) {
        want.push(vec![
            format!("{id}"),
            text(name),
            text(description),
            "1".to_owned(),
        ]);
    }
    assert_eq!(rows, want, "{csv}");
    server.stop().await;
}

#[tokio::test]
async fn request_bodies_are_checked() {
    let server = TestServer::start().await;

    // 415: no content type, or another one.
    let response = server
        .request(Method::POST, "/items")
        .body(r#"{"name":"lamp"}"#)
        .send()
        .await
        .expect("answered");
    let (_, body) = problem(response, 415, "unsupported_media_type").await;
    assert_eq!(
        body["detail"],
        json!("expected `Content-Type: application/json`")
    );
    let response = server
        .request(Method::POST, "/items")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(r#"{"name":"lamp"}"#)
        .send()
        .await
        .expect("answered");
    problem(response, 415, "unsupported_media_type").await;

    // 400: not JSON at all.
    for (text, says) in [
        (
            r#"{"name":"#,
            "the request body is not valid JSON: EOF while parsing a value at line 1 column 8",
        ),
        (
            "name=lamp",
            "the request body is not valid JSON: expected `true`, `false` or `null` at line 1 column 2",
        ),
        ("", "the request body is empty; this route reads JSON"),
    ] {
        let response = server
            .request(Method::POST, "/items")
            .header(header::CONTENT_TYPE, "application/json")
            .body(text)
            .send()
            .await
            .expect("answered");
        let (_, body) = problem(response, 400, "malformed_body").await;
        assert_eq!(body["detail"], json!(says), "{text:?}");
    }

    // 422 from the demo: content that fails its validation.
    for (item, says) in [
        (json!({ "name": "   " }), "`name` must not be empty"),
        (
            json!({ "name": "x".repeat(101) }),
            "`name` is longer than 100 characters",
        ),
        (
            json!({ "name": "ok", "description": "d".repeat(1001) }),
            "`description` is longer than 1000 characters",
        ),
        // Control characters, NUL included, are not data a name may hold.
        (
            json!({ "name": "lamp\u{0}" }),
            "`name` must not contain control characters, such as U+0000",
        ),
        (
            json!({ "name": "la\u{1b}[31mmp" }),
            "`name` must not contain control characters, such as U+001B",
        ),
        (
            json!({ "name": "la\nmp" }),
            "`name` must not contain control characters, such as U+000A",
        ),
        (
            json!({ "name": "lamp", "description": "a\u{7f}b" }),
            "`description` must not contain control characters other than tab and line breaks, such as U+007F",
        ),
    ] {
        let response = server.send(Method::POST, "/items", &item).await;
        let (_, body) = problem(response, 422, "validation_failed").await;
        assert!(
            body["detail"].as_str().unwrap_or_default().contains(says),
            "{says} in {body}"
        );
        assert_eq!(body["errors"][0]["detail"], json!(says), "{body}");
    }
    // The longest valid name is accepted (characters, not bytes).
    let response = server
        .send(Method::POST, "/items", &json!({ "name": "é".repeat(100) }))
        .await;
    assert_eq!(response.status().as_u16(), 201);

    // 413: over 64 KiB.
    let response = server
        .send(
            Method::POST,
            "/items",
            &json!({ "name": "big", "description": "x".repeat(70 * 1024) }),
        )
        .await;
    let (_, body) = problem(response, 413, "body_too_large").await;
    assert_eq!(body["detail"], json!("the request body is too large"));

    server.stop().await;
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_is_a_422_pointing_at_the_member() {
    let server = TestServer::start().await;
    // JSON of the wrong shape: each failing member named in `errors` by a
    // JSON Pointer, the first also in `detail`.
    for (item, pointer, says) in [
        (
            json!({ "nam": "lamp" }),
            "#/nam",
            "unknown member, expected `name` or `description`",
        ),
        (
            json!({ "description": "d" }),
            "#/name",
            "this member is required",
        ),
        (
            json!({ "name": 7 }),
            "#/name",
            "invalid type: integer `7`, expected a string",
        ),
        (
            json!(["lamp"]),
            "#",
            "invalid type: array, expected an object",
        ),
        // serde would read a struct from its fields in order; an API reads objects.
        (
            json!(["n", "d"]),
            "#",
            "invalid type: array, expected an object",
        ),
        (json!([]), "#", "invalid type: array, expected an object"),
    ] {
        let response = server.send(Method::POST, "/items", &item).await;
        let (_, body) = problem(response, 422, "invalid_body").await;
        assert_eq!(
            body["errors"],
            json!([{ "detail": says, "pointer": pointer }]),
            "{item}"
        );
        assert_eq!(
            body["detail"],
            json!(format!(
                "the request body does not fit what this route expects: {says} (at {pointer})"
            ))
        );
    }

    server.stop().await;
}

#[tokio::test]
async fn jobs_are_accepted_then_done() {
    let server = TestServer::start().await;
    let item = server.create("lamp").await;

    let response = server
        .send(Method::POST, "/jobs", &json!({ "item_id": item }))
        .await;
    assert_eq!(response.status().as_u16(), 202);
    assert_eq!(header(response.headers(), "location"), Some("/jobs/1"));
    assert_json_content_type(response.headers());
    let job: Value = response.json().await.expect("JSON");
    assert_eq!(job, json!({ "id": 1, "item_id": item, "status": "queued" }));

    let response = server.get("/jobs/1").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.json::<Value>().await.expect("JSON")["status"],
        json!("queued")
    );
    let mut status = Value::Null;
    for _ in 0..40 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        status = server
            .get("/jobs/1")
            .await
            .json::<Value>()
            .await
            .expect("JSON")["status"]
            .clone();
        if status == json!("done") {
            break;
        }
    }
    assert_eq!(status, json!("done"), "the job finishes after about 200 ms");

    let response = server
        .send(Method::POST, "/jobs", &json!({ "item_id": 999 }))
        .await;
    problem(response, 404, "item_not_found").await;
    problem(server.get("/jobs/77").await, 404, "job_not_found").await;
    problem(server.get("/jobs/x").await, 400, "invalid_path_parameter").await;
    let response = server
        .send(Method::POST, "/jobs", &json!({ "item": 1 }))
        .await;
    let (_, body) = problem(response, 422, "invalid_body").await;
    assert_eq!(body["errors"][0]["pointer"], json!("#/item"));

    server.stop().await;
}

#[tokio::test]
async fn admin_routes_need_a_bearer_token_with_the_admin_role() {
    let server = TestServer::start().await;
    let switch = json!({ "enabled": false });

    // 401 with the challenge: no token, another scheme, an unknown token.
    for authorization in [None, Some("Basic YWRtaW46YWRtaW4="), Some("Bearer nope")] {
        for (method, path) in [
            (Method::PUT, "/admin/maintenance"),
            (Method::GET, "/admin/stats"),
        ] {
            let mut request = server.request(method, path).json(&switch);
            if let Some(value) = authorization {
                request = request.header(header::AUTHORIZATION, value);
            }
            let response = request.send().await.expect("answered");
            let (headers, body) = problem(response, 401, "unauthenticated").await;
            assert_eq!(
                header(&headers, "www-authenticate"),
                Some("Bearer realm=\"demo\""),
                "{path} with {authorization:?}"
            );
            assert_eq!(body["detail"], json!("a valid bearer token is required"));
        }
    }

    // 403 for a valid token of the wrong role.
    let response = server
        .request(Method::PUT, "/admin/maintenance")
        .bearer_auth("user-token")
        .json(&switch)
        .send()
        .await
        .expect("answered");
    let (_, body) = problem(response, 403, "forbidden").await;
    assert_eq!(
        body["detail"],
        json!("role `user` may not switch maintenance mode")
    );
    let response = server
        .request(Method::GET, "/admin/stats")
        .bearer_auth("user-token")
        .send()
        .await
        .expect("answered");
    problem(response, 403, "forbidden").await;

    // 200 for the admin.
    server.create("lamp").await;
    let response = server
        .request(Method::GET, "/admin/stats")
        .bearer_auth("admin-token")
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status().as_u16(), 200);
    assert_json_content_type(response.headers());
    assert_eq!(
        response.json::<Value>().await.expect("JSON"),
        json!({ "items": 1, "maintenance": false })
    );
    let response = server
        .request(Method::PUT, "/admin/maintenance")
        .bearer_auth("admin-token")
        .json(&switch)
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.json::<Value>().await.expect("JSON"),
        json!({ "maintenance": false })
    );

    server.stop().await;
}

#[tokio::test]
async fn maintenance_answers_503_with_retry_after_except_health_and_admin() {
    let server = TestServer::start().await;
    server.create("lamp").await;
    let toggle = |enabled: bool| {
        server
            .request(Method::PUT, "/admin/maintenance")
            .bearer_auth("admin-token")
            .json(&json!({ "enabled": enabled }))
            .send()
    };

    let response = toggle(true).await.expect("answered");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.json::<Value>().await.expect("JSON"),
        json!({ "maintenance": true })
    );

    for (method, path) in [
        (Method::GET, "/items"),
        (Method::GET, "/items/1"),
        (Method::POST, "/items"),
        (Method::GET, "/items/1/attachments"),
        (Method::GET, "/teapot"),
    ] {
        let response = server
            .request(method.clone(), path)
            .json(&json!({ "name": "during maintenance" }))
            .send()
            .await
            .expect("answered");
        let (headers, body) = problem(response, 503, "maintenance").await;
        assert_eq!(
            header(&headers, "retry-after"),
            Some("120"),
            "{method} {path}"
        );
        // A 5xx shows the phrase, not the Display text.
        assert_eq!(
            body["detail"],
            json!("Service Unavailable"),
            "{method} {path}"
        );
    }

    // Exempt: /health and /admin/*.
    assert_eq!(server.get("/health").await.status().as_u16(), 200);
    let response = server
        .request(Method::GET, "/admin/stats")
        .bearer_auth("admin-token")
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.json::<Value>().await.expect("JSON"),
        json!({ "items": 1, "maintenance": true })
    );

    // Switched off, the API answers again.
    assert_eq!(
        toggle(false).await.expect("answered").status().as_u16(),
        200
    );
    assert_eq!(server.get("/items/1").await.status().as_u16(), 200);

    server.stop().await;
}

/// Requests that cannot change anything (no such route, a method the route
/// lacks, a method the server does not know) are answered by the method
/// filter and the router, before maintenance and the rate limit: neither a
/// spent budget nor maintenance hides a 404, 405 or 501.
#[tokio::test]
async fn routing_and_method_checks_come_before_maintenance_and_the_rate_limit() {
    let server = TestServer::with_rate_limit(RateLimit {
        burst: 2,
        per_second: 0.0,
    })
    .await;
    let toggle = || {
        server
            .request(Method::PUT, "/admin/maintenance")
            .bearer_auth("admin-token")
            .json(&json!({ "enabled": true }))
            .send()
    };
    // Both tokens spent, and maintenance on.
    for _ in 0..2 {
        assert_eq!(toggle().await.expect("answered").status().as_u16(), 200);
    }
    let send = |method: &str, path: &str| {
        server
            .request(
                Method::from_bytes(method.as_bytes()).expect("a method"),
                path,
            )
            .json(&json!({ "name": "x" }))
            .send()
    };
    for (method, path, status, code, allow) in [
        (
            "DELETE",
            "/health",
            405,
            "method_not_allowed",
            Some("GET,HEAD"),
        ),
        (
            "POST",
            "/teapot",
            405,
            "method_not_allowed",
            Some("GET,HEAD"),
        ),
        (
            "PATCH",
            "/items/1",
            405,
            "method_not_allowed",
            Some("GET,HEAD,PUT,DELETE"),
        ),
        ("POST", "/no/such/route", 404, "route_not_found", None),
        ("GET", "/no/such/route", 404, "route_not_found", None),
        ("BREW", "/items", 501, "not_implemented", None),
        ("BREW", "/coffee", 501, "not_implemented", None),
        // A route that exists: maintenance first, so no token is asked for.
        ("POST", "/items", 503, "maintenance", None),
        ("GET", "/items", 503, "maintenance", None),
    ] {
        let response = send(method, path).await.expect("answered");
        let (headers, _) = problem(response, status, code).await;
        // `Allow` on a 405 only (RFC 9110 Section 10.2.1).
        assert_eq!(header(&headers, "allow"), allow, "{method} {path}");
    }
    // /admin/* is exempt from maintenance, not from the limit.
    let response = toggle().await.expect("answered");
    let (headers, _) = problem(response, 429, "rate_limited").await;
    assert_eq!(header(&headers, "allow"), None);

    server.stop().await;
}

/// Caching says what each response means: errors `no-store` (but the 410
/// of a route retired for good, which opts in), the framework's own
/// problems too; `ETag` responses `no-cache` (store, but revalidate);
/// `/health` `no-store`.
#[tokio::test]
async fn responses_tell_caches_what_they_mean() {
    let server = TestServer::start().await;
    let created = server
        .send(Method::POST, "/items", &json!({ "name": "lamp" }))
        .await;
    assert_eq!(created.status().as_u16(), 201);
    let cache_control =
        |response: &Response| header(response.headers(), "cache-control").map(str::to_owned);
    assert_eq!(cache_control(&created).as_deref(), Some("no-cache"));
    let etag = header(created.headers(), "etag")
        .expect("an ETag")
        .to_owned();

    let ok = server.get("/items/1").await;
    assert_eq!(ok.status().as_u16(), 200);
    assert_eq!(cache_control(&ok).as_deref(), Some("no-cache"));
    let not_modified = server
        .request(Method::GET, "/items/1")
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .expect("answered");
    assert_eq!(not_modified.status().as_u16(), 304);
    assert_eq!(cache_control(&not_modified).as_deref(), Some("no-cache"));
    let updated = server
        .send(Method::PUT, "/items/1", &json!({ "name": "desk lamp" }))
        .await;
    assert_eq!(updated.status().as_u16(), 200);
    assert_eq!(cache_control(&updated).as_deref(), Some("no-cache"));
    let health = server.get("/health").await;
    assert_eq!(cache_control(&health).as_deref(), Some("no-store"));

    for (method, path, status) in [
        (Method::GET, "/items/999", 404),
        (Method::GET, "/no/such/route", 404),
        (Method::DELETE, "/health", 405),
        (Method::GET, "/items?page=0", 400),
        (Method::GET, "/items/1/attachments", 500),
        (Method::GET, "/teapot", 418),
        (Method::POST, "/items", 422),
    ] {
        let response = server
            .request(method.clone(), path)
            .json(&json!([]))
            .send()
            .await
            .expect("answered");
        assert_eq!(response.status().as_u16(), status, "{method} {path}");
        assert_eq!(
            cache_control(&response).as_deref(),
            Some("no-store"),
            "{method} {path}"
        );
    }
    let gone = server.get("/v1/items").await;
    assert_eq!(gone.status().as_u16(), 410);
    assert_eq!(cache_control(&gone), None, "a 410 that opts in");

    server.stop().await;
}

#[tokio::test]
async fn redirects_carry_location() {
    let server = TestServer::start().await;
    for (method, path, status) in [
        (Method::GET, "/old-items", 301),
        (Method::GET, "/temp-items", 302),
        (Method::POST, "/submit-form", 303),
        (Method::POST, "/upload", 307),
        (Method::GET, "/catalog", 308),
    ] {
        let response = server
            .request(method.clone(), path)
            .send()
            .await
            .expect("answered");
        assert_eq!(response.status().as_u16(), status, "{method} {path}");
        assert_eq!(
            header(response.headers(), "location"),
            Some("/items"),
            "{method} {path}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn gone_teapot_not_found_and_method_not_allowed_are_problems() {
    let server = TestServer::start().await;

    // 410 for any method.
    for method in [Method::GET, Method::POST, Method::DELETE] {
        let response = server
            .request(method, "/v1/items")
            .send()
            .await
            .expect("answered");
        let (_, body) = problem(response, 410, "route_retired").await;
        assert_eq!(body["detail"], json!("/v1/items was retired; use /items"));
    }

    let (_, body) = problem(server.get("/teapot").await, 418, "teapot").await;
    assert_eq!(
        body["detail"],
        json!("I'm a teapot: this server refuses to brew coffee")
    );

    let (_, body) = problem(server.get("/no/such/route").await, 404, "route_not_found").await;
    assert_eq!(body["detail"], json!("no route for /no/such/route"));

    // 405 with Allow naming the methods the route answers.
    for (method, path, allowed) in [
        (Method::DELETE, "/health", &["GET", "HEAD"][..]),
        (Method::DELETE, "/items", &["GET", "HEAD", "POST"][..]),
        (Method::POST, "/items/export", &["GET", "HEAD"][..]),
        (
            Method::POST,
            "/items/1",
            &["GET", "HEAD", "PUT", "DELETE"][..],
        ),
        (Method::GET, "/admin/maintenance", &["PUT"][..]),
        (Method::GET, "/jobs", &["POST"][..]),
        (Method::POST, "/teapot", &["GET", "HEAD"][..]),
    ] {
        let response = server
            .request(method.clone(), path)
            .send()
            .await
            .expect("answered");
        let (headers, body) = problem(response, 405, "method_not_allowed").await;
        let allow = header(&headers, "allow").expect("a 405 carries Allow");
        let mut got: Vec<&str> = allow.split(',').map(str::trim).collect();
        let mut want = allowed.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{method} {path}");
        assert!(
            body["detail"]
                .as_str()
                .unwrap_or_default()
                .starts_with(&format!("{method} is not allowed here")),
            "{body}"
        );
    }

    server.stop().await;
}

#[tokio::test]
async fn a_database_failure_is_a_500_that_leaks_nothing() {
    let server = TestServer::start().await;
    problem(
        server.get("/items/1/attachments").await,
        404,
        "item_not_found",
    )
    .await;
    server.create("lamp").await;

    let response = server.get("/items/1/attachments").await;
    assert_eq!(response.status().as_u16(), 500);
    let text = String::from_utf8(response.bytes().await.expect("body").to_vec()).expect("UTF-8");
    let lower = text.to_ascii_lowercase();
    for leak in LEAKS {
        assert!(!lower.contains(leak), "{leak:?} leaked in {text}");
    }
    // Same request again, checked as a problem.
    let (_, body) = problem(server.get("/items/1/attachments").await, 500, "internal").await;
    assert_eq!(body["detail"], json!("Internal Server Error"));

    server.stop().await;
}

#[tokio::test]
async fn changes_over_the_rate_limit_get_429_with_retry_after() {
    let server = TestServer::with_rate_limit(RateLimit {
        burst: 3,
        per_second: 0.01,
    })
    .await;
    for name in ["a", "b", "c"] {
        server.create(name).await;
    }
    let response = server
        .send(Method::POST, "/items", &json!({ "name": "d" }))
        .await;
    let (headers, body) = problem(response, 429, "rate_limited").await;
    let retry_after: u64 = header(&headers, "retry-after")
        .expect("a 429 carries Retry-After")
        .parse()
        .expect("Retry-After in seconds");
    assert!((90..=100).contains(&retry_after), "{retry_after}");
    assert_eq!(
        body["detail"],
        json!(format!("rate limit exceeded; retry in {retry_after} s"))
    );
    // Any method that changes something counts; reads do not.
    let response = server
        .request(Method::DELETE, "/items/1")
        .send()
        .await
        .expect("answered");
    problem(response, 429, "rate_limited").await;
    let response = server.get("/items").await;
    assert_eq!(response.status().as_u16(), 200);
    let page: Value = response.json().await.expect("JSON");
    assert_eq!(page["total"], json!(3), "the refused create wrote nothing");

    server.stop().await;
}

/// The text of every ERROR event of this test binary.
///
/// Global, not `set_default` for one test: tracing caches a callsite's
/// interest when another test's thread first reaches it, and a thread-local
/// subscriber set later would miss its events when tests run in parallel.
#[derive(Default)]
struct ErrorLog(Mutex<Vec<String>>);

impl ErrorLog {
    /// The binary's log, installed as the global subscriber on first use.
    fn global() -> &'static ErrorLog {
        static LOG: OnceLock<&'static ErrorLog> = OnceLock::new();
        LOG.get_or_init(|| {
            let log: &'static ErrorLog = Box::leak(Box::default());
            tracing::subscriber::set_global_default(log)
                .expect("no other global subscriber in this test binary");
            log
        })
    }

    fn events(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl tracing::Subscriber for &'static ErrorLog {
    fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
        *metadata.level() == tracing::Level::ERROR
    }

    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }

    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}

    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}

    fn event(&self, event: &tracing::Event<'_>) {
        let mut text = String::new();
        event.record(&mut |field: &tracing::field::Field, value: &dyn Debug| {
            let _ = write!(text, "{}={value:?} ", field.name());
        });
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(text);
    }

    fn enter(&self, _: &tracing::span::Id) {}

    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn a_panicking_handler_is_a_masked_500_logged_and_the_server_goes_on() {
    let log = ErrorLog::global();
    let server = TestServer::start().await;
    server.create("lamp").await;

    for _ in 0..3 {
        let response = server
            .request(Method::GET, "/debug/panic")
            .send()
            .await
            .expect("a panicking handler is answered, not a dropped connection");
        let (_, body) = problem(response, 500, "internal_error").await;
        assert_eq!(body["detail"], json!("Internal Server Error"), "{body}");
        let text = body.to_string().to_ascii_lowercase();
        for leak in ["panic", "deliberate", "demonstration"] {
            assert!(!text.contains(leak), "{leak:?} leaked in {body}");
        }
        // The same server, the same database, still answering.
        assert_eq!(server.get("/health").await.status().as_u16(), 200);
        assert_eq!(server.get("/items/1").await.status().as_u16(), 200);
    }

    let events = log.events();
    let logged = events
        .iter()
        .filter(|event| {
            event.contains("status=500")
                && event.contains("handler panicked: deliberate panic in GET /debug/panic")
        })
        .count();
    assert_eq!(
        logged, 3,
        "one ERROR with the panic message per panic: {events:?}"
    );

    server.stop().await;
}

// Regressions: bugs these tests found in the demo, now fixed.

/// Credentials are checked before the body is read: a client without them
/// gets the 401 challenge, not a 415/400/422 describing the expected body.
#[tokio::test]
async fn an_anonymous_maintenance_switch_is_401_whatever_its_body() {
    let server = TestServer::start().await;
    for (content_type, body) in [(None, ""), (Some("application/json"), "{}")] {
        let mut request = server.request(Method::PUT, "/admin/maintenance").body(body);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let response = request.send().await.expect("answered");
        let (headers, _) = problem(response, 401, "unauthenticated").await;
        assert_eq!(
            header(&headers, "www-authenticate"),
            Some("Bearer realm=\"demo\"")
        );
    }
    server.stop().await;
}

/// A bucket that never refills (`per_second: 0.0`) once made the limiter
/// panic converting an infinite wait into a `Duration`, dropping the
/// connection; it answers 429 with the longest announced wait.
#[tokio::test]
async fn a_rate_limit_without_refill_answers_429_not_a_dropped_connection() {
    let server = TestServer::with_rate_limit(RateLimit {
        burst: 1,
        per_second: 0.0,
    })
    .await;
    server.create("a").await;
    let answer = server
        .request(Method::POST, "/items")
        .json(&json!({ "name": "b" }))
        .send()
        .await;
    let response = answer.expect("the request over the limit is answered, not dropped");
    let (headers, _) = problem(response, 429, "rate_limited").await;
    assert!(header(&headers, "retry-after").is_some());
    server.stop().await;
}
