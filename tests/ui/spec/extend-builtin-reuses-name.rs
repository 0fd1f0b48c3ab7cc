status_core::status_codes!(
    extend_builtin,
    inline = r#"
        [[code]]
        code = 299
        name = "NotFound"
        phrase = "Not Found Yet"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "The item is not there yet."
    "#,
);

fn main() {}
