mod reexport {
    pub use status_core;
}

status_core::status_codes!(
    crate = reexport::status_core,
    name = Mine,
    inline = r#"
        [[code]]
        code = 299
        name = "PartiallyStale"
        phrase = "Partially Stale"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status#299"
        description = "Some of the returned items come from a stale cache."
    "#,
);

fn main() {
    assert_eq!(Mine::from_u16(299), Ok(Mine::PartiallyStale));
}
