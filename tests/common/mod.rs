//! The one error enum that the `http`, axum and actix-web tests all use, and
//! the responses every adapter must produce for it.
//!
//! The point: one `#[derive(HttpError)]` gives `to_http_response`,
//! `IntoResponse` and `ResponseError` at once, and the three agree.

use std::time::Duration;

use serde_json::{Value, json};
use status_core::HttpError;

/// What a database driver would say: host names and addresses a client
/// must never see.
#[derive(Debug)]
pub(crate) struct DbError;

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection refused by 10.0.0.7:5432")
    }
}

impl std::error::Error for DbError {}

/// An API's errors: one per header the derive can set, plus a hidden and an
/// exposed 5xx.
#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "https://example.com/problems/")]
pub(crate) enum ApiError {
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),

    #[error("field \"{field}\" is invalid:\n{reason}")]
    #[http(status = 422)]
    Invalid { field: String, reason: String },

    #[error("slow down")]
    #[http(status = 429, retry_after = 60)]
    RateLimited,

    #[error("login required")]
    #[http(status = Unauthorized, www_authenticate = "Bearer realm=\"api\"")]
    Unauthenticated,

    #[error("{method} is not allowed here")]
    #[http(status = 405, allow = "GET, HEAD")]
    MethodNotAllowed { method: String },

    #[error("{name} already exists")]
    #[http(status = Conflict, code = "duplicate", location = location)]
    Duplicate { name: String, location: String },

    #[error("database unavailable at {host}")]
    #[http(status = 503, retry_after = wait, header("X-Request-Id" = "abc"))]
    Db {
        host: String,
        wait: Duration,
        #[source]
        source: DbError,
    },

    #[error("upstream timed out after {0} ms")]
    #[http(status = GatewayTimeout, expose)]
    Upstream(u64),
}

impl ApiError {
    /// The hidden 5xx: a `Display` text and a source that both leak internals.
    pub(crate) fn db() -> Self {
        ApiError::Db {
            host: "db.internal".to_owned(),
            wait: Duration::from_millis(1200),
            source: DbError,
        }
    }
}

/// Text that the hidden 5xx must keep out of every response.
pub(crate) const SECRETS: &[&str] = &[
    "db.internal",
    "database unavailable",
    "connection refused",
    "10.0.0.7",
];

/// One error and the response every adapter must produce for it.
pub(crate) struct Case {
    pub(crate) error: ApiError,
    pub(crate) status: u16,
    /// Every header field besides `content-type`, names in lower case.
    pub(crate) headers: Vec<(&'static str, &'static str)>,
    pub(crate) body: Value,
}

fn case(
    error: ApiError,
    status: u16,
    headers: &[(&'static str, &'static str)],
    body: Value,
) -> Case {
    Case {
        error,
        status,
        headers: headers.to_vec(),
        body,
    }
}

/// The plain 4xx: no header of its own, its `Display` text as `detail`.
pub(crate) fn item_not_found() -> Case {
    case(
        ApiError::ItemNotFound(7),
        404,
        &[],
        json!({"type": "https://example.com/problems/item_not_found", "title": "Not Found",
               "status": 404, "detail": "item 7 not found", "code": "item_not_found"}),
    )
}

/// Every variant of [`ApiError`], with its expected response.
pub(crate) fn cases() -> Vec<Case> {
    let base = "https://example.com/problems/";
    vec![
        item_not_found(),
        case(
            ApiError::Invalid {
                field: "name".to_owned(),
                reason: "must not be \"\\\" or empty".to_owned(),
            },
            422,
            &[],
            json!({"type": format!("{base}invalid"), "title": "Unprocessable Content", "status": 422,
                   "detail": "field \"name\" is invalid:\nmust not be \"\\\" or empty", "code": "invalid"}),
        ),
        case(
            ApiError::RateLimited,
            429,
            &[("retry-after", "60")],
            json!({"type": format!("{base}rate_limited"), "title": "Too Many Requests", "status": 429,
                   "detail": "slow down", "code": "rate_limited"}),
        ),
        case(
            ApiError::Unauthenticated,
            401,
            &[("www-authenticate", "Bearer realm=\"api\"")],
            json!({"type": format!("{base}unauthenticated"), "title": "Unauthorized", "status": 401,
                   "detail": "login required", "code": "unauthenticated"}),
        ),
        case(
            ApiError::MethodNotAllowed {
                method: "DELETE".to_owned(),
            },
            405,
            &[("allow", "GET, HEAD")],
            json!({"type": format!("{base}method_not_allowed"), "title": "Method Not Allowed",
                   "status": 405, "detail": "DELETE is not allowed here", "code": "method_not_allowed"}),
        ),
        case(
            ApiError::Duplicate {
                name: "widget".to_owned(),
                location: "/items/7".to_owned(),
            },
            409,
            &[("location", "/items/7")],
            json!({"type": format!("{base}duplicate"), "title": "Conflict", "status": 409,
                   "detail": "widget already exists", "code": "duplicate"}),
        ),
        // A field value that would split the response is dropped, not sent.
        case(
            ApiError::Duplicate {
                name: "widget".to_owned(),
                location: "/items/7\r\nSet-Cookie: session=stolen".to_owned(),
            },
            409,
            &[],
            json!({"type": format!("{base}duplicate"), "title": "Conflict", "status": 409,
                   "detail": "widget already exists", "code": "duplicate"}),
        ),
        case(
            ApiError::db(),
            503,
            &[("retry-after", "2"), ("x-request-id", "abc")],
            json!({"type": format!("{base}db"), "title": "Service Unavailable", "status": 503,
                   "detail": "Service Unavailable", "code": "db"}),
        ),
        case(
            ApiError::Upstream(3000),
            504,
            &[],
            json!({"type": format!("{base}upstream"), "title": "Gateway Timeout", "status": 504,
                   "detail": "upstream timed out after 3000 ms", "code": "upstream"}),
        ),
    ]
}

/// A response as an adapter produced it, reduced to plain data.
pub(crate) struct Seen {
    pub(crate) status: u16,
    /// Every header field, names in lower case, in the order sent.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Seen {
    /// A response of the `http` crate's types (hyper, axum, poem) as plain data.
    // actix-web has its own header map, so its test does not call this.
    #[allow(dead_code)]
    pub(crate) fn of_http(
        status: http::StatusCode,
        headers: &http::HeaderMap,
        body: Vec<u8>,
    ) -> Seen {
        Seen {
            status: status.as_u16(),
            headers: headers
                .iter()
                .map(|(name, value)| {
                    let value = value.to_str().expect("header values are visible ASCII");
                    (name.as_str().to_owned(), value.to_owned())
                })
                .collect(),
            body,
        }
    }
}

/// Asserts that `seen` is exactly the response `expected` describes: status,
/// the full set of header fields (`content-type: application/problem+json`,
/// `cache-control: no-store` plus the variant's own), and a body that parses to exactly the expected
/// JSON object. A hidden 5xx must not leak any of [`SECRETS`].
pub(crate) fn assert_response(expected: &Case, seen: &Seen) {
    let what = format!("{:?}", expected.error);
    assert_eq!(seen.status, expected.status, "status of {what}");

    let mut want: Vec<(String, String)> = expected
        .headers
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    want.push((
        "content-type".to_owned(),
        "application/problem+json".to_owned(),
    ));
    // No case opts in to caching: every error response is `no-store`.
    if !want
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("cache-control"))
    {
        want.push(("cache-control".to_owned(), "no-store".to_owned()));
    }
    want.sort();
    let mut got = seen.headers.clone();
    got.sort();
    assert_eq!(got, want, "headers of {what}");

    let text = std::str::from_utf8(&seen.body).expect("the body is UTF-8");
    let body: Value = serde_json::from_str(text).expect("the body is JSON");
    assert_eq!(body, expected.body, "body of {what}");
    let members: Vec<&str> = body
        .as_object()
        .expect("the body is a JSON object")
        .keys()
        .map(String::as_str)
        .collect();
    assert!(!members.contains(&"instance"), "{what}: {text}");

    if expected.error.status().is_server_error() && !expected.error.exposes_detail() {
        for secret in SECRETS {
            assert!(!text.contains(secret), "{what} leaks {secret:?}: {text}");
        }
    }
}
