status_core::status_codes!(
    inline = r#"
        [[code]]
        code = 299
        name = "partially_stale"
        phrase = "Partially Stale"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "Some of the data is stale."
    "#,
);

fn main() {}
