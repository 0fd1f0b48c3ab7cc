status_core::status_codes!(
    name = ApiStatus,
    inline = r#"
        [[code]]
        code = 477
        name = "QuotaExhausted"
        phrase = "Quota Exhausted"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status"
        description = "The caller has used up its quota."
        grpc = "ResourceExhausted"
    "#,
);

fn main() {}
