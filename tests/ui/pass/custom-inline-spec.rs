use status_core::{ClientError, Status, Success};

status_core::status_codes!(
    name = AppStatus,
    warning_name = AppWarning,
    inline = r#"
        [[code]]
        code = 299
        name = "PartiallyStale"
        phrase = "Partially Stale"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status#299"
        description = "Some of the returned items come from a stale cache."

        [[code]]
        code = 477
        name = "QuotaExhausted"
        phrase = "Quota Exhausted"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status#477"
        description = "The caller has used up its quota."

        [[warning]]
        code = 199
        name = "Miscellaneous"
        phrase = "Miscellaneous Warning"
        reference = "https://example.com/warnings#199"
        description = "Something the user should know about."
    "#,
);

fn ok<S: Success<AppStatus>>(_: S) -> AppStatus {
    S::STATUS
}

fn reject<S: ClientError<AppStatus>>(_: S) -> AppStatus {
    S::STATUS
}

// A second enum in the same module: its per-code types get a module of its own.
status_core::status_codes!(
    name = OtherStatus,
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
    assert_eq!(ok(app_status::PartiallyStale), AppStatus::PartiallyStale);
    assert_eq!(reject(app_status::QuotaExhausted), AppStatus::QuotaExhausted);
    assert_eq!(
        <other_status::PartiallyStale as Status<OtherStatus>>::STATUS,
        OtherStatus::PartiallyStale
    );
    assert_eq!(AppStatus::PartiallyStale.as_u16(), 299);
    assert_eq!(AppStatus::QuotaExhausted.to_string(), "477 Quota Exhausted");
    assert_eq!(AppStatus::from_u16(477), Ok(AppStatus::QuotaExhausted));
    assert!(AppStatus::from_u16(404).is_err());
    assert_eq!("299".parse::<AppStatus>(), Ok(AppStatus::PartiallyStale));
    assert!("404".parse::<AppStatus>().is_err());
    assert_eq!(
        AppStatus::ALL,
        [AppStatus::PartiallyStale, AppStatus::QuotaExhausted]
    );
    assert_eq!(AppWarning::Miscellaneous.as_u16(), 199);
    assert_eq!(AppWarning::Miscellaneous.warn_text(), "Miscellaneous Warning");
    assert_eq!(AppWarning::from_u16(199), Ok(AppWarning::Miscellaneous));
    assert_eq!("199".parse::<AppWarning>(), Ok(AppWarning::Miscellaneous));
    assert_eq!(AppWarning::ALL, [AppWarning::Miscellaneous]);
}
