status_core::status_codes!(
    inline = r#"
        [[code]]
        code = 99
        name = "TooSmall"
        phrase = "Too Small"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "Two digits."

        [[code]]
        code = 1000
        name = "TooBig"
        phrase = "Too Big"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "Four digits."
    "#,
);

fn main() {}
