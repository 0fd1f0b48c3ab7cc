//! The rule for extension member names (RFC 9457, Section 3.2), for the
//! derive's compile-time check of `#[http(extension = "...")]`.
//!
//! status-core applies the same rule at run time
//! (`ProblemDetails::with_extension`) and cannot call this crate, so it keeps
//! its own copy in `status-base/src/extension/rules.rs`; the test below
//! compiles that copy in and feeds both the same names.

/// The members a problem body writes itself.
pub(crate) const RESERVED: [&str; 7] = [
    "type", "title", "status", "detail", "instance", "code", "errors",
];

/// Why `name` cannot be an extension member, if it cannot.
pub(crate) fn name_problem(name: &str) -> Option<&'static str> {
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

// status-core's run-time copy of the rule, compiled in to be compared.
#[cfg(test)]
#[path = "../../status-base/src/extension/rules.rs"]
mod runtime;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_time_names_get_the_same_verdicts() {
        assert_eq!(RESERVED, runtime::RESERVED);
        for name in [
            "balance",
            "accounts",
            "abc",
            "a_1",
            "Zed",
            "",
            "ab",
            "1abc",
            "_abc",
            "a-b-c",
            "a b c",
            "caf\u{e9}",
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "code",
            "errors",
            "Type",
            "codes",
        ] {
            assert_eq!(
                name_problem(name),
                runtime::check_member_name(name),
                "{name:?}"
            );
        }
    }
}
