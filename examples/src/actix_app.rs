//! The demo's [`DemoError`] and [`Store`] served by actix-web 4.
//!
//! The same `#[derive(HttpError)]` enum that gives the axum demo its
//! `IntoResponse` gives actix-web its `ResponseError` (feature `actix-web` of
//! `status-core`), so a handler returns `Result<HttpResponse, DemoError>` and
//! every error is the same `application/problem+json` as in the axum demo.
//! What actix answers on its own (an unknown route, a wrong method, a body
//! that is not JSON or over the limit, a panic) is made a problem by
//! status-core's [`Problems`] middleware and extractors.
//!
//! `examples/actix.rs` runs it; the end-to-end tests start it on an ephemeral
//! port with [`server`] and stop it through its [`ServerHandle`](actix_web::dev::ServerHandle).

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::{App, HttpResponse, HttpServer, web};
use serde_json::json;
use status_core::StatusCode;
use status_core::actix_web::{Json, Path, Problems};

use crate::demo::{BODY_LIMIT, Limits};
use crate::error::DemoError;
use crate::store::{NewItem, Store};

type ApiResult = Result<HttpResponse, DemoError>;

/// Registers the routes on an actix `App`, which must carry the store as
/// `web::Data<Store>` (see [`app_data`]) and be wrapped in status-core's
/// [`Problems`] middleware (see [`server`]) for actix's own errors to be
/// problems.
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
    // `web::resource`, not `ServiceConfig::route`: a resource answers a
    // method it has no route for with 405 and `Allow`; `route` would be 404.
    cfg.app_data(web::PayloadConfig::new(BODY_LIMIT))
        .service(web::resource("/health").route(web::get().to(health)))
        .service(web::resource("/items").route(web::post().to(create_item)))
        .service(web::resource("/items/{id}").route(web::get().to(get_item)))
        .service(web::resource("/items/{id}/attachments").route(web::get().to(attachments)))
        .service(web::resource("/teapot").route(web::get().to(teapot)));
}

/// The shared state [`configure`] expects, from the store.
pub fn app_data(store: Arc<Store>) -> web::Data<Store> {
    web::Data::from(store)
}

/// An actix server answering on `listener` with [`configure`]d routes,
/// within the default [`Limits`] (see [`server_with`]).
///
/// The returned [`Server`] is a future that runs until stopped: await it on an
/// actix (or any tokio) runtime, and stop it with `server.handle().stop(true)`
/// (graceful) or Ctrl-C, which actix watches by default.
///
/// # Errors
///
/// When the listener cannot be handed to actix.
pub fn server(listener: TcpListener, store: Arc<Store>, workers: usize) -> std::io::Result<Server> {
    server_with(
        listener,
        store,
        workers,
        Limits::default(),
        crate::demo::Config::default().body_timeout,
    )
}

/// [`server`] with its own limits on slow clients, the same as the axum
/// demo's and with the same defaults:
///
/// | limit | actix setting | a client over it |
/// |---|---|---|
/// | [`Limits::header_timeout`] (10 s) | `client_request_timeout` | 408 and the connection closed |
/// | `body_timeout` (30 s) | status-core's [`Problems`] | 408 `body_timeout` problem, `Connection: close` |
/// | [`Limits::max_connections`] (1024) | `max_connections`, **per worker** | waits in the listen backlog |
///
/// # Errors
///
/// When the listener cannot be handed to actix.
pub fn server_with(
    listener: TcpListener,
    store: Arc<Store>,
    workers: usize,
    limits: Limits,
    body_timeout: Duration,
) -> std::io::Result<Server> {
    let data = app_data(store);
    let server = HttpServer::new(move || {
        App::new()
            .wrap(Problems::new().body_timeout(body_timeout))
            .app_data(data.clone())
            .configure(configure)
    })
    .workers(workers.max(1))
    .client_request_timeout(limits.header_timeout)
    .max_connections(limits.max_connections.max(1))
    .shutdown_timeout(5)
    .listen(listener)?
    .run();
    Ok(server)
}

async fn health() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}

async fn create_item(store: web::Data<Store>, Json(new): Json<NewItem>) -> ApiResult {
    let item = store.create(&new.validate()?)?;
    Ok(HttpResponse::build(StatusCode::Created.into())
        .insert_header((header::LOCATION, format!("/items/{}", item.id)))
        .insert_header((header::ETAG, item.etag()))
        .json(item))
}

async fn get_item(store: web::Data<Store>, Path(id): Path<i64>) -> ApiResult {
    let item = store.get(id)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, item.etag()))
        .json(item))
}

async fn attachments(store: web::Data<Store>, Path(id): Path<i64>) -> ApiResult {
    store.get(id)?;
    Ok(HttpResponse::Ok().json(store.attachments(id)?))
}

async fn teapot() -> ApiResult {
    Err(DemoError::Teapot)
}
