//! Extractors whose rejections are problem+json: axum's own answer plain text.

use std::num::IntErrorKind;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use serde::de::{DeserializeOwned, IgnoredAny};

use crate::demo::BODY_LIMIT;
use crate::error::DemoError;

/// `Json<T>`, rejecting with [`DemoError`].
///
/// Unlike `axum::Json`, it checks the whole body's syntax before its shape:
/// serde stops at the first member that does not fit `T`, so a truncated
/// `{"nam": "lamp"` would otherwise be a 422 (unknown field) although it is
/// not JSON at all (400).
pub(crate) struct AppJson<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for AppJson<T> {
    type Rejection = DemoError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        // Before reading the body, like axum: a wrong type costs no upload.
        if !is_json(request.headers()) {
            return Err(DemoError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| body_rejection(&rejection))?;
        // RFC 8259 JSON is UTF-8, also outside the strings serde would read.
        let text = std::str::from_utf8(&bytes).map_err(|error| {
            DemoError::MalformedJson(format!("the request body is not UTF-8: {error}"))
        })?;
        // Syntax of the whole document. serde_json skips an `IgnoredAny` with
        // a loop, not recursion, so any nesting depth costs no stack.
        serde_json::from_str::<IgnoredAny>(text).map_err(|error| {
            DemoError::MalformedJson(format!("Failed to parse the request body as JSON: {error}"))
        })?;
        match axum::Json::<T>::from_bytes(&bytes) {
            Ok(axum::Json(value)) => Ok(AppJson(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

/// `application/json` or any `application/*+json`, parameters allowed: what
/// `axum::Json` accepts.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.split_once('/') {
        Some((kind, subtype)) => {
            kind == "application" && (subtype == "json" || subtype.ends_with("+json"))
        }
        None => false,
    }
}

fn body_rejection(rejection: &BytesRejection) -> DemoError {
    if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        DemoError::BodyTooLarge { limit: BODY_LIMIT }
    } else {
        // The client stopped sending before the body was complete.
        DemoError::MalformedJson(rejection.body_text())
    }
}

fn json_rejection(rejection: &JsonRejection) -> DemoError {
    match rejection {
        // Well-formed JSON of the wrong shape: a missing field, a wrong type.
        JsonRejection::JsonDataError(error) => DemoError::Validation(error.body_text()),
        _ => DemoError::MalformedJson(rejection.body_text()),
    }
}

/// A path parameter as text, rejecting with [`DemoError`]: axum's `Path`
/// answers a percent-encoded non-UTF-8 segment (`/jobs/%FF`) in plain text.
async fn path_text<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<String, DemoError> {
    axum::extract::Path::<String>::from_request_parts(parts, state)
        .await
        .map(|axum::extract::Path(text)| text)
        .map_err(|rejection| DemoError::BadParameter(rejection.body_text()))
}

/// An item id from the path: a whole number that fits an `i64`.
pub(crate) struct ItemId(pub(crate) i64);

impl<S: Send + Sync> FromRequestParts<S> for ItemId {
    type Rejection = DemoError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let text = path_text(parts, state).await?;
        text.parse::<i64>()
            .map(ItemId)
            .map_err(|error| match error.kind() {
                IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => {
                    DemoError::BadParameter(format!(
                        "item id {text:?} is out of range; ids go up to {}",
                        i64::MAX
                    ))
                }
                _ => DemoError::BadParameter(format!("item id {text:?} is not a whole number")),
            })
    }
}

/// A job id from the path: a whole number from 0 up.
pub(crate) struct JobId(pub(crate) u64);

impl<S: Send + Sync> FromRequestParts<S> for JobId {
    type Rejection = DemoError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let text = path_text(parts, state).await?;
        text.parse::<u64>().map(JobId).map_err(|error| {
            DemoError::BadParameter(match error.kind() {
                IntErrorKind::PosOverflow => {
                    format!("job id {text:?} is out of range; ids go up to {}", u64::MAX)
                }
                _ => format!("job id {text:?} is not a whole number"),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with_content_type(value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(value));
        headers
    }

    #[test]
    fn json_content_types_are_those_axum_accepts() {
        for json in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/problem+json",
        ] {
            assert!(is_json(&with_content_type(json)), "{json}");
        }
        for other in [
            "text/plain",
            "application/jsonx",
            "text/json",
            "application",
            "",
        ] {
            assert!(!is_json(&with_content_type(other)), "{other}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }
}
