//! The cases every framework integration must answer with a problem, over
//! real HTTP on a raw loopback socket (so that chunked and stalled bodies can
//! be sent), and the checks each answer must pass.
//!
//! Each framework's test file builds a small app the way the README tells a
//! user to, with the routes and limits below, and expands
//! [`framework_cases!`] with a function that starts it.
//!
//! | route | reads |
//! |---|---|
//! | `POST /items` | JSON `{"name": string, "tags": [{"label": string}]}`, answers 201 with it |
//! | `GET /items` | query `page` (a `u32`), nothing else |
//! | `GET /items/{id}` | a `u32` path parameter |
//! | `GET /slow` | answers after 30 s |
//! | `POST /slow-read` | waits [`SLOW_READ_DELAY`], then reads its body |
//! | `GET /panic` | panics with [`PANIC_MESSAGE`] |
//!
//! Body limit [`BODY_LIMIT`] bytes, body timeout [`BODY_TIMEOUT`], handler
//! timeout [`HANDLER_TIMEOUT`].

use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

/// The apps' request body limit.
pub(crate) const BODY_LIMIT: usize = 1024;
/// The apps' body-read timeout: short, so the stalled-body case is quick.
pub(crate) const BODY_TIMEOUT: Duration = Duration::from_millis(400);
/// The apps' handler timeout. It counts from the call, reading the body
/// included, so it is well over [`BODY_TIMEOUT`]: a stalled body meets the
/// body timeout first, and `/slow-read`'s body the handler timeout.
pub(crate) const HANDLER_TIMEOUT: Duration = Duration::from_secs(1);
/// How long `POST /slow-read` waits before it reads its body: its body's
/// deadline then runs out 200 ms after the handler timeout.
pub(crate) const SLOW_READ_DELAY: Duration = Duration::from_millis(800);
/// What `GET /panic` panics with: it must reach no client.
pub(crate) const PANIC_MESSAGE: &str = "deliberate panic with secret 10.0.0.7";
/// How long any answer may take on a slow, shared CI machine.
const ANSWER_WITHIN: Duration = Duration::from_secs(10);
/// How long after its answer a server may take to close the connection.
const CLOSED_WITHIN: Duration = Duration::from_secs(5);

/// Text no framework problem may contain: Rust type names, serde's and the
/// frameworks' own wording, the panic message.
const INTERNAL: &[&str] = &[
    "NewItem",
    "struct",
    "serde",
    "Failed to",
    "u32",
    "i64",
    "axum",
    "actix",
    "poem",
    "panicked",
    "deliberate",
    "10.0.0.7",
];

/// One response, read off a raw connection.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: HashMap<String, String>,
    pub(crate) body: Vec<u8>,
    /// Whether the server closed the connection after the answer.
    pub(crate) closed: bool,
    /// From the end of the request's headers to the end of the answer.
    pub(crate) took: Duration,
}

impl Answer {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    /// Asserts an `application/problem+json` answer with this status and
    /// code, whose body's `status` is the HTTP status and which holds no
    /// internal text. Returns the body.
    pub(crate) fn problem(&self, status: u16, code: &str, case: &str) -> Value {
        let text = String::from_utf8_lossy(&self.body);
        assert_eq!(self.status, status, "{case}: {text}");
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "{case}: {text}"
        );
        let body: Value = serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("{case}: not JSON ({error}): {text}"));
        assert_eq!(body["status"], json!(status), "{case}: {body}");
        assert_eq!(body["code"], json!(code), "{case}: {body}");
        assert!(body["title"].is_string(), "{case}: {body}");
        assert!(
            body["detail"]
                .as_str()
                .is_some_and(|detail| !detail.is_empty()),
            "{case}: {body}"
        );
        for internal in INTERNAL {
            assert!(
                !text.contains(internal),
                "{case} leaks {internal:?}: {text}"
            );
        }
        body
    }
}

/// Sends `head` (without the blank line) and `body` on a new connection and
/// reads until the server closes it or [`ANSWER_WITHIN`] passes.
pub(crate) async fn exchange(address: SocketAddr, head: &str, body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(address).await.expect("connect");
    let mut request = format!("{head}\r\nhost: {address}\r\n\r\n").into_bytes();
    request.extend_from_slice(body);
    // The server may answer and close before it has read everything (a 413):
    // the write fails then, and the answer is what counts.
    let _ = stream.write_all(&request).await;
    let sent = Instant::now();
    read_answer(&mut stream, sent).await
}

async fn read_answer(stream: &mut TcpStream, sent: Instant) -> Answer {
    let mut bytes = Vec::new();
    let mut buffer = vec![0; 16 * 1024];
    let deadline = sent + ANSWER_WITHIN;
    loop {
        if let Some(answer) = parse(&bytes) {
            // A complete answer: is the connection closed after it? (actix
            // takes about half a second to close after a 408.)
            let rest = tokio::time::timeout(CLOSED_WITHIN, stream.read(&mut buffer));
            let closed = matches!(rest.await, Ok(Ok(0) | Err(_)));
            return Answer {
                closed,
                took: sent.elapsed(),
                ..answer
            };
        }
        let now = Instant::now();
        assert!(
            now < deadline,
            "no complete answer within {ANSWER_WITHIN:?}: {:?}",
            String::from_utf8_lossy(&bytes)
        );
        match tokio::time::timeout(deadline - now, stream.read(&mut buffer)).await {
            // The server closed, or reset after the answer (unread request bytes).
            Ok(Ok(0)) => break,
            Ok(Err(_)) if !bytes.is_empty() => break,
            Ok(Ok(read)) => bytes.extend_from_slice(&buffer[..read]),
            Ok(Err(error)) => panic!("no answer: {error}"),
            Err(elapsed) => panic!("no answer within {ANSWER_WITHIN:?}: {elapsed}"),
        }
    }
    let answer = parse(&bytes).unwrap_or_else(|| {
        panic!(
            "an incomplete answer before the close: {:?}",
            String::from_utf8_lossy(&bytes)
        )
    });
    Answer {
        closed: true,
        took: sent.elapsed(),
        ..answer
    }
}

/// One complete response at the start of `bytes`, or `None` if more must be read.
fn parse(bytes: &[u8]) -> Option<Answer> {
    let end = bytes.windows(4).position(|window| window == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&bytes[..end]).expect("a UTF-8 head");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers: HashMap<String, String> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let rest = &bytes[end + 4..];
    let body = if let Some(length) = headers.get("content-length") {
        let length: usize = length.parse().expect("a numeric Content-Length");
        rest.get(..length)?.to_vec()
    } else if headers
        .get("transfer-encoding")
        .is_some_and(|coding| coding.eq_ignore_ascii_case("chunked"))
    {
        dechunk(rest)?
    } else {
        return None;
    };
    Some(Answer {
        status,
        headers,
        body,
        closed: false,
        took: Duration::ZERO,
    })
}

fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|window| window == b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

/// `POST /items` with a JSON content type and this body.
pub(crate) async fn post_json(address: SocketAddr, body: &str) -> Answer {
    let head = format!(
        "POST /items HTTP/1.1\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close",
        body.len()
    );
    exchange(address, &head, body.as_bytes()).await
}

/// `method path` with no body.
pub(crate) async fn request(address: SocketAddr, method: &str, path: &str) -> Answer {
    exchange(
        address,
        &format!("{method} {path} HTTP/1.1\r\nconnection: close"),
        b"",
    )
    .await
}

pub(crate) async fn a_valid_body_passes_through_untouched(address: SocketAddr) {
    let answer = post_json(address, r#"{"name":"lamp","tags":[{"label":"desk"}]}"#).await;
    assert_eq!(
        answer.status,
        201,
        "{:?}",
        String::from_utf8_lossy(&answer.body)
    );
    assert!(
        answer
            .header("content-type")
            .is_some_and(|content_type| content_type.starts_with("application/json")),
        "{:?}",
        answer.headers
    );
    let body: Value = serde_json::from_slice(&answer.body).expect("JSON");
    assert_eq!(body, json!({"name": "lamp", "tags": [{"label": "desk"}]}));
    let answer = request(address, "GET", "/items/7").await;
    assert_eq!(answer.status, 200);
}

pub(crate) async fn malformed_json_is_400(address: SocketAddr) {
    for body in [r#"{"name":}"#, r"{name: 'lamp'}", "not json", ""] {
        let answer = post_json(address, body).await;
        answer.problem(400, "malformed_body", &format!("malformed {body:?}"));
    }
}

pub(crate) async fn truncated_json_is_400_even_when_its_start_does_not_fit(address: SocketAddr) {
    for body in [
        r#"{"name":"lamp""#,
        r#"{"nam":"lamp""#,
        r#"{"name":"lamp","tags":[{"#,
    ] {
        let answer = post_json(address, body).await;
        let problem = answer.problem(400, "malformed_body", &format!("truncated {body:?}"));
        assert!(
            problem["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("JSON"),
            "{problem}"
        );
    }
}

pub(crate) async fn a_wrong_content_type_is_415(address: SocketAddr) {
    for content_type in ["text/plain", "application/x-www-form-urlencoded"] {
        let body = r#"{"name":"lamp"}"#;
        let head = format!(
            "POST /items HTTP/1.1\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close",
            body.len()
        );
        let answer = exchange(address, &head, body.as_bytes()).await;
        answer.problem(415, "unsupported_media_type", content_type);
    }
    let body = r#"{"name":"lamp"}"#;
    let head = format!(
        "POST /items HTTP/1.1\r\ncontent-length: {}\r\nconnection: close",
        body.len()
    );
    let answer = exchange(address, &head, body.as_bytes()).await;
    answer.problem(415, "unsupported_media_type", "no content type");
}

fn oversized_json() -> String {
    format!(r#"{{"name":"{}"}}"#, "x".repeat(BODY_LIMIT * 4))
}

pub(crate) async fn an_oversized_body_is_413_with_content_length(address: SocketAddr) {
    let answer = post_json(address, &oversized_json()).await;
    answer.problem(413, "body_too_large", "oversized with Content-Length");
}

pub(crate) async fn an_oversized_chunked_body_is_413(address: SocketAddr) {
    let json = oversized_json();
    let mut body = Vec::new();
    for chunk in json.as_bytes().chunks(512) {
        body.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        body.extend_from_slice(chunk);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"0\r\n\r\n");
    let head = "POST /items HTTP/1.1\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close";
    let answer = exchange(address, head, &body).await;
    answer.problem(413, "body_too_large", "oversized chunked");
}

pub(crate) async fn a_wrong_shape_is_422_pointing_at_the_member(address: SocketAddr) {
    for (body, pointer) in [
        (r#"{"name":7}"#, "#/name"),
        (r#"{"tags":[]}"#, "#/name"),
        (
            r#"{"name":"lamp","tags":[{"label":"a"},{"label":false}]}"#,
            "#/tags/1/label",
        ),
        (r#"["lamp"]"#, "#"),
        (r#"{"name":"lamp","tags":[["a"]]}"#, "#/tags/0"),
    ] {
        let answer = post_json(address, body).await;
        let problem = answer.problem(422, "invalid_body", &format!("shape {body}"));
        let errors = problem["errors"].as_array().expect("an errors array");
        assert_eq!(errors.len(), 1, "{problem}");
        assert_eq!(errors[0]["pointer"], json!(pointer), "{body}: {problem}");
        assert!(errors[0]["detail"].is_string(), "{problem}");
    }
}

pub(crate) async fn a_bad_path_parameter_is_400(address: SocketAddr) {
    for path in ["/items/abc", "/items/-1", "/items/99999999999"] {
        let answer = request(address, "GET", path).await;
        let problem = answer.problem(400, "invalid_path_parameter", path);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("an integer from 0 to 4294967295"),
            "{path}: {problem}"
        );
    }
}

pub(crate) async fn a_bad_query_is_400(address: SocketAddr) {
    for (path, says) in [("/items?page=x", "page"), ("/items?sort=name", "sort")] {
        let answer = request(address, "GET", path).await;
        let problem = answer.problem(400, "invalid_query", path);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap_or_default()
                .contains(says),
            "{path}: {problem}"
        );
    }
    assert_eq!(request(address, "GET", "/items?page=2").await.status, 200);
}

pub(crate) async fn an_unknown_path_is_404(address: SocketAddr) {
    let answer = request(address, "GET", "/no/such/route").await;
    let problem = answer.problem(404, "route_not_found", "unknown path");
    assert_eq!(problem["detail"], json!("no route for /no/such/route"));
}

pub(crate) async fn a_wrong_method_is_405_with_allow(address: SocketAddr) {
    for (method, path) in [("DELETE", "/items"), ("PUT", "/items/7")] {
        let answer = request(address, method, path).await;
        answer.problem(405, "method_not_allowed", &format!("{method} {path}"));
        let allow = answer.header("allow").expect("a 405 carries Allow");
        let allowed: Vec<&str> = allow.split(',').map(str::trim).collect();
        assert!(allowed.contains(&"GET"), "{method} {path}: Allow: {allow}");
        assert!(
            !allowed.contains(&method),
            "{method} {path}: Allow: {allow}"
        );
    }
}

/// Headers, `Content-Length: 100`, 9 bytes of body, then nothing: a 408
/// within the body timeout, and the connection closed.
pub(crate) async fn a_stalled_body_is_408_and_the_connection_closes(address: SocketAddr) {
    stalled_body_is_408(address, "/items", BODY_TIMEOUT, "stalled body").await;
}

/// A handler that is still reading a stalled body when the handler timeout
/// runs out waits for the client, not for itself: 408, not 503 with a
/// `Retry-After` that would invite the client to stall again.
pub(crate) async fn a_body_stalled_past_the_handler_timeout_is_408(address: SocketAddr) {
    let case = "body stalled past the handler timeout";
    let answer = stalled_body_is_408(address, "/slow-read", HANDLER_TIMEOUT, case).await;
    assert_eq!(answer.header("retry-after"), None, "{:?}", answer.headers);
}

/// Headers, `Content-Length: 100` and 9 bytes of body to `path`, then
/// nothing: a 408 `body_timeout` no sooner than `timeout`, and the
/// connection closed.
async fn stalled_body_is_408(
    address: SocketAddr,
    path: &str,
    timeout: Duration,
    case: &str,
) -> Answer {
    let head =
        format!("POST {path} HTTP/1.1\r\ncontent-type: application/json\r\ncontent-length: 100");
    let answer = exchange(address, &head, br#"{"name":""#).await;
    answer.problem(408, "body_timeout", case);
    assert!(
        answer.closed,
        "{case}: the server closes the connection after a 408: {:?}",
        answer.headers
    );
    assert!(
        answer.took >= timeout.mul_f32(0.9),
        "{case}: answered after {:?}, before the timeout",
        answer.took
    );
    answer
}

pub(crate) async fn a_slow_handler_is_503_with_retry_after(address: SocketAddr) {
    let answer = request(address, "GET", "/slow").await;
    answer.problem(503, "handler_timeout", "slow handler");
    let retry_after: u64 = answer
        .header("retry-after")
        .expect("a 503 carries Retry-After")
        .parse()
        .expect("Retry-After in seconds");
    assert!(retry_after >= 1, "{retry_after}");
    assert!(
        answer.took >= HANDLER_TIMEOUT.mul_f32(0.9),
        "{:?}",
        answer.took
    );
}

pub(crate) async fn a_panic_is_a_masked_500_and_the_server_goes_on(address: SocketAddr) {
    for _ in 0..2 {
        let answer = request(address, "GET", "/panic").await;
        let problem = answer.problem(500, "internal_error", "panic");
        assert_eq!(problem["detail"], json!("Internal Server Error"));
        assert_eq!(request(address, "GET", "/items/1").await.status, 200);
    }
}

/// An `application/problem+xml` answer (RFC 9457, Appendix B): its status,
/// `Vary: Accept`, and the document's `status` and `code` elements, read
/// with a real XML parser. Returns the `(name, text)` of the root's children.
fn xml_problem(answer: &Answer, status: u16, code: &str, case: &str) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(&answer.body);
    assert_eq!(answer.status, status, "{case}: {text}");
    assert_eq!(
        answer.header("content-type"),
        Some("application/problem+xml"),
        "{case}: {text}"
    );
    assert!(
        answer.header("vary").is_some_and(|vary| vary
            .split(',')
            .any(|name| name.trim().eq_ignore_ascii_case("accept"))),
        "{case}: a negotiated answer varies on Accept: {:?}",
        answer.headers
    );
    let document = roxmltree::Document::parse(&text)
        .unwrap_or_else(|error| panic!("{case}: not XML ({error}): {text}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "problem", "{case}");
    assert_eq!(
        root.tag_name().namespace(),
        Some("urn:ietf:rfc:7807"),
        "{case}"
    );
    let members: Vec<(String, String)> = root
        .children()
        .filter(roxmltree::Node::is_element)
        .map(|child| {
            let text: String = child
                .descendants()
                .filter(roxmltree::Node::is_text)
                .filter_map(|node| node.text())
                .collect();
            (child.tag_name().name().to_owned(), text)
        })
        .collect();
    let member = |name: &str| {
        members
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    };
    assert_eq!(
        member("status"),
        Some(status.to_string().as_str()),
        "{case}: {text}"
    );
    assert_eq!(member("code"), Some(code), "{case}: {text}");
    for internal in INTERNAL {
        assert!(
            !text.contains(internal),
            "{case} leaks {internal:?}: {text}"
        );
    }
    members
}

/// Every kind of problem, asked for as `application/problem+xml`: an
/// extractor's rejection (rendered by the handler side, re-rendered by the
/// layer), the router's own 404 and 405, a body limit's 413, a 415, a panic;
/// and without that `Accept`, the same errors stay JSON and still vary.
pub(crate) async fn problem_xml_is_negotiated_for_every_kind_of_error(address: SocketAddr) {
    const XML: &str = "application/problem+json;q=0.5, application/problem+xml";
    let get = |path: &str| format!("GET {path} HTTP/1.1\r\naccept: {XML}\r\nconnection: close");
    let post = |content_type: &str, body: &str| {
        format!(
            "POST /items HTTP/1.1\r\naccept: {XML}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close",
            body.len()
        )
    };

    let answer = exchange(address, &get("/no/such/route"), b"").await;
    xml_problem(&answer, 404, "route_not_found", "xml 404");
    let answer = exchange(
        address,
        &format!("DELETE /items HTTP/1.1\r\naccept: {XML}\r\nconnection: close"),
        b"",
    )
    .await;
    xml_problem(&answer, 405, "method_not_allowed", "xml 405");
    assert!(answer.header("allow").is_some(), "xml 405 keeps Allow");
    let body = r#"{"name":"#;
    let answer = exchange(address, &post("application/json", body), body.as_bytes()).await;
    xml_problem(&answer, 400, "malformed_body", "xml 400");
    let body = r#"{"name":"lamp"}"#;
    let answer = exchange(address, &post("text/plain", body), body.as_bytes()).await;
    xml_problem(&answer, 415, "unsupported_media_type", "xml 415");
    let body = oversized_json();
    let answer = exchange(address, &post("application/json", &body), body.as_bytes()).await;
    xml_problem(&answer, 413, "body_too_large", "xml 413");
    let body = r#"{"name":"lamp","tags":[{"label":"a"},{"label":7}]}"#;
    let answer = exchange(address, &post("application/json", body), body.as_bytes()).await;
    let members = xml_problem(&answer, 422, "invalid_body", "xml 422");
    let errors = members
        .iter()
        .find(|(name, _)| name == "errors")
        .map(|(_, text)| text.as_str());
    assert!(
        errors.is_some_and(|errors| errors.contains("#/tags/1/label")),
        "xml 422 points at the member: {members:?}"
    );
    let answer = exchange(address, &get("/panic"), b"").await;
    let members = xml_problem(&answer, 500, "internal_error", "xml 500");
    assert!(
        members.contains(&("detail".to_owned(), "Internal Server Error".to_owned())),
        "{members:?}"
    );

    // No preference for XML: JSON, and the answer still varies on Accept.
    let answer = request(address, "GET", "/no/such/route").await;
    answer.problem(404, "route_not_found", "json 404");
    assert!(
        answer
            .header("vary")
            .is_some_and(|vary| vary.to_ascii_lowercase().contains("accept")),
        "json 404 varies on Accept: {:?}",
        answer.headers
    );
    // Successful answers are not negotiated.
    let answer = exchange(address, &get("/items/1"), b"").await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("vary"), None, "{:?}", answer.headers);
}

/// One `#[tokio::test]` per case, each on a fresh app from `$start`, an
/// `async fn() -> impl Running` whose `address()` the cases use.
#[macro_export]
macro_rules! framework_cases {
    ($start:path) => {
        $crate::framework_cases!(@each $start;
            a_valid_body_passes_through_untouched,
            malformed_json_is_400,
            truncated_json_is_400_even_when_its_start_does_not_fit,
            a_wrong_content_type_is_415,
            an_oversized_body_is_413_with_content_length,
            an_oversized_chunked_body_is_413,
            a_wrong_shape_is_422_pointing_at_the_member,
            a_bad_path_parameter_is_400,
            a_bad_query_is_400,
            an_unknown_path_is_404,
            a_wrong_method_is_405_with_allow,
            a_stalled_body_is_408_and_the_connection_closes,
            a_body_stalled_past_the_handler_timeout_is_408,
            a_slow_handler_is_503_with_retry_after,
            a_panic_is_a_masked_500_and_the_server_goes_on,
            problem_xml_is_negotiated_for_every_kind_of_error,
        );
    };
    (@each $start:path; $($case:ident),* $(,)?) => {$(
        #[tokio::test]
        async fn $case() {
            let app = $start().await;
            framework_cases::$case(app.address()).await;
            drop(app);
        }
    )*};
}
