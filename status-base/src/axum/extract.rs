//! `Json`, `Query` and `Form`: axum's extractors of the same names, with
//! [`FrameworkError`] problems as their rejections.

use std::format;

use axum_core::body::Body;
use axum_core::extract::rejection::{BytesRejection, FailedToBufferBody};
use axum_core::extract::{FromRequest, FromRequestParts, Request};
use axum_core::response::{IntoResponse, Response};
use bytes::Bytes;
use http::request::Parts;
use http::{HeaderValue, Method, header};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::decode::{self, Urlencoded};
use crate::{FrameworkError, FrameworkErrorKind};

/// A JSON request body as a `T`, or a JSON response: a drop-in for
/// `axum::Json` whose rejections are problems.
///
/// | request | rejection |
/// |---|---|
/// | no `Content-Type: application/json` (or `application/*+json`) | 415 `unsupported_media_type`, before the body is read |
/// | body over the limit (`DefaultBodyLimit`, tower-http's limit) | 413 `body_too_large` |
/// | body not complete within [`ProblemLayer`](super::ProblemLayer)'s body timeout | 408 `body_timeout`, `Connection: close` |
/// | body cut short, not UTF-8, not JSON | 400 `malformed_body` |
/// | JSON that does not fit `T`, an array where `T` reads an object | 422 `invalid_body`, with `errors[].pointer` |
///
/// The whole document's syntax is checked before its shape, so a truncated
/// body is a 400 even when what arrived already does not fit.
///
/// ```
/// use axum::routing::post;
/// use status_core::axum::Json;
///
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct NewItem {
///     name: String,
/// }
///
/// async fn create(Json(item): Json<NewItem>) -> Json<NewItem> {
///     Json(item)
/// }
///
/// let app: axum::Router = axum::Router::new().route("/items", post(create));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = FrameworkError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        // Before the body: a wrong type costs the client no upload.
        if !decode::is_json(content_type(request.headers())) {
            return Err(decode::unsupported(decode::JSON));
        }
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| body_error(&rejection))?;
        decode::json(&body).map(Json)
    }
}

/// Serializes `T` as the `application/json` body; a value that cannot be
/// serialized (a map with non-string keys) is a masked 500 problem.
impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match serde_json::to_vec(&self.0) {
            Ok(body) => {
                let mut response = Response::new(Body::from(body));
                response
                    .headers_mut()
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static(decode::JSON));
                response
            }
            Err(error) => FrameworkError::new(FrameworkErrorKind::Internal(
                format!("the response body could not be serialized: {error}").into(),
            ))
            .into_response(),
        }
    }
}

impl<T> From<T> for Json<T> {
    fn from(value: T) -> Self {
        Json(value)
    }
}

impl<T> core::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> core::ops::DerefMut for Json<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// The query string as a `T`: a drop-in for `axum::extract::Query` whose
/// rejection is a 400 `invalid_query` problem naming the parameter.
///
/// ```
/// use axum::routing::get;
/// use status_core::axum::Query;
///
/// #[derive(serde::Deserialize)]
/// #[serde(deny_unknown_fields)]
/// struct Paging {
///     page: Option<u32>,
/// }
///
/// async fn list(Query(paging): Query<Paging>) -> String {
///     format!("page {}", paging.page.unwrap_or(1))
/// }
///
/// let app: axum::Router = axum::Router::new().route("/items", get(list));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = FrameworkError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        decode::urlencoded(query.as_bytes(), Urlencoded::Query).map(Query)
    }
}

impl<T> core::ops::Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// An `application/x-www-form-urlencoded` body as a `T` (the query string
/// for `GET` and `HEAD`): a drop-in for `axum::Form` whose rejections are
/// problems, as [`Json`]'s are; a field that does not fit is a 422 whose
/// `errors[].pointer` names it (`#/quantity`).
///
/// ```
/// use axum::routing::post;
/// use status_core::axum::Form;
///
/// #[derive(serde::Deserialize)]
/// struct Order {
///     quantity: u32,
/// }
///
/// async fn order(Form(order): Form<Order>) -> String {
///     format!("{} ordered", order.quantity)
/// }
///
/// let app: axum::Router = axum::Router::new().route("/orders", post(order));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Form<T>(pub T);

impl<T, S> FromRequest<S> for Form<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = FrameworkError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if request.method() == Method::GET || request.method() == Method::HEAD {
            let query = request.uri().query().unwrap_or_default();
            return decode::urlencoded(query.as_bytes(), Urlencoded::Query).map(Form);
        }
        if !decode::is_form(content_type(request.headers())) {
            return Err(decode::unsupported(decode::FORM));
        }
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| body_error(&rejection))?;
        decode::urlencoded(&body, Urlencoded::Form).map(Form)
    }
}

impl<T> core::ops::Deref for Form<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

fn content_type(headers: &http::HeaderMap) -> Option<&[u8]> {
    headers.get(header::CONTENT_TYPE).map(HeaderValue::as_bytes)
}

/// Why the body could not be read: over the limit, too slow, or cut short.
fn body_error(rejection: &BytesRejection) -> FrameworkError {
    let kind = match rejection {
        BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_)) => {
            FrameworkErrorKind::BodyTooLarge { limit: None }
        }
        _ => match super::body::timed_out(rejection) {
            Some(after) => FrameworkErrorKind::BodyTimeout { after },
            None => FrameworkErrorKind::MalformedBody(
                "the request body could not be read to its end".into(),
            ),
        },
    };
    kind.into()
}
