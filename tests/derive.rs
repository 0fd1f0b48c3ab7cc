//! `#[derive(HttpError)]`: what each attribute produces, framework-neutral.

use status_core::{HttpError, StatusCode};

#[derive(Debug)]
struct DbError;

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection refused by 10.0.0.7:5432")
    }
}

impl std::error::Error for DbError {}

#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "https://example.com/problems/")]
enum ApiError {
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    #[error("slow down")]
    #[http(status = 429, retry_after = 60)]
    RateLimited,
    #[error("login required")]
    #[http(status = Unauthorized, www_authenticate = "Bearer")]
    Unauthenticated,
    #[error("database unavailable")]
    #[http(status = 503)]
    Db(#[source] DbError),
}

#[test]
fn the_design_example_works() {
    let error = ApiError::ItemNotFound(7);
    assert_eq!(error.status(), StatusCode::NotFound);
    assert_eq!(error.code(), "item_not_found");
    assert_eq!(
        error.type_uri(),
        "https://example.com/problems/item_not_found"
    );
    let problem = error.problem();
    assert_eq!(problem.detail.as_deref(), Some("item 7 not found"));
    assert_eq!(
        ApiError::RateLimited.headers().get("Retry-After"),
        Some("60")
    );
    assert_eq!(ApiError::RateLimited.code(), "rate_limited");
    assert_eq!(
        ApiError::Unauthenticated.headers().get("www-authenticate"),
        Some("Bearer")
    );
    let db = ApiError::Db(DbError);
    assert_eq!(db.problem().detail.as_deref(), Some("Service Unavailable"));
    assert!(!db.problem().to_json().contains("10.0.0.7"));
}
