//! Extractors whose rejections are problem+json: axum's own answer plain text.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::demo::BODY_LIMIT;
use crate::error::DemoError;

/// `Json<T>`, rejecting with [`DemoError`].
pub(crate) struct AppJson<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for AppJson<T> {
    type Rejection = DemoError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(AppJson(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

fn json_rejection(rejection: &JsonRejection) -> DemoError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => DemoError::UnsupportedMediaType,
        JsonRejection::JsonSyntaxError(error) => DemoError::MalformedJson(error.body_text()),
        // Well-formed JSON of the wrong shape: a missing field, a wrong type.
        JsonRejection::JsonDataError(error) => DemoError::Validation(error.body_text()),
        _ if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
            DemoError::BodyTooLarge { limit: BODY_LIMIT }
        }
        _ => DemoError::MalformedJson(rejection.body_text()),
    }
}

/// An item id from the path: a whole number.
pub(crate) struct ItemId(pub(crate) i64);

impl<S: Send + Sync> FromRequestParts<S> for ItemId {
    type Rejection = DemoError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<String>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(text)) => text.parse::<i64>().map(ItemId).map_err(|_| {
                DemoError::BadParameter(format!("item id {text:?} is not a whole number"))
            }),
            Err(rejection) => Err(path_rejection(&rejection)),
        }
    }
}

fn path_rejection(rejection: &PathRejection) -> DemoError {
    DemoError::BadParameter(rejection.body_text())
}
