//! Look status codes up in the registry:
//!
//! ```text
//! cargo run --example lookup -- 418            # one code
//! cargo run --example lookup -- 4xx            # a whole class
//! cargo run --example lookup -- teapot timeout # words in phrases, aliases, descriptions
//! cargo run --example lookup -- --json 429     # machine-readable
//! cargo run --example lookup -- --explain 401 403  # two codes contrasted
//! ```
//!
//! The text and the JSON are those of the demo's `/codes` page, built from
//! the same data with the same words. Exits with 2 when a query matches nothing.

use std::process::ExitCode;

use status_core::StatusCode;
use status_examples::lookup::lookup;
use status_examples::reference::{CodeInfo, Registry, describe, explain};

const USAGE: &str = "\
usage: cargo run --example lookup -- [--json] QUERY...
       cargo run --example lookup -- --explain CODE CODE

Each QUERY is a code (418), a class (4xx) or a word (teapot, timeout).
--explain contrasts two codes (401 403, 301 308, 404 410).
Exits with 2 when a query matches no code.";

fn main() -> ExitCode {
    let mut json_output = false;
    let mut explain_pair = false;
    let mut queries = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json_output = true,
            "--explain" => explain_pair = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => queries.push(arg),
        }
    }
    if queries.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let registry = Registry::builtin();
    if explain_pair {
        return explain_two(&registry, &queries);
    }

    let mut found = Vec::new();
    let mut failed = false;
    for query in &queries {
        match lookup(query) {
            Ok(matches) => found.extend(matches),
            Err(message) => {
                eprintln!("error: {message}");
                failed = true;
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|status| seen.insert(*status));
    let infos: Vec<&CodeInfo> = found
        .iter()
        .filter_map(|status| registry.code(status.as_u16()))
        .collect();

    if json_output {
        println!(
            "{}",
            serde_json::to_string_pretty(&infos).unwrap_or_default()
        );
    } else {
        for info in &infos {
            println!("{}", describe(info));
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--explain A B`: exactly two codes.
fn explain_two(registry: &Registry, queries: &[String]) -> ExitCode {
    let [first, second] = queries else {
        eprintln!("error: --explain takes two codes, such as `--explain 401 403`");
        return ExitCode::from(2);
    };
    let mut infos = Vec::new();
    for query in [first, second] {
        match query.parse::<StatusCode>() {
            Ok(status) => infos.extend(registry.code(status.as_u16())),
            Err(error) => {
                eprintln!("error: {query}: {error}");
                return ExitCode::from(2);
            }
        }
    }
    match infos.as_slice() {
        [first, second] => {
            print!("{}", explain(first, second));
            ExitCode::SUCCESS
        }
        _ => ExitCode::from(2),
    }
}
