//! The demo's HTTP/1.1 server: hyper's connection builder, with the limits
//! that `axum::serve` does not expose.
//!
//! `axum::serve` sets no timer on hyper's builder, so hyper's header-read
//! timeout never fires, and it accepts every connection the kernel hands it.
//! A client that dribbles its headers a byte at a time, or opens thousands
//! of connections and sends nothing, would hold a task and a socket each for
//! as long as it likes. This loop is `axum::serve`'s, plus:
//!
//! - [`Limits::header_timeout`]: hyper's `header_read_timeout`, with tokio's
//!   timer: a connection whose request head has not fully arrived in time is
//!   closed (hyper sends nothing; there is no request to answer yet);
//! - [`Limits::max_connections`]: a semaphore taken *before* `accept`, so
//!   that connections over the cap wait in the kernel's listen backlog
//!   instead of costing a task, and are served as soon as a slot frees.
//!
//! The body timeout is not here: it is status-core's
//! [`ProblemLayer`](status_core::axum::ProblemLayer), which can answer it
//! with a 408 problem, since by then there is a request.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::response::Response;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::{Service, ServiceExt as _};

/// What one client may hold of the server: the connection-level limits.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// How long a client may take to send a request's head (request line
    /// and headers), from the moment the server starts reading it; the
    /// connection is closed after that. Default 10 s.
    pub header_timeout: Duration,
    /// How many connections are served at once; more wait, unaccepted, in
    /// the listen backlog. Default 1024.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            max_connections: 1024,
        }
    }
}

/// Serves `service` on `listener` over HTTP/1.1 within `limits` until
/// `shutdown` completes, then stops accepting and waits for the requests in
/// flight. Each request carries the peer's address as axum's
/// [`ConnectInfo<SocketAddr>`].
///
/// # Errors
///
/// None in practice: a failed `accept` (a client that gave up, no file
/// descriptor left) is waited out and the loop goes on, as `axum::serve`
/// does. The `io::Result` keeps the signature of [`serve`](super::serve).
pub async fn serve_with<S>(
    listener: TcpListener,
    service: S,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot,
            () = &mut shutdown => break,
        };
        // The semaphore is never closed; if it were, serving would be over.
        let Ok(slot) = slot else { break };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let Ok((stream, peer)) = accepted else {
            // EMFILE and the like: give the other connections time to end
            // rather than spin.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let service = service
            .clone()
            .map_request(move |request: hyper::Request<Incoming>| {
                let mut request = request.map(Body::new);
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            });
        // No upgrades: the demo serves no WebSocket or CONNECT.
        let connection =
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that breaks off, or a header timeout, ends the
            // connection with an error that is the client's business.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
