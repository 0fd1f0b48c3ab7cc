//! End to end: a new poem app set up as the README says (status-core's
//! `Problems` middleware, extractors and method routes) answers every
//! framework error with a problem, over real HTTP on a loopback port.

use std::net::SocketAddr;
use std::time::Duration;

use poem::http::StatusCode;
use poem::listener::{Acceptor as _, Listener as _, TcpListener};
use poem::{EndpointExt as _, IntoResponse, Route, Server, handler};
use serde::{Deserialize, Serialize};
use status_core::poem::{Json, Path, Problems, Query, get};
use tokio::sync::oneshot;

#[path = "e2e_support/framework_cases.rs"]
mod framework_cases;

use framework_cases::{BODY_LIMIT, BODY_TIMEOUT, HANDLER_TIMEOUT, PANIC_MESSAGE, SLOW_READ_DELAY};

#[derive(Deserialize, Serialize)]
struct NewItem {
    name: String,
    #[serde(default)]
    tags: Vec<Tag>,
}

#[derive(Deserialize, Serialize)]
struct Tag {
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Paging {
    #[allow(dead_code)]
    page: Option<u32>,
}

#[handler]
fn create_item(Json(new): Json<NewItem>) -> impl IntoResponse {
    Json(new).with_status(StatusCode::CREATED)
}

#[handler]
fn list_items(Query(_paging): Query<Paging>) -> &'static str {
    "[]"
}

#[handler]
fn get_item(Path(id): Path<u32>) -> String {
    format!("item {id}")
}

#[handler]
async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(30)).await;
    "too late"
}

#[handler]
async fn slow_read(body: poem::Body) -> String {
    tokio::time::sleep(SLOW_READ_DELAY).await;
    match body.into_bytes().await {
        Ok(bytes) => format!("read {} bytes", bytes.len()),
        Err(error) => format!("not read: {error}"),
    }
}

#[handler]
fn panics() -> &'static str {
    panic!("{PANIC_MESSAGE}");
}

/// The app under test, served until dropped.
struct TestApp {
    address: SocketAddr,
    _stop: oneshot::Sender<()>,
}

impl TestApp {
    fn address(&self) -> SocketAddr {
        self.address
    }
}

async fn start() -> TestApp {
    let app = Route::new()
        .at("/items", get(list_items).post(create_item))
        .at("/items/:id", get(get_item))
        .at("/slow", get(slow))
        .at("/slow-read", status_core::poem::post(slow_read))
        .at("/panic", get(panics))
        .with(
            Problems::new()
                .body_limit(BODY_LIMIT)
                .body_timeout(BODY_TIMEOUT)
                .handler_timeout(HANDLER_TIMEOUT),
        );
    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .expect("bind a loopback port");
    let address = acceptor
        .local_addr()
        .first()
        .and_then(|address| address.as_socket_addr().copied())
        .expect("a socket address");
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        Server::new_with_acceptor(acceptor)
            .run_with_graceful_shutdown(
                app,
                async move {
                    let _ = stopped.await;
                },
                Some(Duration::from_secs(1)),
            )
            .await
    });
    TestApp {
        address,
        _stop: stop,
    }
}

framework_cases!(start);
