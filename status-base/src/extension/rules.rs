//! The rule for extension member names, as status-core applies it at run
//! time (`ProblemDetails::with_extension`). `#[derive(HttpError)]` checks
//! names at compile time by the same rule, in `status-macros/src/member.rs`,
//! which compiles this file in and compares verdicts. Self-contained: no
//! `crate::` paths.

/// The members that a problem body writes itself and so no extension may
/// take: RFC 9457's five, and this crate's `code` and `errors`.
pub(crate) const RESERVED: [&str; 7] = [
    "type", "title", "status", "detail", "instance", "code", "errors",
];

/// Why `name` cannot be an extension member, if it cannot. RFC 9457 Section
/// 3.2: names start with a letter, hold only ASCII letters, digits and `_`,
/// and are at least three characters long, so that they are also XML names.
pub(crate) fn check_member_name(name: &str) -> Option<&'static str> {
    let bytes = name.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return Some("it must start with an ASCII letter (RFC 9457, Section 3.2)");
    }
    if !bytes
        .iter()
        .all(|byte| byte.is_ascii_alphanumeric() || *byte == b'_')
    {
        return Some("it may hold only ASCII letters, digits and `_` (RFC 9457, Section 3.2)");
    }
    if bytes.len() < 3 {
        return Some("it must be at least three characters long (RFC 9457, Section 3.2)");
    }
    if RESERVED.contains(&name) {
        return Some("the problem body writes this member itself");
    }
    None
}
