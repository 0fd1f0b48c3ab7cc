//! Every item `status_codes!` generates is documented.

#![deny(missing_docs, warnings)]

status_core::status_codes!(
    /// The codes of an example application.
    name = AppStatus,
    inline = r#"
        [[code]]
        code = 299
        name = "PartiallyStale"
        phrase = "Partially Stale"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status#299"
        description = "Some of the returned items come from a stale cache."

        [[warning]]
        code = 199
        name = "Miscellaneous"
        phrase = "Miscellaneous Warning"
        reference = "https://example.com/warnings#199"
        description = "Something the user should know about."
    "#,
);

fn main() {}
