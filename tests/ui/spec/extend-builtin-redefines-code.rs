status_core::status_codes!(
    extend_builtin,
    inline = r#"
        [[code]]
        code = 404
        name = "Missing"
        phrase = "Missing"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "The item is missing."
    "#,
);

fn main() {}
