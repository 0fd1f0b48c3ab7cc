//! The routes: each status comes from a real situation, every error from [`DemoError`].

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::extract::{FromRequest as _, RawQuery, Request, State};
use axum::http::{self, HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post, put};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;
use status_core::{Redirection, StatusCode, codes};

use super::AppState;
use super::extract::{AppJson, ItemId, JobId};
use crate::error::DemoError;
use crate::store::{Item, NewItem};

type Shared = State<Arc<AppState>>;
type ApiResult = Result<Response, DemoError>;

const JSON: &str = "application/json";
const CSV: &str = "text/csv";

pub(super) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/health", get(health))
        .route("/items", get(list_items).post(create_item))
        .route("/items/export", get(export_items))
        .route(
            "/items/{id}",
            get(get_item)
                .put(update_item)
                .delete(delete_item)
                .patch(patch_item),
        )
        .route("/items/{id}/attachments", get(attachments))
        .route("/jobs", post(create_job))
        .route("/jobs/{id}", get(get_job))
        .route("/admin/maintenance", put(set_maintenance))
        .route("/admin/stats", get(stats))
        .route(
            "/old-items",
            get(|| async { redirect(codes::MovedPermanently, "/items") }),
        )
        .route(
            "/temp-items",
            get(|| async { redirect(codes::Found, "/items") }),
        )
        .route(
            "/submit-form",
            post(|| async { redirect(codes::SeeOther, "/items") }),
        )
        .route(
            "/upload",
            post(|| async { redirect(codes::TemporaryRedirect, "/items") }),
        )
        .route(
            "/catalog",
            get(|| async { redirect(codes::PermanentRedirect, "/items") }),
        )
        .route(
            "/v1/items",
            any(|| async { DemoError::Retired("/v1/items") }),
        )
        .route("/teapot", get(|| async { DemoError::Teapot }))
        .route("/openapi.json", get(super::docs::openapi_json))
        .route("/errors", get(super::docs::error_catalog))
        .merge(super::codes::routes())
        .route("/debug/panic", get(debug_panic))
        .fallback(
            |uri: axum::http::Uri| async move { DemoError::RouteNotFound(uri.path().to_owned()) },
        )
}

/// Only redirect types compile here: `redirect(codes::NotFound, ..)` does not.
fn redirect<S: Redirection>(_status: S, location: &'static str) -> Response {
    (
        http::StatusCode::from(S::STATUS),
        [(header::LOCATION, location)],
    )
        .into_response()
}

async fn health() -> Response {
    Json(json!({ "status": "ok" })).into_response()
}

/// Panics on purpose, to show what a bug in a handler looks like from outside:
/// a masked 500 problem (see `panic_response` in the parent module), and the
/// server goes on answering.
async fn debug_panic() -> Response {
    panic!("deliberate panic in GET /debug/panic, a demonstration route");
}

/// `Accept` must allow what the route produces (RFC 9110 Section 12.5.1).
fn require_acceptable(headers: &HeaderMap, produces: &'static str) -> Result<(), DemoError> {
    let Some(accept) = headers.get(header::ACCEPT) else {
        return Ok(());
    };
    let accept = accept.to_str().unwrap_or_default();
    let (kind, _) = produces.split_once('/').unwrap_or((produces, ""));
    let acceptable = accept.split(',').any(|range| {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let refused = parts.any(|parameter| {
            let parameter = parameter.trim().to_ascii_lowercase();
            parameter
                .strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                == Some(0.0)
        });
        !refused && (media == "*/*" || media == produces || media == format!("{kind}/*"))
    });
    if acceptable {
        Ok(())
    } else {
        Err(DemoError::NotAcceptable(accept.to_owned(), produces))
    }
}

#[derive(Serialize)]
#[allow(clippy::struct_field_names)] // the JSON member names are the API
struct Page {
    items: Vec<Item>,
    page: u32,
    per_page: u32,
    total: u64,
}

async fn list_items(
    State(state): Shared,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    require_acceptable(&headers, JSON)?;
    let mut page = 1;
    let mut per_page = 10;
    for pair in query
        .as_deref()
        .unwrap_or_default()
        .split('&')
        .filter(|pair| !pair.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let parsed = |range: std::ops::RangeInclusive<u32>| {
            value
                .parse::<u32>()
                .ok()
                .filter(|number| range.contains(number))
                .ok_or_else(|| {
                    DemoError::BadParameter(format!(
                        "`{key}` must be a whole number from {} to {}, not {value:?}",
                        range.start(),
                        range.end()
                    ))
                })
        };
        match key {
            "page" => page = parsed(1..=1_000_000)?,
            "per_page" => per_page = parsed(1..=100)?,
            _ => {
                return Err(DemoError::BadParameter(format!(
                    "unknown query parameter `{key}`; use `page` and `per_page`"
                )));
            }
        }
    }
    let (items, total) = state.store.list(page, per_page)?;
    let mut response = Json(Page {
        items,
        page,
        per_page,
        total,
    })
    .into_response();
    if u64::from(page) * u64::from(per_page) < total {
        let link = format!(
            "</items?page={}&per_page={per_page}>; rel=\"next\"",
            page + 1
        );
        if let Ok(value) = HeaderValue::from_str(&link) {
            response.headers_mut().insert(header::LINK, value);
        }
    }
    Ok(response)
}

async fn create_item(State(state): Shared, AppJson(new): AppJson<NewItem>) -> ApiResult {
    let item = state.store.create(&new.validate()?)?;
    let location = format!("/items/{}", item.id);
    Ok((
        http::StatusCode::from(StatusCode::Created),
        [(header::LOCATION, location), (header::ETAG, item.etag())],
        Json(item),
    )
        .into_response())
}

async fn get_item(State(state): Shared, ItemId(id): ItemId, headers: HeaderMap) -> ApiResult {
    require_acceptable(&headers, JSON)?;
    let item = state.store.get(id)?;
    let etag = item.etag();
    let if_none_match = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok());
    let unchanged = if_none_match.is_some_and(|tags| {
        tags.trim() == "*"
            || tags
                .split(',')
                .any(|tag| tag.trim().trim_start_matches("W/") == etag)
    });
    if unchanged {
        let not_modified = http::StatusCode::from(StatusCode::NotModified);
        return Ok((not_modified, [(header::ETAG, etag)]).into_response());
    }
    Ok(([(header::ETAG, etag)], Json(item)).into_response())
}

async fn update_item(
    State(state): Shared,
    ItemId(id): ItemId,
    headers: HeaderMap,
    AppJson(new): AppJson<NewItem>,
) -> ApiResult {
    let if_match =
        match headers.get(header::IF_MATCH) {
            Some(value) => Some(value.to_str().map_err(|_| {
                DemoError::BadParameter("If-Match must be visible ASCII".to_owned())
            })?),
            None => None,
        };
    let item = state.store.update(id, &new.validate()?, if_match)?;
    Ok(([(header::ETAG, item.etag())], Json(item)).into_response())
}

async fn delete_item(State(state): Shared, ItemId(id): ItemId) -> ApiResult {
    state.store.delete(id)?;
    Ok(StatusCode::NoContent.into_response())
}

async fn patch_item(ItemId(_): ItemId) -> DemoError {
    DemoError::NotImplemented("PATCH /items/{id} (use PUT)")
}

async fn attachments(State(state): Shared, ItemId(id): ItemId) -> ApiResult {
    state.store.get(id)?;
    Ok(Json(state.store.attachments(id)?).into_response())
}

/// The items as CSV, with single byte ranges (RFC 9110 Section 14).
async fn export_items(State(state): Shared, headers: HeaderMap) -> ApiResult {
    require_acceptable(&headers, CSV)?;
    let mut csv = String::from("id,name,description,version\n");
    for item in state.store.all()? {
        let _ = writeln!(
            csv,
            "{},{},{},{}",
            item.id,
            csv_field(&item.name),
            csv_field(&item.description),
            item.version
        );
    }
    let total = csv.len();
    let range = headers
        .get(header::RANGE)
        .and_then(|value| value.to_str().ok());
    let Some((range_text, parsed)) = range.map(|text| (text, parse_byte_range(text, total))) else {
        return Ok((
            [
                (header::CONTENT_TYPE, CSV),
                (header::ACCEPT_RANGES, "bytes"),
            ],
            csv,
        )
            .into_response());
    };
    match parsed {
        // A Range the server does not understand is ignored (RFC 9110 Section 14.2).
        RangeRequest::Ignored => Ok((
            [
                (header::CONTENT_TYPE, CSV),
                (header::ACCEPT_RANGES, "bytes"),
            ],
            csv,
        )
            .into_response()),
        RangeRequest::Unsatisfiable => Err(DemoError::RangeNotSatisfiable {
            range: range_text.to_owned(),
            total,
            unsatisfied: format!("bytes */{total}"),
        }),
        RangeRequest::Satisfiable(first, last) => {
            let body = csv.as_bytes()[first..=last].to_vec();
            let content_range = format!("bytes {first}-{last}/{total}");
            Ok((
                http::StatusCode::from(StatusCode::PartialContent),
                [
                    (header::CONTENT_TYPE, CSV.to_owned()),
                    (header::CONTENT_RANGE, content_range),
                    (header::ACCEPT_RANGES, "bytes".to_owned()),
                ],
                body,
            )
                .into_response())
        }
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

enum RangeRequest {
    Ignored,
    Unsatisfiable,
    Satisfiable(usize, usize),
}

/// `bytes=first-last`, `bytes=first-` or `bytes=-suffix`; several ranges are ignored.
fn parse_byte_range(text: &str, total: usize) -> RangeRequest {
    let Some(spec) = text.trim().strip_prefix("bytes=") else {
        return RangeRequest::Ignored;
    };
    if spec.contains(',') {
        return RangeRequest::Ignored;
    }
    let Some((first, last)) = spec.trim().split_once('-') else {
        return RangeRequest::Ignored;
    };
    let number = |text: &str| text.trim().parse::<usize>().ok();
    let (first, last) = match (first.trim().is_empty(), last.trim().is_empty()) {
        (true, false) => match number(last) {
            Some(0) => return RangeRequest::Unsatisfiable,
            Some(suffix) => (total.saturating_sub(suffix), total.saturating_sub(1)),
            None => return RangeRequest::Ignored,
        },
        (false, true) => match number(first) {
            Some(first) => (first, total.saturating_sub(1)),
            None => return RangeRequest::Ignored,
        },
        (false, false) => match (number(first), number(last)) {
            (Some(first), Some(last)) if first <= last => {
                (first, last.min(total.saturating_sub(1)))
            }
            _ => return RangeRequest::Ignored,
        },
        (true, true) => return RangeRequest::Ignored,
    };
    if total == 0 || first >= total {
        RangeRequest::Unsatisfiable
    } else {
        RangeRequest::Satisfiable(first, last)
    }
}

/// Export jobs, by id.
#[derive(Default)]
pub(crate) struct Jobs(Mutex<HashMap<u64, Job>>);

#[derive(Clone, Serialize)]
struct Job {
    id: u64,
    item_id: i64,
    status: &'static str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewJob {
    item_id: i64,
}

impl Jobs {
    fn set(&self, job: Job) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(job.id, job);
    }

    fn get(&self, id: u64) -> Option<Job> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&id)
            .cloned()
    }
}

/// Accepts work that finishes later: 202 with where to look.
async fn create_job(State(state): Shared, AppJson(new): AppJson<NewJob>) -> ApiResult {
    state.store.get(new.item_id)?;
    let id = state.next_job.fetch_add(1, Ordering::Relaxed);
    let job = Job {
        id,
        item_id: new.item_id,
        status: "queued",
    };
    state.jobs.set(job.clone());
    let worker_state = state.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        worker_state.jobs.set(Job {
            status: "done",
            ..job
        });
    });
    let location = format!("/jobs/{id}");
    let body = Json(json!({ "id": id, "item_id": new.item_id, "status": "queued" }));
    Ok((
        http::StatusCode::from(StatusCode::Accepted),
        [(header::LOCATION, location)],
        body,
    )
        .into_response())
}

async fn get_job(State(state): Shared, JobId(id): JobId) -> ApiResult {
    let job = state.jobs.get(id).ok_or(DemoError::JobNotFound(id))?;
    Ok(Json(job).into_response())
}

/// The caller's role from `Authorization: Bearer <token>`.
fn role(headers: &HeaderMap) -> Result<&'static str, DemoError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .ok_or(DemoError::Unauthenticated)?;
    match token.trim() {
        "admin-token" => Ok("admin"),
        "user-token" => Ok("user"),
        _ => Err(DemoError::Unauthenticated),
    }
}

fn require_admin(headers: &HeaderMap, action: &'static str) -> Result<(), DemoError> {
    match role(headers)? {
        "admin" => Ok(()),
        role => Err(DemoError::Forbidden { role, action }),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MaintenanceSwitch {
    enabled: bool,
}

async fn set_maintenance(State(state): Shared, headers: HeaderMap, request: Request) -> ApiResult {
    // Credentials first: an anonymous client gets a 401, not a description of the body.
    require_admin(&headers, "switch maintenance mode")?;
    let AppJson(switch) = AppJson::<MaintenanceSwitch>::from_request(request, &()).await?;
    state.maintenance.store(switch.enabled, Ordering::Relaxed);
    Ok(Json(json!({ "maintenance": switch.enabled })).into_response())
}

async fn stats(State(state): Shared, headers: HeaderMap) -> ApiResult {
    require_admin(&headers, "read statistics")?;
    let items = state.store.count()?;
    Ok(
        Json(json!({ "items": items, "maintenance": state.maintenance.load(Ordering::Relaxed) }))
            .into_response(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_byte_ranges() {
        assert!(matches!(
            parse_byte_range("bytes=0-9", 100),
            RangeRequest::Satisfiable(0, 9)
        ));
        assert!(matches!(
            parse_byte_range("bytes=90-", 100),
            RangeRequest::Satisfiable(90, 99)
        ));
        assert!(matches!(
            parse_byte_range("bytes=-10", 100),
            RangeRequest::Satisfiable(90, 99)
        ));
        assert!(matches!(
            parse_byte_range("bytes=50-500", 100),
            RangeRequest::Satisfiable(50, 99)
        ));
        assert!(matches!(
            parse_byte_range("bytes=100-", 100),
            RangeRequest::Unsatisfiable
        ));
        assert!(matches!(
            parse_byte_range("bytes=-0", 100),
            RangeRequest::Unsatisfiable
        ));
        assert!(matches!(
            parse_byte_range("bytes=0-1,5-6", 100),
            RangeRequest::Ignored
        ));
        assert!(matches!(
            parse_byte_range("items=0-1", 100),
            RangeRequest::Ignored
        ));
        assert!(matches!(
            parse_byte_range("bytes=9-1", 100),
            RangeRequest::Ignored
        ));
    }
}
