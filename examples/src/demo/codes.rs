//! `/codes`, the status-code reference, and `/codes/<code>` (or
//! `/codes?code=<code>`), one code of it: HTML by default, JSON built from
//! the same [`Registry`] for clients that ask for `application/json`.

use std::sync::{Arc, LazyLock};

use axum::Json;
use axum::Router;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use serde::Deserialize;

use super::AppState;
use crate::error::DemoError;
use crate::reference::{Registry, code_page, reference_page};

/// The built-in registry, read once.
static REGISTRY: LazyLock<Registry> = LazyLock::new(Registry::builtin);

/// The routes, merged into the demo's router.
/// The routes, each through `guard` (the demo's maintenance and rate limit).
pub(super) fn routes(
    guard: &impl Fn(MethodRouter<Arc<AppState>>) -> MethodRouter<Arc<AppState>>,
) -> Router<Arc<AppState>> {
    Router::new()
        .route("/codes", guard(get(all_codes)))
        .route("/codes/{code}", guard(get(one_code)))
}

#[derive(Deserialize)]
struct CodeQuery {
    code: Option<String>,
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"))
}

/// `GET /codes`, or one code with `?code=`.
async fn all_codes(
    headers: HeaderMap,
    query: Result<Query<CodeQuery>, QueryRejection>,
) -> Result<Response, DemoError> {
    let Query(query) = query.map_err(|rejection| DemoError::BadParameter(rejection.body_text()))?;
    if let Some(code) = query.code {
        return answer_one(&headers, &code);
    }
    Ok(if wants_json(&headers) {
        Json(&*REGISTRY).into_response()
    } else {
        Html(reference_page(&REGISTRY)).into_response()
    })
}

/// `GET /codes/<code>`.
async fn one_code(
    headers: HeaderMap,
    code: Result<Path<String>, PathRejection>,
) -> Result<Response, DemoError> {
    let Path(code) = code.map_err(|rejection| DemoError::BadParameter(rejection.body_text()))?;
    answer_one(&headers, &code)
}

/// Not three digits from 100 to 999: 400. A number the registry does not
/// list: 404, as for any page that does not exist.
fn answer_one(headers: &HeaderMap, text: &str) -> Result<Response, DemoError> {
    let code = text
        .parse::<u16>()
        .ok()
        .filter(|code| (100..=999).contains(code))
        .ok_or_else(|| {
            DemoError::BadParameter(format!(
                "{text:?} is not a status code; use a number from 100 to 999, such as 404"
            ))
        })?;
    let info = REGISTRY
        .code(code)
        .ok_or(DemoError::UnknownStatusCode(code))?;
    Ok(if wants_json(headers) {
        Json(info).into_response()
    } else {
        Html(code_page(info)).into_response()
    })
}
