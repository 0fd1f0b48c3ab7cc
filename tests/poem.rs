//! Feature `poem`: a derived error is a `poem::error::ResponseError`,
//! directly and as a `poem::Error` that a handler's `?` built from it.

mod common;

use common::{ApiError, SECRETS, Seen, assert_response, cases, item_not_found};
use poem::error::ResponseError;
use poem::test::TestClient;
use poem::web::Path;
use poem::{Endpoint, EndpointExt as _, Route, get, handler};
use status_core::HttpError as _;

async fn seen(response: poem::Response) -> Seen {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .into_vec()
        .await
        .expect("the body is in memory");
    Seen::of_http(status, &headers, body)
}

#[tokio::test]
async fn every_variant_becomes_the_expected_response() {
    for case in cases() {
        let response = ResponseError::as_response(&case.error);
        assert_response(&case, &seen(response).await);
    }
}

#[tokio::test]
async fn status_and_as_response_agree() {
    for case in cases() {
        let status = ResponseError::status(&case.error);
        let response = ResponseError::as_response(&case.error);
        assert_eq!(status, response.status(), "{:?}", case.error);
        assert_eq!(status.as_u16(), case.status);
    }
}

#[tokio::test]
async fn agrees_with_to_http_response_byte_for_byte() {
    for case in cases() {
        let plain = case.error.to_http_response();
        let plain = Seen::of_http(
            plain.status(),
            plain.headers(),
            plain.body().clone().into_bytes(),
        );
        let poem = seen(ResponseError::as_response(&case.error)).await;
        assert_eq!(poem.status, plain.status);
        assert_eq!(poem.body, plain.body);
        assert_eq!(poem.headers, plain.headers);
    }
}

#[tokio::test]
async fn the_required_cases_one_by_one() {
    assert_response(
        &item_not_found(),
        &seen(ApiError::ItemNotFound(7).as_response()).await,
    );

    let limited = seen(ApiError::RateLimited.as_response()).await;
    assert_eq!(limited.status, 429);
    assert!(
        limited
            .headers
            .contains(&("retry-after".to_owned(), "60".to_owned()))
    );

    let unauthenticated = seen(ApiError::Unauthenticated.as_response()).await;
    assert_eq!(unauthenticated.status, 401);
    assert!(unauthenticated.headers.contains(&(
        "www-authenticate".to_owned(),
        "Bearer realm=\"api\"".to_owned()
    )));

    let masked = seen(ApiError::db().as_response()).await;
    assert_eq!(masked.status, 503);
    let text = String::from_utf8(masked.body).expect("UTF-8 body");
    for secret in SECRETS {
        assert!(!text.contains(secret), "{text}");
    }
    let body: serde_json::Value = serde_json::from_str(&text).expect("JSON body");
    assert_eq!(body["detail"], "Service Unavailable");

    let exposed = seen(ApiError::Upstream(3000).as_response()).await;
    assert_eq!(exposed.status, 504);
    let body: serde_json::Value = serde_json::from_slice(&exposed.body).expect("JSON body");
    assert_eq!(body["detail"], "upstream timed out after 3000 ms");
}

#[test]
fn a_poem_error_keeps_the_status_and_the_original_error() {
    let error = poem::Error::from(ApiError::RateLimited);
    assert_eq!(error.status().as_u16(), 429);
    assert!(matches!(
        error.downcast_ref::<ApiError>(),
        Some(ApiError::RateLimited)
    ));
}

// ---- as a handler's error, through `?` -----------------------------------

fn lookup(id: u64) -> Result<String, ApiError> {
    match id {
        1 => Ok("widget".to_owned()),
        2 => Err(ApiError::RateLimited),
        3 => Err(ApiError::db()),
        4 => Err(ApiError::Unauthenticated),
        5 => Err(ApiError::Upstream(3000)),
        _ => Err(ApiError::ItemNotFound(id)),
    }
}

#[handler]
fn item(Path(id): Path<u64>) -> poem::Result<String> {
    let name = lookup(id)?;
    Ok(name)
}

fn app() -> impl Endpoint<Output = poem::Response> {
    Route::new().at("/items/:id", get(item))
}

/// The response of `GET uri`, without the `content-length` that the server
/// adds for every body.
async fn call(client: &TestClient<impl Endpoint>, uri: &str) -> Seen {
    let response = client.get(uri).send().await;
    let mut seen = seen(response.0).await;
    let length = seen.body.len().to_string();
    seen.headers
        .retain(|(name, value)| !(name == "content-length" && *value == length));
    seen
}

#[tokio::test]
async fn works_as_a_handler_error() {
    let client = TestClient::new(app());

    let ok = call(&client, "/items/1").await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.body, b"widget");

    let expected = |status: u16| {
        cases()
            .into_iter()
            .find(|case| case.status == status)
            .expect("a case with this status")
    };
    assert_response(&expected(404), &call(&client, "/items/7").await);
    assert_response(&expected(429), &call(&client, "/items/2").await);
    assert_response(&expected(503), &call(&client, "/items/3").await);
    assert_response(&expected(401), &call(&client, "/items/4").await);
    assert_response(&expected(504), &call(&client, "/items/5").await);
}

#[tokio::test]
async fn errors_survive_middleware_that_maps_the_response() {
    // An `around` middleware sees the `poem::Error` and renders it itself.
    let app = app().around(|endpoint, request| async move {
        match endpoint.call(request).await {
            Ok(response) => Ok(response),
            Err(error) => Ok(error.into_response()),
        }
    });
    let client = TestClient::new(app);
    let mut expected = cases().into_iter().next().expect("the 404 case");
    expected.error = ApiError::ItemNotFound(9);
    expected.body["detail"] = "item 9 not found".into();
    assert_response(&expected, &call(&client, "/items/9").await);
}

#[tokio::test]
async fn generic_errors_are_poem_errors_too() {
    #[derive(Debug, thiserror::Error, status_core::HttpError)]
    enum Lookup<T: std::fmt::Debug + std::fmt::Display + Send + Sync + 'static> {
        #[error("no item {0}")]
        #[http(status = 404, location = "/items")]
        Missing(T),
    }

    let seen = seen(Lookup::Missing(3_u8).as_response()).await;
    assert_eq!(seen.status, 404);
    assert!(
        seen.headers
            .contains(&("location".to_owned(), "/items".to_owned()))
    );
    let body: serde_json::Value = serde_json::from_slice(&seen.body).expect("JSON body");
    assert_eq!(body["detail"], "no item 3");

    let error = poem::Error::from(Lookup::Missing("x"));
    assert_eq!(error.status().as_u16(), 404);
}

// ---- a bare `StatusCode` as a handler's response ---------------------------

#[handler]
fn deleted() -> status_core::StatusCode {
    status_core::StatusCode::NoContent
}

#[handler]
fn queued() -> status_core::StatusCode {
    status_core::StatusCode::Accepted
}

#[tokio::test]
async fn a_handler_can_answer_with_a_bare_status_code() {
    use status_core::StatusCode;

    let client = TestClient::new(
        Route::new()
            .at("/deleted", get(deleted))
            .at("/queued", get(queued)),
    );
    // One status that forbids content and one that allows it: both empty.
    assert!(!StatusCode::NoContent.allows_body() && StatusCode::Accepted.allows_body());
    for (uri, status) in [
        ("/deleted", StatusCode::NoContent),
        ("/queued", StatusCode::Accepted),
    ] {
        let seen = call(&client, uri).await;
        assert_eq!(seen.status, status.as_u16(), "{uri}");
        assert!(seen.body.is_empty(), "{uri}: {:?}", seen.body);
        assert!(seen.headers.is_empty(), "{uri}: {:?}", seen.headers);
    }
}

// ---- the README's example ---------------------------------------------------

#[handler]
fn item_or_error(Path(id): Path<u64>) -> Result<String, ApiError> {
    // poem also takes the error itself as a handler's error type.
    lookup(id)
}

#[tokio::test]
async fn a_handler_can_return_the_derived_error_itself() {
    let client = TestClient::new(Route::new().at("/items/:id", get(item_or_error)));
    let response = client.get("/items/2").send().await;
    response.assert_status(poem::http::StatusCode::TOO_MANY_REQUESTS);
    response.assert_content_type("application/problem+json");
    response.assert_header("retry-after", "60");
    response
        .assert_json(serde_json::json!({
            "type": "https://example.com/problems/rate_limited",
            "title": "Too Many Requests",
            "status": 429,
            "detail": "slow down",
            "code": "rate_limited",
        }))
        .await;
}
