//! `HttpError::to_http_response` (feature `http`): the `http::Response` that
//! hyper, tower or any `http`-based server sends, and what feature `tracing`
//! logs while building it.

mod common;

use std::fmt::Debug;
use std::sync::{Arc, Mutex, PoisonError};

use common::{ApiError, Case, SECRETS, Seen, assert_response, cases, item_not_found};
use status_core::HttpError;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

fn seen(response: &http::Response<String>) -> Seen {
    Seen::of_http(
        response.status(),
        response.headers(),
        response.body().clone().into_bytes(),
    )
}

fn response_of(case: &Case) -> http::Response<String> {
    case.error.to_http_response()
}

#[test]
fn every_variant_becomes_the_expected_response() {
    for case in cases() {
        assert_response(&case, &seen(&response_of(&case)));
    }
}

#[test]
fn a_4xx_shows_its_display_text() {
    let response = ApiError::ItemNotFound(7).to_http_response();
    assert_eq!(response.status(), http::StatusCode::NOT_FOUND);
    assert_eq!(
        response.headers()[http::header::CONTENT_TYPE],
        "application/problem+json"
    );
    // No variant here opts in to caching.
    assert_eq!(response.headers()[http::header::CACHE_CONTROL], "no-store");
    assert_eq!(response.headers().len(), 2);
    assert_response(&item_not_found(), &seen(&response));
}

#[test]
fn a_5xx_hides_its_display_text_and_its_source() {
    let response = ApiError::db().to_http_response();
    assert_eq!(response.status(), http::StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        response.headers()[http::header::CONTENT_TYPE],
        "application/problem+json"
    );
    assert_eq!(response.headers()[http::header::RETRY_AFTER], "2");
    assert_eq!(response.headers()["x-request-id"], "abc");
    assert_eq!(response.headers()[http::header::CACHE_CONTROL], "no-store");
    assert_eq!(response.headers().len(), 4);
    for secret in SECRETS {
        assert!(!response.body().contains(secret), "{}", response.body());
    }
    let body: serde_json::Value = serde_json::from_str(response.body()).expect("JSON body");
    assert_eq!(body["detail"], "Service Unavailable");
    assert_eq!(body["title"], "Service Unavailable");
    assert_eq!(body["status"], 503);
    assert_eq!(body["code"], "db");
}

#[test]
fn an_exposed_5xx_shows_its_display_text() {
    let response = ApiError::Upstream(3000).to_http_response();
    assert_eq!(response.status(), http::StatusCode::GATEWAY_TIMEOUT);
    let body: serde_json::Value = serde_json::from_str(response.body()).expect("JSON body");
    assert_eq!(body["detail"], "upstream timed out after 3000 ms");
}

#[test]
fn a_429_carries_retry_after() {
    let response = ApiError::RateLimited.to_http_response();
    assert_eq!(response.status(), http::StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()[http::header::RETRY_AFTER], "60");
    assert_eq!(
        response
            .headers()
            .get_all(http::header::RETRY_AFTER)
            .iter()
            .count(),
        1
    );
    let body: serde_json::Value = serde_json::from_str(response.body()).expect("JSON body");
    assert_eq!(body["detail"], "slow down");
    assert_eq!(body["code"], "rate_limited");
}

#[test]
fn a_401_carries_www_authenticate() {
    let response = ApiError::Unauthenticated.to_http_response();
    assert_eq!(response.status(), http::StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()[http::header::WWW_AUTHENTICATE],
        "Bearer realm=\"api\""
    );
    let body: serde_json::Value = serde_json::from_str(response.body()).expect("JSON body");
    assert_eq!(body["title"], "Unauthorized");
    assert_eq!(body["detail"], "login required");
}

#[test]
fn the_framework_neutral_response_matches() {
    for case in cases() {
        let neutral = case.error.error_response();
        let response = response_of(&case);
        assert_eq!(neutral.status.as_u16(), response.status().as_u16());
        assert_eq!(neutral.content_type(), Some("application/problem+json"));
        assert_eq!(neutral.body.as_deref(), Some(response.body().as_str()));
        // The error's own headers, then `Cache-Control: no-store`, since
        // no case opts in to caching.
        let own_headers = case.error.headers();
        let own: Vec<(&str, &str)> = own_headers.iter().collect();
        let sent: Vec<(&str, &str)> = neutral.headers.iter().collect();
        assert_eq!(sent[..own.len()], own[..]);
        assert_eq!(sent[own.len()..], [("Cache-Control", "no-store")]);
        assert_eq!(neutral.headers.len() + 1, response.headers().len());
    }
}

/// Every shape of variant the derive's one-pass `to_http_response` handles on
/// its own: members, an `instance`, `errors`, headers from fields (one
/// valid, one that must be dropped), text that needs JSON escapes, and a
/// transparent variant that hands the whole response to its field.
#[derive(Debug, thiserror::Error, status_core::HttpError)]
enum Shapes {
    #[error("your balance is {balance}")]
    #[http(status = 403, code = "out_of_credit")]
    OutOfCredit {
        #[http(extension)]
        balance: u32,
        #[http(extension = "accounts")]
        list: Vec<&'static str>,
        #[http(instance)]
        instance: String,
    },
    #[error("bad input")]
    #[http(status = 422)]
    Invalid {
        #[http(errors)]
        errors: Vec<status_core::Violation>,
    },
    #[error("moved to {location}")]
    #[http(status = 409, location = location, retry_after = wait)]
    Moved {
        location: String,
        wait: std::time::Duration,
    },
    #[error("quote \" backslash \\ newline \n tab \t bell \u{7} e\u{301} \u{1F600}")]
    #[http(status = 400, header("X-Trace" = "t-1"), www_authenticate = "Bearer")]
    Escapes,
    #[error(transparent)]
    #[http(transparent)]
    Api(ApiError),
    #[error("internal detail that must stay hidden")]
    #[http(status = 500)]
    Hidden,
}

fn shapes() -> Vec<Shapes> {
    vec![
        Shapes::OutOfCredit {
            balance: 30,
            list: vec!["/account/1", "/account/2"],
            instance: "/account/1/msgs/abc".to_owned(),
        },
        Shapes::OutOfCredit {
            balance: 0,
            list: Vec::new(),
            instance: "not a uri \u{0}".to_owned(),
        },
        Shapes::Invalid {
            errors: vec![
                status_core::Violation::at(["items", "2", "name"], "must not be empty"),
                status_core::Violation::at(["a/b~c"], "odd \"name\""),
            ],
        },
        Shapes::Moved {
            location: "/items/2".to_owned(),
            wait: std::time::Duration::from_millis(1500),
        },
        // A value that would split the response is dropped, never sent.
        Shapes::Moved {
            location: "/x\r\nSet-Cookie: a=1".to_owned(),
            wait: std::time::Duration::ZERO,
        },
        Shapes::Escapes,
        Shapes::Api(ApiError::RateLimited),
        Shapes::Api(ApiError::db()),
        Shapes::Hidden,
    ]
}

/// Status, every header in order, and the body.
fn parts(response: &http::Response<String>) -> (u16, Vec<(String, Vec<u8>)>, String) {
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect();
    (response.status().as_u16(), headers, response.body().clone())
}

#[test]
fn the_one_pass_response_is_the_neutral_response_byte_for_byte() {
    let api = cases().into_iter().map(|case| case.error);
    for error in api {
        assert_eq!(
            parts(&error.to_http_response()),
            parts(&error.error_response().into_http()),
            "{error:?}"
        );
    }
    for error in shapes() {
        let fast = parts(&error.to_http_response());
        assert_eq!(
            fast,
            parts(&error.error_response().into_http()),
            "{error:?}"
        );
        // And the body is the problem the trait describes.
        assert_eq!(fast.2, error.problem().to_json(), "{error:?}");
    }
}

#[test]
fn the_one_pass_response_drops_a_header_value_that_would_split_it() {
    let response = Shapes::Moved {
        location: "/x\r\nSet-Cookie: a=1".to_owned(),
        wait: std::time::Duration::from_secs(2),
    }
    .to_http_response();
    assert!(response.headers().get(http::header::LOCATION).is_none());
    assert!(response.headers().get(http::header::SET_COOKIE).is_none());
    assert_eq!(response.headers()[http::header::RETRY_AFTER], "2");
}

// ---- feature `tracing` -------------------------------------------------------

/// One event as a subscriber saw it.
#[derive(Debug)]
struct Captured {
    level: Level,
    fields: Vec<(String, String)>,
}

impl Captured {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A subscriber that records every event; spans are ignored.
#[derive(Clone, Default)]
struct Capture {
    events: Arc<Mutex<Vec<Captured>>>,
}

impl Capture {
    /// Runs `f` with this subscriber as the thread's default, and returns what it logged.
    fn run(f: impl FnOnce()) -> Vec<Captured> {
        let capture = Capture::default();
        tracing::subscriber::with_default(capture.clone(), f);
        let mut events = capture
            .events
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        std::mem::take(&mut *events)
    }
}

struct Fields(Vec<(String, String)>);

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }

    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields(Vec::new());
        event.record(&mut fields);
        let captured = Captured {
            level: *event.metadata().level(),
            fields: fields.0,
        };
        self.events
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(captured);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

#[test]
fn a_5xx_logs_its_source_chain_at_error_level() {
    let events = Capture::run(|| {
        let response = ApiError::db().to_http_response();
        assert!(!response.body().contains("connection refused"));
    });
    let errors: Vec<&Captured> = events
        .iter()
        .filter(|event| event.level == Level::ERROR)
        .collect();
    assert_eq!(errors.len(), 1, "{events:?}");
    let chain = errors[0].field("error").expect("an `error` field");
    assert!(
        chain.contains("database unavailable at db.internal"),
        "{chain}"
    );
    assert!(
        chain.contains("connection refused by 10.0.0.7:5432"),
        "{chain}"
    );
    assert_eq!(errors[0].field("status"), Some("503"));
}

#[test]
fn a_4xx_logs_nothing() {
    let events = Capture::run(|| {
        let _ = ApiError::ItemNotFound(7).to_http_response();
        let _ = ApiError::RateLimited.to_http_response();
    });
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn an_exposed_5xx_still_logs() {
    let events = Capture::run(|| {
        let _ = ApiError::Upstream(3000).to_http_response();
    });
    assert!(
        events.iter().any(|event| event.level == Level::ERROR
            && event
                .field("error")
                .is_some_and(|chain| chain.contains("upstream timed out after 3000 ms"))),
        "{events:?}"
    );
}

#[test]
fn a_dropped_header_logs_a_warning() {
    let events = Capture::run(|| {
        let response = ApiError::Duplicate {
            name: "widget".to_owned(),
            location: "/items/7\r\nSet-Cookie: session=stolen".to_owned(),
        }
        .to_http_response();
        assert_eq!(response.status(), http::StatusCode::CONFLICT);
        assert!(response.headers().get(http::header::LOCATION).is_none());
        assert!(response.headers().get(http::header::SET_COOKIE).is_none());
    });
    let warnings: Vec<&Captured> = events
        .iter()
        .filter(|event| event.level == Level::WARN)
        .collect();
    assert!(!warnings.is_empty(), "{events:?}");
    assert!(
        warnings
            .iter()
            .all(|event| event.field("header") == Some("Location")),
        "{warnings:?}"
    );
    // The refused value itself is not logged verbatim: it is attacker input.
    assert!(
        warnings
            .iter()
            .all(|event| event.fields.iter().all(|(_, value)| !value.contains('\n'))),
        "{warnings:?}"
    );
}

/// A status whose registry entry forbids content (here 304, through a hand
/// implementation, since the derive only accepts 4xx and 5xx) gets no body
/// and no content type, whatever the error's text.
#[test]
fn no_body_is_sent_with_a_status_that_forbids_one() {
    #[derive(Debug, thiserror::Error)]
    #[error("cached copy is fresh")]
    struct Fresh;

    impl status_core::HttpError for Fresh {
        fn status(&self) -> status_core::StatusCode {
            status_core::StatusCode::NotModified
        }

        fn code(&self) -> &'static str {
            "fresh"
        }
    }

    let parts = status_core::HttpError::error_response(&Fresh);
    assert_eq!(parts.body, None);
    assert_eq!(parts.content_type(), None);
    let response = status_core::HttpError::to_http_response(&Fresh);
    assert_eq!(response.status().as_u16(), 304);
    assert!(response.body().is_empty());
    assert!(response.headers().get(http::header::CONTENT_TYPE).is_none());
}
