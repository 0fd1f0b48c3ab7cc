//! cargo-fuzz target: the checks of `checks/spec_parse.rs`.

#![no_main]
// Not every item of the spec modules is reached from here, and they are
// `pub(crate)` by design.
#![allow(dead_code, unreachable_pub, unused_imports)]

use libfuzzer_sys::fuzz_target;

#[path = "../../status-macros/src/spec/mod.rs"]
mod spec;

// The spec checks header names with the macro crate's own rules.
#[path = "../../status-macros/src/header.rs"]
mod header;

#[path = "../checks/spec_parse.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::run(data));
