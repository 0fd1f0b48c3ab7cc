//! `status_core::conformance`: a table of deliberately broken responses, one
//! per rule, each found with the right rule, level and reference, and the
//! same responses mended, in which nothing is found.

use http::{Method, Response};
use status_core::conformance::{self, Level, Rule};

struct Case {
    name: &'static str,
    method: Method,
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
    rule: Rule,
    level: Level,
    reference: &'static str,
}

const PROBLEM: (&str, &str) = ("content-type", "application/problem+json");

#[rustfmt::skip]
fn broken() -> Vec<Case> {
    use Level::{Must, Should};
    let case = |name, method, status, headers, body, rule, level, reference| Case {
        name, method, status, headers, body, rule, level, reference,
    };
    vec![
        case("401 without WWW-Authenticate", Method::GET, 401, &[], "", Rule::RequiredHeader, Must, "RFC 9110, Section 15.5.2"),
        case("405 without Allow", Method::DELETE, 405, &[], "", Rule::RequiredHeader, Must, "RFC 9110, Section 15.5.6"),
        case("407 without Proxy-Authenticate", Method::GET, 407, &[], "", Rule::RequiredHeader, Must, "RFC 9110, Section 15.5.8"),
        case("426 without Upgrade", Method::GET, 426, &[], "", Rule::RequiredHeader, Must, "RFC 9110, Section 15.5.22"),
        case("204 with content", Method::DELETE, 204, &[], "gone", Rule::ContentNotAllowed, Must, "RFC 9110, Section 15.3.5"),
        case("304 with content", Method::GET, 304, &[], "same", Rule::ContentNotAllowed, Must, "RFC 9110, Section 15.4.5"),
        case("205 with content", Method::POST, 205, &[], "reset", Rule::ContentNotAllowed, Must, "RFC 9110, Section 15.3.6"),
        case("content on HEAD", Method::HEAD, 200, &[], "hello", Rule::ContentInHeadResponse, Must, "RFC 9110, Section 9.3.2"),
        case("103 as the final status", Method::GET, 103, &[("link", "</style.css>; rel=preload")], "", Rule::InterimFinalStatus, Must, "RFC 8297, Section 2"),
        case("201 without Location", Method::POST, 201, &[], "{}", Rule::RecommendedHeader, Should, "RFC 9110, Section 15.3.2"),
        case("301 without Location", Method::GET, 301, &[], "", Rule::RecommendedHeader, Should, "RFC 9110, Section 15.4.2"),
        case("308 without Location", Method::GET, 308, &[], "", Rule::RecommendedHeader, Should, "RFC 9110, Section 15.4.9"),
        case("206 without Content-Range", Method::GET, 206, &[], "part", Rule::RecommendedHeader, Should, "RFC 9110, Section 15.3.7"),
        case("416 without Content-Range", Method::GET, 416, &[], "", Rule::RecommendedHeader, Should, "RFC 9110, Section 15.5.17"),
        case("416 with a satisfied range", Method::GET, 416, &[("content-range", "bytes 0-9/100")], "", Rule::UnsatisfiedRange, Should, "RFC 9110, Section 15.5.17"),
        case("405 whose Allow lists the method", Method::DELETE, 405, &[("allow", "GET, DELETE")], "", Rule::AllowListsRequestMethod, Must, "RFC 9110, Section 15.5.6"),
        case("Retry-After in words", Method::GET, 503, &[("retry-after", "in a minute")], "", Rule::MalformedRetryAfter, Must, "RFC 9110, Section 10.2.3"),
        case("Retry-After as an obsolete date", Method::GET, 429, &[("retry-after", "Sunday, 06-Nov-94 08:49:37 GMT")], "", Rule::MalformedRetryAfter, Must, "RFC 9110, Section 10.2.3"),
        case("two Retry-After fields", Method::GET, 503, &[("retry-after", "5"), ("retry-after", "6")], "", Rule::MalformedRetryAfter, Must, "RFC 9110, Section 10.2.3"),
        case("problem status differs", Method::GET, 404, &[PROBLEM], r#"{"status":400,"title":"Bad Request"}"#, Rule::ProblemStatusMismatch, Must, "RFC 9457, Section 3.1.2"),
        case("problem status above 599", Method::GET, 500, &[PROBLEM], r#"{"status":600}"#, Rule::ProblemStatusOutOfRange, Must, "RFC 9110, Section 15"),
        case("problem status below 100", Method::GET, 400, &[PROBLEM], r#"{"status":99}"#, Rule::ProblemStatusOutOfRange, Must, "RFC 9110, Section 15"),
        case("problem status as a string", Method::GET, 400, &[("content-type", "application/problem+json; charset=utf-8")], r#"{"status":"400"}"#, Rule::ProblemStatusOutOfRange, Must, "RFC 9110, Section 15"),
    ]
}

fn response(status: u16, headers: &[(&str, &str)], body: &'static str) -> Response<&'static str> {
    let mut builder = Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body).expect("a valid test response")
}

#[test]
fn every_broken_response_is_found_with_its_rule() {
    for case in broken() {
        let found = conformance::check_response(
            &case.method,
            &response(case.status, case.headers, case.body),
        );
        assert_eq!(found.len(), 1, "{}: {found:#?}", case.name);
        let violation = &found[0];
        assert_eq!(violation.rule, case.rule, "{}", case.name);
        assert_eq!(violation.level, case.level, "{}", case.name);
        assert_eq!(violation.reference, case.reference, "{}", case.name);
    }
}

/// Every rule of `Rule` has a case in the table.
#[test]
fn the_table_covers_every_rule() {
    let covered: Vec<Rule> = broken().iter().map(|case| case.rule).collect();
    for rule in [
        Rule::RequiredHeader,
        Rule::RecommendedHeader,
        Rule::ContentNotAllowed,
        Rule::ContentInHeadResponse,
        Rule::InterimFinalStatus,
        Rule::UnsatisfiedRange,
        Rule::AllowListsRequestMethod,
        Rule::MalformedRetryAfter,
        Rule::ProblemStatusMismatch,
        Rule::ProblemStatusOutOfRange,
    ] {
        assert!(covered.contains(&rule), "{rule:?} has no broken response");
    }
}

type Exchange = (
    Method,
    u16,
    &'static [(&'static str, &'static str)],
    &'static str,
);

#[rustfmt::skip]
fn mended() -> [Exchange; 16] {
    [
        (Method::GET, 401, &[("www-authenticate", "Bearer")], ""),
        (Method::DELETE, 405, &[("allow", "GET, HEAD")], ""),
        (Method::GET, 407, &[("proxy-authenticate", "Basic realm=\"proxy\"")], ""),
        (Method::GET, 426, &[("upgrade", "HTTP/2")], ""),
        (Method::GET, 101, &[("upgrade", "websocket")], ""),
        (Method::DELETE, 204, &[], ""),
        (Method::GET, 304, &[("etag", "\"1\"")], ""),
        (Method::HEAD, 200, &[("content-length", "5")], ""),
        (Method::POST, 201, &[("location", "/items/1")], "{}"),
        (Method::GET, 206, &[("content-range", "bytes 0-3/10")], "part"),
        (Method::GET, 206, &[("content-type", "multipart/byteranges; boundary=x")], "--x--"),
        (Method::GET, 416, &[("content-range", "bytes */10")], ""),
        (Method::GET, 503, &[("retry-after", "120")], ""),
        (Method::GET, 429, &[("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT")], ""),
        (Method::GET, 404, &[PROBLEM], r#"{"type":"about:blank","status":404,"extra":{"status":1}}"#),
        (Method::GET, 299, &[], "a code the registry does not know has no rules"),
    ]
}

#[test]
fn mended_responses_pass() {
    for (method, status, headers, body) in mended() {
        conformance::assert_conformant(&method, &response(status, headers, body));
    }
}

#[test]
fn check_and_check_head_agree_with_check_response() {
    let response = response(204, &[], "gone");
    let (parts, body) = response.into_parts();
    assert_eq!(
        conformance::check(&Method::GET, &parts, body.as_bytes()).len(),
        1
    );
    assert_eq!(conformance::check_head(&Method::GET, &parts, 4).len(), 1);
    assert!(conformance::check_head(&Method::GET, &parts, 0).is_empty());
}

#[test]
fn a_violation_reads_as_one_line() {
    let found =
        conformance::check_response(&Method::DELETE, &response(405, &[("allow", "DELETE")], ""));
    assert_eq!(
        found[0].to_string(),
        "MUST (RFC 9110, Section 15.5.6): 405 Method Not Allowed to DELETE with an Allow that lists DELETE"
    );
}

mod layer {
    use std::sync::{Arc, Mutex, PoisonError};

    use axum::Router;
    use axum::routing::get;
    use http::{Request, StatusCode};
    use http_body_util::BodyExt as _;
    use status_core::conformance::ConformanceLayer;
    use tower::ServiceExt as _;

    /// The tests that log run one at a time: tracing caches each callsite's
    /// interest for every thread, and a callsite first reached on another
    /// test's thread, with no subscriber there, can be cached as never
    /// while this test's subscriber is being installed.
    pub(super) static LOGGING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

    fn broken_app() -> Router {
        Router::new()
            .route("/login", get(|| async { StatusCode::UNAUTHORIZED }))
            .route("/ok", get(|| async { "fine" }))
    }

    async fn call(app: Router, path: &str) -> (StatusCode, String, Option<String>) {
        let request = Request::get(path)
            .body(axum::body::Body::empty())
            .expect("request");
        let response = app.oneshot(request).await.expect("infallible");
        let status = response.status();
        let count = response
            .headers()
            .get("conformance-violations")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        (status, String::from_utf8_lossy(&bytes).into_owned(), count)
    }

    #[tokio::test]
    async fn strict_answers_500_with_the_violations() {
        let _logging = LOGGING.lock().await;
        let app = broken_app().layer(ConformanceLayer::strict());
        let (status, body, count) = call(app.clone(), "/login").await;
        assert_eq!(status, 500);
        assert_eq!(count.as_deref(), Some("1"));
        assert!(
            body.contains(
                "MUST (RFC 9110, Section 15.5.2): 401 Unauthorized without WWW-Authenticate"
            ),
            "{body}"
        );
        assert_eq!(
            call(app, "/ok").await,
            (StatusCode::OK, "fine".to_owned(), None)
        );
    }

    /// Collects the message of every event.
    #[derive(Clone, Default)]
    pub(super) struct Events(pub(super) Arc<Mutex<Vec<String>>>);

    impl tracing::Subscriber for Events {
        fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
            tracing::span::Id::from_u64(1)
        }
        fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
        fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
        fn event(&self, event: &tracing::Event<'_>) {
            struct Text(String);
            impl tracing::field::Visit for Text {
                fn record_debug(
                    &mut self,
                    field: &tracing::field::Field,
                    value: &dyn std::fmt::Debug,
                ) {
                    use std::fmt::Write as _;
                    let _ = write!(self.0, "{}={value:?} ", field.name());
                }
            }
            let mut text = Text(format!("{} ", event.metadata().target()));
            event.record(&mut text);
            self.0
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(text.0);
        }
        fn enter(&self, _: &tracing::span::Id) {}
        fn exit(&self, _: &tracing::span::Id) {}
    }

    #[tokio::test]
    async fn lenient_logs_and_sends_the_response_unchanged() {
        let _logging = LOGGING.lock().await;
        let events = Events::default();
        let _guard = tracing::subscriber::set_default(events.clone());
        // Tests run in parallel: a callsite another thread reached first, with
        // no subscriber, may have cached `Interest::never`; ask again.
        tracing::callsite::rebuild_interest_cache();
        let app = broken_app().layer(ConformanceLayer::new());
        let (status, _, count) = call(app, "/login").await;
        assert_eq!((status, count), (StatusCode::UNAUTHORIZED, None));
        let logged = events
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .join("\n");
        assert!(logged.starts_with("status_core::conformance "), "{logged}");
        assert!(
            logged.contains("401 Unauthorized without WWW-Authenticate"),
            "{logged}"
        );
        assert!(
            logged.contains("reference=\"RFC 9110, Section 15.5.2\""),
            "{logged}"
        );
        assert!(logged.contains("level=\"MUST\""), "{logged}");
    }
}

/// The actix-web middleware: the same checks, the same two modes.
mod actix {
    use std::sync::PoisonError;

    use actix_web::dev::ServiceResponse;
    use actix_web::{App, HttpResponse, test, web};
    use status_core::HttpError;
    use status_core::conformance::ActixConformance;

    use super::layer::{Events, LOGGING};

    #[derive(Debug, thiserror::Error, HttpError)]
    enum ShopError {
        #[error("item {0} not found")]
        #[http(status = 404, code = "item_not_found")]
        ItemNotFound(u64),
    }

    fn broken_app() -> App<
        impl actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Response = ServiceResponse<actix_web::body::BoxBody>,
            Error = actix_web::Error,
            InitError = (),
        >,
    > {
        App::new()
            .route(
                "/login",
                web::get().to(|| async { HttpResponse::Unauthorized().finish() }),
            )
            .route(
                "/gone",
                web::get().to(|| async { HttpResponse::NoContent().body("surprise") }),
            )
            .route("/ok", web::route().to(|| async { "fine" }))
            .route(
                "/items/7",
                web::get().to(|| async { Err::<String, _>(ShopError::ItemNotFound(7)) }),
            )
    }

    async fn seen(response: ServiceResponse) -> (u16, String, Option<String>) {
        let status = response.status().as_u16();
        let count = response
            .headers()
            .get("conformance-violations")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let body = test::read_body(response).await;
        (status, String::from_utf8_lossy(&body).into_owned(), count)
    }

    #[actix_web::test]
    async fn strict_answers_500_with_the_violations() {
        let _logging = LOGGING.lock().await;
        let app = test::init_service(broken_app().wrap(ActixConformance::strict())).await;

        let (status, body, count) = seen(
            test::call_service(&app, test::TestRequest::get().uri("/login").to_request()).await,
        )
        .await;
        assert_eq!((status, count.as_deref()), (500, Some("1")), "{body}");
        assert!(
            body.starts_with("GET answered 401 Unauthorized, which strict conformance refuses"),
            "{body}"
        );
        assert!(
            body.contains(
                "MUST (RFC 9110, Section 15.5.2): 401 Unauthorized without WWW-Authenticate"
            ),
            "{body}"
        );

        let (status, body, count) = seen(
            test::call_service(&app, test::TestRequest::get().uri("/gone").to_request()).await,
        )
        .await;
        assert_eq!((status, count.as_deref()), (500, Some("1")), "{body}");
        assert!(body.contains("204 No Content"), "{body}");

        assert_eq!(
            seen(test::call_service(&app, test::TestRequest::get().uri("/ok").to_request()).await)
                .await,
            (200, "fine".to_owned(), None)
        );
        // actix sends no content in an answer to HEAD: nothing to refuse.
        let (status, _, count) = seen(
            test::call_service(
                &app,
                test::TestRequest::default()
                    .method(actix_web::http::Method::HEAD)
                    .uri("/ok")
                    .to_request(),
            )
            .await,
        )
        .await;
        assert_eq!((status, count), (200, None));

        // A problem passes through whole.
        let (status, body, count) = seen(
            test::call_service(&app, test::TestRequest::get().uri("/items/7").to_request()).await,
        )
        .await;
        assert_eq!((status, count), (404, None));
        assert_eq!(body, ShopError::ItemNotFound(7).problem().to_json());
    }

    #[actix_web::test]
    async fn lenient_logs_and_sends_the_response_unchanged() {
        let _logging = LOGGING.lock().await;
        let events = Events::default();
        let _guard = tracing::subscriber::set_default(events.clone());
        // Tests run in parallel: a callsite another thread reached first, with
        // no subscriber, may have cached `Interest::never`; ask again.
        tracing::callsite::rebuild_interest_cache();
        let app = test::init_service(broken_app().wrap(ActixConformance::new())).await;
        let (status, _, count) = seen(
            test::call_service(&app, test::TestRequest::get().uri("/login").to_request()).await,
        )
        .await;
        assert_eq!((status, count), (401, None));
        let (status, body, _) = seen(
            test::call_service(&app, test::TestRequest::get().uri("/gone").to_request()).await,
        )
        .await;
        assert_eq!(status, 204);
        // Unchanged: actix's encoder, not the guard, drops it on the wire.
        assert_eq!(body, "surprise");
        let logged = events
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .join("\n");
        assert!(logged.starts_with("status_core::conformance "), "{logged}");
        assert!(
            logged.contains("401 Unauthorized without WWW-Authenticate"),
            "{logged}"
        );
        assert!(logged.contains("level=\"MUST\""), "{logged}");
        assert!(logged.contains("method=GET status=204"), "{logged}");
    }
}

/// The same exchanges, fed to httplint (`PyPI`, the linter behind `REDbot`):
/// on every rule both have, both find the same responses at fault.
mod httplint {
    use std::io::Write as _;
    use std::path::PathBuf;
    use std::process::{Command, Stdio};

    use serde_json::{Value, json};
    use status_core::conformance::{self, Rule, Violation};

    use super::{broken, mended, response};

    /// httplint's note for a violation of a rule it also has; `None` for
    /// rules httplint lacks (401 without WWW-Authenticate, 1xx as final, the
    /// problem+json status, ...).
    fn httplint_notes(violation: &Violation, status: u16) -> Option<&'static [&'static str]> {
        Some(match (violation.rule, status) {
            (Rule::ContentNotAllowed | Rule::ContentInHeadResponse, _) => &["CONTENT_NOT_ALLOWED"],
            (Rule::RecommendedHeader, 201) => &["CREATED_WITHOUT_LOCATION"],
            (Rule::RecommendedHeader, 300..=399) => &["REDIRECT_WITHOUT_LOCATION"],
            (Rule::RecommendedHeader, 206) => &["PARTIAL_WITHOUT_RANGE"],
            (Rule::RecommendedHeader, 416) => &["STATUS_416_WITHOUT_CONTENT_RANGE"],
            (Rule::AllowListsRequestMethod, _) => &["STATUS_405_METHOD_IN_ALLOW"],
            (Rule::MalformedRetryAfter, _) => {
                &["BAD_SYNTAX", "BAD_SYNTAX_DETAILED", "SINGLE_HEADER_REPEAT"]
            }
            _ => return None,
        })
    }

    /// Every note the comparison looks at.
    const SHARED: [&str; 9] = [
        "CONTENT_NOT_ALLOWED",
        "CREATED_WITHOUT_LOCATION",
        "REDIRECT_WITHOUT_LOCATION",
        "PARTIAL_WITHOUT_RANGE",
        "STATUS_416_WITHOUT_CONTENT_RANGE",
        "STATUS_405_METHOD_IN_ALLOW",
        "BAD_SYNTAX",
        "BAD_SYNTAX_DETAILED",
        "SINGLE_HEADER_REPEAT",
    ];

    /// Where the two disagree on purpose, each with its reason.
    fn known_difference(status: u16, headers: &[(&str, &str)]) -> Option<&'static str> {
        if headers
            .iter()
            .any(|(_, value)| value.starts_with("Sunday, "))
        {
            // RFC 9110 Section 5.6.7: a recipient MUST accept the obsolete
            // rfc850-date, but a sender MUST generate IMF-fixdate. httplint
            // judges as a recipient; the guard checks what a server sends.
            return Some("obsolete date form");
        }
        if status == 206
            && headers
                .iter()
                .any(|(_, value)| value.starts_with("multipart/byteranges"))
        {
            // A multipart/byteranges 206 carries its ranges in the body
            // (RFC 9110 Section 14.6); httplint asks for Content-Range anyway.
            return Some("multipart 206");
        }
        None
    }

    fn python() -> Option<PathBuf> {
        if let Some(path) = std::env::var_os("HTTPLINT_PYTHON") {
            return Some(PathBuf::from(path));
        }
        let venv =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/httplint-venv/bin/python");
        venv.exists().then_some(venv)
    }

    #[test]
    fn agrees_with_httplint_on_shared_rules() {
        let Some(python) = python() else {
            assert!(
                std::env::var_os("STATUS_REQUIRE_HTTPLINT").is_none(),
                "STATUS_REQUIRE_HTTPLINT is set but httplint is not installed"
            );
            eprintln!(
                "skipped: httplint is not installed; run .ci/run, or create target/httplint-venv \
                 with `pip install httplint` (or set HTTPLINT_PYTHON)"
            );
            return;
        };
        let mut exchanges: Vec<super::Exchange> = broken()
            .into_iter()
            .map(|case| (case.method, case.status, case.headers, case.body))
            .collect();
        exchanges.extend(mended());
        let input: Vec<Value> = exchanges
            .iter()
            .map(|(method, status, headers, body)| {
                json!({
                    "method": method.as_str(),
                    "request_headers": [["range", "bytes=0-3"]],
                    "status": status,
                    "headers": headers,
                    "body": body,
                })
            })
            .collect();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/httplint_check.py");
        let output = Command::new(&python)
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                child
                    .stdin
                    .take()
                    .expect("piped stdin")
                    .write_all(Value::Array(input).to_string().as_bytes())?;
                child.wait_with_output()
            })
            .expect("httplint runs");
        assert!(output.status.success(), "httplint_check.py failed");
        let verdicts: Vec<Vec<String>> =
            serde_json::from_slice(&output.stdout).expect("a JSON array of note names");
        let mut compared = 0;
        for ((method, status, headers, body), notes) in exchanges.iter().zip(&verdicts) {
            if known_difference(*status, headers).is_some() {
                continue;
            }
            let ours: Vec<&str> =
                conformance::check_response(method, &response(*status, headers, body))
                    .iter()
                    .filter_map(|violation| httplint_notes(violation, *status))
                    .flatten()
                    .copied()
                    .collect();
            let theirs: Vec<&str> = notes
                .iter()
                .map(String::as_str)
                .filter(|note| SHARED.contains(note))
                .collect();
            let agree = ours.is_empty() == theirs.is_empty()
                && theirs.iter().all(|note| ours.contains(note));
            assert!(
                agree,
                "{method} {status} {headers:?}: guard {ours:?}, httplint {theirs:?}"
            );
            compared += 1;
        }
        assert!(compared >= 30, "only {compared} exchanges compared");
    }
}
