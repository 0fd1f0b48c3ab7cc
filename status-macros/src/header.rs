//! The rules for header names and values, once for this crate: the spec
//! checks and the derive both ask here.
//!
//! status-core applies the same rules at run time (`Headers::insert`, and
//! headers filled from a field) and cannot call this crate, so it keeps its
//! own copy in `status-base/src/headers/rules.rs`. The test at the end of
//! this file compiles that copy in and feeds both the same inputs: a change
//! to one side that the other does not make fails it.
//!
//! | input | verdict |
//! |---|---|
//! | empty name | invalid: "it is empty" |
//! | a name with a byte outside RFC 9110's `tchar` (space, `:`, non-ASCII, ...) | invalid |
//! | `Content-Type`, `Content-Length`, `Transfer-Encoding` (any case) on a response | invalid: the adapters set them from the body |
//! | a value with CR or LF | invalid: it would split the response |
//! | a value with another control byte (not tab), DEL or a non-ASCII byte | invalid |
//! | a value with leading or trailing space or tab | invalid |
//! | an empty value | valid: RFC 9110 Section 5.5 allows it (`Allow:` lists no methods) |

/// Headers that describe the body's framing, which the response builders set
/// from the problem+json body.
const FRAMING: [&str; 3] = ["content-type", "content-length", "transfer-encoding"];

/// Why `name` is not a field name (an RFC 9110 Section 5.1 token), if it is
/// not. This is the rule for header names the spec lists.
pub(crate) fn field_name_problem(name: &str) -> Option<&'static str> {
    let is_token_byte =
        |byte: u8| byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte);
    if name.is_empty() {
        Some("it is empty")
    } else if !name.bytes().all(is_token_byte) {
        Some("use letters, digits and `-` only")
    } else {
        None
    }
}

/// Why an error response cannot carry a header called `name`, if it cannot:
/// it must be a field name, and not one the response builder sets itself.
pub(crate) fn response_name_problem(name: &str) -> Option<&'static str> {
    field_name_problem(name).or_else(|| {
        FRAMING
            .iter()
            .any(|framing| framing.eq_ignore_ascii_case(name))
            .then_some("the response builder sets it from the problem+json body; remove it")
    })
}

/// Why `value` cannot be sent as a header value, if it cannot: RFC 9110
/// Section 5.5 field values, restricted to visible ASCII, spaces and tabs so
/// every server library accepts them.
pub(crate) fn value_problem(value: &str) -> Option<&'static str> {
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

// status-core's run-time copy of these rules, compiled in to be compared.
#[cfg(test)]
#[path = "../../status-base/src/headers/rules.rs"]
mod runtime;

#[cfg(test)]
mod tests {
    use super::*;

    /// Names: valid ones, every reason, and the edges between them.
    const NAMES: &[&str] = &[
        "Retry-After",
        "x-request-id",
        "X_Underscore",
        "!#$%&'*+-.^_`|~",
        "WWW-Authenticate",
        "",
        "X Request Id",
        "X-Colon:",
        "caf\u{e9}",
        "a\r\nb",
        "\t",
        "(comment)",
        "\"quoted\"",
        "Content-Type",
        "content-length",
        "TRANSFER-ENCODING",
        "Content-Types",
        "Content-Range",
    ];

    /// Values: valid ones, every reason, and the edges between them.
    const VALUES: &[&str] = &[
        "",
        "60",
        "GET, HEAD",
        "Basic realm=\"proxy\"",
        "a\tb",
        "~!@#$%^&*()_+`-=[]{}|;':\",./<>?",
        "a\rb",
        "a\nb",
        "GET\r\nSet-Cookie: admin=1",
        "a\0b",
        "a\u{7f}b",
        "a\u{1b}b",
        "caf\u{e9}",
        " leading",
        "trailing ",
        "\ttab",
        "tab\t",
        " ",
    ];

    #[test]
    fn run_time_names_get_the_same_verdicts() {
        for name in NAMES {
            assert_eq!(
                response_name_problem(name),
                runtime::check_name(name),
                "header name {name:?}"
            );
        }
    }

    #[test]
    fn run_time_values_get_the_same_verdicts() {
        for value in VALUES {
            assert_eq!(
                value_problem(value),
                runtime::check_value(value),
                "header value {value:?}"
            );
        }
    }

    #[test]
    fn the_cases_cover_every_verdict() {
        let name_verdicts: std::collections::BTreeSet<_> = NAMES
            .iter()
            .map(|name| response_name_problem(name))
            .collect();
        let value_verdicts: std::collections::BTreeSet<_> =
            VALUES.iter().map(|value| value_problem(value)).collect();
        assert_eq!(name_verdicts.len(), 4, "{name_verdicts:?}");
        assert_eq!(value_verdicts.len(), 4, "{value_verdicts:?}");
    }

    #[test]
    fn spec_names_only_need_to_be_tokens() {
        assert_eq!(field_name_problem("Content-Range"), None);
        assert_eq!(field_name_problem("Content-Type"), None);
        assert_eq!(
            field_name_problem("Retry After"),
            Some("use letters, digits and `-` only")
        );
    }
}
