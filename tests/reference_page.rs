//! The `/codes` reference is built from data alone: a code added through a
//! user's spec appears on the page with its rules, and whatever a user's
//! spec says is escaped, never markup.

use status_examples::reference::{Registry, code_page, reference_page};
use status_examples::registry_of;

status_core::status_codes!(
    /// The built-in codes plus two of an imaginary application.
    name = ExtendedStatus,
    warning_name = ExtendedWarning,
    extend_builtin,
    inline = r#"
        [[code]]
        code = 477
        name = "QuotaExhausted"
        phrase = "Quota Exhausted"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status#477"
        description = "The account has used its monthly quota."
        must_headers = ["Retry-After"]
        retryable = true

        [[code]]
        code = 478
        name = "Hostile"
        phrase = "<script>alert(\"x\")</script> & 'quotes'"
        source = "<b>Vendor</b>"
        status = "unofficial"
        reference = "javascript:alert(1) \"><img src=x>"
        description = "A phrase, a source and a reference that try to be markup."

        [[code.alias]]
        name = "HostileAlias"
        phrase = "</article><h1>owned</h1>"
    "#,
);

fn registry() -> Registry {
    registry_of!(ExtendedStatus, ExtendedWarning)
}

#[test]
fn a_code_added_through_a_user_spec_is_on_the_page_with_its_rules() {
    let registry = registry();
    assert_eq!(registry.codes.len(), status_core::StatusCode::ALL.len() + 2);
    let page = reference_page(&registry);
    let start = page
        .find("<article id=\"477\">")
        .expect("an anchor for 477");
    let article = &page[start..start + page[start..].find("</article>").expect("its end")];
    assert!(article.contains("Quota Exhausted"), "{article}");
    assert!(article.contains("The account has used its monthly quota."));
    assert!(article.contains("unofficial, used by Example Corp"));
    assert!(article.contains("<li>MUST carry Retry-After</li>"));
    assert!(article.contains("<li>commonly retried</li>"));
    assert!(article.contains("<a href=\"https://example.com/status#477\">"));
    // It sits in its class, after 476 or whatever comes before it.
    let class = page.find("<section id=\"4xx\">").expect("the 4xx section");
    let next_class = page.find("<section id=\"5xx\">").expect("the 5xx section");
    assert!(class < start && start < next_class);
    // The one-code page and the JSON say the same.
    let single = code_page(registry.code(477).expect("477"));
    assert!(single.contains("<li>MUST carry Retry-After</li>"));
    let json = serde_json::to_value(registry.code(477)).expect("JSON");
    assert_eq!(json["required_headers"], serde_json::json!(["Retry-After"]));
    assert_eq!(json["registration"], "unofficial");
}

#[test]
fn what_a_user_spec_says_is_escaped() {
    let registry = registry();
    for page in [
        reference_page(&registry),
        code_page(registry.code(478).expect("478")),
    ] {
        assert!(!page.contains("<script>"), "unescaped script");
        assert!(!page.contains("<b>Vendor"));
        assert!(!page.contains("<img"));
        assert!(!page.contains("<h1>owned"));
        assert!(!page.contains("href=\"javascript:"));
        assert!(
            page.contains(
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"
            )
        );
        assert!(page.contains("&lt;/article&gt;&lt;h1&gt;owned&lt;/h1&gt;"));
    }
}
