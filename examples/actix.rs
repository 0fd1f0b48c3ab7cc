//! The demo's error enum on actix-web: `cargo run --example actix [-- --port 3001]`.
//!
//! The same `#[derive(HttpError)]` enum as the axum demo, here an actix-web
//! `ResponseError`: every error is the same `application/problem+json`.
//! Ctrl-C stops it gracefully (actix watches the signal).

use std::process::ExitCode;
use std::sync::Arc;

use status_examples::store::Store;
use status_examples::{actix_app, cli};

const USAGE: &str = "\
usage: cargo run --example actix [-- OPTIONS]

Serves the demo's items and errors with actix-web on 127.0.0.1.

options:
  --port N      port to listen on (default 3001; 0 picks a free one)
  --db PATH     SQLite database file (default :memory:, created on start)
  --header-timeout S  seconds a client may take to send a request's head (default 10)
  --body-timeout S    seconds a client may take to send a request's body (default 30)
  -q, --quiet   accepted for symmetry with the demo; actix logs nothing per request here
  -h, --help    show this help";

fn main() -> ExitCode {
    let options = match cli::server_options_or_exit(USAGE, 3001) {
        Ok(options) => options,
        Err(code) => return code,
    };
    cli::init_logging();

    let store = match Store::open(&options.database) {
        Ok(store) => Arc::new(store),
        Err(error) => {
            eprintln!(
                "error: cannot open database {:?}: {error}",
                options.database
            );
            return ExitCode::FAILURE;
        }
    };
    let listener = match std::net::TcpListener::bind(("127.0.0.1", options.port)) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!(
                "error: cannot listen on 127.0.0.1:{}: {error}",
                options.port
            );
            return ExitCode::FAILURE;
        }
    };
    let address = listener
        .local_addr()
        .map_or_else(|_| format!("127.0.0.1:{}", options.port), |a| a.to_string());
    println!(
        "status-core on actix-web listening on http://{address} (database: {})",
        options.database
    );
    println!("try:");
    for line in [
        format!(
            "curl -i http://{address}/items -H 'content-type: application/json' -d '{{\"name\":\"lamp\",\"description\":\"desk lamp\"}}'"
        ),
        format!("curl -i http://{address}/items/1"),
        format!("curl -i http://{address}/items/999"),
        format!(
            "curl -i http://{address}/items -H 'content-type: application/json' -d '{{\"name\":'"
        ),
        format!("curl -i http://{address}/items/1/attachments"),
        format!("curl -i http://{address}/teapot"),
    ] {
        println!("  {line}");
    }
    println!("Ctrl-C stops the server.\n");

    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    let defaults = status_examples::demo::Config::default();
    let limits = status_examples::demo::Limits {
        header_timeout: options
            .header_timeout
            .unwrap_or(defaults.limits.header_timeout),
        ..defaults.limits
    };
    let body_timeout = options.body_timeout.unwrap_or(defaults.body_timeout);
    let result = actix_web::rt::System::new().block_on(async move {
        actix_app::server_with(listener, store, workers, limits, body_timeout)?.await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: server failed: {error}");
            ExitCode::FAILURE
        }
    }
}
