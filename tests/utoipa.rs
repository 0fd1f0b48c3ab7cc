//! Feature `utoipa`: a derived error documents its own responses
//! (`IntoResponses`) and the problem body has a schema (`ToSchema`), so an
//! OpenAPI document takes both from the derive.

use status_core::{ErrorCatalog, HttpError, ProblemDetails};
use utoipa::openapi::{RefOr, Response};
use utoipa::{IntoResponses, PartialSchema, ToSchema};

#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "/errors#")]
enum ApiError {
    /// No such item.
    #[error("item {0} not found")]
    #[http(status = 404, code = "item_not_found")]
    ItemNotFound(u64),
    /// No such user.
    #[error("user {0} not found")]
    #[http(status = 404)]
    UserNotFound(u64),
    /// Too many requests.
    #[error("slow down")]
    #[http(status = 429, retry_after = 60)]
    RateLimited,
    /// A login is needed.
    #[error("login required")]
    #[http(status = 401, www_authenticate = "Bearer realm=\"api\"")]
    Unauthenticated,
    /// The database failed.
    #[error("database: {0}")]
    #[http(status = 500)]
    Database(String),
}

fn response(status: &str) -> Response {
    match ApiError::responses().remove(status) {
        Some(RefOr::T(response)) => response,
        Some(RefOr::Ref(_)) => panic!("the response for {status} is a reference"),
        None => panic!("no response for {status}"),
    }
}

fn json(value: &impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(value).expect("OpenAPI objects serialize")
}

#[test]
fn one_response_per_status_with_every_variant_as_an_example() {
    let statuses: Vec<String> = ApiError::responses().into_keys().collect();
    assert_eq!(statuses, ["401", "404", "429", "500"]);

    let not_found = json(&response("404"));
    let content = &not_found["content"]["application/problem+json"];
    // Same status, two problems: `oneOf` one schema each, a `ProblemDetails`
    // with the problem's own `code` pinned.
    let one_of = content["schema"]["oneOf"].as_array().expect("oneOf");
    let codes: Vec<&serde_json::Value> = one_of
        .iter()
        .map(|schema| {
            assert_eq!(
                schema["allOf"][0]["$ref"],
                "#/components/schemas/ProblemDetails"
            );
            &schema["allOf"][1]["properties"]["code"]["enum"][0]
        })
        .collect();
    assert_eq!(codes, ["item_not_found", "user_not_found"]);
    // One status, one problem: its schema alone.
    let limited = json(&response("429"));
    let schema = &limited["content"]["application/problem+json"]["schema"];
    assert_eq!(
        schema["allOf"][1]["properties"]["code"]["enum"][0],
        "rate_limited"
    );
    assert_eq!(schema["allOf"][1]["properties"]["status"]["enum"][0], 429);
    assert_eq!(
        content["examples"]["item_not_found"]["value"],
        serde_json::json!({
            "type": "/errors#item_not_found",
            "title": "Not Found",
            "status": 404,
            "code": "item_not_found",
        })
    );
    assert!(content["examples"]["user_not_found"].is_object());
    let description = not_found["description"].as_str().expect("a description");
    assert!(description.starts_with("Not Found"), "{description}");
    assert!(
        description.contains("`item_not_found`: No such item."),
        "{description}"
    );
    assert!(
        description.contains("`user_not_found`: No such user."),
        "{description}"
    );
}

#[test]
fn headers_are_documented_with_their_fixed_values() {
    let limited = json(&response("429"));
    assert_eq!(limited["headers"]["Retry-After"]["example"], "60");
    assert_eq!(
        limited["headers"]["Retry-After"]["description"],
        "Sent with `rate_limited`."
    );
    let unauthenticated = json(&response("401"));
    assert_eq!(
        unauthenticated["headers"]["WWW-Authenticate"]["example"],
        "Bearer realm=\"api\""
    );
    assert!(json(&response("404")).get("headers").is_none());
}

#[test]
fn a_masked_server_error_documents_the_masked_detail() {
    let internal = json(&response("500"));
    let example = &internal["content"]["application/problem+json"]["examples"]["database"]["value"];
    assert_eq!(example["detail"], "Internal Server Error");
    // The example is what a client receives: the same body as the real response.
    let real = ApiError::Database("connection refused by 10.0.0.7".to_owned()).problem();
    assert_eq!(
        example["detail"],
        real.detail.as_deref().unwrap_or_default()
    );
}

#[test]
fn every_variant_appears_exactly_once() {
    let all = json(&ApiError::responses());
    let mut codes: Vec<String> = Vec::new();
    for response in all.as_object().expect("a map").values() {
        let examples = response["content"]["application/problem+json"]["examples"]
            .as_object()
            .expect("examples");
        codes.extend(examples.keys().cloned());
    }
    codes.sort();
    let mut expected: Vec<String> = ApiError::ERRORS
        .iter()
        .map(|entry| entry.code.to_owned())
        .collect();
    expected.sort();
    assert_eq!(codes, expected);
}

#[test]
fn the_problem_schema_names_the_rfc_9457_members() {
    assert_eq!(ProblemDetails::name(), "ProblemDetails");
    let schema = json(&ProblemDetails::schema());
    assert_eq!(schema["type"], "object");
    for member in ["type", "title", "status", "detail", "instance", "code"] {
        assert!(
            schema["properties"][member].is_object(),
            "{member}: {schema}"
        );
    }
    assert_eq!(
        schema["required"],
        serde_json::json!(["type", "title", "status", "code"])
    );
    assert_eq!(
        schema["additionalProperties"], true,
        "extension members are allowed"
    );
    assert_eq!(schema["properties"]["status"]["minimum"], 100);
    assert_eq!(
        schema["properties"]["status"]["maximum"], 599,
        "RFC 9457 Appendix A"
    );
    for member in ["type", "instance"] {
        assert_eq!(schema["properties"][member]["format"], "uri-reference");
    }
}

#[test]
fn each_example_matches_the_body_a_client_receives() {
    let errors = [
        ApiError::ItemNotFound(7),
        ApiError::UserNotFound(8),
        ApiError::RateLimited,
        ApiError::Unauthenticated,
        ApiError::Database("connection refused".to_owned()),
    ];
    for error in errors {
        let status = error.status().as_u16().to_string();
        let example = json(&response(&status))["content"]["application/problem+json"]["examples"]
            [error.code()]["value"]
            .clone();
        let body: serde_json::Value =
            serde_json::from_str(&error.problem().to_json()).expect("the body is JSON");
        for member in ["type", "title", "status", "code"] {
            assert_eq!(example[member], body[member], "{error:?}: {member}");
        }
        if !error.exposes_detail() {
            assert_eq!(example["detail"], body["detail"], "{error:?}");
        }
    }
}

#[test]
fn a_framework_422_documents_its_errors_member() {
    let entry = status_core::FrameworkError::ERRORS
        .iter()
        .find(|entry| entry.code == "invalid_body")
        .expect("the framework catalog has invalid_body");
    let schema = json(&status_core::problem_schema(entry));
    let own = &schema["allOf"][1];
    assert_eq!(own["properties"]["errors"]["type"], "array", "{own}");
    assert_eq!(
        own["properties"]["errors"]["items"]["required"],
        serde_json::json!(["detail", "pointer"]),
        "{own}"
    );
    // Absent when there are no violations, so not required.
    assert!(own.get("required").is_none(), "{own}");
}
