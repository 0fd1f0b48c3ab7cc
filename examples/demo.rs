//! The demo API: `cargo run --example demo [-- --port 3000 --db items.db]`.
//!
//! An axum item service on SQLite where every status family comes from a real
//! situation and every error is one `#[derive(HttpError)]` enum. Ctrl-C stops
//! it gracefully.

use std::process::ExitCode;

use status_examples::demo::{self, Config};
use tokio::net::TcpListener;

const USAGE: &str = "\
usage: cargo run --example demo [-- OPTIONS]

Serves the status-core demo API on 127.0.0.1.

options:
  --port N      port to listen on (default 3000; 0 picks a free one)
  --db PATH     SQLite database file (default :memory:, created on start)
  -q, --quiet   do not log each request
  -h, --help    show this help";

struct Options {
    port: u16,
    config: Config,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        port: 3000,
        config: Config::default(),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "-q" | "--quiet" => options.config.log_requests = false,
            "--port" => {
                let text = value("--port")?;
                options.port = text
                    .parse()
                    .map_err(|_| format!("--port takes a number from 0 to 65535, not {text:?}"))?;
            }
            "--db" => options.config.database = value("--db")?,
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(Some(options))
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // status-core logs the source chain of every 5xx (feature `tracing`).
    tracing_subscriber::fmt()
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();

    let state = match demo::state(&options.config) {
        Ok(state) => state,
        Err(error) => {
            eprintln!(
                "error: cannot open database {:?}: {error}",
                options.config.database
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
        options.config.database
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
