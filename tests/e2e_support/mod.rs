//! Assertions shared by the end-to-end tests of the axum demo and the
//! actix-web example, which answer with the same `DemoError` problems.

use reqwest::Response;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use status_core::{ErrorCatalog, FrameworkError, StatusCode};
use status_examples::error::DemoError;

/// A header's value as text.
pub(crate) fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

/// Asserts a problem+json response: status, exact content type, and the five
/// members (see [`assert_problem_body`]). Returns headers and body.
pub(crate) async fn problem(response: Response, status: u16, code: &str) -> (HeaderMap, Value) {
    assert_eq!(
        response.status().as_u16(),
        status,
        "status of {}",
        response.url()
    );
    let headers = response.headers().clone();
    assert_eq!(
        header(&headers, "content-type"),
        Some("application/problem+json"),
        "content type of a {status}"
    );
    let body: Value = response.json().await.expect("a JSON problem body");
    assert_problem_body(&body, status, code);
    (headers, body)
}

/// Asserts a problem body's members: all five there, `status` equal to the
/// HTTP status, `title` the registry's phrase, `code` as given, `type` the
/// one the catalog of `DemoError` or of the framework problems gives that
/// code, and a non-empty `detail`.
pub(crate) fn assert_problem_body(body: &Value, status: u16, code: &str) {
    let object = body.as_object().expect("the problem is a JSON object");
    for member in ["type", "title", "status", "detail", "code"] {
        assert!(object.contains_key(member), "{member} missing in {body}");
    }
    assert_eq!(body["status"], json!(status), "{body}");
    let phrase = StatusCode::from_u16(status)
        .expect("a registry code")
        .reason_phrase();
    assert_eq!(body["title"], json!(phrase), "{body}");
    assert_eq!(body["code"], json!(code), "{body}");
    let entry = DemoError::by_code(code)
        .or_else(|| FrameworkError::by_code(code))
        .unwrap_or_else(|| panic!("{code} is in no catalog"));
    assert_eq!(entry.status.as_u16(), status, "{body}");
    assert_eq!(body["type"], json!(entry.type_uri), "{body}");
    assert!(
        body["detail"]
            .as_str()
            .is_some_and(|detail| !detail.is_empty())
    );
}
