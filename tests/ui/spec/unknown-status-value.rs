status_core::status_codes!(
    inline = r#"
        [[code]]
        code = 299
        name = "Stale"
        phrase = "Stale"
        source = "Example Corp"
        status = "official"
        reference = "https://example.com/status"
        description = "The data is stale."
    "#,
);

fn main() {}
