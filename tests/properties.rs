//! Property tests of everything that takes untrusted input at run time.
//!
//! - Parsing: for every `u16`, `from_u16`, `FromStr` on its decimal text and
//!   the `http` conversions agree; for arbitrary strings and bytes, `parse`
//!   never panics and succeeds exactly for three ASCII digits naming a code of
//!   `spec/status-codes.toml` (read here with `toml`, not through the macro).
//! - Rendering: a problem+json body built from arbitrary `type`, `title`,
//!   `detail`, `instance`, `code` and `errors` strings (control characters, quotes,
//!   backslashes, NUL, CR/LF, U+2028/U+2029, non-ASCII) is always valid JSON
//!   that gives back exactly those strings, and an error's headers are either
//!   sent as valid `http::HeaderValue`s or dropped, never split or altered.
//!   A `Violation` pointer built from arbitrary segments is a URI fragment
//!   that decodes back to exactly those segments.
//!
//! The `u16` properties are checked exhaustively (65,536 cases); the string
//! ones with proptest, a few hundred cases each.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{Map, Value};
use status_core::{Headers, HttpError, PROBLEM_JSON, ProblemDetails, StatusCode, Violation};

/// The codes of the registry, read from the spec file independently of the macro.
fn registry_codes() -> &'static BTreeSet<u16> {
    #[derive(serde::Deserialize)]
    struct Spec {
        code: Vec<Entry>,
    }

    #[derive(serde::Deserialize)]
    struct Entry {
        code: u16,
    }

    static CODES: OnceLock<BTreeSet<u16>> = OnceLock::new();
    CODES.get_or_init(|| {
        let spec: Spec =
            toml::from_str(&status_tests::spec_text()).expect("the spec is valid TOML");
        spec.code.into_iter().map(|entry| entry.code).collect()
    })
}

/// Characters that break naive JSON writers and header checks.
const NASTY: &[char] = &[
    '\0',
    '\u{1}',
    '\u{8}',
    '\t',
    '\n',
    '\u{b}',
    '\u{c}',
    '\r',
    '\u{1b}',
    '\u{1f}',
    ' ',
    '"',
    '\'',
    '\\',
    '/',
    '{',
    '}',
    ':',
    ',',
    '\u{7f}',
    '\u{80}',
    '\u{85}',
    '\u{a0}',
    'é',
    '\u{2028}',
    '\u{2029}',
    '\u{feff}',
    '\u{fffd}',
    '\u{ffff}',
    '😀',
    '\u{10ffff}',
];

/// Arbitrary text, biased towards [`NASTY`] characters.
fn nasty_text() -> impl Strategy<Value = String> {
    let character = prop_oneof![
        prop::sample::select(NASTY),
        any::<char>(),
        prop::char::range(' ', '~'),
    ];
    prop_oneof![
        any::<String>(),
        prop::collection::vec(character, 0..24).prop_map(String::from_iter),
    ]
}

/// Strings near the status-code syntax: digits, signs, spaces, non-ASCII digits.
fn status_like_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{0,5}",
        "[0-9 +\\-_.xX\u{0}\n\u{660}-\u{669}\u{ff10}-\u{ff19}]{0,5}",
        (0_u16..1000).prop_map(|number| format!("{number:03}")),
        prop::sample::select(StatusCode::ALL).prop_map(|status| status.as_str().to_owned()),
    ]
}

/// `cases` random cases per property. A failure prints its shrunk input,
/// to be pinned as a plain `#[test]`; no regression file is written into the
/// source tree.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// What `parse` must return for `text`: `Some(code)` for three ASCII digits
/// that name a registry code, `None` otherwise.
fn expected_code(text: &str) -> Option<u16> {
    let digits = three_digits(text)?;
    registry_codes().contains(&digits).then_some(digits)
}

/// The number written by exactly three ASCII digits.
fn three_digits(text: &str) -> Option<u16> {
    match text.as_bytes() {
        [a, b, c] if [a, b, c].iter().all(|byte| byte.is_ascii_digit()) => {
            Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
        }
        _ => None,
    }
}

/// `text.parse::<StatusCode>()` agrees with the registry and with `from_u16`.
fn check_parse(text: &str) {
    let parsed = text.parse::<StatusCode>();
    match (expected_code(text), parsed) {
        (Some(code), Ok(status)) => {
            assert_eq!(StatusCode::from_u16(code), Ok(status), "{text:?}");
            assert_eq!(status.as_u16(), code, "{text:?}");
            assert_eq!(status.as_str(), text);
            let line = status.to_string();
            assert_eq!(line.get(..4), Some(&*format!("{text} ")), "{line:?}");
            assert_eq!(line[..3].parse::<StatusCode>(), Ok(status));
        }
        (None, Err(error)) => {
            // A number is named in the error exactly when the input was one.
            assert_eq!(error.code(), three_digits(text), "{text:?}");
            if let Some(number) = three_digits(text) {
                assert_eq!(StatusCode::from_u16(number), Err(error), "{text:?}");
            }
        }
        (expected, parsed) => panic!("{text:?}: expected {expected:?}, parse gave {parsed:?}"),
    }
}

#[test]
fn from_u16_and_parse_agree_for_every_u16() {
    for number in 0..=u16::MAX {
        let from_u16 = StatusCode::from_u16(number);
        match from_u16 {
            Ok(status) => {
                assert!(registry_codes().contains(&number), "{number}");
                assert_eq!(status.as_u16(), number);
                assert_eq!(StatusCode::try_from(number), Ok(status));
            }
            Err(error) => {
                assert!(!registry_codes().contains(&number), "{number}");
                assert_eq!(error.code(), Some(number));
            }
        }
        let decimal = number.to_string();
        check_parse(&decimal);
        assert_eq!(
            decimal.parse::<StatusCode>().ok(),
            from_u16.ok(),
            "{number}"
        );
        if number < 1000 {
            let padded = format!("{number:03}");
            check_parse(&padded);
            assert_eq!(padded.parse::<StatusCode>(), from_u16, "{padded}");
        }
    }
}

#[test]
fn http_conversions_agree_for_every_u16() {
    for number in 0..=u16::MAX {
        let theirs = http::StatusCode::from_u16(number);
        // `http` takes exactly 100..=999, which holds every registry code.
        assert_eq!(theirs.is_ok(), (100..=999).contains(&number), "{number}");
        match (StatusCode::from_u16(number), theirs) {
            (Ok(ours), Ok(theirs)) => {
                assert_eq!(http::StatusCode::from(ours), theirs);
                assert_eq!(StatusCode::try_from(theirs), Ok(ours));
                assert!(ours == theirs);
            }
            (Err(error), Ok(theirs)) => {
                assert_eq!(StatusCode::try_from(theirs), Err(error));
                // Every code `http` has a name for is in the registry.
                assert_eq!(theirs.canonical_reason(), None, "{number}");
            }
            (Ok(ours), Err(_)) => panic!("{ours:?} has no `http` counterpart"),
            (Err(_), Err(_)) => {}
        }
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn parse_accepts_exactly_three_digit_registry_codes(text in status_like_text()) {
        check_parse(&text);
    }

    #[test]
    fn parse_of_arbitrary_bytes_never_panics(
        bytes in prop::collection::vec(prop_oneof![b'0'..=b'9', any::<u8>()], 0..6)
    ) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_parse(text);
        }
    }
}

/// The members of a problem+json body, parsed with `serde_json`.
fn parse_body(body: &str) -> Map<String, Value> {
    assert!(
        !body.bytes().any(|byte| byte < 0x20),
        "JSON forbids raw U+0000 to U+001F: {body:?}"
    );
    match serde_json::from_str(body) {
        Ok(Value::Object(members)) => members,
        other => panic!("not a JSON object: {other:?} from {body:?}"),
    }
}

/// `problem`'s members as JSON, in the shape the body must have.
fn expected_members(problem: &ProblemDetails) -> Map<String, Value> {
    let mut members = Map::new();
    members.insert("type".into(), problem.type_uri.as_ref().into());
    members.insert("title".into(), problem.title.as_ref().into());
    members.insert("status".into(), problem.status.as_u16().into());
    if let Some(detail) = &problem.detail {
        members.insert("detail".into(), detail.as_ref().into());
    }
    if let Some(instance) = &problem.instance {
        members.insert("instance".into(), instance.as_ref().into());
    }
    members.insert("code".into(), problem.code.as_ref().into());
    if !problem.errors.is_empty() {
        let errors = problem
            .errors
            .iter()
            .map(|violation| {
                let mut member = Map::new();
                member.insert("detail".into(), violation.detail.as_ref().into());
                member.insert("pointer".into(), violation.pointer.as_ref().into());
                Value::Object(member)
            })
            .collect();
        members.insert("errors".into(), Value::Array(errors));
    }
    members
}

/// The RFC 6901 reference tokens of a pointer in URI fragment form, decoded:
/// percent-decoding first, then `~1` and `~0` (RFC 6901 Sections 4 and 6).
fn decode_fragment_pointer(pointer: &str) -> Vec<String> {
    let path = pointer.strip_prefix('#').expect("a fragment starts with #");
    let mut bytes = Vec::new();
    let mut rest = path.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let hex = std::str::from_utf8(&tail[..2]).expect("two hex digits");
            bytes.push(u8::from_str_radix(hex, 16).expect("hex"));
            rest = &tail[2..];
        } else {
            assert!(
                byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&byte),
                "{byte:?} may not appear raw in a URI fragment: {pointer:?}"
            );
            bytes.push(byte);
            rest = tail;
        }
    }
    let decoded = String::from_utf8(bytes).expect("UTF-8 after percent-decoding");
    if decoded.is_empty() {
        return Vec::new();
    }
    decoded
        .strip_prefix('/')
        .expect("a non-empty pointer starts with /")
        .split('/')
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Whether a header field is one `Headers` must accept: a non-framing RFC
/// 9110 token as name, and visible ASCII, spaces and tabs with no whitespace
/// at either end as value. Written out from the documentation, not the code.
fn is_sendable(name: &str, value: &str) -> bool {
    let token = !name.is_empty()
        && name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte));
    let framing = ["content-type", "content-length", "transfer-encoding"]
        .iter()
        .any(|framing| framing.eq_ignore_ascii_case(name));
    let visible = value
        .bytes()
        .all(|byte| byte == b'\t' || (b' '..=b'~').contains(&byte));
    let trimmed = !value.starts_with([' ', '\t']) && !value.ends_with([' ', '\t']);
    token && !framing && visible && trimmed
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}",
        one_bad_char("[A-Za-z0-9-]{0,8}"),
        prop::sample::select(
            &[
                "Retry-After",
                "WWW-Authenticate",
                "content-type",
                "Content-Length",
                "TRANSFER-ENCODING",
                "Bad Name",
                "X-Ünïcode",
                "",
            ][..]
        )
        .prop_map(str::to_owned),
        nasty_text(),
    ]
}

/// `valid` with one [`NASTY`] or arbitrary character put in somewhere: the
/// inputs a check is most likely to let through.
fn one_bad_char(valid: &'static str) -> impl Strategy<Value = String> {
    let character = prop_oneof![prop::sample::select(NASTY), any::<char>()];
    (valid, character, any::<prop::sample::Index>()).prop_map(|(mut text, character, index)| {
        let at = index.index(text.chars().count() + 1);
        let byte = text
            .char_indices()
            .nth(at)
            .map_or(text.len(), |(byte, _)| byte);
        text.insert(byte, character);
        text
    })
}

fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[!-~]([ -~\t]{0,12}[!-~])?",
        "[ -~\t]{0,16}",
        one_bad_char("[!-~]{0,8}"),
        nasty_text()
    ]
}

/// An error whose every part comes from the test input.
#[derive(Debug)]
struct InputError {
    status: StatusCode,
    detail: String,
    expose: bool,
    code: &'static str,
    type_uri: &'static str,
    headers: Vec<(&'static str, String)>,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

impl std::error::Error for InputError {}

impl HttpError for InputError {
    fn status(&self) -> StatusCode {
        self.status
    }

    fn code(&self) -> &'static str {
        self.code
    }

    fn type_uri(&self) -> &'static str {
        self.type_uri
    }

    fn exposes_detail(&self) -> bool {
        self.expose
    }

    fn headers(&self) -> Headers {
        let mut headers = Headers::new();
        for (name, value) in &self.headers {
            // A refused value is left out; the test checks which ones.
            let _ = headers.insert(name, value.clone());
        }
        headers
    }
}

/// `HttpError::code` and friends hand out `&'static str`; a test case's
/// strings live for the rest of the test process.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn input_error() -> impl Strategy<Value = InputError> {
    (
        prop::sample::select(StatusCode::ALL),
        nasty_text(),
        any::<bool>(),
        nasty_text(),
        nasty_text(),
        prop::collection::vec((header_name(), header_value()), 0..4),
    )
        .prop_map(
            |(status, detail, expose, code, type_uri, headers)| InputError {
                status,
                detail,
                expose,
                code: leak(code),
                type_uri: leak(type_uri),
                headers: headers
                    .into_iter()
                    .map(|(name, value)| (leak(name), value))
                    .collect(),
            },
        )
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn problem_json_round_trips(
        status in prop::sample::select(StatusCode::ALL),
        type_uri in nasty_text(),
        title in nasty_text(),
        detail in prop::option::of(nasty_text()),
        instance in prop::option::of(nasty_text()),
        code in nasty_text(),
        errors in prop::collection::vec((nasty_text(), nasty_text()), 0..3),
    ) {
        let mut problem = ProblemDetails::new(status, code)
            .with_type(type_uri)
            .with_violations(errors.into_iter().map(|(pointer, detail)| Violation::new(pointer, detail)));
        problem.title = Cow::Owned(title);
        problem.detail = detail.map(Cow::Owned);
        problem.instance = instance.map(Cow::Owned);

        let json = problem.to_json();
        prop_assert!(json.starts_with("{\"type\":"), "{}", json);
        prop_assert_eq!(parse_body(&json), expected_members(&problem));
        // The `serde` feature's `Serialize` says the same, if not byte for byte.
        let via_serde = serde_json::to_value(&problem).expect("serializes");
        prop_assert_eq!(via_serde, Value::Object(expected_members(&problem)));
    }

    #[test]
    fn violation_pointers_are_uri_fragments_that_decode_to_their_segments(
        segments in prop::collection::vec(nasty_text(), 0..4),
    ) {
        let violation = Violation::at(&segments, "x");
        prop_assert_eq!(decode_fragment_pointer(&violation.pointer), segments);
    }

    #[test]
    fn error_responses_are_valid_json_with_sendable_headers(error in input_error()) {
        let mut kept = Vec::new();
        for &(name, ref value) in &error.headers {
            let inserted = Headers::new().insert(name, value.clone());
            prop_assert_eq!(inserted.is_ok(), is_sendable(name, value), "{:?}: {:?}", name, value);
            match inserted {
                Ok(()) => {
                    prop_assert!(http::HeaderName::try_from(name).is_ok(), "{:?}", name);
                    prop_assert!(http::HeaderValue::try_from(value.as_str()).is_ok(), "{:?}", value);
                    kept.push((name, value.as_str()));
                }
                Err(refused) => prop_assert_eq!(refused.name(), name),
            }
        }

        // Not opted in to caching: `no-store` last, unless the error set a
        // `Cache-Control` of its own.
        if !kept.iter().any(|(name, _)| name.eq_ignore_ascii_case("cache-control")) {
            kept.push(("Cache-Control", "no-store"));
        }

        let response = error.error_response();
        prop_assert_eq!(response.status, error.status);
        prop_assert_eq!(response.headers.iter().collect::<Vec<_>>(), kept.clone());
        prop_assert_eq!(response.body.is_some(), error.status.allows_body());
        if let Some(body) = &response.body {
            let members = parse_body(body);
            let detail = if error.expose { error.detail.as_str() } else { error.status.reason_phrase() };
            let expected = expected_members(
                &ProblemDetails::new(error.status, error.code)
                    .with_type(error.type_uri)
                    .with_detail(detail.to_owned()),
            );
            prop_assert_eq!(members, expected);
        }

        let http = error.to_http_response();
        prop_assert_eq!(http.status().as_u16(), error.status.as_u16());
        prop_assert_eq!(http.body(), response.body.as_deref().unwrap_or(""));
        let content_type = http.headers().get(http::header::CONTENT_TYPE);
        prop_assert_eq!(
            content_type.map(http::HeaderValue::as_bytes),
            response.body.as_ref().map(|_| PROBLEM_JSON.as_bytes())
        );
        // `HeaderMap` groups values by name: compare as sorted lists.
        let mut sent: Vec<(String, &[u8])> = http
            .headers()
            .iter()
            .filter(|(name, _)| *name != http::header::CONTENT_TYPE)
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes()))
            .collect();
        sent.sort_unstable();
        let mut expected: Vec<(String, &[u8])> = kept
            .iter()
            .map(|(name, value)| (name.to_ascii_lowercase(), value.as_bytes()))
            .collect();
        expected.sort_unstable();
        prop_assert_eq!(sent, expected);
    }
}
