//! A user's own spec file, relative to the crate, extending the built-in registry.

status_core::status_codes!(
    /// The codes of an example application.
    path = "fixtures/app-codes.toml",
    name = AppStatus,
    extend_builtin,
);

#[test]
fn the_file_codes_and_the_builtin_codes_are_both_there() {
    assert_eq!(AppStatus::PartiallyStale.as_u16(), 299);
    assert_eq!(AppStatus::QuotaExhausted.to_string(), "477 Quota Exhausted");
    assert_eq!(AppStatus::from_u16(404), Ok(AppStatus::NotFound));
    assert_eq!(AppStatus::ALL.len(), status_core::StatusCode::ALL.len() + 2);
    assert!(AppStatus::ALL.windows(2).all(|pair| pair[0] < pair[1]));
}

#[test]
fn the_file_rules_and_metadata_are_generated() {
    assert_eq!(AppStatus::PartiallyStale.optional_headers(), ["Age"]);
    assert!(AppStatus::QuotaExhausted.is_retryable());
    assert!(AppStatus::QuotaExhausted.is_client_error());
    assert_eq!(AppStatus::QuotaExhausted.source(), "Example Corp");
    assert!(!AppStatus::QuotaExhausted.is_official());
}

#[test]
fn parsing_and_serde_work_on_custom_enums() {
    assert_eq!("299".parse::<AppStatus>(), Ok(AppStatus::PartiallyStale));
    assert!("298".parse::<AppStatus>().is_err());
    assert_eq!(
        serde_json::to_string(&AppStatus::QuotaExhausted)
            .ok()
            .as_deref(),
        Some("477")
    );
    let http_status = http::StatusCode::from(AppStatus::PartiallyStale);
    assert_eq!(
        AppStatus::try_from(http_status),
        Ok(AppStatus::PartiallyStale)
    );
}

#[test]
fn per_code_types_and_conversions_come_with_extend_builtin() {
    use status_core::{ClientError, Redirection, StatusCode};

    fn redirect<S: Redirection<AppStatus>>(_: S) -> AppStatus {
        S::STATUS
    }
    fn reject<S: ClientError<AppStatus>>(_: S) -> AppStatus {
        S::STATUS
    }

    assert_eq!(redirect(app_status::SeeOther), AppStatus::SeeOther);
    assert_eq!(
        reject(app_status::QuotaExhausted),
        AppStatus::QuotaExhausted
    );
    assert_eq!(AppStatus::from(StatusCode::NotFound), AppStatus::NotFound);
    assert_eq!(
        StatusCode::try_from(AppStatus::NotFound),
        Ok(StatusCode::NotFound)
    );
    assert!(StatusCode::try_from(AppStatus::QuotaExhausted).is_err());
}

#[test]
fn the_macro_works_inside_a_function_body() {
    use status_core::Success;

    status_core::status_codes!(
        name = LocalStatus,
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

    fn ok<S: Success<LocalStatus>>(_: S) -> LocalStatus {
        S::STATUS
    }

    assert_eq!(
        ok(local_status::PartiallyStale),
        LocalStatus::PartiallyStale
    );
    assert_eq!(LocalStatus::from_u16(299), Ok(LocalStatus::PartiallyStale));
}
