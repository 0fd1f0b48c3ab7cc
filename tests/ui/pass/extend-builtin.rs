status_core::status_codes!(
    name = AppStatus,
    extend_builtin,
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
    assert_eq!(AppStatus::PartiallyStale.to_string(), "299 Partially Stale");
    assert_eq!(AppStatus::from_u16(299), Ok(AppStatus::PartiallyStale));
    assert_eq!(AppStatus::NotFound.to_string(), "404 Not Found");
    assert_eq!(AppStatus::from_u16(404), Ok(AppStatus::NotFound));
    assert_eq!(AppStatus::ALL.len(), status_core::StatusCode::ALL.len() + 1);
    assert!(AppStatus::ALL.windows(2).all(|pair| pair[0] < pair[1]));
}
