status_core::status_codes!(
    inline = r#"
        [[code]]
        code = 1000
        name = "too_big"
        phrase = "Too Big"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "Four digits."

        [[code]]
        code = 299
        name = "Stale"
        phrase = ""
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "The data is stale."

        [[code]]
        code = 299
        name = "Stale"
        phrase = "Stale Again"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "The data is stale again."
        may_headers = ["Retry After"]
    "#,
);

fn main() {}
