//! The demo's [`DemoError`] and [`Store`] served by actix-web 4.
//!
//! The same `#[derive(HttpError)]` enum that gives the axum demo its
//! `IntoResponse` gives actix-web its `ResponseError` (feature `actix-web` of
//! `status-core`), so a handler returns `Result<HttpResponse, DemoError>` and
//! every error is the same `application/problem+json` as in the axum demo.
//!
//! `examples/actix.rs` runs it; the end-to-end tests start it on an ephemeral
//! port with [`server`] and stop it through its [`ServerHandle`](actix_web::dev::ServerHandle).

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::error::{JsonPayloadError, PayloadError};
use actix_web::http::header;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use serde_json::json;
use status_core::StatusCode;

use crate::demo::BODY_LIMIT;
use crate::error::DemoError;
use crate::store::{NewItem, Store};

type ApiResult = Result<HttpResponse, DemoError>;

/// Registers the routes, the JSON extractor's error mapping and the 404
/// fallback on an actix `App`, which must carry the store as
/// `web::Data<Store>` (see [`app_data`]).
///
/// | route | answers |
/// |---|---|
/// | `GET /health` | 200 `{"status":"ok"}` |
/// | `POST /items` | 201 with `Location` and `ETag`; 400, 409, 413, 415, 422 problems |
/// | `GET /items/{id}` | 200 with `ETag`; 400 or 404 problem |
/// | `GET /items/{id}/attachments` | 500 problem whose detail hides the SQLite error |
/// | `GET /teapot` | 418 problem |
/// | a known path with another method | 405 problem with `Allow` |
/// | any other path | 404 problem `route_not_found` |
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(json_config())
        .service(
            web::resource("/health")
                .route(web::get().to(health))
                .default_service(method_not_allowed("GET")),
        )
        .service(
            web::resource("/items")
                .route(web::post().to(create_item))
                .default_service(method_not_allowed("POST")),
        )
        .service(
            web::resource("/items/{id}")
                .route(web::get().to(get_item))
                .default_service(method_not_allowed("GET")),
        )
        .service(
            web::resource("/items/{id}/attachments")
                .route(web::get().to(attachments))
                .default_service(method_not_allowed("GET")),
        )
        .service(
            web::resource("/teapot")
                .route(web::get().to(teapot))
                .default_service(method_not_allowed("GET")),
        )
        .default_service(web::to(route_not_found));
}

/// The shared state [`configure`] expects, from the store.
pub fn app_data(store: Arc<Store>) -> web::Data<Store> {
    web::Data::from(store)
}

/// An actix server answering on `listener` with [`configure`]d routes.
///
/// The returned [`Server`] is a future that runs until stopped: await it on an
/// actix (or any tokio) runtime, and stop it with `server.handle().stop(true)`
/// (graceful) or Ctrl-C, which actix watches by default.
///
/// # Errors
///
/// When the listener cannot be handed to actix.
pub fn server(listener: TcpListener, store: Arc<Store>, workers: usize) -> std::io::Result<Server> {
    let data = app_data(store);
    let server = HttpServer::new(move || App::new().app_data(data.clone()).configure(configure))
        .workers(workers.max(1))
        .shutdown_timeout(5)
        .listen(listener)?
        .run();
    Ok(server)
}

/// JSON bodies: at most [`BODY_LIMIT`] bytes, and every rejection a [`DemoError`],
/// as the axum demo's extractor does.
fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(BODY_LIMIT)
        .error_handler(|error, _request| json_rejection(error).into())
}

fn json_rejection(error: JsonPayloadError) -> DemoError {
    match error {
        JsonPayloadError::ContentType => DemoError::UnsupportedMediaType,
        JsonPayloadError::OverflowKnownLength { .. }
        | JsonPayloadError::Overflow { .. }
        | JsonPayloadError::Payload(PayloadError::Overflow) => {
            DemoError::BodyTooLarge { limit: BODY_LIMIT }
        }
        // Well-formed JSON of the wrong shape: a missing field, a wrong type.
        JsonPayloadError::Deserialize(error) if error.is_data() => {
            DemoError::Validation(error.to_string())
        }
        JsonPayloadError::Deserialize(error) => DemoError::MalformedJson(error.to_string()),
        other => DemoError::MalformedJson(other.to_string()),
    }
}

/// A 405 problem naming the methods the resource answers.
fn method_not_allowed(allow: &'static str) -> actix_web::Route {
    web::to(move |request: HttpRequest| async move {
        Err::<HttpResponse, _>(DemoError::MethodNotAllowed {
            method: request.method().to_string(),
            allow: allow.to_owned(),
        })
    })
}

async fn route_not_found(request: HttpRequest) -> ApiResult {
    Err(DemoError::RouteNotFound(request.path().to_owned()))
}

/// An item id from the path: a whole number.
fn item_id(text: &str) -> Result<i64, DemoError> {
    text.parse()
        .map_err(|_| DemoError::BadParameter(format!("item id {text:?} is not a whole number")))
}

async fn health() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}

/// The body is read as any JSON value first, so its syntax is checked whole
/// (400) before its shape (422): read straight into `NewItem`, serde would
/// stop at the first member that does not fit, and a truncated
/// `{"nam":"lamp"` would be a 422 although it is not JSON at all.
async fn create_item(store: web::Data<Store>, body: web::Json<serde_json::Value>) -> ApiResult {
    let new: NewItem = serde_json::from_value(body.into_inner())
        .map_err(|error| DemoError::Validation(error.to_string()))?;
    let item = store.create(&new.validate()?)?;
    Ok(HttpResponse::build(StatusCode::Created.into())
        .insert_header((header::LOCATION, format!("/items/{}", item.id)))
        .insert_header((header::ETAG, item.etag()))
        .json(item))
}

async fn get_item(store: web::Data<Store>, id: web::Path<String>) -> ApiResult {
    let item = store.get(item_id(&id)?)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, item.etag()))
        .json(item))
}

async fn attachments(store: web::Data<Store>, id: web::Path<String>) -> ApiResult {
    let id = item_id(&id)?;
    store.get(id)?;
    Ok(HttpResponse::Ok().json(store.attachments(id)?))
}

async fn teapot() -> ApiResult {
    Err(DemoError::Teapot)
}
