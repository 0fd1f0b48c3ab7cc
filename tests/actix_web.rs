//! Feature `actix-web`: a derived error is an `actix_web::ResponseError`,
//! directly and as the error of a handler's `Result`.

mod common;

use actix_web::body::{MessageBody as _, to_bytes};
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, HttpResponse, ResponseError, web};
use common::{ApiError, SECRETS, Seen, assert_response, cases, item_not_found};
use status_core::HttpError as _;

async fn seen(response: HttpResponse) -> Seen {
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            let value = value.to_str().expect("header values are visible ASCII");
            (name.as_str().to_owned(), value.to_owned())
        })
        .collect();
    let body = to_bytes(response.into_body())
        .await
        .expect("the body is in memory")
        .to_vec();
    Seen {
        status,
        headers,
        body,
    }
}

#[actix_web::test]
async fn every_variant_becomes_the_expected_response() {
    for case in cases() {
        let response = ResponseError::error_response(&case.error);
        assert_response(&case, &seen(response).await);
    }
}

#[test]
fn status_code_and_error_response_always_agree() {
    for case in cases() {
        let status = ResponseError::status_code(&case.error);
        let response = ResponseError::error_response(&case.error);
        assert_eq!(status, response.status(), "{:?}", case.error);
        assert_eq!(status.as_u16(), case.status, "{:?}", case.error);
        assert_eq!(status.as_u16(), case.error.status().as_u16());
    }
}

#[actix_web::test]
async fn a_4xx_shows_its_display_text() {
    let response = ResponseError::error_response(&ApiError::ItemNotFound(7));
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok()),
        Some("application/problem+json")
    );
    assert_response(&item_not_found(), &seen(response).await);
}

#[actix_web::test]
async fn a_5xx_hides_its_display_text_and_its_source() {
    let error = ApiError::db();
    assert_eq!(ResponseError::status_code(&error).as_u16(), 503);
    let seen = seen(ResponseError::error_response(&error)).await;
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
    assert!(
        seen.headers
            .contains(&("x-request-id".to_owned(), "abc".to_owned()))
    );
}

#[actix_web::test]
async fn a_429_carries_retry_after_and_a_401_www_authenticate() {
    let limited = seen(ResponseError::error_response(&ApiError::RateLimited)).await;
    assert_eq!(limited.status, 429);
    assert!(
        limited
            .headers
            .contains(&("retry-after".to_owned(), "60".to_owned()))
    );
    let unauthenticated = seen(ResponseError::error_response(&ApiError::Unauthenticated)).await;
    assert_eq!(unauthenticated.status, 401);
    assert!(unauthenticated.headers.contains(&(
        "www-authenticate".to_owned(),
        "Bearer realm=\"api\"".to_owned()
    )));
}

#[actix_web::test]
async fn agrees_with_to_http_response() {
    for case in cases() {
        let plain = case.error.to_http_response();
        let response = ResponseError::error_response(&case.error);
        assert_eq!(
            response.body().size(),
            actix_web::body::BodySize::Sized(plain.body().len() as u64)
        );
        let actix = seen(response).await;
        assert_eq!(actix.status, plain.status().as_u16());
        assert_eq!(actix.body, plain.body().as_bytes());
        assert_eq!(actix.headers.len(), plain.headers().len());
    }
}

/// A hand-written `HttpError` whose `problem` is its own: the trait's
/// default `to_actix_response` sends that problem, not a derived one.
#[derive(Debug, thiserror::Error)]
#[error("quota of {0} exceeded")]
struct QuotaExceeded(u32);

impl status_core::HttpError for QuotaExceeded {
    fn status(&self) -> status_core::StatusCode {
        status_core::StatusCode::TooManyRequests
    }

    fn code(&self) -> &'static str {
        "quota_exceeded"
    }

    fn headers(&self) -> status_core::Headers {
        let mut headers = status_core::Headers::new();
        headers.insert("Retry-After", "30").expect("a valid header");
        headers
    }

    fn problem(&self) -> status_core::ProblemDetails {
        status_core::ProblemDetails::new(self.status(), self.code())
            .with_detail(self.to_string())
            .with_instance("/quotas/7")
    }
}

#[actix_web::test]
async fn a_hand_written_problem_is_sent_by_the_default_to_actix_response() {
    let error = QuotaExceeded(100);
    let seen = seen(error.to_actix_response()).await;
    assert_eq!(seen.status, 429);
    assert_eq!(seen.body, error.problem().to_json().into_bytes());
    let header = |name: &str| {
        seen.headers
            .iter()
            .find(|(candidate, _)| candidate == name)
            .map(|(_, value)| value.as_str())
    };
    assert_eq!(header("retry-after"), Some("30"));
    assert_eq!(header("content-type"), Some("application/problem+json"));
    assert_eq!(header("cache-control"), Some("no-store"));
}

// ---- as a handler's error type ---------------------------------------------

async fn item(id: web::Path<u64>) -> Result<String, ApiError> {
    match id.into_inner() {
        1 => Ok("widget".to_owned()),
        2 => Err(ApiError::RateLimited),
        3 => Err(ApiError::db()),
        id => Err(ApiError::ItemNotFound(id)),
    }
}

#[actix_web::test]
async fn works_as_a_handler_error() {
    let app = init_service(App::new().route("/items/{id}", web::get().to(item))).await;
    let call = |uri: &'static str| call_service(&app, TestRequest::get().uri(uri).to_request());

    let ok = call("/items/1").await;
    assert_eq!(ok.status().as_u16(), 200);
    assert_eq!(read_body(ok).await, "widget");

    let missing = call("/items/7").await;
    let missing = seen(missing.into_parts().1.map_into_boxed_body()).await;
    let expected = cases().into_iter().next().expect("the 404 case");
    assert_response(&expected, &missing);

    let limited = call("/items/2").await;
    assert_eq!(limited.status().as_u16(), 429);
    assert_eq!(
        limited
            .headers()
            .get("retry-after")
            .and_then(|value| value.to_str().ok()),
        Some("60")
    );

    let down = call("/items/3").await;
    assert_eq!(down.status().as_u16(), 503);
    let text = String::from_utf8(read_body(down).await.to_vec()).expect("UTF-8 body");
    for secret in SECRETS {
        assert!(!text.contains(secret), "{text}");
    }
}

#[actix_web::test]
async fn generic_errors_are_responses_too() {
    #[derive(Debug, thiserror::Error, status_core::HttpError)]
    enum Lookup<T: std::fmt::Debug + std::fmt::Display> {
        #[error("no item {0}")]
        #[http(status = 404, location = "/items")]
        Missing(T),
    }

    let error = Lookup::Missing(3_u8);
    assert_eq!(ResponseError::status_code(&error).as_u16(), 404);
    let seen = seen(ResponseError::error_response(&error)).await;
    assert_eq!(seen.status, 404);
    assert!(
        seen.headers
            .contains(&("location".to_owned(), "/items".to_owned()))
    );
    let body: serde_json::Value = serde_json::from_slice(&seen.body).expect("JSON body");
    assert_eq!(body["detail"], "no item 3");
}

// ---- a bare `StatusCode` as a handler's response ---------------------------

#[actix_web::test]
async fn a_handler_can_answer_with_a_bare_status_code() {
    use status_core::StatusCode;

    let app = init_service(
        App::new()
            .route(
                "/deleted",
                web::get().to(|| async { StatusCode::NoContent }),
            )
            .route("/queued", web::get().to(|| async { StatusCode::Accepted })),
    )
    .await;
    // One status that forbids content and one that allows it: both empty.
    assert!(!StatusCode::NoContent.allows_body() && StatusCode::Accepted.allows_body());
    for (uri, status) in [
        ("/deleted", StatusCode::NoContent),
        ("/queued", StatusCode::Accepted),
    ] {
        let response = call_service(&app, TestRequest::get().uri(uri).to_request()).await;
        let seen = seen(response.into_parts().1.map_into_boxed_body()).await;
        assert_eq!(seen.status, status.as_u16(), "{uri}");
        assert!(seen.body.is_empty(), "{uri}: {:?}", seen.body);
        assert!(seen.headers.is_empty(), "{uri}: {:?}", seen.headers);
    }
}

#[test]
fn converts_to_and_from_actix_status_codes() {
    use status_core::StatusCode;

    for &status in StatusCode::ALL {
        let theirs = actix_web::http::StatusCode::from(status);
        assert_eq!(theirs.as_u16(), status.as_u16());
        assert_eq!(StatusCode::try_from(theirs), Ok(status));
        assert!(status == theirs);
    }
    let unknown = actix_web::http::StatusCode::from_u16(299).expect("actix accepts 299");
    let error = StatusCode::try_from(unknown).expect_err("299 is not registered");
    assert_eq!(error.code(), Some(299));
}
