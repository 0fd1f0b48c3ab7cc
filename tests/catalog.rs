//! `ErrorCatalog`: the derive lists every error of a type as data, from the
//! same attributes its responses come from, and serializes it for clients.

use status_core::{ErrorCatalog, HttpError, StatusCode};

/// Items of a catalog-backed API.
#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "https://api.example.com/errors#")]
enum ApiError {
    /// The item does not exist.
    ///
    /// Deleted items count as missing.
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    #[error("slow down, retry in {seconds}s")]
    #[http(status = 429, retry_after = seconds)]
    RateLimited { seconds: u64 },
    /// The database is down.
    #[error("database: {0}")]
    #[http(status = 503, retry_after = 30)]
    Database(String),
    /// Down for maintenance, and the client may know it.
    #[error("down for maintenance")]
    #[http(status = ServiceUnavailable, expose)]
    Maintenance,
    #[error(transparent)]
    #[http(transparent)]
    Auth(#[from] AuthError),
}

/// Authentication, with its own catalog.
#[derive(Debug, thiserror::Error, HttpError)]
#[error("a bearer token is required")]
#[http(status = 401, www_authenticate = "Bearer")]
struct AuthError;

#[test]
fn lists_every_own_variant_in_declaration_order() {
    let variants: Vec<&str> = ApiError::ERRORS.iter().map(|entry| entry.variant).collect();
    assert_eq!(
        variants,
        ["ItemNotFound", "RateLimited", "Database", "Maintenance"],
        "the transparent `Auth` belongs to AuthError's catalog"
    );
    let [auth] = AuthError::ERRORS else {
        panic!("a struct lists itself once: {:?}", AuthError::ERRORS);
    };
    assert_eq!(auth.variant, "AuthError");
    assert_eq!(auth.status, StatusCode::Unauthorized);
    assert_eq!(auth.headers[0].name, "WWW-Authenticate");
    assert_eq!(auth.headers[0].value, Some("Bearer"));
}

#[test]
fn entries_agree_with_the_responses() {
    let errors = [
        ApiError::ItemNotFound(1),
        ApiError::RateLimited { seconds: 5 },
        ApiError::Database("connection refused by 10.0.0.7".to_owned()),
        ApiError::Maintenance,
    ];
    for (error, entry) in errors.iter().zip(ApiError::ERRORS) {
        assert_eq!(entry.status, error.status(), "{entry:?}");
        assert_eq!(entry.code, error.code(), "{entry:?}");
        assert_eq!(entry.type_uri, error.type_uri(), "{entry:?}");
        assert_eq!(entry.exposes_detail, error.exposes_detail(), "{entry:?}");
        assert_eq!(entry.title(), error.problem().title, "{entry:?}");
        let names: Vec<String> = error
            .headers()
            .iter()
            .map(|(name, _)| name.to_ascii_lowercase())
            .collect();
        let listed: Vec<String> = entry
            .headers
            .iter()
            .map(|header| header.name.to_ascii_lowercase())
            .collect();
        assert_eq!(listed, names, "{entry:?}");
    }
}

#[test]
fn records_docs_fixed_header_values_and_type_uris() {
    let [missing, limited, database, maintenance] = ApiError::ERRORS else {
        panic!("{:?}", ApiError::ERRORS);
    };
    assert_eq!(
        missing.description,
        "The item does not exist. Deleted items count as missing."
    );
    assert_eq!(limited.description, "", "no doc comment");
    assert_eq!(
        missing.type_uri,
        "https://api.example.com/errors#item_not_found"
    );
    assert_eq!(limited.headers[0].name, "Retry-After");
    assert_eq!(
        limited.headers[0].value, None,
        "read from a field at run time"
    );
    assert_eq!(database.headers[0].value, Some("30"));
    assert!(!database.exposes_detail, "a 5xx is masked by default");
    assert!(maintenance.exposes_detail, "`expose` opts in");
}

#[test]
fn finds_an_entry_by_the_code_a_client_received() {
    assert_eq!(
        ApiError::by_code("rate_limited").map(|entry| entry.variant),
        Some("RateLimited")
    );
    assert!(ApiError::by_code("unauthenticated").is_none());
    assert!(ApiError::by_code("").is_none());
}

#[test]
fn serializes_for_clients_and_error_pages() {
    let json = serde_json::to_value(ApiError::ERRORS).expect("a catalog serializes");
    assert_eq!(
        json[1],
        serde_json::json!({
            "variant": "RateLimited",
            "status": 429,
            "code": "rate_limited",
            "title": "Too Many Requests",
            "type": "https://api.example.com/errors#rate_limited",
            "exposes_detail": true,
            "headers": [{"name": "Retry-After", "value": null}],
            "description": "",
        })
    );
}
