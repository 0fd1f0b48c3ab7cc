//! The demo API: a small item service on axum whose every error is one
//! `#[derive(HttpError)]` enum, [`DemoError`].
//!
//! `examples/demo.rs` runs it; the end-to-end tests start it on an ephemeral
//! port with [`serve`].

mod codes;
mod docs;
mod extract;
mod limiter;
mod routes;

use std::any::Any;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;

pub use docs::{catalog_page, openapi};
pub use limiter::RateLimit;

use crate::error::DemoError;
use crate::store::Store;

/// The largest request body accepted, in bytes.
pub const BODY_LIMIT: usize = 64 * 1024;

/// How the demo is set up.
#[derive(Clone, Debug)]
pub struct Config {
    /// The SQLite database: a file path, or `:memory:`.
    pub database: String,
    /// The rate limit on requests that change something.
    pub rate_limit: RateLimit,
    /// Log each request to standard output.
    pub log_requests: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database: ":memory:".to_owned(),
            rate_limit: RateLimit::default(),
            log_requests: true,
        }
    }
}

/// What every handler shares.
pub struct AppState {
    pub(crate) store: Store,
    pub(crate) limiter: limiter::Limiter,
    pub(crate) maintenance: AtomicBool,
    pub(crate) jobs: routes::Jobs,
    pub(crate) next_job: AtomicU64,
    log_requests: bool,
}

/// The state of a fresh demo.
///
/// # Errors
///
/// When the database cannot be opened.
pub fn state(config: &Config) -> Result<Arc<AppState>, rusqlite::Error> {
    Ok(Arc::new(AppState {
        store: Store::open(&config.database)?,
        limiter: limiter::Limiter::new(config.rate_limit),
        maintenance: AtomicBool::new(false),
        jobs: routes::Jobs::default(),
        next_job: AtomicU64::new(1),
        log_requests: config.log_requests,
    }))
}

/// The whole application: routes, then the layers every request passes.
pub fn app(state: Arc<AppState>) -> Router {
    let routes = routes::routes()
        .layer(middleware::from_fn_with_state(state.clone(), rate_limit))
        .layer(middleware::from_fn_with_state(state.clone(), maintenance))
        .with_state(state.clone());
    // axum adds `Allow` to a 405 outside the route's own layers, so the rewrite
    // into problem+json must wrap the whole routed service to see it.
    Router::new()
        .fallback_service(routes)
        .layer(middleware::from_fn(method_not_allowed_as_problem))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // Inside the request log, so a panic is logged as the 500 it became.
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn_with_state(state, log_request))
}

/// Serves the demo on `listener` until `shutdown` completes, then finishes
/// the requests in flight.
///
/// # Errors
///
/// An I/O error from the listener.
pub async fn serve(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let service = app(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Logs method, path, status and latency of every request.
async fn log_request(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if state.log_requests {
        let millis = started.elapsed().as_secs_f64() * 1000.0;
        println!(
            "{method:<7} {path:<28} {} {:>7.2} ms",
            response.status().as_u16(),
            millis
        );
    }
    response
}

/// A panic in a handler or middleware answers like every other error: the
/// masked 500 problem of [`DemoError::Panicked`], not a dropped connection.
/// The derive logs the panic message at ERROR (feature `tracing`); the client
/// sees only the reason phrase.
fn panic_response(payload: Box<dyn Any + Send + 'static>) -> Response {
    // `panic!("literal")` carries a `&str`, `panic!("{x}")` a `String`.
    let message = match payload.downcast::<String>() {
        Ok(text) => *text,
        Err(payload) => payload.downcast_ref::<&'static str>().map_or_else(
            || "a panic whose payload is not text".to_owned(),
            |text| (*text).to_owned(),
        ),
    };
    DemoError::Panicked(message).into_response()
}

/// While the maintenance switch is on, everything but `/health` and
/// `/admin/*` answers 503 with `Retry-After`.
async fn maintenance(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let exempt = path == "/health" || path.starts_with("/admin/");
    if state.maintenance.load(Ordering::Relaxed) && !exempt {
        return DemoError::Maintenance.into_response();
    }
    next.run(request).await
}

/// Requests that change something spend a token of their client's bucket.
async fn rate_limit(
    State(state): State<Arc<AppState>>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let changes_something = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if changes_something && let Err(wait) = state.limiter.check(client.ip()) {
        let retry_after = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        return DemoError::RateLimited { retry_after }.into_response();
    }
    next.run(request).await
}

/// axum answers a wrong method with a bare 405 carrying `Allow`; this turns
/// it into the problem+json every other error is.
async fn method_not_allowed_as_problem(request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    let response = next.run(request).await;
    if response.status() != axum::http::StatusCode::METHOD_NOT_ALLOWED {
        return response;
    }
    let is_problem = response.headers().get(header::CONTENT_TYPE)
        == Some(&HeaderValue::from_static(status_core::PROBLEM_JSON));
    if is_problem {
        return response;
    }
    let allow = response
        .headers()
        .get(header::ALLOW)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    DemoError::MethodNotAllowed { method, allow }.into_response()
}
