//! End to end: a new actix-web app set up as the README says (status-core's
//! `Problems` middleware and extractors) answers every framework error with a
//! problem, over real HTTP on a loopback port.

use std::net::SocketAddr;
use std::time::Duration;

use actix_web::dev::ServerHandle;
use actix_web::{App, HttpResponse, HttpServer, web};
use serde::{Deserialize, Serialize};
use status_core::actix_web::{Json, Path, Problems, Query};

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

async fn create(Json(item): Json<NewItem>) -> HttpResponse {
    HttpResponse::Created().json(item)
}

async fn list(Query(_paging): Query<Paging>) -> &'static str {
    "[]"
}

async fn item(Path(id): Path<u32>) -> String {
    format!("item {id}")
}

async fn slow() -> &'static str {
    actix_web::rt::time::sleep(Duration::from_secs(30)).await;
    "too late"
}

async fn slow_read(body: web::Payload) -> String {
    actix_web::rt::time::sleep(SLOW_READ_DELAY).await;
    match body.to_bytes().await {
        Ok(bytes) => format!("read {} bytes", bytes.len()),
        Err(error) => format!("not read: {error}"),
    }
}

async fn panics() -> &'static str {
    panic!("{PANIC_MESSAGE}");
}

/// The app under test, on its own thread and actix system, stopped on drop.
/// (`framework_cases!` awaits each app's start, so this one is `async` too.)
struct TestApp {
    address: SocketAddr,
    handle: ServerHandle,
}

impl TestApp {
    fn address(&self) -> SocketAddr {
        self.address
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        drop(self.handle.stop(false));
    }
}

#[allow(clippy::unused_async)]
async fn start() -> TestApp {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let address = listener.local_addr().expect("an address");
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(|| {
                App::new()
                    .wrap(
                        Problems::new()
                            .body_timeout(BODY_TIMEOUT)
                            .handler_timeout(HANDLER_TIMEOUT),
                    )
                    .app_data(web::PayloadConfig::new(BODY_LIMIT))
                    .service(
                        web::resource("/items")
                            .route(web::get().to(list))
                            .route(web::post().to(create)),
                    )
                    .service(web::resource("/items/{id}").route(web::get().to(item)))
                    .service(web::resource("/slow").route(web::get().to(slow)))
                    .service(web::resource("/slow-read").route(web::post().to(slow_read)))
                    .service(web::resource("/panic").route(web::get().to(panics)))
            })
            .workers(1)
            .disable_signals()
            .listen(listener)?
            .run();
            sender
                .send(server.handle())
                .expect("the test waits for the handle");
            server.await
        })
    });
    let handle = receiver
        .recv_timeout(Duration::from_secs(10))
        .expect("the actix server starts");
    TestApp { address, handle }
}

framework_cases!(start);

/// A middleware inside `Problems` whose `call` panics, before there is a
/// future to poll, is answered as a handler's panic is: a masked 500
/// problem, which actix sends as the error's response.
#[actix_web::test]
async fn a_middleware_whose_call_panics_is_a_masked_500() {
    use actix_web::dev::ServiceResponse;
    use actix_web::test::{TestRequest, init_service, try_call_service};

    let app = init_service(
        App::new()
            .wrap_fn(
                |_request,
                 _service|
                 -> std::future::Ready<Result<ServiceResponse, actix_web::Error>> {
                    panic!("{PANIC_MESSAGE}")
                },
            )
            .wrap(Problems::new())
            .route("/", web::get().to(|| async { "ok" })),
    )
    .await;
    let Err(error) = try_call_service(&app, TestRequest::get().uri("/").to_request()).await else {
        panic!("a panicking middleware must not answer 200");
    };
    let response = error.error_response();
    assert_eq!(response.status().as_u16(), 500);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok()),
        Some("application/problem+json")
    );
    let body = actix_web::body::to_bytes(response.into_body())
        .await
        .expect("an in-memory body");
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains(r#""code":"internal_error""#), "{body}");
    assert!(
        !body.contains(PANIC_MESSAGE),
        "the panic's message leaked: {body}"
    );
}
