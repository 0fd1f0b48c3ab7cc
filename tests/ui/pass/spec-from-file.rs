//! `status_codes!(path = "...")`: the file is relative to the invoking
//! crate's Cargo.toml. Under trybuild that is the generated crate in
//! `target/tests/trybuild/status-tests`, hence the climb back to `tests/`.

use status_core::{ClientError, Success};

status_core::status_codes!(
    path = "../../../../tests/fixtures/app-codes.toml",
    name = AppStatus,
);

fn ok<S: Success<AppStatus>>(_: S) -> AppStatus {
    S::STATUS
}

fn reject<S: ClientError<AppStatus>>(_: S) -> AppStatus {
    S::STATUS
}

fn main() {
    assert_eq!(AppStatus::ALL, [AppStatus::PartiallyStale, AppStatus::QuotaExhausted]);
    assert_eq!(AppStatus::PartiallyStale.optional_headers(), ["Age"]);
    assert!(AppStatus::QuotaExhausted.is_retryable());
    assert_eq!(ok(app_status::PartiallyStale), AppStatus::PartiallyStale);
    assert_eq!(reject(app_status::QuotaExhausted), AppStatus::QuotaExhausted);
}
