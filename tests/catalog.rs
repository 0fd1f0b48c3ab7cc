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
fn lists_every_variant_in_declaration_order_a_transparent_one_as_its_inner_catalog() {
    let variants: Vec<&str> = ApiError::ERRORS.iter().map(|entry| entry.variant).collect();
    assert_eq!(
        variants,
        [
            "ItemNotFound",
            "RateLimited",
            "Database",
            "Maintenance",
            "AuthError"
        ],
        "the transparent `Auth` stands for AuthError's catalog"
    );
    assert_eq!(ApiError::ERRORS[4], AuthError::ERRORS[0]);
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
    let [missing, limited, database, maintenance, _auth] = ApiError::ERRORS else {
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
            "status": 429,
            "code": "rate_limited",
            "title": "Too Many Requests",
            "type": "https://api.example.com/errors#rate_limited",
            "exposes_detail": true,
            "headers": [{"name": "Retry-After", "value": null}],
            "description": "",
            "members": [],
        })
    );
}

/// A narrow error type per handler, composed of shared ones (only its catalog is read here).
#[allow(dead_code)]
#[derive(Debug, thiserror::Error, HttpError)]
enum GetItemError {
    #[error(transparent)]
    #[http(transparent)]
    Auth(#[from] AuthError),
    #[error("item {0} not found")]
    #[http(status = 404, code = "item_not_found")]
    NotFound(u64),
    #[error(transparent)]
    #[http(transparent)]
    Framework(#[from] status_core::FrameworkError),
}

#[test]
fn transparent_variants_put_the_inner_catalog_in_their_place() {
    let codes: Vec<&str> = GetItemError::ERRORS
        .iter()
        .map(|entry| entry.code)
        .collect();
    let framework: Vec<&str> = status_core::FrameworkError::ERRORS
        .iter()
        .map(|entry| entry.code)
        .collect();
    assert_eq!(codes[..2], [AuthError::ERRORS[0].code, "item_not_found"]);
    assert_eq!(codes[2..], framework[..]);
    assert_eq!(
        GetItemError::by_code("method_not_allowed").map(|entry| entry.status),
        Some(StatusCode::MethodNotAllowed)
    );
}

/// A generic type: Rust cannot join a generic type's catalogs in a constant.
#[allow(dead_code)]
#[derive(Debug, thiserror::Error, HttpError)]
enum Wrapped<E: std::error::Error + HttpError + 'static> {
    #[error("gone")]
    #[http(status = 410)]
    Gone,
    #[error(transparent)]
    #[http(transparent)]
    Inner(E),
}

#[test]
fn a_generic_type_lists_its_own_variants_only() {
    let variants: Vec<&str> = Wrapped::<AuthError>::ERRORS
        .iter()
        .map(|entry| entry.variant)
        .collect();
    assert_eq!(variants, ["Gone"]);
}

/// Extension members, RFC 9457 Section 3's example among them.
#[allow(dead_code)]
#[derive(Debug, thiserror::Error, HttpError)]
enum CreditError {
    #[error("your current balance is {balance}, but that costs {cost}")]
    #[http(status = 403, code = "out_of_credit")]
    OutOfCredit {
        #[http(extension)]
        balance: i64,
        #[http(extension)]
        accounts: Vec<&'static str>,
        #[http(extension = "limit_ratio")]
        ratio: f64,
        #[http(extension)]
        frozen: Option<bool>,
        #[http(extension)]
        owner: Owner,
        cost: u32,
    },
    #[error("invalid")]
    #[http(status = 422)]
    Invalid {
        #[http(errors)]
        errors: Vec<status_core::Violation>,
        #[http(instance)]
        instance: String,
    },
}

#[derive(Debug, serde::Serialize)]
struct Owner {
    name: &'static str,
}

impl std::fmt::Display for Owner {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.name)
    }
}

#[test]
fn entries_list_their_extension_members_with_their_json_types() {
    use status_core::JsonType;
    let [credit, invalid] = CreditError::ERRORS else {
        panic!("two entries: {:?}", CreditError::ERRORS);
    };
    let members: Vec<(&str, JsonType, bool)> = credit
        .members
        .iter()
        .map(|member| (member.name, member.json_type, member.optional))
        .collect();
    assert_eq!(
        members,
        [
            ("balance", JsonType::Integer, false),
            ("accounts", JsonType::Array(&JsonType::String), false),
            ("limit_ratio", JsonType::Number, false),
            ("frozen", JsonType::Boolean, true),
            ("owner", JsonType::Any, false),
        ],
        "`cost` is only in the detail"
    );
    let names: Vec<&str> = invalid.members.iter().map(|member| member.name).collect();
    assert_eq!(names, ["errors"], "`instance` is a standard member");
    assert_eq!(invalid.members[0].json_type, JsonType::Errors);
    // A body leaves `errors` out when there are none, so it is optional.
    assert!(invalid.members[0].optional);
    let none = CreditError::Invalid {
        errors: Vec::new(),
        instance: "/transfers/7".to_owned(),
    };
    let body = status_core::HttpError::problem(&none).to_json();
    assert!(!body.contains("errors"), "{body}");
    assert_eq!(
        serde_json::to_value(credit.members).expect("members serialize")[1],
        serde_json::json!({
            "name": "accounts",
            "schema": {"type": "array", "items": {"type": "string"}},
            "optional": false,
        })
    );
}
