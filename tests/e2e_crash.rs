//! End to end: the demo on a file database is killed with SIGKILL in the
//! middle of a burst of concurrent writes, restarted on the same file, and
//! must have kept every write it acknowledged, and nothing half-written.
//!
//! The server runs in a child process, so that the kill is a real one: this
//! test binary runs itself again with `--exact child_server --ignored` and
//! [`CHILD_DATABASE`] set, and that "test" serves the demo until killed.

use std::collections::HashMap;
use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use status_examples::demo::{self, Config, RateLimit};
use tokio::sync::Mutex;

/// In the child: the database file to serve.
const CHILD_DATABASE: &str = "STATUS_CRASH_CHILD_DATABASE";

/// The demo, serving the database named by [`CHILD_DATABASE`] on an
/// ephemeral port that it prints as `port N`, until the process is killed.
/// Run only as the child of [`acknowledged_writes_survive_sigkill`].
#[test]
#[ignore = "the crash test's child process; does nothing on its own"]
fn child_server() {
    let Ok(database) = std::env::var(CHILD_DATABASE) else {
        return;
    };
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    runtime.block_on(async move {
        let config = Config {
            database,
            log_requests: false,
            rate_limit: RateLimit {
                burst: 1_000_000,
                per_second: 1_000_000.0,
            },
            ..Config::default()
        };
        let state = demo::state(&config).expect("the database opens");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let port = listener.local_addr().expect("an address").port();
        println!("port {port}");
        demo::serve(listener, state, std::future::pending())
            .await
            .expect("serves until killed");
    });
}

/// A demo child process on `database`, and its base URL once it listens.
fn start_child(database: &str) -> (Child, String) {
    let mut child = Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--exact", "child_server", "--ignored", "--nocapture"])
        .env(CHILD_DATABASE, database)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the child starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    let port = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| line.strip_prefix("port ").map(str::to_owned))
        .expect("the child prints its port");
    // Keep draining the child's output so it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (child, format!("http://127.0.0.1:{port}"))
}

/// The description each write carries: long enough that a torn write would
/// show, and derived from the name so that it can be checked.
fn description_of(name: &str) -> String {
    format!("{name}:").repeat(200)
}

/// Every item the demo at `base` lists, by id.
async fn every_item(client: &reqwest::Client, base: &str) -> HashMap<i64, Value> {
    let export = client
        .get(format!("{base}/items?per_page=1"))
        .send()
        .await
        .expect("the restarted demo answers");
    let total = export.json::<Value>().await.expect("a page")["total"]
        .as_u64()
        .expect("a total");
    let mut stored: HashMap<i64, Value> = HashMap::new();
    for page in 1..=total.div_ceil(100) {
        let page: Value = client
            .get(format!("{base}/items?page={page}&per_page=100"))
            .send()
            .await
            .expect("answered")
            .json()
            .await
            .expect("a page");
        for item in page["items"].as_array().expect("items") {
            stored.insert(item["id"].as_i64().expect("an id"), item.clone());
        }
    }
    stored
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill() {
    let database = std::env::temp_dir().join(format!(
        "status-crash-{}-{}.db",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos()
    ));
    let database = database.to_string_lossy().into_owned();
    let (mut child, base) = start_child(&database);
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("a client");

    // Eight writers, each creating items as fast as it is answered.
    let acknowledged: Arc<Mutex<HashMap<i64, String>>> = Arc::default();
    let mut writers = Vec::new();
    for writer in 0..8 {
        let (client, base, acknowledged) = (client.clone(), base.clone(), acknowledged.clone());
        writers.push(tokio::spawn(async move {
            for n in 0.. {
                let name = format!("w{writer}-{n}");
                let sent = client
                    .post(format!("{base}/items"))
                    .json(&json!({ "name": name, "description": description_of(&name) }))
                    .send()
                    .await;
                let Ok(response) = sent else { break };
                if response.status().as_u16() != 201 {
                    break;
                }
                let Ok(item) = response.json::<Value>().await else {
                    break;
                };
                let id = item["id"].as_i64().expect("an id");
                acknowledged.lock().await.insert(id, name);
            }
        }));
    }
    // Mid-burst: once a good number of writes are in, and more in flight.
    // Each commit waits for a sync to disk, so on a busy disk this can take
    // seconds; the time bound keeps the test short.
    let started = Instant::now();
    while acknowledged.lock().await.len() < 100 && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    child.kill().expect("SIGKILL the demo");
    child.wait().expect("the child is reaped");
    for writer in writers {
        writer.await.expect("a writer ends once the server is gone");
    }
    let acknowledged = acknowledged.lock().await.clone();
    assert!(
        acknowledged.len() >= 10,
        "only {} writes before the kill",
        acknowledged.len()
    );

    // Restarted on the same file: every acknowledged item, and each item
    // whole (its description the one sent with its name, version 1).
    let (mut child, base) = start_child(&database);
    let stored = every_item(&client, &base).await;
    child.kill().expect("stop the second demo");
    child.wait().expect("reaped");

    eprintln!(
        "killed after {:?}: {} writes acknowledged, {} stored",
        started.elapsed(),
        acknowledged.len(),
        stored.len()
    );
    for (id, name) in &acknowledged {
        let item = stored
            .get(id)
            .unwrap_or_else(|| panic!("acknowledged item {id} ({name}) is missing"));
        assert_eq!(item["name"], json!(name), "item {id}");
    }
    for (id, item) in &stored {
        let name = item["name"].as_str().expect("a name");
        assert_eq!(
            item["description"],
            json!(description_of(name)),
            "item {id} is half-written"
        );
        assert_eq!(item["version"], json!(1), "item {id}");
    }
    // At most the writes in flight at the kill (one per writer) went in
    // without their answer.
    assert!(
        stored.len() <= acknowledged.len() + 8,
        "{} stored, {} acknowledged",
        stored.len(),
        acknowledged.len()
    );

    let connection = rusqlite::Connection::open(&database).expect("the file opens");
    let integrity: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity_check runs");
    assert_eq!(integrity, "ok");
    let mode: String = connection
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal");
    drop(connection);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{database}{suffix}"));
    }
}
