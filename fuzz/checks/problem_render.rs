//! Rendering an error with arbitrary `detail`, `code`, `type` and header
//! strings: the problem+json body always parses as JSON and gives back
//! exactly those strings, and each header is either sent unchanged as a valid
//! `http::HeaderValue` or dropped. Nothing panics.
//!
//! Shared by the cargo-fuzz target (`fuzz_targets/problem_render.rs`,
//! nightly) and the stable harness under `cargo test` (`tests/fuzz.rs`).

use std::fmt;

use arbitrary::Arbitrary;
use serde_json::{Map, Value, json};
use status_core::{Headers, HttpError, PROBLEM_JSON, StatusCode};

/// What the fuzzer chooses.
#[derive(Debug, Arbitrary)]
pub(crate) struct Input {
    status: u8,
    expose: bool,
    detail: String,
    code: String,
    type_uri: String,
    headers: Vec<(String, String)>,
}

/// An error whose every part comes from the fuzzer.
#[derive(Debug)]
pub(crate) struct FuzzError {
    status: StatusCode,
    expose: bool,
    detail: String,
    code: &'static str,
    type_uri: &'static str,
    headers: Vec<(&'static str, String)>,
}

impl fmt::Display for FuzzError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

impl std::error::Error for FuzzError {}

impl HttpError for FuzzError {
    fn status(&self) -> StatusCode {
        self.status
    }

    fn code(&self) -> &'static str {
        self.code
    }

    fn type_uri(&self) -> &'static str {
        self.type_uri
    }

    fn exposes_detail(&self) -> bool {
        self.expose
    }

    fn headers(&self) -> Headers {
        let mut headers = Headers::new();
        for (name, value) in &self.headers {
            let _ = headers.insert(name, value.clone());
        }
        headers
    }
}

/// The error `input` describes; `leak` makes its strings `&'static`, as
/// `HttpError` hands them out.
pub(crate) fn error_from(input: Input, leak: &mut dyn FnMut(String) -> &'static str) -> FuzzError {
    let all = StatusCode::ALL;
    FuzzError {
        status: all[usize::from(input.status) % all.len()],
        expose: input.expose,
        detail: input.detail,
        code: leak(input.code),
        type_uri: leak(input.type_uri),
        headers: input
            .headers
            .into_iter()
            .map(|(name, value)| (leak(name), value))
            .collect(),
    }
}

/// One input, decoded as libFuzzer's typed targets decode theirs.
pub(crate) fn run(data: &[u8], leak: &mut dyn FnMut(String) -> &'static str) {
    if let Ok(input) = Input::arbitrary_take_rest(arbitrary::Unstructured::new(data)) {
        check(&error_from(input, leak));
    }
}

/// The properties, on one error.
pub(crate) fn check(error: &FuzzError) {
    // Which headers `Headers` keeps; each must be valid for `http` as is.
    let mut kept = Vec::new();
    for &(name, ref value) in &error.headers {
        if Headers::new().insert(name, value.clone()).is_ok() {
            assert!(http::HeaderName::try_from(name).is_ok(), "{name:?}");
            assert!(
                http::HeaderValue::try_from(value.as_str()).is_ok(),
                "{value:?}"
            );
            kept.push((name, value.as_str()));
        }
    }

    // An error that does not opt in to caching says `no-store`, unless it
    // sets a `Cache-Control` of its own.
    if !kept
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("cache-control"))
    {
        kept.push(("Cache-Control", "no-store"));
    }

    let response = error.error_response();
    assert_eq!(response.headers.iter().collect::<Vec<_>>(), kept);
    assert_eq!(response.body.is_some(), error.status.allows_body());
    if let Some(body) = &response.body {
        assert!(!body.bytes().any(|byte| byte < 0x20), "{body:?}");
        let members: Map<String, Value> = serde_json::from_str(body).expect("valid JSON object");
        let detail = if error.expose {
            error.detail.as_str()
        } else {
            error.status.reason_phrase()
        };
        let expected = json!({
            "type": error.type_uri,
            "title": error.status.reason_phrase(),
            "status": error.status.as_u16(),
            "detail": detail,
            "code": error.code,
        });
        assert_eq!(Value::Object(members), expected);
    }

    let http = error.to_http_response();
    assert_eq!(http.status().as_u16(), error.status.as_u16());
    assert_eq!(http.body(), response.body.as_deref().unwrap_or(""));
    let content_type = http.headers().get(http::header::CONTENT_TYPE);
    assert_eq!(
        content_type.map(http::HeaderValue::as_bytes),
        response.body.as_ref().map(|_| PROBLEM_JSON.as_bytes())
    );
    let mut sent: Vec<(String, &[u8])> = http
        .headers()
        .iter()
        .filter(|(name, _)| *name != http::header::CONTENT_TYPE)
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes()))
        .collect();
    sent.sort_unstable();
    let mut expected: Vec<(String, &[u8])> = kept
        .iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), value.as_bytes()))
        .collect();
    expected.sort_unstable();
    assert_eq!(sent, expected);
}
