//! The demo API: a small item service on axum whose every error is one
//! `#[derive(HttpError)]` enum, [`DemoError`].
//!
//! `examples/demo.rs` runs it; the end-to-end tests start it on an ephemeral
//! port with [`serve`].

mod codes;
mod docs;
mod limiter;
mod routes;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::ServiceExt as _;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::Method;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use status_core::axum::ProblemLayer;
use tokio::net::TcpListener;
use tower::{Layer as _, Service};

pub use docs::{catalog_page, documented_codes, openapi};
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
    /// How long a client may take to send a request body: 408 after that.
    pub body_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database: ":memory:".to_owned(),
            rate_limit: RateLimit::default(),
            log_requests: true,
            body_timeout: Duration::from_secs(30),
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
    body_timeout: Duration,
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
        body_timeout: config.body_timeout,
    }))
}

/// The whole application: the routes and their middleware, inside
/// status-core's [`ProblemLayer`], which makes every error the framework
/// answers on its own a problem (the router's 404 and 405 included, so it
/// wraps the whole router), catches panics and times out stalled bodies;
/// the request log is outermost, so it logs what the client received.
pub fn app(
    state: Arc<AppState>,
) -> impl Service<Request, Response = Response, Error = Infallible, Future: Send + 'static>
+ Clone
+ Send
+ Sync
+ 'static {
    let router = routes::routes()
        .layer(middleware::from_fn_with_state(state.clone(), rate_limit))
        .layer(middleware::from_fn_with_state(state.clone(), maintenance))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state.clone());
    let problems = ProblemLayer::new()
        .body_timeout(state.body_timeout)
        .layer(router);
    middleware::from_fn_with_state(state, log_request).layer(problems)
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
