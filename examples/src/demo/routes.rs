//! The routes: each status comes from a real situation, every error from [`DemoError`].

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::extract::{FromRequest as _, Request, State};
use axum::http::{self, HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post, put};
use headers::authorization::Bearer;
use headers::{Authorization, ETag, HeaderMapExt as _, IfMatch, IfNoneMatch};
use headers_accept::Accept;
use http_range_header::RangeUnsatisfiableError;
use mediatype::MediaType;
use serde::{Deserialize, Serialize};
use serde_json::json;
use status_core::axum::{Json, Path, Query};
use status_core::{Redirection, StatusCode, codes};

use super::AppState;
use crate::error::DemoError;
use crate::store::{Item, NewItem, Precondition};

type Shared = State<Arc<AppState>>;
type ApiResult = Result<Response, DemoError>;

const JSON: &str = "application/json";
const CSV: &str = "text/csv";

pub(super) fn routes(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    // Maintenance and the rate limit wrap each route's implemented methods
    // only, so that the router's 404 and 405 never pass them.
    let guard = |methods: MethodRouter<Arc<AppState>>| super::guarded(state, methods);
    Router::new()
        .route("/health", guard(get(health)))
        .route("/items", guard(get(list_items).post(create_item)))
        .route("/items/export", guard(get(export_items)))
        .route(
            "/items/{id}",
            guard(get(get_item).put(update_item).delete(delete_item)),
        )
        .route("/items/{id}/attachments", guard(get(attachments)))
        .route("/jobs", guard(post(create_job)))
        .route("/jobs/{id}", guard(get(get_job)))
        .route("/admin/maintenance", guard(put(set_maintenance)))
        .route("/admin/stats", guard(get(stats)))
        .route(
            "/old-items",
            guard(get(|| async {
                redirect(codes::MovedPermanently, "/items")
            })),
        )
        .route(
            "/temp-items",
            guard(get(|| async { redirect(codes::Found, "/items") })),
        )
        .route(
            "/submit-form",
            guard(post(|| async { redirect(codes::SeeOther, "/items") })),
        )
        .route(
            "/upload",
            guard(post(|| async {
                redirect(codes::TemporaryRedirect, "/items")
            })),
        )
        .route(
            "/catalog",
            guard(get(|| async {
                redirect(codes::PermanentRedirect, "/items")
            })),
        )
        // The methods the document lists, each a 410; any other is a 405
        // with `Allow`. It changes nothing, so it needs no guard.
        .route("/v1/items", {
            let retired = || async { DemoError::Retired("/v1/items") };
            get(retired)
                .post(retired)
                .put(retired)
                .delete(retired)
                .patch(retired)
                .options(retired)
                .trace(retired)
        })
        .route("/teapot", guard(get(|| async { DemoError::Teapot })))
        .route("/openapi.json", guard(get(super::docs::openapi_json)))
        .route("/errors", guard(get(super::docs::error_catalog)))
        .merge(super::codes::routes(&guard))
        .route("/debug/panic", guard(get(debug_panic)))
}

/// Only redirect types compile here: `redirect(codes::NotFound, ..)` does not.
fn redirect<S: Redirection>(_status: S, location: &'static str) -> Response {
    (
        http::StatusCode::from(S::STATUS),
        [(header::LOCATION, location)],
    )
        .into_response()
}

/// `no-store`: a health answer is true only for the moment it is sent.
async fn health() -> Response {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(json!({ "status": "ok" })),
    )
        .into_response()
}

/// What a response with an `ETag` says to caches: keep it, but ask first
/// (RFC 9111 Section 5.2.2.4), which `If-None-Match` makes cheap.
const REVALIDATE: (header::HeaderName, &str) = (header::CACHE_CONTROL, "no-cache");

/// Panics on purpose, to show what a bug in a handler looks like from outside:
/// a masked 500 problem (status-core's `ProblemLayer` catches it), and the
/// server goes on answering.
async fn debug_panic() -> Response {
    panic!("deliberate panic in GET /debug/panic, a demonstration route");
}

/// `Accept` must allow what the route produces (RFC 9110 Section 12.5.1);
/// an `Accept` that does not parse is ignored, as the RFC lets a server do.
fn require_acceptable(headers: &HeaderMap, produces: &'static str) -> Result<(), DemoError> {
    let Some(accept) = headers.typed_get::<Accept>() else {
        return Ok(());
    };
    let acceptable = MediaType::parse(produces)
        .is_ok_and(|media_type| accept.negotiate([&media_type]).is_some());
    if acceptable {
        return Ok(());
    }
    let sent = headers
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    Err(DemoError::NotAcceptable(sent.to_owned(), produces))
}

#[derive(Serialize)]
#[allow(clippy::struct_field_names)] // the JSON member names are the API
struct Page {
    items: Vec<Item>,
    page: u32,
    per_page: u32,
    total: u64,
}

/// The paging parameters of `GET /items`; any other parameter is a 400.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Paging {
    page: Option<u32>,
    per_page: Option<u32>,
}

/// `value`, or `default`, if within `range`.
fn in_range(
    name: &str,
    value: Option<u32>,
    default: u32,
    range: std::ops::RangeInclusive<u32>,
) -> Result<u32, DemoError> {
    let value = value.unwrap_or(default);
    if range.contains(&value) {
        Ok(value)
    } else {
        Err(DemoError::BadParameter(format!(
            "`{name}` must be a whole number from {} to {}, not {value}",
            range.start(),
            range.end()
        )))
    }
}

async fn list_items(
    State(state): Shared,
    headers: HeaderMap,
    Query(paging): Query<Paging>,
) -> ApiResult {
    require_acceptable(&headers, JSON)?;
    let page = in_range("page", paging.page, 1, 1..=1_000_000)?;
    let per_page = in_range("per_page", paging.per_page, 10, 1..=100)?;
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

async fn create_item(State(state): Shared, Json(new): Json<NewItem>) -> ApiResult {
    let item = state.store.create(&new.validate()?)?;
    let location = format!("/items/{}", item.id);
    Ok((
        http::StatusCode::from(StatusCode::Created),
        [
            (header::LOCATION, location),
            (header::ETAG, item.etag()),
            (REVALIDATE.0, REVALIDATE.1.to_owned()),
        ],
        Json(item),
    )
        .into_response())
}

/// An item's ETag as `headers` reads it; the store writes valid ones.
fn etag_of(item: &Item) -> Option<ETag> {
    item.etag().parse().ok()
}

async fn get_item(State(state): Shared, Path(id): Path<i64>, headers: HeaderMap) -> ApiResult {
    require_acceptable(&headers, JSON)?;
    let item = state.store.get(id)?;
    let etag = item.etag();
    // Weak comparison, as RFC 9110 Section 13.1.2 asks of If-None-Match.
    let unchanged = match (headers.typed_get::<IfNoneMatch>(), etag_of(&item)) {
        (Some(if_none_match), Some(current)) => !if_none_match.precondition_passes(&current),
        _ => false,
    };
    if unchanged {
        let not_modified = http::StatusCode::from(StatusCode::NotModified);
        return Ok((not_modified, [(header::ETAG, etag)], [REVALIDATE]).into_response());
    }
    Ok(([(header::ETAG, etag)], [REVALIDATE], Json(item)).into_response())
}

async fn update_item(
    State(state): Shared,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Json(new): Json<NewItem>,
) -> ApiResult {
    let if_match = match headers.get(header::IF_MATCH) {
        Some(value) => {
            let given = value.to_str().map_err(|_| {
                DemoError::BadParameter("If-Match must be visible ASCII".to_owned())
            })?;
            let parsed = headers.typed_get::<IfMatch>().ok_or_else(|| {
                DemoError::BadParameter(format!("If-Match {given:?} is not a list of ETags"))
            })?;
            Some((given, parsed))
        }
        None => None,
    };
    // Strong comparison, as RFC 9110 Section 13.1.1 asks of If-Match.
    let matches = |current: &str| {
        current.parse::<ETag>().is_ok_and(|current| {
            if_match
                .as_ref()
                .is_some_and(|(_, parsed)| parsed.precondition_passes(&current))
        })
    };
    let precondition = if_match.as_ref().map(|(given, _)| Precondition {
        given,
        matches: &matches,
    });
    let item = state
        .store
        .update(id, &new.validate()?, precondition.as_ref())?;
    Ok(([(header::ETAG, item.etag())], [REVALIDATE], Json(item)).into_response())
}

async fn delete_item(State(state): Shared, Path(id): Path<i64>) -> ApiResult {
    state.store.delete(id)?;
    Ok(StatusCode::NoContent.into_response())
}

async fn attachments(State(state): Shared, Path(id): Path<i64>) -> ApiResult {
    state.store.get(id)?;
    Ok(Json(state.store.attachments(id)?).into_response())
}

/// The items as CSV, with single byte ranges (RFC 9110 Section 14): the
/// `Range` header is read by `http-range-header`, the parser tower-http's
/// file server uses.
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
    let whole = |csv: String| {
        (
            [
                (header::CONTENT_TYPE, CSV),
                (header::ACCEPT_RANGES, "bytes"),
            ],
            csv,
        )
            .into_response()
    };
    let total = csv.len();
    let Some(range) = headers
        .get(header::RANGE)
        .and_then(|value| value.to_str().ok())
    else {
        return Ok(whole(csv));
    };
    let validated = http_range_header::parse_range_header(range)
        .and_then(|ranges| ranges.validate(u64::try_from(total).unwrap_or(u64::MAX)));
    match validated.as_deref() {
        // One satisfiable range: 206 with exactly those bytes.
        Ok([single]) => {
            let (first, last) = (*single.start(), *single.end());
            let body = usize::try_from(first)
                .ok()
                .zip(usize::try_from(last).ok())
                .and_then(|(first, last)| csv.as_bytes().get(first..=last))
                .unwrap_or_default()
                .to_vec();
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
        Err(RangeUnsatisfiableError::Unsatisfiable) => Err(DemoError::RangeNotSatisfiable {
            range: range.to_owned(),
            total,
            unsatisfied: format!("bytes */{total}"),
        }),
        // Several ranges, or a Range the server does not understand: ignored,
        // as RFC 9110 Section 14.2 allows.
        _ => Ok(whole(csv)),
    }
}

/// One CSV cell (RFC 4180), safe to open in a spreadsheet: a cell that
/// starts with `=`, `+`, `-`, `@`, tab or CR would run as a formula there,
/// so, as OWASP's CSV injection guidance says, it gets a leading `'` (which
/// makes it text) and quotes.
fn csv_field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula {
        format!("\"'{}\"", text.replace('"', "\"\""))
    } else if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
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
    #[serde(deserialize_with = "whole_number")]
    item_id: i64,
}

/// An `i64` from any JSON number without a fraction: JSON Schema's
/// `integer`, which the document promises, includes `7.0`.
fn whole_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    struct WholeNumber;
    impl serde::de::Visitor<'_> for WholeNumber {
        type Value = i64;
        fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            formatter.write_str("a whole number from -2^63 to 2^63-1")
        }
        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<i64, E> {
            Ok(value)
        }
        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<i64, E> {
            i64::try_from(value)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(value), &self))
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)] // checked: whole and in range
        fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<i64, E> {
            let in_range = value >= i64::MIN as f64 && value < i64::MAX as f64;
            if value.fract() == 0.0 && in_range {
                Ok(value as i64)
            } else {
                Err(E::invalid_value(serde::de::Unexpected::Float(value), &self))
            }
        }
    }
    deserializer.deserialize_any(WholeNumber)
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
async fn create_job(State(state): Shared, Json(new): Json<NewJob>) -> ApiResult {
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

async fn get_job(State(state): Shared, Path(id): Path<u64>) -> ApiResult {
    let job = state.jobs.get(id).ok_or(DemoError::JobNotFound(id))?;
    Ok(Json(job).into_response())
}

/// The caller's role from `Authorization: Bearer <token>`.
fn role(headers: &HeaderMap) -> Result<&'static str, DemoError> {
    let authorization = headers
        .typed_get::<Authorization<Bearer>>()
        .ok_or(DemoError::Unauthenticated)?;
    match authorization.token() {
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
    let Json(switch) = Json::<MaintenanceSwitch>::from_request(request, &()).await?;
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
