//! Feature `client`: reading problem+json responses and `Retry-After`.

// Only the error enum and its cases are needed here, not the response checks.
#[allow(dead_code)]
mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use common::{ApiError, cases};
use http::{HeaderMap, HeaderValue, Response};
use serde_json::json;
use status_core::client::{
    Problem, ReadProblemErrorKind, RetryAfter, read_problem, read_problem_parts,
};
use status_core::{HttpError as _, ProblemDetails, StatusCode};

fn problem_response(status: u16, content_type: &str, body: &str) -> Response<String> {
    Response::builder()
        .status(status)
        .header("content-type", content_type)
        .body(body.to_owned())
        .expect("a valid response")
}

fn read(status: u16, content_type: &str, body: &str) -> Problem {
    read_problem(&problem_response(status, content_type, body))
        .unwrap_or_else(|error| panic!("{body}: {error}"))
}

fn kind(status: u16, content_type: &str, body: &str) -> ReadProblemErrorKind {
    let error = read_problem(&problem_response(status, content_type, body))
        .expect_err("not a readable problem");
    assert_eq!(error.status(), status);
    assert!(error.to_string().contains(&status.to_string()), "{error}");
    error.kind().clone()
}

// ---- problem details --------------------------------------------------------

/// Every field that `read_problem` gives equals what the server put in.
fn assert_same(received: &Problem, sent: &ProblemDetails) {
    assert_eq!(received.status, sent.status.as_u16());
    assert_eq!(received.status_code(), Ok(sent.status));
    assert_eq!(received.type_uri, sent.type_uri);
    assert_eq!(received.title.as_deref(), Some(&*sent.title));
    assert_eq!(received.detail.as_deref(), sent.detail.as_deref());
    assert_eq!(received.instance.as_deref(), sent.instance.as_deref());
    assert_eq!(received.code.as_deref(), Some(&*sent.code));
    assert!(received.extensions.is_empty(), "{:?}", received.extensions);
}

#[test]
fn round_trips_every_derived_error() {
    for case in cases() {
        let response = case.error.to_http_response();
        let received = read_problem(&response).expect("a problem+json response");
        assert_same(&received, &case.error.problem());
    }
}

#[test]
fn round_trips_a_problem_with_every_member() {
    let sent = ProblemDetails::new(StatusCode::Conflict, "duplicate")
        .with_type("https://example.com/problems/duplicate")
        .with_detail("\"widget\" exists\n\u{1}\u{e9}\u{2028}")
        .with_instance("/items/7#\u{263a}");
    let received = read(409, "application/problem+json", &sent.to_json());
    assert_same(&received, &sent);
}

#[test]
fn takes_any_body_of_bytes() {
    let json = r#"{"status":404,"code":"gone"}"#;
    let head = || {
        Response::builder()
            .status(404)
            .header("content-type", "application/problem+json")
    };
    let code = |problem: Problem| problem.code;
    let want = Some("gone".to_owned());
    assert_eq!(
        read_problem(&head().body(json).expect("ok")).map(code).ok(),
        Some(want.clone())
    );
    assert_eq!(
        read_problem(&head().body(json.as_bytes()).expect("ok"))
            .map(code)
            .ok(),
        Some(want.clone())
    );
    assert_eq!(
        read_problem(&head().body(json.as_bytes().to_vec()).expect("ok"))
            .map(code)
            .ok(),
        Some(want.clone())
    );
    assert_eq!(
        read_problem(
            &head()
                .body(Bytes::from_static(json.as_bytes()))
                .expect("ok")
        )
        .map(code)
        .ok(),
        Some(want.clone())
    );

    let mut headers = HeaderMap::new();
    headers.insert(
        "content-type",
        HeaderValue::from_static("application/problem+json"),
    );
    let parts = read_problem_parts(http::StatusCode::NOT_FOUND, &headers, json.as_bytes());
    assert_eq!(parts.map(code).ok(), Some(want));
}

#[test]
fn keeps_extension_members() {
    let problem = read(
        403,
        "application/problem+json",
        r#"{
            "type": "https://example.com/probs/out-of-credit",
            "title": "You do not have enough credit.",
            "detail": "Your current balance is 30, but that costs 50.",
            "instance": "/account/12345/msgs/abc",
            "balance": 30,
            "accounts": ["/account/12345", "/account/67890"],
            "limits": {"daily": 100, "nested": [null, true, 1.5]},
            "code": "out_of_credit"
        }"#,
    );
    assert_eq!(problem.status, 403);
    assert_eq!(problem.type_uri, "https://example.com/probs/out-of-credit");
    assert_eq!(
        problem.title.as_deref(),
        Some("You do not have enough credit.")
    );
    assert_eq!(
        problem.detail.as_deref(),
        Some("Your current balance is 30, but that costs 50.")
    );
    assert_eq!(problem.instance.as_deref(), Some("/account/12345/msgs/abc"));
    assert_eq!(problem.code.as_deref(), Some("out_of_credit"));
    assert_eq!(
        serde_json::Value::Object(problem.extensions),
        json!({
            "balance": 30,
            "accounts": ["/account/12345", "/account/67890"],
            "limits": {"daily": 100, "nested": [null, true, 1.5]},
        })
    );
}

#[test]
fn an_empty_object_is_a_problem_of_type_about_blank() {
    let problem = read(400, "application/problem+json", "{}");
    assert_eq!(
        problem,
        Problem {
            status: 400,
            type_uri: "about:blank".to_owned(),
            title: None,
            detail: None,
            instance: None,
            code: None,
            extensions: serde_json::Map::new(),
        }
    );
}

#[test]
fn ignores_members_of_the_wrong_type() {
    // RFC 9457, Section 3.1: "processing will continue as if the member had
    // not been present". They are not extensions either.
    let problem = read(
        404,
        "application/problem+json",
        r#"{"type": 7, "title": null, "status": "500", "detail": ["x"],
            "instance": {"a": 1}, "other": false}"#,
    );
    assert_eq!(problem.status, 404);
    assert_eq!(problem.type_uri, "about:blank");
    assert_eq!(problem.title, None);
    assert_eq!(problem.detail, None);
    assert_eq!(problem.instance, None);
    assert_eq!(
        serde_json::Value::Object(problem.extensions),
        json!({"other": false})
    );

    for status in ["true", "null", "[404]", "{}"] {
        let problem = read(
            404,
            "application/problem+json",
            &format!(r#"{{"status":{status}}}"#),
        );
        assert!(problem.extensions.is_empty());
    }
}

#[test]
fn a_code_that_is_not_a_string_stays_an_extension() {
    let problem = read(409, "application/problem+json", r#"{"code": 42}"#);
    assert_eq!(problem.code, None);
    assert_eq!(problem.extensions["code"], 42);
}

#[test]
fn content_type_parameters_and_case() {
    for content_type in [
        "application/problem+json; charset=utf-8",
        "application/problem+json;charset=UTF-8",
        "Application/Problem+JSON",
        "application/problem+json ; q=1 ; x=\"a;b\"",
    ] {
        let problem = read(422, content_type, r#"{"status":422,"detail":"bad"}"#);
        assert_eq!(problem.detail.as_deref(), Some("bad"), "{content_type}");
    }
}

#[test]
fn other_content_types_are_an_error_that_keeps_the_status() {
    for content_type in [
        "application/json",
        "text/html; charset=utf-8",
        "application/problem+xml",
        "application/problem+json-seq",
        "",
    ] {
        assert_eq!(
            kind(502, content_type, "{}"),
            ReadProblemErrorKind::NotProblemJson {
                content_type: Some(content_type.to_owned())
            }
        );
    }

    let bare = Response::builder().status(500).body("oops").expect("ok");
    let error = read_problem(&bare).expect_err("no content type");
    assert_eq!(error.status(), 500);
    assert_eq!(
        error.kind(),
        &ReadProblemErrorKind::NotProblemJson { content_type: None }
    );
    assert!(error.to_string().contains("no content type"), "{error}");

    let opaque = Response::builder()
        .status(400)
        .header(
            "content-type",
            HeaderValue::from_bytes(b"text/\xffhtml").expect("obs-text is allowed"),
        )
        .body("{}")
        .expect("ok");
    assert_eq!(
        read_problem(&opaque).map_err(|error| error.kind().clone()),
        Err(ReadProblemErrorKind::NotProblemJson {
            content_type: Some("text/\u{fffd}html".to_owned())
        })
    );
}

#[test]
fn bad_json_is_an_error_with_the_parser_error_as_source() {
    for body in ["", "{", "{\"title\": }", "{} {}", "{\"a\":1,}", "nul"] {
        let response = problem_response(400, "application/problem+json", body);
        let error = read_problem(&response).expect_err(body);
        assert_eq!(error.kind(), &ReadProblemErrorKind::InvalidJson, "{body}");
        assert!(std::error::Error::source(&error).is_some(), "{body}");
    }
    let not_utf8 = Response::builder()
        .status(400)
        .header("content-type", "application/problem+json")
        .body(b"{\"title\":\"\xff\"}".to_vec())
        .expect("ok");
    let error = read_problem(&not_utf8).expect_err("invalid UTF-8");
    assert_eq!(error.kind(), &ReadProblemErrorKind::InvalidJson);
}

#[test]
fn json_that_is_not_an_object_is_an_error() {
    for body in ["[]", "[{}]", "\"text\"", "404", "null", "true"] {
        assert_eq!(
            kind(404, "application/problem+json", body),
            ReadProblemErrorKind::NotAnObject,
            "{body}"
        );
    }
}

#[test]
fn a_status_member_that_disagrees_is_an_error() {
    for member in ["500", "-404", "404.5", "70000", "0", "18446744073709551615"] {
        let body = format!(r#"{{"status":{member},"title":"Not Found"}}"#);
        let ReadProblemErrorKind::StatusMismatch { member: seen } =
            kind(404, "application/problem+json", &body)
        else {
            panic!("{member} should disagree with 404");
        };
        assert_eq!(seen.to_string(), member);
    }
    // The same number written differently agrees.
    for member in ["404", "404.0", "4.04e2"] {
        let problem = read(
            404,
            "application/problem+json",
            &format!(r#"{{"status":{member}}}"#),
        );
        assert_eq!(problem.status, 404);
    }
}

#[test]
fn an_unknown_status_is_kept() {
    let problem = read(
        479,
        "application/problem+json",
        r#"{"status":479,"code":"x"}"#,
    );
    assert_eq!(problem.status, 479);
    let error = problem
        .status_code()
        .expect_err("479 is not in the registry");
    assert_eq!(error.code(), Some(479));

    let error = read_problem(&problem_response(299, "text/plain", "")).expect_err("not a problem");
    assert_eq!(error.status(), 299);
}

// ---- Retry-After ------------------------------------------------------------

/// Sun, 06 Nov 1994 08:49:37 GMT, the example of RFC 9110, Section 5.6.7.
fn rfc_example() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(784_111_777)
}

fn retry(text: &str) -> Option<RetryAfter> {
    text.parse().ok()
}

#[test]
fn delay_seconds() {
    let now = SystemTime::now();
    for (text, seconds) in [
        ("0", 0),
        ("60", 60),
        (" 120\t", 120),
        ("0007", 7),
        ("18446744073709551615", u64::MAX),
    ] {
        let parsed = retry(text);
        assert_eq!(
            parsed,
            Some(RetryAfter::Delay(Duration::from_secs(seconds))),
            "{text:?}"
        );
        assert_eq!(
            parsed.map(|r| r.delay_from(now)),
            Some(Duration::from_secs(seconds))
        );
    }
}

#[test]
fn the_three_http_date_forms() {
    for text in [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    ] {
        assert_eq!(retry(text), Some(RetryAfter::At(rfc_example())), "{text}");
        let value = HeaderValue::from_static(text);
        assert_eq!(
            RetryAfter::try_from(&value),
            Ok(RetryAfter::At(rfc_example()))
        );
    }
}

#[test]
fn delay_from_a_date() {
    let date = RetryAfter::At(rfc_example());
    let before = rfc_example() - Duration::from_secs(90);
    assert_eq!(date.delay_from(before), Duration::from_secs(90));
    assert_eq!(date.delay_from(rfc_example()), Duration::ZERO);
    // Past dates mean "now", never a negative or a panic.
    assert_eq!(
        date.delay_from(rfc_example() + Duration::from_secs(1)),
        Duration::ZERO
    );
    assert_eq!(date.delay_from(SystemTime::now()), Duration::ZERO);

    let far = retry("Fri, 31 Dec 9999 23:59:59 GMT").expect("the last IMF-fixdate");
    assert!(far.delay_from(SystemTime::now()) > Duration::from_secs(200 * 365 * 86_400));
    for before_1970 in [
        "Mon, 01 Jan 1900 00:00:00 GMT",
        "Mon, 01 Jan 0001 00:00:00 GMT",
    ] {
        if let Some(at) = retry(before_1970) {
            assert_eq!(at.delay_from(UNIX_EPOCH), Duration::ZERO);
        }
    }
}

/// What `httpdate` writes, we read back, over the years HTTP-dates can hold.
#[test]
fn agrees_with_httpdate() {
    let this_year: i64 = httpdate::fmt_http_date(SystemTime::now())[12..16]
        .parse()
        .expect("a four-digit year");
    let long_day = |short: &str| {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]
        .into_iter()
        .find(|day| day.starts_with(short))
        .expect("a day name")
    };
    let mut seconds = 0_u64;
    while seconds < 253_402_300_800 {
        let time = UNIX_EPOCH + Duration::from_secs(seconds);
        let imf = httpdate::fmt_http_date(time);
        assert_eq!(retry(&imf), Some(RetryAfter::At(time)), "{imf}");

        // Sun, 06 Nov 1994 08:49:37 GMT
        let (day_name, day, month, year, clock) = (
            &imf[..3],
            &imf[5..7],
            &imf[8..11],
            &imf[12..16],
            &imf[17..25],
        );
        let asctime = format!(
            "{day_name} {month} {:>2} {clock} {year}",
            day.trim_start_matches('0')
        );
        assert_eq!(retry(&asctime), Some(RetryAfter::At(time)), "{asctime}");
        let year_number: i64 = year.parse().expect("digits");
        if (year_number - this_year).abs() < 49 {
            let rfc850 = format!(
                "{}, {day}-{month}-{} {clock} GMT",
                long_day(day_name),
                &year[2..]
            );
            assert_eq!(retry(&rfc850), Some(RetryAfter::At(time)), "{rfc850}");
            // httpdate reads 70..=99 as 19xx and 00..=69 as 20xx.
            if year_number < 2070 {
                assert_eq!(
                    httpdate::parse_http_date(&rfc850).ok(),
                    Some(time),
                    "{rfc850}"
                );
            }
        }
        seconds += 7_777_777 + seconds % 86_399;
    }
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    for text in [
        "",
        " ",
        "soon",
        "-1",
        "+1",
        "1.5",
        "1e3",
        "0x10",
        "60 seconds",
        "18446744073709551616",
        "99999999999999999999999999999999",
        "Sun, 06 Nov 1994 08:49:37",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 06 Nov 1994 25:00:00 GMT",
        "Fri, 31 Feb 2025 00:00:00 GMT",
        "Sun, 06 Nov 94 08:49:37 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sun Nov 6 08:49:37 1994",
        "2025-01-01T00:00:00Z",
        "Sun, 06 Nov 1994 08:49:37 GMT, 60",
        // 1994-11-06 was a Sunday: a date that disagrees with itself.
        "Mon, 06 Nov 1994 08:49:37 GMT",
    ] {
        let error = text.parse::<RetryAfter>().expect_err(text);
        assert!(!error.to_string().is_empty());
    }
    for bytes in [
        &b"\xff"[..],
        b"6\xff0",
        b"Sun, 06 Nov 1994 08:49:37 GMT\x80",
    ] {
        assert!(RetryAfter::parse(bytes).is_err());
        let value = HeaderValue::from_bytes(bytes).expect("obs-text is allowed");
        assert!(RetryAfter::try_from(&value).is_err());
    }
}

#[test]
fn from_the_headers_of_a_derived_error() {
    let limited = ApiError::RateLimited.to_http_response();
    assert_eq!(
        RetryAfter::from_headers(limited.headers()),
        Some(RetryAfter::Delay(Duration::from_secs(60)))
    );
    // A 1.2 s wait is sent rounded up, so a client never retries early.
    let db = ApiError::db().to_http_response();
    assert_eq!(
        RetryAfter::from_headers(db.headers()),
        Some(RetryAfter::Delay(Duration::from_secs(2)))
    );
    let not_found = ApiError::ItemNotFound(1).to_http_response();
    assert_eq!(RetryAfter::from_headers(not_found.headers()), None);
}

#[test]
fn from_headers_gives_none_for_invalid_or_repeated_values() {
    let mut headers = HeaderMap::new();
    headers.insert("retry-after", HeaderValue::from_static("later"));
    assert_eq!(RetryAfter::from_headers(&headers), None);
    headers.insert(
        "retry-after",
        HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"),
    );
    assert_eq!(
        RetryAfter::from_headers(&headers),
        Some(RetryAfter::At(rfc_example()))
    );
    headers.append(
        "retry-after",
        HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"),
    );
    assert_eq!(RetryAfter::from_headers(&headers), None);
}
