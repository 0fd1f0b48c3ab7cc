//! The demo API: a small item service on axum whose every error is one
//! `#[derive(HttpError)]` enum, [`DemoError`].
//!
//! `examples/demo.rs` runs it; the end-to-end tests start it on an ephemeral
//! port with [`serve`], which also bounds slow clients (header and body
//! timeouts, a connection cap). The order in which a request's checks run,
//! and why (no rate limit or maintenance for a request no route takes), is
//! on [`app`].

mod codes;
mod docs;
mod limiter;
mod routes;
mod server;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::Method;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use status_core::axum::ProblemLayer;
use tokio::net::TcpListener;
use tower::{Layer as _, Service};

pub use docs::{catalog_page, documented_codes, openapi};
pub use limiter::RateLimit;
pub use server::{Limits, serve_with};

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
    /// Default 30 s.
    pub body_timeout: Duration,
    /// How long it may take to send a request's head, and how many
    /// connections are served at once (see [`serve`]).
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database: ":memory:".to_owned(),
            rate_limit: RateLimit::default(),
            log_requests: true,
            body_timeout: Duration::from_secs(30),
            limits: Limits::default(),
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
    limits: Limits,
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
        limits: config.limits,
    }))
}

/// The whole application: the routes and their middleware, inside
/// status-core's [`ProblemLayer`], which makes every error the framework
/// answers on its own a problem (the router's 404 and 405 included, so it
/// wraps the whole router), catches panics and times out stalled bodies;
/// the request log is outermost, so it logs what the client received.
///
/// # The order of the checks
///
/// A request meets them from the outside in, and the first that fails answers:
///
/// | order | check | answer | why here |
/// |---|---|---|---|
/// | 1 | request log | | outermost, so it logs what the client received |
/// | 2 | [`ProblemLayer`] | problems, 500 for a panic, 408 for a stalled body | wraps everything, so every error below is a problem |
/// | 3 | method known to the server | 501 | RFC 9110 Section 15.6.2: a method the server does not recognise for any resource, whatever the path |
/// | 4 | router: path, then method | 404, 405 with `Allow` | a request that matches no route cannot change anything, so it spends no rate-limit token and learns the truth even in maintenance |
/// | 5 | maintenance switch | 503 with `Retry-After` | before the limiter, so a refused write costs no token |
/// | 6 | rate limit on changes | 429 with `Retry-After` | only for a route and method that exist |
/// | 7 | the handler's extractors | 401, 403, 406, 413, 415, 400, 422 | credentials before the body (see `set_maintenance`) |
///
/// Steps 5 and 6 wrap each route's methods ([`MethodRouter::route_layer`],
/// in `guarded`), so they run only once a route and one of its methods
/// matched. `Router::route_layer` would not do: it wraps a route's 405 too.
pub fn app(
    state: Arc<AppState>,
) -> impl Service<Request, Response = Response, Error = Infallible, Future: Send + 'static>
+ Clone
+ Send
+ Sync
+ 'static {
    let router = routes::routes(&state)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state.clone());
    let known = middleware::from_fn(known_method).layer(router);
    let problems = ProblemLayer::new()
        .body_timeout(state.body_timeout)
        .layer(known);
    middleware::from_fn_with_state(state, log_request).layer(problems)
}

/// Serves the demo on `listener` until `shutdown` completes, then finishes
/// the requests in flight.
///
/// A slow or stalled client is bounded three ways, each configurable in
/// [`Config`]:
///
/// | limit | default | a client over it |
/// |---|---|---|
/// | [`Limits::header_timeout`] | 10 s | connection closed (no request yet to answer) |
/// | [`Config::body_timeout`] | 30 s | 408 `body_timeout` problem, `Connection: close` |
/// | [`Limits::max_connections`] | 1024 | waits in the listen backlog until a connection ends |
///
/// # Errors
///
/// An I/O error from the listener.
pub async fn serve(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.limits;
    serve_with(listener, app(state), limits, shutdown).await
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

/// `methods` behind the maintenance switch, then the rate limit: both run
/// only for a method the route implements, never for the 405 of one it
/// does not.
fn guarded(
    state: &Arc<AppState>,
    methods: MethodRouter<Arc<AppState>>,
) -> MethodRouter<Arc<AppState>> {
    methods
        .route_layer(middleware::from_fn_with_state(state.clone(), rate_limit))
        .route_layer(middleware::from_fn_with_state(state.clone(), maintenance))
}

/// A method this server does not know at all (`BREW`, `PROPFIND`) is a 501
/// on any path (RFC 9110 Section 15.6.2); a known one that a route lacks is
/// the router's 405. Known: RFC 9110's, `PATCH` (RFC 5789) and `QUERY`
/// (the IETF's safe method with content), which clients and tools such as
/// Schemathesis send expecting a 405 where a route does not take it.
async fn known_method(request: Request, next: Next) -> Response {
    let known = matches!(
        *request.method(),
        Method::GET
            | Method::HEAD
            | Method::POST
            | Method::PUT
            | Method::DELETE
            | Method::CONNECT
            | Method::OPTIONS
            | Method::TRACE
            | Method::PATCH
    ) || request.method().as_str() == "QUERY";
    if !known {
        return DemoError::NotImplemented(request.method().to_string()).into_response();
    }
    next.run(request).await
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
