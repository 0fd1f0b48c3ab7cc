//! The demo documents its errors from the derive: `/openapi.json` is a valid
//! OpenAPI 3.1 document listing every `DemoError` and every framework problem
//! `DemoError` composes, and `/errors` is the page that problem `type` URIs
//! point into.

// Shared with the other demo tests, which use the helpers this file does not.
#[allow(dead_code)]
#[path = "e2e_support/demo_server.rs"]
mod demo_server;

use demo_server::TestServer;
use reqwest::header;
use status_core::{CatalogEntry, ErrorCatalog, FrameworkError};
use status_examples::error::DemoError;

/// Every problem the demo can answer with: `DemoError`'s catalog, which
/// holds the framework's in the place of its transparent variant.
fn every_error() -> impl Iterator<Item = &'static CatalogEntry> {
    DemoError::ERRORS.iter()
}

#[test]
fn the_catalog_holds_the_framework_problems_in_place_of_the_transparent_variant() {
    for framework in FrameworkError::ERRORS {
        assert!(
            DemoError::ERRORS.contains(framework),
            "{} is missing",
            framework.code
        );
    }
    assert!(DemoError::by_code("item_not_found").is_some());
}

#[test]
fn every_documented_code_is_in_the_catalog() {
    for (operation, codes) in status_examples::demo::documented_codes() {
        for code in codes {
            assert!(
                DemoError::by_code(code).is_some(),
                "{operation} documents {code:?}, which no error has"
            );
        }
    }
}

#[tokio::test]
async fn openapi_json_is_openapi_3_1_and_each_operation_lists_exactly_its_errors() {
    let server = TestServer::start().await;
    let response = server.get("/openapi.json").await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.expect("a body");

    // Structural validation: oas3 deserializes the document into the typed
    // OpenAPI 3.1 model and rejects any other version.
    let spec = oas3::from_json(&text).expect("a valid OpenAPI 3.1 document");
    assert!(spec.openapi.starts_with("3.1."), "{}", spec.openapi);
    let components = spec.components.as_ref().expect("components");
    assert!(components.schemas.contains_key("ProblemDetails"));

    let document: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let documented = status_examples::demo::documented_codes();
    let mut operation_ids = std::collections::BTreeSet::new();
    let mut seen = 0;
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            let name = format!("{} {path}", method.to_uppercase());
            let (_, codes) = documented
                .iter()
                .find(|(known, _)| *known == name)
                .unwrap_or_else(|| panic!("{name} is not in the operation table"));
            seen += 1;
            assert!(
                operation_ids.insert(operation["operationId"].as_str().expect("an operationId")),
                "{name}: duplicate operationId"
            );
            let responses = operation["responses"].as_object().expect("responses");
            let mut listed: Vec<&str> = Vec::new();
            for (status, response) in responses {
                let Some(problem) = response["content"].get("application/problem+json") else {
                    continue;
                };
                for (code, example) in problem["examples"].as_object().expect("examples") {
                    assert_eq!(example["value"]["code"], code.as_str(), "{name}");
                    assert_eq!(example["value"]["status"].to_string(), *status, "{name}");
                    listed.push(DemoError::by_code(code).expect("a known code").code);
                }
                let schema = &problem["schema"];
                let alternatives = schema["oneOf"].as_array().map_or(1, Vec::len);
                assert_eq!(
                    alternatives,
                    problem["examples"]
                        .as_object()
                        .map_or(0, serde_json::Map::len),
                    "{name} {status}: one schema per problem"
                );
            }
            let mut expected: Vec<&str> = codes.clone();
            expected.sort_unstable();
            expected.dedup();
            listed.sort_unstable();
            assert_eq!(listed, expected, "{name}");
            if path.contains('{') {
                assert_eq!(operation["parameters"][0]["in"], "path", "{name}");
            }
        }
    }
    assert_eq!(
        seen,
        documented.len(),
        "every operation of the table is in the document"
    );
    // `GET /health` answers no error of its own, no 401, 409, 422 or 429.
    let health = document["paths"]["/health"]["get"]["responses"]
        .as_object()
        .expect("responses");
    assert_eq!(health.keys().collect::<Vec<_>>(), ["200", "500"]);
    // The admin routes ask for the bearer token.
    assert_eq!(
        document["paths"]["/admin/stats"]["get"]["security"][0]["bearer"],
        serde_json::json!([])
    );
    assert_eq!(
        document["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    // Two 404s of one operation: one response, `oneOf` both, an example each.
    let not_found = &document["paths"]["/codes/{code}"]["get"]["responses"]["404"]["content"]["application/problem+json"];
    assert!(not_found["examples"]["unknown_status_code"].is_object());
    let problem = &document["components"]["schemas"]["ProblemDetails"];
    assert_eq!(problem["properties"]["status"]["maximum"], 599);
    assert_eq!(problem["properties"]["instance"]["format"], "uri-reference");
    assert_eq!(problem["additionalProperties"], true);
    server.stop().await;
}

#[tokio::test]
async fn the_error_page_is_for_people() {
    let server = TestServer::start().await;
    let page = server.get("/errors").await.text().await.expect("a page");
    assert!(page.contains("<meta name=\"viewport\""));
    assert!(page.contains("<style>"));
    assert!(page.contains("<nav aria-label=\"Contents\">"));
    let mut ids: Vec<&str> = page
        .match_indices(" id=\"")
        .map(|(at, _)| {
            let rest = &page[at + 5..];
            &rest[..rest.find('"').expect("a closed attribute")]
        })
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "ids are unique");
    assert!(!page.contains('`'), "no literal Markdown");
    for entry in every_error() {
        assert!(
            !page.contains(&format!(">{}<", entry.variant)),
            "the Rust name {} shows",
            entry.variant
        );
        assert!(
            page.contains(&format!("href=\"#{}\"", entry.code)),
            "{} is not in the contents",
            entry.code
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn every_problem_type_points_at_a_section_of_the_error_page() {
    let server = TestServer::start().await;
    let page = server
        .get("/errors")
        .await
        .text()
        .await
        .expect("an HTML page");
    assert!(page.starts_with("<!doctype html>"), "{page}");
    for entry in every_error() {
        assert!(
            page.contains(&format!("<section id=\"{}\">", entry.code)),
            "no section for {}",
            entry.variant
        );
    }
    // The demo's own problems; the framework's are `about:blank`.
    let own = DemoError::ERRORS
        .iter()
        .filter(|entry| !FrameworkError::ERRORS.contains(entry));
    for entry in own {
        let (path, anchor) = entry
            .type_uri
            .split_once('#')
            .expect("the demo's types are /errors#<code>");
        assert_eq!(path, "/errors");
        assert!(
            page.contains(&format!("<section id=\"{anchor}\">")),
            "no anchor for {}",
            entry.variant
        );
    }

    // A real problem's `type`, resolved against the request, lands on the page.
    let problem: serde_json::Value = server
        .get("/items/424242")
        .await
        .json()
        .await
        .expect("a problem");
    assert_eq!(problem["type"], "/errors#item_not_found");
    assert!(page.contains("<section id=\"item_not_found\">"));
    server.stop().await;
}

#[tokio::test]
async fn the_catalog_is_json_for_clients_that_ask() {
    let server = TestServer::start().await;
    let response = server
        .request(reqwest::Method::GET, "/errors")
        .header(header::ACCEPT, "application/json")
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), 200);
    let catalog: serde_json::Value = response.json().await.expect("JSON");
    let codes: Vec<&str> = catalog
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|entry| entry["code"].as_str())
        .collect();
    let mut expected: Vec<&str> = Vec::new();
    for entry in every_error() {
        if !expected.contains(&entry.code) {
            expected.push(entry.code);
        }
    }
    assert_eq!(codes, expected, "one entry per code, in catalog order");
    assert!(
        catalog
            .as_array()
            .expect("a list")
            .iter()
            .all(|entry| entry.get("variant").is_none()),
        "no Rust names reach clients"
    );
    server.stop().await;
}
