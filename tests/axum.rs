//! Feature `axum`: a derived error is an `axum_core::response::IntoResponse`,
//! directly and as the error of a handler's `Result`.

mod common;

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use common::{ApiError, SECRETS, Seen, assert_response, cases, item_not_found};
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;

async fn seen(response: Response) -> Seen {
    let (parts, body) = response.into_parts();
    let body = body
        .collect()
        .await
        .expect("the body is in memory")
        .to_bytes()
        .to_vec();
    Seen::of_http(parts.status, &parts.headers, body)
}

#[tokio::test]
async fn every_variant_becomes_the_expected_response() {
    // `into_response` consumes the error: build each case twice.
    for (expected, case) in cases().into_iter().zip(cases()) {
        let response = IntoResponse::into_response(case.error);
        assert_response(&expected, &seen(response).await);
    }
}

#[tokio::test]
async fn a_4xx_shows_its_display_text() {
    let response = item_not_found().error.into_response();
    assert_response(&item_not_found(), &seen(response).await);
}

#[tokio::test]
async fn a_5xx_hides_its_display_text_and_its_source() {
    let seen = seen(ApiError::db().into_response()).await;
    assert_eq!(seen.status, 503);
    let text = String::from_utf8(seen.body).expect("UTF-8 body");
    for secret in SECRETS {
        assert!(!text.contains(secret), "{text}");
    }
    let body: serde_json::Value = serde_json::from_str(&text).expect("JSON body");
    assert_eq!(body["detail"], "Service Unavailable");
    assert!(
        seen.headers
            .contains(&("retry-after".to_owned(), "2".to_owned()))
    );
}

#[tokio::test]
async fn a_429_carries_retry_after_and_a_401_www_authenticate() {
    let limited = seen(ApiError::RateLimited.into_response()).await;
    assert_eq!(limited.status, 429);
    assert!(
        limited
            .headers
            .contains(&("retry-after".to_owned(), "60".to_owned()))
    );
    let unauthenticated = seen(ApiError::Unauthenticated.into_response()).await;
    assert_eq!(unauthenticated.status, 401);
    assert!(unauthenticated.headers.contains(&(
        "www-authenticate".to_owned(),
        "Bearer realm=\"api\"".to_owned()
    )));
}

#[tokio::test]
async fn agrees_with_to_http_response() {
    use status_core::HttpError as _;
    for case in cases() {
        let plain = case.error.to_http_response();
        let axum = seen(case.error.into_response()).await;
        assert_eq!(axum.status, plain.status().as_u16());
        assert_eq!(axum.body, plain.body().as_bytes());
        assert_eq!(axum.headers.len(), plain.headers().len());
    }
}

// ---- as a handler's error type ---------------------------------------------

async fn item(Path(id): Path<u64>) -> Result<String, ApiError> {
    match id {
        1 => Ok("widget".to_owned()),
        2 => Err(ApiError::RateLimited),
        3 => Err(ApiError::db()),
        _ => Err(ApiError::ItemNotFound(id)),
    }
}

async fn call(router: &Router, uri: &str) -> Seen {
    let request = http::Request::builder()
        .uri(uri)
        .body(Body::empty())
        .expect("a valid request");
    let response = router.clone().oneshot(request).await.expect("infallible");
    seen(response).await
}

#[tokio::test]
async fn works_as_a_handler_error() {
    let router = Router::new().route("/items/{id}", get(item));

    let ok = call(&router, "/items/1").await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.body, b"widget");

    let mut missing = call(&router, "/items/7").await;
    // The router adds the body's length; the error added everything else.
    let length = missing.body.len().to_string();
    missing
        .headers
        .retain(|(name, value)| !(name == "content-length" && *value == length));
    let expected = cases().into_iter().next().expect("the 404 case");
    assert_response(&expected, &missing);

    let limited = call(&router, "/items/2").await;
    assert_eq!(limited.status, 429);
    assert!(
        limited
            .headers
            .contains(&("retry-after".to_owned(), "60".to_owned()))
    );

    let down = call(&router, "/items/3").await;
    assert_eq!(down.status, 503);
    let text = String::from_utf8(down.body).expect("UTF-8 body");
    for secret in SECRETS {
        assert!(!text.contains(secret), "{text}");
    }
}

#[tokio::test]
async fn generic_errors_are_responses_too() {
    #[derive(Debug, thiserror::Error, status_core::HttpError)]
    enum Lookup<T: std::fmt::Debug + std::fmt::Display> {
        #[error("no item {0}")]
        #[http(status = 404, location = "/items")]
        Missing(T),
    }

    let seen = seen(Lookup::Missing(3_u8).into_response()).await;
    assert_eq!(seen.status, 404);
    assert!(
        seen.headers
            .contains(&("location".to_owned(), "/items".to_owned()))
    );
    let body: serde_json::Value = serde_json::from_slice(&seen.body).expect("JSON body");
    assert_eq!(body["detail"], "no item 3");
}

// ---- a bare `StatusCode` as a handler's response ---------------------------

#[tokio::test]
async fn a_handler_can_answer_with_a_bare_status_code() {
    use status_core::StatusCode;

    let router = Router::new()
        .route("/deleted", get(|| async { StatusCode::NoContent }))
        .route("/queued", get(|| async { StatusCode::Accepted }));
    // One status that forbids content and one that allows it: both empty.
    assert!(!StatusCode::NoContent.allows_body() && StatusCode::Accepted.allows_body());
    for (uri, status) in [
        ("/deleted", StatusCode::NoContent),
        ("/queued", StatusCode::Accepted),
    ] {
        let seen = call(&router, uri).await;
        assert_eq!(seen.status, status.as_u16(), "{uri}");
        assert!(seen.body.is_empty(), "{uri}: {:?}", seen.body);
        // Only the router's `content-length: 0`, which hyper drops from a 204.
        assert_eq!(
            seen.headers,
            [("content-length".to_owned(), "0".to_owned())],
            "{uri}"
        );
    }
}

#[test]
fn into_response_is_that_of_http_status_code() {
    use status_core::StatusCode;

    for &status in StatusCode::ALL {
        let ours = status.into_response();
        let theirs = http::StatusCode::from(status).into_response();
        assert_eq!(ours.status(), theirs.status());
        assert_eq!(ours.headers(), theirs.headers());
    }
}
