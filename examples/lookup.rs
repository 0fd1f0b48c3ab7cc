//! Look status codes up in the registry:
//!
//! ```text
//! cargo run --example lookup -- 418            # one code
//! cargo run --example lookup -- 4xx            # a whole class
//! cargo run --example lookup -- teapot timeout # words in phrases, aliases, descriptions
//! cargo run --example lookup -- --json 429     # machine-readable
//! ```
//!
//! Exits with 2 when a query matches nothing.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde_json::{Value, json};
use status_core::StatusCode;
use status_examples::lookup::lookup;

const USAGE: &str = "\
usage: cargo run --example lookup -- [--json] QUERY...

Each QUERY is a code (418), a class (4xx) or a word (teapot, timeout).
Exits with 2 when a query matches no code.";

fn main() -> ExitCode {
    let mut json_output = false;
    let mut queries = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json_output = true,
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

    if json_output {
        let entries: Vec<Value> = found.iter().map(|&status| describe_json(status)).collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&entries).unwrap_or_default()
        );
    } else {
        for &status in &found {
            print!("{}", describe_text(status));
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn rules(status: StatusCode) -> Vec<String> {
    let mut rules = Vec::new();
    if !status.allows_body() {
        rules.push("never has content".to_owned());
    }
    for (verb, headers) in [
        ("MUST", status.required_headers()),
        ("SHOULD", status.recommended_headers()),
        ("MAY", status.optional_headers()),
    ] {
        if !headers.is_empty() {
            rules.push(format!("{verb} send {}", headers.join(", ")));
        }
    }
    if status.is_cacheable_by_default() {
        rules.push("heuristically cacheable".to_owned());
    }
    if status.is_retryable() {
        rules.push("commonly retried".to_owned());
    }
    rules
}

fn describe_text(status: StatusCode) -> String {
    let mut text = format!(
        "{status}\n  class        {}\n  source       {} ({:?})\n  reference    {}\n  description  {}\n",
        status.class(),
        status.source(),
        status.registration(),
        status.reference(),
        status.description()
    );
    let rules = rules(status);
    if !rules.is_empty() {
        let _ = writeln!(text, "  rules        {}", rules.join("; "));
    }
    for alias in status.aliases() {
        let _ = writeln!(text, "  also known   {} ({})", alias.phrase, alias.source);
    }
    text.push('\n');
    text
}

fn describe_json(status: StatusCode) -> Value {
    json!({
        "code": status.as_u16(),
        "phrase": status.reason_phrase(),
        "class": status.class().digits(),
        "source": status.source(),
        "registration": format!("{:?}", status.registration()).to_ascii_lowercase(),
        "reference": status.reference(),
        "description": status.description(),
        "allows_body": status.allows_body(),
        "required_headers": status.required_headers(),
        "recommended_headers": status.recommended_headers(),
        "optional_headers": status.optional_headers(),
        "cacheable_by_default": status.is_cacheable_by_default(),
        "retryable": status.is_retryable(),
        "aliases": status.aliases().iter().map(|alias| json!({ "phrase": alias.phrase, "source": alias.source })).collect::<Vec<_>>(),
    })
}
