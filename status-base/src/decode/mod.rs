//! Request documents into typed values, with every failure a
//! [`FrameworkError`]: the one path behind the axum, actix-web and poem
//! extractors, so that they reject alike.
//!
//! JSON is read in two passes. The first checks the syntax of the whole
//! document (serde's `IgnoredAny`, which `serde_json` skips with a loop, so
//! nesting costs no stack): a document cut short is a 400, even when the
//! members before the cut would already not fit. The second deserializes
//! through [`serde_path_to_error`], for the pointer of the member that does
//! not fit, and [`strict::Strict`], under which a struct accepts only an
//! object; its failures are a 422.

// Each adapter uses part of this; with one feature alone the rest is unused.
#![cfg_attr(
    not(all(feature = "axum-path", feature = "actix-web", feature = "poem")),
    allow(dead_code, unused_imports)
)]

mod message;
mod strict;

use alloc::borrow::{Cow, ToOwned as _};
use alloc::format;
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use serde::de::{DeserializeOwned, IgnoredAny};

use crate::{FrameworkError, FrameworkErrorKind, Violation};

pub(crate) use message::expectation;

/// The media type the JSON extractors read.
pub(crate) const JSON: &str = "application/json";
/// The media type the form extractors read.
pub(crate) const FORM: &str = "application/x-www-form-urlencoded";

/// Whether a `Content-Type` value is JSON: `application/json` or any
/// `application/*+json`, parameters allowed.
pub(crate) fn is_json(content_type: Option<&[u8]>) -> bool {
    media_type(content_type).is_some_and(|mime| {
        mime.type_() == mime::APPLICATION
            && (mime.subtype() == mime::JSON || mime.suffix() == Some(mime::JSON))
    })
}

/// Whether a `Content-Type` value is `application/x-www-form-urlencoded`.
pub(crate) fn is_form(content_type: Option<&[u8]>) -> bool {
    media_type(content_type).is_some_and(|mime| {
        mime.type_() == mime::APPLICATION && mime.subtype() == mime::WWW_FORM_URLENCODED
    })
}

fn media_type(content_type: Option<&[u8]>) -> Option<mime::Mime> {
    core::str::from_utf8(content_type?).ok()?.parse().ok()
}

/// The 415 of a route that reads `expected`.
pub(crate) fn unsupported(expected: &'static str) -> FrameworkError {
    FrameworkErrorKind::UnsupportedMediaType {
        expected: Some(expected),
    }
    .into()
}

fn malformed(detail: impl Into<Cow<'static, str>>) -> FrameworkError {
    FrameworkErrorKind::MalformedBody(detail.into()).into()
}

/// A JSON request body as a `T`.
pub(crate) fn json<T: DeserializeOwned>(body: &[u8]) -> Result<T, FrameworkError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(malformed(
            "the request body is empty; this route reads JSON",
        ));
    }
    // RFC 8259 JSON is UTF-8, also outside the strings serde would check.
    let text = core::str::from_utf8(body)
        .map_err(|error| malformed(format!("the request body is not UTF-8: {error}")))?;
    serde_json::from_str::<IgnoredAny>(text).map_err(|error| not_json(&error))?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize(strict::Strict(&mut deserializer)) {
        Ok(value) => Ok(value),
        Err(error) => {
            let path = error.path().clone();
            let error = error.into_inner();
            if error.is_data() {
                Err(FrameworkError::invalid_body([violation(
                    &path,
                    &without_position(&error),
                )]))
            } else {
                // Grammatical but not readable: an unpaired surrogate escape
                // where a string is read, a number out of range, nesting
                // deeper than `serde_json`'s limit.
                Err(not_json(&error))
            }
        }
    }
}

/// The 400 of a body that is not JSON. `serde_json`'s syntax messages are
/// about JSON, not Rust, but for one: `expected ident` is its name for a
/// broken `true`, `false` or `null`.
fn not_json(error: &serde_json::Error) -> FrameworkError {
    let text = error
        .to_string()
        .replace("expected ident", "expected `true`, `false` or `null`");
    malformed(format!("the request body is not valid JSON: {text}"))
}

/// Where an `application/x-www-form-urlencoded` text comes from.
#[derive(Clone, Copy)]
pub(crate) enum Urlencoded {
    /// The query string: a failure is a 400 naming the parameter.
    Query,
    /// A form body: a failure is a 422 pointing at the field.
    Form,
}

/// An urlencoded query string or form body as a `T`.
pub(crate) fn urlencoded<T: DeserializeOwned>(
    text: &[u8],
    source: Urlencoded,
) -> Result<T, FrameworkError> {
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(text));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().clone();
        let violation = violation(&path, &error.into_inner().to_string());
        match source {
            Urlencoded::Form => FrameworkError::invalid_body([violation]),
            Urlencoded::Query => query_error(&violation),
        }
    })
}

/// The 400 of a query parameter that does not fit, from its violation.
pub(crate) fn query_error(violation: &Violation) -> FrameworkError {
    let name = violation.pointer.strip_prefix("#/").unwrap_or_default();
    let detail = if name.is_empty() {
        format!("invalid query: {}", violation.detail)
    } else {
        // Percent-encoded in the pointer; readable names are the common case.
        format!("query parameter `{name}`: {}", violation.detail)
    };
    FrameworkErrorKind::InvalidQuery(detail.into()).into()
}

/// A `serde_json` error's message without ` at line L column C`.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&suffix) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// The violation of a data error at `path`.
fn violation(path: &serde_path_to_error::Path, message: &str) -> Violation {
    let rewritten = message::rewrite(message);
    let mut segments: Vec<String> = Vec::new();
    for segment in path {
        match segment {
            serde_path_to_error::Segment::Seq { index } => segments.push(index.to_string()),
            serde_path_to_error::Segment::Map { key } => segments.push(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => segments.push(variant.clone()),
            // Past an unknown step the rest of the path means nothing.
            serde_path_to_error::Segment::Unknown => break,
        }
    }
    if let Some(member) = rewritten.member
        && segments.last() != Some(&member)
    {
        segments.push(member);
    }
    Violation::at(segments, rewritten.text)
}

/// A serde message for a client, for adapters whose framework reports the
/// error itself.
pub(crate) fn client_text(message: &str) -> String {
    message::rewrite(message).text
}

/// The violation a data error's message describes, for adapters whose
/// framework keeps no path: the member the message names, or the document.
pub(crate) fn violation_from_message(message: &str) -> Violation {
    let rewritten = message::rewrite(message);
    Violation::at(rewritten.member, rewritten.text)
}

/// A `serde_json` error of a framework's own JSON extractor: a 422 for a
/// document that does not fit, a 400 for one that is not JSON.
pub(crate) fn json_error(error: &serde_json::Error) -> FrameworkError {
    if error.is_data() {
        FrameworkError::invalid_body([violation_from_message(&without_position(error))])
    } else if error.is_eof() && error.line() == 1 && error.column() == 0 {
        malformed("the request body is empty; this route reads JSON")
    } else {
        not_json(error)
    }
}

/// The 400 of a path parameter whose text does not parse as `expected_type`.
pub(crate) fn path_parameter(
    name: Option<&str>,
    expected_type: &str,
    value: &str,
) -> FrameworkError {
    let expected = message::expectation(expected_type);
    let detail = match name {
        Some(name) => format!("path parameter `{name}` must be {expected}, not {value:?}"),
        None => format!("the path parameter must be {expected}, not {value:?}"),
    };
    FrameworkErrorKind::InvalidPathParameter(detail.into()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HttpError;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        #[serde(default)]
        tags: Vec<Tag>,
        size: Option<u32>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Tag {
        label: String,
    }

    fn rejected(body: &str) -> FrameworkError {
        json::<Item>(body.as_bytes()).expect_err(body)
    }

    fn violation_of(body: &str) -> (String, String) {
        let error = rejected(body);
        assert_eq!(error.status().as_u16(), 422, "{body}: {error}");
        let [violation] = error.violations() else {
            panic!("one violation for {body}: {:?}", error.violations());
        };
        (violation.pointer.to_string(), violation.detail.to_string())
    }

    #[test]
    fn a_value_that_does_not_fit_points_at_its_member() {
        for (body, pointer, detail) in [
            ("{}", "#/name", "this member is required"),
            (
                r#"{"name":7}"#,
                "#/name",
                "invalid type: integer `7`, expected a string",
            ),
            (
                r#"{"name":"a","tags":[{"label":"x"},{"label":null}]}"#,
                "#/tags/1/label",
                "invalid type: null, expected a string",
            ),
            (
                r#"{"name":"a","tags":[{"label":"x"},{}]}"#,
                "#/tags/1/label",
                "this member is required",
            ),
            (
                r#"{"nam":"a"}"#,
                "#/nam",
                "unknown member, expected one of `name`, `tags`, `size`",
            ),
            (
                r#"{"name":"a","size":-1}"#,
                "#/size",
                "invalid value: integer `-1`, expected an integer from 0 to 4294967295",
            ),
            (r#"["a"]"#, "#", "invalid type: array, expected an object"),
            (
                r#"{"name":"a","tags":[["x"]]}"#,
                "#/tags/0",
                "invalid type: array, expected an object",
            ),
            (
                r#"{"name":"a","tags":{}}"#,
                "#/tags",
                "invalid type: object, expected an array",
            ),
            (
                r#"{"a/b~":1}"#,
                "#/a~1b~0",
                "unknown member, expected one of `name`, `tags`, `size`",
            ),
        ] {
            assert_eq!(
                violation_of(body),
                (pointer.to_owned(), detail.to_owned()),
                "{body}"
            );
        }
    }

    #[test]
    fn syntax_comes_before_shape() {
        for (body, says) in [
            (r#"{"nam":"a""#, "EOF while parsing an object"),
            (r#"{"name":}"#, "expected value"),
            ("[[[[[[[[[[", "EOF while parsing a list"),
            (r#"{"name":"a"} x"#, "trailing characters"),
        ] {
            let error = rejected(body);
            assert_eq!(error.code(), "malformed_body", "{body}");
            let detail = error.to_string();
            assert!(
                detail.starts_with("the request body is not valid JSON: ") && detail.contains(says),
                "{body}: {detail}"
            );
        }
        assert_eq!(
            rejected(" ").to_string(),
            "the request body is empty; this route reads JSON"
        );
        assert!(
            json::<Item>(b"{\"name\":\"\xff\"}")
                .expect_err("not UTF-8")
                .to_string()
                .starts_with("the request body is not UTF-8")
        );
        let surrogate = rejected(r#"{"name":"\ud800"}"#);
        assert_eq!(surrogate.code(), "malformed_body");
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        let open = "[".repeat(100_000);
        assert_eq!(rejected(&open).code(), "malformed_body");
        let balanced = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
        let (pointer, _) = violation_of(&balanced);
        assert_eq!(pointer, "#");
    }

    #[test]
    fn accepts_what_fits() {
        let item: Item = json(br#"{"name":"lamp","tags":[{"label":"x"}],"size":3}"#).expect("fits");
        assert_eq!(item.name, "lamp");
        let value: serde_json::Value = json(b"[1,2]").expect("any JSON value");
        assert_eq!(value, serde_json::json!([1, 2]));
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Paging {
        page: Option<u32>,
        per_page: Option<u8>,
    }

    #[test]
    fn a_query_parameter_that_does_not_fit_is_named() {
        for (query, detail) in [
            (
                "page=x",
                "query parameter `page`: invalid digit found in string",
            ),
            (
                "per_page=1000",
                "query parameter `per_page`: number too large to fit in target type",
            ),
            (
                "sort=name",
                "query parameter `sort`: unknown member, expected `page` or `per_page`",
            ),
        ] {
            let error = urlencoded::<Paging>(query.as_bytes(), Urlencoded::Query).expect_err(query);
            assert_eq!(error.code(), "invalid_query");
            assert_eq!(error.to_string(), detail, "{query}");
        }
        let paging: Paging = urlencoded(b"page=2&per_page=10", Urlencoded::Query).expect("fits");
        assert_eq!(paging.page, Some(2));
    }

    #[test]
    fn content_types() {
        for json_type in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/problem+json",
        ] {
            assert!(is_json(Some(json_type.as_bytes())), "{json_type}");
        }
        for other in [
            "text/plain",
            "application/jsonx",
            "text/json",
            "application",
            "",
        ] {
            assert!(!is_json(Some(other.as_bytes())), "{other}");
        }
        assert!(!is_json(None));
        assert!(!is_json(Some(b"application/json\xff")));
        assert!(is_form(Some(
            b"application/x-www-form-urlencoded; charset=utf-8"
        )));
        assert!(!is_form(Some(b"multipart/form-data; boundary=x")));
    }
}
