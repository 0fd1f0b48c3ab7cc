//! The status-code reference the demo serves: `/codes` lists every registry
//! entry under an anchor of its own, `/codes/<code>` answers one as HTML or
//! JSON, and anything that is not a listed code is a problem, not a panic.

#[allow(dead_code)]
#[path = "e2e_support/demo_server.rs"]
mod demo_server;
#[allow(dead_code)]
mod e2e_support;

use demo_server::TestServer;
use e2e_support::{header, problem};
use reqwest::Method;
use serde_json::Value;
use status_core::{StatusCode, WarningCode};

async fn html(server: &TestServer, path: &str) -> String {
    let response = server.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    assert_eq!(
        header(response.headers(), "content-type"),
        Some("text/html; charset=utf-8")
    );
    response.text().await.expect("an HTML page")
}

async fn json(server: &TestServer, path: &str) -> Value {
    let response = server
        .request(Method::GET, path)
        .header("accept", "application/json")
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), 200, "GET {path}");
    assert_eq!(
        header(response.headers(), "content-type"),
        Some("application/json")
    );
    response.json().await.expect("JSON")
}

#[tokio::test]
async fn every_code_and_warning_has_an_anchor_on_the_reference() {
    let server = TestServer::start().await;
    let page = html(&server, "/codes").await;
    assert!(page.starts_with("<!doctype html>"), "{page}");
    for status in StatusCode::ALL {
        let anchor = format!("<article id=\"{}\">", status.as_u16());
        assert_eq!(page.matches(&anchor).count(), 1, "{status}");
    }
    for warning in WarningCode::ALL {
        assert!(page.contains(&format!("<article id=\"warning-{}\">", warning.as_u16())));
    }
    for class in ["1xx", "2xx", "3xx", "4xx", "5xx", "nxx"] {
        assert!(
            page.contains(&format!("<section id=\"{class}\">")),
            "{class}"
        );
    }
    assert!(page.contains("<section id=\"warnings\">"));
    // The rules in words, the reference as a link, the vendor and the aliases.
    assert!(page.contains("<li>MUST carry WWW-Authenticate</li>"));
    assert!(page.contains(
        "<a href=\"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5\">RFC 9110, Section 15.5.5</a>"
    ));
    assert!(page.contains("unofficial, used by nginx"));
    assert!(page.contains("Payload Too Large (IANA"));
    server.stop().await;
}

#[tokio::test]
async fn one_code_as_html_and_as_json() {
    let server = TestServer::start().await;
    for path in ["/codes/404", "/codes?code=404"] {
        let page = html(&server, path).await;
        assert!(page.contains("<article id=\"404\">"), "{path}");
        assert!(page.contains("Not Found"));
        assert!(page.contains("<li>cacheable by default</li>"));
        assert!(!page.contains("<article id=\"401\">"));
    }
    let body = json(&server, "/codes/404").await;
    assert_eq!(body["code"], 404);
    assert_eq!(body["phrase"], "Not Found");
    assert_eq!(body["class"], "4xx");
    assert_eq!(body["registration"], "registered");
    assert_eq!(body["reference"], "RFC 9110, Section 15.5.5");
    assert_eq!(body["cacheable_by_default"], true);
    assert_eq!(body["description"], StatusCode::NotFound.description());

    let unauthorized = json(&server, "/codes/401").await;
    assert_eq!(
        unauthorized["required_headers"],
        serde_json::json!(["WWW-Authenticate"])
    );
    let all = json(&server, "/codes").await;
    assert_eq!(
        all["codes"].as_array().map(Vec::len),
        Some(StatusCode::ALL.len())
    );
    assert_eq!(
        all["warnings"].as_array().map(Vec::len),
        Some(WarningCode::ALL.len())
    );
    server.stop().await;
}

#[tokio::test]
async fn what_is_not_a_listed_code_is_a_problem() {
    let server = TestServer::start().await;
    for path in [
        "/codes/abc",
        "/codes/99999",
        "/codes/42",
        "/codes?code=x%3Cy",
    ] {
        problem(server.get(path).await, 400, "bad_parameter").await;
    }
    problem(server.get("/codes/299").await, 404, "route_not_found").await;
    problem(server.get("/codes/404/extra").await, 404, "route_not_found").await;
    server.stop().await;
}
