//! The demo API: `cargo run --example demo [-- --port 3000 --db items.db]`.
//!
//! An axum item service on SQLite where every status family comes from a real
//! situation and every error is one `#[derive(HttpError)]` enum. Ctrl-C stops
//! it gracefully.

use std::process::ExitCode;

use status_examples::cli;
use status_examples::demo::{self, Config};
use tokio::net::TcpListener;

const USAGE: &str = "\
usage: cargo run --example demo [-- OPTIONS]

Serves the status-core demo API on 127.0.0.1.

options:
  --port N      port to listen on (default 3000; 0 picks a free one)
  --db PATH     SQLite database file (default :memory:, created on start)
  --header-timeout S  seconds a client may take to send a request's head (default 10)
  --body-timeout S    seconds a client may take to send a request's body (default 30)
  -q, --quiet   do not log each request
  -h, --help    show this help";

#[tokio::main]
async fn main() -> ExitCode {
    let options = match cli::server_options_or_exit(USAGE, 3000) {
        Ok(options) => options,
        Err(code) => return code,
    };
    cli::init_logging();
    let defaults = Config::default();
    let config = Config {
        database: options.database.clone(),
        log_requests: !options.quiet,
        body_timeout: options.body_timeout.unwrap_or(defaults.body_timeout),
        limits: demo::Limits {
            header_timeout: options
                .header_timeout
                .unwrap_or(defaults.limits.header_timeout),
            ..defaults.limits
        },
        ..defaults
    };

    let state = match demo::state(&config) {
        Ok(state) => state,
        Err(error) => {
            eprintln!(
                "error: cannot open database {:?}: {error}",
                options.database
            );
            return ExitCode::FAILURE;
        }
    };
    let listener = match TcpListener::bind(("127.0.0.1", options.port)).await {
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
        "status-core demo listening on http://{address} (database: {})",
        options.database
    );
    println!("try:");
    for line in [
        format!(
            "curl -i http://{address}/items -H 'content-type: application/json' -d '{{\"name\":\"lamp\",\"description\":\"desk lamp\"}}'"
        ),
        format!("curl -i http://{address}/items/1"),
        format!("curl -i http://{address}/items/999"),
        format!("curl -i http://{address}/admin/stats"),
        format!("curl -i http://{address}/items/1/attachments"),
        format!("curl -i http://{address}/debug/panic"),
        format!(
            "curl -i -X PUT http://{address}/admin/maintenance -H 'authorization: Bearer admin-token' -H 'content-type: application/json' -d '{{\"enabled\":true}}'"
        ),
    ] {
        println!("  {line}");
    }
    println!("Ctrl-C stops the server.\n");

    let shutdown = async {
        // If Ctrl-C cannot be watched, run until killed rather than stop at once.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
        println!("\nshutting down: finishing requests in flight");
    };
    match demo::serve(listener, state, shutdown).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: server failed: {error}");
            ExitCode::FAILURE
        }
    }
}
