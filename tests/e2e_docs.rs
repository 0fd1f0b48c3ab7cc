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

/// Every problem the demo can answer with: its own, then the framework's.
fn every_error() -> impl Iterator<Item = &'static CatalogEntry> {
    DemoError::ERRORS.iter().chain(FrameworkError::ERRORS)
}

#[tokio::test]
async fn openapi_json_is_openapi_3_1_with_every_error() {
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
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            let responses = operation["responses"].as_object().expect("responses");
            for entry in every_error() {
                let status = entry.status.as_u16().to_string();
                let example = &responses[&status]["content"]["application/problem+json"]["examples"]
                    [entry.code]["value"];
                assert_eq!(
                    example["code"], entry.code,
                    "{method} {path}: no example for {}",
                    entry.variant
                );
                let schema = &responses[&status]["content"]["application/problem+json"]["schema"];
                assert_eq!(schema["$ref"], "#/components/schemas/ProblemDetails");
            }
            if path.contains("{id}") {
                assert_eq!(operation["parameters"][0]["name"], "id", "{method} {path}");
                assert_eq!(operation["parameters"][0]["in"], "path");
            }
        }
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
    for entry in DemoError::ERRORS {
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
    let expected: Vec<&str> = every_error().map(|entry| entry.code).collect();
    assert_eq!(codes, expected);
    server.stop().await;
}
