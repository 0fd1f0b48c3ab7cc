use status_core::Redirection;

status_core::status_codes!(
    name = ApiStatus,
    inline = r#"
        [[code]]
        code = 477
        name = "QuotaExhausted"
        phrase = "Quota Exhausted"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status#477"
        description = "The caller has used up its quota."
    "#,
);

fn redirect<S: Redirection<ApiStatus>>(_: S) {}

fn main() {
    redirect(api_status::QuotaExhausted);
}
