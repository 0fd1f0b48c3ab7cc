//! The workload of `scripts/hook-instructions.sh`: `N` requests answered 200
//! by the same app through one of status-core's framework hooks or without
//! it, in one process.
//!
//! ```text
//! cargo run -p status-benches --release --example hook_instructions -- axum-layer 3000
//! cargo run -p status-benches --release --example hook_instructions -- axum-floor 3000
//! cargo run -p status-benches --release --example hook_instructions -- axum-plain 3000
//! cargo run -p status-benches --release --example hook_instructions -- actix-problems 3000
//! cargo run -p status-benches --release --example hook_instructions -- actix-plain 3000
//! cargo run -p status-benches --release --example hook_instructions -- poem-problems 3000
//! cargo run -p status-benches --release --example hook_instructions -- poem-plain 3000
//! ```
//!
//! The hooks are axum's `ProblemLayer` (with tower's `MapResponse`, a layer
//! that does nothing, as its floor) and actix-web's and poem's `Problems`.
//! Each app answers the request curl sends to `GET /items/7` with a JSON
//! 200, body collected, as `benches/benches/layer.rs` and
//! `benches/benches/middleware.rs` do.
//!
//! The script runs each mode under callgrind twice, with two counts, so that
//! the difference is the instructions of the extra requests alone (start-up
//! and the runtime's set-up cancel out). Instruction counts do not vary from
//! run to run as times do, so they show a change of a few nanoseconds that
//! the benches cannot tell from noise; they are not times, and the benches
//! are still where issue #15's ratios are measured.

use std::process::ExitCode;

const USAGE: &str = "usage: hook_instructions \
    (axum-layer|axum-floor|axum-plain|actix-problems|actix-plain|poem-problems|poem-plain) \
    REQUESTS";

const ITEM: &str = r#"{"id":7}"#;

/// The request curl sends, as `(name, value)` pairs.
const CURL: [(&str, &str); 3] = [
    ("host", "127.0.0.1:3000"),
    ("user-agent", "curl/8.5.0"),
    ("accept", "*/*"),
];

mod axum_side {
    use std::hint::black_box;

    use axum::body::{Body, to_bytes};
    use axum::extract::Request;
    use axum::routing::get;
    use status_core::axum::ProblemLayer;
    use tower::util::MapResponseLayer;
    use tower::{Layer as _, Service, ServiceExt as _};

    use super::{CURL, ITEM};

    fn router() -> axum::Router {
        axum::Router::new().route(
            "/items/{id}",
            get(|| async { ([("content-type", "application/json")], ITEM) }),
        )
    }

    /// One request through `service`, its body collected.
    async fn call<S>(service: &mut S) -> Option<()>
    where
        S: Service<Request, Response = axum::response::Response, Error = std::convert::Infallible>,
    {
        let request = CURL
            .iter()
            .fold(Request::get("/items/7"), |request, (name, value)| {
                request.header(*name, *value)
            })
            .body(Body::empty())
            .ok()?;
        let ready = service.ready().await.ok()?;
        let response = ready.call(black_box(request)).await.ok()?;
        let (parts, body) = response.into_parts();
        black_box(parts);
        black_box(to_bytes(body, usize::MAX).await.ok()?);
        Some(())
    }

    /// `requests` requests through the layer, its floor or neither
    /// (`hook` is what follows `axum-`); `None` if one failed.
    pub(super) fn run(hook: &str, requests: usize) -> Option<()> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .ok()?;
        let mut layer = ProblemLayer::new().layer(router());
        let mut floor =
            MapResponseLayer::new(|response: axum::response::Response| response).layer(router());
        let mut plain = router();
        for _ in 0..requests {
            runtime.block_on(async {
                match hook {
                    "layer" => call(&mut layer).await,
                    "floor" => call(&mut floor).await,
                    _ => call(&mut plain).await,
                }
            })?;
        }
        Some(())
    }
}

mod actix_side {
    use std::hint::black_box;

    use actix_web::body::MessageBody;
    use actix_web::dev::{Service, ServiceResponse};
    use actix_web::test::TestRequest;

    use super::{CURL, ITEM};

    async fn item() -> actix_web::HttpResponse {
        actix_web::HttpResponse::Ok()
            .content_type("application/json")
            .body(ITEM)
    }

    /// One request through `app`, its body collected.
    async fn call<S, B>(app: &S) -> Option<()>
    where
        S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
        B: MessageBody,
    {
        let mut request = CURL
            .iter()
            .fold(TestRequest::get().uri("/items/7"), |request, header| {
                request.insert_header(*header)
            })
            .to_request();
        // As actix's HTTP/1 decoder gives a GET: without a payload (the test
        // harness gives every request an empty one).
        drop(request.take_payload());
        let response = app.call(black_box(request)).await.ok()?;
        response.status().is_success().then_some(())?;
        black_box(actix_web::body::to_bytes(response.into_body()).await.ok()?);
        Some(())
    }

    fn routes(config: &mut actix_web::web::ServiceConfig) {
        config.route("/items/{id}", actix_web::web::get().to(item));
    }

    /// `requests` requests with `Problems` (`with`) or without.
    pub(super) fn run(with: bool, requests: usize) -> Option<()> {
        let system = actix_web::rt::System::new();
        let app = actix_web::App::new();
        if with {
            let app = app.wrap(status_core::actix_web::Problems::new());
            let service = system.block_on(actix_web::test::init_service(app.configure(routes)));
            (0..requests).try_for_each(|_| system.block_on(call(&service)))
        } else {
            let service = system.block_on(actix_web::test::init_service(app.configure(routes)));
            (0..requests).try_for_each(|_| system.block_on(call(&service)))
        }
    }
}

mod poem_side {
    use std::hint::black_box;

    use poem::{Endpoint, EndpointExt as _};

    use super::{CURL, ITEM};

    #[poem::handler]
    fn item() -> poem::Response {
        poem::Response::builder()
            .content_type("application/json")
            .body(ITEM)
    }

    /// One request through `app`, its body collected.
    async fn call<E: Endpoint>(app: &E) -> Option<()> {
        let request = CURL
            .iter()
            .fold(
                poem::Request::builder().uri(poem::http::Uri::from_static("/items/7")),
                |request, (name, value)| request.header(*name, *value),
            )
            .finish();
        let response = app.get_response(black_box(request)).await;
        response.status().is_success().then_some(())?;
        black_box(response.into_body().into_bytes().await.ok()?);
        Some(())
    }

    /// `requests` requests with `Problems` (`with`) or without.
    pub(super) fn run(with: bool, requests: usize) -> Option<()> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .ok()?;
        let route = || poem::Route::new().at("/items/:id", poem::get(item));
        if with {
            let app = route().with(status_core::poem::Problems::new());
            (0..requests).try_for_each(|_| runtime.block_on(call(&app)))
        } else {
            let app = route();
            (0..requests).try_for_each(|_| runtime.block_on(call(&app)))
        }
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mode = args.next();
    let Some(Ok(requests)) = args.next().map(|text| text.parse::<usize>()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let answered = match mode.as_deref() {
        Some(hook @ ("axum-layer" | "axum-floor" | "axum-plain")) => {
            axum_side::run(&hook["axum-".len()..], requests)
        }
        Some("actix-problems") => actix_side::run(true, requests),
        Some("actix-plain") => actix_side::run(false, requests),
        Some("poem-problems") => poem_side::run(true, requests),
        Some("poem-plain") => poem_side::run(false, requests),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if answered.is_none() {
        eprintln!("hook_instructions: a request failed");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
