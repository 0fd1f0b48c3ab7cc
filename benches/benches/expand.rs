//! What the proc-macros cost the compiler: parsing and checking the built-in
//! registry, expanding `status_codes!()` from it, and expanding
//! `#[derive(HttpError)]` on the 40-variant enum of the compile-time
//! benchmark (`scripts/compile-time/ours`). Target: the whole built-in
//! expansion (parse + check + expand) under 20 ms.
//!
//! A proc-macro crate exports nothing but its macros, so the macro crate's
//! modules are compiled into this binary as they are (`#[path]`), and run on
//! `proc_macro2`'s fallback tokens, outside a compiler.
//!
//! `cargo bench -p status-benches --bench expand`

// Not every helper of the macro crate is reached from here, and its items are
// `pub(crate)` by design.
#![allow(dead_code, unreachable_pub)]
// Cargo builds bench targets with `cfg(test)` but without the test harness:
// the macro crate's unit-test modules come along with their `#[test]`
// functions stripped, leaving their imports unused.
#![cfg_attr(test, allow(unused_imports))]

use std::hint::black_box;
use std::time::{Duration, Instant};

use proc_macro2::TokenStream;

#[path = "../../status-macros/src/codes/mod.rs"]
mod codes;
#[path = "../../status-macros/src/ctxt.rs"]
mod ctxt;
#[path = "../../status-macros/src/derive/mod.rs"]
mod derive;
#[path = "../../status-macros/src/header.rs"]
mod header;
#[path = "../../status-macros/src/member.rs"]
mod member;
#[path = "../../status-macros/src/private.rs"]
mod private;
#[path = "../../status-macros/src/spec/mod.rs"]
mod spec;

mod ratio;

/// The budget for expanding the built-in registry, parse included.
const BUDGET: Duration = Duration::from_millis(20);

/// The app of the compile-time benchmark; its enum is the derive's input.
const APP: &str = include_str!("../../scripts/compile-time/ours/src/error.rs");

/// The `#[derive(...)] enum ApiError { ... }` item of [`APP`].
fn api_error() -> syn::DeriveInput {
    let start = APP
        .find("\n#[derive(")
        .expect("the app declares its enum with a derive at the start of a line");
    let end = APP[start..]
        .find("\n}\n")
        .expect("the enum ends with a closing brace on its own line");
    syn::parse_str(&APP[start..start + end + 2]).expect("the app's enum parses")
}

fn parse_registry() -> spec::Spec {
    spec::Spec::parse(black_box(spec::BUILTIN_SOURCE), spec::BUILTIN_LABEL, None)
        .expect("the built-in registry is valid")
}

/// `status_codes!()` with the registry already parsed (the macro parses it
/// once per compiler process, then every invocation pays only this).
fn expand_status_codes() -> TokenStream {
    codes::expand(black_box(TokenStream::new()))
}

fn expand_derive(input: &syn::DeriveInput) -> TokenStream {
    derive::expand(black_box(input))
}

/// The first `status_codes!()` of a compiler process: parse, check, expand.
fn first_invocation() -> TokenStream {
    let registry = parse_registry();
    black_box(&registry);
    expand_status_codes()
}

/// Checks that the benchmarked work is the real thing before timing it.
fn check(derive_input: &syn::DeriveInput) {
    let registry = parse_registry();
    assert!(registry.codes.len() > 90, "{} codes", registry.codes.len());
    let generated = expand_status_codes().to_string();
    assert!(
        !generated.contains("compile_error"),
        "the built-in expansion reports an error"
    );
    assert!(generated.contains("enum StatusCode"));
    assert!(
        generated.contains("status_code_enum"),
        "one call with the rows"
    );
    let derived = expand_derive(derive_input).to_string();
    assert!(!derived.contains("compile_error"), "{derived}");
    assert!(derived.contains("HttpError for ApiError"));
}

/// Median time of `work` over enough runs to fill about a second.
fn median_time<T>(mut work: impl FnMut() -> T) -> Duration {
    let mut samples = Vec::new();
    let started = Instant::now();
    while samples.len() < 5 || (started.elapsed() < Duration::from_secs(1) && samples.len() < 500) {
        let start = Instant::now();
        black_box(work());
        samples.push(start.elapsed());
    }
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let derive_input = api_error();
    check(&derive_input);

    let mut criterion = ratio::criterion();
    let mut group = criterion.benchmark_group("expand");
    group.bench_function("registry_parse_and_check", |b| b.iter(parse_registry));
    group.bench_function("status_codes_expand", |b| b.iter(expand_status_codes));
    group.bench_function("derive_40_variants", |b| {
        b.iter(|| expand_derive(&derive_input));
    });
    group.finish();
    criterion.final_summary();

    if ratio::benchmarking() {
        let total = median_time(first_invocation);
        let rows = [
            ("registry parse + check", median_time(parse_registry)),
            ("status_codes!() expand", median_time(expand_status_codes)),
            ("built-in total", total),
            (
                "derive, 40 variants",
                median_time(|| expand_derive(&derive_input)),
            ),
        ];
        println!();
        println!("expansion (median wall time per run, proc_macro2 fallback tokens)");
        for (name, time) in rows {
            println!("{name:<24} {:>9.3} ms", time.as_secs_f64() * 1e3);
        }
        let verdict = if total < BUDGET { "PASS" } else { "MISS" };
        println!(
            "built-in total {:.3} ms against a budget of {} ms: {verdict}",
            total.as_secs_f64() * 1e3,
            BUDGET.as_millis()
        );
    }
}
