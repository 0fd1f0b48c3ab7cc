//! Look codes up in the registry: `cargo run --example lookup -- CODE...`.
//!
//! Prints what the crate knows about a few codes (or the ones you name), the
//! protocol rules attached to them, and shows a class checked at compile time.
//! The full HTTP demo service replaces this tour in a later release.

use std::process::ExitCode;

use status_core::{Redirection, StatusCode, codes};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "-h" || arg == "--help") {
        println!(
            "usage: cargo run --example lookup [-- CODE...]\n\nPrints the registry entry of each CODE (default: 200 404 413 418 429 499 503)."
        );
        return ExitCode::SUCCESS;
    }
    let requested: Vec<String> = if args.is_empty() {
        ["200", "404", "413", "418", "429", "499", "503"]
            .map(String::from)
            .to_vec()
    } else {
        args
    };

    println!(
        "status-core: {} status codes, generated from spec/status-codes.toml\n",
        StatusCode::ALL.len()
    );
    let mut failed = false;
    for text in &requested {
        match text.parse::<StatusCode>() {
            Ok(status) => describe(status),
            Err(error) => {
                eprintln!("{text}: {error}\n");
                failed = true;
            }
        }
    }

    let (status, location) = redirect(codes::SeeOther, "/items/42");
    println!(
        "Compile-time class check: redirect(codes::SeeOther, ..) -> {status}, Location: {location}"
    );
    println!("(redirect(codes::NotFound, ..) would not compile: 404 is not a Redirection)");
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn describe(status: StatusCode) {
    println!("{status}");
    println!("  class        {}", status.class());
    println!(
        "  source       {} ({:?})",
        status.source(),
        status.registration()
    );
    println!("  reference    {}", status.reference());
    println!("  description  {}", status.description());
    let mut rules = Vec::new();
    if !status.allows_body() {
        rules.push("no content".to_owned());
    }
    if !status.required_headers().is_empty() {
        rules.push(format!(
            "MUST send {}",
            status.required_headers().join(", ")
        ));
    }
    if !status.recommended_headers().is_empty() {
        rules.push(format!(
            "SHOULD send {}",
            status.recommended_headers().join(", ")
        ));
    }
    if !status.optional_headers().is_empty() {
        rules.push(format!("MAY send {}", status.optional_headers().join(", ")));
    }
    if status.is_cacheable_by_default() {
        rules.push("heuristically cacheable".to_owned());
    }
    if status.is_retryable() {
        rules.push("commonly retried".to_owned());
    }
    if !rules.is_empty() {
        println!("  rules        {}", rules.join("; "));
    }
    for alias in status.aliases() {
        println!("  also known   {} ({})", alias.phrase, alias.source);
    }
    println!();
}

/// Only redirect types are accepted: the class is checked by the compiler.
fn redirect<S: Redirection>(_status: S, location: &str) -> (StatusCode, String) {
    (S::STATUS, location.to_owned())
}
