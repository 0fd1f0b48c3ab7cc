status_core::status_codes!(
    inline = r#"
        [[codes]]
        code = 299
        name = "Stale"
        phrase = "Stale"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "The data is stale."
    "#,
);

fn main() {}
