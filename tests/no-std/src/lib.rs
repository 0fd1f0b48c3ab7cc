//! A `#![no_std]` library using status-core with `default-features = false`.
//! It builds only if the generated enum, its const API and the class traits need
//! nothing beyond `core`; its tests run the same functions on the host.

#![cfg_attr(not(test), no_std)]

use status_core::{ClientError, StatusClass, StatusCode, codes};

/// Resolved at compile time: the lookups are `const fn`s.
pub const NOT_FOUND_LINE: &str = StatusCode::NotFound.status_line();

/// A number parsed without allocation.
pub fn classify(code: u16) -> Option<StatusClass> {
    StatusCode::from_u16(code).ok().map(StatusCode::class)
}

/// Accepts only 4xx types.
pub fn client_error_code<S: ClientError>(_status: S) -> u16 {
    S::STATUS.as_u16()
}

/// Parses a status line's code without `std`.
pub fn parse(text: &str) -> Option<StatusCode> {
    text.parse().ok()
}

/// Uses a class trait bound from `no_std` code.
pub fn teapot() -> u16 {
    client_error_code(codes::ImATeapot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn works_without_std() {
        assert_eq!(NOT_FOUND_LINE, "404 Not Found");
        assert_eq!(classify(503), Some(StatusClass::ServerError));
        assert_eq!(classify(299), None);
        assert_eq!(teapot(), 418);
        assert_eq!(parse("201"), Some(StatusCode::Created));
        assert_eq!(parse("2x1"), None);
    }
}
