//! Independent verdicts on the demo's OpenAPI document: `openapi-spec-validator`
//! must accept it, and Schemathesis, run with every check against the demo
//! on a loopback port, must find no failure: no undocumented status, header
//! or body, no 5xx, valid input accepted and invalid input refused.
//!
//! Both tools come from `PyPI`, pinned, in the virtual environment `.ci/run`
//! makes under `target/schemathesis-venv` (or `STATUS_SCHEMATHESIS_VENV`).
//! Without it the tests skip, unless `STATUS_REQUIRE_SCHEMATHESIS` is set,
//! as `.ci/run` does: then they fail. Run alone with
//! `cargo test -p status-tests --test schemathesis -- --nocapture`.

// Shared with the other demo tests, which use the helpers this file does not.
#[allow(dead_code)]
#[path = "e2e_support/demo_server.rs"]
mod demo_server;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use demo_server::TestServer;
use status_examples::demo::{Config, RateLimit};

/// The whole Schemathesis run may take this long on 2 cores.
const BUDGET: Duration = Duration::from_secs(240);

/// The demo's rate limit for the run, and the rate Schemathesis keeps to,
/// below it: a 429 would be a true answer, but not the one under test.
const RATE_LIMIT: RateLimit = RateLimit {
    burst: 200,
    per_second: 200.0,
};
const REQUEST_RATE: &str = "100/s";

fn venv() -> Option<PathBuf> {
    let venv = std::env::var_os("STATUS_SCHEMATHESIS_VENV").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/schemathesis-venv"),
        PathBuf::from,
    );
    let present =
        venv.join("bin/st").is_file() && venv.join("bin/openapi-spec-validator").is_file();
    if !present {
        assert!(
            std::env::var_os("STATUS_REQUIRE_SCHEMATHESIS").is_none(),
            "STATUS_REQUIRE_SCHEMATHESIS is set, but {} has no st or openapi-spec-validator",
            venv.display()
        );
        eprintln!(
            "skipped: no Schemathesis at {} (bash .ci/run installs it; or python3 -m venv \
             target/schemathesis-venv && target/schemathesis-venv/bin/pip install \
             schemathesis==4.32.5 openapi-spec-validator==0.9.0)",
            venv.display()
        );
        return None;
    }
    Some(venv)
}

/// `STATUS_SCHEMATHESIS_ARGS`, split on white space: more options for `st
/// run`, such as `--include-path /items` to look at one route.
fn extra_args() -> Vec<String> {
    std::env::var("STATUS_SCHEMATHESIS_ARGS")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

async fn server() -> TestServer {
    TestServer::with_config(Config {
        rate_limit: RATE_LIMIT,
        log_requests: false,
        ..Config::default()
    })
    .await
}

#[tokio::test]
async fn openapi_spec_validator_accepts_the_document() {
    let Some(venv) = venv() else { return };
    let document = serde_json::to_string_pretty(&status_examples::demo::openapi())
        .expect("the document serializes");
    let file = std::env::temp_dir().join(format!("status-openapi-{}.json", std::process::id()));
    std::fs::write(&file, document).expect("write the document");
    let output = Command::new(venv.join("bin/openapi-spec-validator"))
        .arg(&file)
        .output()
        .expect("openapi-spec-validator runs");
    let _ = std::fs::remove_file(&file);
    assert!(
        output.status.success(),
        "openapi-spec-validator rejects the document:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_failure_with_every_check() {
    let Some(venv) = venv() else { return };
    let server = server().await;
    let schema = format!("{}/openapi.json", server.base);
    let scratch = std::env::temp_dir().join(format!("status-schemathesis-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch directory");
    let st = venv.join("bin/st");
    let config = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemathesis.toml");
    let run = tokio::task::spawn_blocking(move || {
        // To a file, not a pipe: a pipe nobody reads fills up and stalls st.
        let log_path = scratch.join("st.log");
        let log = std::fs::File::create(&log_path).expect("a log file");
        let log_err = log.try_clone().expect("the log file twice");
        let mut child = Command::new(st)
            .current_dir(&scratch)
            .arg("--config-file")
            .arg(config)
            .args(["run", &schema])
            .args(["--checks", "all"])
            .args(["--phases", "examples,coverage,fuzzing,stateful"])
            .args(["--max-examples", "25"])
            // One worker: Hypothesis 6 describes lambdas through a cache that is
            // not thread-safe, and two workers now and then end in its internal error.
            .args(["--workers", "1"])
            .args(["--rate-limit", REQUEST_RATE])
            .args(["--request-timeout", "10"])
            .args(["--seed", "20261202"])
            .args(["--generation-database", "none"])
            .args(["--no-color", "--output-truncate", "true"])
            .args(extra_args())
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(log_err))
            .spawn()
            .expect("st runs");
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("st can be waited for") {
                break Some(status);
            }
            if started.elapsed() > BUDGET {
                let _ = child.kill();
                break None;
            }
            std::thread::sleep(Duration::from_millis(200));
        };
        let _ = child.wait();
        let output = std::fs::read_to_string(&log_path).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&scratch);
        (status, started.elapsed(), output)
    })
    .await
    .expect("the run finishes");
    let (status, elapsed, output) = run;
    let report = output;
    println!("{report}\nSchemathesis took {:.1} s", elapsed.as_secs_f64());
    let status = status.unwrap_or_else(|| panic!("Schemathesis ran over {BUDGET:?}:\n{report}"));
    assert!(
        status.success(),
        "Schemathesis found failures (each with its curl reproduction above):\n{report}"
    );
    server.stop().await;
}
