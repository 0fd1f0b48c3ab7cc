//! `Path`: axum's path extractor with a problem as its rejection.
//!
//! axum's router keeps the matched parameters in a private request
//! extension that only `axum::extract::Path` can read, so this extractor
//! calls it and rewrites its rejection; that is why it needs the `axum`
//! crate, and so a feature of its own (`axum-path`).

use std::borrow::ToOwned as _;
use std::format;
use std::string::ToString as _;

use ::axum::extract::path::ErrorKind;
use ::axum::extract::rejection::PathRejection;
use axum_core::extract::FromRequestParts;
use http::request::Parts;
use serde::de::DeserializeOwned;

use crate::decode;
use crate::{FrameworkError, FrameworkErrorKind};

/// The path parameters as a `T`: a drop-in for `axum::extract::Path` whose
/// rejection is a 400 `invalid_path_parameter` problem that says, without
/// Rust type names, what the parameter must be (feature `axum-path`).
///
/// ```
/// use axum::routing::get;
/// use status_core::axum::Path;
///
/// async fn item(Path(id): Path<u32>) -> String {
///     format!("item {id}")
/// }
///
/// // GET /items/abc answers 400: "path parameter `id` must be an integer
/// // from 0 to 4294967295, not \"abc\"".
/// let app: axum::Router = axum::Router::new().route("/items/{id}", get(item));
/// ```
///
/// A route whose parameters do not fit `T` at all (two parameters read into
/// one number) is a mistake in the server: a masked 500 `internal_error`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = FrameworkError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match ::axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Path(value)) => Ok(Path(value)),
            Err(rejection) => {
                // The parameter's name, for axum's message about a single one.
                let names = ::axum::extract::RawPathParams::from_request_parts(parts, state)
                    .await
                    .ok();
                let only_name = names.and_then(|names| {
                    let mut iter = names.iter();
                    match (iter.next(), iter.next()) {
                        (Some((name, _)), None) => Some(name.to_owned()),
                        _ => None,
                    }
                });
                Err(path_error(rejection, only_name.as_deref()))
            }
        }
    }
}

impl<T> core::ops::Deref for Path<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// axum's rejection, in words for the client.
fn path_error(rejection: PathRejection, only_name: Option<&str>) -> FrameworkError {
    let kind = match rejection {
        PathRejection::FailedToDeserializePathParams(error) => match error.into_kind() {
            ErrorKind::ParseErrorAtKey {
                key,
                value,
                expected_type,
            } => return decode::path_parameter(Some(&key), expected_type, &value),
            ErrorKind::ParseErrorAtIndex {
                index,
                value,
                expected_type,
            } => FrameworkErrorKind::InvalidPathParameter(
                format!(
                    "path parameter {} must be {}, not {value:?}",
                    index + 1,
                    decode::expectation(expected_type)
                )
                .into(),
            ),
            ErrorKind::ParseError {
                value,
                expected_type,
            } => return decode::path_parameter(only_name, expected_type, &value),
            ErrorKind::InvalidUtf8InPathParam { key } => FrameworkErrorKind::InvalidPathParameter(
                format!("path parameter `{key}` is not UTF-8 once percent-decoded").into(),
            ),
            ErrorKind::DeserializeError {
                key,
                value,
                message,
            } => FrameworkErrorKind::InvalidPathParameter(
                format!(
                    "path parameter `{key}` is not valid ({}): {value:?}",
                    decode::client_text(&message)
                )
                .into(),
            ),
            ErrorKind::Message(message) => FrameworkErrorKind::InvalidPathParameter(
                format!(
                    "a path parameter is not valid: {}",
                    decode::client_text(&message)
                )
                .into(),
            ),
            ErrorKind::WrongNumberOfParameters { got, expected } => FrameworkErrorKind::Internal(
                format!("the route has {got} path parameters, but its extractor reads {expected}")
                    .into(),
            ),
            ErrorKind::UnsupportedType { name } => FrameworkErrorKind::Internal(
                format!("path parameters cannot be read into a `{name}`").into(),
            ),
            other => FrameworkErrorKind::InvalidPathParameter(
                format!(
                    "a path parameter is not valid: {}",
                    decode::client_text(&other.to_string())
                )
                .into(),
            ),
        },
        PathRejection::MissingPathParams(_) => {
            FrameworkErrorKind::Internal("`Path` is used on a route without path parameters".into())
        }
        other => FrameworkErrorKind::Internal(format!("{other}").into()),
    };
    kind.into()
}
