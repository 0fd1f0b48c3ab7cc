//! The workload of `scripts/layer-instructions.sh`: `N` requests answered 200
//! by an axum router, through `ProblemLayer` or not, in one process.
//!
//! ```text
//! cargo run -p status-benches --release --example layer_instructions -- layer 3000
//! cargo run -p status-benches --release --example layer_instructions -- floor 3000
//! cargo run -p status-benches --release --example layer_instructions -- plain 3000
//! ```
//!
//! The script runs each under callgrind twice, with two counts, so that the
//! difference is the instructions of the extra requests alone (start-up and
//! the runtime's set-up cancel out). Instruction counts do not vary from run
//! to run as times do, so they show a change of a few nanoseconds that
//! `benches/benches/layer.rs` cannot tell from noise; they are not times,
//! and that bench is still where issue #15's ratio is measured.

use std::hint::black_box;
use std::process::ExitCode;

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::routing::get;
use status_core::axum::ProblemLayer;
use tower::util::MapResponseLayer;
use tower::{Layer as _, Service, ServiceExt as _};

const USAGE: &str = "usage: layer_instructions (layer|floor|plain) REQUESTS";

/// Which service answers.
#[derive(Clone, Copy)]
enum Mode {
    Layer,
    Floor,
    Plain,
}

fn router() -> axum::Router {
    axum::Router::new().route(
        "/items/{id}",
        get(|| async { ([("content-type", "application/json")], r#"{"id":7}"#) }),
    )
}

/// One request through `service`, its body collected, as the bench does.
async fn call<S>(service: &mut S) -> Option<()>
where
    S: Service<Request, Response = axum::response::Response, Error = std::convert::Infallible>,
{
    // The request curl sends, as in `benches/benches/layer.rs`.
    let request = Request::get("/items/7")
        .header("host", "127.0.0.1:3000")
        .header("user-agent", "curl/8.5.0")
        .header("accept", "*/*")
        .body(Body::empty())
        .ok()?;
    let ready = service.ready().await.ok()?;
    let response = ready.call(black_box(request)).await.ok()?;
    let (parts, body) = response.into_parts();
    black_box(parts);
    black_box(to_bytes(body, usize::MAX).await.ok()?);
    Some(())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mode = match args.next().as_deref() {
        Some("layer") => Mode::Layer,
        Some("floor") => Mode::Floor,
        Some("plain") => Mode::Plain,
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(Ok(requests)) = args.next().map(|text| text.parse::<usize>()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
    else {
        eprintln!("layer_instructions: cannot start a runtime");
        return ExitCode::FAILURE;
    };
    let mut plain = router();
    let mut with_layer = ProblemLayer::new().layer(router());
    let mut floor =
        MapResponseLayer::new(|response: axum::response::Response| response).layer(router());
    for _ in 0..requests {
        let answered = runtime.block_on(async {
            match mode {
                Mode::Layer => call(&mut with_layer).await,
                Mode::Floor => call(&mut floor).await,
                Mode::Plain => call(&mut plain).await,
            }
        });
        if answered.is_none() {
            eprintln!("layer_instructions: a request failed");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
