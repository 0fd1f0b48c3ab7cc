//! `"…".parse::<StatusCode>()` and `StatusCode::from_u16` on arbitrary input:
//! neither panics, `parse` succeeds exactly for three ASCII digits naming a
//! registry code and then equals `from_u16` of that number (whose `as_u16`,
//! `as_str` and `Display` give the digits back), and every number agrees
//! with its decimal text and with `http::StatusCode`.
//!
//! Shared by the cargo-fuzz target (`fuzz_targets/status_parse.rs`, nightly)
//! and the stable harness under `cargo test` (`tests/fuzz.rs`).

use status_core::StatusCode;

/// The number written by exactly three ASCII digits.
fn three_digits(text: &[u8]) -> Option<u16> {
    match *text {
        [a, b, c] if [a, b, c].iter().all(u8::is_ascii_digit) => {
            Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
        }
        _ => None,
    }
}

fn check_text(text: &str) {
    let parsed = text.parse::<StatusCode>();
    match three_digits(text.as_bytes()) {
        None => {
            let error = parsed.expect_err("only three ASCII digits parse");
            assert_eq!(error.code(), None, "{text:?} is not a number");
        }
        Some(number) => {
            assert_eq!(parsed, StatusCode::from_u16(number), "{text:?}");
            if let Ok(status) = parsed {
                assert!(StatusCode::ALL.contains(&status));
                assert_eq!(status.as_u16(), number);
                assert_eq!(status.as_str(), text);
                assert!(status.to_string().starts_with(&format!("{text} ")));
            }
        }
    }
}

fn check_number(number: u16) {
    let status = StatusCode::from_u16(number);
    assert_eq!(
        status.is_ok(),
        StatusCode::ALL.iter().any(|known| known.as_u16() == number)
    );
    assert_eq!(number.to_string().parse::<StatusCode>().ok(), status.ok());
    match (status, http::StatusCode::from_u16(number)) {
        (Ok(ours), Ok(theirs)) => {
            assert_eq!(http::StatusCode::from(ours), theirs);
            assert_eq!(StatusCode::try_from(theirs), Ok(ours));
        }
        (Err(error), Ok(theirs)) => assert_eq!(StatusCode::try_from(theirs), Err(error)),
        (Ok(ours), Err(_)) => panic!("{ours:?} has no http counterpart"),
        (Err(error), Err(_)) => assert_eq!(error.code(), Some(number)),
    }
}

/// One input: its UTF-8 text parsed, its first two bytes as a number.
pub(crate) fn run(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        check_text(text);
    }
    if let [high, low, ..] = *data {
        check_number(u16::from_be_bytes([high, low]));
    }
}
