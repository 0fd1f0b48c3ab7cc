//! A successful response through actix-web's and poem's `Problems`
//! middleware against the same app without it: the counterpart, for the
//! other two frameworks, of `layer.rs`'s `ProblemLayer` pair (issue #15 asks
//! a 200 through the hook to be at most 1.02 of the bare route).
//!
//! Each side answers `GET /items/7` with the same 200 JSON body, built with
//! the framework's own test harness (actix's `test::init_service`, poem's
//! `Endpoint::call`), body collected. The request is the one curl sends, as
//! in `layer.rs`.
//!
//! `cargo bench -p status-benches --bench middleware`

mod ratio;

const ITEM: &str = r#"{"id":7,"name":"lamp"}"#;

/// The request curl sends, as `(name, value)` pairs.
const CURL: [(&str, &str); 3] = [
    ("host", "127.0.0.1:3000"),
    ("user-agent", "curl/8.5.0"),
    ("accept", "*/*"),
];

/// What a client would see: status, headers in order, body bytes.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    status: u16,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

mod actix {
    use std::hint::black_box;

    use actix_web::body::MessageBody;
    use actix_web::dev::{Service, ServiceResponse};
    use actix_web::test::TestRequest;

    use super::{CURL, ITEM, Seen};
    use actix_http::Request;

    async fn item() -> actix_web::HttpResponse {
        actix_web::HttpResponse::Ok()
            .content_type("application/json")
            .body(ITEM)
    }

    /// The app, with or without status-core's middleware: the same route
    /// either way.
    macro_rules! app {
        ($($wrap:expr)?) => {
            actix_web::test::init_service(
                actix_web::App::new()
                    $(.wrap($wrap))?
                    .route("/items/{id}", actix_web::web::get().to(item)),
            )
        };
    }

    fn request() -> Request {
        let mut request = CURL
            .iter()
            .fold(TestRequest::get().uri("/items/7"), |request, header| {
                request.insert_header(*header)
            })
            .to_request();
        // As actix's HTTP/1 decoder gives a GET: without a payload (the test
        // harness gives every request an empty one).
        drop(request.take_payload());
        request
    }

    /// One request through `app`, its body collected.
    pub(super) async fn call<S, B>(app: &S)
    where
        S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
        B: MessageBody,
    {
        let response = actix_web::test::call_service(app, black_box(request())).await;
        black_box(actix_web::test::read_body(response).await);
    }

    async fn seen<S, B>(app: &S) -> Seen
    where
        S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
        B: MessageBody,
    {
        let response = actix_web::test::call_service(app, request()).await;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
            .collect();
        let body = actix_web::test::read_body(response).await.to_vec();
        Seen {
            status,
            headers,
            body,
        }
    }

    /// Setup check, criterion's figures, then the ratio when benchmarking.
    pub(super) fn run() -> Option<super::ratio::Ratio> {
        let system = actix_web::rt::System::new();
        let plain = system.block_on(app!());
        let wrapped = system.block_on(app!(status_core::actix_web::Problems::new()));
        let (bare, through) = system.block_on(async { (seen(&plain).await, seen(&wrapped).await) });
        super::compare(
            ("actix-web", "actix Problems"),
            (bare, through),
            || system.block_on(call(&wrapped)),
            || system.block_on(call(&plain)),
        )
    }
}

mod poem_side {
    use std::hint::black_box;

    use poem::{Endpoint, EndpointExt as _};

    use super::{CURL, ITEM, Seen};

    #[poem::handler]
    fn item() -> poem::Response {
        poem::Response::builder()
            .content_type("application/json")
            .body(ITEM)
    }

    fn route() -> poem::Route {
        poem::Route::new().at("/items/:id", poem::get(item))
    }

    fn request() -> poem::Request {
        CURL.iter()
            .fold(
                poem::Request::builder().uri(poem::http::Uri::from_static("/items/7")),
                |request, (name, value)| request.header(*name, *value),
            )
            .finish()
    }

    /// One request through `app`, its body collected.
    pub(super) async fn call<E: Endpoint>(app: &E) {
        let response = app.get_response(black_box(request())).await;
        black_box(response.into_body().into_bytes().await.ok());
    }

    async fn seen<E: Endpoint>(app: &E) -> Seen {
        let response = app.get_response(request()).await;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
            .collect();
        let body = response
            .into_body()
            .into_vec()
            .await
            .expect("an in-memory body collects");
        Seen {
            status,
            headers,
            body,
        }
    }

    /// Setup check, criterion's figures, then the ratio when benchmarking.
    pub(super) fn run() -> Option<super::ratio::Ratio> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a current-thread runtime starts");
        let plain = route();
        let wrapped = route().with(status_core::poem::Problems::new());
        let (bare, through) =
            runtime.block_on(async { (seen(&plain).await, seen(&wrapped).await) });
        super::compare(
            ("poem", "poem Problems"),
            (bare, through),
            || runtime.block_on(call(&wrapped)),
            || runtime.block_on(call(&plain)),
        )
    }
}

/// The setup check (`bare` and `through`, the same request's answer
/// without and with the middleware, must be the same 200), criterion's
/// figures for `group`, then the ratio named `pair` when benchmarking.
fn compare(
    (group_name, pair): (&str, &'static str),
    (bare, through): (Seen, Seen),
    mut ours: impl FnMut(),
    mut peer: impl FnMut(),
) -> Option<ratio::Ratio> {
    assert_eq!(through, bare, "Problems changed a successful response");
    assert_eq!(bare.status, 200);
    assert_eq!(bare.body, ITEM.as_bytes());
    let mut criterion = ratio::criterion();
    let mut group = criterion.benchmark_group(group_name);
    group.bench_function("with Problems", |b| b.iter(&mut ours));
    group.bench_function("without", |b| b.iter(&mut peer));
    group.finish();
    criterion.final_summary();
    ratio::benchmarking().then(|| ratio::measure(pair, 1.02, ours, peer))
}

fn main() {
    let ratios: Vec<_> = [actix::run(), poem_side::run()]
        .into_iter()
        .flatten()
        .collect();
    if !ratios.is_empty() {
        ratio::print_table(
            "middleware (one iteration = GET /items/7 answering 200 JSON, body collected; \
             peer = the same app without status-core's Problems middleware)",
            &ratios,
        );
    }
}
