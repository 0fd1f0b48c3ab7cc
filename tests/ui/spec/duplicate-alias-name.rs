status_core::status_codes!(
    inline = r#"
        [[code]]
        code = 298
        name = "Stale"
        phrase = "Stale"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "The data is stale."

        [[code]]
        code = 299
        name = "Partial"
        phrase = "Partial"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "The data is partial."

        [[code.alias]]
        name = "Stale"
        phrase = "Stale"
    "#,
);

fn main() {}
