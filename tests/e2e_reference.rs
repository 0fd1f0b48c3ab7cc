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
    // The pictures, inline SVG with nothing loaded from elsewhere.
    for figure in [
        "classes",
        "authentication",
        "redirects",
        "error-order",
        "revalidation",
    ] {
        assert!(
            page.contains(&format!("<figure id=\"{figure}\">")),
            "{figure}"
        );
    }
    assert!(!page.contains("<script") && !page.contains("<link") && !page.contains("@import"));
    let redirects = &page[page
        .find("<figure id=\"redirects\">")
        .expect("the redirect figure")..];
    let redirects = &redirects[..redirects.find("</figure>").expect("its end")];
    for status in StatusCode::ALL.iter().filter(|status| status.redirects()) {
        assert!(redirects.contains(&status.to_string()), "{status}");
    }
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
    problem(server.get("/codes/299").await, 404, "unknown_status_code").await;
    problem(server.get("/codes/404/extra").await, 404, "route_not_found").await;
    server.stop().await;
}

/// The validator's Python: `STATUS_HTML_VALIDATOR_PYTHON`, or the virtual
/// environment `.ci/run` makes under `target/html-validator`.
fn validator_python() -> std::path::PathBuf {
    std::env::var_os("STATUS_HTML_VALIDATOR_PYTHON").map_or_else(
        || {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../target/html-validator/bin/python")
        },
        std::path::PathBuf::from,
    )
}

/// Runs `scripts/validate-html.py` on each page; `None` when the validator
/// is not installed (and `STATUS_REQUIRE_HTML_VALIDATOR` is unset).
fn validate(pages: &[(&str, String)]) -> Option<String> {
    let python = validator_python();
    let available = std::process::Command::new(&python)
        .args(["-c", "import html5lib"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !available {
        assert!(
            std::env::var_os("STATUS_REQUIRE_HTML_VALIDATOR").is_none(),
            "STATUS_REQUIRE_HTML_VALIDATOR is set, but {} cannot import html5lib",
            python.display()
        );
        eprintln!(
            "skipped: no HTML validator at {} (python3 -m venv target/html-validator && \
             target/html-validator/bin/pip install html5lib==1.1, as .ci/run does)",
            python.display()
        );
        return None;
    }
    let directory = std::env::temp_dir().join(format!("status-html-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("a scratch directory");
    let mut files = Vec::new();
    for (name, html) in pages {
        let file = directory.join(format!("{name}.html"));
        std::fs::write(&file, html).expect("write a page");
        files.push(file);
    }
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/validate-html.py");
    let output = std::process::Command::new(&python)
        .arg(script)
        .args(&files)
        .output()
        .expect("the validator runs");
    let _ = std::fs::remove_dir_all(&directory);
    Some(format!(
        "{}{}{}",
        if output.status.success() {
            ""
        } else {
            "INVALID\n"
        },
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    ))
}

#[tokio::test]
async fn the_pages_are_valid_html() {
    let server = TestServer::start().await;
    let pages = [
        ("codes", html(&server, "/codes").await),
        ("codes-404", html(&server, "/codes/404").await),
        ("codes-999", html(&server, "/codes/999").await),
        ("errors", html(&server, "/errors").await),
    ];
    if let Some(report) = validate(&pages) {
        assert!(report.is_empty(), "{report}");
    }
    // The validator catches what it should: a stray end tag and a duplicate id.
    let broken = "<!doctype html><html lang=\"en\"><head><title>x</title></head>\
                  <body><p id=\"a\">one</p></div><p id=\"a\">two</p></body></html>";
    if let Some(report) = validate(&[("broken", broken.to_owned())]) {
        assert!(report.starts_with("INVALID"), "{report}");
    }
    server.stop().await;
}
