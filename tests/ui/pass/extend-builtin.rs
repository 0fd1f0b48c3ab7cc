use status_core::{ClientError, Redirection, Status, StatusCode};

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

fn redirect<S: Redirection<AppStatus>>(_: S) -> AppStatus {
    S::STATUS
}

fn reject<S: ClientError<AppStatus>>(_: S) -> AppStatus {
    S::STATUS
}

fn main() {
    assert_eq!(AppStatus::PartiallyStale.to_string(), "299 Partially Stale");
    assert_eq!(AppStatus::from_u16(299), Ok(AppStatus::PartiallyStale));
    assert_eq!(AppStatus::NotFound.to_string(), "404 Not Found");
    assert_eq!(AppStatus::from_u16(404), Ok(AppStatus::NotFound));
    assert_eq!(AppStatus::ALL.len(), StatusCode::ALL.len() + 1);
    assert!(AppStatus::ALL.windows(2).all(|pair| pair[0] < pair[1]));

    // Both ways with the built-in enum; codes only AppStatus has are an `Err`.
    for &status in StatusCode::ALL {
        let ours = AppStatus::from(status);
        assert_eq!(ours.as_u16(), status.as_u16());
        assert_eq!(StatusCode::try_from(ours), Ok(status));
    }
    let error = StatusCode::try_from(AppStatus::PartiallyStale).expect_err("not built in");
    assert_eq!(error.code(), Some(299));

    // Per-code types for the built-in codes and the new one alike.
    assert_eq!(redirect(app_status::SeeOther), AppStatus::SeeOther);
    assert_eq!(reject(app_status::NotFound), AppStatus::NotFound);
    assert_eq!(<app_status::PartiallyStale as Status<AppStatus>>::STATUS.as_u16(), 299);
}
