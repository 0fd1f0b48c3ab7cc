//! Which header names and values an error response may carry: the run-time
//! copy of the rules `status-macros` applies at compile time (its
//! `src/header.rs`). The macro crate cannot be called at run time and this
//! crate cannot link it, so each keeps its own; a test in the macro crate
//! compiles this file in and feeds both the same inputs, so their verdicts
//! and reasons stay the same. Keep this file free of imports for that reason.

/// Headers that describe the body's framing: the adapters set them, and a
/// second or different value would make responses disagree with their body.
const FRAMING: [&str; 3] = ["content-type", "content-length", "transfer-encoding"];

/// Why `name` cannot be a header of an error response, if it cannot: it must
/// be a field name (an RFC 9110 Section 5.1 token) and not a framing header.
pub(crate) fn check_name(name: &str) -> Option<&'static str> {
    let is_token_byte =
        |byte: u8| byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte);
    if name.is_empty() {
        Some("it is empty")
    } else if !name.bytes().all(is_token_byte) {
        Some("use letters, digits and `-` only")
    } else if FRAMING
        .iter()
        .any(|framing| framing.eq_ignore_ascii_case(name))
    {
        Some("the response builder sets it from the problem+json body; remove it")
    } else {
        None
    }
}

/// Why `value` cannot be sent, if it cannot: RFC 9110 Section 5.5 field
/// values, restricted to visible ASCII so every server library accepts them.
/// An empty value is valid (`Allow:` with no methods, Section 10.2.1).
pub(crate) fn check_value(value: &str) -> Option<&'static str> {
    if value.bytes().any(|byte| byte == b'\r' || byte == b'\n') {
        Some("it contains CR or LF, which would split the response")
    } else if value
        .bytes()
        .any(|byte| (byte < 0x20 && byte != b'\t') || byte >= 0x7f)
    {
        Some("it contains a control character or non-ASCII text")
    } else if value.starts_with([' ', '\t']) || value.ends_with([' ', '\t']) {
        Some("it has leading or trailing whitespace")
    } else {
        None
    }
}
